"""Evidence ablation: does the analyser still see an arrest when part of the evidence is gone?

    PYTHONPATH=$PWD .venv/bin/python bench/ablate.py corpus/train.jsonl [--lang kk] [--negatives]

Train is near-perfect, yet validation misses a third of the Kazakh arrests: the rules catch
each train report by one phrase and miss the same fact said another way. Taking a report
apart shows which other ways the report itself uses. Each report (the arrest reports, or
with ``--negatives`` the others) is analysed whole and in three cuts:

* ``lead``: the title and the first paragraph, what an RSS item gives;
* ``body``: the text without its title and first paragraph (a headline line counts as the
  title), what a page read past its lead gives;
* ``loo``: the report with the one sentence that decided it removed, found by leaving out
  each sentence in turn and keeping the cut that lowers the score most.

Prints one row per report (``+`` arrest, ``-`` none, with the score) and the counts per
cut; for arrest reports each ``-`` is a way of telling custody the rules may not know, for
negatives each ``+`` is a false alert a cut would raise. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CUTS = ("whole", "lead", "body", "loo")

# Sentence ends, not after an initial ("Ж. Сапар"); lines are sentences too.
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?<![\s«\"(][^\W\d_]\.)[\"»”]?\s+|\n+")


@dataclass(frozen=True)
class Cut:
    """One version of a report: its title, text and what was taken out."""

    title: str
    text: str
    removed: str = ""


def paragraphs(text: str) -> list[str]:
    """The text's non-empty lines, stripped: news pages keep one paragraph a line."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _headline_line(line: str) -> bool:
    """A short first line with no full stop is a page's headline, not its first paragraph."""
    return 0 < len(line.split()) <= 14 and not line.endswith((".", "!", "?", "…", ":", ","))


def split_lead(title: str, text: str) -> tuple[str, str, str]:
    """(title, first paragraph, rest): a headline line opening an untitled text is its title."""
    paras = paragraphs(text)
    if not title.strip() and len(paras) > 1 and _headline_line(paras[0]):
        title, paras = paras[0], paras[1:]
    lead = paras[0] if paras else ""
    return title, lead, "\n".join(paras[1:])


def lead_cut(title: str, text: str) -> Cut:
    """The title and first paragraph only."""
    head, lead, rest = split_lead(title, text)
    return Cut(head, lead, removed=rest)


def body_cut(title: str, text: str) -> Cut:
    """The text without its title and first paragraph."""
    head, lead, rest = split_lead(title, text)
    return Cut("", rest, removed=f"{head}\n{lead}".strip())


def sentences(text: str) -> list[str]:
    """The text's sentences, in order."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def without_sentence(title: str, text: str, sentence: str) -> Cut:
    """The report with one sentence (of its title or text) removed."""
    if title.strip() == sentence:
        return Cut("", text, removed=sentence)
    return Cut(title, text.replace(sentence, "", 1), removed=sentence)


def deciding_cut(title: str, text: str, score: Callable[[Cut], float]) -> Cut:
    """Leave each sentence out in turn; the cut that lowers the score most (the first of equals)."""
    best: Cut | None = None
    best_score = 2.0
    for sentence in ([title.strip()] if title.strip() else []) + sentences(text):
        cut = without_sentence(title, text, sentence)
        value = score(cut)
        if value < best_score:
            best, best_score = cut, value
    return best or Cut(title, text)


def ablate(title: str, text: str, score: Callable[[Cut], float]) -> dict[str, tuple[float, Cut]]:
    """Each cut of a report with its score."""
    cuts = {
        "whole": Cut(title, text),
        "lead": lead_cut(title, text),
        "body": body_cut(title, text),
        "loo": deciding_cut(title, text, score),
    }
    return {name: (score(cut), cut) for name, cut in cuts.items()}


def table(rows: Iterable[tuple[str, dict[str, tuple[float, Cut]]]], threshold: float = 0.5) -> tuple[list[str], dict]:
    """The lines of the table and the count of arrests per cut."""
    lines = ["id".ljust(16) + "".join(name.ljust(10) for name in CUTS) + "removed by loo"]
    counts = dict.fromkeys(CUTS, 0)
    for report_id, cuts in rows:
        cells = []
        for name in CUTS:
            value = cuts[name][0]
            counts[name] += value >= threshold
            cells.append(f"{'+' if value >= threshold else '-'}{value:.2f}".ljust(10))
        removed = cuts["loo"][1].removed.replace("\n", " ")
        lines.append(report_id.ljust(16) + "".join(cells) + removed[:90])
    return lines, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--lang", default="kk")
    parser.add_argument("--negatives", action="store_true", help="ablate the reports labelled no arrest")
    args = parser.parse_args()
    from bot.core.analysis import analyze

    def score(cut: Cut) -> float:
        return analyze(cut.title, cut.text, args.lang).score

    reports = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in reports if r["lang"] == args.lang and bool(r["arrest"]) != args.negatives]
    lines, counts = table((r["id"], ablate(r["title"], r["text"], score)) for r in chosen)
    print("\n".join(lines))
    print(f"\n{len(chosen)} reports; analysed as arrests: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
