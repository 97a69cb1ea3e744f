"""Russian name forms (issue 12): a name the text writes in the nominative elsewhere wins over
an inflected form the finder took for a woman's nominative.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from tests.test_analysis_ru_stream import people, ru


def test_a_mans_nominative_elsewhere_undoes_a_genitive_read_as_a_womans_name() -> None:
    result = ru(
        "Суд арестовал активиста Актилека Капарова на два месяца. "
        "Актилек Капаров отрицает вину и назвал дело политическим."
    )
    assert people(result) == {"Актилек Капаров": "2 months"}


def test_a_womans_name_written_once_in_the_nominative_stays_hers() -> None:
    result = ru("Полиция задержала журналистку Айнуру Капарову. Суд арестовал Айнуру Капарову на 10 суток.")
    assert "Айнура Капарова" in people(result)
