"""Custody cues of a Russian sentence: the words that report custody, and when they do not.

A cue is an act ("задержали"), a place ("в СИЗО"), a sentence ("приговорён к … колонии") or
a term ("15 суток"). Kept apart from whom the cues befall (:mod:`ru_detainees`): this module
is the lexicon of custody and its negation, refusal, request and release, read token by token.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_context import event_held, freed_at
from bot.core.analysis.ru_morph import parses
from bot.core.analysis.ru_names import Token
from bot.core.analysis.ru_terms import Term

_POLICE_PLACES = vocab.POLICE_PLACE_LEMMAS


# "находится в ОВД", "провёл в полиции три часа".
_BEING_IN = vocab.TAKEN_OR_HELD_LEMMAS - vocab.TAKEN_TO_LEMMAS
# Where someone is taken in custody: the police's places and its van.
_TAKEN_TO_PLACES = _POLICE_PLACES | {"автозак"}
_SUSPENDED = {"условно", "условный", "испытательный"}
# Every lemma at which custody_cues can find a cue: a sentence without one has only its terms.
_CUE_LEMMAS = frozenset(
    set(vocab.CUSTODY_EVENT_LEMMAS)
    | set(vocab.CUSTODY_PLACE_LEMMAS)
    | vocab.TAKEN_OR_HELD_LEMMAS
    | vocab.SENTENCE_LEMMAS
    | {"стража", "лишение", "заключение", "срок", "реальный"}
)
_ASKED_FOR = {"требовать", "потребовать", "запросить", "запрашивать", "просить", "попросить"}


@dataclass
class Cue:
    index: int
    reason: str
    kind: str  # "event", "place", "sentence", "term"
    finite: bool = False  # a verb or short participle: "задержали", "задержан", not "задержанным"


def custody_cues(toks: list[Token], terms: list[Term]) -> list[Cue]:
    """Every custody cue of a sentence, its terms included, before negation is considered.

    Apart from :func:`~bot.core.analysis.ru_rules.analyse_sentence` because this is the lexicon of custody (an act, a
    place, a sentence, a term), read token by token.
    """
    cues: list[Cue] = []
    lemma_set = {t.lemma for t in toks}
    if lemma_set.isdisjoint(_CUE_LEMMAS):  # no cue can start here; only the terms are cues
        return _term_cues(terms)
    custodial = _Custodial(toks, terms)
    for i, tok in enumerate(toks):
        lem = tok.lemma
        if lem in vocab.CUSTODY_EVENT_LEMMAS:
            if lem == "посадить" and not custodial():
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
        elif lem in vocab.TAKEN_TO_LEMMAS and _taken_to_police(toks, i):
            cues.append(Cue(i, "custody:доставлен в полицию", "event", True))
        elif (
            lem in _BEING_IN
            and any(t.lemma in _POLICE_PLACES - {"мвд"} for t in toks[max(0, i - 8) : i + 6])
            and not event_held(toks, i)
        ):
            cues.append(Cue(i, "custody:в полиции", "place"))
        elif lem in vocab.SENTENCE_LEMMAS and custodial() and _sentencing(toks, i, terms):
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
    return cues + _term_cues(terms)


def _term_cues(terms: list[Term]) -> list[Cue]:
    return [Cue(term.start, f"custody:{term.value}", "term") for term in terms]


class _Custodial:
    """Whether a sentence names a custodial term or a deprivation of liberty, read once and
    only when a cue asks (most sentences have no cue that needs it)."""

    def __init__(self, toks: list[Token], terms: list[Term]) -> None:
        self._toks = toks
        self._value: bool | None = True if terms else None

    def __call__(self) -> bool:
        if self._value is None:
            self._value = _has_deprivation(self._toks)
        return self._value


def extension_cues(toks: list[Token]) -> list[Cue]:
    """ "Арест продлили и двум другим фигурантам дела X и Y": an extension verb with a custody noun
    beside it is the custody act itself."""
    return [
        Cue(i, "custody:продлён арест", "event", True)
        for i, tok in enumerate(toks)
        if tok.lemma in ("продлить", "продлевать") and _custody_noun_near(toks, i)
    ]


def _custody_noun_near(toks: list[Token], i: int) -> bool:
    """A custody noun beside an extension verb ("продлил арест", "срок содержания под стражей
    продлён"), not an arrest of property ("арест имущества")."""
    for k in range(max(0, i - 3), min(len(toks), i + 6)):
        if toks[k].lemma == "арест" or (toks[k].lemma == "стража" and k > 0 and toks[k - 1].lower == "под"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            return nxt is None or nxt.lemma not in vocab.PROPERTY_LEMMAS
    return False


def kept_cues(toks: list[Token], cues: list[Cue]) -> list[Cue]:
    """The cues that report custody: not negated, not a death in custody, not a sentence
    only asked for, not followed by a release."""
    if not cues:
        return []
    absentia = [k for k, t in enumerate(toks) if t.lemma in ("заочно", "заочный")]  # once a sentence, not a cue
    cues = [
        c
        for c in cues
        if not _negated(toks, c.index, absentia)
        and not (c.kind == "place" and (_died_there(toks, c.index) or _time_served(toks, c.index)))
    ]
    # "прокурор требовал пять лет колонии": a sentence asked for, not given.
    cues = [
        c
        for c in cues
        if c.kind == "event" or not any(t.lemma in _ASKED_FOR for t in toks[max(0, c.index - 5) : c.index])
    ]
    return _without_released(toks, cues)


def _taken_to_police(toks: list[Token], i: int) -> bool:
    """ "доставили в отдел полиции", "увезли в автозаке"; not "доставлен на допрос в полицию" (brought
    in to be questioned, as a witness is: a summons, not a detention)."""
    near = toks[max(0, i - 6) : i + 6]
    return any(t.lemma in _TAKEN_TO_PLACES for t in near) and not any(
        t.lemma in _QUESTIONING and k > 0 and near[k - 1].lower in ("на", "для") for k, t in enumerate(near)
    )


_QUESTIONING = frozenset({"допрос", "беседа", "опрос"})


def _sentencing(toks: list[Token], i: int, terms: list[Term]) -> bool:
    """A sentencing word with a custodial term or a deprivation of liberty in its clause, not a
    convict's status."""
    return _custodial_clause(toks, i, terms) and not _convicts(toks, i)


def _convicts(toks: list[Token], i: int) -> bool:
    """ "5 осуждённых объявили голодовку", "осуждённые колонии": the participle names people who
    already serve a sentence (a status, not a sentencing), unless a sentence follows it ("осуждённых
    к пяти годам", "на 15 суток", "за участие в митинге")."""
    if toks[i].pos != "PRTF" or toks[i].lemma not in ("осудить", "осуждённый"):
        return False
    return not any(t.lower in ("к", "на", "за") or t.text[:1].isdigit() for t in toks[i + 1 : i + 4])


def _custodial_clause(toks: list[Token], i: int, terms: list[Term]) -> bool:
    """A custodial term or a deprivation of liberty in the clause of token ``i``."""
    if any(same_clause(toks, i, t.start) for t in terms):
        return True
    return any(same_clause(toks, i, k) and _has_deprivation(toks[k : k + 2]) for k in range(len(toks)))


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


def _negated(toks: list[Token], i: int, absentia: list[int]) -> bool:
    """A cue that is denied ("задержанных нет"), refused or only threatened ("грозит арест");
    ``absentia`` are the indices of "заочно"/"заочный" in the sentence."""
    before = toks[max(0, i - 2) : i]
    if any(t.lower in ("не", "ни", "без") for t in before):
        return True
    if any(t.lemma in ("условно", "условный") for t in toks[max(0, i - 3) : i + 4]) or any(
        t.lemma in _SUSPENDED and same_clause(toks, k, i) and not comma_between(toks, k, i)
        for k, t in enumerate(toks[max(0, i - 10) : i + 9], start=max(0, i - 10))
    ):
        # "условно осуждённого к одному году лишения свободы", "приговорил к двум годам лишения
        # свободы условно", "испытательный срок на три года": a suspended sentence, probation.
        return True
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
    if any(same_clause(toks, k, i) for k in absentia):
        return True  # "заочно арестовал", "приговорил заочно": someone abroad, not in custody
    if any(t.lemma == "право" for t in toks[max(0, i - 5) : i + 4]) and any(
        t.lemma in ("лишить", "лишение", "лишать") for t in toks[max(0, i - 8) : i + 1]
    ):
        return True  # "лишил на два года права заниматься…": a ban, not a custodial term
    return any(t.lemma in vocab.HYPOTHETICAL_LEMMAS for t in window)


def _died_there(toks: list[Token], i: int) -> bool:
    """ "погибшего при загадочных обстоятельствах в СИЗО", "умер в стенах изолятора": the place
    is where someone died, not a new detention."""
    return any(
        t.lemma in vocab.DEATH_LEMMAS and same_clause(toks, k, i)
        for k, t in enumerate(toks[max(0, i - 8) : i], start=max(0, i - 8))
    )


def _time_served(toks: list[Token], i: int) -> bool:
    """ "редактор, который провёл 4,5 месяца в СИЗО, выиграл суд", "отсидевший два года в колонии":
    months or years spent in a prison are a past the report tells, not a new custody ("провёл в
    полиции три часа" and "третий месяц проводит в СИЗО" stay custody)."""
    if toks[i].lemma not in _PRISONS:
        return False
    window = range(max(0, i - 8), min(len(toks), i + 4))
    served = any(
        toks[k].lemma in _SERVED
        and same_clause(toks, k, i)
        and any(p.tag.tense == "past" for p in parses(toks[k].lower))
        for k in window
    )
    return served and any(toks[k].lemma in ("месяц", "год", "лет") for k in window)


_PRISONS = frozenset({"сизо", "изолятор", "тюрьма", "колония"})
_SERVED = frozenset({"провести", "проводить", "отсидеть", "отбыть", "просидеть"})


def comma_between(toks: list[Token], a: int, b: int) -> bool:
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


def same_clause(toks: list[Token], a: int, b: int) -> bool:
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


def attributive(toks: list[Token], cues: list[Cue]) -> set[int]:
    """ "за ранее арестованного на три месяца блогера": a term right after a custody
    participle (and the participle) describe the noun the participle qualifies, not the clause."""
    tied: set[int] = set()
    for cue in cues:
        if cue.kind == "event" and toks[cue.index].pos == "PRTF" and not cue.finite:
            terms = [c.index for c in cues if c.kind == "term" and 0 < c.index - cue.index <= 4]
            if terms:
                tied |= {cue.index, *terms}
    return tied
