"""The quick pre-pass, generated from a language pack's stems.

Most news has no custody word at all; a single regex over the lower-cased text settles
those reports before any sentence work. The regex is built here from the stems the rules
themselves match, so it accepts every word form the lexicons know (tests enumerate the
forms and check).

The stems become a trie ("задерж|задержан|заключ" → "за(?:держ|ключ)"): at each position
of the text the regex engine follows one branch letter by letter instead of trying every
stem in turn, which keeps the pass cheap however long the lexicons grow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(stems: Iterable[str], word_start: bool = False) -> str:
    """A regex source matching any of ``stems`` (literal text, case as given).

    A stem that begins with a shorter one is left out (the shorter one already matches).
    With ``word_start`` a stem matches only at the start of a word; the check sits after
    the first letter so the engine still skips ahead by first letters.
    """
    trie: dict = {}
    for stem in sorted({s for s in stems if s}, key=len):
        node = trie
        for ch in stem:
            if node.get("") is True:
                break  # a shorter stem covers this one
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True
    if not trie:
        return r"(?!x)x"
    return _branches(trie, word_start)


def _branches(node: dict, word_start: bool = False) -> str:
    parts = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        head = re.escape(ch)
        if word_start:
            head += rf"(?<![\w]{re.escape(ch)})"
        rest = "" if child.get("") is True else _branches(child)
        parts.append(head + rest)
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


def stems_regex(stems: Iterable[str], word_start: bool = False) -> re.Pattern[str]:
    """A compiled :func:`trie_pattern` of the lower-cased ``stems``."""
    return re.compile(trie_pattern((s.lower() for s in stems if s.strip()), word_start))
