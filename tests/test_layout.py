"""No module of bot/ is over 600 lines, and no function or method over 60 (issue 16).

A long module or function hides more than one concern; the limits make a change that grows
one past them split it by concern instead. The check reads each file's syntax tree, so a
function is measured from its first decorator (or ``def``) to its last line, nested
functions counted in their own right too.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60

# Data tables, not code: the language packs are lexicons (word, pattern) one entry a line,
# read by the rules of their language (bot/core/analysis/english.py, russian.py, kk_rules.py).
# Splitting a lexicon would cut one table in two, so they are exempt from both limits.
EXEMPT = {
    "bot/core/analysis/packs/en.py",
    "bot/core/analysis/packs/kk.py",
    "bot/core/analysis/packs/ru.py",
}


def python_files(folder: Path) -> list[Path]:
    """Every .py file under ``folder``, links to other folders not followed (an editable
    checkout may link storage/migrations in as bot/migrations)."""
    found = []
    for directory, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        found += [Path(directory) / name for name in files if name.endswith(".py")]
    return sorted(found)


def too_long(path: Path, name: str) -> list[str]:
    """What in the file at ``path`` (shown as ``name``) breaks a limit, one line each:
    the file, the function (with its class) and how many lines it has."""
    source = path.read_text(encoding="utf-8")
    problems = []
    lines = len(source.splitlines())
    if lines > MAX_MODULE_LINES:
        problems.append(f"{name}: module has {lines} lines (limit {MAX_MODULE_LINES})")

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                length = (child.end_lineno or child.lineno) - first + 1
                if length > MAX_FUNCTION_LINES:
                    problems.append(
                        f"{name}:{child.lineno}: {prefix}{child.name} has {length} lines (limit {MAX_FUNCTION_LINES})"
                    )
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source, filename=name), "")
    return problems


def test_no_module_or_function_of_bot_is_too_long() -> None:
    problems = []
    for path in python_files(BOT):
        name = path.relative_to(ROOT).as_posix()
        if name not in EXEMPT:
            problems += too_long(path, name)
    assert not problems, "split these by concern:\n" + "\n".join(problems)


def test_the_exempt_data_tables_exist() -> None:
    """An exemption outlives no file: a moved or deleted pack leaves the list too."""
    assert all((ROOT / name).is_file() for name in EXEMPT), sorted(n for n in EXEMPT if not (ROOT / n).is_file())


def test_the_check_names_the_file_the_function_and_its_length(tmp_path: Path) -> None:
    body = "\n".join(f"        x{n} = {n}" for n in range(60))
    module = tmp_path / "long.py"
    module.write_text(
        f"class Job:\n    @staticmethod\n    def run() -> None:\n{body}\n\n\ndef short() -> None:\n    pass\n"
        + "\n" * (MAX_MODULE_LINES - 67),
        encoding="utf-8",
    )
    assert too_long(module, "bot/long.py") == ["bot/long.py:3: Job.run has 62 lines (limit 60)"]
    module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert too_long(module, "bot/long.py")[0] == "bot/long.py: module has 601 lines (limit 600)"
