"""A regional news mix for the benchmarks: ordinary news, crime and corruption, protests
with nobody detained, and political custody, in English, Russian and Kazakh.

Why: a benchmark of mostly unrelated news hides where the time goes. Real regional
outlets send much text that looks like custody (police, courts, protests); the analysis
must read it to the end to say "no". The shares default to those of a real regional
stream (issue 18): 40% ordinary, 27% crime and corruption, 16% protests with nobody
detained, 17% political custody. Every sentence is this module's own writing.
"""

from __future__ import annotations

import random

from bench.feeds import EN_FIRST

MIX = {"ordinary": 0.40, "crime": 0.27, "protest": 0.16, "custody": 0.17}
LANGS = ("en", "ru", "kk")

# The English generator's given names (bench/feeds.py), and a few more.
_FIRST = [*EN_FIRST, "Serik", "Aigerim", "Rustem", "Botagoz"]
_LAST = [
    "Kuanyshev",
    "Sadykov",
    "Baimukhanov",
    "Tleuov",
    "Omarov",
    "Zhakenov",
    "Sarsenbayev",
    "Iskakov",
    "Mukanov",
    "Abenov",
    "Tokhtarov",
    "Yesimov",
    "Nurpeisov",
    "Kaliyev",
    "Dzhaksybekov",
]
_RU_FIRST = ["Арман", "Тимур", "Марат", "Болат", "Нурлан", "Аскар", "Данияр", "Ержан", "Серик", "Рустем"]
_RU_LAST = [
    "Куанышев",
    "Омаров",
    "Сарсенбаев",
    "Муканов",
    "Тохтаров",
    "Баймуханов",
    "Искаков",
    "Абенов",
    "Нурпеисов",
    "Калиев",
]
_KK_FIRST = ["Арман", "Тимур", "Марат", "Болат", "Нұрлан", "Асқар", "Данияр", "Ержан", "Серік", "Рүстем"]
_KK_LAST = [
    "Қуанышев",
    "Омаров",
    "Сәрсенбаев",
    "Мұқанов",
    "Тохтаров",
    "Баймұханов",
    "Ысқақов",
    "Әбенов",
    "Нұрпейісов",
    "Қалиев",
]
_CITIES = {
    "en": ["Almaty", "Astana", "Shymkent", "Aktobe", "Karaganda", "Pavlodar", "Uralsk", "Taraz", "Atyrau"],
    "ru": ["Алматы", "Астане", "Шымкенте", "Актобе", "Караганде", "Павлодаре", "Уральске", "Таразе", "Атырау"],
    "kk": [
        "Алматыда",
        "Астанада",
        "Шымкентте",
        "Ақтөбеде",
        "Қарағандыда",
        "Павлодарда",
        "Оралда",
        "Таразда",
        "Атырауда",
    ],
}

# Templates per kind and language: (title, sentences). {name}/{name_acc} a person, {city}
# the place as the sentence needs it, {n}/{m}/{k} numbers, {days} a term.
_TEMPLATES: dict[str, dict[str, list[tuple[str, list[str]]]]] = {
    "crime": {
        "en": [
            (
                "Police detain suspect in {city} phone thefts",
                [
                    "Police in {city} detained a {m}-year-old man suspected of stealing mobile phones from market stalls.",
                    "Officers said he had sold at least {k} stolen phones through an online shop.",
                    "A court placed the suspect in custody for two months while the investigation continues.",
                    "Police urged traders to report thefts at once.",
                ],
            ),
            (
                "Drunk driver jailed for {days} days in {city}",
                [
                    "A court in {city} jailed a driver for {days} days after he was caught drunk behind the wheel.",
                    "Traffic police stopped his car on a ring road at night; a test showed {k} times the legal limit.",
                    "He had already been fined for speeding this year, officers said.",
                    "Police reminded residents that drunk driving can cost a licence for seven years.",
                ],
            ),
            (
                "Former akim's deputy arrested on bribery charges",
                [
                    "Anti-corruption officers arrested a deputy akim of a district near {city} on suspicion of taking a bribe.",
                    "Investigators say he demanded {n} million tenge for a land allocation.",
                    "A court placed the official in pre-trial detention for two months.",
                    "The agency said the money had been handed over in a cafe and was seized on the spot.",
                ],
            ),
        ],
        "ru": [
            (
                "В {city} задержан подозреваемый в краже телефонов",
                [
                    "В {city} полицейские задержали {m}-летнего мужчину, подозреваемого в кражах телефонов на рынке.",
                    "По данным полиции, он продал через интернет не меньше {k} похищенных телефонов.",
                    "Суд санкционировал арест подозреваемого на два месяца.",
                    "Полиция призвала торговцев сразу сообщать о кражах.",
                ],
            ),
            (
                "Пьяного водителя арестовали на {days} суток",
                [
                    "В {city} суд арестовал на {days} суток водителя, задержанного в состоянии алкогольного опьянения.",
                    "Сотрудники дорожной полиции остановили автомобиль ночью на объездной дороге.",
                    "Ранее водителя уже штрафовали за превышение скорости.",
                    "В полиции напомнили, что за пьяную езду лишают прав на семь лет.",
                ],
            ),
            (
                "Заместителя акима района арестовали по делу о взятке",
                [
                    "Антикоррупционная служба задержала заместителя акима района под {city} по подозрению во взятке.",
                    "По версии следствия, он требовал {n} миллионов тенге за выделение земельного участка.",
                    "Суд избрал чиновнику меру пресечения в виде ареста на два месяца.",
                    "Деньги были переданы в кафе и изъяты на месте.",
                ],
            ),
        ],
        "kk": [
            (
                "{city} телефон ұрлады деген күдікті ұсталды",
                [
                    "{city} полиция базардан ұялы телефон ұрлады деген күдікпен {m} жастағы ер адамды ұстады.",
                    "Полицияның айтуынша, ол интернет арқылы кемінде {k} ұрланған телефон сатқан.",
                    "Сот күдіктіні екі айға қамауға алуға санкция берді.",
                    "Полиция саудагерлерді ұрлық туралы бірден хабарлауға шақырды.",
                ],
            ),
            (
                "Мас жүргізуші {days} тәулікке қамалды",
                [
                    "{city} сот мас күйінде көлік жүргізген азаматты {days} тәулікке қамауға алды.",
                    "Жол полициясы көлікті түнде айналма жолда тоқтатқан.",
                    "Бұған дейін жүргізуші жылдамдықты асырғаны үшін айыппұл төлеген.",
                    "Полиция мас күйінде көлік жүргізгені үшін куәлік жеті жылға алынатынын ескертті.",
                ],
            ),
            (
                "Аудан әкімінің орынбасары пара алды деген күдікпен ұсталды",
                [
                    "Сыбайлас жемқорлыққа қарсы қызмет {city} маңындағы аудан әкімінің орынбасарын пара алды деген күдікпен ұстады.",
                    "Тергеу мәліметінше, ол жер телімін беру үшін {n} миллион теңге талап еткен.",
                    "Сот шенеунікті екі айға қамауға алды.",
                    "Ақша кафеде берілген сәтте тәркіленді.",
                ],
            ),
        ],
    },
    "protest": {
        "en": [
            (
                "Residents rally in {city} against higher tariffs",
                [
                    "About {n} residents of {city} held a rally against higher utility tariffs on Saturday.",
                    "Speakers demanded that the akimat publish the new prices in advance.",
                    "Police watched the rally from a distance; nobody was detained.",
                    "The akim promised to meet the organisers next week.",
                ],
            ),
            (
                "Workers strike at {city} plant over unpaid wages",
                [
                    "Some {n} workers of a metal plant near {city} went on strike over {k} months of unpaid wages.",
                    "The strikers gathered outside the management building with placards.",
                    "The company said it would pay the debts by the end of the month.",
                    "No arrests were reported.",
                ],
            ),
        ],
        "ru": [
            (
                "В {city} прошёл митинг против повышения тарифов",
                [
                    "Около {n} жителей собрались в {city} на согласованный митинг против повышения тарифов.",
                    "Выступавшие потребовали от акимата заранее публиковать новые цены.",
                    "Полиция наблюдала за акцией, задержаний не было.",
                    "Аким пообещал встретиться с организаторами на следующей неделе.",
                ],
            ),
            (
                "Рабочие завода объявили забастовку из-за долгов по зарплате",
                [
                    "Около {n} рабочих металлургического завода в {city} объявили забастовку из-за {k} месяцев невыплат.",
                    "Бастующие собрались у здания администрации с плакатами.",
                    "В компании пообещали погасить долги до конца месяца.",
                    "О задержаниях не сообщалось.",
                ],
            ),
        ],
        "kk": [
            (
                "{city} тарифтің өсуіне қарсы митинг өтті",
                [
                    "{city} {n} шақты тұрғын тарифтің өсуіне қарсы рұқсат етілген митингке жиналды.",
                    "Сөйлегендер әкімдіктен жаңа бағаларды алдын ала жариялауды талап етті.",
                    "Полиция акцияны сырттан бақылады, ешкім ұсталған жоқ.",
                    "Әкім ұйымдастырушылармен келесі аптада кездесуге уәде берді.",
                ],
            ),
            (
                "Зауыт жұмысшылары жалақы үшін ереуілге шықты",
                [
                    "{city} металлургия зауытының {n} жұмысшысы {k} ай бойы жалақы төленбегені үшін ереуілге шықты.",
                    "Ереуілшілер әкімшілік ғимаратының алдына плакаттармен жиналды.",
                    "Компания қарызды ай соңына дейін өтейтінін айтты.",
                    "Ұсталғандар туралы хабар жоқ.",
                ],
            ),
        ],
    },
    "custody": {
        "en": [
            (
                "{city} court jails activist {name} for {days} days",
                [
                    "A court in {city} jailed civic activist {name} for {days} days of administrative arrest for a "
                    "single-person picket outside the akimat.",
                    "Police detained the activist minutes after the picket began.",
                    "The lawyer said the ruling would be appealed and called the case political.",
                    "Rights groups said the arrest was meant to frighten other protesters.",
                ],
            ),
        ],
        "ru": [
            (
                "В {city} арестован активист {name}",
                [
                    "Суд в {city} арестовал на {days} суток гражданского активиста {name_acc} за одиночный пикет у акимата.",
                    "Полицейские задержали активиста через несколько минут после начала пикета.",
                    "Адвокат заявил, что решение будет обжаловано, и назвал дело политическим.",
                    "Правозащитники назвали арест попыткой запугать других участников протестов.",
                ],
            ),
        ],
        "kk": [
            (
                "{city} белсенді {name} {days} тәулікке қамалды",
                [
                    "{city} сот қоғам белсендісі {name_acc} әкімдік алдында жалғыз адамдық пикет өткізгені үшін "
                    "{days} тәулікке әкімшілік қамаққа алды.",
                    "Полиция белсендіні пикет басталған соң бірнеше минуттан кейін ұстады.",
                    "Адвокат шешімге шағым беретінін айтып, істі саяси деп атады.",
                    "Құқық қорғаушылар бұл қамау басқа наразылық білдірушілерді қорқыту үшін жасалғанын айтты.",
                ],
            ),
        ],
    },
    "ordinary": {
        "en": [
            (
                "{city} opens {k} new bus routes",
                [
                    "{city} will open {k} new bus routes next month, the city transport office said.",
                    "The routes will link the eastern districts with the railway station every {m} minutes.",
                    "Fares stay at {n} tenge.",
                    "Road works on the main avenue will finish before the school year starts.",
                ],
            ),
            (
                "Tenge strengthens as oil prices rise",
                [
                    "The tenge strengthened to {n}.{k} per dollar on Tuesday as oil prices rose.",
                    "Analysts expect the national bank to keep its base rate at {m} percent.",
                    "Retail sales grew by {k} percent in the first half of the year.",
                    "Exporters said the stronger currency would trim their earnings.",
                ],
            ),
        ],
        "ru": [
            (
                "В {city} откроют {k} новых автобусных маршрутов",
                [
                    "В {city} в следующем месяце откроют {k} новых автобусных маршрутов.",
                    "Автобусы будут ходить с интервалом {m} минут и свяжут восточные районы с вокзалом.",
                    "Стоимость проезда останется прежней — {n} тенге.",
                    "Ремонт главного проспекта завершат до начала учебного года.",
                ],
            ),
            (
                "Тенге укрепился на фоне роста цен на нефть",
                [
                    "Тенге укрепился до {n}.{k} за доллар на фоне роста цен на нефть.",
                    "Аналитики ожидают, что Нацбанк сохранит базовую ставку на уровне {m} процентов.",
                    "Розничная торговля за полугодие выросла на {k} процентов.",
                    "Экспортёры говорят, что крепкий тенге уменьшит их доходы.",
                ],
            ),
        ],
        "kk": [
            (
                "{city} {k} жаңа автобус бағыты ашылады",
                [
                    "{city} келесі айда {k} жаңа автобус бағыты ашылады.",
                    "Автобустар {m} минут сайын жүріп, шығыс аудандарды вокзалмен байланыстырады.",
                    "Жол ақысы бұрынғыдай {n} теңге болып қалады.",
                    "Бас даңғылдағы жөндеу жұмыстары оқу жылы басталғанға дейін аяқталады.",
                ],
            ),
            (
                "Мұнай бағасы өскен соң теңге нығайды",
                [
                    "Мұнай бағасының өсуі аясында теңге доллар алдында {n}.{k} деңгейіне дейін нығайды.",
                    "Сарапшылар Ұлттық банк базалық мөлшерлемені {m} пайыз деңгейінде сақтайды деп күтеді.",
                    "Бөлшек сауда жарты жылда {k} пайызға өсті.",
                    "Экспорттаушылар күшті теңге олардың табысын азайтатынын айтады.",
                ],
            ),
        ],
    },
}


def _person(rng: random.Random, lang: str) -> tuple[str, str]:
    """(name, the name as a direct object) in the language of the report."""
    if lang == "en":
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        return name, name
    if lang == "ru":
        first, last = rng.choice(_RU_FIRST), rng.choice(_RU_LAST)
        return f"{first} {last}", f"{first}а {last}а"
    first, last = rng.choice(_KK_FIRST), rng.choice(_KK_LAST)
    return f"{first} {last}", f"{first} {last}ты"


def report(rng: random.Random, lang: str, kind: str) -> tuple[str, str]:
    """One report (title, text) of ``kind`` in ``lang``, drawn from the templates."""
    title, sentences = rng.choice(_TEMPLATES[kind][lang])
    name, name_acc = _person(rng, lang)
    slots = {
        "city": rng.choice(_CITIES[lang]),
        "name": name,
        "name_acc": name_acc,
        "days": rng.choice([5, 10, 15, 20]),
        "n": rng.randint(20, 900),
        "m": rng.randint(18, 60),
        "k": rng.randint(2, 9),
    }
    return title.format(**slots), " ".join(sentence.format(**slots) for sentence in sentences)


def kind_of(rng: random.Random, mix: dict[str, float] = MIX) -> str:
    return rng.choices(list(mix), weights=list(mix.values()))[0]
