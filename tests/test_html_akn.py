"""The HTML and Akoma Ntoso readers: what a page or an XML file is read into, and how bad XML is refused."""

from __future__ import annotations

import dataclasses
import json
import time
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode, LoadError
from treatydiff.load import load, load_text
from treatydiff.load.html import read_lines
from treatydiff.model import Draft, Kind, LoadOptions, Node, RenderOptions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
AKN_DIR = CORPUS / "de-vereinsgesetz-akn"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "convention"


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def assert_error_line(result: Result, *fragments: str) -> str:
    assert result.exit_code == ExitCode.ERROR, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def shape(nodes: tuple[Node, ...]) -> list[tuple[str, str, str, str, object]]:
    """The tree without line numbers and source references: what two formats of one text must agree on."""
    return [
        (n.kind.value, n.label, n.title, n.text, (sorted(n.marks), n.footnotes, shape(n.children))) for n in nodes
    ]


def texts(html: str) -> list[str]:
    return [line.text for line in read_lines(html) if line.text]


def outline(nodes: tuple[Node, ...], depth: int = 0) -> list[str]:
    out = []
    for node in nodes:
        out.append("  " * depth + " ".join(p for p in (node.kind.value, node.label, node.title, node.text) if p))
        out.extend(outline(node.children, depth + 1))
    return out


# --- HTML -------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Draft convention</title><style>#main { color: red }</style>
<script>document.write("Article 99 injected")</script></head>
<body>
<header><a href="/">UN home</a> <nav><a href="/treaties">Treaties</a></nav></header>
<nav>Skip to content | Search</nav>
<div role="navigation">Breadcrumbs &gt; Drafts</div>
<main>
<h1>Draft Convention on Cooperation</h1>
<p><em>Recognizing</em> the need for cooperation between States&nbsp;Parties,</p>
<h2>Chapter I</h2>
<h3>General provisions</h3>
<h4>Article 1</h4>
<h5>Use of terms</h5>
<p>For the purposes of this Convention:</p>
<ol type="a">
  <li>"data" means any representation of facts &amp; information<sup>1</sup>;
  <li>"service provider" means any public or private entity.</li>
</ol>
<h4>Article 2</h4>
<h5>Measures</h5>
<ol start="1">
<li><p>Each State Party <strong>shall</strong> adopt measures.</p></li>
<li>Each State Party may:
  <ol type="i"><li>cooperate;</li><li>assist.</li></ol>
</li>
</ol>
<ol start="3"><li>This article applies mutatis mutandis.</li></ol>
<ul><li>a loose bullet</li></ul>
<table>
  <tr><th>Term</th><th>Period</th></tr>
  <tr><td>Notification</td><td>30 days</td></tr>
</table>
<p>Line one of an address<br>line two</p>
<form action="/search"><label>Search</label><input name="q"><button>Go</button></form>
<aside>Related documents</aside>
<!-- Article 77: a comment that is not text -->
<template><p>Article 88</p></template>
<noscript>Please enable JavaScript</noscript>
</main>
<footer>Copyright United Nations</footer>
<script>alert("Article 100")</script>
</body>
</html>
"""


def test_html_page_reads_into_the_article_tree() -> None:
    draft = load_text(PAGE, format="html")
    assert draft.format == "html"
    [chapter] = [n for n in draft.nodes if n.kind is Kind.CHAPTER]
    assert (chapter.label, chapter.title) == ("I", "General provisions")
    articles = [p.node for p in draft.articles()]
    assert [(a.label, a.title) for a in articles] == [("1", "Use of terms"), ("2", "Measures")]
    terms = articles[0]
    assert [c.label for c in terms.children[0].children] == ["a.", "b."]
    assert terms.children[0].children[0].text == '"data" means any representation of facts & information1;'
    measures = articles[1]
    assert [c.label for c in measures.children][:3] == ["1.", "2.", "3."]
    assert [c.label for c in measures.children[1].children] == ["i.", "ii."]
    assert measures.children[0].text == "Each State Party shall adopt measures."


def test_html_drops_page_chrome_scripts_and_comments() -> None:
    lines = texts(PAGE)
    joined = "\n".join(lines)
    for dropped in ("UN home", "Treaties", "Skip to content", "Breadcrumbs", "Search", "Go", "Related documents",
                    "Article 77", "Article 88", "Article 99", "Article 100", "enable JavaScript", "Copyright",
                    "Draft convention", "color: red", "alert"):
        assert dropped not in joined, dropped
    assert "Recognizing the need for cooperation between States\u00a0Parties," in lines  # &nbsp; decoded


def test_html_lists_tables_breaks_and_hints() -> None:
    lines = read_lines(PAGE)
    by_text = {line.text: line for line in lines if line.text}
    assert by_text["Draft Convention on Cooperation"].heading == 1
    assert by_text["Article 1"].heading == 4 and by_text["Use of terms"].heading == 5
    assert by_text["a loose bullet"].bullet
    assert "Term | Period" in by_text and "Notification | 30 days" in by_text
    assert "3. This article applies mutatis mutandis." in by_text
    assert "i. cooperate;" in by_text and "ii. assist." in by_text
    # a <br> ends a line inside one block: the two lines follow each other with no blank line between
    index = [line.text for line in lines].index("Line one of an address")
    assert lines[index + 1].text == "line two"


def test_html_list_numbering_as_a_browser_prints_it() -> None:
    html = """<div><ol start="4" type="A"><li>d</li><li value="10">j</li><li>k</li></ol>
    <ol reversed start="3"><li>three</li><li>two</li></ol><ol type="I" start="4"><li>four</li></ol></div>"""
    assert texts(html) == ["D. d", "J. j", "K. k", "3. three", "2. two", "IV. four"]


def test_html_emphasis_hint_only_for_a_wholly_emphasised_block() -> None:
    lines = {line.text: line for line in read_lines(
        "<div><p><b>Article 5</b></p><p><i>Scope</i> of <b>it</b></p><p><strong><em>Preamble</em></strong></p></div>"
    ) if line.text}
    assert lines["Article 5"].emphasis and lines["Preamble"].emphasis
    assert not lines["Scope of it"].emphasis


def test_html_header_of_an_article_element_is_kept() -> None:
    html = "<body><header>Site</header><article><header><h2>Article 3</h2></header><p>Text.</p></article></body>"
    assert texts(html) == ["Article 3", "Text."]


def test_hostile_script_is_dropped_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    hostile = f"""<html><body><p>Article 1</p><p>Harmless text.</p>
    <script>require('fs').writeFileSync({str(marker)!r}, 'x'); Article 666</script>
    <img src=x onerror="alert(1)"><p onclick="evil()">Clicked text.</p>
    <script type="text/python">open({str(marker)!r}, 'w').write('x')</script></body></html>"""
    path = tmp_path / "hostile.html"
    path.write_text(hostile, encoding="utf-8")
    result = invoke("outline", path, "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    words = json.dumps(document)
    assert "666" not in words and "writeFileSync" not in words and "evil" not in words
    assert "Clicked text." in words
    assert not marker.exists()


def test_html_unclosed_tags_and_stray_end_tags() -> None:
    html = "<body><p>First<p>Second</i></b><ul><li>one<li>two</ul><table><tr><td>a<td>b<tr><td>c<td>d</table></body>"
    assert texts(html) == ["First", "Second", "one", "two", "a | b", "c | d"]


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Artículo 5 \u2013 Ámbito</p></body></html>'
                     .encode("cp1252"))
    draft = load(path)
    assert not draft.warnings  # no "not valid UTF-8" guess: the page said what it is
    assert [(p.node.label, p.node.title) for p in draft.articles()] == [("5", "Ámbito")]


def test_our_own_html_report_does_not_crash_the_reader() -> None:
    from treatydiff.compare import compare
    from treatydiff.render import COMPARE

    old, new = load(FIXTURES / "zero-draft.md"), load(FIXTURES / "revised-draft.md")
    report = COMPARE.get("html")(compare(old, new), RenderOptions(), Console(file=StringIO(), width=100))
    draft = load_text(report, format="html")
    assert draft.format == "html"
    assert "<" not in " ".join(n.text for n in draft.walk())  # markup never leaks into the words


# --- EUR-Lex ----------------------------------------------------------------------------------------------

EURLEX = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/><title>L_2016119EN.01000101.xml</title>
<link rel="stylesheet" type="text/css" href="../../../../css/eur-lex.css"/></head>
<body>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="doc-sep"><tr><td>4.5.2016</td><td class="hd-lg">EN</td><td>Official Journal of the European Union</td><td class="hd-oj">L 119/1</td></tr></table>
<p class="doc-ti" id="d1e40-1-1">REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</p>
<p class="normal">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>
<p class="normal">Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16 thereof,</p>
<p class="normal">Whereas:</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(1)</p></td><td valign="top"><p class="normal">The protection of natural persons in relation to the processing of personal data is a fundamental right.</p></td></tr></tbody></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(2)</p></td><td valign="top"><p class="normal">The principles of the protection should respect their fundamental rights and freedoms.</p></td></tr></tbody></table>
<p class="normal">HAVE ADOPTED THIS REGULATION:</p>
<p class="ti-section-1" id="d1e1374-1-1">CHAPTER I</p>
<p class="ti-section-2"><span class="bold">General provisions</span></p>
<p id="d1e1379-1-1" class="ti-art">Article 1</p>
<p class="sti-art">Subject-matter and objectives</p>
<p class="normal">1.   This Regulation lays down rules relating to the protection of natural persons.</p>
<p class="normal">2.   This Regulation protects fundamental rights &amp; freedoms of natural persons.</p>
<p id="d1e1400-1-1" class="ti-art">Article 2</p>
<p class="sti-art">Material scope</p>
<p class="normal">1.   This Regulation applies to the processing of personal data.</p>
<p class="normal">2.   This Regulation does not apply to the processing of personal data:</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(a)</p></td><td valign="top"><p class="normal">in the course of an activity which falls outside the scope of Union law;</p></td></tr></tbody></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(b)</p></td><td valign="top"><p class="normal">by a natural person in the course of:</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(i)</p></td><td valign="top"><p class="normal">a purely personal activity; or</p></td></tr></tbody></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(ii)</p></td><td valign="top"><p class="normal">a household activity.</p></td></tr></tbody></table>
</td></tr></tbody></table>
<p class="ti-section-1">CHAPTER II</p>
<p class="ti-section-2"><span class="bold">Principles</span></p>
<p class="ti-art">Article 3</p>
<p class="sti-art">Lawfulness of processing</p>
<p class="normal">Processing shall be lawful only if at least one of the following applies:</p>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(a)</p></td><td valign="top"><p class="normal">the data subject has given consent;</p></td></tr></tbody></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0"><col width="4%"/><col width="96%"/><tbody><tr><td valign="top"><p class="normal">(b)</p></td><td valign="top"><p class="normal">processing is necessary for the performance of a contract.</p></td></tr></tbody></table>
</body></html>
"""

EURLEX_AS_MARKDOWN = """\
# REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL

THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,

Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16 thereof,

Whereas:

(1) The protection of natural persons in relation to the processing of personal data is a fundamental right.

(2) The principles of the protection should respect their fundamental rights and freedoms.

HAVE ADOPTED THIS REGULATION:

## CHAPTER I

### General provisions

### Article 1

#### Subject-matter and objectives

1. This Regulation lays down rules relating to the protection of natural persons.

2. This Regulation protects fundamental rights & freedoms of natural persons.

### Article 2

#### Material scope

1. This Regulation applies to the processing of personal data.

2. This Regulation does not apply to the processing of personal data:

(a) in the course of an activity which falls outside the scope of Union law;

(b) by a natural person in the course of:

(i) a purely personal activity; or

(ii) a household activity.

## CHAPTER II

### Principles

### Article 3

#### Lawfulness of processing

Processing shall be lawful only if at least one of the following applies:

(a) the data subject has given consent;

(b) processing is necessary for the performance of a contract.
"""


def test_eurlex_reads_into_the_same_tree_as_the_same_text_in_markdown() -> None:
    html = load_text(EURLEX, format=None)
    markdown = load_text(EURLEX_AS_MARKDOWN, format="md")
    assert html.format == "html"
    assert shape(html.nodes) == shape(markdown.nodes)
    assert [(p.node.label, p.node.title) for p in html.articles()] == [
        ("1", "Subject-matter and objectives"), ("2", "Material scope"), ("3", "Lawfulness of processing")
    ]
    assert html.counts()["recitals"] == 2


def test_eurlex_marker_cell_joins_its_text_and_the_running_header_goes() -> None:
    lines = texts(EURLEX)
    assert "(a) in the course of an activity which falls outside the scope of Union law;" in lines
    assert "(i) a purely personal activity; or" in lines
    assert not any("|" in line for line in lines)
    assert not any("Official Journal" in line for line in lines)


def test_eurlex_2020s_layout_with_oj_classes() -> None:
    html = """<html><body><div class="eli-container">
    <p class="oj-ti-section-1">CHAPTER I</p><div class="eli-title"><p class="oj-ti-section-2">Scope</p></div>
    <div class="eli-subdivision" id="art_1"><p class="oj-ti-art">Article 1</p>
    <div class="eli-title"><p class="oj-sti-art">Subject matter</p></div>
    <div id="001.001"><p class="oj-normal">1.   This Regulation applies.</p></div>
    <table width="100%"><tr><td><p class="oj-normal">(a)</p></td><td><p class="oj-normal">first;</p></td></tr></table>
    </div></div></body></html>"""
    draft = load_text(html)
    [article] = [p.node for p in draft.articles()]
    assert (article.label, article.title) == ("1", "Subject matter")
    assert [(c.label, c.text) for c in article.children[0].children] == [("(a)", "first;")]


# --- Akoma Ntoso ------------------------------------------------------------------------------------------

AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="convention">
    <meta>
      <identification source="#source">
        <FRBRWork><FRBRthis value="/akn/un/act/2024/1/main"/><FRBRuri value="/akn/un/act/2024/1"/></FRBRWork>
      </identification>
    </meta>
    <preface><longTitle><p>Draft Convention on Cooperation</p></longTitle></preface>
    <preamble>
      <recitals>
        <recital eId="recital_1"><num>(1)</num><p>Recognizing the need for cooperation,</p></recital>
      </recitals>
    </preamble>
    <body>
      <chapter eId="chp_I">
        <num>I</num>
        <heading>General provisions</heading>
        <article eId="art_1">
          <num>Article 1</num>
          <heading>Use of terms</heading>
          <paragraph eId="art_1__para_1">
            <num>1.</num>
            <list eId="art_1__para_1__list_1">
              <intro><p>For the purposes of this Convention<authorialNote marker="1" eId="fn_1"><p>As agreed at the fourth session.</p></authorialNote>:</p></intro>
              <point eId="art_1__para_1__list_1__point_a"><num>(a)</num><content><p>"data" means <i>any</i> representation;</p></content></point>
              <point eId="art_1__para_1__list_1__point_b"><num>(b)</num><content><p>"provider" means an entity <quotedText startQuote="&#8220;" endQuote="&#8221;">offering services</quotedText>.</p></content></point>
            </list>
          </paragraph>
          <paragraph eId="art_1__para_2"><num>2.</num><content><p>Terms not defined keep their meaning.</p></content></paragraph>
        </article>
        <article eId="art_2">
          <num>Article 2 bis</num>
          <heading>Scope</heading>
          <paragraph eId="art_2__para_1"><content><p>This Convention applies to offences.</p></content></paragraph>
        </article>
      </chapter>
    </body>
  </act>
</akomaNtoso>
"""


def test_akn_3_reads_into_the_article_tree_with_refs() -> None:
    draft = load_text(AKN)
    assert draft.format == "akn"
    [chapter] = [n for n in draft.nodes if n.kind is Kind.CHAPTER]
    assert (chapter.label, chapter.title, chapter.ref) == ("I", "General provisions", "chp_I")
    articles = [p.node for p in draft.articles()]
    assert [(a.label, a.title, a.ref) for a in articles] == [
        ("1", "Use of terms", "art_1"), ("2 bis", "Scope", "art_2")
    ]
    first = articles[0].children[0]
    assert (first.label, first.text, first.ref) == ("1.", "For the purposes of this Convention:", "art_1__para_1")
    assert first.footnotes == ("As agreed at the fourth session.",)
    points = first.children
    assert [(p.label, p.text) for p in points] == [
        ("(a)", '"data" means any representation;'), ("(b)", '"provider" means an entity "offering services".')
    ]
    assert points[1].ref == "art_1__para_1__list_1__point_b"
    assert articles[1].children[0].ref == "art_2__para_1"
    recitals = [n for n in draft.walk() if n.kind is Kind.RECITAL]
    assert [(r.label, r.ref) for r in recitals] == [("(1)", "recital_1")]
    assert not any("FRBR" in n.text or "/akn/" in n.text for n in draft.walk())
    assert not draft.warnings


def test_akn_refs_in_the_json_outline_only_where_there_are_some(tmp_path: Path) -> None:
    path = tmp_path / "convention.xml"
    path.write_text(AKN, encoding="utf-8")
    document = json.loads(invoke("outline", path, "-f", "json").stdout)
    chapter = document["nodes"][-1]
    assert chapter["ref"] == "chp_I" and chapter["children"][0]["ref"] == "art_1"
    md = tmp_path / "convention.md"
    md.write_text(EURLEX_AS_MARKDOWN, encoding="utf-8")
    assert '"ref"' not in invoke("outline", md, "-f", "json").stdout


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>1</num>
<paragraph><content><p>&lol9;</p></content></paragraph></article></body></act></akomaNtoso>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>1</num>
<paragraph><content><p>&xxe;</p></content></paragraph></article></body></act></akomaNtoso>
"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_unsafe_xml_is_refused_in_one_line(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(xml, encoding="utf-8")
    line = assert_error_line(invoke("outline", path), str(path), "unsafe XML (entity declarations) — ")
    assert "root:" not in line and "lol" not in line


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    broken = AKN.replace("keep their meaning.</p></content></paragraph>", "keep their meaning.</p></paragraph>")
    assert broken != AKN
    path.write_text(broken, encoding="utf-8")
    line = assert_error_line(invoke("outline", path), "malformed XML", "mismatched tag")
    bad_line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if "Terms not defined" in text)
    assert line.startswith(f"error: {path}:{bad_line}: ")


def test_truncated_xml_and_xml_that_is_not_akoma_ntoso(tmp_path: Path) -> None:
    path = tmp_path / "cut.akn"
    path.write_text(AKN[: len(AKN) // 2], encoding="utf-8")
    assert_error_line(invoke("outline", path), "malformed XML")
    other = tmp_path / "other.xml"
    other.write_text("<?xml version='1.0'?><root><p>Article 1</p></root>", encoding="utf-8")
    assert_error_line(invoke("outline", other), "not an Akoma Ntoso document")
    with pytest.raises(LoadError, match="not an Akoma Ntoso"):
        load_text("<html><body><p>x</p></body></html>", format="akn")


# --- the German Vereinsgesetz in LegalDocML.de (../shared/corpus) -----------------------------------------

corpus = pytest.mark.skipif(not AKN_DIR.is_dir(), reason="../shared/corpus is not present")


def akn_file(prefix: str) -> Path:
    found = sorted(AKN_DIR.glob(f"{prefix}*.xml"))
    if not found:
        pytest.skip(f"{prefix}*.xml not in the corpus")
    return found[0]


@corpus
@pytest.mark.parametrize("version", ["v1", "v2"])
def test_vereinsgesetz_holds_section_20_and_the_entry_into_force(version: str) -> None:
    draft = load(akn_file(version))
    assert draft.format == "akn" and not draft.warnings
    articles = [p.node for p in draft.articles()]
    assert [(a.label, a.title, a.ref) for a in articles] == [
        ("20", "", "art-z20"), ("34", "Inkrafttreten", "art-z34")
    ]
    section_20 = articles[0]
    assert [(c.label, c.ref) for c in section_20.children] == [
        ("(1)", "art-z20_abs-z1"), ("", "art-z20_abs-z1_inhalt-n1_liste-n1_listenschl-n1"), ("(2)", "art-z20_abs-z2")
    ]
    paragraph_1 = section_20.children[0]
    assert paragraph_1.text == "Wer"
    assert [c.label for c in paragraph_1.children] == ["1.", "2."]
    assert paragraph_1.children[1].text.startswith("entgegen § 9 Abs. 1 Satz 2, Abs. 2 Kennzeichen")
    assert section_20.children[1].text.startswith("wird mit Gefängnis bis zu einem Jahr")  # the wrap-up
    assert section_20.children[2].text.startswith("In den Fällen des Absatzes 1 Nr. 1 gilt § 90 a")
    assert articles[1].children[0].text == "Dieses Gesetz tritt einen Monat nach seiner Verkündung in Kraft."
    preamble = draft.nodes[0]
    assert preamble.kind is Kind.PREAMBLE
    assert "Gesetz zur Regelung des öffentlichen Vereinsrechts" in preamble.children[0].text
    words = " ".join(n.text for n in draft.walk())
    assert "eli/bund" not in words and "attributsemantik" not in words  # metadata never read as text
    # the closing formula and signatures are kept, but not as paragraphs of the last article
    closing = draft.nodes[-1]
    assert closing.kind is Kind.DIVISION and closing.title == "Das vorstehende Gesetz ist hiermit verkündet."
    assert "Der Bundespräsident Lübke" in [c.text for c in closing.children]


@corpus
def test_vereinsgesetz_amending_act_holds_the_instruction() -> None:
    draft = load(akn_file("amending-act"))
    articles = [p.node for p in draft.articles()]
    assert [(a.label, a.title) for a in articles] == [("1", "Änderung des Vereinsgesetzes"), ("3", "Inkrafttreten")]
    [intro] = articles[0].children
    assert intro.text.endswith("wird wie folgt geändert:")
    [instruction] = intro.children
    assert instruction.label == "2."
    assert instruction.text == (
        'In § 20 Absatz 1 Satz 2 wird die Angabe "§ 9 Abs. 1 Satz 2, Abs. 2" durch die Wörter '
        '"§ 9 Absatz 1 Satz 2, Absatz 2 oder 3" ersetzt.'
    )


@corpus
def test_vereinsgesetz_versions_compare_unchanged() -> None:
    result = invoke("compare", akn_file("v1"), akn_file("v2"), "-f", "json", "--exit-code")
    assert result.exit_code == ExitCode.OK, (result.stdout, result.stderr)
    document = json.loads(result.stdout)
    outcomes = {change["outcome"] for change in document["changes"]}
    assert outcomes == {"unchanged"}
    assert document["summary"]["words_inserted"] == document["summary"]["words_deleted"] == 0
    numbers = [ref["number"] for change in document["changes"] for ref in change["old"] if ref["kind"] == "article"]
    assert numbers == ["20", "34"]


@corpus
def test_vereinsgesetz_outline_cli() -> None:
    result = invoke("outline", akn_file("v1"))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "2 articles" in result.stdout and "Inkrafttreten" in result.stdout


def test_same_text_as_akn_and_as_html_reads_alike() -> None:
    """One instrument in two formats: the trees agree (source references aside)."""
    html = """<html><body><h1>Draft Convention on Cooperation</h1><p>(1) Recognizing the need for cooperation,</p>
    <h2>CHAPTER I</h2><h3>General provisions</h3><h3>Article 2 bis</h3><h4>Scope</h4>
    <p>This Convention applies to offences.</p></body></html>"""
    akn = AKN.replace(AKN[AKN.index("<article eId=\"art_1\">"): AKN.index("<article eId=\"art_2\">")], "")
    from_akn, from_html = load_text(akn), load_text(html)

    def strip(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(dataclasses.replace(n, line=0, ref="", children=strip(n.children)) for n in nodes)

    assert strip(from_akn.nodes) == strip(from_html.nodes)


def test_load_options_reach_the_readers() -> None:
    options = LoadOptions(format="html")
    assert isinstance(load_text("<p>Article 1</p>", format=options.format), Draft)


# --- footnotes, and the project's own fixtures in HTML ----------------------------------------------------


def test_pandoc_and_eurlex_footnotes_attach_to_their_provision() -> None:
    pandoc = """<html><body><h2>Article 1</h2><h3>Scope</h3>
    <p>This Convention applies.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
    <p>Other text<sup>2</sup>.</p>
    <section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol>
    <li id="fn1"><p>Proposed by one delegation.<a href="#fnref1" class="footnote-back" role="doc-backlink">\u21a9\ufe0e</a></p></li>
    </ol></section></body></html>"""
    [article] = [p.node for p in load_text(pandoc).articles()]
    assert article.children[0].footnotes == ("Proposed by one delegation.",)
    assert article.children[0].text == "This Convention applies."
    assert article.children[1].text == "Other text2."  # a <sup> that is not a marked footnote stays text
    eurlex = """<html><body><p class="ti-art">Article 1</p><p class="sti-art">Scope</p>
    <p class="normal">1.&nbsp;&nbsp;&nbsp;This Convention applies.<a id="ntc1-L1" href="#ntr1-L1">(<span class="super">1</span>)</a></p>
    <hr class="note" /><p class="note"><a id="ntr1-L1" href="#ntc1-L1">(<span class="super">1</span>)</a>&nbsp;&nbsp;OJ C 1, 1.1.2020, p. 1.</p>
    </body></html>"""
    [article] = [p.node for p in load_text(eurlex).articles()]
    assert article.children[0].footnotes == ("OJ C 1, 1.1.2020, p. 1.",)
    assert article.children[0].text == "This Convention applies."


def compare_json(old: Path, new: Path) -> dict[str, Any]:
    result = invoke("compare", old, new, "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.parametrize("draft", ["zero-draft", "revised-draft", "final-text"])
def test_fixture_html_reads_as_its_markdown(draft: str) -> None:
    """The same text in two formats finds nothing (DESIGN, invariants)."""
    md, page = FIXTURES / f"{draft}.md", FIXTURES / f"{draft}.html"
    if not page.exists():
        pytest.skip(f"{page.name} not generated")
    document = compare_json(md, page)
    assert {c["outcome"] for c in document["changes"]} == {"unchanged"}
    assert load(page).warnings == ()
    assert sum(len(n.footnotes) for n in load(page).walk()) == sum(len(n.footnotes) for n in load(md).walk())


def test_fixture_eurlex_page_reads_as_its_markdown() -> None:
    md, page = FIXTURES / "final-text.md", FIXTURES / "final-text.eurlex.html"
    if not page.exists():
        pytest.skip(f"{page.name} not generated")
    changes = compare_json(md, page)["changes"]
    changed = [c for c in changes if c["outcome"] != "unchanged"]
    # EUR-Lex prints the title in capitals: the one difference, and an editorial one
    assert [(c["old"][0]["kind"], c["editorial_only"]) for c in changed] == [("preamble", True)]


def test_html_page_with_nothing_but_chrome_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<!DOCTYPE html><html><head><title>Drafts</title></head><body><nav><a href='a.pdf'>Draft</a></nav>"
                    "<script>x()</script></body></html>", encoding="utf-8")
    assert_error_line(invoke("outline", path), str(path), "holds no text", "--from txt")


# --- hostile markup: numbers and declarations a page cannot use against the reader -------------------------------


def test_xhtml_internal_dtd_subset_is_not_read_as_text() -> None:
    """``<!DOCTYPE html [ <!ATTLIST ...> ]>``: the declaration ends at ``]>``, not at the first ``>`` inside it."""
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html [\n  <!ATTLIST p data-x CDATA #IMPLIED>\n'
            '  <!ENTITY ndash "&#8211;">\n]>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Article 1</h2>'
            "<p>Text.</p></body></html>\n")
    assert texts(page) == ["Article 1", "Text."]
    assert [n.kind for n in load_text(page, format="html").nodes] == [Kind.ARTICLE]


@pytest.mark.parametrize(
    ("reference", "shown"),
    [
        ("&#" + "1" * 5000 + ";", "\ufffd"),  # more than Python converts (4,300 digits): no character
        ("&#x" + "f" * 5000 + ";", "\ufffd"),
        ("&#" + "9" * 5000, "\ufffd"),  # no ";"
        ("&#" + "0" * 5000 + "65;", "A"),  # leading zeros: still "A"
        ("&#x" + "0" * 5000 + "41;", "A"),
    ],
    ids=["decimal", "hex", "unterminated", "zeros", "hex-zeros"],
)
def test_html_character_reference_of_5000_digits(reference: str, shown: str) -> None:
    assert texts(f"<p>Article 1 {reference} text</p><p title='{reference}'>x</p>") == [f"Article 1 {shown} text", "x"]


@pytest.mark.parametrize("attribute", ["start", "value"])
def test_html_list_number_of_4000_digits_is_no_number(attribute: str) -> None:
    """A ``start`` or ``value`` longer than any number (18 digits) is ignored, as any other that is no number."""
    where = "ol" if attribute == "start" else "li"
    page = f"<ol><li>a</li></ol><ol{' start=' + '9' * 4000 if where == 'ol' else ''}><li" \
           f"{' value=' + '9' * 4000 if where == 'li' else ''}>b</li><li>c</li></ol>"
    assert texts(page) == ["1. a", "1. b", "2. c"]


def test_akn_character_reference_of_5000_digits_is_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_text('<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
                    '<act><body><article eId="art_1"><num>Article 1</num><paragraph><content><p>x &#'
                    + "1" * 5000 + "; y</p></content></paragraph></article></body></act></akomaNtoso>",
                    encoding="utf-8")
    assert_error_line(invoke("outline", path), str(path), "malformed XML: reference to invalid character number")


@pytest.mark.parametrize("tail", ["<a ", "<!--", "<![CDATA[", "<!doctype html [>", "<p title='"])
def test_html_markup_left_open_at_the_end_is_read_in_linear_time(tail: str) -> None:
    """300 KB of markup that never closes: Python 3.11's tokenizer read the rest of the page again from each
    ``<`` (hours for 1 MB). HTML drops what is still open at the end of the file; so does the reader."""
    page = "<h2>Article 1</h2><p>Text.</p>" + tail * (300_000 // len(tail))
    start = time.process_time()
    lines = texts(page)
    assert time.process_time() - start < 5.0
    assert lines[:2] == ["Article 1", "Text."]


def test_html_style_attribute_of_200_kb_is_read_in_linear_time() -> None:
    style = "text-decoration:" * 12_500
    start = time.process_time()
    assert texts(f"<h2>Article 1</h2><p>Text <span style='{style}'>kept</span>.</p>") == ["Article 1", "Text kept."]
    assert time.process_time() - start < 5.0


def test_html_legend_search_is_linear_in_a_long_word() -> None:
    """The legend ("Streichungen sind durchgestrichen") is looked for in the page's first lines: from every
    "gestrichen" inside one long word its ending was tried at every length (13 s for 3 KB)."""
    start = time.process_time()
    draft = load_text("<h2>Article 1</h2><p>" + "gestrichen" * 2_000 + "</p>", format="html")
    assert [n.label for n in draft.nodes] == ["1"]
    assert time.process_time() - start < 5.0
