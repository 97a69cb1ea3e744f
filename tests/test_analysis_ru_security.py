"""Russian rules for the security cases a regional stream brings (terror suspects, recruiters,
treason) and for reports whose custody has ended by death. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.ru_context import civic_word
from bot.core.analysis.ru_names import parse
from tests.support.russian import ru

# --- terrorism, recruiters, treason: crime context -------------------------------------------


@pytest.mark.parametrize(
    ("text", "crime"),
    [
        (
            "В Оше сотрудники ГКНБ задержали 12 человек, подозреваемых в вербовке молодёжи через соцсети "
            "в террористическую организацию.",
            "negative:терроризм",
        ),
        (
            "Доктор политических наук Руслан Жумабеков был арестован сотрудниками КНБ. "
            "Суд приговорил его к двенадцати годам лишения свободы за государственную измену и шпионаж.",
            "negative:шпионаж",
        ),
    ],
)
def test_recruiters_and_treason_are_no_alert(text: str, crime: str) -> None:
    result = ru(text)
    assert (result.arrest, crime in result.reasons) == (False, True)


def test_calls_to_violence_are_no_civic_call() -> None:
    result = ru(
        "В Таразе задержаны трое мужчин, которые в мессенджерах распространяли призывы к нападениям "
        "на полицейских и призывы к убийствам. У них изъяли оружие."
    )
    assert not result.arrest
    assert not any(r.startswith("civic:призыв") for r in result.reasons)


def test_a_peaceful_call_is_still_civic() -> None:
    result = ru("Активиста Бауржана Исаева задержали в Актобе за призывы к участию в мирном митинге.")
    assert result.arrest
    assert {d.name for d in result.detainees} == {"Бауржан Исаев"}


def test_a_terror_word_someone_called_for_is_a_charge_for_words() -> None:
    """A movement's leader accused of calling for a life "like a terrorist organisation" is
    held for what he said: the terror word is no deed of his."""
    result = ru(
        "В Бишкеке задержан лидер оппозиционного движения Тилек Осмонов. "
        "По версии следствия, на собрании он призывал к жизни по законам террористической организации."
    )
    assert result.arrest
    assert "negative:терроризм" not in result.reasons


def test_political_science_is_no_political_activity() -> None:
    sentence = parse("Он доктор политических наук и профессор университета.", 0)[0]
    index = next(i for i, t in enumerate(sentence.tokens) if t.lemma == "политический")
    assert civic_word(sentence.tokens, index) is None
    other = parse("Его арестовали по политическим мотивам.", 0)[0]
    index = next(i for i, t in enumerate(other.tokens) if t.lemma == "политический")
    assert civic_word(other.tokens, index) == "политический"


# --- a charge framed as persecution ----------------------------------------------------------


def test_an_extortion_charge_meant_to_silence_a_blogger() -> None:
    result = ru(
        "Блогера Нодира Усмонова задержали в Намангане по обвинению в вымогательстве. "
        "Его родные уверены, что силовики его подставили, чтобы заставить замолчать критика местных властей."
    )
    assert result.arrest
    assert {d.name for d in result.detainees} == {"Нодир Усмонов"}


# --- death in custody -----------------------------------------------------------------------


def test_a_headline_of_deaths_in_prison_reports_no_new_custody() -> None:
    result = ru(
        "Правозащитники требуют расследования. Активиста Данияра Ерланова задержали после протестов "
        "в регионе, в прошлом месяце он умер в колонии.",
        title="После смерти активиста в колонии звучат призывы к санкциям",
    )
    assert not result.arrest
    assert any(r.startswith("negative:release") for r in result.reasons)


def test_a_death_without_custody_place_is_no_release() -> None:
    """A headline's death outside custody ("смерть шахтёров") leaves the pickets' detention news."""
    held = ru(
        "Полиция задержала пятерых участников пикета у акимата, среди них активиста Данияра Ерланова.",
        title="Смерть шахтёров: в Караганде прошёл пикет",
    )
    assert held.arrest and [d.name for d in held.detainees] == ["Данияр Ерланов"]


# --- participles of protest -------------------------------------------------------------------


def test_rally_participants_named_by_a_participle_are_civic() -> None:
    """The tagger gives "митингующие" the verb's lemma ("митинговать"): still a protest."""
    result = ru(
        "Вечером на площади собрались митингующие. Самых активных полицейские увозили "
        "в сторону городского отдела полиции."
    )
    assert result.arrest and "civic:митинговать" in result.reasons
