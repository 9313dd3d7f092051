"""The US bill reader (GPO bill XML): how a bill is told from other XML, what its sections, divisions and numbered
units are read into, that quoted law and the table of contents never become the bill's sections, that reports
name sections "Sec. 2", and what the bills of ../shared/corpus (where present) are read into."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from schema_check import load_schema, violations

import treatydiff
from treatydiff.cli import Env, cli
from treatydiff.compare import compare
from treatydiff.errors import ExitCode, LoadError
from treatydiff.load import detect_format, load, load_text, patterns
from treatydiff.load.decode import RawDraft
from treatydiff.load.readers import READERS
from treatydiff.model import FINAL_FORMULA, Draft, Kind, Node, Outcome, Status, Verdict, Verdicts

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# A fictional bill in the shapes GPO prints: metadata, the cover (sponsors, committee), the official title, a
# section with a table of contents, a title with two sections, numbered units four levels deep (the last printed on
# its parent's line), a section that quotes the law it amends (a whole section and a subsection of that law), a
# footnote, and the attestation.
BILL = """<?xml version="1.0"?>
<?xml-stylesheet type="text/xsl" href="billres.xsl"?>
<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">
<bill bill-stage="Introduced-in-Senate" dms-id="A1" public-private="public">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dublinCore><dc:title>199 S. 9 IS: Lighthouse Act</dc:title>
</dublinCore></metadata>
<form><distribution-code display="yes">II</distribution-code><congress>199th CONGRESS</congress>
<session>1st Session</session><legis-num>S. 9</legis-num><current-chamber>IN THE SENATE OF THE UNITED STATES</current-chamber>
<action><action-date date="20990106">January 6, 2099</action-date><action-desc><sponsor name-id="S001">Ms. Keeper</sponsor>
introduced the following bill; which was read twice and referred to the <committee-name committee-id="SS00">Committee on
Lights</committee-name></action-desc></action><legis-type>A BILL</legis-type>
<official-title>To keep the lighthouses of the Great Lakes lit, and for other purposes.</official-title></form>
<legis-body id="B1">
<section id="S1" section-type="section-one"><enum>1.</enum><header>Short title; table of contents</header>
<subsection id="S1a"><enum>(a)</enum><header>Short title</header><text>This Act may be cited as the
<quote><short-title>Lighthouse Act</short-title></quote>.</text></subsection>
<subsection id="S1b"><enum>(b)</enum><header>Table of contents</header><text>The table of contents for this Act is as
follows:</text>
<toc regeneration="yes-regeneration"><toc-entry level="section">Sec. 1. Short title; table of contents.</toc-entry>
<toc-entry level="title">TITLE I—LIGHTS</toc-entry><toc-entry level="section">Sec. 101. Keepers.</toc-entry>
<toc-entry level="section">Sec. 102. Amendments to the Harbors Act.</toc-entry></toc></subsection></section>
<title id="T1"><enum>I</enum><header>Lights</header>
<section id="S101"><enum>101.</enum><header>Keepers</header>
<subsection id="S101a"><enum>(a)</enum><header>In general</header><text>Each lighthouse shall have a keeper.<footnote
id="F1">As defined by the Lighthouse Board.</footnote></text>
<paragraph id="S101a1"><enum>(1)</enum><text>The keeper shall—</text>
<subparagraph id="S101a1A"><enum>(A)</enum><text>light the lamp at dusk; and</text></subparagraph>
<subparagraph id="S101a1B"><enum>(B)</enum><clause display-inline="yes-display-inline" id="S101a1Bi"><enum>(i)</enum>
<text>keep a log; and</text></clause><clause id="S101a1Bii"><enum>(ii)</enum><text>report each year.</text></clause>
</subparagraph></paragraph></subsection>
<subsection id="S101b"><enum>(b)</enum><header>Pay</header><text>A keeper may be paid.</text></subsection></section>
<section id="S102"><enum>102.</enum><header>Amendments to the Harbors Act</header><text>The Harbors Act is amended
by adding at the end the following:</text>
<quoted-block style="OLC" id="Q1"><section id="Q1s"><enum>12.</enum><header>Foghorns</header><subsection id="Q1sa">
<enum>(a)</enum><header>Duty</header><text>Each harbor shall sound a foghorn in fog.</text></subsection></section>
<after-quoted-block>.</after-quoted-block></quoted-block></section>
</title>
</legis-body>
<attestation><attestation-group><attestation-date chamber="Senate" date="20990120">Passed the Senate January 20,
2099.</attestation-date><attestor display="no"/><role>Secretary</role></attestation-group></attestation>
<endorsement display="yes"/>
</bill>
"""

RESOLUTION = """<?xml version="1.0"?>
<!DOCTYPE resolution PUBLIC "-//US Congress//DTDs/res.dtd//EN" "res.dtd">
<resolution resolution-type="senate-resolution" public-private="public">
<form><legis-num>S. RES. 9</legis-num><legis-type>RESOLUTION</legis-type>
<official-title>Designating a day of lighthouses.</official-title></form>
<preamble><whereas><text>Whereas lighthouses guide ships;</text></whereas><whereas><text>Whereas keepers tend them:
Now, therefore, be it</text></whereas></preamble>
<resolution-body display-resolving-clause="yes-display-resolving-clause">
<section id="R1"><enum>1.</enum><header>Designation</header><text>That the Senate designates June 9 as Lighthouse
Day.</text></section>
<section id="R2"><enum>2.</enum><header>Requests</header><text>The Senate requests that lamps be lit.</text></section>
</resolution-body></resolution>
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def raw(text: str | bytes, suffix: str = "xml") -> RawDraft:
    return RawDraft(f"bill.{suffix}", text.encode() if isinstance(text, str) else text, suffix)


def bill(text: str = BILL) -> Draft:
    return load_text(text, source="s9.xml")


def articles(draft: Draft) -> list[Node]:
    return [p.node for p in draft.articles()]


# --- recognising a bill -----------------------------------------------------------------------------------


def test_a_bill_resolution_or_amendment_is_sniffed_by_its_root() -> None:
    assert detect_format(raw(BILL)) == "usbill"
    assert detect_format(raw(RESOLUTION)) == "usbill"
    assert detect_format(raw("<?xml version='1.0'?>\n<!-- S. 9 -->\n<amendment-doc><amendment-body/></amendment-doc>"))\
        == "usbill"
    assert detect_format(raw("<bill bill-stage='x'><legis-body/></bill>", "txt")) == "usbill"


def test_other_xml_and_html_are_not_bills() -> None:
    sniff = READERS["usbill"].sniff
    assert sniff is not None
    assert not sniff(b"<?xml version='1.0'?><akomaNtoso><act><body/></act></akomaNtoso>")
    assert not sniff(b"<ACT><ENACTING.TERMS/></ACT>")
    assert not sniff(b"<!DOCTYPE html><html><body><bill>not a bill</bill></body></html>")
    assert not sniff(b"<billing><legis-body/></billing>")
    assert not sniff(b'<bill xmlns="http://schemas.gpo.gov/xml/uslm"><main/></bill>')  # USLM: not this reader's
    # before the generic XML and HTML readers, which would take a bill for an Akoma Ntoso file or an HTML fragment
    assert list(READERS).index("usbill") < list(READERS).index("html")


# --- what a bill is read into ---------------------------------------------------------------------------


def test_sections_are_the_articles_with_their_header_as_title() -> None:
    draft = bill()
    assert draft.format == "usbill"
    assert [(a.label, a.title) for a in articles(draft)] == [
        ("1", "Short title; table of contents"), ("101", "Keepers"), ("102", "Amendments to the Harbors Act"),
    ]
    assert [a.ref for a in articles(draft)] == ["S1", "S101", "S102"]
    assert [p.path for p in draft.articles()] == [(), ("Title I — Lights",), ("Title I — Lights",)]
    assert draft.warnings == ()


def test_subsections_paragraphs_subparagraphs_and_clauses_nest_under_their_section() -> None:
    keepers = articles(bill())[1]
    a, b = keepers.children
    assert (a.kind, a.label, b.label) == (Kind.PARAGRAPH, "(a)", "(b)")
    assert a.text.startswith("In general - Each lighthouse shall have a keeper.")
    assert a.footnotes == ("As defined by the Lighthouse Board.",)
    (one,) = a.children
    assert (one.kind, one.label, one.text) == (Kind.POINT, "(1)", "The keeper shall-")
    big_a, big_b = one.children
    assert (big_a.kind, big_a.label, big_b.label) == (Kind.ITEM, "(A)", "(B)")
    # "(B)(i) keep a log": subparagraph (B) has no words of its own; a dash keeps its number a number
    assert big_b.text == "-"
    assert [(c.kind, c.label, c.text) for c in big_b.children] == [
        (Kind.ITEM, "(i)", "keep a log; and"), (Kind.ITEM, "(ii)", "report each year."),
    ]
    assert [c.label for c in keepers.children] == ["(a)", "(b)"]


def test_a_quoted_block_stays_inside_its_section_and_is_no_section_of_the_bill() -> None:
    draft = bill()
    assert [a.label for a in articles(draft)] == ["1", "101", "102"]  # not section 12 of the Harbors Act
    amendments = articles(draft)[2]
    (intro,) = amendments.children
    assert intro.text.endswith("by adding at the end the following:")
    quoted_section, quoted_subsection = intro.children  # items of the sentence that quotes them
    assert quoted_section.text == '"Sec. 12. Foghorns'
    assert quoted_subsection.text == '"(a) Duty - Each harbor shall sound a foghorn in fog.".'
    assert all(n.kind is not Kind.ARTICLE for n in amendments.walk() if n is not amendments)


def test_the_table_of_contents_is_no_structure() -> None:
    draft = bill()
    assert sum(1 for _ in draft.articles()) == 3
    words = " ".join(n.text for n in draft.walk())
    assert "Sec. 101. Keepers" not in words and "TITLE I" not in words
    (_, contents) = articles(draft)[0].children
    assert (contents.label, contents.text) == ("(b)", "Table of contents - The table of contents for this Act is as follows:")


def test_the_official_title_and_enacting_clause_are_the_preamble_and_the_cover_is_left_out() -> None:
    draft = bill()
    preamble = draft.nodes[0]
    assert preamble.kind is Kind.PREAMBLE
    assert [c.text for c in preamble.children] == [
        "To keep the lighthouses of the Great Lakes lit, and for other purposes.",
        "Be it enacted by the Senate and House of Representatives of the United States of America in Congress "
        "assembled,",
    ]
    words = " ".join(n.text + n.title for n in draft.walk())
    assert "Ms. Keeper" not in words and "CONGRESS" not in words and "A BILL" not in words and "Committee" not in words


def test_the_attestation_is_the_closing_text_not_words_of_the_last_section() -> None:
    without_titles = re.sub(r"<title id=\"T1\"><enum>I</enum><header>Lights</header>|</title>", "", BILL)
    for draft in (bill(), bill(without_titles)):
        (closing,) = [n for n in draft.walk() if n.title == FINAL_FORMULA]
        assert closing.kind is Kind.DIVISION
        assert [c.text for c in closing.children] == ["Passed the Senate January 20, 2099.", "Secretary"]
        assert all("Passed" not in a.full_text() for a in articles(draft))
    # in a bill without titles it stands on its own, where the aligner pairs the closing texts of two versions (in
    # one with titles, the parser keeps it in the last title: a heading of the reader's nests below every named
    # division)
    assert bill(without_titles).nodes[-1].title == FINAL_FORMULA


def test_a_resolution_has_its_whereas_clauses_as_recitals_and_its_resolving_clause() -> None:
    draft = load_text(RESOLUTION, source="sres9.xml")
    preamble = draft.nodes[0]
    assert [c.text for c in preamble.children] == [
        "Designating a day of lighthouses.",
        "Whereas lighthouses guide ships;",
        "Whereas keepers tend them: Now, therefore, be it",
        "Resolved,",
    ]
    assert preamble.children[1].kind is Kind.RECITAL
    assert [(a.label, a.title) for a in articles(draft)] == [("1", "Designation"), ("2", "Requests")]


def test_a_bill_without_enacting_clause_and_an_amendment_block_of_sections() -> None:
    amendment = """<amendment-doc><amendment-form><official-title>To amend S. 9.</official-title></amendment-form>
    <engrossed-amendment-body><section><enum>1.</enum><header>Lamps</header><text>Lamps shall be bright.</text>
    </section></engrossed-amendment-body></amendment-doc>"""
    draft = load_text(amendment, source="amdt.xml")
    assert [(a.label, a.title) for a in articles(draft)] == [("1", "Lamps")]
    assert [c.text for c in draft.nodes[0].children] == ["To amend S. 9."]


def test_a_section_inserted_between_two_others_keeps_its_letter() -> None:
    text = BILL.replace("<enum>102.</enum>", "<enum>101A.</enum>")
    assert [a.label for a in articles(bill(text))] == ["1", "101", "101A"]


# --- "Sec. 2" in reports --------------------------------------------------------------------------------


def test_the_parser_designates_a_bills_sections() -> None:
    """What the reader writes ("Sec. 2. Short title") is read as a section designated "Sec.", so that every
    report calls it "Sec. 2"."""
    assert {a.designation for a in articles(bill())} == {"Sec."}


def _changed() -> tuple[Draft, Draft]:
    old = bill()
    new = bill(BILL.replace("A keeper may be paid.", "A keeper shall be paid."))
    return old, new


def test_reports_name_sections_sec_in_terminal_markdown_html_and_json() -> None:
    old, new = _changed()
    comparison = compare(old, new)
    (change,) = [c for c in comparison.changes if c.outcome is Outcome.MODIFIED]
    terminal = treatydiff.render(comparison, "terminal")
    assert "Sec. 101 — Keepers" in terminal and "Art. 101" not in terminal
    markdown = treatydiff.render(comparison, "markdown")
    assert "Sec. 101 — Keepers" in markdown and "Art." not in markdown and "Article 101" not in markdown
    html = treatydiff.render(comparison, "html")
    assert "Sec. 101" in html and "Art. 101" not in html
    document = json.loads(treatydiff.render(comparison, "json"))
    (modified,) = [c for c in document["changes"] if c["outcome"] == "modified"]
    assert modified["new"][0]["number"] == "101" and modified["new"][0]["designation"] == "Sec."
    assert violations(document, load_schema("compare"), load_schema("compare")) == []
    assert change.match.new[0].node.heading() == "Sec. 101 — Keepers"


def test_articles_keep_art_and_json_has_no_designation_for_them() -> None:
    draft = load_text("Article 1 Scope\n\nThis applies.\n\nArticle 2 Aims\n\nThese are aims.\n", source="a.txt")
    other = load_text("Article 1 Scope\n\nThis applies.\n\nArticle 2 Aims\n\nThese are the aims.\n", source="b.txt")
    comparison = compare(draft, other)
    assert "Art. 2 — Aims" in treatydiff.render(comparison, "terminal")
    document = json.loads(treatydiff.render(comparison, "json"))
    assert all("designation" not in ref for c in document["changes"] for ref in (*c["old"], *c["new"]))


def test_verdict_reports_name_sections_sec() -> None:
    verdicts = Verdicts("check", ("keep pay",), (
        Verdict("keep pay", Status.FAILED, "101", "s9.xml", 30, "Section 101: modified", designation="Sec."),
        Verdict("keep pay", Status.FAILED, "5", "a.md", 3, "Article 5: removed"),
    ))
    text = treatydiff.render(verdicts, "text")
    assert "Sec. 101 — s9.xml:30" in text and "Art. 5 — a.md:3" in text
    assert "Sec. 101 — s9.xml:30" in treatydiff.render(verdicts, "junit")
    document = json.loads(treatydiff.render(verdicts, "json"))
    assert [(v["article"], v.get("designation")) for v in document["verdicts"]] == [("101", "Sec."), ("5", None)]


def test_history_names_sections_sec() -> None:
    old, new = _changed()
    report = treatydiff.render(treatydiff.history([old, new]), "terminal")
    assert "Sec. 101" in report and "Art. 101" not in report
    document = json.loads(treatydiff.render(treatydiff.history([old, new]), "json"))
    assert violations(document, load_schema("history"), load_schema("history")) == []


def test_the_outline_names_sections_sec() -> None:
    tree = treatydiff.render(bill(), "terminal")
    assert "Sec. 101 — Keepers" in tree
    document = json.loads(treatydiff.render(bill(), "json"))
    assert {n["designation"] for n in document["nodes"] if n["kind"] == "article"} == {"Sec."}


# --- plain-text bills -------------------------------------------------------------------------------------

PLAIN = """A BILL

To keep the lighthouses lit.

{one}

This Act may be cited as the Lighthouse Act.

{two}

In this Act, the term "keeper" means a lighthouse keeper.
"""


def test_a_plain_text_sec_heading_without_a_full_stop_starts_a_section() -> None:
    draft = load_text(PLAIN.format(one="Sec. 1. Short title", two="Sec. 2. Definitions"), source="s9.txt")
    assert [(a.label, a.title) for a in articles(draft)] == [("1", "Short title"), ("2", "Definitions")]
    assert articles(draft)[1].children[0].text.startswith("In this Act")


@pytest.mark.parametrize(
    ("one", "two", "titles"),
    [
        ("Sec. 1. Short title.", "Sec. 2. Definitions.", ["Short title", "Definitions"]),
        ("SECTION 1. SHORT TITLE.", "SEC. 2. DEFINITIONS.", ["SHORT TITLE", "DEFINITIONS"]),
    ],
    ids=["sec-full-stop", "gpo-capitals"],
)
def test_a_plain_text_sec_heading_with_a_full_stop_starts_a_section(one: str, two: str, titles: list[str]) -> None:
    draft = load_text(PLAIN.format(one=one, two=two), source="s9.txt")
    assert [a.title for a in articles(draft)] == titles
    assert [a.label for a in articles(draft)] == ["1", "2"]
    assert {a.designation for a in articles(draft)} == {"Sec."}


def test_the_sec_words_are_article_words_reported_as_sec() -> None:
    for heading, number in (("SEC. 2. SHORT TITLE.", "2"), ("Sec. 2. Short title.", "2"), ("SEC. 10A. FOO.", "10A")):
        match = patterns.ARTICLE.match(heading)
        assert match is not None and match.group("number") == number
        assert patterns.designation(match.group("word")) == "Sec."
        assert match.group("word") in patterns.STOPPED_TITLE_WORDS
    assert patterns.designation("Article") == patterns.designation("Art.") == patterns.designation("Artikel") == ""
    assert patterns.designation("§") == "§"  # a German statute's sections are reported as it prints them
    match = patterns.ARTICLE.match("Article 5A")
    assert match is not None and match.group("number") == "5"  # a capital after the number only after "SEC."


# --- bad input ------------------------------------------------------------------------------------------


def test_malformed_bill_xml_fails_in_one_line_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "s9.xml"
    path.write_text(BILL.replace("</title>\n</legis-body>", "</legis-body>"), encoding="utf-8")
    result = invoke("outline", path)
    assert result.exit_code == ExitCode.ERROR, result.stdout
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: {path}:") and "malformed XML: mismatched tag" in result.stderr
    assert "Traceback" not in result.stderr


def test_from_usbill_on_other_xml_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "act.xml"
    path.write_text("<akomaNtoso><act><body/></act></akomaNtoso>", encoding="utf-8")
    result = invoke("outline", path, "--from", "usbill")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert "not a US bill (the root element is <akomaNtoso>)" in result.stderr


def test_a_bill_with_no_text_is_refused() -> None:
    with pytest.raises(LoadError, match="holds no text"):
        load_text("<bill><form><congress>199th CONGRESS</congress></form><legis-body display-enacting-clause="
                  "'no-display-enacting-clause'/></bill>", source="empty.xml")


# --- the real bills of ../shared/corpus -------------------------------------------------------------------

BILLS = {
    "us-bills-s5": ("v1-2025-01-07-PCS.xml", "v2-2025-01-20-ES.xml", "v3-2025-01-22-ENR.xml"),
    "us-bills-s269": ("v1-2025-01-28-IS.xml", "v2-2025-09-19-ES.xml", "v3-2026-01-12-ENR.xml"),
}
#: The bill's own sections in each file, counted in the XML: the <section> elements outside any <quoted-block>
#: (``_own_sections`` below, and ``grep -o '<section[ >]'``, which finds no section inside a quoted block there).
SECTIONS = {
    "us-bills-s5": (3, 3, 3),
    "us-bills-s269": (2, 2, 2),
}
needs_corpus = pytest.mark.skipif(not (CORPUS / "us-bills-s5").is_dir(), reason="../shared/corpus is not here")


def _own_sections(text: str) -> int:
    """The <section> start tags outside <quoted-block> elements."""
    depth, count = 0, 0
    for tag in re.finditer(r"<(/?)(section|quoted-block)[\s>]", text):
        closing, name = tag.group(1), tag.group(2)
        if name == "quoted-block":
            depth += -1 if closing else 1
        elif not closing and depth == 0:
            count += 1
    return count


@needs_corpus
@pytest.mark.parametrize("folder", sorted(BILLS))
def test_the_corpus_bills_read_to_their_sections(folder: str) -> None:
    for name, expected in zip(BILLS[folder], SECTIONS[folder], strict=True):
        path = CORPUS / folder / name
        text = path.read_text(encoding="utf-8")
        assert _own_sections(text) == text.count("<section ") == expected
        draft = load(path)
        assert draft.format == "usbill" and draft.warnings == ()
        assert [a.label for a in articles(draft)] == [str(n) for n in range(1, expected + 1)]
        assert articles(draft)[0].title == "Short title"
        # every quoted block stays in its section: as many quoted lines as the XML has quoted-block elements
        # open, none outside the sections
        quoted = [n for a in articles(draft) for n in a.walk() if n.text.startswith('"')]
        assert len(quoted) >= text.count("<quoted-block ")
        assert draft.nodes[-1].title == FINAL_FORMULA or "attestation" not in text


@needs_corpus
@pytest.mark.parametrize("folder", sorted(BILLS))
def test_the_first_and_last_versions_align_section_by_section(folder: str) -> None:
    first, _, last = (load(CORPUS / folder / name) for name in BILLS[folder])
    comparison = compare(first, last)
    matched = [c for c in comparison.changes if c.match.old and c.match.new and c.match.old[0].node.kind is Kind.ARTICLE]
    assert [(c.match.old[0].node.label, c.match.new[0].node.label) for c in matched] == [
        (str(n), str(n)) for n in range(1, SECTIONS[folder][0] + 1)
    ]
    assert not any(c.outcome in (Outcome.ADDED, Outcome.REMOVED) for c in comparison.changes
                   if any(p.node.kind is Kind.ARTICLE for p in (*c.match.old, *c.match.new)))
    assert any(c.outcome is Outcome.MODIFIED for c in matched)  # the Senate amended section 2
