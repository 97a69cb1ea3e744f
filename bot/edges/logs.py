"""Logging set-up for the command line: one stderr handler that never prints the bot token.

Library loggers that log request URLs (httpx puts the token in every Bot API URL) are
quietened, and a filter on the handler redacts the token from the final message,
its arguments and any traceback, in case something else prints a URL or the token.

Two formats, one event per record: ``text`` for people (fields given with ``extra=``
appended as ``key=value``; a traceback follows on its own lines), and ``json`` for log
collectors: one JSON object per line with ``ts``, ``level``, ``logger``, ``message``,
every ``extra=`` field, and a traceback as the single field ``exception``. The JSON line
is redacted once more as a whole, so a token in an ``extra=`` field never gets out either.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import datetime, timezone
from typing import Any

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
NOISY_LOGGERS = (
    "httpx",
    "httpcore",
    "telegram",
    "apscheduler",
    "pymorphy3",
    "trafilatura",
    "htmldate",
    "courlan",
    "justext",
    "charset_normalizer",
    "tzlocal",
)
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("text", "json")

# A token in a Bot API URL: .../bot123456:AA.../sendMessage (any case: python-telegram-bot
# lower-cases some error descriptions, path included)
_URL_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]+", re.I)
# A token on its own: the bot id, a colon and a long secret.
_BARE_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")


def redact_token(text: str, token: str | None = None) -> str:
    """``text`` without ``token`` (or its secret half, in any letter case) and without
    anything token-shaped. Applied where an error from Telegram enters the program
    (bot.edges.publish.telegram), so no summary, database row or notice can carry it."""
    if token:
        secret = token.split(":", 1)[-1]
        for known in (token, secret):
            if len(known) >= 8:
                text = re.sub(re.escape(known), "<redacted>", text, flags=re.I)
    text = _URL_TOKEN.sub("bot<redacted>", text)
    return _BARE_TOKEN.sub("<redacted>", text)


class RedactToken(logging.Filter):
    """Replaces bot tokens in a record's message, arguments and traceback text."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self.token = token or None

    def redact(self, text: str) -> str:
        return redact_token(text, self.token)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad format arguments: show both, redacted, rather than lose the record
            message = f"{record.msg} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


#: Attributes every LogRecord has; anything else on a record came from ``extra=``.
_RECORD_FIELDS = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields a call site attached with ``extra=`` (source, item, url, …)."""
    return {
        key: value for key, value in record.__dict__.items() if key not in _RECORD_FIELDS and not key.startswith("_")
    }


class TextFormatter(logging.Formatter):
    """``LOG_FORMAT``, then any ``extra=`` fields as ``key=value`` on the same line."""

    def __init__(self, redact: RedactToken) -> None:
        super().__init__(LOG_FORMAT)
        self._redact = redact

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        extras = extra_fields(record)
        if extras:
            line += " " + self._redact.redact(" ".join(f"{key}={_text(value)}" for key, value in extras.items()))
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, extra fields, exception."""

    def __init__(self, redact: RedactToken) -> None:
        super().__init__()
        self._redact = redact

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in extra_fields(record).items():
            event.setdefault(key, value)  # an extra field never hides one of the four above
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            event["exception"] = record.exc_text
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        # Tokens cannot contain characters JSON escapes, so redacting the line is enough.
        return self._redact.redact(json.dumps(event, ensure_ascii=False, default=str))


def _text(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or any(c.isspace() or c in '"=' for c in text)) else text


#: The name of the handler configure_logging installs: the one it replaces when called again.
HANDLER_NAME = "arrestwatch"


def configure_logging(level: str = "INFO", token: str | None = None, fmt: str = "text") -> None:
    """Log to stderr at ``level`` in ``fmt`` (text or json); redact ``token`` (and
    anything token-shaped) everywhere.

    Calling it again replaces the handler it installed before.
    """
    name = level.upper()
    if name not in LEVELS:
        raise ValueError(f"unknown log level {level!r}: use one of {', '.join(LEVELS)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown log format {fmt!r}: use one of {', '.join(FORMATS)}")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    redact = RedactToken(token)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(redact) if fmt == "json" else TextFormatter(redact))
    handler.addFilter(redact)
    handler.set_name(HANDLER_NAME)
    root.addHandler(handler)
    root.setLevel(name)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
