"""The term model (bot/core/analysis/terms.py) and the term finders of each language.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis import terms
from bot.core.analysis.en_terms import find_terms as find_en
from bot.core.analysis.ru_terms import find_terms as find_cyr


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        (15, "day", "15 days"),
        (1, "day", "1 day"),
        (2, "week", "14 days"),
        (1.5, "year", "18 months"),
        (16.5, "years", "198 months"),
        (7, "year", "7 years"),
        (1, "month", "1 month"),
        (2.5, "month", "75 days"),
    ],
)
def test_canonical(amount, unit, text):
    assert terms.canonical(amount, unit) == text


@pytest.mark.parametrize(("amount", "unit"), [(0, "day"), (-3, "year"), (5, "fortnight")])
def test_canonical_refuses_what_no_term_can_say(amount, unit):
    with pytest.raises(terms.TermError):
        terms.canonical(amount, unit)


def test_parse_and_days():
    assert terms.parse("15 days") == terms.Term(15, "day")
    assert terms.parse("1 year").days == 365
    assert terms.parse("about a week") is None and terms.parse(None) is None
    assert terms.days("2 months") == 60 and terms.days("soon") is None
    assert terms.parse("3 months") > terms.parse("15 days") or terms.parse("3 months").days > 15


@pytest.mark.parametrize(
    ("text", "language", "shown"),
    [
        ("15 days", "ru", "15 суток"),
        ("1 day", "ru", "1 сутки"),
        ("2 years", "ru", "2 года"),
        ("5 years", "ru", "5 лет"),
        ("21 months", "ru", "21 месяц"),
        ("15 days", "kk", "15 тәулік"),
        ("2 years", "kk", "2 жыл"),
        ("3 months", "kk", "3 ай"),
        ("15 days", "en", "15 days"),
        ("half a term", "ru", "half a term"),
    ],
)
def test_display(text, language, shown):
    assert terms.display(text, language) == shown


def test_display_keeps_none():
    assert terms.display(None, "ru") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The court sentenced the blogger to 16 and a half years in prison.", ["198 months"]),
        ("She was sentenced to two and a half years in a prison colony.", ["30 months"]),
        ("He was placed in pre-trial detention for a month.", ["1 month"]),
        ("The activist was jailed for 10 days.", ["10 days"]),
        ("He was given one year of restricted freedom.", []),
    ],
)
def test_english_terms(sentence, expected):
    assert [t.term for t in find_en(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("суд арестовал его на 15 суток", "ru", ["15 days"]),
        ("приговорил к 16 годам и 6 месяцам колонии", "ru", ["198 months"]),
        ("сот оны бір жарым жылға бас бостандығынан айырды", "kk", ["18 months"]),
        ("белсенді 2 жыл бас бостандығын шектеуге сотталды", "kk", []),
        ("сот 15 таулікке дейін қамауға алуы мүмкін", "kk", []),
        ("белсенди 10 тауликке камалды", "kk", ["10 days"]),
    ],
)
def test_cyrillic_terms(sentence, lang, expected):
    assert [t.value for t in find_cyr(sentence.split(), lang)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Prosecutors asked for seven years in prison for the blogger.",
        "The activist faces five years in prison if convicted.",
    ],
)
def test_terms_asked_for_or_threatened_are_no_terms(sentence):
    assert find_en(sentence) == []
