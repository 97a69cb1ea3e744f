"""``arrestwatch review``: the doubtful reports held for an operator (when there is no
operators' chat to send them to), and the decision on one of them."""

from __future__ import annotations

from datetime import datetime

from bot.app.review import Decision, decide
from bot.core.analysis.result import Analysis
from bot.core.models import Settings
from bot.edges.store import Store, StoredItem


def held_reports(store: Store) -> list[tuple[StoredItem, Analysis]]:
    """Each report held for review, with its analysis."""
    return [(item, Analysis.from_dict(item.analysis)) for item in store.items_with_status("review")]


def review_report(store: Store, settings: Settings, item_id: int, *, approve: bool, now: datetime) -> Decision:
    """Approve (the alert is queued) or reject one held report; ReviewError says why not."""
    return decide(store, settings, item_id, approve=approve, now=now)


__all__ = ["held_reports", "review_report"]
