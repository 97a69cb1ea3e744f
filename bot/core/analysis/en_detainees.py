"""Who an English report says was taken, and for how long.

Why a module of its own: deciding whether a report is a civic arrest (english.py) and
finding its detainees are separate questions over the same clauses (en_clauses.py). Here
the named people of each custody clause are its detainees unless they speak of it, act in
it or are named only in passing (en_roles.py); a clause without a name is resolved to
someone named nearby ("an activist … Aidar Serikbayev", "he", "they"); each person gets
the term their clause gives them, or the one term stated for all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.core.analysis.en_clauses import CUSTODY, LONG_AGO, Clause, in_absentia
from bot.core.analysis.en_groups import listed_after_group
from bot.core.analysis.en_names import Mention, same_family_name, same_person
from bot.core.analysis.en_roles import is_excluded_mention, owns_other, penalised_only, subject_of_custody
from bot.core.analysis.en_terms import find_respective_terms, number_value, refines
from bot.core.analysis.packs.en import COUNTED, IN_ABSENTIA

# A custody clause whose subject is a role, not a name ("an activist", "the 34-year-old").
_ROLE = (
    r"(?:activist|journalist|blogger|reporter|correspondent|photojournalist|editor|poet|writer|dissident"
    r"|critic|opposition (?:figure|leader|politician)|politician|defender|campaigner|lawyer|\d+-year-old"
    r"|founder|anchor|researcher|academic|scholar|(?:school)?teacher|artist|musician|preacher|imam|cleric|student"
    r"|[a-z]+-year-old)"
)
# "an Iranian women's rights activist", "an RFE/RL correspondent": the words before the role
# may hold an apostrophe or a slash.
_INDEFINITE_ROLE = re.compile(rf"\b(?:a|an) (?:[\w'’/.-]+ ){{0,5}}{_ROLE}\b")
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
# A group's custody that the report sets apart from the people it names.
_OTHERS = re.compile(r"\b(?:all other|the other|several other|the others|the rest|others)\b")
# "X, who is in pre-trial detention": custody with no term yet, whatever the others got.
_AWAITING_TRIAL = re.compile(r"\bpre-?trial\b|\bawaiting (?:trial|sentencing)\b|\buntil (?:the |his |her )?trial\b")
# "X was also detained but later released": held for hours, no one's sentence.
_BRIEFLY = re.compile(
    r"\b(?:later|then|subsequently|soon|quickly|shortly) (?:been )?(?:released|freed|let go)\b|\bbriefly (?:detained|held)\b"
    r"|\breleased (?:later|shortly|hours later|after questioning)\b"
)
# A sentence naming some of the people the custody clause before it counted: "Two of these
# leaders are X and Y", "Among them were X and Y".
_OF_THE_HELD = re.compile(
    r"^(?:\w+ )?(?:one|two|three|four|five|six|seven|eight|nine|ten|some|several|many|most)"
    r" of (?:these|those|them|the (?:detained|detainees|arrested))\b(?: [\w-]+)? (?:is|are|was|were|include|included)\b"
    r"|^among (?:them|those|these)(?: \w+)? (?:is|are|was|were)\b"
)
_OTHERS_SENTENCE = re.compile(
    r"\bwho (?:(?:had|has|then|later|also) )?(?:sentenced|jailed|gave|handed|convicted)\b"
    # "X … said activist Y, who was himself detained for five days": a term of the other name's clause
    # (not the outlet of an apposition: "X, cameraman of Belsat, who has been sentenced" is X's)
    r"|(?<!\bof )(?<!\bat )[A-Z][\w'’-]+,? who (?:was|were|had been|has been) (?:\w+ )?(?:detained|jailed|arrested|sentenced)\b"
)


# "was extended for the same period": the term of the custody stated before.
_SAME_PERIOD = re.compile(r"\b(?:for|by) the same (?:period|term|length of time)\b")


def _terms_of(clause: Clause, found: list[tuple[Mention, str]], earlier: list[Clause]) -> list[str | None]:
    """The term of each named detainee of a custody clause: listed "respectively", the one
    their clause gives them, or "the same period" as the custody stated before."""
    respective = _respective_terms(clause, [mention for mention, _ in found])
    terms = [respective[index] if respective else _term_for(clause, m) for index, (m, _) in enumerate(found)]
    if None in terms and "same" in clause.lowered and _SAME_PERIOD.search(clause.lowered):
        terms = [term or _last_term(earlier) for term in terms]
    return terms


def _last_term(clauses: list[Clause]) -> str | None:
    """The last term of a custody clause among ``clauses``."""
    for clause in reversed(clauses):
        if clause.custody and clause.terms and clause.terms[-1].term:
            return clause.terms[-1].term
    return None


@dataclass
class Person:
    """A detainee as the rules found them: the name, the term, the sentence naming them."""

    name: str
    term: str | None = None
    sentence: int = 0
    fresh: bool = True  # some custody clause about them is not about long ago


@dataclass(frozen=True)
class Names:
    """Full names by family name and by (unambiguous) given name; titled people; each full
    name as written → its first spelling (two Latin spellings of one person are one), with
    the family name as the report writes it most often ("Isako Devizde … Devidze … Devidze")."""

    by_last: dict[str, str]
    by_first: dict[str, str]
    titled: set[str]
    spellings: dict[str, str]
    shared_last: frozenset[str] = frozenset()  # family names of two people: a lone one is nobody's

    @classmethod
    def of(cls, clauses: list[Clause]) -> Names:
        by_last: dict[str, str] = {}
        by_first: dict[str, set[str]] = {}
        titled: set[str] = set()
        spellings: dict[str, str] = {}
        for clause in clauses:
            for mention in clause.mentions:
                words = mention.text.split()
                if len(words) < 2:
                    continue
                if mention.text not in spellings:  # another spelling of someone named before
                    first = next((seen for seen in spellings.values() if same_person(seen, mention.text)), None)
                    spellings[mention.text] = first or mention.text
                    if first is not None and first.split()[0].endswith("."):  # "M. Abzhan", then in full
                        for written, seen in spellings.items():
                            spellings[written] = mention.text if seen == first else seen
                if mention.titled:
                    titled.add(mention.text)
                by_last.setdefault(words[-1].lower(), mention.text)
                by_first.setdefault(words[0].lower(), set()).add(mention.text)
        if not spellings:
            return cls({}, {}, set(), {})  # no full name at all: nothing to fold or to spell
        firsts = {k: next(iter(v)) for k, v in by_first.items() if len(v) == 1 and k not in by_last}
        _fold_middle_names(spellings)
        shown = _usual_spelling([m.text for c in clauses for m in c.mentions])
        people_by_last: dict[str, set[str]] = {}
        for name in spellings.values():
            people_by_last.setdefault(name.split()[-1].lower(), set()).add(name)
        return cls(
            {k: shown(spellings.get(v, v)) for k, v in by_last.items()},
            {k: shown(spellings.get(v, v)) for k, v in firsts.items()},
            {shown(spellings.get(n, n)) for n in titled},
            {k: shown(v) for k, v in spellings.items()},
            frozenset(k for k, v in people_by_last.items() if len(v) > 1),
        )

    def resolve(self, mention: Mention) -> str | None:
        words = mention.text.split()
        if len(words) >= 2:
            # "Hayot Hon Nasriddinov" and "Nasriddinov" are one person; a full name that
            # repeats a longer one is folded into it.
            spelling = self.spellings.get(mention.text, mention.text)
            return (
                self.by_last.get(words[-1].lower(), spelling)
                if len(self.by_last.get(words[-1].lower(), "").split()) > len(words)
                else spelling
            )
        key = words[0].lower()
        if key in self.shared_last:
            return None  # "Aliyev" after "Ilham Aliyev" and "Elxan Aliyev": which one?
        found = self.by_last.get(key) or self.by_first.get(key)
        if found is None and len(key) >= 5:  # "Labkovitch" after "Uladzimir Labkovic"
            found = next((n for last, n in self.by_last.items() if same_family_name(last, key)), None)
        return found


def _fold_middle_names(spellings: dict[str, str]) -> None:
    """Fold a two-word name into a longer one with the same given and family names ("Zurab
    Japaridze", "Zurab Girchi Japaridze"): one person, named once with a middle name."""
    longer = [n for n in set(spellings.values()) if len(n.split()) >= 3]
    for written, name in spellings.items():
        words = name.split()
        if len(words) == 2:
            full = [n for n in longer if n.split()[0] == words[0] and n.split()[-1] == words[-1]]
            if len(full) == 1:
                spellings[written] = full[0]


def _usual_spelling(mentions: list[str]) -> Callable[[str], str]:
    """A full name with its family name spelled as ``mentions`` spell it most often."""
    counts = Counter(text.split()[-1] for text in mentions)
    known: dict[str, str] = {}  # a report names few people, each many times

    def shown(name: str) -> str:
        if name not in known:
            words = name.split()
            best = max((w for w in counts if same_family_name(w, words[-1])), key=counts.__getitem__, default=words[-1])
            known[name] = " ".join(words[:-1] + [best]) if counts[best] > counts[words[-1]] else name
        return known[name]

    return shown


def find_detainees(
    clauses: list[Clause], names: Names, title_case: bool, body_lowered: str
) -> tuple[list[Person], set[str]]:
    """The people the custody clauses are about, with their terms; and the people only
    fined, summoned or released. ``title_case``: the headline capitalises its words, so
    only names the body (``body_lowered``) repeats are names there."""
    people: dict[str, Person] = {}
    not_detained: set[str] = set()
    abroad: set[str] = set()  # sentenced in absentia
    unassigned = _Unassigned()
    last_subjects: list[str] = []
    last_position = -1
    for position, clause in enumerate(clauses):
        resolved = [
            (mention, name)
            for mention in clause.mentions
            if (name := names.resolve(mention))
            and (name not in names.titled and not mention.titled or _titled_held(clause, mention))
        ]
        if "absen" in clause.lowered and IN_ABSENTIA.search(clause.lowered):  # "X was tried in absentia"
            abroad.update(name for mention, name in resolved if in_absentia(clause, mention))
        if not clause.custody:
            _not_custody_clause(clauses, position, resolved, people, not_detained)
            continue
        found = _named_subjects(clause, resolved, title_case, body_lowered)
        fresh = not LONG_AGO.search(clause.lowered)
        if found:
            for (_, name), term in zip(found, _terms_of(clause, found, clauses[:position]), strict=True):
                _add_person(people, name, term, clause.sentence, fresh)
                if term is None and _AWAITING_TRIAL.search(clause.lowered):
                    unassigned.awaiting.add(name)
                if term is None and _BRIEFLY.search(clause.lowered):
                    unassigned.brief.add(name)
            last_subjects, last_position = [name for _, name in found], position
            continue
        term = clause.terms[0].term if clause.terms else None
        target = _reference(clause, clauses, position, names, (last_subjects, last_position))
        if target:
            for name in target:
                _add_person(people, name, term, clause.sentence, fresh)
            last_subjects, last_position = target, position
        elif term and _OTHERS.search(clause.lowered):
            pass  # "all other appeals … against their two-month detention": not the named people's
        elif term and (_PLURAL_ROLE.search(clause.lowered) or _GROUP.search(clause.lowered)):
            unassigned.group_terms.append(term)  # "15 days of arrest to seven activists", "for those detained"
            unassigned.group_sentences.append(clause.sentence)
            unassigned.group_pretrial |= bool(_AWAITING_TRIAL.search(clause.lowered))
        elif term:
            unassigned.pending_terms.append(term)
    listed_groups = _add_listed(people, clauses, names)
    # Custody only long ago, in a report of a release ("freed X, jailed in 2011"): not held now.
    released = any(c.release for c in clauses)
    result = [
        p for p in people.values() if (p.fresh or p.name not in not_detained and not released) and p.name not in abroad
    ]
    unassigned.share(result, listed_groups)
    return result, not_detained


def _not_custody_clause(
    clauses: list[Clause],
    position: int,
    resolved: list[tuple[Mention, str]],
    people: dict[str, Person],
    not_detained: set[str],
) -> None:
    """A clause without custody: the people only fined or released in it are not detainees, and
    the people it names as some of those the custody clause before it counted are ("Some were
    arrested … Two of these leaders are X and Y")."""
    clause = clauses[position]
    if clause.penalty_only or clause.release:  # not "X's codefendant was fined"
        not_detained.update(name for mention, name in resolved if not owns_other(clause.text, mention))
    elif position and clauses[position - 1].custody and _OF_THE_HELD.search(clause.lowered):
        for _, name in resolved:
            _add_person(people, name, None, clause.sentence, True)


@dataclass
class _Unassigned:
    """Terms no named person's clause gave: of unnamed subjects (``pending_terms``) or stated
    once for a group (``group_terms``); who is held before trial, so that a group's sentence
    is not theirs (``awaiting``), unless the group's term is one of pre-trial detention."""

    pending_terms: list[str] = field(default_factory=list)
    group_terms: list[str] = field(default_factory=list)
    awaiting: set[str] = field(default_factory=set)
    brief: set[str] = field(default_factory=set)  # held for hours and let go: no sentence
    group_pretrial: bool = False
    group_sentences: list[int] = field(default_factory=list)  # where each group term is stated

    def share(self, result: list[Person], listed: set[int]) -> None:
        """Give the people without a term the one term left unassigned, if only one is; the
        term of a group whose members are listed (sentences ``listed``) was theirs."""
        self.group_terms = [t for t, s in zip(self.group_terms, self.group_sentences) if s not in listed]
        left = set(self.pending_terms + self.group_terms)
        if len(result) == 1 and result[0].term is None and len(left) == 1 and result[0].name not in self.brief:
            result[0].term = (self.pending_terms + self.group_terms)[0]
        if len(set(self.group_terms)) == 1 and len(result) >= 2:
            for person in result:
                if person.name in self.brief:
                    continue
                if person.term is None and (person.name not in self.awaiting or self.group_pretrial):
                    person.term = self.group_terms[0]


def _titled_held(clause: Clause, mention: Mention) -> bool:
    """Whether a titled name ("Memorial chairman X") is itself the subject of the clause's
    custody ("X, 65, and Y were detained"): a party's chairman is held like anyone."""
    return bool(clause.custody) and subject_of_custody(clause.text[mention.end :], CUSTODY)


def _add_listed(people: dict[str, Person], clauses: list[Clause], names: Names) -> set[int]:
    """Add the people named in a list after a counted group ("… detained five activists:
    A, B and C"), with their terms; the sentences of the groups so listed."""

    def name_of(mention: Mention) -> str | None:
        name = names.resolve(mention)
        return None if name in names.titled or mention.titled else name

    def is_group(lowered: str) -> bool:
        return bool(_GROUP.search(lowered) or COUNTED.search(lowered))

    listed, groups = listed_after_group(clauses, is_group, name_of)
    for name, term, sentence in listed:
        _add_person(people, name, term, sentence, True)
    return groups


def _named_subjects(
    clause: Clause, resolved: list[tuple[Mention, str]], title_case: bool, body_lowered: str
) -> list[tuple[Mention, str]]:
    """The named people of a custody clause who can be its detainees: not speakers,
    agents, lawyers or aliases, nor capitalised words of a title-case headline."""
    found = []
    for mention, name in resolved:
        if _excluded_mention(clause, mention) or penalised_only(clause.text, mention, CUSTODY):
            continue
        if clause.sentence == 0 and title_case and name.lower() not in body_lowered:
            continue  # "Activists Being Jailed": capitals in a headline are not names
        found.append((mention, name))
    return found


def _excluded_mention(clause: Clause, mention: Mention) -> bool:
    """Whether a name of the clause is someone other than its detainee (see en_roles)."""
    return is_excluded_mention(clause.text, clause.mentions, mention, CUSTODY)


def _reference(
    clause: Clause, clauses: list[Clause], position: int, names: Names, last: tuple[list[str], int]
) -> list[str]:
    """Who a custody clause without a name is about ("an activist…", "he…", "they…")."""
    low = clause.lowered
    last_subjects, last_position = last  # the detainees found last, and their clause
    indefinite = _INDEFINITE_ROLE.search(low)
    if indefinite and not _PLURAL_ROLE.search(low[: indefinite.start()]):
        for later in clauses[position + 1 :]:
            if later.sentence > clause.sentence + 2:
                break
            for mention in later.mentions:
                name = _full_name(later, mention, names)
                if name:
                    return [name]
        return []
    if _DEFINITE_SUBJECT.search(low):
        # "X was summoned … The next day the court sentenced him": "him" is the one named
        # in the penalty clause after the last detainee found, not that detainee.
        for earlier in reversed(clauses[max(0, position - 2, last_position + 1) : position]):
            named = (
                [n for m in earlier.mentions if (n := _full_name(earlier, m, names))] if earlier.penalty_only else []
            )
            if len(named) == 1:
                return named
        if last_subjects and len(last_subjects) == 1:
            return last_subjects
        for earlier in reversed(clauses[max(0, position - 8) : position]):
            for mention in reversed(earlier.mentions):
                name = _full_name(earlier, mention, names)
                if name:
                    return [name]
        return []
    counted = _counted_subject(clause, clauses, position, names)
    if counted:
        return counted
    group = _PLURAL_SUBJECT.search(low)
    if (
        group
        and (not _PLURAL_ROLE.search(low) or group.group(0).startswith(("all ", "the ", "each ")))
        and len(last_subjects) >= 2
    ):
        return list(last_subjects)
    return []


# "The five were arrested", "All three were detained", "sentenced the two journalists": a
# subject or object that counts people the report has named.
_COUNTED_SUBJECT = re.compile(
    r"^(?:the|all|all the) (?P<n>two|three|four|five|six|seven|eight|nine|ten)"
    r"(?: (?:activists|men|women|journalists|bloggers|defendants|of them))? (?:were|had been|have been|are)\b"
    r"|\bthe (?P<m>two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:activists|men|women|journalists|bloggers|defendants|reporters|protesters|opposition figures)\b"
)


_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _counted_subject(clause: Clause, clauses: list[Clause], position: int, names: Names) -> list[str]:
    """The people a counting subject stands for: the last N full names the report gave
    before it, within a few sentences (none if it gave fewer)."""
    # (the cheap test first: every _COUNTED_SUBJECT counts in words)
    low = clause.lowered
    match = _COUNTED_SUBJECT.search(low) if any(word in low for word in _COUNT_WORDS) else None
    if match is None:
        return []
    count = number_value(match["n"] or match["m"])
    found: list[str] = []
    for earlier in reversed(clauses[max(0, position - 12) : position]):
        if earlier.sentence < clause.sentence - 8:
            break
        for mention in reversed(earlier.mentions):
            name = _full_name(earlier, mention, names)
            if name and name not in found:
                found.append(name)
    return list(reversed(found[: int(count or 0)])) if count and len(found) >= count else []


def _full_name(clause: Clause, mention: Mention, names: Names) -> str | None:
    """The full name a mention of another clause stands for, if it can be the detainee
    a clause without a name refers to: no title, no speaker, agent or alias."""
    name = names.resolve(mention)
    if (
        name
        and len(name.split()) >= 2
        and name not in names.titled
        and not mention.titled
        and not _excluded_mention(clause, mention)
    ):
        return name
    return None


def _add_person(people: dict[str, Person], name: str, term: str | None, sentence: int, fresh: bool) -> None:
    """Record a detainee, or complete one already found: the first term stated is kept
    unless a later one refines it (the body's "78 months" for a headline's "6 years"), and
    one recent custody clause makes the person's custody recent."""
    person = people.get(name)
    if person is None:
        people[name] = Person(name, term, sentence, fresh)
        return
    person.fresh = person.fresh or fresh
    if person.term is None and term is not None or term and person.term and refines(term, person.term):
        person.term = term


def _respective_terms(clause: Clause, found: list[Mention]) -> list[str | None]:
    """One term per named person of the clause, in order ("to 30 years and 20 years,
    respectively"), or none when the terms do not pair with the people ``found``."""
    count = len(found)
    respective = find_respective_terms(clause.text)
    if len(respective) != count and "respectively" in clause.lowered and len(clause.terms) == count:
        respective = [t.term for t in clause.terms]  # "to 30 years and 20 years, respectively"
    if len(respective) == count:
        return respective
    if "respectively" not in clause.lowered or count < 3:
        return []
    listed = respective or [t.term for t in clause.terms]
    return _paired_nearby(clause, found, listed) if 2 <= len(listed) < count else []


# "…, respectively, for attorneys A and B": the people come after the terms.
_RESPECTIVELY_FOR = re.compile(r"respectively,? (?:to|for|of)\b")


def _paired_nearby(clause: Clause, found: list[Mention], listed: list[str | None]) -> list[str | None]:
    """Terms stated "respectively" for fewer people than the clause names pair with the
    names right before them ("A was tried with B and C, who got nine and seven years
    respectively") or right after them ("a 21-year term for A and 15- and 30-year terms,
    respectively, for B and C"); the others keep the nearest term before their name."""
    anchor = clause.lowered.index("respectively")
    after = [index for index, mention in enumerate(found) if mention.start > anchor]
    if len(after) >= len(listed) and _RESPECTIVELY_FOR.match(clause.lowered, anchor):
        paired = after[: len(listed)]
    else:
        start = clause.terms[0].start if clause.terms else anchor
        before = [index for index, mention in enumerate(found) if mention.end <= start]
        if len(before) < len(listed):
            return []
        paired = before[-len(listed) :]
    terms: list[str | None] = []
    for index, mention in enumerate(found):
        if index in paired:
            terms.append(listed[paired.index(index)])
        else:
            earlier = [t for t in clause.terms if t.end <= mention.start]
            terms.append(earlier[-1].term if earlier else None)
    return terms


def _term_for(clause: Clause, mention: Mention) -> str | None:
    """The first term after the name in its clause, else the nearest one before it."""
    # "X was sentenced by the judge who sentenced Y to two years": that term is Y's.
    after = [
        t
        for t in clause.terms
        if t.start >= mention.end and not _OTHERS_SENTENCE.search(clause.text[mention.end : t.start])
    ]
    if after:
        return after[0].term
    before = [t for t in clause.terms if t.end <= mention.start]
    return before[-1].term if before else None
