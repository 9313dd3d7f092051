"""Stages 1-3 over n drafts: load each draft once, compare each consecutive pair once, chain the matches into
lineages (treatydiff history).

A lineage is the line of descent of one provision: its number in each draft and what happened to it at each
step. Chaining follows the pairwise matches exactly, so the matrix is the chained pairwise comparisons and
nothing else. Every provision of every draft lies in exactly one lineage:

- 1:1 match: the lineage goes on, the cell records the outcome of the step (unchanged, modified, renumbered,
  moved);
- added: a new lineage starts in that draft; removed: the lineage ends (a ``[deleted]`` placeholder that
  records the removal is the lineage's last cell);
- split 1 -> n: the lineage goes on into the first piece; each other piece starts a lineage branching from it
  (``parent``);
- merged n -> 1: the lineage of the first old provision goes on; the others end there, merged ``into`` it.

Survival (how much of the first draft's text is still in the last) is the share of the first draft's word
3-grams found anywhere in the last draft: cheap, order-free, and blind to renumbering.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from treatydiff.align import body_text, shingles, words
from treatydiff.compare import compare
from treatydiff.load import load
from treatydiff.model import (
    ArticleChange,
    Comparison,
    DiffOptions,
    Draft,
    FlagKind,
    LoadOptions,
    Outcome,
    Provision,
)

#: Flags that make a cell "substantive" in the matrix.
SUBSTANTIVE_FLAGS = frozenset(FlagKind)


@dataclass(frozen=True, slots=True)
class Cell:
    """One lineage in one draft. ``provision`` is None where the lineage does not exist (before it started,
    after it ended). ``outcome`` is what happened in the step INTO this draft (None in the first draft and
    where the lineage starts with the history); ``change`` is that step's ArticleChange."""

    provision: Provision | None
    outcome: Outcome | None = None
    change: ArticleChange | None = None

    @property
    def label(self) -> str:
        if self.provision is None:
            return ""
        node = self.provision.node
        name = node.label if node.kind.value == "article" else f"{node.kind.value.capitalize()} {node.label}".strip()
        return f"{name} [deleted]" if node.deleted else name

    @property
    def flags(self) -> tuple[FlagKind, ...]:
        if self.change is None:
            return ()
        return tuple(dict.fromkeys(f.kind for f in self.change.flags))

    @property
    def substantive(self) -> bool:
        """The step changed the text in substance (not unchanged, not editorial only)."""
        return (
            self.change is not None
            and self.change.outcome is not Outcome.UNCHANGED
            and not self.change.editorial_only
        )


@dataclass(frozen=True, slots=True)
class Lineage:
    """One provision's line of descent: a cell per draft. ``parent`` is the lineage it split from (with the
    draft index of the split); ``into`` the lineage it merged into (with the draft index of the merge)."""

    cells: tuple[Cell, ...]
    parent: tuple[int, int] | None = None
    into: tuple[int, int] | None = None

    @property
    def first(self) -> int:
        return next(i for i, c in enumerate(self.cells) if c.provision is not None)

    @property
    def last(self) -> int:
        return max(i for i, c in enumerate(self.cells) if c.provision is not None)

    @property
    def title(self) -> str:
        """The provision's latest title."""
        for cell in reversed(self.cells):
            if cell.provision is not None and cell.provision.node.title:
                return cell.provision.node.title
        return ""

    def touched(self) -> int:
        """In how many steps the lineage's text changed (outcome other than unchanged)."""
        return sum(1 for c in self.cells if c.change is not None and c.change.outcome is not Outcome.UNCHANGED)


@dataclass(frozen=True, slots=True)
class Step:
    """What changed from draft ``index - 1`` to draft ``index``: the comparison and its share of text changed."""

    index: int
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class History:
    drafts: tuple[Draft, ...]
    steps: tuple[Step, ...]
    lineages: tuple[Lineage, ...]
    survival: float  # share of the first draft's word 3-grams found in the last draft (0-1)


def load_drafts(
    sources: Sequence[str | Path], options: LoadOptions = LoadOptions(), *, jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Draft, ...]:
    """Load each draft once; in parallel processes when there are several drafts and more than one core."""
    workers = min(len(sources), jobs if jobs is not None else (os.cpu_count() or 1))
    if workers <= 1 or len(sources) < 3:
        drafts = []
        for source in sources:
            drafts.append(load(source, options))
            if progress:
                progress(1)
        return tuple(drafts)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(load, source, options) for source in sources]
        out = []
        for future in futures:
            out.append(future.result())  # a LoadError in a worker is raised here, with its file and line
            if progress:
                progress(1)
        return tuple(out)


def history(
    drafts: Sequence[Draft], options: DiffOptions = DiffOptions(), *, progress: Callable[[int], None] | None = None
) -> History:
    """Compare each consecutive pair once and chain the matches into lineages."""
    if len(drafts) < 2:
        raise ValueError("a history needs at least two drafts")
    steps = []
    for index in range(1, len(drafts)):
        steps.append(Step(index, compare(drafts[index - 1], drafts[index], options)))
        if progress:
            progress(1)
    return History(tuple(drafts), tuple(steps), chain(list(drafts), [s.comparison for s in steps]),
                   survival(drafts[0], drafts[-1]))


def chain(drafts: list[Draft], comparisons: list[Comparison]) -> tuple[Lineage, ...]:
    """Lineages from the pairwise comparisons ``drafts[i] -> drafts[i + 1]``."""
    n = len(drafts)
    cells: list[list[Cell]] = []
    parents: dict[int, tuple[int, int]] = {}
    intos: dict[int, tuple[int, int]] = {}
    where: dict[int, int] = {}  # id(node) of a provision in the current draft -> lineage index

    def start(at: int, cell: Cell) -> int:
        cells.append([Cell(None)] * n)
        cells[-1][at] = cell
        return len(cells) - 1

    for provision in drafts[0].provisions():
        where[id(provision.node)] = start(0, Cell(provision))
    for step, comparison in enumerate(comparisons, start=1):
        nxt: dict[int, int] = {}
        for change in comparison.changes:
            old, new = change.match.old, change.match.new
            outcome = change.outcome
            lineages = [where[id(p.node)] for p in old]
            if not old:
                for p in new:
                    nxt[id(p.node)] = start(step, Cell(p, outcome, change))
                continue
            if not new:
                continue  # removed: the lineage ends in the previous draft
            head = lineages[0]
            cells[head][step] = Cell(new[0], outcome, change)
            nxt[id(new[0].node)] = head
            for p in new[1:]:  # the other pieces of a split
                index = start(step, Cell(p, outcome, change))
                parents[index] = (head, step)
                nxt[id(p.node)] = index
            for other in lineages[1:]:  # the other parts of a merge
                intos[other] = (head, step)
        where = nxt
    return tuple(Lineage(tuple(c), parents.get(i), intos.get(i)) for i, c in enumerate(cells))


def survival(first: Draft, last: Draft) -> float:
    """Share of the first draft's word 3-grams found anywhere in the last draft."""
    old = frozenset().union(*(shingles(words(body_text(p))) for p in first.provisions()))
    new = frozenset().union(*(shingles(words(body_text(p))) for p in last.provisions()))
    return len(old & new) / len(old) if old else 1.0
