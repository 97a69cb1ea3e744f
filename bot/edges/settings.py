"""Settings from the environment, read here and nowhere else.

Why one place: every other module can then be imported and tested without a
particular environment, and an operator finds every variable arrestwatch reads (and
what it says when one is wrong) in one file. ``Environment.read()`` takes one snapshot
of ``os.environ`` at start; the command line turns it into the settings each command
needs. The bot token is kept only in ``TelegramSettings`` and handed to the log
redactor; nothing here logs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from bot.core.errors import ConfigError

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_DB = "storage/arrestwatch.sqlite3"
DEFAULT_HTTP_HOST = "127.0.0.1"
SOURCE_LEASE_DURATION = timedelta(seconds=120)  # a claimed poll is the claimer's this long, renewed while it runs
SENDER_LEASE_DURATION = timedelta(seconds=30)  # the sender lease (bot/app/outbox.py) lasts this long unrenewed
CLAIM_SECONDS = 1.5  # how often a worker looks for due sources
POLL_CONCURRENCY = 16  # polls one worker runs at once
# Telegram's per-chat limits, as bot/core/publish/pacing.py's defaults (tests/test_settings.py
# keeps them equal). Not imported from there: bot.edges.publish loads python-telegram-bot,
# which neither the analysis child nor `arrestwatch --help` should pay for.
PER_MINUTE = 20
MIN_GAP = 1.0

# numpy's BLAS (under matplotlib's charts) starts a busy-waiting thread per core; for
# matrices this small they only take the CPU from the poll: half the throughput of a
# cold poll on two cores. Set before numpy is first imported; an explicit value wins
# (the CLI calls it first, bot/edges/analysis_process.py in its child too).
NATIVE_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# glibc gives threads that allocate at once malloc arenas of their own (up to 8 per core),
# and each arena keeps what it once held: with two, the service's peak in its first cycle
# of 500 sources was 9 MB lower (bench/run_rss.py --mix). MALLOC_ARENA_MAX, if set, wins.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number (glibc's malloc.h)


class SettingsError(ConfigError):
    """A variable in the environment is wrong; each problem names it and what to set."""


def limit_native_threads() -> None:
    """One BLAS/OpenMP thread and two malloc arenas unless the environment says otherwise
    (call first: before numpy loads, before other threads start)."""
    for name in NATIVE_THREAD_VARS:
        os.environ.setdefault(name, "1")
    if "MALLOC_ARENA_MAX" not in os.environ:
        try:
            import ctypes

            ctypes.CDLL(None).mallopt(_M_ARENA_MAX, MALLOC_ARENAS)
        except (OSError, AttributeError):  # not glibc: nothing to set
            pass


def parse_admin_ids(value: str | None) -> tuple[int, ...]:
    """``TELEGRAM_ADMIN_IDS`` ("123, 456") as user ids; ValueError names a bad entry."""
    ids: list[int] = []
    for part in (value or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            ids.append(int(part))
        except ValueError:
            raise ValueError(
                f"TELEGRAM_ADMIN_IDS: {part!r} is not a Telegram user id (numbers separated by commas)"
            ) from None
    return tuple(dict.fromkeys(ids))


def api_url_problem(url: str) -> str | None:
    """Why TELEGRAM_API_URL cannot be a Bot API server's address, or None.

    Checked at start: a URL without a scheme was otherwise retried for ever as if
    Telegram were unreachable.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        return f"TELEGRAM_API_URL={url!r} is not a URL ({exc}): use e.g. {DEFAULT_API_URL} or http://127.0.0.1:8081"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            f"TELEGRAM_API_URL={url!r} needs a scheme and a host, e.g. {DEFAULT_API_URL} or "
            "http://127.0.0.1:8081 (unset it to use Telegram's)"
        )
    return None


@dataclass(frozen=True)
class WorkerSettings:
    """How this worker shares the database with others (ARRESTWATCH_LEASE_SECONDS,
    ARRESTWATCH_SENDER_LEASE_SECONDS, ARRESTWATCH_CLAIM_SECONDS) and where it analyses
    reports (ARRESTWATCH_ANALYSIS)."""

    worker: str | None = None  # None: the service names it (host, pid, tag)
    source_lease: timedelta = SOURCE_LEASE_DURATION
    sender_lease: timedelta = SENDER_LEASE_DURATION
    claim_seconds: float = CLAIM_SECONDS
    poll_concurrency: int = POLL_CONCURRENCY
    # True: in a child process (bot/edges/analysis_process.py, another core, the Russian
    # dictionaries only there); False: in this process.
    analysis_process: bool = True


#: Worker settings from the environment: (variable, WorkerSettings field, default seconds).
WORKER_ENV = (
    ("ARRESTWATCH_LEASE_SECONDS", "source_lease", SOURCE_LEASE_DURATION.total_seconds()),
    ("ARRESTWATCH_SENDER_LEASE_SECONDS", "sender_lease", SENDER_LEASE_DURATION.total_seconds()),
    ("ARRESTWATCH_CLAIM_SECONDS", "claim_seconds", CLAIM_SECONDS),
)


def worker_settings(env: Mapping[str, str]) -> WorkerSettings:
    """The worker settings in ``env``; SettingsError names the first variable that is wrong."""
    seconds = {name: _positive_seconds(env, variable, default) for variable, name, default in WORKER_ENV}
    analysis = env.get("ARRESTWATCH_ANALYSIS", "").strip().lower() or "process"
    if analysis not in ("process", "inline"):
        raise SettingsError(
            [
                f"ARRESTWATCH_ANALYSIS={analysis!r}: use 'process' (analyse in a child process, "
                "the default) or 'inline' (in this process)"
            ]
        )
    return WorkerSettings(
        source_lease=timedelta(seconds=seconds["source_lease"]),
        sender_lease=timedelta(seconds=seconds["sender_lease"]),
        claim_seconds=seconds["claim_seconds"],
        analysis_process=analysis == "process",
    )


def _positive_seconds(env: Mapping[str, str], variable: str, default: float) -> float:
    raw = env.get(variable, "").strip()
    try:
        seconds = float(raw) if raw else default
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise SettingsError([f"{variable}={raw!r} is not a number of seconds above 0 (default {default:g})"])
    return seconds


@dataclass(frozen=True)
class TelegramSettings:
    """The bot's secrets and targets, read from the environment (never from sources.toml)."""

    token: str | None = None
    chat_id: str | None = None
    admin_chat_id: str | None = None
    api_url: str = DEFAULT_API_URL
    # User ids allowed to command the bot (TELEGRAM_ADMIN_IDS); none: commands are off.
    admin_ids: tuple[int, ...] = ()
    admin_ids_error: str | None = None  # TELEGRAM_ADMIN_IDS was set but not understood
    # Telegram's per-chat limits (ARRESTWATCH_POSTS_PER_MINUTE, ARRESTWATCH_POST_GAP_SECONDS):
    # change them only for a local Bot API stand-in, never for Telegram itself.
    posts_per_minute: int = PER_MINUTE
    post_gap: float = MIN_GAP
    pacing_error: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TelegramSettings:
        try:
            admin_ids, admin_ids_error = parse_admin_ids(env.get("TELEGRAM_ADMIN_IDS")), None
        except ValueError as exc:
            admin_ids, admin_ids_error = (), str(exc)
        per_minute, gap, pacing_error = PER_MINUTE, MIN_GAP, None
        try:
            per_minute = int(env.get("ARRESTWATCH_POSTS_PER_MINUTE") or PER_MINUTE)
            gap = float(env.get("ARRESTWATCH_POST_GAP_SECONDS") or MIN_GAP)
            if per_minute < 1 or gap < 0:
                raise ValueError
        except ValueError:
            per_minute, gap = PER_MINUTE, MIN_GAP
            pacing_error = (
                "ARRESTWATCH_POSTS_PER_MINUTE must be a whole number of 1 or more and "
                "ARRESTWATCH_POST_GAP_SECONDS a number of seconds, 0 or more "
                f"(Telegram's limits: {PER_MINUTE} and {MIN_GAP:g}); unset them to use those"
            )
        return cls(
            posts_per_minute=per_minute,
            post_gap=gap,
            pacing_error=pacing_error,
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            chat_id=env.get("TELEGRAM_CHAT_ID") or None,
            admin_chat_id=env.get("TELEGRAM_ADMIN_CHAT_ID") or None,
            api_url=(env.get("TELEGRAM_API_URL") or DEFAULT_API_URL).rstrip("/"),
            admin_ids=admin_ids,
            admin_ids_error=admin_ids_error,
        )

    @property
    def console(self) -> bool:
        """Console mode: neither a token nor a chat id is set (``problems`` refuses one
        without the other), so every post is printed instead of sent."""
        return self.token is None

    def problems(self) -> list[str]:
        """What makes this configuration unusable, one operator-readable line each.

        Half a configuration is an error, never a silent fallback to console mode: an
        empty ``TELEGRAM_BOT_TOKEN=`` (a missing .env under Docker Compose) with a chat
        id set would otherwise print alerts to stdout and mark them sent.
        """
        problems = []
        if self.token and not self.chat_id:
            problems.append(
                "TELEGRAM_BOT_TOKEN is set but TELEGRAM_CHAT_ID is not: set it to the channel "
                "(@name or -100… id) the bot posts to, or unset the token for console mode"
            )
        if not self.token:
            missing = [
                name
                for name, value in (("TELEGRAM_CHAT_ID", self.chat_id), ("TELEGRAM_ADMIN_CHAT_ID", self.admin_chat_id))
                if value
            ]
            if missing:
                problems.append(
                    f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} set but "
                    "TELEGRAM_BOT_TOKEN is empty or unset: set the token from @BotFather, or unset "
                    f"{' and '.join(missing)} for console mode (alerts printed, not posted)"
                )
        url_problem = api_url_problem(self.api_url)
        if url_problem:
            problems.append(url_problem)
        if self.admin_ids_error:
            problems.append(self.admin_ids_error)
        if self.pacing_error:
            problems.append(self.pacing_error)
        return problems


class Environment:
    """One snapshot of the environment, and the settings the commands read from it."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)

    @classmethod
    def read(cls) -> Environment:
        """The process's environment now (the only read of ``os.environ`` for settings)."""
        return cls(os.environ)

    def get(self, name: str, default: str = "") -> str:
        return self._values.get(name, default)

    @property
    def log_level(self) -> str:
        return self.get("ARRESTWATCH_LOG_LEVEL", "INFO")

    @property
    def log_format(self) -> str:
        return self.get("ARRESTWATCH_LOG_FORMAT", "text")

    @property
    def http_port(self) -> str:
        return self.get("ARRESTWATCH_HTTP_PORT", "off")

    @property
    def http_host(self) -> str:
        return self.get("ARRESTWATCH_HTTP_HOST", DEFAULT_HTTP_HOST)

    def database(self, given: str | None) -> str:
        """--db wins over DATABASE_URL, which wins over the SQLite file in storage/."""
        return given or self.get("DATABASE_URL") or DEFAULT_DB

    @property
    def token(self) -> str | None:
        """The bot token, for the log redactor only."""
        return self.get("TELEGRAM_BOT_TOKEN") or None

    def telegram(self) -> TelegramSettings:
        return TelegramSettings.from_env(self._values)

    def workers(self) -> WorkerSettings:
        """Raises SettingsError naming the variable that is wrong."""
        return worker_settings(self._values)


__all__ = [
    "DEFAULT_API_URL",
    "Environment",
    "SettingsError",
    "TelegramSettings",
    "WorkerSettings",
    "api_url_problem",
    "limit_native_threads",
    "parse_admin_ids",
    "worker_settings",
]
