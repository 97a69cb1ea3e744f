"""``arrestwatch custody``, ``custody set`` and ``publish``: who is in custody on a day,
an operator's correction of one record, and the snapshot for reporters."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from bot.app.archive import publish
from bot.app.custody_posts import load_records
from bot.core.custody import CustodyRecord, parse_term
from bot.core.errors import ConfigError
from bot.core.models import today
from bot.edges.config import load_config
from bot.edges.store import Store


def configured_today(sources: Path, now: datetime) -> date:
    """Today in the configured time zone; in UTC when the sources file is unusable."""
    try:
        return today(load_config(sources).settings, now)
    except (ConfigError, OSError):
        return now.astimezone(timezone.utc).date()


def custody_on(store: Store, day: date, *, now: datetime, everyone: bool = True) -> list[CustodyRecord]:
    """Every custody record as things stand on ``day``; without ``everyone``, only the
    people held, corrected by hand or released that day."""
    records = load_records(store, day, now=now)
    if not everyone:
        records = [r for r in records if r.held or r.corrections or r.released_on == day]
    return records


def correction(
    *,
    term: str | None = None,
    no_term: bool = False,
    detained: date | None = None,
    not_released: bool = False,
    released: date | None = None,
) -> tuple[str, str]:
    """The (field, value) of a correction from exactly one of its options; CustodyError
    for a term that cannot be read."""
    if term is not None:
        return "term", parse_term(term)
    if no_term:
        return "term", ""
    if detained is not None:
        return "detained_on", detained.isoformat()
    if not_released:
        return "released", ""
    assert released is not None, "one of the options is required (the parser makes sure)"
    return "released", released.isoformat()


def correct_custody(store: Store, person: int, field: str, value: str, *, note: str, now: datetime) -> None:
    """Keep an operator's correction of one person's record; StoreError for an unknown person."""
    store.add_custody_correction(person, field, value, note=note, by="cli", now=now)


def publish_snapshot(store: Store, output: Path, *, day: date, now: datetime) -> dict[str, int]:
    """Write the snapshot and its datasette metadata; the rows per table. ArchiveError says why not."""
    return publish(store, output, day=day, now=now)


__all__ = ["configured_today", "correct_custody", "correction", "custody_on", "publish_snapshot"]
