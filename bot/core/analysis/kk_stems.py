"""The stems of the Kazakh pack compiled once: the words the rules look for in a sentence.

Each pattern of :mod:`packs.kk <bot.core.analysis.packs.kk>` (custody, sentencing, release, fines,
civic and crime words, …) matches its stems at the start of a word, in Kazakh and in the
plain spelling without the Kazakh letters; the other modules of the Kazakh rules
(:mod:`bot.core.analysis.kk_rules` and the modules it uses) only ever search with them.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from bot.core.analysis.literal_guard import GuardedRegex
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.packs import kk_ways as ways
from bot.core.analysis.prepass import stems_automaton, stems_regex

# The pack's lexicons with the other phrasings of :mod:`packs.kk_ways <bot.core.analysis.packs.kk_ways>`.
_CUSTODY_STEMS = pack.CUSTODY_STEMS + ways.CUSTODY_STEMS
_CIVIC_STRONG_STEMS = pack.CIVIC_STRONG_STEMS + ways.CIVIC_STRONG_STEMS


def _stem_regex(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Stems of the pack (and their other spellings), each at the start of a word.

    A trie (:mod:`bot.core.analysis.prepass`): the match is the shortest stem found, which is
    all the rules use it for (whether, where, and which stem for the reasons)."""
    return stems_regex(pack.with_plain(stems), word_start=True)


CUSTODY_RE = _stem_regex(_CUSTODY_STEMS)
SENTENCE_RE = _stem_regex(pack.SENTENCE_STEMS)
NEGATED_RE = _stem_regex(pack.NEGATED_STEMS)
HYPOTHETICAL_RE = _stem_regex(pack.HYPOTHETICAL_STEMS)
RELEASE_RE = _stem_regex(pack.RELEASE_STEMS)
DEMAND_RE = _stem_regex(pack.DEMAND_STEMS)
FINE_RE = _stem_regex(pack.FINE_STEMS)
RESTRICTED_RE = _stem_regex(pack.RESTRICTED_STEMS)
BAN_RE = _stem_regex(pack.BAN_STEMS)
SUMMONS_RE = _stem_regex(pack.SUMMONS_STEMS)
CIVIC_STRONG_RE = GuardedRegex(_stem_regex(_CIVIC_STRONG_STEMS))  # over whole reports: literal_guard
CIVIC_WEAK_RE = _stem_regex(pack.CIVIC_WEAK_STEMS)
TOLD_PRESS_RE = GuardedRegex(_stem_regex(pack.TOLD_THE_PRESS_STEMS))
NOT_CIVIC_RE = GuardedRegex(_stem_regex(pack.NOT_CIVIC_STEMS))


@functools.cache
def crime_regex(kind: str) -> GuardedRegex:
    """The stems of one kind of crime (pack.CRIME_STEMS), built when a text first names one of
    them: a process reads few kinds, and each trie takes longer to build than a report to read."""
    return GuardedRegex(_stem_regex(pack.CRIME_STEMS[kind]))


# Any crime word at all, and any strong civic word: one pass at C speed (accepting what the
# stem regexes accept) before the regexes scan the text (most text has none).
CRIME_ANY = stems_automaton(pack.with_plain(tuple(s for st in pack.CRIME_STEMS.values() for s in st)), word_start=True)
CIVIC_STRONG_ANY = stems_automaton(pack.with_plain(_CIVIC_STRONG_STEMS), word_start=True)
# CIVIC_WEAK_RE's stems in one automaton: whether a text has any, before the regex lists them.
CIVIC_WEAK_ANY = stems_automaton(pack.with_plain(pack.CIVIC_WEAK_STEMS), word_start=True)
# SENTENCE_RE's stems in one automaton: whether a sentence has any, for the many that have none.
SENTENCE_ANY = stems_automaton(pack.with_plain(pack.SENTENCE_STEMS), word_start=True)
PERSECUTION_RE = GuardedRegex(_stem_regex(pack.PERSECUTION_STEMS))
BACKGROUND_RE = _stem_regex(pack.BACKGROUND_STEMS)
PAST_RE = _stem_regex(pack.PAST_STEMS)
PROTEST_RE = GuardedRegex(_stem_regex(pack.PROTEST_STEMS))  # over every report: literal_guard
NOT_PROTEST_RE = GuardedRegex(_stem_regex(pack.NOT_PROTEST_STEMS))
COUNT_RE = re.compile(r"\d+\s+(?:адам|белсенді|журналист|тұрғын|қатысушы)|" + _stem_regex(pack.COUNT_STEMS).pattern)
AGAIN_RE = re.compile(r"(?<![\w])(?:қайта|тағы да|тағы|қайтадан|снова)(?![\w])")
STATE_RE = _stem_regex(pack.STATE_STEMS)
POLICE_RE = _stem_regex(pack.POLICE_STEMS + ways.POLICE_STEMS)
TAKEN_AWAY_RE = _stem_regex(pack.TAKEN_AWAY_STEMS)
SEIZED_THING_RE = _stem_regex(pack.SEIZED_THING_STEMS)
DAYS_RE = _stem_regex(pack.DAY_UNIT_STEMS)
# The pre-pass: a report with none of the custody or sentencing stems is not looked at
# ("қамау" bare too, the verbal noun of "бірнеше адамды қамау себебі").
PREPASS_RE = stems_automaton(
    pack.with_plain(
        _CUSTODY_STEMS
        + pack.SENTENCE_STEMS
        + pack.DAY_UNIT_STEMS
        + pack.TAKEN_AWAY_STEMS
        + pack.POLICE_PLACE_STEMS
        + ("қамау",)
    )
)


def _crime_kinds_automaton() -> Any:
    import ahocorasick

    kinds: dict[str, set[str]] = {}
    for kind, stems in pack.CRIME_STEMS.items():
        for stem in pack.with_plain(stems):
            if stem.strip():
                kinds.setdefault(stem.lower(), set()).add(kind)
    automaton = ahocorasick.Automaton()
    for literal, of in kinds.items():
        automaton.add_word(literal, frozenset(of))
    automaton.make_automaton()
    return automaton


_CRIME_KINDS = _crime_kinds_automaton()


def crime_kinds_in(low: str) -> set[str]:
    """The kinds of :func:`crime_regex` with a stem anywhere in ``low`` (word start or not): the
    only kinds whose regex can match, found in one pass instead of a regex scan a kind."""
    found: set[str] = set()
    for _, kinds in _CRIME_KINDS.iter(low):
        found |= kinds
    return found
