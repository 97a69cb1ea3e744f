"""The one date parser: dates a report's text states, and the timestamps feeds and pages print.

Pure: text (and, to resolve "on 21 February" or "в субботу", the day the report was
published) in, ``date``/``datetime`` out.

- :func:`stated_dates`: every calendar date written in running English, Russian or
  Kazakh text ("21 February 2024", "February 21", "21 февраля", "2024 жылғы 21
  ақпанда", "21.02.2024", "2024-02-21"), with its place in the text and its year if given.
- :func:`first_date`: the first date a report's sentences write in the given languages,
  as prose writes dates (English "May" capitalised and "Sept." with its dot; dd.mm.yyyy
  in Russian and Kazakh; no ISO stamp); the analysis's ``detained_on``
  (bot/core/analysis/en_terms.py and ru_text.py ask it, with their languages' month words).
- :func:`detention_day`: the day of detention a sentence states, also by weekday or
  relative to the report ("вчера", "кеше", "on Saturday"); used by bot/core/occasion.py.
- :func:`until_day`: the day a custody runs to ("until 21 March", "до 21 марта",
  "21 наурызға дейін"); used by bot/core/custody.py.
- :func:`parse_timestamp`: a feed's or page's publication time (ISO 8601, RFC 2822,
  dd.mm.yyyy hh:mm, or words through ``dateparser``: "28 ноября 2026, 14:30",
  "вчера, 09:15"); used by bot/core/sources/. :func:`from_utc_struct_time` for feedparser's.

Why one module: six parsers had grown, each with its own month names and rules for a
date without a year. Calendar dates in running text are matched with the patterns
below rather than with ``dateparser.search``, which is slow on whole articles and reads
numbers that are not dates; a timestamp printed on its own is dateparser's job (offline:
it only reads its bundled language data).
"""

from __future__ import annotations

import calendar
import functools
import re
import time
from collections.abc import Iterable, Iterator
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

#: The languages whose dates are read, and the month words of each (data), January first:
#: English names and their abbreviations (whole words); Russian and Kazakh stems
#: (Cyrillic, then Latin Kazakh) that take case endings ("февраля", "ақпанда").
LANGUAGES = ("en", "ru", "kk")
_MONTH_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    "ru": (
        ("январ",),
        ("феврал",),
        ("март",),
        ("апрел",),
        ("ма[яй]",),
        ("июн",),
        ("июл",),
        ("август",),
        ("сентябр",),
        ("октябр",),
        ("ноябр",),
        ("декабр",),
    ),
    "kk": (
        ("қаңтар", "qańtar", "qantar"),
        ("ақпан", "aqpan"),
        ("наурыз", "naýryz", "nauryz"),
        ("сәуір", "sáýir", "sauir"),
        ("мамыр", "mamyr"),
        ("маусым", "maýsym", "mausym"),
        ("шілде", "shilde"),
        ("тамыз", "tamyz"),
        ("қыркүйек", "qyrkúıek", "qyrkuiek"),
        ("қазан", "qazan"),
        ("қараша", "qarasha"),
        ("желтоқсан", "jeltoqsan"),
    ),
}
#: English month names in full, lower case ("june"): a word that is a month, not a name.
ENGLISH_MONTHS = frozenset(words[0] for words in _MONTH_WORDS["en"])


def _english_month(names: tuple[str, ...], prose: bool) -> str:
    """One month's English words: any case, an abbreviation with or without its dot; or,
    as ``prose`` writes them, capitalised ("May", not the verb "may") and an
    abbreviation only with its dot ("Sept.", not "sep")."""
    if not prose:
        return rf"(?:{'|'.join(names)})\.?(?![a-z])"
    full, *short = (name.capitalize() for name in names)
    dotted = "".join(rf"|{name}\." for name in short)
    return rf"(?-i:{full}(?![a-z]){dotted})"


def _month_pattern(languages: tuple[str, ...], prose: bool) -> str:
    """A month in words of ``languages``; the group ``m<number>`` says which month."""
    months = []
    for index in range(12):
        words = [_english_month(_MONTH_WORDS["en"][index], prose)] if "en" in languages else []
        stems = [stem for lang in ("ru", "kk") if lang in languages for stem in _MONTH_WORDS[lang][index]]
        if stems:
            words.append(rf"(?:{'|'.join(stems)})\w*")
        months.append(rf"(?P<m{index + 1}>{'|'.join(words)})")
    initials = {word[0] for lang in languages for month in _MONTH_WORDS[lang] for word in month}
    return f"{_starts_with(initials)}(?:{'|'.join(months)})"


def _starts_with(initials: Iterable[str]) -> str:
    """A lookahead for the first letters of a pattern's alternatives: it changes nothing
    the pattern matches (each alternative starts with one of them, and the case rules
    are the same), but the regex engine passes over most words at one character test
    instead of trying every alternative (a month's or weekday's many spellings) at each."""
    return f"(?=[{''.join(sorted({re.escape(letter) for letter in initials}))}])"


@functools.cache
def _date_patterns(languages: tuple[str, ...], prose: bool) -> tuple[re.Pattern[str], ...]:
    """The forms of a calendar date in ``languages``. As ``prose`` (a report's sentences)
    writes them: English months as :func:`_english_month` says, dd.mm.yyyy only in Russian
    and Kazakh (English prose names its months), and no ISO stamp (in a report's text it
    dates the page, not an event)."""
    if not languages or not set(languages) <= set(LANGUAGES):
        raise ValueError(f"dates are read in {', '.join(LANGUAGES)}, not {languages!r}")
    month = _month_pattern(languages, prose)
    year = r"(?P<year>(?:19|20)\d\d)"
    day = r"(?P<day>[0-3]?\d)"
    patterns = [
        # 21 February 2024, 21 февраля 2024 года, 21-ақпан 2024, 21 ақпанда
        re.compile(rf"(?<!\d){day}(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?{month}(?:,?\s+{year})?(?!\d)", re.I),
        # February 21, 2024
        re.compile(rf"\b{month}\s+{day}(?:st|nd|rd|th)?(?:,?\s+{year})?(?!\d)", re.I),
    ]
    if "kk" in languages:  # 2024 жылғы 21 ақпанда (Kazakh puts the year first)
        patterns.append(re.compile(rf"{year}\s+(?:жылғы|jylǵy|жылы)\s+{day}[\s\-]+{month}", re.I))
    if not prose or "ru" in languages or "kk" in languages:  # 21.02.2024
        patterns.append(
            re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d|\.\d)")
        )
    if not prose:  # 2024-02-21
        patterns.append(re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"))
    return tuple(patterns)


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
    r"(?<!\w)"
    + _starts_with(word[0] for words in _WEEKDAYS for word in words)
    + "(?:"
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
# Any digit, as the date patterns' own \d reads one (Unicode digits too).
_DIGIT = re.compile(r"\d")
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


def stated_dates(text: str, languages: Iterable[str] = LANGUAGES, *, prose: bool = False) -> Iterator[StatedDate]:
    """Every calendar date ``text`` writes in ``languages``, pattern by pattern (the forms
    of :func:`_date_patterns`; ``prose``: only as a report's sentences write them)."""
    patterns = _date_patterns(tuple(languages), prose)
    if not _DIGIT.search(text):  # every form has its day in digits: most sentences have none
        return
    for pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = (
                int(groups["month"])
                if groups.get("month")
                else next(number for number in range(1, 13) if groups.get(f"m{number}"))
            )
            year = int(groups["year"]) if groups.get("year") else None
            yield StatedDate(match.start(), match.end(), int(groups["day"]), month, year)


def first_date(text: str, languages: Iterable[str] = LANGUAGES, default_year: int | None = None) -> date | None:
    """The leftmost date the prose ``text`` writes in ``languages`` that names a real day:
    with its own year, else ``default_year``; a date with neither is passed over. The
    analysis's day of detention ("detained on 21 February 2024", "12.01.2022")."""
    for stated in sorted(stated_dates(text, languages, prose=True), key=lambda stated: stated.start):
        year = stated.year or default_year
        found = valid(year, stated.month, stated.day) if year else None
        if found is not None:
            return found
    return None


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
    "ENGLISH_MONTHS",
    "FUTURE_SLACK",
    "LANGUAGES",
    "LOCAL_ZONE",
    "UNTIL_PAST",
    "StatedDate",
    "detention_day",
    "first_date",
    "from_utc_struct_time",
    "parse_timestamp",
    "stated_dates",
    "until_day",
    "valid",
]
