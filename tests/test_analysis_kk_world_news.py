"""Kazakh world news, round kkt: a call for custody, terror groups named, shootings, foreign
policy, prison as a practice, and a custody converb inside a description. Every sentence
here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import held, kk_rules


@pytest.mark.parametrize(
    "text",
    [
        # the verbal noun in the dative before "шақыр-"/"үнде-": custody called for
        "Митингіде шешен халықты министрлердің бәрін тұтқындауға шақырды.",
        "Оппозиция жетекшісі наразылық шеруінде әкімді қамауға алуға үндеді.",
    ],
)
def test_a_call_for_custody_is_no_custody(text: str) -> None:
    assert not kk_rules(text).arrest


def test_a_call_does_not_hide_the_custody_told_beside_it() -> None:
    text = "Кеше белсенді Нұрлан Әбенов наразылық шеруінде ұсталып, полицияға жеткізілді."
    assert kk_rules(text).arrest


@pytest.mark.parametrize(
    "text",
    [
        "Германияда «Ислам мемлекеті» экстремистік тобына қатысы бар деген күдікпен үш адам ұсталды.",
        "Стамбұлда ДАИШ экстремистік ұйымының екі мүшесі ұсталды, деп хабарлады полиция.",
    ],
)
def test_a_terror_group_named_is_no_civic_extremism(text: str) -> None:
    assert not kk_rules(text).arrest


def test_a_shooting_suspect_beside_an_activist_victim_is_ordinary_crime() -> None:
    text = (
        "Техаста белгісіз ер адам дүкенде көпшілікке оқ жаудырып, екі адам жараланды. "
        "Күдікті ұсталып, қазір тергеліп жатыр. "
        "Бұған дейін штатта саяси белсенді атыс кезінде жараланған еді."
    )
    assert not kk_rules(text).arrest


def test_police_shooting_at_a_rally_keeps_the_detentions_news() -> None:
    text = "Кеше полиция наразылық акциясына қатысушыларға оқ жаудырып, 40 белсендіні ұстады."
    assert kk_rules(text).arrest


def test_foreign_policy_is_no_politics_at_home() -> None:
    text = (
        "Елшілік мәліметінше, шетелде үш мыңнан астам азамат қамауға алынды немесе ұсталды, "
        "деді сыртқы саяси ведомствоның өкілі."
    )
    assert not kk_rules(text).arrest


def test_prison_named_as_a_practice_is_no_event() -> None:
    # "түрмеге жабу", "түрмеге тоғыту": putting in prison named by the verbal noun
    text = "Белсенділердің айтуынша, бірқатар елде журналистерді сын айтқаны үшін түрмеге жабу әлі де жалғасып келеді."
    assert not kk_rules(text).arrest


def test_a_custody_converb_inside_a_description_is_background() -> None:
    # "сотталып, кейін босап шыққан белсенді": a converb going on into a participle that
    # describes the noun after it; the sentence's own verb is another
    text = (
        "Құқық қорғаушы Жанар Серікова митингіден кейін бірге сотталып, кейін босап шыққан "
        "белсенді Ерболат Сейітов колониядан хабарласқанын жазды."
    )
    result = kk_rules(text)
    assert not result.arrest
    assert held(result) == []


def test_an_aspect_converb_is_still_the_event() -> None:
    # "тұтқындап жатқан сәт" (the moment they were detaining): no comma, one verb
    text = "Журналист Асан Бейсенов полиция наразыларды тұтқындап жатқан сәтте ұсталды."
    assert kk_rules(text).arrest


def test_the_press_asking_an_official_is_no_civic_context() -> None:
    # "Журналистер Асқар Нұрбековтан … сұрады": the press corps as the askers, not the held
    text = (
        "СІМ ресми өкілі Асқар Нұрбеков Польшадағы қазақстандықтар жөнінде түсініктеме берді. "
        "Журналистер Асқар Нұрбековтан Польшада тергеу жүргізіліп жатқан азаматтар туралы сұрады. "
        "Өкіл бірнеше қазақстандық Польшада есірткі тасымалдау жұмысына кеткенін айтты. "
        '"Бизнестің бұл түрі полицияның назарына түсті. Олар ұсталды, қазір туыстарымен байланыстамыз."'
    )
    result = kk_rules(text)
    assert not result.arrest
    assert not any(r.startswith("civic:") for r in result.reasons)


def test_a_journalist_held_after_asking_is_still_news() -> None:
    text = "Журналист Ерлан Досов полицейден ұстау себебін сұрады, бірақ оны бөлімшеге алып кетіп, үш сағат ұстады."
    assert kk_rules(text).arrest
