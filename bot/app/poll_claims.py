"""The sources this worker has claimed and is polling, for ``arrestwatch run``.

Why a module of its own: claiming is how workers share the sources (a lease in the
database per source, bot/edges/store/sources.py), and its bookkeeping (the polls in progress,
the claim in progress, when the leases are next renewed, handing them back on a stop)
is a concern apart from the service's wiring (bot/entry/service.py), which only ticks it and
says how one source is polled.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence

from bot.core.models import SourceConfig
from bot.edges.db import DATABASE_ERRORS
from bot.edges.settings import WorkerSettings
from bot.edges.store import SourceState, Store, utcnow

log = logging.getLogger("bot.entry.service")  # these have always been the service's log lines

#: How one claimed source is polled (the service's poll job: the poll, its health notices, waking the sender).
PollSource = Callable[[SourceConfig, asyncio.Event], Awaitable[None]]


class PollClaims:
    """Claims due sources up to the free poll slots, polls each, then records the next poll
    and gives its lease up; renews the leases of polls that run long."""

    def __init__(
        self,
        store: Store,
        worker: str,
        workers: WorkerSettings,
        sources: Callable[[], Sequence[SourceConfig]],
        poll: PollSource,
        polled: Callable[[], Awaitable[None]],
    ) -> None:
        self.store = store
        self.worker = worker
        self.workers = workers
        self._sources = sources  # the current sources (a reload changes them)
        self._poll = poll
        self._polled = polled  # told after each poll (the service notes the time watched)
        self._polls: dict[str, asyncio.Task[None]] = {}  # claimed sources being polled, by name
        self._claiming: asyncio.Task[None] | None = None  # the claim in progress, if any
        self._renew_at = 0.0  # time.monotonic() when the source leases are next renewed

    async def tick(self, wake: asyncio.Event) -> None:
        """The scheduler's tick: start a claim unless the last one is still running
        (a busy database or thread pool; the tick itself never overruns)."""
        if self._claiming is None or self._claiming.done():
            self._claiming = asyncio.create_task(self._claim_due(wake), name="claim")

    def tasks(self) -> list[asyncio.Task[None]]:
        """The polls in progress and the claim, if any: for a stopping service to cancel."""
        return list(self._polls.values()) + ([self._claiming] if self._claiming is not None else [])

    async def release(self) -> None:
        """After a stop (the tasks cancelled): forget them and give the source leases back,
        so that unfinished polls are due again at once, for another worker."""
        self._polls.clear()
        self._claiming = None
        try:
            await asyncio.to_thread(self.store.release_source_leases, self.worker)
        except DATABASE_ERRORS:  # they expire anyway
            log.exception("the source leases could not be released; they expire in %s", self.workers.source_lease)

    async def _claim_due(self, wake: asyncio.Event) -> None:
        """Claim the sources that are due (up to the free poll slots) and start polling them.

        The claim is made in the database (Store.claim_due_sources), so whichever
        worker claims a source polls it, and no other does until its lease expires.
        """
        lease = self.workers.source_lease
        try:
            if self._polls and time.monotonic() >= self._renew_at:  # polls can outlast a lease
                await asyncio.to_thread(self.store.renew_source_leases, self.worker, lease=lease)
                self._renew_at = time.monotonic() + lease.total_seconds() / 3
            room = self.workers.poll_concurrency - len(self._polls)
            if room <= 0:
                return
            known = {source.name: source for source in self._sources()}
            claimed = await asyncio.to_thread(
                self.store.claim_due_sources,
                [name for name in known if name not in self._polls],
                owner=self.worker,
                lease=lease,
                limit=room,
            )
        except Exception:  # task boundary (one claim tick): the database is away; the next tick tries again
            log.exception("could not claim due sources")
            return
        if claimed and not self._polls:
            self._renew_at = time.monotonic() + lease.total_seconds() / 3
        for state in claimed:
            source = known[state.name]
            self._polls[source.name] = asyncio.create_task(
                self._poll_claimed(source, state, wake), name=f"poll:{source.name}"
            )

    async def _poll_claimed(self, source: SourceConfig, state: SourceState, wake: asyncio.Event) -> None:
        """Poll a claimed source, then record its next poll and give up the lease."""
        try:
            await self._poll(source, wake)
        finally:
            self._polls.pop(source.name, None)
        await self._polled()
        try:
            finished = await asyncio.to_thread(
                self.store.finish_poll, state.id, owner=self.worker, next_poll_at=utcnow() + source.interval
            )
        except Exception:  # task boundary (one source's poll): the lease expires, it is polled again
            log.exception("source %s: the poll could not be recorded as finished", source.name)
            return
        if not finished:
            log.warning(
                "source %s: the poll outlasted its lease (%s); another worker may have polled it too",
                source.name,
                self.workers.source_lease,
            )
