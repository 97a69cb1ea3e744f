"""Who the detainees of a Russian sentence are: the people its custody cues govern.

The cues come from :mod:`ru_cues`; this module decides which names they befall (not judges,
speakers or people only fined), adds the names listed with them, resolves a pronoun to the
person named before it, and pairs each detainee with the term that is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_cues import comma_between, same_clause
from bot.core.analysis.ru_morph import parses
from bot.core.analysis.ru_names import Mention, Sentence, Token
from bot.core.analysis.ru_roles import is_excluded_person
from bot.core.analysis.ru_rules import SentenceFacts

# Finds the sentence a pronoun may point to beyond the previous one (ru_discourse.antecedent).
Earlier = Callable[[], Sentence | None]
_PUNCT = re.compile(r"^[^\wа-яёА-ЯЁ]+$")
_SKIP_IN_DISTANCE = {"и", "а", "также", "—", "–", "-", ",", "(", ")", "«", "»", '"', ":", "еще", "ещё"}


def distance(sentence: Sentence, mention: Mention, index: int) -> int:
    """Content words between a mention and a token: lists, brackets and other names are free."""
    toks = sentence.tokens
    lo, hi = (mention.stop, index) if index >= mention.stop else (index + 1, mention.start)
    in_name = {i for m in sentence.mentions for i in range(m.start, m.stop)}
    depth = 0
    count = 0
    quoted = False
    for i in range(lo, hi):
        text = toks[i].text
        if text in ("«", "»"):
            quoted = text == "«"  # a quoted title («Инициативной группы …») counts as one word
            count += text == "»"
            continue
        if quoted:
            continue
        if text == "(":
            depth += 1
            continue
        if text == ")":
            depth = max(0, depth - 1)
            continue
        if depth or i in in_name or text.lower() in _SKIP_IN_DISTANCE or _PUNCT.match(text):
            continue
        count += 1
    return count


MAX_DISTANCE = 12


def _refers_back(sentence: Sentence, mention: Mention, cue: int) -> bool:
    """ "X вышел на свободу, а через два дня его снова задержали": a pronoun in the cue's
    clause, and no other name there, stands for the person named before the break."""
    toks = sentence.tokens
    if cue < mention.stop:
        return False
    window = range(mention.stop, cue + 1)
    return any(toks[k].lower in vocab.PRONOUNS for k in window) and not any(
        m.start in window for m in sentence.mentions if m is not mention
    )


SPEECH = {
    "сказать",
    "заявить",
    "сообщить",
    "рассказать",
    "отметить",
    "написать",
    "писать",
    "пояснить",
    "подчеркнуть",
    "считать",
    "говорить",
    "добавить",
    "уточнить",
    "призвать",
    "прокомментировать",
    "комментировать",
}


def _speaks(toks: list[Token], mention: Mention, cue: int) -> bool:
    """ "Активистка X сказала, что полиция задерживает…": the speaker, not the detainee
    ("Беков сообщил, что получил семь суток" is his own custody: no other subject between)."""
    # The verb right after the name; after a comma it is someone else's ("…, сообщил адвокат").
    if mention.stop < len(toks) and toks[mention.stop].lemma in SPEECH and cue > mention.stop:
        return any(t.pos == "NOUN" and t.case == "nomn" for t in toks[mention.stop + 1 : cue])
    # "В Астане задержан X, сообщил Азаттыку Y": the name after the cue, a comma and a verb of
    # saying is the source.
    if cue < mention.start and any(
        toks[j].lemma in SPEECH and comma_between(toks, cue, j) for j in range(cue + 1, mention.start)
    ):
        return True
    before = toks[max(0, mention.start - 3) : mention.start]
    return len(before) >= 2 and before[-1].lower == "как" and before[-2].lemma in ("известный", "известно")


_LIST_GLUE = {",", "и", "а", "также"}
_VERBAL = ("VERB", "PRTS", "PRTF", "INFN", "GRND")


def _listed_together(toks: list[Token], a: Mention, b: Mention) -> bool:
    """Two names of one list: "X, Y и Z", "активистку X и блогера Y" (a role word each, no
    verb, no other clause between them)."""
    between = toks[a.stop : b.start]
    if len(between) > 7 or not any(t.lower in (",", "и") for t in between):
        return False
    if any(t.lower == "а" for t in between) and not any(t.lower == "также" for t in between):
        return False  # "X, а Y — под надзором": a contrast, not a list
    if any(t.lower in ("как", "он", "она", "же") for t in between):
        return False  # "X, известного как Y": one person's other name
    # "сопредседателя ОСДП X и генерального секретаря ОСДП Y": an organisation's abbreviation too.
    # "… и бывшего депутата Жогорку Кенеша Y": a role at an institution may name it in capitals.
    return all(
        t.lower in _LIST_GLUE or (t.pos not in _VERBAL and re.match(r"[а-яё-]+$|[А-ЯЁ]{2,}$|[А-ЯЁ][а-яё]+$", t.text))
        for t in between
    )


def _with_listed(sentence: Sentence, accepted: list[Mention]) -> list[Mention]:
    """Add the names listed together with an accepted one ("X, Y и Z задержаны": the custody
    word is far from X), and every name after "среди задержанных"."""
    toks = sentence.tokens
    mentions = sorted(sentence.mentions, key=lambda m: m.start)
    among = next(
        (
            i
            for i, t in enumerate(toks[:-1])
            if t.lower == "среди" and any(u.lemma in vocab.CUSTODY_EVENT_LEMMAS for u in toks[i + 1 : i + 3])
        ),
        None,
    )
    chosen = {id(m) for m in accepted}
    if among is not None:
        chosen |= {id(m) for m in mentions if m.start > among}
    changed = True
    while changed:
        changed = False
        for a, b in zip(mentions, mentions[1:]):
            if (id(a) in chosen) != (id(b) in chosen) and _listed_together(toks, a, b):
                chosen |= {id(a), id(b)}
                changed = True
    return [
        m
        for m in mentions
        if id(m) in chosen
        and (any(m is x for x in accepted) or (len(m.words) >= 2 and not is_excluded_person(sentence, m, listed=True)))
    ]


def find_detainees(
    sentence: Sentence, facts: SentenceFacts, previous: Sentence | None, earlier: Earlier | None = None
) -> None:
    """Fill ``facts.detainees``: the people this sentence reports as taken into custody;
    ``earlier`` finds where a pronoun may point when ``previous`` names nobody it could (asked
    only then: it may have to read a sentence for names)."""
    if not facts.cues:
        return
    accepted = _with_listed(sentence, _governed_mentions(sentence, facts, previous))
    if not accepted:
        accepted = _pronoun_reference(sentence, facts, previous, earlier)
    if not accepted and any(q in sentence.text for q in _QUOTE_CLOSES):  # a quotation to report from
        accepted = _quoted_self_report(sentence, facts)
    if accepted and "вместе" in sentence.text.lower():  # "вместе с" a detainee
        accepted += _companions(sentence, accepted)
    facts.detainees = _with_terms(sentence.tokens, facts, accepted)


def _companions(sentence: Sentence, accepted: list[Mention]) -> list[Mention]:
    """ "X задержали вместе с её коллегой Y", "Вместе с блогером Y полиция задержала X": the one
    taken "вместе с" a detainee (in the instrumental, after its role words) is taken too."""
    toks = sentence.tokens
    found = []
    for mention in sentence.mentions if accepted else ():
        k = mention.start - 1
        while k > 0 and mention.start - k <= 4 and toks[k].lower not in ("с", "со") and _role_word(toks[k]):
            k -= 1
        together = k > 0 and toks[k].lower in ("с", "со") and toks[k - 1].lower == "вместе"
        if together and len(mention.words) >= 2 and not any(mention is a for a in accepted):
            found.append(mention)
    return found


def _role_word(tok: Token) -> bool:
    return tok.pos in ("NOUN", "ADJF") or tok.lower in ("ее", "её", "его", "их", "своим", "своей", "своими")


def _governed_mentions(sentence: Sentence, facts: SentenceFacts, previous: Sentence | None) -> list[Mention]:
    """The people of the sentence whom one of its custody cues governs.

    Judges, lawyers and sources, people in a clause without custody, speakers, and people
    only fined or summoned are left out.
    """
    toks = sentence.tokens
    accepted: list[Mention] = []
    for mention in sentence.mentions:
        if is_excluded_person(sentence, mention):
            continue
        same_part = [
            c
            for c in facts.cues
            if (same_clause(toks, mention.start, c.index) or _refers_back(sentence, mention, c.index))
            and not _has_own_patient(sentence, c.index, mention)
        ]
        if not same_part:
            continue  # "X остались под стражей, а Y — под надзором": Y's clause has no custody
        gaps = [distance(sentence, mention, c.index) for c in same_part]  # each once: min's key and the gap
        gap = min(gaps)
        nearest = same_part[gaps.index(gap)]  # the first nearest, as min() picks
        if gap > MAX_DISTANCE:
            continue
        if (
            not any((c.finite or c.kind != "event") and c.index not in facts.attributive for c in same_part)
            and gap > 2
            and not _tells_of_own(sentence, nearest.index, mention, previous)
        ):
            continue  # "вышел на пикет в поддержку арестованных": the participle has its own noun
        if _speaks(toks, mention, nearest.index) or _addressee(toks, mention):
            continue
        # Only fined or summoned: the fine or summons is nearer than any custody cue.
        others = [i for i in facts.fine + facts.summons if not _others_fined_after(sentence, mention, i)]
        if others and min(distance(sentence, mention, i) for i in others) < gap:
            continue
        accepted.append(mention)
    return accepted


def _others_fined_after(sentence: Sentence, mention: Mention, i: int) -> bool:
    """ "арестованы на 15 суток журналисты X и Y, оштрафованы активисты Z и W": a fine after a comma
    with its own people named after it is theirs, not the earlier names'."""
    toks = sentence.tokens
    if i < mention.stop or not any(t.text == "," for t in toks[mention.stop : i]):
        return False
    return any(m.start > i and m.start - i <= 4 for m in sentence.mentions)


def _addressee(toks: list[Token], mention: Mention) -> bool:
    """ "…когда он передал микрофон коллеге Анне Немзер": a name in the dative, after its own dative
    role noun, of a verb of giving or telling is that verb's addressee."""
    if not all(t.case == "datv" for t in toks[mention.start : mention.stop]) or mention.start == 0:
        return False
    role = toks[mention.start - 1]
    if role.pos != "NOUN" or role.case != "datv":
        return False  # the name's own dative role noun ("коллеге", "другу") shows the case
    verb = next((t for t in reversed(toks[: mention.start]) if t.pos == "VERB"), None)
    return verb is not None and verb.lemma in _GIVING_OR_TELLING


# Verbs whose dative is a recipient or a listener ("передал микрофон коллеге X"); a court's
# verbs ("назначил", "отказал в освобождении журналисту X") keep their dative a detainee.
_GIVING_OR_TELLING = frozenset(
    {"передать", "передавать", "отдать", "отдавать", "вручить", "показать", "позвонить", "звонить", "написать"}
    | {"сказать", "рассказать", "сообщить", "помочь", "помогать", "уступить"}
)


def _tells_of_own(sentence: Sentence, cue: int, mention: Mention, previous: Sentence | None) -> bool:
    """ "О кратковременном задержании рассказала корреспондент X", "X рассказал о своём аресте":
    the teller of a custody noun that names no one else's custody tells of their own."""
    toks = sentence.tokens
    k = cue - 1
    while k >= 0 and (toks[k].pos in ("ADJF", "PRTF") or toks[k].lower in ("своем", "своём")):
        k -= 1
    if k < 0 or toks[k].lower not in ("о", "об") or toks[cue].pos != "NOUN" or _plural(toks[cue]):
        return False  # "О задержаниях на площади рассказал X": other people's
    if cue + 1 < len(toks) and (
        toks[cue + 1].case == "gent"
        and toks[cue + 1].pos in ("NOUN", "ADJF", "NPRO")
        or any(m.start == cue + 1 for m in sentence.mentions)
    ):
        return False  # "о задержании активистов": someone else's
    modified = k < cue - 1  # "о кратковременном задержании", "о своём аресте"
    if not modified and _named_just_before(previous):
        return False  # "Вчера задержали X. О задержании сообщил правозащитник Y": X's custody
    lo, hi = sorted((cue, mention.start))
    between = toks[lo:hi] if cue < mention.start else toks[mention.stop : cue]
    others = [m for m in sentence.mentions if m is not mention and lo <= m.start < hi]
    return not others and any(t.lemma in SPEECH for t in [*between, *toks[mention.stop : mention.stop + 1]])


def _plural(tok: Token) -> bool:
    return bool(parses(tok.lower)[0].tag.number == "plur")


def _named_just_before(previous: Sentence | None) -> bool:
    """The sentence before names someone in full."""
    return previous is not None and any(len(m.words) >= 2 for m in previous.mentions)


def _has_own_patient(sentence: Sentence, cue: int, mention: Mention) -> bool:
    """ "X прокомментировал задержание активистов", "X инициировал митинг против ареста Y": a
    custody noun followed by the people it befell does not govern a name before it."""
    toks = sentence.tokens
    if mention.stop > cue or cue + 1 >= len(toks):
        return False
    if toks[cue].pos == "PRTF":
        # "X прокомментировал дело арестованных 11 журналистов": the participle's own people.
        return any(t.lemma in vocab.PEOPLE_LEMMAS and t.case == toks[cue].case for t in toks[cue + 1 : cue + 4])
    if toks[cue].pos != "NOUN":
        return False
    nxt = toks[cue + 1]
    if any(m.start == cue + 1 for m in sentence.mentions):
        return True
    return nxt.case == "gent" and (nxt.lemma in vocab.PEOPLE_LEMMAS or nxt.lemma in vocab.CIVIC_LEMMAS)


def _pronoun_reference(
    sentence: Sentence, facts: SentenceFacts, previous: Sentence | None, find_earlier: Earlier | None
) -> list[Mention]:
    """Whom a pronoun near a cue stands for, when the cue governs no name: a person named
    earlier in the sentence ("X простоял пять минут, прежде чем его задержали"), else the
    previous sentence's people ("Обоих по решению суда оставили под стражей"), only its first
    for a singular pronoun. Sets ``facts.pronoun_custody``."""
    toks = sentence.tokens
    for cue in facts.cues:
        lo = max(0, cue.index - 8)  # "Обоих по решению суда оставили под стражей"
        window = range(lo, min(len(toks), cue.index + 3))
        pronoun = next((k for k in window if _personal(toks, k) and not _tells(toks, k, cue.index)), None)
        if pronoun is None or any(
            toks[j - 1].lower == "по"
            for j in range(max(1, cue.index - 3), min(len(toks), cue.index + 3))
            if toks[j].lower in vocab.PRONOUNS
        ):
            continue
        before = [
            m
            for m in sentence.mentions
            if m.stop <= pronoun and not is_excluded_person(sentence, m) and not _speaker(sentence, m)
        ]
        own = _self_report(sentence, pronoun)
        if before:
            accepted = [before[-1]]
        elif own is not None:
            accepted = [own]
        elif previous is None:
            return []
        else:
            accepted = [m for m in previous.mentions if not is_excluded_person(previous, m)]
            # "X сообщил, что Y… По его словам, его задержали": the speaker is the source.
            accepted = [m for m in accepted if not _speaker(previous, m)] or accepted
            earlier = find_earlier() if not accepted and find_earlier is not None else None
            if earlier is not None:
                # "…дело блогера X. Об этом сообщил правозащитник Y. Суд приговорил его…"; a plural
                # pronoun stands for several people named there ("…дело X и Y. Они вывесили
                # баннер. Их осудили…")
                people = [m for m in earlier.mentions if len(m.words) >= 2 and not is_excluded_person(earlier, m)]
                if toks[pronoun].lower in _SINGULAR or len(people) >= 2:
                    accepted = people
            if toks[pronoun].lower in _SINGULAR or toks[pronoun].lemma in _SOMEONE:
                accepted = accepted[:1]
        facts.pronoun_custody = bool(accepted)
        return accepted
    return []


_SINGULAR = {"его", "её", "ее", "он", "она", "ему", "ей"}


def _speaker(sentence: Sentence, mention: Mention) -> bool:
    """ "X сообщил, что…": a name a verb of saying follows at once."""
    toks = sentence.tokens
    return mention.stop < len(toks) and toks[mention.stop].lemma in SPEECH


def _self_report(sentence: Sentence, pronoun: int) -> Mention | None:
    """ "Как сообщил «ОВД-Инфо» X, его задержали…": the one source a "как сообщил" opening names
    tells of a singular pronoun's custody, so the pronoun is that person."""
    toks = sentence.tokens
    if len(toks) < 3 or toks[0].lower != "как" or toks[1].lemma not in SPEECH or toks[pronoun].lower not in _SINGULAR:
        return None
    named = [m for m in sentence.mentions if m.stop <= pronoun]
    if len(named) != 1 or not comma_between(toks, named[0].stop - 1, pronoun):
        return None
    return named[0]


def _quoted_self_report(sentence: Sentence, facts: SentenceFacts) -> list[Mention]:
    """ "«Нас задержали у акимата», — рассказала активистка X": a custody cue with a first-person
    pronoun in a quotation is the custody of the one who says it, named after the quotation."""
    toks = sentence.tokens
    first_person = [k for k, t in enumerate(toks) if t.lower in _FIRST_PERSON]
    if not any(abs(c.index - k) <= 4 and not _said_between(toks, k, c.index) for c in facts.cues for k in first_person):
        return []
    close = next((q for q in range(first_person[0] + 1, len(toks)) if toks[q].text in _QUOTE_CLOSES), None)
    if close is None or not any(t.text in ("—", "–", "-") for t in toks[close + 1 : close + 3]):
        return []
    told = next((j for j in range(close + 1, min(len(toks), close + 4)) if toks[j].lemma in SPEECH), None)
    if told is None:
        return []
    speaker = next((m for m in sentence.mentions if told < m.start <= told + 4 and len(m.words) >= 2), None)
    return [speaker] if speaker is not None else []


_FIRST_PERSON = {"меня", "нас", "мы", "я"}
_QUOTE_CLOSES = ("»", '"', "“")


def _said_between(toks: list[Token], a: int, b: int) -> bool:
    """ "Нас предупредили, что активиста задержат": a verb of saying makes it someone else's."""
    return any(t.lemma in SPEECH or t.lower == "что" for t in toks[min(a, b) + 1 : max(a, b)])


def _tells(toks: list[Token], k: int, cue: int) -> bool:
    """ "Она также сообщила, что полиция задержала 12 человек": the pronoun is the source of a
    report of someone else's custody (its verb of saying, then "что", then the cue)."""
    return (
        toks[k].lower in ("он", "она", "они")
        and any(t.lemma in SPEECH for t in toks[k + 1 : k + 4])
        and any(t.lower == "что" for t in toks[k + 1 : cue])
    )


# "Его зовут X. Мужчину доставили в отдел полиции": a sentence opening with the custody's
# object, a noun for a person, speaks of the person just named.
_SOMEONE = {"мужчина", "женщина", "девушка", "парень", "юноша", "активист", "активистка", "журналист", "блогер"}


def _personal(toks: list[Token], k: int) -> bool:
    """A pronoun standing for a person; not a possessive before its noun ("по его словам")."""
    if k == 0 and toks[k].lemma in _SOMEONE and toks[k].case == "accs":
        return True
    if toks[k].lower not in vocab.PRONOUNS:
        return False
    possessive = toks[k].lower in ("его", "её", "ее", "их") and k + 1 < len(toks)
    if possessive and toks[k + 1].pos == "ADJF" and toks[k + 1].case == "ablt":
        # "признал его виновным": a predicate's adjective, unless a noun follows it ("его новым адвокатом")
        return k + 2 >= len(toks) or toks[k + 2].pos != "NOUN"
    return not (possessive and toks[k + 1].pos in ("NOUN", "ADJF"))


def term_of_its_own(sentence: Sentence, mention: Mention, facts: SentenceFacts) -> bool:
    """ "Кравцову – 10 суток ареста": a name, a dash and a term is a court's list of
    punishments, each name with its own; even a lone inflected surname there is a detainee."""
    toks = sentence.tokens
    k = mention.stop
    if k >= len(toks) or toks[k].text not in ("—", "–", "-"):
        return False
    k += 1 + (k + 1 < len(toks) and toks[k + 1].lower == "на")
    return any(t.start == k for t in facts.terms)


def _with_terms(toks: list[Token], facts: SentenceFacts, accepted: list[Mention]) -> list[tuple[Mention, str | None]]:
    """Each detainee with the term that is theirs, when the sentence states one."""
    terms = facts.terms
    if not terms:
        return [(m, None) for m in accepted]
    if facts.pronoun_custody:
        return [(m, terms[0].value) for m in accepted]
    if len(terms) == 1:
        # "X приговорён к ограничению свободы, но Y получил три года колонии": a term is
        # for the people of its own clause.
        return [(m, terms[0].value if same_clause(toks, m.start, terms[0].start) else None) for m in accepted]
    own = sorted((m for m in accepted if m.sent == accepted[0].sent), key=lambda m: m.start)
    if len(own) == len(accepted) == len(terms):
        # As many people as terms ("X — на 10 суток, Y — на 20"): paired in order.
        return [(m, t.value) for m, t in zip(own, sorted(terms, key=lambda t: t.start))]
    term_first = terms[0].start < min(m.start for m in own) if own else True
    result: list[tuple[Mention, str | None]] = []
    for m in accepted:
        if term_first:
            before = [t for t in terms if t.start < m.start]
            chosen = before[-1] if before else terms[0]
        else:
            after = [t for t in terms if t.start >= m.stop]
            chosen = after[0] if after else terms[-1]
        result.append((m, chosen.value))
    return result
