"""Posting messages: to Telegram (``TelegramPublisher``) or to the console (``ConsolePublisher``).

Formatting lives in ``bot.publish.format`` (pure); this package's other modules do IO.
"""

from bot.publish.errors import PublishError
from bot.publish.telegram import ConsolePublisher, Publisher, TelegramPublisher
from bot.publish.text import html_to_text

__all__ = ["ConsolePublisher", "PublishError", "Publisher", "TelegramPublisher", "html_to_text"]
