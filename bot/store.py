"""The only module that speaks SQL: sources' state, items, de-duplication keys, the
outbox, digests and the workers' leases, in one SQLite file (WAL mode) or one
PostgreSQL database shared by several workers.

The queries are plain SQL in the common dialect of both engines (bot/db.py translates
the few differences for PostgreSQL). Methods are synchronous and short; async callers
run them with ``asyncio.to_thread``. One connection guarded by a lock keeps writes
serialised inside a process; primary keys, unique indexes, row locks and leases are
what keep several processes consistent.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from bot.analysis.result import Analysis
from bot.db import (
    INTEGRITY_ERRORS,
    DatabaseError,
    PgConnection,
    connect_sqlite,
    is_postgres_url,
    redact_url,
    translate_ddl,
)
from bot.events import Event, Person, Report
from bot.errors import StoreError  # the database cannot be opened, migrated or written
from bot.translit import name_key
from bot.models import SourceConfig

log = logging.getLogger(__name__)

MIGRATION_RE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
# Marks the start of an engine's section in a migration (see _dialect_sections).
DIALECT_RE = re.compile(r"^--\s*dialect:\s*(sqlite|postgresql|all)\s*$")
# pg_advisory_xact_lock key held while migrating: workers starting together migrate once.
MIGRATION_LOCK = 0x61775F6D  # "aw_m"

# A connection as the store uses it: a sqlite3 connection or bot.db.PgConnection.
Connection = Any


DEFAULT_EDIT_INTERVAL = timedelta(minutes=10)
# How many of a person's episodes older than the placement lookback are read for "detained again".
EARLIER_EPISODES = 5


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (the only clock the store uses)."""
    return datetime.now(timezone.utc)


def to_iso(moment: datetime | None) -> str | None:
    """Store datetimes as ISO 8601 UTC strings so they sort and compare as text."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class SourceState:
    """What the database remembers about one source between polls."""

    id: int
    name: str
    url: str
    type: str
    etag: str | None
    last_modified: str | None
    first_polled_at: datetime | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    items_seen: int
    last_new_item_at: datetime | None
    failing_since: datetime | None = None
    next_attempt_at: datetime | None = None
    down_notified_at: datetime | None = None
    silent_notified_at: datetime | None = None
    # coordination of workers (migration 003): when the next poll is due (None: now),
    # which worker holds the poll and until when; False once gone from sources.toml
    next_poll_at: datetime | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    active: bool = True


@dataclass(frozen=True)
class NewItem:
    """A story ready to be stored, with its de-duplication keys and analysis."""

    source_id: int
    keys: tuple[str, ...]
    guid: str | None
    url: str | None
    canonical_url: str | None
    content_hash: str
    title: str
    text: str
    published_at: datetime | None
    fetched_at: datetime
    status: str  # 'alert' | 'seen' | 'old'
    analysis: dict[str, Any] | None = None
    source_name: str | None = None  # for placing the report among events


@dataclass(frozen=True)
class QueuedPost:
    """A post to queue with its item: an alert for the channel, or a review request
    (with Approve/Reject buttons as ``markup``, inline-keyboard JSON) for the operators."""

    body: str
    kind: str = "alert"
    target: str = "channel"
    markup: dict[str, Any] | None = None
    # 'edit' / 'followup': the outbox row of the post to edit or reply to; the post
    # waits until that one is sent and takes its Telegram message id then.
    parent_id: int | None = None


@dataclass(frozen=True)
class OutboxMessage:
    """One queued post, claimed by the sender."""

    id: int
    kind: str
    target: str
    body: str
    attempts: int
    item_id: int | None
    digest_day: str | None
    markup: dict[str, Any] | None = None
    reply_to: int | None = None
    parent_id: int | None = None
    parent_message_id: int | None = None  # the Telegram id of the parent post, once sent
    parent_state: str | None = None


@dataclass(frozen=True)
class OutboxEntry:
    """One post as ``arrestwatch outbox list`` shows it."""

    id: int
    kind: str
    target: str
    state: str
    attempts: int
    last_error: str | None
    created_at: datetime
    body: str


@dataclass(frozen=True)
class StoredItem:
    """An item as read back for digests and listings."""

    id: int
    source_name: str
    title: str
    url: str | None
    published_at: datetime | None
    fetched_at: datetime
    analysis: dict[str, Any]
    event_id: int | None = None


@dataclass(frozen=True)
class EventWrite:
    """What placing one report into events writes (decided by bot.events, applied here).

    ``event_id`` None opens a new event with this item first, and ``post`` is its
    alert; otherwise the item joins that event and ``post`` is the edit or follow-up
    (or None). ``people`` are inserted or updated by (event, person key).
    """

    event_id: int | None
    role: str  # 'first' | 'also' | 'followup'
    reason: str
    at: datetime
    people: tuple[EventPersonRow, ...] = ()
    post: QueuedPost | None = None
    detained_on: str | None = None
    place: str | None = None
    previous_on: str | None = None  # a new episode of someone: the day of their earlier one


@dataclass(frozen=True)
class EventPersonRow:
    key: str
    name: str
    latin: str
    term: str | None
    status: str


class EventPlanner(Protocol):
    """Decides, inside the storing transaction, where a new item goes among events."""

    lookback: timedelta  # how far back events can still take a new report

    def shortlist(self, item_id: int, item: NewItem, post: QueuedPost | None, events: list[Event]) -> set[int]: ...

    def plan(self, item_id: int, item: NewItem, post: QueuedPost | None,
             candidates: list[Event]) -> EventWrite | None: ...

    def wants(self, item: NewItem, post: QueuedPost | None) -> bool: ...


class Store:
    """The database holding everything arrestwatch must remember: a SQLite file (one
    process) or PostgreSQL (any number of workers)."""

    def __init__(self, connection: Connection, path: str) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = redact_url(path)  # for messages: never the password
        self.dialect: str = getattr(connection, "dialect", "sqlite")
        self._heads = _EventHeads()  # recent events between placements (under _lock)
        # At most one edit of a message this often (settings.edit_interval); edits queued
        # meanwhile are merged into one (_queue).
        self.edit_interval = DEFAULT_EDIT_INTERVAL

    @classmethod
    def open(cls, location: str | Path) -> "Store":
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
                self._heads.clear()  # it may hold events of the rolled-back writes
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except BaseException:
                self._heads.clear()
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

    # -- schema -------------------------------------------------------------------

    def migrate(self) -> int:
        """Apply every migration not yet recorded; return the schema version."""
        files = sorted(
            (int(m.group(1)), m.group(2), entry)
            for entry in importlib.resources.files("bot.migrations").iterdir()
            if (m := MIGRATION_RE.match(entry.name))
        )
        with self.transaction() as db:
            if self.dialect == "postgresql":  # workers starting together: one migrates, the others wait
                db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            newest = max(applied, default=0)
            known = {version for version, _, _ in files}
            if newest > max(known, default=0):
                raise StoreError(
                    f"the database {self.path} has schema version {newest}, newer than this "
                    f"arrestwatch knows ({max(known, default=0)}); upgrade arrestwatch"
                )
            for version, name, entry in files:
                if version in applied:
                    continue
                script = _dialect_sections(entry.read_text(encoding="utf-8"), self.dialect)
                for statement in _split_sql(script):
                    db.execute(translate_ddl(statement) if self.dialect == "postgresql" else statement)
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, to_iso(utcnow())),
                )
            return max(known | applied, default=0)

    def schema_version(self) -> int:
        with self._lock:
            return self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

    # -- sources ------------------------------------------------------------------

    def sync_sources(self, sources: Sequence[SourceConfig], *, prune: bool = False) -> dict[str, SourceState]:
        """Make sure each configured source has a row (matched by name); keep its state.

        A source whose URL or type changed keeps its history but forgets its validators,
        since an ETag of the old URL means nothing for the new one, and is due at once.
        With ``prune`` (``sources`` is the whole file), sources no longer listed are marked
        inactive, so no worker claims them; their items stay.
        """
        with self.transaction() as db:
            for source in sources:
                row = db.execute("SELECT url, type, active FROM sources WHERE name = ?", (source.name,)).fetchone()
                if row is None:
                    # DO NOTHING: another worker may be adding the same source right now.
                    db.execute(
                        "INSERT INTO sources (name, url, type) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                        (source.name, source.url, source.type),
                    )
                elif (row["url"], row["type"]) != (source.url, source.type):
                    db.execute(
                        "UPDATE sources SET url = ?, type = ?, etag = NULL, last_modified = NULL, next_poll_at = NULL,"
                        " active = 1 WHERE name = ?",
                        (source.url, source.type, source.name),
                    )
                elif not row["active"]:
                    db.execute("UPDATE sources SET active = 1, next_poll_at = NULL WHERE name = ?", (source.name,))
            if prune:
                listed = {source.name for source in sources}
                for row in db.execute("SELECT id, name FROM sources WHERE active = 1").fetchall():
                    if row["name"] not in listed:
                        db.execute("UPDATE sources SET active = 0 WHERE id = ?", (row["id"],))
        return {state.name: state for state in self.source_states() if state.name in {s.name for s in sources}}

    # -- claims: which worker polls which source --------------------------------------

    def claim_due_sources(
        self, names: Iterable[str], *, owner: str, lease: timedelta, limit: int, now: datetime | None = None,
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
        skip_locked = " FOR UPDATE SKIP LOCKED" if self.dialect == "postgresql" else ""
        marks = ",".join("?" * len(wanted))
        with self.transaction() as db:
            now = now or self._db_now(db)
            rows = db.execute(
                f"SELECT id FROM sources WHERE active = 1 AND name IN ({marks})"
                " AND (next_poll_at IS NULL OR next_poll_at <= ?)"
                " AND (lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)"
                f" ORDER BY COALESCE(next_poll_at, ''), id LIMIT ?{skip_locked}",
                [*wanted, to_iso(now), to_iso(now), owner, limit],
            ).fetchall()
            ids = [row[0] for row in rows]
            if not ids:
                return []
            db.execute(
                f"UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id IN ({','.join('?' * len(ids))})",
                [owner, to_iso(now + lease), *ids],
            )
            claimed = db.execute(
                f"SELECT * FROM sources WHERE id IN ({','.join('?' * len(ids))})", ids,
            ).fetchall()
        return sorted((_source_state(row) for row in claimed), key=lambda state: ids.index(state.id))

    def poll_soon(self, names: Iterable[str]) -> None:
        """Make these sources due at once (their entry in sources.toml changed)."""
        with self.transaction() as db:
            for name in names:
                db.execute("UPDATE sources SET next_poll_at = NULL WHERE name = ?", (name,))

    def finish_poll(self, source_id: int, *, owner: str, next_poll_at: datetime) -> bool:
        """Record when the source is next due and give up its lease; False if the lease
        was no longer ``owner``'s (it expired and another worker took the source).

        A source backing off after failures (``next_attempt_at`` later than
        ``next_poll_at``) is next due when the backoff ends.
        """
        with self.transaction() as db:
            return bool(db.execute(
                "UPDATE sources SET lease_owner = NULL, lease_until = NULL,"
                " next_poll_at = CASE WHEN next_attempt_at IS NOT NULL AND next_attempt_at > :next"
                " THEN next_attempt_at ELSE :next END WHERE id = :id AND lease_owner = :owner",
                {"next": to_iso(next_poll_at), "id": source_id, "owner": owner},
            ).rowcount)

    def renew_source_leases(self, owner: str, *, lease: timedelta) -> int:
        """Extend every source lease ``owner`` holds (its polls in progress) to now +
        ``lease`` by the database's clock."""
        with self.transaction() as db:
            until = self._db_now(db) + lease
            return db.execute(
                "UPDATE sources SET lease_until = ? WHERE lease_owner = ?", (to_iso(until), owner),
            ).rowcount

    def release_source_leases(self, owner: str) -> int:
        """Give up ``owner``'s source leases without polling (a clean stop): due at once elsewhere."""
        with self.transaction() as db:
            return db.execute(
                "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", (owner,),
            ).rowcount

    # -- named leases: jobs one worker does at a time -----------------------------------

    def acquire_lease(self, name: str, owner: str, *, duration: timedelta, now: datetime | None = None) -> bool:
        """Take or renew the lease ``name`` for ``owner`` until now + ``duration``.

        One upsert: it inserts the lease, or updates it only when it has expired or is
        already ``owner``'s; otherwise it changes nothing and this returns False.
        ``now`` is the database's clock unless given (tests): workers whose clocks
        disagree still agree on who holds a lease.
        """
        with self.transaction() as db:
            now = now or self._db_now(db)
            return bool(db.execute(
                "INSERT INTO leases (name, owner, until, acquired_at) VALUES (:name, :owner, :until, :now)"
                " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until,"
                " acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at"
                " ELSE excluded.acquired_at END"
                " WHERE leases.owner = excluded.owner OR leases.until <= excluded.acquired_at",
                {"name": name, "owner": owner, "until": to_iso(now + duration), "now": to_iso(now)},
            ).rowcount)

    def release_lease(self, name: str, owner: str) -> bool:
        """Give the lease up at once (if ``owner`` still holds it)."""
        with self.transaction() as db:
            return bool(db.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (name, owner)).rowcount)

    def lease_holder(self, name: str, *, now: datetime | None = None) -> str | None:
        """Who holds the lease ``name`` now (None: nobody, or it expired); ``now`` is
        the database's clock unless given."""
        with self._lock:
            row = self._db.execute("SELECT owner FROM leases WHERE name = ? AND until > ?",
                                   (name, to_iso(now or self._db_now(self._db)))).fetchone()
        return row[0] if row else None

    def _db_now(self, db: Connection) -> datetime:
        """The database server's clock (UTC, to the second), the one clock leases use."""
        if self.dialect == "postgresql":
            value = db.execute("SELECT now()").fetchone()[0]
            return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return datetime.fromisoformat(db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')").fetchone()[0])

    def source_states(self) -> list[SourceState]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM sources ORDER BY name").fetchall()
        return [_source_state(row) for row in rows]

    def source_state(self, name: str) -> SourceState | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM sources WHERE name = ?", (name,)).fetchone()
        return _source_state(row) if row else None

    def record_poll_success(
        self, source_id: int, *, now: datetime, etag: str | None, last_modified: str | None,
        new_items: int, not_modified: bool = False,
    ) -> None:
        """Remember a good poll: validators for the next conditional GET, health counters."""
        with self.transaction() as db:
            db.execute(
                "UPDATE sources SET last_polled_at = :now, last_success_at = :now, consecutive_failures = 0,"
                " failing_since = NULL, next_attempt_at = NULL,"
                " first_polled_at = COALESCE(first_polled_at, :now),"
                " etag = CASE WHEN :nm = 1 THEN etag ELSE :etag END,"
                " last_modified = CASE WHEN :nm = 1 THEN last_modified ELSE :lm END,"
                " items_seen = items_seen + :new,"
                " last_new_item_at = CASE WHEN :new > 0 THEN :now ELSE last_new_item_at END"
                " WHERE id = :id",
                {"now": to_iso(now), "etag": etag, "lm": last_modified, "new": new_items,
                 "nm": int(not_modified), "id": source_id},
            )

    def record_poll_failure(
        self, source_id: int, *, now: datetime, error: str, next_attempt_at: datetime | None = None
    ) -> None:
        """Remember a failed poll; ``next_attempt_at`` holds off the next one (backoff)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE sources SET last_polled_at = :now, last_error = :error, last_error_at = :now,"
                " consecutive_failures = consecutive_failures + 1,"
                " failing_since = COALESCE(failing_since, :now), next_attempt_at = :next WHERE id = :id",
                {"now": to_iso(now), "error": error[:1000], "next": to_iso(next_attempt_at), "id": source_id},
            )

    def set_notified(self, source_id: int, kind: str, when: datetime | None) -> None:
        """Record (or clear, with None) that a 'down' or 'silent' notice was sent."""
        column = {"down": "down_notified_at", "silent": "silent_notified_at"}[kind]
        with self.transaction() as db:
            db.execute(f"UPDATE sources SET {column} = ? WHERE id = ?", (to_iso(when), source_id))

    def recent_published(self, source_id: int, limit: int = 30) -> list[datetime]:
        """Publication times of a source's latest items, for its usual rhythm."""
        with self._lock:
            rows = self._db.execute(
                "SELECT published_at FROM items WHERE source_id = ? AND published_at IS NOT NULL"
                " ORDER BY published_at DESC LIMIT ?", (source_id, limit),
            ).fetchall()
        return [from_iso(row[0]) for row in rows if row[0]]

    def queue_post(self, post: QueuedPost, *, now: datetime) -> None:
        """Queue a post that belongs to no item (a notice for the operators)."""
        with self.transaction() as db:
            _queue(db, post, now=now)

    # -- items --------------------------------------------------------------------

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these de-duplication keys are already stored (one query per batch)."""
        with self._lock:
            return _known_keys(self._db, keys)

    def add_items(
        self, items: Sequence[tuple[NewItem, QueuedPost | None]], *, now: datetime,
        events: EventPlanner | None = None,
    ) -> list[int | None]:
        """Store items, and queue the post of each that has one, in one transaction.

        Storing the item and queueing its alert together is what makes "seen" imply
        "will be posted": a crash can lose neither half alone. An item any of whose keys
        is already known is a duplicate: nothing of it is stored and its id is None.

        With ``events``, each item it wants is placed among events in the same
        transaction: a new event queues the alert; a report of a known event queues
        the edit or follow-up the planner chose instead.
        """
        ids: list[int | None] = []
        with self.transaction() as db:
            if self.dialect == "postgresql" and items:
                # Writers of items queue behind one row lock, taken before any key is
                # written: two workers storing overlapping stories in different orders
                # would otherwise deadlock on each other's uncommitted keys (SQLite's
                # BEGIN IMMEDIATE already serialises them). _place_in_events takes it too.
                db.execute("UPDATE event_placement SET updated_at = ? WHERE id = 1", (to_iso(now),))
            # Under the write lock no other writer adds keys: the batch's duplicates are
            # known here, and plain items need no savepoint each (most of a cold poll).
            known = _known_keys(db, (key for item, _ in items for key in item.keys))
            plain_keys: list[tuple[str, int]] = []
            for item, post in items:
                keys = list(dict.fromkeys(item.keys))
                if known.intersection(keys):
                    ids.append(None)
                    continue
                known.update(keys)
                placing = events is not None and events.wants(item, post)
                if post is None and not placing:
                    item_id = _insert_item(db, item)
                    plain_keys += [(key, item_id) for key in keys]
                    ids.append(item_id)
                    continue
                db.execute("SAVEPOINT item")
                try:
                    item_id = _insert_item(db, item)
                    db.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(key, item_id) for key in keys])
                    if placing:
                        post = _place_in_events(db, events, item_id, item, post, now=now, heads=self._heads)
                    if post is not None:
                        _queue(db, post, now=now, item_id=item_id)
                except INTEGRITY_ERRORS:
                    self._heads.clear()
                    db.execute("ROLLBACK TO item")
                    db.execute("RELEASE item")
                    ids.append(None)
                    continue
                db.execute("RELEASE item")
                ids.append(item_id)
            db.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", plain_keys)
        return ids

    def arrest_items(self, start: datetime, end: datetime) -> list[StoredItem]:
        """Items flagged as arrest reports that were first seen in [start, end), each with
        its event (None for items stored before events existed)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT items.id, sources.name AS source_name, title, items.url, published_at, fetched_at, analysis,"
                " event_reports.event_id FROM items JOIN sources ON sources.id = items.source_id"
                " LEFT JOIN event_reports ON event_reports.item_id = items.id"
                " WHERE status = 'alert' AND fetched_at >= ? AND fetched_at < ? ORDER BY fetched_at, items.id",
                (to_iso(start), to_iso(end)),
            ).fetchall()
        return [_stored_item(row) for row in rows]

    def item(self, item_id: int) -> StoredItem | None:
        with self._lock:
            row = self._db.execute(
                "SELECT items.id, sources.name AS source_name, title, items.url, published_at, fetched_at, analysis,"
                " status FROM items JOIN sources ON sources.id = items.source_id WHERE items.id = ?", (item_id,),
            ).fetchone()
        return _stored_item(row) if row else None

    def items_with_status(self, status: str, limit: int = 100) -> list[StoredItem]:
        with self._lock:
            rows = self._db.execute(
                "SELECT items.id, sources.name AS source_name, title, items.url, published_at, fetched_at, analysis,"
                " status FROM items JOIN sources ON sources.id = items.source_id WHERE status = ?"
                " ORDER BY items.id LIMIT ?", (status, limit),
            ).fetchall()
        return [_stored_item(row) for row in rows]

    def decide_review(
        self, item_id: int, *, approve: bool, alert: QueuedPost | None, now: datetime,
        events: EventPlanner | None = None,
    ) -> bool:
        """Apply an operator's decision on a doubtful item; False if already decided.

        Approval queues the alert in the same transaction that changes the status, so
        a double click or two operators racing post it once. With ``events``, the
        approved report is placed among events like any alert: if its arrest was already
        posted from another outlet's report, it becomes an edit or follow-up of that
        post instead of a second alert.
        """
        with self.transaction() as db:
            changed = db.execute(
                "UPDATE items SET status = ? WHERE id = ? AND status = 'review'",
                ("alert" if approve else "rejected", item_id),
            ).rowcount
            if changed and approve and alert is not None:
                post: QueuedPost | None = alert
                if events is not None:
                    item = _new_item_of(db, item_id)
                    if item is not None and events.wants(item, alert):
                        post = _place_in_events(db, events, item_id, item, alert, now=now, heads=self._heads)
                if post is not None:
                    _queue(db, post, now=now, item_id=item_id)
        return bool(changed)

    def item_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM items").fetchone()[0]

    # -- events -------------------------------------------------------------------

    def recent_events(self, since: datetime) -> list[Event]:
        """Events reported at or after ``since`` (their latest report), oldest first."""
        with self._lock:
            return _load_events(self._db, "e.last_at >= ?", (to_iso(since),))

    def events_since(self, since: datetime) -> list[Event]:
        """Events first reported at or after ``since``, oldest first (for exports)."""
        with self._lock:
            return _load_events(self._db, "e.first_at >= ?", (to_iso(since),))

    def events_by_id(self, event_ids: Iterable[int]) -> list[Event]:
        wanted = sorted(set(event_ids))
        if not wanted:
            return []
        with self._lock:
            return _load_events(self._db, f"e.id IN ({','.join('?' * len(wanted))})", wanted)

    # -- custody (issue 17; bot/custody.py) ------------------------------------------

    def custody_events(self, since: datetime) -> list[Event]:
        """Episodes first reported since ``since``, and older ones in which someone with
        a term in months or years has no report of release (a sentence outlives any
        lookback), oldest first."""
        with self._lock:
            return _load_events(self._db, "e.first_at >= ? OR e.id IN (SELECT event_id FROM event_people"
                                " WHERE status <> 'released' AND (term LIKE ? OR term LIKE ?))",
                                (to_iso(since), "%year%", "%month%"))

    def all_events(self) -> list[Event]:
        """Every episode with its people and reports, oldest first (for the archive)."""
        with self._lock:
            return _load_events(self._db, "1 = 1", ())

    def person_ids(self, event_ids: Iterable[int]) -> dict[tuple[int, str], int]:
        """(event id, person key) → event_people.id: the PERSON-ID of ``custody set``."""
        wanted = sorted(set(event_ids))
        out: dict[tuple[int, str], int] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                for row in self._db.execute(
                    f"SELECT id, event_id, person_key FROM event_people WHERE event_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ):
                    out[(row["event_id"], row["person_key"])] = row["id"]
        return out

    def sent_message_ids(self, outbox_ids: Iterable[int]) -> dict[int, int]:
        """Outbox id → Telegram message id, for the posts of ``outbox_ids`` that were sent."""
        wanted = sorted(set(outbox_ids))
        out: dict[int, int] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                for row in self._db.execute(
                    f"SELECT id, message_id FROM outbox WHERE message_id IS NOT NULL AND state = 'sent'"
                    f" AND id IN ({','.join('?' * len(chunk))})", chunk,
                ):
                    out[row["id"]] = row["message_id"]
        return out

    def custody_person(self, person_id: int) -> Any | None:
        """The event_people row of PERSON-ID (None if there is none)."""
        with self._lock:
            return self._db.execute("SELECT * FROM event_people WHERE id = ?", (person_id,)).fetchone()

    def add_custody_correction(
        self, person_id: int, field: str, value: str, *, note: str = "", by: str = "", now: datetime,
    ) -> int:
        """Keep an operator's correction of one custody record; StoreError for an unknown person."""
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM event_people WHERE id = ?", (person_id,)).fetchone() is None:
                raise StoreError(f"no person with id {person_id}: see the ids in `arrestwatch custody`")
            return int(db.execute(
                "INSERT INTO custody_corrections (person_id, field, value, note, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", (person_id, field, value, note, by, to_iso(now)),
            ).fetchone()[0])

    def custody_corrections(self) -> list[Any]:
        """Every correction, oldest first (person_id, field, value, note, created_by, created_at)."""
        with self._lock:
            return self._db.execute("SELECT * FROM custody_corrections ORDER BY id").fetchall()

    def custody_board(self) -> list[Any]:
        """The pinned list's messages (slot, message_id, body, updated_at), slot order."""
        with self._lock:
            return self._db.execute("SELECT * FROM custody_board ORDER BY slot").fetchall()

    def save_custody_slot(self, slot: int, message_id: int | None, body: str, *, now: datetime) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO custody_board (slot, message_id, body, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (slot) DO UPDATE SET message_id = excluded.message_id, body = excluded.body,"
                " updated_at = excluded.updated_at", (slot, message_id, body, to_iso(now)),
            )

    def custody_post_exists(self, kind: str, period: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM custody_posts WHERE kind = ? AND period = ?",
                                    (kind, period)).fetchone() is not None

    def claim_custody_post(self, kind: str, period: str, *, now: datetime, posts: Sequence[QueuedPost] = ()) -> bool:
        """Claim ``kind`` for ``period`` (once per period across processes) and queue
        ``posts`` with it in one transaction; False if it was already claimed."""
        with self.transaction() as db:
            try:
                db.execute("SAVEPOINT custody_claim")
                db.execute("INSERT INTO custody_posts (kind, period, created_at) VALUES (?, ?, ?)",
                           (kind, period, to_iso(now)))
                db.execute("RELEASE custody_claim")
            except INTEGRITY_ERRORS:
                db.execute("ROLLBACK TO custody_claim")
                db.execute("RELEASE custody_claim")
                return False
            for post in posts:
                _queue(db, post, now=now)
        return True

    def record_custody_post(self, kind: str, period: str, message_id: int | None) -> None:
        with self.transaction() as db:
            db.execute("UPDATE custody_posts SET message_id = ? WHERE kind = ? AND period = ?",
                       (message_id, kind, period))

    def forget_custody_post(self, kind: str, period: str) -> None:
        """Give a claimed period back (its post could not be sent; it is tried again)."""
        with self.transaction() as db:
            db.execute("DELETE FROM custody_posts WHERE kind = ? AND period = ?", (kind, period))

    # -- outbox -------------------------------------------------------------------

    def requeue_stale(self) -> int:
        """Put rows left in 'sending' by a dead sender back in the queue.

        Call only when no other sender can be alive: on taking over the "sender" lease
        (see bot/outbox.py). This is the documented duplicate window: a message
        Telegram accepted just before the crash is sent again.
        """
        with self.transaction() as db:
            return db.execute(
                "UPDATE outbox SET state = 'queued', claimed_by = NULL, updated_at = ? WHERE state = 'sending'",
                (to_iso(utcnow()),),
            ).rowcount

    def claim_next(
        self, *, owner: str, now: datetime, skip_targets: Sequence[str] = (), lease: str | None = None,
    ) -> OutboxMessage | None:
        """Take the oldest queued message and mark it 'sending' by ``owner``.

        With ``lease``, only while ``owner`` holds that lease by the database's clock.
        Messages for ``skip_targets`` (the channel, while posting is paused) stay queued.
        An edit or follow-up waits until the post it edits or answers is sent (or has
        failed for good); it then carries that post's Telegram message id.
        """
        skip = list(skip_targets)
        held = f" AND o.target NOT IN ({','.join('?' * len(skip))})" if skip else ""
        with self.transaction() as db:
            row = db.execute(
                "SELECT o.id, o.kind, o.target, o.body, o.attempts, o.item_id, o.digest_day, o.markup, o.reply_to,"
                " o.parent_id, p.message_id AS parent_message_id, p.state AS parent_state"
                " FROM outbox o LEFT JOIN outbox p ON p.id = o.parent_id"
                f" WHERE o.state = 'queued'{held} AND (o.parent_id IS NULL OR p.id IS NULL OR p.state IN ('sent', 'failed'))"
                # An edit waits until edit_interval has passed since its message was last edited.
                " AND NOT (o.kind = 'edit' AND EXISTS (SELECT 1 FROM outbox e WHERE e.parent_id = o.parent_id"
                " AND e.kind = 'edit' AND e.state = 'sent' AND e.sent_at > ?))"
                " ORDER BY o.id LIMIT 1", [*skip, to_iso(now - self.edit_interval)],
            ).fetchone()
            if row is None:
                return None
            fence, fence_args = "", []
            if lease is not None:
                fence = " AND EXISTS (SELECT 1 FROM leases WHERE name = ? AND owner = ? AND until > ?)"
                fence_args = [lease, owner, to_iso(self._db_now(db))]
            claimed = db.execute(
                "UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = attempts + 1, updated_at = ?"
                f" WHERE id = ? AND state = 'queued'{fence}",
                [owner, to_iso(now), row["id"], *fence_args],
            ).rowcount
            if not claimed:
                return None
        return OutboxMessage(
            id=row["id"], kind=row["kind"], target=row["target"], body=row["body"],
            attempts=row["attempts"] + 1, item_id=row["item_id"], digest_day=row["digest_day"],
            markup=json.loads(row["markup"]) if row["markup"] else None, reply_to=row["reply_to"],
            parent_id=row["parent_id"], parent_message_id=row["parent_message_id"], parent_state=row["parent_state"],
        )

    # mark_sent, mark_failed and release are fenced: they change a row only while it is
    # 'sending' by ``owner``. A stale sender (its lease lapsed, another took over, re-
    # queued and sent the post) changes nothing, and they return False.

    def mark_sent(self, message_id: int, telegram_id: int | None, *, owner: str, now: datetime) -> bool:
        with self.transaction() as db:
            return bool(db.execute(
                "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, updated_at = ?, last_error = NULL,"
                " claimed_by = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?",
                (telegram_id, to_iso(now), to_iso(now), message_id, owner),
            ).rowcount)

    def mark_failed(self, message_id: int, reason: str, *, owner: str, now: datetime) -> bool:
        """A permanent failure: kept with its reason, never retried automatically."""
        with self.transaction() as db:
            return bool(db.execute(
                "UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ?, claimed_by = NULL"
                " WHERE id = ? AND state = 'sending' AND claimed_by = ?",
                (reason[:1000], to_iso(now), message_id, owner),
            ).rowcount)

    def release(self, message_id: int, reason: str, *, owner: str, now: datetime) -> bool:
        """A transient failure: back to the queue, keeping its place (oldest first)."""
        with self.transaction() as db:
            return bool(db.execute(
                "UPDATE outbox SET state = 'queued', last_error = ?, updated_at = ?, claimed_by = NULL"
                " WHERE id = ? AND state = 'sending' AND claimed_by = ?",
                (reason[:1000], to_iso(now), message_id, owner),
            ).rowcount)

    def outbox_counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
        counts = {"queued": 0, "sending": 0, "sent": 0, "failed": 0}
        counts.update({row[0]: row[1] for row in rows})
        return counts

    def outbox_rows(self, *, kind: str | None = None) -> list[Any]:
        with self._lock:
            if kind is None:
                return self._db.execute("SELECT * FROM outbox ORDER BY id").fetchall()
            return self._db.execute("SELECT * FROM outbox WHERE kind = ? ORDER BY id", (kind,)).fetchall()

    def recent_sends(self, since: datetime) -> list[tuple[str, datetime]]:
        """(target, sent_at) of the posts sent since ``since``, for pacing a new sender."""
        with self._lock:
            rows = self._db.execute(
                "SELECT target, sent_at FROM outbox WHERE state = 'sent' AND sent_at >= ? ORDER BY sent_at",
                (to_iso(since),),
            ).fetchall()
        return [(row[0], from_iso(row[1]) or since) for row in rows]

    def last_sent_at(self) -> datetime | None:
        with self._lock:
            return from_iso(self._db.execute("SELECT max(sent_at) FROM outbox WHERE state = 'sent'").fetchone()[0])

    def outbox_entries(self, states: Sequence[str] = ("queued", "sending", "failed"), *,
                       limit: int = 200) -> list[OutboxEntry]:
        """Posts in ``states``, oldest first, for ``arrestwatch outbox list`` and /outbox."""
        wanted = list(states)
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, target, state, attempts, last_error, created_at, body FROM outbox"
                f" WHERE state IN ({','.join('?' * len(wanted))}) ORDER BY id LIMIT ?", [*wanted, limit],
            ).fetchall()
        return [OutboxEntry(id=row["id"], kind=row["kind"], target=row["target"], state=row["state"],
                            attempts=row["attempts"], last_error=row["last_error"],
                            created_at=from_iso(row["created_at"]) or utcnow(), body=row["body"]) for row in rows]

    def requeue_failed(self, ids: Iterable[int] | None = None, *, now: datetime) -> list[int]:
        """Put failed posts back in the queue (all of them, or those of ``ids``), keeping
        their place (oldest first) and their last error until they are sent; the ids
        re-queued. Posts in any other state are left alone: nothing is sent twice."""
        with self.transaction() as db:
            if ids is None:
                rows = db.execute("SELECT id FROM outbox WHERE state = 'failed' ORDER BY id").fetchall()
            else:
                wanted = sorted(set(ids))
                if not wanted:
                    return []
                rows = db.execute(
                    f"SELECT id FROM outbox WHERE state = 'failed' AND id IN ({','.join('?' * len(wanted))})"
                    " ORDER BY id", wanted,
                ).fetchall()
            found = [row[0] for row in rows]
            for start in range(0, len(found), 500):
                chunk = found[start:start + 500]
                db.execute(f"UPDATE outbox SET state = 'queued', updated_at = ? WHERE state = 'failed'"
                           f" AND id IN ({','.join('?' * len(chunk))})", [to_iso(now), *chunk])
        return found

    # -- flags --------------------------------------------------------------------

    def flag(self, name: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM flags WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_flag(self, name: str, value: str | None) -> None:
        """Set (or, with None, clear) a persistent flag such as 'paused'."""
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM flags WHERE name = ?", (name,))
            else:
                db.execute(
                    "INSERT INTO flags (name, value, updated_at) VALUES (?, ?, ?)"
                    " ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                    (name, value, to_iso(utcnow())),
                )

    # -- digests ------------------------------------------------------------------

    def digest_exists(self, day: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM digests WHERE day = ?", (day,)).fetchone() is not None

    def queue_digest(
        self, day: str, parts: Sequence[str], *, people: int, reports: int, now: datetime, force: bool = False
    ) -> bool:
        """Claim the day and queue its posts in one transaction; False if already claimed.

        The day's primary key is the once-a-day guarantee: of two processes racing,
        one insert fails and that process posts nothing.
        """
        with self.transaction() as db:
            if force:
                db.execute("DELETE FROM digests WHERE day = ?", (day,))
            # DO NOTHING rather than catching the error: a failed statement would abort
            # the whole transaction under PostgreSQL.
            claimed = db.execute(
                "INSERT INTO digests (day, created_at, people, reports, parts) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (day) DO NOTHING",
                (day, to_iso(now), people, reports, len(parts)),
            ).rowcount
            if not claimed:
                return False
            db.executemany(
                "INSERT INTO outbox (kind, target, digest_day, body, created_at, updated_at)"
                " VALUES ('digest', 'channel', ?, ?, ?, ?)",
                [(day, body, to_iso(now), to_iso(now)) for body in parts],
            )
        return True


def _known_keys(db: Connection, keys: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in db.execute(f"SELECT key FROM item_keys WHERE key IN ({marks})", chunk))
    return found


def _insert_item(db: Connection, item: NewItem) -> int:
    analysis = item.analysis or {}
    return int(db.execute(
        "INSERT INTO items (source_id, guid, url, canonical_url, content_hash, title, text,"
        " published_at, fetched_at, lang, arrest, protest, score, analysis, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            item.source_id, item.guid, item.url, item.canonical_url, item.content_hash,
            item.title, item.text, to_iso(item.published_at), to_iso(item.fetched_at),
            analysis.get("lang"), int(bool(analysis.get("arrest"))), int(bool(analysis.get("protest"))),
            analysis.get("score"),
            json.dumps(item.analysis, ensure_ascii=False) if item.analysis is not None else None,
            item.status,
        ),
    ).fetchone()[0])


def _queue(db: Connection, post: QueuedPost, *, now: datetime, item_id: int | None = None) -> int:
    """Queue ``post``; an edit of a message that already has one waiting replaces that
    one's text instead (edits are whole new texts of the message: the newest carries
    every outlet seen meanwhile), so a message gets one edit per send, not one per outlet."""
    if post.kind == "edit" and post.parent_id is not None:
        waiting = db.execute(
            "SELECT id FROM outbox WHERE parent_id = ? AND kind = 'edit' AND state = 'queued' ORDER BY id DESC LIMIT 1",
            (post.parent_id,),
        ).fetchone()
        if waiting is not None:
            db.execute("UPDATE outbox SET body = ?, updated_at = ? WHERE id = ?",
                       (post.body, to_iso(now), waiting["id"]))
            return int(waiting["id"])
    cursor = db.execute(
        "INSERT INTO outbox (kind, target, item_id, body, markup, parent_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (post.kind, post.target, item_id, post.body,
         json.dumps(post.markup, ensure_ascii=False) if post.markup else None, post.parent_id,
         to_iso(now), to_iso(now)),
    )
    return int(cursor.fetchone()[0])


def _new_item_of(db: Connection, item_id: int) -> NewItem | None:
    """A stored item as the event planner sees a new one (for approvals)."""
    row = db.execute(
        "SELECT items.source_id, guid, items.url, canonical_url, content_hash, title, text, published_at,"
        " fetched_at, status, analysis, sources.name AS source_name FROM items"
        " JOIN sources ON sources.id = items.source_id WHERE items.id = ?", (item_id,),
    ).fetchone()
    if row is None:
        return None
    return NewItem(
        source_id=row["source_id"], keys=(), guid=row["guid"], url=row["url"], canonical_url=row["canonical_url"],
        content_hash=row["content_hash"], title=row["title"], text=row["text"],
        published_at=from_iso(row["published_at"]) if row["published_at"] else None,
        fetched_at=from_iso(row["fetched_at"]), status=row["status"],
        analysis=json.loads(row["analysis"]) if row["analysis"] else None, source_name=row["source_name"],
    )


def _place_in_events(
    db: Connection, planner: EventPlanner, item_id: int, item: NewItem, post: QueuedPost | None,
    *, now: datetime, heads: _EventHeads,
) -> QueuedPost | None:
    """Place a just-inserted item among events; return the post still to queue for it.

    The event_placement row is updated first: under PostgreSQL its row lock makes
    concurrent placements wait for each other (SQLite's BEGIN IMMEDIATE already does).
    """
    version = int(db.execute(
        "UPDATE event_placement SET updated_at = ?, version = version + 1 WHERE id = 1 RETURNING version",
        (to_iso(now),),
    ).fetchone()[0])
    at = item.published_at or item.fetched_at
    # The events of the lookback come from memory with their people only (_EventHeads);
    # older ones count only while someone in them is serving a stated term. Reports are
    # read only for the events the planner cannot pass over on names alone: with their
    # texts for recent events (near-copies), without for older ones.
    window = getattr(planner, "window", planner.lookback)
    recent_from = max(at - 2 * window, at - planner.lookback)
    known = heads.load(db, since=at - planner.lookback, version=version)
    older = [event for event in known if event.last_at < recent_from and any(
        person.term is not None and person.status != "released" for person in event.people
    )]
    recent = [event for event in known if event.last_at >= recent_from]
    wanted = planner.shortlist(item_id, item, post, older + recent)
    candidates = _with_reports(db, older, wanted, texts=False) + _with_reports(db, recent, wanted, texts=True)
    # The people's episodes before the lookback: a new episode says when they were last detained.
    keys = sorted({name_key(str(d.get("name") or "")) for d in (item.analysis or {}).get("detainees") or ()} - {""})
    if keys:  # (older than the lookback, so none of them is among ``known``)
        candidates = _load_events(
            db, f"e.id IN (SELECT event_id FROM event_people WHERE person_key IN ({','.join('?' * len(keys))}))"
            " AND e.last_at < ?", [*keys, to_iso(at - planner.lookback)], with_reports=False,
        )[-EARLIER_EPISODES:] + candidates
    write = planner.plan(item_id, item, post, candidates)
    if write is None:
        return post
    event_id = write.event_id
    if event_id is None:
        event_id = int(db.execute(
            "INSERT INTO events (first_item_id, first_at, last_at, detained_on, place, created_at, version, previous_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (item_id, to_iso(write.at), to_iso(write.at), write.detained_on, write.place, to_iso(now), version,
             write.previous_on),
        ).fetchone()[0])
        if write.post is not None:
            alert_id = _queue(db, write.post, now=now, item_id=item_id)
            db.execute("UPDATE events SET alert_id = ? WHERE id = ?", (alert_id, event_id))
    else:
        db.execute(
            "UPDATE events SET last_at = CASE WHEN last_at < ? THEN ? ELSE last_at END,"
            " first_at = CASE WHEN first_at > ? THEN ? ELSE first_at END,"
            " detained_on = COALESCE(detained_on, ?), place = COALESCE(place, ?), version = ? WHERE id = ?",
            (to_iso(write.at), to_iso(write.at), to_iso(write.at), to_iso(write.at),
             write.detained_on, write.place, version, event_id),
        )
        if write.post is not None:
            _queue(db, write.post, now=now, item_id=item_id)
    db.execute(
        "INSERT INTO event_reports (item_id, event_id, role, reason, added_at) VALUES (?, ?, ?, ?, ?)",
        (item_id, event_id, write.role, write.reason[:500], to_iso(now)),
    )
    for person in write.people:
        db.execute(
            "INSERT INTO event_people (event_id, person_key, name, latin, term, status, first_item_id,"
            " last_item_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (event_id, person_key) DO UPDATE SET term = excluded.term, status = excluded.status,"
            " last_item_id = excluded.last_item_id, updated_at = excluded.updated_at",
            (event_id, person.key, person.name, person.latin, person.term, person.status, item_id, item_id,
             to_iso(now)),
        )
    return None


class _EventHeads:
    """The events since a moment, with their people and without their reports, kept
    from one placement to the next and brought up to date by what changed since.

    Why: every placement compares the new report with every recent event, and reading
    them all again each time made a poll with many arrests quadratic. Every change to an
    event is made by a placement, placements are serialised (SQLite's write lock;
    PostgreSQL's event_placement row lock), and each takes the next number of
    event_placement.version and writes it on the event it opens or changes (migration
    005): the events numbered at or above the last placement's number seen here are
    the ones to read again, whichever process changed them. A rolled-back write (its
    numbers are taken again) clears the cache.
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.events: dict[int, Event] = {}
        self.version = -1  # the number of the last placement seen here
        self.since: datetime | None = None

    def load(self, db: Connection, *, since: datetime, version: int) -> list[Event]:
        """Events whose last report is at or after ``since``, oldest first, as the
        placement numbered ``version`` finds them."""
        if self.since is None or since < self.since or version <= self.version:
            self.events = {event.id: event for event in _load_events(
                db, "e.last_at >= ?", (to_iso(since),), with_reports=False,
            )}
            self.since = since
        else:
            for event in _load_events(db, "e.version >= ? AND e.last_at >= ?", (self.version, to_iso(self.since)),
                                      with_reports=False):
                self.events[event.id] = event
        self.version = version
        if since - self.since > timedelta(days=1):  # forget what no placement can reach any more
            self.events = {key: event for key, event in self.events.items() if event.last_at >= since}
            self.since = since
        return sorted((event for event in self.events.values() if event.last_at >= since),
                      key=lambda event: (event.first_at, event.id))


def _with_reports(db: Connection, events: list[Event], wanted: set[int], *, texts: bool) -> list[Event]:
    """``events`` (read without reports), those in ``wanted`` read again with them."""
    ids = [event.id for event in events if event.id in wanted]
    if not ids:
        return events
    full = {event.id: event for event in _load_events(
        db, f"e.id IN ({','.join('?' * len(ids))})", ids, texts=texts,
    )}
    return [full.get(event.id, event) for event in events]


def _load_events(
    db: Connection, where: str, params: Sequence[Any], *, texts: bool = True, with_reports: bool = True,
) -> list[Event]:
    """Events matching ``where`` (on alias e), with their people and reports, oldest
    first; with ``texts`` False the reports' texts are left empty (not read); with
    ``with_reports`` False the reports are not read at all."""
    rows = db.execute(
        "SELECT e.id, e.first_at, e.last_at, e.alert_id, e.detained_on, e.previous_on FROM events e"
        f" WHERE {where} ORDER BY e.first_at, e.id", list(params),
    ).fetchall()
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    text_column = "i.text" if texts else "''"
    people: dict[int, list[Person]] = {event_id: [] for event_id in ids}
    reports: dict[int, list[Report]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT event_id, person_key, name, term, status FROM event_people WHERE event_id IN ({marks})"
            " ORDER BY id", chunk,
        ):
            people[row["event_id"]].append(
                Person(key=row["person_key"], name=row["name"], term=row["term"], status=row["status"])
            )
        if not with_reports:
            continue
        for row in db.execute(
            "SELECT r.event_id, r.role, i.id, s.name AS source_name, i.title, i.url,"
            f" {text_column} AS text, i.published_at,"
            " i.fetched_at, i.analysis FROM event_reports r JOIN items i ON i.id = r.item_id"
            f" JOIN sources s ON s.id = i.source_id WHERE r.event_id IN ({marks})"
            " ORDER BY CASE WHEN r.role = 'first' THEN 0 ELSE 1 END, r.added_at, i.id", chunk,
        ):
            reports[row["event_id"]].append(Report(
                item_id=row["id"], source_name=row["source_name"], title=row["title"], url=row["url"],
                text=row["text"], at=from_iso(row["published_at"] or row["fetched_at"]) or utcnow(),
                analysis=Analysis.from_dict(json.loads(row["analysis"] or "{}")), role=row["role"],
            ))
    return [
        Event(
            id=row["id"], first_at=from_iso(row["first_at"]) or utcnow(), last_at=from_iso(row["last_at"]) or utcnow(),
            people=tuple(people[row["id"]]), reports=tuple(reports[row["id"]]), alert_id=row["alert_id"],
            detained_on=row["detained_on"], previous_on=row["previous_on"],
        )
        for row in rows
    ]


def _stored_item(row: Any) -> StoredItem:
    return StoredItem(
        id=row["id"], source_name=row["source_name"], title=row["title"], url=row["url"],
        published_at=from_iso(row["published_at"]), fetched_at=from_iso(row["fetched_at"]) or utcnow(),
        analysis=json.loads(row["analysis"] or "{}"),
        event_id=row["event_id"] if "event_id" in row.keys() else None,
    )


def _source_state(row: Any) -> SourceState:
    return SourceState(
        id=row["id"], name=row["name"], url=row["url"], type=row["type"], etag=row["etag"],
        last_modified=row["last_modified"], first_polled_at=from_iso(row["first_polled_at"]),
        last_polled_at=from_iso(row["last_polled_at"]), last_success_at=from_iso(row["last_success_at"]),
        last_error=row["last_error"], last_error_at=from_iso(row["last_error_at"]),
        consecutive_failures=row["consecutive_failures"], items_seen=row["items_seen"],
        last_new_item_at=from_iso(row["last_new_item_at"]), failing_since=from_iso(row["failing_since"]),
        next_attempt_at=from_iso(row["next_attempt_at"]), down_notified_at=from_iso(row["down_notified_at"]),
        silent_notified_at=from_iso(row["silent_notified_at"]), next_poll_at=from_iso(row["next_poll_at"]),
        lease_owner=row["lease_owner"], lease_until=from_iso(row["lease_until"]), active=bool(row["active"]),
    )


def _dialect_sections(script: str, dialect: str) -> str:
    """The lines of a migration that apply to ``dialect``.

    Migrations are one portable script for both engines. Where an engine genuinely
    cannot do what the other does (SQLite cannot alter a CHECK constraint, so 002
    rebuilds a table that PostgreSQL alters in place), a line ``-- dialect: sqlite`` or
    ``-- dialect: postgresql`` starts a section for that engine only, and
    ``-- dialect: all`` returns to the common part. Files without markers are common.
    """
    keep, lines = True, []
    for line in script.splitlines():
        marker = DIALECT_RE.match(line.strip())
        if marker:
            keep = marker.group(1) in ("all", dialect)
            continue
        if keep:
            lines.append(line)
    return "\n".join(lines)


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (no semicolons inside our string literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]
