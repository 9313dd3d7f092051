"""Benchmark of the PDF reader: median time to load each PDF draft, and how much of it is pypdf's text extraction.

Run: python benchmarks/bench_pdf.py [FILES...] [--runs N] [--extractors]
(default files: the PDFs of the corpus, ``../shared/corpus/eu-ai-act-formats/*.pdf``, or the fixture PDFs when the
corpus is absent).

For each file it prints the size, the page count, the median, min and max time of ``treatydiff.load.load`` over
N runs, and the extractor's share: the time spent inside pypdf (opening the file and ``page.extract_text`` with
the reader's text visitor) against the rest (building lines, columns, footnotes, the shared normaliser and the
structure parser).

``--extractors`` also times the candidate extractors on the same files, once each, with the characters they
return: pypdf ``extract_text()`` (plain), pypdf ``extract_text(extraction_mode="layout")``, pypdf with the
reader's visitors (runs and operators: what reading strike-through needs), and, when they are installed,
pdfplumber (text; characters and rectangles) and pypdfium2 (characters with their boxes, and the paths). That is
the measurement behind the choice of pypdf (see the docstring of ``treatydiff/load/pdf.py``).
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

    def pypdf_marks() -> int:
        """What the reader asks of pypdf: every run of text and every operator (the paths that strike or
        underline), through the visitors."""
        count = [0]

        def text(chars: str, *_: Any) -> None:
            count[0] += len(chars)

        for page in PdfReader(path).pages:
            page.extract_text(visitor_text=text, visitor_operand_before=lambda *_: None)
        return count[0]

    candidates: list[tuple[str, Callable[[], int]]] = [
        ("pypdf plain", pypdf_plain), ("pypdf layout", pypdf_layout), ("pypdf runs+ops", pypdf_marks),
    ]
    try:
        import pdfplumber

        def plumber() -> int:
            with pdfplumber.open(path) as document:
                return sum(len(p.extract_text() or "") for p in document.pages)

        def plumber_marks() -> int:
            count = 0
            with pdfplumber.open(path) as document:
                for page in document.pages:
                    count += len(page.chars)
                    _ = page.rects, page.lines  # (worked out when asked: the strikes and underlines)
            return count

        candidates += [("pdfplumber", plumber), ("pdfplumber chars+rects", plumber_marks)]
    except ImportError:
        print("    (pdfplumber not installed: pip install pdfplumber to time it too)")
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium_raw

        def pdfium_marks() -> int:
            """What a reader of marks would ask of PDFium: each character with its box, and the paths."""
            document = pypdfium2.PdfDocument(str(path))
            count = 0
            for page in document:
                textpage = page.get_textpage()
                count += textpage.count_chars()
                for k in range(textpage.count_chars()):
                    textpage.get_charbox(k)
                for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH]):
                    obj.get_bounds()
            return count

        candidates.append(("pypdfium2 chars+boxes+paths", pdfium_marks))
    except ImportError:
        print("    (pypdfium2 not installed: pip install pypdfium2 to time it too)")
    for name, run in candidates:
        start = time.perf_counter()
        chars = run()
        print(f"    {name:28} {time.perf_counter() - start:7.2f}s  {chars:8d} characters")


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
