"""Characters that disguise text, removed before text is stored or posted. Pure.

A feed can hide words with zero-width characters, reverse a line with a right-to-left
override so a post reads other than it is, or carry NUL and other control characters
(PostgreSQL refuses NUL in text; Telegram shows the rest as nothing or as boxes).
"""

from __future__ import annotations

import re
import unicodedata

# Categories removed: Cc control characters (except newline and tab), Cf format
# characters (bidirectional overrides and isolates, zero-width spaces and joiners, the
# byte-order mark, tag characters) and Cs lone surrogates (not encodable as UTF-8).
_REMOVED = {"Cc", "Cf", "Cs"}
_KEPT = {"\n", "\t"}
# A quick test for the common case: text with nothing to remove is returned as is.
_SUSPECT_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)


def clean_text(text: str) -> str:
    """``text`` without control, format and surrogate characters (newlines and tabs kept)."""
    if not _SUSPECT_RE.search(text):
        return text
    return "".join(ch for ch in text if ch in _KEPT or unicodedata.category(ch) not in _REMOVED)


def clean_optional(text: str | None) -> str | None:
    """``clean_text`` of a value that may be absent (a link, a GUID)."""
    return None if text is None else clean_text(text)


__all__ = ["clean_optional", "clean_text"]
