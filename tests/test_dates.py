"""bot/dates.py is the one date parser: calendar dates in running en/ru/kk text, the day
of detention, the day a custody runs to, and the timestamps feeds and pages print."""

from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest

from bot.dates import detention_day, from_utc_struct_time, parse_timestamp, stated_dates, until_day

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
