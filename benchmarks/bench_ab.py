"""A/B benchmark: the AI Act v01 -> v10 comparison timed in this checkout and in another one (a baseline), runs
interleaved so that both see the same machine load.

Run: python benchmarks/bench_ab.py --baseline PATH [--runs 9] [--engine python] [--cli FORMAT]

PATH is another checkout of treatydiff (e.g. ``git worktree add /tmp/base <commit>``). Each run is a fresh
interpreter that imports treatydiff from one checkout, loads both drafts, compares them and renders the JSON
report (as ``compare -f json`` does), timing load + compare + render inside the process (start-up left out).
Prints the median, min and max of each side and the ratio of the medians (this checkout / baseline).
``--engine python`` makes this checkout use the pure-Python diff-match-patch even where the C++ one (the ``fast``
extra) is installed, as a default install does (a baseline from before the C++ engine always uses Python's).
``--cli FORMAT`` times the command instead, as a user runs it: ``treatydiff compare OLD NEW -f FORMAT -o FILE``
(the file in a temporary folder) in a fresh interpreter, start-up, imports and writing included, the wall clock
of the whole process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-council-drafts"
OLD = CORPUS / "v01-2021-04-21-AIA-COM-Proposal-21-April-21.md"
NEW = CORPUS / "v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md"

SNIPPET = """
import sys, time
sys.path.insert(0, {root!r})
from treatydiff.load import load
from treatydiff.compare import compare
from treatydiff.render import render_comparison
if {engine!r} == "python":
    import treatydiff.diff
    treatydiff.diff.ENGINE = "python"
start = time.perf_counter()
comparison = compare(load({old!r}), load({new!r}))
render_comparison(comparison, "json")
print(time.perf_counter() - start)
"""


CLI_SNIPPET = """
import sys
sys.path.insert(0, {root!r})
from treatydiff.__main__ import run
sys.argv = ["treatydiff", "compare", {old!r}, {new!r}, "-f", {format!r}, "-o", {target!r}]
run()
"""


def one(root: Path, engine: str = "default", cli: str | None = None) -> float:
    if cli is not None:
        with tempfile.TemporaryDirectory() as folder:
            code = CLI_SNIPPET.format(root=str(root), old=str(OLD), new=str(NEW), format=cli,
                                      target=str(Path(folder) / f"report.{cli}"))
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=root)
            return time.perf_counter() - start
    code = SNIPPET.format(root=str(root), old=str(OLD), new=str(NEW), engine=engine)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout of treatydiff")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--engine", choices=("default", "python"), default="default",
                        help="python: this checkout's redlines by the pure-Python diff-match-patch")
    parser.add_argument("--cli", metavar="FORMAT", help="time treatydiff compare -f FORMAT as a whole process")
    args = parser.parse_args()
    if not (OLD.exists() and NEW.exists()):
        print(f"skipped: the AI Act drafts are not under {CORPUS}")
        return 0
    this, base = [], []
    one(ROOT, args.engine, args.cli), one(args.baseline, cli=args.cli)  # warm the file cache
    for _ in range(args.runs):
        this.append(one(ROOT, args.engine, args.cli))
        base.append(one(args.baseline, cli=args.cli))
    for name, times in (("this checkout", this), (f"baseline {args.baseline}", base)):
        print(f"{name:<40} median {statistics.median(times):.3f} s  min {min(times):.3f}  max {max(times):.3f}")
    print(f"ratio of medians (this / baseline): {statistics.median(this) / statistics.median(base):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
