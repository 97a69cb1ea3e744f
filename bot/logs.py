"""Logging set-up for the command line: one stderr handler that never prints the bot token.

Library loggers that log request URLs (httpx puts the token in every Bot API URL) are
quietened, and a filter on the handler redacts the token from the final message,
its arguments and any traceback, in case something else prints a URL or the token.
"""

from __future__ import annotations

import logging
import re
import sys

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
NOISY_LOGGERS = ("httpx", "httpcore", "telegram", "apscheduler")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

# A token in a Bot API URL: .../bot123456:AA.../sendMessage
_URL_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]+")
# A token on its own: the bot id, a colon and a long secret.
_BARE_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")


class RedactToken(logging.Filter):
    """Replaces bot tokens in a record's message, arguments and traceback text."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self.token = token or None

    def redact(self, text: str) -> str:
        if self.token:
            text = text.replace(f"bot{self.token}", "bot<redacted>").replace(self.token, "<redacted>")
        text = _URL_TOKEN.sub("bot<redacted>", text)
        return _BARE_TOKEN.sub("<redacted>", text)

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


def configure_logging(level: str = "INFO", token: str | None = None) -> None:
    """Log to stderr at ``level``; redact ``token`` (and anything token-shaped) everywhere.

    Calling it again replaces the handler it installed before.
    """
    name = level.upper()
    if name not in LEVELS:
        raise ValueError(f"unknown log level {level!r}: use one of {', '.join(LEVELS)}")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_arrestwatch", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactToken(token))
    handler._arrestwatch = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(name)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
