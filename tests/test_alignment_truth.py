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


def test_a_larger_synthetic_pair_is_aligned_exactly() -> None:
    """2,000 articles: ten times more removed and inserted articles standing in the same place, where a rule that
    pairs an article on its place and a fifth of its words pairs unrelated texts."""
    result = bench_align.synthetic(2000, 1)
    assert (result.extra, result.missed) == ((), ())


def test_the_score_counts_a_wrong_relation_twice() -> None:
    """A relation the tool gives that the truth lacks costs precision, the one it lacks costs recall."""
    truth = {("1", "1"), ("2", "3"), (None, "2")}
    found = {("1", "1"), ("2", "2"), (None, "3")}
    result = bench_align.score("made up", truth, found)
    assert (result.right, result.precision, result.recall) == (1, 1 / 3, 1 / 3)
    assert result.extra == ((None, "3"), ("2", "2")) and result.missed == ((None, "2"), ("2", "3"))


def test_an_uncertain_row_missed_costs_the_sure_and_possible_score_nothing() -> None:
    """Scored as sure/possible links (Och and Ney): precision over all rows, recall over the sure ones only; the
    strict F1 still counts the uncertain row."""
    truth = {("1", "1"), ("2", "2"), ("2", "3")}
    found = {("1", "1"), ("2", "2")}
    result = bench_align.score("made up", truth, found, frozenset({("2", "3")}))
    assert result.f1 < 1.0 and result.f1_sure == 1.0
    found_wrong = {("1", "1"), ("2", "4")}
    result = bench_align.score("made up", truth, found_wrong, frozenset({("2", "3")}))
    assert result.f1_sure == 2 * 0.5 * 0.5 / (0.5 + 0.5)  # precision 1/2, recall 1 of the 2 sure rows


def test_the_gold_marks_its_uncertain_rows(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text("old\tnew\trelation\tevidence\n1\t1\tsame\tkept\n2\t3\tsplit\tuncertain: one sentence\n"
                    "\t4\tuncertain:added\tnew\n", encoding="utf-8")
    assert bench_align.gold_rows(gold) == {("1", "1"): False, ("2", "3"): True, (None, "4"): True}
