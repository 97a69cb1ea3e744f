"""A strict local stand-in for the Telegram Bot API, served over real HTTP on 127.0.0.1.

python-telegram-bot (or anything else) talks to it exactly as it talks to Telegram:
``{url}/bot{token}/{method}`` with JSON, form-encoded or multipart bodies, or a query
string. It rejects what Telegram rejects, with Telegram's status codes and error
descriptions: a wrong token, an unknown method or chat, empty or over-long text and,
above all, HTML that Telegram's parser would refuse. Accepted messages are recorded in
``server.messages`` so tests can assert on what a channel reader would see.

As a pytest plugin it provides the ``botapi`` fixture (one server per test). By hand::

    python -m tests.support.botapi --port 8081

prints the token and chat to put in the environment and logs each message it receives.
"""

from __future__ import annotations

import argparse
import copy
import email.parser
import email.policy
import json
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

MAX_TEXT_LENGTH = 4096  # UTF-16 code units of the visible text, after entity parsing
MAX_CAPTION_LENGTH = 1024  # the same, for a photo's caption
MAX_CALLBACK_DATA_BYTES = 64
MAX_UPDATES_WAIT = 30.0  # cap on getUpdates long polling, so a stuck test does not hang forever

#: Telegram's HTML tags and the entity each one produces.
TAG_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}

_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_ATTR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.:-]*")
_UNQUOTED_VALUE = re.compile(r"[^\s\"'=<>`]+")
_LANGUAGE_CLASS = re.compile(r"language-(\S+)")
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


# -- Telegram's HTML, strictly -------------------------------------------------------


class HTMLParseError(ValueError):
    """The text is not HTML that Telegram accepts; the message says where and why."""


@dataclass
class ParsedText:
    """Visible text and its entities (offsets and lengths in UTF-16 code units)."""

    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    start: int  # UTF-16 offset in the visible text
    attrs: dict[str, str]
    language: str | None = None


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji is usually 2)."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> ParsedText:
    """Parse ``source`` as Telegram's ``parse_mode=HTML`` does, or raise HTMLParseError.

    Only Telegram's tags are allowed, every tag must be closed and properly nested, and
    only ``&lt; &gt; &amp; &quot;`` and numeric character references are entities; a
    bare ``<`` or ``&`` is an error. The result's text is stripped of surrounding
    whitespace, as Telegram stores it.
    """
    out: list[str] = []
    length = 0
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    i, n = 0, len(source)

    def at(index: int) -> str:
        return f"at byte offset {len(source[:index].encode('utf-8'))}"

    while i < n:
        char = source[i]
        if char == "&":
            decoded, i = _decode_entity(source, i, at)
            out.append(decoded)
            length += utf16_len(decoded)
            continue
        if char != "<":
            j = i
            while j < n and source[j] not in "<&":
                j += 1
            chunk = source[i:j]
            out.append(chunk)
            length += utf16_len(chunk)
            i = j
            continue
        if source.startswith("</", i):
            match = _END_TAG.match(source, i)
            if match is None:
                raise HTMLParseError(f"Unclosed end tag {at(i)}")
            name = match.group(1).lower()
            if not stack:
                raise HTMLParseError(f'Unexpected end tag "</{name}>" {at(i)}')
            tag = stack.pop()
            if tag.name != name:
                raise HTMLParseError(f'Unmatched end tag {at(i)}, expected "</{tag.name}>", found "</{name}>"')
            _close(tag, stack, length, entities)
            i = match.end()
            continue
        match = _TAG_NAME.match(source, i + 1)
        if match is None:
            raise HTMLParseError(f'Unsupported start tag "" {at(i)}')
        name = match.group(0).lower()
        if name not in TAG_ENTITIES:
            raise HTMLParseError(f'Unsupported start tag "{name}" {at(i)}')
        attrs, end = _parse_attributes(source, match.end(), at(i), at)
        _check_tag(name, attrs, at(i))
        stack.append(_OpenTag(name, length, attrs))
        i = end
    if stack:
        raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    return _strip(ParsedText("".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))))


def _decode_entity(source: str, i: int, at: Callable[[int], str]) -> tuple[str, int]:
    match = _ENTITY.match(source, i)
    if match is None:
        raise HTMLParseError(f"Unsupported HTML entity {at(i)}: write a literal '&' as &amp;")
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED_ENTITIES[named], match.end()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise HTMLParseError(f"Invalid character reference {match.group(0)} {at(i)}")
    return chr(code), match.end()


def _parse_attributes(source: str, i: int, tag_at: str, at: Callable[[int], str]) -> tuple[dict[str, str], int]:
    attrs: dict[str, str] = {}
    n = len(source)
    while True:
        while i < n and source[i].isspace():
            i += 1
        if i >= n:
            raise HTMLParseError(f"Unclosed start tag {tag_at}")
        if source[i] == ">":
            return attrs, i + 1
        match = _ATTR_NAME.match(source, i)
        if match is None:
            raise HTMLParseError(f"Unclosed start tag {tag_at}")
        key = match.group(0).lower()
        i = match.end()
        while i < n and source[i].isspace():
            i += 1
        value = ""
        if i < n and source[i] == "=":
            i += 1
            while i < n and source[i].isspace():
                i += 1
            if i < n and source[i] in "\"'":
                end = source.find(source[i], i + 1)
                if end < 0:
                    raise HTMLParseError(f"Unclosed start tag {tag_at}")
                raw, value_start, i = source[i + 1 : end], i + 1, end + 1
            else:
                unquoted = _UNQUOTED_VALUE.match(source, i)
                if unquoted is None:
                    raise HTMLParseError(f"Unclosed start tag {tag_at}")
                raw, value_start, i = unquoted.group(0), i, unquoted.end()
            value = _decode_text(raw, value_start, source, at)
        attrs[key] = value


def _decode_text(raw: str, offset: int, source: str, at: Callable[[int], str]) -> str:
    parts: list[str] = []
    j = 0
    while j < len(raw):
        if raw[j] == "&":
            decoded, end = _decode_entity(source, offset + j, at)
            parts.append(decoded)
            j = end - offset
        else:
            parts.append(raw[j])
            j += 1
    return "".join(parts)


def _check_tag(name: str, attrs: dict[str, str], tag_at: str) -> None:
    if name == "a" and not attrs.get("href", "").strip():
        raise HTMLParseError(f'Tag "a" {tag_at} must have a non-empty "href" attribute')
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise HTMLParseError(f'Tag "span" {tag_at} must have class "tg-spoiler"')
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        raise HTMLParseError(f'Tag "tg-emoji" {tag_at} must have a numeric "emoji-id" attribute')


def _close(tag: _OpenTag, stack: list[_OpenTag], end: int, entities: list[dict[str, Any]]) -> None:
    if tag.name == "code" and stack and stack[-1].name == "pre":
        language = _LANGUAGE_CLASS.fullmatch(tag.attrs.get("class", ""))
        if language:  # <pre><code class="language-x"> is one pre entity with a language
            stack[-1].language = language.group(1)
            return
    if end == tag.start:
        return
    kind = TAG_ENTITIES[tag.name]
    entity: dict[str, Any] = {"type": kind, "offset": tag.start, "length": end - tag.start}
    if kind == "text_link":
        entity["url"] = tag.attrs["href"]
    elif kind == "pre" and tag.language:
        entity["language"] = tag.language
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs["emoji-id"]
    elif kind == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    entities.append(entity)


def _strip(parsed: ParsedText) -> ParsedText:
    text = parsed.text
    stripped = text.strip()
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    entities = []
    for entity in parsed.entities:
        start = max(0, entity["offset"] - lead)
        end = min(total, entity["offset"] + entity["length"] - lead)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return ParsedText(stripped, entities)


# -- the server -----------------------------------------------------------------------


class ApiError(Exception):
    """A refusal, sent back as Telegram sends it: ``{"ok": false, "error_code", "description"}``."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


@dataclass
class Message:
    """A message the stand-in accepted: what a reader sees (``text``) and what was sent (``html``)."""

    chat_id: int
    text: str
    html: str
    message_id: int
    reply_markup: dict[str, Any] | None = None
    parse_mode: str | None = None
    link_preview_options: dict[str, Any] | None = None
    disable_web_page_preview: bool = False
    reply_to_message_id: int | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    date: int = 0
    edited: bool = False
    edits: int = 0  # editMessageText calls that changed it
    photo: bytes | None = None  # sendPhoto: the uploaded image (``text``/``html`` are its caption)
    pinned: bool = False  # pinChatMessage was called for it

    @property
    def link_preview_disabled(self) -> bool:
        return self.disable_web_page_preview or bool((self.link_preview_options or {}).get("is_disabled"))


class BotAPIServer:
    """The stand-in: start(), point a Bot at ``url``, read ``messages``, stop()."""

    def __init__(
        self,
        *,
        port: int = 0,
        bot_id: int = 7012345678,
        chat_id: int = -1001234567890,
        admin_chat_id: int = 123456789,
        channels: set[str] | None = None,
    ) -> None:
        self.bot_id = bot_id
        self.token = f"{bot_id}:AA{secrets.token_urlsafe(30)[:33]}"
        self.chat_id = chat_id
        self.admin_chat_id = admin_chat_id
        self.channels = channels if channels is not None else {"@arrestwatch_test"}
        self.messages: list[Message] = []
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.commands: list[dict[str, Any]] = []
        self.on_message: Callable[[Message], None] | None = None
        # The bot's membership of the channel, as getChatMember reports it: "administrator"
        # (allowed to post unless bot_can_post is False), "member" or "left".
        self.bot_status = "administrator"
        self.bot_can_post = True
        self._port = port
        self._lock = threading.RLock()
        self._updates_changed = threading.Condition(self._lock)
        self._failures: list[ApiError] = []
        #: Seconds to wait before answering a method (lower-case name), e.g. a slow setMyCommands.
        self.delays: dict[str, float] = {}
        self._next_message_id: dict[int, int] = {}
        self._next_update_id = 1
        self._callback_ids: set[str] = set()
        self._stopping = False
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": self._get_me,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "deletewebhook": lambda params: True,
            "getupdates": self._get_updates,
            "answercallbackquery": self._answer_callback_query,
            "setmycommands": self._set_my_commands,
            "getmycommands": lambda params: copy.deepcopy(self.commands),
            "getchat": self._get_chat,
            "getchatmember": self._get_chat_member,
            "getchatadministrators": self._get_chat_administrators,
            "pinchatmessage": self._pin_chat_message,
            "sendphoto": self._send_photo,
        }

    # -- lifecycle --------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the Bot API stand-in is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> BotAPIServer:
        self._httpd = _HTTPServer(("127.0.0.1", self._port), _Handler)
        self._httpd.api = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="botapi", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._updates_changed.notify_all()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> BotAPIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- controls for tests -----------------------------------------------------------

    def fail_next(self, n: int = 1, status: int = 500, description: str | None = None) -> None:
        """The next ``n`` sendMessage calls fail with HTTP ``status``.

        ``description`` replaces the status phrase; ``{path}`` in it becomes the request's
        path, token included, as some proxies and misconfigured Bot API servers echo it.
        """
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        with self._lock:
            self._failures += [ApiError(status, description or phrase) for _ in range(n)]

    def heal(self) -> None:
        """Forget any failures set up with fail_next or rate_limit."""
        with self._lock:
            self._failures.clear()

    def rate_limit(self, n: int = 1, retry_after: int = 1) -> None:
        """The next ``n`` sendMessage calls get 429 with ``retry_after`` seconds, as flood control does."""
        error = ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        with self._lock:
            self._failures += [error for _ in range(n)]

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; an ``update_id`` is assigned if missing. Returns it."""
        with self._lock:
            update = copy.deepcopy(update)
            update.setdefault("update_id", self._next_update_id)
            self._next_update_id = max(self._next_update_id, update["update_id"]) + 1
            if "callback_query" in update:
                self._callback_ids.add(str(update["callback_query"]["id"]))
            self.updates.append(update)
            self._updates_changed.notify_all()
            return update["update_id"]

    def push_admin_message(self, text: str) -> int:
        """Queue a private message (e.g. ``/status``) from the admin to the bot."""
        entities = (
            [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text.startswith("/") else []
        )
        message = {
            "message_id": self._take_message_id(self.admin_chat_id),
            "date": int(time.time()),
            "chat": self._chat_json(self.admin_chat_id),
            "from": self._admin_user(),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        return self.push_update({"message": message})

    def push_callback(self, data: str, *, message_id: int, chat_id: int | None = None) -> int:
        """Queue the admin pressing an inline button with ``data`` under message ``message_id``."""
        chat = chat_id if chat_id is not None else self.admin_chat_id
        found = self._find_message(chat, message_id)
        message = (
            self._message_json(found)
            if found
            else {"message_id": message_id, "date": int(time.time()), "chat": self._chat_json(chat)}
        )
        return self.push_update(
            {
                "callback_query": {
                    "id": secrets.token_hex(8),
                    "from": self._admin_user(),
                    "chat_instance": "1",
                    "message": message,
                    "data": data,
                }
            }
        )

    def sent_to(self, chat_id: int) -> list[Message]:
        with self._lock:
            return [m for m in self.messages if m.chat_id == chat_id]

    # -- request handling -------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests.append((method, copy.deepcopy(params)))
            delay = self.delays.get(method.lower(), 0.0)
        if delay:
            time.sleep(delay)
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            handler = self._methods.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            return 200, {"ok": True, "result": handler(params)}
        except ApiError as exc:
            description = exc.description.replace("{path}", f"/bot{token}/{method}")
            body: dict[str, Any] = {"ok": False, "error_code": exc.status, "description": description}
            if exc.parameters:
                body["parameters"] = exc.parameters
            return exc.status, body

    def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._bot_user() | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._failures:
                raise self._failures.pop(0)
        chat = self._resolve_chat(params.get("chat_id"))
        html = _text(params.get("text"))
        parse_mode = _text(params.get("parse_mode")) or None
        parsed = _parse_text(html, parse_mode)
        reply_markup = _json_object(params, "reply_markup", "can't parse reply keyboard markup JSON object")
        _check_reply_markup(reply_markup)
        link_preview = _json_object(params, "link_preview_options", "can't parse link preview options JSON object")
        reply_to, allow_without = self._reply_target(params)
        with self._lock:
            if reply_to is not None and self._find_message(chat, reply_to) is None:
                if not allow_without:
                    raise bad_request("message to be replied not found")
                reply_to = None
            message = Message(
                chat_id=chat,
                text=parsed.text,
                html=html,
                message_id=self._take_message_id(chat),
                reply_markup=reply_markup,
                parse_mode=parse_mode,
                link_preview_options=link_preview,
                disable_web_page_preview=_bool(params.get("disable_web_page_preview")),
                reply_to_message_id=reply_to,
                entities=parsed.entities,
                date=int(time.time()),
            )
            self.messages.append(message)
            result = self._message_json(message)
        if self.on_message is not None:
            self.on_message(message)
        return result

    def _pin_chat_message(self, params: dict[str, Any]) -> bool:
        """pinChatMessage: the message must exist in the chat; it is marked ``pinned``."""
        chat = self._resolve_chat(params.get("chat_id"))
        message_id = _int(params.get("message_id"), "message_id")
        with self._lock:
            message = self._find_message(chat, message_id)
            if message is None:
                raise bad_request("message to pin not found")
            message.pinned = True
        return True

    def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        """sendPhoto with an uploaded file (multipart) and an optional HTML caption of at
        most 1024 characters; the image must be a PNG or JPEG, as Telegram checks."""
        with self._lock:
            if self._failures:
                raise self._failures.pop(0)
        chat = self._resolve_chat(params.get("chat_id"))
        photo = params.get("photo")
        if not isinstance(photo, Upload):
            raise bad_request("there is no photo in the request")
        if not (photo.data.startswith(b"\x89PNG\r\n\x1a\n") or photo.data.startswith(b"\xff\xd8\xff")):
            raise bad_request("IMAGE_PROCESS_FAILED")
        caption = _text(params.get("caption"))
        parse_mode = _text(params.get("parse_mode")) or None
        parsed = _parse_text(caption, parse_mode) if caption else ParsedText("")
        if utf16_len(parsed.text) > MAX_CAPTION_LENGTH:
            raise bad_request("message caption is too long")
        with self._lock:
            message = Message(
                chat_id=chat,
                text=parsed.text,
                html=caption,
                message_id=self._take_message_id(chat),
                parse_mode=parse_mode,
                entities=parsed.entities,
                date=int(time.time()),
                photo=photo.data,
            )
            self.messages.append(message)
            result = self._message_json(message)
        if self.on_message is not None:
            self.on_message(message)
        return result

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the stand-in")
        chat = self._resolve_chat(params.get("chat_id"))
        message_id = _int(params.get("message_id"), "message_id")
        html = _text(params.get("text"))
        parse_mode = _text(params.get("parse_mode")) or None
        parsed = _parse_text(html, parse_mode)
        reply_markup = _json_object(params, "reply_markup", "can't parse reply keyboard markup JSON object")
        _check_reply_markup(reply_markup)
        with self._lock:
            message = self._find_message(chat, message_id)
            if message is None:
                raise bad_request("message to edit not found")
            if (message.text, message.entities, message.reply_markup) == (parsed.text, parsed.entities, reply_markup):
                raise bad_request(
                    "message is not modified: specified new message content and reply markup are "
                    "exactly the same as a current content and reply markup of the message"
                )
            message.text, message.html, message.entities = parsed.text, html, parsed.entities
            message.parse_mode, message.reply_markup, message.edited = parse_mode, reply_markup, True
            message.edits += 1
            return self._message_json(message) | {"edit_date": int(time.time())}

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = _int(params.get("offset", 0), "offset")
        limit = min(100, max(1, _int(params.get("limit", 100), "limit")))
        wait = min(MAX_UPDATES_WAIT, float(params.get("timeout", 0) or 0))
        deadline = time.monotonic() + wait
        with self._updates_changed:
            while True:
                if offset > 0:  # confirms (forgets) every update before the offset
                    self.updates = [u for u in self.updates if u["update_id"] >= offset]
                pending = self.updates[offset:] if offset < 0 else self.updates
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0 or self._stopping:
                    return copy.deepcopy(pending[:limit])
                self._updates_changed.wait(remaining)

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = _text(params.get("callback_query_id"))
        with self._lock:
            if query_id not in self._callback_ids:
                raise bad_request("query is too old and response timeout expired or query ID is invalid")
            self._callback_ids.discard(query_id)
        return True

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if isinstance(commands, str):
            try:
                commands = json.loads(commands)
            except ValueError:
                raise bad_request("can't parse commands JSON object") from None
        if not isinstance(commands, list):
            raise bad_request("commands must be an array")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND.fullmatch(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        with self._lock:
            self.commands = copy.deepcopy(commands)
        return True

    def _get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        return self._chat_json(chat) | {
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _member_json(self, chat: int, user_id: int) -> dict[str, Any]:
        if user_id == self.admin_chat_id:
            return {"status": "creator", "user": self._admin_user(), "is_anonymous": False}
        if user_id != self.bot_id or chat == self.admin_chat_id:
            raise bad_request("user not found")
        if self.bot_status != "administrator":
            return {"status": self.bot_status, "user": self._bot_user()}
        rights = dict.fromkeys(
            (
                "can_be_edited",
                "is_anonymous",
                "can_manage_chat",
                "can_delete_messages",
                "can_manage_video_chats",
                "can_restrict_members",
                "can_promote_members",
                "can_change_info",
                "can_invite_users",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories",
                "can_edit_messages",
            ),
            False,
        )
        return {"status": "administrator", "user": self._bot_user(), **rights, "can_post_messages": self.bot_can_post}

    def _get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params.get("chat_id"))
        return self._member_json(chat, _int(params.get("user_id"), "user_id"))

    def _get_chat_administrators(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        chat = self._resolve_chat(params.get("chat_id"))
        admins = [self._member_json(chat, self.admin_chat_id)]
        if self.bot_status == "administrator" and chat != self.admin_chat_id:
            admins.append(self._member_json(chat, self.bot_id))
        return admins

    # -- helpers ------------------------------------------------------------------------

    def _resolve_chat(self, value: Any) -> int:
        if value is None or value == "":
            raise bad_request("chat_id is empty")
        text = str(value).strip()
        if text.startswith("@"):
            if text.lower() in {name.lower() for name in self.channels}:
                return self.chat_id
            raise bad_request("chat not found")
        try:
            chat = int(text)
        except ValueError:
            raise bad_request("chat not found") from None
        if chat not in (self.chat_id, self.admin_chat_id):
            raise bad_request("chat not found")
        return chat

    def _reply_target(self, params: dict[str, Any]) -> tuple[int | None, bool]:
        reply = _json_object(params, "reply_parameters", "can't parse reply parameters JSON object")
        if reply is not None:
            return _int(reply.get("message_id"), "reply_parameters.message_id"), _bool(
                reply.get("allow_sending_without_reply")
            )
        if params.get("reply_to_message_id") not in (None, ""):
            return _int(params["reply_to_message_id"], "reply_to_message_id"), _bool(
                params.get("allow_sending_without_reply")
            )
        return None, False

    def _take_message_id(self, chat: int) -> int:
        with self._lock:
            self._next_message_id[chat] = self._next_message_id.get(chat, 0) + 1
            return self._next_message_id[chat]

    def _find_message(self, chat: int, message_id: int) -> Message | None:
        with self._lock:
            return next((m for m in self.messages if m.chat_id == chat and m.message_id == message_id), None)

    def _bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Arrestwatch Test", "username": "arrestwatch_test_bot"}

    def _admin_user(self) -> dict[str, Any]:
        return {"id": self.admin_chat_id, "is_bot": False, "first_name": "Admin", "language_code": "en"}

    def _chat_json(self, chat: int) -> dict[str, Any]:
        if chat == self.admin_chat_id:
            return {"id": chat, "type": "private", "first_name": "Admin"}
        username = next(iter(sorted(self.channels)), "@")[1:] or None
        return {"id": chat, "type": "channel", "title": "Arrestwatch test channel"} | (
            {"username": username} if username else {}
        )

    def _message_json(self, message: Message, *, nested: bool = True) -> dict[str, Any]:
        result: dict[str, Any] = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": self._chat_json(message.chat_id),
            "text": message.text,
        }
        if message.photo is not None:
            del result["text"]
            result["photo"] = [
                {
                    "file_id": f"photo{message.message_id}",
                    "file_unique_id": f"u{message.message_id}",
                    "width": 1200,
                    "height": 800,
                    "file_size": len(message.photo),
                }
            ]
            if message.text:
                result["caption"] = message.text
        if message.chat_id == self.chat_id:
            result["sender_chat"] = self._chat_json(message.chat_id)
        else:
            result["from"] = self._bot_user()
        if message.entities:
            result["caption_entities" if message.photo is not None else "entities"] = copy.deepcopy(message.entities)
        if message.reply_markup:
            result["reply_markup"] = copy.deepcopy(message.reply_markup)
        if nested and message.reply_to_message_id is not None:
            replied = self._find_message(message.chat_id, message.reply_to_message_id)
            if replied is not None:
                result["reply_to_message"] = self._message_json(replied, nested=False)
        return result


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise bad_request(f"invalid {name} specified") from None


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def _json_object(params: dict[str, Any], name: str, error: str) -> dict[str, Any] | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise bad_request(error) from None
    if not isinstance(value, dict):
        raise bad_request(error)
    return value


def _parse_text(html: str, parse_mode: str | None) -> ParsedText:
    if not html:
        raise bad_request("message text is empty")
    if parse_mode is None:
        parsed = ParsedText(html.strip())
    elif parse_mode.lower() == "html":
        try:
            parsed = parse_html(html)
        except HTMLParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
    elif parse_mode.lower() in ("markdown", "markdownv2"):
        parsed = ParsedText(html.strip())  # not validated: arrestwatch posts HTML only
    else:
        raise bad_request("unsupported parse_mode")
    if not parsed.text:
        raise bad_request("message text is empty")
    if utf16_len(parsed.text) > MAX_TEXT_LENGTH:
        raise bad_request("message is too long")
    return parsed


def _check_reply_markup(markup: dict[str, Any] | None) -> None:
    if markup is None:
        return
    if "inline_keyboard" not in markup:
        return  # reply keyboards and force_reply are not checked
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            actions = [
                key
                for key in (
                    "callback_data",
                    "url",
                    "switch_inline_query",
                    "login_url",
                    "web_app",
                    "switch_inline_query_current_chat",
                    "copy_text",
                    "pay",
                )
                if key in button
            ]
            if len(actions) != 1:
                raise bad_request("can't parse inline keyboard button: exactly one action field is required")
            if "callback_data" in button:
                data = str(button["callback_data"]).encode("utf-8")
                if not 1 <= len(data) <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    api: BotAPIServer


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    # HTTP/1.0: one request per connection, so nothing is left open when a test ends.
    protocol_version = "HTTP/1.0"
    _PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)/?")

    def do_GET(self) -> None:
        self._respond(_query(self.path))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        params: dict[str, Any] = _query(self.path)
        try:
            if content_type.startswith("application/json"):
                decoded = json.loads(body or b"{}")
                if not isinstance(decoded, dict):
                    raise ValueError("not an object")
                params.update(decoded)
            elif content_type.startswith("multipart/form-data"):
                params.update(_multipart(content_type, body))
            elif body:
                params.update(_flatten(parse_qs(body.decode("utf-8"), keep_blank_values=True)))
        except (ValueError, UnicodeDecodeError):
            self._send(400, {"ok": False, "error_code": 400, "description": "Bad Request: can't parse request body"})
            return
        self._respond(params)

    def _respond(self, params: dict[str, Any]) -> None:
        match = self._PATH.fullmatch(urlsplit(self.path).path)
        if match is None:
            self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        try:
            status, body = self.server.api.handle(match.group(1), match.group(2), params)
        except Exception as exc:  # a bug in the stand-in: answer, do not kill the thread
            status, body = 500, {"ok": False, "error_code": 500, "description": f"Internal Server Error: {exc!r}"}
        self._send(status, body)

    def _send(self, status: int, body: dict[str, Any]) -> None:
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        try:
            self.end_headers()
            self.wfile.write(payload)
        except ConnectionError:
            pass  # the client stopped waiting (a cancelled request): nothing to answer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: tests read server.requests instead


def _flatten(fields: dict[str, list[str]]) -> dict[str, Any]:
    return {name: values[-1] for name, values in fields.items()}


def _query(path: str) -> dict[str, Any]:
    return _flatten(parse_qs(urlsplit(path).query, keep_blank_values=True))


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request (sendPhoto's ``photo``)."""

    filename: str
    content_type: str
    data: bytes


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    parser = email.parser.BytesParser(policy=email.policy.HTTP)
    message = parser.parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode("latin-1") + body)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name and part.get_filename() is not None:
            fields[str(name)] = Upload(
                str(part.get_filename()), part.get_content_type(), part.get_payload(decode=True) or b""
            )
        elif name:
            # A text part without a charset is UTF-8 (as Telegram reads it), not Latin-1.
            fields[str(name)] = (part.get_payload(decode=True) or b"").decode(part.get_content_charset() or "utf-8")
    return fields


@pytest.fixture
def botapi() -> Iterator[BotAPIServer]:
    """A fresh Bot API stand-in on 127.0.0.1 for one test."""
    server = BotAPIServer().start()
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.support.botapi",
        description="A strict local Telegram Bot API stand-in, for trying the bot by hand.",
    )
    parser.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (default: 8081; 0 picks one)")
    args = parser.parse_args(argv)
    server = BotAPIServer(port=args.port)

    def show(message: Message) -> None:
        print(f"--- message {message.message_id} to {message.chat_id} ---\n{message.text}\n", flush=True)

    server.on_message = show
    server.start()
    print(
        f"Bot API stand-in listening on {server.url}\n"
        f"  TELEGRAM_API_URL={server.url}\n  TELEGRAM_BOT_TOKEN={server.token}\n"
        f"  TELEGRAM_CHAT_ID={server.chat_id}   (or {', '.join(sorted(server.channels))})\n"
        f"  TELEGRAM_ADMIN_CHAT_ID={server.admin_chat_id}\nCtrl-C to stop.",
        flush=True,
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
