"""Kazakh rules, the context around custody: background, suspended and banned terms, terms
that belong to one person, crime words as a topic, names as objects. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.engine import analyze
from bot.core.analysis.kk_name_forms import strip_case
from tests.support.kazakh import kk_rules as kk
from tests.support.kazakh import people

# --- background: custody before the news ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A fine now; the custody "before this" is background, though it names the person.
        "Сот блогер Ерлан Әбдіқадыровқа 150 АЕК айыппұл салды. Бұған дейін ол 7 тәулікке қамалған еді.",
        # A complaint now; the custody last year is background.
        "Белсенді Ләззат Нұрғалиева сотқа арыз жазды. Ол былтыр митингте ұсталып, 3 тәулікке қамалған.",
        # A release now; the custody told as a past state.
        "Журналист Мейір Сағынтай бостандыққа шықты. Ол митингіні түсіргені үшін 12 тәулік қамақта болған.",
        # An acquittal ("ақтады") after house arrest told as a past state.
        "Сот белсенді Айжан Ерболқызын ақтады. Ол жарты жыл үйқамақта болған еді.",
        # A dated pluperfect: custody of a past year told as what had happened.
        "Белсенді Рахат Қайыржанов шағым түсірді. Ол 2021 жылғы шерудің кезінде ұсталып, 5 тәулікке қамалған еді.",
    ],
)
def test_custody_before_the_news_is_background(text: str) -> None:
    assert not kk(text).arrest


def test_an_anniversary_report_tells_old_custody() -> None:
    result = kk(
        "Сегіз жыл бұрын қалада ереуілге шыққан жұмысшыларды полиция таратты. "
        "Ереуілді ұйымдастырды деген үш кәсіподақ жетекшісі түрмеге қамалды. "
        "Бүгін алаңда гүл қойылды.",
        title="Ереуілге сегіз жыл толды",
    )
    assert not result.arrest


def test_an_anniversary_day_with_a_detention_today_is_news() -> None:
    result = kk(
        "Ереуілге сегіз жыл толды. Бүгін алаңға гүл қойған белсенді Ақниет Серғалиұлын полиция ұстады.",
    )
    assert result.arrest
    assert people(result) == {"Ақниет Серғалиұлы": None}


# --- terms that are no custody -------------------------------------------------------------


def test_a_suspended_sentence_is_no_custody() -> None:
    result = kk("Сот желідегі жазбасы үшін белсенді Әділет Нұрпейісті 2 жылға шартты түрде бас бостандығынан айырды.")
    assert not result.arrest


def test_a_term_of_a_ban_is_no_custody() -> None:
    result = kk(
        "Белсенді Бағдат Омаровқа 2 жыл бас бостандығын шектеу жазасы берілді. "
        "Сонымен қатар сот оны 4 жылға саяси қызметпен айналысу құқығынан айырды."
    )
    assert not result.arrest


# --- each person's own term ------------------------------------------------------------------


def test_a_term_closed_by_its_verb_is_not_the_next_persons() -> None:
    result = kk("Белсенді Дарын Ғалымов 12 тәулікке қамалды, оның ағасы Ерсін Ғалымов та ұсталды.")
    assert people(result) == {"Дарын Ғалымов": "12 days", "Ерсін Ғалымов": None}


def test_two_of_them_share_no_term() -> None:
    result = kk("Пикетке шыққан Әсет Бекұлы, Мадина Сейітова, Тимур Жақыпов ұсталды. Олардың екеуі 7 тәулікке қамалды.")
    assert people(result) == {"Әсет Бекұлы": None, "Мадина Сейітова": None, "Тимур Жақыпов": None}


def test_both_of_them_share_the_term() -> None:
    result = kk("Полиция пикетке шыққан Әсет Бекұлы мен Тимур Жақыповты ұстады. Сот екеуін де 7 тәулікке қамады.")
    assert people(result) == {"Әсет Бекұлы": "7 days", "Тимур Жақыпов": "7 days"}


def test_the_active_sentence_verb_with_a_term() -> None:
    result = kk("Сот оппозициялық белсенді Нұрғиса Темірбекұлын 6 жылға кесті.")
    assert result.arrest
    assert people(result) == {"Нұрғиса Темірбекұлы": "6 years"}


# --- crime words, criticism, names as objects ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Парақорлықты әшкерелеген журналист Ерболат Сапарғалиев 10 тәулікке қамалды.",
        "Жемқорлыққа қарсы белсенді Жандос Әбілов полиция бөлімшесіне жеткізілді.",
    ],
)
def test_a_crime_as_the_topic_is_no_charge(text: str) -> None:
    assert kk(text).arrest


def test_an_accusative_name_before_a_describing_participle_is_its_object() -> None:
    result = kk("Әкім Сейітқалиевты сынаған блогер Әлібек Нұрмағанбет 5 тәулікке қамалды.")
    assert result.arrest
    assert people(result) == {"Әлібек Нұрмағанбет": "5 days"}


# --- custody in other words -----------------------------------------------------------------


def test_held_and_let_go_by_the_police() -> None:
    result = kk(
        "Пикетті түсірген журналист Сәуле Мұратқызын полиция ұстап, үш сағаттан кейін босатты.",
    )
    assert result.arrest
    assert people(result) == {"Сәуле Мұратқызы": None}


def test_hours_at_a_police_station_are_custody() -> None:
    result = kk("Жалғыз адамдық пикеттен кейін белсенді Жақып Оразов полиция бөлімшесінде төрт сағат отырды.")
    assert result.arrest
    assert people(result) == {"Жақып Оразов": None}


def test_the_keepers_of_order_take_people_away() -> None:
    result = kk("Әкімдік алдында наразылық білдіргендерді тәртіп сақшылары алып кетті.")
    assert result.arrest


def test_a_police_van_standing_by_is_no_custody() -> None:
    result = kk("Митинг өтеді деген алаңда бірнеше автозак тұр. Полицейлер көп.")
    assert not result.arrest


def test_a_place_of_custody_describing_kin_is_background() -> None:
    result = kk("Түрмеге қамалған белсенділердің туыстары сот алдына жиналды.")
    assert not result.arrest


# --- names ----------------------------------------------------------------------------------


def test_case_suffix_in_the_skeleton_spelling_comes_off_whole() -> None:
    # The bare "н" would leave "Ормуковти" when the text also writes that form.
    assert strip_case("Сапаровтин", frozenset({"Сапаровти"})) == ("Сапаров", "тин")


def test_an_arabic_script_name_loses_its_genitive() -> None:
    text = "بەلسەندى ەرلان ساپاروۆتىڭ قامالعانىنا نارازىلىق ءبىلدىردى. اقىن ەرلان ساپاروۆتى پوليتسيا ۇستادى."
    result = analyze("", text, "kk")
    assert [d.name for d in result.detainees] == ["ەرلان ساپاروۆ"]


@pytest.mark.parametrize("name", ["Жамбыл", "Думан", "Ғалым", "Сағындық"])
def test_more_kazakh_given_names_begin_a_name(name: str) -> None:
    result = kk(f"Пикетке шыққан {name} Төлеубай ұсталды.")
    assert people(result) == {f"{name} Төлеубай": None}


def test_a_describing_participle_in_a_sentence_about_the_held_is_news() -> None:
    result = kk("Пикетте ұсталған Ербол Сайын мен Жазира Әлиева полиция бөлімшесінде отыр.")
    assert result.arrest
    assert people(result) == {"Ербол Сайын": None, "Жазира Әлиева": None}


def test_a_describing_participle_before_another_past_event_is_background() -> None:
    result = kk("Бұрын 10 тәулікке қамалған белсенді Ербол Сайын бүгін прокуратураға шақырылды.")
    assert not result.arrest
