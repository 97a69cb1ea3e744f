"""An approved doubtful report joins its event: an arrest another outlet already
reported gets its post edited ("also reported by"), never a second alert."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.feeds import ARREST_EN, Story, rss
from tests.test_e2e import arrestwatch, write_sources

DOUBTFUL = "Police detained Aidar Serikbayev in Almaty on Tuesday, a police spokesman said."


def test_approving_a_doubtful_report_of_a_posted_arrest_edits_the_post(tmp_path: Path, web, botapi) -> None:
    web.add(
        "/a.xml",
        rss([Story("a1", "Activist jailed for 15 days", ARREST_EN, "http://127.0.0.1/a/1")]),
        content_type="application/rss+xml",
    )
    web.add(
        "/b.xml",
        rss([Story("b1", "Man detained in Almaty", DOUBTFUL, "http://127.0.0.1/b/1")]),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"Outlet A": web.url("/a.xml"), "Outlet B": web.url("/b.xml")})

    first = arrestwatch(tmp_path, "once", botapi=botapi)
    assert first.returncode == 0, first.stderr
    assert len(botapi.messages) == 1 and "Serikbayev" in botapi.messages[0].text

    held = arrestwatch(tmp_path, "review", botapi=botapi)
    assert "1 report(s) held for review" in held.stdout, held.stdout + held.stderr
    item_id = re.search(r"^\s*(\d+)\s", held.stdout, re.M).group(1)
    approved = arrestwatch(tmp_path, "review", "approve", item_id, botapi=botapi)
    assert approved.returncode == 0, approved.stderr

    second = arrestwatch(tmp_path, "once", botapi=botapi)
    assert second.returncode == 0, second.stderr
    assert len(botapi.messages) == 1, [m.text for m in botapi.messages]  # no second alert for the same arrest
    assert botapi.messages[0].edited
    assert "Outlet B" in botapi.messages[0].text  # the post now names the other outlet too
