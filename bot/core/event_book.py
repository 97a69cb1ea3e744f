"""The events one placing transaction works from: read once, kept up to date with what
the transaction itself writes, so that each report of a batch is placed against the
events exactly as the database holds them at that moment. Pure: rows in, events out.

Why a book and not a query per report: placing a report compares it with every event
of the last months (names are matched fuzzily and across scripts, so no index finds
the few that matter), and a poll of a busy outlet places dozens of reports. The book
reads those events once per transaction, and the reports of an event only when a
placement first needs them. It lives for one transaction: nothing is kept between
transactions, so what other workers changed is always read afresh.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from bot.core.events import Event, EventWrite, Person, Report
from bot.core.translit import name_key

# How many of a person's episodes older than the lookback a placement reads ("detained again").
EARLIER_EPISODES = 5

# The order of an event's reports: the first one, then by when they joined (added_at, ISO), item id.
ReportKey = tuple[int, str, int]


def to_second(moment: datetime) -> datetime:
    """``moment`` as the database keeps times: UTC, to the second (ISO text compared as such)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def person_keys(analysis: Mapping[str, Any] | None) -> list[str]:
    """The person keys of the detainees a stored analysis names, sorted."""
    return sorted({name_key(str(d.get("name") or "")) for d in (analysis or {}).get("detainees") or ()} - {""})


@dataclass
class EventBook:
    """Events with their people (complete for those last reported at or after
    ``since``, and for the batch's people's earlier episodes), and the reports of the
    events read so far, in their stored order."""

    lookback: timedelta  # how far back an event can still take a new report
    window: timedelta  # the placement window (bot.core.events.DEFAULT_WINDOW)
    events: dict[int, Event] = field(default_factory=dict)
    reports: dict[int, list[tuple[ReportKey, Report]]] = field(default_factory=dict)
    # (event id, with texts) → (the event, it with its reports) as candidates() last gave
    # it: a busy event is a candidate of most placements of a batch, and is rebuilt only
    # when it or its reports change.
    _shown: dict[tuple[int, bool], tuple[Event, Event]] = field(default_factory=dict, repr=False)
    _order: list[Event] | None = field(default=None, repr=False)  # the events by (first_at, id)

    def add_events(self, events: Iterable[Event]) -> None:
        for event in events:
            self.events[event.id] = event
        self._order = None

    def add_reports(self, found: Mapping[int, Sequence[tuple[ReportKey, Report]]]) -> None:
        for event_id, reports in found.items():
            self.reports[event_id] = list(reports)
            self._forget(event_id)

    def around(self, at: datetime) -> tuple[list[Event], list[Event]]:
        """The events a report at ``at`` is compared with, without their reports:
        (older ones in which someone still serves a stated term, recent ones)."""
        bound = to_second(at - self.lookback)
        known = [event for event in self._in_order() if event.last_at >= bound]
        recent_from = max(at - 2 * self.window, at - self.lookback)
        older = [
            event
            for event in known
            if event.last_at < recent_from
            and any(person.term is not None and person.status != "released" for person in event.people)
        ]
        return older, [event for event in known if event.last_at >= recent_from]

    def _in_order(self) -> list[Event]:
        """Every event of the book by (first_at, id), sorted again only after events are added."""
        if self._order is None:
            self._order = sorted(self.events.values(), key=_first)
        return self._order

    def _reorder(self, old: Event | None, new: Event) -> None:
        """Put ``new`` in the order in place of ``old`` (None: a new event): a placement
        changes one event, and sorting every event again for each report added up."""
        if self._order is None:
            return
        if old is not None:
            index = bisect.bisect_left(self._order, _first(old), key=_first)
            del self._order[index]
        bisect.insort(self._order, new, key=_first)

    def unread(self, event_ids: Iterable[int]) -> list[int]:
        """Those of ``event_ids`` whose reports are not in the book yet."""
        return sorted(event_id for event_id in set(event_ids) if event_id not in self.reports)

    def candidates(self, older: Sequence[Event], recent: Sequence[Event], wanted: set[int]) -> list[Event]:
        """``older`` + ``recent``, those in ``wanted`` with their reports (an older
        event's without their texts: only a recent one's copy can be a near-duplicate)."""
        return [self._with_reports(event, texts=False) if event.id in wanted else event for event in older] + [
            self._with_reports(event, texts=True) if event.id in wanted else event for event in recent
        ]

    def _with_reports(self, event: Event, *, texts: bool) -> Event:
        known = self._shown.get((event.id, texts))
        if known is not None and known[0] is event:
            return known[1]
        reports = tuple(report if texts else replace(report, text="") for _, report in self.reports[event.id])
        shown = replace(event, reports=reports)
        self._shown[(event.id, texts)] = (event, shown)
        return shown

    def _forget(self, event_id: int) -> None:
        self._shown.pop((event_id, True), None)
        self._shown.pop((event_id, False), None)

    def earlier(self, keys: Sequence[str], at: datetime) -> list[Event]:
        """The latest EARLIER_EPISODES events of these people last reported before the
        lookback of ``at``, oldest first, without their reports."""
        bound = to_second(at - self.lookback)
        wanted = set(keys)
        found = sorted(
            (
                event
                for event in self.events.values()
                if event.last_at < bound and any(person.key in wanted for person in event.people)
            ),
            key=_first,
        )
        return found[-EARLIER_EPISODES:]

    def record(self, write: EventWrite, *, event_id: int, alert_id: int | None, report: Report, added_at: str) -> None:
        """What the transaction wrote for one placement (bot/edges/store/events.write_placement)."""
        self._forget(event_id)
        at = to_second(write.at)
        key = (0 if write.role == "first" else 1, added_at, report.item_id)
        people = [
            Person(key=row.key, name=row.name, term=row.term, status=row.status)  # type: ignore[arg-type]
            for row in write.people
        ]
        if write.event_id is None:
            self.events[event_id] = Event(
                id=event_id,
                first_at=at,
                last_at=at,
                people=tuple(_merged((), people)),
                alert_id=alert_id,
                detained_on=write.detained_on,
                previous_on=write.previous_on,
            )
            self._reorder(None, self.events[event_id])
            self.reports[event_id] = [(key, report)]
            return
        old = self.events[event_id]
        self.events[event_id] = replace(
            old,
            first_at=min(old.first_at, at),
            last_at=max(old.last_at, at),
            people=tuple(_merged(old.people, people)),
            detained_on=old.detained_on if old.detained_on is not None else write.detained_on,
        )
        self._reorder(old, self.events[event_id])
        if event_id in self.reports:
            bisect.insort(self.reports[event_id], (key, report), key=lambda pair: pair[0])


def _first(event: Event) -> tuple[datetime, int]:
    """The book's order of events: by first report, then id."""
    return (event.first_at, event.id)


def _merged(people: Sequence[Person], writes: Sequence[Person]) -> list[Person]:
    """``people`` after upserting ``writes`` by key: a known person keeps the name first
    written and takes the new term and status; a new one is added last."""
    merged = list(people)
    for person in writes:
        index = next((i for i, known in enumerate(merged) if known.key == person.key), None)
        if index is None:
            merged.append(person)
        else:
            merged[index] = replace(merged[index], term=person.term, status=person.status)
    return merged
