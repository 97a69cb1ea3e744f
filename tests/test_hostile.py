"""Hostile input, reproduced against real local servers: a bad article link, an item
feedparser cannot read, text Telegram counts differently, characters that disguise
text, redirects into our own network. Each one loses nothing and stops nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import parse_config
from bot.fetch import Fetcher
from bot.pipeline import Pipeline
from bot.store import Store
from tests.support.feeds import ARREST_EN, Story, rss

NAMES = ["Aidar Serikbayev", "Marat Zhaksylykov", "Gulnar Ospanova", "Dana Omarova", "Timur Bekov"]


def teaser(i: int, link: str, name: str | None = None) -> Story:
    """An arrest report whose feed carries only a teaser, so its article page is read."""
    name = name or NAMES[i]
    return Story(f"t-{i}", f"Activist {name} jailed for {10 + i} days", ARREST_EN.replace("Aidar Serikbayev", name)
                 .replace("Serikbayev", name.split()[-1]).replace("15 days", f"{10 + i} days"), link, full=False)


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "db.sqlite3")
    yield store
    store.close()


async def poll_one(tmp_path: Path, store: Store, url: str, *, times: int = 1):
    config = parse_config(f'[settings]\nlanguage = "en"\n[[source]]\nname = "News"\nurl = "{url}"\n',
                          tmp_path / "sources.toml")
    fetcher = Fetcher(read_timeout=3, deadline=5)
    try:
        pipeline = Pipeline(config, store, fetcher)
        return [await pipeline.poll(config.sources[0]) for _ in range(times)]
    finally:
        await fetcher.aclose()


def alert_bodies(store: Store) -> list[str]:
    return [row["body"] for row in store.outbox_rows(kind="alert")]


async def test_a_bad_article_link_falls_back_to_the_teaser(tmp_path: Path, web, store: Store) -> None:
    web.add("/a/good", f"<html><body><article><p>{teaser(3, '').text}</p></article></body></html>")
    web.add_redirect("/a/backslash", "http:\\\\127.0.0.1\\a")
    stories = [
        teaser(0, "http://127.0.0.1:8000x/a/2"),
        teaser(1, "http://127.0.0.1:99999/a/3"),
        teaser(2, web.url("/a/backslash")),
        teaser(3, web.url("/a/good")),
    ]
    web.add("/feed.xml", rss(stories), content_type="application/rss+xml")

    first, second = await poll_one(tmp_path, store, web.url("/feed.xml"), times=2)

    assert first.ok and first.failed_entries == [], first.failed_entries
    bodies = alert_bodies(store)
    for name in NAMES[:4]:
        assert sum(name in body for body in bodies) == 1, (name, bodies)
    assert second.new_items == 0  # stored once, not retried at every poll


async def test_an_item_feedparser_cannot_read_stops_nothing(tmp_path: Path, web, store: Store) -> None:
    stories = [teaser(i, f"http://127.0.0.1:1/s/{i}") for i in range(4)]
    document = rss(stories)
    for i, reference in enumerate(["&#xD800;", "&#x110000;", "&#99999999999;"], start=1):
        document = document.replace(f"<title>Activist {NAMES[i]}", f"<title>{reference} Activist {NAMES[i]}")
    web.add("/feed.xml", document, content_type="application/rss+xml")

    (report,) = await poll_one(tmp_path, store, web.url("/feed.xml"))

    assert report.ok, report.error
    bodies = alert_bodies(store)
    for name in NAMES[:4]:
        assert sum(name in body for body in bodies) == 1, (name, bodies)
