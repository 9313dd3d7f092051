"""The aligner against planted truth (issue 16): synthetic pairs from ``benchmarks/generate.py`` (renumbering,
moves to another chapter, splits, merges, insertions, removals, word edits) are aligned exactly, relation by
relation, as ``benchmarks/bench_align.py`` scores them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_align  # noqa: E402


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_synthetic_pairs_are_aligned_exactly(seed: int) -> None:
    result = bench_align.synthetic(200, seed)
    assert result.truth > 200  # every article of both drafts is in the truth
    assert (result.extra, result.missed) == ((), ())


def test_the_score_counts_a_wrong_relation_twice() -> None:
    """A relation the tool gives that the truth lacks costs precision, the one it lacks costs recall."""
    truth = {("1", "1"), ("2", "3"), (None, "2")}
    found = {("1", "1"), ("2", "2"), (None, "3")}
    result = bench_align.score("made up", truth, found)
    assert (result.right, result.precision, result.recall) == (1, 1 / 3, 1 / 3)
    assert result.extra == ((None, "3"), ("2", "2")) and result.missed == ((None, "2"), ("2", "3"))
