"""Publishing through python-telegram-bot to the strict Bot API stand-in, over real HTTP."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.edges.logs import configure_logging
from bot.edges.publish import ConsolePublisher, PublishError, TelegramPublisher, html_to_text
from tests.support.botapi import BotAPIServer, HTMLParseError, parse_html


@pytest.fixture
async def publisher(botapi: BotAPIServer) -> AsyncIterator[TelegramPublisher]:
    telegram = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await telegram.start()
    try:
        yield telegram
    finally:
        await telegram.stop()


def send_calls(botapi: BotAPIServer) -> int:
    return sum(1 for method, _ in botapi.requests if method == "sendMessage")


# -- TelegramPublisher ------------------------------------------------------------------


async def test_post_arrives_with_bold_html_and_no_link_preview(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    html = '<b>Aidar Serikbayev</b> jailed for 15 days\n<a href="https://example.org/1">Source</a>'
    message_id = await publisher.send(str(botapi.chat_id), html)
    [message] = botapi.messages
    assert message.message_id == message_id
    assert message.chat_id == botapi.chat_id
    assert message.html == html
    assert message.text == "Aidar Serikbayev jailed for 15 days\nSource"
    assert message.parse_mode == "HTML" and message.link_preview_disabled
    assert {"type": "bold", "offset": 0, "length": 16} in message.entities


async def test_channel_name_reply_and_buttons_reach_telegram(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    first = await publisher.send("@arrestwatch_test", "first")
    markup = {"inline_keyboard": [[{"text": "Not an arrest", "callback_data": "wrong:1"}]]}
    second = await publisher.send(str(botapi.chat_id), "second", reply_markup=markup, reply_to=first)
    assert second == first + 1
    assert botapi.messages[1].reply_to_message_id == first
    assert botapi.messages[1].reply_markup == markup


async def test_invalid_html_is_a_permanent_error(publisher: TelegramPublisher, botapi: BotAPIServer) -> None:
    with pytest.raises(PublishError) as caught:
        await publisher.send(str(botapi.chat_id), "<b>Aidar</i> & co")
    assert caught.value.permanent
    assert "parse entities" in str(caught.value)
    assert botapi.messages == []


async def test_too_long_text_is_rejected_but_markup_does_not_count(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    await publisher.send(str(botapi.chat_id), "<b>" + "a" * 4096 + "</b>")
    with pytest.raises(PublishError) as caught:
        await publisher.send(str(botapi.chat_id), "a" * 4097)
    assert caught.value.permanent and "too long" in str(caught.value)
    with pytest.raises(PublishError):
        await publisher.send(str(botapi.chat_id), "😀" * 2049)  # 4098 UTF-16 code units
    assert len(botapi.messages) == 1


async def test_unknown_chat_is_permanent_and_names_the_setting(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    with pytest.raises(PublishError) as caught:
        await publisher.send("-100999", "hello")
    assert caught.value.permanent
    assert "chat not found" in str(caught.value).lower() and "TELEGRAM_CHAT_ID" in str(caught.value)


async def test_flood_control_is_waited_out_and_the_message_arrives_once(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    botapi.rate_limit(1, retry_after=1)
    started = time.monotonic()
    message_id = await publisher.send(str(botapi.chat_id), "after the flood")
    assert time.monotonic() - started >= 1.0
    assert [m.message_id for m in botapi.messages] == [message_id]
    assert send_calls(botapi) == 2


async def test_flood_control_longer_than_we_wait_is_transient(botapi: BotAPIServer) -> None:
    telegram = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0, max_flood_wait=0.5)
    botapi.rate_limit(1, retry_after=1)
    try:
        with pytest.raises(PublishError) as caught:
            await telegram.send(str(botapi.chat_id), "hello")
    finally:
        await telegram.stop()
    assert not caught.value.permanent and caught.value.retry_after == 1
    assert botapi.messages == []


async def test_server_error_is_transient_and_the_next_send_works(
    publisher: TelegramPublisher, botapi: BotAPIServer
) -> None:
    botapi.fail_next(1, status=500)
    with pytest.raises(PublishError) as caught:
        await publisher.send(str(botapi.chat_id), "hello")
    assert not caught.value.permanent
    await publisher.send(str(botapi.chat_id), "hello")
    assert len(botapi.messages) == 1


async def test_unreachable_telegram_is_transient() -> None:
    server = BotAPIServer().start()
    url, token, chat = server.url, server.token, server.chat_id
    server.stop()
    telegram = TelegramPublisher(token, api_url=url, min_interval=0, connect_timeout=2)
    try:
        await telegram.start()  # logged, not raised: posts stay queued
        with pytest.raises(PublishError) as caught:
            await telegram.send(str(chat), "hello")
    finally:
        await telegram.stop()
    assert not caught.value.permanent


async def test_wrong_token_is_permanent_and_never_shown(botapi: BotAPIServer) -> None:
    wrong = botapi.token[:-4] + "zzzz"
    telegram = TelegramPublisher(wrong, api_url=botapi.url, min_interval=0)
    try:
        with pytest.raises(PublishError) as at_start:
            await telegram.start()
        with pytest.raises(PublishError) as at_send:
            await telegram.send(str(botapi.chat_id), "hello")
    finally:
        await telegram.stop()
    for caught in (at_start, at_send):
        assert caught.value.permanent and "TELEGRAM_BOT_TOKEN" in str(caught.value)
        assert wrong not in str(caught.value) and wrong not in repr(caught.value)
    assert at_start.value.__cause__ is None and at_start.value.__suppress_context__


async def test_posts_to_one_chat_are_paced(botapi: BotAPIServer) -> None:
    telegram = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0.3)
    try:
        started = time.monotonic()
        await telegram.send(str(botapi.chat_id), "one")
        await telegram.send(str(botapi.admin_chat_id), "other chat, not delayed")
        assert time.monotonic() - started < 0.3
        await telegram.send(str(botapi.chat_id), "two")
        assert time.monotonic() - started >= 0.3
    finally:
        await telegram.stop()


# -- ConsolePublisher and html_to_text --------------------------------------------------


async def test_console_prints_plain_text_separated_by_blank_lines() -> None:
    out = io.StringIO()
    console = ConsolePublisher(out)
    first = await console.send("console", '<b>Aidar</b> jailed &amp; fined\n<a href="https://example.org/1">Source</a>')
    second = await console.send(
        "console", "second", reply_markup={"inline_keyboard": [[{"text": "OK", "callback_data": "ok"}]]}
    )
    assert (first, second) == (1, 2)
    assert out.getvalue() == "Aidar jailed & fined\nSource (https://example.org/1)\n\nsecond\n[OK]\n\n"


def test_console_uses_the_current_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    asyncio.run(ConsolePublisher().send("console", "<i>hello</i>"))
    assert capsys.readouterr().out == "hello\n\n"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<a href="https://x.org/">https://x.org/</a>', "https://x.org/"),
        ('<a href="https://x.org/a">story</a>', "story (https://x.org/a)"),
        ("line<br>next\nthird", "line\nnext\nthird"),
        ("https://example.org/only-a-url", "https://example.org/only-a-url"),
        ("&lt;b&gt; stays text", "<b> stays text"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


# -- logging ------------------------------------------------------------------------------


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_configure_logging_redacts_the_token(restore_logging: None, capsys: pytest.CaptureFixture[str]) -> None:
    token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
    configure_logging("INFO", token)
    log = logging.getLogger("bot.test")
    log.info("POST https://api.telegram.org/bot%s/sendMessage", token)
    try:
        raise RuntimeError(f"The token `{token}` was rejected by the server.")
    except RuntimeError:
        log.exception("start-up failed")
    log.warning("someone else's token: https://api.telegram.org/bot123456:ABCdef_ghi-jkl/getMe")
    err = capsys.readouterr().err
    assert token not in err and "ABCdef_ghi-jkl" not in err
    assert "https://api.telegram.org/bot<redacted>/sendMessage" in err
    assert "The token `<redacted>` was rejected" in err and "Traceback" in err
    assert " INFO bot.test: " in err
    assert logging.getLogger("httpx").level == logging.WARNING


def test_configure_logging_rejects_an_unknown_level(restore_logging: None) -> None:
    with pytest.raises(ValueError, match="VERBOSE"):
        configure_logging("VERBOSE")


# -- the stand-in's HTML validator ----------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<b>bold</b> and <strong>strong</strong>", "bold and strong"),
        ("<b><i><u>nested</u></i></b>", "nested"),
        ("<B>upper case tags</B>", "upper case tags"),
        ('<a href="https://e.org/?a=1&amp;b=2">link</a>', "link"),
        ("<a href='https://e.org/'>single quotes</a>", "single quotes"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ('<span class="tg-spoiler">hidden</span> <tg-spoiler>too</tg-spoiler>', "hidden too"),
        ("<blockquote expandable>quote</blockquote>", "quote"),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
        ("&lt;&gt;&amp;&quot; &#65;&#x42;", '<>&" AB'),
        ("a > b, a >= b", "a > b, a >= b"),
        ("  padded\n", "padded"),
    ],
)
def test_validator_accepts_what_telegram_accepts(html: str, text: str) -> None:
    assert parse_html(html).text == text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("<b>never closed", "Can't find end tag"),
        ("closed</b>", "Unexpected end tag"),
        ("<div>x</div>", 'Unsupported start tag "div"'),
        ("line<br>break", 'Unsupported start tag "br"'),
        ("Tom & Jerry", "Unsupported HTML entity"),
        ("&nbsp;", "Unsupported HTML entity"),
        ("&#xD800;", "Invalid character reference"),
        ("1 < 2", 'Unsupported start tag ""'),
        ("<a>no href</a>", '"href"'),
        ("<span>plain span</span>", "tg-spoiler"),
        ('<b class="x>unclosed', "Unclosed start tag"),
        ("<b>x</b", "Unclosed end tag"),
    ],
)
def test_validator_rejects_what_telegram_rejects(html: str, reason: str) -> None:
    with pytest.raises(HTMLParseError, match=reason):
        parse_html(html)


def test_validator_counts_offsets_in_utf16_and_reports_byte_offsets() -> None:
    parsed = parse_html("<b>😀x</b> <i>y</i>")
    assert parsed.entities == [{"type": "bold", "offset": 0, "length": 3}, {"type": "italic", "offset": 4, "length": 1}]
    with pytest.raises(HTMLParseError, match="byte offset 5"):
        parse_html("😀 <x>")


# -- the stand-in's protocol ---------------------------------------------------------------


def test_stand_in_answers_like_telegram(botapi: BotAPIServer) -> None:
    base = f"{botapi.url}/bot{botapi.token}"
    with httpx.Client(timeout=5) as client:
        wrong = client.post(f"{botapi.url}/bot123:nope/getMe")
        assert wrong.status_code == 401
        assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        assert client.get(f"{base}/sendSticker").json()["description"] == "Not Found"
        assert client.get(f"{base}/getMe").json()["result"]["is_bot"] is True
        form = client.post(f"{base}/sendMessage", data={"chat_id": str(botapi.chat_id), "text": "form"})
        as_json = client.post(f"{base}/sendMessage", json={"chat_id": botapi.admin_chat_id, "text": "json"})
        query = client.get(f"{base}/sendMessage", params={"chat_id": botapi.chat_id, "text": "query"})
        multipart = client.post(
            f"{base}/sendMessage", files={"text": (None, "multipart")}, data={"chat_id": str(botapi.chat_id)}
        )
        assert [r.status_code for r in (form, as_json, query, multipart)] == [200, 200, 200, 200]
        empty = client.post(
            f"{base}/sendMessage", json={"chat_id": botapi.chat_id, "text": "<b> </b>", "parse_mode": "HTML"}
        )
        assert empty.json()["description"] == "Bad Request: message text is empty"
        long_data = {"text": "x", "callback_data": "d" * 65}
        button = client.post(
            f"{base}/sendMessage",
            json={"chat_id": botapi.chat_id, "text": "x", "reply_markup": {"inline_keyboard": [[long_data]]}},
        )
        assert button.status_code == 400
        botapi.rate_limit(1, retry_after=1)
        limited = client.post(f"{base}/sendMessage", json={"chat_id": botapi.chat_id, "text": "x"})
        assert limited.status_code == 429 and limited.json() == {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        }
    assert [m.text for m in botapi.messages] == ["form", "json", "query", "multipart"]


def test_stand_in_queues_updates_until_confirmed(botapi: BotAPIServer) -> None:
    base = f"{botapi.url}/bot{botapi.token}"
    first = botapi.push_admin_message("/status")
    with httpx.Client(timeout=5) as client:
        sent = client.post(f"{base}/sendMessage", json={"chat_id": botapi.admin_chat_id, "text": "alert"}).json()
        second = botapi.push_callback("wrong:1", message_id=sent["result"]["message_id"])
        updates = client.post(f"{base}/getUpdates", json={}).json()["result"]
        assert [u["update_id"] for u in updates] == [first, second]
        assert updates[0]["message"]["text"] == "/status"
        query_id = updates[1]["callback_query"]["id"]
        assert client.post(f"{base}/answerCallbackQuery", json={"callback_query_id": query_id}).json()["ok"]
        assert client.post(f"{base}/getUpdates", json={"offset": second + 1}).json()["result"] == []
    assert botapi.updates == []


async def test_an_operators_answer_skips_the_queue_but_counts_towards_the_pace(botapi: BotAPIServer) -> None:
    """A reply an operator waits for (bot/app/admin.py: rate_limit_args=True) goes at once;
    the next post to that chat keeps its distance from the reply, too."""
    telegram = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0.5)
    await telegram.start()
    try:
        chat = str(botapi.admin_chat_id)
        await telegram.send(chat, "notice")
        started = time.monotonic()
        await telegram.bot.send_message(chat_id=chat, text="reply", rate_limit_args=True)
        replied = time.monotonic()
        await telegram.send(chat, "next notice")
        assert replied - started < 0.4
        assert time.monotonic() - replied >= 0.45
    finally:
        await telegram.stop()
    assert [m.text for m in botapi.sent_to(botapi.admin_chat_id)] == ["notice", "reply", "next notice"]
