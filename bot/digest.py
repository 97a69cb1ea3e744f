"""The daily digest: which day, which window, which entries. Pure except ``queue_digest``.

A digest for day D covers the 24 hours before ``digest_time`` on D in the configured
time zone. It is queued in the outbox under the day's primary key, so it is posted once
per day however many processes or restarts try.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.analysis.result import Analysis, Detainee
from bot.custody_posts import with_custody_section
from bot.events import Event
from bot.models import Settings
from bot.publish.format import DigestEntry, format_digest
from bot.store import Store, StoredItem
from bot.translit import name_key


@dataclass(frozen=True)
class DigestResult:
    day: date
    queued: bool
    parts: int
    people: int
    reports: int
    events: int = 0


def digest_window(day: date, settings: Settings) -> tuple[datetime, datetime]:
    """[start, end) in UTC: the 24 hours before digest_time on ``day`` in the zone."""
    zone = ZoneInfo(settings.timezone)
    end = datetime.combine(day, settings.digest_time, tzinfo=zone)
    return (end - timedelta(hours=24)).astimezone(timezone.utc), end.astimezone(timezone.utc)


def today(settings: Settings, now: datetime) -> date:
    """The calendar day of ``now`` in the configured zone."""
    return now.astimezone(ZoneInfo(settings.timezone)).date()


def digest_due(settings: Settings, now: datetime) -> bool:
    """Whether today's digest time has passed (so a late start posts it)."""
    local = now.astimezone(ZoneInfo(settings.timezone))
    return local.time() >= settings.digest_time


def digest_entries(items: Sequence[StoredItem], events: Sequence[Event] = ()) -> list[DigestEntry]:
    """Turn stored arrest items into what the digest formatter lists: one entry per
    event (its people as the event knows them, linked to its first report in the
    window); items stored before events existed stand alone."""
    known = {event.id: event for event in events}
    groups: dict[tuple[str, int], list[StoredItem]] = {}
    for item in items:
        key = ("event", item.event_id) if item.event_id in known else ("item", item.id)
        groups.setdefault(key, []).append(item)
    entries = []
    for (kind, key), group in groups.items():
        first = group[0]
        analysis = Analysis.from_dict(first.analysis)
        detainees = analysis.detainees
        place = analysis.place
        if kind == "event":
            detainees = tuple(Detainee(person.name, person.term) for person in known[key].people) or detainees
            place = place or next(
                (p for p in (Analysis.from_dict(i.analysis).place for i in group) if p), None
            )
        entries.append(
            DigestEntry(
                title=first.title, url=first.url, source_name=first.source_name,
                detainees=detainees, place=place,
                published=first.published_at or first.fetched_at, other_reports=len(group) - 1,
            )
        )
    return entries


def queue_digest(store: Store, settings: Settings, day: date, *, now: datetime, force: bool = False) -> DigestResult:
    """Build the day's digest and queue it once; a second call for the day queues nothing.

    It counts people (one per person, whatever the spelling) and events, not reports.
    """
    if not force and store.digest_exists(day.isoformat()):
        return DigestResult(day, False, 0, 0, 0)
    start, end = digest_window(day, settings)
    items = store.arrest_items(start, end)
    events = store.events_by_id(item.event_id for item in items if item.event_id is not None)
    entries = digest_entries(items, events)
    parts = format_digest(day, entries, settings.language, quiet_line=settings.quiet_digest)
    parts = with_custody_section(parts, store, day, settings.language, now=now)  # who is in custody (issue 17)
    people = len({name_key(d.name) or d.name.casefold() for entry in entries for d in entry.detainees})
    queued = store.queue_digest(day.isoformat(), parts, people=people, reports=len(items), now=now, force=force)
    return DigestResult(day, queued, len(parts) if queued else 0, people, len(items), len(entries))
