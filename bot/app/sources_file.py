"""Editing sources.toml from the command line (``sources add``) without losing the
operator's comments and layout, and detecting what kind of source a URL is.

Pure: the caller fetches the URL and reads/writes the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import tomlkit
from bs4 import BeautifulSoup

from bot.core.sources import telegram_channel

FEED_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass(frozen=True)
class DetectedSource:
    """What ``sources add`` will append."""

    name: str
    url: str
    type: str


def detect_source(url: str, content_type: str, body: bytes) -> DetectedSource:
    """Decide the type from what the URL returned: a feed, a page announcing a feed
    with ``<link rel="alternate">``, or a page to scrape."""
    channel = telegram_channel(url, link_only=True)
    if channel:
        return DetectedSource(name=channel, url=f"https://t.me/s/{channel}", type="telegram")
    host = urlsplit(url).hostname or url
    if any(t in content_type for t in ("rss", "atom", "rdf")) or FEED_START_RE.match(body[:4096]):
        soup = BeautifulSoup(body, "xml")
        feed_title = soup.find("title")
        return DetectedSource(name=_clean(feed_title.get_text() if feed_title else "") or host, url=url, type="rss")
    soup = BeautifulSoup(body, "lxml")
    title = _clean(soup.title.get_text()) if soup.title else ""
    for link in soup.find_all("link", href=True):
        # rel is a list (a multi-valued attribute); type, title and href are single strings
        if "alternate" in link.get_attribute_list("rel") and str(link.get("type") or "").lower() in FEED_TYPES:
            name = _clean(str(link.get("title") or "")) or title or host
            return DetectedSource(name=name, url=urljoin(url, str(link["href"])), type="rss")
    return DetectedSource(name=title or host, url=url, type="html")


def append_source(text: str, source: DetectedSource, *, lang: str | None = None, interval: str | None = None) -> str:
    """Return sources.toml with one more ``[[source]]``, keeping comments and layout.

    A name already taken gets a numeric suffix, so the file stays valid.
    """
    document = tomlkit.parse(text)
    existing = document.get("source")
    names = {str(entry.get("name")) for entry in existing} if existing is not None else set()
    name, number = source.name, 2
    while name in names:
        name, number = f"{source.name} ({number})", number + 1
    entry: dict[str, str] = {"name": name, "url": source.url, "type": source.type}
    if lang:
        entry["lang"] = lang
    if interval:
        entry["interval"] = interval
    # Appending the rendered entry (tomlkit does the quoting) leaves every byte the
    # operator wrote exactly as it was.
    rendered = tomlkit.dumps({"source": [entry]})
    head = f"{text.rstrip()}\n\n" if text.strip() else ""
    return f"{head}# {source.name}: added by `arrestwatch sources add`\n{rendered}"


def _clean(text: str) -> str:
    return " ".join(text.split())[:80]
