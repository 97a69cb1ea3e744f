"""The store against real SQLite files: migrations, de-duplication keys, the outbox."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.models import SourceConfig
from bot.store import NewItem, QueuedPost, Store, StoreError

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def make_item(source_id: int, keys: tuple[str, ...], status: str = "alert", fetched: datetime = NOW) -> NewItem:
    return NewItem(
        source_id=source_id, keys=keys, guid=None, url="https://e.kz/1", canonical_url="https://e.kz/1",
        content_hash="h", title="t", text="x", published_at=None, fetched_at=fetched, status=status,
        analysis={"arrest": status == "alert", "protest": False, "detainees": [{"name": "A B", "term": "5 days"}]},
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = Store.open(tmp_path / "sub" / "db.sqlite3")
    yield db
    db.close()


def source_id(store: Store, name: str = "S") -> int:
    return store.sync_sources([SourceConfig(name=name, url=f"https://{name.lower()}.example/rss")])[name].id


def test_migrations_create_the_schema_once(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    newest = max(int(p.name[:3]) for p in (Path(__file__).parent.parent / "storage" / "migrations").glob("*.sql"))
    first = Store.open(path)
    assert first.schema_version() == newest
    first.close()
    again = Store.open(path)  # re-opening applies nothing twice
    assert again.schema_version() == newest
    again.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = Store.open(path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    db.close()
    with pytest.raises(StoreError, match="newer than this arrestwatch knows"):
        Store.open(path)


def test_an_item_with_any_known_key_is_a_duplicate(store: Store) -> None:
    sid = source_id(store)
    first = store.add_items([(make_item(sid, ("guid:S:1", "url:u1", "hash:h1")), QueuedPost("alert body"))], now=NOW)
    again = store.add_items([
        (make_item(sid, ("guid:S:2", "url:u2", "hash:h1")), QueuedPost("alert body")),   # same text
        (make_item(sid, ("guid:S:3", "url:u3", "hash:h3")), QueuedPost("another body")),  # new
    ], now=NOW)
    assert first[0] is not None and again[0] is None and again[1] is not None
    assert store.item_count() == 2
    assert [row["body"] for row in store.outbox_rows()] == ["alert body", "another body"]
    assert store.known_keys(["url:u1", "url:zz", "hash:h3"]) == {"url:u1", "hash:h3"}


def test_outbox_moves_oldest_first_and_survives_a_crash_mid_send(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    sid = source_id(store)
    store.add_items([(make_item(sid, (f"k{i}",)), QueuedPost(f"body {i}")) for i in range(3)], now=NOW)
    claimed = store.claim_next(now=NOW)
    assert claimed is not None and claimed.body == "body 0"
    store.close()  # the process dies while "sending"
    store = Store.open(path)
    assert store.requeue_stale() == 1
    bodies = []
    while (message := store.claim_next(now=NOW)) is not None:
        bodies.append(message.body)
        store.mark_sent(message.id, 100 + message.id, now=NOW)
    assert bodies == ["body 0", "body 1", "body 2"]
    assert store.outbox_counts()["sent"] == 3
    store.close()


def test_failed_and_released_messages(store: Store) -> None:
    sid = source_id(store)
    store.add_items([(make_item(sid, ("a",)), QueuedPost("one")), (make_item(sid, ("b",)), QueuedPost("two"))], now=NOW)
    first = store.claim_next(now=NOW)
    store.release(first.id, "network down", now=NOW)
    assert store.claim_next(now=NOW).id == first.id  # keeps its place in the queue
    store.mark_failed(first.id, "Bad Request: chat not found", now=NOW)
    assert store.claim_next(now=NOW).body == "two"
    failed = [row for row in store.outbox_rows() if row["state"] == "failed"]
    assert failed[0]["last_error"] == "Bad Request: chat not found" and failed[0]["attempts"] == 2


def test_digest_day_is_claimed_once_unless_forced(store: Store) -> None:
    assert store.queue_digest("2026-11-25", ["part 1", "part 2"], people=2, reports=2, now=NOW)
    assert not store.queue_digest("2026-11-25", ["again"], people=0, reports=0, now=NOW)
    assert store.queue_digest("2026-11-25", ["forced"], people=0, reports=0, now=NOW, force=True)
    assert [row["body"] for row in store.outbox_rows(kind="digest")] == ["part 1", "part 2", "forced"]


def test_arrest_items_in_a_window(store: Store) -> None:
    sid = source_id(store)
    store.add_items([
        (make_item(sid, ("in",), fetched=NOW - timedelta(hours=2)), QueuedPost("x")),
        (make_item(sid, ("out",), fetched=NOW - timedelta(hours=30)), QueuedPost("y")),
        (make_item(sid, ("seen",), status="seen", fetched=NOW - timedelta(hours=1)), None),
    ], now=NOW)
    items = store.arrest_items(NOW - timedelta(hours=24), NOW)
    assert len(items) == 1 and items[0].source_name == "S"


def test_poll_health_counters(store: Store) -> None:
    sid = source_id(store)
    store.record_poll_failure(sid, now=NOW, error="connection refused")
    store.record_poll_failure(sid, now=NOW, error="connection refused")
    assert store.source_state("S").consecutive_failures == 2
    store.record_poll_success(sid, now=NOW, etag='"v1"', last_modified=None, new_items=3)
    state = store.source_state("S")
    assert (state.consecutive_failures, state.items_seen, state.etag) == (0, 3, '"v1"')
    assert state.first_polled_at == NOW
    store.record_poll_success(sid, now=NOW, etag=None, last_modified=None, new_items=0, not_modified=True)
    assert store.source_state("S").etag == '"v1"'  # a 304 keeps the validators
