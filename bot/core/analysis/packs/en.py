"""English data pack: the custody lexicon, and the patterns of the other lexicons.

The custody lexicon comes first, each entry a word and the pattern it starts.

Every entry is ``(word, pattern)``: the pattern matches the custody phrase and begins with
the word itself (tests/test_prepass.py checks), so the pre-pass built from the words
(:data:`CUSTODY_WORDS`) accepts every text the custody patterns can match.
"""

from __future__ import annotations

import re

from bot.core.analysis.literal_guard import guarded

# The region's security and police agencies by the abbreviations English reports use (Kazakh KNB,
# Kyrgyz GKNB/SCNS, Uzbek SNB/SSS/DXX, Russian FSB, Ukrainian SBU, Belarusian KGB, Azerbaijani DTX/SSS,
# Armenian NSS, Georgian SSG; DVB is the Kazakh "ДВБ"; MVD/MIA the interior ministries): "held by the
# FSB", "a former officer of the SNB". One class, not one agency a report named.
SECURITY_AGENCIES: tuple[str, ...] = (
    "knb", "nsc", "gknb", "scns", "snb", "sss", "dxx", "fsb", "sbu", "kgb", "dtx", "nss", "ssg", "dvb", "mvd", "mia",
)  # fmt: skip
_AGENCIES = "|".join(SECURITY_AGENCIES)

CUSTODY: tuple[tuple[str, str], ...] = (
    ("detain", r"detain(?:ed|s|ing)?"),
    ("detention", r"detentions?"),
    ("detainee", r"detainees?"),
    ("arrestee", r"arrestees?"),
    ("arrest", r"arrest(?:ed|s|ing)?"),
    ("jail", r"jail(?:ed|s|ing)?"),
    ("imprison", r"imprison(?:ed|ment)?"),
    ("prison", r"prison (?:term|sentence)s?"),
    ("to prison", r"to prison"),
    ("in prison", r"in prison"),
    ("from prison", r"from prison"),
    ("behind bars", r"behind bars"),
    ("penal colony", r"penal colony"),
    # "3 years in a juvenile correctional facility" ("open" ones are restricted freedom: NOT_CUSTODY)
    ("juvenile", r"juvenile (?:correctional |detention )?(?:facility|colony|institution)"),
    ("correctional", r"correctional (?:facility|colony|institution)"),
    ("custody", r"custody"),
    ("custodial", r"custodial"),
    ("remand", r"remand(?:ed)?"),
    ("house arrest", r"house arrest"),
    # "held" is custody only with a place of custody, a captor or a length of time.
    (
        "held",
        r"held (?:\w+ )?(?:in|at) (?:a |the |an )?(?:[\w-]+ ){0,3}(?:police|station|custody|detention|jail|prison"
        r"|cell|cells|isolator|facility|precinct|colony|remand|basement)",
    ),
    (
        "held",
        rf"held (?:by (?:police|the police|security|authorities|the authorities|officers|the state|(?:the )?(?:{_AGENCIES})\b)"
        r"|incommunicado|without (?:charge|trial)|for (?:questioning|\w+ (?:hours|days|weeks|months)|hours|days|weeks|months))",
    ),
    ("taken to", r"taken to (?:(?:a|the) (?:\w+ )?police|police (?:stations?|departments?))"),
    # officialese of the region's police: "brought to the police department", "delivered to police stations"
    ("brought to", r"brought to (?:a |the )?(?:\w+ )?(?:police|internal affairs)"),
    ("delivered to", r"delivered to (?:a |the )?(?:\w+ )?(?:police|internal affairs)"),
    ("taking", r"taking (?:him|her|them) to (?:a|the) (?:\w+ )?police"),
    ("rounded up", r"rounded up"),
    ("rounded-up", r"rounded-up"),
    ("apprehended", r"apprehended"),
    ("abducted", r"abducted"),
    ("sent to", r"sent to (?:a )?psychiatric"),
    ("forcibly", r"forcibly (?:hospitali[sz]ed|committed|confined)"),
    # forced psychiatric confinement: "confined to a psychiatric clinic", "placed in a psychiatric hospital"
    ("confined", r"confined (?:to|in) (?:a |an |the )?(?:[\w-]+ )?psychiatric"),
    ("placed", r"placed (?:in|into) (?:a |an |the )?(?:[\w-]+ )?psychiatric"),
)
# Phrases whose custody word comes after a preposition or an auxiliary ("in a penal colony",
# "into custody", "was held by police"): the word is still in every match.
PREFIXED: tuple[tuple[str, str], ...] = (
    ("penal colony", r"(?:(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?)penal colony"),
    ("custody", r"(?:in|into|under) custody"),
    ("labour camp", r"(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?labour camps?"),
    ("labor camp", r"(?:to|in|at|from) (?:a |the )?(?:[\w-]+ )?labor camps?"),
    # "a two-year strict regime labour camp sentence", as "a prison sentence".
    ("labour camp", r"labour camp (?:term|sentence)s?"),
    ("labor camp", r"labor camp (?:term|sentence)s?"),
    ("police van", r"(?:into|in|to|onto|inside) (?:a |the )?police vans?"),
    # "handed X a five-year term", "was given an 18-month term": a sentence of custody
    # (not "a second five-year term as president", "a term in office").
    (
        "term",
        r"(?:handed|given|gave|received|receives|gets|got)(?: [\w'’-]+){0,4}? (?:a|an) (?:[\w-]+-)?(?:year|month|day)"
        r" (?:prison |jail )?term(?! (?:in|of) office| as\b)",
    ),
    ("police bus", r"(?:into|in|to|onto|inside) (?:a |the )?(?:nearby |waiting )?police bus(?:es)?"),
    (
        "held",
        r"(?:being|was|were|been|is|are) held (?:by|incommunicado|without|for (?:questioning|\w+ (?:hours|days)))",
    ),
)

CUSTODY_WORDS: tuple[str, ...] = tuple(dict.fromkeys(word for word, _ in CUSTODY + PREFIXED))


# --- the other lexicons: not custody, release, penalties, civic context, ordinary crime,
# protest, time and counting words. The rules (bot/core/analysis/english.py) read them.

NOT_CUSTODY = guarded(
    r"\b(?:arrest warrant|warrant for (?:his|her|their) arrest"
    # a custody only asked for ("help in arresting her"), or not served ("a suspended
    # three-year jail sentence")
    r"|(?:request(?:s|ed|ing)?|assistance|help|seek(?:s|ing)?|sought)(?: [\w'’-]+){0,4} (?:in|for|to) (?:arrest(?:ing)?|detain(?:ing)?)"
    r"|suspended (?:[\w-]+ ){0,3}(?:jail|prison) (?:sentence|term)s?"
    # a sentence only asked for ("will seek a four-year prison term")
    r"|(?:seek|seeks|seeking|sought|asked for|asking for|requested|requesting|demanded|demanding)(?: [\w'’-]+){0,4}"
    r" (?:(?:prison|jail) (?:sentence|term)s?|imprisonment"
    # "the state had sought two years in a penal colony"
    r"|(?:in|to) (?:a |the )?(?:[\w-]+ )?(?:penal colony|labou?r camp|prison|jail))"
    # "the arrest of the property": a seizure, not custody
    r"|arrest(?:ed|ing)? (?:of |on )?(?:the |its |his |her |their )?(?:[\w-]+ )?(?:property|assets|accounts|funds|bank accounts|shares|vehicles?|real estate)"
    r"|(?:property|assets|accounts|funds|shares|real estate) (?:\w+ ){0,2}(?:was|were|been) (?:also )?arrested"
    r"|(?:tried|attempted|trying|attempting|failed)"
    r" to (?:detain|arrest)|not (?:been )?(?:detained|arrested|jailed)"
    # (the longer refusal first: its span must cover "in custody")
    r"|(?:refused|declined) to (?:remand|place|send|keep)(?: [\w'’-]+){0,5} (?:in|into|under|to) (?:pre-trial )?"
    r"(?:custody|detention|arrest|jail|prison)"
    r"|(?:did not|didn't|do not|does not|would not|will not|won't|refused to|declined to) (?:detain|arrest|jail|remand)"
    # a custody asked for and refused, or only threatened: "rejected a motion to remand him",
    # "faces up to 15 days of arrest"
    r"|(?:rejected|refused|denied|dismissed) (?:the |a )?(?:[\w'’-]+ ){0,2}(?:request|motion|petition)s? (?:to|for) (?:\w+ ){0,3}"
    r"(?:arrest|remand|detention|custody)"
    r"|(?:faces?|facing|could face|(?:could|would|might) have faced|risks?|risking) (?:up to |a possible |possible )?(?:[\w'’-]+ ){0,5}"
    r"(?:arrest|detention|prison|jail|imprisonment)"
    r"|without (?:detaining|arresting)|(?:escaped|avoided|evaded) (?:arrest|detention)"
    # what a law provides for, not anyone's custody: "laws introducing fines and prison sentences"
    r"|(?:laws?|legislation|articles?|bills?|amendments?|code)\b[^.;]{0,60}?\b(?:introduc\w+|provid\w+ for|punishable by|envisag\w+)"
    r"(?: [\w'’-]+){0,4}? (?:prison|jail) (?:sentences?|terms?)"
    # an event held by its organisers ("they were held by civil activists"): no one is held
    r"|(?:(?:was|were|is|are|been|being) )?held by (?:the )?(?:[\w-]+ ){0,2}(?:activists|organi[sz]ers|residents|citizens|students|supporters|parties"
    r"|movements|unions|associations|volunteers|communities)\b"
    r"|(?:no|nobody|none)(?: of)?(?: [\w-]+){0,2}"
    r" (?:was|were|has been|have been|had been|got) (?:\w+ )?(?:detained|arrested|jailed|imprisoned)|released from custody"
    r"|in custody of|custody of (?:the|his|her) child|taken for questioning|non-?custodial"
    # a custody denied: "denies rumours of the alleged arrest of a mayor"
    r"|(?:denied|denies|refuted|refutes|dismissed|dismisses) (?:the )?(?:[\w-]+ ){0,2}(?:reports?|rumou?rs|claims|information)"
    r" (?:about|of|on|regarding) (?:the |his |her |their )?(?:alleged |reported |supposed )?(?:detention|arrest)"
    r"|no (?:\w+ )?(?:detentions|arrests) (?:were |was |have been |had been )?(?:reported|made)"
    r"|made no (?:\w+ )?(?:arrests|detentions)|there (?:were|have been) no (?:\w+ )?(?:arrests|detentions)"
    r"|without (?:any )?(?:detentions|arrests)"
    # "called for an end to mass detentions": a demand about custody in general.
    r"|(?:end|stop|halt|cessation|ban) (?:of|to|on) (?:the )?(?:[\w-]+ ){0,3}(?:detentions|arrests|imprisonment)"
    # "a rally held at the Government House": an event is held, not a person.
    r"|(?:rall(?:y|ies)|protests?|meetings?|pickets?|events?|demonstrations?|gatherings?|march(?:es)?|conferences?"
    r"|ceremon(?:y|ies)|concerts?|votes?|elections?|talks|sessions?|hearings?|trials?|forums?|festivals?|games"
    r"|competitions?|referendums?|congress(?:es)?|celebrations?|exhibitions?|briefings?|rounds?|summits?)"
    r"(?: [\w-]+){0,3} (?:(?:was|were|is|are|will be|to be|being|been|had been|has been|have been) )?held)\b"
)
EXTENDED = re.compile(r"\bextended\b")
RELEASE = guarded(
    r"\b(?:(?:was|were|has been|have been|had been|got|been|is|are) (?:\w+ )?(?:released|freed|pardoned|acquitted)"
    r"|early release|granted (?:an? )?(?:early )?release|release of (?!(?:all|political|the detained|those|him|her|them|detained))"
    r"|pardon(?:s|ed)?|acquit(?:s|ted)?|amnest(?:y|ied|ies)(?! international)|(?:overturned|reversed|quashed|annulled|revoked) (?:\w+ ){0,4}(?:sentence|conviction|verdict|imprisonment|decision|ruling|judgment)|(?:has|have|had) (?:\w+ )?(?:freed|released|pardoned)|freed (?:a|an|the|his|her|their|two|three|\d+)\b|after (?:\w+ ){0,3}(?:years?|months?|days?|decades?) (?:in|behind) (?:jail|prison|bars|custody|detention)|(?:left|leaving) the (?:\w+ )?(?:colony|prison|detention)"
    r"|after serving|served (?:his|her|their) (?:term|sentence)|walk(?:s|ed|ing)? free|set free|regained (?:his|her|their) freedom"
    # a court suspending the term it had passed: "suspended her 18-month sentence"
    r"|suspended (?:his|her|their|the) (?:[\w-]+ )?(?:prison |jail )?(?:sentence|term)"
    r"|spent (?:[\w-]+ ){1,3}(?:in|behind) (?:prison|jail|bars|a penal colony)"
    r"|(?<!be )(?:released|freed) (?:from (?:jail|prison|custody|detention|the|a|penal)|early|after serving)\b"
    # "is free", "are now free again"; not "is free to leave", "free speech", "free of charge".
    r"|(?:is|are|was|were) (?:now |finally |again |already )?free\b(?! (?:to|of|from|speech|press|expression|media|trade))"
    r"|out of (?:jail|prison|custody|detention)\b|walked out of (?:the |a )?(?:[\w-]+ )?(?:colony|prison|jail)"
    r"|replaced (?:\w+ ){0,4}(?:prison term|prison sentence|sentence|imprisonment|jail term|term) with"
    # "replaced the blogger's prison term with a probation-like penalty", "his two-year jail
    # sentence was replaced by restricted freedom" (not "… replaced with a real prison term")
    # (one alternative per first word, which the regex engine tests before entering it)
    + "".join(
        rf"|{opening} (?:an? )?(?:[\w-]+ )?(?:parole|restricted|restriction|freedom limitation|probation|suspended|fine)"
        for opening in (
            r"replaced (?:[\w'’-]+ ){0,4}(?:prison|jail) (?:term|sentence)s? with",
            r"prison (?:term|sentence)s? (?:[\w-]+ ){0,2}replaced (?:by|with)",
            r"jail (?:term|sentence)s? (?:[\w-]+ ){0,2}replaced (?:by|with)",
        )
    )
    # a custody ended by a swap ("returned home after a prisoner swap"), or a sentence cut to no
    # custody ("reduced from four years in jail to two years of probation")
    + r"|prisoners? (?:swap|exchange)s?|(?:swap|exchange) of prisoners"
    r"|(?:reduced|commuted|changed|converted) (?:[\w-]+ ){0,12}to (?:a |an )?(?:[\w-]+ ){0,3}"
    r"(?:probation|suspended|time (?:already )?served|restricted freedom|restriction of freedom)\b"
    r"|(?:freed|released|pardoned) (?:[\w-]+ ){0,2}(?:activists?|journalists?|bloggers?|reporters?|dissidents?|critics?|politicians?"
    r"|leaders?|defenders?|prisoners?|detainees?|protesters?)\b)"
)
# Headlines drop auxiliaries: "Activist Released On Changed Sentence".
TITLE_RELEASE = guarded(
    r"\b(?:released|freed|pardons?|pardoned|acquitted|amnestied|walks free|set free|(?:is|are) (?:now |finally )?free|free again"
    # the people of the story are out already: "Ex-Political Prisoners Endure Limited Freedoms"
    r"|(?:ex-|former )(?:political )?(?:prisoners?|detainees?|inmates?))\b"
)
DEMAND_RELEASE = guarded(
    r"\b(?:demand|call|urge|appeal|campaign|press|seek|sought|procur|push|fight|ask|petition)\w*(?: [\w-]+){0,6}? (?:for )?"
    r"(?:the |his |her |their )?(?:immediate |immediately |unconditional )?release"
)
# A sentence or an arrest ordered for someone abroad is no custody.
IN_ABSENTIA = re.compile(
    r"\bin absentia\b"
    r"|\b(?:tried|sentenced|convicted|sentences?|verdicts?|charged)\b[^.;]{0,80}\bin (?:his|her|their) absence\b"
)
RESTRICTED = re.compile(
    r"restricted freedom|freedom limitation|limitation of freedom|limited freedom|restriction of freedom"
    r"|parole-like|probation|suspended (?:sentence|prison|jail)|community (?:work|service)|corrective labou?r"
    r"|open(?:-type)? (?:prison|colony|correctional)"
)
PENALTY_ONLY = re.compile(
    r"\b(?:fined|summon(?:ed|s)|questioned|interrogated|searched|warned|warning|"
    r"preventive conversation|barred|banned from)"
)

CIVIC = guarded(
    r"\b(?:activists?|journalists?|bloggers?|reporters?|correspondents?|photojournalists?|editor|editors"
    r"|human rights|rights (?:activist|defender|advocate|group|campaigner)s?|dissidents?|critics?"
    r"|opposition|protest\w*|rall(?:y|ies)|pickets?|picketers?|demonstrat(?:ion|ions|ors?)|marchers?|anti-?war"
    r"|strik(?:e|es|ers|ing)|hunger strike|political(?:ly)?|extremis\w*|false information"
    r"|poet|writer|free(?:dom of)? (?:speech|expression|press)|press freedom|media outlets?|independent media"
    r"|newspaper|unsanctioned|peaceful (?:assembl|gathering)\w*"
    # "unauthorized" of an event, not "unauthorized access", "unauthorized transmission of state secrets"
    r"|unauthori[sz]ed (?:[\w-]+ ){0,2}?(?:rall(?:y|ies)|protests?|demonstrations?|gatherings?|assembl\w+|meetings?|events?"
    # (each alternative opens with its own word, which the regex engine tests before entering it)
    r"|pickets?|march(?:es)?|processions?|actions?)|was unauthori[sz]ed|were unauthori[sz]ed|is unauthori[sz]ed"
    r"|are unauthori[sz]ed|as unauthori[sz]ed"
    r"|banned (?:[\w-]+ ){0,3}(?:movement|party|group|organi[sz]ation)"
    r"|facebook|social media|youtube|telegram channel|online posts?|facebook posts?|social media posts?|religious|believers"
    r"|election|candidate|civil society|dissent|repression|oil workers|trade union|labou?r union"
    r"|unrest|riots?|mass disorder|mass (?:protests|unrest)|january events|bloody january"
    + "".join(
        rf"|{verb} (?:of )?(?:\w+ )?(?:discord|hatred|hostility|enmity)"
        for verb in ("inciting", "incitement", "stirring up", "sowing")
    )
    + ")"
)
CRIME = {
    "drugs": guarded(
        r"\b(?:drugs?|narcotic\w*|heroin|cocaine|mephedrone|cannabis|marijuana|hashish|opium|methamphetamine|synthetic)\b"
    ),
    "corruption": guarded(
        r"\b(?:brib\w+|corrupt(?:ion)?|embezzl\w+|abuse of (?:office|power|official)|misappropriat\w+|kickbacks?|graft"
        r"|malfeasance|negligence|dereliction of duty|criminal inaction)\b"
    ),
    # Militant and terrorist suspects: security news, not activists ("extremism" stays civic).
    "terror": guarded(
        r"\b(?:terroris[tm]s?|terrorist (?:groups?|organi[sz]ations?|cells?|acts?)|militants?|militant groups?"
        r"|islamic state|isis|isil|daesh|jihadis?t?s?|suicide (?:attacker|bomber)s?|mercenar(?:y|ies))\b"
    ),
    "crime": guarded(
        r"\b(?:theft|thieves|thief|steal\w*|stole|stolen|robber\w*|murder\w*|killing|killed|killers?|assassin\w*|slay\w*|slain|fraud\w*|swindl\w+|rape|trafficking|smuggl\w+|kidnapp\w+|burglar\w*|assault|poach\w+|counterfeit|traffic accident|road accident|car crash|pedestrians?|fled the scene|brawl\w*|drunk(?:en)? driv\w+|driving (?:while )?(?:drunk|intoxicated|under the influence)|drink-driving|hit-and-run|illegal (?:possession|trade)|weapons|(?:a|the|two|three|several) suspects?"
        r"|tortur\w+|terrorist attacks?|attackers|gunmen|shoot(?:ing|out)s?|explosi\w+|bomb(?:ing|s)?|hostages?|stabb\w+|extortion|racketeering|hooligans)\b"
    ),
}
OFFICIAL = guarded(
    r"\b(?:officials?|prosecutor|mayor|akim|governor|customs|chief of|police officers?|policemen|officers|guards|head of the (?:\w+ )?(?:department|section|division|committee)|minister|military)\b"
)
# Treason and espionage are ordinary security news when the held is one of the state's own: the
# former head of a security service, its ex-officers ("an academic charged with treason" stays).
TREASON = guarded(r"\b(?:treason|espionage|spying)\b")
SECURITY_OFFICIAL = guarded(
    r"\b(?:security|intelligence|spy|police|border guards?) (?:chief|head|boss)\b"
    r"|\b(?:director|head|chief|chairman|officers?|employees?) of (?:the )?(?:[\w'’-]+ ){0,3}"
    rf"(?:security|intelligence|{_AGENCIES}|ministry|service)\b|\bex-(?:officers?|employees?)\b"
    r"|\bformer (?:deputy )?(?:minister|officials?|officers?|diplomat)\b"
)
# A former holder of an office, the detainee of an official's case ("former defence minister X",
# "the ex-head of the trade union"): not "a former political prisoner".
FORMER_OFFICIAL = guarded(
    r"\b(?:former|ex-)(?: |-)?(?:[\w-]+ ){0,2}?(?:minister|director|chairman|governor|mayor|akim|officials?|prosecutor"
    r"|(?:head|chief) of (?:the )?(?:[\w-]+ ){0,3}(?:department|ministry|committee|service|agency|administration|office))\b"
)
VICTIM = guarded(
    r"\b(?:murder(?:ing|ers?)?|kill(?:ing|ed|ers?)|assassin\w*|slaying|attack(?:ing|ed)? on|assault(?:ing|ed)? on|beat(?:ing|en)?|tortur\w+|death)"
    r"(?: of)? (?:an? |the |two |three |prominent |well-known |opposition )?(?:[\w-]+ ){0,2}"
    r"(?:opposition|activists?|journalists?|bloggers?|politicians?|leaders?|critics?|detainees?|prisoners?|protesters?)\b"
    # the victim described at length: "the murder of the chairman of the public television, journalist X"
    r"|\b(?:murder|killing|assassination) of (?:the |an? )?(?:[\w'’-]+,? ){2,10}?(?:journalists?|activists?|bloggers?)\b"
)
REVIEW = guarded(
    r"\b(?:annual|yearly|world|country|new|latest) report\b"
    r"|\b(?:annual|yearly|year-end|end-of-year) (?:[\w-]+ ){0,3}(?:review|overview|survey|summary|monitoring|report|index)\b"
    r"|\b(?:review|overview|summary|results) of the (?:past |last |outgoing )?year\b|\bin (?:its|the|their|a) (?:new |latest |annual )?report\b"
    # the yearly country reviews' own wording: "recorded at least 24 people imprisoned during the year"
    r"|\bduring the (?:reporting )?year\b|\breporting (?:year|period)\b"
    r"|\breport (?:on|covering) (?:the )?(?:human rights|situation|\d{4})|\b(?:freedom in the world|press freedom index)\b"
    # a list kept of the held: "maintained a list of 23 individuals it considered imprisoned"
    r"|\b(?:maintain(?:s|ed)?|keeps|kept|compiled|publishe[sd]|updated) (?:a|its|their|the) list of\b"
)
POLITICAL_CASE = guarded(
    # posts or publications as the reason for the custody ("detained due to his Facebook posts")
    r"(?:for|over|due to|because of) (?:his|her|their|a|an|the)? ?(?:[\w-]+ ){0,2}(?:posts?|publications?|comments)\b"
    r"|\bcritici[sz]\w* (?:the )?(?:\w+ ){0,3}(?:authorities|government|president|akim|officials|police)"
    r"|politically motivated|political(?:ly)? (?:persecution|prisoner|case|reasons)|fabricated|trumped-up|retaliat\w+|in reprisal|to silence|for (?:his|her|their) (?:work|reporting|journalism|activism|posts?)"
    r"|\bbogus (?:criminal )?(?:charges?|case|investigation)|on (?:dubious|spurious|bogus) (?:grounds|charges)"
    r"|\b(?:unfounded|baseless|groundless) (?:case|charges?|accusations?|prosecution)|\bunfounded case\b"
    r"|\bcalled the (?:case|charges?|accusations?)(?: against (?:him|her|them))? (?:unfounded|baseless|groundless|absurd)"
    # "persecuted for journalistic investigations", "arrested for her journalistic activities"
    r"|\bpersecut(?:ed|ing) (?:for|over|because of)\b"
    r"|\b(?:for|over|because of) (?:(?:his|her|their) )?journalistic (?:work|activit(?:y|ies)|investigations?)\b"
)
PROTEST = guarded(
    r"\b(?:protest\w*|rall(?:y|ies|ied)|pickets?|picketing|demonstrations?|demonstrators?|marchers"
    r"|strik(?:e|es|ing|ers)\b|hunger strike|sit-in|took to the streets|take to the streets|walkout"
    r"|(?:unsanctioned|unauthori[sz]ed) (?:public )?(?:event|gathering|assembl\w+|meeting)s?"
    r"|public assembl\w+|flash mob)"
)
# "march" the action, not "March" the month (case is kept for this one).
MARCH = re.compile(r"\b(?:march(?:es|ed|ing)?|Marche[sd]|Marching)\b")
NOT_PROTEST = re.compile(
    r"\b(?:air|missile|drone|military|lucky) strikes?\b|strike (?:a|the) (?:deal|balance|agreement)|struck"
    # the verb that gathers backing, not a rally: "little influence to rally support", "rallied behind him"
    r"|\brall(?:y|ies|ied) (?:support|behind|around|voters|supporters)\b"
    # a state's protest is a diplomatic note, not a public action
    r"|\bnote (?:of )?protest|\bprotest notes?\b|\bdiplomatic protest"
)
# The diplomacy before a protest word: "the Foreign Ministry summoned the ambassador to protest the detentions".
DIPLOMACY_BEFORE = re.compile(
    r"\b(?:summon(?:s|ed|ing)?|foreign ministry|ministry of foreign affairs|foreign office)\b[^.;]{0,80}$"
)
# A state protesting its nationals' detention abroad ("Kyrgyzstan protests detention of two men",
# "protested the arrest of its citizens"): diplomacy, not a protest; matched at the protest word.
STATE_PROTEST = re.compile(
    r"protest(?:s|ed|ing)? (?:against )?(?:the )?(?:detention|detainment|arrest)s? of (?:its |their |our )?(?:[\w-]+ ){0,2}?"
    r"(?:citizens?|nationals?|men|residents|compatriots|sailors|servicem[ae]n|soldiers|fishermen|crew)\b"
)
TIME_MARKER = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:morning|week|month)|last (?:week|night|month)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|september|october|november|december)|recently|earlier this)\b"
)
COUNTED = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|several|a number|a group|hundreds)"
    r"(?: of)?(?: \w+){0,3} (?:people|activists|journalists|bloggers|protesters|protestors|demonstrators|workers|residents|participants|members|supporters|men|women|citizens|detainees|reporters|believers|students|opposition)\b"
)
VAGUE = guarded(
    r"\b(?:many|numerous|countless|hundreds of|thousands of|over the (?:last|past)|in recent years|in the (?:last|past) \w+ years|estimates?|routinely|systematically|continue to|regularly|frequently|often|arbitrarily)\b"
)
