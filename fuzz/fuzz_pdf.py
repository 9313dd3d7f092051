"""Fuzz the PDF reader through the whole load pipeline: Draft or LoadError, nothing else.

    python fuzz/fuzz_pdf.py -max_total_time=600 -timeout=10 fuzz/corpus/pdf

pypdf is instrumented too, so coverage inside the PDF parser guides the search. The seeds (``build_seeds.py``)
are one-page PDFs with uncompressed content streams, so byte mutations reach text operators, fonts and
positions rather than only breaking a Flate stream.
"""

from __future__ import annotations

import sys

import _harness

_harness.instrumented("pypdf")


def test_one(data: bytes) -> None:
    _harness.check(lambda: _harness.load_bytes("pdf", data), data)


if __name__ == "__main__":
    _harness.main(test_one, sys.argv)
