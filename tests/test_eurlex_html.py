"""EUR-Lex and Official Journal (X)HTML (issue 15): dash lists, numbered cells, and the Journal's page furniture,
each on a small page written here; then the real pages of ../shared/corpus, where present."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.load import load, load_text
from treatydiff.load.html import read_lines
from treatydiff.model import Draft, Kind, Node

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def page(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body>{body}</body></html>'


def row(*cells: str) -> str:
    """One Official Journal list table: a row of cells, each a paragraph (or the markup given)."""
    tds = "".join(f'<td valign="top">{c if c.startswith("<") else f"<p class=oj-normal>{c}</p>"}</td>' for c in cells)
    return f'<table width="100%" border="0"><col width="4%"/><col width="96%"/><tbody><tr>{tds}</tr></tbody></table>'


def article(draft: Draft, label: str) -> Node:
    return next(p.node for p in draft.articles() if p.node.label == label)


def tree(node: Node) -> list[tuple[str, str, str, list[object]]]:
    return [(c.kind.value, c.label, c.text, tree(c)) for c in node.children]


def texts(html: str) -> list[str]:
    return [line.text for line in read_lines(html) if line.text]


def words(draft: Draft) -> list[str]:
    return [w for n in draft.walk() for w in f"{n.label} {n.title} {n.text}".split()]


# --- (a) dash lists -------------------------------------------------------------------------------------------

# The Official Journal's layout: each dash item a table row of a cell "—" and a cell of words, inside the point
# it belongs to. The first item ends "; or" and the second starts in lower case, as a paragraph cut in two does.
OJ_DASHES = page(
    '<p class="oj-ti-art">Article 2</p><p class="oj-sti-art">Definitions</p>'
    '<p class="oj-normal">For the purposes of this Regulation:</p>'
    + row("(a)", "\u2018lamp\u2019 means the light of a lighthouse;")
    + row(
        "(b)",
        '<p class="oj-normal">\u2018lake\u2019 means a lake with a connection to the Union on the basis of:</p>'
        + row("—", "a significant number of keepers in one or more Member States; or")
        + row("—", "the targeting of activities towards one or more Member States;"),
    )
    + row("(c)", "\u2018keeper\u2019 means a person who tends a lamp.")
    + '<p class="oj-ti-art">Article 3</p><p class="oj-sti-art">Duties</p>'
    '<p class="oj-normal">A keeper shall:</p>'
    + row("—", "light the lamp at dusk; and")
    + row("—", "log the ships that pass.")
)


def test_oj_dash_rows_are_items_of_the_point_they_follow() -> None:
    draft = load_text(OJ_DASHES)
    assert tree(article(draft, "2")) == [
        ("paragraph", "", "For the purposes of this Regulation:", [
            ("point", "(a)", "'lamp' means the light of a lighthouse;", []),
            ("point", "(b)", "'lake' means a lake with a connection to the Union on the basis of:", [
                ("item", "", "a significant number of keepers in one or more Member States; or", []),
                ("item", "", "the targeting of activities towards one or more Member States;", []),
            ]),
            ("point", "(c)", "'keeper' means a person who tends a lamp.", []),
        ]),
    ]


def test_oj_dash_rows_are_not_merged_into_one_paragraph() -> None:
    # before: "light the lamp at dusk; and log the ships that pass." was one paragraph (the dash cells were
    # dropped and the second item, in lower case, was read as the rest of the first)
    assert tree(article(load_text(OJ_DASHES), "3")) == [
        ("paragraph", "", "A keeper shall:", [
            ("point", "", "light the lamp at dusk; and", []),
            ("point", "", "log the ships that pass.", []),
        ]),
    ]


def test_oj_dash_rows_read_as_the_same_list_in_markdown() -> None:
    markdown = load_text("### Article 3\n\n#### Duties\n\nA keeper shall:\n\n- light the lamp at dusk; and\n\n"
                         "- log the ships that pass.\n", format="md")
    html = load_text(page('<p class="oj-ti-art">Article 3</p><p class="oj-sti-art">Duties</p>'
                          '<p class="oj-normal">A keeper shall:</p>'
                          + row("—", "light the lamp at dusk; and") + row("—", "log the ships that pass.")))
    assert tree(article(html, "3")) == tree(article(markdown, "3"))


# The Commission's proposals (EUR-Lex XHTML): the number of each item in a span of class "num", set apart from
# its words by the style sheet, not by a space.
PROPOSAL = page(
    '<p class="Titrearticle">Article 8<br/>Orders</p>'
    '<p class="li ManualNumPar1"><span class="num"><span>1.</span></span><span>Providers shall act.</span></p>'
    '<p class="li ManualNumPar1"><span class="num"><span>2.</span></span><span>Orders shall meet these '
    'conditions:</span></p>'
    '<p class="li Point1"><span class="num"><span>(a)</span></span><span>the orders contain:</span></p>'
    '<p class="li Tiret2"><span><span class="num">\u2013</span></span><span>a statement of reasons; and</span></p>'
    '<p class="li Tiret2"><span><span class="num">\u2013</span></span><span>one or more <b>exact</b> addresses;</span></p>'
    '<p class="li Point1"><span class="num"><span>(b)</span></span><span>the order is in English.</span></p>'
    '<p class="li ManualHeading2"><span class="num"><span>3.1.</span></span><span>Heading of the framework</span></p>'
)


def test_proposal_item_numbers_are_labels_and_dashes_items() -> None:
    # before: "1.Providers shall act." (no label: the number ran into the first word) and "-a statement of
    # reasons; and" as a paragraph of the article
    assert tree(article(load_text(PROPOSAL), "8")) == [
        ("paragraph", "1.", "Providers shall act.", []),
        ("paragraph", "2.", "Orders shall meet these conditions:", [
            ("point", "(a)", "the orders contain:", [
                ("item", "", "a statement of reasons; and", []),
                ("item", "", "one or more exact addresses;", []),
            ]),
            ("point", "(b)", "the order is in English.", []),
        ]),
        ("paragraph", "", "3.1. Heading of the framework", []),
    ]


def test_a_paragraph_opening_with_a_dash_is_a_dash_item() -> None:
    draft = load_text(page('<p class="ti-art">Article 1</p><p class="normal">A keeper shall:</p>'
                           '<p class="normal">—\u00a0light the lamp at dusk; or</p>'
                           '<p class="normal">\u2013 log the ships that pass.</p>'))
    assert [(c.label, c.text) for c in article(draft, "1").children[0].children] == [
        ("", "light the lamp at dusk; or"), ("", "log the ships that pass.")
    ]


def test_a_dash_before_a_number_is_a_sign_and_stays() -> None:
    lines = texts(page(row("Change", "\u2013 0.5") + '<p>- 3 %</p><p>—</p>'))
    assert lines == ["Change | \u2013 0.5", "- 3 %", "—"]


# --- (b) numbered cells ---------------------------------------------------------------------------------------


def test_a_numbered_cell_labels_the_text_after_it() -> None:
    # before: "3.1. | The keeper shall ..." (one paragraph per cell) or "3.1." as a paragraph of its own
    html = page(
        '<p class="oj-doc-ti">ANNEX I</p><p class="oj-normal">Requirements</p>'
        + row("3.1.", "The keeper shall keep a log.")
        + row("3.2.", '<p class="oj-normal">The log shall record:</p><p class="oj-normal">the ships.</p>')
        + row("3.2.1", "Each entry is dated.")
        + row("(-a)", "the use of lamps by keepers;")
    )
    assert texts(html)[2:] == [
        "3.1. The keeper shall keep a log.",
        "3.2. The log shall record:",
        "the ships.",
        "3.2.1 Each entry is dated.",
        "(-a) the use of lamps by keepers;",
    ]


def test_a_number_with_no_full_stop_in_a_table_stays_a_cell() -> None:
    assert texts(page(row("3.1", "million EUR"))) == ["3.1 | million EUR"]


# --- (c) the Official Journal's header and colophon -------------------------------------------------------

OJ_PAGE = page(
    '<table width="100%"><tbody><tr><td><img alt="European flag" src="flag.gif"/></td>'
    '<td><p class="oj-hd-ti">Official Journal <br/>of the European Union</p></td>'
    '<td><p class="oj-hd-lg">EN</p><p class="oj-hd-coll">L series</p></td></tr></tbody></table>'
    '<hr class="oj-separator"/>'
    '<table width="100%"><tbody><tr><td/><td><p class="oj-hd-uniq">L/2099/1</p></td>'
    '<td><p class="oj-hd-date">1.1.2099</p></td></tr></tbody></table>'
    '<p class="oj-doc-ti">REGULATION (XX) 2099/1 OF THE ASSEMBLY OF LAKES</p>'
    '<p class="oj-ti-art">Article 1</p><p class="oj-normal">This Regulation applies to lighthouses listed at '
    'ELI: http://data.europa.eu/eli/reg/2099/1/oj and in the Annex.</p>'
    '<p class="oj-normal">Done at Lakeside, 1 January 2099.</p>'
    '<p class="oj-doc-ti">ANNEX</p><p class="oj-normal">North Point</p><p class="oj-normal">South Rock</p>'
    '<hr class="oj-separator"/>'
    '<p class="oj-normal">ELI: http://data.europa.eu/eli/reg/2099/1/oj</p>'
    '<p class="oj-normal">ISSN 1977-0677 (electronic edition)</p>'
    '<hr class="oj-doc-end"/>'
)


def test_oj_header_and_colophon_are_page_furniture() -> None:
    draft = load_text(OJ_PAGE)
    annex = next(draft.annexes()).node
    # before: "ELI: http://..." and "ISSN 1977-0677 (electronic edition)" were paragraphs of the annex, the
    # header's "Official Journal of the European Union", "EN", "L series", "L/2099/1", "1.1.2099" of the preamble
    assert " ".join(f"{annex.title} {' '.join(c.text for c in annex.children)}".split()) == "North Point South Rock"
    assert not {"Journal", "EN", "series", "L/2099/1", "1.1.2099", "ISSN"} & set(words(draft))
    # an ELI address inside the act's own words is text of the act
    assert "http://data.europa.eu/eli/reg/2099/1/oj" in article(draft, "1").children[0].text
    assert not draft.warnings


def test_old_oj_running_header_goes_as_well() -> None:
    html = page('<table class="oj-table"><tr><td><p class="hd-date">4.5.2016</p></td><td><p class="hd-lg">EN'
                '</p></td><td><p class="hd-ti">Official Journal of the European Union</p></td>'
                '<td><p class="hd-oj">L 119/1</p></td></tr></table><p class="ti-art">Article 1</p><p>Text.</p>')
    assert texts(html) == ["Article 1", "Text."]


# --- the real pages -------------------------------------------------------------------------------------------


def corpus(pattern: str) -> Path:
    found = sorted(CORPUS.glob(pattern)) if CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"{pattern} is not in ../shared/corpus")
    return found[0]


def test_dsa_proposal_reads_its_paragraphs_points_and_dashes_as_the_regulation_does() -> None:
    proposal = load(corpus("eu-dsa/v1-*-proposal.xhtml"))
    regulation = load(corpus("eu-dsa/v3-*-formex.xml"))
    orders = article(proposal, "8")  # "Orders to act against illegal content"
    assert [c.label for c in orders.children] == ["1.", "2.", "3.", "4."]
    [point_a] = [c for c in orders.children[1].children if c.label == "(a)"]
    assert [(c.kind, c.label) for c in point_a.children] == [(Kind.ITEM, "")] * 3
    # Article 2 (d): the two dashes of the proposal are items of the point, as Formex reads those of (e) in the
    # regulation
    d = next(c for c in article(proposal, "2").walk() if c.label == "(d)")
    e = next(c for c in article(regulation, "3").walk() if c.label == "(e)")
    assert [c.kind for c in d.children] == [c.kind for c in e.children] == [Kind.ITEM, Kind.ITEM]


def test_ep_text_holds_no_official_journal_furniture() -> None:
    draft = load(corpus("eu-data-act/v2-*.html"))
    furniture = {"Official Journal of the European Union", "EN", "Series C", "C/2023/419 | 23.11.2023"}
    found = [n.text for n in draft.walk() if n.text in furniture or n.text.startswith(("ISSN", "ELI:"))]
    assert found == []
    assert article(draft, "42").title == "Entry into force and application"
