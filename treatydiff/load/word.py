"""Stage 1, load: the DOCX reader — a Word document's body -> SourceLines, with the numbers Word prints.

What it reads, and why it walks the XML itself rather than through python-docx:
- Paragraphs and tables in document order. Every paragraph is a block of its own (a blank SourceLine follows
  it, so the normaliser never joins two paragraphs); a line break (``w:br``) inside a paragraph starts a new
  SourceLine of the same block, so "Article 5" + break + "Title" reads like two lines of a plain-text draft.
  The line number of a SourceLine is the paragraph's ordinal in the document (1-based, table cells included).
- Hints: ``heading`` from the paragraph style (Heading 1..6, Title) or its outline level; ``emphasis`` when
  every visible character of a short paragraph is bold or every one italic (the Commission sets "Article 5"
  and the article's title as italic paragraphs); ``bullet`` for a bulleted list item.
- Automatic numbering: Word keeps "1.", "(a)", "(i)" out of the text. They are computed here from
  ``numbering.xml`` (``numFmt``, ``lvlText``, ``start``, ``lvlRestart``, ``isLgl``, ``lvlOverride`` /
  ``startOverride``, ``numStyleLink``) for direct and style-based numbering, and put in front of the text.
  Counters follow Word: lists (``w:num``) that share an abstract definition continue each other's count; a
  list with a start override is a restart and counts on its own; numbering a level resets the levels below it.
- Tracked changes: ``options.markup`` "final" reads insertions and drops deletions (and moved-from text),
  "original" the reverse; a deleted paragraph mark joins the paragraph to the next, and in the original view
  the paragraph properties before a tracked formatting change (``w:pPrChange``) are used. python-docx's
  ``paragraph.text`` would mix both versions, hence the walk.
- Changes marked by formatting (a compromise text typed by hand): struck-through runs (``w:strike``,
  ``w:dstrike``) are deletions, and underlined or bold runs additions where the document's legend says so or
  (underline) where it also strikes text through (``treatydiff.load.markup``); the body is read a second time
  with the marks applied, since what they mean depends on the whole document.
- Footnotes and endnotes: a reference becomes ``[^N]`` in the text, N as Word prints it (footnotes 1, 2, 3 in
  order of reference; endnotes i, ii, iii), and the note's text follows the paragraph as ``[^N]: text``.
- Tables as text: a row whose cells hold one paragraph each becomes one line, cells joined by `` | `` (empty
  cells dropped); a row where some cell holds several paragraphs (or a nested table) is read cell by cell,
  each paragraph a block of its own, so numbered paragraphs laid out in a table keep their structure. A row
  with a single non-empty cell is read as that cell's paragraphs (layout tables).
- Text boxes are read after the paragraph that anchors them; hidden text (``w:vanish``) and field codes are
  skipped. Headers and footers are other parts and never read, so no page furniture reaches the normaliser.

Safety: the bytes are refused before unzipping when they are an OLE file (password-protected DOCX, old
.doc), not a zip, another kind of zip (a workbook, an OpenDocument text: said by name), or a zip whose sizes
or compression ratios say "bomb" — the ratio is taken over the bytes a part really occupies in the file, not
the compressed size it declares, and what is unpacked is counted as it comes; parts are parsed with defusedxml
(no DTDs, no entity expansion, no external entities) and refused when nested past ``MAX_DEPTH``. Every number
the file gives that would drive a loop or an allocation is bounded (list starts, list levels, number texts,
letters, ``basedOn`` chains), a note referred to again is not read again, and what is left out is said.
"""

from __future__ import annotations

import bisect
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import cast
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from treatydiff.errors import LoadError
from treatydiff.load import markup
from treatydiff.load.decode import RawDraft, human_size
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import Diagnostic, LoadOptions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")

#: Zip-bomb limits: the declared uncompressed size of all parts, at most this (and at most 20x --max-size)...
MAX_EXPANDED = 500 * 1024 * 1024
#: ...and no part we read may expand more than this many times (checked for parts above 1 MB).
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024  # parts are unpacked this much at a time, and counted

#: A part whose elements nest deeper than this is refused: the walk recurses into tables, content controls,
#: revisions and drawings, and Word's own documents stay under 20 levels.
MAX_DEPTH = 100
#: Numbers read from numbering.xml are bounded before they drive a loop or an allocation: a list level may
#: start at most here (a treaty counts to a few hundred), its number text (``lvlText``) may be this long...
MAX_START = 100_000
MAX_LEVEL_TEXT = 100
#: ...and letters (a..z, aa..zz, ...) are printed up to 780, the last number of at most 30 letters. Past these
#: the numbers are left out, and said: a number the reader cannot print as Word would is not guessed.
MAX_LETTERS = 780
#: Word's nine list levels: levels numbered outside them are ignored.
_LEVELS = range(9)
#: A style's ``basedOn`` chain is followed this far (each run looks its styles up through it).
MAX_STYLE_CHAIN = 50

#: A paragraph longer than this is body text even when it is all bold or italic (an italic quotation
#: starting "Article 5 of Directive ..." must not become an article heading).
_EMPHASIS_MAX = 150

_UNREADABLE = "not a readable DOCX"
_RESAVE = "open it in Word (or LibreOffice) and save it again as .docx"


def sniff(head: bytes) -> bool:
    """A zip whose first local file headers name a ``word/`` part."""
    return head.startswith(b"PK\x03\x04") and b"word/" in head


@register("docx", "docm", "dotx", "dotm", "doc", sniff=sniff, title="Word DOCX")
def read_docx(raw: RawDraft, options: LoadOptions) -> Read:
    """A Word document (Office Open XML) -> its paragraphs as SourceLines."""
    package = _Package.open(raw, options.max_size)
    other = package.other_kind()
    if other is not None:
        raise LoadError(raw.source, f"{_UNREADABLE}: this is {other}", "save the draft as a Word document (.docx)")
    document = package.xml(package.main)
    if document is None:
        raise LoadError(raw.source, f"{_UNREADABLE}: no {package.main} in the archive", _RESAVE)
    body = document.find(f"{W}body")
    if body is None:
        raise LoadError(raw.source, f"{_UNREADABLE}: {package.main} has no document body", _RESAVE)
    styles = _Styles(package.xml(package.related("styles")), package.related("styles"))
    numbering = _Numbering(package.xml(package.related("numbering")), styles, package.related("numbering"))
    footnotes = _notes(package.xml(package.related("footnotes")), "footnote")
    endnotes = _notes(package.xml(package.related("endnotes")), "endnote")
    typed_notes = next(body.iter(f"{W}footnoteReference"), None) is None
    view = options.markup

    def walk(rule: markup.Convention | None, view: str = options.markup) -> tuple[_Walker, list[SourceLine]]:
        walker = _Walker(styles, numbering, footnotes, endnotes, view=view, typed_notes=typed_notes, rule=rule)
        return walker, walker.read(body)

    # read once with every run as text; if runs are struck through (or marked as the legend says), read again
    # with the marks applied: what they mean depends on the whole document
    walker, lines = walk(None)
    stated = markup.legend("\n".join(line.text for line in lines[:400]))
    rule, warnings = markup.convention(walker.tally, stated)
    if rule.active:
        walker, lines = walk(rule)
    if not any(line.text.strip() for line in lines):
        raise LoadError(
            raw.source,
            f"the DOCX holds no text (in the {view} view)",
            "check that the draft was saved completely; text in pictures cannot be read",
        )
    marks = markup.describe(walker.tally, rule)
    warnings = (*warnings, *styles.warnings(), *numbering.warnings, *walker.warnings())
    return Read(lines, warnings, marks=marks, view_of=(lambda other: walk(rule, other)[1]) if marks else None)


# --- the package: zip checks, parts, relationships -----------------------------------------------------------


@dataclass(slots=True)
class _Budget:
    """How much one archive may unpack, and how much it has: counted as it comes, not as it is declared."""

    limit: int
    used: int = 0


@dataclass(frozen=True, slots=True)
class _Package:
    source: str
    archive: zipfile.ZipFile
    main: str  # the main document part, normally word/document.xml
    rels: dict[str, str]  # relationship type (last path segment) -> part name, for the main part
    rooms: dict[str, int]  # member name -> the bytes its compressed data can really occupy (see _rooms)
    budget: _Budget

    @classmethod
    def open(cls, raw: RawDraft, max_size: int) -> _Package:
        data = raw.data
        if data.startswith(_OLE):
            if _ENCRYPTED in data:
                raise LoadError(raw.source, "the DOCX is password-protected", "save an unprotected copy")
            if _WORD_STREAM in data:
                raise LoadError(raw.source, "a Word 97-2003 .doc file", "save it as .docx")
            raise LoadError(raw.source, "an old Office (OLE) file, not a DOCX", "save the draft as .docx")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
            problem = "not a zip archive" if not data.startswith(b"PK") else f"damaged zip archive ({exc})"
            raise LoadError(raw.source, f"{_UNREADABLE}: {_one_line(problem)}", _RESAVE) from None
        limit = min(MAX_EXPANDED, 20 * max_size)
        total = sum(info.file_size for info in archive.infolist())
        if total > limit:  # refused before unpacking anything: zipfile lets out no more than is declared
            raise _too_big(raw.source, total, limit)
        package = cls(raw.source, archive, "word/document.xml", {}, _rooms(archive, data), _Budget(limit))
        main = package._target("_rels/.rels", "", "officeDocument") or "word/document.xml"
        base = posixpath.dirname(main)
        rels_name = posixpath.join(base, "_rels", posixpath.basename(main) + ".rels")
        rels = package._relationships(rels_name, base)
        return cls(raw.source, archive, main, rels, package.rooms, package.budget)

    def other_kind(self) -> str | None:
        """What the archive is when it is another kind of zip than a Word document ("an Excel workbook (it has
        xl/workbook.xml, no word/document.xml)"); None when it may be one."""
        names = set(self.archive.namelist())
        if self.main in names and self.main not in _OTHER_PACKAGES:
            return None
        for part, what in _OTHER_PACKAGES.items():
            if part in names:
                return f"{what} (it has {part}, no word/document.xml)"
        mimetype = (self.read("mimetype") or b"")[:100].decode("ascii", "replace").strip()
        if mimetype:
            what = _MIMETYPES.get(mimetype, "a file of another kind")
            return f"{what} (its mimetype is {_one_line(mimetype)}; it has no word/document.xml)"
        return None

    def related(self, kind: str) -> str:
        """The part of the main document's relationship ``kind`` ("styles", "numbering", "footnotes"...)."""
        return self.rels.get(kind) or posixpath.join(posixpath.dirname(self.main), f"{kind}.xml")

    def read(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise LoadError(self.source, f"{_UNREADABLE}: its parts are encrypted", "save an unprotected copy")
        # the ratio over the bytes the part really has in the file: its declared compressed size can lie
        room = max(self.rooms.get(name, info.compress_size), 1)
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * room:
            raise LoadError(
                self.source,
                f"{_UNREADABLE}: {name} would expand {info.file_size // room}-fold to {human_size(info.file_size)} "
                "(a zip bomb?)",
                "refusing to unpack it; " + _RESAVE + " if it is genuine",
            )
        chunks, size = [], 0
        try:
            with self.archive.open(info) as handle:
                # zipfile stops at the declared size and checks the CRC at the end; what comes out is counted
                # all the same, against the declared size and what is left of the archive's limit
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    if size > info.file_size:
                        raise LoadError(self.source, f"{_UNREADABLE}: {name} is larger than declared", _RESAVE)
                    if self.budget.used + size > self.budget.limit:
                        raise _too_big(self.source, self.budget.used + size, self.budget.limit, more=True)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise LoadError(self.source, f"{_UNREADABLE}: {name} is damaged ({_one_line(str(exc))})",
                            _RESAVE) from None
        except RuntimeError as exc:  # an encrypted member that slipped past the flag check
            raise LoadError(self.source, f"{_UNREADABLE}: {_one_line(str(exc))}", _RESAVE) from None
        if size != info.file_size:
            raise LoadError(self.source, f"{_UNREADABLE}: {name} is damaged (it holds {size} bytes, not "
                                         f"{info.file_size} as declared)", _RESAVE)
        self.budget.used += size
        return b"".join(chunks)

    def xml(self, name: str) -> Element | None:
        data = self.read(name)
        if data is None:
            return None
        data = data.replace(_STRICT_W, _TRANSITIONAL_W)  # Strict OOXML: same vocabulary, other namespace
        try:
            root: Element = SafeET.fromstring(data, forbid_dtd=True)
        except DefusedXmlException:
            raise LoadError(
                self.source,
                f"{_UNREADABLE}: {name} declares a DTD or entities, which treatydiff refuses to expand",
                _RESAVE,
            ) from None
        except ParseError as exc:
            line, column = exc.position
            raise LoadError(
                self.source,
                f"{_UNREADABLE}: {name} is not well-formed XML (line {line}, column {column})",
                _RESAVE,
            ) from None
        except (LookupError, ValueError) as exc:  # expat: an unknown or a multi-byte encoding in <?xml ... ?>
            raise LoadError(
                self.source, f"{_UNREADABLE}: {name} declares an unsupported encoding ({_one_line(str(exc))})", _RESAVE
            ) from None
        _check_depth(self.source, name, root)
        return root

    def _relationships(self, rels_name: str, base: str) -> dict[str, str]:
        root = self.xml(rels_name)
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root:
            if not rel.tag.endswith("Relationship") or rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if kind and target and kind not in out:
                out[kind] = _resolve(base, target)
        return out

    def _target(self, rels_name: str, base: str, kind: str) -> str | None:
        return self._relationships(rels_name, base).get(kind)


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _too_big(source: str, total: int, limit: int, *, more: bool = False) -> LoadError:
    return LoadError(
        source,
        f"{_UNREADABLE}: the archive would expand to {'more than ' if more else ''}{human_size(total)}, over the "
        f"{human_size(limit)} limit (a zip bomb?)",
        "refusing to unpack it; raise --max-size if the document is genuine",
    )


def _rooms(archive: zipfile.ZipFile, data: bytes) -> dict[str, int]:
    """The bytes each member's compressed data can really occupy: from the end of its local header to the next
    member's header (or the central directory), and never more than it declares. A member that declares more
    compressed bytes than that, or whose data runs into another's (an overlapping zip bomb), is measured by
    this, so that its ratio cannot be made to look small."""
    infos = archive.infolist()
    starts = sorted({info.header_offset for info in infos} | {archive.start_dir, len(data)})
    rooms: dict[str, int] = {}
    for info in infos:
        offset = info.header_offset
        header = data[offset : offset + 30]
        lengths = int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little")
        end = starts[bisect.bisect_right(starts, offset)] if offset < starts[-1] else offset
        rooms[info.filename] = max(0, min(info.compress_size, end - (offset + 30 + lengths)))
    return rooms


#: Other Office packages, by the part only they have.
_OTHER_PACKAGES = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "visio/document.xml": "a Visio drawing",
}
#: OpenDocument files and e-books name what they are in their first member, ``mimetype``.
_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation",
    "application/epub+zip": "an EPUB e-book",
}


def _check_depth(source: str, name: str, root: Element) -> None:
    """Refuse a part whose elements nest deeper than ``MAX_DEPTH``: level by level, without recursion (so that
    this check cannot overflow), keeping only the elements that have children (a third of the time of a walk
    that visits each one)."""
    level, depth = [root] if len(root) else [], 1  # the elements at ``depth`` that have children
    while level:
        if depth >= MAX_DEPTH:
            raise LoadError(
                source,
                f"{_UNREADABLE}: {name} nests elements more than {MAX_DEPTH} deep (tables within tables?)",
                "Word's own documents stay under 20 levels; save the draft as PDF or text",
            )
        level = [child for parent in level for child in parent if len(child)]
        depth += 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- styles ----------------------------------------------------------------------------------------------------


def _on(element: Element | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): None when absent."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


def _superscript(rpr: Element | None) -> bool | None:
    align = _val(rpr.find(f"{W}vertAlign")) if rpr is not None else None
    return None if align is None else align == "superscript"


def _struck(rpr: Element | None) -> bool | None:
    """Strike-through, single or double (``w:strike``, ``w:dstrike``): None when neither is set."""
    if rpr is None:
        return None
    found = [_on(rpr.find(f"{W}{tag}")) for tag in ("strike", "dstrike")]
    return None if found == [None, None] else any(found)


def _underlined(rpr: Element | None) -> bool | None:
    underline = rpr.find(f"{W}u") if rpr is not None else None
    return None if underline is None else (_val(underline) or "single").lower() != "none"


def _val(element: Element | None, default: str | None = None) -> str | None:
    return default if element is None else element.get(f"{W}val", default)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level, 9 = body text
    num_id: str | None
    ilvl: int | None
    bold: bool | None
    italic: bool | None
    superscript: bool | None
    struck: bool | None
    underlined: bool | None


class _Styles:
    """The styles part, with ``basedOn`` inheritance resolved on demand (and once: every run asks)."""

    def __init__(self, root: Element | None, part: str = "word/styles.xml") -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.part = part
        self.cut: dict[str, None] = {}  # styles whose chain was cut at MAX_STYLE_CHAIN when looked up
        self._known: dict[tuple[str, str | None], object] = {}  # (what, style) -> as found (see _resolved)
        if root is None:
            return
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            ppr = style.find(f"{W}pPr")
            rpr = style.find(f"{W}rPr")
            num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
            outline = _val(ppr.find(f"{W}outlineLvl")) if ppr is not None else None
            self.styles[style_id] = _Style(
                name=(_val(style.find(f"{W}name")) or style_id).lower(),
                based_on=_val(style.find(f"{W}basedOn")),
                outline=_int(outline, 9) if outline is not None else None,
                num_id=_val(num_pr.find(f"{W}numId")) if num_pr is not None else None,
                ilvl=_int(_val(num_pr.find(f"{W}ilvl")), 0)
                if num_pr is not None and num_pr.find(f"{W}ilvl") is not None
                else None,
                bold=_on(rpr.find(f"{W}b")) if rpr is not None else None,
                italic=_on(rpr.find(f"{W}i")) if rpr is not None else None,
                superscript=_superscript(rpr),
                struck=_struck(rpr),
                underlined=_underlined(rpr),
            )
            default = style.get(f"{W}default", "0").lower() in ("1", "true", "on")
            if style.get(f"{W}type") == "paragraph" and default and self.default_paragraph is None:
                self.default_paragraph = style_id

    def warnings(self) -> tuple[Diagnostic, ...]:
        """The chains cut short, once the body has been read."""
        if not self.cut:
            return ()
        n, first = len(self.cut), _one_line(next(iter(self.cut)))[:40]
        return (Diagnostic(f"{self.part}: {n} style{'s' if n > 1 else ''} based on a chain of more than "
                           f"{MAX_STYLE_CHAIN} styles (the first: {first}): only the {MAX_STYLE_CHAIN} nearest are "
                           "read"),)

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and the styles it is based on, nearest first (at most ``MAX_STYLE_CHAIN``)."""
        seen: set[str] = set()
        start = style_id
        while style_id and style_id in self.styles and style_id not in seen:
            if len(seen) == MAX_STYLE_CHAIN:
                self.cut[start or ""] = None
                return
            seen.add(style_id)
            style = self.styles[style_id]
            yield style_id, style
            style_id = style.based_on

    def first(self, style_id: str | None, attribute: str) -> object:
        """A run or paragraph property (``attribute`` of ``_Style``) the style or those it is based on set."""
        def find(chain: Iterator[tuple[str, _Style]]) -> object:
            return next((value for _, style in chain if (value := getattr(style, attribute)) is not None), None)

        return self._resolved(f"first {attribute}", style_id, find)

    def is_toc(self, style_id: str | None) -> bool:
        """A table-of-contents entry ("toc 1".."toc 9"): a copy of the headings, not text of the draft."""
        def find(chain: Iterator[tuple[str, _Style]]) -> bool:
            return any(re.fullmatch(r"toc\s*[1-9]", style.name) for _, style in chain)

        return cast(bool, self._resolved("toc", style_id, find))

    def heading(self, style_id: str | None) -> int:
        """Heading level of a paragraph style: "heading N", "title", or an outline level; 0 for body text."""
        def find(chain: Iterator[tuple[str, _Style]]) -> int:
            for _, style in chain:
                match = re.fullmatch(r"heading\s*([1-9])", style.name)
                if match:
                    return min(int(match.group(1)), 6)
                if style.name == "title":
                    return 1
                if style.outline is not None:
                    return min(style.outline + 1, 6) if 0 <= style.outline < 9 else 0
            return 0

        return cast(int, self._resolved("heading", style_id, find))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carries them) of style-based numbering."""
        def find(chain: Iterator[tuple[str, _Style]]) -> tuple[str | None, int | None, str | None]:
            return next(((style.num_id, style.ilvl, sid) for sid, style in chain if style.num_id is not None),
                        (None, None, None))

        return cast("tuple[str | None, int | None, str | None]", self._resolved("numbering", style_id, find))

    def _resolved(self, what: str, style_id: str | None, find: Callable[[Iterator[tuple[str, _Style]]], object]
                  ) -> object:
        """``find`` over the chain of ``style_id``, once per style: every run and paragraph asks again."""
        key = (what, style_id)
        if key not in self._known:
            self._known[key] = find(self.chain(style_id))
        return self._known[key]


# --- numbering -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    #: the spec's default is 0; every Word-made numbered level states it, so 1 is kinder. None: past
    #: ``MAX_START``, so this level's numbers (and those that show them) are left out
    start: int | None = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0: never
    legal: bool = False  # isLgl: show every level as a decimal number
    style: str | None = None  # pStyle: the paragraph style that uses this level


def _level(lvl: Element, ilvl: int, where: str, problems: dict[str, list[str]]) -> _Level:
    text = lvl.find(f"{W}lvlText")
    restart = _val(lvl.find(f"{W}lvlRestart"))
    number_text = (_val(text, "") or "") if text is not None else f"%{ilvl + 1}."
    if len(number_text) > MAX_LEVEL_TEXT:
        problems.setdefault("text", []).append(f"{where} has a number text {len(number_text)} characters long, "
                                               f"past {MAX_LEVEL_TEXT}: its numbers are left out")
        number_text = ""
    return _Level(
        start=_start(_val(lvl.find(f"{W}start")), where, problems),
        fmt=_val(lvl.find(f"{W}numFmt")) or "decimal",
        text=number_text,
        restart=_int(restart, -1) if restart is not None else None,
        legal=bool(_on(lvl.find(f"{W}isLgl"))),
        style=_val(lvl.find(f"{W}pStyle")),
    )


def _start(text: str | None, where: str, problems: dict[str, list[str]]) -> int | None:
    """A level's ``start`` (or ``startOverride``); None past ``MAX_START``, said in ``problems``."""
    start = _int(text, 1)
    if start <= MAX_START:
        return start
    problems.setdefault("start", []).append(f"{where} starts at {start}, past {MAX_START}: its numbers are left out")
    return None


def _said(part: str, problems: dict[str, list[str]]) -> tuple[Diagnostic, ...]:
    """One warning per kind of problem: its first case, and how many more there are."""
    return tuple(
        Diagnostic(f"{part}: {found[0]}" + (f" (and {len(found) - 1} more like it)" if len(found) > 1 else ""))
        for found in problems.values()
    )


@dataclass(frozen=True, slots=True)
class _List:
    """One ``w:num``: the counter it shares, its levels (abstract levels with the overrides applied)."""

    key: str
    levels: dict[int, _Level]


class _Numbering:
    """numbering.xml resolved into lists: numId -> levels and the key of the counter they count on."""

    def __init__(self, root: Element | None, styles: _Styles, part: str = "word/numbering.xml") -> None:
        self.lists: dict[str, _List] = {}
        self.part = part
        self.warnings: tuple[Diagnostic, ...] = ()
        if root is None:
            return
        problems: dict[str, list[str]] = {}
        outside: list[str] = []  # levels numbered outside Word's nine
        abstract: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}  # numStyleLink -> styleLink: the abstract that holds the levels
        by_style: dict[str, str] = {}
        for node in root.iter(f"{W}abstractNum"):
            aid = node.get(f"{W}abstractNumId") or ""
            levels = {}
            for lvl in node.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                if ilvl not in _LEVELS:
                    outside.append(f"{ilvl} in list definition {aid}")
                    continue
                levels[ilvl] = _level(lvl, ilvl, f"level {ilvl + 1} of list definition {aid}", problems)
            abstract[aid] = levels
            style_link = _val(node.find(f"{W}styleLink"))
            if style_link:
                by_style[style_link] = aid
            num_link = _val(node.find(f"{W}numStyleLink"))
            if num_link:
                links[aid] = num_link
        nums: dict[str, Element] = {n.get(f"{W}numId") or "": n for n in root.iter(f"{W}num")}
        for num_id, num in nums.items():
            aid = _val(num.find(f"{W}abstractNumId")) or ""
            aid = self._follow(aid, links, by_style, styles, nums)
            levels = dict(abstract.get(aid, {}))
            restarted = False
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                if ilvl not in _LEVELS:
                    outside.append(f"{ilvl} in list {num_id}")
                    continue
                where = f"level {ilvl + 1} of list {num_id}"
                replacement = override.find(f"{W}lvl")
                if replacement is not None:
                    levels[ilvl] = _level(replacement, ilvl, where, problems)
                    restarted = True
                start = _val(override.find(f"{W}startOverride"))
                if start is not None:
                    base = levels.get(ilvl, _Level(text=f"%{ilvl + 1}."))
                    levels[ilvl] = _Level(_start(start, where, problems), base.fmt, base.text, base.restart,
                                          base.legal, base.style)
                    restarted = True
            self.lists[num_id] = _List(f"num:{num_id}" if restarted else f"abstract:{aid}", levels)
        if outside:
            n = len(outside)
            problems["levels"] = [f"{n} list level{'s' if n > 1 else ''} numbered outside Word's 0 to 8 "
                                  f"{'are' if n > 1 else 'is'} ignored (the first: {_one_line(outside[0])[:60]})"]
        self.warnings = _said(part, problems)

    @staticmethod
    def _follow(
        aid: str, links: dict[str, str], by_style: dict[str, str], styles: _Styles, nums: dict[str, Element]
    ) -> str:
        """An abstract definition that only links to a numbering style -> the one holding the levels."""
        for _ in range(4):
            link = links.get(aid)
            if link is None:
                return aid
            if link in by_style:
                aid = by_style[link]
                continue
            num_id, _, _ = styles.numbering(link)
            num = nums.get(num_id or "")
            if num is None:
                return aid
            aid = _val(num.find(f"{W}abstractNumId")) or aid
        return aid

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        lst = self.lists.get(num_id)
        if lst is not None and style_id:
            for ilvl, level in sorted(lst.levels.items()):
                if level.style == style_id:
                    return ilvl
        return 0


class _Counters:
    """The running counts of every list, advanced paragraph by paragraph in document order."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, dict[int, int]] = {}
        #: the lists and levels that counted past ``MAX_LETTERS`` in letters: "list 3 ... at level 1"
        self.overflow: dict[str, None] = {}

    def next(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """The printed number of the next paragraph at ``ilvl`` of list ``num_id``, and whether it is a bullet."""
        lst = self.numbering.lists.get(num_id)
        if lst is None:
            return "", False
        level = lst.levels.get(ilvl)
        if level is None:
            return "", False
        counts = self.counts.setdefault(lst.key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start or 0
        for deeper in [k for k in counts if k > ilvl]:
            restart = lst.levels[deeper].restart if deeper in lst.levels else None
            if restart is None or (restart > 0 and ilvl < restart):
                del counts[deeper]
        if level.fmt == "bullet":
            return "", True

        unknown = False  # a number the label shows cannot be printed: the label is left out

        def number(match: re.Match[str]) -> str:
            nonlocal unknown
            k = int(match.group(1)) - 1
            other = lst.levels.get(k, _Level())
            fmt = "decimal" if level.legal else other.fmt
            if other.start is None:  # it starts past MAX_START: its count is unknown
                unknown = True
                return ""
            value = counts.get(k, other.start)
            if value > MAX_LETTERS and fmt in ("lowerLetter", "upperLetter"):
                self.overflow[f"list {_one_line(num_id)[:20]} counts past {MAX_LETTERS} in letters at level {k + 1} "
                              f"({MAX_LETTERS // 26 + 1} letters or more): those numbers are left out"] = None
                unknown = True
                return ""
            return format_number(value, fmt)

        label = re.sub(r"%([1-9])", number, level.text).strip()
        return "" if unknown else label, False


def format_number(value: int, fmt: str) -> str:
    """A counter as Word prints it in numbering format ``fmt`` (``numFmt``)."""
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


# --- notes -----------------------------------------------------------------------------------------------------


def _notes(root: Element | None, tag: str) -> dict[str, Element]:
    """Footnotes (or endnotes) by id, without the separators Word keeps among them."""
    if root is None:
        return {}
    return {
        note.get(f"{W}id") or "": note for note in root.iter(f"{W}{tag}") if note.get(f"{W}type", "normal") == "normal"
    }


# --- the body walk ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    marker: bool = False  # a [^N] note call: neither emphasis nor plain text
    marks: frozenset[str] = frozenset()  # revision marks (``treatydiff.load.markup``)


@dataclass
class _Text:
    """What the runs of a paragraph hold: text pieces with their formatting, note references, text boxes."""

    pieces: list[_Piece] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)  # the [^N]: lines to emit after the paragraph
    boxes: list[Element] = field(default_factory=list)

    def add(self, piece: _Piece) -> None:
        self.pieces.append(piece)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    def emphasis(self) -> bool:
        visible = [p for p in self.pieces if p.text.strip() and not p.marker]
        return bool(visible) and (all(p.bold for p in visible) or all(p.italic for p in visible))

    def typed_notes(self) -> _Text:
        """Note calls typed as superscript numbers (a PDF converted to Word has no footnote references, only
        "Council31" with "31" raised) -> ``[^31]``; a paragraph that opens with a raised number is the
        note's text -> ``[^31]: text``. Only used for documents without real footnote references."""
        out: list[_Piece] = []
        pieces = self.pieces
        # what stands before and after each raised run, kept as the walk goes: joining the text on either side
        # again for each one grew with the square of the runs in the paragraph
        text_after = [False] * (len(pieces) + 1)  # text_after[k]: some text in pieces[k:]
        for k in range(len(pieces) - 1, -1, -1):
            text_after[k] = text_after[k + 1] or bool(pieces[k].text.strip())
        text_before, last = False, ""  # some text in out; the last character of out

        def keep(*kept: _Piece) -> None:
            nonlocal text_before, last
            for piece in kept:
                out.append(piece)
                text_before = text_before or bool(piece.text.strip())
                last = piece.text[-1:] or last

        i = 0
        while i < len(pieces):
            j = i
            while j < len(pieces) and pieces[j].superscript and not pieces[j].marker:
                j += 1
            if j == i:
                keep(pieces[i])
                i += 1
                continue
            raised = "".join(p.text for p in pieces[i:j]).strip()
            if _NOTE_CALL.fullmatch(raised) and text_after[j] and not text_before:
                out.append(_Piece(f"[^{raised}]: ", marker=True))
                out.extend(
                    _Piece(p.text.lstrip() if k == 0 else p.text, p.bold, p.italic) for k, p in enumerate(pieces[j:])
                )
                break
            if _NOTE_CALL.fullmatch(raised) and last.strip():
                keep(_Piece(f"[^{raised}]", marker=True))
            else:
                keep(*pieces[i:j])
            i = j
        return _Text(out, self.markers, self.boxes)


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph (several lines when it holds line breaks) or a table row, and the notes it references."""

    lines: list[SourceLine]
    notes: list[SourceLine]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines).strip()


_NOTE_CALL = re.compile(r"\d{1,3}")

_INLINE_CONTAINERS = frozenset(
    f"{W}{tag}" for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent")
)
_BOX_HOLDERS = frozenset((f"{W}drawing", f"{W}pict", f"{W}object", f"{MC}AlternateContent"))


class _Walker:
    """Walks the body once, in document order; holds the list counters and the note numbers as it goes."""

    def __init__(
        self,
        styles: _Styles,
        numbering: _Numbering,
        footnotes: dict[str, Element],
        endnotes: dict[str, Element],
        *,
        view: str,
        typed_notes: bool = False,
        rule: markup.Convention | None = None,
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.counters = _Counters(numbering)
        self.footnotes = footnotes
        self.endnotes = endnotes
        self.view = view
        self.final = view == "final"
        self.typed_notes = typed_notes
        #: what formatting marks mean (None: none yet known, every run is read as text)
        self.rule = rule
        self.tally = markup.Tally()  # the characters seen, and their marks
        self.revision: frozenset[str] = frozenset()  # inside w:ins / w:del: that revision's mark
        self.hidden = 0  # runs left out of the view by their marks, so far
        self.left_out = False  # the last run was left out (the text that follows rejoins the text before it)
        self.paragraphs = 0
        self.footnote_count = 0
        self.endnote_count = 0
        self.noted: dict[tuple[bool, str], str] = {}  # (footnote?, note id) -> its label, once referred to
        self.repeated = 0  # references to notes already referred to
        self.in_note = False  # reading a note's text: the references in it are not followed
        self.carry: _Text | None = None  # a paragraph whose mark was deleted: it joins the next one

    def warnings(self) -> tuple[Diagnostic, ...]:
        """What the walk left out or read otherwise than Word would print it."""
        overflow = list(self.counters.overflow)
        said = _said(self.numbering.part, {"letters": overflow}) if overflow else ()
        if self.repeated:
            n = self.repeated
            said += (Diagnostic(f"{n} reference{'s' if n > 1 else ''} to notes already referred to "
                                f"{'reuse their' if n > 1 else 'reuses its'} number, and each note's text is given "
                                "once (Word refers to each note once)"),)
        return said

    def read(self, body: Element) -> list[SourceLine]:
        out: list[SourceLine] = []
        for block in self.blocks(body):
            number = block.lines[0].number if block.lines else self.paragraphs
            out.extend(block.lines)
            out.append(SourceLine("", number))
            for note in block.notes:
                out.extend((note, SourceLine("", note.number)))
        return out

    # blocks: paragraphs, tables, and the containers around them

    def blocks(self, parent: Element) -> Iterator[_Block]:
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph(child)
            elif tag == f"{W}tbl":
                yield from self.table(child)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
                inner = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
                if inner is not None and not _is_toc(child):
                    yield from self.blocks(inner)
            elif tag in _REVISIONS:
                mark = _REVISIONS[tag]
                if self.final == (mark == markup.INSERTED):
                    outer, self.revision = self.revision, frozenset({mark})
                    yield from self.blocks(child)
                    self.revision = outer
                else:
                    self.tally.add(_text_of(child), {mark})
            elif tag == f"{MC}AlternateContent":
                yield from self.blocks(_choice(child))

    def table(self, table: Element) -> Iterator[_Block]:
        for row in _children(table, "tr"):
            trpr = row.find(f"{W}trPr")
            if trpr is not None and trpr.find(f"{W}{'del' if self.final else 'ins'}") is not None:
                continue  # a row deleted (final view) or inserted (original view) as a tracked change
            cells = [list(self.blocks(cell)) for cell in _children(row, "tc")]
            filled = [[b for b in cell if b.text] for cell in cells]
            filled = [cell for cell in filled if cell]
            if len(filled) >= 2 and all(len(cell) == 1 and len(cell[0].lines) == 1 for cell in filled):
                first = filled[0][0].lines[0]
                text = " | ".join(cell[0].text for cell in filled)
                yield _Block([SourceLine(text, first.number)], [n for cell in filled for n in cell[0].notes])
            else:
                for cell in cells:
                    yield from cell

    # paragraphs

    def paragraph(self, p: Element) -> Iterator[_Block]:
        self.paragraphs += 1
        number = self.paragraphs
        ppr = p.find(f"{W}pPr")
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        props = ppr
        if not self.final and ppr is not None:
            change = ppr.find(f"{W}pPrChange")
            if change is not None and change.find(f"{W}pPr") is not None:
                props = change.find(f"{W}pPr")
        style_id = _val(props.find(f"{W}pStyle")) if props is not None else None
        style_id = style_id or self.styles.default_paragraph
        if self.styles.is_toc(style_id):
            return  # a table-of-contents line repeats a heading (with a page number)
        text = self.carry or _Text()
        self.carry = None
        para_bold = bool(self.styles.first(style_id, "bold"))
        para_italic = bool(self.styles.first(style_id, "italic"))
        hidden = self.hidden
        self.inline(p, text, para_bold, para_italic)
        if self.hidden > hidden and not any(piece.text.strip() for piece in text.pieces) and not text.boxes:
            self.tally.line([(piece.text, piece.marks) for piece in text.pieces])
            self.number(props, style_id)  # a paragraph wholly struck through: its number was printed, struck
            return
        if mark is not None and mark.find(f"{W}{'del' if self.final else 'ins'}") is not None:
            self.carry = text  # the paragraph mark is gone in this view: the text runs on into the next one
            return
        if mark is not None and mark.find(f"{W}{'moveFrom' if self.final else 'moveTo'}") is not None:
            self.carry = text
            return
        # tallied once, joined: counting a carried text again with each paragraph it joins grew with the square
        self.tally.line([(piece.text, piece.marks) for piece in text.pieces])
        yield from self.emit(text, props, style_id, number)

    def emit(self, text: _Text, props: Element | None, style_id: str | None, number: int) -> Iterator[_Block]:
        heading = self.styles.heading(style_id)
        if props is not None and props.find(f"{W}outlineLvl") is not None:
            level = _int(_val(props.find(f"{W}outlineLvl")), 9)
            heading = min(level + 1, 6) if 0 <= level < 9 else 0
        prefix, bullet = self.number(props, style_id)
        if self.typed_notes:
            text = text.typed_notes()
        raw = text.text
        parts = raw.split("\n")
        if prefix:
            parts[0] = f"{prefix} {parts[0].lstrip()}"
        whole = " ".join(part.strip() for part in parts).strip()
        emphasis = text.emphasis() and len(whole) <= _EMPHASIS_MAX
        lines = [
            SourceLine(part.strip(), number, heading=heading, emphasis=emphasis, bullet=bullet and i == 0)
            for i, part in enumerate(parts)
            if part.strip()
        ]
        notes = [SourceLine(marker, number) for marker in text.markers]
        if lines or notes:
            yield _Block(lines, notes)
        for box in text.boxes:
            yield from self.blocks(box)

    def number(self, props: Element | None, style_id: str | None) -> tuple[str, bool]:
        """The printed number of a paragraph (or "" when it has none), and whether it is a bullet."""
        num_pr = props.find(f"{W}numPr") if props is not None else None
        style_num, style_ilvl, carrier = self.styles.numbering(style_id)
        num_id, ilvl = style_num, style_ilvl
        if num_pr is not None:
            direct_num = _val(num_pr.find(f"{W}numId"))
            direct_ilvl = _val(num_pr.find(f"{W}ilvl"))
            if direct_num is not None:
                num_id, ilvl = direct_num, None
            if direct_ilvl is not None:
                ilvl = _int(direct_ilvl, 0)
        if num_id is None or num_id == "0":
            return "", False
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, carrier) if num_id == style_num else 0
        return self.counters.next(num_id, ilvl)

    # runs

    def inline(self, parent: Element, out: _Text, bold: bool, italic: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{W}r":
                self.run(child, out, bold, italic)
            elif tag in _REVISIONS:
                mark = _REVISIONS[tag]
                if self.final == (mark == markup.INSERTED):
                    outer, self.revision = self.revision, frozenset({mark})
                    self.inline(child, out, bold, italic)
                    self.revision = outer
                else:
                    self.tally.add(_text_of(child), {mark})
            elif tag in _INLINE_CONTAINERS:
                self.inline(child, out, bold, italic)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.inline(content, out, bold, italic)
            elif tag == f"{MC}AlternateContent":
                self.inline(_choice(child), out, bold, italic)

    def run(self, run: Element, out: _Text, para_bold: bool, para_italic: bool) -> None:
        rpr = run.find(f"{W}rPr")
        bold, italic, raised, struck, underlined = para_bold, para_italic, False, False, False
        if rpr is not None:
            if _on(rpr.find(f"{W}vanish")):
                return  # hidden text
            char_style = _val(rpr.find(f"{W}rStyle"))
            bold = self._toggle(_on(rpr.find(f"{W}b")), char_style, "bold", bold)
            italic = self._toggle(_on(rpr.find(f"{W}i")), char_style, "italic", italic)
            raised = self._toggle(_superscript(rpr), char_style, "superscript", False)
            struck = self._toggle(_struck(rpr), char_style, "struck", False)
            underlined = self._toggle(_underlined(rpr), char_style, "underlined", False)
        marks = self.revision | {
            mark for mark, on in ((markup.BOLD, bold), (markup.STRUCK, struck), (markup.UNDERLINED, underlined)) if on
        }
        rule = self.rule
        hidden = rule is not None and rule.hidden(marks, self.view)
        self.hidden += hidden
        if rule is not None and markup.BOLD in rule.inserted | rule.deleted:
            bold = False  # bold marks a change here: it says nothing of headings

        def add(text: str) -> None:
            self.tally.add(text, marks)
            if hidden:
                self.left_out = True
                return
            if self.left_out and out.pieces and text.strip():
                last = out.pieces[-1]
                out.pieces[-1] = _Piece(markup.rejoin(last.text, text.lstrip()), last.bold, last.italic,
                                        last.superscript, last.marker, last.marks)
            if text.strip():
                self.left_out = False
            out.add(_Piece(text, bold, italic, raised, marks=marks))

        for child in run:
            tag = child.tag[len(W) :] if child.tag.startswith(W) else ""
            if tag in ("t", "delText"):
                add(child.text or "")
            elif tag in ("tab", "ptab"):
                add("\t")
            elif tag in ("br", "cr"):
                if not hidden:
                    out.add(_Piece("\n"))
            elif tag == "noBreakHyphen":
                add("-")
            elif tag == "sym":
                add(_symbol(child.get(f"{W}char") or ""))
            elif tag in ("footnoteReference", "endnoteReference"):
                if not hidden:
                    self.note(child, out, footnote=tag == "footnoteReference")
            elif child.tag in _BOX_HOLDERS:
                out.boxes.extend(_text_boxes(_choice(child) if child.tag == f"{MC}AlternateContent" else child))

    def _toggle(self, direct: bool | None, char_style: str | None, attribute: str, inherited: bool) -> bool:
        """A run property: set on the run, else by its character style, else what the paragraph gives."""
        if direct is not None:
            return direct
        from_style = self.styles.first(char_style, attribute)
        return bool(from_style) if from_style is not None else inherited

    def note(self, reference: Element, out: _Text, *, footnote: bool) -> None:
        if self.in_note:
            return  # a reference inside a note (to itself, or a chain of notes) is not followed
        notes = self.footnotes if footnote else self.endnotes
        note_id = reference.get(f"{W}id") or ""
        note = notes.get(note_id)
        if (footnote, note_id) in self.noted and note is not None:
            # Word refers to each note once; read again, one note's text could be repeated without end
            self.repeated += 1
            out.add(_Piece(f"[^{self.noted[footnote, note_id]}]", marker=True))
            return
        if footnote:
            self.footnote_count += 1
            label = str(self.footnote_count)
        else:
            self.endnote_count += 1
            label = _roman(self.endnote_count)
        out.add(_Piece(f"[^{label}]", marker=True))
        if note is None:
            return
        self.noted[footnote, note_id] = label
        body = _Text()
        self.in_note = True
        for p in note.iter(f"{W}p"):
            self.inline(p, body, False, False)
            body.add(_Piece(" "))
        self.in_note = False
        text = " ".join(body.text.split())
        out.markers.append(f"[^{label}]: {text}")


#: The tracked revisions, and the mark each gives its text (moved text counts as deleted where it was and
#: inserted where it went).
_REVISIONS = {f"{W}ins": markup.INSERTED, f"{W}moveTo": markup.INSERTED, f"{W}del": markup.DELETED,
              f"{W}moveFrom": markup.DELETED}


def _text_of(element: Element) -> str:
    """The characters of a revision left out of the view (``w:t`` and ``w:delText``)."""
    return "".join(t.text or "" for t in element.iter() if t.tag in (f"{W}t", f"{W}delText"))


def _children(parent: Element, tag: str) -> Iterator[Element]:
    """Children named ``tag``, looking through content controls and custom XML wrapped around them."""
    for child in parent:
        if child.tag == f"{W}{tag}":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
            inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if inner is not None:
                yield from _children(inner, tag)


def _is_toc(sdt: Element) -> bool:
    """A content control that Word made for a table of contents."""
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and (_val(gallery) or "").lower() == "table of contents"


def _choice(alternate: Element) -> Element:
    """The first alternative of ``mc:AlternateContent`` (Word writes the same content in each)."""
    for child in alternate:
        if child.tag in (f"{MC}Choice", f"{MC}Fallback"):
            return child
    return alternate


def _text_boxes(holder: Element) -> list[Element]:
    """The outermost ``w:txbxContent`` elements inside a drawing."""
    found: list[Element] = []
    for child in holder:
        if child.tag == f"{W}txbxContent":
            found.append(child)
        elif child.tag == f"{MC}AlternateContent":
            found.extend(_text_boxes(_choice(child)))
        else:
            found.extend(_text_boxes(child))
    return found


def _symbol(code: str) -> str:
    """``w:sym w:char="F0B7"``: symbol fonts map their glyphs to U+F0xx; show the Latin-1 character instead."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 and not 0xD800 <= value < 0xE000 else ""  # no surrogates
