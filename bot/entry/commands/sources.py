"""``arrestwatch sources status | add | test``: the sources' health, adding a source
from its URL, and one source's entries as the rules judge them, stored nowhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.app.pipeline import Pipeline
from bot.app.sources_file import DetectedSource, append_source, detect_source
from bot.core.analysis.result import Analysis
from bot.core.errors import RequestError
from bot.core.models import Config, Entry, SourceConfig
from bot.core.sources import telegram_channel
from bot.core.triage import triage
from bot.edges.config import parse_config
from bot.edges.fetch import Fetcher
from bot.edges.store import SourceState, Store


class UnknownSourceError(RequestError):
    """No source of that name in the sources file."""


def source_health(config: Config, store: Store) -> list[tuple[SourceConfig, SourceState]]:
    """Each configured source with its state in the database (recorded there first if new)."""
    states = store.sync_sources(list(config.sources))
    return [(source, states[source.name]) for source in config.sources]


async def detect_url(url: str) -> DetectedSource:
    """What ``url`` is: a t.me channel (by its link alone), else what it serves (a feed,
    a page announcing one, a page to scrape). FetchError when it cannot be fetched."""
    if telegram_channel(url, link_only=True):
        return detect_source(url, "", b"")
    fetcher = Fetcher()
    try:
        result = await fetcher.fetch(url)
    finally:
        await fetcher.aclose()
    return detect_source(result.final_url, result.content_type or "", result.content)


def add_source(
    path: Path,
    detected: DetectedSource,
    *,
    name: str | None = None,
    lang: str | None = None,
    interval: str | None = None,
) -> SourceConfig:
    """Append ``detected`` to the sources file (comments and layout kept) and return the
    source as loaded. ConfigError (the URL already listed, a bad interval, …) leaves the
    file unchanged."""
    if name:
        detected = DetectedSource(name=name, url=detected.url, type=detected.type)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = append_source(text, detected, lang=lang, interval=interval)
    config = parse_config(updated, path)
    path.write_text(updated, encoding="utf-8")
    return config.sources[-1]


def find_source(config: Config, name: str) -> SourceConfig:
    """The source called ``name``; UnknownSourceError lists the names there are."""
    source = next((s for s in config.sources if s.name == name), None)
    if source is None:
        names = ", ".join(repr(s.name) for s in config.sources) or "none"
        raise UnknownSourceError(f"no source named {name!r} in {config.path} (sources: {names})")
    return source


@dataclass(frozen=True)
class Verdict:
    """One entry of a tested source: its analysis and what would be done with it."""

    entry: Entry
    analysis: Analysis
    decision: str  # "alert", "review" or "seen" (bot/core/triage.py)


async def preview_source(config: Config, source: SourceConfig) -> list[Verdict]:
    """Fetch ``source`` now and judge each entry; nothing is stored. FetchError or
    SourceParseError say why the source cannot be read."""
    fetcher = Fetcher()
    try:
        results = await Pipeline(config, store=None, fetcher=fetcher).preview(source)  # type: ignore[arg-type]
    finally:
        await fetcher.aclose()
    return [Verdict(entry, analysis, triage(analysis, config.settings)) for entry, analysis in results]


__all__ = [
    "UnknownSourceError",
    "Verdict",
    "add_source",
    "detect_url",
    "find_source",
    "preview_source",
    "source_health",
]
