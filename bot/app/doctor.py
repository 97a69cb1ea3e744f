"""``arrestwatch doctor``: everything going live depends on, checked in one go.

One line per check with ✓ or ✗, and for each ✗ what to do. It checks the sources file,
the database (opens, migrates, takes a write), the token (getMe), the channel (getChat,
and that the bot is an administrator allowed to post), the operators' chat and admin ids
when set, and one fetch of every source. Nothing is posted. When every check passes,
posts that failed because of the configuration are queued again (bot/app/failed_posts.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.models import Config, SourceConfig
from bot.edges.config import ConfigError, load_config

if TYPE_CHECKING:
    from bot.edges.settings import TelegramSettings
    from bot.edges.store import Store

#: Seconds a Bot API call may take before the check fails as unreachable.
API_TIMEOUT = 15.0


@dataclass(frozen=True)
class Check:
    """One check's outcome; ``fix`` says what to do when it failed."""

    ok: bool
    name: str
    detail: str
    fix: str | None = None

    def lines(self) -> list[str]:
        out = [f"{'✓' if self.ok else '✗'} {self.name}: {self.detail}"]
        if not self.ok and self.fix:
            out.append(f"    → {self.fix}")
        return out


def check_sources_file(path: Path) -> tuple[Check, Config | None]:
    """The sources file, as `arrestwatch sources check` reads it."""
    try:
        config = load_config(path)
    except ConfigError as exc:
        shown = "; ".join(str(problem) for problem in exc.problems[:3])
        more = f" (+{len(exc.problems) - 3} more)" if len(exc.problems) > 3 else ""
        return Check(
            False,
            "sources file",
            f"{len(exc.problems)} problem(s): {shown}{more}",
            f"fix them (`arrestwatch --sources {path} sources check` lists each with its line)",
        ), None
    count = len(config.sources)
    return Check(True, "sources file", f"{path}: {count} source{'' if count == 1 else 's'}"), config


def check_database(location: str) -> tuple[Check, Store | None]:
    """The database opens, is migrated to the newest schema and takes a write."""
    from bot.edges.db import DATABASE_ERRORS
    from bot.edges.store import Store, StoreError, to_iso, utcnow

    try:
        store = Store.open(location)
    except StoreError as exc:
        return Check(
            False,
            "database",
            str(exc),
            "check --db / DATABASE_URL, the folder's permissions, "
            "or that PostgreSQL is running and the password is right",
        ), None
    try:
        store.set_flag("doctor", to_iso(utcnow()))
        store.set_flag("doctor", None)
    except DATABASE_ERRORS as exc:  # whatever the driver raises: not writable
        store.close()
        return Check(
            False,
            "database",
            f"{store.path} opens but cannot be written: {exc}",
            "give this user write access to the file and its folder",
        ), None
    return Check(True, "database", f"{store.path}: schema version {store.schema_version()}, writable"), store


async def check_telegram(telegram: TelegramSettings) -> list[Check]:
    """Token, channel, operators' chat and admin ids, asked of the Bot API itself."""
    from telegram.error import TelegramError

    from bot.edges.publish.telegram import telegram_application

    problems = telegram.problems()
    if problems:
        return [
            Check(False, "configuration", problem, "fix the environment (or .env) and run doctor again")
            for problem in problems
        ]
    if telegram.console:
        return [
            Check(
                False,
                "token",
                "TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are not set: console mode, nothing is posted to Telegram",
                "create a bot with @BotFather (/newbot), put its token in TELEGRAM_BOT_TOKEN and the "
                "channel in TELEGRAM_CHAT_ID (see README: Go live in 10 minutes)",
            )
        ]
    bot = telegram_application(telegram.token or "", telegram.api_url).bot  # the service's own stack
    try:
        me, token = await _check_token(bot, telegram.api_url)
        if me is None:
            return [token]
        return [token, *await _check_chats(bot, telegram, me)]
    finally:
        try:
            await bot.shutdown()
        except (TelegramError, OSError):  # nothing was opened
            pass


async def _check_token(bot: Any, api_url: str) -> tuple[Any, Check]:
    """The bot Telegram knows by the token (getMe), or None and why not."""
    from telegram.error import InvalidToken, NetworkError, TelegramError

    try:
        me = await asyncio.wait_for(bot.get_me(), API_TIMEOUT)
    except InvalidToken:
        return None, Check(
            False,
            "token",
            "Telegram rejected TELEGRAM_BOT_TOKEN (Unauthorized)",
            "copy the token again from @BotFather (/mybots → your bot → API Token); /revoke gives a new one",
        )
    except (TimeoutError, NetworkError) as exc:
        return None, Check(
            False,
            "token",
            f"cannot reach the Bot API at {api_url}: {exc or 'timed out'}",
            "check TELEGRAM_API_URL (unset means https://api.telegram.org) and this machine's network",
        )
    except TelegramError as exc:
        return None, Check(False, "token", f"getMe failed: {exc.message}", "check TELEGRAM_BOT_TOKEN")
    return me, Check(True, "token", f"the bot is @{me.username} ({me.first_name}, id {me.id})")


async def _check_chats(bot: Any, telegram: TelegramSettings, me: Any) -> list[Check]:
    """The channel (and the bot's right to post there), the operators' chat, each admin."""
    checks = [await _check_channel(bot, telegram.chat_id or "", me.username or "your bot", me.id)]
    if telegram.admin_chat_id:
        checks.append(
            await _check_chat(
                bot, telegram.admin_chat_id, "operators' chat", me.username or "", "TELEGRAM_ADMIN_CHAT_ID"
            )
        )
    for user_id in telegram.admin_ids:
        checks.append(await _check_chat(bot, str(user_id), f"admin {user_id}", me.username or "", "TELEGRAM_ADMIN_IDS"))
    return checks


async def _check_channel(bot: Any, chat_id: str, username: str, bot_id: int) -> Check:
    from telegram.error import TelegramError

    try:
        chat = await asyncio.wait_for(bot.get_chat(chat_id), API_TIMEOUT)
    except (TimeoutError, TelegramError) as exc:
        return Check(
            False,
            "channel",
            f"TELEGRAM_CHAT_ID={chat_id}: {getattr(exc, 'message', None) or exc}",
            f"add @{username} to the channel as an administrator allowed to post, and set "
            "TELEGRAM_CHAT_ID to the channel's @name or its -100… id",
        )
    title = chat.title or chat.username or str(chat.id)
    where = f"“{title}” ({chat.type}, id {chat.id})"
    try:
        member = await asyncio.wait_for(bot.get_chat_member(chat.id, bot_id), API_TIMEOUT)
    except (TimeoutError, TelegramError) as exc:
        return Check(
            False,
            "channel",
            f"{where}: cannot read the bot's rights: {getattr(exc, 'message', exc)}",
            f"make @{username} an administrator of the channel with “Post messages”",
        )
    if chat.type == "channel":
        allowed = member.status == "creator" or (
            member.status == "administrator" and bool(getattr(member, "can_post_messages", False))
        )
    else:
        allowed = member.status in ("creator", "administrator", "member")
    if not allowed:
        rights = "an administrator without “Post messages”" if member.status == "administrator" else member.status
        return Check(
            False,
            "channel",
            f"{where}: the bot is {rights}",
            f"in the channel: Administrators → Add admin → @{username}, with “Post messages” "
            "(and “Edit messages of others” is not needed)",
        )
    return Check(True, "channel", f"{where}: the bot is {member.status}, allowed to post")


async def _check_chat(bot: Any, chat_id: str, name: str, username: str, variable: str) -> Check:
    from telegram.error import TelegramError

    try:
        chat = await asyncio.wait_for(bot.get_chat(chat_id), API_TIMEOUT)
    except (TimeoutError, TelegramError) as exc:
        return Check(
            False,
            name,
            f"{variable}: {chat_id}: {getattr(exc, 'message', None) or exc}",
            f"that user (or group) must open a chat with @{username} and press Start; a user id is "
            "a number (@userinfobot tells you yours)",
        )
    who = chat.title or " ".join(p for p in (chat.first_name, chat.last_name) if p) or chat.username or chat.id
    return Check(True, name, f"{who} ({chat.type}, id {chat.id})")


async def check_sources(sources: Sequence[SourceConfig]) -> list[Check]:
    """One fetch of every source (at once, within the fetcher's limits): status and items."""
    from bot.core.sources import SourceParseError, parse_entries, preview_url
    from bot.edges.fetch import Fetcher, FetchError

    fetcher = Fetcher()

    async def one(source: SourceConfig) -> Check:
        name = f"source {source.name}"
        try:
            result = await fetcher.fetch(preview_url(source))
            entries = await asyncio.to_thread(parse_entries, source, result.content, result.text, result.final_url)
        except (FetchError, SourceParseError) as exc:
            return Check(
                False,
                name,
                str(exc),
                f"open {source.url} in a browser; fix or remove the entry "
                f'(`arrestwatch sources test "{source.name}"` shows more)',
            )
        note = "" if entries else " (none: is it a feed or a news listing? `arrestwatch sources test` shows more)"
        return Check(True, name, f"HTTP {result.status}, {len(entries)} items{note}")

    try:
        return list(await asyncio.gather(*(one(source) for source in sources)))
    finally:
        await fetcher.aclose()


async def run_checks(sources_path: Path, db: str, telegram: TelegramSettings) -> list[Check]:
    """Every check, in the order an operator fixes them; re-queues configuration
    failures when all pass."""
    from bot.app.failed_posts import requeue_config_failures
    from bot.edges.store import utcnow

    sources_check, config = await asyncio.to_thread(check_sources_file, sources_path)
    db_check, store = await asyncio.to_thread(check_database, db)
    checks = [sources_check, db_check]
    try:
        checks += await check_telegram(telegram)
        if config is not None:
            checks += await check_sources(config.sources)
        if store is not None and all(check.ok for check in checks):
            requeued = await asyncio.to_thread(requeue_config_failures, store, now=utcnow())
            if requeued:
                checks.append(
                    Check(
                        True,
                        "failed posts",
                        f"{len(requeued)} post(s) that failed because of the "
                        "configuration are queued again; `run` or `once` sends them",
                    )
                )
    finally:
        if store is not None:
            store.close()
    return checks


__all__ = ["Check", "check_database", "check_sources", "check_sources_file", "check_telegram", "run_checks"]
