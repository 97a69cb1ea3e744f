"""Which language a report is written in: "en", "ru", "kk" or "und".

The feeds carry English, Russian and Kazakh. The script settles English against the
other two; within Cyrillic, Kazakh shows itself by the letters Russian lacks
(ә ғ қ ң ө ұ ү һ і) and by its function words. Pure and fast: a few counts over the
first few thousand characters.
"""

from __future__ import annotations

import functools
import re

from bot.core.analysis.kk_latin import is_kazakh_latin

SUPPORTED = ("en", "ru", "kk")

# Enough text to decide; reading a whole long article adds time and no certainty.
_SAMPLE_CHARS = 4000
# Fewer letters than this and the script counts are noise: trust the hint, if any.
_MIN_LETTERS = 12

_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_KAZAKH_LETTER = re.compile("[" + "".join(sorted(_KAZAKH_LETTERS)) + "]")
_KAZAKH_LATIN_LETTER = re.compile("[äğñöūüışǵńúýÄĞÑÖŪÜŞǴŃÚÝ]")
_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]+")

# Script counts run on the UTF-8 bytes, where bytes.translate counts at C speed what a
# per-character Python loop would (that loop was most of the time spent on ordinary news).
# An ASCII letter is a byte of its own; every character in U+0400–U+04FF, and no other,
# starts with one of the lead bytes D0–D3.
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NOT_ASCII_LETTER = bytes(b for b in range(256) if b not in _ASCII_LETTERS)
_NOT_CYRILLIC_LEAD = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD3)
# The few non-letters of the Cyrillic block (҂ and combining marks U+0483–U+0489), taken
# from str.isalpha so the counts stay those of "alphabetic character in U+0400–U+04FF".
_CYRILLIC_NON_LETTER = re.compile("[" + "".join(chr(c) for c in range(0x400, 0x500) if not chr(c).isalpha()) + "]")

# Frequent Kazakh words that Russian does not use (spelled without the special letters
# too, since some sites type Kazakh with Russian letters only).
_KAZAKH_WORDS = frozenset(
    """
    және мен бойынша деп туралы үшін бұл осы ол олар біз сол бар жоқ емес еді болды
    болып бірақ кейін дейін соң арқылы сияқты керек тиіс жылы жыл күні қазір тағы
    деді айтты дейді сот ұсталды қамауға алынды сотталды белсенді азамат облысы қаласы
    ішкі істер полиция тәулікке қамалды мәлімдеді хабарлады жатыр еткен жасады
    жане бойынша туралы ушин бул деди
""".split()
)
_RUSSIAN_WORDS = frozenset(
    """
    и в во не на что как по из за от до для при это его её ее их он она они был была
    были будет также который которая которые после его суд задержан задержали суток
    года году лет время только или уже если но так же к у о об со
""".split()
)


def detect_language(text: str, hint: str | None = None) -> str:
    """Return "en", "ru", "kk" or "und" for ``text``.

    ``hint`` (a feed's declared language) is trusted when it agrees with the script:
    "en" for Latin text, "ru" or "kk" for Cyrillic text; otherwise the text decides.
    """
    hint = (hint or "").strip().lower()[:2] or None
    sample = text[:_SAMPLE_CHARS]
    latin, cyrillic = _script_counts(sample)
    letters = latin + cyrillic
    if letters < 4 * _MIN_LETTERS and _arabic_kazakh(sample, letters):
        return "kk"  # Kazakh in the Arabic script (Kazakhs in China)
    if letters < _MIN_LETTERS:
        return hint if hint in SUPPORTED else "und"
    if latin >= cyrillic:
        # Latin script: English, or Kazakh in one of its Latin alphabets.
        if latin / letters < 0.5:
            return "und"
        return "kk" if _maybe_kazakh_latin(sample, hint) and is_kazakh_latin(sample) else "en"
    if hint in ("ru", "kk"):
        return hint
    # Only Cyrillic text without a hint needs the Kazakh letters counted.
    kazakh_letters = len(_KAZAKH_LETTER.findall(sample))
    return _kazakh_or_russian(sample.lower(), cyrillic, kazakh_letters)


_NOT_ARABIC_LEAD = bytes(b for b in range(256) if not 0xD8 <= b <= 0xDB)
_KAZAKH_ARABIC_LETTER = re.compile("[ۇۋڭٴەٶٷ]")


def _arabic_kazakh(sample: str, other_letters: int) -> bool:
    """Mostly Arabic-block letters, with the letters only the Kazakh Arabic alphabet uses."""
    arabic = len(sample.encode("utf-8", "surrogatepass").translate(None, _NOT_ARABIC_LEAD))
    return arabic > 2 * other_letters + 20 and bool(_KAZAKH_ARABIC_LETTER.search(sample))


def is_latin(text: str) -> bool:
    """Whether ``text`` is mostly in Latin letters."""
    latin, cyrillic = _script_counts(text[:_SAMPLE_CHARS])
    return latin > cyrillic


def _maybe_kazakh_latin(sample: str, hint: str | None) -> bool:
    """Cheap gate before the word count: Kazakh Latin has q without u, or its own letters."""
    if hint == "kk" or (not sample.isascii() and _KAZAKH_LATIN_LETTER.search(sample)):
        return True
    return sample.count("q") - sample.count("qu") >= 3


@functools.lru_cache(maxsize=4)
def _script_counts(sample: str) -> tuple[int, int]:
    """(Latin letters a–z A–Z, alphabetic characters in U+0400–U+04FF) in ``sample``.

    Cached for the few last samples: the engine asks again (:func:`is_latin`) of a Kazakh
    report it has just detected, and a hash of the sample is cheaper than the counts."""
    # surrogatepass: a stray lone surrogate must not raise (it counts as neither script).
    data = sample.encode("utf-8", "surrogatepass")
    latin = len(data.translate(None, _NOT_ASCII_LETTER))
    cyrillic = len(data.translate(None, _NOT_CYRILLIC_LEAD))
    if cyrillic:
        cyrillic -= len(_CYRILLIC_NON_LETTER.findall(sample))
    return latin, cyrillic


def _kazakh_or_russian(lowered: str, cyrillic: int, kazakh_letters: int) -> str:
    words = _CYRILLIC_WORD.findall(lowered)
    kazakh_words = sum(1 for w in words if w in _KAZAKH_WORDS)
    russian_words = sum(1 for w in words if w in _RUSSIAN_WORDS)
    letter_share = kazakh_letters / cyrillic
    # Kazakh text has several per cent of its letters from the Kazakh-only set; a
    # Russian report quoting a Kazakh name or place stays well under one per cent.
    if letter_share >= 0.02 and kazakh_words >= russian_words * 0.5:
        return "kk"
    if letter_share >= 0.008 and kazakh_words > russian_words:
        return "kk"
    if kazakh_letters == 0 and kazakh_words >= 3 and kazakh_words > 2 * russian_words:
        return "kk"  # Kazakh typed with Russian letters only
    return "ru"
