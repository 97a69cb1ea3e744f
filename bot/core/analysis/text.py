"""The first stage of the pipeline: text as the sentence splitters need it.

Feeds and scraped pages lose paragraph structure in two ways the splitters cannot see:
paragraphs glued together without a space ("…задержали Ивана СимаковаНа следующий день…",
which makes one name of two words), and paragraphs without final punctuation (razdel,
which splits the Russian text, does not break sentences at a line break). Both are
repaired here, for every language, before any rule looks at the text.
"""

from __future__ import annotations

import re

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# A capital right after a run of lower-case letters and before another one: a paragraph
# boundary lost in extraction. Four letters before it in Cyrillic, five in Latin, so that
# words like "МакДональд", "YouTube" or "WhatsApp" stay whole. (One class of capitals first,
# which the regex engine skips ahead to; a branch of two classes is tried at every character.)
_GLUED = re.compile(
    r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z](?:(?<=[а-яёәғқңөұүһі]{4}[А-ЯЁӘҒҚҢӨҰҮҺІ])(?=[а-яёәғқңөұүһі])"
    r"|(?<=[a-z]{5}[A-Z])(?=[a-z]))"
)
# A line ending without punctuation, then a line starting a new sentence: the spaces or tabs
# after a word (or a closing bracket or quote) up to a line break. Each alternative opens with
# its own character (a space, a tab, the break), which the regex engine skips ahead to, where a
# look-behind first would be tried at every character of the text; the same matches as
# (?<=[\w)»”"])[ \t]*\n followed by the new line's start.
_BEFORE_LINE_END = r"[\w)»”\"]"
_NEW_LINE_START = rf"(?=\s*[{_UPPER}«\"“(0-9—–-])"
_OPEN_LINE_END = re.compile(
    rf" (?<={_BEFORE_LINE_END} )[ \t]*\n{_NEW_LINE_START}"
    rf"|\t(?<={_BEFORE_LINE_END}\t)[ \t]*\n{_NEW_LINE_START}"
    rf"|\n(?<={_BEFORE_LINE_END}\n){_NEW_LINE_START}"
)


def normalise(text: str) -> str:
    """``text`` with glued paragraphs separated and unpunctuated paragraph ends closed."""
    if not text:
        return text
    if _GLUED.search(text):
        text = _GLUED.sub(lambda m: "\n" + m.group(0), text)
    if "\n" in text:
        text = _OPEN_LINE_END.sub(".\n", text)
    return text
