"""``compare A B`` is the mirror of ``compare B A`` (issue 14): the same pairs, added <-> removed,
split <-> merge, on real drafts of the shared corpus (skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.compare import compare
from treatydiff.load import load
from treatydiff.model import Comparison, Outcome

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")

MIRROR = {Outcome.ADDED: Outcome.REMOVED, Outcome.REMOVED: Outcome.ADDED,
          Outcome.SPLIT: Outcome.MERGED, Outcome.MERGED: Outcome.SPLIT}

Key = tuple[str, str, int]


def shape(comparison: Comparison, flip: bool) -> set[tuple[frozenset[Key], frozenset[Key], str]]:
    """Every change as (old provisions, new provisions, outcome), the sides and outcome swapped with ``flip``.
    Provisions by kind, number and line; "unchanged", "modified", "renumbered" and "moved" are one kind of
    pair here (which of them a pair is may depend on the direction: a move is judged by the new chapters)."""
    out = set()
    for change in comparison.changes:
        old = frozenset((p.node.kind.value, p.node.label, p.node.line) for p in change.match.old)
        new = frozenset((p.node.kind.value, p.node.label, p.node.line) for p in change.match.new)
        outcome = change.outcome
        if flip:
            old, new, outcome = new, old, MIRROR.get(outcome, outcome)
        out.add((old, new, outcome.value if outcome in MIRROR else "pair"))
    return out


PAIRS = [
    # an article that became "(weggefallen)" was paired one way and "placeholder dropped" + added the other
    pytest.param("de-grundgesetz/v2-2012-08-06.md", "de-grundgesetz/v3-2018-11-08.md", id="grundgesetz-2012-2018"),
    pytest.param("de-grundgesetz/v1-2012-08-02.md", "de-grundgesetz/v2-2012-08-06.md", id="grundgesetz-2012"),
    pytest.param("fr-constitution-1958/v1-1958-10-04.md", "fr-constitution-1958/v2-2000-10-03.md", id="fr-1958-2000"),
    pytest.param("nl-grondwet/v1-2008-07-15.md", "nl-grondwet/v2-2013-11-28.md", id="nl-2008-2013"),
    pytest.param("it-costituzione/v1-2012-04-20-in-force.md", "it-costituzione/v2-2016-01-20-proposal-boschi.md",
                 id="it-2012-2016"),
    # Article 47 split into 47 and 47-2 (the Cour des comptes paragraph): the paragraph stage reads both ways, so
    # the reverse comparison merges them (this pair did not mirror before issue 16)
    pytest.param("fr-constitution-1958/v2-2000-10-03.md", "fr-constitution-1958/v3-2008-07-25.md", id="fr-2000-2008"),
    # Articles 32 and 116 split (into 32\u00b9, 116\u00b9) mirror now; the merge of 138 and 139 found by
    # ``align._splits_and_merges`` (a merge asks less than a split) is a split of 139 the other way. Strict: it
    # fails as soon as the pair mirrors.
    pytest.param("ru-konstitutsiya-belarus/v3-2004-10-17.txt", "ru-konstitutsiya-belarus/v4-2021-07-16-draft-rc1.txt",
                 id="by-2004-2021", marks=pytest.mark.xfail(strict=True, reason="merge rule asks less than split")),
    pytest.param("eu-dsa/v1-2020-12-15-COM-2020-825-proposal.xhtml",
                 "eu-dsa/v3-2022-10-19-Regulation-2022-2065-formex.xml", id="dsa-proposal-regulation"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_compare_b_a_is_the_mirror_of_compare_a_b(old: str, new: str) -> None:
    a, b = load(CORPUS / old), load(CORPUS / new)
    forward, backward = shape(compare(a, b), flip=False), shape(compare(b, a), flip=True)
    assert sorted(forward - backward, key=str)[:5] == sorted(backward - forward, key=str)[:5] == []
