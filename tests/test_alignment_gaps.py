"""Alignment between neighbours matched in order (issue 16, ``align._fill_gaps``): an article rewritten around its
distinctive words, between two unchanged neighbours, is the same article modified, not removed and added; an
unrelated article in its place is still removed and added."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff import compare, load_text
from treatydiff.load import load
from treatydiff.model import Outcome

FIRST = "Article 1 Objective\n\nThe objective of this Convention is to protect coastal wetlands and their fisheries.\n\n"
LAST = "Article 3 Entry into force\n\nThis Convention shall enter into force on the ninetieth day after ratification.\n"
OLD = FIRST + ("Article 2 Wetland inventories\n\nEach Party shall prepare an inventory of saltmarshes, mangroves and "
               "seagrass meadows within its territory, map their extent and publish the inventory every five years.\n\n"
               ) + LAST


def outcome_of_article_2(new_middle: str) -> list[Outcome]:
    old = load_text(OLD, source="old.md", format="md")
    new = load_text(FIRST + new_middle + LAST, source="new.md", format="md")
    return [c.match.outcome for c in compare(old, new).changes
            if any(p.node.label == "2" for p in (*c.match.old, *c.match.new))]


def test_an_article_rewritten_around_its_words_between_unchanged_neighbours_is_modified() -> None:
    # the same subject and rare words (inventory, saltmarshes, mangroves, seagrass, map), few phrases in common
    rewritten = ("Article 2 Inventories of wetlands\n\nMangroves, saltmarshes and seagrass meadows in the territory "
                 "of a Party are mapped by it; it publishes an inventory of them, updated at least every five years.\n\n")
    assert outcome_of_article_2(rewritten) == [Outcome.MODIFIED]


def test_an_unrelated_article_in_its_place_is_removed_and_added() -> None:
    unrelated = ("Article 2 Secretariat\n\nA secretariat is established. Its functions are to arrange meetings of "
                 "the Conference of the Parties and to provide them with services as required.\n\n")
    assert sorted(outcome_of_article_2(unrelated)) == sorted([Outcome.REMOVED, Outcome.ADDED])


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_a_one_sentence_article_that_opens_its_grown_successor_in_place_keeps_it() -> None:
    # Italian Constitution 2012 -> 2016 reform, Article 70: its one sentence opens the new Article 70 of three
    # paragraphs, between unchanged neighbours; the merge rule, run before the gaps were read, folded it into 77
    old = load(CORPUS / "it-costituzione/v1-2012-04-20-in-force.md")
    new = load(CORPUS / "it-costituzione/v2-2016-01-20-proposal-boschi.md")
    shapes = {(tuple(p.node.label for p in c.match.old), tuple(p.node.label for p in c.match.new))
              for c in compare(old, new).changes}
    assert {(("70",), ("70",)), (("77",), ("77",))} <= shapes
