"""The README serves an operator (issue 15, surprise 11): the two set-up commands first,
then going live step by step, then a contents list whose links resolve; benchmarks,
architecture and history live in docs/ and none of their figures were lost."""

from __future__ import annotations

import re
from pathlib import Path

from bot.entry.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/arrestwatch once"
TESTS = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest -q"


def headings(text: str) -> list[str]:
    body = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # not comments in code blocks
    return [line.lstrip("#").strip() for line in body.splitlines() if re.match(r"#{1,4} ", line)]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_the_two_set_up_commands_come_first_and_ci_runs_the_second_verbatim() -> None:
    commands = re.findall(r"^    (\S.*)$", README, flags=re.M)
    assert commands[:2] == [INSTALL, TESTS]
    assert README.index(TESTS) < README.index("## ")
    assert TESTS in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_going_live_comes_before_the_contents_and_the_reference() -> None:
    titles = headings(README)
    assert titles.index("Go live in 10 minutes") < titles.index("Contents") < titles.index("Command line")
    live = README[README.index("## Go live in 10 minutes") : README.index("## Contents")]
    for step in (
        "@BotFather",
        "/newbot",
        "Administrators",
        "Post messages",
        "getUpdates",
        "-100",
        "user id",
        "arrestwatch doctor",
        "docker compose up",
        "systemctl",
        "outbox retry",
    ):
        assert step in live, step
    assert (ROOT / "docs" / "arrestwatch.service").is_file()
    assert "ExecStart=" in (ROOT / "docs" / "arrestwatch.service").read_text(encoding="utf-8")


def test_every_link_in_the_readme_resolves() -> None:
    anchors = {slug(title) for title in headings(README)}
    for target in re.findall(r"\]\(([^)]+)\)", README) + re.findall(r'src="([^"]+)"', README):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        if path:
            assert (ROOT / path).exists(), target
            if anchor and path.endswith(".md"):
                assert anchor in {slug(t) for t in headings((ROOT / path).read_text(encoding="utf-8"))}, target
        else:
            assert anchor in anchors, target


def test_every_command_is_in_the_command_table() -> None:
    table = README[README.index("## Command line") : README.index("### Exit codes and errors")]
    subcommands = next(a for a in build_parser()._actions if a.dest == "command").choices
    for name in subcommands:
        assert f"`arrestwatch {name}" in table, name


def test_benchmarks_moved_to_docs_without_losing_a_figure() -> None:
    performance = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    for figure in (
        "**1.76×**",
        "8.1 ms per source",
        "252 → 260 MB",
        "731 reports/s",
        "median 1.8 s, p95 3.2 s",
        "1000     260         90+170      260   38.1     2.79     84           1.54 / 3.11",
        "datasketch is gone",
    ):
        assert figure in performance, figure
        assert figure not in README, figure
    assert "bench/poll.py" not in README
    assert len(README.splitlines()) < 500
    assert (ROOT / "docs" / "ARCHITECTURE.md").is_file() and (ROOT / "docs" / "history.md").is_file()
    assert (ROOT / "docs" / "posts.png").stat().st_size > 10_000
