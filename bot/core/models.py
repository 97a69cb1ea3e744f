"""Plain data shared by the stages: what configuration says and what a source offered.

Only dataclasses here, no behaviour that does IO, so every stage can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.analysis.result import RuleConfig

SOURCE_TYPES = ("rss", "html", "telegram")
LANGUAGES = ("en", "ru", "kk")


@dataclass(frozen=True)
class HtmlSelectors:
    """CSS selectors for a news listing page without a feed (``[source.select]``).

    ``item`` picks one element per story; the others are looked up inside it. ``link``
    defaults to the first ``a[href]`` of the item, ``title`` to the link's text.
    """

    item: str | None = None
    title: str | None = None
    link: str | None = None
    date: str | None = None
    teaser: str | None = None


@dataclass(frozen=True)
class SourceConfig:
    """One ``[[source]]`` entry of sources.toml, validated."""

    name: str
    url: str
    type: str = "rss"
    interval: timedelta = timedelta(minutes=10)
    lang: str | None = None
    select: HtmlSelectors | None = None
    line: int = 0  # line of the entry in sources.toml, for error messages
    # The zone of times the source prints without one: its own ``timezone``, else the
    # settings' (filled in by bot.edges.config); None outside a loaded config.
    timezone: str | None = None


@dataclass(frozen=True)
class Settings:
    """``[settings]`` of sources.toml."""

    timezone: str = "Asia/Almaty"
    digest_time: time = time(21, 0)
    language: str = "en"
    interval: timedelta = timedelta(minutes=10)
    max_age: timedelta = timedelta(hours=24)
    quiet_digest: bool = True  # post one line on a day with no arrests
    alert_after: timedelta = timedelta(hours=24)  # tell the operators when a source fails this long
    # Reports scored in [review_score, post_score) are doubtful: an operator decides.
    review_score: float = 0.35
    post_score: float = 0.5
    # At most one edit of a posted message this often; what arrives meanwhile is merged.
    edit_interval: timedelta = timedelta(minutes=10)
    # Custody (issue 17): the morning "due out today" note (and the weekly chart) at
    # due_out_time. The pinned "In custody now" list and the chart are an operator's
    # choice (pinning needs the bot's right to pin; both add posts): off by default.
    custody_board: bool = False
    due_out_time: time = time(9, 0)
    chart_day: str = "off"  # or a weekday, "monday" … "sunday"


def today(settings: Settings, now: datetime) -> date:
    """The calendar day of ``now`` in the configured zone."""
    return now.astimezone(ZoneInfo(settings.timezone)).date()


@dataclass(frozen=True)
class Config:
    """The whole validated sources.toml."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    sources: tuple[SourceConfig, ...] = ()
    rules: RuleConfig = field(default_factory=RuleConfig)


@dataclass(frozen=True)
class Entry:
    """One story a source offered, before de-duplication and analysis.

    ``text`` is plain text (markup removed); ``full_text`` says whether it is the whole
    article or only a teaser, in which case the pipeline may fetch the article page.
    ``published`` is timezone-aware (UTC) or None when the source gives no date.
    """

    title: str
    url: str | None
    guid: str | None = None
    text: str = ""
    published: datetime | None = None
    full_text: bool = False


@dataclass
class PollReport:
    """What one poll of one source did, for the exit summary and health."""

    source: str
    ok: bool = True
    error: str | None = None
    not_modified: bool = False
    entries: int = 0
    new_items: int = 0
    alerts: int = 0
    reviews: int = 0
    old_items: int = 0
    # later reports of a known arrest: its alert edited ("also reported by") or answered
    edits: int = 0
    followups: int = 0
    failed_entries: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class NewItem:
    """A story ready to be stored, with its de-duplication keys and analysis."""

    source_id: int
    keys: tuple[str, ...]
    guid: str | None
    url: str | None
    canonical_url: str | None
    content_hash: str
    title: str
    text: str
    published_at: datetime | None
    fetched_at: datetime
    status: str  # 'alert' | 'seen' | 'old'
    analysis: dict[str, Any] | None = None
    source_name: str | None = None  # for placing the report among events


@dataclass(frozen=True)
class QueuedPost:
    """A post to queue with its item: an alert for the channel, or a review request
    (with Approve/Reject buttons as ``markup``, inline-keyboard JSON) for the operators."""

    body: str
    kind: str = "alert"
    target: str = "channel"
    markup: dict[str, Any] | None = None
    # 'edit' / 'followup': the outbox row of the post to edit or reply to; the post
    # waits until that one is sent and takes its Telegram message id then.
    parent_id: int | None = None
