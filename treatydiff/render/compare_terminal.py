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
    Edit,
    Kind,
    Node,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
)
from treatydiff.render import COMPARE
from treatydiff.render.outline_common import one_line

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
#: The label the diff stage gives an article's title when it aligns it like a paragraph.
TITLE_LABEL = "title"


@COMPARE.register("terminal")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The report drawn for ``console`` (its colours and width)."""
    plain = console.no_color or console.color_system is None
    parts: list[RenderableType] = [_header(comparison), _summary(comparison)]
    changed = [c for c in comparison.changes if c.outcome is not Outcome.UNCHANGED]
    for change in comparison.changes:
        if change.outcome is not Outcome.UNCHANGED:
            parts.append(_panel(change, plain, console.width))
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


def _panel(change: ArticleChange, plain: bool, width: int) -> Panel:
    lines: list[RenderableType] = [_badges(change)]
    if change.match.note:
        lines.append(Text(one_line(change.match.note), style="italic"))
    for flag in change.flags:
        badge = Text("⚑ ", style="bold yellow")
        badge.append(flag.kind.value, style="bold yellow")
        badge.append(f": {one_line(flag.old_text) or '∅'} → {one_line(flag.new_text) or '∅'}")
        if flag.paragraph:
            badge.append(f" (para {flag.paragraph})", style="dim")
        lines.append(badge)
    paragraphs = change.paragraphs or _whole_text(change)
    unchanged = 0
    body: list[RenderableType] = []
    whole = change.outcome in (Outcome.ADDED, Outcome.REMOVED)
    for paragraph in paragraphs:
        if whole and TITLE_LABEL in (paragraph.old_label, paragraph.new_label):
            continue  # the panel's title already says it
        if paragraph.outcome is Outcome.UNCHANGED and not whole:
            unchanged += 1
            continue
        body.append(_redline(paragraph, plain))
    if unchanged:
        body.append(Text(f"… {unchanged} unchanged paragraph{'s' if unchanged != 1 else ''}", style="dim"))
    if body:
        lines.append(Text(""))
        lines.extend(body)
    style = OUTCOME_STYLE[change.outcome]
    return Panel(
        Group(*lines),
        title=_fit(_title(change), width - 6),
        title_align="left",
        subtitle=_fit(_path(change), width - 6),
        subtitle_align="left",
        border_style=style,
        box=box.ROUNDED,
    )


def _title(change: ArticleChange) -> Text:
    """``Art. 24 → Art. 26 — Title``; one side only for additions, removals and unchanged numbers."""
    old = " + ".join(_ref(p) for p in change.match.old)
    new = " + ".join(_ref(p) for p in change.match.new)
    numbers = old if old == new or not new else new if not old else f"{old} → {new}"
    old_titles = [p.node.title for p in change.match.old if p.node.title]
    new_titles = [p.node.title for p in change.match.new if p.node.title]
    title = " / ".join(new_titles or old_titles)
    if old_titles and new_titles and old_titles != new_titles:
        title = f"{title} (was: {' / '.join(old_titles)})"
    text = Text(f" {numbers}", style="bold")
    if title:
        text.append(f" — {one_line(title)}", style="bold")
    text.append(" ")
    return text


def _ref(provision: Provision) -> str:
    node = provision.node
    if node.kind is Kind.PREAMBLE:
        return "Preamble"
    word = "Annex" if node.kind is Kind.ANNEX else "Art."
    name = f"{word} {one_line(node.label)}".strip()
    return f"{name} [deleted]" if node.deleted and "deleted" not in node.title.lower() else name


def _path(change: ArticleChange) -> Text | None:
    """The chapter path of the new draft (the old one for removals), ``old → new`` when the article moved
    to another division. (A heading whose case or title was edited is not a move: the diff stage decides.)"""
    old = " / ".join(change.match.old[0].path) if change.match.old else ""
    new = " / ".join(change.match.new[0].path) if change.match.new else ""
    if change.outcome is Outcome.MOVED and old and new and old != new:
        # where it came from by number only ("Chapter V"): the full old heading rarely fits on the border
        short = " / ".join(part.split(" — ")[0] for part in change.match.old[0].path)
        path = f"{short} → {new}"
    else:
        path = new or old
    return Text(f" {one_line(path)} ", style="dim") if path else None


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
    old, new = one_line(paragraph.old_label), one_line(paragraph.new_label)
    label = old if old == new or not new else new if not old else f"{old} → {new}"
    if label:
        line.append(label, style="bold")
        line.append(" ")
    for edit in _tidy(paragraph.edits):
        if edit.op is Op.EQUAL:
            line.append(edit.text)
        elif plain:
            start, end = PLAIN_MARKERS[edit.op]
            line.append(f"{start}{edit.text}{end}")
        else:
            line.append(edit.text, style=INSERT_STYLE if edit.op is Op.INSERT else DELETE_STYLE)
    return line


def _tidy(edits: tuple[Edit, ...]) -> list[Edit]:
    """Whitespace collapsed to single spaces (the report wraps lines itself); edits left empty dropped."""
    tidy: list[Edit] = []
    for edit in edits:
        text = " ".join(edit.text.split())
        if edit.text[:1].isspace() and text:
            text = " " + text
        if edit.text[-1:].isspace():
            text = text + " " if text else " "
        if text:
            tidy.append(Edit(edit.op, text))
    if tidy and tidy[0].op is Op.EQUAL:
        tidy[0] = Edit(Op.EQUAL, tidy[0].text.lstrip())
    return [edit for edit in tidy if edit.text]


def _whole_text(change: ArticleChange) -> tuple[ParagraphChange, ...]:
    """An added or removed article that came without paragraphs: its units, all inserted or all deleted."""
    if change.outcome is Outcome.ADDED:
        op, provisions = Op.INSERT, change.match.new
    elif change.outcome is Outcome.REMOVED:
        op, provisions = Op.DELETE, change.match.old
    else:
        return ()
    paragraphs: list[ParagraphChange] = []
    for provision in provisions:
        for node in _units(provision.node):
            label = one_line(node.label)
            paragraphs.append(ParagraphChange(
                change.outcome, label if op is Op.DELETE else "", label if op is Op.INSERT else "",
                (Edit(op, one_line(node.text)),),
            ))
    return tuple(paragraphs)


def _units(node: Node) -> list[Node]:
    return [n for n in node.walk() if n is not node and n.text]


def _unchanged_line(change: ArticleChange) -> Text:
    line = Text("= ", style="dim")
    line.append(_title(change).plain.strip(), style="dim")
    return line
