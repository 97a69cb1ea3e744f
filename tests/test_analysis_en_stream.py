"""English reports of a regional news stream, on sentences written for these tests: militant
suspects are security news, and the dead, the speakers and the words of a headline or an
organisation's name are not detainees."""

from __future__ import annotations

from bot.core.analysis.en_names import find_mentions
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig


def detainees(text: str) -> dict[str, str | None]:
    return {d.name: d.term for d in analyze_english("", text, RuleConfig()).detainees}


def test_a_militant_recruiter_detained_by_security_services_is_no_civic_arrest():
    text = (
        "Security officers in Tajikistan have detained a foreign national on suspicion of recruiting "
        "young men for the Islamic State militant group. The suspect promised jobs abroad, officials said, "
        "and a special unit on recruitment to banned Islamic groups will open soon."
    )
    assert not analyze_english("", text, RuleConfig()).arrest


def test_an_activist_detained_at_a_rally_is_still_a_civic_arrest():
    text = "Police detained activist Daniyar Seitkali at a rally in Almaty on May 3; a court jailed him for 10 days."
    result = analyze_english("", text, RuleConfig())
    assert result.arrest
    assert detainees(text) == {"Daniyar Seitkali": "10 days"}


def test_the_dead_named_before_who_were_killed_are_not_detainees():
    text = (
        "The court sentenced preacher Farrukh Olimov to 4 years in prison. He had held a funeral prayer "
        "for the local leaders Rustam Nazarov and Bahrom Sharipov, who were killed in the clashes."
    )
    found = detainees(text)
    assert found.get("Farrukh Olimov") == "4 years"
    assert "Rustam Nazarov" not in found


def test_the_party_head_who_made_the_statement_is_no_detainee():
    text = (
        "Opposition activist Emin Valiyev was detained by officers at his flat on 3 May, according to a "
        "statement released by party head Rauf Aliyev that evening."
    )
    found = detainees(text)
    assert "Emin Valiyev" in found
    assert "Rauf Aliyev" not in found


def test_sentence_adverbs_and_organisation_words_do_not_start_or_make_a_name():
    def full_names(text: str) -> list[str]:
        return [m.text for m in find_mentions(text) if " " in m.text]

    assert full_names("Besides Karimovs, two guards were sentenced.") == []
    assert full_names("a partner of the Organized Crime and Corruption Reporting Project") == []
    assert full_names("clashes in the Gorno-Badakhshan Autonomous Region") == []


def test_a_former_official_or_judge_listed_among_the_held_is_a_detainee():
    text = (
        "Police detained six critics of the border deal on Sunday. The arrestees include former "
        "Prosecutor General Marat Tokonov and former judge Aizhan Bekova."
    )
    found = detainees(text)
    assert "Marat Tokonov" in found
    assert "Aizhan Bekova" in found


def test_a_lawyer_speaking_of_the_case_is_still_no_detainee():
    text = "Activist Ruslan Ermekov was jailed for 10 days, lawyer Gulnara Sadykova said."
    assert detainees(text) == {"Ruslan Ermekov": "10 days"}


def test_a_typeset_hyphen_in_a_term_still_reads_as_a_term():
    text = "Blogger Arman Zhunusov was handed a 4½\u2011year prison sentence on Friday over his posts."
    assert detainees(text) == {"Arman Zhunusov": "54 months"}


def test_a_name_before_rights_group_is_the_group_not_a_person():
    text = "Police detained 12 protesters in Bishkek, the Kylym Sayasy rights group said."
    assert "Kylym Sayasy" not in detainees(text)


def test_officials_jailed_for_murder_in_crime_news_that_mentions_protesters_are_no_civic_arrest():
    text = (
        "A court found the former security chief guilty of murder and attempted murder and jailed him "
        "for 25 years. Two deputies were sentenced to 20 years. They were convicted of organising the "
        "killings and the murder of bystanders; one also of the assault on a guard. "
        "The shooting took place when protesters gathered in the square."
    )
    assert not analyze_english("", text, RuleConfig()).arrest


def test_the_named_relative_of_a_detainee_who_speaks_is_no_detainee():
    text = (
        "Party member Elvin Rzayev was arrested and sent to pre-trial detention for three months. "
        "Rzayev's brother Orkhan Rzayev, who runs the party's press office, fears the case is about his own work."
    )
    found = detainees(text)
    assert "Elvin Rzayev" in found
    assert "Orkhan Rzayev" not in found


def test_the_defendant_of_another_trial_named_to_place_a_detention_is_no_detainee():
    text = "Ten party members were detained outside the court on Monday during the trial of party chair Vugar Mammadli."
    assert "Vugar Mammadli" not in detainees(text)


def test_lawyers_in_a_list_of_the_held_are_detainees():
    text = "In June, five members of the commission were detained, among them lawyer Davron Aliev and lawyer Zarina Saidova."
    found = detainees(text)
    assert "Davron Aliev" in found
    assert "Zarina Saidova" in found
