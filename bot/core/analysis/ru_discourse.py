"""Who the detainees are across a Russian report's sentences, when no one sentence says it.

The sentence rules (:mod:`ru_detainees`) read one sentence at a time; a report also names its
detainees after a count ("задержали двух пикетчиков. X — за пикет… Y — за плакат…"), in a list
a custody sentence opens with a colon, or names its protagonist sentences before the custody
that a pronoun reports ("рассмотрел дело блогера X. Об этом сообщил Y. Суд приговорил его…").
"""

from __future__ import annotations

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_detainees import SPEECH
from bot.core.analysis.ru_morph import parses
from bot.core.analysis.ru_names import LIST_ITEM_RE, Mention, Sentence, Token, continues_list, opens_list, tag
from bot.core.analysis.ru_roles import is_excluded_person
from bot.core.analysis.ru_rules import SentenceFacts

# How far back a pronoun may look for the person it stands for, over sentences naming nobody
# who could be that person (a source, a judge, nobody at all).
ANTECEDENT_REACH = 3


_COUNT_WORDS = {
    "двух": 2,
    "двоих": 2,
    "двое": 2,
    "трех": 3,
    "трёх": 3,
    "троих": 3,
    "трое": 3,
    "четырех": 4,
    "четырёх": 4,
    "четверых": 4,
    "четверо": 4,
    "пятерых": 5,
    "пяти": 5,
    "пятеро": 5,
    "шестерых": 6,
    "шести": 6,
    "шестеро": 6,
    "семерых": 7,
    "семи": 7,
    "семеро": 7,
    "восьмерых": 8,
    "восьми": 8,
}


def named_after_count(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "Полиция задержала четверых участников. X, Y, Z и W подозреваются…": a list of as many
    names as the custody sentence before it counted names those detainees."""
    for n in range(1, len(sentences)):
        fact = facts[n]
        if fact.cues or sentences[n].is_title:
            continue
        people = _people(sentences[n])
        if len(people) < 2:
            continue
        # The count may be a sentence further back ("…дело пяти активистов, задержанных… Судья
        # признал всех виновными. «X, Y, Z, W и V признать виновными…»"), with nobody named between.
        for k in (n - 1, n - 2, n - 3):
            if k < 0 or sentences[k].is_title or facts[k].detainees:
                break
            if not facts[k].cues:
                continue
            if len(people) in _counts(sentences[k]):
                # "приговорила каждого из двух операторов к пяти годам": one term is the group's
                terms = {t.value for t in facts[k].terms}
                shared = terms.pop() if len(terms) == 1 else None
                fact.detainees = [(m, shared) for m in people]
            break


# Collective numerals count people only ("троих", never "трёх месяцев"): one of them in a
# custody sentence can stand for the people the sentence before named.
_PEOPLE_COUNTS = {"обоих": 2, "обеих": 2, "двоих": 2, "троих": 3, "четверых": 4, "пятерых": 5, "шестерых": 6}


def named_before_count(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "Суд рассмотрел дела активистки X, экс-депутата Y и политика Z. Он оставил троих под
    стражей": a custody sentence that names nobody and counts people with a collective numeral
    holds as many people as the sentence before it names (and reports no custody of its own)."""
    for n in range(1, len(sentences)):
        fact, before = facts[n], facts[n - 1]
        if not fact.cues or fact.detainees or sentences[n].mentions or before.cues or before.detainees:
            continue
        counted = {_PEOPLE_COUNTS[t.lower] for t in sentences[n].tokens if t.lower in _PEOPLE_COUNTS}
        people = _people(sentences[n - 1])
        if sentences[n - 1].is_title or len(counted) != 1 or len(people) not in counted:
            continue
        term = fact.terms[0].value if len(fact.terms) == 1 else None
        before.detainees = [(m, term) for m in people]


def listed_after_colon(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "До 13 марта в СИЗО будут находиться: X – директор…; Y – журналист…; Z.": a list a
    custody sentence opens with a colon, one item a sentence, names a detainee at the head of
    each item; they share the list's term (``same_term_as_before``)."""
    in_list = False
    for n, (sentence, fact) in enumerate(zip(sentences, facts)):
        if sentence.is_title:
            continue
        if in_list and not fact.cues:
            head = _item_name(sentence, n)
            if head is not None and not is_excluded_person(sentence, head):
                fact.detainees = [(head, None)]
                fact.same_term_as_before = True
        first_cue = min((sentence.tokens[c.index].start for c in fact.cues), default=None)
        opens = first_cue is not None and opens_list(sentence.text, first_cue)
        in_list = opens or (in_list and not fact.cues and continues_list(sentence.text))


def _item_name(sentence: Sentence, n: int) -> Mention | None:
    """The name at the head of a list item: the words before its dash, which the item writes in
    the nominative ("Айгуль Сатарова – журналист"), or else a name the item begins with."""
    toks = sentence.tokens
    if LIST_ITEM_RE.match(sentence.text):
        dash = next(k for k, t in enumerate(toks) if t.text in ("–", "—", "-"))
        words = [t.text for t in toks[:dash]]
        item = Mention(n, 0, dash, words, list(words), True)
        sentence.mentions = [m for m in sentence.mentions if m.start >= dash] + [item]
        sentence.mentions.sort(key=lambda m: m.start)
        return item
    return next((m for m in sentence.mentions if m.start == 0 and len(m.words) >= 2), None)


def _people(sentence: Sentence) -> list[Mention]:
    """The full names of a sentence that may be detainees: not a judge or a source, not in
    brackets ("(плакат повторял слова художника X)")."""
    toks = sentence.tokens
    return [
        m
        for m in sentence.mentions
        if len(m.words) >= 2 and not is_excluded_person(sentence, m) and not _in_brackets(toks, m.start)
    ]


def _in_brackets(toks: list[Token], k: int) -> bool:
    depth = 0
    for tok in toks[:k]:
        depth += tok.text == "("
        depth -= tok.text == ")" and depth > 0
    return depth > 0


def _counts(sentence: Sentence) -> list[int]:
    """The numbers of people a custody sentence counts ("двух пикетчиков", "5 активистов"), and 1
    for one person it names by a role alone ("о задержании четвёртого пикетчика")."""
    toks = sentence.tokens
    counts = [_COUNT_WORDS.get(t.lower) or (int(t.text) if t.text.isdigit() and int(t.text) < 20 else 0) for t in toks]
    if not sentence.mentions and any(
        t.lemma in vocab.PEOPLE_LEMMAS and parses(t.lower)[0].tag.number == "sing" for t in toks
    ):
        counts.append(1)
    return counts


def named_one_by_one(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "Задержали ещё двух пикетчиков. X — за пикет с плакатом… Y — за пикет…": after a custody
    sentence that counts people and names none, as many sentences opening with a full name
    (and reporting no custody of their own) name those people, one each."""
    for k, (sentence, fact) in enumerate(zip(sentences, facts)):
        if sentence.is_title or not fact.cues or fact.detainees or not _may_name_next(sentences, facts, k):
            continue
        counts = set(_counts(sentence)) - {0}
        if not counts:
            continue
        heads: list[tuple[int, Mention]] = []
        for n in range(k + 1, min(len(sentences), k + 1 + max(counts))):
            head = _opening_name(sentences[n])
            if head is None or facts[n].cues or facts[n].detainees:
                break
            heads.append((n, head))
        if heads and len(heads) in counts:
            for n, head in heads:
                facts[n].detainees = [(head, None)]


def _may_name_next(sentences: list[Sentence], facts: list[SentenceFacts], k: int) -> bool:
    """Whether the sentence after ``k`` can name one of its people: tested before counting them
    (the costly part, with its morphology), as the first name is needed anyway."""
    n = k + 1
    return (
        n < len(sentences) and not facts[n].cues and not facts[n].detainees and _opening_name(sentences[n]) is not None
    )


def named_among(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "Задержали троих корреспондентов. Среди них есть украинцы: X и Y.": a sentence that opens
    with "среди них" ("в их числе") right after a custody sentence names some of its detainees."""
    for n in range(1, len(sentences)):
        words = [t.lower for t in sentences[n].tokens[:3]]
        among = words[:2] == ["среди", "них"] or words[:3] == ["в", "их", "числе"]
        if among and not facts[n].cues and not facts[n].detainees and facts[n - 1].cues:
            facts[n].detainees = [(m, None) for m in _people(sentences[n])]


def named_as_participants(sentences: list[Sentence], facts: list[SentenceFacts]) -> None:
    """ "Задержанные участницы пикета сбежали из отделения… В акции приняли участие пять человек —
    X, Y, Z": when the custody befell an action's participants as a group and no sentence names a
    detainee, the people a sentence names as the action's participants are those detainees."""
    if any(f.detainees for f in facts) or not any(_group_held(s, f) for s, f in zip(sentences, facts)):
        return
    for n, (sentence, fact) in enumerate(zip(sentences, facts)):
        if sentence.is_title or not any(t.lemma in _TAKING_PART for t in sentence.tokens):
            continue
        if all(t.case is None for t in sentence.tokens):
            # Far from the custody words, not read for names yet (only surnames known from
            # elsewhere were recovered): read it now.
            sentence.mentions, sentence.pending = [], n
            tag([sentence])
        people = _people(sentence)
        if len(people) >= 2:
            fact.detainees = [(m, None) for m in people]


_TAKING_PART = {"участие", "участвовать", "участник", "участница"}
_PARTICIPANTS = {"участник", "участница", "пикетчик", "пикетчица", "протестующий", "митингующий", "демонстрант"}


def _group_held(sentence: Sentence, fact: SentenceFacts) -> bool:
    """A custody cue beside the participants of an action in the plural ("задержанные участницы
    пикета", "участников акции задержали")."""
    toks = sentence.tokens
    return any(
        t.lemma in _PARTICIPANTS and parses(t.lower)[0].tag.number == "plur"
        for c in fact.cues
        for t in toks[max(0, c.index - 3) : c.index + 4]
    )


def _opening_name(sentence: Sentence) -> Mention | None:
    """A full name a sentence opens with, as its subject or its dash's head, not a speaker's."""
    toks = sentence.tokens
    first = next((m for m in sentence.mentions if m.start == 0 and len(m.words) >= 2), None)
    if first is None or is_excluded_person(sentence, first):
        return None
    if first.stop < len(toks) and toks[first.stop].lemma in SPEECH:
        return None  # "X сообщил…": the source of the next report
    return first


def antecedent(sentences: list[Sentence], facts: list[SentenceFacts], n: int) -> Sentence | None:
    """Where a singular pronoun in sentence ``n`` may point when the sentence before names nobody
    who could be the detainee (only a source or a judge, or nobody): the nearest sentence before
    that names someone, within :data:`ANTECEDENT_REACH`, with no custody reported between (a
    custody sentence is the pronoun's topic itself) and no headline."""
    for k in range(n - 1, max(-1, n - 1 - ANTECEDENT_REACH), -1):
        if sentences[k].is_title or facts[k].cues:
            return None
        if k < n - 1 and all(t.case is None for t in sentences[k].tokens):
            sentences[k].mentions, sentences[k].pending = [], k  # far from custody: read it now
            tag([sentences[k]])
        if k < n - 1 and any(
            len(m.words) >= 2 and not is_excluded_person(sentences[k], m) for m in sentences[k].mentions
        ):
            return sentences[k]
    return None


def in_absentia(facts: list[SentenceFacts], best: int) -> bool:
    """ "Активисты были заочно осуждены. X получил 10 лет колонии, Y – 8 лет": a report of
    sentences passed in absentia restates their terms without the word; a term or a sentence
    there (no detention, no arrest) is no custody."""
    return any(f.in_absentia for f in facts[: best + 1]) and all(
        c.kind in ("term", "sentence", "place") for c in facts[best].cues
    )
