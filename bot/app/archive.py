"""An archive reporters can query: ``arrestwatch publish OUT.db`` writes a clean SQLite
snapshot (people, episodes, reports, places, custody) and a datasette metadata file
beside it; ``arrestwatch serve`` runs datasette on it, read-only.

Why datasette: browsing, faceting, filtering, canned queries, CSV/JSON of any view and
a JSON API come with it; the snapshot only has to be a tidy SQLite file with column
descriptions. The snapshot is read through the Store (bot/edges/store/), so it is the same
from SQLite or PostgreSQL. It holds no item texts and nothing about sources' state or
the outbox: only what was published, and the records derived from it.

``snapshot_rows`` is pure (episodes in, rows out); ``publish`` and ``serve_command``
are the IO edges.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.core.custody import CustodyRecord
from bot.core.errors import RequestError
from bot.core.events import Event, Person, Report
from bot.core.records import PersonRecord, person_records
from bot.core.translit import latin

DATABASE = "archive"  # how the metadata names the snapshot (its file stem must match)


class ArchiveError(RequestError):
    """The snapshot cannot be written, or datasette cannot serve it (the message says what to do)."""


SCHEMA = """
CREATE TABLE snapshot (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE people (
    person_key TEXT PRIMARY KEY, name TEXT NOT NULL, name_latin TEXT NOT NULL, episodes INTEGER NOT NULL,
    first_detained TEXT, last_detained TEXT
);
CREATE TABLE places (place TEXT PRIMARY KEY, episodes INTEGER NOT NULL, people INTEGER NOT NULL);
CREATE TABLE episodes (
    id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, person_id INTEGER, person_key TEXT, name TEXT NOT NULL,
    name_latin TEXT NOT NULL, detained_on TEXT, month TEXT, place TEXT, charge TEXT, code TEXT, article TEXT,
    sanction TEXT NOT NULL, term TEXT, term_days INTEGER, terms_reported TEXT, status TEXT NOT NULL,
    expected_release TEXT, custody_status TEXT, released_on TEXT, first_source TEXT, first_url TEXT,
    reports INTEGER NOT NULL
);
CREATE INDEX episodes_person ON episodes(person_key);
CREATE INDEX episodes_month ON episodes(month);
CREATE TABLE reports (
    item_id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, role TEXT NOT NULL, source TEXT NOT NULL,
    title TEXT NOT NULL, url TEXT, published TEXT NOT NULL
);
CREATE INDEX reports_event ON reports(event_id);
CREATE TABLE custody (
    person_id INTEGER, event_id INTEGER NOT NULL, name TEXT NOT NULL, name_latin TEXT NOT NULL, place TEXT,
    sanction TEXT NOT NULL, detained_on TEXT NOT NULL, term TEXT, expected_release TEXT, days_left INTEGER,
    status TEXT NOT NULL, released_on TEXT, corrections TEXT
);
"""

COLUMNS: dict[str, dict[str, str]] = {
    "people": {
        "person_key": "The person's key: the same for every spelling and script of the name",
        "name": "The name as first written",
        "name_latin": "The name in Latin letters",
        "episodes": "Custody episodes of this person in the archive",
        "first_detained": "Day of the first episode",
        "last_detained": "Day of the latest episode",
    },
    "places": {
        "place": "City or region as the reports name it",
        "episodes": "Episodes there (one per person)",
        "people": "Different people detained there",
    },
    "episodes": {
        "event_id": "The custody episode (one detention, told by every outlet that reported it)",
        "person_id": "The person in this episode (the PERSON-ID of `arrestwatch custody set`)",
        "person_key": "The person's key (see people)",
        "name": "Name as first written",
        "name_latin": "Name in Latin letters",
        "detained_on": "Day of detention: stated in a report, else the day of the first report",
        "month": "Month of detention (YYYY-MM)",
        "place": "City or region",
        "charge": "The charge as the reports give it",
        "code": "Administrative Code or Criminal Code, when stated",
        "article": "The article, when stated",
        "sanction": "detention, administrative arrest, pre-trial detention, prison or house arrest",
        "term": 'The term ("15 days"), the latest reported',
        "term_days": "The term in days (months as 30)",
        "terms_reported": "Every term outlets gave, with the outlets: disagreements stay visible",
        "status": "As the reports tell it: detained, sentenced or released",
        "expected_release": "When the term ends, counted from the day of detention",
        "custody_status": "On the snapshot's day: detained, term known, due out, released or unknown",
        "released_on": "Day a release was reported (or set by an operator)",
        "first_source": "Outlet of the first report",
        "first_url": "Link to the first report",
        "reports": "Reports of this episode",
    },
    "reports": {
        "item_id": "The report",
        "event_id": "Its episode",
        "role": "first (the alert), also (same facts), followup (new facts)",
        "source": "The outlet",
        "title": "Headline",
        "url": "Link",
        "published": "Publication time (UTC)",
    },
    "custody": {
        "person_id": "The person in this episode",
        "event_id": "The episode",
        "name": "Name",
        "name_latin": "Name in Latin letters",
        "place": "City or region",
        "sanction": "Kind of custody",
        "detained_on": "Day of detention",
        "term": "Term",
        "expected_release": "When the term ends",
        "days_left": "Days to the expected release from the snapshot's day (negative: past)",
        "status": "detained, term known, due out (term over, release not reported), released or unknown",
        "released_on": "Day of the reported release",
        "corrections": "Operators' corrections, as given",
    },
}

QUERIES: dict[str, dict[str, Any]] = {
    "in_custody_now": {
        "title": "In custody now",
        "description": "People held on the snapshot's day: detained, serving a known term, or due out "
        "with no release reported",
        "sql": "SELECT name, name_latin, place, sanction, detained_on, term, expected_release, days_left, status,"
        " corrections FROM custody WHERE status IN ('detained', 'term known', 'due out')"
        " ORDER BY place, expected_release, name",
    },
    "arrests_by_month": {
        "title": "Arrests by month",
        "description": "People detained per month (one per person per episode), and in how many episodes",
        "sql": "SELECT month, count(*) AS people, count(DISTINCT event_id) AS episodes FROM episodes"
        " WHERE month IS NOT NULL GROUP BY month ORDER BY month",
    },
    "person_episodes": {
        "title": "Every episode of one person",
        "description": "Type a name in any script or spelling, or part of it",
        "sql": "SELECT e.detained_on, e.name, e.place, e.charge, e.sanction, e.term, e.status, e.expected_release,"
        " e.released_on, e.first_url FROM episodes e WHERE e.name LIKE '%' || :name || '%'"
        " OR e.name_latin LIKE '%' || :name || '%' ORDER BY e.detained_on",
    },
}


def metadata(database: str = DATABASE) -> dict[str, Any]:
    """The datasette metadata: descriptions, facets by place, month and charge, canned queries."""
    tables: dict[str, dict[str, Any]] = {name: {"columns": columns} for name, columns in COLUMNS.items()}
    tables["episodes"].update(
        description="One row per detained person per custody episode",
        facets=["place", "month", "charge", "sanction"],
        sort_desc="detained_on",
    )
    tables["custody"].update(
        description="Custody on the snapshot's day, one row per person per episode", facets=["status", "place"]
    )
    tables["reports"]["description"] = "Every report of every episode"
    tables["people"]["description"] = "Every person named as detained"
    tables["places"]["description"] = "Places with their episodes"
    tables["snapshot"] = {"hidden": True}
    return {
        "title": "arrestwatch archive",
        "description": "Arrests of activists, journalists and protesters in Kazakhstan and the region, "
        "as reported by the outlets arrestwatch follows.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }


def snapshot_rows(events: Sequence[Event], custody: Sequence[CustodyRecord]) -> dict[str, list[tuple[Any, ...]]]:
    """The snapshot's tables as rows (pure)."""
    by_person = {(r.event_id, r.name): r for r in custody}
    reports_of = {event.id: len(event.reports) for event in events}
    episodes: list[tuple[Any, ...]] = []
    people: dict[str, list[Any]] = {}
    places: dict[str, tuple[set[int], set[str]]] = {}
    persons = {(event.id, person.name): person for event in events for person in event.people}
    for record in person_records(events):
        kept = by_person.get((record.event_id, record.name))
        person = persons.get((record.event_id, record.name))
        key = person.key if person is not None and person.key else None
        episodes.append(_episode_row(record, kept, person, key, reports_of.get(record.event_id, 0)))
        if key:
            entry = people.setdefault(key, [record.name, record.name_latin or latin(record.name), 0, None, None])
            entry[2] += 1
            if record.detained_on:
                entry[3] = min(filter(None, (entry[3], record.detained_on)))
                entry[4] = max(filter(None, (entry[4], record.detained_on)))
        if record.place:
            seen_events, seen_people = places.setdefault(record.place, (set(), set()))
            seen_events.add(record.event_id)
            seen_people.add(key or f"{record.event_id}:{record.name}")
    return {
        "episodes": episodes,
        "people": [(key, *values) for key, values in sorted(people.items())],
        "places": [(place, len(ev), len(pe)) for place, (ev, pe) in sorted(places.items())],
        "reports": [_report_row(event, report) for event in events for report in event.reports],
        "custody": [_custody_row(r) for r in custody],
    }


def _episode_row(
    record: PersonRecord, kept: CustodyRecord | None, person: Person | None, key: str | None, reports: int
) -> tuple[Any, ...]:
    """One row of ``episodes``: the record, completed by what custody keeps of the person (``kept``)."""
    return (
        record.event_id,
        kept.person_id if kept else None,
        key,
        record.name,
        record.name_latin,
        record.detained_on,
        record.detained_on[:7] if record.detained_on else None,
        record.place,
        record.charge,
        record.code,
        record.article,
        record.sanction,
        kept.term if kept else (person.term if person is not None else None),
        record.term_days,
        " | ".join(record.terms) or None,
        record.status,
        _day(kept.expected_release) if kept else None,
        kept.status if kept else None,
        _day(kept.released_on) if kept else None,
        record.source_names[0] if record.source_names else None,
        record.source_urls[0] if record.source_urls else None,
        reports,
    )


def _report_row(event: Event, report: Report) -> tuple[Any, ...]:
    return (
        report.item_id,
        event.id,
        report.role,
        report.source_name,
        report.title,
        report.url,
        report.at.isoformat(timespec="seconds"),
    )


def _custody_row(r: CustodyRecord) -> tuple[Any, ...]:
    return (
        r.person_id,
        r.event_id,
        r.name,
        r.name_latin,
        r.place,
        r.sanction,
        r.detained_on.isoformat(),
        r.term,
        _day(r.expected_release),
        r.days_left,
        r.status,
        _day(r.released_on),
        " | ".join(r.corrections) or None,
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


_INSERTS = {
    "episodes": "INSERT INTO episodes (event_id, person_id, person_key, name, name_latin, detained_on, month, place,"
    " charge, code, article, sanction, term, term_days, terms_reported, status, expected_release,"
    " custody_status, released_on, first_source, first_url, reports)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "people": "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)",
    "places": "INSERT INTO places VALUES (?, ?, ?)",
    "reports": "INSERT OR IGNORE INTO reports VALUES (?, ?, ?, ?, ?, ?, ?)",
    "custody": "INSERT INTO custody VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def metadata_path(snapshot: Path) -> Path:
    """Where ``publish`` writes the metadata of ``snapshot``: OUT.metadata.json beside it."""
    return snapshot.with_suffix(".metadata.json")


def publish(store: Any, output: Path, *, day: date, now: datetime) -> dict[str, int]:
    """Write the snapshot to ``output`` (replacing it whole: written beside it, then
    renamed) and its metadata; returns the rows per table."""
    from bot.app.custody_posts import load_records

    events = store.all_events()
    custody = load_records(store, day, now=now)
    rows = snapshot_rows(events, custody)
    output = Path(output)
    partial = output.with_name(output.name + ".partial")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with sqlite3.connect(partial) as db:
            db.executescript(SCHEMA)
            db.executemany(
                "INSERT INTO snapshot VALUES (?, ?)",
                [("taken_at", now.isoformat(timespec="seconds")), ("day", day.isoformat())],
            )
            for table, statement in _INSERTS.items():
                db.executemany(statement, rows[table])
        db.close()
        os.replace(partial, output)
        metadata_path(output).write_text(
            json.dumps(metadata(output.stem), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"cannot write the snapshot {output}: {exc}") from None
    return {table: len(values) for table, values in rows.items()}


def serve_command(snapshot: Path, *, host: str, port: int) -> list[str]:
    """The datasette command that serves ``snapshot`` read-only (immutable) with its metadata."""
    if importlib.util.find_spec("datasette") is None:
        raise ArchiveError("datasette is not installed: pip install 'arrestwatch[web]'")
    if not Path(snapshot).is_file():
        raise ArchiveError(f"no snapshot at {snapshot}: write one with `arrestwatch publish {snapshot}`")
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "--immutable",
        str(snapshot),
        "--host",
        host,
        "--port",
        str(port),
    ]
    meta = metadata_path(Path(snapshot))
    if meta.is_file():
        command += ["--metadata", str(meta)]
    return command
