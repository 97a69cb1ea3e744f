"""Things done once per period across workers (the daily digest, the custody posts
and the pinned custody board) and persistent flags such as 'paused'. Functions over
one connection; the caller holds the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.core.models import QueuedPost
from bot.edges.db import INTEGRITY_ERRORS
from bot.edges.store import outbox
from bot.edges.store.model import Connection, to_iso, utcnow


def flag(db: Connection, name: str) -> str | None:
    row = db.execute("SELECT value FROM flags WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def set_flag(db: Connection, name: str, value: str | None) -> None:
    """Set (or, with None, clear) a persistent flag."""
    if value is None:
        db.execute("DELETE FROM flags WHERE name = ?", (name,))
    else:
        db.execute(
            "INSERT INTO flags (name, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (name, value, to_iso(utcnow())),
        )


def digest_exists(db: Connection, day: str) -> bool:
    return db.execute("SELECT 1 FROM digests WHERE day = ?", (day,)).fetchone() is not None


def queue_digest(
    db: Connection, day: str, parts: Sequence[str], *, people: int, reports: int, now: datetime, force: bool = False
) -> bool:
    """Claim the day and queue its posts; False if already claimed.

    The day's primary key is the once-a-day guarantee: of two processes racing, one
    insert fails and that process posts nothing.
    """
    if force:
        db.execute("DELETE FROM digests WHERE day = ?", (day,))
    # DO NOTHING rather than catching the error: a failed statement would abort the
    # whole transaction under PostgreSQL.
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


def custody_board(db: Connection) -> list[Any]:
    """The pinned list's messages (slot, message_id, body, updated_at), slot order."""
    return list(db.execute("SELECT * FROM custody_board ORDER BY slot").fetchall())


def save_custody_slot(db: Connection, slot: int, message_id: int | None, body: str, *, now: datetime) -> None:
    db.execute(
        "INSERT INTO custody_board (slot, message_id, body, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (slot) DO UPDATE SET message_id = excluded.message_id, body = excluded.body,"
        " updated_at = excluded.updated_at",
        (slot, message_id, body, to_iso(now)),
    )


def custody_post_exists(db: Connection, kind: str, period: str) -> bool:
    found = db.execute("SELECT 1 FROM custody_posts WHERE kind = ? AND period = ?", (kind, period)).fetchone()
    return found is not None


def claim_custody_post(db: Connection, kind: str, period: str, *, now: datetime, posts: Sequence[QueuedPost]) -> bool:
    """Claim ``kind`` for ``period`` (once per period across processes) and queue
    ``posts`` with it; False if it was already claimed."""
    try:
        db.execute("SAVEPOINT custody_claim")
        db.execute("INSERT INTO custody_posts (kind, period, created_at) VALUES (?, ?, ?)", (kind, period, to_iso(now)))
        db.execute("RELEASE custody_claim")
    except INTEGRITY_ERRORS:
        db.execute("ROLLBACK TO custody_claim")
        db.execute("RELEASE custody_claim")
        return False
    for post in posts:
        outbox.queue(db, post, now=now)
    return True


def record_custody_post(db: Connection, kind: str, period: str, message_id: int | None) -> None:
    db.execute("UPDATE custody_posts SET message_id = ? WHERE kind = ? AND period = ?", (message_id, kind, period))


def forget_custody_post(db: Connection, kind: str, period: str) -> None:
    """Give a claimed period back (its post could not be sent; it is tried again)."""
    db.execute("DELETE FROM custody_posts WHERE kind = ? AND period = ?", (kind, period))
