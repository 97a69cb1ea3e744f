"""How much memory does the real ``arrestwatch run`` take with many sources? Prints
figures; asserts nothing.

    .venv/bin/python bench/run_rss.py [--sources 500] [--minutes 10] [--interval 30s]
    .venv/bin/python bench/run_rss.py --mix [--sources 500]

With ``--mix`` (issue 18) it instead serves the regional mix of bench/poll.py --mix (30
new items a feed, 60% of the news syndicated), starts ``run`` and waits for its first full
cycle (every source polled once: every item analysed, stored and placed), then prints the
peak resident memory (VmHWM) of the service and of its analysis process apart, beside a
baseline measured in the same run: a bare interpreter, one that imported what the
service imports, and one that imported the analysis and loaded its models.

bench/soak.py drives the service's poll job in-process, cycle after cycle, to reach
1,000 cycles in an hour; this benchmark runs the command itself, as deployed: a child
process serves --sources synthetic feeds (bench/feeds.py, our own en/ru text; 20 items
each, two days old, so the first poll records them without posting), ``python -m bot
run`` polls them on its scheduler at --interval with alerts going to the console, and
every 10 seconds the server adds an item to 10 feeds (2 of them arrest reports). The
resident memory of the command's whole process tree (the service and its analysis
process) is sampled every 10 seconds from /proc; at the end ``run`` gets SIGTERM and the
time it takes to exit is printed too.

Target (issue 8): peak RSS of ``run`` with 500 sources ≤ 300 MB; (issue 18, --mix) ≤ 250 MB
for both processes together.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
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


def role(pid: int) -> str:
    """What a process of the tree is: the service, its analysis process, or multiprocessing's resource tracker."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            argv = handle.read().decode(errors="replace")
    except OSError:
        return "gone"
    if "resource_tracker" in argv:
        return "resource tracker"
    return "analysis" if "multiprocessing" in argv else "service"


def baseline_mb(code: str) -> float:
    """VmHWM of a fresh interpreter running ``code`` (the floor under a process that does that)."""
    probe = f"{code}\nprint(next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')).split()[1])"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


BASELINES = {
    "bare python": "pass",
    "python + the service's imports": "import bot.entry.cli, bot.entry.service, bot.app.pipeline, bot.edges.analysis_process",
    "python + the analysis, models loaded": "from bot.edges.analysis_process import AnalysisProcess, analyze_batch\n"
    "from bot.edges.analysis_process import _SAMPLE_RU, _SAMPLE_EN\n"
    "analyze_batch([('', _SAMPLE_RU, 'ru'), ('', _SAMPLE_EN, 'en')], None)",
}


def polled(db: Path) -> int:
    """Sources polled at least once so far (0 before the service has created its database)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(
                connection.execute("SELECT count(*) FROM sources WHERE last_polled_at IS NOT NULL").fetchone()[0]
            )
    except sqlite3.Error:
        return 0


def first_cycle(args: argparse.Namespace) -> int:
    """``run`` on the --mix feeds until every source was polled once; peak RSS per process."""
    bases = {name: baseline_mb(code) for name, code in BASELINES.items()}
    server = ServerProcess(feeds=args.sources, items=30, arrest_share=0.05, hosts=args.hosts, syndicated=0.6, mix=1)
    print(f"run_rss --mix: `python -m bot run`, {args.sources} sources of the regional mix × 30 new items", flush=True)
    try:
        with tempfile.TemporaryDirectory(prefix="arrestwatch-run-") as folder:
            sources, db = Path(folder) / "sources.toml", Path(folder) / "db.sqlite3"
            sources.write_text(sources_toml(args.sources, server.port, args.hosts, interval="1h", mix=True))
            env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}  # console mode
            env["PYTHONPATH"] = str(ROOT)
            argv = [sys.executable, "-m", "bot", "--sources", str(sources), "--db", str(db), "--log-level", "WARNING"]
            with open(Path(folder) / "out.txt", "w", encoding="utf-8") as out:
                process = subprocess.Popen([*argv, "run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.DEVNULL)
                started, peaks = time.monotonic(), {}
                while process.poll() is None and polled(db) < args.sources and time.monotonic() - started < 1800:
                    time.sleep(1)
                    for pid in tree(process.pid):
                        peaks[(pid, role(pid))] = max(peaks.get((pid, role(pid)), 0.0), peak_mb(pid))
                cycle, done = time.monotonic() - started, polled(db)
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=120)
            posts = (Path(folder) / "out.txt").read_text(encoding="utf-8").count("🚨")
    finally:
        server.close()
    print("baseline (same run): " + "; ".join(f"{name} {mb:.0f} MB" for name, mb in bases.items()))
    by_role: dict[str, float] = {}
    for (_, name), mb in peaks.items():
        by_role[name] = by_role.get(name, 0.0) + mb
    both = by_role.get("service", 0.0) + by_role.get("analysis", 0.0)
    print(
        f"first full cycle ({done} of {args.sources} sources) in {cycle:.0f} s, "
        f"{posts} alerts printed; peak RSS (VmHWM): "
        + ", ".join(f"{name} {mb:.0f} MB" for name, mb in sorted(by_role.items()))
        + f"; service + analysis {both:.0f} MB (target ≤ 250)"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--interval", default="30s", help="the sources' poll interval (default 30s)")
    parser.add_argument("--hosts", type=int, default=32)
    parser.add_argument("--mix", action="store_true", help="the regional mix; stop after the first full cycle")
    args = parser.parse_args()
    if args.mix:
        return first_cycle(args)

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
