"""Telegram HTML for alerts and digests. Pure: data in, strings out.

Every string that comes from outside (titles, names, source names, URLs, the report's
sentences) is escaped here and nowhere else, and every post is kept within Telegram's
4,096 limit by shortening the least important part (the summary) first, so a post is
never rejected for its size and never silently dropped. Telegram counts that limit in
UTF-16 code units of the visible text (an emoji or a mathematical letter is two), and
so does every measure here (``visible_len``). Characters that disguise text (bidi
overrides, zero-width characters, controls) are removed from everything escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.analysis.result import Analysis, Detainee
from bot.publish.text import utf16_len, visible_len
from bot.sanitize import clean_text
from bot.translit import name_key

# Telegram's limit on a message's visible text, in UTF-16 code units. Posts are kept a
# little below it.
TELEGRAM_LIMIT = 4096
POST_LIMIT = 3700  # leaves room for the review header (bot/triage.py)
# A digest line's parts (names, titles, places, outlets) are shortened to these.
DIGEST_NAME_LIMIT = 200
DIGEST_PLACE_LIMIT = 100
SUMMARY_LIMIT = 600

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "alert": "Arrest reported",
        "no_term": "term not stated",
        "unnamed": "Names not given in the report",
        "charge": "Charge",
        "detained_on": "Detained",
        "also": "Also reported by",
        "digest": "Daily digest",
        "people": "{n} people named as detained in {r} events",
        "quiet": "Daily digest for {day}: no arrests reported in the last 24 hours.",
        "part": "part {i} of {n}",
        "unnamed_item": "unnamed detainees",
        "tag_arrest": "arrest",
        "tag_protest": "protest",
        "update": "Update",
        "also_detained": "also detained",
        "released": "released",
        "was": "was",
        "more_sources": "+{n} more",
    },
    "ru": {
        "alert": "Сообщение о задержании",
        "no_term": "срок не указан",
        "unnamed": "Имена в сообщении не названы",
        "charge": "Статья",
        "detained_on": "Задержан(а)",
        "also": "Также сообщают",
        "digest": "Сводка за день",
        "people": "Задержанных по именам: {n}, событий: {r}",
        "quiet": "Сводка за {day}: за последние 24 часа сообщений о задержаниях нет.",
        "part": "часть {i} из {n}",
        "unnamed_item": "имена не названы",
        "tag_arrest": "задержание",
        "tag_protest": "протест",
        "update": "Обновление",
        "also_detained": "также задержан(а)",
        "released": "освобождён(а)",
        "was": "было",
        "more_sources": "ещё {n}",
    },
    "kk": {
        "alert": "Ұстау туралы хабар",
        "no_term": "мерзімі көрсетілмеген",
        "unnamed": "Хабарда есімдер аталмаған",
        "charge": "Бап",
        "detained_on": "Ұсталған күні",
        "also": "Сондай-ақ хабарлады",
        "digest": "Күндік шолу",
        "people": "Ұсталғандар (аты аталған): {n}, оқиғалар: {r}",
        "quiet": "{day} күнгі шолу: соңғы 24 сағатта ұстау туралы хабар жоқ.",
        "part": "{n} бөліктің {i}-і",
        "unnamed_item": "есімдер аталмаған",
        "tag_arrest": "ұстау",
        "tag_protest": "наразылық",
        "update": "Жаңарту",
        "also_detained": "сондай-ақ ұсталды",
        "released": "босатылды",
        "was": "бұрын",
        "more_sources": "тағы {n}",
    },
}

_TERM = re.compile(r"^(\d+) (day|days|month|months|year|years)$")


@dataclass(frozen=True)
class AlertPost:
    """What an alert is built from: the report and what the rules found in it."""

    title: str
    url: str | None
    source_name: str
    analysis: Analysis
    published: datetime | None = None
    also_reported: tuple[tuple[str, str | None], ...] = ()  # (source name, url) of later copies


@dataclass(frozen=True)
class DigestEntry:
    """One arrest report as the digest lists it."""

    title: str
    url: str | None
    source_name: str
    detainees: tuple[Detainee, ...]
    place: str | None
    published: datetime | None
    other_reports: int = 0  # further reports of the same event in the digest's window


@dataclass(frozen=True)
class FollowupLine:
    """One new fact about a person: ``kind`` 'detainee', 'term', 'term_changed' or 'released'."""

    kind: str
    name: str
    term: str | None = None
    before: str | None = None  # the previous term of a changed one


@dataclass(frozen=True)
class FollowupPost:
    """A short reply to an alert: what a later report added, and that report."""

    title: str
    url: str | None
    source_name: str
    lines: tuple[FollowupLine, ...]
    place: str | None = None


def _labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def _e(text: str) -> str:
    return html.escape(clean_text(text), quote=False)


def _link(label: str, url: str | None) -> str:
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(clean_text(url), quote=True)}">{_e(label)}</a>'
    return _e(label)


def _plural_ru(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_term(term: str | None, language: str) -> str:
    """A canonical term ("15 days") in the labels' language ("15 суток", "15 тәулік")."""
    if term is None:
        return _labels(language)["no_term"]
    match = _TERM.match(term)
    if not match or language == "en":
        return term
    n, unit = int(match.group(1)), match.group(2).rstrip("s")
    if language == "ru":
        words = {
            "day": ("сутки", "суток", "суток"),
            "month": ("месяц", "месяца", "месяцев"),
            "year": ("год", "года", "лет"),
        }[unit]
        return f"{n} {_plural_ru(n, *words)}"
    return f"{n} " + {"day": "тәулік", "month": "ай", "year": "жыл"}[unit]


def hashtags(analysis: Analysis, language: str) -> str:
    """#Place #arrest #protest, so subscribers can search the channel."""
    labels = _labels(language)
    tags = []
    if analysis.place:
        word = re.sub(r"[^\w]", "", analysis.place.title().replace("-", ""), flags=re.UNICODE)
        if word and not word.isdigit():
            tags.append("#" + word)
    tags.append("#" + labels["tag_arrest"])
    if analysis.protest:
        tags.append("#" + labels["tag_protest"])
    return " ".join(tags)


def _detainee_line(person: Detainee, language: str) -> str:
    return f"• <b>{_e(_shorten(person.name, DIGEST_NAME_LIMIT))}</b> — {_e(format_term(person.term, language))}"


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, within ``limit`` UTF-16 units, cut at a word where one is near."""
    text = " ".join(clean_text(text).split())
    if utf16_len(text) <= limit:
        return text
    units, end = 0, 0
    for end, char in enumerate(text):  # noqa: B007 - end is used after the loop
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit - 1:
            break
    cut = text[:end]
    cut = cut.rsplit(" ", 1)[0] if " " in cut[len(cut) // 2:] else cut
    return cut.rstrip(",;:") + "…"


def _summary(evidence: Sequence[str], title: str) -> str:
    """The evidence sentences as a summary: the headline (already shown) left out, each
    sentence ending with punctuation so two never run together."""
    headline = " ".join(title.split()).casefold()
    parts = []
    for sentence in evidence:
        sentence = " ".join(sentence.split())
        if not sentence or sentence.casefold() == headline:
            continue
        parts.append(sentence if sentence[-1] in ".!?…»\"”" else sentence + ".")
    return " ".join(parts)


def format_alert(post: AlertPost, language: str = "en") -> str:
    """The channel post for one arrest report, as Telegram HTML within POST_LIMIT.

    Layout: headline with place; one line per detainee with the term in bold; charge and
    date when stated; one or two sentences of summary; the source linked to the article.
    """
    labels = _labels(language)
    analysis = post.analysis
    head = f"🚨 <b>{_e(labels['alert'])}</b>"
    if analysis.place:
        head += f" · {_e(analysis.place)}"
    lines = [head]
    people = [_detainee_line(person, language) for person in analysis.detainees]
    if not people:
        people = [f"• <i>{_e(labels['unnamed'])}</i>"]
    facts = []
    if analysis.charge:
        facts.append(f"{_e(labels['charge'])}: {_e(_shorten(analysis.charge, 200))}")
    if analysis.detained_on:
        facts.append(f"{_e(labels['detained_on'])}: {_e(analysis.detained_on)}")
    source = f"{_link(post.source_name, post.url)}: {_e(_shorten(post.title, 300))}" if post.title else _link(
        post.source_name, post.url
    )
    also = ""
    if post.also_reported:
        others = ", ".join(_link(name, url) for name, url in post.also_reported[:10])
        also = f"{_e(labels['also'])}: {others}"

    tags = hashtags(analysis, language)

    def build(people_lines: list[str], summary_limit: int, with_also: bool = True) -> str:
        parts = [*lines, *people_lines, *facts]
        summary = _summary(analysis.evidence, post.title)
        body = "\n".join(parts)
        if summary and summary_limit > 0:
            body += f"\n\n<i>{_e(_shorten(summary, summary_limit))}</i>"
        body += f"\n\n{source}"
        if also and with_also:
            body += f"\n{also}"
        return body + f"\n{_e(tags)}"

    text = build(people, SUMMARY_LIMIT)
    if visible_len(text) <= POST_LIMIT:
        return text
    # Too long: drop the summary first, then list as many people as fit and count the rest.
    text = build(people, 0)
    while visible_len(text) > POST_LIMIT and len(people) > 1:
        hidden = len(analysis.detainees) - len(people) + 2
        people = people[:-2] + [f"• … +{hidden}"]
        text = build(people, 0)
    if visible_len(text) > POST_LIMIT:
        text = build(people, 0, with_also=False)
    if visible_len(text) > POST_LIMIT:  # pathological names or URLs: a plain, still valid post
        names = ", ".join(person.name for person in analysis.detainees) or labels["unnamed"]
        text = f"{head}\n{_e(_shorten(names, 2000))}\n\n{_e(_shorten(post.source_name, 200))}: {_e(_shorten(post.url or '', 1500))}"
    return text


FOLLOWUP_LINES = 20


def format_followup(post: FollowupPost, language: str = "en") -> str:
    """The reply posted under an alert when a later report adds facts, within POST_LIMIT."""
    labels = _labels(language)
    head = f"🔄 <b>{_e(labels['update'])}</b>"
    if post.place:
        head += f" · {_e(post.place)}"
    lines = []
    for line in post.lines[:FOLLOWUP_LINES]:
        name = f"• <b>{_e(_shorten(line.name, 120))}</b> — "
        if line.kind == "released":
            lines.append(name + _e(labels["released"]))
        elif line.kind == "detainee":
            lines.append(name + _e(f"{labels['also_detained']}, {format_term(line.term, language)}"))
        elif line.kind == "term_changed" and line.before:
            lines.append(name + _e(f"{format_term(line.term, language)} ({labels['was']} "
                                   f"{format_term(line.before, language)})"))
        else:
            lines.append(name + _e(format_term(line.term, language)))
    if len(post.lines) > FOLLOWUP_LINES:
        lines.append(f"• … +{len(post.lines) - FOLLOWUP_LINES}")
    source = _link(post.source_name, post.url)
    if post.title:
        source += f": {_e(_shorten(post.title, 300))}"
    return "\n".join([head, *lines]) + f"\n\n{source}"


def _counts_by_place(entries: Sequence[DigestEntry]) -> list[tuple[str, int]]:
    """People (or, for reports naming nobody, reports) per place, most first."""
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for entry in entries:
        if not entry.place:
            continue
        new = [p for p in entry.detainees if p.name.casefold() not in seen]
        seen.update(p.name.casefold() for p in new)
        counts[entry.place] = counts.get(entry.place, 0) + (len(new) if entry.detainees else 1)
    return sorted(((place, n) for place, n in counts.items() if n), key=lambda pn: (-pn[1], pn[0]))


def format_digest(
    day: date, entries: Sequence[DigestEntry], language: str = "en", *, quiet_line: bool = True
) -> list[str]:
    """The day's digest as one or more posts, each within POST_LIMIT.

    Lists every named person with their term and a link to the report; reports that
    name nobody are listed by title. A day with no arrests is one line (or nothing
    when ``quiet_line`` is off).
    """
    labels = _labels(language)
    if not entries:
        return [f"📋 {_e(labels['quiet'].format(day=day.isoformat()))}"] if quiet_line else []
    seen: set[str] = set()
    lines: list[str] = []
    for entry in sorted(entries, key=lambda e: e.published.timestamp() if e.published else 0.0):
        where = f" · {_e(_shorten(entry.place, DIGEST_PLACE_LIMIT))}" if entry.place else ""
        source = _link(_shorten(entry.source_name, DIGEST_PLACE_LIMIT), entry.url)
        if entry.other_reports:
            source += f" {_e(labels['more_sources'].format(n=entry.other_reports))}"
        if not entry.detainees:
            lines.append(f"• <i>{_e(labels['unnamed_item'])}</i>: {_e(_shorten(entry.title, 200))}{where} · {source}")
            continue
        for person in entry.detainees:
            key = name_key(person.name) or person.name.casefold()  # one person in any script
            if key in seen:
                continue
            seen.add(key)
            lines.append(f"{_detainee_line(person, language)}{where} · {source}")
    header = f"📋 <b>{_e(labels['digest'])} · {day.isoformat()}</b>\n" + _e(
        labels["people"].format(n=len(seen), r=len(entries))
    )
    places = _counts_by_place(entries)
    if places:
        header += "\n" + _e(_shorten(" · ".join(f"{place}: {count}" for place, count in places), 600))
    posts: list[list[str]] = [[]]
    room = POST_LIMIT - visible_len(header) - 40  # the part marker
    size = 0
    for line in lines:
        cost = visible_len(line) + 1  # UTF-16 units, as Telegram counts them
        if size + cost > room and posts[-1]:
            posts.append([])
            size = 0
        posts[-1].append(line)
        size += cost
    total = len(posts)
    out = []
    for i, chunk in enumerate(posts, 1):
        marker = f" ({_e(labels['part'].format(i=i, n=total))})" if total > 1 else ""
        out.append(f"{header}{marker}\n\n" + "\n".join(chunk))
    return out
