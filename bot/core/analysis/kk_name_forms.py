"""The forms of Kazakh names: which words are names, and a name's stem without its case.

No Kazakh morphology ships offline, so a name is told by its shape (a surname's ending, a
given name of the pack or of pymorphy3's dictionary, "ұлы"/"қызы" after a name) and its case
suffix is removed with vowel harmony; :mod:`bot.core.analysis.kk_people` finds the people of a
sentence with these word-level tests.
"""

from __future__ import annotations

import functools
import re

from bot.core import places
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.packs import kk_names as names

# "Әсел", "Асел" (Russian letters only) and the skeleton of Latin or Arabic script.
_GIVEN_NAMES = frozenset(n.capitalize() for n in pack.with_plain(tuple(n.lower() for n in names.GIVEN_NAMES)))
_NOT_NAME_WORDS = frozenset(pack.with_plain(tuple(names.NOT_NAME_WORDS)))
_PATRONYMIC_ENDINGS = pack.with_plain(tuple(names.PATRONYMIC_WORDS))
_SURNAME_ENDINGS = pack.with_plain(names.SURNAME_ENDINGS)
_PATRONYMIC_WORDS = frozenset(pack.with_plain(tuple(names.PATRONYMIC_WORDS)))
# Longest first, the skeleton spellings among the others: "Ормуковтин" (Latin or Arabic
# script) loses "тин", not the bare "н" that would leave "Ормуковти".
_CASE_SUFFIXES = tuple(
    sorted(
        dict.fromkeys(
            [(s, v) for s, v in names.CASE_SUFFIXES] + [(pack.skeleton(s), None) for s, _ in names.CASE_SUFFIXES]
        ),
        key=lambda pair: -len(pair[0]),
    )
)
_AMBIGUOUS_SUFFIXES = frozenset(pack.with_plain(tuple(names.AMBIGUOUS_SUFFIXES)))
_SKELETON_ONLY = frozenset(s for s, _ in _CASE_SUFFIXES) - {s for s, _ in names.CASE_SUFFIXES}
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_PLURAL_SUFFIXES = tuple(dict.fromkeys(pack.with_plain(names.PLURAL_SUFFIXES)))
# "Нұр-Әли", "Қасым-Жомарт": a double given name keeps its capital after the hyphen.
_CAPITALISED = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі'’-]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі'’-]+)*$")
_PATRONYMIC_SUFFIXES = frozenset({"н", "на", "не", "ның", "нің", "мен", "нан", "нен", "нда", "нде"})
_POSSESSIVE_CASES = frozenset(
    {"ын", "ін", "ына", "іне", "ының", "інің", "ымен", "імен", "ынан", "інен", "ин", "ина", "ининг"}
)


@functools.lru_cache(maxsize=8192)
def role_word(token: str, roles: tuple[str, ...], longest_suffix: int) -> bool:
    """``token`` is one of ``roles`` with at most ``longest_suffix`` letters of suffix."""
    low = token.lower()
    if not low.startswith(roles):
        return False  # most words: one C-level test of every role at once
    return any(low.startswith(r) and len(low) - len(r) <= longest_suffix for r in roles)


# The locative, its adjective "-дағы" ("the one in …") in every spelling (skeleton "-даги",
# from Latin or Arabic script, and typing with Russian letters), the ablative.
LOCATIVE_END = re.compile(r"(?:да|де|та|те|[дт][ае][гғ][ыиі]|дан|ден|тан|тен|нан|нен)$")


@functools.lru_cache(maxsize=8192)
def not_name(word: str) -> bool:
    """A place or institution word of the pack or a place of the gazetteer, bare or with a
    case suffix ("Мәскеуде", "Үрімжіге")."""
    if word in _NOT_NAME_WORDS or _gazetteer_place(word):
        return True
    low = word.lower()
    place = LOCATIVE_END.search(low)
    if place and _place_word(word[: place.start()]):
        return True  # "Астанадағы", "Алматыдан"
    if place and len(place.group(0)) == 4 and place.start() >= 3:
        return True  # "Мешхедтегі" (the one in Mashhad): a place's adjective, never a person's name
    for suffix, _ in _CASE_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3 and _place_word(word[: -len(suffix)]):
            return True
    return False


@functools.lru_cache(maxsize=16384)
def _place_word(stem: str) -> bool:
    """Cached: the same capitalised words come back in every sentence of a report (pure lookups)."""
    return stem in _NOT_NAME_WORDS or _gazetteer_place(stem)


def _gazetteer_place(word: str) -> bool:
    """A place of the project's gazetteer (:mod:`bot.core.places`, any language) is no name,
    unless the pack also knows the word as a given name (a town named after a person)."""
    return len(word) >= 4 and places.find(word) is not None and word not in _GIVEN_NAMES


def is_name_word(token: str) -> bool:
    """A capitalised word that is not a place or institution of the pack: part of a name, maybe."""
    return token[:1].isupper() and bool(_CAPITALISED.match(token)) and not _place_word(token)


def patronymic_word(token: str) -> str | None:
    """ "ұлы", "қызы" and their case forms ("ұлын", "қызына", "ұлының"), else None."""
    low = token.lower()
    for word in _PATRONYMIC_WORDS:
        if (
            low == word
            or (low.startswith(word) and low[len(word) :] in _PATRONYMIC_SUFFIXES)
            or (low.startswith(word[:-1]) and low[len(word) - 1 :] in _POSSESSIVE_CASES)
        ):
            return word
    return None


def patronymic_shape(word: str) -> bool:
    """A patronymic glued to the father's name ("Ержанұлы", "Серікқызы"), bare."""
    low = word.lower()
    return len(low) >= 6 and low.endswith(_PATRONYMIC_ENDINGS)


@functools.lru_cache(maxsize=4096)
def given_name(word: str) -> bool:
    """A given name pymorphy3's dictionary knows ("Данияр", "Марат", "Асқар")."""
    from bot.core.analysis.ru_morph import morph_analyzer

    if word in _GIVEN_NAMES or (word.lower().endswith(_GIVEN_NAME_ENDINGS) and len(word) >= 5):
        return True
    for form in dict.fromkeys((word, pack.plain(word))):  # "Серік" is "Серик" to the dictionary
        if any("Name" in p.tag and p.score >= 0.3 for p in morph_analyzer().parse(form)[:3]):
            return True
    return False


# Endings of compound Kazakh given names ("Асылбек", "Бауыржан", "Гүлнар", "Нұрсұлтан").
_GIVEN_NAME_ENDINGS = pack.with_plain(("бек", "жан", "гүл", "гүлі", "хан", "сұлтан", "болат", "ғали", "нұр", "бай"))


def surname_shape(word: str) -> bool:
    """A surname's ending ("-ов", "-ұлы", …) on a word long enough to carry one."""
    low = word.lower()
    return len(low) >= 4 and low.endswith(_SURNAME_ENDINGS)


@functools.lru_cache(maxsize=8192)
def _harmony(stem: str) -> str | None:
    for ch in reversed(stem.lower()):
        if ch in names.BACK_VOWELS:
            return "back"
        if ch in names.FRONT_VOWELS:
            return "front"
    return None


def strip_case(word: str, known: frozenset[str]) -> tuple[str, str]:
    """The word without a Kazakh case suffix, and the suffix removed ("" when none).

    A suffix goes when its vowel agrees with the stem's (vowel harmony) and the stem has a
    name's shape or the text writes it bare elsewhere; the ambiguous short suffixes that
    given names end in ("Жанна", "Айдана") need the latter or a surname's shape.
    """
    for stem, suffix, shaped in _case_candidates(word):
        if shaped or stem in known:
            return stem, suffix
    return word, ""


@functools.lru_cache(maxsize=16384)
def _case_candidates(word: str) -> tuple[tuple[str, str, bool], ...]:
    """The (stem, suffix, stem has the shape to lose it) readings of ``word`` in the order
    :func:`strip_case` tries them: a pure function of the word, so remembered, while the
    text's own bare words (``known``) are looked up per call (the name rules strip the same
    words over and over)."""
    core = word.replace("’", "'").rstrip("'")
    low_core = core.lower()
    found = []
    for suffix, vowel in _CASE_SUFFIXES:
        # A suffix in the skeleton spelling only ("ди" for "ды"/"ді") is read off a word of
        # Russian letters ("Мохаммади", "Хамиди" end so bare) only with a surname's shape.
        skeleton_only = vowel is None and suffix in _SKELETON_ONLY
        if not low_core.endswith(suffix) or len(core) - len(suffix) < 3:
            continue
        stem = core[: -len(suffix)].rstrip("'’-")
        if suffix[0] in _VOWELS and stem.lower().endswith(("ов", "ев", "ёв")):
            continue  # "Пелевин", "Гусевина": Kazakh puts no vowel after "-ов" ("Тоқаевты"), so "-ин" is the surname's
        # Russian-shaped surnames take either class ("Тоқаевқа", "Әлиевке").
        russian_shape = stem.lower().endswith(("ов", "ев", "ёв", "ин", "ова", "ева", "ина", "и", "ий", "ый", "ич"))
        if vowel is not None and not russian_shape and _harmony(stem) not in (vowel, None):
            continue
        if suffix in _AMBIGUOUS_SUFFIXES:
            shaped = surname_shape(stem) or (suffix in ("н", "ын", "ін") and stem.lower().endswith(_PATRONYMIC_ENDINGS))
        elif skeleton_only:
            shaped = surname_shape(stem)
        else:
            shaped = surname_shape(stem) or len(stem) >= 4
        found.append((stem, suffix, shaped))
    # "Қасымовтар": the plural on a surname's stem only, of either vowel class (the
    # surnames are Russian-shaped: "Ахметовтар", "Ахметовтер").
    for suffix in _PLURAL_SUFFIXES:
        stem = core[: -len(suffix)]
        if low_core.endswith(suffix) and surname_shape(stem):
            found.append((stem, suffix, True))
    return tuple(found)


# (the first capital, then the look-behind: the engine skips ahead to capitals, where a look-behind
# first is tried at every character)
_CAPS_WORD = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ](?<![\w][А-ЯЁӘҒҚҢӨҰҮҺІ])[А-ЯЁӘҒҚҢӨҰҮҺІ]{3,}(?![\w])")
_TITLE_WORD = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+")


def title_case_caps(text: str) -> str:
    """Surnames the press prints in capitals ("Ерлан ҚАЛИЕВ", "ҚАЛИЕВТІ Ерлан") in the
    capitalised form the name rules read; an acronym ("ҰҚК", "ҚДТ") has no surname's
    shape and stays. Lengths are unchanged, so positions still map to the text."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        titled = word[0] + word[1:].lower()
        before = text[max(0, match.start() - 40) : match.start()].split()
        after = text[match.end() : match.end() + 40].split()
        beside = (before[-1:] if before else []) + (after[:1] if after else [])
        if not any(_TITLE_WORD.fullmatch(w.strip(',.;:«»"()')) for w in beside):
            return word
        stem = strip_case(titled, frozenset())[0]
        given_before = bool(before) and bool(_TITLE_WORD.fullmatch(before[-1])) and given_name(before[-1])
        return titled if surname_shape(stem) or patronymic_word(titled) or given_before else word

    return _CAPS_WORD.sub(fix, text)
