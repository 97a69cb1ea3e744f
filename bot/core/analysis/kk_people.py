"""The people of a Kazakh custody sentence: the detainees it names, bystanders left out.

Candidates are runs of capitalised words with a name's shape (:mod:`bot.core.analysis.kk_name_forms`)
or a role before them ("белсенді", "журналист"); a bystander's role (a judge, a minister, kin
whose custody it is not), a place or an organisation after the name, a speaker of a quote and
a possessor are not detainees. A sentence that names nobody but says "ол/оны" or "олар" is
about the people of the sentence before; a lone surname is completed from the rest of the text.
"""

from __future__ import annotations

import itertools
import re

from bot.core.analysis.kk_clauses import Clause, Person
from bot.core.analysis.kk_name_forms import (
    LOCATIVE_END,
    given_name,
    is_name_word,
    not_name,
    patronymic_shape,
    patronymic_word,
    role_word,
    strip_case,
    surname_shape,
)
from bot.core.analysis.kk_stems import CUSTODY_RE, DAYS_RE, SENTENCE_RE, TAKEN_AWAY_RE
from bot.core.analysis.packs import kk as pack
from bot.core.analysis.packs import kk_names as names

_ROLE_NOUNS = pack.with_plain(names.ROLE_NOUNS)
_BYSTANDER_ROLES = pack.with_plain(names.BYSTANDER_ROLES + names.KIN_ROLES)
_KIN_ROLES = pack.with_plain(names.KIN_ROLES)
_OBJECT_CASES = frozenset(pack.with_plain(("ды", "ді", "ты", "ті", "ны", "ні", "н", "ға", "ге", "қа", "ке")))
_SPEAKER_STEMS = pack.with_plain(names.SPEAKER_STEMS)
_NOT_PERSON_AFTER = pack.with_plain(names.NOT_PERSON_AFTER)
# "Абай даңғылы", "Жаңа Қазақстан партиясының": the noun with its possessive ending, not
# any word that begins like it ("қалалық" is an adjective, "Әлиді қалалық соттан…").
_NOT_PERSON_AFTER_RE = re.compile(
    "(?:" + "|".join(re.escape(s) for s in sorted(_NOT_PERSON_AFTER, key=len, reverse=True)) + r")(?:с?[ыіи]\w*)?$"
)
# "Абай аудандық полиция басқармасы": a district or city named after a person, one word
# before the adjective ("Ерлан Сейітов аудандық сотта сөйледі" keeps the person).
_PLACE_ADJECTIVE = re.compile(r"(?:аудан|облыс|қала|ауыл|кала)(?:дық|тық|лық|дык|тык|лык)$")
_PRONOUNS = frozenset(pack.with_plain(("ол", "оны", "оның", "оған", "олар", "оларды")))
_ACCUSATIVE = frozenset(pack.with_plain(("ды", "ді", "ты", "ті", "ны", "ні", "н")))
_INSTRUMENTAL = frozenset(pack.with_plain(("мен", "бен", "пен")))
_TOGETHER = frozenset(pack.with_plain(("бірге", "қоса", "бірлесіп")))
# Words after a name that introduce it, not verbs of its own: "X деген белсенді".
_NAMING_WORDS = frozenset(pack.with_plain(("деген", "есімді", "атты")))
_GENITIVE = frozenset(pack.with_plain(("ның", "нің", "дың", "дің", "тың", "тің")))
_SAID = frozenset(pack.with_plain(("деді", "дейді", "айтты", "мәлімдеді", "хабарлады", "жазды")))
_DEFENDERS = pack.with_plain(("адвокат", "қорғаушы"))
_PLURAL = tuple(pack.with_plain(names.PLURAL_SUFFIXES))
_FIRST_PERSON = frozenset({"мені", "мен", "бізді", "біз", "мени", "бизди", "биз"})
_REPORTS = frozenset(pack.with_plain(("хабарлайды", "хабарлады", "жазады", "жазды", "деп")))
_REPORTER = tuple(pack.with_plain(("тілшіс", "тілшіл", "журналисі", "корреспондент")))
_GIVEN = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?"
_INITIAL = re.compile(r"^(\w)\. (\S+)$")  # "Ж. Сапар"
_LIST_WORDS = frozenset({",", "мен", "пен", "бен", "және", "жане", "да", "де", "та", "те"})


# The people a custody sentence is about, as pronouns: the object of an active verb
# ("полиция оны ұстады") or the subject of a passive one ("ол қамалды"); "олар ұстап алды"
# is the police.
_OBJECT_ONE = re.compile(r"(?<![\w])(?:оны|они|өзін|озин)(?![\w])")
_SUBJECT_ONE = re.compile(r"(?<![\w])(?:ол|өзі|ози)(?![\w])")
_OBJECT_GROUP = re.compile(r"(?<![\w])(?:оларды|оларди|екеуін|үшеуін|барлығын|екеуин|ушеуин|барлигин)(?![\w])")
_SUBJECT_GROUP = re.compile(r"(?<![\w])(?:олар|екеуі|үшеуі|барлығы|екеуи|ушеуи|барлиги)(?![\w])")
# A passive past verb ("ұсталды", "қамалған", "алынды", "айырылып"), not "алды", "болды".
_PASSIVE = re.compile(r"\w{2,}(?:л|н)(?:ды|ді|ди|ған|ген|ган|ып|іп|ип|ыпты|іпті)")
_NOT_PASSIVE = frozenset(
    pack.with_plain(
        ("алды", "алған", "алып", "алыпты", "салды", "қалды", "келді", "болды", "болған", "болып", "келген", "қалған")
    )
)


def known_words(text: str) -> frozenset[str]:
    """Capitalised words as the text writes them: a stem seen bare elsewhere is a name."""
    return frozenset(w for w in re.findall(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+", text))


def find_people(clause: Clause, known: frozenset[str], owners: bool = False) -> list[Person]:
    """People of a custody sentence (and possessors and speakers when ``owners``)."""
    tokens = clause.tokens
    found: list[Person] = []
    unshaped: list[tuple[int, int, list[str]]] = []
    i = 0
    while i < len(tokens):
        if not is_name_word(tokens[i]):
            i += 1
            continue
        # A name of three words with a patronymic ("Нұржан Ержанұлы Әбілов") after a
        # capitalised title word ("Белсенді", "Шымкенттік").
        j, most = i, 3 + (any(map(patronymic_shape, tokens[i + 1 : i + 3])) and _title_word(tokens, i))
        while j < len(tokens) and j - i < most and is_name_word(tokens[j]):
            j += 1
            if _case_ends_name(tokens[j - 1], known):
                break  # "Ерлан Сапаровпен Асқар Ахметовты": the case closes the first name
        words = tokens[i:j]
        # Sentence-initial role or institution words are capitalised too; a bystander's
        # role there ("Судья Бекзат Оспанов…") makes the name a bystander's.
        bystander = False
        while words and _title_word(tokens, i):
            bystander = bystander or role_word(words[0], _BYSTANDER_ROLES, 2)
            words, i = words[1:], i + 1
        if bystander and not _held_themselves(tokens, j):
            i = max(j, i + 1)
            continue
        words, stop = _without_place(words, j, known)
        # "Қалиевтің ұлы" (Kaliev's son) is kin; "Серік ұлы" is a patronymic.
        if words and stop < len(tokens) and patronymic_word(tokens[stop]) and not _genitive_word(words[-1]):
            words = words + [tokens[stop]]
            stop += 1
        if words:
            person = _person(words, tokens, i, stop, known, owner=owners)
            if person is not None:
                found.append(person)
            elif len(words) >= 2 or given_name(strip_case(words[0], known)[0]):
                unshaped.append((i, stop, words))
        i = max(stop, i + 1)
    # "Ержан Әмірхан мен Мәди Бекмырза": a pair of capitalised words listed with a name
    # is a name too, though its surname has no telltale ending.
    added = True
    while added and unshaped:
        added = False
        for start, stop, words in list(unshaped):
            if any(_listed(tokens, start, stop, p) for p in found):
                person = _person(words, tokens, start, stop, known, listed=True, owner=owners)
                unshaped.remove((start, stop, words))
                if person is not None:
                    found.append(person)
                    added = True
    return sorted(_main_clause_people(found, tokens), key=lambda p: p.start)


def _title_word(tokens: list[str], i: int) -> bool:
    """A capitalised word before a name that is no part of it: a place or institution, a
    role where a sentence starts ("Азамат" mid-sentence is a name), a bystander's role, or
    a place's adjective ("Шымкенттік", "Алматылық": the one from there)."""
    word = tokens[i]
    return (
        not_name(word)
        or (_sentence_start(tokens, i) and (role_word(word, _ROLE_NOUNS, 4) or _plural_role(word)))
        or role_word(word, _BYSTANDER_ROLES, 2)
        or (i + 1 < len(tokens) and is_name_word(tokens[i + 1]) and bool(_OF_PLACE.search(word)))
    )


# A place's adjective, "-лық" and its harmony and consonant forms, on a word too long to be
# a given name ("Мәлік", "Ерлік").
_OF_PLACE = re.compile(r"^\w{4,}(?:лық|лік|дық|дік|тық|тік|лык|лик|дык|дик|тык|тик)$")


def _main_clause_people(found: list[Person], tokens: list[str]) -> list[Person]:
    """ "X құрған қозғалыстың белсендісі Y ұсталды", "белсенді Y X-ті қолдап жазғаны үшін
    қамалды": a name right before a verb of its own (a participle or a converb, not custody)
    belongs to a subordinate clause, the one it founded, supported or wrote about; when the
    sentence introduces someone else by a role, that one is held, not the name."""
    if not any(_role_before(tokens, p.start) for p in found):
        return found
    return [
        p
        for p in found
        if _role_before(tokens, p.start)
        or p.stop >= len(tokens)
        or not (_describing_verb(tokens[p.stop].lower()) or _converb(tokens[p.stop].lower()))
        or tokens[p.stop].lower() in _NAMING_WORDS
    ]


def _role_before(tokens: list[str], start: int) -> bool:
    before = [t.lower() for t in tokens[max(0, start - 3) : start]]
    return bool(before) and (" ".join(before).endswith(_ROLE_NOUNS) or role_word(before[-1], _ROLE_NOUNS, 4))


def _converb(word: str) -> bool:
    """ "қолдап", "сынап": a converb that is not a custody word ("ұстап")."""
    return (
        len(word) >= 5
        and word.isalpha()
        and word.endswith(("ып", "іп", "ап", "еп", "ип"))
        and not (CUSTODY_RE.match(word) or TAKEN_AWAY_RE.match(word) or SENTENCE_RE.match(word))
    )


def _without_place(words: list[str], stop: int, known: frozenset[str]) -> tuple[list[str], int]:
    """ "Қайрат Әбдірахманов Мәскеуде": a place (or any word in the locative) after a
    surname is where it happened, not the third word of the name; the run and its end."""
    while len(words) >= 2 and (
        not_name(words[-1])
        or (
            LOCATIVE_END.search(words[-1])
            # "Айбек Төрехановтан": an ablative surname is still the name's last word.
            and not surname_shape(strip_case(words[-1], known)[0])
            # "Жақыпов Ерболаттан": nor is a given name after the surname (surname first).
            and not given_name(strip_case(words[-1], known)[0])
            and surname_shape(words[-2])
        )
    ):
        words, stop = words[:-1], stop - 1
    return words, stop


def _case_ends_name(word: str, known: frozenset[str]) -> bool:
    """A surname with a case suffix is a name's last word: Kazakh puts the case on the last
    word of the phrase, so the capitalised word after it begins another name."""
    stem, suffix = strip_case(word, known)
    # A given name too in the instrumental, the "and" of a list: "Жанболатпен Джон Смит"
    # (not the ablative, which given names end in: "Нұрсұлтан").
    return len(suffix) >= 2 and (surname_shape(stem) or (suffix in _INSTRUMENTAL and given_name(stem)))


def _plural_role(word: str) -> bool:
    """ "Полицейлер Қайрат Әбдіраев есімді белсендіні ұстады": a role in the plural opens the
    sentence as its subject; it is no title of the one person named after it."""
    low = word.lower()
    return low.endswith(_PLURAL) and role_word(low[:-3], _ROLE_NOUNS + _BYSTANDER_ROLES, 2)


def _passive(clause: Clause) -> bool:
    """The sentence has a passive past verb, so "ол"/"олар" in it are the ones held."""
    return any(_PASSIVE.fullmatch(t) and t not in _NOT_PASSIVE for t in (w.lower() for w in clause.tokens))


def antecedents(clause: Clause, before: Clause, known: frozenset[str]) -> list[Person]:
    """ "Белсенді X митингке шықты. Полиция оны ұстады": a custody sentence that names nobody
    but says "ол/оны" (one) or "олар/екеуі" (several) is about the people named just before."""
    passive = _passive(clause)
    one = (
        _OBJECT_ONE.search(clause.low)
        or (passive and _SUBJECT_ONE.search(clause.low))
        or _held_pronoun(clause.tokens, _OWNER_ONE)
    )
    group = (
        _OBJECT_GROUP.search(clause.low)
        or (passive and _SUBJECT_GROUP.search(clause.low))
        or _held_pronoun(clause.tokens, _OWNER_GROUP)
    )
    if not (one or group):
        return []
    named = find_people(before, known)
    if not named or (one and not group and len(named) != 1):
        return []
    # Positions are the custody sentence's: the people stand before all of its terms.
    return [Person(p.name, 0, 0, given=p.given) for p in named]


# "оның 15 тәулікке қамалғаны", "сот оған 10 тәулік берді": a pronoun in the genitive or the
# dative is the one held only when custody or a term follows it ("оның інісі" is kin).
# The reflexive too: "өзінің қамауға алынуына наразылық ретінде" (against his own arrest).
_OWNER_ONE = frozenset(pack.with_plain(("оның", "оған", "өзінің", "өзіне")))
_OWNER_GROUP = frozenset(pack.with_plain(("олардың", "оларға")))


def _held_pronoun(tokens: list[str], pronouns: frozenset[str]) -> bool:
    return any(t.lower() in pronouns and _custody_follows(tokens, k + 1) for k, t in enumerate(tokens))


def owner_held(clause: Clause, known: frozenset[str]) -> list[Person]:
    """ "Белсенді X-тің үйі тінтіліп, өзі ұсталды", "X-тің айтуынша, оны полиция ұстады": a
    custody sentence that names one person only as a possessor or a speaker and says "өзі"
    or "оны" after them holds that person."""
    if clause.people:
        return []
    found = find_people(clause, known, owners=True)
    low = [t.lower() for t in clause.tokens]
    # "X-тің адвокаты Y-тің айтуынша, сот белсендіні қамады": the lawyer's client is held.
    clients = [p for p in found if p.stop < len(low) and role_word(low[p.stop], _DEFENDERS, 3)]
    if len(clients) == 1:
        return clients
    if len(found) != 1:
        return []
    rest = " ".join(low[found[0].stop :])
    # The pronoun comes before the custody it is the one held of: "X деген жігіттің әкесін
    # қамауға алғанда, ол себебін сұрады" holds X's father; X ("ол") only asked why.
    pronoun = _OBJECT_ONE.search(rest) or _SUBJECT_ONE.search(rest)
    held = pronoun is not None and any(cue in rest[pronoun.end() :] for cue in clause.cues)
    return found if held else []


def headline_people(title: Clause, lead: Clause, known: frozenset[str]) -> list[Person]:
    """ "Блогер 20 тәулікке қамалды" over "Шымкенттік блогер X …": a headline tells custody
    by the person's role and the lead names them; the one person the lead introduces with a
    role of the headline is the headline's detainee."""
    # A role is a title word less at most four letters of suffix: the words' prefixes of
    # those lengths, one set lookup a role.
    words = [t.lower() for t in title.tokens]
    prefixes = {w[:k] for w in words for k in range(max(0, len(w) - 4), len(w) + 1)}
    roles = tuple(r for r in _ROLE_NOUNS if r in prefixes)
    if not roles and not title.terms:
        return []
    low = [t.lower() for t in lead.tokens]
    named = lead.people or find_people(lead, known)
    introduced = [p for p in named if any(role_word(t, roles, 4) for t in low[max(0, p.start - 3) : p.start])]
    if len(introduced) != 1 and title.terms:
        # A sentence given in the headline ("Стамбул мэрі 20 айға қамалды") is the defendant's.
        introduced = _defendant(lead, named)
    if len(introduced) != 1:
        return []
    # Positions are the headline's: the person stands before all of its terms.
    return [Person(introduced[0].name, 0, 0, given=introduced[0].given)]


_COURT = re.compile(r"(?<![\w])(?:сот|соты|суд|суды)(?![\w])")


def _defendant(lead: Clause, named: list[Person]) -> list[Person]:
    """ "Стамбул мэрі 20 айға қамалды" over "Сот Имамоғлуды … кінәлі деп тапты": a lead with no
    custody of its own that names one person, as the court's object, names the defendant the
    headline holds."""
    if lead.cues or len(named) != 1 or not _COURT.search(lead.low):
        return []
    word = lead.tokens[named[0].stop - 1].lower()
    last = named[0].name.split()[-1].lower()
    return named if word.startswith(last) and word[len(last) :] in _ACCUSATIVE else []


def _genitive_word(word: str) -> bool:
    return word.lower().endswith(tuple(_GENITIVE)) and len(word) > 5


def _listed(tokens: list[str], start: int, stop: int, person: Person) -> bool:
    """The run [start, stop) and ``person`` stand next to each other in a list."""
    between = tokens[person.stop : start] if person.stop <= start else tokens[stop : person.start]
    if not between:  # "Жанболатпен Джон Смит": the instrumental on the first is "and"
        first = tokens[min(stop, person.stop) - 1].lower()
        return first.endswith(tuple(_INSTRUMENTAL))
    return len(between) <= 2 and all(t.lower() in _LIST_WORDS for t in between)


def _sentence_start(tokens: list[str], i: int) -> bool:
    """Token ``i`` begins the sentence or follows a quote, a dash or a colon."""
    return i == 0 or not tokens[i - 1][:1].isalnum()


def _person(  # noqa: PLR0913
    words: list[str],
    tokens: list[str],
    start: int,
    stop: int,
    known: frozenset[str],
    listed: bool = False,
    owner: bool = False,
) -> Person | None:
    before = [t.lower() for t in tokens[max(0, start - 3) : start]]
    after = tokens[stop].lower() if stop < len(tokens) else ""
    if _named_otherwise(tokens, start, stop, owner):
        return None
    if (
        before
        and not _counted(before)
        and (
            (role_word(before[-1], _BYSTANDER_ROLES, 3) and not _plural_role(before[-1]))
            or " ".join(before).endswith(_BYSTANDER_ROLES)
        )
    ):
        # "ішкі істер министрі Ерлан …", "судья …"; kin only when the custody is not theirs
        # ("оның інісі Айдос Қасымовты 5 тәулікке қамады").
        kin = role_word(before[-1], _KIN_ROLES, 3)
        held = kin and (strip_case(words[-1], known)[1] in _OBJECT_CASES or _custody_follows(tokens, stop))
        if not (held or _held_themselves(tokens, stop)):
            return None
    if _source(tokens, start):
        return None
    role_before = _role_before(tokens, start)  # "тілшісі Арман Нұр Әли"
    patronymic = patronymic_word(words[-1]) if len(words) >= 2 else None
    if patronymic:
        words = words[:-1] + [patronymic]
    last, suffix = strip_case(words[-1], known)
    if not owner and _possessor(tokens, stop, suffix in _GENITIVE):
        return None
    if suffix in _INSTRUMENTAL and after.isalpha() and tokens[stop][:1].islower() and after not in _TOGETHER:
        # "X-пен кездескен", "X-пен сөйлескен": the one met or spoken with; "X-пен бірге
        # ұсталды" (together with X) and a list ("X-пен Y-ті") name the held.
        return None
    if suffix in _ACCUSATIVE and _describing_verb(after):
        # "Тоқаевты сынаған блогер": the object of a participle that describes someone else.
        return None
    if not suffix and _tells_custody(tokens, stop):
        return None
    words = words[:-1] + [last]
    shaped = any(surname_shape(w) for w in words)
    initial = start >= 2 and tokens[start - 1] == "." and len(tokens[start - 2]) == 1 and tokens[start - 2].isupper()
    if len(words) == 1:
        if not (shaped or initial):
            return _given_alone(words[0], role_before or listed or after in _NAMING_WORDS, start, stop)
        if initial:  # "Ж. Сапар": completed from the text, else kept with its initial
            return Person(f"{tokens[start - 2]}. {words[0]}", start - 2, stop)
    elif not (shaped or role_before or patronymic or listed or given_name(words[0])):
        return None
    return Person(" ".join(words), start, stop)


def _given_alone(word: str, introduced: bool, start: int, stop: int) -> Person | None:
    """ "Белсенді Жанболат ұсталды", "Жанболат атты жігіт", "X пен Жанболат": a given name
    alone is a person when a role or a naming word introduces it or a list holds it."""
    return Person(word, start, stop, given=True) if introduced and given_name(word) else None


def _named_otherwise(tokens: list[str], start: int, stop: int, owner: bool) -> bool:
    """Capitalised words that are no detainee by what follows them: a street, a movement, a
    title in quotes, an aside's subject, a district ("Абай даңғылы", "Демократиялық таңдау
    қозғалысы", «Жаңа Жол», "Абай аудандық …"), the one protested against, a speaker."""
    after = tokens[stop].lower() if stop < len(tokens) else ""
    after2 = " ".join(t.lower() for t in tokens[stop : stop + 2])
    return bool(
        _NOT_PERSON_AFTER_RE.match(after)
        or _quoted(tokens, start, stop)
        or _aside(tokens, start)
        or _district_named(tokens[start:stop], after)
        or after in ("қарсы", "қарсылық")
        or after in _FREEDOM_OF
        or after2.startswith("қарсы")
        or (after2.startswith(_SPEAKER_STEMS) and not owner)
    )


# "X бостандығын талап еткен акция", "X босатылуын сұрады": the one whose freedom is asked
# for or spoken of, not one held in this sentence ("бостандығынан айырылды" is custody).
_FREEDOM_OF = frozenset(pack.with_plain(("бостандығын", "бостандығы", "босатылуын", "босатылуы", "босатуды")))


def _district_named(words: list[str], after: str) -> bool:
    return bool(_PLACE_ADJECTIVE.match(after)) and len([w for w in words if w.lower() not in _PRONOUNS]) == 1


# "ІІМ-нің екі қызметкері X-ты алып кетті": officers counted are the subject, as the plural is.
_COUNT_WORDS = frozenset(pack.with_plain(("екі", "үш", "төрт", "бес", "алты", "бірнеше", "ондаған")))


def _counted(before: list[str]) -> bool:
    return len(before) >= 2 and (before[-2].isdigit() or before[-2] in _COUNT_WORDS)


def _possessor(tokens: list[str], stop: int, genitive: bool) -> bool:
    """A possessor ("Сапаровтың адвокаты", "Әлиевтің партиясы"), unless it is the subject of
    a custody noun ("Сапаровтың 10 тәулікке қамалғаны", "Сапаровтың ұсталуы"). A name
    introduced by "деген", "есімді" takes the case of the noun after it: "X деген жігіттің
    әкесін қамауға алды" holds X's father, not X."""
    if not genitive:
        named = stop + 1 < len(tokens) and tokens[stop].lower() in _NAMING_WORDS
        if not (named and _genitive_word(tokens[stop + 1])):
            return False
        stop += 2
    after = tokens[stop].lower() if stop < len(tokens) else ""
    kin_after = bool(patronymic_word(after) or role_word(after, _BYSTANDER_ROLES, 3))
    return kin_after or not _custody_follows(tokens, stop)


_OPEN_QUOTES = frozenset('«“„"')
_CLOSE_QUOTES = frozenset('»”“"')


def _quoted(tokens: list[str], start: int, stop: int) -> bool:
    """«Жаңа Жол» партиясы, «Таң Шолпан» газеті: capitalised words alone in quotes are a
    title (a party, a paper, a channel), no person."""
    return start > 0 and stop < len(tokens) and tokens[start - 1] in _OPEN_QUOTES and tokens[stop] in _CLOSE_QUOTES


def _aside(tokens: list[str], start: int) -> bool:
    """ "(X «митинг орны» деп белгілеген)": a name opening a bracketed aside with a verb of its
    own is the subject of the aside, not the one held."""
    if start == 0 or tokens[start - 1] != "(":
        return False
    inside = [t.lower() for t in itertools.takewhile(lambda t: t != ")", tokens[start:])]
    return any(_describing_verb(t) for t in inside) and not any(CUSTODY_RE.match(t) for t in inside)


# A custody verb of the active voice made a noun, as what someone says: "ұстағанын айтты".
_ACTIVE_TOLD = re.compile(r"\w+(?<![лн])(?:ғанын|генін|қанын|кенін|ганин|генин|канин|кенин)")
_OWN = frozenset(pack.with_plain(("өзін", "мені", "бізді", "өзімізді")))


def _tells_custody(tokens: list[str], stop: int) -> bool:
    """ "Тілші X полицияның белсенділерді ұстағанын айтты": a name in the nominative that
    says what the police did (an active custody verb made a noun, then a verb of saying) is
    the one who told it, not the one held, unless it was done to them ("өзін ұстағанын")."""
    if not _ACTIVE_TOLD.search(" ".join(tokens[stop:]).lower()):
        return False  # most names: no custody verb made a noun after them
    low = [t.lower() for t in tokens[stop:]]
    for k, word in enumerate(low):
        if word in _OWN:
            return False
        # "ұстағанын", or the last word of "ұстап әкеткенін", "ұстап алғанын".
        if _ACTIVE_TOLD.fullmatch(word) and any(
            CUSTODY_RE.match(w) or TAKEN_AWAY_RE.match(w) for w in low[max(0, k - 1) : k + 1]
        ):
            return any(t.lstrip("-–") in _SAID for t in low[k + 1 : k + 3])
    return False


def _source(tokens: list[str], start: int) -> bool:
    """The speaker of a quote ("«…», – деді … Ерлан Сейітов") unless the quote tells their own
    custody ("«Полиция мені ұстады», – дейді X"), or a reporter in a byline ("…, деп
    хабарлайды Азаттық тілшісі Ержан Әмірхан")."""
    said = [k for k in range(start) if tokens[k].lower().lstrip("-–") in _SAID]
    if (
        said
        and not any(CUSTODY_RE.match(t.lower()) for t in tokens[said[-1] : start])
        and not _held_in_quote(tokens[: said[-1]])
    ):
        return True
    return _byline(tokens, start)


def _held_in_quote(before: list[str]) -> bool:
    """The quote before a verb of saying tells its speaker's own custody ("мені ұстады")."""
    low = [t.lower() for t in before]
    held = any(CUSTODY_RE.match(t) for t in low) or TAKEN_AWAY_RE.search(" ".join(low))
    return any(t in _FIRST_PERSON for t in low) and bool(held)


def _byline(tokens: list[str], start: int) -> bool:
    """A reporter named as the source: "деп хабарлайды Азаттық тілшісі X"."""
    before = [t.lower() for t in tokens[max(0, start - 5) : start]]
    return any(t in _REPORTS for t in before) and any(t.startswith(_REPORTER) for t in before)


def _describing_verb(word: str) -> bool:
    """A participle ("сынаған", "қорлаған") that is not a custody word."""
    return (
        word.isalpha()
        and word.endswith(("ған", "ген", "қан", "кен", "ган", "кан"))
        and not (CUSTODY_RE.match(word) or SENTENCE_RE.match(word) or DAYS_RE.match(word))
    )


def _held_themselves(tokens: list[str], stop: int) -> bool:
    """ "Заңгер X 10 тәулікке қамалды", "судья X ұсталды": a passive custody verb right after
    the name makes its subject the one held, whatever their role."""
    for token in tokens[stop : stop + 4]:
        low = token.lower()
        if not token[:1].isalnum():
            return False
        if CUSTODY_RE.match(low) and _PASSIVE.fullmatch(low) and low not in _NOT_PASSIVE:
            return True
    return False


def _custody_follows(tokens: list[str], stop: int) -> bool:
    """A custody word or a term among the next few words of the same clause."""
    words = []
    for token in tokens[stop : stop + 4]:
        if not token[:1].isalnum():
            break
        words.append(token.lower())
    after = " ".join(words)
    return bool(
        CUSTODY_RE.search(after)
        or DAYS_RE.search(after)
        or SENTENCE_RE.search(after)
        or after.startswith(("ұсталу", "қамалу", "қамауға алын", "тұтқындал", "усталу", "камалу"))
    )


def resolve_short_names(clauses: list[Clause], text: str = "") -> None:
    """A lone surname ("Сапаровты") is the full name written elsewhere in the report:
    first among the people found, else a capitalised given name before it in the text."""
    full = [p.name for c in clauses for p in c.people if len(p.name.split()) >= 2 and not _INITIAL.match(p.name)]
    for clause in clauses:
        for person in clause.people:
            initial = _INITIAL.match(person.name)
            if initial:
                person.name = _complete_initial(initial.group(1), initial.group(2), full, text) or person.name
                continue
            if len(person.name.split()) != 1:
                continue
            match = next((f for f in full if person.name in f.split()), None)
            if match is None and text and not person.given:  # a given name has no given name before it
                pattern = re.compile(r"(?<![\w-])(" + _GIVEN + r")\s+" + re.escape(person.name))
                given = next(
                    (
                        m.group(1)
                        for m in pattern.finditer(text)
                        # "Ташкентте Палестинаны қолдап": a place in a case form is no given name.
                        if is_name_word(m.group(1))
                        and not not_name(m.group(1))
                        and not role_word(m.group(1), _ROLE_NOUNS + _BYSTANDER_ROLES, 4)
                    ),
                    None,
                )
                match = f"{given} {person.name}" if given else None
            if match:
                person.name = match
    for clause in clauses:  # a lone word that no full name completes is too weak to name anyone
        clause.people = [p for p in clause.people if len(p.name.split()) >= 2 or surname_shape(p.name) or p.given]


def _complete_initial(letter: str, surname: str, full: list[str], text: str) -> str | None:
    """ "Ж. Мамай" as the text writes it in full elsewhere: "Жанболат Мамай"."""
    found = next((f for f in full if surname in f.split() and f.startswith(letter)), None)
    if found or not text:
        return found
    pattern = re.compile(r"(?<![\w])(" + re.escape(letter) + r"[а-яёәғқңөұүһі]+)\s+" + re.escape(surname))
    given = next((m.group(1) for m in pattern.finditer(text) if given_name(m.group(1))), None)
    return f"{given} {surname}" if given else None
