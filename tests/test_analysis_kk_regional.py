"""Kazakh regional news stream (round kkr): estimates of whole camp or prison populations,
people already held, captivity in a war, and places or states taken for given names.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import held
from tests.support.kazakh import kk_engine as kk


@pytest.mark.parametrize(
    "text",
    [
        # hundreds of thousands or millions held: a population estimate, not a detention
        "Құқық қорғаушылардың бағалауынша, лагерьлерде күштеп ұсталған 500 мыңнан астам адам жатыр.",
        "Сарапшылардың айтуынша, Шыңжаңда бір миллионнан астам ұйғыр мен қазақ лагерьге қамалған.",
        "Зерттеушілердің есебінше, ел түрмелерінде 200 мың адам қамауда отыр.",
    ],
)
def test_population_estimate_is_no_detention(text: str) -> None:
    assert not kk(text).arrest


@pytest.mark.parametrize(
    "text",
    [
        # thousands held at protests are news, and money is no population
        "Кеше наразылық акциясы кезінде 5 мыңнан астам адам ұсталды.",
        "Митингке шыққан белсенді 700 мың теңге айыппұлдың орнына 10 тәулікке қамалды.",
    ],
)
def test_counts_that_stay_news(text: str) -> None:
    assert kk(text).arrest


def test_one_already_held_on_hunger_strike() -> None:
    # "қамаудағы" (the one in custody): the news is the hunger strike, no new custody
    result = kk("Қамаудағы белсенді Ержан Қалиев аштық жариялады. Бұл туралы оның әйелі хабарлады.")
    assert not result.arrest


def test_held_today_and_now_in_custody_is_news() -> None:
    result = kk("Кеше белсенді Ержан Қалиев ұсталды. Қамаудағы белсенді аштық жариялады.")
    assert result.arrest
    assert held(result) == [("Ержан Қалиев", None)]


@pytest.mark.parametrize(
    "text",
    [
        # captivity in a war and an exchange of prisoners of war are no arrest
        "Соғыста тұтқынға түскен сарбаз Асқар Бекұлы тұтқын алмасу арқылы елге оралды. Оны журналистер күтіп алды.",
        "Екі ел 90 соғыс тұтқынын алмасты. Тұтқынға түскендердің арасында белсенділер де бар.",
    ],
)
def test_war_captivity_is_no_arrest(text: str) -> None:
    assert not kk(text).arrest


@pytest.mark.parametrize(
    "text",
    [
        # a city in the locative before a state in the accusative: neither is a person
        "Кеше Ташкентте Палестинаны қолдап көшеге шыққан белсенділер 15 тәулікке қамалды.",
        "Бүгін Алматыда Украинаны қолдап пикетке шыққан үш белсенді 10 тәулікке қамалды.",
        "Кеше Бішкекте Молдованы сынап митингке шыққан екі адам 5 тәулікке қамалды.",
    ],
)
def test_place_and_state_are_no_name(text: str) -> None:
    result = kk(text)
    assert result.arrest
    assert held(result) == []
