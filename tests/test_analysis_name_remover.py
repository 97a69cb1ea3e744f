"""The learned names remover: the rules' detainees whose context says they were not taken.

Sentences of our own writing. Small hand-built models check the arithmetic and the guards
(the last detainee, the adder's people, reports that are no arrest); the shipped weights
are checked for the features the module builds.
"""

from __future__ import annotations

import json
import math
import re
from importlib import resources

import pytest

from bot.core.analysis.engine import analyze
from bot.core.analysis.name_adder import adapter
from bot.core.analysis.name_remover import (
    DROPPED_REASON,
    RemoverModel,
    custody_words,
    listed_candidates,
    remove_names,
    remover_features,
    shipped_model,
    to_drop,
)
from bot.core.analysis.result import Analysis, Detainee

# A judge before the name is enough for this model to call a detainee wrong, nothing else is.
_JUDGES = RemoverModel(intercept=3.0, weights={"office_before": -6.0}, threshold=0.7, last_threshold=0.95)
# Everybody wrong, very sure or only fairly sure.
_SURE = RemoverModel(intercept=-5.0, weights={}, threshold=0.7, last_threshold=0.95)
_FAIRLY = RemoverModel(intercept=-1.5, weights={}, threshold=0.7, last_threshold=0.95)

_COURT = (
    "Judge Arman Seitov ordered the arrest of the blogger Dana Abenova for ten days on Friday. "
    "Her colleague Yerlan Kapparov was detained at the court."
)


def _arrest(lang: str, names: list[str]) -> Analysis:
    return Analysis(arrest=True, protest=False, lang=lang, detainees=tuple(Detainee(n, None) for n in names), score=0.9)


def _names(result: Analysis) -> list[str]:
    return [d.name for d in result.detainees]


def test_a_judge_the_rules_listed_is_dropped_and_the_reason_says_so() -> None:
    result = remove_names(_arrest("en", ["Arman Seitov", "Dana Abenova", "Yerlan Kapparov"]), "", _COURT, 0, _JUDGES)
    assert _names(result) == ["Dana Abenova", "Yerlan Kapparov"]
    assert result.reasons[-1] == f"{DROPPED_REASON}1"


def test_nothing_dropped_leaves_the_result_as_it_was() -> None:
    before = _arrest("en", ["Dana Abenova", "Yerlan Kapparov"])
    assert remove_names(before, "", _COURT, 0, _JUDGES) is before


def test_the_last_detainee_stays_unless_the_model_is_very_sure() -> None:
    one = _arrest("en", ["Dana Abenova"])
    assert _names(remove_names(one, "", _COURT, 0, _FAIRLY)) == ["Dana Abenova"]
    assert _names(remove_names(one, "", _COURT, 0, _SURE)) == []


def test_when_all_are_doubtful_the_least_doubtful_stays() -> None:
    model = RemoverModel(0.0, {}, threshold=0.5, last_threshold=0.9)
    assert to_drop([0.6, 0.8, 0.7], model) == {1, 2}
    assert to_drop([0.95, 0.92], model) == {0, 1}
    assert to_drop([0.2, 0.8], model) == {1}
    assert to_drop([], model) == set()


def test_the_adders_people_are_neither_weighed_nor_dropped() -> None:
    before = _arrest("en", ["Dana Abenova", "Arman Seitov"])
    result = remove_names(before, "", _COURT, 1, _SURE)
    # The rules' one detainee is the last of the rules' people: kept only when not very sure.
    assert _names(result) == ["Arman Seitov"]
    assert _names(remove_names(before, "", _COURT, 1, _FAIRLY)) == ["Dana Abenova", "Arman Seitov"]


def test_no_report_but_an_arrest_with_detainees_is_touched() -> None:
    quiet = Analysis(arrest=False, protest=False, lang="en", detainees=(Detainee("Dana Abenova", None),), score=0.2)
    assert remove_names(quiet, "", _COURT, 0, _SURE) is quiet
    empty = _arrest("en", [])
    assert remove_names(empty, "", _COURT, 0, _SURE) is empty


def test_features_of_a_quoted_official_and_a_possessor() -> None:
    text = (
        "Police detained Timur Bekov's brother in Almaty. Prosecutor Aliya Sarsen, who led the case, "
        "said he was held for ten days."
    )
    names = ["Timur Bekov", "Aliya Sarsen"]
    report, _ = adapter("en")("", text, names)
    bekov, sarsen = (remover_features(report, c, 2, custody_words("en")) for c in listed_candidates(report, names))
    assert bekov["possessive"] == 1.0 and bekov["custody_before"] == 1.0
    assert sarsen["office_before"] == 1.0 and sarsen["relative"] == 1.0
    assert sarsen["listed_n"] == pytest.approx(math.log1p(2))
    assert "possessive" not in sarsen and "office_before" not in bekov


def test_a_name_the_finder_never_mentions_is_unfound() -> None:
    report, _ = adapter("en")("", _COURT, ["Nobody Here"])
    (candidate,) = listed_candidates(report, ["Nobody Here"])
    assert remover_features(report, candidate, 1, custody_words("en")) == {
        "unfound": 1.0,
        "alone": 1.0,
        "listed_n": math.log1p(1),
    }


def test_the_probability_of_being_wrong_is_one_minus_the_logistic() -> None:
    model = RemoverModel(0.5, {"a": -1.0}, 0.7, 0.95)
    assert model.wrong({"a": 2.0, "unknown": 3.0}) == pytest.approx(1.0 - 1.0 / (1.0 + math.exp(1.5)))


_FEATURE = re.compile(
    r"^(?:[ab][123]|s|n)=.+$|^(?:list|list3|list_listed|sentence_listed|role_before|custody|"
    r"next_custody|prev_custody|title|early|mentions|titled|unfound|alone|listed_n|possessive|"
    r"relative|speaker|office_before|custody_after|custody_before)$"
)


def test_shipped_english_weights_name_the_features_the_module_builds() -> None:
    data = json.loads(resources.files("bot.core.analysis").joinpath("data/names_drop_en.json").read_text("utf-8"))
    assert 0.5 <= data["threshold"] <= data["last_threshold"] < 1.0
    assert not [name for name in data["weights"] if not _FEATURE.match(name)]
    model = shipped_model("en")
    assert model is not None and model.weights["unfound"] < 0.0


def test_russian_and_kazakh_ship_no_remover() -> None:
    assert shipped_model("ru") is None and shipped_model("kk") is None


def test_shipped_weights_keep_a_plain_detainee() -> None:
    text = (
        "Police in Almaty detained the activist Dana Abenova at a rally on Saturday. "
        "A court sentenced Dana Abenova to ten days in jail for taking part in the rally."
    )
    result = analyze("Activist jailed for ten days", text, "en")
    assert result.arrest and "Dana Abenova" in _names(result)
    assert not any(r.startswith(DROPPED_REASON) for r in result.reasons)
