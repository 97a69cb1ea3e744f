"""The detainees of a Kazakh report and their terms, from its custody clauses.

Each person takes the term of their own part of the sentence ("X 10 тәулікке, Y 15
тәулікке"); a term in a sentence that names nobody goes to the people of the sentence
before only when it says all of them ("екеуін де", "оларды") or there was one.
"""

from __future__ import annotations

import re

from bot.core.analysis.kk_clauses import CLAUSE_BREAK, Clause
from bot.core.analysis.kk_name_forms import role_word
from bot.core.analysis.kk_stems import CUSTODY_RE, SENTENCE_RE
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.packs import kk_names as names
from bot.core.analysis.result import Detainee
from bot.core.analysis.ru_terms import Term

_PRONOUN_GROUP = re.compile(
    r"(?<![\w])(?:олар|оларды|оларди|оларға|оларга|екеуі|екеуін|екеуіне|екеуи|екеуин|екеуине|үшеуі|үшеуін|ушеуи|ушеуин|"
    r"барлығы|барлығын|барлиги|барлигин|бәрі|бәрін|бари|барин)(?![\w])"
)
# "олардың екеуі 10 тәулікке қамалды": two of them, not both; no one knows which.
_PART_OF_GROUP = re.compile(r"(?<![\w])(?:олардың|олардин|олардын)\s+(?:бір|екеу|үшеу|төртеу|кейбір|біраз|бірнеше)")
_PRONOUN_ONE = re.compile(r"(?<![\w])(?:ол|оны|они|оған|оган|оның|онин|өзі|өзін|ози|озин)(?![\w])")
_THEIR = frozenset({"оның", "онын", "онин", "олардың", "олардын", "олардин"})
_KIN_ROLES = pack.with_plain(names.KIN_ROLES)
# The one held as a pronoun of its own clause: not "оның" ("оның әріптесі", a colleague).
_PRONOUN_HELD = re.compile(r"(?<![\w])(?:ол|оны|они|оған|өзі|өзін|ози|озин|оган)(?![\w])")
# Words between people listed together: "X пен Y", "X, Y және Z", "X-ті де, Y-ті де" (both).
_LISTED_WITH = frozenset({",", "және", "жане", "пен", "мен", "бен", "да", "де", "та", "те"})


def _assign_terms(clause: Clause) -> None:
    terms, people = clause.terms, clause.people
    if not terms or not people:
        return
    if len(terms) == len(people) and len(terms) > 1:
        for person, term in zip(people, terms):
            person.term = term.value
        return
    breaks = [i for i, t in enumerate(clause.tokens) if t.lower() in CLAUSE_BREAK]
    for person in people:
        same = [t for t in terms if _same_part(person.start, t.start, breaks)]
        after = [t for t in same if t.start >= person.stop]
        # "X 15 тәулікке қамалды, оның інісі Y да ұсталды": a term whose custody verb comes
        # before the person is the earlier person's, not theirs.
        before = [t for t in same if t.end <= person.start and not _verb_between(clause, t.end, person.start)]
        chosen = after[0] if after else (before[-1] if before else None)
        if chosen is not None and after:
            # Another person between the name and the term takes the term as theirs
            # unless the two are listed together ("X пен Y 15 тәулікке").
            between = [p for p in people if person.stop <= p.start < chosen.start]
            if between and any(
                not _listing_word(clause.tokens[k]) and not any(p.start <= k < p.stop for p in people)
                for k in range(person.stop, between[0].start)
            ):
                chosen = None
        if chosen is None and len(people) == 1:
            chosen = _term_of_pronoun(clause, person.stop)
        person.term = chosen.value if chosen else None


def _listing_word(token: str) -> bool:
    """A word that lists people together: "X пен Y", "X, Y және Z", and kin in apposition,
    "X-ті, оның әйелі Y-ті 10 тәулікке" (his wife)."""
    low = token.lower()
    return low in _LISTED_WITH or low in _THEIR or role_word(low, _KIN_ROLES, 2)


def _term_of_pronoun(clause: Clause, stop: int) -> Term | None:
    """ "Прокурор X-ке 10 тәулік сұрады, бірақ сот оны 7 тәулікке қамады": the one person of
    the sentence takes the term of a later part that speaks of them as "оны" or "ол"."""
    for term in clause.terms:
        if term.start >= stop and _PRONOUN_HELD.search(" ".join(clause.tokens[stop : term.start]).lower()):
            return term
    return None


def _verb_between(clause: Clause, start: int, stop: int) -> bool:
    """A custody or sentencing verb among ``clause.tokens[start:stop]``."""
    return any(CUSTODY_RE.match(t.lower()) or SENTENCE_RE.match(t.lower()) for t in clause.tokens[start:stop])


def _same_part(a: int, b: int, breaks: list[int]) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not any(lo < k < hi for k in breaks)


def detainees_of(clauses: list[Clause]) -> list[Detainee]:
    result: dict[str, str | None] = {}
    previous: list[str] = []
    for clause in clauses:
        if not clause.cues:
            if clause.people:
                previous = []
            continue
        _assign_terms(clause)
        for person in clause.people:
            person.name = _spelt_before(person.name, result) or _reordered(person.name, result) or person.name
            if person.name not in result or (result[person.name] is None and person.term):
                result[person.name] = person.term
        if not clause.people and previous and len(clause.terms) == 1:  # noqa: SIM102
            # "Сот екеуін де 15 тәулікке қамауға алды": the people of the sentence before.
            # Several people share a term only when the sentence says all of them ("екеуін де",
            # "оларды"); "біреуін" (one of them) names nobody.
            if (_PRONOUN_GROUP.search(clause.low) and not _PART_OF_GROUP.search(clause.low)) or (
                len(previous) == 1
                and (_PRONOUN_ONE.search(clause.low) or not any(t[:1].isupper() for t in clause.tokens[1:]))
            ):
                for name in previous:
                    if result.get(name) is None:
                        result[name] = clause.terms[0].value
        previous = [p.name for p in clause.people] or previous
    return [Detainee(name, term) for name, term in result.items()]


def _spelt_before(name: str, held: dict[str, str | None]) -> str | None:
    """ "Ерғали Сапаров", then "Ерғали Сапоров" a sentence later: a name one letter off
    a name already held (the same given name, the same number of words) is that person
    misspelt, not a second one."""
    words = name.split()
    for other in held:
        theirs = other.split()
        if len(theirs) == len(words) >= 2 and theirs[0] == words[0] and other != name:
            differ = [(a, b) for a, b in zip(words, theirs) if a != b]
            if len(differ) == 1 and min(map(len, differ[0])) >= 6 and _one_letter_off(*differ[0]):
                return other
    return None


def _reordered(name: str, held: dict[str, str | None]) -> str | None:
    """ "Осман Сейтумеров", then "Сейтумеров Осман" (the official order, surname first): the
    same words in another order are the person already held."""
    words = sorted(name.split())
    return next((other for other in held if len(words) >= 2 and sorted(other.split()) == words), None)


def _one_letter_off(a: str, b: str) -> bool:
    """One letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))
