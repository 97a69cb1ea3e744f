"""Pure de-duplication keys: the same story must be recognised whether it comes back
with the same GUID, the same URL dressed in tracking parameters, or the same text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.core.models import Entry

#: Parameters that never change what a link shows (a post's links drop them). Narrower
#: than TRACKING_PARAMS: "from" or "source" can select content on some sites.
CLICK_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "yclid",
        "ysclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_openstat",
        "_ga",
        "_gl",
    }
)

TRACKING_PARAMS = CLICK_PARAMS | frozenset(
    {
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "from",
        "utm",
        "rss",
        "rss_id",
        "source",
        "share",
        "amp",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "ga_", "hsa_")
WHITESPACE_RE = re.compile(r"\s+")
NON_WORD_RE = re.compile(r"[^\w\s]", re.UNICODE)
DEFAULT_PORTS = {"http": 80, "https": 443}
HASH_TEXT_CHARS = 2000
HASH_KEY = "hash:"
# Below this many characters a text is too generic ("Новости дня") to identify a story.
MIN_HASHED_CHARS = 80


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment, default port or host case.

    Two links to one article that differ only in ``?utm_source=telegram`` or ``#comments``
    give the same canonical URL. Query order of the remaining parameters is kept sorted
    so that ``?a=1&b=2`` and ``?b=2&a=1`` agree.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = sorted(
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(key)
    )
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    # http and https serve the same article; the key ignores the difference.
    return urlunsplit(("https", netloc, path, urlencode(query), ""))


def is_tracking_param(key: str) -> bool:
    """Whether a query parameter only tracks the click (utm_source, fbclid, ...)."""
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


CLICK_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")


def without_tracking(url: str) -> str:
    """The URL as given minus its click-tracking parameters, for links in posts: unlike
    ``canonical_url`` it keeps the scheme, host, path and fragment the reader clicks."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [
        (key, value)
        for key, value in pairs
        if key.lower() not in CLICK_PARAMS and not key.lower().startswith(CLICK_PREFIXES)
    ]
    if len(kept) == len(pairs):
        return url
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment))


def normalise_text(text: str) -> str:
    """Lower-case, accent- and punctuation-free, single-spaced text for hashing."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return WHITESPACE_RE.sub(" ", NON_WORD_RE.sub(" ", folded)).strip()


def content_hash(title: str, text: str) -> str:
    """A hash of the story's words, blind to markup, case, punctuation and spacing.

    Only the start of the text counts, so a copy that appends "Subscribe to our
    channel" still matches.
    """
    return _digest(_hash_body(title, text))


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _hash_body(title: str, text: str) -> str:
    """``normalise_text(f"{title} {text}")[:HASH_TEXT_CHARS]`` without normalising a long
    text to its end (it was a tenth of a cold poll's time): normalising a prefix changes
    at most its last characters, so a prefix that normalises to well over
    HASH_TEXT_CHARS gives the same start."""
    joined = f"{title} {text}"
    if len(joined) > 2 * HASH_TEXT_CHARS:
        head = normalise_text(joined[: 2 * HASH_TEXT_CHARS])
        if len(head) > HASH_TEXT_CHARS + 16:
            return head[:HASH_TEXT_CHARS]
    return normalise_text(joined)[:HASH_TEXT_CHARS]


def entry_keys(source_name: str, entry: Entry) -> tuple[str, ...]:
    """Every key the entry is known by.

    The GUID is scoped to its source (publishers reuse short ids like "1234"); the
    canonical URL and content hash are global, so the same story from two outlets that
    share a URL or text is stored once.
    """
    keys: list[str] = []
    if entry.guid:
        keys.append(f"guid:{source_name}:{entry.guid.strip()}")
    url = canonical_url(entry.url)
    if url:
        keys.append(f"url:{url}")
    body = _hash_body(entry.title, entry.text)
    if len(body) >= MIN_HASHED_CHARS:
        keys.append(f"{HASH_KEY}{_digest(body)}")
    return tuple(keys)


def hash_in_keys(keys: Sequence[str]) -> str | None:
    """The content hash among an entry's keys (entry_keys), None for a short text."""
    return next((key[len(HASH_KEY) :] for key in keys if key.startswith(HASH_KEY)), None)
