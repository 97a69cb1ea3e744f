"""Pure analysis of news reports: is it an arrest, who, for how long. No IO here."""

from bot.core.analysis.result import Analysis, Detainee, RuleConfig

__all__ = ["Analysis", "Detainee", "RuleConfig", "analyze"]


def analyze(title: str, text: str, lang: str | None = None, rules: RuleConfig | None = None) -> Analysis:
    """Analyse one report: is it an arrest, who, for how long (the pipeline: engine.py)."""
    from bot.core.analysis.engine import analyze as _analyze

    return _analyze(title, text, lang, rules)
