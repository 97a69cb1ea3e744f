"""Load and validate sources.toml.

Operators edit this file by hand, so every problem is reported with the file, the line
and what to do, all problems at once (not just the first), and nothing silently falls
back to a default when a value is present but not understood.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.analysis.result import RuleConfig
from bot.core.errors import ConfigError  # the sources file cannot be used; ``problems`` lists every reason
from bot.core.models import LANGUAGES, SOURCE_TYPES, Config, HtmlSelectors, Settings, SourceConfig

DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$")
CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
TABLE_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
KEY_RE = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
TELEGRAM_CHANNEL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")

MIN_INTERVAL = timedelta(seconds=30)
SETTINGS_KEYS = {
    "timezone",
    "digest_time",
    "language",
    "interval",
    "max_age",
    "quiet_digest",
    "alert_after",
    "review_score",
    "post_score",
    "edit_interval",
} | {"custody_board", "due_out_time", "chart_day"}  # custody (issue 17)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SOURCE_KEYS = {"name", "url", "type", "interval", "lang", "select", "channel", "timezone"}
SELECT_KEYS = {"item", "title", "link", "date", "teaser"}
RULES_KEYS = {"keywords", "civic", "exclude", "watchlist", "organisations", "watchdogs"}
TOP_LEVEL_KEYS = {"settings", "source", "rules"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the sources file, located for the operator."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def parse_duration(value: str) -> timedelta:
    """Parse "10m", "1h30m", "2d", "45s" (and bare seconds) into a timedelta.

    Raises ValueError with a message that shows the accepted forms.
    """
    text = str(value).strip()
    if text.isdigit():
        return timedelta(seconds=int(text))
    match = DURATION_RE.match(text)
    if not text or not match or not any(match.groups()):
        raise ValueError(f'{value!r} is not a duration; write it like "30s", "10m", "1h30m" or "2d"')
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


class _LineIndex:
    """Where tables and keys stand in the raw text, since tomllib gives no positions.

    Tables are numbered in order of appearance, so the n-th ``[[source]]`` header maps
    to the n-th element of the parsed ``source`` array.
    """

    def __init__(self, text: str) -> None:
        self.tables: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        current = ("", 0)
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = TABLE_HEADER_RE.match(line)
            if header and line.startswith("["):
                name = header.group(2).replace('"', "").strip()
                if header.group(1) == "[[":
                    index = counts.get(name, -1) + 1
                    counts[name] = index
                else:
                    # A sub-table such as [source.select] belongs to the latest [[source]].
                    parent = name.split(".")[0]
                    index = counts.get(parent, 0) if "." in name else 0
                current = (name, index)
                self.tables.setdefault(current, number)
                continue
            key = KEY_RE.match(line)
            if key:
                self.keys.setdefault((current[0], current[1], key.group(1)), number)

    def table(self, name: str, index: int = 0) -> int:
        return self.tables.get((name, index), 1)

    def key(self, table: str, index: int, key: str) -> int:
        return self.keys.get((table, index, key), self.table(table, index))


class _Validator:
    """Collects problems while turning parsed TOML into typed configuration."""

    def __init__(self, path: Path, lines: _LineIndex) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def duration(self, value: Any, line: int, key: str) -> timedelta | None:
        try:
            result = parse_duration(value)
        except ValueError as exc:
            self.problem(line, f"{key}: {exc}")
            return None
        if key == "interval" and result < MIN_INTERVAL:
            self.problem(line, f"{key}: {value!r} is too short; poll no more often than every 30s")
            return None
        return result

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], where: str, name: str, index: int) -> None:
        for key in table:
            if key not in allowed:
                self.problem(
                    self.lines.key(name, index, key),
                    f"unknown key {key!r} in {where}; allowed: {', '.join(sorted(allowed))}",
                )

    def settings(self, data: Any) -> Settings:
        if data is None:
            return Settings()
        line = self.lines.table("settings")
        if not isinstance(data, dict):
            self.problem(line, "[settings] must be a table")
            return Settings()
        self.unknown_keys(data, SETTINGS_KEYS, "[settings]", "settings", 0)
        defaults = Settings()
        values: dict[str, Any] = {}
        at = lambda key: self.lines.key("settings", 0, key)  # noqa: E731 - local shorthand
        if "timezone" in data and (zone := self.zone(data["timezone"], at("timezone"))):
            values["timezone"] = zone
        if "digest_time" in data:
            match = CLOCK_RE.match(str(data["digest_time"]))
            if match:
                values["digest_time"] = time(int(match.group(1)), int(match.group(2)))
            else:
                self.problem(
                    at("digest_time"),
                    f'digest_time {data["digest_time"]!r} must be HH:MM in 24-hour time, e.g. "21:00"',
                )
        if "language" in data:
            if data["language"] in LANGUAGES:
                values["language"] = data["language"]
            else:
                self.problem(at("language"), f"language {data['language']!r} must be one of {', '.join(LANGUAGES)}")
        for key in ("interval", "max_age", "alert_after", "edit_interval"):
            if key in data:
                parsed = self.duration(data[key], at(key), key)
                if parsed is not None:
                    values[key] = parsed
        if "quiet_digest" in data:
            if isinstance(data["quiet_digest"], bool):
                values["quiet_digest"] = data["quiet_digest"]
            else:
                self.problem(at("quiet_digest"), "quiet_digest must be true or false")
        for key in ("review_score", "post_score"):
            if key in data:
                value = data[key]
                if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
                    values[key] = float(value)
                else:
                    self.problem(at(key), f"{key} must be a number from 0 to 1, e.g. 0.5")
        values.update(self.custody_settings(data, at))
        merged = Settings(**{**defaults.__dict__, **values})
        if merged.review_score > merged.post_score:
            self.problem(
                at("review_score"),
                f"review_score ({merged.review_score}) must not exceed post_score ({merged.post_score})",
            )
        return merged

    def custody_settings(self, data: dict[str, Any], at: Any) -> dict[str, Any]:
        """custody_board (bool), due_out_time (HH:MM), chart_day (a weekday or "off")."""
        values: dict[str, Any] = {}
        if "custody_board" in data:
            if isinstance(data["custody_board"], bool):
                values["custody_board"] = data["custody_board"]
            else:
                self.problem(at("custody_board"), "custody_board must be true or false")
        if "due_out_time" in data:
            match = CLOCK_RE.match(str(data["due_out_time"]))
            if match:
                values["due_out_time"] = time(int(match.group(1)), int(match.group(2)))
            else:
                self.problem(
                    at("due_out_time"),
                    f'due_out_time {data["due_out_time"]!r} must be HH:MM in 24-hour time, e.g. "09:00"',
                )
        if "chart_day" in data:
            day = str(data["chart_day"]).strip().lower()
            if day in WEEKDAYS or day == "off":
                values["chart_day"] = day
            else:
                self.problem(
                    at("chart_day"), f'chart_day {data["chart_day"]!r} must be a weekday ("monday" … "sunday") or "off"'
                )
        return values

    def sources(self, data: Any, settings: Settings) -> tuple[SourceConfig, ...]:
        if data is None:
            return ()
        if not isinstance(data, list):
            self.problem(self.lines.table("source"), "sources must be written as [[source]] tables")
            return ()
        result: list[SourceConfig] = []
        names: dict[str, int] = {}
        urls: dict[str, int] = {}
        for index, entry in enumerate(data):
            line = self.lines.table("source", index)
            if not isinstance(entry, dict):
                self.problem(line, "each [[source]] must be a table")
                continue
            source = self.source(entry, index, line, settings)
            if source is None:
                continue
            if source.name in names:
                self.problem(
                    line,
                    f"duplicate source name {source.name!r} (first at line {names[source.name]}); names must be unique",
                )
                continue
            key = source.url.rstrip("/").lower()
            if key in urls:
                self.problem(
                    line, f"duplicate source url {source.url!r} (first at line {urls[key]}); remove one of them"
                )
                continue
            names[source.name] = line
            urls[key] = line
            result.append(source)
        return tuple(result)

    def source(self, entry: dict[str, Any], index: int, line: int, settings: Settings) -> SourceConfig | None:
        before = len(self.problems)
        at = lambda key: self.lines.key("source", index, key)  # noqa: E731 - local shorthand
        self.unknown_keys(entry, SOURCE_KEYS, "[[source]]", "source", index)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            self.problem(line, 'source without a name: add name = "..." (unique, used in logs and posts)')
            name = ""
        kind = entry.get("type", "rss")
        if kind not in SOURCE_TYPES:
            self.problem(at("type"), f"unknown source type {kind!r}; use one of {', '.join(SOURCE_TYPES)}")
        url = entry.get("url")
        channel = entry.get("channel")
        if kind == "telegram" and not url and isinstance(channel, str):
            url = f"https://t.me/s/{channel}"
        if channel is not None:
            if kind != "telegram":
                self.problem(at("channel"), 'channel is only for type = "telegram"')
            elif not isinstance(channel, str) or not TELEGRAM_CHANNEL_RE.match(channel):
                self.problem(
                    at("channel"), f"channel {channel!r} is not a public channel name (5-32 letters, digits or _)"
                )
        if not isinstance(url, str) or not url:
            self.problem(line, f'source {name!r} has no url: add url = "https://..."')
            url = ""
        else:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                self.problem(at("url"), f"url {url!r} must be an absolute http(s) URL")
            elif kind == "telegram" and parts.netloc not in ("t.me", "telegram.me"):
                # Allowed for tests and mirrors, but a plain t.me link is the norm.
                pass
        interval = settings.interval
        if "interval" in entry:
            parsed = self.duration(entry["interval"], at("interval"), "interval")
            interval = parsed or interval
        lang = entry.get("lang")
        if lang is not None and lang not in LANGUAGES:
            self.problem(at("lang"), f"lang {lang!r} must be one of {', '.join(LANGUAGES)}")
        select = None
        if "select" in entry:
            select = self.selectors(entry["select"], index, kind)
        # Times the source prints without a zone: in its own zone, else the settings'.
        zone = self.zone(entry["timezone"], at("timezone")) if "timezone" in entry else settings.timezone
        if len(self.problems) > before:
            return None
        return SourceConfig(
            name=name.strip(),
            url=url,
            type=kind,
            interval=interval,
            lang=lang,
            select=select,
            line=line,
            timezone=zone,
        )

    def zone(self, value: Any, line: int) -> str | None:
        """An IANA time zone name, or None after reporting the problem."""
        try:
            ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError):
            self.problem(line, f'timezone {value!r} is not an IANA time zone such as "Asia/Almaty"')
            return None
        return str(value)

    def selectors(self, data: Any, index: int, kind: str) -> HtmlSelectors | None:
        line = self.lines.table("source.select", index)
        if kind != "html":
            self.problem(line, '[source.select] is only for type = "html"')
            return None
        if not isinstance(data, dict):
            self.problem(line, "select must be a table of CSS selectors")
            return None
        self.unknown_keys(data, SELECT_KEYS, "[source.select]", "source.select", index)
        import soupsieve  # imported here: only html sources need it

        values: dict[str, str] = {}
        for key in SELECT_KEYS & data.keys():
            selector = data[key]
            key_line = self.lines.key("source.select", index, key)
            if not isinstance(selector, str) or not selector.strip():
                self.problem(key_line, f"select.{key} must be a CSS selector string")
                continue
            try:
                soupsieve.compile(selector)
            except (soupsieve.SelectorSyntaxError, ValueError, NotImplementedError) as exc:  # what soupsieve raises
                self.problem(key_line, f"select.{key} {selector!r} is not a valid CSS selector: {exc}")
                continue
            values[key] = selector
        return HtmlSelectors(**values)

    def name_list(self, data: dict[str, Any], key: str, example: str) -> tuple[str, ...] | None:
        """A list of names under [rules] that replaces a shipped data list (None: not given)."""
        names = data.get(key)
        if names is None:
            return None
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            self.problem(
                self.lines.key("rules", 0, key), f"rules.{key} must be a list of names, e.g. {key} = {example}"
            )
            return None
        return tuple(n.strip() for n in names)

    def rules(self, data: Any) -> RuleConfig:
        if data is None:
            return RuleConfig()
        line = self.lines.table("rules")
        if not isinstance(data, dict):
            self.problem(line, "[rules] must be a table")
            return RuleConfig()
        self.unknown_keys(data, RULES_KEYS, "[rules]", "rules", 0)
        per_language: dict[str, dict[str, tuple[str, ...]]] = {}
        for key in ("keywords", "civic", "exclude"):
            value = data.get(key, {})
            key_line = self.lines.key("rules", 0, key)
            if not isinstance(value, dict):
                self.problem(
                    key_line,
                    f'rules.{key} must be a table of language = ["word", ...], e.g. {key} = {{ ru = ["голодовк"] }}',
                )
                continue
            parsed: dict[str, tuple[str, ...]] = {}
            for lang, words in value.items():
                if lang not in (*LANGUAGES, "*"):
                    self.problem(
                        key_line, f'rules.{key}: language {lang!r} must be one of {", ".join(LANGUAGES)} or "*"'
                    )
                elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                    self.problem(key_line, f"rules.{key}.{lang} must be a list of non-empty strings")
                else:
                    parsed[lang] = tuple(w.strip() for w in words)
            per_language[key] = parsed
        watchlist = data.get("watchlist", [])
        if not isinstance(watchlist, list) or not all(isinstance(n, str) and n.strip() for n in watchlist):
            self.problem(self.lines.key("rules", 0, "watchlist"), "rules.watchlist must be a list of names")
            watchlist = []
        return RuleConfig(
            organisations=self.name_list(data, "organisations", '["Көше партиясы"]'),
            watchdogs=self.name_list(data, "watchdogs", '["Human Rights Watch"]'),
            extra_keywords=per_language.get("keywords", {}),
            civic_keywords=per_language.get("civic", {}),
            exclude_keywords=per_language.get("exclude", {}),
            watchlist=tuple(n.strip() for n in watchlist),
        )


def parse_config(text: str, path: Path) -> Config:
    """Validate the text of a sources file; raise ConfigError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else 1
        raise ConfigError([Problem(path, line, f"not valid TOML: {exc}; fix the syntax")]) from exc
    lines = _LineIndex(text)
    validator = _Validator(path, lines)
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            validator.problem(
                lines.tables.get((key, 0)) or 1,
                f"unknown section {key!r}; allowed: [settings], [[source]], [rules]",
            )
    settings = validator.settings(data.get("settings"))
    sources = validator.sources(data.get("source"), settings)
    rules = validator.rules(data.get("rules"))
    if validator.problems:
        problems: list[Problem] = sorted(validator.problems, key=lambda p: p.line)
        raise ConfigError(problems)
    return Config(path=path, settings=settings, sources=sources, rules=rules)


def load_config(path: Path) -> Config:
    """Read and validate a sources file from disk."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            [Problem(path, 0, "file not found; pass --sources PATH or create sources.toml (see README)")]
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(path, 0, f"cannot read the file: {exc}")]) from exc
    return parse_config(text, path)


def changed_sources(old: Config, new: Config) -> tuple[tuple[SourceConfig, ...], int]:
    """The sources of ``new`` that are new or changed since ``old``, and how many of
    ``old``'s are gone. A source whose entry only moved in the file (its line changed)
    is unchanged: it keeps its schedule."""
    before = {s.name: s for s in old.sources}
    after = {s.name: s for s in new.sources}
    changed = tuple(
        s for name, s in after.items() if name not in before or replace(before[name], line=0) != replace(s, line=0)
    )
    return changed, len(before.keys() - after.keys())


def modified_at(path: Path) -> float | None:
    """The file's modification time, None when it cannot be read (the reload keeps the last good list)."""
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
