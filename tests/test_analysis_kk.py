"""Kazakh arrest rules. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.analysis.result import Analysis, RuleConfig
from bot.analysis.ru_terms import find_terms
from bot.analysis.russian import analyze_cyrillic


def kk(text: str, title: str = "", rules: RuleConfig | None = None) -> Analysis:
    result = analyze_cyrillic(title, text, "kk", rules or RuleConfig())
    assert result.lang == "kk"
    assert result.arrest == (result.score >= 0.5)
    return result


def people(result: Analysis) -> dict[str, str | None]:
    return {d.name: d.term for d in result.detainees}


def test_activist_jailed_for_days_after_a_rally() -> None:
    result = kk("Алматыда белсенді Ержан Сапаров бейбіт митингке қатысқаны үшін 15 тәулікке қамауға алынды.")
    assert result.arrest and result.protest
    assert people(result) == {"Ержан Сапаров": "15 days"}
    assert result.place == "Алматы"
    assert any(r.startswith("custody:") for r in result.reasons)


def test_patronymic_name_and_case_suffix() -> None:
    result = kk("Полиция журналист Айгүл Төлегенқызын ұстады. Ол наразылық акциясын түсіріп жүрген.")
    assert result.arrest
    assert people(result) == {"Айгүл Төлегенқызы": None}


def test_surname_with_accusative_suffix() -> None:
    result = kk("Белсенді Марат Жұмабаевты полиция митингтен кейін ұстады.")
    assert people(result) == {"Марат Жұмабаев": None}


def test_word_number_term() -> None:
    result = kk("Оппозициялық белсенді Нұрлан Әбенов он бес тәулікке қамалды.")
    assert people(result) == {"Нұрлан Әбенов": "15 days"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("15 тәулікке қамалды", "15 days"),
        ("жиырма тәулікке", "20 days"),
        ("5 жылға бас бостандығынан айырылды", "5 years"),
        ("екі айға қамауға алынды", "2 months"),
    ],
)
def test_term_forms(sentence: str, expected: str) -> None:
    assert [t.value for t in find_terms(sentence.split(), "kk")] == [expected]


def test_monthly_index_is_not_a_term() -> None:
    assert find_terms("20 айлық есептік көрсеткіш мөлшерінде айыппұл".split(), "kk") == []


@pytest.mark.parametrize(
    "text",
    [
        "Полиция есірткі сатқан ер адамды ұстады, ол уақытша ұстау изоляторына қамалды.",
        "Белсендіге 20 айлық есептік көрсеткіш мөлшерінде айыппұл салынды.",
        "Қалада вандализм фактілері бойынша 10 адам қамауға алынды.",
        "Ұлттық банк базалық мөлшерлемені өзгеріссіз қалдырды.",
    ],
)
def test_not_an_arrest(text: str) -> None:
    result = kk(text)
    assert not result.arrest
    assert result.detainees == ()


def test_protest_without_custody() -> None:
    result = kk("Жаңаөзенде мұнайшылар жалақы талап етіп ереуілге шықты.")
    assert result.protest and not result.arrest


def test_watchlist_in_kazakh() -> None:
    text = "Полиция Асқар Мұратовты үйінің жанынан ұстады."
    assert not kk(text).arrest
    result = kk(text, rules=RuleConfig(watchlist=("Асқар Мұратов",)))
    assert result.arrest and "watchlist:Асқар Мұратов" in result.reasons
    assert "Асқар Мұратов" in people(result)


def test_exclude_keyword() -> None:
    text = "Алматыда белсенді Ержан Сапаров митингке қатысқаны үшін 10 тәулікке қамалды."
    result = kk(text, rules=RuleConfig(exclude_keywords={"kk": ("митинг",)}))
    assert not result.arrest and "excluded:митинг" in result.reasons


def test_operator_custody_and_civic_keywords_in_kazakh() -> None:
    text = "Белгісіз адамдар Ерлан Сапаровты көлікке отырғызып әкетті. Ол жергілікті экоқозғалыс мүшесі."
    assert not kk(text).arrest
    rules = RuleConfig(extra_keywords={"kk": ("әкетті",)}, civic_keywords={"kk": ("экоқозғалыс",)})
    result = kk(text, rules=rules)
    assert result.arrest, result.reasons


def test_a_term_for_both_people_of_the_sentence_before() -> None:
    result = kk("Әкімдік алдында наразылық акциясына шыққан Дархан Шәріпов пен Асқар Нұрланұлы полиция "
                "қызметкерлерімен ұсталды. Сот екеуін де 15 тәулікке қамауға алды.")
    assert result.arrest
    assert [(d.name, d.term) for d in result.detainees] == [("Дархан Шәріпов", "15 days"), ("Асқар Нұрланұлы", "15 days")]
