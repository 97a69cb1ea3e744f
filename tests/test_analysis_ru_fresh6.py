"""Russian reports of issue 12's sixth round: people a custody sentence counts with a collective
numeral after the sentence that named them, a role noun pymorphy3 reads as a thing ("политика"),
a movement's capitalised name beside its members, a possessor inside someone else's role, a
street and house number, time served in custody, a group sentenced in the dative.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_a_collective_numeral_counts_the_people_named_just_before() -> None:
    result = ru(
        "Областной суд рассмотрел жалобы блогера Тимура Сагинова, экс-депутата Розы Кемеловой "
        "и политика Арсена Жолдасова. Суд оставил троих под стражей на два месяца."
    )
    assert result.arrest
    assert people(result) == {
        "Тимур Сагинов": "2 months",
        "Роза Кемелова": "2 months",
        "Арсен Жолдасов": "2 months",
    }


def test_a_numeral_that_counts_other_people_names_nobody() -> None:
    result = ru(
        "Суд рассмотрел жалобы блогера Тимура Сагинова и политика Арсена Жолдасова. "
        "Суд оставил троих активистов под стражей."
    )
    assert "Тимур Сагинов" not in people(result)


def test_a_movements_name_is_no_person_beside_its_members() -> None:
    result = ru(
        "Городской суд приговорил Свидетелей Иеговы Павла Егорова и Игоря Лунина к шести годам колонии "
        "за проведение богослужений."
    )
    assert result.arrest
    assert people(result) == {"Павел Егоров": "6 years", "Игорь Лунин": "6 years"}


def test_the_politician_named_in_someone_elses_role_is_no_detainee() -> None:
    result = ru("Руководитель штаба политика Андрея Горина Максим Белых арестован на 12 суток после шествия.")
    assert people(result) == {"Максим Белых": "12 days"}


def test_a_street_and_house_number_in_brackets_name_no_one() -> None:
    result = ru(
        "Активиста Олега Сафронова задержали на митинге и отвезли в изолятор временного содержания "
        "(Садовая, 14), где он провёл пять суток под арестом."
    )
    assert people(result) == {"Олег Сафронов": "5 days"}


def test_time_served_in_custody_is_a_term() -> None:
    result = ru("После задержания на митинге журналист Ильяс Омаров отсидел десять суток за репортаж.")
    assert people(result).get("Ильяс Омаров") == "10 days"


def test_time_spent_elsewhere_is_no_term() -> None:
    result = ru("Задержанный на пикете активист Ильяс Омаров до этого провёл пять дней в командировке.")
    assert people(result).get("Ильяс Омаров") is None


def test_a_group_sentenced_in_the_dative_is_a_specific_custody() -> None:
    result = ru(
        "Районный суд назначил от пяти до шести лет колонии пятерым участникам запрещённой религиозной "
        "организации за проведение собраний."
    )
    assert result.arrest


def test_a_journalist_in_the_dative_of_a_custody_measure_is_its_subject() -> None:
    result = ru("Апелляционный суд продлил арест журналисту Игорю Мартынову ещё на три месяца.")
    assert result.arrest
    assert people(result) == {"Игорь Мартынов": "3 months"}


def test_the_press_in_the_dative_of_a_verb_of_telling_is_the_audience() -> None:
    result = ru("Полиция задержала Игоря Мартынова за кражу, сообщили журналистам в ведомстве.")
    assert not result.arrest


def test_a_lawyer_listed_among_the_people_taken_away_is_one_of_them() -> None:
    result = ru(
        "Полицейские увезли в отдел активистов Нину Зорину и Глеба Сомова, блогера Рустама Алиева "
        "и юриста Карину Местникову."
    )
    assert set(people(result)) == {"Нина Зорина", "Глеб Сомов", "Рустам Алиев", "Карина Местникова"}


def test_a_plural_pronoun_stands_for_the_people_named_two_sentences_before() -> None:
    result = ru(
        "Активисты Асель Нурова и Берик Сагатов вышли на пикет у здания акимата. "
        "Они держали плакаты о ценах на газ. Вечером их задержали и доставили в отдел полиции."
    )
    assert result.arrest
    assert people(result) == {"Асель Нурова": None, "Берик Сагатов": None}


def test_a_plural_pronoun_and_a_group_term() -> None:
    result = ru(
        "Суд рассмотрел дело активистов Асель Нуровой и Берика Сагатова. "
        "Они вывесили плакат у здания акимата. Вчера их арестовали на 10 суток."
    )
    assert people(result) == {"Асель Нурова": "10 days", "Берик Сагатов": "10 days"}


def test_a_singular_pronoun_still_takes_only_the_first_name() -> None:
    result = ru(
        "Блогер Асель Нурова и её адвокат Берик Сагатов пришли в суд. "
        "Заседание длилось три часа. После него её арестовали на 10 суток."
    )
    assert people(result) == {"Асель Нурова": "10 days"}


def test_a_politician_read_as_politics_is_a_role() -> None:
    result = ru("Оппозиционного политика Тимура Насырова суд приговорил к 8 годам и 6 месяцам лишения свободы.")
    assert people(result) == {"Тимур Насыров": "102 months"}


def test_a_role_before_a_chain_of_things_in_the_genitive() -> None:
    result = ru("Участника акции протеста Виктора Громова арестовали на двое суток.")
    assert people(result) == {"Виктор Громов": "2 days"}


def test_we_were_detained_says_the_one_quoted() -> None:
    result = ru("«Нас задержали прямо у акимата во время пикета», — рассказала активистка Дина Сейткали.")
    assert result.arrest
    assert people(result) == {"Дина Сейткали": None}


def test_we_were_warned_of_someone_elses_custody() -> None:
    result = ru("«Нас предупредили, что активиста задержат за пост», — рассказала журналистка Дина Сейткали.")
    assert "Дина Сейткали" not in people(result)


def test_a_term_between_the_verb_and_a_rights_defender_keeps_her_the_object() -> None:
    result = ru("Суд арестовал на 10 суток правозащитницу Анну Сергееву за участие в митинге.")
    assert people(result) == {"Анна Сергеева": "10 days"}


def test_a_double_surname_declines_in_each_part() -> None:
    woman = ru("Суд арестовал на 10 суток активистку Анну Сергееву-Лейн за участие в митинге.")
    man = ru("Полиция задержала на пикете активиста Ивана Петрова-Водкина.")
    assert people(woman) == {"Анна Сергеева-Лейн": "10 days"}
    assert people(man) == {"Иван Петров-Водкин": None}


def test_the_one_taken_together_with_a_detainee_is_taken_too() -> None:
    after = ru("Активистку Дану Жанай задержали вместе с ее коллегой Айдосом Садыковым у здания суда.")
    before = ru("Вместе с блогером Асланом Нуриевым полиция задержала журналиста Бекзата Мусина.")
    assert set(people(after)) == {"Дана Жанай", "Айдос Садыков"}
    assert set(people(before)) == {"Аслан Нуриев", "Бекзат Мусин"}


def test_a_journalist_in_the_dative_before_the_custody_is_its_subject() -> None:
    result = ru("Журналистке Сабине Мамедовой продлили арест на четыре месяца.")
    assert result.arrest
    assert people(result) == {"Сабина Мамедова": "4 months"}


def test_a_custody_participle_before_a_prepositional_phrase_keeps_the_name_its_person() -> None:
    result = ru("Задержанного на митинге Бауыржана Кенесова суд отправил в спецприемник на десять суток.")
    assert people(result) == {"Бауыржан Кенесов": "10 days"}


def test_the_defendant_of_a_trial_is_the_one_a_pronoun_then_names() -> None:
    result = ru("Суд над гражданским активистом Нурланом Есенгельдиевым завершился: его приговорили к 4 годам колонии.")
    assert people(result) == {"Нурлан Есенгельдиев": "4 years"}


def test_before_a_sons_particle_only_the_given_name_declines() -> None:
    kyrgyz = ru("Суд отправил в СИЗО блогера Нурсултана Жолдошбек уулу на два месяца.")
    kazakh = ru("Суд арестовал на 15 суток активиста Серика Жумабай улы за участие в митинге.")
    assert people(kyrgyz) == {"Нурсултан Жолдошбек уулу": "2 months"}
    assert people(kazakh) == {"Серик Жумабай улы": "15 days"}


def test_an_uzbek_patronymic_particle_is_part_of_the_name() -> None:
    result = ru("Полиция задержала блогера Шухрат Рустам угли у здания хокимията после видео о митинге.")
    assert set(people(result)) == {"Шухрат Рустам угли"}


def test_the_relative_named_after_a_dash_is_no_detainee() -> None:
    result = ru(
        "Супруга арестованного активиста Тимура Оспанова — Мадина Сейтова вчера сообщила, что его перевели в СИЗО."
    )
    assert "Мадина Сейтова" not in people(result)


def test_a_woman_lawyer_is_no_detainee() -> None:
    result = ru(
        "Блогера Тимура Оспанова арестовали на два месяца. "
        "Адвокатка Оспанова Мадина Сейтова заявила, что обжалует арест."
    )
    assert people(result) == {"Тимур Оспанов": "2 months"}


def test_a_list_goes_on_past_a_role_at_an_institution_named_in_capitals() -> None:
    result = ru(
        "Сотрудники ГКНБ задержали активиста Бакыта Осмонова, а также бывшего депутата Жогорку Кенеша "
        "Нурлана Токтосунова."
    )
    assert set(people(result)) == {"Бакыт Осмонов", "Нурлан Токтосунов"}


def test_the_source_by_whose_words_people_were_held_is_no_detainee() -> None:
    result = ru(
        "Полиция задержала участников акции у посольства. По словам одного из участников акции "
        "Глеба Сомова, задержанных было девять."
    )
    assert "Глеб Сомов" not in people(result)
