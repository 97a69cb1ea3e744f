"""Opening the database for a command."""

from __future__ import annotations

from pathlib import Path

from bot.core.errors import StoreError
from bot.edges.db import is_postgres_url
from bot.edges.store import Store


class NoDatabaseError(StoreError):
    """A command that only reads was pointed at a SQLite file that does not exist."""


def open_store(db: str) -> Store:
    """The store at ``db`` (a SQLite path, created on first use, or a PostgreSQL URL);
    StoreError says why it cannot be opened or migrated."""
    return Store.open(db)


def open_existing_store(db: str) -> Store:
    """The store for a command that only reads it: a SQLite file that does not exist is
    an error naming the path (a wrong folder or a mistyped --db would otherwise create
    an empty database and report 0)."""
    if not is_postgres_url(db) and not Path(db).exists():
        raise NoDatabaseError(
            f"no database at {db}: run this where `arrestwatch once` or `run` keeps it, or pass "
            "--db PATH (or set DATABASE_URL)"
        )
    return open_store(db)


__all__ = ["NoDatabaseError", "open_existing_store", "open_store"]
