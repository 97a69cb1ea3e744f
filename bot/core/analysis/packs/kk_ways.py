"""Kazakh data pack, continued: other ways the news says custody and its civic cause.

Each train report was caught by one phrase, and validation missed the same facts said
another way. Taking the train reports apart (``bench/ablate.py``: the lead alone, the body
alone, the deciding sentence left out) showed the phrasings below, each a fact of the
language or the domain, not of one report. :mod:`bot.core.analysis.kk_stems` adds them to
the lexicons of :mod:`packs.kk <bot.core.analysis.packs.kk>`; they are stems matched at the
start of a word, in every spelling.
"""

from __future__ import annotations

# Civic causes the pack's strong words do not spell.
CIVIC_STRONG_STEMS: tuple[str, ...] = (
    # Separatism as the noun ("сепаратизм үшін сотталды"): "сепаратис-" is only the adjective.
    "сепаратизм",
    # Criticism by the converb ("билікті үнемі сынап жүрген"): the participles are in packs.kk.
    "сынап",
    # Came out against a policy ("жер реформасына қарсы шыққан"): a protest told by its cause.
    "қарсы шыққан",
    "қарсы шыққаны",
    # People demanding the release of those held, by a group's name for them ("жерлестерін
    # босатуды талап етті"): the custody is contested in public. Not a bare "босатуды талап",
    # which is also a lawyer's for a client. The demand is no custody itself (DEMAND_STEMS).
    "жерлестерін босату",
    "ауылдастарын босату",
    "әріптестерін босату",
    "ұсталғандарды босату",
    "ұсталғандарды қамаудан босату",
    "тұтқындарды босату",
    "белсенділерді босату",
    # The administrative charge against protesters: breaking the rules of peaceful assemblies.
    "бейбіт жиналыс",
    "жиналыстарды ұйымдастыру",
    "жиналыс өткізу тәртіб",
    # Insulting a representative of power, the charge against opposition figures.
    "билік өкілін қорла",
    # Held for what one said or published, told by its noun: an opinion, an article, a video,
    # an interview, a poem, a repost.
    "пікірі үшін",
    "пікір білдіргені",
    "пікірін білдіргені",
    "мақаласы үшін",
    "мақалалары үшін",
    "видеосы үшін",
    "бейнежазбасы үшін",
    "сұхбаты үшін",
    "өлеңі үшін",
    "репост",
    # Held for speaking out, told by the verb: spoke, voiced an opinion, raised an issue,
    # condemned those in power or a war. (Making an appeal, "үндеу жасады", is not here: a
    # ministry or the police make appeals to citizens every week; it stays a weak word.)
    "сөйлегені үшін",
    "пікір айтқаны",
    "үндеу жасағаны үшін",
    "үндеу таратқаны үшін",
    "үндеуі үшін",
    "видеоүндеу жасағаны үшін",
    "бейнеүндеу жасағаны үшін",
    "мәселесін көтерг",
    "айыптағаны үшін",
    "билікті айыпта",
    "үкіметті айыпта",
    # Seeking justice ("әділдік іздеп Астанаға шықты"), a petitioner's civic act.
    "әділдік ізде",
    "әділдік талап",
    # Running for office on one's own: an independent candidate, self-nominated.
    "тәуелсіз кандидат",
    "өзін-өзі ұсын",
    # Religion: preaching (the movements by name are the data list, data/organisations.toml).
    "уағыз",
)

# Custody forms the pack's custody stems do not spell.
CUSTODY_STEMS: tuple[str, ...] = (
    # Deprivation of liberty with the accusative ("бас бостандығын айыру жазасы"), beside the
    # ablative of packs.kk ("бас бостандығынан айырылды"); restricted freedom is "шектеу".
    "бас бостандығын айыр",
    # Handcuffed ("қолына кісен салынды"): arrested, in the press's idiom.
    "кісен салын",
    "кісен салд",
    "кісендел",
    # Prison by its security level ("қауіпсіздігі орташа мекемеде жазасын өтейді") and sent to
    # the penal system ("қылмыстық-атқару жүйесіне жіберілді"), the dative: sent there.
    "қауіпсіздігі орташа мекеме",
    "қауіпсіздігі төмен мекеме",
    "қауіпсіздігі жоғары мекеме",
    "қауіпсіздігі барынша жоғары мекеме",
    "қылмыстық-атқару жүйесіне",
    "қылмыстық атқару жүйесіне",
    "қылмыстық-атқару жүйесінің мекемесіне",
    "қылмыстық атқару жүйесінің мекемесіне",
    # In the hands of the police, in a place of detention ("уақытша ұстау орнында").
    "полицияның қолында",
    "полиция қолында",
    "ұстау орн",
    # Brought to the police ("бөлімшеге әкелінді", "полицияға алып барды"): the verbs of
    # bringing beside those of taking away in packs.kk.
    "бөлімшеге әкел",
    "бөлімшесіне әкел",
    "бөліміне әкел",
    "басқармасына әкел",
    "полицияға әкел",
    "бөлімшеге алып бар",
    "бөлімшесіне алып бар",
    "бөліміне алып бар",
    "басқармасына алып бар",
    "полицияға алып бар",
)

# The police by the ministry's name: officers of internal affairs ("ішкі істер министрлігінің
# қызметкерлері", "ІІМ", "ІІД", "ІІБ") take people away as the police do.
POLICE_STEMS: tuple[str, ...] = ("ішкі істер", "іім", "ііб", "іід")
