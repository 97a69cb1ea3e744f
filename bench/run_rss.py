"""How much memory does the real ``arrestwatch run`` take with many sources? Prints
figures; asserts nothing.

    .venv/bin/python bench/run_rss.py [--sources 500] [--minutes 10] [--interval 30s]

bench/soak.py drives the service's poll job in-process, cycle after cycle, to reach
1,000 cycles in an hour; this benchmark runs the command itself, as deployed: a child
process serves --sources synthetic feeds (bench/feeds.py, our own en/ru text; 20 items
each, two days old, so the first poll records them without posting), ``python -m bot
run`` polls them on its scheduler at --interval with alerts going to the console, and
every 10 seconds the server adds an item to 10 feeds (2 of them arrest reports). The
resident memory of the command's whole process tree (the service and its analysis
process) is sampled every 10 seconds from /proc; at the end ``run`` gets SIGTERM and the
time it takes to exit is printed too.

Target (issue 8): peak RSS of ``run`` with 500 sources ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.feeds import ServerProcess, sources_toml  # noqa: E402
from bench.soak import rss_mb  # noqa: E402


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    out, queue = [], [pid]
    while queue:
        current = queue.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    queue += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return out


def peak_mb(pid: int) -> float:
    """VmHWM: the process's own peak resident memory."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--interval", default="30s", help="the sources' poll interval (default 30s)")
    parser.add_argument("--hosts", type=int, default=32)
    args = parser.parse_args()

    server = ServerProcess(feeds=args.sources, items=20, arrest_share=0.05, hosts=args.hosts, age_hours=48)
    print(
        f"run_rss: `python -m bot run`, {args.sources} sources at {args.interval}, {args.minutes:g} minutes; "
        "10 feeds gain an item every 10 s (2 arrest reports)",
        flush=True,
    )
    try:
        with tempfile.TemporaryDirectory(prefix="arrestwatch-run-") as folder:
            sources = Path(folder) / "sources.toml"
            sources.write_text(
                sources_toml(args.sources, server.port, args.hosts, interval=args.interval), encoding="utf-8"
            )
            env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}  # console mode
            env["PYTHONPATH"] = str(ROOT)
            with (
                open(Path(folder) / "out.txt", "w", encoding="utf-8") as out,
                open(Path(folder) / "err.txt", "w", encoding="utf-8") as err,
            ):
                process = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "bot",
                        "--sources",
                        str(sources),
                        "--db",
                        str(Path(folder) / "db.sqlite3"),
                        "--log-level",
                        "WARNING",
                        "run",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=err,
                )
                started = time.monotonic()
                peaks: dict[int, float] = {}
                samples: list[tuple[float, float]] = []
                print(f"{'minute':>7} {'RSS MB':>7} {'processes':>10}", flush=True)
                while time.monotonic() - started < args.minutes * 60 and process.poll() is None:
                    time.sleep(10)
                    urllib.request.urlopen(
                        f"http://127.0.0.1:{server.port}/__advance?n=10&arrests=2", timeout=30
                    ).read()
                    pids = tree(process.pid)
                    for pid in pids:
                        peaks[pid] = max(peaks.get(pid, 0.0), peak_mb(pid))
                    total = sum(rss_mb(pid) for pid in pids)
                    minute = (time.monotonic() - started) / 60
                    samples.append((minute, total))
                    if len(samples) % 6 == 0:
                        print(f"{minute:7.1f} {total:7.0f} {len(pids):10d}", flush=True)
                stopping = time.monotonic()
                process.send_signal(signal.SIGTERM)
                code = process.wait(timeout=120)
                stopped = time.monotonic() - stopping
            posts = (Path(folder) / "out.txt").read_text(encoding="utf-8").count("🚨")
            errors = (Path(folder) / "err.txt").read_text(encoding="utf-8").strip().splitlines()
    finally:
        server.close()
    if not samples:
        print("run exited early:", *errors[-5:], sep="\n")
        return 1
    later = [total for minute, total in samples if minute >= 1]
    print(
        f"RSS of the process tree: peak of the samples {max(s[1] for s in samples):.0f} MB; "
        f"peaks of the processes' own high-water marks summed {sum(peaks.values()):.0f} MB; "
        f"after the first minute {min(later or [0]):.0f}–{max(later or [0]):.0f} MB"
    )
    print(
        f"{posts} alerts printed; exit code {code} {stopped:.1f} s after SIGTERM; "
        f"{len(errors)} lines on stderr" + (f", last: {errors[-1]}" if errors else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
