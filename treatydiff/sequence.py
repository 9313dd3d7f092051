"""Order in a sequence: one longest strictly increasing run (patience sorting, O(n log n)). The comparison reads it
for the units that moved (those off the run of old positions in new order), the Word report for the paragraphs that
stay in place."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TypeVar

K = TypeVar("K", int, tuple[int, ...])


def longest_increasing(keys: Sequence[K]) -> list[int]:
    """The positions in ``keys`` of one longest strictly increasing run, in order:
    ``longest_increasing([3, 1, 2, 5, 4]) == [1, 2, 4]`` (the values 1, 2, 4)."""
    tails: list[K] = []  # the smallest last key of an increasing run of each length
    at: list[int] = []  # the position of that key
    before = [-1] * len(keys)  # the position before each one on its run
    for k, key in enumerate(keys):
        pos = bisect.bisect_left(tails, key)
        if pos == len(tails):
            tails.append(key)
            at.append(k)
        else:
            tails[pos] = key
            at[pos] = k
        before[k] = at[pos - 1] if pos else -1
    out: list[int] = []
    k = at[-1] if at else -1
    while k >= 0:
        out.append(k)
        k = before[k]
    return out[::-1]
