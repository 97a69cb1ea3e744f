"""Delivery through the real command line and a strict Bot API stand-in: nothing lost,
nothing doubled, Telegram's limits respected, hostile feed content made harmless."""

from __future__ import annotations

import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from bot.edges.store import Store
from tests.support.feeds import Story, rss
from tests.test_e2e import arrestwatch, no_digest_yet, write_sources
from tests.test_service import start_run, wait_for

NAMES = [
    "Aidar Serikbayev",
    "Marat Zhaksylykov",
    "Gulnar Ospanova",
    "Dana Omarova",
    "Timur Bekov",
    "Asel Nurlanova",
    "Yerlan Sadykov",
    "Zhanna Ibraimova",
]


def arrest_story(i: int, name: str) -> Story:
    text = (
        f"A court in Almaty on Monday sentenced civic activist {name} to {10 + i} days of administrative arrest "
        "for taking part in a peaceful rally against the new land law. Police detained the activist at the square "
        "on Sunday; rights defenders called the arrest punishment for protest."
    )
    return Story(f"s-{i}", f"Activist {name} jailed after rally", text, f"http://127.0.0.1/story/{i}")


def feed(count: int) -> str:
    return rss([arrest_story(i, name) for i, name in enumerate(NAMES[:count])])


def outbox_left(tmp_path: Path) -> int:
    """Posts still queued or being sent, read beside the running service."""
    with closing(sqlite3.connect(tmp_path / "db.sqlite3", timeout=10)) as db:
        return db.execute("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')").fetchone()[0]


def sends(botapi) -> list[str]:
    return [method for method, _ in list(botapi.requests) if method.lower() == "sendmessage"]


def test_killed_between_queueing_and_sending_loses_nothing_and_doubles_nothing(tmp_path: Path, web, botapi) -> None:
    web.add("/feed.xml", feed(3), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"News": web.url("/feed.xml")}, extra=no_digest_yet())
    botapi.fail_next(10_000, status=502)  # Telegram is down: the alerts stay queued
    service = start_run(tmp_path, botapi)
    try:
        assert wait_for(lambda: len(sends(botapi)) >= 1, timeout=60), "the sender never tried"
    finally:
        service.send_signal(signal.SIGKILL)  # no clean-up of any kind
        service.communicate(timeout=30)
    assert botapi.messages == []
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        counts = store.outbox_counts()
        assert counts["queued"] + counts["sending"] == 3, counts
    finally:
        store.close()

    botapi.heal()
    service = start_run(tmp_path, botapi)
    try:
        assert wait_for(lambda: len(botapi.messages) >= 3, timeout=60), [m.text for m in botapi.messages]
        assert wait_for(lambda: outbox_left(tmp_path) == 0)  # all marked sent: nothing can be posted again
        posted = [next(n for n in NAMES if n in m.text) for m in botapi.messages]
        assert sorted(posted) == sorted(NAMES[:3])
    finally:
        service.send_signal(signal.SIGTERM)
        service.communicate(timeout=30)


def test_429_on_the_sixth_post_is_waited_out_exactly(tmp_path: Path, web, botapi) -> None:
    web.add("/feed.xml", feed(8), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"News": web.url("/feed.xml")})
    accepted: list[float] = []

    def on_message(message) -> None:
        accepted.append(time.monotonic())
        if len(accepted) == 5:
            botapi.rate_limit(1, retry_after=3)

    botapi.on_message = on_message
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    texts = [m.text for m in botapi.messages]
    assert sorted(next(n for n in NAMES if n in t) for t in texts) == sorted(NAMES)  # each once
    assert accepted[5] - accepted[4] >= 3.0  # waited retry_after before sending the same message again
    assert len(sends(botapi)) == 9  # eight posts and the one refused attempt
    gaps = [b - a for a, b in zip(accepted, accepted[1:])]
    assert min(gaps) >= 0.9  # about one a second to one channel
    assert "posted 8, failed 0, still queued 0" in result.stderr


def test_502_on_the_first_sends_is_retried_with_backoff(tmp_path: Path, web, botapi) -> None:
    web.add("/feed.xml", feed(1), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"News": web.url("/feed.xml")})
    botapi.fail_next(2, status=502)
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert len(botapi.messages) == 1 and NAMES[0] in botapi.messages[0].text
    assert len(sends(botapi)) == 3
    assert "posted 1, failed 0, still queued 0" in result.stderr


def test_hostile_feed_content_makes_valid_harmless_posts(tmp_path: Path, web, botapi) -> None:
    base = arrest_story(0, "Aidar Serikbayev")
    hostile = [
        Story("h1", "<script>alert(1)</script> Activist jailed & <b>unclosed", base.text, "javascript:alert(1)"),
        Story(
            "h2",
            "Jailed " + "very long title " * 1300,
            base.text.replace("Aidar Serikbayev", "Marat Zhaksylykov"),
            "http://127.0.0.1/story/2?a=1&b=<2>",
        ),
        Story(
            "h3",
            "A & B < C > D \" ' &amp; &#x26; &bogus;",
            base.text.replace("Aidar Serikbayev", "Gulnar Ospanova") + " <i>Stray & ampersand</i> <a href='x'>",
            "http://127.0.0.1/story/3",
        ),
    ]
    web.add("/feed.xml", rss(hostile), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"News <&> Co": web.url("/feed.xml")})
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert "failed 0" in result.stderr, result.stderr  # the strict stand-in accepted every post
    assert len(botapi.messages) == 3
    for message in botapi.messages:
        assert "javascript:" not in message.html.lower()
        assert "<script" not in message.html
        assert len(message.text) <= 4096


async def test_a_permanent_failure_is_kept_and_told_to_the_operators_once(tmp_path: Path, botapi) -> None:
    from datetime import datetime, timezone

    from bot.app.outbox import Sender
    from bot.edges.publish import TelegramPublisher
    from bot.edges.store import QueuedPost

    store = Store.open(tmp_path / "db.sqlite3")
    publisher = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await publisher.start()
    try:
        for i in range(3):
            store.queue_post(QueuedPost(f"<b>alert {i}</b>"), now=datetime.now(timezone.utc))
        sender = Sender(store, publisher, {"channel": "-100999", "admin": str(botapi.admin_chat_id)})
        report = await sender.drain(timeout=30)
        assert report.failed == 3 and report.left == 0
        notices = botapi.sent_to(botapi.admin_chat_id)
        assert len(notices) == 1 and "chat not found" in notices[0].text.lower()
        failed = [row for row in store.outbox_rows(kind="alert") if row["state"] == "failed"]
        assert len(failed) == 3 and all("chat not found" in row["last_error"].lower() for row in failed)
    finally:
        await publisher.stop()
        store.close()
