"""The quick pre-pass, generated from a language pack's stems.

Most news has no custody word at all; a single regex over the lower-cased text settles
those reports before any sentence work. The regex is built here from the stems the rules
themselves match, so it accepts every word form the lexicons know (tests enumerate the
forms and check). Alternatives start with a letter, never with ``\\b``: the regex engine
then skips ahead to the possible first letters, which is what makes the pass cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def stems_regex(stems: Iterable[str]) -> re.Pattern[str]:
    """A regex matching any text that contains one of ``stems`` (lower-case literals).

    Stems that contain a shorter stem are dropped (the shorter one already matches), and
    the rest are sorted longest first, so the regex stays small as the lexicons grow.
    """
    unique = sorted({s.lower() for s in stems if s.strip()}, key=len)
    kept: list[str] = []
    for stem in unique:
        if not any(shorter in stem for shorter in kept):
            kept.append(stem)
    kept.sort(key=lambda s: (-len(s), s))
    if not kept:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(re.escape(s) for s in kept))
