"""Records for monitors: one row per detained person per event, and the event listing.

Pure: stored events in, rows and lines out. The CLI (``arrestwatch export``, ``arrestwatch
events``) only writes them. The reports' texts stay in the database (items.text), so a
record keeps its evidence when the source takes the article down.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TextIO

from bot.core.events import Event, Person, Report, same_person, term_parts
from bot.core.translit import latin

SANCTIONS = ("detention", "administrative arrest", "pre-trial detention", "prison", "house arrest")

# Checked in this order on the reports' key sentences (then their whole text): the
# first rule that fires names the sanction. Simple keyword rules per language.
_SANCTION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("house arrest", re.compile(r"house arrest|домашн\w* арест|үй қамағ", re.I)),
    (
        "pre-trial detention",
        re.compile(
            r"pre-?trial detention|remanded in custody|custody pending (?:trial|investigation)|"
            r"(?:заключени|содержани)\w* под страж|взят\w* под страж|мер\w* пресечения в виде арест|"
            r"тергеу изолятор|күзетпен ұстау|қамауға алын",
            re.I,
        ),
    ),
    (
        "prison",
        re.compile(
            r"\byears? (?:in|of) (?:prison|jail)|\bprison sentence|penal colony|\bimprisonment|"
            r"лишени\w* свободы|колони[ия]\w*|\bлет заключения|бас бостандығынан айыр|түрмеге|колонияға",
            re.I,
        ),
    ),
    (
        "administrative arrest",
        re.compile(
            r"administrative (?:arrest|detention)|days? (?:of|in) (?:arrest|jail|detention)|"
            r"административн\w* арест|\bсуток\b|\bсутки\b|әкімшілік қамақ|тәулік",
            re.I,
        ),
    ),
)
_UNIT_SANCTION = {"day": "administrative arrest", "month": "pre-trial detention", "year": "prison"}
_ARTICLE_EN = re.compile(r"^Article (?P<article>[\d.-]+) of the (?P<code>Administrative|Criminal) Code$")
_ARTICLE_RU = re.compile(r"^статья (?P<article>[\d.-]+)(?: (?P<code>КоАП|УК))?$")
_CODES = {
    "Administrative": "Administrative Code",
    "Criminal": "Criminal Code",
    "КоАП": "Administrative Code",
    "УК": "Criminal Code",
}
CSV_FIELDS = (
    "event_id",
    "name",
    "name_latin",
    "detained_on",
    "place",
    "code",
    "article",
    "charge",
    "sanction",
    "term_value",
    "term_unit",
    "term_days",
    "terms",
    "status",
    "source_names",
    "source_urls",
    "published",
)


@dataclass(frozen=True)
class PersonRecord:
    """One detained person in one event, the way monitors keep them."""

    event_id: int
    name: str  # as first written
    name_latin: str
    detained_on: str | None  # stated in a report, else the day of the first report
    place: str | None
    code: str | None  # "Administrative Code" / "Criminal Code" when stated
    article: str | None
    charge: str | None  # the charge as the analysis found it
    sanction: str  # one of SANCTIONS
    term_value: int | None
    term_unit: str | None  # day / month / year
    term_days: int | None
    status: str  # detained / sentenced / released
    # Every term the outlets gave for this person in this episode, "15 days (Outlet)",
    # so a disagreement between outlets is visible, not settled silently.
    terms: list[str] = field(default_factory=list)
    source_names: list[str] = field(default_factory=list)
    source_urls: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # ISO 8601, one per report


def sanction(term: str | None, reports: Sequence[Report]) -> str:
    """The kind of custody: keywords in the reports' key sentences, then their texts,
    then the term's unit (days: administrative arrest, months: pre-trial detention,
    years: prison); plain "detention" when nothing says more."""
    key_sentences = [" ".join((r.title, *r.analysis.evidence)) for r in reports]
    for texts in (key_sentences, [r.text for r in reports]):
        for name, rule in _SANCTION_RULES:
            if any(rule.search(text) for text in texts):
                return name
    parts = term_parts(term)
    return _UNIT_SANCTION[parts[1]] if parts else "detention"


def split_charge(charge: str | None) -> tuple[str | None, str | None]:
    """(code, article) of a charge the analysis normalised ("Article 488 of the
    Administrative Code", "статья 174 УК"); (None, None) for an offence in words."""
    if not charge:
        return None, None
    match = _ARTICLE_EN.match(charge) or _ARTICLE_RU.match(charge)
    if not match:
        return None, None
    code = match.group("code")
    return (_CODES.get(code) if code else None), match.group("article")


def _person_reports(person: Person, event: Event) -> list[Report]:
    mine = [r for r in event.reports if any(same_person(d.name, person.name) for d in r.analysis.detainees)]
    return mine or list(event.reports)


def person_records(events: Sequence[Event]) -> list[PersonRecord]:
    """One record per person per event (an event naming nobody gives one unnamed record)."""
    records = []
    for event in events:
        if not event.reports:
            continue
        people = list(event.people) or [Person(key="", name="", term=None, status="detained")]
        for person in people:
            reports = _person_reports(person, event) if person.name else list(event.reports)
            charge = next((r.analysis.charge for r in reports if r.analysis.charge), None)
            code, article = split_charge(charge)
            parts = term_parts(person.term)
            records.append(
                PersonRecord(
                    event_id=event.id,
                    name=person.name,
                    name_latin=latin(person.name),
                    detained_on=event.day.isoformat(),
                    place=next((r.analysis.place for r in event.reports if r.analysis.place), None),
                    code=code,
                    article=article,
                    charge=charge,
                    sanction=sanction(person.term, reports),
                    term_value=parts[0] if parts else None,
                    term_unit=parts[1] if parts else None,
                    term_days=parts[2] if parts else None,
                    status=person.status,
                    terms=_terms_told(person, reports) if person.name else [],
                    source_names=[r.source_name for r in event.reports],
                    source_urls=[r.url or "" for r in event.reports],
                    published=[r.at.isoformat(timespec="seconds") for r in event.reports],
                )
            )
    return records


def _terms_told(person: Person, reports: Sequence[Report]) -> list[str]:
    """Each distinct term the reports gave this person, with the outlets that gave it."""
    told: dict[str, list[str]] = {}
    for report in reports:
        for detainee in report.analysis.detainees:
            if detainee.term and same_person(detainee.name, person.name):
                outlets = told.setdefault(detainee.term, [])
                if report.source_name not in outlets:
                    outlets.append(report.source_name)
    return [f"{term} ({', '.join(outlets)})" for term, outlets in told.items()]


def write_csv(records: Sequence[PersonRecord], stream: TextIO) -> None:
    """CSV with a header; a cell holding several values (sources) separates them with " | "."""
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = asdict(record)
        for name in ("terms", "source_names", "source_urls", "published"):
            row[name] = " | ".join(row[name])
        writer.writerow({key: "" if value is None else value for key, value in row.items()})


def write_json(records: Sequence[PersonRecord], stream: TextIO) -> None:
    json.dump([asdict(record) for record in records], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def event_lines(events: Sequence[Event], language: str = "en") -> list[str]:
    """The ``arrestwatch events`` listing: one line per person per episode (its day,
    place in ``language`` (the channel's, one spelling per place), term(s) with their
    outlets, status), then that episode's sources with links."""
    from bot.core.places import place_name

    lines = []
    for event, group in itertools.groupby(person_records(events), key=lambda record: record.event_id):
        records = list(group)
        for record in records:
            who = f"{record.name} ({record.name_latin})" if record.name else "(names not given)"
            terms = "; ".join(record.terms) or "term not stated"
            lines.append(
                f"episode {event}  {record.detained_on}  {who}  {terms}  {record.status}"
                f"{'  · ' + (place_name(record.place, language) or '') if record.place else ''}"
            )
        first = records[0]
        for name, url, published in zip(first.source_names, first.source_urls, first.published):
            lines.append(f"    {published[:16].replace('T', ' ')}  {name}  {url}".rstrip())
    return lines
