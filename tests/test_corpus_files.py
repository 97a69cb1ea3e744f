"""The labelled corpus stays sound: every line follows the guide's schema, and no report is in
it twice (the same URL, or the same text from a second address), above all not once in train
and once in validation, which would score a report the rules were tuned on as unseen."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SPLITS = ("train", "validation")
TERM = re.compile(r"^\d+ (?:days?|months?|years?)$")


def _lines() -> list[tuple[str, int, dict]]:
    found = []
    for split in SPLITS:
        with (CORPUS / f"{split}.jsonl").open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                found.append((split, number, json.loads(line)))
    return found


def _address(url: str) -> str:
    """The page a URL names: no scheme, "www." or "m.", trailing slash, "/amp" or tracking
    parameters ("utm_…"); other query parameters are kept ("?p=24228" is the article)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.rstrip("/").removesuffix("/amp")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    return host + path + ("?" + urlencode(query) if query else "")


def _opening(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())[:150]


@pytest.fixture(scope="module")
def lines() -> list[tuple[str, int, dict]]:
    return _lines()


def test_every_line_follows_the_guide(lines: list[tuple[str, int, dict]]) -> None:
    problems = []
    for split, number, report in lines:
        where = f"corpus/{split}.jsonl:{number} ({report.get('id')})"
        if report.get("lang") not in ("en", "ru", "kk"):
            problems.append(f"{where}: lang {report.get('lang')!r}")
        if not isinstance(report.get("arrest"), bool) or not isinstance(report.get("protest"), bool):
            problems.append(f"{where}: arrest and protest must be true or false")
        if not report.get("url", "").startswith(("http://", "https://")):
            problems.append(f"{where}: no URL")
        detainees = report.get("detainees")
        if not isinstance(detainees, list) or (detainees and not report.get("arrest")):
            problems.append(f"{where}: detainees must be a list, empty when arrest is false")
            continue
        for person in detainees:
            if not person.get("name") or not (person.get("term") is None or TERM.match(person["term"])):
                problems.append(f"{where}: detainee {person!r} (a name, and a term 'N days|months|years' or null)")
    assert not problems, "\n".join(problems)


def test_no_report_is_in_the_corpus_twice(lines: list[tuple[str, int, dict]]) -> None:
    ids: dict[str, list[str]] = defaultdict(list)
    addresses: dict[str, list[str]] = defaultdict(list)
    openings: dict[str, list[str]] = defaultdict(list)
    for split, number, report in lines:
        where = f"{split}:{number} {report['id']}"
        ids[report["id"]].append(where)
        addresses[_address(report["url"])].append(where)
        openings[_opening(report["text"])].append(where)
    twice = [
        f"{kind} {places}"
        for kind, table in (("id", ids), ("url", addresses), ("text", openings))
        for places in table.values()
        if len(places) > 1
    ]
    assert not twice, "the same report more than once (keep the first, drop the others):\n" + "\n".join(twice)


def test_the_address_of_a_page_ignores_only_what_does_not_name_it() -> None:
    assert _address("https://www.example.kz/news/1/?utm_source=rss") == _address("http://example.kz/news/1")
    assert _address("https://example.kz/?p=24228") != _address("https://example.kz/?p=24229")
