"""Turning a fetched page into entries: one module per source type (rss, html, telegram).

Pure: the caller fetches; these functions only read bytes/text and return ``Entry``s.
"""

from __future__ import annotations

import copy
import dataclasses
import html as html_entities
import re
import warnings
from typing import TYPE_CHECKING

from bot.core.errors import ParseError
from bot.core.models import Entry, SourceConfig
from bot.core.sanitize import clean_optional, clean_text

# BeautifulSoup and lxml (8 MB) load only where they are used: HTML pages, Telegram
# previews, an RSS item with <pre>. The analysis process parses RSS feeds and does not
# hold them (bench/run_rss.py --mix).
if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

# A public channel: "@name", "name", or a t.me link to it or to one of its posts.
TELEGRAM_CHANNEL_RE = re.compile(
    r"^(@|(?:https?://)?(?:www\.)?(?:t|telegram)\.me/(?:s/)?)?([A-Za-z][A-Za-z0-9_]{3,31})(?:/\d+)?/?$"
)
BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
CDATA_MARK_RE = re.compile(r"<!\[CDATA\[|\]\]>", re.I)


class SourceParseError(ParseError):
    """A fetched document is not what the source's type says; the message says what to do."""


def parse_entries(source: SourceConfig, content: bytes, text: str, final_url: str) -> list[Entry]:
    """The entries of one fetched document of ``source``, newest as the source orders them."""
    if source.type == "rss":
        from bot.core.sources import rss

        entries = rss.parse(content, final_url)
    elif source.type == "html":
        from bot.core.sources import html

        entries = html.parse(text, final_url, source.select, source.lang, source.timezone)
    elif source.type == "telegram":
        from bot.core.sources import telegram

        entries = telegram.parse(text, final_url)
    else:
        raise SourceParseError(f"unknown source type {source.type!r}; use one of rss, html, telegram")
    return [_cleaned(entry) for entry in entries]


def _cleaned(entry: Entry) -> Entry:
    """The entry without characters that disguise text (bot.core.sanitize), before its keys
    are made, it is stored (PostgreSQL refuses NUL) or posted."""
    return dataclasses.replace(
        entry,
        title=clean_text(entry.title),
        url=clean_optional(entry.url),
        guid=clean_optional(entry.guid),
        text=clean_text(entry.text),
    )


def preview_url(source: SourceConfig) -> str:
    """The URL to fetch for ``source``: a Telegram channel's public web preview, else its URL."""
    if source.type != "telegram":
        return source.url
    channel = telegram_channel(source.url)
    return source.url if channel is None else f"https://t.me/s/{channel}"


def telegram_channel(text: str, *, link_only: bool = False) -> str | None:
    """The channel name in "@name", "name" or a t.me link (t.me/name, t.me/s/name,
    t.me/name/123); with ``link_only``, only a t.me link or "@name" counts."""
    match = TELEGRAM_CHANNEL_RE.match(text.strip())
    if match is None or (link_only and not match.group(1)):
        return None
    return match.group(2)


# -- helpers shared by the parsers -----------------------------------------------


def soup(markup: str | bytes) -> BeautifulSoup:
    """Parse HTML leniently, without bs4's warnings about text that looks like a URL or XML."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return normalize_text(fragment)
    if "<![" in fragment:
        # A CDATA section inside the HTML (feeds that wrap twice): its content is the
        # text, not a comment that hides it (or, unterminated, everything after it).
        fragment = CDATA_MARK_RE.sub(" ", fragment)
    if "<pre" not in fragment.lower():
        return _text_by_tags(fragment)
    # lxml directly rather than BeautifulSoup: this runs for every feed item, and bs4's
    # tree building was a quarter of a cold poll (bench/poll.py).
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _flatten_text(soup(fragment))
    parts: list[str] = []
    skipping = 0
    in_pre = 0
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event in ("comment", "pi"):  # their text is not shown; what follows them is
            if not skipping and element.tail:
                parts.append(element.tail if in_pre else element.tail.replace("\n", " "))
            continue
        if event == "start":
            if tag in _SKIP_TAGS:
                skipping += 1
            if skipping:
                continue
            if tag == "pre":
                in_pre += 1
            if tag == "br":
                parts.append("\n")
            elif tag in BLOCK_TAGS:
                parts.append("\n\n")
            if tag is not None and element.text:
                parts.append(element.text if in_pre else element.text.replace("\n", " "))
            continue
        if tag in _SKIP_TAGS:
            skipping -= 1
        elif not skipping:
            if tag == "pre":
                in_pre -= 1
            if tag in BLOCK_TAGS and tag != "br":
                parts.append("\n\n")
        if not skipping and element.tail and element is not root:
            parts.append(element.tail if in_pre else element.tail.replace("\n", " "))
    return normalize_text("".join(parts))


_INVISIBLE_RE = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<\?.*?\?>", re.I | re.S)
_BR_RE = re.compile(r"<br\b[^>]*>", re.I)
_BLOCK_RE = re.compile(r"</?(?:" + "|".join(t for t in BLOCK_TAGS if t != "br") + r")\b[^>]*>", re.I)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")


def _text_by_tags(fragment: str) -> str:
    """``html_to_text`` for the usual feed item (no <pre>): the same text as a parsed
    tree gives, by tags alone; a feed reader's hot path, about ten times faster."""
    text = _INVISIBLE_RE.sub(" ", fragment).replace("\r", " ").replace("\n", " ")
    text = _BR_RE.sub("\n", text)
    text = _BLOCK_RE.sub("\n\n", text)
    text = _TAG_RE.sub("", text)
    return normalize_text(html_entities.unescape(text))


def element_text(element: Tag) -> str:
    """Plain text of a parsed element (left unchanged): <br> is a line break, a block a
    paragraph; line breaks in the markup's source are only spaces, as a browser shows them."""
    return _flatten_text(copy.copy(element))


def _flatten_text(element: Tag) -> str:
    """``element_text`` on a tree it may change (it inserts the paragraph breaks)."""
    for tag in element.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()
    for string in element.find_all(string=True):
        if "\n" in string and string.find_parent("pre") is None:
            string.replace_with(string.replace("\n", " "))
    for tag in element.find_all(BLOCK_TAGS):
        if tag.name == "br":
            tag.replace_with("\n")
            continue
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    return normalize_text(element.get_text())


def normalize_text(text: str) -> str:
    """Collapse runs of spaces, trim lines, keep at most one blank line between paragraphs."""
    lines = [SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip()


def first_line_title(text: str, limit: int = 120) -> str:
    """A title made from the first line of a text, cut at a word near ``limit`` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,;:-") + "…"


__all__ = ["SourceParseError", "element_text", "html_to_text", "parse_entries", "preview_url", "telegram_channel"]
