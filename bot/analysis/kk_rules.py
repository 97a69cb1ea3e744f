"""Arrest rules for Kazakh reports (Cyrillic; Latin-script Kazakh is transliterated first).

No Kazakh morphology ships offline, so the rules match the stems of :mod:`packs.kk
<bot.analysis.packs.kk>`: Kazakh adds its suffixes to an unchanged stem. The stages are the
pipeline's: sentences → custody clauses (cues that are not denied, hypothetical, released,
fines or restricted freedom) → candidate people (capitalised words with a name's shape or
a role before them, bystanders left out) → names normalised (case suffixes removed, with
vowel harmony) → terms (each person's own, a group's shared one) → decision with reasons.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.analysis import organisations
from bot.analysis.packs import kk as pack
from bot.analysis.prepass import stems_automaton, stems_regex
from bot.analysis.text import normalise
from bot.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.analysis.ru_terms import Term, find_terms
from bot.analysis.ru_text import (
    evidence_text,
    find_charge,
    find_date,
    find_place,
    keywords_for,
    matched_keyword,
    watchlist_hits,
)

if TYPE_CHECKING:
    from bot.analysis.kk_latin import Transliteration

_ROLE_NOUNS = pack.with_plain(pack.ROLE_NOUNS)
_BYSTANDER_ROLES = pack.with_plain(pack.BYSTANDER_ROLES + pack.KIN_ROLES)
_KIN_ROLES = pack.with_plain(pack.KIN_ROLES)
# "Әсел", "Асел" (Russian letters only) and the skeleton of Latin or Arabic script.
_GIVEN_NAMES = frozenset(n.capitalize() for n in pack.with_plain(tuple(n.lower() for n in pack.GIVEN_NAMES)))
_OBJECT_CASES = frozenset(pack.with_plain(("ды", "ді", "ты", "ті", "ны", "ні", "н", "ға", "ге", "қа", "ке")))
_SPEAKER_STEMS = pack.with_plain(pack.SPEAKER_STEMS)
_NOT_PERSON_AFTER = pack.with_plain(pack.NOT_PERSON_AFTER)
_NOT_NAME_WORDS = frozenset(pack.with_plain(tuple(pack.NOT_NAME_WORDS)))
# "Абай даңғылы", "Жаңа Қазақстан партиясының": the noun with its possessive ending, not
# any word that begins like it ("қалалық" is an adjective, "Әлиді қалалық соттан…").
_NOT_PERSON_AFTER_RE = re.compile(
    "(?:" + "|".join(re.escape(s) for s in sorted(_NOT_PERSON_AFTER, key=len, reverse=True)) + r")(?:с?[ыіи]\w*)?$")
_GENITIVE = frozenset(pack.with_plain(("ның", "нің", "дың", "дің", "тың", "тің")))
_PATRONYMIC_ENDINGS = pack.with_plain(tuple(pack.PATRONYMIC_WORDS))
_SURNAME_ENDINGS = pack.with_plain(pack.SURNAME_ENDINGS)
_PATRONYMIC_WORDS = frozenset(pack.with_plain(tuple(pack.PATRONYMIC_WORDS)))
_CASE_SUFFIXES = tuple(dict.fromkeys(
    [(s, v) for s, v in pack.CASE_SUFFIXES] + [(pack.skeleton(s), None) for s, _ in pack.CASE_SUFFIXES]))
_AMBIGUOUS_SUFFIXES = frozenset(pack.with_plain(tuple(pack.AMBIGUOUS_SUFFIXES)))


def _stem_regex(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Stems of the pack (and their other spellings), each at the start of a word.

    A trie (:mod:`bot.analysis.prepass`): the match is the shortest stem found, which is
    all the rules use it for (whether, where, and which stem for the reasons)."""
    return stems_regex(pack.with_plain(stems), word_start=True)


CUSTODY_RE = _stem_regex(pack.CUSTODY_STEMS)
SENTENCE_RE = _stem_regex(pack.SENTENCE_STEMS)
NEGATED_RE = _stem_regex(pack.NEGATED_STEMS)
HYPOTHETICAL_RE = _stem_regex(pack.HYPOTHETICAL_STEMS)
RELEASE_RE = _stem_regex(pack.RELEASE_STEMS)
DEMAND_RE = _stem_regex(pack.DEMAND_STEMS)
FINE_RE = _stem_regex(pack.FINE_STEMS)
RESTRICTED_RE = _stem_regex(pack.RESTRICTED_STEMS)
SUMMONS_RE = _stem_regex(pack.SUMMONS_STEMS)
CIVIC_STRONG_RE = _stem_regex(pack.CIVIC_STRONG_STEMS)
CIVIC_WEAK_RE = _stem_regex(pack.CIVIC_WEAK_STEMS)
TOLD_PRESS_RE = _stem_regex(pack.TOLD_THE_PRESS_STEMS)
NOT_CIVIC_RE = _stem_regex(pack.NOT_CIVIC_STEMS)
CRIME_RE = {kind: _stem_regex(stems) for kind, stems in pack.CRIME_STEMS.items()}
# Any crime word at all: one pass before the kinds are told apart (most text has none).
CRIME_ANY_RE = _stem_regex(tuple(s for stems in pack.CRIME_STEMS.values() for s in stems))
PERSECUTION_RE = _stem_regex(pack.PERSECUTION_STEMS)
BACKGROUND_RE = _stem_regex(pack.BACKGROUND_STEMS)
PROTEST_RE = _stem_regex(pack.PROTEST_STEMS)
COUNT_RE = re.compile(r"\d+\s+(?:адам|белсенді|журналист|тұрғын|қатысушы)|" + _stem_regex(pack.COUNT_STEMS).pattern)
AGAIN_RE = re.compile(r"(?<![\w])(?:қайта|тағы да|тағы|қайтадан|снова)(?![\w])")
# The pre-pass: a report with none of the custody or sentencing stems is not looked at.
STATE_RE = _stem_regex(pack.STATE_STEMS)
POLICE_RE = _stem_regex(pack.POLICE_STEMS)
TAKEN_AWAY_RE = _stem_regex(pack.TAKEN_AWAY_STEMS)
DAYS_RE = _stem_regex(pack.DAY_UNIT_STEMS)
PREPASS_RE = stems_automaton(pack.with_plain(
    pack.CUSTODY_STEMS + pack.SENTENCE_STEMS + pack.DAY_UNIT_STEMS + pack.TAKEN_AWAY_STEMS))

# Sentence ends, but not after an initial ("Ж. Сапар").
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])(?<![\s«\"(][А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.)[\"»”]?\s+|\n+")
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_CLAUSE_BREAK = {";", "ал", "алайда", "бірақ", "ал,"}
_CAPITALISED = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі'’-]+$")
_PRONOUN_GROUP = re.compile(r"(?<![\w])(?:олар|оларды|оларға|екеуі|екеуін|екеуіне|үшеуі|үшеуін|барлығы|барлығын|бәрі|бәрін)(?![\w])")
_PRONOUN_ONE = re.compile(r"(?<![\w])(?:ол|оны|оған|оның|өзі|өзін)(?![\w])")


@dataclass
class Person:
    """A candidate detainee in one sentence: the name as normalised, its token span."""

    name: str
    start: int
    stop: int
    term: str | None = None


@dataclass
class Clause:
    """What the rules found in one sentence."""

    text: str
    low: str
    tokens: list[str]
    cues: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    released: bool = False
    penalty_only: bool = False
    people: list[Person] = field(default_factory=list)
    states: int = 0  # cues that are custody as a state ("қамауда"), not an act


def analyze_kazakh(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse a Kazakh report: custody stems + civic context − ordinary crime."""
    full = f"{title}\n{text}"
    low = full.lower()
    protest = bool(PROTEST_RE.search(low))
    excluded = matched_keyword(low, keywords_for(rules.exclude_keywords, "kk"))
    watched = watchlist_hits(full, rules.watchlist)
    custody_extra = keywords_for(rules.extra_keywords, "kk")
    if not PREPASS_RE.search(low) and not matched_keyword(low, custody_extra) and not watched:
        reasons = ("no custody vocabulary",) + ((f"excluded:{excluded}",) if excluded else ())
        return Analysis(arrest=False, protest=protest, lang="kk", reasons=reasons)

    full = normalise(full)
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(full) if s and s.strip()]
    # The movements and parties of the data list (or [rules]) count as the operators' civic words do.
    org_re = organisations.pattern(organisations.names_for(rules))
    civic_extra = keywords_for(rules.civic_keywords, "kk") + tuple(dict.fromkeys(org_re.findall(low)))
    clauses = [_clause(s, custody_extra) for s in sentences]
    known_words = _known_words(full)
    for n, clause in enumerate(clauses):
        if clause.cues:
            clause.people = _people(clause, known_words)
        elif n and clauses[n - 1].cues and _AMONG.search(clause.low):
            # "Полиция бірнеше белсендіні ұстады. Олардың арасында X, Y бар": the people
            # listed among those just reported held are the detainees.
            clause.people = _people(clause, known_words)
            clause.cues = ["among the detained"]
    for n, clause in enumerate(clauses):
        if n and clause.cues and not clause.people and not clauses[n - 1].cues:
            clause.people = _antecedents(clause, clauses[n - 1], known_words)
        clause.people = [p for p in clause.people if not _spared(clause, p)]
    _resolve_short_names(clauses, full)

    doc_strong = _civic_strong(low, civic_extra)
    doc_weak = [m.group(0) for m in CIVIC_WEAK_RE.finditer(low)]
    doc_crime = _crimes(low)
    persecution = bool(PERSECUTION_RE.search(low))
    title_low = sentences[0].lower() if title.strip() and sentences else ""
    best = (0.0, -1, ["no custody in context"])
    only_states = all(c.states == len(c.cues) for c in clauses if c.cues) and not any(c.terms for c in clauses)
    for n, clause in enumerate(clauses):
        if not clause.cues:
            continue
        near_low = " ".join(c.low for c in clauses[max(0, n - 1):n + 2]) + "\n" + title_low
        strong = _civic_strong(near_low, civic_extra)
        weak = [m.group(0) for m in CIVIC_WEAK_RE.finditer(near_low)]
        crime = _crimes(near_low) if doc_crime else []
        score = 0.35
        if strong:
            score += 0.3
        elif doc_strong:
            score += 0.2
        # Weak words alone ("әлеуметтік желі", "жалған ақпарат") also fill ordinary crime news.
        if clause.people or clause.terms or COUNT_RE.search(clause.low):
            score += 0.1
        crime_penalty = 0.35 if crime else 0.15 if doc_crime else 0.0
        if persecution:
            crime_penalty = min(crime_penalty, 0.1)
        score -= crime_penalty
        if only_states:
            score -= 0.3  # "қамауда отыр": held, but no detention is reported
        background = BACKGROUND_RE.search(clause.low) or _WHOLE_YEAR.search(clause.low)
        if background and not clause.people:
            score -= 0.3
        if score > best[0]:
            reasons = [f"custody:{c}" for c in clause.cues]
            reasons += [f"civic:{c}" for c in (strong or doc_strong or weak or doc_weak)]
            reasons += [f"negative:{c}" for c in (crime or doc_crime)]
            if background and not clause.people:
                reasons.append(f"negative:background ({background.group(0)})")
            if only_states:
                reasons.append("weak:custody only as a state")
            best = (score, n, reasons)
    score, best_index, reasons = best
    reasons = list(reasons)
    if best_index < 0:
        if any(c.released for c in clauses) or RELEASE_RE.search(low):
            reasons.append("negative:release")
        elif any(c.penalty_only for c in clauses) or FINE_RE.search(low) or RESTRICTED_RE.search(low):
            reasons.append("negative:no custody (fine/restricted)")
    watched_in_custody = [
        name for name in watched if any(c.cues and watchlist_hits(c.text, (name,)) for c in clauses)
    ]
    if watched_in_custody:
        score = max(score, 0.8)
        reasons += [f"watchlist:{name}" for name in watched_in_custody]
    if excluded:
        score = 0.0
        reasons.append(f"excluded:{excluded}")
    score = round(max(0.0, min(1.0, score)), 3)  # the contract: arrest exactly when score ≥ 0.5
    arrest = score >= ARREST_THRESHOLD
    detainees: list[Detainee] = []
    if score >= REVIEW_FLOOR:  # doubtful reports keep their people for the operator
        detainees = _detainees(clauses)
        for name in watched_in_custody:
            if all(not d.name.startswith(name.split()[0]) for d in detainees):
                detainees.append(Detainee(name=name))
    evidence = clauses[best_index].text if best_index >= 0 else ""
    return Analysis(
        arrest=arrest,
        protest=protest,
        detainees=tuple(detainees),
        lang="kk",
        place=find_place(evidence) or (find_place(full) if arrest else None),
        detained_on=find_date(evidence),
        charge=find_charge(evidence) or (find_charge(full) if arrest else None),
        evidence=(evidence_text(evidence),) if evidence else (),
        score=score,
        reasons=tuple(dict.fromkeys(reasons)),
    )


# -- custody clauses -------------------------------------------------------------------


def _clause(sentence: str, custody_extra: tuple[str, ...]) -> Clause:
    low = sentence.lower()
    tokens = _TOKEN.findall(sentence)
    clause = Clause(sentence, low, tokens)
    cues = [m for m in CUSTODY_RE.finditer(low)]
    if not cues and POLICE_RE.search(low):
        # "Белсендіні полиция алып кетті": taken away, by the police.
        cues = [m for m in TAKEN_AWAY_RE.finditer(low)]
    extra = [k for k in custody_extra if k.lower() in low]
    if not cues and not extra and not SENTENCE_RE.search(low) and not DAYS_RE.search(low):
        # Most sentences: no custody word, so nothing else here can matter (a release or a
        # fine is looked for over the whole text when no custody is found at all).
        return clause
    terms = find_terms(tokens, "kk")
    clause.terms = terms
    sentenced = [m for m in SENTENCE_RE.finditer(low)]
    # "Белсендіге 15 тәулік берілді": a term in days is administrative arrest on its own.
    if any(t.value.endswith(("day", "days")) for t in terms):
        cues += [m for m in DAYS_RE.finditer(low) if not _describes(low, m)]
    restricted = RESTRICTED_RE.search(low)
    fined = FINE_RE.search(low)
    deprivation = _DEPRIVATION.search(low)
    if sentenced and (terms or deprivation) and not (restricted and not deprivation):
        cues += sentenced
    if NEGATED_RE.search(low) and len(cues) <= 1:
        cues = []
    # "қамауға алынған жоқ", "қамауға алынбады": denied by the word after.
    cues = [m for m in cues if not _NEGATED_AFTER.match(low, m.end()) and not _NO_NEWS_AFTER.match(low, m.end())]
    # "қамалуы мүмкін", "ұстау туралы өтініш": the modal or request follows the custody word.
    cues = [m for m in cues if terms or not HYPOTHETICAL_RE.search(low, m.end(), m.end() + 30)]
    # "бас бостандығынан айырылуы мүмкін": a modal on the custody word itself, term or none.
    cues = [m for m in cues if not _MODAL_AFTER.match(low, m.end())]
    # "10 тәулік қамақ сұралған", "қамауға алуды сұрады": custody asked for, not given.
    cues = [m for m in cues if not _ASKED_AFTER.match(low, m.end())]
    if sentenced and _PROSECUTOR.search(low) and _REQUEST.search(low):
        # "Прокурор оны 8 жылға соттауды сұрады": a sentence asked for, not given.
        cues = [m for m in cues if not SENTENCE_RE.match(low, m.start())]
    # "қамауда отырған туыстары": custody as a state describing someone else's relatives,
    # friends or fellow believers is background, not an event.
    cues = [m for m in cues if not _held_attributive(low, m)]
    # "15 тәулікке дейін қамауға алу": a maximum penalty, not a term served.
    cues = [m for m in cues if not _UP_TO.search(low, max(0, m.start() - 12), m.start())]
    # "15 тәулікке қамалған белсенді … шақырылды": a participle describing someone is background.
    cues = [m for m in cues if not _attributive(low, m)]
    release = RELEASE_RE.search(low)
    if release and not DEMAND_RE.search(low[max(0, release.start() - 40):release.end() + 40]):
        clause.released = True
        if AGAIN_RE.search(low):
            cues = [m for m in cues if m.start() > release.start()]
        else:
            # "516 адам ұсталған, олардың кейбірі босатылған": custody in a clause of its
            # own before a partial release stands.
            # "Полиция оларды ұстады, бірақ кейін босатты": a detention told, then its end
            # (even hours of custody count), unlike "15 тәулік қамақтан кейін босатылды".
            cues = [m for m in cues if m.end() < release.start() and "," in low[m.end():release.start()]
                    and (_PARTIAL.search(low, m.end(), release.start()) or _LATER.search(low, m.end(), release.start()))
                    and not STATE_RE.match(low, m.start())]
    if (fined or restricted) and not deprivation and not terms:
        # A fine or restricted freedom with custody words only as "instead of arrest".
        clause.penalty_only = True
        cues = [m for m in cues if not SENTENCE_RE.match(low, m.start())]
        if fined and not any(m.group(0).startswith(("қамал", "қамауға", "ұсталд", "ұстады")) for m in cues):
            cues = []
    clause.states = sum(1 for m in cues if STATE_RE.match(low, m.start()))
    clause.cues = [m.group(0) for m in cues] + [f"extra:{k}" for k in extra]
    if not clause.cues:
        clause.terms = []
    return clause


_SAID = frozenset(pack.with_plain(("деді", "дейді", "айтты", "мәлімдеді", "хабарлады", "жазды")))
_DEPRIVATION = re.compile(r"бас бостандығынан айыр|колония|түрме|абақты|бас бостандыгынан айыр|турме")
_NEGATED_AFTER = re.compile(
    r"\w*(?:\s+\w+)?\s+(?:жоқ|жок)(?!\w)|\w*\s+\w+(?:ма|ме|ба|бе|па|пе)(?:ды|ді|ди|ған|ген|ган|й|с)(?!\w)")
# "Ұсталғандар туралы ақпарат жоқ": no news of anyone held.
_NO_NEWS_AFTER = re.compile(
    r"\w*\s+(?:туралы|турали|жайлы|жаили|жөнінде|жонинде)\s+(?:\w+\s+)?(?:ақпарат|акпарат|мәлімет|малимет|дерек|хабар)\w*"
    r"\s+(?:\w+\s+)?(?:жоқ|жок)(?!\w)")
_AMONG = re.compile(r"(?<![\w])(?:олардың |олардин |олардын )?(?:арасында|қатарында|арасинда|катаринда|ішінде|ишинде)(?![\w])")
_UP_TO = re.compile(r"(?:дейін|деиин)\s*$")
_LATER = re.compile(r"[,;]\s*(?:(?:бірақ|бирак|алайда|алаида|ал)\s+)?(?:[\w-]+\s+){0,3}(?:кейін|кеиин|соң|сон|соңынан|соныннан|артынан)(?![\w])")
_PARTIAL = re.compile(r"(?<![\w])(?:кейбір|бірқатар|бір бөлігі|көбі|біразы|бірнешеуі|кейбіреу|некоторы|часть)")
# Words after a participle that make it a finite statement ("ұсталған жоқ", "ұсталған еді").
_AUXILIARY = re.compile(r"\s*(?:[,.;:!?»\"”)]|$|жоқ|еді|екен|болатын|болды|болып|деп|деген|дейді|делінген|көрінеді|сияқты|және|—|-)")


# "2024 жылы елде 40 белсенді ұсталған": a count over a whole year (not a date: "2026
# жылы 5 қаңтарда").
_WHOLE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\s+(?:жылы|жили|жыл ішінде|жил ишинде)(?!\w)(?!\s+\d)")
# A modal or an obligation right after the custody word: "қамалуы мүмкін", "айырылуы ықтимал".
_MODAL_AFTER = re.compile(r"\w*\s+(?:\w+\s+)?(?:мүмкін|мумкин|ықтимал|иктимал|қаупі|каупи|қатері|катери)(?!\w)")
_ASKED_AFTER = re.compile(r"\w*\s+(?:\w+\s+){0,2}(?:сұра|сура|талап ет)")
_PROSECUTOR = re.compile(r"(?<![\w])(?:прокурор|айыптаушы|аиыптауши|мемлекеттік айыптау)")
_REQUEST = re.compile(r"(?<![\w])(?:сұра|сура|талап ет|ұсын|усын)")
# Locative state words ("қамауда", "түрмеде") and the participles of being that make them
# describe a noun ("қамауда отырған інісі", "түрмеде жатқан ұлы").
_HELD_LOCATIVE = re.compile(r"\w*(?:да|де|та|те|дағы|дегі|тағы|тегі)\s+(?:отырған|жатқан|жүрген|отирган|жаткан|журген)")


_KIN = re.compile(r"\s+(?:[\w-]+\s+)?(?:туыс|туис|ағас|агас|ін[іи]с|инис|бауыр|бауир|жақын|жакин|әкес|акес|анас|ұлы|ули|ұлда|улда|қыз|киз|жұбай|жубаи|күйеу|куиеу|әйел|аиел|отбасы|отбаси)")


def _held_attributive(low: str, match: re.Match[str]) -> bool:
    """"қамауда отырған туыстарын": a held-state participle describing someone's kin, the
    people a protest or an appeal is about, not a detention of its own."""
    found = _HELD_LOCATIVE.match(low, match.start())
    return found is not None and bool(_KIN.match(low, found.end()))


def _describes(low: str, match: re.Match[str]) -> bool:
    """A term inside a description: "15 тәулікке қамалған белсенді" (the next word is an
    attributive custody participle)."""
    after = re.match(r"\w*\s+", low[match.start():])
    if after is None:
        return False
    following = CUSTODY_RE.match(low, match.start() + after.end())
    return following is not None and _attributive(low, following)


def _attributive(low: str, match: re.Match[str]) -> bool:
    """A custody participle that describes the noun after it ("-ған/-ген"), or one that
    tells of what happens habitually or will happen ("-атын/-етін")."""
    end = word_end = _word_end(low, match.end())
    # "ұстап алып кететін": a converb ("-ып", "-іп", "-п") is not the verb's last word.
    for _ in range(2):
        following = re.match(r"\s+\w+", low[end:]) if low[:end].endswith(("п", "ып", "іп")) else None
        if following is None:
            break
        end += following.end()
    if low[match.start():end].endswith(("атын", "етін", "йтын", "йтін", "атин", "етин", "итин")):
        return True  # "ұстап алып кететін …": a habitual or future participle, no event
    if not low[match.start():word_end].endswith(("ған", "ген", "қан", "кен")):
        return False
    if _RECENT_BEFORE.search(low, max(0, match.start() - 40), match.start()):
        return False  # "кеше ұсталған белсенді …": a detention of yesterday is news
    return not _AUXILIARY.match(low, word_end)


# Time words that make a describing participle news: "кеше ұсталған", "бүгін таңертең қамалған".
_RECENT_BEFORE = re.compile(
    r"(?<![\w])(?:кеше|бүгін|бугин|таңертең|танертен|түнде|тунде|жақында|жакинда|бірнеше күн бұрын|"
    r"бирнеше кун бурин|осы аптада)(?![\w])[^.!?]{0,30}$")


def _word_end(low: str, end: int) -> int:
    """The end of the word ``low[end - 1]`` belongs to."""
    while end < len(low) and low[end].isalpha():
        end += 1
    return end


def _civic_strong(low: str, extra: tuple[str, ...]) -> list[str]:
    """Strong civic words of ``low``, less the press as an audience or a byline
    ("журналистерге айтты", "деп хабарлайды … тілшісі")."""
    audience = [(m.start(), m.end()) for m in TOLD_PRESS_RE.finditer(low)]
    audience += [(m.start(), m.end()) for m in NOT_CIVIC_RE.finditer(low)]
    audience += [m.span(1) if m.group(1) else m.span(2) for m in _BYLINE.finditer(low)]
    found = [m.group(0).strip() for m in CIVIC_STRONG_RE.finditer(low)
             if not any(a <= m.start() < b for a, b in audience)]
    found += [k for k in extra if k.lower() in low]
    return sorted(set(found))


_BYLINE = re.compile(
    r"(?:хабарлайды|хабарлады|жазады|деп)\s+(?:[\w.«»\"-]+\s+){0,3}((?:тілшісі|тілшілері|журналисі)\w*)"
    r"|((?:тілшісі|тілшілері)\w*)\s+(?:\S+\s+){0,3}сілтеме")


# -- candidate people ------------------------------------------------------------------


def _known_words(text: str) -> frozenset[str]:
    """Capitalised words as the text writes them: a stem seen bare elsewhere is a name."""
    return frozenset(w for w in re.findall(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+", text))


def _people(clause: Clause, known: frozenset[str]) -> list[Person]:
    """People of a custody sentence: runs of capitalised words with a name's shape."""
    tokens = clause.tokens
    found: list[Person] = []
    unshaped: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and j - i < 3 and _is_name_word(tokens[j]):
            j += 1
        words = tokens[i:j]
        # Sentence-initial role or institution words are capitalised too; a bystander's
        # role there ("Судья Бекзат Оспанов…") makes the name a bystander's.
        bystander = False
        # A role noun is capitalised only where a sentence starts: "Азамат" mid-sentence is a name.
        while words and (_not_name(words[0]) or (_sentence_start(tokens, i) and _role_word(words[0], _ROLE_NOUNS, 4))
                         or _role_word(words[0], _BYSTANDER_ROLES, 2)):
            bystander = bystander or _role_word(words[0], _BYSTANDER_ROLES, 2)
            words, i = words[1:], i + 1
        if bystander:
            i = max(j, i + 1)
            continue
        stop = j
        # "Қайрат Әбдірахманов Мәскеуде": a place (or any word in the locative) after a
        # surname is where it happened, not the third word of the name.
        while len(words) >= 2 and (_not_name(words[-1]) or (
                _LOCATIVE_END.search(words[-1]) and not _surname_shape(words[-1]) and _surname_shape(words[-2]))):
            words, stop = words[:-1], stop - 1
        if stop < len(tokens) and _patronymic(tokens[stop]):
            words = words + [tokens[stop]]
            stop += 1
        if words:
            person = _person(words, tokens, i, stop, known)
            if person is not None:
                found.append(person)
            elif len(words) >= 2:
                unshaped.append((i, stop, words))
        i = max(stop, i + 1)
    # "Ержан Әмірхан мен Мәди Бекмырза": a pair of capitalised words listed with a name
    # is a name too, though its surname has no telltale ending.
    added = True
    while added and unshaped:
        added = False
        for start, stop, words in list(unshaped):
            if any(_listed(tokens, start, stop, p) for p in found):
                person = _person(words, tokens, start, stop, known, listed=True)
                unshaped.remove((start, stop, words))
                if person is not None:
                    found.append(person)
                    added = True
    return sorted(found, key=lambda p: p.start)


_PATRONYMIC_SUFFIXES = frozenset({"н", "на", "не", "ның", "нің", "мен", "нан", "нен", "нда", "нде"})
_POSSESSIVE_CASES = frozenset({"ын", "ін", "ына", "іне", "ының", "інің", "ымен", "імен", "ынан", "інен", "ин", "ина", "ининг"})
_LIST_WORDS = frozenset({",", "мен", "пен", "бен", "және", "жане"})


# The people a custody sentence is about, as pronouns: the object of an active verb
# ("полиция оны ұстады") or the subject of a passive one ("ол қамалды"); "олар ұстап алды"
# is the police.
_OBJECT_ONE = re.compile(r"(?<![\w])(?:оны|өзін|озин)(?![\w])")
_SUBJECT_ONE = re.compile(r"(?<![\w])(?:ол|өзі|ози)(?![\w])")
_OBJECT_GROUP = re.compile(r"(?<![\w])(?:оларды|екеуін|үшеуін|барлығын|екеуин|ушеуин|барлигин)(?![\w])")
_SUBJECT_GROUP = re.compile(r"(?<![\w])(?:олар|екеуі|үшеуі|барлығы|екеуи|ушеуи|барлиги)(?![\w])")
# A passive past verb ("ұсталды", "қамалған", "алынды", "айырылып"), not "алды", "болды".
_PASSIVE = re.compile(r"\w{2,}(?:л|н)(?:ды|ді|ди|ған|ген|ган|ып|іп|ип|ыпты|іпті)")
_NOT_PASSIVE = frozenset(pack.with_plain(("алды", "алған", "алып", "алыпты", "салды", "қалды", "келді", "болды", "болған", "болып", "келген", "қалған")))


def _passive(clause: Clause) -> bool:
    """The sentence has a passive past verb, so "ол"/"олар" in it are the ones held."""
    return any(_PASSIVE.fullmatch(t) and t not in _NOT_PASSIVE for t in (w.lower() for w in clause.tokens))


def _spared(clause: Clause, person: Person) -> bool:
    """"X 10 тәулікке қамалды, ал Y-ке айыппұл салынды": the part of the sentence that
    names Y (between commas, "ал", "бірақ", ";") gives a fine, restricted freedom or a
    release and no custody of its own, so Y is not a detainee."""
    if person.stop <= person.start:
        return False
    tokens = clause.tokens
    lo = person.start
    while lo > 0 and tokens[lo - 1].lower() not in _CLAUSE_BREAK and tokens[lo - 1] != ",":
        lo -= 1
    hi = person.stop
    while hi < len(tokens) and tokens[hi].lower() not in _CLAUSE_BREAK and tokens[hi] != ",":
        hi += 1
    part = " ".join(tokens[lo:hi]).lower()
    if not (FINE_RE.search(part) or RESTRICTED_RE.search(part) or RELEASE_RE.search(part)):
        return False
    return not (CUSTODY_RE.search(part) or DAYS_RE.search(part) or _DEPRIVATION.search(part))


def _antecedents(clause: Clause, before: Clause, known: frozenset[str]) -> list[Person]:
    """"Белсенді X митингке шықты. Полиция оны ұстады": a custody sentence that names nobody
    but says "ол/оны" (one) or "олар/екеуі" (several) is about the people named just before."""
    passive = _passive(clause)
    one = _OBJECT_ONE.search(clause.low) or (passive and _SUBJECT_ONE.search(clause.low))
    group = _OBJECT_GROUP.search(clause.low) or (passive and _SUBJECT_GROUP.search(clause.low))
    if not (one or group):
        return []
    named = _people(before, known)
    if not named or (one and not group and len(named) != 1):
        return []
    # Positions are the custody sentence's: the people stand before all of its terms.
    return [Person(p.name, 0, 0) for p in named]


def _listed(tokens: list[str], start: int, stop: int, person: Person) -> bool:
    """The run [start, stop) and ``person`` stand next to each other in a list."""
    between = tokens[person.stop:start] if person.stop <= start else tokens[stop:person.start]
    return 1 <= len(between) <= 2 and all(t.lower() in _LIST_WORDS for t in between)


def _crimes(low: str) -> list[str]:
    """The kinds of ordinary crime ``low`` mentions."""
    if not CRIME_ANY_RE.search(low):
        return []
    return [kind for kind, rx in CRIME_RE.items() if rx.search(low)]


@functools.lru_cache(maxsize=8192)
def _role_word(token: str, roles: tuple[str, ...], longest_suffix: int) -> bool:
    """``token`` is one of ``roles`` with at most ``longest_suffix`` letters of suffix."""
    low = token.lower()
    return any(low.startswith(r) and len(low) - len(r) <= longest_suffix for r in roles)


_LOCATIVE_END = re.compile(r"(?:да|де|та|те|дағы|дегі|тағы|тегі|дан|ден|тан|тен|нан|нен)$")


def _sentence_start(tokens: list[str], i: int) -> bool:
    """Token ``i`` begins the sentence or follows a quote, a dash or a colon."""
    return i == 0 or not tokens[i - 1][:1].isalnum()


@functools.lru_cache(maxsize=8192)
def _not_name(word: str) -> bool:
    """A place or institution word of the pack, bare or with a case suffix ("Мәскеуде")."""
    if word in _NOT_NAME_WORDS:
        return True
    low = word.lower()
    place = _LOCATIVE_END.search(low)
    if place and word[: place.start()] in _NOT_NAME_WORDS:
        return True  # "Астанадағы", "Алматыдан"
    for suffix, _ in _CASE_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3 and word[: -len(suffix)] in _NOT_NAME_WORDS:
            return True
    return False


def _is_name_word(token: str) -> bool:
    return bool(_CAPITALISED.match(token)) and token not in _NOT_NAME_WORDS


def _patronymic(token: str) -> str | None:
    """"ұлы", "қызы" and their case forms ("ұлын", "қызына", "ұлының"), else None."""
    low = token.lower()
    for word in _PATRONYMIC_WORDS:
        if low == word or (low.startswith(word) and low[len(word):] in _PATRONYMIC_SUFFIXES) or (
                low.startswith(word[:-1]) and low[len(word) - 1:] in _POSSESSIVE_CASES):
            return word
    return None


def _person(words: list[str], tokens: list[str], start: int, stop: int, known: frozenset[str],
            listed: bool = False) -> Person | None:
    before = [t.lower() for t in tokens[max(0, start - 3):start]]
    after = tokens[stop].lower() if stop < len(tokens) else ""
    after2 = " ".join(t.lower() for t in tokens[stop:stop + 2])
    if _NOT_PERSON_AFTER_RE.match(after):
        return None  # "Абай даңғылы", "Демократиялық таңдау қозғалысы"
    if after in ("қарсы", "қарсылық") or after2.startswith("қарсы"):
        return None  # the person protested against
    if any(after2.startswith(s) for s in _SPEAKER_STEMS):
        return None
    if before and (_role_word(before[-1], _BYSTANDER_ROLES, 3) or any(" ".join(before).endswith(r) for r in _BYSTANDER_ROLES)):
        # "ішкі істер министрі Ерлан …", "судья …"; kin only when the custody is not theirs
        # ("оның інісі Айдос Қасымовты 5 тәулікке қамады").
        kin = _role_word(before[-1], _KIN_ROLES, 3)
        if not (kin and (_strip_case(words[-1], known)[1] in _OBJECT_CASES or _custody_follows(tokens, stop))):
            return None
    said = [k for k in range(start) if tokens[k].lower().lstrip("-–") in _SAID]  # "«…», -деді X"
    if said and not any(CUSTODY_RE.match(t.lower()) for t in tokens[said[-1]:start]):
        return None  # "«…», – деді … Ерлан Сейітов": the speaker of a quote
    role_before = bool(before) and (any(" ".join(before).endswith(role) for role in _ROLE_NOUNS)
                                    or _role_word(before[-1], _ROLE_NOUNS, 4))  # "тілшісі Айдос Нұр Әли"
    patronymic = _patronymic(words[-1]) if len(words) >= 2 else None
    if patronymic:
        words = words[:-1] + [patronymic]
    last, suffix = _strip_case(words[-1], known)
    if suffix in _GENITIVE and not _custody_follows(tokens, stop):
        # A possessor ("Сапаровтың адвокаты", "Әлиевтің партиясы"), unless it is the subject
        # of a custody noun ("Сапаровтың 10 тәулікке қамалғаны", "Сапаровтың ұсталуы").
        return None
    words = words[:-1] + [last]
    shaped = any(_surname_shape(w) for w in words)
    initial = start >= 2 and tokens[start - 1] == "." and len(tokens[start - 2]) == 1 and tokens[start - 2].isupper()
    if len(words) == 1:
        if not (shaped or initial):  # "Ж. Сапар": completed from the text, else dropped
            return None
    elif not (shaped or role_before or patronymic or listed or _given_name(words[0])):
        return None
    return Person(" ".join(words), start, stop)


def _custody_follows(tokens: list[str], stop: int) -> bool:
    """A custody word or a term among the next few words of the same clause."""
    words = []
    for token in tokens[stop:stop + 4]:
        if not token[:1].isalnum():
            break
        words.append(token.lower())
    after = " ".join(words)
    return bool(CUSTODY_RE.search(after) or DAYS_RE.search(after) or SENTENCE_RE.search(after)
                or after.startswith(("ұсталу", "қамалу", "қамауға алын", "тұтқындал", "усталу", "камалу")))


@functools.lru_cache(maxsize=4096)
def _given_name(word: str) -> bool:
    """A given name pymorphy3's dictionary knows ("Данияр", "Марат", "Асқар")."""
    from bot.analysis.ru_names import morph_analyzer

    if word in _GIVEN_NAMES or (word.lower().endswith(_GIVEN_NAME_ENDINGS) and len(word) >= 5):
        return True
    for form in dict.fromkeys((word, pack.plain(word))):  # "Серік" is "Серик" to the dictionary
        if any("Name" in p.tag and p.score >= 0.3 for p in morph_analyzer().parse(form)[:3]):
            return True
    return False


# Endings of compound Kazakh given names ("Асылбек", "Бауыржан", "Гүлнар", "Нұрсұлтан").
_GIVEN_NAME_ENDINGS = pack.with_plain(("бек", "жан", "гүл", "гүлі", "хан", "сұлтан", "болат", "ғали", "нұр", "бай"))


def _surname_shape(word: str) -> bool:
    low = word.lower()
    return len(low) >= 4 and low.endswith(_SURNAME_ENDINGS)


@functools.lru_cache(maxsize=8192)
def _harmony(stem: str) -> str | None:
    for ch in reversed(stem.lower()):
        if ch in pack.BACK_VOWELS:
            return "back"
        if ch in pack.FRONT_VOWELS:
            return "front"
    return None


def _strip_case(word: str, known: frozenset[str]) -> tuple[str, str]:
    """The word without a Kazakh case suffix, and the suffix removed ("" when none).

    A suffix goes when its vowel agrees with the stem's (vowel harmony) and the stem has a
    name's shape or the text writes it bare elsewhere; the ambiguous short suffixes that
    given names end in ("Жанна", "Айдана") need the latter or a surname's shape.
    """
    core = word.replace("’", "'").rstrip("'")
    for suffix, vowel in _CASE_SUFFIXES:
        if not core.lower().endswith(suffix) or len(core) - len(suffix) < 3:
            continue
        stem = core[: -len(suffix)].rstrip("'’-")
        # Russian-shaped surnames take either class ("Тоқаевқа", "Әлиевке").
        russian_shape = stem.lower().endswith(("ов", "ев", "ёв", "ин", "ова", "ева", "ина", "и", "ий", "ый"))
        if vowel is not None and not russian_shape and _harmony(stem) not in (vowel, None):
            continue
        seen = stem in known
        if suffix in _AMBIGUOUS_SUFFIXES:
            if seen or _surname_shape(stem) or (suffix in ("н", "ын", "ін") and stem.lower().endswith(_PATRONYMIC_ENDINGS)):
                return stem, suffix
            continue
        if seen or _surname_shape(stem) or len(stem) >= 4:
            return stem, suffix
    return word, ""


def _resolve_short_names(clauses: list[Clause], text: str = "") -> None:
    """A lone surname ("Сапаровты") is the full name written elsewhere in the report:
    first among the people found, else a capitalised given name before it in the text."""
    full = [p.name for c in clauses for p in c.people if len(p.name.split()) >= 2]
    for clause in clauses:
        for person in clause.people:
            if len(person.name.split()) != 1:
                continue
            match = next((f for f in full if person.name in f.split()), None)
            if match is None and text:
                pattern = re.compile(r"(?<![\w])([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)\s+" + re.escape(person.name))
                given = next((m.group(1) for m in pattern.finditer(text)
                              if _is_name_word(m.group(1)) and not _role_word(m.group(1), _ROLE_NOUNS + _BYSTANDER_ROLES, 4)),
                             None)
                match = f"{given} {person.name}" if given else None
            if match:
                person.name = match
    for clause in clauses:  # a lone word that no full name completes is too weak to name anyone
        clause.people = [p for p in clause.people if len(p.name.split()) >= 2 or _surname_shape(p.name)]


# -- terms and the people list ---------------------------------------------------------


def _assign_terms(clause: Clause) -> None:
    terms, people = clause.terms, clause.people
    if not terms or not people:
        return
    if len(terms) == len(people) and len(terms) > 1:
        for person, term in zip(people, terms):
            person.term = term.value
        return
    breaks = [i for i, t in enumerate(clause.tokens) if t.lower() in _CLAUSE_BREAK]
    for person in people:
        same = [t for t in terms if _same_part(person.start, t.start, breaks)]
        after = [t for t in same if t.start >= person.stop]
        before = [t for t in same if t.end <= person.start]
        chosen = after[0] if after else (before[-1] if before else None)
        if chosen is not None and after:
            # Another person between the name and the term takes the term as theirs
            # unless the two are listed together ("X пен Y 15 тәулікке").
            between = [p for p in people if person.stop <= p.start < chosen.start]
            if between and any(clause.tokens[k].lower() not in (",", "және", "пен", "мен", "бен")
                               and not any(p.start <= k < p.stop for p in people)
                               for k in range(person.stop, between[0].start)):
                chosen = None
        person.term = chosen.value if chosen else None


def _same_part(a: int, b: int, breaks: list[int]) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not any(lo < k < hi for k in breaks)


def _detainees(clauses: list[Clause]) -> list[Detainee]:
    result: dict[str, str | None] = {}
    previous: list[str] = []
    for clause in clauses:
        if not clause.cues:
            if clause.people:
                previous = []
            continue
        _assign_terms(clause)
        for person in clause.people:
            if person.name not in result or (result[person.name] is None and person.term):
                result[person.name] = person.term
        if not clause.people and previous and len(clause.terms) == 1:  # noqa: SIM102
            # "Сот екеуін де 15 тәулікке қамауға алды": the people of the sentence before.
            # Several people share a term only when the sentence says all of them ("екеуін де",
            # "оларды"); "біреуін" (one of them) names nobody.
            if _PRONOUN_GROUP.search(clause.low) or (len(previous) == 1 and (
                    _PRONOUN_ONE.search(clause.low) or not any(t[:1].isupper() for t in clause.tokens[1:]))):
                for name in previous:
                    if result.get(name) is None:
                        result[name] = clause.terms[0].value
        previous = [p.name for p in clause.people] or previous
    return [Detainee(name, term) for name, term in result.items()]


def analyze_kazakh_latin(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse Latin-script Kazakh: transliterated for the rules, names mapped back."""
    from bot.analysis.kk_latin import transliterate

    return _analyze_transliterated(title, text, rules, transliterate)


def analyze_kazakh_arabic(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse Arabic-script Kazakh: transliterated for the rules, names mapped back."""
    from bot.analysis.kk_arabic import transliterate

    return _analyze_transliterated(title, text, rules, transliterate)


def _analyze_transliterated(title: str, text: str, rules: RuleConfig,
                            transliterate: Callable[[str], Transliteration]) -> Analysis:
    """The Cyrillic rules over a transliteration; names and evidence in the text's own script."""
    from dataclasses import replace

    head = transliterate(title)
    body = transliterate(text)
    result = analyze_kazakh(head.text, body.text, rules)
    detainees = tuple(
        Detainee(_latin_name(d.name, head, body), d.term) for d in result.detainees
    )
    evidence = tuple(body.latin_sentence(e) if e not in head.text else head.latin_sentence(e) for e in result.evidence)
    return replace(result, detainees=detainees, evidence=evidence, place=None, charge=None)


def _latin_name(name: str, *sources) -> str:
    for source in sources:
        latin = source.latin_name(name)
        if latin != name:
            return latin
    return name
