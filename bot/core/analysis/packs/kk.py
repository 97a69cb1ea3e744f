"""Kazakh data pack: stems of custody, release, fine, civic and crime words; name rules.

Kazakh adds its case and tense suffixes to an unchanged stem ("ұста-лды", "қама-уға",
"тәулік-ке"), so every lexicon here is a tuple of stems matched at the start of a word.
Stems are written in Cyrillic with the Kazakh letters; :func:`plain` folds them to the
Russian-letters-only spelling some sites use ("ұсталды" → "усталды"), and Latin-script
Kazakh is transliterated to Cyrillic before the rules run (:mod:`bot.core.analysis.kk_latin`).
"""

from __future__ import annotations

# --- custody: an act or state of being held ---------------------------------------------
# Each stem starts a word. "ұста" alone would also be "ұстаз" (teacher) and "ұстану"
# (to follow), so the verb is listed by its custody forms.
CUSTODY_STEMS: tuple[str, ...] = (
    "ұсталд",
    "ұсталған",
    "ұсталып",
    "ұсталу",
    "ұстады",
    "ұстап ал",
    "ұстап әкет",
    "ұстаған",
    "ұстапты",
    "ұстауға ал",
    "ұсталғандар",
    # "ұсталынды": the passive with the doubled suffix some outlets write.
    "ұсталын",
    "ұстап жатыр",
    "ұстап кет",
    "ұстап алып кет",
    "ұстай баста",
    "қамады",
    "қамап",
    "қамаған",
    "қамауға",
    "қамауда",
    "қамаудағы",
    "қамалд",
    "қамалған",
    "қамалып",
    # "қамалуына наразылық", "ұсталуы": the custody as a noun (a modal after it is filtered).
    "қамалу",
    "қамау жаза",
    "әкімшілік қамау",
    "үй қамағы",
    "үй қамағын",
    "үй қамақ",
    "үйқамақ",
    "қамаққа",
    "қамақта",
    "қамақтағы",
    "тұтқындал",
    "тұтқынға",
    "тұтқындау",
    # The verb "тұтқында-" and the locative "тұтқында отыр", not the plural noun "тұтқындар"
    # (prisoners): "саяси тұтқындар бостандығы" is a demand, not a custody.
    "тұтқындад",
    "тұтқындап",
    "тұтқындаған",
    "тұтқындағы",
    "тұтқында ",
    "изоляторы",
    "изоляторын",
    "изоляторға",
    "изоляторда",
    "түрмеге",
    "түрмеде",
    "түрмедегі",
    "колонияға",
    "колонияда",
    "колониясын",
    "колониясы",
    "абақтыға",
    "абақтыда",
    # "тергеу абақтысына", "абақтысында": the possessive forms ("тергеу абақтысы", the SIZO).
    "абақтысы",
    # "қамауын ұзартты", "қамауына қарсы": custody as a possessed noun.
    "қамауы",
    # Put into the police van: "автозакқа салды", "автозакқа тиеді" (not "автозак тұр",
    # vans standing by).
    "автозакқа",
    # "қапасқа тоғытылды", "қапаста отыр": the cage, prison in the press's idiom.
    "қапасқа",
    "қапаста",
    "темір тор",
    # "тор артына жабылды", "тор артында отыр": behind bars.
    "тор артын",
    # "полиция күдіктіні құрықтады": lassoed, caught (the press's idiom).
    "құрықта",
    "бас бостандығынан айыр",
    "күзетпен",
    "айдауылға",
    "полицияға апар",
    "полицияға алып кет",
    "полицияға жеткіз",
    "бөлімшесіне апар",
    "бөлімшесіне алып кет",
    "бөлімшесіне жеткіз",
    "бөліміне апар",
    "бөліміне алып кет",
    "бөліміне жеткіз",
    "бөлімшеге апар",
    "полиция қызметкерлері әкет",
    # "қолға түсті", "қолға түсірді", "қолға түсірілді": caught (by the police).
    "қолға түс",
    # "қамау мерзімі ұзартылды", "қамауда ұстау мерзімін": a pre-trial custody term (extended).
    "қамау мерзім",
    "қамауда ұста",
    # Administrative arrest and prison as nouns ("20 тәулік әкімшілік қамақ", "түрме жазасы"),
    # and the places of custody by their Russian abbreviations ("СИЗО-ға", "ИВС-те").
    "әкімшілік қамақ",
    "қамақ жаза",
    "түрме жаза",
    "арнайы қабылда",
    "спецприемник",
    "сизо",
    "ивс",
    # Forced psychiatric confinement (custody by the labelling guide); not "мәжбүрлі емдеу"
    # alone, the compulsory treatment of alcoholism.
    "психиатриялық ауруханаға",
    "психиатриялық емханаға",
    # Put into a camp of Xinjiang or its "political study centre" (the dative: sent or locked
    # in; "лагерьде", in a camp, is no event, and a bare "лагерьге" is also a summer camp).
    "тәрбиелеу лагеріне",
    "тәрбиелеу лагерьге",
    "тәрбиелеу лагерге",
    "тәрбиелеу лагерлеріне",
    "тәрбиелеу лагерьлеріне",
    "концлагерьге",
    "концлагерге",
    "концлагеріне",
    "үйрену орталығына",
    "тәрбиелеу орталығына",
    # Held for extradition ("экстрадициялық қамауға алынды", "40 күнге экстрадициялық қамау").
    "экстрадициялық қамау",
    "арестке",
    "арестовал",
    "задержал",
)
# Custody as a state ("қамауда отыр", "колонияда жазасын өтеп жүр"): someone is held, but the
# report need not be news of a detention. A report whose only custody words are these is
# taken as background unless something else makes it specific.
# Only serving a sentence counts here: pre-trial custody ("қамауда", "үйқамақта") is news of
# a case still open.
STATE_STEMS: tuple[str, ...] = (
    "түрмеде",
    "түрмедегі",
    "колонияда",
    "колониясында",
    "абақтыда",
    "қамаудағы",  # "қамаудағы блогер аштық жариялады": the one already held, no new custody
)
# Taken away: custody when the police (or the security service) do it.
# Active and passive: "алып кетті", "алып кетілді", "әкетілді", "жеткізілді", "автобусқа салып".
TAKEN_AWAY_STEMS: tuple[str, ...] = (
    "алып кетт",
    "алып кеткен",
    "алып кетіп",
    "алып кетіл",
    "әкетті",
    "әкеткен",
    "әкетіп",
    "әкетіл",
    "апарылды",
    "апарды",
    # Taken to the police, the place named: "оны полиция басқармасына апарып, … босатқан".
    "бөлімшеге апар",
    "бөліміне апар",
    "басқармасына апар",
    "учаскеге апар",
    "учаскесіне апар",
    "жеткізілді",
    "жеткізіліп",
    # Brought to the police by them, the place named: "полиция оны бөлімшеге жеткізді".
    "бөлімшеге жеткіз",
    "бөлімшесіне жеткіз",
    "бөлімшесіне апар",
    "бөліміне жеткіз",
    "басқармасына жеткіз",
    "учаскеге жеткіз",
    "учаскесіне жеткіз",
    # "Полиция оларды ұстап, екі сағаттан кейін босатты": "ұстап" alone is also holding a
    # placard ("плакат ұстап тұрды"), so only with the police in the sentence.
    "ұстап",
    "автобусқа сал",
    "көлігіне сал",
    "көлікке сал",
    "көлікке отырғыз",
)
# Things the police take away ("плакаттарын алып кетті", "компьютерін әкетті"): taking
# them is no custody of anyone.
SEIZED_THING_STEMS: tuple[str, ...] = (
    "плакат",
    "баннер",
    "транспарант",
    "үнпарақ",
    "парақша",
    "телефон",
    "компьютер",
    "ноутбук",
    "фотоаппарат",
    "камера",
    "құжат",
    "зат",
    "кітап",
    "туын",
    "туларын",
    "рупор",
    "көлігін",
)
# The police by other names: "тәртіп сақшылары" (the keepers of order), "құқық қорғау органдары".
# Places at the police where hours of custody are told ("бөлімшесінде бес сағат отырды"):
# the pre-pass lets a report with one of these through to the rules.
POLICE_PLACE_STEMS: tuple[str, ...] = ("полицияда", "бөлімшесінде", "бөлімшеде", "учаскесінде", "бөлімінде")
POLICE_STEMS: tuple[str, ...] = (
    "полиция",
    "полицей",
    "ұқк",
    "қауіпсіздік комитеті",
    "арнайы жасақ",
    "тәртіп сақшы",
    "құқық қорғау",
    # The security forces abroad too: "күштік құрылым қызметкерлері", "федералдық қауіпсіздік
    # қызметі (ФСБ)".
    "күштік құрылым",
    "қауіпсіздік қызмет",
    "фсб",
)
# The unit of administrative arrest: "15 тәулік" is custody by itself.
DAY_UNIT_STEMS: tuple[str, ...] = ("тәулік",)
# Custody that a court gives as a sentence: only custody with a term or deprivation of liberty.
# Passive ("сотталды", "сотталып") and active ("соттады": the court sentenced him) forms.
SENTENCE_STEMS: tuple[str, ...] = (
    "сотталд",
    "сотталған",
    "сотталып",
    "соттады",
    "соттаған",
    "соттап",
    "жаза тағайында",
    "үкім шығар",
    "кесілд",
    # The active "сот оны 7 жылға кесті" (cut: sentenced), custody only with a term.
    "кесті",
    "кескен",
    "кесіп",
    # "10 жылға жазаланды": punished, custody only with a term.
    "жазаланд",
    # "5 жылға отырғызды": sat (jailed) for a term, custody only with a term.
    "отырғыз",
    # "X-ке 5 жыл берілді", "сот оған 2 ай берді": a term given, custody only with a term
    # (the unit before the verb, so "рұқсат берілді" and "жауап берді" are no sentence).
    "жыл берілд",
    "жыл берд",
    "ай берілд",
    "ай берд",
)
# The custody and sentencing verbs as roots: their future or habitual present ("сотталады",
# "қамауға алынады", "ұстайды") tells no custody that happened (a term before one is foretold
# or the law's penalty, not one given); their simple past ("қамалды", "ұстады") tells an event.
CUSTODY_VERB_ROOTS: tuple[str, ...] = (
    "соттал",
    "қамал",
    "қама",
    "ұстал",
    "ұста",
    "айырыл",
    "жазалан",
    "кесіл",
    "тұтқындал",
    "алын",
    "жабыл",
    "отырғызыл",
)
# Denied, refused or only possible custody ("ұсталмады", "ұсталған жоқ", "қамалуы мүмкін").
NEGATED_STEMS: tuple[str, ...] = (
    "ұстамад",
    "ұсталмад",
    "қамалмад",
    "қамамад",
    "ұстаған жоқ",
    "ұсталған жоқ",
    "ұсталғандар жоқ",
    "қамалған жоқ",
    "ұстау керек",
    "ұстамақ",
    "тұтқындалмад",
    "қамауға алмад",
    "сотталмад",
)
HYPOTHETICAL_STEMS: tuple[str, ...] = (
    "мүмкін",
    "қаупі бар",
    "қатер төн",
    "қауіп төн",
    "дейін қамау",
    "тәулікке дейін",
    "жылға дейін",
    "қарастырылған",
    "көзделген",
    "қарастырады",
    "көздейді",
    "сұрады",
    "талап етті",
    "өтініш",
)
# The custody ended: a release, an acquittal, a term served, an amnesty.
RELEASE_STEMS: tuple[str, ...] = (
    "босатыл",
    "босатты",
    "босатқан",
    "бостандыққа шық",
    "бостандыққа шығ",
    "қамақтан шық",
    "қамаудан шық",
    "қамаудан шығ",
    "қамаудан босатыл",
    "қамақтан шығ",
    "түрмеден шық",
    "түрмеден шығ",
    "колониядан шық",
    "колониядан шығ",
    "изолятордан шық",
    # Got free, the intransitive ("түрмеден босап шықты", "екі лидердің босап шыққанын").
    "босап шық",
    "босап шығ",
    "ақталд",
    "ақтады",
    "ақтап",
    "ақтау үкім",
    "рақымшылық",
    "кешірім жаса",
    "мерзімін өтеп",
    "жазасын өтеп",
    "үйіне қайтт",
    "үйіне орал",
    "шартты түрде мерзімінен бұрын",
    # A decision to release ("қамаудан босату туралы"); a demand for one is told apart by DEMAND_STEMS.
    "қамаудан босат",
    "қамақтан босат",
    "босату туралы",
    "еркіндікке шық",
    "азаттыққа шық",
    # A term served ("15 тәулігін өтеп шықты") and people sent home.
    "өтеп шық",
    "өтеп шығ",
    "тәулігін өтеп",
    "тәулікті өтеп",
    "мерзімді өтеп",
    "үйіне жіберіл",
    "үйіне қайтарыл",
    # Set free: "ұсталған азаматты прокуратура бостандыққа жіберген".
    "бостандыққа жібер",
)
# A demand for release is not one: "босатуды талап етті".
DEMAND_STEMS: tuple[str, ...] = ("босатуды", "босатуға шақыр", "босатуын", "талап ет", "шақырды", "бостандық бер")
# Penalties that are not custody; people who got only these are not detainees.
FINE_STEMS: tuple[str, ...] = ("айыппұл", "ескерту жаса", "ескерту берд", "ескерту алд")
RESTRICTED_STEMS: tuple[str, ...] = (
    "бас бостандығын шектеу",
    "бас бостандығы шектел",
    "шартты түрде",
    "шартты жаза",
    "пробация",
    "сынақ мерзім",
)
# A term for a ban, not custody: "5 жылға қоғамдық қызметпен айналысу құқығынан айырды",
# "3 жылға лауазым атқаруға тыйым салды".
BAN_STEMS: tuple[str, ...] = ("құқығынан айыр", "тыйым сал", "айналыс", "лауазым атқару")
SUMMONS_STEMS: tuple[str, ...] = ("шақырыл", "жауап ал", "тінту", "тінтті", "тергеуге шақыр", "жауапқа тарт")

# --- context --------------------------------------------------------------------------
# Civic or political activity. Strong words make custody civic on their own; weak ones
# ("әлеуметтік желі", "видео") often appear in ordinary crime news too and need another
# civic word or no crime word nearby.
CIVIC_STRONG_STEMS: tuple[str, ...] = (
    "белсенді",
    "журналист",
    "тілші",
    "блогер",
    "блоггер",
    "наразылық",
    "наразы ",
    "митинг",
    "шеру",
    "пикет",
    "ереуіл",
    "оппозиция",
    "оппозицион",  # оппозиционер, оппозициондық ("оппозициялық" starts as "оппозиция")
    "саяси",
    "құқық қорғаушы",
    "құқыққорғаушы",
    "экстремис",
    "араздықты қоздыр",
    "араздық қоздыр",
    "алауыздық",
    "сепаратис",
    "қаңтар оқиға",
    "қанды қаңтар",
    "билікті күшпен",
    "билікті басып ал",
    "билікті тартып ал",
    "бейбіт жиын",
    "рұқсатсыз жиын",
    "заңсыз жиын",
    "аштық жариял",
    "редактор",
    "сөз бостандығы",
    "қуғын",
    # Persecuted ("жаппай қудаланып"); not the active "қудалау", which is also stalking.
    "қудалан",
    "саяси тұтқын",
    "сайлау",
    "діни",
    "дінге сен",
    # A banned movement, party or religious group; not a bare "тыйым салынған", which is as
    # often a ban on fishing or on a kind of net ("балық аулауға тыйым салынған").
    "тыйым салынған ұйым",
    "тыйым салынған қозғалыс",
    "тыйым салынған партия",
    "тыйым салынған діни",
    "тыйым салынған ағым",
    "митингіге",
    "әкімдік алдын",
    "ұран",
    "азаматтық белсенді",
    "ақын",
    "жазушы",
    "кәсіподақ",
    "мұнайшы",
    # Criticism of those in power ("билікті сынаған", "әкімді сынағаны үшін").
    "билікті сына",
    "үкіметті сына",
    "әкімді сына",
    "президентті сына",
    # Criticism of anyone ("Тоқаевты сынаған блогер"), by the verb's forms (not "сынақ", a test).
    "сынаған",
    "сынағаны",
    "сынады",
    "сынайтын",
    "билікке қарсы",
    "үкіметке қарсы",
    "президентке қарсы",
    "шал, кет",
    "шал кет",
    # Camps for ethnic Kazakhs and Uyghurs in China.
    "тәрбиелеу лагер",
    "концлагер",
    "қарсылық акция",
    # "қарсылық білдіргендер": people who voiced their opposition (not "қарсылық көрсетті",
    # resisting the police).
    "қарсылық білдір",
    "наразылар",
    "адам құқық",
    "цензура",
    "соғысқа қарсы",
    "петиция",
    "тәуелсіз журналист",
    "тәуелсіз бақылаушы",
    # Unsanctioned gatherings, by their official adjectives.
    "рұқсат етілмеген",
    "санкцияланбаған",
    "бейбіт акция",
    "референдум",
    # The banned movement by its Kazakh initials, the unregistered party by its short name.
    "қдт",
    "демпартия",
    "саясаткер",
    "қоғам қайраткер",
    "тиктокер",
    "ютубер",
    "лгбт",
    "феминист",
    "хиджаб",
    "салафи",
    # Custody of Kazakhs in Xinjiang is told as persecution ("Шыңжаңда ұсталып, сотталған"),
    # in both spellings ("Шыңжан-ұйғыр автономиялы ауданы").
    "шыңжа",
    "синьцзян",
    # Political charges: calling for riots (not taking part in them: "жаппай тәртіпсіздік"
    # is weak), insulting the head of state.
    "тәртіпсіздікке шақыр",
    "президентті қорла",
    "мемлекет басшысын қорла",
    # Held for what one published or wrote ("видео жариялағаны үшін", "посты үшін").
    "жариялағаны үшін",
    "жазғаны үшін",
    "жазбасы үшін",
    "жазбалары үшін",
    "посты үшін",
)
CIVIC_WEAK_STEMS: tuple[str, ...] = (
    "жалған ақпарат",
    "әлеуметтік желі",
    "facebook",
    "фейсбук",
    "instagram",
    "инстаграм",
    "telegram",
    "телеграм",
    "youtube",
    "ютуб",
    "tiktok",
    "тикток",
    "жазба",
    "пост",
    "видеоүндеу",
    "үндеу",
    "партия",
    # Civic only beside other signs: a meeting, workers, a candidate (of sciences, too), a mosque.
    "жиналыс",
    "жұмысшылар",
    "кандидат",
    "мешіт",
    "намаз",
    # Mass riots: the charge against protest leaders, but also looting and ethnic clashes.
    "жаппай тәртіпсіздік",
    "жаппай тәртіптсіздік",
)
# "журналистерге айтты": the press as an audience is no civic context.
# "деп хабарлайды BAQ.KZ тілшісі": an agency's correspondent is the byline, not the story.
TOLD_THE_PRESS_STEMS: tuple[str, ...] = (
    "журналистерге",
    "тілшілерге",
    "журналистер алдында",
    "бұқаралық ақпарат",
    "тілшісіне",
    "тілшілеріне",
    "журналисіне",
    "журналистеріне",
    # The press as the source of the news: "журналистер хабарлады", "журналистердің сұрағына".
    "журналистер хабарла",
    "журналистердің сұрағ",
    "журналистердің хабарлауынша",
    "тілшілер хабарла",
    "журналистердің сауал",
)
# "белсенді" is also the adjective "active": "белсенді түрде" (actively), "белсенділік"
# (activity), "белсенді қатысты" (took an active part) are no activist.
NOT_CIVIC_STEMS: tuple[str, ...] = (
    # The journalist or activist as the victim of a crime: "журналистке шабуыл жасаған
    # күдікті ұсталды" (a suspect held for attacking a journalist).
    "журналистке шабуыл",
    "журналистерге шабуыл",
    "тілшіге шабуыл",
    "блогерге шабуыл",
    "белсендіге шабуыл",
    "белсенділерге шабуыл",
    "журналистке қарсы қылмыс",
    "журналистерге қарсы қылмыс",
    "журналиске шабуыл",
    "белсенді түрде",
    "белсенділік",
    "белсенділіг",
    "белсенді қатыс",
    "белсенді жұмыс",
    "белсенді атсалыс",
    "белсендірек",
    # Foreign policy ("ресейлік сыртқы саяси ведомство"), not politics at home.
    "сыртқы саяси",
    "сыртқы саясат",
)
# Ordinary crime: custody for these is no alert unless the text presents it as persecution.
CRIME_STEMS: dict[str, tuple[str, ...]] = {
    "есірткі": ("есірткі", "наркотик", "героин", "марихуана", "гашиш", "қарасора", "синтетикалық"),
    # "кепілге алды" (took hostage); "кепілді" would also be "кепілдік" (a guarantee).
    # With the terror groups by name ("«Ислам мемлекеті» тобының жақтастары", ДАИШ, ИГИЛ).
    "лаңкестік": (
        "лаңкес",
        "кепілге",
        "жарылғыш",
        "терроризм",
        "террорист",
        "террорлық",
        "теракт",
        "ислам мемлекет",
        "даиш",
        "игил",
    ),
    # Shootings ("көпшілікке оқ жаудырған", "атыс болып"); in a protest report the police
    # firing on protesters is no crime of theirs (PROTEST_CHARGES).
    "атыс": ("оқ жаудыр", "оқ атқан", "оқ атып", "атыс бол", "атыс салдар", "атып өлтір"),
    "ұрлық": ("ұрлық", "ұрлап", "ұрлаған", "ұрлад", "ұрлан", "ұры ", "тонау", "тонад", "тонаған", "тонал", "қарақшы"),
    # Not "қаза тапты" (died): people die in unrest and in custody too.
    "кісі өлтіру": ("кісі өлтір", "өлтірд", "өлтірген", "өлтіру", "мәйіт"),
    "алаяқтық": ("алаяқ", "қаржы пирамида", "салық төлеуден жалтар", "салықтан жалтар", "бопсала", "қорқытып ал"),
    "ұйымдасқан қылмыс": ("қылмыстық топ", "ұйымдасқан қылмыс", "адам саудасы"),
    # Poaching: "заңсыз балық аулаған", "балық ресурстарын заңсыз алу", "заңсыз аң аулау".
    "браконьерлік": ("браконьер", "заңсыз балық", "балық ресурс", "заңсыз аң", "заңсыз аула", "заңсыз ауланған"),
    # Bribes, and votes bought with them ("сайлаушылардың дауысын сатып алмақ болған").
    "пара": ("пара ал", "пара бер", "параға", "парақор", "пара алған", "пара берген", "дауысын сатып", "дауыс сатып"),
    # Abuse of office, not any "лауазымды тұлға" (an official) named in the report.
    "жемқорлық": (
        "жемқор",
        "сыбайлас",
        "жымқыр",
        "талан-тараж",
        "қаржыны иемден",
        "лауазымын теріс",
        "лауазымдық өкілеттіг",
        "қызмет бабын теріс",
    ),
    # Rape, stabbing and domestic violence; "зорлық-зомбылық" and beatings are what the
    # police are reported doing to protesters as often.
    "зорлық": ("зорлад", "зорлаған", "зорлау", "зорлама", "пышақ", "тұрмыстық зорлық", "тұрмыстық жанжал", "төбелес"),
    "жол-көлік": ("жол-көлік", "мас күйінде", "масаң", "көлік апаты", "жол апаты", "рөлде", "қағып кет"),
    "жыныстық": ("жыныстық", "педофил", "кәмелетке толмағанды зорла"),
    # People smuggled too: "мигранттарды заңсыз тасымалдаған", "шекарадан заңсыз өткізген"
    # (not "заңсыз өткен", crossing it oneself).
    "контрабанда": ("контрабанда", "заңсыз қару", "қару-жарақ", "заңсыз тасымал", "заңсыз өткіз"),
    "вандализм": ("вандализм", "мүлкін қасақана"),
    # Arson ("көлігін өртеп жіберген", "дүкенге өрт қойған"); not "өзін өртеді", a protest.
    "өрт қою": ("өрт қой", "өртеп жібер", "қасақана өрт"),
    "құмар ойын": ("құмар ойын", "казино", "букмекер"),
    # Foreigners held for breaking the migration rules; not crossing a border, which is also
    # how Kazakhs fleeing Xinjiang are charged.
    "көші-қон": ("көші-қон заңнама", "көші-қон ережел", "миграциялық заңнама", "заңсыз мигрант"),
    # Captivity in a war and the exchange of prisoners of war ("тұтқынға түскен сарбаз",
    # "тұтқын алмасу"): taken by an army, not held by the authorities for what one did.
    "соғыс тұтқыны": ("тұтқынға түс", "тұтқын алмас", "соғыс тұтқын", "әскери тұтқын"),
}
# Crime kinds that a report of a protest tells as the charge brought against protesters
# (terrorism after the January 2022 unrest, shooting at a rally), not as ordinary crime.
PROTEST_CHARGES: frozenset[str] = frozenset({"лаңкестік", "атыс"})
# The report presents the case as persecution: crime words are then the charge, not the story.
PERSECUTION_STEMS: tuple[str, ...] = (
    "саяси астар",
    "саяси себеп",
    "саяси қуғын",
    "қуғын-сүргін",
    "жала жаб",
    "ойдан шығар",
    "саяси тұтқын",
    "саяси уәж",
    "сын айтқан",
    "сынағаны үшін",
)
# Background, not news: a yearly review, a reminder, an anniversary.
BACKGROUND_STEMS: tuple[str, ...] = (
    "өткен жыл",
    "былтыр",
    "жыл ішінде",
    "жыл басынан бері",
    "бұған дейін",
    "еске сала",
    "еске салайық",
    "жыл бойы",
    "жылдар бойы",
    "соңғы жылдар",
    "жылдың қорытынды",
    "баяндама",
    "жыл сайын",
    "мерейтой",
    "жылдығы",
    # Not "жүздеген/мыңдаған" (hundreds, thousands): mass detentions are news.
)
# Before the news, whoever it names: "Бұған дейін ол 10 тәулікке қамалған", "былтыр
# ұсталған", "екі жыл бұрын сотталған". Not "бірнеше күн бұрын" (a few days ago: news).
# A memorial's counterfactual ("арамызда аман жүрсе … 70-ке келетін еді", had he lived): the
# custody it recalls is a life's story.
PAST_STEMS: tuple[str, ...] = ("бұған дейін", "былтыр", "өткен жылы", "жыл бұрын", "аман жүрсе", "көзі тірі болса")
# What happens as a rule, no event: "жиындардың көбі … қамаумен аяқталады" (most of them),
# "әдетте" (usually), "жиі" (often); custody told with them is not news unless a day is named.
GENERIC_WORDS: tuple[str, ...] = ("көбі", "көбінесе", "әдетте", "жиі", "үнемі", "әрдайым", "көп жағдайда")
# The months, for a day named ("15 наурызда").
MONTH_STEMS: tuple[str, ...] = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)
# Displeasure caused, not shown: "қоғам наразылығын тудырды" (drew public anger).
NOT_PROTEST_STEMS: tuple[str, ...] = (
    "наразылық тудыр",
    "наразылық туғыз",
    "наразылығын тудыр",
    "наразылығын туғыз",
    "наразылықты тудыр",
    "наразылықты туғыз",
    "наразылық туындат",
    "наразылығын туындат",
    "наразылықты туындат",
)
PROTEST_STEMS: tuple[str, ...] = (
    "наразылық",
    "наразы топ",
    "митинг",
    "шеру",
    "пикет",
    "ереуіл",
    "аштық жариял",
    "бейбіт жиын",
    "ұрандат",
    "алаңға шықт",
    "алаңға жиналд",
    "алаңға келген",
    "жаппай жиын",
    "жаппай шеру",
    "рұқсатсыз жиын",
    # Protest by other names. Not a bare "акция" (charity and sales campaigns), "марш"
    # ("маршрут"), "жол жабылды" (a road closed for snow) or "жұмысты тоқтатты".
    "қарсылық акция",
    "флешмоб",
    "наразылар",
    "стихиялық жиын",
    "жалғыз адамдық",
    # Gathering in front of a building to demand something: "әкімдік алдына жиналды".
    "алдына жинал",
    "алдында жинал",
    "алдына шық",
    "алдына шығ",
)
# Numbers of people: "бірнеше белсенді", "он шақты адам" make custody specific.
COUNT_STEMS: tuple[str, ...] = (
    "бірнеше",
    "ондаған",
    "шақты",
    "адам",
    "азамат",
    "тұлға",
    "күдікті",
    "екеуі",
    "үшеуі",
    "төртеуі",
    "бесеуі",
)


def plain(stem: str) -> str:
    """The stem as typed with Russian letters only ("ұсталд" → "усталд")."""
    return stem.translate(_PLAIN)


def skeleton(stem: str) -> str:
    """The stem with the letters every spelling agrees on: Russian letters only, и for ы й і.

    Latin-script Kazakh (three official alphabets and informal ASCII) is transliterated
    into this alphabet (:mod:`bot.core.analysis.kk_latin`), so one set of stems serves all.
    """
    return stem.translate(_SKELETON)


_PLAIN = str.maketrans("әғқңөұүһі", "агкноууhи")
# Latin script spells я and ю with two letters ("sudia", "qamaýǵa"'s "ıa"), ц as s, and has
# no soft or hard sign, so the skeleton does too: "судья" is "судиа", "полиция" "полисииа".
_SKELETON = str.maketrans(
    dict(zip("әғқңөұүһіыйёэ", "агкноуухииiее".replace("i", "и"), strict=True))
    | {"я": "иа", "ю": "иу", "ь": "", "ъ": "", "ц": "с"}
)


def voiced(stem: str) -> str:
    """The stem as it is written before a vowel suffix: a final қ к п become ғ г б
    ("наразылық" → "наразылығы", "тәулік" → "тәулігі")."""
    last = stem[-1:]
    return stem[:-1] + _VOICED[last] if last in _VOICED else stem


_VOICED = {"қ": "ғ", "к": "г", "п": "б"}


def with_plain(stems: tuple[str, ...]) -> tuple[str, ...]:
    """``stems`` and their voiced forms, in Kazakh letters, Russian letters only and skeleton."""
    stems = tuple(dict.fromkeys(stems + tuple(voiced(s) for s in stems)))
    return tuple(dict.fromkeys(stems + tuple(plain(s) for s in stems) + tuple(skeleton(s) for s in stems)))
