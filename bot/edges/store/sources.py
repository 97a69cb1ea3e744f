"""Sources' state between polls, and the leases that share polls and one-at-a-time
jobs (the sender, the operators' commands) among workers. Functions over one
connection; the caller holds the transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.core.models import SourceConfig
from bot.edges.store.model import Connection, SourceState, from_iso, to_iso


def db_now(db: Connection) -> datetime:
    """The database server's clock (UTC, to the second), the one clock leases use."""
    if getattr(db, "dialect", "sqlite") == "postgresql":
        value = db.execute("SELECT now()").fetchone()[0]
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return datetime.fromisoformat(db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')").fetchone()[0])


def sync_sources(db: Connection, sources: Sequence[SourceConfig], *, prune: bool = False) -> None:
    """Make sure each configured source has a row (matched by name); keep its state.

    A source whose URL or type changed keeps its history but forgets its validators,
    since an ETag of the old URL means nothing for the new one, and is due at once.
    With ``prune`` (``sources`` is the whole file), sources no longer listed are marked
    inactive, so no worker claims them; their items stay.
    """
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


def claim_due_sources(
    db: Connection,
    wanted: Sequence[str],
    *,
    owner: str,
    lease: timedelta,
    limit: int,
    now: datetime,
) -> list[SourceState]:
    """Lease up to ``limit`` of the named sources that are due and free to ``owner``
    (see Store.claim_due_sources), oldest due first."""
    skip_locked = " FOR UPDATE SKIP LOCKED" if getattr(db, "dialect", "sqlite") == "postgresql" else ""
    marks = ",".join("?" * len(wanted))
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
    claimed = db.execute(f"SELECT * FROM sources WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
    return sorted((source_state_of(row) for row in claimed), key=lambda state: ids.index(state.id))


def poll_soon(db: Connection, names: Iterable[str]) -> None:
    for name in names:
        db.execute("UPDATE sources SET next_poll_at = NULL WHERE name = ?", (name,))


def finish_poll(db: Connection, source_id: int, *, owner: str, next_poll_at: datetime) -> bool:
    """Record when the source is next due (or when its backoff ends, if later) and give
    up its lease; False if the lease was no longer ``owner``'s."""
    return bool(
        db.execute(
            "UPDATE sources SET lease_owner = NULL, lease_until = NULL,"
            " next_poll_at = CASE WHEN next_attempt_at IS NOT NULL AND next_attempt_at > :next"
            " THEN next_attempt_at ELSE :next END WHERE id = :id AND lease_owner = :owner",
            {"next": to_iso(next_poll_at), "id": source_id, "owner": owner},
        ).rowcount
    )


def renew_source_leases(db: Connection, owner: str, *, until: datetime) -> int:
    return int(db.execute("UPDATE sources SET lease_until = ? WHERE lease_owner = ?", (to_iso(until), owner)).rowcount)


def release_source_leases(db: Connection, owner: str) -> int:
    return int(
        db.execute(
            "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?",
            (owner,),
        ).rowcount
    )


def source_states(db: Connection) -> list[SourceState]:
    return [source_state_of(row) for row in db.execute("SELECT * FROM sources ORDER BY name").fetchall()]


def source_state(db: Connection, name: str) -> SourceState | None:
    row = db.execute("SELECT * FROM sources WHERE name = ?", (name,)).fetchone()
    return source_state_of(row) if row else None


def record_poll_success(
    db: Connection,
    source_id: int,
    *,
    now: datetime,
    etag: str | None,
    last_modified: str | None,
    new_items: int,
    not_modified: bool = False,
) -> None:
    """Remember a good poll: validators for the next conditional GET, health counters."""
    db.execute(
        "UPDATE sources SET last_polled_at = :now, last_success_at = :now, consecutive_failures = 0,"
        " failing_since = NULL, next_attempt_at = NULL,"
        " first_polled_at = COALESCE(first_polled_at, :now),"
        " etag = CASE WHEN :nm = 1 THEN etag ELSE :etag END,"
        " last_modified = CASE WHEN :nm = 1 THEN last_modified ELSE :lm END,"
        " items_seen = items_seen + :new,"
        " last_new_item_at = CASE WHEN :new > 0 THEN :now ELSE last_new_item_at END"
        " WHERE id = :id",
        {
            "now": to_iso(now),
            "etag": etag,
            "lm": last_modified,
            "new": new_items,
            "nm": int(not_modified),
            "id": source_id,
        },
    )


def record_poll_failure(
    db: Connection,
    source_id: int,
    *,
    now: datetime,
    error: str,
    next_attempt_at: datetime | None = None,
) -> None:
    """Remember a failed poll; ``next_attempt_at`` holds off the next one (backoff)."""
    db.execute(
        "UPDATE sources SET last_polled_at = :now, last_error = :error, last_error_at = :now,"
        " consecutive_failures = consecutive_failures + 1,"
        " failing_since = COALESCE(failing_since, :now), next_attempt_at = :next WHERE id = :id",
        {"now": to_iso(now), "error": error[:1000], "next": to_iso(next_attempt_at), "id": source_id},
    )


def set_notified(db: Connection, source_id: int, kind: str, when: datetime | None) -> None:
    """Record (or clear, with None) that a 'down' or 'silent' notice was sent."""
    column = {"down": "down_notified_at", "silent": "silent_notified_at"}[kind]
    db.execute(f"UPDATE sources SET {column} = ? WHERE id = ?", (to_iso(when), source_id))


def recent_published(db: Connection, source_id: int, limit: int = 30) -> list[datetime]:
    """Publication times of a source's latest items, for its usual rhythm."""
    rows = db.execute(
        "SELECT published_at FROM items WHERE source_id = ? AND published_at IS NOT NULL"
        " ORDER BY published_at DESC LIMIT ?",
        (source_id, limit),
    ).fetchall()
    return [moment for row in rows if (moment := from_iso(row[0]))]


# -- named leases: jobs one worker does at a time -------------------------------------


def acquire_lease(db: Connection, name: str, owner: str, *, until: datetime, now: datetime) -> bool:
    """One upsert: insert the lease, or update it only when it has expired or is
    already ``owner``'s; otherwise change nothing and return False."""
    return bool(
        db.execute(
            "INSERT INTO leases (name, owner, until, acquired_at) VALUES (:name, :owner, :until, :now)"
            " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until,"
            " acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at"
            " ELSE excluded.acquired_at END"
            " WHERE leases.owner = excluded.owner OR leases.until <= excluded.acquired_at",
            {"name": name, "owner": owner, "until": to_iso(until), "now": to_iso(now)},
        ).rowcount
    )


def release_lease(db: Connection, name: str, owner: str) -> bool:
    return bool(db.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (name, owner)).rowcount)


def lease_holder(db: Connection, name: str, *, now: datetime) -> str | None:
    row = db.execute("SELECT owner FROM leases WHERE name = ? AND until > ?", (name, to_iso(now))).fetchone()
    return row[0] if row else None


def source_state_of(row: Any) -> SourceState:
    return SourceState(
        id=row["id"],
        name=row["name"],
        url=row["url"],
        type=row["type"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        first_polled_at=from_iso(row["first_polled_at"]),
        last_polled_at=from_iso(row["last_polled_at"]),
        last_success_at=from_iso(row["last_success_at"]),
        last_error=row["last_error"],
        last_error_at=from_iso(row["last_error_at"]),
        consecutive_failures=row["consecutive_failures"],
        items_seen=row["items_seen"],
        last_new_item_at=from_iso(row["last_new_item_at"]),
        failing_since=from_iso(row["failing_since"]),
        next_attempt_at=from_iso(row["next_attempt_at"]),
        down_notified_at=from_iso(row["down_notified_at"]),
        silent_notified_at=from_iso(row["silent_notified_at"]),
        next_poll_at=from_iso(row["next_poll_at"]),
        lease_owner=row["lease_owner"],
        lease_until=from_iso(row["lease_until"]),
        active=bool(row["active"]),
    )
