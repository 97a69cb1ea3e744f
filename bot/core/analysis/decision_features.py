"""What the learned decision reads: a report's words, and the kinds of reason the rules gave.

The rules were grown one development report at a time; on reports nobody has read they
raise false alerts (ordinary crime, world news, releases told with a civic word nearby) and
miss some real ones. The learned decision (:mod:`bot.core.analysis.decision`) weighs the
rules' verdict against the report's vocabulary with weights learnt from the labelled corpus
(``bench/train_decision.py``). Training and runtime both build their features here, so the
model is always applied to exactly what it was trained on.

Pure functions, no IO.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

# Words are cut to this many characters: a crude stem that folds the endings of Russian and
# Kazakh (and English) inflection together ("задержан", "задержали" → "задер"), so that
# a word form the corpus never showed still meets the weight of its siblings.
STEM_LENGTH = 5
# The stem of each word, cut by the regex engine itself (the learned stage reads every
# report that reaches a scored clause, so this loop is the stage's cost).
_STEM = re.compile(rf"(\w{{1,{STEM_LENGTH}}})\w*")

# The kinds of reason every language's rules give ("custody:<word>", "civic:<word>", …).
# The words themselves are left out: they are the rules' own vocabulary and would let the
# model memorise the reports they were written from.
COUNTED_KINDS = ("custody", "civic", "negative")
FLAG_KINDS = ("civic (elsewhere)", "civic (weak)", "named", "dated", "term", "counted", "weak", "extra")
NOTES = ("no custody in context", "no custody reported", "no civic context", "custody without civic context")
LANGUAGES = ("en", "ru", "kk")
# A text logit beyond this says nothing more: clipped so one long report cannot dominate.
LOGIT_LIMIT = 6.0


def text_terms(title: str, text: str) -> list[str]:
    """The terms of a report for the text model: stems of its words and of adjacent pairs.

    Pairs keep short phrases ("15 тәулік", "was relea") that single words lose.
    """
    stems = text_stems(title, text)
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def text_stems(title: str, text: str) -> list[str]:
    """The stems of a report's words, in order (the unigrams of :func:`text_terms`)."""
    return _STEM.findall(f"{title}\n{text}".lower())


def reason_kind(reason: str) -> str:
    """The kind of a reason: the part before its first colon ("negative:release (…)" → "negative")."""
    return reason.split(":", 1)[0]


def stack_features(
    lang: str, rules_arrest: bool, rules_score: float, text_logit: float, reasons: Iterable[str]
) -> dict[str, float]:
    """The stacked model's inputs for one report, by name.

    Language enters both alone and crossed with the two verdicts: how far the rules and the
    words can be trusted differs by language (the Kazakh rules have seen far fewer reports).
    """
    logit = max(-LOGIT_LIMIT, min(LOGIT_LIMIT, text_logit))
    features: dict[str, float] = {"rules": float(rules_arrest), "rules_score": rules_score, "text": logit}
    kinds = [reason_kind(r) for r in reasons]
    for kind in COUNTED_KINDS:
        features[kind] = math.log1p(kinds.count(kind))
    for kind in FLAG_KINDS:
        features[kind] = float(kind in kinds)
    for note in NOTES:
        features[note] = float(note in kinds)
    for language in LANGUAGES:
        is_it = float(lang == language)
        features[f"lang={language}"] = is_it
        features[f"rules*{language}"] = is_it * float(rules_arrest)
        features[f"text*{language}"] = is_it * logit
    return features
