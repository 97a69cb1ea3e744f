"""Russian reports of issue 12's fifth round: lists of people each with a term, women's names
pymorphy3 reads as a man's genitive, adjective surnames, places before names, custody a court
refuses to end, short detentions that end at a police station, slogans on banners, a
participle after a name in any case, the law's maximum beside a term given.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_a_courts_list_keeps_womens_names_and_adjective_surnames_in_the_nominative() -> None:
    result = ru(
        "Районный суд арестовал участников пикета у здания администрации. "
        "Зарина Хакимова — 6 суток ареста, Людмила Заозерская — 8 суток ареста."
    )
    assert result.arrest
    assert people(result) == {"Зарина Хакимова": "6 days", "Людмила Заозерская": "8 days"}


def test_a_list_after_a_plural_passive_is_in_the_nominative() -> None:
    result = ru("На площади были задержаны активистки Ольга Тихонова, Феруза Назарова и Дина Белова.")
    assert set(people(result)) == {"Ольга Тихонова", "Феруза Назарова", "Дина Белова"}


def test_a_place_after_v_is_no_part_of_the_name_after_it() -> None:
    result = ru("Суд в Ростове Ксению Орлову арестовал на 7 суток за участие в митинге.")
    assert people(result) == {"Ксения Орлова": "7 days"}


def test_a_court_refusing_to_free_someone_is_no_release() -> None:
    result = ru(
        "После митинга активистку Веру Смолину арестовали на 10 суток. Она провела в спецприемнике два дня.",
        title="Суд отказался освобождать активистку",
    )
    assert result.arrest
    assert people(result) == {"Вера Смолина": "10 days"}


def test_activists_let_out_of_a_police_station_were_detained() -> None:
    result = ru(
        "Вечером их отпустили, протоколы составлены по статье о митингах. "
        "Полиция задержала на пикете у мэрии активисток Анну Гречко и Ирину Волкову.",
        title="Задержанных на пикете активисток выпустили из ОВД",
    )
    assert result.arrest
    assert set(people(result)) == {"Анна Гречко", "Ирина Волкова"}


def test_a_crime_word_in_a_banners_slogan_is_no_charge() -> None:
    result = ru(
        "Пенсионерки вышли к мэрии с плакатом «Верните украденные квартиры». "
        "Полиция задержала троих участниц акции, их доставили в отдел."
    )
    assert result.arrest
    assert not any(r.startswith("negative:") for r in result.reasons)


def test_a_custody_participle_after_a_name_in_the_instrumental_names_the_detainee() -> None:
    result = ru(
        "Суд отклонил жалобу, поданную блогером Ильей Гавриловым, задержанным за посты о войне, "
        "на решение о его аресте."
    )
    assert people(result) == {"Илья Гаврилов": None}


def test_a_name_after_the_role_of_an_event_is_no_owner_of_the_event() -> None:
    result = ru("Правозащитники обжаловали арест еще одного участника этой акции Романа Белкина.")
    assert people(result) == {"Роман Белкин": None}


def test_the_laws_maximum_is_no_term_and_the_term_given_reaches_the_detainee() -> None:
    result = ru(
        "Суд назначил восемь суток административного ареста за призыв выйти на пикет. "
        "Виновным признан активист Глеб Рыжов. "
        "Максимальное наказание по этой статье — десять суток ареста. "
        "Рыжова увезли в спецприемник."
    )
    assert people(result) == {"Глеб Рыжов": "8 days"}


def test_the_teller_of_a_detention_that_names_no_one_else_tells_of_their_own() -> None:
    result = ru(
        "На площади полиция задержала корреспондента «Новой волны» Артема Лисина. "
        "О недолгом задержании также рассказала корреспондентка «Вестника» Вероника Ковалева."
    )
    assert set(people(result)) == {"Артём Лисин", "Вероника Ковалева"}


def test_a_name_in_the_dative_after_its_role_noun_is_a_verbs_addressee() -> None:
    result = ru("Репортера Олега Сомова задержали, когда он передавал камеру своему коллеге Ивану Белову.")
    assert people(result) == {"Олег Сомов": None}


def test_a_surname_made_from_a_citys_name_is_a_person() -> None:
    result = ru("Блогеров Азамата Бакиева и Нурлана Астанова задержали после прямого эфира о выборах.")
    assert set(people(result)) == {"Азамат Бакиев", "Нурлан Астанов"}


def test_one_of_the_detained_in_the_instrumental_is_a_detainee() -> None:
    result = ru(
        "После пикета у мэрии полиция задержала 12 человек. Одной из задержанных Ириной Соколовой "
        "составили протокол о нарушении правил проведения акций."
    )
    assert people(result) == {"Ирина Соколова": None}


def test_a_press_freedom_watchdogs_alarm_frames_a_smuggling_charge_as_persecution() -> None:
    result = ru(
        "Комитет по защите журналистов выразил тревогу из-за дела редакции Meydan News. "
        "Бакинский суд продлил на три месяца арест главного редактора Meydan News Рашада Алиева, "
        "обвиняемого в контрабанде."
    )
    assert result.arrest
    assert people(result) == {"Рашад Алиев": "3 months"}


def test_an_actions_participants_named_apart_from_their_custody_are_its_detainees() -> None:
    result = ru(
        "В Бишкеке задержанные участницы пикета у здания мэрии провели в отделении милиции три часа. "
        "Об этом сообщила правозащитница Айгуль Осмонова. "
        "Пикет начался в полдень. "
        "В нем приняли участие четыре женщины — учительница Нургуль Асанова, пенсионерка Гульнара Токтосунова "
        "и активистки Жылдыз Бакирова и Айзада Сулайманова."
    )
    assert result.arrest
    assert set(people(result)) == {"Нургуль Асанова", "Гульнара Токтосунова", "Жылдыз Бакирова", "Айзада Сулайманова"}


def test_participants_named_when_nobody_was_held_as_a_group_are_no_detainees() -> None:
    result = ru(
        "Полиция задержала организатора митинга Бакыта Орунбаева. "
        "В митинге приняли участие депутаты Алмаз Токтомушев и Эмиль Жамгырчиев."
    )
    assert people(result) == {"Бакыт Орунбаев": None}


def test_an_azerbaijani_surname_in_ly_after_an_unknown_given_name_is_a_name() -> None:
    result = ru("Суд в Баку арестовал на четыре месяца директора издания Ульви Алиханлы и репортера Рамиля Бабалы.")
    assert set(people(result)) == {"Ульви Алиханлы", "Рамиль Бабалы"}


def test_an_extended_arrest_reaches_the_people_named_after_a_quoted_case_title() -> None:
    result = ru(
        "Суд продлил до 10 мая срок содержания под стражей журналисту Денису Котову. "
        "Арест продлили и двум другим фигурантам дела «Народного собрания за честные выборы» "
        "Павлу Громову и Инне Рябовой."
    )
    assert set(people(result)) == {"Денис Котов", "Павел Громов", "Инна Рябова"}


def test_an_extended_arrest_of_property_is_no_custody() -> None:
    result = ru("Суд продлил арест имущества бывшего акима района Бауыржана Мусина, обвиняемого во взятке.")
    assert not result.arrest


def test_a_dash_of_apposition_after_a_mans_genitive_keeps_him_a_man() -> None:
    result = ru("За участие в митинге суд арестовал Асета Кенджибекова — активиста из Астаны.")
    assert people(result) == {"Асет Кенджибеков": None}


def test_a_mans_name_after_a_noun_of_common_gender_stays_a_mans() -> None:
    result = ru("Полиция задержала на митинге блогера Тимура Исаева и его коллегу Ивана Сидорова.")
    assert set(people(result)) == {"Тимур Исаев", "Иван Сидоров"}


def test_the_teller_of_a_detention_just_reported_of_someone_else_is_no_detainee() -> None:
    result = ru(
        "Вечером полиция задержала активиста Романа Ковалева у здания мэрии. "
        "О задержании сообщил правозащитник Игорь Светлов."
    )
    assert people(result) == {"Роман Ковалёв": None}


def test_a_courts_refusal_to_a_person_in_the_dative_keeps_them_a_detainee() -> None:
    result = ru("Суд отказал в освобождении из-под стражи журналисту издания Алмазу Сейтову, арестованному за посты.")
    assert set(people(result)) == {"Алмаз Сейтов"}
