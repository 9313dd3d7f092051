"""Stage 1, load: the PDF reader — a PDF's text layer -> one SourceLine per printed line, footnotes set apart.

Why pypdf: measured on the corpus PDFs (``benchmarks/bench_pdf.py --extractors``), pypdf extracts the 108-page
Commission proposal in about 2 s and pdfplumber (pdfminer) in about 8 s, and the words they give are the same (the
same word-level F1 against the Markdown twins); pypdf is pure Python with no compiled dependencies. pypdf's layout
mode (``extraction_mode="layout"``) takes about 3 s and gives a fixed-width picture of the page, not reading order.
So this reader uses pypdf's plain extraction with a text visitor, which hands over every run of text with its
position and type size, and builds lines from those.

Revision marks (issue 13) need the drawing too: the bars that strike text through or underline it. pypdf's
operator visitor gives them at no measurable cost ("pypdf runs+ops": 1.05 s on the French compromise's 15 pages,
against 1.03 s for the text alone). pypdfium2 gives every character with its box and every path in 0.22 s, and
pdfplumber in 3.3 s (``benchmarks/bench_pdf.py --extractors``; on the Czech compromise's 139 pages, 2.5 s, 11.6
s and 39.7 s). PDFium is the faster engine by four to five times, and its wheels cover every platform. It is not
used yet: it cuts a page into runs differently from pypdf, and this reader's rules for spaces, superscripts,
footnotes and columns were written and checked against pypdf's runs. Switching is a change to every PDF's
outline, to be made against the corpus and fixture outlines (``tests/test_pdf.py``) as one piece of work.

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
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any

from treatydiff.errors import LoadError
from treatydiff.load import amendments, markup, normalise, patterns
from treatydiff.load.decode import RawDraft
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
        return not self.text.strip()


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
        for k, run in enumerate(self.runs):
            apart = k > 0 and not _continues(self.runs[:k], run.x - run.size)  # drawn apart from what is before
            if run.hidden:
                if hidden is None:
                    edge = run.text[:1].isspace() or apart
                hidden, spaced = run, False
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
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise LoadError(
                    raw.source,
                    f"the PDF is encrypted with a cipher that needs an extra package ({exc})",
                    "install 'cryptography' (pip install cryptography) or save an unencrypted copy",
                ) from None
            if not opened:
                raise LoadError(
                    raw.source,
                    "the PDF is password-protected",
                    "save an unprotected copy (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and pass that",
                )
        _ = len(reader.pages)
    except LoadError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files (PdfReadError, KeyError, ValueError...)
        raise LoadError(raw.source, f"not a readable PDF: {_describe(exc)}", _BROKEN_HINT) from None
    return reader


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _runs(page: Any) -> list[_Run]:
    """Every run of text on the page with its position and size, from pypdf's text visitor; and the marks drawn
    on it: a thin horizontal bar or line through the middle of a run strikes it through, one at its baseline
    underlines it (how Word, LibreOffice and most exporters draw them)."""
    runs: list[_Run] = []
    rise = [0.0]  # the text rise (``Ts``), which raises superscripts in some PDFs and is not in the text matrix
    bars: list[tuple[float, float, float]] = []  # (x0, x1, y) of thin horizontal bars and lines, on the page
    path: _Path = []  # the path being built: rectangles and lines
    width = [1.0]  # the line width (``w``), in user space

    def operand(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"Ts" and args:
            with contextlib.suppress(TypeError, ValueError):
                rise[0] = float(args[0])
        elif op == b"BT":
            rise[0] = 0.0
        elif op in _PATH_OPS:
            with contextlib.suppress(TypeError, ValueError, IndexError):
                _build_path(op, [float(a) for a in args], [float(v) for v in cm], path)
        elif op == b"w" and args:
            with contextlib.suppress(TypeError, ValueError):
                width[0] = float(args[0]) * math.hypot(float(cm[0]), float(cm[1]))
        elif op in _PAINT_OPS:
            if op != b"n":  # (a path ended unpainted is a clipping path)
                bars.extend(_bars(path, stroke=op in (b"S", b"s"), width=width[0]))
            path.clear()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text:
            return
        a, b, _c, _d, e, f = (float(v) for v in tm)
        ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
        x, y = e * ca + f * cc + ce, e * cb + f * cd + cf
        dx, dy = a * ca + b * cc, a * cb + b * cd  # the direction of the text's baseline on the page
        if dx <= 0 or abs(dy) > 0.1 * dx:
            return  # rotated text (stamps, margin notes, vertical labels) is not part of the draft's text
        y += rise[0] * dx
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        bold = frozenset({markup.BOLD}) if _BOLD.search(name) else frozenset()
        runs.append(_Run(x, y, round(abs(float(size)) * math.hypot(dx, dy), 1), text, bool(_STYLED.search(name)),
                         bold, bool(_ITALIC.search(name))))

    page.extract_text(visitor_text=visit, visitor_operand_before=operand)
    return _marked(runs, bars) if bars else runs


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


def _marked(runs: list[_Run], bars: list[tuple[float, float, float]]) -> list[_Run]:
    """The runs with the bars drawn across them: through the middle of the letters (between a tenth and three
    fifths of the type size above the baseline) a strike, at the baseline or just below it an underline. A bar
    marks the runs that start under it, so a struck phrase is the runs it spans."""
    out = []
    for run in runs:
        if run.blank:
            out.append(run)
            continue
        marks = set(run.marks)
        for x0, x1, y in bars:
            if not x0 - 1 <= run.x <= x1 - 0.25 * run.size:
                continue
            rise = (y - run.y) / run.size
            if 0.1 <= rise <= 0.6:
                marks.add(markup.STRUCK)
            elif -0.35 <= rise < 0.05:
                marks.add(markup.UNDERLINED)
        out.append(replace(run, marks=frozenset(marks)) if len(marks) != len(run.marks) else run)
    return out


# --- runs -> lines -> pages ------------------------------------------------------------------------------------


def _same_line(line: _Line, run: _Run) -> bool:
    dy = run.y - line.y
    if abs(dy) <= 0.3 * max(line.size, run.size):
        return True
    if run.size < _SUPERSCRIPT * line.size:
        return 0 < dy < line.size or -0.4 * line.size < dy < 0  # superscript or subscript
    # a line that so far holds only a small raised number (a footnote's own number) and text just below it
    chars = sum(len(r.text.strip()) for r in line.runs)
    return line.size < _SUPERSCRIPT * run.size and -run.size < dy < 0 and chars <= 3


def _group(runs: list[_Run]) -> list[_Line]:
    lines: list[_Line] = []
    line: _Line | None = None
    for run in runs:
        if line is not None and _same_line(line, run):
            line.runs.append(run)
            if not run.blank and run.size > line.size:
                if run.size >= line.size / _SUPERSCRIPT:
                    line.y = run.y  # the small runs before it were raised: this run sets the baseline
                line.size = run.size
            continue
        if run.blank:
            continue  # a stray space elsewhere on the page starts nothing
        line = _Line(run.y, run.size, [run])
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
    right = [line for line in split if line.x >= edge - 1]
    top, bottom = max(line.y for line in right), min(line.y for line in right)
    # full-width lines above the columns (a title) and below them (a footer) keep their place
    above = [line for line in split if line.y > top + 1 and line.x < edge - 1]
    below = [line for line in split if line.y < bottom - 1 and line.x < edge - 1]
    middle_left = [line for line in split if bottom - 1 <= line.y <= top + 1 and line.x < edge - 1]
    return above + middle_left + right + below


def _column_edge(lines: list[_Line], left: float, width: float) -> float | None:
    """The x where a second column starts: many lines have a run starting there, in the middle third or so of the
    page, and text to its left. Ordinary lines break into runs at scattered places, so no x recurs like that."""
    if len(lines) < 5:
        return None
    starts: Counter[int] = Counter()
    for line in lines:
        starts.update(
            {
                round(r.x)
                for k, r in enumerate(line.runs)
                if not r.blank and 0.3 < (r.x - left) / width < 0.7 and not _continues(line.runs[:k], r.x)
            }
        )
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
    ends = [r.x + r.size * _ems(r.text.rstrip()) for r in before if not r.blank]
    return bool(ends) and max(ends) > x - 0.5 * max(r.size for r in before)


def _ems(text: str) -> float:
    """A generous estimate of the width of ``text`` in ems: capitals are wide, spaces and punctuation narrow."""
    return sum(0.75 if ch.isupper() else 0.25 if ch.isspace() else 0.4 if not ch.isalnum() else 0.55 for ch in text)


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
    if _note_label(lines[start], lines[start:end]) is None and not continued:
        return end, end
    return start, end


def _note_label(line: _Line, block: list[_Line]) -> tuple[str, str] | None:
    """A footnote's number and text, when ``line`` opens a footnote: a raised number, or a plain number at the
    left edge of the block (continuation lines are indented past it)."""
    pieces = line.pieces()
    first = next((i for i, (text, _) in enumerate(pieces) if text.strip()), None)
    if first is None:
        return None
    text, marker = pieces[first]
    rest = "".join(t for t, _ in pieces[first + 1 :])
    if marker:
        return text.strip(), rest
    match = _NOTE_NUMBER.match("".join(t for t, _ in pieces[first:]))
    if match and line.x <= min(other.x for other in block) + 2:
        return match.group(1), match.group(2)
    return None


def _page(runs: list[_Run], box: tuple[float, float, float, float], body: float, continued: _Note | None) -> _Page:
    left, bottom, right, top = box
    lines = _columns(_group(runs), left, max(right - left, 1.0))
    start, end = _split_notes(lines, body, top - bottom, continued is not None)
    page = _Page()
    notes: list[_Note] = []
    for line in lines[start:end]:
        if not line.text().strip():
            continue  # all hidden
        opened = _note_label(line, lines[start:end])
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


@register("pdf", sniff=_sniff)
def read_pdf(raw: RawDraft, options: LoadOptions) -> Read:
    """A PDF with a text layer: its printed lines, page by page, with footnotes set apart."""
    with _quiet():
        reader = _open(raw)
        page_runs: list[list[_Run]] = []
        boxes: list[tuple[float, float, float, float]] = []
        failed: list[int] = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                runs = _runs(page)
                box = page.mediabox
                edges = (float(box.left), float(box.bottom), float(box.right), float(box.top))
                page_runs.append(runs)  # both or neither: a page whose media box fails after its text is read
                boxes.append(edges)  # must not leave the two lists out of step
            except Exception:  # one damaged page must not cost the others
                failed.append(number)
                page_runs.append([])
                boxes.append((0.0, 0.0, 612.0, 792.0))
    if not page_runs:
        raise LoadError(raw.source, "not a readable PDF: it has no pages", _BROKEN_HINT)
    sizes: Counter[float] = Counter()
    for runs in page_runs:
        for run in runs:
            sizes[round(run.size * 2) / 2] += len(run.text.strip())
    if not sizes or sum(sizes.values()) == 0:
        if failed and len(failed) == len(page_runs):
            raise LoadError(raw.source, "not a readable PDF: no page could be read", _BROKEN_HINT)
        raise LoadError(
            raw.source,
            "no text layer (a scanned image?)",
            "run OCR first (e.g. ocrmypdf) and pass the result",
        )
    # the body text size; at least 1 pt (a damaged or hostile file can give its text a size of 0 or less)
    body = max(sizes.most_common(1)[0][0], 1.0)
    from treatydiff.load import pdf_tables

    found, header = pdf_tables.tables(page_runs, max((right - left for left, _, right, _ in boxes), default=595.0))
    if found:  # amendment tables: two drafts (or more) in one, a column each
        lines, placed, marks, column = amendments.read_columns(found, header, options, raw.source)
        return Read(lines, placed, marks=marks, view_of=column)
    tally = _tally(page_runs)
    rule, marking = _convention(page_runs, tally)
    warnings_: list[Diagnostic] = []
    if failed:
        warnings_.append(Diagnostic(f"PDF pages that could not be read, their text is missing: {_pages(failed)}"))
    empty = [n for n, runs in enumerate(page_runs, start=1) if not runs and n not in failed]
    if empty and len(empty) < len(page_runs):
        warnings_.append(Diagnostic(f"PDF pages with no text layer (scanned?), their text is missing: {_pages(empty)}"))
    lines = _layout(_applied(page_runs, rule, options.markup), boxes, body)
    warnings_.extend(marking)
    marks = markup.describe(tally, rule)

    def view_of(view: str) -> list[SourceLine]:
        return _layout(_applied(page_runs, rule, view), boxes, body)

    return Read(lines, tuple(warnings_), marks=marks, view_of=view_of if marks else None)


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
    used: set[str] = set()

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
            label = note.label
            while label in used:
                label += "'"
            used.add(label)
            if note.label not in labels:
                labels[note.label], by_number[note.label] = label, note
            note.label = label
        anchors: dict[int, list[_Note]] = {}
        for index, line in enumerate(page.lines):
            for text, marker in line.pieces():
                found = by_number.get(text.strip()) if marker else None
                if found is not None and found.anchor < 0:
                    found.anchor = index
                    anchors.setdefault(index, []).append(found)
        gap = False
        prev: _Line | None = None  # the last line of the page put out
        for index, line in enumerate(page.lines):
            gap = gap or index in page.gaps
            text = "".join(
                f"[^{labels[t.strip()]}]" if marker and t.strip() in labels else t for t, marker in line.pieces()
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
                add(text.lstrip() if glued else text, page_break=prev is None,
                    emphasis=line.styled and len(text.strip()) < 250, glued=glued)
            prev, gap = line, False
            pending.extend(anchors.get(index, []))
        pending.extend(note for note in page.notes if note.anchor < 0)
    flush()
    return out
