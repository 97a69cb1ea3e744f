"""News listing pages without a feed: CSS selectors from sources.toml, or a heuristic.

Entries carry only a title, a link and maybe a teaser (``full_text=False``): the
pipeline fetches each article page for its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from bot.core.dates import parse_timestamp
from bot.core.models import Entry, HtmlSelectors
from bot.core.sources import SourceParseError, element_text, soup

# A path looks like an article when a segment holds a number (…/news/12345, …/2024/05/…)
# or a long slug (…/activist-jailed-for-15-days).
NUMBER_SEGMENT_RE = re.compile(r"\d{3,}")
SLUG_SEGMENT_RE = re.compile(r"^[^/]*[\w%]+(?:[-_][\w%]+){3,}[^/]*$")
# Link texts shorter than this are "Read more", menus or tags, not headlines.
MIN_TITLE_CHARS = 15
CHROME_TAGS = ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template"]


def parse(
    text: str,
    final_url: str,
    select: HtmlSelectors | None,
    lang: str | None = None,
    zone: str | None = None,
) -> list[Entry]:
    page = soup(text)
    if select is not None and select.item:
        items = page.select(select.item)
        if not items:
            raise SourceParseError(
                f"{final_url}: the item selector {select.item!r} matches nothing; "
                "the site's layout may have changed — check [source.select]"
            )
        return _dedupe(e for e in (_selected(item, select, final_url, lang, zone) for item in items) if e is not None)
    entries = _heuristic(page, final_url, select.link if select else None, lang, zone)
    if not entries:
        raise SourceParseError(
            f"{final_url}: found no article links on the page; add [source.select] with CSS "
            "selectors for its stories (item, link, title), or use the site's RSS feed if it has one"
        )
    return entries


def _selected(item: Tag, select: HtmlSelectors, base_url: str, lang: str | None, zone: str | None) -> Entry | None:
    if select.link:
        link_tag = item.select_one(select.link)
    elif item.name == "a" and item.has_attr("href"):
        link_tag = item
    else:
        link_tag = item.select_one("a[href]")
    url = _article_url(link_tag, base_url)
    title_tag = item.select_one(select.title) if select.title else link_tag
    title = _text(title_tag).replace("\n", " ")
    if not url or not title:
        return None
    published = None
    if select.date:
        date_tag = item.select_one(select.date)
        if date_tag is not None:
            published = parse_timestamp(str(date_tag.get("datetime") or "") or _text(date_tag), lang, zone)
    teaser = _text(item.select_one(select.teaser)) if select.teaser else ""
    return Entry(title=title, url=url, guid=url, text=teaser, published=published, full_text=False)


def _heuristic(
    page: BeautifulSoup,
    base_url: str,
    link_selector: str | None,
    lang: str | None,
    zone: str | None,
) -> list[Entry]:
    root = page.find("main") or page.find(None, {"role": "main"}) or page.body or page
    for tag in root.find_all(CHROME_TAGS):
        tag.decompose()
    if link_selector:
        links = root.select(link_selector)
        return _dedupe(_linked(a, base_url) for a in links)
    from_articles = _dedupe(_from_article(article, base_url, lang, zone) for article in root.find_all("article"))
    if from_articles:
        return from_articles
    page_host = urlsplit(base_url).hostname or ""
    candidates = []
    for anchor in root.find_all("a", href=True):
        url = _article_url(anchor, base_url)
        if url is None or url == urldefrag(base_url).url or not _same_site(url, page_host):
            continue
        if _looks_like_article(url) and len(_text(anchor)) >= MIN_TITLE_CHARS:
            candidates.append(_linked(anchor, base_url))
    return _dedupe(candidates)


def _from_article(article: Tag, base_url: str, lang: str | None, zone: str | None) -> Entry | None:
    heading = article.find(["h1", "h2", "h3", "h4"])
    anchor = (heading.find("a", href=True) if heading else None) or article.find("a", href=True)
    url = _article_url(anchor, base_url)
    title = _text(heading) or _text(anchor)
    if not url or not title:
        return None
    date_tag = article.find("time")
    published = (
        parse_timestamp(str(date_tag.get("datetime") or "") or _text(date_tag), lang, zone) if date_tag else None
    )
    paragraph = article.find("p")
    return Entry(
        title=title.replace("\n", " "), url=url, guid=url, text=_text(paragraph), published=published, full_text=False
    )


def _linked(anchor: Tag, base_url: str) -> Entry | None:
    url = _article_url(anchor, base_url)
    title = _text(anchor).replace("\n", " ")
    if not url or not title:
        return None
    return Entry(title=title, url=url, guid=url, full_text=False)


def _article_url(tag: Tag | None, base_url: str) -> str | None:
    if tag is None:
        return None
    href = str(tag.get("href") or "").strip()
    if not href or href.startswith("#"):
        return None
    url = urldefrag(urljoin(base_url, href)).url
    return url if urlsplit(url).scheme in ("http", "https") else None


def _looks_like_article(url: str) -> bool:
    segments = [s for s in urlsplit(url).path.split("/") if s]
    return any(NUMBER_SEGMENT_RE.search(s) or SLUG_SEGMENT_RE.match(s) for s in segments)


def _same_site(url: str, page_host: str) -> bool:
    host = urlsplit(url).hostname or ""
    bare = page_host.removeprefix("www.")
    return host == page_host or host.removeprefix("www.") == bare or host.endswith("." + bare)


def _text(tag: Tag | None) -> str:
    if tag is None:
        return ""
    return element_text(tag)


def _dedupe(entries: Iterable[Entry | None]) -> list[Entry]:
    """One entry per URL, in page order, keeping the longest title seen for it."""
    by_url: dict[str, Entry] = {}
    for entry in entries:
        if entry is None or entry.url is None:
            continue
        known = by_url.get(entry.url)
        if known is None or len(entry.title) > len(known.title):
            by_url[entry.url] = entry if known is None else _merged(known, entry)
    return list(by_url.values())


def _merged(known: Entry, longer: Entry) -> Entry:
    return Entry(
        title=longer.title,
        url=known.url,
        guid=known.guid,
        text=known.text or longer.text,
        published=known.published or longer.published,
        full_text=False,
    )
