"""The text stage (bot/core/analysis/text.py) on sentences written for these tests."""

from __future__ import annotations

from bot.core.analysis import analyze
from bot.core.analysis.text import normalise


def test_glued_paragraphs_are_separated():
    assert (
        normalise("суд арестовал Ивана СимаковаНа следующий день") == "суд арестовал Ивана Симакова.\nНа следующий день"
    )
    assert normalise("police detained Ivan SimakovThe next day") == "police detained Ivan Simakov.\nThe next day"


def test_short_mixed_case_words_are_left_alone():
    for text in ("МакДональд открыл кафе", "He posted on YouTube and WhatsApp", "ТикТок"):
        assert normalise(text) == text


def test_paragraphs_without_final_punctuation_are_closed():
    assert normalise("Активиста задержали\nОн провёл ночь в ОВД") == "Активиста задержали.\nОн провёл ночь в ОВД"
    assert normalise("Активиста задержали.\nОн провёл ночь в ОВД") == "Активиста задержали.\nОн провёл ночь в ОВД"
    assert normalise("задержали\nи отпустили") == "задержали\nи отпустили"


def test_a_name_is_not_glued_to_the_next_paragraph():
    text = (
        "В Алматы полиция задержала активиста Ивана Симакова после одиночного пикета у акимата\n"
        "Наблюдатели сообщили, что ему грозит административный арест"
    )
    result = analyze("", text, "ru")
    assert result.arrest
    assert [d.name for d in result.detainees] == ["Иван Симаков"]
