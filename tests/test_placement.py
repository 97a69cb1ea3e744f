"""Placing a batch of reports among events in one transaction (bot/app/placement.py) with the
events read once into a book (bot/core/event_book.py): the same decisions as placing each
report in a transaction of its own, on both engines. Every text here is the project's
own writing."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from bot.app.event_posts import EventPosts
from bot.app.pipeline import _Placer
from bot.app.placement import add_batches, add_reports
from bot.core.analysis.result import Analysis, Detainee
from bot.core.event_book import EventBook, to_second
from bot.core.events import Event, EventPersonRow, EventWrite, Person, Report
from bot.core.models import NewItem, QueuedPost, SourceConfig
from bot.core.translit import name_key
from bot.edges.store import Store

T0 = datetime(2026, 3, 2, 9, 0, 30, 500_000, tzinfo=timezone.utc)

# (outlet, hours after T0, title, text, detainees (name, term), arrest)
REPORTS = [
    (
        "Outlet A",
        0,
        "Activist detained after picket",
        "Police detained activist Aidar Serikbayev after a picket outside the akimat.",
        [("Aidar Serikbayev", None)],
        True,
    ),
    (
        "Outlet B",
        1,
        "Court jails activist",
        "A court jailed activist Aidar Serikbayev for 15 days over the picket.",
        [("Aidar Serikbayev", "15 days")],
        True,
    ),
    (
        "Outlet C",
        2,
        "Activist jailed for picket",
        "Activist Aidar Serikbayev was jailed for 15 days, his lawyer said.",
        [("Aidar Serikbayev", "15 days")],
        True,
    ),
    (
        "Outlet A",
        3,
        "Two journalists detained",
        "Police detained journalists Gulnar Ospanova and Marat Zhaksylykov at a rally.",
        [("Gulnar Ospanova", None), ("Marat Zhaksylykov", None)],
        True,
    ),
    (
        "Outlet B",
        4,
        "Journalist detained at rally",
        "Journalist Marat Zhaksylykov was detained at the rally, along with Dana Omarova.",
        [("Marat Zhaksylykov", None), ("Dana Omarova", None)],
        True,
    ),
    (
        "Outlet C",
        30,
        "Activist freed",
        "Aidar Serikbayev was released after serving his term, his lawyer said.",
        [],
        False,
    ),
]


def batch(store: Store) -> list[tuple[NewItem, QueuedPost | None]]:
    states = store.sync_sources(
        [
            SourceConfig(name=name, url=f"https://{name[-1].lower()}.example/rss")
            for name in ("Outlet A", "Outlet B", "Outlet C")
        ]
    )
    out = []
    for number, (outlet, hours, title, text, people, arrest) in enumerate(REPORTS, 1):
        analysis = Analysis(
            arrest=arrest,
            protest=False,
            detainees=tuple(Detainee(n, t) for n, t in people),
            lang="en",
            evidence=(text,),
            score=0.9 if arrest else 0.2,
        )
        at = T0 + timedelta(hours=hours)
        item = NewItem(
            source_id=states[outlet].id,
            keys=(f"k{number}",),
            guid=f"g{number}",
            url=f"https://news.example/{number}",
            canonical_url=None,
            content_hash=f"h{number}",
            title=title,
            text=text,
            published_at=at,
            fetched_at=at,
            status="alert" if arrest else "seen",
            analysis=analysis.to_dict(),
            source_name=outlet,
        )
        out.append((item, QueuedPost(f"alert {number}: {title}") if arrest else None))
    return out


def outcome(store: Store) -> list[tuple]:
    rows = store.outbox_rows()
    return [(row["kind"], row["item_id"], row["parent_id"], row["body"]) for row in rows]


def test_a_batch_in_one_transaction_is_placed_as_one_report_per_transaction(tmp_path, db_location: str) -> None:
    together = Store.open(db_location)
    try:
        placed = add_reports(together, batch(together), now=T0, planner=EventPosts("en"))
        assert [p.role for p in placed] == ["first", "followup", "also", "first", "followup", "followup"]
        expected_events = [(len(e.reports), [p.status for p in e.people]) for e in together.recent_events(T0)]
        together_posts = outcome(together)
    finally:
        together.close()
    alone = Store.open(tmp_path / "alone.sqlite3")
    try:
        roles = [add_reports(alone, [one], now=T0, planner=EventPosts("en"))[0].role for one in batch(alone)]
        assert roles == [p.role for p in placed]
        assert outcome(alone) == together_posts
        assert [(len(e.reports), [p.status for p in e.people]) for e in alone.recent_events(T0)] == expected_events
    finally:
        alone.close()
    assert expected_events == [(4, ["released"]), (2, ["detained", "detained", "detained"])]
    kinds = [kind for kind, *_ in together_posts]
    assert kinds == ["alert", "followup", "edit", "alert", "followup", "followup"]


def test_a_duplicate_in_a_batch_is_neither_stored_nor_placed(db_location: str) -> None:
    store = Store.open(db_location)
    try:
        first, second = batch(store)[:2]
        copy = (NewItem(**{**first[0].__dict__, "guid": "other"}), first[1])  # the same keys
        placed = add_reports(store, [first, copy, second], now=T0, planner=EventPosts("en"))
        assert placed[1].item_id is None and placed[1].role is None
        assert [p.role for p in placed] == ["first", None, "followup"]
        assert store.item_count() == 2
    finally:
        store.close()


def _written(store: Store) -> tuple[list[tuple], list[tuple]]:
    """The outbox as queued (with its clock) and the events with their people and placement numbers."""
    posts = [
        (row["kind"], row["item_id"], row["parent_id"], row["body"], row["created_at"]) for row in store.outbox_rows()
    ]
    events = [
        (e.id, len(e.reports), [(p.key, p.term, p.status) for p in e.people], e.alert_id)
        for e in store.recent_events(T0)
    ]
    return posts, events


def test_polls_placed_together_are_placed_as_one_transaction_each(tmp_path, db_location: str) -> None:
    """Three polls' batches (each with its own clock) in one transaction write what three
    transactions one after the other write: the same posts, events, people and numbers."""
    clocks = [T0 + timedelta(hours=31), T0 + timedelta(hours=32), T0 + timedelta(hours=33)]
    together = Store.open(db_location)
    try:
        reports = batch(together)
        batches = [(reports[0:2], clocks[0]), (reports[2:4], clocks[1]), (reports[4:6], clocks[2])]
        placed = add_batches(together, batches, planner=EventPosts("en"))
        versions = together._read(
            lambda db: [tuple(r) for r in db.execute("SELECT id, version FROM events ORDER BY id")]
        )
        expected = _written(together)
    finally:
        together.close()
    alone = Store.open(tmp_path / "alone.sqlite3")
    try:
        reports = batch(alone)
        one_by_one = [
            add_reports(alone, part, now=now, planner=EventPosts("en"))
            for part, now in [(reports[0:2], clocks[0]), (reports[2:4], clocks[1]), (reports[4:6], clocks[2])]
        ]
        assert _written(alone) == expected
        assert (
            alone._read(lambda db: [tuple(r) for r in db.execute("SELECT id, version FROM events ORDER BY id")])
            == versions
        )
    finally:
        alone.close()
    assert [[p.role for p in part] for part in placed] == [[p.role for p in part] for part in one_by_one]
    assert [p.role for part in placed for p in part] == ["first", "followup", "also", "first", "followup", "followup"]


# -- the book: what one transaction wrote, as the database now holds it ---------------------


def _report(item_id: int, role: str, added: str) -> tuple[tuple[int, str, int], Report]:
    report = Report(
        item_id=item_id,
        source_name="S",
        title="",
        url=None,
        text="t",
        at=to_second(T0),
        analysis=Analysis(arrest=True, protest=False),
        role=role,
    )  # type: ignore[arg-type]
    return (0 if role == "first" else 1, added, item_id), report


def test_the_book_records_a_joined_event_as_the_database_does() -> None:
    aidar = Person(key=name_key("Aidar Serikbayev"), name="Aidar Serikbayev")
    known = Event(id=7, first_at=to_second(T0), last_at=to_second(T0), people=(aidar,), detained_on=None)
    book = EventBook(lookback=timedelta(days=104), window=timedelta(days=7))
    book.add_events([known])
    book.add_reports({7: [_report(1, "first", "2026-03-02T09:00:30+00:00")]})
    later = T0 + timedelta(hours=5)
    write = EventWrite(
        event_id=7,
        role="followup",
        reason="person",
        at=later,
        detained_on="2026-03-01",
        people=(
            EventPersonRow(key=aidar.key, name="Айдар Серикбаев", latin="", term="15 days", status="sentenced"),
            EventPersonRow(key=name_key("Dana Omarova"), name="Dana Omarova", latin="", term=None, status="detained"),
        ),
    )
    _, new = _report(2, "followup", "2026-03-02T14:00:00+00:00")
    book.record(write, event_id=7, alert_id=None, report=new, added_at="2026-03-02T14:00:00+00:00")
    event = book.events[7]
    # The name first written stays; the term and status change; a new person comes last.
    assert [(p.name, p.term, p.status) for p in event.people] == [
        ("Aidar Serikbayev", "15 days", "sentenced"),
        ("Dana Omarova", None, "detained"),
    ]
    assert event.last_at == to_second(later) and event.first_at == to_second(T0)
    assert event.detained_on == "2026-03-01"
    assert [r.item_id for _, r in book.reports[7]] == [1, 2]
    older, recent = book.around(later)
    assert older == [] and [e.id for e in recent] == [7]
    # Far beyond the lookback the event is an earlier episode of its people, not a candidate.
    months = later + timedelta(days=200)
    assert book.around(months) == ([], [])
    assert [e.id for e in book.earlier([aidar.key], months)] == [7]
    assert book.earlier([name_key("Someone Else")], months) == []


def test_the_book_keeps_its_events_in_order_as_placements_change_them() -> None:
    book = EventBook(lookback=timedelta(days=104), window=timedelta(days=7))
    book.add_events(
        Event(
            id=event_id, first_at=to_second(T0 + timedelta(hours=hours)), last_at=to_second(T0 + timedelta(hours=hours))
        )
        for event_id, hours in ((1, 5), (2, 1), (3, 3))
    )
    assert [e.id for e in book.around(T0 + timedelta(hours=6))[1]] == [2, 3, 1]
    # An earlier report joins event 1 (it now starts first); a new event opens between 2 and 3.
    joined = EventWrite(event_id=1, role="also", reason="text:0.90", at=T0)
    book.record(
        joined, event_id=1, alert_id=None, report=_report(4, "also", "2026-03-02T15:00:00+00:00")[1], added_at=""
    )
    opened = EventWrite(event_id=None, role="first", reason="new", at=T0 + timedelta(hours=2))
    book.record(
        opened, event_id=4, alert_id=None, report=_report(5, "first", "2026-03-02T15:00:00+00:00")[1], added_at=""
    )
    _, recent = book.around(T0 + timedelta(hours=6))
    assert [e.id for e in recent] == [1, 2, 4, 3]
    assert recent == sorted(book.events.values(), key=lambda e: (e.first_at, e.id))


def test_a_batch_that_cannot_be_stored_fails_its_own_poll_only(db_location: str) -> None:
    """Polls waiting together are stored in one transaction; when it fails, each batch is
    tried alone, so the others are stored and only the faulty one's poll sees the error."""
    store = Store.open(db_location)
    try:
        reports = batch(store)
        # A plain news item (not stored in a savepoint of its own) of a source that does not exist.
        plain = {"source_id": 9999, "title": "Weather", "text": "Sunny tomorrow.", "status": "seen", "analysis": None}
        broken = (NewItem(**{**reports[5][0].__dict__, **plain}), None)
        placer = _Placer(SimpleNamespace(store=store, events=EventPosts("en")))  # type: ignore[arg-type]

        async def polls() -> list:
            return await asyncio.gather(
                placer.place(reports[0:2], T0),
                placer.place([broken], T0),
                placer.place(reports[3:5], T0),
                return_exceptions=True,
            )

        first, failed, third = asyncio.run(polls())
        assert [p.role for p in first] == ["first", "followup"]
        assert isinstance(failed, Exception)
        assert [p.role for p in third] == ["first", "followup"]
        assert store.item_count() == 4
    finally:
        store.close()
