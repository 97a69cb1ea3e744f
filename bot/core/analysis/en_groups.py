"""Groups in English custody reports: the names listed for the custody of an unnamed,
counted group ("A court jailed three activists for 10 days. They are A, B and C.").

The custody clause names nobody, so the names are found after it: in the next sentence,
which introduces the group's members ("They are", "Among them") and has no custody of its
own; in a later sentence that says whom it lists ("Those sentenced were: A; B and C"); or in
the next sentence when it names exactly as many people as the group counts ("sentenced
three activists to six years. A, B and C were convicted of…"). They share the group's term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.core.analysis.en_names import Mention
from bot.core.analysis.en_terms import TermSpan, number_value

# A sentence that names the members of the group counted just before it.
_NAMED_GROUP = re.compile(
    r"(?:they|those (?:detained|arrested|jailed)|the (?:detainees|detained|activists|journalists|bloggers)|among them)"
    r"(?: (?:are|were|include|included|being))?\b"
)
# "Those sentenced were:", "The convicted are": says itself whom it lists, wherever it stands.
_LIST_OF_HELD = re.compile(
    r"(?:those|the (?:people|activists|defendants|men|women))"
    r" (?:sentenced|convicted|jailed|imprisoned|detained|arrested|held)(?: \w+)? (?:were|are|include|included)\b"
)
_LIST_REACH = 5  # sentences after the group's custody within which such a list still counts
# "three activists", "two Minsk residents": the group's size.
_GROUP_SIZE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?:[\w-]+ ){0,3}"
    r"(?:activists|journalists|bloggers|people|men|women|residents|defendants|members|protesters|reporters|dissidents)\b"
)


class Clause(Protocol):
    """What this module reads of a clause of the English rules."""

    custody: list[str]
    lowered: str
    sentence: int
    terms: list[TermSpan]
    mentions: list[Mention]


def listed_after_group(
    clauses: Sequence[Clause], is_group: Callable[[str], bool], name_of: Callable[[Mention], str | None]
) -> tuple[list[tuple[str, str | None, int]], set[int]]:
    """(name, the group's term, sentence) for each name listed for a group's custody, and the
    sentences of the group clauses whose term went to the listed.

    ``is_group`` tells a lower-cased clause that counts or groups people; ``name_of`` gives a
    mention's full name, or None for someone who cannot be a detainee (a titled official).
    """
    listed: list[tuple[str, str | None, int]] = []
    used: set[int] = set()
    for index, clause in enumerate(clauses):
        if not clause.custody or not _named_later(clauses, index):
            continue  # (the cheap test first: no list can follow, whatever the clause counts)
        if not (is_group(clause.lowered) or _GROUP_SIZE.search(clause.lowered)):
            continue
        if _names([clause], name_of):
            continue  # the clause names its detainees itself
        names = _members(clauses, index, name_of)
        if names:
            term = clause.terms[0].term if clause.terms else None
            listed += [(name, term, sentence) for name, sentence in names]
            used.add(clause.sentence)
    return listed, used


def _named_later(clauses: Sequence[Clause], index: int) -> bool:
    """Whether a later sentence has a clause with names and no custody: every list that
    :func:`_members` takes is one."""
    sentence = clauses[index].sentence
    return any(c.mentions and not c.custody for c in clauses[index + 1 :] if c.sentence > sentence)


def _members(clauses: Sequence[Clause], index: int, name_of: Callable[[Mention], str | None]) -> list[tuple[str, int]]:
    """The names listed for the group of ``clauses[index]``, with their sentence."""
    group = clauses[index]
    later = [c for c in clauses[index + 1 :] if c.sentence > group.sentence]
    for candidate in later:
        if candidate.sentence > group.sentence + _LIST_REACH or candidate.custody:
            break
        if _LIST_OF_HELD.match(candidate.lowered) is not None and candidate.mentions:
            return _names(_same_sentence(clauses, candidate), name_of)
    if not later:
        return []
    return _next_sentence_list(clauses, group, later[0], name_of)


def _next_sentence_list(
    clauses: Sequence[Clause], group: Clause, after: Clause, name_of: Callable[[Mention], str | None]
) -> list[tuple[str, int]]:
    """The names of the sentence right after the group's: introduced as its members ("They
    are A, B and C"), or exactly as many as the group counts."""
    if after.sentence != group.sentence + 1 or after.custody or not after.mentions:
        return []
    intro = _NAMED_GROUP.match(after.lowered)
    if intro is not None and after.mentions[0].start <= intro.end() + 3:  # "They are A, B and C", "Among them: A"
        return _names([after], name_of)
    size = _GROUP_SIZE.search(group.lowered)
    sentence = _same_sentence(clauses, after)
    if size is None or any(c.custody for c in sentence):
        return []
    names = _names(sentence, name_of)
    return names if len({n for n, _ in names}) == number_value(size["n"]) else []


def _same_sentence(clauses: Sequence[Clause], first: Clause) -> list[Clause]:
    return [c for c in clauses if c.sentence == first.sentence]


# "of the League of …", "in Hong Kong": a name after a preposition is a place or a body.
_AFTER_PREPOSITION = re.compile(r"\b(?:of|in|at|from|to|by|for|with|on|the)\s+$")


def _names(sentence: Sequence[Clause], name_of: Callable[[Mention], str | None]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for clause in sentence:
        for mention in clause.mentions:
            if _AFTER_PREPOSITION.search(clause.lowered, max(0, mention.start - 12), mention.start):
                continue
            name = name_of(mention)
            if name and len(name.split()) >= 2 and name not in [n for n, _ in found]:
                found.append((name, clause.sentence))
    return found
