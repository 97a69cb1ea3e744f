"""Hostile input, reproduced against real local servers: a bad article link, an item
feedparser cannot read, text Telegram counts differently, characters that disguise
text, redirects into our own network. Each one loses nothing and stops nothing else."""

from __future__ import annotations

import sqlite3
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


MATH = "".join(chr(0x1D400 + i % 52) for i in range(60))  # 𝐀𝐁𝐂…: two UTF-16 units each


async def test_digest_parts_fit_telegrams_utf16_limit(botapi) -> None:
    from datetime import date, datetime, timezone

    from bot.analysis.result import Detainee
    from bot.publish import TelegramPublisher
    from bot.publish.format import DigestEntry, format_digest

    entries = [
        DigestEntry(title=f"{MATH} {i} 😀😀", url=None, source_name=f"{MATH[:20]} News",
                    detainees=(Detainee(f"{MATH} {i}", "15 days"),), place=MATH,
                    published=datetime(2026, 3, 1, 10, tzinfo=timezone.utc))
        for i in range(200)
    ]
    parts = format_digest(date(2026, 3, 1), entries)
    assert len(parts) > 1
    telegram = TelegramPublisher(botapi.token, api_url=botapi.url, min_interval=0)
    await telegram.start()
    try:
        for part in parts:
            await telegram.send(str(botapi.chat_id), part)  # raises PublishError if Telegram rejects it
    finally:
        await telegram.stop()
    assert len(botapi.messages) == len(parts)
    shown = "".join(m.text for m in botapi.messages)
    assert all(f"{MATH} {i}" in shown for i in range(200))


DISGUISE = ["\u202e", "\u200b", "\u2066", "\ufeff", "\x00", "\x07", "\u200f"]


def test_characters_that_disguise_text_never_reach_a_post_or_the_database(tmp_path: Path, web, botapi) -> None:
    from tests.test_e2e import arrestwatch, write_sources

    name = "Gulnar Ospanova"
    story = teaser(2, "http://127.0.0.1:1/x")
    title = "Activist Gul\u200bnar Ospa\u202enova jailed\u2066 for 12 days"
    text = story.text.replace("civic activist", "civic\u200f activist\ufeff")
    document = rss([Story("x-1", title, text, story.link, full=True)])
    document = document.replace("jailed", "jailed&#0;&#7;", 1)
    web.add("/feed.xml", document, content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"News": web.url("/feed.xml")})

    run = arrestwatch(tmp_path, "once", botapi=botapi)

    assert run.returncode == 0, run.stderr
    [message] = botapi.messages
    assert "Gulnar Ospanova" in message.text
    assert not [ch for ch in DISGUISE if ch in message.html], repr(message.html)
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        [(stored_title, stored_text)] = db.execute("SELECT title, text FROM items").fetchall()
    db.close()
    assert not [ch for ch in DISGUISE if ch in stored_title + stored_text], repr(stored_title)
    assert name in stored_text


def test_the_quick_check_of_clean_text_knows_every_character_it_removes() -> None:
    import unicodedata

    from bot.sanitize import _KEPT, _REMOVED, _SUSPECT_RE, clean_text

    removed = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in _REMOVED and chr(c) not in _KEPT]
    assert all(_SUSPECT_RE.match(ch) for ch in removed)
    assert clean_text("a\u202eb\u200bc\x00d\ne\tf") == "abcd\ne\tf"
