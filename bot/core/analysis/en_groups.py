"""Groups in English custody reports: the names a sentence lists right after the custody of
an unnamed, counted group ("A court jailed three activists for 10 days. They are A, B and C.").

The custody clause names nobody, so the names are found in the next sentence, which
introduces the group's members and has no custody of its own; they share the group's term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.core.analysis.en_names import Mention
from bot.core.analysis.en_terms import TermSpan

# A sentence that names the members of the group counted just before it.
_NAMED_GROUP = re.compile(
    r"(?:they|those (?:detained|arrested|jailed)|the (?:detainees|detained|activists|journalists|bloggers)|among them)"
    r"(?: (?:are|were|include|included|being))?\b"
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
) -> list[tuple[str, str | None, int]]:
    """(name, the group's term, sentence) for each name listed right after a group's custody.

    ``is_group`` tells a lower-cased clause that counts or groups people; ``name_of`` gives a
    mention's full name, or None for someone who cannot be a detainee (a titled official).
    """
    listed = []
    for clause, after in zip(clauses, clauses[1:]):
        intro = _NAMED_GROUP.match(after.lowered)
        if (
            intro is None
            or not clause.custody
            or clause.mentions
            or after.sentence != clause.sentence + 1
            or after.custody
            or not is_group(clause.lowered)
            or not after.mentions
            or after.mentions[0].start > intro.end() + 3  # "They are A, B and C", "Among them: A"
        ):
            continue
        term = clause.terms[0].term if clause.terms else None
        for mention in after.mentions:
            name = name_of(mention)
            if name and len(name.split()) >= 2:
                listed.append((name, term, after.sentence))
    return listed
