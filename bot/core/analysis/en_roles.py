"""Names in an English custody clause that are not its detainees.

A custody clause names others besides the people taken: the one who speaks of it, their
lawyers and relatives, the judge or police who ordered it, a photographer, another name of
someone already named. These rules read the words around a name to tell them apart.
"""

from __future__ import annotations

import re

from bot.core.analysis.en_names import NON_DETAINEE_ROLES, Mention

_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s?)?(?:\s*\([^)]{0,60}\))?(?:,[^,;]{0,140},)?(?:\s*--[^-]{0,140}--)?,?\s*(?:also |later |earlier |has |had |then )?"
    r"(?:said|says|told|tells|reported|reports|wrote|writes|stated|explained|added|noted|confirmed|announced"
    r"|claimed|insisted|argued|urged|warned|posted|commented|recalled|believes|thinks|spoke"
    r"|called|condemned|denounced|described|assessed|stressed|emphasi[sz]ed|demanded|appealed|complained)\b"
)
_POSSESSED_PERSON = re.compile(
    r"^(?:['’]s?)?\s+(?:\w+\s+)?(?:son|daughter|wife|husband|mother|father|brother|sister|relatives?|family"
    r"|lawyer|attorney|supporters?|colleagues?|associates?|children|nephew|niece|cousin|aide|assistant)s?\b"
)
_SPEAKER_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|\btold|\bquoted|\breported|\breports|\bwrote|\bwrites|\badded|\bnoted"
    r"|\baccording to(?: (?!of\b|for\b|with\b)[\w'’-]+){0,5})\s*$"
)
# "arrested by X", "financing from X", "a film about X": the agent, source or topic of a
# clause, never its detainee (role words and articles may stand between).
_AGENT_BEFORE = re.compile(
    r"\b(?:by|from|about)\s+(?:(?:the|a|an|his|her|their|[\w-]+(?:ist|er|or|ian|ive|ent|ant|al))\s+){0,3}$"
)
# "Judge X, who sentenced Y …": the one who ordered the custody.
_AGENT_AFTER = re.compile(
    r"\s*,?\s*who (?:had |has |then |later )?(?:sentenced|detained|arrested|jailed|convicted|ordered|remanded)\b"
)
# "known as X", "(X)" after a name: another name of someone already named.
_ALIAS_BEFORE = re.compile(
    r"(?:\bknown as|\bpseudonym(?: of)?|\bnicknamed|\bdubbed|\balso called|\balias|\ba\.k\.a\.|\baka)\s+$"
)
_RELEASED_BEFORE = re.compile(
    r"(?:release of|freed|pardoned|acquitted|support (?:of|to|for)|solidarity with|in defence of|in defense of)\s+(?:[\w’'-]+\s+){0,4}$"
)
# "the killers of opposition politician X", "an attack on journalist X": the victim of the
# crime the clause is about, not its detainee.
_VICTIM_BEFORE = re.compile(
    r"\b(?:killers?|murderers?|assassins?|attackers?|murder|killing|assassination|slaying|attack on|assault on"
    r"|beating of|kidnapping of|death of)(?: of)? (?:the |an? )?(?:[\w’'-]+ ){0,3}$"
)
# "X told reporters that police … why she was detained": the speaker speaks of her own custody.
_SELF_CUSTODY = re.compile(
    r"\b(?:she|he) (?:was|had been|has been) (?:\w+ )?(?:detained|arrested|jailed|held)\b"
    r"|\b(?:taking|took|taken) (?:her|him) to (?:a |the )?(?:police|custody)"
)


def is_excluded_mention(text: str, mentions: list[Mention], mention: Mention, custody: re.Pattern[str]) -> bool:
    """Whether a name in a custody clause (``text``, with all its ``mentions``) is someone
    other than its detainee: a photographer, a speaker, a lawyer, an agent, an alias.

    ``custody`` is the rules' custody lexicon: a name followed by custody is the subject.
    """
    before = text[max(0, mention.start - 60) : mention.start]
    if before.rstrip().endswith(("©", "(c)", "Photo:", "photo:", "Photo by", "photo by", "Credit:")):
        return True  # a photographer's credit
    after = text[mention.end :]
    if _ALIAS_BEFORE.search(before.lower()):
        return True
    words_before = before.lower().replace(",", " ").split()
    if re.match(r"\s*,?\s*(?:who )?(?:was|were|has been|had been)\b", after) and custody.search(after[:160].lower()):
        return False  # "the workers' lawyer, Natalya S., was … jailed for six years": the subject
    if words_before and words_before[-1] in NON_DETAINEE_ROLES:
        return True
    if len(words_before) >= 2 and words_before[-2] in NON_DETAINEE_ROLES and words_before[-1] in ("a", "the"):
        return True
    if re.search(
        r"^\s*,\s*(?:\w+['’]s |his |her |their |the )?(?:lawyer|attorney|defence counsel|defense counsel|spokes\w+)",
        after,
    ):
        return True
    if not mention.possessive and _SPEAKER_AFTER.search(after) and not _SELF_CUSTODY.search(after.lower()):
        return True
    if mention.possessive and _POSSESSED_PERSON.match(after):
        return True  # "Aron Atabek's son, Nurbolat…": the son is the one meant
    if _SPEAKER_BEFORE.search(before) and not custody.search(after.lower()):
        return True
    if _RELEASED_BEFORE.search(before.lower()) and not custody.search(after.lower()[:80]):
        return True
    if _VICTIM_BEFORE.search(before.lower()):
        return True
    if _AGENT_BEFORE.search(before.lower()) or _AGENT_AFTER.match(after.lower()):
        return True
    if before.endswith("(") and any(
        m.end <= mention.start and before[:-1].rstrip().endswith(m.text) for m in mentions if m is not mention
    ):
        return True  # "Chynarbek Shabdan uulu (Ali Shabdan)": the same person's other name
    return False
