"""The learned term chooser: the features it reads, the arithmetic of its weights, and what the
shipped weights do with reports of our own writing.

Small models are built here by hand (the JSON shape bench/train_terms.py writes), so each
test knows the sums it checks. The rules' terms are given by hand too, wrong on purpose
where a test asks whether the weights overturn them.
"""

from __future__ import annotations

import json
import math

from bot.core.analysis.result import Analysis, Detainee
from bot.core.analysis.term_chooser import (
    TermModel,
    change_kind,
    choose,
    choose_terms,
    shipped_model,
    stack_features,
)
from bot.core.analysis.term_features import candidates, person_words, read_document

GROUP = (
    "Three activists jailed in Shymkent",
    "A district court in Shymkent on Tuesday sentenced Marat Dosanov, Erlan Kuspekov and Timur Sagyndyk "
    "to ten days of administrative arrest each for joining an unsanctioned rally. Their lawyer said they "
    "would appeal.",
)
TWO_TERMS = (
    "Two journalists sentenced",
    "The court sentenced editor Ruslan Temirov to seven years in prison, while his deputy Gulnara Abenova "
    "received three years.",
)
FINED = (
    "",
    "Police detained the editor Ruslan Temirov and the cameraman Askar Beisenov in Almaty on Friday. "
    "Temirov was sentenced to 12 days of administrative arrest; Beisenov was fined and released.",
)
ALIGNED = "A judge sentenced Aslan Omarov to five years, Bekzat Nurlanov to seven years and Daniyar Seitov to nine."
RU_TWO_TERMS = (
    "Журналисты осуждены",
    "Суд приговорил редактора Ивана Петренко к семи годам лишения свободы. Его заместитель Олег "
    "Сидоренко получил три года колонии.",
)


def _analysis(lang: str, *people: tuple[str, str | None]) -> Analysis:
    return Analysis(arrest=True, protest=True, lang=lang, detainees=tuple(Detainee(n, t) for n, t in people))


def _terms(result: Analysis) -> list[str | None]:
    return [d.term for d in result.detainees]


def _model(text: dict[str, float], stack: dict[str, float], *, margin: float = 0.0, swap: float = 0.0) -> TermModel:
    part = {
        "margins": {"add": margin, "drop": margin, "swap": swap},
        "text": {"intercept": -0.5, "weights": text},
        "stack": {"intercept": 0.25, "weights": stack},
    }
    return TermModel.from_json(json.dumps({"languages": {"en": part}}))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# --- features -----------------------------------------------------------------------------


def test_the_document_holds_every_custodial_term_with_its_sentence() -> None:
    document = read_document(*TWO_TERMS, "en")
    assert [(m.term, m.sentence) for m in document.mentions] == [("7 years", 1), ("3 years", 1)]
    russian = read_document(*RU_TWO_TERMS, "ru")
    assert [(m.term, m.sentence) for m in russian.mentions] == [("7 years", 1), ("3 years", 2)]


def test_a_name_is_found_in_its_inflected_forms() -> None:
    document = read_document(*RU_TWO_TERMS, "ru")
    # "Ивана Петренко" (genitive) is the nominative "Иван Петренко"
    assert [document.words[k] for k in person_words(document, "Иван Петренко")] == ["ивана", "петренко"]
    # a two-letter name word must be the whole word ("Mu", not "must")
    short = read_document("", "The court jailed Mr. Mu. Officers must not say more.", "en")
    assert [short.words[k] for k in person_words(short, "Mu Chuan")] == ["mu"]


def test_each_stated_term_and_no_term_are_candidates() -> None:
    document = read_document(*TWO_TERMS, "en")
    found = dict(candidates(document, "Gulnara Abenova", ["Ruslan Temirov"]))
    assert set(found) == {"7 years", "3 years", None}
    own, other = found["3 years"], found["7 years"]
    assert own["term_after"] == 1.0 and own["sentences=0"] == 1.0
    assert other["term_before"] == 1.0 and other.get("other_nearer") == 1.0
    # a detainee's name reads as who it is, never as the name
    assert "pre:<other>" in other and not any("temir" in name for name in other)
    assert found[None]["none"] == 1.0


def test_a_list_of_people_and_a_list_of_terms_read_in_step() -> None:
    document = read_document("", ALIGNED, "en")
    found = dict(candidates(document, "Bekzat Nurlanov", ["Aslan Omarov", "Daniyar Seitov"]))
    assert found["7 years"].get("aligned") == 1.0
    assert found["5 years"].get("misaligned") == 1.0 and found["9 years"].get("misaligned") == 1.0


def test_the_rules_term_is_a_candidate_even_where_the_parser_finds_none() -> None:
    document = read_document("", "Activist Serik Aliyev remains in custody.", "en")
    found = dict(candidates(document, "Serik Aliyev", [], extra="2 months"))
    assert found["2 months"]["term_not_stated"] == 1.0


# --- arithmetic ---------------------------------------------------------------------------


def test_the_text_logit_is_the_intercept_plus_the_weights_present() -> None:
    model = _model({"term": 1.5, "gap=2": 0.75, "pre:sente": 2.0}, {"text": 1.0})
    features = {"term": 1.0, "gap=2": 1.0, "unknown": 1.0}
    assert math.isclose(model.text_logit("en", features), -0.5 + 1.5 + 0.75)


def test_the_stack_weighs_the_text_logit_and_the_rules_choice() -> None:
    model = _model({}, {"text": 2.0, "rules": 1.0, "none": -0.5, "rules_none": 0.125})
    assert math.isclose(model.probability("en", "3 years", 0.5, "3 years"), _sigmoid(0.25 + 1.0 + 1.0))
    assert math.isclose(model.probability("en", None, 0.5, "3 years"), _sigmoid(0.25 + 1.0 - 0.5))
    assert math.isclose(model.probability("en", None, 0.5, None), _sigmoid(0.25 + 1.0 - 0.5 + 1.0 + 0.125))
    # a logit past the limit says nothing more
    assert stack_features("1 year", 50.0, None)["text"] == stack_features("1 year", 8.0, None)["text"]


def test_a_candidate_must_beat_the_rules_by_the_margin() -> None:
    found: list[tuple[str | None, dict[str, float]]] = [("3 years", {"good": 1.0}), (None, {})]
    weights = {"good": 3.0}
    # sigmoid(0.25 + 2.5) ≈ 0.94 against sigmoid(0.25 - 0.5) ≈ 0.44 for no term (the rules')
    assert choose(_model(weights, {"text": 1.0}), "en", found, None) == "3 years"
    assert choose(_model(weights, {"text": 1.0}, margin=0.6), "en", found, None) is None
    # the rules' choice weighs too: enough of it keeps their term
    assert choose(_model(weights, {"text": 1.0, "rules": 4.0}), "en", found, None) is None


def test_each_kind_of_change_has_its_own_margin() -> None:
    found: list[tuple[str | None, dict[str, float]]] = [("3 years", {"good": 1.0}), ("5 years", {}), (None, {})]
    weights = {"good": 3.0}
    assert choose(_model(weights, {"text": 1.0}), "en", found, "5 years") == "3 years"
    assert choose(_model(weights, {"text": 1.0}, swap=1.0), "en", found, "5 years") == "5 years"  # a swap: never
    assert choose(_model(weights, {"text": 1.0}, swap=1.0), "en", found, None) == "3 years"  # an addition
    assert [change_kind(None, "1 year"), change_kind("1 year", None), change_kind("1 year", "2 years")] == [
        "add",
        "drop",
        "swap",
    ]


def test_a_changed_term_is_recorded_in_the_reasons() -> None:
    model = _model({"term": 4.0}, {"text": 1.0})
    result = choose_terms(_analysis("en", ("Ruslan Temirov", None), ("Gulnara Abenova", None)), *TWO_TERMS, model)
    assert all(term is not None for term in _terms(result))
    assert result.reasons[-1] == "terms:learned 2"


def test_a_language_without_weights_keeps_the_rules_terms() -> None:
    model = _model({"term": 4.0}, {"text": 1.0})
    given = _analysis("ru", ("Иван Петренко", None))
    assert choose_terms(given, *RU_TWO_TERMS, model) is given


# --- the shipped weights --------------------------------------------------------------------


def _family(name: str) -> str:
    head = name.split("=", 1)[0]
    return head.split(":", 1)[0] + ":" if head.startswith(("pre:", "post:", "btw:")) else head


def test_the_shipped_weights_name_features_the_module_builds() -> None:
    model = shipped_model()
    # Russian is not shipped: on rounds held out it changed 4 terms of 418 for the better and
    # lowered Russian (name, term) F1 on validation (.730 → .713).
    assert set(model.languages) == {"en"}
    reports = [
        (GROUP, "en", ["Marat Dosanov", "Erlan Kuspekov", "Timur Sagyndyk"]),
        (TWO_TERMS, "en", ["Ruslan Temirov", "Gulnara Abenova", "Nobody Named"]),
        (FINED, "en", ["Ruslan Temirov", "Askar Beisenov"]),
        (
            ("Bekzat Nurlanov jailed for seven years", ALIGNED),
            "en",
            ["Aslan Omarov", "Bekzat Nurlanov", "Daniyar Seitov"],
        ),
        (RU_TWO_TERMS, "ru", ["Иван Петренко", "Олег Сидоренко"]),
        (("Blogger Aidos Nurpeisov jailed for 15 days", "Police held him on Monday."), "en", ["Aidos Nurpeisov"]),
    ]
    built: set[str] = set()
    for (title, text), lang, people in reports:
        document = read_document(title, text, lang)
        for k, name in enumerate(people):
            for _, features in candidates(document, name, people[:k] + people[k + 1 :], "1 year"):
                built |= {_family(n) for n in features}
    for lang, part in model.languages.items():
        unknown = {_family(n) for n in part.text_weights} - built
        assert not unknown, f"{lang}: weights for features the module does not build: {unknown}"
        assert set(part.stack_weights) == set(stack_features(None, 0.0, None))


def test_a_group_term_stated_once_reaches_every_member() -> None:
    given = _analysis("en", ("Marat Dosanov", "10 days"), ("Erlan Kuspekov", None), ("Timur Sagyndyk", None))
    result = choose_terms(given, *GROUP)
    assert _terms(result) == ["10 days", "10 days", "10 days"]
    assert "terms:learned 2" in result.reasons


def test_the_term_of_another_person_is_not_copied() -> None:
    # Where the rules gave none: the person's own term, not the other's, or none at all.
    missing = _analysis("en", ("Ruslan Temirov", "7 years"), ("Gulnara Abenova", None))
    assert _terms(choose_terms(missing, *TWO_TERMS)) == ["7 years", "3 years"]
    fined = _analysis("en", ("Ruslan Temirov", "12 days"), ("Askar Beisenov", None))
    assert _terms(choose_terms(fined, *FINED)) == ["12 days", None]
    # A language without weights keeps the rules' terms.
    russian = _analysis("ru", ("Иван Петренко", "7 years"), ("Олег Сидоренко", None))
    assert choose_terms(russian, *RU_TWO_TERMS) is russian
    # Swapping one stated term for another broke more than it fixed on held-out rounds: the
    # shipped weights never swap, whatever the words say.
    copied = _analysis("en", ("Ruslan Temirov", "7 years"), ("Gulnara Abenova", "7 years"))
    assert choose_terms(copied, *TWO_TERMS) is copied


def test_terms_the_rules_got_right_are_kept() -> None:
    given = _analysis("en", ("Ruslan Temirov", "7 years"), ("Gulnara Abenova", "3 years"))
    assert choose_terms(given, *TWO_TERMS) is given
