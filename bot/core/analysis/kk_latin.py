"""Latin-script Kazakh: recognise it, and read it with the Cyrillic rules.

Kazakh is written in Latin letters by some outlets, in the 2017, 2018 and 2021 official
alphabets and in informal ASCII ("qamauğa alyndy", "qamaýǵa alyndy", "qamauga alyndy").
Rather than keep a second set of rules, the text is transliterated into the skeleton
alphabet of :func:`bot.core.analysis.packs.kk.skeleton`, where all those spellings meet the
Cyrillic stems; names found there are mapped back to the words the text wrote, so a
Latin-script report keeps Latin-script names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Frequent Kazakh words in Latin spellings (folded to ASCII by _fold) that English lacks.
_KAZAKH_WORDS = frozenset(
    """
    jane men boiynsa boyynsha boiynsha boyinsha turaly usin ushin uchin bul osy ol olar biz
    bar joq emes edi boldy bolyp biraq keiin keyin dein deyin son arqyly siaqty kerek tiis jyly jyl
    kuni qazir dedi aitty deidi sot ustaldy qamauga qamaldy alyndy sottaldy belsendi azamat
    oblysy qalasy ishki ister polisia politsiia polisiya habarlady mamledi jatyr etken jasady tauilik
    taulikke tauilikke qazaqstan qazaqstannyn mekemesi qyzmetkerleri turgyn turgyndary
    ustap ustady aldy aldi alyp ketti qamady qamap qamaqqa qamaqta tutqyndaldy tutqyndady
    jurnalist zhurnalist narazylyq narazylyk mitingke sheru bilik bilikti saiasi sayasi
    ozi onyn olardyn sondai sonday biraq alaida eken bolgan bolatyn turgan jatqan
""".split()
)
# Kazakh suffixes at the end of a Latin-script word (folded to ASCII): past tense, dative,
# accusative, genitive, participles, plurals. English words rarely end so.
_KAZAKH_ENDING = re.compile(
    r"(?:[dt][yi]|[gq]an|[gk]en|ga|ge|qa|[nd][yi]n|[dt][yi]n|lar|ler|dar|der|tar|ter|ynda|inde|yp|ip)$"
)
_ENGLISH_WORDS = frozenset("the and of to in was were is are a for on with that by from has have had".split())
_FOLD = str.maketrans("äáğǵıíñńöóūúüýşçÄÁĞǴIÍÑŃÖÓŪÚÜÝŞÇ", "aaggiinnoouuuuscaaggiinnoouuuusc")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ']+")
_KAZAKH_LETTERS = re.compile(r"[äğñöūüışǵńóúýÄĞÑÖŪÜŞǴŃÓÚÝ]")

# Latin → skeleton Cyrillic, digraphs first. Case is carried over from the first letter.
_DIGRAPHS = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х"}
_LETTERS = {
    "a": "а",
    "ä": "а",
    "á": "а",
    "b": "б",
    "c": "ч",
    "ç": "ч",
    "d": "д",
    "e": "е",
    "é": "е",
    "f": "ф",
    "g": "г",
    "ğ": "г",
    "ǵ": "г",
    "h": "х",
    "ı": "и",
    "i": "и",
    "í": "и",
    "j": "ж",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "ñ": "н",
    "ń": "н",
    "o": "о",
    "ö": "о",
    "ó": "о",
    "p": "п",
    "q": "к",
    "r": "р",
    "s": "с",
    "ş": "ш",
    "t": "т",
    "u": "у",
    "ū": "у",
    "ú": "у",
    "ü": "у",
    "ý": "у",
    "v": "в",
    "w": "у",
    "x": "х",
    "y": "и",
    "z": "з",
    "'": "",
}


def is_kazakh_latin(text: str) -> bool:
    """Whether Latin-script ``text`` is Kazakh rather than English."""
    words = [w.lower().translate(_FOLD) for w in _LATIN_WORD.findall(text[:4000])]
    if not words:
        return False
    kazakh = sum(1 for w in words if w in _KAZAKH_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    letters = len(_KAZAKH_LETTERS.findall(text[:4000]))
    if english > max(2, len(words) // 12):
        return False
    if kazakh >= 3 or (letters >= 5 and kazakh >= 1):
        return True
    # Short Kazakh text with few common words: the suffixes tell it from English.
    endings = sum(1 for w in words if len(w) >= 4 and _KAZAKH_ENDING.search(w))
    return english == 0 and kazakh + letters >= 2 and endings * 4 >= len(words)


@dataclass(frozen=True)
class Transliteration:
    """Skeleton-Cyrillic text and, for each of its characters, the offset it came from."""

    source: str
    text: str
    origin: tuple[int, ...]

    def latin_span(self, start: int, stop: int) -> str:
        """The source text behind ``text[start:stop]``, with the letters the transliteration
        dropped at its start (the Arabic script's front-vowel mark "ء" opens a word, and a name
        keeps it)."""
        if start >= len(self.origin):
            return ""
        end = self.origin[stop] if stop < len(self.origin) else len(self.source)
        begin = self.origin[start]
        floor = self.origin[start - 1] + 1 if start else 0
        while begin > floor and self.source[begin - 1].isalnum():
            begin -= 1
        return self.source[begin:end]

    def latin_name(self, name: str) -> str:
        """A name found in the transliterated text, as the source spells it (case suffix off)."""
        out = []
        for word in name.split():
            at = _word_at(self.text, word)
            out.append(self.latin_span(at, at + len(word)) if at >= 0 else word)
        return " ".join(out)

    def latin_sentence(self, sentence: str) -> str:
        """The source of a sentence of the transliterated text (whitespace may differ)."""
        words = sentence.split()
        if not words:
            return sentence
        start = self.text.find(words[0])
        end_word = self.text.find(words[-1], start)
        if start < 0 or end_word < 0:
            return sentence
        return " ".join(self.latin_span(start, end_word + len(words[-1])).split())


def _word_at(text: str, word: str) -> int:
    match = re.search(r"(?<![\w])" + re.escape(word), text)
    return match.start() if match else -1


def transliterate(text: str) -> Transliteration:
    """Latin-script Kazakh → skeleton Cyrillic, with the origin of every output character."""
    out: list[str] = []
    origin: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        low = ch.lower()
        pair = text[i : i + 2].lower()
        if pair in _DIGRAPHS:
            mapped, used = _DIGRAPHS[pair], 2
        elif low in _LETTERS:
            mapped, used = _LETTERS[low], 1
        else:
            mapped, used = ch, 1
        if ch.isupper() and mapped:
            mapped = mapped[0].upper() + mapped[1:]
        for c in mapped:
            out.append(c)
            origin.append(i)
        i += used
    return Transliteration(text, "".join(out), tuple(origin))
