"""English custodial terms, dates, places and charges, found in single sentences.

Terms come out canonical, as the corpus guide asks: "N days", "N months" or "N years";
weeks become days (×7), years with months become months ("three years and six
months" → "42 months"). Only terms bound to custody count ("sentenced to", "jailed for",
"15 days in jail", "a 12-day sentence"); "two days later", "up to 15 days", "barred for
three years" or "one year of restricted freedom" are not terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.analysis import terms
from bot.core.dates import ENGLISH_MONTHS, first_date
from bot.core.places import LATIN_FORMS, LATIN_FORMS_ABROAD

_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "yr": "years"}

_SMALL = {
    "a": 1,
    "an": 1,
    "another": 1,  # "sentenced to another year in prison": one year more
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)"
)
# "2 1/2", "2½", "two and a half", "four-and-a-half", "1.5": only used with years and months.
_NUMBER = rf"(?:\d+(?:\.\d+)?(?: 1/2|½|[- ]and[- ]a[- ]half)?|{_WORD_NUMBER}(?:[- ]and[- ]a[- ]half)?|another|an?)"
# "10 yrs" in posts and quotes. Hours are no unit: a hold counted in hours ("held for 48 hours")
# has no term in the GUIDE's days, months or years, and the corpus labels it null in every language.
_UNIT = r"(?:days?|weeks?|months?|years?|yrs?)"
_UNIT_WORD = re.compile(_UNIT)
# Typeset hyphens ("4½‑year", U+2010/U+2011) read as "-"; one character for one, so offsets hold.
_HYPHENS = str.maketrans("\u2010\u2011", "--")
# Turkish "İ" lower-cases to two characters ("i" and a combining dot): read as "I" first, so
# a lower-cased clause keeps the offsets of its text ("An İstanbul court … for seven days").
_DOTTED_I = str.maketrans({"\u0130": "I"})


def lower_in_place(text: str) -> str:
    """``text`` lower-cased with one character for each of its own (offsets hold)."""
    return text.translate(_DOTTED_I).lower() if "\u0130" in text else text.lower()


# "three years and six months", "3 years 6 months", "2 years, 6 months"
_YEARS_MONTHS = re.compile(rf"\b(?P<y>{_NUMBER})[- ]years?(?:,| and|, and)? (?P<m>{_NUMBER})[- ]months?\b")
_MONTHS_WEEKS = re.compile(rf"\b(?P<m>{_NUMBER})[- ]months?(?:,| and|, and)? (?P<w>{_NUMBER})[- ]weeks?\b")
# "15 days", "fifteen days", "15-day", "a 12-day", "two-month"; "a year and a half" (the
# half after the unit) is the same count as "one and a half years".
_SIMPLE = re.compile(
    rf"\b(?P<n>{_NUMBER})[- ](?:(?:more|additional|further|extra) )?(?P<u>{_UNIT})\b(?P<half> and a half\b)?"
)

# What makes a span a custodial term rather than a duration of something else.
_TERM_AFTER_OK = re.compile(
    r"^(?:-long |\s)?(?:each |apiece )?(?:"
    r"in (?:jail|prison|custody|detention|(?:a |an |the )?(?:[\w-]+ ){0,3}(?:jail|prison|colony|labou?r camp"
    r"|detention (?:cent(?:er|re)|facility)|correctional (?:facility|institution)|isolator))"
    r"|of (?:administrative |pre-?trial |pretrial |house )?(?:arrest|detention|custody|jail|prison|imprisonment|incarceration)"
    r"|(?:administrative |pre-?trial )?(?:jail|prison|detention|arrest|custodial)(?: term| sentence)?"
    r"|behind bars|sentence|term|each|apiece"
    # "(three-month extension, July 4)": a detention prolonged, unless something else is
    # ("a two-year extension of the contract").
    r"|extension(?! of (?!(?:the |his |her |their )?(?:pre-?trial |pretrial )?(?:detention|arrest|custody)))"
    # "a two-year strict regime labour camp sentence"
    r"|(?:[\w-]+ ){0,3}(?:labou?r camp|prison|jail|colony|penal colony) (?:term|sentence)"
    r")"
)
_TERM_BEFORE_OK = re.compile(
    r"(?:\bto|\bfor|\bhanded|\bhanded down|\breceived?|\bgiven|\bgets?|\bgot|\bserve|\bserving|\bof"
    r"|\bby(?: another| a further| an additional)?"
    r"|\bimposed|\bissued|\ba|\ban|\bsentence of|\bterm of|\beach|\bwith)\s*$"
)
# "kept in custody for three weeks before…", "sentenced her to six years": the
# words before settle it whatever follows.
_TERM_BEFORE_STRONG = re.compile(
    r"(?:\b(?:detention|custody|jail|prison|arrest|detained|jailed|imprisoned|remanded|held)(?: \w+){0,2} for"
    r"(?: another| a further| an additional)?"
    r"|\bsentenced(?: \w+){0,3} to|\bjailed(?: \w+){0,2} for"
    r"|\b(?:handed|gave|given|giving|sentenced|jailed)(?: [\w'’-]+){0,3}"
    r"|\b(?:extended|prolonged|lengthened) by(?: another| a further| an additional)?"
    # "extended for another three months the detention of X": a prolongation's length (with words
    # between, "extended the reporter's custody for another 18 days", _EXTENDED_FOR asks for the
    # custody noun: "extended the investigation for another two months" is no term)
    r"|\b(?:extend|prolong)(?:ed|s|ing)? for (?:another|a further|an additional))\s*$"
)
# A custody prolonged by a court: "extended the pre-trial detention of X for another three
# months", "the arrest … was extended for another 22 days" (read on a wider window than the
# words right before the term: the detainee's name and role come between).
_EXTENDED_FOR = re.compile(
    r"(?:\b(?:extend|extended|extends|extending|prolong|prolonged|prolongs|prolonging)\b[^.;]{0,90}?"
    r"\b(?:detention|arrest|custody)\b[^.;]{0,90}?"
    r"|\b(?:detention|arrest|custody)\b[^.;]{0,90}?\b(?:extended|prolonged)\b[^.;]{0,20}?)"
    r"\bfor (?:another|a further|an additional|a period of)\s*$"
)
# "sentenced in less than a week", "jailed within two days": when, not how long.
_TERM_BEFORE_WHEN = re.compile(r"\b(?:in|within) (?:just |only )?(?:less than |under )?$|\bless than $")
_OF_CUSTODY_AFTER = re.compile(
    r"^\s*of (?:administrative |pre-?trial |pretrial |house )?(?:arrest|detention|custody)\b"
)
# "sentenced two days ago", "handed down a week earlier": when, not how long.
_TERM_AFTER_WHEN = re.compile(r"^\s*(?:ago|earlier|later)\b")
# "ranging from seven to ten years", "10 to 15 days": a range, not anyone's term.
_RANGE_BEFORE = re.compile(rf"(?:^|\s)(?P<x>{_NUMBER})(?:\s+(?:to|or)\s+|\s*[-–]\s*)$")
# A day of a month or an article's number before "to" is not a range's start: "sentenced
# on July 20 to five years", "under Article 174 to four years".
_NOT_RANGE_HEAD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$"
    r"|\b(?:articles?|part|section|paragraph|clause|no\.|number)\s*$"
)
_TERM_AFTER_SOFT_BAD = re.compile(r"^(?:-long )?\s*(?:ago|earlier|later|before|after|afterwards|old)\b")
_TERM_AFTER_BAD = re.compile(
    r"^(?:-old\b|(?:-long )?\s*(?:of (?:[\"“'‘])?(?:restricted|freedom|limitation|limited|community|corrective|public|probation|hunger|work|suspended)"
    r"|of (?:the|his|her|their)\b|probation|suspended|restricted|in power|in office|into|on probation"
    # Belarus's "open prison": a dormitory and work, restricted freedom, not custody
    r"|in (?:an? |the )?open(?:-type)? (?:prison|colony|correctional))"
    # a term of office: "a second five-year term as president", "a four-year term in office"
    r"|\s*terms? (?:(?:in|of) office|as)\b)"
)
_TERM_BEFORE_BAD = re.compile(
    r"(?:up to|more than|less than|over|at least|nearly|almost|about|around|within|past|last|next|first|"
    r"between|from|some|barred|banned|prohibited|ban|bans|freedom limitation|restricted freedom|"
    r"hunger strike|probation|suspended|for the|in the|since|after|until"
    # a term served before ("He served a one-year jail term from 2018 to 2019")
    r"|(?:had |has |already )?served (?:a|an|his|her|their)|after serving (?:a|an|his|her|their))\s*$"
)


# "who has been in custody for nine months", "had been behind bars for three
# years": the time held so far, not a term given.
_TIME_SPENT = re.compile(
    r"\b(?:has|have|had) been (?:in (?:[\w-]+ ){0,2}(?:detention|custody|jail|prison)|behind bars)(?: \w+){0,2} for $"
)
_TERM_NOT_GIVEN = re.compile(
    r"\b(?:prosecutors?|prosecution|asked for|asking for|requested|requesting|sought|seek|seeks|seeking|demanded|demanding"
    r"|called for|calling for"
    r"|faces?|facing|could get|could receive|risks?|punishable by|carry|carries|carrying"
    # "an offence that could see her jailed for up to six years"
    r"|(?:could|would|may|might) (?:see|spend|serve)"
    # a penalty that was possible and did not come: "she could have faced six years behind bars"
    r"|(?:could|would|might) have (?:faced|got|received|been given)"
    r"|maximum (?:of|penalty|punishment|sentence|term))\b(?: [\w'’-]+){0,4}\s*$"
)
# "urged the judge to sentence her to 7 1/2 years": a sentence asked for, not given.
_SENTENCE_ASKED = re.compile(
    r"\b(?:ask(?:ed|s|ing)?|call(?:ed|s|ing)? (?:for|on)|urg(?:ed|es|ing)|request(?:ed|s|ing)?|want(?:ed|s)?)"
    r"(?: [\w'’,-]+){0,4} to (?:(?:sentence|jail|imprison|convict)(?: [\w'’-]+){0,2} to"
    # "The state asked for Orlov, 41, to be jailed for 3.5 years"
    r"|be (?:sentenced|jailed|imprisoned)(?: [\w'’-]+){0,2} (?:to|for)"
    # "wants the judge to impose a sentence of 2 1/2 years"
    r"|(?:hand down|impose|give|issue)(?: [\w'’-]+){0,3}? (?:sentence|term|punishment) of)\s*$"
)
_BAN = re.compile(
    r"\b(?:barred|banned from|bans? (?:on|from)|prohibited from|deprived of|probation|suspended|fined"
    r"|not (?:be )?allowed|forbidden|not permitted|may not|cannot|can't"
    r"|restricted freedom|freedom limitation|restriction|denied (?:[\w'’-]+ ){0,2}(?:the )?rights?"
    r"|stripped (?:[\w'’-]+ ){0,2}of)\b"
)
_CUSTODY_WORD = re.compile(r"\b(?:jail|jailed|prison|arrest|detention|custody|imprison\w*|detained)\b")


@dataclass(frozen=True)
class TermSpan:
    """A custodial term found at [start, end) of a sentence, canonicalised."""

    start: int
    end: int
    term: str | None  # None: a custodial duration with no canonical form


def number_value(text: str) -> float | None:
    """'15' → 15, 'fifteen' → 15, 'twenty-five' → 25, 'a' → 1, '2 1/2' → 2.5."""
    text = re.sub(r"-and-a-half$", " and a half", text.strip().lower())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if text.endswith(" 1/2") or text.endswith("½"):
        text, half = text.rstrip("½").removesuffix(" 1/2"), 0.5
    try:
        return float(text) + half
    except ValueError:
        pass
    if text in _SMALL:
        return _SMALL[text] + half
    parts = re.split(r"[- ]", text)
    if parts[0] in _TENS:
        value = _TENS[parts[0]]
        if len(parts) == 2 and parts[1] in _SMALL:
            value += _SMALL[parts[1]]
        return value + half
    return None


def canonical_term(amount: float, unit: str) -> str | None:
    """(2, "weeks") → "14 days"; (2.5, "years") → "30 months"; fractions of days → None."""
    unit = "years" if unit.lower().startswith("yr") else unit
    in_days = amount * 7 if unit.lower().startswith("week") else amount
    if unit.lower().startswith(("day", "week")) and in_days != int(in_days):
        return None
    try:
        return terms.canonical(amount, unit)
    except terms.TermError:
        return None


def refines(precise: str, rough: str) -> bool:
    """Whether ``precise`` is ``rough`` stated exactly: a headline's "6 years" and the
    body's "78 months" (six and a half years) are one sentence, the latter exact."""
    count, unit = precise.split()
    rough_count, rough_unit = rough.split()
    return unit == "months" and rough_unit == "years" and int(count) // 12 == int(rough_count) and int(count) % 12 != 0


def find_terms(sentence: str, unit_hint: str | None = None) -> list[TermSpan]:
    """Every custodial term in ``sentence`` (original case kept for offsets); ``unit_hint``:
    the unit of the last term stated earlier in the same sentence (another clause of it)."""
    lowered = lower_in_place(sentence).translate(_HYPHENS)
    spans: list[TermSpan] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    # Each pattern needs its unit words: the substring tests spare most clauses the regexes.
    units = {unit for unit in ("day", "week", "month", "year", "yr") if unit in lowered}
    for match in _YEARS_MONTHS.finditer(lowered) if {"year", "month"} <= units else ():
        years, months = number_value(match["y"]), number_value(match["m"])
        if years is None or months is None:
            continue
        if _custodial(lowered, match.start(), match.end()):
            spans.append(TermSpan(match.start(), match.end(), f"{int(years * 12 + months)} months"))
        taken.append((match.start(), match.end()))
    for match in _MONTHS_WEEKS.finditer(lowered) if {"month", "week"} <= units else ():
        # "two months and one week" has no exact canonical form in whole months or
        # days-per-month: it marks custody, but the term is left out rather than guessed.
        if _custodial(lowered, match.start(), match.end()):
            spans.append(TermSpan(match.start(), match.end(), None))
        taken.append((match.start(), match.end()))
    for match in _SIMPLE.finditer(lowered) if units else ():
        if not free(match.start(), match.end()):
            continue
        value = number_value(match["n"])
        if value is None:
            continue
        if not _custodial(lowered, match.start(), match.end()) and not _elliptic(sentence, match, spans):
            continue
        if match["half"] and match["u"].startswith(("year", "month")) and value == int(value):
            value += 0.5
        term = canonical_term(value, match["u"])
        if term is not None:
            spans.append(TermSpan(match.start(), match.end(), term))
    spans.sort(key=lambda span: span.start)
    implied = _implied_unit_terms(sentence, lowered, spans, unit_hint)
    return sorted(spans + implied, key=lambda span: span.start) if implied else spans


def term_unit(sentence: str, span: TermSpan) -> str | None:
    """The unit a term span was written in ("years" for "seven-and-a-half years")."""
    found = _UNIT_WORD.search(sentence[span.start : span.end].lower())
    return _UNITS[found.group(0).rstrip("s")] if found else None


# "sentenced X to seven years and Y to five", "X got 10 days and Y 15", "A and B each
# received eight": a bare number where a term is due takes the unit of the term stated
# before it in the sentence.
_BARE_NUMBER = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{_WORD_NUMBER})(?P<half>[- ]and[- ]a[- ]half)?\b(?![- ](?:and[- ]a[- ]half|{_UNIT}|[\w-]*year))"
)
_BARE_BEFORE_VERB = re.compile(r"(?:\bto|\breceived?|\bgot|\bgets|\bgiven|\beach)\s+$")
_BARE_BEFORE_NAME = re.compile(r"[A-Z][\w'’-]+\s+$")
_BARE_AFTER = re.compile(r"\s*(?:[,;.)]|and\b|each\b|apiece\b|respectively\b|$)")
_BARE_AFTER_VERB = re.compile(r"\s+(?:on|for|in|under|over|by|after|behind)\b")
_LIST_AHEAD = re.compile(rf"(?:,\s*{_NUMBER})*,?\s+(?:and|or|to)\s+{_NUMBER}[- ]{_UNIT}\b")
_NOT_BARE_HEAD = re.compile(r"\b(?:articles?|part|section|paragraph|clause|no|number|chapter|point|item|protocol)\s+$")


def _implied_unit_terms(sentence: str, lowered: str, spans: list[TermSpan], hint: str | None) -> list[TermSpan]:
    if hint is None and not any(span.term is not None for span in spans):
        return []  # no unit to imply (most sentences)
    found = []
    for match in _BARE_NUMBER.finditer(lowered):
        earlier = [span for span in spans if span.end <= match.start() and span.term is not None]
        unit = term_unit(sentence, earlier[-1]) if earlier else hint
        value = number_value(match.group(0))
        if unit is None or value is None or any(s.start <= match.start() < s.end for s in spans):
            continue
        before, after = lowered[max(0, match.start() - 40) : match.start()], lowered[match.end() :]
        verb = _BARE_BEFORE_VERB.search(before)
        name = _BARE_BEFORE_NAME.search(sentence, 0, match.start())
        if verb is None and (name is None or name.group(0).strip().lower() in ENGLISH_MONTHS):
            continue
        if _NOT_BARE_HEAD.search(before) or _TERM_BEFORE_BAD.search(before) or _TERM_NOT_GIVEN.search(before):
            continue
        if _LIST_AHEAD.match(after):
            continue  # "received 8 and 10 years": a list of terms, one per person
        if not (_BARE_AFTER.match(after) or verb is not None and _BARE_AFTER_VERB.match(after)):
            continue
        term = canonical_term(value, unit)
        if term is not None:
            found.append(TermSpan(match.start(), match.end(), term))
    return found


# "X received 15 days of arrest, Y 10 days, and Z five days": after the first term, a
# duration right after a name, closing its part of the list, is that person's term.
_ELLIPTIC_BEFORE = re.compile(r"[A-Z][\w'’-]+,?\s+$")
_ELLIPTIC_AFTER = re.compile(r"\s*(?:[,;.)]|and\b|each\b|$)")
# "X (15 days), Y (10 days) were sentenced to arrest", "X - 15 days, Y - 10 days": a
# duration set beside a name, as lists of sentences give them.
_BESIDE_NAME = re.compile(r"[A-Z][\w'’-]+(?: \(| ?[-–—:] ?)$")


def _beside_name(sentence: str, match: re.Match[str]) -> bool:
    beside = _BESIDE_NAME.search(sentence, 0, match.start())
    if beside is None or beside.group(0).rstrip(" (-–—:").lower() in ENGLISH_MONTHS:  # "on June 10" is a date
        return False
    closing = r"\s*\)" if beside.group(0).endswith("(") else r"\s*(?:[,;.]|and\b|$)"
    return re.match(closing, sentence[match.end() :]) is not None


def _elliptic(sentence: str, match: re.Match[str], spans: list[TermSpan]) -> bool:
    if _beside_name(sentence, match):
        return True
    name = _ELLIPTIC_BEFORE.search(sentence, 0, match.start())
    return (
        name is not None
        and name.group(0).strip(" ,").lower() not in ENGLISH_MONTHS  # "on June 10"
        and any(span.end <= match.start() and span.term is not None for span in spans)
        and _ELLIPTIC_AFTER.match(sentence, match.end()) is not None
    )


def _is_range(before: str) -> bool:
    match = _RANGE_BEFORE.search(before)
    return match is not None and not _NOT_RANGE_HEAD.search(before, 0, match.start("x"))


def _extended_for(lowered: str, start: int) -> bool:
    """Whether the term at ``start`` is the spell a detention was extended by (_EXTENDED_FOR); every
    form holds "extend" or "prolong", and the substring tests spare most terms the regex."""
    window = lowered[max(0, start - 200) : start]
    return ("extend" in window or "prolong" in window) and _EXTENDED_FOR.search(window) is not None


def _custodial(lowered: str, start: int, end: int) -> bool:
    before = lowered[max(0, start - 40) : start]
    after = lowered[end : end + 60]
    if after[:1] in ("'", "’"):
        after = after[1:]  # "four and a half years' imprisonment"
    if _TERM_AFTER_BAD.match(after):
        return False
    wide = lowered[max(0, start - 80) : start]
    if _TERM_NOT_GIVEN.search(before) or _SENTENCE_ASKED.search(wide) or "been" in before and _TIME_SPENT.search(wide):
        return False  # "prosecutors asked for seven years", "faces five years": not a term given
    if _TERM_AFTER_WHEN.match(after) or _is_range(before):
        return False
    if _TERM_BEFORE_WHEN.search(before) and not _OF_CUSTODY_AFTER.match(after):
        return False  # "in two months" is when; "in two months of pre-trial detention" is a term
    if _TERM_BEFORE_STRONG.search(before):
        return not before.endswith(("up to ", "as many as "))  # "jailed for up to eight years": a maximum
    if "for " in before and _extended_for(lowered, start):
        return True
    if _TERM_BEFORE_BAD.search(before) or _TERM_AFTER_SOFT_BAD.match(after):
        return False
    ban = None
    for ban in _BAN.finditer(lowered, 0, start):  # noqa: B007 (the last match is wanted)
        pass
    if ban is not None and not _CUSTODY_WORD.search(lowered, ban.end(), start) and not _TERM_AFTER_OK.match(after):
        return False  # "barred from public activity for five years" is not custody
    if _TERM_AFTER_OK.match(after):
        return True
    weak_before = _TERM_BEFORE_OK.search(before)
    # "a two-day search": an article alone does not make a duration a sentence.
    return weak_before is not None and weak_before.group(0).strip() not in ("a", "an")


# --- dates --------------------------------------------------------------------------

# "\b(?:19|20)\d\d\b" with the word start looked behind from the first digit: the regex engine
# skips ahead to a "1" or a "2" (a "\b" first is tried at every character).
_YEAR = re.compile(r"(?:1(?<!\w1)9|2(?<!\w2)0)\d\d\b")


def find_date(sentence: str, context_year: int | None) -> str | None:
    """The first explicit day-and-month in ``sentence`` as ISO, or None (read by
    bot/core/dates.py, the one date parser, with the English month names).

    A date without a year takes ``context_year``; with neither, there is no date.
    """
    found = first_date(sentence, ("en",), context_year)
    return found.isoformat() if found else None


def context_year(text: str) -> int | None:
    """The latest year a report mentions: the year its events most likely belong to."""
    years = [int(y) for y in _YEAR.findall(text[:6000])]
    return max(years) if years else None


# --- places -------------------------------------------------------------------------

# Kazakh cities and regions (several spellings are in use), then neighbouring capitals
# as a fallback for reports from elsewhere in the region.
KAZAKH_PLACES = LATIN_FORMS  # the gazetteer, bot/core/places.py
REGIONAL_PLACES = LATIN_FORMS_ABROAD
_REGION_SUFFIX = r"(?: (?:region|oblast|Region|Oblast|province|Province))?"
_KAZAKH_PLACE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in KAZAKH_PLACES) + r")\b" + _REGION_SUFFIX, re.IGNORECASE
)
_REGIONAL_PLACE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in REGIONAL_PLACES) + r")\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(
    rf"\b(?P<first>{_NUMBER})-?(?P<more>(?:, {_NUMBER}-?)*)(?:,)? and (?P<last>{_NUMBER})[- ](?P<u>{_UNIT})\b[^.;]*?\brespectively\b"
)


# "A and B received 8 and 10 years", "sentenced A and B to seven and five years": terms
# listed right after the verb that gives them.
_LISTED_AFTER_VERB = re.compile(
    rf"\b(?:received|got|were given|were sentenced to|were jailed for|to)\s+(?P<first>{_NUMBER})(?P<more>(?:, {_NUMBER})*)(?:,)?"
    rf" and (?P<last>{_NUMBER})[- ](?P<u>{_UNIT})\b"
)


def find_respective_terms(sentence: str) -> list[str | None]:
    """Terms listed for several people at once: "to 10 and 15 days respectively"."""
    lowered = sentence.lower()
    if " and " not in lowered:
        return []  # both patterns join the last number with " and " (the cheap test first)
    match = (_RESPECTIVELY.search(lowered) if "respectively" in lowered else None) or _LISTED_AFTER_VERB.search(lowered)
    if not match:
        return []
    numbers = [match["first"]] + [n.rstrip("-") for n in match["more"].split(", ") if n] + [match["last"]]
    terms = []
    for number in numbers:
        value = number_value(number)
        terms.append(canonical_term(value, match["u"]) if value is not None else None)
    return terms


def find_place(sentences: list[str]) -> str | None:
    """The first Kazakh place named in ``sentences`` (in order), else a regional capital.

    Datelines write the place in capitals ("ASTANA --"); the result uses the usual
    spelling either way.
    """
    for pattern, canonical in ((_KAZAKH_PLACE, KAZAKH_PLACES), (_REGIONAL_PLACE, REGIONAL_PLACES)):
        for sentence in sentences:
            for match in pattern.finditer(sentence):
                found = match.group(0)
                if not found[0].isupper():
                    continue
                if found.isupper():
                    head = next((p for p in canonical if p.upper() == found.split(" ")[0]), found)
                    return head
                return found
    return None


# --- charges ------------------------------------------------------------------------

_ARTICLE = re.compile(
    r"\b[Aa]rticles? (?P<num>\d+(?:[-.]\d+)*)(?:,? (?:part|section|paragraph|clause) \d+)?"
    r"(?: \([^)]{0,60}\))?(?:,)? of (?:the )?(?:Kazakh(?:stan)?'?s? |Republic of Kazakhstan'?s? )?"
    r"(?P<kind>[Aa]dministrative|[Cc]riminal|[Cc]ode of [Aa]dministrative)"
)
_ARTICLE_BARE = re.compile(
    r"\b(?P<kind>[Aa]dministrative|[Cc]riminal) [Cc]ode(?:'s)? [Aa]rticle (?P<num>\d+(?:[-.]\d+)*)"
)
_OFFENCE = re.compile(
    r"\b(?:on charges? of|charged with|accused of|convicted of|found guilty of|guilty of|suspected of|"
    r"on suspicion of|for)\s+[\"“'‘]?(?P<what>(?:organi[sz]ing|participating in|taking part in|holding|"
    r"calling for|distributing|spreading|disseminating|inciting|insulting|violating|disseminating|"
    r"disobeying|financing|membership in|involvement in|links? (?:to|with)|ties (?:to|with)|"
    r"\"?false information|extremism|hooliganism|incitement|insult(?:ing)?|illegal|unsanctioned|"
    r"unauthori[sz]ed|disobedience|participation in|supporting)[^.;:,\"”’()]{3,90})"
)


def find_charge(sentences: list[str]) -> str | None:
    """An article of a code ("Article 488 of the Administrative Code") or an offence phrase."""
    for sentence in sentences:
        match = _ARTICLE.search(sentence) or _ARTICLE_BARE.search(sentence)
        if match:
            kind = "Criminal" if match["kind"].lower().startswith("criminal") else "Administrative"
            return f"Article {match['num']} of the {kind} Code"
    for sentence in sentences:
        match = _OFFENCE.search(sentence)
        if match:
            what = match["what"].strip(" \"“”'‘’")
            words = what.split()
            return " ".join(words[:10])
    return None
