"""Telegram's per-chat limits, kept through python-telegram-bot's public rate-limiter hook.

``ChatLimiter`` is a ``telegram.ext.BaseRateLimiter``: the Application's bot hands it every
request, so alerts, digests, edits, pins and the operators' replies all share one pace
per chat (``pacing.ChatPacer``: about one post a second, at most 20 a minute). Flood
control (429, ``RetryAfter``) is waited out here, as PTB's hook allows, up to a
bound; a longer wait is raised to the caller, whose outbox retries the post later
instead of holding the sender for an hour.

Why not PTB's own ``AIORateLimiter``: its per-chat bucket admits a burst of 20 posts at
once (Telegram also wants a second between two posts to one chat), it cannot be seeded
with the posts other workers sent in the last minute (the pace is per chat, whoever
sends), and it sleeps through any ``retry_after`` however long.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.core.publish.pacing import MIN_GAP, PER_MINUTE, ChatPacer

log = logging.getLogger(__name__)

# python-telegram-bot 22.2+ turns time periods (RetryAfter.retry_after among them) into
# timedelta, and warns on every RetryAfter built unless this documented opt-in is set.
# Set before any RetryAfter exists; older 22.x ignore it (retry_after_seconds takes both).
os.environ.setdefault("PTB_TIMEDELTA", "true")

#: Flood-control waits longer than this are not slept through here; the outbox retries later.
MAX_FLOOD_WAIT = 60.0
FLOOD_RETRIES = 3
#: Bot API methods that put something in a chat, and so count against its pace.
PACED_PREFIXES = ("send", "edit", "pin", "copy", "forward")

ApiAnswer = bool | dict[str, Any] | list[dict[str, Any]]


def retry_after_seconds(exc: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds, whichever type this PTB version gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ChatLimiter(BaseRateLimiter[bool]):
    """Paces the requests that post to a chat, one at a time per chat, and waits out
    flood control up to ``max_flood_wait`` seconds, at most ``flood_retries`` times.

    ``rate_limit_args=True`` on a bot call marks an answer an operator is waiting for
    (bot/app/admin.py): it goes at once, without queueing behind the chat's posts, and still
    counts towards the chat's pace and waits out flood control.
    """

    def __init__(
        self,
        *,
        per_minute: int = PER_MINUTE,
        min_gap: float = MIN_GAP,
        max_flood_wait: float = MAX_FLOOD_WAIT,
        flood_retries: int = FLOOD_RETRIES,
    ) -> None:
        self.per_minute = per_minute
        self.min_gap = min_gap
        self.max_flood_wait = max_flood_wait
        self.flood_retries = flood_retries
        #: Called with the wait Telegram asked for on every 429 (the service counts them).
        self.on_flood_wait: Callable[[float], None] | None = None
        self._locks: dict[str, asyncio.Lock] = {}
        self._pacers: dict[str, ChatPacer] = {}

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, ApiAnswer]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: bool | None,
    ) -> ApiAnswer:
        chat = data.get("chat_id")
        if chat is None or not endpoint.startswith(PACED_PREFIXES):
            return await callback(*args, **kwargs)
        chat_id = str(chat)
        if rate_limit_args:  # an operator is waiting for this answer
            return await self._call(chat_id, lambda: callback(*args, **kwargs), paced=False)
        async with self._locks.setdefault(chat_id, asyncio.Lock()):
            return await self._call(chat_id, lambda: callback(*args, **kwargs), paced=True)

    async def _call(self, chat_id: str, call: Callable[[], Awaitable[ApiAnswer]], *, paced: bool) -> ApiAnswer:
        """Make the request, within the chat's pace when ``paced``, waiting out flood
        control within its bounds; a longer one is raised (RetryAfter)."""
        flood_waits = 0
        while True:
            if paced:
                await self._pace(chat_id)
            try:
                return await call()
            except RetryAfter as exc:
                wait = retry_after_seconds(exc)
                if self.on_flood_wait is not None:
                    self.on_flood_wait(wait)
                if flood_waits >= self.flood_retries or wait > self.max_flood_wait:
                    raise
                flood_waits += 1
                log.warning(
                    "Telegram flood control for chat %s: waiting %.0fs (retry %d of %d)",
                    chat_id,
                    wait,
                    flood_waits,
                    self.flood_retries,
                )
                await asyncio.sleep(wait)
            finally:
                self.pacer(chat_id).record(time.monotonic())

    def seed(self, chat_id: str, ages: list[float]) -> None:
        """Pace ``chat_id`` as if posts had gone out ``ages`` seconds ago (posts of other
        workers: the limits are per chat, whoever sends)."""
        now = time.monotonic()
        self.pacer(str(chat_id)).seed([now - age for age in ages])

    def pacer(self, chat_id: str) -> ChatPacer:
        return self._pacers.setdefault(chat_id, ChatPacer(per_minute=self.per_minute, min_gap=self.min_gap))

    async def _pace(self, chat_id: str) -> None:
        """Wait until Telegram's per-chat limits allow another post (see pacing.py)."""
        wait = self.pacer(chat_id).delay(time.monotonic())
        if wait > 0:
            await asyncio.sleep(wait)
