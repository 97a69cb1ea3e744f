"""The archive (issue 17): ``publish`` writes a clean SQLite snapshot with datasette
metadata, from SQLite or PostgreSQL; ``serve`` runs datasette on it, and its JSON API
answers the "in custody now" canned query and a facet. Every text here is the
project's own writing."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from bot.app.archive import ArchiveError, metadata_path, publish, serve_command
from bot.core.analysis.result import Detainee
from bot.edges.store import Store
from tests.support.custody import tell
from tests.test_e2e import arrestwatch

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _episodes(store: Store, start: datetime) -> None:
    tell(
        store,
        start,
        "Two activists jailed",
        "A court jailed activists Timur Ospanov and Dana Ermek for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
        Detainee("Dana Ermek", "10 days"),
        place="Almaty",
        charge="Article 488 of the Administrative Code",
    )
    tell(
        store,
        start + timedelta(days=1),
        "Activist freed",
        "Activist Dana Ermek was released on bail.",
        Detainee("Dana Ermek"),
        arrest=False,
        source="Outlet B",
    )
    tell(
        store,
        start + timedelta(days=40),
        "Activist detained again",
        "Police detained activist Timur Ospanov again after a rally.",
        Detainee("Timur Ospanov"),
        place="Astana",
        source="Outlet C",
    )


def test_publish_writes_a_clean_snapshot_from_sqlite_or_postgresql(db_location: str, tmp_path: Path) -> None:
    store = Store.open(db_location)
    try:
        _episodes(store, T0)
        day = (T0 + timedelta(days=41)).date()
        counts = publish(store, tmp_path / "out" / "archive.db", day=day, now=T0 + timedelta(days=41))
    finally:
        store.close()
    assert counts == {"episodes": 3, "people": 2, "places": 2, "reports": 3, "custody": 3}
    with sqlite3.connect(tmp_path / "out" / "archive.db") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"people", "episodes", "reports", "places", "custody", "snapshot"} <= tables
        assert not tables & {"items", "outbox", "sources", "leases"}  # nothing but what was published
        rows = db.execute(
            "SELECT name, month, place, custody_status, expected_release, charge FROM episodes"
            " ORDER BY detained_on, name"
        ).fetchall()
        assert rows == [
            ("Dana Ermek", "2026-03", "Almaty", "released", "2026-03-12", "Article 488 of the Administrative Code"),
            # detained again in April: out in between, though nobody reported the day
            ("Timur Ospanov", "2026-03", "Almaty", "released", "2026-03-12", "Article 488 of the Administrative Code"),
            ("Timur Ospanov", "2026-04", "Astana", "detained", None, None),
        ]
        assert db.execute("SELECT episodes FROM people WHERE name = 'Timur Ospanov'").fetchone() == (2,)
    meta = json.loads(metadata_path(tmp_path / "out" / "archive.db").read_text(encoding="utf-8"))
    archive = meta["databases"]["archive"]
    assert archive["tables"]["episodes"]["facets"][:3] == ["place", "month", "charge"]
    assert {"in_custody_now", "arrests_by_month", "person_episodes"} <= set(archive["queries"])
    assert archive["tables"]["episodes"]["columns"]["expected_release"]


def test_serve_refuses_a_missing_snapshot_with_the_command_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="arrestwatch publish"):
        serve_command(tmp_path / "none.db", host="127.0.0.1", port=8001)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_publish_then_serve_answers_the_canned_query_and_a_facet(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text('[settings]\ntimezone = "UTC"\n', encoding="utf-8")
    now = datetime.now(timezone.utc)
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        _episodes(store, now - timedelta(days=41))
    finally:
        store.close()
    result = arrestwatch(tmp_path, "publish", str(tmp_path / "archive.db"))
    assert result.returncode == 0, result.stderr
    assert "3 episodes" in result.stderr

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "--sources",
            str(tmp_path / "sources.toml"),
            "--db",
            str(tmp_path / "db.sqlite3"),
            "serve",
            str(tmp_path / "archive.db"),
            "--port",
            str(port),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(os.environ),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read().decode() if server.stdout else "datasette exited"
            assert time.monotonic() < deadline, "datasette did not start within 60 s"
            time.sleep(0.3)
        held = httpx.get(f"{base}/archive/in_custody_now.json", params={"_shape": "array"}, timeout=10).json()
        assert [(row["name"], row["status"]) for row in held] == [("Timur Ospanov", "detained")]
        assert held[0]["place"] == "Astana"
        faceted = httpx.get(f"{base}/archive/episodes.json", params={"_facet": "place"}, timeout=10).json()
        places = {r["value"]: r["count"] for r in faceted["facet_results"]["place"]["results"]}
        assert places == {"Almaty": 2, "Astana": 1}
        one = httpx.get(
            f"{base}/archive/person_episodes.json", params={"name": "Ospanov", "_shape": "array"}, timeout=10
        ).json()
        assert [row["place"] for row in one] == ["Almaty", "Astana"]
        # Read-only: datasette refuses writes to an immutable database.
        refused = httpx.post(f"{base}/archive/-/create", json={"table": "x", "rows": [{"a": 1}]}, timeout=10)
        assert refused.status_code in (403, 404, 405)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stdout:
            server.stdout.close()
