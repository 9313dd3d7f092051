"""The alignment families of issue 16 on two small drafts made for them (``fixtures/alignment``, whose CASES.md gives
the answer, written with the drafts): a convention renumbered by an inserted article, and a criminal code."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.align import align
from treatydiff.load import load
from treatydiff.model import Match, Outcome

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "alignment"

Shape = tuple[str, tuple[str, ...], tuple[str, ...]]


def shapes(name: str) -> set[Shape]:
    matches = align(load(HERE / f"{name}-old.md"), load(HERE / f"{name}-new.md"))
    return {_shape(m) for m in matches}


def _shape(match: Match) -> Shape:
    return (match.outcome.value, tuple(p.node.label for p in match.old), tuple(p.node.label for p in match.new))


@pytest.fixture(scope="module")
def treaty() -> set[Shape]:
    return shapes("treaty")


@pytest.fixture(scope="module")
def code() -> set[Shape]:
    return shapes("code")


def pair(old: str, new: str) -> Shape:
    return (Outcome.MODIFIED.value, (old,), (new,))


def test_same_number_same_title_rewritten_is_the_same_article(treaty: set[Shape], code: set[Shape]) -> None:
    assert pair("1", "1") in treaty  # a purpose clause redrafted without a phrase in common
    assert pair("171", "171") in code
    assert pair("172", "172") in code  # the title grew ("Doppelehe; doppelte Lebenspartnerschaft")


def test_parallel_wording_does_not_take_an_article_from_its_successor(treaty: set[Shape]) -> None:
    assert pair("4", "5") in treaty
    assert ("added", (), ("13",)) in treaty


def test_an_article_kept_and_extended_keeps_its_successor(treaty: set[Shape], code: set[Shape]) -> None:
    assert pair("12", "8") in treaty  # and moved to another chapter
    assert pair("170", "170") in code


def test_articles_folded_into_another_are_merged(treaty: set[Shape]) -> None:
    assert ("merged", ("3", "6"), ("4",)) in treaty  # a one-sentence article became the last paragraph
    assert ("merged", ("9", "10"), ("10",)) in treaty  # two short articles, one new one


def test_a_stock_phrase_or_a_shared_formula_does_not_merge(treaty: set[Shape], code: set[Shape]) -> None:
    assert ("removed", ("17",), ()) in treaty
    assert pair("15", "16") in treaty
    assert ("removed", ("177",), ("177",)) in code  # marked "(weggefallen)"
    assert pair("178", "178") in code


def test_no_split_when_the_old_article_survives_whole(treaty: set[Shape]) -> None:
    assert pair("13", "12") in treaty
    assert ("added", (), ("14",)) in treaty


def test_a_reorganised_section_keeps_the_piece_with_its_number_and_core_offence(code: set[Shape]) -> None:
    assert ("split", ("176",), ("176", "176a")) in code
    assert {("added", (), ("176b",)), ("added", (), ("176c",))} <= code


def test_the_rest_is_matched_one_to_one(treaty: set[Shape]) -> None:
    one_to_one = [("5", "6"), ("7", "7"), ("8", "9"), ("11", "11"), ("14", "15"), ("16", "17"), ("18", "18"),
                  ("19", "19"), ("20", "20"), ("21", "21"), ("2", "2")]
    assert {pair(o, n) for o, n in one_to_one} <= treaty
    assert {s for s in treaty if s[0] == "added"} == {("added", (), (n,)) for n in ("3", "13", "14")}
    assert {s for s in treaty if s[0] == "removed"} == {("removed", ("17",), ())}


def test_a_deleted_section_is_not_said_to_live_on_elsewhere() -> None:
    matches = align(load(HERE / "code-old.md"), load(HERE / "code-new.md"))
    notes = {m.new[0].node.label: m.note for m in matches if m.new and m.new[0].node.deleted}
    assert notes == {"175": "marked [deleted] in the new draft", "177": "marked [deleted] in the new draft"}
