"""The ``arrestwatch`` command line: parses arguments, calls the library, prints.

Each command's work is a function in bot/entry/commands/ (or bot/app/doctor.py, bot/core/analysis/
jsonl.py) that returns data or raises the project's errors (bot/core/errors.py); here the
arguments are parsed, the function called, its result printed and its error turned into
the exit code. The environment is read once, by bot/edges/settings.py. Imports of the library
stay inside the commands so that ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

from bot import __version__
from bot.core.errors import ConfigError
from bot.edges.settings import Environment, SettingsError, limit_native_threads
from bot.entry import custody_cli
from bot.entry.cli_common import error, load_or_exit, open_store, problems

if TYPE_CHECKING:
    from bot.entry.commands.posting import Posting

T = TypeVar("T")

DEFAULT_SOURCES = Path("sources.toml")
DEFAULT_WAIT = 600.0


def build_parser(env: Environment | None = None) -> argparse.ArgumentParser:
    env = env or Environment.read()
    parser = argparse.ArgumentParser(
        prog="arrestwatch",
        description="Watch news feeds for arrests of activists, journalists and protesters; post alerts to Telegram.",
    )
    _add_global_options(parser, env)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_service_parsers(commands, env)
    _add_inspecting_parsers(commands)
    custody_cli.add_parsers(commands)  # custody, custody set, publish, serve (issue 17)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, env: Environment) -> None:
    """The options before the command: version, sources file, database, logs."""
    parser.add_argument("--version", action="version", version=f"arrestwatch {__version__}")
    parser.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES,
        metavar="PATH",
        help="the sources file (default: ./sources.toml)",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="a SQLite file, created on first use, or a postgresql://user:password@host/db URL "
        "shared by several workers (default: DATABASE_URL if set, else storage/arrestwatch.sqlite3)",
    )
    parser.add_argument(
        "--log-level",
        default=env.log_level,
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="log verbosity on stderr (default: INFO)",
    )
    parser.add_argument(
        "--log-format",
        default=env.log_format,
        type=_log_format,
        metavar="{text,json}",
        help="text: one readable line per event; json: one JSON object per "
        "line for log collectors (default: text, or ARRESTWATCH_LOG_FORMAT)",
    )


def _add_service_parsers(commands: argparse._SubParsersAction, env: Environment) -> None:  # type: ignore[type-arg]
    """The commands that poll, post and analyse: run, once, digest, analyze."""
    run = commands.add_parser("run", help="the service: poll on schedule, post alerts, post the daily digest")
    run.add_argument(
        "--http-port",
        default=env.http_port,
        type=_http_port,
        metavar="PORT",
        help="serve /healthz and /metrics on this port; 0: any free port, off: not "
        "at all (default: ARRESTWATCH_HTTP_PORT, else off; the Docker image sets 8080)",
    )
    run.add_argument(
        "--http-host",
        default=env.http_host,
        metavar="HOST",
        help="the address to serve them on (default: ARRESTWATCH_HTTP_HOST, else "
        "127.0.0.1; 0.0.0.0 for every interface)",
    )
    once = commands.add_parser("once", help="poll every source once, post new alerts, exit")
    once.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to keep trying to post what is queued (default: 600)",
    )
    digest = commands.add_parser("digest", help="build and post the daily digest")
    digest.add_argument(
        "--date",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the day (default: today in the configured time zone)",
    )
    digest.add_argument("--force", action="store_true", help="post again even if the day already has a digest")
    analyze = commands.add_parser("analyze", help="analyse JSON-lines reports (id, text, title, lang) to stdout")
    analyze.add_argument("file", help="a JSON-lines file, or - for standard input")


def _add_inspecting_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that inspect or correct what is stored: sources, review, doctor, outbox, events, export."""
    sources = commands.add_parser("sources", help="check or inspect the sources file")
    sources_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sources_commands.add_parser("check", help="validate the sources file; print file:line: problems")
    sources_commands.add_parser("status", help="show each source's health")
    add = sources_commands.add_parser("add", help="detect a URL's type (feed, page, t.me channel) and append it")
    add.add_argument("url", help="a feed, a news page (its announced feed is preferred) or a t.me channel link")
    add.add_argument("--name", help="the source's name (default: the page or feed title)")
    add.add_argument("--lang", choices=["en", "ru", "kk"], help="the language of its reports, if known")
    add.add_argument("--interval", help="poll interval, e.g. 5m (default: the settings' interval)")
    test = sources_commands.add_parser("test", help="fetch one source now and show what it would post; stores nothing")
    test.add_argument("name", help="the source's name in the sources file")
    review = commands.add_parser("review", help="list doubtful reports held for review, or approve/reject one")
    review.add_argument("action", nargs="?", choices=["list", "approve", "reject"], default="list")
    review.add_argument("item", nargs="?", type=int, help="the item id shown by `arrestwatch review`")
    commands.add_parser(
        "doctor",
        help="check everything going live needs: sources, database, token, channel, "
        "admins, each source; exit 1 on any problem",
    )
    outbox = commands.add_parser("outbox", help="list posts waiting or failed; send failed ones again")
    outbox.add_argument("action", nargs="?", choices=["list", "retry"], default="list")
    outbox.add_argument("post", nargs="?", type=int, help="the post id shown by `arrestwatch outbox list`")
    outbox.add_argument("--failed", action="store_true", help="with retry: every failed post")
    events = commands.add_parser("events", help="list recent events (one per arrest) with their reports and people")
    events.add_argument(
        "--days", type=_positive_days, default=7, metavar="N", help="events reported in the last N days (default: 7)"
    )
    export = commands.add_parser("export", help="one record per detained person per event, as CSV or JSON")
    export.add_argument(
        "--since",
        type=date.fromisoformat,
        required=True,
        metavar="YYYY-MM-DD",
        help="events first reported on or after this day (UTC)",
    )
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default: csv)")
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")


def _positive_days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days: use a whole number, 1 or more")
    return days


def main(argv: list[str] | None = None) -> int:
    limit_native_threads()
    env = Environment.read()
    args = build_parser(env).parse_args(argv)
    args.db = env.database(args.db)
    args.env = env
    from bot.edges.logs import configure_logging

    configure_logging(args.log_level, env.token, args.log_format)
    handler = {
        "run": cmd_run,
        "once": cmd_once,
        "digest": cmd_digest,
        "analyze": cmd_analyze,
        "sources": cmd_sources,
        "review": cmd_review,
        "events": cmd_events,
        "export": cmd_export,
        "outbox": cmd_outbox,
        "doctor": cmd_doctor,
        **custody_cli.HANDLERS,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


def _log_format(value: str) -> str:
    if value not in ("text", "json"):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a log format: use text or json (also for ARRESTWATCH_LOG_FORMAT)"
        )
    return value


def _http_port(value: str) -> int | None:
    """A port number, 0 for any free port, or off/empty for no HTTP endpoints."""
    if value.strip().lower() in ("", "off", "none"):
        return None
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a port: use 1-65535, 0 for any free port, or off (also for ARRESTWATCH_HTTP_PORT)"
        )
    return port


def cmd_analyze(args: argparse.Namespace) -> int:
    from bot.core.analysis.jsonl import run_jsonl

    rules = load_or_exit(args.sources).rules if args.sources.exists() else None
    counter = _CountingWriter(sys.stdout)
    out = cast(TextIO, counter)  # a stream as far as run_jsonl is concerned
    if args.file == "-":
        run_jsonl(sys.stdin, out, rules)
    else:
        try:
            with open(args.file, encoding="utf-8") as handle:
                run_jsonl(handle, out, rules)
        except OSError as exc:
            print(f"{args.file}: cannot read: {exc.strerror}", file=sys.stderr)
            return 2
    if not counter.lines:  # nothing read: a wrong file is a failure, not an empty success
        where = "standard input" if args.file == "-" else args.file
        error(f'no report could be read from {where}: each line must be a JSON object with "id" and "text"')
        return 1
    return 0


class _CountingWriter:
    """Passes text through to a stream and counts the lines written (results of
    ``analyze``, one per report read)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def cmd_sources(args: argparse.Namespace) -> int:
    if args.sources_command == "add":
        return cmd_sources_add(args)
    if args.sources_command == "test":
        return cmd_sources_test(args)
    if args.sources_command == "check":
        from bot.edges.config import load_config

        try:
            config = load_config(args.sources)
        except ConfigError as exc:
            problems(exc, sys.stdout)
            print(f"{len(exc.problems)} problem(s) in {args.sources}", file=sys.stderr)
            return 1
        print(f"{args.sources}: {len(config.sources)} sources, no problems")
        return 0
    from bot.entry.commands.sources import source_health

    config = load_or_exit(args.sources)
    store = open_store(args.db, existing=True)
    print(f"{'source':24} {'last success':20} {'fails':>5} {'items':>6}  last error")
    for source, state in source_health(config, store):
        success = state.last_success_at.strftime("%Y-%m-%d %H:%M UTC") if state.last_success_at else "never"
        print(
            f"{source.name[:24]:24} {success:20} {state.consecutive_failures:>5} {state.items_seen:>6}  "
            f"{(state.last_error or '')[:80]}"
        )
    return 0


def cmd_sources_add(args: argparse.Namespace) -> int:
    from bot.core.errors import FetchError
    from bot.entry.commands.sources import add_source, detect_url

    try:
        detected = asyncio.run(detect_url(args.url))
    except FetchError as exc:
        error(f"cannot add {args.url}: {exc}")
        return 1
    try:
        added = add_source(args.sources, detected, name=args.name, lang=args.lang, interval=args.interval)
    except ConfigError as exc:  # e.g. the URL is already listed: say so, change nothing
        problems(exc)
        print(f"{args.sources} left unchanged", file=sys.stderr)
        return 1
    print(f"added {added.name!r} ({added.type}) {added.url} to {args.sources}")
    return 0


def cmd_sources_test(args: argparse.Namespace) -> int:
    from bot.core.errors import FetchError, ParseError, RequestError
    from bot.entry.commands.sources import find_source, preview_source

    config = load_or_exit(args.sources)
    try:
        source = find_source(config, args.name)
    except RequestError as exc:
        error(exc)
        return 1
    try:
        verdicts = asyncio.run(preview_source(config, source))
    except (FetchError, ParseError) as exc:
        error(f"source {source.name}: {exc}")
        return 1
    for verdict in verdicts:
        entry, analysis, decision = verdict.entry, verdict.analysis, verdict.decision
        people = ", ".join(f"{d.name} ({d.term or 'no term'})" for d in analysis.detainees) or "-"
        print(f"[{decision:6}] {analysis.score:.2f} {entry.title[:100]}")
        print(f"         {entry.url or ''}")
        if decision != "seen":
            print(
                f"         detainees: {people}; protest: {'yes' if analysis.protest else 'no'}; "
                f"place: {analysis.place or '-'}; rules: {', '.join(analysis.reasons)[:200]}"
            )
    flagged = sum(verdict.decision == "alert" for verdict in verdicts)
    print(f"{source.name}: {len(verdicts)} entries, {flagged} would be posted as alerts (nothing stored)")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from bot.core.errors import RequestError
    from bot.edges.store import utcnow
    from bot.entry.commands.review_queue import held_reports, review_report

    config = load_or_exit(args.sources)
    store = open_store(args.db, existing=True)
    try:
        if args.action == "list":
            held = held_reports(store)
            for item, analysis in held:
                people = ", ".join(f"{d.name} ({d.term or 'no term'})" for d in analysis.detainees) or "-"
                print(f"{item.id:>6}  {analysis.score:.2f}  {item.source_name}: {item.title[:90]}")
                print(f"        {item.url or ''}\n        detainees: {people}")
            print(
                f"{len(held)} report(s) held for review; `arrestwatch review approve ID` posts one "
                f"(at the next `once` or by the running service)"
            )
            return 0
        if args.item is None:
            error(f"`review {args.action}` needs an item id (see `arrestwatch review`)")
            return 2
        try:
            decision = review_report(store, config.settings, args.item, approve=args.action == "approve", now=utcnow())
        except RequestError as exc:
            error(exc)
            return 1
        verb = "approved: the alert is queued" if decision.approved else "rejected"
        print(f"item {decision.item_id} {verb} ({decision.title[:80]})")
        return 0
    finally:
        store.close()


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.app.doctor import run_checks

    checks = asyncio.run(run_checks(args.sources, args.db, args.env.telegram()))
    for check in checks:
        for line in check.lines():
            print(line)
    failed = sum(not check.ok for check in checks)
    print(f"{len(checks) - failed} passed, {failed} failed" + ("" if failed else ": ready to go live"), file=sys.stderr)
    return 1 if failed else 0


def cmd_outbox(args: argparse.Namespace) -> int:
    from bot.core.publish.text import html_to_text
    from bot.edges.store import utcnow
    from bot.entry.commands.outbox_queue import retry_failed, waiting_posts

    if args.action == "retry" and (args.post is None) == (not args.failed):
        error("`outbox retry` needs one post id or --failed (see `arrestwatch outbox list`)")
        return 2
    store = open_store(args.db, existing=True)
    try:
        if args.action == "retry":
            ids = retry_failed(store, None if args.failed else args.post, now=utcnow())
            if not ids:
                what = "no failed posts" if args.failed else f"post {args.post} is not a failed post"
                error(f"{what} (see `arrestwatch outbox list`)")
                return 1
            print(
                f"queued again: {', '.join(map(str, ids))}; the running service (or the next `arrestwatch once`) "
                "sends them"
            )
            return 0
        entries = waiting_posts(store)
    finally:
        store.close()
    for entry in entries:
        preview = " ".join(html_to_text(entry.body).split())[:70]
        print(
            f"{entry.id:>6}  {entry.state:7} {entry.kind:8} {entry.target:7} tries {entry.attempts}  "
            f"{entry.created_at:%Y-%m-%d %H:%M}  {preview}"
        )
        if entry.last_error:
            print(f"        last error: {entry.last_error[:300]}")
    failed = sum(entry.state == "failed" for entry in entries)
    print(
        f"{len(entries) - failed} waiting, {failed} failed"
        + ("; `arrestwatch outbox retry ID` or `retry --failed` sends failed posts again" if failed else ""),
        file=sys.stderr,
    )
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from bot.core.records import event_lines
    from bot.edges.store import utcnow
    from bot.entry.commands.events import channel_language, recent_events

    store = open_store(args.db, existing=True)
    try:
        events = recent_events(store, args.days, now=utcnow())
    finally:
        store.close()
    try:
        language = channel_language(args.sources)
    except ConfigError as exc:
        problems(exc)
        return 2
    for line in event_lines(events, language):
        print(line)
    print(f"{len(events)} event(s) reported in the last {args.days} day(s)", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.core.records import write_csv, write_json
    from bot.entry.commands.events import export_records

    store = open_store(args.db, existing=True)
    try:
        records, events = export_records(store, args.since)
    finally:
        store.close()
    write = write_csv if args.format == "csv" else write_json
    if args.output is None:
        write(records, sys.stdout)
    else:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                write(records, handle)
        except OSError as exc:
            error(f"cannot write {args.output}: {exc.strerror}")
            return 1
    print(f"{len(records)} record(s) from {len(events)} event(s) since {args.since}", file=sys.stderr)
    return 0


def _prepare(args: argparse.Namespace) -> Posting:
    """Worker settings, config, Telegram settings, the instance lock and the store for a
    command that posts; each problem is one ``error:`` line and its exit code."""
    from bot.edges.lock import InstanceLockedError
    from bot.entry.commands.posting import Posting, instance_lock, telegram_settings

    env: Environment = args.env
    try:
        workers = env.workers()
    except SettingsError as exc:
        error(exc.problems[0])
        raise SystemExit(2) from None
    config = load_or_exit(args.sources)
    try:
        telegram = telegram_settings(env)
    except SettingsError as exc:  # one line: the first thing to fix (the others follow once it is)
        error(exc.problems[0])
        raise SystemExit(2) from None
    if telegram.console:
        print(
            "console mode: TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are not set, so posts are printed here "
            "and not sent to Telegram",
            file=sys.stderr,
        )
    try:
        lock = instance_lock(args.db)
    except InstanceLockedError as exc:
        error(exc)
        raise SystemExit(3) from None
    return Posting(config, telegram, workers, open_store(args.db), lock)


def _run_async(posting: Posting, coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, then the store and the lock given back; Telegram refusing the token
    is one ``error:`` line and exit 2 (the configuration is unusable), never a traceback."""
    from bot.core.errors import PublishError

    try:
        return asyncio.run(coro)
    except PublishError as exc:
        if not exc.permanent:
            raise
        error(exc)
        raise SystemExit(2) from None
    finally:
        posting.close()


def cmd_once(args: argparse.Namespace) -> int:
    from bot.entry.commands.posting import once_lines, poll_once

    posting = _prepare(args)
    summary = _run_async(posting, poll_once(posting, wait=args.wait, progress=sys.stderr.isatty()))
    for line in once_lines(summary):
        print(line, file=sys.stderr)
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from bot.app.digest import DigestError
    from bot.core.publish.format import format_moment, format_period
    from bot.entry.commands.posting import plural, post_digest

    posting = _prepare(args)
    settings = posting.config.settings
    try:
        result, drain = _run_async(posting, post_digest(posting, day=args.date, force=args.force))
    except DigestError as exc:  # a past day rebuilt; a day not over yet is refused
        error(exc)
        return 2
    covered = format_period(result.period, "en") if result.period else str(result.day)
    if result.reason == "too soon":
        when = format_moment(result.last_at, settings.timezone, "en") if result.last_at else "just now"
        print(
            f"nothing posted: the last digest went out at {when} ({covered}); --force posts its period again "
            "with what came since",
            file=sys.stderr,
        )
        return 0
    if result.reason == "posted":
        print(f"the digest for {covered} was already posted; use --force to post it again", file=sys.stderr)
        return 0
    if result.reason == "unwatched":
        print(
            f"nothing posted: the service did not watch any of {covered} (run `arrestwatch once` or `run` first)",
            file=sys.stderr,
        )
        return 0
    print(
        f"digest for {covered}: {plural(result.people, 'person', 'people')} in {plural(result.events, 'event')} "
        f"({plural(result.reports, 'report')}), {plural(result.parts, 'post')}; "
        f"posted {drain.sent}, failed {drain.failed}, still queued {drain.left}",
        file=sys.stderr,
    )
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.core.errors import ServeError
    from bot.entry.commands.posting import run_service

    posting = _prepare(args)
    http = None if args.http_port is None else (args.http_host, args.http_port)
    try:
        _run_async(posting, run_service(posting, http=http))
    except ServeError as exc:
        error(exc)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
