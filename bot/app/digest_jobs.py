"""The scheduled digest in ``arrestwatch run``: when it is due, and one missed while down.

Why a module of its own: bot/app/digest.py says what a digest covers and queues it once per
key; this is the running service's side of it (the cron trigger in the configured zone,
the digest job, catching up the last digest due after a restart), kept apart from the
service's wiring (bot/entry/service.py), which schedules the job and moves it on a reload.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.app.digest import digest_window, last_digest_day, scheduled_digest
from bot.core.models import Settings, today
from bot.edges.store import Store, utcnow

if TYPE_CHECKING:
    from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger("bot.entry.service")  # these have always been the service's log lines


def digest_trigger(settings: Settings) -> CronTrigger:
    """Daily at ``digest_time`` in the configured time zone."""
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger(hour=settings.digest_time.hour, minute=settings.digest_time.minute, timezone=settings.timezone)


class DigestJobs:
    """The digest job and its catching up, over the current settings (a reload changes them)."""

    def __init__(self, store: Store, settings: Callable[[], Settings], gap: Callable[[], timedelta]) -> None:
        self.store = store
        self._settings = settings
        self._gap = gap  # how long polls may pause and still count as watching (bot/app/watch.py)

    async def catch_up(self, wake: asyncio.Event) -> None:
        """Queue the most recent digest that was due if it never was (queue_digest makes
        it once): today's after digest_time, else yesterday's — unless this database
        knew no source before that digest was due (a first start posts no digest of a
        day it did not watch)."""
        settings = self._settings()
        now = utcnow()
        day = last_digest_day(settings, now)
        if day != today(settings, now):
            due = digest_window(day, settings)[1]
            states = await asyncio.to_thread(self.store.source_states)
            if not any(s.first_polled_at is not None and s.first_polled_at < due for s in states):
                return
        await self.job(wake, day)

    async def job(self, wake: asyncio.Event, day: date | None = None) -> None:
        """Queue the digest of ``day`` (default: today), once; wake the sender if it was."""
        settings = self._settings()  # read now: a reload may have changed the zone
        now = utcnow()
        day = day or today(settings, now)
        try:
            result = await asyncio.to_thread(scheduled_digest, self.store, settings, day, now=now, gap=self._gap())
        except Exception:  # task boundary (the digest job): logged with its traceback, the service goes on
            log.exception("digest for %s could not be built; it will be tried again at the next start", day)
            return
        if result.queued:
            log.info(
                "digest for %s queued: %d people, %d reports, %d posts",
                result.day,
                result.people,
                result.reports,
                result.parts,
            )
            wake.set()
        elif result.reason == "unwatched":
            log.info("no digest for %s: nothing was watched in its period", result.day)
