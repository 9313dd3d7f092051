"""Stage 4, render: the change report for a person at a terminal (Rich).

A header naming both drafts, a summary table (articles per outcome, words inserted and deleted, share of
text changed), then one panel per changed article: its numbers (``Art. 24 → Art. 26``, ``Art. 18 + Art. 50
→ Art. 18``) and title, the chapter path below, badges (outcome, editorial only), the flags that change
legal meaning, and the redline of each changed paragraph. Unchanged paragraphs of a changed article are
counted in one line. With ``show_unchanged`` unchanged articles get one dim line each, in their place.

Deleted words are red and struck through, inserted words green and underlined. A console without colour
(a pipe, a file, ``NO_COLOR``) gets the git word-diff markers instead, ``[-deleted-]`` and ``{+inserted+}``,
so the report reads the same in plain text. Treaty text always goes in as ``Text`` objects, never as markup:
square brackets in a draft are negotiating text, not Rich styles.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from treatydiff.model import (
    ArticleChange,
    Comparison,
    Op,
    Outcome,
    ParagraphChange,
    RenderOptions,
)
from treatydiff.render import COMPARE, report
from treatydiff.render.report import one_line

OUTCOME_STYLE = {
    Outcome.UNCHANGED: "dim",
    Outcome.MODIFIED: "yellow",
    Outcome.RENUMBERED: "cyan",
    Outcome.MOVED: "blue",
    Outcome.ADDED: "green",
    Outcome.REMOVED: "red",
    Outcome.SPLIT: "magenta",
    Outcome.MERGED: "magenta",
}
INSERT_STYLE = "green underline"
DELETE_STYLE = "red strike"
#: The git word-diff markers, for consoles without colour.
PLAIN_MARKERS = {Op.INSERT: ("{+", "+}"), Op.DELETE: ("[-", "-]")}


@COMPARE.register("terminal")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The report drawn for ``console`` (its colours and width)."""
    plain = console.no_color or console.color_system is None
    parts: list[RenderableType] = [_header(comparison), _summary(comparison)]
    changed = [c for c in comparison.changes if c.outcome is not Outcome.UNCHANGED]
    for change in comparison.changes:
        if change.outcome is not Outcome.UNCHANGED:
            parts.append(_panel(change, plain, console.width, options.context))
        elif options.show_unchanged:
            parts.append(_unchanged_line(change))
    if not changed:
        parts.append(Text("No changes." if comparison.changes else "No articles.", style="bold"))
    with console.capture() as capture:
        for part in parts:
            console.print(part, highlight=False)
    return capture.get()


def _header(comparison: Comparison) -> Text:
    header = Text()
    header.append(comparison.old.label, style="bold")
    header.append(" → ", style="dim")
    header.append(comparison.new.label, style="bold")
    header.append("\n")
    header.append(f"{comparison.old.source} ({comparison.old.format})", style="dim")
    header.append(" → ", style="dim")
    header.append(f"{comparison.new.source} ({comparison.new.format})", style="dim")
    return header


def _summary(comparison: Comparison) -> Table:
    totals = comparison.totals
    table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False)
    table.add_column("outcome")
    table.add_column("articles", justify="right")
    for outcome in Outcome:
        count = totals.outcomes.get(outcome.value, 0)
        style = OUTCOME_STYLE[outcome] if count else "dim"
        table.add_row(Text(outcome.value, style=style), Text(str(count), style=style))
    table.add_section()
    table.add_row(Text("words inserted"), Text(str(totals.words_inserted)))
    table.add_row(Text("words deleted"), Text(str(totals.words_deleted)))
    table.add_row(Text("share of text changed"), Text(f"{totals.share_changed:.1%}"))
    return table


# --- one changed article -------------------------------------------------------------------------------


def _panel(change: ArticleChange, plain: bool, width: int, context: int) -> Panel:
    lines: list[RenderableType] = [_badges(change)]
    if change.match.note:
        lines.append(Text(one_line(change.match.note), style="italic"))
    for flag in change.flags:
        badge = Text("⚑ ", style="bold yellow")
        badge.append(flag.kind.value, style="bold yellow")
        badge.append(f": {report.flag_phrase(flag)}")
        if flag.paragraph:
            badge.append(f" (para {flag.paragraph})", style="dim")
        lines.append(badge)
    body: list[RenderableType] = [
        Text(str(item), style="dim") if isinstance(item, report.Gap) else _redline(item, plain)
        for item in report.visible(change, context)
    ]
    if body:
        lines.append(Text(""))
        lines.extend(body)
    path = report.path(change)
    return Panel(
        Group(*lines),
        title=_fit(_title(change), width - 6),
        title_align="left",
        subtitle=_fit(Text(f" {path} ", style="dim") if path else None, width - 6),
        subtitle_align="left",
        border_style=OUTCOME_STYLE[change.outcome],
        box=box.ROUNDED,
    )


def _title(change: ArticleChange) -> Text:
    """``Art. 24 → Art. 26 — Title``."""
    return Text(f" {report.heading(change)} ", style="bold")


def _fit(text: Text | None, width: int) -> Text | None:
    """A panel title cut to ``width`` with an ellipsis (Rich would cut it without one)."""
    if text is None or text.cell_len <= width:
        return text
    fitted = text.copy()
    fitted.truncate(max(1, width - 2), overflow="ellipsis")
    fitted.append(" ")
    return fitted


def _badges(change: ArticleChange) -> Text:
    line = Text()
    line.append(f"[{change.outcome.value}]", style=f"bold {OUTCOME_STYLE[change.outcome]}")
    if change.editorial_only:
        line.append(" [editorial only]", style="cyan")
    if change.match.old and change.match.new:
        line.append(f" similarity {change.match.score:.2f}", style="dim")
    counts = [f"+{change.words_inserted}" if change.words_inserted else "",
              f"-{change.words_deleted}" if change.words_deleted else ""]
    if any(counts):
        line.append(f" {' '.join(c for c in counts if c)} words", style="dim")
    return line


def _redline(paragraph: ParagraphChange, plain: bool) -> Text:
    line = Text()
    label = report.paragraph_label(paragraph)
    if label:
        line.append(label, style="bold")
        line.append(" ")
    for edit in report.tidy_edits(paragraph.edits):
        if edit.op is Op.EQUAL:
            line.append(edit.text)
        elif plain:
            start, end = PLAIN_MARKERS[edit.op]
            line.append(f"{start}{edit.text}{end}")
        else:
            line.append(edit.text, style=INSERT_STYLE if edit.op is Op.INSERT else DELETE_STYLE)
    return line


def _unchanged_line(change: ArticleChange) -> Text:
    line = Text("= ", style="dim")
    line.append(report.heading(change), style="dim")
    return line
