"""The people of a report as the learned names adder sees them, per language.

Each language adapter finds the report's sentences with its own splitter, every person
mention with its own finder (the forms its rules already output), groups the mentions of
one person (a full name, and the lone family name that refers back to it) and marks the
mentions of the rules' detainees. :mod:`bot.core.analysis.name_features` turns the result
into features, the same for training (``bench/train_names.py``) and at runtime.

Pure, no IO.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.core.analysis.name_features import Candidate, Report, Span, stem


@dataclass(frozen=True)
class Person:
    """A candidate and whether the rules already list it."""

    candidate: Candidate
    listed: bool


def english_people(title: str, text: str, detainees: Sequence[str]) -> tuple[Report, list[Person]]:
    """The people of an English report; ``detainees``: the names the rules listed."""
    detainees = [d for d in detainees if d.split()]
    from bot.core.analysis.en_names import find_mentions, same_person
    from bot.core.analysis.en_sentences import split_sentences
    from bot.core.analysis.text import normalise

    sentences = tuple(split_sentences(normalise(title), normalise(text)))
    custody = english_custody()
    full: list[tuple[str, Span, bool]] = []
    single: list[tuple[str, Span]] = []
    for index, sentence in enumerate(sentences):
        for mention in find_mentions(sentence):
            span = Span(index, mention.start, mention.end)
            if " " in mention.text:
                full.append((mention.text, span, mention.titled))
            else:
                single.append((mention.text, span))
    groups: list[tuple[str, list[Span], bool]] = []
    for name, span, titled in full:
        group = next((g for g in groups if g[0] == name or same_person(g[0], name)), None)
        if group is None:
            groups.append((name, [span], titled))
        else:
            group[1].append(span)
    for word, span in single:
        owners = [g for g in groups if g[0].split()[-1] == word]
        if len(owners) == 1:
            owners[0][1].append(span)
    people = []
    listed: dict[Span, str] = {}
    for name, spans, titled in groups:
        lists = next((d for d in detainees if d == name or same_person(name, d)), None)
        lists = lists or next((d for d in detainees if name.split()[-1] == d.split()[-1]), None)
        people.append(Person(Candidate(name, tuple(spans), titled), lists is not None))
        if lists is not None:
            listed.update(dict.fromkeys(spans, lists))
    by_family = {d.split()[-1]: d for d in detainees}
    listed.update({span: by_family[word] for word, span in single if word in by_family and span not in listed})
    report = Report(
        sentences=sentences,
        people=tuple(span for _, span, _ in full) + tuple(span for _, span in single),
        listed=listed,
        custody=tuple(english_custody_sentence(s, custody) for s in sentences),
        roles=role_stems("en"),
    )
    return report, people


def english_custody_sentence(sentence: str, custody: re.Pattern[str]) -> bool:
    """A custody word of the pack, or a custodial term (the parser only where a unit is)."""
    from bot.core.analysis.en_terms import find_terms

    low = sentence.lower()
    return bool(custody.search(low) or (_UNIT.search(low) and find_terms(sentence)))


_UNIT = re.compile(r"\b(?:day|week|month|year|yr)")


@lru_cache(maxsize=1)
def english_custody() -> re.Pattern[str]:
    from bot.core.analysis.packs import en as en_pack

    words = sorted(en_pack.CUSTODY_WORDS, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")")


def russian_people(title: str, text: str, detainees: Sequence[str]) -> tuple[Report, list[Person]]:
    """The people of a Russian report, named in the nominative as the rules name them."""
    from bot.core.analysis.packs import ru as vocab
    from bot.core.analysis.ru_names import parse, same_word
    from bot.core.analysis.text import normalise

    title, text = normalise(title).strip(), normalise(text)
    hits: dict[str, bool] = {}

    def custody(sentence: str) -> bool:
        if sentence not in hits:
            hits[sentence] = vocab.custody_hint(sentence.lower())
        return hits[sentence]

    # People are looked for where the rules look (a custody sentence, the one before, the two
    # after): the rest of a report costs the tagger and rarely names a detainee.
    parsed = (parse(title, 0, is_title=True) if title else []) + parse(text, wanted=custody)
    sentences = tuple(s.text for s in parsed)
    full: list[tuple[list[str], str, Span]] = []  # the words of a full mention, its name, where
    single: list[tuple[str, Span]] = []
    for index, sentence in enumerate(parsed):
        for mention in sentence.mentions:
            tokens = sentence.tokens[mention.start : mention.stop]
            span = Span(index, tokens[0].start, tokens[-1].stop)
            if len(mention.words) >= 2:
                full.append(([*mention.words, *mention.normal], " ".join(mention.normal), span))
            else:
                single.append((mention.words[0], span))
    groups: list[tuple[list[str], str, list[Span]]] = []
    for words, name, span in full:
        group = next((g for g in groups if _shared(g[0], name.split(), same_word) >= 2), None)
        if group is None:
            groups.append((words, name, [span]))
        else:
            group[0].extend(words)
            group[2].append(span)
    for word, span in single:
        owners = [g for g in groups if any(same_word(word, w) for w in g[0])]
        if len(owners) == 1:
            owners[0][2].append(span)
    people: list[Person] = []
    listed: dict[Span, str] = {}
    for words, name, spans in groups:
        lists = next((d for d in detainees if _shared(words, d.split(), same_word) >= min(2, len(d.split()))), None)
        people.append(Person(Candidate(name, tuple(spans)), lists is not None))
        if lists is not None:
            listed.update(dict.fromkeys(spans, lists))
    for word, span in single:
        lists = next((d for d in detainees if any(same_word(word, w) for w in d.split())), None)
        if lists is not None:
            listed[span] = lists
    report = Report(
        sentences=sentences,
        people=tuple(span for _, _, span in full) + tuple(span for _, span in single),
        listed=listed,
        custody=tuple(custody(s) for s in sentences),
        roles=role_stems("ru"),
    )
    return report, people


@lru_cache(maxsize=3)
def role_stems(lang: str) -> frozenset[str]:
    """The stems of the words that describe a person in ``lang``, built once."""
    if lang == "en":
        from bot.core.analysis.en_names import ROLE_WORDS

        return frozenset(stem(w) for w in ROLE_WORDS)
    if lang == "kk":
        from bot.core.analysis.packs import kk_names

        return frozenset(stem(w) for w in kk_names.ROLE_NOUNS)
    from bot.core.analysis.packs import ru as vocab

    return frozenset(stem(w) for w in vocab.CIVIC_LEMMAS)


def _shared(words: list[str], name: list[str], same: Callable[[str, str], bool]) -> int:
    """How many words of ``name`` one of ``words`` spells (inflected or not)."""
    return sum(any(same(n, w) for w in words) for n in name)
