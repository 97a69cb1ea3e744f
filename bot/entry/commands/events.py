"""``arrestwatch events`` and ``export``: recent episodes, and one record per detained
person per episode for monitors."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bot.core.events import Event
from bot.core.records import PersonRecord, person_records
from bot.edges.config import load_config
from bot.edges.store import Store


def recent_events(store: Store, days: int, *, now: datetime) -> list[Event]:
    """The episodes first reported in the last ``days`` days."""
    return store.recent_events(now - timedelta(days=days))


def channel_language(sources: Path) -> str:
    """The channel's language from the sources file's settings ("en" without one);
    ConfigError when the file is there but unusable."""
    if not sources.exists():
        return "en"
    return load_config(sources).settings.language


def export_records(store: Store, since: date) -> tuple[list[PersonRecord], list[Event]]:
    """The person records of the episodes first reported on or after ``since`` (UTC),
    and those episodes."""
    events = store.events_since(datetime.combine(since, datetime.min.time(), tzinfo=timezone.utc))
    return person_records(events), events


__all__ = ["channel_language", "export_records", "recent_events"]
