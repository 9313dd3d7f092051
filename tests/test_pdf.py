"""The PDF reader: page furniture, hyphenation, columns, footnotes, errors (synthetic PDFs made here with reportlab),
and the AI Act PDFs of the corpus against their Markdown twins."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus_drafts import GROUP, corpus_draft
from rich.console import Console

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode, LoadError
from treatydiff.load import detect_format, load
from treatydiff.load.decode import RawDraft
from treatydiff.model import Draft, Kind, Node, RenderOptions
from treatydiff.render import OUTLINE

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROPOSAL_PDF = CORPUS / "eu-ai-act-formats" / "v01-2021-04-21-COM-2021-206-proposal.pdf"
COUNCIL_PDF = CORPUS / "eu-ai-act-formats" / "v10-2022-12-06-Council-general-approach-ST15698.pdf"

# A line drawn on a page: (x, y, text, font, size)
Text = tuple[float, float, str, str, float]


def make_pdf(pages: Sequence[Sequence[Text]], **canvas_options: Any) -> bytes:
    """A PDF (A4) with the given text drawn on each page, in the given order."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1, **canvas_options)
    for page in pages:
        for x, y, text, font, size in page:
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def body(lines: Sequence[str], *, x: float = 72, top: float = 740, pitch: float = 15, size: float = 11) -> list[Text]:
    """Body lines top down; an empty string leaves a paragraph gap."""
    out: list[Text] = []
    y = top
    for line in lines:
        if line:
            out.append((x, y, line, "Times-Roman", size))
            y -= pitch
        else:
            y -= pitch * 0.8
    return out


def heading(text: str, y: float) -> Text:
    return (250, y, text, "Times-Bold", 11)


def write(tmp_path: Path, data: bytes, name: str = "draft.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def walk(nodes: tuple[Node, ...]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.children))
    return out


def article_texts(draft: Draft) -> dict[str, str]:
    """Each article's words (its title and all text below it), by number."""
    return {
        p.node.label: " ".join([p.node.title, *(n.text for n in walk((p.node,)) if n.text)]).strip()
        for p in draft.articles()
    }


def all_text(draft: Draft) -> str:
    return "\n".join(t for n in draft.walk() for t in (n.title, n.text, *n.footnotes) if t)


# --- furniture -------------------------------------------------------------------------------------------------


WORDS = ("first", "second", "third", "fourth")


def paged_draft() -> bytes:
    """Four pages of a UN-style draft: a document symbol and LIMITE at the top, a page number, a print job
    number and its bar code at the bottom; a paragraph runs on over each page break."""
    pages: list[list[Text]] = []
    number = 1
    for page in range(4):
        lines: list[Text] = [
            (72, 800, "A/AC.291/22", "Times-Roman", 10),
            (480, 800, "LIMITE", "Times-Bold", 10),
            (280, 40, f"- {page + 1} -", "Times-Roman", 10),
            (72, 25, f"V.23-0{4321 + page} (E)", "Times-Roman", 8),
            (450, 25, f"*230{4321 + page}*", "Times-Roman", 8),
        ]
        y = 740.0
        if page:
            lines.append((72, y, f"so the {WORDS[page - 1]} paragraph ends here.", "Times-Roman", 11))
            y -= 30
        for _ in range(2):
            lines.append(heading(f"Article {number}", y))
            lines.extend(
                body(
                    [f"1. Each State Party shall take the measures number {number} that are needed.", ""],
                    top=y - 20,
                )
            )
            y -= 70
            number += 1
        lines.append((72, y, f"2. The {WORDS[page]} paragraph runs on over the page break", "Times-Roman", 11))
        pages.append(lines)
    return make_pdf(pages)


def test_running_headers_footers_and_page_numbers_are_removed(tmp_path: Path) -> None:
    draft = load(write(tmp_path, paged_draft()))
    assert [p.node.label for p in draft.articles()] == [str(n) for n in range(1, 9)]
    text = all_text(draft)
    for furniture in ("A/AC.291", "LIMITE", "V.23-", "*230", "- 2 -"):
        assert furniture not in text
    assert not re.search(r"^\d+$", text, re.M)
    texts = article_texts(draft)
    # the paragraph cut by the page break is whole again
    assert texts["2"].endswith(
        "that are needed. The first paragraph runs on over the page break so the first paragraph ends here."
    )
    assert any("page furniture" in w.message for w in draft.warnings)


def test_a_page_number_counting_up_inside_a_running_header_is_furniture(tmp_path: Path) -> None:
    pages = [
        [
            (72, 40, f"15698/22   RB/ek {n}", "Times-Roman", 12),
            (300, 25, "TREE.2.B   EN", "Times-Roman", 12),
            *body([f"Article {n}", "", f"The Parties shall cooperate on matter number {n * 7}."]),
        ]
        for n in range(1, 6)
    ]
    draft = load(write(tmp_path, make_pdf(pages)))
    assert [p.node.label for p in draft.articles()] == ["1", "2", "3", "4", "5"]
    assert "RB/ek" not in all_text(draft) and "TREE" not in all_text(draft)
    assert article_texts(draft)["3"] == "The Parties shall cooperate on matter number 21."


# --- lines -----------------------------------------------------------------------------------------------------


def test_a_word_hyphenated_at_a_line_end_is_rejoined(tmp_path: Path) -> None:
    lines = body(
        [
            "Article 1",
            "",
            "1. The Parties shall ensure the exchange of infor-",
            "mation and the timely com-",
            "munication of all relevant data.",
        ]
    )
    draft = load(write(tmp_path, make_pdf([lines])))
    assert article_texts(draft)["1"] == (
        "The Parties shall ensure the exchange of information and the timely communication of all relevant data."
    )


def test_a_two_column_page_is_read_column_by_column(tmp_path: Path) -> None:
    left = [
        "Article 1",
        "",
        "The left column starts here",
        "and goes on down",
        "the page, line",
        "after line,",
        "to its end.",
    ]
    right = [
        "Article 2",
        "",
        "The right column is read",
        "only after the left",
        "one, from its top",
        "to its bottom,",
        "is finished.",
    ]
    page: list[Text] = [(72, 790, "TWO COLUMNS", "Times-Bold", 14)]
    y = 740.0
    # drawn line by line across the page, the order least kind to a reader that follows the drawing order
    for a, b in zip(left, right, strict=True):
        if a:
            page.append((72, y, a, "Times-Roman", 11))
            page.append((320, y, b, "Times-Roman", 11))
            y -= 15
        else:
            y -= 12
    draft = load(write(tmp_path, make_pdf([page])))
    texts = article_texts(draft)
    assert texts == {
        "1": "The left column starts here and goes on down the page, line after line, to its end.",
        "2": "The right column is read only after the left one, from its top to its bottom, is finished.",
    }


def test_a_footnote_is_attached_to_its_article_and_kept_out_of_the_text(tmp_path: Path) -> None:
    page: list[Text] = [
        (250, 760, "Article 1", "Times-Bold", 11),
        (72, 735, "1. The Parties shall apply the standards of the Organization", "Times-Roman", 11),
        (72, 720, "in force on the date of signature.", "Times-Roman", 11),
        (235, 725, "1", "Times-Roman", 7),  # the raised marker after "signature."
        (72, 695, "2. The Parties shall report every year.", "Times-Roman", 11),
        (72, 120, "______________", "Times-Roman", 9),
        (72, 108, "1", "Times-Roman", 6),
        (80, 104, "See the report of the Working Group, document WG/3/2, annex II,", "Times-Roman", 9),
        (80, 93, "as adopted at its third session.", "Times-Roman", 9),
        (290, 40, "3", "Times-Roman", 10),
    ]
    draft = load(write(tmp_path, make_pdf([page])))
    article = next(draft.articles()).node
    first, second = article.children
    assert first.text == "The Parties shall apply the standards of the Organization in force on the date of signature."
    assert first.footnotes == (
        "See the report of the Working Group, document WG/3/2, annex II, as adopted at its third session.",
    )
    assert second.text == "The Parties shall report every year."
    assert "Working Group" not in " ".join(n.text for n in walk((article,)))


# --- format detection and errors ---------------------------------------------------------------------------------


def test_pdf_is_recognised_by_its_first_bytes() -> None:
    assert detect_format(RawDraft("x.txt", b"%PDF-1.7\n...", "txt")) == "pdf"


def load_error(path: Path) -> str:
    with pytest.raises(LoadError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def assert_cli_error(path: Path, fragment: str) -> None:
    result = CliRunner().invoke(cli, ["outline", str(path)], obj=Env(environ={}))
    assert result.exit_code == ExitCode.ERROR, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert fragment in lines[0] and "Traceback" not in result.stderr


def minimal_pdf() -> bytes:
    return make_pdf([body(["Article 1", "", "The Parties agree."])])


ERRORS: list[tuple[str, Callable[[], bytes], str]] = [
    ("truncated", lambda: minimal_pdf()[: len(minimal_pdf()) // 2], "not a readable PDF"),
    ("encrypted", lambda: make_pdf([body(["Article 1"])], encrypt="secret"), "password-protected"),
    ("not-a-pdf", lambda: b"Article 1\n\nThis is plain text in a file named .pdf.\n", "not a readable PDF"),
]


@pytest.mark.parametrize(("name", "data", "fragment"), ERRORS, ids=[e[0] for e in ERRORS])
def test_unreadable_pdfs_give_one_clear_error_line(
    tmp_path: Path, name: str, data: Callable[[], bytes], fragment: str
) -> None:
    path = write(tmp_path, data(), f"{name}.pdf")
    assert fragment in load_error(path)
    assert_cli_error(path, fragment)


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842), invariant=1)
    pdf.rect(72, 72, 400, 600, fill=1)  # a scan is a picture, and this is the picture
    pdf.showPage()
    pdf.save()
    path = write(tmp_path, buffer.getvalue(), "scan.pdf")
    message = load_error(path)
    assert "no text layer (a scanned image?)" in message
    assert "run OCR first (e.g. ocrmypdf) and pass the result" in message
    assert_cli_error(path, "no text layer")


def test_a_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = make_pdf(
        [body(["Article 1", "", "The Parties agree."])],
        encrypt=StandardEncryption("", ownerPassword="owner", canPrint=1),
    )
    draft = load(write(tmp_path, data))
    assert article_texts(draft) == {"1": "The Parties agree."}


# --- the corpus --------------------------------------------------------------------------------------------------

corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
_FURNITURE = re.compile(r"RB/ek|TREE\.2\.B|\bEN \d+ EN\b|^EN$|15698/22|COM\(2021\) 206 final|^\d{1,3}$")


def twin(pattern: str) -> Draft:
    return load(next(CORPUS.glob(f"eu-ai-act-council-drafts/{pattern}")))


@corpus
@GROUP
def test_commission_proposal_pdf_has_the_85_articles_and_no_page_furniture() -> None:
    draft = corpus_draft(PROPOSAL_PDF)
    assert_outline_kept(draft, PROPOSAL_PDF.relative_to(CORPUS).as_posix())
    labels = [p.node.label for p in draft.articles()]
    assert labels == [str(n) for n in range(1, 86)]
    assert labels == [p.node.label for p in twin("v01-*.md").articles()]
    for provision in draft.articles():
        if provision.node.label == "85":
            continue  # the legislative financial statement follows it, tables and their footnote numbers included
        for node in walk((provision.node,)):
            for text in (node.title, node.text):
                assert not _FURNITURE.search(text), (provision.node.label, text)


@corpus
@GROUP
def test_council_general_approach_pdf_matches_its_markdown_twin() -> None:
    """Its tree, and its JSON outline (the 140-page PDF is read once: ``corpus_drafts``)."""
    draft = corpus_draft(COUNCIL_PDF)
    assert_outline_kept(draft, COUNCIL_PDF.relative_to(CORPUS).as_posix())
    articles = [p.node for p in draft.articles()]
    assert sum(1 for a in articles if not a.deleted) == 94
    assert sum(1 for a in articles if a.deleted) == 4
    assert [a.label for a in articles] == [p.node.label for p in twin("v10-*.md").articles()]
    for article in articles:
        for node in walk((article,)):
            assert not _FURNITURE.search(node.text), (article.label, node.text)
    document = json.loads(OUTLINE.get("json")(draft, RenderOptions(), Console(file=io.StringIO(), width=100)))
    assert document["format"] == "pdf"

    def count(nodes: list[dict[str, Any]]) -> int:
        return sum((n["kind"] == Kind.ARTICLE.value) + count(n["children"]) for n in nodes)

    assert count(document["nodes"]) == 98


#: The outlines of corpus PDFs that carry no revision marks, as this reader reads them: the provisions and a
#: digest of the whole JSON outline of each. Reading marks must leave them as they are; after an intended change
#: to the PDF reader, regenerate with ``TREATYDIFF_REGEN=1 python -m pytest tests/test_pdf.py`` and say why in the
#: commit. (The two larger ones, the Commission proposal and the Council's general approach, are checked by the
#: tests above that read them, beside their Markdown twins: each is read once.)
OUTLINES = Path(__file__).resolve().parent / "corpus_pdf_outlines.json"
CLEAN_PDFS = ("eu-ai-act-formats/v01-2021-04-21-COM-2021-206-annexes.pdf",
              "es-bill-121-000036/v1-2024-10-18-BOCG-15-A-36-1.pdf",
              "es-bill-121-000036/v3-2025-12-22-BOCG-15-A-36-5.pdf")


@corpus
@GROUP
@pytest.mark.parametrize("name", CLEAN_PDFS)
def test_the_outline_of_a_clean_corpus_pdf_is_unchanged(name: str) -> None:
    assert_outline_kept(corpus_draft(CORPUS / name), name)


def assert_outline_kept(draft: Draft, name: str) -> None:
    """``draft`` (the corpus PDF ``name``, under ``CORPUS``) reads as ``OUTLINES`` holds it."""
    import hashlib
    import os

    outline = OUTLINE.get("json")(replace(draft, source=name), RenderOptions(), Console(file=io.StringIO(), width=100))
    got = {"provisions": [f"{p.node.kind.value} {p.node.label}".strip() for p in draft.provisions()],
           "sha256": hashlib.sha256(outline.encode()).hexdigest()}
    stored = json.loads(OUTLINES.read_text(encoding="utf-8")) if OUTLINES.exists() else {}
    if os.environ.get("TREATYDIFF_REGEN") == "1":
        stored[name] = got
        OUTLINES.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert stored.get(name) == got, f"the outline of {name} changed — if that was meant, regenerate {OUTLINES.name}"


# --- hostile input: what a file may make the reader do is bounded, and what is cut is said -------------------
# The files are those of tests/hostile/CATALOGUE.md (made by tests/hostile/make.py), and a few built here.


def _hostile_make() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile_make_pdf", Path(__file__).parent / "hostile" / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _hostile_make()


def hostile_pdf(tmp_path: Path, name: str) -> Path:
    """A catalogue entry, made in ``tmp_path``: committed ones by their SMALL maker, the others by generate's."""
    path = tmp_path / name
    if name in hostile.SMALL:
        path.write_bytes(hostile.SMALL[name]())
    else:
        getattr(hostile, name.replace("-", "_").removesuffix(".pdf") + "_pdf")(path)
    return path


def raw_pages(contents: list[bytes], objects: dict[int, bytes], resources: bytes = b"<< /Font << /F1 3 0 R >> >>") -> bytes:
    return hostile._pdf_pages(contents, objects, resources)


TEXT = b"BT /F1 11 Tf 72 760 Td (Article 1) Tj 0 -15 Td (The Parties agree.) Tj ET\n"


def load_warnings(path: Path) -> list[str]:
    return [d.message for d in load(path).warnings]


def test_a_content_stream_shared_by_50_pages_that_decodes_to_70_mb_is_refused_before_it_is_decoded(
    tmp_path: Path,
) -> None:
    path = hostile_pdf(tmp_path, "shared-bomb.pdf")
    message = load_error(path)
    assert re.search(r"page 1's content stream decodes to 70 MB \(from [\d.]+ KB in the file\), over the 2 MB a page "
                     r"may hold \(a decompression bomb\?\) — refusing to decode it", message), message
    assert_cli_error(path, "a decompression bomb?")


def test_an_lzw_bomb_is_stopped_while_it_is_decoded(tmp_path: Path) -> None:
    message = load_error(hostile_pdf(tmp_path, "lzw-bomb.pdf"))
    assert re.search(r"page 1's content stream decodes to 14\.1 MB \(from 10\.6 KB in the file\), over the 2 MB", message)


@pytest.mark.parametrize("encoding", ["/FlateDecode", "[/FlateDecode /FlateDecode]", "/RunLengthDecode"])
def test_a_bomb_in_any_filter_is_refused(tmp_path: Path, encoding: str) -> None:
    import zlib

    data = b"0 0 m 100 100 l S\n" * 300_000  # 5.4 MB
    if encoding == "/RunLengthDecode":
        packed = b"".join(b"\x00" + bytes([c]) for c in data[:18]) + b"\x81\x20" * 90_000 + b"\x80"  # 18 + 11.5 MB
    else:
        packed = zlib.compress(data, 9)
        if encoding.count("Flate") == 2:
            packed = zlib.compress(packed, 9)
    content = hostile._pdf_stream(b"", packed=packed, encoding=encoding.encode())
    path = write(tmp_path, raw_pages([b"[4 0 R 5 0 R]"], {4: hostile._pdf_stream(TEXT), 5: content}))
    assert "over the 2 MB a page may hold (a decompression bomb?)" in load_error(path)


def _run_length(data: bytes) -> bytes:
    return b"".join(bytes([len(data[i : i + 128]) - 1]) + data[i : i + 128] for i in range(0, len(data), 128)) + b"\x80"


def _lzw(data: bytes) -> bytes:
    codec = pytest.importorskip("pypdf._codecs._codecs").LzwCodec
    return bytes(codec().encode(data))


_ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "/FlateDecode": lambda d: __import__("zlib").compress(d),
    "/LZWDecode": _lzw,
    "/RunLengthDecode": _run_length,
    "/ASCIIHexDecode": lambda d: d.hex().encode() + b">",
    "/ASCII85Decode": lambda d: __import__("base64").a85encode(d) + b"~>",
    "[/ASCII85Decode /FlateDecode]": lambda d: __import__("base64").a85encode(__import__("zlib").compress(d)) + b"~>",
}


@pytest.mark.parametrize("encoding", list(_ENCODERS))
def test_what_a_stream_decodes_to_is_measured_as_pypdf_decodes_it(tmp_path: Path, encoding: str) -> None:
    """The reader measures streams itself, stopping at the limit; it must count what pypdf will decode."""
    import random

    from pypdf import PdfReader

    from treatydiff.load import pdf

    rng = random.Random(7)
    data = TEXT + b"".join(rng.choice([b"0 0 m ", b"q Q ", b"%d w " % rng.randrange(999), b"\n"]) for _ in range(30_000))
    content = hostile._pdf_stream(b"", packed=_ENCODERS[encoding](data), encoding=encoding.encode())
    path = write(tmp_path, raw_pages([b"4 0 R"], {4: content}))
    stream = PdfReader(path).pages[0]["/Contents"].get_object()
    assert stream.get_data() == data
    assert pdf._decoded_size(stream, 10 * len(data)) == len(data)
    assert pdf._decoded_size(stream, 1000) > 1000  # past the limit: it stops, and says "more"
    assert "The Parties agree." in all_text(load(path))


def test_a_font_read_by_every_page_counts_for_every_page(tmp_path: Path) -> None:
    message = load_error(hostile_pdf(tmp_path, "heavy-font.pdf"))
    assert re.search(r"its 1000 pages would make the reader parse [\d.]+ MB of content, fonts and forms \(what pages "
                     r"share is parsed again for each page, a form each time it is drawn\), over the [\d.]+ MB allowed "
                     r"for a file of [\d.]+ KB \(a file built to be slow\?\) — refusing to read it", message), message


def test_a_font_whose_to_unicode_map_is_a_bomb_is_refused(tmp_path: Path) -> None:
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /ToUnicode 5 0 R >>"
    cmap = hostile._pdf_stream(b"%" + b" " * (5 << 20) + b"\n")
    path = write(tmp_path, raw_pages([b"4 0 R"], {3: font, 4: hostile._pdf_stream(TEXT), 5: cmap}))
    assert "page 1's font /F1's ToUnicode map decodes to 5 MB (from " in load_error(path)


def test_a_content_stream_shared_by_many_pages_counts_for_every_page(tmp_path: Path) -> None:
    import zlib

    shared = hostile._pdf_stream(b"", packed=zlib.compress(b"q Q\n" * 250_000, 9))  # 1 MB, under the page limit
    path = write(tmp_path, raw_pages([b"[4 0 R 5 0 R]"] * 200, {4: hostile._pdf_stream(TEXT), 5: shared}))
    assert "its 200 pages would make the reader parse 190.8 MB of content" in load_error(path)


def test_huge_widths_arrays_count_for_every_page_that_uses_the_font(tmp_path: Path) -> None:
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Foo /FirstChar 0 /LastChar 89999 /Widths ["
            + b"500 " * 90_000 + b"] >>")
    path = write(tmp_path, raw_pages([b"4 0 R"] * 100, {3: font, 4: hostile._pdf_stream(TEXT)}))
    assert "its 100 pages would make the reader parse" in load_error(path)


def test_forms_drawn_within_forms_count_every_time_they_are_drawn(tmp_path: Path) -> None:
    """4^12 forms drawn from 13 form objects: refused before pypdf draws the first."""
    assert "its 1 page would make the reader parse" in load_error(hostile_pdf(tmp_path, "form-tree.pdf"))


def test_forms_that_draw_each_other_are_each_read_once(tmp_path: Path) -> None:
    draft = load(hostile_pdf(tmp_path, "form-cycle.pdf"))
    assert article_texts(draft)["1"].split() == ["The", "Parties", "agree.", "a"]


def _chain(depth: int, draws: int = 1) -> bytes:
    """A page that draws a form that draws the next, ``depth`` forms down, the last one writing "deep"."""
    objects = {4: hostile._pdf_stream(TEXT + b"/X Do\n")}
    for level in range(depth):  # form 10 + level draws form 11 + level; the last writes "deep"
        last = level == depth - 1
        inner = b"" if last else b"/XObject << /X %d 0 R >>" % (11 + level)
        objects[10 + level] = hostile._form(b"BT /F1 11 Tf 72 600 Td (deep) Tj ET" if last else b"/X Do " * draws,
                                            b"<< /Font << /F1 3 0 R >> %s >>" % inner)
    return raw_pages([b"4 0 R"], objects, b"<< /Font << /F1 3 0 R >> /XObject << /X 10 0 R >> >>")


def test_forms_nested_past_the_depth_limit_cut_the_page_and_say_so(tmp_path: Path) -> None:
    path = write(tmp_path, _chain(40))
    assert "deep" not in all_text(load(path))
    assert "The Parties agree." in all_text(load(path))
    assert any("PDF pages cut short where forms nest more than 12 deep" in w and w.endswith(": 1")
               for w in load_warnings(path))
    assert "deep" in all_text(load(write(tmp_path, _chain(12), "shallow.pdf")))


def test_a_page_that_draws_too_many_forms_is_cut_and_the_cut_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from treatydiff.load import pdf

    monkeypatch.setattr(pdf, "MAX_PAGE_FORMS", 50)
    path = write(tmp_path, _chain(2, draws=60))
    assert any("PDF pages cut short after drawing 50 forms" in w for w in load_warnings(path))


def test_a_page_that_draws_too_many_objects_is_cut_and_the_cut_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from treatydiff.load import pdf

    monkeypatch.setattr(pdf, "MAX_PAGE_OBJECTS", 1000)
    tail = b"BT /F1 11 Tf 72 300 Td (Article 2) Tj ET\n"
    path = write(tmp_path, raw_pages([b"4 0 R"], {4: hostile._pdf_stream(TEXT + b"0 0 m 1 1 l S\n" * 2000 + tail)}))
    text = all_text(load(path))
    assert "The Parties agree." in text and "Article 2" not in text
    assert any(w.startswith("PDF pages cut short after 1,000 objects drawn") for w in load_warnings(path))


def test_many_runs_on_one_line_are_read_in_linear_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """4,000 runs on one line: the width of each run is estimated a few times, not once for every run after it
    (8 million times, 40 s)."""
    from treatydiff.load import pdf

    estimates = 0
    ems = pdf._ems

    def counted(text: str) -> float:
        nonlocal estimates
        estimates += 1
        return ems(text)

    monkeypatch.setattr(pdf, "_ems", counted)
    text = all_text(load(hostile_pdf(tmp_path, "tiny-runs.pdf")))
    assert "a" * 4000 in text
    assert estimates < 25 * 4000, estimates


def test_many_bars_beside_many_words_are_tried_within_a_bound_and_the_bound_is_said(tmp_path: Path) -> None:
    path = hostile_pdf(tmp_path, "near-bars.pdf")
    assert any(w.startswith("PDF pages with too many bars and lines to match against their text") and w.endswith(": 1")
               for w in load_warnings(path))


def test_words_under_many_bars_are_all_struck_through(tmp_path: Path) -> None:
    """Only the bars at the height of a strike (or an underline) are tried against a word, until one reaches it."""
    from treatydiff.model import LoadOptions

    path = write(tmp_path, hostile.near_bars_pdf(left=70))
    original, final = (load(path, LoadOptions(markup=view)) for view in ("original", "final"))
    assert all_text(original).count("word") == 2500 and "word" not in all_text(final)
    assert not any("too many bars" in w.message for w in original.warnings)


def test_text_at_coordinates_that_overflow_is_left_out(tmp_path: Path) -> None:
    text = all_text(load(hostile_pdf(tmp_path, "nan.pdf")))
    assert "The Parties agree." in text and "NaN" not in text


def test_huge_coordinates_and_page_boxes_do_not_drive_allocations(tmp_path: Path) -> None:
    big = b"1" + b"0" * 30
    content = hostile._pdf_stream(TEXT + b"BT /F1 11 Tf %s 700 Td (far) Tj ET\n" % big)
    data = hostile._pdf_pages([b"4 0 R"], {4: content}, box=b"[0 0 %s %s]" % (big, big))
    assert "The Parties agree." in all_text(load(write(tmp_path, data)))


def test_a_page_tree_that_names_one_page_20000_times_is_refused_before_it_is_flattened(tmp_path: Path) -> None:
    message = load_error(hostile_pdf(tmp_path, "many-pages.pdf"))
    assert "the PDF has more than 10,000 pages (its page tree names 1 page 20,000 times)" in message, message


def test_pypdf_s_own_limits_are_named_not_called_damage(tmp_path: Path) -> None:
    message = load_error(hostile_pdf(tmp_path, "xref-size.pdf"))
    assert "goes past a safety limit of pypdf, the PDF library (Declared size 1000000000" in message, message
    assert "truncated" not in message


def test_a_text_array_past_pypdf_s_limits_is_read(tmp_path: Path) -> None:
    """A page whose ``TJ`` array holds 120,000 elements: pypdf refused to parse it (the page was named as past a
    safety limit of pypdf, its text missing); PDFium, which reads the pages now, reads it."""
    array = hostile._pdf_stream(b"BT /F1 11 Tf 72 700 Td [" + b"(a) 1 " * 60_000 + b"] TJ ET")
    path = write(tmp_path, raw_pages([b"4 0 R", b"5 0 R"], {4: hostile._pdf_stream(TEXT), 5: array}))
    draft = load(path)
    assert "a" * 60_000 in all_text(draft)
    assert not any("could not be read" in d.message for d in draft.warnings)


_WITHOUT_CRYPTOGRAPHY = (
    "import runpy, sys; sys.modules['cryptography'] = None; sys.modules['Crypto'] = None; "
    "sys.argv = ['treatydiff', 'outline', sys.argv[1]]; runpy.run_module('treatydiff', run_name='__main__')"
)


@pytest.mark.parametrize(("algorithm", "user"), [("AES-256", ""), ("AES-128", ""), ("AES-256", "secret")])
def test_an_aes_pdf_without_the_cryptography_package_says_how_to_get_it(
    tmp_path: Path, algorithm: str, user: str
) -> None:
    import os
    import subprocess
    import sys

    pytest.importorskip("cryptography")  # to write the file
    path = write(tmp_path, hostile._pdf(encrypt=True, text=True, algorithm=algorithm, user=user), "aes.pdf")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", _WITHOUT_CRYPTOGRAPHY, str(path)], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.returncode == ExitCode.ERROR, done.stderr
    assert done.stderr.splitlines() == [
        f"error: {path}: the PDF is encrypted with AES, which needs the cryptography package — pip install "
        "'treatydiff[aes]' (or cryptography), or save an unprotected copy"]


def test_an_aes_pdf_with_only_an_owner_password_loads_with_the_cryptography_package(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    draft = load(write(tmp_path, hostile.aes_pdf(user="")))
    assert article_texts(draft) == {"1": "Scope"}


# --- letter-spaced headings --------------------------------------------------------------------------------------


def test_a_letter_spaced_heading_is_joined_back_into_words(tmp_path: Path) -> None:
    """Wide tracking gives a space between every two letters and more between words; ordinary lines, a row of
    figures and a list of labels keep their spaces."""
    lines = [b"P A R T  I I", b"C h a r t s  a n d  l i s t s", b"Article 1", b"S c o p e",
             b"The rows 1 2 3 and the points (a) (b) (c) stay as they are."]
    body = b" ".join(b"0 -30 Td (%s) Tj" % line for line in lines)  # a paragraph each
    path = tmp_path / "spaced.pdf"
    path.write_bytes(raw_pages([b"4 0 R"], {4: hostile._pdf_stream(b"BT /F1 11 Tf 72 780 Td %s ET\n" % body)}))
    draft = load(path)
    texts = [line for node in draft.walk() for line in (node.title, node.text) if line]
    assert [(n.kind, n.label) for n in draft.walk() if n.kind is Kind.PART] == [(Kind.PART, "II")]
    assert "Charts and lists" in texts and "Scope" in texts
    assert "The rows 1 2 3 and the points (a) (b) (c) stay as they are." in texts
    assert not any("C h a" in text or "S c o" in text for text in texts)


def test_a_bold_line_inside_a_sentence_is_no_heading(tmp_path: Path) -> None:
    """A reference set in bold on a line of its own in the middle of a sentence opens no article."""
    fonts = {4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>"}
    lines = [(b"F2", b"Article 1"), (b"F2", b"Scope"), (b"F1", b"The obligations laid down in"),
             (b"F2", b"Article 4(1)(c) of Regulation (EU) 2016/679"), (b"F1", b"shall apply to the processing."),
             (b"F2", b"Article 2"), (b"F1", b"This Regulation enters into force on the twentieth day.")]
    body = b" ".join(b"/%s 11 Tf 0 -%d Td (%s) Tj" % (font, 30 if text in (b"Article 2", b"The obligations laid down in")
                                                       else 15, text) for font, text in lines)  # paragraphs' spaces
    path = tmp_path / "bold.pdf"
    path.write_bytes(raw_pages([b"5 0 R"], {**fonts, 5: hostile._pdf_stream(b"BT 72 780 Td %s ET\n" % body)},
                               resources=b"<< /Font << /F1 3 0 R /F2 4 0 R >> >>"))
    draft = load(path)
    assert [a.node.label for a in draft.articles()] == ["1", "2"]
    (first,) = [a.node for a in draft.articles() if a.node.label == "1"]
    assert "laid down in Article 4(1)(c) of Regulation (EU) 2016/679 shall apply" in first.full_text()


def test_an_italic_letter_spaced_heading_reads_as_its_words(tmp_path: Path) -> None:
    """Letters set a space apart in italics: PDFium drops the spaces an italic letter leans over ("Ch a rts a n d
    l i s ts"); the words come back from the gaps between the letters' advances."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "tracked.pdf"
    pdf = canvas.Canvas(str(path))
    spaced = "  ".join(" ".join(word) for word in ["Charts", "and", "lists", "of", "coordinates"])
    for y, text, font in [(780, "Article 1", "Times-Roman"), (765, spaced, "Times-Italic"),
                          (735, "The Parties agree on the charts.", "Times-Roman")]:
        pdf.setFont(font, 11)
        pdf.drawCentredString(300, y, text)
    pdf.save()
    (article,) = [p.node for p in load(path).articles()]
    assert article.title == "Charts and lists of coordinates"
