"""The operators' bot inside the running service, against the Bot API stand-in:
commands from an admin and from a stranger, pause/resume, the review buttons, /test.
Also the sender's side of /pause, without Telegram."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from bot.app.outbox import Sender
from bot.core.analysis import Analysis, Detainee
from bot.core.models import SourceConfig
from bot.core.publish.format import AlertPost, format_alert
from bot.core.triage import review_request
from bot.edges.store import NewItem, QueuedPost, Store, utcnow
from bot.entry.service import Service, TelegramSettings
from tests.support.botapi import BotAPIServer
from tests.support.feeds import ARREST_EN
from tests.test_e2e import news_feed, no_digest_yet, write_sources
from tests.test_service import serving

STRANGER = 555000111


async def until(predicate: Callable[[], object], timeout: float = 20.0) -> bool:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return False


@asynccontextmanager
async def running(
    tmp_path: Path,
    botapi: BotAPIServer,
    feeds: dict[str, str] | None = None,
    *,
    admin_ids: tuple[int, ...] | None = None,
    settings: str = "",
) -> AsyncIterator[Service]:
    """The service as `arrestwatch run` runs it, in this event loop, with the admin allowed
    (``settings``: more lines of [settings])."""
    sources = write_sources(tmp_path / "sources.toml", feeds or {}, extra=no_digest_yet() + settings)
    store = Store.open(tmp_path / "db.sqlite3")
    telegram = TelegramSettings(
        token=botapi.token,
        chat_id=str(botapi.chat_id),
        admin_chat_id=str(botapi.admin_chat_id),
        api_url=botapi.url,
        admin_ids=(botapi.admin_chat_id,) if admin_ids is None else admin_ids,
    )
    try:
        async with serving(sources, store, botapi, telegram=telegram) as service:
            yield service
    finally:
        store.close()


def sender_idle(service: Service, queued: int = 0) -> bool:
    """The sender is between drains with ``queued`` posts held and none being sent."""
    counts = service.store.outbox_counts()
    return not service.sender.draining and counts["queued"] == queued and counts["sending"] == 0


def admin_replies(botapi: BotAPIServer) -> list[str]:
    return [m.text for m in botapi.sent_to(botapi.admin_chat_id)]


def sends_to(botapi: BotAPIServer, chat: int) -> list[dict[str, Any]]:
    return [
        params
        for method, params in list(botapi.requests)
        if method.lower() == "sendmessage" and str(params.get("chat_id")) == str(chat)
    ]


def hold_for_review(store: Store) -> int:
    """Store a doubtful report and queue its review request, as the pipeline does."""
    state = store.sync_sources([SourceConfig(name="Doubtful news", url="http://127.0.0.1/feed.xml")])["Doubtful news"]
    analysis = Analysis(
        arrest=True,
        protest=False,
        detainees=(Detainee("Aidar Serikbayev", "15 days"),),
        lang="en",
        place="Almaty",
        evidence=("Police took the activist away, witnesses said.",),
        score=0.4,
        reasons=("detention verb",),
    )
    title = "Activist taken away <by police> & questioned"
    url = "http://127.0.0.1/doubtful/1"
    body = format_alert(AlertPost(title=title, url=url, source_name="Doubtful news", analysis=analysis), "en")
    now = utcnow()
    item = NewItem(
        source_id=state.id,
        keys=("test:doubtful-1",),
        guid="doubtful-1",
        url=url,
        canonical_url=url,
        content_hash="doubtful-1",
        title=title,
        text="Police took the activist away, witnesses said.",
        published_at=now,
        fetched_at=now,
        status="review",
        analysis=analysis.to_dict(),
    )
    [item_id] = store.add_items(
        [(item, QueuedPost(review_request(body, analysis), kind="review", target="admin"))], now=now
    )
    assert item_id is not None
    return item_id


# -- settings ---------------------------------------------------------------------------


def test_admin_ids_are_read_from_the_environment() -> None:
    settings = TelegramSettings.from_env({"TELEGRAM_ADMIN_IDS": " 123, 456,,123 "})
    assert settings.admin_ids == (123, 456)
    assert settings.problems() == []
    bad = TelegramSettings.from_env({"TELEGRAM_ADMIN_IDS": "123,@someone"})
    assert bad.admin_ids == ()
    assert any("TELEGRAM_ADMIN_IDS" in problem and "@someone" in problem for problem in bad.problems())


# -- commands ---------------------------------------------------------------------------


async def test_status_answers_an_admin_and_names_the_sources(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    feeds = {"EN news": web.url("/en.xml"), "Broken <feed>": web.url("/missing.xml")}
    async with running(tmp_path, botapi, feeds) as service:
        assert await until(lambda: sum(s.last_polled_at is not None for s in service.store.source_states()) == 2)
        botapi.push_admin_message("/status")
        assert await until(lambda: admin_replies(botapi))
        status = admin_replies(botapi)[0]
        assert "1 ok, 1 failing" in status
        assert "Broken <feed>" in status and "404" in status
        assert "Posting to the channel" in status
        assert {c["command"] for c in botapi.commands} >= {"status", "sources", "pause", "resume", "digest", "test"}

        botapi.push_admin_message("/sources")
        assert await until(lambda: len(admin_replies(botapi)) == 2)
        listing = admin_replies(botapi)[1]
        assert "EN news (rss)" in listing and "Broken <feed> (rss)" in listing
        assert "last success: never" in listing


async def test_a_stranger_gets_no_answer_and_is_logged(tmp_path: Path, botapi, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="bot.app.admin")
    async with running(tmp_path, botapi):
        botapi.push_update(
            {
                "message": {
                    "message_id": 1,
                    "date": 1700000000,
                    "text": "/status",
                    "chat": {"id": STRANGER, "type": "private", "first_name": "Mallory"},
                    "from": {"id": STRANGER, "is_bot": False, "first_name": "Mallory"},
                    "entities": [{"type": "bot_command", "offset": 0, "length": 7}],
                }
            }
        )
        botapi.push_admin_message("/status")  # updates are handled in order: this answer comes after
        assert await until(lambda: admin_replies(botapi))
        assert await until(lambda: any(str(STRANGER) in r.getMessage() for r in caplog.records))  # refused
    assert sends_to(botapi, STRANGER) == []
    assert len(admin_replies(botapi)) == 1
    assert any(str(STRANGER) in r.getMessage() and "TELEGRAM_ADMIN_IDS" in r.getMessage() for r in caplog.records)
    assert not any("Mallory" in r.getMessage() for r in caplog.records)


async def test_without_admin_ids_commands_are_off(tmp_path: Path, botapi, caplog) -> None:
    caplog.set_level(logging.INFO, logger="bot.entry.service")
    async with running(tmp_path, botapi, admin_ids=()) as service:
        botapi.push_admin_message("/status")
        # Started, with the admin loop's decision logged: commands stay off from here on.
        assert await until(
            lambda: service.started.is_set() and any("TELEGRAM_ADMIN_IDS" in r.getMessage() for r in caplog.records)
        )
    assert admin_replies(botapi) == []
    assert not any(method.lower() == "getupdates" for method, _ in botapi.requests)
    assert any("TELEGRAM_ADMIN_IDS" in r.getMessage() for r in caplog.records)


async def test_pause_holds_channel_posts_and_resume_releases_them(tmp_path: Path, botapi) -> None:
    async with running(tmp_path, botapi) as service:
        botapi.push_admin_message("/pause")
        assert await until(lambda: admin_replies(botapi))
        assert "Posting paused" in admin_replies(botapi)[0]
        service.store.queue_post(QueuedPost("🚨 <b>Held alert</b> &amp; more"), now=utcnow())
        service.store.queue_post(QueuedPost("operators' notice", kind="notice", target="admin"), now=utcnow())
        service.wake_sender()
        assert await until(lambda: any("operators' notice" in t for t in admin_replies(botapi)))
        assert await until(lambda: sender_idle(service, queued=1))  # the drain ended with the alert held
        assert botapi.sent_to(botapi.chat_id) == []
        assert service.store.outbox_counts()["queued"] == 1

        botapi.push_admin_message("/status")
        assert await until(lambda: any("paused" in t for t in admin_replies(botapi)[2:]))

        botapi.push_admin_message("/resume")
        assert await until(lambda: botapi.sent_to(botapi.chat_id))
        assert [m.text for m in botapi.sent_to(botapi.chat_id)] == ["🚨 Held alert & more"]
        assert any("Posting resumed" in t for t in admin_replies(botapi))
        assert service.store.flag("paused") is None


async def test_digest_command_queues_todays_digest_once(tmp_path: Path, botapi) -> None:
    from datetime import datetime, timedelta, timezone

    from bot.app.watch import note_poll

    async with running(tmp_path, botapi) as service:
        now = datetime.now(timezone.utc)
        for moment in (now - timedelta(hours=25), now):  # the last day was watched
            note_poll(service.store, moment, timedelta(hours=30))
        botapi.push_admin_message("/digest")
        assert await until(lambda: botapi.sent_to(botapi.chat_id))
        assert "no arrests reported" in botapi.sent_to(botapi.chat_id)[0].text
        assert await until(lambda: admin_replies(botapi))
        assert "queued" in admin_replies(botapi)[0]
        botapi.push_admin_message("/digest")
        assert await until(lambda: len(admin_replies(botapi)) == 2)
        assert "less than an hour ago" in admin_replies(botapi)[1]
    assert len(botapi.sent_to(botapi.chat_id)) == 1


async def test_test_command_shows_the_post_an_article_would_make(tmp_path: Path, web, botapi) -> None:
    web.add(
        "/news/jailed.html",
        "<html><head><title>Almaty activist jailed for 15 days over picket</title></head><body>"
        "<nav>Home | World</nav><article><h1>Almaty activist jailed for 15 days over picket</h1>"
        + "".join(f"<p>{sentence}.</p>" for sentence in ARREST_EN.split(". "))
        + "</article></body></html>",
    )
    web.add_redirect("/news/moved.html", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data")  # 169.254.169.254
    # A configured source on the test server's host: only that makes its local pages fetchable.
    async with running(tmp_path, botapi, {"Local": web.url("/missing.xml")}) as service:
        assert await until(lambda: any(s.last_polled_at is not None for s in service.store.source_states()))
        assert service.analysis is not None and service.analysis.pids() == []  # a failed feed needs no analysis
        botapi.push_admin_message(f"/test {web.url('/news/jailed.html')}")
        assert await until(lambda: admin_replies(botapi), timeout=60)
        reply = admin_replies(botapi)[0]
        assert "would be posted" in reply and "Score" in reply
        assert "Aidar Serikbayev" in reply and "15 days" in reply
        assert service.store.item_count() == 0
        assert service.store.outbox_counts()["queued"] == 0
        assert service.analysis.pids() != []  # analysed in the child process, not in the service's

        botapi.push_admin_message(f"/test {web.url('/news/moved.html')}")
        assert await until(lambda: len(admin_replies(botapi)) == 2, timeout=30)
        assert "private or local address" in admin_replies(botapi)[1]

        botapi.push_admin_message(f"/test {web.url('/nothing-here')}")
        assert await until(lambda: len(admin_replies(botapi)) == 3, timeout=30)
        assert "Could not fetch" in admin_replies(botapi)[2]
        botapi.push_admin_message("/test javascript:alert(1)")
        assert await until(lambda: len(admin_replies(botapi)) == 4)
        assert "Usage" in admin_replies(botapi)[3]
    assert botapi.sent_to(botapi.chat_id) == []


# -- review buttons ---------------------------------------------------------------------


async def review_message(botapi: BotAPIServer) -> int:
    assert await until(lambda: any(m.reply_markup for m in botapi.sent_to(botapi.admin_chat_id)))
    return next(m for m in botapi.sent_to(botapi.admin_chat_id) if m.reply_markup).message_id


def answered(botapi: BotAPIServer) -> int:
    return sum(method.lower() == "answercallbackquery" for method, _ in list(botapi.requests))


async def test_approve_posts_the_alert_once_even_on_a_double_click(tmp_path: Path, botapi) -> None:
    async with running(tmp_path, botapi) as service:
        item_id = hold_for_review(service.store)
        service.wake_sender()
        message_id = await review_message(botapi)
        botapi.push_callback(f"approve:{item_id}", message_id=message_id)
        botapi.push_callback(f"approve:{item_id}", message_id=message_id)
        assert await until(lambda: answered(botapi) == 2)
        assert await until(lambda: botapi.sent_to(botapi.chat_id))
        assert await until(lambda: sender_idle(service))  # whatever the second click queued is sent by now
        channel = botapi.sent_to(botapi.chat_id)
        assert len(channel) == 1
        assert (
            "Aidar Serikbayev" in channel[0].text and "Activist taken away <by police> & questioned" in channel[0].text
        )
        review = next(m for m in botapi.sent_to(botapi.admin_chat_id) if m.message_id == message_id)
        assert review.edited and review.reply_markup is None
        assert review.text.startswith("✅ Approved by Admin")
        assert "Doubtful report" in review.text  # the evidence stays visible
        assert [i.id for i in service.store.items_with_status("alert")] == [item_id]
    answers = [p for m, p in botapi.requests if m.lower() == "answercallbackquery"]
    assert "queued" in answers[0]["text"] and "not waiting for review" in answers[1]["text"]


async def test_reject_records_the_decision_and_posts_nothing(tmp_path: Path, botapi) -> None:
    async with running(tmp_path, botapi) as service:
        item_id = hold_for_review(service.store)
        service.wake_sender()
        message_id = await review_message(botapi)
        botapi.push_callback(f"reject:{item_id}", message_id=message_id)
        assert await until(lambda: answered(botapi) == 1)
        assert await until(lambda: any(m.edited for m in botapi.sent_to(botapi.admin_chat_id)))
        assert await until(lambda: sender_idle(service))
        review = next(m for m in botapi.sent_to(botapi.admin_chat_id) if m.message_id == message_id)
        assert review.text.startswith("❌ Rejected by Admin")
        assert [i.id for i in service.store.items_with_status("rejected")] == [item_id]
        assert service.store.items_with_status("review") == []
    assert botapi.sent_to(botapi.chat_id) == []


# -- the sender while paused --------------------------------------------------------------


class RecordingPublisher:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def send(
        self, chat_id: str, html: str, *, reply_markup: dict[str, Any] | None = None, reply_to: int | None = None
    ) -> int:
        self.sent.append((chat_id, html))
        return len(self.sent)


async def test_sender_keeps_channel_posts_queued_while_paused(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    publisher = RecordingPublisher()
    sender = Sender(store, publisher, {"channel": "@channel", "admin": "42"})
    store.queue_post(QueuedPost("alert one"), now=utcnow())
    store.queue_post(QueuedPost("a notice", kind="notice", target="admin"), now=utcnow())
    store.queue_post(QueuedPost("alert two"), now=utcnow() + timedelta(seconds=1))
    store.set_flag("paused", utcnow().isoformat())

    report = await sender.drain(timeout=5)
    assert publisher.sent == [("42", "a notice")]
    assert report.paused and report.sent == 1 and report.left == 2
    assert store.outbox_counts()["queued"] == 2

    store.set_flag("paused", None)
    report = await sender.drain(timeout=5)
    assert [body for _, body in publisher.sent] == ["a notice", "alert one", "alert two"]
    assert not report.paused and report.left == 0
    store.close()


def test_long_replies_are_cut_between_lines() -> None:
    from bot.app.admin import fit

    lines = ["<b>head</b>"] + [f"• <b>source {i}</b> — last success: never" for i in range(500)]
    text = fit(lines)
    assert len(text.encode("utf-16-le")) // 2 <= 4096
    assert text.endswith("more lines</i>")
    from tests.support.botapi import parse_html

    parse_html(text)  # still valid Telegram HTML


async def test_outbox_and_retry_commands_send_a_failed_post_again(tmp_path: Path, botapi) -> None:
    async with running(tmp_path, botapi) as service:
        store = service.store
        store.queue_post(QueuedPost("🚨 Lost alert &amp; more"), now=utcnow())
        [entry] = store.outbox_entries()
        claimed = store.claim_next(owner="test", now=utcnow())  # as a sender would, then fail it
        assert claimed is not None and claimed.id == entry.id
        store.mark_failed(
            entry.id, "Telegram rejected the message: Bad Request: can't parse entities", owner="test", now=utcnow()
        )
        botapi.push_admin_message("/outbox")
        assert await until(lambda: admin_replies(botapi))
        assert f"{entry.id} alert (failed)" in admin_replies(botapi)[0] and "can't parse" in admin_replies(botapi)[0]
        botapi.push_admin_message("/retry failed")
        assert await until(lambda: botapi.sent_to(botapi.chat_id))
        assert [m.text for m in botapi.sent_to(botapi.chat_id)] == ["🚨 Lost alert & more"]
        assert any("Queued again" in text for text in admin_replies(botapi))
        botapi.push_admin_message("/retry 12345")
        assert await until(lambda: any("Nothing to retry" in text for text in admin_replies(botapi)))
    assert len(botapi.sent_to(botapi.chat_id)) == 1


# -- nothing left open --------------------------------------------------------------------


def open_http_clients() -> list[httpx.AsyncClient]:
    """HTTP clients still open once everything unreachable is collected."""
    gc.collect()
    return [obj for obj in gc.get_objects() if isinstance(obj, httpx.AsyncClient) and not obj.is_closed]


async def test_a_stopped_service_leaves_no_http_client_open(tmp_path: Path, botapi) -> None:
    # Stopping the operators' bot ends with one more getUpdates (to confirm the last
    # update); a slow answer keeps the bot stopping while the service finishes stopping.
    assert open_http_clients() == []
    async with running(tmp_path, botapi) as service:
        assert await until(
            lambda: (
                service.admin is not None and any(method.lower() == "getupdates" for method, _ in list(botapi.requests))
            )
        )
        admin = service.admin  # held here, so its clients cannot vanish unclosed with it
        botapi.delays["getupdates"] = 0.5
    assert not admin.application.running
    assert open_http_clients() == []


# -- one Telegram stack ---------------------------------------------------------------------


async def test_commands_and_posts_share_one_application_that_outlives_a_lease_handover(botapi) -> None:
    """The operators' commands run on the publisher's Application: losing the admin lease
    stops polling but not posting, and taking it back answers commands again."""
    from types import SimpleNamespace

    from bot.app.admin import AdminBot
    from bot.edges.publish import TelegramPublisher

    publisher = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await publisher.start()
    telegram = SimpleNamespace(token=botapi.token, admin_ids=(botapi.admin_chat_id,))
    try:
        for turn in range(2):
            admin = AdminBot(
                telegram,
                None,
                publisher.application,
                config=lambda: None,
                fetcher=None,  # type: ignore[arg-type]
                analyze_many=None,
                wake_sender=lambda: None,
                watch_gap=lambda: timedelta(0),
                poll_timeout=1,
            )
            assert admin.application is publisher.application
            await admin.start()
            try:
                botapi.push_admin_message("/help")
                assert await until(lambda turn=turn: len(admin_replies(botapi)) == turn + 1)
            finally:
                await admin.stop()  # the lease went to another worker
            assert not publisher.application.running
            await publisher.send(str(botapi.chat_id), f"post {turn}")  # the publisher's bot stays open
        assert [m.text for m in botapi.sent_to(botapi.chat_id)] == ["post 0", "post 1"]
        assert all("/status" in reply for reply in admin_replies(botapi))
        assert len(publisher.application.handlers.get(0, [])) == 0  # each admin took its handlers off
    finally:
        await publisher.stop()
