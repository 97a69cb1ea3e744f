"""Operators' decisions on doubtful reports (the review queue).

Shared by the `arrestwatch review` command and the admin chat's Approve/Reject
buttons, so both paths post an approved alert exactly the same way: through the
outbox, in the transaction that records the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.analysis.result import Analysis
from bot.core.errors import RequestError
from bot.core.models import Settings
from bot.core.publish.format import AlertPost, format_alert
from bot.edges.store import QueuedPost, Store, StoredItem


class ReviewError(RequestError):
    """A decision that cannot be applied (unknown item, already decided)."""


@dataclass(frozen=True)
class Decision:
    item_id: int
    approved: bool
    title: str


def alert_for(item: StoredItem, settings: Settings) -> str:
    """The channel post an approved item becomes."""
    analysis = Analysis.from_dict(item.analysis)
    return format_alert(
        AlertPost(
            title=item.title, url=item.url, source_name=item.source_name, analysis=analysis, published=item.published_at
        ),
        settings.language,
    )


def decide(store: Store, settings: Settings, item_id: int, *, approve: bool, now: datetime) -> Decision:
    """Approve (queue the alert, placed among events so an arrest another outlet already
    reported is not posted twice) or reject one held item; raises ReviewError otherwise."""
    from bot.app.event_posts import EventPosts
    from bot.app.placement import decide_review

    item = store.item(item_id)
    if item is None:
        raise ReviewError(f"no item with id {item_id}; `arrestwatch review` lists the held ones")
    post = QueuedPost(alert_for(item, settings)) if approve else None
    placed = decide_review(store, item_id, approve=approve, alert=post, now=now, planner=EventPosts(settings.language))
    if not placed:
        raise ReviewError(f"item {item_id} is not waiting for review (already decided, or never doubtful)")
    return Decision(item_id, approve, item.title)
