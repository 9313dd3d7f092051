"""The Akoma Ntoso reader and lists a converter ran into a paragraph's text ("...:(a)the first;(b)the second"):
split into the lead-in and its points only when the labels are glued to the punctuation and run in order from
the first; a cross-reference, labels out of order and a list already marked up are left as they are."""

from __future__ import annotations

import pytest

from treatydiff.compare import compare
from treatydiff.load import load_text
from treatydiff.load.akn import split_glued_list
from treatydiff.model import Draft, Node, Outcome


def akn(*paragraphs: str) -> str:
    """A fictional act of one article whose numbered paragraphs hold the given content (already XML)."""
    body = "".join(
        f'<paragraph eId="art_1__para_{n}"><num>{n}.</num><content><p>{text}</p></content></paragraph>'
        if not text.startswith("<")
        else f'<paragraph eId="art_1__para_{n}"><num>{n}.</num>{text}</paragraph>'
        for n, text in enumerate(paragraphs, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        f'<act><body><article eId="art_1"><num>Article 1</num><heading>Lamps</heading>{body}</article></body></act>'
        "</akomaNtoso>\n"
    )


def read(xml: str) -> Draft:
    return load_text(xml, source="act.xml")


def outline(nodes: tuple[Node, ...], depth: int = 0) -> list[str]:
    out = []
    for node in nodes:
        words = (node.kind.value, node.label, node.text, *node.footnotes)
        out.append("  " * depth + " | ".join(w for w in words if w))
        out.extend(outline(node.children, depth + 1))
    return out


def article(xml: str) -> list[str]:
    """The outline under Article 1."""
    return outline(next(read(xml).articles()).node.children)


GLUED = "The keeper shall:(a)light the lamp at dusk;(b)log the ships that pass; or(c)ring the bell."
MARKED_UP = (
    '<list eId="art_1__para_1__list_1"><intro><p>The keeper shall:</p></intro>'
    '<point eId="art_1__para_1__pnt_a"><num>(a)</num><content><p>light the lamp at dusk;</p></content></point>'
    '<point eId="art_1__para_1__pnt_b"><num>(b)</num><content><p>log the ships that pass; or</p></content></point>'
    '<point eId="art_1__para_1__pnt_c"><num>(c)</num><content><p>ring the bell.</p></content></point></list>'
)
POINTS = [
    "paragraph | 1. | The keeper shall:",
    "  point | (a) | light the lamp at dusk;",
    "  point | (b) | log the ships that pass; or",
    "  point | (c) | ring the bell.",
]


def test_a_list_run_into_the_text_is_split_into_its_points() -> None:
    assert article(akn(GLUED)) == POINTS


def test_a_list_already_marked_up_as_points_is_unchanged_and_reads_as_the_glued_one() -> None:
    assert article(akn(MARKED_UP)) == POINTS
    glued, marked = read(akn(GLUED)), read(akn(MARKED_UP))
    assert [c.outcome for c in compare(glued, marked).changes] == [Outcome.UNCHANGED]


def test_the_paragraph_keeps_its_ref_and_the_points_claim_none() -> None:
    # no element of the markup is a point's own, so none has an eId (a ref would name the paragraph twice)
    paragraph = next(read(akn(GLUED)).articles()).node.children[0]
    assert paragraph.ref == "art_1__para_1"
    assert [point.ref for point in paragraph.children] == ["", "", ""]


def test_a_list_inside_a_point_and_the_comma_and_and_forms() -> None:
    text = (
        "The register holds:(a)the name of the keeper, where:(i)the keeper is new; and(ii)the lamp is lit;"
        "(b)the date,(c)the ship; and,(d)the weather."
    )
    assert article(akn(text)) == [
        "paragraph | 1. | The register holds:",
        "  point | (a) | the name of the keeper, where:",
        "    item | (i) | the keeper is new; and",  # as <point> elements at that depth read
        "    item | (ii) | the lamp is lit;",
        "  point | (b) | the date,",
        "  point | (c) | the ship; and,",
        "  point | (d) | the weather.",
    ]


def test_numbered_definitions_and_a_footnote_in_a_point() -> None:
    text = (
        "For the purposes of this Act:(1)'lamp' means a light;(2)'keeper' means a person"
        '<authorialNote marker="1"><p>As in the Charter.</p></authorialNote>;(3)\'ship\' means a vessel.'
    )
    assert article(akn(text)) == [
        "paragraph | 1. | For the purposes of this Act:",
        "  point | (1) | 'lamp' means a light;",
        "  point | (2) | 'keeper' means a person; | As in the Charter.",  # the footnote goes with its point
        "  point | (3) | 'ship' means a vessel.",
    ]


def test_a_quoted_point_of_an_amending_act_goes_on_a_line_of_its_own() -> None:
    text = "In the Annex to Act 1/2099 the following point is added:\u201829.Act 2/2099 on lamps.\u2019."
    assert article(akn(text)) == [
        "paragraph | 1. | In the Annex to Act 1/2099 the following point is added:",
        "paragraph | '29. Act 2/2099 on lamps.'.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # cross-references: a label after a word, a space or a bracket, or followed by a space or a comma
        "As referred to in point (a) of Article 5, the keeper shall act.",
        "Under Article 6(1)(a) and Article 7(2)(b), the keeper shall act.",
        "The conditions in points (a),(b) and (c) of paragraph 2 apply; (d) does not.",
        "The keeper shall comply with point (b):(c)that point refers to.",
        # labels out of order, or not from the first
        "The keeper shall:(a)light the lamp;(c)log the ships.",
        "The keeper shall:(b)light the lamp;(c)log the ships.",
        "The keeper shall:(a)light the lamp;(b)log the ships;(b)ring the bell.",
        # a lone label is no run of labels, nor is a list inside a point with one
        "The keeper shall:(a)light the lamp.",
        "The keeper shall:(a)light the lamp, where:(i)it is dark;(b)log the ships.",
        # no lead-in ending in ":" before the first label
        "The keeper shall light the lamp;(a)log the ships;(b)ring the bell.",
        # a list printed with spaces is the text as written, not a converter's run-together
        "The keeper shall: (a) light the lamp; (b) log the ships.",
        # a quotation that does not close at the end of the text
        "The following point is added:'29.Act 2/2099 on lamps and more words",
    ],
)
def test_text_that_is_no_run_together_list_is_left_alone(text: str) -> None:
    assert split_glued_list(text) is None
    assert article(akn(text)) == [f"paragraph | 1. | {text.replace('  ', ' ')}"]


def test_the_split_rebuilds_the_text() -> None:
    pieces = split_glued_list(GLUED)
    assert pieces == [
        "The keeper shall:",
        "(a) light the lamp at dusk;",
        "(b) log the ships that pass; or",
        "(c) ring the bell.",
    ]
    assert "".join(piece.replace(") ", ")", 1) if piece.startswith("(") else piece for piece in pieces) == GLUED


def test_a_long_run_of_glued_labels_is_read_in_linear_time() -> None:
    # hostile input: many labels, none in order after the first, and many quotation openers
    assert split_glued_list("x:(a)y" + ";(c)y" * 50_000) is None
    assert split_glued_list("x" + ":'1.y" * 50_000) is None
    long = split_glued_list("x:(1)y" + "".join(f";({n})y" for n in range(2, 1000)))
    assert long is not None and len(long) == 1000
