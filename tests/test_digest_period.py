"""The digest tells the truth (issue 15, surprise 5): it covers the time since the last
digest and says so, counts what was posted just before it, refuses days not over yet,
names the hours nobody watched, and a service that has watched nothing posts none."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bot.app.watch import extend, unwatched
from bot.core.publish.format import DigestPeriod, format_digest
from bot.edges.config import load_config
from bot.edges.store import Store
from bot.entry.service import Service, TelegramSettings
from tests.test_e2e import write_sources
from tests.test_golive import cli, error_lines

T0 = datetime(2026, 12, 2, 16, 0, tzinfo=timezone.utc)  # 21:00 in Almaty
GAP = timedelta(minutes=30)


def test_watch_spans_grow_with_polls_and_leave_the_gaps_unwatched() -> None:
    spans: list[tuple[datetime, datetime]] = []
    for minutes in range(0, 120, 10):  # polls every 10 minutes for two hours
        spans = extend(spans, T0 + timedelta(minutes=minutes), GAP)
    spans = extend(spans, T0 + timedelta(hours=6), GAP)  # down for four hours, then back
    assert len(spans) == 2
    blind = unwatched(spans, T0 - timedelta(hours=1), T0 + timedelta(hours=6, minutes=20), GAP)
    assert blind == [(T0 - timedelta(hours=1), T0), (T0 + timedelta(minutes=140), T0 + timedelta(hours=6))]
    assert unwatched(spans, T0, T0 + timedelta(minutes=110), GAP) == []


def test_a_poll_in_the_same_second_as_a_digest_by_hand_counts_as_watched() -> None:
    # `once` then `digest` within one second: the poll is stored as 12:00:05 (to the
    # second) and the digest asked at 12:00:05.9. Its end was 12:00:05, the poll fell
    # on it, and the whole day read "not watched": nothing was posted.
    from bot.app.digest import manual_period
    from bot.core.models import Settings

    settings = Settings()
    poll = datetime(2026, 12, 3, 12, 0, 5, tzinfo=timezone.utc)
    spans = extend([], poll, GAP)
    period = manual_period(poll + timedelta(microseconds=900_000), settings, None)
    assert period.end == poll + timedelta(seconds=1)
    assert unwatched(spans, period.start, period.end, GAP) == [(period.start, poll)]
    # A digest asked on the second exactly ends there.
    assert manual_period(poll, settings, None).end == poll


def test_the_digest_text_names_its_period_and_the_hours_not_watched() -> None:
    period = DigestPeriod(T0, T0 + timedelta(days=1), "Asia/Almaty", key="2026-12-03")
    [quiet] = format_digest(period, [], "en", unwatched=[(T0, T0 + timedelta(hours=3))])
    assert "2 Dec 21:00 – 3 Dec 21:00, Asia/Almaty" in quiet
    assert "no arrests reported" in quiet
    assert "Not watched from 2 Dec 21:00 to 3 Dec 00:00" in quiet
    [russian] = format_digest(period, [], "ru")
    assert "2 дек 21:00 – 3 дек 21:00, Asia/Almaty" in russian


def test_digest_refuses_a_day_that_is_not_over(tmp_path: Path, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra='timezone = "UTC"\ndigest_time = "23:59"\n')
    tomorrow = (datetime.now(timezone.utc).date() + timedelta(days=1)).isoformat()
    result = cli(tmp_path, "digest", "--date", tomorrow, botapi=botapi)
    assert result.returncode == 2
    assert len(error_lines(result.stderr)) == 1 and "has not come yet" in result.stderr
    assert botapi.messages == []
    past = cli(tmp_path, "digest", "--date", "2026-01-02", botapi=botapi)
    assert past.returncode == 0 and "did not watch" in past.stderr  # nothing watched then: nothing posted
    assert botapi.messages == []


async def test_run_started_after_digest_time_on_an_empty_database_posts_no_digest(tmp_path: Path, botapi) -> None:
    sources = write_sources(tmp_path / "sources.toml", {}, extra='timezone = "UTC"\ndigest_time = "00:00"\n')
    telegram = TelegramSettings(token=botapi.token, chat_id=str(botapi.chat_id), api_url=botapi.url)
    store = Store.open(tmp_path / "db.sqlite3")
    stop = asyncio.Event()
    async with Service(load_config(sources), store, telegram) as service:
        task = asyncio.create_task(service.run(stop=stop))
        await asyncio.sleep(3)
        stop.set()
        await asyncio.wait_for(task, timeout=10)
    store.close()
    assert botapi.messages == []  # no "no arrests in the last 24 hours" before the first poll


def test_a_rebuilt_past_day_keeps_its_window(tmp_path: Path) -> None:
    from bot.app.digest import day_period
    from bot.core.models import Settings

    period = day_period(date(2026, 12, 3), Settings(), datetime(2026, 12, 4, tzinfo=timezone.utc))
    assert (period.start, period.end) == (T0, T0 + timedelta(days=1))


def test_the_scheduled_digest_starts_where_the_last_one_ended_and_is_not_repeated(tmp_path: Path) -> None:
    from bot.app.digest import manual_digest, scheduled_digest
    from bot.app.watch import note_poll
    from bot.core.models import Settings

    settings = Settings()  # 21:00 Asia/Almaty = 16:00 UTC
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        note_poll(store, T0 - timedelta(days=2), timedelta(days=4))
        note_poll(store, T0 + timedelta(days=1, hours=2), timedelta(days=4))
        by_hand = manual_digest(store, settings, now=T0 + timedelta(hours=5))  # 3 Dec 02:00 in Almaty
        assert by_hand.queued and by_hand.period.start == T0 - timedelta(hours=19)
        due = scheduled_digest(store, settings, date(2026, 12, 3), now=T0 + timedelta(days=1))
        assert due.queued and (due.period.start, due.period.end) == (T0 + timedelta(hours=5), T0 + timedelta(days=1))
        late = manual_digest(store, settings, now=T0 + timedelta(days=1, hours=2))
        assert late.queued and late.period.start == T0 + timedelta(days=1)
        again = scheduled_digest(store, settings, date(2026, 12, 3), now=T0 + timedelta(days=1, hours=3))
        assert not again.queued  # the day's key is taken
    finally:
        store.close()
