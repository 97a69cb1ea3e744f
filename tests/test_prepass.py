"""The quick pre-pass is generated from the lexicons and can never miss a form they know.

Russian: every form pymorphy3 knows of every lemma in the custody and civic lexicons
(and its ё/е spellings) passes. Kazakh: every stem of the custody lexicons, with any
suffix, in Kazakh letters, Russian letters only or the Latin skeleton, passes.
"""

from __future__ import annotations

import functools

import pytest

from bot.core.analysis.packs import kk as kk_pack
from bot.core.analysis.packs import ru as ru_pack
from bot.core.analysis.prepass import stems_regex


@functools.lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _forms(lemma: str) -> set[str]:
    forms = {lemma}
    for parse in _morph().parse(lemma):
        if parse.normal_form.replace("ё", "е") != lemma.replace("ё", "е"):
            continue
        forms.update(f.word for f in parse.lexeme)
    return forms | {f.replace("ё", "е") for f in forms}


@pytest.mark.parametrize("lemma", sorted(ru_pack.CUSTODY_HINT_LEMMAS))
def test_russian_custody_prepass_knows_every_form(lemma: str) -> None:
    missed = sorted(f for f in _forms(lemma) if not ru_pack.CUSTODY_HINT_RE.search(f" {f} "))
    assert not missed, f"{lemma}: the pre-pass misses {missed}"


@pytest.mark.parametrize(
    "phrase",
    [
        "под стражей",
        "под стражу",
        "под стражи",
        "лишения свободы",
        "лишению свободы",
        "лишением свободы",
        "лишение свободы",
        "под домашним заключением",
        "домашнее заключение",
        "административный срок",
        "реальный срок",
        "реального срока",
    ],
)
def test_russian_custody_phrases_pass(phrase: str) -> None:
    assert ru_pack.custody_hint(f" {phrase} ")


@pytest.mark.parametrize("lemma", sorted(ru_pack.POLICE_PLACE_LEMMAS))
def test_russian_police_place_with_a_verb_of_taking_passes(lemma: str) -> None:
    missed = sorted(f for f in _forms(lemma) if not ru_pack.custody_hint(f" доставлен в {f} "))
    assert not missed, f"{lemma}: the pre-pass misses {missed}"


@pytest.mark.parametrize("lemma", sorted(ru_pack.TAKEN_OR_HELD_LEMMAS))
def test_russian_verbs_of_taking_or_holding_with_the_police_pass(lemma: str) -> None:
    missed = sorted(f for f in _forms(lemma) if not ru_pack.custody_hint(f" {f} в отделе полиции "))
    assert not missed, f"{lemma}: the pre-pass misses {missed}"


@pytest.mark.parametrize("lemma", sorted(ru_pack.CIVIC_LEMMAS))
def test_russian_civic_prepass_knows_every_form(lemma: str) -> None:
    missed = sorted(f for f in _forms(lemma) if not ru_pack.CIVIC_HINT_RE.search(f" {f} "))
    assert not missed, f"{lemma}: the pre-pass misses {missed}"


def test_russian_prepass_skips_ordinary_news() -> None:
    text = "аграрии костанайской области обмолотили больше половины площадей, цены на зерно снизились."
    assert not ru_pack.CUSTODY_HINT_RE.search(text)
    assert not ru_pack.CUSTODY_HINT_RE.search("он подписал договор о поддержке детского спорта")
    assert not ru_pack.custody_hint("заключение экспертизы о посадке самолёта и колонна машин")


@pytest.mark.parametrize(
    "stem",
    kk_pack.with_plain(
        kk_pack.CUSTODY_STEMS + kk_pack.SENTENCE_STEMS + kk_pack.DAY_UNIT_STEMS + kk_pack.TAKEN_AWAY_STEMS
    ),
)
def test_kazakh_prepass_knows_every_stem_with_any_suffix(stem: str) -> None:
    from bot.core.analysis.kk_rules import PREPASS_RE

    for suffix in ("", "ды", "ған", "дар", "лардың"):
        assert PREPASS_RE.search(f"бүгін {stem}{suffix} деп"), stem + suffix


def test_stems_regex_keeps_the_shortest_covering_stem() -> None:
    pattern = stems_regex(["задерж", "задержани", "арест"])
    assert pattern.pattern.count("|") == 1
    assert pattern.search("задержание") and pattern.search("арестован") and not pattern.search("погода")


def test_english_custody_patterns_start_with_their_prepass_word() -> None:
    from bot.core.analysis.english import _CANDIDATE
    from bot.core.analysis.packs import en as en_pack

    for word, pattern in en_pack.CUSTODY:
        assert pattern.startswith(word.split()[0]), (word, pattern)
        assert _CANDIDATE.search(word), word
    for word, pattern in en_pack.PREFIXED:
        assert word in pattern and word in en_pack.CUSTODY_WORDS


def test_english_prepass_skips_ordinary_news() -> None:
    from bot.core.analysis.english import _CANDIDATE

    assert not _CANDIDATE.search("farmers in kostanay have threshed more than half of the wheat fields.")


# --- the automaton (one Aho-Corasick pass) accepts exactly what the trie regex accepts ---


def _contexts(stem: str) -> list[str]:
    """A stem where a regex and an automaton could disagree: alone, inside and after a word,
    cut short, with an ending, after a digit, at the ends of the text."""
    return [
        stem,
        f" {stem} ",
        f" {stem}ами.",
        f"при{stem}",
        f"5{stem}",
        f"{stem[:-1]} ",
        f"«{stem}»",
        f"x{stem}",
        f"{stem}{stem}",
        f"- {stem[:2]} {stem[2:]}",
    ]


def _agree(stems, word_start: bool = False, samples: list[str] = ()) -> None:
    from bot.core.analysis.prepass import stems_automaton

    regex, automaton = stems_regex(stems, word_start), stems_automaton(stems, word_start)
    literals = [s if isinstance(s, str) else s[0] + " срок" for s in stems]
    for text in [c for s in literals for c in _contexts(s.lower())] + list(samples):
        assert bool(regex.search(text)) == bool(automaton.search(text)), (text, regex.search(text))


def test_automaton_agrees_with_the_regex_on_the_russian_stems() -> None:
    stems = sorted(
        {
            s
            for lemma in ru_pack.CUSTODY_HINT_LEMMAS | ru_pack.POLICE_PLACE_LEMMAS | ru_pack.CIVIC_LEMMAS
            for s in ru_pack.stems_of(lemma)
        }
    )
    _agree(stems + list(ru_pack.CUSTODY_PHRASES), samples=["административный срок", "реальные сроки", "под стражу"])
    _agree([s for s in stems if len(s) <= 4], word_start=True)


def test_automaton_agrees_with_the_regex_on_the_kazakh_stems() -> None:
    stems = kk_pack.with_plain(kk_pack.CUSTODY_STEMS + kk_pack.SENTENCE_STEMS + kk_pack.DAY_UNIT_STEMS)
    _agree(stems)
    _agree(stems, word_start=True)


def test_automaton_tail_may_look_behind() -> None:
    from bot.core.analysis.english import _CANDIDATE

    assert _CANDIDATE.search("he got 15 days for it")
    assert not _CANDIDATE.search("fifteen days later the harvest began")
    assert _CANDIDATE.search("ten days in a cell")


def test_every_russian_stem_is_in_the_automaton() -> None:
    automaton = ru_pack.CUSTODY_HINT_RE.patterns[0]
    stems = {s for lemma in ru_pack.CUSTODY_HINT_LEMMAS for s in ru_pack.stems_of(lemma)}
    assert stems <= set(automaton.stems)
    assert {first + tail for first, tail in ru_pack.CUSTODY_PHRASES if "\\" not in tail} <= set(automaton.stems)
