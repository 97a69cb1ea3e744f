"""People in Russian text: sentences, tokens and their tags, and names put in the nominative.

razdel splits sentences and tokens; pymorphy3 gives lemmas, cases and genders;
:mod:`bot.analysis.ru_person_spans` finds the names (no neural tagger is loaded). The finder
says the case and gender the words of a name agree in, and pymorphy3 inflects each word to
the nominative ("Уалихану Негметову" → "Уалихан Негметов"); a word before the name in
apposition ("журналистку") and a form the same text spells in the nominative
("Жоодара Бузумова" … "Жоодар Бузумов") correct it. Word order is kept as the text writes it
("Кулышев Нурбек" stays surname-first).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.analysis.ru_morph import CASES, is_known
from bot.analysis.ru_morph import morph_analyzer as morph_analyzer
from bot.analysis.ru_morph import parses as parse_word
from bot.analysis.ru_person_spans import PATRONYMIC_WORDS as _PATRONYMIC_WORDS
from bot.analysis.ru_person_spans import find_people

_PERSON_TAGS = ("Name", "Surn", "Patr")


def _lemma(text: str, low: str) -> tuple[str, str]:
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
    best = parse_word(word)[0]
    return best.normal_form, str(best.tag.POS or "")


def lemma(word: str) -> str:
    return lemma_and_pos(word)[0]


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
    for flag, part in zip(flags, parts):
        sentence = Sentence(part.text, _tokens(part.text), is_title=is_title)
        if flag:
            sentence.pending = sent_offset + len(sentences)
        sentences.append(sentence)
    return sentences if defer else tag(sentences)


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
        lem, pos = _lemma(tok.text, low)
        facts.append((tok.text, low, lem, pos, tok.start, tok.stop))
    return tuple(facts)


def tag(sentences: list[Sentence]) -> list[Sentence]:
    """Tag the sentences not tagged yet: each token's case and gender (pymorphy3), each
    sentence's person mentions (:mod:`bot.analysis.ru_person_spans`). Returns ``sentences``."""
    for sentence in sentences:
        if sentence.pending is None:
            continue
        sent_number = sentence.pending
        sentence.pending = None
        for token in sentence.tokens:
            token.case, token.gender = _case_and_gender(token.lower)
        for span in find_people(sentence.tokens, sentence.text):
            span_tokens = sentence.tokens[span.first : span.first + span.count]
            for token in span_tokens:
                token.case, token.gender = span.case, span.gender
            normal = " ".join(
                t.lower if t.lower in _PATRONYMIC_WORDS else to_nominative(t.text, span.case, span.gender)
                for t in span_tokens
            )
            mention = _mention(sent_number, sentence.tokens, span.first, span.count, normal)
            if mention is not None:
                if span.initials:  # "А. Б. Иванов": the initials stay as written, part of the name
                    mention.start -= 2 * len(span.initials)
                    for token in sentence.tokens[mention.start : span.first]:
                        token.case, token.gender = span.case, span.gender
                    mention.words = [*span.initials, *mention.words]
                    mention.normal = [*span.initials, *mention.normal]
                sentence.mentions.append(mention)
    return sentences


@functools.lru_cache(maxsize=65536)
def _case_and_gender(low: str) -> tuple[str | None, str | None]:
    """The case and gender of a word's most likely reading (None for words without them)."""
    if not re.search(r"[а-яё]", low):
        return None, None
    best = parse_word(low)[0]
    case = CASES.get(str(best.tag.case)) if best.tag.case else None
    gender = str(best.tag.gender) if best.tag.gender in ("masc", "femn") else None
    return case, gender


def _mention(sent: int, tokens: list[Token], first: int, count: int, normal: str) -> Mention | None:
    words = [t.text for t in tokens[first : first + count]]
    normal_words = normal.split()
    if len(normal_words) != len(words):
        normal_words = list(words)
    # "Махабат Тажибек кызы", "Болот уулу": the patronymic word after the span is part of the name.
    if first + count < len(tokens) and tokens[first + count].lower in _PATRONYMIC_WORDS:
        words.append(tokens[first + count].text)
        normal_words.append(tokens[first + count].lower)
        count += 1
    # Drop leading ordinary words that NER took for a name at the start of a sentence
    # ("Кейс Мухаметкарима — не единичный").
    while words and first == 0 and _is_common_word(words[0]):
        words, normal_words, first, count = words[1:], normal_words[1:], first + 1, count - 1
    if not words or any(not w[:1].isupper() for w in words if w not in ("уулу", "кызы", "оглы", "улы")):
        return None
    if len(words) == 1 and (_is_place(words[0]) or _is_common_word(words[0])):
        return None
    span_tokens = tokens[first : first + count]
    nominative = all(t.case in (None, "nomn") for t in span_tokens) and any(t.case == "nomn" for t in span_tokens)
    gender, case = _apposition(tokens, first)
    if gender is None and _womans_accusative(words, span_tokens):
        gender, case = "femn", "accs"
    if case == "nomn" or (gender == "femn" and case is not None):
        # "активистка Лариса Бояр", "24-летнюю Ситору Бозорову": the word before the name
        # agrees with it, and says its case (and a woman's gender) better than the tagger.
        fixed = [
            w.lower() if w.lower() in _PATRONYMIC_WORDS else w if case == "nomn" else _feminine_nominative(w)
            for w in words
        ]
        return Mention(sent, first, first + count, words, fixed, case == "nomn")
    fixed = []
    keep = _feminine_surnames(words, normal_words) if len(words) == 2 else set()
    for k, (tok, word, norm) in enumerate(zip(span_tokens, words, normal_words)):
        if k in keep or (k > 0 and _MASCULINE_NOMINATIVE.search(word)):
            # "Ишенбеков" is a nominative as written whatever the tagger guessed.
            fixed.append(word)
        elif word.lower() in _PATRONYMIC_WORDS:
            fixed.append(word.lower())
        elif _plural_of(norm, word):
            fixed.append(word)  # "Бояр" → "Бояре": a plural is never one person's name
        elif norm.lower() != word.lower() or tok.case in (None, "nomn"):
            fixed.append(_title_case(norm, word))
        else:
            fixed.append(to_nominative(word, tok.case, tok.gender))
    if len(words) == 2:
        agreed = _agree(words, fixed)
        # A word the agreement had to change was not written in the nominative after all.
        nominative = nominative and agreed == fixed
        fixed = agreed
    return Mention(sent, first, first + count, words, fixed, nominative)


# Nouns before a name that name a relation to that person, who is then in the genitive
# ("дочь Ивана Петрова"), not a role the name stands beside ("активистку Асель Омарову").
_RELATION_NOUNS = frozenset(
    {
        "дочь",
        "дочка",
        "сын",
        "мать",
        "мама",
        "отец",
        "жена",
        "муж",
        "супруга",
        "супруг",
        "вдова",
        "сестра",
        "брат",
        "бабушка",
        "дедушка",
        "внучка",
        "внук",
        "тётя",
        "дядя",
        "племянница",
        "племянник",
        "подруга",
        "друг",
        "невестка",
        "соратница",
        "соратник",
        "помощница",
        "помощник",
        "сторонница",
        "сторонник",
        "защитница",
        "защитник",
        "адвокат",
        "коллега",
        "родственница",
        "родственник",
        "семья",
        "дело",
        "память",
    }
)
_APPOSITION_POS = ("NOUN", "ADJF", "PRTF")


def _apposition(tokens: list[Token], first: int) -> tuple[str | None, str | None]:
    """Gender (only a woman's: men's role nouns name women too) and case of the word right
    before a name when it stands in apposition to it: a person noun or an adjective in one
    singular case ("журналистку", "24-летнюю", "активист")."""
    if first == 0:
        return None, None
    word = tokens[first - 1].lower
    if not re.search(r"[а-яё]$", word):
        return None, None
    readings = [
        p
        for p in parse_word(word)
        if p.tag.POS in _APPOSITION_POS
        and p.tag.number == "sing"
        and (p.tag.POS != "NOUN" or "anim" in p.tag)
        and p.score >= 0.1
    ]
    if not readings or any(p.normal_form in _RELATION_NOUNS for p in readings):
        return None, None
    if any(tag in p.tag for p in readings for tag in _PERSON_TAGS):
        return None, None  # a name word the tagger left out of the span
    cases = {p.tag.case for p in readings}
    genders = {p.tag.gender for p in readings}
    case = cases.pop() if len(cases) == 1 else None
    gender = "femn" if genders == {"femn"} else None
    if case == "nomn" and any(p.tag.POS == "ADJF" for p in readings):
        case = None  # "гражданский активист Лариса …": the adjective agrees with the noun
    return gender, case


# A woman's name in an oblique case and its nominative ending.
_FEMININE_OBLIQUE = (
    ("овой", "ова"),
    ("евой", "ева"),
    ("ёвой", "ёва"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("скую", "ская"),
    ("цкую", "цкая"),
    ("ову", "ова"),
    ("еву", "ева"),
    ("ёву", "ёва"),
    ("ину", "ина"),
    ("ыну", "ына"),
    ("ию", "ия"),
    ("ии", "ия"),
    ("ьи", "ья"),
    ("ью", "ья"),
    ("ей", "я"),
    ("ой", "а"),
    ("ую", "ая"),
    ("у", "а"),
    ("ю", "я"),
    ("ы", "а"),
    ("е", "а"),
)


def _womans_accusative(words: list[str], span: list[Token]) -> bool:
    """ "Дину Алиеву" (hers, accusative) against "Ерлану Алиеву" (his, dative): a man's
    accusative would be "Алиева", so the tagger's accusative or genitive, or a given name
    known only as a woman's, decides."""
    if (
        len(words) != 2
        or not re.search(r"\w{3}(ову|еву|ёву|ину|ыну)$", words[1].lower())
        or words[0].lower()[-1:] not in ("у", "ю")
    ):
        return False
    if any(t.case in ("accs", "gent") for t in span):
        return True  # a man's genitive or accusative is "-ова"
    names = [p for p in parse_word(words[0].lower()) if "Name" in p.tag]
    return bool(names) and all(p.tag.gender == "femn" for p in names)


def _feminine_nominative(word: str) -> str:
    """A woman's given name or surname in the nominative ("Ситору" → "Ситора", "Бозоровой"
    → "Бозорова"); words that do not decline ("Асель", "Айгерим", "кызы") stay."""
    low = word.lower()
    if low in _PATRONYMIC_WORDS:
        return low
    for ending, nominative in _FEMININE_OBLIQUE:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            return word[: len(word) - len(ending)] + nominative
    return word


def _plural_of(normal: str, written: str) -> bool:
    """The tagger's normal form is the written word with a plural ending added."""
    n, w = normal.lower(), written.lower()
    return len(n) == len(w) + 1 and n.startswith(w) and n[-1] in "еыи"


_OBLIQUE_SURNAME = re.compile(r"\w{3}(ову|еву|ёву|ину|ыну)$")
_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")


def _agree(words: list[str], fixed: list[str]) -> list[str]:
    """Make a man's given name and surname agree when the tagger put only one of them in
    the nominative: "Асхата Жексебаева" → "Асхат Жексебаев", not "Асхата Жексебаев"."""
    fixed = list(fixed)
    for given, surname in ((0, 1), (1, 0)):
        g_word, s_word = words[given], words[surname]
        surname_to_masc = _FEMININE_SURNAME.search(s_word.lower()) and fixed[surname] == s_word[:-1]
        given_to_masc = (
            g_word.lower().endswith("а")
            and fixed[given] == g_word[:-1]
            and not _FEMININE_SURNAME.search(g_word.lower())
        )
        if (
            surname_to_masc
            and fixed[given] == g_word
            and g_word.lower().endswith("а")
            and _CONSONANT_END.search(g_word[:-1].lower())
            and not _FEMININE_SURNAME.search(g_word.lower())
        ):
            fixed[given] = g_word[:-1]
        elif given_to_masc and fixed[surname] == s_word and _FEMININE_SURNAME.search(s_word.lower()):
            fixed[surname] = s_word[:-1]
        elif given_to_masc and fixed[surname] == s_word and re.search(r"[аеоу]я$", s_word.lower()):
            fixed[surname] = s_word[:-1] + "й"  # "Жаната Казакбая" → "Жанат Казакбай"
        elif _OBLIQUE_SURNAME.search(s_word.lower()) and fixed[surname] == s_word:
            # "Асель Жанибекову" left as written: a woman's given name does not change, so
            # the surname is hers ("Жанибекова"); a man's given name changes with it.
            fixed[surname] = s_word[:-1] + "а" if fixed[given] == g_word else s_word[:-1]
        elif (
            given == 0
            and fixed == words
            and _FEMININE_SURNAME.search(s_word.lower())
            and _is_masculine_genitive_name(g_word)
            and not _is_feminine_name(g_word)
        ):
            # "Айбека Бузурманкулова" tagged as written: a man's given name in the genitive
            # makes the "-ова" his genitive too.
            fixed = [g_word[:-1], s_word[:-1]]
        elif (
            given == 0
            and fixed[surname] == s_word
            and _MASCULINE_NOMINATIVE.search(s_word.lower())
            and fixed[given] == g_word
            and _is_masculine_genitive_name(g_word)
        ):
            # "Асхата Жексебаев": a man's surname in the nominative makes his given name one
            # too; a woman's would end in "-ова"/"-ина".
            fixed[given] = g_word[:-1]
    return fixed


def _is_masculine_genitive_name(word: str) -> bool:
    """A man's given name in the genitive ("Асхата"), never a nominative ("Никита")."""
    low = word.lower()
    if not low.endswith("а") or not _CONSONANT_END.search(low[:-1]):
        return False
    masc = [p for p in parse_word(low) if "Name" in p.tag and p.tag.gender == "masc"]
    return any(p.tag.case == "gent" for p in masc) and not any(p.tag.case == "nomn" for p in masc)


def _is_feminine_name(word: str) -> bool:
    """A woman's given name in the nominative as pymorphy3 knows it ("Жанара")."""
    return any("Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn" for p in parse_word(word.lower()))


_FEMININE_SURNAME = re.compile(r"(ова|ева|ёва|ина|ына)$")
_MASCULINE_NOMINATIVE = re.compile(r"\w{3}(ов|ев|ёв|ин|ын)$")


def _feminine_surnames(words: list[str], normal: list[str]) -> set[int]:
    """Keep "Айжан Омарова" as written when only the surname lost its "-а".

    A masculine genitive ("Асета Кенджибекова") changes the given name too; a given name that
    stays as it is and does not look inflected means the "-ова" is a woman's nominative.
    """
    keep = set()
    for k in (0, 1):
        other = 1 - k
        if (
            _FEMININE_SURNAME.search(words[k].lower())
            and normal[k].lower() == words[k].lower()[:-1]
            and normal[other].lower() == words[other].lower()
            and words[other][-1:].lower() not in "аяуюео"
        ):
            keep.add(k)
    return keep


def _title_case(normal: str, written: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in normal.split("-")) if written[:1].isupper() else normal


def _is_common_word(word: str) -> bool:
    low = word.lower()
    if not is_known(low):
        return False
    return not any(tag in p.tag for p in parse_word(low) for tag in _PERSON_TAGS)


def is_thing(word: str) -> bool:
    """A lower-cased noun whose every reading is inanimate ("дом", "могила"), not a person
    ("активист") and not a group of them ("группа", "редакция")."""
    parses = [p for p in parse_word(word) if p.tag.POS == "NOUN"]
    return bool(parses) and all("inan" in p.tag for p in parses) and parses[0].normal_form not in _GROUP_NOUNS


_GROUP_NOUNS = frozenset({"группа", "команда", "редакция", "партия", "движение", "организация"})


def _is_place(word: str) -> bool:
    readings = parse_word(word.lower())
    return bool(readings) and "Geox" in readings[0].tag


# Endings of inflected masculine names and what the nominative ends with instead.
_MASC_ENDINGS = (("ом", ""), ("ым", ""), ("а", ""), ("у", ""), ("е", ""), ("я", "й"), ("ю", "й"), ("ем", "й"))
_FEM_ENDINGS = (("ой", "а"), ("ую", "а"), ("у", "а"), ("ы", "а"), ("е", "а"), ("ю", "я"), ("и", "а"))


@functools.lru_cache(maxsize=16384)
def to_nominative(word: str, case: str | None, gender: str | None) -> str:
    """One word of a person's name in the nominative (pymorphy3, then plain endings)."""
    if case in (None, "nomn"):
        return word
    # One person: a plural reading ("Ишенбеков" as the genitive plural of "Ишенбек") is wrong.
    candidates = [p for p in parse_word(word.lower()) if p.tag.case == case and p.tag.number != "plur"]
    named = [p for p in candidates if any(tag in p.tag for tag in _PERSON_TAGS)]
    if gender:
        named = [p for p in named if p.tag.gender in (gender, None)] or named
    for parse_ in named:
        inflected = parse_.inflect({"nomn", "sing"})
        if inflected is not None:
            return _title_case(inflected.word, word)
    low = word.lower()
    endings = _FEM_ENDINGS if gender == "femn" else _MASC_ENDINGS
    for ending, replacement in endings:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return word[: len(word) - len(ending)] + replacement
    return word


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
        if not _looks_like_person_word(other):
            continue
        pair[hits[0]] = word
        pair[1 - hits[0]] = _nominative_guess(other)
        return " ".join(pair)
    return None


def _looks_like_person_word(word: str) -> bool:
    parses = parse_word(word.lower())
    return any(tag in p.tag for p in parses for tag in _PERSON_TAGS) or not is_known(word.lower())


def _nominative_guess(word: str) -> str:
    for parse_ in parse_word(word.lower()):
        if any(tag in parse_.tag for tag in _PERSON_TAGS):
            inflected = parse_.inflect({"nomn", "sing"})
            if inflected is not None:
                return _title_case(inflected.word, word)
    return word
