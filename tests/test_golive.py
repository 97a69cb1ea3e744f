"""Going live without surprises (issue 15): loud configuration errors, `doctor`,
failed posts sent again, read-only commands that create nothing, `analyze` that fails
on unreadable input, a quiet console. Every test runs the real command line against the
loopback feed server and the Bot API stand-in."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from bot.edges.store import Store
from tests.support.feeds import ARREST_EN, Story, rss
from tests.test_e2e import news_feed, write_sources

ROOT = Path(__file__).resolve().parent.parent
QUIET = 'timezone = "UTC"\ndigest_time = "23:59"\n'


def cli(
    tmp_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
    botapi=None,
    stdin: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """The command line with only the Telegram variables given here."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_URL"))}
    if botapi is not None:
        full.update(TELEGRAM_BOT_TOKEN=botapi.token, TELEGRAM_CHAT_ID=str(botapi.chat_id), TELEGRAM_API_URL=botapi.url)
    full.update(env or {})
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
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- surprise 1: a wrong chat id loses alerts for good ------------------------------------


def test_alerts_failed_for_a_wrong_chat_id_are_posted_once_the_id_is_fixed(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)
    wrong = cli(tmp_path, "once", "--wait", "20", botapi=botapi, env={"TELEGRAM_CHAT_ID": "-1009999999999"})
    assert wrong.returncode == 0, wrong.stderr
    assert botapi.messages == []
    listed = cli(tmp_path, "outbox", "list")
    assert listed.returncode == 0, listed.stderr
    assert "failed" in listed.stdout and "chat not found" in listed.stdout.lower()

    fixed = cli(tmp_path, "once", "--wait", "20", botapi=botapi)
    assert fixed.returncode == 0, fixed.stderr
    assert [m for m in botapi.messages if "Serikbayev" in m.text], "the failed alert was not sent again"
    again = cli(tmp_path, "once", "--wait", "20", botapi=botapi)
    assert again.returncode == 0
    assert sum("Serikbayev" in m.text for m in botapi.messages) == 1  # once, not again


def test_outbox_retry_sends_a_failed_post_again(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)
    botapi.fail_next(1, status=400)  # refused for its own sake: stays failed
    assert cli(tmp_path, "once", "--wait", "20", botapi=botapi).returncode == 0
    assert botapi.messages == []
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        failed = store.outbox_entries(("failed",))
    finally:
        store.close()
    assert len(failed) == 1
    assert cli(tmp_path, "once", "--wait", "5", botapi=botapi).returncode == 0
    assert botapi.messages == []  # a post's own failure is not retried on its own

    assert cli(tmp_path, "outbox", "retry").returncode == 2  # an id or --failed
    missing = cli(tmp_path, "outbox", "retry", "99999")
    assert missing.returncode == 1 and "not a failed post" in missing.stderr
    retried = cli(tmp_path, "outbox", "retry", str(failed[0].id))
    assert retried.returncode == 0, retried.stderr
    assert cli(tmp_path, "once", "--wait", "20", botapi=botapi).returncode == 0
    assert len(botapi.messages) == 1 and "Serikbayev" in botapi.messages[0].text


# -- surprise 2: an empty token silently switches to console mode ------------------------


def test_an_empty_token_with_a_chat_id_is_an_error_not_console_mode(tmp_path: Path, web) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)
    result = cli(tmp_path, "once", env={"TELEGRAM_BOT_TOKEN": "", "TELEGRAM_CHAT_ID": "@some_channel"})
    assert result.returncode == 2
    assert "Serikbayev" not in result.stdout
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "TELEGRAM_CHAT_ID" in lines[0]
    assert not (tmp_path / "db.sqlite3").exists() or not Store.open(tmp_path / "db.sqlite3").outbox_counts()["sent"]


def test_console_mode_says_so_on_stderr(tmp_path: Path, web) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)
    result = cli(tmp_path, "once")
    assert result.returncode == 0, result.stderr
    assert "Serikbayev" in result.stdout
    assert "console mode" in result.stderr and "console mode" not in result.stdout


def test_docker_compose_refuses_to_start_without_token_chat_or_password() -> None:
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    for variable in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_CHAT_ID", "POSTGRES_PASSWORD"):
        assert f"${{{variable}:?" in compose, variable
        assert f"${{{variable}:-" not in compose, variable
    assert "arrestwatch:arrestwatch@" not in compose  # no default database password


# -- surprise 3: a rejected token crashes -------------------------------------------------


def test_a_rejected_token_is_one_error_line_and_exit_2(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)
    wrong = f"{botapi.bot_id}:AA{'x' * 33}"
    result = cli(tmp_path, "once", botapi=botapi, env={"TELEGRAM_BOT_TOKEN": wrong})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "rejected the bot token" in lines[0]
    assert wrong not in result.stderr


# -- surprise 4: a bad TELEGRAM_API_URL looks like a network outage -----------------------


def test_an_api_url_without_a_scheme_is_refused_at_start(tmp_path: Path, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra=QUIET)
    host = botapi.url.removeprefix("http://")
    result = cli(tmp_path, "once", botapi=botapi, env={"TELEGRAM_API_URL": host})
    assert result.returncode == 2
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "TELEGRAM_API_URL" in lines[0] and host in lines[0]


def test_an_unreachable_api_url_is_named(tmp_path: Path, web, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra=QUIET)
    url = f"http://127.0.0.1:{free_port()}"
    result = cli(tmp_path, "once", "--wait", "1", botapi=botapi, env={"TELEGRAM_API_URL": url})
    assert result.returncode == 0, result.stderr
    assert url in result.stderr
    assert botapi.token not in result.stderr


def test_half_a_configuration_and_bad_admin_ids_are_errors_at_start(tmp_path: Path, botapi) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra=QUIET)
    for env in (
        {"TELEGRAM_CHAT_ID": ""},  # a token without a chat id
        {"TELEGRAM_ADMIN_IDS": "12345, @someone"},
    ):
        result = cli(tmp_path, "once", botapi=botapi, env=env)
        assert result.returncode == 2, (env, result.stderr)
        assert len(error_lines(result.stderr)) == 1, result.stderr
    chat_only = cli(tmp_path, "once", env={"TELEGRAM_CHAT_ID": "@some_channel"})
    assert chat_only.returncode == 2 and len(error_lines(chat_only.stderr)) == 1


# -- doctor ---------------------------------------------------------------------------------


def doctor_setup(tmp_path: Path, web) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra=QUIET)


def test_doctor_passes_a_good_configuration(tmp_path: Path, web, botapi) -> None:
    doctor_setup(tmp_path, web)
    result = cli(
        tmp_path,
        "doctor",
        botapi=botapi,
        env={"TELEGRAM_ADMIN_CHAT_ID": str(botapi.admin_chat_id), "TELEGRAM_ADMIN_IDS": str(botapi.admin_chat_id)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(line.startswith(("✓", "    ")) for line in lines), lines
    text = result.stdout
    assert "@arrestwatch_test_bot" in text
    assert str(botapi.chat_id) in text and "allowed to post" in text
    assert "source EN news: HTTP 200, 2 items" in text
    assert "operators' chat" in text and f"admin {botapi.admin_chat_id}" in text
    assert botapi.messages == []  # nothing posted


def test_doctor_names_a_wrong_token(tmp_path: Path, web, botapi) -> None:
    doctor_setup(tmp_path, web)
    wrong = f"{botapi.bot_id}:AA{'y' * 33}"
    result = cli(tmp_path, "doctor", botapi=botapi, env={"TELEGRAM_BOT_TOKEN": wrong})
    assert result.returncode == 1
    assert "✗ token: Telegram rejected TELEGRAM_BOT_TOKEN" in result.stdout
    assert "@BotFather" in result.stdout
    assert wrong not in result.stdout + result.stderr
    assert "✓ source EN news" in result.stdout  # the other checks still run


def test_doctor_names_a_wrong_chat_and_missing_admin_rights(tmp_path: Path, web, botapi) -> None:
    doctor_setup(tmp_path, web)
    wrong = cli(tmp_path, "doctor", botapi=botapi, env={"TELEGRAM_CHAT_ID": "@no_such_channel"})
    assert wrong.returncode == 1
    assert "✗ channel: TELEGRAM_CHAT_ID=@no_such_channel: Chat not found" in wrong.stdout
    assert "as an administrator" in wrong.stdout

    botapi.bot_status = "member"
    member = cli(tmp_path, "doctor", botapi=botapi)
    assert member.returncode == 1
    assert "✗ channel:" in member.stdout and "the bot is member" in member.stdout

    botapi.bot_status, botapi.bot_can_post = "administrator", False
    no_post = cli(tmp_path, "doctor", botapi=botapi)
    assert no_post.returncode == 1
    assert "without “Post messages”" in no_post.stdout


def test_doctor_names_a_wrong_admin_id_and_a_broken_source(tmp_path: Path, web, botapi) -> None:
    web.add("/en.xml", news_feed(), content_type="application/rss+xml")
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml"), "Gone": web.url("/gone.xml")}, extra=QUIET)
    result = cli(tmp_path, "doctor", botapi=botapi, env={"TELEGRAM_ADMIN_IDS": "555"})
    assert result.returncode == 1
    assert "✗ admin 555:" in result.stdout and "press Start" in result.stdout
    assert "✗ source Gone:" in result.stdout and "404" in result.stdout
    assert "✓ source EN news" in result.stdout


def test_doctor_passing_queues_posts_that_failed_for_the_configuration(tmp_path: Path, web, botapi) -> None:
    doctor_setup(tmp_path, web)
    botapi.channels = {"@renamed"}
    assert cli(tmp_path, "once", "--wait", "20", botapi=botapi, env={"TELEGRAM_CHAT_ID": "@old"}).returncode == 0
    botapi.channels = {"@old"}  # the operator fixed the channel, not the configuration
    result = cli(tmp_path, "doctor", botapi=botapi, env={"TELEGRAM_CHAT_ID": "@old"})
    assert result.returncode == 0, result.stdout
    assert "queued again" in result.stdout
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        assert store.outbox_counts()["failed"] == 0 and store.outbox_counts()["queued"] == 1
    finally:
        store.close()


# -- surprise 8: read-only commands create databases --------------------------------------


def test_read_only_commands_refuse_a_database_that_does_not_exist(tmp_path: Path) -> None:
    write_sources(tmp_path / "sources.toml", {}, extra=QUIET)
    for args in (
        ("events",),
        ("export", "--since", "2026-01-01"),
        ("review", "list"),
        ("sources", "status"),
        ("outbox", "list"),
    ):
        result = cli(tmp_path, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert error_lines(result.stderr) == [line for line in result.stderr.splitlines() if line.strip()]
        assert str(tmp_path / "db.sqlite3") in result.stderr
        assert not (tmp_path / "db.sqlite3").exists(), args


# -- surprises 9 and 10: analyze's exit code, console noise -------------------------------


def test_analyze_exits_1_when_no_line_could_be_read_and_is_quiet(tmp_path: Path) -> None:
    bad = cli(tmp_path, "analyze", "-", stdin='not json\n{"text": "no id"}\n')
    assert bad.returncode == 1
    assert len(error_lines(bad.stderr)) == 1
    good = cli(
        tmp_path,
        "analyze",
        "-",
        stdin=json.dumps({"id": 1, "title": "Activist jailed", "text": ARREST_EN}) + "\nnot json\n",
    )
    assert good.returncode == 0
    assert json.loads(good.stdout.splitlines()[0])["arrest"] is True
    russian = cli(
        tmp_path,
        "analyze",
        "-",
        stdin=json.dumps({"id": 2, "text": "Полиция задержала активиста у здания акимата во время пикета."}) + "\n",
    )
    assert russian.returncode == 0
    assert "INFO" not in russian.stderr and "Loading dictionaries" not in russian.stderr


def test_once_prints_each_failure_once_and_counts_in_english(tmp_path: Path, web) -> None:
    web.add(
        "/en.xml",
        rss([Story("en-1", "Activist jailed", ARREST_EN, "http://127.0.0.1/en/1")]),
        content_type="application/rss+xml",
    )
    write_sources(tmp_path / "sources.toml", {"EN news": web.url("/en.xml"), "Gone": web.url("/gone.xml")}, extra=QUIET)
    result = cli(tmp_path, "once")
    assert result.returncode == 0, result.stderr
    assert "polled 2 sources" in result.stderr and "1 arrest alert queued" in result.stderr
    assert result.stderr.count("HTTP 404") == 1, result.stderr
