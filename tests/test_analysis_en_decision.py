"""The English arrest decision on classes of report that look like custody and are not (and
the custody beside them that is), on sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import Analysis, RuleConfig


def analyse(text: str, title: str = "") -> Analysis:
    return analyze_english(title, text, RuleConfig())


RELEASES = [
    pytest.param(
        "Activist is free",
        "Activist Temir Sadykov is free. He was detained at a picket on May 3 and jailed for 15 days.",
        id="is-free",
    ),
    pytest.param(
        "",
        "Blogger Aruzhan Temirova is now free again after ten days in a detention centre for a rally.",
        id="free-again",
    ),
    pytest.param(
        "Journalist out of jail",
        "Journalist Bolat Ismailov is out of jail after serving his 10 days for a picket.",
        id="out-of-jail",
    ),
    pytest.param(
        "",
        "Latest news\nAuthorities freed blogger Aidos Kemelov on Sunday, his lawyer said. "
        "Kemelov was detained on May 3 over his posts and spent two weeks in custody.",
        id="short-first-line",
    ),
]


@pytest.mark.parametrize(("title", "text"), RELEASES)
def test_a_release_in_the_lead_is_no_new_custody(title, text):
    result = analyse(text, title)
    assert not result.arrest
    assert "negative:release" in result.reasons


# Reports that are no arrest alert, one class of look-alike each.
NOT_ARRESTS = [
    # an activist's killers tried: the civic word is the victim's
    pytest.param(
        "A court sentenced the killers of opposition politician Nurbek Saparov to 20 years in prison.", id="killers"
    ),
    pytest.param(
        "Police arrested two men suspected in the murder of a journalist, the interior ministry said.", id="murder"
    ),
    pytest.param(
        "The assassins of the opposition leader were jailed for life; the court heard they were paid $50,000.",
        id="assassins",
    ),
    # the press as a crime report's source or audience
    pytest.param(
        "Police arrested a man suspected of stealing a car, a journalist of the local channel reported.",
        id="press-source",
    ),
    pytest.param(
        "Police detained a man for stealing cattle, the district police chief told reporters on Monday.",
        id="press-audience",
    ),
    # weak civic words beside a crime
    pytest.param("Police detained a man who posted a video of himself driving drunk on social media.", id="drunk"),
    pytest.param(
        "Police detained a driver who hit a pedestrian and fled the scene; the video spread on social media.",
        id="pedestrian",
    ),
    pytest.param(
        "Police arrested six men after a brawl outside a bar; a video of it went viral on social media.", id="brawl"
    ),
    # words crime news uses too, alone: an operator decides
    pytest.param("Police detained a man who offered fake certificates on social media.", id="social-media"),
    pytest.param(
        "Police detained Marat Seitov, 34, who sold counterfeit watches through his Telegram channel.",
        id="named-seller",
    ),
    pytest.param(
        "Security officers detained the administrator of a Telegram channel that distributed pornography.",
        id="telegram-channel",
    ),
    # a yearly review, restricted freedom, a release by a replaced term
    pytest.param(
        "The rights bureau published its annual review: over the year more than 200 activists were detained.",
        id="annual-review",
    ),
    pytest.param(
        "The court sentenced activist Daniyar Omarov to two years of restricted freedom for his posts.",
        id="restricted-freedom",
    ),
    pytest.param(
        "Activist Yerzhan Tasov walked out of the penal colony after a court replaced his prison term with "
        "restricted freedom.",
        id="term-replaced",
    ),
    pytest.param(
        "In its annual report, the rights bureau listed the cases of blogger Marat Aliyev, jailed for five years, "
        "and activist Dana Serikova, sentenced to seven years for her posts.",
        id="review-names-past-cases",
    ),
    pytest.param(
        "The annual Freedom House report says that journalists such as Aigul Utepova were placed under house arrest.",
        id="annual-index-report",
    ),
    # custody ordered in absentia, refused or only threatened
    pytest.param(
        "A court sentenced exiled opposition blogger Aidos Sadykov to seven years in prison in absentia.", id="absentia"
    ),
    pytest.param(
        "The court refused to remand activist Yerlan Seitov in custody and fined him instead.", id="refused-remand"
    ),
    pytest.param(
        "The judge rejected the prosecutors' request to arrest journalist Dana Bekova for two months.",
        id="rejected-request",
    ),
    pytest.param(
        "Activist Yerlan Seitov faces up to 15 days of administrative arrest if found guilty.", id="faces-arrest"
    ),
    # a report that keeps to a crime, with a civic word elsewhere
    pytest.param(
        "A court jailed three prison guards for six years for the torture of inmates. "
        "The guards beat and tortured the men for hours, the court found; one of the torture victims "
        "had been detained after the January events.",
        id="crime-elsewhere",
    ),
]


@pytest.mark.parametrize("text", NOT_ARRESTS)
def test_look_alikes_are_no_arrest(text):
    result = analyse(text)
    assert not result.arrest
    assert "Nurbek Saparov" not in {d.name for d in result.detainees}


@pytest.mark.parametrize(
    "text",
    [
        "Police detained activist Serik Zhanov at a picket for free speech on Monday.",
        "Police detained journalist Ainur Kassymova in Almaty on Monday, her editor said.",
        "Police detained Serik Zhanov due to his Facebook posts criticising the akim, his wife said.",
        "A court jailed Sunni Muslim Bolat Seitov for five years for inciting religious discord in his talks.",
        "The anti-corruption service detained opposition journalist Kairat Nurlanov on Monday. "
        "He had reported on the governor's spending for years, his newspaper said.",
    ],
)
def test_custody_next_to_those_classes_is_still_news(text):
    assert analyse(text).arrest


def test_a_sentence_with_only_a_term_is_custody():
    result = analyse("The court sentenced activists Daniyar Omarov and Serik Bekov to seven years each for the rally.")
    assert result.arrest
    assert {d.name: d.term for d in result.detainees} == {"Daniyar Omarov": "7 years", "Serik Bekov": "7 years"}


def test_the_reasons_name_the_class():
    assert "negative:crime" in analyse(NOT_ARRESTS[5].values[0]).reasons
    assert "negative:review" in analyse(NOT_ARRESTS[11].values[0]).reasons
    weak = analyse(NOT_ARRESTS[8].values[0])
    assert "civic (weak):social media" in weak.reasons and weak.score < 0.5


def test_names_listed_right_after_a_counted_group_share_its_term():
    result = analyse(
        "A court jailed three activists for 10 days. They are Yerlan Seitov, Marat Zhumabayev and Daniyar Ospanov."
    )
    assert {d.name: d.term for d in result.detainees} == {
        "Yerlan Seitov": "10 days",
        "Marat Zhumabayev": "10 days",
        "Daniyar Ospanov": "10 days",
    }
    lawyer = analyse("A court jailed three activists for 10 days. They were defended by lawyer Aiman Umarova.")
    assert not lawyer.detainees
