"""The quick pre-pass, generated from a language pack's stems.

Most news has no custody word at all; a single regex over the lower-cased text settles
those reports before any sentence work. The regex is built here from the stems the rules
themselves match, so it accepts every word form the lexicons know (tests enumerate the
forms and check).

The stems become a trie ("задерж|задержан|заключ" → "за(?:держ|ключ)"): at each position
of the text the regex engine follows one branch letter by letter instead of trying every
stem in turn, which keeps the pass cheap however long the lexicons grow. A phrase is a stem
with a regex tail ("лишени" + r"\\w* свобод"): the tail hangs from the stem's leaf.

The pre-passes that reject ordinary news (:class:`StemAutomaton`) put the same stems in one
Aho-Corasick automaton instead (pyahocorasick): a single pass at C speed over the text, 3-4×
faster than the trie regex on news without any of the stems, and accepting exactly the same
texts (tests/test_prepass.py compares the two). The trie regexes remain where the rules need a
regex to compose with others.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

Stem = str | tuple[str, str]  # a literal, or (literal, regex tail)


def trie_pattern(stems: Iterable[Stem], word_start: bool = False) -> str:
    """A regex source matching any of ``stems`` (literal text, case as given).

    A literal stem that begins with a shorter literal one is left out (the shorter one
    already matches). With ``word_start`` a stem matches only at the start of a word; the
    check sits after the first letter so the engine still skips ahead by first letters.
    """
    items = sorted(
        {(s, "") if isinstance(s, str) else s for s in stems if s and (s if isinstance(s, str) else s[0])},
        key=lambda item: len(item[0]),
    )
    trie: dict[Any, Any] = {}
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


def _branches(node: dict[Any, Any], word_start: bool = False) -> str:
    tails: set[str] = node.get(None, set())
    if "" in tails:
        return ""
    parts: list[str] = []
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
    lowered = [
        s.lower() if isinstance(s, str) else (s[0].lower(), s[1])
        for s in stems
        if (s if isinstance(s, str) else s[0]).strip()
    ]
    return re.compile(trie_pattern(lowered, word_start))


class Found:
    """Where a stem was found (the part of ``re.Match`` that callers read)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("a stem match has no groups")
        return self._text[self._start : self._end]


class StemAutomaton:
    """Every stem in one Aho–Corasick automaton (pyahocorasick): one pass over the text at C
    speed, however many stems the lexicons hold, where a regex tries its alternatives.

    Accepts exactly what :func:`stems_regex` accepts for the same stems: a literal anywhere
    (or, for ``word_start`` stems, not right after a letter or digit), a ``(literal, tail)``
    stem where the regex ``tail`` matches right after the literal (it may look behind, as in
    ``(" days", r"(?<=\\d days)")``). ``search`` returns the first stem found (leftmost
    end) or None, so it stands in for a compiled regex wherever only that is asked.
    """

    def __init__(self, stems: Iterable[Stem] = (), word_start: Iterable[Stem] = ()) -> None:
        import ahocorasick

        entries: dict[str, list[tuple[bool, re.Pattern[str] | None]]] = {}
        for at_word_start, group in ((False, stems), (True, word_start)):
            for stem in group:
                literal, tail = (stem, "") if isinstance(stem, str) else stem
                if tail and re.escape(tail) == tail.replace(" ", "\\ "):
                    literal, tail = literal + tail, ""  # a literal tail (" страж") is part of the stem
                literal = literal.lower()
                if not literal.strip():
                    continue
                entries.setdefault(literal, []).append((at_word_start, re.compile(tail) if tail else None))
        self.stems = {literal: tuple(checks) for literal, checks in entries.items()}
        self._automaton = ahocorasick.Automaton()
        for literal, checks in self.stems.items():
            # A stem without conditions needs no check: its value says so, and the search
            # returns at the first such hit without a Python-level test.
            plain = any(not start and tail is None for start, tail in checks)
            self._automaton.add_word(literal, (len(literal), None if plain else checks))
        if self.stems:
            self._automaton.make_automaton()

    def search(self, text: str) -> Found | None:
        """The first stem in ``text`` (lower-cased already, as for the regexes), or None."""
        if not self.stems:
            return None
        for end, (length, checks) in self._automaton.iter(text):
            start = end + 1 - length
            if checks is None:
                return Found(text, start, end + 1)
            for at_word_start, tail in checks:
                if at_word_start and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                    continue  # after a letter, a digit or "_": re's \w (so "(?<!\w)" fails)
                if tail is None:
                    return Found(text, start, end + 1)
                found = tail.match(text, end + 1)
                if found:
                    return Found(text, start, found.end())
        return None


def stems_automaton(stems: Iterable[Stem], word_start: bool = False) -> StemAutomaton:
    """A :class:`StemAutomaton` of ``stems``, all of them only at the start of a word with ``word_start``."""
    stems = list(stems)
    return StemAutomaton(word_start=stems) if word_start else StemAutomaton(stems)
