"""Every way a source misbehaves, all in one poll: each gets the right outcome, the
well-behaved sources are unaffected, and nothing they carried is lost."""

from __future__ import annotations

import gzip
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.app.pipeline import Pipeline
from bot.edges.config import parse_config
from bot.edges.fetch import Fetcher
from bot.edges.store import Store
from tests.support.feeds import ARREST_EN, ARREST_RU, ORDINARY_EN, Story, rss


def _telegram_page(now: datetime) -> str:
    stamp = (now - timedelta(minutes=5)).isoformat()
    return (
        '<html><body><div class="tgme_channel_history">'
        '<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="chan/7">'
        f'<div class="tgme_widget_message_text">{ARREST_EN}</div>'
        f'<a class="tgme_widget_message_date" href="https://t.me/chan/7"><time datetime="{stamp}">now</time></a>'
        "</div></div></div></body></html>"
    )


def _listing(web) -> str:
    return (
        "<html><body><nav><a href='/about'>About us and our long mission statement</a></nav><main>"
        f"<article><h2><a href='{web.url('/story/2026/activist-jailed-for-picket')}'>Activist jailed for "
        "fifteen days after a picket</a></h2><time datetime='"
        f"{datetime.now(timezone.utc).isoformat()}'>today</time></article>"
        "</main></body></html>"
    )


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "db.sqlite3")
    yield store
    store.close()


async def test_misbehaving_sources_in_one_poll(tmp_path: Path, web, store: Store) -> None:
    now = datetime.now(timezone.utc)
    good = rss(
        [
            Story("g1", "Activist jailed for 15 days", ARREST_EN, "http://127.0.0.1/g/1"),
            Story("g2", "Football", ORDINARY_EN, "http://127.0.0.1/g/2"),
        ]
    )
    web.add("/good.xml", good, content_type="application/rss+xml", etag='"v1"')
    web.add("/broken.xml", "server on fire", status=500)
    web.add_rate_limited("/busy.xml", retry_after=900)
    web.add("/slow.xml", good, content_type="application/rss+xml", delay=3)
    web.add_stream("/endless.xml", b"<rss>" + b"x" * 65536, count=None, content_type="application/rss+xml")
    web.add(
        "/bomb.xml",
        gzip.compress(b"\0" * (40 * 1024 * 1024)),
        gzip=False,
        content_type="application/rss+xml",
        headers={"Content-Encoding": "gzip"},
    )
    web.add_redirect("/loop-a.xml", "/loop-b.xml")
    web.add_redirect("/loop-b.xml", "/loop-a.xml")
    cp1251 = (
        rss([Story("r1", "Активиста арестовали", ARREST_RU, "http://127.0.0.1/r/1")])
        .replace('encoding="UTF-8"', 'encoding="windows-1251"')
        .encode("cp1251")
    )
    web.add("/cp1251.xml", cp1251, content_type="application/rss+xml")  # no charset in the header
    malformed = rss(
        [Story("m1", "Activist jailed & held", ARREST_EN.replace("Aidar", "Marat"), "http://127.0.0.1/m/1")]
    ).replace("</channel></rss>", "")
    web.add("/malformed.xml", malformed.replace("& held", "&amp held"), content_type="application/rss+xml")
    web.add("/empty.xml", rss([]), content_type="application/rss+xml")
    web.add("/listing", _listing(web))
    web.add(
        "/story/2026/activist-jailed-for-picket",
        f"<html><body><article><h1>Activist jailed</h1><p>{ARREST_EN.replace('Aidar', 'Nurlan')}</p>"
        "</article></body></html>",
    )
    web.add("/s/chan", _telegram_page(now))

    names = {
        "Good": ("/good.xml", "rss"),
        "Broken": ("/broken.xml", "rss"),
        "Busy": ("/busy.xml", "rss"),
        "Slow": ("/slow.xml", "rss"),
        "Endless": ("/endless.xml", "rss"),
        "Bomb": ("/bomb.xml", "rss"),
        "Loop": ("/loop-a.xml", "rss"),
        "Cp1251": ("/cp1251.xml", "rss"),
        "Malformed": ("/malformed.xml", "rss"),
        "Empty": ("/empty.xml", "rss"),
        "Listing": ("/listing", "html"),
        "Channel": ("/s/chan", "telegram"),
    }
    text = '[settings]\nlanguage = "en"\n' + "".join(
        f'[[source]]\nname = "{name}"\nurl = "{web.url(path)}"\ntype = "{kind}"\n'
        for name, (path, kind) in names.items()
    )
    config = parse_config(text, tmp_path / "sources.toml")
    fetcher = Fetcher(max_bytes=2 * 1024 * 1024, read_timeout=1.5, deadline=2.0)
    try:
        pipeline = Pipeline(config, store, fetcher)
        reports = {r.source: r for r in await pipeline.poll_all()}

        assert set(reports) == set(names)  # every source reported, none raised
        failed = {name for name, r in reports.items() if not r.ok}
        assert failed == {"Broken", "Busy", "Slow", "Endless", "Bomb", "Loop"}, {n: r.error for n, r in reports.items()}
        assert "HTTP 500" in reports["Broken"].error
        assert "429" in reports["Busy"].error
        assert "2s" in reports["Slow"].error or "timed out" in reports["Slow"].error
        assert "limit" in reports["Endless"].error and "limit" in reports["Bomb"].error
        assert "redirect" in reports["Loop"].error
        # Good and Channel tell the same arrest: one of them posts the alert, the other edits it.
        alerts = {name: r.alerts + r.edits for name, r in reports.items() if r.alerts + r.edits}
        assert alerts == {"Good": 1, "Cp1251": 1, "Malformed": 1, "Listing": 1, "Channel": 1}, alerts
        assert reports["Empty"].ok and reports["Empty"].entries == 0

        busy = store.source_state("Busy")
        assert busy is not None and busy.next_attempt_at is not None
        assert busy.next_attempt_at >= datetime.now(timezone.utc) + timedelta(seconds=800)  # Retry-After honoured
        bodies = [row["body"] for row in store.outbox_rows(kind="alert")]
        assert any("Жумабаев" in b for b in bodies) and any("Nurlan Serikbayev" in b for b in bodies)

        # A second poll: the feed that sends an ETag answers 304 and costs no parsing.
        before = len(web.requests)
        again = await pipeline.poll(config.sources[0])
        assert again.ok and again.not_modified and again.new_items == 0
        assert web.requests[before][1].get("If-None-Match") == '"v1"'
    finally:
        await fetcher.aclose()
