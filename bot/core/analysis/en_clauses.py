"""English reports cut into clauses, each with what it says about custody and whom it names.

Why a module of its own: the English rules (english.py) weigh clauses and the detainee
rules (en_detainees.py) read who each is about; both work on the clauses made here. A
sentence is cut at ";", dashes, "while", "whereas" and ", but" (a list of the detained
stays one clause); a clause in a sentence about a release reports no custody, and a
fine, summons or restricted freedom is a penalty, not custody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.analysis.en_names import Mention, find_mentions
from bot.core.analysis.en_roles import is_excluded_mention
from bot.core.analysis.en_terms import TermSpan, find_respective_terms, find_terms, lower_in_place, term_unit
from bot.core.analysis.literal_guard import GuardedRegex
from bot.core.analysis.packs import en as en_pack

# "penal colony" and "custody" are custody with a preposition ("in a penal colony",
# "into custody"); elsewhere ("a former Soviet penal colony") they describe a place.
_CUSTODY_PAIRS = [(w, p) for w, p in en_pack.CUSTODY if w not in ("penal colony", "custody")] + list(en_pack.PREFIXED)
CUSTODY = re.compile(r"\b(?:" + "|".join(p for _, p in _CUSTODY_PAIRS) + r")\b")
# CUSTODY over a whole clause: tried only where one of its words starts (literal_guard), which
# settles the clauses with none (most) in one automaton pass. (The rules' short windows after a
# name keep the plain regex.)
_CUSTODY_IN_CLAUSE = GuardedRegex(CUSTODY)
#: Custody long ago, not news now.
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Custody dated by a year ("in 2012", "in January 2022", "on January 16, 2024"): news of the day
# names no year, so a clause that does tells the backstory.
LONG_AGO = re.compile(
    r"\b(?:\w+ (?:months|years) ago|last year|in (?:(?:early|late|mid) )?(?:" + _MONTH + r" )?(?:19|20)\d\d"
    r"|on " + _MONTH + r" \d{1,2},? (?:19|20)\d\d|on \d{1,2} " + _MONTH + r",? (?:19|20)\d\d)\b"
)

# "were sentenced to prison terms" with no length: the clause is someone's custody.
_SENTENCED_TO_PRISON = re.compile(r"\bsentenced (?:[\w-]+ ){0,4}to (?:[\w-]+ ){0,2}(?:prison|jail)\b")
# Endings of English nouns that no name in this region's news has.
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")
_NOT_NAME_ENDING = re.compile(r"(?:tions?|sions?|ments?|ness|ities|ity|ics|ships?|ances?|ences?|ists|isms?)$")
_LIST_INTRO = re.compile(
    r"\b(?:those|people|activists|journalists) (?:detained|arrested|jailed|held) (?:include|included|were|are)\b"
    r"|\bamong (?:those|the) (?:detained|arrested|detainees)\b|\bthe detainees (?:include|are|were)\b"
)
# "detained X …; both were released after questioning": a hold of hours is custody too.
_SHORT_HOLD = re.compile(
    r"\b(?:detained|arrested)\b[^.]*\breleased (?:\w+ ){0,2}?(?:after (?:questioning|interrogation|being questioned)"
    r"|the same (?:day|evening|night)|(?:several |a few )?hours later|later that (?:day|evening|night))"
)
# A dash before a list of names ("eight journalists — A B, C D and E F") does not break.
_CLAUSE_BREAK = re.compile(
    r";|\s+(?:--|—)\s+(?!(?:[A-Z][\w'’-]+ ){1,3}[\w'’-]+(?:,| and )|including\b|among them\b|namely\b"
    # "A, B and C — one of them a minor — were jailed": the dash closes an aside, the verb goes on
    r"|(?:[^-—;]{1,140}\s(?:--|—)\s+)?(?:were|was|are|is|have|has|had|each|all|both|received|got)\b)"
    r"|,? while |,? whereas |, but "
    # "X was jailed for 10 days, and the other two were released": the others' own clause.
    r"|, and (?=the (?:other|rest)\b|(?:the )?others\b)"
)

_BREAK_MARKS = (";", "--", "—", " while ", " whereas ", ", but ", ", and ")


@dataclass
class Clause:
    """One clause of a report, and what the rules read in it."""

    text: str
    lowered: str
    sentence: int  # index into the sentence list
    custody: list[str] = field(default_factory=list)
    terms: list[TermSpan] = field(default_factory=list)
    release: bool = False
    penalty_only: bool = False
    mentions: list[Mention] = field(default_factory=list)


def has_keyword(lowered: str, keyword: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(keyword), lowered) is not None


def split_clauses(sentences: list[str], has_title: bool, extra: list[str]) -> list[Clause]:
    """The clauses of a report's ``sentences`` (the first one the title when ``has_title``);
    ``extra`` are the operators' own custody keywords."""
    lowered = "\n".join(sentences).lower()
    detention_context = bool(re.search(r"detention|custody|arrest", lowered))
    # Words the report writes in lower case (never sentence-initial, so never a name's).
    lower_words = frozenset(_LOWER_WORD.findall(" ".join(sentences)))
    clauses: list[Clause] = []
    for index, sentence in enumerate(sentences):
        low_sentence = sentence.lower()
        headline = index == 0 and (has_title or len(low_sentence.split()) <= 14)
        release = (
            bool(en_pack.RELEASE.search(low_sentence) or (headline and en_pack.TITLE_RELEASE.search(low_sentence)))
            and not en_pack.DEMAND_RELEASE.search(low_sentence)
            and not _arrested_then_served(low_sentence)
            and not ("released" in low_sentence and _SHORT_HOLD.search(low_sentence))
        )
        # "Those detained include A; B; and C": one list, not clauses. (A sentence without
        # any of the marks every break holds is one clause: the cheap test first.)
        breaks = any(mark in sentence for mark in _BREAK_MARKS)
        parts = _CLAUSE_BREAK.split(sentence) if breaks and not _LIST_INTRO.search(low_sentence) else [sentence]
        unit: str | None = None  # the unit of the sentence's last term so far ("to five" is in it)
        for part in parts:
            part = part.strip(" ,")
            if part:
                clause = _clause(part, index, release and _releases(part, parts), extra, detention_context, unit)
                unit = term_unit(part, clause.terms[-1]) if clause.terms else unit
                clause.mentions = [m for m in find_mentions(part) if not _common_words(m.text, lower_words)]
                previous = clauses[-1] if clauses and clauses[-1].sentence == index else None
                if previous is not None and previous.custody and _continues_list(clause) and _held_last(previous):
                    clause.custody = list(previous.custody)  # "detained A, B; C and D at the square"
                clauses.append(clause)
    return clauses


def _clause(
    part: str, index: int, release: bool, extra: list[str], detention_context: bool, unit: str | None = None
) -> Clause:
    """One clause of sentence ``index``: its custody words and terms, unless the sentence
    reports a release; a penalty that is not custody."""
    low = lower_in_place(part)
    clause = Clause(part, low, index, release=release)
    if not release and not _all_in_absentia(part):  # an exile sentenced in absentia
        held = list(_CUSTODY_IN_CLAUSE.finditer(low))
        # NOT_CUSTODY is asked only when its answer can matter: a custody word, or a lone term.
        blocked = _not_custody(low) if held else None
        clause.custody = [m.group(0) for m in held if not any(lo <= m.start() < hi for lo, hi in blocked or ())]
        clause.custody += [kw for kw in extra if has_keyword(low, kw)]
        clause.terms = [t for t in find_terms(part, unit) if not _restricted_near(low, t)]
        if clause.terms and detention_context and en_pack.EXTENDED.search(low):
            clause.custody.append("extended")
        respective = (
            not clause.terms
            and " and " in low  # (every list of terms has it: the cheap test first)
            and not (en_pack.RESTRICTED.search(low) or en_pack.PENALTY_ONLY.search(low))
            and find_respective_terms(part)
        )
        if (
            (clause.terms or respective)
            and not clause.custody
            and not (_not_custody(low) if blocked is None else blocked)
        ):  # not "refused to arrest X for 2 months"
            clause.custody.append("term")  # "terms of six, four and five years respectively" too
    clause.penalty_only = not clause.custody and bool(
        en_pack.PENALTY_ONLY.search(low) or en_pack.RESTRICTED.search(low)
    )
    return clause


def _not_custody(low: str) -> list[tuple[int, int]]:
    """The spans of a lower-cased clause where a custody word is no custody (NOT_CUSTODY)."""
    return [(m.start(), m.end()) for m in en_pack.NOT_CUSTODY.finditer(low)]


# "A, B and C (in absentia) were sentenced": only C was tried in his absence; "sentenced A to
# eight years, and also sentenced B and C in their absence": only the part after ", and".
_ONE_IN_ABSENTIA = re.compile(r"[\w'’-] \((?:tried |sentenced |convicted )?in absentia\)")
_COORDINATION = re.compile(r",? and (?:also )?|, while |; ")


def _absentia_spans(part: str) -> list[tuple[int, int]]:
    """Where in a clause the people tried in absentia are named: the whole clause, or only
    the name before "(in absentia)", or the coordinated part that ends in the phrase."""
    low = part.lower()
    spans: list[tuple[int, int]] = []
    if "absen" not in low:
        return spans  # every form of IN_ABSENTIA ("in absentia", "in his absence") holds it
    for match in en_pack.IN_ABSENTIA.finditer(low):
        if _ONE_IN_ABSENTIA.match(low, max(0, match.start() - 3)) or low[max(0, match.start() - 1)] == "(":
            joint = max(low.rfind(",", 0, match.start()) + 1, low.rfind(" and ", 0, match.start()) + 5)
            spans.append((max(1, joint), match.end()))  # only the name right before it
            continue
        joints = [j.end() for j in _COORDINATION.finditer(low, 0, match.start())]
        spans.append((joints[-1] if joints else 0, match.end()))
    return spans


def _all_in_absentia(part: str) -> bool:
    """Whether a clause was passed on people all in absentia (see :func:`_absentia_spans`)."""
    spans = _absentia_spans(part)
    return bool(spans) and any(start == 0 for start, _ in spans)


def in_absentia(clause: Clause, mention: Mention) -> bool:
    """Whether the clause says ``mention`` was tried in absentia."""
    return any(start <= mention.start and mention.end <= end for start, end in _absentia_spans(clause.text))


def _restricted_near(low: str, term: TermSpan) -> bool:
    """Whether a term is one of restricted freedom, probation or a suspended sentence: the
    words near it say so ("Karim B. – to 180 hours of community service" does not make the
    "15 days in jail" of the others in its sentence non-custodial)."""
    window = low[max(0, term.start - 45) : term.end + 45]
    return en_pack.RESTRICTED.search(window) is not None


# A verb of a clause of its own: a part with none, after ";", goes on the list before it.
_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|will|would|can|could|said|says|told|received|got|gave|given|remains?"
    r"|\w{3,}ed)\b"
)


def _held_last(clause: Clause) -> bool:
    """Whether a custody clause ends on a name that can be one of the held (not "complaints
    made by Minister X", whose list after ";" is of complainants)."""
    if not clause.mentions:
        return False
    last = clause.mentions[-1]
    return not last.titled and not is_excluded_mention(clause.text, clause.mentions, last, CUSTODY)


def _continues_list(clause: Clause) -> bool:
    """Whether a clause without custody only names more people, with their roles, and no verb
    of its own ("…; former lawmaker Y; human rights defender Z"): the list before it goes on."""
    if clause.custody or clause.release or clause.penalty_only or not clause.mentions:
        return False
    rest = clause.text
    for mention in reversed(clause.mentions):
        rest = rest[: mention.start] + rest[mention.end :]
    return _VERB.search(rest.lower()) is None


def _releases(part: str, parts: list[str]) -> bool:
    """Whether a clause of a sentence that reports a release is about the release: "two
    were sentenced to prison terms; the remaining seven were acquitted" sentences the two."""
    if len(parts) < 2 or en_pack.RELEASE.search(part.lower()):
        return True
    return not (find_terms(part) or _SENTENCED_TO_PRISON.search(part.lower()))


def _arrested_then_served(low: str) -> bool:
    """ "were arrested … and spent 15 days in jail": the custody this sentence reports ended,
    but it is still the custody (as a detention of a few hours is), not a release."""
    spent = re.search(r"\bspent (?:[\w-]+ ){1,3}(?:in|behind) (?:prison|jail|bars|custody|detention)", low)
    if spent is None:
        return False
    return bool(CUSTODY.search(low[: spent.start()])) and not en_pack.RELEASE.search(
        low[: spent.start()] + low[spent.end() :]
    )


def _common_words(name: str, lower_words: frozenset[str]) -> bool:
    """A capitalised run with a word the report also writes in lower case, or with an
    ending names do not have, is a headline's words, not a person ("Alleged Crime
    Committed", "Birthday Celebrations", "Main Directorate")."""
    for word in name.split():
        low = word.lower()
        if word.islower():
            continue  # a patronymic word the name finder kept ("Tajibek kyzy")
        if len(low) >= 4 and (low in lower_words or _NOT_NAME_ENDING.search(low)):
            return True
    return False
