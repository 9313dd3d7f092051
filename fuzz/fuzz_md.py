"""Fuzz the md reader through the whole load pipeline: Draft or LoadError, nothing else.

    python fuzz/fuzz_md.py -max_total_time=600 -timeout=10 fuzz/corpus/md
"""

from __future__ import annotations

import sys

import _harness

_harness.instrumented()


def test_one(data: bytes) -> None:
    _harness.check(lambda: _harness.load_bytes("md", data), data)


if __name__ == "__main__":
    _harness.main(test_one, sys.argv)
