"""Arabic-script Kazakh (төте жазу): read it with the Cyrillic rules.

Kazakhs in China and some diaspora outlets write Kazakh in the Arabic script. Its letters
map one to one onto the skeleton alphabet of :func:`bot.core.analysis.packs.kk.skeleton` (the
script writes no difference between а/ә, о/ө, ұ/ү, ы/і beyond a front-vowel mark on the
word, which the skeleton folds away too), so the Latin transliteration's machinery
(:class:`bot.core.analysis.kk_latin.Transliteration`) serves: the rules run on skeleton
Cyrillic and names found there are mapped back to the words the text wrote.

The script has no capital letters, and the rules find names by their capitals. A word
with a family name's ending ("-ов", "-ева", "-ұлы", a separate "ұлы/қызы/уулу") is
capitalised, and so is the word before it when it is no common word or role: the given
name.
"""

from __future__ import annotations

import re

from bot.core.analysis.kk_latin import Transliteration
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.packs import kk_names as names

_LETTERS = {
    "ا": "а",
    "ٵ": "а",
    "ب": "б",
    "ۆ": "в",
    "گ": "г",
    "ع": "г",
    "د": "д",
    "ە": "е",
    "ه": "е",
    "ج": "ж",
    "ز": "з",
    "ي": "и",
    "ی": "и",
    "ى": "и",
    "ٸ": "и",
    "ك": "к",
    "ک": "к",
    "ق": "к",
    "ل": "л",
    "م": "м",
    "ن": "н",
    "ڭ": "н",
    "و": "о",
    "ٶ": "о",
    "پ": "п",
    "ر": "р",
    "س": "с",
    "ت": "т",
    "ۋ": "у",
    "ۇ": "у",
    "ٷ": "у",
    "ف": "ф",
    "ح": "х",
    "ھ": "х",
    "چ": "ч",
    "ش": "ш",
    "ٴ": "",
    "ء": "",
    "ـ": "",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
_TABLE = str.maketrans({k: (v or None) for k, v in _LETTERS.items()})
_DROPPED = frozenset(k for k, v in _LETTERS.items() if not v)
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d5]")
_OTHER_LETTER = re.compile("[A-Za-z\u0400-\u04ff]")

# Family-name endings in the skeleton alphabet, and separate patronymic words.
_SURNAME_END = re.compile(r"(?:ов|ев|ова|ева|баи|ули|кизи)$")
_PATRONYMIC = frozenset({"ули", "кизи", "уулу"})
_CASE_ENDINGS = tuple(sorted({pack.skeleton(s) for s, _ in names.CASE_SUFFIXES}, key=len, reverse=True))
# Words before a family name that are not a given name: roles, conjunctions, pronouns.
_NOT_GIVEN = frozenset(
    pack.skeleton(w)
    for w in names.ROLE_NOUNS
    + names.BYSTANDER_ROLES
    + (
        "мен",
        "пен",
        "бен",
        "және",
        "жане",
        "деген",
        "атты",
        "есімді",
        "ол",
        "оның",
        "олар",
        "бұл",
        "осы",
        "сот",
        "полиция",
        "белсенділер",
        "журналистер",
        "азаматтар",
        "тұрғыны",
        "және",
    )
)
_WORD = re.compile(r"\w+")
# Common nouns by their endings, never a given name before a family name: a month in the
# locative ("19 қыркүйекте Габышевті", a date) and a noun with the third-person possessive
# after a vowel ("бақсысы Габышев", the shaman of …, an apposition).
_MONTH_LOCATIVE = re.compile("^(?:" + "|".join(pack.skeleton(m) for m in pack.MONTH_STEMS) + ")(?:да|де|та|те)$")
_POSSESSIVE_AFTER_VOWEL = re.compile(r"[аеиоу]си$")


def is_arabic(text: str) -> bool:
    """Whether ``text`` is mostly in Arabic letters."""
    sample = text[:4000]
    if not _ARABIC_LETTER.search(sample):
        return False  # most text: no need to count the other letters
    return len(_ARABIC_LETTER.findall(sample)) > 2 * len(_OTHER_LETTER.findall(sample))


def transliterate(text: str) -> Transliteration:
    """Arabic-script Kazakh → skeleton Cyrillic (names capitalised), with the origin of
    every output character."""
    # Every letter maps to one letter or to none (the front-vowel mark, the hamza, the
    # tatweel), so the origin of each output character is the index of a kept one.
    skeleton = text.translate(_TABLE)
    origin = tuple(i for i, ch in enumerate(text) if ch not in _DROPPED)
    return Transliteration(text, _capitalise_names(skeleton), origin)


def _capitalise_names(text: str) -> str:
    chars = list(text)
    words = list(_WORD.finditer(text))
    for n, word in enumerate(words):
        low = word.group(0)
        if low in _PATRONYMIC:
            if n >= 2 and _given(words[n - 2].group(0)):
                _upper(chars, words[n - 1])
                _upper(chars, words[n - 2])
            continue
        if len(low) < 5 or not _SURNAME_END.search(_without_case(low)):
            continue
        _upper(chars, word)
        if n and _given(words[n - 1].group(0)) and _adjacent(text, words[n - 1], word):
            _upper(chars, words[n - 1])
    return "".join(chars)


def _without_case(word: str) -> str:
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _given(word: str) -> bool:
    if _MONTH_LOCATIVE.match(word) or _POSSESSIVE_AFTER_VOWEL.search(word):
        return False
    return word.isalpha() and len(word) >= 3 and word not in _NOT_GIVEN and not word.isdigit()


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end() : second.start()].strip() == ""


def _upper(chars: list[str], word: re.Match[str]) -> None:
    chars[word.start()] = chars[word.start()].upper()
