"""Telegram's per-chat limits as a pure sliding window (no sleeping in tests)."""

from bot.core.publish.pacing import ChatPacer


def test_one_post_a_second_at_most() -> None:
    pacer = ChatPacer(per_minute=20, min_gap=1.0)
    assert pacer.delay(100.0) == 0
    pacer.record(100.0)
    assert abs(pacer.delay(100.4) - 0.6) < 1e-9


def test_twenty_posts_in_any_minute() -> None:
    pacer = ChatPacer(per_minute=20, min_gap=1.0)
    now = 0.0
    sent = []
    while len(sent) < 45:
        now += pacer.delay(now)
        pacer.record(now)
        sent.append(now)
    for i in range(len(sent) - 20):
        assert sent[i + 20] - sent[i] >= 60.0  # never 21 posts within 60 s
    assert all(b - a >= 1.0 for a, b in zip(sent, sent[1:]))
    assert sent[19] == 19.0  # the first twenty go out a second apart, without waiting longer


def test_a_new_sender_starts_from_the_posts_other_workers_made() -> None:
    pacer = ChatPacer(per_minute=3, min_gap=1.0)
    pacer.seed([100.0, 130.0, 95.0])  # three posts in the last minute, by another worker
    assert pacer.delay(131.0) == 24.0  # the oldest (95) leaves the window at 155
