"""Kazakh: what generally happens is no event, and the words beside a name that make it no
detainee's (a title in quotes, a bracketed aside, a plural or a misspelling of a name
already held). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.support.kazakh import kk_rules as kk
from tests.support.kazakh import people


@pytest.mark.parametrize(
    "text",
    [
        # Most rallies end with people held: a rule, not a report.
        "Сарапшының айтуынша, бейбіт жиындардың көбі полицияның наразыларды ұстап әкетуімен, "
        "белсенділерді абақтыға қамауымен аяқталады.",
        # Those who spent days in jail seem to think themselves heroes.
        "Сарапшы: митингке шығып, бірнеше күн абақтыға отырғаннан кейін кейбір жастар өздерін батыр санайтын сияқты.",
        # Sitting 15 days in custody is no heroism: the custody named as a topic.
        "Белсенді жастарға айтарым: митингтен кейін 15 тәулік қамауда отыру ерлік емес.",
        # Activists are often held: what happens as a rule.
        "Құқық қорғаушылардың сөзінше, өңірде белсенділер жиі ұсталып, әкімшілік қамауға алынады.",
    ],
)
def test_what_generally_happens_is_no_arrest(text: str) -> None:
    assert not kk(text).arrest


def test_a_day_named_makes_the_same_words_news() -> None:
    result = kk("15 наурызда әкімдік алдына шыққан белсенділердің көбі полиция бөлімшесіне жеткізіліп, ұсталды.")
    assert result.arrest


def test_a_party_in_quotes_is_no_person() -> None:
    result = kk(
        "Бүгін Шымкентте «Жаңа Жол» партиясының кеңсесі алдына наразылық білдіруге жиналған "
        "бірнеше белсендіні полиция ұстап әкетті."
    )
    assert result.arrest
    assert people(result) == {}


def test_the_subject_of_a_bracketed_aside_is_not_held() -> None:
    result = kk(
        "Полиция наразылардың алаңға (Бекболатов «жиын орны» деп атаған) жиналуына жол бермей, "
        "келгендерді бірінен соң бірін ұстап әкетті."
    )
    assert result.arrest
    assert people(result) == {}


def test_a_surname_in_the_plural_is_the_surname() -> None:
    result = kk(
        "Полиция бірнеше белсендіні ұстап алып кетті. Олардың арасында азаматтық белсенді "
        "Әсет Жұмабеков пен Дәурен Қасымовтар бар."
    )
    assert people(result) == {"Әсет Жұмабеков": None, "Дәурен Қасымов": None}


def test_a_name_misspelt_later_is_the_same_person() -> None:
    result = kk(
        "Белсенді Нұрлан Есенбеков пикетке шыққаны үшін 10 тәулікке қамалды. "
        "Нұрлан Есенбаков өзін полиция бөлімшесіне алып кеткенін парақшасында жазған."
    )
    assert people(result) == {"Нұрлан Есенбеков": "10 days"}


def test_two_people_one_letter_apart_by_given_name_stay_two() -> None:
    result = kk("Полиция белсенділер Арман Сапаров пен Арлан Сапаровты митингтен ұстап әкетті.")
    assert set(people(result)) == {"Арман Сапаров", "Арлан Сапаров"}


def test_the_holding_of_named_people_as_a_verbal_noun() -> None:
    result = kk(
        "Полиция белсенділер Әсел Нұрланова мен Ерлан Бекенұлыны қамау себебін түсіндіріп, "
        "олардың рұқсат етілмеген жиынға шыққанын айтты."
    )
    assert result.arrest
    assert set(people(result)) == {"Әсел Нұрланова", "Ерлан Бекенұлы"}


def test_the_holding_that_should_happen_is_not_custody() -> None:
    result = kk("Депутаттың пікірінше, билікті сынаған блогерлерді қамау керек емес, олармен сөйлесу керек.")
    assert not result.arrest


def test_a_suspect_held_for_attacking_a_journalist_is_ordinary_crime() -> None:
    result = kk("Қостанайда журналистке шабуыл жасаған күдіктіні полиция ұстап, уақытша ұстау изоляторына қамады.")
    assert not result.arrest


def test_a_count_of_this_year_is_background() -> None:
    result = kk(
        "Полиция басшысының айтуынша, биыл өңірде 85 адам заңсыз жиынға қатысқаны үшін әкімшілік қамауға алынды."
    )
    assert not result.arrest


def test_a_day_of_this_year_is_news() -> None:
    result = kk("Биыл 3 мамырда Атырауда заңсыз жиынға шыққан 12 белсенді әкімшілік қамауға алынды.")
    assert result.arrest


def test_those_held_whose_release_a_picket_demands_are_no_news() -> None:
    result = kk(
        "Белсенділер қамаудағы Ерғали Сапаров пен Дина Әбілқызын босатуды талап етіп, сот алдында пикетке шықты."
    )
    assert not result.arrest
    assert people(result) == {}


def test_who_tells_of_a_detention_is_not_held() -> None:
    result = kk("Құқық қорғаушы Бақытгүл Ермекова полицияның алаңдағы бес белсендіні ұстап әкеткенін айтты.")
    assert result.arrest
    assert people(result) == {}


def test_who_tells_of_their_own_detention_is_held() -> None:
    result = kk("Белсенді Бақытгүл Ермекова полицейлердің өзін пикеттен ұстап әкеткенін айтты.")
    assert people(result) == {"Бақытгүл Ермекова": None}


@pytest.mark.parametrize(
    "text",
    [
        "Пикетке шыққан белсенділердің плакаттарын полиция тартып алып кетті.",
        "Полиция белсенді Нұрлан Жақсыбековтің үйін тінтіп, компьютерін алып кетті.",
    ],
)
def test_things_taken_away_are_no_custody(text: str) -> None:
    assert not kk(text).arrest


def test_the_placard_and_then_its_holder_taken_away_is_custody() -> None:
    assert kk("Полиция пикетке шыққан белсендінің плакатын тартып алып, өзін бөлімшеге алып кетті.").arrest


def test_taken_to_a_cell_is_custody() -> None:
    assert kk("Полиция пикетке шыққан белсендіні камераға апарды.").arrest
