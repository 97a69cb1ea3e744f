"""Russian regional stream reports of issue 12's round ru8: prisoners who act while serving a
sentence, time served told as a past, officials caught in the act, the criminal underworld,
releases to probation, and role nouns in a list of detainees.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_convicts_on_hunger_strike_in_a_colony_are_no_new_custody() -> None:
    result = ru(
        "Семь осуждённых объявили голодовку в исправительной колонии под Омском. Заключённые требуют "
        "вернуть им изъятые при обыске вещи, сообщили в региональном управлении ФСИН.",
        title="Семь осуждённых объявили голодовку в колонии",
    )
    assert result.protest
    assert not result.arrest


def test_a_participle_followed_by_its_sentence_is_still_a_sentencing() -> None:
    result = ru("Суд оставил под стражей журналиста Тимура Алиева, осуждённого к пяти годам колонии за посты.")
    assert result.arrest
    assert people(result) == {"Тимур Алиев": "5 years"}


def test_months_served_in_a_remand_prison_are_a_past() -> None:
    result = ru(
        "Редактор районной газеты Пётр Климов, который провёл семь месяцев в СИЗО по делу об экстремизме, "
        "выиграл суд у прокуратуры: материалы газеты не признаны экстремистскими."
    )
    assert not result.arrest


def test_someone_still_held_in_a_remand_prison_stays_in_custody() -> None:
    result = ru("Блогер Пётр Климов третий месяц проводит в СИЗО по делу о фейках, сообщил его адвокат.")
    assert result.arrest
    assert "Пётр Климов" in people(result)


def test_a_blogger_caught_in_the_act_of_extortion_is_ordinary_crime() -> None:
    result = ru(
        "Полиция сообщила, что блогер Руслан Ибрагимов требовал у владельца кафе деньги за удаление "
        "видео. 3 марта он был задержан с поличным при получении пяти тысяч долларов."
    )
    assert not result.arrest


def test_an_article_name_in_brackets_is_the_charge() -> None:
    result = ru(
        "Блогера задержали при получении денег от владельца кафе. Возбуждено дело по части 2 статьи 165 "
        "Уголовного кодекса («Вымогательство»), сообщили в полиции."
    )
    assert "negative:вымогательство" in result.reasons


def test_the_criminal_underworld_is_no_civic_extremism() -> None:
    result = ru(
        "Областной суд приговорил троих заключённых к шести годам колонии строгого режима за участие в "
        "экстремистской организации и занятие высшего положения в преступной иерархии.",
        title="Суд вынес приговор по делу о «воровской сходке» в колонии",
    )
    assert not result.arrest


def test_a_headline_release_to_probation_is_a_release() -> None:
    result = ru(
        "Суд признал правозащитницу виновной в призывах к беспорядкам и назначил ей пробационный надзор "
        "на три года. Её задержали в марте, и с тех пор она находилась под стражей.",
        title="Суд отпустил под пробацию правозащитницу Айгуль Темирову",
    )
    assert not result.arrest


def test_let_go_under_house_arrest_is_still_custody() -> None:
    result = ru(
        "Суд отпустил под домашний арест активиста Данияра Нурланова, задержанного на митинге.",
        title="Активиста отпустили под домашний арест",
    )
    assert result.arrest


def test_a_lawyer_in_a_list_of_people_taken_to_the_police_is_a_detainee() -> None:
    result = ru(
        "Полицейские увезли в отделение журналистов Марину Орлову и Тимура Гаджиева, общественника "
        "Руслана Абдуллаева и юриста Камиля Исаева, которые снимали ремонт площади."
    )
    assert result.arrest
    assert set(people(result)) >= {"Марина Орлова", "Тимур Гаджиев", "Руслан Абдуллаев", "Камиль Исаев"}


def test_a_deputy_in_a_list_before_the_custody_verb_is_a_detainee() -> None:
    result = ru(
        "Активистку Ольгу Зайцеву и депутата городской думы Игоря Панова доставили в отдел полиции за "
        "участие в несогласованном митинге."
    )
    assert set(people(result)) >= {"Ольга Зайцева", "Игорь Панов"}


def test_a_judge_whose_decision_arrested_someone_is_no_detainee() -> None:
    result = ru("По решению судьи Ерлана Садыкова активиста Бахыта Омарова арестовали на десять суток за пикет.")
    assert result.arrest
    assert not any("Садыков" in name for name in people(result))


def test_the_leader_of_detained_supporters_is_no_detainee() -> None:
    result = ru(
        "Полицейские посадили в автозак четырёх активисток с плакатами в поддержку политика.",
        title="Четыре сторонницы Ивана Соколова задержаны в центре Казани",
    )
    assert result.arrest
    assert "Иван Соколов" not in people(result)


def test_violence_against_the_protesters_is_no_crime_of_the_detained() -> None:
    result = ru(
        "Полиция задержала пятерых участников митинга против вырубки парка. Очевидцы рассказали, что "
        "охранники застройщика избили протестующих."
    )
    assert result.arrest
    assert "negative:избиение" not in result.reasons


def test_violence_by_the_detained_stays_a_crime() -> None:
    result = ru("Полиция задержала двоих мужчин, которые избили прохожего у торгового центра.")
    assert not result.arrest


def test_a_fine_with_its_own_people_after_a_comma_leaves_the_jailed_in_custody() -> None:
    result = ru(
        "За пикеты в поддержку осуждённого поэта были арестованы на 10 суток журналисты Марат Сейтов и "
        "Дана Оспанова, оштрафованы активисты Ерлан Жумабаев и Гаухар Исаева."
    )
    assert people(result) == {"Марат Сейтов": "10 days", "Дана Оспанова": "10 days"}


def test_brought_in_for_questioning_is_a_summons_not_a_detention() -> None:
    result = ru(
        "Активистов движения вызвали в полицию после обысков. Вечером на допрос в полицию был доставлен "
        "активист Берик Сапаров; по его словам, допрос длился три часа, после чего его отпустили."
    )
    assert not result.arrest


def test_taken_to_the_police_station_is_still_a_detention() -> None:
    result = ru("После одиночного пикета активиста Берика Сапарова доставили в отдел полиции и составили протокол.")
    assert result.arrest
    assert "Берик Сапаров" in people(result)


def test_years_of_probation_are_no_custodial_term() -> None:
    result = ru(
        "Суд приговорил двух операторов телеканала к четырём годам лишения свободы за призывы к "
        "беспорядкам, а двум бухгалтерам дал по два года пробации."
    )
    assert result.arrest
    assert "custody:2 years" not in result.reasons


def test_names_after_a_counted_sentencing_share_its_one_term() -> None:
    result = ru(
        "Суд приговорил двух бывших операторов независимого издания к четырём годам лишения свободы за "
        "призывы к беспорядкам. Журналисты обжалуют приговор. Правозащитники призвали освободить "
        "Тимура Асанова и Бакыта Жумаева."
    )
    assert people(result) == {"Тимур Асанов": "4 years", "Бакыт Жумаев": "4 years"}


def test_a_crime_boss_held_over_the_auye_movement_is_ordinary_crime() -> None:
    result = ru(
        "Суд арестовал на два месяца криминального авторитета из Оша, которого подозревают в участии в "
        "экстремистской организации АУЕ."
    )
    assert not result.arrest


def test_years_sat_out_in_a_colony_are_a_past() -> None:
    result = ru(
        "Журналист-расследователь Олег Ким, отсидевший два года в колонии по делу об экстремизме, выиграл "
        "суд у прокуратуры: его статьи не признаны экстремистскими."
    )
    assert not result.arrest
