"""Kazakh: custody already served or told as the past, place adjectives after names in every
script, the hamza that opens an Arabic-script name, kin named by "жақыны".

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import kk_engine as kk
from tests.support.kazakh import people


def test_arabic_script_name_keeps_the_hamza_that_opens_it() -> None:
    result = kk("الماتىدا بەلسەندى ءادىل ساپاروۆتى پوليتسيا كەشە ۇستاپ اكەتتى.")
    assert result.arrest
    assert people(result) == {"ءادىل ساپاروۆ": None}


def test_latin_script_place_adjective_after_a_name_is_no_part_of_it() -> None:
    result = kk("Belsendi Aıbek Tursynov Shymkenttegi mıtıńde ustaldy.")
    assert result.arrest
    assert people(result) == {"Aıbek Tursynov": None}


def test_years_served_in_the_title_make_the_old_sentence_background() -> None:
    result = kk(
        "Ақын Серік Әлімов 2015 жылы 12 жылға сотталған. Ол туыстарына хат жазды.",
        title="Түрмеде отырғанына он жыл болған ақынның хаты",
    )
    assert not result.arrest


def test_a_sentence_without_years_served_is_news() -> None:
    result = kk("Ақын Серік Әлімов кеше 12 жылға сотталды.")
    assert result.arrest
    assert people(result) == {"Серік Әлімов": "12 years"}


def test_a_title_telling_custody_as_the_past_makes_the_story_background() -> None:
    result = kk(
        "Этникалық қазақ Ерлан Сейітов Азаттыққа Шыңжаңдағы қайта тәрбиелеу лагеріне қалай жіберілгенін"
        " айтып берді. Ол қазір Алматыда отбасымен тұрады.",
        title="Лагерьде тұтқында болған ер адамның әңгімесі",
    )
    assert not result.arrest


def test_a_recent_detention_under_such_a_title_is_news() -> None:
    result = kk(
        "Белсенді Ерлан Сейітов кеше Алматыда наразылық акциясында ұсталды.",
        title="Лагерьде тұтқында болған ер адамның әңгімесі",
    )
    assert result.arrest
    assert people(result) == {"Ерлан Сейітов": None}


@pytest.mark.parametrize("kin", ["жақыны", "сіңлісі", "туысқаны"])
def test_a_relative_named_after_a_possessor_is_no_detainee(kin: str) -> None:
    result = kk(f"Кеше наразылықта ұсталған белсенді Асқар Бекұловтың {kin} Гүлнар Сейітова полицияға шағым түсірді.")
    assert result.arrest
    assert "Гүлнар Сейітова" not in people(result)
