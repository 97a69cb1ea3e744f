"""Rules for English reports: is it a civic arrest, who was taken, for how long.

The decision is a sum of named rule weights, so every result says why:

* ``custody:<word>`` – a sentence reports people taken into custody (detained, jailed,
  "15 days in jail", house arrest, pre-trial detention…);
* ``civic:<word>`` – the custody concerns activists, journalists, protest, opposition…;
* ``named:<n>`` / ``counted`` / ``term`` / ``dated`` – how specific the report is;
* ``negative:<kind>`` – ordinary crime (drugs, corruption, crime), a release or pardon,
  commentary that names no recent custody;
* operator rules: ``extra:<kw>``, ``excluded:<kw>``, ``watchlist:<name>``.

``arrest`` is true exactly when ``score`` ≥ 0.5. Fines, summonses, searches, questioning
and "restricted freedom" are not custody, and people who only got those are not
detainees. A cheap keyword pass returns unrelated news before any sentence work.

The report is cut into clauses by en_clauses.py and its detainees found by
en_detainees.py; this module weighs the clauses into the decision.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.core.analysis import organisations
from bot.core.analysis.en_clauses import CUSTODY, LONG_AGO, Clause, has_keyword, split_clauses
from bot.core.analysis.en_crime import (
    civic_match,
    crime_as_reason,
    crime_count,
    crime_dominates,
    crime_elsewhere,
    diplomatic_protest,
    strong_civic,
)
from bot.core.analysis.en_detainees import Names, Person, find_detainees
from bot.core.analysis.en_sentences import split_sentences
from bot.core.analysis.en_terms import context_year, find_charge, find_date, find_place
from bot.core.analysis.literal_guard import Regex
from bot.core.analysis.packs import en as en_pack
from bot.core.analysis.packs.en import CIVIC as _CIVIC
from bot.core.analysis.packs.en import COUNTED as _COUNTED
from bot.core.analysis.packs.en import CRIME as _CRIME
from bot.core.analysis.packs.en import DEMAND_RELEASE as _DEMAND_RELEASE
from bot.core.analysis.packs.en import FORMER_OFFICIAL as _FORMER_OFFICIAL
from bot.core.analysis.packs.en import IN_ABSENTIA as _IN_ABSENTIA
from bot.core.analysis.packs.en import MARCH as _MARCH
from bot.core.analysis.packs.en import OFFICIAL as _OFFICIAL
from bot.core.analysis.packs.en import POLITICAL_CASE as _POLITICAL_CASE
from bot.core.analysis.packs.en import PROTEST as _PROTEST
from bot.core.analysis.packs.en import REVIEW as _REVIEW
from bot.core.analysis.packs.en import SECURITY_OFFICIAL as _SECURITY_OFFICIAL
from bot.core.analysis.packs.en import TIME_MARKER as _TIME_MARKER
from bot.core.analysis.packs.en import TREASON as _TREASON
from bot.core.analysis.packs.en import VAGUE as _VAGUE
from bot.core.analysis.packs.en import VICTIM as _VICTIM
from bot.core.analysis.prepass import StemAutomaton
from bot.core.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.core.analysis.text import normalise
from bot.core.watchlist import named, watchlist_hits

REVIEW_CAP = 0.45
WEAK_CIVIC = 0.05  # civic words crime news uses too, with nothing else civic in the report
MAX_EVIDENCE_CHARS = 400

# --- vocabulary (the lexicons themselves are in packs/en.py) ------------------------

# The pre-pass: a report without any word of the custody lexicon cannot be an arrest report.
# Terms alone ("received 15 days", "15 days in jail") are custody too, so the day counts are
# added, written " days" after a digit so that every alternative starts with a letter or a
# space and the regex engine can skip ahead by first character; and "sentenced", whose term
# ("sentenced X to seven years each") is the custody when no other word names it.
_CANDIDATE = StemAutomaton(en_pack.CUSTODY_WORDS + ((" days", r"(?<=\d days)"), "days in", "days of", "sentenced"))

# Every form POLITICAL_CASE matches holds one of these words; one pass of the automaton spares
# most reports the regex, whose unanchored alternatives are tried at every position.
_POLITICAL_HINTS = StemAutomaton(
    ("post", "publication", "comments", "critici", "politically motivated", "fabricated", "trumped-up", "retaliat")
    + ("in reprisal", "to silence", "bogus", "dubious", "spurious", "unfounded", "baseless", "groundless", "absurd")
    + tuple(f"political{ly} {what}" for ly in ("", "ly") for what in ("persecution", "prisoner", "case", "reasons"))
    + tuple(f"for {whose} {what}" for whose in ("his", "her", "their") for what in ("work", "reporting", "journalism"))
    + tuple(f"for {whose} activism" for whose in ("his", "her", "their"))
    + ("persecut", "journalistic")
)

# Custody taken, not only a sentence passed: someone held in fact.
_HOLDING = re.compile(r"\b(?:detain\w*|arrest\w*|remand\w*|custody|apprehended|extradit\w*|deported)\b")
# "jailed journalist X", "the imprisoned activists": custody as someone's state.
_HELD_ATTRIBUTE = re.compile(
    # after an article or a preposition: "for jailed journalist X", not "police detained activist X"
    r"(?:^|[,;(]\s*|\b(?:the|a|an|for|of|with|to|about|on|and)\s)"
    r"(?:jailed|imprisoned|incarcerated|detained|arrested) (?:(?!(?:the|a|an|his|her|their)\b)[\w-]+ ){0,2}"
    r"(?:journalists?|activists?|bloggers?"
    r"|opposition (?:leaders?|figures?|politicians?)|dissidents?|politicians?|reporters?|lawyers?|poets?|writers?"
    r"|defenders?|critics?|editors?)\b"
)
# Every _HELD_ATTRIBUTE holds one of its custody words: the automaton spares most clauses the regex.
_HELD_WORDS = StemAutomaton(("jailed", "imprisoned", "incarcerated", "detained", "arrested"))
# Where someone already held is: "denied medical care in the detention centre".
_HELD_PLACE = re.compile(r"\b(?:in|at|from) (?:the |a |his |her )?(?:[\w-]+ )?detention (?:cent(?:er|re)|facility)\b")
# Custody that goes on ("remains in prison", "is serving a sentence"): not a new detention.
# The words every TREASON match is (one automaton pass instead of the crime count's regex).
_TREASON_WORDS = StemAutomaton(("treason", "espionage", "spying"))
# Spying, not treason: "an academic charged with treason" may be a civic case, a spy ring is not.
_ESPIONAGE = re.compile(r"\b(?:espionage|spying)\b")
_ONGOING = re.compile(
    r"\b(?:remains?|remained|is still|are still|still) (?:\w+ )?(?:in|behind) (?:prison|jail|custody|detention|bars)\b"
    # a state, not an event: "opposition leaders are in jail"
    r"|\b(?:is|are) (?:now |currently |already )?(?:in|behind) (?:prison|jail|bars)\b"
    # the held whose release is asked for: "demand the release of all those detained for protesting"
    r"|\brelease of (?:all )?(?:of )?(?:those|the people|people|individuals|everyone|all) (?:\w+ )?(?:detained|arrested|jailed|imprisoned)\b"
    r"|\b(?:is|are|was|were) serving (?:a|an|his|her|their) \w+"
    # time already spent held: "spent two years under house arrest", "has spent 8 months in custody"
    r"|\bspent (?:[\w-]+ ){1,3}(?:under house arrest|in (?:pre-?trial )?(?:custody|detention))"
)


def analyze_english(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Apply the English rules to one report (title may be empty)."""
    full = f"{title}\n{text}" if title else text
    lowered = full.lower()
    extra = _keywords(rules.extra_keywords)
    excluded = [kw for kw in _keywords(rules.exclude_keywords) if has_keyword(lowered, kw)]
    watched = watchlist_hits(full, rules.watchlist)
    extra_hits = [kw for kw in extra if has_keyword(lowered, kw)]
    protest = _has_protest(full)
    if not _CANDIDATE.search(lowered) and not extra_hits:
        reasons = ("no custody words",) + (("civic:protest",) if protest else ())
        return Analysis(arrest=False, protest=protest, lang="en", score=0.0, reasons=reasons)
    report = _Report(
        normalise(title), normalise(text), extra_hits, excluded, watched, protest, _keywords(rules.civic_keywords)
    )
    report.organisations = organisations.pattern(organisations.names_for(rules))
    return report.analyse()


def _keywords(table: dict[str, tuple[str, ...]]) -> list[str]:
    return [kw.lower() for lang in ("en", "*") for kw in table.get(lang, ()) if kw.strip()]


def _has_protest(original: str) -> bool:
    # Every form _MARCH matches contains "arch"; the substring test spares most texts the regex.
    if "arch" in original and _MARCH.search(original):
        return True
    lowered = original.lower()
    return any(not diplomatic_protest(lowered, match) for match in _PROTEST.finditer(lowered))


class _Report:
    def __init__(
        self,
        title: str,
        text: str,
        extra: list[str],
        excluded: list[str],
        watched: list[str],
        protest: bool,
        civic_extra: list[str],
    ) -> None:
        self.title = title.strip()
        self.civic_extra = civic_extra  # rules.civic: the operators' own civic words
        self.organisations: Regex | None = None
        self.sentences = split_sentences(title, text)
        self.extra = extra
        self.excluded = excluded
        self.watched = watched
        self.protest = protest
        self.lowered = "\n".join(self.sentences).lower()
        words = re.findall(r"[A-Za-z][\w'’-]*", self.title)
        self.title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        self.body_lowered = "\n".join(self.sentences[1:] if self.title else self.sentences).lower()
        self.reasons: list[str] = []

    @cached_property
    def political(self) -> bool:
        """Whether the report calls the case political (POLITICAL_CASE), asked once per report."""
        return bool(_POLITICAL_HINTS.search(self.lowered) and _POLITICAL_CASE.search(self.lowered))

    # -- the decision ------------------------------------------------------------------

    def analyse(self) -> Analysis:
        clauses = split_clauses(self.sentences, bool(self.title), self.extra)
        custody_clauses = [c for c in clauses if c.custody]
        people, _ = find_detainees(clauses, Names.of(clauses), self.title_case, self.body_lowered)
        score = 0.0
        evidence_clauses: list[Clause] = []
        if custody_clauses:
            first = custody_clauses[0]
            score += 0.40
            self.reasons.append(f"custody:{first.custody[0]}")
            civic = self._civic(custody_clauses)
            score += civic
            score += self._specifics(custody_clauses, people)
            score += self._negatives(clauses, custody_clauses, people)
            if civic <= WEAK_CIVIC and not self.protest:
                # Custody with nothing civic or political about it: an operator decides
                # (review), as the Russian and Kazakh rules do.
                score = min(score, REVIEW_CAP)
                self.reasons.append("no civic context")
            evidence_clauses = self._evidence(custody_clauses, people)
        else:
            self.reasons.append("no custody reported")
            if civic_match(_CIVIC, self.lowered):
                score += 0.1
            negative = next((c for c in clauses if c.release or c.penalty_only), None)
            if negative is not None:
                self.reasons.append(
                    "negative:release" if negative.release else "negative:no custody (fine/summons/restricted)"
                )
                evidence_clauses = [negative]
        if self.protest:
            self.reasons.append("civic:protest")
        score = self._operator_rules(score, clauses, people)
        score = round(min(1.0, max(0.0, score)), 3)
        arrest = score >= ARREST_THRESHOLD
        evidence_sentences = _unique([self.sentences[c.sentence] for c in evidence_clauses])[:2]
        year = context_year(self.lowered)
        detained_on = None
        # (each sentence read once: a sentence named again gives the same answer)
        for sentence in _unique(evidence_sentences + [self.sentences[c.sentence] for c in custody_clauses]):
            detained_on = find_date(sentence, year)
            if detained_on:
                break
        ordered = evidence_sentences + [self.sentences[c.sentence] for c in custody_clauses]
        detainees = self._detainees(people, score)
        return Analysis(
            arrest=arrest,
            protest=self.protest,
            detainees=detainees,
            lang="en",
            place=find_place(_unique(ordered + self.sentences)),
            detained_on=detained_on,
            charge=find_charge(_unique(ordered + self.sentences)) if custody_clauses else None,
            evidence=tuple(_trim(s) for s in evidence_sentences),
            score=score,
            reasons=tuple(_unique(self.reasons)),
        )

    def _detainees(self, people: list[Person], score: float) -> tuple[Detainee, ...]:
        """The people a result lists: doubtful reports keep theirs too (the operator approving
        one posts them), and so does a release (the event of their custody reports it); people
        sentenced in absentia are abroad, not held."""
        released = "negative:release" in self.reasons
        kept = (score >= REVIEW_FLOOR or released) and "negative:in absentia" not in self.reasons
        return tuple(Detainee(p.name, p.term) for p in people) if kept else ()

    def _civic(self, custody_clauses: list[Clause]) -> float:
        near = self.title.lower() + "\n" + "\n".join(self.sentences[c.sentence].lower() for c in custody_clauses)
        strong_anywhere = strong_civic(_CIVIC, self.lowered)  # asked once, used twice below
        strong = strong_anywhere or self.political
        match = civic_match(_CIVIC, near) if strong else None
        if match:
            self.reasons.append(f"civic:{match.group(0)}")
            return 0.25
        operator = next((kw for kw in self.civic_extra if has_keyword(near, kw)), None)
        if operator is None and self.organisations is not None:
            named = self.organisations.search(near)  # a movement or party (data, [rules])
            operator = named.group(0) if named else None
        if operator is not None:  # the operators' own civic words (rules.civic)
            self.reasons.append(f"civic:{operator}")
            return 0.25
        match = strong_anywhere
        if match:
            self.reasons.append(f"civic (elsewhere):{match.group(0)}")
            return 0.12
        match = civic_match(_CIVIC, self.lowered)
        if match:
            # Only words crime news uses too ("posted on social media", "a Telegram channel"):
            # an operator decides (the review cap below).
            self.reasons.append(f"civic (weak):{match.group(0)}")
            return WEAK_CIVIC
        return 0.0

    def _specifics(self, custody_clauses: list[Clause], people: list[Person]) -> float:
        score = 0.0
        if people:
            score += 0.15
            self.reasons.append(f"named:{len(people)}")
        elif any(_COUNTED.search(c.lowered) for c in custody_clauses):
            score += 0.08
            self.reasons.append("counted")
        if any(c.terms for c in custody_clauses):
            score += 0.05
            self.reasons.append("term")
        if any(_TIME_MARKER.search(self.sentences[c.sentence].lower()) for c in custody_clauses):
            score += 0.05
            self.reasons.append("dated")
        return score

    def _negatives(self, clauses: list[Clause], custody_clauses: list[Clause], people: list[Person]) -> float:
        score = 0.0
        near = self.title.lower() + "\n" + "\n".join(c.lowered for c in custody_clauses)
        civic_near = strong_civic(_CIVIC, near)
        political = self.political
        crime_hits, kinds = _crime_kinds(near)
        if kinds and not political:
            # Officials tried for their crimes, or the killers of an activist: the civic word
            # is the victim's or the office's, not the detainee's activity.
            official_corruption = (
                {"corruption", "crime", "treason"} & set(kinds)
                and _OFFICIAL.search(near)
                or "treason" in kinds
                or _VICTIM.search(near)
            )
            if civic_near and not official_corruption:
                # Activists are also charged with "fraud" or "smuggling"; only a report
                # that keeps returning to the crime is taken as ordinary crime.
                # A report that returns to the crime as the reason of the custody is crime news.
                repeated = sum(crime_hits.values()) >= 2
                score -= (0.45 if _crime_reason(near) else 0.3) if repeated else 0.1
            else:
                score -= 0.45
            self.reasons.append(f"negative:{kinds[0]}")
        elif not political:
            score -= self._crime_elsewhere(near)
        if all(LONG_AGO.search(c.lowered) or _ONGOING.search(c.lowered) or _held_already(c) for c in custody_clauses):
            # Jailed long ago, "remains in prison", "the jailed journalist": no new custody to alert about.
            score -= 0.4
            self.reasons.append("negative:old custody")
        score = self._lead_outcome(clauses, people, score)
        if self._absentia_headline(custody_clauses):
            score -= 0.45
            self.reasons.append("negative:in absentia")
        in_review = all(_REVIEW.search(self.sentences[c.sentence].lower()) for c in custody_clauses)
        if in_review or (not people and _REVIEW.search(self.lowered)):
            # A rights group's yearly review or a retrospective: past cases, not news, even
            # when the review names them ("in its annual report … blogger X, jailed for…").
            score -= 0.4 if in_review else 0.3
            self.reasons.append("negative:review")
        elif (
            not people
            and _VAGUE.search(near)
            and not any(_TIME_MARKER.search(self.sentences[c.sentence].lower()) for c in custody_clauses)
        ):
            score -= 0.25
            self.reasons.append("negative:commentary")
        return score

    def _lead_outcome(self, clauses: list[Clause], people: list[Person], score: float) -> float:
        """A lead (the headline and the sentence after it; a short first sentence of an untitled
        report is its headline, as in en_clauses) that reports a release and no fresh custody: the
        news is the outcome of a custody already reported. A custodial sentence upheld on appeal
        (or a cassation refused, a detention extended) is no such outcome: the guide counts it as
        custody in the period the report covers, as the Russian and Kazakh labels do."""
        headline = bool(self.title) or len(self.sentences[0].split()) <= 14
        lead = [c for c in clauses if c.sentence <= (1 if headline else 0)]
        if len(people) >= 3:
            return score  # "two of the eleven detained released": the others stay
        if not any(c.release for c in lead):
            return score  # no outcome in the lead: which custody is fresh cannot matter
        fresh = [
            c for c in lead if c.custody and not _DEMAND_RELEASE.search(c.lowered) and not LONG_AGO.search(c.lowered)
        ]
        if not fresh:
            self.reasons.append("negative:release")
            return min(score - 0.45, REVIEW_FLOOR - 0.05)
        return score

    def _absentia_headline(self, custody_clauses: list[Clause]) -> bool:
        """A headline of sentences passed in absentia ("… Sentenced to Prison Terms in Absentia"),
        and a body that only sentences, holding no one: the sentenced are abroad, not in custody."""
        if "absen" not in self.title.lower() or not _IN_ABSENTIA.search(self.title.lower()):
            return False
        return not any(_HOLDING.search(c.lowered) for c in custody_clauses if c.sentence > 0)

    def _crime_elsewhere(self, near: str) -> float:
        """The penalty for ordinary crime the report names outside its custody clauses: when
        they name nothing civic, or when the held is a former official and the report speaks
        of corruption and of no protest ("former defence minister X … charged with malfeasance")."""
        if not civic_match(_CIVIC, near):
            kind = crime_elsewhere(_CRIME, _CIVIC, self.lowered)
            if kind:
                self.reasons.append(f"negative:{kind} (elsewhere)")
                return 0.35 if crime_dominates(_CRIME, _CIVIC, self.lowered) else 0.2
        elif not self.protest and _FORMER_OFFICIAL.search(near) and crime_count(_CRIME["corruption"], self.lowered):
            self.reasons.append("negative:corruption (former official)")
            return 0.45
        return 0.0

    def _evidence(self, custody_clauses: list[Clause], people: list[Person]) -> list[Clause]:
        if len(custody_clauses) <= 2 and len({c.sentence for c in custody_clauses}) == len(custody_clauses):
            # all of them are the best two, in an order their sentences alone fix: no CIVIC search
            return sorted(custody_clauses, key=lambda c: c.sentence)
        named = {p.sentence for p in people}

        def rank(clause: Clause) -> tuple[bool, bool, bool, int]:
            return (clause.sentence in named, bool(clause.terms), bool(_CIVIC.search(clause.lowered)), -clause.sentence)

        best = sorted(custody_clauses, key=rank, reverse=True)[:2]
        return sorted(best, key=lambda c: c.sentence)

    def _operator_rules(self, score: float, clauses: list[Clause], people: list[Person]) -> float:
        for keyword in self.extra:
            self.reasons.append(f"extra:{keyword}")
        for name in self.watched:
            if any(c.custody and named(c.text, name) for c in clauses) or (
                any(c.custody for c in clauses) and named(self.title, name)
            ):
                score = max(score, 0.75)
                self.reasons.append(f"watchlist:{name}")
                if not any(_same_name(p.name, name) for p in people):
                    people.append(Person(name, None, 0, True))
        for keyword in self.excluded:
            score = min(score, 0.3)
            self.reasons.append(f"excluded:{keyword}")
        return score


def _same_name(a: str, b: str) -> bool:
    return sorted(a.lower().split()) == sorted(b.lower().split())


def _crime_kinds(near: str) -> tuple[dict[str, int], list[str]]:
    """The kinds of ordinary crime the custody clauses name, and how often; an official's
    treason case ("the former head of the security committee … for treason") is one too, and
    so is spying when nothing civic is near ("four officers detained on spying charges")."""
    hits = {kind: crime_count(pattern, near) for kind, pattern in _CRIME.items()}
    kinds = [kind for kind, count in hits.items() if count]
    if not kinds and _TREASON_WORDS.search(near) and crime_count(_TREASON, near):
        spying = _ESPIONAGE.search(near) is not None and strong_civic(_CIVIC, near) is None
        if spying or _SECURITY_OFFICIAL.search(near):
            hits["treason"], kinds = 1, ["treason"]
    return hits, kinds


def _held_already(clause: Clause) -> bool:
    """Whether a clause's only custody is a word describing someone already held ("lawyers for
    jailed journalist X said she was denied medical care"): their state, not news of custody."""
    if clause.terms or not (_HELD_WORDS.search(clause.lowered) and _HELD_ATTRIBUTE.search(clause.lowered)):
        return False  # "jailed journalist X was sentenced to three more years": a new term
    return CUSTODY.search(_HELD_PLACE.sub(" ", _HELD_ATTRIBUTE.sub(" ", clause.lowered))) is None


def _crime_reason(near: str) -> bool:
    """Whether the custody clauses give an ordinary crime as the custody's reason."""
    return any(crime_as_reason(pattern, near) for pattern in _CRIME.values())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))  # first occurrences, in order


def _trim(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) <= MAX_EVIDENCE_CHARS:
        return sentence
    cut = sentence[: MAX_EVIDENCE_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "…"
