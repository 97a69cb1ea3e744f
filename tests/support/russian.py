"""One way for the Russian analysis tests to analyse a sentence and read who was held.

The Russian test files take :func:`ru` and :func:`people` from here instead of defining
their own; ``ru`` also checks the analysis contract (``arrest`` exactly when ``score`` ≥ 0.5).
"""

from __future__ import annotations

from bot.core.analysis.result import ARREST_THRESHOLD, Analysis, RuleConfig
from bot.core.analysis.russian import analyze_cyrillic


def ru(text: str, title: str = "", rules: RuleConfig | None = None) -> Analysis:
    """Analyse with the Russian rules (no language detection)."""
    result = analyze_cyrillic(title, text, "ru", rules or RuleConfig())
    assert result.arrest == (result.score >= ARREST_THRESHOLD)
    return result


def people(result: Analysis) -> dict[str, str | None]:
    """The detainees by name, with their terms."""
    return {d.name: d.term for d in result.detainees}
