"""``treatydiff.sequence.longest_increasing``: a strictly increasing run, and none longer (checked against the
quadratic dynamic programme on random sequences)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from treatydiff.sequence import longest_increasing


def longest_length(keys: list[int]) -> int:
    best = [1] * len(keys)
    for j in range(len(keys)):
        for i in range(j):
            if keys[i] < keys[j]:
                best[j] = max(best[j], best[i] + 1)
    return max(best, default=0)


@given(st.lists(st.integers(0, 30), max_size=60))
def test_a_longest_strictly_increasing_run(keys: list[int]) -> None:
    run = longest_increasing(keys)
    assert run == sorted(set(run))  # positions, in order, each once
    assert all(keys[a] < keys[b] for a, b in pairwise(run))
    assert len(run) == longest_length(keys)


def test_examples() -> None:
    assert longest_increasing([3, 1, 2, 5, 4]) == [1, 2, 4]
    assert longest_increasing([]) == []
    assert longest_increasing([(2, 0), (1, 5), (1, 6)]) == [1, 2]
