"""Stage 1, load: the Akoma Ntoso reader (OASIS LegalDocML / AKN 3.0, and the LegalDocML.de dialect).

The XML already says what every element is, so this reader writes the lines the shared structure parser
recognises without guessing: an ``article`` becomes an ``Article <number>`` heading line with its ``heading``
as the title line under it, a ``chapter`` a ``Chapter <number>`` heading line, a numbered ``paragraph``,
``point`` or ``item`` a line that opens with its number as printed (``(1) ...``, ``a) ...``, ``1. ...``).
Every element becomes a block of its own (a blank line between), so the normaliser never joins two of them,
and each line carries the element's ``eId`` (``SourceLine.ref``), which the tree keeps as ``Node.ref``.

Elements are matched by local name, so any namespace works (AKN 3.0, LegalDocML.de 1.x). The XML goes
through defusedxml: a document that declares entities (billion laughs, XXE) is refused, never expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from treatydiff.errors import LoadError
from treatydiff.load import patterns
from treatydiff.load.decode import RawDraft
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import LoadOptions

#: The namespace of the German federal dialect, which names its root ``akn:akomaNtoso`` too.
LEGALDOCML_DE = b"Inhaltsdaten.LegalDocML.de"
_ROOT = re.compile(rb"<(?:[\w.-]+:)?akomaNtoso[\s>/]")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)[\s>]", re.I)


def sniff(head: bytes) -> bool:
    """An Akoma Ntoso root element (any prefix) or the LegalDocML.de namespace in the first bytes (and not an
    HTML page that merely mentions them)."""
    if _HTML_START.match(head):
        return False
    return bool(_ROOT.search(head)) or LEGALDOCML_DE in head


# --- what the elements are ------------------------------------------------------------------------------

#: Metadata and other parts with no text of the instrument.
_SKIP = frozenset({"meta", "notes", "proprietary", "presentation", "num", "heading"})
#: Divisions that group articles -> the word the shared parser knows them by (None: a heading line).
_DIVISIONS: dict[str, str | None] = {
    "part": "Part",
    "title": "Title",
    "chapter": "Chapter",
    "section": "Section",
    "subsection": "Subsection",
    "book": None,
    "tome": None,
    "subpart": None,
    "subtitle": None,
    "subchapter": None,
    "division": None,
    "subdivision": None,
    "hcontainer": None,
}
#: Elements whose text is one line (unless they hold other such elements).
_BLOCKS = frozenset(
    {
        "p", "block", "listIntroduction", "listWrapUp", "intro", "wrapUp", "longTitle", "formula", "tblock",
        "crossHeading", "subheading",
    }
)
#: Numbered units below the article (and recitals, citations): their ``num`` opens their first line.
_UNITS = frozenset(
    {
        "paragraph", "subparagraph", "point", "item", "indent", "alinea", "clause", "subclause", "level", "list",
        "rule", "subrule", "proviso", "recital", "citation", "transitional",
    }
)
#: Containers: never text of their own, only what is inside.
_CONTAINERS = frozenset(
    {
        "akomaNtoso", "act", "bill", "doc", "statement", "amendment", "amendmentList", "documentCollection",
        "debate", "judgment", "portion", "officialGazette", "preface", "preamble", "body", "mainBody",
        "conclusions", "content", "blockList", "blockContainer", "citations", "recitals",
        "attachments", "attachment", "components", "component", "collectionBody", "interstitial",
        "container", "coverPage", "foreign", "quotedStructure", "embeddedStructure", "toc", "tocItem",
    }
)
#: Blocks of their own even when inline text surrounds them.
_BLOCK_CHILDREN = _BLOCKS | _CONTAINERS | _UNITS | frozenset(_DIVISIONS) | frozenset({"article", "table"})


def local_name(tag: object) -> str:
    """An element's name without its namespace (``{http://...}article`` -> ``article``); "" for comments."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def squash(text: str) -> str:
    """``text`` with every run of white space one space, none at the ends."""
    return " ".join(text.split())


def heading_on_first_line(out: list[SourceLine], start: int) -> None:
    """The closing formula and signatures written from ``out[start]`` on: their first line (not a footnote)
    becomes a heading of their own words, so that they are not read as paragraphs of the last article."""
    for k in range(start, len(out)):
        line = out[k]
        if line.text and not patterns.FOOTNOTE_DEF.match(line.text):
            out[k] = SourceLine(line.text, line.number, heading=1, ref=line.ref)
            break


# --- lists run into a paragraph's text ------------------------------------------------------------------

# Some converters (the Publications Office's Formex-to-AKN proof of concept among them) drop a list's <point>
# elements and keep only their words, glued to one another: "... the following:(a)the first;(b)the second; or
# (c)..." with no space and no markup. Read as it stands, that is one paragraph where the act has a lead-in and
# its points, and every comparison with a properly marked-up draft of the act reports the whole paragraph as
# changed. The split below is not a guess: it takes a label only where it is glued both to the punctuation that
# ends the point before it (":" for the first point of a list, ";" or "," - with "and"/"or" - for the next) and to
# the first word of its own point, and only when the labels run in order from the first ((a), (b), (c)...;
# (i), (ii)...; (1), (2)...), two at least, a list inside a point opening after that point's ":". Anything else
# (a label glued where no list of that kind has it next, labels out of order, a lone "(a)", no list opening
# after a ":") leaves the text as it is. A cross-reference ("point (a) of Article 5", "Article 6(1)(a)",
# "points (a),(b) and (c)") never qualifies: its label follows a word, a space or a bracket, or is followed by
# one.
_GLUED = re.compile(
    r"(?P<sep>[:;,])(?P<conj>\s(?:and|or),?)?\((?P<label>[a-z]{1,4}|\d{1,3})\)(?=[^\s().,;:\[])"
)
#: A single point of an amending act, quoted after the lead-in that says where it goes and glued like the lists
#: above: "... the following point is added:'29.Regulation ...'." - taken only when the quotation closes at the
#: end of the text (the converter closes it with an opening mark as often as not).
_QUOTED_POINT = re.compile(
    r":(?P<quote>[\u2018\u201c'\"])(?P<label>\d{1,3}\.|\((?:\d{1,3}|[a-z]{1,4})\))(?=[^\s().,;:\[])"
)
_QUOTES = "\u2018\u2019\u201c\u201d'\""
_MARKER = re.compile(r"\[\^([^\]\s]+)\]")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv")
_ALPHA = tuple("abcdefghijklmnopqrstuvwxyz")
_SERIES = {"roman": _ROMAN, "alpha": _ALPHA}


def _nth(kind: str, index: int) -> str:
    """The label at ``index`` (from 0) in a list of ``kind``: ``alpha`` 2 -> ``c``, ``roman`` 2 -> ``iii``."""
    if kind == "arabic":
        return str(index + 1)
    series = _SERIES[kind]
    return series[index] if index < len(series) else ""


def _opens(label: str) -> str | None:
    """The kind of list whose first label this is, if it is one."""
    return {"a": "alpha", "i": "roman", "1": "arabic"}.get(label)


def split_glued_list(text: str) -> list[str] | None:
    """``text`` as its lead-in and one line per point (``"(a) ..."``), when it holds a list run into it as
    described above; ``None`` when it holds none (or anything that would make the split a guess)."""
    found = list(_GLUED.finditer(text))
    if not found:
        return _split_quoted_point(text)
    first = found[0]
    if first.group("sep") != ":" or first.group("conj") or _opens(first.group("label")) is None:
        return None
    levels: list[tuple[str, int]] = []  # the lists open, outermost first: (kind, index of the current point)
    cuts: list[tuple[int, int]] = []  # where each point's label starts, and where its words start
    for match in found:
        label, sep = match.group("label"), match.group("sep")
        kind = _opens(label) if sep == ":" and not match.group("conj") else None
        if kind is not None and all(k != kind for k, _ in levels):
            # a list opens after the lead-in or a point's ":" (so "(h) ... where:(i)" opens (i), (ii)...)
            levels.append((kind, 0))
        else:
            depth = next(
                (d for d in range(len(levels) - 1, -1, -1) if _nth(levels[d][0], levels[d][1] + 1) == label), None
            )
            if depth is None:
                if sep == ",":
                    continue  # a comma and a label that is no next point: words of the point
                return None  # a label where no list has it next: not a list this reader can be sure of
            if any(index == 0 for _, index in levels[depth + 1:]):
                return None  # a list of one point closes: no run of labels says it is a list
            del levels[depth + 1:]
            levels[depth] = (levels[depth][0], levels[depth][1] + 1)
        cuts.append((match.start("label") - 1, match.end()))
    if any(index == 0 for _, index in levels):
        return None
    pieces = [text[: cuts[0][0]]]
    if not pieces[0].rstrip(":").strip():
        return None  # no lead-in: nothing says these are points of a list
    for k, (label_at, words_at) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        pieces.append(f"{text[label_at:words_at]} {text[words_at:end]}")
    return pieces


def _split_quoted_point(text: str) -> list[str] | None:
    quoted = _QUOTED_POINT.search(text)
    closed = text.rstrip(".;")  # the quotation must close at the end: "...'." is one quoted point, nothing more
    if quoted is None or not text[: quoted.start()].strip() or closed[-1:] not in _QUOTES:
        return None
    if len(closed) <= quoted.end():
        return None
    return [text[: quoted.start() + 1], f"{text[quoted.start() + 1 : quoted.end()]} {text[quoted.end():]}"]


# --- parsing with line numbers --------------------------------------------------------------------------


#: Deeper than any real document (Akoma Ntoso nests some twenty levels); the walk below recurses per level.
MAX_DEPTH = 200


class _TooDeep(Exception):
    """The document nests elements more than ``MAX_DEPTH`` levels deep."""


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that notes the source line where each element starts (ElementTree keeps none), and
    refuses a document nested deeper than ``MAX_DEPTH``."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[ET.Element, int] = {}
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[element] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


def parse_xml(raw: RawDraft) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The document's root and the start line of every element; ``LoadError`` for unsafe or broken XML."""
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    try:
        parser.feed(raw.data)
        root: ET.Element = parser.close()
    except _TooDeep:
        raise LoadError(
            raw.source,
            f"the XML nests elements more than {MAX_DEPTH} levels deep",
            "no legal text is structured that deeply; check that the file is the document meant",
            parser.parser.CurrentLineNumber,
        ) from None
    except defusedxml.EntitiesForbidden:
        raise LoadError(
            raw.source,
            "unsafe XML (entity declarations)",
            "treatydiff never expands XML entities (billion-laughs and XXE attacks use them); "
            "remove the <!DOCTYPE ...> with its <!ENTITY ...> declarations",
            parser.parser.CurrentLineNumber,
        ) from None
    except defusedxml.DefusedXmlException as exc:  # external references, DTD tricks
        raise LoadError(
            raw.source,
            f"unsafe XML ({type(exc).__name__})",
            "treatydiff never follows external references in XML; remove them",
            parser.parser.CurrentLineNumber,
        ) from None
    except (LookupError, ValueError) as exc:  # expat: an unknown or a multi-byte encoding in <?xml ... ?>
        raise LoadError(
            raw.source,
            f"unsupported XML encoding ({squash(str(exc))})",
            "re-save the file as UTF-8",
            parser.parser.CurrentLineNumber or None,
        ) from None
    except ET.ParseError as exc:
        line, column = exc.position
        what = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        raise LoadError(
            raw.source,
            f"malformed XML: {what} (column {column + 1})",
            "check that the file is complete and well-formed (an XML validator shows where)",
            line or None,
        ) from None
    return root, builder.lines


# --- the walk --------------------------------------------------------------------------------------------


class InlineText:
    """What the XML readers' line writers share: an element's words with its inline children, each read by the
    reader's own ``piece`` (a footnote becomes a ``[^N]`` marker, a skipped element nothing)."""

    def piece(self, child: ET.Element) -> str:
        raise NotImplementedError

    def inline(self, element: ET.Element) -> str:
        """The words of an element as printed, its inline children read by ``piece``."""
        parts = [element.text or ""]
        for child in element:
            parts.append(self.piece(child))
            parts.append(child.tail or "")
        return "".join(parts)


@dataclass
class _Writer(InlineText):
    """Collects the lines; each block is separated from the next by a blank line."""

    lines_of: dict[ET.Element, int]
    out: list[SourceLine] = field(default_factory=list)
    # a unit (paragraph, point...) whose first line is still to come: its number as printed (or ""), eId, line
    pending: tuple[str, str, int] | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # footnotes of the line being written
    note_count: int = 0

    def line_of(self, element: ET.Element) -> int:
        return self.lines_of.get(element, 0)

    def emit(self, text: str, line: int, *, heading: int = 0, ref: str = "") -> None:
        text = squash(text)
        if not text:
            return
        if self.pending is not None:
            number, unit_ref, unit_line = self.pending
            self.pending = None
            text, ref, line = f"{number} {text}".strip(), unit_ref or ref, unit_line or line
        self.out.append(SourceLine("", line))
        self.out.append(SourceLine(text, line, heading=min(heading, 6), ref=ref))
        notes, self.notes = self.notes, []
        for marker, note in notes:
            self.out.append(SourceLine("", line))
            self.out.append(SourceLine(f"[^{marker}]: {note}", line))

    def emit_text(self, text: str, line: int, *, ref: str = "") -> None:
        """The inline text of an element: one line, or its lead-in and a line per point when a list was run into
        it (``split_glued_list``); a footnote goes after the line that holds its marker."""
        pieces = split_glued_list(squash(text))
        if pieces is None:
            self.emit(text, line, ref=ref)
            return
        waiting: dict[str, list[tuple[str, str]]] = {}
        for note in self.notes:
            waiting.setdefault(note[0], []).append(note)
        self.notes = []
        for k, piece in enumerate(pieces):
            if k == len(pieces) - 1:
                self.notes = [note for notes in waiting.values() for note in notes]
            else:
                self.notes = [note for marker in _MARKER.findall(piece) for note in waiting.pop(marker, [])]
            self.emit(piece, line, ref=ref)

    def open_unit(self, number: str, ref: str, line: int) -> None:
        """A unit starts: its number and eId go on its first line of text. An unnumbered unit that opens
        inside one still waiting for its text (a ``list`` in a numbered ``paragraph``) shares that line."""
        if self.pending is not None and not number:
            return
        if self.pending is not None and not self.pending[0]:
            self.pending = None  # an unnumbered unit with no words of its own before this one
        self.close_unit()
        self.pending = (number, ref, line)

    def close_unit(self) -> None:
        """A number that no text followed ("(3)" of a paragraph with nothing in it) stands on its own line."""
        if self.pending is not None:
            number, ref, line = self.pending
            self.pending = None
            self.emit(number, line, ref=ref)

    # inline text

    def piece(self, child: ET.Element) -> str:
        """The words of one inline element (without its tail)."""
        name = local_name(child.tag)
        if name == "authorialNote":
            self.note_count += 1
            marker = re.sub(r"\s+", "", child.get("marker", "")) or str(self.note_count)
            self.notes.append((marker, squash(self.inline(child))))
            return f"[^{marker}]"
        if name in ("eol", "eop"):
            return " "
        if name in ("meta", "noteRef", "img") or not isinstance(child.tag, str):
            return ""
        words = self.inline(child)
        if name in ("quotedText", "quotedStructure"):
            words = f"{child.get('startQuote', '')}{words}{child.get('endQuote', '')}"
        return f" {words} " if name in _BLOCK_CHILDREN else words


def _number(element: ET.Element) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == "num"), None)


def _heading(element: ET.Element) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == "heading"), None)


_ARTICLE_WORD = re.compile(r"^(?:§+|[^\W\d_]+\.?)\s*(?=[\dIVXLC\[])")
_BARE = re.compile(r"^[0-9]+[a-z]?$|^[a-z]{1,2}$")


def article_number(printed: str) -> str:
    """``§ 20`` -> ``20``, ``Artikel 1`` -> ``1``, ``Art. 5a.`` -> ``5a``: the number as printed, no word."""
    number = _ARTICLE_WORD.sub("", squash(printed))
    return number.rstrip(".").strip() or squash(printed)


def _printed(name: str, number: str) -> str:
    """A numbering marker as the parser knows it; a bare ``1`` or ``a`` gets the punctuation of its kind."""
    if not _BARE.match(number):
        return number
    if name in ("paragraph", "recital", "subparagraph"):
        return f"({number})"
    return f"{number}." if number[0].isdigit() else f"{number})"


class _Walk:
    def __init__(self, writer: _Writer) -> None:
        self.w = writer

    def visit(self, element: ET.Element, depth: int) -> None:
        name = local_name(element.tag)
        if name in _SKIP or not isinstance(element.tag, str):
            return
        if name == "article":
            self.article(element, depth)
        elif name in _DIVISIONS:
            self.division(element, name, depth)
        elif name == "conclusions":
            self.conclusions(element, depth)
        elif name == "table":
            self.table(element)
        elif name in _CONTAINERS:
            self.children(element, depth)
        else:  # a paragraph, point, item, recital, citation...; a p; anything else that holds text
            self.numbered(element, name, depth)

    def _ref(self, element: ET.Element) -> str:
        return element.get("eId", "") or element.get("id", "")

    def children(self, element: ET.Element, depth: int) -> None:
        """What is inside an element: each block child in turn; the inline text between them (or all of it,
        when there is no block child) as lines of their own."""
        line, ref = self.w.line_of(element), self._ref(element)
        run = [element.text or ""]
        for child in element:
            name = local_name(child.tag)
            if name in _BLOCK_CHILDREN:
                self.w.emit_text("".join(run), line, ref=ref)
                self.visit(child, depth)
                run, line = [], self.w.line_of(child)
            elif name not in _SKIP:
                run.append(self.w.piece(child))
            run.append(child.tail or "")
        self.w.emit_text("".join(run), line, ref=ref)

    def numbered(self, element: ET.Element, name: str, depth: int) -> None:
        num = _number(element)
        printed = squash(self.w.inline(num)) if num is not None else ""
        unit = name in _UNITS
        if unit:
            self.w.open_unit(_printed(name, printed) if printed else "", self._ref(element), self.w.line_of(element))
        heading = _heading(element)
        if heading is not None:  # a heading inside an article is text of the article, not a division
            self.w.emit(self.w.inline(heading), self.w.line_of(heading), ref=self._ref(element))
        self.children(element, depth)
        if unit:
            self.w.close_unit()

    def article(self, element: ET.Element, depth: int) -> None:
        self.w.close_unit()
        level = min(depth + 1, 5)
        num, heading = _number(element), _heading(element)
        printed = squash(self.w.inline(num)) if num is not None else ""
        if printed:
            self.w.emit(f"Article {article_number(printed)}", self.w.line_of(element), heading=level,
                        ref=self._ref(element))
        if heading is not None:
            self.w.emit(self.w.inline(heading), self.w.line_of(heading), heading=level + 1)
        self.children(element, depth + 1)

    def division(self, element: ET.Element, name: str, depth: int) -> None:
        self.w.close_unit()
        level = min(depth + 1, 5)
        num, heading = _number(element), _heading(element)
        printed = squash(self.w.inline(num)) if num is not None else ""
        title = squash(self.w.inline(heading)) if heading is not None else ""
        word = _DIVISIONS[name]
        line, ref = self.w.line_of(element), self._ref(element)
        named = patterns.DIVISION.match(printed)
        if named and named.group("number") and not named.group("rest").strip():
            self.w.emit(printed, line, heading=level, ref=ref)  # "Abschnitt 1", "CHAPTER II" as printed
        elif printed and word:
            self.w.emit(f"{word} {printed}", line, heading=level, ref=ref)
        elif printed or title:  # a grouping the parser has no word for: a heading that names it
            self.w.emit(f"{printed} {title}".strip(), line, heading=level, ref=ref)
            title = ""
        if title and heading is not None:
            self.w.emit(title, self.w.line_of(heading), heading=level + 1)
        self.children(element, depth + 1)

    def conclusions(self, element: ET.Element, depth: int) -> None:
        """The closing formula and signatures: kept, under a heading of their own words, so they are not read
        as paragraphs of the last article."""
        self.w.close_unit()
        start = len(self.w.out)
        self.children(element, depth)
        heading_on_first_line(self.w.out, start)

    def table(self, element: ET.Element) -> None:
        for row in element.iter():
            if local_name(row.tag) != "tr":
                continue
            cells = [squash(self.w.inline(c)) for c in row if local_name(c.tag) in ("td", "th")]
            self.w.emit(" | ".join(c for c in cells if c), self.w.line_of(row), ref=self._ref(row))


@register("akn", "akomantoso", "xml", sniff=sniff, title="Akoma Ntoso XML")
def read_akoma_ntoso(raw: RawDraft, options: LoadOptions) -> Read:
    """Akoma Ntoso XML: the body's structure from the markup, the words from the text."""
    root, lines = parse_xml(raw)
    if local_name(root.tag) != "akomaNtoso":
        raise LoadError(
            raw.source,
            f"not an Akoma Ntoso document (the root element is <{local_name(root.tag)}>)",
            "give an Akoma Ntoso file, or choose another reader with --from",
        )
    writer = _Writer(lines)
    _Walk(writer).visit(root, 0)
    writer.close_unit()
    if not any(line.text for line in writer.out):
        raise LoadError(raw.source, "the Akoma Ntoso document holds no text", "check that it is complete")
    return Read(writer.out)
