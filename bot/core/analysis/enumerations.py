"""Coordinated people share their role: one stage after every language's rules.

Why: the rules of each language pick the detainees a custody word governs, and in a list of
people ("A, B, C from X Newspaper, D and E were detained"; "задержали A, бывшего посла B, а
также депутата C"; "A, B және C ұсталды") they often stop at some of the list: the verb agrees
with the last, a title or an outlet breaks the run, a case form is unusual. Coordination is
a fact of the languages, not of reports: people joined by commas, "and", "и", "а также",
"және", "мен/пен/бен" or a dash play one role in the sentence. So when a list holds one person
the rules chose, every other person of that list is a detainee too, with the list's one term.

Not across a list that mixes a role the corpus never counts (a judge, a prosecutor, a lawyer,
an official, a victim, a relative), not across a sentence that releases, fines or acquits its
people (those in it may be the free ones), and not across a clause: the words between two
people of one list are separators and descriptors ("journalist of X"), never a verb, a
relative pronoun or a term of their own (each has its own term then: "A – 5 years, B – 3").

Pure: the language's own person finder gives the people of a sentence (``enumeration_people``);
this module only decides which of them are listed together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.core.analysis.result import Detainee


@dataclass(frozen=True)
class Listed:
    """A person of one sentence: the nominative name and where it is written ([start, end))."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    """What one language writes between listed people, and what stops a list."""

    joiner: re.Pattern[str]  # a separator: a comma, "and", "а также", "мен"
    clause: Callable[[str], object]  # the gap holds another clause: a verb, "who", "который"
    # After the last separator, a word that makes the next name an owner's: "an aide to MP X".
    owner: re.Pattern[str]
    role: re.Pattern[str]  # a role the corpus never counts as detained: judge, lawyer, victim
    release: re.Pattern[str]  # a sentence that frees, fines or acquits its people
    lesser: re.Pattern[str]  # a person's own penalty that is no custody ("180 hours of community service")
    term: re.Pattern[str]  # a term of its own between two people
    respective: re.Pattern[str]  # "to 9 and 7 years, respectively": terms in the people's order
    custody: re.Pattern[str]  # the list's sentence speaks of custody or a term
    intro: re.Pattern[str]  # a speaker opens the sentence: "according to", "по словам"
    speech: re.Pattern[str]  # a verb of saying right after a person: the speaker, not one held
    conjunction: re.Pattern[str]  # the gap of "Yahor and Vitaly Prokopchuk": a bare "and"


# The longest run of descriptors between two listed people ("a reporter of the X newspaper,").
_MAX_GAP = 70
# How far before a list a role word still belongs to its first person ("Judge A and B").
_ROLE_BEFORE = 25
# The longest link between a person and a name that describes them ("from the", " из ").
_DESCRIPTOR_LINK = 30
# An aside in brackets says something of the person before ("(also a correspondent)", "(35)"):
# neither a separator nor a clause of the list.
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_STOPS = re.compile(r"[.!?:]|\n")


def extend(
    chosen: Sequence[Detainee],
    sentences: Sequence[str],
    find: Callable[[str], list[Listed]],
    lexicon: Lexicon,
) -> tuple[Detainee, ...]:
    """The chosen detainees and every person listed together with one of them.

    ``find`` is the language's person finder, asked only about a sentence that can hold a
    list of held people (a separator, custody, no release): most sentences cost a regex.
    """
    people = list(chosen)
    for text in sentences:
        if not lexicon.joiner.search(text) or lexicon.release.search(text) or not lexicon.custody.search(text):
            continue
        for group in _lists(text, find(text), lexicon):
            people.extend(_added(text, group, people, lexicon))
    return tuple(people)


def _lists(text: str, listed: list[Listed], lexicon: Lexicon) -> list[list[Listed]]:
    """The people of a sentence in runs joined only by separators and descriptors."""
    ordered = sorted(listed, key=lambda p: p.start)
    groups: list[list[Listed]] = []
    for person in ordered:
        gap = _ASIDE.sub(" ", text[groups[-1][-1].end : person.start]) if groups else ""
        if groups and _joined(gap, lexicon):
            groups[-1].append(person)
        elif groups and len(groups[-1][-1].name.split()) >= 2 and _describes(gap, lexicon):
            # "Pavel Zhuk of the Evening Courier, and Irina Lapko": a capitalised name right
            # after a person's full name with no separator (an outlet, a party) describes that
            # person; the list goes on after it, as if it were one of the descriptor words.
            # (After one word it is the other way round: "Vesna representatives A and B".)
            groups[-1][-1] = Listed(groups[-1][-1].name, groups[-1][-1].start, person.end)
        else:
            groups.append([person])
    return [g for g in groups if len(g) > 1]


def _joined(gap: str, lexicon: Lexicon) -> bool:
    """Whether the words between two people only list them (no verb, no other clause)."""
    if len(gap) > _MAX_GAP or _STOPS.search(gap) or not lexicon.joiner.search(gap):
        return False
    if lexicon.clause(gap):
        return False
    return not lexicon.owner.search(lexicon.joiner.split(gap)[-1])


def _describes(gap: str, lexicon: Lexicon) -> bool:
    """A short link with no separator and no verb ("of the", "from", "из"): what follows it
    belongs to the person before."""
    return (
        len(gap) <= _DESCRIPTOR_LINK
        and not _STOPS.search(gap)
        and not lexicon.joiner.search(gap)
        and not lexicon.clause(gap)
    )


def _added(text: str, group: list[Listed], people: list[Detainee], lexicon: Lexicon) -> list[Detainee]:
    """The people of one list who join the detainees, when a detainee is among them."""
    held = [d for p in group for d in people if same_person(p.name, d.name)]
    if not held:
        return []
    gaps = [_ASIDE.sub(" ", text[a.end : b.start]) for a, b in zip(group, group[1:])]
    if any(lexicon.role.search(g) for g in [_title_before(text, group[0].start, lexicon), *gaps]):
        return []
    if _speaker_first(text, group[0].start, lexicon) or lexicon.speech.match(text[group[-1].end :]):
        return []
    # One term for the list when the detainees in it share one and nobody has a term of
    # their own between the names ("A – 5 years, B – 3 years": each its own, none guessed).
    terms = {d.term for d in held}
    own_terms = any(lexicon.term.search(g) for g in gaps) or bool(lexicon.respective.search(text))
    term = terms.pop() if len(terms) == 1 and not own_terms else None
    added: list[Detainee] = []
    for k, person in enumerate(group):
        following = group[k + 1] if k + 1 < len(group) else None
        if lexicon.lesser.search(text[person.end : following.start if following else len(text)]):
            continue  # "…, and C – to 180 hours of community service": C's own penalty is no custody
        name = _full_name(person, following, text, lexicon)
        if name is None or any(same_person(name, d.name) for d in [*people, *added]):
            continue
        if name == person.name and any(_same_family(name, d.name) for d in people):
            continue  # another given name of a detainee's family: a relative, an alias, a misspelling
        added.append(Detainee(name=name, term=term))
    return added


def _same_family(a: str, b: str) -> bool:
    x, y = _fold(a), _fold(b)
    return bool(x and y) and any(_same_word(w, v) for w in x[-1:] + x[:1] for v in y[-1:] + y[:1] if len(w) > 3)


def _speaker_first(text: str, start: int, lexicon: Lexicon) -> bool:
    """ "According to activist X, A and B were held": the list's first person is the speaker an
    opening names (and no separator stands between); "По его данным, задержаны A, B" is no speaker."""
    intros = list(lexicon.intro.finditer(text, 0, start))
    return bool(intros) and not lexicon.joiner.search(text[intros[-1].end() : start])


def _title_before(text: str, start: int, lexicon: Lexicon) -> str:
    """The words just before a list that can be its first person's title ("Judge A and B"),
    back to a verb at most ("Judge X sentenced A and B": the judge is not in the list)."""
    words = text[max(0, start - _ROLE_BEFORE) : start].split()
    title: list[str] = []
    for word in reversed(words):
        if lexicon.clause(word):
            break
        title.insert(0, word)
    return " ".join(title)


def _full_name(person: Listed, following: Listed | None, text: str, lexicon: Lexicon) -> str | None:
    """A listed person's name; a given name alone takes the family name of the next person
    joined by a bare "and" ("Yahor and Vitaly Prokopchuk"), and is no name otherwise."""
    words = person.name.split()
    if len(words) >= 2:
        return person.name
    if following is not None and lexicon.conjunction.fullmatch(text[person.end : following.start]):
        family = following.name.split()
        if len(family) >= 2:
            return f"{person.name} {family[-1]}"
    return None


def _fold(name: str) -> list[str]:
    return [w for w in re.sub(r"[^\w\s]", "", name.casefold().replace("ё", "е")).split() if len(w) > 1]


def same_person(a: str, b: str) -> bool:
    """Whether two names are one person's: every word of the shorter in the longer
    ("Ivanov", "Aleksandr Ivanov"); two people who share a given name are two. A word is the
    same in another case form or spelling ("Дениса Варозова", "Denis Varozov"; "Douma", "Doma"):
    the stage must not add a person the rules already hold."""
    x, y = _fold(a), _fold(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return all(any(_same_word(w, v) for v in long) for w in short)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    common = len(next((p for p in _prefixes(a, b)), ""))
    if common >= min(len(a), len(b)) - 1:
        return True  # a case ending: "варозова", "варозов"; "карим", "каримов"
    return len(a) == len(b) and sum(p != q for p, q in zip(a, b)) == 1 or _one_insertion(a, b)


def _prefixes(a: str, b: str) -> list[str]:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return [a[:n]]


def _one_insertion(a: str, b: str) -> bool:
    """ "doma" and "douma", "zoodar" and "zhoodar": one letter more."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))
