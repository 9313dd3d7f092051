"""Stage 4, render: the history of n drafts as GitHub-flavoured Markdown, to paste into a briefing.

Reads top to bottom like the terminal report: the drafts (``D1``..``Dn``), the survival of the first
draft's text, the per-step summary table, then the matrix as one table (a Markdown table scrolls
sideways where it is shown, so it is never folded) with its legend, and the provisions that changed in every
step. With a selection (``--article``): the matrix of the selected lineages, then each one's timeline, each
step with the compare report's redline (``compare_markdown.change_body``). Every piece of treaty text goes
through ``compare_markdown.escape``.
"""

from __future__ import annotations

from rich.console import Console

from treatydiff.history import History, Lineage
from treatydiff.model import Outcome, RenderOptions
from treatydiff.render import HISTORY
from treatydiff.render import history_common as common
from treatydiff.render.compare_markdown import MARKERS, change_body, escape


@HISTORY.register("markdown")
def render(history: History, options: RenderOptions, console: Console) -> str:
    """The Markdown document, ending with a newline. The console is not used."""
    if options.markdown_style not in MARKERS:
        raise ValueError(f"unknown markdown style {options.markdown_style!r} — choose one of: {', '.join(MARKERS)}")
    out = _header(history)
    if not history.selection:
        out += [escape(common.survival_sentence(history)), ""]
        out += _steps(history)
    if not history.lineages:
        out += [f"No provision matches {escape(', '.join(history.selection), at_start=False)}.", ""]
    else:
        out += _matrix(history)
        if history.selection:
            for lineage in history.lineages:
                out += _timeline(history, lineage, options)
        else:
            every = common.changed_every_step(history)
            names = ", ".join(escape(common.lineage_ref(x), at_start=False) for x in every) or "none"
            out += [f"Changed in every step: {names}", ""]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    lines = [f"| {' | '.join(header)} |", f"|{'|'.join(align)}|"]
    lines += [f"| {' | '.join(cell or ' ' for cell in row)} |" for row in rows]
    return [*lines, ""]


def _header(history: History) -> list[str]:
    labels = [escape(d.label, at_start=False) for d in history.drafts]
    title = " → ".join(labels) if len(labels) <= 4 else f"{labels[0]} → … → {labels[-1]}"
    out = [f"# History: {title}", ""]
    if history.selection:
        count = len(history.lineages)
        out += [f"Provisions matching {escape(', '.join(history.selection), at_start=False)}: {count} "
                f"lineage{'s' if count != 1 else ''}.", ""]
    rows = [[draft_id, escape(draft.label, at_start=False), escape(common.draft_line(draft), at_start=False)]
            for draft_id, draft in zip(common.draft_ids(history), history.drafts, strict=True)]
    return out + _table(["", "draft", "file"], ["---", "---", "---"], rows)


def _steps(history: History) -> list[str]:
    shown = common.step_outcomes(history)
    header = ["step", *(o.value for o in shown), "words inserted", "words deleted", "share changed",
              "substantive", "flagged"]
    rows = [
        [row.label, *(str(row.outcomes[o.value]) for o in shown), str(row.words_inserted), str(row.words_deleted),
         f"{row.share_changed:.1%}", str(row.substantive), str(row.flagged)]
        for row in common.step_rows(history)
    ]
    return ["## Per step", "", *_table(header, ["---", *("---:" for _ in header[1:])], rows)]


def _legend() -> str:
    items = [f"`{item.symbol}` {escape(item.meaning, at_start=False)}" for item in common.LEGEND]
    return "Legend: " + " · ".join(items)


def _matrix(history: History) -> list[str]:
    labels = [escape(label, at_start=False) for label in common.column_labels(history)]
    rows = [
        [escape(common.lineage_name(lineage), at_start=False),
         *(escape(common.cell_text(lineage, i), at_start=False) for i in range(len(history.drafts)))]
        for lineage in history.lineages
    ]
    return ["## Matrix", "", _legend(), "",
            *_table(["provision", *labels], ["---", *(":---:" for _ in labels)], rows)]


def _timeline(history: History, lineage: Lineage, options: RenderOptions) -> list[str]:
    out = [f"## {escape(common.lineage_name(lineage), at_start=False)}", "",
           escape(common.lineage_span(history, lineage)), ""]
    for entry in common.timeline(history, lineage):
        out += [f"### {escape(entry.headline, at_start=False)}", ""]
        if entry.change is not None and entry.change.outcome is not Outcome.UNCHANGED:
            out += change_body(entry.change, options)
    return out
