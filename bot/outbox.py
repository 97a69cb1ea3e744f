"""The single sender that drains the outbox, oldest first.

Items and their alerts are committed together (see Store.add_items); this module only
moves rows queued → sending → sent | failed. A transient failure puts the row back in
the queue and waits; a permanent one (Telegram said 400/403) is kept with its reason
and never retried in a loop. While an operator has paused posting (the store flag
"paused", set by /pause), channel posts stay queued; operators' messages still go.
"""

from __future__ import annotations

import asyncio
import html
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.metrics import Metrics
from bot.publish import Publisher, PublishError
from bot.store import OutboxMessage, QueuedPost, Store, utcnow
from bot.triage import review_buttons

log = logging.getLogger(__name__)

BACKOFF_FIRST = 2.0
BACKOFF_CAP = 120.0
#: The outbox target of channel posts, and the store flag that holds them while set.
CHANNEL = "channel"
PAUSED_FLAG = "paused"
#: Telegram's answer to an edit that would change nothing: the edit is already done.
NOT_MODIFIED = "message is not modified"


@dataclass
class DrainReport:
    """What one drain did and what it left behind."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    left: int = 0
    errors: list[str] = field(default_factory=list)
    paused: bool = False  # posting to the channel was paused: its posts stayed queued


class Sender:
    """Posts queued messages through a Publisher, one at a time, in queue order."""

    def __init__(
        self,
        store: Store,
        publisher: Publisher,
        chats: dict[str, str | None],
        *,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        self.store = store
        self.metrics = metrics  # Prometheus counters of the running service, if any
        self.publisher = publisher
        self.chats = chats
        self.clock = clock
        self._lock = asyncio.Lock()

    def _tell_operators_once(self, message: OutboxMessage, exc: PublishError) -> None:
        """One notice per kind of permanent failure, not one per post: a channel that
        removed the bot would otherwise flood the operators' chat."""
        if not self.chats.get("admin"):
            return
        reason = (getattr(exc, "description", None) or str(exc))[:120]
        flag = f"failure-notified:{reason}"
        if self.store.flag(flag):
            return
        self.store.set_flag(flag, self.clock().isoformat())
        text = (
            f"⚠️ A {message.kind} post could not be published and was kept as failed: {exc}. "
            "Later posts failing for the same reason are not reported again; "
            "`arrestwatch sources status` and the outbox keep the details."
        )
        self.store.queue_post(QueuedPost(html.escape(text, quote=False), kind="notice", target="admin"), now=self.clock())

    async def _deliver(self, chat: str, message: OutboxMessage, markup: dict[str, object] | None) -> int | None:
        """Post, edit or reply, by kind; the Telegram id of the message posted or edited.

        Edits and follow-ups are claimed only once the alert they belong to is sent
        (Store.claim_next), so its message id is known here; if that alert failed for
        good, an edit fails too and a follow-up is posted without the reply.
        """
        if message.kind == "edit":
            if message.parent_message_id is None:
                raise PublishError(f"the alert (outbox {message.parent_id}) this edit belongs to was never posted; "
                                   "nothing to edit", permanent=True, description="original post not sent")
            try:
                await self.publisher.edit(chat, message.parent_message_id, message.body)
            except PublishError as exc:
                if NOT_MODIFIED not in (exc.description or str(exc)).lower():
                    raise
                log.info("outbox %d: alert %d already reads so; nothing to edit", message.id, message.parent_message_id)
            return message.parent_message_id
        reply_to = message.reply_to
        if reply_to is None and message.kind == "followup":
            reply_to = message.parent_message_id
        return await self.publisher.send(chat, message.body, reply_markup=markup, reply_to=reply_to)

    async def drain(self, *, timeout: float | None = None) -> DrainReport:
        """Send until the queue is empty or ``timeout`` seconds have passed.

        Transient failures are retried with exponential backoff and jitter within the
        time allowed; whatever is still queued then is reported in ``left``.
        """
        report = DrainReport()
        deadline = None if timeout is None else time.monotonic() + timeout
        failures_in_a_row = 0
        async with self._lock:
            while True:
                if deadline is not None and time.monotonic() >= deadline:
                    break
                # Read every time round, so a /pause takes effect before the next post.
                paused = await asyncio.to_thread(self.store.flag, PAUSED_FLAG) is not None
                report.paused = report.paused or paused
                message = await asyncio.to_thread(
                    self.store.claim_next, now=self.clock(), skip_targets=(CHANNEL,) if paused else ()
                )
                if message is None:
                    break
                chat = self.chats.get(message.target)
                if not chat:
                    reason = f"no chat configured for {message.target!r} posts (set TELEGRAM_CHAT_ID / TELEGRAM_ADMIN_CHAT_ID)"
                    await asyncio.to_thread(self.store.mark_failed, message.id, reason, now=self.clock())
                    report.failed += 1
                    if self.metrics is not None:
                        self.metrics.post_failed(message.kind, permanent=True)
                    report.errors.append(reason)
                    continue
                try:
                    markup = message.markup
                    if markup is None and message.kind == "review" and message.item_id is not None:
                        markup = review_buttons(message.item_id)  # the item id exists only once stored
                    telegram_id = await self._deliver(chat, message, markup)
                except PublishError as exc:
                    if self.metrics is not None:
                        self.metrics.post_failed(message.kind, permanent=exc.permanent)
                    if exc.permanent:
                        log.error("outbox %d (%s) failed for good: %s", message.id, message.kind, exc)
                        await asyncio.to_thread(self.store.mark_failed, message.id, str(exc), now=self.clock())
                        report.failed += 1
                        report.errors.append(str(exc))
                        if message.target != "admin":
                            await asyncio.to_thread(self._tell_operators_once, message, exc)
                        continue
                    await asyncio.to_thread(self.store.release, message.id, str(exc), now=self.clock())
                    report.retried += 1
                    failures_in_a_row += 1
                    delay = min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** (failures_in_a_row - 1)) * random.uniform(0.5, 1.0)
                    if deadline is not None:
                        delay = min(delay, max(0.0, deadline - time.monotonic()))
                    log.warning("outbox %d (%s): %s; retrying in %.1fs", message.id, message.kind, exc, delay)
                    await asyncio.sleep(delay)
                    continue
                except Exception as exc:  # unexpected: keep the message queued, never lose it
                    log.exception("outbox %d (%s): unexpected error while sending", message.id, message.kind)
                    await asyncio.to_thread(self.store.release, message.id, repr(exc), now=self.clock())
                    report.errors.append(repr(exc))
                    break
                failures_in_a_row = 0
                await asyncio.to_thread(self.store.mark_sent, message.id, telegram_id, now=self.clock())
                report.sent += 1
                if self.metrics is not None:
                    await asyncio.to_thread(self.metrics.post_sent, self.store, message, self.clock())
        counts = await asyncio.to_thread(self.store.outbox_counts)
        report.left = counts["queued"] + counts["sending"]
        return report
