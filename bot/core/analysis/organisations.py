"""Domain lists kept as data: movements and parties whose members' custody is political and
the watchdogs whose word makes a charge persecution (both overridable by operators), and the
heads of state who are never the detainees.

The default list lives in ``data/organisations.toml``; ``[rules] organisations = [...]`` in
sources.toml replaces it (:attr:`RuleConfig.organisations`). Every language's rules ask
:func:`find` whether a text names one of them.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from bot.core.analysis.literal_guard import Regex, guard
from bot.core.analysis.result import RuleConfig


@functools.lru_cache(maxsize=4)
def _shipped(file: str) -> tuple[str, ...]:
    text = resources.files("bot.core.analysis").joinpath(f"data/{file}").read_text(encoding="utf-8")
    return tuple(n for n in tomllib.loads(text)["names"] if n.strip())


def default_names() -> tuple[str, ...]:
    """The shipped list (data/organisations.toml)."""
    return _shipped("organisations.toml")


def watchdogs_for(rules: RuleConfig | None) -> tuple[str, ...]:
    """Press-freedom and rights watchdogs (data/watchdogs.toml, or the operators' list):
    one that speaks of a criminal case presents the charge as persecution."""
    if rules is not None and rules.watchdogs is not None:
        return rules.watchdogs
    return _shipped("watchdogs.toml")


@functools.lru_cache(maxsize=1)
def officials() -> frozenset[tuple[str, ...]]:
    """Heads of state and government (data/officials.toml), each as its lower-cased words."""
    text = resources.files("bot.core.analysis").joinpath("data/officials.toml").read_text(encoding="utf-8")
    return frozenset(tuple(re.findall(r"[\w-]+", n.lower().replace("ё", "е"))) for n in tomllib.loads(text)["names"])


_NAME_WORD = re.compile(r"[\w-]+")


def is_official(name: str) -> bool:
    """Whether ``name`` (nominative, any script) is a head of state or government of the list."""
    words = sorted(_NAME_WORD.findall(name.lower().replace("ё", "е")))
    return any(
        all(a.startswith(b) for a, b in zip(words, prefixes)) for prefixes in _official_prefixes().get(len(words), ())
    )


@functools.lru_cache(maxsize=1)
def _official_prefixes() -> dict[int, tuple[tuple[str, ...], ...]]:
    """Each official's sorted words cut to the prefix a written form must start with (all
    but the last two letters, four at least), by number of words: one pass per detainee
    over the officials of its length, with nothing left to sort or cut."""
    by_length: dict[int, list[tuple[str, ...]]] = {}
    for words in officials():
        by_length.setdefault(len(words), []).append(tuple(b[: max(4, len(b) - 2)] for b in sorted(words)))
    return {length: tuple(prefixes) for length, prefixes in by_length.items()}


def names_for(rules: RuleConfig | None) -> tuple[str, ...]:
    """The operators' list when they gave one, else the shipped one."""
    if rules is not None and rules.organisations is not None:
        return rules.organisations
    return default_names()


@functools.lru_cache(maxsize=32)
def pattern(names: tuple[str, ...]) -> Regex:
    """One regex over lower-cased text for all ``names``, each word matched by its beginning
    (searched where a name's first word can start: :mod:`~bot.core.analysis.literal_guard`)."""
    alternatives = []
    for name in names:
        words = re.findall(r"[\w'’-]+", name.lower())
        if not words:
            continue
        parts = []
        for word in words:
            if len(word) <= 4:  # short words and abbreviations ("ДВК", "of") stay whole
                parts.append(re.escape(word) + r"(?![\w])" if word.isupper() or len(word) <= 3 else re.escape(word))
            else:
                parts.append(re.escape(word[: max(4, len(word) - 3)]) + r"[\w'’-]*")
        alternatives.append(r"[\s,.«»\"“”-]+".join(parts))
    if not alternatives:
        return re.compile(r"(?!x)x")
    return guard(re.compile(r"(?<![\w])(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"))


def find(lower_text: str, rules: RuleConfig | None = None) -> list[str]:
    """The organisations named in ``lower_text`` (as written there)."""
    return [m.group(0) for m in pattern(names_for(rules)).finditer(lower_text)]
