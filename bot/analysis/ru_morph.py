"""pymorphy3, loaded once, and its parses of a word, cached.

Apart from :mod:`bot.analysis.ru_names` so that the person finder
(:mod:`bot.analysis.ru_person_spans`) and the name forms share one analyser without importing
each other.
"""

from __future__ import annotations

import functools
from typing import Any

PERSON_TAGS = ("Name", "Surn", "Patr")
# pymorphy3's cases, the second genitive, accusative and locative folded into the first.
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
