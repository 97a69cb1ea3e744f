"""The English rules, one family at a time, on sentences written for these tests."""

from __future__ import annotations

import io
import json

import pytest

from bot.core.analysis.en_terms import find_charge, find_date, find_terms
from bot.core.analysis.english import analyze_english, split_sentences
from bot.core.analysis.jsonl import run_jsonl
from bot.core.analysis.result import Analysis, RuleConfig

NO_RULES = RuleConfig()


def analyse(text: str, title: str = "", rules: RuleConfig = NO_RULES) -> Analysis:
    return analyze_english(title, text, rules)


def people(result: Analysis) -> dict[str, str | None]:
    return {d.name: d.term for d in result.detainees}


# --- the contract -------------------------------------------------------------------


def test_arrest_is_exactly_score_at_least_half():
    texts = [
        "Police in Almaty detained blogger Daulet Serikbayev on Monday after he streamed a picket.",
        "The finance ministry published its budget forecast for the next year.",
        "Police seized two kilograms of heroin and detained a courier in Shymkent.",
    ]
    for text in texts:
        result = analyse(text)
        assert result.arrest == (result.score >= 0.5)
        assert result.lang == "en"
        assert result.reasons


def test_unrelated_news_returns_from_the_keyword_pass():
    result = analyse("The national bank kept its base rate at 14.75 percent, citing slower inflation.")
    assert not result.arrest and result.score == 0.0
    assert result.reasons == ("no custody words",)


# --- custody and civic context ----------------------------------------------------------


def test_role_before_name_with_term_place_and_date():
    result = analyse(
        "On 14 March 2024 a court in Shymkent sentenced activist Yerbol Tanatarov to 10 days in jail "
        "for an unsanctioned rally outside the city hall."
    )
    assert result.arrest and result.protest
    assert people(result) == {"Yerbol Tanatarov": "10 days"}
    assert result.place == "Shymkent"
    assert result.detained_on == "2024-03-14"
    assert any(r.startswith("custody:") for r in result.reasons)
    assert any(r.startswith("civic:") for r in result.reasons)
    assert result.evidence and len(result.evidence[0]) <= 400


def test_role_after_name_appositive():
    result = analyse(
        "Aruzhan Kenesova, a journalist with an independent news site, was detained in Aktau on Tuesday. "
        "Her lawyer, Timur Baimukhanov, said she was taken to a police station."
    )
    assert result.arrest
    assert people(result) == {"Aruzhan Kenesova": None}
    assert result.place == "Aktau"


def test_several_names_with_different_terms_in_one_sentence():
    result = analyse(
        "The court jailed opposition supporter Nurlan Abenov for 12 days and handed Gaukhar Temirova "
        "five days for joining the protest march."
    )
    assert people(result) == {"Nurlan Abenov": "12 days", "Gaukhar Temirova": "5 days"}


def test_list_of_names_shares_one_term_and_each():
    result = analyse(
        "A district court sentenced protesters Arman Zhakupov, Saule Omarova and Daniyar Kassym to 20 days "
        "of administrative arrest. Two more demonstrators, Bolat Iskakov and Aigul Mustafina, got 7 days each."
    )
    assert people(result) == {
        "Arman Zhakupov": "20 days",
        "Saule Omarova": "20 days",
        "Daniyar Kassym": "20 days",
        "Bolat Iskakov": "7 days",
        "Aigul Mustafina": "7 days",
    }


def test_were_detained_list_and_among_those_detained():
    result = analyse(
        "Yerzhan Nurov and Madina Sadykova were detained as they unfolded a banner in Astana. "
        "Among those held by police was also rights defender Kuanysh Ospanov."
    )
    assert set(people(result)) == {"Yerzhan Nurov", "Madina Sadykova", "Kuanysh Ospanov"}


def test_word_numbers_and_hyphenated_terms():
    result = analyse(
        "Blogger Samat Kudaibergen was handed a twelve-day jail sentence over a video about the strike, "
        "while poet Erlan Zhunusov was sentenced to fifteen days."
    )
    assert people(result) == {"Samat Kudaibergen": "12 days", "Erlan Zhunusov": "15 days"}


def test_weeks_become_days_and_years_with_months_become_months():
    assert [t.term for t in find_terms("he was jailed for two weeks")] == ["14 days"]
    assert [t.term for t in find_terms("sentenced to three years and six months in prison")] == ["42 months"]
    assert [t.term for t in find_terms("sentenced to 2 1/2 years in a penal colony")] == ["30 months"]
    result = analyse(
        "A court in Oral sentenced civic activist Marat Baimagambetov to four years and three months in "
        "prison for posts criticising the governor."
    )
    assert people(result) == {"Marat Baimagambetov": "51 months"}


def test_durations_that_are_not_terms():
    assert find_terms("he was detained three days ago") == []
    assert find_terms("they could face administrative arrest of up to 15 days") == []
    assert find_terms("she was barred from public activity for five years") == []
    assert find_terms("sentenced to two years of restricted freedom") == []
    assert find_terms("held incommunicado for more than two weeks") == []


def test_surname_and_pronoun_references_resolve_to_the_full_name():
    result = analyse(
        "A Kazakh court has sentenced an opposition blogger to three years in prison. "
        "Kairat Dosmagambetov ran a channel criticising local officials. "
        "Dosmagambetov was arrested in the spring and pleaded not guilty."
    )
    assert people(result) == {"Kairat Dosmagambetov": "3 years"}


def test_house_arrest_and_pretrial_detention():
    result = analyse(
        "A court in Astana placed trade union leader Saltanat Mukhanova under house arrest for two months "
        "on charges of inciting social discord."
    )
    assert result.arrest
    assert people(result) == {"Saltanat Mukhanova": "2 months"}
    assert result.charge and "inciting social discord" in result.charge


def test_charge_article_canonical():
    sentences = ["She was jailed under Article 488, part 6 of the Code of Administrative Offences."]
    assert find_charge(sentences) == "Article 488 of the Administrative Code"
    assert (
        find_charge(["He is accused under Article 174 of the Criminal Code of inciting discord."])
        == "Article 174 of the Criminal Code"
    )


def test_titles_places_parties_and_months_are_not_people():
    result = analyse(
        "Police in Almaty detained members of the unregistered Adilet Zholy party on 5 May, and "
        "President Timur Zhanuzakov's spokesman said the rally was illegal. Activist Nargiz Aliyeva "
        "was among those detained near Republic Square."
    )
    assert people(result) == {"Nargiz Aliyeva": None}


def test_unnamed_but_counted_custody_is_an_arrest_without_names():
    result = analyse(
        "Police detained dozens of protesters in Zhanaozen on Saturday as oil workers rallied for higher wages."
    )
    assert result.arrest and result.protest
    assert result.detainees == ()


# --- negatives ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,reason",
    [
        (
            "Police in Karaganda detained a 29-year-old man with three kilograms of synthetic drugs intended "
            "for sale, the interior ministry said.",
            "negative:drugs",
        ),
        (
            "The anti-corruption agency arrested the deputy governor of Kostanay region on suspicion of "
            "taking a bribe of 40 million tenge.",
            "negative:corruption",
        ),
        ("Two men were detained in Taraz on suspicion of stealing cattle from a farm.", "negative:crime"),
    ],
)
def test_ordinary_crime_is_not_an_arrest_alert(text, reason):
    result = analyse(text)
    assert not result.arrest
    assert reason in result.reasons


def test_fine_only_is_not_an_arrest_and_fined_people_are_not_detainees():
    result = analyse(
        "A court in Semey fined activists Asel Bekova and Ruslan Tolegenov 100,000 tenge each for "
        "holding a picket against the new dam."
    )
    assert not result.arrest and result.protest
    mixed = analyse(
        "The court jailed activist Zhanat Omarov for 10 days. Two other picketers, Dina Sultanova and "
        "Askar Ibrayev, were fined."
    )
    assert people(mixed) == {"Zhanat Omarov": "10 days"}


def test_summons_and_questioning_are_not_arrests():
    result = analyse(
        "Journalist Lyazzat Akhmetova was summoned to the police for questioning over her "
        "report on the land protests in Atyrau."
    )
    assert not result.arrest


def test_release_is_not_an_arrest():
    result = analyse(
        "Opposition activist Berik Zhaksylykov was released from prison on Friday after serving four years. "
        "He had been sentenced to four years in prison in 2020 for supporting a banned movement.",
        title="Kazakh activist freed after four years",
    )
    assert not result.arrest
    assert "negative:release" in result.reasons


def test_restricted_freedom_is_not_custody():
    result = analyse(
        "A court in Pavlodar sentenced activist Gulnara Zhaksybekova to two years of restricted freedom "
        "for links to a banned opposition movement. She was also barred from social media for three years."
    )
    assert not result.arrest
    assert result.detainees == ()


def test_commentary_without_specific_custody_is_not_an_arrest():
    result = analyse(
        "Rights groups say the authorities have jailed many government critics over the last decade and "
        "continue to use vague extremism charges against journalists."
    )
    assert not result.arrest
    assert {"negative:commentary", "negative:review"} & set(result.reasons)


def test_an_attempted_detention_is_not_custody():
    result = analyse("Police tried to detain reporter Nurbol Sadvakasov at the rally but he walked away.")
    assert "Nurbol Sadvakasov" not in people(result)


# --- operator rules -------------------------------------------------------------------


def test_extra_keywords_add_custody_vocabulary():
    text = "Activist Zhanibek Sarsenov disappeared after men in plain clothes pushed him into a car near a picket in Taraz on Monday."
    assert not analyse(text).arrest
    rules = RuleConfig(extra_keywords={"en": ("disappeared", "pushed him into a car")})
    result = analyse(text, rules=rules)
    assert result.arrest
    assert "extra:disappeared" in result.reasons
    assert people(result) == {"Zhanibek Sarsenov": None}


def test_exclude_keywords_force_no_arrest():
    text = "Police detained activist Roza Akylbekova at a rally in Almaty on Sunday."
    result = analyse(text, rules=RuleConfig(exclude_keywords={"*": ("rally",)}))
    assert not result.arrest and result.score < 0.5
    assert "excluded:rally" in result.reasons


def test_watchlist_flags_any_arrest_like_mention():
    text = "Businessman Kanat Seitov was detained in Atyrau on suspicion of fraud, police said on Monday."
    assert not analyse(text).arrest
    result = analyse(text, rules=RuleConfig(watchlist=("Kanat Seitov",)))
    assert result.arrest
    assert "watchlist:Kanat Seitov" in result.reasons
    assert "Kanat Seitov" in people(result)


# --- sentences and dates --------------------------------------------------------------


def test_hard_line_breaks_inside_sentences_are_joined():
    sentences = split_sentences(
        "", "The blogger was among five people\nbriefly detained at the rally.\nPolice said nothing."
    )
    assert sentences == ["The blogger was among five people briefly detained at the rally.", "Police said nothing."]


def test_dates_take_the_year_from_context():
    assert find_date("He was detained on April 3rd.", 2023) == "2023-04-03"
    assert find_date("He was detained on 3 April.", None) is None
    assert find_date("He was detained on Monday.", 2023) is None


# --- the JSON-lines runner ------------------------------------------------------------


def test_run_jsonl_keeps_order_skips_blank_lines_and_reports_bad_ones():
    lines = [
        json.dumps(
            {
                "id": "a",
                "title": "",
                "text": "Police detained activist Ali Omarov at a picket in Almaty on Monday.",
                "lang": "en",
            }
        ),
        "",
        "{not json",
        json.dumps({"id": "b", "text": "The weather in Astana was cold.", "lang": "en"}),
        json.dumps({"id": "c", "text": "This one breaks the analyser."}),
    ]

    def analyzer(title, text, lang, rules):
        if "breaks" in text:
            raise ValueError("boom")
        from bot.core.analysis.engine import analyze

        return analyze(title, text, lang, rules)

    out, err = io.StringIO(), io.StringIO()
    errors = run_jsonl(lines, out, None, err=err, analyzer=analyzer)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["arrest"] is True and rows[0]["detainees"] == [{"name": "Ali Omarov", "term": None}]
    assert rows[1]["arrest"] is False
    assert rows[2]["arrest"] is False and "boom" in rows[2]["error"]
    assert set(rows[0]) >= {
        "id",
        "arrest",
        "protest",
        "detainees",
        "lang",
        "place",
        "detained_on",
        "charge",
        "evidence",
        "score",
        "reasons",
    }
    assert errors == 2
    assert "line 3" in err.getvalue()


def test_respectively_gives_each_person_their_own_term():
    result = analyse(
        "Activists Serik Ospanov and Aliya Nurlanova were sentenced to 10 and 15 days respectively "
        "for joining a picket in Taraz."
    )
    assert people(result) == {"Serik Ospanov": "10 days", "Aliya Nurlanova": "15 days"}


def test_dateline_place_and_extended_detention():
    result = analyse(
        "ASTANA -- The detention of blogger Temirlan Yensebek, held since March, was extended by another "
        "three months, his lawyer said."
    )
    assert result.arrest and result.place == "Astana"
    assert people(result) == {"Temirlan Yensebek": "3 months"}


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of residents rallied in Zhanaozen on Friday demanding lower fuel prices. No detentions were reported.",
        "The journalist spent two years in prison after his arrest. He now lives abroad and runs a channel about politics.",
        "Police said they had detained a suspect in the theft of a car belonging to a local journalist in Oral.",
        "Authorities jailed 15 activists last year for taking part in protests, an annual report said.",
    ],
)
def test_no_new_civic_custody(text):
    assert not analyse(text).arrest


def test_operator_civic_keywords_supply_the_context():
    text = "Police in Taraz detained Zhanibek Sarsenov, a member of the Green Steppe movement, on Monday."
    assert not analyse(text).arrest
    result = analyse(text, rules=RuleConfig(civic_keywords={"en": ("green steppe",)}))
    assert result.arrest and "civic:green steppe" in result.reasons
    assert [d.name for d in result.detainees] == ["Zhanibek Sarsenov"]


def test_someone_who_remains_in_prison_is_no_new_custody():
    result = analyse(
        "Activist Yerzhan Yelshibayev, who was jailed in 2022, remains in prison, his mother told reporters on Monday."
    )
    assert not result.arrest and "negative:old custody" in result.reasons


def test_a_search_without_detention_is_not_an_arrest():
    result = analyse(
        "Investigators searched the home of activist Dinara Yegeubayeva and questioned her for several "
        "hours but did not detain her."
    )
    assert not result.arrest and result.detainees == ()


def test_the_relative_named_by_a_possessive_is_not_the_detainee():
    result = analyse(
        "Police in Almaty detained at least 20 people who gathered at Republic Square to protest. "
        "Among those detained was the poet Aron Atabek's son, Nurbolat Atabekov."
    )
    assert result.arrest
    assert [d.name for d in result.detainees] == ["Nurbolat Atabekov"]


# --- error classes of unseen news (sentences written for these tests) ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people gathered at a rally held at the Government House on Monday. Nobody was detained.",
        "The congress of the party was held in Astana, where delegates criticised the government.",
        "Police said none of the protesters were detained after the march.",
    ],
)
def test_events_held_and_nobody_detained_are_no_custody(text):
    assert not analyse(text).arrest


def test_a_group_term_stated_once_reaches_everyone_listed():
    result = analyse(
        "Activists Marat Oskenbayev, Dana Zhumabayeva and Yerlan Saparov were detained after a picket "
        "outside the akimat. All three were later jailed for 10 days."
    )
    assert people(result) == {"Marat Oskenbayev": "10 days", "Dana Zhumabayeva": "10 days", "Yerlan Saparov": "10 days"}


def test_sixteen_and_a_half_years():
    result = analyse(
        "A court sentenced opposition blogger Aidos Kurmanov to 16 and a half years in prison for his posts."
    )
    assert people(result) == {"Aidos Kurmanov": "198 months"}


def test_a_rights_groups_yearly_report_is_a_review():
    result = analyse(
        "In its annual report, the rights group said authorities jailed dozens of activists and "
        "regularly detained protesters across the country."
    )
    assert not result.arrest and "negative:review" in result.reasons


def test_killers_of_an_activist_are_ordinary_crime():
    result = analyse(
        "Police arrested three suspects in the murder of opposition activist Nurlan Sapin, "
        "who was killed outside his home in Almaty last week."
    )
    assert not result.arrest


def test_headline_words_are_not_names():
    result = analyse(
        "Police detained activist Dana Zhumabayeva at a rally on Monday; officers said an alleged "
        "crime had been committed.",
        title="Alleged Crime Committed, Police Say",
    )
    assert set(people(result)) == {"Dana Zhumabayeva"}


def test_a_term_for_those_detained_reaches_the_named():
    result = analyse(
        "Police detained journalists Marat Oskenbayev and Dana Zhumabayeva at the rally. "
        "A judge then ordered three months of pre-trial detention for all those detained."
    )
    assert people(result) == {"Marat Oskenbayev": "3 months", "Dana Zhumabayeva": "3 months"}


def test_a_penal_institution_is_never_a_detainee():
    result = analyse(
        "Activist Daniyar Serikov was detained at a protest and sentenced to two years. "
        "He will serve the term in a Penal Colony, not a Labour Camp, his wife said."
    )
    assert result.arrest
    assert people(result) == {"Daniyar Serikov": "2 years"}


def test_an_award_named_after_a_person_is_no_detainee():
    result = analyse(
        "Activist Daniyar Serikov, who won the Arman Kasymov Award last year, was detained at a "
        "protest and jailed for 10 days."
    )
    assert people(result) == {"Daniyar Serikov": "10 days"}


def test_a_speaker_after_a_comma_is_not_a_detainee():
    result = analyse(
        "The director of the local rights centre, Gulnara Sadykova, told reporters that activists "
        "Erlan Musin and Timur Bekov were detained overnight after the picket."
    )
    assert set(people(result)) == {"Erlan Musin", "Timur Bekov"}


def test_the_agent_source_or_topic_of_a_custody_clause_is_not_a_detainee():
    result = analyse(
        "Blogger Arman Dosov was detained over a post shared from activist Kanat Esenov, "
        "police said, and a film by Zhanar Ospan about the protest was blocked after the arrest."
    )
    assert set(people(result)) == {"Arman Dosov"}


def test_another_name_of_the_same_detainee_is_not_a_second_person():
    result = analyse(
        "Journalist Bakyt Omurov, better known as Baha Tamga, was detained on Monday after a protest. "
        "Poet Serik Aliyev (Serik Aqyn) was arrested the same day for his verses about the protest."
    )
    assert set(people(result)) == {"Bakyt Omurov", "Serik Aliyev"}


def test_arrested_and_then_spent_days_in_jail_is_custody_not_a_release():
    result = analyse(
        "In May, Nurlan Sadykov and another opposition activist, Timur Zhanov, were arrested in Almaty "
        "and spent 10 days in jail after they held a picket outside the akimat."
    )
    assert result.arrest
    assert people(result) == {"Nurlan Sadykov": "10 days", "Timur Zhanov": "10 days"}


def test_a_role_word_splits_an_outlets_name_from_its_directors():
    result = analyse(
        "Police detained Steppe Voice Media Editor Aigul Nurova after a search of the outlet's office on Monday."
    )
    assert "Aigul Nurova" in people(result)


def test_a_crime_word_that_is_not_the_detainees_crime_does_not_count_against_custody():
    result = analyse(
        "Police detained journalist Dana Ermekova on Monday after she published a report on a picket; "
        "her reporting on corruption in the city administration had angered officials."
    )
    assert result.arrest and "negative:corruption" not in result.reasons
    result = analyse(
        "Police in Shymkent detained 12 activists of a banned movement this week; their relatives say "
        "police tortured two of the detainees."
    )
    assert result.arrest and "negative:crime" not in result.reasons
    result = analyse("Opposition blogger Nurlan Serikov was arrested on Friday while receiving a “bribe”, police said.")
    assert result.arrest


def test_a_labour_camp_sentence_and_the_judge_who_gave_it():
    result = analyse(
        "Believer Ovez Karayev was sentenced on 3 May by a judge at the city court, Batyr Geldiyev, "
        "who sentenced fellow believer Serdar Annayev to a three-year strict regime labour camp sentence "
        "for his religious beliefs."
    )
    assert result.arrest
    assert "Batyr Geldiyev" not in people(result)
    assert people(result).get("Serdar Annayev") == "3 years"
    assert people(result).get("Ovez Karayev") is None


def test_a_patronymic_word_is_part_of_the_name_and_a_bracketed_alias_is_not_another_person():
    result = analyse(
        "Police in Osh detained journalist Aizada Temir kyzy and blogger Bakyt Asan uulu (Baka Osh) "
        "over their videos about the protest."
    )
    assert set(people(result)) == {"Aizada Temir kyzy", "Bakyt Asan uulu"}


def test_police_investigating_or_seizing_keeps_a_crime_word_the_detainees():
    result = analyse(
        "Police detained a blogger in Taraz on Monday as police investigated fraud "
        "at his firm and police seized drugs at his flat."
    )
    assert any(r.startswith("negative:") for r in result.reasons)
