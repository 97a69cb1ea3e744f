"""Each language's people for the enumeration stage (:mod:`bot.core.analysis.enumerations`).

The stage is one rule for every language; what differs is how a language finds a person in a
sentence and writes it in the nominative (``en_names``, ``ru_names``, ``kk_people``), and the
words that join a list or stop it. Only the sentences that mention a chosen detainee are read,
and only reports already judged arrests with detainees come here: the cost is a few sentences.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from importlib import resources

from bot.core.analysis.enumerations import Lexicon, Listed, extend
from bot.core.analysis.result import Analysis

_FIELDS = (
    "joiner",
    "owner",
    "role",
    "release",
    "lesser",
    "term",
    "respective",
    "custody",
    "intro",
    "speech",
    "conjunction",
)


@functools.cache
def _lexicon(lang: str) -> Lexicon:
    """A language's words of lists (data/enumerations.toml), read with its first arrest report."""
    text = resources.files("bot.core.analysis").joinpath("data/enumerations.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)[lang]
    flags = 0 if table.get("case") else re.IGNORECASE
    patterns = {name: re.compile(table[name], flags) for name in _FIELDS}
    clause_words = re.compile(table["clause"], flags)
    clause = _russian_clause(clause_words) if lang == "ru" else clause_words.search
    return Lexicon(clause=clause, **patterns)


def _russian_clause(words: re.Pattern[str]) -> Callable[[str], bool]:
    """A verb (finite, infinitive, gerund, participle) or a clause word between two people.

    Full participles too: "Ольгу Смирнову, задержанную на пикете в поддержку Олега Сенцова" is a
    participial clause whose names are not listed with her (on train, allowing them found one
    listed person more and two wrong ones)."""
    from bot.core.analysis.ru_morph import lemma_and_pos

    def clause(gap: str) -> bool:
        if words.search(gap):
            return True
        return any(lemma_and_pos(w)[1] in _RU_CLAUSE_POS for w in re.findall(r"[а-яё]+", gap.lower()))

    return clause


_RU_CLAUSE_POS = frozenset(("VERB", "INFN", "GRND", "PRTS", "PRTF"))
# A sentence's end: the spaces after a full stop (a closing quote or bracket first, maybe)
# before a capital, or line breaks. The regex opens with that first character, which the engine
# skips ahead to, and looks behind from after it: the same splits as
# (?<=[.!?…])["”’»)]?\s+(?=["“«(]?[A-Z…0-9])|\n+ (tests/test_analysis_text.py compares).
_NEXT_SENTENCE = r"(?=[\"“«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])"
_SENTENCE_END = re.compile(
    rf"[\"”’»)\s](?:(?<=[.!?…][\"”’»)])\s+{_NEXT_SENTENCE}|(?<=[.!?…]\s)\s*{_NEXT_SENTENCE}|(?<=\n)\n*)"
)


def extend_enumerations(result: Analysis, title: str, text: str) -> Analysis:
    """``result`` with the people listed together with its detainees (arrest reports in English,
    or in Russian or Kazakh written in Cyrillic: the engine, which chose the script, calls it
    only for those)."""
    if not result.arrest or not result.detainees:
        return result
    full = f"{title}\n{text}"
    finder: Callable[[str], list[Listed]]
    if result.lang == "en":
        finder = _english
    elif result.lang in ("ru", "kk"):
        finder = _russian if result.lang == "ru" else _kazakh(full)
    else:
        return result
    stems = {w.casefold()[:5] for d in result.detainees for w in d.name.split() if len(w) >= 4}
    sentences = [s for s in _SENTENCE_END.split(full) if _mentions(s.casefold(), stems)]
    people = extend(result.detainees, sentences, finder, _lexicon(result.lang))
    if len(people) == len(result.detainees):
        return result
    return replace(result, detainees=people, reasons=(*result.reasons, "listed with a detainee"))


def _mentions(folded: str, stems: set[str]) -> bool:
    """Whether a case-folded sentence holds a detainee's stem (folded once, not once a stem)."""
    return any(stem in folded for stem in stems)


# A list quoted after a colon ('The names are as follows: "A, B, C"'): its quotation mark opens
# no title of a work; a space in its place (one character, so offsets hold) lets the finder see names.
_QUOTED_LIST = re.compile(r"(?<=:)(\s*)[\"“«]")


def _english(sentence: str) -> list[Listed]:
    from bot.core.analysis.en_names import find_mentions

    unquoted = _QUOTED_LIST.sub(lambda m: m.group(1) + " ", sentence)
    return [Listed(m.text, m.start, m.end) for m in find_mentions(unquoted) if not m.possessive and not m.titled]


def _russian(sentence: str) -> list[Listed]:
    from bot.core.analysis.ru_names import parse

    people: list[Listed] = []
    offset = 0
    for part in parse(sentence):
        at = sentence.find(part.text, offset)
        offset = at if at >= 0 else offset
        for m in part.mentions:
            start, end = part.tokens[m.start].start, part.tokens[m.stop - 1].stop
            people.append(Listed(" ".join(m.normal), offset + start, offset + end))
    return people


def _kazakh(full: str) -> _KazakhFinder:
    return _KazakhFinder(full)


class _KazakhFinder:
    """Kazakh people of a sentence, with the report's known name forms (their cases)."""

    def __init__(self, full: str) -> None:
        self.full = full
        self.known: frozenset[str] | None = None  # read with the first sentence that needs it

    def __call__(self, sentence: str) -> list[Listed]:
        from bot.core.analysis.kk_clauses import read_clause
        from bot.core.analysis.kk_people import find_people, known_words

        if self.known is None:
            self.known = known_words(self.full)
        clause = read_clause(sentence, ())
        offsets: list[tuple[int, int]] = []
        at = 0
        for token in clause.tokens:
            start = sentence.find(token, at)
            at = start + len(token)
            offsets.append((start, at))
        return [
            Listed(p.name, offsets[p.start][0], offsets[p.stop - 1][1])
            for p in find_people(clause, self.known)
            if p.stop > p.start
        ]
