"""Kazakh stream, round kks: releases told with "босап шық-", hours at the police told as
sitting there, a reminder that opens the report's background, a question in the lead, and
a region's name ("Таулы"). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import held, kk_engine, kk_rules


@pytest.mark.parametrize(
    "text",
    [
        # "босап шықты" (got free) is a release, so the place left is no custody
        "Белсенді Ерлан Сәкенов түрмеден босап шықты. Бұл туралы оның қызы хабарлады.",
        "Оппозициялық саясаткер Болат Құрманов тергеу изоляторынан босап шыққанын айтты.",
    ],
)
def test_got_free_is_a_release(text: str) -> None:
    assert not kk_rules(text).arrest


def test_names_after_a_release_are_the_freed() -> None:
    # "Олар – X пен Y" after a release names those set free, not detainees
    text = (
        "Мемлекеттік арна екі оппозициялық белсенділердің абақтыдан босап шыққанын хабарлады. "
        "Олар – Ерлан Сәкенов пен Болат Құрманов."
    )
    result = kk_rules(text)
    assert not result.arrest
    assert held(result) == []


def test_held_then_freed_at_once_is_still_custody() -> None:
    # the converb of the act, then the release: hours at the police are custody
    text = "Бүгін тілшілер Айдос Нұрланов пен Сәуле Бекова да полицияға ұсталып, босап шыққан."
    result = kk_rules(text)
    assert result.arrest
    assert held(result) == [("Айдос Нұрланов", None), ("Сәуле Бекова", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Пикетке шыққан белсенді Асқар Беков қазір аудандық полиция бөлімінде отырғанын айтты.",
        "Наразылыққа қатысқан журналист Дана Серікова полиция бөлімшесінде отыр.",
    ],
)
def test_sitting_at_the_police_is_custody(text: str) -> None:
    assert kk_rules(text).arrest


def test_working_at_the_police_is_no_custody() -> None:
    text = "Белсендінің ағасы аудандық полиция бөлімінде жұмыс істейді, деді наразылыққа келген тұрғын."
    assert not kk_rules(text).arrest


def test_a_question_in_the_title_is_no_release() -> None:
    # "бостандыққа шыға ма?" asks whether they will be freed: the custody told after is news
    title = "Абақтыда отырған туыстары бостандыққа шыға ма?"
    text = (
        "Туыстарын босатуды талап еткен топ бүгін де консулдық алдына бармақ болған. "
        "Наразылыққа келген Айгүл Сапарова бұл жолы полиция бөлімшесінде отырғанын айтты."
    )
    result = kk_rules(text, title=title)
    assert result.arrest
    assert held(result) == [("Айгүл Сапарова", None)]


def test_custody_after_a_reminder_of_the_past_is_background() -> None:
    text = (
        "Оппозиция келесі айда тағы митинг өткізуге өтініш берді. "
        "Еске сала кетейік, бұған дейін қозғалыс бірнеше қалада шеру ұйымдастырған болатын. "
        "Сол шерудің екі қатысушысы Асқар Нұрбеков 8 айға бас бостандығынан айырылған, "
        "ал Ерлан Досов жарты жылға сотталған."
    )
    # doubtful at most: its people are kept for the operator, not reported
    assert not kk_rules(text).arrest


def test_recent_custody_after_a_reminder_stays_news() -> None:
    text = (
        "Еске сала кетейік, бұған дейін қозғалыс бірнеше қалада шеру ұйымдастырған болатын. "
        "Қозғалыс белсендісі Асқар Нұрбеков таяуда 15 тәулікке қамалды."
    )
    result = kk_rules(text)
    assert result.arrest
    assert held(result) == [("Асқар Нұрбеков", "15 days")]


def test_recently_keeps_custody_news_in_an_anniversary_report() -> None:
    # "таяуда" (recently) is a recent time, as "кеше" is
    text = "Ереуілге он жыл толды. Ереуілді еске алуға шыққан белсенді Сергей Волынский таяуда 10 тәулікке қамалды."
    result = kk_engine(text)
    assert result.arrest
    assert held(result) == [("Сергей Волынский", "10 days")]


def test_mountainous_region_is_no_name() -> None:
    text = "Таулы Алтай тұрғындары наразылыққа шықты. Полиция белсенді Айбек Сейітовті ұстады."
    assert held(kk_rules(text)) == [("Айбек Сейітов", None)]
