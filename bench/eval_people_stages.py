"""Honest figures of the learned people stages together: the names adder and remover, then
the term chooser on the people they leave, as ``engine.analyze`` runs them.

Why: each trainer scores its own stage alone on the blind rows (``corpus/blind/names-*.jsonl``:
what an earlier revision said about the train rounds added after it). The stages interact:
the term chooser must give a term to the people the adder brings in, and its margins were
chosen on the rules' people only. Here every stage is leave-one-round-out exactly as its
trainer does it (each round's people and terms by models trained without that round, the
chooser's margins chosen on the other rounds), and the four pipelines are scored per
language: rules alone, adder + remover, term chooser, all three. ``--fresh`` also scores the
rows of one blind file alone (a stop's rounds, each held out as above).

    PYTHONPATH=. python bench/eval_people_stages.py --rules /tmp/train.out [--fresh names-stop26-ae49916]

``--rules``: the rules' output on corpus/train.jsonl without the learned people stages.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace

from sklearn.linear_model import LogisticRegression
from train_names import ROOT, _load, blind_probabilities, score, train_rows, with_added
from train_remover import held_out_wrong, with_dropped
from train_remover import rows_of as remover_rows
from train_terms import (
    STACK_C,
    _stack_x,
    best_margins,
    blind_choices,
    chosen,
    leave_round_out,
    out_of_fold,
    train_choices,
)

DATA = ROOT / "bot/core/analysis/data"


def _shipped(name: str) -> float | None:
    """The threshold a shipped model of the names stages holds, None when none ships."""
    path = DATA / name
    return json.loads(path.read_text(encoding="utf-8"))["threshold"] if path.is_file() else None


def names_stages(reports: dict, rules: dict, lang: str) -> tuple[dict, dict]:
    """The old rules' outputs of ``lang``'s blind rows, and the same after the adder and the
    remover at their shipped thresholds (where they ship), each round by models trained
    without it (bench/train_remover.py's figure)."""
    old, added_rows, added_prob = blind_probabilities(reports, train_rows(reports, rules, lang, True), lang, True)
    adder, remover = _shipped(f"names_{lang}.json"), _shipped(f"names_drop_{lang}.json")
    kept = old
    if remover is not None:  # only English ships one
        rows = [
            row
            for k, r in reports.items()
            if r["lang"] == lang
            for row in remover_rows(r, rules.get(k, {}), lang, False)
        ]
        blind = [row for k in old for row in remover_rows(reports[k], old[k], lang, True)]
        wrong = held_out_wrong(rows, blind, blind, SimpleNamespace(source="both", blind_weight=1.0))
        kept = with_dropped(old, blind, wrong, remover)
    return old, with_added(kept, added_rows, added_prob, adder) if adder is not None else kept


def chosen_terms(reports: dict, old: dict, new: dict, lang: str) -> dict:
    """``new`` with each matched person's term chosen by the term chooser, its stack and
    margins learnt without the person's round on the old rules' people (bench/train_terms.py)."""
    docs: dict = {}
    old_rows, new_rows = list(old.values()), list(new.values())
    train = train_choices(reports, lang, docs)
    learnt, applied = blind_choices(reports, old_rows, lang, docs), blind_choices(reports, new_rows, lang, docs)
    if not learnt or not applied:
        return new
    out_of_fold(train, learnt + applied)
    stacked_learnt = leave_round_out(learnt)
    terms = {}
    for held in sorted({c.round for c in applied}):
        rest = [k for k, c in enumerate(learnt) if c.round != held]
        margins = best_margins([learnt[k] for k in rest], [stacked_learnt[k] for k in rest])
        stack = LogisticRegression(C=STACK_C, max_iter=5000).fit(*_stack_x([learnt[k] for k in rest]))
        for c in applied:
            if c.round == held:
                terms[c.blind] = chosen(c, list(stack.predict_proba(_stack_x([c])[0])[:, 1]), margins)
    out = {}
    for r, row in enumerate(new_rows):
        people = [dict(d, term=terms.get((r, k), d["term"])) for k, d in enumerate(row["detainees"])]
        out[row["id"]] = dict(row, detainees=people)
    return out


def _line(gold: dict, pred: dict) -> str:
    result = score({k: dict(gold[k], protest=False) for k in pred}, pred)[0]
    names, pairs = result["names"], result["name_term"]
    return f"names P {names['precision']:.3f} R {names['recall']:.3f} F1 {names['f1']:.3f} | name_term F1 {pairs['f1']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", type=Path, required=True)
    parser.add_argument("--fresh", help="a blind file's stem: its rows scored alone too")
    parser.add_argument("--langs", default="en,ru,kk", help="the languages scored (--rules need hold only theirs)")
    args = parser.parse_args()
    reports, rules = _load(ROOT / "corpus/train.jsonl"), _load(args.rules)
    fresh = set(_load(ROOT / f"corpus/blind/{args.fresh}.jsonl")) if args.fresh else set()
    for lang in args.langs.split(","):
        old, names = names_stages(reports, rules, lang)
        pipelines = {
            "rules alone": old,
            "adder + remover": names,
            "term chooser": chosen_terms(reports, old, old, lang),
            "all three": chosen_terms(reports, old, names, lang),
        }
        for subset, ids in (("blind", set(old)), (args.fresh, fresh & set(old))):
            if not subset or not ids:
                continue
            print(f"[{lang}] {subset}: {len(ids)} reports")
            for label, pred in pipelines.items():
                print(f"  {label:16} {_line(reports, {k: v for k, v in pred.items() if k in ids})}")


if __name__ == "__main__":
    main()
