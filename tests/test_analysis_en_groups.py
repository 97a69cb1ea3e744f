"""English detainees and terms of several people (en_groups, en_detainees, en_roles,
en_terms), on sentences written for these tests: groups whose members are listed later,
terms stated once for a group, asides between dashes, possessives, spellings, and the
durations that are not custodial terms."""

from __future__ import annotations

import pytest

from bot.core.analysis.en_names import same_family_name, same_person
from bot.core.analysis.en_terms import find_terms
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig


def analyse(text: str, title: str = ""):
    return analyze_english(title, text, RuleConfig())


def detainees(text: str, title: str = "") -> dict[str, str | None]:
    return {d.name: d.term for d in analyse(text, title).detainees}


def terms(text: str) -> list[str | None]:
    return [t.term for t in find_terms(text)]


# --- groups whose members are named after their custody -----------------------------


def test_a_later_sentence_that_says_it_lists_the_sentenced_names_the_group():
    text = (
        "A court in Taraz sentenced five opposition activists to prison on Monday for a march in May. "
        "The march had been banned by the city. "
        "Those sentenced were: Aliya Nurtay, head of the Bostan movement; Daniyar Sadyk and Berik Omar "
        "of the Ak Zhol party; as well as Saule Ismail and Timur Bek."
    )
    assert detainees(text) == {
        name: None for name in ("Aliya Nurtay", "Daniyar Sadyk", "Berik Omar", "Saule Ismail", "Timur Bek")
    }


def test_the_next_sentence_naming_as_many_people_as_the_group_counts_lists_it():
    text = (
        "A court in Shymkent sentenced three well-known civic activists to four years in prison. "
        "Aliya Nurtay, Daniyar Sadyk and Berik Omar were convicted of calling for mass unrest. "
        "Police also jailed blogger Timur Bek in March."
    )
    assert detainees(text) == {
        "Aliya Nurtay": "4 years",
        "Daniyar Sadyk": "4 years",
        "Berik Omar": "4 years",
        "Timur Bek": None,
    }


def test_a_next_sentence_naming_more_people_than_the_group_counts_is_not_its_list():
    text = (
        "A court sentenced two activists to three years in prison. "
        "Aliya Nurtay, Daniyar Sadyk and Berik Omar had organised the rally together."
    )
    assert detainees(text) == {}


def test_a_group_term_set_apart_from_the_named_person_is_not_theirs():
    text = (
        "The city court moved activist Aliya Nurtay to house arrest. "
        "The court rejected all other appeals by the detained activists against their two-month pretrial detention."
    )
    assert detainees(text) == {"Aliya Nurtay": None}


def test_a_counting_subject_stands_for_the_people_named_before_it():
    text = (
        "Aliya Nurtay and Daniyar Sadyk were fined for the banner. "
        "Berik Omar received a warning. "
        "The three were arrested in October after the picket in Taraz."
    )
    assert detainees(text) == {"Aliya Nurtay": None, "Daniyar Sadyk": None, "Berik Omar": None}


# --- clauses and who is the subject ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three activists — Aliya Nurtay, Daniyar Sadyk and Berik Omar — were given five years in jail each.",
        "A judge ruled Aliya Nurtay, Daniyar Sadyk and Berik Omar -- all of them students -- were to serve five years in prison.",
    ],
)
def test_a_dash_pair_around_an_aside_does_not_cut_the_names_from_their_verb(text: str):
    assert detainees(text) == {"Aliya Nurtay": "5 years", "Daniyar Sadyk": "5 years", "Berik Omar": "5 years"}


def test_a_possessive_name_owning_someone_else_is_neither_held_nor_fined():
    text = (
        "Police detained activist Aliya Nurtay in Taraz on Monday during a picket. "
        "Nurtay's codefendant, Daniyar Sadyk, was fined. "
        "The court jailed Berik Omar for 10 days amid Yermek Sadyk's crackdown on the protest."
    )
    assert detainees(text) == {"Aliya Nurtay": None, "Berik Omar": "10 days"}


def test_a_name_in_the_relative_clause_describing_the_subject_is_not_the_detainee():
    text = (
        "A rights advocate who once defended prize-winning poet Daniyar Sadyk, has been jailed for nine years. "
        "Aliya Nurtay was arrested in May on charges of inciting discord."
    )
    assert detainees(text) == {"Aliya Nurtay": "9 years"}


def test_a_titled_name_that_opens_the_subject_of_the_custody_is_held():
    text = "Party chairman Aliya Nurtay, 61, and the head of the Bostan group, Daniyar Sadyk, 70, were detained at a rally."
    assert detainees(text) == {"Aliya Nurtay": None, "Daniyar Sadyk": None}


def test_in_absentia_after_one_name_of_a_list_leaves_the_others_held():
    text = "Activists Aliya Nurtay, Daniyar Sadyk and Berik Omar (in absentia) were given jail terms ranging from six to nine years."
    assert detainees(text) == {"Aliya Nurtay": None, "Daniyar Sadyk": None}


def test_a_real_name_given_for_a_detainee_is_not_another_detainee():
    text = (
        "Blogger Aliya Nurtay, whose real name is Aliya Sadykova, remains detained and is awaiting trial "
        "on charges of spreading false information."
    )
    assert detainees(text) == {"Aliya Nurtay": None}


# --- spellings ----------------------------------------------------------------------------


def test_slavic_spellings_and_swapped_letters_fold_to_one_family_name():
    assert same_person("Valiantsin Karpovich", "Valancin Karpovic")
    assert same_family_name("Karpovitch", "Karpovic")
    assert same_family_name("Devizde", "Devidze")
    assert not same_family_name("Asanov", "Asanova")


def test_a_person_is_named_with_the_family_name_the_report_writes_most_often():
    text = (
        "A court sentenced activist Giorgi Tavazde to 12 days of administrative detention. "
        "Tavadze was detained outside parliament. Tavadze said he would appeal."
    )
    assert detainees(text) == {"Giorgi Tavadze": "12 days"}


def test_a_lone_family_name_in_another_spelling_gets_its_term():
    text = (
        "Activist Uladzimir Karpovic stood trial with Andrei Sauchuk. "
        "The court sentenced Sauchuk to nine years, Karpovitch to seven."
    )
    assert detainees(text) == {"Andrei Sauchuk": "9 years", "Uladzimir Karpovic": "7 years"}


# --- terms and decisions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aliya Nurtay has been jailed for 10 yrs by a city court", ["10 years"]),
        ("Her offence carries a maximum punishment of six years behind bars.", []),
        ("On Tuesday the state asked the judge to impose a sentence of 2 1/2 years.", []),
        ("She was also denied the right to teach at schools for three years.", []),
        ("Berik Omar received 18 months in open prison.", []),
    ],
)
def test_which_durations_are_custodial_terms(text: str, expected: list[str]):
    assert terms(text) == expected


def test_rallies_against_corruption_are_the_cause_not_the_crime():
    text = (
        "Activist Aliya Nurtay was jailed for 10 days on Friday after organising rallies against government corruption."
    )
    result = analyse(text)
    assert result.arrest and {d.name: d.term for d in result.detainees} == {"Aliya Nurtay": "10 days"}


def test_bogus_fraud_charges_against_a_rights_defender_are_a_political_case():
    text = (
        "Security officers detained rights defender Aliya Nurtay on dubious grounds and placed her under house arrest. "
        "She is under investigation on charges of forgery and fraud, which her colleagues call a bogus criminal case."
    )
    assert analyse(text).arrest


def test_a_caption_names_the_people_a_later_counted_object_stands_for():
    text = (
        "Ivan Duda (left) and Anna Korol attend a court hearing in Minsk in May.\n"
        "A court in Minsk sentenced the two journalists to six years in prison each for their reporting."
    )
    assert detainees(text) == {"Ivan Duda": "6 years", "Anna Korol": "6 years"}


def test_terms_listed_after_to_pair_with_the_names_in_order():
    text = "A court sentenced activists Ivan Duda and Anna Korol to seven and five years in prison over the protests."
    assert detainees(text) == {"Ivan Duda": "7 years", "Anna Korol": "5 years"}


def test_in_months_of_pretrial_detention_is_a_term_not_a_time():
    text = "The court placed journalist Anna Korol in two months of pre-trial detention over her reporting."
    assert detainees(text) == {"Anna Korol": "2 months"}
    assert terms("He will be tried in two months.") == []


def test_a_release_from_prison_and_a_sentence_passed_in_their_absence_are_not_custody():
    assert not analyse("Activist Aliya Nurtay was freed from prison on Saturday after serving two years.").arrest
    text = (
        "A court sentenced journalist Aliya Nurtay to eight years in prison, and also sentenced exiled "
        "journalists Daniyar Sadyk and Berik Omar in their absence."
    )
    assert detainees(text) == {"Aliya Nurtay": "8 years"}


def test_what_a_law_provides_for_is_no_custody():
    text = "The new law introduces fines and prison sentences for activists who criticise the army online."
    assert not analyse(text).arrest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aliya Nurtay was sentenced to four more years in a prison colony.", {"Aliya Nurtay": "4 years"}),
        (
            "A court extended the pretrial detention of Aliya Nurtay, a leading opposition activist, by another two months.",
            {"Aliya Nurtay": "2 months"},
        ),
        (
            "Opposition leader Aliya Nurtay was sentenced to eight months in prison. The court also stripped the "
            "three of their right to run for office for five years.",
            {"Aliya Nurtay": "8 months"},
        ),
    ],
)
def test_more_forms_of_terms(text: str, expected: dict[str, str | None]):
    assert detainees(text) == expected


def test_bodies_and_the_dead_named_in_a_custody_clause_are_not_detainees():
    text = (
        "The Baku Court for Serious Crimes sentenced activist Aliya Nurtay to six years in prison for painting "
        "a monument of the late president, Yermek Sadyk. His arrest was made in the Bostan Zholy office."
    )
    assert detainees(text) == {"Aliya Nurtay": "6 years"}


def test_a_family_name_two_people_share_names_neither_alone():
    text = (
        "A court sentenced activist Elxan Sadyk to five years in prison. President Yermek Sadyk has ruled since 2003. "
        "Critics say Sadyk and his supporters were behind the arrest."
    )
    assert detainees(text) == {"Elxan Sadyk": "5 years"}


def test_a_middle_name_and_a_relative_clause_with_an_aside_keep_one_person_each():
    text = (
        "Zurab Girchi Japaridze was sentenced to seven months in prison. Zurab Japaridze had refused to testify. "
        "Daniyar Sadyk, who intended to represent his colleague, Japaridze, after his arrest, was given 21 days in jail."
    )
    assert detainees(text) == {"Zurab Girchi Japaridze": "7 months", "Daniyar Sadyk": "21 days"}
