"""Plain data that flows out of (and into) the analysis stage.

Kept separate from the rules so that formatting, storage and tests can depend on the
shape of a result without importing the (slow to load) language models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The contract of every language's rules: ``arrest`` exactly when ``score`` ≥ this…
ARREST_THRESHOLD = 0.5
# …and from this score up a report is doubtful (an operator decides); its people are kept.
REVIEW_FLOOR = 0.35


@dataclass(frozen=True)
class Detainee:
    """One named person reported as taken into custody.

    ``name`` is in the nominative as the text spells it (Cyrillic stays Cyrillic);
    ``term`` is canonical English ("15 days", "2 months", "7 years") or None when the
    text gives no custodial term for this person.
    """

    name: str
    term: str | None = None


@dataclass(frozen=True)
class RuleConfig:
    """Operator extensions of the rules, read from ``[rules]`` in sources.toml.

    Keys of the dicts are language codes ("en", "ru", "kk"); "*" applies to every
    language. Keywords are matched case-insensitively as word prefixes.
    ``extra_keywords`` are more words for taking someone into custody ("увезли в
    неизвестном направлении"); ``civic_keywords`` are more words that make a custody
    report civic or political (a new movement's name, a local word for a protest).
    """

    extra_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    civic_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    watchlist: tuple[str, ...] = ()
    # Movements and parties whose members' custody is political; None: the shipped list
    # (bot/core/analysis/data/organisations.toml), a tuple replaces it.
    organisations: tuple[str, ...] | None = None
    # Press-freedom and rights watchdogs; None: bot/core/analysis/data/watchdogs.toml.
    watchdogs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Analysis:
    """What the rules concluded about one report, and why.

    ``score`` is the confidence that the report is an arrest alert (0..1);
    ``reasons`` names every rule that fired, so an operator can see why a report was
    or was not flagged. ``evidence`` holds the one or two sentences that carry the
    decision; they become the alert's summary.
    """

    arrest: bool
    protest: bool
    detainees: tuple[Detainee, ...] = ()
    lang: str = "und"
    place: str | None = None
    detained_on: str | None = None  # ISO date "YYYY-MM-DD" when the text states one
    charge: str | None = None
    evidence: tuple[str, ...] = ()
    score: float = 0.0
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the shape ``arrestwatch analyze`` prints."""
        # Built by hand: dataclasses.asdict deep-copies and was visible in a cold poll.
        return {
            "arrest": self.arrest,
            "protest": self.protest,
            "detainees": [{"name": d.name, "term": d.term} for d in self.detainees],
            "lang": self.lang,
            "place": self.place,
            "detained_on": self.detained_on,
            "charge": self.charge,
            "evidence": list(self.evidence),
            "score": self.score,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild a result stored as JSON (the inverse of :meth:`to_dict`)."""
        return cls(
            arrest=bool(data.get("arrest")),
            protest=bool(data.get("protest")),
            detainees=tuple(Detainee(name=str(d["name"]), term=d.get("term")) for d in data.get("detainees") or ()),
            lang=str(data.get("lang") or "und"),
            place=data.get("place"),
            detained_on=data.get("detained_on"),
            charge=data.get("charge"),
            evidence=tuple(data.get("evidence") or ()),
            score=float(data.get("score") or 0.0),
            reasons=tuple(data.get("reasons") or ()),
        )
