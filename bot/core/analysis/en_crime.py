"""Crime and civic words in English reports that are about the detainee, not words about the story.

The English rules take a report that keeps naming ordinary crime for crime news; these
rules keep a disputed charge in quotes, a journalist's topic and police abuse out of the count.
Crime news names the press too ("a journalist reported", "told reporters"): the press as the
source or audience of a report is no civic context of its custody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from bot.core.analysis.literal_guard import Regex
from bot.core.analysis.packs.en import DIPLOMACY_BEFORE, NOT_PROTEST, STATE_PROTEST

# A crime word that is not the detainee's crime: in quotes of its own (a disputed charge,
# “bribe”), the topic of a journalist's work ("coverage of corruption"; not "police are
# investigating fraud", which is crime news), or abuse the police did to the detainee
# ("police tortured her", "beaten in custody").
_CRIME_TOPIC_BEFORE = re.compile(
    r"(?:coverage of (?:\w+ )?|(?:reporting|articles?|reports?|stories|posts?|videos?) (?:on|about) (?:\w+ )?"
    r"|expos(?:ing|ed|es) (?:\w+ )?"
    # "rallies against government corruption": the cause the detainee protested
    r"|(?:protests?|protesting|rall(?:y|ies)|demonstrations?|campaign(?:s|ing)?|march(?:es)?|fight(?:ing)?|struggle)"
    r" against (?:\w+ ){0,2})$"
)
# "an anti-corruption campaigner", "anti-corruption investigations": the cause, not a crime.
_CAUSE_AFTER = re.compile(
    r" (?:activists?|campaigners?|crusaders?|investigations?|investigative|foundation|fund|movement|protests?"
    r"|rall(?:y|ies)|blogg?ers?|journalists?|reporting|videos?|group|campaign)\b"
)
_ABUSE = re.compile(r"tortur|assault|beat")
_KILLED = re.compile(r"murder|killing|assassination")
_OWN_BEFORE = re.compile(r"\b(?:his|her|their) $")
_POLICE_BEFORE = re.compile(r"(?:police|officers|guards|policemen|security (?:officers|services)) (?:\w+ )?$")
_ABUSE_AFTER = re.compile(r"^(?: (?:by|at the hands of) (?:the )?police\b| in (?:police )?custody\b)")
_AGENCY_AFTER = re.compile(r" (?:service|agency|bureau|committee|unit|department|officers|police|fighters)\b")
_QUOTES = ("“”", '""', "«»", "‘’", "''")


def crime_count(pattern: Regex, text: str) -> int:
    """How often ``pattern`` (a kind of ordinary crime) names the detainee's own crime in ``text``."""

    def not_theirs(m: re.Match[str]) -> bool:
        if any(text[m.start() - 1 : m.start()] == q[0] and text[m.end() : m.end() + 1] == q[1] for q in _QUOTES):
            return True
        if _in_quoted_charge(text, m.start()):
            return True
        if _CRIME_TOPIC_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return True
        if _KILLED.match(m.group(0)) and _OWN_BEFORE.search(text[max(0, m.start() - 7) : m.start()]):
            return True  # "ahead of his murder, X had been detained": X was the one killed
        if text[max(0, m.start() - 5) : m.start()] in ("anti-", "anti ") and (
            _AGENCY_AFTER.match(text[m.end() :]) or _CAUSE_AFTER.match(text[m.end() :])
        ):
            return True  # "the anti-corruption service detained him": the agency, not the crime
        return bool(_ABUSE.match(m.group(0))) and bool(
            _POLICE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            or _ABUSE_AFTER.match(text[m.end() : m.end() + 40])
        )

    return sum(1 for m in pattern.finditer(text) if not not_theirs(m))


# A charge quoted as the authorities word it: "encouraging … corruption and prostitution".
_QUOTED_CHARGE_BEFORE = re.compile(r"(?:charges? of|charged with|for|guilty of|convicted of|accused of)\s*[\"“]$")


def _in_quoted_charge(text: str, start: int) -> bool:
    """Whether a crime word stands inside a quoted charge, the authorities' words for what a
    detainee did ("for \u201cencouraging … corruption and prostitution\u201d"): a disputed charge."""
    before = text[max(0, start - 80) : start]
    opening = max(before.rfind("\u201c"), before.rfind('"'))
    if opening < 0 or any(q in before[opening + 1 :] for q in ('"', "\u201d")):
        return False
    # (the closing quote may fall in the next clause: an opened charge is enough)
    return bool(_QUOTED_CHARGE_BEFORE.search(before[: opening + 1]))


# "detained for extortion", "on suspicion of fraud": the crime is the reason the report gives.
_REASON_BEFORE = re.compile(
    r"(?:\bfor|\bon suspicion of|\bsuspected of|\bon charges? of|\bcharged with|\baccused of)"
    r"\s+(?:(?:alleged|large-scale|an?|the)\s+)?$"
)


def crime_as_reason(pattern: Regex, text: str) -> bool:
    """Whether ``text`` gives a crime of ``pattern`` as the reason of the custody ("a blogger
    detained for extortion"), not in quotes of its own (a disputed charge)."""
    return any(
        _REASON_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and text[m.start() - 1 : m.start()] not in ('"', "“", "«", "'", "‘")
        for m in pattern.finditer(text)
    )


# "told reporters", "according to journalists", "reported by a correspondent"; "a journalist of
# the local outlet reported", "journalists were told": the press tells or hears of the story.
_PRESS = r"(?:journalists?|reporters?|correspondents?|media)"
_PRESS_WORD = re.compile(_PRESS)
_PRESS_AUDIENCE_BEFORE = re.compile(
    r"(?:\b(?:told|tell|telling|tells|informed|briefed|according to|reported by|said to|speaking to|talking to"
    r"|quoted by|cited by)) (?:the |a |an |local |foreign |several |\w+ )?(?:[\w-]+ )?$"
)
_PRESS_SOURCE_AFTER = re.compile(
    r"^(?:(?:,| (?:of|from|at|for|with)) [^,.;]{0,40}?)? (?:reported|said|wrote|told|were told|was told|learned|found out)\b"
)


def diplomatic_protest(text: str, m: re.Match[str]) -> bool:
    """Whether the protest word ``m`` of lower-cased ``text`` is no public action: a strike
    from the air, or a state's protest at a detention (NOT_PROTEST nearby, STATE_PROTEST at
    the word, a ministry summoning an envoy in the words before it)."""
    window = text[max(0, m.start() - 12) : m.end() + 12]
    return bool(
        NOT_PROTEST.search(window)
        or STATE_PROTEST.match(text, m.start())
        or DIPLOMACY_BEFORE.search(text, max(0, m.start() - 100), m.start())
    )


def civic_words(pattern: Regex, text: str) -> Iterator[re.Match[str]]:
    """The civic words of ``pattern`` in ``text`` that are not the press as the source or
    audience of the report ("a journalist reported", "told reporters"), nor a state's
    diplomatic protest ("Kyrgyzstan protests detention of two men")."""
    for m in pattern.finditer(text):
        if _PRESS_WORD.fullmatch(m.group(0)) and (
            _PRESS_AUDIENCE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            or _PRESS_SOURCE_AFTER.match(text[m.end() : m.end() + 60])
        ):
            continue
        if m.group(0).startswith("protest") and diplomatic_protest(text, m):
            continue
        yield m


def civic_match(pattern: Regex, text: str) -> re.Match[str] | None:
    """The first of :func:`civic_words`, or None."""
    return next(civic_words(pattern, text), None)


# Civic words that crime news uses too ("posted a video on social media", "a candidate",
# "a religious holiday"): beside a crime they do not make its custody civic.
_WEAK_CIVIC = re.compile(
    r"(?:facebook|social media|youtube|telegram channel|(?:online|facebook|social media) posts?"
    r"|election|candidate|newspaper|media outlets?|critics?|editors?)"
)


def strong_civic(pattern: Regex, text: str) -> re.Match[str] | None:
    """The first civic word of ``text`` that is not one of the weak ones crime news uses too."""
    return next((m for m in civic_words(pattern, text) if not _WEAK_CIVIC.fullmatch(m.group(0))), None)


def crime_elsewhere(crime: Mapping[str, Regex], civic: Regex, text: str) -> str | None:
    """The kind of crime a report returns to more often than to anything civic (twice at
    least), when its custody sentences name neither: the civic word elsewhere is not what the
    custody is about ("guards jailed for torture … a victim detained after the January events")."""
    counts = {kind: crime_count(pattern, text) for kind, pattern in crime.items()}
    if sum(counts.values()) >= max(2, len(list(civic_words(civic, text))) + 1):
        return max(counts, key=counts.__getitem__)
    return None


def crime_dominates(crime: Mapping[str, Regex], civic: Regex, text: str) -> bool:
    """Whether a report names ordinary crime at least twice as often as anything civic, with
    one civic word allowed for ("officials jailed for the murder of protesters"): crime news
    that mentions the politics around it, not a civic case."""
    crimes = sum(crime_count(pattern, text) for pattern in crime.values())
    return crimes >= 2 * (len(list(civic_words(civic, text))) + 1)
