"""The Russian person finder (pymorphy3 and capitalisation, no neural tagger). Sentences are our own."""

from __future__ import annotations

import pytest

from bot.core.analysis.ru_names import parse


def names(text: str) -> list[str]:
    return [" ".join(m.normal) for s in parse(text) for m in s.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name in a consonant does not decline for a woman: the "-ова" is her nominative
        ("Вчера вечером была задержана Жанаргуль Текебаева.", ["Жанаргуль Текебаева"]),
        # a man's genitive after a role noun in apposition
        ("Полиция задержала блогера Нурлана Сапарова у здания акима.", ["Нурлан Сапаров"]),
        # a known word that is also a given name, beside a surname
        ("В суде выступил Канат Мукашев.", ["Канат Мукашев"]),
        # "кызы" makes the name a woman's and stays lower-case
        ("Задержана журналистка Айжан Талант кызы.", ["Айжан Талант кызы"]),
        # a list shares one case
        (
            "Задержали Ерлана Абдыкова, Гульнару Сапарову и Досыма Ермекова.",
            ["Ерлан Абдыков", "Гульнара Сапарова", "Досым Ермеков"],
        ),
    ],
)
def test_names_in_the_nominative(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Президент подписал указ, который обсуждали в Верховном Суде.",  # titles and institutions
        "Пикет прошёл на улице Абая у памятника.",  # a street
        "Активисты партии «Ак Жол» провели собрание.",  # a short quoted organisation
        "Его доставили в Грозном в отдел полиции.",  # a lone word after "в" is a place
    ],
)
def test_no_person(text: str) -> None:
    assert names(text) == []


def test_a_title_glued_to_a_name_is_left_out() -> None:
    assert names("Об этом заявил глава МВД Марат Ахметжанов.") == ["Марат Ахметжанов"]


def test_two_people_side_by_side_are_two_names() -> None:
    assert names("Жалобу подписали Темирлан Жумабаев Жанар Оспанова.") == [
        "Темирлан Жумабаев",
        "Жанар Оспанова",
    ]


def test_a_line_break_ends_a_name() -> None:
    found = names("Суд арестовал Ерлана Сапарова\nАйгуль Каримова рассказала об этом.")
    assert "Ерлан Сапаров" in found and not any("Сапаров Айгуль" in n for n in found)


def test_the_neural_tagger_is_not_loaded() -> None:
    import sys

    parse("Суд арестовал на десять суток активиста Ерлана Сапарова.")
    assert not any(name.split(".")[0] in ("natasha", "slovnet", "navec") for name in sys.modules)


def test_a_compound_title_opening_the_sentence_is_no_name() -> None:
    assert names("Журналиста-расследователя Ерлана Сапарова задержали вечером.") == ["Ерлан Сапаров"]


def test_initials_stay_with_the_surname_and_its_case() -> None:
    assert names("Полиция задержала активистку Б. К. Сапарову у акимата.") == ["Б. К. Сапарова"]


def test_a_judge_written_with_an_initial_is_not_a_detainee() -> None:
    from bot.core.analysis.result import RuleConfig
    from bot.core.analysis.russian import analyze_cyrillic

    result = analyze_cyrillic(
        "", "Судья А. Петров арестовал на 10 суток активиста Ерлана Сапарова за митинг.", "ru", RuleConfig()
    )
    assert [d.name for d in result.detainees] == ["Ерлан Сапаров"]


def test_a_list_in_the_nominative_keeps_a_womans_name_a_womans() -> None:
    assert names("Задержаны: Роман Тулегенов, Валерия Жакупова и Кирилл Сорокин.") == [
        "Роман Тулегенов",
        "Валерия Жакупова",
        "Кирилл Сорокин",
    ]


def test_names_after_a_plural_role_noun_share_its_case() -> None:
    assert names("Полиция задержала пикетчиков Дину Абдыкадырову и Марата Сеитова.") == [
        "Дина Абдыкадырова",
        "Марат Сеитов",
    ]


def test_capitalised_words_in_no_common_case_are_no_name() -> None:
    assert names("Вопрос обсудили на сессии Милли Меджлиса вчера.") == []
