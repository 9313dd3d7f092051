"""Benchmark of ``treatydiff history`` over the ten AI Act drafts: parallel against sequential loading, and
the share of the time spent comparing.

Run: python benchmarks/bench_history.py [--runs 5] [--jobs N]

Prints a plain table (median, min and max over ``--runs`` runs, after one warm-up run):

1. ``treatydiff history v01..v10 -f json -o /dev/null`` as a user runs it (a subprocess: interpreter start and
   imports included), with the default ``--jobs`` (one process per core) and with ``--jobs 1``, run alternately.
2. In this process: loading the ten drafts in parallel (``load_drafts(..., jobs=N)``) and one after the other
   (``jobs=1``), run alternately; ``history()`` (the nine pairwise comparisons and the chaining); rendering
   the terminal report and the JSON. The compare share is ``history()`` over load (parallel) + ``history()``
   + the JSON.
3. The machine: cores, CPU, Python version, and the load average (busy cores make the parallel load slower).

Skipped with a message when ``../shared/corpus/eu-ai-act-council-drafts`` is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from treatydiff.history import History, history, load_drafts  # noqa: E402
from treatydiff.render import render_history  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-council-drafts"


def timed(func: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``func`` after one warm-up call."""
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def timed_pair(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Like ``timed`` for two functions, run alternately, so that a change in the machine's load (another
    process starting) weighs on both alike."""
    first()
    second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for func, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            func()
            out.append(time.perf_counter() - start)
    return times


def command(sources: list[Path], jobs: int | None) -> Callable[[], object]:
    treatydiff = Path(sys.executable).with_name("treatydiff")
    args = [str(treatydiff)] if treatydiff.exists() else [sys.executable, "-m", "treatydiff"]
    args += ["history", *map(str, sources), "-f", "json", "-o", os.devnull]
    if jobs is not None:
        args += ["--jobs", str(jobs)]

    def run() -> object:
        return subprocess.run(args, check=True, capture_output=True, cwd=ROOT)

    return run


def row(name: str, times: list[float], note: str = "") -> str:
    return (f"{name:<38} {statistics.median(times):>8.3f} {min(times):>8.3f} {max(times):>8.3f}  {note}").rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument("--jobs", type=int, default=None, help="processes for the parallel load (default: cores)")
    args = parser.parse_args()
    sources = sorted(CORPUS.glob("*.md"))
    if len(sources) != 10:
        print(f"skipped: {CORPUS} is absent (the ten AI Act drafts are needed)")
        return
    cores = os.cpu_count() or 1
    jobs = args.jobs or cores
    drafts = load_drafts(sources, jobs=1)
    result: list[History] = [history(drafts)]

    def whole() -> None:
        h = history(load_drafts(sources, jobs=jobs))
        render_history(h, "json")

    load_parallel, load_sequential = timed_pair(lambda: load_drafts(sources, jobs=jobs),
                                                lambda: load_drafts(sources, jobs=1), args.runs)
    compare_times = timed(lambda: result.__setitem__(0, history(drafts)), args.runs)
    console = Console(file=StringIO(), width=100, color_system=None)
    render_terminal = timed(lambda: render_history(result[0], "terminal", console=console), args.runs)
    render_json = timed(lambda: render_history(result[0], "json"), args.runs)
    in_process = timed(whole, args.runs)
    cli_default, cli_sequential = timed_pair(command(sources, None), command(sources, 1), args.runs)

    share = statistics.median(compare_times) / (
        statistics.median(load_parallel) + statistics.median(compare_times) + statistics.median(render_json))
    speedup = statistics.median(load_sequential) / statistics.median(load_parallel)
    h = result[0]
    print(f"treatydiff history: {len(sources)} AI Act drafts, {len(h.lineages)} lineages, {args.runs} runs "
          "(seconds)\n")
    print(f"{'figure':<38} {'median':>8} {'min':>8} {'max':>8}")
    print(row("command, default --jobs", cli_default, f"{cores} cores"))
    print(row("command, --jobs 1", cli_sequential,
              f"x{statistics.median(cli_sequential) / statistics.median(cli_default):.2f} of default"))
    print(row("in process: load + history + JSON", in_process))
    print(row(f"  load, parallel (jobs={jobs})", load_parallel, f"speed-up x{speedup:.2f} over sequential"))
    print(row("  load, sequential (jobs=1)", load_sequential))
    print(row("  history() (9 compares + chain)", compare_times, f"compare share {share:.0%}"))
    print(row("  render terminal (100 columns)", render_terminal))
    print(row("  render JSON", render_json))
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{cores} cores, {cpu}, Python {platform.python_version()} ({platform.python_implementation()}); "
          f"load average {load} (other processes take cores from the parallel load)")


if __name__ == "__main__":
    main()
