"""The only package that speaks SQL: sources' state, items, de-duplication keys, events,
the outbox, digests and the workers' leases, in one SQLite file (WAL mode) or one
PostgreSQL database shared by several workers.

One module per concern, each a set of functions over one connection that leave the
transaction to their caller: ``sources`` (sources' state, claims and leases), ``items``,
``events``, ``outbox``, ``digests`` (digests, custody posts, flags), ``migrations``.
``Store`` below is the thin facade most callers use: it owns the connection, its lock
and transactions, and runs one of those functions in each method. Code that must read
and write in one transaction (bot/app/placement.py) takes ``Store.transaction()`` and calls
the functions itself.

The queries are plain SQL in the common dialect of both engines (bot/edges/db.py translates
the few differences for PostgreSQL). Methods are synchronous and short; async callers
run them with ``asyncio.to_thread``. One connection guarded by a lock keeps writes
serialised inside a process; primary keys, unique indexes, row locks and leases are
what keep several processes consistent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from bot.core.events import Event, EventPersonRow, EventWrite
from bot.core.models import NewItem, QueuedPost, SourceConfig
from bot.edges.db import DatabaseError, PgConnection, connect_sqlite, is_postgres_url, redact_url
from bot.edges.store import digests, events, items, migrations, outbox, sources
from bot.edges.store.model import (
    Connection,
    OutboxEntry,
    OutboxMessage,
    SourceState,
    StoredItem,
    StoreError,
    from_iso,
    to_iso,
    utcnow,
)

__all__ = [
    "Connection",
    "EventPersonRow",
    "EventWrite",
    "NewItem",
    "OutboxEntry",
    "OutboxMessage",
    "QueuedPost",
    "SourceState",
    "Store",
    "StoreError",
    "StoredItem",
    "from_iso",
    "to_iso",
    "utcnow",
]

log = logging.getLogger(__name__)

DEFAULT_EDIT_INTERVAL = timedelta(minutes=10)
T = TypeVar("T")


class Store:
    """The database holding everything arrestwatch must remember: a SQLite file (one
    process) or PostgreSQL (any number of workers)."""

    def __init__(self, connection: Connection, path: str) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = redact_url(path)  # for messages: never the password
        self.dialect: str = getattr(connection, "dialect", "sqlite")
        # At most one edit of a message this often (settings.edit_interval); edits queued
        # meanwhile are merged into one (outbox.queue).
        self.edit_interval = DEFAULT_EDIT_INTERVAL

    @classmethod
    def open(cls, location: str | Path) -> Store:
        """Open and migrate to the newest schema: a ``postgresql://…`` URL, or a SQLite
        path (the file and its folder are created on first use)."""
        where = str(location)
        try:
            connection = PgConnection(where) if is_postgres_url(where) else connect_sqlite(where)
        except DatabaseError as exc:
            raise StoreError(str(exc)) from None
        store = cls(connection, where)
        try:
            store.migrate()
        except DatabaseError as exc:
            store.close()
            raise StoreError(f"cannot migrate the database {store.path}: {exc}") from None
        except BaseException:
            store.close()
            raise
        return store

    @property
    def shared(self) -> bool:
        """Whether several processes may use this database at once (PostgreSQL)."""
        return self.dialect == "postgresql"

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE … COMMIT: take the write lock up front to avoid upgrade deadlocks
        (SQLite; PostgreSQL takes row locks as it writes, read committed)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back after a failure, never hiding it: on a full disk or an I/O error
        SQLite has often rolled back already, and "cannot rollback - no transaction is
        active" would replace the error the operator needs to see."""
        try:
            self._db.execute("ROLLBACK")
        except Exception as exc:  # the original error is re-raised by the caller
            log.debug("rollback after a failed transaction: %s", exc)

    def _read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return query(self._db, *args, **kwargs)

    def _write(self, change: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.transaction() as db:
            return change(db, *args, **kwargs)

    def _now(self, now: datetime | None) -> datetime:
        """``now``, else the database's clock (leases: workers whose clocks disagree
        still agree on who holds one)."""
        return now or self._read(sources.db_now)

    # -- schema ---------------------------------------------------------------------

    def migrate(self) -> int:
        """Apply every migration not yet recorded; return the schema version."""
        return self._write(migrations.migrate, self.dialect, self.path)

    def schema_version(self) -> int:
        return self._read(migrations.schema_version)

    # -- sources, claims and leases (bot/edges/store/sources.py) ---------------------

    def sync_sources(self, configured: Sequence[SourceConfig], *, prune: bool = False) -> dict[str, SourceState]:
        """Make sure each configured source has a row (sources.sync_sources); their states."""
        self._write(sources.sync_sources, configured, prune=prune)
        names = {source.name for source in configured}
        return {state.name: state for state in self.source_states() if state.name in names}

    def claim_due_sources(
        self,
        names: Iterable[str],
        *,
        owner: str,
        lease: timedelta,
        limit: int,
        now: datetime | None = None,
    ) -> list[SourceState]:
        """Take up to ``limit`` of the named sources whose poll is due and that no other
        worker holds, oldest due first; each is leased to ``owner`` until now + ``lease``
        (``now``: the database's clock unless given, so workers agree on leases).

        Under PostgreSQL the rows are read ``FOR UPDATE SKIP LOCKED``: workers claiming
        at the same moment skip each other's rows instead of waiting or doubling a poll.
        A lease that expired (its worker died) is taken over. ``owner``'s own leases
        count as free: the caller leaves out what it is polling right now.
        """
        wanted = list(dict.fromkeys(names))
        if not wanted or limit <= 0:
            return []
        with self.transaction() as db:
            return sources.claim_due_sources(
                db, wanted, owner=owner, lease=lease, limit=limit, now=now or sources.db_now(db)
            )

    def poll_soon(self, names: Iterable[str]) -> None:
        """Make these sources due at once (their entry in sources.toml changed)."""
        self._write(sources.poll_soon, names)

    def finish_poll(self, source_id: int, *, owner: str, next_poll_at: datetime) -> bool:
        """Record when the source is next due and give up its lease; False if the lease
        was no longer ``owner``'s (it expired and another worker took the source)."""
        return self._write(sources.finish_poll, source_id, owner=owner, next_poll_at=next_poll_at)

    def renew_source_leases(self, owner: str, *, lease: timedelta) -> int:
        """Extend every source lease ``owner`` holds (its polls in progress) to now +
        ``lease`` by the database's clock."""
        with self.transaction() as db:
            return sources.renew_source_leases(db, owner, until=sources.db_now(db) + lease)

    def release_source_leases(self, owner: str) -> int:
        """Give up ``owner``'s source leases without polling (a clean stop): due at once elsewhere."""
        return self._write(sources.release_source_leases, owner)

    def acquire_lease(self, name: str, owner: str, *, duration: timedelta, now: datetime | None = None) -> bool:
        """Take or renew the lease ``name`` for ``owner`` until now + ``duration``; False
        if another owner holds it. ``now`` is the database's clock unless given (tests)."""
        with self.transaction() as db:
            now = now or sources.db_now(db)
            return sources.acquire_lease(db, name, owner, until=now + duration, now=now)

    def release_lease(self, name: str, owner: str) -> bool:
        """Give the lease up at once (if ``owner`` still holds it)."""
        return self._write(sources.release_lease, name, owner)

    def lease_holder(self, name: str, *, now: datetime | None = None) -> str | None:
        """Who holds the lease ``name`` now (None: nobody, or it expired); ``now`` is
        the database's clock unless given."""
        with self._lock:
            return sources.lease_holder(self._db, name, now=self._now(now))

    def source_states(self) -> list[SourceState]:
        return self._read(sources.source_states)

    def source_state(self, name: str) -> SourceState | None:
        return self._read(sources.source_state, name)

    def record_poll_success(
        self,
        source_id: int,
        *,
        now: datetime,
        etag: str | None,
        last_modified: str | None,
        new_items: int,
        not_modified: bool = False,
    ) -> None:
        self._write(
            sources.record_poll_success,
            source_id,
            now=now,
            etag=etag,
            last_modified=last_modified,
            new_items=new_items,
            not_modified=not_modified,
        )

    def record_poll_failure(
        self, source_id: int, *, now: datetime, error: str, next_attempt_at: datetime | None = None
    ) -> None:
        self._write(sources.record_poll_failure, source_id, now=now, error=error, next_attempt_at=next_attempt_at)

    def set_notified(self, source_id: int, kind: str, when: datetime | None) -> None:
        self._write(sources.set_notified, source_id, kind, when)

    def recent_published(self, source_id: int, limit: int = 30) -> list[datetime]:
        return self._read(sources.recent_published, source_id, limit)

    # -- items (bot/edges/store/items.py) ---------------------------------------------

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these de-duplication keys are already stored."""
        return self._read(items.known_keys, keys)

    def add_items(self, batch: Sequence[tuple[NewItem, QueuedPost | None]], *, now: datetime) -> list[int | None]:
        """Store items, and queue the post of each that has one, in one transaction.

        Storing the item and queueing its alert together is what makes "seen" imply
        "will be posted": a crash can lose neither half alone. An item any of whose keys
        is already known is a duplicate: nothing of it is stored and its id is None.
        Reports placed among events are stored by bot/app/placement.py instead.
        """
        with self.transaction() as db:
            if batch:
                items.lock_writers(db, now)
            ids = items.add(db, [item for item, _ in batch], [post is not None for _, post in batch])
            for (_, post), item_id in zip(batch, ids):
                if post is not None and item_id is not None:
                    outbox.queue(db, post, now=now, item_id=item_id)
        return ids

    def arrest_items(self, start: datetime, end: datetime) -> list[StoredItem]:
        """Items flagged as arrest reports first seen in [start, end), each with its event
        (None for items stored before events existed)."""
        return self._read(items.arrest_items, start, end)

    def item(self, item_id: int) -> StoredItem | None:
        return self._read(items.item, item_id)

    def items_with_status(self, status: str, limit: int = 100) -> list[StoredItem]:
        return self._read(items.items_with_status, status, limit)

    def item_count(self) -> int:
        return self._read(items.item_count)

    def decide_review(self, item_id: int, *, approve: bool, alert: QueuedPost | None, now: datetime) -> bool:
        """Apply an operator's decision on a doubtful item; False if already decided.
        Approval queues ``alert`` in the same transaction (placed among events:
        bot/app/placement.decide_review)."""
        with self.transaction() as db:
            changed = items.decide_review(db, item_id, approve=approve)
            if changed and approve and alert is not None:
                outbox.queue(db, alert, now=now, item_id=item_id)
        return changed

    # -- events (bot/edges/store/events.py) -------------------------------------------

    def recent_events(self, since: datetime) -> list[Event]:
        """Events reported at or after ``since`` (their latest report), oldest first."""
        return self._read(events.load_events, "e.last_at >= ?", (to_iso(since),))

    def events_since(self, since: datetime) -> list[Event]:
        """Events first reported at or after ``since``, oldest first (for exports)."""
        return self._read(events.load_events, "e.first_at >= ?", (to_iso(since),))

    def events_by_id(self, event_ids: Iterable[int]) -> list[Event]:
        wanted = sorted(set(event_ids))
        if not wanted:
            return []
        return self._read(events.load_events, f"e.id IN ({','.join('?' * len(wanted))})", wanted)

    def custody_events(self, since: datetime) -> list[Event]:
        """Episodes first reported since ``since``, and older ones in which someone with
        a term in months or years has no report of release (a sentence outlives any
        lookback), oldest first."""
        return self._read(
            events.load_events,
            "e.first_at >= ? OR e.id IN (SELECT event_id FROM event_people"
            " WHERE status <> 'released' AND (term LIKE ? OR term LIKE ?))",
            (to_iso(since), "%year%", "%month%"),
        )

    def all_events(self) -> list[Event]:
        """Every episode with its people and reports, oldest first (for the archive)."""
        return self._read(events.load_events, "1 = 1", ())

    def person_ids(self, event_ids: Iterable[int]) -> dict[tuple[int, str], int]:
        """(event id, person key) → event_people.id: the PERSON-ID of ``custody set``."""
        return self._read(events.person_ids, event_ids)

    def custody_person(self, person_id: int) -> Any | None:
        """The event_people row of PERSON-ID (None if there is none)."""
        return self._read(events.custody_person, person_id)

    def add_custody_correction(
        self,
        person_id: int,
        field: str,
        value: str,
        *,
        note: str = "",
        by: str = "",
        now: datetime,
    ) -> int:
        """Keep an operator's correction of one custody record; StoreError for an unknown person."""
        return self._write(events.add_custody_correction, person_id, field, value, note=note, by=by, now=now)

    def custody_corrections(self) -> list[Any]:
        """Every correction, oldest first (person_id, field, value, note, created_by, created_at)."""
        return self._read(events.custody_corrections)

    # -- once per period, and flags (bot/edges/store/digests.py) ------------------------

    def custody_board(self) -> list[Any]:
        return self._read(digests.custody_board)

    def save_custody_slot(self, slot: int, message_id: int | None, body: str, *, now: datetime) -> None:
        self._write(digests.save_custody_slot, slot, message_id, body, now=now)

    def custody_post_exists(self, kind: str, period: str) -> bool:
        return self._read(digests.custody_post_exists, kind, period)

    def claim_custody_post(self, kind: str, period: str, *, now: datetime, posts: Sequence[QueuedPost] = ()) -> bool:
        """Claim ``kind`` for ``period`` and queue ``posts`` with it; False if already claimed."""
        return self._write(digests.claim_custody_post, kind, period, now=now, posts=posts)

    def record_custody_post(self, kind: str, period: str, message_id: int | None) -> None:
        self._write(digests.record_custody_post, kind, period, message_id)

    def forget_custody_post(self, kind: str, period: str) -> None:
        """Give a claimed period back (its post could not be sent; it is tried again)."""
        self._write(digests.forget_custody_post, kind, period)

    def flag(self, name: str) -> str | None:
        return self._read(digests.flag, name)

    def set_flag(self, name: str, value: str | None) -> None:
        """Set (or, with None, clear) a persistent flag such as 'paused'."""
        self._write(digests.set_flag, name, value)

    def digest_exists(self, day: str) -> bool:
        return self._read(digests.digest_exists, day)

    def queue_digest(
        self, day: str, parts: Sequence[str], *, people: int, reports: int, now: datetime, force: bool = False
    ) -> bool:
        """Claim the day and queue its posts in one transaction; False if already claimed."""
        return self._write(digests.queue_digest, day, parts, people=people, reports=reports, now=now, force=force)

    # -- outbox (bot/edges/store/outbox.py) ---------------------------------------------

    def queue_post(self, post: QueuedPost, *, now: datetime) -> None:
        """Queue a post that belongs to no item (a notice for the operators)."""
        self._write(outbox.queue, post, now=now)

    def requeue_stale(self) -> int:
        """Put rows left in 'sending' by a dead sender back in the queue.

        Call only when no other sender can be alive: on taking over the "sender" lease
        (see bot/app/outbox.py). This is the documented duplicate window: a message
        Telegram accepted just before the crash is sent again.
        """
        return self._write(outbox.requeue_stale)

    def claim_next(
        self,
        *,
        owner: str,
        now: datetime,
        skip_targets: Sequence[str] = (),
        lease: str | None = None,
    ) -> OutboxMessage | None:
        """Take the oldest queued message and mark it 'sending' by ``owner``.

        With ``lease``, only while ``owner`` holds that lease by the database's clock.
        Messages for ``skip_targets`` (the channel, while posting is paused) stay queued.
        An edit or follow-up waits until the post it edits or answers is sent (or has
        failed for good); it then carries that post's Telegram message id.
        """
        with self.transaction() as db:
            row = outbox.next_queued(db, now=now, edit_interval=self.edit_interval, skip_targets=skip_targets)
            if row is None:
                return None
            fence = (lease, sources.db_now(db)) if lease is not None else None
            return outbox.claim(db, row, owner=owner, now=now, fence=fence)

    def mark_sent(self, message_id: int, telegram_id: int | None, *, owner: str, now: datetime) -> bool:
        """Sent (fenced: only while 'sending' by ``owner``; see bot/edges/store/outbox.py)."""
        return self._write(outbox.mark_sent, message_id, telegram_id, owner=owner, now=now)

    def mark_failed(self, message_id: int, reason: str, *, owner: str, now: datetime) -> bool:
        """A permanent failure: kept with its reason, never retried automatically."""
        return self._write(outbox.finish, message_id, "failed", reason, owner=owner, now=now)

    def release(self, message_id: int, reason: str, *, owner: str, now: datetime) -> bool:
        """A transient failure: back to the queue, keeping its place (oldest first)."""
        return self._write(outbox.finish, message_id, "queued", reason, owner=owner, now=now)

    def outbox_counts(self) -> dict[str, int]:
        return self._read(outbox.counts)

    def outbox_rows(self, *, kind: str | None = None) -> list[Any]:
        return self._read(outbox.rows, kind=kind)

    def recent_sends(self, since: datetime) -> list[tuple[str, datetime]]:
        """(target, sent_at) of the posts sent since ``since``, for pacing a new sender."""
        return self._read(outbox.recent_sends, since)

    def last_sent_at(self) -> datetime | None:
        return self._read(outbox.last_sent_at)

    def outbox_entries(
        self, states: Sequence[str] = ("queued", "sending", "failed"), *, limit: int = 200
    ) -> list[OutboxEntry]:
        """Posts in ``states``, oldest first, for ``arrestwatch outbox list`` and /outbox."""
        return self._read(outbox.entries, states, limit=limit)

    def requeue_failed(self, ids: Iterable[int] | None = None, *, now: datetime) -> list[int]:
        """Put failed posts back in the queue (all of them, or those of ``ids``); the ids
        re-queued. Posts in any other state are left alone: nothing is sent twice."""
        return self._write(outbox.requeue_failed, ids, now=now)

    def sent_message_ids(self, outbox_ids: Iterable[int]) -> dict[int, int]:
        """Outbox id → Telegram message id, for the posts of ``outbox_ids`` that were sent."""
        return self._read(outbox.sent_message_ids, outbox_ids)
