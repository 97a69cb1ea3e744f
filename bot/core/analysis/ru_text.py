"""Plain-text helpers shared by the Russian and Kazakh rules: operator keywords, the
watchlist, place, date, charge and evidence."""

from __future__ import annotations

import re

from bot.core.analysis.literal_guard import guarded
from bot.core.dates import first_date
from bot.core.places import CYRILLIC_FORMS
from bot.core.watchlist import watchlist_hits as watchlist_hits  # one matcher for every language

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
PLACES = CYRILLIC_FORMS  # the gazetteer, bot/core/places.py
# One alternation of every stem, each in a group of its own (the stems have none): the
# leftmost stem found wins, and at one position the earlier entry, as the gazetteer asks;
# a single scan of the text instead of one a place.
_PLACE_RE = guarded(r"(?<![\w-])(?:" + "|".join(f"({stem})" for stem, _ in PLACES) + ")")
_PLACE_NAMES = tuple(name for _, name in PLACES)


def find_place(text: str) -> str | None:
    """The first known city or region named in ``text``."""
    match = _PLACE_RE.search(text)
    return _PLACE_NAMES[match.lastindex - 1] if match and match.lastindex else None


def find_date(text: str) -> str | None:
    """The first date stated with its year in ``text`` ("21 марта 2024 года", "12.01.2022",
    "2024 жылғы 27 қаңтарда") as ISO, or None: bot/core/dates.py, the one date parser, reads it
    with the Russian and Kazakh month words (a Kazakh report may quote a Russian date)."""
    found = first_date(text, ("ru", "kk"))
    return found.isoformat() if found else None


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
