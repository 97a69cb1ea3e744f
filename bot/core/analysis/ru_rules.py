"""Sentence-level Russian rules: what one sentence says (custody cues, terms, context words).

Everything here works on :class:`~bot.core.analysis.ru_names.Sentence` objects (razdel tokens with
pymorphy3 lemmas), so the rules read as "this lemma, near that one" rather than as regexes
over inflected text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.analysis.literal_guard import Regex, guarded
from bot.core.analysis.packs import ru as vocab
from bot.core.analysis.ru_context import civic_word
from bot.core.analysis.ru_cues import Cue, attributive, custody_cues, extension_cues, kept_cues
from bot.core.analysis.ru_names import Mention, Sentence, Token
from bot.core.analysis.ru_terms import Term, find_terms

# "тот же срок", "такое же наказание": the sentence repeats the term stated before it.
_SAME_TERM = guarded(r"\b(тот|такой) же (\w+ )?(срок|наказание)|такое же (\w+ )?наказание")


@dataclass
class SentenceFacts:
    """What the rules found in one sentence."""

    cues: list[Cue] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    civic: list[str] = field(default_factory=list)
    crime: list[str] = field(default_factory=list)
    fine: list[int] = field(default_factory=list)
    summons: list[int] = field(default_factory=list)
    detainees: list[tuple[Mention, str | None]] = field(default_factory=list)
    pronoun_custody: bool = False
    same_term_as_before: bool = False
    in_absentia: bool = False  # "заочно осуждены": a sentence passed on someone out of reach
    attributive: set[int] = field(default_factory=set)  # cue indices of a participle's phrase


def words_of(sentence: Sentence) -> list[str]:
    return [t.text for t in sentence.tokens]


def analyse_sentence(
    sentence: Sentence,
    extra_civic: tuple[str, ...] = (),
    extra_custody: tuple[str, ...] = (),
    organisations: Regex | None = None,
) -> SentenceFacts:
    """Find custody cues, terms and context words in one sentence."""
    toks = sentence.tokens
    facts = SentenceFacts()
    facts.terms = find_terms(words_of(sentence), "ru")
    lower_text = sentence.text.lower()
    facts.cues = kept_cues(toks, custody_cues(toks, facts.terms) + extension_cues(toks))
    facts.attributive = attributive(toks, facts.cues)
    facts.civic, facts.crime = _context_words(toks, lower_text, extra_civic, organisations)
    for keyword in extra_custody:  # the operators' own custody words (rules.keywords)
        match = re.search(r"(?<![\w])" + re.escape(keyword.lower()), lower_text)
        if match:
            first = keyword.lower().split()[0]
            index = next((i for i, t in enumerate(toks) if t.lower.startswith(first)), max(0, len(toks) - 1))
            facts.cues.append(Cue(index, "extra:" + keyword, "event", True))
    facts.fine = [i for i, t in enumerate(toks) if t.lemma in vocab.FINE_LEMMAS]
    facts.summons = [i for i, t in enumerate(toks) if t.lemma in vocab.SUMMONS_LEMMAS]
    facts.same_term_as_before = bool(_SAME_TERM.search(lower_text))
    facts.in_absentia = any(t.lemma in ("заочно", "заочный") for t in toks)
    return facts


def _context_words(
    toks: list[Token],
    lower_text: str,
    extra_civic: tuple[str, ...],
    organisations: Regex | None,
) -> tuple[list[str], list[str]]:
    """The civic and the ordinary-crime reasons of a sentence: what the custody is about."""
    civic: list[str] = []
    crime: list[str] = []
    for i, tok in enumerate(toks):
        # (civic_word's own first test, here: most words are neither civic nor hyphenated)
        word = civic_word(toks, i) if tok.lemma in vocab.CIVIC_LEMMAS or "-" in tok.lower else None
        if word is not None:
            civic.append("civic:" + word)
    slogan = _slogan_words(toks) if "«" in lower_text else ()
    kept = {t.lemma for i, t in enumerate(toks) if i not in slogan} if slogan else {t.lemma for t in toks}
    if not kept.isdisjoint(_TERROR_LEMMAS) or not kept.isdisjoint(vocab.VICTIM_CRIME_LEMMAS):
        # _said_of or _against_civic can matter
        kept = {
            t.lemma
            for i, t in enumerate(toks)
            if i not in slogan and not _said_of(toks, i) and not _against_civic(toks, i)
        }
    for lem in kept:
        if lem in vocab.CRIME_LEMMAS:
            crime.append("negative:" + vocab.CRIME_LEMMAS[lem])
    if "вор" in lower_text or "преступн" in lower_text or "криминальн" in lower_text or "ауе" in lower_text:
        # a word every CRIME_PHRASE_RE match holds, tested first: most sentences have none
        crime.extend("negative:" + m.group(0) for m in vocab.CRIME_PHRASE_RE.finditer(lower_text))
    for match in vocab.CIVIC_PHRASE_RE.finditer(lower_text):
        civic.append("civic:" + match.group(0))
    if organisations is not None:
        civic.extend("civic:" + m.group(0) for m in organisations.finditer(lower_text))
    for keyword in extra_civic:
        if re.search(r"(?<![\w])" + re.escape(keyword.lower()), lower_text):
            civic.append("civic:" + keyword)
    return civic, crime


def _slogan_words(toks: list[Token]) -> set[int]:
    """Indexes of the words of a quotation that is no article's name: a banner's or a poster's
    words («Верните украденное…») are what protesters said, not what anyone is charged with
    (a quoted article, "по статье «Мошенничество»", is a charge)."""
    inside: set[int] = set()
    opened: int | None = None
    for i, tok in enumerate(toks):
        if tok.text == "«" and opened is None:
            opened = i
        elif tok.text == "»" and opened is not None:
            before = {t.lemma for t in toks[max(0, opened - 3) : opened]}
            # "по части 3 статьи 165 Уголовного кодекса («Вымогательство»)": the article's name
            # in brackets after the code's.
            bracketed = (
                opened > 0
                and toks[opened - 1].text == "("
                and not _ARTICLE_LEMMAS.isdisjoint(t.lemma for t in toks[max(0, opened - 10) : opened])
            )
            if not before & _ARTICLE_LEMMAS and not bracketed:
                inside.update(range(opened + 1, i))
            opened = None
    return inside


def _said_of(toks: list[Token], i: int) -> bool:
    """ "призывал к ... террористической организации", "оправдание теракта": a terror word that
    is what someone called for, justified or propagated is a charge for words, not a deed."""
    return vocab.CRIME_LEMMAS.get(toks[i].lemma) == "терроризм" and any(
        t.lemma in _SPEECH_LEMMAS for t in toks[max(0, i - 6) : i]
    )


def _against_civic(toks: list[Token], i: int) -> bool:
    """ "избили протестующих", "нападение на журналиста": a crime whose victims are the civic side
    is no ordinary crime of the people held (the victim's civic word is :func:`victim`'s)."""
    if toks[i].lemma not in vocab.VICTIM_CRIME_LEMMAS:
        return False
    for tok in toks[i + 1 : i + 5]:
        if tok.lemma in vocab.CIVIC_LEMMAS and tok.lemma not in vocab.WEAK_CIVIC_LEMMAS:
            return True
        if tok.pos not in ("ADJF", "PRTF") and tok.lower not in ("на", "двух", "трёх", "нескольких"):
            return False
    return False


_TERROR_LEMMAS = frozenset(lemma for lemma, kind in vocab.CRIME_LEMMAS.items() if kind == "терроризм")
_SPEECH_LEMMAS = frozenset(
    {"призывать", "призвать", "призыв", "оправдание", "оправдывать", "пропаганда", "пропагандировать"}
)
_ARTICLE_LEMMAS = frozenset({"статья", "ст", "часть", "ч", "пункт", "п", "обвинение", "подозрение", "дело"})
