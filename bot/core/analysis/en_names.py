"""People's names in English news text, without a statistical NER.

A name is a run of two to four capitalised words that are not common English words,
titles, roles, places, nationalities or parts of an organisation's name. A lone
capitalised word counts only when it repeats the family (or given) name of someone
named in full elsewhere in the report ("Mamai" → "Zhanbolat Mamai").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.core.analysis.en_terms import KAZAKH_PLACES, REGIONAL_PLACES

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

# Words that start a title ("President X") and make X an official, never a detainee here.
TITLES = frozenset(
    """
    president presidents minister ministers premier mr mrs ms dr judge prosecutor general
    governor mayor senator ambassador chairman chairwoman king queen prince pope secretary
    speaker commissioner chancellor sheikh emir patriarch akim akims hokim khokim colonel
    lieutenant sergeant captain spokesman spokeswoman spokesperson investigator ombudsman
    researcher aide ayatollah
""".split()
)
# Words that, right before a name, mark someone who speaks about a case, not its subject.
NON_DETAINEE_ROLES = frozenset(
    """
    lawyer lawyers attorney attorneys advocate counsel judge prosecutor spokesman spokeswoman
    spokesperson researcher aide official officials chairman investigator ombudsman
    president ruler dictator strongman autocrat
""".split()
)
# Roles and descriptions that come before or after a name and are not part of it.
ROLE_WORDS = frozenset(
    """
    activist activists journalist journalists blogger bloggers reporter reporters correspondent
    editor photojournalist poet writer dissident critic opposition leader leaders politician
    candidate founder director head member members chief defender defenders campaigner
    businessman businesswoman lawyer deputy mp former civil civic rights human social
    political prisoner prisoners investigative independent prominent veteran well-known
    famous young elderly retired teacher student students worker workers worshipers
    believer believers imam pastor priest citizen resident residents farmer musician artist
    anti-government pro-government opposition-minded outspoken fellow another also
    cameraman cameramen camerawoman filmmaker lawmaker lawmakers economist entrepreneur columnist columnists
    ex-deputy ex-mp mps oppositionist oppositionists coordinator coordinators manager
    officer representative program programme protesters protestors demonstrators detainees defendants
""".split()
)
# Capitalised words that are never part of a person's name in this domain.
COMMON_WORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with about after before during since
    as is was were be been are has have had will would can could may might must shall this
    that these those there then than it its he she his her they them their we our you your
    i me my who whom whose which what when where why how all any some several many most
    more other another each every both either neither no not nor only also just even still
    yet already later earlier meanwhile however although though because while whereas
    according among amid despite following including against under over into through
    between within without across toward towards upon near around outside inside
    one two three four five six seven eight nine ten eleven twelve dozens hundreds
    thousands dozen first second third last next new old early late
    police court courts ministry service services committee office agency bureau union
    movement group network party parties news radio tv media center centre council square
    street avenue republic international national democratic human rights watch
    organization organisation foundation institute university school college hospital
    company corporation government state city region district province oblast village town
    capital parliament assembly congress senate election elections commission department
    administration authorities prison colony jail detention camp camps labour labor penal
    facility isolator barracks
    interior internal affairs security justice foreign defense defence emergency
    supreme constitutional appeals appeal regional municipal city administrative criminal
    code article section part paragraph law act decree
    north south east west northern southern eastern western central
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    kazakh kazakhs kazakhstan kazakhstani kyrgyz kyrgyzstan uzbek uzbekistan tajik tajikistan
    turkmen turkmenistan russian russians russia belarusian belarus ukrainian ukraine
    azerbaijani azeri azerbaijan georgian georgia armenian armenia chinese china american
    european western eastern soviet asian europe america islamic muslim christian
    orthodox uighur uyghur uighurs uyghurs
    iranian iranians turkish turks kurdish kurds afghan afghans pakistani indian iraqi syrian
    israeli palestinian polish lithuanian latvian estonian moldovan french british
    italian spanish japanese korean mongolian norwegian swedish dutch czech
    facebook twitter telegram youtube instagram tiktok whatsapp internet online
    day independence freedom victory new year
    reuters afp ap associated press rfe rl azattyq azattyk amnesty hrw cpj osce un eu
    upd update updated photo video file exclusive breaking
    protest protests rally rallies picket strike march
    mother father wife husband son daughter brother sister relatives colleagues friends
    supporters parents family
    main united states kingdom saudi arabia sunni shia shiite muslims christians clinic legal
    directorate current time nizhny novgorod abad hong kong
    besides moreover furthermore nevertheless likewise thus instead otherwise
    crime corruption reporting project autonomous figures show shows
    now image click expand caption jr sr
""".split()
)
# Words of the region's languages (and a few English ones) that name institutions, parties,
# movements, outlets and streets, never people: "Jogorku Kenesh", "Milli Majlis", "Ak Zhol",
# "Ata Meken", "Atajurt Eriktileri", "Adil Soz", "Tole Bi", "Qaharman Kz", "Tablighi Jamaat".
LOCAL_INSTITUTION_WORDS = frozenset(
    """
    kenesh jogorku majlis majilis mazhilis majlisi oliy milli akimat akimats akimdik hokimiyat
    khokimiyat kurultai kurultay maslikhat orda ordo zhol jol joly jolu meken otan ata ak
    partiyasy partiya qozgalysy kozgalysy eriktileri birligi birlik qogamy qoghamy koshe soz
    kanaty namys dese respublika yntymak erkindik mekenim bi kz uz kg tj qazaqstan qazakstan
    kazakstan qazaqstandyq ozbekiston tojikiston turkiye jamaat hizb tahrir jehovah witnesses
    society house borders pipeline times plus newswire monitor welfare progress revival
    renaissance unity truth homeland fatherland motherland ploshchad maydan prospekt daily gazette
    herald tribune
""".split()
)
# Words after which (or before which) a capitalised run names an organisation or a place.
ORG_BEFORE = frozenset(
    """
    newspaper outlet channel channels publication website site group party movement
    company agency organisation organization station city town village region district
    square street avenue program programme show magazine portal foundation fund
    association bloc alliance platform initiative network camp resort sanatorium hotel
    restaurant cafe park bazaar market mall
""".split()
)
ORG_AFTER = frozenset(
    """
    party movement newspaper group outlet channel agency company website site square street
    avenue district region city town village court mosque church bloc alliance union
    foundation fund association network tv media news live award awards prize prizes
    scholarship fellowship rights
""".split()
)
_PLACE_WORDS = frozenset(w.lower() for place in KAZAKH_PLACES + REGIONAL_PLACES for w in re.split(r"[ ]", place))


# Endings of English nouns that no name in this region's news has: such a word after the
# first of a run ends an organisation's name, and a person's may follow ("Institute for
# Civic Oversight and Legal Education Dana Sultan"). A run that begins with one
# is left whole: the analysis drops it as a headline's words ("Detentions Target …").
_NOUN_ENDINGS = tuple("tion tions sion sions ment ments ness ities ity ship ships ism isms ist ists cracy".split())
# Whom a protest is against, whom a detainee criticised, interviewed or appealed to, who
# presides over a court: an opponent, a topic or an official, never the detainee
# ("picketed against Akim …", "after he interviewed …", "the court, presided over by …").
_OPPONENT_BEFORE = re.compile(
    r"(?:\b(?:protest(?:ed|ing|s)?|rall(?:y|ies|ied|ying)|demonstrat(?:ed|ing|ion|ions)|campaign(?:ed|ing)?"
    r"|picket(?:s|ed|ing)?|march(?:ed|ing)?|spoke out|speaking out) against"
    r"|\b(?:interview(?:ed|ing)|critici[sz](?:ed|ing)|insult(?:ed|ing)|defam(?:ed|ing)|slander(?:ed|ing)|mock(?:ed|ing)"
    r"|wrote to|writing to|appealed to|appealing to|called on|calling on)"
    r"|\b(?:chaired|presided over) by|\b(?:resignation|ouster|impeachment) of)"
    r"\s+(?:(?:the|then|former|incumbent|current|regional|city|local|district|exiled|opposition)\s+)*$"
)
# Whom a statue, a monument or a wreath honours: a poet of the past, not a detainee ("put roses
# by the monument to the country's beloved poet …"; read on the wide window: descriptions come between).
_HONOURED_BEFORE = re.compile(
    r"\b(?:(?:statues?|monuments?|memorials?|busts?|graves?|tombs?) (?:to|of)|in (?:memory|hono(?:u)?r) of)"
    r"(?: [\w'’-]+){0,3}\s*$"
)
_HONOURED_HINTS = ("statue", "monument", "memorial", "bust", "grave", "tomb", "memory", "honour", "honor")
# A determiner before an organisation word makes the organisation one already named, so
# the capitalised run after it is a person ("editor-in-chief of this publication X").
_DETERMINED_ORG = re.compile(r"\b(?:this|that|these|its|his|her|their|our|the same) [\w-]+\s*$")
# A quote opening before a run makes it a title or a slogan, and one closing a quotation
# ('…," X said') makes it the speaker; a quote closing a name ('"Delta Media" X') does neither.
_QUOTE_BEFORE = re.compile(r"(?:(?:^|[\s(\[])[\"“«]|[,.!?…][\"”»])\s*$")


_FORMER = frozenset(("former", "ex", "ex-", "then-former"))
# Titles a former holder keeps in the news: a former president is still the one spoken of.
_LASTING_TITLES = frozenset("president presidents king queen prince pope sheikh emir patriarch".split())

# Kyrgyz, Kazakh and Azerbaijani patronymic words written in lower case after a name.
_PATRONYMIC = re.compile(r" (?:uulu|kyzy|kizi|qyzy|uly|ogly|oglu|gyzy)\b")


@dataclass(frozen=True)
class Mention:
    """A (possibly partial) name found at [start, end) of a text."""

    text: str
    start: int
    end: int
    titled: bool = False  # preceded by a title such as "President"
    possessive: bool = False


# "Kyiv-based", "Nobel Peace Prize-winning", "state-backed": a compound adjective, no name.
_COMPOUND_ADJECTIVES = ("-based", "-year-old", "-winning", "-backed", "-led", "-owned", "-born", "-affiliated")


def _is_name_word(word: str) -> bool:
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    base = word.lower()
    if base in COMMON_WORDS or base in ROLE_WORDS or base in TITLES or base in _PLACE_WORDS:
        return False
    if base in LOCAL_INSTITUTION_WORDS:
        return False
    if base.endswith(_COMPOUND_ADJECTIVES) or "-" in base and base.split("-")[0] in COMMON_WORDS:
        return False
    return any(c.islower() for c in word[1:])


def _is_noun(lowered: str) -> bool:
    if len(lowered) < 6 or lowered in ROLE_WORDS or lowered in TITLES:
        return False  # "Activists Aliya Nurtay…": a role, which the word loop sets apart
    return lowered.endswith(_NOUN_ENDINGS)


def find_mentions(text: str) -> list[Mention]:
    """Every run of name-like capitalised words in ``text`` (one or more words)."""
    # Only capitalised words make runs: a lower-case word between two of them breaks the run
    # all the same, as the text between them is then more than a space.
    tokens = [(word, m.start(), m.end()) for m in _TOKEN.finditer(text) if (word := m.group(0))[0].isupper()]
    runs: list[list[tuple[str, int, int]]] = []
    for token in tokens:
        gap = text[runs[-1][-1][2] : token[1]] if runs else ""
        if (
            runs
            and (gap == " " or gap == ". " and _is_initial(runs[-1][-1][0]))
            and not _is_possessive(runs[-1][-1][0])
        ):
            runs[-1].append(token)
        else:
            runs.append([token])
    mentions: list[Mention] = []
    for run in runs:
        mentions.extend(_mentions_in_run(text, run))
    return mentions


def _is_initial(word: str) -> bool:
    """ "A" of "A. Bekova": a given name written as its initial."""
    return len(word) == 1 and word.isupper()


def _is_possessive(word: str) -> bool:
    return word.endswith("'s") or word.endswith("’s") or word.endswith("s'") or word.endswith("s’")


# Role words that end an organisation's name and begin a person's in one capitalised run
# ("Steppe Live Director Aigul Nurlanova", "Dala Editor Ivan Petrov").
_RUN_SPLITTING_ROLES = frozenset(
    """
    director editor editor-in-chief founder co-founder chief head leader coordinator correspondent
    reporter journalist activist blogger chairman chairwoman
""".split()
)


# Words that make a capitalised run an organisation's (or a place's) name as a whole
# ("Baluan Sholak Sports Complex", "Almaty City Administrative Court").
_ORGANISATION_WORDS = frozenset(
    """
    court party ministry service committee office agency bureau union movement network news
    chamber assembly parliament congress senate
    radio tv media center centre council square street avenue foundation institute university
    company complex stadium organization organisation commission department group watch live
    choice forum bank airport mosque church club award awards prize prizes association alliance
    front bloc unit force forces army guard sea lake river mountains valley port police
    prosecutor's prosecutor’s
""".split()
)


# A capitalised institution word and "for"/"of"/"on" before a run: the run ends the
# institution's name ("Center for Mental Health and Addiction Prevention").
_OF_ORGANISATION = re.compile(
    r"\b(?:Cent(?:er|re)|Institute|Committee|Ministry|Department|Office|Bureau|Council|Foundation|Fund|Agency"
    r"|Service|Union|Association|Federation|Commission|School|Academy|University|Museum|Movement|Coalition"
    r"|League|Society|Alliance|Network|Forum|Party|Front) (?:for|of|on)(?: the)?\s+$"
)


def is_former(words_before: list[str]) -> bool:
    """Whether the title or role word ending ``words_before`` is a former one: "former judge",
    "ex-deputy", "former Constitutional Court judge" (up to three words between)."""
    for word in reversed(words_before[-5:-1]):
        if word.lower() in _FORMER:
            return True
        if word.endswith((",", ";", ".", ":")):
            return False
    return False


def _titled_before(before: str, prev_word: str, wide: str) -> bool:
    """Whether the words before a run make its name an official's or an opponent's. "The
    local hokim, Ulugbek …": a title set off by a comma still titles the name; a former
    official ("former Prosecutor-General X") holds no office, a former president still counts.
    ``wide``: more of the text before, where "former" may stand ("former Constitutional
    Court judge X")."""
    words_before = wide.split()
    former = prev_word not in _LASTING_TITLES and is_former(words_before)
    if prev_word.rstrip(",") in TITLES and not former or _OPPONENT_BEFORE.search(before) is not None:
        return True
    return any(w in wide for w in _HONOURED_HINTS) and _HONOURED_BEFORE.search(wide) is not None


def _mentions_in_run(text: str, run: list[tuple[str, int, int]]) -> list[Mention]:
    if not any(_is_name_word(re.sub(r"['’]s?$", "", word)) for word, _, _ in run):
        return []  # no word of the run can be part of a name (most runs: "The", "Police")
    lowered = [w.lower() for w, _, _ in run]
    adjective = None
    if "-" in text[run[0][1] : run[-1][2]]:  # every compound adjective has its hyphen
        adjective = next((i for i in range(len(run) - 1, -1, -1) if lowered[i].endswith(_COMPOUND_ADJECTIVES)), None)
    if adjective is not None:  # "Nobel Peace Prize-winning campaigner": the words before it are its own
        return _mentions_in_run(text, run[adjective + 1 :]) if adjective < len(run) - 1 else []
    split = next((i for i in range(len(run) - 2, 0, -1) if lowered[i] in _RUN_SPLITTING_ROLES), None)
    if split is not None:
        return _mentions_in_run(text, run[split + 1 :])
    noun = max((i for i, w in enumerate(lowered) if _is_noun(w)), default=0)
    if noun:  # "Democracy Education Anar Mammadli": the organisation's name ends at its last noun
        return _mentions_in_run(text, run[noun + 1 :]) if noun < len(run) - 1 else []
    organisation = [
        i for i, w in enumerate(lowered) if w.rstrip("'’s") in _ORGANISATION_WORDS or w in _ORGANISATION_WORDS
    ]
    if organisation:
        # "National Security Committee Keneshbek Duishebayev": a name of two or more words
        # after the institution's last word (its own title, if any, first) is a person's.
        rest = run[organisation[-1] + 1 :]
        is_name = [_is_name_word(re.sub(r"['’]s?$", "", w)) for w, _, _ in rest]
        first = is_name.index(True) if True in is_name else len(rest)
        if first <= 1 and len(rest) - first >= 2 and all(is_name[first:]):
            former = is_former(text[max(0, run[0][1] - 60) : run[0][1]].lower().split() + [""])
            return _names_in_run(text, rest, False, "former" if former else lowered[organisation[-1]])
        return []
    if _OF_ORGANISATION.search(text[max(0, run[0][1] - 30) : run[0][1]]):
        return []  # "Center for Mental Health", "Committee for Human Rights"
    before = text[max(0, run[0][1] - 30) : run[0][1]].lower()
    after = text[run[-1][2] : run[-1][2] + 20].lower()
    prev_word = before.split()[-1] if before.split() else ""
    next_word = after.split()[0] if after.split() else ""
    if _names_a_thing(before, prev_word, next_word):
        return []
    wide = text[max(0, run[0][1] - 60) : run[0][1]].lower()
    return _names_in_run(text, run, _titled_before(before, prev_word, wide), prev_word)


_PAGE_OF = re.compile(
    r"(?:pages?|accounts?|channels?|websites?|sites?|outlets?|newspapers?|programmes?|programs?|shows?) of\s*$"
)
_QUOTE_CHARS = ('"', "“", "«", "”", "»")  # one of them is in every _QUOTE_BEFORE match


# Plural nouns of people a capitalised run describes rather than names: "Crimean Tatar activists",
# "Kazakh journalists" (a person's name is not set before a plural noun without a comma).
_DESCRIBED_PEOPLE = frozenset(
    """
    activists journalists bloggers protesters protestors demonstrators dissidents reporters lawyers
    students workers residents citizens migrants believers muslims prisoners detainees
""".split()
)


def _names_a_thing(before: str, prev_word: str, next_word: str) -> bool:
    """The words around a capitalised run make it the name of an organisation, a place, a
    page or a title ("the newspaper Vlast", "Vlast newspaper", "the pages of …", a quotation);
    not after a determined organisation word ("this publication X": one already named)."""
    if (
        prev_word.strip('"“(') in ORG_BEFORE
        and not _DETERMINED_ORG.search(before)
        or next_word.strip('.,;:)"”') in ORG_AFTER
        or next_word.strip('.,;:)"”') in _DESCRIBED_PEOPLE
    ):
        return True
    # (the cheap tests first: each regex needs what its test looks for)
    if before.rstrip().endswith("of") and _PAGE_OF.search(before):
        return True
    # a quoted capitalised run is a title or a slogan
    return any(q in before for q in _QUOTE_CHARS) and _QUOTE_BEFORE.search(before) is not None


def _names_in_run(text: str, run: list[tuple[str, int, int]], titled: bool, prev_word: str) -> list[Mention]:
    """The names among a run's words: each stretch of name words, split at the other words
    (a title among them makes the next stretch an official, unless a former one's:
    "ex-" or "former" before it; ``prev_word`` is the word before the run)."""
    out: list[Mention] = []
    current: list[tuple[str, int, int]] = []
    former = prev_word in _FORMER  # "former Prosecutor General X": every title word is a former one
    for word, start, end in run:
        base = re.sub(r"['’]s?$", "", word)
        if _is_name_word(base) or _is_initial(base) and text[end : end + 2] == ". " and not current:
            current.append((word, start, end))  # an initial only opens a name: "A. Bekova"
            continue
        if current:
            former = False
        if base.lower() not in _DESCRIBED_PEOPLE:  # "Crimean Tatar Activists …": a description
            out.extend(_mention_of(text, current, titled))
        current = []
        titled = base.lower() in TITLES and (not former or base.lower() in _LASTING_TITLES)
        former = former or base.lower() in _FORMER
    out.extend(_mention_of(text, current, titled))
    return out


def _mention_of(text: str, words: list[tuple[str, int, int]], titled: bool) -> list[Mention]:
    """The mention a stretch of name words makes, with a patronymic word after it and
    without a possessive ending; none for an empty stretch, over four words or a repeat."""
    if not words or _is_initial(words[-1][0]):
        return []  # nothing, or an initial with no name after it
    start, end = words[0][1], words[-1][2]
    patronymic = _PATRONYMIC.match(text, end)
    if patronymic and not _is_possessive(text[start:end]):
        end = patronymic.end()  # "Makhabat Tajibek kyzy", "Chynarbek Shabdan uulu"
    raw = text[start:end]
    possessive = _is_possessive(raw)
    if possessive:
        raw = re.sub(r"(?:['’]s|s['’])$", "", raw) if raw.endswith(("'s", "’s")) else raw[:-1]
    names = [w.lower() for w, _, _ in words]
    if len(words) <= 4 and len(set(names)) == len(names):
        return [Mention(raw, start, end, titled=titled, possessive=possessive)]
    return []


# Latin spellings of Kazakh, Kyrgyz, Uzbek and Tajik names vary by the source's system:
# "Zh"/"J"/"Dzh", "Kh"/"H", "Q"/"K", "Y"/"I", doubled letters ("Zhoodar", "Joodar",
# "Zhodar"; "Sultanaliev", "Sultanaliyev"; "Beishekeeva", "Beishekeyeva").
# Slavic names too: "ts"/"c" and "ch"/"c"/"tch" ("Valiantsin Stefanovich", "Valancin Stefanovic",
# "Labkovitch").
_SPELLING = (
    ("dzh", "z"),
    ("zh", "z"),
    ("j", "z"),
    ("tch", "c"),
    ("kh", "h"),
    ("ch", "c"),
    ("ts", "c"),
    ("q", "k"),
    ("gh", "g"),
    ("y", "i"),
    ("w", "v"),
)


@functools.lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    folded = re.sub(r"[-'’]", "", word.lower())
    for written, sound in _SPELLING:
        folded = folded.replace(written, sound)
    folded = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def same_family_name(a: str, b: str) -> bool:
    """Whether two family names are spellings of one ("Stefanovich", "Stefanovic"), or one is
    the other with two letters swapped ("Devizde", "Devidze"): a typo, not another family."""
    x, y = _fold(a), _fold(b)
    if x == y:
        return True
    diff = [i for i, (p, q) in enumerate(zip(x, y)) if p != q] if len(x) == len(y) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def same_person(a: str, b: str) -> bool:
    """Whether two full names are spellings of one person's ("Daleri Imomali", "Daler
    Imomali"; "Makhabat Tazhibek kyzy", "Makhabat Tajibek kyzy"). The family names must
    fold alike ("Asanov" and "Asanova" are two people), a given name may differ by a letter."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or len(words_a) < 2 or _fold(words_a[-1]) != _fold(words_b[-1]):
        return False
    if len(words_a) == 2 and (words_a[0].endswith(".") or words_b[0].endswith(".")):
        return words_a[0][0] == words_b[0][0]  # "M. Abzhan" is "Makhambet Abzhan"
    return all(_one_edit(_fold(x), _fold(y)) for x, y in zip(words_a[:-1], words_b[:-1], strict=True))
