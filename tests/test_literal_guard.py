"""A guarded regex finds exactly what the regex itself finds (bot/core/analysis/literal_guard.py)."""

from __future__ import annotations

import re

import pytest

from bot.core.analysis import kk_score, kk_stems, organisations, ru_report, ru_rules, ru_text
from bot.core.analysis.literal_guard import GuardedRegex, guarded, literal_starts
from bot.core.analysis.packs import en as en_pack
from bot.core.analysis.packs import ru as ru_pack

TEXTS = [
    "",
    "police detained three activists at a rally in the capital on tuesday.",
    "the carefree journalist-blogger was released after serving his term; the others were not.",
    "a court in the city sentenced the editor to seven years for fraud and bribery, his lawyer said.",
    "supporters say the case is politically motivated; the authorities deny any reprisal.",
    "protesters, picketers and strikers gathered; an unauthorized rally was dispersed and 12 were held by police.",
    "they face up to 15 days of arrest, prosecutors sought a suspended prison sentence.",
    "unrest, riots and a mass disorder case: the annual report of the watchdog lists 40 prisoners.",
    "rallying support is not a rally; anti-war posts on social media drew a summons.",
    "activistsactivists activist's protest—protests protesting 'activists' «journalists»",
    "😀 an activist 𝕏 detained; 🇰🇿 the journalist was released 🙏 after serving his term",
    "в прошлом году на митинге задержали активистов; протестантская община провела пикет, тот же срок.",
    "суд назначил такое же наказание за ложную информацию и разжигание розни, призывы к протесту.",
    "белсенділер наразылық акциясына шықты, журналист пен құқық қорғаушы ұсталды; бейбіт шеру өтті.",
    "демократиялық таңдау қозғалысының мүшесі және «атажұрт еріктілері» белсендісі қамалды.",
    "сот оны зал залынан босатты, деп хабарлайды азаттық тілшісі; ол журналистерге айтты.",
    "есірткі сатқан ер адам ұсталды, бейбіт наразылық емес: наразылық нотасы жіберілді. Алматы, Астана.",
    "шешім наразылық тудырды; журналистке шабуыл жасалды, ісінің саяси астары бар, жала жабылды.",
]

GUARDED = {
    "ru_pack.CIVIC_PHRASE_RE": ru_pack.CIVIC_PHRASE_RE,
    "ru_pack.PROTEST_RE": ru_pack.PROTEST_RE,
    "ru_rules._SAME_TERM": ru_rules._SAME_TERM,
    "ru_report._PAST_OR_GENERAL_RE": ru_report._PAST_OR_GENERAL_RE,
    "kk_stems.CIVIC_STRONG_RE": kk_stems.CIVIC_STRONG_RE,
    "kk_stems.PROTEST_RE": kk_stems.PROTEST_RE,
    "kk_stems.NOT_PROTEST_RE": kk_stems.NOT_PROTEST_RE,
    "kk_stems.TOLD_PRESS_RE": kk_stems.TOLD_PRESS_RE,
    "kk_stems.NOT_CIVIC_RE": kk_stems.NOT_CIVIC_RE,
    "kk_stems.PERSECUTION_RE": kk_stems.PERSECUTION_RE,
    "kk_stems.crime_regex(есірткі)": kk_stems.crime_regex("есірткі"),
    "kk_score._BYLINE": kk_score._BYLINE,
    "kk_score._FREED_IN_COURT": kk_score._FREED_IN_COURT,
    "ru_text._PLACE_RE": ru_text._PLACE_RE,
    "organisations": organisations.pattern(organisations.default_names()),
}


def _spans(found):
    return [m.span() for m in found]


@pytest.mark.parametrize(
    "name",
    [name for name, value in vars(en_pack).items() if isinstance(value, GuardedRegex)] + ["CRIME"],
)
def test_the_english_pack_regexes_find_what_their_regex_finds(name: str) -> None:
    patterns = en_pack.CRIME.values() if name == "CRIME" else [getattr(en_pack, name)]
    for pattern in patterns:
        for text in TEXTS:
            assert _spans(pattern.finditer(text)) == _spans(pattern.regex.finditer(text))
            found, expected = pattern.search(text), pattern.regex.search(text)
            assert (found and found.span()) == (expected and expected.span())
            assert pattern.findall(text) == pattern.regex.findall(text)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_the_russian_and_kazakh_guarded_regexes_find_what_their_regex_finds(name: str) -> None:
    pattern = GUARDED[name]
    assert isinstance(pattern, GuardedRegex)
    for text in TEXTS:
        assert _spans(pattern.finditer(text)) == _spans(pattern.regex.finditer(text))
        found, expected = pattern.search(text), pattern.regex.search(text)
        assert (found and found.span()) == (expected and expected.span())
        assert pattern.findall(text) == pattern.regex.findall(text)
        assert pattern.sub(" ", text) == pattern.regex.sub(" ", text)


def test_prefixes_run_through_groups_branches_lookarounds_and_optional_parts() -> None:
    assert literal_starts(re.compile(r"\b(?:activists?|rall(?:y|ies))\b")) == {"activist", "rally", "rallies"}
    assert literal_starts(re.compile(r"п(?<=\bп)ротест|митинг")) == {"протест", "митинг"}
    assert literal_starts(re.compile(r"(?:(?:was|were) )?held by")) == {"was held by", "were held by", "held by"}


def test_a_regex_some_match_of_which_starts_with_no_literal_is_not_guarded() -> None:
    assert literal_starts(re.compile(r"\b(?:\d+|two) people")) is None
    assert literal_starts(re.compile(r"(?:the )*held")) is None
    assert literal_starts(re.compile(r"police", re.IGNORECASE)) is None
    with pytest.raises(ValueError):
        GuardedRegex(re.compile(r"[a-z]+ detained"))


def test_matches_are_leftmost_and_do_not_overlap_as_the_regexes_are() -> None:
    pattern = guarded(r"\b(?:free|freed|free speech|freedom of (?:speech|press))\b|eed")
    text = "the freed man spoke of freedom of speech and free speech; agreed, freed."
    assert _spans(pattern.finditer(text)) == _spans(pattern.regex.finditer(text))
    assert pattern.search("agreed") is not None and pattern.search("agreed").span() == (3, 6)
    assert pattern.sub("", "free speech") == pattern.regex.sub("", "free speech")  # the rest is the regex's own
