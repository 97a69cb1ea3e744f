"""One SQL dialect for two engines: SQLite (one process) and PostgreSQL (many workers).

The store writes plain SQL in the common subset of both (``?`` and ``:name``
parameters, ``ON CONFLICT … DO NOTHING``, ``RETURNING id``, ISO-8601 text for times)
and talks to whichever connection ``connect`` returns. For PostgreSQL, this module
translates the few places where the dialects differ, so there is one schema, one set of
migrations and one set of queries. Why not an ORM: the queries are few and hand-tuned
(claims with ``FOR UPDATE SKIP LOCKED``, savepoints per item), and plain SQL keeps them
readable in both engines.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.core.errors import StoreError


class DatabaseError(StoreError):
    """The database cannot be opened or used; the message says what to check."""


class IntegrityError(StoreError):
    """A unique or foreign-key constraint refused a write (PostgreSQL's, as SQLite's)."""


#: What a call on the store can raise when the database fails: the store's own errors
#: (PostgreSQL's translated by this module) and SQLite's, which are not translated at run
#: time. Caught, instead of any exception, where a failed database call is survivable.
DATABASE_ERRORS: tuple[type[Exception], ...] = (StoreError, sqlite3.Error)

# Caught by the store wherever a constraint decides a race ("already claimed").
INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, IntegrityError)


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def redact_url(location: str) -> str:
    """The database URL without its password, for messages and logs."""
    if not is_postgres_url(location):
        return location
    parts = urlsplit(location)
    if parts.password is None:
        return location
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


class Row(tuple):
    """A result row readable by position and by column name, like sqlite3.Row."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


class _PgCursor:
    """The part of a sqlite3 cursor the store uses, over a psycopg cursor."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        description = cursor.description or ()
        self._names = {column.name: i for i, column in enumerate(description)}

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    @property
    def lastrowid(self) -> int:
        raise DatabaseError("lastrowid is not portable: use INSERT … RETURNING id")

    def fetchone(self) -> Row | None:
        values = self._cursor.fetchone()
        return None if values is None else Row(values, self._names)

    def fetchall(self) -> list[Row]:
        return [Row(values, self._names) for values in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class PgConnection:
    """A psycopg 3 connection that takes the store's SQLite-flavoured SQL.

    Autocommit, like the store's SQLite connection (isolation_level=None): the store
    issues BEGIN/COMMIT/ROLLBACK and SAVEPOINTs itself.
    """

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise DatabaseError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from exc
        self._psycopg = psycopg
        self._url = url
        self._in_transaction = False
        self._conn = self._connect()

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self._url, autocommit=True, connect_timeout=10)
        except self._psycopg.Error as exc:
            raise DatabaseError(
                f"cannot connect to PostgreSQL at {redact_url(self._url)}: {str(exc).strip()}; "
                "check DATABASE_URL (or --db) and that the server is running"
            ) from None

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> _PgCursor:
        statement = translate(sql)
        if statement is None:  # a PRAGMA: SQLite only
            return _PgCursor(self._conn.cursor())
        if self._conn.closed and not self._in_transaction:
            # The server restarted or dropped us between transactions: reconnect. A
            # connection lost inside a transaction is an error: that work is lost and
            # the caller's transaction fails (and is retried by whoever called it).
            self._conn = self._connect()
        first_word = statement.lstrip()[:8].upper()
        try:
            cursor = self._conn.cursor()
            cursor.execute(statement, _params(params))
        except self._psycopg.IntegrityError as exc:
            raise IntegrityError(str(exc).strip()) from exc
        except self._psycopg.OperationalError as exc:
            if self._conn.closed and not self._in_transaction and not first_word.startswith("BEGIN"):
                self._conn = self._connect()  # once: a statement outside a transaction is safe to repeat
                cursor = self._conn.cursor()
                try:
                    cursor.execute(statement, _params(params))
                except self._psycopg.Error as again:
                    raise DatabaseError(f"PostgreSQL: {str(again).strip()}") from again
                return _PgCursor(cursor)
            if _ends_transaction(statement):
                self._in_transaction = False
            raise DatabaseError(f"PostgreSQL: {str(exc).strip()}") from exc
        except self._psycopg.Error as exc:
            raise DatabaseError(f"PostgreSQL: {str(exc).strip()}") from exc
        if first_word.startswith("BEGIN"):
            self._in_transaction = True
        elif _ends_transaction(statement):
            self._in_transaction = False
        return _PgCursor(cursor)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any] | Mapping[str, Any]]) -> _PgCursor:
        statement = translate(sql)
        cursor = self._conn.cursor()
        try:
            # One execute per row rather than psycopg's executemany: that runs in
            # pipeline mode, which logs a warning whenever a row fails, and here a unique
            # constraint refusing a row (another worker stored the story) is routine.
            for row in rows:
                cursor.execute(statement, _params(row))
        except self._psycopg.IntegrityError as exc:
            raise IntegrityError(str(exc).strip()) from exc
        except self._psycopg.Error as exc:
            raise DatabaseError(f"PostgreSQL: {str(exc).strip()}") from exc
        return _PgCursor(cursor)

    def executescript(self, script: str) -> None:
        """Run a migration (several statements, no parameters)."""
        try:
            self._conn.execute(translate_ddl(script).encode())
        except self._psycopg.Error as exc:
            raise DatabaseError(f"PostgreSQL: {str(exc).strip()}") from exc

    def close(self) -> None:
        self._conn.close()


def _ends_transaction(statement: str) -> bool:
    """COMMIT or ROLLBACK, but not ROLLBACK TO SAVEPOINT."""
    words = statement.split()
    return (
        bool(words)
        and words[0].upper() in ("COMMIT", "ROLLBACK", "END")
        and not (len(words) > 1 and words[1].upper() == "TO")
    )


def _params(params: Sequence[Any] | Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
    if isinstance(params, Mapping):
        return dict(params)
    return tuple(params)


_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|::|\?|:[A-Za-z_]\w*|%")


@lru_cache(maxsize=512)
def translate(sql: str) -> str | None:
    """SQLite-flavoured SQL → psycopg's: ``?`` → ``%s``, ``:name`` → ``%(name)s``,
    ``%`` → ``%%``, ``BEGIN IMMEDIATE`` → ``BEGIN``; PRAGMAs → None. String literals
    and ``::`` casts are left alone."""
    stripped = sql.strip()
    upper = stripped.upper()
    if upper.startswith("PRAGMA"):
        return None
    if upper.startswith("BEGIN"):
        return "BEGIN"

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith(":") and token != "::":
            return f"%({token[1:]})s"
        return token

    return _TOKENS.sub(swap, sql)


_INTEGER_KEY = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(?:\s+AUTOINCREMENT)?\b", re.I)


def translate_ddl(script: str) -> str:
    """Schema differences: SQLite's rowid keys become identity columns."""
    return _INTEGER_KEY.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", script)


def connect_sqlite(location: str) -> sqlite3.Connection:
    """The SQLite connection the store expects: autocommit, WAL, rows by name."""
    if location != ":memory:":
        try:
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder for the database {location}: {exc}") from exc
    try:
        connection = sqlite3.connect(location, check_same_thread=False, timeout=30, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA busy_timeout=30000")
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open the database {location}: {exc}; check the path given with --db") from exc
    return connection
