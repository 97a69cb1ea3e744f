"""Russian name forms (issue 12): a name the text writes in the nominative elsewhere wins over
an inflected form the finder took for a woman's nominative; the names of one list share the
case a clearly read member shows (a Central Asian given name pymorphy3 only guesses).

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.support.russian import people, ru


def test_a_mans_nominative_elsewhere_undoes_a_genitive_read_as_a_womans_name() -> None:
    result = ru(
        "Суд арестовал активиста Актилека Капарова на два месяца. "
        "Актилек Капаров отрицает вину и назвал дело политическим."
    )
    assert people(result) == {"Актилек Капаров": "2 months"}


def test_a_womans_name_written_once_in_the_nominative_stays_hers() -> None:
    result = ru("Полиция задержала журналистку Айнуру Капарову. Суд арестовал Айнуру Капарову на 10 суток.")
    assert "Айнура Капарова" in people(result)


def test_a_dative_list_reads_every_man_as_its_clearly_read_member() -> None:
    result = ru(
        "Суд продлил до 20 июня арест задержанным журналистам — Гулайым Осмоновой, "
        "Нуртилеку Талантову, Жоодару Доолотову и Азамату Ишенбекову."
    )
    names = set(people(result))
    assert {"Нуртилек Талантов", "Жоодар Доолотов", "Азамат Ишенбеков"} <= names
    assert any(name.endswith("Осмонова") for name in names)  # hers: another ending, another reading


def test_a_genitive_list_with_notes_in_brackets_shares_its_case() -> None:
    result = ru(
        "Суд оставил под стражей на два месяца журналистов Тыныстана Асыпбекова (редактор), "
        "Ормона Талантова (оператор) и Бектилека Сапарбекова (фотограф)."
    )
    assert {"Тыныстан Асыпбеков", "Ормон Талантов", "Бектилек Сапарбеков"} <= set(people(result))
    assert not any(name.endswith("ова") for name in people(result))


def test_a_woman_in_the_accusative_beside_a_man_keeps_her_name() -> None:
    result = ru("Полиция задержала активистов Азамата Ишенбекова и Айнуру Капарову, их арестовали на 10 суток.")
    assert people(result) == {"Азамат Ишенбеков": "10 days", "Айнура Капарова": "10 days"}


def test_a_lone_surname_in_the_nominative_gives_a_man_his_nominative() -> None:
    result = ru(
        "Активисты вышли на митинг против ареста Серикжана Мамбеталина и Ермека Нарымбаева. "
        "Мамбеталин и Нарымбаев арестованы на два месяца."
    )
    assert people(result) == {"Серикжан Мамбеталин": "2 months", "Ермек Нарымбаев": "2 months"}


def test_a_husbands_surname_leaves_a_womans_name_hers() -> None:
    result = ru(
        "Полиция задержала активистку Айгуль Мамбеталина на 10 суток. "
        "Мамбеталин, её муж, говорит, что она ни в чём не виновата."
    )
    assert people(result) == {"Айгуль Мамбеталина": "10 days"}


def test_a_surname_completed_by_a_mans_genitive_given_name_is_his() -> None:
    result = ru(
        "Утром в редакции независимой газеты «Вести района» прошли обыски у главного редактора Олега Смирнова. "
        "Ему вменяют распространение фейков об армии. Позже стало известно о задержании Смирнова - "
        "он был в командировке."
    )
    assert people(result) == {"Олег Смирнов": None}


def test_a_surname_completed_by_a_womans_given_name_stays_hers() -> None:
    result = ru(
        "Утром в редакции независимой газеты «Вести района» прошли обыски у главного редактора Ольги Смирновой. "
        "Ей вменяют распространение фейков об армии. Позже стало известно о задержании Смирновой - "
        "она была в командировке."
    )
    assert set(people(result)) <= {"Ольга Смирнова"}
