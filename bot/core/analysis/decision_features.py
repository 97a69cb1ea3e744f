"""What the learned decision reads: a report's words, and what the rules concluded.

The rules were grown one development report at a time; on reports nobody has read they
raise false alerts (ordinary crime, world news, releases told with a civic word nearby) and
miss some real ones. The learned decision (:mod:`bot.core.analysis.decision`) weighs the
rules' verdict and score against the report's vocabulary with weights learnt from the labelled corpus
(``bench/train_decision.py``). Training and runtime both build their features here, so the
model is always applied to exactly what it was trained on.

Pure functions, no IO.
"""

from __future__ import annotations

import re

# Words are cut to this many characters: a crude stem that folds the endings of Russian and
# Kazakh (and English) inflection together ("задержан", "задержали" → "задер"), so that
# a word form the corpus never showed still meets the weight of its siblings.
STEM_LENGTH = 5
# The stem of each word, cut by the regex engine itself (the learned stage reads every
# report that reaches a scored clause, so this loop is the stage's cost).
_STEM = re.compile(rf"(\w{{1,{STEM_LENGTH}}})\w*")

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


def stack_features(lang: str, rules_arrest: bool, rules_score: float, text_logit: float) -> dict[str, float]:
    """The stacked model's inputs for one report, by name.

    Only the rules' verdict and score, the words' logit and the language: the kinds of
    reason the rules give were tried as inputs too, and on rounds held out they generalised
    worse (F1 0.895 against 0.903 on the blind rows), being the rules' own memory of train.
    How far the words can be trusted differs by language (the Kazakh vocabulary rests on far
    fewer reports), hence the logit crossed with the language.
    """
    logit = max(-LOGIT_LIMIT, min(LOGIT_LIMIT, text_logit))
    features: dict[str, float] = {"rules": float(rules_arrest), "rules_score": rules_score, "text": logit}
    for language in LANGUAGES:
        is_it = float(lang == language)
        features[f"lang={language}"] = is_it
        features[f"text*{language}"] = is_it * logit
    return features
