"""Stage 1, load: the HTML reader — web pages and fragments, and the EUR-Lex Official Journal layout.

Built on the standard library's ``html.parser`` (a tokenizer, not a browser: nothing in the page is ever run
or fetched). Every block element (heading, paragraph, list item, table row) becomes a block of lines in
document order; ``h1``-``h6`` give heading levels, ordered lists the numbers a browser would print
(``start``, ``type``, ``value``, ``reversed``), table rows one line with the cells joined by `` | ``.
Page chrome is dropped with everything inside it: navigation, the page's own header and footer, asides,
scripts, styles, forms, templates, comments. A block set wholly in bold or italics keeps that as a hint.

EUR-Lex prints articles as ``<p class="ti-art">Article 5</p>`` and points as two-cell tables (``(a)`` in the
first cell, the words in the second); its classes give heading levels and a marker cell is joined to its
text, so an Official Journal page reads into the same tree as the same text written in Markdown. A dash cell
(or a proposal's ``<span class="num">&#8211;</span>``, or a paragraph that opens "— ") makes an unnumbered list item,
as a ``<ul>`` item is; a proposal's item number (``<span class="num">1.</span>``) is set apart from its words.
The Journal's header (``oj-hd-*``) and colophon (the act's ELI address, the ISSN) are page furniture.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from treatydiff.errors import LoadError
from treatydiff.load import amendments, markup, patterns
from treatydiff.load.decode import RawDraft, decode
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import Diagnostic, LoadOptions

# --- sniffing ---------------------------------------------------------------------------------------------

_DOCUMENT = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_FRAGMENT_TAG = re.compile(r"<(?:p|div|body)[\s>/]", re.I)
_RAW_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_MARKDOWN_HEADING = re.compile(r"^ {0,3}#", re.M)
_AKOMA_NTOSO = re.compile(r"<(?:[\w.-]+:)?akomaNtoso[\s>/]|Inhaltsdaten\.LegalDocML\.de")


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def sniff(head: bytes) -> bool:
    """An HTML document (``<!doctype html`` or ``<html`` first, after an optional BOM, XML declaration or
    comments), or a fragment: it starts with a tag, has a ``<p``, ``<div`` or ``<body`` in its first 4 KB and
    no Markdown heading line. Conservative on purpose: Markdown with some inline HTML stays Markdown."""
    text = _head_text(head).lstrip()
    if _DOCUMENT.match(text):
        return True
    if not text.startswith("<") or _AKOMA_NTOSO.search(text) or text.startswith("<?xml"):
        return False
    return bool(_FRAGMENT_TAG.search(text)) and not _MARKDOWN_HEADING.search(_RAW_TEXT.sub("", text))


# --- what the elements are --------------------------------------------------------------------------------

#: Dropped with everything inside them.
_DROP = frozenset(
    {
        "head", "nav", "aside", "script", "style", "noscript", "template", "form", "svg", "math", "iframe",
        "object", "embed", "canvas", "audio", "video", "button", "select", "textarea", "dialog", "menu",
    }
)
_DROP_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar", "doc-backlink"}
)
#: Classes of page chrome: the Official Journal's running header (date, language, OJ page) in EUR-Lex pages,
#: pandoc's "back to the text" links after a footnote.
_DROP_CLASSES = frozenset({"doc-sep", "oj-doc-sep", "footnote-back", "footnote-backref"})
#: ``header`` and ``footer`` are the page's own banner and footer (dropped) unless they belong to a sectioning
#: element: ``<article><header><h2>Article 5</h2></header>`` is the article's heading (the ARIA mapping).
_PAGE_CHROME = frozenset({"header", "footer"})
_SECTIONING = frozenset({"article", "section", "main", "blockquote"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "html", "body", "main", "article", "section", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
        "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
        "blockquote", "pre", "figure", "figcaption", "address", "center", "details", "summary", "fieldset",
        "legend", "header", "footer", "hgroup", "colgroup",
    }
)
#: Block starts that close an open ``<p>`` (HTML's implied end tags).
_CLOSES_P = _BLOCK - {"td", "th", "tr", "thead", "tbody", "tfoot", "caption", "colgroup", "li", "dt", "dd"}
_EMPHASIS = frozenset({"b", "strong", "i", "em"})
_EMPHASIS_CLASSES = frozenset({"bold", "italic", "boldface", "oj-bold", "oj-italic"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: EUR-Lex Official Journal classes (with or without the ``oj-`` prefix of the 2020s layout) -> heading level.
EURLEX_HEADINGS = {
    "doc-ti": 1,
    "ti-section-1": 2,
    "ti-grseq-1": 2,
    "ti-section-2": 3,
    "ti-art": 3,
    "sti-art": 4,
}
_SPACE = re.compile(r"[ \t\n\r\f]+")
# Footnotes a page marks as such become ``[^N]`` references and ``[^N]: text`` definitions, as in Markdown, so
# the parser attaches them to their provision: pandoc (``role="doc-noteref"``, an endnotes section whose items
# are ``id="fnN"``) and EUR-Lex (``<a href="#ntrN...">(1)</a>`` in the text, ``href="#ntcN..."`` before the
# note). Any other ``<sup>`` stays text as printed.
_NOTE_REF_HREF = re.compile(r"^#ntr\d", re.I)
_NOTE_DEF_HREF = re.compile(r"^#ntc\d", re.I)
_NOTE_ITEM_ID = re.compile(r"^fn[-_]?(\w+)$")
_BULLET_CELL = re.compile(r"^[\u2022\u2013\u2014\u00b7\u25aa\u25cf*-]$")
# EUR-Lex dash lists. The Official Journal sets each dash item as a table row (a cell "—", a cell of words), the
# Commission's proposals as ``<p class="li Tiret1"><span class="num">&#8211;</span>...</p>`` (an en dash), older
# pages as a paragraph "— words": each is an unnumbered list item, as Formex reads its ``LIST TYPE="DASH"``. A
# paragraph counts only when a word follows the dash and its space ("- 0.5" in a table is a negative number).
_DASH_ITEM = re.compile(r"^\s*[\u2013\u2014-]\s+(?=[^\W\d_]|[\"'(\u2018\u201c\u00ab])")
#: The label cells ``patterns.marker`` does not read: the numbers of an annex's sections ("3.1.", "1.2.3.";
#: "3.1" with no full stop would be a number in a table) and the points Parliament inserts before the first
#: ("(-a)", "(-aa)").
_LABEL_CELL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})+\.|\d{1,3}(?:\.\d{1,3}){2,}|\(-[a-z]{1,2}\))$")
#: The Official Journal's header (class ``oj-hd-date``, ``oj-hd-lg``, ``oj-hd-ti``, ``oj-hd-oj``, ``oj-hd-coll``,
#: ``oj-hd-uniq``: date, language, "Official Journal of the European Union", "L 119/1" or "C/2023/419") is page
#: furniture, as is its colophon: a paragraph that is nothing but the act's ELI address or the Journal's ISSN.
_HEADER_CLASS = re.compile(r"^(?:oj-)?hd-")
_COLOPHON = re.compile(
    r"^(?:ELI\s*:\s*https?://data\.europa\.eu/eli/\S+"
    r"|ISSN\s+\d{4}-\d{3}[\dX](?:\s*\((?:electronic|print|paper)\s+edition\))?)$",
    re.I,
)
#: The class EUR-Lex gives the number of a list item in its XHTML (``<span class="num">1.</span>``), set apart
#: from the words after it by the page's style sheet, not by a space.
_NUMBER_CLASS = "num"


def _number(n: int, style: str) -> str:
    """A list item's number as a browser prints it for ``type`` 1, a, A, i, I."""
    if style in ("a", "A"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < n < 4000:
        out = ""
        for value, roman in (
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ):
            while n >= value:
                out, n = out + roman, n - value
        return out.upper() if style == "I" else out
    return str(n)


def _int(value: str | None, default: int) -> int:
    """An attribute's number (``start``, ``value``); ``default`` when it is none, or longer than any number."""
    text = (value or "").strip()
    if len(text.lstrip("+-")) > patterns.MAX_DIGITS:
        return default
    try:
        return int(text)
    except ValueError:
        return default


# A numeric character reference with more digits than a character needs (U+10FFFF is 1114111 or 0x10FFFF): the
# standard library's ``html.unescape`` would turn 5,000 of them into an int, which Python refuses (more than 4,300
# digits) or builds in full. Leading zeros go; a value still too long is U+FFFD, as unescape reads any reference
# beyond U+10FFFF.
_LONG_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{7,})|([0-9]{8,}));?")


def _short_charref(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.group(1), match.group(2)
    digits = (hexadecimal or decimal).lstrip("0") or "0"
    if len(digits) > (6 if hexadecimal else 7):
        return "\ufffd"
    return f"&#x{digits};" if hexadecimal else f"&#{digits};"


# --- the reader -------------------------------------------------------------------------------------------

#: Where a doctype's internal subset ends (see ``_Reader.parse_html_declaration``).
_SUBSET_END = re.compile(r"\]\s*>")


@dataclass
class _Block:
    """A paragraph, heading, list item or table row under construction: its lines (``<br>`` starts a new one)."""

    line: int
    heading: int = 0
    bullet: bool = False
    indent: int = 0
    lines: list[list[str]] = field(default_factory=lambda: [[]])
    marked: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # its words with their revision marks
    left_out: bool = False  # words were just left out of the view (what follows rejoins what was before)
    emphasis: bool = True  # every word so far was inside <b>/<strong>/<i>/<em>
    verbatim: bool = False  # <pre>: line breaks as written

    def texts(self) -> list[str]:
        out = []
        for parts in self.lines:
            text = "".join(parts)
            out.append(text.strip() if self.verbatim else _SPACE.sub(" ", text).strip())
        return [t for t in out if t]

    def text(self) -> str:
        return " ".join(self.texts())


@dataclass
class _Frame:
    tag: str
    dropped: bool = False
    emphasis: bool = False
    heading: int = 0
    ordered: bool = False
    style: str = "1"
    next: int = 1
    step: int = 1
    note: str = ""  # "ref" or "def": a footnote anchor whose words are the footnote's number
    endnotes: bool = False  # pandoc's footnotes section
    # What the open frames from the root down to this one say, set when it is pushed (``_Reader._push``), so
    # that no event looks at the whole stack: a page nested 10 000 deep is read in linear time.
    in_heading: int = 0  # the heading level of the innermost frame with one
    in_pre: bool = False
    in_emphasis: bool = False
    in_endnotes: bool = False
    in_sectioning: bool = False
    marks: frozenset[str] = frozenset()  # the revision marks this element gives its words (``markup``)
    in_marks: frozenset[str] = frozenset()  # those of every open element
    lists: int = 0  # open ``ol``/``ul`` frames
    open_list: _Frame | None = None  # the innermost of them
    number: bool = False  # an EUR-Lex list item's number (``_NUMBER_CLASS``)
    emphasis_before: bool = True  # whether the block was wholly emphasised before that number


#: What an empty stack says (nothing open).
_ROOT = _Frame("")


@dataclass
class _Row:
    line: int
    cells: list[list[_Block]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, view: str = "final", rule: markup.Convention | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.view = view
        #: what formatting marks mean; the explicit revisions (<ins>, <del>) always apply
        self.rule = rule or markup.Convention()
        self.tally = markup.Tally()
        self.stack: list[_Frame] = []
        self.dropping = 0  # open frames that drop their content
        self.sinks: list[list[_Block]] = [[]]  # where finished blocks go: the document, or a table cell
        self.rows: list[_Row | None] = []  # the open row of each open table
        self.grids: list[tuple[int, list[_Row]]] = []  # each open table: the blocks before it, its rows so far
        #: the tables of amendments (a header row "Text proposed by the Commission" | "Amendment"): the blocks
        #: of the document before each and after it, and its rows
        self.amendments: list[tuple[int, int, list[_Row]]] = []
        self.block: _Block | None = None
        self.pending: tuple[str, bool, int] | None = None  # a list item's (number, bullet, indent)
        self.note: list[str] | None = None  # the words of an open footnote anchor
        self.last_subset_end: tuple[str, int, int] = ("", 0, -1)  # ``_subset_end``'s last answer

    def parse_html_declaration(self, i: int) -> int:
        """``<![`` not followed by a name (``<![- x -->``) makes the standard library's parser raise
        AssertionError (Python 3.11-3.12); a browser reads it as a bogus comment that ends at the next ``>``.

        A doctype with an internal subset (XHTML's ``<!DOCTYPE html [ <!ATTLIST ...> ]>``) ends at the ``]>``
        after its ``[``; the standard library ends it at the first ``>``, and the rest (``]>``) became text."""
        rawdata = self.rawdata
        if rawdata[i : i + 9].lower() == "<!doctype":
            close = rawdata.find(">", i + 9)
            bracket = rawdata.find("[", i + 9, len(rawdata) if close == -1 else close)
            if bracket != -1:
                end = self._subset_end(bracket)
                if end != -1:
                    return end
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def _subset_end(self, start: int) -> int:
        """Where the first ``]>`` at or after ``start`` ends, or -1. The last answer is kept, so that a page of
        many ``<!DOCTYPE [`` is not searched to its end from each of them."""
        data, searched, end = self.last_subset_end
        if data is not self.rawdata or start < searched or (end != -1 and start > end):
            found = _SUBSET_END.search(self.rawdata, start)
            data, searched, end = self.rawdata, start, found.end() if found else -1
            self.last_subset_end = (data, searched, end)
        return end

    # blocks

    def finish(self) -> None:
        block, self.block = self.block, None
        if block is not None:
            self.tally.line(block.marked)
        if block is not None and block.texts():
            if not block.heading and not block.verbatim:
                if _COLOPHON.match(block.text()):
                    return  # the Official Journal's colophon (an ELI address, an ISSN): page furniture
                _dash_item(block)
            self.sinks[-1].append(block)

    def _open_block(self) -> _Block:
        top = self.stack[-1] if self.stack else _ROOT
        block = _Block(self.getpos()[0], heading=top.in_heading, verbatim=top.in_pre)
        if self.pending is not None:
            number, bullet, indent = self.pending
            self.pending = None
            block.bullet, block.indent = bullet, indent
            if number:
                block.lines[0].append(number + " ")
        self.block = block
        return block

    def _add(self, text: str, *, words: bool = True) -> None:
        if self.note is not None:
            self.note.append(text)
            return
        marks = self.stack[-1].in_marks if self.stack else frozenset()
        if marks or words:
            self.tally.add(" ".join(text.split()), marks)
        if marks and self.rule.hidden(marks, self.view):
            if self.block is not None:
                self.block.marked.append((text, marks))
                self.block.left_out = True
            return
        block = self.block
        if block is not None and block.left_out and text.strip():
            parts = block.lines[-1]
            if parts:
                parts[-1] = markup.rejoin(parts[-1], text.lstrip())
            block.left_out = False
        if block is None:
            if not text.strip():
                return
            block = self._open_block()
        if block.verbatim:
            first, *rest = text.split("\n")
            block.lines[-1].append(first)
            block.lines.extend([piece] for piece in rest)
        else:
            block.lines[-1].append(text)
        block.marked.append((text, marks))
        if words and text.strip() and not (self.stack and self.stack[-1].in_emphasis):
            block.emphasis = False

    @staticmethod
    def _end_number(block: _Block, frame: _Frame) -> None:
        """The end of an EUR-Lex item number: a dash makes the block an unnumbered list item (the dash goes, as
        a ``<ul>`` item's bullet does); any other number is set apart from the words after it by a space
        ("1.Where data" is read "1. Where data", the paragraph numbered 1)."""
        if len(block.lines) == 1 and _BULLET_CELL.match(block.text()):
            block.lines = [[]]
            block.bullet, block.emphasis = True, frame.emphasis_before
        else:
            block.lines[-1].append(" ")

    def _set_pending(self, number: str, bullet: bool, indent: int) -> None:
        if self.pending is not None and self.pending[0]:  # an item with no words before its sub-list
            self.finish()
            self._open_block()  # takes the pending number as its only words
            self.finish()
        self.pending = (number, bullet, indent)

    # the tokenizer's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if self.dropping:
            if tag not in _VOID:
                self._push(_Frame(tag, dropped=True))
                self.dropping += 1
            return
        if self._drops(tag, attributes):
            self.finish()
            if tag not in _VOID:
                self._push(_Frame(tag, dropped=True))
                self.dropping += 1
            return
        if tag == "br":
            if self.block is not None:
                self.block.lines.append([])
            return
        if tag in ("hr", "img", "input", "wbr") or tag in _VOID:
            if tag == "hr":
                self.finish()
            return
        self._implied_ends(tag)
        frame = _Frame(tag)
        if tag in _BLOCK:
            self.finish()
            frame.endnotes = attributes.get("role") == "doc-endnotes"
            frame.heading = _HEADINGS.get(tag, 0) or self._eurlex_heading(attributes)
            if tag in ("ol", "ul"):
                self._open_list(frame, attributes)
            elif tag == "li":
                self._open_item(attributes)
            elif tag == "table":
                self.rows.append(None)
                self.grids.append((len(self.sinks[-1]), []))
            elif tag == "tr" and self.rows:
                self.rows[-1] = _Row(self.getpos()[0])
            elif tag in ("td", "th"):
                self.sinks.append([])
        else:
            classes = set(attributes.get("class", "").split())
            frame.marks = _marks(tag, attributes.get("style", ""), classes)
            frame.emphasis = (tag in _EMPHASIS or bool(classes & _EMPHASIS_CLASSES)) and not (
                markup.BOLD in frame.marks and markup.BOLD in self.rule.inserted | self.rule.deleted)
            if tag == "a" and self.note is None:
                frame.note = self._note_anchor(attributes, classes)
                if frame.note:
                    self.note = []
            if _NUMBER_CLASS in classes and not (self.stack and self.stack[-1].number):
                frame.number = True
                frame.emphasis_before = self.block.emphasis if self.block is not None else True
        self._push(frame)

    def _push(self, frame: _Frame) -> None:
        top = self.stack[-1] if self.stack else _ROOT
        frame.in_heading = frame.heading or top.in_heading
        frame.in_pre = frame.tag == "pre" or top.in_pre
        frame.in_emphasis = frame.emphasis or top.in_emphasis
        frame.in_marks = top.in_marks | frame.marks if frame.marks else top.in_marks
        frame.in_endnotes = frame.endnotes or top.in_endnotes
        frame.in_sectioning = frame.tag in _SECTIONING or top.in_sectioning
        is_list = frame.tag in ("ol", "ul")
        frame.lists, frame.open_list = top.lists + is_list, frame if is_list else top.open_list
        self.stack.append(frame)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # <p/> or <div/> in XHTML: opened and closed at once
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br" and not self.dropping:  # </br> is read as <br> by browsers
            self.handle_starttag("br", [])
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                break
        else:
            return  # a stray end tag
        while len(self.stack) > index:
            self._close(self.stack.pop())

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self._add(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self.finish()

    # helpers

    def _drops(self, tag: str, attributes: dict[str, str]) -> bool:
        if attributes.get("role") == "doc-endnotes":
            return False  # pandoc's footnotes, even in an <aside>
        if tag in _DROP or attributes.get("role", "").lower() in _DROP_ROLES:
            return True
        classes = attributes.get("class", "").split()
        if _DROP_CLASSES.intersection(classes) or any(_HEADER_CLASS.match(name) for name in classes):
            return True
        if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true" or (
            _HIDDEN_STYLE.search(attributes.get("style", ""))
        ):
            return True
        return tag in _PAGE_CHROME and not (self.stack and self.stack[-1].in_sectioning)

    def _eurlex_heading(self, attributes: dict[str, str]) -> int:
        for name in attributes.get("class", "").split():
            level = EURLEX_HEADINGS.get(name.removeprefix("oj-"))
            if level:
                return level
        return 0

    def _implied_ends(self, tag: str) -> None:
        """Close what HTML closes implicitly: an open ``<p>`` before a block, the previous ``<li>``, cell, row."""
        if tag in _CLOSES_P:
            self._close_up_to({"p"}, stop={"td", "th", "li", "table", "div", "body", "blockquote", "dd"})
        if tag == "li":
            self._close_up_to({"li"}, stop={"ol", "ul", "table"})
        elif tag in ("dt", "dd"):
            self._close_up_to({"dt", "dd"}, stop={"dl", "table"})
        elif tag in ("td", "th"):
            self._close_up_to({"td", "th"}, stop={"tr", "table"})
        elif tag == "tr":
            self._close_up_to({"tr"}, stop={"table"})
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_up_to({"thead", "tbody", "tfoot"}, stop={"table"})

    def _close_up_to(self, tags: set[str], stop: set[str]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index].tag
            if name in tags:
                while len(self.stack) > index:
                    self._close(self.stack.pop())
                return
            if name in stop:
                return

    def _open_list(self, frame: _Frame, attributes: dict[str, str]) -> None:
        frame.ordered = frame.tag == "ol"
        frame.style = attributes.get("type", "1") or "1"
        if frame.style not in ("1", "a", "A", "i", "I"):
            frame.style = "1"
        if "reversed" in attributes:
            frame.step = -1
        frame.next = _int(attributes.get("start"), 1)  # a reversed list without start: fixed on its first item

    @staticmethod
    def _note_anchor(attributes: dict[str, str], classes: set[str]) -> str:
        href = attributes.get("href", "")
        if attributes.get("role") == "doc-noteref" or "footnote-ref" in classes or _NOTE_REF_HREF.match(href):
            return "ref"
        if _NOTE_DEF_HREF.match(href):
            return "def"
        return ""

    def _open_item(self, attributes: dict[str, str]) -> None:
        note = _NOTE_ITEM_ID.match(attributes.get("id", ""))
        top = self.stack[-1] if self.stack else _ROOT
        if note and top.in_endnotes:
            self._set_pending(f"[^{note.group(1)}]:", False, 0)
            return
        depth = max(top.lists - 1, 0)
        parent = top.open_list
        if parent is None or not parent.ordered:
            self._set_pending("", True, depth * 2)
            return
        if "value" in attributes:
            parent.next = _int(attributes["value"], parent.next)
        number = _number(parent.next, parent.style)
        parent.next += parent.step
        self._set_pending(f"{number}.", False, depth * 2)

    def _close(self, frame: _Frame) -> None:
        if frame.dropped:
            self.dropping -= 1
            return
        if frame.note and self.note is not None:
            words, self.note = _SPACE.sub(" ", "".join(self.note)).strip(), None
            if frame.in_marks and self.rule.hidden(frame.in_marks, self.view):
                return  # a note call in text this view leaves out
            label = words.strip("()[] ") or "*"
            self._add(f"[^{label}]" if frame.note == "ref" else f"[^{label}]: ", words=False)
            return
        if frame.number and self.block is not None:
            self._end_number(self.block, frame)
        tag = frame.tag
        if tag not in _BLOCK:
            return
        self.finish()
        if tag == "li" and self.pending is not None:
            self.pending = None  # an empty item
        elif tag in ("td", "th") and len(self.sinks) > 1:
            cell = self.sinks.pop()
            row = self.rows[-1] if self.rows else None
            if row is not None:
                row.cells.append(cell)
            else:  # a cell outside any row: its blocks as they are
                self.sinks[-1].extend(cell)
        elif tag in ("tr", "table") and self.rows:
            row = self.rows.pop() if tag == "table" else self.rows[-1]
            if tag == "tr":
                self.rows[-1] = None
            if row is not None:
                self.grids[-1][1].append(row)
                self.sinks[-1].extend(_row_blocks(row))
            if tag == "table":
                start, grid = self.grids.pop()
                header = [" ".join(block.text() for block in cell) for cell in grid[0].cells] if grid else []
                if len(self.sinks) == 1 and amendments.is_header(header):
                    self.amendments.append((start, len(self.sinks[0]), grid))


#: The elements that mark a revision or a change by their formatting, and the mark each gives its words.
_MARK_TAGS = {"del": markup.DELETED, "ins": markup.INSERTED, "s": markup.STRUCK, "strike": markup.STRUCK,
              "u": markup.UNDERLINED, "b": markup.BOLD, "strong": markup.BOLD}
#: CSS that hides an element: its words are not part of the page a reader sees.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)",
                           re.IGNORECASE)
# (a value holds no ":", so the scan from one "text-decoration:" stops at the next: a 1 MB style attribute of
# them is read in linear time)
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;:]*\bline-through\b", re.I)
_UNDERLINE = re.compile(r"text-decoration(?:-line)?\s*:[^;:]*\bunderline\b", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.I)


def _marks(tag: str, style: str, classes: set[str]) -> frozenset[str]:
    """The marks an inline element gives its words: by its tag, its CSS (``text-decoration: line-through``,
    ``underline``; ``font-weight: bold``) or an EUR-Lex bold class."""
    found = {_MARK_TAGS[tag]} if tag in _MARK_TAGS else set()
    if style:
        if _LINE_THROUGH.search(style):
            found.add(markup.STRUCK)
        if _UNDERLINE.search(style):
            found.add(markup.UNDERLINED)
        if _BOLD_STYLE.search(style):
            found.add(markup.BOLD)
    if classes & {"bold", "boldface", "oj-bold"}:
        found.add(markup.BOLD)
    return frozenset(found)


def _is_marker(text: str) -> bool:
    """A cell that holds only a list marker: ``(a)``, ``1.``, ``(iv)``, ``3.1.``, ``(-a)``, ``-``, a bullet."""
    found = patterns.marker(text)
    return (found is not None and not found.rest) or bool(_BULLET_CELL.match(text) or _LABEL_CELL.match(text))


def _dash_item(block: _Block) -> None:
    """A paragraph that opens with a dash and a space ("— the targeting of activities") is an item of a dash
    list: an unnumbered list item without its dash."""
    first = "".join(block.lines[0])
    found = _DASH_ITEM.match(first)
    if found is not None:
        block.lines[0] = [first[found.end() :]]
        block.bullet = True


def _row_blocks(row: _Row) -> list[_Block]:
    """A table row -> blocks. A simple row is one line, cells joined by `` | ``; a first cell that holds only a
    list marker (EUR-Lex points) is joined to the text after it by a space. A row whose cells hold several
    paragraphs (or tables of their own) gives those blocks in order, the marker on the first of them."""
    cells = [cell for cell in row.cells if any(block.texts() for block in cell)]
    if not cells:
        return []
    marker, bullet = "", False
    if len(cells) > 1 and len(cells[0]) == 1 and _is_marker(cells[0][0].text()):
        marker, cells = cells[0][0].text(), cells[1:]
        if _BULLET_CELL.match(marker):
            marker, bullet = "", True  # a dash list's item, as a <ul> item
    if all(len(cell) == 1 for cell in cells):
        text = " | ".join(cell[0].text() for cell in cells)
        first = cells[0][0]
        return [
            _Block(
                first.line,
                heading=first.heading,
                bullet=bullet or first.bullet,
                lines=[[f"{marker} {text}".strip()]],
                emphasis=all(cell[0].emphasis for cell in cells),
            )
        ]
    blocks = [block for cell in cells for block in cell]
    if marker:
        blocks[0].lines[0].insert(0, marker + " ")
    blocks[0].bullet = blocks[0].bullet or bullet
    return blocks


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def _decode(raw: RawDraft) -> tuple[str, tuple[Diagnostic, ...]]:
    """The charset a page declares (``<meta charset>``) wins over guessing, unless a BOM says otherwise."""
    declared = _CHARSET.search(raw.data[:4096])
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if declared and not raw.data.startswith(boms):
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            codec = ""
        if codec and codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") and b"\x00" not in raw.data[:4096]:
            if codec == "iso8859-1":
                codec = "cp1252"  # what browsers do with a page declared Latin-1
            try:
                return raw.data.decode(codec, errors="replace"), ()
            except (LookupError, UnicodeError):  # not a text encoding (rot13, base64, zlib...) or idna/punycode
                pass
    return decode(raw)


#: What starts a tag, an end tag, a comment, a declaration or a processing instruction.
_MARKUP_START = re.compile(r"<[A-Za-z!/?]")


def _closed(text: str) -> str:
    """``text`` without the tag, comment or declaration that is left open at its end (no ``>`` after it), which
    HTML drops at the end of the file. The tokenizer of Python 3.11 reads each ``<`` of such a tail as the start
    of a markup up to the end of the text (later releases read it once): a 1 MB tail of ``<a <a <a`` took hours."""
    start = _MARKUP_START.search(text, text.rfind(">") + 1)
    return text if start is None else text[: start.start()]


def read_lines(text: str, view: str = "final", rule: markup.Convention | None = None) -> list[SourceLine]:
    """HTML text -> source lines: each block's lines, with a blank line between blocks."""
    return _read(text, view, rule)[0]


def _read(
    text: str, view: str, rule: markup.Convention | None
) -> tuple[list[SourceLine], markup.Tally, _Reader]:
    reader = _Reader(view, rule)
    reader.feed(_closed(_LONG_CHARREF.sub(_short_charref, text) if "&#" in text else text))
    reader.close()
    out: list[SourceLine] = []
    for block in reader.sinks[0]:
        out.append(SourceLine("", block.line))
        for k, line in enumerate(block.texts()):
            out.append(
                SourceLine(
                    line,
                    block.line,
                    heading=block.heading,
                    emphasis=block.emphasis,
                    bullet=block.bullet and k == 0,
                    indent=block.indent,
                )
            )
    return out, reader.tally, reader


def _bulleted(block: _Block) -> str:
    """A block's text, with a bullet before it when it is a list item (and holds words)."""
    text = block.text()
    return f"\u2022 {text}" if block.bullet and text.strip() else text


def _amendments(reader: _Reader) -> tuple[list[amendments.Table], list[str]]:
    """The document's amendment tables, each with the number and locator printed above it (the last such
    paragraphs between it and the table before), and the column headings of the first."""
    tables: list[amendments.Table] = []
    blocks = reader.sinks[0]
    since = 0
    for start, end, grid in reader.amendments:
        number = locator = fallback = ""
        for block in blocks[since:start]:
            text = block.text()
            if amendments.is_number(text):
                number, locator, fallback = text, "", ""
            elif amendments.place(text) is not None:
                locator = text
            elif len(text) < 200:
                fallback = text  # the last short line above the table: named in the warning if nothing places it
        # a list item keeps its bullet, as printed, for the column's reader (``amendments.column_lines``)
        rows = tuple(tuple(tuple(_bulleted(block) for block in cell) for cell in row.cells) for row in grid[1:])
        line = blocks[since].line if since < len(blocks) else 0
        tables.append(amendments.Table(number, locator or fallback, line, rows))
        since = end
    header = [" ".join(block.text() for block in cell) for cell in reader.amendments[0][2][0].cells] \
        if reader.amendments else []
    return tables, header


@register("html", "htm", "xhtml", sniff=sniff, title="HTML")
def read_html(raw: RawDraft, options: LoadOptions) -> Read:
    """HTML: the words of the page in reading order, without its chrome; headings and lists as hints."""
    text, warnings = _decode(raw)
    view = options.markup
    lines, tally, reader = _read(text, view, None)
    tables, header = _amendments(reader)
    if tables:  # two drafts (or more) in one: a column each
        lines, placed, marks, column = amendments.read_columns(tables, header, options, raw.source)
        return Read(lines, (*warnings, *placed), marks=marks, view_of=column)
    # struck-through or underlined words (or bold ones, as the page's legend says): read again with the marks
    # applied, since what they mean depends on the whole page
    rule, unclear = markup.convention(tally, markup.legend("\n".join(line.text for line in lines[:400])))
    if rule.active:
        lines, tally, _ = _read(text, view, rule)
    marks = markup.describe(tally, rule)
    warnings = (*warnings, *unclear)
    if not any(line.text for line in lines):
        raise LoadError(
            raw.source,
            "the HTML page holds no text outside its navigation, scripts, styles and forms",
            "save the page that shows the draft itself (not a frame or an index around it), or use --from txt",
        )
    return Read(lines, warnings, marks=marks, view_of=(lambda other: _read(text, other, rule)[0]) if marks else None)
