"""English names and terms (en_names, en_terms), on sentences written for these tests:
who of the capitalised words is a person, and which durations are custodial terms."""

from __future__ import annotations

import pytest

from bot.core.analysis.en_names import find_mentions, same_person
from bot.core.analysis.en_terms import find_terms, refines
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig


def names(text: str) -> list[str]:
    return [m.text for m in find_mentions(text)]


def detainees(text: str) -> dict[str, str | None]:
    return {d.name: d.term for d in analyze_english("", text, RuleConfig()).detainees}


def terms(text: str) -> list[str | None]:
    return [t.term for t in find_terms(text)]


# --- names --------------------------------------------------------------------------


def test_a_quote_closing_an_outlet_name_does_not_hide_the_person_after_it():
    assert "Aliya Nurtay" in names('the editor of "Qala Times" Aliya Nurtay and two reporters')


def test_a_quoted_run_is_a_title_and_a_name_after_a_quotation_is_its_speaker():
    assert names('the documentary "Steppe Winds Rising" was banned') == []
    assert "Aliya Nurtay" not in names('"We will not stop," Aliya Nurtay of the Bostan group told us.')


def test_a_determiner_before_an_outlet_word_leaves_the_name_after_it_a_person():
    assert "Aliya Nurtay" in names("the founder of this publication Aliya Nurtay was detained")
    assert names("the newspaper Qala Times was fined") == []


def test_an_organisation_name_ending_in_a_noun_is_cut_off_the_person_after_it():
    text = "the head of the Centre for Voter Monitoring and Citizen Education Aliya Nurtay"
    assert "Aliya Nurtay" in names(text)
    assert detainees("Detentions Target Bostan Reporters\nPolice detained two reporters of Bostan in Taraz.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Police detained activist Aliya Nurtay, who had picketed against Akim Yermek Sadyk, outside the akimat.",
        "Activist Aliya Nurtay was detained after a rally demanding the resignation of mayor Yermek Sadyk.",
        "The district court, presided over by Yermek Sadyk, sentenced activist Aliya Nurtay to 10 days in jail.",
    ],
)
def test_whom_a_protest_is_against_and_who_presides_is_not_a_detainee(text: str):
    assert detainees(text) == {"Aliya Nurtay": "10 days" if "10 days" in text else None}


# --- terms --------------------------------------------------------------------------


def test_a_half_after_the_unit_counts():
    assert terms("the poet was given a year and a half in jail") == ["18 months"]
    assert terms("he was sentenced to two years and a half in a penal colony") == ["30 months"]


def test_a_stay_in_a_detention_centre_is_a_term():
    assert terms("he will spend 10 days in a temporary detention centre") == ["10 days"]


def test_an_extension_of_detention_is_a_term_and_of_anything_else_is_not():
    assert terms("reporter Aliya Nurtay (two-month extension, May 3)") == ["2 months"]
    assert terms("a three-month extension of her pre-trial detention") == ["3 months"]
    assert terms("the ministry granted a two-year extension of the licence") == []


@pytest.mark.parametrize(
    "phrase",
    ["the Jogorku Kenesh", "the Milli Majlis", "the Ak Zhol party's", "the Ata Meken faction", "Adil Soz", "Tole Bi"],
)
def test_regional_institutions_parties_and_streets_are_not_people(phrase: str):
    assert detainees(f"Police detained two activists outside {phrase} on Monday after a rally.") == {}
    assert not [name for name in names(f"They marched to {phrase} on Monday.") if " " in name]


def test_whom_a_detainee_interviewed_or_criticised_and_a_comma_set_title_are_not_detainees():
    text = (
        "Blogger Aliya Nurtay was sentenced to five years in prison after she interviewed Yermek Sadyk, "
        "an exiled opposition leader, and criticised the district hokim, Bolat Sarsen."
    )
    assert detainees(text) == {"Aliya Nurtay": "5 years"}


@pytest.mark.parametrize(
    "sentence",
    [
        "the blogger was sentenced two days ago",
        "the verdict was handed down a week earlier",
        "the defendants got sentences ranging from six to nine years in jail",
        "the activists were jailed for 10-15 days",
        "his lawyer said prosecutors called for eight years in prison",
    ],
)
def test_a_time_ago_a_range_and_a_demand_are_not_terms(sentence: str):
    assert terms(sentence) == []


def test_a_date_or_an_article_before_to_does_not_make_a_range():
    assert terms("she was sentenced on March 14 to six years in jail") == ["6 years"]
    assert terms("she was sentenced under Article 174 to four years in prison") == ["4 years"]


def test_a_list_of_terms_after_the_first_gives_each_name_its_own():
    sentence = (
        "Aliya Nurtay received 15 days of administrative arrest, Yermek Sadyk 10 days, and Bolat Sarsen five days."
    )
    assert terms(sentence) == ["15 days", "10 days", "5 days"]
    assert terms("He was jailed for 15 days in May and freed on June 10 days later.") == ["15 days"]


def test_a_dash_before_a_list_of_names_keeps_them_in_the_custody_clause():
    text = "The court extended the arrest of three journalists — Aliya Nurtay, Yermek Sadyk and Bolat Sarsen."
    assert set(detainees(text)) == {"Aliya Nurtay", "Yermek Sadyk", "Bolat Sarsen"}


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Zhanar Dzhumabekova", "Janar Jumabekova", True),
        ("Daleri Sobirov", "Daler Sobirov", True),
        ("Aigul Tazhibek kyzy", "Aigul Tajibek kyzy", True),
        ("Nurlan Saliyev", "Nurlan Saliev", True),
        ("Yerlan Asanov", "Yerlan Asanova", False),
        ("Olimjon Karimov", "Salimjon Karimov", False),
    ],
)
def test_spellings_of_one_name_are_one_person(first: str, second: str, same: bool):
    assert same_person(first, second) is same


def test_a_second_spelling_of_a_detainee_is_not_a_second_detainee():
    text = (
        "Police in Osh detained blogger Zhanar Dzhumabekova on Monday. "
        "A court later placed Janar Jumabekova in pretrial detention for two months."
    )
    assert detainees(text) == {"Zhanar Dzhumabekova": "2 months"}


def test_a_term_beside_a_name_in_a_list_is_that_persons():
    sentence = "Activists Aliya Nurtay (15 days) and Yermek Sadyk (10 days) were sentenced to administrative arrest."
    assert terms(sentence) == ["15 days", "10 days"]
    assert terms("Aliya Nurtay - 15 days, Yermek Sadyk - 10 days.") == ["15 days", "10 days"]
    assert terms("Aliya Nurtay (34) was detained on May (10 days before the vote).") == []


def test_a_former_official_can_be_a_detainee_but_a_former_president_is_still_a_president():
    assert detainees(
        "Police in Bishkek detained former Prosecutor-General Azamat Sadyrov on charges of calling for riots."
    )
    text = "Police detained activist Aliya Nurtay at a rally marking the birthday of former President Yermek Sadyk."
    assert set(detainees(text)) == {"Aliya Nurtay"}


def test_asia_is_a_given_name_here():
    assert "Asia Sydykova" in names("Former lawmaker Asia Sydykova was detained on Sunday.")


def test_a_party_name_ending_before_a_person_and_a_role_ending_in_ist_are_cut_off():
    assert "Aliya Nurtay" in names("activist of the Party of Democracy and Welfare Aliya Nurtay")
    assert names("Oppositionist Yermek Sadyk was arrested") == ["Yermek Sadyk"]


def test_a_spokesman_or_an_investigator_named_in_a_custody_clause_is_an_official():
    text = "Police Spokesman Yermek Sadyk said activist Aliya Nurtay was detained for ten days."
    assert set(detainees(text)) == {"Aliya Nurtay"}


def test_a_sentence_asked_for_is_not_a_term():
    assert terms("the prosecutor asked the judge to sentence her to seven years in prison") == []
    assert terms("the state urged the judge to sentence her to 8 1/2 years") == []


def test_an_exact_term_in_the_body_refines_a_rounded_one_in_the_headline():
    assert refines("78 months", "6 years") and not refines("72 months", "6 years")
    assert not refines("78 months", "5 years")
    result = analyze_english(
        "Blogger Aliya Nurtay Jailed For 6 Years",
        "A court in Termez sentenced blogger Aliya Nurtay to six years and six months in prison for her posts.",
        RuleConfig(),
    )
    assert {d.name: d.term for d in result.detainees} == {"Aliya Nurtay": "78 months"}


def test_the_one_term_of_a_report_reaches_its_one_named_detainee():
    text = (
        "A Baku court remanded the head of an independent outlet for two months, the latest move against "
        "independent journalists. Aliya Nurtay, head of the outlet, was taken into custody at the airport on Thursday."
    )
    assert detainees(text) == {"Aliya Nurtay": "2 months"}


def test_a_capitalised_run_after_a_venue_word_names_the_venue():
    assert names("the ex-head of the summer camp Ak Bulak Sunrise was detained") == []


@pytest.mark.parametrize(
    "text",
    [
        "Activist Aliya Nurtay was detained in Almaty. Rights defender Yermek Sadyk called the detention illegal.",
        "Blogger Aliya Nurtay was detained on Monday, reported Yermek Sadyk of Radio Azattyq.",
        "Blogger Aliya Nurtay was detained on Monday, according to party deputy leader Yermek Sadyk.",
    ],
)
def test_who_speaks_of_a_custody_is_not_its_detainee(text: str):
    assert set(detainees(text)) == {"Aliya Nurtay"}
