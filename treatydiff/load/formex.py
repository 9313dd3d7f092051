"""Stage 1, load: the Formex 4 reader (the XML in which the Publications Office prints the EU Official Journal).

Like the Akoma Ntoso reader (``akn.py``), this one writes the lines the shared structure parser recognises
from what the markup says, not from guesses: an ``ARTICLE`` becomes its ``TI.ART`` as a heading line
(``Article 5``) with its ``STI.ART`` as the title line under it, a ``DIVISION`` its ``TI`` (``CHAPTER II``,
``SECTION 1``) with its ``STI`` under it, an ``ANNEX`` its ``TI`` (``ANNEX I``), a numbered ``PARAG`` a line
that opens with its ``NO.PARAG`` (``1. ...``), a recital or point (``NP``) one that opens with its ``NO.P``
(``(1) ...``, ``(a) ...``). Every element becomes a block of its own (a blank line between), so the
normaliser never joins two of them; each line carries the element's ``IDENTIFIER`` (``SourceLine.ref``)
where Formex gives one.

Inline markup keeps its words: ``QUOT.START``/``QUOT.END`` become the quotation marks their ``CODE`` names,
a ``NOTE`` (footnote) becomes a ``[^N]`` marker with its text written after the line, as the Akoma Ntoso
reader writes an ``authorialNote``, so the two formats of one act read alike. The bibliographic data
(``BIB.INSTANCE``) is skipped. A consolidated act (``CONS.ACT``) and an annex printed as a document of its own
(root ``ANNEX``) are read the same way.

The XML goes through defusedxml (``akn.parse_xml``): a document that declares entities is refused, never
expanded. Formex uses no namespace; elements are matched by local name all the same.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from treatydiff.errors import LoadError
from treatydiff.load import patterns
from treatydiff.load.akn import InlineText, heading_on_first_line, local_name, parse_xml, squash
from treatydiff.load.decode import RawDraft
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import LoadOptions

#: The root elements of a Formex document of legal text (an act, a consolidated act, an annex on its own).
ROOTS = frozenset({"ACT", "CONS.ACT", "ANNEX", "CONS.ANNEX"})
# The root's start tag (after the XML declaration, comments, processing instructions), or the schema's name
# in the first bytes (``formex-06.00-...xd``).
_ROOT = re.compile(rb"<(?:ACT|CONS\.ACT|ANNEX|CONS\.ANNEX)[\s>/]")
_SCHEMA = re.compile(rb"formex[-_.]?\d", re.I)
_PROLOGUE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*", re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(?:ACT|CONS\.ACT|ANNEX|CONS\.ANNEX)[\s>\[]")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)[\s>]", re.I)


def sniff(head: bytes) -> bool:
    """A Formex root element (``<ACT``, ``<CONS.ACT``, ``<ANNEX``) or document type as the first markup, or
    such a root anywhere in the first bytes together with the name of the Formex schema. Akoma Ntoso names
    its elements in lower case (``<act>``), so its files never match."""
    if _HTML_START.match(head):  # a page about Formex, not a Formex file
        return False
    start = _PROLOGUE.match(head)
    at = start.end() if start else 0
    if _ROOT.match(head, at) or _DOCTYPE.match(head, at):
        return True
    return bool(_ROOT.search(head)) and bool(_SCHEMA.search(head))


# --- what the elements are ------------------------------------------------------------------------------

#: Metadata, and parts printed with no words of the instrument.
_SKIP = frozenset(
    {
        "BIB.INSTANCE", "BIB.INSTANCE.CONS", "BIB.DATA", "BIB.DOC", "DOCUMENT.REF", "INFO.CONSLEG", "INFO.PROD",
        "PROD.ID", "FMX.GEN", "INDEX", "TOC", "NO.SEQ", "IMG", "REF.PHYS", "GR.NOTES", "GR.ANNOTATION",
    }
)
#: The numbers and headings of units and articles: written by the unit or article they belong to.
_NUMBERS = frozenset({"NO.PARAG", "NO.P", "TI.ART", "STI.ART"})
#: Containers: never text of their own, only what is inside.
_CONTAINERS = frozenset(
    {
        "ACT", "CONS.ACT", "CONS.DOC", "CONS.DOC.GEN", "CONS.ANNEX", "PREAMBLE", "GR.VISA", "GR.CONSID",
        "ENACTING.TERMS", "CONTENTS", "LIST", "ITEM", "GR.SEQ", "SIGNATURE", "TITLE", "TI", "STI", "SUBJECT",
        "TBL", "CORPUS",
    }
)
#: Numbered units: their number (``NO.PARAG``, ``NO.P``) opens their first line.
_UNITS = {"PARAG": "NO.PARAG", "NP": "NO.P", "NP.ECR": "NO.P"}
#: Blocks of their own even when inline text surrounds them.
_BLOCK_CHILDREN = (
    _CONTAINERS
    | frozenset(_UNITS)
    | frozenset(
        {
            "P", "ALINEA", "TXT", "VISA", "CONSID", "PREAMBLE.INIT", "GR.CONSID.INIT", "PREAMBLE.FINAL", "PL.DATE",
            "SIGNATORY", "ARTICLE", "DIVISION", "ANNEX", "FINAL", "TBL", "FORMULA", "NOTE.TXT",
        }
    )
)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _quote(element: ET.Element, default: str) -> str:
    """The mark a ``QUOT.START``/``QUOT.END`` stands for: its ``CODE`` is the character's hex code point
    (``2018`` for a left single quotation mark). A code that names no punctuation (a control character, a
    letter) gives the usual mark instead: the attribute never puts what is not a quotation mark in the text."""
    try:
        mark = chr(int(element.get("CODE", ""), 16))
    except (ValueError, OverflowError):
        return default
    return mark if unicodedata.category(mark).startswith("P") else default


# --- the walk --------------------------------------------------------------------------------------------


@dataclass
class _Writer(InlineText):
    """Collects the lines; each block is separated from the next by a blank line."""

    lines_of: dict[ET.Element, int]
    out: list[SourceLine] = field(default_factory=list)
    # a unit (paragraph, point, recital, an item of a list of dashes) whose first line is still to come: its
    # number as printed ("" for a dash), ref, line, and whether it is an unnumbered list item
    pending: tuple[str, str, int, bool] | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # footnotes of the line being written
    note_count: int = 0

    def line_of(self, element: ET.Element) -> int:
        return self.lines_of.get(element, 0)

    def emit(self, text: str, line: int, *, heading: int = 0, ref: str = "") -> None:
        text = squash(text)
        if not text:
            return
        bullet = False
        if self.pending is not None:
            number, unit_ref, unit_line, bullet = self.pending
            self.pending = None
            text, ref, line = f"{number} {text}".strip(), unit_ref or ref, unit_line or line
        self.out.append(SourceLine("", line))
        self.out.append(SourceLine(text, line, heading=min(heading, 6), bullet=bullet, ref=ref))
        notes, self.notes = self.notes, []
        for marker, note in notes:
            self.out.append(SourceLine("", line))
            self.out.append(SourceLine(f"[^{marker}]: {note}", line))

    def open_unit(self, number: str, ref: str, line: int, *, bullet: bool = False) -> None:
        self.close_unit()
        self.pending = (number, ref, line, bullet)

    def close_unit(self) -> None:
        """A number that no text followed stands on its own line."""
        if self.pending is not None:
            number, ref, line, _ = self.pending
            self.pending = None
            self.emit(number, line, ref=ref)

    # inline text

    def piece(self, child: ET.Element) -> str:
        """The words of one inline element (without its tail)."""
        name = local_name(child.tag)
        if name == "NOTE":
            self.note_count += 1
            self.notes.append((str(self.note_count), squash(self._note_text(child))))
            return f"[^{self.note_count}]"
        if name == "QUOT.START":
            return _quote(child, "\u2018")
        if name == "QUOT.END":
            return _quote(child, "\u2019")
        if name in _SKIP or not isinstance(child.tag, str):
            return ""
        words = self.inline(child)
        return f" {words} " if name in _BLOCK_CHILDREN or name in _NUMBERS else words

    def _note_text(self, note: ET.Element) -> str:
        """A footnote's words; a footnote inside it (never seen, but legal) is kept as words too."""
        saved, self.notes = self.notes, []
        text = self.inline(note)
        inner, self.notes = self.notes, saved
        return " ".join([text, *(f"({marker}) {words}" for marker, words in inner)])


class _Walk:
    def __init__(self, writer: _Writer) -> None:
        self.w = writer

    def visit(self, element: ET.Element, depth: int) -> None:
        name = local_name(element.tag)
        if name in _SKIP or not isinstance(element.tag, str):
            return
        if name == "ARTICLE":
            self.article(element, depth)
        elif name == "DIVISION":
            self.division(element, depth)
        elif name in ("ANNEX", "CONS.ANNEX"):
            self.annex(element, depth)
        elif name == "FINAL":
            self.conclusions(element, depth)
        elif name == "TBL":
            self.table(element)
        elif name == "SIGNATORY":  # "For the Council", "The President", the name: one line
            self.w.close_unit()
            self.w.emit(" ".join(self.w.inline(p) for p in element), self.w.line_of(element))
        elif name in _UNITS:
            self.unit(element, name, depth)
        elif name == "ITEM" and _child(element, "NP") is None:  # an item of a list of dashes or bullets
            self.w.open_unit("", "", self.w.line_of(element), bullet=True)
            self.children(element, depth)
            self.w.close_unit()
        else:  # a container (PREAMBLE, LIST...), or a P, ALINEA, TXT, VISA...: anything that holds text
            self.children(element, depth)

    def children(self, element: ET.Element, depth: int) -> None:
        """What is inside an element: each block child in turn; the inline text between them (or all of it,
        when there is no block child) as lines of their own."""
        line, ref = self.w.line_of(element), element.get("IDENTIFIER", "")
        run = [element.text or ""]
        for child in element:
            name = local_name(child.tag)
            if name in _BLOCK_CHILDREN:
                self.w.emit("".join(run), line, ref=ref)
                self.visit(child, depth)
                run, line = [], self.w.line_of(child)
            elif name not in _SKIP and name not in _NUMBERS:
                run.append(self.w.piece(child))
            run.append(child.tail or "")
        self.w.emit("".join(run), line, ref=ref)

    def unit(self, element: ET.Element, name: str, depth: int) -> None:
        number = _child(element, _UNITS[name])
        printed = squash(self.w.inline(number)) if number is not None else ""
        self.w.open_unit(printed, element.get("IDENTIFIER", ""), self.w.line_of(element))
        self.children(element, depth)
        self.w.close_unit()

    def article(self, element: ET.Element, depth: int) -> None:
        self.w.close_unit()
        level = min(depth + 1, 5)
        number, title = _child(element, "TI.ART"), _child(element, "STI.ART")
        printed = squash(self.w.inline(number)) if number is not None else ""
        line, ref = self.w.line_of(element), element.get("IDENTIFIER", "")
        if printed:
            self.w.emit(printed, line, heading=level, ref=ref)
        if title is not None:
            self.w.emit(self.w.inline(title), self.w.line_of(title), heading=level + 1)
        self.children(element, depth + 1)

    def _headings(self, element: ET.Element) -> tuple[str, str, int]:
        """A division's or annex's ``TITLE``: its ``TI`` and ``STI`` (each ``P`` a phrase), and its line."""
        title = _child(element, "TITLE")
        if title is None:
            return "", "", self.w.line_of(element)
        return self._phrases(_child(title, "TI")), self._phrases(_child(title, "STI")), self.w.line_of(title)

    def _phrases(self, part: ET.Element | None) -> str:
        """A ``TI`` or ``STI`` on one line: its ``P`` phrases ("ANNEX", "List of ...") one after the other."""
        if part is None:
            return ""
        phrases = [p for p in part if local_name(p.tag) == "P"]
        return squash(" ".join(self.w.inline(p) for p in phrases) if phrases else self.w.inline(part))

    def division(self, element: ET.Element, depth: int) -> None:
        self.w.close_unit()
        level = min(depth + 1, 5)
        printed, title, line = self._headings(element)
        named = patterns.DIVISION.match(printed)
        if named and named.group("number") and not named.group("rest").strip():
            self.w.emit(printed, line, heading=level)  # "CHAPTER II", "SECTION 1" as printed
        elif printed or title:  # a grouping the parser has no word for: a heading that names it
            self.w.emit(f"{printed} {title}".strip(), line, heading=level)
            title = ""
        if title:
            self.w.emit(title, line, heading=level + 1)
        self._rest(element, depth + 1)

    def annex(self, element: ET.Element, depth: int) -> None:
        self.w.close_unit()
        printed, title, line = self._headings(element)
        self.w.emit(printed or "ANNEX", line, heading=1)
        if title:
            self.w.emit(title, line, heading=2)
        self._rest(element, depth + 1)

    def _rest(self, element: ET.Element, depth: int) -> None:
        """The children of a division or annex after its ``TITLE``."""
        for child in element:
            if local_name(child.tag) != "TITLE":
                self.visit(child, depth)

    def conclusions(self, element: ET.Element, depth: int) -> None:
        """The closing formula and signatures: kept, under a heading of their own words, so they are not read
        as paragraphs of the last article."""
        self.w.close_unit()
        start = len(self.w.out)
        self.children(element, depth)
        heading_on_first_line(self.w.out, start)

    def table(self, element: ET.Element) -> None:
        self.w.close_unit()
        for row in element.iter():
            if local_name(row.tag) != "ROW":
                continue
            cells = [squash(self.w.inline(c)) for c in row if local_name(c.tag) == "CELL"]
            self.w.emit(" | ".join(c for c in cells if c), self.w.line_of(row))


@register("formex", "fmx", sniff=sniff, title="Formex XML")
def read_formex(raw: RawDraft, options: LoadOptions) -> Read:
    """Formex 4 XML: the act's structure from the markup, the words from the text."""
    root, lines = parse_xml(raw)
    if local_name(root.tag) not in ROOTS:
        raise LoadError(
            raw.source,
            f"not a Formex act (the root element is <{local_name(root.tag)}>)",
            "give a Formex file of an act (<ACT>, <CONS.ACT> or <ANNEX>), or choose another reader with --from",
        )
    writer = _Writer(lines)
    _Walk(writer).visit(root, 0)
    writer.close_unit()
    if not any(line.text for line in writer.out):
        raise LoadError(raw.source, "the Formex document holds no text", "check that it is complete")
    return Read(writer.out)
