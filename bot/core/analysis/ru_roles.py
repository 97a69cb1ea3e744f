"""Who in a Russian sentence is not a detainee: judges, lawyers, sources, relatives, officials,
possessors ("подзащитным Гусева"), titles («Сергеев Live») and places ("Заречный райсуд").

Kept apart from the custody rules (ru_cues.py, ru_detainees.py): these are facts about the words around a
name, whatever the custody cue.
"""

from __future__ import annotations

import re

from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_morph import is_thing, parses
from bot.core.analysis.ru_names import Mention, Sentence, Token

# Offices one runs for: "кандидат в депутаты" is not a deputy.
_OFFICES = {"депутат", "президент", "аким", "мэр", "губернатор"}


def is_excluded_person(sentence: Sentence, mention: Mention, listed: bool = False) -> bool:
    """Someone named as a judge, lawyer, source, relative or official, not as the detainee;
    ``listed``: named in a list of detainees, where a role noun agreeing with the name is one
    more detainee's ("увезли журналиста X и юриста Y")."""
    toks = sentence.tokens
    if (
        all(t.case == "ablt" for t in toks[mention.start : mention.stop])
        and not (mention.start > 0 and toks[mention.start - 1].lower in ("с", "со"))
        and not _punishment_follows(toks, mention)
        and not custody_participle_follows(toks, mention)
        and not _one_of_the_detained(toks, mention)
        and not _on_trial(toks, mention)
    ):
        return True
    if mention.start > 0 and toks[mention.start - 1].lower in vocab.NOT_DETAINEE_PREPOSITIONS:
        return True
    if _named_by_a_dash_after_kin(toks, mention) or _by_the_words_of(toks, mention):
        return True
    owned = _owner_of_a_thing(toks, mention) or _possessor(toks, mention)
    if (owned and not _custody_participle_before(toks, mention)) or _in_a_title(toks, mention):
        return True
    if _adjective_of_a_noun(toks, mention) or _owner_in_a_name_role(sentence, mention) or _address(toks, mention):
        return True
    for k in range(mention.start - 1, max(-1, mention.start - 5), -1):
        tok = toks[k]
        if tok.lemma in vocab.CUSTODY_EVENT_LEMMAS or tok.lemma in vocab.CUSTODY_PLACE_LEMMAS:
            break
        if tok.text in (".", ";", "—", "–", ",") or tok.lower == "что":
            # "сообщил, что X задержан", "как сообщил адвокат, активиста X задержали": X is in
            # another clause than the speaker's role
            break
        if tok.lemma in vocab.NOT_DETAINEE_LEMMAS:
            # "бывшего начальника полиции" and "кандидат в депутаты" name no current role;
            # "главу сайта", "сотрудника редакции" are journalists.
            if k > 0 and (toks[k - 1].lemma == "бывший" or (toks[k - 1].lower == "в" and tok.lemma in _OFFICES)):
                continue
            if _of_the_media(toks, k):
                continue
            # A relative or associate can be the detainee when the custody word follows
            # the name at once ("его соратника Ержана Тулеуова суд арестовал").
            if tok.lemma in vocab.KIN_AND_ASSOCIATE_LEMMAS and _custody_follows(toks, mention.stop):
                return False
            if listed and k == mention.start - 1 and _agree(tok, toks[mention.start]):
                return False
            return not (
                _custody_governs(toks, mention.start)
                or _passive_custody_follows(toks, mention.stop)
                or _object_of_custody(toks, k, mention.stop)
            )
    return False


def _agree(role: Token, name: Token) -> bool:
    """A role noun and the name after it share a case ("юриста Арсена": genitive or accusative)."""
    cases = {p.tag.case for p in parses(role.lower) if p.tag.POS == "NOUN"}
    return bool(cases & {p.tag.case for p in parses(name.lower)})


def _punishment_follows(toks: list[Token], mention: Mention) -> bool:
    """ "Лаптевой – 5 суток ареста": a court's list gives each name (in the dative, which
    pymorphy3 may read as an instrumental) a dash and a number."""
    after = toks[mention.stop : mention.stop + 3]
    return len(after) >= 2 and after[0].text in ("—", "–", "-") and any(t.text[:1].isdigit() for t in after[1:])


def custody_participle_follows(toks: list[Token], mention: Mention) -> bool:
    """ "жалобу, поданную Софьей Сапегой, арестованной в Минске": a custody participle after a
    comma, in the name's case, says the named person is the one in custody, whatever the case."""
    k = mention.stop
    if k + 1 >= len(toks) or toks[k].text != ",":
        return False
    participle = toks[k + 1]
    case = toks[mention.stop - 1].case
    return (
        participle.pos == "PRTF"
        and participle.lemma in vocab.CUSTODY_EVENT_LEMMAS
        and any(p.tag.POS == "PRTF" and p.tag.case == case for p in parses(participle.lower))
    )


def _by_the_words_of(toks: list[Token], mention: Mention) -> bool:
    """ "По словам одного из участников акции X, задержанных было 11": the source, whatever roles
    stand between "по словам" and the name."""
    for k in range(max(0, mention.start - 8), mention.start - 1):
        if toks[k].lower == "по" and toks[k + 1].lemma == "слово":
            return not any(t.text in (",", ".", "—", "–") or t.pos == "VERB" for t in toks[k + 2 : mention.start])
    return False


def _named_by_a_dash_after_kin(toks: list[Token], mention: Mention) -> bool:
    """ "Супруга арестованного активиста X — Y сообщила…": the name after the dash is the
    relative the sentence opens with."""
    dash = mention.start - 1
    return dash > 0 and toks[dash].text in ("—", "–") and toks[0].lemma in vocab.KIN_AND_ASSOCIATE_LEMMAS


def _custody_participle_before(toks: list[Token], mention: Mention) -> bool:
    """ "Задержанного на митинге X суд отправил…": a custody participle just before, in the
    name's case, makes the name its person, not the owner of the noun between."""
    cases = {p.tag.case for p in parses(toks[mention.start].lower)}
    return any(
        t.pos == "PRTF"
        and t.lemma in vocab.CUSTODY_EVENT_LEMMAS
        and any(p.tag.POS == "PRTF" and p.tag.case in cases for p in parses(t.lower))
        for t in toks[max(0, mention.start - 4) : mention.start]
    )


def _on_trial(toks: list[Token], mention: Mention) -> bool:
    """ "Суд над гражданским активистом X": the instrumental after "над" names the defendant."""
    k = mention.start - 1
    while k > 0 and mention.start - k <= 3 and toks[k].pos in ("NOUN", "ADJF"):
        k -= 1
    return k > 0 and toks[k].lower == "над" and toks[k - 1].lemma in ("суд", "процесс")


def _one_of_the_detained(toks: list[Token], mention: Mention) -> bool:
    """ "Одной из задержанных Дарьей Жирновой…", "одним из арестованных стал X": the name is one
    of the people in custody, in whatever case the phrase puts it."""
    start = mention.start
    for k in range(max(1, start - 4), start - 1):
        if toks[k].lower == "из" and toks[k - 1].lemma == "один" and toks[k + 1].lemma in vocab.CUSTODY_EVENT_LEMMAS:
            return True
    return False


def _owner_of_a_thing(toks: list[Token], mention: Mention) -> bool:
    """ "дом Дулата Агадила", "портрет покойного X": a name in the genitive after a noun for a
    thing belongs to that thing's owner; "задержание X" and "арест X" are the custody itself."""
    if not all(t.case == "gent" for t in toks[mention.start : mention.stop]):
        return False
    k = mention.start - 1
    while k >= 0 and toks[k].pos in ("ADJF", "PRTF") and k > mention.start - 3:
        k -= 1
    if k < 0 or toks[k].pos != "NOUN" or not re.match(r"[а-яё]", toks[k].text):  # "полиции Армении Валерия …"
        return False
    lem = toks[k].lemma
    if lem in vocab.CUSTODY_EVENT_LEMMAS or lem in vocab.CUSTODY_PLACE_LEMMAS or lem in vocab.SENTENCE_LEMMAS:
        return False
    if lem == "свобода" and k > 0 and toks[k - 1].lemma in ("лишение", "ограничение"):
        return False  # "к пяти годам лишения свободы 87-летнего X": the sentence's own person
    return is_thing(toks[k].lower) and not _role_of(toks, k)


def _role_of(toks: list[Token], k: int) -> bool:
    """ "экс-депутата киргизского парламента Каныбека Осмоналиева": the thing in the genitive
    completes a person's role noun before it, and the name stands beside that role, in its case
    ("экс-координатор штаба Навального" is the coordinator, not Навальный)."""
    j = k - 1
    while j >= 0 and (toks[j].pos == "ADJF" or (j < k and j > k - 3 and _genitive_thing(toks[j]))):
        j -= 1  # "участника акции протеста X": a chain of things in the genitive
    return (
        _can_be_genitive(toks[k])
        and j >= 0
        and toks[j].pos == "NOUN"
        and toks[j].case == "gent"
        and not is_thing(toks[j].lower)
    )


def _genitive_thing(tok: Token) -> bool:
    return tok.pos == "NOUN" and _can_be_genitive(tok) and is_thing(tok.lower)


def _can_be_genitive(tok: Token) -> bool:
    """ "участника этой акции": pymorphy3's best reading of "акции" is a plural nominative."""
    return tok.case == "gent" or any(p.tag.case == "gent" for p in parses(tok.lower))


def _of_the_media(toks: list[Token], k: int) -> bool:
    """ "главу сайта", "директора частного телеканала": the role noun at ``k`` is at an outlet."""
    if toks[k].pos != "NOUN" or k + 1 >= len(toks):
        return False
    nxt = k + 2 if toks[k + 1].pos == "ADJF" and k + 2 < len(toks) else k + 1
    return toks[nxt].lemma in vocab.MEDIA_LEMMAS


def _possessor(toks: list[Token], mention: Mention) -> bool:
    """ "подзащитным Гусева", "коллеги Сергеева": a name in the genitive right after a
    noun in another case is that noun's possessor, not an apposition to it ("активиста Ивана
    Петрова" agrees in case). Accusative and genitive share animate forms, so only the
    nominative, dative, instrumental and prepositional nouns count."""
    k = mention.start - 1
    if k < 0 or not all(t.case == "gent" for t in toks[mention.start : mention.stop]):
        return False
    noun = toks[k]
    if noun.lemma in _FOLLOWERS and (_counted(toks, k) or all(p.tag.number == "plur" for p in parses(noun.lower))):
        return True  # "пять сторонниц Навального задержаны": the followers' leader
    if noun.pos != "NOUN" or not re.match(r"[а-яё]", noun.text) or noun.case not in ("nomn", "datv", "ablt", "loct"):
        return False
    if mention.words == mention.normal:
        return False  # "журналисту Абдулло Наврузи": an indeclinable name shows no genitive
    readings = parses(noun.lower)
    if "inan" in readings[0].tag and any(p.tag.case == "gent" and "anim" in p.tag for p in readings):
        return False  # "политика Бектура X": read as a thing, it is a person's role in the name's case
    return not any(noun.lemma in lemmas for lemmas in _NOT_OWNED)


def _counted(toks: list[Token], k: int) -> bool:
    """ "четыре сторонницы", "5 сторонников": a number before the noun makes it a group."""
    return k > 0 and (toks[k - 1].pos == "NUMR" or toks[k - 1].text.isdigit())


# Nouns of followers: a name in the genitive after them in the plural is whom they follow.
_FOLLOWERS = frozenset({"сторонник", "сторонница", "соратник", "соратница", "последователь", "приверженец"})
_NOT_OWNED = (vocab.CUSTODY_EVENT_LEMMAS, vocab.CUSTODY_PLACE_LEMMAS, vocab.PEOPLE_LEMMAS, vocab.CIVIC_LEMMAS)


def _owner_in_a_name_role(sentence: Sentence, mention: Mention) -> bool:
    """ "Координатор штаба политика Ивана X Пётр Y арестован": a name in the genitive right
    before a name in the nominative belongs to the role of that second person."""
    toks = sentence.tokens
    if mention.words == mention.normal or not all(t.case == "gent" for t in toks[mention.start : mention.stop]):
        return False
    return any(m.start == mention.stop and m.nominative for m in sentence.mentions)


def _address(toks: list[Token], mention: Mention) -> bool:
    """ "(Захарьевская, 6)": one word, a comma and a house number name a street ("Петров, 45 лет"
    is an age)."""
    after = [t.lower for t in toks[mention.stop : mention.stop + 3]] + [""]
    single = mention.stop - mention.start == 1
    return single and after[0] == "," and after[1].isdigit() and after[2] not in ("лет", "года", "год")


def _adjective_of_a_noun(toks: list[Token], mention: Mention) -> bool:
    """ "Заречный райсуд": one capitalised adjective before a common noun names a place."""
    if mention.stop - mention.start != 1 or toks[mention.start].pos != "ADJF" or mention.stop >= len(toks):
        return False
    nxt = toks[mention.stop]
    return nxt.pos == "NOUN" and nxt.text[:1].islower()


def _in_a_title(toks: list[Token], mention: Mention) -> bool:
    """ "«Сергеев Live»": a name inside short guillemets names a project or an outlet."""
    before = toks[max(0, mention.start - 2) : mention.start]
    after = toks[mention.stop : mention.stop + 3]
    return any(t.text == "«" for t in before) and any(t.text == "»" for t in after)


def _custody_governs(toks: list[Token], start: int) -> bool:
    """ "задержали гражданскую активистку и многодетную мать X": a custody verb whose object the
    name is, with only the person's role words between, makes the role no reason to exclude."""
    for k in range(start - 1, max(-1, start - 7), -1):
        tok = toks[k]
        if tok.lemma in vocab.CUSTODY_EVENT_LEMMAS and tok.pos == "VERB":
            return True
        if tok.lemma in ("арест", "задержание") and k + 1 < start and toks[k + 1].case == "gent":
            return True  # "продлил арест директора издания X": the custody noun's own person
        if (
            tok.lower not in (",", "и")
            and tok.pos not in ("NOUN", "ADJF", "PRTF")
            and not (_latin(tok) or _of_a_term(tok))
        ):
            return False
    return False


def _of_a_term(tok: Token) -> bool:
    """ "арестовал на 10 суток правозащитницу X": a term may stand between the verb and its object."""
    return tok.lower in ("на", "к") or tok.text.isdigit() or tok.pos == "NUMR"


def _object_of_custody(toks: list[Token], role: int, stop: int) -> bool:
    """ "увезли в отделение журналистов X и Y, общественника Z и юриста W", "активистку X и депутата
    горсовета Y доставили в отдел полиции": a role noun in the object's case (accusative, which
    animate nouns share with the genitive) inside a list that a custody verb takes as its object,
    before or after it, is one more detainee's role, whatever the role."""
    if toks[role].case not in ("accs", "gent") or not _listed(toks, role):
        return False
    for k in range(role - 1, max(-1, role - 16), -1):
        tok = toks[k]
        if tok.pos == "VERB" and _takes_into_custody(toks, k):
            return True
        if tok.lower in ("в", "на") and toks[k + 1].lemma in _TAKEN_TO_PLACES:
            continue
        if tok.lower not in (",", "и") and tok.pos not in ("NOUN", "ADJF", "PRTF") and not _latin(tok):
            break
    for k in range(stop, min(len(toks), stop + 8)):
        tok = toks[k]
        if tok.pos in ("VERB", "PRTS", "INFN", "GRND"):
            return tok.pos == "VERB" and parses(tok.lower)[0].tag.number == "plur" and _takes_into_custody(toks, k)
        if tok.text in (".", ";", ":", "(", "«", "—", "–", ","):
            return False
    return False


def _listed(toks: list[Token], role: int) -> bool:
    """The role (with its adjectives) opens the clause or follows "и" or a comma: a list's item,
    not a noun's genitive ("по решению судьи X", "семью президента X")."""
    k = role - 1
    while k >= 0 and toks[k].pos in ("ADJF", "PRTF"):
        k -= 1
    return k < 0 or toks[k].lower in ("и", ",")


def _takes_into_custody(toks: list[Token], k: int) -> bool:
    """A custody verb ("задержали"), or one of taking with a police place beside it ("доставили в
    отдел полиции", "увезли в отделение")."""
    lem = toks[k].lemma
    return lem in vocab.CUSTODY_EVENT_LEMMAS or (
        lem in vocab.TAKEN_TO_LEMMAS and any(t.lemma in _TAKEN_TO_PLACES for t in toks[max(0, k - 3) : k + 4])
    )


_TAKEN_TO_PLACES = vocab.POLICE_PLACE_LEMMAS | {"автозак"}


def _latin(tok: Token) -> bool:
    """ "директора Abzas Media X": an outlet's name in Latin letters is part of the role."""
    return bool(re.fullmatch(r"[A-Za-z][\w.-]*", tok.text))


def _passive_custody_follows(toks: list[Token], stop: int) -> bool:
    """ "исполнительный директор X и координатор Y были задержаны": the names (and their roles)
    are the subject of a passive custody verb."""
    for tok in toks[stop : stop + 10]:
        if tok.text in (".", ";", "—", "–", ":", "(", "«"):
            return False
        if tok.pos in ("VERB", "PRTS", "PRTF", "INFN", "GRND") and tok.lemma != "быть":
            return tok.pos == "PRTS" and tok.lemma in vocab.CUSTODY_EVENT_LEMMAS
    return False


def _custody_follows(toks: list[Token], stop: int) -> bool:
    return any(
        t.lemma in vocab.CUSTODY_EVENT_LEMMAS or t.lemma in vocab.CUSTODY_PLACE_LEMMAS for t in toks[stop : stop + 6]
    )
