"""Kazakh news of custody told abroad and of names foreign to Kazakh: the security forces by
other names, Slavic and Persian surnames with a case suffix, the surname-first order, a
place's adjective after a name, "political prisoners" as a demand, and a memorial's
counterfactual. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.kk_name_forms import not_name, strip_case
from tests.support.kazakh import kk_engine as kk
from tests.support.kazakh import names


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # the security forces by other names
        (
            "Минскіде күштік құрылым қызметкерлері тілші Станислав Ярошевичті ұстап, түнге дейін жауап алды.",
            "Станислав Ярошевич",
        ),
        (
            "Федералдық қауіпсіздік қызметі блогер Станислав Ярошевичті пәтерінен ұстап, Мәскеуге алып кетті.",
            "Станислав Ярошевич",
        ),
        # a Persian name ending in "ди" keeps it; a place's adjective and "Қазір" are no part of it
        (
            "Тегеранда құқық қорғаушы Ширин Хамиди сот үкімімен бес жылға бас бостандығынан айырылды. "
            "Қазір Хамиди Тебриздегі түрмеде отыр.",
            "Ширин Хамиди",
        ),
        # the surname-first order is the same person
        (
            "Бақшасарайда тінту кезінде белсенді Ридван Кадыров ұсталды. "
            "Адвокаттың айтуынша, Кадыров Ридван әлі де уақытша ұстау изоляторында отыр.",
            "Ридван Кадыров",
        ),
        # the verb of captivity still counts
        ("Ақтөбеде полиция белсенді Ерлан Дүйсеновті тұтқындады.", "Ерлан Дүйсенов"),
    ],
)
def test_custody_abroad_and_foreign_names(text: str, held: str) -> None:
    result = kk(text)
    assert result.arrest
    assert names(result) == [held]


def test_name_word_forms() -> None:
    assert strip_case("Ковальчукті", frozenset())[0] == "Ковальчукті"  # the vowels disagree: kept
    assert strip_case("Петровичті", frozenset()) == ("Петрович", "ті")
    assert strip_case("Петровичке", frozenset()) == ("Петрович", "ке")
    assert not_name("Тебриздегі") and not_name("Қазір") and not not_name("Хамиди")
    # a surname's own "-ин"/"-ина" after "-ов"/"-ев" is no case suffix (Kazakh writes "Левинді")
    assert strip_case("Левин", frozenset()) == ("Левин", "")
    assert strip_case("Коровина", frozenset()) == ("Коровина", "")
    assert strip_case("Коровинге", frozenset()) == ("Коровин", "ге")
    assert names(kk("Мәскеуде полиция белсенді Игорь Левинді ұстады.")) == ["Игорь Левин"]


@pytest.mark.parametrize(
    "text",
    [
        # political prisoners in a demand
        "Шеруге шыққан жүзге жуық адам жер мәселесін шешуді және саяси тұтқындарды босатуды талап етті. "
        "Жиын тыныш өтті.",
        # a memorial recalls a life, not news
        "Ереуілшілерді қорғағаны үшін түрмеге жабылған ақын Серік Жұмабаев арамызда аман жүрсе "
        "биыл 80 жасқа толар еді. Оны еске алу кеші Алматыда өтті.",
    ],
)
def test_no_custody_told(text: str) -> None:
    assert not kk(text).arrest


def test_a_campaign_office_named_after_its_candidate() -> None:
    # "Yashin's headquarters' volunteers were held": the candidate is no detainee
    assert names(kk("Мәскеуде оппозиционер Илья Яшин штабының екі еріктісі пикетте ұсталды.")) == []
    assert names(kk("Мәскеуде оппозиционер Илья Яшин пикетте ұсталды.")) == ["Илья Яшин"]
