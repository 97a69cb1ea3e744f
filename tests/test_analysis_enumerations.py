"""The enumeration stage: people listed together with a detainee share their role.

Sentences of our own writing, in English, Russian and Kazakh, through the whole analysis
(the stage runs after each language's rules) and through the pure stage itself.
"""

from __future__ import annotations

from bot.core.analysis.engine import analyze
from bot.core.analysis.enumeration_people import extend_enumerations
from bot.core.analysis.enumerations import same_person
from bot.core.analysis.result import Analysis, Detainee


def _held(lang: str, names: list[str], term: str | None = None) -> Analysis:
    return Analysis(arrest=True, protest=True, lang=lang, detainees=tuple(Detainee(n, term) for n in names), score=0.9)


def _names(result: Analysis) -> dict[str, str | None]:
    return {d.name: d.term for d in result.detainees}


def test_english_list_shares_the_role_and_the_term() -> None:
    text = (
        "A court in Minsk jailed the reporters Olga Vetrova, Pavel Zhuk of the Evening Courier, "
        "and Irina Lapko for 15 days on Monday."
    )
    result = extend_enumerations(_held("en", ["Pavel Zhuk"], "15 days"), "", text)
    assert _names(result) == {"Pavel Zhuk": "15 days", "Olga Vetrova": "15 days", "Irina Lapko": "15 days"}


def test_a_given_name_joined_by_and_takes_the_family_name() -> None:
    text = "The court sentenced Oleg Marin, Yury and Kastus Lebedz to 4 years in a penal colony."
    result = extend_enumerations(_held("en", ["Oleg Marin"], "4 years"), "", text)
    assert _names(result) == {"Oleg Marin": "4 years", "Yury Lebedz": "4 years", "Kastus Lebedz": "4 years"}


def test_individual_terms_are_not_shared() -> None:
    text = "The activists were jailed: Anna Sokol – 5 years, Boris Kaptan – 3 years."
    result = extend_enumerations(_held("en", ["Anna Sokol"], "5 years"), "", text)
    assert _names(result).get("Anna Sokol") == "5 years"
    assert _names(result).get("Boris Kaptan") is None


def test_a_judge_beside_the_sentenced_is_not_listed() -> None:
    text = "Judge Marat Omarov and prosecutor Daniyar Ismail asked to jail Erlan Sadykov for 10 days."
    result = extend_enumerations(_held("en", ["Erlan Sadykov"], "10 days"), "", text)
    assert _names(result) == {"Erlan Sadykov": "10 days"}
    text = "Judge Aigul Bekova and Erlan Sadykov were in the courtroom when he was jailed."
    result = extend_enumerations(_held("en", ["Erlan Sadykov"]), "", text)
    assert _names(result) == {"Erlan Sadykov": None}


def test_a_release_sentence_extends_nobody() -> None:
    text = "Timur Nazarov and Aliya Kasym were released, Dina Orlova stays in custody."
    result = extend_enumerations(_held("en", ["Dina Orlova"]), "", text)
    assert _names(result) == {"Dina Orlova": None}


def test_a_speaker_after_the_list_is_not_held() -> None:
    text = "Police detained Bolat Serik, rights defender Gulnar Aman told reporters."
    result = extend_enumerations(_held("en", ["Bolat Serik"]), "", text)
    assert _names(result) == {"Bolat Serik": None}


def test_russian_list_with_titles_and_a_takzhe() -> None:
    text = (
        "Полиция задержала общественного деятеля Арман Сериков, бывшего посла Ерлан Ахметов, "
        "а также бывшего депутата Гульнару Тимурову."
    )
    result = extend_enumerations(_held("ru", ["Арман Сериков", "Ерлан Ахметов"]), "", text)
    assert "Гульнара Тимурова" in _names(result)


def test_russian_judge_and_the_sentenced() -> None:
    text = "Судья Ирина Павлова приговорила Дениса Котова к 5 годам колонии."
    result = extend_enumerations(_held("ru", ["Денис Котов"], "5 years"), "", text)
    assert _names(result) == {"Денис Котов": "5 years"}


def test_russian_release_sentence() -> None:
    text = "Ивана Белова и Петра Седова отпустили, а Олега Крылова арестовали на 10 суток."
    result = extend_enumerations(_held("ru", ["Олег Крылов"], "10 days"), "", text)
    assert _names(result) == {"Олег Крылов": "10 days"}


def test_kazakh_list_joined_by_men() -> None:
    text = "Сот белсенділер Ержан Әмірхан мен Мәди Бекмырзаны 10 тәулікке қамады."
    result = extend_enumerations(_held("kk", ["Мәди Бекмырза"], "10 days"), "", text)
    assert _names(result).get("Ержан Әмірхан") == "10 days"


def test_kazakh_release_sentence() -> None:
    text = "Ержан Әмірхан мен Мәди Бекмырза босатылды, ал Асқар Нұров қамауда қалды."
    result = extend_enumerations(_held("kk", ["Асқар Нұров"]), "", text)
    assert _names(result) == {"Асқар Нұров": None}


def test_nothing_for_reports_without_detainees() -> None:
    result = Analysis(arrest=False, protest=False, lang="en")
    assert extend_enumerations(result, "", "Anna Sokol and Boris Kaptan met.") is result


def test_same_person_across_case_forms_and_spellings() -> None:
    assert same_person("Дениса Варозова", "Денис Варозов")
    assert same_person("Ahmed Doma", "Ahmed Douma")
    assert same_person("Ivanov", "Aleksandr Ivanov")
    assert not same_person("Aleksandr Petrov", "Aleksandr Ivanov")


def test_the_whole_analysis_adds_the_listed() -> None:
    text = (
        "Police in Almaty detained the activists Nurlan Abenov, Saule Temir and Askar Zhanov at a protest. "
        "A court jailed Nurlan Abenov, Saule Temir and Askar Zhanov for 10 days each."
    )
    names = {d.name for d in analyze("Activists jailed in Almaty", text, "en").detainees}
    assert {"Nurlan Abenov", "Saule Temir", "Askar Zhanov"} <= names


def test_a_speaker_the_sentence_opens_with_is_not_listed() -> None:
    text = "По словам правозащитницы Анны Корнеевой, Игоря Седова и Ивана Белова арестовали на 10 суток."
    result = extend_enumerations(_held("ru", ["Игорь Седов"], "10 days"), "", text)
    assert "Анна Корнеева" not in _names(result)
    text = "По его данным, были задержаны Игорь Седов, Анна Корнеева и Иван Белов."
    result = extend_enumerations(_held("ru", ["Игорь Седов"]), "", text)
    assert {"Анна Корнеева", "Иван Белов"} <= set(_names(result))


def test_counsel_is_not_listed_but_an_arrested_lawyer_is() -> None:
    text = "Police detained Erlan Sadykov and his lawyer Marat Omarov was not allowed to see him in custody."
    result = extend_enumerations(_held("en", ["Erlan Sadykov"]), "", text)
    assert _names(result) == {"Erlan Sadykov": None}
    text = "The court jailed the lawyers Marat Omarov and Aigul Bekova for 15 years."
    result = extend_enumerations(_held("en", ["Aigul Bekova"], "15 years"), "", text)
    assert _names(result)["Marat Omarov"] == "15 years"


def test_respective_terms_are_not_shared() -> None:
    text = "The court jailed Anna Sokol and Boris Kaptan to 9 and 7 years, respectively."
    result = extend_enumerations(_held("en", ["Anna Sokol"], "9 years"), "", text)
    assert _names(result) == {"Anna Sokol": "9 years", "Boris Kaptan": None}
