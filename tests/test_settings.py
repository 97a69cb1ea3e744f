"""The environment read in one place (bot/edges/settings.py) and the one exception tree (bot/core/errors.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import bot
from bot.core.errors import ArrestwatchError, ConfigError
from bot.edges.settings import Environment, SettingsError, TelegramSettings, worker_settings


def test_telegram_defaults_are_the_pacers():
    """settings.py repeats the pacer's limits (to keep python-telegram-bot out of its imports): they agree."""
    from bot.core.publish.pacing import MIN_GAP, PER_MINUTE

    assert (TelegramSettings().posts_per_minute, TelegramSettings().post_gap) == (PER_MINUTE, MIN_GAP)


def test_worker_settings_name_the_wrong_variable():
    assert worker_settings({"ARRESTWATCH_CLAIM_SECONDS": "0.5"}).claim_seconds == 0.5
    with pytest.raises(SettingsError) as caught:
        worker_settings({"ARRESTWATCH_LEASE_SECONDS": "soon"})
    assert caught.value.problems == [
        "ARRESTWATCH_LEASE_SECONDS='soon' is not a number of seconds above 0 (default 120)"
    ]
    assert isinstance(caught.value, ConfigError)
    with pytest.raises(SettingsError, match="ARRESTWATCH_ANALYSIS='thread'"):
        worker_settings({"ARRESTWATCH_ANALYSIS": "thread"})


def test_environment_database_order():
    """--db wins over DATABASE_URL, which wins over the SQLite file in storage/."""
    env = Environment({"DATABASE_URL": "postgresql://a@b/c"})
    assert env.database("x.db") == "x.db"
    assert env.database(None) == "postgresql://a@b/c"
    assert Environment({}).database(None) == "storage/arrestwatch.sqlite3"


def _project_exceptions() -> list[type[BaseException]]:
    found = []
    for module in pkgutil.walk_packages(bot.__path__, "bot."):
        if module.name.startswith("bot.migrations") or module.name == "bot.__main__":
            continue
        loaded = importlib.import_module(module.name)
        for _, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == module.name:
                found.append(value)
    return found


def test_every_project_error_is_an_arrestwatch_error():
    """One tree: a task boundary can tell a refusal that says why from a bug."""
    exceptions = _project_exceptions()
    assert len(exceptions) > 15
    # FloodWait is python-telegram-bot's own kind of error, raised and caught inside the publisher.
    strays = [
        f"{e.__module__}.{e.__qualname__}"
        for e in exceptions
        if not issubclass(e, ArrestwatchError) and e.__name__ != "FloodWait"
    ]
    assert strays == []


def test_import_contracts_hold():
    """The layers, no circles, a core free of IO libraries (pyproject.toml's contracts):
    an upward import fails here as in CI, with the import that broke it."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    linter = Path(sys.executable).with_name("lint-imports")
    if not linter.exists() and shutil.which("lint-imports") is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [str(linter) if linter.exists() else "lint-imports", "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
