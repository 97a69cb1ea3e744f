"""What the commands of the command line share: an error as one ``error:`` line, the
sources file's problems, and the store opened or the exit code that says why not.

Used by bot/entry/cli.py and bot/entry/custody_cli.py (which must not import each other).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.core.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from bot.core.models import Config
    from bot.edges.store import Store


def error(message: object) -> None:
    """One ``error:`` line on stderr: what went wrong and what to do."""
    print(f"error: {message}", file=sys.stderr)


def problems(exc: ConfigError, stream: TextIO | None = None) -> None:
    """Each problem on its own line (``file:line: message``), on stderr unless ``stream``."""
    for problem in exc.problems:
        print(problem, file=stream or sys.stderr)


def load_or_exit(path: Path) -> Config:
    """The config for a command; every problem printed and exit 2 if unusable."""
    from bot.edges.config import load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        problems(exc)
        raise SystemExit(2) from None


def open_store(db: str, *, existing: bool = False) -> Store:
    """The store at ``db``, or exit 2 with the reason. ``existing``: for a command that
    only reads it, a SQLite file that does not exist is that reason (not a new, empty
    database)."""
    from bot.entry.commands import stores

    try:
        return stores.open_existing_store(db) if existing else stores.open_store(db)
    except StoreError as exc:
        error(exc)
        raise SystemExit(2) from None


__all__ = ["error", "load_or_exit", "open_store", "problems"]
