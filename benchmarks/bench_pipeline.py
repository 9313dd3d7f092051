"""Benchmark of the whole pipeline as a user runs it: load + compare + JSON on the largest inputs, ``history``,
start-up, and peak memory on pathological inputs; each against ``git diff --no-index --word-diff`` in the same run.

Run: python benchmarks/bench_pipeline.py [--runs 5] [--cases aiact,aiact-text,v08,pdf,gen2000,gen20000,history]
                                          [--startup-runs 20] [--no-memory]

For each case (skipped with a message when its corpus files are absent):

- ``in-process``: load both drafts + ``compare()`` + render the JSON report, in this interpreter after one warm-up
  run (imports warm), in one process (``jobs=1``, the API's default: the CLI's second process is in the CLI
  column); wall-clock median, min and max over ``--runs`` runs, and the median CPU time of this process over the
  same runs (``time.process_time``: less sensitive to other processes on a busy machine);
- ``CLI``: ``treatydiff compare OLD NEW -f json -o report.json`` (``history D1 … Dn`` for the history case; the
  report in a temporary folder) as a subprocess: interpreter start, imports, the same work and the writing;
  median over the same number of runs; ``MB``: the peak memory (``ru_maxrss``) of one more CLI run, in a fresh
  interpreter of its own that reads it with ``getrusage(RUSAGE_CHILDREN)``;
- ``git``: ``git diff --no-index --word-diff`` on the same files (a subprocess too), median, and the ratio of the
  CLI median to it.

Cases: ``aiact`` AI Act v01 (Commission proposal) -> v10 (Council general approach), Markdown; ``aiact-text`` the
same pair in the terminal format written to a file (``-o report.txt``: plain text); ``v08`` the largest
draft (v08, 366 KB) against v09; ``pdf`` the v01 and v10 PDFs of ``eu-ai-act-formats``; ``gen2000`` and
``gen20000`` the synthetic pairs of ``generate.make_pair(n, 1)`` written to a temporary folder as Markdown
(``gen20000`` runs at most 3 times); ``history`` the ten AI Act drafts.

Then the start-up time of ``treatydiff --version`` (the console script next to this interpreter; median of
``--startup-runs`` runs), and the peak memory (``ru_maxrss``) of one comparison of each pathological input, each in
a fresh interpreter whose own parent reads it with ``getrusage(RUSAGE_CHILDREN)`` (so one case's peak never hides
another's): 50,000 tiny articles ("The Parties shall act N.") against the same with "promptly" added, and two
different generated drafts of 5,000 articles (no text in common). Their time and the comparison's warnings are
printed with them.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CORPUS = ROOT.parent / "shared" / "corpus"
DRAFTS = CORPUS / "eu-ai-act-council-drafts"
FORMATS = CORPUS / "eu-ai-act-formats"
ALL_CASES = "aiact,aiact-text,v08,pdf,gen2000,gen20000,history"


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("treatydiff")
    return [str(script)] if script.exists() else [sys.executable, "-m", "treatydiff"]


def one(pattern: str, folder: Path) -> Path | None:
    found = sorted(folder.glob(pattern))
    return found[0] if found else None


def timed(func: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``runs`` calls."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        func()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return wall, cpu


def run(args: list[str]) -> Callable[[], object]:
    def call() -> object:
        return subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)

    return call


def git_word_diff(old: Path, new: Path) -> Callable[[], object] | None:
    git = shutil.which("git")
    if git is None:
        return None
    cmd = [git, "diff", "--no-index", "--word-diff", "--no-color", str(old), str(new)]
    return lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fmt(times: list[float]) -> str:
    return f"{statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}"


HEADER = (f"{'case':<34} {'median':>8} {'min':>8} {'max':>8} {'cpu':>7}   {'CLI':>7} {'MB':>5}   {'git':>6} "
          f"{'CLI/git':>8}")


def peak_mb(args: list[str]) -> float:
    """The peak memory of one run of ``args``, measured by a fresh interpreter that only runs it."""
    out = subprocess.run([sys.executable, __file__, "--peak", *args], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def peak_child(args: list[str]) -> None:
    """Run ``args`` and print their peak memory in MB (this interpreter's children: only them)."""
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")


def bench_pair(name: str, old: Path, new: Path, runs: int, out_dir: Path, history_files: list[Path] | None = None,
               text_file: Path | None = None) -> None:
    """One row: the pipeline in-process, the CLI, git. With ``text_file``, the terminal format written to that file
    (``-o FILE.txt``: plain text, 100 columns) instead of the JSON."""
    from treatydiff.compare import compare
    from treatydiff.load import load
    from treatydiff.render import render_comparison, render_history

    if history_files is not None:
        from treatydiff.history import history, load_drafts

        def whole() -> object:
            return render_history(history(load_drafts(history_files, jobs=1)), "json")

        cli_args = [*console_script(), "history", *map(str, history_files), "-f", "json", "-o",
                    str(out_dir / "history.json")]
    else:

        fmt_name = "terminal" if text_file is not None else "json"

        def whole() -> object:
            return render_comparison(compare(load(old), load(new)), fmt_name)

        target = str(text_file) if text_file is not None else str(out_dir / "report.json")
        cli_args = [*console_script(), "compare", str(old), str(new), "-f", fmt_name, "-o", target]
    cli = run(cli_args)
    whole()  # warm-up: imports, caches of the regular expressions
    wall, cpu = timed(whole, runs)
    cli_wall, _ = timed(cli, runs)
    mb = peak_mb(cli_args)
    git = git_word_diff(old, new)
    git_note = ""
    if git is not None:
        git_wall, _ = timed(git, runs)
        git_med = statistics.median(git_wall)
        git_note = f"{git_med:6.3f} {statistics.median(cli_wall) / git_med:7.1f}x"
    print(f"{name:<34} {fmt(wall)} {statistics.median(cpu):7.3f}   {statistics.median(cli_wall):7.3f} {mb:5.0f}   "
          f"{git_note}", flush=True)


def write_pair(folder: Path, n: int) -> tuple[Path, Path]:
    from generate import make_pair

    old_md, new_md, _ = make_pair(n, 1)
    old, new = folder / f"gen{n}-old.md", folder / f"gen{n}-new.md"
    old.write_text(old_md, encoding="utf-8")
    new.write_text(new_md, encoding="utf-8")
    return old, new


def startup(runs: int) -> None:
    """``treatydiff --version`` against ``python -c pass``, the two runs interleaved (the ratio is the figure that
    survives a busy machine)."""
    version, bare = run([*console_script(), "--version"]), run([sys.executable, "-c", "pass"])
    version(), bare()
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(runs):
        ours += timed(version, 1)[0]
        baseline += timed(bare, 1)[0]
    ratio = statistics.median(ours) / statistics.median(baseline)
    print(f"\n{'treatydiff --version (console script)':<34} {fmt(ours)}   ({runs} runs; "
          f"python -c pass {statistics.median(baseline):.3f}, {ratio:.2f}x)")


# --- peak memory of the pathological inputs ---------------------------------------------------------------------


def pathological(case: str) -> tuple[str, str]:
    if case == "tiny50000":
        n = 50_000
        old = "".join(f"### Article {i}\n\nThe Parties shall act {i}.\n\n" for i in range(1, n + 1))
        new = "".join(f"### Article {i}\n\nThe Parties shall act {i} promptly.\n\n" for i in range(1, n + 1))
        return old, new
    from generate import make_pair

    return make_pair(5000, 1)[0], make_pair(5000, 2)[0]


def child(case: str) -> None:
    """One comparison of a pathological input (this interpreter is measured by its parent)."""
    from treatydiff.compare import compare
    from treatydiff.load import load_text

    old, new = pathological(case)
    start = time.perf_counter()
    comparison = compare(load_text(old, format="md"), load_text(new, format="md"))
    print(f"{time.perf_counter() - start:.2f} {len(comparison.changes)} {len(comparison.warnings)}")
    for warning in comparison.warnings:
        print(f"warning: {warning}")


def measure(case: str) -> None:
    """Run ``child(case)`` in a fresh interpreter and print its output and its peak RSS."""
    out = subprocess.run([sys.executable, __file__, "--child", case], check=True, capture_output=True, text=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(f"{peak:.0f} {out.stdout}", end="")


def memory() -> None:
    print("\nPathological inputs, one fresh interpreter each (load + compare; imports included in the peak)")
    labels = {"tiny50000": "50,000 tiny articles, each edited", "nocommon5000": "5,000 vs 5,000, no text in common"}
    for case, label in labels.items():
        out = subprocess.run([sys.executable, __file__, "--measure", case], check=True, capture_output=True,
                             text=True).stdout.splitlines()
        peak, seconds, changes, warnings = out[0].split()
        print(f"  {label:<36} {float(seconds):7.2f} s  peak {peak:>4} MB  {changes} changes, {warnings} warnings")
        for line in out[1:]:
            print(f"      {line}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] in ("--child", "--measure"):
        (child if sys.argv[1] == "--child" else measure)(sys.argv[2])
        return
    if len(sys.argv) > 2 and sys.argv[1] == "--peak":
        peak_child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5; gen20000: at most 3)")
    parser.add_argument("--cases", default=ALL_CASES, help=f"comma-separated, any of {ALL_CASES}")
    parser.add_argument("--startup-runs", type=int, default=20, help="runs of treatydiff --version (default 20)")
    parser.add_argument("--no-memory", action="store_true", help="skip the pathological inputs")
    args = parser.parse_args()
    cases = [c for c in args.cases.replace(" ", "").split(",") if c]
    print(f"Whole pipeline, seconds ({args.runs} runs; in-process after a warm-up; CLI and git as subprocesses)\n")
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            if case in ("aiact", "aiact-text"):
                old, new = one("v01-*.md", DRAFTS), one("v10-*.md", DRAFTS)
            elif case == "v08":
                old, new = one("v08-*.md", DRAFTS), one("v09-*.md", DRAFTS)
            elif case == "pdf":
                old, new = one("v01-*proposal.pdf", FORMATS), one("v10-*.pdf", FORMATS)
            elif case.startswith("gen"):
                old, new = write_pair(Path(tmp), int(case[3:]))
            elif case == "history":
                files = sorted(DRAFTS.glob("v*.md"))
                if len(files) < 2:
                    print(f"{case:<34} skipped: {DRAFTS} not found")
                    continue
                bench_pair(f"history ({len(files)} AI Act drafts)", files[0], files[-1], args.runs, Path(tmp), files)
                continue
            else:
                parser.error(f"unknown case {case!r}")
            if old is None or new is None:
                print(f"{case:<34} skipped: corpus files not found")
                continue
            runs = min(args.runs, 3) if case == "gen20000" else args.runs
            label = f"{case}: {old.stat().st_size // 1024}K -> {new.stat().st_size // 1024}K"
            text = Path(tmp) / "report.txt" if case == "aiact-text" else None
            bench_pair(label, old, new, runs, Path(tmp), text_file=text)
    print("\n(history: git is the first and last draft only, a scale for the reader)" if "history" in cases else "")
    startup(args.startup_runs)
    if not args.no_memory:
        memory()
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{os.cpu_count()} cores, {cpu}, Python {platform.python_version()} "
          f"({platform.python_implementation()}); load average {load}")


if __name__ == "__main__":
    main()
