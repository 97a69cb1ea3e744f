"""Train the learned names adder and write bot/core/analysis/data/names_<lang>.json.

Why: the rules link detainees to custody in the shapes of the reports they were written
from; on new text they miss most members of lists of detainees. A logistic regression over
the context of every person of an arrest report (``name_features``: never the person's own
words) learns which contexts mean "this one was taken too".

Rows: every person of a train report the current rules call an arrest, labelled by whether
it is a gold detainee (``same_person`` of score.py). Two honest evaluations are printed:

(a) out-of-fold probabilities with whole rounds (an id prefix: one batch from one kind of
    outlet) held out, added to the current rules' names of train;
(b) the blind outputs in corpus/blind/names-*.jsonl: what the rules of an earlier revision
    said about the train reports added after it. For each round R, a model trained without
    R adds its names to those old rules' names of R, scored against gold with and without.

Needs scikit-learn (not a runtime dependency; the runtime applies the exported weights in
pure Python, checked against scikit-learn here before writing).

    PYTHONPATH=. python bench/train_names.py --lang en|ru|kk --rules /tmp/train.out [--write]

``--rules``: ``arrestwatch analyze corpus/train.jsonl`` at this revision (computed when absent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/work/shared/eval")

from score import same_person, score  # type: ignore[import-not-found]  # noqa: E402

from bot.core.analysis.name_adder import ADDED_REASON, adapter, addable, term_of  # noqa: E402
from bot.core.analysis.name_features import person_features, probability  # noqa: E402

C = 0.3  # 0.1 and 1.0 scored within 0.003 F1 of it on (b)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _round(report_id: str) -> str:
    return re.sub(r"-\d+$", "", report_id)


def _load(path: Path) -> dict[str, dict]:
    return {(d := json.loads(line))["id"]: d for line in path.read_text(encoding="utf-8").splitlines() if line}


def rows_of(report: dict, predicted: dict, lang: str) -> list[dict]:
    """One row per person of ``report``, given what the rules said about it."""
    if not predicted.get("arrest"):
        return []
    names = [d["name"] for d in predicted.get("detainees") or []]
    built, people = adapter(lang)(report["title"], report["text"], names)
    gold = [d["name"] for d in report["detainees"] or []] if report["arrest"] else []
    rows = []
    for person in people:
        rows.append(
            {
                "id": report["id"],
                "name": person.candidate.name,
                "listed": person.listed,
                "addable": addable(person, names, lang),
                "x": person_features(built, person.candidate),
                "term": term_of(built, person, lang),
                "y": any(same_person(person.candidate.name, g) for g in gold),
            }
        )
    return rows


def fit(rows: list[dict]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([r["x"] for r in rows])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(x, [r["y"] for r in rows])
    return vectorizer, model


def with_added(predicted: dict[str, dict], rows: list[dict], prob: np.ndarray, threshold: float) -> dict[str, dict]:
    """The predictions with every addable person at or above ``threshold`` added."""
    out = {k: dict(v, detainees=list(v.get("detainees") or [])) for k, v in predicted.items()}
    for row, p in zip(rows, prob):
        if row["addable"] and p >= threshold:
            out[row["id"]]["detainees"].append({"name": row["name"], "term": row["term"]})
    return out


def _names(gold: dict[str, dict], pred: dict[str, dict]) -> str:
    result = score(gold, pred)[0]
    r, t = result["names"], result["name_term"]
    return (
        f"names P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})"
        f" | name_term F1 {t['f1']:.3f}"
    )


def evaluate(label: str, gold: dict[str, dict], predicted: dict[str, dict], rows: list[dict], prob: np.ndarray) -> None:
    print(f"{label}: {len(gold)} reports, {sum(r['addable'] for r in rows)} addable people")
    print(f"  rules alone      {_names(gold, predicted)}")
    for threshold in THRESHOLDS:
        print(f"  + adder p>={threshold:.1f}  {_names(gold, with_added(predicted, rows, prob, threshold))}")


def train_rows(reports: dict[str, dict], rules: dict[str, dict], lang: str, all_people: bool) -> list[dict]:
    rows = [row for rid, r in reports.items() if r["lang"] == lang for row in rows_of(r, rules.get(rid, {}), lang)]
    return rows if all_people else [r for r in rows if r["addable"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rules", type=Path, help="arrestwatch analyze output of corpus/train.jsonl")
    parser.add_argument("--unlisted-only", action="store_true", help="train on the people the rules did not list")
    parser.add_argument("--no-blind-train", action="store_true", help="train without the blind rows")
    parser.add_argument("--threshold", type=float, default=0.5, help="shipped with the weights")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    reports = _load(ROOT / "corpus/train.jsonl")
    rules = _load(args.rules) if args.rules else _analysed({k: v for k, v in reports.items() if v["lang"] == args.lang})
    rows = train_rows(reports, rules, args.lang, not args.unlisted_only)
    print(f"{args.lang}: {len(rows)} training rows, {sum(r['y'] for r in rows)} detainees")
    # (a) rounds held out, on train with the current rules
    oof = np.zeros(len(rows))
    groups = np.array([_round(r["id"]) for r in rows])
    for group in sorted(set(groups)):
        held = groups == group
        if held.all() or not any(r["y"] for r, h in zip(rows, held) if not h):
            continue
        vectorizer, model = fit([r for r, h in zip(rows, held) if not h])
        oof[held] = model.predict_proba(vectorizer.transform([r["x"] for r, h in zip(rows, held) if h]))[:, 1]
    gold = {k: v for k, v in reports.items() if v["lang"] == args.lang}
    evaluate("(a) train, rounds held out, current rules", gold, {k: rules[k] for k in gold}, rows, oof)
    blind(reports, rows, args)
    if args.write:
        write(rows, args)


def _analysed(reports: dict[str, dict]) -> dict[str, dict]:
    import bot.core.analysis.name_remover as remover
    import bot.core.analysis.term_chooser as chooser
    from bot.core.analysis.engine import analyze

    remover.shipped_model = lambda lang: None  # the rules' own people, none dropped by the remover
    chooser.shipped_model = lambda: chooser.TermModel({})  # and their own terms
    out = {}
    for key, report in reports.items():
        result = analyze(report["title"], report["text"])
        # The rules' own people: the adder's are the last ones, counted by its reason.
        added = sum(int(r.split(":")[1]) for r in result.reasons if r.startswith(ADDED_REASON))
        people = result.detainees[: len(result.detainees) - added]
        out[key] = {"arrest": result.arrest, "detainees": [{"name": d.name, "term": d.term} for d in people]}
    return out


def blind_rows(reports: dict[str, dict], lang: str) -> tuple[dict[str, dict], list[dict]]:
    """The old rules' outputs of the later rounds, and the rows of their addable people."""
    old: dict[str, dict] = {}
    for path in sorted((ROOT / "corpus/blind").glob("names-*.jsonl")):
        old.update({k: v for k, v in _load(path).items() if k in reports and reports[k]["lang"] == lang})
    rows = [row for k in old for row in rows_of(reports[k], old[k], lang) if row["addable"]]
    return old, rows


def blind(reports: dict[str, dict], rows: list[dict], args: argparse.Namespace) -> None:
    """(b) the old rules' names of each later round, with the names of a model trained without it."""
    old, these, prob = blind_probabilities(reports, rows, args.lang, not args.no_blind_train)
    gold = {k: reports[k] for k in old}
    evaluate("(b) blind: old rules on later rounds", gold, old, these, prob)


def blind_probabilities(
    reports: dict[str, dict], rows: list[dict], lang: str, blind_train: bool
) -> tuple[dict[str, dict], list[dict], np.ndarray]:
    """The old rules' outputs, their addable rows, and each row's probability by a model
    trained without its round (also used by bench/train_remover.py)."""
    old, these = blind_rows(reports, lang)
    prob = np.zeros(len(these))
    groups = np.array([_round(r["id"]) for r in these])
    for group in sorted(set(groups)):
        training = [r for r in rows if _round(r["id"]) != group]
        if blind_train:
            training += [r for r in these if _round(r["id"]) != group]
        vectorizer, model = fit(training)
        held = groups == group
        prob[held] = model.predict_proba(vectorizer.transform([r["x"] for r, h in zip(these, held) if h]))[:, 1]
    return old, these, prob


def write(rows: list[dict], args: argparse.Namespace) -> None:
    if not args.no_blind_train:
        rows = rows + blind_rows(_load(ROOT / "corpus/train.jsonl"), args.lang)[1]
    vectorizer, model = fit(rows)
    about = "bench/train_names.py wrote this from corpus/train.jsonl; do not edit"
    export(f"names_{args.lang}.json", {"about": about, "threshold": args.threshold}, rows, vectorizer, model)


def export(name: str, head: dict, rows: list[dict], vectorizer: DictVectorizer, model: LogisticRegression) -> None:
    """Write the model's weights after ``head`` to data/``name``, checked against scikit-learn
    (also used by bench/train_remover.py)."""
    weights = {name: float(w) for name, w in zip(vectorizer.feature_names_, model.coef_[0]) if abs(w) >= 1e-6}
    path = ROOT / "bot/core/analysis/data" / name
    exported = {**head, "intercept": float(model.intercept_[0]), "weights": dict(sorted(weights.items()))}
    path.write_text(json.dumps(exported, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    expected = model.predict_proba(vectorizer.transform([r["x"] for r in rows]))[:, 1]
    worst = max(abs(probability(weights, exported["intercept"], r["x"]) - e) for r, e in zip(rows, expected))
    print(f"wrote {path.relative_to(ROOT)}: {len(weights)} weights; runtime vs scikit-learn: {worst:.2e}")
    if worst > 1e-6:
        raise SystemExit("the runtime does not reproduce scikit-learn")


if __name__ == "__main__":
    main()
