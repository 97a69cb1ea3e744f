"""How English wire and NGO reports state several detainees and their terms, on probe
sentences written for these tests (tests/en_probe_cases.py): each named detainee with the
term the text gives them, and nobody else (speakers, lawyers who speak, the dead, relatives
named to place the held)."""

from __future__ import annotations

import pytest

from bot.core.analysis.en_terms import find_terms
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig
from tests.en_probe_cases import PROBES, PROBES_2


@pytest.mark.parametrize(
    ("text", "expected"), PROBES + PROBES_2, ids=[f"probe-{i:02d}" for i in range(len(PROBES + PROBES_2))]
)
def test_probe_detainees_and_terms(text: str, expected: dict[str, str | None]) -> None:
    title, _, body = text.rpartition("\n")
    found = {d.name: d.term for d in analyze_english(title, body, RuleConfig()).detainees}
    assert found == expected


def test_a_bare_number_takes_the_unit_of_the_term_before_it() -> None:
    assert [t.term for t in find_terms("sentenced Ali Karimov to seven years and Vali Rasulov to five")] == [
        "7 years",
        "5 years",
    ]
    assert [t.term for t in find_terms("each received eight", "years")] == ["8 years"]


def test_a_bare_number_that_is_no_term_keeps_no_unit() -> None:
    # an article's number, a date, an age and a list of terms that names its own unit
    assert [t.term for t in find_terms("jailed for 10 days under Article 5")] == ["10 days"]
    assert [t.term for t in find_terms("jailed for 10 days on May 5")] == ["10 days"]
    assert "8 years" not in [t.term for t in find_terms("jailed for 9 years; B and C received 8 and 10 years")]
    assert [t.term for t in find_terms("Vali Rasulov, 34, was fined", "days")] == []


def test_amnesty_international_is_no_amnesty_and_a_hold_of_hours_is_custody() -> None:
    said = "Activist Aliya Nurova was detained and jailed for 10 days, Amnesty International said."
    assert analyze_english("", said, RuleConfig()).arrest
    held = "Police detained activist Aliya Nurova at a picket; she was released after questioning."
    assert "negative:release" not in analyze_english("", held, RuleConfig()).reasons


def test_former_stands_for_a_long_title_before_the_name() -> None:
    text = (
        "Police detained the opposition politicians, among them former Prosecutor General Arman Zhusupov and "
        "former Constitutional Court judge Saltanat Bekova, for planning a rally."
    )
    found = {d.name for d in analyze_english("", text, RuleConfig()).detainees}
    assert found == {"Arman Zhusupov", "Saltanat Bekova"}


def test_a_name_after_an_institution_in_one_capitalised_run_is_a_person() -> None:
    text = (
        "Those detained include former head of the State Security Committee Asylbek Tursunov and former "
        "Parliament Speaker Meder Alimbekov, while Interior Ministry Spokesman Nurbek Osmonov said more arrests "
        "would follow."
    )
    found = {d.name for d in analyze_english("", text, RuleConfig()).detainees}
    assert found == {"Asylbek Tursunov", "Meder Alimbekov"}
