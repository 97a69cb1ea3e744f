"""Does `run` stay small and prompt over many polls of many sources? Prints figures;
asserts nothing.

    .venv/bin/python bench/soak.py [--sources 500] [--cycles 60] [--interval 5] [--report-every 10]

A child process serves --sources synthetic feeds (bench/feeds.py, our own en/ru text)
with ETags on loopback. Their 20 items start two days old, so the first poll records
them without posting, as it would for sources just added. Then, cycle after cycle,
the server puts a new item at the top of --changed feeds (--arrests of them arrest
reports) and every source is polled, as ``run`` polls them: the service's own poll job
(``Pipeline.poll`` with backoff, then the health notices) for each source, as many at
once as ``run`` allows (WorkerSettings.poll_concurrency, 16),
while the service's sender loop drains the outbox as alerts are queued, into a
publisher that records when each post was sent. A cycle stands for one source
interval, compressed to --interval seconds (APScheduler is left out: it only decides
when; the clock would make 1,000 cycles take days).

Printed every --report-every cycles: RSS now and at its peak (the service's process
plus its analysis process, bot/edges/analysis_process.py), the database size, the
cycle's duration, and the latency from an item's appearance in its feed (the server
adding it) to its post, as median / max over the posts of those cycles.

Targets (issue 8): peak RSS ≤ 300 MB with 500 sources, flat over 1,000 cycles; from
appearance to post ≤ the source's interval + 5 s when Telegram is not throttling.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.feeds import ServerProcess, sources_toml  # noqa: E402

TOKEN_RE = re.compile(r"\[(soak\d+)\]")


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size now (Linux /proc), in MB; 0 for a process that is gone."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def service_rss(service: Any) -> tuple[float, float, float, float]:
    """(now, peak) of the service's process and of its analysis process, in MB. The
    service's RSS is the sum of both; its peak is at most the sum of their peaks."""
    analysis = service.analysis
    child_now = sum(rss_mb(pid) for pid in analysis.pids()) if analysis else 0.0
    child_peak = (analysis.peak_rss_mb() or 0.0) if analysis else 0.0
    return rss_mb(), peak_rss_mb(), child_now, child_peak


def recording_publisher(stream: Any) -> Any:
    """The console publisher (writing to ``stream``), remembering when each bench item
    was first posted; edits and anything else it does are inherited unchanged."""
    from bot.edges.publish import ConsolePublisher

    class RecordingPublisher(ConsolePublisher):
        def __init__(self, stream: Any) -> None:
            super().__init__(stream)
            self.posted: dict[str, float] = {}  # token → time.monotonic() of its first post

        async def send(self, chat_id: str, html: str, **options: Any) -> int:
            match = TOKEN_RE.search(html)
            if match:
                self.posted.setdefault(match.group(1), time.monotonic())
            return await super().send(chat_id, html, **options)

    return RecordingPublisher(stream)


async def soak(args: argparse.Namespace, server: ServerProcess, folder: Path) -> None:
    import httpx

    from bot.edges.config import load_config
    from bot.edges.store import Store
    from bot.entry.service import Service, TelegramSettings

    sources_path = folder / "sources.toml"
    db_path = folder / "soak.sqlite3"
    sources_path.write_text(sources_toml(args.sources, server.port, args.hosts, interval="30s"), encoding="utf-8")
    config = load_config(sources_path)
    store = Store.open(db_path)
    appeared: dict[str, float] = {}
    control = httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}", timeout=30)

    with open(os.devnull, "w", encoding="utf-8") as devnull:
        service = Service(config, store, TelegramSettings(), out=devnull)
        publisher = recording_publisher(devnull)
        service.publisher = service.sender.publisher = publisher
        async with service:
            wake, stop = asyncio.Event(), asyncio.Event()
            sender = asyncio.create_task(service._sender_loop(wake, stop))
            # At most as many polls at once as run's claims hand out (WorkerSettings).
            room = asyncio.Semaphore(service.workers.poll_concurrency)

            async def poll(source: Any) -> None:
                async with room:
                    await service._poll_job(source, wake)

            # The first poll of every source: 20 old items each, recorded and not posted.
            started = time.perf_counter()
            await asyncio.gather(*(poll(source) for source in config.sources))
            main_now, _, child_now, _ = service_rss(service)
            print(
                f"first poll of {args.sources} sources ({args.sources * 20} old items recorded): "
                f"{time.perf_counter() - started:.1f} s, RSS {main_now + child_now:.0f} MB",
                flush=True,
            )
            print(
                "RSS is the service's process plus its analysis process (main + analysis); "
                "peak is the sum of the two processes' peaks",
                flush=True,
            )
            print(
                f"{'cycle':>6} {'RSS MB':>7} {'main+analysis':>14} {'peak MB':>7} {'DB MB':>6} {'cycle s':>8} "
                f"{'posts':>6} {'latency median/max s':>21}",
                flush=True,
            )
            window: list[float] = []
            durations: list[float] = []
            samples: list[tuple[int, float]] = []
            for cycle in range(1, args.cycles + 1):
                cycle_start = time.monotonic()
                answer = await control.get("/__advance", params={"n": args.changed, "arrests": args.arrests})
                now = time.monotonic()
                for added in answer.json():
                    if added["arrest"]:  # ordinary news is never posted: nothing to time
                        appeared[added["token"]] = now
                await asyncio.gather(*(poll(source) for source in config.sources))
                durations.append(time.monotonic() - cycle_start)
                # Until the next interval, as the scheduler would wait.
                await asyncio.sleep(max(0.0, args.interval - (time.monotonic() - cycle_start)))
                if cycle % args.report_every == 0 or cycle == args.cycles:
                    await asyncio.sleep(0)  # let the sender finish what the last poll queued
                    latencies = [publisher.posted[t] - appeared[t] for t in list(publisher.posted) if t in appeared]
                    for token in [t for t in publisher.posted if t in appeared]:
                        del appeared[token]
                        del publisher.posted[token]
                    window += latencies
                    main_now, main_peak, child_now, child_peak = service_rss(service)
                    now_mb, peak_mb = main_now + child_now, main_peak + child_peak
                    samples.append((cycle, now_mb))
                    db_mb = sum(p.stat().st_size for p in folder.glob("soak.sqlite3*")) / 1024 / 1024
                    latency = f"{statistics.median(latencies):.2f} / {max(latencies):.2f}" if latencies else "-"
                    split = f"{main_now:.0f}+{child_now:.0f}"
                    print(
                        f"{cycle:6d} {now_mb:7.0f} {split:>14} {peak_mb:7.0f} {db_mb:6.1f} "
                        f"{statistics.mean(durations):8.2f} {len(latencies):6d} {latency:>21}",
                        flush=True,
                    )
                    durations.clear()
            # Whatever is still queued, then the totals.
            await asyncio.sleep(1)
            main_now, main_peak, child_now, child_peak = service_rss(service)
            stop.set()
            wake.set()
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
    await control.aclose()
    store.close()
    unposted = [t for t in appeared if t not in publisher.posted]
    print(
        f"posts: {len(window)} measured; latency median {statistics.median(window) if window else 0:.2f} s, "
        f"p95 {sorted(window)[int(len(window) * 0.95)] if window else 0:.2f} s, "
        f"max {max(window) if window else 0:.2f} s (a cycle stands for an interval of {args.interval:g} s); "
        f"{len(unposted)} arrest reports not posted (a later report of an arrest already posted edits that post)"
    )
    if len(samples) >= 3:
        first, last = samples[1][1], samples[-1][1]  # after the first report: the caches have filled
        print(
            f"RSS: peak {main_peak + child_peak:.0f} MB ({main_peak:.0f} MB the service + "
            f"{child_peak:.0f} MB its analysis process); from cycle {samples[1][0]} to {samples[-1][0]}: "
            f"{first:.0f} → {last:.0f} MB ({last - first:+.0f} MB)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--cycles", type=int, default=60)
    parser.add_argument("--interval", type=float, default=5.0, help="seconds a cycle stands for (default 5)")
    parser.add_argument("--changed", type=int, default=10, help="feeds that get a new item each cycle")
    parser.add_argument("--arrests", type=int, default=2, help="of which arrest reports")
    parser.add_argument("--report-every", type=int, default=10)
    parser.add_argument("--hosts", type=int, default=32)
    args = parser.parse_args()
    from bot.entry.cli import limit_native_threads

    limit_native_threads()  # as the `arrestwatch` command does first
    print(
        f"soak: {args.sources} sources, {args.cycles} cycles of {args.interval:g} s, "
        f"{args.changed} feeds changed per cycle ({args.arrests} arrest reports)",
        flush=True,
    )
    server = ServerProcess(feeds=args.sources, items=20, arrest_share=0.05, hosts=args.hosts, age_hours=48)
    try:
        with tempfile.TemporaryDirectory(prefix="arrestwatch-soak-") as folder:
            asyncio.run(soak(args, server, Path(folder)))
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
