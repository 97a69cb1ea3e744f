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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.analysis import organisations
from bot.analysis.en_crime import civic_match, crime_count, crime_elsewhere, strong_civic
from bot.analysis.en_groups import listed_after_group
from bot.analysis.en_names import Mention, find_mentions
from bot.analysis.en_roles import is_excluded_mention
from bot.analysis.en_sentences import split_sentences
from bot.analysis.en_terms import (
    TermSpan,
    context_year,
    find_charge,
    find_date,
    find_place,
    find_respective_terms,
    find_terms,
)
from bot.analysis.packs import en as en_pack
from bot.analysis.packs.en import (
    CIVIC as _CIVIC,
)
from bot.analysis.packs.en import (
    COUNTED as _COUNTED,
)
from bot.analysis.packs.en import (
    CRIME as _CRIME,
)
from bot.analysis.packs.en import (
    DEMAND_RELEASE as _DEMAND_RELEASE,
)
from bot.analysis.packs.en import (
    EXTENDED as _EXTENDED,
)
from bot.analysis.packs.en import (
    IN_ABSENTIA as _IN_ABSENTIA,
)
from bot.analysis.packs.en import (
    MARCH as _MARCH,
)
from bot.analysis.packs.en import (
    NOT_CUSTODY as _NOT_CUSTODY,
)
from bot.analysis.packs.en import (
    NOT_PROTEST as _NOT_PROTEST,
)
from bot.analysis.packs.en import (
    OFFICIAL as _OFFICIAL,
)
from bot.analysis.packs.en import (
    PENALTY_ONLY as _PENALTY_ONLY,
)
from bot.analysis.packs.en import (
    POLITICAL_CASE as _POLITICAL_CASE,
)
from bot.analysis.packs.en import (
    PROTEST as _PROTEST,
)
from bot.analysis.packs.en import (
    RELEASE as _RELEASE,
)
from bot.analysis.packs.en import (
    RESTRICTED as _RESTRICTED,
)
from bot.analysis.packs.en import (
    REVIEW as _REVIEW,
)
from bot.analysis.packs.en import (
    TIME_MARKER as _TIME_MARKER,
)
from bot.analysis.packs.en import (
    TITLE_RELEASE as _TITLE_RELEASE,
)
from bot.analysis.packs.en import (
    VAGUE as _VAGUE,
)
from bot.analysis.packs.en import (
    VICTIM as _VICTIM,
)
from bot.analysis.prepass import StemAutomaton
from bot.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.analysis.text import normalise
from bot.watchlist import named, watchlist_hits

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

# "penal colony" and "custody" are custody with a preposition ("in a penal colony",
# "into custody"); elsewhere ("a former Soviet penal colony") they describe a place.
_CUSTODY = re.compile(
    r"\b(?:"
    + "|".join(
        [p for w, p in en_pack.CUSTODY if w not in ("penal colony", "custody")] + [p for _, p in en_pack.PREFIXED]
    )
    + r")\b"
)

# A custody clause whose subject is a role, not a name ("an activist", "the 34-year-old").
_ROLE = (
    r"(?:activist|journalist|blogger|reporter|correspondent|photojournalist|editor|poet|writer|dissident"
    r"|critic|opposition (?:figure|leader|politician)|politician|defender|campaigner|lawyer|\d+-year-old"
    r"|[a-z]+-year-old)"
)
_INDEFINITE_ROLE = re.compile(rf"\b(?:a|an) (?:[\w-]+ ){{0,5}}{_ROLE}\b")
_DEFINITE_SUBJECT = re.compile(
    rf"(?:^|[,;] |\bthat |\bbut |\band |\bwhen |\bafter )(?:[\w ]{{0,25}} )?(?:he|she)\b"
    rf"|\bthe (?:[\w-]+ ){{0,4}}{_ROLE} (?:\w+ )?(?:was|is|has|had|had been|remains)\b|\b(?:him|her)\b"
)
_PLURAL_SUBJECT = re.compile(
    r"\b(?:they|them|their|both)\b|\ball (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|\b(?:all|each) of them\b|\bthe (?:two|three|four|five|six)(?: (?:activists|men|women|journalists|bloggers))?\b"
)
_GROUP = re.compile(
    r"\b(?:those|all|each|every|both|the (?:two|three|four|five|six|seven|eight|nine|ten))\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\w+ )?(?:men|women|people|activists|journalists|detainees|protesters)\b"
)
_PLURAL_ROLE = re.compile(
    r"\b(?:activists|journalists|bloggers|people|protesters|protestors|demonstrators|participants|members|workers|others|residents|defendants)\b"
)

_ONGOING = re.compile(
    r"\b(?:remains?|remained|is still|are still|still) (?:\w+ )?(?:in|behind) (?:prison|jail|custody|detention|bars)\b"
    r"|\b(?:is|are|was|were) serving (?:a|an|his|her|their) \w+"
)
_LONG_AGO = re.compile(r"\b(?:\w+ (?:months|years) ago|last year|in (?:19|20)\d\d)\b")

# Endings of English nouns that no name in this region's news has.
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")
_NOT_NAME_ENDING = re.compile(r"(?:tions?|sions?|ments?|ness|ities|ity|ics|ships?|ances?|ences?|ists|isms?)$")
_LIST_INTRO = re.compile(
    r"\b(?:those|people|activists|journalists) (?:detained|arrested|jailed|held) (?:include|included|were|are)\b"
    r"|\bamong (?:those|the) (?:detained|arrested|detainees)\b|\bthe detainees (?:include|are|were)\b"
)
_CLAUSE_BREAK = re.compile(r";|\s+--\s+|\s+—\s+|,? while |,? whereas |, but ")


@dataclass
class _Clause:
    text: str
    lowered: str
    sentence: int  # index into the sentence list
    custody: list[str] = field(default_factory=list)
    terms: list[TermSpan] = field(default_factory=list)
    release: bool = False
    penalty_only: bool = False
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _Person:
    name: str
    term: str | None = None
    sentence: int = 0
    fresh: bool = True  # some custody clause about them is not about long ago


def analyze_english(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Apply the English rules to one report (title may be empty)."""
    full = f"{title}\n{text}" if title else text
    lowered = full.lower()
    extra = _keywords(rules.extra_keywords)
    excluded = [kw for kw in _keywords(rules.exclude_keywords) if _has_keyword(lowered, kw)]
    watched = watchlist_hits(full, rules.watchlist)
    extra_hits = [kw for kw in extra if _has_keyword(lowered, kw)]
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


def _has_keyword(lowered: str, keyword: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(keyword), lowered) is not None


def _has_protest(original: str) -> bool:
    # Every form _MARCH matches contains "arch"; the substring test spares most texts the regex.
    if "arch" in original and _MARCH.search(original):
        return True
    lowered = original.lower()
    for match in _PROTEST.finditer(lowered):
        window = lowered[max(0, match.start() - 12) : match.end() + 12]
        if not _NOT_PROTEST.search(window):
            return True
    return False


def _arrested_then_served(low: str) -> bool:
    """ "were arrested … and spent 15 days in jail": the custody this sentence reports ended,
    but it is still the custody (as a detention of a few hours is), not a release."""
    spent = re.search(r"\bspent (?:[\w-]+ ){1,3}(?:in|behind) (?:prison|jail|bars|custody|detention)", low)
    if spent is None:
        return False
    return bool(_CUSTODY.search(low[: spent.start()])) and not _RELEASE.search(
        low[: spent.start()] + low[spent.end() :]
    )


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
        self.organisations: re.Pattern[str] | None = None
        self.sentences = split_sentences(title, text)
        self.extra = extra
        self.excluded = excluded
        self.watched = watched
        self.protest = protest
        self.lowered = "\n".join(self.sentences).lower()
        words = re.findall(r"[A-Za-z][\w'’-]*", self.title)
        self.title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
        self.body_lowered = "\n".join(self.sentences[1:] if self.title else self.sentences).lower()
        # Words the report writes in lower case (never sentence-initial, so never a name's).
        self.lower_words = frozenset(_LOWER_WORD.findall(" ".join(self.sentences)))
        self.detention_context = bool(re.search(r"detention|custody|arrest", self.lowered))
        self.reasons: list[str] = []

    # -- structure ---------------------------------------------------------------------

    def _clauses(self) -> list[_Clause]:
        clauses = []
        for index, sentence in enumerate(self.sentences):
            low_sentence = sentence.lower()
            headline = index == 0 and (self.title or len(low_sentence.split()) <= 14)
            release = (
                bool(_RELEASE.search(low_sentence) or (headline and _TITLE_RELEASE.search(low_sentence)))
                and not _DEMAND_RELEASE.search(low_sentence)
                and not _arrested_then_served(low_sentence)
            )
            # "Those detained include A; B; and C": one list, not clauses.
            parts = [sentence] if _LIST_INTRO.search(low_sentence) else _CLAUSE_BREAK.split(sentence)
            for part in parts:
                part = part.strip(" ,")
                if not part:
                    continue
                low = part.lower()
                clause = _Clause(part, low, index, release=release)
                blocked = [(m.start(), m.end()) for m in _NOT_CUSTODY.finditer(low)]
                if not release and not _IN_ABSENTIA.search(low):  # an exile sentenced in absentia
                    clause.custody = [
                        m.group(0)
                        for m in _CUSTODY.finditer(low)
                        if not any(lo <= m.start() < hi for lo, hi in blocked)
                    ]
                    clause.custody += [kw for kw in self.extra if _has_keyword(low, kw)]
                    clause.terms = [] if _RESTRICTED.search(low) else find_terms(part)
                    if clause.terms and self.detention_context and _EXTENDED.search(low):
                        clause.custody.append("extended")
                    if clause.terms and not clause.custody and not blocked:  # not "refused to arrest X for 2 months"
                        clause.custody.append("term")
                clause.penalty_only = not clause.custody and bool(_PENALTY_ONLY.search(low) or _RESTRICTED.search(low))
                clause.mentions = [m for m in find_mentions(part) if not self._common_words(m.text)]
                clauses.append(clause)
        return clauses

    def _registry(self, clauses: list[_Clause]) -> tuple[dict[str, str], dict[str, str], set[str]]:
        """Full names by family name and by (unambiguous) given name; titled people."""
        by_last: dict[str, str] = {}
        by_first: dict[str, set[str]] = {}
        titled: set[str] = set()
        for clause in clauses:
            for mention in clause.mentions:
                words = mention.text.split()
                if len(words) < 2:
                    continue
                if mention.titled:
                    titled.add(mention.text)
                by_last.setdefault(words[-1].lower(), mention.text)
                by_first.setdefault(words[0].lower(), set()).add(mention.text)
        firsts = {k: next(iter(v)) for k, v in by_first.items() if len(v) == 1 and k not in by_last}
        return by_last, firsts, titled

    def _resolve(self, mention: Mention, by_last: dict[str, str], by_first: dict[str, str]) -> str | None:
        words = mention.text.split()
        if len(words) >= 2:
            # "Hayot Hon Nasriddinov" and "Nasriddinov" are one person; a full name that
            # repeats a longer one is folded into it.
            return (
                by_last.get(words[-1].lower(), mention.text)
                if len(by_last.get(words[-1].lower(), "").split()) > len(words)
                else mention.text
            )
        key = words[0].lower()
        return by_last.get(key) or by_first.get(key)

    # -- the decision ------------------------------------------------------------------

    def analyse(self) -> Analysis:
        clauses = self._clauses()
        by_last, by_first, titled = self._registry(clauses)
        custody_clauses = [c for c in clauses if c.custody]
        people, _ = self._detainees(clauses, by_last, by_first, titled)
        score = 0.0
        evidence_clauses: list[_Clause] = []
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
        for sentence in evidence_sentences + [self.sentences[c.sentence] for c in custody_clauses]:
            detained_on = find_date(sentence, year)
            if detained_on:
                break
        ordered = evidence_sentences + [self.sentences[c.sentence] for c in custody_clauses]
        # Doubtful reports keep their people too: the operator approving one posts them.
        # A release keeps its people too: the event of their custody reports the release.
        released = "negative:release" in self.reasons
        detainees = tuple(Detainee(p.name, p.term) for p in people) if score >= REVIEW_FLOOR or released else ()
        return Analysis(
            arrest=arrest,
            protest=self.protest,
            detainees=detainees,
            lang="en",
            place=find_place(ordered + self.sentences),
            detained_on=detained_on,
            charge=find_charge(_unique(ordered + self.sentences)) if custody_clauses else None,
            evidence=tuple(_trim(s) for s in evidence_sentences),
            score=score,
            reasons=tuple(_unique(self.reasons)),
        )

    def _civic(self, custody_clauses: list[_Clause]) -> float:
        near = self.title.lower() + "\n" + "\n".join(self.sentences[c.sentence].lower() for c in custody_clauses)
        strong = strong_civic(_CIVIC, self.lowered) or _POLITICAL_CASE.search(self.lowered)
        match = civic_match(_CIVIC, near) if strong else None
        if match:
            self.reasons.append(f"civic:{match.group(0)}")
            return 0.25
        operator = next((kw for kw in self.civic_extra if _has_keyword(near, kw)), None)
        if operator is None and self.organisations is not None:
            named = self.organisations.search(near)  # a movement or party (data, [rules])
            operator = named.group(0) if named else None
        if operator is not None:  # the operators' own civic words (rules.civic)
            self.reasons.append(f"civic:{operator}")
            return 0.25
        match = strong_civic(_CIVIC, self.lowered)
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

    def _specifics(self, custody_clauses: list[_Clause], people: list[_Person]) -> float:
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

    def _negatives(self, clauses: list[_Clause], custody_clauses: list[_Clause], people: list[_Person]) -> float:
        score = 0.0
        near = self.title.lower() + "\n" + "\n".join(c.lowered for c in custody_clauses)
        civic_near = strong_civic(_CIVIC, near)
        political = _POLITICAL_CASE.search(self.lowered)
        crime_hits = {kind: crime_count(pattern, near) for kind, pattern in _CRIME.items()}
        kinds = [kind for kind, hits in crime_hits.items() if hits]
        if kinds and not political:
            # Officials tried for their crimes, or the killers of an activist: the civic word
            # is the victim's or the office's, not the detainee's activity.
            official_corruption = (
                ("corruption" in kinds or "crime" in kinds) and _OFFICIAL.search(near) or _VICTIM.search(near)
            )
            if civic_near and not official_corruption:
                # Activists are also charged with "fraud" or "smuggling"; only a report
                # that keeps returning to the crime is taken as ordinary crime.
                score -= 0.3 if sum(crime_hits.values()) >= 2 else 0.1
            else:
                score -= 0.45
            self.reasons.append(f"negative:{kinds[0]}")
        elif not political and not civic_match(_CIVIC, near):
            kind = crime_elsewhere(_CRIME, _CIVIC, self.lowered)
            if kind:
                score -= 0.2
                self.reasons.append(f"negative:{kind} (elsewhere)")
        if all(_LONG_AGO.search(c.lowered) or _ONGOING.search(c.lowered) for c in custody_clauses):
            # Jailed long ago, or "remains in prison": no new custody to alert about.
            score -= 0.4
            self.reasons.append("negative:old custody")
        # The lead: the headline and the sentence after it; a short first sentence of an
        # untitled report is its headline (as in _clauses).
        headline = bool(self.title) or len(self.sentences[0].split()) <= 14
        lead = [c for c in clauses if c.sentence <= (1 if headline else 0)]
        if (
            any(c.release for c in lead)
            and not any(
                c.custody for c in lead if not _DEMAND_RELEASE.search(c.lowered) and not _LONG_AGO.search(c.lowered)
            )
            and len(people) < 3
        ):  # "two of the eleven detained released": the others stay
            score = min(score - 0.45, REVIEW_FLOOR - 0.05)
            self.reasons.append("negative:release")
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

    def _evidence(self, custody_clauses: list[_Clause], people: list[_Person]) -> list[_Clause]:
        named = {p.sentence for p in people}

        def rank(clause: _Clause) -> tuple[bool, bool, bool, int]:
            return (clause.sentence in named, bool(clause.terms), bool(_CIVIC.search(clause.lowered)), -clause.sentence)

        best = sorted(custody_clauses, key=rank, reverse=True)[:2]
        return sorted(best, key=lambda c: c.sentence)

    def _operator_rules(self, score: float, clauses: list[_Clause], people: list[_Person]) -> float:
        for keyword in self.extra:
            self.reasons.append(f"extra:{keyword}")
        for name in self.watched:
            if any(c.custody and named(c.text, name) for c in clauses) or (
                any(c.custody for c in clauses) and named(self.title, name)
            ):
                score = max(score, 0.75)
                self.reasons.append(f"watchlist:{name}")
                if not any(_same_name(p.name, name) for p in people):
                    people.append(_Person(name, None, 0, True))
        for keyword in self.excluded:
            score = min(score, 0.3)
            self.reasons.append(f"excluded:{keyword}")
        return score

    # -- who -------------------------------------------------------------------------------

    def _detainees(
        self, clauses: list[_Clause], by_last: dict[str, str], by_first: dict[str, str], titled: set[str]
    ) -> tuple[list[_Person], set[str]]:
        """The people the custody clauses are about, with their terms; and the people only
        fined, summoned or released."""
        people: dict[str, _Person] = {}
        not_detained: set[str] = set()
        pending_terms: list[str] = []  # terms of custody clauses with no named subject
        group_terms: list[str] = []  # terms stated once for a group
        last_subjects: list[str] = []
        for position, clause in enumerate(clauses):
            resolved = [
                (mention, name)
                for mention in clause.mentions
                if (name := self._resolve(mention, by_last, by_first)) and name not in titled and not mention.titled
            ]
            if not clause.custody:
                if clause.penalty_only or clause.release:
                    not_detained.update(name for _, name in resolved)
                continue
            found = self._named_subjects(clause, resolved)
            fresh = not _LONG_AGO.search(clause.lowered)
            if found:
                respective = _respective_terms(clause, len(found))
                for index, (mention, name) in enumerate(found):
                    term = respective[index] if respective else _term_for(clause, mention)
                    _add_person(people, name, term, clause.sentence, fresh)
                last_subjects = [name for _, name in found]
                continue
            term = clause.terms[0].term if clause.terms else None
            target = self._reference(clause, clauses, position, by_last, by_first, titled, people, last_subjects)
            if target:
                for name in target:
                    _add_person(people, name, term, clause.sentence, fresh)
                last_subjects = target
            elif term and (_PLURAL_ROLE.search(clause.lowered) or _GROUP.search(clause.lowered)):
                group_terms.append(term)  # "15 days of arrest to seven activists", "for those detained"
            elif term:
                pending_terms.append(term)

        def name_of(mention: Mention) -> str | None:
            name = self._resolve(mention, by_last, by_first)
            return None if name in titled or mention.titled else name

        def is_group(lowered: str) -> bool:
            return bool(_GROUP.search(lowered) or _COUNTED.search(lowered))

        for name, term, sentence in listed_after_group(clauses, is_group, name_of):
            _add_person(people, name, term, sentence, True)
        result = [p for p in people.values() if p.fresh or p.name not in not_detained]
        if len(result) == 1 and result[0].term is None and len(set(pending_terms)) == 1:
            result[0].term = pending_terms[0]
        if len(set(group_terms)) == 1 and len(result) >= 2:
            for person in result:
                person.term = person.term or group_terms[0]
        return result, not_detained

    def _named_subjects(self, clause: _Clause, resolved: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
        """The named people of a custody clause who can be its detainees: not speakers,
        agents, lawyers or aliases, nor capitalised words of a title-case headline."""
        found = []
        for mention, name in resolved:
            if self._excluded_mention(clause, mention):
                continue
            if clause.sentence == 0 and self.title_case and name.lower() not in self.body_lowered:
                continue  # "Activists Being Jailed": capitals in a headline are not names
            found.append((mention, name))
        return found

    def _common_words(self, name: str) -> bool:
        """A capitalised run with a word the report also writes in lower case, or with an
        ending names do not have, is a headline's words, not a person ("Alleged Crime
        Committed", "Birthday Celebrations", "Main Directorate")."""
        for word in name.split():
            low = word.lower()
            if word.islower():
                continue  # a patronymic word the name finder kept ("Tajibek kyzy")
            if len(low) >= 4 and (low in self.lower_words or _NOT_NAME_ENDING.search(low)):
                return True
        return False

    def _excluded_mention(self, clause: _Clause, mention: Mention) -> bool:
        """Whether a name of the clause is someone other than its detainee (see en_roles)."""
        return is_excluded_mention(clause.text, clause.mentions, mention, _CUSTODY)

    def _reference(
        self,
        clause: _Clause,
        clauses: list[_Clause],
        position: int,
        by_last: dict[str, str],
        by_first: dict[str, str],
        titled: set[str],
        people: dict[str, _Person],
        last_subjects: list[str],
    ) -> list[str]:
        """Who a custody clause without a name is about ("an activist…", "he…", "they…")."""
        low = clause.lowered
        indefinite = _INDEFINITE_ROLE.search(low)
        if indefinite and not _PLURAL_ROLE.search(low[: indefinite.start()]):
            for later in clauses[position + 1 :]:
                if later.sentence > clause.sentence + 2:
                    break
                for mention in later.mentions:
                    name = self._resolve(mention, by_last, by_first)
                    if (
                        name
                        and len(name.split()) >= 2
                        and name not in titled
                        and not mention.titled
                        and not self._excluded_mention(later, mention)
                    ):
                        return [name]
            return []
        if _DEFINITE_SUBJECT.search(low):
            if last_subjects and len(last_subjects) == 1:
                return last_subjects
            for earlier in reversed(clauses[max(0, position - 8) : position]):
                for mention in reversed(earlier.mentions):
                    name = self._resolve(mention, by_last, by_first)
                    if (
                        name
                        and len(name.split()) >= 2
                        and name not in titled
                        and not mention.titled
                        and not self._excluded_mention(earlier, mention)
                    ):
                        return [name]
            return []
        group = _PLURAL_SUBJECT.search(low)
        if (
            group
            and (not _PLURAL_ROLE.search(low) or group.group(0).startswith(("all ", "the ", "each ")))
            and len(last_subjects) >= 2
        ):
            return list(last_subjects)
        return []


def _add_person(people: dict[str, _Person], name: str, term: str | None, sentence: int, fresh: bool) -> None:
    """Record a detainee, or complete one already found: the first term stated is kept, and
    one recent custody clause makes the person's custody recent."""
    person = people.get(name)
    if person is None:
        people[name] = _Person(name, term, sentence, fresh)
        return
    person.fresh = person.fresh or fresh
    if person.term is None and term is not None:
        person.term = term


def _respective_terms(clause: _Clause, count: int) -> list[str | None]:
    """One term per named person of the clause, in order ("to 30 years and 20 years,
    respectively"), or none when the terms do not pair with the ``count`` people."""
    respective = find_respective_terms(clause.text)
    if len(respective) != count and "respectively" in clause.lowered and len(clause.terms) == count:
        respective = [t.term for t in clause.terms]  # "to 30 years and 20 years, respectively"
    if len(respective) != count:
        respective = []
    return respective


_OTHERS_SENTENCE = re.compile(r"\bwho (?:(?:had|has|then|later|also) )?(?:sentenced|jailed|gave|handed|convicted)\b")


def _term_for(clause: _Clause, mention: Mention) -> str | None:
    """The first term after the name in its clause, else the nearest one before it."""
    # "X was sentenced by the judge who sentenced Y to two years": that term is Y's.
    after = [
        t
        for t in clause.terms
        if t.start >= mention.end and not _OTHERS_SENTENCE.search(clause.lowered[mention.end : t.start])
    ]
    if after:
        return after[0].term
    before = [t for t in clause.terms if t.end <= mention.start]
    return before[-1].term if before else None


def _same_name(a: str, b: str) -> bool:
    return sorted(a.lower().split()) == sorted(b.lower().split())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))  # first occurrences, in order


def _trim(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) <= MAX_EVIDENCE_CHARS:
        return sentence
    cut = sentence[: MAX_EVIDENCE_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "…"
