"""What a Russian word is about, beside custody: the press telling of a report, the victim of
a crime, an event held somewhere, a release.

The arrest rules (:mod:`bot.core.analysis.ru_rules`) count civic words and custody cues; these
rules say when such a word is not what it seems ("сообщили журналистам", "убийцы
оппозиционного политика", "провели пикет у отдела полиции", "вышел из колонии").
"""

from __future__ import annotations

import re

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_morph import lemma_and_pos
from bot.core.analysis.ru_names import Token

# The press, and the verbs it tells or is told with: as audience or source, no civic context.
_PRESS = {"журналист", "журналистка", "корреспондент", "редактор"}
_TOLD = {
    "сообщить",
    "рассказать",
    "заявить",
    "пояснить",
    "сказать",
    "передать",
    "передавать",
    "сообщать",
    "рассказывать",
    "заявлять",
}


def civic_word(toks: list[Token], i: int) -> str | None:
    """The civic word token ``i`` is, if any: its lemma, or the head of a hyphenated role
    ("журналиста-расследователя" is a journalist's); not the press as an audience ("сообщили
    журналистам") nor a victim ("убийство журналиста")."""
    lemma = toks[i].lemma
    if lemma not in vocab.CIVIC_LEMMAS and "-" in toks[i].lower:
        lemma = lemma_and_pos(toks[i].lower.split("-")[0])[0]
    if lemma in vocab.CIVIC_LEMMAS and not press_tells(toks, i) and not victim(toks, i) and not _discipline(toks, i):
        return lemma
    return None


def _discipline(toks: list[Token], i: int) -> bool:
    """ "доктор политических наук": a scholar's field, not political activity."""
    return toks[i].lemma == "политический" and i + 1 < len(toks) and toks[i + 1].lemma == "наука"


def press_tells(toks: list[Token], i: int) -> bool:
    """The press as the audience or the source of the report, not its subject: "сообщили
    журналистам", "по словам корреспондента", "журналист местного телеканала сообщил" (no name
    between the press word and its verb: "журналистка X рассказала, что её задержали" is hers)."""
    tok = toks[i]
    if tok.lemma not in _PRESS:
        return False
    if tok.case == "datv" and not _given_custody(toks, i):
        return True
    if i > 0 and toks[i - 1].lemma in _TOLD:
        return True
    if i > 1 and toks[i - 1].lemma == "слово" and toks[i - 2].lower == "по":
        return True
    for t in toks[i + 1 : i + 5]:
        if t.lemma in _TOLD:
            return True
        if not re.match(r"[а-яё«»\"-]+$", t.text) or t.lemma in vocab.CUSTODY_EVENT_LEMMAS:
            return False
    return False


def _given_custody(toks: list[Token], i: int) -> bool:
    """ "продлил арест журналисту X", "Журналистке X продлили арест": the dative receives the
    custody (the word before it, or the first after the name, imposes it)."""
    j = i + 1
    while j < len(toks) and toks[j].text[:1].isupper():
        j += 1
    near = [toks[i - 1].lemma if i > 0 else "", toks[j].lemma if j < len(toks) and j > i + 1 else ""]
    return any(w in vocab.CUSTODY_EVENT_LEMMAS or w in vocab.CUSTODY_PLACE_LEMMAS or w in _IMPOSED for w in near)


_IMPOSED = frozenset({"назначить", "продлить", "избрать", "присудить", "дать"})


def victim(toks: list[Token], i: int) -> bool:
    """ "убийц оппозиционного политика", "нападение на журналиста": the civic word names the
    victim of a crime just before it (a few modifiers or "на" may stand between)."""
    k = i - 1
    while k >= 0 and i - k <= 4 and (toks[k].pos in ("ADJF", "PRTF") or toks[k].lower in ("на", "известного", "двух")):
        k -= 1
    return k >= 0 and toks[k].lemma in vocab.VICTIM_CRIME_LEMMAS


# Events one holds: "провели пикет у здания полиции" is a protest held there, not custody.
_HELD_EVENTS = {"митинг", "пикет", "акция", "собрание", "встреча", "шествие", "флешмоб", "конференция", "брифинг"}


def event_held(toks: list[Token], i: int) -> bool:
    """ "провели пикет у отдела полиции", "пикет, который провели возле полиции": the verb of
    holding has an event for its object."""
    return toks[i].lemma in ("провести", "проводить") and any(
        t.lemma in _HELD_EVENTS for t in toks[max(0, i - 4) : i + 4]
    )


def freed_at(toks: list[Token], i: int, headline: bool = False) -> bool:
    """Whether token ``i`` reports a release: "освобождён", "отпустили", "оправдан", "вышел на
    свободу", "выпустили из СИЗО", "вышел из колонии", a term replaced by a fine (a demand for
    one is the caller's to rule out). A headline's "X на свободе" is a release too; in running
    text it is often a state ("пока он был на свободе")."""
    tok = toks[i]
    return (
        tok.lemma in vocab.RELEASE_LEMMAS
        # "вышел на свободу", "на свободу вышли", "после выхода на свободу"
        or (tok.lemma in ("выйти", "выход") and any(t.lemma == "свобода" for t in toks[i + 1 : i + 3]))
        or (tok.lemma == "выйти" and i >= 2 and toks[i - 2].lower == "на" and toks[i - 1].lemma == "свобода")
        or (headline and tok.lower == "на" and i + 1 < len(toks) and toks[i + 1].lower == "свободе")
        or (tok.lemma in ("выпустить", "выпускать") and any(t.lower == "из" for t in toks[i + 1 : i + 3]))
        # "вышел из колонии"; "заменил лишение свободы на ограничение свободы (на штраф)", "с заменой на
        # пробационный надзор"
        or (
            tok.lemma in ("выйти", "выходить")
            and i + 2 < len(toks)
            and toks[i + 1].lower == "из"
            and toks[i + 2].lemma in vocab.CUSTODY_PLACE_LEMMAS
        )
        # "изменил меру пресечения с домашнего ареста на подписку о невыезде"
        or (tok.lemma == "подписка" and any(t.lemma == "невыезд" for t in toks[i + 1 : i + 3]))
        or (
            tok.lemma in ("заменить", "заменять", "замена")
            and any(t.lemma in ("ограничение", "штраф", "условный", "пробационный") for t in toks[i + 1 : i + 9])
        )
    )
