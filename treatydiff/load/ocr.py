"""Stage 1, load: the words of a PDF page read by OCR (``--ocr``), for pages with no usable text layer.

A scanned page has no text layer, and a page whose fonts have no Unicode map has one that does not decode
(``garbled.py``). With ``--ocr`` the PDF reader hands such pages here: pypdfium2 renders the page at 300 dpi,
the ``tesseract`` program reads the picture (``-l LANGS``, e.g. ``eng``, ``rus+eng``), and each word it finds
comes back with its box, in the page's own coordinates, so that the reader lays it out into lines and
paragraphs as it does the text of any other page.

Optional: ``pip install 'treatydiff[ocr]'`` (pypdfium2 and Pillow) and the Tesseract program with the language
packs needed (Debian: ``apt install tesseract-ocr tesseract-ocr-rus ...``). ``missing`` says, in words a user can
act on, what of it is not installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass

from treatydiff.errors import LoadError

#: Pixels per inch of the picture Tesseract reads: its documentation's advice for printed text.
DPI = 300
#: How long one page may take to read, in seconds, before it is given up.
PAGE_SECONDS = 120
INSTALL = "install it with pip install 'treatydiff[ocr]' and the tesseract program (apt install tesseract-ocr)"


@dataclass(frozen=True, slots=True)
class Word:
    """A word as OCR read it: where its line's baseline starts on the page (points, from the bottom left, as PDF
    coordinates are), the height of its line, and its text."""

    x: float
    y: float
    size: float
    text: str


def missing() -> str | None:
    """What OCR needs and this machine lacks ("the tesseract program", ...), or None when it has everything."""
    lacking = []
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        lacking.append("the pypdfium2 package")
    try:
        import PIL  # noqa: F401
    except ImportError:
        lacking.append("the Pillow package")
    if shutil.which("tesseract") is None:
        lacking.append("the tesseract program")
    return " and ".join(lacking) or None


def languages_missing(languages: str) -> list[str]:
    """The Tesseract languages of ``languages`` (``rus+eng``) that are not installed."""
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    installed = {line.strip() for line in done.stdout.splitlines()[1:]}
    return [lang for lang in languages.split("+") if lang and lang not in installed]


def page_words(source: str, data: bytes, index: int, languages: str) -> list[Word]:
    """The words OCR reads on page ``index`` (from 0) of the PDF ``data``; raises ``LoadError`` naming the page
    when Tesseract fails on it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[index]
        height = page.get_height()
        image = page.render(scale=DPI / 72).to_pil()
        png = io.BytesIO()
        image.save(png, format="PNG")
    finally:
        document.close()
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", "-l", languages, "--dpi", str(DPI), "tsv"],
                              input=png.getvalue(), capture_output=True, timeout=PAGE_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise LoadError(source, f"OCR of page {index + 1} took over {PAGE_SECONDS} s",
                        "run OCR on the file yourself (e.g. ocrmypdf) and pass the result") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise LoadError(source, f"OCR of page {index + 1} failed: {why[0]}", f"check the Tesseract install; {INSTALL}")
    return _words(done.stdout.decode("utf-8", "replace"), height)


def _words(tsv: str, page_height: float) -> list[Word]:
    """Tesseract's TSV (one row per page, block, paragraph, line and word) -> the words, each placed on its
    line: the line's bottom as the baseline and its height as the type size, so that the words of a line share
    them. Each word but a line's last keeps a space after it: the reader joins the runs of a line as drawn."""
    scale = 72 / DPI
    lines: dict[tuple[str, ...], tuple[float, float]] = {}
    words: list[tuple[tuple[str, ...], float, str]] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        level, key = cells[0], tuple(cells[1:5])
        left, top, _width, tall = (float(v) for v in cells[6:10])
        if level == "4":
            lines[key] = (page_height - (top + tall) * scale, tall * scale)
        elif level == "5" and cells[11].strip() and cells[10] != "-1":
            words.append((key, left * scale, cells[11].strip()))
    out: list[Word] = []
    for k, (key, x, text) in enumerate(words):
        y, size = lines.get(key, (0.0, 10.0))
        last = k + 1 == len(words) or words[k + 1][0] != key
        out.append(Word(x, y, max(size * 0.8, 1.0), text if last else text + " "))
    return out
