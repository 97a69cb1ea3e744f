"""How likely a Kazakh custody sentence is an arrest to report: its score and the reasons.

A custody sentence starts at 0.35; civic words near it (or in the report) raise it, a named
person, a term or a count of people raises it, ordinary crime near it (or in the report)
lowers it unless the report speaks of persecution, and custody only as a state ("қамауда
отыр") or as background ("2024 жылы …") lowers it. The best sentence is the report's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.analysis.kk_clauses import TIME_SERVED_RE, Clause, serves_time
from bot.core.analysis.kk_stems import (
    BACKGROUND_RE,
    CIVIC_STRONG_ANY,
    CIVIC_STRONG_RE,
    CIVIC_WEAK_ANY,
    CIVIC_WEAK_RE,
    COUNT_RE,
    CRIME_ANY,
    DEMAND_RE,
    FINE_RE,
    NOT_CIVIC_RE,
    PAST_RE,
    PERSECUTION_RE,
    PROTEST_RE,
    RELEASE_RE,
    RESTRICTED_RE,
    TOLD_PRESS_RE,
    crime_kinds_in,
    crime_regex,
)
from bot.core.analysis.literal_guard import guarded
from bot.core.analysis.packs.kk import CRIME_STEMS, PROTEST_CHARGES

# "2024 жылы елде 40 белсенді ұсталған": a count over a whole year (not a date: "2026
# жылы 5 қаңтарда").
# Years since an event, in a title or lead: "оқиғасына 10 жыл толды", "20 жылдығы", "он жыл бұрын".
_ANNIVERSARY = re.compile(r"жыл\s+(?:толд|толып|толған|өтті|отти|толган|бұрын|бурин)|жылдығ|жилдиг")
# Time words that keep custody in an anniversary report news: "кеше", "бүгін".
_RECENT = re.compile(
    r"(?<![\w])(?:кеше|бүгін|бугин|таңертең|танертен|жақында|жакинда|таяуда|тайауда|осы аптада)(?![\w])"
)
# After a past marker: a recent time or "тағы" (again) tells the new custody.
_NOW_AGAIN = re.compile(
    r"(?<![\w])(?:кеше|бүгін|бугин|таңертең|танертен|жақында|жакинда|таяуда|тайауда|тағы|таги)(?![\w])"
)
# A year in a date ("2022 жылғы қаңтарда") and the pluperfect ("қамалған еді", "ұсталған болатын").
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d\s+(?:жылғы|жылы|жилги|жили)(?!\w)")
_PLUPERFECT = re.compile(r"(?:ған|ген|қан|кен|ган|кен)\s+(?:еді|болатын|еди|болатин)(?!\w)")
# TIME_SERVED_RE without its leading "\w*", which the engine retries at every letter: the same
# texts match (the "\w*" may match nothing), for a yes or no.
_SERVED_ANYWHERE = re.compile(TIME_SERVED_RE.pattern.removeprefix(r"\w*"))
# A sentence closed by the "-ған" past and no auxiliary: "Ол … ұсталған."
_PARTICIPLE_END = re.compile(r"(?:ған|ген|қан|кен|ган|кан)\s*[.!]?\s*$")


# A reminder that opens the report's background: "еске сала кетейік", "еске салсақ".
_REMINDER = re.compile(r"(?<![\w])еске\s+(?:сала|салайық|салайик|салсақ|салсак)(?![\w])")


def _reminder_past(low: str) -> bool:
    """ "Еске сала кетейік, бұған дейін … митинг өткізген болатын": a reminder that tells a past;
    the custody told after it is that past unless a recent time says otherwise."""
    return bool(_REMINDER.search(low) and (PAST_RE.search(low) or _PLUPERFECT.search(low)))


def _dated_past(low: str) -> bool:
    """ "2022 жылы … орын алған еді": a year and the pluperfect, a past told as such."""
    return ("жыл" in low or "жил" in low) and bool(_DATED.search(low) and _PLUPERFECT.search(low))


# Set free by the verdict, "сот залынан босатты" (a suspended or non-custodial sentence, an
# acquittal): the custody before the trial is over, not news.
_FREED_IN_COURT = guarded(r"(?<![\w])зал[ыи]нан\s+(?:\w+\s+)?босат")
# A whole year ("2024 жылы", "биыл", this year), not a day of it ("биыл 3 мамырда").
_WHOLE_YEAR = re.compile(
    r"(?:(?<!\d)(?:19|20)\d\d\s+(?:жылы|жили|жыл ішінде|жил ишинде)|(?<![\w])(?:биыл|биил))(?!\w)(?!\s+\d)"
)
# Hundreds of thousands or millions held ("700 мыңнан астам қазақ", "бір миллионнан астам
# ұйғыр"): an estimate of a camp's or a prison system's population, never one detention.
_POPULATION = re.compile(
    r"(?<![\d\w])(?:[1-9]\d{2}\s+(?:мың|мын|миң)|(?:\d+\s+|бір\s+|бир\s+)?миллион)\w*(?!\w)"
    r"(?!(?:\s+\w+){0,2}\s+(?:теңге|тенге|доллар|рубль|сом|юан|евро|зиян|шығын))"  # money, not people
)


def _population(low: str) -> re.Match[str] | None:
    """The first estimate of a population held in ``low`` (a word every match has, first)."""
    counted = "мың" in low or "мын" in low or "миң" in low or "миллион" in low
    return _POPULATION.search(low) if counted else None


@dataclass(frozen=True)
class _Report:
    """What the whole report says: the background each custody sentence is scored against."""

    civic_extra: tuple[str, ...]
    title_low: str
    strong: list[str]
    weak: list[str]
    crime: list[str]
    persecution: bool
    only_states: bool
    anniversary: bool  # the title or lead says years have passed ("оқиғасына 10 жыл толды")
    served: bool  # the title or lead counts years served ("түрмеде отырғанына 15 жыл болды")
    freed_in_court: bool  # "сот залынан босатты": the verdict set the accused free
    released_lead: bool  # the title or lead tells only a release ("журналистерді қамаудан босатты")
    past_lead: int  # the title or lead sentence that tells custody as a past state ("тұтқында болған әйел"), or -1


def best_clause(
    clauses: list[Clause], low: str, civic_extra: tuple[str, ...], title_low: str
) -> tuple[float, int, list[str]]:
    """The custody sentence that best makes the report an arrest: its score, its index (-1
    when there is none) and the reasons, for the operator and the quality reports."""
    leads_low = "\n".join(c.low for c in clauses[: 2 if title_low else 1])
    report = _Report(
        civic_extra=civic_extra,
        title_low=title_low,
        strong=_civic_strong(low, civic_extra),
        weak=_weak(low),
        crime=_crimes(low, protest=bool(PROTEST_RE.search(low))),
        persecution=bool(PERSECUTION_RE.search(low)),
        only_states=all(c.states == len(c.cues) for c in clauses if c.cues) and not any(c.terms for c in clauses),
        anniversary=bool(_ANNIVERSARY.search(leads_low)),
        served=serves_time(leads_low) and bool(_SERVED_ANYWHERE.search(leads_low)),
        freed_in_court=bool(_FREED_IN_COURT.search(low)),
        released_lead=_released_lead(clauses[: 2 if title_low else 1]),
        past_lead=_past_lead(clauses[: 2 if title_low else 1]),
    )
    best: tuple[float, int, list[str]] = (0.0, -1, ["no custody in context"])
    reminded = _Reminded(clauses)
    for n, clause in enumerate(clauses):
        if not clause.cues:
            continue
        near_low = " ".join(c.low for c in clauses[max(0, n - 1) : n + 2]) + "\n" + title_low
        lead = n == 0 or (n == 1 and bool(title_low))
        score, reasons = _score_clause(
            clause,
            near_low,
            report,
            lead,
            after_dated_past=n > 0 and _dated_past(clauses[n - 1].low),
            after_past=0 <= report.past_lead < n or reminded.before(n),
        )
        if score > best[0]:
            best = (score, n, reasons)
    return best


class _Reminded:
    """Whether a reminder telling a past stands before a clause: each clause is read once, in
    order, up to the first reminder (not all the clauses before each custody sentence again)."""

    def __init__(self, clauses: list[Clause]) -> None:
        self.clauses = clauses
        self.read = 0
        self.found = False

    def before(self, n: int) -> bool:
        while not self.found and self.read < n:
            self.found = _reminder_past(self.clauses[self.read].low)
            self.read += 1
        return self.found


def _score_clause(  # noqa: PLR0913
    clause: Clause,
    near_low: str,
    report: _Report,
    lead: bool = False,
    after_dated_past: bool = False,
    after_past: bool = False,
) -> tuple[float, list[str]]:
    """The score of one custody sentence, read with the sentences around it and the title
    (``near_low``), and the reasons for it; ``lead`` when it is the title or first sentence,
    ``after_dated_past`` when the sentence before tells a dated past ("2022 жылы … еді"),
    ``after_past`` when it follows a title or lead telling custody as a past state, or a
    reminder telling a past ("Еске сала кетейік, бұған дейін … болатын")."""
    strong = _civic_strong(near_low, report.civic_extra)
    weak = _weak(near_low)
    crime = [k for k in _crimes(near_low) if k in report.crime] if report.crime else []
    score = 0.35
    if strong:
        score += 0.3
    elif report.strong:
        score += 0.2
    # Weak words alone ("әлеуметтік желі", "жалған ақпарат") also fill ordinary crime news.
    if clause.people or clause.terms or COUNT_RE.search(clause.low):
        score += 0.1
    crime_penalty = 0.35 if crime else 0.15 if report.crime else 0.0
    if report.persecution:
        crime_penalty = min(crime_penalty, 0.1)
    score -= crime_penalty
    if report.only_states:
        score -= 0.3  # "қамауда отыр": held, but no detention is reported
    background = _background(clause)
    if not background and after_dated_past and _PARTICIPLE_END.search(clause.low) and not _RECENT.search(clause.low):
        # "2022 жылы … наразылықтар орын алған еді. Ол … ұсталған.": a sentence closed by the
        # "-ған" past goes on with the dated past before it.
        background = "dated past continued"
    if not background and report.anniversary and not lead and not _RECENT.search(clause.low):
        background = "anniversary"  # "Жаңаөзен оқиғасына 10 жыл. … түрмеге қамалды"
    if not background and report.served and not _RECENT.search(clause.low):
        background = "years served"  # "Түрмеде отырғанына 15 жыл болған X": held long, no news
    if not background and report.freed_in_court and not clause.terms:
        background = "released in court"  # "мамырда ұсталды … сот оны сот залынан босатты"
    if not background and report.released_lead and not lead and not clause.terms and not _RECENT.search(clause.low):
        # "X-ті қамаудан босатты. … 3 желтоқсанда қамалып": the custody that ended; hours of
        # it the same day ("бүгін … ұсталып, кейін босатылды") are still news.
        background = "released in the lead"
    if not background and after_past and not _NOW_AGAIN.search(clause.low):
        background = "custody the lead tells as past"  # "Шыңжаңда тұтқында болған әйел … лагерьге түскенін"
    if background:
        score -= 0.3
    reasons = [f"custody:{c}" for c in clause.cues]
    reasons += [f"civic:{c}" for c in (strong or report.strong or weak or report.weak)]
    reasons += [f"negative:{c}" for c in (crime or report.crime)]
    if background:
        reasons.append(f"negative:background ({background})")
    if report.only_states:
        reasons.append("weak:custody only as a state")
    return score, reasons


def _background(clause: Clause) -> str | None:
    """What makes the custody of ``clause`` background, not news: custody before the news
    ("бұған дейін", "былтыр", "10 тәулік қамақта болған") whoever it names; a yearly
    count, a reminder or an anniversary when it names nobody."""
    past = PAST_RE.search(clause.low)
    # "Белсенді X, ол бұған дейін де ұсталған, кеше тағы ұсталды": the main verb comes last,
    # so a recent time after the past marker tells new custody with its history.
    if past and not _NOW_AGAIN.search(clause.low, past.end()):
        return past.group(0)
    if clause.past:
        return "custody as a past state"
    if _dated_past(clause.low):
        return "dated custody told as past"  # "2022 жылғы қаңтарда ұсталып, … қамалған еді"
    if clause.people:
        return None
    found = BACKGROUND_RE.search(clause.low) or _WHOLE_YEAR.search(clause.low) or _population(clause.low)
    return found.group(0) if found else None


def _released_lead(leads: list[Clause]) -> bool:
    """The title or lead tells a release and no custody of its own ("Түркия журналистерді
    қамаудан босатты"): the custody the report recalls later is the one that ended, as a
    verdict that frees the accused makes it ("сот залынан босатты"). A question is no release
    ("Абақтыда отырғандар бостандыққа шыға ма?", will they be freed?)."""
    return any(
        not c.cues
        and not c.low.rstrip().endswith("?")
        and (c.released or (RELEASE_RE.search(c.low) and not DEMAND_RE.search(c.low)))
        for c in leads
    ) and not any(c.cues for c in leads)


def _past_lead(leads: list[Clause]) -> int:
    """The title or lead whose custody, the first the report tells, is a state in the past
    ("Шыңжаңда тұтқында болған әйелдің хикаясы", the story of a woman who was held), or -1:
    the report is about custody that ended, and the custody it tells after is that past,
    unless a recent time or "тағы" (again) says otherwise."""
    first = next((n for n, c in enumerate(leads) if c.cues), -1)
    return first if first >= 0 and leads[first].past else -1


def no_custody_reasons(clauses: list[Clause], low: str) -> list[str]:
    """Why a report with custody words has no custody sentence: a release, or a fine or
    restricted freedom instead (none when neither)."""
    if any(c.released for c in clauses) or RELEASE_RE.search(low):
        return ["negative:release"]
    if any(c.penalty_only for c in clauses) or FINE_RE.search(low) or RESTRICTED_RE.search(low):
        return ["negative:no custody (fine/restricted)"]
    return []


def _weak(low: str) -> list[str]:
    """The weak civic words of ``low`` (an automaton pass first: most text has none)."""
    return [m.group(0) for m in CIVIC_WEAK_RE.finditer(low)] if CIVIC_WEAK_ANY.search(low) else []


def _civic_strong(low: str, extra: tuple[str, ...]) -> list[str]:
    """Strong civic words of ``low``, less the press as an audience or a byline
    ("журналистерге айтты", "деп хабарлайды … тілшісі")."""
    civic = list(CIVIC_STRONG_RE.finditer(low)) if CIVIC_STRONG_ANY.search(low) else []
    audience = []
    if civic:
        audience = [(m.start(), m.end()) for m in TOLD_PRESS_RE.finditer(low)]
        audience += [(m.start(), m.end()) for m in NOT_CIVIC_RE.finditer(low)]
        audience += [m.span(1) if m.group(1) else m.span(2) for m in _BYLINE.finditer(low)]
        if "журналистер" in low or "тілшілер" in low:  # a word every match of _PRESS_ASKED holds
            audience += [m.span(1) for m in _PRESS_ASKED.finditer(low)]
    found = [m.group(0).strip() for m in civic if not any(a <= m.start() < b for a, b in audience)]
    found += [k for k in extra if k.lower() in low]
    return sorted(set(found))


_BYLINE = guarded(
    r"(?:хабарлайды|хабарлады|жазады|деп)\s+(?:[\w.«»\"-]+\s+){0,3}((?:тілшісі|тілшілері|журналисі)\w*)"
    r"|((?:тілшісі|тілшілері)\w*)\s+(?:\S+\s+){0,3}сілтеме"
)


# The press asking an official (the ablative): "Журналистер Айбек Смадияровтан … сұрады".
_PRESS_ASKED = re.compile(
    r"(?<![\w])(журналистер\w*|тілшілер\w*)\s+(?:[\w-]+\s+){0,3}[\w-]+(?:тан|тен|дан|ден|нан|нен)\s+"
    r"(?:[\w«»\"-]+\s+){0,14}?(?:сұра|сура)"
)


def _crimes(low: str, protest: bool = False) -> list[str]:
    """The kinds of ordinary crime ``low`` mentions as a charge, not as a topic
    ("жемқорлықты әшкерелеген журналист", "есірткіге қарсы белсенді"); in a report of a
    protest (``protest``) the charges brought against protesters are no ordinary crime."""
    if not CRIME_ANY.search(low):
        return []
    present = crime_kinds_in(low)
    return [
        kind
        for kind in CRIME_STEMS
        if kind in present
        and not (protest and kind in PROTEST_CHARGES)
        and any(not _topic(low, m) for m in crime_regex(kind).finditer(low))
    ]


# A crime word as what someone fights, exposes or writes about: "жемқорлыққа қарсы",
# "жемқорлықты әшкерелеген", "пара туралы жазған".
_TOPIC_AFTER = re.compile(r"\w*\s+(?:қарсы|карси|әшкере|ашкере|туралы|турали|жайлы|жаили)")


def _topic(low: str, match: re.Match[str]) -> bool:
    return _TOPIC_AFTER.match(low, match.start()) is not None
