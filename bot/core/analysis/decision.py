"""The learned arrest decision: the rules' verdict weighed against the report's words.

Why: hand-written rules grown from single reports scored near 1.000 on those reports and
far lower on news nobody had read (false alerts on ordinary crime and world news told with
a civic word nearby, Kazakh most of all). The weights here are learnt
(``bench/train_decision.py``) from what the rules of earlier revisions said about reports
they had never seen, so they measure how far each kind of rule evidence can be trusted on
new text, not on the text the rules were written from.

The stage runs after a language's rules and only where those rules found a custody clause
to score: the bulk of news, stopped by the pre-pass, never pays for it, and an operator's
``[rules]`` (an excluded keyword, a watched name) stays decisive. Its probability becomes the
report's score, so the contract of every analysis (``arrest`` exactly when ``score`` ≥ 0.5,
doubtful from 0.35) holds, and its reason says how the decision was reached. A report the
rules would have posted or reviewed is never dropped by the weights: at worst it goes to
the operators' review queue.

Pure: the weights are package data, read once.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from bot.core.analysis.decision_features import LANGUAGES, stack_features, text_stems
from bot.core.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis

# Operator reasons that the learned weights must never overrule.
_OPERATOR_KINDS = ("excluded", "watchlist")
# The reason every language's rules give for a report that tells of a release.
_RELEASE = "negative:release"


@dataclass(frozen=True)
class TextModel:
    """One language's words model: a TF-IDF logistic regression over stems and stem pairs."""

    intercept: float
    # Per term (a stem, or a pair of adjacent stems as a tuple): idf² for the L2 norm and
    # idf × weight for the dot product, so applying the model is two sums over the known terms.
    idf_squared: dict[str | tuple[str, str], float]
    idf_weight: dict[str | tuple[str, str], float]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TextModel:
        idf_squared: dict[str | tuple[str, str], float] = {}
        idf_weight: dict[str | tuple[str, str], float] = {}
        for term, (idf, weight) in data["terms"].items():
            first, _, second = term.partition(" ")
            key: str | tuple[str, str] = (first, second) if second else first
            idf_squared[key] = float(idf) ** 2
            idf_weight[key] = float(idf) * float(weight)
        return cls(intercept=float(data["intercept"]), idf_squared=idf_squared, idf_weight=idf_weight)

    def known_terms(self, title: str, text: str) -> set[str | tuple[str, str]]:
        """The report's terms this model has a weight for."""
        stems = text_stems(title, text)
        # One set of terms and one intersection, built in C: only known terms reach the sums.
        return self.idf_weight.keys() & {*stems, *zip(stems, stems[1:])}

    def logit(self, title: str, text: str) -> float:
        """The log-odds that the report is an arrest report."""
        return self.logit_of(self.known_terms(title, text))

    def logit_of(self, known: set[str | tuple[str, str]]) -> float:
        """The log-odds from a report's known terms.

        Binary TF-IDF with L2 norm, as scikit-learn computes it: each known term present
        counts once, weighted by its idf.
        """
        if not known:
            return self.intercept
        norm = math.sqrt(sum(map(self.idf_squared.__getitem__, known)))
        return self.intercept + sum(map(self.idf_weight.__getitem__, known)) / norm


@dataclass(frozen=True)
class DecisionModel:
    """The exported weights: a words model per language, and the stacked model.

    One words model per language rather than one for all: on rounds held out the separate
    models did better in each language (blind rows, F1 en .918 → .923, ru .913 → .920,
    kk .756 → .768), the Kazakh most of all, whose few arrest reports were outweighed by
    the other two languages' vocabulary in a shared model.
    """

    text: dict[str, TextModel]
    stack_intercept: float
    stack_weights: dict[str, float]
    # Per language, the log-odds added so that its own threshold falls at 0.5: shipped only
    # where a threshold chosen on some rounds beat 0.5 on the others (none does yet).
    offsets: dict[str, float]
    # Below this many known terms the words are not weighed at all and the rules' verdict
    # stands. The words models were learnt from whole news reports (a Kazakh report in train
    # has 20 or more known terms in 99 cases of 100); a one-line Telegram post or a feed
    # summary has a handful, and there the language's prior outweighs the little evidence
    # (a clear "activist X was detained" in Kazakh read 0.14 from its words alone).
    min_known_terms: int = 0
    # Per language, the rules' score from which the words may not veto the rules' alert,
    # under the same condition (none yet).
    guards: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> DecisionModel:
        data = json.loads(text)
        return cls(
            text={lang: TextModel.from_data(model) for lang, model in data["text"].items()},
            stack_intercept=float(data["stack"]["intercept"]),
            stack_weights={k: float(v) for k, v in data["stack"]["weights"].items()},
            offsets={k: float(v) for k, v in data["stack"].get("offsets", {}).items()},
            min_known_terms=int(data.get("min_known_terms", 0)),
            guards={k: float(v) for k, v in data["stack"].get("guards", {}).items()},
        )

    @classmethod
    def from_path(cls, path: Path) -> DecisionModel:
        return cls.from_json(path.read_text(encoding="utf-8"))

    def text_logit(self, lang: str, title: str, text: str) -> float:
        """The words model of ``lang``: log-odds that the report is an arrest report."""
        return self.text[lang].logit(title, text)

    def probability(self, result: Analysis, text_logit: float) -> float:
        """The stacked probability that ``result``'s report is an arrest report."""
        features = stack_features(result.lang, result.arrest, result.score, text_logit)
        z = (
            self.stack_intercept
            + self.offsets.get(result.lang, 0.0)
            + sum(self.stack_weights.get(name, 0.0) * value for name, value in features.items())
        )
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def shipped_model() -> DecisionModel:
    """The weights shipped with the package (data/decision_model.json)."""
    text = resources.files("bot.core.analysis").joinpath("data/decision_model.json").read_text(encoding="utf-8")
    return DecisionModel.from_json(text)


def consults_model(result: Analysis) -> bool:
    """Whether the learned decision applies: the rules scored a custody clause, no operator rule decided."""
    if result.score <= 0.0 or result.lang not in LANGUAGES:
        return False
    return not any(reason.split(":", 1)[0] in _OPERATOR_KINDS for reason in result.reasons)


def bounded(probability: float, rules_score: float, reasons: tuple[str, ...] | list[str]) -> float:
    """The learned probability within the bounds the rules set for it.

    A release is never raised: its people go to the release follow-up, and the words of a
    release ("arrested", "15 days", "activist") say arrest. A report the rules would post or
    review is never dropped below review: at worst an operator sees it, with its people.
    """
    if any(reason.startswith(_RELEASE) for reason in reasons):
        probability = min(probability, rules_score)
    if rules_score >= REVIEW_FLOOR:
        probability = max(probability, REVIEW_FLOOR)
    return probability


def decide(result: Analysis, title: str, text: str, model: DecisionModel | None = None) -> Analysis:
    """``result`` with the learned decision: its score, verdict, people and a reason."""
    if not consults_model(result):
        return result
    model = model or shipped_model()
    words = model.text[result.lang]
    known = words.known_terms(title, text)
    if len(known) < model.min_known_terms:
        return replace(result, reasons=(*result.reasons, f"learned:none ({len(known)} known words, too few to weigh)"))
    logit = words.logit_of(known)
    probability = round(model.probability(result, logit), 3)
    probability = bounded(probability, result.score, result.reasons)
    guard = model.guards.get(result.lang)
    if guard is not None and result.arrest and result.score >= guard:
        probability = max(probability, ARREST_THRESHOLD)
    arrest = probability >= ARREST_THRESHOLD
    detainees = result.detainees if probability >= REVIEW_FLOOR else ()
    text_probability = 1.0 / (1.0 + math.exp(-logit))
    reason = f"learned:{probability:.2f} (rules {result.score:.2f}, words {text_probability:.2f})"
    return replace(result, arrest=arrest, score=probability, detainees=detainees, reasons=(*result.reasons, reason))
