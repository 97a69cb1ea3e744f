"""``arrestwatch once``, ``digest`` and ``run``: the commands that post, and what they
need first (the Telegram settings checked, the instance lock, the store).

The instance lock is for SQLite only: a second process on the same file would double
every post. With PostgreSQL, workers coordinate through leases in the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.app.digest import DigestResult, day_period
from bot.app.outbox import DrainReport
from bot.core.models import Config
from bot.edges.db import is_postgres_url
from bot.edges.lock import InstanceLock
from bot.edges.settings import Environment, SettingsError, TelegramSettings, WorkerSettings
from bot.edges.store import Store, utcnow
from bot.entry.service import OnceSummary, Service


class _NoLock:
    """PostgreSQL: any number of workers share the database (leases coordinate them)."""

    def acquire(self) -> None:
        pass

    def release(self) -> None:
        pass


def telegram_settings(env: Environment) -> TelegramSettings:
    """The Telegram settings; SettingsError with the first thing to fix (the others
    follow once it is)."""
    telegram = env.telegram()
    problems = telegram.problems()
    if problems:
        raise SettingsError(problems[:1])
    return telegram


def instance_lock(db: str) -> InstanceLock | _NoLock:
    """The instance lock of a SQLite database, taken (InstanceLockedError when another
    process holds it); nothing to take for PostgreSQL."""
    lock: InstanceLock | _NoLock = _NoLock() if is_postgres_url(db) else InstanceLock(db)
    lock.acquire()
    return lock


@dataclass
class Posting:
    """What a posting command runs with; ``close`` gives back the store and the lock."""

    config: Config
    telegram: TelegramSettings
    workers: WorkerSettings
    store: Store
    lock: InstanceLock | _NoLock

    def close(self) -> None:
        try:
            self.store.close()
        finally:
            self.lock.release()

    def service(self) -> Service:
        return Service(self.config, self.store, self.telegram, workers=self.workers)


async def poll_once(posting: Posting, *, wait: float, progress: bool = False) -> OnceSummary:
    """One poll of every source, then what is queued posted (waiting at most ``wait``)."""
    # Posts a dead process left in 'sending' are re-queued when the sender takes its lease.
    async with posting.service() as service:
        return await service.once(wait=wait, progress=progress)


async def post_digest(
    posting: Posting, *, day: date | None = None, force: bool = False
) -> tuple[DigestResult, DrainReport]:
    """The digest since the last one, or ``day``'s rebuilt (DigestError for a day not
    over yet), queued and posted."""
    period = None if day is None else day_period(day, posting.config.settings, utcnow())
    async with posting.service() as service:
        return await service.digest(period, force=force)


async def run_service(posting: Posting, *, http: tuple[str, int] | None = None) -> None:
    """The long-running service until SIGINT/SIGTERM (StatusServerError: the port is taken)."""
    async with posting.service() as service:
        await service.run(http=http)


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 source", "2 sources": counts in messages read as English."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def once_lines(summary: OnceSummary) -> list[str]:
    """What ``once`` did, for stderr: counts, failures (unless their log lines were shown)
    and what to do about them."""
    polls, drain = summary.polls, summary.drain
    failed = [p for p in polls if not p.ok]
    new = sum(p.new_items for p in polls)
    alerts = sum(p.alerts for p in polls)
    unchanged = sum(p.not_modified for p in polls)
    out = [
        f"polled {plural(len(polls), 'source')}: {len(polls) - len(failed)} ok "
        f"({unchanged} unchanged), {len(failed)} failed; {plural(new, 'new item')}, "
        f"{plural(alerts, 'arrest alert')} queued"
        f" ({plural(sum(p.edits for p in polls), 'alert')} edited to add a source, "
        f"{plural(sum(p.followups for p in polls), 'follow-up')})",
        f"posted {drain.sent}, failed {drain.failed}, still queued {drain.left}",
    ]
    # The pipeline logs each failure as it happens; the summary repeats them only
    # when those log lines were not shown (--log-level ERROR), never twice.
    pipeline_log = logging.getLogger("bot.app.pipeline")
    if not pipeline_log.isEnabledFor(logging.WARNING):
        out += [f"  source {p.source} failed: {p.error}" for p in failed]
    elif failed:
        out.append(f"  failed: {', '.join(p.source for p in failed)} (reasons above)")
    if len(failed) > 1 and len(failed) == len(polls):
        out.append("  every source failed: is this machine online, and can it resolve names (DNS)?")
    if not pipeline_log.isEnabledFor(logging.ERROR):
        out += [f"  source {p.source}: entry not analysed: {e}" for p in polls for e in p.failed_entries]
    if not logging.getLogger("bot.app.outbox").isEnabledFor(logging.ERROR):
        out += [f"  post failed: {e}" for e in drain.errors]
    if drain.failed:
        out.append(
            "  failed posts are kept: `arrestwatch outbox list` shows them, "
            "`arrestwatch outbox retry --failed` sends them again"
        )
    if drain.paused:
        out.append("  posting is paused (an operator sent /pause): channel posts stay queued until /resume")
    if drain.busy:
        out.append("  another worker holds the sender lease: it posts what is queued")
    return out


__all__ = [
    "Posting",
    "instance_lock",
    "once_lines",
    "plural",
    "poll_once",
    "post_digest",
    "run_service",
    "telegram_settings",
]
