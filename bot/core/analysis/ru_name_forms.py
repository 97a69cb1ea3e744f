"""Names of people in Russian text put in the nominative, word by word.

Why a module of its own: finding who a report names (ru_person_spans.py, ru_names.py) and
writing that name as a name is written (here) are separate jobs. The finder's case and gender
leave some names inflected ("Жоодара Бузумова"); the word before a name that agrees with it
("активистку", "24-летнюю") says its case and a woman's gender; a man's given name and
surname are made to agree ("Асхата Жексебаева" → "Асхат Жексебаев"); pymorphy3 inflects
what is left, then plain endings do.
"""

from __future__ import annotations

import functools
import re

from bot.core.analysis.ru_morph import is_known, is_person, parses

#: Kyrgyz, Kazakh and Azerbaijani patronymic words, written in lower case after a name.
PATRONYMIC_WORDS = frozenset({"уулу", "кызы", "оглы", "улы", "қызы", "ұлы", "гызы", "угли", "кизи"})
# The same particle fused with the father's name ("Вагифгызы", "Алиоглу"): it does not decline.
FUSED_PATRONYMIC = re.compile(r"\w{2,}(?:оглу|оглы|улы|уулу|ұлы|тегі|кызы|гызы|қызы)$", re.IGNORECASE)


def nominative_name(
    words: list[str], normal: list[str], grammar: list[tuple[str | None, str | None]], before: str | None
) -> tuple[list[str], bool]:
    """A name found in the text (``words`` as written, ``normal`` the words put in the nominative one by one,
    ``grammar`` the finder's case and gender of each word, ``before`` the word before it)
    in the nominative, word by word; and whether the text writes it in the nominative."""
    son = _sons_name(words, before)
    if son is not None:
        return son, False
    cases = [case for case, _ in grammar]
    nominative = all(c in (None, "nomn") for c in cases) and any(c == "nomn" for c in cases)
    if nominative and all(g == "femn" for _, g in grammar):
        return list(words), True  # the finder read a woman's name in the nominative ("Таслима Рамазанова —")
    gender, case = _apposition(before)
    if gender is None and _womans_accusative(words, cases):
        gender, case = "femn", "accs"
    if case == "nomn" or (gender == "femn" and case is not None):
        # "активистка Лариса Бояр", "24-летнюю Ситору Бозорову": the word before the name
        # agrees with it, and says its case (and a woman's gender) better than the tagger.
        fixed = [
            w.lower() if w.lower() in PATRONYMIC_WORDS else w if case == "nomn" else _feminine_nominative(w)
            for w in words
        ]
        return fixed, case == "nomn"
    fixed = []
    keep = _feminine_surnames(words, normal) if len(words) == 2 else set()
    for k, ((word_case, word_gender), word, norm) in enumerate(zip(grammar, words, normal)):
        if k in keep or (k > 0 and _MASCULINE_NOMINATIVE.search(word)):
            # "Ишенбеков" is a nominative as written whatever the tagger guessed.
            fixed.append(word)
        elif word.lower() in PATRONYMIC_WORDS:
            fixed.append(word.lower())
        elif _plural_of(norm, word):
            fixed.append(word)  # "Бояр" → "Бояре": a plural is never one person's name
        elif norm.lower() != word.lower() or word_case in (None, "nomn"):
            fixed.append(title_case(norm, word))
        else:
            fixed.append(to_nominative(word, word_case, word_gender))
    if len(words) == 2:
        agreed = agree_mans_name(words, fixed)
        # A word the agreement had to change was not written in the nominative after all.
        nominative = nominative and agreed == fixed
        fixed = agreed
    return fixed, nominative


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


def _sons_name(words: list[str], before: str | None) -> list[str] | None:
    """ "активиста Эрлана Бекчоро уулу": before "уулу"/"улы"/"угли"/"оглы" only the given name
    declines; a man's role noun in an oblique case before it gives that case."""
    if len(words) < 3 or words[-1].lower() not in _SON or before is None:
        return None
    cases = {p.tag.case for p in parses(before) if p.tag.POS == "NOUN" and "anim" in p.tag and p.tag.number == "sing"}
    if not cases or "nomn" in cases:
        return None
    case = "gent" if "gent" in cases else sorted(cases)[0]
    return [to_nominative(words[0], case, "masc"), *words[1:-1], words[-1].lower()]


_SON = frozenset({"уулу", "улы", "угли", "оглы", "ұлы"})


def _apposition(before: str | None) -> tuple[str | None, str | None]:
    """Gender (only a woman's: men's role nouns name women too) and case of the word right
    before a name when it stands in apposition to it: a person noun or an adjective in one
    singular case ("журналистку", "24-летнюю", "активист")."""
    if before is None:
        return None, None
    word = before
    if not re.search(r"[а-яё]$", word):
        return None, None
    readings = [
        p
        for p in parses(word)
        if p.tag.POS in _APPOSITION_POS
        and p.tag.number == "sing"
        and (p.tag.POS != "NOUN" or "anim" in p.tag)
        and p.score >= 0.1
    ]
    if not readings or any(p.normal_form in _RELATION_NOUNS for p in readings):
        return None, None
    if any(map(is_person, readings)):
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


def _womans_accusative(words: list[str], cases: list[str | None]) -> bool:
    """ "Дину Алиеву" (hers, accusative) against "Ерлану Алиеву" (his, dative): a man's
    accusative would be "Алиева", so the tagger's accusative or genitive, or a given name
    known only as a woman's, decides."""
    if (
        len(words) != 2
        or not re.search(r"\w{3}(ову|еву|ёву|ину|ыну)$", words[1].lower())
        or words[0].lower()[-1:] not in ("у", "ю")
    ):
        return False
    if any(case in ("accs", "gent") for case in cases):
        return True  # a man's genitive or accusative is "-ова"
    names = [p for p in parses(words[0].lower()) if "Name" in p.tag]
    return bool(names) and all(p.tag.gender == "femn" for p in names)


def _feminine_nominative(word: str) -> str:
    """A woman's given name or surname in the nominative ("Ситору" → "Ситора", "Бозоровой"
    → "Бозорова"); words that do not decline ("Асель", "Айгерим", "кызы") stay."""
    low = word.lower()
    if low in PATRONYMIC_WORDS:
        return low
    if FUSED_PATRONYMIC.match(word):
        return word
    head, hyphen, tail = word.partition("-")
    if hyphen and tail[:1].isupper() and any(map(is_person, parses(head.lower()))):  # "Сергееву-Лейн"
        return f"{_feminine_nominative(head)}-{_feminine_nominative(tail)}"
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


def agree_mans_name(words: list[str], fixed: list[str]) -> list[str]:
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
    masc = [p for p in parses(low) if "Name" in p.tag and p.tag.gender == "masc"]
    return any(p.tag.case == "gent" for p in masc) and not any(p.tag.case == "nomn" for p in masc)


def _is_feminine_name(word: str) -> bool:
    """A woman's given name in the nominative as pymorphy3 knows it ("Жанара")."""
    return any("Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn" for p in parses(word.lower()))


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


def title_case(normal: str, written: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in normal.split("-")) if written[:1].isupper() else normal


# Endings of inflected masculine names and what the nominative ends with instead.
_MASC_ENDINGS = (("ом", ""), ("ым", ""), ("а", ""), ("у", ""), ("е", ""), ("я", "й"), ("ю", "й"), ("ем", "й"))
_FEM_ENDINGS = (("ой", "а"), ("ую", "а"), ("у", "а"), ("ы", "а"), ("е", "а"), ("ю", "я"), ("и", "а"))


@functools.lru_cache(maxsize=16384)
def to_nominative(word: str, case: str | None, gender: str | None) -> str:
    """One word of a person's name in the nominative (pymorphy3, then plain endings; cached:
    every tagged name word comes here)."""
    if case in (None, "nomn") or FUSED_PATRONYMIC.match(word):
        return word
    head, hyphen, tail = word.partition("-")
    if hyphen and tail[:1].isupper() and any(is_person(p) and p.tag.case == case for p in parses(head.lower())):
        # "Петрова-Водкина", "Сергееву-Лейн": a double surname declines in each part ("Кара-Мурзы" in its last)
        return f"{to_nominative(head, case, gender)}-{to_nominative(tail, case, gender)}"
    if len(word) >= 6 and word.lower().endswith(("лы", "ли")) and not is_known(word.lower()):
        return word  # "Алиханлы", "Гасанли": an Azerbaijani surname does not decline
    # One person: a plural reading ("Ишенбеков" as the genitive plural of "Ишенбек") is wrong.
    candidates = [p for p in parses(word.lower()) if p.tag.case == case and p.tag.number != "plur"]
    named = [p for p in candidates if is_person(p)]
    if gender:
        named = [p for p in named if p.tag.gender in (gender, None)] or named
    for parse_ in named:
        inflected = parse_.inflect({"nomn", "sing"})
        if inflected is not None:
            return title_case(inflected.word, word)
    low = word.lower()
    endings = _FEM_ENDINGS if gender == "femn" else _MASC_ENDINGS
    for ending, replacement in endings:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return word[: len(word) - len(ending)] + replacement
    return word
