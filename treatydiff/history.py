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

Lineages are listed in document order: those of the first draft as it runs, and each lineage that starts
later (an addition, a piece of a split) right after the lineage of the provision before it in its draft, so
that 4a, 4b and 4c stand under 4 and not at the bottom of the matrix.

Survival (how much of the first draft's text is still in the last) is the share of the first draft's word
3-grams found anywhere in the last draft: cheap, order-free, and blind to renumbering.

``select`` keeps the lineages a user asked about (``--article``): those whose provision in ANY draft matches,
with each step's comparison cut down to their changes (totals counted again, as ``treatydiff.select`` does).
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

from treatydiff import fork, transfer
from treatydiff.align import body_text, text_shingles
from treatydiff.compare import compare, totals
from treatydiff.errors import TreatydiffError
from treatydiff.load import load, load_two
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
from treatydiff.select import article_matches

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
    draft index of the split); ``into`` the lineage it merged into (with the draft index of the merge).
    ``ended`` is the change that ended it in the draft after its last one: its removal, or the merge into
    another lineage (None while it lives on to the last draft)."""

    cells: tuple[Cell, ...]
    parent: tuple[int, int] | None = None
    into: tuple[int, int] | None = None
    ended: ArticleChange | None = None

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
        """In how many steps something happened to the lineage (an outcome other than unchanged: a renumbering
        counts; ``Cell.substantive`` tells whether the text changed in substance)."""
        return sum(1 for c in self.cells if c.change is not None and c.change.outcome is not Outcome.UNCHANGED)


@dataclass(frozen=True, slots=True)
class Step:
    """What changed from draft ``index - 1`` to draft ``index``: the comparison (its totals hold the share of
    text changed)."""

    index: int
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class History:
    """n drafts, the n - 1 steps between them, and the lineages. ``selection`` holds the ``--article``
    selectors that chose the lineages (empty: every lineage); ``survival`` is of the whole text either way."""

    drafts: tuple[Draft, ...]
    steps: tuple[Step, ...]
    lineages: tuple[Lineage, ...]
    survival: float  # share of the first draft's word 3-grams found in the last draft (0-1)
    selection: tuple[str, ...] = ()


def load_drafts(
    sources: Sequence[str | Path], options: LoadOptions = LoadOptions(), *, jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Draft, ...]:
    """Load each draft once; in parallel processes when there are several drafts and more than one core.
    Standard input (``-``) is read here, never in a worker (workers have no standard input). A bad draft
    raises its ``LoadError`` (the first bad one in the order given)."""
    workers = min(len(sources), fork.processes(jobs))
    if len(sources) == 2:  # (a pair: at once where both files are large, as ``compare`` reads it)
        tick = progress
        return load_two(sources[0], sources[1], options, jobs=workers,
                        loaded=None if tick is None else lambda draft: tick(1))
    if workers <= 1 or len(sources) < 3:
        drafts = []
        for source in sources:
            drafts.append(load(source, options))
            if progress:
                progress(1)
        return tuple(drafts)
    out: list[Draft | None] = [None] * len(sources)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            i: pool.submit(_load_in_worker, source, options) for i, source in enumerate(sources) if str(source) != "-"
        }
        try:
            for i, source in enumerate(sources):
                result = futures[i].result() if i in futures else load(source, options)
                if isinstance(result, TreatydiffError):
                    raise result
                out[i] = result
                if progress:
                    progress(1)
        except BaseException:
            # cancel what has not started; wait for what has (a load each), so that no worker outlives the call
            # (a second shutdown, the one of ``with``, would not wait: the first one let go of the pool)
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return tuple(d for d in out if d is not None)


def _load_in_worker(source: str | Path, options: LoadOptions) -> Draft | TreatydiffError:
    """The draft, or the error that a bad one raised (returned, not raised: a raised error would come back as a
    broken worker, ``BrokenProcessPool``, not as the bad file; it travels as itself, ``TreatydiffError.__reduce__``)."""
    try:
        return load(source, options)
    except TreatydiffError as exc:
        return exc


def history(
    drafts: Sequence[Draft], options: DiffOptions = DiffOptions(), *, jobs: int | None = 1,
    progress: Callable[[int], None] | None = None,
) -> History:
    """Compare each consecutive pair once and chain the matches into lineages. ``jobs``: processes to compare
    in (None: one per core); with 1, or fewer than three drafts, every pair is compared in this process. The
    History is the same either way."""
    if len(drafts) < 2:
        raise ValueError("a history needs at least two drafts")
    workers = _workers(len(drafts), jobs)
    if workers > 1:
        return _in_pool(drafts, LoadOptions(), options, workers, progress)
    comparisons = []
    for index in range(1, len(drafts)):
        comparisons.append(compare(drafts[index - 1], drafts[index], options))
        if progress:
            progress(1)
    return _assemble(tuple(drafts), comparisons, survival(drafts[0], drafts[-1]))


def load_history(
    sources: Sequence[str | Path], load_options: LoadOptions = LoadOptions(), options: DiffOptions = DiffOptions(),
    *, jobs: int | None = None, progress: Callable[[int], None] | None = None,
) -> History:
    """``history(load_drafts(sources, load_options), options)`` in one pool of ``jobs`` processes (None: one per
    core; 1: all in this process): each pair is compared as soon as its two drafts are loaded, by whichever
    process is free. The same History as with ``jobs=1``; ``progress`` advances once per draft loaded and once
    per pair compared. A bad draft raises its ``LoadError`` (the first bad one in the order given)."""
    if len(sources) < 2:
        raise ValueError("a history needs at least two drafts")
    workers = _workers(len(sources), jobs)
    if workers <= 1:
        return history(load_drafts(sources, load_options, jobs=1, progress=progress), options, progress=progress)
    return _in_pool(sources, load_options, options, workers, progress)


def _assemble(drafts: tuple[Draft, ...], comparisons: Sequence[Comparison], survived: float) -> History:
    steps = tuple(Step(index, comparison) for index, comparison in enumerate(comparisons, start=1))
    return History(drafts, steps, chain(list(drafts), list(comparisons)), survived)


def _workers(drafts: int, jobs: int | None) -> int:
    """Processes worth starting for ``drafts`` drafts: none (1) for a single pair, whose two loads and one
    comparison gain less from a second process than starting it costs."""
    return 1 if drafts < 3 else min(drafts, fork.processes(jobs))


# --- the pool ----------------------------------------------------------------------------------------------
#
# Why one pool for the loads and the comparisons: a pair is compared as soon as its two drafts are loaded, so no
# process waits for the last load before the first comparison, and a free process takes the next task whatever
# it is (on a shared machine one core may be slower than the other). Comparisons go before loads, so drafts are
# not loaded far ahead of their use; the survival (first and last drafts) is a task too, off the end of the run.
#
# What travels: a loaded draft comes back as its pickle (about 0.4 MB and 4 ms for an AI Act draft), which the
# parent reads once and forwards as it is to the two comparisons that need it. A Comparison holds both of its
# drafts; sent whole it would weigh 1 MB, and its provisions would be copies, where ``chain`` follows the
# provisions of one draft from one step into the next by identity. So the worker writes each of the two drafts
# and each of their nodes as a reference (draft index, position in ``Draft.walk()``) and the parent reads the
# references back as its own drafts and nodes: the Comparison is then the one the parent would have built (an AI
# Act step: about 0.5 MB, 10-20 ms to write and 10 ms to read; whole, 1 MB and 20 ms each way).


def _in_pool(
    items: Sequence[str | Path | Draft], load_options: LoadOptions, options: DiffOptions, workers: int,
    progress: Callable[[int], None] | None,
) -> History:
    """The history of ``items`` (a Draft as it is; a source loaded in a worker; standard input read here), its
    loads, comparisons and survival computed in ``workers`` processes."""
    n = len(items)
    drafts: list[Draft | None] = [None] * n
    blobs: list[bytes | None] = [None] * n
    comparisons: list[Comparison | None] = [None] * n  # comparisons[k]: drafts[k - 1] -> drafts[k]
    survived: list[float] = []
    failures: dict[int, TreatydiffError] = {}
    to_load = deque((i, item) for i, item in enumerate(items) if not isinstance(item, Draft) and str(item) != "-")
    asked: set[int] = set()  # the pairs given to a worker; 0: the survival
    tasks: dict[Future[Any], tuple[str, int]] = {}

    def take(index: int, result: bytes | TreatydiffError) -> None:
        if isinstance(result, TreatydiffError):
            failures[index] = result
        else:
            blobs[index], drafts[index] = result, pickle.loads(result)
        if progress:
            progress(1)

    resolve = transfer.resolver(drafts)

    def feed(pool: ProcessPoolExecutor) -> None:
        """Keep one task queued behind the running ones: a comparison whose drafts are in, else the survival,
        else the next load; once a draft is bad, only the loads of the drafts before it (to tell which error
        comes first)."""
        while len(tasks) <= workers:
            if failures:
                if not to_load or to_load[0][0] > min(failures):
                    return
                index, source = to_load.popleft()
                tasks[pool.submit(_load_blob, source, load_options)] = ("load", index)
                continue
            pair = next(((k, old, new) for k, (old, new) in enumerate(pairwise(blobs), start=1)
                         if old and new and k not in asked), None)
            if pair is not None:
                asked.add(pair[0])
                tasks[pool.submit(_compare_in_worker, *pair, options)] = ("compare", pair[0])
            elif 0 not in asked and blobs[0] and blobs[-1]:
                asked.add(0)
                tasks[pool.submit(_survival_in_worker, blobs[0], blobs[-1])] = ("survival", 0)
            elif to_load:
                index, source = to_load.popleft()
                tasks[pool.submit(_load_blob, source, load_options)] = ("load", index)
            else:
                return

    def settled() -> bool:
        """A bad draft is known and so is every draft before it: the error to report is known."""
        return bool(failures) and all(drafts[i] is not None for i in range(min(failures)))

    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            feed(pool)  # the workers start on the first drafts while this process reads standard input
            for index, item in enumerate(items):
                if isinstance(item, Draft):
                    blobs[index], drafts[index] = pickle.dumps(item, pickle.HIGHEST_PROTOCOL), item
                elif str(item) == "-":
                    take(index, _load_blob(item, load_options))
            feed(pool)
            while tasks and not settled():
                done, _ = wait(tasks, return_when=FIRST_COMPLETED)
                for future in done:
                    kind, index = tasks.pop(future)
                    if kind == "load":
                        take(index, future.result())
                    elif kind == "survival":
                        survived.append(future.result())
                    else:
                        comparisons[index] = cast(Comparison, transfer.loads(future.result(), resolve))
                        if progress:
                            progress(1)
                feed(pool)
            if failures:
                raise failures[min(failures)]
        except BaseException:
            # cancel what has not started; wait for what has (a comparison or a load each), as load_drafts does
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    loaded = tuple(d for d in drafts if d is not None)
    return _assemble(loaded, [c for c in comparisons[1:] if c is not None], survived[0])


def _load_blob(source: str | Path, options: LoadOptions) -> bytes | TreatydiffError:
    result = _load_in_worker(source, options)
    return result if isinstance(result, TreatydiffError) else pickle.dumps(result, pickle.HIGHEST_PROTOCOL)


def _compare_in_worker(index: int, old_blob: bytes, new_blob: bytes, options: DiffOptions) -> bytes:
    """The comparison of drafts ``index - 1`` and ``index``, its drafts and their nodes written as references."""
    old, new = pickle.loads(old_blob), pickle.loads(new_blob)
    return transfer.dumps(compare(old, new, options), [old, new], [index - 1, index])


def _survival_in_worker(first_blob: bytes, last_blob: bytes) -> float:
    return survival(pickle.loads(first_blob), pickle.loads(last_blob))


def chain(drafts: list[Draft], comparisons: list[Comparison]) -> tuple[Lineage, ...]:
    """Lineages from the pairwise comparisons ``drafts[i] -> drafts[i + 1]``, in document order."""
    n = len(drafts)
    cells: list[list[Cell]] = []
    parents: dict[int, tuple[int, int]] = {}
    intos: dict[int, tuple[int, int]] = {}
    endings: dict[int, ArticleChange] = {}
    where: dict[int, int] = {}  # id(node) of a provision in the current draft -> lineage index
    # the order of the lineages, as a linked list: a new lineage goes right after the one before it
    following: dict[int, int | None] = {}
    head: list[int | None] = [None]

    def start(at: int, cell: Cell, after: int | None) -> int:
        cells.append([Cell(None)] * n)
        cells[-1][at] = cell
        index = len(cells) - 1
        if after is None:
            following[index], head[0] = head[0], index
        else:
            following[index], following[after] = following[after], index
        return index

    previous: int | None = None
    for provision in drafts[0].provisions():
        previous = where[id(provision.node)] = start(0, Cell(provision), previous)
    for step, comparison in enumerate(comparisons, start=1):
        nxt: dict[int, int] = {}
        previous = None  # the lineage of the provision before, in the new draft's order (removals included)
        for change in comparison.changes:
            old, new = change.match.old, change.match.new
            outcome = change.outcome
            lineages = [where[id(p.node)] for p in old]
            if not old:
                for p in new:
                    previous = nxt[id(p.node)] = start(step, Cell(p, outcome, change), previous)
                continue
            previous = lineages[0]
            if not new:  # removed: the lineage ends in the previous draft
                endings.update((lineage, change) for lineage in lineages)
                continue
            head_lineage = lineages[0]
            cells[head_lineage][step] = Cell(new[0], outcome, change)
            nxt[id(new[0].node)] = head_lineage
            for p in new[1:]:  # the other pieces of a split
                previous = start(step, Cell(p, outcome, change), previous)
                parents[previous] = (head_lineage, step)
                nxt[id(p.node)] = previous
            for other in lineages[1:]:  # the other parts of a merge
                intos[other] = (head_lineage, step)
                endings[other] = change
        where = nxt
    order: list[int] = []
    cursor = head[0]
    while cursor is not None:
        order.append(cursor)
        cursor = following[cursor]
    rank = {index: k for k, index in enumerate(order)}

    def moved(link: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if link is None else (rank[link[0]], link[1])

    return tuple(
        Lineage(tuple(cells[i]), moved(parents.get(i)), moved(intos.get(i)), endings.get(i)) for i in order
    )


def select(history: History, selectors: Sequence[str]) -> History:
    """The lineages whose provision in any draft matches any of ``selectors`` (``--article``: a number, a
    range, ``annex I``, words of a title; see ``treatydiff.select``), together with the lineages they split
    from or merged into (part of their story); links to lineages left out are dropped, and each step's
    comparison is cut down to the kept lineages' changes (totals counted again). With no selectors, the
    history itself."""
    if not selectors:
        return history
    matching = [
        i for i, lineage in enumerate(history.lineages)
        if any(c.provision is not None and article_matches(c.provision, s) for c in lineage.cells for s in selectors)
    ]
    linked = {link[0] for i in matching for link in (history.lineages[i].parent, history.lineages[i].into) if link}
    kept = sorted({*matching, *linked})
    rank = {index: k for k, index in enumerate(kept)}

    def moved(link: tuple[int, int] | None) -> tuple[int, int] | None:
        return (rank[link[0]], link[1]) if link is not None and link[0] in rank else None

    lineages = tuple(
        replace(history.lineages[i], parent=moved(history.lineages[i].parent), into=moved(history.lineages[i].into))
        for i in kept
    )
    wanted = {id(c.change) for lineage in lineages for c in lineage.cells if c.change is not None}
    wanted |= {id(lineage.ended) for lineage in lineages if lineage.ended is not None}
    steps = []
    for step in history.steps:
        changes = tuple(c for c in step.comparison.changes if id(c) in wanted)
        steps.append(replace(step, comparison=replace(step.comparison, changes=changes, totals=totals(changes))))
    return replace(history, steps=tuple(steps), lineages=lineages, selection=tuple(selectors))


def survival(first: Draft, last: Draft) -> float:
    """Share of the first draft's word 3-grams found anywhere in the last draft."""
    old = frozenset().union(*(text_shingles(body_text(p)) for p in first.provisions()))
    new = frozenset().union(*(text_shingles(body_text(p)) for p in last.provisions()))
    return len(old & new) / len(old) if old else 1.0
