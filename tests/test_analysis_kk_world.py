"""Kazakh world news of custody (round kkn): a lone foreign family name by its shape, a
release told in the headline or lead, and a sentence in the headline given to the court's
defendant named in the lead. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.kk_name_forms import surname_shape
from tests.support.kazakh import held
from tests.support.kazakh import kk_engine as kk


@pytest.mark.parametrize(
    ("text", "name", "term"),
    [
        # a lone family name of world news, in the accusative, as the court's object
        ("Минск соты журналист Бойковичті 15 тәулікке қамады.", "Бойкович", "15 days"),
        ("Анкара соты оппозиционер Демироғлуды екі айға қамауға алды.", "Демироғлу", "2 months"),
        ("Тбилиси соты белсенді Мамукашвилиді 8 тәулікке қамады.", "Мамукашвили", "8 days"),
        ("Батуми соты журналист Гогиладзені 10 тәулікке қамады.", "Гогиладзе", "10 days"),
        ("Тегеран соты блогер Хасанзадені 3 жылға бас бостандығынан айырды.", "Хасанзаде", "3 years"),
        ("Сот белсенді Аветисянды екі айға қамауға алды.", "Аветисян", "2 months"),
    ],
)
def test_lone_foreign_family_name(text: str, name: str, term: str) -> None:
    result = kk(text)
    assert result.arrest
    assert held(result) == [(name, term)]


def test_foreign_shapes_need_a_stem() -> None:
    assert surname_shape("Демироғлу")
    assert surname_shape("Бойкович")
    assert not surname_shape("Аян")  # a given name too short to carry an ending


def test_release_in_the_lead_ends_the_custody_it_recalls() -> None:
    result = kk(
        "Сербия билігі екі тілшіні қамаудан босатқанын растады. "
        "Еске салайық, 2 наурызда журналист Марко Петров пен оператор Иван Ковач Белградта "
        "ұсталып, депортацияланады деп хабарланған.",
        title="Сербия тілшілерді босатты",
    )
    assert not result.arrest


def test_hours_of_custody_the_same_day_stay_news() -> None:
    result = kk(
        "Белсенді Ержан Сапаров үш сағаттан соң бостандыққа шықты. "
        "Бүгін таңертең ол митинг алдында полиция бөлімшесіне алып кетілген еді.",
        title="Белсенді босатылды",
    )
    assert result.arrest


def test_a_demand_for_release_is_no_release_lead() -> None:
    result = kk(
        "Жиналғандар белсенділерді босатуды талап етті. Полиция кеше алты белсендіні ұстады.",
        title="Наразылар белсенділерді босатуды талап етті",
    )
    assert result.arrest


def test_headline_sentence_goes_to_the_courts_defendant() -> None:
    result = kk(
        "Сот Мехмет Йылдызды прокурорды қорлағаны үшін кінәлі деп тапты. "
        "Оппозициялық саясаткер үкімді саяси деп атады.",
        title="Анкара мэрі 18 айға қамалды",
    )
    assert held(result) == [("Мехмет Йылдыз", "18 months")]


def test_a_headline_without_a_term_needs_a_role() -> None:
    result = kk(
        "Сот Мехмет Йылдызды прокурорды қорлағаны үшін кінәлі деп тапты.",
        title="Анкарада бір адам ұсталды",
    )
    assert held(result) == []


def test_the_defendant_is_the_courts_object_not_its_speaker() -> None:
    result = kk(
        "Прокурор Мехмет Йылдызды айыптады.",
        title="Анкара мэрі 18 айға қамалды",
    )
    assert held(result) == []
