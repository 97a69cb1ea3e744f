"""The custody and archive commands of the command line (issue 17): ``custody``,
``custody set``, ``publish`` and ``serve``. bot/entry/cli.py adds them with ``add_parsers``
and dispatches to ``HANDLERS``; imports stay inside the handlers so ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.entry.cli_common import error, open_store

DEFAULT_SERVE_PORT = 8001


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    custody = commands.add_parser("custody", help="who is in custody, until when; `custody set` corrects a record")
    custody.add_argument(
        "--at",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="as things stand on this day (default: today in the configured time zone)",
    )
    custody.add_argument(
        "--format", choices=["text", "csv", "json"], default="text", help="output format (default: text)"
    )
    custody.add_argument("--all", action="store_true", help="also the released and unknown (default: held only)")
    actions = custody.add_subparsers(dest="custody_command", metavar="SUBCOMMAND")
    fix = actions.add_parser("set", help="correct one person's record by hand (kept and shown as a correction)")
    fix.add_argument("person", type=int, metavar="PERSON-ID", help="the #id shown by `arrestwatch custody`")
    what = fix.add_mutually_exclusive_group(required=True)
    what.add_argument("--released", type=date.fromisoformat, metavar="YYYY-MM-DD", help="released on this day")
    what.add_argument("--not-released", action="store_true", help="withdraw a release reported by mistake")
    what.add_argument("--term", metavar="TERM", help='the term, e.g. "15 days", "2 months", "5 years"')
    what.add_argument("--no-term", action="store_true", help="no term is known (withdraw a wrong one)")
    what.add_argument("--detained", type=date.fromisoformat, metavar="YYYY-MM-DD", help="the day of detention")
    fix.add_argument("--note", default="", help="why (kept with the correction)")
    publish = commands.add_parser("publish", help="write a clean SQLite snapshot for datasette, with its metadata")
    publish.add_argument("output", type=Path, metavar="OUT.db", help="the snapshot to write (replaced if it exists)")
    serve = commands.add_parser("serve", help="browse a snapshot with datasette, read-only (needs the [web] extra)")
    serve.add_argument("snapshot", type=Path, metavar="SNAPSHOT.db", help="a file written by `arrestwatch publish`")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_SERVE_PORT, help=f"port (default: {DEFAULT_SERVE_PORT})")


def _today(sources: Path) -> date:
    """Today in the configured time zone; in UTC when the sources file is unusable."""
    from bot.edges.store import utcnow
    from bot.entry.commands.custody import configured_today

    return configured_today(sources, utcnow())


def cmd_custody(args: argparse.Namespace) -> int:
    if args.custody_command == "set":
        return _cmd_custody_set(args)
    from bot.core.custody import text_lines, write_csv, write_json
    from bot.edges.store import utcnow
    from bot.entry.commands.custody import custody_on

    day = args.at or _today(args.sources)
    store = open_store(args.db)
    try:
        records = custody_on(store, day, now=utcnow(), everyone=args.all or args.format != "text")
    finally:
        store.close()
    if args.format == "csv":
        write_csv(records, sys.stdout)
    elif args.format == "json":
        write_json(records, sys.stdout)
    else:
        for line in text_lines(records, day):
            print(line)
    return 0


def _cmd_custody_set(args: argparse.Namespace) -> int:
    from bot.core.errors import RequestError, StoreError
    from bot.edges.store import utcnow
    from bot.entry.commands.custody import correct_custody, correction

    try:
        field, value = correction(
            term=args.term,
            no_term=args.no_term,
            detained=args.detained,
            not_released=args.not_released,
            released=args.released,
        )
    except RequestError as exc:
        error(exc)
        return 2
    store = open_store(args.db)
    try:
        correct_custody(store, args.person, field, value, note=args.note, now=utcnow())
    except StoreError as exc:
        error(exc)
        return 2
    finally:
        store.close()
    print(
        f"person #{args.person}: {field.replace('_', ' ')} set to {value or '(none)'}; kept as a correction",
        file=sys.stderr,
    )
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from bot.core.errors import RequestError
    from bot.edges.store import utcnow
    from bot.entry.commands.custody import publish_snapshot

    day = _today(args.sources)
    store = open_store(args.db)
    try:
        counts = publish_snapshot(store, args.output, day=day, now=utcnow())
    except RequestError as exc:
        error(exc)
        return 1
    finally:
        store.close()
    summary = ", ".join(f"{count} {table}" for table, count in counts.items())
    print(f"wrote {args.output} ({summary}) and {args.output.with_suffix('.metadata.json')}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.app.archive import serve_command
    from bot.core.errors import RequestError

    try:
        command = serve_command(args.snapshot, host=args.host, port=args.port)
    except RequestError as exc:
        error(exc)
        return 2
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)  # this process becomes datasette: signals reach it directly


HANDLERS = {"custody": cmd_custody, "publish": cmd_publish, "serve": cmd_serve}
