"""The cheap tests that spare English texts a costly regex must accept every text the regex
matches: each phrase here matches the guarded regex, so its guard must let it through."""

from __future__ import annotations

import pytest

from bot.core.analysis import english
from bot.core.analysis.packs.en import IN_ABSENTIA, POLITICAL_CASE

POLITICAL = [
    "he was detained over his facebook posts",
    "held because of a publication",
    "jailed due to their comments",
    "after he criticised the local authorities",
    "a criticism of the government",
    "the case is politically motivated",
    "she is a political prisoner",
    "a politically case of the year",
    "detained for political reasons",
    "the charges were fabricated",
    "on trumped-up charges",
    "in retaliation for his work",
    "jailed in reprisal",
    "an attempt to silence critics",
    "jailed for her journalism",
    "arrested for their activism",
    "held for his reporting",
    "on bogus criminal charges",
    "detained on dubious grounds",
    "held on spurious charges",
    "baseless accusations",
    "a groundless prosecution",
    "an unfounded case",
    "his lawyer called the charges against him absurd",
    "they called the accusations groundless",
    "she called the case unfounded",
]


def test_political_hints_accept_every_political_case() -> None:
    missed = [text for text in POLITICAL if not english._POLITICAL_HINTS.search(text)]
    assert all(POLITICAL_CASE.search(text) for text in POLITICAL)
    assert missed == []


@pytest.mark.parametrize(
    "clause",
    ["lawyers for jailed journalist x said", "the imprisoned activists", "(detained opposition leaders"],
)
def test_held_attribute_guard(clause: str) -> None:
    assert english._HELD_ATTRIBUTE.search(clause)
    assert english._HELD_WORDS.search(clause)


@pytest.mark.parametrize("text", ["charged with treason", "accused of espionage", "suspected of spying"])
def test_treason_guard(text: str) -> None:
    assert english._TREASON.search(text)
    assert english._TREASON_WORDS.search(text)


@pytest.mark.parametrize(
    "clause", ["tried in absentia", "sentenced x to eight years in his absence", "verdicts passed in their absence"]
)
def test_absentia_forms_hold_absen(clause: str) -> None:
    assert IN_ABSENTIA.search(clause)
    assert "absen" in clause


def test_abbreviations_read_in_a_short_window_split_as_before() -> None:
    from bot.core.analysis.en_sentences import split_sentences

    text = (
        "Police held the blogger at noon and questioned him for hours. Later Prof. Anar Bek and Mr. Dan Ivanov "
        "spoke. The court met in Sept. Its ruling, per J. Smith, came on Monday. A lawyer said so. Ms. "
        "Aida Sultan agreed. Some said nothing about U.S. Observers."
    )
    assert split_sentences("", text) == [
        "Police held the blogger at noon and questioned him for hours.",
        "Later Prof. Anar Bek and Mr. Dan Ivanov spoke.",
        "The court met in Sept. Its ruling, per J. Smith, came on Monday.",
        "A lawyer said so.",
        "Ms. Aida Sultan agreed.",
        "Some said nothing about U.S. Observers.",
    ]
