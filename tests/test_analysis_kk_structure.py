"""Kazakh report structure: headlines, possessors, capitals, initials, scripts, charges.

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import kk_engine as kk
from tests.support.kazakh import people


def test_headline_role_is_the_person_the_lead_introduces() -> None:
    result = kk(
        "Шымкенттік блогер Нұрлан Әбдіров әкімді сынаған видеосы үшін сот залынан қамауға алынды.",
        title="Блогер 20 тәулікке қамалды",
    )
    assert result.arrest
    assert people(result) == {"Нұрлан Әбдіров": "20 days"}


def test_headline_line_at_the_top_of_the_text() -> None:
    result = kk(
        "Белсенді 15 тәулікке қамалды\n\nОралдағы белсенді Айбек Тұрсынов бейбіт жиын тәртібін бұзды деп танылды."
    )
    assert result.arrest
    assert people(result) == {"Айбек Тұрсынов": "15 days"}


def test_headline_role_missing_from_the_lead_names_nobody() -> None:
    result = kk(
        "Соттың төрағасы Бекзат Омаров шешімді жариялады, митингке шыққандар наразы.",
        title="Белсенді 10 тәулікке қамалды",
    )
    assert "Бекзат Омаров" not in people(result)


def test_possessor_said_to_be_held_himself() -> None:
    result = kk("Белсенді Қайрат Нұрбековтің үйінде тінту жүргізіліп, өзі полицияға алып кетілді.")
    assert result.arrest
    assert people(result) == {"Қайрат Нұрбеков": None}


def test_speaker_held_by_the_police() -> None:
    result = kk("Белсенді Ерлан Қалиевтің айтуынша, митинг кезінде оны полиция ұстап, бес сағат ұстаған.")
    assert people(result) == {"Ерлан Қалиев": None}


def test_genitive_with_son_is_kin_not_a_patronymic() -> None:
    result = kk("Белсенді Ерлан Қалиевтің ұлы митингте ұсталды.")
    assert "Ерлан Қалиев" not in people(result)
    assert all("ұлы" not in name for name in people(result))


def test_surname_in_capitals() -> None:
    result = kk("Белсенді Ерлан ҚАЛИЕВ митинг кезінде ұсталды.")
    assert people(result) == {"Ерлан Қалиев": None}


def test_acronym_in_capitals_is_no_name() -> None:
    result = kk("ҰҚК Алматыда белсенді Марат Сейітовті митингтен кейін ұстады.")
    assert people(result) == {"Марат Сейітов": None}


def test_initial_kept_or_completed_from_the_text() -> None:
    assert people(kk("Белсенді Ж.Мамай митинг кезінде ұсталды.")) == {"Ж. Мамай": None}
    completed = kk("Белсенді Жанболат Мамай митингке шықты. Полиция Ж. Мамайды ұстады.")
    assert people(completed) == {"Жанболат Мамай": None}


def test_both_with_the_particle_share_the_term() -> None:
    result = kk("Митингтен кейін сот Ерлан Қалиевті де, Марат Жұмаевты да 10 тәулікке қамады.")
    assert people(result) == {"Ерлан Қалиев": "10 days", "Марат Жұмаев": "10 days"}


def test_history_before_and_custody_again_now() -> None:
    result = kk("Белсенді Ерлан Қалиев, ол бұған дейін де бірнеше рет митингке шыққан, кеше тағы ұсталды.")
    assert result.arrest


def test_history_alone_is_background() -> None:
    result = kk("Белсенді Ерлан Қалиев бұған дейін митингке шыққаны үшін 10 тәулікке қамалған.")
    assert not result.arrest


def test_riots_alone_are_no_civic_context() -> None:
    result = kk("Ауылдағы екі әулет арасындағы жаппай тәртіпсіздікке қатысы бар 20 адам қамауға алынды.")
    assert not result.arrest
    assert kk("Жаппай тәртіпсіздік ұйымдастырды деп айыпталған белсенді Ерлан Қалиев қамауға алынды.").arrest


def test_attempted_rape_is_ordinary_crime() -> None:
    result = kk("Ауылда жасөспірім қызды зорламақ болған 40 жастағы ер адам ұсталды. Тұрғындар наразылық білдірді.")
    assert not result.arrest


def test_public_anger_caused_is_no_protest() -> None:
    result = kk("Жүргізушінің видеосы қоғам наразылығын тудырды. Полиция оны ұстады.")
    assert not result.protest


def test_terrorism_charge_against_protesters() -> None:
    result = kk(
        "Наразылық білдірушілер әкімдікке шықты, кейін тәртіпсіздік басталды. Лаңкестік бабы бойынша 12 адам қамауға алынды."
    )
    assert result.arrest


def test_terrorism_without_a_protest_is_no_alert() -> None:
    result = kk("Жарылыс жасамақ болған топтың 4 мүшесі терроризм бабы бойынша қамауға алынды.")
    assert not result.arrest


def test_arabic_script_with_a_latin_word() -> None:
    result = kk("بەلسەندى ەرلان قاليەۆ Facebook پاراقشاسىنداعى جازباسى ءۇشىن 10 تاۋلىككە قامالدى.")
    assert result.arrest
    assert list(people(result).values()) == ["10 days"]
    assert "قاليەۆ" in next(iter(people(result)))


def test_reporter_in_the_byline_is_no_detainee() -> None:
    result = kk("Астанада өткен пикетте полиция 5 адамды ұстады, деп хабарлайды Азаттық тілшісі Мәди Бекмағанбет.")
    assert result.arrest
    assert people(result) == {}


def test_quote_telling_the_speakers_own_custody() -> None:
    result = kk("«Полиция мені үйімнен алып кетті», – дейді белсенді Айдар Нұрланұлы. Ол 5 сағаттан кейін босатылған.")
    assert people(result) == {"Айдар Нұрланұлы": None}


def test_quote_of_a_speaker_about_others_names_no_speaker() -> None:
    result = kk("«Полиция белсенділерді ұстады», – деді құқық қорғаушы Айдар Нұрланұлы.")
    assert "Айдар Нұрланұлы" not in people(result)


def test_lawyers_client_is_the_one_held() -> None:
    result = kk("Айдар Нұрланұлының адвокаты Жанар Әлиеваның айтуынша, сот белсендіні 10 тәулікке қамады.")
    assert people(result) == {"Айдар Нұрланұлы": "10 days"}


def test_press_idioms_of_jail() -> None:
    assert people(kk("Белсенді Ерлан Қалиев митингтен кейін 5 жылға отырғызды.")) == {"Ерлан Қалиев": "5 years"}
    assert kk("Белсенді Ерлан Қалиев митингтен кейін тор артына жабылды.").arrest
    assert kk("Митингке шыққан белсенді Ерлан Қалиевті полиция құрықтады.").arrest
    assert not kk("Ауыл тұрғындары 500 түп ағаш отырғызды.").arrest


def test_custody_of_kazakhs_in_xinjiang() -> None:
    result = kk("Алматылық Асқар Нұрбекұлының ұлы Бауыржан Асқарұлы Шыңжаңға барғанда ұсталып, қамауға алынды.")
    assert result.arrest


@pytest.mark.parametrize(
    "text",
    [
        # a month in the locative is a date, not a given name
        "5 ناۋرىزدا قاليەۆتى پوليتسيا ۇستادى.",
        # a noun with the possessive ("the head of the group") is an apposition
        "توپ باسشىسى قاليەۆ 10 تاۋلىككە قامالدى.",
    ],
)
def test_arabic_script_common_noun_before_a_surname(text: str) -> None:
    assert [name.split() for name in people(kk(text))] == [["قاليەۆ"]]
