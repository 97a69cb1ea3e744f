"""The learned names adder: people of an arrest report the rules did not link to the custody.

Why: the rules link a detainee to the custody in the shapes of the reports they were
written from. On reports nobody had read (the train rounds added after each revision), most
of the gold names they missed were members of lists ("the arrestees include A, B and C";
"the homes of A, B and C were searched. All of them were detained"). This stage weighs
every other person of a report the rules call an arrest by the words around their mentions
(:mod:`bot.core.analysis.name_features`), with weights learnt by ``bench/train_names.py``,
and lists those at or above the shipped threshold.

Never added: an official of data/officials.toml, a person the rules already list. An added
person gets a term only when the sentence that names them states exactly one custodial term.
It runs after the enumeration stage and only on arrest reports, so most news never pays.

Pure: the weights are package data, read once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from bot.core.analysis.kk_adder_people import kazakh_people
from bot.core.analysis.name_features import Report, person_features, probability
from bot.core.analysis.name_people import Person, english_people, russian_people
from bot.core.analysis.result import Analysis, Detainee

Adapter = Callable[[str, str, Sequence[str]], tuple[Report, list[Person]]]
_ADAPTERS: dict[str, Adapter] = {"en": english_people, "ru": russian_people, "kk": kazakh_people}
# The reason of a result with added people: "learned-names:<n>", the last n detainees.
ADDED_REASON = "learned-names:"


@dataclass(frozen=True)
class NamesModel:
    """Exported weights: a logistic regression over context features, and its threshold."""

    intercept: float
    weights: dict[str, float]
    threshold: float

    @classmethod
    def from_json(cls, text: str) -> NamesModel:
        data = json.loads(text)
        weights = {k: float(v) for k, v in data["weights"].items()}
        return cls(float(data["intercept"]), weights, float(data["threshold"]))


def adapter(lang: str) -> Adapter:
    """The function that finds the people of a report in ``lang``."""
    return _ADAPTERS[lang]


@lru_cache(maxsize=4)
def shipped_model(lang: str) -> NamesModel | None:
    """The weights shipped for ``lang`` (data/names_<lang>.json), None when there are none."""
    path = resources.files("bot.core.analysis").joinpath(f"data/names_{lang}.json")
    if lang not in _ADAPTERS or not path.is_file():
        return None
    return NamesModel.from_json(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def people_of(lang: str, title: str, text: str, listed: tuple[str, ...]) -> tuple[Report, tuple[Person, ...]]:
    """The report and its people as ``lang``'s adapter finds them, given the rules' names:
    kept for the names remover, which reads the same report with the same names."""
    report, people = _ADAPTERS[lang](title, text, listed)
    return report, tuple(people)


def addable(person: Person, listed: Sequence[str], lang: str) -> bool:
    """Whether ``person`` may be added: not listed already, and no official."""
    from bot.core.analysis.organisations import is_official

    return not person.listed and person.candidate.name not in listed and not is_official(person.candidate.name)


def add_names(result: Analysis, title: str, text: str, model: NamesModel | None = None) -> Analysis:
    """``result`` with the people the model links to the custody added (arrest reports only)."""
    if not result.arrest or result.lang not in _ADAPTERS:
        return result
    model = model or shipped_model(result.lang)
    if model is None:
        return result
    listed = [d.name for d in result.detainees]
    report, people = people_of(result.lang, title, text, tuple(listed))
    added = [
        Detainee(person.candidate.name, term_of(report, person, result.lang))
        for person in people
        if addable(person, listed, result.lang)
        and probability(model.weights, model.intercept, person_features(report, person.candidate)) >= model.threshold
    ]
    if not added:
        return result
    reasons = (*result.reasons, f"{ADDED_REASON}{len(added)}")
    return replace(result, detainees=(*result.detainees, *added), reasons=reasons)


def term_of(report: Report, person: Person, lang: str) -> str | None:
    """The one custodial term of the first sentence naming ``person`` that states any.

    The term the rules gave the people listed with them was tried as a fallback: on the
    blind rounds it set one more term right of 62 (bench/train_names.py), not worth a rule.
    """
    for index in sorted({span.sentence for span in person.candidate.spans}):
        found = _terms(report.sentences[index], lang)
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _terms(sentence: str, lang: str) -> set[str | None]:
    """The distinct custodial terms ``sentence`` states, by the language's term parser."""
    if lang == "en":
        from bot.core.analysis.en_terms import find_terms

        return {span.term for span in find_terms(sentence)}
    from razdel import tokenize

    from bot.core.analysis.ru_terms import find_terms as find_ru_terms

    return {term.value for term in find_ru_terms([t.text for t in tokenize(sentence)], lang)}
