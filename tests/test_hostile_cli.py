"""Every hostile case of issue 14 at once, through the command line as an operator runs it:
one `once` against the strict Bot API stand-in, which answers 429 and then 502 on the way.

The feeds hold a link with a bad port, a port out of range, a redirect to a malformed URL,
an item whose entities break feedparser's fallback parser, characters that disguise text,
characters outside the BMP, invalid UTF-8 bytes, and a source that redirects to the cloud
metadata address. Each arrest is posted exactly once; nothing else is lost or leaked."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support.feeds import ARREST_EN, Story, rss

NAMES = [
    "Aidar Serikbayev",
    "Marat Zhaksylykov",
    "Gulnar Ospanova",
    "Dana Omarova",
    "Timur Bekov",
    "Saule Nurova",
    "Yerlan Abenov",
]


def story(i: int, link: str, *, full: bool = False, title_extra: str = "") -> Story:
    name = NAMES[i]
    text = (
        ARREST_EN.replace("Aidar Serikbayev", name)
        .replace("Serikbayev", name.split()[-1])
        .replace("15 days", f"{10 + i} days")
    )
    return Story(f"h-{i}", f"Activist {name} jailed for {10 + i} days{title_extra}", text, link, full=full)


def test_every_hostile_case_through_the_cli_loses_nothing_and_leaks_nothing(tmp_path: Path, web, botapi) -> None:
    web.add("/a/good", f"<html><body><article><p>{story(3, '').text}</p></article></body></html>")
    web.add_redirect("/a/backslash", "http:\\\\127.0.0.1\\a")
    feed1 = rss(
        [
            story(0, "http://127.0.0.1:8000x/a/2"),
            story(1, "http://127.0.0.1:99999/a/3"),
            story(2, web.url("/a/backslash")),
            story(3, web.url("/a/good")),
            story(4, "http://127.0.0.1:1/x", full=True, title_extra=" \u202e\u200b"),
        ]
    )
    feed1 = feed1.replace(
        "</channel>",
        "<item><title>Broken &#xD800; &#x110000; &#99999999999; item</title>"
        "<link>http://127.0.0.1:1/bad</link><guid>bad-1</guid><description>nothing</description>"
        "</item></channel>",
    )
    web.add("/feed1.xml", feed1, content_type="application/rss+xml")
    raw = rss(
        [
            story(5, "http://127.0.0.1:1/y", full=True),
            story(6, "http://127.0.0.1:1/z", full=True, title_extra=" \U0001d400\U0001f600"),
        ]
    ).encode()
    web.add("/feed2.xml", raw.replace(b"Test feed", b"Test \xff\xfe feed \xc3\x28"), content_type="application/rss+xml")
    web.add_redirect("/feed3.xml", "http://169.254.169.254/latest/meta-data/")
    (tmp_path / "sources.toml").write_text(
        '[settings]\ninterval = "1m"\nmax_age = "24h"\nlanguage = "en"\n'
        + "".join(
            f'[[source]]\nname = "{name}"\nurl = "{web.url(path)}"\n'
            for name, path in [("One", "/feed1.xml"), ("Two", "/feed2.xml"), ("Three", "/feed3.xml")]
        ),
        encoding="utf-8",
    )
    botapi.rate_limit(1, retry_after=1)
    botapi.fail_next(1, status=502)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(
        TELEGRAM_BOT_TOKEN=botapi.token,
        TELEGRAM_CHAT_ID=str(botapi.chat_id),
        TELEGRAM_API_URL=botapi.url,
        TELEGRAM_ADMIN_CHAT_ID=str(botapi.admin_chat_id),
    )
    cmd = [
        sys.executable,
        "-m",
        "bot",
        "--sources",
        str(tmp_path / "sources.toml"),
        "--db",
        str(tmp_path / "db.sqlite3"),
        "once",
    ]

    runs = [subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300) for _ in range(2)]

    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    posts = botapi.sent_to(botapi.chat_id)
    assert {name: sum(name in post.text for post in posts) for name in NAMES} == {name: 1 for name in NAMES}
    assert not [post.text for post in posts if any(c in post.text for c in "\u202e\u200b\x00")]
    secret = botapi.token.split(":", 1)[1]
    assert not [run for run in runs if secret in run.stdout + run.stderr]
    assert not [path for path in web.paths() if "latest" in path]
    assert "169.254.169.254" in runs[0].stderr and "Three" in runs[0].stderr  # the refused source is named
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        states = dict(db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    db.close()
    assert states == {"sent": len(NAMES)}
