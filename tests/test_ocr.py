"""``--ocr``: PDF pages with no usable text layer read by Tesseract (``treatydiff/load/ocr.py``).

The scanned page is made here: a text page drawn by the test, rendered to a picture by pypdfium2, and that
picture alone put on the page of a new PDF (no text layer left). The OCR tests skip when pypdfium2, Pillow or
the tesseract program is missing; what the user is told then is tested everywhere.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from treatydiff.cli import Env, cli
from treatydiff.errors import LoadError
from treatydiff.load import load, ocr
from treatydiff.model import LoadOptions

ROOT = Path(__file__).resolve().parents[1]


def _hostile_make() -> Any:
    spec = importlib.util.spec_from_file_location("hostile_make_ocr", ROOT / "tests" / "hostile" / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _hostile_make()

_LINES = [(b"Article 5", 18), (b"Scope", 14), (b"This Convention applies to the protection of coastal", 14),
          (b"wetlands and to the prosecution of offences against them.", 14)]


def _text_page() -> bytes:
    body = b"".join(b"BT /F1 %d Tf 72 %d Td (%s) Tj ET\n" % (size, 760 - 34 * k, text)
                    for k, (text, size) in enumerate(_LINES))
    return hostile._pdf_pages([b"4 0 R"], {4: hostile._pdf_stream(body)})


def _scanned(path: Path) -> Path:
    """The text page as a scan: a grey picture of it at 300 dpi, and nothing else on the page."""
    pypdfium2 = pytest.importorskip("pypdfium2")
    document = pypdfium2.PdfDocument(_text_page())
    image = document[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    document.close()
    width, height = image.size
    picture = hostile._pdf_stream(image.tobytes(), b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                                  b"/ColorSpace /DeviceGray /BitsPerComponent 8 " % (width, height))
    content = hostile._pdf_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q\n")
    path.write_bytes(hostile._pdf_pages([b"5 0 R"], {4: picture, 5: content},
                                        resources=b"<< /XObject << /Im1 4 0 R >> >>"))
    return path


needs_ocr = pytest.mark.skipif(ocr.missing() is not None, reason=f"OCR needs {ocr.missing()}")


@needs_ocr
def test_a_scanned_page_is_read_by_ocr_into_articles(tmp_path: Path) -> None:
    draft = load(_scanned(tmp_path / "scan.pdf"), LoadOptions(ocr="eng"))
    (article,) = list(draft.articles())
    assert article.node.label == "5" and article.node.title == "Scope"
    text = " ".join(n.text for n in article.node.walk())
    assert "This Convention applies to the protection of coastal wetlands" in text
    (said,) = [str(w) for w in draft.warnings if "read by OCR" in str(w)]
    assert "PDF pages read by OCR (Tesseract, eng): 1" in said and "check what it read" in said


@needs_ocr
def test_ocr_from_the_command_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["outline", "--ocr", str(_scanned(tmp_path / "scan.pdf"))],
                                obj=Env(environ={}))
    assert result.exit_code == 0, result.stderr
    assert "Article 5" in result.stdout and "warning: " in result.stderr


@needs_ocr
def test_a_language_tesseract_does_not_have_is_named(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load(_scanned(tmp_path / "scan.pdf"), LoadOptions(ocr="zzz"))
    assert "Tesseract has no language zzz" in str(caught.value)


def test_without_ocr_a_scan_says_how_to_read_it(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(hostile.SMALL["no-text.pdf"]())
    with pytest.raises(LoadError) as caught:
        load(path)
    assert "no text layer" in str(caught.value) and "--ocr" in str(caught.value)


def test_ocr_without_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = tmp_path / "scan.pdf"
    path.write_bytes(hostile.SMALL["no-text.pdf"]())
    with pytest.raises(LoadError) as caught:
        load(path, LoadOptions(ocr="eng"))
    message = str(caught.value)
    assert "no text layer (a scanned image?), and the tesseract program" in message
    assert "pip install 'treatydiff[ocr]'" in message and "apt install tesseract-ocr" in message


def test_ocr_languages_are_checked_on_the_command_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["outline", "--ocr", "--ocr-language", "eng;rm", str(tmp_path / "x.pdf")],
                                obj=Env(environ={}))
    assert result.exit_code == 2 and "is not a list of Tesseract languages" in result.stderr


def test_tesseract_tsv_becomes_words_on_their_lines() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t300\t400\t900\t50\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t405\t200\t40\t96\tArticle\n"
           "5\t1\t1\t1\t1\t2\t520\t405\t30\t40\t95\t1\n"
           "4\t1\t1\t1\t2\t0\t300\t500\t900\t50\t-1\t\n"
           "5\t1\t1\t1\t2\t1\t300\t505\t200\t40\t91\tScope\n")
    words = ocr._words(tsv, 842.0)
    assert [w.text for w in words] == ["Article ", "1", "Scope"]
    assert words[0].y == words[1].y == pytest.approx(842 - 450 * 72 / 300)
    assert words[2].y < words[0].y and words[0].x == pytest.approx(72.0)


def test_a_garbled_pdf_with_ocr_but_no_tesseract_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_garbled import _GARBLED_LINES, _page, _pdf

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = _pdf(tmp_path, [_page(*_GARBLED_LINES, font=b"F2")])
    with pytest.raises(LoadError) as caught:
        load(path, LoadOptions(ocr="eng"))
    message = str(caught.value)
    assert "the text layer does not decode" in message and "and the tesseract program is not installed" in message
    assert "apt install tesseract-ocr" in message
