"""How fast is one poll of many feeds, against what any feed reader must spend? Prints
figures; asserts nothing.

    .venv/bin/python bench/poll.py [--feeds 300] [--items 30] [--arrest-share 0.05] [--hosts 32] [--inline]
                                   [--syndicated 0.6] [--mix]

``--mix`` serves the regional mix of bench/mix.py (40% ordinary news, 27% crime and
corruption, 16% protests with nobody detained, 17% political custody; en/ru/kk) instead of
the 5%-arrest feeds. ``--syndicated`` repeats that share of the news reports (arrests; with
--mix also crime and protests) across feeds with each outlet's own credit.

A child process serves N synthetic feeds (bench/feeds.py: our own en/ru text, 5% arrest
reports) with ETags on loopback, spread over --hosts addresses (127.0.0.x) since the
Fetcher allows 2 requests at once per host and 32 in all. Then, each in its own process
so that its time and peak RSS are its own:

* bare baseline: fetch every feed with httpx at the Fetcher's concurrency (32 in all,
  2 per host) and ``feedparser.parse`` it, nothing else (best of two runs, alternating
  with the cold runs);
* cold ``once`` (best of two runs): a fresh database, every item new: ``Pipeline.poll_all`` (fetch, parse,
  de-duplicate, analyse, store, queue) timed apart from draining the outbox to the
  console publisher (writing to /dev/null; console mode has no pacing, so posting time
  is only the outbox's own work). The analysis models are loaded before the clock
  starts and their load time is printed on its own line;
* warm ``once``: ``python -m bot once`` as a subprocess on that database, where every
  feed answers 304, timed from exec to exit (interpreter and imports included).

Targets (issue 8): cold ≤ 2.0 × bare; warm ≤ 20 ms per source including start-up.
(issue 13): at most one edit per alert in one cold `once` (the event-posts line).
(issue 18, with --mix): cold ≤ 2.5× bare, warm ≤ 10 ms per source; the busy line shows
whether the service or the analysis process is the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.feeds import ServerProcess, sources_toml  # noqa: E402

PER_HOST = 2
TOTAL = 32


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU time of this process, or of another one (from /proc)."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# -- phases, each run in its own process ---------------------------------------------------


def phase_bare(sources: Path) -> dict[str, float]:
    import tomllib
    from urllib.parse import urlsplit

    import feedparser
    import httpx

    urls = [entry["url"] for entry in tomllib.loads(sources.read_text())["source"]]

    async def run() -> tuple[float, int]:
        total = asyncio.Semaphore(TOTAL)
        hosts: dict[str, asyncio.Semaphore] = {}
        items = 0
        async with httpx.AsyncClient(follow_redirects=True, timeout=30) as client:

            async def one(url: str) -> None:
                nonlocal items
                host = hosts.setdefault(urlsplit(url).netloc, asyncio.Semaphore(PER_HOST))
                async with host, total:
                    response = await client.get(url)
                    response.raise_for_status()
                items += len(feedparser.parse(io.BytesIO(response.content)).entries)

            started = time.perf_counter()
            await asyncio.gather(*(one(url) for url in urls))
            return time.perf_counter() - started, items

    seconds, items = asyncio.run(run())
    return {"seconds": seconds, "items": items, "feeds": len(urls), "rss_mb": peak_rss_mb()}


def phase_cold(sources: Path, db: Path, inline: bool = False) -> dict[str, float]:
    started = time.perf_counter()
    from bot.entry.cli import limit_native_threads

    limit_native_threads()  # as the `arrestwatch` command does first
    from bot.edges.config import load_config
    from bot.edges.store import Store
    from bot.entry.service import Service, TelegramSettings, WorkerSettings

    imported = time.perf_counter()
    config = load_config(sources)
    store = Store.open(db)
    child_rss: float | None = None

    async def run() -> dict[str, float]:
        nonlocal child_rss
        with open(os.devnull, "w", encoding="utf-8") as devnull:
            workers = WorkerSettings(analysis_process=not inline)
            async with Service(config, store, TelegramSettings(), out=devnull, workers=workers) as service:
                # The analysis process starts and loads its dictionaries (pymorphy3)
                # on the first Russian report; do it off the clock.
                if service.analysis:
                    models = await asyncio.to_thread(service.analysis.warm)
                else:  # inline: the models load in this process
                    from bot.core.analysis import analyze

                    started_models = time.perf_counter()
                    for text, lang in (
                        ("Суд арестовал активиста на 10 суток за пикет.", "ru"),
                        ("A court jailed an activist for 10 days over a picket.", "en"),
                    ):
                        analyze("", text, lang)
                    models = time.perf_counter() - started_models
                children = service.analysis.pids() if service.analysis else []
                busy0 = cpu_seconds(), sum(cpu_seconds(pid) for pid in children)
                t0 = time.perf_counter()
                polls = await service.pipeline.poll_all()
                t1 = time.perf_counter()
                busy1 = cpu_seconds(), sum(cpu_seconds(pid) for pid in children)
                drain = await service.sender.drain(timeout=600)
                t2 = time.perf_counter()
                rows = store.outbox_rows()
                if service.analysis:
                    child_rss = await asyncio.to_thread(service.analysis.peak_rss_mb)
        failed = [p for p in polls if not p.ok]
        return {
            "poll_seconds": t1 - t0,
            "drain_seconds": t2 - t1,
            "entries": sum(p.entries for p in polls),
            "new_items": sum(p.new_items for p in polls),
            "alerts": sum(p.alerts for p in polls),
            "reviews": sum(p.reviews for p in polls),
            "failed_sources": len(failed),
            "first_error": failed[0].error if failed else None,
            "entries_not_analysed": sum(len(p.failed_entries) for p in polls),
            "posted": drain.sent,
            "left": drain.left,
            "models_seconds": models,
            "service_cpu": busy1[0] - busy0[0],
            "analysis_cpu": busy1[1] - busy0[1],
            "alert_rows": sum(row["kind"] == "alert" for row in rows),
            "edit_rows": sum(row["kind"] == "edit" for row in rows),
            "followup_rows": sum(row["kind"] == "followup" for row in rows),
            "max_edits_per_message": max(
                (
                    sum(1 for edit in rows if edit["kind"] == "edit" and edit["parent_id"] == row["id"])
                    for row in rows
                    if row["kind"] == "alert"
                ),
                default=0,
            ),
        }

    figures = asyncio.run(run())
    store.close()
    figures.update(import_seconds=imported - started, rss_mb=peak_rss_mb(), analysis_rss_mb=child_rss or 0.0)
    return figures


def run_phase(args: list[str]) -> tuple[dict, float]:
    """Run this script as a child for one phase; its JSON figures and wall time."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    out, _ = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"phase {args[0:2]} failed with exit code {process.returncode}")
    return json.loads(out.strip().splitlines()[-1]), wall


def run_warm(sources: Path, db: Path) -> tuple[float, float, str]:
    """``python -m bot once`` on the warm database: wall seconds, peak RSS (MB), summary."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}  # console mode
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--sources", str(sources), "--db", str(db), "--log-level", "WARNING", "once"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"warm once failed ({process.returncode}):\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stderr.strip().splitlines()[0] if stderr.strip() else ""


def startup_seconds() -> float:
    """``python -m bot --help``: the floor under any ``once`` (interpreter + CLI imports)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem_kb = 0
    return f"{os.cpu_count()} CPUs, {model}, {mem_kb / 1024 / 1024:.0f} GB RAM, Python {sys.version.split()[0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--arrest-share", type=float, default=0.05)
    parser.add_argument("--hosts", type=int, default=32, help="loopback addresses the feeds are spread over")
    parser.add_argument(
        "--mix",
        action="store_true",
        help="the regional mix (bench/mix.py): 40%% ordinary, 27%% crime and corruption, 16%% protests "
        "with nobody detained, 17%% political custody, in en/ru/kk; --arrest-share is ignored",
    )
    parser.add_argument(
        "--syndicated",
        type=float,
        default=0.6,
        help="share of arrest reports that repeat another feed's (the same story from several outlets)",
    )
    parser.add_argument("--phase", choices=["bare", "cold"], help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--inline",
        action="store_true",
        help="also time one cold run with the analysis in the service's own process "
        "(ARRESTWATCH_ANALYSIS=inline), for comparison",
    )
    args = parser.parse_args()

    if args.phase == "bare":
        print(json.dumps(phase_bare(args.sources)))
        return 0
    if args.phase == "cold":
        print(json.dumps(phase_cold(args.sources, args.db, inline=args.inline)))
        return 0

    print(f"machine: {machine()}")
    server = ServerProcess(
        feeds=args.feeds,
        items=args.items,
        arrest_share=args.arrest_share,
        hosts=args.hosts,
        syndicated=args.syndicated,
        mix=int(args.mix),
    )
    try:
        with tempfile.TemporaryDirectory(prefix="arrestwatch-bench-") as folder:
            sources = Path(folder) / "sources.toml"
            db = Path(folder) / "bench.sqlite3"
            sources.write_text(sources_toml(args.feeds, server.port, args.hosts, mix=args.mix), encoding="utf-8")
            total_items = args.feeds * args.items
            what = (
                "the regional mix: 40% ordinary, 27% crime, 16% protest, 17% custody, en/ru/kk"
                if args.mix
                else f"{args.arrest_share:.0%} arrest reports, en/ru"
            )
            print(
                f"feeds: {args.feeds} × {args.items} items ({total_items} items, {what}, "
                f"{args.syndicated:.0%} of the news reports syndicated), "
                f"{server.bytes / 1e6:.1f} MB, "
                f"on {args.hosts} loopback hosts; Fetcher concurrency {TOTAL} in all, {PER_HOST} per host"
            )

            # Bare and cold runs alternate, twice, and each figure is the best of its two:
            # this machine's speed drifts by a quarter from one minute to the next, and
            # alternating exposes both to the same drift. A fresh database per cold run.
            bare_runs, cold_runs = [], []
            for attempt in range(2):
                bare_runs.append(run_phase(["--phase", "bare", "--sources", str(sources)])[0])
                fresh = db.with_name(f"bench-{attempt}.sqlite3")
                cold_runs.append(
                    (*run_phase(["--phase", "cold", "--sources", str(sources), "--db", str(fresh)]), fresh)
                )
            bare = min(bare_runs, key=lambda run: run["seconds"])
            bare_list = ", ".join(f"{run['seconds']:.2f}" for run in bare_runs)
            print(
                f"bare baseline (httpx + feedparser.parse): {bare['seconds']:.2f} s "
                f"(runs: {bare_list}), {bare['items']} items, "
                f"{bare['items'] / bare['seconds']:.0f} items/s, peak RSS {bare['rss_mb']:.0f} MB"
            )
            cold, cold_wall, db = min(cold_runs, key=lambda run: run[0]["poll_seconds"])
            cold_list = ", ".join(f"{run[0]['poll_seconds']:.2f}" for run in cold_runs)
            if cold["failed_sources"]:
                print(f"  WARNING: {cold['failed_sources']} sources failed, first: {cold['first_error']}")
            print(
                f"cold once, start-up (off the clock): imports {cold['import_seconds']:.2f} s, "
                f"analysis models {cold['models_seconds']:.2f} s"
            )
            print(
                f"cold once, poll+analyse+store: {cold['poll_seconds']:.2f} s (runs: {cold_list}) "
                f"for {cold['entries']} entries "
                f"({cold['new_items']} new, {cold['alerts']} alerts, {cold['reviews']} reviews, "
                f"{cold['entries_not_analysed']} not analysed) = {cold['entries'] / cold['poll_seconds']:.0f} items/s"
            )
            print(
                f"cold once, busy time during the poll: service process {cold['service_cpu']:.2f} s CPU "
                f"({cold['service_cpu'] / cold['poll_seconds']:.0%} of the wall time), analysis process "
                f"{cold['analysis_cpu']:.2f} s ({cold['analysis_cpu'] / cold['poll_seconds']:.0%})"
            )
            print(
                f"cold once, posting to the console: {cold['drain_seconds']:.2f} s for {cold['posted']} posts "
                f"({cold['left']} left)"
            )
            alerts = max(cold["alert_rows"], 1)
            print(
                f"cold once, event posts ({args.syndicated:.0%} of arrest reports syndicated): "
                f"{cold['alert_rows']} alerts, {cold['edit_rows']} edits, {cold['followup_rows']} follow-ups = "
                f"{cold['edit_rows'] / alerts:.2f} edits per alert, at most {cold['max_edits_per_message']} "
                f"per message; target ≤ 1"
            )
            print(
                f"cold once, peak RSS {cold['rss_mb'] + cold['analysis_rss_mb']:.0f} MB: "
                f"{cold['rss_mb']:.0f} MB the service + {cold['analysis_rss_mb']:.0f} MB its analysis process "
                f"(process wall {cold_wall:.2f} s)"
            )
            ratio = cold["poll_seconds"] / bare["seconds"]
            ratio_all = (cold["poll_seconds"] + cold["drain_seconds"]) / bare["seconds"]
            target = "2.5× (issue 18, --mix)" if args.mix else "2.0×"
            print(f"cold/bare: {ratio:.2f}× (poll+analyse+store), {ratio_all:.2f}× with posting; target ≤ {target}")

            if args.inline:
                inline, _ = run_phase(
                    [
                        "--phase",
                        "cold",
                        "--inline",
                        "--sources",
                        str(sources),
                        "--db",
                        str(db.with_name("bench-inline.sqlite3")),
                    ]
                )
                print(
                    f"cold once with ARRESTWATCH_ANALYSIS=inline (one process): {inline['poll_seconds']:.2f} s "
                    f"= {inline['poll_seconds'] / bare['seconds']:.2f}× bare, peak RSS {inline['rss_mb']:.0f} MB"
                )

            floor = min(startup_seconds() for _ in range(3))
            warm_runs = [run_warm(sources, db) for _ in range(3)]
            wall, rss_mb, summary = min(warm_runs)
            warm_list = ", ".join(f"{run[0]:.2f}" for run in warm_runs)
            print(
                f"warm once (every feed 304), `python -m bot once`: {wall:.2f} s "
                f"(runs: {warm_list}) = {wall / args.feeds * 1000:.1f} ms "
                f"per source including start-up; target ≤ 20 ms"
            )
            print(f"  of which start-up (`python -m bot --help`) {floor:.2f} s; peak RSS {rss_mb:.0f} MB; {summary}")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
