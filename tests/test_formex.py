"""The Formex 4 reader (the EU Official Journal's XML): what an act is read into, how a Formex file is told from
Akoma Ntoso, and that the two formats of one act (../shared/corpus, where present) read to the same articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.compare import compare
from treatydiff.errors import ExitCode, LoadError
from treatydiff.load import detect_format, load, load_text
from treatydiff.load.decode import RawDraft
from treatydiff.load.readers import READERS
from treatydiff.model import ArticleChange, Draft, Kind, Node, Outcome

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# A fictional act in the shapes the Publications Office prints: metadata, a title, citations with a footnote,
# recitals (one with a second paragraph), chapters with a section inside, unnumbered and numbered paragraphs,
# a list of points with quoted terms, a list of dashes, a page break, the final formula with a signature, and an annex.
ACT = """<?xml version="1.0" encoding="UTF-8"?>
<ACT xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xsi:noNamespaceSchemaLocation="http://formex.publications.europa.eu/schema/formex-06.00-20210715.xd">
<BIB.INSTANCE><DOCUMENT.REF FILE="L_209900001EN.doc.fmx.xml"><COLL>L</COLL></DOCUMENT.REF>
<DATE ISO="20990101">20990101</DATE></BIB.INSTANCE>
<TITLE><TI><P><HT TYPE="UC">Regulation</HT> (XX) 2099/1 <HT TYPE="UC">of the Assembly of Lakes</HT></P>
<P>on the keeping of lighthouses</P></TI></TITLE>
<PREAMBLE>
<PREAMBLE.INIT>THE ASSEMBLY OF LAKES,</PREAMBLE.INIT>
<GR.VISA><VISA>Having regard to the Charter of the Lakes<NOTE NOTE.ID="E0001" NUMBERING="ARAB" TYPE="FOOTNOTE"><P>
<REF.DOC.OJ COLL="L" NO.OJ="1">OJ L 1, 1.1.2090, p. 1</REF.DOC.OJ>.</P></NOTE>,</VISA></GR.VISA>
<GR.CONSID><GR.CONSID.INIT>Whereas:</GR.CONSID.INIT>
<CONSID><NP><NO.P>(1)</NO.P><TXT>Lighthouses guide ships at <HT TYPE="ITALIC">night</HT>.</TXT></NP></CONSID>
<CONSID><NP><NO.P>(2)</NO.P><TXT>A <QUOT.START CODE="2018" ID="QS1" REF.END="QE1"/>keeper<QUOT.END CODE="2019"
ID="QE1" REF.START="QS1"/> tends the lamp.</TXT><P>The lamp is lit at dusk.</P></NP></CONSID>
</GR.CONSID>
<PREAMBLE.FINAL>HAS ADOPTED THIS REGULATION:</PREAMBLE.FINAL>
</PREAMBLE>
<ENACTING.TERMS>
<DIVISION><TITLE><TI><P>CHAPTER I</P></TI><STI><P><HT TYPE="BOLD">GENERAL PROVISIONS</HT></P></STI></TITLE>
<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART>Subject matter</STI.ART>
<ALINEA>This Regulation lays down rules on lighthouses.</ALINEA>
<ALINEA>It applies from <DATE ISO="20990601">1 June 2099</DATE>.</ALINEA>
</ARTICLE>
<ARTICLE IDENTIFIER="002"><TI.ART>Article 2</TI.ART><STI.ART>Definitions</STI.ART>
<PARAG IDENTIFIER="002.001"><NO.PARAG>1.</NO.PARAG><ALINEA><P>For the purposes of this Regulation:</P>
<LIST TYPE="alpha">
<ITEM><NP><NO.P>(a)</NO.P><TXT><QUOT.START CODE="2018" ID="QS2" REF.END="QE2"/>lamp<QUOT.END CODE="2019" ID="QE2"
REF.START="QS2"/> means the light of a lighthouse;</TXT></NP></ITEM>
<ITEM><NP><NO.P>(b)</NO.P><TXT><QUOT.START CODE="2018" ID="QS3" REF.END="QE3"/>keeper<QUOT.END CODE="2019" ID="QE3"
REF.START="QS3"/> means a person who tends a lamp.</TXT></NP></ITEM>
</LIST></ALINEA></PARAG>
<PARAG IDENTIFIER="002.002"><NO.PARAG>2.</NO.PARAG><ALINEA>Member lakes shall keep a register of keepers<NOTE
NOTE.ID="E0002" NUMBERING="ARAB" TYPE="FOOTNOTE"><P>The register of <DATE ISO="20980101">1 January 2098</DATE>.</P>
</NOTE>.</ALINEA></PARAG>
</ARTICLE>
</DIVISION>
<DIVISION><TITLE><TI><P>CHAPTER II</P></TI><STI><P>OBLIGATIONS</P></STI></TITLE>
<DIVISION><TITLE><TI><P>SECTION 1</P></TI><STI><P>Keepers</P></STI></TITLE>
<ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><STI.ART>Duties of keepers</STI.ART>
<PARAG IDENTIFIER="003.001"><NO.PARAG>1.</NO.PARAG><ALINEA><P>A keeper shall:</P><LIST TYPE="DASH">
<ITEM><P>light the lamp at dusk;</P></ITEM><ITEM><P>log the ships that pass.</P></ITEM></LIST></ALINEA></PARAG>
<PARAG IDENTIFIER="003.002"><NO.PARAG>2.</NO.PARAG><ALINEA>A keeper may<?PAGE NO="2"?> rest at dawn.</ALINEA>
<ALINEA>Keepers shall not leave the lamp unattended.</ALINEA></PARAG>
</ARTICLE>
</DIVISION>
</DIVISION>
</ENACTING.TERMS>
<FINAL><P>This Regulation shall be binding in its entirety.</P><SIGNATURE><PL.DATE><P>Done at Lakeside,
<DATE ISO="20990101">1 January 2099</DATE>.</P></PL.DATE><SIGNATORY><P><HT TYPE="ITALIC">For the Assembly</HT></P>
<P><HT TYPE="ITALIC">The President</HT></P><P>A. <HT TYPE="UC">Reed</HT></P></SIGNATORY></SIGNATURE></FINAL>
<ANNEX><TITLE><TI><P>ANNEX I</P></TI><STI><P>List of lighthouses</P></STI></TITLE><CONTENTS>
<P>The following lighthouses are covered:</P><LIST TYPE="ARAB"><ITEM><NP><NO.P>1.</NO.P><TXT>North Point;</TXT></NP>
</ITEM><ITEM><NP><NO.P>2.</NO.P><TXT>South Rock.</TXT></NP></ITEM></LIST>
<TBL NO.SEQ="0001" COLS="2"><CORPUS><ROW><CELL COL="1">Name</CELL><CELL COL="2">Lake</CELL></ROW>
<ROW><CELL COL="1">North Point</CELL><CELL COL="2">Upper</CELL></ROW></CORPUS></TBL>
</CONTENTS></ANNEX>
</ACT>
"""

# The same kind of act as Akoma Ntoso: lower-case element names under an ``akomaNtoso`` root.
AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
<article eId="art_1"><num>Article 1</num><heading>Subject matter</heading><paragraph eId="art_1__para_1">
<content><p>This Regulation lays down rules on lighthouses.</p></content></paragraph></article>
</body></act></akomaNtoso>
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def outline(nodes: tuple[Node, ...], depth: int = 0) -> list[str]:
    out = []
    for node in nodes:
        words = (node.kind.value, node.label, node.title, node.text, *node.footnotes)
        out.append("  " * depth + " | ".join(w for w in words if w))
        out.extend(outline(node.children, depth + 1))
    return out


@pytest.fixture
def act(tmp_path: Path) -> Path:
    path = tmp_path / "act.xml"
    path.write_text(ACT, encoding="utf-8")
    return path


# --- what an act is read into -----------------------------------------------------------------------------


def test_an_act_reads_into_its_outline(act: Path) -> None:
    draft = load(act)
    assert draft.format == "formex"
    assert outline(draft.nodes) == [
        "preamble",
        "  block | Regulation (XX) 2099/1 of the Assembly of Lakes on the keeping of lighthouses",
        "  block | THE ASSEMBLY OF LAKES,",
        "  citation | Having regard to the Charter of the Lakes, | OJ L 1, 1.1.2090, p. 1.",
        "  block | Whereas:",
        "  recital | (1) | Lighthouses guide ships at night.",
        "  recital | (2) | A 'keeper' tends the lamp.",
        "  block | The lamp is lit at dusk.",
        "  block | HAS ADOPTED THIS REGULATION:",
        "chapter | I | GENERAL PROVISIONS",
        "  article | 1 | Subject matter",
        "    paragraph | This Regulation lays down rules on lighthouses.",
        "    paragraph | It applies from 1 June 2099.",
        "  article | 2 | Definitions",
        "    paragraph | 1. | For the purposes of this Regulation:",
        "      point | (a) | 'lamp' means the light of a lighthouse;",
        "      point | (b) | 'keeper' means a person who tends a lamp.",
        "    paragraph | 2. | Member lakes shall keep a register of keepers. | The register of 1 January 2098.",
        "chapter | II | OBLIGATIONS",
        "  section | 1 | Keepers",
        "    article | 3 | Duties of keepers",
        "      paragraph | 1. | A keeper shall:",
        "        point | light the lamp at dusk;",
        "        point | log the ships that pass.",
        "      paragraph | 2. | A keeper may rest at dawn.",
        "      paragraph | Keepers shall not leave the lamp unattended.",
        "division | Final formula",
        "  block | This Regulation shall be binding in its entirety.",
        "  block | Done at Lakeside, 1 January 2099.",
        "  block | For the Assembly The President A. Reed",
        "annex | I | List of lighthouses",
        "  paragraph | The following lighthouses are covered:",
        "    point | 1. | North Point;",
        "    point | 2. | South Rock.",
        "  paragraph | Name | Lake",
        "  paragraph | North Point | Upper",
    ]
    assert draft.counts() == {"articles": 3, "placeholders": 0, "annexes": 1, "annex_articles": 0, "recitals": 2, "paragraphs": 10}


def test_articles_keep_the_identifiers_formex_gives() -> None:
    draft = load_formex(ACT)
    refs = {p.node.label: p.node.ref for p in draft.articles()}
    assert refs == {"1": "001", "2": "002", "3": "003"}
    article_2 = next(p.node for p in draft.articles() if p.node.label == "2")
    assert [child.ref for child in article_2.children] == ["002.001", "002.002"]


def load_formex(xml: str) -> Draft:
    """An act in memory, its format found from the content."""
    return load_text(xml, source="act.xml")


def test_an_annex_of_its_own_and_a_consolidated_act_are_read_too() -> None:
    annex = load_formex(
        "<ANNEX><BIB.INSTANCE><NO.SEQ>0002</NO.SEQ></BIB.INSTANCE><TITLE><TI><P>ANNEX II</P></TI>"
        "<STI><P>Signals</P></STI></TITLE><CONTENTS><GR.SEQ><TITLE><TI><P>Part A</P></TI></TITLE>"
        '<P>One flash every <HT TYPE="BOLD">ten</HT> seconds.</P></GR.SEQ></CONTENTS></ANNEX>'
    )
    assert annex.format == "formex"
    assert [(p.node.label, p.node.title) for p in annex.annexes()] == [("II", "Signals")]
    assert "One flash every ten seconds." in next(annex.annexes()).node.full_text()
    consolidated = load_formex(
        "<CONS.ACT><INFO.CONSLEG><P>metadata</P></INFO.CONSLEG><CONS.DOC><BIB.INSTANCE.CONS><P>metadata</P>"
        "</BIB.INSTANCE.CONS><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><STI.ART>Scope</STI.ART>"
        "<ALINEA>It applies to lakes.</ALINEA></ARTICLE><ARTICLE><TI.ART>Article 2</TI.ART>"
        "<ALINEA>It applies to rivers.</ALINEA></ARTICLE></ENACTING.TERMS></CONS.DOC></CONS.ACT>"
    )
    assert [(p.node.label, p.node.title) for p in consolidated.articles()] == [("1", "Scope"), ("2", "")]
    assert "metadata" not in "\n".join(outline(consolidated.nodes))


def test_quotation_marks_come_from_their_code_and_are_never_anything_else() -> None:
    draft = load_formex(
        '<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA><QUOT.START CODE="201C"/>lamp'
        '<QUOT.END CODE="201D"/>, <QUOT.START CODE="1B"/>keeper<QUOT.END CODE="110000"/> and '
        '<QUOT.START CODE="41"/>ship<QUOT.END/> are defined.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>'
    )
    text = next(draft.articles()).node.full_text()
    # the normaliser makes every quotation mark straight; a control character, a code beyond Unicode and a
    # letter ("A") give the usual marks
    assert text == "\"lamp\", 'keeper' and 'ship' are defined."


# --- telling Formex from Akoma Ntoso, and refusing what is unsafe ------------------------------------------


def raw(data: str, suffix: str = "xml") -> RawDraft:
    return RawDraft(f"draft.{suffix}", data.encode("utf-8"), suffix)


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (ACT, "xml", "formex"),
        (ACT, "txt", "formex"),
        (ACT.split("\n", 1)[1], "xml", "formex"),  # no XML declaration: <P> inside must not make it HTML
        ('<?xml version="1.0"?>\n<!-- OJ L -->\n<CONS.ACT><CONS.DOC/></CONS.ACT>', "xml", "formex"),
        ('<?xml version="1.0"?>\n<ANNEX><CONTENTS><P>x</P></CONTENTS></ANNEX>', "", "formex"),
        ('<?xml version="1.0"?>\n<!DOCTYPE ACT SYSTEM "formex.dtd">\n<ACT/>', "", "formex"),
        (AKN, "xml", "akn"),
        (AKN, "", "akn"),
    ],
)
def test_detect_formex_and_akn(data: str, suffix: str, expected: str) -> None:
    assert detect_format(raw(data, suffix)) == expected


def test_the_akn_sniff_never_claims_formex_nor_the_formex_sniff_akn() -> None:
    akn, formex = READERS["akn"].sniff, READERS["formex"].sniff
    assert akn is not None and formex is not None
    assert not akn(ACT.encode()) and formex(ACT.encode())
    assert not formex(AKN.encode()) and akn(AKN.encode())
    # an HTML page that only talks about Formex elements
    assert not formex(b"<!DOCTYPE html><html><body><p>Formex 4 roots: &lt;ACT&gt; and <code>ACT</code></p>")
    assert not formex(b"<!DOCTYPE html><html><body><pre>\n<ACT>\n</pre> is the root of formex-06 files</body>")
    assert list(READERS).index("formex") < list(READERS).index("html")  # html's sniff would take <P> fragments


def test_from_formex_on_akn_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "act.xml"
    path.write_text(AKN, encoding="utf-8")
    result = invoke("outline", path, "--from", "formex")
    assert result.exit_code == ExitCode.ERROR, result.stdout
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: {path}") and "not a Formex act (the root element is <akomaNtoso>)" in (
        result.stderr
    )


ENTITIES = """<?xml version="1.0"?>
<!DOCTYPE ACT [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>&lol3;</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE ACT [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>&xxe;</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
"""


@pytest.mark.parametrize("xml", [ENTITIES, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused_in_one_line(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(xml, encoding="utf-8")
    assert detect_format(raw(xml)) == "formex"
    with pytest.raises(LoadError, match=r"unsafe XML \(entity declarations\)"):
        load(path)
    result = invoke("outline", path)
    assert result.exit_code == ExitCode.ERROR
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}")
    assert "unsafe XML (entity declarations) — " in lines[0] and "lol" not in lines[0]


def test_a_formex_file_with_no_text_is_refused() -> None:
    with pytest.raises(LoadError, match="holds no text"):
        load_formex("<ACT><BIB.INSTANCE><NO.SEQ>1</NO.SEQ></BIB.INSTANCE></ACT>")


# --- the corpus: the Formex and the Akoma Ntoso of one act --------------------------------------------------

#: stem of the act in the corpus -> (articles, numbered recitals), counted in the Formex XML (ARTICLE and
#: CONSID elements with an NP), and the number of substantive changes the comparison with the corpus's AKN finds.
ACTS = {
    "eu-data-act/v3-2023-12-13-Regulation-2023-2854": (50, 119, 2),
    "eu-dsa/v3-2022-10-19-Regulation-2022-2065": (93, 156, 2),
}
# Where the corpus's Akoma Ntoso (converted from the Formex, and lossy) runs the points of a list into the
# paragraph's text with no space ("... as follows:(a)the first point;(b)the second ..."), and the points of a
# quoted amendment likewise ("... is added:'29.The new point ..."). The AKN reader splits them into their points
# (treatydiff/load/akn.py, split_glued_list); none may be left. (A cross-reference, "points (a)(ii), (e) and (f)",
# is no such run: its label is followed by a bracket, a space or a comma.)
RUN_TOGETHER = re.compile(r"[:;,.]\s*['\"]?\((?:[a-z]{1,4}|\d{1,3})\)[^\s(),.;:]|:\s*'\d+\.\S")
#: Articles whose outline (kinds and labels) differs all the same: DSA Article 3(e) runs a list of two
#: unlabelled items into its text ("... such as:a significant number ...; or the targeting ..."), which no
#: label marks as a list, so the reader leaves it as it is.
UNLABELLED_RUNS = {"eu-dsa/v3-2022-10-19-Regulation-2022-2065": ["3"]}


@pytest.fixture(scope="module", params=sorted(ACTS), ids=lambda stem: stem.split("/")[0])
def twins(request: pytest.FixtureRequest) -> Iterator[tuple[str, Draft, Draft]]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    stem: str = request.param
    paths = [CORPUS / f"{stem}-{fmt}.xml" for fmt in ("akn", "formex")]
    if not all(path.is_file() for path in paths):
        pytest.skip(f"{stem} is not in the corpus")
    yield stem, load(paths[0]), load(paths[1])


def substantive(changes: tuple[ArticleChange, ...]) -> list[ArticleChange]:
    return [c for c in changes if c.outcome is not Outcome.UNCHANGED and not c.editorial_only]


def _words(node: Node) -> str:
    """Everything a node says, footnotes included, without spaces and quotation marks (the corpus's AKN has
    lost some spaces and the quotes in two article titles)."""
    return re.sub(r"[\s'\"\u2018\u2019]", "", " ".join((node.title, node.full_text(), *node.footnotes)))


CORPUS_GROUP = pytest.mark.xdist_group("formex-corpus")


@CORPUS_GROUP
def test_formex_and_akn_read_to_the_same_articles(twins: tuple[str, Draft, Draft]) -> None:
    stem, akn, formex = twins
    articles, recitals, _ = ACTS[stem]
    assert formex.format == "formex" and akn.format == "akn"
    labels = [p.node.label for p in formex.articles()]
    assert labels == [p.node.label for p in akn.articles()] == [str(n) for n in range(1, articles + 1)]
    # neither file holds the act's annexes (the Official Journal prints them as documents of their own)
    assert [p.node.label for p in formex.annexes()] == [p.node.label for p in akn.annexes()] == []
    numbered = [n.label for n in formex.nodes[0].walk() if n.kind is Kind.RECITAL and n.label]
    assert numbered == [f"({n})" for n in range(1, recitals + 1)]
    assert numbered == [n.label for n in akn.nodes[0].walk() if n.kind is Kind.RECITAL and n.label]
    # every article holds the same words in both, footnotes included
    assert [_words(p.node) for p in formex.articles()] == [_words(p.node) for p in akn.articles()]


@CORPUS_GROUP
def test_formex_against_akn_changes_only_where_the_akn_lost_words(twins: tuple[str, Draft, Draft]) -> None:
    stem, akn, formex = twins
    found = substantive(compare(akn, formex).changes)
    assert len(found) == ACTS[stem][2]
    # what is left comes from the AKN files themselves, never from a list: the preamble (the AKN's two <formula>
    # elements are empty, where Formex's PREAMBLE.INIT and PREAMBLE.FINAL have the enacting formulas' words; in
    # the Data Act its last citation also runs a footnote's words into its text) and the closing formula (the
    # AKN keeps the first SIGNATORY of two)
    assert sorted(c.match.old[0].node.kind for c in found if c.match.old) == sorted([Kind.PREAMBLE, Kind.DIVISION])
    # no article of the AKN still runs a list into its text, and each reads to the points the Formex has
    assert not [n.label or n.text[:40] for p in akn.articles() for n in p.node.walk() if RUN_TOGETHER.search(n.text)]
    shapes = [(p.node.label, [(n.kind, n.label) for n in p.node.walk()]) for p in formex.articles()]
    differ = [label for (label, shape), p in zip(shapes, akn.articles(), strict=True)
              if shape != [(n.kind, n.label) for n in p.node.walk()]]
    assert differ == UNLABELLED_RUNS.get(stem, [])
