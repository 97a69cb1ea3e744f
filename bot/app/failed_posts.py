"""Failed posts sent again: by hand (``arrestwatch outbox retry``, /retry), and on their
own when they failed because the Telegram configuration was wrong.

A post Telegram refused for good is kept as 'failed' with the reason (bot/app/outbox.py).
When the reason was the configuration (chat not found, bot not in the channel or not
allowed to post, token refused), the post is not lost: it goes back in the queue as soon
as the configuration changes (a different chat id, token or API URL at start) or
``arrestwatch doctor`` passes. Posts that failed for their own sake (bad markup) stay
failed until an operator retries them.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from bot.edges.store import Store

log = logging.getLogger(__name__)

#: The store flag holding a fingerprint of the Telegram configuration last started with.
CONFIG_FLAG = "telegram-config"

#: Parts of Telegram's answers (and of our own reasons) that mean "the configuration is
#: wrong", not "this post is wrong" (lower case).
CONFIG_REASONS = (
    "chat not found",
    "chat_id is empty",
    "bot is not a member",
    "not enough rights",
    "need administrator rights",
    "have no rights",
    "bot was kicked",
    "bot was blocked",
    "chat_write_forbidden",
    "unauthorized",
    "forbidden",
    "no chat configured",
    "became a supergroup",
    "check telegram_bot_token",
)


def is_config_failure(reason: str | None) -> bool:
    """Whether a failed post's reason says the configuration, not the post, was wrong."""
    lowered = (reason or "").lower()
    return any(part in lowered for part in CONFIG_REASONS)


def config_fingerprint(token: str | None, chat_id: str | None, admin_chat_id: str | None, api_url: str) -> str:
    """A short hash of where posts go and as whom; the token itself is never stored."""
    raw = "\n".join((token or "", chat_id or "", admin_chat_id or "", api_url))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def requeue_config_failures(store: Store, *, now: datetime) -> list[int]:
    """Queue again every post that failed because of the configuration; their ids."""
    ids = [
        entry.id for entry in store.outbox_entries(("failed",), limit=100_000) if is_config_failure(entry.last_error)
    ]
    return store.requeue_failed(ids, now=now) if ids else []


def requeue_if_config_changed(store: Store, fingerprint: str, *, now: datetime) -> list[int]:
    """At start: if the configuration differs from the last start's (or is unknown),
    queue again the posts that failed because of it, and remember this one."""
    if store.flag(CONFIG_FLAG) == fingerprint:
        return []
    ids = requeue_config_failures(store, now=now)
    store.set_flag(CONFIG_FLAG, fingerprint)
    if ids:
        log.warning(
            "the Telegram configuration changed: %d post(s) that failed because of the old one are queued again",
            len(ids),
        )
    return ids


__all__ = [
    "CONFIG_FLAG",
    "config_fingerprint",
    "is_config_failure",
    "requeue_config_failures",
    "requeue_if_config_changed",
]
