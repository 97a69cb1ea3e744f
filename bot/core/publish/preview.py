"""Real posts on a phone-width page, for the README's picture (docs/posts.png).

``sample_posts`` builds an alert, the same alert edited when a second outlet reported
it, a follow-up and a digest with the project's own formatters from sample data of our
own writing; ``phone_page`` lays Telegram HTML posts out as a channel would show them.
``docs/render_posts.py`` writes the page and screenshots it with headless Chromium; a
test checks that the page is valid HTML and every post valid Telegram HTML. Pure.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.core.analysis.result import Analysis, Detainee
from bot.core.publish.format import (
    AlertPost,
    DigestEntry,
    DigestPeriod,
    FollowupLine,
    FollowupPost,
    format_alert,
    format_digest,
    format_followup,
)
from bot.core.publish.text import html_to_text

#: The page's width in CSS pixels: a common phone's.
PHONE_WIDTH = 412


@dataclass(frozen=True)
class PreviewPost:
    """One post as the channel shows it: its Telegram HTML and what the reader sees
    around it (sent time, "edited", the post it answers)."""

    html: str
    time: str
    edited: bool = False
    reply_to: str | None = None  # a line of the post it answers


def sample_posts(language: str = "en") -> list[PreviewPost]:
    """An alert, its edit, a follow-up and a digest, from sample data."""
    at = datetime(2026, 12, 2, 9, 40, tzinfo=timezone.utc)
    analysis = _sample_analysis()
    alert = AlertPost(
        "Two Almaty activists jailed after picket",
        "https://news.example/kz/picket?utm_source=tg",
        "Example News",
        analysis,
        published=at,
    )
    edited = AlertPost(
        alert.title,
        alert.url,
        alert.source_name,
        analysis,
        published=at,
        also_reported=(("Пример Медиа", "https://media.example/ru/1"),),
    )
    followup = FollowupPost(
        "Court shortens one activist's term",
        "https://other.example/en/2",
        "Other Outlet",
        (FollowupLine("term_changed", "Dana Omarova", "7 days", before="10 days"),),
        place="Almaty",
    )
    head = html_to_text(format_alert(alert, language).splitlines()[0])
    return [
        PreviewPost(format_alert(alert, language), "14:40"),
        PreviewPost(format_alert(edited, language), "14:40", edited=True),
        PreviewPost(format_followup(followup, language), "16:05", reply_to=head),
        *(PreviewPost(part, "21:00") for part in _sample_digest(alert, at, language)),
    ]


def _sample_analysis() -> Analysis:
    """The sample alert's analysis: two activists, their terms, the place and the charge."""
    return Analysis(
        arrest=True,
        protest=True,
        lang="en",
        place="Almaty",
        score=0.9,
        detainees=(Detainee("Aidar Serikbayev", "15 days"), Detainee("Dana Omarova", "10 days")),
        charge="participating in an unsanctioned rally",
        evidence=(
            "A court in Almaty sentenced two civic activists to administrative arrest after a peaceful "
            "picket outside the city akimat.",
        ),
    )


def _sample_digest(alert: AlertPost, at: datetime, language: str) -> list[str]:
    """A digest of the sample alert and one more report, with hours nobody watched."""
    period = DigestPeriod(
        datetime(2026, 12, 1, 16, 0, tzinfo=timezone.utc),
        datetime(2026, 12, 2, 16, 0, tzinfo=timezone.utc),
        "Asia/Almaty",
        key="2026-12-02",
    )
    return format_digest(
        period,
        [
            DigestEntry(
                alert.title, alert.url, alert.source_name, alert.analysis.detainees, "Almaty", at, other_reports=1
            ),
            DigestEntry(
                "Blogger detained in Oral",
                "https://media.example/ru/2",
                "Пример Медиа",
                (Detainee("Ерлан Жумабаев", None),),
                "Орал",
                at + timedelta(hours=3),
            ),
        ],
        language,
        unwatched=[
            (datetime(2026, 12, 1, 16, 0, tzinfo=timezone.utc), datetime(2026, 12, 1, 19, 30, tzinfo=timezone.utc))
        ],
    )


_STYLE = f"""
body {{ margin: 0; background: #7fa6c9; font: 15px/1.35 -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "DejaVu Sans", sans-serif, "Noto Color Emoji"; color: #111; width: {PHONE_WIDTH}px; }}
header {{ background: #517da2; color: #fff; padding: 10px 14px; font-weight: 600; }}
header small {{ display: block; font-weight: 400; opacity: .8; }}
main {{ padding: 8px 8px 16px; }}
.post {{ background: #fff; border-radius: 12px; padding: 8px 10px 6px; margin: 8px 0;
        box-shadow: 0 1px 1px rgba(0, 0, 0, .15); }}
.text {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.text a {{ color: #2a7ab8; text-decoration: none; }}
.reply {{ border-left: 3px solid #2a7ab8; padding-left: 6px; margin-bottom: 4px; font-size: 13px; color: #2a7ab8; }}
.meta {{ text-align: right; font-size: 12px; color: #8a9aa9; }}
"""


def phone_page(posts: Sequence[PreviewPost], title: str = "arrestwatch", subtitle: str = "channel") -> str:
    """A whole HTML document showing ``posts`` as a channel on a phone."""
    items = []
    for post in posts:
        reply = f'<div class="reply">{html.escape(post.reply_to, quote=False)}</div>' if post.reply_to else ""
        # The post's Telegram HTML is already escaped by the formatters; its tags are
        # HTML tags, and its newlines show as line breaks (white-space: pre-wrap).
        meta = ("edited " if post.edited else "") + post.time
        items.append(
            f'<article class="post">{reply}<div class="text">{post.html}</div>'
            f'<div class="meta">{html.escape(meta)}</div></article>'
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width={PHONE_WIDTH}"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>"
        f"<header>{html.escape(title)}<small>{html.escape(subtitle)}</small></header>"
        f"<main>{''.join(items)}</main></body></html>\n"
    )


__all__ = ["PHONE_WIDTH", "PreviewPost", "phone_page", "sample_posts"]
