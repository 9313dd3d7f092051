"""Stage 4, render: the change report as a Word document (.docx): the new draft with tracked changes.

Drafters live in Word, and Word's own Compare is what they use today; this writes what it would, from what the
earlier stages found. The file holds a first page with the summary (articles per outcome, words, the legal-meaning
flags table) and a page break, then every provision of the comparison in the order of the new draft: its heading as
a Word heading (``Heading 1`` for the divisions above it, ``Heading 2`` for the article, annex or preamble), its
paragraphs with the word-level edits as tracked changes (``w:ins``/``w:del``, author ``treatydiff``), removed
provisions as deleted paragraphs and added ones as inserted paragraphs. "Accept all" gives the new draft's words,
"reject all" the old draft's, paragraph by paragraph and in each draft's own order.

Moves are written as a deletion where the provision (or paragraph) stood and an insertion where it stands now, not
as ``w:moveFrom``/``w:moveTo``: Word wants each move wrapped in named ``w:moveFromRangeStart``/``End`` and
``w:moveToRangeStart``/``End`` pairs and no Word was at hand to check such a file; a deletion and an insertion give
the same texts on accept and reject, and LibreOffice (7.4, measured) pairs a deleted and an inserted run of the same
words as a move by itself when it opens the file. What stays and what moved is the longest run in the
order of both drafts (``place``); a moved paragraph loses its word-level redline, as in Word's Compare.

Flags of ``min_severity`` or more are Word comments anchored on the edit they flag (``_anchor``: the edit of the
flag's paragraph that holds its words, else that paragraph's first edit, else the provision's heading), saying the
kind, the severity and the old → new words.

Tracked changes and comments carry ``RenderOptions.date`` (ISO 8601; the CLI gives ``SOURCE_DATE_EPOCH`` when it is
set, else the time of the run); without one they carry no date. Either way the same comparison and date give the
same bytes (the zip entries have a fixed time). The XML is written here with ``zipfile``:
python-docx cannot write tracked changes.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar
from xml.sax.saxutils import escape, quoteattr

from rich.console import Console

from treatydiff.model import (
    ArticleChange,
    Comparison,
    DivisionChange,
    Flag,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
)
from treatydiff.render import COMPARE, report
from treatydiff.render.report import TITLE_LABEL
from treatydiff.sequence import longest_increasing

#: Who the tracked changes and comments are by.
AUTHOR = "treatydiff"
#: The time of every zip entry (the zip format's epoch): the same comparison gives the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Characters XML 1.0 cannot hold (a PDF's form feed, stray controls); whitespace runs become one space.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


class View(Enum):
    """Which sides of a provision or paragraph one place of the document shows: both (the redline where it
    stands in both drafts), only the old (deleted where it stood, when it moved or went) or only the new
    (inserted where it stands, when it moved or came)."""

    BOTH = "both"
    OLD = "old"
    NEW = "new"


#: A run of text: what it is (kept, inserted, deleted) and the comment anchor it carries (a key of ``_Doc.anchors``).
Segment = tuple[Op, str, object]


@COMPARE.register("docx")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> bytes:
    """The .docx file's bytes. The console is not used."""
    doc = _Doc(options)
    _summary(doc, comparison, options)
    if not options.summary_only:
        _body(doc, comparison, options)
    return _package(doc, _core(f"Changes: {comparison.old.label} → {comparison.new.label}", options.date))


# --- the document being written (one per call) ---------------------------------------------------------------


@dataclass
class _Doc:
    options: RenderOptions
    parts: list[str] = field(default_factory=list)  # the body's XML, paragraph by paragraph
    comments: list[str] = field(default_factory=list)  # comments.xml's entries
    #: comment ids by where they go: (index of the change, key of the edit, paragraph or heading)
    anchors: dict[tuple[int, object], list[int]] = field(default_factory=dict)
    _next_id: int = 1

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def stamp(self) -> str:
        """``w:author`` and ``w:date`` of a tracked change or comment."""
        date = f" w:date={quoteattr(self.options.date)}" if self.options.date else ""
        return f'w:author="{AUTHOR}"{date}'

    def comment(self, flag: Flag) -> int:
        number = len(self.comments)
        detail = report.flag_detail(flag)
        text = f"{flag.kind.value} ({flag.level.value}): {report.flag_phrase(flag)}{detail}"
        self.comments.append(f'<w:comment w:id="{number}" {self.stamp()} w:initials="td"><w:p><w:pPr>'
                             f'<w:pStyle w:val="CommentText"/></w:pPr>{_run(text)}</w:p></w:comment>')
        return number

    def paragraph(self, segments: Sequence[Segment], style: str = "", *, whole: object = None,
                  scope: int | None = None, words: str | None = None) -> bool:
        """One paragraph of runs; its mark is tracked as inserted when it holds no old words, as deleted when it
        holds no new ones, so that accepting or rejecting leaves no empty paragraph behind. ``scope``: the change
        whose comments (``anchors``, keyed ``(scope, key)``) this paragraph carries, if any; ``whole``: the key of
        those that span the whole paragraph. ``words``: what tells the paragraph's direction (a heading's title,
        not the "Article" before it); all its text by default. Returns whether a paragraph was written (not for
        one without words)."""
        segments = [s for s in segments if s[1]]
        if not segments:
            return False
        old = any(op is not Op.INSERT for op, _, _ in segments)
        new = any(op is not Op.DELETE for op, _, _ in segments)
        mark = "" if old and new else (f'<w:ins w:id="{self.new_id()}" {self.stamp()}/>' if new else
                                       f'<w:del w:id="{self.new_id()}" {self.stamp()}/>')
        text = "".join(t for _, t, _ in segments)
        rtl = _right_to_left(text if words is None else words)
        props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:bidi/>" if rtl else "")
        props += f"<w:rPr>{mark}</w:rPr>" if mark else ""
        body = "".join(self._anchored(self._segment(op, t), scope, key) for op, t, key in segments)
        body = self._anchored(body, scope, whole)
        self.parts.append(f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>")
        return True

    def _segment(self, op: Op, text: str) -> str:
        if op is Op.EQUAL:
            return _run(text)
        if op is Op.INSERT:
            return f'<w:ins w:id="{self.new_id()}" {self.stamp()}>{_run(text)}</w:ins>'
        return f'<w:del w:id="{self.new_id()}" {self.stamp()}>{_run(text, deleted=True)}</w:del>'

    def _anchored(self, xml: str, scope: int | None, key: object) -> str:
        """``xml`` inside the range of every comment of change ``scope`` anchored on ``key``."""
        if key is None or scope is None:
            return xml
        for number in self.anchors.pop((scope, key), []):
            xml = (f'<w:commentRangeStart w:id="{number}"/>{xml}<w:commentRangeEnd w:id="{number}"/>'
                   f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                   f'<w:commentReference w:id="{number}"/></w:r>')
        return xml


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _NOT_XML.sub("", text))


def _run(text: str, *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{escape(_clean(text))}</{tag}></w:r>'


def _right_to_left(text: str) -> bool:
    """The paragraph reads right to left: its first strong character does (as HTML's ``dir="auto"``)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# --- the first page ------------------------------------------------------------------------------------------


def _summary(doc: _Doc, comparison: Comparison, options: RenderOptions) -> None:
    old, new = comparison.old, comparison.new
    doc.paragraph([(Op.EQUAL, f"{old.label} → {new.label}", None)], "Title")
    doc.paragraph([(Op.EQUAL, f"Compared {old.source} ({old.format}) with {new.source} ({new.format}). "
                    f"The text after this page is {new.label} with the changes from {old.label} tracked: "
                    f"accept all to get {new.label}, reject all to get {old.label}.", None)])
    for warning in comparison.warnings:
        doc.paragraph([(Op.EQUAL, f"Warning: {warning}", None)])
    doc.paragraph([(Op.EQUAL, "Summary", None)], "Heading1")
    doc.parts.append(_table(["outcome", "articles"], [[row.label, row.value] for row in
                                                      report.summary_rows(comparison)], [3600, 1400]))
    doc.paragraph([(Op.EQUAL, report.LEAD_TITLE, None)], "Heading1")
    rows = [[report.numbers(row.change), row.flag.level.value,
             f"{row.flag.kind.value}: {report.brief_phrase(row.flag)}", str(row.count)]
            for row in report.lead_rows(comparison, options)]
    if rows:
        doc.parts.append(_table(["article", "severity", "most severe flag", "flags"], rows, [2200, 1100, 5000, 700]))
    else:
        doc.paragraph([(Op.EQUAL, f"None flagged (severity {options.min_severity} or more).", None)])
    if not options.summary_only:
        doc.parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')


def _table(header: list[str], rows: list[list[str]], widths: list[int]) -> str:
    """A table with a header row that repeats on each page; ``widths`` in twentieths of a point."""

    def row(cells: list[str], head: bool) -> str:
        props = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        bold = "<w:rPr><w:b/></w:rPr>" if head else ""
        return f"<w:tr>{props}" + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>'
            f'</w:pPr><w:r>{bold}<w:t xml:space="preserve">{escape(_clean(c))}</w:t></w:r></w:p></w:tc>'
            for c, width in zip(cells, widths, strict=True)) + "</w:tr>"

    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{row(header, True)}{''.join(row(r, False) for r in rows)}</w:tbl>")


# --- the drafts' text ------------------------------------------------------------------------------------------

T = TypeVar("T")


def place(items: Sequence[T], old_key: Callable[[T], tuple[int, ...] | None],
          has_new: Callable[[T], bool]) -> list[tuple[T, View]]:
    """Where each item (a provision's change, a paragraph) goes in a document that reads as the new draft when
    its changes are accepted and as the old one when they are rejected. Items in both drafts that keep their
    order (the longest run increasing in ``old_key``) stay where they are (``View.BOTH``); the others are shown
    twice, inserted where they are in the new draft (``View.NEW``) and deleted where they stood in the old
    (``View.OLD``), as are items of one draft only. Deleted ones come right after the item that precedes them
    in the old draft, before the insertions there."""
    both = [k for k, item in enumerate(items) if old_key(item) is not None and has_new(item)]
    stay = {both[k] for k in longest_increasing([old_key(items[k]) or () for k in both])}
    gone = sorted(((old_key(item) or (), k) for k, item in enumerate(items)
                   if old_key(item) is not None and k not in stay))
    stays = [k for k in range(len(items)) if k in stay]
    out: list[tuple[T, View]] = []

    def flush(limit: tuple[int, ...] | None) -> None:
        while gone and (limit is None or gone[0][0] < limit):
            out.append((items[gone.pop(0)[1]], View.OLD))

    flush(old_key(items[stays[0]]) if stays else None)
    following = iter(stays[1:])
    for k, item in enumerate(items):
        if k in stay:
            out.append((item, View.BOTH))
            after = next(following, None)
            flush(old_key(items[after]) if after is not None else None)
        elif has_new(item):
            out.append((item, View.NEW))
    flush(None)
    return out


@dataclass(frozen=True, slots=True)
class _Item:
    """One paragraph of the document's body before it is placed: a provision's heading (``paragraph`` None; ``group``
    the new provision of a split it heads) or one of its paragraphs."""

    change: int  # index in ``Comparison.changes``
    group: int
    paragraph: int | None
    old_key: tuple[int, ...] | None
    has_new: bool


def _items(changes: Sequence[ArticleChange]) -> list[_Item]:
    """Every heading and paragraph in the order of the new draft (those of the old draft only where they stood),
    each with where it stood in the old draft: its line there, then its place here (two units of one line keep
    their order). The changes come in the order of the new draft, but the provisions of a split need not stand
    together in it: the items of the new draft are put in the order of their lines there."""
    items: list[_Item] = []
    new_lines: list[int] = []  # for each item, its line in the new draft (0: it is not there)
    for c, change in enumerate(changes):
        for k, members in _by_provision(change):
            # a heading stands where its provision began: at its own line, or at the first of its words that the
            # draft prints above it (a preamble's opening lines before the word "Preamble")
            lines = [change.paragraphs[i].old_line for i in members
                     if change.paragraphs[i].outcome is not Outcome.ADDED]
            begins = min([change.match.old[0].node.line, *lines]) if change.match.old else 0
            old = (begins, len(items)) if change.match.old and k == 0 else None
            items.append(_Item(c, k, None, old, bool(change.match.new)))
            starts = [change.paragraphs[i].new_line for i in members if change.paragraphs[i].new_line]
            new_lines.append(min([change.match.new[k].node.line, *starts]) if change.match.new else 0)
            for i in members:
                paragraph = change.paragraphs[i]
                if TITLE_LABEL in (paragraph.old_label, paragraph.new_label):
                    continue  # a title is in its heading
                old = None if paragraph.outcome is Outcome.ADDED else (paragraph.old_line, len(items))
                items.append(_Item(c, k, i, old, paragraph.outcome is not Outcome.REMOVED))
                new_lines.append(paragraph.new_line)
    if not all(line for item, line in zip(items, new_lines, strict=True) if item.has_new):
        return items  # a reader that gives no lines: the order of the changes is the best there is
    order = sorted(range(len(items)), key=lambda n: (new_lines[n], n) if items[n].has_new else (0, n))
    return [items[n] for n in order]


def _body(doc: _Doc, comparison: Comparison, options: RenderOptions) -> None:
    """The drafts' text after the first page. One placement for the whole text (``place``), so that what moved
    between articles, and the articles of a merge that stood apart, are deleted where they stood in the old draft
    and rejecting all gives its order back."""
    changes = comparison.changes
    if not changes:
        doc.paragraph([(Op.EQUAL, "No articles.", None)])
        return
    for c, change in enumerate(changes):
        for flag in report.shown_flags(change, options):
            doc.anchors.setdefault((c, _anchor(flag, list(change.paragraphs))), []).append(doc.comment(flag))
    divisions = {d.new: d for d in comparison.divisions if d.new}
    path: tuple[str, ...] = ()
    last: dict[int, int] = {}  # the last paragraph written for each change, by index in ``doc.parts``
    for item, view in place(_items(changes), lambda item: item.old_key, lambda item: item.has_new):
        change = changes[item.change]
        # comments go where the new text is (on a removal, where the old one was)
        commented = view is not View.OLD or not item.has_new
        if item.paragraph is None:
            if view is not View.OLD:
                path = _divisions(doc, change.match.new[item.group].path, path, divisions)
            members = [i for k, group in _by_provision(change) if k == item.group for i in group]
            titles = [_edits(change.paragraphs[i], i) for i in members
                      if TITLE_LABEL in (change.paragraphs[i].new_label, change.paragraphs[i].old_label)]
            segments = _view(_join([_name(change, item.group, view), *titles], " — "), view)
            whole: object = "heading" if item.group == 0 else None
            written = doc.paragraph(segments, "Heading2", whole=whole, scope=item.change if commented else None,
                                    words="".join(text for title in titles for _, text, _ in title) or None)
        else:
            paragraph = change.paragraphs[item.paragraph]
            segments = _view(_join([_label(paragraph), _edits(paragraph, item.paragraph)], " "), view)
            written = doc.paragraph(segments, whole=(item.paragraph, None),
                                    scope=item.change if commented else None)
        if written:
            last[item.change] = len(doc.parts) - 1
    # comments anchored on what no place shows (a heading without words): at the end of the provision's last
    # paragraph
    for (c, _), ids in sorted(doc.anchors.items(), key=lambda entry: str(entry[0])):
        rest = "".join(f'<w:commentRangeStart w:id="{n}"/><w:commentRangeEnd w:id="{n}"/>'
                       f'<w:r><w:commentReference w:id="{n}"/></w:r>' for n in ids)
        if c in last:
            doc.parts[last[c]] = doc.parts[last[c]][: -len("</w:p>")] + rest + "</w:p>"
        else:
            doc.parts.append(f"<w:p>{rest}</w:p>")
    doc.anchors = {}


def _divisions(doc: _Doc, path: tuple[str, ...], shown: tuple[str, ...],
               divisions: dict[str, DivisionChange]) -> tuple[str, ...]:
    """A ``Heading 1`` for each division above a provision that the one before was not in: as the new draft
    names it, with its title's redline where the heading changed."""
    for depth, heading in enumerate(path):
        if shown[: depth + 1] == path[: depth + 1]:
            continue
        change = divisions.get(heading)
        if change is not None and change.old and change.edits:
            old_name, new_name = change.old.split(" — ")[0], change.new.split(" — ")[0]
            name: list[Segment] = ([(Op.EQUAL, new_name, None)] if old_name == new_name else
                                   [(Op.DELETE, old_name, None), (Op.INSERT, new_name, None)])
            title: list[Segment] = [(e.op, e.text, None) for e in change.edits]
            doc.paragraph(_join([name, title], " — "), "Heading1", words=change.new.partition(" — ")[2] or None)
        else:
            doc.paragraph([(Op.EQUAL, heading, None)], "Heading1", words=heading.partition(" — ")[2] or None)
    return path


def _by_provision(change: ArticleChange) -> Iterator[tuple[int, list[int]]]:
    """The change's paragraphs (by index) grouped under the new provision they stand in (a split has several;
    paragraphs of the old draft only stay with the group they stand in), or all in one group for a removal."""
    starts = [p.node.line for p in change.match.new[1:]]
    groups: list[list[int]] = [[] for _ in range(len(starts) + 1)]
    k = 0
    for i, paragraph in enumerate(change.paragraphs):
        while k < len(starts) and paragraph.new_line and paragraph.new_line >= starts[k]:
            k += 1
        groups[k].append(i)
    yield from enumerate(groups)


def _long(provisions: Sequence[Provision]) -> str:
    return " + ".join(re.sub(r"^Art\. ", "Article ", report.ref_name(p)) for p in provisions)


def _name(change: ArticleChange, k: int, view: View) -> list[Segment]:
    """The provision's number in its heading: ``Article 5`` → ``Article 6`` as a deletion and an insertion."""
    old = _long(change.match.old)
    new = _long(change.match.new[k : k + 1])
    if k or not old:
        return [(Op.INSERT, new, None)]
    if not new:
        return [(Op.DELETE, old, None)]
    if view is View.BOTH and old == new:
        return [(Op.EQUAL, new, None)]
    return [(Op.DELETE, old, None), (Op.INSERT, new, None)]


def _label(paragraph: ParagraphChange) -> list[Segment]:
    old, new = _clean(paragraph.old_label).strip(), _clean(paragraph.new_label).strip()
    if old == new:
        return [(Op.EQUAL, new, None)]
    return [(Op.DELETE, old, None), (Op.INSERT, new, None)]


def _edits(paragraph: ParagraphChange, index: int) -> list[Segment]:
    segments: list[Segment] = [(e.op, e.text, (index, k)) for k, e in enumerate(paragraph.edits)]
    # the first and last words of each side without the space around them, so the label's space is the only one
    while segments and not segments[0][1].strip():
        segments.pop(0)
    while segments and not segments[-1][1].strip():
        segments.pop()
    if segments:
        op, text, key = segments[0]
        segments[0] = (op, text.lstrip(), key)
        op, text, key = segments[-1]
        segments[-1] = (op, text.rstrip(), key)
    return segments


def _join(parts: Sequence[Sequence[Segment]], separator: str) -> list[Segment]:
    """The parts one after the other with ``separator`` before each part that has words on a side after an earlier
    part with words on that side: kept where both sides have it, inserted or deleted where one has."""
    out: list[Segment] = []
    seen_old = seen_new = False
    for part in parts:
        old = any(op is not Op.INSERT and text.strip() for op, text, _ in part)
        new = any(op is not Op.DELETE and text.strip() for op, text, _ in part)
        on_old, on_new = old and seen_old, new and seen_new
        if on_old or on_new:
            out.append((Op.EQUAL if on_old and on_new else (Op.DELETE if on_old else Op.INSERT), separator, None))
        out.extend(part)
        seen_old, seen_new = seen_old or old, seen_new or new
    return out


def _view(segments: list[Segment], view: View) -> list[Segment]:
    """The segments as ``view`` shows them: all of the old side deleted, or all of the new side inserted."""
    if view is View.BOTH:
        return segments
    if view is View.OLD:
        return [(Op.DELETE, text, key) for op, text, key in segments if op is not Op.INSERT]
    return [(Op.INSERT, text, key) for op, text, key in segments if op is not Op.DELETE]


def _anchor(flag: Flag, paragraphs: list[ParagraphChange]) -> object:
    """Where a flag's comment goes: on the edit of its paragraph that holds its words (the first edit there when
    none does), else on that paragraph, else on the provision's heading."""
    named = [i for i, p in enumerate(paragraphs) if flag.paragraph and flag.paragraph in (p.new_label, p.old_label)]
    changed = [i for i, p in enumerate(paragraphs) if any(e.op is not Op.EQUAL for e in p.edits)]
    candidates = [i for i in named if i in changed] or named or changed
    wanted = {Op.INSERT: set(flag.new_text.split()), Op.DELETE: set(flag.old_text.split())}
    for i in candidates:
        for k, edit in enumerate(paragraphs[i].edits):
            if edit.op is not Op.EQUAL and wanted[edit.op] & set(edit.text.split()):
                return (i, k)
    for i in candidates:
        for k, edit in enumerate(paragraphs[i].edits):
            if edit.op is not Op.EQUAL and edit.text.strip():
                return (i, k)
    return (candidates[0], None) if candidates else "heading"


# --- the package -------------------------------------------------------------------------------------------------

_OFFICE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: The parts of word/ besides the document, with their content types.
_PARTS = {"styles": f"{_OFFICE}.styles+xml", "settings": f"{_OFFICE}.settings+xml",
          "comments": f"{_OFFICE}.comments+xml"}

_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_OFFICE}.document.main+xml"/>'
    + "".join(f'<Override PartName="/word/{name}.xml" ContentType="{kind}"/>' for name, kind in _PARTS.items())
    + '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + "</Types>"
)
_PACKAGE_RELS = (
    f'{_XML}<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIP}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_PACKAGE}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)


def _core(title: str, date: str) -> str:
    """The document's properties (``docProps/core.xml``): its title, "treatydiff" as its author, and the date of its
    changes where there is one, so that Word's File > Info says what the file is."""
    when = "".join(f'<dcterms:{field} xsi:type="dcterms:W3CDTF">{escape(date)}</dcterms:{field}>'
                   for field in ("created", "modified") if date)
    return (f'{_XML}<cp:coreProperties xmlns:cp="{_PACKAGE}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(_clean(title))}</dc:title><dc:creator>{AUTHOR}</dc:creator>{when}"
            "</cp:coreProperties>")
_DOCUMENT_RELS = (
    f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + "".join(f'<Relationship Id="rId{n}" Type="{_RELATIONSHIP}/{name}" Target="{name}.xml"/>'
              for n, name in enumerate(_PARTS, 1))
    + "</Relationships>"
)

# trackRevisions: what the reader edits next is tracked too, as in a document under negotiation.
_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{_W}"><w:trackRevisions/><w:defaultTabStop w:val="720"/></w:settings>"""


def _style(kind: str, ident: str, name: str, body: str, *, based: str = "Normal", extra: str = "") -> str:
    base = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="{kind}" w:styleId="{ident}"><w:name w:val="{name}"/>{base}{extra}'
            f"{body}</w:style>")


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" '
    'w:eastAsia="Noto Sans CJK SC" w:cs="Liberation Serif"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
    '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _style("paragraph", "Title", "Title", '<w:pPr><w:spacing w:after="240"/></w:pPr>'
             '<w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>',
             extra='<w:next w:val="Normal"/><w:qFormat/>')
    + _style("paragraph", "Heading1", "heading 1", '<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/>'
             '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr>',
             extra='<w:next w:val="Normal"/><w:qFormat/>')
    + _style("paragraph", "Heading2", "heading 2", '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>'
             '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
             extra='<w:next w:val="Normal"/><w:qFormat/>')
    + _style("paragraph", "CommentText", "annotation text", '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>')
    + _style("character", "CommentReference", "annotation reference",
             '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>', based="")
    + _style("table", "TableGrid", "Table Grid", '<w:tblPr><w:tblBorders>'
             + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                       for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
             "</w:tblCellMar></w:tblPr>", based="")
    + "</w:styles>"
)


def _package(doc: _Doc, core: str) -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}" '
                f'xmlns:r="{_R}"><w:body>{"".join(doc.parts)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
                'w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{_W}">'
                f'{"".join(doc.comments)}</w:comments>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
                           ("word/document.xml", document), ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
                           ("word/styles.xml", _STYLES), ("word/settings.xml", _SETTINGS),
                           ("word/comments.xml", comments), ("docProps/core.xml", core)):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
