"""Benchmark: the load time of a marked-up PDF with revision marks read, against the same load with the marks
left unread (strike-through and underline bars not collected, no convention applied), runs interleaved so that
both see the same machine load.

Run: python benchmarks/bench_markup.py [--runs 5] [--file PDF]

Default file: the French presidency's compromise on Articles 8-15 of the AI Act (15 pages, marked up), under
../shared/corpus/eu-ai-act-marked-up/; ``--file`` names another (the 139-page Czech compromise takes about 14 s a
load). Prints the median, min and max of each side and the ratio of the medians (goal of issue 13: at most 1.5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from treatydiff.load import load  # noqa: E402
from treatydiff.load import pdf as pdf_reader  # noqa: E402
from treatydiff.model import LoadOptions  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-marked-up"
DEFAULT = CORPUS / "2022-01-13-FRA-compromise-Art-8-15-marked-up.pdf"


@contextmanager
def marks_unread() -> Iterator[None]:
    """The PDF reader as it would be without markup: no path operators followed, no bars matched to runs, no
    convention applied."""
    saved = pdf_reader._PATH_OPS, pdf_reader._PAINT_OPS, pdf_reader._marked, pdf_reader._convention
    pdf_reader._PATH_OPS = pdf_reader._PAINT_OPS = frozenset()
    pdf_reader._marked = lambda runs, bars: runs  # type: ignore[assignment]
    pdf_reader._convention = (  # type: ignore[assignment]
        lambda page_runs, tally: (pdf_reader.markup.Convention(), ()))
    try:
        yield
    finally:
        pdf_reader._PATH_OPS, pdf_reader._PAINT_OPS, pdf_reader._marked, pdf_reader._convention = saved


def timed(path: Path) -> float:
    start = time.perf_counter()
    load(path, LoadOptions())
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.file.exists():
        print(f"skipped: {args.file} not found")
        return 0
    timed(args.file)  # warm the file cache and the imports
    with_marks, without = [], []
    for _ in range(args.runs):
        with_marks.append(timed(args.file))
        with marks_unread():
            without.append(timed(args.file))
    for name, times in (("marks read", with_marks), ("marks unread", without)):
        print(f"{name:<14} median {statistics.median(times):.3f} s  min {min(times):.3f}  max {max(times):.3f}")
    print(f"ratio of medians (read / unread): {statistics.median(with_marks) / statistics.median(without):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
