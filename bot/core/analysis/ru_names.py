"""People in Russian text: sentences, tokens and their tags, and the names they mention.

razdel splits sentences and tokens; pymorphy3 gives lemmas, cases and genders;
:mod:`bot.core.analysis.ru_person_spans` finds the names (no neural tagger is loaded). The finder
says the case and gender the words of a name agree in, and pymorphy3 inflects each word to
the nominative ("Уалихану Негметову" → "Уалихан Негметов"); a word before the name in
apposition ("журналистку") and a form the same text spells in the nominative
("Жоодара Бузумова" … "Жоодар Бузумов") correct it (ru_name_forms.py). Word order is kept as
the text writes it ("Кулышев Нурбек" stays surname-first).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.core.analysis.ru_morph import CASES, is_common_word, is_known, is_person, is_place, parses, token_lemma
from bot.core.analysis.ru_name_forms import PATRONYMIC_WORDS, nominative_name, title_case, to_nominative
from bot.core.analysis.ru_person_spans import find_people


@dataclass
class Token:
    """One word of a sentence, with what the rules ask about it."""

    text: str
    lower: str
    lemma: str
    pos: str  # pymorphy3 part of speech: "VERB", "PRTS", "PRTF", "NOUN"…
    case: str | None  # pymorphy grammeme, e.g. "accs"; None for words without one
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
    # Tagging not done yet (parse(..., defer=True)): the report's sentence number; see tag().
    pending: int | None = field(default=None, repr=False, compare=False)


def parse(
    text: str,
    sent_offset: int = 0,
    is_title: bool = False,
    wanted: Callable[[str], bool] | None = None,
    defer: bool = False,
) -> list[Sentence]:
    """Split ``text`` into sentences of tokens; the wanted ones and their neighbours are tagged.

    Sentences far from any custody word get only razdel tokens and pymorphy3 lemmas (enough for
    context words), no person mentions. With ``defer`` the wanted ones are not tagged yet: no
    case, gender or mentions until :func:`tag`.
    """
    parts = _sentence_texts(text)
    flags = [True] * len(parts) if wanted is None else _tagged_sentences(list(parts), [wanted(p) for p in parts])
    sentences: list[Sentence] = []
    for flag, part in zip(flags, parts):
        sentence = Sentence(part, _tokens(part), is_title=is_title)
        if flag:
            sentence.pending = sent_offset + len(sentences)
        sentences.append(sentence)
    return sentences if defer else tag(sentences)


@functools.lru_cache(maxsize=1024)
def _sentence_texts(text: str) -> tuple[str, ...]:
    """razdel's sentences of a text, cached: the rules and the learned names adder split the
    same report."""
    from razdel import sentenize

    return tuple(part.text for part in sentenize(text))


def _tagged_sentences(texts: list[str], hits: list[bool]) -> list[bool]:
    """Which sentences to look for names in, given those with a custody word (``hits``).

    The sentence before a custody word and the two after it: a list of names often follows a
    count ("задержали шестерых… Судья… «X, Y, Z…»"), and the person "его задержали" stands for
    is named just before. And a list a custody sentence opens with a colon, one item a sentence
    ("в СИЗО будут находиться: X – …; Y – …; Z."), to its end. (Tagging the lead as well found
    one more name in the corpus for 6% more time on custody reports: not worth it.)
    """
    flags = [any(hits[max(0, k - 2) : k + 2]) for k in range(len(texts))]
    in_list = False
    for k, text in enumerate(texts):
        if in_list:
            flags[k] = True
        in_list = (hits[k] and opens_list(text)) or (in_list and continues_list(text))
    return flags


# "Сапар Акунбеков – сотрудник редакции…": an item of a list of people, the name before a dash.
LIST_ITEM_RE = re.compile(r"^[А-ЯЁ][а-яё-]+(?: (?:[А-ЯЁ][а-яё-]+|уулу|кызы|улы|оглы|гызы|угли|кизи)){1,3} [–—-] ")


def opens_list(text: str, after: int = 0) -> bool:
    """A colon (after character ``after``) that opens a list, not a quotation ("сказал: «…»")."""
    colon = text.find(":", after)
    return colon >= 0 and not re.match(r"\s*[«\"“„']", text[colon + 1 :])


def continues_list(text: str) -> bool:
    """An item of a list one item a sentence: it ends with ";" or names someone before a dash
    (razdel splits some items at an abbreviation, "«Мед. Вестник»;")."""
    return text.rstrip().endswith(";") or bool(LIST_ITEM_RE.match(text))


def _tokens(text: str) -> list[Token]:
    """razdel's tokens of a sentence with pymorphy3 lemmas (new objects: tagging fills them in)."""
    return [
        Token(word, low, lem, pos, None, None, start, stop) for word, low, lem, pos, start, stop in _token_facts(text)
    ]


@functools.lru_cache(maxsize=4096)
def _token_facts(text: str) -> tuple[tuple[str, str, str, str, int, int], ...]:
    """Cached by sentence: syndicated news repeats the same sentences across sources."""
    from razdel import tokenize

    facts = []
    for tok in tokenize(text):
        low = tok.text.lower()
        lem, pos = token_lemma(tok.text, low)
        facts.append((tok.text, low, lem, pos, tok.start, tok.stop))
    return tuple(facts)


def tag(sentences: list[Sentence]) -> list[Sentence]:
    """Tag the sentences not tagged yet: each token's case and gender (pymorphy3), each
    sentence's person mentions (:mod:`bot.core.analysis.ru_person_spans`). Returns ``sentences``."""
    for sentence in sentences:
        if sentence.pending is None:
            continue
        sent_number = sentence.pending
        sentence.pending = None
        grammar, mentions = _tagged(sentence.text)
        for token, (case, gender) in zip(sentence.tokens, grammar):
            token.case, token.gender = case, gender
        sentence.mentions.extend(
            replace(m, sent=sent_number, words=list(m.words), normal=list(m.normal)) for m in mentions
        )
    return sentences


@functools.lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[tuple[str | None, str | None], ...], tuple[Mention, ...]]:
    """The case and gender of each token of a sentence and the people it mentions: a function
    of its text alone, so cached (the rules and the learned names adder tag the same custody
    sentences; callers get copies of the mentions)."""
    tokens = _tokens(text)
    for token in tokens:
        token.case, token.gender = _case_and_gender(token.lower)
    mentions = []
    for span in find_people(tokens, text):
        span_tokens = tokens[span.first : span.first + span.count]
        for token in span_tokens:
            token.case, token.gender = span.case, span.gender
        normal = " ".join(
            t.lower if t.lower in PATRONYMIC_WORDS else to_nominative(t.text, span.case, span.gender)
            for t in span_tokens
        )
        mention = _mention(0, tokens, span.first, span.count, normal)
        if mention is not None:
            if span.initials:  # "А. Б. Иванов": the initials stay as written, part of the name
                mention.start -= 2 * len(span.initials)
                for token in tokens[mention.start : span.first]:
                    token.case, token.gender = span.case, span.gender
                mention.words = [*span.initials, *mention.words]
                mention.normal = [*span.initials, *mention.normal]
            mentions.append(mention)
    return tuple((t.case, t.gender) for t in tokens), tuple(mentions)


@functools.lru_cache(maxsize=65536)
def _case_and_gender(low: str) -> tuple[str | None, str | None]:
    """The case and gender of a word's most likely reading (None for words without them)."""
    if not re.search(r"[а-яё]", low):
        return None, None
    best = parses(low)[0]
    case = CASES.get(str(best.tag.case)) if best.tag.case else None
    gender = str(best.tag.gender) if best.tag.gender in ("masc", "femn") else None
    return case, gender


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
    # Drop leading ordinary words taken for a name at the start of a sentence
    # ("Кейс Мухаметкарима — не единичный").
    while words and first == 0 and is_common_word(words[0]):
        words, normal_words, first, count = words[1:], normal_words[1:], first + 1, count - 1
    if not words or any(not w[:1].isupper() for w in words if w not in PATRONYMIC_WORDS):
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

    Sentences far from custody words are not tagged, so "Баймулдин получил 10 суток"
    finds "Нуржана Баймулдина" here and returns "Нуржан Баймулдин".
    """
    for match in _CAPITALISED_PAIR.finditer(text):
        pair = [match.group(1), match.group(2)]
        hits = [k for k in (0, 1) if same_word(pair[k], word)]
        if len(hits) != 1:
            continue
        other = pair[1 - hits[0]]
        before = text[: match.start()].rstrip()
        # Mid-sentence, two capitalised words are a name even when one is also a common word
        # ("журналисту Болоту Темирову": "болото").
        mid_sentence = bool(before) and (before[-1].islower() or before[-1] in ",-") and "\n" not in match.group(0)
        if not _looks_like_person_word(other) and not (mid_sentence and _common_noun(other)):
            continue
        written = pair[hits[0]]
        pair[hits[0]] = word
        pair[1 - hits[0]] = _nominative_guess(other) if _looks_like_person_word(other) else _less(other, written, word)
        if written == word and _his_oblique_surname(word, other, pair[1 - hits[0]]):
            pair[hits[0]] = word[:-1]  # "Михайлова" beside "Сергея": his genitive, "Сергей Михайлов"
        return " ".join(pair)
    return None


def _his_oblique_surname(surname: str, given: str, given_nominative: str) -> bool:
    """ "Михайлова" written beside "Сергея": a given name pymorphy3's dictionary knows only as a
    man's, in an oblique case, makes the "-ова" his genitive or accusative, not a woman's name."""
    low = given.lower()
    if given_nominative == given or not is_known(low) or not re.search(r"\w{3}(ова|ева|ёва|ина|ына)$", surname.lower()):
        return False
    names = [p for p in parses(low) if "Name" in p.tag]
    return bool(names) and all(p.tag.gender == "masc" for p in names)


def _less(other: str, inflected: str, nominative: str) -> str:
    """ "Болоту" beside "Сарыбаеву" (= "Сарыбаев" + "у"): the given name pymorphy3 does not know
    loses the ending its surname has in that case."""
    ending = inflected[len(nominative) :] if inflected.lower().startswith(nominative.lower()) else ""
    if ending and other.lower().endswith(ending.lower()) and len(other) - len(ending) >= 3:
        return other[: len(other) - len(ending)]
    return other


def _common_noun(word: str) -> bool:
    """A word pymorphy3 reads first as a common noun, not a place's name."""
    readings = parses(word.lower())
    return readings[0].tag.POS == "NOUN" and not any("Geox" in p.tag for p in readings[:2])


def _looks_like_person_word(word: str) -> bool:
    return any(map(is_person, parses(word.lower()))) or not is_known(word.lower())


def _nominative_guess(word: str) -> str:
    for parse_ in parses(word.lower()):
        if is_person(parse_):
            inflected = parse_.inflect({"nomn", "sing"})
            if inflected is not None:
                return title_case(inflected.word, word)
    return word
