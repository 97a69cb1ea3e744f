"""The learned names adder: the other people of an arrest report, weighed by their context.

Sentences of our own writing. Small hand-built models check the arithmetic and the guards
(officials, people already listed, terms); the shipped weights are checked for the
features the module builds and on a plain list linked to the custody.
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources

import pytest

from bot.core.analysis.engine import analyze
from bot.core.analysis.name_adder import ADDED_REASON, NamesModel, adapter, add_names, shipped_model
from bot.core.analysis.name_features import person_features, probability
from bot.core.analysis.result import Analysis, Detainee

# "detained" in the next sentence and a list: enough for this model, nothing else is.
_LINKED = NamesModel(intercept=-3.0, weights={"n=detai": 4.0, "n=задер": 4.0, "list": 1.0}, threshold=0.5)
_EVERYONE = NamesModel(intercept=5.0, weights={}, threshold=0.5)

_SEARCHED = "Officers searched the flats of the bloggers Marat Zhunusov, Dana Abenova and Yerlan Kapparov on Monday."


def _arrest(lang: str, names: list[str], term: str | None = None) -> Analysis:
    return Analysis(arrest=True, protest=False, lang=lang, detainees=tuple(Detainee(n, term) for n in names), score=0.9)


def _names(result: Analysis) -> dict[str, str | None]:
    return {d.name: d.term for d in result.detainees}


def test_a_list_linked_to_custody_in_the_next_sentence_gains_its_members() -> None:
    text = f"{_SEARCHED} All of them were detained and taken to the police. Aliya Sarsen was jailed for ten days."
    result = add_names(_arrest("en", ["Aliya Sarsen"], "10 days"), "Bloggers detained", text, _LINKED)
    assert _names(result) == {
        "Aliya Sarsen": "10 days",
        "Marat Zhunusov": None,
        "Dana Abenova": None,
        "Yerlan Kapparov": None,
    }
    assert result.reasons[-1] == f"{ADDED_REASON}3"


def test_a_list_searched_only_gains_nobody() -> None:
    text = f"{_SEARCHED} They were questioned as witnesses and went home. Aliya Sarsen was jailed for ten days."
    result = add_names(_arrest("en", ["Aliya Sarsen"], "10 days"), "Blogger jailed", text, _LINKED)
    assert _names(result) == {"Aliya Sarsen": "10 days"}
    assert result.reasons == ()


def test_officials_and_people_already_listed_are_never_added() -> None:
    text = (
        "Vladimir Putin met Alexander Lukashenko in Minsk. Police detained the activist Aliya Sarsen "
        "at the airport. A court jailed Aliya Sarsen for ten days."
    )
    result = add_names(_arrest("en", ["Aliya Sarsen"]), "Activist held", text, _EVERYONE)
    assert _names(result) == {"Aliya Sarsen": None}


def test_a_term_only_when_the_sentence_states_exactly_one() -> None:
    text = (
        "Marat Zhunusov and Dana Abenova were jailed for 15 days. "
        "Yerlan Kapparov got ten days and Aliya Sarsen got five days. "
        "Timur Bekov was detained too."
    )
    result = add_names(_arrest("en", []), "Protesters jailed", text, _EVERYONE)
    assert _names(result) == {
        "Marat Zhunusov": "15 days",
        "Dana Abenova": "15 days",
        "Yerlan Kapparov": None,
        "Aliya Sarsen": None,
        "Timur Bekov": None,
    }


def test_no_report_but_an_arrest_is_touched() -> None:
    text = f"{_SEARCHED} All of them were detained."
    quiet = Analysis(arrest=False, protest=False, lang="en", score=0.2)
    assert add_names(quiet, "", text, _EVERYONE) is quiet
    # The Kazakh finder reads Cyrillic: an English text has no Kazakh people.
    kazakh = _arrest("kk", [])
    assert add_names(kazakh, "", text, _EVERYONE) is kazakh


def test_russian_list_gains_its_members_in_the_nominative() -> None:
    text = (
        "Полиция провела обыски у блогеров Марата Жунусова, Даны Абеновой и Ерлана Каппарова. "
        "Все они были задержаны и доставлены в отдел полиции."
    )
    result = add_names(_arrest("ru", []), "Обыски у блогеров", text, _LINKED)
    assert _names(result) == {"Марат Жунусов": None, "Дана Абенова": None, "Ерлан Каппаров": None}


def test_russian_people_already_listed_are_not_added_again() -> None:
    text = "Суд арестовал журналиста Марата Жунусова на 10 суток. Его коллега Дана Абенова была задержана."
    result = add_names(_arrest("ru", ["Марат Жунусов"], "10 days"), "", text, _EVERYONE)
    assert _names(result) == {"Марат Жунусов": "10 days", "Дана Абенова": None}


def test_features_never_hold_the_persons_own_words() -> None:
    text = f"{_SEARCHED} All of them were detained."
    report, people = adapter("en")("Bloggers detained", text, [])
    for person in people:
        features = person_features(report, person.candidate)
        words = {w.lower()[:5] for p in people for w in p.candidate.name.split()}
        assert not any(name.split("=", 1)[-1] in words for name in features), person.candidate.name
        assert {"list", "list3", "n=detai"} <= features.keys()


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    weights = {"a": 0.5, "b": -2.0}
    assert probability(weights, 0.25, {"a": 1.0, "b": 0.5, "unknown": 9.0}) == pytest.approx(
        1.0 / (1.0 + math.exp(-(0.25 + 0.5 - 1.0)))
    )


_FEATURE = re.compile(
    r"^(?:[ab][123]|s|n)=.+$|^(?:list|list3|list_listed|sentence_listed|role_before|custody|"
    r"next_custody|prev_custody|title|early|mentions|titled)$"
)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_shipped_weights_name_the_features_the_module_builds(lang: str) -> None:
    data = json.loads(resources.files("bot.core.analysis").joinpath(f"data/names_{lang}.json").read_text("utf-8"))
    assert 0.0 < data["threshold"] < 1.0
    strange = [name for name in data["weights"] if not _FEATURE.match(name)]
    assert not strange
    model = shipped_model(lang)
    assert model is not None and model.weights["list"] != 0.0


def test_shipped_russian_weights_add_a_list_the_next_sentence_detains_not_a_minister() -> None:
    searched = (
        "Полиция провела обыски у блогеров Марата Жунусова, Даны Абеновой и Ерлана Каппарова. "
        "Все они были задержаны и доставлены в отдел полиции."
    )
    result = add_names(_arrest("ru", []), "Обыски у блогеров", searched)
    assert set(_names(result)) == {"Марат Жунусов", "Дана Абенова", "Ерлан Каппаров"}
    meeting = (
        "Министр Марат Жунусов провёл совещание с акимами. Полиция задержала активистку Дану Абенову у здания акимата."
    )
    result = add_names(_arrest("ru", ["Дана Абенова"]), "Задержана активистка", meeting)
    assert set(_names(result)) == {"Дана Абенова"}


def test_shipped_weights_add_a_list_the_next_sentence_detains() -> None:
    text = (
        "Police searched the homes of the activists Marat Zhunusov, Dana Abenova and Yerlan Kapparov "
        "in Almaty on Tuesday. All of them were detained and taken to the city police department. "
        "The activist Aliya Sarsen was sentenced to ten days in jail for the rally."
    )
    result = analyze("Police detain opposition activists", text, "en")
    assert result.arrest
    assert {"Marat Zhunusov", "Dana Abenova", "Yerlan Kapparov", "Aliya Sarsen"} <= set(_names(result))
