"""Benchmark of ``treatydiff history`` over the ten AI Act drafts: loads and comparisons in parallel processes
against all in one process, and what the processes cost in transfers.

Run: python benchmarks/bench_history.py [--runs 5] [--jobs N]

Prints a plain table (median, min and max of the wall clock over ``--runs`` runs, after one warm-up run, and the
median CPU time of the same runs, this process and its workers together; ``cores`` is CPU over wall):

1. ``treatydiff history v01..v10 -f json`` (the report through a pipe) as a user runs it (a subprocess: interpreter
   start and imports included), with the default ``--jobs`` (one process per core) and with ``--jobs 1``, run
   alternately.
2. In this process, run alternately: ``load_history(..., jobs=N)`` (loads and comparisons in one pool, each pair
   compared as soon as its two drafts are in) + the JSON, and the same with ``jobs=1`` (all in this process).
3. Its parts: loading the ten drafts in parallel (``load_drafts(..., jobs=N)``) and one after the other
   (``jobs=1``), run alternately; ``history()`` in this process (the nine pairwise comparisons and the
   chaining); rendering the terminal report and the JSON. The compare share is ``history()`` over load
   (sequential) + ``history()`` + the JSON: the share of the work the pool can spread beyond the loads.
4. What travels between the processes, each figure the sum over the ten drafts or the nine steps: a draft's
   pickle (written by the worker that loads it, read by the parent) and each step's Comparison as the workers
   send it (its drafts and their nodes as references), against the whole Comparison pickled as it is.
5. The machine: cores, CPU, Python version, and the load average (busy cores make the parallel runs slower).

Skipped with a message when ``../shared/corpus/eu-ai-act-council-drafts`` is absent.
"""

from __future__ import annotations

import argparse
import io
import os
import pickle
import platform
import resource
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

from treatydiff.history import (  # noqa: E402
    History,
    _Pickler,  # the transfers are the pool's own: measured with its own pickler and unpickler
    _Unpickler,
    history,
    load_drafts,
    load_history,
)
from treatydiff.model import Comparison, Draft, Node  # noqa: E402
from treatydiff.render import render_history  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-council-drafts"

#: (wall seconds, CPU seconds) of one run
Run = tuple[float, float]


def cpu_now() -> float:
    """CPU seconds of this process and of its children that have ended (workers, subprocesses)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def once(func: Callable[[], object]) -> Run:
    wall, cpu = time.perf_counter(), cpu_now()
    func()
    return time.perf_counter() - wall, cpu_now() - cpu


def timed(func: Callable[[], object], runs: int) -> list[Run]:
    """``runs`` runs of ``func`` after one warm-up call."""
    func()
    return [once(func) for _ in range(runs)]


def timed_pair(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[list[Run], list[Run]]:
    """Like ``timed`` for two functions, run alternately, so that a change in the machine's load (another
    process starting) weighs on both alike."""
    first()
    second()
    times: tuple[list[Run], list[Run]] = ([], [])
    for _ in range(runs):
        times[0].append(once(first))
        times[1].append(once(second))
    return times


def command(sources: list[Path], jobs: int | None) -> Callable[[], object]:
    treatydiff = Path(sys.executable).with_name("treatydiff")
    args = [str(treatydiff)] if treatydiff.exists() else [sys.executable, "-m", "treatydiff"]
    args += ["history", *map(str, sources), "-f", "json"]  # (the report on standard output, read by this process)
    if jobs is not None:
        args += ["--jobs", str(jobs)]

    def run() -> object:
        return subprocess.run(args, check=True, capture_output=True, cwd=ROOT)

    return run


def wall(runs: list[Run]) -> float:
    return statistics.median(w for w, _ in runs)


def row(name: str, runs: list[Run], note: str = "") -> str:
    walls = [w for w, _ in runs]
    cpu = statistics.median(c for _, c in runs)
    return (f"{name:<40} {statistics.median(walls):>7.3f} {min(walls):>7.3f} {max(walls):>7.3f} {cpu:>7.3f} "
            f"{cpu / statistics.median(walls):>5.2f}  {note}").rstrip()


def transfers(drafts: tuple[Draft, ...], result: History) -> list[str]:
    """Sizes and times of what the pool sends back: the drafts, and the steps with references or whole."""
    lines = []
    blobs = []
    start = time.perf_counter()
    for draft in drafts:
        blobs.append(pickle.dumps(draft, pickle.HIGHEST_PROTOCOL))
    dumped = time.perf_counter() - start
    start = time.perf_counter()
    for blob in blobs:
        pickle.loads(blob)
    loaded = time.perf_counter() - start
    lines.append(f"  drafts: {sum(map(len, blobs)) / 1e6:.1f} MB, written {dumped * 1000:.0f} ms, "
                 f"read {loaded * 1000:.0f} ms")
    nodes = [list(d.walk()) for d in drafts]
    by_reference = [0.0, 0.0, 0.0]
    whole = [0.0, 0.0, 0.0]
    for step in result.steps:
        comparison = step.comparison
        known: dict[int, tuple[int, int]] = {}
        for number in (step.index - 1, step.index):
            known[id(drafts[number])] = (number, -1)
            known.update((id(node), (number, k)) for k, node in enumerate(nodes[number]))
        start = time.perf_counter()
        buffer = io.BytesIO()
        _Pickler(buffer, known).dump(comparison)
        blob = buffer.getvalue()
        middle = time.perf_counter()

        def resolve(draft: int, position: int) -> Draft | Node:
            return drafts[draft] if position < 0 else nodes[draft][position]

        back: Comparison = _Unpickler(io.BytesIO(blob), resolve).load()
        end = time.perf_counter()
        assert back == comparison and back.old is comparison.old
        by_reference[0] += len(blob)
        by_reference[1] += middle - start
        by_reference[2] += end - middle
        start = time.perf_counter()
        blob = pickle.dumps(comparison, pickle.HIGHEST_PROTOCOL)
        middle = time.perf_counter()
        pickle.loads(blob)
        end = time.perf_counter()
        whole[0] += len(blob)
        whole[1] += middle - start
        whole[2] += end - middle
    for name, (size, dump, load) in (("steps, drafts as references", by_reference), ("steps, whole", whole)):
        lines.append(f"  {name}: {size / 1e6:.1f} MB, written {dump * 1000:.0f} ms, read {load * 1000:.0f} ms")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument("--jobs", type=int, default=None, help="processes of the pool (default: cores)")
    args = parser.parse_args()
    sources = sorted(CORPUS.glob("*.md"))
    if len(sources) != 10:
        print(f"skipped: {CORPUS} is absent (the ten AI Act drafts are needed)")
        return
    cores = os.cpu_count() or 1
    jobs = args.jobs or cores
    drafts = load_drafts(sources, jobs=1)
    result: list[History] = [history(drafts)]
    assert load_history(sources, jobs=jobs) == result[0], "the pool's History differs from the sequential one"

    cli_default, cli_sequential = timed_pair(command(sources, None), command(sources, 1), args.runs)
    in_pool, in_process = timed_pair(lambda: render_history(load_history(sources, jobs=jobs), "json"),
                                     lambda: render_history(load_history(sources, jobs=1), "json"), args.runs)
    load_parallel, load_sequential = timed_pair(lambda: load_drafts(sources, jobs=jobs),
                                                lambda: load_drafts(sources, jobs=1), args.runs)
    compare_times = timed(lambda: result.__setitem__(0, history(drafts)), args.runs)
    console = Console(file=StringIO(), width=100, color_system=None)
    render_terminal = timed(lambda: render_history(result[0], "terminal", console=console), args.runs)
    render_json = timed(lambda: render_history(result[0], "json"), args.runs)

    share = wall(compare_times) / (wall(load_sequential) + wall(compare_times) + wall(render_json))
    h = result[0]
    print(f"treatydiff history: {len(sources)} AI Act drafts, {len(h.lineages)} lineages, {args.runs} runs "
          "(seconds)\n")
    print(f"{'figure':<40} {'median':>7} {'min':>7} {'max':>7} {'cpu':>7} {'cores':>5}")
    print(row("command, default --jobs", cli_default, f"{cores} cores"))
    print(row("command, --jobs 1", cli_sequential, f"default is x{wall(cli_default) / wall(cli_sequential):.2f}"))
    print(row(f"in process: load_history(jobs={jobs}) + JSON", in_pool,
              f"x{wall(in_pool) / wall(in_process):.2f} of jobs=1"))
    print(row("in process: load_history(jobs=1) + JSON", in_process))
    print(row(f"  load, parallel (jobs={jobs})", load_parallel,
              f"speed-up x{wall(load_sequential) / wall(load_parallel):.2f} over sequential"))
    print(row("  load, sequential (jobs=1)", load_sequential))
    print(row("  history() (9 compares + chain)", compare_times, f"compare share {share:.0%}"))
    print(row("  render terminal (100 columns)", render_terminal))
    print(row("  render JSON", render_json))
    print("\nwhat the pool sends back (pickle, this process):")
    print("\n".join(transfers(drafts, h)))
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{cores} cores, {cpu}, Python {platform.python_version()} ({platform.python_implementation()}); "
          f"load average {load} (other processes take cores from the parallel runs)")


if __name__ == "__main__":
    main()
