"""The ``arrestwatch`` command line: parses arguments, calls the library, prints.

Environment variables are read here and nowhere else, so every other module can be
imported and tested without them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import date
from pathlib import Path

from bot import __version__, custody_cli

DEFAULT_SOURCES = Path("sources.toml")
DEFAULT_DB = Path("storage/arrestwatch.sqlite3")
DEFAULT_WAIT = 600.0
DEFAULT_HTTP_HOST = "127.0.0.1"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arrestwatch",
        description="Watch news feeds for arrests of activists, journalists and protesters; post alerts to Telegram.",
    )
    parser.add_argument("--version", action="version", version=f"arrestwatch {__version__}")
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, metavar="PATH",
                        help="the sources file (default: ./sources.toml)")
    parser.add_argument("--db", default=None, metavar="PATH|URL",
                        help="a SQLite file, created on first use, or a postgresql://user:password@host/db URL "
                        "shared by several workers (default: DATABASE_URL if set, else storage/arrestwatch.sqlite3)")
    parser.add_argument("--log-level", default=os.environ.get("ARRESTWATCH_LOG_LEVEL", "INFO"),
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"], help="log verbosity on stderr (default: INFO)")
    parser.add_argument("--log-format", default=os.environ.get("ARRESTWATCH_LOG_FORMAT", "text"), type=_log_format,
                        metavar="{text,json}", help="text: one readable line per event; json: one JSON object per "
                        "line for log collectors (default: text, or ARRESTWATCH_LOG_FORMAT)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="the service: poll on schedule, post alerts, post the daily digest")
    run.add_argument("--http-port", default=os.environ.get("ARRESTWATCH_HTTP_PORT", "off"), type=_http_port,
                     metavar="PORT", help="serve /healthz and /metrics on this port; 0: any free port, off: not "
                     "at all (default: ARRESTWATCH_HTTP_PORT, else off; the Docker image sets 8080)")
    run.add_argument("--http-host", default=os.environ.get("ARRESTWATCH_HTTP_HOST", DEFAULT_HTTP_HOST),
                     metavar="HOST", help="the address to serve them on (default: ARRESTWATCH_HTTP_HOST, else "
                     "127.0.0.1; 0.0.0.0 for every interface)")
    once = commands.add_parser("once", help="poll every source once, post new alerts, exit")
    once.add_argument("--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS",
                      help="how long to keep trying to post what is queued (default: 600)")
    digest = commands.add_parser("digest", help="build and post the daily digest")
    digest.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the day (default: today in the configured time zone)")
    digest.add_argument("--force", action="store_true", help="post again even if the day already has a digest")
    analyze = commands.add_parser("analyze", help="analyse JSON-lines reports (id, text, title, lang) to stdout")
    analyze.add_argument("file", help="a JSON-lines file, or - for standard input")
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
    commands.add_parser("doctor", help="check everything going live needs: sources, database, token, channel, "
                        "admins, each source; exit 1 on any problem")
    outbox = commands.add_parser("outbox", help="list posts waiting or failed; send failed ones again")
    outbox.add_argument("action", nargs="?", choices=["list", "retry"], default="list")
    outbox.add_argument("post", nargs="?", type=int, help="the post id shown by `arrestwatch outbox list`")
    outbox.add_argument("--failed", action="store_true", help="with retry: every failed post")
    events = commands.add_parser("events", help="list recent events (one per arrest) with their reports and people")
    events.add_argument("--days", type=_positive_days, default=7, metavar="N",
                        help="events reported in the last N days (default: 7)")
    export = commands.add_parser("export", help="one record per detained person per event, as CSV or JSON")
    export.add_argument("--since", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                        help="events first reported on or after this day (UTC)")
    export.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default: csv)")
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    custody_cli.add_parsers(commands)  # custody, custody set, publish, serve (issue 17)
    return parser


def _positive_days(value: str) -> int:
    try:
        days = int(value)
    except ValueError:
        days = 0
    if days < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days: use a whole number, 1 or more")
    return days


# numpy's BLAS (under natasha's taggers) starts a busy-waiting thread per core; for
# matrices this small they only take the CPU from the poll: half the throughput of a
# cold poll on two cores. Set before numpy is first imported; an explicit value wins
# (bot/analysis_process.py calls it in its child too).
NATIVE_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_native_threads() -> None:
    """One BLAS/OpenMP thread unless the environment says otherwise (call before numpy loads)."""
    for name in NATIVE_THREAD_VARS:
        os.environ.setdefault(name, "1")


def main(argv: list[str] | None = None) -> int:
    limit_native_threads()
    args = build_parser().parse_args(argv)
    # --db wins over DATABASE_URL, which wins over the SQLite file in storage/.
    args.db = args.db or os.environ.get("DATABASE_URL") or str(DEFAULT_DB)
    from bot.logs import configure_logging

    configure_logging(args.log_level, os.environ.get("TELEGRAM_BOT_TOKEN"), args.log_format)
    handler = {
        "run": cmd_run, "once": cmd_once, "digest": cmd_digest, "analyze": cmd_analyze, "sources": cmd_sources,
        "review": cmd_review, "events": cmd_events, "export": cmd_export, "outbox": cmd_outbox,
        "doctor": cmd_doctor, **custody_cli.HANDLERS,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


def _log_format(value: str) -> str:
    if value not in ("text", "json"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a log format: use text or json "
                                         "(also for ARRESTWATCH_LOG_FORMAT)")
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
        raise argparse.ArgumentTypeError(f"{value!r} is not a port: use 1-65535, 0 for any free port, or off "
                                         "(also for ARRESTWATCH_HTTP_PORT)")
    return port


def cmd_analyze(args: argparse.Namespace) -> int:
    from bot.analysis.jsonl import run_jsonl

    rules = None
    if args.sources.exists():
        from bot.service import load_or_exit

        rules = load_or_exit(args.sources).rules
    out = _CountingWriter(sys.stdout)
    if args.file == "-":
        run_jsonl(sys.stdin, out, rules)
    else:
        try:
            with open(args.file, encoding="utf-8") as handle:
                run_jsonl(handle, out, rules)
        except OSError as exc:
            print(f"{args.file}: cannot read: {exc.strerror}", file=sys.stderr)
            return 2
    if not out.lines:  # nothing read: a wrong file is a failure, not an empty success
        where = "standard input" if args.file == "-" else args.file
        print(f"error: no report could be read from {where}: each line must be a JSON object with "
              "\"id\" and \"text\"", file=sys.stderr)
        return 1
    return 0


class _CountingWriter:
    """Passes text through to a stream and counts the lines written (results of
    ``analyze``, one per report read)."""

    def __init__(self, stream) -> None:  # stream: TextIO
        self.stream = stream
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()


def cmd_sources(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_config

    if args.sources_command == "add":
        return cmd_sources_add(args)
    if args.sources_command == "test":
        return cmd_sources_test(args)
    if args.sources_command == "check":
        try:
            config = load_config(args.sources)
        except ConfigError as exc:
            for problem in exc.problems:
                print(problem)
            print(f"{len(exc.problems)} problem(s) in {args.sources}", file=sys.stderr)
            return 1
        print(f"{args.sources}: {len(config.sources)} sources, no problems")
        return 0
    from bot.service import load_or_exit

    config = load_or_exit(args.sources)
    store = _open_existing_store(args.db)
    states = store.sync_sources(list(config.sources))
    print(f"{'source':24} {'last success':20} {'fails':>5} {'items':>6}  last error")
    for source in config.sources:
        state = states[source.name]
        success = state.last_success_at.strftime("%Y-%m-%d %H:%M UTC") if state.last_success_at else "never"
        print(f"{source.name[:24]:24} {success:20} {state.consecutive_failures:>5} {state.items_seen:>6}  "
              f"{(state.last_error or '')[:80]}")
    return 0


def cmd_sources_add(args: argparse.Namespace) -> int:

    from bot.config import ConfigError, parse_config
    from bot.fetch import FetchError, Fetcher
    from bot.sources import telegram_channel
    from bot.sources_file import DetectedSource, append_source, detect_source

    async def fetch():
        fetcher = Fetcher()
        try:
            return await fetcher.fetch(args.url)
        finally:
            await fetcher.aclose()

    if telegram_channel(args.url, link_only=True):
        detected = detect_source(args.url, "", b"")
    else:
        try:
            result = asyncio.run(fetch())
        except FetchError as exc:
            print(f"error: cannot add {args.url}: {exc}", file=sys.stderr)
            return 1
        detected = detect_source(result.final_url, result.content_type or "", result.content)
    if args.name:
        detected = DetectedSource(name=args.name, url=detected.url, type=detected.type)
    path = args.sources
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = append_source(text, detected, lang=args.lang, interval=args.interval)
    try:
        config = parse_config(updated, path)
    except ConfigError as exc:  # e.g. the URL is already listed: say so, change nothing
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{path} left unchanged", file=sys.stderr)
        return 1
    path.write_text(updated, encoding="utf-8")
    added = config.sources[-1]
    print(f"added {added.name!r} ({added.type}) {added.url} to {path}")
    return 0


def cmd_sources_test(args: argparse.Namespace) -> int:
    from bot.fetch import FetchError, Fetcher
    from bot.pipeline import Pipeline
    from bot.service import load_or_exit
    from bot.sources import SourceParseError
    from bot.triage import triage

    config = load_or_exit(args.sources)
    source = next((s for s in config.sources if s.name == args.name), None)
    if source is None:
        names = ", ".join(repr(s.name) for s in config.sources) or "none"
        print(f"error: no source named {args.name!r} in {args.sources} (sources: {names})", file=sys.stderr)
        return 1

    async def go():
        fetcher = Fetcher()
        try:
            return await Pipeline(config, store=None, fetcher=fetcher).preview(source)  # type: ignore[arg-type]
        finally:
            await fetcher.aclose()

    try:
        results = asyncio.run(go())
    except (FetchError, SourceParseError) as exc:
        print(f"error: source {source.name}: {exc}", file=sys.stderr)
        return 1
    flagged = 0
    for entry, analysis in results:
        decision = triage(analysis, config.settings)
        flagged += decision == "alert"
        people = ", ".join(f"{d.name} ({d.term or 'no term'})" for d in analysis.detainees) or "-"
        print(f"[{decision:6}] {analysis.score:.2f} {entry.title[:100]}")
        print(f"         {entry.url or ''}")
        if decision != "seen":
            print(f"         detainees: {people}; protest: {'yes' if analysis.protest else 'no'}; "
                  f"place: {analysis.place or '-'}; rules: {', '.join(analysis.reasons)[:200]}")
    print(f"{source.name}: {len(results)} entries, {flagged} would be posted as alerts (nothing stored)")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from bot.review import ReviewError, decide
    from bot.service import load_or_exit
    from bot.store import utcnow

    config = load_or_exit(args.sources)
    store = _open_existing_store(args.db)
    try:
        if args.action == "list":
            held = store.items_with_status("review")
            for item in held:
                from bot.analysis.result import Analysis

                analysis = Analysis.from_dict(item.analysis)
                people = ", ".join(f"{d.name} ({d.term or 'no term'})" for d in analysis.detainees) or "-"
                print(f"{item.id:>6}  {analysis.score:.2f}  {item.source_name}: {item.title[:90]}")
                print(f"        {item.url or ''}\n        detainees: {people}")
            print(f"{len(held)} report(s) held for review; `arrestwatch review approve ID` posts one "
                  f"(at the next `once` or by the running service)")
            return 0
        if args.item is None:
            print(f"error: `review {args.action}` needs an item id (see `arrestwatch review`)", file=sys.stderr)
            return 2
        try:
            decision = decide(store, config.settings, args.item, approve=args.action == "approve", now=utcnow())
        except ReviewError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        verb = "approved: the alert is queued" if decision.approved else "rejected"
        print(f"item {decision.item_id} {verb} ({decision.title[:80]})")
        return 0
    finally:
        store.close()


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.doctor import run_checks
    from bot.service import TelegramSettings

    checks = asyncio.run(run_checks(args.sources, args.db, TelegramSettings.from_env(os.environ)))
    for check in checks:
        for line in check.lines():
            print(line)
    failed = sum(not check.ok for check in checks)
    print(f"{len(checks) - failed} passed, {failed} failed" + ("" if failed else ": ready to go live"), file=sys.stderr)
    return 1 if failed else 0


def cmd_outbox(args: argparse.Namespace) -> int:
    from bot.publish import html_to_text
    from bot.store import utcnow

    if args.action == "retry" and (args.post is None) == (not args.failed):
        print("error: `outbox retry` needs one post id or --failed (see `arrestwatch outbox list`)", file=sys.stderr)
        return 2
    store = _open_existing_store(args.db)
    try:
        if args.action == "retry":
            ids = store.requeue_failed(None if args.failed else [args.post], now=utcnow())
            if not ids:
                what = "no failed posts" if args.failed else f"post {args.post} is not a failed post"
                print(f"error: {what} (see `arrestwatch outbox list`)", file=sys.stderr)
                return 1
            print(f"queued again: {', '.join(map(str, ids))}; the running service (or the next `arrestwatch once`) "
                  "sends them")
            return 0
        entries = store.outbox_entries()
    finally:
        store.close()
    for entry in entries:
        preview = " ".join(html_to_text(entry.body).split())[:70]
        print(f"{entry.id:>6}  {entry.state:7} {entry.kind:8} {entry.target:7} tries {entry.attempts}  "
              f"{entry.created_at:%Y-%m-%d %H:%M}  {preview}")
        if entry.last_error:
            print(f"        last error: {entry.last_error[:300]}")
    failed = sum(entry.state == "failed" for entry in entries)
    print(f"{len(entries) - failed} waiting, {failed} failed"
          + ("; `arrestwatch outbox retry ID` or `retry --failed` sends failed posts again" if failed else ""),
          file=sys.stderr)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from bot.records import event_lines
    from bot.store import utcnow

    store = _open_existing_store(args.db)
    try:
        events = store.recent_events(utcnow() - timedelta(days=args.days))
    finally:
        store.close()
    language = _channel_language(args.sources)
    for line in event_lines(events, language):
        print(line)
    print(f"{len(events)} event(s) reported in the last {args.days} day(s)", file=sys.stderr)
    return 0


def _channel_language(sources: Path) -> str:
    """The channel's language from the sources file's settings ("en" without one)."""
    if not sources.exists():
        return "en"
    from bot.service import load_or_exit

    return load_or_exit(sources).settings.language


def cmd_export(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from bot.records import person_records, write_csv, write_json

    store = _open_existing_store(args.db)
    try:
        events = store.events_since(datetime.combine(args.since, datetime.min.time(), tzinfo=timezone.utc))
    finally:
        store.close()
    records = person_records(events)
    write = write_csv if args.format == "csv" else write_json
    if args.output is None:
        write(records, sys.stdout)
    else:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                write(records, handle)
        except OSError as exc:
            print(f"error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
    print(f"{len(records)} record(s) from {len(events)} event(s) since {args.since}", file=sys.stderr)
    return 0


def _open_existing_store(db: str):  # -> Store
    """The store for a command that only reads it: a SQLite file that does not exist is
    an error naming the path (a wrong folder or a mistyped --db would otherwise create
    an empty database and report 0)."""
    from bot.db import is_postgres_url

    if not is_postgres_url(db) and not Path(db).exists():
        print(f"error: no database at {db}: run this where `arrestwatch once` or `run` keeps it, or pass "
              "--db PATH (or set DATABASE_URL)", file=sys.stderr)
        raise SystemExit(2)
    return _open_store(db)


def _open_store(db: str):  # -> Store, imported lazily to keep `--help` fast
    from bot.store import Store, StoreError

    try:
        return Store.open(db)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


class _NoLock:
    """PostgreSQL: any number of workers share the database (leases coordinate them)."""

    def release(self) -> None:
        pass


#: Worker settings from the environment: (variable, WorkerSettings field, default seconds).
WORKER_ENV = (
    ("ARRESTWATCH_LEASE_SECONDS", "source_lease", 120.0),
    ("ARRESTWATCH_SENDER_LEASE_SECONDS", "sender_lease", 30.0),
    ("ARRESTWATCH_CLAIM_SECONDS", "claim_seconds", 1.5),
)


def _worker_settings():  # -> WorkerSettings
    from datetime import timedelta

    from bot.service import WorkerSettings

    values: dict[str, object] = {}
    for variable, name, default in WORKER_ENV:
        raw = os.environ.get(variable, "").strip()
        try:
            seconds = float(raw) if raw else default
        except ValueError:
            seconds = -1.0
        if not seconds > 0:
            print(f"error: {variable}={raw!r} is not a number of seconds above 0 (default {default:g})",
                  file=sys.stderr)
            raise SystemExit(2)
        values[name] = seconds if name == "claim_seconds" else timedelta(seconds=seconds)
    analysis = os.environ.get("ARRESTWATCH_ANALYSIS", "").strip().lower() or "process"
    if analysis not in ("process", "inline"):
        print(f"error: ARRESTWATCH_ANALYSIS={analysis!r}: use 'process' (analyse in a child process, "
              "the default) or 'inline' (in this process)", file=sys.stderr)
        raise SystemExit(2)
    return WorkerSettings(**values, analysis_process=analysis == "process")  # type: ignore[arg-type]


def _prepare(args: argparse.Namespace):
    """Config, Telegram settings, store and the instance lock for commands that post.

    The instance lock is for SQLite only: a second process on the same file would double
    every post. With PostgreSQL, workers coordinate through leases in the database.
    """
    from bot.db import is_postgres_url
    from bot.lock import InstanceLock, InstanceLockedError
    from bot.service import TelegramSettings, load_or_exit

    config = load_or_exit(args.sources)
    telegram = TelegramSettings.from_env(os.environ)
    problems = telegram.problems()
    if problems:  # one line: the first thing to fix (the others follow once it is)
        print(f"error: {problems[0]}", file=sys.stderr)
        raise SystemExit(2)
    if telegram.console:
        print("console mode: TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are not set, so posts are printed here "
              "and not sent to Telegram", file=sys.stderr)
    if is_postgres_url(args.db):
        lock = _NoLock()
    else:
        lock = InstanceLock(args.db)
        try:
            lock.acquire()
        except InstanceLockedError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise SystemExit(3) from None
    store = _open_store(args.db)
    return config, telegram, store, lock


def _run_async(coro):  # -> the coroutine's result
    """asyncio.run, with Telegram refusing the token as one ``error:`` line and exit 2
    (the configuration is unusable), never a traceback."""
    from bot.publish import PublishError

    try:
        return asyncio.run(coro)
    except PublishError as exc:
        if not exc.permanent:
            raise
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def cmd_once(args: argparse.Namespace) -> int:
    from bot.service import Service

    workers = _worker_settings()
    config, telegram, store, lock = _prepare(args)

    async def go():
        # Posts a dead process left in 'sending' are re-queued when the sender takes its lease.
        async with Service(config, store, telegram, workers=workers) as service:
            return await service.once(wait=args.wait, progress=sys.stderr.isatty())

    try:
        summary = _run_async(go())
    finally:
        store.close()
        lock.release()
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    from bot.digest import DigestError, day_period
    from bot.publish.format import format_moment, format_period
    from bot.service import Service, plural
    from bot.store import utcnow

    workers = _worker_settings()
    config, telegram, store, lock = _prepare(args)
    period = None
    if args.date is not None:  # a past day rebuilt; a day not over yet is refused
        try:
            period = day_period(args.date, config.settings, utcnow())
        except DigestError as exc:
            store.close()
            lock.release()
            print(f"error: {exc}", file=sys.stderr)
            return 2

    async def go():
        async with Service(config, store, telegram, workers=workers) as service:
            return await service.digest(period, force=args.force)

    try:
        result, drain = _run_async(go())
    finally:
        store.close()
        lock.release()
    covered = format_period(result.period, "en") if result.period else str(result.day)
    if result.reason == "too soon":
        when = format_moment(result.last_at, config.settings.timezone, "en") if result.last_at else "just now"
        print(f"nothing posted: the last digest went out at {when} ({covered}); --force posts its period again "
              "with what came since", file=sys.stderr)
        return 0
    if result.reason == "posted":
        print(f"the digest for {covered} was already posted; use --force to post it again", file=sys.stderr)
        return 0
    if result.reason == "unwatched":
        print(f"nothing posted: the service did not watch any of {covered} (run `arrestwatch once` or `run` "
              "first)", file=sys.stderr)
        return 0
    print(f"digest for {covered}: {plural(result.people, 'person', 'people')} in {plural(result.events, 'event')} "
          f"({plural(result.reports, 'report')}), {plural(result.parts, 'post')}; "
          f"posted {drain.sent}, failed {drain.failed}, still queued {drain.left}", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.service import Service, StatusServerError

    workers = _worker_settings()
    config, telegram, store, lock = _prepare(args)
    http = None if args.http_port is None else (args.http_host, args.http_port)

    async def go():
        async with Service(config, store, telegram, workers=workers) as service:
            await service.run(http=http)

    try:
        _run_async(go())
    except StatusServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
        lock.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
