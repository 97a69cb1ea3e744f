"""The text stage (bot/core/analysis/text.py) on sentences written for these tests."""

from __future__ import annotations

import itertools
import re

from bot.core.analysis import analyze
from bot.core.analysis.en_terms import _YEAR
from bot.core.analysis.enumeration_people import _SENTENCE_END
from bot.core.analysis.kk_name_forms import _CAPS_WORD
from bot.core.analysis.kk_rules import _SENTENCE_SPLIT
from bot.core.analysis.text import _GLUED, _OPEN_LINE_END, normalise


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


def test_open_line_ends_are_found_as_the_look_behind_regex_found_them() -> None:
    """The open-line-end regex opens each alternative with its own character (for speed):
    it closes exactly the line ends the plain look-behind form closed, on every short text
    over the characters that matter."""
    plain = re.compile(r"(?<=[\w)»”\"])[ \t]*\n(?=\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"“(0-9—–-])")
    for size in range(1, 6):
        for chars in itertools.product("a) \t\n.Ж", repeat=size):
            text = "".join(chars)
            assert _OPEN_LINE_END.sub(".\n", text) == plain.sub(".\n", text), repr(text)


def test_sentence_splits_open_with_their_first_character_and_split_as_before() -> None:
    """The Kazakh sentence split and the enumeration stage's sentence ends open with the first
    character they match (for speed): the same splits as their look-behind forms, on every short
    text over the characters that matter."""
    kazakh = re.compile(r"(?<=[.!?…])(?<![\s«\"(][А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.)(?<!\A[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.)[\"»”]?\s+|\n+")
    listed = re.compile(r"(?<=[.!?…])[\"”’»)]?\s+(?=[\"“«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n+")
    for size in range(1, 6):
        for chars in itertools.product('a.Ж” \n"(', repeat=size):
            text = "".join(chars)
            assert _SENTENCE_SPLIT.split(text) == kazakh.split(text), repr(text)
            assert _SENTENCE_END.split(text) == listed.split(text), repr(text)


def test_glued_paragraphs_and_words_in_capitals_are_found_as_before() -> None:
    """The glued-paragraph and capitals regexes open with a class of capitals (for speed): the
    same matches as their earlier forms on every short text over the characters that matter."""
    glued = re.compile(
        r"[А-ЯЁӘҒҚҢӨҰҮҺІ](?<=[а-яёәғқңөұүһі]{4}[А-ЯЁӘҒҚҢӨҰҮҺІ])(?=[а-яёәғқңөұүһі])|[A-Z](?<=[a-z]{5}[A-Z])(?=[a-z])"
    )
    capitals = re.compile(r"(?<![\w])[А-ЯЁӘҒҚҢӨҰҮҺІ]{4,}(?![\w])")
    for size in range(1, 8):
        for chars in itertools.product("аЖaZ .", repeat=size):
            text = "".join(chars)
            assert [m.span() for m in _GLUED.finditer(text)] == [m.span() for m in glued.finditer(text)], repr(text)
            assert [m.span() for m in _CAPS_WORD.finditer(text)] == [m.span() for m in capitals.finditer(text)]


def test_years_are_found_as_the_word_boundary_form_found_them() -> None:
    """The English year regex looks behind from its first digit (for speed): the same years as
    \\b(?:19|20)\\d\\d\\b on every short text over the characters that matter."""
    plain = re.compile(r"\b(?:19|20)\d\d\b")
    for size in range(1, 7):
        for chars in itertools.product("1290a _", repeat=size):
            text = "".join(chars)
            assert _YEAR.findall(text) == plain.findall(text), repr(text)
