"""People in Russian text: natasha finds the spans; ru_name_forms.py puts the names in the nominative.

natasha (segmenter, news embeddings, NER and morphology taggers) is loaded lazily, once, on
the first report that needs it: the pre-pass keeps unrelated news away from it. Names are
put in the nominative with natasha's ``span.normalize``; when that leaves an inflected form
("Жоодара Бузумова"), a form the same text spells in the nominative wins, then pymorphy3
inflects each word ("Уалихану Негметову" → "Уалихан Негметов"; ru_name_forms.py). Word order
is kept as the text writes it ("Кулышев Нурбек" stays surname-first).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.analysis.ru_morph import PERSON_TAGS, is_common_word, is_place, morph_analyzer, token_lemma
from bot.analysis.ru_name_forms import PATRONYMIC_WORDS, nominative_name, title_case

# natasha's morphology tags (Universal Dependencies) → pymorphy3 grammemes.
_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_UD_GENDER = {"Masc": "masc", "Fem": "femn"}


@dataclass(frozen=True)
class Models:
    """natasha's models, loaded once."""

    segmenter: Any
    ner: Any
    morph: Any
    vocab: Any


@functools.lru_cache(maxsize=1)
def models() -> Models:
    """Load natasha (about half a second); later calls return the same models.

    :mod:`bot.analysis.natasha_models` loads them without what the taggers never use (navec's
    vocabulary and precomputed norms, a second copy of the 250k-word list): peak RSS ~90 MB
    lower, steady ~45 MB lower.
    """
    from bot.analysis import natasha_models

    return Models(*natasha_models.load(morph_analyzer()))


@dataclass
class Token:
    """One word of a sentence, with what the rules ask about it."""

    text: str
    lower: str
    lemma: str
    pos: str  # pymorphy3 part of speech: "VERB", "PRTS", "PRTF", "NOUN"…
    case: str | None  # pymorphy grammeme, e.g. "accs"; None when natasha gives none
    gender: str | None
    start: int  # character offsets in the analysed text
    stop: int


@dataclass
class Mention:
    """A person span in one sentence: token range and name forms."""

    sent: int
    start: int  # token index in the sentence
    stop: int
    words: list[str]  # as written
    normal: list[str]  # best nominative guess, word by word
    nominative: bool  # the text itself writes the name in the nominative


@dataclass
class Sentence:
    text: str
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    is_title: bool = False
    # natasha's tagging not done yet (parse(..., defer=True)): the segmented Doc, its sentence
    # index and the report's sentence number of it; see tag().
    pending: tuple[Any, int, int] | None = field(default=None, repr=False, compare=False)


def parse(
    text: str,
    sent_offset: int = 0,
    is_title: bool = False,
    wanted: Callable[[str], bool] | None = None,
    defer: bool = False,
) -> list[Sentence]:
    """Split ``text`` into sentences of tokens; natasha tags the wanted ones and their neighbours.

    The neural taggers are the expensive step, so sentences far from any custody word get only
    razdel tokens and pymorphy3 lemmas (enough for context words), no person mentions. With
    ``defer`` the wanted ones are segmented as natasha does it but not tagged yet: no case,
    gender or mentions until :func:`tag` (a report with no custody clause never needs them).
    """
    from razdel import sentenize

    parts = list(sentenize(text))
    if wanted is None:
        flags = [True] * len(parts)
    else:
        hits = [wanted(p.text) for p in parts]
        # Two sentences after a custody word: a list of names often follows a count
        # ("задержали шестерых… Судья… «X, Y, Z…»").
        flags = [any(hits[max(0, k - 2) : k + 2]) for k in range(len(parts))]
    sentences: list[Sentence] = []
    k = 0
    while k < len(parts):
        j = k
        while j < len(parts) and flags[j] == flags[k]:
            j += 1
        chunk = text[parts[k].start : parts[j - 1].stop]
        offset = sent_offset + len(sentences)
        if flags[k]:
            segmented = _segment(chunk, offset, is_title)
            sentences.extend(segmented if defer else tag(segmented))
        else:
            sentences.extend(_plain(p.text, is_title) for p in parts[k:j])
        k = j
    return sentences


def _plain(text: str, is_title: bool) -> Sentence:
    from razdel import tokenize

    tokens = []
    for tok in tokenize(text):
        low = tok.text.lower()
        lem, pos = token_lemma(tok.text, low)
        tokens.append(Token(tok.text, low, lem, pos, None, None, tok.start, tok.stop))
    return Sentence(text, tokens, is_title=is_title)


def _segment(text: str, sent_offset: int, is_title: bool) -> list[Sentence]:
    """natasha's sentences and tokens of ``text`` with pymorphy3 lemmas, to be tagged by :func:`tag`."""
    from natasha import Doc

    doc = Doc(text)
    doc.segment(models().segmenter)
    sentences: list[Sentence] = []
    for n, sent in enumerate(doc.sents):
        tokens = []
        for tok in sent.tokens:
            low = tok.text.lower()
            lem, pos = token_lemma(tok.text, low)
            tokens.append(
                Token(
                    text=tok.text, lower=low, lemma=lem, pos=pos, case=None, gender=None, start=tok.start, stop=tok.stop
                )
            )
        sentences.append(Sentence(sent.text, tokens, is_title=is_title, pending=(doc, n, sent_offset + n)))
    return sentences


def tag(sentences: list[Sentence]) -> list[Sentence]:
    """Run natasha's morphology and NER over the segmented sentences not tagged yet: each
    token's case and gender, each sentence's person mentions. Returns ``sentences``."""
    m = models()
    tagged: dict[int, Any] = {}  # the docs tagged, by id (kept alive here, so ids stay unique)
    for sentence in sentences:
        if sentence.pending is None:
            continue
        doc, n, sent_number = sentence.pending
        sentence.pending = None
        if id(doc) not in tagged:
            tagged[id(doc)] = doc
            doc.tag_morph(m.morph)
            doc.tag_ner(m.ner)
        sent = doc.sents[n]
        for token, tok in zip(sentence.tokens, sent.tokens):
            feats = tok.feats or {}
            token.case = _UD_CASE.get(feats.get("Case", ""))
            token.gender = _UD_GENDER.get(feats.get("Gender", ""))
        index_of = {tok.start: i for i, tok in enumerate(sentence.tokens)}
        for span in sent.spans:
            if span.type != "PER":
                continue
            span.normalize(m.vocab)
            first = index_of.get(span.tokens[0].start)
            if first is None:
                continue
            mention = _mention(sent_number, sentence.tokens, first, len(span.tokens), span.normal or span.text)
            if mention is not None:
                sentence.mentions.append(mention)
    return sentences


def _mention(sent: int, tokens: list[Token], first: int, count: int, normal: str) -> Mention | None:
    words = [t.text for t in tokens[first : first + count]]
    normal_words = normal.split()
    if len(normal_words) != len(words):
        normal_words = list(words)
    # "Махабат Тажибек кызы", "Болот уулу": the patronymic word after the span is part of the name.
    if first + count < len(tokens) and tokens[first + count].lower in PATRONYMIC_WORDS:
        words.append(tokens[first + count].text)
        normal_words.append(tokens[first + count].lower)
        count += 1
    # Drop leading ordinary words that NER took for a name at the start of a sentence
    # ("Кейс Мухаметкарима — не единичный").
    while words and first == 0 and is_common_word(words[0]):
        words, normal_words, first, count = words[1:], normal_words[1:], first + 1, count - 1
    if not words or any(not w[:1].isupper() for w in words if w not in ("уулу", "кызы", "оглы", "улы")):
        return None
    if len(words) == 1 and (is_place(words[0]) or is_common_word(words[0])):
        return None
    span = tokens[first : first + count]
    before = tokens[first - 1].lower if first else None
    fixed, nominative = nominative_name(words, normal_words, [(t.case, t.gender) for t in span], before)
    return Mention(sent, first, first + count, words, fixed, nominative)


def same_word(a: str, b: str) -> bool:
    """The same name word up to a short inflected ending ("Негметову" ~ "Негметов")."""
    a, b = a.lower().replace("ё", "е"), b.lower().replace("ё", "е")
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 4 or abs(len(a) - len(b)) > 2:
        return False
    stem = n - 2 if n >= 6 else n - 1
    if a[:stem] != b[:stem]:
        return False
    # Equal lengths differ only in an inflected ending (Мамая ~ Мамаю), never in a stem
    # consonant (Асет ≠ Асем).
    return len(a) != len(b) or (a[-1] in _VOWELS and b[-1] in _VOWELS)


_VOWELS = set("аяуюеиыоэй")


_CAPITALISED_PAIR = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")


def complete_name(word: str, text: str) -> str | None:
    """The full name a lone given name or surname stands for, from elsewhere in ``text``.

    Sentences far from custody words are not tagged by natasha, so "Баймулдин получил 10 суток"
    finds "Нуржана Баймулдина" here and returns "Нуржан Баймулдин".
    """
    for match in _CAPITALISED_PAIR.finditer(text):
        pair = [match.group(1), match.group(2)]
        hits = [k for k in (0, 1) if same_word(pair[k], word)]
        if len(hits) != 1:
            continue
        other = pair[1 - hits[0]]
        if not _looks_like_person_word(other):
            continue
        pair[hits[0]] = word
        pair[1 - hits[0]] = _nominative_guess(other)
        return " ".join(pair)
    return None


def _looks_like_person_word(word: str) -> bool:
    parses = morph_analyzer().parse(word.lower())
    return any(tag in p.tag for p in parses for tag in PERSON_TAGS) or not morph_analyzer().word_is_known(word.lower())


def _nominative_guess(word: str) -> str:
    for parse_ in morph_analyzer().parse(word.lower()):
        if any(tag in parse_.tag for tag in PERSON_TAGS):
            inflected = parse_.inflect({"nomn", "sing"})
            if inflected is not None:
                return title_case(inflected.word, word)
    return word
