"""Large alternations searched only where one of their alternatives can start.

A regex such as the English CIVIC (``\\b(?:activists?|journalists?|…|unrest|riots?…)``) has
no literal the regex engine can skip ahead by: ``search`` tries its sixty alternatives at
every word of the text, and ``finditer`` does so over the whole report, several times a
report. Every match of such a regex starts with one of a few literal prefixes ("activist",
"rall", "free", "was unauthori"…), which :func:`literal_starts` reads from the compiled
pattern itself. :class:`GuardedRegex` finds those prefixes in one Aho–Corasick pass
(pyahocorasick, at C speed) and asks the regex to ``match`` only at the positions found, in
order: the same matches as the regex's own ``search``/``finditer``, since a match can start
nowhere else and the regex at a position is the same regex (lookbehinds and ``\\b`` see the
text before that position). tests/test_literal_guard.py compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def literal_starts(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Literal prefixes one of which starts every match of ``regex`` (None when some
    alternative can start with something other than a literal, or the regex ignores case)."""
    if regex.flags & re.IGNORECASE:
        return None
    starts = _starts(list(_parser.parse(regex.pattern, regex.flags)))
    if not starts:
        return None
    # "activist" stands wherever "activists" does: the shortest are enough. (In sorted order
    # the words a prefix starts follow it, before any other word.)
    kept: list[str] = []
    for start in sorted(starts):
        if not kept or not start.startswith(kept[-1]):
            kept.append(start)
    return frozenset(kept)


# Beyond this many prefixes (a trie of stems is fine; a product of optional parts is not),
# a prefix stops where the branches begin.
_MAX_STARTS = 20000


def _starts(seq: list[Any], prefix: str = "") -> set[str] | None:
    """The literal prefixes of a parsed sequence after ``prefix``: its literals up to the
    first other item, through groups, branches and optional parts (each way through them)."""
    for i, (op, av) in enumerate(seq):
        if op is sre.LITERAL:
            prefix += chr(av)
            continue
        if op in _ZERO_WIDTH:
            continue  # a lookaround or "\b" consumes nothing: the literals around it are adjacent
        rest = seq[i + 1 :]
        ways: list[list[Any]] = []
        if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            ways = [list(av[3]) + rest]
        elif op is sre.BRANCH:
            ways = [list(alternative) + rest for alternative in av[1]]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            ways = [list(av[2]) + rest, rest]  # "(?:the )?held": with it or without it
        found = _union(ways, prefix) if ways else None
        if found is None or len(found) > _MAX_STARTS:
            return {prefix} if prefix else None
        return found
    return {prefix} if prefix else None


def _union(ways: list[list[Any]], prefix: str) -> set[str] | None:
    found: set[str] = set()
    for way in ways:
        starts = _starts(way, prefix)
        if starts is None:
            return None
        found |= starts
        if len(found) > _MAX_STARTS:
            return found
    return found


class GuardedRegex:
    """A compiled regex whose ``search``, ``finditer`` and ``findall`` try only the positions
    where one of its :func:`literal_starts` stands; the rest is the regex's own."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        import ahocorasick

        starts = literal_starts(regex)
        if starts is None:
            raise ValueError(f"no literal start for every alternative of {regex.pattern[:80]!r}")
        self.regex = regex
        self.pattern = regex.pattern
        self._automaton = ahocorasick.Automaton()
        for literal in starts:
            self._automaton.add_word(literal, len(literal) - 1)  # its start: the end less this
        self._automaton.make_automaton()

    def _candidates(self, text: str) -> list[int]:
        """Where a prefix starts in ``text``, in order."""
        hits = self._automaton.iter(text)
        first = next(hits, None)
        if first is None:
            return []  # most texts: none
        starts = [first[0] - first[1]] + [end - back for end, back in hits]
        return sorted(set(starts)) if len(starts) > 1 else starts

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        """What ``regex.finditer(text)`` yields (no match is empty: each has its prefix)."""
        if span:
            yield from self.regex.finditer(text, *span)  # (within bounds: the regex's own)
            return
        after = 0
        match = self.regex.match
        for start in self._candidates(text):
            if start >= after:
                found = match(text, start)
                if found is not None:
                    after = found.end()
                    yield found

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        """What ``regex.search(text)`` finds."""
        if span:
            return self.regex.search(text, *span)
        match = self.regex.match
        for start in self._candidates(text):
            found = match(text, start)
            if found is not None:
                return found
        return None

    def findall(self, text: str) -> list[str]:
        """What ``regex.findall(text)`` returns, for a regex without groups."""
        if self.regex.groups:
            return self.regex.findall(text)
        return [m.group(0) for m in self.finditer(text)]

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        """What ``regex.sub(repl, text)`` returns; guarded for a plain replacement string."""
        if count or not isinstance(repl, str) or "\\" in repl:
            return self.regex.sub(repl, text, count)
        pieces, after = [], 0
        for found in self.finditer(text):
            pieces += [text[after : found.start()], repl]
            after = found.end()
        return "".join(pieces) + text[after:] if pieces else text

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)  # match, fullmatch, sub…: the regex's own


def guarded(pattern: str, flags: int = 0) -> GuardedRegex:
    """``re.compile(pattern, flags)``, searched only where one of its literal starts stands."""
    return GuardedRegex(re.compile(pattern, flags))


#: A compiled regex or a guarded one: what the rules search with.
Regex = re.Pattern[str] | GuardedRegex


def guard(regex: re.Pattern[str]) -> Regex:
    """``regex`` guarded when every match of it starts with a literal, else as it is."""
    return GuardedRegex(regex) if literal_starts(regex) is not None else regex
