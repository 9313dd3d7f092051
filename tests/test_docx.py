"""The DOCX reader: documents built here with python-docx (numbering, tracked changes and footnotes injected as
WordprocessingML), the two corpus DOCX files, and every way a .docx can be unreadable."""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode, LoadError
from treatydiff.load import detect_format, load, normalise, parse, word
from treatydiff.load.decode import RawDraft
from treatydiff.load.lines import SourceLine
from treatydiff.model import Draft, Kind, LoadOptions, Node

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
W = nsdecls("w")

# --- building documents ----------------------------------------------------------------------------------------


def levels(*specs: tuple[str, str] | tuple[str, str, int]) -> str:
    """``w:lvl`` elements: (numFmt, lvlText[, start]) for ilvl 0, 1, 2..."""
    out = []
    for ilvl, spec in enumerate(specs):
        fmt, text = spec[0], spec[1]
        start = spec[2] if len(spec) > 2 else 1
        out.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
        )
    return "".join(out)


TREATY_LEVELS = levels(("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


def add_numbering(doc: Any, abstract_id: int, lvls: str, *nums: str) -> None:
    """An abstract numbering definition and the ``w:num`` elements (raw XML) that use it."""
    root = doc.part.numbering_part.element
    root.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'))
    for num in nums:
        root.append(parse_xml(num.replace("<w:num ", f"<w:num {W} ", 1)))


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbered(doc: Any, text: str, num_id: int | None, ilvl: int | None = 0, style: str | None = None) -> Any:
    paragraph = doc.add_paragraph(text, style)
    if num_id is not None or ilvl is not None:
        inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        )
        paragraph._p.get_or_add_pPr().append(parse_xml(f"<w:numPr {W}>{inner}</w:numPr>"))
    return paragraph


def xml_paragraph(doc: Any, inner: str, ppr: str = "") -> None:
    """A paragraph written as WordprocessingML (runs, w:ins, w:del...)."""
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(f"<w:p {W}>{ppr}{inner}</w:p>"))


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str, change: int = 1) -> str:
    return f'<w:ins w:id="{change}" w:author="Chair">{run(text)}</w:ins>'


def delete(text: str, change: int = 2) -> str:
    return (
        f'<w:del w:id="{change}" w:author="Chair"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def add_footnotes(doc: Any, notes: dict[int, str]) -> None:
    """A footnotes part with Word's two separators (ids -1 and 0) and the given notes."""
    body = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p></w:footnote>'
        for note_id, text in notes.items()
    )
    xml = (
        f"<w:footnotes {W}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def docx_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def read(doc: Any, **options: Any) -> list[SourceLine]:
    """The reader's lines (blank separators dropped)."""
    raw = RawDraft("t.docx", docx_bytes(doc), "docx")
    return [line for line in word.read_docx(raw, LoadOptions(**options)).lines if line.text]


def texts(doc: Any, **options: Any) -> list[str]:
    return [line.text for line in read(doc, **options)]


def draft(doc: Any, tmp_path: Path, **options: Any) -> Draft:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_bytes(doc))
    return load(path, LoadOptions(**options))


def articles(d: Draft) -> list[Node]:
    return [p.node for p in d.articles()]


# --- paragraphs and hints ----------------------------------------------------------------------------------------


def test_headings_from_styles_and_emphasis_from_whole_paragraph_formatting() -> None:
    doc = docx.Document()
    doc.add_paragraph("Convention on Cybercrime", style="Title")
    doc.add_heading("Chapter I", level=1)
    doc.add_heading("Use of terms", level=3)
    doc.add_paragraph().add_run("Article 5").italic = True
    doc.add_paragraph().add_run("Scope").bold = True
    mixed = doc.add_paragraph("Each Party ")
    mixed.add_run("shall").bold = True
    doc.add_paragraph().add_run("Article 5 of Directive 2016/680 " + "is amended as follows " * 10).italic = True
    lines = read(doc)
    assert [(line.text[:24], line.heading, line.emphasis) for line in lines] == [
        ("Convention on Cybercrime", 1, False),
        ("Chapter I", 1, True),  # the template's heading styles are bold
        ("Use of terms", 3, True),
        ("Article 5", 0, True),
        ("Scope", 0, True),
        ("Each Party shall", 0, False),
        ("Article 5 of Directive 2", 0, False),  # a long italic paragraph is body text, not a heading
    ]


def test_outline_level_is_a_heading_and_paragraph_numbers_are_line_numbers() -> None:
    doc = docx.Document()
    doc.add_paragraph("")
    xml_paragraph(doc, run("PART ONE"), '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>')
    lines = read(doc)
    assert [(line.text, line.heading, line.number) for line in lines] == [("PART ONE", 2, 2)]


def test_every_paragraph_is_its_own_block_and_line_breaks_split_lines(tmp_path: Path) -> None:
    doc = docx.Document()
    xml_paragraph(doc, run("Article 1") + "<w:r><w:br/></w:r>" + run("Scope"))
    doc.add_paragraph("This Convention applies to the prevention of offences")
    doc.add_paragraph("Article 2 Use of terms")
    doc.add_paragraph("For the purposes of this Convention, terms have these meanings.")
    d = draft(doc, tmp_path)
    assert [(a.label, a.title) for a in articles(d)] == [("1", "Scope"), ("2", "Use of terms")]
    assert articles(d)[0].children[0].text == "This Convention applies to the prevention of offences"


def test_tabs_symbols_hyphens_and_hidden_text() -> None:
    doc = docx.Document()
    xml_paragraph(
        doc,
        run("non")
        + "<w:r><w:noBreakHyphen/></w:r>"
        + run("binding")
        + "<w:r><w:tab/></w:r>"
        + run("text")
        + run(" secret", "<w:vanish/>")
        + '<w:r><w:sym w:font="Symbol" w:char="F0A7"/></w:r>'
        + "<w:r><w:instrText> PAGE </w:instrText></w:r>",
    )
    assert texts(doc) == ["non-binding\ttext\u00a7"]


# --- automatic numbering -----------------------------------------------------------------------------------------


def test_numbering_levels_render_as_printed_with_lower_levels_reset() -> None:
    doc = docx.Document()
    add_numbering(doc, 90, TREATY_LEVELS, num(90, 90))
    for text, ilvl in [
        ("The following practices shall be prohibited:", 0),
        ("subliminal techniques;", 1),
        ("social scoring leading to:", 1),
        ("detrimental treatment;", 2),
        ("unjustified treatment;", 2),
        ("remote biometric identification.", 1),
        ("Member States may authorise:", 0),
        ("the targeted search.", 1),
        ("the prevention of a threat.", 2),
    ]:
        numbered(doc, text, 90, ilvl)
    assert texts(doc) == [
        "1. The following practices shall be prohibited:",
        "(a) subliminal techniques;",
        "(b) social scoring leading to:",
        "(i) detrimental treatment;",
        "(ii) unjustified treatment;",
        "(c) remote biometric identification.",
        "2. Member States may authorise:",
        "(a) the targeted search.",
        "(i) the prevention of a threat.",
    ]


def test_numbering_feeds_the_structure_parser(tmp_path: Path) -> None:
    doc = docx.Document()
    add_numbering(
        doc,
        90,
        TREATY_LEVELS,
        num(90, 90),
        num(91, 90, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
    )
    doc.add_paragraph().add_run("Article 5").italic = True
    doc.add_paragraph().add_run("Prohibited practices").italic = True
    numbered(doc, "The following practices shall be prohibited:", 90, 0)
    numbered(doc, "subliminal techniques;", 90, 1)
    numbered(doc, "social scoring.", 90, 1)
    numbered(doc, "Paragraph 1 shall not apply to research.", 90, 0)
    doc.add_paragraph().add_run("Article 6").italic = True
    numbered(doc, "High-risk systems are listed in Annex III.", 91, 0)
    d = draft(doc, tmp_path)
    five, six = articles(d)
    assert (five.label, five.title) == ("5", "Prohibited practices")
    assert [(c.kind, c.label) for c in five.children] == [(Kind.PARAGRAPH, "1."), (Kind.PARAGRAPH, "2.")]
    assert [(c.kind, c.label) for c in five.children[0].children] == [(Kind.POINT, "(a)"), (Kind.POINT, "(b)")]
    assert [c.label for c in six.children] == ["1."]  # the second list restarts


def test_lists_sharing_a_definition_continue_and_a_start_override_restarts() -> None:
    doc = docx.Document()
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    add_numbering(doc, 80, levels(("decimal", "%1.")), num(80, 80), num(81, 80), num(82, 80, restart))
    numbered(doc, "first", 80)
    numbered(doc, "second", 80)
    numbered(doc, "third, in another w:num of the same list", 81)
    numbered(doc, "restarted", 82)
    numbered(doc, "continues the restart", 82)
    assert texts(doc) == [
        "1. first",
        "2. second",
        "3. third, in another w:num of the same list",
        "1. restarted",
        "2. continues the restart",
    ]


@pytest.mark.parametrize(
    ("lvls", "ilvls", "expected"),
    [
        (levels(("upperRoman", "%1."), ("upperLetter", "%2.")), [0, 0, 1, 1, 0], ["I.", "II.", "A.", "B.", "III."]),
        (levels(("decimal", "%1."), ("decimal", "%1.%2.")), [0, 1, 1, 0, 1], ["1.", "1.1.", "1.2.", "2.", "2.1."]),
        (levels(("decimal", "Article %1", 5)), [0, 0], ["Article 5", "Article 6"]),
        (levels(("lowerLetter", "%1)")), [0] * 28, [f"{c})" for c in "abcdefghijklmnopqrstuvwxyz"] + ["aa)", "bb)"]),
        (levels(("decimalZero", "%1")), [0, 0], ["01", "02"]),
        (levels(("lowerRoman", "(%1)")), [0] * 4, ["(i)", "(ii)", "(iii)", "(iv)"]),
    ],
)
def test_number_formats(lvls: str, ilvls: list[int], expected: list[str]) -> None:
    doc = docx.Document()
    add_numbering(doc, 70, lvls, num(70, 70))
    for ilvl in ilvls:
        numbered(doc, "", 70, ilvl)
    assert texts(doc) == expected


def test_legal_numbering_and_level_override() -> None:
    doc = docx.Document()
    legal = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl>'
    )
    override = (
        '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="Art. %1"/></w:lvl></w:lvlOverride>'
    )
    add_numbering(doc, 60, legal, num(60, 60), num(61, 60, override))
    numbered(doc, "", 60, 0)
    numbered(doc, "", 60, 0)
    numbered(doc, "", 60, 1)
    numbered(doc, "", 61, 0)
    assert texts(doc) == ["I.", "II.", "2.1", "Art. 4"]


def test_style_based_numbering_and_numid_zero() -> None:
    doc = docx.Document()  # python-docx's template: "List Number" carries numId 5 in its style
    doc.add_paragraph("first", style="List Number")
    doc.add_paragraph("second", style="List Number")
    plain = doc.add_paragraph("not numbered", style="List Number")
    plain._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))
    doc.add_paragraph("a bullet", style="List Bullet")
    lines = read(doc)
    assert [line.text for line in lines] == ["1. first", "2. second", "not numbered", "a bullet"]
    assert [line.bullet for line in lines] == [False, False, False, True]


def test_custom_style_numbering_finds_its_level_by_pstyle() -> None:
    doc = docx.Document()
    styles = doc.styles.element
    for sid, name in (("TreatyPoint", "Treaty Point"), ("TreatyParagraph", "Treaty Paragraph")):
        styles.append(
            parse_xml(
                f'<w:style {W} w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
                '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="50"/></w:numPr></w:pPr></w:style>'
            )
        )
    lvls = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="TreatyParagraph"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:pStyle w:val="TreatyPoint"/>'
        '<w:lvlText w:val="(%2)"/></w:lvl>'
    )
    add_numbering(doc, 50, lvls, num(50, 50))
    doc.add_paragraph("Each Party shall:", style="Treaty Paragraph")
    doc.add_paragraph("adopt measures;", style="Treaty Point")
    doc.add_paragraph("cooperate.", style="Treaty Point")
    doc.add_paragraph("Reservations are excluded.", style="Treaty Paragraph")
    assert texts(doc) == [
        "1. Each Party shall:",
        "(a) adopt measures;",
        "(b) cooperate.",
        "2. Reservations are excluded.",
    ]


# --- tracked changes ---------------------------------------------------------------------------------------------


def tracked_document() -> Any:
    doc = docx.Document()
    add_numbering(doc, 90, TREATY_LEVELS, num(90, 90))
    xml_paragraph(doc, run("Each Party ") + ins("shall") + delete("may") + run(" adopt measures."))
    # a numbered paragraph inserted as a whole (its mark too): the numbers after it move in the final view
    mark_ins = '<w:rPr><w:ins w:id="5" w:author="Chair"/></w:rPr>'
    xml_paragraph(
        doc,
        ins("Parties shall cooperate.", 6),
        f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>{mark_ins}</w:pPr>',
    )
    numbered(doc, "Reservations are excluded.", 90, 0)
    # a paragraph deleted as a whole (its mark too)
    mark_del = '<w:rPr><w:del w:id="7" w:author="Chair"/></w:rPr>'
    xml_paragraph(doc, delete("This Article expires in 2030.", 8), f"<w:pPr>{mark_del}</w:pPr>")
    # two paragraphs joined by deleting the first one's mark
    xml_paragraph(doc, run("Done at Strasbourg"), f"<w:pPr>{mark_del}</w:pPr>")
    xml_paragraph(doc, run(", in English and French."))
    # a move
    xml_paragraph(
        doc, run("Text ") + '<w:moveFrom w:id="9" w:author="C">' + run("moved ") + "</w:moveFrom>" + run("here.")
    )
    xml_paragraph(doc, run("It ") + '<w:moveTo w:id="10" w:author="C">' + run("moved ") + "</w:moveTo>" + run("there."))
    return doc


def test_tracked_changes_final_view_is_the_default() -> None:
    assert texts(tracked_document()) == [
        "Each Party shall adopt measures.",
        "1. Parties shall cooperate.",
        "2. Reservations are excluded.",
        "Done at Strasbourg, in English and French.",
        "Text here.",
        "It moved there.",
    ]


def test_tracked_changes_original_view() -> None:
    assert texts(tracked_document(), markup="original") == [
        "Each Party may adopt measures.",
        "1. Reservations are excluded.",
        "This Article expires in 2030.",
        "Done at Strasbourg",
        ", in English and French.",
        "Text moved here.",
        "It there.",
    ]


def test_tracked_changes_are_announced_and_a_bad_view_is_refused(tmp_path: Path) -> None:
    d = draft(tracked_document(), tmp_path)
    assert d.view == "final"
    (notice,) = [str(w) for w in d.warnings if "marked-up" in str(w)]
    assert "showing the final view" in notice and "--markup original" in notice
    with pytest.raises(LoadError, match="unknown view 'accepted'"):
        draft(tracked_document(), tmp_path, markup="accepted")


def test_original_view_uses_the_paragraph_properties_before_a_formatting_change() -> None:
    doc = docx.Document()
    add_numbering(doc, 90, TREATY_LEVELS, num(90, 90))
    change = (
        '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>'
        '<w:pPrChange w:id="3" w:author="Chair"><w:pPr/></w:pPrChange></w:pPr>'
    )
    numbered(doc, "Each Party shall:", 90, 0)
    xml_paragraph(doc, run("cooperate."), change)
    assert texts(doc) == ["1. Each Party shall:", "(a) cooperate."]
    assert texts(doc, markup="original") == ["1. Each Party shall:", "cooperate."]


# --- changes marked by formatting (a compromise text typed by hand) ---------------------------------------------

STRIKE, DSTRIKE, UNDERLINE, BOLD = "<w:strike/>", "<w:dstrike/>", '<w:u w:val="single"/>', "<w:b/>"


def marked_document(*, legend: str = "") -> Any:
    doc = docx.Document()
    add_numbering(doc, 90, TREATY_LEVELS, num(90, 90))
    if legend:
        xml_paragraph(doc, run(legend))
    xml_paragraph(doc, run("Each Party ") + run("shall", STRIKE) + run("may", UNDERLINE) + run(" adopt measures."))
    # inside a word, and a double strike
    xml_paragraph(doc, run("t", STRIKE) + run("T", UNDERLINE) + run("raining data ") + run("of good quality ", DSTRIKE)
                  + run("shall be used."))
    # a numbered paragraph struck through as a whole, then one added as a whole
    numbered_runs = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>'
    xml_paragraph(doc, run("This Article expires in 2030.", STRIKE), numbered_runs)
    xml_paragraph(doc, run("Reservations are excluded.", UNDERLINE), numbered_runs)
    return doc


def test_struck_text_is_deleted_and_underlined_text_added_when_both_are_used(tmp_path: Path) -> None:
    assert texts(marked_document()) == [
        "Each Party may adopt measures.", "Training data shall be used.", "2. Reservations are excluded.",
    ]
    assert texts(marked_document(), markup="original") == [
        "Each Party shall adopt measures.", "training data of good quality shall be used.",
        "1. This Article expires in 2030.",
    ]
    d = draft(marked_document(), tmp_path)
    assert d.view == "final"
    (notice,) = [str(w) for w in d.warnings if "marked-up" in str(w)]
    assert "deletions struck through" in notice and "additions underlined" in notice and "inferred" in notice


def test_a_legend_names_bold_as_the_mark_of_additions() -> None:
    legend = "Compared with the Commission proposal, additions are marked with bold, deletions with strikethrough."
    doc = marked_document(legend=legend)
    xml_paragraph(doc, run("Member States ") + run("may", BOLD) + run(" cooperate."))
    final = texts(doc)
    assert final[-1] == "Member States may cooperate."
    # underlining is not a mark in this document: what it marks stays in both views
    original = [" ".join(text.split()) for text in texts(doc, markup="original")]
    assert original[-1] == "Member States cooperate."
    assert original[1] == "Each Party shallmay adopt measures."  # ("may" is underlined, not bold: no mark here)


def test_bold_as_a_mark_is_not_a_heading() -> None:
    legend = "Additions are in bold, deletions are struck through."
    doc = marked_document(legend=legend)
    xml_paragraph(doc, run("Article 9", BOLD))
    xml_paragraph(doc, run("Members of the Board", BOLD))
    lines = read(doc)
    assert not any(line.emphasis for line in lines if line.text == "Members of the Board")


def test_marks_in_table_cells() -> None:
    doc = docx.Document()
    xml_paragraph(doc, run("Each Party ") + run("shall", STRIKE) + run("may", UNDERLINE) + run(" report."))
    cells = "".join(f"<w:tc><w:p>{inner}</w:p></w:tc>" for inner in (
        run("Ruritania"), run("Ministry of ") + run("the ", STRIKE) + run("Interior") + run(" and Justice", UNDERLINE)))
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(f"<w:tbl {W}><w:tblPr/><w:tr>{cells}</w:tr></w:tbl>"))
    assert texts(doc)[-1] == "Ruritania | Ministry of Interior and Justice"
    assert texts(doc, markup="original")[-1] == "Ruritania | Ministry of the Interior"


def test_the_space_before_an_insertion_goes_with_it() -> None:
    doc = docx.Document()
    xml_paragraph(doc, run("Each Party ") + run("shall", STRIKE) + run("may", UNDERLINE)
                  + run(" designate a focal point ") + run("for assistance", UNDERLINE) + run("."))
    assert texts(doc, markup="original") == ["Each Party shall designate a focal point."]


def test_underlining_alone_is_read_as_plain_text_and_said(tmp_path: Path) -> None:
    doc = docx.Document()
    xml_paragraph(doc, run("Each Party shall ") + run("adopt the measures necessary", UNDERLINE) + run("."))
    assert texts(doc, markup="original") == ["Each Party shall adopt the measures necessary."]
    d = draft(doc, tmp_path)
    assert d.view == ""  # no revision marks understood
    assert any("underlined" in str(w) and "not read as a mark" in str(w) for w in d.warnings)


def test_a_plain_document_has_no_markup_notice(tmp_path: Path) -> None:
    doc = docx.Document()
    xml_paragraph(doc, run("Each Party shall ") + run("adopt", BOLD) + run(" measures."))
    d = draft(doc, tmp_path)
    assert d.view == "" and not [w for w in d.warnings if "marked-up" in str(w)]


# --- footnotes, tables, text boxes -------------------------------------------------------------------------------


def test_footnotes_become_markers_and_definitions_numbered_as_printed(tmp_path: Path) -> None:
    doc = docx.Document()
    add_footnotes(doc, {5: "OJ L 119, 4.5.2016, p. 1.", 6: "OJ L 295, 21.11.2018, p. 39."})
    doc.add_paragraph("Article 1")
    xml_paragraph(
        doc,
        run("Regulation (EU) 2016/679")
        + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="5"/></w:r>'
        + run(" and Regulation (EU) 2018/1725")
        + '<w:r><w:footnoteReference w:id="6"/></w:r>'
        + run(" apply."),
    )
    assert texts(doc) == [
        "Article 1",
        "Regulation (EU) 2016/679[^1] and Regulation (EU) 2018/1725[^2] apply.",
        "[^1]: OJ L 119, 4.5.2016, p. 1.",
        "[^2]: OJ L 295, 21.11.2018, p. 39.",
    ]
    (article,) = articles(draft(doc, tmp_path))
    node = article.children[0]
    assert node.text == "Regulation (EU) 2016/679 and Regulation (EU) 2018/1725 apply."
    assert node.footnotes == ("OJ L 119, 4.5.2016, p. 1.", "OJ L 295, 21.11.2018, p. 39.")


def test_footnote_reference_inside_a_deletion_is_not_counted() -> None:
    doc = docx.Document()
    add_footnotes(doc, {1: "Deleted note.", 2: "Kept note."})
    xml_paragraph(
        doc,
        run("A")
        + '<w:del w:id="1" w:author="C"><w:r><w:footnoteReference w:id="1"/></w:r></w:del>'
        + run(" B")
        + '<w:r><w:footnoteReference w:id="2"/></w:r>',
    )
    assert texts(doc) == ["A B[^1]", "[^1]: Kept note."]


def test_superscript_numbers_are_note_calls_in_a_document_without_footnotes() -> None:
    doc = docx.Document()  # as a PDF converted to Word has them
    xml_paragraph(doc, run("the Committee") + run("31", '<w:vertAlign w:val="superscript"/>') + run(", and m"))
    xml_paragraph(doc, run("31", '<w:vertAlign w:val="superscript"/>') + "<w:r><w:tab/></w:r>" + run("OJ C 517."))
    assert texts(doc) == ["the Committee[^31], and m", "[^31]: OJ C 517."]


def test_table_rows_become_lines_with_cells_joined() -> None:
    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "Article", "Old", ""
    table.cell(1, 0).text, table.cell(1, 1).text = "5", "4"
    table.cell(2, 0).text = "For the Council"
    cell = table.cell(2, 1)
    cell.text = "For the Parliament"
    cell.add_paragraph("The President")
    doc.add_paragraph("After the table.")
    assert texts(doc) == [
        "Article | Old",
        "5 | 4",
        "For the Council",  # a row whose cells hold several paragraphs: every paragraph on its own
        "For the Parliament",
        "The President",
        "After the table.",
    ]


def test_single_cell_layout_table_keeps_numbering_and_emphasis() -> None:
    doc = docx.Document()
    add_numbering(doc, 90, TREATY_LEVELS, num(90, 90))
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("Article 3").bold = True
    p = table.cell(1, 0).paragraphs[0]
    p.add_run("Each Party shall act.")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    lines = read(doc)
    assert [(line.text, line.emphasis) for line in lines] == [("Article 3", True), ("1. Each Party shall act.", False)]


def test_text_box_is_read_after_its_paragraph_once() -> None:
    doc = docx.Document()
    box = f"<w:txbxContent><w:p>{run('In the box.')}</w:p></w:txbxContent>"
    drawing = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent>"
    )
    xml_paragraph(doc, run("Anchor.") + f"<w:r>{drawing}</w:r>")
    assert texts(doc) == ["Anchor.", "In the box."]


def test_hyperlinks_and_content_controls_keep_their_text() -> None:
    doc = docx.Document()
    xml_paragraph(
        doc,
        run("See ")
        + f'<w:hyperlink r:id="rId99" {nsdecls("r")}>{run("Article 5")}</w:hyperlink>'
        + f"<w:sdt><w:sdtContent>{run(' and Annex I.')}</w:sdtContent></w:sdt>",
    )
    assert texts(doc) == ["See Article 5 and Annex I."]


def test_table_of_contents_is_not_read_as_text(tmp_path: Path) -> None:
    doc = docx.Document()
    styles = doc.styles.element
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'))
    doc.add_paragraph("Article 1\tScope\t3", style="toc 1")
    gallery = '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
    doc.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {W}>{gallery}<w:sdtContent><w:p>{run('Article 2 Use of terms 4')}</w:p></w:sdtContent></w:sdt>"
        ),
    )
    doc.add_paragraph("Article 1 Scope")
    doc.add_paragraph("This Convention applies to offences.")
    assert texts(doc) == ["Article 1 Scope", "This Convention applies to offences."]
    assert [a.label for a in articles(draft(doc, tmp_path))] == ["1"]


# --- format detection --------------------------------------------------------------------------------------------


def test_sniffed_by_content_whatever_the_name() -> None:
    raw = RawDraft("draft.txt", docx_bytes(docx.Document()), "txt")
    assert detect_format(raw) == "docx"
    assert word.sniff(b"PK\x03\x04" + b"\0" * 26 + b"word/document.xml")
    assert not word.sniff(b"PK\x03\x04" + b"\0" * 26 + b"xl/workbook.xml")


# --- bad input ---------------------------------------------------------------------------------------------------


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def document_xml(body: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode()


OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504


def bad_files() -> Iterator[tuple[str, bytes, str]]:
    good = docx_bytes(docx.Document())
    yield "truncated", good[: len(good) // 2], "not a readable DOCX"
    yield "random", os.urandom(4096), "not a readable DOCX: not a zip archive"
    yield "encrypted", OLE_HEADER + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512, "password-protected"
    yield "doc97", OLE_HEADER + "WordDocument".encode("utf-16-le") + b"\0" * 512, "Word 97-2003 .doc"
    yield "empty", docx_bytes(docx.Document()), "the DOCX holds no text"
    yield "no-document", zip_of({"word/styles.xml": b"<x/>"}), "no word/document.xml"
    yield "not-xml", zip_of({"word/document.xml": b"<w:document><w:body>"}), "not well-formed XML"
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + document_xml("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>").split(b"?>", 1)[1]
    )
    yield "entities", zip_of({"word/document.xml": laughs}), "refuses to expand"
    corrupt = bytearray(zip_of({"word/document.xml": document_xml("<w:p/>" * 2000)}))
    corrupt[100:110] = b"\xff" * 10  # inside the compressed data: a CRC or inflate error
    yield "corrupt", bytes(corrupt), "not a readable DOCX"


@pytest.mark.parametrize(("name", "data", "fragment"), list(bad_files()), ids=lambda v: v if isinstance(v, str) else "")
def test_unreadable_docx_is_one_line_error(tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load(path)
    message = caught.value.message()
    assert fragment in message and "\n" not in message
    assert_cli_error(path, fragment)


def assert_cli_error(path: Path, fragment: str) -> None:
    result = CliRunner().invoke(cli, ["outline", str(path)], obj=Env(environ={}))
    assert result.exit_code == ExitCode.ERROR, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx whose word/document.xml is 300 MB of zeros, deflated to about 300 KB."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    return path


def test_zip_bomb_is_refused_before_unpacking(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 1024 * 1024
    with pytest.raises(LoadError, match="zip bomb") as caught:
        load(zip_bomb)
    assert "\n" not in caught.value.message()
    assert_cli_error(zip_bomb, "zip bomb")


def test_declared_total_above_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_EXPANDED", 10_000)
    path = tmp_path / "big.docx"
    path.write_bytes(docx_bytes(docx.Document()))
    with pytest.raises(LoadError, match=r"would expand to .* over the .* limit"):
        load(path)


# --- hostile input: what the file says is bounded before it drives a loop or an allocation -----------------------


def package(body: str, **parts: str) -> bytes:
    """A DOCX of raw XML: ``body`` in word/document.xml, and word/NAME.xml for each ``NAME=xml`` given."""
    files = {"word/document.xml": document_xml(body)}
    files.update({f"word/{name}.xml": f'<?xml version="1.0"?>{xml}'.encode() for name, xml in parts.items()})
    return zip_of(files)


def read_package(data: bytes) -> tuple[list[str], list[str]]:
    """The reader's lines (blank separators dropped) and its warnings."""
    found = word.read_docx(RawDraft("t.docx", data, "docx"), LoadOptions())
    return [line.text for line in found.lines if line.text], [str(w) for w in found.warnings]


def para(text: str, ilvl: int | str | None = None, num_id: int = 1) -> str:
    numbering = "" if ilvl is None else f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return f"<w:p><w:pPr>{numbering}</w:pPr>{run(text)}</w:p>"


def numbering_xml(lvls: str, *nums: str) -> str:
    return f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{lvls}</w:abstractNum>{"".join(nums)}</w:numbering>'


@pytest.mark.parametrize("where", ["start", "startOverride"])
def test_a_list_starting_past_the_bound_is_left_unnumbered_and_said(where: str) -> None:
    """A start of 10^7 in letters would be 384,616 letters per number (the outside attack used 99999999999:
    7 GB); the level's numbers, and those of the levels below that show them, are left out instead."""
    start = 10_000_000
    override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    lvls = levels(("lowerLetter", "(%1)", start if where == "start" else 1), ("decimal", "%1.%2"), ("decimal", "%3."))
    body = para("first", 0) + para("second", 0) + para("below", 1) + para("own number", 2)
    nums = num(1, 1, override if where == "startOverride" else "")
    lines, warnings = read_package(package(body, numbering=numbering_xml(lvls, nums)))
    assert lines == ["first", "second", "below", "1. own number"]
    assert any(f"starts at {start}, past 100000: its numbers are left out" in w for w in warnings), warnings


def test_list_levels_outside_words_nine_are_ignored_and_said() -> None:
    lvls = levels(("decimal", "%1.")) + "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="x%1."/></w:lvl>'
        for ilvl in (9, -1, 30_000)
    )
    body = para("kept", 0) + para("level 9", 9) + para("level -1", -1) + para("level 30000", 30_000)
    lines, warnings = read_package(package(body, numbering=numbering_xml(lvls, num(1, 1))))
    assert lines == ["1. kept", "level 9", "level -1", "level 30000"]
    assert any("3 list levels numbered outside Word's 0 to 8 are ignored" in w for w in warnings), warnings


def test_a_number_text_past_the_bound_is_left_out_and_said() -> None:
    """lvlText is printed for every paragraph of the level: 50,000 characters of it times 10,000 paragraphs
    would be 500 MB of numbers."""
    lvls = levels(("decimal", "%1" * 60), ("decimal", "(%2)"))
    lines, warnings = read_package(package(para("long", 0) + para("short", 1), numbering=numbering_xml(lvls, num(1, 1))))
    assert lines == ["long", "(1) short"]
    assert any("a number text 120 characters long, past 100: its numbers are left out" in w for w in warnings)


def test_letters_past_780_are_left_out_and_said() -> None:
    """Letters repeat (y, z, aa, bb... zz, aaa): past 780 each number would be over 30 letters, and a long list
    would grow with the square of its length."""
    lvls = levels(("lowerLetter", "(%1)", 779))
    lines, warnings = read_package(package(para("a", 0) + para("b", 0) + para("c", 0),
                                           numbering=numbering_xml(lvls, num(1, 1))))
    assert lines == [f"({'y' * 30}) a", f"({'z' * 30}) b", "c"]
    assert any("list 1 counts past 780 in letters at level 1" in w for w in warnings), warnings


def test_a_style_based_on_a_chain_past_the_bound_reads_the_nearest_and_says_so() -> None:
    """Every run looks its character style up through the styles it is based on: 5,000 of them times 5,000
    runs would be 25 million look-ups."""
    chain = "".join(
        f'<w:style w:type="character" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>' for i in range(1, 60)
    )
    styles = f'<w:styles {W}><w:style w:type="character" w:styleId="s0"><w:rPr><w:b/></w:rPr></w:style>{chain}</w:styles>'
    body = '<w:p><w:r><w:rPr><w:rStyle w:val="s59"/></w:rPr><w:t>Article 5</w:t></w:r></w:p>'
    found = word.read_docx(RawDraft("t.docx", package(body, styles=styles), "docx"), LoadOptions())
    (line,) = [line for line in found.lines if line.text]
    assert not line.emphasis  # the bold of s0 is 60 styles away
    assert any("based on a chain of more than 50 styles" in str(w) for w in found.warnings), found.warnings


#: Elements the reader walks into, opened and closed: 5,000 of them nested ended in RecursionError.
NESTINGS = {
    "tables": ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", False),
    "content controls": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", False),
    "insertions": ('<w:ins w:id="1" w:author="a">', "</w:ins>", False),
    "custom XML": ("<w:customXml>", "</w:customXml>", False),
    "hyperlinks": ("<w:hyperlink>", "</w:hyperlink>", True),
    "smart tags": ("<w:smartTag>", "</w:smartTag>", True),
    "inline insertions": ('<w:ins w:id="1" w:author="a">', "</w:ins>", True),
    "inline content controls": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", True),
}


@pytest.mark.parametrize("what", NESTINGS)
def test_elements_nested_past_the_bound_are_refused_in_one_line(tmp_path: Path, what: str) -> None:
    opening, closing, inline = NESTINGS[what]
    inner = run("Article 1") if inline else para("Article 1")
    nested = opening * 5000 + inner + closing * 5000
    path = tmp_path / "nested.docx"
    path.write_bytes(package(para("Scope") + (f"<w:p>{nested}</w:p>" if inline else nested)))
    with pytest.raises(LoadError, match=r"word/document\.xml nests elements more than 100 deep"):
        load(path)
    assert_cli_error(path, "nests elements more than 100 deep")


def test_shapes_nested_in_a_drawing_past_the_bound_are_refused() -> None:
    shapes = "<v:group xmlns:v='urn:schemas-microsoft-com:vml'>" * 5000 + "</v:group>" * 5000
    with pytest.raises(LoadError, match="nests elements more than 100 deep"):
        read_package(package(para("Article 1") + f"<w:p><w:r><w:pict>{shapes}</w:pict></w:r></w:p>"))


def test_tables_nested_twenty_deep_are_read() -> None:
    nested = "<w:tbl><w:tr><w:tc>" * 20 + para("deep inside") + "</w:tc></w:tr></w:tbl>" * 20
    assert read_package(package(para("Article 1") + nested))[0] == ["Article 1", "deep inside"]


def test_a_footnote_referred_to_again_keeps_its_number_and_its_text_is_given_once() -> None:
    """20,000 references to one note of 100 KB would repeat its text 20,000 times (2 GB from a 4 KB file)."""
    notes = (f'<w:footnotes {W}><w:footnote w:id="7"><w:p>{run("The note.")}'
             '<w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:footnoteReference w:id="8"/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="8"><w:p>{run("Another.")}</w:p></w:footnote></w:footnotes>')
    call = '<w:r><w:footnoteReference w:id="7"/></w:r>'
    lines, warnings = read_package(package(f"<w:p>{run('A')}{call}{run(' B')}{call}{run(' C')}{call}</w:p>",
                                           footnotes=notes))
    # the references inside the note itself are not followed (one to itself recursed without end)
    assert lines == ["A[^1] B[^1] C[^1]", "[^1]: The note."]
    assert any("2 references to notes already referred to reuse their number" in w for w in warnings), warnings


@pytest.mark.parametrize("code", ["110000", "D800", "DFFF", "F" * 40, "-1"])
def test_a_symbol_outside_unicode_is_left_out(code: str) -> None:
    body = para("Article 1") + f'<w:p>{run("Scope")}<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r></w:p>'
    assert read_package(package(body))[0] == ["Article 1", "Scope"]


@pytest.mark.parametrize("level", ["-5", "99999999999"])
def test_an_outline_level_outside_words_range_is_body_text(level: str) -> None:
    found = word.read_docx(RawDraft("t.docx", package(
        f'<w:p><w:pPr><w:outlineLvl w:val="{level}"/></w:pPr>{run("Article 1")}</w:p>'), "docx"), LoadOptions())
    assert [(line.text, line.heading) for line in found.lines if line.text] == [("Article 1", 0)]


def test_superscripts_typed_as_note_calls_are_read_in_linear_time() -> None:
    """A paragraph of 40,000 runs, every other one raised: the text before and after each raised run was joined
    again for each (40,000 x 40,000 pieces)."""
    raised = word._Piece("1", superscript=True)
    pieces = [piece for _ in range(20_000) for piece in (word._Piece(" word"), raised)]
    start = time.process_time()
    out = word._Text(pieces).typed_notes()
    assert time.process_time() - start < 2.0
    assert out.text == " word[^1]" * 20_000
    assert word._Text([raised, word._Piece(" OJ C 517.")]).typed_notes().text == "[^1]: OJ C 517."


def test_a_paragraph_joined_to_the_next_is_tallied_once() -> None:
    """A deleted paragraph mark joins the paragraph to the next; its runs were counted again with each paragraph
    it joined (50,000 joined paragraphs: 1.25 billion), which also overstated their share of underlining."""
    deleted_mark = '<w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>'
    body = (para("Article 1") + f"<w:p>{deleted_mark}{run('Each Party ')}{run('shall', '<w:u/>')}</w:p>"
            + f"<w:p>{run(' act.')}</w:p>")
    lines, warnings = read_package(package(body))
    assert lines == ["Article 1", "Each Party shall act."]
    # 5 of the 26 characters are underlined inside a sentence (counted twice, it was 38%)
    assert any(w.startswith("19% of the text is underlined inside sentences") for w in warnings), warnings


def lie_about(data: bytes, name: str, *, compressed: int | None = None, size: int | None = None) -> bytes:
    """The zip ``data`` with the sizes of member ``name`` changed in its local header and its central directory."""
    out = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(name)
    offsets = [(info.header_offset + 18, info.header_offset + 22)]  # local file header: sizes at 18 and 22
    entry = archive.start_dir
    while out[entry : entry + 4] == b"PK\x01\x02":
        length = int.from_bytes(out[entry + 28 : entry + 30], "little")
        if out[entry + 46 : entry + 46 + length] == name.encode():
            offsets.append((entry + 20, entry + 24))  # central directory entry: sizes at 20 and 24
        extra, comment = (int.from_bytes(out[entry + k : entry + k + 2], "little") for k in (30, 32))
        entry += 46 + length + extra + comment
    for at_compressed, at_size in offsets:
        if compressed is not None:
            out[at_compressed : at_compressed + 4] = compressed.to_bytes(4, "little")
        if size is not None:
            out[at_size : at_size + 4] = size.to_bytes(4, "little")
    return bytes(out)


def test_a_zip_that_overstates_a_parts_compressed_size_is_still_a_zip_bomb() -> None:
    """The ratio was worked out from the compressed size the archive declares: declaring 1/150 of the expanded
    size let a 355 KB file unpack 300 MB (94 s, 1.6 GB). The bytes a part really has are what lies between its
    header and the next one."""
    data = zip_of({"word/document.xml": document_xml("<w:p/>" * 700_000)})  # 4 MB of XML in about 10 KB
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    lying = lie_about(data, "word/document.xml", compressed=size // 150)
    with pytest.raises(LoadError, match=r"word/document\.xml would expand \d+-fold to 4(\.\d)? MB \(a zip bomb\?\)"):
        read_package(lying)


def test_a_part_declared_smaller_than_its_data_is_damaged(tmp_path: Path) -> None:
    """zipfile lets out no more than the declared size, so a part that inflates past it is cut there; its CRC
    then fails, and that is said in one line."""
    data = zip_of({"word/document.xml": document_xml(para("Article 1") * 100_000)})
    path = tmp_path / "small.docx"
    path.write_bytes(lie_about(data, "word/document.xml", size=1000))
    with pytest.raises(LoadError, match=r"not a readable DOCX: word/document\.xml is damaged \(Bad CRC-32"):
        load(path)
    assert_cli_error(path, "word/document.xml is damaged")


def test_a_part_shorter_than_declared_is_damaged() -> None:
    data = zip_of({"word/document.xml": document_xml(para("Article 1"))})
    size = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    with pytest.raises(LoadError, match=rf"word/document\.xml is damaged \(it holds {size} bytes, not {size + 500}"):
        read_package(lie_about(data, "word/document.xml", size=size + 500))


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
OFFICE_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="{}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def opendocument(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (zip_of({"[Content_Types].xml": CONTENT_TYPES.encode(), "_rels/.rels": OFFICE_RELS.format("xl/workbook.xml")
                 .encode(), "xl/workbook.xml": b"<workbook/>"}),
         "this is an Excel workbook (it has xl/workbook.xml, no word/document.xml)"),
        (zip_of({"[Content_Types].xml": CONTENT_TYPES.encode(), "ppt/presentation.xml": b"<presentation/>"}),
         "this is a PowerPoint presentation (it has ppt/presentation.xml, no word/document.xml)"),
        (opendocument("application/vnd.oasis.opendocument.text"),
         "this is an OpenDocument text (its mimetype is application/vnd.oasis.opendocument.text; it has no "
         "word/document.xml)"),
    ],
    ids=["xlsx", "pptx", "odt"],
)
def test_another_kind_of_file_named_docx_says_what_it_is(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.message() == f"{path}: not a readable DOCX: {what} — save the draft as a Word document (.docx)"
    assert_cli_error(path, what)


# --- the corpus --------------------------------------------------------------------------------------------------

corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def one(pattern: str) -> Path:
    found = sorted(CORPUS.glob(pattern))
    if not found:
        pytest.skip(f"{pattern} not in the corpus")
    return found[0]


@corpus
def test_commission_proposal_docx_has_the_85_articles_numbered_as_printed() -> None:
    d = load(one("eu-ai-act-formats/v01-*-native.docx"))
    assert [a.label for a in articles(d)] == [str(n) for n in range(1, 86)]
    assert d.counts()["recitals"] == 89
    five = next(a for a in articles(d) if a.label == "5")
    assert [c.label for c in five.children if c.label] == ["1.", "2.", "3.", "4."]
    assert [c.label for c in five.children[0].children] == ["(a)", "(b)", "(c)", "(d)"]
    assert [c.label for c in five.children[0].children[2].children] == ["(i)", "(ii)"]


@corpus
def test_council_general_approach_docx_reads_94_articles_and_4_placeholders() -> None:
    """The reader's lines from the regulation on (the Council's cover note before it ends with "ANNEX", which
    the structure parser takes for an annex holding the whole regulation: see the next test)."""
    raw = RawDraft("v10.docx", one("eu-ai-act-formats/v10-*-pdf2docx.docx").read_bytes(), "docx")
    lines = word.read_docx(raw, LoadOptions()).lines
    start = next(i for i, line in enumerate(lines) if line.text == "ANNEX") + 1
    nodes, _ = parse.parse(normalise.units(lines[start:]))
    d = Draft("v10.docx", "v10", "docx", nodes, ())
    counts = d.counts()
    assert (counts["articles"], counts["placeholders"]) == (94, 4)
    assert sorted((a.label for a in articles(d) if a.deleted), key=int) == ["24", "28", "50", "57"]


@corpus
def test_council_general_approach_docx_loads_like_its_markdown_twin() -> None:
    counts = load(one("eu-ai-act-formats/v10-*-pdf2docx.docx")).counts()
    assert (counts["articles"], counts["placeholders"]) == (94, 4)
