"""When a reported detention happened, and whether the report says it happened again.

Pure: text and the report's publication day in, an :class:`Occasion` out. Event
placement (bot/events.py) keys an arrest on its people *and* this occasion: two
reports about one person are one episode only when their dates of detention agree.

Why a module of its own: the analysis reads dates only when the text gives a year
("on 21 February 2024"); a news report seldom does. Resolving "on 21 February", "в
субботу", "кеше" needs the day the report was published, which only the placement
knows. The date is looked for first in the sentences the analysis chose as evidence
(the custody sentences), then in the headline, then in the lead: a date elsewhere in
the text is more often the day of a trial, a rally or an earlier arrest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

#: How far a date may lie after the publication day and still be a date of detention
#: (time zones; a report dated by the feed's UTC clock).
FUTURE_SLACK = timedelta(days=1)
#: A day-and-month without a year this far ahead is last year's ("on 28 December" read
#: in January); nearer ahead it is an announced date (a trial, a rally), not a detention.
ANNOUNCED = timedelta(days=60)
#: How much of the text after its headline is the lead, where a date is still the news's own.
LEAD_CHARS = 600

# Per month: English names and abbreviations (whole words), then Russian and Kazakh
# stems (Cyrillic and Latin Kazakh) that take case endings ("февраля", "ақпанда").
_MONTHS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("january|jan", ("январ", "қаңтар", "qańtar", "qantar")),
    2: ("february|feb", ("феврал", "ақпан", "aqpan")),
    3: ("march|mar", ("март", "наурыз", "naýryz", "nauryz")),
    4: ("april|apr", ("апрел", "сәуір", "sáýir", "sauir")),
    5: ("may", ("ма[яй]", "мамыр", "mamyr")),
    6: ("june|jun", ("июн", "маусым", "maýsym", "mausym")),
    7: ("july|jul", ("июл", "шілде", "shilde")),
    8: ("august|aug", ("август", "тамыз", "tamyz")),
    9: ("september|sept|sep", ("сентябр", "қыркүйек", "qyrkúıek", "qyrkuiek")),
    10: ("october|oct", ("октябр", "қазан", "qazan")),
    11: ("november|nov", ("ноябр", "қараша", "qarasha")),
    12: ("december|dec", ("декабр", "желтоқсан", "jeltoqsan")),
}
_MONTH = "(?:" + "|".join(
    rf"(?P<m{number}>(?:{english})\.?(?![a-z])|(?:{'|'.join(stems)})\w*)" for number, (english, stems) in _MONTHS.items()
) + ")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_DATES = (
    # 21 February 2024, 21 февраля 2024 года, 21-ақпан 2024, 21 ақпанда
    re.compile(rf"(?<!\d){_DAY}(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?!\d)", re.I),
    # February 21, 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?!\d)", re.I),
    # 2024 жылғы 21 ақпанда (Kazakh puts the year first)
    re.compile(rf"{_YEAR}\s+(?:жылғы|jylǵy|жылы)\s+{_DAY}[\s\-]+{_MONTH}", re.I),
    # 21.02.2024
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d|\.\d)"),
    # 2024-02-21
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
)
_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("monday", "понедельник", "дүйсенбі", "dúısenbi"),
    ("tuesday", "вторник", "сейсенбі", "seısenbi"),
    ("wednesday", "сред[уа]", "сәрсенбі", "sársenbi"),
    ("thursday", "четверг", "бейсенбі", "beısenbi"),
    ("friday", "пятниц[уа]", "жұма күні", "жұмада", "juma kúni"),
    ("saturday", "суббот[уа]", "сенбі", "senbi"),
    ("sunday", "воскресень[ея]", "жексенбі", "jeksenbi"),
)
_WEEKDAY = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<w{index}>{'|'.join(words)})" for index, words in enumerate(_WEEKDAYS))
    + r")(?:де|да|ден|дегі|s)?(?!\w)",
    re.I,
)
_RELATIVE = re.compile(
    r"(?<!\w)(?:(?P<yesterday>yesterday|вчера|накануне|кеше|keshe)|(?P<today>today|сегодня|бүгін|búgin))(?!\w)",
    re.I,
)
# "Again": the report tells of a new detention of someone detained before.
_AGAIN = re.compile(
    r"(?<!\w)(?:again|re-?arrested|re-?detained|once more|for the (?:second|third|fourth|fifth|\w+th) time"
    r"|снова|вновь|опять|ещ[её] раз|в (?:очередной|который|второй|третий) раз"
    r"|повторно (?:задерж|арест|осужд|доставл|помещ|взят)\w*|(?:задерж|арестов|осужд|доставл)\w* повторно"
    r"|тағы да|қайтадан|қайта (?:ұстал|қамал|сотталды|тұтқын)\w*|екінші рет|taǵy da|qaıtadan)(?!\w)",
    re.I,
)


@dataclass(frozen=True)
class Occasion:
    """The day of the detention a report tells of.

    ``stated``: the text gives the day (in words, by weekday or relative to the report);
    otherwise ``day`` is the publication day. ``again``: the report says this person
    was taken again (a new episode, not news of the last one).
    """

    day: date
    stated: bool
    again: bool = False


def occasion(title: str, text: str, evidence: Iterable[str], published: date) -> Occasion:
    """The occasion of one report published on ``published`` (see module docstring)."""
    places = [*evidence, title, text[:LEAD_CHARS]]
    again = any(_AGAIN.search(part) for part in places[:-1] if part)
    for part in places:
        if not part:
            continue
        found = _stated_day(part, published)
        if found is not None:
            return Occasion(day=found, stated=True, again=again)
    return Occasion(day=published, stated=False, again=again)


def _stated_day(sentence: str, published: date) -> date | None:
    """The earliest past date the sentence names (a detention precedes its court and news)."""
    days = [day for day in (*_calendar_days(sentence, published), *_relative_days(sentence, published))
            if day <= published + FUTURE_SLACK]
    return min(days, default=None)


def _calendar_days(sentence: str, published: date) -> Iterable[date]:
    for pattern in _DATES:
        for match in pattern.finditer(sentence):
            groups = match.groupdict()
            month = int(groups["month"]) if groups.get("month") else next(
                number for number in _MONTHS if groups.get(f"m{number}")
            )
            day = int(groups["day"])
            year = int(groups["year"]) if groups.get("year") else None
            found = _valid(year or published.year, month, day)
            if found is not None and year is None and found > published + ANNOUNCED:
                found = _valid(published.year - 1, month, day)  # "on 28 December", read in January
            if found is not None:
                yield found


def _relative_days(sentence: str, published: date) -> Iterable[date]:
    for match in _RELATIVE.finditer(sentence):
        yield published - timedelta(days=1) if match.group("yesterday") else published
    for match in _WEEKDAY.finditer(sentence):
        weekday = next(index for index in range(7) if match.group(f"w{index}"))
        yield published - timedelta(days=(published.weekday() - weekday) % 7)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- the day a custody runs to ------------------------------------------------------------

# "until 21 March", "до 21 марта", "по 21.03.2026" before a date; "21 наурызға дейін" after it.
_UNTIL_BEFORE = re.compile(r"(?<!\w)(?:until|till|through|up to|до|по)\s+$", re.I)
_UNTIL_AFTER = re.compile(r"^\s*(?:дейін|шейін|deıin|deiin|deyin)(?!\w)", re.I)
#: How far before the publication day an "until" date without a year is still this year's.
_UNTIL_PAST = timedelta(days=31)


def until_day(text: str, published: date) -> date | None:
    """The date a stated custody runs to: pre-trial detention is ordered "until 21
    March" ("до 21 марта", "21 наурызға дейін"), not for a number of days. The latest
    such date in ``text``; a date without a year is the next one on or after (about)
    the publication day. None when the text names none.

    Why here: the same calendar patterns (en/ru/kk) as the day of detention, read
    forward in time instead of back.
    """
    found: list[date] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 12):match.start()]
            after = text[match.end():match.end() + 12]
            if not (_UNTIL_BEFORE.search(before) or _UNTIL_AFTER.match(after)):
                continue
            groups = match.groupdict()
            month = int(groups["month"]) if groups.get("month") else next(
                number for number in _MONTHS if groups.get(f"m{number}")
            )
            year = int(groups["year"]) if groups.get("year") else None
            day = _valid(year or published.year, month, int(groups["day"]))
            if day is not None and year is None and day < published - _UNTIL_PAST:
                day = _valid(published.year + 1, month, int(groups["day"]))
            if day is not None:
                found.append(day)
    return max(found, default=None)
