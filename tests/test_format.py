"""Alert and digest formatting: escaping, labels, and Telegram's size limit."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser

from bot.core.analysis.result import Analysis, Detainee
from bot.core.publish.format import POST_LIMIT, AlertPost, DigestEntry, format_alert, format_digest, format_term
from bot.core.publish.text import visible_len


class _Balance(HTMLParser):
    """Checks tags are balanced; the Bot API stand-in checks the rest over HTTP."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data):
        self.text.append(data)


def visible(markup: str) -> str:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return "".join(parser.text)


def arrest(*people: Detainee, **kw) -> Analysis:
    return Analysis(arrest=True, protest=False, detainees=people, score=0.9, **kw)


def test_alert_names_people_in_bold_with_terms_and_links_the_source() -> None:
    post = AlertPost(
        title="Two <activists> jailed",
        url="https://news.example/a?x=1&y=2",
        source_name="News & Co",
        analysis=arrest(
            Detainee("Aidar Serikbayev", "15 days"),
            Detainee("Dana Omar", None),
            place="Almaty",
            charge="Article 488 of the Administrative Code",
            evidence=("A court in Almaty jailed two activists on Monday.",),
        ),
    )
    body = format_alert(post, "en")
    assert "<b>Aidar Serikbayev</b> — <b>15 days</b>" in body
    assert "<b>Dana Omar</b> — term not stated" in body
    assert '<a href="https://news.example/a?x=1&amp;y=2">News &amp; Co</a>' in body
    assert "Two &lt;activists&gt; jailed" in body and "Almaty" in body and "Article 488" in body
    assert "jailed two activists" in visible(body)


def test_alert_labels_and_terms_follow_the_configured_language() -> None:
    body = format_alert(AlertPost("T", "https://x.example/", "S", arrest(Detainee("Ерлан Жумабаев", "10 days"))), "ru")
    assert "10 суток" in body and "Сообщение о задержании" in body
    assert format_term("1 years", "ru") == "1 год" and format_term("3 years", "ru") == "3 года"
    assert format_term("5 months", "ru") == "5 месяцев" and format_term("21 days", "ru") == "21 сутки"
    assert format_term("15 days", "kk") == "15 тәулік"


def test_alert_without_names_says_so() -> None:
    body = format_alert(AlertPost("Dozens detained at rally", None, "S", arrest()), "en")
    assert "Names not given" in body and "<a " not in body  # no URL, no link


def test_huge_alert_stays_within_the_limit_and_valid() -> None:
    people = tuple(Detainee(f"Person Number{i}", f"{i + 1} days") for i in range(400))
    post = AlertPost("T" * 1000, "https://x.example/" + "p" * 3000, "S", arrest(*people, evidence=("word " * 2000,)))
    body = format_alert(post, "en")
    assert visible_len(body) <= POST_LIMIT  # as Telegram counts: UTF-16 units of the visible text
    text = visible(body)
    assert "Person Number0" in text and "+" in text  # the rest are counted, not silently dropped


def _entries(n: int) -> list[DigestEntry]:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return [
        DigestEntry(
            f"Report {i} " + "x" * 100,
            f"https://x.example/{i}",
            "Source",
            (Detainee(f"Person {i}", "15 days"),),
            "Astana",
            now + timedelta(minutes=i),
        )
        for i in range(n)
    ]


def test_long_digest_is_split_into_valid_parts_listing_everyone() -> None:
    parts = format_digest(date(2026, 1, 1), _entries(120), "en")
    assert len(parts) > 1 and all(visible_len(p) <= POST_LIMIT for p in parts)
    text = "\n".join(visible(p) for p in parts)
    assert all(f"Person {i} " in text or text.endswith(f"Person {i}") for i in range(120) if i % 7 == 0)
    assert f"part 1 of {len(parts)}" in parts[0]
    assert "120 people" in parts[0]


def test_digest_lists_a_person_once_and_unnamed_reports_by_title() -> None:
    entries = _entries(2) + [_entries(1)[0], DigestEntry("Crowd detained in Aktau", None, "S", (), None, None)]
    parts = format_digest(date(2026, 1, 1), entries, "en")
    assert len(parts) == 1
    assert parts[0].count("Person 0") == 1 and "Crowd detained in Aktau" in parts[0]


def test_quiet_day_is_one_line_or_nothing() -> None:
    assert len(format_digest(date(2026, 1, 1), [], "en")) == 1
    assert "\n" not in format_digest(date(2026, 1, 1), [], "ru")[0]
    assert format_digest(date(2026, 1, 1), [], "en", quiet_line=False) == []


def test_hashtags_for_place_and_kind() -> None:
    body = format_alert(AlertPost("T", None, "S", arrest(Detainee("A B", None), place="Ust-Kamenogorsk")), "en")
    assert body.rstrip().endswith("#Oskemen #arrest")  # the gazetteer's English name
    body = format_alert(AlertPost("T", None, "S", Analysis(True, True, place="Алматы", score=0.9)), "ru")
    assert "#Алматы #задержание #протест" in body


def test_digest_counts_people_by_place() -> None:
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    entries = [
        DigestEntry("a", None, "S", (Detainee("A One", "10 days"), Detainee("B Two", None)), "Almaty", now),
        DigestEntry("b", None, "S", (Detainee("C Three", "15 days"),), "Astana", now),
        DigestEntry("c", None, "S", (Detainee("A One", "10 days"),), "Almaty", now),  # the same person again
    ]
    [post] = format_digest(date(2026, 1, 1), entries, "en")
    assert "Almaty: 2 · Astana: 1" in visible(post)


def test_summary_leaves_out_the_headline_and_never_runs_sentences_together() -> None:
    analysis = arrest(
        Detainee("A B", "5 days"), evidence=("Activist jailed in Aktau", "Police detained him at a rally")
    )
    body = format_alert(AlertPost("Activist jailed in Aktau", None, "S", analysis), "en")
    assert "<i>Police detained him at a rally.</i>" in body
    body = format_alert(AlertPost("Other title", None, "S", analysis), "en")
    assert "<i>Activist jailed in Aktau. Police detained him at a rally.</i>" in body
