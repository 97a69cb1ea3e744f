"""Names of one Russian list share their case: a man's form read clearly gives it to the others.

Why: a Central Asian given name pymorphy3 does not know leaves "Актилеку Капарову" ambiguous
between a man's dative and a woman's accusative ("Айнуру Капарову"), and "Актилека Капарова"
between a man's genitive and a woman's nominative. In a list ("продлили арест Азамату
Ишенбекову, Актилеку Капарову и Жоодару Бузумову") one preposition or verb governs every name,
so the case is the same for all: when a neighbour in the list was read as a man's name whose
given name and surname each lost an ending ("Азамату Ишенбекову" → "Азамат Ишенбеков"), a name
written with the same two endings on a man's surname stem is read the same way. A woman's name
in that list is written with other endings ("Айке Бейшекеевой"), so it keeps its own reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.analysis.ru_morph import is_known, parses
from bot.core.analysis.ru_name_forms import PATRONYMIC_WORDS
from bot.core.analysis.ru_names import Mention, Token

# The words that may stand between two names of one list: a comma, "и", and a short
# parenthesis after a name ("Максата Тажибек уулу (мера пресечения), Тыныстана …").
_GLUE = frozenset({",", "и", ";"})
_MAX_PARENTHESIS = 8
# A man's surname in the nominative: what the neighbour's surname was reduced to.
_MANS_SURNAME = re.compile(r"\w{3}(ов|ев|ёв|ин|ын)$", re.IGNORECASE)
# Particles of a son's name ("Максату Тажибек уулу"): only the given name before them declines.
_SONS_PARTICLES = frozenset(PATRONYMIC_WORDS - {"кызы", "қызы", "гызы", "кизи"})


def share_list_case(tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """The sentence's mentions, those of a list read with a man's endings its neighbour shows."""
    result = list(mentions)
    for run in _lists(tokens, mentions):
        endings = {e for e in map(_mans_endings, (result[k] for k in run)) if e is not None}
        if len(endings) != 1:
            continue  # no neighbour read clearly, or two readings: the case is not clear
        given_end, surname_end = endings.pop()
        for k in run:
            result[k] = _read_as(result[k], given_end, surname_end)
    return result


def _lists(tokens: list[Token], mentions: list[Mention]) -> list[list[int]]:
    """Indices of mentions that follow one another with only list glue between them."""
    runs: list[list[int]] = []
    for k, mention in enumerate(mentions):
        if runs and _glued(tokens[mentions[runs[-1][-1]].stop : mention.start]):
            runs[-1].append(k)
        else:
            runs.append([k])
    return [run for run in runs if len(run) >= 2]


def _glued(between: list[Token]) -> bool:
    words = [t.text for t in between]
    if "(" in words and ")" in words:
        opened, closed = words.index("("), words.index(")")
        if opened < closed and closed - opened <= _MAX_PARENTHESIS:
            words = words[:opened] + words[closed + 1 :]
    return bool(words) and len(words) <= 2 and all(w.lower() in _GLUE for w in words)


def _mans_endings(mention: Mention) -> tuple[str, str] | None:
    """("у", "у") for "Азамату Ишенбекову" read "Азамат Ишенбеков": the endings a man's name lost."""
    if len(mention.words) != 2 or mention.nominative or not _MANS_SURNAME.search(mention.normal[1]):
        return None
    lost = [_lost(w, n) for w, n in zip(mention.words, mention.normal)]
    if any(not ending for ending in lost):
        return None
    return lost[0], lost[1]


def _lost(written: str, normal: str) -> str:
    w, n = written.lower(), normal.lower()
    return w[len(n) :] if w.startswith(n) and 0 < len(w) - len(n) <= 2 else ""


def _read_as(mention: Mention, given_end: str, surname_end: str) -> Mention:
    """The mention read as a man's name with these endings, when it is written with them."""
    words = mention.words
    if len(words) == 3 and words[2].lower() in _SONS_PARTICLES:
        given = _strip(words[0], given_end)
        return replace(mention, normal=[given, *mention.normal[1:]], nominative=False) if given else mention
    if len(words) != 2:
        return mention
    given, surname = _strip(words[0], given_end), _strip(words[1], surname_end)
    if not given or not surname or not _MANS_SURNAME.search(surname) or _womans_name(words[0]):
        return mention
    return replace(mention, normal=[given, surname], nominative=False)


def _strip(word: str, ending: str) -> str:
    """The word less the ending, when it ends so and keeps a stem of three letters."""
    low = word.lower()
    return word[: len(word) - len(ending)] if low.endswith(ending) and len(low) - len(ending) >= 3 else ""


def _womans_name(word: str) -> bool:
    """A given name pymorphy3's dictionary has as a woman's, as written ("Айнура"): hers, whatever
    the list (a name it only guesses from its ending, "Актилека", proves nothing)."""
    low = word.lower()
    return is_known(low) and any(
        "Name" in p.tag and p.tag.gender == "femn" and p.tag.case == "nomn" for p in parses(low)
    )
