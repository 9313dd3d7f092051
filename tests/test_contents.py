"""A draft's own table of contents: one contents node, never its structure, whatever the format and language."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.compare import compare
from treatydiff.load import contents, load
from treatydiff.model import Draft, Kind, Node, Outcome

BODY = """\
PREAMBLE

The States Parties to this Convention,

Have agreed as follows:

PART I
GENERAL PROVISIONS

Article 1
Use of terms

For the purposes of this Convention, "vessel" means any ship.

Article 2
Scope

This Convention applies to all vessels.

PART II
FINAL PROVISIONS

Article 3
Entry into force

This Convention shall enter into force on the thirtieth day after the deposit.

ANNEX I
STATUTE OF THE TRIBUNAL

Article 1
Constitution

The Tribunal is constituted and shall function in accordance with this Statute.

Article 2
Composition

The Tribunal shall be composed of 21 members.
"""

LEADERS = """\
TABLE OF CONTENTS

Preamble .................................. 1
Part I. General provisions ................ 2
Article 1. Use of terms ................... 2
Article 2. Scope .......................... 3
Part II. Final provisions ................. 4
Article 3. Entry into force ............... 4
Annex I. Statute of the Tribunal .......... 5
Article 1. Constitution ................... 5
Article 2. Composition .................... 6

"""


def write(tmp_path: Path, text: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def contents_nodes(draft: Draft) -> list[Node]:
    return [n for n in draft.walk() if n.kind is Kind.CONTENTS]


def structure(draft: Draft) -> list[tuple[str, str]]:
    """Every article, annex and division, with its number, in document order (contents entries are blocks)."""
    kinds = {Kind.ARTICLE, Kind.ANNEX, Kind.PART, Kind.CHAPTER, Kind.DIVISION}
    return [(n.kind.value, n.label) for n in draft.walk() if n.kind in kinds]


EXPECTED = [
    ("part", "I"), ("article", "1"), ("article", "2"), ("part", "II"), ("article", "3"),
    ("annex", "I"), ("article", "1"), ("article", "2"),
]  # fmt: skip


def test_a_contents_with_dotted_leaders_is_one_node_and_the_body_is_read_in_full(tmp_path: Path) -> None:
    draft = load(write(tmp_path, "CONVENTION ON VESSELS\n\n" + LEADERS + BODY))
    assert structure(draft) == EXPECTED
    (node,) = contents_nodes(draft)
    assert node.title == "TABLE OF CONTENTS"
    assert [c.text for c in node.children][:3] == ["Preamble", "Part I. General provisions", "Article 1. Use of terms"]
    assert len(node.children) == 9  # leaders and page numbers cut off, every entry kept
    assert any("table of contents" in str(w) for w in draft.warnings)
    assert len(draft.nodes) != 2 or draft.nodes[0].kind is not Kind.TEXT  # the repeated numbers split no text
    assert draft.counts()["articles"] == 3


def test_a_contents_after_its_heading_with_page_numbers_and_no_leaders(tmp_path: Path) -> None:
    listing = "CONTENTS\nArticle 1 Use of terms 2\nArticle 2 Scope 3\nArticle 3 Entry into force 4\nAnnex I Statute 5\n\n"
    draft = load(write(tmp_path, listing + BODY))
    assert structure(draft) == EXPECTED
    (node,) = contents_nodes(draft)
    assert [c.text for c in node.children] == ["Article 1 Use of terms", "Article 2 Scope",
                                               "Article 3 Entry into force", "Annex I Statute"]


def test_headings_that_appear_twice_in_a_row_are_a_contents_and_the_articles_are_not_doubled(tmp_path: Path) -> None:
    listed = "".join(f"## Article {n} {title}\n" for n, title in ((1, "Use of terms"), (2, "Scope"), (3, "Entry")))
    text = "# Convention\n\n" + listed + "\n" + "".join(
        f"## Article {n} {title}\n\nThe text of article {n} applies.\n\n"
        for n, title in ((1, "Use of terms"), (2, "Scope"), (3, "Entry"))
    )
    draft = load(write(tmp_path, text, "draft.md"))
    assert [p.node.label for p in draft.articles()] == ["1", "2", "3"]
    assert all(p.node.children for p in draft.articles())
    assert len(contents_nodes(draft)) == 1


def test_nested_headings_with_nothing_between_them_are_no_contents(tmp_path: Path) -> None:
    """ "CHAPTER II", "Section 1", "Title 1", "Article 2" in a row open the body: their numbers come again in the
    next chapter, but a chain of nested headings lists nothing."""
    text = "".join(
        f"### CHAPTER {c}\n\n### SECTION 1\n\n### TITLE 1\n\n### Article {a}\n\nEach Party shall act {a}.\n\n"
        f"### Article {a + 1}\n\nEach Party may act {a}.\n\n"
        for c, a in (("I", 1), ("II", 3), ("III", 5))
    )
    draft = load(write(tmp_path, text, "draft.md"))
    assert not contents_nodes(draft)
    assert [p.node.label for p in draft.articles()] == [str(n) for n in range(1, 7)]


def test_a_title_line_called_contents_is_a_title(tmp_path: Path) -> None:
    text = "Article 1\nContents\n\nThe notification shall contain the name.\n\nArticle 2\nScope\n\nIt applies.\n"
    draft = load(write(tmp_path, text))
    assert not contents_nodes(draft)
    assert [(p.node.label, p.node.title) for p in draft.articles()] == [("1", "Contents"), ("2", "Scope")]


def test_a_draft_with_its_contents_compares_unchanged_with_the_same_draft_without(tmp_path: Path) -> None:
    old = load(write(tmp_path, BODY, "old.txt"))
    new = load(write(tmp_path, LEADERS + BODY, "new.txt"))
    comparison = compare(old, new)
    kept = [c for c in comparison.changes if any(p.node.kind in (Kind.ARTICLE, Kind.ANNEX)
                                                 for p in (*c.match.old, *c.match.new))]  # fmt: skip
    assert len(kept) == 6  # three articles, the annex and its own two
    assert {c.outcome for c in kept} == {Outcome.UNCHANGED}
    added = [c for c in comparison.changes if c.outcome is Outcome.ADDED]
    assert [p.node.kind for c in added for p in c.match.new] == [Kind.CONTENTS]


@pytest.mark.parametrize(
    ("heading", "article"),
    [
        ("Sommaire", "Article"),
        ("Table des matières", "Article"),
        ("Índice", "Artículo"),
        ("Inhaltsverzeichnis", "Artikel"),
        ("Inhoudsopgave", "Artikel"),
        ("Indice", "Articolo"),
    ],
)
def test_the_contents_heading_in_other_languages(tmp_path: Path, heading: str, article: str) -> None:
    listing = f"{heading}\n\n" + "".join(f"{article} {n} ........ {n + 1}\n" for n in (1, 2, 3)) + "\n"
    text = "".join(f"{article} {n}\n\nText {n} of the instrument.\n\n" for n in (1, 2, 3))
    draft = load(write(tmp_path, listing + text))
    assert [p.node.label for p in draft.articles()] == ["1", "2", "3"]
    (node,) = contents_nodes(draft)
    assert node.title == heading


@pytest.mark.parametrize(
    "text", ["TABLE OF CONTENTS", "Contents", "Содержание", "ОГЛАВЛЕНИЕ", "目录", "目 录", "المحتويات", "SOMMAIRE:"]
)
def test_contents_headings_are_recognised(text: str) -> None:
    assert contents.is_heading(text)


@pytest.mark.parametrize("text", ["Contents of the notification", "Table 1", "Content", "Index of names"])
def test_other_lines_are_no_contents_heading(text: str) -> None:
    assert not contents.is_heading(text)


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("Article 33. Contiguous zone ........ 31", "Article 33. Contiguous zone"),
        ("Article 33. Contiguous zone . . . . . . 31", "Article 33. Contiguous zone"),
        ("第一条 目的 …………… 1", "第一条 目的"),
        ("Annex VI ____________ xii", "Annex VI"),
    ],
)
def test_leaders_and_page_numbers_are_cut_off_an_entry(line: str, entry: str) -> None:
    assert contents.has_leader(line)
    assert contents.entry(line) == entry


def test_a_pdf_with_contents_pages_reads_the_body_as_the_structure(tmp_path: Path) -> None:
    from test_pdf import body, make_pdf

    listing = ["UNITED NATIONS CONVENTION ON VESSELS", "", "CONTENTS", ""]
    listing += [line for line in LEADERS.splitlines()[2:] if line]
    pages = [body(listing)]
    lines = BODY.splitlines()
    pages += [body(lines[: len(lines) // 2]), body(lines[len(lines) // 2 :], top=700)]
    path = tmp_path / "convention.pdf"
    path.write_bytes(make_pdf(pages))
    draft = load(path)
    assert structure(draft) == EXPECTED
    (node,) = contents_nodes(draft)
    assert len(node.children) == 9
