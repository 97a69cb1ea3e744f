"""English reports of the region's own outlets, told in their bland wording, on sentences written
for these tests: a state's diplomatic protest, a "non-custodial" sentence, a story about former
prisoners and a yearly review are no new custody; people "brought to the police", held by a
security agency named by its abbreviation, or remanded for "inciting enmity" online are."""

from __future__ import annotations

import pytest

from bot.core.analysis.en_crime import civic_match
from bot.core.analysis.english import analyze_english
from bot.core.analysis.packs.en import CIVIC, SECURITY_AGENCIES
from bot.core.analysis.result import Analysis, RuleConfig


def analyse(text: str, title: str = "") -> Analysis:
    return analyze_english(title, text, RuleConfig())


def test_a_state_protesting_its_nationals_detention_abroad_is_diplomacy_not_a_civic_arrest():
    result = analyse(
        "The Foreign Ministry called in the envoy of the neighbouring state and gave him a note protesting the "
        "detention of three herders. The shepherds were detained by border guards on 6 June while grazing "
        "flocks near an unmarked stretch of the frontier, and were returned two days later.",
        title="Tajikistan Protests Detention Of Three Citizens At Border",
    )
    assert not result.arrest
    assert not result.protest


def test_activists_who_protest_an_arrest_in_the_street_still_hold_a_protest():
    text = "Dozens of activists held a protest outside the court in Osh on Friday; police detained two of them."
    result = analyse(text)
    assert result.protest
    assert result.arrest


def test_a_diplomatic_protest_word_is_no_civic_word():
    assert civic_match(CIVIC, "the ministry sent a note of protest over the detention of its nationals") is None
    assert civic_match(CIVIC, "uzbekistan protested the arrest of two citizens in a neighbouring state") is None
    assert civic_match(CIVIC, "students protested the arrest of their teacher") is not None


@pytest.mark.parametrize("word", ["non-custodial", "noncustodial"])
def test_a_non_custodial_sentence_is_no_custody(word: str) -> None:
    text = (
        f"A court in Taraz handed blogger Yerlan Sadykov a {word} sentence on Tuesday for his posts "
        "criticising the regional akim: three years of restricted freedom and a ban on public activity."
    )
    assert (analyse(text).arrest, analyse(text).detainees) == (False, ())


def test_a_story_about_former_political_prisoners_recalls_custody_and_reports_none():
    result = analyse(
        "Bans on public activity follow activists for years. Gulmira Seitova was held in a pre-trial detention "
        "centre during the investigation of her posts criticising the government. She now cannot find work.",
        title="Former Political Prisoners Struggle To Find Work",
    )
    assert not result.arrest


def test_a_former_prisoner_detained_again_is_custody_all_the_same():
    result = analyse(
        "Police in Almaty detained activist Nurlan Beisenov on Monday as he arrived at a rally; "
        "a court jailed him for 15 days.",
        title="Former Political Prisoner Detained Again At Rally",
    )
    assert result.arrest
    assert {d.name: d.term for d in result.detainees} == {"Nurlan Beisenov": "15 days"}


def test_a_yearly_review_that_counts_the_imprisoned_is_no_news_of_custody():
    result = analyse(
        "Freedom of expression remained restricted. Journalists and activists critical of the government faced "
        "harassment, arrest and prosecution. Monitors counted at least 17 activists and reporters held on "
        "politically motivated charges during the year, among them bloggers and union members."
    )
    assert not result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "Police cut short an unauthorized rally on the central square in Shymkent on Sunday; about forty "
        "participants were brought to the police department.",
        "About thirty picketers outside the akimat were taken to police stations on Saturday, activists said.",
        "Twelve supporters of the unregistered party were delivered to the internal affairs department after "
        "an unsanctioned march on Friday.",
    ],
    ids=["brought-to", "taken-to-stations", "delivered-to"],
)
def test_protesters_brought_to_the_police_are_taken_into_custody(text: str) -> None:
    assert analyse(text).arrest


def test_a_post_charged_as_inciting_enmity_is_a_civic_custody():
    result = analyse(
        "A court in Bishkek on Monday placed former deputy Marat Toktosunov in the remand prison of the security "
        "committee for two months. He is accused of inciting interregional enmity through his social media posts."
    )
    assert (result.arrest, [d.name for d in result.detainees]) == (True, ["Marat Toktosunov"])
    assert any(reason.endswith("inciting interregional enmity") for reason in result.reasons)


def test_a_journalist_held_by_a_security_agency_named_by_its_abbreviation_is_in_custody():
    assert {"knb", "snb", "gknb", "fsb", "sbu"} <= set(SECURITY_AGENCIES)
    result = analyse("Independent journalist Aliya Dosova has been held by the FSB since Monday, her editor said.")
    assert result.arrest


def test_a_ministry_summoning_an_envoy_to_protest_detentions_holds_no_protest():
    result = analyse(
        "Police in Batumi detained three foreign sailors on smuggling charges on Tuesday. The neighbouring "
        "country's foreign ministry summoned the charge d'affaires to protest the detentions."
    )
    assert not result.protest
    assert not result.arrest


def test_people_detained_on_spying_charges_are_security_news():
    result = analyse(
        "Counter-intelligence officers detained two residents of Gyumri on spying charges on Monday. "
        "They allegedly photographed military sites and passed the pictures to a foreign intelligence service "
        "over an unauthorized channel."
    )
    assert not result.arrest
    assert "negative:treason" in result.reasons


def test_a_journalist_detained_on_spying_charges_is_still_a_civic_custody():
    result = analyse(
        "Security officers in Moscow detained journalist Yelena Korneva on spying charges on Friday; "
        "her newspaper called the case politically motivated."
    )
    assert result.arrest


def test_a_penalty_a_law_threatens_in_years_imprisonment_is_no_custody():
    result = analyse(
        "Subscribers of channels declared extremist formations face up to seven years' imprisonment, "
        "the interior ministry's spokesman said on Tuesday, urging readers of opposition Telegram channels "
        "to unsubscribe."
    )
    assert not result.arrest


def test_a_term_the_prosecutor_asked_for_is_no_custody():
    result = analyse(
        "A court in Almaty gave blogger Serik Tulenov a two-year suspended sentence on Monday for insulting an "
        "official in his posts. The prosecution had sought two years in a penal colony, but the "
        "judge took his age into account."
    )
    assert not result.arrest
