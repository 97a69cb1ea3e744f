"""English reports of a regional news stream, round two, on sentences written for these tests:
a detention extended for another spell has that spell as its term, a penalty that could have
been is none, and a poet's statue, a square, a daily and an ayatollah are no detainees (the
round's reports without custody are in test_analysis_en_officials.py)."""

from __future__ import annotations

import pytest

from bot.core.analysis.en_clauses import LONG_AGO
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig


def analyse(text: str):  # noqa: ANN201 (the Analysis of the English rules)
    return analyze_english("", text, RuleConfig())


def detainees(text: str) -> dict[str, str | None]:
    return {d.name: d.term for d in analyse(text).detainees}


# (text, the detainees and their terms)
DETAINEE_CASES = [
    # a detention extended for another spell has that spell as its term
    (
        "The district court extended the pre-trial detention of blogger Sabina Rustamova for another "
        "three months on Tuesday, her lawyer said.",
        {"Sabina Rustamova": "3 months"},
    ),
    (
        "On Friday the court granted the investigator's motion and extended the arrest of reporter "
        "Tural Hasanli for another 25 days.",
        {"Tural Hasanli": "25 days"},
    ),
    (
        "The terms of pre-trial detention of activists Orkhan Aliyev and Leyla Guliyeva have been "
        "prolonged for a further two months, their lawyers said; they call the case politically motivated.",
        {"Orkhan Aliyev": "2 months", "Leyla Guliyeva": "2 months"},
    ),
    # an investigation extended is no custody's term
    (
        "Prosecutors extended the investigation for another two months. Police detained activist Timur "
        "Bekov at a picket in Almaty on Monday.",
        {"Timur Bekov": None},
    ),
    # a penalty that could have been is none
    (
        "Blogger Arman Seitov was detained on April 2 over a post about a deputy minister. He could have "
        "faced seven years in prison for the charge of false denunciation.",
        {"Arman Seitov": None},
    ),
    # "X, camera operator of Belsat, who has been sentenced to …": the outlet is no one, the term is X's
    (
        "The city court heard the appeal of Pavel Sidorenko, a camera operator of Belsat, who has been "
        "sentenced to 12 days' arrest for filming a picket.",
        {"Pavel Sidorenko": "12 days"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DETAINEE_CASES, ids=[f"case-{i}" for i in range(len(DETAINEE_CASES))])
def test_detainees_and_terms(text: str, expected: dict[str, str | None]) -> None:
    assert analyse(text).arrest
    assert detainees(text) == expected


@pytest.mark.parametrize(
    ("text", "held", "not_held"),
    [
        (
            "Police detained six activists who laid flowers at the monument to the national poet Ivan "
            "Franko in Almaty on Sunday, among them Dana Serikova.",
            "Dana Serikova",
            "Ivan Franko",
        ),
        (
            "Police detained 20 people at Pushkinskaya Ploshchad in Moscow, including activist Oleg Rudnev.",
            "Oleg Rudnev",
            "Pushkinskaya Ploshchad",
        ),
        (
            "Columnist Reza Hosseini of Etemad Daily was arrested on Monday for insulting the Supreme Leader, "
            "Ayatollah Ali Khamenei, in a column.",
            "Reza Hosseini",
            "Ali Khamenei",
        ),
    ],
)
def test_a_statue_a_square_and_a_title_are_no_detainees(text: str, held: str, not_held: str) -> None:
    found = detainees(text)
    assert held in found
    assert not any(not_held in name or name in not_held for name in found if name != held)


def test_a_portrait_held_up_is_still_of_the_detainee():
    text = (
        "Supporters raised a portrait of Nikita Lomov at the court, where the jailed activist was "
        "sentenced to four years in prison on Tuesday for his posts."
    )
    assert "Nikita Lomov" in detainees(text)


def test_rallying_support_is_no_rally():
    text = (
        "Critics Aidos Nurlanov and Berik Saparov were arrested on October 3 over their posts; they "
        "have little influence to rally support on the ground."
    )
    assert not analyse(text).protest


@pytest.mark.parametrize(
    "clause",
    ["in january 2022, he was detained", "on march 5, 2019 police detained him", "on 12 may 2020 she was jailed"],
)
def test_a_custody_dated_by_its_year_is_backstory(clause: str) -> None:
    assert LONG_AGO.search(clause)


def test_a_custody_dated_by_the_day_only_is_news():
    assert not LONG_AGO.search("on march 5 police detained him")


def test_a_headline_of_sentences_in_absentia_holds_no_one():
    result = analyze_english(
        "Two Exiled Activists Sentenced to Long Prison Terms in Absentia",
        "The Supreme Court said on May 10 that activists Bolat Nurov and Aidar Sagyn were sentenced to 15 "
        "years and 10 years, respectively, for organising mass unrest. Nurov lives in Norway.",
        RuleConfig(),
    )
    assert not result.arrest
    assert result.detainees == ()


def test_an_absentia_headline_keeps_a_detention_the_body_reports():
    result = analyze_english(
        "Activist Sentenced in Absentia; Another Detained",
        "The court sentenced exiled activist Bolat Nurov to 15 years. Police detained activist Aidar Sagyn on Monday.",
        RuleConfig(),
    )
    assert result.arrest
    assert "Aidar Sagyn" in {d.name for d in result.detainees}


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a capitalised run before a plural noun of people describes them
        (
            "Crimean Tatar Activists Held After House Searches",
            "Russian police have detained a number of Crimean Tatar activists, among them Enver Ametov, after "
            "searching their homes.",
            {"Enver Ametov": None},
        ),
        # a sentence naming some of those the one before counted
        (
            "",
            "The police walked beside the marchers. Some people were arrested, including leaders of opposition "
            "parties. Two of these leaders are Levan Beridze and Nino Kapanadze.",
            {"Levan Beridze": None, "Nino Kapanadze": None},
        ),
    ],
)
def test_who_is_named_among_the_held(title: str, text: str, expected: dict[str, str | None]) -> None:
    assert {d.name: d.term for d in analyze_english(title, text, RuleConfig()).detainees} == expected
