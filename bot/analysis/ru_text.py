"""Plain-text helpers shared by the Russian and Kazakh rules: operator keywords, the
watchlist, place, date, charge and evidence."""

from __future__ import annotations

import re

from bot.places import CYRILLIC_FORMS
from bot.watchlist import watchlist_hits as watchlist_hits  # one matcher for every language

EVIDENCE_LIMIT = 400


def keywords_for(table: dict[str, tuple[str, ...]], lang: str) -> tuple[str, ...]:
    """Operator keywords for a language plus those for every language ("*")."""
    return tuple(k for k in (*table.get(lang, ()), *table.get("*", ())) if k.strip())


def matched_keyword(lower_text: str, keywords: tuple[str, ...]) -> str | None:
    """The first keyword found as a word prefix (case-insensitive), or None."""
    for keyword in keywords:
        if re.search(r"(?<!\w)" + re.escape(keyword.lower().strip()), lower_text):
            return keyword
    return None


def evidence_text(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= EVIDENCE_LIMIT else sentence[: EVIDENCE_LIMIT - 1].rstrip() + "…"


# City or region (stem of its inflected forms → name in the nominative).
PLACES = CYRILLIC_FORMS  # the gazetteer, bot/places.py
_PLACE_RE = [(re.compile(r"(?<![\w-])" + stem), name) for stem, name in PLACES]


def find_place(text: str) -> str | None:
    """The first known city or region named in ``text``."""
    best = None
    for pattern, name in _PLACE_RE:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), name)
    return best[1] if best else None


_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}
_DATE_WORDS = re.compile(
    r"\b(\d{1,2})\s+(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|"
    r"қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*)"
    r"(?:\s+(\d{4}))?",
    re.I,
)
_KK_YEAR_FIRST = re.compile(r"\b(\d{4})\s+жыл\w*\s+(\d{1,2})\s+(\w+)", re.I)
_DATE_DOTS = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def find_date(text: str) -> str | None:
    """An ISO date stated with its year in ``text`` ("21 марта 2024 года", "12.01.2022")."""
    match = _DATE_DOTS.search(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    for match in _DATE_WORDS.finditer(text):
        if match.group(3):
            named = _month(match.group(2))
            if named:
                return f"{int(match.group(3)):04d}-{named:02d}-{int(match.group(1)):02d}"
    match = _KK_YEAR_FIRST.search(text)
    if match and _month(match.group(3)):
        return f"{int(match.group(1)):04d}-{_month(match.group(3)):02d}-{int(match.group(2)):02d}"
    return None


def _month(word: str) -> int | None:
    low = word.lower()
    for stem, number in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(stem):
            return number
    return None


_ARTICLE = re.compile(r"(?:стать[яиеюй]\w*|ст\.)\s*(\d{2,3}(?:[.-]\d+)*)", re.I)
_CODE_CRIMINAL = re.compile(r"^[^.]{0,80}?\b(УК|Уголовн)", re.I)
_CODE_ADMIN = re.compile(r"^[^.]{0,80}?\b(КоАП|административн)", re.I)
_KK_ARTICLE = re.compile(r"(ӘҚБтК|ҚК)[\w-]*\s+(\d{2,3}(?:-\d+)?)-бап", re.I)
_ACCUSED_OF = re.compile(r"по (?:обвинению|подозрению) в ([^.;:()«»]{5,90}?)(?=[,.;(]|$| и оскорблен)", re.I)
_QUOTED_ARTICLE = re.compile(r"по стать[ея]\s+«([^»]{5,100})»", re.I)


def find_charge(text: str) -> str | None:
    """The article ("статья 488 КоАП", "статья 174 УК") or offence the text names."""
    article = _ARTICLE.search(text)
    if article:
        rest = text[article.end() :]
        code = "УК" if _CODE_CRIMINAL.match(rest) else "КоАП" if _CODE_ADMIN.match(rest) else None
        if code is None and article.group(1) in ("20.2", "488"):
            code = "КоАП"
        return f"статья {article.group(1)} {code}" if code else f"статья {article.group(1)}"
    kk_article = _KK_ARTICLE.search(text)
    if kk_article:
        code = "КоАП" if kk_article.group(1).upper().startswith("ӘҚБ") else "УК"
        return f"статья {kk_article.group(2)} {code}"
    offence = _QUOTED_ARTICLE.search(text) or _ACCUSED_OF.search(text)
    if offence:
        return offence.group(1).strip()
    return None
