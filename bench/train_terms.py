"""Train the learned term chooser and write bot/core/analysis/data/term_model.json.

Why: the rules' choice of a detainee's term is near-perfect on train (they were tuned there)
and far weaker on reports nobody had read. A model trained on train alone would learn "trust
the rules". So, as the arrest decision does (``bench/train_decision.py``), two stages:

* the TEXT model scores each candidate (every custodial term the report states, and no term)
  for each gold detainee of every train arrest report, from where the term stands against the
  person (``bot/core/analysis/term_features.py``), without the rules' choice. Its logit for a
  report comes from a model trained without that report's round (a round is an id prefix such
  as ``en7``: one helper's batch, one kind of outlet);
* the STACK learns, on ``corpus/blind/names-*.jsonl`` (what the rules of an earlier revision
  said about train reports added after it, before any rule was written from them), how much
  the text logit and the rules' choice are each worth on unseen text.

Honest evaluation: leave one blind round out (stack trained without it, text logits already
out of its round), scored as (name, term) F1 against the old rules' own terms on the same rows;
the margins by which a candidate must beat the rules' choice (one for each kind of change:
add a term, drop one, swap one for another) are chosen there. A language is
shipped only where it helps (``--languages``).

Needs scikit-learn; the runtime applies the exported weights in pure Python, and this script
checks that it reproduces scikit-learn before writing.

    PYTHONPATH=. python bench/train_terms.py [--write --languages en,ru]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/work/shared/eval")

from score import canon_term, match_people, score  # noqa: E402

from bot.core.analysis.term_chooser import KINDS, MARGINS, TermModel, change_kind, stack_features  # noqa: E402
from bot.core.analysis.term_features import candidates, read_document  # noqa: E402

MODEL = ROOT / "bot/core/analysis/data/term_model.json"
TEXT_C = 0.3
STACK_C = 1.0
FOLDS = 6
LANGUAGES = ("en", "ru", "kk")


@dataclass
class Choice:
    """One person's candidates: terms, features, labels, and (on blind rows) the rules' choice."""

    report: str
    round: str
    terms: list[str | None]
    features: list[dict[str, float]]
    labels: list[bool]
    rules: str | None = None
    blind: tuple[int, int] | None = None  # (row, detainee) in the blind outputs
    logits: list[float] = field(default_factory=list)


def _round(report_id: str) -> str:
    return re.sub(r"-\d+$", "", report_id)


def _choice(doc, report, name, others, gold_term, rules=None, blind=None) -> Choice:  # noqa: ANN001
    found = candidates(doc, name, others, extra=rules)
    terms = [term for term, _ in found]
    labels = [canon_term(term) == canon_term(gold_term) for term in terms]
    return Choice(report["id"], _round(report["id"]), terms, [f for _, f in found], labels, rules, blind)


def train_choices(reports: dict[str, dict], lang: str, docs: dict) -> list[Choice]:
    """Every gold detainee of every train arrest report in ``lang``."""
    out = []
    for report in reports.values():
        if report["lang"] != lang or not report["arrest"] or not report["detainees"]:
            continue
        doc = docs.setdefault(report["id"], read_document(report["title"], report["text"], lang))
        names = [d["name"] for d in report["detainees"]]
        for k, person in enumerate(report["detainees"]):
            out.append(_choice(doc, report, person["name"], names[:k] + names[k + 1 :], person["term"]))
    return out


def blind_choices(reports: dict[str, dict], rows: list[dict], lang: str, docs: dict) -> list[Choice]:
    """Each person the old rules found in a blind report that both they and gold call an arrest,
    matched to a gold detainee (the only people whose term counts)."""
    out = []
    for r, row in enumerate(rows):
        report = reports.get(row["id"])
        if report is None or report["lang"] != lang or not (row["arrest"] and report["arrest"]):
            continue
        doc = docs.setdefault(report["id"], read_document(report["title"], report["text"], lang))
        names = [d["name"] for d in row["detainees"]]
        for pred, gold in match_people(row["detainees"], report["detainees"]):
            k = row["detainees"].index(pred)
            others = names[:k] + names[k + 1 :]
            out.append(_choice(doc, report, pred["name"], others, gold["term"], pred["term"], (r, k)))
    return out


def _fit_text(choices: list[Choice]) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for c in choices for f in c.features])
    y = np.array([label for c in choices for label in c.labels])
    return vectorizer, LogisticRegression(C=TEXT_C, max_iter=5000).fit(x, y)


def _apply_text(model: tuple[DictVectorizer, LogisticRegression], choices: list[Choice]) -> None:
    vectorizer, lr = model
    for c in choices:
        c.logits = list(lr.decision_function(vectorizer.transform(c.features)))


def out_of_fold(train: list[Choice], blind: list[Choice]) -> None:
    """Text logits for every choice from a model trained without its round."""
    rounds = sorted({c.round for c in train})
    folds = GroupKFold(n_splits=min(FOLDS, len(rounds))).split(rounds, groups=rounds)
    for _, held in folds:
        out = {rounds[i] for i in held}
        model = _fit_text([c for c in train if c.round not in out])
        _apply_text(model, [c for c in train + blind if c.round in out])


def _stack_x(choices: list[Choice]) -> tuple[np.ndarray, np.ndarray]:
    rows = [stack_features(t, logit, c.rules) for c in choices for t, logit in zip(c.terms, c.logits)]
    names = list(rows[0])
    return np.array([[r[n] for n in names] for r in rows]), np.array([y for c in choices for y in c.labels])


def chosen(c: Choice, probabilities: list[float], margins: dict[str, float]) -> str | None:
    """The best candidate, where it beats the rules' choice by more than its kind's margin."""
    best = max(range(len(c.terms)), key=probabilities.__getitem__)
    rules = next(i for i, t in enumerate(c.terms) if canon_term(t) == canon_term(c.rules))
    margin = margins[change_kind(c.rules, c.terms[best])]
    return c.terms[best] if probabilities[best] - probabilities[rules] > margin else c.rules


def leave_round_out(blind: list[Choice]) -> list[list[float]]:
    """Each blind choice's stacked probabilities from a stack trained without its round."""
    out: list[list[float]] = [[] for _ in blind]
    for held in sorted({c.round for c in blind}):
        x, y = _stack_x([c for c in blind if c.round != held])
        lr = LogisticRegression(C=STACK_C, max_iter=5000).fit(x, y)
        for k, c in enumerate(blind):
            if c.round == held:
                out[k] = list(lr.predict_proba(_stack_x([c])[0])[:, 1])
    return out


def blind_f1(reports: dict, rows: list[dict], lang: str, terms: dict[tuple[int, int], str | None]) -> dict:
    """(name, term) and names scores of the blind rows of ``lang`` with ``terms`` replacing the rules'."""
    pred = {}
    for r, row in enumerate(rows):
        people = [dict(d, term=terms.get((r, k), d["term"])) for k, d in enumerate(row["detainees"])]
        pred[row["id"]] = dict(row, protest=False, detainees=people)
    gold = {i: dict(reports[i], protest=False) for i in pred if i in reports and reports[i]["lang"] == lang}
    return score(gold, pred)[0]["name_term"]


def _right(choices: list[Choice], picks: list[str | None]) -> int:
    """How many people ``picks`` gives the gold term."""
    return sum(
        c.labels[next(i for i, t in enumerate(c.terms) if canon_term(t) == canon_term(p))]
        for c, p in zip(choices, picks)
    )


def best_margins(blind: list[Choice], probabilities: list[list[float]], verbose: bool = False) -> dict[str, float]:
    """The margin of each kind of change with the most terms right (ties: the larger margin).

    Each kind of change touches other people, so each margin is chosen on its own; the
    (name, term) F1 rises with the terms right (the people are the same).
    """
    never = dict.fromkeys(KINDS, MARGINS[-1])
    rules_right = _right(blind, [c.rules for c in blind])
    margins = dict(never)
    for kind in KINDS:
        scores = [
            _right(blind, [chosen(c, p, {**never, kind: m}) for c, p in zip(blind, probabilities)]) for m in MARGINS
        ]
        margins[kind] = max(zip(scores, MARGINS))[1]
        if verbose:
            tried = ", ".join(f"{m:.2f}: {r - rules_right:+d}" for m, r in zip(MARGINS, scores))
            print(f"    {kind}: terms right against the rules by margin: {tried}")
    return margins


def evaluate(reports: dict, rows: list[dict], lang: str, train: list[Choice], blind: list[Choice]) -> dict[str, float]:
    """Print the honest figures for ``lang``; return the margins chosen on the held-out rounds.

    The figure printed is nested: each round's people are changed with the margins chosen on
    the other rounds (and a stack trained without it).
    """
    text_right = sum(c.labels[int(np.argmax(c.logits))] for c in train)
    print(f"[{lang}] text model, rounds held out, gold names: {text_right}/{len(train)} terms right")
    if not blind:
        return dict.fromkeys(KINDS, MARGINS[-1])
    probabilities = leave_round_out(blind)
    base = blind_f1(reports, rows, lang, {})
    print(
        f"[{lang}] blind: {len(blind)} matched people; rules {_right(blind, [c.rules for c in blind])} right, F1 {base['f1']:.3f}"
    )
    margins = best_margins(blind, probabilities, verbose=True)
    picks: list[str | None] = [None] * len(blind)
    for held in sorted({c.round for c in blind}):
        rest = [k for k, c in enumerate(blind) if c.round != held]
        chosen_here = best_margins([blind[k] for k in rest], [probabilities[k] for k in rest])
        for k, c in enumerate(blind):
            if c.round == held:
                picks[k] = chosen(c, probabilities[k], chosen_here)
    result = blind_f1(reports, rows, lang, {c.blind: t for c, t in zip(blind, picks) if c.blind})
    changed = sum(canon_term(t) != canon_term(c.rules) for c, t in zip(blind, picks))
    print(
        f"[{lang}] learned, margins and stack without the round: {_right(blind, picks)} right, {changed} changed, F1 {result['f1']:.3f}"
    )
    return margins


def _export(train: list[Choice], blind: list[Choice], margins: dict[str, float]) -> dict:
    vectorizer, lr = _fit_text(train)
    _apply_text((vectorizer, lr), train + blind)
    x, y = _stack_x(blind)
    stack = LogisticRegression(C=STACK_C, max_iter=5000).fit(x, y)
    names = list(stack_features(None, 0.0, None))
    weights = {n: float(w) for n, w in zip(vectorizer.get_feature_names_out(), lr.coef_[0]) if w}
    return {
        "margins": margins,
        "text": {"intercept": float(lr.intercept_[0]), "weights": weights},
        "stack": {"intercept": float(stack.intercept_[0]), "weights": dict(zip(names, map(float, stack.coef_[0])))},
    }


def _check_parity(model: TermModel, lang: str, choices: list[Choice]) -> None:
    worst = max(abs(model.text_logit(lang, f) - e) for c in choices for f, e in zip(c.features, c.logits))
    print(f"[{lang}] runtime vs scikit-learn text logits: largest difference {worst:.2e}")
    if worst > 1e-6 or not all(math.isfinite(e) for c in choices for e in c.logits):
        raise SystemExit("the runtime does not reproduce scikit-learn: the model was not written correctly")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.relative_to(ROOT)}")
    parser.add_argument("--languages", default="en,ru", help="the languages to ship (comma-separated)")
    args = parser.parse_args()
    reports = {r["id"]: r for r in map(json.loads, (ROOT / "corpus/train.jsonl").read_text("utf-8").splitlines())}
    rows = [
        json.loads(line)
        for path in sorted((ROOT / "corpus/blind").glob("names-*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    exported, docs, sets = {}, {}, {}
    for lang in LANGUAGES:
        train, blind = train_choices(reports, lang, docs), blind_choices(reports, rows, lang, docs)
        out_of_fold(train, blind)
        margins = evaluate(reports, rows, lang, train, blind)
        print(f"[{lang}] margins chosen on held-out rounds: {margins}")
        if args.write and lang in args.languages.split(","):
            exported[lang] = _export(train, blind, margins)
            sets[lang] = train
    if not args.write:
        return
    about = "bench/train_terms.py wrote this from corpus/train.jsonl and corpus/blind/names-*; do not edit"
    MODEL.write_text(json.dumps({"about": about, "languages": exported}, ensure_ascii=False, indent=0) + "\n", "utf-8")
    model = TermModel.from_path(MODEL)
    for lang, train in sets.items():
        _check_parity(model, lang, train)
    print(f"wrote {MODEL.relative_to(ROOT)} ({MODEL.stat().st_size // 1024} KiB): {', '.join(exported)}")


if __name__ == "__main__":
    main()
