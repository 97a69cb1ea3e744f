"""Sending posts: the Publisher protocol, Telegram through python-telegram-bot, and the console.

One Telegram stack: ``telegram_application`` builds python-telegram-bot's ``Application``
from public parts only (``HTTPXRequest`` with our timeouts, ``base_url`` for
TELEGRAM_API_URL, ``ChatLimiter`` through the rate-limiter hook). The publisher posts
through its bot and the operators' commands (bot/app/admin.py) poll through the same
Application, so every request to a chat keeps that chat's pace.

Every Telegram failure is translated into a PublishError in one place
(``_publish_error``), so callers only decide between "retry later" and "give up".
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TextIO, TypeVar

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application, ApplicationBuilder, ExtBot
from telegram.request import HTTPXRequest

from bot.core.publish.pacing import MIN_GAP, PER_MINUTE
from bot.core.publish.text import html_to_text
from bot.edges.logs import redact_token
from bot.edges.publish.errors import PublishError
from bot.edges.publish.limiter import FLOOD_RETRIES, MAX_FLOOD_WAIT, ChatLimiter, retry_after_seconds

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_API_URL = "https://api.telegram.org"
#: The Application as this project builds it: no JobQueue (APScheduler schedules, see
#: docs/ARCHITECTURE.md), our ChatLimiter as its rate limiter.
TelegramApp = Application[ExtBot[bool], Any, Any, Any, Any, None]


class Publisher(Protocol):
    """Where posts go. ``send`` returns the id the message got in its chat."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def send(
        self, chat_id: str, html: str, *, reply_markup: dict[str, Any] | None = None, reply_to: int | None = None
    ) -> int: ...

    async def edit(self, chat_id: str, message_id: int, html: str) -> None:
        """Replace the text of a message posted earlier (an alert gaining "also reported by")."""
        ...


def telegram_application(
    token: str,
    api_url: str = DEFAULT_API_URL,
    *,
    limiter: ChatLimiter | None = None,
    connect_timeout: float = 10.0,
    read_timeout: float = 30.0,
) -> TelegramApp:
    """python-telegram-bot's Application for ``token`` at ``api_url`` (a local Bot API
    server or the test stand-in), with our timeouts and per-chat pace.

    Built once per service and shared: the publisher posts through ``.bot``, the
    operators' commands poll through the Application itself; ``doctor`` builds its own.
    """
    request = HTTPXRequest(
        connection_pool_size=8,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        write_timeout=read_timeout,
        pool_timeout=connect_timeout,
    )
    return (
        ApplicationBuilder()
        .token(token)
        .base_url(api_url.rstrip("/") + "/bot")
        .request(request)
        .get_updates_request(HTTPXRequest(connection_pool_size=1))
        .rate_limiter(limiter or ChatLimiter())
        .job_queue(None)
        .build()
    )


async def stop_polling(app: TelegramApp) -> None:
    """Stop getting updates and processing them, whatever state a start reached (each
    step runs even if the one before failed); the bot itself stays open."""
    try:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
    finally:
        if app.running:
            await app.stop()


class TelegramPublisher:
    """Posts HTML messages through the Bot API, pacing posts to each chat.

    ``api_url`` points the bot at another Bot API server (a local one, or the test
    stand-in). Posts to one chat are paced: at least ``min_interval`` seconds apart and
    at most ``per_minute`` in any minute (Telegram's limits for channels); flood control
    is waited out up to ``max_flood_wait`` seconds, at most ``flood_retries`` times
    (bot/edges/publish/limiter.py).
    """

    def __init__(
        self,
        token: str,
        *,
        api_url: str = DEFAULT_API_URL,
        per_minute: int = PER_MINUTE,
        min_interval: float = MIN_GAP,
        max_flood_wait: float = MAX_FLOOD_WAIT,
        flood_retries: int = FLOOD_RETRIES,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
    ) -> None:
        if not token:
            raise ValueError("TelegramPublisher needs a bot token (TELEGRAM_BOT_TOKEN)")
        self.limiter = ChatLimiter(
            per_minute=per_minute, min_gap=min_interval, max_flood_wait=max_flood_wait, flood_retries=flood_retries
        )
        self.application = telegram_application(
            token, api_url, limiter=self.limiter, connect_timeout=connect_timeout, read_timeout=read_timeout
        )
        self.bot: ExtBot[bool] = self.application.bot
        self.api_url = api_url.rstrip("/")  # for messages: the token is never part of it

    @property
    def on_flood_wait(self) -> Callable[[float], None] | None:
        """Called with the wait Telegram asked for on every 429 (the service counts them)."""
        return self.limiter.on_flood_wait

    @on_flood_wait.setter
    def on_flood_wait(self, hook: Callable[[float], None] | None) -> None:
        self.limiter.on_flood_wait = hook

    async def start(self) -> None:
        """Open the HTTP clients and check the token with getMe.

        A rejected token raises a permanent PublishError (nothing could be posted); an
        unreachable Telegram is only logged, since posts are retried from the outbox.
        """
        try:
            await self.application.initialize()
        except InvalidToken:
            # PTB's own message quotes the token: do not chain it into tracebacks.
            raise PublishError(
                "Telegram rejected the bot token (Unauthorized) — check TELEGRAM_BOT_TOKEN",
                permanent=True,
                description="Unauthorized",
            ) from None
        except TelegramError as exc:
            log.warning(
                "could not reach the Bot API at %s at start-up (%s); posts stay queued until it answers "
                "(check TELEGRAM_API_URL and this machine's network)",
                self.api_url,
                exc,
            )

    async def stop(self) -> None:
        """Close the HTTP clients, whatever state start() reached (polling for the
        operators' commands, bot/app/admin.py, is normally stopped before this)."""
        try:
            await stop_polling(self.application)
            await self.application.shutdown()
        finally:
            # A start cut short inside initialize() (getMe failed) leaves the bot's clients
            # open and the Application not initialized: its shutdown() then skips them.
            await self.bot.shutdown()

    async def send(
        self, chat_id: str, html: str, *, reply_markup: dict[str, Any] | None = None, reply_to: int | None = None
    ) -> int:
        """Post ``html`` (Telegram HTML) to ``chat_id``; return the new message's id."""
        markup = InlineKeyboardMarkup.de_json(reply_markup, self.bot) if reply_markup else None
        reply = ReplyParameters(message_id=reply_to, allow_sending_without_reply=True) if reply_to else None
        message = await self._call(
            chat_id,
            self.bot.send_message(
                chat_id=chat_id,
                text=html,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_markup=markup,
                reply_parameters=reply,
            ),
        )
        return message.message_id

    async def edit(self, chat_id: str, message_id: int, html: str) -> None:
        """Replace the text of message ``message_id`` in ``chat_id`` (editMessageText).

        Telegram answers 400 "message is not modified" when the text is unchanged; that
        arrives as a permanent PublishError whose ``description`` says so, and the caller
        may count it as done.
        """
        await self._call(
            chat_id,
            self.bot.edit_message_text(
                text=html,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
        )

    async def pin(self, chat_id: str, message_id: int) -> None:
        """Pin message ``message_id`` in ``chat_id`` silently (pinChatMessage; the bot
        must be an administrator allowed to pin)."""
        await self._call(
            chat_id,
            self.bot.pin_chat_message(
                chat_id=chat_id,
                message_id=message_id,
                disable_notification=True,
            ),
        )

    async def send_photo(self, chat_id: str, image: bytes, caption: str) -> int:
        """Post an image (PNG or JPEG bytes) with an HTML ``caption`` (at most 1024
        characters); return the new message's id."""
        message = await self._call(
            chat_id,
            self.bot.send_photo(
                chat_id=chat_id,
                photo=image,
                caption=caption,
                parse_mode=ParseMode.HTML,
            ),
        )
        return message.message_id

    async def _call(self, chat_id: str, request: Awaitable[T]) -> T:
        """Await one Bot API call (paced and flood-controlled by the limiter); any
        Telegram failure leaves here as a PublishError, the token redacted."""
        try:
            return await request
        except TelegramError as exc:
            error = _publish_error(exc, str(chat_id), self.bot.token)
            # A cause that quotes the token is not chained (tracebacks would carry it).
            quoted = isinstance(exc, InvalidToken) or error.description != exc.message
            raise error from (None if quoted else exc)

    def seed_pacing(self, chat_id: str, ages: list[float]) -> None:
        """Pace ``chat_id`` as if posts had gone out ``ages`` seconds ago (posts of other
        workers: the limits are per chat, whoever sends)."""
        self.limiter.seed(chat_id, ages)


def _publish_error(exc: TelegramError, chat_id: str, token: str | None = None) -> PublishError:
    """Translate a python-telegram-bot error into what the operator can do about it.

    This is where an error from the Bot API enters the program: its description is
    redacted here (a server may echo the request path, token included), so the ``once``
    summary, the outbox's ``last_error``, flags and operators' notices never carry it.
    """
    description = redact_token(exc.message, token)
    if isinstance(exc, RetryAfter):
        seconds = retry_after_seconds(exc)
        return PublishError(
            f"Telegram flood control: asked to wait {seconds:.0f}s before posting to chat {chat_id}; will retry later",
            permanent=False,
            retry_after=seconds,
            description=description,
        )
    refused = _refusal(exc, chat_id, description)
    if refused is not None:
        return refused
    if isinstance(exc, TimedOut):
        return PublishError(
            f"Telegram did not answer in time while posting to chat {chat_id}; will retry",
            permanent=False,
            description=description,
        )
    if isinstance(exc, NetworkError):
        return PublishError(
            f"could not post to Telegram (chat {chat_id}): {description}; will retry (is TELEGRAM_API_URL reachable?)",
            permanent=False,
            description=description,
        )
    return PublishError(
        f"Telegram error while posting to chat {chat_id}: {description}; will retry",
        permanent=False,
        description=description,
    )


def _refusal(exc: TelegramError, chat_id: str, description: str) -> PublishError | None:
    """A refusal that retrying cannot change (the chat, the token, the bot's rights, the post
    itself), with what to fix; None for the failures worth retrying."""
    if isinstance(exc, ChatMigrated):
        return PublishError(
            f"Telegram says group {chat_id} became a supergroup — set TELEGRAM_CHAT_ID to {exc.new_chat_id}",
            permanent=True,
            description=description,
        )
    if isinstance(exc, InvalidToken):
        return PublishError(
            "Telegram rejected the bot token (Unauthorized) — check TELEGRAM_BOT_TOKEN",
            permanent=True,
            description="Unauthorized",
        )
    if isinstance(exc, Forbidden):
        return PublishError(
            f"Telegram refused to post to chat {chat_id}: {description} — add the bot to the "
            "chat (as an administrator of a channel) or check TELEGRAM_CHAT_ID",
            permanent=True,
            description=description,
        )
    if isinstance(exc, BadRequest):
        lowered = description.lower()
        if "chat not found" in lowered or "chat_id is empty" in lowered:
            hint = "check TELEGRAM_CHAT_ID / TELEGRAM_ADMIN_CHAT_ID (a channel's @name or its -100… id)"
        elif "can't parse entities" in lowered:
            hint = "the post's HTML is invalid, a formatting bug: it will not be retried"
        elif "too long" in lowered:
            hint = "the post is longer than Telegram's 4096 characters, a formatting bug: it will not be retried"
        else:
            hint = "it will not be retried"
        return PublishError(
            f"Telegram rejected the message to chat {chat_id}: {description} — {hint}",
            permanent=True,
            description=description,
        )
    return None


class ConsolePublisher:
    """Prints each post as plain text, separated by a blank line (no token needed)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        self._next_id = 1

    @property
    def stream(self) -> TextIO:
        return self._stream if self._stream is not None else sys.stdout

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def send(
        self, chat_id: str, html: str, *, reply_markup: dict[str, Any] | None = None, reply_to: int | None = None
    ) -> int:
        text = html_to_text(html).strip("\n")
        buttons = [button.get("text", "") for row in (reply_markup or {}).get("inline_keyboard", []) for button in row]
        if buttons:
            text += "\n" + " ".join(f"[{label}]" for label in buttons)
        self.stream.write(text + "\n\n")
        self.stream.flush()
        message_id = self._next_id
        self._next_id += 1
        return message_id

    async def edit(self, chat_id: str, message_id: int, html: str) -> None:
        """Print the new text of an earlier post, marked as an edit of it."""
        self.stream.write(f"[edit of post {message_id}]\n" + html_to_text(html).strip("\n") + "\n\n")
        self.stream.flush()

    async def pin(self, chat_id: str, message_id: int) -> None:
        self.stream.write(f"[post {message_id} pinned]\n\n")
        self.stream.flush()

    async def send_photo(self, chat_id: str, image: bytes, caption: str) -> int:
        """Print the caption; the image itself cannot be shown on a console."""
        self.stream.write(f"[image, {len(image)} bytes]\n" + html_to_text(caption).strip("\n") + "\n\n")
        self.stream.flush()
        message_id = self._next_id
        self._next_id += 1
        return message_id
