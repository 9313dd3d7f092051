"""Stage 1, load: the US bill reader (the GPO bill DTD in which every bill and resolution of Congress is printed).

Like the Akoma Ntoso and Formex readers (``akn.py``, ``formex.py``), this one writes the lines the shared structure
parser recognises from what the markup says: a bill's own ``section`` becomes one heading line with its ``enum``
and ``header`` (``Sec. 2. Short title``), which the parser reads as article ``2`` titled "Short title"; a
``title``, ``part`` or ``chapter`` a heading line the parser knows by its word (``Title I — General provisions``);
a ``division``, ``subtitle``, ``subpart`` or ``subchapter`` a heading line of its own words, nested by its depth; a
``subsection``, ``paragraph``, ``subparagraph``, ``clause`` (and below) a line that opens with its ``enum``
(``(a) In general — Section 236(c) of ...``), so the units nest in the order their numbering styles appear. Every
element becomes a block of its own (a blank line between), so the normaliser never joins two of them; each line
carries the element's ``id`` (``SourceLine.ref``).

What is no structure of the bill stays out of it:

- A ``quoted-block`` is the text of the law a section amends ("by inserting after paragraph (1) the following:").
  It holds ``section``, ``subsection``, ``paragraph`` elements of that law, which are never the bill's own: each is
  one line that opens with a quotation mark (as it is printed, “(2) Definition.— ...”), read as an unnumbered item
  of the unit that quotes it, with the ``after-quoted-block`` (“.”, “; and”) after the closing mark of the last.
- A ``toc`` (the bill's table of contents) lists the sections; it is regenerated from them, and its entries would
  read as section headings: it is left out (the words of the section it stands in stay).
- The ``form`` (congress, session, bill number, sponsors, committee, dates) is the cover of one printing and
  changes with every stage: only the official title is kept, with the enacting clause ("Be it enacted ...") or the
  resolving clause, as the text before the first section (the preamble). A resolution's ``whereas`` clauses are
  its recitals.
- The ``attestation`` ("Passed the Senate ...", the Secretary, the Speaker) is the bill's closing text, under a
  heading of its own (the parser's name for closing formulas), never words of the last section. The
  ``endorsement`` (the back page) is left out.

Inline markup keeps its words: ``quote`` becomes “...”, a ``footnote`` a ``[^N]`` marker with its text written
after the line (as the other XML readers write theirs). Tables are one line per row, cells separated by ``|``.

The roots read are ``bill``, ``resolution`` and ``amendment-doc`` (an engrossed amendment, whose
``amendment-block`` is quoted text like a ``quoted-block``). The XML goes through defusedxml (``akn.parse_xml``):
the bill DTD is named in every file's ``<!DOCTYPE ...>`` but never fetched, and a document that declares entities
is refused, never expanded. USLM (the newer schema of enrolled bills and public laws) is not read here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from treatydiff.errors import LoadError
from treatydiff.load import patterns
from treatydiff.load.akn import InlineText, local_name, parse_xml, squash
from treatydiff.load.decode import RawDraft
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import FINAL_FORMULA, LoadOptions

#: The root elements of a document of the bill DTD (and of the resolution and amendment DTDs that share it).
ROOTS = frozenset({"bill", "resolution", "amendment-doc"})
_PROLOGUE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*", re.S)
_ROOT = re.compile(rb"<(?:bill|resolution|amendment-doc)[\s>/]")
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+(?:bill|resolution|amendment-doc)[\s>\[]")
_USLM = re.compile(rb"<(?:bill|resolution)\s[^>]*xmlns=\"http://schemas\.gpo\.gov/xml/uslm")


def sniff(head: bytes) -> bool:
    """A ``<bill``, ``<resolution`` or ``<amendment-doc`` root element (or document type) as the first markup after
    the XML declaration, processing instructions and comments. USLM files share the root names but not the
    elements: they are left to the other readers."""
    start = _PROLOGUE.match(head)
    at = start.end() if start else 0
    if _DOCTYPE.match(head, at):
        return True
    return bool(_ROOT.match(head, at)) and not _USLM.match(head, at)


# --- what the elements are ------------------------------------------------------------------------------

#: Parts printed with no words of the bill's text: metadata, the cover of one printing, the table of contents,
#: drafters' comments.
_SKIP = frozenset(
    {
        "metadata", "dublinCore", "distribution-code", "calendar", "congress", "session", "legis-num",
        "associated-doc", "current-chamber", "action", "legis-type", "enrolled-dateline", "endorsement", "toc",
        "legis-comment", "pagebreak", "non-statutory-material",
    }
)
#: Divisions that group sections -> the word their heading is printed with, and whether the shared parser knows
#: it (``Title I`` is a title; ``Subtitle A`` is a heading of its own words, nested by its depth).
_DIVISIONS: dict[str, tuple[str, bool]] = {
    "division": ("Division", False),
    "subdivision": ("Subdivision", False),
    "title": ("Title", True),
    "subtitle": ("Subtitle", False),
    "part": ("Part", True),
    "subpart": ("Subpart", False),
    "chapter": ("Chapter", True),
    "subchapter": ("Subchapter", False),
}
#: Numbered units below a section: their ``enum`` opens their line.
_UNITS = frozenset({"subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem"})
#: Quoted text of the law a section amends: never the bill's own structure. (An amendment's ``amendment-block``
#: is the amendment's own text: its sections are read as sections.)
_QUOTED = frozenset({"quoted-block"})
#: Elements that hold text to be printed on lines of their own.
_TEXTS = frozenset(
    {"text", "continuation-text", "quoted-block-continuation-text", "official-title", "amendment-instruction"}
)
_CONGRESS = "the Senate and House of Representatives of the United States of America in Congress assembled,"
#: The clauses the bill's stylesheet prints before the first section (from an attribute, not from text).
_ENACTING = f"Be it enacted by {_CONGRESS}"
_RESOLVING = {
    "concurrent": "Resolved by the {chamber} (the {other} concurring),",
    "joint": f"Resolved by {_CONGRESS}",
    "simple": "Resolved,",
}
_OPEN, _CLOSE = "\u201c", "\u201d"


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


# --- the walk --------------------------------------------------------------------------------------------


@dataclass
class _Writer(InlineText):
    """Collects the lines; each block is separated from the next by a blank line."""

    lines_of: dict[ET.Element, int]
    out: list[SourceLine] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # footnotes of the line being written
    note_count: int = 0

    def line_of(self, element: ET.Element) -> int:
        return self.lines_of.get(element, 0)

    def emit(self, text: str, line: int, *, heading: int = 0, bullet: bool = False, ref: str = "") -> None:
        text = squash(text)
        if not text:
            return
        self.out.append(SourceLine("", line))
        self.out.append(SourceLine(text, line, heading=min(heading, 6), bullet=bullet, ref=ref))
        notes, self.notes = self.notes, []
        for marker, note in notes:
            self.out.append(SourceLine("", line))
            self.out.append(SourceLine(f"[^{marker}]: {note}", line))

    # inline text

    def piece(self, child: ET.Element) -> str:
        """The words of one inline element (without its tail)."""
        name = local_name(child.tag)
        if not isinstance(child.tag, str) or name in _SKIP:
            return ""
        if name == "footnote":
            self.note_count += 1
            saved, self.notes = self.notes, []
            words = squash(self.inline(child))
            self.notes = [*saved, (str(self.note_count), words)]
            return f"[^{self.note_count}]"
        words = self.inline(child)
        if name == "quote":
            return f"{_OPEN}{words}{_CLOSE}"
        return words


class _Walk:
    def __init__(self, writer: _Writer, root: ET.Element) -> None:
        self.w = writer
        self.root = local_name(root.tag)
        self.clause_written = False
        # what kind of resolution, from the root's ``resolution-type`` ("house-concurrent", "senate-resolution"),
        # for the resolving clause the stylesheet prints
        self.resolution_type = root.get("resolution-type", "")
        chambers = ("Senate", "House of Representatives")
        self.chamber, self.other = chambers[::-1] if self.resolution_type.startswith("house") else chambers

    def _ref(self, element: ET.Element) -> str:
        return element.get("id", "")

    def visit(self, element: ET.Element, depth: int) -> None:
        name = local_name(element.tag)
        if not isinstance(element.tag, str) or name in _SKIP:
            return
        if name in ("form", "amendment-form", "engrossed-amendment-form"):
            self.form(element)
        elif name in ("legis-body", "resolution-body", "engrossed-amendment-body", "amendment-body"):
            self.body(element, depth)
        elif name == "section":
            self.section(element, depth)
        elif name in _DIVISIONS:
            self.division(element, name, depth)
        elif name in _UNITS:
            self.unit(element)
        elif name in _QUOTED:
            self.quoted(element)
        elif name == "attestation":
            self.attestation(element)
        elif name == "table":
            self.table(element)
        elif name in _TEXTS or name == "whereas":
            self.w.emit(self.w.inline(element), self.w.line_of(element), ref=self._ref(element))
        else:  # a container (the root, a preamble, an amendment...): what is inside it
            self.children(element, depth)

    def children(self, element: ET.Element, depth: int) -> None:
        """Each child in turn; text directly inside the element (never seen in the DTD's text-holding elements,
        which are all visited on their own) as a line of its own."""
        self.w.emit(element.text or "", self.w.line_of(element))
        for child in element:
            self.visit(child, depth)
            self.w.emit(child.tail or "", self.w.line_of(element))

    def form(self, element: ET.Element) -> None:
        """The cover of the printing: only the official title is the bill's text."""
        for child in element:
            if local_name(child.tag) == "official-title":
                self.w.emit(self.w.inline(child), self.w.line_of(child))

    def body(self, element: ET.Element, depth: int) -> None:
        """The enacting or resolving clause (printed from an attribute, not from text), then the sections."""
        clause = self._clause(element)
        if clause and not self.clause_written:
            self.clause_written = True
            self.w.emit(clause, self.w.line_of(element))
        self.children(element, depth)

    def _clause(self, element: ET.Element) -> str:
        name = local_name(element.tag)
        if name == "legis-body" and self.root == "bill":
            shown = element.get("display-enacting-clause", "yes-display-enacting-clause")
            return _ENACTING if shown.startswith("yes") else ""
        if name == "resolution-body":
            shown = element.get("display-resolving-clause", "yes-display-resolving-clause")
            if not shown.startswith("yes"):
                return ""
            kind = self.resolution_type
            form = "concurrent" if "concurrent" in kind else "joint" if "joint" in kind else "simple"
            return _RESOLVING[form].format(chamber=self.chamber, other=self.other)
        return ""

    def division(self, element: ET.Element, name: str, depth: int) -> None:
        """``Title I — General provisions``: one heading line, at the depth of the division, so that divisions
        the parser has no word for (subtitles, subparts) nest below the one above them."""
        word, known = _DIVISIONS[name]
        number = self._enum(element)
        header = _child(element, "header")
        title = squash(self.w.inline(header)) if header is not None else ""
        heading = f"{word} {number}".strip() if number or known else word
        text = f"{heading} — {title}" if title else heading
        self.w.emit(text, self.w.line_of(element), heading=min(depth + 1, 6), ref=self._ref(element))
        for child in element:
            if local_name(child.tag) not in ("enum", "header"):
                self.visit(child, depth + 1)

    def _enum(self, element: ET.Element) -> str:
        enum = _child(element, "enum")
        return squash(self.w.inline(enum)).rstrip(".") if enum is not None else ""

    def section(self, element: ET.Element, depth: int) -> None:
        """``Sec. 2. Short title``: the heading line the parser reads as article 2 of that title. A section
        without a number (a one-section bill's "That ...") is text: the parser finds no section there."""
        number = re.sub(r"^(?:SEC(?:TION)?\.?|Sec(?:tion)?\.?)\s*", "", self._enum(element))
        header = _child(element, "header")
        title = squash(self.w.inline(header)) if header is not None else ""
        if number:
            text = f"Sec. {number}. {title}" if title else f"Sec. {number}"
            self.w.emit(text, self.w.line_of(element), heading=min(depth + 1, 5), ref=self._ref(element))
        elif title:
            self.w.emit(title, self.w.line_of(element), ref=self._ref(element))
        for child in element:
            if local_name(child.tag) not in ("enum", "header"):
                self.visit(child, depth + 1)

    def _own_line(self, element: ET.Element) -> tuple[str, list[ET.Element]]:
        """A unit's own line (``(a) In general — the text``) and the children after it (sub-units, quoted
        blocks, continuation text). The unit's first ``text`` goes on its line when nothing else comes first."""
        enum = _child(element, "enum")
        header = _child(element, "header")
        parts = [squash(self.w.inline(enum)) if enum is not None else ""]
        head = squash(self.w.inline(header)) if header is not None else ""
        rest = [c for c in element if local_name(c.tag) not in ("enum", "header")]
        text = ""
        if rest and local_name(rest[0].tag) == "text":
            text, rest = squash(self.w.inline(rest[0])), rest[1:]
        if head and text:
            parts.append(f"{head} — {text}")
        else:
            parts.append(head or text)
        return " ".join(p for p in parts if p), rest

    def unit(self, element: ET.Element) -> None:
        line, rest = self._own_line(element)
        inner = any(local_name(c.tag) in _UNITS for c in rest)
        if inner and line == self._enum_text(element) and patterns.marker(line) is None:
            # "(B)" with no words of its own before its clauses (printed "(B)(i) keep a log"): the parser reads a
            # capital alone as no number, and the clauses after it would lose their place; a dash gives it one
            line = f"{line} —"
        self.w.emit(line, self.w.line_of(element), ref=self._ref(element))
        for child in rest:
            self.visit(child, 0)

    def quoted(self, element: ET.Element) -> None:
        """Quoted text of another law: one line per unit in it, each opening with a quotation mark, as an
        unnumbered item of the unit that quotes it; the closing mark and the ``after-quoted-block`` on the last."""
        lines: list[tuple[str, int, str]] = []
        after = ""
        for child in element:
            name = local_name(child.tag)
            if name == "after-quoted-block":
                after = squash(self.w.inline(child))
            elif isinstance(child.tag, str) and name not in _SKIP:
                self._quoted_lines(child, lines)
        if not lines:
            return
        last_text, last_line, last_ref = lines[-1]
        lines[-1] = (f"{last_text}{_CLOSE}{after}", last_line, last_ref)
        for text, line, ref in lines:
            self.w.emit(f"{_OPEN}{text}", line, bullet=True, ref=ref)

    def _quoted_lines(self, element: ET.Element, lines: list[tuple[str, int, str]]) -> None:
        name = local_name(element.tag)
        if name in _SKIP or not isinstance(element.tag, str):
            return
        if name == "section" or name in _DIVISIONS or name in _UNITS:
            own, rest = self._own_line(element)
            if name == "section" and own[:1].isdigit():
                own = f"Sec. {own}"  # "“SEC. 10A. ..." as printed, never a heading: the quotation mark opens it
            elif name in _DIVISIONS:
                header = _child(element, "header")
                title = squash(self.w.inline(header)) if header is not None else ""
                own = " — ".join(p for p in (f"{_DIVISIONS[name][0]} {self._enum(element)}".strip(), title) if p)
                rest = [c for c in element if local_name(c.tag) not in ("enum", "header")]
            if own:
                lines.append((own, self.w.line_of(element), self._ref(element)))
            start = len(lines)
            for child in rest:
                self._quoted_lines(child, lines)
            if own and own == self._enum_text(element) and len(lines) > start:
                # "“(E)(i) is inadmissible ...": a number with no words of its own is printed on the line of the
                # first unit inside it
                text, line, ref = lines.pop(start - 1)
                follow = lines[start - 1]
                lines[start - 1] = (f"{text}{follow[0]}", line, ref)
        elif name in _QUOTED:  # a quotation inside the quotation: its words, in the same lines
            for child in element:
                self._quoted_lines(child, lines)
        elif name == "table":
            for row in self._rows(element):
                lines.append((row, self.w.line_of(element), ""))
        elif name in _TEXTS or len(element) == 0:
            words = squash(self.w.inline(element))
            if words:
                lines.append((words, self.w.line_of(element), self._ref(element)))
        else:
            for child in element:
                self._quoted_lines(child, lines)

    def _enum_text(self, element: ET.Element) -> str:
        enum = _child(element, "enum")
        return squash(self.w.inline(enum)) if enum is not None else ""

    def attestation(self, element: ET.Element) -> None:
        """The closing text: "Passed the Senate ...", the attestor and the role, under the heading the parser
        gives closing formulas, so that it is no part of the last section."""
        self.w.emit(FINAL_FORMULA, self.w.line_of(element), heading=1)
        for group in element.iter():
            if local_name(group.tag) != "attestation-group":
                continue
            signed = []  # the attestor and the role: one line, after the date line ("Passed the Senate ...")
            for part in group:
                words = squash(self.w.inline(part))
                if local_name(part.tag) == "attestation-date":
                    self.w.emit(words, self.w.line_of(part))
                elif words:
                    signed.append(words)
            self.w.emit(" ".join(signed), self.w.line_of(group))

    def _rows(self, element: ET.Element) -> list[str]:
        rows = []
        for row in element.iter():
            if local_name(row.tag) in ("row", "tr"):  # CALS tables (GPO's), and XHTML ones
                cells = [squash(self.w.inline(c)) for c in row if local_name(c.tag) in ("entry", "td", "th")]
                if any(cells):
                    rows.append(" | ".join(c for c in cells if c))
        return rows

    def table(self, element: ET.Element) -> None:
        for row in self._rows(element):
            self.w.emit(row, self.w.line_of(element))


@register("usbill", sniff=sniff, title="US bill XML")
def read_us_bill(raw: RawDraft, options: LoadOptions) -> Read:
    """GPO bill XML: the bill's sections from the markup, the words from the text."""
    root, lines = parse_xml(raw)
    name = local_name(root.tag)
    if name not in ROOTS:
        raise LoadError(
            raw.source,
            f"not a US bill (the root element is <{name}>)",
            "give a bill, resolution or amendment in GPO bill XML (<bill>, <resolution>, <amendment-doc>), "
            "or choose another reader with --from",
        )
    writer = _Writer(lines)
    _Walk(writer, root).visit(root, 0)
    if not any(line.text for line in writer.out):
        raise LoadError(raw.source, "the bill holds no text", "check that the file is complete")
    return Read(writer.out)
