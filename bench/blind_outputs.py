"""Record what the morning's rules say about a stop's new train reports: corpus/blind/.

Why: the rules score near 1.000 on reports they were written from, so only their output on
reports nobody had read yet says how far to trust them. The learned stages are trained on
these records (``bench/train_decision.py`` reads ``stopNN-REV.jsonl``: the rules' verdict,
score and reasons *before* the learned decision; ``bench/train_names.py`` reads
``names-stopNN-REV.jsonl``: the people and terms the whole pipeline of that revision listed).

Run it with the package of the morning's revision on the path (a detached worktree), on the
stop's new train lines only, before any rule or weight is changed from them:

    git worktree add --detach /tmp/morning REV
    PYTHONPATH=/tmp/morning python bench/blind_outputs.py NEW_TRAIN.jsonl --stop NN --rev REV

Validation lines are never recorded here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rules_row(report: dict) -> dict:
    """The rules' own verdict, before the learned decision (what the stacked model learns from)."""
    from bot.core.analysis.engine import _by_language
    from bot.core.analysis.result import RuleConfig

    result, _listable = _by_language(report.get("title", ""), report["text"], report.get("lang"), RuleConfig())
    return {"id": report["id"], "arrest": result.arrest, "score": result.score, "reasons": list(result.reasons)}


def names_row(report: dict) -> dict:
    """What the revision's whole pipeline listed: the verdict and the people with their terms."""
    from bot.core.analysis.engine import analyze

    result = analyze(report.get("title", ""), report["text"], report.get("lang"))
    people = [{"name": d.name, "term": d.term} for d in result.detainees]
    return {"id": report["id"], "arrest": result.arrest, "detainees": people}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", type=Path, help="the stop's new train lines (corpus schema)")
    parser.add_argument("--stop", required=True, help="the stop's number, e.g. 26")
    parser.add_argument("--rev", required=True, help="the short hash of the morning's revision")
    args = parser.parse_args()
    reports = [json.loads(line) for line in args.reports.read_text(encoding="utf-8").splitlines() if line.strip()]
    blind = ROOT / "corpus/blind"
    for prefix, build in (("", rules_row), ("names-", names_row)):
        path = blind / f"{prefix}stop{args.stop}-{args.rev}.jsonl"
        rows = [json.dumps(build(report), ensure_ascii=False) for report in reports]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {len(rows)} reports")


if __name__ == "__main__":
    main()
