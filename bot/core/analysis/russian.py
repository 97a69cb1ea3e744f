"""Arrest rules for Cyrillic reports: Russian (:mod:`bot.core.analysis.ru_report`, razdel +
pymorphy3) and Kazakh (:mod:`bot.core.analysis.kk_rules`).

Each language's rules are imported when its first report comes: building their lexicons (the
Kazakh stem tries, the Russian tagger's modules) takes longer than reading many reports, and a
process may never see the other language.
"""

from __future__ import annotations

from bot.core.analysis.result import Analysis, RuleConfig


def analyze_cyrillic(title: str, text: str, lang: str, rules: RuleConfig) -> Analysis:
    """Analyse a Russian ("ru") or Kazakh ("kk") report; see :mod:`bot.core.analysis.ru_report`."""
    if lang == "kk":
        from bot.core.analysis.kk_rules import analyze_kazakh

        return analyze_kazakh(title, text, rules)
    from bot.core.analysis.ru_report import analyze_russian

    return analyze_russian(title, text, rules)
