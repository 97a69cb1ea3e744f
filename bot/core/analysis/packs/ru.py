"""Russian vocabulary of the arrest rules, as pymorphy3 lemmas (normal forms).

Each set answers one question about a word: does it report custody, civic or political
activity, a protest, ordinary crime, a fine or summons, a release, a person who is not the
detainee (a judge, a lawyer, a source)? The cheap pre-pass uses the regexes at the bottom,
which must accept every word form the lemma sets know about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.analysis.literal_guard import guarded
from bot.core.analysis.prepass import Found, StemAutomaton

# Custody events (an act of taking someone into custody).
CUSTODY_EVENT_LEMMAS = {
    "задержать": "задержан",
    "задерживать": "задержан",
    "задержание": "задержание",
    "задержанный": "задержан",
    "арестовать": "арестован",
    "арестовывать": "арестован",
    "арестованный": "арестован",
    "водворить": "водворён",
    "водворять": "водворён",
    "этапировать": "этапирован",
    "схватить": "задержан",
    "посадить": "посажен",
}
# Custody states and places ("в СИЗО", "под стражей", "за решёткой", "в колонии").
CUSTODY_PLACE_LEMMAS = {
    "арест": "арест",
    "спецприёмник": "спецприёмник",
    "сизо": "СИЗО",
    "изолятор": "изолятор",
    "ивс": "ИВС",
    "тюрьма": "тюрьма",
    "колония": "колония",
    "решётка": "за решёткой",
    "арестант": "арест",
    "автозак": "автозак",
}
# Sentencing words: custody only together with a custodial term or "лишение свободы".
SENTENCE_LEMMAS = {"приговорить", "осудить", "приговор", "осуждённый", "осуждать"}
# Words that, right after "арест", make it an arrest of property, not of a person.
PROPERTY_LEMMAS = {
    "имущество",
    "счёт",
    "актив",
    "средство",
    "деньги",
    "квартира",
    "автомобиль",
    "земля",
    "акция",
    "доля",
}

# Civic words that ordinary crime news also uses ("опубликовал видео в соцсетях", "в мечети"):
# civic context only when no ordinary crime is near, and weaker than the others.
WEAK_CIVIC_LEMMAS = {
    "соцсеть",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "тикток",
    "пост",
    "публикация",
    "видеоролик",
    "ютуб",
    "инстаграм",
    "фейсбук",
    "критик",
    "критиковать",
    "критика",
    "выборы",
    "кандидат",
    "акция",
    "верующий",
    "религиозный",
    "мечеть",
    "намаз",
    "редактор",
    "корреспондент",
    "корреспондентка",
    "партия",
}

CIVIC_LEMMAS = {
    "активист",
    "активистка",
    "журналист",
    "журналистка",
    "блогер",
    "блогерша",
    "оппозиционер",
    "оппозиционный",
    "оппозиция",
    "правозащитник",
    "правозащитница",
    "правозащитный",
    "политзаключённый",
    "политический",
    "политик",
    "митинг",
    "митинговый",
    "пикет",
    "пикетчик",
    "пикетирование",
    "протест",
    "протестный",
    "протестовать",
    "протестующий",
    "митингующий",
    "митинговать",  # the tagger's lemma of "митингующие"
    "пикетировать",  # and of "пикетирующие"
    "демонстрант",
    "демонстрация",
    "шествие",
    "забастовка",
    "бастовать",
    "бастующий",
    "стачка",
    "голодовка",
    "экстремизм",
    "экстремистский",
    "репортёр",
    "несогласованный",
    "политзаключенный",
    "репрессия",
    "преследование",
    "политически",
    "демократический",
    "оппозиционерка",
    "профсоюз",
    "нефтяник",
    "флешмоб",
    "флэшмоб",
    "политзаключённая",
    "узник",
    "плакат",
    "лозунг",
    "транспарант",
} | WEAK_CIVIC_LEMMAS
# Phrases (lower-cased text) that are civic context however they are inflected.
CIVIC_PHRASE_RE = guarded(
    # Calls to violence ("призывы к терроризму", "к нападениям и убийствам") are no civic call.
    r"ложн\w* информаци|разжигани\w* \w*\s?розни|призыв\w* к(?! (?:террор|насили|нападени|убийств|джихад))"
    r"|массов\w* беспоряд|"
    r"стать\w* (174|274|405|488|20\.2|20\.3|212|280|282|207\.3|275)\b|"
    r"ст\. ?(174|274|405|488|20\.2|20\.3|212|280|282|207\.3|275)\b|"
    r"оскорблени\w* (представител|президент|глав)|иностранн\w* агент|нежелательн\w* организац|"
    r"волнени\w* в |январск\w* событи|запрещ[её]нн\w* (?:в \w+ )?(?:парти|организаци|движени|групп)"
)
# Ordinary crime: custody for these is not an alert unless civic context outweighs them.
CRIME_LEMMAS = {
    "наркотик": "наркотики",
    "наркотический": "наркотики",
    "наркоторговец": "наркотики",
    "наркокурьер": "наркотики",
    "наркопреступность": "наркотики",
    "гашиш": "наркотики",
    "марихуана": "наркотики",
    "героин": "наркотики",
    "наркосодержащий": "наркотики",
    "кража": "кража",
    "украсть": "кража",
    "вор": "кража",
    "похитить": "кража",
    "грабёж": "грабёж",
    "разбой": "разбой",
    "убийство": "убийство",
    "убить": "убийство",
    "убийца": "убийство",
    "мошенничество": "мошенничество",
    "мошенник": "мошенничество",
    "взятка": "взятка",
    "взяточничество": "взятка",
    "коррупция": "коррупция",
    "коррупционный": "коррупция",
    "дтп": "ДТП",
    "изнасилование": "изнасилование",
    "вандализм": "вандализм",
    "контрабанда": "контрабанда",
    "наёмник": "наёмничество",
    "наемник": "наёмничество",
    "наёмничество": "наёмничество",
    "наемничество": "наёмничество",
    "педофил": "педофилия",
    "растрата": "растрата",
    "хищение": "хищение",
    "пьяный": "опьянение",
    "опьянение": "опьянение",
    "нетрезвый": "опьянение",
    "драка": "драка",
    "избить": "избиение",
    "избиение": "избиение",
    "нападение": "нападение",
    "напасть": "нападение",
    "угон": "угон",
    "угнать": "угон",
    "поджог": "поджог",
    "поджечь": "поджог",
    "вымогательство": "вымогательство",
    "вымогать": "вымогательство",
    "ограбить": "грабёж",
    "ограбление": "грабёж",
    "грабитель": "грабёж",
    "насильник": "изнасилование",
    "застрелить": "убийство",
    "зарезать": "убийство",
    "труп": "убийство",
    "растление": "педофилия",
    "оружие": "оружие",
    "боеприпас": "оружие",
    "проституция": "проституция",
    "азартный": "азартные игры",
    "браконьер": "браконьерство",
    "браконьерство": "браконьерство",
    "взяточник": "взятка",
    "коррупционер": "коррупция",
    "присвоение": "хищение",
    "присвоить": "хищение",
    "растратить": "растрата",
    "злоупотребление": "злоупотребление",
    "минирование": "ложное минирование",
    "наркопритон": "наркотики",
    "закладчик": "наркотики",
    "закладка": "наркотики",
    "грабить": "грабёж",
    # "задержан с поличным": caught in the act, the way bribes, extortion and drug deals end.
    "поличное": "с поличным",
    "обокрасть": "кража",
    # Terrorism, militants and their recruiters, espionage and treason: security cases, not
    # civic activity, unless the report frames them as persecution. ("Терроризм" itself stays
    # out: "оправдание терроризма" is a charge for words, often a critic's.)
    "теракт": "терроризм",
    "террорист": "терроризм",
    "террористический": "терроризм",
    "боевик": "терроризм",
    "вербовщик": "терроризм",
    "вербовка": "терроризм",
    "завербовать": "терроризм",
    "вербовать": "терроризм",
    "шпионаж": "шпионаж",
    "шпион": "шпионаж",
    "госизмена": "госизмена",
    # "религиозные радикалы", "деструктивные течения": the region's words for violent Islamists.
    "радикал": "радикализм",
    "деструктивный": "радикализм",
}
# The criminal underworld ("высшее положение в преступной иерархии", "вор в законе", АУЕ, which
# Russia calls an extremist organisation): its "extremism" is no civic activity. Every match
# holds "вор", "преступн", "криминальн" or "ауе", which ru_rules tests first: keep them so.
CRIME_PHRASE_RE = re.compile(
    r"преступн\w* иерархи|воровск\w* (?:мир|традици|закон|сходк|общак)|\bвор\w* в законе"
    r"|криминальн\w* (?:авторитет|субкультур|мир)|\bауе\b"
)
# Crimes against a person: a civic word they govern is the victim's ("убийство журналиста",
# "убийцы оппозиционного политика", "напал на активиста"), not the detainee's activity.
VICTIM_CRIME_LEMMAS = {
    "убийство",
    "убийца",
    "убить",
    "застрелить",
    "зарезать",
    "покушение",
    "нападение",
    "напасть",
    "избиение",
    "избить",
    "похищение",
    "похитить",
    "исполнитель",
    "заказчик",
}
FINE_LEMMAS = {"штраф", "оштрафовать", "штрафовать", "предупреждение", "мрп"}
SUMMONS_LEMMAS = {"допрос", "допросить", "повестка", "вызвать", "вызывать", "обыск", "опросить"}
RELEASE_LEMMAS = {
    "освободить",
    "освободиться",
    "освобождаться",
    "отпустить",
    "освобождение",
    "отпускать",
    "освобождать",
    "оправдать",
    "оправдательный",
    "помиловать",
}
DEMAND_LEMMAS = {
    "требовать",
    "потребовать",
    "призвать",
    "призывать",
    "добиваться",
    "просить",
    "требование",
    "призыв",
    "чтобы",
}
HYPOTHETICAL_LEMMAS = {
    "случай",
    "заменить",
    "грозить",
    "угрожать",
    "мочь",
    "рисковать",
    "угроза",
    "если",
    "избежать",
    "опасаться",
    "предусматривать",
    "возможный",
    "ходатайство",
    "запросить",
    "просить",
}
REFUSAL_LEMMAS = {"отказаться", "отказываться", "отказ", "отказать", "отказывать"}

# Words right before a name that mark someone who is not the detainee.
NOT_DETAINEE_LEMMAS = {
    "судья",
    "адвокат",
    "адвокатка",
    "супруг",
    "защитник",
    "прокурор",
    "следователь",
    "президент",
    "премьер",
    "премьер-министр",
    "министр",
    "аким",
    "глава",
    "губернатор",
    "депутат",
    "мэр",
    "спикер",
    "сообщить",
    "рассказать",
    "заявить",
    "написать",
    "пишет",
    "передавать",
    "отметить",
    "подтвердить",
    "сказать",
    "пояснить",
    "ссылка",
    "слово",
    "дочь",
    "сын",
    "жена",
    "муж",
    "мать",
    "отец",
    "брат",
    "сестра",
    "помощник",
    "помощница",
    "адрес",
    "поддержка",
    "поддержать",
    "правозащитница",
    "соратница",
    "соратник",
    "продюсер",
    "представитель",
    "пресс-секретарь",
    "начальник",
    "генпрокурор",
    "олигарх",
    "банкир",
    "председатель",
    "директор",
    "сотрудник",
    "полицейский",
    "омбудсмен",
    "эксперт",
    "юрист",
    "аналитик",
    # the dead are remembered, not detained: "смерть активиста X", "поминки по X"
    "смерть",
    "гибель",
    "убийство",
    "убийца",
    "покушение",
    "нападение",
    "похороны",
    "поминки",
    "память",
    "годовщина",
    "покойный",
}
# A crime the report says was planted or made up: a frame-up, not ordinary crime.
FRAMED_LEMMAS = {
    "подбросить",
    "подкинуть",
    "подбрасывать",
    "подкидывать",
    "сфабриковать",
    "сфабрикованный",
    "подставить",  # "его подставили силовики": set up
}
# The report presents a criminal charge as political persecution (then the charge is no
# ordinary crime): "политически мотивированное дело", "давление на журналистов".
PERSECUTION_FRAME_RE = re.compile(
    r"политически мотивирован|политическ\w* преследовани|по политическим мотивам|политическ\w* заказ"
    r"|давлени\w* на (?:\w+ )?(?:журналист|сми|прессу|редакци|независимы|оппозици|активист|гражданск)"
    r"|преследовани\w* (?:журналист|активист|оппозиц|правозащитник|независим)"
    # A political prisoner. (A press-freedom or rights watchdog that protests the custody frames
    # the charge as persecution too: the data list, data/watchdogs.toml.)
    r"|политзаключенн\w*|политзаключённ\w*"
    # A charge meant to silence a critic: "попытка заставить замолчать", "заткнуть рот".
    r"|заставить (?:\w+ )?замолчать|заткнуть (?:\w+ )?рот"
)
# Media outlets: a head or employee of one ("главу сайта", "директора телеканала", "сотрудника
# редакции") is a journalist, not an official or a policeman.
MEDIA_LEMMAS = {"сайт", "издание", "редакция", "телеканал", "газета", "информагентство", "портал", "сми", "медиа"}
# Death in custody: "погибшего в СИЗО", "умер в изоляторе" tell of a death, not of a new detention.
DEATH_LEMMAS = {"погибнуть", "умереть", "скончаться", "погибший", "умерший", "скончавшийся", "смерть", "гибель"}
# Of those, the ones that can also be the detainee themselves ("её брата задержали").
KIN_AND_ASSOCIATE_LEMMAS = {
    "супруг",
    "дочь",
    "сын",
    "жена",
    "муж",
    "мать",
    "отец",
    "брат",
    "сестра",
    "помощник",
    "помощница",
    "соратница",
    "соратник",
    "сотрудник",
}
# Prepositions that put a name in a relation other than "taken into custody".
NOT_DETAINEE_PREPOSITIONS = {"о", "об", "про", "против", "от", "по"}
# Groups of people whose detention a participle can report ("задержанных участников акции").
PEOPLE_LEMMAS = {
    "участник",
    "активист",
    "протестующий",
    "журналист",
    "житель",
    "человек",
    "сторонник",
    "рабочий",
    "нефтяник",
    "демонстрант",
    "митингующий",
    "гражданин",
    "студент",
    "пикетчик",
    "блогер",
    "участница",
    "активистка",
    "журналистка",
    "жительница",
    "сторонница",
    "пикетчица",
    "правозащитница",
    "блогерша",
    "гражданка",
    "студентка",
    "правозащитник",
    "оппозиционер",
    "верующий",
    "лицо",
}
# Pronouns that let a custody sentence refer back to the people of the previous one.
PRONOUNS = {
    "его",
    "её",
    "ее",
    "их",
    "он",
    "она",
    "они",
    "оба",
    "обоих",
    "обеих",
    "обе",
    "все",
    "них",
    "им",
    "ему",
    "ей",
}

# Places a person is taken to or held in by the police ("доставили в ОВД", "находится в
# отделе полиции"): custody together with a verb of taking or holding.
POLICE_PLACE_LEMMAS = {"полиция", "овд", "отдел", "участок", "ровд", "увд", "гувд", "отделение", "рувд", "дп", "мвд"}
# Custody said by a noun with its companion word: "под стражей", "лишение свободы",
# "домашнее заключение", "административный/тюремный/реальный срок", "15 суток".
CUSTODY_COMPANION_LEMMAS = {"сутки", "тюремный"}
# The nouns that are custody only beside their companion word are hinted as phrases, so
# that "заключение экспертизы" or "лишение прав" do not wake the analysis.
CUSTODY_PHRASES: tuple[tuple[str, str], ...] = (  # (first word's stem, the rest as a regex)
    ("административн", r"\w* срок"),
    ("реальн", r"\w* срок"),
    ("под", " страж"),
    ("лишени", r"\w* свобод"),
    ("под", " заключени"),
    ("домашн", r"\w* заключени"),
)

# --- cheap pre-pass, generated from the lexicons above ---------------------------------
# Word stems that begin every form of a lemma where the ending rules below do not
# (alternations: "посадить" → "посажен", "тюрьма" → "тюрем").
STEM_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "посадить": ("посади", "посаде", "посадя", "посаж"),
    "схватить": ("схвати", "схвате", "схватя", "схвач"),
    "осудить": ("осуди", "осуде", "осудя", "осуж"),
    "колония": ("колони",),
    "блогер": ("блогер", "блоггер"),
    "тюрьма": ("тюрьм", "тюрем"),
    "решётка": ("решётк", "решёток"),
    "сутки": ("сутк", "суток"),
    "задержать": ("задерж",),
    "этапировать": ("этапир",),
    "сизо": ("сизо",),
    "арестовать": ("арест",),
    "арестовывать": ("арест",),
    "отдел": ("отдел",),
    "провести": ("провед", "провёд", "провёл", "провел", "провест"),
    "держать": ("держ", "держа"),
    "оставаться": ("оста",),
    "находиться": ("наход", "нахож"),
    "участок": ("участок", "участк"),
    "публикация": ("публикац",),
    "критиковать": ("критик",),
    "протестовать": ("протест",),
    "бастовать": ("бастов", "басту"),
    "репрессия": ("репресс",),
    "узник": ("узни",),
    "пост": ("пост",),
    "отвезти": ("отвез", "отвёз"),
    "отвозить": ("отвоз", "отвож"),
    "увезти": ("увез", "увёз"),
    "увозить": ("увоз", "увож"),
    "увести": ("увед", "увёд", "увел", "увёл", "увест"),
    "уводить": ("увод", "увож"),
    "препроводить": ("препровод", "препровож"),
}
_ENDINGS = (
    "ировать",
    "овывать",
    "ывать",
    "ивать",
    "овать",
    "евать",
    "ать",
    "ять",
    "ить",
    "еть",
    "уть",
    "ти",
    "ённый",
    "енный",
    "анный",
    "ный",
    "ский",
    "ый",
    "ий",
    "ой",
    "ая",
    "ое",
    "ие",
    "ия",
    "ение",
    "ание",
    "ка",
    "а",
    "я",
    "о",
    "е",
    "ь",
    "й",
    "и",
    "ы",
)


def stems_of(lemma: str) -> tuple[str, ...]:
    """Beginnings that every form of ``lemma`` starts with (ё and е spellings both).

    A lemma loses its ending ("задержание" → "задержани"); irregular ones are listed in
    STEM_EXCEPTIONS. tests/test_prepass.py checks every form pymorphy3 knows.
    """
    if lemma in STEM_EXCEPTIONS:
        stems = STEM_EXCEPTIONS[lemma]
    else:
        base = lemma[:-2] if lemma.endswith(("ся", "сь")) else lemma  # "содержаться" → "содержать"
        stem = base
        for ending in _ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= 3:
                stem = base[: -len(ending)]
                break
        stems = (stem,)
    return tuple(dict.fromkeys(s for stem in stems for s in (stem, stem.replace("ё", "е"))))


class Hint:
    """A pre-pass of one or more regexes, searched one after the other.

    Kept apart rather than joined with "|": Python's regex engine skips ahead by first
    letter within one trie, but not across alternatives of different shapes, and two quick
    passes cost less than one slow one.
    """

    def __init__(self, patterns: Iterable[str | StemAutomaton]) -> None:
        # a regex source, or a StemAutomaton of the prepass
        self.patterns: list[re.Pattern[str] | StemAutomaton] = [
            re.compile(p) if isinstance(p, str) else p for p in patterns if p
        ]

    def search(self, text: str) -> re.Match[str] | Found | None:
        """The first pattern's match in ``text``, or None."""
        for pattern in self.patterns:
            found = pattern.search(text)
            if found:
                return found
        return None


def _hint(
    lemmas: Iterable[str], phrases: tuple[tuple[str, str], ...] = (), short_len: int = 4, patterns: tuple[str, ...] = ()
) -> Hint:
    """Every form of ``lemmas`` and the ``phrases``; stems of four letters or fewer ("ивс",
    "дп", "пост") only at the start of a word, where they are not part of another
    ("подпись", "постановление")."""
    stems = {s for lemma in lemmas for s in stems_of(lemma)}
    short = sorted(s for s in stems if len(s) <= short_len)
    literal = sorted(s for s in stems if len(s) > short_len)
    return Hint([StemAutomaton(literal + list(phrases), word_start=short)] + list(patterns))


CUSTODY_HINT_LEMMAS = set(CUSTODY_EVENT_LEMMAS) | set(CUSTODY_PLACE_LEMMAS) | SENTENCE_LEMMAS | CUSTODY_COMPANION_LEMMAS
CUSTODY_HINT_RE = _hint(CUSTODY_HINT_LEMMAS, CUSTODY_PHRASES)
# Taken to or held at the police: custody only when both words are there, so each half
# has its own hint and a text needs both ("доставили в ОВД", "провёл в отделе полиции").
# Verbs of taking someone somewhere: custody when the place is the police's ("отвезли в ОВД",
# "увели в автозак").
TAKEN_TO_LEMMAS = {
    "доставить",
    "доставлять",
    "отвезти",
    "отвозить",
    "увезти",
    "увозить",
    "увести",
    "уводить",
    "препроводить",
}
TAKEN_OR_HELD_LEMMAS = TAKEN_TO_LEMMAS | {
    "находиться",
    "содержаться",
    "оставаться",
    "провести",
    "удерживать",
    "держать",
}
POLICE_HINT_RE = _hint(POLICE_PLACE_LEMMAS)
# Verbs of holding stay substrings: "содержится", "удерживали", "задержан и содержится".
TAKEN_OR_HELD_HINT_RE = _hint(TAKEN_OR_HELD_LEMMAS, short_len=0)


# Custody words and police places in one trie: most news has neither and is settled by it.
_FIRST_PASS = _hint(CUSTODY_HINT_LEMMAS | POLICE_PLACE_LEMMAS, CUSTODY_PHRASES)


def custody_hint(lower_text: str) -> bool:
    """Whether ``lower_text`` has a word form of custody the lexicons know (the pre-pass)."""
    if not _FIRST_PASS.search(lower_text):
        return False
    return bool(
        CUSTODY_HINT_RE.search(lower_text)
        or (POLICE_HINT_RE.search(lower_text) and TAKEN_OR_HELD_HINT_RE.search(lower_text))
    )


PROTEST_RE = guarded(
    r"митинг|пикет|п(?<=\bп)ротест(?!антск)|демонстрант|демонстраци(я|и|ю|ей)\b|ш(?<=\bш)естви|забастовк|бастов|"
    r"стачк|голодовк|акци(я|и|ю|ей|ях|ям)\s+(протеста|в поддержку|солидарности|против|несогласия|памяти)|"
    r"н(?<=\bн)а акци(и|ях)\b|участни\w* акци|несогласованн\w* (акци|мероприяти)|публичн\w* акци|"
    r"флешмоб|флэшмоб|мирн\w* собрани|м(?<=\bм)арш(а|е|ем)?\b|перекрыли (дорогу|трассу|проспект)|"
    r"народн\w* сход|день несогласия"
)
# Pre-pass for civic context: without it (or a watched name, an organisation, an
# operator's word) no report can reach the arrest threshold, so its sentences are not parsed.
CIVIC_HINT_RE = _hint(CIVIC_LEMMAS, patterns=(CIVIC_PHRASE_RE.pattern,))
