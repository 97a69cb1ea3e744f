"""The long-running service: scheduling, clean stop, one instance per database,
live reload of sources.toml, and the digest when the service was down at digest time."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.app.watch import note_poll
from bot.edges.config import load_config
from bot.edges.store import Store
from bot.entry.service import Service, TelegramSettings
from tests.support.feeds import ARREST_RU, Story, rss
from tests.test_e2e import news_feed, no_digest_yet, noon_zone, write_sources


def wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def start_run(tmp_path: Path, botapi) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(TELEGRAM_BOT_TOKEN=botapi.token, TELEGRAM_CHAT_ID=str(botapi.chat_id), TELEGRAM_API_URL=botapi.url)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "--sources",
            str(tmp_path / "sources.toml"),
            "--db",
            str(tmp_path / "db.sqlite3"),
            "run",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_run_posts_refuses_a_second_instance_and_stops_on_sigterm(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=no_digest_yet())
    service = start_run(tmp_path, botapi)
    try:
        assert wait_for(lambda: len(botapi.messages) >= 1), "the service posted nothing"
        assert "Serikbayev" in botapi.messages[0].text

        second = start_run(tmp_path, botapi)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 3
        assert "in use by pid" in err

        service.send_signal(signal.SIGTERM)
        _, err = service.communicate(timeout=30)
        assert service.returncode == 0, err
        assert botapi.token not in err
    finally:
        if service.poll() is None:
            service.kill()


async def test_changed_sources_file_is_reloaded_and_a_bad_one_is_rejected(tmp_path: Path, web, botapi, caplog) -> None:
    caplog.set_level(logging.ERROR, logger="bot.entry.service")
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    web.add(
        "/ru.xml",
        rss([Story("ru-1", "Активиста арестовали на 10 суток", ARREST_RU, "http://127.0.0.1/ru/1")]),
        content_type="application/rss+xml",
    )
    sources = write_sources(tmp_path / "sources.toml", {"EN": web.url("/en.xml")}, extra=no_digest_yet())
    store = Store.open(tmp_path / "db.sqlite3")
    telegram = TelegramSettings(token=botapi.token, chat_id=str(botapi.chat_id), api_url=botapi.url)
    stop = asyncio.Event()
    async with Service(load_config(sources), store, telegram) as service:
        service.reload_seconds = 0.2
        task = asyncio.create_task(service.run(stop=stop))

        async def posted(count: int) -> bool:
            for _ in range(300):
                if len(botapi.messages) >= count:
                    return True
                await asyncio.sleep(0.1)
            return False

        assert await posted(1)
        sources.write_text(sources.read_text() + '\n[[source]]\nname = "bad"\nurl = "ftp://nope"\n')
        for _ in range(300):  # until the reload has read the bad file and refused it
            if any("sources not reloaded" in r.getMessage() for r in caplog.records):
                break
            await asyncio.sleep(0.1)
        assert any("ftp://nope" in r.getMessage() for r in caplog.records)
        assert [s.name for s in service.config.sources] == ["EN"]  # the last good list is kept

        write_sources(sources, {"EN": web.url("/en.xml"), "RU": web.url("/ru.xml")}, extra=no_digest_yet())
        assert await posted(2), "the added source was not polled"
        assert "Жумабаев" in botapi.messages[1].text
        stop.set()
        await asyncio.wait_for(task, timeout=10)
    store.close()


async def test_a_digest_missed_while_down_is_posted_at_start_and_only_once(tmp_path: Path, botapi) -> None:
    past = (datetime.now(timezone.utc) - timedelta(minutes=5)).strftime("%H:%M")
    if past > datetime.now(timezone.utc).strftime("%H:%M"):  # just after midnight: nothing is due yet today
        past = "00:00"
    sources = write_sources(tmp_path / "sources.toml", {}, extra=f'timezone = "UTC"\ndigest_time = "{past}"\n')
    telegram = TelegramSettings(token=botapi.token, chat_id=str(botapi.chat_id), api_url=botapi.url)
    store = Store.open(tmp_path / "db.sqlite3")
    now = datetime.now(timezone.utc)
    for moment in (now - timedelta(hours=30), now - timedelta(minutes=10)):  # watched until it went down
        note_poll(store, moment, timedelta(hours=31))
    store.close()
    for _ in range(2):  # a start, a stop, and a restart the same day
        store = Store.open(tmp_path / "db.sqlite3")
        stop = asyncio.Event()
        async with Service(load_config(sources), store, telegram) as service:
            task = asyncio.create_task(service.run(stop=stop))
            assert await settled(service)  # the digest caught up and the sender idle: nothing more comes
            stop.set()
            await asyncio.wait_for(task, timeout=10)
        store.close()
    assert len(botapi.messages) == 1  # the quiet-day line, once


@asynccontextmanager
async def serving(
    sources: Path,
    store: Store,
    botapi,
    *,
    telegram: TelegramSettings | None = None,
    reload_seconds: float = 1.0,
    admin_poll_timeout: int = 1,
) -> AsyncIterator[Service]:
    """``arrestwatch run`` in this event loop until the block ends (posting to ``botapi``)."""
    telegram = telegram or TelegramSettings(token=botapi.token, chat_id=str(botapi.chat_id), api_url=botapi.url)
    stop = asyncio.Event()
    async with Service(load_config(sources), store, telegram) as service:
        service.reload_seconds = reload_seconds
        service.admin_poll_timeout = admin_poll_timeout
        task = asyncio.create_task(service.run(stop=stop))
        try:
            yield service
        finally:
            stop.set()
            await asyncio.wait_for(task, timeout=15)


async def settled(service: Service) -> bool:
    """Wait until the service has started and its sender has nothing left to do."""

    def idle() -> bool:
        counts = service.store.outbox_counts()
        return service.started.is_set() and not service.sender.draining and counts["queued"] + counts["sending"] == 0

    for _ in range(300):
        if idle():
            return True
        await asyncio.sleep(0.1)
    return False


async def test_a_digest_missed_across_midnight_is_posted_at_start(tmp_path: Path, botapi) -> None:
    from zoneinfo import ZoneInfo

    zone = noon_zone()
    sources = write_sources(
        tmp_path / "sources.toml",
        {"EN": "http://127.0.0.1:1/feed.xml"},
        extra=f'timezone = "{zone}"\ndigest_time = "23:00"\n',
    )
    store = Store.open(tmp_path / "db.sqlite3")
    # The service watched this source the day before yesterday, then was down from
    # before yesterday's 23:00 until now (about noon): yesterday's digest was never posted.
    [state] = store.sync_sources(load_config(sources).sources).values()
    now = datetime.now(timezone.utc)
    store.record_poll_success(state.id, now=now - timedelta(days=2), etag=None, last_modified=None, new_items=0)
    local = datetime.now(ZoneInfo(zone))
    went_down = (local - timedelta(days=1)).replace(hour=20, minute=0, second=0, microsecond=0)
    for moment in (now - timedelta(days=2), went_down.astimezone(timezone.utc)):  # watched, then down
        note_poll(store, moment, timedelta(days=2))
    async with serving(sources, store, botapi) as service:
        assert await settled(service)
    yesterday = (local - timedelta(days=1)).date().isoformat()
    assert store.digest_exists(yesterday)
    store.close()
    digests = [m.text for m in botapi.messages if "Digest · " in m.text]
    # Posted once, for the period up to yesterday's 23:00, naming the hours nobody watched.
    assert len(digests) == 1 and "Not watched" in digests[0], digests


async def test_a_reloaded_timezone_and_digest_time_move_the_digest(tmp_path: Path, botapi) -> None:
    zone = noon_zone()
    sources = write_sources(tmp_path / "sources.toml", {}, extra=f'timezone = "{zone}"\ndigest_time = "23:00"\n')
    store = Store.open(tmp_path / "db.sqlite3")
    now = datetime.now(timezone.utc)
    for moment in (now - timedelta(hours=26), now - timedelta(minutes=1)):  # watched all day: a digest is due
        note_poll(store, moment, timedelta(hours=27))
    async with serving(sources, store, botapi, reload_seconds=0.1) as service:
        assert await settled(service) and botapi.messages == []  # 23:00 is hours away
        # 13:00 in a zone where it is 14:xx now: due (neither the old zone nor the old time alone is).
        later = noon_zone(later=2)
        write_sources(sources, {}, extra=f'timezone = "{later}"\ndigest_time = "13:00"\n')
        assert await _posted(botapi) and await settled(service)
        job = service._scheduler.get_job("digest")  # type: ignore[union-attr]
        assert str(job.trigger.timezone) == later and "hour='13'" in str(job.trigger)
    store.close()
    assert len(botapi.messages) == 1 and "Digest · " in botapi.messages[0].text


async def _posted(botapi) -> bool:
    for _ in range(100):
        if botapi.messages:
            return True
        await asyncio.sleep(0.1)
    return False


async def test_a_wake_up_during_a_drain_starts_the_next_drain_at_once(tmp_path: Path) -> None:
    """An operator's approval that lands while the sender drains (the review request is
    still going out) must not be wiped when that drain ends: it would wait out the idle
    time, 30 seconds, before the approved alert is posted. Fails if the sender clears its
    wake-up after the drain instead of before it."""
    import io

    from bot.app.outbox import DrainReport

    sources = write_sources(tmp_path / "sources.toml", {}, extra=no_digest_yet())
    store = Store.open(tmp_path / "db.sqlite3")
    wake, stop = asyncio.Event(), asyncio.Event()
    drains: list[float] = []

    class ApprovalDuringDrain:
        """A sender whose first drain is interrupted by a wake-up, as an approval does."""

        draining = False

        async def drain(self, timeout: float) -> DrainReport:
            drains.append(time.monotonic())
            if len(drains) == 1:
                wake.set()
            await asyncio.sleep(0)
            return DrainReport()

    try:
        async with Service(load_config(sources), store, TelegramSettings(), out=io.StringIO()) as service:
            service.sender = ApprovalDuringDrain()
            service.sender_idle_seconds = 30
            loop = asyncio.create_task(service._sender_loop(wake, stop))
            deadline = time.monotonic() + 5
            while len(drains) < 2 and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            stop.set()
            wake.set()
            await asyncio.wait_for(loop, timeout=5)
    finally:
        store.close()
    assert len(drains) >= 2 and drains[1] - drains[0] < 5, drains
