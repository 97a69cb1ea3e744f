"""The one backoff policy (bot/core/backoff.py): for failing sources it grows, is capped and
honours Retry-After; the sender uses the same policy between tries of a post, and waits
at least as long as Telegram's retry_after."""

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.core.backoff import POLL_CAP, SEND, Backoff, poll_delay
from bot.edges.store import Store


def test_first_failure_retries_at_the_normal_interval() -> None:
    assert poll_delay(timedelta(minutes=10), 1) == timedelta(0)


def test_delay_grows_with_failures_and_is_capped() -> None:
    interval = timedelta(minutes=10)
    delays = [poll_delay(interval, n) for n in range(2, 8)]
    assert timedelta(minutes=16) <= delays[0] <= timedelta(minutes=24)
    assert delays[3] > delays[0] * 4
    assert all(d <= POLL_CAP * 1.2 for d in (poll_delay(interval, n) for n in range(2, 60)))


def test_retry_after_is_a_floor() -> None:
    assert poll_delay(timedelta(minutes=1), 1, retry_after=900) == timedelta(seconds=900)
    assert poll_delay(timedelta(minutes=1), 1, retry_after=10**9) == POLL_CAP


def test_sending_backs_off_in_seconds_with_jitter_below_the_doubling() -> None:
    assert SEND.delay(0) == 0
    firsts = {SEND.delay(1) for _ in range(50)}
    assert all(1.0 <= d <= 2.0 for d in firsts) and len(firsts) > 1  # jittered: posts do not retry in step
    assert all(16.0 <= SEND.delay(5) <= 32.0 for _ in range(20))
    assert all(60.0 <= SEND.delay(n) <= 120.0 for n in range(7, 100))
    assert SEND.delay(1, retry_after=30) == 30 and SEND.delay(1, retry_after=10**6) == 120


def test_a_policy_is_exponential_capped_and_jittered_by_its_range() -> None:
    steady = Backoff(first=3.0, cap=20.0, jitter=(1.0, 1.0))
    assert [steady.delay(n) for n in range(6)] == [0.0, 3.0, 6.0, 12.0, 20.0, 20.0]
    assert steady.delay(10**6) == 20.0  # no overflow however long it fails


async def test_the_sender_waits_out_telegrams_retry_after_before_sending_again(tmp_path: Path, botapi) -> None:
    """Flood control longer than the publisher sleeps through comes back to the outbox,
    which retries the post no sooner than Telegram asked (not after its 1-2 s backoff)."""
    from bot.app.outbox import Sender
    from bot.edges.publish import TelegramPublisher
    from bot.edges.store import QueuedPost

    store = Store.open(tmp_path / "db.sqlite3")
    publisher = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0, max_flood_wait=0.5)
    await publisher.start()
    accepted: list[float] = []
    botapi.on_message = lambda message: accepted.append(time.monotonic())
    try:
        store.queue_post(QueuedPost("<b>alert</b>"), now=datetime.now(timezone.utc))
        sender = Sender(store, publisher, {"channel": str(botapi.chat_id), "admin": None})
        botapi.rate_limit(1, retry_after=3)
        started = time.monotonic()
        report = await sender.drain(timeout=30)
        assert (report.sent, report.retried, report.failed, report.left) == (1, 1, 0, 0)
        assert accepted and accepted[0] - started >= 3.0
        assert [m.text for m in botapi.messages] == ["alert"]
        assert sum(1 for method, _ in botapi.requests if method == "sendMessage") == 2
    finally:
        await publisher.stop()
        store.close()
