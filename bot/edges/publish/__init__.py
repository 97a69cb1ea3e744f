"""Posting messages: to Telegram (``TelegramPublisher``) or to the console (``ConsolePublisher``).

Formatting lives in ``bot.core.publish.format`` (pure); this package's other modules do IO.
"""

from bot.core.publish.text import html_to_text
from bot.edges.publish.errors import PublishError
from bot.edges.publish.telegram import ConsolePublisher, Publisher, TelegramPublisher

__all__ = ["ConsolePublisher", "PublishError", "Publisher", "TelegramPublisher", "html_to_text"]
