"""The operators' bot: commands in a private chat and the review queue's buttons.

Runs inside ``arrestwatch run`` on the publisher's python-telegram-bot ``Application``
(one Telegram stack, bot/edges/publish/telegram.py), polling for updates alongside the
scheduler. Only the user ids in ``TELEGRAM_ADMIN_IDS`` get an
answer; any other user's update is dropped and logged (by user id only).

Commands (private chat): /status, /sources, /pause, /resume, /digest, /test URL, /outbox,
/retry ID|failed, /custody, /help.
Buttons: ``approve:<item id>`` / ``reject:<item id>`` under review requests.

Every reply is Telegram HTML with all outside text escaped, within Telegram's 4096
characters. Nothing here posts to the channel directly: alerts and digests go through
the outbox, and the sender is woken to post them.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from telegram import BotCommand, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.app.digest import manual_digest, today
from bot.app.outbox import PAUSED_FLAG
from bot.app.review import ReviewError, decide
from bot.core.publish.text import utf16_len
from bot.edges.fetch import FetchError, check_url
from bot.edges.publish.telegram import TelegramApp, stop_polling
from bot.edges.settings import parse_admin_ids
from bot.edges.store import from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.app.pipeline import BatchAnalyzer
    from bot.core.models import Config
    from bot.edges.fetch import Fetcher
    from bot.edges.settings import TelegramSettings
    from bot.edges.store import Store

log = logging.getLogger(__name__)

#: Telegram's limit on a message's text, counted in UTF-16 code units.
TELEGRAM_LIMIT = 4096
#: Seconds one getUpdates long poll may wait for an update.
POLL_TIMEOUT = 10  # an Integer in the Bot API (getUpdates)
#: How much of a source's last error /status quotes.
ERROR_CHARS = 200

COMMANDS: tuple[tuple[str, str], ...] = (
    ("status", "Sources' health, queue length, last post"),
    ("sources", "Configured sources and their last success"),
    ("pause", "Stop posting to the channel (posts stay queued)"),
    ("resume", "Resume posting to the channel"),
    ("digest", "Post the digest since the last one now"),
    ("outbox", "Posts waiting or failed, with the reason"),
    ("retry", "/retry ID or /retry failed: send failed posts again"),
    ("test", "/test URL: analyse one article and show its post"),
    ("custody", "Who is in custody now, with ids for `arrestwatch custody set`"),
    ("help", "What the commands do"),
)

_CALLBACK = re.compile(r"^(approve|reject):(\d{1,18})$")


def fit(lines: Sequence[str], limit: int = TELEGRAM_LIMIT) -> str:
    """Join HTML lines, dropping whole lines from the end (never cutting a tag or an
    entity) so the message stays within Telegram's limit."""
    out: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        cost = utf16_len(line) + 1
        if size + cost > limit - 40:  # room for the "… N more lines" marker
            out.append(f"<i>… {len(lines) - index} more lines</i>")
            break
        out.append(line)
        size += cost
    return "\n".join(out)


def _e(text: object) -> str:
    return html.escape(str(text), quote=False)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


class AdminBot:
    """The operators' commands on the service's one Telegram Application (the
    publisher's, bot/edges/publish/telegram.py), given what they read and act on: this adds the
    handlers and polls for updates while the worker holds the "admin" lease; the
    publisher opens and closes the bot.

    It is handed the service's parts rather than the service itself: ``config`` is a
    function because the service reloads sources.toml; ``wake_sender`` asks the sender
    to post what a command queued; ``watch_gap`` is how long polls may pause and still
    count as watched (bot/app/watch.py).
    """

    def __init__(
        self,
        telegram: TelegramSettings,
        store: Store,
        application: TelegramApp,
        *,
        config: Callable[[], Config],
        fetcher: Fetcher,
        analyze_many: BatchAnalyzer,
        wake_sender: Callable[[], None],
        watch_gap: Callable[[], timedelta],
        poll_timeout: int = POLL_TIMEOUT,
    ) -> None:
        if not telegram.token:
            raise ValueError("the operators' bot needs TELEGRAM_BOT_TOKEN")
        self.store = store
        self._config = config
        self.fetcher = fetcher
        self.analyze_many = analyze_many
        self.wake_sender = wake_sender
        self.watch_gap = watch_gap
        self.admin_ids = frozenset(telegram.admin_ids)
        self.poll_timeout = poll_timeout
        self.application = application
        self._handlers: list[tuple[BaseHandler[Any, Any, Any], int]] = []

    @property
    def config(self) -> Config:
        """The service's configuration now (it is reloaded when sources.toml changes)."""
        return self._config()

    # -- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Connect, publish the command list and start polling (raises TelegramError)."""
        app = self.application
        await app.initialize()  # done at the service's start unless Telegram was unreachable then
        await app.bot.get_me()  # Telegram answers now: commands addressed /cmd@bot need its name
        self._add_handlers(app)
        try:
            await app.bot.set_my_commands([BotCommand(name, about) for name, about in COMMANDS])
        except TelegramError as exc:  # only the menu is missing: the commands still work
            log.warning("operators' bot: could not publish the command list: %s", exc)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(
            timeout=self.poll_timeout,
            allowed_updates=["message", "callback_query"],
        )
        log.info("operators' commands on for %d admin(s)", len(self.admin_ids))

    async def stop(self) -> None:
        """Stop polling and take the handlers off, whatever state start() reached (each
        step runs even if the one before failed). The bot stays open for the publisher."""
        app = self.application
        try:
            await stop_polling(app)
        finally:
            for handler, group in self._handlers:
                app.remove_handler(handler, group)
            self._handlers.clear()
            if self._error in app.error_handlers:
                app.remove_error_handler(self._error)

    # -- routing --------------------------------------------------------------------

    def _add_handlers(self, app: TelegramApp) -> None:
        private = filters.ChatType.PRIVATE
        handlers: list[tuple[BaseHandler[Any, Any, Any], int]] = [(TypeHandler(Update, self._only_admins), -1)]
        for name, callback in (
            ("status", self._status),
            ("sources", self._sources),
            ("pause", self._pause),
            ("resume", self._resume),
            ("digest", self._digest),
            ("test", self._test),
            ("outbox", self._outbox),
            ("retry", self._retry),
            ("custody", self._custody),
            ("help", self._help),
            ("start", self._help),
        ):
            handlers.append((CommandHandler(name, callback, filters=private), 0))
        handlers.append((MessageHandler(private, self._help), 0))
        handlers.append((CallbackQueryHandler(self._review_button, pattern=_CALLBACK), 0))
        for handler, group in handlers:
            app.add_handler(handler, group=group)
        self._handlers = handlers
        app.add_error_handler(self._error)

    async def _only_admins(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user if isinstance(update, Update) else None
        if user is None or user.id not in self.admin_ids:
            log.warning("ignored an update from user id %s: not in TELEGRAM_ADMIN_IDS", user.id if user else "unknown")
            raise ApplicationHandlerStop

    async def _error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        log.error(
            "operators' bot: %s while handling an update",
            repr(error),
            exc_info=(type(error), error, error.__traceback__) if error else None,
        )
        if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == "private":
            try:
                await self._reply(update, f"⚠️ Something went wrong: {_e(repr(error)[:500])}. The log has details.")
            except TelegramError:
                pass

    async def _reply(self, update: Update, text: str) -> None:
        chat = update.effective_chat
        assert chat is not None
        await self.application.bot.send_message(
            chat_id=chat.id,
            text=text,
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            rate_limit_args=True,  # the operator is waiting: not queued behind the chat's posts
        )

    # -- commands -------------------------------------------------------------------

    async def _help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        lines = ["<b>arrestwatch</b> operator commands:"]
        lines += [f"/{name} — {_e(about)}" for name, about in COMMANDS]
        await self._reply(update, fit(lines))

    async def _status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, await asyncio.to_thread(self.status_text))

    def status_text(self) -> str:
        """Sources' health, the queue, the last post and whether posting is paused."""
        store = self.store
        configured = {source.name for source in self.config.sources}
        states = [state for state in store.source_states() if state.name in configured]
        failing = [state for state in states if state.consecutive_failures > 0]
        never = len(configured) - sum(state.last_polled_at is not None for state in states)
        counts = store.outbox_counts()
        paused = store.flag(PAUSED_FLAG)
        lines = ["<b>arrestwatch status</b>"]
        if paused is not None:
            since = from_iso(paused) if _looks_iso(paused) else None
            lines.append(f"⏸ Posting <b>paused</b> since {_e(_when(since))}: channel posts stay queued (/resume)")
        else:
            lines.append("▶️ Posting to the channel")
        lines.append(
            f"Sources: {len(configured)} configured, {len(configured) - len(failing) - never} ok, "
            f"{len(failing)} failing" + (f", {never} not polled yet" if never else "")
        )
        lines.append(f"Queue: {counts['queued'] + counts['sending']} waiting, {counts['failed']} failed")
        lines.append(f"Last post: {_e(_when(store.last_sent_at()))}")
        held = len(store.items_with_status("review"))
        if held:
            lines.append(f"Held for review: {held}")
        if failing:
            lines.append("")
            lines.append("<b>Failing sources</b>")
            for state in failing:
                error = (state.last_error or "unknown error")[:ERROR_CHARS]
                lines.append(
                    f"⚠️ <b>{_e(state.name)}</b>: {state.consecutive_failures} failures since "
                    f"{_e(_when(state.failing_since))}; last error: {_e(error)}"
                )
        return fit(lines)

    async def _custody(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, await asyncio.to_thread(self.custody_text))

    def custody_text(self) -> str:
        """The ``arrestwatch custody`` listing: who is held (and released today), with ids."""
        from bot.app.custody_posts import load_records
        from bot.core.custody import text_lines

        now = utcnow()
        day = today(self.config.settings, now)
        records = [r for r in load_records(self.store, day, now=now) if r.held or r.released_on == day]
        lines = text_lines(records, day)
        return fit([f"<b>{_e(lines[0])}</b>", *(_e(line) for line in lines[1:])])

    async def _sources(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, await asyncio.to_thread(self.sources_text))

    def sources_text(self) -> str:
        states = {state.name: state for state in self.store.source_states()}
        sources = self.config.sources
        lines = [f"<b>{len(sources)} sources</b>"]
        for source in sources:
            state = states.get(source.name)
            mark = "⚠️" if state and state.consecutive_failures else "•"
            success = _when(state.last_success_at) if state else "never"
            lines.append(f"{mark} <b>{_e(source.name)}</b> ({_e(source.type)}) — last success: {_e(success)}")
        if not sources:
            lines.append("<i>none: add some to sources.toml</i>")
        return fit(lines)

    async def _pause(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        store = self.store
        already = await asyncio.to_thread(store.flag, PAUSED_FLAG)
        if already is None:
            await asyncio.to_thread(store.set_flag, PAUSED_FLAG, to_iso(utcnow()))
            log.warning("posting paused by user id %s", update.effective_user.id if update.effective_user else "?")
        queued = (await asyncio.to_thread(store.outbox_counts))["queued"]
        head = "Posting was already paused." if already is not None else "⏸ Posting paused."
        await self._reply(
            update,
            f"{head} Channel posts stay queued ({queued} in the queue) until /resume; messages to this chat still go.",
        )

    async def _resume(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        store = self.store
        was = await asyncio.to_thread(store.flag, PAUSED_FLAG)
        await asyncio.to_thread(store.set_flag, PAUSED_FLAG, None)
        if was is not None:
            log.warning("posting resumed by user id %s", update.effective_user.id if update.effective_user else "?")
        self.wake_sender()
        queued = (await asyncio.to_thread(store.outbox_counts))["queued"]
        head = "▶️ Posting resumed." if was is not None else "Posting was not paused."
        await self._reply(update, f"{head} {queued} queued posts are being sent.")

    async def _digest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        from bot.core.publish.format import format_period

        settings = self.config.settings
        result = await asyncio.to_thread(manual_digest, self.store, settings, now=utcnow(), gap=self.watch_gap())
        covered = format_period(result.period, settings.language) if result.period else str(result.day)
        if result.reason == "too soon":
            await self._reply(
                update,
                f"The last digest ({_e(covered)}) went out less than an hour ago; nothing "
                "was done. `arrestwatch digest --force` posts it again.",
            )
            return
        if result.reason == "unwatched":
            await self._reply(update, f"Nothing was watched in {_e(covered)}: no digest.")
            return
        if not result.queued:
            await self._reply(update, f"The digest for {_e(covered)} was already queued; nothing was done.")
            return
        self.wake_sender()
        text = (
            f"📋 Digest for {_e(covered)} queued: {result.people} people in {result.reports} reports, "
            f"{result.parts} post(s)."
        )
        if result.parts == 0:
            text += " Nothing to report and quiet_digest is off: nothing to post."
        if await asyncio.to_thread(self.store.flag, PAUSED_FLAG) is not None:
            text += " Posting is paused: it stays queued until /resume."
        await self._reply(update, text)

    async def _outbox(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, await asyncio.to_thread(self.outbox_text))

    def outbox_text(self) -> str:
        """Posts waiting or failed, each with its last error."""
        from bot.edges.publish import html_to_text

        entries = self.store.outbox_entries()
        lines = [f"<b>Outbox</b>: {len(entries)} waiting or failed"]
        for entry in entries:
            preview = " ".join(html_to_text(entry.body).split())[:60]
            lines.append(
                f"{'❌' if entry.state == 'failed' else '⏳'} <b>{entry.id}</b> {_e(entry.kind)} "
                f"({_e(entry.state)}): {_e(preview)}"
            )
            if entry.last_error:
                lines.append(f"   <i>{_e(entry.last_error[:ERROR_CHARS])}</i>")
        if any(entry.state == "failed" for entry in entries):
            lines.append("/retry ID or /retry failed sends failed posts again")
        return fit(lines)

    async def _retry(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        args = context.args or []
        if len(args) != 1 or not (args[0] == "failed" or args[0].isdigit()):
            await self._reply(update, "Usage: /retry ID (from /outbox) or /retry failed")
            return
        ids = None if args[0] == "failed" else [int(args[0])]
        done = await asyncio.to_thread(self.store.requeue_failed, ids, now=utcnow())
        if not done:
            await self._reply(update, "Nothing to retry: no such failed post (see /outbox).")
            return
        log.warning(
            "user id %s queued failed posts again: %s", update.effective_user.id if update.effective_user else "?", done
        )
        self.wake_sender()
        await self._reply(update, f"🔁 Queued again: {_e(', '.join(map(str, done)))}.")

    async def _test(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        args = context.args or []
        if len(args) != 1 or not args[0].lower().startswith(("http://", "https://")):
            await self._reply(update, "Usage: /test URL — an http(s) link to one article.")
            return
        await self._reply(update, await self.test_text(args[0]))

    async def test_text(self, url: str) -> str:
        """Fetch and analyse one article; the post it would make, stored nowhere."""
        from bot.core.publish.format import AlertPost, format_alert
        from bot.core.triage import triage
        from bot.edges.analysis_process import AnalysisError
        from bot.edges.extract import extract_article_text

        config = self.config
        try:
            # Guarded like an article link: a local address only when a configured
            # source is on that host, so the command cannot probe the bot's network.
            page = await self.fetcher.fetch(url, guard=lambda hop: check_url(hop, _local_origin(config, url)))
        except FetchError as exc:
            return f"❌ Could not fetch {_e(url)}: {_e(str(exc)[:1000])}"
        text = await asyncio.to_thread(extract_article_text, page.text, page.final_url)
        if not text:
            return f"❌ No article text found at {_e(page.final_url)} (is it a news article page?)"
        title = await asyncio.to_thread(page_title, page.text) or ""
        # Through the service's analysis (its child process, where the Russian models
        # live), never by loading them here.
        [analysis] = await self.analyze_many([(title, text, None)], config.rules)
        if isinstance(analysis, AnalysisError):
            return f"❌ The analysis failed on {_e(page.final_url)}: {_e(str(analysis).splitlines()[-1][:500])}"
        decision = triage(analysis, config.settings)
        post = format_alert(
            AlertPost(title=title, url=page.final_url, source_name=_source_name(page.final_url), analysis=analysis),
            config.settings.language,
        )
        verdict = {
            "alert": "would be <b>posted</b> to the channel",
            "review": "is <b>doubtful</b>: it would go to the operators for review",
            "seen": "would <b>not</b> be posted (not an arrest report by the rules)",
        }[decision]
        reasons = ", ".join(analysis.reasons) or "none"
        head = (
            f"🧪 <b>Test</b>: this report {verdict}. Score {analysis.score:.2f} "
            f"(post ≥ {config.settings.post_score:.2f}, review ≥ {config.settings.review_score:.2f}); "
            f"language {_e(analysis.lang)}.\n<i>Rules: {_e(reasons[:250])}</i>\nNothing was stored.\n\n"
        )
        if utf16_len(head + post) > TELEGRAM_LIMIT:  # the post is ≤ 3700 characters, not UTF-16 units
            post = f"<i>(the post is too long to show here: {len(post)} characters)</i>"
        return head + post

    # -- review buttons -------------------------------------------------------------

    async def _review_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        match = _CALLBACK.match(query.data)
        assert match is not None  # the handler's pattern
        approve, item_id = match.group(1) == "approve", int(match.group(2))
        user = query.from_user
        try:
            decision = await asyncio.to_thread(
                decide, self.store, self.config.settings, item_id, approve=approve, now=utcnow()
            )
        except ReviewError as exc:
            await query.answer(str(exc)[:200], show_alert=True)
            return
        log.info("review item %d %s by user id %s", item_id, "approved" if approve else "rejected", user.id)
        if approve:
            self.wake_sender()
        await query.answer("Approved: the alert is queued for the channel" if approve else "Rejected: recorded")
        if isinstance(query.message, Message):
            who = user.full_name or user.username or str(user.id)
            stamp = (
                f"{'✅ Approved' if approve else '❌ Rejected'} by {_e(who)} (id {user.id}) at {_e(_when(utcnow()))}"
            )
            await query.message.edit_text(
                _decided_text(query.message, stamp, decision.title),
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )


def _decided_text(message: Message, stamp: str, title: str) -> str:
    """The review request with the decision added (and its buttons gone)."""
    original = message.text_html if message.text else ""
    text = f"{stamp}\n\n{original}" if original else stamp
    if utf16_len(text) <= TELEGRAM_LIMIT:
        return text
    return f"{stamp}\n\n<i>{_e(title[:300])}</i>"


def _local_origin(config: Config, url: str) -> str | None:
    """The configured source on ``url``'s host, if any: only such a source lets /test
    reach a local address (a local test feed); otherwise nothing local is fetched."""
    host = urlsplit(url).hostname
    return next((source.url for source in config.sources if host and urlsplit(source.url).hostname == host), None)


def _looks_iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _source_name(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def page_title(page: str) -> str | None:
    """The article's headline: og:title, else <title>; None when the page has neither."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(page)
    except (ParserError, ValueError):
        return None
    for value in tree.xpath("//meta[@property='og:title']/@content") + tree.xpath("//title/text()"):
        title = " ".join(str(value).split())
        if title:
            return title
    return None


__all__ = ["AdminBot", "COMMANDS", "fit", "page_title", "parse_admin_ids"]
