"""`sources add` and `sources test` through the command line, against loopback pages."""

from __future__ import annotations

from pathlib import Path

from bot.edges.config import load_config
from tests.support.feeds import ARREST_EN, ORDINARY_EN, Story, rss
from tests.test_e2e import arrestwatch

OPERATOR_FILE = """# Our sources. Keep this comment!
[settings]
interval = "5m"   # poll often

[[source]]
name = "First"   # the first one
url = "http://127.0.0.1:9/first.xml"
"""


def test_sources_add_detects_feeds_pages_and_channels_and_keeps_the_file(tmp_path: Path, web) -> None:
    web.add(
        "/feed.xml",
        rss([Story("a", "T", ORDINARY_EN, "http://127.0.0.1/a")], title="Steppe News"),
        content_type="application/rss+xml",
    )
    web.add(
        "/home",
        "<html><head><title>Daily Paper</title>"
        f'<link rel="alternate" type="application/rss+xml" title="Daily Paper RSS" href="{web.url("/feed.xml")}">'
        "</head><body>news</body></html>",
    )
    web.add(
        "/listing",
        "<html><head><title>No Feed Here</title></head><body><main>"
        "<a href='/2026/11/a-long-article-slug-about-events'>A long enough headline for a story</a>"
        "</main></body></html>",
    )
    sources = tmp_path / "sources.toml"
    sources.write_text(OPERATOR_FILE, encoding="utf-8")

    assert arrestwatch(tmp_path, "sources", "add", web.url("/home")).returncode == 0
    assert arrestwatch(tmp_path, "sources", "add", web.url("/listing"), "--lang", "ru").returncode == 0
    added = arrestwatch(tmp_path, "sources", "add", "https://t.me/s/example_channel")
    assert added.returncode == 0, added.stderr
    again = arrestwatch(tmp_path, "sources", "add", web.url("/feed.xml"))  # the page's feed, already added
    assert again.returncode == 1 and "duplicate" in again.stderr.lower()

    text = sources.read_text(encoding="utf-8")
    assert text.startswith(OPERATOR_FILE.rstrip())  # comments and layout untouched
    config = load_config(sources)
    by_name = {s.name: s for s in config.sources}
    assert by_name["Daily Paper RSS"].url == web.url("/feed.xml") and by_name["Daily Paper RSS"].type == "rss"
    assert by_name["No Feed Here"].type == "html" and by_name["No Feed Here"].lang == "ru"
    assert by_name["example_channel"].type == "telegram"
    assert by_name["example_channel"].url == "https://t.me/s/example_channel"


def test_sources_test_shows_what_would_be_posted_and_stores_nothing(tmp_path: Path, web) -> None:
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
    (tmp_path / "sources.toml").write_text(f'[[source]]\nname = "Feed"\nurl = "{web.url("/feed.xml")}"\n')
    result = arrestwatch(tmp_path, "sources", "test", "Feed")
    assert result.returncode == 0, result.stderr
    assert "[alert ]" in result.stdout and "Aidar Serikbayev (15 days)" in result.stdout
    assert "[seen  ]" in result.stdout
    assert "2 entries, 1 would be posted" in result.stdout
    assert not (tmp_path / "db.sqlite3").exists()

    missing = arrestwatch(tmp_path, "sources", "test", "Nope")
    assert missing.returncode == 1 and "no source named 'Nope'" in missing.stderr and "'Feed'" in missing.stderr
