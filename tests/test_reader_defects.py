"""Loader defects found on real drafts (issue 15, item 7), each on a small text made for it."""

from __future__ import annotations

import pytest

from treatydiff.load import load_text
from treatydiff.model import Draft, Kind, Node


def articles(draft: Draft) -> list[Node]:
    return [p.node for p in draft.articles()]


def labels(draft: Draft) -> list[str]:
    return [a.label for a in articles(draft)]


def words(nodes: tuple[Node, ...]) -> list[str]:
    """Every word of the tree, each node's heading and text once."""
    out: list[str] = []
    for node in nodes:
        for n in node.walk():
            out += f"{n.label} {n.title} {n.text}".split()
    return out


# --- 1. an annex "number" is a numeral, never a word ("Annex of ...") ---------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Annex of Commission Recommendation (EU) 2023/2836 on the protection of minors",
        "Annex to Commission Recommendation (EU) 2023/2836",
        "Chapter of the Convention",
    ],
)
def test_a_word_after_annex_is_no_annex_number(line: str) -> None:
    text = f"Article 1\n\nText.\n\n{line}\n\nArticle 2\n\nMore text.\n\nArticle 3\n\nLast.\n"
    draft = load_text(text, format="txt")
    assert labels(draft) == ["1", "2", "3"]
    assert not any(draft.annexes())
    assert not [n for n in draft.walk() if n.kind is Kind.CHAPTER]


def test_an_upper_case_word_after_annex_is_no_number_either() -> None:
    draft = load_text("Article 1\n\nText.\n\nANNEX OF THE COMMISSION DECISION\n\nList.\n", format="txt")
    annex = next(draft.annexes()).node
    assert (annex.label, annex.title) == ("", "OF THE COMMISSION DECISION")


@pytest.mark.parametrize(
    ("heading", "label"),
    [("ANNEX I", "I"), ("Annex IV", "IV"), ("ANNEX A", "A"), ("Annex 2", "2"), ("Annex Ia", "Ia"),
     ("ANNEX IIIA", "IIIA"), ("Appendix B.1", "B.1"), ("Anhang EV", "EV"), ("CHAPTER 1A", "1A")],
)
def test_annex_numbers_still_read(heading: str, label: str) -> None:
    draft = load_text(f"Article 1\n\nText.\n\n{heading}\n\nList of things.\n", format="txt")
    assert [n.label for n in draft.walk() if n.kind in (Kind.ANNEX, Kind.CHAPTER)] == [label]


def test_a_word_of_roman_letters_is_no_chapter_number() -> None:
    draft = load_text("Article 1\n\nText.\n\nCHAPTER CIVIL MATTERS\n\nArticle 2\n\nText.\n", format="txt")
    chapter = next(n for n in draft.walk() if n.kind is Kind.CHAPTER)
    assert (chapter.label, chapter.title) == ("", "CIVIL MATTERS")
