"""The people of a Kazakh report as the learned names adder sees them (Cyrillic only).

Why: the Kazakh rules take people from custody sentences only, in the shapes their reports
showed; on unseen reports they missed most members of lists named in another sentence. The
adder (:mod:`bot.core.analysis.name_adder`) weighs every other person, so it needs them all,
found as the rules find them: the rules' sentence splitter (:func:`kk_rules.kazakh_sentences`),
their person finder on every sentence (:func:`kk_people.find_people`, possessors included:
"X-тің үйі тінтілді" names someone the next sentence may detain), names in the nominative
(:mod:`kk_name_forms`), lone surnames completed by :func:`kk_people.resolve_short_names`.
A sentence is a custody one when the rules' custody clause reader keeps a cue in it.

Latin and Arabic script are left out: the finder reads Cyrillic, so such a text has no people.
Pure, no IO.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.core.analysis.name_features import Candidate, Report, Span
from bot.core.analysis.name_people import Person, role_stems


def kazakh_people(title: str, text: str, detainees: Sequence[str]) -> tuple[Report, list[Person]]:
    """The people of a Kazakh report; ``detainees``: the names the rules listed."""
    from bot.core.analysis.kk_clauses import read_clause
    from bot.core.analysis.kk_people import find_people, known_words, resolve_short_names
    from bot.core.analysis.kk_rules import kazakh_sentences

    full, sentences = kazakh_sentences(title, text)
    clauses = [read_clause(s, ()) for s in sentences]
    known = known_words(full)
    for clause in clauses:
        clause.people = find_people(clause, known, owners=True)
    resolve_short_names(clauses, full)
    mentions: list[tuple[str, Span]] = []
    # "Ерлан Қалиевтің ұлы": the one whose son it is, named for him; "Әлиеваға айыппұл салды":
    # one fined or warned, not taken. Such mentions name no candidate.
    not_held: set[Span] = set()
    for index, clause in enumerate(clauses):
        offsets = _offsets(clause.text, clause.tokens)
        for person in clause.people:
            span = Span(index, offsets[person.start][0], offsets[person.stop - 1][1])
            mentions.append((person.name, span))
            if _kin_or_penalty(clause.tokens[person.stop : person.stop + 2]):
                not_held.add(span)
    groups: dict[str, list[Span]] = {}
    for name, span in sorted(mentions, key=lambda m: -len(m[0].split())):
        owner = next((g for g in groups if _same(name, g)), name)
        groups.setdefault(owner, []).append(span)
    people: list[Person] = []
    listed: dict[Span, str] = {}
    for name, spans in groups.items():
        lists = next((d for d in detainees if _same(d, name) or _same(name, d)), None)
        if lists:
            listed.update(dict.fromkeys(spans, lists))
        # A lone word no full name completes (a place, a famous surname: 2 detainees of 29 on
        # train and blind rows) is too weak to add; so is one named only as kin or fined.
        if lists or (len(name.split()) >= 2 and not not_held.issuperset(spans)):
            ordered = tuple(sorted(spans, key=lambda s: (s.sentence, s.start)))
            people.append(Person(Candidate(name, ordered), bool(lists)))
    report = Report(
        sentences=tuple(sentences),
        people=tuple(span for _, span in mentions),
        listed=listed,
        custody=tuple(bool(c.cues) for c in clauses),
        roles=role_stems("kk"),
    )
    return report, people


def _kin_or_penalty(after: list[str]) -> bool:
    """The words after a name: a kin noun ("ұлы", "інісі"), or a fine or a warning."""
    from bot.core.analysis.kk_name_forms import role_word
    from bot.core.analysis.kk_stems import FINE_RE

    return bool(after) and (role_word(after[0], _kin_roles(), 3) or bool(FINE_RE.search(" ".join(after).lower())))


@lru_cache(maxsize=1)
def _kin_roles() -> tuple[str, ...]:
    from bot.core.analysis.packs import kk as pack
    from bot.core.analysis.packs import kk_names

    return pack.with_plain(kk_names.KIN_ROLES)


def _same(name: str, other: str) -> bool:
    """``name`` refers to ``other``: the same words in any order ("Осман Сейтумеров",
    "Сейтумеров Осман"), or one word of it alone (a lone surname the text did not complete)."""
    words, theirs = name.split(), other.split()
    if len(words) == 1:
        return words[0] in theirs
    return sorted(words) == sorted(theirs)


def _offsets(sentence: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Where each of the clause reader's tokens stands in ``sentence`` (they are its
    substrings, in order)."""
    out: list[tuple[int, int]] = []
    at = 0
    for token in tokens:
        start = sentence.find(token, at)
        if start < 0:  # never for the reader's own tokens; keeps the mention in place
            start = at
        at = start + len(token)
        out.append((start, at))
    return out
