"""Sources' health: one message to the operators when a source has been failing longer
than alert_after, one when it recovers, and one when a feed falls silent."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.app.health import health_notices, usual_gap
from bot.edges.config import parse_config
from bot.edges.store import SourceState, Store
from bot.entry.service import Service, TelegramSettings

NOW = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)


def state(**kw) -> SourceState:
    base = SourceState(
        id=1,
        name="Feed",
        url="https://x.example/rss",
        type="rss",
        etag=None,
        last_modified=None,
        first_polled_at=NOW - timedelta(days=30),
        last_polled_at=NOW,
        last_success_at=NOW,
        last_error=None,
        last_error_at=None,
        consecutive_failures=0,
        items_seen=100,
        last_new_item_at=NOW,
    )
    return replace(base, **kw)


def notices(s: SourceState, gap=None, down=False, silent=False):
    return health_notices(
        s, now=NOW, alert_after=timedelta(hours=24), gap=gap, down_notified=down, silent_notified=silent
    )


def test_down_only_after_alert_after_and_only_once() -> None:
    failing = state(consecutive_failures=5, failing_since=NOW - timedelta(hours=3), last_error="HTTP 500")
    assert notices(failing) == []
    long_failing = replace(failing, failing_since=NOW - timedelta(hours=30))
    [down] = notices(long_failing)
    assert down.kind == "down" and "HTTP 500" in down.text and "30 h" in down.text
    assert notices(long_failing, down=True) == []


def test_recovery_is_told_once_when_a_down_notice_was_sent() -> None:
    [back] = notices(state(), down=True)
    assert back.kind == "recovered"
    assert notices(state()) == []


def test_silent_feed_is_flagged_against_its_usual_rhythm() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(40, 60)]
    gap = usual_gap(hourly)
    assert gap == timedelta(hours=1)
    quiet = state(last_new_item_at=NOW - timedelta(hours=40))
    [silent] = notices(quiet, gap=gap)
    assert silent.kind == "silent"
    assert notices(state(last_new_item_at=NOW - timedelta(hours=4)), gap=gap) == []  # never before 12 h
    assert usual_gap(hourly[:3]) is None  # too little history to judge


async def test_the_service_sends_down_and_recovered_notices_to_the_operators_once(tmp_path: Path, botapi) -> None:
    config = parse_config('[[source]]\nname = "Feed"\nurl = "https://x.example/rss"\n', tmp_path / "sources.toml")
    store = Store.open(tmp_path / "db.sqlite3")
    source = store.sync_sources(list(config.sources))["Feed"]
    long_ago = datetime.now(timezone.utc) - timedelta(hours=30)
    store.record_poll_failure(source.id, now=long_ago, error="HTTP 503 from https://x.example/rss <&>")
    store.record_poll_failure(
        source.id, now=datetime.now(timezone.utc), error="HTTP 503 from https://x.example/rss <&>"
    )
    telegram = TelegramSettings(
        token=botapi.token, chat_id=str(botapi.chat_id), admin_chat_id=str(botapi.admin_chat_id), api_url=botapi.url
    )
    try:
        async with Service(config, store, telegram) as service:
            assert service._queue_health_notices("Feed") == 1
            assert service._queue_health_notices("Feed") == 0  # told once
            await service.sender.drain(timeout=30)
            store.record_poll_success(
                source.id, now=datetime.now(timezone.utc), etag=None, last_modified=None, new_items=0
            )
            assert service._queue_health_notices("Feed") == 1
            await service.sender.drain(timeout=30)
    finally:
        store.close()
    texts = [m.text for m in botapi.sent_to(botapi.admin_chat_id)]
    assert len(texts) == 2 and "failed for 30 h" in texts[0] and "<&>" in texts[0] and "working again" in texts[1]
    assert botapi.sent_to(botapi.chat_id) == []  # never in the public channel
