"""The charge line of a post, in the channel's language. Pure.

The analysis gives the charge as the report words it, in the report's language
(``Analysis.charge``, ``Analysis.lang``): either an article of a code ("Article 488 of
the Administrative Code", "статья 488 КоАП") or the offence in the report's words
("participating in an unsanctioned rally", "участие в несанкционированном митинге").
An article is a fact and is written in the channel's language; an offence is quoted as
the report wrote it, in quotation marks, with its language named when it differs from
the channel's, never translated by guesswork nor put under a label that means a legal
article.
"""

from __future__ import annotations

import re

#: The label of the charge line ("Статья" would mean a legal article only).
LABEL = {"en": "Charge", "ru": "Обвинение", "kk": "Айып"}
QUOTES = {"en": ("“", "”"), "ru": ("«", "»"), "kk": ("«", "»")}
#: "(in Russian)": the language of a quoted charge, named in the channel's language.
IN_LANGUAGE = {
    "en": {"en": "in English", "ru": "in Russian", "kk": "in Kazakh"},
    "ru": {"en": "по-английски", "ru": "по-русски", "kk": "по-казахски"},
    "kk": {"en": "ағылшынша", "ru": "орысша", "kk": "қазақша"},
}
#: Codes by their kind: administrative offences and the criminal code of Kazakhstan.
CODES = {
    "en": {"admin": "the Administrative Code", "criminal": "the Criminal Code"},
    "ru": {"admin": "КоАП РК", "criminal": "УК РК"},
    "kk": {"admin": "ӘҚБтК", "criminal": "ҚК"},
}

_ARTICLE_EN = re.compile(r"^Article (?P<num>[\d.-]+)(?: of the (?P<code>Administrative|Criminal) Code)?$")
_ARTICLE_RU = re.compile(r"^статья (?P<num>[\d.-]+)(?: (?P<code>КоАП|УК))?$", re.IGNORECASE)


def article_of(charge: str) -> tuple[str, str | None] | None:
    """(number, "admin" | "criminal" | None) when the charge is an article of a code."""
    text = " ".join(charge.split())
    match = _ARTICLE_EN.match(text)
    if match:
        code = match["code"]
        return match["num"], None if code is None else ("criminal" if code == "Criminal" else "admin")
    match = _ARTICLE_RU.match(text)
    if match:
        code = match["code"]
        return match["num"], None if code is None else ("criminal" if code.upper() == "УК" else "admin")
    return None


def format_article(number: str, code: str | None, language: str) -> str:
    """ "Article 488 of the Administrative Code", "статья 488 КоАП РК", "ӘҚБтК 488-бабы"."""
    codes = CODES.get(language, CODES["en"])
    if language == "ru":
        return f"статья {number}" + (f" {codes[code]}" if code else "")
    if language == "kk":
        return (f"{codes[code]} " if code else "") + f"{number}-бап"
    return f"Article {number}" + (f" of {codes[code]}" if code else "")


def format_charge(charge: str | None, report_language: str, language: str) -> str | None:
    """The text after the label: an article in the channel's language, or the offence
    quoted as the report wrote it (its language named when it is not the channel's)."""
    if not charge or not charge.strip():
        return None
    article = article_of(charge)
    if article is not None:
        return format_article(article[0], article[1], language)
    opening, closing = QUOTES.get(language, QUOTES["en"])
    quoted = f"{opening}{' '.join(charge.split()).strip(chr(34) + '«»“”')}{closing}"
    names = IN_LANGUAGE.get(language, IN_LANGUAGE["en"])
    if report_language != language and report_language in names:
        quoted += f" ({names[report_language]})"
    return quoted


def charge_label(language: str) -> str:
    return LABEL.get(language, LABEL["en"])


__all__ = ["article_of", "charge_label", "format_article", "format_charge"]
