"""The schema: the SQL files of storage/migrations (shipped as the package
``bot.migrations``), applied in order, each once, in both engines."""

from __future__ import annotations

import importlib.resources
import re
from importlib.abc import Traversable

from bot.edges.db import translate_ddl
from bot.edges.store.model import Connection, StoreError, to_iso, utcnow

MIGRATION_RE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
# Marks the start of an engine's section in a migration (see dialect_sections).
DIALECT_RE = re.compile(r"^--\s*dialect:\s*(sqlite|postgresql|all)\s*$")
# pg_advisory_xact_lock key held while migrating: workers starting together migrate once.
MIGRATION_LOCK = 0x61775F6D  # "aw_m"


def migration_files() -> list[tuple[int, str, Traversable]]:
    """(version, name, file) of every migration, oldest first."""
    return sorted(
        (int(m.group(1)), m.group(2), entry)
        for entry in importlib.resources.files("bot.migrations").iterdir()
        if (m := MIGRATION_RE.match(entry.name))
    )


def migrate(db: Connection, dialect: str, where: str) -> int:
    """Apply every migration not yet recorded, inside the caller's transaction; return
    the schema version. ``where`` names the database in messages."""
    files = migration_files()
    if dialect == "postgresql":  # workers starting together: one migrates, the others wait
        db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
    newest = max(applied, default=0)
    known = {version for version, _, _ in files}
    if newest > max(known, default=0):
        raise StoreError(
            f"the database {where} has schema version {newest}, newer than this "
            f"arrestwatch knows ({max(known, default=0)}); upgrade arrestwatch"
        )
    for version, name, entry in files:
        if version in applied:
            continue
        script = dialect_sections(entry.read_text(encoding="utf-8"), dialect)
        for statement in split_sql(script):
            db.execute(translate_ddl(statement) if dialect == "postgresql" else statement)
        db.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (version, name, to_iso(utcnow())),
        )
    return max(known | applied, default=0)


def schema_version(db: Connection) -> int:
    return db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0


def dialect_sections(script: str, dialect: str) -> str:
    """The lines of a migration that apply to ``dialect``.

    Migrations are one portable script for both engines. Where an engine genuinely
    cannot do what the other does (SQLite cannot alter a CHECK constraint, so 002
    rebuilds a table that PostgreSQL alters in place), a line ``-- dialect: sqlite`` or
    ``-- dialect: postgresql`` starts a section for that engine only, and
    ``-- dialect: all`` returns to the common part. Files without markers are common.
    """
    keep, lines = True, []
    for line in script.splitlines():
        marker = DIALECT_RE.match(line.strip())
        if marker:
            keep = marker.group(1) in ("all", dialect)
            continue
        if keep:
            lines.append(line)
    return "\n".join(lines)


def split_sql(script: str) -> list[str]:
    """Split a migration into statements (no semicolons inside our string literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]
