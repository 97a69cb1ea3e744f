"""The Russian arrest decision on classes of report that look like custody and are not, and
terms written the way courts write them. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.analysis.result import Analysis, RuleConfig
from bot.analysis.ru_terms import find_terms
from bot.analysis.russian import analyze_cyrillic


def ru(text: str, title: str = "") -> Analysis:
    result = analyze_cyrillic(title, text, "ru", RuleConfig())
    assert result.arrest == (result.score >= 0.5)
    return result


@pytest.mark.parametrize(
    "text",
    [
        "Суд приговорил к 18 годам колонии убийц оппозиционного политика Нурбека Сапарова.",
        "Полиция задержала двоих мужчин по подозрению в нападении на журналиста местной газеты.",
        "Суд вынес приговор обвиняемым в убийстве известного активиста: исполнитель получил 20 лет колонии.",
    ],
)
def test_the_trial_of_an_activists_killers_is_crime_news(text: str) -> None:
    result = ru(text)
    assert not result.arrest
    assert "Нурбек Сапаров" not in {d.name for d in result.detainees}


@pytest.mark.parametrize(
    "text",
    [
        "Правозащитники подвели итоги года: за 2024 год задержаны 400 участников акций протеста.",
        "Суд оштрафовал журналистку Айгерим Нуртаеву за пост в фейсбуке, ранее её неоднократно задерживали на пикетах.",
    ],
)
def test_a_years_summary_or_an_earlier_custody_is_background(text: str) -> None:
    assert not ru(text).arrest


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Журналистка Динара Сейтова на свободе", "В мае её арестовали на 10 суток за репортаж с митинга."),
        ("", "Активисты Ержан Абенов и Марат Оспанов вышли на свободу. Их задержали 3 мая на митинге в Алматы."),
        ("Активиста выпустили из спецприёмника", "Активиста Ерлана Сеитова арестовали на 15 суток за пикет."),
    ],
)
def test_a_release_in_the_headline_or_lead_is_no_new_custody(title: str, text: str) -> None:
    result = ru(text, title)
    assert not result.arrest
    assert any(r.startswith("negative:release") for r in result.reasons)


def test_a_new_detention_in_the_lead_is_still_news() -> None:
    result = ru("Полиция задержала активиста Ерлана Сеитова на пикете в Алматы, сообщила его жена.")
    assert result.arrest


def test_a_number_spelled_again_in_brackets_is_one_term() -> None:
    words = ["арестовал", "сроком", "на", "2", "(", "два", ")", "месяца"]
    assert [t.value for t in find_terms(words, "ru")] == ["2 months"]
    assert [t.value for t in find_terms("на 1 (один) месяц".split(), "ru")] == ["1 month"]
    result = ru("Суд санкционировал арест активиста Бауыржана Касенова сроком на 2 (два) месяца.")
    assert result.arrest
    assert {d.name: d.term for d in result.detainees} == {"Бауыржан Касенов": "2 months"}


@pytest.mark.parametrize(
    "text",
    [
        "Суд приговорил активиста Берика Жумина к шести годам колонии в 2019 году, сообщила его сестра.",
        "Журналиста Айдара Сапарова задержали в марте 2017 года после публикации в фейсбуке.",
    ],
)
def test_a_custody_placed_in_a_year_is_background(text: str) -> None:
    assert not ru(text).arrest


def test_a_lead_that_tells_of_an_earlier_release_is_no_new_custody() -> None:
    result = ru(
        "Активист Нурлан Тасов, освободившийся из колонии месяц назад, выступил на пресс-конференции. "
        "Суд приговорил его к трём годам лишения свободы за посты в фейсбуке."
    )
    assert not result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "В Таразе задержали мужчину, который угрожал соседям ножом. Журналист местной газеты сообщил, что он ранее судим.",
        "Полиция задержала угонщика автомобиля, передаёт корреспондент телеканала.",
        "Полиция задержала мужчину, укравшего велосипед, по словам журналиста местного сайта.",
    ],
)
def test_the_press_as_source_is_not_civic_context(text: str) -> None:
    assert not ru(text).arrest


def test_a_journalist_who_tells_of_her_own_detention_is_civic_context() -> None:
    result = ru("Журналистка Алия Каримова рассказала, что её задержали на пикете в субботу.")
    assert result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "Суд заменил активисту Ержану Тасову лишение свободы на ограничение свободы, и он вышел из колонии.",
        "Блогер Дамир Оспанов вышел из СИЗО: суд назначил ему штраф.",
    ],
)
def test_leaving_a_colony_or_a_term_replaced_by_a_fine_is_a_release(text: str) -> None:
    assert not ru(text).arrest
