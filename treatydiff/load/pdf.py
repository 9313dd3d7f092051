"""Stage 1, load: the PDF reader — a PDF's text layer -> one SourceLine per printed line, footnotes set apart.

Why PDFium (pypdfium2) reads the pages: the 108-page Commission proposal took 9.4 s to load with pypdf, 8.2 s of
it inside pypdf's text extraction; PDFium gives the same characters (the same outline but for what pypdf read
wrong) with where and in what font each run is drawn, and the page's paths, in 0.3 s of its own and about 1 s
with the calls to it (``benchmarks/bench_pdf.py``). Its wheels cover Linux, macOS and Windows on every CPython.
The reader calls its C functions through ctypes (``_Pdfium``), a few per run of text, not per character.

pypdf still reads the file's structure first, because PDFium offers no way to look at a stream before it parses
it: the trailer and cross-references (a truncated file, an encrypted one, pypdf's own limits), the page tree, and
what reading every page will cost (the section "what a file may make the reader do"). A file that would make the
reader parse too much is refused before PDFium parses a page of it.

Revision marks (issue 13) need the drawing too: the thin bars that strike text through or underline it, read from
PDFium's path objects (``_path_bars``).

How a page is read:
1. Runs on one baseline form a line. A run in smaller type raised above the baseline is a superscript (a footnote
   marker); a run in larger type just below a line that holds only a small raised number is that line's baseline
   (footnote text starts with its raised number).
2. Reading order: lines top to bottom. Two columns: when many lines of a page have a run that starts at the same
   x in the middle of the page, that x is a column edge; the left column is read before the right one (full-width
   lines above and below the columns stay where they are).
3. A vertical gap clearly larger than the document's usual line pitch is a paragraph break (a blank line), which
   tells the normaliser where paragraphs and headings end.
4. Footnotes: the lines at the bottom of a page, below the body, in type smaller than the body, the first of them
   starting with a number. They are taken out of the page and emitted as ``[^N]: text`` at the first paragraph
   break after the line that refers to them; the raised marker ``N`` in that line becomes ``[^N]``. Footnote text
   that runs on to the next page (small type at its bottom, before any number) joins the footnote it continues.
Running headers, footers and page numbers stay in place, with ``page_break=True`` on the first line of every page:
the shared normaliser (``normalise.strip_furniture``) removes them for every paged format.

Safety: what a file may make the reader do is worked out before PDFium reads a page (the section "what a file
may make the reader do"): streams are measured by decoders that stop at the limit, what pages share is counted for
every page, a form for every time it is drawn; past the limits the file is refused with one error, or a page cut
short and the cut said. pypdf's own limits, AES without the cryptography package, and text at coordinates that
overflow are said as such. Every loop over a line's runs, a page's bars or a table's columns is linear (or
bounded): none asks again about everything before.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import math
import re
import statistics
import warnings
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any

from treatydiff.errors import LoadError
from treatydiff.load import amendments, garbled, markup, normalise, patterns
from treatydiff.load.decode import RawDraft, human_size
from treatydiff.load.lines import SourceLine
from treatydiff.load.readers import Read, register
from treatydiff.model import Diagnostic, LoadOptions

_BROKEN_HINT = "the file may be truncated or damaged; download or export it again"
_SMALL = 0.9  # type below 90% of the body size is footnote-sized
_SUPERSCRIPT = 0.85  # a run below 85% of its line's size, raised, is a superscript
_GAP = 1.3  # a line gap above 1.3 times the usual pitch is a paragraph break
_STYLED = re.compile(r"bold|italic|oblique|black|heavy", re.I)
_BOLD = re.compile(r"bold|black|heavy|demi", re.I)
_ITALIC = re.compile(r"italic|oblique", re.I)
_RULE = re.compile(r"^\s*[_\-\u2013\u2014\u2015]{3,}\s*$")
_NOTE_NUMBER = re.compile(r"^\s*(\d{1,3})(?:\s+|$)(.*)$")
#: Punctuation that never opens a word: a line whose text, once the hidden part is left out, starts with one runs
#: on from the line before.
_GLUED = markup.CLOSING


def _sniff(head: bytes) -> bool:
    return head.startswith(b"%PDF-")


@dataclass(frozen=True, slots=True)
class _Run:
    """A piece of text as the PDF draws it: where its baseline starts, its type size, its characters."""

    x: float
    y: float
    size: float
    text: str
    styled: bool  # set in a bold or italic font
    marks: frozenset[str] = frozenset()  # struck through, underlined, bold (``treatydiff.load.markup``)
    italic: bool = False
    hidden: bool = False  # left out of the view that is read (a deletion in the final view, ...)

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()  # (as ``not text.strip()``, without a copy of the text)


@dataclass(slots=True)
class _Line:
    """Runs on one baseline, in the order the PDF draws them."""

    y: float
    size: float
    runs: list[_Run]

    @property
    def x(self) -> float:
        return min((r.x for r in self.runs if not r.blank), default=0.0)

    def raised(self, run: _Run) -> bool:
        return run.size < _SUPERSCRIPT * self.size and run.y > self.y + 0.1 * self.size and not run.blank

    def pieces(self) -> list[tuple[str, bool]]:
        """The text as (text, is_marker) pieces: a marker is a raised number, which may be a footnote reference.
        Runs drawn apart on the line (table cells, a page number set off to the right) get a space between
        them; runs that continue a word ("exist" + "ing") do not. Hidden runs are left out; where one held a
        space (a struck phrase between two words), the words around it stay apart."""
        out: list[tuple[str, bool]] = []
        hidden: _Run | None = None  # the last of the hidden runs just passed
        edge = False  # and whether a word ended where they begin
        spaced = False  # or where they end: a space after them (it goes with them: more may follow)
        reach = _Reach()  # how far right the runs before this one go
        before = False  # a space just before the hidden runs that begin here (it goes with them)
        runs = self.runs
        for k, run in enumerate(runs):
            apart = k > 0 and not reach.covers(run.x - run.size)  # drawn apart from what is before
            reach.add(run)
            if run.blank and not run.hidden and hidden is None and k + 1 < len(runs) and runs[k + 1].hidden:
                before = True
                continue
            if run.hidden:
                if hidden is None:
                    edge = run.text[:1].isspace() or apart or before
                hidden, spaced, before = run, False, False
                continue
            if hidden is not None and run.blank:
                spaced = True
                continue
            text = run.text.strip()
            if self.raised(run) and text.isdigit() and len(text) <= 3:
                out.append((text, True))
                hidden = None
                continue
            if hidden is not None:
                # text left out between two runs: they are two words when a word ended where it began or
                # where it ended ("Party [shall] may"), one when it was part of a word ("t[T]erms") or ran
                # on from one ("Depositary[, and ...]. The")
                apart = edge or spaced or hidden.text[-1:].isspace() or apart
                hidden = None
                if out and run.text[:1] in markup.CLOSING:
                    out[-1] = (markup.rejoin(out[-1][0], run.text), out[-1][1])
                    apart = False
            if apart and out and not run.blank and not run.text[:1].isspace() and not out[-1][0][-1:].isspace():
                out.append((" ", False))
            out.append((run.text, False))
        return out

    def text(self) -> str:
        return "".join(text for text, _ in self.pieces())

    @property
    def opens_hidden(self) -> bool:
        """The line begins with text the view leaves out."""
        return next((r.hidden for r in self.runs if not r.blank), False)

    @property
    def styled(self) -> bool:
        shown = [r for r in self.runs if not r.blank and not r.hidden]
        return bool(shown) and all(r.styled for r in shown)


@dataclass(slots=True)
class _Note:
    label: str
    text: list[str]
    anchor: int = -1  # index of the page line that refers to it; -1: none found, emit after the page


@dataclass(slots=True)
class _Page:
    lines: list[_Line] = field(default_factory=list)
    gaps: set[int] = field(default_factory=set)  # indices of lines after a paragraph break
    notes: list[_Note] = field(default_factory=list)


# --- what a file may make the reader do -------------------------------------------------------------------------
#
# pypdf decodes a content stream whole and parses all of it before the first operator reaches a visitor; it does
# that again for every page that shares a stream, sets a page's fonts up again for every page and for every form
# a page draws, and reads a form again every time it is drawn. A small file can so ask for hours: 50 pages that
# share one 70 MB stream (170 KB in the file) took 195 s. So what reading a file will cost is worked out before
# pypdf reads any page (``_Meter.plan``: every stream measured once, by decoders here that stop at the limit; every
# use counted), in bytes and counts, not seconds: a time limit would let the same file load on one machine and fail
# on another, and could not stop a parser in the middle of a stream anyway. PDFium, which reads the pages, does
# much of the same work again for every page (it decodes and parses a stream shared by pages for each of them, a
# form each time it is drawn), so the same plan bounds it. While a page is read its objects and forms are counted
# (``_Meter.drawing``, ``form``). Past a limit the file is refused, or a page cut short and the cut said.

#: A page's content streams together, and each form and each font's ToUnicode map, may decode to this much. Real
#: pages are far smaller: the largest of the corpus's (the Commission's proposal) decodes to 94 KB. (pypdf takes
#: 5 to 10 s here to parse 2 MB of operators, and 120 MB to hold them.)
MAX_PAGE_CONTENT = 2 * 1024 * 1024
#: The pages of a file, as its page tree names them (walked and counted before pypdf copies them all out).
MAX_PAGES = 10_000
#: Per page, in its forms too: objects drawn (runs of text, paths, images, forms), forms drawn, forms drawn inside
#: forms. Past them the page is cut short, and said. The corpus's pages draw at most 1,900 objects, and one form,
#: two levels deep.
MAX_PAGE_OBJECTS = 250_000
MAX_PAGE_FORMS = 1_000
MAX_FORM_DEPTH = 12
#: The work of reading a file, in units of about one byte of content parsed by pypdf, may be at most this many
#: times the size of the file (and at least ``WORK_FLOOR``): what pages share counts for every page that uses it,
#: a form for every time it is drawn. The corpus's PDFs cost at most 3.7 times their size.
WORK_RATIO = 8
WORK_FLOOR = 2 * 1024 * 1024
#: What pypdf spends on a page, or on a form each time it is drawn, before its first operator (setting up text
#: extraction: about 3 ms, as long as 300 bytes of content take), and on each of its fonts (0.4 ms, plus an
#: element of a widths array or of an encoding's differences about 1 unit each, a ToUnicode map a unit every 4
#: bytes). Measured with pypdf 7.1.
_PAGE_WORK = 320
_FONT_WORK = 48
_TO_UNICODE_SHARE = 4
#: A stream past the limit is still counted (not kept) up to this many times the limit, to say how big it is.
_MEASURED = 64
_CHUNK = 1 << 20  # what a decoder hands over at a time
_REFUSE = "refusing to read it; if the PDF is genuine, convert it to text (e.g. pdftotext) and compare that"


class _Cut(Exception):
    """A page past one of the per-page limits: read up to there."""


@dataclass(slots=True)
class _Meter:
    """What reading one file costs: worked out for every page before pypdf reads any (``plan``), and counted
    again while pages are read, against the limits above. Made for one read and dropped with it."""

    source: str
    size: int  # of the file, in bytes
    budget: int = 0  # work units it may cost
    pages: int = 0
    spent: int = 0  # while reading
    #: each stream, font and form is measured once: id -> (the object, kept so that the id stays its own, what it
    #: decodes to, and the names of the forms it draws with how many times it draws each)
    streams: dict[int, tuple[Any, int, Counter[str]]] = field(default_factory=dict)
    fonts: dict[int, tuple[Any, int]] = field(default_factory=dict)
    setups: dict[int, tuple[Any, int]] = field(default_factory=dict)
    forms: dict[tuple[int, int], int] = field(default_factory=dict)  # (id, depth) -> work of drawing it once
    cuts: dict[str, list[int]] = field(default_factory=dict)  # what was cut short or left out -> pages
    document: Any = None  # the file as PDFium opened it, which reads the pages (``_pdfium_open``)
    cyclic: bool = False  # a form draws itself, through others maybe (``_uncycled``)
    # the page being read
    page: int = 0
    objects: int = 0
    drawn: int = 0
    current: Any = None  # pypdf's view of it
    reach: int = -1  # how many forms it can draw (``reachable``); -1: not yet counted

    def __post_init__(self) -> None:
        self.budget = max(WORK_FLOOR, WORK_RATIO * self.size)

    # --- measuring ----------------------------------------------------------------------------------------------

    def measure(self, stream: Any, what: str) -> tuple[int, Counter[str]]:
        """What ``stream`` decodes to, and the forms it draws; ``what`` it is ("page 3's form /Fm0"), for the
        error when it decodes past ``MAX_PAGE_CONTENT``."""
        known = self.streams.get(id(stream))
        if known is None:
            size, data = _decode(stream, MAX_PAGE_CONTENT)
            known = self.streams[id(stream)] = (stream, size, _draws(data))
        size = known[1]
        if size > MAX_PAGE_CONTENT:
            packed = len(getattr(stream, "_data", b"") or b"")
            amount = human_size(size) if size <= _MEASURED * MAX_PAGE_CONTENT else f"more than {human_size(size - 1)}"
            raise LoadError(self.source, f"{what} decodes to {amount} (from {human_size(packed)} in the file), over "
                            f"the {human_size(MAX_PAGE_CONTENT)} a page may hold (a decompression bomb?)",
                            _REFUSE.replace("read", "decode", 1))
        return size, known[2]

    def font(self, font: Any, what: str) -> int:
        """The work of setting ``font`` up, once: its widths, its encoding's differences, its ToUnicode map."""
        known = self.fonts.get(id(font))
        if known is not None:
            return known[1]
        work = _FONT_WORK
        try:
            work += _elements(font.get("/Widths"))
            encoding = _resolved(font.get("/Encoding"))
            if isinstance(encoding, dict):
                work += _elements(encoding.get("/Differences"))
            for descendant in _resolved(font.get("/DescendantFonts")) or ():
                work += _elements(_resolved(descendant).get("/W"), nested=True)
            for key in ("/ToUnicode", "/Encoding"):  # (a CID font's encoding may be a CMap of its own)
                stream = _resolved(font.get(key))
                if hasattr(stream, "get_data"):
                    work += self.measure(stream, f"{what}'s {key[1:]} map")[0] // _TO_UNICODE_SHARE
        except LoadError:
            raise
        except Exception:  # a damaged font: pypdf makes of it what it can
            pass
        self.fonts[id(font)] = (font, work)
        return work

    def setup(self, resources: Any, where: str) -> int:
        """The work of setting up a page or a form with ``resources``: its fonts (worked out once for resources
        that many pages share)."""
        resources = _resolved(resources)
        known = self.setups.get(id(resources))
        if known is None:
            fonts = _resolved(resources.get("/Font")) if isinstance(resources, dict) else None
            work = _PAGE_WORK
            if isinstance(fonts, dict):
                work += sum(self.font(_resolved(font), f"{where}'s font {name}") for name, font in fonts.items())
            known = self.setups[id(resources)] = (resources, work)
        return int(known[1])

    def form_work(self, form: Any, name: str, where: str, depth: int, path: frozenset[int]) -> int:
        """The work of drawing ``form`` once, the forms it draws included (as deep as pypdf will be let go; a
        form that draws itself again is skipped by pypdf)."""
        if id(form) in path:
            self.cyclic = True
            return 0
        if depth > MAX_FORM_DEPTH:
            return 0
        key = (id(form), depth)
        if key not in self.forms:
            size, draws = self.measure(form, f"{where}'s form {name}")
            resources = form.get("/Resources")
            self.forms[key] = self.setup(resources, f"{where}'s form {name}") + size + self.draws(
                draws, resources, where, depth + 1, path | {id(form)})
        return self.forms[key]

    def draws(self, draws: Counter[str], resources: Any, where: str, depth: int, path: frozenset[int]) -> int:
        work = 0
        for name, times in draws.items():
            form = _form(resources, name)
            if form is not None:
                work += times * self.form_work(form, name, where, depth, path)
        return work

    def plan(self, pages: list[Any]) -> None:
        """What reading every page will cost, before pypdf reads any: refused now if it is too much."""
        self.pages = len(pages)
        for number, page in enumerate(pages, start=1):
            try:
                self.spent += self.page_work(page, number, plan=True)
            except LoadError:
                raise
            except Exception:  # a damaged page: pypdf will fail on it too, and it is said then
                continue
        if self.spent > self.budget:
            raise self.over()
        self.spent = 0

    def page_work(self, page: Any, number: int, *, plan: bool) -> int:
        where = f"page {number}"
        streams = _contents(page)
        size, draws = 0, Counter[str]()
        for stream in streams:
            one, more = self.measure(stream, f"{where}'s content stream")
            size, draws = size + one, draws + more
        if size > MAX_PAGE_CONTENT:
            raise LoadError(self.source, f"{where}'s content streams decode to {human_size(size)} together, over the "
                            f"{human_size(MAX_PAGE_CONTENT)} a page may hold (a decompression bomb?)",
                            _REFUSE.replace("read", "decode", 1))
        resources = page.get("/Resources")
        work = self.setup(resources, where) + size
        if plan:
            work += self.draws(draws, resources, where, 1, frozenset())
        return work

    def over(self) -> LoadError:
        pages = f"{self.pages} page{'s' if self.pages != 1 else ''}"
        return LoadError(self.source, f"its {pages} would make the reader parse {human_size(self.spent)} of "
                         "content, fonts and forms (what pages share is parsed again for each page, a form each time "
                         f"it is drawn), over the {human_size(self.budget)} allowed for a file of "
                         f"{human_size(self.size)} (a file built to be slow?)", _REFUSE)

    # --- while a page is read -----------------------------------------------------------------------------------

    def begin(self, page: Any, number: int) -> None:
        self.page, self.objects, self.drawn, self.current, self.reach = number, 0, 0, page, -1
        self.spent += self.page_work(page, number, plan=False)
        if self.spent > self.budget:
            raise self.over()
        if self.document is None:  # (a page read on its own, outside ``read_pdf``: its file opened here)
            self.document = _pdfium_open(self.source, bytes(page.pdf.stream.getbuffer()))

    def cut(self, why: str) -> None:
        self.cuts.setdefault(why, []).append(self.page)
        raise _Cut(why)

    def drawing(self) -> None:
        """One more object drawn on the page (text, a path, an image, a form), in its forms too."""
        self.objects += 1
        if self.objects > MAX_PAGE_OBJECTS:
            self.cut(f"PDF pages cut short after {MAX_PAGE_OBJECTS:,} objects drawn (a detailed map, or a file built "
                     "to be slow?), the rest of their text is missing")

    def form(self, depth: int) -> bool:
        """A form drawn ``depth`` forms deep (1: drawn by the page); False when it is a form drawing itself again:
        PDFium follows forms that draw each other some way down, pypdf read each once, and so does this reader
        (a form deeper than the number of forms the page can reach is one drawn again inside itself)."""
        if depth > 1 and depth > self.reachable():
            return False
        self.drawn += 1
        if self.drawn > MAX_PAGE_FORMS:
            self.cut(f"PDF pages cut short after drawing {MAX_PAGE_FORMS:,} forms (a file built to be slow?), the "
                     "rest of their text is missing")
        if depth > MAX_FORM_DEPTH:
            self.cut(f"PDF pages cut short where forms nest more than {MAX_FORM_DEPTH} deep (a file built to be "
                     "slow?), the text inside them is missing")
        return True

    def reachable(self) -> int:
        """How many forms the page being read can draw, through the forms it draws (found once a page draws a
        form inside a form)."""
        if self.reach < 0:
            seen: set[int] = set()
            draws = Counter[str]()
            for stream in _contents(self.current):
                draws += self.measure(stream, f"page {self.page}'s content stream")[1]
            todo = [(_resolved(self.current.get("/Resources")), draws)]
            while todo:
                resources, names = todo.pop()
                for name in names:
                    form = _form(resources, name)
                    if form is not None and id(form) not in seen:
                        seen.add(id(form))
                        inner = _resolved(form.get("/Resources")) or resources
                        todo.append((inner, self.measure(form, f"page {self.page}'s form {name}")[1]))
            self.reach = len(seen)
        return self.reach

    def note(self, why: str) -> None:
        self.cuts.setdefault(why, []).append(self.page)

    def warnings(self) -> list[Diagnostic]:
        return [Diagnostic(f"{why}: {_pages(pages)}") for why, pages in self.cuts.items()]


def _resolved(value: Any) -> Any:
    """A PDF object, with an indirect reference followed (a damaged one gives None)."""
    try:
        return value.get_object() if hasattr(value, "get_object") else value
    except Exception:
        return None


def _elements(array: Any, *, nested: bool = False) -> int:
    """How many numbers an array holds (a CID font's /W holds arrays)."""
    array = _resolved(array)
    if not isinstance(array, list):
        return 0
    if not nested:
        return len(array)
    return sum(len(item) if isinstance(item := _resolved(element), list) else 1 for element in array)


def _contents(page: Any) -> list[Any]:
    """The content streams of a page, in order."""
    contents = _resolved(page.get("/Contents"))
    if isinstance(contents, list):
        return [stream for item in contents if hasattr(stream := _resolved(item), "get_data")]
    return [contents] if hasattr(contents, "get_data") else []


def _xobject_names(resources: Any) -> list[str]:
    """The names of the XObjects ``resources`` holds (forms and images)."""
    xobjects = _resolved(resources.get("/XObject")) if isinstance(resources, dict) else None
    return list(xobjects) if isinstance(xobjects, dict) else []


def _form(resources: Any, name: str) -> Any:
    """The form XObject ``name`` names in ``resources``, as pypdf finds it; None for an image or nothing."""
    resources = _resolved(resources)
    xobjects = _resolved(resources.get("/XObject")) if isinstance(resources, dict) else None
    form: Any = _resolved(xobjects.get(name)) if isinstance(xobjects, dict) else None
    if not hasattr(form, "get_data") or form.get("/Subtype") == "/Image":
        return None
    return form


#: A form drawn: its name, then ``Do`` (in a content stream's bytes; names may escape bytes as #xx).
_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _draws(data: bytes) -> Counter[str]:
    """The forms a content stream draws, by name, and how many times (what the text of a string holds is
    counted too: a count too high, never too low)."""
    return Counter("/" + _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), name).decode("utf-8", "replace")
                   for name in _DRAW.findall(data))


# --- decoding streams, within a limit ---------------------------------------------------------------------------


def _decode(stream: Any, limit: int) -> tuple[int, bytes]:
    """What ``stream`` decodes to as pypdf will decode it: its size, and the bytes when they are within ``limit``.
    Decoded here, by decoders that stop just past the limit (pypdf's decode a stream whole, and before 6.0 without
    any limit); past it, counted without being kept up to ``_MEASURED`` times the limit. Predictors are not
    applied: they make a stream a little smaller."""
    data = getattr(stream, "_data", b"")  # the stream as the file holds it (decrypted), not yet decoded
    data = data if isinstance(data, bytes) else b""
    filters = _resolved(stream.get("/Filter"))
    names = [str(_resolved(f)) for f in (filters if isinstance(filters, list) else [filters] if filters else [])]
    work = 0  # over all the filters: what each gives is counted, so that a chain of them cannot run on
    for index, name in enumerate(names):
        chunks = _DECODERS.get(name, _identity)(data)
        if index == len(names) - 1:
            return _count(chunks, limit, _MEASURED * limit - work)
        data = _take(chunks, 4 * limit)  # an encoding in hexadecimal or base 85 may be larger than what it holds
        work += len(data)
        if len(data) > 4 * limit or work > _MEASURED * limit:
            return _MEASURED * limit + 1, b""
    return len(data), data if len(data) <= limit else b""


def _count(chunks: Iterator[bytes], limit: int, cap: int) -> tuple[int, bytes]:
    kept: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size <= limit:
            kept.append(chunk)
        elif size > cap:
            return max(size, limit + 1), b""
    return size, b"".join(kept) if size <= limit else b""


def _take(chunks: Iterator[bytes], limit: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > limit:
            break
    return bytes(out)


def _identity(data: bytes) -> Iterator[bytes]:
    yield data


def _inflate(data: bytes) -> Iterator[bytes]:
    """FlateDecode: a zlib stream (or a bare deflate one, which pypdf reads too); of a damaged one, what can be
    read of it."""
    for wbits in (zlib.MAX_WBITS | 32, -zlib.MAX_WBITS):
        inflater = zlib.decompressobj(wbits)
        try:
            chunk = inflater.decompress(data, _CHUNK)
        except zlib.error:
            continue
        while chunk:
            yield chunk
            try:
                chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            except zlib.error:
                return
        return


def _lzw(data: bytes) -> Iterator[bytes]:
    """LZWDecode as pypdf reads it (codes of 9 to 12 bits, one entry early; a code past the table repeats the
    last entry with its first byte)."""
    table = [bytes([i]) for i in range(256)] + [b""] * (4096 - 256)
    entries, width, previous = 258, 9, 256
    buffer = bits = 0
    out = bytearray()
    fresh = True  # the first code after a clear: written as it is, no entry made
    for byte in data:
        buffer, bits = (buffer << 8) | byte, bits + 8
        while bits >= width:
            bits -= width
            code = (buffer >> bits) & ((1 << width) - 1)
            buffer &= (1 << bits) - 1
            if code == 257:
                yield bytes(out)
                return
            if code == 256:
                entries, width, fresh = 258, 9, True
                continue
            if fresh:
                entry, fresh = table[code], False
            elif code < entries:
                entry = table[code]
                if entries < 4096:
                    table[entries], entries = table[previous] + entry[:1], entries + 1
            else:
                base = table[previous]
                if not base:
                    yield bytes(out)
                    return
                entry = base + base[:1]
                if entries < 4096:
                    table[entries], entries = entry, entries + 1
            if entries in (511, 1023, 2047):
                width = {511: 10, 1023: 11, 2047: 12}[entries]
            previous = code
            out += entry
            if len(out) >= _CHUNK:
                yield bytes(out)
                out.clear()
    yield bytes(out)


def _run_length(data: bytes) -> Iterator[bytes]:
    out = bytearray()
    index = 0
    while index < len(data) and data[index] != 128:
        length = data[index]
        if length < 128:
            out += data[index + 1 : index + 2 + length]
            index += length + 2
        else:
            out += data[index + 1 : index + 2] * (257 - length)
            index += 2
        if len(out) >= _CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _pypdf_filter(name: str) -> Callable[[bytes], Iterator[bytes]]:
    """A filter whose output is never more than four times its input: pypdf's own."""

    def decode(data: bytes) -> Iterator[bytes]:
        from pypdf import filters

        try:
            yield bytes(getattr(filters, name).decode(data))
        except Exception:  # damaged: pypdf will fail on it too
            return

    return decode


_DECODERS: dict[str, Callable[[bytes], Iterator[bytes]]] = {
    "/FlateDecode": _inflate, "/Fl": _inflate, "/LZWDecode": _lzw, "/LZW": _lzw,
    "/RunLengthDecode": _run_length, "/RL": _run_length,
    "/ASCIIHexDecode": _pypdf_filter("ASCIIHexDecode"), "/AHx": _pypdf_filter("ASCIIHexDecode"),
    "/ASCII85Decode": _pypdf_filter("ASCII85Decode"), "/A85": _pypdf_filter("ASCII85Decode"),
}


def _decoded_size(stream: Any, limit: int) -> int:
    """What ``stream`` decodes to, counted up to a little past ``limit``."""
    return _decode(stream, limit)[0]


# --- reading the file -------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pypdf reports recoverable oddities through logging and warnings; they are not the user's business."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


_LETTER = (0.0, 0.0, 612.0, 792.0)  # the page box of a page whose own cannot be read
_PASSWORD_HINT = "save an unprotected copy (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and pass that"


def _open(raw: RawDraft) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    data = raw.data
    if not data.startswith(b"%PDF-"):
        raise LoadError(
            raw.source,
            "not a readable PDF: the file does not start with %PDF-",
            "check that this is the PDF; if the file holds another format, name it so or pass --from",
        )
    # A PDF ends with %%EOF; a download or copy cut short does not. pypdf would guess its way through the
    # remains and return part of the text, which must not pass for the whole draft.
    if b"%%EOF" not in data[-2048:]:
        raise LoadError(raw.source, "not a readable PDF: it is truncated (no end-of-file marker)", _BROKEN_HINT)
    try:
        # pypdf reads the cross-reference table here, and decrypts with the cipher the file names: AES needs the
        # cryptography package (pypdf says so with a DependencyError, here or on the first object it decrypts)
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(raw.source, "the PDF is password-protected", _PASSWORD_HINT)
        _count_pages(reader, raw.source)
        _ = len(reader.pages)
        if reader.is_encrypted and len(reader.pages):
            # (pypdf decrypts a stream when it is read: AES without cryptography fails there. PDFium decrypts
            # AES itself, but the streams must be measured first, and only pypdf can read them for that.)
            contents: Any = reader.pages[0].get("/Contents")
            contents = contents.get_object() if hasattr(contents, "get_object") else contents
            if isinstance(contents, list) and contents and hasattr(contents[0], "get_object"):
                contents[0].get_object()
    except LoadError:
        raise
    except DependencyError as exc:
        raise _missing(raw.source, exc) from None
    except Exception as exc:  # pypdf raises many types on damaged files (PdfReadError, KeyError, ValueError...)
        if _limit(exc):
            raise LoadError(raw.source, "not a readable PDF: it goes past a safety limit of pypdf, the PDF library "
                            f"({_limit(exc)})", _LIMIT_HINT) from None
        raise LoadError(raw.source, f"not a readable PDF: {_describe(exc)}", _BROKEN_HINT) from None
    return reader


_LIMIT_HINT = ("the file is damaged, or built to exhaust a reader; if it is genuine, print it to a new PDF or "
               "convert it to text (e.g. pdftotext) and pass that")


def _missing(source: str, exc: Exception) -> LoadError:
    """pypdf needs a package that is not installed: for AES (Acrobat's default cipher), cryptography."""
    if "AES" in str(exc) or "cryptography" in str(exc):
        return LoadError(source, "the PDF is encrypted with AES, which needs the cryptography package",
                         "pip install 'treatydiff[aes]' (or cryptography), or save an unprotected copy")
    return LoadError(source, f"the PDF needs a package that is not installed ({_describe(exc)})",
                     "install it, or save the PDF again without the feature that needs it")


def _limit(exc: Exception) -> str:
    """What an exception says of a limit reached: one of pypdf's own (LimitReachedError: too many objects,
    array elements, xref entries, a cycle...), or Python's recursion depth; "" for any other exception."""
    if type(exc).__name__ == "LimitReachedError":
        return _describe(exc)
    if isinstance(exc, RecursionError):
        return "objects nested deeper than Python can follow"
    return ""


def _count_pages(reader: Any, source: str) -> None:
    """Refuse a file with more than ``MAX_PAGES`` pages before pypdf flattens its page tree, which copies every
    page the tree names, once for every time it names it: the tree is walked here, each node once (a node named
    again counts its pages again, as pypdf will)."""
    counts: dict[int, int] = {}  # id of a node -> the pages under it
    leaves: set[int] = set()  # the distinct page objects

    def count(node: Any, depth: int) -> int:
        node = _resolved(node)
        if not isinstance(node, dict) or depth > 100:  # (pypdf's own depth limit)
            return 0
        if id(node) in counts:
            return counts[id(node)]
        counts[id(node)] = 0  # a node under itself: a cycle, which pypdf refuses
        kind = node.get("/Type", "/Pages" if "/Kids" in node else "/Page")
        if kind != "/Pages":
            leaves.add(id(node))
            total = 1
        else:
            kids = _resolved(node.get("/Kids"))
            total = 0
            for kid in kids if isinstance(kids, list) else ():
                total += count(kid, depth + 1)
                if len(leaves) > MAX_PAGES:
                    break
        counts[id(node)] = total
        return total

    try:
        root = reader.root_object  # (found again by pypdf when the trailer's /Root is broken)
    except Exception:  # pypdf will say what is wrong when it reads the pages
        return
    pages = count(root.get("/Pages"), 0) if isinstance(root, dict) else 0
    if pages > MAX_PAGES:
        again = f" (its page tree names {len(leaves):,} page{'s' if len(leaves) > 1 else ''} {pages:,} times)"
        raise LoadError(source, f"the PDF has more than {MAX_PAGES:,} pages{again if len(leaves) <= MAX_PAGES else ''}",
                        f"treatydiff reads drafts of up to {MAX_PAGES:,} pages; if the file is genuine, split it (e.g. "
                        "qpdf --split-pages=5000 in.pdf part.pdf) and compare the parts")


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


# --- PDFium: the characters of a page, with where and how they are drawn, and its paths ------------------------
#
# The reader calls PDFium's C functions itself, through ctypes prototypes that take and give plain integers
# (``_Pdfium``): pypdfium2's own bindings wrap every pointer they return in an object, which costs more than the
# call on the 300,000 characters of a long draft. Per page it asks for the text once (``FPDFText_GetText``) and
# for which text object draws each character, and per run (the characters one text object draws, as one ``Tj``
# or ``TJ`` shows them) for where it starts, its matrix, type size and font.


class _Pdfium:
    """The PDFium functions the reader calls, bound once per process (``_pdfium``)."""

    def __init__(self) -> None:
        import ctypes

        import pypdfium2.raw as raw

        p, i, d, f, size_t = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float, ctypes.c_size_t
        pd, pf = ctypes.POINTER(d), ctypes.POINTER(f)

        def bind(name: str, result: Any, *arguments: Any) -> Any:
            address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
            return ctypes.CFUNCTYPE(result, *arguments)(address or 0)

        self.ctypes = ctypes
        self.load_page = bind("FPDF_LoadPage", p, p, i)
        self.close_page = bind("FPDF_ClosePage", None, p)
        self.load_text = bind("FPDFText_LoadPage", p, p)
        self.close_text = bind("FPDFText_ClosePage", None, p)
        self.count_chars = bind("FPDFText_CountChars", i, p)
        self.get_text = bind("FPDFText_GetText", i, p, i, i, p)
        self.unicode = bind("FPDFText_GetUnicode", ctypes.c_uint, p, i)
        self.text_object = bind("FPDFText_GetTextObject", p, p, i)
        self.origin = bind("FPDFText_GetCharOrigin", i, p, i, pd, pd)
        self.char_box = bind("FPDFText_GetCharBox", i, p, i, pd, pd, pd, pd)
        self.loose_box = bind("FPDFText_GetLooseCharBox", i, p, i, pf)  # an FS_RECTF: left, top, right, bottom
        self.char_matrix = bind("FPDFText_GetMatrix", i, p, i, p)
        self.font = bind("FPDFTextObj_GetFont", p, p)
        self.font_size = bind("FPDFTextObj_GetFontSize", i, p, pf)
        self.font_name = bind("FPDFFont_GetBaseFontName", size_t, p, p, size_t)
        self.count_objects = bind("FPDFPage_CountObjects", i, p)
        self.get_object = bind("FPDFPage_GetObject", p, p, i)
        self.count_form_objects = bind("FPDFFormObj_CountObjects", i, p)
        self.get_form_object = bind("FPDFFormObj_GetObject", p, p, ctypes.c_ulong)
        self.object_type = bind("FPDFPageObj_GetType", i, p)
        self.matrix = bind("FPDFPageObj_GetMatrix", i, p, p)
        self.bounds = bind("FPDFPageObj_GetBounds", i, p, pf, pf, pf, pf)
        self.stroke_width = bind("FPDFPageObj_GetStrokeWidth", i, p, pf)
        self.draw_mode = bind("FPDFPath_GetDrawMode", i, p, ctypes.POINTER(i), ctypes.POINTER(i))
        self.count_segments = bind("FPDFPath_CountSegments", i, p)
        self.segment = bind("FPDFPath_GetPathSegment", p, p, i)
        self.point = bind("FPDFPathSegment_GetPoint", i, p, pf, pf)
        self.segment_type = bind("FPDFPathSegment_GetType", i, p)
        self.closes = bind("FPDFPathSegment_GetClose", i, p)
        self.TEXT, self.PATH, self.FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
        self.MOVETO, self.LINETO = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO


_BOUND: list[_Pdfium] = []  # the one binding of this process, made when the first PDF is read


def _pdfium() -> _Pdfium:
    if not _BOUND:
        _BOUND.append(_Pdfium())
    return _BOUND[0]


def _uncycled(reader: Any) -> bytes:
    """The file written again without the draws that make a form draw itself (the first form of the loop to be
    drawn again is not): pypdf read each form of such a loop once, and so does this reader; PDFium follows the
    loop down to its depth limit, drawing a form that draws another twice 2**n times (30 s for a file of 1 KB).
    A depth-first walk over the forms the pages can draw: a draw of a form still on the walk's path closes a loop,
    and is cut from the resources of the form that makes it (resources of its own: they may be shared)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter(clone_from=reader)
    state: dict[int, bool] = {}  # id(form) -> True while on the path, False once its draws are all walked
    kept: list[Any] = []  # the forms walked, kept so that their ids stay theirs
    for page in writer.pages:
        resources = _resolved(page.get("/Resources"))
        frames: list[list[Any]] = [[None, resources, _xobject_names(resources), 0]]
        while frames:
            frame = frames[-1]
            owner, resources, names, k = frame
            if k >= len(names):
                frames.pop()
                if owner is not None:
                    state[id(owner)] = False
                continue
            frame[3] = k + 1
            form = _form(resources, names[k])
            if form is None:
                continue
            walking = state.get(id(form))
            if walking and owner is not None:
                xobjects = _resolved(resources.get("/XObject"))
                own = DictionaryObject(dict(resources.items()))
                own[NameObject("/XObject")] = DictionaryObject(
                    {NameObject(n): v for n, v in xobjects.items() if n != names[k]})
                owner[NameObject("/Resources")] = own
                frame[1] = own
            elif walking is None and len(frames) <= MAX_FORM_DEPTH:
                state[id(form)] = True
                kept.append(form)
                inner = _resolved(form.get("/Resources")) or resources
                frames.append([form, inner, _xobject_names(inner), 0])
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdfium_open(source: str, data: bytes) -> Any:
    """The file as PDFium reads it (pypdf has already read its structure and found it readable)."""
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError(source, "the PDF is password-protected", _PASSWORD_HINT) from None
        raise LoadError(source, f"not a readable PDF: {_describe(exc)}", _BROKEN_HINT) from None


def _runs(page: Any, meter: _Meter) -> list[_Run]:
    """Every run of text on page ``meter.page`` (``page`` is pypdf's view of it, measured by the meter), with its
    position and size, read by PDFium; and the marks drawn on it: a thin horizontal bar or line through the middle
    of a run strikes it through, one at its baseline underlines it (how Word, LibreOffice and most exporters draw
    them). The meter counts the objects and forms drawn: past a limit the page is cut short there."""
    lib = _pdfium()
    document = lib.ctypes.cast(meter.document.raw, lib.ctypes.c_void_p).value
    handle = lib.load_page(document, meter.page - 1)
    if not handle:
        raise ValueError("PDFium could not read the page")
    try:
        text_page = lib.load_text(handle)
        if not text_page:
            raise ValueError("PDFium could not read the text of the page")
        try:
            bars: list[tuple[float, float, float]] = []
            texts = _walk(lib, handle, meter, bars)
            runs = _text_runs(lib, text_page, texts)
        finally:
            lib.close_text(text_page)
    finally:
        lib.close_page(handle)
    if not bars:
        return runs
    marked, complete = _marked(runs, bars)
    if not complete:
        meter.note(f"PDF pages with too many bars and lines to match against their text (over {_MARK_TRIES:,} "
                   "tries), their revision marks were read in part")
    return marked


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(m: Any) -> _Matrix:
    """An FS_MATRIX PDFium filled in, as numbers."""
    return float(m[0]), float(m[1]), float(m[2]), float(m[3]), float(m[4]), float(m[5])


def _times(m: _Matrix, n: _Matrix) -> _Matrix:
    """``m`` then ``n`` (PDF's row-vector convention: a point goes through ``m`` first)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _walk(
    lib: _Pdfium, handle: int, meter: _Meter, bars: list[tuple[float, float, float]]
) -> list[tuple[int, _Matrix]]:
    """The objects of a page in the order it draws them, forms opened: each is counted by the meter, the thin
    horizontal bars and lines its paths draw go into ``bars``. The text objects, in that order, each with the
    matrix of the forms it is drawn in; when the meter cuts the page short, those drawn before the cut."""
    ctypes = lib.ctypes
    texts: list[tuple[int, _Matrix]] = []
    stack: list[tuple[int, bool, int, int, _Matrix]] = [(handle, False, lib.count_objects(handle), 0, _IDENTITY)]
    index = [0]
    m = (ctypes.c_float * 6)()
    with contextlib.suppress(_Cut):  # (said by the meter)
        while stack:
            container, in_form, count, depth, outer = stack[-1]
            k = index[-1]
            if k >= count:
                stack.pop()
                index.pop()
                continue
            index[-1] = k + 1
            obj = (lib.get_form_object if in_form else lib.get_object)(container, k)
            if not obj:
                continue
            meter.drawing()
            kind = lib.object_type(obj)
            if kind == lib.TEXT:
                texts.append((obj, outer))
            elif kind == lib.PATH:
                _path_bars(lib, obj, outer, bars)
            elif kind == lib.FORM:
                if not meter.form(depth + 1):
                    continue
                inner = _times(_matrix(m) if lib.matrix(obj, m) else _IDENTITY, outer)
                stack.append((obj, True, lib.count_form_objects(obj), depth + 1, inner))
                index.append(0)
    return texts


def _path_bars(lib: _Pdfium, obj: int, outer: _Matrix, bars: list[tuple[float, float, float]]) -> None:
    """The thin horizontal bars one painted path draws (``_bars``), on the page. A path whose bounding box is
    tall is looked at piece by piece only when it has several (a row of bars drawn as one path)."""
    ctypes = lib.ctypes
    count = lib.count_segments(obj)
    if count <= 0:
        return
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if count <= 5 and lib.bounds(obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right),
                                 ctypes.byref(top)):
        scale = math.hypot(outer[2], outer[3])
        if (top.value - bottom.value) * scale > 2 * _BAR_MAX + 2 or (right.value - left.value) * math.hypot(
                outer[0], outer[1]) < _BAR_MIN:
            return  # one piece, and no bar: a box, a curve, a dot
    m = (ctypes.c_float * 6)()
    a, b, c, d, e, f = _times(_matrix(m) if lib.matrix(obj, m) else _IDENTITY, outer)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not lib.draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return
    width = ctypes.c_float(1.0)
    lib.stroke_width(obj, ctypes.byref(width))
    x, y = ctypes.c_float(), ctypes.c_float()
    path: _Path = []
    figure: list[tuple[float, float]] = []  # the points of the subpath being read, on the page
    segments: list[tuple[int, bool]] = []

    def close() -> None:
        rectangle = _rectangle(figure, segments)
        if rectangle is not None:
            path.append(("re", *rectangle))
        else:
            for (x0, y0), (x1, y1), (kind, _) in zip(figure, figure[1:], segments[1:], strict=False):
                if kind == lib.LINETO:
                    path.append(("l", x0, y0, x1, y1))
        figure.clear()
        segments.clear()

    for k in range(count):
        segment = lib.segment(obj, k)
        if not segment or not lib.point(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = lib.segment_type(segment)
        if kind == lib.MOVETO and figure:
            close()
        px, py = float(x.value), float(y.value)
        figure.append((a * px + c * py + e, b * px + d * py + f))
        segments.append((kind, bool(lib.closes(segment))))
    if figure:
        close()
    bars.extend(_bars(path, stroke=bool(stroke.value), width=float(width.value) * math.hypot(a, b)))


def _rectangle(points: list[tuple[float, float]], segments: list[tuple[int, bool]]) -> tuple[float, float, float,
                                                                                               float] | None:
    """The box a subpath draws when it is a rectangle (``re``, or four lines that close): (x0, y0, x1, y1)."""
    if len(points) == 5 and points[4] == points[0]:
        points = points[:4]
    elif len(points) != 4 or not segments[-1][1]:
        return None
    xs, ys = sorted({round(px, 3) for px, _ in points}), sorted({round(py, 3) for _, py in points})
    if len(xs) > 2 or len(ys) > 2:
        return None  # not upright
    return min(px for px, _ in points), min(py for _, py in points), max(px for px, _ in points), max(
        py for _, py in points)


def _text_runs(lib: _Pdfium, text_page: int, texts: list[tuple[int, _Matrix]]) -> list[_Run]:
    """The page's runs, one for each text object of ``texts`` (in that order: the order the page draws them): the
    characters it draws, as PDFium reads them; a space PDFium puts between runs drawn apart is a run of its own.

    PDFium leaves out of its text a text object that draws only spaces, and one drawn again where an object with
    the same text was drawn just before (overprinted). pypdf gave both, and this reader's rules work with them:
    a space as drawn parts two words ("Council" " " "and"), and text drawn twice is read twice. So an object
    PDFium left out becomes a copy of the run drawn where it starts, or else a space."""
    ctypes = lib.ctypes
    count = lib.count_chars(text_page)
    found: dict[int, list[_Run]] = {}  # text object -> its run, and the space after it PDFium put in
    x, y = ctypes.c_double(), ctypes.c_double()
    m = (ctypes.c_float * 6)()
    size = ctypes.c_float()
    faces: dict[int, tuple[bool, frozenset[str], bool]] = {}  # font -> styled, bold, italic (from its name)

    def run(obj: int, text: str, at: tuple[float, float], dx: float, dy: float) -> _Run | None:
        """The run of ``obj`` drawn from ``at`` along (dx, dy) on the page; None when it is off the page."""
        if dx <= 0 or abs(dy) > 0.1 * dx:
            return None  # rotated text (stamps, margin notes, vertical labels) is not part of the draft's text
        lib.font_size(obj, ctypes.byref(size))
        height = round(abs(float(size.value)) * math.hypot(dx, dy), 1)
        if not all(abs(v) < _FAR for v in (*at, height)):
            return None  # drawn far off any page, or where the numbers overflow (to infinity, then NaN): never seen
        font = lib.font(obj) or 0
        face = faces.get(font)
        if face is None:
            name = _font_name(lib, font)
            face = faces[font] = (bool(_STYLED.search(name)),
                                  frozenset({markup.BOLD}) if _BOLD.search(name) else frozenset(),
                                  bool(_ITALIC.search(name)))
        return _Run(at[0], at[1], height, text, *face)

    if count > 0:
        buffer = ctypes.create_string_buffer(2 * count + 2)
        written = lib.get_text(text_page, 0, count, buffer)
        text = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", "replace")
        if len(text) != count:  # (never seen: one character for each, read one by one)
            text = "".join(_character(lib.unicode(text_page, k)) for k in range(count))
        owner = lib.text_object

        def end_of(start: int, obj: int | None) -> int:
            """Where the characters of ``obj`` that begin at ``start`` end: an object's characters come one after
            the other, so a probe that doubles its step, then halves it, finds the end in a few calls. (Not so
            the characters PDFium puts in, which belong to no object: a space or a line break, looked at one by
            one.)"""
            if obj is None:
                end = start + 1
                while end < count and owner(text_page, end) is None:
                    end += 1
                return end
            low, step = start, 8
            high = start + step
            while high < count and owner(text_page, high) == obj:
                low, step = high, step * 2
                high = low + step
            high = min(high, count)
            while high - low > 1:
                middle = (low + high) // 2
                if owner(text_page, middle) == obj:
                    low = middle
                else:
                    high = middle
            return int(high)

        start = 0
        last: list[_Run] | None = None  # the runs of the object read last
        while start < count:
            obj = owner(text_page, start)
            end = end_of(start, obj)
            # (PDFium gives a hyphen that ends a line as U+FFFE)
            piece = text[start:end].replace("\ufffe", "-")
            first, start = start, end
            if not obj:  # put in by PDFium: a space between runs drawn apart, or a line break
                if piece.isspace() and last and not last[-1].text[-1:].isspace():
                    lib.origin(text_page, first, ctypes.byref(x), ctypes.byref(y))
                    at = (float(x.value), float(y.value))
                    if "\n" in piece and end < count:
                        # a space too where the next run starts back to the left, a line of its own that this
                        # reader may yet put on one line with this one (small type set off beside larger type);
                        # not where it goes on to the right (a footnote marker, then the rest of its line)
                        lib.origin(text_page, end, ctypes.byref(x), ctypes.byref(y))
                        if x.value >= at[0] - 1:
                            continue
                    if all(abs(v) < _FAR for v in at):
                        last.append(_Run(*at, last[-1].size, " ", False))
                continue
            last = found.setdefault(obj, [])
            piece = piece.replace("\n", "").replace("\r", "")
            if not piece:
                continue
            lib.char_matrix(text_page, first, m)
            lib.origin(text_page, first, ctypes.byref(x), ctypes.byref(y))
            if _SPREAD.search(piece):
                piece = _respaced(lib, text_page, first, piece)
            made = run(obj, piece.translate(_SYMBOL_BULLETS), (float(x.value), float(y.value)), float(m[0]),
                       float(m[1]))
            if made is not None:
                last.append(made)
    runs: list[_Run] = []
    starts: dict[tuple[float, float], _Run] = {}  # where each run starts (rounded) -> the run
    for obj, outer in texts:
        kept = found.get(obj)
        if kept is not None:
            runs.extend(kept)
            for r in kept:
                if not r.blank:
                    starts.setdefault((round(r.x, 1), round(r.y, 1)), r)
            continue
        # left out by PDFium: drawn again over a run, or only spaces
        if not lib.matrix(obj, m):
            continue
        a, b, _c, _d, e, f = _times(_matrix(m), outer)
        again = starts.get((round(e, 1), round(f, 1)))
        if again is not None:
            runs.append(again)
        else:
            made = run(obj, " ", (e, f), a, b)
            if made is not None:
                runs.append(made)
    return runs


#: Letters one space apart, three or more standing alone: a line set with wide tracking ("P A R T  I I"), where
#: PDFium gives one space for the two the PDF draws between words; not a word of one letter in a sentence ("in
#: Chapter 2 of", "Where a high").
_SPREAD = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")


def _respaced(lib: _Pdfium, text_page: int, first: int, piece: str) -> str:
    """``piece`` (the characters from ``first``) with the second space put back between the words of a
    letter-spaced line: where the gap between two letters one space apart is clearly wider than the narrowest."""
    ctypes = lib.ctypes
    tokens = piece.split()
    if sum(len(t) == 1 for t in tokens) >= max(3, len(tokens) // 2):  # mostly single letters: rebuild the words
        rect = (ctypes.c_float * 4)()
        loose = []
        for k in range(len(piece)):
            lib.loose_box(text_page, first + k, rect)
            loose.append((float(rect[0]), float(rect[2])))
        return _rebuilt(piece, loose)
    spaces = [k for k in range(1, len(piece) - 1) if piece[k] == " " and piece[k - 1] != " " and piece[k + 1] != " "]
    if not spaces:
        return piece
    # the boxes of the letters around those spaces only (a long line may have a few letter-spaced words)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    edges: dict[int, tuple[float, float]] = {}
    for k in sorted({j for space in spaces for j in (space - 1, space + 1)}):
        lib.char_box(text_page, first + k, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom),
                     ctypes.byref(top))
        edges[k] = (left.value, right.value)
    gaps = {k: edges[k + 1][0] - edges[k - 1][1] for k in spaces}
    narrow = min(gaps.values())
    widest = max(right - left for left, right in edges.values()) or 1.0
    return "".join("  " if k in gaps and gaps[k] > 1.6 * narrow + 0.1 * widest else ch for k, ch in enumerate(piece))


def _rebuilt(piece: str, edges: list[tuple[float, float]]) -> str:
    """A letter-spaced line whose spaces PDFium gives by the shapes of the letters ("Ch a rts a n d l i s ts": an
    italic letter leans over the space after it): its words from the gaps between the letters' advances
    (``edges``: PDFium's loose boxes, not the ink), one space apart where a gap is clearly wider than most."""
    letters = [k for k, ch in enumerate(piece) if ch != " "]
    gaps = [edges[b][0] - edges[a][1] for a, b in itertools.pairwise(letters)]
    if len(gaps) < 4:
        return piece
    usual = sorted(gaps)[len(gaps) // 2]
    widest = max(right - left for left, right in edges) or 1.0
    out = [piece[letters[0]]]
    short = 0.0  # what the gap before fell short of the usual: a letter whose box reaches over both its gaps ("f")
    for (_, b), gap in zip(itertools.pairwise(letters), gaps, strict=True):
        out.append((" " if gap + short > 1.5 * usual + 0.1 * widest else "") + piece[b])
        short = max(0.0, usual - gap)
    return "".join(out)


def _character(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def _font_name(lib: _Pdfium, font: int) -> str:
    """A font's /BaseFont ("ABCDEF+TimesNewRoman,Bold"), which says whether it is bold or italic."""
    if not font:
        return ""
    buffer = lib.ctypes.create_string_buffer(256)
    length = lib.font_name(font, buffer, 256)
    return buffer.raw[: max(length - 1, 0)].decode("utf-8", "replace") if 0 < length <= 256 else ""


#: Text this far from the origin (in points: 350 metres) is off any page; NaN is never less than it.
_FAR = 1e6


#: The operators that build a path, and those that paint it (or end it unpainted: a clipping path).
_PATH_OPS = frozenset((b"re", b"m", b"l"))
_PAINT_OPS = frozenset((b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"n"))
#: A bar thinner than this (points) is a line drawn as a filled rectangle; one shorter than ``_BAR_MIN`` a dot.
_BAR_MAX, _BAR_MIN = 2.0, 1.5


_Path = list[tuple[str, float, float, float, float]]  # the pieces of a path: ("re" | "m" | "l", x0, y0, x1, y1)


def _build_path(op: bytes, args: list[float], cm: list[float], path: _Path) -> None:
    """One path operator, its points mapped to the page by the current matrix."""
    a, b, c, d, e, f = cm

    def point(x: float, y: float) -> tuple[float, float]:
        return a * x + c * y + e, b * x + d * y + f

    if op == b"re":
        x, y, w, h = args[:4]
        (x0, y0), (x1, y1) = point(x, y), point(x + w, y + h)
        path.append(("re", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    elif op == b"m":
        path.append(("m", *point(*args[:2]), 0.0, 0.0))
    elif op == b"l" and path and path[-1][0] in ("m", "l"):
        x0, y0 = (path[-1][1], path[-1][2]) if path[-1][0] == "m" else (path[-1][3], path[-1][4])
        x1, y1 = point(*args[:2])
        path.append(("l", x0, y0, x1, y1))


def _bars(path: _Path, *, stroke: bool, width: float) -> Iterator[tuple[float, float, float]]:
    """The thin horizontal bars a painted path draws: filled (or stroked) flat rectangles, stroked lines."""
    for kind, x0, y0, x1, y1 in path:
        if kind == "re" and y1 - y0 <= _BAR_MAX and x1 - x0 >= _BAR_MIN:
            yield x0, x1, (y0 + y1) / 2
        elif kind == "l" and stroke and abs(y1 - y0) < 0.5 and abs(x1 - x0) >= _BAR_MIN and width <= _BAR_MAX:
            yield min(x0, x1), max(x0, x1), (y0 + y1) / 2


#: Bars tried against the runs of one page, at most: past it, the page's other runs are left unmarked, and that
#: is said. (Only the bars at the height of a strike or an underline are tried, until one is found: a page of
#: marked-up text tries a few hundred.)
_MARK_TRIES = 200_000
#: Where a bar strikes a run through, and where it underlines it: its height above the baseline, in type sizes.
_MARK_BANDS = ((0.1, 0.6, markup.STRUCK), (-0.35, 0.05, markup.UNDERLINED))


def _mark_at(rise: float) -> str | None:
    """What a bar ``rise`` type sizes above a run's baseline marks it with (``_MARK_BANDS``, ends as they are)."""
    if 0.1 <= rise <= 0.6:
        return markup.STRUCK
    if -0.35 <= rise < 0.05:
        return markup.UNDERLINED
    return None


def _marked(runs: list[_Run], bars: list[tuple[float, float, float]]) -> tuple[list[_Run], bool]:
    """The runs with the bars drawn across them: through the middle of the letters (between a tenth and three
    fifths of the type size above the baseline) a strike, at the baseline or just below it an underline. A bar
    marks the runs that start under it, so a struck phrase is the runs it spans. And whether every run was
    tried against the bars at its height (``_MARK_TRIES``)."""
    bars = sorted((bar for bar in bars if all(abs(v) < _FAR for v in bar)), key=lambda bar: bar[2])
    heights = [y for _, _, y in bars]
    out = []
    tries = 0
    for run in runs:
        if run.blank or run.size <= 0 or tries > _MARK_TRIES:
            out.append(run)
            continue
        marks = set(run.marks)
        slack = 1e-6 * run.size  # the bars looked at a little beyond each band: the test of the rise decides
        for low, high, mark in _MARK_BANDS:
            start = bisect_left(heights, run.y + low * run.size - slack)
            for x0, x1, y in bars[start : bisect_right(heights, run.y + high * run.size + slack)]:
                tries += 1
                if x0 - 1 <= run.x <= x1 - 0.25 * run.size and _mark_at((y - run.y) / run.size) == mark:
                    marks.add(mark)
                    break
        out.append(replace(run, marks=frozenset(marks)) if len(marks) != len(run.marks) else run)
    return out, tries <= _MARK_TRIES


# --- runs -> lines -> pages ------------------------------------------------------------------------------------


def _same_line(line: _Line, run: _Run, chars: int) -> bool:
    """Does ``run`` go on ``line``, which holds ``chars`` characters so far?"""
    dy = run.y - line.y
    if abs(dy) <= 0.3 * max(line.size, run.size):
        return True
    if run.size < _SUPERSCRIPT * line.size:
        return 0 < dy < line.size or -0.4 * line.size < dy < 0  # superscript or subscript
    # a line that so far holds only a small raised number (a footnote's own number) and text just below it
    return line.size < _SUPERSCRIPT * run.size and -run.size < dy < 0 and chars <= 3


def _group(runs: list[_Run]) -> list[_Line]:
    lines: list[_Line] = []
    line: _Line | None = None
    chars = 0  # of ``line`` so far (kept count of, not summed again for every run: a line may have thousands)
    for run in runs:
        if line is not None and _same_line(line, run, chars):
            line.runs.append(run)
            chars += len(run.text.strip())
            if not run.blank and run.size > line.size:
                if run.size >= line.size / _SUPERSCRIPT:
                    line.y = run.y  # the small runs before it were raised: this run sets the baseline
                line.size = run.size
            continue
        if run.blank:
            continue  # a stray space elsewhere on the page starts nothing
        line = _Line(run.y, run.size, [run])
        chars = len(run.text.strip())
        lines.append(line)
    # (a line whose runs are all hidden stays, for the spacing of the lines around it: ``_emit`` leaves it out)
    return [line for line in lines if line.text().strip() or any(r.hidden and not r.blank for r in line.runs)]


def _columns(lines: list[_Line], left: float, width: float) -> list[_Line]:
    """Lines in reading order: top to bottom, and on a two-column page the left column before the right one."""
    ordered = sorted(lines, key=lambda line: -line.y)
    edge = _column_edge(ordered, left, width)
    if edge is None:
        return ordered
    split: list[_Line] = []
    for line in ordered:
        cut = next((k for k, r in enumerate(line.runs) if r.x >= edge - 1 and not r.blank), len(line.runs))
        if cut < len(line.runs) and _continues(line.runs[:cut], line.runs[cut].x):
            split.append(line)  # a full-width line: it does not stop at the gutter
            continue
        runs_left, runs_right = line.runs[:cut], line.runs[cut:]
        for part in (runs_left, runs_right):
            if any(not r.blank for r in part):
                split.append(_Line(line.y, max(r.size for r in part if not r.blank), part))
    right = _without_footer([line for line in split if line.x >= edge - 1])
    top, bottom = max(line.y for line in right), min(line.y for line in right)
    # full-width lines above the columns (a title) and below them (a footer) keep their place; below the columns
    # a line is read whole (a footer "15698/22   RB/ek 1" is one line, as on the pages without columns)
    above = [line for line in split if line.y > top + 1 and line.x < edge - 1]
    below = [line for line in ordered if line.y < bottom - 1]
    middle_left = [line for line in split if bottom - 1 <= line.y <= top + 1 and line.x < edge - 1]
    return above + middle_left + right + below


#: How far below the rest of the right column (in its type sizes) a few lines stand that are no part of it
_FOOTER_GAP = 5.0
#: How many lines such a footer may have
_FOOTER_LINES = 3


def _without_footer(right: list[_Line]) -> list[_Line]:
    """The lines of the right column (top down) without the right half of a page footer: a few lines far below
    the others (a cover page with a block of references at the top right, and "RB/ek 1" / "EN" at the foot of the
    page: the footer is not the end of the column, and the body text between them is read before it)."""
    for k in range(max(1, len(right) - _FOOTER_LINES), len(right)):
        if right[k - 1].y - right[k].y > _FOOTER_GAP * max(right[k - 1].size, right[k].size, 1.0):
            return right[:k]
    return right


def _column_edge(lines: list[_Line], left: float, width: float) -> float | None:
    """The x where a second column starts: many lines have a run starting there, in the middle third or so of the
    page, and text to its left. Ordinary lines break into runs at scattered places, so no x recurs like that."""
    if len(lines) < 5:
        return None
    starts: Counter[int] = Counter()
    for line in lines:
        reach, found = _Reach(), set()
        for r in line.runs:
            if not r.blank and 0.3 < (r.x - left) / width < 0.7 and not reach.covers(r.x):
                found.add(round(r.x))
            reach.add(r)
        starts.update(found)
    if not starts:
        return None
    x, count = starts.most_common(1)[0]
    # nearby x's (a run starting at 301.2 and one at 301.6) count as one
    count = sum(n for at, n in starts.items() if abs(at - x) <= 1)
    lefts = sum(1 for line in lines if line.x < x - 10)
    if count >= max(4, 0.3 * len(lines)) and lefts >= 4:
        return float(x - 1)
    return None


def _continues(before: list[_Run], x: float) -> bool:
    """Does the text drawn before a run reach up to ``x`` (a line that runs on across the middle of the page,
    broken into runs by the PDF), rather than stop short of it (a column gutter)? Widths are estimated from the
    characters, generously for the usual text faces (pypdf does not give them)."""
    reach = _Reach()
    for run in before:
        reach.add(run)
    return reach.covers(x)


@dataclass(slots=True)
class _Reach:
    """``_continues``, kept up to date run by run along a line (asked afresh for every run, it was quadratic in
    the runs of a line): how far right the runs so far go, and the largest of their sizes."""

    end: float = -math.inf
    size: float = -math.inf

    def add(self, run: _Run) -> None:
        self.size = max(self.size, run.size)
        if not run.blank:
            self.end = max(self.end, run.x + run.size * _ems_inked(run.text))

    def covers(self, x: float) -> bool:
        return self.end > x - 0.5 * self.size


class _Widths(dict[str, float]):
    """The width in ems of each character, worked out the first time it is asked for (and kept, for the first few
    thousand characters met: a file drawing every code point must not fill the memory)."""

    def __missing__(self, ch: str) -> float:
        width = 0.75 if ch.isupper() else 0.25 if ch.isspace() else 0.4 if not ch.isalnum() else 0.55
        if len(self) < 8192:
            self[ch] = width
        return width


_WIDTHS = _Widths()


def _ems(text: str) -> float:
    """A generous estimate of the width of ``text`` in ems: capitals are wide, spaces and punctuation narrow."""
    return sum(map(_WIDTHS.__getitem__, text))


@functools.lru_cache(maxsize=16384)
def _ems_inked(text: str) -> float:
    """``_ems`` of ``text`` without its trailing spaces. Asked for each run again and again while its page is laid
    out: the answers are kept, by the run's own text (whose hash Python keeps; a stripped copy would be new)."""
    return _ems(text.rstrip())


def _split_notes(lines: list[_Line], body: float, height: float, continued: bool) -> tuple[int, int]:
    """Where the footnotes of a page are: lines ``[start, end)``; ``start == end`` when there are none.

    From the bottom: past the footer (up to three lines in body type, or furniture such as a page number), then
    every line in small type in the lower part of the page. The block must start with a numbered line, unless the
    previous page had footnotes (then its first lines continue the last one)."""
    end = len(lines)
    while end > 0 and len(lines) - end < 3:
        last = lines[end - 1]
        if last.size < _SMALL * body and not normalise.looks_like_furniture(last.text()):
            break
        end -= 1
    start = end
    while start > 0 and lines[start - 1].size < _SMALL * body and lines[start - 1].y < 0.6 * height:
        start -= 1
    while start < end and _RULE.match(lines[start].text()):
        start += 1  # the short rule above the footnotes, when it is typed rather than drawn
    if start == end or start == 0:
        return end, end  # nothing in small type, or the whole page is (a page of small print is not footnotes)
    if _note_label(lines[start], _left(lines[start:end])) is None and not continued:
        return end, end
    return start, end


def _left(block: list[_Line]) -> float:
    return min(line.x for line in block)


def _note_label(line: _Line, left: float) -> tuple[str, str] | None:
    """A footnote's number and text, when ``line`` opens a footnote: a raised number, or a plain number at the
    left edge of its block, ``left`` (continuation lines are indented past it)."""
    pieces = line.pieces()
    first = next((i for i, (text, _) in enumerate(pieces) if text.strip()), None)
    if first is None:
        return None
    text, marker = pieces[first]
    rest = "".join(t for t, _ in pieces[first + 1 :])
    if marker:
        return text.strip(), rest
    match = _NOTE_NUMBER.match("".join(t for t, _ in pieces[first:]))
    if match and line.x <= left + 2:
        return match.group(1), match.group(2)
    return None


def _page(runs: list[_Run], box: tuple[float, float, float, float], body: float, continued: _Note | None) -> _Page:
    left, bottom, right, top = box
    lines = _columns(_group(runs), left, max(right - left, 1.0))
    start, end = _split_notes(lines, body, top - bottom, continued is not None)
    page = _Page()
    notes: list[_Note] = []
    left = _left(lines[start:end]) if start < end else 0.0
    for line in lines[start:end]:
        if not line.text().strip():
            continue  # all hidden
        opened = _note_label(line, left)
        if opened is not None:
            notes.append(_Note(opened[0], [opened[1]]))
        elif notes:
            notes[-1].text.append(line.text())
        elif continued is not None:
            continued.text.append(line.text())
    kept = lines[:start]
    if start < end:
        while kept and _RULE.match(kept[-1].text()) and kept[-1].size < _SMALL * body:
            kept.pop()  # the rule above the footnotes goes with them
    page.lines = kept + lines[end:]
    page.notes = notes
    return page


def _mark_gaps(pages: list[_Page], body: float) -> None:
    """A gap between two lines of a column clearly wider than the usual pitch is a paragraph break."""
    pitches = [
        prev.y - line.y
        for page in pages
        for prev, line in zip(page.lines, page.lines[1:], strict=False)
        if abs(prev.size - body) < 0.5 and abs(line.size - body) < 0.5 and 0 < prev.y - line.y < 3 * body
    ]
    # the lower quartile, not the median: in a draft of short paragraphs most gaps are paragraph gaps
    pitch = statistics.quantiles(pitches, n=4)[0] if len(pitches) >= 4 else 1.2 * body
    for page in pages:
        for i in range(1, len(page.lines)):
            prev, line = page.lines[i - 1], page.lines[i]
            scale = max(prev.size, line.size) / body
            drop = prev.y - line.y
            if drop > _GAP * pitch * max(scale, 1.0) or drop < -pitch:  # or a jump back up: the next column
                page.gaps.add(i)


# --- the reader --------------------------------------------------------------------------------------------------


@register("pdf", sniff=_sniff, title="PDF")
def read_pdf(raw: RawDraft, options: LoadOptions) -> Read:
    """A PDF with a text layer: its printed lines, page by page, with footnotes set apart."""
    from pypdf.errors import DependencyError

    with _quiet():
        reader = _open(raw)
        pages = list(reader.pages)
        meter = _Meter(raw.source, len(raw.data))
        meter.plan(pages)  # refused here, before PDFium reads a page, when reading them all would cost too much
        meter.document = _pdfium_open(raw.source, _uncycled(reader) if meter.cyclic else raw.data)
        page_runs: list[list[_Run]] = []
        boxes: list[tuple[float, float, float, float]] = []
        failed: list[int] = []
        limits: list[str] = []  # what limit of pypdf's a page that failed went past
        try:
            for number, page in enumerate(pages, start=1):
                try:
                    meter.begin(page, number)
                    runs = _runs(page, meter)
                    box = page.mediabox
                    edges = (float(box.left), float(box.bottom), float(box.right), float(box.top))
                    if not all(math.isfinite(edge) for edge in edges):
                        edges = _LETTER
                    page_runs.append(runs)  # both or neither: a page whose media box fails after its text is read
                    boxes.append(edges)  # must not leave the two lists out of step
                except LoadError:
                    raise
                except Exception as exc:  # one damaged page must not cost the others
                    if isinstance(exc, DependencyError):
                        raise _missing(raw.source, exc) from None
                    if _limit(exc):
                        limits.append(f"page {number} goes past a safety limit of pypdf: {_limit(exc)}")
                    failed.append(number)
                    page_runs.append([])
                    boxes.append(_LETTER)
        finally:
            meter.document.close()
    if not page_runs:
        raise LoadError(raw.source, "not a readable PDF: it has no pages", _BROKEN_HINT)
    garbled_pages = _garbled(page_runs)
    read_by_ocr: list[int] = []
    ocr_warnings: list[Diagnostic] = []
    if options.ocr is not None:
        unread = [n for n, runs in enumerate(page_runs, start=1) if not runs and n not in failed]
        wanted = sorted({*unread, *garbled_pages})
        cut_pages = {page for pages in meter.cuts.values() for page in pages}
        wanted = [n for n in wanted if n not in cut_pages]
        ocr_warnings, read_by_ocr = _ocr(raw, wanted, options.ocr, page_runs)
        for number in read_by_ocr:
            garbled_pages.pop(number, None)
    if garbled_pages and len(garbled_pages) == sum(1 for runs in page_runs if runs):
        where = "page" if len(garbled_pages) == 1 else "pages"
        why_not = [w.message.removeprefix("--ocr: ").split(" — ") for w in ocr_warnings
                   if w.message.startswith("--ocr")]  # --ocr was asked for and could not be done: say why
        raise LoadError(raw.source, f"the text layer does not decode: {next(iter(garbled_pages.values()))} "
                        f"(fonts without a Unicode map?) on {where} {_pages(sorted(garbled_pages))}"
                        + (f", and {why_not[0][0]}" if why_not else ""), why_not[0][-1] if why_not else _GARBLED_HINT)
    for number in garbled_pages:  # never build articles out of them
        page_runs[number - 1] = []
    why = f" ({limits[0]})" if limits else ""  # the first limit a page went past, if one did
    sizes: Counter[float] = Counter()
    for runs in page_runs:
        for run in runs:
            sizes[round(run.size * 2) / 2] += len(run.text.strip())
    if not sizes or sum(sizes.values()) == 0:
        if failed and len(failed) == len(page_runs):
            raise LoadError(raw.source, f"not a readable PDF: no page could be read{why}",
                            _LIMIT_HINT if limits else _BROKEN_HINT)
        if ocr_warnings:  # --ocr was asked for and could not be done: say why
            raise LoadError(raw.source, "no text layer (a scanned image?), and "
                            + ocr_warnings[0].message.removeprefix("--ocr: ").split(" — ")[0],
                            ocr_warnings[0].message.split(" — ")[-1])
        raise LoadError(
            raw.source,
            "no text layer (a scanned image?)",
            "run OCR first (e.g. ocrmypdf) and pass the result, or read it with --ocr",
        )
    # the body text size; at least 1 pt (a damaged or hostile file can give its text a size of 0 or less)
    body = max(sizes.most_common(1)[0][0], 1.0)
    from treatydiff.load import pdf_tables

    found, header = pdf_tables.tables(page_runs, max((right - left for left, _, right, _ in boxes), default=595.0))
    warnings_: list[Diagnostic] = []
    if failed:
        warnings_.append(Diagnostic(f"PDF pages that could not be read, their text is missing: {_pages(failed)}{why}"))
    warnings_.extend(ocr_warnings)
    for reason in dict.fromkeys(garbled_pages.values()):
        pages_ = sorted(n for n, r in garbled_pages.items() if r == reason)
        warnings_.append(Diagnostic(f"PDF pages whose text layer does not decode ({reason}), left out: "
                                    f"{_pages(pages_)} — {_GARBLED_HINT}"))
    warnings_.extend(meter.warnings())
    if found:  # amendment tables: two drafts (or more) in one, a column each
        lines, placed, marks, column = amendments.read_columns(found, header, options, raw.source)
        return Read(lines, (*warnings_, *placed), marks=marks, view_of=column)
    tally = _tally(page_runs)
    rule, marking = _convention(page_runs, tally)
    cut = {page for pages in meter.cuts.values() for page in pages}
    empty = [n for n, runs in enumerate(page_runs, start=1)
             if not runs and n not in failed and n not in cut and n not in garbled_pages]
    if empty and len(empty) < len(page_runs):
        warnings_.append(Diagnostic(f"PDF pages with no text layer (scanned?), their text is missing: {_pages(empty)}"))
    lines = _layout(_applied(page_runs, rule, options.markup), boxes, body)
    warnings_.extend(marking)
    marks = markup.describe(tally, rule)

    def view_of(view: str) -> list[SourceLine]:
        return _layout(_applied(page_runs, rule, view), boxes, body)

    return Read(lines, tuple(warnings_), marks=marks, view_of=view_of if marks else None)


#: List bullets that Symbol and Wingdings fonts give as private-use code points (their glyph code plus U+F000),
#: as the characters they draw; Word writes its bullets so, and a PDF made from Word keeps them.
_SYMBOL_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf06e": "■", "\uf0d8": "➢", "\uf0fc": "✓",
                                 "\uf076": "❖", "\uf0a8": "□", "\uf0e0": "→", "\uf0f0": "⇨", "\uf02d": "-"})


#: The end of a sentence or of a list item: what a heading may follow on the next line without a gap.
_ENDS_SENTENCE = re.compile(r"[.;:!?]['\")\]\u2019\u201d]*\s*$")


_GARBLED_HINT = "read them with --ocr, or run OCR on them (e.g. ocrmypdf --force-ocr) and pass the result"


def _ocr(
    raw: RawDraft, pages: list[int], languages: str, page_runs: list[list[_Run]]
) -> tuple[list[Diagnostic], list[int]]:
    """``--ocr``: the ``pages`` (numbered from 1) read by OCR into ``page_runs``; what to tell the user and the
    pages that were read. Without what OCR needs, nothing is read and a warning says what to install."""
    from treatydiff.load import ocr

    if not pages:
        return [], []
    lacking = ocr.missing()
    if lacking:
        return [Diagnostic(f"--ocr: {lacking} is not installed, so pages {_pages(pages)} were not read by OCR — "
                           f"{ocr.INSTALL}")], []
    unknown = ocr.languages_missing(languages)
    if unknown:
        return [Diagnostic(f"--ocr: Tesseract has no language {', '.join(unknown)}, so pages {_pages(pages)} were "
                           "not read by OCR — install its language pack (e.g. apt install "
                           f"tesseract-ocr-{unknown[0]}) or name installed ones with --ocr-language LANGS")], []
    read: list[int] = []
    said: list[Diagnostic] = []
    for number in pages:
        try:
            words = ocr.page_words(raw.source, raw.data, number - 1, languages)
        except LoadError as error:  # one page OCR cannot read must not cost the others
            said.append(Diagnostic(f"--ocr: {error.problem} — {error.hint}"))
            continue
        page_runs[number - 1] = [_Run(w.x, w.y, w.size, w.text, False) for w in words]
        if words:
            read.append(number)
    if read:
        said.insert(0, Diagnostic(f"PDF pages read by OCR (Tesseract, {languages}): {_pages(read)} — OCR makes "
                                  "mistakes: check what it read against the page"))
    return said, read


def _garbled(page_runs: list[list[_Run]]) -> dict[int, str]:
    """The pages (numbered from 1) whose text does not read as text (``garbled.judge``), and why."""
    found = {}
    for number, runs in enumerate(page_runs, start=1):
        reason = garbled.judge(" ".join(run.text for run in runs))
        if reason:
            found[number] = reason
    return found


def _layout(
    page_runs: list[list[_Run]], boxes: list[tuple[float, float, float, float]], body: float
) -> list[SourceLine]:
    """The runs of every page -> the draft's lines: lines, columns, footnotes, paragraph breaks."""
    pages: list[_Page] = []
    last_note: _Note | None = None
    for runs, box in zip(page_runs, boxes, strict=True):
        page = _page(runs, box, body, last_note)
        pages.append(page)
        if page.notes:
            last_note = page.notes[-1]
        elif page.lines:
            last_note = None
    _mark_gaps(pages, body)
    return _emit(pages)


def _tally(page_runs: list[list[_Run]]) -> markup.Tally:
    tally = markup.Tally()
    for runs in page_runs:
        lines: dict[int, list[tuple[str, frozenset[str]]]] = {}
        for run in runs:
            if not run.blank:
                tally.add(run.text.strip(), run.marks)
                lines.setdefault(round(run.y), []).append((run.text, run.marks))
        for pieces in lines.values():
            tally.line(pieces)
    return tally


#: The pages whose text is searched for a legend of the marks (a cover note states it before the text).
_LEGEND_PAGES = 6


def _convention(
    page_runs: list[list[_Run]], tally: markup.Tally
) -> tuple[markup.Convention, tuple[Diagnostic, ...]]:
    """What the marks of the document mean (its legend, from its first pages, else as inferred), and a warning
    for marks left unread."""
    if not tally.marks:
        return markup.Convention(), ()
    stated = markup.legend(" ".join(run.text for runs in page_runs[:_LEGEND_PAGES] for run in runs))
    return markup.convention(tally, stated)


def _applied(page_runs: list[list[_Run]], rule: markup.Convention, view: str) -> list[list[_Run]]:
    """The runs with what their marks mean applied: hidden where ``view`` leaves them out, and not styled for
    being bold where bold marks added text (it then says nothing of headings)."""
    if not rule.active:
        return page_runs
    bold_marks = markup.BOLD in rule.inserted | rule.deleted
    return [
        [replace(run, hidden=rule.hidden(run.marks, view),
                 styled=run.italic if bold_marks and markup.BOLD in run.marks else run.styled)
         if run.marks else run
         for run in runs]
        for runs in page_runs
    ]


def _heading_goes_on(prev: _Line, line: _Line, prev_text: str, text: str) -> bool:
    """Is ``line`` the second line of a heading that ``prev`` began: both set in bold or italics, in the same
    size, the first not ending a sentence, the second not a heading of its own (``Section A``)?"""
    return (
        prev.styled
        and line.styled
        and abs(prev.size - line.size) < 0.5
        and not prev_text.rstrip().endswith((".", ";", ":"))
        and not patterns.DIVISION.match(text.strip())
        and not patterns.ARTICLE.match(text.strip())
    )


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def _emit(pages: list[_Page]) -> list[SourceLine]:
    """The lines of all pages; each page's footnotes after the paragraph that refers to them."""
    out: list[SourceLine] = []
    pending: list[_Note] = []
    used: Counter[str] = Counter()  # footnote number -> how many footnotes have had it

    def add(text: str, **hints: Any) -> None:
        out.append(SourceLine(text, len(out) + 1, **hints))

    def flush() -> None:
        for note in pending:
            add("")
            # one line per printed line, so the normaliser joins them (and rejoins hyphenated words) as in the body
            add(f"[^{note.label}]: {note.text[0].strip()}")
            for text in note.text[1:]:
                add(text)
        if pending:
            add("")
        pending.clear()

    for page in pages:
        # footnote numbers are unique in the draft: a label met again (numbering that restarts on each page or
        # chapter) gets a suffix, and the markers of this page follow it
        labels: dict[str, str] = {}  # the number printed on this page -> the label of its footnote
        by_number: dict[str, _Note] = {}
        for note in page.notes:
            label = note.label + "'" * used[note.label]
            used[note.label] += 1
            if note.label not in labels:
                labels[note.label], by_number[note.label] = label, note
            note.label = label
        anchors: dict[int, list[_Note]] = {}
        page_pieces = [line.pieces() for line in page.lines]
        for index, pieces in enumerate(page_pieces):
            for text, marker in pieces:
                found = by_number.get(text.strip()) if marker else None
                if found is not None and found.anchor < 0:
                    found.anchor = index
                    anchors.setdefault(index, []).append(found)
        gap = False
        prev: _Line | None = None  # the last line of the page put out
        for index, line in enumerate(page.lines):
            gap = gap or index in page.gaps
            text = "".join(
                f"[^{labels[t.strip()]}]" if marker and t.strip() in labels else t for t, marker in page_pieces[index]
            )
            if not text.strip():
                continue  # every run of the line is left out of this view: its paragraph break goes to the next
            # "Depositary[, and ... takes" / "effect]. The ...": what is left runs on from the line before
            glued = not gap and line.opens_hidden and text.lstrip()[:1] in _GLUED
            if gap:
                flush()
                add("")
            if (
                prev is not None
                and not gap
                and _heading_goes_on(prev, line, out[-1].text, text)
                and len(out[-1].text) + len(text) < 250
            ):
                # a heading set in bold or italics over two lines ("Article 24" / "[deleted]", a long title)
                head = out[-1].text.rstrip()
                out[-1] = SourceLine(
                    f"{head}{'' if head.endswith('-') else ' '}{text.strip()}",  # "HIGH-" / "RISK": one word
                    out[-1].number,
                    emphasis=True,
                    page_break=out[-1].page_break,
                )
            else:
                text = normalise.unspaced(text)
                bullet = patterns.LIST_BULLET.match(text)  # a list item: its bullet is no word (nor is Markdown's "- ")
                # a bold or italic line straight after a plain one that does not end its sentence is words of
                # that sentence set off ("... laid down in" / "**Article 4(1)(c) of Regulation ...**"), no heading
                inside = prev is not None and not gap and not prev.styled and not _ENDS_SENTENCE.search(out[-1].text)
                add(text[bullet.end():] if bullet else text.lstrip() if glued else text, page_break=prev is None,
                    emphasis=line.styled and len(text.strip()) < 250 and not inside, glued=glued,
                    bullet=bool(bullet))
            prev, gap = line, False
            pending.extend(anchors.get(index, []))
        pending.extend(note for note in page.notes if note.anchor < 0)
    flush()
    return out
