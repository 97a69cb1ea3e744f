"""How long do the custody features take on a busy year? Prints figures; asserts nothing.

    .venv/bin/python bench/custody.py [--episodes 2000] [--db PATH]

Stores ``--episodes`` custody episodes (one to three people each, terms in days,
months and years, a fifth of them closed by a release report) through the real
placement, spread over the last 300 days, then times:

* records: ``load_records`` (what every custody turn of ``run``, the digest, /custody
  and ``arrestwatch custody`` read), and the pinned list's texts from them;
* chart: the weekly chart (matplotlib, Agg) rendered to PNG;
* publish: ``arrestwatch publish``'s snapshot, metadata included.

Targets (issue 17): a custody turn (records + list texts) within 2 s for 2,000
episodes, since it runs every 5 minutes beside polling; the chart within 3 s; the
snapshot within 15 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ("Almaty", "Astana", "Shymkent", "Aktobe", "Uralsk", "Karaganda", "Atyrau", None)
GIVEN = ("Timur", "Dana", "Aliya", "Erlan", "Marat", "Nurlan", "Aigerim", "Rustem", "Bolat", "Gulnar", "Asel")
TERMS = ("3 days", "5 days", "10 days", "15 days", "15 days", "1 month", "2 months", "1 year", "5 years", None)


def surname(rng: random.Random) -> str:
    """A made-up surname of three syllables: distinct enough that names rarely collide."""
    syllables = ("ka", "ber", "tul", "zhan", "mur", "sei", "dos", "ay", "nur", "bek", "tai", "gal", "um", "sar")
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize() + rng.choice(("ov", "ev", "uly", "ova"))


def populate(store, episodes: int, now: datetime) -> None:  # type: ignore[no-untyped-def]
    from bot.core.analysis.result import Detainee
    from tests.support.custody import tell

    rng = random.Random(17)
    for n in range(episodes):
        at = now - timedelta(days=rng.uniform(0, 300))
        people = [Detainee(f"{rng.choice(GIVEN)} {surname(rng)}", rng.choice(TERMS)) for _ in range(rng.randint(1, 3))]
        names = ", ".join(d.name for d in people)
        tell(
            store,
            at,
            f"Activists {names} jailed",
            f"A court jailed activists {names} after a picket.",
            *people,
            place=rng.choice(PLACES),
            source=f"Outlet {n % 7}",
        )
        if n % 5 == 0:
            tell(
                store,
                at + timedelta(days=3),
                f"{people[0].name} released",
                f"Activist {people[0].name} was released after serving the term.",
                arrest=False,
                source=f"Outlet {(n + 1) % 7}",
            )


def timed(label: str, call):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = call()
    print(f"{label:<34} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--episodes", type=int, default=2000)
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary folder)")
    args = parser.parse_args()

    from bot.app.archive import publish
    from bot.app.chart import weekly_chart
    from bot.app.custody_posts import board_texts, load_records
    from bot.edges.store import Store

    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.sqlite3"
        store = Store.open(path)
        try:
            if not store.all_events():
                timed(f"storing {args.episodes} episodes", lambda: populate(store, args.episodes, now))
            day = now.date()
            records = timed("records (load_records)", lambda: load_records(store, day, now=now))
            texts = timed("pinned list texts", lambda: board_texts(records, day, "en", "@channel"))
            timed("custody turn (both)", lambda: board_texts(load_records(store, day, now=now), day, "en"))
            timed("weekly chart (PNG)", lambda: weekly_chart(records, day, "en"))
            counts = timed("publish snapshot", lambda: publish(store, Path(folder) / "archive.db", day=day, now=now))
        finally:
            store.close()
    held = sum(r.held for r in records)
    print(f"{len(records)} records, {held} held, the pinned list in {len(texts)} message(s); snapshot: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
