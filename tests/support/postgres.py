"""A fresh PostgreSQL database per test (fixture ``pg_url``).

The server comes from ``ARRESTWATCH_TEST_DATABASE_URL`` (CI starts one on loopback, see
``.ci/run``), else the local default below. The tests skip only when no server answers;
CI always provides one.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
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
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()
