"""bot/core/places.py is the one gazetteer: the spellings the English analysis looks for and
the inflected forms the Russian and Kazakh analysis reads are all its places."""

from __future__ import annotations

import re

import pytest

from bot.core.analysis.en_terms import find_place as english_place
from bot.core.analysis.ru_text import find_place as cyrillic_place
from bot.core.places import CYRILLIC_FORMS, LATIN_FORMS, LATIN_FORMS_ABROAD, PLACES, find, place_name


@pytest.mark.parametrize("spelling", LATIN_FORMS)
def test_every_english_analysis_spelling_in_kazakhstan_is_a_gazetteer_place(spelling: str) -> None:
    place = find(spelling)
    assert place is not None and not place.abroad, spelling


@pytest.mark.parametrize("spelling", LATIN_FORMS_ABROAD)
def test_every_english_analysis_spelling_abroad_is_a_gazetteer_place_abroad(spelling: str) -> None:
    place = find(spelling)
    assert place is not None and place.abroad, spelling


@pytest.mark.parametrize(("stem", "name"), CYRILLIC_FORMS)
def test_every_inflected_form_is_a_spelling_of_the_gazetteer_place_it_names(stem: str, name: str) -> None:
    place = find(name)
    assert place is not None, name
    assert any(re.match(stem, spelling) for spelling in (place.ru, place.kk, *place.variants)), (stem, name)


def test_every_place_in_kazakhstan_has_an_english_analysis_spelling() -> None:
    looked_for = {find(spelling) for spelling in LATIN_FORMS}
    missing = [place.en for place in PLACES if not place.abroad and place not in looked_for]
    assert missing == ["Almaty Region"]  # found as "Almaty" with " region" after it


def test_the_analysis_places_come_out_in_the_channels_spelling() -> None:
    found = english_place(["Police in UST-KAMENOGORSK detained two activists."])
    assert found == "Ust-Kamenogorsk" and place_name(found, "ru") == "Усть-Каменогорск"
    inflected = cyrillic_place("Активиста задержали в Усть-Каменогорске.")
    assert inflected == "Усть-Каменогорск" and place_name(inflected, "kk") == "Өскемен"
    kazakh = cyrillic_place("Белсенді Өскеменде ұсталды.")
    assert kazakh == "Өскемен" and place_name(kazakh, "en") == "Oskemen"
