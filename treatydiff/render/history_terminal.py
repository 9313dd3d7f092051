"""Stage 4, render: the history of n drafts for a person at a terminal (Rich).

The drafts (``D1``..``Dn``, label, file, article count), the survival of the first draft's text, the summary
per step (outcome counts, words inserted and deleted, share changed, changes of substance, changes with
flags), then the matrix: one row per lineage, one column per draft, each cell the provision's number in
that draft and the symbol of the step into it (``history_common``: ``=`` ``~`` ``≈`` ``→`` ``⇄`` ``+``
``⋔`` ``⋈``, a cross for removals, ``!`` for a flag that changes legal meaning), with its legend and the
provisions that changed in every step.

A matrix wider than the console is folded into groups of columns that fit, each repeating the lineage
column, rather than cut. Colours (the compare report's, from ``compare_terminal.theme_for``) only repeat
the symbols, so the report reads the same without them.

With a selection (``--article``), the matrix holds the selected lineages and is followed by each one's
timeline: every draft it is in, the step into that draft, and the step's redline as the compare report
draws it (``compare_terminal.change_panel``).
"""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from treatydiff.history import History, Lineage
from treatydiff.model import Outcome, RenderOptions
from treatydiff.render import HISTORY, plain_layout, report
from treatydiff.render import history_common as common
from treatydiff.render.compare_terminal import (
    FLAG_STYLE,
    OUTCOME_STYLE,
    change_panel,
    theme_for,
)

#: The lineage column never takes more than this share of the console's width.
NAME_SHARE = 0.3
#: ... nor more than this many columns.
NAME_MAX = 36
#: A width no table reaches: tables are measured at this width to learn how wide they want to be.
UNBOUNDED = 100_000


@HISTORY.register("terminal")
def render(history: History, options: RenderOptions, console: Console) -> str:
    """The report drawn for ``console`` (its colours and width)."""
    plain = console.no_color or console.color_system is None
    console.push_theme(theme_for(console))
    try:  # (without colour, laid out by ``plain_layout``: the same text, without Rich's segments)
        return plain_layout.print_all(renderables(history, options, plain, console), console)
    finally:
        console.pop_theme()


def renderables(history: History, options: RenderOptions, plain: bool, console: Console) -> list[RenderableType]:
    parts: list[RenderableType] = [_header(history), _drafts(history)]
    if not history.selection:
        parts += [Text(common.survival_sentence(history)), *_steps(history, console)]
    if not history.lineages:
        parts.append(Text("No provision matches " + ", ".join(history.selection) + ".", style="bold"))
        return parts
    parts += matrix(history, console)
    parts.append(_legend())
    if not history.selection:
        every = common.changed_every_step(history)
        line = Text("Changed in every step: ", style="bold")
        line.append(", ".join(common.lineage_ref(x) for x in every) if every else "none")
        parts.append(line)
        return parts
    for lineage in history.lineages:
        parts += _timeline(history, lineage, plain, console.width, options)
    return parts


def _header(history: History) -> Text:
    text = Text(f"History of {len(history.drafts)} drafts", style="bold")
    if history.selection:
        count = len(history.lineages)
        text.append(f" — {', '.join(history.selection)}: {count} lineage{'s' if count != 1 else ''}")
    return text


def _drafts(history: History) -> Table:
    """``D1``, the draft's label with its file below it, and what it holds."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold", ratio=3)
    table.add_column(overflow="fold", ratio=2)
    for draft_id, draft in zip(common.draft_ids(history), history.drafts, strict=True):
        name = Text(draft.label, style="bold")
        name.append(f"\n{draft.source} ({draft.format})", style="dim")
        table.add_row(draft_id, name, common.draft_counts(draft))
    return table


def _steps(history: History, console: Console) -> list[RenderableType]:
    """The summary per step, one column per step (folded like the matrix when the steps do not fit): a row
    per outcome, words inserted and deleted, share changed, changes of substance, changes with flags."""
    rows = common.step_rows(history)

    def table(group: list[int]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False, title="Per step",
                      title_justify="left", title_style="bold")
        table.add_column("", no_wrap=True)
        for k in group:
            table.add_column(rows[k].label, justify="right", no_wrap=True)
        for outcome in report.OUTCOMES:
            counts = [rows[k].outcomes[outcome.value] for k in group]
            style = OUTCOME_STYLE[outcome] if any(counts) else "dim"
            table.add_row(Text(outcome.value, style=style),
                          *(Text(str(n), style=style if n else "dim") for n in counts))
        table.add_section()
        table.add_row("words inserted", *(str(rows[k].words_inserted) for k in group))
        table.add_row("words deleted", *(str(rows[k].words_deleted) for k in group))
        table.add_row("share of text changed", *(f"{rows[k].share_changed:.1%}" for k in group))
        table.add_row("changes of substance", *(str(rows[k].substantive) for k in group))
        table.add_row(Text("with flags", style=FLAG_STYLE),
                      *(Text(str(rows[k].flagged), style=FLAG_STYLE if rows[k].flagged else "dim") for k in group))
        return table

    return fold(table, len(rows), console)


def fold(build: Callable[[list[int]], Table], columns: int, console: Console) -> list[RenderableType]:
    """``build(group)`` for consecutive groups of column indices, each as wide as fits the console (at least
    one column each), so that a wide table is folded rather than cut; the title of each says which part."""
    groups: list[list[int]] = []
    unbounded = console.options.update_width(UNBOUNDED)  # measured as wide as it wants: Rich clamps to the width
    for index in range(columns):
        if groups and Measurement.get(console, unbounded, build([*groups[-1], index])).maximum <= console.width:
            groups[-1].append(index)
        else:
            groups.append([index])
    tables: list[RenderableType] = []
    for k, group in enumerate(groups):
        table = build(group)
        if len(groups) > 1:
            table.title = f"{table.title} ({k + 1}/{len(groups)})"
        tables.append(table)
    return tables


# --- the matrix -----------------------------------------------------------------------------------------


def matrix(history: History, console: Console) -> list[RenderableType]:
    """The matrix as one table, or several tables of consecutive drafts that each fit the console."""
    labels = common.column_labels(history)
    names = [common.lineage_name(x) for x in history.lineages]
    name_width = max(8, min(max((len(n) for n in names), default=8), NAME_MAX, int(console.width * NAME_SHARE)))

    def table(group: list[int]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False, title="Matrix", title_justify="left",
                      title_style="bold")
        table.add_column("provision", no_wrap=True, overflow="ellipsis", max_width=name_width)
        for index in group:
            table.add_column(labels[index], no_wrap=True)
        for lineage, name in zip(history.lineages, names, strict=True):
            table.add_row(Text(name), *(_cell(lineage, index) for index in group))
        return table

    return fold(table, len(history.drafts), console)


def _cell(lineage: Lineage, index: int) -> Text:
    text = common.cell_text(lineage, index)
    outcome = common.cell_outcome(lineage, index)
    style = OUTCOME_STYLE[outcome] if outcome is not None else ""
    if text.endswith(common.FLAGGED):
        cell = Text(text[:-1], style=style)
        cell.append(common.FLAGGED, style=FLAG_STYLE)
        return cell
    return Text(text, style=style)


def _legend() -> Text:
    line = Text("Legend: ", style="bold")
    for k, item in enumerate(common.LEGEND):
        if k:
            line.append(" · ", style="dim")
        style = FLAG_STYLE if item.symbol == common.FLAGGED else ""
        if item.outcome is not None:
            style = OUTCOME_STYLE[Outcome.UNCHANGED if item.symbol == common.EDITORIAL else item.outcome]
        line.append(item.symbol, style=style)
        line.append(f" {item.meaning}")
    return line


# --- the timeline of one lineage (--article) ---------------------------------------------------------------


def _timeline(history: History, lineage: Lineage, plain: bool, width: int,
              options: RenderOptions) -> list[RenderableType]:
    out: list[RenderableType] = [
        Text(""),
        Text(common.lineage_name(lineage), style="bold underline"),
        Text(common.lineage_span(history, lineage), style="dim"),
    ]
    for entry in common.timeline(history, lineage):
        style = OUTCOME_STYLE[entry.outcome] if entry.outcome is not None else "bold"
        out.append(Text(entry.headline, style=style))
        change = entry.change
        if change is not None and change.outcome is not Outcome.UNCHANGED:
            labels = (history.drafts[entry.index - 1].label, history.drafts[entry.index].label)
            out.append(change_panel(change, plain, width, options, labels))
    return out
