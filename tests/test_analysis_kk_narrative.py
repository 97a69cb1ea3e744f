"""Kazakh world news of custody (round kkp): a half year in a term written with a decimal
comma, a hunger strike or a fast "kept" (ұста-) with no one held, the one whose freedom a
rally demands, people smuggling as ordinary crime, and a "-ған" sentence that goes on with
the dated past before it. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import held
from tests.support.kazakh import kk_engine as kk


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Минск соты блогер Игорь Карповичті 2,5 жылға бас бостандығынан айырды.", "30 months"),
        ("Оппозиция жетекшісі Марат Бекұлы 4.5 жылға сотталды.", "54 months"),
        ("Белсенді Нұрлан Сәтбаев 1,5 жылға түрмеге қамалды, деді адвокат.", "18 months"),
    ],
)
def test_a_decimal_half_year_is_one_term(text: str, term: str) -> None:
    result = kk(text)
    assert result.arrest
    assert [t for _, t in held(result)] == [term]


def test_a_decimal_amount_of_money_is_no_term() -> None:
    result = kk("Журналист Дана Омарова 2,5 миллион теңге айыппұл төледі.")
    assert not result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "Полиция мәліметінше, түрмедегі белсенді Арман Досов бір аптадан бері аштық ұстап жатыр.",
        "Наразылар алаңда ораза ұстады, полиция оларға жақындамады.",
    ],
)
def test_a_hunger_strike_or_a_fast_holds_no_one(text: str) -> None:
    result = kk(text)
    assert not result.arrest


def test_a_hunger_strike_beside_a_real_detention() -> None:
    result = kk("Полиция аштық жариялаған белсенді Арман Досовты кеше ұстап алды.")
    assert result.arrest
    assert held(result) == [("Арман Досов", None)]


def test_the_one_whose_freedom_is_demanded_is_not_held_here() -> None:
    result = kk("Полиция саяси тұтқын Тимур Алиев бостандығын талап еткен шеру кезінде 300-ден астам адамды ұстады.")
    assert result.arrest
    assert held(result) == []


def test_deprived_of_freedom_is_still_custody() -> None:
    result = kk("Сот белсенді Тимур Алиевті бес жылға бас бостандығынан айырды.")
    assert held(result) == [("Тимур Алиев", "5 years")]


@pytest.mark.parametrize(
    "text",
    [
        "Шекара қызметі мигранттарды заңсыз тасымалдаған екі күдіктіні ұстады. "
        "Лагерьдегі босқындар наразылық ретінде аштық жариялады.",
        "Полиция босқындарды шекарадан заңсыз өткізген үш адамды тұтқындады, олар наразылық акциясына қатыспаған.",
    ],
)
def test_people_smuggling_is_ordinary_crime(text: str) -> None:
    assert not kk(text).arrest


def test_a_participle_sentence_after_a_dated_past_is_background() -> None:
    result = kk(
        "Елде әйелдерге арналған киім ережесі жұмсартылды. "
        "2019 жылы елде бензин бағасына қарсы наразылықтар өткен еді. "
        "Ол кезде бір студент ұран жазғаны үшін ұсталған."
    )
    assert not result.arrest


def test_a_finite_custody_verb_after_a_dated_past_is_news() -> None:
    result = kk(
        "2019 жылы елде бензин бағасына қарсы наразылықтар өткен еді. "
        "Кеше полиция сол наразылықты еске алған белсенді Ахмад Рахимиді ұстады."
    )
    assert result.arrest
