"""The library behind the command line (bot/entry/commands/): functions that return data and
raise the project's errors, called here without a terminal, against loopback pages."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from bot.core.errors import ConfigError, FetchError, ParseError, RequestError, StoreError
from bot.edges.config import load_config
from bot.entry.commands.custody import configured_today, correction
from bot.entry.commands.sources import (
    UnknownSourceError,
    add_source,
    detect_url,
    find_source,
    preview_source,
    source_health,
)
from bot.entry.commands.stores import NoDatabaseError, open_existing_store, open_store
from tests.support.feeds import ARREST_EN, ORDINARY_EN, Story, rss

SOURCES = '[settings]\ntimezone = "Asia/Almaty"\n\n[[source]]\nname = "Feed"\nurl = "{url}"\n'


async def test_sources_test_returns_each_entry_with_its_decision(tmp_path: Path, web) -> None:
    web.add(
        "/feed.xml",
        rss(
            [
                Story("a", "Activist jailed for 15 days", ARREST_EN, "http://127.0.0.1/a"),
                Story("b", "Football", ORDINARY_EN, "http://127.0.0.1/b"),
            ]
        ),
        content_type="application/rss+xml",
    )
    (tmp_path / "sources.toml").write_text(SOURCES.format(url=web.url("/feed.xml")), encoding="utf-8")
    config = load_config(tmp_path / "sources.toml")
    verdicts = await preview_source(config, find_source(config, "Feed"))
    assert {v.entry.title: v.decision for v in verdicts} == {"Activist jailed for 15 days": "alert", "Football": "seen"}
    with pytest.raises(UnknownSourceError, match=r"no source named 'Nope' in .*sources.toml \(sources: 'Feed'\)"):
        find_source(config, "Nope")


async def test_sources_test_of_a_page_that_is_not_a_feed_is_a_parse_error(tmp_path: Path, web) -> None:
    web.add("/feed.xml", "<html><body>no feed here</body></html>", content_type="text/html")
    (tmp_path / "sources.toml").write_text(SOURCES.format(url=web.url("/feed.xml")), encoding="utf-8")
    config = load_config(tmp_path / "sources.toml")
    with pytest.raises(ParseError):
        await preview_source(config, config.sources[0])


async def test_add_source_appends_or_leaves_the_file_unchanged(tmp_path: Path, web) -> None:
    web.add(
        "/feed.xml",
        rss([Story("a", "T", ORDINARY_EN, "http://127.0.0.1/a")], title="Steppe News"),
        content_type="application/rss+xml",
    )
    path = tmp_path / "sources.toml"
    path.write_text("# mine\n", encoding="utf-8")
    detected = await detect_url(web.url("/feed.xml"))
    added = add_source(path, detected, lang="en")
    assert (added.name, added.type, added.lang) == ("Steppe News", "rss", "en")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(ConfigError) as caught:  # the same URL again
        add_source(path, detected, name="Again")
    assert "duplicate" in str(caught.value).lower() and path.read_text(encoding="utf-8") == before
    with pytest.raises(FetchError) as failed:
        await detect_url(web.url("/missing"))
    assert failed.value.url == web.url("/missing")


def test_stores_and_source_health(tmp_path: Path) -> None:
    with pytest.raises(NoDatabaseError, match="no database at"):
        open_existing_store(str(tmp_path / "none.sqlite3"))
    assert not (tmp_path / "none.sqlite3").exists()  # a read-only command creates nothing
    (tmp_path / "sources.toml").write_text(SOURCES.format(url="http://127.0.0.1:9/feed.xml"), encoding="utf-8")
    store = open_store(str(tmp_path / "db.sqlite3"))
    try:
        [(source, state)] = source_health(load_config(tmp_path / "sources.toml"), store)
        assert source.name == state.name == "Feed" and state.last_success_at is None
    finally:
        store.close()
    assert isinstance(NoDatabaseError("x"), StoreError)


def test_custody_correction_and_today(tmp_path: Path) -> None:
    assert correction(term="15 days") == ("term", "15 days")
    assert correction(released=date(2026, 3, 1)) == ("released", "2026-03-01")
    assert correction(not_released=True) == ("released", "")
    with pytest.raises(RequestError, match="bogus"):
        correction(term="bogus")
    late = datetime(2026, 3, 1, 20, 0, tzinfo=timezone.utc)  # already 2 March in Almaty
    (tmp_path / "sources.toml").write_text(SOURCES.format(url="http://127.0.0.1:9/feed.xml"), encoding="utf-8")
    assert configured_today(tmp_path / "sources.toml", late) == date(2026, 3, 2)
    assert configured_today(tmp_path / "missing.toml", late) == date(2026, 3, 1)  # UTC without a usable file
