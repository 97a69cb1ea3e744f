"""RSS 0.9x/2.0, RDF and Atom feeds, read with feedparser from the raw bytes
(so the document's own encoding declaration is honoured)."""

from __future__ import annotations

import functools
import io
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import feedparser.mixin

from bot.core.dates import from_utc_struct_time
from bot.core.models import Entry
from bot.core.sources import SourceParseError, first_line_title, html_to_text, soup

# Text in content:encoded / atom:content shorter than this is treated as a teaser.
FULL_TEXT_CHARS = 200
HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.I | re.S)
FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
# A numeric character reference (in an ASCII-compatible encoding, which every feed
# we read declares); see _valid_references.
CHAR_REF_RE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
REPLACEMENT_REF = b"&#xFFFD;"

# feedparser joins the document's base URL with each element's (the same base, unless
# the feed sets xml:base) at every start tag: urllib's urljoin, a quarter of its parsing
# time. The join is a pure function of its two strings, so remembering the last few
# gives every feed the same entries for a dictionary look-up per tag.
if not hasattr(feedparser.mixin.make_safe_absolute_uri, "cache_info"):  # once, even if this module is reloaded
    feedparser.mixin.make_safe_absolute_uri = functools.lru_cache(maxsize=256)(feedparser.mixin.make_safe_absolute_uri)


def parse(content: bytes, final_url: str) -> list[Entry]:
    # A file object, never bytes: feedparser would try bytes as a file name first.
    # No sanitising or rewriting of the HTML inside entries (a third of feedparser's
    # time): it only ever becomes plain text here (html_to_text drops scripts and styles),
    # and links are made absolute by _absolute.
    try:
        parsed = feedparser.parse(
            io.BytesIO(_valid_references(content)),
            response_headers={"content-location": final_url},
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser's own failure: name it, the source's health shows it
        raise SourceParseError(f"{final_url}: the feed parser failed on this document: {exc!r}") from exc
    # feedparser names the format it recognised; no name and no entries: not a feed at all.
    if not parsed.entries and not parsed.get("version"):
        raise SourceParseError(_not_a_feed(content, final_url))
    entries = []
    for item in parsed.entries:
        entry = _entry(item, final_url)
        if entry is not None:
            entries.append(entry)
    return entries


def _valid_references(content: bytes) -> bytes:
    """Replace character references to no character (a surrogate, past U+10FFFF, NUL)
    with U+FFFD: feedparser's fallback parser raises on them, which lost the whole
    feed, neighbours included, for as long as one such item stayed in it."""

    def replace(match: re.Match[bytes]) -> bytes:
        hexa, decimal = match.groups()
        code = int(hexa, 16) if hexa else int(decimal)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return REPLACEMENT_REF
        return match.group(0)

    return CHAR_REF_RE.sub(replace, content) if b"&#" in content else content


def _entry(item: Any, base_url: str) -> Entry | None:
    link = _absolute(item.get("link"), base_url)
    content_text = "\n\n".join(
        text for text in (html_to_text(part.get("value", "")) for part in item.get("content") or []) if text
    )
    # The summary is only read when there is no content (it is usually its first lines).
    text = content_text or html_to_text(item.get("summary", ""))
    title = html_to_text(item.get("title", "")).replace("\n", " ")
    if not title and not link:
        return None
    if not title:
        title = first_line_title(text) or link or ""
    return Entry(
        title=title,
        url=link,
        guid=(item.get("id") or "").strip() or None,
        text=text,
        published=from_utc_struct_time(item.get("published_parsed") or item.get("updated_parsed")),
        full_text=len(content_text) >= FULL_TEXT_CHARS,
    )


def _absolute(link: str | None, base_url: str) -> str | None:
    if not link:
        return None
    url = urljoin(base_url, link.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _not_a_feed(content: bytes, url: str) -> str:
    if HTML_START_RE.match(content[:2048]):
        message = (
            f"{url} is not an RSS/Atom feed (looks like HTML); if it is a news page set "
            'type = "html" for this source in sources.toml'
        )
        feed = _announced_feed(content, url)
        if feed:
            message += f', or use the feed the page announces: url = "{feed}"'
        return message
    if not content.strip():
        return f"{url} is not an RSS/Atom feed (the body is empty); check the URL"
    return (
        f"{url} is not an RSS/Atom feed (not XML a feed reader understands); check the URL, "
        'or set type = "html" if it is a news page'
    )


def _announced_feed(content: bytes, url: str) -> str | None:
    page = soup(content)
    for link in page.find_all("link", href=True):
        rel = link.get("rel") or ""
        rels = rel if isinstance(rel, list) else str(rel).split()
        if "alternate" in [r.lower() for r in rels] and str(link.get("type", "")).lower() in FEED_LINK_TYPES:
            return urljoin(url, str(link["href"]))
    return None
