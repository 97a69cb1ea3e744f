"""Wiring: builds the edges (store, fetcher, publisher) and runs the jobs.

``once`` polls everything one time and drains the outbox; ``run`` is the long-lived
service: every ``claim_seconds`` an APScheduler job claims the sources that are due
(in the database, so any number of workers share them: each poll is done by one) and
polls them concurrently; a sender task drains the outbox while it holds the sender
lease; the digest is due daily; sources.toml is reloaded on change.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, TextIO

from bot.app.custody_posts import CustodyJobs
from bot.app.digest import DigestResult, manual_digest, queue_digest
from bot.app.digest_jobs import DigestJobs, digest_trigger
from bot.app.failed_posts import config_fingerprint, requeue_if_config_changed
from bot.app.outbox import DrainReport, Sender
from bot.app.pipeline import Pipeline, PollReport
from bot.app.poll_claims import PollClaims
from bot.app.source_health import queue_health_notices
from bot.app.watch import note_poll, watch_gap
from bot.core.models import Config, SourceConfig
from bot.core.publish.format import DigestPeriod
from bot.edges.analysis_process import AnalysisProcess
from bot.edges.config import ConfigError, changed_sources, load_config, modified_at
from bot.edges.db import DATABASE_ERRORS
from bot.edges.fetch import Fetcher
from bot.edges.http_server import StatusServer, StatusServerError
from bot.edges.lock import InstanceLock
from bot.edges.metrics import CONTENT_TYPE_LATEST, Metrics
from bot.edges.publish import ConsolePublisher, Publisher, TelegramPublisher
from bot.edges.settings import TelegramSettings, WorkerSettings
from bot.edges.store import Store, utcnow
from bot.entry.admin_lease import hold_operator_commands

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.app.admin import AdminBot

log = logging.getLogger(__name__)
#: What a health or metrics read of the database may raise: it answers late, or not at all.
_SLOW_OR_DATABASE: tuple[type[BaseException], ...] = (asyncio.TimeoutError, *DATABASE_ERRORS)

RELOAD_CHECK_SECONDS = 20
SENDER_IDLE_SECONDS = 30
ADMIN_POLL_TIMEOUT = 10  # whole seconds one getUpdates long poll of the operators' bot waits
ADMIN_STOP_SECONDS = 15.0  # how long a stopping service waits for the operators' bot to stop
HEALTH_DB_TIMEOUT = 5.0  # seconds /healthz waits for the database's answer
CUSTODY_SECONDS = 300  # how often the custody posts (pinned list, "due out today", chart) are looked at
SENDER_BUSY_RETRY_SECONDS = 2.0  # another worker is sending: look again this soon while posts wait
# The owner name of a SQLite instance's leases. The instance lock (bot/edges/lock.py) already
# makes its process the only one, so a restart after a crash may take the dead
# process's leases at once instead of waiting for them to expire.
SQLITE_INSTANCE = "sqlite-instance"


def worker_id(store: Store) -> str:
    """This process's name in the database's leases: host, pid and a random tag."""
    if not store.shared:
        return SQLITE_INSTANCE
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass
class OnceSummary:
    """What ``arrestwatch once`` did; bot/entry/commands/posting.py says it in lines."""

    polls: list[PollReport] = field(default_factory=list)
    drain: DrainReport = field(default_factory=DrainReport)


class Service:
    """Everything one arrestwatch process needs, built from config and environment."""

    # How often ``run`` looks at sources.toml, the sender's wait when idle, the operators'
    # long poll and the custody turn (tests shorten them on the instance).
    reload_seconds: float = RELOAD_CHECK_SECONDS
    sender_idle_seconds: float = SENDER_IDLE_SECONDS
    admin_poll_timeout: int = ADMIN_POLL_TIMEOUT
    custody_seconds: float = CUSTODY_SECONDS

    def __init__(
        self,
        config: Config,
        store: Store,
        telegram: TelegramSettings,
        *,
        out: TextIO | None = None,
        workers: WorkerSettings | None = None,
    ) -> None:
        self.config = config
        self.store = store
        self.telegram = telegram
        self.out = out or sys.stdout
        self.workers = workers or WorkerSettings()
        self.worker = self.workers.worker or worker_id(store)
        self.fetcher = Fetcher()
        self.publisher = _publisher(telegram, self.out)
        # Its own registry, not prometheus-client's global one: services (and tests) never share counters.
        self.metrics = Metrics()
        if isinstance(self.publisher, TelegramPublisher):
            self.publisher.on_flood_wait = self.metrics.flood_wait
        # Doubtful reports go to the operators' chat (with Approve/Reject) when there is one.
        self.analysis = AnalysisProcess() if self.workers.analysis_process else None
        self.pipeline = Pipeline(
            config,
            store,
            self.fetcher,
            review_to_admin=telegram.admin_chat_id is not None,
            metrics=self.metrics,
            analyze_many=self.analysis.analyze if self.analysis else None,
            parse=self.analysis.parse if self.analysis else None,
        )
        self._wake: asyncio.Event | None = None  # set while run() is running
        self.admin: AdminBot | None = None  # the operators' bot while this worker runs it
        # Set once run() has started: the digest caught up, the sender running (tests wait for it).
        self.started = asyncio.Event()
        self._scheduler: object | None = None  # the AsyncIOScheduler while run() is running
        self._sender_task: asyncio.Task[None] | None = None
        self.claims = PollClaims(
            store, self.worker, self.workers, lambda: self.config.sources, self._poll_job, self._note_polled
        )
        self.digests = DigestJobs(store, lambda: self.config.settings, lambda: self.watch_gap)
        self._watch_noted = float("-inf")  # time.monotonic() when a poll was last recorded (bot/app/watch.py)
        self.http: StatusServer | None = None  # /healthz and /metrics while run() serves them
        self.sender = Sender(
            store,
            self.publisher,
            {
                "channel": telegram.chat_id or "console",
                "admin": telegram.admin_chat_id or ("console" if telegram.console else None),
            },
            metrics=self.metrics,
            owner=self.worker,
            lease=self.workers.sender_lease,
        )
        # The pinned custody list, "due out today" and the weekly chart (issue 17).
        self.custody = CustodyJobs(
            store, self.publisher, telegram.chat_id or "console", lambda: self.config.settings, owner=self.worker
        )

    async def __aenter__(self) -> Service:
        try:
            await self.publisher.start()
        except BaseException:  # a rejected token: close what __init__ opened
            await self.__aexit__(None, None, None)
            raise
        telegram = self.telegram
        fingerprint = config_fingerprint(telegram.token, telegram.chat_id, telegram.admin_chat_id, telegram.api_url)
        try:  # posts lost to a wrong chat id or token go out once the configuration is fixed
            await asyncio.to_thread(requeue_if_config_changed, self.store, fingerprint, now=utcnow())
        except DATABASE_ERRORS:  # the failed posts stay failed; `arrestwatch outbox retry` still works
            log.exception("could not re-queue the posts that failed because of the configuration")
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self.publisher.stop()
            await self.fetcher.aclose()
        finally:
            if self.analysis is not None:
                await asyncio.to_thread(self.analysis.close)

    async def once(self, *, wait: float, progress: bool = False) -> OnceSummary:
        """Poll every source once, then drain the outbox for at most ``wait`` seconds.

        With ``progress`` (stderr is a terminal) a bar shows the sources as they finish;
        otherwise each source gets one plain log line.
        """
        summary = OnceSummary()
        bar = None
        if progress and self.config.sources:
            from tqdm import tqdm

            bar = tqdm(total=len(self.config.sources), desc="polling", unit="source", file=sys.stderr, leave=False)

        def done(report: PollReport) -> None:
            if bar is not None:
                bar.set_postfix_str(report.source[:30])
                bar.update(1)
            elif report.ok:
                log.info(
                    "source %s: %d entries, %d new, %d alerts",
                    report.source,
                    report.entries,
                    report.new_items,
                    report.alerts,
                )

        started = utcnow()
        try:
            summary.polls = await self.pipeline.poll_all(on_done=done)
        finally:
            if bar is not None:
                bar.close()
        await self._note_watch(started, force=True)
        await self._note_watch(utcnow(), force=True)
        summary.drain = await self.sender.drain(timeout=wait)
        # Then the custody posts that are due (after the alerts: the pinned list links to them).
        if await self._custody_turn():
            more = await self.sender.drain(timeout=wait)
            summary.drain.sent += more.sent
            summary.drain.failed += more.failed
            summary.drain.left = more.left
        return summary

    async def digest(
        self, period: DigestPeriod | None = None, *, force: bool = False, wait: float = 600
    ) -> tuple[DigestResult, DrainReport]:
        """Queue and post a digest: of ``period`` (a rebuilt day), or by hand since the
        last digest (None)."""
        now = utcnow()
        if period is None:
            result = await asyncio.to_thread(
                manual_digest, self.store, self.config.settings, now=now, force=force, gap=self.watch_gap
            )
        else:
            result = await asyncio.to_thread(
                queue_digest, self.store, self.config.settings, period, now=now, force=force, gap=self.watch_gap
            )
        drain = await self.sender.drain(timeout=wait) if result.queued else DrainReport()
        return result, drain

    @property
    def watch_gap(self) -> timedelta:
        """How long polls may pause and still count as watching (bot/app/watch.py)."""
        return watch_gap([source.interval for source in self.config.sources])

    async def _note_watch(self, moment: datetime, *, force: bool = False) -> None:
        """Record that the sources were polled (at most once a minute unless ``force``)."""
        if not force and time.monotonic() - self._watch_noted < 60:
            return
        self._watch_noted = time.monotonic()
        try:
            await asyncio.to_thread(note_poll, self.store, moment, self.watch_gap)
        except DATABASE_ERRORS:  # the digest then names this time as not watched: nothing is lost
            log.exception("could not record the time polled")

    async def _note_polled(self) -> None:
        """A claimed source was polled (bot/app/poll_claims.py): note the time watched."""
        await self._note_watch(utcnow())

    def wake_sender(self) -> None:
        """Ask the sender to drain the outbox now (an operator approved or resumed)."""
        if self._wake is not None:
            self._wake.set()

    # -- the long-running service --------------------------------------------------

    async def run(self, *, stop: asyncio.Event | None = None, http: tuple[str, int] | None = None) -> None:
        """Poll on schedule, post as alerts arrive, digest daily, until SIGINT/SIGTERM.

        With ``http`` (host, port; port 0 takes any free one, see ``http_address``),
        ``/healthz`` and ``/metrics`` are served there; a busy port raises StatusServerError.
        """
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, stop.set)
            except (NotImplementedError, RuntimeError):  # not the main thread (tests)
                pass
        wake_sender = self._wake = asyncio.Event()
        # Posts left in 'sending' by a dead process are re-queued by whichever sender
        # takes the sender lease over next (bot/app/outbox.py), not here: other workers may
        # be sending right now.
        await asyncio.to_thread(self.store.sync_sources, list(self.config.sources), prune=True)
        if http is not None:
            server = StatusServer(health=self.health, metrics=self.metrics_page, host=http[0], port=http[1])
            await server.start()
            self.http = server
            host, port = server.address or http
            log.info("serving /healthz and /metrics on http://%s:%d", host, port)
        scheduler = self._start_scheduler(wake_sender)
        # Down at digest time (today's, or yesterday's across midnight): post it now.
        await self.digests.catch_up(wake_sender)
        self._sender_task = asyncio.create_task(self._sender_loop(wake_sender, stop), name="sender")
        self.started.set()
        tasks = [
            self._sender_task,
            asyncio.create_task(self._reload_loop(stop), name="reload"),
            asyncio.create_task(self._custody_loop(wake_sender, stop), name="custody"),
        ]
        admin_task = asyncio.create_task(self._admin_loop(stop), name="admin")
        try:
            await stop.wait()
        finally:
            log.info("stopping: finishing the current post, then exiting")
            scheduler.shutdown(wait=False)
            await self._stop_tasks(tasks, admin_task)

    def _start_scheduler(self, wake_sender: asyncio.Event) -> AsyncIOScheduler:
        """Start the scheduler of ``run``: the claim tick (due at once) and the daily digest.

        Kept in ``self._scheduler`` so that /healthz can see it run and a reload can move
        the digest.
        """
        from apscheduler.schedulers.asyncio import AsyncIOScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        scheduler = AsyncIOScheduler(timezone=self.config.settings.timezone)
        scheduler.add_job(
            self.claims.tick,
            IntervalTrigger(seconds=self.workers.claim_seconds),
            args=[wake_sender],
            id="claim",
            next_run_time=datetime.now(tz=utcnow().tzinfo),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        settings = self.config.settings
        scheduler.add_job(
            self.digests.job,
            digest_trigger(settings),
            args=[wake_sender],
            id="digest",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
        )
        scheduler.start()
        self._scheduler = scheduler
        log.info(
            "arrestwatch running: %d sources, digest at %s %s, posting to %s; %s as worker %s",
            len(self.config.sources),
            settings.digest_time.strftime("%H:%M"),
            settings.timezone,
            "the console" if self.telegram.console else "Telegram",
            self.store.path,
            self.worker,
        )
        return scheduler

    async def _stop_tasks(self, tasks: list[asyncio.Task[None]], admin_task: asyncio.Task[None]) -> None:
        """The end of ``run``: cancel its tasks and polls, hand the source leases back, let
        the operators' bot stop by itself and close the HTTP server."""
        polls = self.claims.tasks()
        for task in tasks + polls:
            task.cancel()
        await asyncio.gather(*tasks, *polls, return_exceptions=True)
        await self.claims.release()
        # The operators' bot stops on its own once ``stop`` is set; cancelling it while
        # it stops would leave its HTTP clients open (sockets to Telegram collected
        # later by the garbage collector, as warnings in whatever runs then).
        try:
            await asyncio.wait_for(asyncio.shield(admin_task), timeout=ADMIN_STOP_SECONDS)
        except (TimeoutError, Exception):
            admin_task.cancel()
            await asyncio.gather(admin_task, return_exceptions=True)
        if self.http is not None:
            await self.http.stop()
            self.http = None
        self._wake = self._scheduler = self._sender_task = None

    @property
    def http_address(self) -> tuple[str, int] | None:
        """Where ``/healthz`` and ``/metrics`` are served, while ``run`` serves them."""
        return self.http.address if self.http is not None else None

    async def health(self) -> str | None:
        """None when ready (the scheduler runs, the sender is alive, the database answers
        a trivial query in time); otherwise why not, for ``/healthz``."""
        scheduler = self._scheduler
        if scheduler is None or not getattr(scheduler, "running", False):
            return "the scheduler is not running"
        if self._sender_task is not None and self._sender_task.done():
            return "the sender has stopped"
        try:
            await asyncio.wait_for(asyncio.to_thread(self.store.schema_version), timeout=HEALTH_DB_TIMEOUT)
        except TimeoutError:
            return f"the database did not answer within {HEALTH_DB_TIMEOUT:.0f} s"
        except DATABASE_ERRORS as exc:  # whatever the driver raises, the answer is "not ready, because …"
            return f"the database does not answer: {exc}"
        return None

    async def metrics_page(self) -> tuple[bytes, str]:
        """The Prometheus page for ``/metrics``, outbox gauges read from the store first."""
        try:
            counts = await asyncio.wait_for(asyncio.to_thread(self.store.outbox_counts), timeout=HEALTH_DB_TIMEOUT)
        except _SLOW_OR_DATABASE as exc:  # the page still answers; /healthz says why
            log.debug("metrics: outbox not counted: %s", exc)
        else:
            self.metrics.refresh_outbox(counts)
        return await asyncio.to_thread(self.metrics.render), CONTENT_TYPE_LATEST

    async def _admin_loop(self, stop: asyncio.Event) -> None:
        """Run the operators' bot in exactly one worker, the one holding the "admin" lease
        (bot/entry/admin_lease.py); ``self.admin`` is the bot while it runs here."""
        if self.telegram.console or not self.telegram.admin_ids:
            await self._start_admin_bot()  # logs why commands are off
            return
        await hold_operator_commands(
            self.store,
            self.worker,
            self.workers.sender_lease,
            stop,
            self._start_admin_bot,
            partial(setattr, self, "admin"),
        )

    async def _start_admin_bot(self) -> AdminBot | None:
        """The operators' commands, when there is a token and TELEGRAM_ADMIN_IDS."""
        from telegram.error import TelegramError

        from bot.app.admin import AdminBot

        if not isinstance(self.publisher, TelegramPublisher):  # console mode
            return None
        if not self.telegram.admin_ids:
            log.info("operator commands are off: set TELEGRAM_ADMIN_IDS to the Telegram user ids allowed to use them")
            return None
        # The publisher's Application: one Telegram stack, one pace per chat.
        admin = AdminBot(
            self.telegram,
            self.store,
            self.publisher.application,
            config=lambda: self.config,
            fetcher=self.fetcher,
            analyze_many=self.pipeline.analyze_many,
            wake_sender=self.wake_sender,
            watch_gap=lambda: self.watch_gap,
            poll_timeout=self.admin_poll_timeout,
        )
        try:
            await admin.start()
        except TelegramError as exc:  # posting goes on without commands
            log.error("operator commands are off: the bot could not start polling Telegram (%s)", exc)
            await admin.stop()
            return None
        except BaseException:  # stopped while starting: close what was opened, then stop
            await admin.stop()
            raise
        return admin

    async def _poll_job(self, source: SourceConfig, wake: asyncio.Event) -> None:
        """Poll one source, queue its health notices, wake the sender when there is something to post."""
        report = await self.pipeline.poll(source)
        try:
            if await asyncio.to_thread(self._queue_health_notices, source.name):
                wake.set()
        except Exception:  # task boundary (one source's health): advisory, never stops polling
            log.exception("source %s: health check failed", source.name)
        # Edits and follow-ups are posts too: without a wake they waited for the idle timeout.
        if report.alerts or report.reviews or report.edits or report.followups:
            wake.set()

    def _queue_health_notices(self, name: str) -> int:
        """Tell the operators once when a source goes down, comes back or falls silent."""
        to_admin = bool(self.telegram.admin_chat_id or self.telegram.console)
        return queue_health_notices(self.store, name, self.config.settings, to_admin=to_admin)

    async def _reschedule_digest(self) -> None:
        """The digest at the reloaded ``digest_time`` in the reloaded ``timezone``; if
        that time has passed today, today's digest now."""
        settings = self.config.settings
        if self._scheduler is not None:
            self._scheduler.reschedule_job("digest", trigger=digest_trigger(settings))  # type: ignore[attr-defined]
        log.info("digest now at %s %s", settings.digest_time.strftime("%H:%M"), settings.timezone)
        if self._wake is not None:
            await self.digests.catch_up(self._wake)

    # -- custody (issue 17; bot/app/custody_posts.py) -----------------------------------

    async def _custody_turn(self) -> bool:
        """One custody turn (bot/app/custody_posts.py); True when a note was queued to send."""
        try:
            return (await self.custody.turn(utcnow(), board=not self.telegram.console)).note_queued
        except Exception:  # task boundary (one custody turn)
            log.exception("custody posts: unexpected error; they are tried again at the next turn")
            return False

    async def _custody_loop(self, wake: asyncio.Event, stop: asyncio.Event) -> None:
        """Every CUSTODY_SECONDS: the pinned list (edited at most hourly), today's "due
        out" note once due_out_time has passed, the weekly chart on chart_day (each once
        per period, bot/app/custody_posts.py). A task of run(), cancelled with the others."""
        while not stop.is_set():
            if await self._custody_turn():
                wake.set()
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.custody_seconds)
            except TimeoutError:
                pass

    async def _sender_loop(self, wake: asyncio.Event, stop: asyncio.Event) -> None:
        while not stop.is_set():
            # Cleared before the drain, not after: a wake-up that comes while the drain
            # runs (an operator approves as the review request goes out) starts the next
            # drain at once instead of being wiped and waiting out the idle time.
            wake.clear()
            report = DrainReport()
            try:
                report = await self.sender.drain(timeout=300)
                if report.sent or report.failed:
                    log.info("posted %d, failed %d, queued %d", report.sent, report.failed, report.left)
            except Exception:  # task boundary (one drain; each post's own failure is logged by the sender)
                log.exception("sender: unexpected error; retrying shortly")
            idle = self.sender_idle_seconds
            if report.busy and report.left:  # another worker is sending: look again soon
                idle = min(idle, SENDER_BUSY_RETRY_SECONDS)
            try:
                await asyncio.wait_for(wake.wait(), timeout=idle)
            except TimeoutError:
                pass

    async def _reload_loop(self, stop: asyncio.Event) -> None:
        """Reload sources.toml when it changes; keep the last good list on errors.

        New sources are due at once; sources gone from the file are marked inactive in
        the database, so no worker claims them (give every worker the same file).
        """
        path = self.config.path
        seen = modified_at(path)
        while not stop.is_set():
            await asyncio.sleep(self.reload_seconds)
            current = modified_at(path)
            if current == seen:
                continue
            seen = current
            try:
                config = await asyncio.to_thread(load_config, path)
            except ConfigError as exc:
                for problem in exc.problems:
                    log.error("sources not reloaded, keeping the last good list: %s", problem)
                continue
            changed, removed = changed_sources(self.config, config)
            timing = (self.config.settings.timezone, self.config.settings.digest_time)
            self.config = config
            self.pipeline.config = config
            if timing != (config.settings.timezone, config.settings.digest_time):
                await self._reschedule_digest()
            await asyncio.to_thread(self.store.sync_sources, list(config.sources), prune=True)
            await asyncio.to_thread(self.store.poll_soon, [s.name for s in changed])
            log.info("sources reloaded: %d added or changed, %d removed", len(changed), removed)


def _publisher(telegram: TelegramSettings, out: TextIO) -> Publisher:
    """Telegram's, or the console's without a token."""
    if telegram.console:
        return ConsolePublisher(out)
    return TelegramPublisher(
        telegram.token or "",
        api_url=telegram.api_url,
        per_minute=telegram.posts_per_minute,
        min_interval=telegram.post_gap,
    )


__all__ = [
    "InstanceLock",
    "OnceSummary",
    "Service",
    "StatusServerError",
    "TelegramSettings",
    "WorkerSettings",
    "worker_id",
]
