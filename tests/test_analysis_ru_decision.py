"""The Russian arrest decision on classes of report that look like custody and are not, and
terms written the way courts write them. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.ru_terms import find_terms
from tests.support.russian import ru

# (title, text) of reports that are no arrest alert, one class of look-alike each.
NOT_ARRESTS = [
    # an activist's killers tried: the civic word is the victim's
    pytest.param("", "Суд приговорил к 18 годам колонии убийц оппозиционного политика Нурбека Сапарова.", id="killers"),
    pytest.param(
        "", "Полиция задержала двоих мужчин по подозрению в нападении на журналиста местной газеты.", id="attack"
    ),
    pytest.param(
        "",
        "Суд вынес приговор обвиняемым в убийстве известного активиста: исполнитель получил 20 лет колонии.",
        id="trial",
    ),
    # a year's summary, an earlier custody, a custody placed in a past year
    pytest.param(
        "", "Правозащитники подвели итоги года: за 2024 год задержаны 400 участников акций протеста.", id="summary"
    ),
    pytest.param(
        "",
        "Суд оштрафовал журналистку Айгерим Нуртаеву за пост в фейсбуке, ранее её неоднократно задерживали на пикетах.",
        id="earlier",
    ),
    pytest.param(
        "", "Суд приговорил активиста Берика Жумина к шести годам колонии в 2019 году, сообщила его сестра.", id="year"
    ),
    pytest.param(
        "", "Журналиста Айдара Сапарова задержали в марте 2017 года после публикации в фейсбуке.", id="month-year"
    ),
    # the press as the source of a crime report
    pytest.param(
        "",
        "В Таразе задержали мужчину, который угрожал соседям ножом. Журналист местной газеты сообщил, что он ранее судим.",
        id="press-source",
    ),
    pytest.param("", "Полиция задержала угонщика автомобиля, передаёт корреспондент телеканала.", id="press-passes-on"),
    pytest.param(
        "", "Полиция задержала мужчину, укравшего велосипед, по словам журналиста местного сайта.", id="press-says"
    ),
    # releases
    pytest.param(
        "Журналистка Динара Сейтова на свободе", "В мае её арестовали на 10 суток за репортаж с митинга.", id="free"
    ),
    pytest.param(
        "",
        "Активисты Ержан Абенов и Марат Оспанов вышли на свободу. Их задержали 3 мая на митинге в Алматы.",
        id="lead-release",
    ),
    pytest.param(
        "Активиста выпустили из спецприёмника",
        "Активиста Ерлана Сеитова арестовали на 15 суток за пикет.",
        id="let-out",
    ),
    pytest.param(
        "",
        "Активист Нурлан Тасов, освободившийся из колонии месяц назад, выступил на пресс-конференции. "
        "Суд приговорил его к трём годам лишения свободы за посты в фейсбуке.",
        id="freed-earlier",
    ),
    pytest.param(
        "",
        "Суд заменил активисту Ержану Тасову лишение свободы на ограничение свободы, и он вышел из колонии.",
        id="term-replaced",
    ),
    pytest.param("", "Блогер Дамир Оспанов вышел из СИЗО: суд назначил ему штраф.", id="left-custody"),
    # words crime news uses too, alone: an operator decides
    pytest.param("", "Сотрудники поста на трассе задержали водителя грузовика без документов на груз.", id="post"),
    pytest.param("", "Полицейские задержали партию контрафактного алкоголя и водителя фуры.", id="consignment"),
    pytest.param("", "В торговом центре во время акции задержали мужчину, который пытался вынести товар.", id="sale"),
    pytest.param("", "Полиция задержала мужчину, который в соцсетях предлагал фиктивные справки.", id="social-media"),
    # custody ordered in absentia, refused or only threatened
    pytest.param(
        "", "Суд заочно арестовал оппозиционного блогера Айдоса Садыкова, живущего за границей.", id="absentia"
    ),
    pytest.param(
        "",
        "Суд заочно приговорил оппозиционного политика Мурата Алиева к 10 годам лишения свободы.",
        id="absentia-term",
    ),
    pytest.param("", "Суд отказал следствию в аресте активиста Ерлана Сеитова и назначил ему штраф.", id="refused"),
    # a protest held at a police building
    pytest.param(
        "", "Митинг провели у здания отдела полиции, требуя расследовать гибель задержанного.", id="held-at-police"
    ),
]


@pytest.mark.parametrize(("title", "text"), NOT_ARRESTS)
def test_look_alikes_are_no_arrest(title: str, text: str) -> None:
    result = ru(text, title)
    assert not result.arrest
    assert "Нурбек Сапаров" not in {d.name for d in result.detainees}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Журналистка Динара Сейтова на свободе", "В мае её арестовали на 10 суток за репортаж с митинга."),
        ("Активиста выпустили из спецприёмника", "Активиста Ерлана Сеитова арестовали на 15 суток за пикет."),
    ],
)
def test_a_headline_release_says_why(title: str, text: str) -> None:
    assert any(r.startswith("negative:release") for r in ru(text, title).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Полиция задержала активиста Ерлана Сеитова на пикете в Алматы, сообщила его жена.",
        "Журналистка Алия Каримова рассказала, что её задержали на пикете в субботу.",
        "Активист Ерлан Касымов провёл в отделе полиции три часа после пикета.",
    ],
)
def test_custody_next_to_those_classes_is_still_news(text: str) -> None:
    assert ru(text).arrest


def test_a_number_spelled_again_in_brackets_is_one_term() -> None:
    words = ["арестовал", "сроком", "на", "2", "(", "два", ")", "месяца"]
    assert [t.value for t in find_terms(words, "ru")] == ["2 months"]
    assert [t.value for t in find_terms("на 1 (один) месяц".split(), "ru")] == ["1 month"]
    result = ru("Суд санкционировал арест активиста Бауыржана Касенова сроком на 2 (два) месяца.")
    assert result.arrest
    assert {d.name: d.term for d in result.detainees} == {"Бауыржан Касенов": "2 months"}
