"""The quick pre-pass, generated from a language pack's stems.

Most news has no custody word at all; a single regex over the lower-cased text settles
those reports before any sentence work. The regex is built here from the stems the rules
themselves match, so it accepts every word form the lexicons know (tests enumerate the
forms and check).

The stems become a trie ("задерж|задержан|заключ" → "за(?:держ|ключ)"): at each position
of the text the regex engine follows one branch letter by letter instead of trying every
stem in turn, which keeps the pass cheap however long the lexicons grow. A phrase is a stem
with a regex tail ("лишени" + r"\\w* свобод"): the tail hangs from the stem's leaf.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Stem = str | tuple[str, str]  # a literal, or (literal, regex tail)


def trie_pattern(stems: Iterable[Stem], word_start: bool = False) -> str:
    """A regex source matching any of ``stems`` (literal text, case as given).

    A literal stem that begins with a shorter literal one is left out (the shorter one
    already matches). With ``word_start`` a stem matches only at the start of a word; the
    check sits after the first letter so the engine still skips ahead by first letters.
    """
    items = sorted({(s, "") if isinstance(s, str) else s for s in stems if s and (s if isinstance(s, str) else s[0])},
                   key=lambda item: len(item[0]))
    trie: dict = {}
    for literal, tail in items:
        node = trie
        covered = False
        for ch in literal:
            if "" in node.get(None, ()):
                covered = True
                break  # a shorter literal stem covers this one
            node = node.setdefault(ch, {})
        if covered:
            continue
        tails = node.setdefault(None, set())
        if tail == "":
            for key in [k for k in node if k is not None]:
                del node[key]  # everything below is covered now
            tails.clear()
        if "" not in tails:
            tails.add(tail)
    if not trie:
        return r"(?!x)x"
    return _branches(trie, word_start)


def _branches(node: dict, word_start: bool = False) -> str:
    tails = node.get(None, set())
    if "" in tails:
        return ""
    parts = []
    for ch in sorted(k for k in node if k is not None):
        head = re.escape(ch)
        if word_start:
            head += rf"(?<![\w]{re.escape(ch)})"
        parts.append(head + _branches(node[ch]))
    parts.extend(sorted(tails))
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


def stems_regex(stems: Iterable[Stem], word_start: bool = False) -> re.Pattern[str]:
    """A compiled :func:`trie_pattern` of the lower-cased ``stems``."""
    lowered = [s.lower() if isinstance(s, str) else (s[0].lower(), s[1]) for s in stems
               if (s if isinstance(s, str) else s[0]).strip()]
    return re.compile(trie_pattern(lowered, word_start))
