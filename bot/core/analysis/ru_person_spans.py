"""People's names in a Russian sentence, from capitalisation and pymorphy3 alone.

Why not a neural tagger: natasha's NER (a CNN over news embeddings) took most of the time of a
Russian custody report and learnt the names of its training news, not those of Central Asian
reports ("Жоодар Бузумов", "Махабат Тажибек кызы"). A name in Russian is a run of capitalised
words of which pymorphy3 reads some as a given name, surname or patronymic (Name, Surn, Patr),
or guesses them from a surname's ending; the words of a run agree in case and gender, which
says how to put the name in the nominative.

What is not a person: a capitalised common word (a title glued to a name, "Президент"; a court,
"Верховный Суд"), a place of the gazetteer, a short quoted name of an organisation
(«Ак жол»), a run after a street or organisation word ("улица Абая", "партии Нур"), and a run
broken by a new line (a headline glued to the next paragraph).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.core.analysis.ru_morph import CASES, is_known, is_person, parses
from bot.core.analysis.ru_name_forms import FUSED_PATRONYMIC, PATRONYMIC_WORDS
from bot.core.places import CYRILLIC_FORMS

_NAME_WORD = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІа-яё][а-яёәғқңөұүһі]+)*")
_INITIAL = re.compile(r"[А-ЯЁ]")
# Surname endings in every case: "-ов", "-ева", "-ину", "-ской", "-бекова", "-ұлы"…
_SURNAME_SHAPE = re.compile(
    r"\w{2,}(?:[оеё]в|[иы]н)(?:а|у|ым|ой|ою|е|ых)?$|\w{2,}(?:ск|цк)(?:ий|ая|ого|ому|им|ой|ую)$|"
    + FUSED_PATRONYMIC.pattern  # "Вагифгызы", "Алиоглу", "Талантбекқызы"
)
_PLACE = re.compile("|".join(f"(?:{stem})" for stem, _ in CYRILLIC_FORMS if " " not in stem))
# Words after which a capitalised run names a street, a place or an organisation.
_NOT_A_PERSON_BEFORE = frozenset(
    {
        "улица",
        "ул",
        "проспект",
        "пр",
        "площадь",
        "переулок",
        "бульвар",
        "мкр",
        "микрорайон",
        "имени",
        "им",
        "партия",
        "движение",
        "компания",
        "фонд",
        "газета",
        "издание",
        "телеканал",
        "тоо",
        "ао",
        "университет",
        "школа",
        "центр",
        "театр",
        "парк",
        "сквер",
        "монумент",
        "памятник",
        "мечеть",
        "церковь",
        "озеро",
        "река",
        "хребет",
    }
)
# Words after which a lone capitalised word names a settlement ("села Каменка", "житель Озёрного");
# "жителей села Ерлана Абдиева" is someone from it.
_SETTLEMENT_BEFORE = frozenset(
    {
        "село",
        "аул",
        "посёлок",
        "поселок",
        "город",
        "г",
        "район",
        "область",
        "житель",
        "жительница",
        "уроженец",
        "уроженка",
    }
)
# Words after a lone capitalised word that make it a place or an institution ("Медеуский районный суд").
_NOT_A_PERSON_AFTER = frozenset({"суд", "районный", "городской", "областной", "район", "область", "улица", "проспект"})
# The case a preposition before a name puts it in.
_PREPOSITION_CASES = {
    "у": ("gent",),
    "для": ("gent",),
    "против": ("gent",),
    "без": ("gent",),
    "от": ("gent",),
    "до": ("gent",),
    "из": ("gent",),
    "после": ("gent",),
    "около": ("gent",),
    "возле": ("gent",),
    "среди": ("gent",),
    "со": ("ablt",),
    "с": ("ablt", "gent"),
    "к": ("datv",),
    "ко": ("datv",),
    "по": ("datv",),
    "о": ("loct",),
    "об": ("loct",),
    "при": ("loct",),
    "про": ("accs",),
    "через": ("accs",),
    "за": ("accs", "ablt"),
    "на": ("accs", "loct"),
    "в": ("accs", "loct"),
    "над": ("ablt",),
    "перед": ("ablt",),
}
_OPENERS = frozenset({"«", '"', "„", "“", "(", "—", "–", "-", ":", "'"})
_QUOTES = {"«": "»", '"': '"', "„": "“", "“": "”"}
_SHORT_QUOTE = 5  # tokens: «Ак жол», «Демократический выбор Казахстана» (longer quotes are speech)


class Word(Protocol):
    """What the finder reads of a token (``bot.core.analysis.ru_names.Token``)."""

    text: str
    lower: str
    lemma: str
    pos: str
    start: int
    stop: int


@dataclass(frozen=True)
class Span:
    """A person's name: ``count`` tokens from ``first``, in ``case`` and ``gender`` (pymorphy3
    grammemes, None when the words do not say); ``initials`` are the initials written before it."""

    first: int
    count: int
    case: str | None
    gender: str | None
    initials: tuple[str, ...] = ()


Reading = tuple[str, str]  # (case, gender)


def find_people(tokens: Sequence[Word], text: str = "") -> list[Span]:
    """Every person's name in a sentence's tokens; ``text`` (the tokens' source) shows line breaks."""
    quoted = _short_quotes(tokens)
    kinds = [None if k in quoted else _kind(tokens, k) for k in range(len(tokens))]
    _common_word_surnames(tokens, kinds)
    found: list[tuple[int, int, tuple[str, ...], dict[Reading, float]]] = []
    for first, stop, initials in _runs(tokens, kinds, text):
        if stop - first >= 2 and _place_after_preposition(tokens, first):
            first += 1  # "в Ростове Ксению Серёдкину", "в России Смирнова": the place is no name
        for k, (a, b) in enumerate(_names_of_run(tokens, kinds, first, stop)):
            if _is_name(tokens, kinds, a, b, bool(initials) and k == 0):
                words = [tokens[i].lower for i in range(a, b) if kinds[i] != "particle"]
                written = initials if k == 0 else ()
                # The neighbours of "А. Иванова" are those of its initials.
                scores = _agreement(tokens, a - 2 * len(written), b, words)
                if scores is not None:
                    found.append((a, b, written, scores))
    spans = []
    for n, (first, stop, initials, scores) in enumerate(found):
        neighbours = [
            found[m][3]
            for m in (n - 1, n + 1)
            if 0 <= m < len(found) and _listed(tokens, found[min(n, m)][1], found[max(n, m)][0])
        ]
        if _womans_nominative(tokens, first, stop, neighbours):
            scores = {("nomn", "femn"): 1.0}
            found[n] = (first, stop, initials, scores)  # the next listed name agrees with hers
        for neighbour in neighbours:
            _agree_with(scores, neighbour)
        case, gender = _best(scores)
        particle = next((tokens[k].lower for k in range(first, stop) if tokens[k].lower in PATRONYMIC_WORDS), None)
        if particle is not None:
            gender = "femn" if particle in _DAUGHTER else "masc"
            case = case if case in ("nomn", None) else None
        spans.append(Span(first, stop - first, case, gender, initials))
    return spans


def _common_word_surnames(tokens: Sequence[Word], kinds: list[str | None]) -> None:
    """A capitalised common word right after a given name, in the same case, is its surname
    ("Андрей Кузнец", "Максима Ключа"): mid-sentence Russian writes common nouns in lower case.
    So is one pymorphy3 reads only without a case (a short adjective: "Данута Передня")."""
    for k in range(1, len(tokens)):
        if kinds[k] not in (None, "weak") or kinds[k - 1] != "person" or not _NAME_WORD.fullmatch(tokens[k].text):
            continue
        if _is_place_word(tokens[k].text) or "-" in tokens[k].text:
            continue
        own = parses(tokens[k].lower)
        given = {p.tag.case for p in parses(tokens[k - 1].lower) if "Name" in p.tag and p.score >= 0.1}
        # "Татьяна Кременчугская": a surname of an adjective's form agrees with the given name too.
        adjective = bool(_SURNAME_SHAPE.match(tokens[k].lower))
        shapes = ("NOUN", "ADJF") if adjective else ("NOUN",)
        if given & {p.tag.case for p in own if p.tag.POS in shapes and p.tag.number == "sing"} or (
            given and not any(p.tag.case for p in own)
        ):
            kinds[k] = "name"


def _listed(tokens: Sequence[Word], stop: int, first: int) -> bool:
    """Two names of one list ("X, Y и Z", "X и активиста Y"): they share a case."""
    between = tokens[stop:first]
    return (
        0 < len(between) <= 3
        and between[0].lower in (",", "и")
        and all(t.lower in (",", "и") or t.pos in ("NOUN", "ADJF") for t in between)
    )


def _agree_with(scores: dict[Reading, float], neighbour: dict[Reading, float]) -> None:
    """Keep the cases a listed neighbour can be in ("Ерлана Абдиева, Гульмиру Сапарову"; "Дану
    Жаксылыкову и Тимура Бекова" are both accusatives, so she is not "Дан Жаксылыков" in the dative)."""
    totals: dict[str, float] = {}
    for (case, _), score in neighbour.items():
        totals[case] = totals.get(case, 0.0) + score
    if not totals:
        return
    top = max(totals.values())
    cases = {case for case, total in totals.items() if total >= top / 2}
    if any(c in cases for c, _ in scores):
        for reading in [r for r in scores if r[0] not in cases]:
            del scores[reading]


def _best(scores: dict[Reading, float]) -> tuple[str | None, str | None]:
    if not scores:
        return None, None
    return max(scores, key=lambda r: (scores[r], r[1] == "masc", r[0] == "nomn"))


def _short_quotes(tokens: Sequence[Word]) -> set[int]:
    """Indexes of tokens inside a short quotation: the name of an organisation or a work."""
    inside: set[int] = set()
    k = 0
    while k < len(tokens):
        close = _QUOTES.get(tokens[k].text)
        if close is None:
            k += 1
            continue
        end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text in (close, "»", "”")), None)
        if end is None:
            break
        if end - k - 1 <= _SHORT_QUOTE:
            inside.update(range(k + 1, end))
        k = end + 1
    return inside


def _kind(tokens: Sequence[Word], k: int) -> str | None:
    """What token ``k`` can be in a name: "person" (pymorphy3 knows it as a name word), "name"
    (a capitalised word it does not know, or knows only as a plural: "Токаев", "Болот"),
    "place" (known only as a place), "initial", "particle" ("кызы"), or None."""
    text = tokens[k].text
    if text in PATRONYMIC_WORDS:
        return "particle"
    if _INITIAL.fullmatch(text) and k + 1 < len(tokens) and tokens[k + 1].text == ".":
        return "initial"
    if not _NAME_WORD.fullmatch(text) or _is_place_word(text):
        return None
    return _word_kind(tokens[k].lower, _sentence_start(tokens, k))


@functools.lru_cache(maxsize=16384)
def _word_kind(low: str, at_start: bool) -> str | None:
    readings = parses(low)
    person = sum(p.score for p in readings if is_person(p) and p.tag.number != "plur")
    if person >= (0.2 if at_start else 0.01):
        return "person"
    surname_like = bool(_SURNAME_SHAPE.match(low))
    head = low.split("-")[0]
    if head != low and is_known(head) and not any(map(is_person, parses(head))):
        return None  # a compound title glued to a name ("Журналиста-расследователя")
    if not is_known(low):
        if at_start and not surname_like and any(p.tag.POS not in ("NOUN", None) for p in readings[:1]):
            return None  # a guessed verb or adjective opening the sentence
        return "name"
    if all("Geox" in p.tag for p in readings):
        return "place"
    best = readings[0]
    if surname_like and best.tag.POS == "NOUN":
        return "name"
    if at_start:
        return None
    if best.tag.POS == "NOUN" and best.tag.number == "plur":
        return "name"  # a name pymorphy3 reads as a plural ("Болот" of "болото")
    if (best.tag.POS == "NOUN" and "anim" in best.tag) or (best.tag.POS == "ADJF" and best.score >= 0.3):
        return None  # a title ("Президент") or an institution's adjective ("Верховный")
    return "weak"  # a known word that is also a name ("Канат", "Диас") next to a surname


@functools.lru_cache(maxsize=16384)
def _is_place_word(text: str) -> bool:
    """A form of a gazetteer place ("Астане"), not a surname made of one ("Астанов", "Москвин")."""
    match = _PLACE.match(text)
    return match is not None and not _SURNAME_SUFFIX.match(text[match.end() :].lower())


_SURNAME_SUFFIX = re.compile(r"(?:[оеё]в|[иы]н)")


def _sentence_start(tokens: Sequence[Word], k: int) -> bool:
    return all(t.text in _OPENERS for t in tokens[:k])


def _runs(tokens: Sequence[Word], kinds: list[str | None], text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Maximal runs of name words, with the initials written before each ("А. Б. Иванов")."""
    runs = []
    k = 0
    while k < len(tokens):
        initials: list[str] = []
        while kinds[k] == "initial" and k + 2 < len(tokens):
            initials.append(tokens[k].text + ".")
            k += 2
        if kinds[k] not in _NAME_KINDS:
            k += 1
            continue
        first = k
        k += 1
        while (
            k < len(tokens) and (kinds[k] in _NAME_KINDS or kinds[k] == "particle") and not _line_break(tokens, k, text)
        ):
            k += 1
        runs.append((first, k, tuple(initials)))
    return runs


_NAME_KINDS = ("person", "name", "place", "weak")
_DOUBTFUL_KINDS = ("place", "weak")


def _line_break(tokens: Sequence[Word], k: int, text: str) -> bool:
    return bool(text) and "\n" in text[tokens[k - 1].stop : tokens[k].start]


def _names_of_run(tokens: Sequence[Word], kinds: list[str | None], first: int, stop: int) -> list[tuple[int, int]]:
    """A run cut into people: two words each ("Темирлана Енсебека Жанар Балгабаева"), three with
    a patronymic ("Марат Ержанович Исаев"), a particle staying with its word ("Тажибек кызы")."""
    while stop - first > 2 and kinds[first] in _DOUBTFUL_KINDS:
        first += 1
    while stop - first > 2 and kinds[stop - 1] in _DOUBTFUL_KINDS:
        stop -= 1
    groups: list[list[int]] = []
    for k in range(first, stop):
        if kinds[k] == "particle" and groups:
            groups[-1].append(k)
        else:
            groups.append([k])
    names = []
    g = 0
    while g < len(groups):
        size = 3 if g + 2 < len(groups) and _is_patronymic(tokens[groups[g + 1][0]].lower) else 2
        if len(groups) - g == 3 and size == 2 and not any(len(x) > 1 for x in groups):
            size = 3  # "Иван Петрович Сидоров" unknown to pymorphy3: one person
        chunk = groups[g : g + size]
        names.append((chunk[0][0], chunk[-1][-1] + 1))
        g += size
    return names


def _is_patronymic(low: str) -> bool:
    return any("Patr" in p.tag for p in parses(low)) or bool(re.search(r"(?:вич|вна)\w{0,3}$", low))


def _is_name(tokens: Sequence[Word], kinds: list[str | None], first: int, stop: int, initials: bool) -> bool:
    """The run is a person's name: not a place, an institution or a lone guessed word."""
    count = stop - first
    if count == 0 or count > 4 or kinds[first] == "particle":
        return False
    words = [tokens[k].lower for k in range(first, stop) if kinds[k] != "particle"]
    # A surname's ending, or a patronymic word ("Талант кызы": the word before it is a name).
    surname = any(_SURNAME_SHAPE.match(w) or _turkic_surname(w) for w in words) or any(
        kinds[k] == "particle" for k in range(first, stop)
    )
    before = tokens[first - 1].lemma if first > 0 else ""
    if before in _NOT_A_PERSON_BEFORE and not surname:
        return False  # "улица Абая", "партии Нур Отан"; not "фотограф газеты Тимур Ахметов"
    if not surname and not any(_word_kind(w, False) == "person" for w in words):
        return False
    if any(kinds[k] in _DOUBTFUL_KINDS for k in range(first, stop)) and (count == 1 or not surname):
        return False  # "Канат" alone, "Зара" as a place: only beside a surname
    if count == 1 and not initials:
        following = tokens[stop].lower if stop < len(tokens) else ""
        if following in _NOT_A_PERSON_AFTER or _lemma_is(following, _NOT_A_PERSON_AFTER):
            return False
        if _place_like(tokens, first) or before in _SETTLEMENT_BEFORE:
            return False
    return True


_DAUGHTER = frozenset({"кызы", "қызы", "гызы"})


def _turkic_surname(low: str) -> bool:
    """ "Гасанлы", "Бабалы", "Гасанли": an Azerbaijani surname in "-лы"/"-ли" pymorphy3 does not know."""
    return len(low) >= 6 and low.endswith(("лы", "ли")) and not is_known(low)


def _place_like(tokens: Sequence[Word], k: int) -> bool:
    """A lone word after "в"/"из" ("в Грозном") or one pymorphy3 reads as a place as often as not."""
    if k > 0 and tokens[k - 1].lower in ("в", "во", "из", "изо"):
        return True
    return float(sum(p.score for p in parses(tokens[k].lower) if "Geox" in p.tag)) >= 0.3


def _place_after_preposition(tokens: Sequence[Word], k: int) -> bool:
    """A word after "в"/"из" that pymorphy3 reads as a place as often as not."""
    return (
        k > 0
        and tokens[k - 1].lower in ("в", "во", "из", "изо")
        and float(sum(p.score for p in parses(tokens[k].lower) if "Geox" in p.tag)) >= 0.5
    )


def _indeclinable(low: str) -> bool:
    named = [p for p in parses(low) if is_person(p)]
    return bool(named) and all("Fixd" in p.tag for p in named)


def _lemma_is(low: str, lemmas: frozenset[str]) -> bool:
    return bool(low) and parses(low)[0].normal_form in lemmas


def _agreement(tokens: Sequence[Word], first: int, stop: int, words: list[str]) -> dict[Reading, float] | None:
    """The cases and genders all the name's words can share, weighed, the sentence favouring some:
    a preposition or a word in apposition before the name, a past-tense verb agreeing after it."""
    scores: dict[Reading, float] | None = None
    given = False  # a word before is a given name pymorphy3 knows
    for word in words:
        own = _readings(word)
        if not own:
            continue  # an indeclinable or unknown word ("Бейсенбайтегі") says nothing
        if scores is None:
            scores = dict(own)
        else:
            shared = {r: scores[r] + s for r, s in own.items() if r in scores}
            if not shared and given and not is_known(word) and not _SURNAME_SHAPE.match(word):
                continue  # "Антона Броусека": pymorphy3's guess at an unknown surname says nothing
            if not shared and _indeclinable(word) and _indeclinable(words[0]):
                # "Ульви Гасанли": foreign names that do not decline; pymorphy3's genders for them
                # are guesses, the surname's is kept.
                cases = {c for c, _ in scores}
                shared = {r: s for r, s in own.items() if r[0] in cases}
            if not shared and not any(map(_SURNAME_SHAPE.match, words)):
                return None  # words in no common case are not one name ("на заседании Жогорку Кенеша")
            scores = shared or (dict(own) if _SURNAME_SHAPE.match(word) else scores)
        given = given or (is_known(word) and any(is_person(p) for p in parses(word)[:1]))
    if not scores:
        return {}
    for reading, weight in _context(tokens, first, stop).items():
        if reading in scores:
            scores[reading] *= weight
    return scores


@functools.lru_cache(maxsize=16384)
def _readings(low: str) -> dict[Reading, float]:
    """Case and gender of a name word's singular readings, with pymorphy3's confidence; a word
    read only as a common noun gives its noun readings, at half weight.

    A given name ending in a consonant ("Акмарал", "Канат") is a man's only in the nominative
    (his other cases add an ending: "Каната") and may be a woman's in any case (hers does not
    decline): so "Акмарал Джакибаева" is a woman, whatever pymorphy3 guesses of "Акмарал".
    """
    result: dict[Reading, float] = {}
    readings = [p for p in parses(low) if p.tag.number != "plur" and p.tag.case]
    named = [p for p in readings if is_person(p)]
    for p, weight in [(p, 1.0) for p in named] or [(p, 0.5) for p in readings if p.tag.POS == "NOUN"]:
        genders = (p.tag.gender,) if p.tag.gender in ("masc", "femn") else ("masc", "femn")
        for gender in genders:
            key = (CASES.get(str(p.tag.case), str(p.tag.case)), gender)
            result[key] = result.get(key, 0.0) + p.score * weight
    if named and low[-1] in "еиоуэю" and not any(p.tag.case == "nomn" for p in named):
        # "Сауле" read only as a man's locative: a name in such a vowel may not decline at all.
        for case in set(CASES.values()):
            for gender in ("masc", "femn"):
                result[(case, gender)] = result.get((case, gender), 0.0) + 0.05
    if _CONSONANT_END.search(low) and not _SURNAME_SHAPE.match(low):
        masc = sum(v for (_, gender), v in result.items() if gender == "masc")
        result = {r: v for r, v in result.items() if r[1] == "femn"}
        result[("nomn", "masc")] = max(masc, 0.2)
        for case in CASES.values():
            result[(case, "femn")] = max(result.get((case, "femn"), 0.0), 0.1)
    if not named and _surname_ending(low) != "-":
        # "Кириллова" read only as a town's genitive: a surname's ending says its other readings.
        for reading, weight in _SURNAME_FORMS.get(_surname_ending(low), ()):
            result[reading] = result.get(reading, 0.0) + weight
    if not result and _SURNAME_SHAPE.match(low):
        # "Кременчугская", "Вишневского": a surname of an adjective's form declines as one.
        for p in readings:
            if p.tag.POS == "ADJF" and p.tag.gender in ("masc", "femn"):
                key = (CASES.get(str(p.tag.case), str(p.tag.case)), str(p.tag.gender))
                result[key] = result.get(key, 0.0) + p.score * 0.5
    if not result:
        result = dict(_SURNAME_FORMS.get(_surname_ending(low), ()))
    return result


def _womans_nominative(tokens: Sequence[Word], first: int, stop: int, neighbours: list[dict[Reading, float]]) -> bool:
    """ "Таслима Рамазанова — 10 суток", "Людмила Захаркина, Феруза Ашурова": a given name pymorphy3 reads
    only as a man's genitive ("Феруз") is a woman's nominative before a term or a nominative neighbour."""
    given = tokens[first].lower
    shaped = stop - first == 2 and given[-1] in "ая" and not _SURNAME_SHAPE.match(given)  # before the readings
    named = [p for p in parses(given) if is_person(p) and p.tag.number != "plur"] if shaped else []
    if not named or any(p.tag.gender != "masc" or p.tag.case == "nomn" for p in named):
        return False
    after_dash = stop + 1 < len(tokens) and tokens[stop].text in ("—", "–") and _term_follows(tokens, stop + 1)
    listed = after_dash or any(neighbour and {case for case, _ in neighbour} == {"nomn"} for neighbour in neighbours)
    return listed and ("nomn", "femn") in _readings(tokens[stop - 1].lower)


# A surname in "-ов"/"-ин" pymorphy3 reads only as a plural ("Рословцев"): its ending says.
_SURNAME_FORMS: dict[str, tuple[tuple[Reading, float], ...]] = {
    "": ((("nomn", "masc"), 1.0),),
    "а": ((("gent", "masc"), 0.5), (("accs", "masc"), 0.5), (("nomn", "femn"), 0.5)),
    "у": ((("datv", "masc"), 0.5), (("accs", "femn"), 0.5)),
    "ым": ((("ablt", "masc"), 1.0),),
    "ой": ((("gent", "femn"), 0.3), (("datv", "femn"), 0.3), (("ablt", "femn"), 0.3), (("loct", "femn"), 0.3)),
    "е": ((("loct", "masc"), 1.0),),
}


def _term_follows(tokens: Sequence[Word], k: int) -> bool:
    """A number and a unit of time after a dash ("— 10 суток ареста"), not an apposition ("— активиста")."""
    window = [t.lower for t in tokens[k : k + 3]]
    return (
        bool(window)
        and (window[0].isdigit() or window[0] in _NUMBER_WORDS)
        and any(w.startswith(_UNITS) for w in window[1:])
    )


_NUMBER_WORDS = frozenset({"двое", "трое", "пять", "семь", "восемь", "десять", "пятнадцать", "двадцать", "тридцать"})
_UNITS = ("сут", "дн", "ден", "недел", "месяц", "год", "лет")


def _surname_ending(low: str) -> str:
    match = re.search(r"\w{2,}(?:[оеё]в|[иы]н)(а|у|ым|ой|е)?$", low)
    return match.group(1) or "" if match else "-"


_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщй]$")


def _context(tokens: Sequence[Word], first: int, stop: int) -> dict[Reading, float]:
    """Readings the neighbours of a name favour, with a weight for each."""
    weights: dict[Reading, float] = {}
    while first > 1 and re.fullmatch(r"[А-ЯЁ]{2,}", tokens[first - 1].text):
        first -= 1  # "сопредседателя ДПК Ерлана Омарова": the role noun is before the party's letters
    before = tokens[first - 1].lower if first > 0 else ""
    for case in _PREPOSITION_CASES.get(before, ()):
        for gender in ("masc", "femn"):
            weights[(case, gender)] = 4.0
    if before and not weights and re.fullmatch(r"[а-яё-]+", before):
        for p in parses(before):
            if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case and p.score >= 0.1:
                if p.tag.POS == "NOUN" and "anim" not in p.tag:
                    continue
                # A man's role noun names women too; a plural one ("активистов") only its case.
                # "коллеги", "судьи": a noun of common gender names either too.
                mixed = (
                    p.tag.number == "plur"
                    or (p.tag.POS == "NOUN" and p.tag.gender == "masc")
                    or p.tag.gender not in ("masc", "femn", "neut")
                )
                genders = ("masc", "femn") if mixed else (p.tag.gender,)
                for gender in genders:
                    weights[(str(p.tag.case), str(gender))] = 3.0
    if before and re.fullmatch(r"[а-яё]+", before):
        for p in parses(before)[:1]:
            if (p.tag.POS == "PRTS" or (p.tag.POS == "VERB" and "intr" in p.tag)) and p.tag.gender in ("masc", "femn"):
                weights[("nomn", str(p.tag.gender))] = 3.0  # "была задержана Акмарал Джакибаева"
            elif p.tag.POS == "VERB" and "tran" in p.tag and p.tag.mood == "indc":
                for gender in ("masc", "femn"):
                    weights[("accs", gender)] = 6.0  # "суд арестовал Ерлана Сапарова": its object
    if before and re.fullmatch(r"[а-яё]+", before):
        for p in parses(before)[:1]:
            if p.tag.POS in ("PRTS", "VERB") and p.tag.number == "plur" and "pssv" in p.tag:
                for gender in ("masc", "femn"):
                    weights[("nomn", gender)] = 3.0  # "были задержаны Дарья Кириллова, …"
    after = tokens[stop].lower if stop < len(tokens) else ""
    if after in ("—", "–") and _term_follows(tokens, stop + 1):
        for gender in ("masc", "femn"):
            weights[("nomn", gender)] = max(weights.get(("nomn", gender), 0.0), 3.0)  # "X — 10 суток ареста"
    if after and re.fullmatch(r"[а-яё]+", after):
        for p in parses(after)[:2]:
            if p.tag.POS in ("VERB", "PRTS") and p.tag.number == "sing" and p.tag.gender in ("masc", "femn"):
                weights[("nomn", str(p.tag.gender))] = 3.0
    return weights
