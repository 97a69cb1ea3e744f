"""Which English detainee a term belongs to, and who in a custody report is not detained.

Sentences written for these tests (names invented): terms stated once for a list or
"respectively", pronouns after a summons, people sentenced in absentia or only fined in
the same sentence, aliases, counsel, the people a detainee works for, seized property.
"""

from __future__ import annotations

import pytest

from bot.core.analysis.en_names import find_mentions
from bot.core.analysis.en_terms import find_terms
from bot.core.analysis.english import analyze_english
from bot.core.analysis.result import RuleConfig


def detainees(text: str, title: str = "") -> dict[str, str | None]:
    return {d.name: d.term for d in analyze_english(title, text, RuleConfig()).detainees}


def arrest(text: str, title: str = "") -> bool:
    return analyze_english(title, text, RuleConfig()).arrest


def terms(text: str) -> list[str | None]:
    return [t.term for t in find_terms(text)]


# --- terms --------------------------------------------------------------------------


def test_a_hyphenated_half_is_a_term_in_months():
    assert terms("The poet was sentenced to four-and-a-half years behind bars.") == ["54 months"]
    assert terms("She was handed a two-and-a-half-year prison sentence.") == ["30 months"]


def test_a_term_served_before_and_a_time_in_less_than_a_week_are_not_terms():
    assert terms("He served a one-year jail term from 2019 to 2020 on the same charge.") == []
    assert terms("He was the second reporter to be sentenced in less than a month.") == []


def test_a_sentence_only_sought_gives_no_term_and_no_custody():
    text = (
        "Prosecutors in Osh say they will seek to impose a four-year prison sentence on blogger "
        "Temir Asanbek, whose trial over calls to riots resumes on Monday."
    )
    assert detainees(text) == {}


# --- one term for several people, and who is not the detainee ------------------------

# Each report with the detainees and terms it gives (the ids say what each one shows).
LINKED = {
    "respective terms in words, a dashed list, in absentia is no custody": (
        "A court in Minsk sentenced the head of the Vesna rights group to nine years in prison on Friday. "
        "Three other members – Pavel Dubko, Oleg Lisin, and Igor Semak – were given sentences of six, five, "
        "and four years respectively. Mr. Semak, who lives in Vilnius, was tried in absentia.",
        {"Pavel Dubko": "6 years", "Oleg Lisin": "5 years"},
    ),
    "community service at the end of a list keeps the jail terms of the others": (
        "Police detained the marchers in central Baku on Sunday. Thus, Elvin Qasimov, Nihad Aliyev were "
        "arrested for 15 days in jail, Ramil Tagiyev – to 10 days, and Orkhan Safarli – to 120 hours of "
        "community service.",
        {"Elvin Qasimov": "15 days", "Nihad Aliyev": "15 days", "Ramil Tagiyev": "10 days"},
    ),
    "one suspended sentence does not hide another's prison term": (
        "Unlike an earlier objector, who got a one-year suspended sentence, the believer Rustam Orazov "
        "received the maximum prison sentence of three years, fellow believers said.",
        {"Rustam Orazov": "3 years"},
    ),
    "him after a summons is the one summoned, not the detainee before": (
        "The party says two of its activists were arrested in the past days. Nail Huseynli was led from his "
        "flat to a police station on 4 June, and a district judge later sentenced him to 12 days of "
        "administrative arrest. Another member, Tural Abbasli, was summoned to the police on 5 June. A day "
        "later a judge sentenced him to 20 days of arrest for resisting officers.",
        {"Nail Huseynli": "12 days", "Tural Abbasli": "20 days"},
    ),
    "a term served earlier does not take the place of the new one": (
        "A court in Dashoguz on Monday jailed the believer Merdan Annayev for refusing military service. "
        "He served a one-year jail term from 2019 to 2020 on the same charge. This time the court sentenced "
        "Annayev to a two-year prison term.",
        {"Merdan Annayev": "2 years"},
    ),
    "another name of the detainee is not a second detainee": (
        "Police in Bishkek detained the blogger Nurlan Asylbek uulu, known on social media as Nuke Asyl, "
        "on Tuesday over his posts criticising the government.",
        {"Nurlan Asylbek uulu": None},
    ),
    "counsel set off by two commas before said is not a detainee": (
        "A court sentenced protesters Dato Beridze and Lasha Gelashvili to 12 days of administrative "
        "detention. Nika Tsereteli, a rights lawyer, who defends some of the protesters detained at the "
        "parliament, said the judge ignored the video evidence.",
        {"Dato Beridze": "12 days", "Lasha Gelashvili": "12 days"},
    ),
    "the leader a detainee guards or assists is not detained with him": (
        "Elnur Mammadli, a bodyguard for the opposition leader Ilgar Javadov, was given ten days of "
        "administrative detention on Monday. Ramin Hasanov, an assistant to Javadov, was also detained "
        "for ten days.",
        {"Elnur Mammadli": "10 days", "Ramin Hasanov": "10 days"},
    ),
    "colleagues called arrested in a show of support are detainees": (
        "Police detained the reporter Farrukh Saidov on July 8. He had posted in support of the arrested "
        "colleagues Jamshed Rahimi and Sino Karimova, whose whereabouts are unknown.",
        {"Farrukh Saidov": None, "Jamshed Rahimi": None, "Sino Karimova": None},
    ),
}


@pytest.mark.parametrize(("text", "expected"), LINKED.values(), ids=LINKED.keys())
def test_each_detainee_gets_the_term_stated_for_them(text: str, expected: dict[str, str | None]):
    assert detainees(text) == expected


def test_the_group_term_of_the_runners_is_not_that_of_the_leader_they_ran_for():
    text = (
        "On May 3 a court in Astana gave 15 days of administrative arrest to four activists. They were "
        "punished for a run in support of Berik Tolegen, leader of the unregistered Ak Zhol Jastary party, "
        "who is in pre-trial detention on extremism charges."
    )
    assert detainees(text).get("Berik Tolegen", "absent") in (None, "absent")


def test_a_name_after_a_dash_and_including_stays_in_the_custody_clause():
    text = (
        "Colleagues called for the release of the three reporters who remain in jail — including the "
        "editor, Aizada Temir, who was detained in March over a video on YouTube."
    )
    assert "Aizada Temir" in detainees(text)


def test_an_institution_of_several_words_is_not_a_person():
    text = "A detained student was taken to the Center for Family Health and Drug Abuse Prevention."
    assert [m.text for m in find_mentions(text)] == []
    assert [m.text for m in find_mentions("said Dana Orlova, the group's Europe Program Coordinator")] == [
        "Dana Orlova"
    ]


# --- custody or not -----------------------------------------------------------------


def test_being_forced_into_a_police_bus_is_custody():
    text = (
        "Police detained several opposition activists before an unauthorized rally in Moscow on Saturday. "
        "Boris Levin of the group Free Voice was surrounded by police and forced into a police bus."
    )
    assert "Boris Levin" in detainees(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officers told her they had asked Interpol for help in arresting her, the blogger Dana Nazar "
        "wrote on Telegram about the case opened against her abroad.",
        "The court upheld the arrest of the property of the opposition newspaper Erkin Soz, whose editor "
        "Marat Tokoev said he would appeal.",
        "Saken Zhakupov, who leads a small opposition party, has been serving a suspended three-year jail "
        "sentence over tax fraud since 2021, party members said on Sunday.",
    ],
)
def test_an_arrest_asked_for_a_seized_property_and_a_suspended_sentence_are_no_custody(text: str):
    assert detainees(text) == {}
    assert not arrest(text)


def test_an_amnesty_is_a_release():
    text = (
        "The president amnestied six Baptists who were imprisoned for their faith; they were among other "
        "prisoners freed on October 20, their church said."
    )
    assert not arrest(text, "Turkmenistan Amnestied Imprisoned Baptists")


def test_a_verdict_jailing_two_and_acquitting_the_rest_is_an_arrest_report():
    text = (
        "Nine months after police took eleven reporters of the outlet into custody, a judge read out the "
        "verdict: two of them, accused of inciting mass riots, were sentenced to prison terms; the "
        "other nine were acquitted. The director, Aigerim Sadyk, was given a five-year prison term."
    )
    assert arrest(text, "Trial of Eleven Reporters Ends in Prison Terms and Acquittals")
    assert detainees(text, "Trial of Eleven Reporters Ends in Prison Terms and Acquittals") == {
        "Aigerim Sadyk": "5 years"
    }
