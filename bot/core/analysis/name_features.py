"""What the learned names adder reads about a person the rules did not list: the context only.

Why: rules written one report at a time link a detainee to the custody in the shapes their
reports showed, and on new text they miss most members of lists ("the arrestees include A,
B and C", "the homes of A, B and C were searched. All of them were detained"). The adder
(:mod:`bot.core.analysis.name_adder`) weighs each unlisted person of an arrest report by the
words around their mentions, with weights learnt from the labelled corpus
(``bench/train_names.py``). Training and runtime both build the features here, so the model
is applied to exactly what it was trained on.

Never the person's own words: a weight on a name would memorise the people of the corpus.
Every person mention is masked (``<p>``) in every context, the candidate's own included.

Pure functions, no IO; language-neutral: a language adapter finds the sentences, the people
and the rules' detainees, and says which sentences hold a custody word of its pack.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

# Words cut to this many characters: a crude stem that folds inflection ("detained",
# "detention"; "задержан", "задержали").
STEM_LENGTH = 5
_TOKEN = re.compile(r"\w+|[^\w\s]")
PERSON = "<p>"
NUMBER = "<n>"
WINDOW = 3  # words before and after a mention, each with its position
NEXT_WORDS = 6  # the first words of the next sentence ("All of them were detained")
# Between two people of one list: a comma, "and", a semicolon, then at most two lower-case
# words (a role: "reporters A, B and coordinator C"); Kazakh "және", "мен/бен/пен" written apart.
_LIST_GAP = re.compile(
    r"^\s*(?:,|;|and|&|и|а также|as well as|,\s*and|,\s*и|және|жане|мен|бен|пен)\s*(?:[^\W\d_A-ZА-ЯЁ][\w-]*\s+){0,2}$"
)


@dataclass(frozen=True)
class Span:
    """A mention at [start, end) of sentence ``sentence``."""

    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """One person: the name the adder would output, and where the text mentions them."""

    name: str
    spans: tuple[Span, ...]
    titled: bool = False


@dataclass(frozen=True)
class Report:
    """One report as the adder sees it.

    ``people``: every person mention (candidates, the rules' detainees, anybody else);
    ``listed``: the mentions of the rules' detainees, with the name each one lists; ``custody``: per sentence, whether it
    holds a custody word or a custodial term of the language's pack; ``roles``: the stems of
    the words that describe a person ("activ", "журна").
    """

    sentences: tuple[str, ...]
    people: tuple[Span, ...]
    listed: dict[Span, str]
    custody: tuple[bool, ...]
    roles: frozenset[str]
    # Each sentence's masked and stemmed tokens, built once per report (the adder and the remover read
    # the same sentences for every person of the report).
    masks: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict, compare=False, repr=False)


def stem(token: str) -> str:
    """The feature form of one context word."""
    if token.isalpha():  # most words: no digit, not the person mark
        return token.lower()[:STEM_LENGTH]
    if token == PERSON:
        return token
    if any(c.isdigit() for c in token):
        return NUMBER
    return token.lower()[:STEM_LENGTH]


def _masked(report: Report, index: int) -> list[tuple[str, int, int]]:
    """The stems of sentence ``index``'s tokens (with where each is), every person mention one
    ``<p>`` token."""
    if index not in report.masks:
        report.masks[index] = _mask(report, index)
    return report.masks[index]


def _mask(report: Report, index: int) -> list[tuple[str, int, int]]:
    spans = sorted((s.start, s.end) for s in report.people if s.sentence == index)
    tokens: list[tuple[str, int, int]] = []
    at = 0  # spans before it end before the current token: it is the first that may hold it
    for match in _TOKEN.finditer(report.sentences[index]):
        start = match.start()
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        if at == len(spans) or spans[at][0] > start:
            tokens.append((stem(match.group(0)), start, match.end()))
        elif not tokens or tokens[-1][1:] != spans[at]:
            tokens.append((PERSON, *spans[at]))
    return tokens


def list_of(report: Report, span: Span) -> list[Span]:
    """The people listed together with ``span`` in its sentence (``span`` included)."""
    sentence = report.sentences[span.sentence]
    spans = sorted((s for s in report.people if s.sentence == span.sentence), key=lambda s: s.start)
    position = spans.index(span) if span in spans else -1
    if position < 0:
        return [span]
    first = last = position
    while first > 0 and _LIST_GAP.match(sentence[spans[first - 1].end : spans[first].start]):
        first -= 1
    while last + 1 < len(spans) and _LIST_GAP.match(sentence[spans[last].end : spans[last + 1].start]):
        last += 1
    return spans[first : last + 1]


def _mention_features(report: Report, span: Span, features: dict[str, float]) -> None:
    tokens = _masked(report, span.sentence)
    before = [t for t, _, end in tokens if end <= span.start]
    after = [t for t, start, _ in tokens if start >= span.end]
    for k in range(WINDOW):
        features[f"b{k + 1}={before[-k - 1] if k < len(before) else '^'}"] = 1.0
        features[f"a{k + 1}={after[k] if k < len(after) else '$'}"] = 1.0
    for token in before + after:
        features[f"s={token}"] = 1.0
    if span.sentence + 1 < len(report.sentences):
        for token, _, _ in _masked(report, span.sentence + 1)[:NEXT_WORDS]:
            features[f"n={token}"] = 1.0
    chain = list_of(report, span)
    others = [s for s in chain if s != span]
    if others:
        features["list"] = 1.0
    if len(chain) >= 3:
        features["list3"] = 1.0
    if any(s in report.listed for s in others):
        features["list_listed"] = 1.0
    if any(s.sentence == span.sentence and s not in chain for s in report.listed):
        features["sentence_listed"] = 1.0
    if any(t in report.roles for t, _, end in tokens if end <= span.start and span.start - end < 30):
        features["role_before"] = 1.0
    for shift, name in ((0, "custody"), (1, "next_custody"), (-1, "prev_custody")):
        at = span.sentence + shift
        if 0 <= at < len(report.custody) and report.custody[at]:
            features[name] = 1.0
    if span.sentence == 0:
        features["title"] = 1.0


def person_features(report: Report, candidate: Candidate) -> dict[str, float]:
    """The features of one candidate: the union over its mentions, and its place in the text."""
    features: dict[str, float] = {}
    for span in candidate.spans:
        _mention_features(report, span, features)
    count = len(report.sentences) or 1
    features["early"] = 1.0 - min(s.sentence for s in candidate.spans) / count
    features["mentions"] = math.log1p(len(candidate.spans))
    if candidate.titled:
        features["titled"] = 1.0
    return features


def probability(weights: dict[str, float], intercept: float, features: dict[str, float]) -> float:
    """The logistic model's probability for one candidate (unknown features weigh nothing)."""
    z = intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
