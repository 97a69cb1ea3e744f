"""A fresh PostgreSQL database per test (fixture ``pg_url``), and ``db_location``: the
same test once on a SQLite file and once on PostgreSQL.

The server comes from ``ARRESTWATCH_TEST_DATABASE_URL`` (CI starts one on loopback, see
``.ci/run``), else the local default below. The tests skip only when no server answers;
CI always provides one.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

DEFAULT = "postgresql://arrestwatch:arrestwatch@127.0.0.1:5432/arrestwatch"


def server_url() -> str:
    return os.environ.get("ARRESTWATCH_TEST_DATABASE_URL", DEFAULT)


@pytest.fixture
def pg_url() -> Iterator[str]:
    psycopg = pytest.importorskip("psycopg")
    admin = server_url()
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI_REQUIRES_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server at {admin}: {exc}")
    name = f"aw_test_{uuid.uuid4().hex[:12]}"
    conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(admin)
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        _drop(conn, name)
        conn.close()


def _drop(conn: Any, name: str) -> None:
    """Drop a test database, waiting a little for the server's own processes to leave it.

    WITH (FORCE) may be refused ("permission denied to terminate process") when a process
    the test role may not signal is still attached, as an autovacuum worker can be on a busy
    shared server; it leaves within a second or two. A database left behind after that is
    harmless (its name is unique), so clean-up never fails a test that passed."""
    import psycopg  # only here: the fixture skips when the driver is missing

    for attempt in range(10):
        try:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.Error as exc:
            if attempt == 9:
                print(f"test database {name} left behind: {exc}", file=sys.stderr)
                return
            time.sleep(0.5)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where Store.open puts a fresh database: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "sub" / "db.sqlite3")
    return request.getfixturevalue("pg_url")
