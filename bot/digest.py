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

from bot.analysis.result import Analysis
from bot.models import Settings
from bot.publish.format import DigestEntry, format_digest
from bot.store import Store, StoredItem


@dataclass(frozen=True)
class DigestResult:
    day: date
    queued: bool
    parts: int
    people: int
    reports: int


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


def digest_entries(items: Sequence[StoredItem]) -> list[DigestEntry]:
    """Turn stored arrest items into what the digest formatter lists."""
    entries = []
    for item in items:
        analysis = Analysis.from_dict(item.analysis)
        entries.append(
            DigestEntry(
                title=item.title, url=item.url, source_name=item.source_name,
                detainees=analysis.detainees, place=analysis.place,
                published=item.published_at or item.fetched_at,
            )
        )
    return entries


def queue_digest(store: Store, settings: Settings, day: date, *, now: datetime, force: bool = False) -> DigestResult:
    """Build the day's digest and queue it once; a second call for the day queues nothing."""
    if not force and store.digest_exists(day.isoformat()):
        return DigestResult(day, False, 0, 0, 0)
    start, end = digest_window(day, settings)
    entries = digest_entries(store.arrest_items(start, end))
    parts = format_digest(day, entries, settings.language, quiet_line=settings.quiet_digest)
    people = len({d.name.casefold() for entry in entries for d in entry.detainees})
    queued = store.queue_digest(day.isoformat(), parts, people=people, reports=len(entries), now=now, force=force)
    return DigestResult(day, queued, len(parts) if queued else 0, people, len(entries))
