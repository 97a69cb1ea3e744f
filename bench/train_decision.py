"""Train the learned arrest decision and write bot/core/analysis/data/decision_model.json.

Why: the rules score near 1.000 on the reports they were written from and far lower on
reports nobody has read, so their own output on train says nothing about how far to trust
them. Two honest sources do:

* the text model's out-of-fold probability: a logistic regression over word stems
  (``decision_features.text_terms``) trained with whole rounds held out (a round is an id
  prefix such as ``ru7``: one helper's batch from one kind of outlet), so each report is
  scored by a model that never saw its round;
* ``corpus/blind/*.jsonl``: what the rules of an earlier revision said about the train
  reports added after it, before any rule was written from them.

The stacked model (``decision_features.stack_features``) learns from those blind rows how
much the rules' verdict, the kinds of reason they gave and the text probability are worth.
It is evaluated by leaving out one round at a time; the figures are printed with the
rules-alone baseline on the same rows. The final text model is trained on all of train.

Needs scikit-learn (``pip install scikit-learn``; not a runtime dependency: the runtime
applies the exported weights in pure Python, and this script checks that it matches
scikit-learn on every train report before writing).

    PYTHONPATH=. python bench/train_decision.py [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.analysis.decision import bounded  # noqa: E402
from bot.core.analysis.decision_features import STEM_LENGTH, stack_features, text_terms  # noqa: E402

MODEL = ROOT / "bot/core/analysis/data/decision_model.json"
TEXT_C = 10.0  # weak regularisation: the vocabulary is sparse and most stems are rare
STACK_C = 1.0
MIN_DF = 3  # a stem seen in fewer train reports is a name or a place, not a fact of the language
FOLDS = 6


def _round(report_id: str) -> str:
    return re.sub(r"-\d+$", "", report_id)


def _text_model() -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(analyzer=lambda doc: text_terms(*doc), min_df=MIN_DF, binary=True)
    return vectorizer, LogisticRegression(C=TEXT_C, max_iter=5000, class_weight="balanced")


def _fit_text(docs: list[tuple[str, str]], labels: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer, model = _text_model()
    model.fit(vectorizer.fit_transform(docs), labels)
    return vectorizer, model


def out_of_fold_logits(docs: list[tuple[str, str]], labels: np.ndarray, groups: list[str]) -> np.ndarray:
    """Each report's text logit from a model trained without its round."""
    logits = np.zeros(len(docs))
    for train, held in GroupKFold(n_splits=FOLDS).split(docs, labels, groups):
        vectorizer, model = _fit_text([docs[i] for i in train], labels[train])
        logits[held] = model.decision_function(vectorizer.transform([docs[i] for i in held]))
    return logits


def blind_rows(reports: dict[str, dict], logits: dict[str, float]) -> list[dict]:
    """The blind outputs whose report is still in train, with the honest text logit joined.

    Rows the rules stopped at their pre-pass (score 0) are left out: the runtime does not
    consult the model for them either.
    """
    rows = []
    # stop*.jsonl only: names-*.jsonl are the term chooser's (people and terms, no score).
    for path in sorted((ROOT / "corpus/blind").glob("stop*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out = json.loads(line)
            report = reports.get(out["id"])
            if report is None or not out["score"]:
                continue
            features = stack_features(report["lang"], out["arrest"], out["score"], logits[out["id"]])
            rows.append(
                {
                    "id": out["id"],
                    "lang": report["lang"],
                    "gold": report["arrest"],
                    "rules": out["arrest"],
                    "score": out["score"],
                    "reasons": out["reasons"],
                    "x": features,
                }
            )
    return rows


def _scores(pred: np.ndarray, gold: np.ndarray) -> str:
    tp = int((pred & gold).sum())
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int(gold.sum()), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def evaluate_stack(rows: list[dict], names: list[str]) -> None:
    """Leave one round out: print rules alone and stacked, per language, on the blind rows."""
    x = np.array([[row["x"][n] for n in names] for row in rows])
    gold = np.array([row["gold"] for row in rows])
    rules = np.array([row["rules"] for row in rows])
    groups = [_round(row["id"]) for row in rows]
    prob = np.zeros(len(rows))
    for train, held in LeaveOneGroupOut().split(x, gold, groups):
        prob[held] = (
            LogisticRegression(C=STACK_C, max_iter=5000).fit(x[train], gold[train]).predict_proba(x[held])[:, 1]
        )
    # As the runtime applies it: within the rules' bounds (releases, the review floor).
    prob = np.array([bounded(p, row["score"], row["reasons"]) for p, row in zip(prob, rows)])
    langs = np.array([row["lang"] for row in rows])
    print(f"blind rows (rules past their pre-pass): {len(rows)}; leave-one-round-out:")
    for lang in ("en", "ru", "kk", None):
        mask = langs == lang if lang else np.ones(len(rows), bool)
        label = lang or "all"
        print(
            f"  {label:3} n={int(mask.sum()):4}  rules {_scores(rules[mask], gold[mask])}  |  learned {_scores(prob[mask] >= 0.5, gold[mask])}"
        )


def _check_parity(docs: list[tuple[str, str]], vectorizer: TfidfVectorizer, model: LogisticRegression) -> None:
    from bot.core.analysis.decision import DecisionModel

    runtime = DecisionModel.from_path(MODEL)
    expected = model.decision_function(vectorizer.transform(docs))
    worst = max(abs(runtime.text_logit(*doc) - e) for doc, e in zip(docs, expected))
    print(f"runtime vs scikit-learn text logits on {len(docs)} train reports: largest difference {worst:.2e}")
    if worst > 1e-6:
        raise SystemExit("the runtime does not reproduce scikit-learn: the model was not written correctly")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.relative_to(ROOT)}")
    args = parser.parse_args()
    reports = {}
    for line in (ROOT / "corpus/train.jsonl").read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        reports[report["id"]] = report
    ids = list(reports)
    docs = [(reports[i]["title"], reports[i]["text"]) for i in ids]
    labels = np.array([reports[i]["arrest"] for i in ids])
    logits = dict(zip(ids, out_of_fold_logits(docs, labels, [_round(i) for i in ids])))
    for lang in ("en", "ru", "kk"):
        mask = np.array([reports[i]["lang"] == lang for i in ids])
        pred = np.array([logits[i] >= 0 for i in ids])
        print(f"text model alone, rounds held out, {lang}: {_scores(pred[mask], labels[mask])}")
    rows = blind_rows(reports, logits)
    names = list(rows[0]["x"])
    evaluate_stack(rows, names)
    if not args.write:
        return
    stack = LogisticRegression(C=STACK_C, max_iter=5000).fit(
        np.array([[row["x"][n] for n in names] for row in rows]), np.array([row["gold"] for row in rows])
    )
    vectorizer, model = _fit_text(docs, labels)
    vocabulary = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
    exported = {
        "about": "bench/train_decision.py wrote this from corpus/train.jsonl and corpus/blind; do not edit",
        "stem_length": STEM_LENGTH,
        "text": {
            "intercept": float(model.intercept_[0]),
            # term → [idf, weight]: the runtime needs every idf for the L2 norm
            "terms": {t: [float(vectorizer.idf_[i]), float(model.coef_[0][i])] for t, i in vocabulary},
        },
        "stack": {"intercept": float(stack.intercept_[0]), "weights": dict(zip(names, map(float, stack.coef_[0])))},
    }
    MODEL.write_text(json.dumps(exported, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)}: {len(vocabulary)} terms, {MODEL.stat().st_size // 1024} KiB")
    print("stack weights:", ", ".join(f"{n} {w:+.2f}" for n, w in zip(names, stack.coef_[0])))
    _check_parity(docs, vectorizer, model)


if __name__ == "__main__":
    main()
