"""Storing analysed reports and placing them among events, in one transaction: the
events that could take each report are read (bot/store/events.py, into an
bot/event_book.EventBook), where it goes and what it posts is decided in pure code
(bot/event_posts.py), and that is written (items, event, outbox) before the
transaction commits.

The data goes one way: this module reads from the store, asks the planner, writes to
the store. The store never calls back into the planner, and nothing about events is
kept between transactions.

Concurrency: the transaction takes the event_placement row first (SQLite's BEGIN
IMMEDIATE already serialises writers; under PostgreSQL the row lock makes placing
workers wait for each other until commit), so what a placement reads is what the
database holds when it writes: two workers never open two events for one arrest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.event_book import EventBook, person_keys
from bot.event_posts import EventPosts
from bot.models import NewItem, QueuedPost
from bot.store import Connection, Store, events, items, outbox
from bot.store.model import to_iso


@dataclass(frozen=True)
class Stored:
    """One report of a batch once stored: its item id (None: a duplicate, not stored),
    and how it was placed among events ('first', 'also', 'followup'; None: not placed)."""

    item_id: int | None
    role: str | None = None


@dataclass
class _Placing:
    """One transaction's placements: its connection, book, number and clock."""

    db: Connection
    planner: EventPosts
    book: EventBook
    version: int
    now: datetime
    source_names: dict[int, str]


def add_reports(
    store: Store,
    batch: Sequence[tuple[NewItem, QueuedPost | None]],
    *,
    now: datetime,
    planner: EventPosts,
) -> list[Stored]:
    """Store ``batch`` and queue each item's post, in one transaction; the items the
    planner wants (arrest alerts, news of a release) are placed among events, and
    then queue the alert, edit or follow-up the planner chose instead.

    Storing the item and queueing its post together is what makes "seen" imply "will
    be posted": a crash can lose neither half alone. A duplicate is not stored.
    """
    wanted = [planner.wants(item, post) for item, post in batch]
    with store.transaction() as db:
        if batch:
            items.lock_writers(db, now)
        guarded = [post is not None or want for (_, post), want in zip(batch, wanted)]
        ids = items.add(db, [item for item, _ in batch], guarded)
        placing = [
            (item_id, item) for (item, _), item_id, want in zip(batch, ids, wanted) if want and item_id is not None
        ]
        context = _open(db, planner, placing, now) if placing else None
        stored: list[Stored] = []
        for (item, post), item_id, want in zip(batch, ids, wanted):
            role = None
            if item_id is not None and want and context is not None:
                post, role = _place(context, item_id, item, post)
            if item_id is not None and post is not None:
                outbox.queue(db, post, now=now, item_id=item_id)
            stored.append(Stored(item_id, role))
    return stored


def decide_review(
    store: Store,
    item_id: int,
    *,
    approve: bool,
    alert: QueuedPost | None,
    now: datetime,
    planner: EventPosts,
) -> bool:
    """Apply an operator's decision on a doubtful item; False if already decided.

    Approval queues the alert in the same transaction that changes the status, so a
    double click or two operators racing post it once; placed among events like any
    alert, so an arrest already posted from another outlet's report becomes an edit
    or follow-up of that post instead of a second alert.
    """
    with store.transaction() as db:
        changed = items.decide_review(db, item_id, approve=approve)
        if changed and approve and alert is not None:
            post: QueuedPost | None = alert
            item = items.new_item_of(db, item_id)
            if item is not None and planner.wants(item, alert):
                post, _ = _place(_open(db, planner, [(item_id, item)], now), item_id, item, alert)
            if post is not None:
                outbox.queue(db, post, now=now, item_id=item_id)
    return changed


def _open(db: Connection, planner: EventPosts, placing: Sequence[tuple[int, NewItem]], now: datetime) -> _Placing:
    """Take the placement lock and read the events the batch can reach: every event
    since the lookback of its earliest report, and its people's earlier episodes."""
    version = events.lock_placement(db, now)
    since = min(item.published_at or item.fetched_at for _, item in placing) - planner.lookback
    book = EventBook(lookback=planner.lookback, window=planner.window)
    keys = {key for _, item in placing for key in person_keys(item.analysis)}
    book.add_events(events.episodes_of(db, keys, before=since))
    book.add_events(events.events_since(db, since))
    names = items.source_names(db, (item.source_id for _, item in placing))
    return _Placing(db, planner, book, version, now, names)


def _place(
    context: _Placing,
    item_id: int,
    item: NewItem,
    post: QueuedPost | None,
) -> tuple[QueuedPost | None, str | None]:
    """Place one stored item: (the post still to queue for it, its role among events)."""
    db, book, planner = context.db, context.book, context.planner
    at = item.published_at or item.fetched_at
    older, recent = book.around(at)
    wanted = planner.shortlist(item_id, item, post, older + recent)
    unread = book.unread(wanted)
    if unread:
        book.add_reports(events.reports_of(db, unread))
    candidates = book.candidates(older, recent, wanted)
    keys = person_keys(item.analysis)
    if keys:  # the people's episodes before the lookback: a new episode says when they were last detained
        candidates = book.earlier(keys, at) + candidates
    write = planner.plan(item_id, item, post, candidates)
    if write is None:
        return post, None
    alert_id = None
    if write.post is not None:
        queued = outbox.queue(db, write.post, now=context.now, item_id=item_id)
        alert_id = queued if write.event_id is None else None
    event_id = events.write_placement(
        db, write, item_id=item_id, alert_id=alert_id, now=context.now, version=context.version
    )
    report = events.stored_report(item_id, item, context.source_names.get(item.source_id, ""), write.role)
    book.record(write, event_id=event_id, alert_id=alert_id, report=report, added_at=to_iso(context.now) or "")
    return None, write.role
