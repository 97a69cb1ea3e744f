"""One way for the Kazakh analysis tests to analyse a sentence and read who was held.

Every Kazakh test file used to define its own ``kk()``; some asserted the analysis
contract (language, ``arrest`` exactly when ``score`` ≥ 0.5) and some did not. Two entry
points remain because they test different things:

- :func:`kk_rules` runs the Kazakh rules alone, so a negative sentence is refused by the
  rule under test and never just by the pre-pass that skips ordinary news;
- :func:`kk_engine` runs the whole pipeline (language detection, pre-pass, the officials
  filter), as the service does.
"""

from __future__ import annotations

from bot.core.analysis import analyze
from bot.core.analysis.result import Analysis, RuleConfig
from bot.core.analysis.russian import analyze_cyrillic


def kk_rules(text: str, title: str = "", rules: RuleConfig | None = None) -> Analysis:
    """Analyse with the Kazakh rules alone (no detection, no pre-pass)."""
    return _checked(analyze_cyrillic(title, text, "kk", rules or RuleConfig()))


def kk_engine(text: str, title: str = "", rules: RuleConfig | None = None) -> Analysis:
    """Analyse through the whole pipeline, told the text is Kazakh."""
    return _checked(analyze(title, text, "kk", rules))


def people(result: Analysis) -> dict[str, str | None]:
    """Who was held and for how long, by name."""
    return {d.name: d.term for d in result.detainees}


def names(result: Analysis) -> list[str]:
    """Who was held, in the order the analysis found them."""
    return [d.name for d in result.detainees]


def held(result: Analysis) -> list[tuple[str, str | None]]:
    """Who was held and for how long, in order (a name may repeat with another term)."""
    return [(d.name, d.term) for d in result.detainees]


def _checked(result: Analysis) -> Analysis:
    assert result.lang == "kk"
    assert result.arrest == (result.score >= 0.5)
    return result
