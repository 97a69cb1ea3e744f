"""The learned decision stage: how the weights are applied, where they may act and where not.

Small models are built here by hand (the JSON shape bench/train_decision.py writes), so each
test knows the arithmetic it checks; the shipped weights are checked for shape and on plain
reports of our own writing in the three languages.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from bot.core.analysis import analyze
from bot.core.analysis.decision import DecisionModel, consults_model, decide, shipped_model
from bot.core.analysis.decision_features import LANGUAGES, LOGIT_LIMIT, stack_features, text_terms
from bot.core.analysis.result import Analysis, Detainee, RuleConfig


def _model(
    terms: dict[str, list[float]],
    *,
    text_intercept: float = 0.0,
    stack: dict[str, float] | None = None,
    offsets: dict[str, float] | None = None,
    guards: dict[str, float] | None = None,
) -> DecisionModel:
    weights = stack if stack is not None else {"rules_score": 4.0, "text": 1.0}
    # The same words model for every language, so each test's arithmetic holds whatever the report's language.
    text = {lang: {"intercept": text_intercept, "terms": terms} for lang in LANGUAGES}
    data = {
        "text": text,
        "stack": {"intercept": -2.0, "weights": weights, "offsets": offsets or {}, "guards": guards or {}},
    }
    return DecisionModel.from_json(json.dumps(data))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_terms_are_word_stems_and_adjacent_pairs() -> None:
    assert text_terms("Blogger detained", "Police held him") == [
        "blogg", "detai", "polic", "held", "him",
        "blogg detai", "detai polic", "polic held", "held him",
    ]  # fmt: skip
    # Cyrillic is cut the same way, so inflected forms share a stem.
    assert text_terms("", "задержали задержанного")[:2] == ["задер", "задер"]


def test_text_logit_is_binary_tfidf_with_l2_norm() -> None:
    model = _model({"jaile": [2.0, 1.5], "rally": [1.0, 0.5], "jaile rally": [3.0, -1.0]}, text_intercept=-0.25)
    # "jailed" twice counts once (binary); "after" is not in the vocabulary.
    logit = model.text_logit("en", "", "Jailed after rally. Jailed again")
    norm = math.sqrt(2.0**2 + 1.0**2)  # the pair "jaile rally" never occurs: "after" lies between
    assert logit == pytest.approx(-0.25 + (2.0 * 1.5 + 1.0 * 0.5) / norm)
    paired = model.text_logit("en", "", "jailed rally")
    assert paired == pytest.approx(-0.25 + (3.0 + 0.5 - 3.0) / math.sqrt(4.0 + 1.0 + 9.0))
    assert model.text_logit("en", "", "nothing known here") == -0.25


def test_stack_features_clip_the_words_and_cross_them_with_the_language() -> None:
    features = stack_features("kk", True, 0.75, 40.0)
    assert features["text"] == LOGIT_LIMIT and features["text*kk"] == LOGIT_LIMIT
    assert features["text*ru"] == 0.0 and features["lang=kk"] == 1.0 and features["rules"] == 1.0


def test_words_can_raise_a_doubtful_report_to_an_arrest() -> None:
    doubtful = Analysis(arrest=False, protest=False, lang="en", score=0.4, detainees=(Detainee("Dana Serik"),))
    model = _model({"picke": [1.0, 5.0]})
    result = decide(doubtful, "", "Detained at a picket", model)
    expected = _sigmoid(-2.0 + 4.0 * 0.4 + 5.0)
    assert result.arrest and result.score == round(expected, 3)
    assert result.detainees == (Detainee("Dana Serik"),)
    assert result.reasons[-1].startswith("learned:")


def test_words_never_drop_a_report_the_rules_would_post_below_review() -> None:
    posted = Analysis(arrest=True, protest=False, lang="ru", score=0.8, detainees=(Detainee("Иван Петров", "15 days"),))
    model = _model({"кража": [1.0, -50.0]})
    result = decide(posted, "", "кража", model)
    # At worst the operators see it (the review band), with its people.
    assert not result.arrest and result.score == 0.35
    assert result.detainees == (Detainee("Иван Петров", "15 days"),)


def test_a_weak_rules_score_with_crime_words_falls_below_review_and_loses_its_people() -> None:
    weak = Analysis(arrest=False, protest=False, lang="kk", score=0.2, detainees=())
    result = decide(weak, "", "ұрлық", _model({"ұрлық": [1.0, -3.0]}))
    assert result.score < 0.35 and not result.arrest and result.detainees == ()


def test_words_never_raise_a_release() -> None:
    """A release is told in arrest words; its people go to the release follow-up instead."""
    release = Analysis(arrest=False, protest=False, lang="ru", score=0.3, reasons=("negative:release (вышел)",))
    result = decide(release, "", "активист арестован", _model({"актив": [1.0, 9.0]}))
    assert result.score == 0.3 and not result.arrest


@pytest.mark.parametrize(
    "result",
    [
        Analysis(arrest=False, protest=False, lang="en", score=0.0, reasons=("no custody words",)),
        Analysis(arrest=False, protest=False, lang="und", score=0.6),
        Analysis(arrest=True, protest=False, lang="ru", score=0.9, reasons=("watchlist:Иван Петров",)),
        Analysis(arrest=False, protest=False, lang="kk", score=0.1, reasons=("excluded:ереуіл",)),
    ],
)
def test_the_stage_leaves_alone_what_it_must_not_judge(result: Analysis) -> None:
    """News the pre-pass stopped, languages without weights, and operators' own rules."""
    assert not consults_model(result)
    assert decide(result, "", "anything", _model({"anyth": [1.0, 9.0]})) is result


def test_operator_exclusion_is_not_overruled_end_to_end() -> None:
    text = "Police detained activist Daniyar Ospanov at a peaceful rally in Almaty; he was jailed for 10 days."
    rules = RuleConfig(exclude_keywords={"en": ("peaceful rally",)})
    result = analyze("", text, "en", rules)
    assert not result.arrest and not any(r.startswith("learned:") for r in result.reasons)


def test_latin_script_kazakh_is_left_to_the_rules() -> None:
    # The weights know Cyrillic and English words only.
    result = analyze("", "Belsendi Nurlan Sapar mitingten keiin 15 täulikke qamaldy.")
    assert not any(r.startswith("learned:") for r in result.reasons)


def test_the_shipped_weights_fit_the_features_the_stage_builds() -> None:
    model = shipped_model()
    assert set(model.stack_weights) == set(stack_features("en", True, 0.5, 0.0))
    # A words model for each language the stage reads, each with a real vocabulary.
    assert set(model.text) == set(LANGUAGES)
    for words in model.text.values():
        assert len(words.idf_weight) > 1000 and all(v > 0 for v in words.idf_squared.values())


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Activist jailed",
            "A court in Almaty jailed activist Daniyar Ospanov for 15 days for joining a peaceful rally.",
        ),
        ("", "Суд в Алматы арестовал активиста Данияра Оспанова на 15 суток за участие в мирном митинге."),
        ("", "Алматы соты белсенді Данияр Оспановты бейбіт митингке қатысқаны үшін 15 тәулікке қамады."),
    ],
)
def test_a_plain_political_arrest_stays_an_arrest(title: str, text: str) -> None:
    result = analyze(title, text)
    assert result.arrest and any(r.startswith("learned:") for r in result.reasons)
    assert result.detainees and result.detainees[0].term == "15 days"


def test_a_language_offset_moves_its_threshold_to_one_half() -> None:
    """A language whose threshold is 0.4 posts at 0.4: its log-odds are shifted by -logit(0.4)."""
    doubtful = Analysis(arrest=False, protest=False, lang="kk", score=0.3, detainees=(Detainee("Ерлан Қасымов"),))
    terms = {"белсе": [1.0, 0.6]}
    plain = decide(doubtful, "", "белсенді", _model(terms))
    shifted = decide(doubtful, "", "белсенді", _model(terms, offsets={"kk": -math.log(0.4 / 0.6)}))
    assert not plain.arrest and plain.score == round(_sigmoid(-2.0 + 4.0 * 0.3 + 0.6), 3)
    assert shifted.arrest and shifted.score == round(_sigmoid(-0.2 - math.log(0.4 / 0.6)), 3)
    # Only the language the offset names moves.
    assert not decide(replace(doubtful, lang="ru"), "", "белсенді", _model(terms, offsets={"kk": 1.0})).arrest


def test_a_guarded_language_keeps_the_alerts_its_rules_are_sure_of() -> None:
    sure = Analysis(arrest=True, protest=False, lang="kk", score=0.75, detainees=(Detainee("Ерлан Қасымов"),))
    terms = {"ұрлық": [1.0, -3.0]}
    assert not decide(sure, "", "ұрлық", _model(terms)).arrest
    guarded = decide(sure, "", "ұрлық", _model(terms, guards={"kk": 0.75}))
    assert guarded.arrest and guarded.detainees == (Detainee("Ерлан Қасымов"),)
    assert not decide(sure, "", "ұрлық", _model(terms, guards={"kk": 0.8})).arrest


def test_too_few_known_words_leave_the_rules_verdict() -> None:
    """A one-line post is not what the words were learnt from: the rules decide it alone."""
    sure = Analysis(arrest=True, protest=False, lang="kk", score=0.75, detainees=(Detainee("Ерлан Қасымов"),))
    data = json.loads(
        json.dumps(
            {
                "min_known_terms": 2,
                "text": {
                    lang: {"intercept": 0.0, "terms": {"ұрлық": [1.0, -9.0], "ұстад": [1.0, 0.0]}} for lang in LANGUAGES
                },
            }
        )
    )
    data["stack"] = {"intercept": -2.0, "weights": {"rules_score": 4.0, "text": 1.0}}
    model = DecisionModel.from_json(json.dumps(data))
    short = decide(sure, "", "ұрлық", model)
    assert short.arrest and short.score == 0.75 and short.reasons[-1].startswith("learned:none (1 known words")
    assert not decide(sure, "", "ұрлық ұстады", model).arrest


def test_the_shipped_model_leaves_one_line_posts_to_the_rules() -> None:
    model = shipped_model()
    assert model.min_known_terms >= 10
    result = analyze("", "Полиция белсенді Ерлан Қасымовты ұстады.", "kk")
    assert result.reasons[-1].startswith("learned:none")
