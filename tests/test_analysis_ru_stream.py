"""Russian stream reports of issue 12's third round: surnames that are common words, a court's
list of punishments, probation in place of prison, settlements after "житель", sources who
tell of someone else's custody.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_a_capitalised_common_noun_after_a_given_name_is_a_surname() -> None:
    result = ru("Суд в Гомеле приговорил оппозиционера Павла Молота к шести годам колонии за посты.")
    assert result.arrest
    assert people(result) == {"Павел Молот": "6 years"}


def test_a_common_noun_surname_in_the_nominative_keeps_its_given_name() -> None:
    result = ru("Участник пикета Олег Граф получил 12 суток ареста, сообщили правозащитники.")
    assert people(result) == {"Олег Граф": "12 days"}


def test_two_sentenced_people_and_two_terms_pair_in_order() -> None:
    result = ru("Областной суд приговорил оппозиционеров Игоря Знака и Ольгу Лебедеву к 8 и 9 годам тюрьмы.")
    assert people(result) == {"Игорь Знак": "8 years", "Ольга Лебедева": "9 years"}


def test_a_courts_list_of_punishments_names_each_surname_with_its_term() -> None:
    result = ru(
        "Районный суд рассмотрел дела участников несогласованного митинга. Назначено наказание: "
        "Галимову – 8 суток административного ареста, Сафиной – 4 суток административного ареста, "
        "Осиповой – штраф 15 тысяч рублей, Латыпову – 6 суток административного ареста."
    )
    assert result.arrest
    assert people(result) == {"Галимов": "8 days", "Сафина": "4 days", "Латыпов": "6 days"}


def test_a_lone_inflected_surname_without_its_own_term_stays_out() -> None:
    result = ru("Участников митинга задержали за вопросы Токаеву о выборах, сообщили правозащитники.")
    assert "Токаев" not in people(result)


def test_a_prison_term_replaced_by_probation_is_no_custody() -> None:
    result = ru(
        "Суд Бишкека приговорил активиста Нурлана Асанова к трём годам лишения свободы с заменой на "
        "два года пробационного надзора за призывы к массовым беспорядкам."
    )
    assert not result.arrest
    assert people(result) == {}


def test_a_lone_word_after_a_resident_noun_is_his_settlement() -> None:
    result = ru(
        "В Петербурге на одиночном пикете против войны задержан 35-летний житель Кудрово. "
        "У него был плакат «Нет войне»."
    )
    assert result.arrest
    assert people(result) == {}


def test_the_source_who_writes_of_a_detention_is_not_the_detainee() -> None:
    result = ru(
        "О задержаниях на площади рассказал в Telegram оппозиционный политик Андрей Соколов. "
        "Он также написал, что полиция задержала 12 участников пикета."
    )
    assert result.arrest
    assert people(result) == {}


def test_he_who_says_he_was_detained_is_still_the_detainee() -> None:
    result = ru("Журналист Ерлан Касымов пришёл на пикет у акимата. Он сообщил, что его задержали на три часа.")
    assert people(result) == {"Ерлан Касымов": None}


def test_a_name_beside_a_role_of_an_institution_is_the_detainee_and_a_term_of_another_stays_his() -> None:
    held = "Спецслужба поместила в СИЗО бывшего депутата городского совета Эрлана Жумабекова"
    other = (
        " Накануне сотни людей на митинге потребовали освободить политика Азата Нурланова, "
        "осуждённого в 2019 году на девять лет."
    )
    for text in (held + " и двух участников митинга.", held + "." + other):
        found = people(ru(text))
        assert found["Эрлан Жумабеков"] is None
        # The politician the crowd wants freed is in custody too ("политика X" is his role, not
        # a thing he owns); if named, with his own term.
        assert found.get("Азат Нурланов", "9 years") == "9 years"
        assert set(found) <= {"Эрлан Жумабеков", "Азат Нурланов"}


def test_a_name_after_the_noun_for_a_thing_is_still_its_owner() -> None:
    result = ru("Полиция задержала троих активистов у дома Дастана Ермекова после пикета.")
    assert "Дастан Ермеков" not in people(result)


def test_a_hyphenated_journalists_role_is_civic_beside_a_crime_charge() -> None:
    result = ru(
        "Суд арестовал на три месяца журналиста-расследователя Эмиля Гасанова, обвинив его в контрабанде валюты. "
        "Коллеги связывают арест с его расследованиями о семье министра."
    )
    assert result.arrest
    assert people(result) == {"Эмиль Гасанов": "3 months"}
