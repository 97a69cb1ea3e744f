"""When a reported detention happened, and whether the report says it happened again.

Pure: text and the report's publication day in, an :class:`Occasion` out. Event
placement (bot/core/events.py) keys an arrest on its people *and* this occasion: two
reports about one person are one episode only when their dates of detention agree.

Why a module of its own: the analysis reads dates only when the text gives a year
("on 21 February 2024"); a news report seldom does. Resolving "on 21 February", "в
субботу", "кеше" needs the day the report was published, which only the placement
knows. The date is looked for first in the sentences the analysis chose as evidence
(the custody sentences), then in the headline, then in the lead: a date elsewhere in
the text is more often the day of a trial, a rally or an earlier arrest. The dates
themselves are read by bot/core/dates.py, the one date parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.core.dates import detention_day

#: How much of the text after its headline is the lead, where a date is still the news's own.
LEAD_CHARS = 600

# "Again": the report tells of a new detention of someone detained before.
_AGAIN = re.compile(
    r"(?<!\w)(?:again|re-?arrested|re-?detained|once more|for the (?:second|third|fourth|fifth|\w+th) time"
    r"|снова|вновь|опять|ещ[её] раз|в (?:очередной|который|второй|третий) раз"
    r"|повторно (?:задерж|арест|осужд|доставл|помещ|взят)\w*|(?:задерж|арестов|осужд|доставл)\w* повторно"
    r"|тағы да|қайтадан|қайта (?:ұстал|қамал|сотталды|тұтқын)\w*|екінші рет|taǵy da|qaıtadan)(?!\w)",
    re.I,
)


@dataclass(frozen=True)
class Occasion:
    """The day of the detention a report tells of.

    ``stated``: the text gives the day (in words, by weekday or relative to the report);
    otherwise ``day`` is the publication day. ``again``: the report says this person
    was taken again (a new episode, not news of the last one).
    """

    day: date
    stated: bool
    again: bool = False


def occasion(title: str, text: str, evidence: Iterable[str], published: date) -> Occasion:
    """The occasion of one report published on ``published`` (see module docstring)."""
    places = [*evidence, title, text[:LEAD_CHARS]]
    again = any(_AGAIN.search(part) for part in places[:-1] if part)
    for part in places:
        if not part:
            continue
        found = detention_day(part, published)
        if found is not None:
            return Occasion(day=found, stated=True, again=again)
    return Occasion(day=published, stated=False, again=again)
