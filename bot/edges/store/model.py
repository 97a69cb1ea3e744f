"""What goes into the store and comes out of it: plain rows as dataclasses, the one
clock the store uses, and its error (defined in bot/core/errors.py). No SQL here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from bot.core.errors import StoreError as StoreError  # the store's one error, re-exported for its modules

# A connection as the store uses it: a sqlite3 connection or bot.edges.db.PgConnection.
Connection = Any


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


def as_stored(moment: datetime) -> datetime:
    """``moment`` as it reads back from the database (UTC, to the second)."""
    return datetime.fromisoformat(to_iso(moment) or "")


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
