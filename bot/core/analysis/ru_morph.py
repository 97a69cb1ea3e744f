"""pymorphy3 over Russian words: the analyser, its cached parses, lemmas, and the word classes
the rules ask about.

Why a module of its own: the person finder (ru_person_spans.py), the sentences and mentions
(ru_names.py), the name forms (ru_name_forms.py), the Russian rules (ru_rules.py, ru_cues.py) and the
Kazakh name forms all ask pymorphy3 about words; the analyser is loaded once, here, its parses
cached (names and custody words recur across reports), and its answers for names, places and
things kept in one place.
"""

from __future__ import annotations

import functools
import re
from typing import Any

#: pymorphy3's grammemes of a person's name: given name, surname, patronymic.
PERSON_TAGS = ("Name", "Surn", "Patr")
#: pymorphy3's cases, the second genitive, accusative and locative folded into the first.
CASES = {
    "nomn": "nomn",
    "gent": "gent",
    "gen2": "gent",
    "datv": "datv",
    "accs": "accs",
    "acc2": "accs",
    "ablt": "ablt",
    "loct": "loct",
    "loc2": "loct",
}


@functools.lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """pymorphy3's analyser, loaded once (about 0.1 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=65536)
def parses(low: str) -> tuple[Any, ...]:
    """Every pymorphy3 reading of a lower-cased word, best first (cached: names recur)."""
    return tuple(morph_analyzer().parse(low))


@functools.lru_cache(maxsize=65536)
def is_known(low: str) -> bool:
    """The word is in pymorphy3's dictionary (not only guessed from its ending)."""
    return bool(morph_analyzer().word_is_known(low))


def is_person(parse: Any) -> bool:
    """A reading as a given name, surname or patronymic."""
    return any(tag in parse.tag for tag in PERSON_TAGS)


def token_lemma(text: str, low: str) -> tuple[str, str]:
    """Lemma and part of speech of a token; an abbreviation is its own lemma (pymorphy3
    reads "СИЗО" as a form of "сизый", "ИВС" as a word it guesses)."""
    if not re.search(r"[а-яё]", low):
        return low, ""
    if text.isupper() and len(text) <= 5:
        return low, "NOUN"
    return lemma_and_pos(low)


@functools.lru_cache(maxsize=65536)
def lemma_and_pos(word: str) -> tuple[str, str]:
    """The most likely normal form (ё kept) and part of speech of a lower-cased word."""
    best = parses(word)[0]
    return best.normal_form, str(best.tag.POS or "")


def lemma(word: str) -> str:
    return lemma_and_pos(word)[0]


def is_common_word(word: str) -> bool:
    """A word pymorphy3 knows, and never as part of a person's name ("Кейс", "Суд"); or a
    woman's role it lacks, made of a known one ("Адвокатка" of "адвокат")."""
    low = word.lower()
    if not is_known(low):
        stem = low[:-2] if low.endswith("ка") else ""
        return is_known(stem) and any(
            p.tag.POS == "NOUN" and "anim" in p.tag and not is_person(p) for p in parses(stem)
        )
    return not any(map(is_person, parses(low)))


def is_thing(word: str) -> bool:
    """A lower-cased noun whose every reading is inanimate ("дом", "могила"), not a person
    ("активист") and not a group of them ("группа", "редакция")."""
    nouns = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("inan" in p.tag for p in nouns) and nouns[0].normal_form not in _GROUP_NOUNS


_GROUP_NOUNS = frozenset({"группа", "команда", "редакция", "партия", "движение", "организация"})


def is_place(word: str) -> bool:
    """A word whose likeliest reading is a place name ("Алматы")."""
    readings = parses(word.lower())
    return bool(readings) and "Geox" in readings[0].tag
