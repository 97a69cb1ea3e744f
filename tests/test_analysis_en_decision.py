"""The English arrest decision on classes of report that look like custody and are not (and
one that is), on sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.analysis.english import analyze_english
from bot.analysis.result import Analysis, RuleConfig


def analyse(text: str, title: str = "") -> Analysis:
    return analyze_english(title, text, RuleConfig())


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Activist is free",
            "Activist Temir Sadykov is free. He was detained at a picket on May 3 and jailed for 15 days.",
        ),
        ("", "Blogger Aruzhan Temirova is now free again after ten days in a detention centre for a rally."),
        ("Journalist out of jail", "Journalist Bolat Ismailov is out of jail after serving his 10 days for a picket."),
    ],
)
def test_a_release_in_the_lead_is_no_new_custody(title, text):
    result = analyse(text, title)
    assert not result.arrest
    assert "negative:release" in result.reasons


def test_free_to_go_or_free_speech_is_no_release():
    result = analyse("Police detained activist Serik Zhanov at a picket for free speech on Monday.")
    assert result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "A court sentenced the killers of opposition politician Nurbek Saparov to 20 years in prison.",
        "Police arrested two men suspected in the murder of a journalist, the interior ministry said.",
        "The assassins of the opposition leader were jailed for life; the court heard they were paid $50,000.",
    ],
)
def test_the_trial_of_an_activists_killers_is_crime_news(text):
    result = analyse(text)
    assert not result.arrest
    assert "Nurbek Saparov" not in {d.name for d in result.detainees}


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a man suspected of stealing a car, a journalist of the local channel reported.",
        "Police detained a man for stealing cattle, the district police chief told reporters on Monday.",
    ],
)
def test_the_press_as_source_or_audience_is_not_civic_context(text):
    assert not analyse(text).arrest


def test_a_journalist_who_is_detained_is_civic_context():
    result = analyse("Police detained journalist Ainur Kassymova in Almaty on Monday, her editor said.")
    assert result.arrest


def test_social_media_beside_drunk_driving_is_crime_news():
    result = analyse("Police detained a man who posted a video of himself driving drunk on social media.")
    assert not result.arrest
    assert "negative:crime" in result.reasons


def test_an_annual_review_of_past_cases_is_no_alert():
    result = analyse(
        "The rights bureau published its annual review: over the year more than 200 activists were detained."
    )
    assert not result.arrest
    assert "negative:review" in result.reasons


def test_a_sentence_with_only_a_term_is_custody():
    result = analyse("The court sentenced activists Daniyar Omarov and Serik Bekov to seven years each for the rally.")
    assert result.arrest
    assert {d.name: d.term for d in result.detainees} == {"Daniyar Omarov": "7 years", "Serik Bekov": "7 years"}


def test_a_sentence_to_restricted_freedom_stays_no_custody():
    result = analyse("The court sentenced activist Daniyar Omarov to two years of restricted freedom for his posts.")
    assert not result.arrest


def test_the_anti_corruption_service_is_the_agency_not_the_crime():
    result = analyse(
        "The anti-corruption service detained opposition journalist Kairat Nurlanov on Monday. "
        "He had reported on the governor's spending for years, his newspaper said."
    )
    assert result.arrest


def test_a_short_first_line_is_the_headline_of_an_untitled_report():
    result = analyse(
        "Latest news\nAuthorities freed blogger Aidos Kemelov on Sunday, his lawyer said. "
        "Kemelov was detained on May 3 over his posts and spent two weeks in custody."
    )
    assert not result.arrest
    assert "negative:release" in result.reasons


def test_a_report_that_keeps_to_a_crime_is_crime_news_though_a_civic_word_is_elsewhere():
    result = analyse(
        "A court jailed three prison guards for six years for the torture of inmates. "
        "The guards beat and tortured the men for hours, the court found; one of the torture victims "
        "had been detained after the January events."
    )
    assert not result.arrest


@pytest.mark.parametrize(
    "text",
    [
        "Police detained a driver who hit a pedestrian and fled the scene; the video spread on social media.",
        "Police arrested six men after a brawl outside a bar; a video of it went viral on social media.",
    ],
)
def test_traffic_crimes_and_brawls_beside_social_media_are_crime_news(text):
    assert not analyse(text).arrest


def test_leaving_a_colony_after_a_term_replaced_is_a_release():
    result = analyse(
        "Activist Yerzhan Tasov walked out of the penal colony after a court replaced his prison term with "
        "restricted freedom."
    )
    assert not result.arrest
