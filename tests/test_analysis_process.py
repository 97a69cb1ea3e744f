"""The analysis child process: same results as in this process, a dead child fails only
its batch (and nothing of it is lost), and the child never outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.app.pipeline import Pipeline
from bot.core.analysis import analyze
from bot.edges.analysis_process import AnalysisError, AnalysisProcess
from bot.edges.config import parse_config
from bot.edges.fetch import Fetcher
from bot.edges.store import Store
from tests.support.feeds import ARREST_EN, ARREST_RU, ORDINARY_EN, Story, rss

ROOT = Path(__file__).resolve().parent.parent
JOBS = [
    ("Активиста арестовали на 10 суток", ARREST_RU, "ru"),
    ("Activist jailed for 15 days", ARREST_EN, "en"),
    ("Football", ORDINARY_EN, "en"),
]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped) counts as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _wait_gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_child_gives_the_same_analysis_as_this_process() -> None:
    process = AnalysisProcess()
    try:
        outcomes = process.analyze_many(JOBS, None)
    finally:
        process.close()
    assert outcomes == [analyze(title, text, lang) for title, text, lang in JOBS]
    assert outcomes[0].arrest and outcomes[1].arrest and not outcomes[2].arrest


def test_a_killed_child_fails_only_its_batch_and_the_next_batch_starts_a_new_one() -> None:
    process = AnalysisProcess()
    try:
        process.analyze_many(JOBS[1:], None)
        [first] = process.pids()
        os.kill(first, signal.SIGKILL)
        assert _wait_gone(first)
        with pytest.raises(AnalysisError, match="analysis process stopped"):
            # The executor may notice the death at submit or while waiting: either way, an error.
            for _ in range(50):
                process.analyze_many(JOBS[1:], None)
                time.sleep(0.1)
        outcomes = process.analyze_many(JOBS[1:], None)
        assert [o.arrest for o in outcomes] == [True, False]
        assert process.pids() and process.pids()[0] != first
    finally:
        process.close()


def test_the_child_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from bot.edges.analysis_process import AnalysisProcess\n"
        "p = AnalysisProcess()\n"
        "p.analyze_many([('t', 'A court jailed an activist for 10 days.', 'en')], None)\n"
        "print(p.pids()[0], flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.kill()
        parent.wait(timeout=10)
        assert _wait_gone(child, timeout=10), "the analysis process outlived its killed parent"
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout:
            parent.stdout.close()


async def test_an_entry_that_breaks_the_analysis_is_kept_for_the_next_poll(tmp_path: Path, web) -> None:
    web.add(
        "/feed.xml",
        rss(
            [
                Story("a", "Activist jailed for 15 days", ARREST_EN, "http://127.0.0.1/a"),
                Story("b", "Football", ORDINARY_EN, "http://127.0.0.1/b"),
            ]
        ),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    config = parse_config(f'[[source]]\nname = "Feed"\nurl = "{web.url("/feed.xml")}"\n', tmp_path / "sources.toml")
    broken = {"on": True}

    def analyzer(title, text, lang, rules):
        if broken["on"] and title.startswith("Activist"):
            raise ValueError("a rule tripped over this text")
        return analyze(title, text, lang, rules)

    store = Store.open(tmp_path / "db.sqlite3")
    fetcher = Fetcher()
    try:
        pipeline = Pipeline(config, store, fetcher, analyzer=analyzer)
        first = await pipeline.poll(config.sources[0])
        assert first.ok and first.new_items == 1 and first.alerts == 0
        assert len(first.failed_entries) == 1 and "a rule tripped" in first.failed_entries[0]

        # Fixed: the next poll stores it and alerts, although the feed is unchanged and
        # sends an ETag (the validators of a poll that left an entry out are not kept).
        broken["on"] = False
        second = await pipeline.poll(config.sources[0])
        assert not second.not_modified
        assert second.new_items == 1 and second.alerts == 1 and not second.failed_entries
        third = await pipeline.poll(config.sources[0])
        assert third.not_modified and third.new_items == 0
    finally:
        await fetcher.aclose()
        store.close()


async def test_a_call_stuck_in_the_child_is_stopped_and_the_next_call_gets_a_new_child() -> None:
    process = AnalysisProcess()  # the child's start and first analysis take the usual time …
    try:
        await process.analyze(JOBS[1:], None)
        [stuck] = process.pids()
        process.timeout = 2.0  # … then a call stuck in it is stopped after 2 s
        with pytest.raises(AnalysisError, match="took more than 2 s"):
            await process._call(time.sleep, 30)  # stands for a rule that never returns
        assert _wait_gone(stuck)
        process.timeout = 300.0  # a new child starts: the usual time again, however busy the machine
        outcomes = await process.analyze(JOBS[1:], None)
        assert [o.arrest for o in outcomes] == [True, False] and process.pids()[0] != stuck
    finally:
        process.close()


def test_close_waits_for_the_call_in_hand_and_kills_a_child_that_does_not_stop() -> None:
    quick = AnalysisProcess()
    quick.analyze_many(JOBS[2:], None)
    [pid] = quick.pids()
    started = time.monotonic()
    quick.close()
    assert time.monotonic() - started < 10 and _wait_gone(pid)

    stuck = AnalysisProcess()
    stuck.analyze_many(JOBS[2:], None)
    [pid] = stuck.pids()
    stuck._submit(time.sleep, 60)  # stands for a rule that never returns
    started = time.monotonic()
    stuck.close(timeout=1.0)
    assert time.monotonic() - started < 15 and _wait_gone(pid)
