"""The durable queue of posts: queued → sending → sent / failed. Functions over one
connection; the caller holds the transaction.

``mark_sent``, ``mark_failed`` and ``release`` are fenced: they change a row only while
it is 'sending' by ``owner``. A stale sender (its lease lapsed, another took over, re-
queued and sent the post) changes nothing, and they return False.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.core.models import QueuedPost
from bot.edges.store.model import Connection, OutboxEntry, OutboxMessage, from_iso, to_iso, utcnow


def queue(db: Connection, post: QueuedPost, *, now: datetime, item_id: int | None = None) -> int:
    """Queue ``post``; an edit of a message that already has one waiting replaces that
    one's text instead (edits are whole new texts of the message: the newest carries
    every outlet seen meanwhile), so a message gets one edit per send, not one per outlet."""
    if post.kind == "edit" and post.parent_id is not None:
        waiting = db.execute(
            "SELECT id FROM outbox WHERE parent_id = ? AND kind = 'edit' AND state = 'queued' ORDER BY id DESC LIMIT 1",
            (post.parent_id,),
        ).fetchone()
        if waiting is not None:
            db.execute(
                "UPDATE outbox SET body = ?, updated_at = ? WHERE id = ?", (post.body, to_iso(now), waiting["id"])
            )
            return int(waiting["id"])
    cursor = db.execute(
        "INSERT INTO outbox (kind, target, item_id, body, markup, parent_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            post.kind,
            post.target,
            item_id,
            post.body,
            json.dumps(post.markup, ensure_ascii=False) if post.markup else None,
            post.parent_id,
            to_iso(now),
            to_iso(now),
        ),
    )
    return int(cursor.fetchone()[0])


def requeue_stale(db: Connection) -> int:
    """Put rows left in 'sending' by a dead sender back in the queue (see Store.requeue_stale)."""
    return int(
        db.execute(
            "UPDATE outbox SET state = 'queued', claimed_by = NULL, updated_at = ? WHERE state = 'sending'",
            (to_iso(utcnow()),),
        ).rowcount
    )


def next_queued(db: Connection, *, now: datetime, edit_interval: timedelta, skip_targets: Sequence[str]) -> Any:
    """The oldest queued row that may go now: not for ``skip_targets``; an edit or
    follow-up only once its parent is sent (or failed for good); an edit only when its
    message was last edited at least ``edit_interval`` ago."""
    skip = list(skip_targets)
    held = f" AND o.target NOT IN ({','.join('?' * len(skip))})" if skip else ""
    return db.execute(
        "SELECT o.id, o.kind, o.target, o.body, o.attempts, o.item_id, o.digest_day, o.markup, o.reply_to,"
        " o.parent_id, p.message_id AS parent_message_id, p.state AS parent_state"
        " FROM outbox o LEFT JOIN outbox p ON p.id = o.parent_id"
        f" WHERE o.state = 'queued'{held} AND (o.parent_id IS NULL OR p.id IS NULL OR p.state IN ('sent', 'failed'))"
        " AND NOT (o.kind = 'edit' AND EXISTS (SELECT 1 FROM outbox e WHERE e.parent_id = o.parent_id"
        " AND e.kind = 'edit' AND e.state = 'sent' AND e.sent_at > ?))"
        " ORDER BY o.id LIMIT 1",
        [*skip, to_iso(now - edit_interval)],
    ).fetchone()


def claim(
    db: Connection,
    row: Any,
    *,
    owner: str,
    now: datetime,
    fence: tuple[str, datetime] | None,
) -> OutboxMessage | None:
    """Mark ``row`` (from next_queued) 'sending' by ``owner``; with ``fence`` (lease
    name, the database's now) only while ``owner`` holds that lease."""
    sql, args = "", []
    if fence is not None:
        sql = " AND EXISTS (SELECT 1 FROM leases WHERE name = ? AND owner = ? AND until > ?)"
        args = [fence[0], owner, to_iso(fence[1])]
    claimed = db.execute(
        f"UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = attempts + 1, updated_at = ?"
        f" WHERE id = ? AND state = 'queued'{sql}",
        [owner, to_iso(now), row["id"], *args],
    ).rowcount
    if not claimed:
        return None
    return OutboxMessage(
        id=row["id"],
        kind=row["kind"],
        target=row["target"],
        body=row["body"],
        attempts=row["attempts"] + 1,
        item_id=row["item_id"],
        digest_day=row["digest_day"],
        markup=json.loads(row["markup"]) if row["markup"] else None,
        reply_to=row["reply_to"],
        parent_id=row["parent_id"],
        parent_message_id=row["parent_message_id"],
        parent_state=row["parent_state"],
    )


def mark_sent(db: Connection, message_id: int, telegram_id: int | None, *, owner: str, now: datetime) -> bool:
    return bool(
        db.execute(
            "UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, updated_at = ?, last_error = NULL,"
            " claimed_by = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?",
            (telegram_id, to_iso(now), to_iso(now), message_id, owner),
        ).rowcount
    )


def finish(db: Connection, message_id: int, state: str, reason: str, *, owner: str, now: datetime) -> bool:
    """'failed' (permanent, never retried automatically) or back to 'queued' (transient,
    keeping its place), with the reason."""
    return bool(
        db.execute(
            "UPDATE outbox SET state = ?, last_error = ?, updated_at = ?, claimed_by = NULL"
            " WHERE id = ? AND state = 'sending' AND claimed_by = ?",
            (state, reason[:1000], to_iso(now), message_id, owner),
        ).rowcount
    )


def counts(db: Connection) -> dict[str, int]:
    out = {"queued": 0, "sending": 0, "sent": 0, "failed": 0}
    out.update({row[0]: row[1] for row in db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()})
    return out


def rows(db: Connection, *, kind: str | None = None) -> list[Any]:
    if kind is None:
        return list(db.execute("SELECT * FROM outbox ORDER BY id").fetchall())
    return list(db.execute("SELECT * FROM outbox WHERE kind = ? ORDER BY id", (kind,)).fetchall())


def recent_sends(db: Connection, since: datetime) -> list[tuple[str, datetime]]:
    """(target, sent_at) of the posts sent since ``since``, for pacing a new sender."""
    found = db.execute(
        "SELECT target, sent_at FROM outbox WHERE state = 'sent' AND sent_at >= ? ORDER BY sent_at",
        (to_iso(since),),
    ).fetchall()
    return [(row[0], from_iso(row[1]) or since) for row in found]


def last_sent_at(db: Connection) -> datetime | None:
    return from_iso(db.execute("SELECT max(sent_at) FROM outbox WHERE state = 'sent'").fetchone()[0])


def entries(db: Connection, states: Sequence[str], *, limit: int) -> list[OutboxEntry]:
    """Posts in ``states``, oldest first, for ``arrestwatch outbox list`` and /outbox."""
    wanted = list(states)
    found = db.execute(
        "SELECT id, kind, target, state, attempts, last_error, created_at, body FROM outbox"
        f" WHERE state IN ({','.join('?' * len(wanted))}) ORDER BY id LIMIT ?",
        [*wanted, limit],
    ).fetchall()
    return [
        OutboxEntry(
            id=row["id"],
            kind=row["kind"],
            target=row["target"],
            state=row["state"],
            attempts=row["attempts"],
            last_error=row["last_error"],
            created_at=from_iso(row["created_at"]) or utcnow(),
            body=row["body"],
        )
        for row in found
    ]


def requeue_failed(db: Connection, ids: Iterable[int] | None, *, now: datetime) -> list[int]:
    """Failed posts (all, or those of ``ids``) back in the queue, keeping their place and
    their last error until sent; the ids re-queued. Other states are left alone."""
    if ids is None:
        found = db.execute("SELECT id FROM outbox WHERE state = 'failed' ORDER BY id").fetchall()
    else:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        found = db.execute(
            f"SELECT id FROM outbox WHERE state = 'failed' AND id IN ({','.join('?' * len(wanted))}) ORDER BY id",
            wanted,
        ).fetchall()
    requeued = [row[0] for row in found]
    for start in range(0, len(requeued), 500):
        chunk = requeued[start : start + 500]
        db.execute(
            f"UPDATE outbox SET state = 'queued', updated_at = ? WHERE state = 'failed'"
            f" AND id IN ({','.join('?' * len(chunk))})",
            [to_iso(now), *chunk],
        )
    return requeued


def sent_message_ids(db: Connection, outbox_ids: Iterable[int]) -> dict[int, int]:
    """Outbox id → Telegram message id, for the posts of ``outbox_ids`` that were sent."""
    wanted = sorted(set(outbox_ids))
    out: dict[int, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in db.execute(
            f"SELECT id, message_id FROM outbox WHERE message_id IS NOT NULL AND state = 'sent'"
            f" AND id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[row["id"]] = row["message_id"]
    return out
