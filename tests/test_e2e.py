"""The whole pipeline through the real command line: loopback feeds in, a strict
Telegram stand-in out (python-telegram-bot talks to it over HTTP)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.support.feeds import ARREST_EN, ARREST_RU, ORDINARY_EN, ORDINARY_RU, Story, rss

ROOT = Path(__file__).resolve().parent.parent


def write_sources(path: Path, feeds: dict[str, str], extra: str = "") -> Path:
    lines = ['[settings]\ninterval = "1m"\nmax_age = "24h"\nlanguage = "en"\n', extra]
    for name, url in feeds.items():
        lines.append(f'[[source]]\nname = "{name}"\nurl = "{url}"\n')
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def noon_zone(later: int = 0) -> str:
    """A fixed-offset zone where it is 12:xx now (plus ``later`` hours), so neither
    midnight nor a digest time near it makes a test depend on the hour it runs at."""
    hours = (12 - datetime.now(timezone.utc).hour) % 24
    hours = (hours - 24 if hours > 12 else hours) + later
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # Etc/GMT-5 is UTC+5


def no_digest_yet() -> str:
    """[settings] lines under which no digest is due while a test runs, whatever the hour."""
    return f'timezone = "{noon_zone()}"\ndigest_time = "23:00"\n'


def arrestwatch(tmp_path: Path, *args: str, botapi=None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would, with only the environment it documents."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    if botapi is not None:
        env.update(TELEGRAM_BOT_TOKEN=botapi.token, TELEGRAM_CHAT_ID=str(botapi.chat_id), TELEGRAM_API_URL=botapi.url)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "--sources",
            str(tmp_path / "sources.toml"),
            "--db",
            str(tmp_path / "db.sqlite3"),
            *args,
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def news_feed() -> str:
    return rss(
        [
            Story("en-1", "Almaty activist jailed for 15 days over picket", ARREST_EN, "http://127.0.0.1/en/1"),
            Story("en-2", "Football: national team wins friendly", ORDINARY_EN, "http://127.0.0.1/en/2"),
        ]
    )


def test_once_posts_each_arrest_once_and_nothing_else(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    web.add(
        "/ru.xml",
        rss(
            [
                Story("ru-1", "Активиста арестовали на 10 суток", ARREST_RU, "http://127.0.0.1/ru/1"),
                Story("ru-2", "В Алматы открылась новая линия метро", ORDINARY_RU, "http://127.0.0.1/ru/2"),
            ]
        ),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml"), "RU news": web.url("/ru.xml")})

    first = arrestwatch(tmp_path, "once", botapi=botapi)
    assert first.returncode == 0, first.stderr
    texts = [m.text for m in botapi.messages]
    assert len(texts) == 2, texts
    english = next(t for t in texts if "Serikbayev" in t)
    russian = next(t for t in texts if "Жумабаев" in t)
    assert "15 days" in english and "10 days" in russian
    assert any("<b>" in m.html for m in botapi.messages)  # detainees in bold, accepted as valid HTML by the stand-in
    assert not any("football" in t.lower() or "метро" in t for t in texts)

    second = arrestwatch(tmp_path, "once", botapi=botapi)
    assert second.returncode == 0, second.stderr
    assert len(botapi.messages) == 2  # nothing new, nothing posted again
    assert "0 arrest alerts queued" in second.stderr


def test_a_failing_source_does_not_stop_the_others(tmp_path: Path, web, botapi) -> None:
    web.add("/good.xml", news_feed(), content_type="application/rss+xml")
    web.add("/broken.xml", "server on fire", status=500)
    write_sources(
        tmp_path / "sources.toml",
        {
            "Broken": web.url("/broken.xml"),
            "Refused": "http://127.0.0.1:9/feed.xml",  # nothing listens on the discard port
            "Good": web.url("/good.xml"),
        },
    )
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert len(botapi.messages) == 1 and "Serikbayev" in botapi.messages[0].text
    assert "2 failed" in result.stderr
    assert "source Broken: " in result.stderr and "source Refused: " in result.stderr
    assert "failed: Broken, Refused" in result.stderr  # the summary names them once more, without the reasons


def test_console_mode_prints_alerts_without_a_token(tmp_path: Path, web) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")})
    result = arrestwatch(tmp_path, "once")
    assert result.returncode == 0, result.stderr
    assert "Aidar Serikbayev" in result.stdout and "15 days" in result.stdout
    assert "<b>" not in result.stdout  # printed as text, not HTML


def test_teaser_only_items_are_analysed_with_the_article_text(tmp_path: Path, web, botapi) -> None:
    article = f"<html><body><nav>Menu</nav><article><h1>Court news</h1><p>{ARREST_EN}</p></article></body></html>"
    web.add("/article/7", article, content_type="text/html; charset=utf-8")
    web.add(
        "/teasers.xml",
        rss(
            [
                Story(
                    "t-7",
                    "Court news from Almaty",
                    "A court ruled on a case on Tuesday.",
                    web.url("/article/7"),
                    full=False,
                ),
            ]
        ),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"Teasers": web.url("/teasers.xml")})
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert len(botapi.messages) == 1 and "Serikbayev" in botapi.messages[0].text


def test_first_poll_records_old_items_without_posting(tmp_path: Path, web, botapi) -> None:
    web.add(
        "/old.xml",
        rss(
            [
                Story("old-1", "Activist jailed last week", ARREST_EN, "http://127.0.0.1/old/1", age=timedelta(days=3)),
            ]
        ),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"Old": web.url("/old.xml")})
    result = arrestwatch(tmp_path, "once", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert botapi.messages == []
    assert "1 new item," in result.stderr


def test_digest_by_hand_posts_since_the_last_one_and_not_twice(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    # Midnight UTC: on the old window (the 24 hours before today's digest_time) the
    # arrest fetched now fell outside, and the digest said "no arrests" (issue 15).
    write_sources(
        tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra='timezone = "UTC"\ndigest_time = "00:00"\n'
    )
    once = arrestwatch(tmp_path, "once", botapi=botapi)
    assert once.returncode == 0 and len(botapi.messages) == 1, once.stderr

    first = arrestwatch(tmp_path, "digest", botapi=botapi)
    assert first.returncode == 0, first.stderr
    # Failed once in ~40 full runs (a fresh machine, the first run): say why if it recurs.
    assert len(botapi.messages) == 2, (
        f"once:\n{once.stderr}\ndigest:\n{first.stderr}\nBot API calls: {[m for m, _ in botapi.requests]}"
    )
    digest = botapi.messages[-1].text
    assert "Aidar Serikbayev" in digest and "15 days" in digest and "no arrests" not in digest
    now = datetime.now(timezone.utc)
    assert f"{now.day} {now:%b}" in digest.splitlines()[0] and "UTC" in digest.splitlines()[0]
    assert "Not watched from" in digest  # the hours before the first poll

    second = arrestwatch(tmp_path, "digest", botapi=botapi)
    assert second.returncode == 0 and "the last digest went out at" in second.stderr
    assert len(botapi.messages) == 2

    forced = arrestwatch(tmp_path, "digest", "--force", botapi=botapi)
    assert forced.returncode == 0 and len(botapi.messages) == 3
    assert "Aidar Serikbayev" in botapi.messages[-1].text


def test_quiet_watched_period_digest_is_one_line(tmp_path: Path, botapi) -> None:
    from datetime import timedelta as td

    from bot.app.watch import note_poll
    from bot.edges.store import Store

    write_sources(tmp_path / "sources.toml", {})
    store = Store.open(tmp_path / "db.sqlite3")
    now = datetime.now(timezone.utc)
    for moment in (now - td(hours=25), now):  # watched throughout
        note_poll(store, moment, td(hours=30))
    store.close()
    result = arrestwatch(tmp_path, "digest", botapi=botapi)
    assert result.returncode == 0, result.stderr
    assert len(botapi.messages) == 1 and "\n" not in botapi.messages[0].text.strip()
    assert "no arrests reported" in botapi.messages[0].text


def test_unusable_configuration_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text('[[source]]\nname = "x"\nurl = "https://x.example/"\ntype = "nntp"\n')
    result = arrestwatch(tmp_path, "once")
    assert result.returncode == 2
    assert "sources.toml:4: unknown source type 'nntp'" in result.stderr


def test_token_without_chat_is_a_configuration_error(tmp_path: Path, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {})
    env_botapi = type("B", (), {"token": botapi.token, "chat_id": "", "url": botapi.url})()
    result = arrestwatch(tmp_path, "once", botapi=env_botapi)
    assert result.returncode == 2 and "TELEGRAM_CHAT_ID" in result.stderr
    assert botapi.token not in result.stderr + result.stdout


def test_analyze_writes_one_line_per_input_in_order(tmp_path: Path) -> None:
    reports = tmp_path / "in.jsonl"
    reports.write_text(
        '{"id": "a", "title": "Activist jailed", "text": ' + _json(ARREST_EN) + ', "lang": "en"}\n'
        '{"id": "b", "text": ' + _json(ORDINARY_EN) + "}\n"
        "not json\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.toml").write_text("")
    result = arrestwatch(tmp_path, "analyze", str(reports))
    assert result.returncode == 0, result.stderr
    import json

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]  # the line that is not a report is skipped, and said so
    assert rows[0]["arrest"] is True and rows[1]["arrest"] is False
    assert {"name": "Aidar Serikbayev", "term": "15 days"} in rows[0]["detainees"]
    assert "line 3: not valid JSON" in result.stderr


def _json(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


@pytest.mark.parametrize("entry", ["-m", "console"])
def test_help_lists_every_command(entry: str) -> None:
    cmd = (
        [sys.executable, "-m", "bot", "--help"]
        if entry == "-m"
        else [str(Path(sys.executable).parent / "arrestwatch"), "--help"]
    )
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
    for command in ("run", "once", "digest", "analyze", "sources"):
        assert command in out
