"""The digest: which period, which entries, and what it says about them. Pure except
``queue_digest`` and the two helpers that read and write the last digest.

A digest covers the time since the previous digest (the first one: the 24 hours before
it), and says so ("2 Dec 21:00 – 3 Dec 21:00, Asia/Almaty"). The scheduled digest ends
at ``digest_time``; one run by hand ends now. Hours the service did not watch
(bot/app/watch.py) are named as such, never counted as "no arrests"; a period it did not
watch at all gets no digest. Each digest is queued under a key (the day for the
scheduled one), so it is posted once however many processes or restarts try.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.app.custody_posts import with_custody_section
from bot.app.watch import MIN_GAP, read_spans, unwatched
from bot.core.analysis.result import Analysis, Detainee
from bot.core.errors import RequestError
from bot.core.events import Event
from bot.core.models import Settings, today
from bot.core.publish.format import DigestEntry, DigestPeriod, format_digest
from bot.core.translit import name_key
from bot.edges.store import Store, StoredItem, from_iso, to_iso

#: The store flag holding the last digest's period and when it was queued.
LAST_FLAG = "digest-last"
#: A digest never reaches back further than this, however long ago the last one was.
LONGEST = timedelta(days=31)
#: A digest by hand this soon after the last one posts nothing (unless --force).
TOO_SOON = timedelta(hours=1)


class DigestError(RequestError):
    """A digest that cannot be made as asked (a day not over yet); the message says why."""


@dataclass(frozen=True)
class DigestResult:
    day: date
    queued: bool
    parts: int
    people: int
    reports: int
    events: int = 0
    period: DigestPeriod | None = None
    # Why nothing was queued: "posted" (already), "unwatched" (nothing watched in the period).
    reason: str | None = None
    unwatched: tuple[tuple[datetime, datetime], ...] = field(default=())
    last_at: datetime | None = None  # "too soon": when the last digest was queued


@dataclass(frozen=True)
class LastDigest:
    start: datetime
    end: datetime
    at: datetime


def digest_window(day: date, settings: Settings) -> tuple[datetime, datetime]:
    """[start, end) in UTC: the 24 hours before digest_time on ``day`` in the zone."""
    zone = ZoneInfo(settings.timezone)
    end = datetime.combine(day, settings.digest_time, tzinfo=zone)
    return (end - timedelta(hours=24)).astimezone(timezone.utc), end.astimezone(timezone.utc)


def digest_due(settings: Settings, now: datetime) -> bool:
    """Whether today's digest time has passed (so a late start posts it)."""
    local = now.astimezone(ZoneInfo(settings.timezone))
    return local.time() >= settings.digest_time


def _since(last: LastDigest | None, end: datetime) -> datetime:
    """Where a period ending at ``end`` starts: the last digest's end, else 24 hours before."""
    if last is None or last.end >= end:
        return end - timedelta(hours=24)
    return max(last.end, end - LONGEST)


def scheduled_period(day: date, settings: Settings, last: LastDigest | None) -> DigestPeriod:
    """The digest posted at digest_time on ``day``: since the last digest, until then."""
    end = digest_window(day, settings)[1]
    return DigestPeriod(_since(last, end), end, settings.timezone, key=day.isoformat())


def manual_period(now: datetime, settings: Settings, last: LastDigest | None, *, repeat: bool = False) -> DigestPeriod:
    """A digest by hand: since the last digest (``repeat``: since the start of the last
    one, posting its period again with what came since), until now.

    The end is rounded *up* to the second: times are stored to the second, and a poll
    noted in the same second as the digest (``once`` then ``digest`` on a fast machine)
    must fall inside the period, not after its end, or the whole day reads "not watched".
    """
    utc = now.astimezone(timezone.utc)
    end = utc.replace(microsecond=0) + (timedelta(seconds=1) if utc.microsecond else timedelta(0))
    start = last.start if repeat and last is not None else _since(last, end)
    return DigestPeriod(start, end, settings.timezone, key=f"manual {to_iso(end)}")


def day_period(day: date, settings: Settings, now: datetime) -> DigestPeriod:
    """``digest --date``: the 24 hours before digest_time on a day that is over.

    A day whose digest time has not come is refused: a partial digest would take the
    day's key and block the real one.
    """
    start, end = digest_window(day, settings)
    if end > now:
        local = end.astimezone(ZoneInfo(settings.timezone))
        raise DigestError(
            f"the digest for {day.isoformat()} covers until {local:%Y-%m-%d %H:%M} {settings.timezone}, "
            "which has not come yet: `arrestwatch digest` without --date posts the period since the "
            "last digest now"
        )
    return DigestPeriod(start, end, settings.timezone, key=day.isoformat())


def last_digest(store: Store) -> LastDigest | None:
    """The period of the last digest queued (by schedule or by hand), if any."""
    raw = store.flag(LAST_FLAG)
    try:
        data = json.loads(raw) if raw else None
        if not data:
            return None
        start, end, at = from_iso(data["start"]), from_iso(data["end"]), from_iso(data["at"])
    except (ValueError, KeyError, TypeError):
        return None
    if start is None or end is None or at is None:
        return None
    return LastDigest(start, end, at)


def _remember(store: Store, period: DigestPeriod, now: datetime) -> None:
    last = last_digest(store)
    if last is not None and last.end > period.end:  # a rebuild of an older day
        return
    store.set_flag(LAST_FLAG, json.dumps({"start": to_iso(period.start), "end": to_iso(period.end), "at": to_iso(now)}))


def last_digest_day(settings: Settings, now: datetime) -> date:
    """The day of the most recent digest that was due by ``now``: today once today's
    digest time has passed, else yesterday."""
    day = today(settings, now)
    return day if digest_due(settings, now) else day - timedelta(days=1)


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
    for (kind, ident), group in groups.items():
        first = group[0]
        analysis = Analysis.from_dict(first.analysis)
        detainees = analysis.detainees
        place = analysis.place
        if kind == "event":
            detainees = tuple(Detainee(person.name, person.term) for person in known[ident].people) or detainees
            place = place or next((p for p in (Analysis.from_dict(i.analysis).place for i in group) if p), None)
        entries.append(
            DigestEntry(
                title=first.title,
                url=first.url,
                source_name=first.source_name,
                detainees=detainees,
                place=place,
                published=first.published_at or first.fetched_at,
                other_reports=len(group) - 1,
            )
        )
    return entries


def queue_digest(
    store: Store,
    settings: Settings,
    period: DigestPeriod,
    *,
    now: datetime,
    force: bool = False,
    gap: timedelta = MIN_GAP,
    remember: bool = True,
) -> DigestResult:
    """Build the period's digest and queue it once; a second call for its key queues nothing.

    It counts people (one per person, whatever the spelling) and events, not reports,
    and names the hours the service did not watch; a period it did not watch at all is
    not posted. ``remember`` makes it the last digest (a rebuilt day does not).
    """
    day = period.end.astimezone(ZoneInfo(settings.timezone)).date()
    if not force and store.digest_exists(period.key):
        return DigestResult(day, False, 0, 0, 0, period=period, reason="posted")
    blind = tuple(unwatched(read_spans(store), period.start, period.end, gap))
    if blind and blind[0] == (period.start, period.end):  # not watched at all: nothing to say
        return DigestResult(day, False, 0, 0, 0, period=period, reason="unwatched", unwatched=blind)
    items = store.arrest_items(period.start, period.end)
    events = store.events_by_id(item.event_id for item in items if item.event_id is not None)
    entries = digest_entries(items, events)
    parts = format_digest(period, entries, settings.language, quiet_line=settings.quiet_digest, unwatched=blind)
    parts = with_custody_section(parts, store, day, settings.language, now=now)  # who is in custody (issue 17)
    people = len({name_key(d.name) or d.name.casefold() for entry in entries for d in entry.detainees})
    queued = store.queue_digest(period.key, parts, people=people, reports=len(items), now=now, force=force)
    if queued and remember:
        _remember(store, period, now)
    return DigestResult(
        day,
        queued,
        len(parts) if queued else 0,
        people,
        len(items),
        len(entries),
        period=period,
        reason=None if queued else "posted",
        unwatched=blind,
    )


def manual_digest(
    store: Store, settings: Settings, *, now: datetime, force: bool = False, gap: timedelta = MIN_GAP
) -> DigestResult:
    """A digest by hand (``arrestwatch digest``, /digest): the period since the last
    digest, until now. Within TOO_SOON of the last one it posts nothing (reason
    "too soon"); ``force`` posts the last period again with what came since."""
    last = last_digest(store)
    if last is not None and not force and now - last.at < TOO_SOON:
        period = DigestPeriod(last.start, last.end, settings.timezone, key="")
        return DigestResult(today(settings, now), False, 0, 0, 0, period=period, reason="too soon", last_at=last.at)
    period = manual_period(now, settings, last, repeat=force)
    return queue_digest(store, settings, period, now=now, force=force, gap=gap)


def scheduled_digest(
    store: Store, settings: Settings, day: date, *, now: datetime, gap: timedelta = MIN_GAP
) -> DigestResult:
    """The digest due at digest_time on ``day``: the period since the last digest. A
    digest posted by hand after that time already covered it: nothing (reason "posted")."""
    last = last_digest(store)
    period = scheduled_period(day, settings, last)
    if last is not None and last.end >= period.end:
        return DigestResult(day, False, 0, 0, 0, period=period, reason="posted", last_at=last.at)
    return queue_digest(store, settings, period, now=now, gap=gap)
