"""Kazakh data pack, names: the shapes of family names and patronymics, given names, the
roles before a name, the words that are never a name, and the case suffixes names take.

The rules that use it are :mod:`bot.core.analysis.kk_name_forms` (a name's form) and
:mod:`bot.core.analysis.kk_people` (the people of a custody sentence); the stems of custody,
context and crime are in :mod:`bot.core.analysis.packs.kk`.
"""

from __future__ import annotations

# --- names ----------------------------------------------------------------------------
# Surname and patronymic endings (the nominative shape of a family name).
SURNAME_ENDINGS: tuple[str, ...] = (
    "ұлы",
    "улы",
    "қызы",
    "кызы",
    "уулу",
    "ов",
    "ев",
    "ёв",
    "ова",
    "ева",
    "ин",
    "ина",
    "бек",
    "беков",
    "бекова",
    "бай",
    "баев",
    "баева",
    "ханов",
    "ханова",
    "жан",
    "бекұлы",
    "ский",
    "ская",
    "енко",
    "ұлы",
    "ұлова",
    # Foreign family names of world news: Slavic "-вич" (Гершкович), Turkish and Azerbaijani
    # "-оғлу" (Имамоғлу), Georgian "-швили", "-дзе", Persian "-заде", Armenian "-ян".
    "вич",
    "оғлу",
    "оглу",
    "оғлы",
    "швили",
    "дзе",
    "заде",
    "ян",
)
# Separate patronymic words: "Болат ұлы", "Махабат Болот кызы".
PATRONYMIC_WORDS: frozenset[str] = frozenset({"ұлы", "улы", "уулу", "қызы", "кызы"})
# Common Kazakh given names that pymorphy3's Russian dictionary does not know (and that
# no ending gives away): a capitalised word from this list begins a name.
GIVEN_NAMES: frozenset[str] = frozenset(
    """
    Ілияс Інжу Абай Абзал Абылай Адай Айбар Айбол Айгерім Айдар Айдос Айдын Айжан Айзат Айкөркем
    Айнұр Айсұлу Айым Алмас Алпамыс Амангелді Аманжол Аманкелді Арай Арайлым Ардақ Арман Арнұр Арсен
    Аружан Асан Асылан Асқар Аягөз Аян Ақбота Ақжол Ақмарал Ақниет Ақтоты Балауса Балжан Батыр
    Бауыржан Бағдат Бағлан Бақберген Бақдәулет Бақыт Бейбарыс Бейбіт Бекарыс Бекзат Береке Болат
    Бота Гүлжан Гүлмира Гүлназ Гүлнар Гүлнұр Гүлсім Дамир Дана Дариға Дарын Дастан Дидар Димаш Дина
    Дулат Думан Дәмеш Дәулет Дәурен Еламан Елдос Елжас Ербол Ерболат Ержан Ержігіт Ерлан Ермек Ернар
    Ерсін Ертай Ерік Есбол Есен Есет Жазира Жайна Жайық Жалғас Жамал Жамбыл Жанар Жандос Жанибек
    Жаннат Жансая Жарас Жарқын Жасұлан Жақсылық Жақып Жомарт Жүсіп Жұлдыз Зарина Заңғар Зейнеп Зере
    Зәуре Ильяс Исатай Ләззат Мадияр Марал Махаббат Мағжан Мақпал Мақсат Мейрам Мейір Мейірім Мереке
    Меруерт Мұрат Мұханбет Мұхтар Мұқағали Мәди Мәлік Назым Нұрбол Нұрдаулет Нұржан Нұрлан Нұрлыбек
    Нұрсұлтан Нұрым Нұрғиса Олжас Перизат Рауан Рахат Сабыр Самал Сандуғаш Санжар Сағат Сағи
    Сағындық Сағыныш Серік Серікбол Серікжан Сымбат Сырым Сүйінбике Сұлтан Сәкен Сәуле Талғат
    Тамерлан Темірлан Тимур Толқын Төлеген Төрехан Шара Шаттық Шолпан Шынар Шыңғыс Ырысты Ысқақ
    Ғабит Ғалия Ғалым Қайрат Қанат Қаракөз Қарлығаш Қасым Қуаныш Қызжібек Құралай Құрманғазы Ұлан
    Ұлбосын Ұлжан Ұлпан Ұлықбек Әбу Әбіл Әди Әділ Әділет Әзиз Әйгерім Әлихан Әлнұр Әлібек Әмина
    Әнуар Әсел Әсем Әсет Әсия Өмір Өркен
""".split()
)
# Roles before a name that make the name a detainee's when custody follows
# ("белсенді Ержан Сапаров ұсталды").
ROLE_NOUNS: tuple[str, ...] = (
    "белсенді",
    "журналист",
    "тілші",
    "блогер",
    "блоггер",
    "құқық қорғаушы",
    "ақын",
    "жазушы",
    "азамат",
    "азаматша",
    "оппозиционер",
    "саясаткер",
    "редактор",
    "кәсіподақ",
    "мұнайшы",
    "студент",
    "зейнеткер",
    "кәсіпкер",
    "тұрғын",
    "имам",
    "діндар",
    "мұғалім",
    "ұстаз",
    "дәрігер",
    "суретші",
    "әнші",
    "фермер",
    "үміткер",
)
# Roles before a name that make the person a bystander: judges, officials, speakers.
BYSTANDER_ROLES: tuple[str, ...] = (
    "судья",
    "прокурор",
    "адвокат",
    "қорғаушысы",
    "әкім",
    "министр",
    "президент",
    "тергеуші",
    "бастығы",
    "басшысы",
    "өкілі",
    "депутат",
    "төраға",
    "спикер",
    "хатшы",
    "қызметкері",
    "полицей",
    "сот төрағасы",
    "омбудсмен",
    "сарапшы",
    "заңгер",
    # ranks of the police and the army: "полиция подполковнигі X"
    "генерал",
    "полковник",
    "подполковник",
    "майор",
    "капитан",
    "лейтенант",
    "сержант",
)
# Kin before a name ("оның әйелі Гүлнар …") are bystanders who speak or appeal, unless the
# custody is theirs too: the name is the verb's object, or custody follows it.
KIN_ROLES: tuple[str, ...] = (
    "анасы",
    "әкесі",
    "жұбайы",
    "әйелі",
    "күйеуі",
    "інісі",
    "ағасы",
    "қарындасы",
    "баласы",
    "апасы",
    "ұлы",
    "қызы",
    "бауыры",
    "туысы",
    "туысқаны",
    "жақыны",
    "әпкесі",
    "сіңлісі",
)
# Verbs after a name that make it a speaker ("Ержан Сапаров айтты").
SPEAKER_STEMS: tuple[str, ...] = (
    "айтты",
    "деді",
    "хабарлады",
    "мәлімдеді",
    "жазды",
    "түсіндірді",
    "атап өтті",
    "айтады",
    "дейді",
    "пікір",
)
# Words right after a capitalised pair that make it no person: a street, a party, a body.
NOT_PERSON_AFTER: tuple[str, ...] = (
    "көше",
    "даңғыл",
    "ауыл",
    "аудан",
    "облыс",
    "қала",
    "партия",
    "қозғалыс",
    "ұйым",
    "қор",
    "қоғамдық бірлест",
    "алаң",
    "мектеп",
    "университет",
    "институт",
    "газет",
    "сайт",
    "арна",
    "компания",
    "кеңсе",
    "министрлі",
    "комитет",
    "департамент",
    "басқарма",
    "мешіт",
    "штаб",  # "Навальный штабының еріктілері": a campaign office named after its candidate
    "команда",
    "атындағы",  # "Абай Құнанбаев атындағы көше": named after someone
)
# Capitalised words that begin sentences or name places and institutions, never people; the
# states of world news among them ("Украинаны", "Палестинаны" have a surname's "-ина"), and
# "Таулы" (mountainous), which opens regions' names ("Таулы Бадахшан", "Таулы Алтай").
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """
    Алматы Астана Нұр-Сұлтан Қазақстан Ресей Қырғызстан Өзбекстан Қытай Шымкент Ақтөбе Ақтау Атырау
    Орал Жаңаөзен Қарағанды Қостанай Павлодар Семей Өскемен Тараз Қызылорда Түркістан Көкшетау
    Петропавл Талдықорған Маңғыстау Алакөл Бішкек Мәскеу Ташкент
    Шыңжаң Шыңжан Қарақалпақстан
    Украина Палестина Израиль Газа Иран Түркия Грузия Сирия Ливан Ирак Ауғанстан Пәкістан Үндістан
    Германия Франция Британия Польша Беларусь Армения Әзербайжан Молдова Аргентина Тәжікстан
    Түрікменстан Моңғолия Жапония Корея
    Таулы
    Полиция Сот Бүгін Кеше Алайда Бірақ Сонымен Сондай-ақ Кейін Осыдан Оның Олардың Бұл Осы Ол Олар
    Қазір Енді Сосын Содан
    Президент Парламент Мәжіліс Сенат Үкімет Ақорда Бас Ішкі Істер Министрлігі Прокуратура
    Жоғарғы Соты Аудандық Облыстық Қалалық Әкімдік Әкімдігі Қаңтар Ақпан Наурыз Сәуір Мамыр Маусым
    Шілде Тамыз Қыркүйек Қазан Қараша Желтоқсан Азаттық Facebook Telegram Instagram YouTube
    Қазақ Қазақстанның Республикасы Ұлттық Қауіпсіздік Комитеті ҰҚК ІІМ ҚР
    Дүйсенбі Сейсенбі Сәрсенбі Бейсенбі Жұма Сенбі Жексенбі Мемлекеттік Халықаралық Еуропа Америка
""".split()
)

# Case and possessive suffixes that follow the last word of a name, longest first, each
# with its vowel class: "back" after а о ұ ы, "front" after ә е і ө ү, None for either.
CASE_SUFFIXES: tuple[tuple[str, str | None], ...] = (
    ("ның", "back"),
    ("нің", "front"),
    ("дың", "back"),
    ("дің", "front"),
    ("тың", "back"),
    ("тің", "front"),
    ("дан", "back"),
    ("ден", "front"),
    ("тан", "back"),
    ("тен", "front"),
    ("нан", "back"),
    ("нен", "front"),
    ("мен", None),
    ("бен", None),
    ("пен", None),
    ("ға", "back"),
    ("ге", "front"),
    ("қа", "back"),
    ("ке", "front"),
    ("ды", "back"),
    ("ді", "front"),
    ("ты", "back"),
    ("ті", "front"),
    ("ны", "back"),
    ("ні", "front"),
    ("на", "back"),
    ("не", "front"),
    ("да", "back"),
    ("де", "front"),
    ("та", "back"),
    ("те", "front"),
    ("ын", "back"),
    ("ін", "front"),
    ("н", None),
)
# The plural suffix; on a surname ("Қасымовтар", X and the others) it is only removed from a
# stem with a surname's shape, for given names end in these too ("Мұхтар", "Жанайдар", "Елдар").
PLURAL_SUFFIXES: tuple[str, ...] = ("тар", "тер", "дар", "дер", "лар", "лер")
# Suffixes that a given name can also end in ("Жанна", "Мадина", "Айдана"): only removed
# when the text also writes the name without them, or the stem has a surname's shape.
AMBIGUOUS_SUFFIXES: frozenset[str] = frozenset({"на", "не", "да", "де", "та", "те", "ын", "ін", "н"})
# "и" is left out: the skeleton spelling merges it with ы and і.
BACK_VOWELS = frozenset("аоұыяуё")
FRONT_VOWELS = frozenset("әеіөүэю")
