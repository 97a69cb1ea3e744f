"""Who is in custody, until when, and whether the release happened. Pure: stored
episodes (and operators' corrections) in, one custody record per person per episode out.

The expected release is counted as the law counts each kind of custody:

- an administrative arrest in days runs from the detention: detained on 1 March for 15
  days, out on 16 March (the days in the police station count towards the term);
- pre-trial detention is ordered for months from the detention, or "until" a date
  (``bot.core.dates.until_day``): that date stands;
- a sentence in months or years runs from the detention too (custody before the
  verdict counts towards it); the courts' conversions of pre-trial days for different
  regimes are not modelled, so a long sentence's date is the nominal one.

The day of detention is the episode's (``Event.day``: stated in a report, in words in
any of the three languages, else the day of the first report). A term stated only by a
later report counts from that same day.

Statuses: ``detained`` (no term known yet), ``term known`` (the release lies ahead),
``due out`` (the term has ended, or ends today, with no report of release: "due out
on …, release not yet reported"; for DUE_OUT_FOR, then ``unknown``), ``released`` (a
report of release joined the episode, or an operator said so; also an earlier episode
of someone detained again: they were out in between, on a day nobody reported),
``unknown`` (no term and no news for UNKNOWN_AFTER, or a term over for DUE_OUT_FOR
without news: nothing can be said). Operators' corrections override what reports said
and stay visible as corrections.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal, TextIO

from dateutil.relativedelta import relativedelta

from bot.core.dates import until_day
from bot.core.errors import RequestError
from bot.core.events import Event, Person, Report, mentions_release, people_named_in, same_person, term_parts
from bot.core.records import sanction
from bot.core.translit import latin

CustodyStatus = Literal["detained", "term known", "due out", "released", "unknown"]
STATUSES: tuple[CustodyStatus, ...] = ("detained", "term known", "due out", "released", "unknown")
#: Statuses of someone who may be inside now (the pinned list; ``in_custody``).
HELD: frozenset[str] = frozenset({"detained", "term known", "due out"})
#: A person held without a known term and with no news this long: status unknown.
UNKNOWN_AFTER = timedelta(days=30)
#: A term that ended this long ago without a report of release: status unknown, off the list.
DUE_OUT_FOR = timedelta(days=14)
CORRECTION_FIELDS = ("released", "term", "detained_on")
CSV_FIELDS = (
    "person_id",
    "event_id",
    "name",
    "name_latin",
    "place",
    "sanction",
    "detained_on",
    "term",
    "expected_release",
    "days_left",
    "status",
    "released_on",
    "corrections",
    "source_name",
    "source_url",
    "alert_message_id",
)


class CustodyError(RequestError, ValueError):
    """A correction or a term an operator gave cannot be used (the message says why)."""


@dataclass(frozen=True)
class Correction:
    """An operator's correction of one person's record, kept as given.

    ``field``: "released" (``value`` the ISO day of release, or "" for "not released"),
    "term" (``value`` a canonical term such as "15 days", "" for "no term"), or
    "detained_on" (an ISO day).
    """

    person_id: int
    field: str
    value: str
    note: str = ""
    at: datetime | None = None
    by: str = ""

    def describe(self) -> str:
        what = {"released": "released", "term": "term", "detained_on": "detained on"}.get(self.field, self.field)
        shown = self.value or "(none)"
        when = f" ({self.at.date().isoformat()})" if self.at else ""
        by = f" by {self.by}" if self.by else ""
        note = f": {self.note}" if self.note else ""
        return f"{what} {shown} set by hand{by}{when}{note}"


@dataclass(frozen=True)
class CustodyRecord:
    """One person in one episode, as monitors keep custody lists."""

    person_id: int | None  # event_people.id: what ``custody set`` takes
    event_id: int
    name: str
    name_latin: str
    place: str | None
    sanction: str  # bot.core.records.SANCTIONS
    detained_on: date
    term: str | None
    expected_release: date | None
    days_left: int | None  # to the expected release from the day asked about; negative once past
    status: CustodyStatus
    released_on: date | None = None
    corrections: tuple[str, ...] = ()
    source_name: str = ""
    source_url: str | None = None
    alert_id: int | None = None  # outbox row of the episode's alert
    alert_message_id: int | None = None  # its Telegram message, once posted
    person_key: str = ""  # bot.core.translit.name_key: one person across episodes and spellings

    @property
    def held(self) -> bool:
        return self.status in HELD

    @property
    def release_day(self) -> str:
        """The expected release as ISO ("" without one: no "due out" or "term known" status)."""
        return self.expected_release.isoformat() if self.expected_release else ""

    def to_dict(self) -> dict[str, object]:
        row = asdict(self)
        for name in ("detained_on", "expected_release", "released_on"):
            row[name] = row[name].isoformat() if row[name] else None
        row["corrections"] = list(self.corrections)
        return row


def parse_term(value: str) -> str:
    """An operator's term ("15 days", "2 months", "1 year", "15d", "2m", "3y") in the
    canonical form the analysis uses; raises CustodyError otherwise."""
    text = value.strip().lower()
    units = {
        "d": "day",
        "day": "day",
        "days": "day",
        "m": "month",
        "month": "month",
        "months": "month",
        "y": "year",
        "year": "year",
        "years": "year",
    }
    number = "".join(ch for ch in text if ch.isdigit())
    unit = text[len(number) :].strip() if text.startswith(number) else ""
    if not number or unit not in units or int(number) <= 0:
        raise CustodyError(f'term {value!r} is not a number of days, months or years, e.g. "15 days" or "2 months"')
    canonical = units[unit]
    count = int(number)
    return f"{count} {canonical}{'s' if count != 1 else ''}"


def expected_release(detained_on: date, term: str | None, *, until: date | None = None) -> date | None:
    """When a custody of ``term`` from ``detained_on`` ends (module docstring); an
    ``until`` date stated for it wins. None when neither is known."""
    if until is not None:
        return until
    parts = term_parts(term)
    if parts is None:
        return None
    value, unit, _ = parts
    if unit == "day":
        return detained_on + timedelta(days=value)
    end: date = (
        detained_on + relativedelta(months=value) if unit == "month" else detained_on + relativedelta(years=value)
    )
    return end


def _mine(person: Person, reports: Iterable[Report]) -> list[Report]:
    """Reports naming ``person``, oldest first (all of them when none names anyone)."""
    reports = list(reports)
    named = [r for r in reports if any(same_person(d.name, person.name) for d in r.analysis.detainees)]
    return sorted(named or reports, key=lambda r: r.at)


def _stated_until(person: Person, reports: Sequence[Report]) -> date | None:
    """An "until" date from the latest report that gives one, for a custody not counted in days."""
    parts = term_parts(person.term)
    if parts is not None and parts[1] == "day":
        return None  # an administrative arrest is counted in days, whatever else is said
    for report in reversed(reports):
        for part in (*report.analysis.evidence, report.title, report.text):
            found = until_day(part, report.at.date()) if part else None
            if found is not None:
                return found
    return None


def _released_on(person: Person, reports: Sequence[Report]) -> date | None:
    """The day the first report of ``person``'s release was published: one that tells
    of a release and names them (as a detainee, or in its text: the analysis lists
    nobody in news it does not read as an arrest)."""
    for report in sorted(reports, key=lambda r: r.at):
        text = f"{report.title}\n{report.text}"
        if not (mentions_release(text) or any(mentions_release(sentence) for sentence in report.analysis.evidence)):
            continue
        if any(same_person(d.name, person.name) for d in report.analysis.detainees) or people_named_in(
            f"{text}\n{' '.join(report.analysis.evidence)}", [person]
        ):
            return report.at.date()
    return None


def custody_records(
    events: Sequence[Event],
    at: date,
    *,
    ids: Mapping[tuple[int, str], int] | None = None,
    corrections: Sequence[Correction] = (),
    alert_messages: Mapping[int, int] | None = None,
) -> list[CustodyRecord]:
    """One record per named person per episode, as things stand on day ``at``.

    ``ids`` maps (event id, person key) to the person's stored id; ``corrections`` are
    applied in order (the latest of a field wins); ``alert_messages`` maps an alert's
    outbox id to its Telegram message id. Episodes that begin after ``at`` are left out.
    """
    ids = ids or {}
    alert_messages = alert_messages or {}
    by_person: dict[int, list[Correction]] = {}
    for correction in corrections:
        by_person.setdefault(correction.person_id, []).append(correction)
    out: list[CustodyRecord] = []
    for event in events:
        place = next((r.analysis.place for r in event.reports if r.analysis.place), None)
        first = event.reports[0] if event.reports else None
        for person in event.people:
            if not person.name:
                continue
            person_id = ids.get((event.id, person.key))
            reports = _mine(person, event.reports)
            record = _record(event, person, reports, at, person_id, place, first)
            if person_id is not None and person_id in by_person:
                record = _corrected(record, by_person[person_id], at)
            if record.detained_on > at:
                continue
            if event.alert_id is not None:
                record = replace(record, alert_message_id=alert_messages.get(event.alert_id))
            out.append(record)
    return sorted(_ended_by_a_later_episode(out), key=lambda r: (r.detained_on, r.event_id, r.name))


def _ended_by_a_later_episode(records: list[CustodyRecord]) -> list[CustodyRecord]:
    """A person detained again was out in between: an earlier episode still "held" is
    over (status released, day of release not known) unless an operator said otherwise."""
    latest: dict[str, date] = {}
    for record in records:
        if record.person_key:
            latest[record.person_key] = max(latest.get(record.person_key, record.detained_on), record.detained_on)
    return [
        replace(record, status="released", days_left=None)
        if record.status != "released"
        and not record.corrections
        and record.person_key
        and latest[record.person_key] > record.detained_on
        else record
        for record in records
    ]


def _record(
    event: Event,
    person: Person,
    reports: Sequence[Report],
    at: date,
    person_id: int | None,
    place: str | None,
    first: Report | None,
) -> CustodyRecord:
    detained = event.day
    released_on = _released_on(person, event.reports) if person.status == "released" else None
    if person.status == "released" and released_on is None:
        released_on = max((r.at.date() for r in reports), default=detained)
    release = expected_release(detained, person.term, until=_stated_until(person, reports))
    last_news = max((r.at.date() for r in reports), default=detained)
    return _with_status(
        CustodyRecord(
            person_id=person_id,
            event_id=event.id,
            name=person.name,
            name_latin=latin(person.name),
            place=place,
            sanction=sanction(person.term, reports) if reports else "detention",
            detained_on=detained,
            term=person.term,
            expected_release=release,
            days_left=None,
            status="detained",
            released_on=released_on,
            source_name=first.source_name if first else "",
            source_url=first.url if first else None,
            alert_id=event.alert_id,
            person_key=person.key,
        ),
        at,
        last_news,
    )


def _with_status(record: CustodyRecord, at: date, last_news: date) -> CustodyRecord:
    """Status and days left as of ``at`` (module docstring)."""
    days_left = (record.expected_release - at).days if record.expected_release else None
    status: CustodyStatus
    if record.released_on is not None and record.released_on <= at:
        status = "released"
    elif record.expected_release is not None and at - record.expected_release > DUE_OUT_FOR:
        status = "unknown"  # the term ended long ago and nobody reported anything
    elif record.expected_release is not None:
        status = "due out" if record.expected_release <= at else "term known"
    elif at - max(last_news, record.detained_on) > UNKNOWN_AFTER:
        status = "unknown"
    else:
        status = "detained"
    return replace(record, status=status, days_left=days_left)


def _corrected(record: CustodyRecord, corrections: Sequence[Correction], at: date) -> CustodyRecord:
    """``record`` with an operator's corrections applied, each listed in ``corrections``."""
    term, detained, released = record.term, record.detained_on, record.released_on
    for correction in corrections:
        if correction.field == "term":
            term = correction.value or None
        elif correction.field == "detained_on":
            detained = date.fromisoformat(correction.value)
        elif correction.field == "released":
            released = date.fromisoformat(correction.value) if correction.value else None
    changed_term = any(c.field in ("term", "detained_on") for c in corrections)
    release = expected_release(detained, term) if changed_term else record.expected_release
    fixed = replace(
        record,
        term=term,
        detained_on=detained,
        released_on=released,
        expected_release=release,
        corrections=tuple(c.describe() for c in corrections),
    )
    # With a correction nobody waits for news: a term an operator set is known.
    return _with_status(fixed, at, at)


def in_custody(records: Iterable[CustodyRecord]) -> list[CustodyRecord]:
    """Who may be inside now: detained, serving a known term, or due out without news."""
    return [record for record in records if record.held]


def due_on(records: Iterable[CustodyRecord], day: date) -> list[CustodyRecord]:
    """Who is due out on ``day`` with no release reported yet."""
    return [r for r in records if r.expected_release == day and r.held]


def by_place(records: Iterable[CustodyRecord], unknown: str) -> list[tuple[str, list[CustodyRecord]]]:
    """Records grouped by place (``unknown`` for none), the largest group first."""
    groups: dict[str, list[CustodyRecord]] = {}
    for record in records:
        groups.setdefault(record.place or unknown, []).append(record)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0] == unknown, item[0]))


# -- the ``arrestwatch custody`` listing -----------------------------------------------------


def text_lines(records: Sequence[CustodyRecord], at: date) -> list[str]:
    """One line per record; a due-out person says "release not yet reported"."""
    lines = [
        f"custody on {at.isoformat()}: {len(in_custody(records))} held, "
        f"{sum(r.status == 'released' for r in records)} released, {len(records)} records"
    ]
    for record in records:
        lines.append(record_line(record))
        for correction in record.corrections:
            lines.append(f"    correction: {correction}")
    return lines


def record_line(record: CustodyRecord) -> str:
    who = record.name if record.name_latin in ("", record.name) else f"{record.name} ({record.name_latin})"
    term = record.term or "term not stated"
    if record.status == "released":
        state = f"released {record.released_on.isoformat() if record.released_on else ''}".rstrip()
    elif record.status == "due out":
        state = f"due out on {record.release_day}, release not yet reported"
    elif record.status == "term known":
        state = f"until {record.release_day} ({record.days_left} days left)"
    else:
        state = record.status
    where = f"  · {record.place}" if record.place else ""
    ident = f"#{record.person_id}" if record.person_id is not None else "#?"
    return f"{ident}  {record.detained_on.isoformat()}  {who}  {term} ({record.sanction})  {state}{where}"


def write_csv(records: Sequence[CustodyRecord], stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = record.to_dict()
        row["corrections"] = " | ".join(record.corrections)
        writer.writerow({key: "" if value is None else value for key, value in row.items()})


def write_json(records: Sequence[CustodyRecord], stream: TextIO) -> None:
    json.dump([record.to_dict() for record in records], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
