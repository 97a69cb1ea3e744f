"""Movements and parties as data (bot/core/analysis/data/organisations.toml), replaceable from
[rules]; sentences written for these tests."""

from __future__ import annotations

from bot.core.analysis import analyze, organisations
from bot.core.analysis.result import RuleConfig


def test_shipped_list_matches_inflected_names_in_three_languages():
    assert organisations.find("сторонника демократического выбора казахстана задержали")
    assert organisations.find("көше партиясының белсендісі ұсталды")
    assert organisations.find("a member of the democratic choice of kazakhstan was detained")
    assert organisations.find("погода в алматы") == []


def test_an_operator_list_replaces_the_shipped_one():
    rules = RuleConfig(organisations=("Жасыл ел қозғалысы",))
    assert organisations.find("жасыл ел қозғалысының мүшесі", rules)
    assert organisations.find("демократического выбора казахстана", rules) == []


def test_membership_of_a_listed_movement_makes_custody_political():
    text = "Полиция задержала Ивана Петрова, которого следствие считает последователем Таблиги джамаат."
    assert analyze("", text, "ru").arrest
    # Without the movement on the list, nothing else in the sentence is civic.
    assert not analyze("", text, "ru", RuleConfig(organisations=("Другое движение",))).arrest


def test_operators_name_a_new_movement_in_kazakh():
    text = "Полиция Ерлан Қасымовты ұстады, ол Жасыл ел қозғалысының мүшесі."
    assert not analyze("", text, "kk").arrest
    assert analyze("", text, "kk", RuleConfig(organisations=("Жасыл ел қозғалысы",))).arrest


def test_heads_of_state_are_never_detainees_in_any_language():
    assert organisations.is_official("Kassym-Jomart Tokayev") and organisations.is_official("Қасым-Жомарт Тоқаев")
    assert not organisations.is_official("Марат Токаев")
    text = (
        "Police detained activist Dana Zhumabayeva at a rally against Kassym-Jomart Tokayev's decree; "
        "Kassym-Jomart Tokayev was detained in the headline of a satirical poster she held."
    )
    names = [d.name for d in analyze("", text, "en").detainees]
    assert "Dana Zhumabayeva" in names and "Kassym-Jomart Tokayev" not in names


def test_a_watchdog_of_the_data_list_makes_a_charge_persecution() -> None:
    # The watchdogs are data (data/watchdogs.toml), replaceable from [rules] watchdogs.
    text = (
        "Суд арестовал на два месяца журналиста Ивана Петрова по делу о вымогательстве. "
        "В Комитете по защите журналистов потребовали его освободить."
    )
    shipped = analyze("", text, "ru", RuleConfig())
    assert shipped.arrest
    assert "negative:вымогательство" not in shipped.reasons
    replaced = analyze("", text, "ru", RuleConfig(watchdogs=("Freedom Now",)))
    assert "negative:вымогательство" in replaced.reasons
    assert organisations.watchdogs_for(RuleConfig(watchdogs=("Freedom Now",))) == ("Freedom Now",)
