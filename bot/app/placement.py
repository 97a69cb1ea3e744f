"""Storing analysed reports and placing them among events, in one transaction: the
events that could take each report are read (bot/edges/store/events.py, into an
bot/core/event_book.EventBook), where it goes and what it posts is decided in pure code
(bot/app/event_posts.py), and that is written (items, event, outbox) before the
transaction commits. Polls that finish while another is being placed are placed
together, one after the other in one transaction (``add_batches``), each as if alone.

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

from bot.app.event_posts import EventPosts
from bot.core.event_book import EventBook, person_keys
from bot.core.models import NewItem, QueuedPost
from bot.edges.store import Connection, Store, events, items, outbox
from bot.edges.store.model import to_iso


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


# One poll's reports to store, each with the post its analysis asks for.
Batch = Sequence[tuple[NewItem, QueuedPost | None]]


def add_reports(
    store: Store,
    batch: Batch,
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
    return add_batches(store, [(batch, now)], planner=planner)[0]


def add_batches(store: Store, batches: Sequence[tuple[Batch, datetime]], *, planner: EventPosts) -> list[list[Stored]]:
    """``add_reports`` for several polls' batches (each with its own clock) in one
    transaction, in order: each batch is stored and placed exactly as in a transaction
    of its own right after the one before (the book keeps what every placement writes),
    but the events are read once for all of them, and an event's reports once.

    Why: in a cold poll, hundreds of polls finish within seconds and wait for the store;
    the ones waiting are placed together instead of each re-reading the same events.
    """
    wanted = [[planner.wants(item, post) for item, post in batch] for batch, _ in batches]
    results: list[list[Stored]] = []
    with store.transaction() as db:
        context: _Placing | None = None
        for (batch, now), want in zip(batches, wanted):
            if batch:
                items.lock_writers(db, now)
            guarded = [post is not None or w for (_, post), w in zip(batch, want)]
            ids = items.add(db, [item for item, _ in batch], guarded)
            if any(w and item_id is not None for w, item_id in zip(want, ids)):
                version = events.lock_placement(db, now)  # first: what is read next is what is placed on
                if context is None:  # every batch's reports that may be placed, for the one read of events
                    context = _open(db, planner, _placeable(batches, wanted), now)
                context.version, context.now = version, now
            results.append(_store_batch(context, db, batch, ids, want, now))
    return results


def _placeable(batches: Sequence[tuple[Batch, datetime]], wanted: Sequence[Sequence[bool]]) -> list[NewItem]:
    return [item for (batch, _), want in zip(batches, wanted) for (item, _), w in zip(batch, want) if w]


def _store_batch(
    context: _Placing | None,
    db: Connection,
    batch: Batch,
    ids: Sequence[int | None],
    wanted: Sequence[bool],
    now: datetime,
) -> list[Stored]:
    """Place the batch's stored items the planner wants and queue every post."""
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
                version = events.lock_placement(db, now)
                context = _open(db, planner, [item], now)
                context.version = version
                post, _ = _place(context, item_id, item, alert)
            if post is not None:
                outbox.queue(db, post, now=now, item_id=item_id)
    return changed


def _open(db: Connection, planner: EventPosts, placing: Sequence[NewItem], now: datetime) -> _Placing:
    """Read the events the items to place can reach: every event since the lookback of
    the earliest, and their people's earlier episodes (a superset for any one of them
    does no harm: the book gives each report only the events within its own reach).
    The caller has taken the placement lock (events.lock_placement) and sets its number."""
    since = min(item.published_at or item.fetched_at for item in placing) - planner.lookback
    book = EventBook(lookback=planner.lookback, window=planner.window)
    keys = {key for item in placing for key in person_keys(item.analysis)}
    book.add_events(events.episodes_of(db, keys, before=since))
    book.add_events(events.events_since(db, since))
    names = items.source_names(db, (item.source_id for item in placing))
    return _Placing(db, planner, book, 0, now, names)


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
