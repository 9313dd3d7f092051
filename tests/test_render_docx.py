"""``compare -f docx``: the new draft as a Word document with tracked changes.

The file is opened with python-docx (a dependency: the DOCX reader's), as a program would, and read back with
``zipfile`` and ElementTree, since python-docx does not read tracked changes: every part is well-formed XML, the articles are Word headings, the flags are
comments anchored on their edits, and — the invariant that matters to a drafter — accepting every change gives
the new draft's paragraphs and rejecting every change the old draft's, in each draft's order. The paragraphs to
expect are the units the differ compares (``treatydiff.compare.units``), read from the drafts themselves, not from
the comparison. When LibreOffice is installed (Debian's ``libreoffice-writer-nogui``; CI installs it), the file is
also opened by it: converted to PDF and to text, and saved again as .docx, whose tracked changes must still accept
and reject to the drafts' texts. Without it those tests skip.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner, Result

import treatydiff
from treatydiff.cli import Env, cli
from treatydiff.compare import units
from treatydiff.errors import ExitCode
from treatydiff.model import Comparison, Draft, RenderOptions
from treatydiff.render import COMPARE, plain_console, report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: zero draft → final text (moves, a split, a merge, flags); Arabic (right to left); an article moved far and a
#: merge of two articles that stood apart (their paragraphs must go back to their places on "reject all")
PAIRS = [
    ("convention/zero-draft.md", "convention/final-text.md"),
    ("un/ar/zero-draft.md", "un/ar/revised-draft.md"),
    ("alignment/treaty-old.md", "alignment/treaty-new.md"),
]
DATE = "2026-01-01T00:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@functools.cache
def compared(old: str, new: str) -> Comparison:
    return treatydiff.compare(FIXTURES / old, FIXTURES / new)


def docx(comparison: Comparison, **options: object) -> bytes:
    data = COMPARE.get("docx")(comparison, RenderOptions(**{"date": DATE, **options}),  # type: ignore[arg-type]
                               plain_console())
    assert isinstance(data, bytes)
    return data


def part(data: bytes, name: str) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ElementTree.fromstring(archive.read(name))


def _texts(element: ElementTree.Element, side: str, inserted: bool = False, deleted: bool = False) -> Iterator[str]:
    """The text of ``element`` with every change accepted (``side="new"``) or rejected (``"old"``)."""
    for child in element:
        tag = child.tag
        # (a move's old place, as LibreOffice saves it, holds w:t, not w:delText)
        if (tag == f"{W}t" and not (deleted if side == "new" else inserted)) or (tag == f"{W}delText"
                                                                                  and side == "old"):
            yield child.text or ""
        elif tag in (f"{W}pPr", f"{W}rPr"):
            continue
        else:
            yield from _texts(child, side, inserted or tag in (f"{W}ins", f"{W}moveTo"),
                              deleted or tag in (f"{W}del", f"{W}moveFrom"))


def paragraphs(data: bytes, side: str) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the drafts' text (after the first page), as a reader sees it once every
    change is accepted (``side="new"``) or rejected (``"old"``): a paragraph whose mark was inserted is gone on
    rejecting, one whose mark was deleted on accepting (and either must then hold no words)."""
    body = part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    out: list[tuple[str, str]] = []
    started = False
    for paragraph in body.findall(f"{W}p"):  # the body's own paragraphs: the tables are on the first page
        style_element = paragraph.find(f"{W}pPr/{W}pStyle")
        style = style_element.get(f"{W}val", "") if style_element is not None else ""
        text = " ".join("".join(_texts(paragraph, side)).split())
        if not started:  # the first page ends with a page break (LibreOffice may move it to the next paragraph)
            if paragraph.find(f"{W}pPr/{W}pageBreakBefore") is not None:
                started = True
            elif paragraph.find(f".//{W}br[@{W}type='page']") is not None:
                started = True
                continue
            else:
                continue
        mark = paragraph.find(f"{W}pPr/{W}rPr/{W}{'del' if side == 'new' else 'ins'}")
        if mark is not None:
            assert not text, f"a paragraph whose mark is tracked keeps words on {side}: {text!r}"
            continue
        if text:
            out.append((style, text))
    return out


def draft_paragraphs(draft: Draft) -> list[str]:
    """What the document must read as for ``draft``: the label and words of each unit the differ compares, titles
    aside (they are in the headings)."""
    out = []
    for unit in units(list(draft.provisions())):
        text = " ".join(" ".join(p for p in (unit.label, unit.text) if p).split())
        if unit.label != report.TITLE_LABEL and text:
            out.append(text)
    return out


def body_texts(data: bytes, side: str) -> list[str]:
    return [text for style, text in paragraphs(data, side) if not style.startswith("Heading")]


# --- the file ---------------------------------------------------------------------------------------------


def test_every_part_is_xml_and_the_package_names_them() -> None:
    data = docx(compared(*PAIRS[0]))
    assert data[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            ElementTree.fromstring(archive.read(name))  # raises on anything malformed
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/comments.xml",
                 "docProps/core.xml"):
        assert name in names and f'"/{name}"' in types
    for target in re.findall(r'Target="([^"]+)"', rels):
        assert f"word/{target}" in names
    styles = {s.get(f"{W}styleId") for s in part(data, "word/styles.xml")}
    assert {"Heading1", "Heading2", "Title"} <= styles


def test_python_docx_opens_it() -> None:
    import docx as python_docx

    comparison = compared(*PAIRS[0])
    document = python_docx.Document(io.BytesIO(docx(comparison)))
    properties = document.core_properties
    assert properties.author == "treatydiff"
    assert properties.title == f"Changes: {comparison.old.label} → {comparison.new.label}"
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Title") == 1 and "Heading 1" in styles and "Heading 2" in styles
    # a heading for each changed or unchanged provision of the new draft, and comments by treatydiff
    assert styles.count("Heading 2") >= len(list(comparison.new.provisions()))
    comments = list(document.comments)
    assert comments and {c.author for c in comments} == {"treatydiff"}
    assert any("obligation-weakened" in c.text for c in comments)


def test_the_same_comparison_gives_the_same_bytes_and_no_date_gives_none() -> None:
    comparison = compared(*PAIRS[0])
    assert docx(comparison) == docx(comparison)
    undated = docx(comparison, date="")
    with zipfile.ZipFile(io.BytesIO(undated)) as archive:
        assert b"w:date" not in archive.read("word/document.xml")


def test_changes_are_tracked_by_treatydiff_on_the_date_given() -> None:
    document = part(docx(compared(*PAIRS[0])), "word/document.xml")
    changes = [e for e in document.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert any(e.tag == f"{W}ins" for e in changes) and any(e.tag == f"{W}del" for e in changes)
    assert {e.get(f"{W}author") for e in changes} == {"treatydiff"}
    assert {e.get(f"{W}date") for e in changes} == {DATE}
    ids = [e.get(f"{W}id") for e in changes]
    assert len(ids) == len(set(ids))


def test_the_first_page_holds_the_summary_then_a_page_break() -> None:
    data = docx(compared(*PAIRS[0]))
    body = part(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    first: list[str] = []
    for element in body:
        if element.find(f".//{W}br[@{W}type='page']") is not None:
            break
        first.append("".join(t.text or "" for t in element.iter(f"{W}t")))
    assert first[0] == "zero-draft → final-text"
    assert "Summary" in first and report.LEAD_TITLE in first
    tables = " | ".join(first)
    assert "renumbered13" in tables.replace(" ", "")  # outcome, count
    assert "Art. 5 → Art. 6highqualifier-added: ∅ → where appropriate2" in tables


# --- accept all, reject all -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=["convention", "arabic", "moves-and-merge"])
def test_accepting_every_change_gives_the_new_draft(old: str, new: str) -> None:
    comparison = compared(old, new)
    assert body_texts(docx(comparison), "new") == draft_paragraphs(comparison.new)


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=["convention", "arabic", "moves-and-merge"])
def test_rejecting_every_change_gives_the_old_draft(old: str, new: str) -> None:
    comparison = compared(old, new)
    assert body_texts(docx(comparison), "old") == draft_paragraphs(comparison.old)


def test_a_draft_compared_with_itself_tracks_nothing() -> None:
    comparison = compared(PAIRS[0][1], PAIRS[0][1])
    data = docx(comparison)
    document = part(data, "word/document.xml")
    assert not [e for e in document.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert body_texts(data, "new") == body_texts(data, "old") == draft_paragraphs(comparison.new)


def test_each_provision_of_the_new_draft_has_a_heading_and_each_division_too() -> None:
    comparison = compared(*PAIRS[0])
    data = docx(comparison)
    accepted = [text for style, text in paragraphs(data, "new") if style == "Heading2"]
    assert len(accepted) == len(list(comparison.new.provisions()))
    assert "Article 6 — General obligations" in accepted
    assert [t for t in accepted if t.startswith(("Article 22 ", "Article 23 "))]  # the two halves of a split
    rejected = [text for style, text in paragraphs(data, "old") if style == "Heading2"]
    assert "Article 5 — General obligations" in rejected
    chapters_new = [text for style, text in paragraphs(data, "new") if style == "Heading1"]
    chapters_old = [text for style, text in paragraphs(data, "old") if style == "Heading1"]
    assert "Chapter II — Conservation and management of coastal wetlands" in chapters_new
    assert "Chapter II — CONSERVATION AND MANAGEMENT OF COASTAL WETLANDS" in chapters_old


def test_arabic_paragraphs_read_right_to_left() -> None:
    document = part(docx(compared(*PAIRS[1])), "word/document.xml")
    marked = [p for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}bidi") is not None]
    assert len(marked) > 100


# --- flags as comments --------------------------------------------------------------------------------------------


def test_every_flag_shown_is_a_comment_anchored_on_its_edit() -> None:
    comparison = compared(*PAIRS[0])
    data = docx(comparison)
    options = RenderOptions()
    flags = [f for change in comparison.changes for f in report.shown_flags(change, options)]
    comments = part(data, "word/comments.xml").findall(f"{W}comment")
    assert len(comments) == len(flags) > 10
    said = ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in comments]
    assert "obligation-weakened (high): shall → may (para 4.)" in said
    document = part(data, "word/document.xml")
    for kind in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        ids = sorted(int(e.get(f"{W}id", "-1")) for e in document.iter(f"{W}{kind}"))
        assert ids == sorted(int(c.get(f"{W}id", "-2")) for c in comments)
    # the comment on shall → may spans the deletion of "shall" and is in the paragraph that inserts "may"
    number = said.index("obligation-weakened (high): shall → may (para 4.)")
    for paragraph in document.iter(f"{W}p"):
        children = list(paragraph)
        starts = [i for i, e in enumerate(children) if e.tag == f"{W}commentRangeStart"
                  and e.get(f"{W}id") == str(number)]
        if starts:
            anchored = children[starts[0] + 1]
            assert anchored.tag in (f"{W}del", f"{W}ins")
            assert "".join(anchored.itertext()).strip() in ("shall", "may")
            break
    else:
        pytest.fail("no paragraph holds the comment's range")


def test_min_severity_decides_the_comments() -> None:
    comparison = compared(*PAIRS[0])
    high = part(docx(comparison, min_severity="high"), "word/comments.xml").findall(f"{W}comment")
    low = part(docx(comparison, min_severity="low"), "word/comments.xml").findall(f"{W}comment")
    assert 0 < len(high) < len(low)


def test_summary_only_is_the_first_page() -> None:
    data = docx(compared(*PAIRS[0]), summary_only=True)
    document = part(data, "word/document.xml")
    assert not [e for e in document.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert document.find(f".//{W}br") is None


def test_the_python_api_gives_the_bytes() -> None:
    data = treatydiff.render(compared(*PAIRS[0]), "docx")
    assert isinstance(data, bytes) and data[:2] == b"PK"


# --- the command line -------------------------------------------------------------------------------------------


def invoke(*args: str | Path, env: Env | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=env or Env(environ={"SOURCE_DATE_EPOCH": "1767225600"}))


ZERO, FINAL = (FIXTURES / p for p in PAIRS[0])


def test_cli_writes_the_word_file_named_by_o(tmp_path: Path) -> None:
    target = tmp_path / "changes.docx"
    result = invoke("compare", ZERO, FINAL, "-o", target)  # the extension picks the format
    assert result.exit_code == ExitCode.OK, result.output
    data = target.read_bytes()
    assert body_texts(data, "new") == draft_paragraphs(compared(*PAIRS[0]).new)
    assert {e.get(f"{W}date") for e in part(data, "word/document.xml").iter(f"{W}ins")} == {DATE}
    assert not [p for p in tmp_path.iterdir() if p.name != "changes.docx"]  # no temporary file left


def test_cli_writes_the_bytes_into_a_pipe() -> None:
    result = invoke("compare", ZERO, FINAL, "-f", "docx")
    assert result.exit_code == ExitCode.OK
    assert result.stdout_bytes[:2] == b"PK"
    assert result.stdout_bytes == docx(treatydiff.compare(ZERO, FINAL))


def test_cli_never_writes_a_word_file_to_a_terminal() -> None:
    result = invoke("compare", ZERO, FINAL, "-f", "docx", env=Env(environ={}, is_terminal=True))
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.strip() == "error: standard output: -f docx writes a Word file — give -o FILE.docx"
    assert not result.stdout_bytes


def test_cli_refuses_a_source_date_epoch_that_is_no_number(tmp_path: Path) -> None:
    result = invoke("compare", ZERO, FINAL, "-o", tmp_path / "x.docx", env=Env(environ={"SOURCE_DATE_EPOCH": "soon"}))
    assert result.exit_code == ExitCode.ERROR
    assert "SOURCE_DATE_EPOCH: 'soon' is not a number of seconds" in result.stderr
    assert not list(tmp_path.iterdir())


# --- LibreOffice ----------------------------------------------------------------------------------------------------

needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(source: Path, to: str, tmp_path: Path) -> Path:
    """``source`` converted by LibreOffice headless into ``tmp_path/out``; its profile (and HOME) in ``tmp_path``."""
    assert SOFFICE is not None
    out = tmp_path / "out"
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", to, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180, env=env, cwd=tmp_path,
    )
    extension = to.split(":")[0]
    return out / f"{source.stem}.{extension}"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Comparison]:
    comparison = compared(*PAIRS[0])
    path = tmp_path_factory.mktemp("docx") / "changes.docx"
    path.write_bytes(docx(comparison))
    return path, comparison


@needs_libreoffice
def test_libreoffice_converts_it_to_pdf(written: tuple[Path, Comparison], tmp_path: Path) -> None:
    pdf = convert(written[0], "pdf", tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    import pypdfium2  # a dependency of the PDF reader

    assert len(pypdfium2.PdfDocument(data)) > 5


@needs_libreoffice
def test_libreoffice_reads_the_text(written: tuple[Path, Comparison], tmp_path: Path) -> None:
    text = convert(written[0], "txt:Text (encoded):UTF8", tmp_path).read_text(encoding="utf-8-sig")
    assert text.startswith("zero-draft → final-text")
    # LibreOffice writes tracked deletions and insertions both: "shall" struck, "may" inserted
    assert "4. Each State Party shallmay take into account" in text
    assert "General obligations" in text and "Article 6" in text


@needs_libreoffice
@pytest.mark.parametrize("side", ["new", "old"])
def test_libreoffice_keeps_the_tracked_changes(written: tuple[Path, Comparison], tmp_path: Path, side: str) -> None:
    """Saved again by LibreOffice, the changes are still tracked changes: accepted and rejected, they give the
    same paragraphs as the file written (had it read them as plain text, both would hold the words of both). The
    styles are not compared: LibreOffice gives a paragraph after one whose mark is deleted that one's style (a
    removed article's first paragraph becomes "Heading 2"), where Word keeps each paragraph's own."""
    saved = convert(written[0], "docx:MS Word 2007 XML", tmp_path).read_bytes()
    ours = [text for _, text in paragraphs(written[0].read_bytes(), side)]
    assert [text for _, text in paragraphs(saved, side)] == ours
    comparison = written[1]
    expected = draft_paragraphs(comparison.new if side == "new" else comparison.old)
    assert [text for text in ours if text in expected] == expected
    comments = part(saved, "word/comments.xml").findall(f"{W}comment")
    assert len(comments) == len(part(written[0].read_bytes(), "word/comments.xml").findall(f"{W}comment"))
