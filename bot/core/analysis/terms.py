"""The one model of a custodial term, shared by analysis, events and posts.

A term travels between modules as its canonical English text: "15 days", "2 months",
"7 years" (the corpus guide's form, and what ``Detainee.term`` holds). This module is the
only place that knows that form:

* :func:`canonical` builds it from an amount and a unit found in any language
  (weeks become days, a fractional number of years becomes months: 16.5 years → "198 months");
* :func:`parse` reads it back as a :class:`Term` (amount, unit, approximate length in days);
* :func:`display` writes it for a reader in English, Russian or Kazakh
  ("15 суток", "15 тәулік", "2 years").

Pure and dependency-free, so events and posts can import it without the language models.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from bot.core.errors import ParseError

Unit = Literal["day", "month", "year"]

UNITS: tuple[Unit, ...] = ("day", "month", "year")
# Approximate length of a unit, for ordering terms and for how long an event stays open.
UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 30, "year": 365}

_CANONICAL = re.compile(r"^\s*(\d+)\s+(day|month|year)s?\s*$")


class TermError(ParseError, ValueError):
    """An amount or unit that no canonical term can express (negative, zero, unknown unit)."""


@dataclass(frozen=True, order=True)
class Term:
    """A custodial term: ``amount`` whole ``unit``s ("day", "month" or "year")."""

    amount: int
    unit: Unit

    @property
    def days(self) -> int:
        """Approximate length in days (a month is 30, a year 365): for comparing terms."""
        return self.amount * UNIT_DAYS[self.unit]

    @property
    def text(self) -> str:
        """The canonical text: "15 days", "1 month"."""
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"

    def __str__(self) -> str:
        return self.text


def canonical(amount: float, unit: str) -> str:
    """Canonical text of ``amount`` ``unit``s; ``unit`` is day, week, month or year.

    (15, "day") → "15 days"; (2, "week") → "14 days"; (1.5, "year") → "18 months";
    (16.5, "year") → "198 months"; (2.5, "month") → "75 days".
    """
    return make(amount, unit).text


def make(amount: float, unit: str) -> Term:
    """The :class:`Term` for ``amount`` ``unit``s, normalised as :func:`canonical` says."""
    word = unit.lower().rstrip("s")
    if word == "week":
        amount, word = amount * 7, "day"
    known = _unit(word)
    if known is None:
        raise TermError(f"unknown term unit {word!r}: expected day, week, month or year")
    if amount <= 0:
        raise TermError(f"a term must be positive, got {amount!r} {known}")
    if amount != int(amount):
        if known == "year":
            amount, known = amount * 12, "month"
        elif known == "month":
            amount, known = amount * 30, "day"
    return Term(int(round(amount)), known)


@functools.lru_cache(maxsize=1024)
def parse(text: str | None) -> Term | None:
    """The :class:`Term` of a canonical text ("15 days", "1 year"); None for None or other text."""
    match = _CANONICAL.match(text or "")
    unit = _unit(match.group(2)) if match else None
    if match is None or unit is None:
        return None
    return Term(int(match.group(1)), unit)


def _unit(word: str) -> Unit | None:
    """``word`` as a :data:`Unit` ("day", "month", "year"), or None."""
    return next((unit for unit in UNITS if unit == word), None)


def days(text: str | None) -> int | None:
    """Approximate length in days of a canonical term, None when absent or not canonical."""
    term = parse(text)
    return term.days if term else None


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form a number takes (1 сутки... 2 суток): one rule for terms and posts."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


_RU_UNITS = {
    "day": ("сутки", "суток", "суток"),
    "month": ("месяц", "месяца", "месяцев"),
    "year": ("год", "года", "лет"),
}
# Kazakh nouns do not change after a numeral.
_KK_UNITS = {"day": "тәулік", "month": "ай", "year": "жыл"}


def display(text: str | None, language: str) -> str | None:
    """A canonical term for a reader of ``language`` ("en", "ru", "kk").

    "15 days" → "15 суток" (ru), "15 тәулік" (kk), "15 days" (en). None stays None (the
    caller says "term not stated" in its own words); text that is not a canonical term is
    returned as it is, so nothing a report said is lost.
    """
    if text is None:
        return None
    term = parse(text)
    if term is None or language == "en":
        return text
    if language == "ru":
        return f"{term.amount} {plural_ru(term.amount, *_RU_UNITS[term.unit])}"
    if language == "kk":
        return f"{term.amount} {_KK_UNITS[term.unit]}"
    return text
