"""Stored stories and their de-duplication keys. Functions over one connection; the
caller holds the transaction (Store.add_items, bot/app/placement.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from bot.core.models import NewItem
from bot.edges.db import INTEGRITY_ERRORS
from bot.edges.store.model import Connection, StoredItem, from_iso, to_iso, utcnow

_ITEM_COLUMNS = (
    "SELECT items.id, sources.name AS source_name, title, items.url, published_at, fetched_at,"
    " analysis, status FROM items JOIN sources ON sources.id = items.source_id"
)


def known_keys(db: Connection, keys: Iterable[str]) -> set[str]:
    """Which of these de-duplication keys are already stored (one query per 500)."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(row[0] for row in db.execute(f"SELECT key FROM item_keys WHERE key IN ({marks})", chunk))
    return found


def add(db: Connection, items: Sequence[NewItem], guarded: Sequence[bool]) -> list[int | None]:
    """Insert the items none of whose keys is known (in the database or earlier in the
    batch) with their keys; each one's id, None for a duplicate.

    Call under the write lock (Store.transaction, and on PostgreSQL lock_writers):
    then no other writer adds keys and the batch's duplicates are known here, so plain
    items need no savepoint each (most of a cold poll). A ``guarded`` item is written
    in a savepoint: a constraint refusing it drops that item alone.
    """
    known = known_keys(db, (key for item in items for key in item.keys))
    plain_keys: list[tuple[str, int]] = []
    ids: list[int | None] = []
    for item, guard in zip(items, guarded):
        keys = list(dict.fromkeys(item.keys))
        if known.intersection(keys):
            ids.append(None)
            continue
        known.update(keys)
        if not guard:
            item_id = insert_item(db, item)
            plain_keys += [(key, item_id) for key in keys]
            ids.append(item_id)
            continue
        db.execute("SAVEPOINT item")
        try:
            item_id = insert_item(db, item)
            db.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", [(key, item_id) for key in keys])
        except INTEGRITY_ERRORS:
            db.execute("ROLLBACK TO item")
            db.execute("RELEASE item")
            ids.append(None)
            continue
        db.execute("RELEASE item")
        ids.append(item_id)
    db.executemany("INSERT INTO item_keys (key, item_id) VALUES (?, ?)", plain_keys)
    return ids


def lock_writers(db: Connection, now: datetime) -> None:
    """PostgreSQL: writers of items queue behind one row lock, taken before any key is
    written: two workers storing overlapping stories in different orders would
    otherwise deadlock on each other's uncommitted keys (SQLite's BEGIN IMMEDIATE
    already serialises them). Placing among events takes the same row."""
    if getattr(db, "dialect", "sqlite") == "postgresql":
        db.execute("UPDATE event_placement SET updated_at = ? WHERE id = 1", (to_iso(now),))


def insert_item(db: Connection, item: NewItem) -> int:
    analysis = item.analysis or {}
    return int(
        db.execute(
            "INSERT INTO items (source_id, guid, url, canonical_url, content_hash, title, text,"
            " published_at, fetched_at, lang, arrest, protest, score, analysis, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                item.source_id,
                item.guid,
                item.url,
                item.canonical_url,
                item.content_hash,
                item.title,
                item.text,
                to_iso(item.published_at),
                to_iso(item.fetched_at),
                analysis.get("lang"),
                int(bool(analysis.get("arrest"))),
                int(bool(analysis.get("protest"))),
                analysis.get("score"),
                json.dumps(item.analysis, ensure_ascii=False) if item.analysis is not None else None,
                item.status,
            ),
        ).fetchone()[0]
    )


def source_names(db: Connection, source_ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(source_ids))
    if not wanted:
        return {}
    rows = db.execute(f"SELECT id, name FROM sources WHERE id IN ({','.join('?' * len(wanted))})", wanted)
    return {row[0]: row[1] for row in rows}


def arrest_items(db: Connection, start: datetime, end: datetime) -> list[StoredItem]:
    """Items flagged as arrest reports first seen in [start, end), each with its event."""
    rows = db.execute(
        "SELECT items.id, sources.name AS source_name, title, items.url, published_at, fetched_at, analysis,"
        " event_reports.event_id FROM items JOIN sources ON sources.id = items.source_id"
        " LEFT JOIN event_reports ON event_reports.item_id = items.id"
        " WHERE status = 'alert' AND fetched_at >= ? AND fetched_at < ? ORDER BY fetched_at, items.id",
        (to_iso(start), to_iso(end)),
    ).fetchall()
    return [stored_item(row) for row in rows]


def item(db: Connection, item_id: int) -> StoredItem | None:
    row = db.execute(f"{_ITEM_COLUMNS} WHERE items.id = ?", (item_id,)).fetchone()
    return stored_item(row) if row else None


def items_with_status(db: Connection, status: str, limit: int = 100) -> list[StoredItem]:
    rows = db.execute(f"{_ITEM_COLUMNS} WHERE status = ? ORDER BY items.id LIMIT ?", (status, limit)).fetchall()
    return [stored_item(row) for row in rows]


def item_count(db: Connection) -> int:
    return int(db.execute("SELECT count(*) FROM items").fetchone()[0])


def decide_review(db: Connection, item_id: int, *, approve: bool) -> bool:
    """An operator's decision on a held item; False if it was not waiting any more."""
    return bool(
        db.execute(
            "UPDATE items SET status = ? WHERE id = ? AND status = 'review'",
            ("alert" if approve else "rejected", item_id),
        ).rowcount
    )


def new_item_of(db: Connection, item_id: int) -> NewItem | None:
    """A stored item as the pipeline hands a new one over (for placing an approval)."""
    row = db.execute(
        "SELECT items.source_id, guid, items.url, canonical_url, content_hash, title, text, published_at,"
        " fetched_at, status, analysis, sources.name AS source_name FROM items"
        " JOIN sources ON sources.id = items.source_id WHERE items.id = ?",
        (item_id,),
    ).fetchone()
    if row is None:
        return None
    return NewItem(
        source_id=row["source_id"],
        keys=(),
        guid=row["guid"],
        url=row["url"],
        canonical_url=row["canonical_url"],
        content_hash=row["content_hash"],
        title=row["title"],
        text=row["text"],
        published_at=from_iso(row["published_at"]) if row["published_at"] else None,
        fetched_at=from_iso(row["fetched_at"]) or utcnow(),
        status=row["status"],
        analysis=json.loads(row["analysis"]) if row["analysis"] else None,
        source_name=row["source_name"],
    )


def stored_item(row: Any) -> StoredItem:
    return StoredItem(
        id=row["id"],
        source_name=row["source_name"],
        title=row["title"],
        url=row["url"],
        published_at=from_iso(row["published_at"]),
        fetched_at=from_iso(row["fetched_at"]) or utcnow(),
        analysis=json.loads(row["analysis"] or "{}"),
        event_id=row["event_id"] if "event_id" in row.keys() else None,  # noqa: SIM118 (a sqlite3.Row iterates its values)
    )
