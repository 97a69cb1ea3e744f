"""When the service was watching: spans of time covered by polls, so the digest can
name the hours nobody watched instead of counting them as "no arrests".

A span runs from a poll to the last poll that followed it with no gap longer than
``gap`` (a few poll intervals); a span covers up to ``gap`` after its last poll, the
time within which the next poll was due. Pure functions, plus two that read and write
the spans as one store flag (a short JSON list, the last 60 days).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.edges.store import Store, from_iso, to_iso

#: The store flag holding the spans.
WATCH_FLAG = "watch-spans"
#: Spans older than this are forgotten.
KEEP = timedelta(days=60)
#: The least gap between polls that still counts as watching, whatever the intervals.
MIN_GAP = timedelta(minutes=30)

Span = tuple[datetime, datetime]


def watch_gap(intervals: Sequence[timedelta]) -> timedelta:
    """How long polls may pause and still count as watching: three of the longest
    source interval, at least MIN_GAP."""
    return max([MIN_GAP, *(3 * interval for interval in intervals)])


def extend(spans: Sequence[Span], moment: datetime, gap: timedelta) -> list[Span]:
    """The spans with a poll at ``moment`` added: the last span grows if it ended
    within ``gap``, else a new span starts. Old spans are dropped."""
    out = [span for span in spans if span[1] >= moment - KEEP]
    if out and out[-1][0] <= moment <= out[-1][1]:
        return out
    if out and timedelta(0) <= moment - out[-1][1] <= gap:
        out[-1] = (out[-1][0], moment)
    else:
        out.append((moment, moment))
        out.sort()
    return out


def unwatched(spans: Sequence[Span], start: datetime, end: datetime, gap: timedelta) -> list[Span]:
    """The parts of [start, end) no span covers (each span covering ``gap`` past its
    last poll), ignoring pieces shorter than ``gap``."""
    pieces: list[Span] = []
    cursor = start
    for first, last in sorted(spans):
        covered_to = last + gap
        if covered_to <= cursor or first >= end:
            continue
        if first > cursor:
            pieces.append((cursor, first))
        cursor = max(cursor, covered_to)
        if cursor >= end:
            break
    if cursor < end:
        pieces.append((cursor, end))
    return [(a, b) for a, b in pieces if b - a >= gap]


def read_spans(store: Store) -> list[Span]:
    raw = store.flag(WATCH_FLAG)
    try:
        pairs = json.loads(raw) if raw else []
        spans = [(from_iso(a), from_iso(b)) for a, b in pairs]
    except (ValueError, TypeError):  # a damaged flag: start again rather than fail polling
        return []
    return [(a, b) for a, b in spans if a is not None and b is not None]


def note_poll(store: Store, moment: datetime, gap: timedelta) -> None:
    """Record that the sources were polled at ``moment``."""
    spans = extend(read_spans(store), moment, gap)
    store.set_flag(WATCH_FLAG, json.dumps([[to_iso(a), to_iso(b)] for a, b in spans]))


__all__ = ["WATCH_FLAG", "extend", "note_poll", "read_spans", "unwatched", "watch_gap"]
