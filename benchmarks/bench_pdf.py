"""Benchmark of the PDF reader: median time to load each PDF draft, and how much of it is pypdf's text extraction.

Run: python benchmarks/bench_pdf.py [FILES...] [--runs N] [--extractors]
(default files: the PDFs of the corpus, ``../shared/corpus/eu-ai-act-formats/*.pdf``, or the fixture PDFs when the
corpus is absent).

For each file it prints the size, the page count, the median, min and max time of ``treatydiff.load.load`` over
N runs, and the extractor's share: the time spent inside pypdf (opening the file and ``page.extract_text`` with
the reader's text visitor) against the rest (building lines, columns, footnotes, the shared normaliser and the
structure parser).

``--extractors`` also times the candidate extractors on the same files, once each, with the characters they
return: pypdf ``extract_text()`` (plain), pypdf ``extract_text(extraction_mode="layout")``, and pdfplumber
``page.extract_text()`` when pdfplumber is installed. That is the measurement behind the choice of pypdf (see the
docstring of ``treatydiff/load/pdf.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from treatydiff.load import load  # noqa: E402
from treatydiff.load import pdf as pdf_reader  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = sorted(CORPUS.glob("eu-ai-act-formats/*.pdf")) or sorted((ROOT / "fixtures").rglob("*.pdf"))


class Stopwatch:
    """Adds up the time spent in the wrapped functions."""

    def __init__(self) -> None:
        self.total = 0.0

    def wrap(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - start

        return timed


def load_timed(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Total load times and, for each run, the time inside pypdf."""
    watch = Stopwatch()
    original_open, original_runs = pdf_reader._open, pdf_reader._runs
    pdf_reader._open, pdf_reader._runs = watch.wrap(original_open), watch.wrap(original_runs)  # type: ignore[assignment]
    totals, inside = [], []
    try:
        for _ in range(runs):
            watch.total = 0.0
            start = time.perf_counter()
            load(path)
            totals.append(time.perf_counter() - start)
            inside.append(watch.total)
    finally:
        pdf_reader._open, pdf_reader._runs = original_open, original_runs  # type: ignore[assignment]
    return totals, inside


def extractors(path: Path) -> None:
    from pypdf import PdfReader

    def pypdf_plain() -> int:
        return sum(len(p.extract_text()) for p in PdfReader(path).pages)

    def pypdf_layout() -> int:
        return sum(len(p.extract_text(extraction_mode="layout")) for p in PdfReader(path).pages)

    candidates: list[tuple[str, Callable[[], int]]] = [("pypdf plain", pypdf_plain), ("pypdf layout", pypdf_layout)]
    try:
        import pdfplumber

        def plumber() -> int:
            with pdfplumber.open(path) as document:
                return sum(len(p.extract_text() or "") for p in document.pages)

        candidates.append(("pdfplumber", plumber))
    except ImportError:
        print("    (pdfplumber not installed: pip install pdfplumber to time it too)")
    for name, run in candidates:
        start = time.perf_counter()
        chars = run()
        print(f"    {name:14} {time.perf_counter() - start:7.2f}s  {chars:8d} characters")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--extractors", action="store_true", help="also time pypdf layout mode and pdfplumber")
    args = parser.parse_args()
    from pypdf import PdfReader

    print(f"{'file':58} {'size':>7} {'pages':>5} {'median':>8} {'min':>8} {'max':>8} {'pypdf':>6} {'rest':>6}")
    for path in args.files:
        load(path)  # warm imports
        totals, inside = load_timed(path, args.runs)
        median = statistics.median(totals)
        share = statistics.median(inside) / median if median else 0.0
        print(
            f"{path.name[:58]:58} {path.stat().st_size / 1024:6.0f}K {len(PdfReader(path).pages):5d} "
            f"{median:7.2f}s {min(totals):7.2f}s {max(totals):7.2f}s {share:6.0%} {1 - share:6.0%}"
        )
        if args.extractors:
            extractors(path)


if __name__ == "__main__":
    main()
