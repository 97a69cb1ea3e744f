"""Flag candidate label inconsistencies in a corpus file, for a human to read.

Why: the rules are written from train labels; where train breaks a convention of
/work/shared/corpus/GUIDE.md in some reports and follows it in others, the rules learn the
wrong convention and lose on held-out data labelled by the GUIDE. This lists the reports
worth reading, grouped by the convention they may break; it changes nothing. Run it on
TRAIN only (validation is never read item by item):

    python3 bench/label_audit.py corpus/train.jsonl [--only term_null,release]

Checks (each a pattern, so expect false alarms; read the flagged lines):
  schema       a term that is not "N days|months|years", or detainees when arrest is false
  term_null    a term phrase in a sentence naming a detainee whose term is null
  convert      weeks, hours, halves or "N years M months" near a detainee (show the gold term)
  extension    extension wording near a detainee (convention: "by N" gives N, a date gives null)
  name_form    a gold name token that is not in the text as written (case form or spelling)
  release      arrest true while the title or lead reports a release or a non-custodial outcome
  fine_only    a detainee whose sentences tell of a fine, warning or summons but no custody
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

Report = dict[str, object]

TERM = re.compile(r"^\d+ (?:days?|months?|years?)$")
_NUM = (
    r"(?:\d+(?:[.,]\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|a"
    r"|од\w+|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восем\w+|девят\w+|десят\w+"
    r"|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он)"
)
_UNIT = (
    r"(?:days?|weeks?|months?|years?|hours?|суток|сутк\w*|дн\w*|недел\w*|месяц\w*|лет|год\w*"
    r"|час\w*|тәулік\w*|апта\w*|ай\w*|жыл\w*|сағат\w*)"
)
TERM_PHRASE = re.compile(rf"(?<!\w){_NUM}[\s-]*{_UNIT}(?!\w)", re.I)
CALENDAR_YEAR = re.compile(r"(?:19|20)\d\d\s*(?:год|жыл|year)", re.I)
CONVERT = re.compile(
    rf"{_NUM}[\s-]*(?:weeks?|недел\w*|апта\w*|hours?|час\w*|сағат\w*)(?!\w)"
    r"|half|полтор\w+|с половиной|жарты"
    rf"|(?:years?|лет|год\w*|жыл\w*)\s*(?:and\s*|и\s*)?{_NUM}\s*(?:months?|месяц\w*|ай\w*)",
    re.I,
)


def _any_of(*words: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the given alternatives."""
    return re.compile("|".join(words), re.I)


EXTENSION = _any_of(r"extend\w*", r"prolong\w*", r"продл\w+", r"ұзарт\w*")
RELEASE = _any_of(
    *(r"released in (?:the )?court", r"freed in (?:the )?court", "в зале суда", "сот залынан"),
    *("suspended sentence", r"условн\w+ срок", r"пробац\w+", "probation"),
    *("restricted freedom", "freedom limitation", r"ограничени\w+ свобод\w*", "бас бостандығын шектеу"),
)
NON_CUSTODY = _any_of(
    *(r"\bfined?\b", r"\bfines\b", r"штраф\w*", r"айыппұл\w*", r"warn\w*", r"предупрежд\w*"),
    *(r"ескерт\w*", r"summon\w*", r"вызва\w*", r"шақыр\w*", "questioned", r"допрос\w*"),
)
CUSTODY = _any_of(
    *("detain", "detent", "arrest", "jail", "prison", "custody", "sentenc", "held", "behind bars"),
    *("задерж", "арест", "СИЗО", "лишени", "колони", "тюрьм", "заключ", "суток", "сутк"),
    *("ұста", "қама", "түрме", "тәулік", "абақты", "изолятор", "спецприемник"),
)
_SENTENCE = re.compile(r"(?<=[.!?»])\s+|\n")
_WORD = re.compile(r"\w+")


def _detainees(report: Report) -> list[dict[str, object]]:
    people = report.get("detainees")
    return [p for p in people if isinstance(p, dict)] if isinstance(people, list) else []


def _text(report: Report) -> str:
    return f"{report.get('title') or ''}\n{report.get('text') or ''}"


def name_sentences(text: str, name: str) -> list[str]:
    """The sentences that name the person: any inflected form of the longest name word."""
    words = [w for w in _WORD.findall(name) if len(w) > 2] or _WORD.findall(name)
    if not words:
        return []
    longest = max(words, key=len)
    stem = longest[: max(4, len(longest) - 2)].lower()
    return [s for s in _SENTENCE.split(text) if stem in s.lower()]


def check_schema(report: Report) -> Iterator[str]:
    people = _detainees(report)
    if people and report.get("arrest") is not True:
        yield "detainees listed while arrest is false"
    for person in people:
        term = person.get("term")
        if term is not None and not TERM.match(str(term)):
            yield f"{person.get('name')}: non-canonical term {term!r}"


def check_term_null(report: Report) -> Iterator[str]:
    text = _text(report)
    for person in _detainees(report):
        if person.get("term") is not None:
            continue
        for sentence in name_sentences(text, str(person.get("name"))):
            found = TERM_PHRASE.search(CALENDAR_YEAR.sub(" ", sentence))
            if found:
                yield f"{person.get('name')}: null, but {found.group(0)!r} in: {sentence[:160]}"
                break


def _near(pattern: re.Pattern[str], report: Report) -> Iterator[str]:
    text = _text(report)
    for person in _detainees(report):
        for sentence in name_sentences(text, str(person.get("name"))):
            found = pattern.search(sentence)
            if found:
                term = person.get("term")
                yield f"{person.get('name')} = {term!r}: {found.group(0)!r} in: {sentence[:160]}"
                break


def check_convert(report: Report) -> Iterator[str]:
    return _near(CONVERT, report)


def check_extension(report: Report) -> Iterator[str]:
    return _near(EXTENSION, report)


def check_name_form(report: Report) -> Iterator[str]:
    words = set(_WORD.findall(_text(report)))
    for person in _detainees(report):
        missing = [w for w in _WORD.findall(str(person.get("name"))) if w not in words]
        if missing:
            yield f"{person.get('name')}: not in the text as written: {', '.join(missing)}"


def check_release(report: Report) -> Iterator[str]:
    if report.get("arrest") is not True:
        return
    lead = _text(report)[:600]
    found = RELEASE.search(lead)
    if found:
        yield f"arrest true, lead says {found.group(0)!r}: {str(report.get('title'))[:100]}"


def check_fine_only(report: Report) -> Iterator[str]:
    text = _text(report)
    for person in _detainees(report):
        said = name_sentences(text, str(person.get("name")))
        if said and any(NON_CUSTODY.search(s) for s in said) and not any(CUSTODY.search(s) for s in said):
            yield f"{person.get('name')}: only a fine/warning/summons near the name: {said[0][:160]}"


CHECKS: dict[str, Callable[[Report], Iterator[str]]] = {
    "schema": check_schema,
    "term_null": check_term_null,
    "convert": check_convert,
    "extension": check_extension,
    "name_form": check_name_form,
    "release": check_release,
    "fine_only": check_fine_only,
}


def audit(reports: list[Report], only: set[str] | None = None) -> dict[str, list[str]]:
    """Flags by check, each "line:id[lang] message" (line = the report's line in the file)."""
    flags: dict[str, list[str]] = {name: [] for name in CHECKS if not only or name in only}
    for line, report in enumerate(reports, 1):
        where = f"{line}:{report.get('id')}[{report.get('lang')}]"
        for name in flags:
            flags[name].extend(f"{where} {message}" for message in CHECKS[name](report))
    return flags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="a corpus file (train only)")
    parser.add_argument("--only", help="comma-separated checks: " + ", ".join(CHECKS))
    args = parser.parse_args(argv)
    if "validation" in args.corpus.name:
        print("label_audit reads train only: validation is never read item by item", file=sys.stderr)
        return 2
    with args.corpus.open(encoding="utf-8") as handle:
        reports = [json.loads(line) for line in handle if line.strip()]
    only = set(args.only.split(",")) if args.only else None
    for name, found in audit(reports, only).items():
        print(f"== {name} ({len(found)})")
        for flag in found:
            print("  ", flag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
