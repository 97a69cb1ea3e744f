"""Sources' health: when to tell the operators that a source is down, back, or silent.

Pure: takes what the store remembers and the time, returns the notices to send; the
caller queues them and records that they were sent, so each is sent once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.edges.store import SourceState

# A feed is "silent" when nothing new came for this many times its usual gap...
SILENCE_FACTOR = 5
# ...and never sooner than this, so a feed that posts every few minutes is not
# flagged after a quiet hour at night.
MIN_SILENCE = timedelta(hours=12)
MIN_GAPS_FOR_RHYTHM = 5


@dataclass(frozen=True)
class Notice:
    """One message for the operators about one source."""

    source: str
    kind: str  # 'down' | 'recovered' | 'silent'
    text: str


def usual_gap(published: Sequence[datetime]) -> timedelta | None:
    """The median time between a source's recent items, or None with too few."""
    times = sorted(published)
    gaps = sorted(later - earlier for earlier, later in zip(times, times[1:]) if later > earlier)
    if len(gaps) < MIN_GAPS_FOR_RHYTHM:
        return None
    # statistics.median's rule, on timedeltas (its types want numbers)
    middle = len(gaps) // 2
    return gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2


def health_notices(
    state: SourceState,
    *,
    now: datetime,
    alert_after: timedelta,
    gap: timedelta | None,
    down_notified: bool,
    silent_notified: bool,
) -> list[Notice]:
    """Which notices are due for this source now."""
    notices: list[Notice] = []
    failing_since = _failing_since(state)
    if failing_since is not None and now - failing_since >= alert_after and not down_notified:
        hours = (now - failing_since).total_seconds() / 3600
        notices.append(
            Notice(
                state.name,
                "down",
                (
                    f"⚠️ Source {state.name} has failed for {hours:.0f} h ({state.consecutive_failures} polls in a row). "
                    f"Last error: {state.last_error or 'unknown'}. URL: {state.url}. "
                    "Check the URL in sources.toml, or remove the source if the outlet has closed its feed."
                ),
            )
        )
    if failing_since is None and down_notified:
        notices.append(Notice(state.name, "recovered", f"✅ Source {state.name} is working again."))
    if gap is not None and state.last_new_item_at is not None and failing_since is None:
        silence = now - state.last_new_item_at
        limit = max(MIN_SILENCE, gap * SILENCE_FACTOR)
        if silence >= limit and not silent_notified:
            notices.append(
                Notice(
                    state.name,
                    "silent",
                    (
                        f"🔇 Source {state.name} answers but has published nothing new for "
                        f"{silence.total_seconds() / 3600:.0f} h (it usually does every "
                        f"{gap.total_seconds() / 60:.0f} min). The feed may have moved: check {state.url}."
                    ),
                )
            )
        if silence < limit and silent_notified:
            notices.append(Notice(state.name, "recovered", f"✅ Source {state.name} is publishing again."))
    return notices


def _failing_since(state: SourceState) -> datetime | None:
    """When the current run of failures began (None when the source is fine)."""
    return state.failing_since if state.consecutive_failures else None
