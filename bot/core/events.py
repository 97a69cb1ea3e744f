"""Which arrest a new report is about, and what it adds. Pure: data in, decision out.

An *event* is one custody episode: one detention (of one person, or of several people
taken together), as told by every outlet that reported it. A new analysed report joins
an existing event only when it is about the same people *and* the same occasion:

- people: names are compared across scripts and spellings on their transliterated keys
  (bot/core/translit.py) with fuzzy matching (rapidfuzz); a lone surname counts only when no
  other person in the recent events carries it. Without a name in common only a
  near-duplicate text joins (a syndicated copy: bot/core/similarity.py),
  unless it names other people.
- occasion (bot/core/occasion.py): the day of detention the report states ("on 21 February",
  "в субботу", "кеше"), else its publication day, must agree with the event's: within
  SAME_DAY when both state one; within the window (7 days) of the event's day
  otherwise. "Again" ("снова", "тағы да", "re-arrested") rules out an event older than
  SAME_DAY. Past the window, only news of a custody still running joins: a release or
  other non-arrest news while the term lasts, or the court's sentence (a month or more)
  for someone held without a term. The same person detained again weeks later is a new
  event, which knows the person's earlier one (``Assignment.previous``).

What the report adds decides what is posted: nothing new → the original alert is
edited to say "also reported by" (another outlet's different term for the same
episode is shown beside the first, with its source); a term where there was none, a
term changed later, a release or another detainee → a short follow-up in reply to the
alert.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, cached_property, lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from bot.core.analysis.result import Analysis, Detainee
from bot.core.analysis.terms import parse as parse_term
from bot.core.models import QueuedPost
from bot.core.occasion import Occasion, occasion
from bot.core.similarity import NEAR_DUPLICATE, Similarity, similarity_to
from bot.core.translit import name_key, name_tokens, token_key

DEFAULT_WINDOW = timedelta(days=7)
# While a person of the event serves a stated term, news of them (a release, an
# appeal) still belongs to the event; terms longer than this do not stretch it further.
CUSTODY_CAP = timedelta(days=90)
# Two stated days of detention this close are one occasion: outlets differ by a day
# (time zones, "on Saturday night"), and an administrative court sits within 1–3 days.
SAME_DAY = timedelta(days=3)
# A court's sentence this long comes months after a detention (pre-trial custody);
# an administrative arrest in days is decided within days of it.
SENTENCE_DAYS = 30
# rapidfuzz ratio (0..100) above which two name words, already transliterated to
# keys, are the same word spelled differently; shorter words must be equal.
WORD_SIMILARITY = 88.0
FUZZY_MIN_LENGTH = 5

Role = Literal["first", "also", "followup"]
Status = Literal["detained", "sentenced", "released"]
NameMatch = Literal["same", "surname", "different"]
ChangeKind = Literal["detainee", "term", "term_changed", "released"]

_RELEASE = re.compile(
    r"\b(?:was|were|has been|have been|had been|is|are|being)\s+(?:released|freed)\b"
    r"|\b(?:released|freed)\s+(?:from|after|on bail)\b|\bwalked free\b|\bset free\b"
    r"|(?:вышел|вышла|вышли)\s+на\s+свободу|\bосвобожд[её]н[аы]?\b|\bотпущен[аы]?\b|\bосвободили\b|\bотпустили\b"
    r"|босатылды|босатты|бостандыққа\s+шықты|қама(?:удан|қтан)\s+шықты",
    re.IGNORECASE,
)
# Every alternative of _RELEASE contains one of these (searched with the same flags), so a
# text without any of them cannot match it.
_RELEASE_WORDS = re.compile(r"releas|free|свобо|отпу|босат|бостанд|шықты", re.IGNORECASE)
# A court of appeal changed the term: a new decision, not an outlet's other figure
# ("will appeal", "обжалует" announce an appeal; they change nothing yet).
_APPEAL = re.compile(
    r"\bon appeal\b|\bappeals? court|\bcourt of appeal|\bappellate\b|\b(?:reduced|cut|increased) (?:his|her|the|their) "
    r"(?:term|sentence)|апелляционн|по апелляции|смягчил|сократил|ужесточил|пересмотрел|апелляциялық",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Person:
    """A detainee as an event knows them: ``key`` from translit.name_key, ``name`` as first written."""

    key: str
    name: str
    term: str | None = None
    status: Status = "detained"


@dataclass(frozen=True)
class Report:
    """One analysed report: the new one to place, or one already in an event."""

    item_id: int
    source_name: str
    title: str
    url: str | None
    text: str
    at: datetime  # publication time, else when it was fetched
    analysis: Analysis
    role: Role = "first"


@dataclass(frozen=True)
class Event:
    """An event as stored: its people, its reports (first one first) and its alert post."""

    id: int
    first_at: datetime
    last_at: datetime
    people: tuple[Person, ...] = ()
    reports: tuple[Report, ...] = ()
    alert_id: int | None = None  # the outbox row of the alert, for edits and replies
    detained_on: str | None = None  # the day of detention a report stated (ISO)
    previous_on: str | None = None  # the day of the same person's earlier episode, if any

    @cached_property
    def day(self) -> date:
        """The episode's day: stated by a report, else the day of the first report.
        (Cached, as ``words``: placement asks every recent event for each report.)"""
        if self.detained_on:
            try:
                return date.fromisoformat(self.detained_on)
            except ValueError:
                pass
        return self.first_at.date()

    @cached_property
    def words(self) -> frozenset[str]:
        """The words (translit.name_tokens) of its people's names."""
        return frozenset(word for person in self.people for word in name_tokens(person.name))


@dataclass(frozen=True)
class Change:
    """A new fact: another detainee, a term, a changed term, a release."""

    kind: ChangeKind
    person: Person  # after the change
    before: str | None = None  # the previous term of a changed one


@dataclass(frozen=True)
class EventPersonRow:
    """A person of an event as a placement writes them (``latin``: the name transliterated)."""

    key: str
    name: str
    latin: str
    term: str | None
    status: str


@dataclass(frozen=True)
class EventWrite:
    """What placing one report among events writes (decided by bot/app/event_posts.py).

    ``event_id`` None opens a new event with this report first, and ``post`` is its
    alert; otherwise the report joins that event and ``post`` is the edit or follow-up
    (or None). ``people`` are inserted or updated by (event, person key).
    """

    event_id: int | None
    role: Role
    reason: str
    at: datetime
    people: tuple[EventPersonRow, ...] = ()
    post: QueuedPost | None = None
    detained_on: str | None = None
    place: str | None = None
    previous_on: str | None = None  # a new episode of someone: the day of their earlier one


@dataclass(frozen=True)
class Assignment:
    """Where a report goes and what it changes.

    ``event`` None means a new event. ``people`` are the people to write (new ones and
    changed ones); ``changes`` empty on a joined event means "also reported by" only.
    ``occasion`` is the report's; ``previous`` (new events only) the latest earlier
    event of one of its people, whose post the new alert answers.
    """

    event: Event | None
    reason: str
    people: tuple[Person, ...]
    changes: tuple[Change, ...] = ()
    occasion: Occasion | None = None
    previous: Event | None = None

    @property
    def role(self) -> Role:
        if self.event is None:
            return "first"
        return "followup" if self.changes else "also"


# -- names ----------------------------------------------------------------------------


def _words_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a + "a" == b or b + "a" == a:  # Bekov / Bekova: not the same person
        return False
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    return fuzz.ratio(a, b) >= WORD_SIMILARITY


@lru_cache(maxsize=4096)
def compare_names(a: str, b: str) -> NameMatch:
    """ "same" when both are full names of one person (in any script, order, spelling);
    "surname" when one is a single word found in the other; "different" otherwise."""
    first, second = name_tokens(a), name_tokens(b)
    if not first or not second:
        return "different"
    if len(first) == 1 or len(second) == 1:
        lone, other = (first, second) if len(first) == 1 else (second, first)
        return "surname" if any(_words_match(lone[0], word) for word in other) else "different"
    short, long = sorted((first, second), key=len)
    for chosen in itertools.permutations(long, len(short)):
        if all(_words_match(x, y) for x, y in zip(short, chosen)):
            return "same"
    return "different"


class RelatedNames:
    """A test of whether a name (or an event's people, by their words) can be other than
    "different" from some name of ``names`` (compare_names), i.e. shares a matching word.

    Placement compares every new detainee with everyone in the recent events; the test
    leaves compare_names only the few names that share a word. Each word is matched once
    against the few words of ``names`` and remembered as matching or not, so testing an
    event is two set operations, and the test depends on ``names`` alone: one serves
    every event a report is compared with. Exact: compare_names says "different"
    whenever no word of one name matches a word of the other.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.words = frozenset(word for name in names for word in name_tokens(name))
        self._yes: set[str] = set(self.words)
        self._no: set[str] = set()

    def __call__(self, name: str) -> bool:
        return self.any_of(name_tokens(name))

    def any_of(self, words: Iterable[str]) -> bool:
        """Whether any of ``words`` matches a word of ``names``."""
        if not self._yes.isdisjoint(words):
            return True
        if self._no.issuperset(words):
            return False
        for word in words:
            if word not in self._no:
                matched = any(_words_match(mine, word) for mine in self.words)
                (self._yes if matched else self._no).add(word)
        return not self._yes.isdisjoint(words)


def related_names(names: Sequence[str]) -> RelatedNames:
    """The RelatedNames test of ``names``."""
    return RelatedNames(names)


def same_person(a: str, b: str) -> bool:
    return compare_names(a, b) == "same"


# -- facts ----------------------------------------------------------------------------


@lru_cache(maxsize=64)
def mentions_release(text: str) -> bool:
    """Whether the text says someone was released (en, ru, kk), not merely that a
    release was demanded. Memoised: placing a report asks it of the same text several
    times. Every item of a poll is asked, and _RELEASE_WORDS rules out most news at a
    third of the cost of the pattern's many alternatives."""
    return _RELEASE_WORDS.search(text) is not None and _RELEASE.search(text) is not None


def people_named_in(text: str, people: Iterable[Person]) -> list[Person]:
    """Those of ``people`` named in full in ``text`` (any script or spelling; a Russian
    or Kazakh case ending on a word is allowed), for news the analysis does not read as
    an arrest and so lists nobody in: "Aidar Serikbayev was released after serving 15
    days" must still find the person it releases."""
    words = {token_key(word) for word in _WORDS.findall(text)} - {""}
    pool = sorted(words)

    @cache
    def named(token: str) -> bool:
        if token in words or (len(token) >= 4 and any(word.startswith(token) for word in pool)):
            return True
        close = process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY, limit=None)
        return any(_words_match(token, word) for word, _, _ in close)

    return [person for person in people if len(tokens := name_tokens(person.name)) >= 2 and all(map(named, tokens))]


@lru_cache(maxsize=1024)
def term_parts(term: str | None) -> tuple[int, str, int] | None:
    """A canonical term ("15 days", "2 months") as (value, unit, days); None if absent.
    Read by the one term model (bot/core/analysis/terms.py)."""
    parsed = parse_term(term)
    return (parsed.amount, parsed.unit, parsed.days) if parsed else None


def person_status(term: str | None, released: bool) -> Status:
    if released:
        return "released"
    return "sentenced" if term else "detained"


# -- placing a report -------------------------------------------------------------------


def report_occasion(report: Report) -> Occasion:
    """The day of detention ``report`` tells of (bot/core/occasion.py)."""
    return _occasion(report.title, report.text, report.analysis.evidence, report.at.date())


@lru_cache(maxsize=256)
def _occasion(title: str, text: str, evidence: tuple[str, ...], published: date) -> Occasion:
    # Placing a report reads its occasion twice (reports_needed, then assign); reading
    # dates from a text costs more than the rest of a placement.
    return occasion(title, text, evidence, published)


def same_occasion(event: Event, report: Report, told: Occasion, window: timedelta, *, arrest: bool) -> bool:
    """Whether ``report`` (of occasion ``told``) can be about ``event``'s episode (module docstring)."""
    start, day = event.day, told.day
    if told.stated and event.detained_on:
        return abs(day - start) <= SAME_DAY
    if day < start - (SAME_DAY if event.detained_on else window):
        return False
    if told.again and day > start + SAME_DAY:
        return False
    if day <= start + window:
        return True
    held = [person for person in event.people if person.status != "released"]
    if not held or day > start + CUSTODY_CAP:
        return False
    if not arrest:  # a release, a transfer: news of a custody while it may still run
        longest = max((parts[2] for p in held if (parts := term_parts(p.term))), default=0)
        return day <= start + min(CUSTODY_CAP, timedelta(days=longest) + window)
    sentenced = any((parts := term_parts(d.term)) and parts[2] >= SENTENCE_DAYS for d in report.analysis.detainees)
    awaiting = any(p.term is None or (term_parts(p.term) or (0, "", 0))[2] >= SENTENCE_DAYS for p in held)
    return sentenced and awaiting and not told.stated


def _unique(detainees: Sequence[Detainee]) -> list[Detainee]:
    """One entry per person of the report (the analysis may name someone twice)."""
    seen: dict[str, Detainee] = {}
    for detainee in detainees:
        key = name_key(detainee.name)
        if key and (key not in seen or (detainee.term and not seen[key].term)):
            seen[key] = detainee
    return list(seen.values())


@dataclass(frozen=True)
class _Reading:
    """What placing a report reads from the report alone: read once, for ``reports_needed``
    and then ``assign`` (memoised by the report: a placement asks both)."""

    detainees: tuple[Detainee, ...]  # one entry per person
    told: Occasion
    released: bool  # it tells of a release
    names_someone: bool  # whether it names someone in full
    related: RelatedNames


@lru_cache(maxsize=64)
def _reading(report: Report) -> _Reading:
    detainees = tuple(_unique(report.analysis.detainees))
    return _Reading(
        detainees=detainees,
        told=report_occasion(report),
        released=mentions_release(f"{report.title}\n{report.text}"),
        names_someone=any(len(name_tokens(d.name)) >= 2 for d in detainees),
        related=related_names([d.name for d in detainees]),
    )


@dataclass(frozen=True)
class _Start:
    """What placing a report starts from (shared by ``reports_needed`` and ``assign``)."""

    detainees: Sequence[Detainee]  # one entry per person
    told: Occasion
    live: list[Event]  # the events of the same occasion
    names_someone: bool  # whether it names someone in full
    related: RelatedNames


def _start(report: Report, events: Sequence[Event], window: timedelta, arrest: bool) -> _Start:
    reading = _reading(report)
    # News of a release is news of a custody that may still be running, even when the
    # rules read its restated term as an arrest.
    arrest = arrest and not reading.released
    live = [event for event in events if same_occasion(event, report, reading.told, window, arrest=arrest)]
    return _Start(reading.detainees, reading.told, live, reading.names_someone, reading.related)


def reports_needed(
    report: Report,
    events: Sequence[Event],
    *,
    window: timedelta = DEFAULT_WINDOW,
    arrest: bool = True,
) -> set[int]:
    """Ids of the events whose reports ``assign`` may read when placing ``report``.

    Placement reads every recent event; reading their reports (texts, analyses) was most
    of its cost, and ``assign`` needs them only for events it does not pass over on
    names alone. A superset: the events in the window whose people are not all different
    from the report's, or that the text alone could join.
    """
    start = _start(report, events, window, arrest)
    return {
        event.id
        for event in start.live
        if not event.people or not start.names_someone or start.related.any_of(event.words)
    }


def assign(
    report: Report, events: Sequence[Event], *, window: timedelta = DEFAULT_WINDOW, create: bool = True
) -> Assignment | None:
    """The event ``report`` belongs to (or a new one) and what it changes there.

    With ``create`` False (a report not flagged as an arrest, e.g. news of a release),
    the report only joins an event it matches; None when it matches none. Events not
    in ``reports_needed`` may come without their reports.
    """
    start = _start(report, events, window, create)
    best = _best_event(report, start)
    released = _reading(report).released
    if best is None:
        if not create:
            return None
        people = tuple(
            Person(key=name_key(d.name), name=d.name, term=d.term, status=person_status(d.term, released))
            for d in start.detainees
        )
        return Assignment(
            event=None, reason="new", people=people, occasion=start.told, previous=_previous(people, events, start.told)
        )
    event, matched, reason = best
    writes, changes = _what_changes(report, start, event, matched, released)
    return Assignment(event=event, reason=reason, people=tuple(writes), changes=tuple(changes), occasion=start.told)


def _best_event(report: Report, start: _Start) -> tuple[Event, dict[int, Person], str] | None:
    """The live event ``report`` matches best: most people in common, then the closest
    text, then the latest; with the detainees matched (by index) and why."""
    detainees, live, names_someone, related = start.detainees, start.live, start.names_someone, start.related
    similar = similarity_to(report.text)
    everyone = [person for event in live for person in event.people]

    def lone_surname_is_unambiguous(name: str) -> bool:
        carriers = {p.key for p in everyone if compare_names(name, p.name) != "different"}
        return len(carriers) == 1

    best: _Ranked | None = None
    for event in live:
        if names_someone and event.people and not related.any_of(event.words):
            continue  # nobody in common, and a text about other named people is no copy (below)
        matched: dict[int, Person] = {}
        how: list[str] = []
        for index, detainee in enumerate(detainees):
            for person in event.people:
                if not related(person.name):
                    continue  # no word in common with any detainee: "different"
                verdict = compare_names(detainee.name, person.name)
                if verdict == "same" or (verdict == "surname" and lone_surname_is_unambiguous(detainee.name)):
                    matched[index] = person
                    how.append(f"{'person' if verdict == 'same' else 'surname'}:{person.key}")
                    break
        # A templated text about other named people is not a copy of this event's report.
        if not matched and event.people and names_someone:
            continue
        if matched:
            ranked = _Ranked(event, matched, ", ".join(how), similar)
        else:  # without a name in common only a near-copy joins: lesser similarities need no exact figure
            similarity = max((similar(other.text, NEAR_DUPLICATE) for other in event.reports), default=0.0)
            if similarity < NEAR_DUPLICATE:
                continue
            ranked = _Ranked(event, matched, f"text:{similarity:.2f}", similar, similarity)
        if best is None or ranked.beats(best):
            best = ranked
    return None if best is None else (best.event, best.matched, best.reason)


class _Ranked:
    """An event a report can join, ranked by (people matched, similarity of the texts,
    last report). The similarity of an event matched by names is computed only when
    another event matches as many people: it breaks ties, it decides nothing else, and
    comparing the report with every copy of a busy event was most of a placement."""

    def __init__(
        self,
        event: Event,
        matched: dict[int, Person],
        reason: str,
        similar: Similarity,
        similarity: float | None = None,
    ) -> None:
        self.event, self.matched, self.reason = event, matched, reason
        self._similar, self._similarity = similar, similarity

    def similarity(self) -> float:
        if self._similarity is None:
            self._similarity = max((self._similar(other.text) for other in self.event.reports), default=0.0)
        return self._similarity

    def beats(self, other: _Ranked) -> bool:
        """Whether this rank is above ``other``'s (a tie keeps the one found first)."""
        if len(self.matched) != len(other.matched):
            return len(self.matched) > len(other.matched)
        return (self.similarity(), self.event.last_at) > (other.similarity(), other.event.last_at)


def _what_changes(
    report: Report,
    start: _Start,
    event: Event,
    matched: dict[int, Person],
    released: bool,
) -> tuple[list[Person], list[Change]]:
    """The people ``report`` writes into ``event`` (new ones, changed ones) and the news among them."""
    known = {person.key for person in event.people}
    writes: list[Person] = []
    changes: list[Change] = []
    for index, detainee in enumerate(start.detainees):
        person = matched.get(index)
        if person is None:
            key = name_key(detainee.name)
            if key in known:
                continue
            known.add(key)
            added = Person(
                key=key, name=detainee.name, term=detainee.term, status=person_status(detainee.term, released)
            )
            writes.append(added)
            changes.append(Change("detainee", added))
            continue
        updated = person
        if detainee.term and detainee.term != person.term and person.status != "released":
            updated = replace(updated, term=detainee.term, status="sentenced")
            if person.term is None:
                changes.append(Change("term", updated))
            elif released:  # "released after 15 days" restates the term; it does not change it
                updated = person
            elif (
                start.told.day <= event.day + SAME_DAY
                and not _APPEAL.search(report.text)
                and report.source_name not in {r.source_name for r in event.reports}
            ):
                # Another outlet's figure for the same decision: shown beside the first
                # (with its source) in the alert's edit, not announced as a change.
                updated = person
            else:  # a later decision: an appeal, a new sentence
                changes.append(Change("term_changed", updated, before=person.term))
        if released and person.status != "released":
            updated = replace(updated, status="released")
            changes.append(Change("released", updated))
        if updated != person:
            writes.append(updated)
    return writes, changes


def _previous(people: Sequence[Person], events: Sequence[Event], told: Occasion) -> Event | None:
    """The latest earlier event (before this occasion) of one of ``people``, named in full."""
    earlier = [
        event
        for event in events
        if event.day < told.day
        and any(compare_names(person.name, known.name) == "same" for person in people for known in event.people)
    ]
    return max(earlier, key=lambda event: (event.day, event.id), default=None)
