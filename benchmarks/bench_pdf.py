"""Benchmark of the PDF reader: median time to load each PDF draft, against PDFium's bare text extraction.

Run: python benchmarks/bench_pdf.py [FILES...] [--runs N] [--extractors]
(default files: the PDFs of the corpus, ``../shared/corpus/eu-ai-act-formats/*.pdf``, or the fixture PDFs when the
corpus is absent). The figure of issue 15: ``python benchmarks/bench_pdf.py
../shared/corpus/eu-ai-act-formats/v01-2021-04-21-COM-2021-206-proposal.pdf`` (target: median <= 0.5 s).

For each file it prints the size, the page count, the median, min and max time of ``treatydiff.load.load`` over
N runs, the share of it spent reading the file (pypdf's structure checks, ``_open``, and PDFium's pages with the
reader's calls, ``_runs``) against the rest (lines, columns, footnotes, the shared normaliser and the structure
parser); then, in the same run, the median of the baseline: pypdfium2 opening the file and calling
``get_text_range()`` on every page (the least any reader built on PDFium can do), and the load's ratio to it.

``--extractors`` also times the candidate extractors on the same files, once each, with the characters they
return: pypdf ``extract_text()`` (plain), pypdf ``extract_text(extraction_mode="layout")``, pypdf with the
visitors the reader used before issue 15 (runs and operators), pdfplumber when installed (text; characters and
rectangles), and pypdfium2 (bare text; every character with its box, and the paths). That is the measurement
behind the choice of PDFium (see the docstring of ``treatydiff/load/pdf.py``).
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
    """Total load times and, for each run, the time spent reading the file (pypdf's checks, PDFium's pages)."""
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

        candidates += [("pypdfium2 text", lambda: bare_pdfium(path)), ("pypdfium2 chars+boxes+paths", pdfium_marks)]
    except ImportError:
        print("    (pypdfium2 not installed: pip install pypdfium2 to time it too)")
    for name, run in candidates:
        start = time.perf_counter()
        chars = run()
        print(f"    {name:28} {time.perf_counter() - start:7.2f}s  {chars:8d} characters")


def bare_pdfium(path: Path) -> int:
    """The baseline: PDFium's text of every page, nothing else."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return sum(len(page.get_textpage().get_text_range()) for page in document)
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--extractors", action="store_true", help="also time pypdf, pdfplumber and pypdfium2 alone")
    args = parser.parse_args()
    from pypdf import PdfReader

    print(f"{'file':50} {'size':>7} {'pages':>5} {'median':>8} {'min':>8} {'max':>8} {'read':>5} {'rest':>5} "
          f"{'bare':>7} {'ratio':>6}")
    for path in args.files:
        load(path)  # warm imports
        totals, inside = load_timed(path, args.runs)
        median = statistics.median(totals)
        share = statistics.median(inside) / median if median else 0.0
        bare = []
        for _ in range(args.runs):
            start = time.perf_counter()
            bare_pdfium(path)
            bare.append(time.perf_counter() - start)
        base = statistics.median(bare)
        print(
            f"{path.name[:50]:50} {path.stat().st_size / 1024:6.0f}K {len(PdfReader(path).pages):5d} "
            f"{median:7.2f}s {min(totals):7.2f}s {max(totals):7.2f}s {share:5.0%} {1 - share:5.0%} "
            f"{base:6.2f}s {median / base if base else 0.0:5.1f}x"
        )
        if args.extractors:
            extractors(path)


if __name__ == "__main__":
    main()
