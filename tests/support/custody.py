"""Reports stored the way the pipeline stores them (bot.app.placement.add_reports with
the event planner), with analyses written by hand: custody tests start from real episodes
without running the language models. Every text here is the project's own writing."""

from __future__ import annotations

import itertools
from datetime import datetime

from bot.app.event_posts import EventPosts
from bot.app.placement import add_reports
from bot.core.analysis.result import Analysis, Detainee
from bot.core.models import SourceConfig
from bot.edges.store import NewItem, QueuedPost, Store

_COUNTER = itertools.count(1)


def tell(
    store: Store,
    at: datetime,
    title: str,
    text: str,
    *people: Detainee,
    place: str | None = None,
    arrest: bool = True,
    source: str = "Outlet A",
    lang: str = "en",
    charge: str | None = None,
    language: str = "en",
) -> int | None:
    """Store one report published at ``at`` as an alert (``arrest``) or as plain news
    (a release report is plain news: not an arrest); return its item id."""
    states = store.sync_sources([SourceConfig(name=source, url=f"http://127.0.0.1/{abs(hash(source))}.xml")])
    number = next(_COUNTER)
    analysis = Analysis(
        arrest=arrest,
        protest=False,
        detainees=people,
        lang=lang,
        place=place,
        charge=charge,
        evidence=(text.split(". ")[0],),
        score=0.9 if arrest else 0.2,
    )
    item = NewItem(
        source_id=states[source].id,
        keys=(f"custody-test-{number}",),
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
        source_name=source,
    )
    post = QueuedPost(f"alert {number}: {title}") if arrest else None
    (stored,) = add_reports(store, [(item, post)], now=at, planner=EventPosts(language))
    return stored.item_id
