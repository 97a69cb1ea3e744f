"""Other ways Kazakh news says custody, its civic cause and the detainee (packs/kk_ways.py, the
naming sentence of kk_rules), and the evidence ablation of bench/ablate.py. Every sentence
here is written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.core.analysis import analyze

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import ablate  # noqa: E402

from tests.support.kazakh import kk_engine as kk
from tests.support.kazakh import people


@pytest.mark.parametrize(
    "text",
    [
        # separatism as the noun, not only the adjective
        "Павлодарда 50 жастағы ер адам сепаратизм бабы бойынша төрт жылға сотталды.",
        # Xinjiang in both spellings (a city of it is a place of the gazetteer, no civic word)
        "Шыңжан-ұйғыр автономиялы ауданында тағы бір қазақ қамауға алынды.",
        "Шыңжаңға туыстарына барған Ерлан Дүйсенов сонда қамауға алынған.",
        # criticism by the converb
        "Әкімдікті үнемі сынап жүрген Ерлан Дүйсенов 10 тәулікке қамалды.",
        # a protest told by its cause
        "Жаңа салыққа қарсы шыққан Ерлан Дүйсенов ұсталды.",
        # people demanding the release of those held
        "Ауыл тұрғындары ұсталған жерлестерін босатуды талап етті. Полиция түнде бес адамды ұстаған.",
        # the administrative charge of protesters
        "Ерлан Дүйсенов бейбіт жиналыстарды ұйымдастыру тәртібін бұзғаны үшін 20 тәулікке қамалды.",
        # held for what one said or published, told by its noun
        "Ерлан Дүйсенов әлеуметтік желідегі пікірі үшін екі айға қамауға алынды.",
        "Ерлан Дүйсенов мақаласы үшін 15 тәулікке қамалды.",
        # speaking out, told by the verb
        "Ерлан Дүйсенов соғысты айыптағаны үшін 10 тәулікке қамалды.",
        "Ерлан Дүйсенов ауылдың су мәселесін көтергені үшін ұсталды.",
        "Ерлан Дүйсенов жиында сөйлегені үшін 5 тәулікке қамалды.",
        "Ерлан Дүйсенов бейнеүндеу жасағаны үшін ұсталды.",
        # seeking justice, running on one's own, preaching
        "Әділдік іздеп астанаға жаяу шыққан Ерлан Дүйсенов ұсталды.",
        "Тәуелсіз кандидат Ерлан Дүйсенов сайлау алдында ұсталды.",
        "Ерлан Дүйсенов уағыз айтқаны үшін 3 жылға сотталды.",
        "«Таблиғи жамағат» қозғалысына қатысы бар деп Ерлан Дүйсенов қамауға алынды.",
    ],
)
def test_civic_causes_said_another_way(text: str) -> None:
    assert kk(text).arrest


@pytest.mark.parametrize(
    "text",
    [
        # deprivation of liberty in the accusative
        "Белсенді Ерлан Дүйсеновке 3 жылға бас бостандығын айыру жазасы берілді.",
        # handcuffed, the press's idiom
        "Митингтен кейін белсенді Ерлан Дүйсеновтің қолына кісен салынды.",
        # brought to the police
        "Пикеттен кейін белсенді Ерлан Дүйсенов полиция бөлімшесіне әкелінді.",
        "Полиция белсенді Ерлан Дүйсеновты жолдан тоқтатып, бөлімшеге алып барды.",
        # a request to hold him granted
        "Сот тергеушінің белсенді Ерлан Дүйсеновты қамауға алу туралы өтінішін қанағаттандырды.",
        # prison by its security level, the penal system, a place of detention
        "Белсенді Ерлан Дүйсенов 7 жыл қауіпсіздігі орташа мекемеде жазасын өтейді.",
        "Белсенді Ерлан Дүйсенов қылмыстық-атқару жүйесінің мекемесіне жіберілді.",
        "Белсенді Ерлан Дүйсенов уақытша ұстау орнында отыр.",
        "Пикеттен кейін белсенді Ерлан Дүйсенов полицияның қолында.",
        # taken away by the officers of internal affairs
        "Кеше ішкі істер министрлігінің екі қызметкері белсенді Ерлан Дүйсеновты үйінен алып кетті.",
        "ІІД қызметкерлері белсенді Ерлан Дүйсеновты пикеттен алып кетті.",
    ],
)
def test_custody_said_another_way(text: str) -> None:
    result = kk(text)
    assert result.arrest
    assert set(people(result)) == {"Ерлан Дүйсенов"}


@pytest.mark.parametrize(
    "text",
    [
        # a hoax is no civic cause, even told as false information
        "Әуежайда бомба бар деп жалған ақпарат таратқан ер адам 3 жылға бас бостандығынан айырылды.",
        # restricted freedom is not deprivation of it
        "Белсенді Ерлан Дүйсеновке 3 жыл бас бостандығын шектеу жазасы тағайындалды.",
        # an accused is no one who condemned
        "Ұрлық жасады деп айыпталған Ерлан Дүйсенов ұсталды.",
        # the security of a summit is no prison
        "Саммит кезінде қаланың қауіпсіздігі жоғары деңгейде қамтамасыз етілді, полиция күшейтілді.",
        # the mercury of a thermometer is no criticism
        "Мектептен сынап ұрлаған ер адам ұсталды.",
        # a request to hold him, made or refused, is no custody
        "Тергеуші белсенді Ерлан Дүйсеновты қамауға алу туралы өтініш жасады.",
        "Сот тергеушінің белсенді Ерлан Дүйсеновты қамауға алу туралы өтінішін қанағаттандырмады.",
        # a lawyer's demand to free a client is no public protest
        "Кеше кәсіпкер Ерлан Дүйсенов ұсталды. Адвокаты оны босатуды талап етті.",
        # a demand for release is no custody by itself
        "Ауыл тұрғындары жерлестерін босатуды талап етті.",
        # the police's weekly appeal to citizens is no civic act of the one held
        "Полиция департаменті тұрғындарға үндеу жасады. Жуырда қалада бұзақылық жасаған жігіт "
        "10 тәулікке әкімшілік қамауға алынды.",
    ],
)
def test_no_alert_from_the_same_words_elsewhere(text: str) -> None:
    assert not kk(text).arrest


def test_the_detainee_named_in_the_next_sentence() -> None:
    result = kk(
        "Кеше Оралда пикетке шыққан белсенді ұсталды. Оның есімі – Ерлан Дүйсенов.", title="Оралда белсенді ұсталды"
    )
    assert result.arrest
    assert people(result) == {"Ерлан Дүйсенов": None}


def test_several_named_in_the_next_sentence() -> None:
    result = kk("Кеше пикетке шыққан екі белсенді ұсталды. Олардың есімдері: Ерлан Дүйсенов пен Сая Ахметова.")
    assert set(people(result)) == {"Ерлан Дүйсенов", "Сая Ахметова"}


def test_ablation_cuts_a_report_into_lead_body_and_the_deciding_sentence() -> None:
    title = "Оралда белсенді ұсталды"
    text = "Белсенді Ерлан Дүйсенов пикетке шықты.\nПолиция оны 10 тәулікке қамады. Бұл туралы сайт жазды."
    assert ablate.lead_cut(title, text) == ablate.Cut(
        title,
        "Белсенді Ерлан Дүйсенов пикетке шықты.",
        removed="Полиция оны 10 тәулікке қамады. Бұл туралы сайт жазды.",
    )
    assert ablate.body_cut(title, text).text == "Полиция оны 10 тәулікке қамады. Бұл туралы сайт жазды."
    assert ablate.body_cut(title, text).title == ""

    def score(cut: ablate.Cut) -> float:
        return analyze(cut.title, cut.text, "kk").score

    cuts = ablate.ablate(title, text, score)
    assert cuts["whole"][0] >= 0.5
    assert set(cuts) == set(ablate.CUTS)
    assert cuts["loo"][0] <= cuts["whole"][0]


def test_an_untitled_page_opens_with_its_headline_line() -> None:
    head, lead, rest = ablate.split_lead("", "Белсенді ұсталды\nБірінші абзац.\nЕкінші абзац.")
    assert (head, lead, rest) == ("Белсенді ұсталды", "Бірінші абзац.", "Екінші абзац.")
    lines, counts = ablate.table([("x-1", {name: (0.6, ablate.Cut("", "")) for name in ablate.CUTS})])
    assert counts == dict.fromkeys(ablate.CUTS, 1)
    assert lines[1].startswith("x-1")


def test_a_district_named_after_a_person_is_no_detainee() -> None:
    result = kk("Белсенді Ерлан Дүйсенов пикетке шықты. Оны Абай аудандық полиция басқармасына алып барды.")
    assert result.arrest
    assert people(result) == {"Ерлан Дүйсенов": None}
    kept = kk("Белсенді Ерлан Дүйсенов аудандық соттың шешімімен 10 тәулікке қамалды.")
    assert people(kept) == {"Ерлан Дүйсенов": "10 days"}


def test_the_reflexive_owner_of_the_custody_is_the_one_named_before() -> None:
    result = kk(
        "Белсенді Ерлан Дүйсенов әкімдікті сынады. Өзінің қамауға алынуына қарсылық ретінде ол аштық жариялады."
    )
    assert people(result) == {"Ерлан Дүйсенов": None}


def test_officers_counted_are_the_subject_not_the_named() -> None:
    result = kk("Полицияның екі қызметкері пикетке шыққан белсенді Ерлан Дүйсеновты үйінен алып кетті.")
    assert people(result) == {"Ерлан Дүйсенов": None}
    officer = kk("Полиция қызметкері Ерлан Дүйсенов пикетке шыққан белсендіні ұстады.")
    assert "Ерлан Дүйсенов" not in people(officer)


@pytest.mark.parametrize(
    "text",
    [
        # a city of the gazetteer (bot/core/places.py), not of the pack's word list, bare or in a case
        "Үрімжі қалалық соты Ерлан Дүйсеновті 7 жылға соттады.",
        "Нөкісте Ерлан Дүйсенов 10 тәулікке қамалды.",
    ],
)
def test_a_place_of_the_gazetteer_is_no_name(text: str) -> None:
    assert people(kk(text)) == {"Ерлан Дүйсенов": ("7 years" if "соттады" in text else "10 days")}


def test_the_words_of_a_movement_are_no_detainee() -> None:
    # A movement of the data list (data/organisations.toml), capitalised before a name.
    result = kk("Иегова куәгері Ерлан Дүйсенов уағыз айтқаны үшін 3 жылға сотталды.")
    assert result.arrest
    assert people(result) == {"Ерлан Дүйсенов": "3 years"}
