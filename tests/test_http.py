"""``run``'s HTTP endpoints (/healthz, /metrics) and the JSON log format.

The service runs in-process against a loopback feed and the Telegram stand-in; the
endpoints are fetched over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.edges.config import load_config
from bot.edges.logs import configure_logging
from bot.edges.metrics import METRIC_NAMES
from bot.edges.store import Store
from bot.entry.service import Service, StatusServerError, TelegramSettings
from tests.test_e2e import news_feed, no_digest_yet, write_sources

SETTINGS = no_digest_yet()


async def eventually(check, timeout: float = 30.0):
    """Await ``check()`` until it returns something truthy; return that."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = await check()
        if result:
            return result
        await asyncio.sleep(0.1)
    raise AssertionError(f"not within {timeout}s")


def samples(page: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text page, keyed by name and sorted labels (parsed strictly)."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(page)
        for sample in family.samples
    }


async def test_healthz_and_metrics_of_a_running_service(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    sources = write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=SETTINGS)
    botapi.rate_limit(1, retry_after=1)  # the first post meets flood control once
    store = Store.open(tmp_path / "db.sqlite3")
    telegram = TelegramSettings(token=botapi.token, chat_id=str(botapi.chat_id), api_url=botapi.url)
    stop = asyncio.Event()
    async with Service(load_config(sources), store, telegram) as service:
        task = asyncio.create_task(service.run(stop=stop, http=("127.0.0.1", 0)))
        try:

            async def address():
                assert not task.done(), task.exception()
                return service.http_address

            host, port = await eventually(address)
            assert host == "127.0.0.1" and port > 0
            async with httpx.AsyncClient(base_url=f"http://{host}:{port}", timeout=10) as client:

                async def healthy():
                    answer = await client.get("/healthz")
                    return answer if answer.status_code == 200 else None

                health = await eventually(healthy)
                assert health.json() == {"status": "ok"}
                assert health.headers["content-type"] == "application/json"

                async def posted():
                    answer = await client.get("/metrics")
                    values = samples(answer.text)
                    # A scrape reads the outbox from the database before it reads the in-process
                    # counters, so one page may count the post sent while the row is still
                    # 'sending' (seen once at load 6): wait for a page where both have settled.
                    sent = values.get(("arrestwatch_posts_sent_total", (("kind", "alert"),)))
                    settled = values.get(("arrestwatch_outbox_queue_length", ())) == 0
                    return (answer, values) if sent and settled else None

                page, values = await eventually(posted)
                assert page.headers["content-type"].startswith("text/plain; version=")
                en = (("source", "EN news"),)
                assert values[("arrestwatch_polls_total", en)] == 1
                assert values[("arrestwatch_poll_failures_total", en)] == 0
                assert values[("arrestwatch_poll_duration_seconds_count", en)] == 1
                assert values[("arrestwatch_items_stored_total", en)] == 2  # the arrest and the football
                assert values[("arrestwatch_alerts_queued_total", en)] == 1
                assert values[("arrestwatch_outbox_queue_length", ())] == 0
                assert values[("arrestwatch_outbox_posts", (("state", "sent"),))] == 1
                assert values[("arrestwatch_outbox_posts", (("state", "queued"),))] == 0
                assert values[("arrestwatch_post_latency_seconds_count", (("kind", "alert"),))] == 1
                assert values[("arrestwatch_telegram_429_total", ())] == 1
                for name in METRIC_NAMES:  # every documented metric is exported
                    assert f"# TYPE {name} " in page.text, name

                head = await client.head("/healthz")
                assert head.status_code == 200 and head.content == b""
                assert (await client.get("/metrics?x=1")).status_code == 200
                missing = await client.get("/")
                assert missing.status_code == 404
                assert (await client.get("/healthz/more")).status_code == 404
                wrong = await client.post("/metrics", content=b"x")
                assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, HEAD"
        finally:
            stop.set()
            await asyncio.wait_for(task, timeout=10)
        assert service.http_address is None
    store.close()
    assert len(botapi.messages) == 1


async def test_healthz_is_503_with_the_reason_when_the_database_is_gone(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources.toml", {}, extra=SETTINGS)
    store = Store.open(tmp_path / "db.sqlite3")
    stop = asyncio.Event()
    async with Service(load_config(sources), store, TelegramSettings(), out=io.StringIO()) as service:
        assert await service.health() == "the scheduler is not running"
        task = asyncio.create_task(service.run(stop=stop, http=("127.0.0.1", 0)))
        try:

            async def address():
                assert not task.done(), task.exception()
                return service.http_address

            host, port = await eventually(address)
            async with httpx.AsyncClient(base_url=f"http://{host}:{port}", timeout=10) as client:

                async def status(code: int):
                    answer = await client.get("/healthz")
                    return answer if answer.status_code == code else None

                await eventually(lambda: status(200))
                store.close()
                broken = await client.get("/healthz")
                assert broken.status_code == 503
                assert broken.json()["status"] == "unavailable"
                assert "database" in broken.json()["reason"]
                assert (await client.get("/metrics")).status_code == 200  # still scrapable
        finally:
            stop.set()
            await asyncio.wait_for(task, timeout=10)


async def test_a_busy_port_is_an_error_that_names_it(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources.toml", {}, extra=SETTINGS)
    store = Store.open(tmp_path / "db.sqlite3")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with Service(load_config(sources), store, TelegramSettings(), out=io.StringIO()) as service:
            with pytest.raises(StatusServerError, match=f"127.0.0.1:{port}.*--http-port"):
                await service.run(stop=asyncio.Event(), http=("127.0.0.1", port))
    store.close()


# -- log formats ----------------------------------------------------------------------

TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnopq"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_json_logs_are_one_object_per_line_and_never_show_the_token(capsys, restore_logging) -> None:
    configure_logging("INFO", TOKEN, "json")
    log = logging.getLogger("bot.test")
    log.info(
        "posted to %s",
        f"https://api.telegram.org/bot{TOKEN}/sendMessage",
        extra={"source": "EN news", "item": 7, "url": f"http://x/bot{TOKEN}/y", "note": f"raw {TOKEN}"},
    )
    try:
        raise RuntimeError(f"failed calling https://api.telegram.org/bot{TOKEN}/getMe\nsecond line")
    except RuntimeError:
        log.exception("sender: unexpected error", extra={"source": "RU news"})
    err = capsys.readouterr().err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err
    lines = err.splitlines()
    assert len(lines) == 2, err  # the traceback stays inside its line
    first, second = (json.loads(line) for line in lines)
    assert set(first) == {"ts", "level", "logger", "message", "source", "item", "url", "note"}
    assert first["level"] == "INFO" and first["logger"] == "bot.test"
    assert first["ts"].endswith("Z")
    assert first["message"] == "posted to https://api.telegram.org/bot<redacted>/sendMessage"
    assert first["source"] == "EN news" and first["item"] == 7
    assert first["url"] == "http://x/bot<redacted>/y" and first["note"] == "raw <redacted>"
    assert second["level"] == "ERROR" and second["source"] == "RU news"
    assert second["exception"].startswith("Traceback") and "bot<redacted>/getMe" in second["exception"]
    assert "RuntimeError" in second["exception"]


def test_text_logs_show_extra_fields_redacted(capsys, restore_logging) -> None:
    configure_logging("INFO", TOKEN, "text")
    logging.getLogger("bot.test").warning("source failed", extra={"source": "EN news", "url": f"http://x/bot{TOKEN}"})
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert err.rstrip().endswith('WARNING bot.test: source failed source="EN news" url=http://x/bot<redacted>')


def test_an_unknown_log_format_is_refused(restore_logging) -> None:
    with pytest.raises(ValueError, match="use one of text, json"):
        configure_logging("INFO", None, "xml")


def test_run_from_the_command_line_logs_json_and_serves_healthz(tmp_path: Path, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra=SETTINGS)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ARRESTWATCH_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=botapi.token,
        TELEGRAM_CHAT_ID=str(botapi.chat_id),
        TELEGRAM_API_URL=botapi.url,
        ARRESTWATCH_LOG_FORMAT="json",
        ARRESTWATCH_HTTP_PORT="0",
    )
    process = subprocess.Popen(
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        url = None
        lines = []
        while url is None:
            line = process.stderr.readline()
            assert line, f"run exited: {''.join(lines)}"
            lines.append(line)
            event = json.loads(line)
            if event["message"].startswith("serving /healthz and /metrics on "):
                url = event["message"].rsplit(" ", 1)[1]
        assert url.startswith("http://127.0.0.1:")
        deadline = time.monotonic() + 30
        while True:
            answer = httpx.get(url + "/healthz", timeout=5)
            if answer.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert answer.json() == {"status": "ok"}
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=30)
        assert process.returncode == 0, rest
        for line in lines + rest.splitlines():
            assert set(json.loads(line)) >= {"ts", "level", "logger", "message"}
        assert botapi.token not in "".join(lines) + rest
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_every_metric_and_option_is_documented_in_the_readme() -> None:
    root = Path(__file__).resolve().parent.parent  # the README, and the operations page it links to
    readme = "\n".join((root / name).read_text(encoding="utf-8") for name in ("README.md", "docs/operations.md"))
    for name in (
        *METRIC_NAMES,
        "/healthz",
        "--http-port",
        "--http-host",
        "--log-format",
        "ARRESTWATCH_HTTP_PORT",
        "ARRESTWATCH_HTTP_HOST",
        "ARRESTWATCH_LOG_FORMAT",
        "docker compose up",
    ):
        assert name in readme, name
