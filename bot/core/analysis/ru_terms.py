"""Custodial terms in Russian and Kazakh text: "15 суток", "пятнадцать суток", "3 года 6 месяцев",
"он бес тәулікке", "5 жылға".

A term is only custodial when the words around it say so: a preposition or verb of sentencing
before it ("на 15 суток", "к пяти годам", "получили по 20 суток") or a custody noun after it
("семь суток ареста", "пять лет лишения свободы"). Ranges ("от 5 до 20 суток"), maximum
penalties ("грозит до 15 суток"), restricted-freedom and suspended sentences, durations that
are not sentences ("в течение пяти лет") and ages ("60 лет") are not terms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.core.analysis.packs.kk import plain, skeleton
from bot.core.analysis.terms import canonical

# Word numbers by stem, matched against the lower-cased word. Ordered so that a longer stem
# wins ("пятнадцат" before "пят", "одиннадцат" before "один").
RU_NUMBER_STEMS: tuple[tuple[str, int], ...] = (
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятьдесят", 50),
    ("пятидесят", 50),
    ("шестьдесят", 60),
    ("шестидесят", 60),
    ("десят", 10),
    ("девят", 9),
    ("восем", 8),
    ("восьм", 8),
    ("сем", 7),
    ("шест", 6),
    ("пят", 5),
    ("четыр", 4),
    ("четырёх", 4),
    ("четырех", 4),
    ("тр", 3),
    ("дв", 2),
    ("од", 1),
)
# Exact forms for the short stems, which would otherwise match ordinary words.
RU_SMALL_NUMBERS = {
    "один": 1,
    "одна": 1,
    "одно": 1,
    "одного": 1,
    "одному": 1,
    "одной": 1,
    "одним": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "двум": 2,
    "двумя": 2,
    "три": 3,
    "трех": 3,
    "трёх": 3,
    "трем": 3,
    "трём": 3,
    "тремя": 3,
    "четыре": 4,
    "четырех": 4,
    "четырёх": 4,
    "четырем": 4,
    "четырём": 4,
    "четырьмя": 4,
    "пять": 5,
    "пяти": 5,
    "пятью": 5,
    "шесть": 6,
    "шести": 6,
    "шестью": 6,
    "семь": 7,
    "семи": 7,
    "семью": 7,
    "восемь": 8,
    "восьми": 8,
    "восемью": 8,
    "девять": 9,
    "девяти": 9,
    "девятью": 9,
    "десять": 10,
    "десяти": 10,
    "десятью": 10,
    # collective numerals, as in "двое суток", "трое суток ареста"
    "двое": 2,
    "трое": 3,
    "четверо": 4,
    "пятеро": 5,
    "шестеро": 6,
    "семеро": 7,
    "сорок": 40,
    "сорока": 40,
    "сто": 100,
    "ста": 100,
}
KK_NUMBERS = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "елу": 50,
}
# The same numbers typed with Russian letters only, or transliterated from Latin script.
KK_NUMBERS.update({skeleton(k): v for k, v in list(KK_NUMBERS.items())})
KK_NUMBERS.update({plain(k): v for k, v in list(KK_NUMBERS.items())})
_KK_HALF = {"жарым"}

_RU_TENS = {20, 30, 40, 50, 60}


@functools.lru_cache(maxsize=16384)
def ru_word_number(word: str) -> int | None:
    """Value of a Russian cardinal number word in any case, or None.

    Cached: every word of a sentence that may hold a term is asked about, some several times,
    and the stem loop below is the slow part of term finding.
    """
    w = word.lower().replace("ё", "е")
    if w in RU_SMALL_NUMBERS:
        return RU_SMALL_NUMBERS[w]
    for stem, value in RU_NUMBER_STEMS:
        if len(stem) >= 5 and w.startswith(stem) and len(w) - len(stem) <= 3:
            return value
    return None


# Units: (regex on the lower-cased word, unit, multiplier).
_RU_UNITS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    (re.compile(r"^(сутк|суток)"), "day", 1),
    (re.compile(r"^(день|дня|дней|дням|днями)$"), "day", 1),
    (re.compile(r"^недел"), "day", 7),
    (re.compile(r"^месяц"), "month", 1),
    (re.compile(r"^(год|года|году|годам|годами|годы|лет)$"), "year", 1),
)
_KK_UNITS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    (re.compile(r"^т[әа]ул[іи][кг]"), "day", 1),
    (re.compile(r"^к[үу]н(ге|д[іи]к|)$"), "day", 1),
    (re.compile(r"^апта"), "day", 7),
    (re.compile(r"^а[йи](ға|га|дан||ы|и)$"), "month", 1),
    (re.compile(r"^ж[ыи]л(ға|га|дан||ы|и|д[ыи]қ|д[ыи]к)$"), "year", 1),
)

# Words after a term that make it custodial, or not.
_RU_CUSTODY_AFTER = re.compile(
    r"^(ареста|арест|административного|административный|административных|спецпри[её]мника|"
    r"заключения|лишения|колонии|тюрьмы|тюремного|строгого|общего|особого|сизо|изолятора|"
    r"реального|реальных|каждый|каждому|каждая|каждой)$"
)
_RU_NOT_CUSTODY_AFTER = re.compile(r"^(ограничени|условн|испытательн|пробац|назад|спустя|подряд|работ)")
_RU_BEFORE_OK = re.compile(
    r"^(на|к|по|получил\w*|назначил\w*|приговорил\w*|приговорен\w*|приговорён\w*|осужд\w*|"
    r"осудил\w*|арестова\w*|отправ\w*|провести|проведет|отбыть|отбывать|срок|сроком|дали|дал|"
    r"получает|получат|присудил\w*|водвор\w*|продлил\w*)$"
)
_RU_BEFORE_BAD = re.compile(r"^(до|от|через|течение|последние|уже|грозит|около|более|почти|свыше)$")
# "он тәулік уақыт берді" (gave ten days' time): a deadline, not a term.
_KK_AFTER_BAD = re.compile(
    r"^(айл[ыи][қк]|б[ұу]р[ыи]н|[іи]ш[іи]нде|бо[йи][ыи]|шартт[ыи]|ш[еы]кте|де[йи][іи]н|уа[қк][ыи]т)"
)
_KK_DATIVE = re.compile(r"(ке|ге|қа|ға|ка|га)$")
# "екі ай мерзімге": "for a term of", before the custody word or the place of it.
_KK_CUSTODY_AFTER = re.compile(
    r"([қк]амау|[қк]амақ|[қк]амак|[қк]амал|бас|т[үу]рме|колония|сотталд|[әа]к[іи]мш[іи]л[іи]к|мерз[іи]мге)"
)
# "X-ке 5 жыл берілді", "сот оған 2 ай берді": the term given, the verb right after it
# ("3 жыл сабақ берді", taught for three years, has its object between).
_KK_GIVEN = re.compile(r"(бер[іи]лд|берд)")
# "2 жыл бас бостандығын шектеу" (restricted freedom) and suspended terms are not custody.
_KK_NOT_CUSTODY_NEAR = re.compile(r"ш[еі]кте|шект[еі]л|шартт[ыи]|с[ыи]нақ|пробац")
_ARABIC_NUMBER = re.compile(r"\d{1,3}")
_HALF_NUMBER = re.compile(r"\d{1,2}[,.]5")

# Every term ends in a unit word, so a sentence whose text holds none of these beginnings of
# the unit words above has no term and is skipped without looking at each word (most
# sentences). Keep each a superset of its unit table.
_RU_UNIT_HINT = re.compile(r"сутк|суток|день|дн|недел|месяц|год|лет")
_KK_UNIT_HINT = re.compile(r"тәулі|таули|күн|кун|апта|а[йи]|жыл|жил")


@dataclass(frozen=True)
class Term:
    """One custodial term found in a sentence: its canonical text and token position."""

    value: str  # canonical: "15 days", "42 months", "5 years"
    start: int  # index of the first token of the term
    end: int  # index after the last token


def _number_at(words: list[str], i: int, lang: str) -> tuple[float, int] | None:
    """Number starting at words[i]: (value, number of words used); None past the end
    (a sentence may end in "5 и", cut off by the feed). "шесть с половиной": 6.5."""
    number = _whole_number_at(words, i, lang)
    if number is None or lang != "ru":
        return number
    value, used = number
    if [w.lower() for w in words[i + used : i + used + 2]] == ["с", "половиной"] and value == int(value):
        return value + 0.5, used + 2
    return number


def _whole_number_at(words: list[str], i: int, lang: str) -> tuple[float, int] | None:
    if i >= len(words):
        return None
    w = words[i].lower()
    if w[:1].isdigit():  # (what both patterns need: most words are no number)
        if _ARABIC_NUMBER.fullmatch(w):
            return float(w), 1
        if _HALF_NUMBER.fullmatch(w):
            return float(w.replace(",", ".")), 1
    if lang == "kk":
        if w in KK_NUMBERS:
            value, used = float(KK_NUMBERS[w]), 1
            if value in (10, 20, 30, 40, 50) and i + 1 < len(words) and words[i + 1].lower() in KK_NUMBERS:
                unit_value = KK_NUMBERS[words[i + 1].lower()]
                if unit_value < 10:
                    value, used = value + unit_value, 2
            if i + used < len(words) and words[i + used].lower() in _KK_HALF:
                value, used = value + 0.5, used + 1  # "бір жарым жыл": one and a half years
            return value, used
        return None
    if w in ("полтора", "полутора"):
        return 1.5, 1
    number = ru_word_number(w)
    if number is None:
        return None
    if number in _RU_TENS and i + 1 < len(words):
        unit = ru_word_number(words[i + 1])
        if unit is not None and unit < 10:
            return float(number + unit), 2
    return float(number), 1


def _unit_at(words: list[str], i: int, lang: str) -> tuple[str, int] | None:
    if i >= len(words):
        return None
    w = words[i].lower()
    for pattern, unit, mult in _KK_UNITS if lang == "kk" else _RU_UNITS:
        if pattern.search(w):
            return unit, mult
    return None


def _amount(words: list[str], i: int, lang: str) -> tuple[float, str, int] | None:
    """A number followed by a unit at words[i]: (amount in unit, unit, words used).

    A bare unit word after "к"/"на" counts as one ("к году колонии", "на месяц").
    """
    number = _number_at(words, i, lang)
    if number is None:
        bare = (
            lang == "ru"
            and 0 < i < len(words)
            and words[i - 1].lower() in ("на", "к")
            and words[i].lower() in _BARE_UNITS
        )
        unit = _unit_at(words, i, lang) if bare else None  # (looked up only where it can count)
        return (float(unit[1]), unit[0], 1) if unit else None
    value, used = number
    used += _spelled_again(words, i + used)
    unit = _unit_at(words, i + used, lang)
    if unit is None:
        return None
    name, mult = unit
    if name == "year" and value > 50:
        return None  # "в 2019 году"
    return value * mult, name, used + 1


_BARE_UNITS = ("год", "году", "месяц", "неделю", "сутки")


def _may_start_term(word: str, lang: str) -> bool:
    """Whether a term can start at ``word``: a number (what :func:`_whole_number_at` reads),
    or in Russian a bare unit word (:func:`_amount`). Asked first, once a word, where the
    term and shared-unit readers would each read the number again."""
    w = word.lower()
    if w[:1].isdigit():
        return True
    if lang == "kk":
        return w in KK_NUMBERS
    return w in ("полтора", "полутора") or w in _BARE_UNITS or ru_word_number(w) is not None


def _spelled_again(words: list[str], i: int) -> int:
    """How many words at ``i`` repeat a number in words in brackets ("на 2 (два) месяца", the
    style of court and police statements): one word "(два)" or three "(", "два", ")"."""
    if i < len(words) and re.fullmatch(r"\([а-яёәіңғүұқөһ\s-]+\)", words[i].lower()):
        return 1
    if i + 2 < len(words) and words[i] == "(" and words[i + 2] == ")" and words[i + 1].isalpha():
        return 3
    return 0


def _shared_unit(words: list[str], i: int, lang: str) -> list[Term] | None:
    """Numbers joined by "и"/","/"және" before one unit: "к 7 и 5 годам", "на 10 и 15 суток"."""
    first = _number_at(words, i, lang)
    if first is None or first[1] != 1:
        return None
    j = i + 1
    if j >= len(words) or words[j].lower() not in ("и", ",", "және", "мен"):
        return None
    found = _amount(words, j + 1, lang)
    if found is None:
        return None
    amount, unit, used = found
    end = j + 1 + used
    if not _is_custodial(words, i, end, lang):
        return None
    unit_amount = _unit_at(words, end - 1, lang)
    scale = unit_amount[1] if unit_amount else 1
    return [Term(canonical(first[0] * scale, unit), i, i + 1), Term(canonical(amount, unit), j + 1, end)]


def find_terms(words: list[str], lang: str) -> list[Term]:
    """Every custodial term in a sentence given as its list of words (punctuation included)."""
    unit_hint = _KK_UNIT_HINT if lang == "kk" else _RU_UNIT_HINT
    if not unit_hint.search(" ".join(words).lower()):
        return []
    terms: list[Term] = []
    i = 0
    while i < len(words):
        if not _may_start_term(words[i], lang):
            i += 1  # no number here, nor a bare unit: no term, no shared unit (most words)
            continue
        found = _amount(words, i, lang)
        if found is None:
            shared = _shared_unit(words, i, lang)
            if shared is not None:  # "к 7 и 5 годам": two terms sharing one unit word
                terms.extend(shared)
                i = shared[-1].end
                continue
            i += 1
            continue
        amount, unit, used = found
        end = i + used
        # "3 года 6 месяцев", "2 года и 2 месяца"
        j = end + 1 if end < len(words) and words[end].lower() in ("и", "және") else end
        more = _amount(words, j, lang) if j < len(words) else None
        if more is not None and unit == "year" and more[1] == "month":
            amount, unit, end = amount * 12 + more[0], "month", j + more[2]
        elif more is not None and lang == "kk" and unit == "month" and more[1] == "day":
            # "1 ай 29 тәулік": a month and days, counted in days as the guide does.
            amount, unit, end = amount * 30 + more[0], "day", j + more[2]
        if _is_custodial(words, i, end, lang):
            terms.append(Term(canonical(amount, unit), i, end))
        i = end
    return terms


def _is_custodial(words: list[str], start: int, end: int, lang: str) -> bool:
    after = [w.lower() for w in words[end : end + 3]]
    before = [w.lower() for w in words[max(0, start - 3) : start]]
    if lang == "kk":
        if after and _KK_AFTER_BAD.search(after[0]):
            return False
        unit_word = words[end - 1].lower()
        previous = words[start - 1].lower() if start else ""
        # "соңғы 5 жылда" (the last five years); "кейін 7 тәулікке қамалды" (later, for 7
        # days) is a term: the dative unit says so.
        if previous in ("соңғы", "сонғи") or (
            previous in ("кейін", "кеиин", "дейін", "деиин") and not _KK_DATIVE.search(unit_word)
        ):
            return False
        if any(_KK_NOT_CUSTODY_NEAR.match(w) for w in after):
            return False
        # "15 тәулікке", "5 жылға" (dative = sentence to), or a custody word right after.
        return (
            bool(_KK_DATIVE.search(unit_word))
            or any(_KK_CUSTODY_AFTER.match(w) for w in after)
            or bool(after and _KK_GIVEN.match(after[0]))
            or unit_word.startswith("тәулік")
        )
    if after and _RU_NOT_CUSTODY_AFTER.search(after[0]):
        return False
    if after[:2] in (["ограничения", "свободы"], ["ограничение", "свободы"]):
        return False
    if len(after) >= 2 and after[0].startswith("лишени") and after[1].startswith("прав"):
        return False  # "пять лет лишения права заниматься…": a ban, not custody
    if before and _RU_BEFORE_BAD.match(before[-1]):
        return False
    if len(before) >= 2 and before[-2] == "в" and before[-1] == "течение":
        return False
    if after and (after[0] == "до" or after[0] == "-" or after[0] == "–"):
        return False  # start of a range
    if before and (_RU_BEFORE_OK.match(before[-1]) or before[-1] in ("—", "–")):
        return True
    if len(before) >= 2 and before[-2] in ("на", "к", "по") and before[-1] in ("срок",):
        return True
    if after and _RU_CUSTODY_AFTER.match(after[0]):
        return True
    # Time served counts only in days: "отсидел десять суток" is the administrative arrest the
    # report tells; months and years spent in a remand prison or colony are a past (ru_cues).
    return bool(before) and _spent_in_custody(before[-1], after) and bool(_RU_DAYS.match(words[end - 1].lower()))


# "отсидел 15 суток", "провёл пять дней под арестом": time served; "провёл" only with the place.
_RU_SERVED = re.compile(r"^(отсидел\w*|просидел\w*|отсидевш\w*)$")
_RU_SPENT = re.compile(r"^(пров[её]л\w*|проведш\w*)$")
_RU_DAYS = re.compile(r"^(сут|дн|день|дней)")
_RU_HELD_AT = re.compile(
    r"^(под (арестом|стражей)|в (сизо|ивс|изоляторе|спецпри[её]мнике|колонии|заключении)|за решеткой)"
)


def _spent_in_custody(before: str, after: list[str]) -> bool:
    return bool(_RU_SERVED.match(before) or (_RU_SPENT.match(before) and _RU_HELD_AT.match(" ".join(after[:2]))))
