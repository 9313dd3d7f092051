"""Write the seed corpora of the fuzz harnesses to ``fuzz/corpus/<harness>/`` (git-ignored).

    python fuzz/build_seeds.py            # fixtures, plus ../shared/corpus when it exists
    python fuzz/build_seeds.py --clean    # start the corpora afresh

Seeds come from the project's fixtures (``fixtures/convention/*`` in every format) and, read at run time, from
small slices of the real texts in ``../shared/corpus/`` (never copied into the repository: the output folder
is ignored by git). Text seeds are windows of a few KB cut at line ends, so each execution is fast; DOCX seeds
are the fixtures plus copies cut down to a few paragraphs; PDF seeds are single pages rewritten with
uncompressed content streams; the parser's seeds are reader output in ``fuzz_parse.py``'s line format.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

FIXTURES = ROOT / "fixtures" / "convention"
SHARED = ROOT.parent / "shared" / "corpus"
OUT = HERE / "corpus"
WINDOW = 3000  # bytes per text seed
HARNESSES = ("txt", "md", "html", "akn", "docx", "pdf", "parse")

_AKN_SAMPLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="convention">
    <meta><identification source="#x"/></meta>
    <preamble><p>The States Parties to this Convention,</p><p>Recognizing the need for cooperation,</p></preamble>
    <body>
      <chapter eId="chp_1"><num>Chapter I</num><heading>General provisions</heading>
        <article eId="art_1"><num>Article 1</num><heading>Purpose</heading>
          <paragraph eId="art_1__para_1"><num>1.</num><content><p>The purposes of this Convention are:</p></content>
            <list><point eId="art_1__para_1__point_a"><num>(a)</num><content><p>to promote<authorialNote
              marker="1"><p>A footnote.</p></authorialNote> measures;</p></content></point></list>
          </paragraph>
        </article>
        <article eId="art_2"><num>Article 2 bis</num><heading>[Use of terms]</heading>
          <content><p>For the purposes of this Convention, States Parties shall adopt measures.</p></content>
        </article>
      </chapter>
    </body>
    <attachments><attachment><doc name="annex"><mainBody><p>Annex text</p></mainBody></doc></attachment>
    </attachments>
  </act>
</akomaNtoso>
"""


def windows(data: bytes, size: int = WINDOW, count: int = 3) -> list[bytes]:
    """Up to ``count`` slices of about ``size`` bytes, cut at line ends: the start, the middle, the end."""
    if len(data) <= size:
        return [data]
    starts = sorted({0, max(0, len(data) // 2 - size // 2), max(0, len(data) - size)})[:count]
    out = []
    for start in starts:
        if start:
            start = data.find(b"\n", start) + 1 or start
        end = data.find(b"\n", start + size)
        out.append(data[start : end if end > 0 else len(data)])
    return out


def shared(pattern: str, limit: int, per_folder: int = 1) -> list[Path]:
    """Up to ``per_folder`` files of each folder of the shared corpus that match ``pattern`` (``limit`` in all)."""
    if not SHARED.is_dir():
        return []
    found: dict[Path, list[Path]] = {}
    for path in sorted(SHARED.glob(f"*/{pattern}")):
        found.setdefault(path.parent, [])
        if len(found[path.parent]) < per_folder:
            found[path.parent].append(path)
    return [path for paths in found.values() for path in paths][:limit]


def slim_docx(data: bytes, keep: slice) -> bytes:
    """The same DOCX with only some of the body's paragraphs (and the section properties) kept."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["word/document.xml"]
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(xml), events=["start-ns"]):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(xml)
    body = root[0]
    children = list(body)
    tail = [c for c in children if c.tag.endswith("}sectPr")]
    for child in children:
        body.remove(child)
    for child in [c for c in children if c not in tail][keep] + tail:
        body.append(child)
    parts["word/document.xml"] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body_bytes in parts.items():
            archive.writestr(name, body_bytes)
    return out.getvalue()


def pdf_pages(path: Path, pages: list[int]) -> list[bytes]:
    """Single pages of a PDF with uncompressed content streams."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(path)
    out = []
    for number in pages:
        if number >= len(reader.pages):
            continue
        writer = PdfWriter()
        writer.add_page(reader.pages[number])
        for page in writer.pages:
            page.replace_contents(page.get_contents())
        buffer = io.BytesIO()
        writer.write(buffer)
        out.append(buffer.getvalue())
    return out


def seeds() -> dict[str, list[bytes]]:
    from lineformat import encode

    from treatydiff.load.readers import read_markdown, read_text

    out: dict[str, list[bytes]] = {name: [] for name in HARNESSES}
    for path in sorted(FIXTURES.glob("*.txt")):
        out["txt"] += windows(path.read_bytes())
    for path in sorted(FIXTURES.glob("*.md")):
        out["md"] += windows(path.read_bytes())
    for path in sorted(FIXTURES.glob("*.html")):
        out["html"] += windows(path.read_bytes(), 6000)
    for path in sorted(FIXTURES.glob("*.docx")):
        data = path.read_bytes()
        out["docx"] += [data, slim_docx(data, slice(0, 12)), slim_docx(data, slice(40, 60))]
    for path in sorted(FIXTURES.glob("*.pdf")):
        out["pdf"] += pdf_pages(path, [0, 3])
    out["akn"].append(_AKN_SAMPLE)
    for path in shared("*.md", 12):
        out["md"] += windows(path.read_bytes(), count=2)
        out["txt"] += windows(path.read_bytes(), count=1)
    for path in shared("*.xml", 4, per_folder=4):
        out["akn"].append(path.read_bytes())
    for path in shared("*.pdf", 2):
        out["pdf"] += pdf_pages(path, [0, 5])
    # the parser gets what the text readers make of the text seeds, with their hints
    for data in out["txt"]:
        out["parse"].append(encode(read_text(data.decode("utf-8", "replace"))))
    for data in out["md"]:
        out["parse"].append(encode(read_markdown(data.decode("utf-8", "replace"))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", action="store_true", help="delete the corpora first (grown inputs too)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"note: {SHARED} not found; seeding from the fixtures only", file=sys.stderr)
    for name, items in seeds().items():
        folder = args.out / name
        if args.clean and folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for data in items:
            (folder / f"seed-{hashlib.sha1(data).hexdigest()[:16]}").write_bytes(data)
        total = sum(len(d) for d in items)
        where = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
        print(f"{name:6} {len(items):3} seeds, {total // 1024} KB -> {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
