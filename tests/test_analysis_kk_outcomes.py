"""Kazakh rules on what a case came to: a sentence foretold, a verdict that frees, time that
has passed, and the kin of a named person held. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import kk_rules as kk
from tests.support.kazakh import people

# --- the future: a sentence foretold is no term ---------------------------------------------


def test_a_term_before_a_future_verb_is_not_the_persons() -> None:
    result = kk("Белсенді Ерлан Сапаров бейбіт митинг үшін 5 жылға сотталды, ал Асқар Ахметов 7 жылға сотталады.")
    assert result.arrest
    assert people(result)["Ерлан Сапаров"] == "5 years"
    assert people(result).get("Асқар Ахметов") is None


@pytest.mark.parametrize("verb", ["тұтқындалады", "қамауға алынады", "бас бостандығынан айырылады", "сотталады"])
def test_custody_in_the_future_is_no_arrest(verb: str) -> None:
    result = kk(f"Наразылыққа шыққан белсенді Ерлан Сапаров 3 жылға {verb}.")
    assert not result.arrest
    assert people(result).get("Ерлан Сапаров") is None


def test_a_past_verb_of_the_la_kind_is_not_the_future() -> None:
    # "жариялады" (declared) ends as a future passive would: the custody before it stands.
    result = kk("Журналист Ерлан Сапаров уақытша ұстау изоляторында аштық жариялады.", "Редактор изоляторда отыр")
    assert result.arrest


# --- time that has passed is no term --------------------------------------------------------


def test_months_after_which_something_happened_are_not_a_term() -> None:
    text = (
        "Наразылықты ұйымдастырды деген айыппен белсенді Ерлан Сапаров қамауға алынды. "
        "Қамауға алынған Сапаров алты айдан кейін сотталды."
    )
    result = kk(text)
    assert result.arrest
    assert people(result) == {"Ерлан Сапаров": None}


# --- a verdict that frees: the custody before it is over -------------------------------------


def test_set_free_in_the_courtroom_makes_the_earlier_arrest_background() -> None:
    text = (
        "Шекарадан заңсыз өткен белсенді Айгүл Сапарова наурыз айында ұсталды. "
        "Сот оны бір жылға шартты түрде бас бостандығынан айырып, сот залынан босатты."
    )
    assert not kk(text).arrest


def test_a_prison_term_given_with_another_freed_in_court_is_custody() -> None:
    text = (
        "Сот белсенді Ерлан Сапаровты митинг ұйымдастырғаны үшін 4 жылға бас бостандығынан айырды. "
        "Оның серігі Асқар Ахметов сот залынан босатылды."
    )
    result = kk(text)
    assert result.arrest
    assert people(result) == {"Ерлан Сапаров": "4 years"}


# --- the kin of a named person ---------------------------------------------------------------


def test_a_name_introduced_by_degen_before_a_genitive_is_the_kins_possessor() -> None:
    text = "Қытай билігі Ерлан Жарқынбекұлы деген жігіттің әкесін саяси үйрену орталығына қамауға алды."
    assert people(kk(text)) == {}


def test_a_region_of_china_before_a_name_is_a_place() -> None:
    result = kk("Шыңжаңда Ерлан Сапаров намаз оқығаны үшін қамауға алынды.")
    assert people(result) == {"Ерлан Сапаров": None}


def test_a_name_introduced_by_esimdi_with_custody_of_their_own_is_held() -> None:
    result = kk("Пикетке шыққан Ерлан Сапаров есімді азаматтың 10 тәулікке қамалғаны белгілі болды.")
    assert people(result) == {"Ерлан Сапаров": "10 days"}


def test_the_pronoun_of_a_possessor_holds_them_only_before_the_custody() -> None:
    text = "Белсенді Ерлан Сапаровтың ағасын полиция ұстап әкеткенде, ол себебін сұрау үшін бөлімшеге барды."
    assert "Ерлан Сапаров" not in people(kk(text))


def test_the_possessors_own_custody_after_the_pronoun_still_holds_them() -> None:
    result = kk("Белсенді Ерлан Сапаровтың үйі тінтіліп, өзі ұсталды.")
    assert people(result) == {"Ерлан Сапаров": None}


# --- custody in Xinjiang, for extradition, for a faith ---------------------------------------


def test_sent_to_a_reeducation_camp_is_custody() -> None:
    result = kk("Этникалық қазақ Ерлан Сапаров намаз оқығаны үшін қайта тәрбиелеу лагеріне жіберілді.")
    assert result.arrest
    assert people(result) == {"Ерлан Сапаров": None}


def test_taken_to_a_political_study_centre_is_custody() -> None:
    result = kk("Қытай билігі этникалық қазақ Ерлан Сапаровты саяси үйрену орталығына алып кетті.")
    assert result.arrest


def test_a_summer_camp_is_no_custody() -> None:
    assert not kk("Биыл жазда 600 оқушы жазғы лагерьге жіберілді.").arrest


def test_an_extradition_arrest_is_custody_with_its_term() -> None:
    result = kk("Қарақалпақ белсендісі Ерлан Сапаровқа 40 күнге экстрадициялық қамау санкцияланды.")
    assert result.arrest
    assert people(result) == {"Ерлан Сапаров": "40 days"}


def test_a_jehovahs_witness_jailed_for_preaching() -> None:
    result = kk("Иегова куәгері Ерлан Сапаров уағыз айтқаны үшін 5 жылға сотталды.")
    assert result.arrest
    assert people(result) == {"Ерлан Сапаров": "5 years"}


def test_a_place_before_a_kin_word_ends_no_name() -> None:
    # The place is dropped from the run of capitalised words, which leaves no name to extend.
    result = kk("Полиция белсенді Ерлан Сапаровты ұстады, дейді оның Алматыдағы қызы.")
    assert people(result) == {"Ерлан Сапаров": None}
