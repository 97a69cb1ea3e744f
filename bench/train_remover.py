"""Train the learned names remover and write bot/core/analysis/data/names_drop_<lang>.json.

Why: on reports nobody had read (corpus/blind/names-*.jsonl: the rules of an earlier
revision on the train rounds added after it) the rules named many people who were not
detainees. A logistic regression over the context of each detainee the rules listed
(``name_remover.remover_features``: the adder's context features and a few of its own,
never the name's words) learns which contexts mean "not taken".

Rows: every detainee the rules listed in a report they call an arrest, labelled by whether
it is a gold detainee (``same_person`` of score.py): the current rules on all train reports,
and the old rules on the blind rows, where the rules' mistakes are honest (on train the
rules have read the text, so they rarely err there). ``--blind-weight`` weighs the blind
rows; ``--source`` trains on train, blind or both.

Evaluation, honest: the blind rows, each round dropped by a model trained without that
round (its reports left out of the train rows too), names and (name, term) F1 with and
without the remover, alone and with the adder's names (its own rounds-held-out model).

    PYTHONPATH=. python bench/train_remover.py --lang en --rules /tmp/train.out [--write]

``--rules``: the rules' output on corpus/train.jsonl without the adder and the remover
(``arrestwatch analyze`` at main, or train_names.py's ``_analysed``).
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from train_names import (
    ROOT,
    _load,
    _names,
    _round,
    blind_probabilities,
    export,
    same_person,
    train_rows,
    with_added,
)

from bot.core.analysis.name_adder import adapter
from bot.core.analysis.name_remover import RemoverModel, custody_words, listed_candidates, remover_features, to_drop

C = 0.3
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LAST = 0.95  # the last detainee of a report is dropped only at this p(wrong)


def rows_of(report: dict, predicted: dict, lang: str, blind: bool) -> list[dict]:
    """One row per detainee the rules listed in ``report``."""
    names = [d["name"] for d in predicted.get("detainees") or []] if predicted.get("arrest") else []
    if not names:
        return []
    built, _ = adapter(lang)(report["title"], report["text"], names)
    gold = [d["name"] for d in report["detainees"] or []] if report["arrest"] else []
    custody = custody_words(lang)
    return [
        {
            "id": report["id"],
            "index": i,
            "x": remover_features(built, candidate, len(names), custody),
            "y": any(same_person(candidate.name, g) for g in gold),
            "blind": blind,
        }
        for i, candidate in enumerate(listed_candidates(built, names))
    ]


def fit(rows: list[dict], blind_weight: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([r["x"] for r in rows])
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(x, [r["y"] for r in rows], sample_weight=[blind_weight if r["blind"] else 1.0 for r in rows])
    return vectorizer, model


def with_dropped(predicted: dict[str, dict], rows: list[dict], wrong: np.ndarray, threshold: float) -> dict[str, dict]:
    """The predictions without the detainees ``to_drop`` names at ``threshold``."""
    model = RemoverModel(0.0, {}, threshold, max(threshold, LAST))
    by_report: dict[str, list[tuple[int, float]]] = {}
    for row, p in zip(rows, wrong):
        by_report.setdefault(row["id"], []).append((row["index"], float(p)))
    out = {k: dict(v, detainees=list(v.get("detainees") or [])) for k, v in predicted.items()}
    for key, pairs in by_report.items():
        drop = {pairs[i][0] for i in to_drop([p for _, p in pairs], model)}
        out[key]["detainees"] = [d for i, d in enumerate(out[key]["detainees"]) if i not in drop]
    return out


def held_out_wrong(rows: list[dict], blind: list[dict], scored: list[dict], args: argparse.Namespace) -> np.ndarray:
    """Each row of ``scored``'s p(wrong) by a model trained without its round."""
    wrong = np.zeros(len(scored))
    groups = np.array([_round(r["id"]) for r in scored])
    for group in sorted(set(groups)):
        training = [r for r in rows if _round(r["id"]) != group] if args.source != "blind" else []
        if args.source != "train":
            training += [r for r in blind if _round(r["id"]) != group]
        vectorizer, model = fit(training, args.blind_weight)
        held = groups == group
        x = vectorizer.transform([r["x"] for r, h in zip(scored, held) if h])
        wrong[held] = model.predict_proba(x)[:, 0]
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rules", type=__import__("pathlib").Path, required=True)
    parser.add_argument("--source", choices=("train", "blind", "both"), default="both")
    parser.add_argument("--blind-weight", type=float, default=1.0)
    parser.add_argument("--adder-threshold", type=float, default=0.5)
    parser.add_argument("--threshold", type=float, default=0.8, help="shipped with the weights")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--show", action="store_true", help="list the blind drops at --threshold")
    args = parser.parse_args()
    reports = _load(ROOT / "corpus/train.jsonl")
    rules = _load(args.rules)
    rows = [
        row
        for k, r in reports.items()
        if r["lang"] == args.lang
        for row in rows_of(r, rules.get(k, {}), args.lang, False)
    ]
    old, added_rows, added_prob = blind_probabilities(
        reports, train_rows(reports, rules, args.lang, True), args.lang, True
    )
    blind = [row for k in old for row in rows_of(reports[k], old[k], args.lang, True)]
    print(
        f"{args.lang}: {len(rows)} train rows ({sum(not r['y'] for r in rows)} wrong), {len(blind)} blind rows ({sum(not r['y'] for r in blind)} wrong)"
    )
    wrong = held_out_wrong(rows, blind, blind, args)
    gold = {k: reports[k] for k in old}
    adder = with_added(old, added_rows, added_prob, args.adder_threshold)
    print(f"(b) blind, {len(gold)} reports; source {args.source}, blind weight {args.blind_weight}")
    print(f"  rules alone          {_names(gold, old)}")
    print(f"  rules + adder        {_names(gold, adder)}")
    for t in THRESHOLDS:
        print(f"  - remover p>={t:.2f}   {_names(gold, with_dropped(old, blind, wrong, t))}")
        both = with_added(with_dropped(old, blind, wrong, t), added_rows, added_prob, args.adder_threshold)
        print(f"    + adder            {_names(gold, both)}")
    if args.show:
        show(reports, old, blind, wrong, args.threshold)
    current = {k: v for k, v in reports.items() if v["lang"] == args.lang}
    train_wrong = held_out_wrong(rows, blind, rows, args)
    predicted = {k: rules[k] for k in current}
    print(f"(a) train, current rules, rounds held out: {len(current)} reports")
    print(f"  rules alone          {_names(current, predicted)}")
    for t in THRESHOLDS:
        print(f"  - remover p>={t:.2f}   {_names(current, with_dropped(predicted, rows, train_wrong, t))}")
    if args.write:
        write(rows + blind, args)


def show(
    reports: dict[str, dict], old: dict[str, dict], blind: list[dict], wrong: np.ndarray, threshold: float
) -> None:
    """The blind rows the remover would drop at ``threshold`` (train reports only)."""
    for row, p in zip(blind, wrong):
        if p >= threshold:
            name = old[row["id"]]["detainees"][row["index"]]["name"]
            gold = [d["name"] for d in reports[row["id"]]["detainees"] or []]
            print(f"  {'WRONG' if not row['y'] else 'right'} {p:.2f} {row['id']} {name!r} gold {gold}")


def write(rows: list[dict], args: argparse.Namespace) -> None:
    if args.source == "blind":
        rows = [r for r in rows if r["blind"]]
    vectorizer, model = fit(rows, args.blind_weight)
    head = {
        "about": "bench/train_remover.py wrote this from corpus/train.jsonl and corpus/blind; do not edit",
        "threshold": args.threshold,
        "last_threshold": max(args.threshold, LAST),
    }
    export(f"names_drop_{args.lang}.json", head, rows, vectorizer, model)


if __name__ == "__main__":
    main()
