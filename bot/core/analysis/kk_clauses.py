"""Custody clauses of Kazakh reports: what one sentence says of custody.

A sentence's custody cues (custody and sentencing stems, a term in days, the operators' extra
words) stand unless the sentence denies them, makes them hypothetical, asked for or a maximum
penalty, uses them to describe someone, tells of a release after them, or gives a fine or
restricted freedom instead; :func:`read_clause` keeps what is left with the sentence's terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.core.analysis.kk_stems import (
    AGAIN_RE,
    BAN_RE,
    CUSTODY_RE,
    DAYS_RE,
    DEMAND_RE,
    FINE_RE,
    HYPOTHETICAL_RE,
    NEGATED_RE,
    POLICE_RE,
    RELEASE_RE,
    RESTRICTED_RE,
    SEIZED_THING_RE,
    SENTENCE_ANY,
    SENTENCE_RE,
    STATE_RE,
    TAKEN_AWAY_RE,
)
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.ru_terms import Term, find_terms

# "3,5 жылға": a term of three and a half years is one number, not "3", ",", "5".
_TOKEN = re.compile(r"\d{1,2}[,.]5(?!\d)|[\w'’-]+|[^\w\s]")
_PLAIN_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")  # the same where no ",5" or ".5" can start a half
CLAUSE_BREAK = {";", "ал", "алайда", "бірақ", "ал,"}


@dataclass
class Person:
    """A candidate detainee in one sentence: the name as normalised, its token span."""

    name: str
    start: int
    stop: int
    term: str | None = None
    given: bool = False  # a given name alone, introduced as a person ("белсенді Жанболат")


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
    past: bool = False  # every cue a state in the past ("10 тәулік қамақта болған")


def read_clause(sentence: str, custody_extra: tuple[str, ...]) -> Clause:
    """The custody cues and terms of one sentence: the unit the rules score and take people from.

    A fresh clause each call (the rules set its people and may replace its cues), read once: the
    rules, the enumeration stage and the names adder read the same sentences of one report."""
    read = _read_once(sentence, custody_extra)
    return replace(read, cues=list(read.cues), terms=list(read.terms), people=[])


@lru_cache(maxsize=256)
def _read_once(sentence: str, custody_extra: tuple[str, ...]) -> Clause:
    low = sentence.lower()
    tokens = (_TOKEN if ",5" in sentence or ".5" in sentence else _PLAIN_TOKEN).findall(sentence)
    clause = Clause(sentence, low, tokens)
    cues = [m for m in CUSTODY_RE.finditer(low)]
    if not cues and POLICE_RE.search(low):
        # "Белсендіні полиция алып кетті": taken away, by the police; not "плакатын алып кетті".
        cues = [m for m in TAKEN_AWAY_RE.finditer(low) if not _thing_taken(low, m)]
    # "Полиция бөлімшесінде бес сағат отырды": hours held at the police.
    if "сағат" in low or "сагат" in low:  # the hours the pattern needs, tested first
        cues += list(_HELD_FOR_HOURS.finditer(low))
    # "Полиция бөлімінде отырғанын айтты": held at the police now, told by the one held.
    if "отыр" in low or "отир" in low:
        cues += list(_AT_THE_POLICE.finditer(low))
    # "бірнеше адамды қамау себебі": the verbal noun with its object, the holding of them.
    if "амау" in low and _BARE_HOLDING.search(low):
        cues += list(_HOLDING_OF.finditer(low))
    if cues and ("аштық" in low or "аштик" in low or "ораза" in low):
        # "аштық ұстап жатыр" (on hunger strike), "ораза ұстады" (kept the fast): ұста- holds
        # no one after these nouns.
        cues = [m for m in cues if not low.endswith(_KEPT_NOUNS, 0, m.start())]
    extra = [k for k in custody_extra if k.lower() in low]
    if not cues and not extra and not SENTENCE_ANY.search(low) and not DAYS_RE.search(low):
        # Most sentences: no custody word, so nothing else here can matter (a release or a
        # fine is looked for over the whole text when no custody is found at all).
        return clause
    terms = [
        t
        for t in find_terms(tokens, "kk")
        if not _ban(tokens, t) and not _elapsed(tokens, t) and not _asked(tokens, t) and not _foretold(tokens, t)
    ]
    clause.terms = terms
    sentenced = [m for m in SENTENCE_RE.finditer(low)] if SENTENCE_ANY.search(low) else []
    restricted = RESTRICTED_RE.search(low)
    fined = FINE_RE.search(low)
    # "3 жылға шартты түрде бас бостандығынан айырды": a suspended sentence is no custody.
    deprivation = next((m for m in _DEPRIVATION.finditer(low) if not _suspended(low, m)), None)
    cues += _term_cues(low, terms, sentenced, bool(restricted), bool(deprivation))
    cues = _given_cues(low, cues, terms, sentenced)
    cues = _cues_before_release(clause, cues)
    cues = _event_cues(low, cues)
    if (fined or restricted) and not deprivation and not terms:
        # A fine or restricted freedom with custody words only as "instead of arrest".
        clause.penalty_only = True
        cues = [m for m in cues if not SENTENCE_RE.match(low, m.start())]
        if fined and not any(m.group(0).startswith(("қамал", "қамауға", "ұсталд", "ұстады")) for m in cues):
            cues = []
    clause.states = sum(1 for m in cues if STATE_RE.match(low, m.start()))
    clause.past = bool(cues) and all(_PAST_STATE.match(low, m.start()) for m in cues)
    clause.cues = [m.group(0) for m in cues] + [f"extra:{k}" for k in extra]
    if not clause.cues:
        clause.terms = []
    return clause


_KEPT_NOUNS = ("аштық ", "аштик ", "ораза ")
_PEOPLE_TAKEN = frozenset({"оны", "өзін", "оларды", "екеуін", "они", "озин", "оларди", "екеуин"})


def _thing_taken(low: str, match: re.Match[str]) -> bool:
    """ "Полиция плакаттарын (тартып) алып кетті", "плакаттарын полиция алып кетті": the
    object taken away, among the three words before, is a thing and no one is."""
    words = re.split(r"[^\w-]+", re.split(r"[,;:]", low[max(0, match.start() - 60) : match.start()])[-1])[-4:]
    thing = any(SEIZED_THING_RE.match(w) and w.endswith(_ACCUSATIVE_ENDS) for w in words)
    return thing and not any(w in _PEOPLE_TAKEN for w in words)


# The object's case: "плакатын", "телефонды" (not "камераға", where someone is taken).
_ACCUSATIVE_ENDS = ("ын", "ін", "н", "ды", "ді", "ты", "ті", "ны", "ні", "ди", "ти", "ни", "ин")


def _elapsed(tokens: list[str], term: Term) -> bool:
    """ "Екі айдан бері қамауда", "сегіз айдан кейін үй қамағына шықты": time already spent
    ("since", "after"), not a term."""
    after = tokens[term.end].lower() if term.end < len(tokens) else ""
    if after in ("бері", "бери"):
        return True
    ablative = tokens[term.end - 1].lower().endswith(("дан", "ден", "тан", "тен", "нан", "нен"))
    return ablative and after in ("кейін", "кеиин", "соң", "сон")


def _asked(tokens: list[str], term: Term) -> bool:
    """ "10 тәулік қамақ сұрады": a term a prosecutor asked for, not one given; the court's
    own term in the same sentence ("бірақ сот оны 7 тәулікке қамады") is the one that holds."""
    return any(t.lower().startswith(("сұра", "сура", "талап")) for t in tokens[term.end : term.end + 3])


def _foretold(tokens: list[str], term: Term) -> bool:
    """ "X 10 жылға сотталады", "2 айға қамауға алынады": the verb after a term is in the
    future (or the habitual present), a sentence foretold or the law's penalty, not one given."""
    return _future_verb(" ".join(tokens[term.end : term.end + 3]).lower())


def _ban(tokens: list[str], term: Term) -> bool:
    """The words after ``term`` (up to the next comma or clause break) make it a ban from an
    activity or office ("5 жылға қоғамдық қызметпен айналысу құқығынан айырды"), not custody."""
    words = []
    for token in tokens[term.end : term.end + 8]:
        if token in (",", ";", ".") or token.lower() in CLAUSE_BREAK:
            break
        words.append(token.lower())
    return bool(BAN_RE.search(" ".join(words)))


def _term_cues(
    low: str, terms: list[Term], sentenced: list[re.Match[str]], restricted: bool, deprivation: bool
) -> list[re.Match[str]]:
    """Cues that a term makes custody: a term in days, or a sentence to a term or to prison
    (not to restricted freedom), where the custody stems alone say nothing."""
    cues: list[re.Match[str]] = []
    # "Белсендіге 15 тәулік берілді": a term in days is administrative arrest on its own.
    if any(t.value.endswith(("day", "days")) for t in terms):
        cues += [m for m in DAYS_RE.finditer(low) if not _describes(low, m)]
    if sentenced and (terms or deprivation) and not (restricted and not deprivation):
        cues += sentenced
    return cues


def _given_cues(
    low: str, cues: list[re.Match[str]], terms: list[Term], sentenced: list[re.Match[str]]
) -> list[re.Match[str]]:
    """The cues of custody given: not denied, hypothetical, asked for, a maximum penalty or a
    description of someone, which the same custody words also say."""
    if not cues:
        return []  # every step below only filters
    if NEGATED_RE.search(low) and len(cues) <= 1:
        cues = []
    # "қамауға алынған жоқ", "қамауға алынбады": denied by the word after.
    cues = [m for m in cues if not _NEGATED_AFTER.match(low, m.end()) and not _NO_NEWS_AFTER.match(low, m.end())]
    # "қамалуы мүмкін", "ұстау туралы өтініш": the modal or request follows the custody word.
    cues = [m for m in cues if terms or not _hypothetical_after(low, m)]
    # "бас бостандығынан айырылуы мүмкін": a modal on the custody word itself, term or none.
    cues = [m for m in cues if not _MODAL_AFTER.match(low, m.end())]
    # "тұтқындалады", "қамауға алынады": the future or habitual, no custody that happened.
    cues = [m for m in cues if not _future_verb(low[m.start() : m.start() + 60])]
    # "10 тәулік қамақ сұралған", "қамауға алуды сұрады": custody asked for, not given.
    cues = [m for m in cues if not _ASKED_AFTER.match(low, m.end())]
    # "жетекшілерін тұтқындауға шақырды", "қамауға алуға үндеді": custody called for.
    cues = [m for m in cues if not _CALLED_FOR_AFTER.match(low, m.end())]
    if sentenced and _PROSECUTOR.search(low) and _REQUEST.search(low):
        # "Прокурор оны 8 жылға соттауды сұрады": a sentence asked for, not given.
        cues = [m for m in cues if not SENTENCE_RE.match(low, m.start())]
    # "қамауда отырған туыстары": custody as a state describing someone else's relatives,
    # friends or fellow believers is background, not an event.
    cues = [m for m in cues if not _held_attributive(low, m)]
    # "15 тәулікке дейін қамауға алу": a maximum penalty, not a term served.
    cues = [m for m in cues if not _UP_TO.search(low, max(0, m.start() - 12), m.start())]
    cues = [m for m in cues if not _suspended(low, m)]
    # "түрмеге қамалған ағасы": a place or term of custody before a describing participle.
    cues = [m for m in cues if not _describes(low, m)]
    # "15 тәулікке қамалған белсенді … шақырылды": a participle describing someone is background.
    return [m for m in cues if not _attributive(low, m)]


def _event_cues(low: str, cues: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cues that tell an event: none in a sentence about what generally happens ("шерудің
    көбі … қамауымен аяқталады", "абақтыға отырғаннан кейін … санайтын сияқты") unless it
    names a day; no custody state named by its verbal noun ("15 күн қамауда отыру … емес",
    sitting in custody, as a topic)."""
    if not cues:
        return cues
    generic = _GENERIC.search(low) or (_seems(low) and _HABITUAL_SEEMS.search(low))
    if generic and not _NEWS_TIME.search(low) and not _PAST_CUSTODY.search(low):
        return []
    served = serves_time(low)
    return [
        m
        for m in cues
        if not _STATE_AS_TOPIC.match(low, m.start()) and not (served and TIME_SERVED_RE.match(low, m.start()))
    ]


# The custody verbs as roots, in both spellings (packs/kk CUSTODY_VERB_ROOTS).
_CUSTODY_ROOTS = pack.with_plain(pack.CUSTODY_VERB_ROOTS)
# Words of what happens as a rule (the pack's GENERIC_WORDS): "көбі", "әдетте", "жиі".
_GENERIC = re.compile(r"(?<![\w])(?:" + "|".join(pack.with_plain(pack.GENERIC_WORDS)) + r")(?![\w])")
# A custody verb in the simple past ("қамалды", "ұстады", "алынды"): an event, even beside a
# word of habit ("үнемі сынап жүрген X қамалды", "always criticising", is about X, not a rule).
_PAST_CUSTODY = re.compile(r"(?<![\w])(?:" + "|".join(_CUSTODY_ROOTS) + r")(?:ды|ді|ты|ті|ди|ти)(?![\w])")
# A habitual participle with "сияқты"/"секілді" (seems to): "өздерін батыр санайтын сияқты".
_SEEMS = pack.with_plain(("сияқты", "секілді"))
_HABITUAL_SEEMS = re.compile(r"\w(?:атын|етін|йтын|йтін|атин|етин|итин)\s+(?:" + "|".join(_SEEMS) + ")")


def _seems(low: str) -> bool:
    """Whether ``low`` has a word every _HABITUAL_SEEMS match ends with (tested first: the
    regex tries its endings after every letter)."""
    return any(word in low for word in _SEEMS)


# A custody state named by its verbal noun: "қамауда отыру", "түрмеде жату"; and putting
# in prison named by one, a practice, not an event ("түрмеге тоғыту әлі де бар").
_STATE_AS_TOPIC = re.compile(
    r"\w*(?:да|де|та|те)\s+(?:отыру|отиру|жату|жатуы|болу)(?![\w])"
    r"|\w*(?:ға|ге|қа|ке|га)\s+(?:тоғыту|тогиту|жабу|отырғызу|отиргизу)(?![\w])"
)
# Years of custody served, counted: "түрмеде отырғанына 15 жыл болды", "қапаста өткізген 14
# жылы" (the years someone has spent held, not a detention).
TIME_SERVED_RE = re.compile(
    r"\w*(?:да|де|та|те)\s+(?:өткізген|откизген|отырғанына|отирганина|отырғаны|отиргани)\s+(?:[\w-]+\s+)?(?:жыл|жил|ай)"
)


def serves_time(low: str) -> bool:
    """Whether ``low`` has a verb every TIME_SERVED_RE match has: tested before the regex,
    which is slow to fail (it tries a word at every letter)."""
    return "отырған" in low or "отирган" in low or "өткізген" in low or "откизген" in low


# "қамауға алу туралы өтінішін сот қанағаттандырды": a request granted is custody given.
_GRANTED = re.compile(r"\w*\s+(?:\w+\s+)?(?:қанағаттандыр|канагаттандыр)(?!ма|ме)")


def _hypothetical_after(low: str, match: re.Match[str]) -> bool:
    """A modal or request follows the custody word ("қамалуы мүмкін", "ұстау туралы
    өтініш"), unless the request was granted."""
    found = HYPOTHETICAL_RE.search(low, match.end(), match.end() + 30)
    return found is not None and not _GRANTED.match(low, found.end())


def _cues_before_release(clause: Clause, cues: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cues a release in the sentence leaves standing (all when there is none); marks the
    clause released, so that a report with no custody left says why."""
    low = clause.low
    release = RELEASE_RE.search(low)
    if not release or DEMAND_RE.search(low[max(0, release.start() - 40) : release.end() + 40]):
        return cues
    clause.released = True
    if AGAIN_RE.search(low):
        return [m for m in cues if m.start() > release.start()]
    # "516 адам ұсталған, олардың кейбірі босатылған": custody in a clause of its
    # own before a partial release stands.
    # "Полиция оларды ұстады, бірақ кейін босатты": a detention told, then its end
    # (even hours of custody count), unlike "15 тәулік қамақтан кейін босатылды".
    # "полицияға ұсталып, босап шыққан": the converb of the act, then the release at once.
    return [
        m
        for m in cues
        if m.end() < release.start()
        and "," in low[m.end() : release.start()]
        and (
            _PARTIAL.search(low, m.end(), release.start())
            or _LATER.search(low, m.end(), release.start())
            or _CONVERB_THEN.match(low, m.start(), release.start())
        )
        and not STATE_RE.match(low, m.start())
    ]


_HELD_FOR_HOURS = re.compile(
    r"(?:полиция|бөлімше|болимше|учаске|полицияда)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\d+|бір|екі|үш|төрт|бес|алты|жеті|сегіз|он|бир|еки|уш|торт|жети|сегиз)\s+(?:\w+\s+)?"
    r"(?:сағат|сагат)\w*\s+(?:\w+\s+)?(?:отыр|отир|ұстал|устал|болд|болип|болып)"
)
# Sitting at the police, the place named in the locative: "аудандық полиция бөлімінде отыр",
# "полицияда отырмын"; the hours need not be told.
_AT_THE_POLICE = re.compile(
    r"(?:(?:полиция|полисия)\w*\s+(?:\w+\s+)?(?:бөлімінде|болиминде|бөлімшесінде|болимшесинде|бөлімшеде|болимшеде"
    r"|басқармасында|баскармасинда|учаскесінде|учаскесинде)|полицияда|полисияда)\s+(?:\w+\s+)?(?:отыр|отир)"
)
_BARE_HOLDING = re.compile(r"(?:қамау|камау)(?![\w])")
_HOLDING_OF = re.compile(
    r"\w{2,}(?:ды|ді|ты|ті|ны|ні|ди|ти|ни)\s+(?:қамау|камау)(?![\w])(?!\s+(?:\w+\s+)?(?:керек|қажет|тиіс|кажет|тиис))"
)
# A custody state in the past: "10 тәулік қамақта болған", "бір жыл үйқамақта болды".
_PAST_STATE = re.compile(
    r"\w*(?:\s+\w+)?(?:да|де|та|те)\s+(?:болған|болды|болып|болатын|болган|болди|болип|болатин)(?!\w)"
)
_SUSPENDED_BEFORE = re.compile(r"(?:шартты|шартти)(?:\s+\w+){0,3}\s*$")


def _suspended(low: str, match: re.Match[str]) -> bool:
    """ "шартты түрде бас бостандығынан айырды", "шартты түрде 2 жылға сотталды": a
    suspended sentence, the custody word a few words after "шартты"."""
    return _SUSPENDED_BEFORE.search(low, max(0, match.start() - 40), match.start()) is not None


_DEPRIVATION = re.compile(r"бас бостандығы(?:нан|н) айыр|колония|түрме|абақты|бас бостандыгы(?:нан|н) айыр|турме")
_NEGATED_AFTER = re.compile(
    r"\w*(?:\s+\w+)?\s+(?:жоқ|жок)(?!\w)|\w*\s+\w+(?:ма|ме|ба|бе|па|пе)(?:ды|ді|ди|ған|ген|ган|й|с)(?!\w)"
)
# "Ұсталғандар туралы ақпарат жоқ": no news of anyone held.
_NO_NEWS_AFTER = re.compile(
    r"\w*\s+(?:туралы|турали|жайлы|жаили|жөнінде|жонинде)\s+(?:\w+\s+)?(?:ақпарат|акпарат|мәлімет|малимет|дерек|хабар)\w*"
    r"\s+(?:\w+\s+)?(?:жоқ|жок)(?!\w)"
)
_UP_TO = re.compile(r"(?:дейін|деиин)\s*$")
_LATER = re.compile(
    r"[,;]\s*(?:(?:бірақ|бирак|алайда|алаида|ал)\s+)?(?:[\w-]+\s+){0,3}(?:кейін|кеиин|соң|сон|соңынан|соныннан|артынан)(?![\w])"
)
# A custody verb's converb right before the release: "ұсталып, босап шыққан", "ұсталып, босатылды".
_CONVERB_THEN = re.compile(r"\w*(?:ып|іп|ип)\s*,\s*$")
_PARTIAL = re.compile(r"(?<![\w])(?:кейбір|бірқатар|бір бөлігі|көбі|біразы|бірнешеуі|кейбіреу|некоторы|часть)")
# Words after a participle that make it a finite statement ("ұсталған жоқ", "ұсталған еді").
_AUXILIARY = re.compile(
    r"\s*(?:[,.;:!?»\"”)]|$|жоқ|еді|екен|болатын|болды|болып|деп|деген|дейді|делінген|көрінеді|сияқты|және|—|-)"
)
# A modal or an obligation right after the custody word: "қамалуы мүмкін", "айырылуы ықтимал".
_MODAL_AFTER = re.compile(r"\w*\s+(?:\w+\s+)?(?:мүмкін|мумкин|ықтимал|иктимал|қаупі|каупи|қатері|катери)(?!\w)")
_ASKED_AFTER = re.compile(r"\w*\s+(?:\w+\s+){0,2}(?:сұра|сура|талап ет)")
# A call for custody: the verbal noun in the dative, then "шақыр-" or "үнде-" (call, urge);
# not the plain "шакир", which is also the name Шакир.
_CALLED_FOR_AFTER = re.compile(r"\w*\s+(?:алуға\s+|алуга\s+)?(?:шақыр|үнде|унде)")
_PROSECUTOR = re.compile(r"(?<![\w])(?:прокурор|айыптаушы|аиыптауши|мемлекеттік айыптау)")
_REQUEST = re.compile(r"(?<![\w])(?:сұра|сура|талап ет|ұсын|усын)")
# Locative state words ("қамауда", "түрмеде") and the participles of being that make them
# describe a noun ("қамауда отырған інісі", "түрмеде жатқан ұлы").
_HELD_LOCATIVE = re.compile(r"\w*(?:да|де|та|те|дағы|дегі|тағы|тегі)\s+(?:отырған|жатқан|жүрген|отирган|жаткан|журген)")


_KIN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:туыс|туис|ағас|агас|ін[іи]с|инис|бауыр|бауир|жақын|жакин|әкес|акес|анас|ұлы|ули|ұлда|улда|қыз|киз|жұбай|жубаи|күйеу|куиеу|әйел|аиел|отбасы|отбаси)"
)


def _held_attributive(low: str, match: re.Match[str]) -> bool:
    """ "қамауда отырған туыстарын": a held-state participle describing someone's kin, the
    people a protest or an appeal is about, not a detention of its own; so is anyone held
    whose release the sentence demands ("қамаудағы X пен Y-ті босатуды талап етті")."""
    found = _HELD_LOCATIVE.match(low, match.start()) or _HELD_ADJECTIVE.match(low, match.start())
    return found is not None and (bool(_KIN.match(low, found.end())) or bool(DEMAND_RE.search(low)))


# "қамаудағы", "түрмедегі": held, as an adjective.
_HELD_ADJECTIVE = re.compile(r"\w*(?:дағы|дегі|тағы|тегі|даги|деги|таги|теги)(?!\w)")


def _describes(low: str, match: re.Match[str]) -> bool:
    """A term or place inside a description: "15 тәулікке қамалған белсенді", "түрмеге
    қамалған ағасы" (the next word is an attributive custody participle)."""
    after = _TO_NEXT_WORD.match(low, match.start())
    if after is None:
        return False
    following = CUSTODY_RE.match(low, after.end())
    return following is not None and _attributive(low, following)


# Offsets into the sentence, not slices of it: the words after a match, read in place.
_TO_NEXT_WORD = re.compile(r"\w*\s+")
_NEXT_WORD = re.compile(r"\s+\w+")


def _attributive(low: str, match: re.Match[str]) -> bool:
    """A custody participle that describes the noun after it ("-ған/-ген"), or one that
    tells of what happens habitually or will happen ("-атын/-етін")."""
    end = word_end = _word_end(low, match.end())
    # "ұстап алып кететін": a converb ("-ып", "-іп", "-п") is not the verb's last word.
    for _ in range(2):
        following = _NEXT_WORD.match(low, end) if low.endswith(("п", "ып", "іп"), 0, end) else None
        if following is None:
            break
        end = following.end()
    if low.endswith(("атын", "етін", "йтын", "йтін", "атин", "етин", "итин"), match.start(), end):
        return True  # "ұстап алып кететін …": a habitual or future participle, no event
    if low.endswith(("п", "ып", "іп"), match.start(), word_end) and _CONVERB_TO_PARTICIPLE.match(low, word_end):
        # "Бірге сотталып, кейін босап шыққан белсенді X … айтты", "сотталып, түрмеде отырған
        # белсенді": the converb goes on into a participle that describes the noun after it.
        return not _RECENT_BEFORE.search(low, max(0, match.start() - 40), match.start()) and bool(
            _PAST_FINITE_END.search(low)
        )
    if not low.endswith(("ған", "ген", "қан", "кен", "ган", "кан"), match.start(), word_end):
        return False
    if _RECENT_BEFORE.search(low, max(0, match.start() - 40), match.start()):
        return False  # "кеше ұсталған белсенді …": a detention of yesterday is news
    if _AUXILIARY.match(low, word_end):
        return False
    # "Ұсталған белсенді X – қозғалыс мүшесі", "ұсталған X пен Y бөлімшеде отыр": a sentence
    # with no past verb of its own is about the held, not background to another event.
    return bool(_PAST_FINITE_END.search(low))


# A converb's chain, after a comma, into a participle and the noun it describes: "сотталып,
# кейін босап шыққан белсенді", "сотталып, түрмеде отырған белсенді"; not an auxiliary or a
# time word after it ("шыққан соң", "қамалған еді"), nor an aspect with no comma
# ("тұтқындап жатқан сәт", the moment they were detaining, is an event).
_CONVERB_TO_PARTICIPLE = re.compile(
    r"\s*,\s*(?:[\w-]+\s+){0,2}[\w-]+(?:ған|ген|қан|кен|ган|кан)\s+"
    r"(?!(?:еді|еди|болатын|болатин|соң|сон|кейін|кейин|кезде|кезінде|жоқ|жок)(?!\w))\w"
)
# The sentence ends in a past finite verb ("шақырылды", "шықты", "айтты", "қамалған еді").
_PAST_FINITE_END = re.compile(r"\w(?:ды|ді|ты|ті|ди|ти|еді|еди|болатын|болатин)[\s.!?»\"”)]*$")


# Time words that make a describing participle news: "кеше ұсталған", "бүгін таңертең қамалған".
_RECENT = (
    r"(?<![\w])(?:кеше|бүгін|бугин|таңертең|танертен|түнде|тунде|жақында|жакинда|бірнеше күн бұрын|"
    r"бирнеше кун бурин|осы аптада)(?![\w])"
)
_RECENT_BEFORE = re.compile(_RECENT + r"[^.!?]{0,30}$")
# A day named: "кеше", "бүгін", "15 наурызда".
_NEWS_TIME = re.compile(_RECENT + r"|\d+\s*(?:" + "|".join(pack.with_plain(pack.MONTH_STEMS)) + ")")


# The future (and habitual present) of a custody verb: the passive "-лады/-леді", "-нады/-неді"
# ("сотталады", "қамауға алынады"; the past is "-лды", "-нды"), the active "-йды/-йді" of a
# vowel stem ("ұстайды"; the past is "ұстады"), in every spelling.
_FUTURE_ENDINGS = ("лады", "леді", "лади", "леди", "нады", "неді", "нади", "неди", "йды", "йді", "йди")


_PAST_VERB_ENDINGS = ("ды", "ді", "ты", "ті", "ди", "ти", "ған", "ген", "қан", "кен", "ган", "кан", "п")
_FIRST_WORDS = re.compile(r"[\w-]+|[^\w\s]")
# What a future custody verb needs somewhere in the window: a word from a root to a future ending.
_FUTURE_SHAPE = re.compile(
    "(?=" + "|".join(map(re.escape, _CUSTODY_ROOTS)) + r")[\w-]*(?:" + "|".join(_FUTURE_ENDINGS) + r")(?![\w-])"
)


def _future_verb(words: str) -> bool:
    """The first verb among the first three words of ``words`` (up to a comma) is a custody
    verb in the future: "сотталады", "қамауға алынады", "бас бостандығынан айырылады" (the
    ending alone would also take the past of "-ла" verbs, "жариялады")."""
    if not _FUTURE_SHAPE.search(words):
        return False  # no word from a root to a future ending: most windows, settled in one scan
    for word in _FIRST_WORDS.findall(words)[:3]:
        if not word.isalpha():
            return False
        if len(word) > 6 and word.endswith(_FUTURE_ENDINGS):
            return bool(word.startswith(_CUSTODY_ROOTS))
        if word.endswith(_PAST_VERB_ENDINGS):
            return False
    return False


def _word_end(low: str, end: int) -> int:
    """The end of the word ``low[end - 1]`` belongs to."""
    while end < len(low) and low[end].isalpha():
        end += 1
    return end


def spared(clause: Clause, person: Person) -> bool:
    """ "X 10 тәулікке қамалды, ал Y-ке айыппұл салынды": the part of the sentence that
    names Y (between commas, "ал", "бірақ", ";") gives a fine, restricted freedom or a
    release and no custody of its own, so Y is not a detainee."""
    if person.stop <= person.start:
        return False
    tokens = clause.tokens
    lo = person.start
    while lo > 0 and tokens[lo - 1].lower() not in CLAUSE_BREAK and tokens[lo - 1] != ",":
        lo -= 1
    hi = person.stop
    while hi < len(tokens) and tokens[hi].lower() not in CLAUSE_BREAK and tokens[hi] != ",":
        hi += 1
    part = " ".join(tokens[lo:hi]).lower()
    if not (FINE_RE.search(part) or RESTRICTED_RE.search(part) or RELEASE_RE.search(part)):
        return False
    return not (CUSTODY_RE.search(part) or DAYS_RE.search(part) or _DEPRIVATION.search(part))
