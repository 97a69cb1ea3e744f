"""Russian name FORM errors on a labelled corpus (issue 12): which predicted names are a gold
name in another form.

    python3 bench/ru_form_pairs.py corpus/train.jsonl PRED.jsonl

Prints, per Russian report, PAIR (a false predicted name sharing a four-letter stem with a
missed gold name: the scorer rejects the form, so one person counts twice), FP / FN (no such
partner) and FORM (the scorer accepts the pair but the words differ from the gold's: what an
alert would print inflected). Train only: never run it on validation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
from score import fold_tokens, match_people  # type: ignore[import-not-found]  # noqa: E402


def _load(path: str) -> dict[str, dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {str(obj["id"]): obj for obj in map(json.loads, filter(str.strip, lines))}


def _stems(name: str) -> set[str]:
    return {t[:4] for t in fold_tokens(name)}


def report_lines(gold: dict[str, dict], pred: dict[str, dict]) -> list[str]:
    """One line per form pair, lone false name, lone missed name and accepted-but-inflected name."""
    out = []
    for gid, g in gold.items():
        if g["lang"] != "ru":
            continue
        p = pred.get(gid, {})
        pd = (p.get("detainees") or []) if p.get("arrest") else []
        pairs = match_people(pd, g.get("detainees") or [])
        matched = {id(a) for a, _ in pairs} | {id(b) for _, b in pairs}
        fp = [d["name"] for d in pd if id(d) not in matched]
        fn = [d["name"] for d in g.get("detainees") or [] if id(d) not in matched]
        for name in fp:
            hit = [m for m in fn if _stems(name) & _stems(m)]
            out.append(f"{gid}\t{'PAIR' if hit else 'FP'}\tpred={name!r}\tgold={hit}")
        out += [f"{gid}\tFN\tgold={m!r}" for m in fn if not any(_stems(m) & _stems(f) for f in fp)]
        out += [
            f"{gid}\tFORM\tpred={a['name']!r}\tgold={b['name']!r}"
            for a, b in pairs
            if fold_tokens(a["name"]) != fold_tokens(b["name"])
        ]
    return out


if __name__ == "__main__":
    print("\n".join(report_lines(_load(sys.argv[1]), _load(sys.argv[2]))))
