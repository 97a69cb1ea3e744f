"""Public Telegram channels, read from their web preview (https://t.me/s/<channel>).

Each post is a whole story (``full_text=True``): there is no article page to fetch.
"""

from __future__ import annotations

from bs4 import Tag

from bot.core.dates import parse_timestamp
from bot.core.models import Entry
from bot.core.sources import SourceParseError, element_text, first_line_title, soup

POST_URL = "https://t.me/{post}"


def parse(text: str, final_url: str) -> list[Entry]:
    page = soup(text)
    messages = page.select(".tgme_widget_message[data-post]")
    if not messages and page.select_one(".tgme_channel_info, .tgme_channel_history") is None:
        raise SourceParseError(
            f"{final_url} is not a public Telegram channel preview; check the channel name, and that "
            "the channel is public (private channels and groups have no web preview)"
        )
    entries = []
    for message in messages:
        entry = _entry(message)
        if entry is not None:
            entries.append(entry)
    return entries


def _entry(message: Tag) -> Entry | None:
    post = str(message.get("data-post") or "").strip().strip("/")
    body = _own_text(message)
    if not post or body is None:
        return None  # a photo, sticker or service message without text: nothing to analyse
    text = element_text(body)
    if not text:
        return None
    stamp = message.select_one(".tgme_widget_message_date time[datetime]") or message.select_one("time[datetime]")
    published = parse_timestamp(str(stamp.get("datetime"))) if stamp is not None else None
    return Entry(
        title=first_line_title(text),
        url=POST_URL.format(post=post),
        guid=post,
        text=text,
        published=published,
        full_text=True,
    )


def _own_text(message: Tag) -> Tag | None:
    """The post's text, not the quoted text of the message it replies to."""
    for candidate in message.select(".tgme_widget_message_text"):
        if candidate.find_parent(class_="tgme_widget_message_reply") is None:
            return candidate
    return None
