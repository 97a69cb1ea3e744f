"""People's names across scripts: Russian and Kazakh Cyrillic and their Latin spellings.

The same person is written Нұржан Алтаев (Kazakh), Нуржан Алтаев (Russian), Nurzhan
Altayev or Nurjan Altaev (English press). Two things are needed:

- ``latin(text)``: one readable Latin spelling for display and export (the scheme of
  Kazakh passports: Нұржан Алтаев → Nurzhan Altayev, Ерлан → Yerlan);
- ``token_key(word)`` / ``name_tokens(name)``: a comparable key that folds the usual
  spelling variants together (-ev/-yev/-iev, zh/j, kh/h, y/i, q/k, double letters,
  Kazakh letters and their Russian stand-ins), so that variants compare equal and
  only real differences are left for fuzzy matching.

Pure: strings in, strings out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Display: Kazakh-passport style, close to what English-language outlets print.
_LATIN: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh letters
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "ng",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}
_VOWELS = set("аеёиоуыэюяәөұүі")

# Comparison: every variant a reader may meet folds onto one letter or pair.
_KEY_CYRILLIC: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
}
# Latin letters of the Kazakh Latin alphabets (2017/2018 apostrophes, 2021 diacritics)
# and of Turkish-style spellings, before diacritics are stripped.
_KEY_LATIN_SPECIAL: dict[str, str] = {
    "ş": "sh",
    "ç": "ch",
    "ı": "i",
    "ğ": "g",
    "ñ": "n",
    "ä": "a",
    "ö": "o",
    "ü": "u",
    "ū": "u",
}
_APOSTROPHE_PAIRS = (("s'", "sh"), ("c'", "ch"))
# Order matters: longer pairs first.
_KEY_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ng", "n"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("ck", "k"),
    ("y", "i"),
)
_VOWEL_I_E = re.compile(r"(?<=[aeiou])i(?=e)")  # Altayev / Altaiev / Алтаев → altaev
_INITIAL_IE = re.compile(r"^i(?=[eo])")  # Yerlan / Ierlan / Ерлан → erlan
_DOUBLE = re.compile(r"([a-z])\1+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Patronymics (in a three-word name) and the separate Kazakh "son of / daughter of"
# words are often left out by one outlet and kept by another; they are not part of
# the key. A two-word name keeps both words: Abramovich or Altaiuly can be a surname.
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna|uli|kizi)$")
_PATRONYMIC_WORDS = {"uli", "kizi", "ulu"}


def latin(text: str) -> str:
    """Cyrillic (Russian, Kazakh) in ``text`` written in Latin letters; the rest kept."""
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        if lower not in _LATIN:
            out.append(char)
            continue
        mapped = _LATIN[lower]
        if lower == "е":
            before = text[index - 1].lower() if index else ""
            if not before.isalpha() or before in _VOWELS or before in "ъь":
                mapped = "ye"  # word-initial or after a vowel: Ерлан → Yerlan, Алтаев → Altayev
        if char != lower and mapped:
            after = text[index + 1] if index + 1 < len(text) else ""
            mapped = mapped.upper() if after.isupper() else mapped[0].upper() + mapped[1:]
        out.append(mapped)
    return "".join(out)


@lru_cache(maxsize=8192)
def token_key(word: str) -> str:
    """The comparable key of one word of a name: Нұржан, Нуржан, Nurzhan, Nurjan → "nurjan"."""
    text = unicodedata.normalize("NFC", word).casefold()
    for pair, replacement in _APOSTROPHE_PAIRS:
        text = text.replace(pair, replacement)
    text = "".join(_KEY_CYRILLIC.get(ch, _KEY_LATIN_SPECIAL.get(ch, ch)) for ch in text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalnum())
    for variant, replacement in _KEY_FOLDS:
        text = text.replace(variant, replacement)
    text = _INITIAL_IE.sub("", text)
    text = _VOWEL_I_E.sub("", text)
    return _DOUBLE.sub(r"\1", text)


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> tuple[str, ...]:
    """The keys of a person's name words, patronymics left out, in written order.

    Cached: event placement compares every new detainee with everyone in the recent
    events, so the same few hundred names are keyed over and over.
    """
    keys = [key for key in (token_key(word) for word in _WORD.findall(name)) if key and key not in _PATRONYMIC_WORDS]
    if len(keys) >= 3:
        named = [key for key in keys if not _PATRONYMIC.search(key)]
        keys = named if len(named) >= 2 else keys
    return tuple(keys)


def name_key(name: str) -> str:
    """One string per person, whatever the script or word order: "altaev nurjan"."""
    return " ".join(sorted(name_tokens(name)))
