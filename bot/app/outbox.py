"""The single sender that drains the outbox, oldest first.

Items and their alerts are committed together (see Store.add_items); this module only
moves rows queued → sending → sent | failed. A transient failure puts the row back in
the queue and waits; a permanent one (Telegram said 400/403) is kept with its reason
and never retried in a loop. While an operator has paused posting (the store flag
"paused", set by /pause), channel posts stay queued; operators' messages still go.

One sender at a time across all workers sharing a database: a drain first takes the
lease "sender" (Store.acquire_lease), renews it while it sends and gives it up when the
queue is empty. A sender that takes the lease over re-queues the rows left in 'sending'
by the one before (which died, or stalled past its lease): that is the documented
duplicate window, a post Telegram accepted just before its sender died.
"""

from __future__ import annotations

import asyncio
import html
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core.backoff import SEND
from bot.core.triage import review_buttons
from bot.edges.db import DATABASE_ERRORS
from bot.edges.metrics import Metrics
from bot.edges.publish import Publisher, PublishError
from bot.edges.settings import SENDER_LEASE_DURATION
from bot.edges.store import OutboxMessage, QueuedPost, Store, utcnow

log = logging.getLogger(__name__)

#: The outbox target of channel posts, and the store flag that holds them while set.
CHANNEL = "channel"
PAUSED_FLAG = "paused"
#: Telegram's answer to an edit that would change nothing: the edit is already done.
NOT_MODIFIED = "message is not modified"
#: The store lease that makes one worker the sender, and how long it lasts unrenewed.
SENDER_LEASE = "sender"


@dataclass
class DrainReport:
    """What one drain did and what it left behind."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    left: int = 0
    errors: list[str] = field(default_factory=list)
    paused: bool = False  # posting to the channel was paused: its posts stayed queued
    busy: bool = False  # another worker held the sender lease: it posts what is queued


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
        owner: str | None = None,
        lease: timedelta = SENDER_LEASE_DURATION,
    ) -> None:
        self.store = store
        self.metrics = metrics  # Prometheus counters of the running service, if any
        self.publisher = publisher
        self.chats = chats
        self.clock = clock
        # Who this sender is in the "sender" lease (the worker's id).
        self.owner = owner or f"sender-{uuid.uuid4().hex[:12]}"
        self.lease = lease
        self._lock = asyncio.Lock()
        self._holding = False  # whether this sender holds the lease (between take and give up)

    @property
    def draining(self) -> bool:
        """Whether a drain is running now (tests wait for the sender to be idle)."""
        return self._lock.locked()

    # -- the sender lease ------------------------------------------------------------

    def _take_lease(self) -> bool:
        """Take (or renew) the sender lease; on taking it, re-queue what the previous
        sender left in 'sending' and learn the channel's recent posts for pacing."""
        if not self.store.acquire_lease(SENDER_LEASE, self.owner, duration=self.lease):
            self._holding = False
            return False
        if not self._holding:
            self._holding = True
            requeued = self.store.requeue_stale()
            if requeued:
                log.warning(
                    "re-queued %d posts left in 'sending' by a sender that stopped mid-send "
                    "(a post Telegram accepted just then is posted again)",
                    requeued,
                )
            if self.store.shared:
                self._learn_recent_posts()
        return True

    def _renew_lease(self) -> bool:
        """Extend the lease this sender holds; False (and stop holding) if it was lost."""
        if not self._holding:
            return False
        if not self.store.acquire_lease(SENDER_LEASE, self.owner, duration=self.lease):
            self._holding = False
        return self._holding

    def _give_up_lease(self) -> None:
        self._holding = False
        self.store.release_lease(SENDER_LEASE, self.owner)

    def _learn_recent_posts(self) -> None:
        """Seed the publisher's pacing with the last minute's posts of every worker, so a
        change of sender keeps to Telegram's per-chat limits."""
        seed = getattr(self.publisher, "seed_pacing", None)
        if seed is None:
            return
        now = utcnow()
        ages: dict[str, list[float]] = {}
        for target, sent_at in self.store.recent_sends(now - timedelta(seconds=60)):
            chat = self.chats.get(target)
            if chat:
                # sent_at is kept to the second: count each post as sent at the end of its second
                ages.setdefault(chat, []).append(max(0.0, (now - sent_at).total_seconds() - 1.0))
        for chat, chat_ages in ages.items():
            seed(chat, chat_ages)

    async def _keep_lease(self) -> None:
        """Renew the lease while a drain runs (a paced or flood-waited post can take a minute)."""
        while self._holding:
            await asyncio.sleep(max(0.5, self.lease.total_seconds() / 3))
            try:
                await asyncio.to_thread(self._renew_lease)
            except DATABASE_ERRORS:  # the drain notices a lost lease before its next post
                log.exception("sender: the lease could not be renewed")

    def _settle(self, change: Callable[..., bool], message: OutboxMessage, value: object) -> bool:
        """Apply a fenced change (mark_sent, mark_failed, release) to ``message``; False,
        with a warning, when the row is no longer this sender's: its lease lapsed and
        another sender re-queued (and perhaps sent) it, so nothing here may touch it."""
        done = change(message.id, value, owner=self.owner, now=self.clock())
        if not done:
            log.warning(
                "outbox %d (%s): no longer this sender's (its lease lapsed and another sender took the "
                "post over); left as that sender leaves it",
                message.id,
                message.kind,
            )
        return done

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
        self.store.queue_post(
            QueuedPost(html.escape(text, quote=False), kind="notice", target="admin"), now=self.clock()
        )

    async def _deliver(self, chat: str, message: OutboxMessage, markup: dict[str, object] | None) -> int | None:
        """Post, edit or reply, by kind; the Telegram id of the message posted or edited.

        Edits and follow-ups are claimed only once the alert they belong to is sent
        (Store.claim_next), so its message id is known here; if that alert failed for
        good, an edit fails too and a follow-up is posted without the reply.
        """
        if message.kind == "edit":
            if message.parent_message_id is None:
                raise PublishError(
                    f"the alert (outbox {message.parent_id}) this edit belongs to was never posted; nothing to edit",
                    permanent=True,
                    description="original post not sent",
                )
            try:
                await self.publisher.edit(chat, message.parent_message_id, message.body)
            except PublishError as exc:
                if NOT_MODIFIED not in (exc.description or str(exc)).lower():
                    raise
                log.info("outbox %d: alert %d already reads so; nothing to edit", message.id, message.parent_message_id)
            return message.parent_message_id
        reply_to = message.reply_to
        if reply_to is None and message.kind in ("followup", "alert"):  # an alert answers the earlier episode
            reply_to = message.parent_message_id
        return await self.publisher.send(chat, message.body, reply_markup=markup, reply_to=reply_to)

    async def drain(self, *, timeout: float | None = None) -> DrainReport:
        """Send until the queue is empty or ``timeout`` seconds have passed.

        Transient failures are retried with exponential backoff and jitter, never sooner
        than Telegram's ``retry_after`` (bot/core/backoff.py), within the time allowed;
        whatever is still queued then is reported in ``left``.
        """
        report = DrainReport()
        deadline = None if timeout is None else time.monotonic() + timeout
        async with self._lock:
            if not await asyncio.to_thread(self._take_lease):
                report.busy = True
                counts = await asyncio.to_thread(self.store.outbox_counts)
                report.left = counts["queued"] + counts["sending"]
                return report
            keeper = asyncio.create_task(self._keep_lease(), name="sender-lease")
            try:
                await self._drain_holding(report, deadline)
            finally:
                keeper.cancel()
                await asyncio.gather(keeper, return_exceptions=True)
                await asyncio.to_thread(self._give_up_lease)
        counts = await asyncio.to_thread(self.store.outbox_counts)
        report.left = counts["queued"] + counts["sending"]
        return report

    async def _drain_holding(self, report: DrainReport, deadline: float | None) -> None:
        """The drain itself, while this sender holds the lease."""
        failures_in_a_row = 0
        while True:
            if deadline is not None and time.monotonic() >= deadline:
                break
            message = await self._claim(report)
            if message is None:
                break
            chat = self.chats.get(message.target)
            if not chat:
                await self._fail_unaddressed(message, report)
                continue
            try:
                markup = message.markup
                if markup is None and message.kind == "review" and message.item_id is not None:
                    markup = review_buttons(message.item_id)  # the item id exists only once stored
                telegram_id = await self._deliver(chat, message, markup)
            except PublishError as exc:
                failures_in_a_row = await self._after_publish_error(message, exc, report, failures_in_a_row, deadline)
                continue
            except Exception as exc:  # unexpected: keep the message queued, never lose it
                log.exception("outbox %d (%s): unexpected error while sending", message.id, message.kind)
                await asyncio.to_thread(self._settle, self.store.release, message, repr(exc))
                report.errors.append(repr(exc))
                break
            failures_in_a_row = 0
            await asyncio.to_thread(self._settle, self.store.mark_sent, message, telegram_id)
            report.sent += 1
            if self.metrics is not None:
                await asyncio.to_thread(self.metrics.post_sent, self.store, message, self.clock())

    async def _claim(self, report: DrainReport) -> OutboxMessage | None:
        """The next message to send, or None when the drain must stop (queue empty, lease lost).

        The lease is renewed and the pause flag read before every claim, so a sender whose
        lease was taken over stops at once and a /pause takes effect before the next post.
        """
        if not await asyncio.to_thread(self._renew_lease):
            log.warning("sender: another worker took over the sender lease; stopping this drain")
            report.busy = True
            return None
        paused = await asyncio.to_thread(self.store.flag, PAUSED_FLAG) is not None
        report.paused = report.paused or paused
        return await asyncio.to_thread(
            self.store.claim_next,
            owner=self.owner,
            lease=SENDER_LEASE,
            now=self.clock(),
            skip_targets=(CHANNEL,) if paused else (),
        )

    async def _fail_unaddressed(self, message: OutboxMessage, report: DrainReport) -> None:
        """Fail for good a message whose target has no chat configured: no retry can help,
        and the reason names the setting the operator must fill in."""
        reason = f"no chat configured for {message.target!r} posts (set TELEGRAM_CHAT_ID / TELEGRAM_ADMIN_CHAT_ID)"
        await asyncio.to_thread(self._settle, self.store.mark_failed, message, reason)
        report.failed += 1
        if self.metrics is not None:
            self.metrics.post_failed(message.kind, permanent=True)
        report.errors.append(reason)

    async def _after_publish_error(
        self,
        message: OutboxMessage,
        exc: PublishError,
        report: DrainReport,
        failures_in_a_row: int,
        deadline: float | None,
    ) -> int:
        """Settle a message Telegram refused; the new count of transient failures in a row.

        A permanent refusal is kept as failed (and the operators told once); a transient one
        goes back to the queue and the drain waits, longer after each failure in a row but
        never past its deadline.
        """
        if self.metrics is not None:
            self.metrics.post_failed(message.kind, permanent=exc.permanent)
        if exc.permanent:
            log.error("outbox %d (%s) failed for good: %s", message.id, message.kind, exc)
            await asyncio.to_thread(self._settle, self.store.mark_failed, message, str(exc))
            report.failed += 1
            report.errors.append(str(exc))
            if message.target != "admin":
                await asyncio.to_thread(self._tell_operators_once, message, exc)
            return failures_in_a_row
        await asyncio.to_thread(self._settle, self.store.release, message, str(exc))
        report.retried += 1
        failures_in_a_row += 1
        delay = SEND.delay(failures_in_a_row, exc.retry_after)  # bot/core/backoff.py
        if deadline is not None:
            delay = min(delay, max(0.0, deadline - time.monotonic()))
        log.warning("outbox %d (%s): %s; retrying in %.1fs", message.id, message.kind, exc, delay)
        await asyncio.sleep(delay)
        return failures_in_a_row
