"""The analysis in a child process: the rules run on another core than fetching and
storing, and pymorphy3's Russian dictionaries live only in the child. Feeds are parsed there too
while it has room.

Why: on a cold poll the CPU-bound analysis (the rules on Russian reports) and
feedparser competed for one core under the GIL; in a child process they overlap. The
parent never loads the analysis dictionaries, so the two processes together stay smaller
than one that did everything.

Each poll sends its batch of new entries in one call (one round trip per feed, not per
entry). A report that breaks the rules comes back as its error text and is retried at
the next poll like before; a child that dies (killed, out of memory) fails only the
batch in flight, and the next batch starts a new child.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from bot.core import errors
from bot.core.analysis.result import Analysis, RuleConfig
from bot.core.models import Entry, SourceConfig

log = logging.getLogger(__name__)

# One entry to analyse: (title, text, the feed's declared language).
Job = tuple[str, str, "str | None"]
Analyzer = Callable[[str, str, "str | None", "RuleConfig | None"], Analysis]

# A feed is parsed in the child while fewer calls than this wait there (see parse).
# On a cold poll of the regional mix (48 polls at once) 8 left the service parsing
# most feeds: the service was busy 97% of the poll, the child 65% (CPU 1.75 : 1). At 32
# the two are closer (1.4 : 1); parsing every feed there (64) evened them (1 : 1) but
# cost more CPU in all (the entries are pickled back) and left the child the bottleneck.
CHILD_QUEUE = 32
# A call to the child that takes longer than this (seconds, queueing included) is
# stuck: the child is killed and replaced. A batch takes well under a second.
CALL_TIMEOUT = 300.0

_SAMPLE_RU = "Суд арестовал активиста Армана Куанышева на 10 суток за участие в митинге."
_SAMPLE_EN = "A court jailed activist Arman Kuanyshev for 10 days for taking part in a rally."
_SAMPLE_KK = "Сот белсенді Арман Қуанышевті митингіге қатысқаны үшін 10 тәулікке қамады."


class AnalysisError(errors.AnalysisError):
    """The analysis of one report failed, or the analysis process is gone.

    For one report: the message carries the child's traceback, so the log shows where
    the rules broke; the report is not stored and the next poll tries it again.
    """


class AnalysisProcess:
    """A single child process running ``bot.core.analysis.analyze`` on batches of entries.

    Started on first use; thread-safe (polls of several sources submit at once and are
    served in turn). ``close`` stops it; the parent's death stops it too.
    """

    def __init__(self, *, timeout: float = CALL_TIMEOUT) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._pending = 0  # calls submitted to the child and not finished
        self.timeout = timeout

    def analyze_many(self, jobs: Sequence[Job], rules: RuleConfig | None) -> list[Analysis | AnalysisError]:
        """Analyse ``jobs`` in the child; one outcome per job, in order.

        Raises AnalysisError when the child died during the batch (nothing of the batch
        is lost: the caller stores none of it, so the next poll tries it all again).
        """
        if not jobs:
            return []
        pool, future = self._submit(analyze_batch, list(jobs), rules)
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise self._broken(pool) from exc

    async def analyze(self, jobs: Sequence[Job], rules: RuleConfig | None) -> list[Analysis | AnalysisError]:
        """``analyze_many`` for the event loop: awaits the child without holding a thread."""
        if not jobs:
            return []
        return await self._call(analyze_batch, list(jobs), rules)

    async def parse(self, source: SourceConfig, content: bytes, text: str, final_url: str) -> list[Entry]:
        """``bot.core.sources.parse_entries``, in the child when it has room, else here.

        The child is idle most of a cold poll while parsing keeps this process's core
        busy: a feed goes to the child while fewer than CHILD_QUEUE calls wait there,
        so analyses are not held up behind a long queue of feeds. Raises what parse_entries raises.
        """
        from bot.core.sources import parse_entries

        if self._pending < CHILD_QUEUE:
            try:
                return await self._call(parse_entries, source, content, text, final_url)
            except AnalysisError:
                pass  # logged; the feed is parsed here instead
        return await asyncio.to_thread(parse_entries, source, content, text, final_url)

    def warm(self) -> float:
        """Load the models and each language's rules in the child now (a sample in each
        language: the rules of a language load with its first report); seconds taken."""
        started = time.perf_counter()
        samples = [("", _SAMPLE_RU, "ru"), ("", _SAMPLE_EN, "en"), ("", _SAMPLE_KK, "kk")]
        for outcome in self.analyze_many(samples, None):
            if isinstance(outcome, AnalysisError):
                raise outcome
        return time.perf_counter() - started

    def peak_rss_mb(self) -> float | None:
        """The child's peak resident memory (MB), None when it is not running."""
        with self._lock:
            pool = self._pool
        if pool is None:
            return None
        try:
            return float(pool.submit(_peak_rss_mb).result(timeout=30))
        except Exception:  # a gone child has no figure to give
            return None

    def pids(self) -> list[int]:
        with self._lock:
            pool = self._pool
            processes = getattr(pool, "_processes", None) or {}
            return list(processes)

    def close(self, timeout: float = 30.0) -> None:
        """Stop the child: it finishes the call in hand (at most ``timeout`` seconds) and exits."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return
        # The executor reaps its child itself: wait for its shutdown, not on the process
        # (two waiters on one child race, and one sees a live process that is gone).
        stopped = threading.Event()

        def shut_down() -> None:
            pool.shutdown(wait=True, cancel_futures=True)
            stopped.set()

        threading.Thread(target=shut_down, name="analysis-shutdown", daemon=True).start()
        if not stopped.wait(timeout):
            log.warning("the analysis process did not stop within %g s; killed", timeout)
            self._kill(pool)
            stopped.wait(10)

    def _ensure(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a fresh interpreter that imports only the analysis, not a fork
                # of a parent holding sockets, threads and the database connection.
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_child_init,
                    initargs=(os.getpid(),),
                )
            return self._pool

    async def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` in the child, awaited without holding a thread.

        A child that dies, or takes longer than ``timeout`` (a rule stuck on some text:
        the child is killed), raises AnalysisError; the next call starts a new child.
        """
        pool, future = self._submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except BrokenProcessPool as exc:
            raise self._broken(pool) from exc
        except TimeoutError:
            self._kill(pool)
            raise self._broken(pool, f"took more than {self.timeout:g} s and was stopped") from None

    def _submit(self, function: Callable[..., Any], *args: Any) -> tuple[ProcessPoolExecutor, Future[Any]]:
        pool = self._ensure()
        try:
            future = pool.submit(function, *args)
        except BrokenProcessPool as exc:
            raise self._broken(pool) from exc
        with self._lock:
            self._pending += 1
        future.add_done_callback(self._finished)
        return pool, future

    def _finished(self, _: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1

    def _broken(self, pool: ProcessPoolExecutor, why: str = "stopped (killed, or out of memory?)") -> AnalysisError:
        """Forget a pool whose child died; the error for the call that was in it."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)
        log.error("the analysis process %s; a new one starts with the next call", why)
        return AnalysisError(f"the analysis process {why}; these entries are tried again at the next poll")

    @staticmethod
    def _kill(pool: ProcessPoolExecutor) -> None:
        """Kill the pool's child (stuck: it has not exited, so its pid is still its own)."""
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.exitcode is None:
                process.kill()


# -- in the child ----------------------------------------------------------------------


def _child_init(parent: int) -> None:
    from bot.edges.settings import limit_native_threads

    limit_native_threads()  # before numpy loads, as the CLI does in the parent
    # Ctrl-C reaches the whole process group: the parent decides when the child stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed with SIGKILL cannot stop its child: the child notices and exits.
    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def analyze_batch(
    jobs: Sequence[Job],
    rules: RuleConfig | None,
    analyzer: Analyzer | None = None,
) -> list[Analysis | AnalysisError]:
    """``analyzer`` (default: bot.core.analysis.analyze) on each job; a report that breaks it
    comes back as an AnalysisError carrying the traceback, never failing its batch.

    Runs in the child; ``Pipeline`` runs it in a thread for an analyzer of its own.
    """
    if analyzer is None:
        from bot.core.analysis import analyze

        analyzer = analyze
    outcomes: list[Analysis | AnalysisError] = []
    for title, text, lang in jobs:
        try:
            outcomes.append(analyzer(title, text, lang, rules))
        except Exception:
            outcomes.append(AnalysisError(traceback.format_exc(limit=8).strip()))
    return outcomes


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
