"""Custody in the channel (issue 17), through python-telegram-bot and the strict Bot API
stand-in: the pinned "In custody now" list (posted, pinned, edited at most hourly, a
release report closing a record), "due out today", the digest's custody section and
the weekly chart. Every text here is the project's own writing."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from bot.app.custody_posts import CustodyBoard, CustodyJobs, queue_due_today
from bot.app.digest import day_period, queue_digest
from bot.app.outbox import PAUSED_FLAG, Sender
from bot.app.watch import note_poll
from bot.core.analysis.result import Detainee
from bot.core.models import Settings
from bot.edges.publish import TelegramPublisher
from bot.edges.store import Store
from tests.support.custody import tell

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday
SETTINGS = Settings(
    timezone="UTC", digest_time=time(21, 0), due_out_time=time(9, 0), custody_board=True, chart_day="monday"
)


@pytest.fixture
async def channel(tmp_path: Path, botapi):
    """(store, publisher, sender) posting to the stand-in's channel."""
    store = Store.open(tmp_path / "db.sqlite3")
    publisher = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await publisher.start()
    sender = Sender(store, publisher, {"channel": str(botapi.chat_id), "admin": None}, clock=lambda: T0)
    try:
        yield store, publisher, sender
    finally:
        await publisher.stop()
        store.close()


def _two_episodes(store: Store) -> None:
    tell(
        store,
        T0,
        "Two activists jailed",
        "A court jailed activists Timur Ospanov and Dana Ermek for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
        Detainee("Dana Ermek", "10 days"),
        place="Almaty",
    )
    tell(
        store,
        T0 + timedelta(hours=2),
        "Blogger detained",
        "Police detained blogger Aliya Zhumabek in the capital.",
        Detainee("Aliya Zhumabek"),
        place="Astana",
        source="Outlet B",
    )


async def test_the_pinned_list_is_posted_pinned_and_edited_at_most_hourly(channel, botapi) -> None:
    store, publisher, sender = channel
    _two_episodes(store)
    assert (await sender.drain(timeout=30)).sent == 2  # the alerts: the list links to them
    board = CustodyBoard(store, publisher, str(botapi.chat_id), "en", owner="test")
    now = T0 + timedelta(hours=3)
    assert await board.refresh(now.date(), now=now) == "posted"
    pinned = [m for m in botapi.sent_to(botapi.chat_id) if m.pinned]
    assert len(pinned) == 1
    text = pinned[0].text
    assert text.startswith("🔒 In custody now · as of 2026-03-02") and "3 people known to be held" in text
    assert text.index("Almaty (2)") < text.index("Astana (1)")  # the largest group first
    assert "Timur Ospanov — 10 days, until 2026-03-12 (10 days left)" in text
    assert "Aliya Zhumabek — term not stated, detained 2026-03-02" in text
    links = [e["url"] for e in pinned[0].entities if e["type"] == "text_link"]
    assert "https://t.me/c/1234567890/1" in links and "https://t.me/c/1234567890/2" in links

    assert await board.refresh(now.date(), now=now + timedelta(minutes=5)) == "unchanged"
    # A release report (plain news, not an arrest) joins the episode and closes the record.
    tell(
        store,
        now + timedelta(minutes=10),
        "Activist freed",
        "Activist Timur Ospanov was released on bail.",
        Detainee("Timur Ospanov"),
        arrest=False,
        source="Outlet C",
    )
    assert await board.refresh(now.date(), now=now + timedelta(minutes=20)) == "waiting"
    assert pinned[0].edits == 0
    assert await board.refresh(now.date(), now=now + timedelta(minutes=61)) == "edited"
    assert pinned[0].edits == 1
    assert "Timur Ospanov" not in pinned[0].text and "2 people known to be held" in pinned[0].text
    assert [m.message_id for m in botapi.sent_to(botapi.chat_id) if m.pinned] == [pinned[0].message_id]


async def test_a_long_list_spans_messages_and_a_deleted_one_is_posted_again(channel, botapi) -> None:
    store, publisher, _ = channel
    for n in range(80):
        tell(
            store,
            T0 + timedelta(minutes=n),
            f"Activist {n} jailed",
            f"A court jailed activist Person{n:02d} Testov{n:02d}ich for 15 days.",
            Detainee(f"Person{n:02d} Testov{n:02d}ich", "15 days"),
            place=["Almaty", "Aktobe"][n % 2],
            source=f"Outlet {n}",
        )
    board = CustodyBoard(store, publisher, str(botapi.chat_id), "ru", owner="test")
    assert await board.refresh(T0.date(), now=T0 + timedelta(hours=2)) == "posted"
    posts = botapi.sent_to(botapi.chat_id)
    assert len(posts) >= 2 and [m.pinned for m in posts] == [True] + [False] * (len(posts) - 1)
    assert posts[0].text.startswith("🔒 Сейчас под стражей") and "(часть 1 из" in posts[0].text
    assert all(any(f"Person{n:02d}" in m.text for m in posts) for n in range(80))
    botapi.messages.remove(posts[1])  # an operator deleted the second message by hand
    tell(
        store,
        T0 + timedelta(hours=3),
        "Activist freed",
        "Активист Person00 Testov00ich вышел на свободу.",
        Detainee("Person00 Testov00ich"),
        arrest=False,
        source="Outlet Z",
        lang="ru",
    )
    assert await board.refresh(T0.date(), now=T0 + timedelta(hours=4)) in ("edited", "posted")
    assert len(botapi.sent_to(botapi.chat_id)) == len(posts)  # the deleted one replaced, nothing else added


async def test_due_out_today_is_queued_once_and_names_who_leaves(channel, botapi) -> None:
    store, _, sender = channel
    _two_episodes(store)
    day = date(2026, 3, 12)
    assert queue_due_today(store, day, "kk", now=T0 + timedelta(days=10)) is True
    assert queue_due_today(store, day, "kk", now=T0 + timedelta(days=10, hours=1)) is False
    assert queue_due_today(store, date(2026, 3, 13), "kk", now=T0 + timedelta(days=11)) is False  # nobody due
    await sender.drain(timeout=30)
    (note,) = [m for m in botapi.sent_to(botapi.chat_id) if "Бүгін босатылуы тиіс" in m.text]
    assert "Timur Ospanov" in note.text and "Dana Ermek" in note.text and "Aliya" not in note.text
    assert "10 тәулік" in note.text or "10" in note.text


async def test_the_digest_has_a_custody_section(channel, botapi) -> None:
    store, _, sender = channel
    _two_episodes(store)
    tell(
        store,
        T0 + timedelta(hours=5),
        "Blogger freed",
        "Blogger Aliya Zhumabek was released without charge.",
        Detainee("Aliya Zhumabek"),
        arrest=False,
        source="Outlet C",
    )
    for hour in range(-14, 13):  # the day was watched, a poll an hour
        note_poll(store, T0 + timedelta(hours=hour), timedelta(hours=2))
    now = T0 + timedelta(hours=13)
    result = queue_digest(store, SETTINGS, day_period(T0.date(), SETTINGS, now), now=now)
    assert result.queued
    await sender.drain(timeout=30)
    (digest,) = [m for m in botapi.sent_to(botapi.chat_id) if "🔒 Custody · 2026-03-02" in m.text]
    assert digest.text.startswith("📋 Digest")  # the section ends the digest's post
    section = digest.text[digest.text.index("🔒 Custody") :]
    assert "In custody now: 2" in section
    assert "Released today:\n• Aliya Zhumabek" in section


async def test_the_weekly_chart_is_a_photo_with_a_caption_once_a_week(channel, botapi, caplog) -> None:
    store, publisher, _ = channel
    _two_episodes(store)
    tell(
        store,
        T0 - timedelta(days=9),
        "Student detained",
        "Police detained student Erlan Kasymov at a rally.",
        Detainee("Erlan Kasymov", "5 days"),
        place="Shymkent",
        source="Outlet D",
    )
    jobs = CustodyJobs(store, publisher, str(botapi.chat_id), replace(SETTINGS, language="ru"), owner="test")
    now = T0 + timedelta(hours=4)
    assert await jobs.weekly_chart(now) == "posted"
    (photo,) = [m for m in botapi.sent_to(botapi.chat_id) if m.photo is not None]
    assert photo.photo.startswith(b"\x89PNG") and len(photo.photo) > 10_000
    assert photo.text == (
        "Задержания по дням за последние четыре недели, по регионам. Сейчас под стражей: 4."
    )  # Erlan Kasymov's term ended unreported: still counted
    assert await jobs.weekly_chart(now + timedelta(hours=1)) == "done"  # once per ISO week
    store.set_flag(PAUSED_FLAG, "test")
    assert await jobs.weekly_chart(now + timedelta(days=7)) == "paused"


async def test_the_chart_is_skipped_with_a_log_line_when_there_is_nothing_to_draw(channel, botapi, caplog) -> None:
    store, publisher, _ = channel
    jobs = CustodyJobs(store, publisher, str(botapi.chat_id), SETTINGS, owner="test")
    with caplog.at_level(logging.INFO, logger="bot.app.custody_posts"):
        assert await jobs.weekly_chart(T0) == "skipped"
    assert "skipped: no detentions in the last four weeks" in caplog.text
    assert not botapi.sent_to(botapi.chat_id)


async def test_the_running_service_pins_the_list_and_answers_custody(tmp_path: Path, botapi) -> None:
    from tests.test_admin import admin_replies, running, until

    now = datetime.now(timezone.utc)
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        tell(
            store,
            now - timedelta(days=2),
            "Activist jailed",
            "A court jailed activist Timur Ospanov for 15 days.",
            Detainee("Timur Ospanov", "15 days"),
            place="Almaty",
        )
    finally:
        store.close()
    async with running(tmp_path, botapi, settings="custody_board = true\n"):
        assert await until(lambda: any(m.pinned for m in botapi.sent_to(botapi.chat_id)))
        (pinned,) = [m for m in botapi.sent_to(botapi.chat_id) if m.pinned]
        assert "In custody now" in pinned.text and "Timur Ospanov — 15 days" in pinned.text
        botapi.push_admin_message("/custody")
        assert await until(lambda: admin_replies(botapi))
        reply = admin_replies(botapi)[0]
        assert reply.startswith("custody on ") and "#1" in reply and "(13 days left)" in reply


async def test_one_turn_of_the_service_posts_each_thing_once_per_period(channel, botapi) -> None:
    store, publisher, sender = channel
    tell(
        store,
        T0 - timedelta(days=10),
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
        place="Almaty",
    )
    jobs = CustodyJobs(store, publisher, str(botapi.chat_id), SETTINGS, owner="test")
    early = await jobs.turn(T0 - timedelta(hours=1))  # a Monday, before due_out_time
    assert (early.board, early.note_queued, early.chart) == ("posted", False, "not due")
    first = await jobs.turn(T0 + timedelta(minutes=5))
    assert (first.board, first.note_queued, first.chart) == ("unchanged", True, "posted")
    again = await jobs.turn(T0 + timedelta(minutes=10))
    assert (again.note_queued, again.chart) == (False, "done")
    await sender.drain(timeout=30)
    texts = [m.text for m in botapi.sent_to(botapi.chat_id)]
    assert sum("Due out today" in t for t in texts) == 1 and sum("Timur Ospanov — 10 days" in t for t in texts) >= 2
    tuesday = await jobs.turn(T0 + timedelta(days=1, hours=1))
    assert tuesday.chart == "not due"
