"""Sentence-level Russian rules: custody cues, their negation, and who the detainees are.

Everything here works on :class:`~bot.core.analysis.ru_names.Sentence` objects (razdel tokens with
pymorphy3 lemmas), so the rules read as "this lemma, near that one" rather than as regexes
over inflected text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_context import civic_word, event_held, freed_at
from bot.core.analysis.ru_names import Mention, Sentence, Token
from bot.core.analysis.ru_roles import is_excluded_person
from bot.core.analysis.ru_terms import Term, find_terms

_PUNCT = re.compile(r"^[^\wа-яёА-ЯЁ]+$")
_SKIP_IN_DISTANCE = {"и", "а", "также", "—", "–", "-", ",", "(", ")", "«", "»", '"', ":", "еще", "ещё"}
# "custody:" reasons whose cue is a state or a place rather than an act.
_STATE_KINDS = {"place", "term"}
_POLICE_PLACES = vocab.POLICE_PLACE_LEMMAS


# "находится в ОВД", "провёл в полиции три часа".
_BEING_IN = vocab.TAKEN_OR_HELD_LEMMAS - vocab.TAKEN_TO_LEMMAS
# Where someone is taken in custody: the police's places and its van.
_TAKEN_TO_PLACES = _POLICE_PLACES | {"автозак"}
# "тот же срок", "такое же наказание": the sentence repeats the term stated before it.
_SAME_TERM = re.compile(r"\b(тот|такой) же (\w+ )?(срок|наказание)|такое же (\w+ )?наказание")


@dataclass
class Cue:
    index: int
    reason: str
    kind: str  # "event", "place", "sentence", "term"
    finite: bool = False  # a verb or short participle: "задержали", "задержан", not "задержанным"


@dataclass
class SentenceFacts:
    """What the rules found in one sentence."""

    cues: list[Cue] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    civic: list[str] = field(default_factory=list)
    crime: list[str] = field(default_factory=list)
    fine: list[int] = field(default_factory=list)
    summons: list[int] = field(default_factory=list)
    detainees: list[tuple[Mention, str | None]] = field(default_factory=list)
    pronoun_custody: bool = False
    same_term_as_before: bool = False
    attributive: set[int] = field(default_factory=set)  # cue indices of a participle's phrase


def words_of(sentence: Sentence) -> list[str]:
    return [t.text for t in sentence.tokens]


def analyse_sentence(
    sentence: Sentence,
    extra_civic: tuple[str, ...] = (),
    extra_custody: tuple[str, ...] = (),
    organisations: re.Pattern[str] | None = None,
) -> SentenceFacts:
    """Find custody cues, terms and context words in one sentence."""
    toks = sentence.tokens
    facts = SentenceFacts()
    facts.terms = find_terms(words_of(sentence), "ru")
    lower_text = sentence.text.lower()
    facts.cues = _kept_cues(toks, _custody_cues(toks, facts.terms))
    facts.attributive = _attributive(toks, facts.cues)
    facts.civic, facts.crime = _context_words(toks, lower_text, extra_civic, organisations)
    for keyword in extra_custody:  # the operators' own custody words (rules.keywords)
        match = re.search(r"(?<![\w])" + re.escape(keyword.lower()), lower_text)
        if match:
            first = keyword.lower().split()[0]
            index = next((i for i, t in enumerate(toks) if t.lower.startswith(first)), max(0, len(toks) - 1))
            facts.cues.append(Cue(index, "extra:" + keyword, "event", True))
    facts.fine = [i for i, t in enumerate(toks) if t.lemma in vocab.FINE_LEMMAS]
    facts.summons = [i for i, t in enumerate(toks) if t.lemma in vocab.SUMMONS_LEMMAS]
    facts.same_term_as_before = bool(_SAME_TERM.search(lower_text))
    return facts


def _custody_cues(toks: list[Token], terms: list[Term]) -> list[Cue]:
    """Every custody cue of a sentence, its terms included, before negation is considered.

    Apart from :func:`analyse_sentence` because this is the lexicon of custody (an act, a
    place, a sentence, a term), read token by token.
    """
    cues: list[Cue] = []
    lemmas = [t.lemma for t in toks]
    lemma_set = set(lemmas)
    custodial_sentence = bool(terms) or _has_deprivation(toks)
    for i, tok in enumerate(toks):
        lem = tok.lemma
        if lem in vocab.CUSTODY_EVENT_LEMMAS:
            if lem == "посадить" and not custodial_sentence:
                continue
            # "задержали", "задержан", or a participle of a concrete group ("задержанных участников");
            # not "помогает задержанным".
            # "пяти активистов, задержанных…" counts too: the group is named just before.
            finite = (
                tok.pos in ("VERB", "PRTS", "INFN", "GRND")
                or any(t.lemma in vocab.PEOPLE_LEMMAS for t in toks[i + 1 : i + 4])
                or (
                    i > 0
                    and toks[i - 1].text == ","
                    and any(t.lemma in vocab.PEOPLE_LEMMAS for t in toks[max(0, i - 3) : i])
                )
            )
            cues.append(Cue(i, "custody:" + vocab.CUSTODY_EVENT_LEMMAS[lem], "event", finite))
        elif lem in vocab.CUSTODY_PLACE_LEMMAS:
            reason = _place_reason(toks, i)
            if reason:
                cues.append(Cue(i, reason, "place"))
        elif lem == "стража" and i > 0 and toks[i - 1].lower == "под":
            cues.append(Cue(i, "custody:под стражей", "place"))
        elif lem == "лишение" and i + 1 < len(toks) and toks[i + 1].lemma == "свобода":
            cues.append(Cue(i, "custody:лишение свободы", "sentence"))
        elif lem == "заключение" and i > 0 and toks[i - 1].lower in ("под", "домашним", "домашнее"):
            cues.append(Cue(i, "custody:заключение", "place"))
        elif lem in vocab.TAKEN_TO_LEMMAS and any(t.lemma in _TAKEN_TO_PLACES for t in toks[max(0, i - 6) : i + 6]):
            cues.append(Cue(i, "custody:доставлен в полицию", "event", True))
        elif (
            lem in _BEING_IN
            and any(t.lemma in _POLICE_PLACES - {"мвд"} for t in toks[max(0, i - 8) : i + 6])
            and not event_held(toks, i)
        ):
            cues.append(Cue(i, "custody:в полиции", "place"))
        elif lem in vocab.SENTENCE_LEMMAS and custodial_sentence and _custodial_clause(toks, i, terms):
            cues.append(Cue(i, "custody:приговорён", "sentence"))
        elif (
            lem == "срок"
            and i > 0
            and toks[i - 1].lemma in ("административный", "тюремный", "реальный")
            and any(t.lemma in ("получить", "отбывать", "назначить") for t in toks)
        ):
            cues.append(Cue(i, "custody:срок", "sentence"))
        elif lem == "реальный" and i + 1 < len(toks) and toks[i + 1].lemma == "срок" and "приговорить" in lemma_set:
            cues.append(Cue(i, "custody:реальный срок", "sentence"))
    for term in terms:
        cues.append(Cue(term.start, f"custody:{term.value}", "term"))
    return cues


def _kept_cues(toks: list[Token], cues: list[Cue]) -> list[Cue]:
    """The cues that report custody: not negated, not a death in custody, not a sentence
    only asked for, not followed by a release."""
    cues = [c for c in cues if not _negated(toks, c.index) and not (c.kind == "place" and _died_there(toks, c.index))]
    # "прокурор требовал пять лет колонии": a sentence asked for, not given.
    cues = [
        c
        for c in cues
        if c.kind == "event" or not any(t.lemma in _ASKED_FOR for t in toks[max(0, c.index - 5) : c.index])
    ]
    return _without_released(toks, cues)


def _context_words(
    toks: list[Token],
    lower_text: str,
    extra_civic: tuple[str, ...],
    organisations: re.Pattern[str] | None,
) -> tuple[list[str], list[str]]:
    """The civic and the ordinary-crime reasons of a sentence: what the custody is about."""
    civic: list[str] = []
    crime: list[str] = []
    for i in range(len(toks)):
        word = civic_word(toks, i)
        if word is not None:
            civic.append("civic:" + word)
    lemmas = [t.lemma for t in toks]
    for lem in set(lemmas):
        if lem in vocab.CRIME_LEMMAS:
            crime.append("negative:" + vocab.CRIME_LEMMAS[lem])
    for match in vocab.CIVIC_PHRASE_RE.finditer(lower_text):
        civic.append("civic:" + match.group(0))
    if organisations is not None:
        civic.extend("civic:" + m.group(0) for m in organisations.finditer(lower_text))
    for keyword in extra_civic:
        if re.search(r"(?<![\w])" + re.escape(keyword.lower()), lower_text):
            civic.append("civic:" + keyword)
    return civic, crime


def _custodial_clause(toks: list[Token], i: int, terms: list[Term]) -> bool:
    """A custodial term or a deprivation of liberty in the clause of token ``i``."""
    if any(_same_clause(toks, i, t.start) for t in terms):
        return True
    return any(_same_clause(toks, i, k) and _has_deprivation(toks[k : k + 2]) for k in range(len(toks)))


def _has_deprivation(toks: list[Token]) -> bool:
    for i, tok in enumerate(toks):
        if tok.lemma in ("колония", "тюрьма"):
            return True
        if tok.lemma == "лишение" and i + 1 < len(toks) and toks[i + 1].lemma == "свобода":
            return True
        if tok.lemma == "реальный" and i + 1 < len(toks) and toks[i + 1].lemma == "срок":
            return True
    return False


def _place_reason(toks: list[Token], i: int) -> str | None:
    lem = toks[i].lemma
    if lem == "арест":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and (nxt.lemma in vocab.PROPERTY_LEMMAS or nxt.lower == "до"):
            return None  # arrest of property; "арест до 15 суток" is a maximum penalty
        if i > 0 and toks[i - 1].lemma == "домашний":
            return "custody:домашний арест"
        return "custody:арест"
    if lem == "решётка":
        return "custody:за решёткой" if i > 0 and toks[i - 1].lower == "за" else None
    return "custody:" + vocab.CUSTODY_PLACE_LEMMAS[lem]


def _negated(toks: list[Token], i: int) -> bool:
    """A cue that is denied ("задержанных нет"), refused or only threatened ("грозит арест")."""
    before = toks[max(0, i - 2) : i]
    if any(t.lower in ("не", "ни", "без") for t in before):
        return True
    if any(t.lemma in ("условно", "условный") for t in toks[max(0, i - 3) : i + 4]) or any(
        t.lemma in ("условно", "условный") and _same_clause(toks, k, i) and not _comma_between(toks, k, i)
        for k, t in enumerate(toks[max(0, i - 10) : i], start=max(0, i - 10))
    ):
        return True  # "условно осуждённого к одному году лишения свободы": a suspended sentence
    if any(t.lower == "нет" for t in toks[i + 1 : i + 3]):
        return True
    after = toks[i + 1 : i + 5]
    # "под стражу его не брали", "арестован не был"; not "задержали не только его".
    for k, tok in enumerate(after):
        if tok.text in (",", ".", ";"):
            break
        if tok.lower == "не" and not (k + 1 < len(after) and after[k + 1].lower in ("только", "менее", "раз")):
            return True
    window = toks[max(0, i - 10) : i]
    if any(t.lemma in vocab.REFUSAL_LEMMAS for t in window[-4:]):
        return True
    if any(t.lemma in ("заочно", "заочный") and _same_clause(toks, k, i) for k, t in enumerate(toks)):
        return True  # "заочно арестовал", "приговорил заочно": someone abroad, not in custody
    return any(t.lemma in vocab.HYPOTHETICAL_LEMMAS for t in window)


def _died_there(toks: list[Token], i: int) -> bool:
    """ "погибшего при загадочных обстоятельствах в СИЗО", "умер в стенах изолятора": the place
    is where someone died, not a new detention."""
    return any(
        t.lemma in vocab.DEATH_LEMMAS and _same_clause(toks, k, i)
        for k, t in enumerate(toks[max(0, i - 8) : i], start=max(0, i - 8))
    )


def _comma_between(toks: list[Token], a: int, b: int) -> bool:
    return any(t.text in (",", ";", "—", "–") for t in toks[min(a, b) + 1 : max(a, b)])


def _without_released(toks: list[Token], cues: list[Cue]) -> list[Cue]:
    """Drop cues about a custody that the sentence reports as ended.

    "вышел на свободу из СИЗО" and "задержанного освободили" report a release; a demand
    ("требуют освободить задержанных") does not, and neither does a new detention after the
    release ("вышел на свободу, а 28 мая его снова задержали").
    """
    release = None
    for i in range(len(toks)):
        if freed_at(toks, i) and not any(t.lemma in vocab.DEMAND_LEMMAS for t in toks[max(0, i - 6) : i]):
            # "отпустил под домашний арест" moves someone into custody at home.
            if any(t.lower == "под" for t in toks[i + 1 : i + 6]) and any(
                t.lemma in ("домашний", "арест", "стража") for t in toks[i + 1 : i + 8]
            ):
                continue
            release = i
            break
    if release is None:
        return cues
    if any(t.lower in ("снова", "вновь", "повторно") for t in toks):
        return [c for c in cues if c.index > release]
    # "задержали на три часа, после чего отпустили": a detention (even for hours) that
    # ended is still custody; a participle ("задержанного ранее … освободили") is not.
    return [
        c
        for c in cues
        if c.kind == "event" and (c.index > release or (c.index < release and toks[c.index].pos in ("VERB", "PRTS")))
    ]


def distance(sentence: Sentence, mention: Mention, index: int) -> int:
    """Content words between a mention and a token: lists, brackets and other names are free."""
    toks = sentence.tokens
    lo, hi = (mention.stop, index) if index >= mention.stop else (index + 1, mention.start)
    in_name = {i for m in sentence.mentions for i in range(m.start, m.stop)}
    depth = 0
    count = 0
    for i in range(lo, hi):
        text = toks[i].text
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


_ASKED_FOR = {"требовать", "потребовать", "запросить", "запрашивать", "просить", "попросить"}
_SPEECH = {
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
}


def _speaks(toks: list[Token], mention: Mention, cue: int) -> bool:
    """ "Активистка X сказала, что полиция задерживает…": the speaker, not the detainee
    ("Беков сообщил, что получил семь суток" is his own custody: no other subject between)."""
    # The verb right after the name; after a comma it is someone else's ("…, сообщил адвокат").
    if mention.stop < len(toks) and toks[mention.stop].lemma in _SPEECH and cue > mention.stop:
        return any(t.pos == "NOUN" and t.case == "nomn" for t in toks[mention.stop + 1 : cue])
    # "В Астане задержан X, сообщил Азаттыку Y": the name after the cue, a comma and a verb of
    # saying is the source.
    if cue < mention.start and any(
        toks[j].lemma in _SPEECH and _comma_between(toks, cue, j) for j in range(cue + 1, mention.start)
    ):
        return True
    before = toks[max(0, mention.start - 3) : mention.start]
    return len(before) >= 2 and before[-1].lower == "как" and before[-2].lemma in ("известный", "известно")


def _same_clause(toks: list[Token], a: int, b: int) -> bool:
    """No contrastive break (", а", "; ", ", но", ", тогда как") between two tokens."""
    lo, hi = min(a, b), max(a, b)
    for k in range(lo + 1, hi):
        text = toks[k].lower
        if text == ";":
            return False
        if (
            text in ("а", "но", "тогда")
            and toks[k - 1].text == ","
            and not (k + 1 < len(toks) and toks[k + 1].lower in ("также", "еще", "ещё", "и"))
        ):
            return False
    return True


_LIST_GLUE = {",", "и", "а", "также"}
_VERBAL = ("VERB", "PRTS", "PRTF", "INFN", "GRND")


def _listed_together(toks: list[Token], a: Mention, b: Mention) -> bool:
    """Two names of one list: "X, Y и Z", "активистку X и блогера Y" (a role word each, no
    verb, no other clause between them)."""
    between = toks[a.stop : b.start]
    if len(between) > 4 or not any(t.lower in (",", "и") for t in between):
        return False
    if any(t.lower == "а" for t in between) and not any(t.lower == "также" for t in between):
        return False  # "X, а Y — под надзором": a contrast, not a list
    if any(t.lower in ("как", "он", "она", "же") for t in between):
        return False  # "X, известного как Y": one person's other name
    return all(t.lower in _LIST_GLUE or (t.pos not in _VERBAL and re.match(r"[а-яё-]+$", t.text)) for t in between)


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
        and (any(m is x for x in accepted) or (len(m.words) >= 2 and not is_excluded_person(sentence, m)))
    ]


def find_detainees(sentence: Sentence, facts: SentenceFacts, previous: Sentence | None) -> None:
    """Fill ``facts.detainees``: the people this sentence reports as taken into custody."""
    if not facts.cues:
        return
    accepted = _with_listed(sentence, _governed_mentions(sentence, facts))
    if not accepted:
        accepted = _pronoun_reference(sentence, facts, previous)
    facts.detainees = _with_terms(sentence.tokens, facts, accepted)


def _governed_mentions(sentence: Sentence, facts: SentenceFacts) -> list[Mention]:
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
            if (_same_clause(toks, mention.start, c.index) or _refers_back(sentence, mention, c.index))
            and not _has_own_patient(sentence, c.index, mention)
        ]
        if not same_part:
            continue  # "X остались под стражей, а Y — под надзором": Y's clause has no custody
        nearest = min(same_part, key=lambda c: distance(sentence, mention, c.index))
        gap = distance(sentence, mention, nearest.index)
        if gap > MAX_DISTANCE:
            continue
        if not any((c.finite or c.kind != "event") and c.index not in facts.attributive for c in same_part) and gap > 2:
            continue  # "вышел на пикет в поддержку арестованных": the participle has its own noun
        if _speaks(toks, mention, nearest.index):
            continue
        # Only fined or summoned: the fine or summons is nearer than any custody cue.
        others = facts.fine + facts.summons
        if others and min(distance(sentence, mention, i) for i in others) < gap:
            continue
        accepted.append(mention)
    return accepted


def _has_own_patient(sentence: Sentence, cue: int, mention: Mention) -> bool:
    """ "X прокомментировал задержание активистов", "X инициировал митинг против ареста Y": a
    custody noun followed by the people it befell does not govern a name before it."""
    toks = sentence.tokens
    if mention.stop > cue or toks[cue].pos != "NOUN" or cue + 1 >= len(toks):
        return False
    nxt = toks[cue + 1]
    if any(m.start == cue + 1 for m in sentence.mentions):
        return True
    return nxt.case == "gent" and (nxt.lemma in vocab.PEOPLE_LEMMAS or nxt.lemma in vocab.CIVIC_LEMMAS)


def _attributive(toks: list[Token], cues: list[Cue]) -> set[int]:
    """ "в поддержку ранее арестованного на два месяца автора": a term right after a custody
    participle (and the participle) describe the noun the participle qualifies, not the clause."""
    tied: set[int] = set()
    for cue in cues:
        if cue.kind == "event" and toks[cue.index].pos == "PRTF" and not cue.finite:
            terms = [c.index for c in cues if c.kind == "term" and 0 < c.index - cue.index <= 4]
            if terms:
                tied |= {cue.index, *terms}
    return tied


def _pronoun_reference(sentence: Sentence, facts: SentenceFacts, previous: Sentence | None) -> list[Mention]:
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
            if m.stop <= pronoun
            and not is_excluded_person(sentence, m)
            and not (m.stop < len(toks) and toks[m.stop].lemma in _SPEECH)
        ]
        if before:
            accepted = [before[-1]]
        elif previous is None:
            return []
        else:
            accepted = [m for m in previous.mentions if not is_excluded_person(previous, m)]
            if toks[pronoun].lower in _SINGULAR or toks[pronoun].lemma in _SOMEONE:
                accepted = accepted[:1]
        facts.pronoun_custody = bool(accepted)
        return accepted
    return []


_SINGULAR = {"его", "её", "ее", "он", "она", "ему", "ей"}


def _tells(toks: list[Token], k: int, cue: int) -> bool:
    """ "Он также писал, что полиция задержала 19 участников": the pronoun is the source of a
    report of someone else's custody (its verb of saying, then "что", then the cue)."""
    return (
        toks[k].lower in ("он", "она", "они")
        and any(t.lemma in _SPEECH for t in toks[k + 1 : k + 4])
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
        return [(m, terms[0].value if _same_clause(toks, m.start, terms[0].start) else None) for m in accepted]
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
