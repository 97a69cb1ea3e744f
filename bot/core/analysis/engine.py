"""The analysis pipeline: one order of stages for every language.

1. language: detected from script and vocabulary, Latin-script Kazakh included
   (:mod:`bot.core.analysis.language`);
2. the language's pre-pass, built from its data pack's lexicons (:mod:`bot.core.analysis.packs`):
   most news ends here;
3. the language's rules over its data pack: text repaired (glued and unpunctuated
   paragraphs, :mod:`bot.core.analysis.text`), then sentences → custody clauses → candidate people → names
   normalised → terms (:mod:`bot.core.analysis.terms`) → a score with its reasons
   (``english``, ``russian``, ``kk_rules``);
4. the learned decision weighs the rules' verdict and score against the report's words
   (:mod:`bot.core.analysis.decision`, weights from ``bench/train_decision.py``);
5. people listed together with a detainee are detainees too (:mod:`bot.core.analysis.enumerations`);
6. people no report's custody can be about (heads of state, data/officials.toml) are
   dropped, whatever the language;
7. the other people of an arrest report, weighed by the words around them, may be added
   (:mod:`bot.core.analysis.name_adder`, weights from ``bench/train_names.py``; en, ru, kk), and
   the rules' own detainees whose context says they were not taken dropped
   (:mod:`bot.core.analysis.name_remover`, weights from ``bench/train_remover.py``; English);
8. each person's term is chosen by learned weights among the terms the report states
   (:mod:`bot.core.analysis.term_chooser`, weights from ``bench/train_terms.py``; English), once the
   people are final.

Contract for every language module: a pure function (title, text, rules) → Analysis, with
``arrest`` true exactly when ``score`` ≥ 0.5 (triage posts at ≥ 0.5 and asks an operator
in [0.35, 0.5)).
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.analysis.result import Analysis, RuleConfig


def analyze(title: str, text: str, lang: str | None = None, rules: RuleConfig | None = None) -> Analysis:
    """Analyse one report with the rules of its (detected) language."""
    result, listable = _by_language(title, text, lang, rules or RuleConfig())
    if listable:
        from bot.core.analysis.decision import decide

        # The learned weights know English and Cyrillic words only (what the corpus holds).
        result = decide(result, title, text)
    if listable and result.arrest and result.detainees:
        from bot.core.analysis.enumeration_people import extend_enumerations

        result = extend_enumerations(result, title, text)
    if result.detainees:
        from bot.core.analysis.organisations import is_official

        kept = tuple(d for d in result.detainees if not is_official(d.name))
        if len(kept) != len(result.detainees):
            result = replace(result, detainees=kept)
    if listable and result.arrest:
        result = _learned_people(result, title, text)
    return result


def _learned_people(result: Analysis, title: str, text: str) -> Analysis:
    """Stages 7 and 8: the learned names adder and remover settle who was taken, then the
    term chooser gives each of those people a term (it reads the final list: a person the
    adder brings in gets a term, one the remover drops takes none away from another)."""
    from bot.core.analysis.name_adder import add_names
    from bot.core.analysis.name_remover import remove_names

    added = add_names(result, title, text)
    result = remove_names(added, title, text, added=len(added.detainees) - len(result.detainees))
    if not result.detainees:
        return result
    from bot.core.analysis.term_chooser import choose_terms

    return choose_terms(result, title, text)


def _by_language(title: str, text: str, lang: str | None, rules: RuleConfig) -> tuple[Analysis, bool]:
    """The language's analysis, and whether the enumeration stage can read its script (English,
    and Russian or Kazakh in Cyrillic: the script decided here, once)."""
    from bot.core.analysis.language import detect_language, is_latin

    # Each language normalises the text (bot.core.analysis.text) once its pre-pass lets it in:
    # most news stops at the pre-pass and never pays for it.
    detected = detect_language(f"{title}\n{text}", hint=lang)
    if detected == "en":
        from bot.core.analysis.english import analyze_english

        return analyze_english(title, text, rules), True
    if detected == "kk":
        from bot.core.analysis.kk_arabic import is_arabic

        # Arabic script first: one Latin word ("Facebook") outnumbers the Cyrillic letters
        # an Arabic-script text has none of.
        if is_arabic(f"{title}\n{text}"):
            from bot.core.analysis.kk_rules import analyze_kazakh_arabic

            return analyze_kazakh_arabic(title, text, rules), False
    if detected == "kk" and is_latin(f"{title}\n{text}"):
        from bot.core.analysis.kk_rules import analyze_kazakh_latin

        return analyze_kazakh_latin(title, text, rules), False
    if detected in ("ru", "kk"):
        from bot.core.analysis.russian import analyze_cyrillic

        return analyze_cyrillic(title, text, detected, rules), True
    return Analysis(arrest=False, protest=False, lang=detected, reasons=("language not supported",)), False
