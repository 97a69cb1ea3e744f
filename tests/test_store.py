"""The store against real databases, each test on a SQLite file and on PostgreSQL:
migrations, de-duplication keys, the outbox, and how workers share the database
(claims of due sources, the sender lease, concurrent writers)."""

import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.app.outbox import SENDER_LEASE, Sender
from bot.core.models import SourceConfig
from bot.edges.store import NewItem, QueuedPost, Store, StoreError, utcnow

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def make_item(source_id: int, keys: tuple[str, ...], status: str = "alert", fetched: datetime = NOW) -> NewItem:
    return NewItem(
        source_id=source_id,
        keys=keys,
        guid=None,
        url="https://e.kz/1",
        canonical_url="https://e.kz/1",
        content_hash="h",
        title="t",
        text="x",
        published_at=None,
        fetched_at=fetched,
        status=status,
        analysis={"arrest": status == "alert", "protest": False, "detainees": [{"name": "A B", "term": "5 days"}]},
    )


@pytest.fixture
def store(db_location: str) -> Store:
    db = Store.open(db_location)
    yield db
    db.close()


def source_id(store: Store, name: str = "S") -> int:
    return store.sync_sources([SourceConfig(name=name, url=f"https://{name.lower()}.example/rss")])[name].id


def test_migrations_create_the_schema_once(db_location: str) -> None:
    path = db_location
    newest = max(int(p.name[:3]) for p in (Path(__file__).parent.parent / "storage" / "migrations").glob("*.sql"))
    first = Store.open(path)
    assert first.schema_version() == newest
    first.close()
    again = Store.open(path)  # re-opening applies nothing twice
    assert again.schema_version() == newest
    again.close()


def test_a_database_from_a_newer_version_is_refused(db_location: str) -> None:
    path = db_location
    db = Store.open(path)
    with db.transaction() as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    db.close()
    with pytest.raises(StoreError, match="newer than this arrestwatch knows"):
        Store.open(path)


def test_an_item_with_any_known_key_is_a_duplicate(store: Store) -> None:
    sid = source_id(store)
    first = store.add_items([(make_item(sid, ("guid:S:1", "url:u1", "hash:h1")), QueuedPost("alert body"))], now=NOW)
    again = store.add_items(
        [
            (make_item(sid, ("guid:S:2", "url:u2", "hash:h1")), QueuedPost("alert body")),  # same text
            (make_item(sid, ("guid:S:3", "url:u3", "hash:h3")), QueuedPost("another body")),  # new
        ],
        now=NOW,
    )
    assert first[0] is not None and again[0] is None and again[1] is not None
    assert store.item_count() == 2
    assert [row["body"] for row in store.outbox_rows()] == ["alert body", "another body"]
    assert store.known_keys(["url:u1", "url:zz", "hash:h3"]) == {"url:u1", "hash:h3"}


def test_outbox_moves_oldest_first_and_survives_a_crash_mid_send(db_location: str) -> None:
    path = db_location
    store = Store.open(path)
    sid = source_id(store)
    store.add_items([(make_item(sid, (f"k{i}",)), QueuedPost(f"body {i}")) for i in range(3)], now=NOW)
    claimed = store.claim_next(owner="A", now=NOW)
    assert claimed is not None and claimed.body == "body 0"
    store.close()  # the process dies while "sending"
    store = Store.open(path)
    assert store.requeue_stale() == 1
    bodies = []
    while (message := store.claim_next(owner="A", now=NOW)) is not None:
        bodies.append(message.body)
        store.mark_sent(message.id, 100 + message.id, owner="A", now=NOW)
    assert bodies == ["body 0", "body 1", "body 2"]
    assert store.outbox_counts()["sent"] == 3
    store.close()


def test_failed_and_released_messages(store: Store) -> None:
    sid = source_id(store)
    store.add_items([(make_item(sid, ("a",)), QueuedPost("one")), (make_item(sid, ("b",)), QueuedPost("two"))], now=NOW)
    first = store.claim_next(owner="A", now=NOW)
    store.release(first.id, "network down", owner="A", now=NOW)
    assert store.claim_next(owner="A", now=NOW).id == first.id  # keeps its place in the queue
    store.mark_failed(first.id, "Bad Request: chat not found", owner="A", now=NOW)
    assert store.claim_next(owner="A", now=NOW).body == "two"
    failed = [row for row in store.outbox_rows() if row["state"] == "failed"]
    assert failed[0]["last_error"] == "Bad Request: chat not found" and failed[0]["attempts"] == 2


def test_digest_day_is_claimed_once_unless_forced(store: Store) -> None:
    assert store.queue_digest("2026-11-25", ["part 1", "part 2"], people=2, reports=2, now=NOW)
    assert not store.queue_digest("2026-11-25", ["again"], people=0, reports=0, now=NOW)
    assert store.queue_digest("2026-11-25", ["forced"], people=0, reports=0, now=NOW, force=True)
    assert [row["body"] for row in store.outbox_rows(kind="digest")] == ["part 1", "part 2", "forced"]


def test_arrest_items_in_a_window(store: Store) -> None:
    sid = source_id(store)
    store.add_items(
        [
            (make_item(sid, ("in",), fetched=NOW - timedelta(hours=2)), QueuedPost("x")),
            (make_item(sid, ("out",), fetched=NOW - timedelta(hours=30)), QueuedPost("y")),
            (make_item(sid, ("seen",), status="seen", fetched=NOW - timedelta(hours=1)), None),
        ],
        now=NOW,
    )
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


def test_a_failed_statement_rolls_back_its_transaction(store: Store) -> None:
    sid = source_id(store)
    with pytest.raises(Exception):
        with store.transaction() as db:
            db.execute("UPDATE sources SET items_seen = 5 WHERE id = ?", (sid,))
            db.execute("INSERT INTO sources (name, url, type) VALUES ('S', 'u', 'rss')")  # name taken
    assert store.source_state("S").items_seen == 0
    assert store.queue_digest("2026-11-26", ["x"], people=0, reports=0, now=NOW)  # the connection still works


# -- workers sharing the database ---------------------------------------------------------

LEASE = timedelta(minutes=2)


def sources(store: Store, count: int) -> list[str]:
    names = [f"S{i:02d}" for i in range(count)]
    store.sync_sources([SourceConfig(name=name, url=f"https://{name.lower()}.example/rss") for name in names])
    return names


def test_two_workers_never_claim_the_same_source(store: Store) -> None:
    names = sources(store, 5)
    first = store.claim_due_sources(names, owner="A", now=NOW, lease=LEASE, limit=3)
    second = store.claim_due_sources(names, owner="B", now=NOW, lease=LEASE, limit=10)
    assert len(first) == 3 and len(second) == 2
    assert {s.name for s in first} | {s.name for s in second} == set(names)
    assert store.claim_due_sources(names, owner="C", now=NOW, lease=LEASE, limit=10) == []
    assert {s.lease_owner for s in first} == {"A"} and first[0].lease_until == NOW + LEASE

    # A finishes a poll: the source is due again only at its next poll time.
    assert store.finish_poll(first[0].id, owner="A", next_poll_at=NOW + timedelta(minutes=5))
    assert store.claim_due_sources(names, owner="C", now=NOW + timedelta(minutes=1), lease=LEASE, limit=10) == []
    again = store.claim_due_sources([first[0].name], owner="C", now=NOW + timedelta(minutes=5), lease=LEASE, limit=1)
    assert [s.name for s in again] == [first[0].name]


def test_a_backing_off_source_is_next_due_when_the_backoff_ends(store: Store) -> None:
    names = sources(store, 1)
    [claimed] = store.claim_due_sources(names, owner="A", now=NOW, lease=LEASE, limit=1)
    store.record_poll_failure(claimed.id, now=NOW, error="HTTP 503", next_attempt_at=NOW + timedelta(hours=1))
    store.finish_poll(claimed.id, owner="A", next_poll_at=NOW + timedelta(minutes=5))
    assert store.source_state(names[0]).next_poll_at == NOW + timedelta(hours=1)


def test_an_expired_lease_is_taken_over_and_the_late_worker_records_nothing(store: Store) -> None:
    names = sources(store, 1)
    [claimed] = store.claim_due_sources(names, owner="A", now=NOW, lease=LEASE, limit=1)
    assert store.claim_due_sources(names, owner="B", now=NOW + LEASE - timedelta(seconds=1), lease=LEASE, limit=1) == []
    taken = store.claim_due_sources(names, owner="B", now=NOW + LEASE, lease=LEASE, limit=1)  # A died
    assert [s.lease_owner for s in taken] == ["B"]
    assert not store.finish_poll(claimed.id, owner="A", next_poll_at=NOW + timedelta(minutes=5))
    assert store.finish_poll(claimed.id, owner="B", next_poll_at=NOW + timedelta(minutes=5))
    state = store.source_state(names[0])
    assert state.lease_owner is None and state.next_poll_at == NOW + timedelta(minutes=5)


def test_removed_sources_are_inactive_and_never_claimed(store: Store) -> None:
    names = sources(store, 3)
    store.sync_sources([SourceConfig(name=names[0], url="https://s00.example/rss")], prune=True)
    assert [s.name for s in store.source_states() if s.active] == [names[0]]
    assert [s.name for s in store.claim_due_sources(names, owner="A", now=NOW, lease=LEASE, limit=10)] == [names[0]]
    sources(store, 3)  # listed again: active, and due at once
    assert len(store.claim_due_sources(names, owner="B", now=NOW, lease=LEASE, limit=10)) == 2


def test_concurrent_claims_split_the_sources(db_location: str) -> None:
    """Four workers, each with its own connection, claim 60 due sources at once."""
    setup = Store.open(db_location)
    names = sources(setup, 60)
    setup.close()
    claims: dict[str, list[str]] = {}
    start = threading.Barrier(4)

    def worker(owner: str) -> None:
        store = Store.open(db_location)
        try:
            start.wait()
            mine = claims.setdefault(owner, [])
            # as the service does: what this worker is polling is not asked for again
            while batch := store.claim_due_sources(
                [n for n in names if n not in mine], owner=owner, now=NOW, lease=LEASE, limit=3
            ):
                mine += [s.name for s in batch]
        finally:
            store.close()

    threads = [threading.Thread(target=worker, args=(f"W{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    claimed = [name for owned in claims.values() for name in owned]
    assert sorted(claimed) == sorted(names)  # every source once, none twice


def test_one_sender_lease_at_a_time(store: Store) -> None:
    assert store.acquire_lease(SENDER_LEASE, "A", now=NOW, duration=timedelta(seconds=30))
    assert not store.acquire_lease(SENDER_LEASE, "B", now=NOW + timedelta(seconds=10), duration=timedelta(seconds=30))
    assert store.acquire_lease(SENDER_LEASE, "A", now=NOW + timedelta(seconds=20), duration=timedelta(seconds=30))
    assert not store.acquire_lease(SENDER_LEASE, "B", now=NOW + timedelta(seconds=49), duration=timedelta(seconds=30))
    assert store.lease_holder(SENDER_LEASE, now=NOW + timedelta(seconds=49)) == "A"
    assert store.acquire_lease(SENDER_LEASE, "B", now=NOW + timedelta(seconds=50), duration=timedelta(seconds=30))
    assert not store.acquire_lease(SENDER_LEASE, "A", now=NOW + timedelta(seconds=51), duration=timedelta(seconds=30))
    assert not store.release_lease(SENDER_LEASE, "A")  # not A's to give up
    assert store.release_lease(SENDER_LEASE, "B")
    assert store.acquire_lease(SENDER_LEASE, "A", now=NOW + timedelta(seconds=52), duration=timedelta(seconds=30))


class RecordingPublisher:
    """Accepts every post and remembers it (no network)."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def send(self, chat_id, html, *, reply_markup=None, reply_to=None) -> int:
        self.sent.append(html)
        return len(self.sent)

    async def edit(self, chat_id, message_id, html) -> None: ...


async def test_a_sender_waits_for_the_lease_and_takes_over_what_a_dead_one_left(store: Store) -> None:
    sid = source_id(store)
    store.add_items([(make_item(sid, (f"k{i}",)), QueuedPost(f"body {i}")) for i in range(3)], now=NOW)
    chats = {"channel": "-100", "admin": None}
    # Worker A takes the lease and dies mid-send: its post stays 'sending', its lease held.
    # A's lease is short but not so short that a busy machine lets it lapse before B looks;
    # B's is long, so that B keeps it through its own drain however slow the machine is.
    assert store.acquire_lease(SENDER_LEASE, "A", now=utcnow(), duration=timedelta(seconds=3))
    assert store.claim_next(owner="A", now=NOW).body == "body 0"
    publisher = RecordingPublisher()
    sender = Sender(store, publisher, chats, owner="B", lease=timedelta(seconds=60))
    busy = await sender.drain(timeout=5)
    assert busy.busy and busy.sent == 0 and busy.left == 3 and publisher.sent == []
    time.sleep(4.1)  # A's lease expires (leases are kept to the second)
    report = await sender.drain(timeout=5)
    assert report.sent == 3 and report.left == 0 and not report.busy
    assert publisher.sent == ["body 0", "body 1", "body 2"]  # the crash window: body 0 may be posted twice
    assert store.lease_holder(SENDER_LEASE, now=utcnow()) is None  # given up once the queue is empty


PEOPLE = [
    "Aidar Serikbayev",
    "Marat Zhaksylykov",
    "Gulnar Ospanova",
    "Dana Omarova",
    "Timur Bekov",
    "Asel Nurlanova",
    "Yerlan Sadykov",
    "Zhanna Ibraimova",
    "Bolat Kenzhebekov",
    "Saule Mukanova",
    "Nurlan Abenov",
    "Aliya Dzhumabaeva",
    "Ruslan Tokayev",
    "Kairat Ermekov",
    "Madina Sultanova",
]


def test_concurrent_writers_store_one_story_once(db_location: str) -> None:
    """Two workers store the same stories at the same moment: one item, one alert each."""
    from bot.app.event_posts import EventPosts
    from bot.app.placement import add_reports

    setup = Store.open(db_location)
    sid = source_id(setup)
    setup.close()
    rounds = 15
    results: dict[str, list[list[int | None]]] = {}
    start = threading.Barrier(2)

    def worker(name: str) -> None:
        store = Store.open(db_location)
        mine = results.setdefault(name, [])
        try:
            for i in range(rounds):
                start.wait(timeout=30)
                item = replace(
                    make_item(sid, (f"guid:S:{i}", f"url:https://e.kz/{i}", f"hash:{i}")),
                    title=f"{PEOPLE[i]} jailed",
                    text=f"Story {i} about {PEOPLE[i]}",
                    analysis={"arrest": True, "protest": False, "detainees": [{"name": PEOPLE[i], "term": "5 days"}]},
                )
                stored = add_reports(store, [(item, QueuedPost(f"alert {i}"))], now=NOW, planner=EventPosts("en"))
                mine.append([placed.item_id for placed in stored])
        finally:
            store.close()

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    store = Store.open(db_location)
    try:
        stored = [sum(ids[0] is not None for ids in (results["A"][i], results["B"][i])) for i in range(rounds)]
        assert stored == [1] * rounds
        assert store.item_count() == rounds
        assert len(store.outbox_rows(kind="alert")) == rounds
    finally:
        store.close()


def test_the_admin_lease_has_one_holder_and_passes_on_when_it_expires(db_location) -> None:
    from datetime import datetime, timedelta, timezone

    store = Store.open(db_location)
    try:
        now = datetime(2026, 11, 28, 12, tzinfo=timezone.utc)
        lease = timedelta(seconds=30)
        assert store.acquire_lease("admin", "worker-a", now=now, duration=lease)
        assert not store.acquire_lease("admin", "worker-b", now=now + timedelta(seconds=5), duration=lease)
        assert store.acquire_lease("admin", "worker-a", now=now + timedelta(seconds=10), duration=lease)  # renewed
        assert not store.acquire_lease("admin", "worker-b", now=now + timedelta(seconds=35), duration=lease)
        assert store.acquire_lease("admin", "worker-b", now=now + timedelta(seconds=41), duration=lease)  # expired
        assert store.lease_holder("admin", now=now + timedelta(seconds=42)) == "worker-b"
    finally:
        store.close()


def test_a_worker_sees_what_another_worker_changed_in_an_event(db_location: str) -> None:
    """A placement reads the events afresh in its transaction: a change made through
    another connection (another worker) must reach it, or it would post the same news twice."""
    from bot.app.event_posts import EventPosts
    from bot.app.placement import add_reports

    setup = Store.open(db_location)
    sid = source_id(setup)
    setup.close()
    first, second = Store.open(db_location), Store.open(db_location)
    try:

        def report(n: int, term: str | None) -> NewItem:
            return replace(
                make_item(
                    sid, (f"guid:S:{n}", f"url:https://e.kz/{n}", f"hash:{n}"), fetched=NOW + timedelta(minutes=n)
                ),
                url=f"https://e.kz/{n}",
                title=f"Report {n}",
                text=f"Outlet {n} on the detention of Aidar Serikbayev.",
                analysis={"arrest": True, "protest": False, "detainees": [{"name": "Aidar Serikbayev", "term": term}]},
            )

        a, b = EventPosts("en"), EventPosts("en")
        [one] = add_reports(first, [(report(1, None), QueuedPost("alert 1"))], now=NOW, planner=a)
        assert one.role == "first"
        [two] = add_reports(second, [(report(2, "15 days"), QueuedPost("alert 2"))], now=NOW, planner=b)
        assert two.role == "followup"  # the other worker adds the term
        [three] = add_reports(first, [(report(3, "15 days"), QueuedPost("alert 3"))], now=NOW, planner=a)
        assert three.role == "also"  # the term is known now: no second follow-up
        kinds = [row["kind"] for row in first.outbox_rows()]
        assert kinds.count("followup") == 1 and kinds.count("alert") == 1
    finally:
        first.close()
        second.close()


async def test_a_stale_sender_cannot_send_a_post_again(store: Store) -> None:
    """A's lease lapses mid-send; B takes over, re-queues, sends and marks the post sent;
    A's send then fails and it releases the post: the release must change nothing."""
    sid = source_id(store)
    store.add_items([(make_item(sid, ("k1",)), QueuedPost("body 1"))], now=NOW)
    assert store.acquire_lease(SENDER_LEASE, "A", duration=timedelta(0))  # lapses at once (database clock)
    stale = store.claim_next(owner="A", lease=SENDER_LEASE, now=NOW)
    assert stale is None  # a lapsed lease claims nothing …
    assert store.acquire_lease(SENDER_LEASE, "A", duration=timedelta(seconds=30))
    stale = store.claim_next(owner="A", lease=SENDER_LEASE, now=NOW)  # … a held one does
    assert stale is not None
    store.acquire_lease(SENDER_LEASE, "A", now=NOW - timedelta(hours=1), duration=timedelta(seconds=1))  # A stalls

    publisher = RecordingPublisher()
    report = await Sender(store, publisher, {"channel": "-100", "admin": None}, owner="B").drain(timeout=10)
    assert report.sent == 1 and publisher.sent == ["body 1"]

    assert not store.release(stale.id, "timed out", owner="A", now=NOW)  # A wakes up: fenced off
    assert not store.mark_failed(stale.id, "Bad Request", owner="A", now=NOW)
    assert not store.mark_sent(stale.id, 1, owner="A", now=NOW)
    assert store.outbox_counts() == {"queued": 0, "sending": 0, "sent": 1, "failed": 0}
    again = await Sender(store, publisher, {"channel": "-100", "admin": None}, owner="C").drain(timeout=10)
    assert again.sent == 0 and publisher.sent == ["body 1"]  # posted once


def test_leases_use_the_database_clock(store: Store) -> None:
    # A worker whose clock is an hour behind still sees a lease the database says is live.
    assert store.acquire_lease(SENDER_LEASE, "A", duration=timedelta(seconds=30))
    assert store.lease_holder(SENDER_LEASE) == "A"
    assert not store.acquire_lease(SENDER_LEASE, "B", duration=timedelta(seconds=30))
    name = store.sync_sources([SourceConfig(name="S", url="https://s.example/rss")])["S"].name
    [claimed] = store.claim_due_sources([name], owner="A", lease=timedelta(seconds=30), limit=1)
    assert claimed.lease_owner == "A" and claimed.lease_until is not None
    assert abs((claimed.lease_until - utcnow()).total_seconds() - 30) < 5
    assert store.claim_due_sources([name], owner="B", lease=timedelta(seconds=30), limit=1) == []
    assert store.renew_source_leases("A", lease=timedelta(seconds=60)) == 1


FULL_DISK_SCRIPT = """
import os, sys
from dataclasses import replace
from bot.edges.store import QueuedPost, Store
from tests.test_store import NOW, make_item, source_id
store = Store.open(sys.argv[1])
sid = source_id(store)
# More than SQLite's page cache in one transaction: the pages spill to a file that cannot
# grow, and SQLite rolls the transaction back itself.
items = [(replace(make_item(sid, (f"big{i}",)), text=os.urandom(600_000).hex()), QueuedPost(f"alert {i}")) for i in range(4)]
try:
    store.add_items(items, now=NOW)
except Exception as exc:
    print(f"{type(exc).__name__}: {exc}")
store.add_items([(make_item(sid, ("small",)), QueuedPost("small"))], now=NOW)  # the store still works
print("small ok")
"""


def test_a_full_disk_is_reported_as_such(tmp_path: Path) -> None:
    import resource
    import signal
    import subprocess
    import sys

    Store.open(tmp_path / "db.sqlite3").close()  # migrated while there is room

    def small_disk() -> None:  # files may not grow past 1 MB: writes fail as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024 * 1024, 1024 * 1024))

    run = subprocess.run(
        [sys.executable, "-c", FULL_DISK_SCRIPT, str(tmp_path / "db.sqlite3")],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_disk,
    )
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[0]
    assert "no transaction is active" not in first and ("disk I/O error" in first or "full" in first), first
    assert run.stdout.splitlines()[1] == "small ok"
