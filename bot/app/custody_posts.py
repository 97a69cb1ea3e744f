"""Custody in the channel: the pinned "In custody now" list, the morning "due out
today" note and the digest's custody section, in the channel's language.

The texts are pure (records in, Telegram HTML out). ``load_records`` reads the store;
``CustodyBoard`` keeps the pinned messages up to date through the publisher (at most
one round of edits an hour, and only when the text changed); ``queue_due_today``
queues the morning note through the outbox, once a day.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from bot.core.custody import Correction, CustodyRecord, by_place, custody_records, due_on, in_custody
from bot.core.custody_labels import labels
from bot.core.models import today
from bot.core.publish.format import POST_LIMIT
from bot.core.publish.text import utf16_len
from bot.edges.store import QueuedPost, Store, from_iso

log = logging.getLogger(__name__)

#: How far back episodes are read for custody (older ones only while someone in them is not released).
CUSTODY_LOOKBACK = timedelta(days=400)
#: The pinned list is edited at most this often (when its text changed).
BOARD_INTERVAL = timedelta(hours=1)
BOARD_LEASE = "custody-board"
DUE_TODAY = "due_today"
SOON_DAYS = 3  # the digest names who is due out within this many days


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def post_link(chat: str | None, message_id: int | None) -> str | None:
    """The public link of a channel post: t.me/NAME/ID for @NAME, t.me/c/ID/ID for a -100… id."""
    if not chat or message_id is None:
        return None
    chat = str(chat).strip()
    if chat.startswith("@"):
        return f"https://t.me/{chat[1:]}/{message_id}"
    if chat.startswith("-100") and chat[4:].isdigit():
        return f"https://t.me/c/{chat[4:]}/{message_id}"
    return None


def _name(record: CustodyRecord, chat: str | None) -> str:
    url = post_link(chat, record.alert_message_id) or record.source_url
    name = _e(record.name)
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{name}</a>'
    return name


def person_line(record: CustodyRecord, language: str, chat: str | None) -> str:
    """ "• Name — 15 days, until 2026-03-16 (6 days left)", in the channel's language."""
    words = labels(language)
    term = _e(_term(record.term, language))
    if record.status == "due out" and record.expected_release is not None and record.days_left:
        state = words["due_out"].format(day=record.expected_release.isoformat())
    elif record.expected_release is not None:
        left = words["last_day"] if record.days_left == 0 else words["left"].format(n=record.days_left)
        state = f"{words['until'].format(day=record.expected_release.isoformat())} ({left})"
    else:
        state = words["detained"].format(day=record.detained_on.isoformat())
    mark = f" · <i>{_e(words['corrected'])}</i>" if record.corrections else ""
    return f"• {_name(record, chat)} — {term}, {_e(state)}{mark}"


def _term(term: str | None, language: str) -> str:
    from bot.core.publish.format import format_term

    return format_term(term, language) if term else labels(language)["no_term"]


def _split(header: str, blocks: Sequence[list[str]], language: str, limit: int = POST_LIMIT) -> list[str]:
    """Blocks (a place's heading and lines) packed into posts within ``limit``; a block
    longer than a post is cut between its lines. Each post starts with ``header`` and,
    when there are several, says which part it is."""
    room = limit - len(header) - 60
    posts: list[list[str]] = [[]]
    size = 0
    for block in blocks:
        for index, line in enumerate(block):
            need = len(line) + 1 + (1 if index == 0 else 0)
            if size + need > room and posts[-1]:
                posts.append([])
                size = 0
            if index == 0 and posts[-1]:
                posts[-1].append("")
            posts[-1].append(line)
            size += need
    total = len(posts)
    words = labels(language)
    out = []
    for i, chunk in enumerate(posts, 1):
        marker = f" ({_e(words['part'].format(i=i, n=total))})" if total > 1 else ""
        body = "\n".join(chunk).strip("\n")
        out.append(f"{header}{marker}" + (f"\n\n{body}" if body else ""))
    return out


def board_texts(records: Sequence[CustodyRecord], day: date, language: str, chat: str | None = None) -> list[str]:
    """The pinned "In custody now" list: people held, grouped by place (largest first),
    each with days left and a link to their post; one or more messages."""
    words = labels(language)
    held = in_custody(records)
    header = f"🔒 <b>{_e(words['title'])}</b> · {_e(words['as_of'].format(day=day.isoformat()))}\n" + _e(
        words["people"].format(n=len(held))
    )
    if not held:
        return [f"{header}\n\n{_e(words['nobody'])}"]
    blocks = []
    for place, group in by_place(held, words["place_unknown"]):
        ordered = sorted(group, key=lambda r: (r.expected_release or date.max, r.name))
        blocks.append([f"<b>{_e(place)}</b> ({len(group)})", *(person_line(r, language, chat) for r in ordered)])
    return _split(header, blocks, language)


def due_today_texts(records: Sequence[CustodyRecord], day: date, language: str, chat: str | None = None) -> list[str]:
    """The morning note naming who is due out on ``day`` (more than one post only for a
    very long list); empty when nobody is."""
    due = due_on(records, day)
    if not due:
        return []
    words = labels(language)
    lines = [f"🚪 <b>{_e(words['due_title'])}</b>", _e(words["due_intro"].format(day=day.isoformat()))]
    for record in sorted(due, key=lambda r: (r.place or "", r.name)):
        where = f" · {_e(record.place)}" if record.place else ""
        lines.append(f"• {_name(record, chat)} — {_e(_term(record.term, language))}{where}")
    return _split(lines[0], [lines[1:]], language)


def digest_section(records: Sequence[CustodyRecord], day: date, language: str, chat: str | None = None) -> list[str]:
    """The digest's custody part: how many are held, who is due out soon, who was
    released today, whose term ended without news. Empty when there is nothing to say."""
    words = labels(language)
    held = in_custody(records)
    released = [r for r in records if r.status == "released" and r.released_on == day]
    if not held and not released:
        return []
    soon = sorted(
        (r for r in held if r.days_left is not None and 0 <= r.days_left <= SOON_DAYS),
        key=lambda r: (r.expected_release, r.name),
    )
    overdue = [r for r in held if r.status == "due out" and (r.days_left or 0) < 0]
    header = f"🔒 <b>{_e(words['section'])} · {day.isoformat()}</b>\n{_e(words['held'].format(n=len(held)))}"
    blocks: list[list[str]] = []
    if soon:
        blocks.append(
            [
                _e(words["soon"].format(d=SOON_DAYS)),
                *(f"• {_name(r, chat)} — {r.release_day}" for r in soon),
            ]
        )
    if released:
        blocks.append([_e(words["released_today"]), *(f"• {_name(r, chat)}" for r in released)])
    if overdue:
        blocks.append(
            [
                _e(words["overdue"]),
                *(f"• {_name(r, chat)} — {r.release_day}" for r in overdue),
            ]
        )
    return _split(header, blocks, language)


# -- reading the store ----------------------------------------------------------------------


def corrections_of(rows: Sequence[Any]) -> list[Correction]:
    return [
        Correction(
            person_id=row["person_id"],
            field=row["field"],
            value=row["value"],
            note=row["note"],
            at=from_iso(row["created_at"]),
            by=row["created_by"],
        )
        for row in rows
    ]


def load_records(store: Store, day: date, *, now: datetime) -> list[CustodyRecord]:
    """Every custody record as of ``day``, with ids, corrections and the alerts' message ids."""
    events = store.custody_events(now - CUSTODY_LOOKBACK)
    alerts = [event.alert_id for event in events if event.alert_id is not None]
    return custody_records(
        events,
        day,
        ids=store.person_ids(event.id for event in events),
        corrections=corrections_of(store.custody_corrections()),
        alert_messages=store.sent_message_ids(alerts),
    )


def with_custody_section(parts: list[str], store: Store, day: date, language: str, *, now: datetime) -> list[str]:
    """The digest's posts with its custody section (``digest_section``, read from the
    store) at the end of the last post when it fits there, else as posts of its own."""
    section = digest_section(load_records(store, day, now=now), day, language)
    if not section:
        return parts
    if parts and len(section) == 1 and utf16_len(parts[-1]) + 2 + utf16_len(section[0]) <= POST_LIMIT:
        return [*parts[:-1], f"{parts[-1]}\n\n{section[0]}"]
    return [*parts, *section]


def queue_due_today(store: Store, day: date, language: str, *, now: datetime, chat: str | None = None) -> bool:
    """Queue the "due out today" note for ``day`` once (across restarts and workers);
    False if the day was done already or nobody is due out."""
    if store.custody_post_exists(DUE_TODAY, day.isoformat()):
        return False
    texts = due_today_texts(load_records(store, day, now=now), day, language, chat)
    posts = [QueuedPost(text, kind="notice", target="channel") for text in texts]
    claimed = store.claim_custody_post(DUE_TODAY, day.isoformat(), now=now, posts=posts)
    return claimed and bool(posts)


# -- the pinned list ------------------------------------------------------------------------------


class CustodyBoard:
    """Keeps the pinned "In custody now" messages in the channel up to date.

    ``refresh`` posts the list (and pins its first message) the first time; later it
    edits the messages whose text changed, at most once per BOARD_INTERVAL, sending
    more messages when the list grew and blanking the ones it no longer needs. Its
    state (message ids, texts) is in the store, so a restart edits the same messages.
    One worker at a time (the "custody-board" lease).
    """

    def __init__(
        self,
        store: Store,
        publisher: Any,
        chat: str,
        language: str,
        *,
        owner: str,
        interval: timedelta = BOARD_INTERVAL,
    ) -> None:
        self.store = store
        self.publisher = publisher
        self.chat = chat
        self.language = language
        self.owner = owner
        self.interval = interval

    async def refresh(self, day: date, *, now: datetime, force: bool = False) -> str:
        """Bring the pinned list up to date; returns what happened: "posted", "edited",
        "unchanged", "waiting" (changed, but edited less than ``interval`` ago) or "busy"."""
        import asyncio

        if not await asyncio.to_thread(
            self.store.acquire_lease, BOARD_LEASE, self.owner, now=now, duration=timedelta(minutes=5)
        ):
            return "busy"
        try:
            records = await asyncio.to_thread(load_records, self.store, day, now=now)
            texts = board_texts(records, day, self.language, self.chat)
            slots = await asyncio.to_thread(self.store.custody_board)
            bodies = [row["body"] for row in slots]
            end = f"… {_e(labels(self.language)['end'])}"
            wanted = texts + [end] * max(0, len(slots) - len(texts))
            if bodies == wanted and all(row["message_id"] is not None for row in slots):
                return "unchanged"
            if not slots and not in_custody(records):
                return "unchanged"  # nobody held and no list yet: nothing worth pinning
            stamps = (from_iso(row["updated_at"]) for row in slots if row["message_id"] is not None)
            last = max((moment for moment in stamps if moment is not None), default=None)
            if last is not None and now - last < self.interval and not force:
                return "waiting"
            posted = False
            by_slot = {row["slot"]: row for row in slots}
            for slot, text in enumerate(wanted):
                row = by_slot.get(slot)
                if row is not None and row["message_id"] is not None and row["body"] == text:
                    continue
                message_id = row["message_id"] if row is not None else None
                if message_id is not None:
                    message_id = await self._edit(message_id, text)
                if message_id is None:
                    message_id = await self.publisher.send(self.chat, text)
                    posted = True
                    if slot == 0 and hasattr(self.publisher, "pin"):
                        await self.publisher.pin(self.chat, message_id)
                await asyncio.to_thread(self.store.save_custody_slot, slot, message_id, text, now=now)
            return "posted" if posted else "edited"
        finally:
            await asyncio.to_thread(self.store.release_lease, BOARD_LEASE, self.owner)

    async def _edit(self, message_id: int, text: str) -> int | None:
        """Edit one message; None when it is gone (deleted by hand): it is posted again."""
        from bot.edges.publish.errors import PublishError

        try:
            await self.publisher.edit(self.chat, message_id, text)
        except PublishError as exc:
            description = (exc.description or str(exc)).lower()
            if "not modified" in description:
                return message_id
            if "not found" in description:
                log.warning("the pinned custody message %d is gone; posting it again", message_id)
                return None
            raise
        return message_id


# -- the service's custody jobs ---------------------------------------------------------------------

CHART = "chart"
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def chart_week(day: date) -> str:
    """The ISO week of ``day`` ("2026-W10"): the chart's period."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def custody_time_passed(settings: Any, now: datetime) -> bool:
    """Whether today's due_out_time has passed in the configured zone."""
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(settings.timezone)).time() >= settings.due_out_time


@dataclass
class Turn:
    """What one custody turn of the service did."""

    board: str = "off"
    note_queued: bool = False
    chart: str = "not due"


class CustodyJobs:
    """What ``arrestwatch run`` does for custody (``turn``, from its custody task): keep the
    pinned list current, queue the morning "due out today" note, post the weekly chart.

    Nothing is posted to the channel while posting is paused (/pause); the list and the
    chart are then brought up to date when it resumes.
    """

    def __init__(self, store: Store, publisher: Any, chat: str, settings: Any, *, owner: str) -> None:
        self.store = store
        self.publisher = publisher
        self.chat = chat
        self._settings = settings  # Settings, or a callable returning the current ones (reloads)
        self.board = CustodyBoard(store, publisher, chat, self.settings.language, owner=owner)

    @property
    def settings(self) -> Any:
        return self._settings() if callable(self._settings) else self._settings

    def _today(self, now: datetime) -> date:
        return today(self.settings, now)

    def _paused(self) -> bool:
        from bot.app.outbox import PAUSED_FLAG

        return self.store.flag(PAUSED_FLAG) is not None

    async def turn(self, now: datetime, *, board: bool = True) -> Turn:
        """One look at everything: the pinned list (unless ``board`` is off: console
        mode), today's note once due_out_time has passed, the chart on chart_day after
        due_out_time. Each is done at most once per period, however often this runs."""
        done = Turn()
        settings = self.settings
        if board:
            done.board = await self.refresh_board(now)
        if custody_time_passed(settings, now):
            done.note_queued = await self.due_today(now)
            if settings.chart_day != "off" and WEEKDAY_NAMES[self._today(now).weekday()] == settings.chart_day:
                done.chart = await self.weekly_chart(now)
        return done

    async def refresh_board(self, now: datetime) -> str:
        import asyncio

        if not self.settings.custody_board or await asyncio.to_thread(self._paused):
            return "off"
        self.board.language = self.settings.language
        return await self.board.refresh(self._today(now), now=now)

    async def due_today(self, now: datetime) -> bool:
        """Queue today's note (the sender posts it); True if one was queued."""
        import asyncio

        return await asyncio.to_thread(
            queue_due_today, self.store, self._today(now), self.settings.language, now=now, chat=self.chat
        )

    async def weekly_chart(self, now: datetime) -> str:
        """Post this week's chart once: "posted", "skipped" (nothing to draw), "done"
        (already posted this week) or "off"/"paused"."""
        import asyncio

        from bot.app.chart import weekly_chart

        if self.settings.chart_day == "off":
            return "off"
        if await asyncio.to_thread(self._paused):
            return "paused"
        day = self._today(now)
        week = chart_week(day)
        if await asyncio.to_thread(self.store.custody_post_exists, CHART, week):
            return "done"
        records = await asyncio.to_thread(load_records, self.store, day, now=now)
        drawn = await asyncio.to_thread(weekly_chart, records, day, self.settings.language)
        if drawn is None:
            log.info("weekly custody chart for %s skipped: no detentions in the last four weeks", week)
            await asyncio.to_thread(self.store.claim_custody_post, CHART, week, now=now)
            return "skipped"
        if not await asyncio.to_thread(self.store.claim_custody_post, CHART, week, now=now):
            return "done"
        image, caption = drawn
        try:
            message_id = await self.publisher.send_photo(self.chat, image, _e(caption))
        except BaseException:
            await asyncio.to_thread(self.store.forget_custody_post, CHART, week)  # tried again at the next turn
            raise
        await asyncio.to_thread(self.store.record_custody_post, CHART, week, message_id)
        return "posted"
