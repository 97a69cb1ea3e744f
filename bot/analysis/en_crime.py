"""Crime words in English reports that are the detainee's own crime, not a word about it.

The English rules take a report that keeps naming ordinary crime for crime news; these
rules keep a disputed charge in quotes, a journalist's topic and police abuse out of the count.
"""

from __future__ import annotations

import re

# A crime word that is not the detainee's crime: in quotes of its own (a disputed charge,
# “bribe”), the topic of a journalist's work ("coverage of corruption"; not "police are
# investigating fraud", which is crime news), or abuse the police did to the detainee
# ("police tortured her", "beaten in custody").
_CRIME_TOPIC_BEFORE = re.compile(
    r"(?:coverage of (?:\w+ )?|(?:reporting|articles?|reports?|stories|posts?|videos?) (?:on|about) (?:\w+ )?"
    r"|expos(?:ing|ed|es) (?:\w+ )?)$"
)
_ABUSE = re.compile(r"tortur|assault|beat")
_POLICE_BEFORE = re.compile(r"(?:police|officers|guards|policemen|security (?:officers|services)) (?:\w+ )?$")
_ABUSE_AFTER = re.compile(r"^(?: (?:by|at the hands of) (?:the )?police\b| in (?:police )?custody\b)")
_QUOTES = ("“”", '""', "«»", "‘’", "''")


def crime_count(pattern: re.Pattern[str], text: str) -> int:
    """How often ``pattern`` (a kind of ordinary crime) names the detainee's own crime in ``text``."""

    def not_theirs(m: re.Match[str]) -> bool:
        if any(text[m.start() - 1 : m.start()] == q[0] and text[m.end() : m.end() + 1] == q[1] for q in _QUOTES):
            return True
        if _CRIME_TOPIC_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            return True
        return bool(_ABUSE.match(m.group(0))) and bool(
            _POLICE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
            or _ABUSE_AFTER.match(text[m.end() : m.end() + 40])
        )

    return sum(1 for m in pattern.finditer(text) if not not_theirs(m))
