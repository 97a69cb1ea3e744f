"""One language per channel (issue 15, surprises 6 and 7): places from the gazetteer in
the channel's language in posts, hashtags, the digest and `events`; the charge quoted
in the report's language under a correct label; a summary line in every language; terms
in bold; no tracking parameters in links."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.core.analysis.result import Analysis, Detainee
from bot.core.places import PLACES, hashtag, place_name
from bot.core.publish.format import (
    AlertPost,
    DigestEntry,
    FollowupLine,
    FollowupPost,
    format_alert,
    format_digest,
    format_followup,
)
from tests.support.botapi import parse_html
from tests.support.feeds import ARREST_EN, Story, rss
from tests.test_e2e import write_sources
from tests.test_golive import cli

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)
# Our own writing: a Russian report from Almaty with an article of the code.
ARREST_RU_ALMATY = (
    "Суд в Алматы арестовал на 12 суток гражданского активиста Талгата Омарова за участие в мирном пикете "
    "у здания акимата. Омарова задержали полицейские сразу после того, как он развернул плакат. Активиста "
    "признали виновным по статье 488 КоАП, правозащитники назвали арест преследованием за протест."
)


def arrest(*people: Detainee, lang: str = "en", **fields) -> Analysis:
    return Analysis(True, fields.pop("protest", False), tuple(people), lang=lang, score=0.9, **fields)


@pytest.mark.parametrize(
    ("spelling", "language", "shown"),
    [
        ("Алматы", "en", "Almaty"),
        ("Almaty", "ru", "Алматы"),
        ("ALMATY", "kk", "Алматы"),
        ("Oral", "en", "Uralsk"),
        ("Орал", "ru", "Уральск"),
        ("Усть-Каменогорск", "kk", "Өскемен"),
        ("Nur-Sultan", "ru", "Астана"),
        ("Almaty region", "ru", "Алматинская область"),
        ("Алматинская область", "en", "Almaty Region"),
        ("Мангистау", "kk", "Маңғыстау облысы"),
    ],
)
def test_the_gazetteer_names_a_place_in_the_channels_language(spelling: str, language: str, shown: str) -> None:
    assert place_name(spelling, language) == shown


def test_every_place_has_three_names_and_no_spelling_means_two_places() -> None:
    seen: dict[str, str] = {}
    for place in PLACES:
        assert place.en and place.ru and place.kk
        for name in (place.en, place.ru, place.kk, *place.variants):
            key = name.casefold()
            assert seen.setdefault(key, place.en) == place.en, name
    assert place_name("Нарнія", "en") == "Narniya"  # unknown Cyrillic: transliterated for English


def test_hashtags_and_headline_use_the_channels_spelling() -> None:
    russian = arrest(Detainee("Талгат Омаров", "12 days"), lang="ru", place="Алматы")
    english = arrest(Detainee("Aidar Serikbayev", "15 days"), place="Almaty")
    for analysis in (russian, english):
        body = format_alert(AlertPost("T", None, "S", analysis), "en")
        assert body.startswith("🚨 <b>Arrest reported</b> · Almaty\n")
        assert "#Almaty #arrest" in body and "Алматы" not in body
        assert "#Алматы #задержание" in format_alert(AlertPost("T", None, "S", analysis), "ru")
    assert hashtag("Almaty region", "en") == "AlmatyRegion"


def test_the_digest_counts_a_place_once_whatever_its_spelling() -> None:
    entries = [
        DigestEntry("a", None, "S", (Detainee("A One", "10 days"),), "Алматы", NOW),
        DigestEntry("b", None, "S", (Detainee("B Two", "10 days"),), "Almaty", NOW),
        DigestEntry("c", None, "S", (Detainee("C Three", "15 days"),), "Astana", NOW),
    ]
    [post] = format_digest(NOW.date(), entries, "en")
    assert "Almaty: 2 · Astana: 1" in parse_html(post).text
    assert "Алматы" not in post
    [russian] = format_digest(NOW.date(), entries, "ru")
    assert "Алматы: 2 · Астана: 1" in parse_html(russian).text


def test_the_charge_is_quoted_in_the_reports_language_under_a_correct_label() -> None:
    offence = arrest(Detainee("Aidar Serikbayev", "15 days"), charge="participating in an unsanctioned rally")
    russian_channel = format_alert(AlertPost("T", None, "S", offence), "ru")
    assert "Статья" not in russian_channel
    assert "Обвинение: «participating in an unsanctioned rally» (по-английски)" in russian_channel
    assert "Charge: “participating in an unsanctioned rally”\n" in format_alert(
        AlertPost("T", None, "S", offence), "en"
    )
    article = arrest(Detainee("Талгат Омаров", "12 days"), lang="ru", charge="статья 488 КоАП")
    assert "Charge: Article 488 of the Administrative Code" in format_alert(AlertPost("T", None, "S", article), "en")
    assert "Айып: ӘҚБтК 488-бап" in format_alert(AlertPost("T", None, "S", article), "kk")
    assert "Обвинение: статья 488 КоАП РК" in format_alert(AlertPost("T", None, "S", article), "ru")


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Талгат Омаров detained in Almaty after a protest: 12 days."),
        ("ru", "Талгат Омаров — задержание (Алматы) после протеста: 12 суток."),
        ("kk", "Талгат Омаров — ұстау (Алматы), наразылықтан кейін: 12 тәулік."),
    ],
)
def test_every_alert_has_a_summary_line_in_the_channels_language(language: str, line: str) -> None:
    analysis = arrest(Detainee("Талгат Омаров", "12 days"), lang="ru", place="Алматы", protest=True)
    body = format_alert(AlertPost("Title", None, "S", analysis), language)
    assert line in body.splitlines()
    assert "<b>Талгат Омаров</b>" in body and "<b>" + line.split(": ")[-1].rstrip(".") + "</b>" in body


def test_terms_in_follow_ups_are_bold_like_the_names() -> None:
    post = FollowupPost(
        "T",
        None,
        "S",
        (FollowupLine("term", "Talgat Omarov", "12 days"), FollowupLine("detainee", "Dana Omarova", "10 days")),
        place="Алматы",
    )
    body = format_followup(post, "en")
    assert "<b>Talgat Omarov</b> — <b>12 days</b>" in body
    assert "also detained, <b>10 days</b>" in body
    assert "· Almaty" in body
    parse_html(body)  # valid Telegram HTML


def test_links_lose_their_tracking_parameters() -> None:
    url = "https://news.example/kz/arrest?id=7&utm_source=telegram&utm_medium=social&fbclid=abc#top"
    body = format_alert(AlertPost("T", url, "S", arrest(Detainee("A B", None))), "en")
    assert 'href="https://news.example/kz/arrest?id=7#top"' in body
    [digest] = format_digest(NOW.date(), [DigestEntry("T", url, "S", (Detainee("A B", None),), None, NOW)], "en")
    assert "utm_" not in digest and "fbclid" not in digest


def test_a_mixed_feed_reads_in_one_language_in_the_channel_and_in_events(tmp_path: Path, web, botapi) -> None:
    web.add(
        "/ru.xml",
        rss(
            [
                Story(
                    "ru-1",
                    "Активиста арестовали в Алматы",
                    ARREST_RU_ALMATY,
                    "http://127.0.0.1/ru/1?utm_source=rss&id=1",
                )
            ]
        ),
        content_type="application/rss+xml",
    )
    web.add(
        "/en.xml",
        rss(
            [
                Story(
                    "en-1",
                    "Almaty activist jailed for 15 days over picket",
                    ARREST_EN,
                    "http://127.0.0.1/en/1?utm_campaign=x",
                )
            ]
        ),
        content_type="application/rss+xml",
    )
    write_sources(
        tmp_path / "sources.toml",
        {"RU news": web.url("/ru.xml"), "EN news": web.url("/en.xml")},
        extra='timezone = "UTC"\ndigest_time = "23:59"\n',
    )
    assert cli(tmp_path, "once", botapi=botapi).returncode == 0
    posts = [m.html for m in botapi.messages]
    assert len(posts) == 2, posts
    for html in posts:
        head, tags = html.splitlines()[0], html.splitlines()[-1]
        assert head == "🚨 <b>Arrest reported</b> · Almaty"  # the report's own words stay quoted below
        assert tags.startswith("#Almaty #arrest") and "utm_" not in html
        assert " detained in Almaty" in html  # the summary line, in English for both reports
    russian = next(html for html in posts if "Омаров" in html)
    assert "Charge: Article 488 of the Administrative Code" in russian and "Статья" not in russian
    events = cli(tmp_path, "events")
    assert events.returncode == 0, events.stderr
    assert "Almaty" in events.stdout and "Алматы" not in events.stdout


def test_every_label_is_translated() -> None:
    from bot.core.publish.format import LABELS

    assert LABELS["ru"].keys() == LABELS["en"].keys() == LABELS["kk"].keys()
    for language in ("ru", "kk"):
        same = [key for key, text in LABELS[language].items() if text == LABELS["en"][key] and text.strip("{}n +")]
        assert same == [], (language, same)
