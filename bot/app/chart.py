"""The weekly picture: detentions per day over the last four weeks, stacked by region,
with the number in custody now. Records in, PNG bytes out (matplotlib's Agg backend
on a Figure of its own: no display, no pyplot global state, safe in a thread).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta

from bot.core.custody import CustodyRecord, in_custody
from bot.core.custody_labels import labels

WEEKS = 4
MAX_REGIONS = 6  # more regions than this: the smallest are drawn together as "other"
OTHER = {"en": "other", "ru": "другие", "kk": "басқа"}


def daily_counts(
    records: Sequence[CustodyRecord],
    today: date,
    unknown: str,
    *,
    days: int = WEEKS * 7,
    language: str = "en",
) -> tuple[list[date], dict[str, list[int]]]:
    """The ``days`` days ending with ``today`` and, per region, the people detained on
    each (one per person per episode); at most MAX_REGIONS series, largest first."""
    start = today - timedelta(days=days - 1)
    span = [start + timedelta(days=n) for n in range(days)]
    series: dict[str, list[int]] = {}
    for record in records:
        if start <= record.detained_on <= today:
            counts = series.setdefault(record.place or unknown, [0] * days)
            counts[(record.detained_on - start).days] += 1
    ordered = sorted(series.items(), key=lambda item: (-sum(item[1]), item[0]))
    if len(ordered) > MAX_REGIONS:
        kept, rest = ordered[: MAX_REGIONS - 1], ordered[MAX_REGIONS - 1 :]
        other = [sum(values) for values in zip(*(counts for _, counts in rest))]
        ordered = [*kept, (OTHER.get(language, OTHER["en"]), other)]
    return span, dict(ordered)


def render(span: Sequence[date], series: dict[str, list[int]], title: str, note: str = "") -> bytes:
    """A stacked bar chart as PNG bytes, ``note`` (the custody count) in its corner."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(10, 5.5), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bottom = [0] * len(span)
    positions = list(range(len(span)))
    for region, counts in series.items():
        axes.bar(positions, counts, bottom=bottom, label=region, width=0.8)
        bottom = [b + c for b, c in zip(bottom, counts)]
    axes.set_xticks(positions[::2], [day.strftime("%d.%m") for day in span[::2]], rotation=45, fontsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(0, max(max(bottom, default=0), 1) * 1.25)  # room for the legend and the note
    if note:
        axes.text(0.99, 0.97, note, transform=axes.transAxes, ha="right", va="top", fontsize=12, weight="bold")
    axes.set_title(title)
    axes.legend(loc="upper left", fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def weekly_chart(records: Sequence[CustodyRecord], today: date, language: str) -> tuple[bytes, str] | None:
    """The chart (PNG) and its caption in ``language``; None when the four weeks hold
    no detention (nothing to draw)."""
    words = labels(language)
    span, series = daily_counts(records, today, words["region_unknown"], language=language)
    if not series:
        return None
    held = len(in_custody(records))
    title = f"{words['chart_title']} · {span[0].isoformat()} – {span[-1].isoformat()}"
    return render(span, series, title, words["held"].format(n=held)), words["caption"].format(n=held)
