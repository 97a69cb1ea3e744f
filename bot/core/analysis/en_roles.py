"""Names in an English custody clause that are not its detainees.

A custody clause names others besides the people taken: the one who speaks of it, their
lawyers and relatives, the judge or police who ordered it, a photographer, another name of
someone already named. These rules read the words around a name to tell them apart.
"""

from __future__ import annotations

import re

from bot.core.analysis.en_names import NON_DETAINEE_ROLES, Mention, is_former

_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s?)?(?:\s*\([^)]{0,60}\))?(?:,[^,;]{0,140},)?(?:\s*--[^-]{0,140}--)?,?\s*(?:also |later |earlier |has |had |then )?"
    r"(?:said|says|told|tells|reported|reports|wrote|writes|stated|explained|added|noted|confirmed|announced"
    r"|claimed|insisted|argued|urged|warned|posted|commented|recalled|believes|thinks|spoke"
    r"|called|condemned|denounced|described|assessed|stressed|emphasi[sz]ed|demanded|appealed|complained)\b"
)
_POSSESSED_PERSON = re.compile(
    r"^(?:['’]s?)?\s+(?:\w+\s+)?(?:son|daughter|wife|husband|mother|father|brother|sister|relatives?|family"
    r"|lawyer|attorney|supporters?|colleagues?|associates?|children|nephew|niece|cousin|aide|assistant"
    r"|co-?defendant)s?\b"
)
# "X's arrest", "X's 15-day sentence", "X's trial": what a possessive names is X's own custody
# or case; "X's crackdown", "X's codefendant" is someone or something else.
_OWN_CUSTODY_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:arrest|detention|custody|sentenc\w*|jailing|imprisonment|term|conviction|case"
    r"|trial|verdict|appeal|hearing|incarceration|prison|jail|release|extradition|transfer|hunger strike)\b"
)
_SPEAKER_BEFORE = re.compile(
    r"(?:\bsaid|\bsays|\btold|\bquoted|\breported|\breports|\bwrote|\bwrites|\badded|\bnoted"
    r"|\b(?:according to|quoting)(?: (?!of\b|for\b|with\b)[\w'’-]+){0,5})\s*$"
)
# "arrested by X", "financing from X", "a film about X": the agent, source or topic of a
# clause, never its detainee (role words and articles may stand between).
_AGENT_BEFORE = re.compile(
    r"\b(?:by|from|about)\s+(?:(?:the|a|an|his|her|their|head|chair|chief|party|rights|human|movement|group"
    # "reported by Prof. Dr. X": abbreviated titles too
    r"|[\w-]+['’]s|[\w-]+(?:ist|er|or|ian|ive|ent|ant|al)|[a-z]{2,4}\.)\s+){0,3}$"
)
# "X, Y and Z, who were killed in the clashes": the dead of the story, not its detainees.
_KILLED_AFTER = re.compile(
    r"^(?:,?\s*(?:and\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})*,?\s*who (?:were|was|had been|have been|has been)"
    r" (?:\w+ )?(?:killed|murdered|shot dead|slain)\b|^,?\s*who (?:died|was killed|were killed)\b"
    # "a press conference for X and Y, murdered in northern Syria"
    r"|^(?:\s*(?:,|and)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})*,\s*(?:killed|murdered|shot dead|slain)\b"
)
# "the wife of activist X, who was also arrested": the relative clause says X is held.
_HELD_WHO_AFTER = re.compile(
    r",?\s*who (?:was|were|had been|has been) (?:also |later |then )?(?:arrested|detained|jailed|imprisoned)\b"
)
# "the death of X who had been detained by the morality police": the dead of the story.
_DEAD_BEFORE = re.compile(r"\b(?:death|funeral|burial) of (?:the |an? )?(?:[\w’'-]+ ){0,3}$", re.I)
# "X, who was jailed for corruption, …": held for an ordinary crime, not for anything civic.
_CRIME_AFTER = re.compile(
    r"^,\s*who (?:was|were|had been|has been|is|are) (?:\w+ )?(?:jailed|sentenced|convicted|arrested|imprisoned|detained)"
    r"(?: [\w-]+){0,4}? (?:for|on charges of|of) (?:\w+ )?(?:corruption|bribery|bribe-taking|embezzlement|murder"
    r"|fraud|drug trafficking|theft|robbery|abuse of office|abuse of power)\b"
)
# "Judge X, who sentenced Y …": the one who ordered the custody.
_AGENT_AFTER = re.compile(
    r"\s*,?\s*who (?:had |has |then |later )?(?:sentenced|detained|arrested|jailed|convicted|ordered|remanded)\b"
)
# "known as X", "known on social media as X", "works under the name X", "(X)" after a
# name: another name of someone already named.
_ALIAS_BEFORE = re.compile(
    r"(?:\bknown (?:[\w-]+ ){0,3}as|\bpseudonym(?: of)?|\bnicknamed|\bdubbed|\balso called|\balias|\ba\.k\.a\.|\baka"
    r"|\bunder the (?:pen |stage |assumed )?name(?: of)?|\bgoes by(?: the name)?|\bwrites as"
    r"|\b(?:real|legal|birth|full) name is|\bborn as)\s+$"
)
_RELEASED_BEFORE = re.compile(
    r"(?:release of|freed|pardoned|acquitted|support (?:of|to|for)|solidarity with|in defence of|in defense of)\s+(?:[\w’'-]+\s+){0,4}$"
)
# "detained outside the court during the trial of party chair X": X's own proceeding, named
# to place the clause; "the trial of jailed activist X" still holds X (the words between).
_TRIAL_OF_BEFORE = re.compile(
    r"\b(?:trial|hearing|verdict|sentencing|lawsuit)s? (?:of|against) (?:the |a |an )?(?:[\w’'-]+ ){0,3}$"
)
# "in support of the arrested colleagues X and Y": the words between say they are held.
_HELD_BETWEEN = re.compile(r"\b(?:arrested|detained|jailed|imprisoned|incarcerated|held)\b")
# "X, a bodyguard for party leader Y", "an assistant to Y": Y is whom the detainee serves,
# named to say who the detainee is.
_SERVED_BEFORE = re.compile(
    r"\b(?:bodyguard|assistant|aide|adviser|advisor|driver|secretary|employee|staffer"
    r"|son|daughter|wife|husband|brother|sister|nephew|niece|cousin|relative|family)s?"
    r" (?:to|of|for) (?:[\w’'-]+,? ){0,4}$"
)
# "the killers of opposition politician X", "an attack on journalist X": the victim of the
# crime the clause is about, not its detainee.
_VICTIM_BEFORE = re.compile(
    r"\b(?:killers?|murderers?|assassins?|attackers?|murder|killing|assassination|slaying|attack on|assault on"
    r"|beating of|kidnapping of|death of)(?: of)? (?:the |an? )?(?:[\w’'-]+ ){0,3}$"
)
# "X – to 180 hours of community service", "X was fined": a penalty that is not custody.
_PENALTY_AFTER = re.compile(
    r"^\s*(?:[–—-]\s*|,\s*)?(?:(?:was|were|has been|had been|got|received) )?(?:to |with )?(?:an? )?(?:[\w.,-]+ ){0,3}?"
    r"(?:hours? of (?:community|public|corrective) (?:service|work|labou?r)|community service|fined\b|fine of"
    r"|probation|restricted freedom|freedom limitation|(?:a |an official )?warning\b|warned\b)"
)
# "Adilov's brother Natig Adilov, who …": a relative of someone named, brought in to speak or
# be spoken of (the subject test before it keeps "X's brother Y was also jailed").
_KIN_OF_NAMED_BEFORE = re.compile(
    r"[A-Z][\w-]+['’]s? (?:\w+ )?(?:brother|sister|son|daughter|wife|husband|mother|father|cousin|nephew|niece"
    r"|relative|lawyer|attorney)s?,?\s*$"
    # "His wife, Olga L., was told…" (the comma sets the name apart; not "along with his son X")
    r"|\b(?:[Hh]is|[Hh]er|[Tt]heir) (?:brother|sister|son|daughter|wife|husband|mother|father|relative|lawyer)s?,\s*$"
)
# "… were detained, among them lawyer X, lawyer Y": a list of the held names their trades.
_HELD_LIST_BEFORE = re.compile(
    r"\b(?:detained|arrested|jailed|held|detainees|arrestees)\b[^.;]{0,40}\b(?:among them|including|include|such as)\b[^.;]*$"
)
# "X was sentenced to …": a name before a sentence passed is its subject, whatever their trade.
_SENTENCED_AFTER = re.compile(r"\s*,?\s*(?:who )?(?:was|were|has been|had been) (?:\w+ )?(?:sentenced|convicted) to\b")
# "sentenced human rights lawyer X", "detained the lawyer X": the trade of the one held.
_HELD_OBJECT_BEFORE = re.compile(
    r"\b(?:sentenced|jailed|detained|arrested|imprisoned|convicted|remanded)\s+(?:the |a |an )?(?:[\w'’-]+\s+){0,3}$"
)
# "15- and 30-year terms, respectively, for lawyers X and Y": the term is the lawyers' own.
_TERM_FOR_BEFORE = re.compile(
    r"\b(?:sentences?|terms?|years?|months?|days?)(?: in (?:prison|jail))?(?:,? respectively)?,? (?:to|for)"
    r" (?:[\w'’-]+ ){0,2}$"
)
# "X, the lawyer of…", "X, a judge of the district court, sentenced Y" (who ordered the custody),
# "X, human rights activist, who defends the detained protesters": counsel or court.
_COUNSEL_AFTER = re.compile(
    r"^\s*,\s*(?:\w+['’]s |his |her |their |the )?(?:lawyer|attorney|defence counsel|defense counsel|spokes\w+)"
    r"|^\s*,\s*(?:an? |the )(?!former )(?:[\w-]+ )?(?:judge|prosecutor|investigator)\b(?! [A-Z])[^;]{0,80}?,"
    r"\s*(?:sentenced|ordered|remanded|ruled|fined|jailed|extended|rejected|refused|granted)\b"
    r"|^\s*,\s*(?:[^,;]{0,60},\s*)?who (?:defends|represents|is defending|is representing|defended|represented)\b"
)
# "X told reporters that police … why she was detained": the speaker speaks of her own custody.
_SELF_CUSTODY = re.compile(
    r"\b(?:she|he) (?:was|had been|has been) (?:\w+ )?(?:detained|arrested|jailed|held)\b"
    r"|\b(?:taking|took|taken) (?:her|him) to (?:a |the )?(?:police|custody)"
)


# "A lawyer who has worked with X, has been jailed": X is named inside the relative clause
# that describes the subject, who comes before it.
_IN_RELATIVE_BEFORE = re.compile(r"\b(?:who|which) (?:[\w'’-]+ ){1,8}(?:[\w'’-]+, )?$")  # "…his colleague, X"
_SUBJECT_AFTER_RELATIVE = re.compile(
    r"^\s*,\s*who (?:(?!\b(?:said|says|told|tells|that)\b)[^.;]){0,160}?,\s*(?:was|were|has been|had been) (?:\w+ )?"
    r"(?:sentenced|jailed|detained|arrested|convicted|imprisoned|remanded|given|handed)\b"
)
_SUBJECT_VERB_AFTER = re.compile(r"^,(?:[^,;]{0,40},)?\s*(?:has been|have been|had been|was|were|is|are)\b")
# "the Court for Serious Crimes", "the Strategy Aghmashenebeli party": a body's name.
_BODY_BEFORE = re.compile(
    r"\b(?:court|committee|ministry|department|service|council|office|agency|bureau|commission)s? (?:for|of|on)\s+$",
    re.I,
)
_BODY_AFTER = re.compile(
    r"^\s+(?:party|movement|bloc|coalition|foundation|channel|newspaper|agency|office|headquarters"
    # "the Mahsa Amini protests": events named after someone
    r"|protests|uprising|demonstrations|rallies)\b"
)
# "the late X", "X, the late father of": the dead are not detained.
_LATE = re.compile(r"\bthe late\s+$")


_CREDIT = ("©", "(c)", "Photo:", "photo:", "Photo by", "photo by", "Credit:")


def is_excluded_mention(text: str, mentions: list[Mention], mention: Mention, custody: re.Pattern[str]) -> bool:
    """Whether a name in a custody clause (``text``, with all its ``mentions``) is someone
    other than its detainee: a photographer, a speaker, a lawyer, an agent, an alias.

    ``custody`` is the rules' custody lexicon: a name followed by custody is the subject.
    """
    before, after = text[max(0, mention.start - 60) : mention.start], text[mention.end :]
    if before.rstrip().endswith(_CREDIT) or _ALIAS_BEFORE.search(before.lower()):
        return True  # a photographer's credit, or another name of someone named
    words_before = before.lower().replace(",", " ").split()
    served = _SERVED_BEFORE.search(before.lower())
    if served and not _HELD_BETWEEN.search(served.group(0)) and not _HELD_WHO_AFTER.match(after):
        return True  # before the subject test: "X, a bodyguard for Y, was jailed" is X's
    if _dead_or_convict(before, after):
        return True  # before the subject test: "X, who was killed in prison" is dead, not held
    if _described_in_relative(before, after):
        return True  # before the subject test: "a lawyer who worked with X, was jailed" is not X
    if (
        _SUBJECT_AFTER_RELATIVE.match(after)
        or (  # "X, who represented jailed members, was sentenced"
            re.match(r"\s*,?\s*(?:who )?(?:was|were|has been|had been)\b", after)
            and (custody.search(_before_told(after[:160]).lower()) or _SENTENCED_AFTER.match(after.lower()))
        )
    ):
        return False  # "the workers' lawyer, Natalya S., was … jailed for six years": the subject
    if _KIN_OF_NAMED_BEFORE.search(before) and not custody.search(re.split(r"[.;!?]", before)[-1].lower()):
        return True  # not "among those detained was X's son, Y": Y is the one held
    if (
        words_before
        and words_before[-1] in NON_DETAINEE_ROLES
        and not is_former(words_before)
        and not subject_of_custody(after, custody)
        and not _HELD_LIST_BEFORE.search(text[max(0, mention.start - 160) : mention.start])
        and not _HELD_OBJECT_BEFORE.search(before.lower())
        and not _TERM_FOR_BEFORE.search(before.lower())
    ):
        return True  # "lawyer X" speaks of the case; "former judge X" may be its detainee
    if len(words_before) >= 2 and words_before[-2] in NON_DETAINEE_ROLES and words_before[-1] in ("a", "the"):
        return True
    if _COUNSEL_AFTER.search(after):
        return True  # counsel, or the court that ordered the custody
    if not mention.possessive and _SPEAKER_AFTER.search(after) and not _SELF_CUSTODY.search(after.lower()):
        return True
    if owns_other(text, mention):
        return True  # "Aron Atabek's son, Nurbolat…": the son is the one meant
    if _SPEAKER_BEFORE.search(before) and not custody.search(after.lower()):
        return True
    released = _RELEASED_BEFORE.search(before.lower()) or _TRIAL_OF_BEFORE.search(before.lower())
    if released and not custody.search(after.lower()[:80]) and not _HELD_BETWEEN.search(released.group(0)):
        return True
    if _VICTIM_BEFORE.search(before.lower()) or _body_or_late(before, after):
        return True
    if _AGENT_BEFORE.search(before.lower()) or _AGENT_AFTER.match(after.lower()):
        return True
    return alias_target(text, mentions, mention) is not None


# "X was told by police that her husband would stay…": X hears of someone else's custody.
_TOLD = re.compile(r"\b(?:told|informed|notified|warned|said|says)\b")


def _before_told(after: str) -> str:
    """The words after a name up to a verb of telling: what follows it is another's news."""
    told = _TOLD.search(after)
    return after[: told.start()] if told else after


def owns_other(text: str, mention: Mention) -> bool:
    """Whether a possessive name owns something other than its custody or case ("Aron
    Atabek's son", "the president's crackdown"): the clause is not about that person."""
    return mention.possessive and _OWN_CUSTODY_AFTER.match(text[mention.end :].lower()) is None


_SUBJECT_LIST_END = re.compile(r"\b(?:were|was|have been|has been)\b")
_NOT_IN_SUBJECT = re.compile(r"[.;:!?]|\b(?:said|says|told|who|which|that|when|where|after|by|from)\b")


def _dead_or_convict(before: str, after: str) -> bool:
    """Whether a name is one of the story's dead ("X, who was killed", "the death of X, who had
    been detained") or someone held for an ordinary crime ("X, who was jailed for fraud")."""
    return (
        any(word in after[:160] for word in ("who ", "murdered", "killed", "slain", "shot dead"))
        and bool(_KILLED_AFTER.match(after) or _CRIME_AFTER.match(after))
        or bool(_DEAD_BEFORE.search(before))
    )


def _described_in_relative(before: str, after: str) -> bool:
    """Whether a name is inside the relative clause describing the clause's subject ("a
    lawyer who has worked with X, has been jailed")."""
    relative = _IN_RELATIVE_BEFORE.search(before)
    return bool(relative and _SUBJECT_VERB_AFTER.match(after) and "," not in relative.group(0)[:-2])


def _body_or_late(before: str, after: str) -> bool:
    """Whether a name is a body's ("the Church of the … Monster", "the Court for Serious
    Crimes", "the X party") or a dead person's ("the late X")."""
    if before.endswith(" of the ") or _BODY_BEFORE.search(before) or _BODY_AFTER.match(after):
        return True
    return bool(_LATE.search(before.lower()) or re.match(r"^,\s*the late\b", after))


_APPOSITION = re.compile(r"^,\s*(?:an?|another|the|one of the)\s[^,;]{3,80},")


def subject_of_custody(after: str, custody: re.Pattern[str]) -> bool:
    """Whether a name opens the subject of the custody verb that follows ("chairman X, 65,
    and the head of Y, Z, 76, were detained"): a role before it does not make X a speaker."""
    end = _SUBJECT_LIST_END.search(after, 0, 200)
    if end is None or _NOT_IN_SUBJECT.search(after, 0, end.start()):
        return False
    # "Lawyer X, a fellow board member, stood trial on that charge and was sentenced": an
    # apposition describing X is no other name.
    between = _APPOSITION.sub("", after[: end.start()], count=1)
    plural = end.group(0) in ("were", "have been")
    # "X, 65, and Y were detained" lists the held; in "Judge X, Y was sentenced" Y is.
    if (" and " not in between) if plural else re.search(r"[A-Z]", between):
        return False
    return custody.search(after[end.start() : end.start() + 60].lower()) is not None


def penalised_only(text: str, mention: Mention, custody: re.Pattern[str]) -> bool:
    """Whether the words right after a name give that person a penalty that is not custody
    ("X – to 180 hours of community service", "X was fined"): not this clause's detainee,
    though "he" may still be them elsewhere."""
    after = text[mention.end :].lower()
    return _PENALTY_AFTER.match(after) is not None and not custody.search(after[:60])


def alias_target(text: str, mentions: list[Mention], mention: Mention) -> Mention | None:
    """The person a name is another name of: "Chynarbek Shabdan uulu (Ali Shabdan)",
    "Serik Bolat Nurlanuly, known online as Serik Nurly"."""
    before = text[max(0, mention.start - 60) : mention.start]
    earlier = [m for m in mentions if m.end <= mention.start and m is not mention]
    if before.endswith("(") and earlier and before[:-1].rstrip().endswith(earlier[-1].text):
        return earlier[-1]
    if _ALIAS_BEFORE.search(before.lower()) and earlier and mention.start - earlier[-1].end <= 80:
        return earlier[-1]
    return None
