"""Stage 1, load: amendment tables laid out on PDF pages, read column by column (``treatydiff.load.amendments``).

A committee's amendments are printed one after the other: "Amendment 68", its authors, "Proposal for a
regulation", the locator ("Recital 1", "Article 3 - paragraph 1 - point 44 a (new)"), then the two columns
under their headings "Text proposed by the Commission" | "Amendment", running on over pages, closed by the
language note ("Or. en") and sometimes a "Justification". Reading order would interleave the columns or read
one page's left column before its right one; here every line of the table is cut at the gutter, by position,
and each side goes to its column.

The gutter is where the right column's lines start: the leftmost start, right of the middle of the page, of
the lines below the heading. A comparison table of three or more columns is cut at the midpoints between the
centres of its headings. Running headers and footers (a line repeated on many pages, numbers aside) are left
out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from treatydiff.load import amendments
from treatydiff.load.pdf import _ems, _Line, _Run

__all__ = ["tables"]

_LANGUAGE_NOTE = re.compile(r"^Or\.\s*[a-z]{2}$", re.IGNORECASE)
_JUSTIFICATION = re.compile(r"^(?:justification|exposé des motifs|justificación|begründung|motivazione)$",
                            re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Row:
    """The runs of one printed line across the whole page (both columns), top to bottom."""

    page: int
    y: float
    runs: list[_Run]

    @property
    def text(self) -> str:
        return " ".join(" ".join(r.text.split()) for r in self.runs if not r.blank).strip()


@dataclass
class _Amendment:
    number: str
    line: int
    locator: str = ""
    fallback: str = ""  # the last short line above the table, when no locator is read
    header: list[str] = field(default_factory=list)
    heads: list[_Run] = field(default_factory=list)  # the runs of the column headings, left to right
    rows: list[_Row] = field(default_factory=list)  # the table's lines below its heading
    closed: bool = False  # past its language note or justification


def _rows(page_runs: Sequence[Sequence[_Run]]) -> list[_Row]:
    out: list[_Row] = []
    for number, runs in enumerate(page_runs):
        page: list[_Row] = []
        for run in sorted((r for r in runs if not r.blank and not r.hidden), key=lambda r: (-r.y, r.x)):
            row = next((row for row in page[-3:] if abs(row.y - run.y) <= 0.3 * run.size), None)
            if row is None:
                page.append(_Row(number, run.y, [run]))
            else:
                row.runs.append(run)
        for row in page:
            row.runs.sort(key=lambda r: r.x)
        out.extend(page)
    return out


def _furniture(rows: list[_Row], pages: int) -> set[int]:
    """The indices of the running headers and footers: among the first and last two lines of a page, those
    whose text (numbers aside) is among the first or last lines of at least a quarter of the pages."""
    edges: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        edges.setdefault(row.page, []).append(index)
    ends = {page: indices[:2] + indices[-2:] for page, indices in edges.items()}
    seen: Counter[str] = Counter()
    for indices in ends.values():
        seen.update({_DIGITS.sub("#", rows[i].text) for i in indices})
    repeated = {text for text, count in seen.items() if pages >= 4 and count >= max(3, pages // 4)}
    return {i for indices in ends.values() for i in indices if _DIGITS.sub("#", rows[i].text) in repeated}


def _heading_row(runs: Sequence[_Run]) -> bool:
    """Could a page hold a row of column headings: two runs that are column headings ("Proposal", "Amendment"),
    near enough in height to be put in one row (``_rows`` puts a run in a row within 0.3 of its size)?"""
    heads = sorted((r for r in runs if not r.blank and not r.hidden and amendments.is_heading(r.text)),
                   key=lambda r: r.y)
    # two runs of one row are within 0.6 of the larger size of each other; then so are two neighbours in height
    # within 0.6 of the largest size (a test in one pass, however many headings a page repeats)
    reach = 0.6 * max((r.size for r in heads), default=0.0)
    return any(b.y - a.y <= reach for a, b in pairwise(heads))


def tables(page_runs: Sequence[Sequence[_Run]], width: float) -> tuple[list[amendments.Table], list[str]]:
    """The amendment tables of a document, and the column headings of the first; none when it holds none.

    A table opens at "Amendment N" (its number, then its locator and the column headings), or, in a comparison
    document without numbers, at a row of column headings: the locator is then the line above it, taken back
    from the table before if that one was still open."""
    if not any(_heading_row(runs) for runs in page_runs):
        return [], []  # (not laid out in rows for nothing)
    rows = _rows(page_runs)
    furniture = _furniture(rows, len(page_runs))
    found: list[_Amendment] = []
    pending = ""  # a provision's line seen outside any table: the locator of a table that opens without a number
    for index, row in enumerate(rows):
        text = row.text
        if amendments.is_number(text):  # (never furniture, though many pages open with one)
            found.append(_Amendment(text, index + 1))
            continue
        if not text or index in furniture:
            continue
        current = found[-1] if found else None
        cells = [" ".join(r.text.split()) for r in row.runs if not r.blank]
        if amendments.is_header(cells) and (current is None or current.header):
            # a comparison table without an amendment number: the provision's own line above it places it
            locator, pending = pending, ""
            if current is not None and not current.closed and current.rows \
                    and amendments.place(current.rows[-1].text) is not None:
                locator = current.rows.pop().text
            found.append(_Amendment("", index + 1, locator=locator, header=cells,
                                    heads=[r for r in row.runs if not r.blank]))
            continue
        if current is None or current.closed:
            if amendments.place(text) is not None:
                pending = text
            continue
        if not current.header:
            if amendments.is_header(cells):
                current.header, current.heads = cells, [r for r in row.runs if not r.blank]
            elif amendments.place(text) is not None:
                current.locator = text
            elif not current.locator and len(text) < 200:
                current.fallback = text  # named in the warning if nothing places the amendment
            continue
        if _LANGUAGE_NOTE.match(text) or _JUSTIFICATION.match(text):
            current.closed = True
            continue
        current.rows.append(row)
    found = [a for a in found if a.header]
    out = [amendments.Table(a.number, a.locator or a.fallback, a.line, (_cells(a, width),)) for a in found]
    return out, (found[0].header if found else [])


def _cells(table: _Amendment, width: float) -> tuple[tuple[str, ...], ...]:
    """The columns of one table, each its paragraphs (a paragraph's printed lines joined by newlines: the
    normaliser joins them, and rejoins words hyphenated at a line end). Two columns are cut at the gutter, where
    the right column's lines start; more at the midpoints between the centres of their headings."""
    if len(table.header) <= 2:
        starts = [r.x for row in table.rows for r in row.runs if r.x > 0.45 * width]
        edges = [min(starts) - 1 if starts else width / 2]
    else:
        centres = [r.x + r.size * _ems(r.text.strip()) / 2 for r in table.heads]
        edges = sorted((a + b) / 2 for a, b in pairwise(centres))  # (in order unless headings overlap)
    columns: list[list[list[str]]] = [[] for _ in range(len(edges) + 1)]
    last: list[tuple[int, float] | None] = [None] * len(columns)
    pitch = 1.5 * max((r.size for row in table.rows for r in row.runs), default=12.0)
    for row in table.rows:
        # each run to its column by where it starts: a row of a table of many columns is not scanned once for
        # each column (a header row of thousands of cells made that quadratic)
        sides: dict[int, list[_Run]] = {}
        for r in row.runs:
            sides.setdefault(bisect_right(edges, r.x), []).append(r)
        for side, runs in sorted(sides.items()):
            text = _Line(row.y, max(r.size for r in runs), runs).text().strip()
            if not text:
                continue
            before = last[side]
            if before is None or (before[0] == row.page and before[1] - row.y > pitch):
                columns[side].append([])  # a new paragraph: the first line, or after a gap
            columns[side][-1].append(text)
            last[side] = (row.page, row.y)
    return tuple(tuple("\n".join(lines) for lines in side) for side in columns)
