"""Dispatch: detect the report's language, run that language's rules.

Contract for every language module (``analyze_english``, ``analyze_cyrillic``): a pure
function (title, text, lang, rules) → Analysis, with ``arrest`` true exactly when
``score`` ≥ 0.5 (triage posts at ≥ 0.5 and asks an operator in [0.35, 0.5)).
"""

from __future__ import annotations

from bot.analysis.result import Analysis, RuleConfig


def analyze(title: str, text: str, lang: str | None = None, rules: RuleConfig | None = None) -> Analysis:
    """Analyse one report with the rules of its (detected) language."""
    from bot.analysis.language import detect_language, is_latin

    from bot.analysis.text import normalise

    rules = rules or RuleConfig()
    title, text = normalise(title), normalise(text)
    detected = detect_language(f"{title}\n{text}", hint=lang)
    if detected == "en":
        from bot.analysis.english import analyze_english

        return analyze_english(title, text, rules)
    if detected == "kk" and is_latin(f"{title}\n{text}"):
        from bot.analysis.kk_rules import analyze_kazakh_latin

        return analyze_kazakh_latin(title, text, rules)
    if detected in ("ru", "kk"):
        from bot.analysis.russian import analyze_cyrillic

        return analyze_cyrillic(title, text, detected, rules)
    return Analysis(arrest=False, protest=False, lang=detected, reasons=("language not supported",))
