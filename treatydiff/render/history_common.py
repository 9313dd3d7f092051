"""Stage 4, render: the vocabulary the history renderers share (terminal, Markdown, HTML).

Pure functions over a ``History`` that name things the same way in every format: the short column label
of each draft (``D1``, or the draft's own label when every label is short), the text of a matrix cell
(``4a ~!``: the provision's number in that draft, the symbol of the step into it, ``!`` when the step has a
flag that changes legal meaning), the legend of the symbols, the rows of the per-step summary, which
lineages changed in every step, and the entries of a lineage's timeline. The symbols read without colour;
colour only repeats them. Nothing here decides what the JSON does not already hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from treatydiff.history import Cell, History, Lineage
from treatydiff.model import ArticleChange, Draft, Kind, Outcome
from treatydiff.render import report
from treatydiff.render.report import one_line

#: The symbol of each outcome of a step, as a matrix cell shows it.
SYMBOLS = {
    Outcome.UNCHANGED: "=",
    Outcome.MODIFIED: "~",
    Outcome.RENUMBERED: "→",
    Outcome.MOVED: "⇄",
    Outcome.ADDED: "+",
    Outcome.REMOVED: "\u00d7",  # multiplication sign: a cross that every font has
    Outcome.SPLIT: "⋔",
    Outcome.MERGED: "⋈",
}
#: A modification whose every edit is editorial (case, punctuation, quotes, whitespace, references that only
#: follow a renumbering): "about equal".
EDITORIAL = "≈"
#: After the symbol: the step has a flag that changes legal meaning (shall → may, a qualifier, a number...).
FLAGGED = "!"
#: Column labels longer than this make the matrix use ``D1``, ``D2``... with a legend.
MAX_LABEL = 14


@dataclass(frozen=True, slots=True)
class LegendItem:
    symbol: str
    meaning: str
    outcome: Outcome | None = None


LEGEND = (
    LegendItem("4", "number in that draft"),
    LegendItem(SYMBOLS[Outcome.UNCHANGED], "unchanged", Outcome.UNCHANGED),
    LegendItem(SYMBOLS[Outcome.MODIFIED], "modified", Outcome.MODIFIED),
    LegendItem(EDITORIAL, "editorial changes only", Outcome.MODIFIED),
    LegendItem(SYMBOLS[Outcome.RENUMBERED], "renumbered", Outcome.RENUMBERED),
    LegendItem(SYMBOLS[Outcome.MOVED], "moved (chapter)", Outcome.MOVED),
    LegendItem(SYMBOLS[Outcome.ADDED], "added", Outcome.ADDED),
    LegendItem(SYMBOLS[Outcome.REMOVED], "removed; (4) a [deleted] placeholder", Outcome.REMOVED),
    LegendItem(SYMBOLS[Outcome.SPLIT], "split", Outcome.SPLIT),
    LegendItem(SYMBOLS[Outcome.MERGED], "merged", Outcome.MERGED),
    LegendItem(FLAGGED, "a flag: legal meaning changed"),
)


def column_labels(history: History) -> list[str]:
    """The heading of each draft's column: the drafts' labels when all are short, else ``D1``..``Dn``."""
    labels = [one_line(d.label) for d in history.drafts]
    if all(0 < len(label) <= MAX_LABEL for label in labels) and len(set(labels)) == len(labels):
        return labels
    return draft_ids(history)


def draft_ids(history: History) -> list[str]:
    return [f"D{i + 1}" for i in range(len(history.drafts))]


def draft_line(draft: Draft) -> str:
    """``fixtures/zero-draft.md (md) · 38 articles, 1 annex``."""
    return f"{draft.source} ({draft.format}) · {draft_counts(draft)}"


def draft_counts(draft: Draft) -> str:
    """``38 articles, 1 placeholder, 1 annex``."""
    counts = draft.counts()
    parts = [_count(counts["articles"], "article")]
    if counts["placeholders"]:
        parts.append(_count(counts["placeholders"], "placeholder"))
    if counts["annexes"]:
        parts.append(_count(counts["annexes"], "annex", "annexes"))
    return ", ".join(parts)


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def survival_sentence(history: History) -> str:
    return (
        f"{history.survival:.0%} of the first draft's text survives in the last "
        f"(share of its word 3-grams found anywhere in {history.drafts[-1].label})."
    )


def number(cell: Cell) -> str:
    """The provision's number in one draft: ``4a``, ``Annex I``, ``Preamble``, ``Chapter II`` (its loose
    text); ``(24)`` for a placeholder."""
    if cell.provision is None:
        return ""
    node = cell.provision.node
    if node.kind is Kind.DIVISION:  # the loose text under a heading that names no known division
        return "text"
    name = report.ref_name(cell.provision)
    name = name.removeprefix(f"{node.number_word} ").removesuffix(" [deleted]").removesuffix(" (text)")
    return f"({name})" if node.deleted else name


def symbol(cell: Cell) -> str:
    """The symbol of the step into this draft (``~``, ``≈``, ``+``...), ``!`` added when it has a flag; ""
    in the first draft."""
    change = cell.change
    if change is None or cell.outcome is None:
        return ""
    mark = EDITORIAL if cell.outcome is Outcome.MODIFIED and change.editorial_only else SYMBOLS[cell.outcome]
    return mark + (FLAGGED if change.flags else "")


def ending(lineage: Lineage, index: int) -> str:
    """The removal symbol or ``⋈`` (merged into another row) in the column of the draft that no longer has the
    lineage; "" elsewhere."""
    if lineage.ended is None or index != lineage.last + 1:
        return ""
    return SYMBOLS[Outcome.MERGED] if lineage.into is not None else SYMBOLS[Outcome.REMOVED]


def cell_text(lineage: Lineage, index: int) -> str:
    """What the matrix shows for ``lineage`` in draft ``index``: ``4a ~!``, ``5``, an ending symbol, or ""."""
    cell = lineage.cells[index]
    if cell.provision is None:
        return ending(lineage, index)
    return " ".join(p for p in (number(cell), symbol(cell)) if p)


def cell_outcome(lineage: Lineage, index: int) -> Outcome | None:
    """The outcome a cell is coloured by: its step's, or the ending's in the column after the last draft."""
    cell = lineage.cells[index]
    if cell.provision is None:
        if not ending(lineage, index):
            return None
        return Outcome.MERGED if lineage.into is not None else Outcome.REMOVED
    if cell.outcome is Outcome.MODIFIED and cell.change is not None and cell.change.editorial_only:
        return Outcome.UNCHANGED  # shown quietly: nothing of substance changed
    return cell.outcome


def lineage_ref(lineage: Lineage) -> str:
    """``Art. 4a``: the lineage's number in the last draft it is in."""
    cell = lineage.cells[lineage.last]
    assert cell.provision is not None
    return report.ref_name(cell.provision)


def lineage_name(lineage: Lineage) -> str:
    """``Art. 4a`` (its number in the last draft it is in) and its latest title: ``Art. 4a Scope``."""
    cell = lineage.cells[lineage.last]
    assert cell.provision is not None
    name = report.ref_name(cell.provision)
    title = one_line(lineage.title)
    return f"{name} {title}" if title and cell.provision.node.kind is not Kind.PREAMBLE else name


def substantive(change: ArticleChange) -> bool:
    """A change of substance: not unchanged, not editorial only (``Cell.substantive`` for one change)."""
    return change.outcome is not Outcome.UNCHANGED and not change.editorial_only


@dataclass(frozen=True, slots=True)
class StepRow:
    """One step of the per-step summary: ``D1 → D2``, outcome counts, words, share changed, and how many
    changes are of substance and how many carry flags."""

    label: str
    outcomes: dict[str, int]
    words_inserted: int
    words_deleted: int
    share_changed: float
    substantive: int
    flagged: int


def step_rows(history: History) -> list[StepRow]:
    ids = draft_ids(history)
    rows = []
    for step in history.steps:
        totals = step.comparison.totals
        changes = step.comparison.changes
        rows.append(StepRow(
            f"{ids[step.index - 1]} → {ids[step.index]}",
            {o.value: totals.outcomes.get(o.value, 0) for o in Outcome},
            totals.words_inserted,
            totals.words_deleted,
            totals.share_changed,
            sum(1 for c in changes if substantive(c)),
            sum(1 for c in changes if c.flags),
        ))
    return rows


def step_outcomes(history: History) -> list[Outcome]:
    """The outcomes that occur in some step, in the summary's order (columns of the per-step table)."""
    return [o for o in report.OUTCOMES if any(s.comparison.totals.outcomes.get(o.value, 0) for s in history.steps)]


def changed_every_step(history: History) -> list[Lineage]:
    """Lineages present in every draft whose text changed in substance in every step (a renumbering or an
    editorial change does not count)."""
    return [lineage for lineage in history.lineages if all(c.substantive for c in lineage.cells[1:])]


# --- the timeline of one lineage (``--article``) -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One draft of a lineage's timeline: the draft, the cell's number and what happened in the step into it
    (``change`` None in the first draft of the history and where the entry only records an ending)."""

    index: int
    number: str
    outcome: Outcome | None
    change: ArticleChange | None
    headline: str


def timeline(history: History, lineage: Lineage) -> list[TimelineEntry]:
    """The drafts the lineage is in, each with the step into it, then its ending (removal or merge)."""
    ids = draft_ids(history)
    names = [lineage_name(x) for x in history.lineages]
    entries = []
    for index, cell in enumerate(lineage.cells):
        if cell.provision is None:
            continue
        where = f"{ids[index]} {history.drafts[index].label}"
        if cell.outcome is None:
            what = "first draft" if index == 0 else "present"
        else:
            what = cell.outcome.value
            if cell.outcome is Outcome.MODIFIED and cell.change is not None and cell.change.editorial_only:
                what += ", editorial only"
        if lineage.parent is not None and lineage.parent[1] == index:
            what += f" (split from {names[lineage.parent[0]]})"
        entries.append(TimelineEntry(index, number(cell), cell.outcome, cell.change,
                                     f"{where}: {number(cell)} — {what}"))
    if lineage.ended is not None:
        index = lineage.last + 1
        where = f"{ids[index]} {history.drafts[index].label}"
        if lineage.into is not None:
            what = f"merged into {names[lineage.into[0]]}"
            outcome = Outcome.MERGED
        else:
            what, outcome = "removed", Outcome.REMOVED
        entries.append(TimelineEntry(index, "", outcome, lineage.ended, f"{where}: {what}"))
    return entries


def lineage_span(history: History, lineage: Lineage) -> str:
    """``D1-D3: 4 → 5 → 5``: where the lineage lives and its numbers."""
    ids = draft_ids(history)
    numbers = [number(c) for c in lineage.cells if c.provision is not None]
    span = ids[lineage.first] if lineage.first == lineage.last else f"{ids[lineage.first]}-{ids[lineage.last]}"
    return f"{span}: {' → '.join(numbers)}"
