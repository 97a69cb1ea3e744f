"""Arrest rules for Kazakh reports (Cyrillic script).

No Kazakh morphology ships offline, so the rules match word stems: Kazakh adds its case and
tense suffixes to an unchanged stem ("ұста-лды", "қама-уға", "тәулік-ке"), which makes stems
reliable. Names are found by their shape (patronymic suffixes -ұлы/-қызы, surnames in
-ов/-ев/-ова/-ева/-ин/-бек/-бай…, capitalised pairs) next to custody words, and their case
suffixes are removed ("Мамайды" → "Мамай").
"""

from __future__ import annotations

import re

from bot.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.analysis.ru_terms import find_terms
from bot.analysis.ru_text import (
    evidence_text,
    find_charge,
    find_date,
    find_place,
    keywords_for,
    matched_keyword,
    watchlist_hits,
)


CUSTODY_RE = re.compile(
    r"(?<![\w])("
    r"[ұү]ста(л|д|п|ған|у)\w*|қамау\w*|қамал\w*|қамақ\w*|тұтқында\w*|тұтқынға\w*|"
    r"сотталд\w*|сотталған\w*|бас бостандығынан айыр\w*|тергеу изоляторы\w*|изолятор\w*|"
    r"түрмеге\w*|түрмеде\w*|колонияға\w*|тәулікке\w*|үй қамағы\w*|айдауыл\w*|"
    r"арестке\w*|арестовал\w*|задержал\w*"
    r")"
)
# "ұстау керек" (should be held) and negated verbs are not reports of custody.
NEGATED_RE = re.compile(r"(ұстамад|ұсталмад|қамалмад|ұстаған жоқ|ұсталған жоқ|ұстау керек|ұстамақ)")
CIVIC_RE = re.compile(
    r"(белсенді|журналист|тілші|блогер|наразы|митинг|шеру|пикет|ереуіл|оппозиция|саяси|"
    r"құқық қорғаушы|партия|двк|демократиялық таңдау|экстремист|жалған ақпарат|"
    r"араздықты қоздыр|ұран|бейбіт жиын|аштық жариялау|әлеуметтік желі|facebook|редактор|"
    r"сөз бостандығы|қуғын)"
)
PROTEST_RE = re.compile(
    r"(наразылық|наразы топ|митинг|шеру|пикет|ереуіл|аштық жариялау|бейбіт жиын|ұрандат|"
    r"алаңға (шықт|жиналд|келген)|жаппай (жиын|шеру))"
)
CRIME_RE = {
    "есірткі": re.compile(r"есірткі"),
    "ұрлық": re.compile(r"ұрлық|ұрлап|ұрлаған"),
    "кісі өлтіру": re.compile(r"кісі өлтір|өлтірген"),
    "алаяқтық": re.compile(r"алаяқ"),
    "пара": re.compile(r"(?<![\w])пара(?! ?[\w]*қша)(\s+ал|ны|сы|ға)?\b"),
    "вандализм": re.compile(r"вандализм|мүлкін қасақана|бүлдір"),
    "жол-көлік": re.compile(r"жол-көлік|мас күйінде"),
}
FINE_RE = re.compile(r"айыппұл")
RELEASE_RE = re.compile(r"босатыл|бостандыққа шықт|ақталд")

# Name shapes: a capitalised word, then a surname or patronymic; case suffixes may follow.
_CAP = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+"
_SURNAME = (
    r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]*(?:ұлы|улы|қызы|кызы|ов|ев|ова|ева|ин|ина|бек|беков|бекова|бай|баев|баева|"
    r"ханов|ханова|жан|ұлы|бекұлы)"
)
_SUFFIX = r"(?:[-']?(?:тың|тің|дың|дің|ның|нің|ты|ті|ды|ді|ны|ні|қа|ке|ға|ге|на|не|та|те|да|де|тан|тен|дан|ден|нан|нен|пен|бен|мен|ға|н))?"
NAME_RE = re.compile(rf"(?<![\w])({_CAP})\s+({_SURNAME}){_SUFFIX}(?![\w])|(?<![\w])({_SURNAME}){_SUFFIX}\s+({_CAP})(?![\w])")
_NOT_NAME_WORDS = {
    "Алматы", "Астана", "Қазақстан", "Қазақстанның", "Полиция", "Сот", "Бүгін", "Ақтөбе", "Мұхтар",
    "Президент", "Тоқаев", "Назарбаев", "Әблязов", "Әблязовтың",
}
_ROLE_BEFORE = re.compile(r"(судья|прокурор|адвокат|әкім|министр|президент|тергеуші|бастығы|өкілі|хабарлады|айтты|деді)\s*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+")


def analyze_kazakh(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse a Kazakh report: custody stems + civic context − ordinary crime."""
    full = f"{title}\n{text}"
    low = full.lower()
    protest = bool(PROTEST_RE.search(low))
    excluded = matched_keyword(low, keywords_for(rules.exclude_keywords, "kk"))
    watched = watchlist_hits(full, rules.watchlist)
    custody_extra = keywords_for(rules.extra_keywords, "kk")
    if not CUSTODY_RE.search(low) and not matched_keyword(low, custody_extra) and not watched:
        reasons = ("no custody vocabulary",) + ((f"excluded:{excluded}",) if excluded else ())
        return Analysis(arrest=False, protest=protest, lang="kk", reasons=reasons)

    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(full) if s.strip()]
    extra = keywords_for(rules.civic_keywords, "kk")
    civic_doc = _civic(low, extra)
    crime_doc = [name for name, rx in CRIME_RE.items() if rx.search(low)]
    best = (0.0, -1, [])
    per_sentence = []
    for n, sentence in enumerate(sentences):
        s_low = sentence.lower()
        cues = [m.group(0) for m in CUSTODY_RE.finditer(s_low)]
        cues += [k for k in custody_extra if k.lower() in s_low]
        if NEGATED_RE.search(s_low) and len(cues) <= 1:
            cues = []
        if RELEASE_RE.search(s_low) and not re.search(r"талап|босатуды", s_low):
            cues = []
        per_sentence.append(cues)
        if not cues:
            continue
        near_low = " ".join(x.lower() for x in sentences[max(0, n - 1):n + 2])
        civic_near = _civic(near_low, extra)
        crime_near = [name for name, rx in CRIME_RE.items() if rx.search(near_low)]
        score = 0.35 + (0.3 if civic_near else 0.2 if civic_doc else 0.0)
        if re.search(r"\d+|бірнеше|ондаған|жүздеген|шақты", s_low):
            score += 0.1
        score -= 0.35 if crime_near else 0.15 if crime_doc else 0.0
        if score > best[0]:
            reasons = [f"custody:{c}" for c in cues] + [f"civic:{c}" for c in (civic_near or civic_doc)]
            reasons += [f"negative:{c}" for c in (crime_near or crime_doc)]
            best = (score, n, reasons)
    score, best_index, reasons = best
    reasons = list(reasons) or ["no custody in context"]
    watched_in_custody = [
        name for name in watched if any(cues and watchlist_hits(s, (name,)) for s, cues in zip(sentences, per_sentence))
    ]
    if watched_in_custody:
        score = max(score, 0.8)
        reasons += [f"watchlist:{name}" for name in watched_in_custody]
    if excluded:
        score = 0.0
        reasons.append(f"excluded:{excluded}")
    score = round(score, 3)  # the contract: arrest exactly when the reported score ≥ 0.5
    arrest = score >= ARREST_THRESHOLD
    detainees: list[Detainee] = []
    if score >= REVIEW_FLOOR:  # doubtful reports keep their people for the operator
        previous: list[Detainee] = []
        for sentence, cues in zip(sentences, per_sentence):
            if not cues or FINE_RE.search(sentence.lower()):
                previous = []
                continue
            named = _names(sentence)
            if not named and previous:
                # "Сот екеуін де 15 тәулікке қамауға алды": the people of the sentence before.
                terms = find_terms(re.findall(r"[\w-]+|[^\w\s]", sentence), "kk")
                if len(terms) == 1:
                    detainees = [
                        Detainee(d.name, d.term or terms[0].value) if any(d.name == p.name for p in previous) else d
                        for d in detainees
                    ]
            detainees.extend(d for d in named if all(d.name != x.name for x in detainees))
            previous = named or previous
        for name in watched_in_custody:
            if all(not d.name.startswith(name.split()[0]) for d in detainees):
                detainees.append(Detainee(name=name))
    evidence = sentences[best_index] if best_index >= 0 else ""
    return Analysis(
        arrest=arrest,
        protest=protest,
        detainees=tuple(detainees),
        lang="kk",
        place=find_place(evidence) or (find_place(full) if arrest else None),
        detained_on=find_date(evidence),
        charge=find_charge(evidence) or (find_charge(full) if arrest else None),
        evidence=(evidence_text(evidence),) if evidence else (),
        score=round(max(0.0, min(1.0, score)), 3),
        reasons=tuple(dict.fromkeys(reasons)),
    )


def _civic(lower_text: str, extra: tuple[str, ...]) -> list[str]:
    found = sorted({m.group(0) for m in CIVIC_RE.finditer(lower_text)})
    found += [k for k in extra if k.lower() in lower_text]
    return found


def _names(sentence: str) -> list[Detainee]:
    """Named people in a custody sentence, case suffixes removed, each with their term."""
    words = re.findall(r"[\w-]+|[^\w\s]", sentence)
    terms = find_terms(words, "kk")
    found = []
    for match in NAME_RE.finditer(sentence):
        if _ROLE_BEFORE.search(sentence[: match.start()]):
            continue
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if first in _NOT_NAME_WORDS or second in _NOT_NAME_WORDS:
            continue
        name = f"{first} {second}"
        # The nearest term after the name, else the last one before it.
        position = len(re.findall(r"[\w-]+|[^\w\s]", sentence[: match.start()]))
        after = [t for t in terms if t.start >= position]
        term = after[0].value if after else (terms[-1].value if terms else None)
        found.append(Detainee(name=name, term=term))
    return found
