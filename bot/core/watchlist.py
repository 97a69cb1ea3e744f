"""The one watchlist matcher, for every language: is a watched person named in a text?

Operators list people to flag on any custody mention (``[rules] watchlist`` in
sources.toml, e.g. "Айдар Серикбаев", "Kanat Seitov"). A name matches a text when
**every word of the name occurs in the text as a capitalised word** (any order), either
as written or inflected:

- case and ``ё``/``е`` do not matter; a hyphenated word is one word;
- a text word matches a name word that it begins with the name word's stem and is at
  most two letters shorter or four longer: the stem is the word less its last two letters
  (six letters or more), its last letter (four or five), or the whole word (three or
  fewer). So Russian case endings ("Серикбаевым", "Айдара") and Kazakh suffixes
  ("Мұратовты", "Мұратовтың") match, and so do English possessives ("Seitov's": the
  word "Seitov"), while a word elsewhere in a sentence never does;
- a lowercase word never matches: "kanat" (a common noun in Kazakh) is not the name.

Why one rule: the English rules used to look for the name as a substring (any case,
in one piece), the Russian and Kazakh rules for its inflected words; the same watchlist
flagged different reports depending on the language they were written in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[\w-]+")


def _word_matches(name_word: str, text_word: str) -> bool:
    """``text_word`` is ``name_word`` as written or with an ending (module docstring)."""
    w, t = name_word.lower().replace("ё", "е"), text_word.lower().replace("ё", "е")
    if w == t:
        return True
    stem = w[:-2] if len(w) >= 6 else w[:-1] if len(w) >= 4 else w
    # Russian endings (Мамая, Мамаем) and Kazakh suffixes (Мамайды, Мамайдың) after the stem.
    return t.startswith(stem) and -2 <= len(t) - len(w) <= 4


def watchlist_hits(text: str, watchlist: Iterable[str]) -> list[str]:
    """The watched names (in watchlist order) that ``text`` names (module docstring)."""
    names = [name for name in watchlist if name]
    if not names:
        return []
    words = [word for word in _WORD.findall(text) if word[:1].isupper()]
    hits = []
    for name in names:
        parts = _WORD.findall(name)
        if parts and all(any(_word_matches(part, word) for word in words) for part in parts):
            hits.append(name)
    return hits


def named(text: str, name: str) -> bool:
    """Whether ``text`` names the one watched person ``name``."""
    return bool(watchlist_hits(text, (name,)))


__all__ = ["named", "watchlist_hits"]
