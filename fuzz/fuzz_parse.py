"""Fuzz the shared normaliser and structure parser on fuzzed source lines, without any reader.

    python fuzz/fuzz_parse.py -max_total_time=600 -timeout=10 fuzz/corpus/parse

The input is UTF-8 text (bad bytes replaced), one SourceLine per line. A line that starts with ESC carries
the format hints in the next character's code point: bits 0-2 heading level (0-6), bit 3 emphasis,
bit 4 bullet, bit 5 page break. Leading spaces give the indent. So readers' hints (Markdown headings,
italic headings, list items, page breaks) are all reachable, and the seeds are readable text.
Runs ``normalise.strip_furniture``, ``normalise.units`` and ``parse.parse``, then builds a Draft.
"""

from __future__ import annotations

import sys

import _harness

_harness.instrumented()

from lineformat import build  # noqa: E402


def test_one(data: bytes) -> None:
    _harness.check(lambda: build(data), data)


if __name__ == "__main__":
    _harness.main(test_one, sys.argv)
