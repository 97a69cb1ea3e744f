"""Arrest rules for Kazakh reports (Cyrillic; Latin-script Kazakh is transliterated first).

No Kazakh morphology ships offline, so the rules match the stems of :mod:`packs.kk
<bot.core.analysis.packs.kk>`: Kazakh adds its suffixes to an unchanged stem. The stages are the
pipeline's: sentences → custody clauses (cues that are not denied, hypothetical, released,
fines or restricted freedom) → candidate people (capitalised words with a name's shape or
a role before them, bystanders left out) → names normalised (case suffixes removed, with
vowel harmony) → terms (each person's own, a group's shared one) → decision with reasons.

The stages live in their own modules: :mod:`~bot.core.analysis.kk_stems` (the pack's stems
compiled), :mod:`~bot.core.analysis.kk_clauses` (custody clauses), :mod:`~bot.core.analysis.kk_people`
and :mod:`~bot.core.analysis.kk_name_forms` (people and their names), :mod:`~bot.core.analysis.kk_score`
(the decision) and :mod:`~bot.core.analysis.kk_detainees` (terms); this module runs them in turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core.analysis import organisations
from bot.core.analysis.kk_clauses import Clause, Person, read_clause, spared
from bot.core.analysis.kk_detainees import detainees_of
from bot.core.analysis.kk_name_forms import title_case_caps
from bot.core.analysis.kk_people import (
    antecedents,
    find_people,
    headline_people,
    known_words,
    owner_held,
    resolve_short_names,
)
from bot.core.analysis.kk_score import best_clause, no_custody_reasons
from bot.core.analysis.kk_stems import NOT_PROTEST_RE, PREPASS_RE, PROTEST_RE
from bot.core.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.core.analysis.ru_text import (
    evidence_text,
    find_charge,
    find_date,
    find_place,
    keywords_for,
    matched_keyword,
    watchlist_hits,
)
from bot.core.analysis.text import normalise

if TYPE_CHECKING:
    from bot.core.analysis.kk_latin import Transliteration

__all__ = ["PREPASS_RE", "analyze_kazakh", "analyze_kazakh_arabic", "analyze_kazakh_latin"]

# Sentence ends, but not after an initial ("Ж. Сапар"), also where the text starts: the spaces
# after a full stop (a closing quote first, maybe), or line breaks. The regex opens with the
# first character, a quote or a space, which the engine skips ahead to, and looks behind from
# after it; the same splits as (?<=[.!?…])(?<![\s«"(][A-Z]\.)(?<!\A[A-Z]\.)["»”]?\s+|\n+, whose
# look-behinds first were tried at every character (tests/test_analysis_text.py compares).
_CAPITAL = "[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]"


def _stop_before(after: str) -> str:
    """A full stop, not an initial's, right before ``after`` (one character)."""
    return rf"(?<=[.!?…]{after})(?<![\s«\"(]{_CAPITAL}\.{after})(?<!\A{_CAPITAL}\.{after})"


_QUOTE, _SPACE = '["»”]', r"\s"
_SENTENCE_SPLIT = re.compile(rf"[\"»”\s](?:{_stop_before(_QUOTE)}\s+|{_stop_before(_SPACE)}\s*|(?<=\n)\n*)")
_AMONG = re.compile(
    r"(?<![\w])(?:олардың |олардин |олардын )?(?:арасында|қатарында|арасинда|катаринда|ішінде|ишинде)(?![\w])"
)


def analyze_kazakh(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse a Kazakh report: custody stems + civic context − ordinary crime."""
    full = f"{title}\n{text}"
    low = full.lower()
    protest = bool(PROTEST_RE.search(NOT_PROTEST_RE.sub(" ", low)))
    excluded = matched_keyword(low, keywords_for(rules.exclude_keywords, "kk"))
    watched = watchlist_hits(full, rules.watchlist)
    custody_extra = keywords_for(rules.extra_keywords, "kk")
    if not PREPASS_RE.search(low) and not matched_keyword(low, custody_extra) and not watched:
        why_not = ("no custody vocabulary",) + ((f"excluded:{excluded}",) if excluded else ())
        return Analysis(arrest=False, protest=protest, lang="kk", reasons=why_not)

    full, sentences = kazakh_sentences(title, text)
    # The movements and parties of the data list (or [rules]) count as the operators' civic words do.
    org_re = organisations.pattern(organisations.names_for(rules))
    named_orgs = tuple(dict.fromkeys(org_re.findall(low)))
    civic_extra = keywords_for(rules.civic_keywords, "kk") + named_orgs
    clauses = _read_clauses(sentences, full, custody_extra, headline=bool(title.strip()) or _headline_line(text))
    title_low = sentences[0].lower() if title.strip() and sentences else ""
    score, best_index, reasons = best_clause(clauses, low, civic_extra, title_low)
    if best_index < 0:
        reasons += no_custody_reasons(clauses, low)
    watched_in_custody = [name for name in watched if any(c.cues and watchlist_hits(c.text, (name,)) for c in clauses)]
    score = _operators_say(score, reasons, watched_in_custody, excluded)
    arrest = score >= ARREST_THRESHOLD
    evidence = clauses[best_index].text if best_index >= 0 else ""
    return Analysis(
        arrest=arrest,
        protest=protest,
        detainees=tuple(_held(clauses, score, watched_in_custody, named_orgs)),
        lang="kk",
        place=find_place(evidence) or (find_place(full) if arrest else None),
        detained_on=find_date(evidence),
        charge=find_charge(evidence) or (find_charge(full) if arrest else None),
        evidence=(evidence_text(evidence),) if evidence else (),
        score=score,
        reasons=tuple(dict.fromkeys(reasons)),
    )


def kazakh_sentences(title: str, text: str) -> tuple[str, list[str]]:
    """The report as the rules read it (normalised, capitals-only words title-cased) and its
    sentences, the title first: also the learned names adder's (``kk_adder_people``)."""
    full = title_case_caps(normalise(f"{title}\n{text}"))
    return full, [s.strip() for s in _SENTENCE_SPLIT.split(full) if s and s.strip()]


# "Олар – X пен Y", "Бұл – … X", "Ұсталғандар: X, Y", "Оның есімі – X": who the ones just held were.
_THEY_ARE = re.compile(
    r"\s*(?:(?:оның|онын|олардың|олардын)\s+(?:есімі|есімдері|есими|есимдери|аты-жөні|аты-жөндері|аты-жони|аты-жондери)"
    r"|олар|ол|бұл|бұлар|бул|булар|ұсталғандар|усталгандар|қамалғандар|камалгандар)\s*[–—:-]"
)


def _headline_line(text: str) -> bool:
    """A page read from its start often opens with its headline: a short first line with no
    full stop, then the story."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    return bool(rest.strip()) and 0 < len(first.split()) <= 14 and not first.endswith((".", "!", "?", "…", ":", ","))


def _read_clauses(
    sentences: list[str], full: str, custody_extra: tuple[str, ...], headline: bool = False
) -> list[Clause]:
    """The custody clauses of the report's sentences, each with the people it is about;
    ``headline`` when the first sentence is the report's title."""
    clauses = [read_clause(s, custody_extra) for s in sentences]
    known = known_words(full)
    for n, clause in enumerate(clauses):
        if clause.cues:
            clause.people = find_people(clause, known)
        elif n and clauses[n - 1].cues and _AMONG.search(clause.low):
            # "Полиция бірнеше белсендіні ұстады. Олардың арасында X, Y бар": the people
            # listed among those just reported held are the detainees.
            clause.people = _share_term(find_people(clause, known), clause, clauses[n - 1])
            clause.cues = ["among the detained"]
        elif n and clauses[n - 1].cues and not clauses[n - 1].people and _THEY_ARE.match(clause.low):
            # "Екі белсенді ұсталды. Олар – X пен Y": the sentence after a custody that named
            # nobody says who they were.
            clause.people = _share_term(find_people(clause, known), clause, clauses[n - 1])
            clause.cues = ["named after the custody"] if clause.people else []
    if headline and len(clauses) > 1 and clauses[0].cues and not clauses[0].people:
        clauses[0].people = headline_people(clauses[0], clauses[1], known)
    for n, clause in enumerate(clauses):
        if clause.cues and not clause.people:
            clause.people = owner_held(clause, known)
        if n and clause.cues and not clause.people and not clauses[n - 1].cues:
            clause.people = antecedents(clause, clauses[n - 1], known)
        clause.people = [p for p in clause.people if not spared(clause, p)]
    resolve_short_names(clauses, full)
    return clauses


def _share_term(people: list[Person], clause: Clause, custody: Clause) -> list[Person]:
    """ "Сот екі белсендіні 10 тәулікке қамады. Олар – X пен Y": the people named after a
    custody that named nobody share its one term, when their own sentence gives none."""
    if not clause.terms and len(custody.terms) == 1:
        for person in people:
            person.term = custody.terms[0].value
    return people


def _operators_say(score: float, reasons: list[str], watched_in_custody: list[str], excluded: str | None) -> float:
    """The score once the operators' rules have their say (a watched person in custody makes
    an arrest, an excluded word none), rounded; their reasons are added to ``reasons``."""
    if watched_in_custody:
        score = max(score, 0.8)
        reasons += [f"watchlist:{name}" for name in watched_in_custody]
    if excluded:
        score = 0.0
        reasons.append(f"excluded:{excluded}")
    return round(max(0.0, min(1.0, score)), 3)  # the contract: arrest exactly when score ≥ 0.5


def _held(
    clauses: list[Clause], score: float, watched_in_custody: list[str], named_orgs: tuple[str, ...] = ()
) -> list[Detainee]:
    """The detainees with their terms, watched people in custody among them; none for a
    report below review, while doubtful reports keep their people for the operator. A
    "name" made only of the words of a movement the text names ("Иегова куәгері") is the
    movement's, no person's."""
    if score < REVIEW_FLOOR:
        return []
    org_words = [w for org in named_orgs for w in org.split()]
    detainees = [d for d in detainees_of(clauses) if not _movement_words(d.name, org_words)]
    for name in watched_in_custody:
        if all(not d.name.startswith(name.split()[0]) for d in detainees):
            detainees.append(Detainee(name=name))
    return detainees


def _movement_words(name: str, org_words: list[str]) -> bool:
    return bool(org_words) and all(any(o.startswith(w) for o in org_words) for w in name.lower().split())


def analyze_kazakh_latin(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse Latin-script Kazakh: transliterated for the rules, names mapped back."""
    from bot.core.analysis.kk_latin import transliterate

    return _analyze_transliterated(title, text, rules, transliterate)


def analyze_kazakh_arabic(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse Arabic-script Kazakh: transliterated for the rules, names mapped back."""
    from bot.core.analysis.kk_arabic import transliterate

    return _analyze_transliterated(title, text, rules, transliterate)


def _analyze_transliterated(
    title: str, text: str, rules: RuleConfig, transliterate: Callable[[str], Transliteration]
) -> Analysis:
    """The Cyrillic rules over a transliteration; names and evidence in the text's own script."""
    from dataclasses import replace

    head = transliterate(title)
    body = transliterate(text)
    result = analyze_kazakh(head.text, body.text, rules)
    detainees = tuple(Detainee(_latin_name(d.name, head, body), d.term) for d in result.detainees)
    evidence = tuple(body.latin_sentence(e) if e not in head.text else head.latin_sentence(e) for e in result.evidence)
    return replace(result, detainees=detainees, evidence=evidence, place=None, charge=None)


def _latin_name(name: str, *sources: Transliteration) -> str:
    for source in sources:
        latin = source.latin_name(name)
        if latin != name:
            return latin
    return name
