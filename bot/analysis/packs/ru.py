"""Russian vocabulary of the arrest rules, as pymorphy3 lemmas (normal forms).

Each set answers one question about a word: does it report custody, civic or political
activity, a protest, ordinary crime, a fine or summons, a release, a person who is not the
detainee (a judge, a lawyer, a source)? The cheap pre-pass uses the regexes at the bottom,
which must accept every word form the lemma sets know about.
"""

from __future__ import annotations

import re

from bot.analysis.prepass import stems_regex

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
PROPERTY_LEMMAS = {"имущество", "счёт", "актив", "средство", "деньги", "квартира", "автомобиль", "земля", "акция", "доля"}

CIVIC_LEMMAS = {
    "активист", "активистка", "журналист", "журналистка", "блогер", "блогерша", "оппозиционер",
    "оппозиционный", "оппозиция", "правозащитник", "правозащитница", "правозащитный",
    "политзаключённый", "политический", "политик", "митинг", "митинговый", "пикет", "пикетчик",
    "пикетирование", "протест", "протестный", "протестовать", "протестующий", "митингующий",
    "демонстрант", "демонстрация", "шествие", "забастовка", "бастовать", "бастующий", "стачка",
    "голодовка", "экстремизм", "экстремистский", "редактор", "корреспондент", "репортёр", "выборы", "кандидат", "верующий", "религиозный", "мечеть",
    "намаз", "соцсеть", "facebook", "instagram", "telegram", "youtube", "тикток", "пост", "публикация",
    "видеоролик", "ютуб", "инстаграм", "фейсбук", "акция", "несогласованный",
    "политзаключенный", "репрессия", "преследование", "политически", "правозащитник",
    "демократический", "критик", "критиковать", "критика", "оппозиционерка",
    "профсоюз", "нефтяник", "флешмоб", "флэшмоб", "политзаключённая", "узник",
}
# Phrases (lower-cased text) that are civic context however they are inflected.
CIVIC_PHRASE_RE = re.compile(
    r"ложн\w* информаци|разжигани\w* \w*\s?розни|призыв\w* к|массов\w* беспоряд|"
    r"стать\w* (174|274|405|488|20\.2|20\.3|212|280|282|207\.3|275)\b|"
    r"ст\. ?(174|274|405|488|20\.2|20\.3|212|280|282|207\.3|275)\b|"
    r"оскорблени\w* (представител|президент|глав)|иностранн\w* агент|нежелательн\w* организац"
)
# Ordinary crime: custody for these is not an alert unless civic context outweighs them.
CRIME_LEMMAS = {
    "наркотик": "наркотики", "наркотический": "наркотики", "наркоторговец": "наркотики",
    "наркокурьер": "наркотики", "наркопреступность": "наркотики", "гашиш": "наркотики",
    "марихуана": "наркотики", "героин": "наркотики", "наркосодержащий": "наркотики",
    "кража": "кража", "украсть": "кража", "вор": "кража", "похитить": "кража", "грабёж": "грабёж",
    "разбой": "разбой", "убийство": "убийство", "убить": "убийство", "убийца": "убийство",
    "мошенничество": "мошенничество", "мошенник": "мошенничество", "взятка": "взятка",
    "взяточничество": "взятка", "коррупция": "коррупция", "коррупционный": "коррупция",
    "дтп": "ДТП", "изнасилование": "изнасилование", "вандализм": "вандализм",
    "контрабанда": "контрабанда", "педофил": "педофилия", "растрата": "растрата",
    "хищение": "хищение", "пьяный": "опьянение", "опьянение": "опьянение",
}
FINE_LEMMAS = {"штраф", "оштрафовать", "штрафовать", "предупреждение", "мрп"}
SUMMONS_LEMMAS = {"допрос", "допросить", "повестка", "вызвать", "вызывать", "обыск", "опросить"}
RELEASE_LEMMAS = {"освободить", "отпустить", "освобождение", "отпускать", "освобождать", "оправдать", "оправдательный"}
DEMAND_LEMMAS = {"требовать", "потребовать", "призвать", "призывать", "добиваться", "просить", "требование", "призыв", "чтобы"}
HYPOTHETICAL_LEMMAS = {"грозить", "угрожать", "мочь", "рисковать", "угроза", "если", "избежать", "опасаться", "предусматривать", "возможный", "ходатайство", "запросить", "просить"}
REFUSAL_LEMMAS = {"отказаться", "отказываться", "отказ"}

# Words right before a name that mark someone who is not the detainee.
NOT_DETAINEE_LEMMAS = {
    "судья", "адвокат", "защитник", "прокурор", "следователь", "президент", "премьер",
    "премьер-министр", "министр", "аким", "глава", "губернатор", "депутат", "мэр", "спикер",
    "сообщить", "рассказать", "заявить", "написать", "пишет", "передавать", "отметить",
    "подтвердить", "сказать", "пояснить", "ссылка", "слово", "дочь", "сын", "жена", "муж",
    "мать", "отец", "брат", "сестра", "помощник", "помощница", "адрес", "поддержка",
    "поддержать", "правозащитница", "соратница", "соратник", "продюсер", "представитель",
    "пресс-секретарь", "начальник", "генпрокурор", "олигарх", "банкир", "председатель",
    "директор", "сотрудник", "полицейский", "омбудсмен", "эксперт", "юрист", "аналитик",
}
# Of those, the ones that can also be the detainee themselves ("её брата задержали").
KIN_AND_ASSOCIATE_LEMMAS = {
    "дочь", "сын", "жена", "муж", "мать", "отец", "брат", "сестра", "помощник", "помощница",
    "соратница", "соратник", "сотрудник",
}
# Prepositions that put a name in a relation other than "taken into custody".
NOT_DETAINEE_PREPOSITIONS = {"о", "об", "про", "против", "от"}
# Groups of people whose detention a participle can report ("задержанных участников акции").
PEOPLE_LEMMAS = {
    "участник", "активист", "протестующий", "журналист", "житель", "человек", "сторонник", "рабочий",
    "нефтяник", "демонстрант", "митингующий", "гражданин", "студент", "пикетчик", "блогер",
}
# Pronouns that let a custody sentence refer back to the people of the previous one.
PRONOUNS = {"его", "её", "ее", "их", "он", "она", "они", "оба", "обоих", "обеих", "обе", "все"}

# Places a person is taken to or held in by the police ("доставили в ОВД", "находится в
# отделе полиции"): custody together with a verb of taking or holding.
POLICE_PLACE_LEMMAS = {"полиция", "овд", "отдел", "участок", "ровд", "увд", "гувд", "отделение", "рувд", "дп", "мвд"}
# Custody said by a noun with its companion word: "под стражей", "лишение свободы",
# "домашнее заключение", "административный/тюремный/реальный срок", "15 суток".
CUSTODY_COMPANION_LEMMAS = {"стража", "лишение", "заключение", "сутки", "тюремный"}
CUSTODY_PHRASES = (r"административн\w* срок", r"реальн\w* срок")

# --- cheap pre-pass, generated from the lexicons above ---------------------------------
# Word stems that begin every form of a lemma where the ending rules below do not
# (alternations: "посадить" → "посажен", "тюрьма" → "тюрем").
STEM_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "посадить": ("посад", "посаж"),
    "схватить": ("схват", "схвач"),
    "осудить": ("осуд", "осуж"),
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
    "участок": ("участок", "участк"),
    "публикация": ("публикац",),
    "критиковать": ("критик",),
    "протестовать": ("протест",),
    "бастовать": ("бастов", "басту"),
    "репрессия": ("репресс",),
    "узник": ("узни",),
    "пост": ("пост",),
}
_ENDINGS = (
    "ировать", "овывать", "ывать", "ивать", "овать", "евать", "ать", "ять", "ить", "еть", "уть", "ти",
    "ённый", "енный", "анный", "ный", "ский", "ый", "ий", "ой", "ая", "ое", "ие", "ия", "ение", "ание",
    "ка", "а", "я", "о", "е", "ь", "й", "и", "ы",
)


def stems_of(lemma: str) -> tuple[str, ...]:
    """Beginnings that every form of ``lemma`` starts with (ё and е spellings both).

    A lemma loses its ending ("задержание" → "задержани"); irregular ones are listed in
    STEM_EXCEPTIONS. tests/test_prepass.py checks every form pymorphy3 knows.
    """
    if lemma in STEM_EXCEPTIONS:
        stems = STEM_EXCEPTIONS[lemma]
    else:
        stem = lemma
        for ending in _ENDINGS:
            if lemma.endswith(ending) and len(lemma) - len(ending) >= 3:
                stem = lemma[: -len(ending)]
                break
        stems = (stem,)
    return tuple(dict.fromkeys(s for stem in stems for s in (stem, stem.replace("ё", "е"))))


def _hint(lemmas, phrases: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One regex for every form of ``lemmas`` and the ``phrases``; stems of three letters
    or fewer ("ивс", "дп") only at the start of a word, where they are not part of another."""
    stems = {s for lemma in lemmas for s in stems_of(lemma)}
    short = sorted(s for s in stems if len(s) <= 3)
    literal = stems_regex(s for s in stems if len(s) > 3)
    parts = [literal.pattern] + [f"{s[0]}(?<![а-яё]{s[0]}){re.escape(s[1:])}" for s in short] + list(phrases)
    return re.compile("|".join(parts))


CUSTODY_HINT_LEMMAS = (
    set(CUSTODY_EVENT_LEMMAS) | set(CUSTODY_PLACE_LEMMAS) | SENTENCE_LEMMAS | POLICE_PLACE_LEMMAS
    | CUSTODY_COMPANION_LEMMAS
)
CUSTODY_HINT_RE = _hint(CUSTODY_HINT_LEMMAS, CUSTODY_PHRASES)
PROTEST_RE = re.compile(
    r"митинг|пикет|п(?<=\bп)ротест(?!антск)|демонстрант|демонстраци(я|и|ю|ей)\b|ш(?<=\bш)естви|забастовк|бастов|"
    r"стачк|голодовк|акци(я|и|ю|ей|ях|ям)\s+(протеста|в поддержку|солидарности|против|несогласия|памяти)|"
    r"н(?<=\bн)а акци(и|ях)\b|участни\w* акци|несогласованн\w* (акци|мероприяти)|публичн\w* акци|"
    r"флешмоб|флэшмоб|мирн\w* собрани|м(?<=\bм)арш(а|е|ем)?\b|перекрыли (дорогу|трассу|проспект)|"
    r"народн\w* сход|день несогласия"
)
# Pre-pass for civic context: without it (or a watched name, an organisation, an
# operator's word) no report can reach the arrest threshold, so natasha is not needed.
CIVIC_HINT_RE = _hint(CIVIC_LEMMAS, (CIVIC_PHRASE_RE.pattern,))
