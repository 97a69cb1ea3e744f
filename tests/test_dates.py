"""bot/core/dates.py is the one date parser: calendar dates in running en/ru/kk text, the day
of detention, the day a custody runs to, and the timestamps feeds and pages print."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone

import pytest

from bot.core import dates
from bot.core.dates import detention_day, first_date, from_utc_struct_time, parse_timestamp, stated_dates, until_day

PUBLISHED = date(2026, 3, 12)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police detained him on 21 February 2024 outside the court.", (21, 2, 2024)),
        ("He was held on February 21st, 2024.", (21, 2, 2024)),
        ("Полицейские задержали его 21 февраля у здания акимата.", (21, 2, None)),
        ("2024 жылғы 21 ақпанда ұсталды.", (21, 2, 2024)),
        ("Qamaýǵa 21 aqpanda alyndy.", (21, 2, None)),
        ("Постановление от 21.02.2024 вступило в силу.", (21, 2, 2024)),
        ("Filed 2024-02-21 with the court.", (21, 2, 2024)),
    ],
)
def test_a_calendar_date_is_read_in_every_language_and_form(text: str, expected: tuple[int, int, int | None]) -> None:
    found = [(d.day, d.month, d.year) for d in stated_dates(text)]
    # Pattern by pattern: "2024 жылғы 21 ақпанда" is also a day and month on its own.
    assert found[-1] == expected and len(found) <= 2


def test_a_stated_date_knows_where_it_is_written() -> None:
    text = "Суд отправил его под арест до 21 марта."
    (stated,) = stated_dates(text)
    assert text[stated.start : stated.end] == "21 марта"


def test_only_the_month_words_of_the_languages_asked_for_are_read() -> None:
    text = "Arrested on 21 February; по данным суда, 22 февраля; сотқа 23 ақпанда жеткізілді."
    assert [d.day for d in stated_dates(text)] == [21, 22, 23]
    assert [d.day for d in stated_dates(text, ["en"])] == [21]
    assert [d.day for d in stated_dates(text, ["ru", "kk"])] == [22, 23]
    with pytest.raises(ValueError):
        list(stated_dates(text, ["de"]))  # no German month words: not every number is a date


@pytest.mark.parametrize(
    ("text", "languages", "default_year", "expected"),
    [
        # English: the leftmost date; one without a year takes the report's year, or is no date.
        ("Police held the editor on March 4, 2025, and again on 9 May.", ["en"], None, date(2025, 3, 4)),
        ("The blogger was taken from his flat on 9 May.", ["en"], 2024, date(2024, 5, 9)),
        ("The blogger was taken from his flat on 9 May.", ["en"], None, None),
        ("A court in Oral jailed her on the 2nd of June 2023.", ["en"], None, date(2023, 6, 2)),
        ("Officers detained him on Sept. 14, 2023, outside his office.", ["en"], None, date(2023, 9, 14)),
        # Prose: "may" is a verb, an abbreviation wants its dot, English names no dd.mm.yyyy,
        # an ISO stamp dates the page.
        ("The 3 may face charges, lawyers said; 12 mar 2024 was the hearing.", ["en"], 2024, None),
        ("Report 12.03.2024: two picketers fined.", ["en"], None, None),
        ("Updated 2024-02-21. Two picketers were fined.", ["en"], None, None),
        # Russian: with its year, written in words or with dots; a day that does not exist is passed over.
        ("Активиста задержали 5 марта 2025 года у здания акимата.", ["ru", "kk"], None, date(2025, 3, 5)),
        ("Активиста задержали 5 марта, суд будет позже.", ["ru", "kk"], None, None),
        ("Постановление суда от 12.01.2022 обжаловано.", ["ru", "kk"], None, date(2022, 1, 12)),
        ("Суд 3 апреля 2024 года оставил в силе арест от 01.02.2024.", ["ru", "kk"], None, date(2024, 4, 3)),
        ("Не 31 февраля 2024 года, а 2 марта 2024 года.", ["ru", "kk"], None, date(2024, 3, 2)),
        # Kazakh: the year first or last, Cyrillic or Latin; a Russian date in a Kazakh text.
        ("Белсенді 2025 жылғы 14 наурызда Ақтөбеде ұсталды.", ["ru", "kk"], None, date(2025, 3, 14)),
        ("Журналист 14 қазан 2025 жылы қамауға алынды.", ["ru", "kk"], None, date(2025, 10, 14)),
        ("Belsendi 2025 jylǵy 7 sáýirde ustaldy.", ["ru", "kk"], None, date(2025, 4, 7)),
        ("Сот 7 апреля 2025 года шешім шығарды.", ["ru", "kk"], None, date(2025, 4, 7)),
        # Each language its own words: no Russian month in English prose, no English in Russian.
        ("Задержан 5 марта 2025 года.", ["en"], None, None),
        ("Задержан March 5, 2025.", ["ru", "kk"], None, None),
    ],
)
def test_the_first_date_of_prose_in_each_language(
    text: str, languages: list[str], default_year: int | None, expected: date | None
) -> None:
    assert first_date(text, languages, default_year) == expected


def test_the_day_of_detention_is_the_earliest_past_day_named() -> None:
    assert detention_day("Его задержали вчера, а 14 марта будет суд.", PUBLISHED) == date(2026, 3, 11)
    assert detention_day("Detained on Saturday and fined on Monday.", PUBLISHED) == date(2026, 3, 7)
    assert detention_day("Кеше ұсталды.", PUBLISHED) == date(2026, 3, 11)
    # Without a year, a date far ahead of the report is last year's.
    assert detention_day("He was detained on 28 December.", date(2026, 1, 5)) == date(2025, 12, 28)
    # An announced date (a trial next week) is no detention, and nothing else is named.
    assert detention_day("The trial opens on 20 March.", PUBLISHED) is None
    assert detention_day("31 февраля его задержали.", PUBLISHED) is None  # no such day


def test_the_day_a_custody_runs_to_is_read_forward() -> None:
    assert until_day("Арестован до 21 марта.", PUBLISHED) == date(2026, 3, 21)
    assert until_day("Held until 2 January.", date(2026, 12, 20)) == date(2027, 1, 2)
    assert until_day("10 сәуірге дейін қамауда.", PUBLISHED) == date(2026, 4, 10)
    assert until_day("Задержан 21 марта.", PUBLISHED) is None  # a date, but not "until"
    assert until_day("Арест продлён до 5 апреля, затем до 5 мая.", PUBLISHED) == date(2026, 5, 5)


def test_timestamps_in_every_form_come_out_as_utc() -> None:
    utc = timezone.utc
    assert parse_timestamp("2026-03-12T10:00:00Z") == datetime(2026, 3, 12, 10, 0, tzinfo=utc)
    assert parse_timestamp("Thu, 12 Mar 2026 10:00:00 +0300") == datetime(2026, 3, 12, 7, 0, tzinfo=utc)
    # Local times without a zone are the source's zone (Almaty, UTC+5, when none is given).
    assert parse_timestamp("12.03.2026 15:00") == datetime(2026, 3, 12, 10, 0, tzinfo=utc)
    assert parse_timestamp("12.03.2026 15:00", zone="Europe/Moscow") == datetime(2026, 3, 12, 12, 0, tzinfo=utc)
    assert parse_timestamp("12 марта 2026, 15:00", "ru") == datetime(2026, 3, 12, 10, 0, tzinfo=utc)
    assert parse_timestamp("31.02.2026") is None
    assert parse_timestamp("") is None and parse_timestamp(None) is None


def test_feedparser_struct_times_are_utc() -> None:
    assert from_utc_struct_time(time.struct_time((2026, 3, 12, 10, 0, 0, 3, 71, 0))) == datetime(
        2026, 3, 12, 10, 0, tzinfo=timezone.utc
    )
    assert from_utc_struct_time(None) is None


def test_the_first_letter_lookahead_changes_no_match() -> None:
    """Month and weekday patterns open with a lookahead on their words' first letters (a
    speed-up): each finds exactly what it finds without it, in any case, Unicode's odd
    case pairs included (long s, the Kelvin sign, dotted capital I)."""
    texts = [
        "Detained on 5 SEPTEMBER 2025, released on Sept. 9 and again on sept 12th.",
        "on \u017feptember 5 and \u017fat. 6; \u017faturday, \u212ael 7 January, Mar. 3, 2024",
        "ЗАДЕРЖАН 5 МАЯ 2025 ГОДА, арестован 7 мая, в СУББОТУ и в пятницу; 03.05.2025",
        "2025 ЖЫЛҒЫ 5 ҚАЗАНДА ұсталды, 6-наурызда сотталды, ЖҰМА КҮНІ, qańtardyń 9, 2025-01-09",
        "\u0130 5 June; june 5; JUNE 5; in may 5 ways; May 5; Monday 6 dec. 2024",
    ]
    lookahead = re.compile(r"\(\?=\[[^\]]*\]\)")
    patterns = [
        pattern
        for languages in (("en",), ("ru",), ("kk",), ("kk", "en"), dates.LANGUAGES)
        for prose in (False, True)
        for pattern in dates._date_patterns(languages, prose)
    ] + [dates._WEEKDAY]
    assert sum(bool(lookahead.search(pattern.pattern)) for pattern in patterns) >= 20
    for pattern in patterns:
        bare = re.compile(lookahead.sub("", pattern.pattern), pattern.flags)
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in bare.finditer(text)], (pattern.pattern[:60], text)


def test_a_text_without_digits_states_no_date_and_other_digits_still_count() -> None:
    # stated_dates passes over a text with no digit at all (every form writes its day in digits)
    assert list(stated_dates("Arrested on the twenty-first of February, a Monday.")) == []
    with pytest.raises(ValueError):
        list(stated_dates("no digits here", ["de"]))  # the languages are still checked
    assert [(d.day, d.month) for d in stated_dates("задержан 21 февраля")] == [(21, 2)]
