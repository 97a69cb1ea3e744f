"""Custody records (issue 17): expected release as the law counts it, statuses, release
reports closing a record, operators' corrections, and the ``custody`` command.

Every text here is the project's own writing."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.app.custody_posts import board_texts, load_records
from bot.core.analysis.result import Detainee
from bot.core.custody import (
    Correction,
    CustodyError,
    custody_records,
    due_on,
    expected_release,
    in_custody,
    parse_term,
    text_lines,
)
from bot.core.dates import until_day
from bot.core.publish.format import POST_LIMIT
from bot.edges.store import Store, StoreError
from tests.support.custody import tell
from tests.test_e2e import arrestwatch

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # a Monday


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path / "db.sqlite3")
    yield opened
    opened.close()


# -- the arithmetic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("detained", "term", "release"),
    [
        (date(2026, 3, 1), "15 days", date(2026, 3, 16)),  # administrative arrest: days from the detention
        (date(2026, 2, 20), "10 days", date(2026, 3, 2)),  # across the end of February
        (date(2026, 1, 31), "1 month", date(2026, 2, 28)),  # a month from the 31st ends on the month's last day
        (date(2025, 12, 15), "2 months", date(2026, 2, 15)),
        (date(2024, 2, 29), "1 year", date(2025, 2, 28)),
        (date(2026, 3, 2), "5 years", date(2031, 3, 2)),
        (date(2026, 3, 2), None, None),
    ],
)
def test_expected_release_in_days_months_and_years(detained: date, term: str | None, release: date | None) -> None:
    assert expected_release(detained, term) == release


def test_a_date_stated_for_pretrial_detention_wins_over_counting() -> None:
    assert expected_release(date(2026, 3, 2), "2 months", until=date(2026, 4, 30)) == date(2026, 4, 30)


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("The court placed him in pre-trial detention until 21 April.", date(2026, 4, 21)),
        ("Суд арестовал активиста до 21 апреля.", date(2026, 4, 21)),
        ("Сот белсендіні 21 сәуірге дейін қамауға алды.", date(2026, 4, 21)),
        ("He will be held until 5 January.", date(2027, 1, 5)),  # the next 5 January
        ("The court sat on 21 April.", None),  # not a custody's end
    ],
)
def test_the_day_a_pretrial_detention_runs_to_is_read_in_each_language(sentence: str, day: date | None) -> None:
    assert until_day(sentence, date(2026, 3, 2)) == day


@pytest.mark.parametrize(
    ("given", "term"),
    [("15 days", "15 days"), ("15d", "15 days"), ("1 month", "1 month"), ("2m", "2 months"), ("3 Years", "3 years")],
)
def test_an_operator_term_is_made_canonical(given: str, term: str) -> None:
    assert parse_term(given) == term


@pytest.mark.parametrize("given", ["", "fifteen days", "0 days", "15 weeks"])
def test_a_term_that_is_no_term_is_refused_with_an_example(given: str) -> None:
    with pytest.raises(CustodyError, match="e.g."):
        parse_term(given)


# -- records from stored episodes ------------------------------------------------------------------


def test_a_term_stated_in_the_next_report_counts_from_the_day_of_detention(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist detained",
        "Police detained activist Timur Ospanov on Monday after a picket.",
        Detainee("Timur Ospanov"),
        place="Almaty",
    )
    (record,) = custody_records(store.custody_events(T0 - timedelta(days=30)), T0.date())
    assert (record.status, record.expected_release) == ("detained", None)
    tell(
        store,
        T0 + timedelta(days=2),
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 15 days. He was detained on Monday.",
        Detainee("Timur Ospanov", "15 days"),
        place="Almaty",
        source="Outlet B",
    )
    (record,) = custody_records(store.custody_events(T0 - timedelta(days=30)), date(2026, 3, 5))
    assert (record.detained_on, record.term, record.expected_release) == (
        date(2026, 3, 2),
        "15 days",
        date(2026, 3, 17),
    )
    assert (record.status, record.days_left, record.sanction) == ("term known", 12, "administrative arrest")


@pytest.mark.parametrize(
    ("title", "text", "lang", "name", "detained", "release"),
    [
        (
            "Blogger jailed",
            "Blogger Aliya Zhumabek was detained on 27 February. A court jailed her for 10 days.",
            "en",
            "Aliya Zhumabek",
            date(2026, 2, 27),
            date(2026, 3, 9),
        ),
        (
            "Активиста арестовали",
            "Активиста Марата Сапарова задержали 26 февраля. Суд арестовал его на 15 суток.",
            "ru",
            "Марат Сапаров",
            date(2026, 2, 26),
            date(2026, 3, 13),
        ),
        (
            "Белсенді қамалды",
            "Белсенді Ерлан Қасымов 25 ақпанда ұсталды. Сот оны 7 тәулікке қамады.",
            "kk",
            "Ерлан Қасымов",
            date(2026, 2, 25),
            date(2026, 3, 4),
        ),
    ],
)
def test_a_detention_date_given_in_words_sets_the_release_in_each_language(
    store: Store,
    title: str,
    text: str,
    lang: str,
    name: str,
    detained: date,
    release: date,
) -> None:
    term = {"en": "10 days", "ru": "15 days", "kk": "7 days"}[lang]
    tell(store, T0, title, text, Detainee(name, term), lang=lang)
    (record,) = load_records(store, T0.date(), now=T0)
    assert (record.detained_on, record.expected_release) == (detained, release)


def test_a_release_report_closes_the_record_and_an_ended_term_without_one_is_due_out(store: Store) -> None:
    tell(
        store,
        T0,
        "Two activists jailed",
        "A court jailed activists Timur Ospanov and Dana Ermek for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
        Detainee("Dana Ermek", "10 days"),
        place="Almaty",
    )
    records = load_records(store, date(2026, 3, 12), now=T0 + timedelta(days=10))
    assert [r.status for r in records] == ["due out", "due out"]  # the 12th is their release day
    assert [r.name for r in due_on(records, date(2026, 3, 12))] == ["Dana Ermek", "Timur Ospanov"]
    tell(
        store,
        T0 + timedelta(days=10, hours=3),
        "Activist walks free",
        "Activist Timur Ospanov was released after serving 10 days.",
        Detainee("Timur Ospanov", "10 days"),
        arrest=False,
        source="Outlet B",
    )
    records = {r.name: r for r in load_records(store, date(2026, 3, 14), now=T0 + timedelta(days=12))}
    assert records["Timur Ospanov"].status == "released"
    assert records["Timur Ospanov"].released_on == date(2026, 3, 12)
    dana = records["Dana Ermek"]
    assert dana.status == "due out" and dana.days_left == -2
    assert "due out on 2026-03-12, release not yet reported" in "\n".join(
        text_lines(list(records.values()), date(2026, 3, 14))
    )
    assert [r.name for r in in_custody(records.values())] == ["Dana Ermek"]


def test_a_release_kazakh_and_russian_wording_closes_the_record(store: Store) -> None:
    tell(
        store,
        T0,
        "Белсенді қамалды",
        "Сот белсенді Ерлан Қасымовты 7 тәулікке қамады.",
        Detainee("Ерлан Қасымов", "7 days"),
        lang="kk",
    )
    tell(
        store,
        T0 + timedelta(days=7),
        "Белсенді босады",
        "Белсенді Ерлан Қасымов қамақтан шықты.",
        Detainee("Ерлан Қасымов"),
        arrest=False,
        lang="kk",
        source="Outlet K",
    )
    (record,) = load_records(store, date(2026, 3, 10), now=T0 + timedelta(days=8))
    assert record.status == "released"


def test_someone_detained_again_was_out_in_between(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
    )
    tell(
        store,
        T0 + timedelta(days=40),
        "Activist detained again",
        "Police detained activist Timur Ospanov again after a rally.",
        Detainee("Timur Ospanov"),
        source="Outlet C",
    )
    first, second = load_records(store, date(2026, 4, 12), now=T0 + timedelta(days=41))
    assert (first.status, first.released_on, second.status) == ("released", None, "detained")


def test_held_without_a_term_and_no_news_for_a_month_is_unknown(store: Store) -> None:
    tell(store, T0, "Journalist detained", "Police detained journalist Dana Ermek at her home.", Detainee("Dana Ermek"))
    (record,) = load_records(store, T0.date() + timedelta(days=31), now=T0 + timedelta(days=31))
    assert record.status == "unknown" and not record.held


def test_corrections_override_reports_and_stay_visible(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
    )
    (record,) = load_records(store, T0.date(), now=T0)
    store.add_custody_correction(
        record.person_id, "term", "15 days", note="the court's ruling says 15", by="cli", now=T0 + timedelta(days=1)
    )
    (record,) = load_records(store, T0.date() + timedelta(days=1), now=T0)
    assert (record.term, record.expected_release, record.status) == ("15 days", date(2026, 3, 17), "term known")
    assert record.corrections == ("term 15 days set by hand by cli (2026-03-03): the court's ruling says 15",)
    store.add_custody_correction(record.person_id, "released", "2026-03-04", by="cli", now=T0 + timedelta(days=2))
    (record,) = load_records(store, date(2026, 3, 5), now=T0)
    assert (record.status, record.released_on, len(record.corrections)) == ("released", date(2026, 3, 4), 2)
    with pytest.raises(StoreError, match="no person with id 999"):
        store.add_custody_correction(999, "term", "5 days", now=T0)


def test_a_correction_for_a_later_day_does_not_release_before_it() -> None:
    from bot.core.custody import (
        CustodyRecord,
        _corrected,  # the one rule: a release dated after the day asked about is not yet one
    )

    record = CustodyRecord(
        person_id=1,
        event_id=1,
        name="A B",
        name_latin="A B",
        place=None,
        sanction="detention",
        detained_on=date(2026, 3, 1),
        term="15 days",
        expected_release=date(2026, 3, 16),
        days_left=5,
        status="term known",
    )
    fixed = _corrected(record, [Correction(1, "released", "2026-03-14")], date(2026, 3, 11))
    assert fixed.status == "term known" and fixed.corrections


def test_the_pinned_list_is_split_across_messages_when_long(store: Store) -> None:
    places = ["Almaty", "Astana", "Shymkent"]
    for n in range(90):
        tell(
            store,
            T0 + timedelta(minutes=n),
            f"Activist {n} jailed",
            f"A court jailed activist Person{n:02d} Testov{n:02d}ich for 15 days.",
            Detainee(f"Person{n:02d} Testov{n:02d}ich", "15 days"),
            place=places[n % 3],
            source=f"Outlet {n}",
        )
    records = load_records(store, T0.date(), now=T0)
    texts = board_texts(records, T0.date(), "en", "@arrestwatch_test")
    assert len(texts) > 1 and all(len(text) <= POST_LIMIT for text in texts)
    assert f"(part 1 of {len(texts)})" in texts[0]
    joined = "\n".join(texts)
    assert all(f"Person{n:02d} Testov{n:02d}ich" in joined for n in range(90))
    assert "<b>Almaty</b> (30)" in joined and "until 2026-03-17 (15 days left)" in joined


# -- the command -------------------------------------------------------------------------------------


def _sources(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text('[settings]\ntimezone = "UTC"\n', encoding="utf-8")


def test_custody_command_in_three_formats_and_a_correction(tmp_path: Path) -> None:
    _sources(tmp_path)
    now = datetime.now(timezone.utc)
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        tell(
            store,
            now - timedelta(days=3),
            "Activist jailed",
            "A court jailed activist Timur Ospanov for 15 days.",
            Detainee("Timur Ospanov", "15 days"),
            place="Almaty",
        )
        tell(
            store,
            now - timedelta(days=1),
            "Журналиста задержали",
            "Полиция задержала журналистку Дану Ермек.",
            Detainee("Дана Ермек"),
            place="Астана",
            lang="ru",
        )
        (person_id,) = store.person_ids([1]).values()  # Timur Ospanov's episode is the first
    finally:
        store.close()
    day = now.date().isoformat()

    text = arrestwatch(tmp_path, "custody", "--at", day)
    assert text.returncode == 0, text.stderr
    assert "Timur Ospanov" in text.stdout and "(12 days left)" in text.stdout
    assert "Дана Ермек (Dana Yermek)" in text.stdout and "term not stated" in text.stdout

    as_csv = arrestwatch(tmp_path, "custody", "--at", day, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {row["name"]: row["status"] for row in rows} == {"Timur Ospanov": "term known", "Дана Ермек": "detained"}

    as_json = arrestwatch(tmp_path, "custody", "--at", day, "--format", "json")
    records = {r["name"]: r for r in json.loads(as_json.stdout)}
    assert records["Timur Ospanov"]["days_left"] == 12 and records["Timur Ospanov"]["place"] == "Almaty"

    fixed = arrestwatch(tmp_path, "custody", "set", str(person_id), "--released", day, "--note", "lawyer called")
    assert fixed.returncode == 0, fixed.stderr
    after = json.loads(arrestwatch(tmp_path, "custody", "--at", day, "--format", "json").stdout)
    timur = next(r for r in after if r["name"] == "Timur Ospanov")
    assert timur["status"] == "released" and "lawyer called" in timur["corrections"][0]
    listed = arrestwatch(tmp_path, "custody", "--at", day).stdout
    assert "correction: released" in listed

    bad = arrestwatch(tmp_path, "custody", "set", str(person_id), "--term", "fifteen")
    assert bad.returncode == 2 and "e.g." in bad.stderr
    missing = arrestwatch(tmp_path, "custody", "set", "999", "--term", "5 days")
    assert missing.returncode == 2 and "no person with id 999" in missing.stderr


def test_an_english_release_the_analysis_reads_as_no_arrest_still_closes_the_record(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist jailed",
        "A court jailed activist Aidar Serikbayev for 15 days.",
        Detainee("Aidar Serikbayev", "15 days"),
        place="Almaty",
    )
    # As bot/core/analysis reads it: not an arrest, nobody listed as detained.
    tell(
        store,
        T0 + timedelta(days=15),
        "Activist Aidar Serikbayev walks free",
        "Civic activist Aidar Serikbayev was released after serving 15 days, his lawyer said.",
        arrest=False,
        source="Outlet B",
    )
    tell(
        store,
        T0 + timedelta(days=15),
        "Film released",
        "The new film was released in cinemas on Friday.",
        arrest=False,
        source="Outlet C",
    )
    (record,) = load_records(store, date(2026, 3, 18), now=T0 + timedelta(days=16))
    assert (record.status, record.released_on) == ("released", date(2026, 3, 17))
    followups = [row["body"] for row in store.outbox_rows(kind="followup")]
    assert len(followups) == 1 and "Aidar Serikbayev" in followups[0]


def test_through_the_pipeline_a_release_report_closes_the_record(tmp_path: Path, web, botapi) -> None:
    from tests.support.feeds import ARREST_EN, Story, rss
    from tests.test_e2e import write_sources

    arrest = Story(
        "en-1",
        "Almaty activist jailed for 15 days over picket",
        ARREST_EN,
        "http://127.0.0.1/en/1",
        age=timedelta(hours=2),
    )
    release = Story(
        "en-2",
        "Activist Aidar Serikbayev walks free",
        "Civic activist Aidar Serikbayev was released after serving his term, his lawyer said. "
        "Serikbayev walked free from the detention centre in Almaty and thanked his supporters.",
        "http://127.0.0.1/en/2",
        age=timedelta(hours=1),
    )
    web.add("/en.xml", rss([arrest]), content_type="application/rss+xml")
    write_sources(
        tmp_path / "sources.toml", {"EN news": web.url("/en.xml")}, extra='timezone = "UTC"\ncustody_board = true\n'
    )
    assert arrestwatch(tmp_path, "once", botapi=botapi).returncode == 0
    alert, board = botapi.sent_to(botapi.chat_id)  # once: the alert, then the pinned list linking to it
    assert board.pinned and not alert.pinned and "Aidar Serikbayev — 15 days" in board.text
    assert f"https://t.me/c/1234567890/{alert.message_id}" in [e.get("url") for e in board.entities]
    held = json.loads(arrestwatch(tmp_path, "custody", "--format", "json").stdout)
    assert [(r["name"], r["status"], r["term"]) for r in held] == [("Aidar Serikbayev", "term known", "15 days")]

    web.add("/en.xml", rss([release, arrest]), content_type="application/rss+xml")
    second = arrestwatch(tmp_path, "once", botapi=botapi)
    assert second.returncode == 0, second.stderr
    (record,) = json.loads(arrestwatch(tmp_path, "custody", "--format", "json").stdout)
    assert record["status"] == "released"
    assert board.edits == 0  # the list changed, but it was posted less than an hour ago
    replies = [m for m in botapi.sent_to(botapi.chat_id) if m.reply_to_message_id is not None]
    assert len(replies) == 1 and "released" in replies[0].text  # the follow-up under the alert


def test_custody_settings_are_read_and_bad_ones_named_with_their_line(tmp_path: Path) -> None:
    from datetime import time as clock

    from bot.edges.config import ConfigError, parse_config

    config = parse_config(
        '[settings]\ncustody_board = false\ndue_out_time = "08:30"\nchart_day = "Friday"\n', tmp_path / "sources.toml"
    )
    assert (config.settings.custody_board, config.settings.due_out_time, config.settings.chart_day) == (
        False,
        clock(8, 30),
        "friday",
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(
            '[settings]\ndue_out_time = "9am"\nchart_day = "someday"\ncustody_board = "yes"\n',
            tmp_path / "sources.toml",
        )
    problems = [str(problem) for problem in caught.value.problems]
    assert any(":2:" in p and "due_out_time" in p and '"09:00"' in p for p in problems)
    assert any(":3:" in p and "chart_day" in p and "off" in p for p in problems)
    assert any(":4:" in p and "custody_board must be true or false" in p for p in problems)


def test_a_long_sentence_stays_on_the_list_past_the_lookback(store: Store) -> None:
    long_ago = T0 - timedelta(days=800)
    tell(
        store,
        long_ago,
        "Journalist sentenced",
        "A court sentenced journalist Dana Ermek to 5 years in prison.",
        Detainee("Dana Ermek", "5 years"),
    )
    tell(
        store,
        long_ago,
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 15 days.",
        Detainee("Timur Ospanov", "15 days"),
        source="Outlet B",
    )
    (record,) = load_records(store, T0.date(), now=T0)
    assert (record.name, record.status, record.sanction) == ("Dana Ermek", "term known", "prison")
    assert record.expected_release == long_ago.date().replace(year=long_ago.year + 5)


def test_people_named_in_a_release_are_found_in_any_script_and_case() -> None:
    from bot.core.events import Person, people_named_in
    from bot.core.translit import name_key

    def held(name: str) -> Person:
        return Person(key=name_key(name), name=name, term="10 days", status="sentenced")

    erlan, timur = held("Ерлан Жумабаев"), held("Timur Ospanov")
    assert people_named_in("Ерлана Жумабаева освободили из спецприёмника.", [erlan, timur]) == [erlan]
    assert people_named_in("Activist Yerlan Zhumabayev walked free on Friday.", [erlan, timur]) == [erlan]
    assert people_named_in("Жумабаев вышел на свободу.", [erlan]) == []  # a surname alone is not enough
    assert people_named_in("Timur Bekov was released.", [timur]) == []


def test_the_digest_section_tells_due_soon_from_overdue() -> None:
    from bot.app.custody_posts import digest_section
    from bot.core.custody import CustodyRecord
    from bot.core.publish.text import html_to_text

    def record(name: str, release: date | None, status: str) -> CustodyRecord:
        left = (release - date(2026, 3, 10)).days if release else None
        return CustodyRecord(
            person_id=None,
            event_id=1,
            name=name,
            name_latin=name,
            place=None,
            sanction="detention",
            detained_on=date(2026, 3, 1),
            term="5 days" if release else None,
            expected_release=release,
            days_left=left,
            status=status,
        )

    section = html_to_text(
        digest_section(
            [
                record("Due Today", date(2026, 3, 10), "due out"),
                record("Due Friday", date(2026, 3, 13), "term known"),
                record("Long Past", date(2026, 3, 2), "due out"),
                record("Far Off", date(2026, 4, 1), "term known"),
                record("No Term", None, "detained"),
            ],
            date(2026, 3, 10),
            "en",
        )[0]
    )
    soon, overdue = section.split("Term ended, release not yet reported:")
    assert "In custody now: 5" in soon and "Due Today — 2026-03-10" in soon and "Due Friday" in soon
    assert "Long Past — 2026-03-02" in overdue and "Due Today" not in overdue
    assert "Far Off" not in section and "No Term" not in section


def test_a_release_of_someone_already_released_changes_nothing(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist jailed",
        "A court jailed activist Aidar Serikbayev for 15 days.",
        Detainee("Aidar Serikbayev", "15 days"),
    )
    tell(
        store,
        T0 + timedelta(days=15),
        "Activist released",
        "Activist Aidar Serikbayev was released on Tuesday.",
        Detainee("Aidar Serikbayev"),
        arrest=False,
        source="Outlet B",
    )
    # Another outlet the day after, the analysis listing nobody: nothing to add, no edit of the alert.
    assert (
        tell(
            store,
            T0 + timedelta(days=16),
            "Aidar Serikbayev walks free",
            "Civic activist Aidar Serikbayev was released after serving 15 days.",
            arrest=False,
            source="Outlet C",
        )
        is not None
    )
    assert store.outbox_rows(kind="edit") == [] and len(store.outbox_rows(kind="followup")) == 1


def test_a_term_long_over_without_news_drops_off_as_unknown(store: Store) -> None:
    tell(
        store,
        T0,
        "Activist jailed",
        "A court jailed activist Timur Ospanov for 10 days.",
        Detainee("Timur Ospanov", "10 days"),
    )
    assert [r.status for r in load_records(store, date(2026, 3, 26), now=T0)] == ["due out"]  # 14 days over
    assert [r.status for r in load_records(store, date(2026, 3, 27), now=T0)] == ["unknown"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The court placed journalist Dana Ermek in pre-trial detention for two months, until 30 April.", "en"),
        ("Суд арестовал журналистку Дану Ермек на два месяца, до 30 апреля.", "ru"),
        ("Сот журналист Дана Ермекті 30 сәуірге дейін екі айға қамауға алды.", "kk"),
    ],
)
def test_pretrial_detention_until_a_stated_date_ends_on_that_date(store: Store, text: str, lang: str) -> None:
    tell(store, T0, "Journalist remanded", text, Detainee("Dana Ermek", "2 months"), lang=lang)
    (record,) = load_records(store, T0.date(), now=T0)
    assert (record.expected_release, record.status) == (date(2026, 4, 30), "term known")


def test_the_custody_tables_work_on_sqlite_and_postgresql(db_location: str) -> None:
    from bot.edges.store import QueuedPost

    store = Store.open(db_location)
    try:
        tell(
            store,
            T0,
            "Activist jailed",
            "A court jailed activist Timur Ospanov for 10 days.",
            Detainee("Timur Ospanov", "10 days"),
        )
        ((_, person_id),) = store.person_ids([1]).items()
        store.add_custody_correction(person_id, "released", "2026-03-05", note="lawyer", by="cli", now=T0)
        assert [(r["field"], r["value"]) for r in store.custody_corrections()] == [("released", "2026-03-05")]
        note = QueuedPost("due out today", kind="notice", target="channel")
        assert store.claim_custody_post("due_today", "2026-03-02", now=T0, posts=[note]) is True
        assert store.claim_custody_post("due_today", "2026-03-02", now=T0, posts=[note]) is False
        assert [row["body"] for row in store.outbox_rows(kind="notice")] == ["due out today"]
        store.save_custody_slot(0, 11, "list v1", now=T0)
        store.save_custody_slot(0, 11, "list v2", now=T0)
        assert [(r["slot"], r["message_id"], r["body"]) for r in store.custody_board()] == [(0, 11, "list v2")]
        (record,) = load_records(store, T0.date() + timedelta(days=4), now=T0)
        assert record.status == "released" and record.corrections
    finally:
        store.close()
