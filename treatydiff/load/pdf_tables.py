"""Stage 1, load: amendment tables laid out on PDF pages, read column by column (``treatydiff.load.amendments``).

A committee's amendments are printed one after the other: "Amendment 68", its authors, "Proposal for a
regulation", the locator ("Recital 1", "Article 3 - paragraph 1 - point 44 a (new)"), then the two columns
under their headings "Text proposed by the Commission" | "Amendment", running on over pages, closed by the
language note ("Or. en") and sometimes a "Justification". Reading order would interleave the columns or read
one page's left column before its right one; here every line of the table is cut at the gutter, by position,
and each side goes to its column.

The gutter is where the right column's lines start: the leftmost start, right of the middle of the page, of
the lines below the heading. Running headers and footers (a line repeated on many pages, numbers aside) are
left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from treatydiff.load import amendments
from treatydiff.load.pdf import _Line, _Run

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


def tables(page_runs: Sequence[Sequence[_Run]], width: float) -> tuple[list[amendments.Table], list[str]]:
    """The amendment tables of a document, and the column headings of the first; none when it holds none."""
    rows = _rows(page_runs)
    furniture = _furniture(rows, len(page_runs))
    found: list[_Amendment] = []
    for index, row in enumerate(rows):
        text = row.text
        if amendments.is_number(text):  # (never furniture, though many pages open with one)
            found.append(_Amendment(text, index + 1))
            continue
        if not text or index in furniture:
            continue
        current = found[-1] if found else None
        if current is None or current.closed:
            continue
        if not current.header:
            cells = [" ".join(r.text.split()) for r in row.runs if not r.blank]
            if amendments.is_header(cells):
                current.header = cells
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
    out = [amendments.Table(a.number, a.locator or a.fallback, a.line, (_columns(a.rows, width),)) for a in found]
    return out, (found[0].header if found else [])


def _columns(rows: list[_Row], width: float) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The two columns of one table: each its paragraphs, a paragraph's printed lines joined by newlines (the
    normaliser joins them, and rejoins words hyphenated at a line end)."""
    starts = [r.x for row in rows for r in row.runs if r.x > 0.45 * width]
    edge = min(starts) - 1 if starts else width / 2
    columns: list[list[list[str]]] = [[], []]
    last: list[tuple[int, float] | None] = [None, None]
    pitch = 1.5 * max((r.size for row in rows for r in row.runs), default=12.0)
    for row in rows:
        for side in (0, 1):
            runs = [r for r in row.runs if (r.x >= edge) == bool(side)]
            if not runs:
                continue
            text = _Line(row.y, max(r.size for r in runs), runs).text().strip()
            if not text:
                continue
            before = last[side]
            if before is None or (before[0] == row.page and before[1] - row.y > pitch):
                columns[side].append([])  # a new paragraph: the first line, or after a gap
            columns[side][-1].append(text)
            last[side] = (row.page, row.y)
    left, right = (tuple("\n".join(lines) for lines in side) for side in columns)
    return left, right
