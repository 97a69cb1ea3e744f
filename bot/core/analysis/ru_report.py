"""Arrest rules for Russian reports (razdel + pymorphy3); :mod:`bot.core.analysis.russian` hands them here.

``analyze_russian`` decides whether a report tells of people taken into custody for civic or
political activity, and who they are. The steps, cheapest first:

1. a regex pre-pass over the lower-cased text: reports without any custody word (most news)
   return at once, without parsing sentences;
2. razdel splits the candidate into sentences, pymorphy3 tags them and the person finder
   (ru_person_spans) finds names;
3. per sentence, custody cues (pymorphy3 lemmas: задержать, арестовать, сутки, СИЗО…) that are
   not negated, hypothetical or released; civic and ordinary-crime context; custodial terms;
4. per person, whether a custody cue governs them (judges, lawyers, sources, relatives and
   people only fined or summoned are not detainees), with their own term;
5. a score: custody + civic context, less ordinary crime; ``arrest`` is ``score >= 0.5``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import partial

from bot.core.analysis import organisations
from bot.core.analysis.literal_guard import Regex, guarded
from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.result import ARREST_THRESHOLD, REVIEW_FLOOR, Analysis, Detainee, RuleConfig
from bot.core.analysis.ru_context import freed_at
from bot.core.analysis.ru_detainees import find_detainees, term_of_its_own
from bot.core.analysis.ru_discourse import (
    antecedent,
    in_absentia,
    listed_after_colon,
    named_after_count,
    named_among,
    named_as_participants,
    named_before_count,
    named_one_by_one,
)
from bot.core.analysis.ru_list_forms import share_list_case
from bot.core.analysis.ru_name_forms import agree_mans_name
from bot.core.analysis.ru_names import (
    Mention,
    Sentence,
    Token,
    complete_name,
    parse,
    same_word,
)
from bot.core.analysis.ru_rules import SentenceFacts, analyse_sentence
from bot.core.analysis.ru_text import (
    evidence_text,
    find_charge,
    find_date,
    find_place,
    keywords_for,
    matched_keyword,
    watchlist_hits,
)
from bot.core.analysis.text import normalise


def analyze_russian(title: str, text: str, rules: RuleConfig) -> Analysis:
    """Analyse a Russian report: a cheap keyword pre-pass, then the sentence rules and a score."""
    full = f"{title}\n{text}"
    low = full.lower()
    protest = bool(vocab.PROTEST_RE.search(low))
    excluded = matched_keyword(low, keywords_for(rules.exclude_keywords, "ru"))
    watched = watchlist_hits(full, rules.watchlist)
    extra = keywords_for(rules.extra_keywords, "ru")  # custody words
    civic_extra = keywords_for(rules.civic_keywords, "ru")
    custody_hint = vocab.custody_hint(low) or matched_keyword(low, extra)
    # The civic pre-pass is the slowest regex here and only matters once a custody word is
    # found, which most news lacks.
    org_re = organisations.pattern(organisations.names_for(rules))
    civic_hint = bool(custody_hint) and bool(
        vocab.CIVIC_HINT_RE.search(low) or matched_keyword(low, civic_extra) or org_re.search(low)
    )
    if not watched and not (custody_hint and civic_hint):
        reason = "no custody vocabulary" if not custody_hint else "custody without civic context"
        why_not = (reason,) + ((f"excluded:{excluded}",) if excluded else ())
        return Analysis(arrest=False, protest=protest, lang="ru", score=0.1 if custody_hint else 0.0, reasons=why_not)

    sentences, facts = _read_sentences(title, text, rules, extra, civic_extra, org_re)
    score, reasons, best = _score(sentences, facts, organisations.pattern(organisations.watchdogs_for(rules)))
    watched_in_custody = [
        name for name in watched if any(f.cues and watchlist_hits(s.text, (name,)) for s, f in zip(sentences, facts))
    ]
    if watched_in_custody:
        score = max(score, 0.8)
        reasons += [f"watchlist:{name}" for name in watched_in_custody]
        best = best or next(
            n
            for n, (s, f) in enumerate(zip(sentences, facts))
            if f.cues and watchlist_hits(s.text, tuple(watched_in_custody))
        )
    if excluded:
        score = 0.0
        reasons.append(f"excluded:{excluded}")
    score = round(score, 3)  # the contract: arrest exactly when the reported score ≥ 0.5
    arrest = score >= ARREST_THRESHOLD
    # Doubtful reports keep their people too: the operator approving one posts them.
    released = any(r.startswith("negative:release") for r in reasons)
    detainees = _detainees(sentences, facts, full) if score >= REVIEW_FLOOR or released else ()
    if arrest and watched_in_custody:
        detainees = _add_watched(detainees, watched_in_custody)
    evidence_ids = _evidence(facts, best)
    custody_text = " ".join(sentences[i].text for i in evidence_ids)
    return Analysis(
        arrest=arrest,
        protest=protest,
        detainees=detainees,
        lang="ru",
        place=find_place(custody_text) or (find_place(full) if arrest else None),
        detained_on=find_date(custody_text),
        charge=find_charge(custody_text) or (find_charge(full) if arrest else None),
        evidence=tuple(evidence_text(sentences[i].text) for i in evidence_ids),
        score=round(score, 3),
        reasons=tuple(dict.fromkeys(reasons)),
    )


def _read_sentences(
    title: str,
    text: str,
    rules: RuleConfig,
    extra: tuple[str, ...],
    civic_extra: tuple[str, ...],
    org_re: Regex,
) -> tuple[list[Sentence], list[SentenceFacts]]:
    """The report's sentences and what the rules found in each, detainees included.

    Kept apart from the scoring because it is the costly part: names are looked for only in
    the sentences with a custody or watched word and the two after them.
    """
    title, text = normalise(title), normalise(text)

    def wanted(sentence: str) -> bool:
        low = sentence.lower()
        return bool(vocab.custody_hint(low) or matched_keyword(low, extra) or watchlist_hits(sentence, rules.watchlist))

    sentences: list[Sentence] = []
    if title.strip():
        sentences.extend(parse(title.strip(), 0, is_title=True))
    sentences.extend(parse(text, len(sentences), wanted=wanted))
    _drop_movements(sentences, org_re)
    _recover_mentions(sentences)
    for sentence in sentences:
        if len(sentence.mentions) >= 2:
            sentence.mentions = share_list_case(sentence.tokens, sentence.mentions)
    facts = [analyse_sentence(s, civic_extra, extra, org_re) for s in sentences]
    for n, (sentence, fact) in enumerate(zip(sentences, facts)):
        previous = sentences[n - 1] if n > 0 and not sentences[n - 1].is_title else None
        find_detainees(sentence, fact, previous, partial(antecedent, sentences, facts, n))
    named_after_count(sentences, facts)
    named_before_count(sentences, facts)
    named_one_by_one(sentences, facts)
    named_among(sentences, facts)
    listed_after_colon(sentences, facts)
    named_as_participants(sentences, facts)
    return sentences, facts


def _recover_mentions(sentences: list[Sentence]) -> None:
    """Add mentions the tagger missed of people it found elsewhere in the report.

    The neural tagger often misses a bare surname at the start of a sentence
    ("Тлеубаеву суд арестовал…") although it found "Айгерим Тлеубаеву" a sentence
    earlier; a capitalised word that inflects a known name word is that person.
    """
    known = [(w, n) for s in sentences for m in s.mentions if len(m.words) >= 2 for w, n in zip(m.words, m.normal)]
    if not known:
        return
    for index, sentence in enumerate(sentences):
        if sentence.is_title or not sentence.tokens:
            continue
        covered = {i for m in sentence.mentions for i in range(m.start, m.stop)}
        added = False
        for i, token in enumerate(sentence.tokens):
            text = token.text
            if i in covered or len(text) < 4 or not text[0].isupper() or not text[1:].islower():
                continue
            match = next(((w, n) for w, n in known if same_word(text, w)), None)
            if match is None:
                continue
            sent = sentence.mentions[0].sent if sentence.mentions else index
            sentence.mentions.append(Mention(sent, i, i + 1, [text], [match[1]], text == match[1]))
            added = True
        if added:
            sentence.mentions.sort(key=lambda m: m.start)


def _drop_movements(sentences: list[Sentence], org_re: Regex) -> None:
    """ "осудили Свидетеля Иеговы X": the words of a movement or organisation the text names
    (capitalised, they look like a person's) are no part of anyone's name."""
    for sentence in sentences:
        if not sentence.mentions:
            continue
        spans = [(found.start(), found.end()) for found in org_re.finditer(sentence.text.lower())]
        if spans:
            trimmed = (_without_movement(sentence.tokens, m, spans) for m in sentence.mentions)
            sentence.mentions = [m for m in trimmed if m is not None]


def _without_movement(toks: list[Token], mention: Mention, spans: list[tuple[int, int]]) -> Mention | None:
    kept = [
        k
        for k in range(mention.start, mention.stop)
        if not any(a <= toks[k].start and toks[k].stop <= b for a, b in spans)
    ]
    if len(kept) == mention.stop - mention.start:
        return mention
    if not kept or len(mention.words) != mention.stop - mention.start or kept != list(range(kept[0], kept[-1] + 1)):
        return None
    cut = slice(kept[0] - mention.start, kept[-1] + 1 - mention.start)
    return replace(mention, start=kept[0], stop=kept[-1] + 1, words=mention.words[cut], normal=mention.normal[cut])


def _score(
    sentences: list[Sentence], facts: list[SentenceFacts], watchdog_re: Regex
) -> tuple[float, list[str], int | None]:
    """Confidence that the report is an arrest alert, the rules behind it, the best sentence."""
    civic_all = {c for f in facts for c in f.civic}
    crime_all = {c for f in facts for c in f.crime}
    # Only a crime word can be framed: without one there is nothing to clear.
    if crime_all and (
        any(t.lemma in vocab.FRAMED_LEMMAS for s in sentences for t in s.tokens)
        or any(
            vocab.PERSECUTION_FRAME_RE.search(low) or watchdog_re.search(low)
            for low in (s.text.lower() for s in sentences)
        )
    ):
        # "наркотики ему подкинули": the report presents the crime as planted, a frame-up, or
        # the charge as political persecution ("давление на журналистов").
        crime_all = set()
        facts = [replace(f, crime=[]) for f in facts]
    best_score, best_index, best_reasons = 0.0, None, ["no custody in context"]
    for n, fact in enumerate(facts):
        if not fact.cues:
            continue
        score, reasons = _sentence_score(sentences, facts, n, civic_all, crime_all)
        if score > best_score:
            best_score, best_index, best_reasons = score, n, reasons
    if best_index is not None and in_absentia(facts, best_index):
        best_score -= 0.4
        best_reasons.append("negative:in absentia")
    release = _title_release(sentences, facts)
    if best_index is not None and release:
        # "Активист вышел на свободу": the headline reports a release, not a new custody.
        # Below the review floor: a release is no alert and no question for an operator; its
        # people are kept (see analyze_russian) so that the event of their custody can tell
        # subscribers of the release.
        best_score = min(best_score - 0.4, REVIEW_FLOOR - 0.05)
        best_reasons.append(f"negative:release ({release})")
    specific = (
        any(c.finite or c.kind in ("term", "sentence") for f in facts for c in f.cues)
        or any(f.detainees for f in facts)
        or any(_counted(s) for s, f in zip(sentences, facts) if f.cues)
    )
    if best_index is not None and not specific:
        # Custody named only in general terms ("помогает задержанным", "под домашним арестом"):
        # commentary rather than a report of a specific detention.
        best_score -= 0.25
        best_reasons.append("weak:no specific custody")
    return max(0.0, min(1.0, best_score)), best_reasons, best_index


def _sentence_score(
    sentences: list[Sentence], facts: list[SentenceFacts], n: int, civic_all: set[str], crime_all: set[str]
) -> tuple[float, list[str]]:
    """The score of custody sentence ``n`` from the civic and crime words near it and in the
    whole report (``civic_all``, ``crime_all``), and the rules behind it."""
    fact = facts[n]
    near = range(max(0, n - 1), min(len(facts), n + 2))
    civic_near = {c for k in near for c in facts[k].civic} | {
        c for k, s in enumerate(sentences) if s.is_title for c in facts[k].civic
    }
    crime_near = {c for k in near for c in facts[k].crime}
    score = 0.3
    if any(c.kind in ("event", "term", "sentence") for c in fact.cues):
        score += 0.05
    if _strong(civic_near):
        score += 0.3
    elif _strong(civic_all):
        score += 0.2
    elif civic_near and not crime_all:
        score += 0.1  # only words crime news uses too ("соцсети", "акция", "пост")
    elif civic_all and not crime_all:
        score += 0.05
    if len(civic_all) >= 3:
        score += 0.05
    if fact.detainees or _counted(sentences[n]):
        score += 0.1
    if crime_near:
        # Activists are charged with "insulting" or "assault" too: with strong civic
        # words in the custody sentence itself, the crime is more likely the charge.
        score -= 0.2 if _strong(set(fact.civic)) and len(crime_near) == 1 else 0.35
    elif crime_all:
        score -= 0.15
    reasons = [c.reason for c in fact.cues] + sorted(civic_near or civic_all) + sorted(crime_near or crime_all)
    past = _PAST_OR_GENERAL_RE.search(sentences[n].text.lower())
    if past:
        # "в прошлом году были задержаны сотни…", "напомним, что…": background, not news.
        score -= 0.35
        reasons.append(f"negative:background ({past.group(0)})")
    return score, reasons


def _strong(civic: set[str]) -> bool:
    """Some civic word that is not one of the weak ones crime news also uses."""
    return any(c.removeprefix("civic:") not in vocab.WEAK_CIVIC_LEMMAS for c in civic)


def _title_release(sentences: list[Sentence], facts: list[SentenceFacts]) -> str | None:
    """The release word of a headline (or, without one, of the lead sentence) that reports a
    release and no custody of its own."""
    if not sentences or facts[0].cues:
        return None
    toks = sentences[0].tokens
    for i, tok in enumerate(toks):
        # "освобождён", "вышел на свободу", "оправдан"; not "отпустили" (after a short
        # detention, which is itself the news).
        # "Суд отпустил под пробацию активистку" is a release all the same.
        freed = freed_at(toks, i, headline=True) and (
            tok.lemma not in ("отпустить", "отпускать") or _to_probation(toks, i)
        )
        # "Активист умер в СИЗО", "смерти узников в тюрьмах": a death ends the custody too.
        freed = freed or (tok.lemma in _DEATH_LEMMAS and any(t.lemma in vocab.CUSTODY_PLACE_LEMMAS for t in toks))
        demanded = any(t.lemma in vocab.DEMAND_LEMMAS for t in toks[max(0, i - 6) : i])
        if freed and not demanded and not _refused(toks, i) and not _out_of_police_station(toks, i):
            return tok.text
    return None


def _to_probation(toks: list[Token], i: int) -> bool:
    """ "отпустил под пробацию", "отпустили под подписку о невыезде": let go under a
    non-custodial measure (not "под домашний арест")."""
    return any(t.lower == "под" for t in toks[i + 1 : i + 3]) and any(
        t.lemma in _NON_CUSTODIAL for t in toks[i + 1 : i + 5]
    )


_NON_CUSTODIAL = frozenset({"пробация", "надзор", "подписка", "залог", "поручительство"})


def _refused(toks: list[Token], i: int) -> bool:
    """ "Суд отказался освобождать X", "не освободил": a release refused keeps the custody."""
    return any(t.lower == "не" or t.lemma in _REFUSE_LEMMAS for t in toks[max(0, i - 2) : i])


def _out_of_police_station(toks: list[Token], i: int) -> bool:
    """ "Задержанных активисток выпустили из ОВД": the end of a short detention is itself the news."""
    after = toks[i + 1 : i + 5]
    return any(t.lower == "из" for t in after) and any(t.lemma in _POLICE_STATION_LEMMAS for t in after)


_DEATH_LEMMAS = frozenset({"смерть", "умереть", "скончаться", "гибель", "погибнуть"})
_REFUSE_LEMMAS = frozenset({"отказаться", "отказываться", "отказать", "отказывать"})
_POLICE_STATION_LEMMAS = frozenset(
    {"овд", "отдел", "отделение", "участок", "автозак", "ровд", "рувд", "увд", "полиция"}
)


_PAST_OR_GENERAL_RE = guarded(
    r"\bв прошлом году\b|\bв позапрошлом году\b|\bза последние (?:\w+ )?(?:годы|лет|года|месяц\w*)\b|\bежегодно\b"
    r"|\bнапомн(?:им|ил\w*|ю)\b|\bв (?:19|20)\d\d-(?:м|х) год\w*\b|\bв течение (?:всего )?(?:года|последних)\b"
    r"|\bс начала года\b|\bдоклад\w*|\bотч[её]т\w*|\bпо итогам\b"
    r"|\bза (?:прошедший |минувший |истекший |весь )?год\b|\bв минувшем году\b|\bгодовщин\w*"
    r"|\b(?:лет|года|год) назад\b"
    # A custody placed in a year ("в 2018 году", "в мае 2016 года": fresh news names the day),
    # a year's summary ("за 2023 год", "подвели итоги года") and an earlier custody told in the
    # imperfective ("ранее её задерживали", "неоднократно арестовывали"): background, not news.
    r"|\bв (?:(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)\w* )?(?:19|20)\d\d год[ау]\b"
    r"|\bза (?:19|20)\d\d(?:-\d+)? год\w*|\bподв\w+ итоги\b|\bитог\w* (?:(?:19|20)\d\d )?года\b"
    r"|\b(?:ранее|прежде|неоднократно|не раз|уже|и раньше) (?:\w+ ){0,2}(?:задерживал|арестовывал)\w*"
)
_COUNT_RE = re.compile(
    r"\b(\d+|один|одна|одного|одну|двух|трех|трёх|четырех|пяти|десят\w*|сот\w*|тысяч\w*|нескольк\w*"
    r"|двое|трое|четверо|пятеро|(?:дво|тро|(?:четв|пят|шест|сем|восьм|девят)ер)(?:им|ым)"
    r"|групп[аыу])\s+(\w+\s+)?(человек|лиц|активист|участни|журналист|протестующ|граждан|задержан|сторонни|пикетчи|митингующ)"
)


def _counted(sentence: Sentence) -> bool:
    return bool(_COUNT_RE.search(sentence.text.lower()))


def _evidence(facts: list[SentenceFacts], best: int | None) -> list[int]:
    if best is None:
        return []
    ids = [best]
    named = [n for n, f in enumerate(facts) if f.detainees and n != best]
    if named and not facts[best].detainees:
        ids.append(named[0])
    return sorted(ids)


def _detainees(sentences: list[Sentence], facts: list[SentenceFacts], full_text: str) -> tuple[Detainee, ...]:
    """Merge every accepted mention into people, each with a nominative name and a term."""
    all_mentions = [m for s in sentences for m in s.mentions]
    people: list[list[Mention]] = []
    for mention in sorted(all_mentions, key=lambda m: (-len(m.words), m.sent, m.start)):
        person = _person_of(mention, people)
        if person is None:
            people.append([mention])
        else:
            person.append(mention)
    # A lone capitalised word the tagger calls nominative ("Енсебека") is often an inflected
    # surname: it may only shorten a guessed form, never lengthen it.
    nominative_words = [(w, len(m.words) >= 2) for m in all_mentions if m.nominative for w in m.words]
    terms: dict[int, str | None] = {}
    order: dict[int, tuple[int, int]] = {}
    for fact in facts:
        for mention, term in fact.detainees:
            for k, person in enumerate(people):
                if any(m is mention for m in person):
                    order.setdefault(k, (mention.sent, mention.start))
                    if terms.get(k) is None:
                        terms[k] = term
    _fill_shared_terms(sentences, facts, terms, people)
    tied = {id(m) for s, f in zip(sentences, facts) for m, _ in f.detainees if term_of_its_own(s, m, f)}
    result: list[Detainee] = []
    for k in sorted(order, key=order.__getitem__):
        name = _display_name(people[k], nominative_words)
        if len(name.split()) == 1:
            completed = complete_name(name, full_text)
            if completed is None and not any(m.nominative or id(m) in tied for m in people[k]):
                continue  # a lone inflected word ("за вопросы Токаеву") is too weak to name a detainee
            name = completed or name
        if name and all(d.name != name for d in result):
            result.append(Detainee(name=name, term=terms.get(k)))
    return tuple(result)


def _fill_shared_terms(
    sentences: list[Sentence], facts: list[SentenceFacts], terms: dict[int, str | None], people: list[list[Mention]]
) -> None:
    """Give a term stated for a group ("троих активистов арестовали на 15 суток", "тот же срок")
    to named detainees near it who have none; a term beside someone named who is no detainee
    ("требовали освободить X, осуждённого на 11 лет") is that person's."""
    last_term = None
    for fact in facts:
        if fact.same_term_as_before and last_term:
            for mention, _ in fact.detainees:
                _set_term(mention, last_term, terms, people)
        for _, term in fact.detainees:
            last_term = term or last_term
        if fact.terms and not fact.detainees:
            last_term = fact.terms[-1].value
    orphan = {
        t.value
        for s, f in zip(sentences, facts)
        if f.terms and not f.detainees and not s.mentions and not _statute(s)
        for t in f.terms
        if t.start not in f.attributive
    }
    if len(orphan) != 1:
        return
    value = orphan.pop()
    sources = [n for n, f in enumerate(facts) if f.terms and not f.detainees]
    for n, fact in enumerate(facts):
        if any(abs(n - s) <= 2 for s in sources):
            for mention, term in fact.detainees:
                if term is None:
                    _set_term(mention, value, terms, people, only_if_empty=True)


def _statute(sentence: Sentence) -> bool:
    """ "Максимальное наказание по этой статье — десять суток ареста": what the law allows, not a term given."""
    return any(t.lemma in _STATUTE_LEMMAS for t in sentence.tokens)


_STATUTE_LEMMAS = frozenset({"максимальный", "максимум", "санкция", "предусматривать", "предусмотреть", "грозить"})


def _set_term(
    mention: Mention, value: str, terms: dict[int, str | None], people: list[list[Mention]], only_if_empty: bool = False
) -> None:
    for k, person in enumerate(people):
        if any(m is mention for m in person) and (not only_if_empty or terms.get(k) is None):
            terms[k] = value


def _person_of(mention: Mention, people: list[list[Mention]]) -> list[Mention] | None:
    """The person an earlier (longer) mention already stands for, if any."""
    candidates = []
    for person in people:
        head = person[0]
        matched = sum(any(same_word(w, h) for h in head.words + head.normal) for w in mention.words)
        if len(mention.words) >= 2 and matched >= 2:
            return person
        if len(mention.words) == 1 and matched == 1:
            candidates.append(person)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:  # a lone given name shared by two people: the nearest one before it
        before = [p for p in candidates if p[0].sent <= mention.sent]
        return max(before, key=lambda p: p[0].sent) if before else None
    return None


def _display_name(person: list[Mention], nominative_words: list[tuple[str, bool]]) -> str:
    """The person's name in the nominative, as the text spells it, word order kept."""
    full = [m for m in person if len(m.words) >= 2] or person
    written = [m for m in full if m.nominative]
    if written:
        words = Counter(" ".join(m.words) for m in written).most_common(1)[0][0].split()
        words = _seen_shorter(words, person, written)
    else:
        words = Counter(" ".join(m.normal) for m in full).most_common(1)[0][0].split()
        # A form the text writes in the nominative elsewhere wins over a guessed one.
        words = [
            next(
                (
                    n
                    for n, full_name in nominative_words
                    if same_word(n, w) and (len(n) <= len(w) + 1 if full_name else _drops_an_ending(w, n))
                ),
                w,
            )
            for w in words
        ]
    return " ".join(words)


def _seen_shorter(words: list[str], person: list[Mention], written: list[Mention]) -> list[str]:
    """The finder reads "Актилека Капарова" as a woman's nominative; the same person written
    "Актилек Капаров" elsewhere shows it was a man's genitive: the form less an ending wins.
    A lone surname ("Капаров") counts only when the given name then loses its ending too, so
    that the two agree as a man's name: a woman's given name ("Айгуль") keeps her surname."""
    full = [n for m in written for n in m.words]
    words = [next((n for n in full if _drops_an_ending(w, n)), w) for w in words]
    lone = [m.words[0] for m in person if m.nominative and len(m.words) == 1]
    if len(words) != 2 or not lone:
        return words
    fixed = [next((n for n in lone if _drops_an_ending(w, n)), w) for w in words]
    agreed = agree_mans_name(words, fixed)
    return agreed if all(_drops_an_ending(w, a) for w, a in zip(words, agreed)) else words


def _drops_an_ending(inflected: str, nominative: str) -> bool:
    """ "Мухаметкарима" → "Мухаметкарим": the nominative is the word less one vowel ending."""
    return inflected.lower()[:-1] == nominative.lower() and inflected.lower()[-1:] in "аяуюеи"


def _add_watched(detainees: tuple[Detainee, ...], watched: list[str]) -> tuple[Detainee, ...]:
    result = list(detainees)
    for name in watched:
        if not any(_same_name(name, d.name) for d in result):
            result.append(Detainee(name=name))
    return tuple(result)


def _same_name(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return all(any(same_word(x, y) for y in wb) for x in wa)
