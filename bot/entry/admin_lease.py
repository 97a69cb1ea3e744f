"""The operators' bot in exactly one worker: the one holding the "admin" lease.

Telegram accepts one poller per bot, so among the workers sharing a database the one
that holds the lease runs the operators' commands; if that worker dies, the lease
expires and another takes over. The service (bot/entry/service.py) says how the bot starts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.edges.db import DATABASE_ERRORS
from bot.edges.store import Store

if TYPE_CHECKING:
    from bot.app.admin import AdminBot

log = logging.getLogger("bot.entry.service")  # the operators' commands have always been the service's log lines


async def hold_operator_commands(
    store: Store,
    worker: str,
    duration: timedelta,
    stop: asyncio.Event,
    start: Callable[[], Awaitable[AdminBot | None]],
    running: Callable[[AdminBot | None], None],
) -> None:
    """Run the operators' bot while ``worker`` holds the "admin" lease, until ``stop`` is set.

    ``start`` starts the bot (None: it could not, and said why); ``running`` is told the bot
    that runs in this worker now (None: none), so the service can show it. Commands are a
    convenience: an error stops them, never the posting.
    """
    admin: AdminBot | None = None
    try:
        while not stop.is_set():
            held = await asyncio.to_thread(store.acquire_lease, "admin", worker, duration=duration)
            if held and admin is None:
                admin = await start()
                running(admin)
            elif not held and admin is not None:
                log.warning("another worker took over the operators' commands")
                running(None)
                await admin.stop()
                admin = None
            elif not held:
                log.debug("operator commands run in another worker")
            try:
                await asyncio.wait_for(stop.wait(), timeout=duration.total_seconds() / 3)
            except TimeoutError:
                pass
    except Exception:  # task boundary (the commands task): commands are a convenience; posting goes on
        log.exception("operator commands stopped after an error")
    finally:
        running(None)
        if admin is not None:
            await admin.stop()
        try:
            await asyncio.to_thread(store.release_lease, "admin", worker)
        except DATABASE_ERRORS as exc:  # it expires anyway, and another worker takes the commands over
            log.warning("the operators' commands lease could not be released: %s", exc)
