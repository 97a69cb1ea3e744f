"""The long-running service: scheduling, clean stop, one instance per database,
live reload of sources.toml, and the digest when the service was down at digest time."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.config import load_config
from bot.service import Service, TelegramSettings
from bot.store import Store
from bot.watch import note_poll
from tests.support.feeds import ARREST_EN, ARREST_RU, Story, rss
from tests.test_e2e import news_feed, write_sources


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
        [sys.executable, "-m", "bot", "--sources", str(tmp_path / "sources.toml"), "--db",
         str(tmp_path / "db.sqlite3"), "run"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_run_posts_refuses_a_second_instance_and_stops_on_sigterm(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")},
                  extra='timezone = "UTC"\ndigest_time = "23:59"\n')
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


async def test_changed_sources_file_is_reloaded_and_a_bad_one_is_rejected(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    web.add("/ru.xml", rss([Story("ru-1", "Активиста арестовали на 10 суток", ARREST_RU, "http://127.0.0.1/ru/1")]),
            content_type="application/rss+xml")
    sources = write_sources(tmp_path / "sources.toml", {"EN": web.url("/en.xml")},
                            extra='timezone = "UTC"\ndigest_time = "23:59"\n')
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
        sources.write_text(sources.read_text() + "\n[[source]]\nname = \"bad\"\nurl = \"ftp://nope\"\n")
        await asyncio.sleep(1.0)
        assert [s.name for s in service.config.sources] == ["EN"]  # the last good list is kept

        write_sources(sources, {"EN": web.url("/en.xml"), "RU": web.url("/ru.xml")},
                      extra='timezone = "UTC"\ndigest_time = "23:59"\n')
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
            for _ in range(100):
                if botapi.messages:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            stop.set()
            await asyncio.wait_for(task, timeout=10)
        store.close()
    assert len(botapi.messages) == 1  # the quiet-day line, once
