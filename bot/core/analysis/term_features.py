"""What the learned term chooser reads: where each stated term stands against each detainee.

Why: the rules give a person a term by hand-written reach ("the term after the name in the
same clause"), grown one report at a time; on reports nobody had read they missed a group's
term stated once for all, copied one person's term to another and missed terms phrased in a
way no report before had shown. The chooser (:mod:`bot.core.analysis.term_chooser`) scores,
for each detainee, every custodial term the text states and "no term", from the features
built here; training (``bench/train_terms.py``) and runtime build them with the same code, so
the model is applied to exactly what it was trained on.

A report is read once (:func:`read_document`): words with their sentence, the custodial terms
the language's own term parser finds (:mod:`bot.core.analysis.en_terms`,
:mod:`bot.core.analysis.ru_terms`: canonical text, the one term model), and where each person
is mentioned (:func:`person_words`: the words of the name, inflected endings allowed).

Pure functions, no IO.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

# Words are cut to this many characters for the stem features (as the decision stage does):
# "sentenced"/"sentence", "задержан"/"задержали" meet.
STEM_LENGTH = 5
# How many words before and after a term are read as its phrase ("sentenced him to", "of
# pre-trial detention").
BEFORE_WORDS = 4
AFTER_WORDS = 3
# Words between a person and a term are read only this close (farther, they are a story).
BETWEEN_WORDS = 15

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|\w+|[^\w\s]")
# A line break, or an end mark with the character that follows it (after any spaces) when that
# is a letter, a digit or an opening quote.
_BREAK = re.compile(r"\n|[.!?…](?=\s*([«\"“„('\d]|[^\W\d_]))")
# Every English term holds one of these as a word of its own (the parser's units: "15-day",
# "two years"); "Monday" and "yesterday" do not: a cheap test before the term parser.
_EN_UNIT = re.compile(r"\b(?:day|week|month|year|yr)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class TermMention:
    """One custodial term stated in the report: its canonical text and word range."""

    term: str
    start: int  # index of its first word in the document
    stop: int  # index after its last word
    sentence: int


@dataclass(frozen=True)
class Document:
    """A report read for the chooser: lower-cased words, their sentences and the terms stated."""

    words: tuple[str, ...]
    sentence_of: tuple[int, ...]  # the sentence of each word
    mentions: tuple[TermMention, ...]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each distinct word stands: a name is looked up among the distinct words."""
        where: dict[str, list[int]] = {}
        for k, word in enumerate(self.words):
            where.setdefault(word, []).append(k)
        return where


def _sentence_spans(doc: str) -> list[tuple[int, int]]:
    """The character spans of the sentences: a sentence ends at an end mark followed by a
    capital, a digit or an opening quote (not inside a number, "3.5"), and at every line break."""
    spans = []
    start = 0
    for match in _BREAK.finditer(doc):
        if match.group(0) == "\n":
            spans.append((start, match.start()))
            start = match.end()
            continue
        following = match.group(1)
        if following.isalpha() and not following.isupper():
            continue
        if doc[match.start() - 1 : match.start()].isdigit() and doc[match.end() : match.end() + 1].isdigit():
            continue  # a decimal point
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(doc)))
    return spans


def read_document(title: str, text: str, lang: str) -> Document:
    """The report's words, sentences and custodial terms (``lang``: "en", "ru" or "kk")."""
    doc = f"{title}\n{text}"
    words: list[str] = []
    ids: list[int] = []
    found: list[TermMention] = []
    for low, high in _sentence_spans(doc):
        sentence = doc[low:high].strip()
        part = _TOKEN.findall(sentence)
        if not part:
            continue
        number, first = (ids[-1] + 1 if ids else 0), len(words)
        words.extend(part)
        ids.extend([number] * len(part))
        if lang != "en":
            found.extend(_cyrillic_terms(part, first, number, lang))
        elif _EN_UNIT.search(sentence):  # no unit word, no term (most sentences)
            found.extend(_english_terms(sentence, first, number))
    return Document(words=tuple(map(str.lower, words)), sentence_of=tuple(ids), mentions=tuple(found))


def _english_terms(sentence: str, first: int, number: int) -> list[TermMention]:
    """The terms of one sentence, its first word the document's word ``first``."""
    from bot.core.analysis.en_terms import find_terms

    starts = [token.start() for token in _TOKEN.finditer(sentence)]
    out = []
    for span in find_terms(sentence):
        if span.term is None:
            continue
        start = bisect_right(starts, span.start) - 1
        end = max(start + 1, bisect_right(starts, span.end - 1))
        out.append(TermMention(span.term, first + start, first + end, number))
    return out


def _cyrillic_terms(words: list[str], first: int, number: int, lang: str) -> list[TermMention]:
    """The terms of one sentence given as its words, the first the document's word ``first``."""
    from bot.core.analysis.ru_terms import find_terms

    return [TermMention(t.value, first + t.start, first + t.end, number) for t in find_terms(words, lang)]


def _name_keys(name: str) -> list[tuple[str, bool]]:
    """The words of a name to look for, each with whether it is a prefix: a long word is cut
    so an inflected ending ("Негметову", "Мамайды", "Ивана") still meets its nominative
    ("Негметов", "Мамай", "Иван"); a word of two letters ("Mu") must be the whole word."""
    keys = []
    for word in re.findall(r"\w+", name.lower()):
        if len(word) < 2 or word.isdigit():
            continue
        keys.append((word[: max(4, len(word) - 2)], True) if len(word) > 2 else (word, False))
    return keys


def person_words(document: Document, name: str) -> list[int]:
    """The indices of the words where ``name`` is mentioned (any word of it)."""
    keys = _name_keys(name)
    prefixes = tuple(key for key, prefix in keys if prefix) or ("\0",)
    whole = {key for key, prefix in keys if not prefix}
    found = [where for word, where in document.positions.items() if word in whole or word.startswith(prefixes)]
    return sorted(k for where in found for k in where)


def _stem(word: str) -> str:
    return word[:STEM_LENGTH]


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first edge ``value`` does not exceed, or the last edge with a "+"."""
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f"{edges[-1]}+"


@dataclass(frozen=True)
class _Pair:
    """The closest meeting of a person mention and a term mention."""

    person: int  # word index
    mention: TermMention
    sentences: int  # sentence distance
    gap: int  # words between


def _gap(word: int, mention: TermMention) -> int:
    """How many words lie between the word at ``word`` and the term."""
    return max(0, mention.start - word - 1 if word < mention.start else word - mention.stop)


def _closest(document: Document, people: list[int], mentions: list[TermMention]) -> _Pair | None:
    best: _Pair | None = None
    for mention in mentions:
        for person in people:
            sentences = abs(document.sentence_of[person] - mention.sentence)
            gap = _gap(person, mention)
            if best is None or (sentences, gap) < (best.sentences, best.gap):
                best = _Pair(person, mention, sentences, gap)
    return best


def _phrase_features(document: Document, pair: _Pair, roles: dict[int, str], features: dict[str, float]) -> None:
    """Stems of the words before and after the term, of those between it and the person, and
    of those right after the person ("was fined", "was released"). A word of a detainee's name
    reads as who it is (``roles``: "<self>" or "<other>"), not as a name the model could only
    memorise."""
    words, sentence_of = document.words, document.sentence_of
    mention = pair.mention

    def put(prefix: str, k: int) -> None:
        features[f"{prefix}:{roles.get(k) or _stem(words[k])}"] = 1.0

    for k in range(max(0, mention.start - BEFORE_WORDS), mention.start):
        if sentence_of[k] == mention.sentence:
            put("pre", k)
    for k in range(mention.stop, min(len(words), mention.stop + AFTER_WORDS)):
        if sentence_of[k] == mention.sentence:
            put("post", k)
    person = pair.person
    if pair.sentences == 0 and pair.gap <= BETWEEN_WORDS:
        low, high = (person + 1, mention.start) if person < mention.start else (mention.stop, person)
        for k in range(low, high):
            put("btw", k)


def _crowd_features(document: Document, pair: _Pair, others: list[list[int]], features: dict[str, float]) -> None:
    """Other detainees around the term: between it and the person, nearer to it, in its sentence."""
    mention = pair.mention
    low, high = sorted((pair.person, mention.start))
    between = sum(any(low < k < high for k in words) for words in others)
    features[f"others_between={_bucket(between, (0, 1))}"] = 1.0
    in_sentence = [
        min(_gap(k, mention) for k in words if document.sentence_of[k] == mention.sentence)
        for words in others
        if any(document.sentence_of[k] == mention.sentence for k in words)
    ]
    features[f"people_in_sentence={_bucket(len(in_sentence) + (pair.sentences == 0), (0, 1, 2, 3))}"] = 1.0
    # Out of the term's sentence, anyone in it is nearer; in it, someone closer to the term.
    own = pair.gap if pair.sentences == 0 else len(document.words)
    if any(d < own for d in in_sentence):
        features["other_nearer"] = 1.0


def _order_features(document: Document, pair: _Pair, people: list[list[int]], features: dict[str, float]) -> None:
    """Whether the person's place among the people of the term's sentence is the term's place
    among its terms ("X, Y and Z were jailed for 7, 9 and 10 years respectively", "X got
    seven years, Y nine"): a list of people and a list of terms read in step. ``people``: the
    person's words first, then each other detainee's."""
    sentence = pair.mention.sentence
    if pair.sentences:
        return
    terms = [m.start for m in document.mentions if m.sentence == sentence]
    firsts = [min((k for k in words if document.sentence_of[k] == sentence), default=-1) for words in people]
    present = sorted(k for k in firsts if k >= 0)
    if len(terms) < 2 or len(present) != len(terms):
        return
    aligned = present.index(firsts[0]) == terms.index(pair.mention.start)
    features["aligned" if aligned else "misaligned"] = 1.0


def _neighbour_features(mention: TermMention, people: list[list[int]], features: dict[str, float]) -> None:
    """Whether the person is the detainee named last before the term (whom "sentenced him to"
    is about) or first after it ("15 days for X"). ``people``: the person's words first."""
    before = [max((k for k in words if k < mention.start), default=-1) for words in people]
    after = [min((k for k in words if k >= mention.stop), default=1 << 30) for words in people]
    if before[0] >= 0 and before[0] == max(before):
        features["last_named_before"] = 1.0
    if after[0] < 1 << 30 and after[0] == min(after):
        features["first_named_after"] = 1.0


def term_candidate_features(
    document: Document, person: list[int], others: list[list[int]], term: str
) -> dict[str, float]:
    """The features of giving ``term`` (one stated in the report) to the person mentioned at ``person``."""
    mentions = [m for m in document.mentions if m.term == term]
    distinct = len({m.term for m in document.mentions})
    features: dict[str, float] = {
        "term": 1.0,
        f"distinct_terms={_bucket(distinct, (1, 2, 3))}": 1.0,
        f"times_stated={_bucket(len(mentions), (1, 2))}": 1.0,
        f"unit={term.split()[-1].rstrip('s')}": 1.0,
    }
    pair = _closest(document, person, mentions)
    if pair is None:
        features["person_not_found" if mentions else "term_not_stated"] = 1.0
        return features
    features[f"sentences={_bucket(pair.sentences, (0, 1, 2))}"] = 1.0
    features[f"gap={_bucket(pair.gap, (2, 5, 10, 20, 40)) if pair.sentences == 0 else 'far'}"] = 1.0
    features["term_after" if pair.person < pair.mention.start else "term_before"] = 1.0
    if pair.mention.sentence == 0:  # the title, or the lead of a report without one
        features["in_first_sentence"] = 1.0
    in_sentence = sum(m.sentence == pair.mention.sentence for m in document.mentions)
    features[f"terms_in_sentence={_bucket(in_sentence, (1, 2))}"] = 1.0
    rank = sum(
        1
        for other in {m.term for m in document.mentions} - {term}
        if (found := _closest(document, person, [m for m in document.mentions if m.term == other])) is not None
        and (found.sentences, found.gap) < (pair.sentences, pair.gap)
    )
    features[f"rank={_bucket(rank, (0, 1))}"] = 1.0
    _crowd_features(document, pair, others, features)
    _order_features(document, pair, [person, *others], features)
    _neighbour_features(pair.mention, [person, *others], features)
    roles = {k: "<other>" for words in others for k in words} | {k: "<self>" for k in person}
    _phrase_features(document, pair, roles, features)
    return features


def no_term_features(document: Document, person: list[int]) -> dict[str, float]:
    """The features of giving the person mentioned at ``person`` no term."""
    distinct = len({m.term for m in document.mentions})
    features = {"none": 1.0, f"none:distinct_terms={_bucket(distinct, (0, 1, 2, 3))}": 1.0}
    if not person:
        features["none:person_not_found"] = 1.0
        return features
    pair = _closest(document, person, list(document.mentions))
    nearest = _bucket(pair.sentences, (0, 1, 2)) if pair else "none"
    features[f"none:nearest_sentences={nearest}"] = 1.0
    return features


def candidates(
    document: Document, name: str, other_names: list[str], extra: str | None = None
) -> list[tuple[str | None, dict[str, float]]]:
    """Every term the person ``name`` could be given, with its features: each term the report
    states, ``extra`` (the rules' choice, if the parser here did not find it) and no term (None)."""
    return candidates_at(
        document, person_words(document, name), [person_words(document, o) for o in other_names], extra
    )


def candidates_at(
    document: Document, person: list[int], other_words: list[list[int]], extra: str | None = None
) -> list[tuple[str | None, dict[str, float]]]:
    """:func:`candidates` for a person and others given by the words they are mentioned at."""
    own = set(person)
    # A word two names share (a family name) marks neither apart from the other.
    others = [[k for k in found if k not in own] for found in other_words]
    others = [words for words in others if words]
    terms = sorted({m.term for m in document.mentions} | ({extra} if extra else set()))
    out: list[tuple[str | None, dict[str, float]]] = [
        (term, term_candidate_features(document, person, others, term)) for term in terms
    ]
    out.append((None, no_term_features(document, person)))
    return out
