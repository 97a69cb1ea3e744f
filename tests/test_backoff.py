"""Backoff for failing sources: grows, is capped, honours Retry-After."""

from datetime import timedelta

from bot.pipeline import BACKOFF_CAP, backoff_delay


def test_first_failure_retries_at_the_normal_interval() -> None:
    assert backoff_delay(timedelta(minutes=10), 1) == timedelta(0)


def test_delay_grows_with_failures_and_is_capped() -> None:
    interval = timedelta(minutes=10)
    delays = [backoff_delay(interval, n) for n in range(2, 8)]
    assert timedelta(minutes=16) <= delays[0] <= timedelta(minutes=24)
    assert delays[3] > delays[0] * 4
    assert all(d <= BACKOFF_CAP * 1.2 for d in (backoff_delay(interval, n) for n in range(2, 60)))


def test_retry_after_is_a_floor() -> None:
    assert backoff_delay(timedelta(minutes=1), 1, retry_after=900) == timedelta(seconds=900)
    assert backoff_delay(timedelta(minutes=1), 1, retry_after=10 ** 9) == BACKOFF_CAP
