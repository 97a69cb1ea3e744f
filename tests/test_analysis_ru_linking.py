"""Who a Russian custody clause governs: lists, sources, possessors, pronouns, participles.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_a_list_opened_by_a_colon_names_a_detainee_at_the_head_of_each_item() -> None:
    result = ru(
        "Вечером 3 мая суд отправил под стражу на два месяца четверых журналистов.\n"
        "До 3 июля в СИЗО будут находиться: Арман Сейткали – редактор сайта;\n"
        "Динара Жумабаева – корреспондент газеты;\n"
        "Ерлан Тулегенов – бывший оператор телеканала;\n"
        "Самат Бекжанов.\n"
        "Все задержанные не согласны с обвинениями."
    )
    assert result.arrest
    assert people(result) == {
        "Арман Сейткали": "2 months",
        "Динара Жумабаева": "2 months",
        "Ерлан Тулегенов": "2 months",
        "Самат Бекжанов": "2 months",
    }


def test_a_colon_before_a_quotation_opens_no_list() -> None:
    result = ru(
        "Полиция задержала активиста Нурлана Ахметова у акимата, и его адвокат написал: «Это произвол.\n"
        "Нурлан Ахметов – честный человек – ничего не нарушал»."
    )
    assert people(result) == {"Нурлан Ахметов": None}


def test_taken_to_the_police_is_custody() -> None:
    result = ru("После пикета у акимата полицейские отвезли в ОВД активиста Болата Ержанова.")
    assert result.arrest
    assert people(result) == {"Болат Ержанов": None}
    assert "custody:доставлен в полицию" in result.reasons


def test_led_into_a_police_van_is_custody() -> None:
    result = ru("Участницу одиночного пикета Айгуль Сапарову полицейские увели в автозак через две минуты.")
    assert result.arrest
    assert people(result) == {"Айгуль Сапарова": None}


def test_the_source_after_the_custody_clause_is_not_a_detainee() -> None:
    result = ru("В Шымкенте задержан активист Болат Ержанов, сообщила Азаттыку живущая в Алматы Айгуль Сапарова.")
    assert people(result) == {"Болат Ержанов": None}


def test_a_genitive_name_after_a_noun_in_another_case_is_its_possessor() -> None:
    result = ru(
        "Полиция задержала активиста Тимура Сейтова на митинге. Адвокат Сергей Ким приехал в отдел полиции. "
        "Подзащитным Кима будет и Ерлан Жумабаев, которого задержали у акимата."
    )
    assert "Сергей Ким" not in people(result)
    assert set(people(result)) == {"Тимур Сейтов", "Ерлан Жумабаев"}


def test_a_custody_noun_with_its_own_patient_governs_no_name_before_it() -> None:
    result = ru(
        "Полиция задержала участников пикета в Алматы. "
        "Марат Сейтов с иронией прокомментировал задержание активистов в своём блоге."
    )
    assert result.arrest
    assert "Марат Сейтов" not in people(result)


def test_a_term_inside_a_participle_phrase_is_not_the_clause_term() -> None:
    result = ru(
        "Журналист Данияр Омаров вышел на пикет в защиту ранее арестованного на три месяца блогера Асета "
        "Жумабекова. Через десять минут его задержали полицейские.",
        title="Журналиста, вышедшего на пикет, арестовали на 10 суток",
    )
    assert result.arrest
    assert people(result)["Данияр Омаров"] == "10 days"


def test_a_capitalised_adjective_before_a_common_noun_is_no_person() -> None:
    result = ru(
        "Бостандыкский райсуд 14 мая приговорил публициста Тимура Ахметова к трём годам лишения свободы за посты."
    )
    assert result.arrest
    assert people(result) == {"Тимур Ахметов": "3 years"}


def test_a_pronoun_stands_for_the_person_named_before_it_in_its_sentence() -> None:
    result = ru(
        "Блогер Макс Сейтов написал о пикете гражданского активиста Ерлана Касымова у здания акимата. "
        "Касымов простоял у здания акимата меньше пяти минут и говорил с прохожими, "
        "прежде чем его задержали полицейские, сообщила активистка Гульнар Абенова."
    )
    assert result.arrest
    assert people(result) == {"Ерлан Касымов": None}


def test_a_singular_pronoun_stands_for_the_previous_sentence_first_person_only() -> None:
    result = ru(
        "Активист Ерлан Касымов вышел из здания суда, где выступал свидетель Тимур Ахметов. "
        "Вечером его задержали полицейские."
    )
    assert people(result) == {"Ерлан Касымов": None}


def test_a_possessive_pronoun_refers_to_nobody_in_custody() -> None:
    result = ru(
        "Правозащитник Тимур Ахметов рассказал о деле активистов. "
        "По его словам, вечером у здания акимата полицейские задержали участников пикета."
    )
    assert result.arrest
    assert "Тимур Ахметов" not in people(result)


def test_a_crime_the_report_says_was_planted_is_no_ordinary_crime() -> None:
    planted = ru(
        "Сотрудники полиции задержали журналиста-расследователя Арсена Нуралиева в его офисе. "
        "Коллеги журналиста уверены, что наркотики ему подкинули из-за его публикаций."
    )
    assert planted.arrest
    assert people(planted) == {"Арсен Нуралиев": None}
    assert not any(r.startswith("negative:") for r in planted.reasons)
    found = ru("Сотрудники полиции задержали журналиста Арсена Нуралиева с пакетом наркотиков в машине.")
    assert "negative:наркотики" in found.reasons
    assert found.score < planted.score


def test_the_head_of_an_outlet_is_a_journalist_not_an_official() -> None:
    result = ru("Суд арестовал на два месяца главу новостного сайта Динару Оспанову по делу о ложной информации.")
    assert result.arrest
    assert people(result) == {"Динара Оспанова": "2 months"}


def test_a_name_in_short_guillemets_is_a_title() -> None:
    result = ru(
        "Суд заключил под стражу журналистов, которых следствие связывает с блогером Айдосом Сапаровым. "
        "Все они работали в проекте «Сапаров Live». "
        "Каждого из них суд отправил в СИЗО на два месяца."
    )
    assert result.arrest
    assert people(result) == {}


def test_a_sentence_opening_with_a_person_noun_object_speaks_of_the_person_just_named() -> None:
    result = ru(
        "У здания акимата с плакатом вышел на антивоенный пикет молодой человек. Его зовут Тимур Ахметов. "
        "Мужчину в наручниках доставили в отдел полиции."
    )
    assert result.arrest
    assert people(result) == {"Тимур Ахметов": None}
