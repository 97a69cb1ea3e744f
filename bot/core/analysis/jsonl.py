"""``arrestwatch analyze``: JSON-lines reports in, one JSON-lines result per report out.

Each input line needs ``id`` and ``text``; ``title``, ``lang`` and ``url`` are optional.
Output lines keep the input order and have the shape the scorer reads
(``../shared/eval/README.md``) plus the alert fields. A line that is not valid JSON is
reported on stderr with its line number and skipped; a report whose analysis fails still
gets an output line (``arrest: false`` and an ``error`` field), so one bad report never
stops a run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from bot.core.analysis.result import Analysis, RuleConfig

Analyzer = Callable[[str, str, "str | None", "RuleConfig | None"], Analysis]


def run_jsonl(
    lines: Iterable[str],
    out: TextIO,
    rules: RuleConfig | None = None,
    *,
    err: TextIO | None = None,
    analyzer: Analyzer | None = None,
) -> int:
    """Analyse every report in ``lines``, write one result line each to ``out``.

    Returns the number of problems (malformed lines and failed analyses); each one is
    also described on ``err`` (standard error by default).
    """
    if analyzer is None:
        from bot.core.analysis.engine import analyze

        analyzer = analyze
    err = err if err is not None else sys.stderr
    errors = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        report = _parse(line, number, err)
        if report is None:
            errors += 1
            continue
        result, problem = _analyse(report, rules, analyzer)
        if problem:
            errors += 1
            print(f"line {number}: id {report['id']!r}: analysis failed: {problem}", file=err)
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return errors


def _parse(line: str, number: int, err: TextIO) -> dict[str, Any] | None:
    try:
        report = json.loads(line)
    except json.JSONDecodeError as exc:
        print(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno}); skipped", file=err)
        return None
    if not isinstance(report, dict):
        print(f'line {number}: expected a JSON object with "id" and "text"; skipped', file=err)
        return None
    missing = [key for key in ("id", "text") if key not in report]
    if missing:
        print(f"line {number}: missing {', '.join(repr(k) for k in missing)}; skipped", file=err)
        return None
    if not isinstance(report["text"], str) or not isinstance(report.get("title") or "", str):
        print(f'line {number}: "text" and "title" must be strings; skipped', file=err)
        return None
    return report


def _analyse(report: dict[str, Any], rules: RuleConfig | None, analyzer: Analyzer) -> tuple[dict[str, Any], str | None]:
    try:
        analysis = analyzer(report.get("title") or "", report["text"], report.get("lang"), rules)
    except Exception as exc:  # one report's failure must not stop the run; it is reported
        failed = Analysis(arrest=False, protest=False, lang=str(report.get("lang") or "und"))
        result = {"id": report["id"], **failed.to_dict(), "error": f"{type(exc).__name__}: {exc}"}
        return result, f"{type(exc).__name__}: {exc}"
    result = {"id": report["id"], **analysis.to_dict()}
    if not analysis.arrest:
        # The people of a doubtful report (kept for the operator who may approve it) are
        # not detainees of an arrest report: the output lists them only for arrests.
        result["detainees"] = []
        result["doubtful_detainees"] = [{"name": d.name, "term": d.term} for d in analysis.detainees]
    return result, None
