"""Load stage: one text in PDF, DOCX and Markdown reads to one article tree (issue 15, "Done when").

The synthetic cases are made here (reportlab, python-docx); the corpus case compares the EU AI Act proposal and
the Council general approach in their three published formats and counts what still differs, each difference
with the reason it is in the published files and not in our readers.
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest
from corpus_drafts import GROUP, corpus_draft

import treatydiff
from treatydiff.load import load_text
from treatydiff.model import Draft, Kind, Node

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FORMATS = CORPUS / "eu-ai-act-formats"
DRAFTS = CORPUS / "eu-ai-act-council-drafts"


def _pdf(lines: list[str]) -> bytes:
    """An A4 page with ``lines`` top down; "" leaves a paragraph gap; a line "<x>|text" is drawn at x."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    y = 760.0
    for line in lines:
        if not line:
            y -= 10
            continue
        x, _, text = line.rpartition("|")
        pdf.setFont("Times-Roman", 11)
        pdf.drawString(float(x or 72), y, text)
        y -= 15
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _load_pdf(tmp_path: Path, lines: list[str]) -> Draft:
    path = tmp_path / "draft.pdf"
    path.write_bytes(_pdf(lines))
    return treatydiff.load(path)


def _shape(nodes: tuple[Node, ...]) -> list[tuple[str, str, str, list[Any]]]:
    return [(n.kind.value, n.label, n.text, _shape(n.children)) for n in nodes]


def _article(draft: Draft, label: str) -> Node:
    return next(p.node for p in draft.articles() if p.node.label == label)


# --- a dash set apart from its words opens a list item in a PDF, as "- " does in Markdown ----------------------

_DASHED_PDF = [
    "Article 1", "Scope", "",
    "1.  In complying with the requirements referred to in paragraphs 1 and 2:", "",
    "90|-  any reference to the intended purpose shall be understood as referring to possible use;", "",
    "90|-  any reference to the requirements shall be understood as referring to this Article.", "",
    "2.  The Commission shall report on the following:", "",
    "90|\u2013  the period of application;", "",
    "90|\u2013  the number of notified bodies.", "",
    "Article 2", "Periods", "",
    "The programme runs over the years 2021", "- 2027 and is then evaluated.",
]

_DASHED_MD = """Article 1

Scope

1. In complying with the requirements referred to in paragraphs 1 and 2:

- any reference to the intended purpose shall be understood as referring to possible use;

- any reference to the requirements shall be understood as referring to this Article.

2. The Commission shall report on the following:

- the period of application;

- the number of notified bodies.

Article 2

Periods

The programme runs over the years 2021 - 2027 and is then evaluated.
"""


def test_dash_indents_in_a_pdf_are_list_items_as_in_markdown(tmp_path: Path) -> None:
    """AI Act general approach, Article 4b(6): "- any reference ..." was one paragraph with a "- " word in the PDF
    and two points in the DOCX and the Markdown."""
    pdf = _load_pdf(tmp_path, _DASHED_PDF)
    paragraph = _article(pdf, "1").children[0]
    assert [(c.kind, c.text[:16]) for c in paragraph.children] == [
        (Kind.POINT, "any reference to"), (Kind.POINT, "any reference to")]
    assert [c.text for c in _article(pdf, "1").children[1].children] == [
        "the period of application;", "the number of notified bodies."]
    md = load_text(_DASHED_MD, format="md")
    assert _shape(pdf.nodes) == _shape(md.nodes)


def test_a_dash_before_a_number_stays_a_word(tmp_path: Path) -> None:
    """A range cut at the line end ("2021" / "- 2027") or a minus is no list item."""
    pdf = _load_pdf(tmp_path, _DASHED_PDF)
    assert _article(pdf, "2").children[0].text == "The programme runs over the years 2021 - 2027 and is then evaluated."


# --- a cover page with a block at the top right: its footer is no part of the right column -------------------


def _cover_pdf() -> bytes:
    """Page 1: references at the top left, a block of codes at the top right, text below both, a footer in two
    halves ("DOC 15/22" at the left, "AB/cd 1" at the right); pages 2 and 3: text and the same footer."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    pdf.setFont("Times-Roman", 11)
    for k, text in enumerate(["Interinstitutional File:", "2021/0106(COD)", "", "", "", ""]):
        if text:
            pdf.drawString(72, 760 - 15 * k, text)
    for k, code in enumerate(["TELECOM 516", "JAI 1633", "COPEN 434", "CYBER 399", "EJUSTICE 95", "CODEC 1940"]):
        pdf.drawString(330, 760 - 15 * k, code)
    for k, text in enumerate(["OUTCOME OF PROCEEDINGS", "", "Delegations will find in Annex the text approved.",
                              "", "The text forms the basis for the negotiations."]):
        if text:
            pdf.drawString(72, 640 - 15 * k, text)
    for page in (1, 2, 3):
        if page > 1:
            pdf.setFont("Times-Roman", 11)
            pdf.drawString(72, 760, f"Article {page - 1}")
            pdf.drawString(72, 745, "Subject matter")
            pdf.drawString(72, 720, f"This Regulation lays down rules of kind {page}.")
        pdf.drawString(72, 60, "DOC 15/22")
        pdf.drawString(400, 60, f"AB/cd {page}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_footer_under_a_right_column_is_page_furniture_read_last(tmp_path: Path) -> None:
    """Council general approach, cover page: "15698/22 ... RB/ek 1" was cut in two at the column gutter, its
    right half taken for the end of the block of codes at the top right; so the cover's text was read before the
    codes, and the footer stayed in the preamble ("15698/22 TREE.2.B", "RB/ek 1 EN")."""
    path = tmp_path / "cover.pdf"
    path.write_bytes(_cover_pdf())
    draft = treatydiff.load(path)
    texts = [n.text for p in draft.provisions() for n in _walk((p.node,)) if n.text]
    words = " ".join(texts)
    assert "AB/cd" not in words and "DOC 15/22" not in words
    assert words.index("CODEC 1940") < words.index("OUTCOME OF PROCEEDINGS") < words.index("Delegations will")


def _walk(nodes: tuple[Node, ...]) -> list[Node]:
    return [m for n in nodes for m in (n, *_walk(n.children))]


# --- the corpus: the AI Act proposal and the Council general approach in three formats -----------------------

PROPOSAL = {
    "pdf": FORMATS / "v01-2021-04-21-COM-2021-206-proposal.pdf",
    "docx": FORMATS / "v01-2021-04-21-COM-2021-206-proposal-native.docx",
    "md": DRAFTS / "v01-2021-04-21-AIA-COM-Proposal-21-April-21.md",
}
COUNCIL = {
    "pdf": FORMATS / "v10-2022-12-06-Council-general-approach-ST15698.pdf",
    "docx": FORMATS / "v10-2022-12-06-Council-general-approach-ST15698-pdf2docx.docx",
    "md": DRAFTS / "v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md",
}
corpus = pytest.mark.skipif(not all(p.is_file() for p in (*PROPOSAL.values(), *COUNCIL.values())),
                            reason="../shared/corpus (the AI Act in three formats) is absent")


def _without_annexes(draft: Draft) -> Draft:
    """The proposal's PDF holds no annexes (they are a file of their own, COM(2021) 206 annexes): leave them out of
    all three formats so that the same provisions are compared."""
    def strip(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(dataclasses.replace(n, children=strip(n.children)) for n in nodes if n.kind is not Kind.ANNEX)
    return dataclasses.replace(draft, nodes=strip(draft.nodes))


def _different(old: Draft, new: Draft) -> list[str]:
    """The units the JSON report does not call unchanged, as "article 5", "annex II", "preamble" ("" for the
    preamble's number), "division " (the final formula and what follows it)."""
    report = json.loads(treatydiff.render(treatydiff.compare(old, new), "json"))
    out = []
    for change in report["changes"]:
        if change["outcome"] != "unchanged":
            ref = (change["old"] or change["new"])[0]
            out.append(f"{ref['kind']} {ref['number']}".strip())
    return sorted(out)


#: What still differs between the formats, every one of it in the published files (read in each source:
#: ``pdftotext -layout``, the DOCX's ``word/document.xml``, the Markdown itself), or in the shared normaliser and
#: parser where said (not the readers'). Update the counts when one of these goes.
#: - preamble: the Markdown starts at the first citation (no cover page, no title) and runs citations together
#:   ("... Economic and Social Committee, Having regard to ... Committee of the Regions,"); the general approach's
#:   DOCX does the same (one ``w:p``); both DOCX files are conversions of the PDF (a section per page, paragraphs
#:   cut at page and line ends into separate ``w:p``: "... of the" / "Council and Regulation (EU) 2017/746 ...");
#:   recital (-12a) of the general approach has its "Nonetheless, ..." in a ``w:p`` of its own, where the PDF runs
#:   it on with no gap or indent; the cover pages are laid out as tables, differently in each file
#: - articles 1 and 2 (proposal, DOCX and Markdown): "This Regulation lays down:" stands before the heading
#:   "Article 1 Subject matter" (a two-column section in the DOCX), "1. This Regulation applies to:" before
#:   "Article 2 Scope"
#: - article 2 (general approach, Markdown): "systems*.*" (literal asterisks: CommonMark makes no emphasis of them)
#: - article 51 (general approach, Markdown): "Article" / "60\\. The provider ..." cut by a blank line
#: - article 71 (general approach, Markdown): points (a) and (aa) on one line inside a code block
#: - final formula: the signatures are set side by side ("For the European Parliament  For the Council"), read
#:   line by line in the PDF, column by column in the DOCX; the proposal's legislative financial statement follows
#:   it, with its tables, in the PDF (plain lines), in the DOCX (Word tables, and Heading styles that make its
#:   "1.5. Grounds ..." divisions) and as headings only in the Markdown
#: - annex VII: "re- training" (a hyphen and a space) in the DOCX and the Markdown, "re-" / "training" at a line
#:   end in the PDF; "1." for "3.1." (a renumbered Markdown list)
#: - annex IX (general approach, Markdown): "a." for "(a)", and a title cut by a blank line
EXPECTED = {
    ("proposal", "pdf", "md"): 6,
    ("proposal", "docx", "md"): 11,
    ("proposal", "pdf", "docx"): 18,
    ("council", "pdf", "md"): 7,
    ("council", "docx", "md"): 7,
    ("council", "pdf", "docx"): 3,
}


@corpus
@GROUP
@pytest.mark.parametrize("pair", [("pdf", "md"), ("docx", "md"), ("pdf", "docx")], ids="-".join)
@pytest.mark.parametrize("name", ["proposal", "council"])
def test_the_ai_act_in_three_formats_differs_only_where_the_files_do(name: str, pair: tuple[str, str]) -> None:
    files = PROPOSAL if name == "proposal" else COUNCIL
    old, new = (corpus_draft(files[f]) for f in pair)
    if name == "proposal":
        old, new = _without_annexes(old), _without_annexes(new)
    different = _different(old, new)
    assert len(different) == EXPECTED[(name, *pair)], different


@corpus
@GROUP
def test_article_4b_of_the_general_approach_reads_alike_in_the_three_formats() -> None:
    """The dash indents of Article 4b(6): points in the PDF too."""
    shapes = [_shape((_article(corpus_draft(COUNCIL[f]), "4b"),)) for f in ("pdf", "docx", "md")]
    assert shapes[0] == shapes[1] == shapes[2]
