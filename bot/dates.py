"""The one date parser: dates a report's text states, and the timestamps feeds and pages print.

Pure: text (and, to resolve "on 21 February" or "в субботу", the day the report was
published) in, ``date``/``datetime`` out.

- :func:`stated_dates`: every calendar date written in running English, Russian or
  Kazakh text ("21 February 2024", "February 21", "21 февраля", "2024 жылғы 21
  ақпанда", "21.02.2024", "2024-02-21"), with its place in the text and its year if given.
- :func:`detention_day`: the day of detention a sentence states, also by weekday or
  relative to the report ("вчера", "кеше", "on Saturday"); used by bot/occasion.py.
- :func:`until_day`: the day a custody runs to ("until 21 March", "до 21 марта",
  "21 наурызға дейін"); used by bot/custody.py.
- :func:`parse_timestamp`: a feed's or page's publication time (ISO 8601, RFC 2822,
  dd.mm.yyyy hh:mm, or words through ``dateparser``: "28 ноября 2026, 14:30",
  "вчера, 09:15"); used by bot/sources/. :func:`from_utc_struct_time` for feedparser's.

Why one module: four parsers had grown, each with its own month names and rules for a
date without a year. Calendar dates in running text are matched with the patterns
below rather than with ``dateparser.search``, which is slow on whole articles and reads
numbers that are not dates; a timestamp printed on its own is dateparser's job (offline:
it only reads its bundled language data). The analysis's own date finders
(bot/analysis/en_terms.py, ru_text.py) keep theirs for now: they are being reworked on
the analysis branch.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

#: How far a date may lie after the publication day and still be a date of detention
#: (time zones; a report dated by the feed's UTC clock).
FUTURE_SLACK = timedelta(days=1)
#: A day-and-month without a year this far ahead is last year's ("on 28 December" read
#: in January); nearer ahead it is an announced date (a trial, a rally), not a detention.
ANNOUNCED = timedelta(days=60)
#: How far before the publication day an "until" date without a year is still this year's.
UNTIL_PAST = timedelta(days=31)
#: Listings print local times without a zone ("28 ноября, 14:30"): read in the source's
#: zone (its own ``timezone``, else the settings'); this when none is known.
LOCAL_ZONE = "Asia/Almaty"

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
_MONTH = (
    "(?:"
    + "|".join(
        rf"(?P<m{number}>(?:{english})\.?(?![a-z])|(?:{'|'.join(stems)})\w*)"
        for number, (english, stems) in _MONTHS.items()
    )
    + ")"
)
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
    r"(?<!\w)(?:"
    + "|".join(f"(?P<w{index}>{'|'.join(words)})" for index, words in enumerate(_WEEKDAYS))
    + r")(?:де|да|ден|дегі|s)?(?!\w)",
    re.I,
)
_RELATIVE = re.compile(
    r"(?<!\w)(?:(?P<yesterday>yesterday|вчера|накануне|кеше|keshe)|(?P<today>today|сегодня|бүгін|búgin))(?!\w)",
    re.I,
)
# "until 21 March", "до 21 марта", "по 21.03.2026" before a date; "21 наурызға дейін" after it.
_UNTIL_BEFORE = re.compile(r"(?<!\w)(?:until|till|through|up to|до|по)\s+$", re.I)
_UNTIL_AFTER = re.compile(r"^\s*(?:дейін|шейін|deıin|deiin|deyin)(?!\w)", re.I)
_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


@dataclass(frozen=True)
class StatedDate:
    """A calendar date written in a text: where (``start``:``end``), and its parts as
    written (``year`` None when the text leaves it out; the day may not exist)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None


def stated_dates(text: str) -> Iterator[StatedDate]:
    """Every calendar date ``text`` writes, pattern by pattern (see :data:`_DATES`)."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = (
                int(groups["month"])
                if groups.get("month")
                else next(number for number in _MONTHS if groups.get(f"m{number}"))
            )
            year = int(groups["year"]) if groups.get("year") else None
            yield StatedDate(match.start(), match.end(), int(groups["day"]), month, year)


def valid(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def detention_day(sentence: str, published: date) -> date | None:
    """The earliest past date ``sentence`` names, for a report published on ``published``
    (a detention precedes its court and its news): a calendar date (without a year:
    this year's, or last year's when that would put it more than :data:`ANNOUNCED`
    ahead), "yesterday"/"today", or the last such weekday. Dates more than
    :data:`FUTURE_SLACK` after ``published`` are announcements, not detentions."""
    days = [
        day
        for day in (*_calendar_days(sentence, published), *_relative_days(sentence, published))
        if day <= published + FUTURE_SLACK
    ]
    return min(days, default=None)


def _calendar_days(sentence: str, published: date) -> Iterator[date]:
    for stated in stated_dates(sentence):
        found = valid(stated.year or published.year, stated.month, stated.day)
        if found is not None and stated.year is None and found > published + ANNOUNCED:
            found = valid(published.year - 1, stated.month, stated.day)  # "on 28 December", read in January
        if found is not None:
            yield found


def _relative_days(sentence: str, published: date) -> Iterator[date]:
    for match in _RELATIVE.finditer(sentence):
        yield published - timedelta(days=1) if match.group("yesterday") else published
    for match in _WEEKDAY.finditer(sentence):
        weekday = next(index for index in range(7) if match.group(f"w{index}"))
        yield published - timedelta(days=(published.weekday() - weekday) % 7)


def until_day(text: str, published: date) -> date | None:
    """The date a stated custody runs to: pre-trial detention is ordered "until 21
    March" ("до 21 марта", "21 наурызға дейін"), not for a number of days. The latest
    such date in ``text``; a date without a year is the next one on or after (about)
    the publication day. None when the text names none.

    The same calendar dates as the day of detention, read forward in time instead of back.
    """
    found: list[date] = []
    for stated in stated_dates(text):
        before = text[max(0, stated.start - 12) : stated.start]
        after = text[stated.end : stated.end + 12]
        if not (_UNTIL_BEFORE.search(before) or _UNTIL_AFTER.match(after)):
            continue
        day = valid(stated.year or published.year, stated.month, stated.day)
        if day is not None and stated.year is None and day < published - UNTIL_PAST:
            day = valid(published.year + 1, stated.month, stated.day)
        if day is not None:
            found.append(day)
    return max(found, default=None)


# -- timestamps printed by feeds and pages ------------------------------------------------


def parse_timestamp(value: str | None, lang: str | None = None, zone: str | None = None) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601, RFC 2822, dd.mm.yyyy [hh:mm], or a
    date written in words in the page's language (dateparser: "28 ноября 2026, 14:30",
    "вчера, 09:15", "25 қараша 2026", "3 hours ago"); else None.

    One rule for every form: a time without a zone is a time in ``zone`` (the source's
    own ``timezone``, else the settings'; :data:`LOCAL_ZONE` when neither is known).
    """
    local = ZoneInfo(zone or LOCAL_ZONE)
    if not value:
        return None
    value = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            match = _DAY_FIRST.search(value)
            if match:
                day, month, year, hour, minute = match.groups()
                try:
                    parsed = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
                except ValueError:
                    parsed = None
            else:
                parsed = _parse_words(value, lang, zone or LOCAL_ZONE)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local)
    return parsed.astimezone(timezone.utc)


def _parse_words(value: str, lang: str | None, zone: str) -> datetime | None:
    import dateparser  # imported on first use: only HTML listings need it

    languages = [lang] if lang in ("en", "ru", "kk") else ["ru", "kk", "en"]
    try:
        parsed: datetime | None = dateparser.parse(
            value[:100],
            languages=languages,
            settings={
                "TIMEZONE": zone,
                "RETURN_AS_TIMEZONE_AWARE": True,
                "TO_TIMEZONE": "UTC",
                "PREFER_DATES_FROM": "past",
            },
        )
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed


def from_utc_struct_time(value: time.struct_time | None) -> datetime | None:
    """feedparser's parsed date (it normalises every date it understands to a UTC
    ``struct_time``) as an aware UTC datetime; None for none or one out of range."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


__all__ = [
    "ANNOUNCED",
    "FUTURE_SLACK",
    "LOCAL_ZONE",
    "UNTIL_PAST",
    "StatedDate",
    "detention_day",
    "from_utc_struct_time",
    "parse_timestamp",
    "stated_dates",
    "until_day",
    "valid",
]
