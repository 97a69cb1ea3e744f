"""Sources' health told to the operators: the store-reading half of bot/app/health.py.

After each poll of a source, the notices bot/app/health.py decides (down, back, silent)
are queued for the operators' chat, or logged when there is none, and recorded as
sent, so each is sent once across restarts and workers.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime

from bot.app.health import health_notices, usual_gap
from bot.core.models import Settings
from bot.edges.store import QueuedPost, Store, utcnow

log = logging.getLogger("bot.entry.service")  # the operators' notices have always been the service's log lines


def queue_health_notices(
    store: Store, name: str, settings: Settings, *, to_admin: bool, now: datetime | None = None
) -> int:
    """Tell the operators once when source ``name`` goes down, comes back or falls
    silent; the number of notices. ``to_admin``: there is an operators' chat (or the
    console) to queue them for; otherwise each is a warning in the log."""
    state = store.source_state(name)
    if state is None:
        return 0
    now = now or utcnow()
    gap = usual_gap(store.recent_published(state.id))
    notices = health_notices(
        state,
        now=now,
        alert_after=settings.alert_after,
        gap=gap,
        down_notified=state.down_notified_at is not None,
        silent_notified=state.silent_notified_at is not None,
    )
    for notice in notices:
        if to_admin:
            store.queue_post(QueuedPost(html.escape(notice.text, quote=False), kind="notice", target="admin"), now=now)
        else:
            log.warning("%s (set TELEGRAM_ADMIN_CHAT_ID to receive this in Telegram)", notice.text)
        if notice.kind == "recovered":
            store.set_notified(state.id, "down", None)
            store.set_notified(state.id, "silent", None)
        else:
            store.set_notified(state.id, notice.kind, now)
    return len(notices)


__all__ = ["queue_health_notices"]
