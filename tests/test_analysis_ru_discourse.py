"""Russian detainees named away from the custody sentence, in lists and with foreign names, and
reports that look like custody and are not (a sentence in absentia, a suspended one, a ban, a
pardon). Every sentence here is written for these tests; the people are invented."""

from __future__ import annotations

import pytest

from bot.core.analysis.result import Analysis
from bot.core.analysis.ru_names import parse
from tests.support.russian import ru


def names(result: Analysis) -> list[str]:
    return [d.name for d in result.detainees]


def found(sentence: str) -> list[str]:
    return [" ".join(m.normal) for s in parse(sentence, 0) for m in s.mentions]


# --- the name finder on names pymorphy3 does not know -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # an unknown surname pymorphy3 guesses as a feminine common noun, after a known given name
        ("Антона Плеушека — за пикет у вокзала.", "Антон Плеушек"),
        # a surname pymorphy3 reads only as a short adjective
        ("Суд приговорил активистку Данару Передня к году колонии.", "Данара Передня"),
        # indeclinable given name and surname of different guessed genders
        ("Суд арестовал директора сайта Ульви Гасанли на два месяца.", "Ульви Гасанли"),
        # a father's name fused with "daughter of"
        ("Полиция задержала журналистку Севиндж Рашидгызы у редакции.", "Севиндж Рашидгызы"),
    ],
)
def test_foreign_and_unusual_names_are_found(sentence: str, name: str) -> None:
    assert name in found(sentence)


def test_a_court_name_of_unknown_words_is_still_no_person() -> None:
    assert found("На заседании Жогорку Кенеша депутаты спорили о законе.") == []


# --- who the custody befalls, and where the text names them ---------------------------------

# (text, the detainees' names), one class each
NAMED = [
    # roles before a passive custody verb do not exclude the names
    pytest.param(
        "В офисе правозащитной организации прошли обыски, исполнительный директор Борис Лапшин "
        "и координатор Вера Сомова были задержаны.",
        ["Борис Лапшин", "Вера Сомова"],
        id="roles-then-passive",
    ),
    # a custody verb's object is a detainee whatever role word precedes the name
    pytest.param(
        "Во время одиночного пикета полицейские задержали активистку и многодетную мать Гулим Саркенову.",
        ["Гулим Саркенова"],
        id="object-with-a-kin-word",
    ),
    # a list of roles at a party written in capitals is one list
    pytest.param(
        "Суд арестовал на 10 суток сопредседателя ДПК Ерлана Омарова и генерального секретаря ДПК "
        "Тимура Жанова за участие в митинге.",
        ["Ерлан Омаров", "Тимур Жанов"],
        id="abbreviated-party",
    ),
    # a counted custody named one sentence per person; a name in brackets is someone else
    pytest.param(
        "Днём у вокзала за антивоенные пикеты задержали ещё двух пикетчиков. "
        "Олега Сурина — за плакат «Нет войне» (лозунг когда-то придумал поэт Пётр Ланской). "
        "Марату Исаеву — за плакат с голубем. "
        "Обоих увезли в отдел полиции.",
        ["Олег Сурин", "Марат Исаев"],
        id="one-by-one",
    ),
    # one person counted by a role alone, named in the next sentence
    pytest.param(
        "Правозащитники сообщили о задержании ещё одного пикетчика у здания суда. "
        "Игорь Волынцев стоял с плакатом «Свободу политзаключённым».",
        ["Игорь Волынцев"],
        id="one-by-role",
    ),
    # a source who tells of his own detention
    pytest.param(
        "Как рассказал правозащитникам активист Денис Горелов, его задержали у здания акимата за пикет.",
        ["Денис Горелов"],
        id="self-report",
    ),
    # the person of "к N годам лишения свободы X" is no owner of the freedom
    pytest.param(
        "Суд приговорил к четырём годам лишения свободы 70-летнего Азамата Турдиева за помощь семьям "
        "осуждённых членов запрещённой партии.",
        ["Азамат Турдиев"],
        id="after-deprivation-of-liberty",
    ),
    # a speaker's role in another clause does not exclude the name
    pytest.param(
        "Как сообщил адвокат, активиста Ивана Лапина задержали за пикет у акимата.",
        ["Иван Лапин"],
        id="role-in-another-clause",
    ),
    # "X сообщил, что Y… По его словам, его задержали": Y, not the speaker
    pytest.param(
        "Член партии Рустам Ашуров сообщил, что Бахтиёр Каримов давно состоял в оппозиционной партии. "
        "По его словам, его задержали в сентябре за посты в соцсетях.",
        ["Бахтиёр Каримов"],
        id="reported-clause",
    ),
    # who comments on arrested people is not one of them
    pytest.param(
        "Министр Аскар Бекенов прокомментировал дело арестованных 11 журналистов независимых изданий, "
        "назвав его воспитательной мерой.",
        [],
        id="commentator",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_detainees_are_named(text: str, expected: list[str]) -> None:
    assert names(ru(text)) == expected


def test_a_pronoun_reaches_back_over_a_sentence_naming_only_a_source() -> None:
    result = ru(
        "Апелляционный суд рассмотрел дело блогера Рустама Халилова и оставил приговор в силе. "
        "Об этом сообщил правозащитник Анвар Тураев. "
        "Ранее суд признал его виновным в распространении материалов в интернете и приговорил к 5 годам лишения свободы."
    )
    assert [(d.name, d.term) for d in result.detainees] == [("Рустам Халилов", "5 years")]


# --- what is no custody ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Все задержанные ранее за рубежом оппозиционные активисты были заочно осуждены на родине. "
            "Арман Кадыров получил 9 лет колонии, Салтанат Бекова — 7 лет.",
            id="in-absentia",
        ),
        pytest.param(
            "Суд приговорил к трём годам лишения свободы условно блогера Максима Рябова за видео о войне.",
            id="suspended-after-the-term",
        ),
        pytest.param(
            "Суд признал оппозиционера Максима Рябова виновным в призывах к экстремизму, лишил на три года "
            "права вести блог и установил ему испытательный срок на два года.",
            id="ban-and-probation",
        ),
        pytest.param(
            "Вчера по помилованию президента на свободу вышли двое политзаключённых. "
            "Журналист Павел Дронов, приговорённый весной к двум годам колонии за репортаж с митинга, "
            "сразу после выхода на свободу уехал из страны.",
            id="pardon",
        ),
        pytest.param(
            "Обвиняемых по делу о наборе наёмников суд отправил под домашний арест; среди них "
            "водитель мэрии и корреспондент районной газеты.",
            id="mercenaries",
        ),
    ],
)
def test_look_alikes_are_no_arrest(text: str) -> None:
    assert not ru(text).arrest


def test_people_listed_after_among_them_are_the_detainees() -> None:
    result = ru(
        "В столице задержали троих корреспондентов иностранного телеканала. "
        "Среди них есть граждане соседней страны: Оксана Ведерник и Тарас Гуменюк."
    )
    assert names(result) == ["Оксана Ведерник", "Тарас Гуменюк"]


def test_a_lone_surname_takes_the_given_name_written_beside_it_elsewhere() -> None:
    result = ru(
        "Друзья посвятили песню журналисту Болоту Сарыбаеву. "
        "Вечером к Сарыбаеву в офис ворвались сотрудники милиции и подбросили ему пакетик. "
        "Затем его задержали за расследование о коррупции."
    )
    assert names(result) == ["Болот Сарыбаев"]


def test_a_term_in_a_collective_numeral() -> None:
    result = ru("Суд назначил активистке Ольге Чернец трое суток административного ареста за пикет.")
    assert [(d.name, d.term) for d in result.detainees] == [("Ольга Чернец", "3 days")]


def test_the_owner_of_a_role_nouns_organisation_is_not_the_detainee() -> None:
    result = ru("За акцию у мэрии экс-координатор местного штаба Соколова получил двое суток ареста.")
    assert "Соколов" not in " ".join(names(result))


def test_house_arrest_changed_to_a_written_undertaking_is_a_release() -> None:
    result = ru(
        "Следствие решило заменить журналисту Илье Гордееву меру пресечения с домашнего ареста на подписку о невыезде."
    )
    assert not result.arrest


def test_a_criminal_charge_the_report_calls_political_is_no_ordinary_crime() -> None:
    framed = ru(
        "Суд арестовал на два месяца директора независимого издания Эльмира Гусейнова по обвинению "
        "в контрабанде валюты. Коллеги называют дело политически мотивированным давлением на журналистов."
    )
    assert framed.arrest
    assert [(d.name, d.term) for d in framed.detainees] == [("Эльмир Гусейнов", "2 months")]
    plain = ru("Суд арестовал на два месяца директора торговой фирмы по обвинению в контрабанде валюты.")
    assert not plain.arrest
