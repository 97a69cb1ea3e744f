"""The learned term chooser: each detainee's term weighed from where the report states it.

Why: the rules' term for a person scored near 1.000 on the reports they were written from
and far lower on reports nobody had read (a group's term stated once for all, one person's
term copied to another, terms phrased in a way no train report showed). Two models, learnt
by ``bench/train_terms.py``:

* the text model, a logistic regression over :mod:`bot.core.analysis.term_features` (where a
  term stands against the person, the words around it), learnt on every train arrest report's
  gold detainees, WITHOUT the rules' choice: trained beside the rules on the reports they were
  tuned on, it would only learn to trust them;
* the stack, learnt on what the rules of earlier revisions said about reports they had never
  seen (``corpus/blind/names-*.jsonl``), weighs the text model's logit against the rules'
  choice, so how far the rules are trusted is measured on unseen text only.

A candidate replaces the rules' term only when its probability beats theirs by a margin
chosen with whole rounds held out, one for each kind of change: giving a term where the rules
gave none ("add"), taking theirs away ("drop"), giving another ("swap"): on held-out rounds the
three were not alike (English: adding and dropping fixed far more than they broke, swapping
broke more than it fixed). A margin of 1 never changes. Languages whose held-out figures did not
improve are not in the shipped weights and keep the rules' terms.

Pure: the weights are package data, read once.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.core.analysis.result import Analysis, Detainee
from bot.core.analysis.term_features import candidates_at, person_words, read_document

# The margins tried on held-out rounds (bench/train_terms.py picks one per language and kind of
# change); 1.0 never changes (probabilities differ by less).
MARGINS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
KINDS = ("add", "drop", "swap")
# A text logit beyond this says nothing more.
LOGIT_LIMIT = 8.0


def stack_features(term: str | None, text_logit: float, rules_term: str | None) -> dict[str, float]:
    """The stack's inputs for giving ``term`` to a person the rules gave ``rules_term``."""
    logit = max(-LOGIT_LIMIT, min(LOGIT_LIMIT, text_logit))
    rules = float(term == rules_term)
    none = float(term is None)
    return {"text": logit, "rules": rules, "none": none, "rules_none": rules * none}


@dataclass(frozen=True)
class LanguageModel:
    """One language's exported weights."""

    margins: dict[str, float]  # by kind of change (KINDS)
    text_intercept: float
    text_weights: dict[str, float]
    stack_intercept: float
    stack_weights: dict[str, float]


@dataclass(frozen=True)
class TermModel:
    """The exported weights of every shipped language."""

    languages: dict[str, LanguageModel]

    @classmethod
    def from_json(cls, text: str) -> TermModel:
        data = json.loads(text)
        languages = {
            lang: LanguageModel(
                margins={kind: float(part["margins"][kind]) for kind in KINDS},
                text_intercept=float(part["text"]["intercept"]),
                text_weights={k: float(v) for k, v in part["text"]["weights"].items()},
                stack_intercept=float(part["stack"]["intercept"]),
                stack_weights={k: float(v) for k, v in part["stack"]["weights"].items()},
            )
            for lang, part in data["languages"].items()
        }
        return cls(languages)

    @classmethod
    def from_path(cls, path: Path) -> TermModel:
        return cls.from_json(path.read_text(encoding="utf-8"))

    def text_logit(self, lang: str, features: dict[str, float]) -> float:
        """The text model's log-odds that a candidate is the person's term."""
        model = self.languages[lang]
        weights = model.text_weights
        return model.text_intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, lang: str, term: str | None, text_logit: float, rules_term: str | None) -> float:
        """The stacked probability that ``term`` is the person's term."""
        model = self.languages[lang]
        features = stack_features(term, text_logit, rules_term)
        z = model.stack_intercept + sum(model.stack_weights.get(name, 0.0) * v for name, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def shipped_model() -> TermModel:
    """The weights shipped with the package (data/term_model.json)."""
    text = resources.files("bot.core.analysis").joinpath("data/term_model.json").read_text(encoding="utf-8")
    return TermModel.from_json(text)


def choose(
    model: TermModel, lang: str, found: list[tuple[str | None, dict[str, float]]], rules: str | None
) -> str | None:
    """The person's term among ``found`` (candidates and their features): the rules' own
    unless another beats it by the language's margin for that kind of change."""
    scored = [(model.probability(lang, term, model.text_logit(lang, f), rules), term) for term, f in found]
    own = next((p for p, term in scored if term == rules), None)
    best, term = max(scored, key=lambda pair: pair[0])
    if own is None or best - own <= model.languages[lang].margins[change_kind(rules, term)]:
        return rules
    return term


def change_kind(rules: str | None, term: str | None) -> str:
    """What giving ``term`` to a person the rules gave ``rules`` does (one of KINDS)."""
    return "add" if rules is None else "drop" if term is None else "swap"


def _never(margins: dict[str, float], rules: str | None) -> bool:
    """Whether no change of the rules' ``rules`` can meet its margin (each change's margin ≥ 1)."""
    kinds = ("add",) if rules is None else ("drop", "swap")
    return all(margins[kind] >= 1.0 for kind in kinds)


def choose_terms(result: Analysis, title: str, text: str, model: TermModel | None = None) -> Analysis:
    """``result`` with each detainee's term chosen by the learned model (its language's, if shipped)."""
    model = model or shipped_model()
    if result.lang not in model.languages or not result.detainees:
        return result
    margins = model.languages[result.lang].margins
    # A margin of 1 is never met: a person whose every possible change has it keeps the rules'
    # term unread (Russian people with a term: neither dropped nor swapped).
    fixed = [_never(margins, d.term) for d in result.detainees]
    if all(fixed):
        return result
    document = read_document(title, text, result.lang)
    if not document.mentions and all(d.term is None for d in result.detainees):
        return result  # no term stated, none given: nothing to choose (most reports)
    words = [person_words(document, d.name) for d in result.detainees]
    people: list[Detainee] = []
    for k, person in enumerate(result.detainees):
        if fixed[k]:
            people.append(person)
            continue
        found = candidates_at(document, words[k], words[:k] + words[k + 1 :], extra=person.term)
        people.append(replace(person, term=choose(model, result.lang, found, person.term)))
    changed = sum(a.term != b.term for a, b in zip(people, result.detainees))
    if not changed:
        return result
    return replace(result, detainees=tuple(people), reasons=(*result.reasons, f"terms:learned {changed}"))
