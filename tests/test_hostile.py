"""Hostile input, reproduced against real local servers: a bad article link, an item
feedparser cannot read, text Telegram counts differently, characters that disguise
text, redirects into our own network. Each one loses nothing and stops nothing else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.app.pipeline import Pipeline
from bot.edges.config import parse_config
from bot.edges.fetch import Fetcher
from bot.edges.store import Store
from tests.support.feeds import ARREST_EN, Story, rss

NAMES = ["Aidar Serikbayev", "Marat Zhaksylykov", "Gulnar Ospanova", "Dana Omarova", "Timur Bekov"]


def teaser(i: int, link: str, name: str | None = None) -> Story:
    """An arrest report whose feed carries only a teaser, so its article page is read."""
    name = name or NAMES[i]
    return Story(
        f"t-{i}",
        f"Activist {name} jailed for {10 + i} days",
        ARREST_EN.replace("Aidar Serikbayev", name)
        .replace("Serikbayev", name.split()[-1])
        .replace("15 days", f"{10 + i} days"),
        link,
        full=False,
    )


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "db.sqlite3")
    yield store
    store.close()


async def poll_one(tmp_path: Path, store: Store, url: str, *, times: int = 1):
    config = parse_config(
        f'[settings]\nlanguage = "en"\n[[source]]\nname = "News"\nurl = "{url}"\n', tmp_path / "sources.toml"
    )
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

    from bot.core.analysis.result import Detainee
    from bot.core.publish.format import DigestEntry, format_digest
    from bot.edges.publish import TelegramPublisher

    entries = [
        DigestEntry(
            title=f"{MATH} {i} 😀😀",
            url=None,
            source_name=f"{MATH[:20]} News",
            detainees=(Detainee(f"{MATH} {i}", "15 days"),),
            place=MATH,
            published=datetime(2026, 3, 1, 10, tzinfo=timezone.utc),
        )
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

    from bot.core.sanitize import _KEPT, _REMOVED, _SUSPECT_RE, clean_text

    removed = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in _REMOVED and chr(c) not in _KEPT]
    assert all(_SUSPECT_RE.match(ch) for ch in removed)
    assert clean_text("a\u202eb\u200bc\x00d\ne\tf") == "abcd\ne\tf"


def test_a_bot_api_error_that_echoes_the_token_carries_it_nowhere(tmp_path: Path, web, botapi) -> None:
    import os
    import subprocess
    import sys

    from tests.test_e2e import write_sources

    web.add(
        "/feed.xml",
        rss([Story("k-1", "Activist jailed for 15 days", ARREST_EN, "http://127.0.0.1:1/k")]),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"News": web.url("/feed.xml")})
    botapi.fail_next(1, status=400, description="Bad Request: cannot route POST {path}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(
        TELEGRAM_BOT_TOKEN=botapi.token,
        TELEGRAM_CHAT_ID=str(botapi.chat_id),
        TELEGRAM_API_URL=botapi.url,
        TELEGRAM_ADMIN_CHAT_ID=str(botapi.admin_chat_id),
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--sources",
            str(tmp_path / "sources.toml"),
            "--db",
            str(tmp_path / "db.sqlite3"),
            "once",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert run.returncode == 0, run.stderr
    secret = botapi.token.split(":", 1)[1]
    secret = secret.lower()  # python-telegram-bot lower-cases some descriptions, the path included
    assert "cannot route post" in run.stderr.lower()  # the failure is reported …
    assert secret not in run.stderr.lower() and secret not in run.stdout.lower()  # … without the token
    [notice] = botapi.sent_to(botapi.admin_chat_id)
    assert "cannot route post" in notice.text.lower() and secret not in notice.html.lower()
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        stored = (
            db.execute("SELECT last_error FROM outbox").fetchall()
            + db.execute("SELECT name, value FROM flags").fetchall()
        )
    db.close()
    assert any("cannot route post" in str(row).lower() for row in stored)
    assert not [row for row in stored if secret in str(row).lower()], stored


async def test_a_feed_cannot_redirect_the_bot_into_its_own_network(tmp_path: Path, web, store: Store) -> None:
    from bot.edges.fetch import FetchBlockedError

    web.add_redirect("/feed.xml", "http://169.254.169.254/latest/meta-data")
    web.add_redirect("/nat64.xml", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data")
    fetcher = Fetcher(connect_timeout=1, deadline=3)
    try:
        for path in ("/feed.xml", "/nat64.xml"):
            with pytest.raises(FetchBlockedError, match="private or local address"):
                await fetcher.fetch(web.url(path))
    finally:
        await fetcher.aclose()
    (report,) = await poll_one(tmp_path, store, web.url("/feed.xml"))
    assert not report.ok and "private or local address" in (report.error or "")


@pytest.mark.parametrize(
    "address",
    [
        "[::127.0.0.1]",
        "[64:ff9b::7f00:1]",
        "[2002:7f00:1::]",
        "[::ffff:127.0.0.1]",
        "[64:ff9b:1::a9fe:a9fe]",
        "[2002:a9fe:a9fe::1]",
        "169.254.169.254",
        "10.1.2.3",
    ],
)
async def test_addresses_that_embed_a_local_ipv4_address_are_local(address: str) -> None:
    from bot.edges.fetch import FetchBlockedError, check_url

    with pytest.raises(FetchBlockedError, match="private or local address"):
        await check_url(f"http://{address}/admin", "https://8.8.8.8/feed.xml")  # a public source
    with pytest.raises(FetchBlockedError):
        await check_url(f"http://{address}/admin", None)


async def test_a_local_source_reaches_local_pages_of_its_own_kind_only() -> None:
    from bot.edges.fetch import FetchBlockedError, check_url

    await check_url("http://[::127.0.0.1]:8080/a", "http://127.0.0.1:8000/feed.xml")
    await check_url("https://1.1.1.1/news", "http://127.0.0.1:8000/feed.xml")
    with pytest.raises(FetchBlockedError, match="link-local"):
        await check_url("http://169.254.169.254/latest/meta-data", "http://127.0.0.1:8000/feed.xml")


def test_times_without_a_zone_are_read_in_one_zone(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from bot.core.sources import parse_entries

    listing = (
        "<html><body><main>"
        "<article><h2><a href='/a/1'>Activist detained in Shymkent after a picket</a></h2>"
        "<time>28.11.2025 14:30</time></article>"
        "<article><h2><a href='/a/2'>Journalist detained in Taraz after a rally</a></h2>"
        "<time>28 ноября 2025, 14:30</time></article>"
        "</main></body></html>"
    )
    config = parse_config(
        '[settings]\ntimezone = "Asia/Tokyo"\n'
        '[[source]]\nname = "Default zone"\nurl = "https://a.example/news"\ntype = "html"\nlang = "ru"\n'
        '[[source]]\nname = "Own zone"\nurl = "https://b.example/news"\ntype = "html"\nlang = "ru"\n'
        'timezone = "Europe/Moscow"\n',
        tmp_path / "sources.toml",
    )
    default, own = config.sources
    tokyo = [e.published for e in parse_entries(default, listing.encode(), listing, default.url)]
    moscow = [e.published for e in parse_entries(own, listing.encode(), listing, own.url)]
    assert tokyo == [datetime(2025, 11, 28, 5, 30, tzinfo=timezone.utc)] * 2  # 14:30 in Tokyo (UTC+9)
    assert moscow == [datetime(2025, 11, 28, 11, 30, tzinfo=timezone.utc)] * 2  # 14:30 in Moscow (UTC+3)
    bad = '[[source]]\nname = "X"\nurl = "https://x.example/"\ntimezone = "Mars/Olympus"\n'
    with pytest.raises(Exception, match="IANA time zone"):
        parse_config(bad, tmp_path / "sources.toml")


async def test_a_cdata_section_inside_an_items_html_is_its_text(tmp_path: Path, web, store: Store) -> None:
    story = teaser(1, "http://127.0.0.1:1/c/1")
    document = rss([Story(story.guid, "<![CDATA[" + story.title, "<![CDATA[" + story.text, story.link, full=False)])
    web.add("/feed.xml", document, content_type="application/rss+xml")  # escaped once: HTML holding a CDATA marker

    (report,) = await poll_one(tmp_path, store, web.url("/feed.xml"))

    assert report.ok and report.alerts == 1
    [body] = alert_bodies(store)
    assert NAMES[1] in body and "CDATA" not in body
