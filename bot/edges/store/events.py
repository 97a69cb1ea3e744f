"""Events (one custody episode each), their reports and people: read for placing and
for listings, and the writes a placement decided (bot/core/events.EventWrite). Functions
over one connection; the caller holds the transaction. No decisions here: where a
report goes is decided in pure code (bot/app/event_posts.py, bot/core/event_book.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from bot.core.analysis.result import Analysis
from bot.core.events import Event, EventWrite, Person, Report
from bot.core.models import NewItem
from bot.edges.store.model import Connection, StoreError, as_stored, from_iso, to_iso, utcnow

# Events read per query of their people and reports.
CHUNK = 500


@lru_cache(maxsize=4096)
def analysis_of(text: str | None) -> Analysis:
    """A stored analysis (JSON) as an Analysis. Memoised on the text itself (so never
    stale): placing reads the same reports' analyses again and again."""
    return Analysis.from_dict(json.loads(text or "{}"))


def lock_placement(db: Connection, now: datetime) -> int:
    """Take the event_placement row (under PostgreSQL its row lock makes placements
    wait for each other until commit; SQLite's BEGIN IMMEDIATE already does) and the
    next placement number, written on the events this transaction opens or changes."""
    return int(
        db.execute(
            "UPDATE event_placement SET updated_at = ?, version = version + 1 WHERE id = 1 RETURNING version",
            (to_iso(now),),
        ).fetchone()[0]
    )


def load_events(
    db: Connection,
    where: str,
    params: Sequence[Any],
    *,
    texts: bool = True,
    with_reports: bool = True,
) -> list[Event]:
    """Events matching ``where`` (on alias e), with their people and reports, oldest
    first; with ``texts`` False the reports' texts are left empty (not read); with
    ``with_reports`` False the reports are not read at all."""
    rows = db.execute(
        "SELECT e.id, e.first_at, e.last_at, e.alert_id, e.detained_on, e.previous_on FROM events e"
        f" WHERE {where} ORDER BY e.first_at, e.id",
        list(params),
    ).fetchall()
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    people = people_of(db, ids)
    reports = (
        {event_id: [report for _, report in found] for event_id, found in reports_of(db, ids, texts=texts).items()}
        if with_reports
        else {}
    )
    return [
        Event(
            id=row["id"],
            first_at=from_iso(row["first_at"]) or utcnow(),
            last_at=from_iso(row["last_at"]) or utcnow(),
            people=tuple(people[row["id"]]),
            reports=tuple(reports.get(row["id"], ())),
            alert_id=row["alert_id"],
            detained_on=row["detained_on"],
            previous_on=row["previous_on"],
        )
        for row in rows
    ]


def people_of(db: Connection, ids: Sequence[int]) -> dict[int, list[Person]]:
    people: dict[int, list[Person]] = {event_id: [] for event_id in ids}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in db.execute(
            f"SELECT event_id, person_key, name, term, status FROM event_people WHERE event_id IN"
            f" ({','.join('?' * len(chunk))}) ORDER BY id",
            chunk,
        ):
            people[row["event_id"]].append(
                Person(key=row["person_key"], name=row["name"], term=row["term"], status=row["status"])
            )
    return people


# The order of an event's reports: the first one, then by when they joined.
ReportKey = tuple[int, str, int]


def reports_of(db: Connection, ids: Sequence[int], *, texts: bool = True) -> dict[int, list[tuple[ReportKey, Report]]]:
    """Each event's reports in order, with the key they are ordered by."""
    reports: dict[int, list[tuple[ReportKey, Report]]] = {event_id: [] for event_id in ids}
    text_column = "i.text" if texts else "''"
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in db.execute(
            "SELECT r.event_id, r.role, r.added_at, i.id, s.name AS source_name, i.title, i.url,"
            f" {text_column} AS text, i.published_at, i.fetched_at, i.analysis FROM event_reports r"
            " JOIN items i ON i.id = r.item_id JOIN sources s ON s.id = i.source_id"
            f" WHERE r.event_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY CASE WHEN r.role = 'first' THEN 0 ELSE 1 END, r.added_at, i.id",
            chunk,
        ):
            report = Report(
                item_id=row["id"],
                source_name=row["source_name"],
                title=row["title"],
                url=row["url"],
                text=row["text"],
                at=from_iso(row["published_at"] or row["fetched_at"]) or utcnow(),
                analysis=analysis_of(row["analysis"]),
                role=row["role"],
            )
            reports[row["event_id"]].append((report_key(row["role"], row["added_at"], row["id"]), report))
    return reports


def report_key(role: str, added_at: str, item_id: int) -> ReportKey:
    return (0 if role == "first" else 1, added_at, item_id)


def stored_report(item_id: int, item: NewItem, source_name: str, role: str) -> Report:
    """The report of a just-stored item exactly as reports_of will read it back."""
    text = json.dumps(item.analysis, ensure_ascii=False) if item.analysis is not None else None
    return Report(
        item_id=item_id,
        source_name=source_name,
        title=item.title,
        url=item.url,
        text=item.text,
        at=as_stored(item.published_at or item.fetched_at),
        analysis=analysis_of(text),
        role=role,  # type: ignore[arg-type]
    )


def events_since(db: Connection, since: datetime) -> list[Event]:
    """Events whose last report is at or after ``since``, with their people only."""
    return load_events(db, "e.last_at >= ?", (to_iso(since),), with_reports=False)


def episodes_of(db: Connection, keys: Iterable[str], *, before: datetime) -> list[Event]:
    """Events of any of these people (by person key) last reported before ``before``,
    with their people only: a person's earlier episodes, however long ago."""
    wanted = sorted(set(keys) - {""})
    if not wanted:
        return []
    return load_events(
        db,
        f"e.id IN (SELECT event_id FROM event_people WHERE person_key IN ({','.join('?' * len(wanted))}))"
        " AND e.last_at < ?",
        [*wanted, to_iso(before)],
        with_reports=False,
    )


def write_placement(
    db: Connection, write: EventWrite, *, item_id: int, alert_id: int | None, now: datetime, version: int
) -> int:
    """Apply one placement: open the event (with its alert, ``alert_id``, already
    queued) or update the one joined; add the report and its people. The event's id."""
    at = to_iso(write.at)
    event_id = write.event_id
    if event_id is None:
        event_id = int(
            db.execute(
                "INSERT INTO events (first_item_id, first_at, last_at, detained_on, place, created_at, version,"
                " previous_on, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (item_id, at, at, write.detained_on, write.place, to_iso(now), version, write.previous_on, alert_id),
            ).fetchone()[0]
        )
    else:
        db.execute(
            "UPDATE events SET last_at = CASE WHEN last_at < ? THEN ? ELSE last_at END,"
            " first_at = CASE WHEN first_at > ? THEN ? ELSE first_at END,"
            " detained_on = COALESCE(detained_on, ?), place = COALESCE(place, ?), version = ? WHERE id = ?",
            (at, at, at, at, write.detained_on, write.place, version, event_id),
        )
    db.execute(
        "INSERT INTO event_reports (item_id, event_id, role, reason, added_at) VALUES (?, ?, ?, ?, ?)",
        (item_id, event_id, write.role, write.reason[:500], to_iso(now)),
    )
    db.executemany(
        "INSERT INTO event_people (event_id, person_key, name, latin, term, status, first_item_id,"
        " last_item_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (event_id, person_key) DO UPDATE SET term = excluded.term, status = excluded.status,"
        " last_item_id = excluded.last_item_id, updated_at = excluded.updated_at",
        [
            (event_id, person.key, person.name, person.latin, person.term, person.status, item_id, item_id, to_iso(now))
            for person in write.people
        ],
    )
    return event_id


# -- custody records (issue 17; bot/core/custody.py) -------------------------------------


def person_ids(db: Connection, event_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """(event id, person key) → event_people.id: the PERSON-ID of ``custody set``."""
    wanted = sorted(set(event_ids))
    out: dict[tuple[int, str], int] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        for row in db.execute(
            f"SELECT id, event_id, person_key FROM event_people WHERE event_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[(row["event_id"], row["person_key"])] = row["id"]
    return out


def custody_person(db: Connection, person_id: int) -> Any | None:
    return db.execute("SELECT * FROM event_people WHERE id = ?", (person_id,)).fetchone()


def add_custody_correction(
    db: Connection, person_id: int, field: str, value: str, *, note: str, by: str, now: datetime
) -> int:
    if db.execute("SELECT 1 FROM event_people WHERE id = ?", (person_id,)).fetchone() is None:
        raise StoreError(f"no person with id {person_id}: see the ids in `arrestwatch custody`")
    return int(
        db.execute(
            "INSERT INTO custody_corrections (person_id, field, value, note, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (person_id, field, value, note, by, to_iso(now)),
        ).fetchone()[0]
    )


def custody_corrections(db: Connection) -> list[Any]:
    return list(db.execute("SELECT * FROM custody_corrections ORDER BY id").fetchall())
