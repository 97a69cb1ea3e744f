"""The learned names remover: detainees the rules listed whose context says they were not taken.

Why: on reports nobody had read (the train rounds added after each revision,
``corpus/blind/names-*.jsonl``) the rules named many people who were not detainees: the
judge, the lawyer or the official quoted beside the custody word, the person whose
relative or organisation the report is about. This stage weighs each detainee the rules
listed by the words around their mentions (the adder's context features,
:mod:`bot.core.analysis.name_features`, never the name's own words, plus the few below),
with weights learnt by ``bench/train_remover.py``, and drops those whose probability of
being wrong is at or above the shipped threshold.

Guards: only the rules' own detainees are weighed (never the adder's, which come after
them); the last detainee of a report is kept unless the model is very sure
(``last_threshold``), since the report's arrest may rest on that person. A drop is visible
in the reasons (``names:dropped <n>``).

Pure: the weights are package data, read once.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol

from bot.core.analysis.name_features import Candidate, Report, Span, person_features, probability
from bot.core.analysis.result import Analysis

# The reason of a result with dropped people: "names:dropped <n>".
DROPPED_REASON = "names:dropped "
# Words just after a mention that make it a possessor or the head of a relative clause
# ("X's lawyer", "X, whose son", "Х, чей сын", "Х, который заявил").
_POSSESSIVE = re.compile(r"^\s*(?:['’]s\b|,\s*(?:whose|чей|чья|чьё|чьи)\b)", re.IGNORECASE)
# English mentions keep their possessive ending ("Bekov's").
_OWN_POSSESSIVE = re.compile(r"['’]s$")
_RELATIVE = re.compile(r"^\s*,\s*(?:who|which|котор\w*)\b", re.IGNORECASE)
# The start of a word just before a mention that names an office, not a detainee's role.
_OFFICE = re.compile(
    r"\b(?:judge|prosecutor|lawyer|attorney|advocate|minister|president|spokes\w*|official|governor|mayor"
    r"|ambassador|investigator|chairman|deputy|судь\w*|прокурор\w*|адвокат\w*|защитник\w*|министр\w*"
    r"|президент\w*|представител\w*|следовател\w*|губернатор\w*|аким\w*|посол\w*|председател\w*"
    r"|депутат\w*)\W*$",
    re.IGNORECASE,
)
# Words just after a mention that make them a speaker ("X said", "Х заявил").
_SPEAKER = re.compile(
    r"^\s*,?\s*(?:said|says|told|added|stated|explained|заявил\w*|сказал\w*|сообщил\w*|отметил\w*|рассказал\w*"
    r"|пояснил\w*)\b",
    re.IGNORECASE,
)
_BEFORE = 40  # characters before a mention read for an office word
_NEAR = 60  # characters either side of a mention read for a custody word (its subject or object)


class Searcher(Protocol):
    """A compiled regex, or a pack's pre-pass hint of several."""

    def search(self, text: str, /) -> object: ...


@dataclass(frozen=True)
class RemoverModel:
    """Exported weights (a logistic regression for "a right detainee") and the thresholds on
    the probability of being wrong: any detainee, and the last one of a report."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    last_threshold: float

    @classmethod
    def from_json(cls, text: str) -> RemoverModel:
        data = json.loads(text)
        weights = {k: float(v) for k, v in data["weights"].items()}
        return cls(float(data["intercept"]), weights, float(data["threshold"]), float(data["last_threshold"]))

    def wrong(self, features: dict[str, float]) -> float:
        """The probability that the detainee with ``features`` is not one."""
        return 1.0 - probability(self.weights, self.intercept, features)


@lru_cache(maxsize=4)
def shipped_model(lang: str) -> RemoverModel | None:
    """The weights shipped for ``lang`` (data/names_drop_<lang>.json), None when there are none."""
    path = resources.files("bot.core.analysis").joinpath(f"data/names_drop_{lang}.json")
    if not path.is_file():
        return None
    return RemoverModel.from_json(path.read_text(encoding="utf-8"))


def listed_candidates(report: Report, names: Sequence[str]) -> list[Candidate]:
    """One candidate per name the rules listed, with every mention the adapter tied to it."""
    out = []
    for name in names:
        spans = tuple(sorted((s for s, n in report.listed.items() if n == name), key=lambda s: (s.sentence, s.start)))
        out.append(Candidate(name, spans))
    return out


def custody_words(lang: str) -> Searcher:
    """The custody words of ``lang``'s pack, matched in lower-cased text."""
    if lang == "en":
        from bot.core.analysis.name_people import english_custody

        return english_custody()
    from bot.core.analysis.packs import ru as vocab

    return vocab.CUSTODY_HINT_RE


def remover_features(report: Report, candidate: Candidate, listed: int, custody: Searcher) -> dict[str, float]:
    """The adder's context features of one listed detainee, and the remover's own."""
    features = person_features(report, candidate) if candidate.spans else {"unfound": 1.0}
    features["alone"] = 1.0 if listed == 1 else 0.0
    features["listed_n"] = math.log1p(listed)
    for span in candidate.spans:
        _span_features(report, span, features, custody)
    return features


def _span_features(report: Report, span: Span, features: dict[str, float], custody: Searcher) -> None:
    sentence = report.sentences[span.sentence]
    after, before = sentence[span.end :], sentence[max(0, span.start - _BEFORE) : span.start]
    if custody.search(after[:_NEAR].lower()):
        features["custody_after"] = 1.0
    if custody.search(sentence[max(0, span.start - _NEAR) : span.start].lower()):
        features["custody_before"] = 1.0
    if _POSSESSIVE.match(after) or _OWN_POSSESSIVE.search(sentence[span.start : span.end]):
        features["possessive"] = 1.0
    if _RELATIVE.match(after):
        features["relative"] = 1.0
    if _SPEAKER.match(after):
        features["speaker"] = 1.0
    if _OFFICE.search(before):
        features["office_before"] = 1.0


def to_drop(wrong: Sequence[float], model: RemoverModel) -> set[int]:
    """The indexes to drop given each detainee's probability of being wrong: those at or above
    the threshold, but never every one unless each is at or above ``last_threshold``."""
    drop = {i for i, p in enumerate(wrong) if p >= model.threshold}
    if wrong and len(drop) == len(wrong) and not all(p >= model.last_threshold for p in wrong):
        drop.discard(min(drop, key=lambda i: wrong[i]))
    return drop


def remove_names(
    result: Analysis, title: str, text: str, added: int = 0, model: RemoverModel | None = None
) -> Analysis:
    """``result`` without the rules' detainees the model finds wrong; the last ``added``
    detainees (the adder's) are neither weighed nor dropped."""
    from bot.core.analysis.name_adder import people_of

    model = model or shipped_model(result.lang)
    rules = result.detainees[: len(result.detainees) - added]
    if model is None or not result.arrest or not rules:
        return result
    names = [d.name for d in rules]
    report, _ = people_of(result.lang, title, text, tuple(names))
    custody = custody_words(result.lang)
    candidates = listed_candidates(report, names)
    wrong = [model.wrong(remover_features(report, c, len(names), custody)) for c in candidates]
    drop = to_drop(wrong, model)
    if not drop:
        return result
    kept = tuple(d for i, d in enumerate(rules) if i not in drop) + result.detainees[len(rules) :]
    return replace(result, detainees=kept, reasons=(*result.reasons, f"{DROPPED_REASON}{len(drop)}"))
