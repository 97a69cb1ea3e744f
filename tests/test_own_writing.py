"""Test texts, code comments and bench samples are our own writing (issue #12): real reports stay
in corpus/ as labelled evaluation data. A sentence copied into a test with the names changed
still carries the report's wording, so the rules would be tested on the data they are scored
on; a run of ten words shared with a report is such a copy (common phrases are shorter)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILES = ("corpus/train.jsonl", "corpus/validation.jsonl")
CHECKED_DIRS = ("tests", "bot", "bench")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
RUN = 10
_WORD = re.compile(r"\w+")


def _runs(words: list[str]) -> Iterator[int]:
    """The hash of every run of RUN consecutive words, in order."""
    return map(hash, zip(*(words[i:] for i in range(RUN)), strict=False))


def _corpus_runs() -> dict[int, str]:
    """Each run of words in a report's title and text, with the id of a report it is in."""
    runs: dict[int, str] = {}
    for name in CORPUS_FILES:
        with (ROOT / name).open(encoding="utf-8") as handle:
            for line in handle:
                report = json.loads(line)
                words = _WORD.findall(f"{report['title']} {report['text']}".lower())
                runs.update(dict.fromkeys(_runs(words), report["id"]))
    return runs


def _checked_files() -> Iterator[Path]:
    for top in CHECKED_DIRS:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and not SKIPPED_DIRS.intersection(path.parts):
                yield path


def _shared(text: str, corpus: dict[int, str]) -> list[str]:
    """The passages of a file that a report also has: overlapping runs merged into one, each
    with its line and the report's id."""
    matches = list(_WORD.finditer(text))
    words = [m.group().lower() for m in matches]
    spans: list[list[int]] = []
    ids: list[str] = []
    for start, run in enumerate(_runs(words)):
        if run not in corpus:
            continue
        if spans and start <= spans[-1][1]:
            spans[-1][1] = start + RUN
        else:
            spans.append([start, start + RUN])
            ids.append(corpus[run])
    return [
        f"line {text.count(chr(10), 0, matches[a].start()) + 1} (report {rid}): {' '.join(words[a:b])}"
        for (a, b), rid in zip(spans, ids, strict=True)
    ]


def test_no_file_shares_a_run_of_ten_words_with_a_corpus_report():
    corpus = _corpus_runs()
    found = []
    for path in _checked_files():
        data = path.read_bytes()
        if b"\0" in data:
            continue
        for passage in _shared(data.decode("utf-8", errors="ignore"), corpus):
            found.append(f"{path.relative_to(ROOT)}, {passage}")
    assert not found, (
        f"These passages share {RUN} or more consecutive words with a corpus report. Rewrite each one in "
        "your own words (other names, places, dates, wording and sentence order), keeping the construction "
        "the test or comment is about; real reports belong only in corpus/:\n  " + "\n  ".join(found)
    )


def test_the_check_finds_a_copied_sentence_and_passes_over_a_common_phrase():
    corpus = {run: "r-1" for run in _runs(_WORD.findall("one two three four five six seven eight nine ten eleven"))}
    copied = 'text = (\n    "One, two three four five six seven eight nine ten"\n)'
    assert _shared(copied, corpus) == ["line 2 (report r-1): one two three four five six seven eight nine ten"]
    assert _shared("two three four five six seven eight nine ten twelve", corpus) == []
