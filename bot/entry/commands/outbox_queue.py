"""``arrestwatch outbox``: posts waiting or failed, and failed ones queued again."""

from __future__ import annotations

from datetime import datetime

from bot.edges.store import OutboxEntry, Store


def waiting_posts(store: Store) -> list[OutboxEntry]:
    """Posts not yet sent (queued, being sent or failed), oldest first."""
    return store.outbox_entries()


def retry_failed(store: Store, post_id: int | None, *, now: datetime) -> list[int]:
    """Queue one failed post again (or every failed post for None); the ids queued,
    empty when there was no such failed post."""
    return store.requeue_failed(None if post_id is None else [post_id], now=now)


__all__ = ["retry_failed", "waiting_posts"]
