"""How fast is the analysis stage? Prints figures; asserts nothing.

    .venv/bin/python bench/analyze.py [CORPUS.jsonl] [--repeat N] [--unrelated-share 0.85]
                                      [--mix-items 9000] [--only mix]

CORPUS defaults to corpus/train.jsonl (the shared dev set when the project has none).

* regional mix (issue 18): the items ``bench/poll.py --mix`` serves (bench/mix.py through
  bench/feeds.py: 40% ordinary news, 27% crime and corruption, 16% protests with nobody
  detained, 17% political custody; en/ru/kk; 60% of the news reports syndicated), analysed
  one after the other on one core; then its arrest-related reports (the custody ones)
  alone, and the corpus's reports labelled arrests;

* start-up: importing the analysis and the first analysis of a Russian and an English
  text (this is when the Russian models load);
* corpus: reports per second over the corpus file (repeated N times), after start-up;
* feed mix: the corpus padded with unrelated news (written for this benchmark) until
  unrelated reports make up the given share, as in a real feed;
* baseline: a bare keyword regex over the same texts, measured in the same run, so the
  figures can be compared across machines.

Each figure is given by the wall clock and by the process's CPU time: this machine is
shared, and CPU time moves less when other work competes for the cores.

Targets (issue 3): ≥ 200 reports/s on one core for the feed mix, start-up ≤ 3 s.
(issue 18): ≥ 2,000 items/s on the regional mix, ≥ 800 items/s on its arrest reports.
"""

from __future__ import annotations

import os

# One core, as the target says: keep numpy single-threaded.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The project's labelled corpus (en/ru/kk, about half of it look-alikes of arrest news), else
# the shared development set.
DEFAULT_CORPUS = next(
    (p for p in (ROOT / "corpus" / "train.jsonl", ROOT.parent / "shared" / "corpus" / "dev.jsonl") if p.exists()),
    ROOT / "corpus" / "train.jsonl",
)

FIRST_RUSSIAN = (
    "В Уральске суд арестовал на десять суток активиста Нурлана Жаксылыкова за участие "
    "в несанкционированном митинге у здания акимата."
)
FIRST_ENGLISH = (
    "A court in Uralsk jailed activist Nurlan Zhaksylykov for ten days for taking part in an "
    "unsanctioned rally outside the regional administration."
)

# Ordinary news of the kind that fills a feed; written for this benchmark.
UNRELATED = [
    (
        "en",
        "Wheat harvest ahead of forecast",
        "Farmers in Kostanay region have threshed more than half of the "
        "wheat fields, the agriculture ministry said, adding that yields are higher than last year thanks to a "
        "wet spring. Grain prices at the commodity exchange fell slightly on the news.",
    ),
    (
        "en",
        "New metro station opens",
        "Almaty opened its twelfth metro station on Saturday. The city plans two "
        "more stations by the end of next year, and bus routes in the area will be changed to bring passengers "
        "to the new entrance.",
    ),
    (
        "en",
        "Tenge steadies",
        "The tenge strengthened against the dollar for a third day as oil prices rose. "
        "Analysts expect the national bank to keep its base rate unchanged at the next meeting.",
    ),
    (
        "en",
        "Football",
        "Kairat beat Tobol 2-1 in the league on Sunday, with the winning goal scored in added time. "
        "The coach praised the young defenders and said the team would rotate players for the cup match.",
    ),
    (
        "en",
        "Weather",
        "Forecasters warn of strong wind and dust storms in the west of the country on Wednesday, "
        "with temperatures dropping to five degrees at night in the north.",
    ),
    (
        "en",
        "Airline adds routes",
        "A low-cost carrier will launch flights from Shymkent to three new "
        "destinations this summer, the company said, with tickets going on sale next week.",
    ),
    (
        "en",
        "School year",
        "The education ministry said more than 400,000 children will start first grade in "
        "September, and 50 new schools will open across the country.",
    ),
    (
        "en",
        "Gas pipeline",
        "Engineers completed the welding of the last section of a regional gas pipeline that "
        "will supply villages in Zhambyl region from the winter.",
    ),
    (
        "ru",
        "Урожай",
        "Аграрии Костанайской области обмолотили больше половины площадей, урожайность выше "
        "прошлогодней благодаря дождливой весне. Цены на зерно на бирже немного снизились.",
    ),
    (
        "ru",
        "Метро",
        "В Алматы в субботу открылась новая станция метро. До конца следующего года город "
        "планирует построить ещё две станции, маршруты автобусов будут изменены.",
    ),
    (
        "ru",
        "Курс тенге",
        "Тенге третий день подряд укрепляется к доллару на фоне роста цен на нефть. "
        "Аналитики ожидают, что Нацбанк сохранит базовую ставку.",
    ),
    (
        "ru",
        "Погода",
        "Синоптики предупреждают о сильном ветре и пыльных бурях на западе страны в среду, "
        "ночью на севере температура опустится до пяти градусов.",
    ),
    (
        "ru",
        "Авиасообщение",
        "Лоукостер запустит рейсы из Шымкента в три новых города этим летом, "
        "билеты поступят в продажу на следующей неделе.",
    ),
    (
        "kk",
        "Ауа райы",
        "Синоптиктер сәрсенбі күні елдің батысында қатты жел мен шаңды боран болатынын "
        "ескертті, солтүстікте түнде температура бес градусқа дейін төмендейді.",
    ),
    (
        "kk",
        "Мектеп",
        "Білім министрлігінің мәліметінше, қыркүйекте төрт жүз мыңнан астам бала бірінші "
        "сыныпқа барады және елде елу жаңа мектеп ашылады.",
    ),
]

BASELINE = re.compile(r"detain|arrest|jail|prison|custody|sentenc|задерж|арест|суток|тәулік|қамау|ұстал", re.IGNORECASE)


def load(path: Path, labels: bool = False) -> list[tuple]:
    """(title, text, lang) of each report; with ``labels`` also whether it is labelled an arrest."""
    reports = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                report = (data.get("title") or "", data["text"], data.get("lang"))
                reports.append(report + (bool(data.get("arrest")),) if labels else report)
    return reports


def feed_mix(corpus: list[tuple[str, str, str | None]], unrelated_share: float) -> list[tuple[str, str, str | None]]:
    wanted = int(len(corpus) * unrelated_share / (1 - unrelated_share))
    padding = []
    for i in range(wanted):
        lang, title, text = UNRELATED[i % len(UNRELATED)]
        padding.append((f"{title} ({i})", text, lang))
    # Interleave so the feed is not sorted by kind.
    mixed, step = [], max(1, round(wanted / max(1, len(corpus))))
    pads = iter(padding)
    for report in corpus:
        mixed.append(report)
        mixed.extend(p for _, p in zip(range(step), pads))
    mixed.extend(pads)
    return mixed


def regional_mix(items: int, seed: int = 18) -> list[tuple[str, str, str | None, bool]]:
    """(title, text, lang, is a custody report) of the items ``bench/poll.py --mix`` serves."""
    from datetime import datetime, timezone

    from bench.feeds import make_feeds

    per_feed = 30
    feeds = make_feeds(
        max(1, items // per_feed),
        per_feed,
        arrest_share=0.0,
        seed=seed,
        hosts=32,
        now=datetime(2026, 12, 1, tzinfo=timezone.utc),
        syndicated=0.6,
        mix=True,
    )
    return [(item.title, item.text, feed.lang, item.arrest) for feed in feeds for item in feed.items]


def rate(label: str, reports, work) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    for report in reports:
        work(*report[:3])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    per_second = len(reports) / elapsed if elapsed else float("inf")
    per_cpu = len(reports) / cpu if cpu else float("inf")
    print(
        f"{label:40} {len(reports):6d} reports in {elapsed:7.3f} s = {per_second:9.1f} reports/s"
        f"  (CPU {cpu:7.3f} s = {per_cpu:9.1f}/s)"
    )
    return per_second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="pass over the corpus N times (default 3)")
    parser.add_argument(
        "--unrelated-share", type=float, default=0.85, help="share of unrelated news in the feed mix (default 0.85)"
    )
    parser.add_argument(
        "--mix-items",
        type=int,
        default=9000,
        help="items of the regional mix (default 9000, as bench/poll.py --mix: 300 feeds × 30)",
    )
    parser.add_argument("--only", choices=["mix"], help="only the regional mix (issue 18)")
    args = parser.parse_args()

    started = time.perf_counter()
    from bot.core.analysis import analyze

    imported = time.perf_counter()
    try:
        analyze("", FIRST_RUSSIAN, "ru")
        russian_ok = True
    except ImportError as exc:  # the Russian rules may not be installed yet
        print(f"(Russian rules unavailable: {exc})")
        russian_ok = False
    analyze("", FIRST_ENGLISH, "en")
    ready = time.perf_counter()
    print(
        f"start-up: import {imported - started:.3f} s, first analyses (ru+en) {ready - imported:.3f} s, "
        f"total {ready - started:.3f} s"
    )

    def full(title, text, lang):
        analyze(title, text, lang)

    def baseline(title, text, lang):
        BASELINE.search(title) or BASELINE.search(text)

    corpus = load(args.corpus)
    regional = regional_mix(args.mix_items)
    custody = [r for r in regional if r[3]]
    print(f"regional mix (issue 18): {len(regional)} items, {len(custody)} of them custody reports")
    rate("baseline keyword regex, regional mix", regional, baseline)
    rate("analysis, regional mix", regional, full)
    rate("baseline keyword regex, its arrest reports", custody, baseline)
    rate("analysis, its arrest reports", custody, full)
    for lang in ("en", "ru", "kk"):
        rate(f"analysis, its arrest reports, {lang}", [r for r in custody if r[2] == lang], full)
    arrests = [(title, text, lang) for title, text, lang, arrest in load(args.corpus, labels=True) if arrest]
    rate("analysis, corpus reports labelled arrests", arrests, full)
    if args.only == "mix":
        return 0

    if not russian_ok:
        corpus = [r for r in corpus if r[2] == "en"]
    corpus_times = corpus * max(1, args.repeat)
    mix = feed_mix(corpus, args.unrelated_share) * max(1, args.repeat)
    if not russian_ok:
        mix = [r for r in mix if r[2] == "en"]

    print(f"corpus: {args.corpus} ({len(corpus)} reports) × {args.repeat}")
    rate("baseline keyword regex, corpus", corpus_times, baseline)
    rate("analysis, corpus", corpus_times, full)
    for lang in ("en", "ru", "kk"):
        subset = [r for r in corpus_times if r[2] == lang]
        if subset:
            rate(f"analysis, corpus, {lang} only", subset, full)
    unrelated = sum(1 for r in mix if r[0].endswith(")") and r[0].rsplit("(", 1)[-1][:-1].isdigit())
    print(f"feed mix: {len(mix)} reports, {unrelated / len(mix):.0%} unrelated")
    rate("baseline keyword regex, feed mix", mix, baseline)
    rate("analysis, feed mix", mix, full)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
