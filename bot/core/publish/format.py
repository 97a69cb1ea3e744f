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
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.core.analysis.result import Analysis, Detainee
from bot.core.analysis.terms import plural_ru
from bot.core.dedup import without_tracking
from bot.core.places import hashtag, place_key, place_name
from bot.core.publish.charge import charge_label, format_charge
from bot.core.publish.text import fits, utf16_len, visible_len
from bot.core.sanitize import clean_text
from bot.core.translit import name_key

# Telegram's limit on a message's visible text, in UTF-16 code units. Posts are kept a
# little below it.
TELEGRAM_LIMIT = 4096
POST_LIMIT = 3700  # leaves room for the review header (bot/core/triage.py)
# A digest line's parts (names, titles, places, outlets) are shortened to these.
DIGEST_NAME_LIMIT = 200
DIGEST_PLACE_LIMIT = 100
SUMMARY_LIMIT = 600

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "alert": "Arrest reported",
        "no_term": "term not stated",
        "unnamed": "Names not given in the report",
        "summary": "{who} detained{where}{protest}{term}.",
        "summary_where": " in {place}",
        "summary_protest": " after a protest",
        "summary_many": "{n} people",
        "summary_none": "Unnamed people",
        "detained_on": "Detained",
        "also": "Also reported by",
        "digest": "Digest",
        "people": "{n} people named as detained in {r} events",
        "quiet": "no arrests reported.",
        "unwatched": "Not watched from {start} to {end}: arrests in that time may be missing here.",
        "part": "part {i} of {n}",
        "unnamed_item": "unnamed detainees",
        "tag_arrest": "arrest",
        "tag_protest": "protest",
        "update": "Update",
        "also_detained": "also detained",
        "released": "released",
        "was": "was",
        "more_sources": "+{n} more",
        "again": "Detained again; previous episode {day}",
    },
    "ru": {
        "alert": "Сообщение о задержании",
        "no_term": "срок не указан",
        "unnamed": "Имена в сообщении не названы",
        "summary": "{who} — задержание{where}{protest}{term}.",
        "summary_where": " ({place})",
        "summary_protest": " после протеста",
        "summary_many": "{n} чел.",
        "summary_none": "Без имён",
        "detained_on": "Задержан(а)",
        "also": "Также сообщают",
        "digest": "Сводка",
        "people": "Задержанных по именам: {n}, событий: {r}",
        "quiet": "сообщений о задержаниях нет.",
        "unwatched": "Не отслеживалось с {start} по {end}: задержания за это время здесь могут быть не учтены.",
        "part": "часть {i} из {n}",
        "unnamed_item": "имена не названы",
        "tag_arrest": "задержание",
        "tag_protest": "протест",
        "update": "Обновление",
        "also_detained": "также задержан(а)",
        "released": "освобождён(а)",
        "was": "было",
        "more_sources": "ещё {n}",
        "again": "Задержание повторное; предыдущее — {day}",
    },
    "kk": {
        "alert": "Ұстау туралы хабар",
        "no_term": "мерзімі көрсетілмеген",
        "unnamed": "Хабарда есімдер аталмаған",
        "summary": "{who} — ұстау{where}{protest}{term}.",
        "summary_where": " ({place})",
        "summary_protest": ", наразылықтан кейін",
        "summary_many": "{n} адам",
        "summary_none": "Есімсіз",
        "detained_on": "Ұсталған күні",
        "also": "Сондай-ақ хабарлады",
        "digest": "Шолу",
        "people": "Ұсталғандар (аты аталған): {n}, оқиғалар: {r}",
        "quiet": "ұстау туралы хабар жоқ.",
        "unwatched": "{start} – {end} аралығы бақыланбады: ол кездегі ұстаулар мұнда болмауы мүмкін.",
        "part": "{n} бөліктің {i}-і",
        "unnamed_item": "есімдер аталмаған",
        "tag_arrest": "ұстау",
        "tag_protest": "наразылық",
        "update": "Жаңарту",
        "also_detained": "сондай-ақ ұсталды",
        "released": "босатылды",
        "was": "бұрын",
        "more_sources": "тағы {n}",
        "again": "Қайта ұсталды; алдыңғы жолы — {day}",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ru": ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
    "kk": ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар", "жел"),
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
    # Other outlets' terms for a person of this episode: (name as in ``analysis``, term, source name).
    other_terms: tuple[tuple[str, str, str], ...] = ()
    previous_on: str | None = None  # the day of the same person's earlier episode ("detained again")


@dataclass(frozen=True)
class DigestPeriod:
    """The time a digest covers, [start, end) in UTC, shown in ``zone``; ``key`` is its
    once-only key in the store (the day, for the scheduled digest)."""

    start: datetime
    end: datetime
    zone: str = "UTC"
    key: str = ""

    @classmethod
    def of_day(cls, day: date) -> DigestPeriod:
        """The calendar day in UTC (for callers that only have a day)."""
        end = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc) + timedelta(days=1)
        return cls(end - timedelta(days=1), end, "UTC", key=day.isoformat())


def format_moment(moment: datetime, zone: str, language: str) -> str:
    """ "3 Dec 21:00" in ``zone``, with the month in the labels' language."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local.day} {MONTHS.get(language, MONTHS['en'])[local.month - 1]} {local:%H:%M}"


def format_period(period: DigestPeriod, language: str) -> str:
    """ "2 Dec 21:00 – 3 Dec 21:00, Asia/Almaty"."""
    return (
        f"{format_moment(period.start, period.zone, language)} – "
        f"{format_moment(period.end, period.zone, language)}, {period.zone}"
    )


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
    """A link to ``url`` (http(s) only), its click-tracking parameters dropped."""
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(without_tracking(clean_text(url)), quote=True)}">{_e(label)}</a>'
    return _e(label)


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
        return f"{n} {plural_ru(n, *words)}"
    return f"{n} " + {"day": "тәулік", "month": "ай", "year": "жыл"}[unit]


def hashtags(analysis: Analysis, language: str) -> str:
    """#Place #arrest #protest, so subscribers can search the channel."""
    labels = _labels(language)
    tags = []
    word = hashtag(analysis.place, language)  # one spelling per channel: #Almaty or #Алматы
    if word:
        tags.append("#" + word)
    tags.append("#" + labels["tag_arrest"])
    if analysis.protest:
        tags.append("#" + labels["tag_protest"])
    return " ".join(tags)


def _term_html(term: str | None, language: str) -> str:
    """A term in bold ("<b>15 days</b>"); "term not stated" stays plain."""
    text = _e(format_term(term, language))
    return f"<b>{text}</b>" if term else text


def _detainee_line(person: Detainee, language: str, others: Sequence[tuple[str, str]] = (), source: str = "") -> str:
    """One detainee with the term in bold; where outlets disagree on the term, each
    figure with the outlet that gave it (never one picked silently)."""
    term = _term_html(person.term, language)
    if others:
        figures = [f"{term} ({_e(source)})"] + [
            f"<b>{_e(format_term(other, language))}</b> ({_e(name)})" for other, name in others
        ]
        term = " · ".join(figures)
    return f"• <b>{_e(_shorten(person.name, DIGEST_NAME_LIMIT))}</b> — {term}"


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
    cut = cut.rsplit(" ", 1)[0] if " " in cut[len(cut) // 2 :] else cut
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
        parts.append(sentence if sentence[-1] in '.!?…»"”' else sentence + ".")
    return " ".join(parts)


def summary_line(analysis: Analysis, language: str) -> str:
    """One line in the channel's language saying what happened: who, where, whether at
    a protest, and the term when it is one for everybody ("Aidar Serikbayev detained in
    Almaty after a protest: 15 days.")."""
    labels = _labels(language)
    people = analysis.detainees
    if len(people) == 1:
        who = people[0].name
    elif people:
        who = labels["summary_many"].format(n=len(people))
    else:
        who = labels["summary_none"]
    place = place_name(analysis.place, language)
    terms = {person.term for person in people}
    term = next(iter(terms)) if len(terms) == 1 else None
    return labels["summary"].format(
        who=_shorten(who, 120),
        where=labels["summary_where"].format(place=place) if place else "",
        protest=labels["summary_protest"] if analysis.protest else "",
        term=f": {format_term(term, language)}" if term else "",
    )


def _alert_people(post: AlertPost, language: str) -> list[str]:
    """One line per detainee of an alert, with the terms other sources gave them; a line
    saying nobody is named when the report names nobody, so the post never lists no one."""
    people = [
        _detainee_line(
            person,
            language,
            [(term, source) for name, term, source in post.other_terms if name == person.name],
            post.source_name,
        )
        for person in post.analysis.detainees
    ]
    return people or [f"• <i>{_e(_labels(language)['unnamed'])}</i>"]


def _alert_facts(post: AlertPost, language: str) -> list[str]:
    """The lines of an alert under its people: an earlier arrest of the same people, the
    charge, the one-line summary and the date of detention when the report gives it."""
    labels = _labels(language)
    analysis = post.analysis
    facts = []
    if post.previous_on:
        facts.append(f"🔁 {_e(labels['again'].format(day=post.previous_on))}")
    charge = format_charge(analysis.charge, analysis.lang, language)
    if charge:
        facts.append(f"{_e(charge_label(language))}: {_e(_shorten(charge, 220))}")
    facts.append(_e(summary_line(analysis, language)))
    if analysis.detained_on:
        facts.append(f"{_e(labels['detained_on'])}: {_e(analysis.detained_on)}")
    return facts


def format_alert(post: AlertPost, language: str = "en") -> str:
    """The channel post for one arrest report, as Telegram HTML within POST_LIMIT.

    Layout: headline with place; one line per detainee with the term in bold; charge and
    date when stated; one or two sentences of summary; the source linked to the article.
    """
    labels = _labels(language)
    analysis = post.analysis
    head = f"🚨 <b>{_e(labels['alert'])}</b>"
    place = place_name(analysis.place, language)
    if place:
        head += f" · {_e(place)}"
    lines = [head]
    people = _alert_people(post, language)
    facts = _alert_facts(post, language)
    source = (
        f"{_link(post.source_name, post.url)}: {_e(_shorten(post.title, 300))}"
        if post.title
        else _link(post.source_name, post.url)
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
    if fits(text, POST_LIMIT):
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
    place = place_name(post.place, language)
    if place:
        head += f" · {_e(place)}"
    lines = []
    for line in post.lines[:FOLLOWUP_LINES]:
        name = f"• <b>{_e(_shorten(line.name, 120))}</b> — "
        term = _term_html(line.term, language)  # bold like the name, as in the alert
        if line.kind == "released":
            lines.append(name + _e(labels["released"]))
        elif line.kind == "detainee":
            lines.append(name + f"{_e(labels['also_detained'])}, {term}")
        elif line.kind == "term_changed" and line.before:
            lines.append(name + f"{term} ({_e(labels['was'])} {_e(format_term(line.before, language))})")
        else:
            lines.append(name + term)
    if len(post.lines) > FOLLOWUP_LINES:
        lines.append(f"• … +{len(post.lines) - FOLLOWUP_LINES}")
    source = _link(post.source_name, post.url)
    if post.title:
        source += f": {_e(_shorten(post.title, 300))}"
    return "\n".join([head, *lines]) + f"\n\n{source}"


def _counts_by_place(entries: Sequence[DigestEntry], language: str = "en") -> list[tuple[str, int]]:
    """People (or, for reports naming nobody, reports) per place, most first; a place
    counted once whatever its spelling, named in the channel's language."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    seen: set[str] = set()
    for entry in entries:
        key = place_key(entry.place)
        if not key:
            continue
        names.setdefault(key, place_name(entry.place, language) or key)
        new = [p for p in entry.detainees if (name_key(p.name) or p.name.casefold()) not in seen]
        seen.update(name_key(p.name) or p.name.casefold() for p in new)
        counts[key] = counts.get(key, 0) + (len(new) if entry.detainees else 1)
    return sorted(((names[key], n) for key, n in counts.items() if n), key=lambda pn: (-pn[1], pn[0]))


def _digest_lines(entries: Sequence[DigestEntry], language: str) -> tuple[list[str], int]:
    """The digest's lines, oldest report first, and how many people they name.

    A person reported by several sources (in any script) is listed once, under the first
    report; a report that names nobody is listed by its title.
    """
    labels = _labels(language)
    seen: set[str] = set()
    lines: list[str] = []
    for entry in sorted(entries, key=lambda e: e.published.timestamp() if e.published else 0.0):
        shown = place_name(entry.place, language)
        where = f" · {_e(_shorten(shown, DIGEST_PLACE_LIMIT))}" if shown else ""
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
    return lines, len(seen)


def _digest_posts(header: str, lines: Sequence[str], language: str) -> list[str]:
    """Share the digest's lines among as few posts as fit POST_LIMIT, each under the
    header and, when there are several, marked with its part number."""
    labels = _labels(language)
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


def format_digest(
    period: DigestPeriod | date,
    entries: Sequence[DigestEntry],
    language: str = "en",
    *,
    quiet_line: bool = True,
    unwatched: Sequence[tuple[datetime, datetime]] = (),
) -> list[str]:
    """The digest of ``period`` as one or more posts, each within POST_LIMIT.

    Its header says the period it covers. Lists every named person with their term and
    a link to the report; reports that name nobody are listed by title. Hours the
    service did not watch are named. A period with no arrests is one line, plus the
    hours not watched (or nothing when ``quiet_line`` is off and all was watched).
    """
    labels = _labels(language)
    if isinstance(period, date):
        period = DigestPeriod.of_day(period)
    title = f"{labels['digest']} · {format_period(period, language)}"
    blind = [
        _e(
            labels["unwatched"].format(
                start=format_moment(a, period.zone, language), end=format_moment(b, period.zone, language)
            )
        )
        for a, b in unwatched
    ]
    if not entries:
        if not quiet_line and not blind:
            return []
        return ["\n".join([f"📋 {_e(title)}: {_e(labels['quiet'])}", *blind])]
    lines, named = _digest_lines(entries, language)
    header = f"📋 <b>{_e(title)}</b>\n" + _e(labels["people"].format(n=named, r=len(entries)))
    if blind:
        header += "\n" + "\n".join(blind)
    places = _counts_by_place(entries, language)
    if places:
        header += "\n" + _e(_shorten(" · ".join(f"{place}: {count}" for place, count in places), 600))
    return _digest_posts(header, lines, language)
