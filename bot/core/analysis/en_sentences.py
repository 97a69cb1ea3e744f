"""English sentence splitting: a report's title and text as a list of sentences.

The English rules read a report clause by clause; this finds the sentence ends (not after
"Mr." or an initial) and joins lines that a hard line break cut inside a sentence.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]?\s+(?=[\"“«(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bNo|\bJan|\bFeb|\bAug|\bSept?|\bOct|\bNov|\bDec|\bU\.S|\bvs|\be\.g|\bi\.e|\bGen|\bCol|\bLt|\bSen|\bRep|\bGov|\bProf|\bJr|\bSr|\bInc|\bCo)\.$"
)
_ABBREVIATION_REACH = 8  # characters: "Sept." and "Prof." are five, and one before for the \b
_LINE_ENDS = (".", "!", "?", ":", '"', "”", "»", ")", "’")


def split_sentences(title: str, text: str) -> list[str]:
    """The title (if any) and the text's sentences, in order, whitespace-normalised."""
    out = [title.strip()] if title.strip() else []
    for paragraph in _paragraphs(text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            # The abbreviation ends right at the full stop: the last few characters are enough
            # (one more than its longest form, so that its word start reads as in the whole).
            if _ABBREVIATION.search(paragraph[max(0, match.start() - _ABBREVIATION_REACH) : match.start()]):
                continue
            out.append(paragraph[start : match.start()].strip())
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            out.append(tail)
    return [s for s in out if s]


def _paragraphs(text: str) -> list[str]:
    """Lines joined back where a hard line break falls inside a sentence."""
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            if paragraphs and paragraphs[-1]:
                paragraphs.append("")
            continue
        if paragraphs and paragraphs[-1] and not paragraphs[-1].endswith(_LINE_ENDS) and line[:1].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return [p for p in paragraphs if p]
