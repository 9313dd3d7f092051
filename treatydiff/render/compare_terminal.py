"""Stage 4, render: the change report for a person at a terminal (Rich).

A header naming both drafts, a summary table (articles per outcome, words inserted and deleted, share of
text changed), a per-chapter table (outcome counts per top-level division), the concordance (old article ->
new article, outcome, similarity) when asked, then one panel per changed article: its numbers
(``Art. 24 → Art. 26``, ``Art. 18 + Art. 50 → Art. 18``) and title, the chapter path below, badges (outcome,
editorial only), the flags that change legal meaning, and the redline of each changed paragraph, inline or
side by side (old | new). Unchanged paragraphs of a changed article are counted in one line (``context`` of
them are shown around each change). With ``show_unchanged`` unchanged articles get one dim line each, in
their place; with ``summary_only`` the report stops after the tables.

Deleted words are struck through, inserted words underlined, in colours people with colour-vision
deficiencies tell apart. A console without colour (a pipe, a file, ``NO_COLOR``) gets the git word-diff
markers instead, ``[-deleted-]`` and ``{+inserted+}``, so the report reads the same in plain text. Treaty
text always goes in as ``Text`` objects, never as markup: square brackets in a draft are negotiating text,
not Rich styles. Every word and number comes from ``report`` (the vocabulary the formats share).

Right-to-left text (Arabic, Hebrew) is printed in logical order, as Rich prints everything: Rich does not
reorder, and the terminal decides what a reader sees. Many terminals (xterm, kitty, Alacritty and Windows
Terminal among them) show the letters in logical order, left to right; those that implement the Unicode
bidirectional algorithm (VTE's GNOME Terminal, Konsole, mlterm) reorder each line. For those, each inserted
or deleted run of a paragraph that holds right-to-left letters is wrapped in FIRST STRONG ISOLATE … POP
DIRECTIONAL ISOLATE (U+2068 … U+2069), but only with colour: there, nothing else separates a deleted number
from the inserted one (``30`` then ``60`` would merge into one run ``3060`` and read in the wrong order),
while the plain ``[-…-]`` / ``{+…+}`` markers already separate them, and plain output (a file, a pipe) keeps
its bytes free of invisible characters. Rich gives both characters no width, so lines wrap and panel borders
stand where they would without them (only a space left at the end of a wrapped line after an edit is dropped
instead of being struck through); left-to-right paragraphs get none, and neither do the other lines (titles,
flags).
"""

from __future__ import annotations

import unicodedata

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from treatydiff.model import (
    ArticleChange,
    Comparison,
    Flag,
    Op,
    Outcome,
    ParagraphChange,
    RenderOptions,
    Severity,
)
from treatydiff.render import COMPARE, plain_layout, report
from treatydiff.render.report import one_line

# Colours from the Okabe-Ito palette, which people with the common colour-vision deficiencies tell apart and
# which stay readable on white and on black backgrounds. Colour is never the only cue: deletions are struck
# through and insertions underlined, outcomes are spelled out in their badge, and a console without colour
# gets the ``[-…-]`` / ``{+…+}`` markers. A 16-colour terminal cannot show these hues (Rich would round
# vermillion to yellow, unreadable on white), so it gets the nearest ANSI colours that are safe on both
# backgrounds instead. Styles are named (``td.delete``) and resolved through a theme pushed for the length
# of one render, so every function below stays independent of the console.
OKABE_ITO = {
    "vermillion": "#d55e00", "blue": "#0072b2", "bluish-green": "#009e73", "sky-blue": "#56b4e9",
    "orange": "#e69f00", "purple": "#cc79a7",
}
ANSI_16 = {
    "vermillion": "red", "blue": "blue", "bluish-green": "cyan", "sky-blue": "blue", "orange": "magenta",
    "purple": "magenta",
}
OUTCOME_HUE = {
    Outcome.MODIFIED: "purple",
    Outcome.RENUMBERED: "bluish-green",
    Outcome.MOVED: "sky-blue",
    Outcome.ADDED: "blue",
    Outcome.REMOVED: "vermillion",
    Outcome.SPLIT: "orange",
    Outcome.MERGED: "orange",
}
#: Named style of each outcome (its colour), and of its badge.
OUTCOME_STYLE = {outcome: f"td.{outcome.value}" for outcome in Outcome}
INSERT_STYLE = "td.insert"
DELETE_STYLE = "td.delete"
FLAG_STYLE = "td.flag"
EDITORIAL_STYLE = "td.editorial"


def theme_for(console: Console) -> Theme:
    """The named styles for ``console``: Okabe-Ito hues, or ANSI colours on a 16-colour terminal."""
    system = console.color_system or ""
    hues = ANSI_16 if system in ("standard", "windows") else OKABE_ITO
    styles = {OUTCOME_STYLE[o]: hues[h] for o, h in OUTCOME_HUE.items()}
    styles[OUTCOME_STYLE[Outcome.UNCHANGED]] = "dim"
    styles.update({f"{name}.badge": f"bold {value}" for name, value in styles.items()})
    styles.update({
        INSERT_STYLE: f"bold underline {hues['blue']}",
        DELETE_STYLE: f"bold strike {hues['vermillion']}",
        FLAG_STYLE: f"bold {hues['orange']}",
        EDITORIAL_STYLE: hues["bluish-green"],
    })
    return Theme(styles)


#: The git word-diff markers, for consoles without colour.
PLAIN_MARKERS = {Op.INSERT: ("{+", "+}"), Op.DELETE: ("[-", "-]")}
#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: around each coloured edit of a right-to-left paragraph.
ISOLATE = ("\u2068", "\u2069")
#: The bidirectional classes of right-to-left letters (Hebrew ``R``, Arabic ``AL``).
RTL_CLASSES = frozenset({"R", "AL"})


@COMPARE.register("terminal")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The report drawn for ``console`` (its colours and width); without colour, laid out by ``plain_layout``
    (the same text, without Rich's segments)."""
    plain = console.no_color or console.color_system is None
    console.push_theme(theme_for(console))
    try:
        return plain_layout.print_all(renderables(comparison, options, plain, console.width), console)
    finally:
        console.pop_theme()


def print_report(comparison: Comparison, options: RenderOptions, console: Console) -> None:
    """Print the report on ``console``, as the SVG renderer records it."""
    plain = console.no_color or console.color_system is None
    console.push_theme(theme_for(console))
    try:
        for part in renderables(comparison, options, plain, console.width):
            console.print(part, highlight=False)
    finally:
        console.pop_theme()


def renderables(comparison: Comparison, options: RenderOptions, plain: bool, width: int) -> list[RenderableType]:
    """The pieces of the report, in order: header, summary, per-chapter table, concordance (when asked), then
    one panel per changed article (nothing more with ``summary_only``)."""
    parts: list[RenderableType] = [_header(comparison), _lead(comparison, options, width), _summary(comparison)]
    chapters = _chapters(comparison, width)
    if chapters is not None:
        parts.append(chapters)
    if comparison.divisions and not options.summary_only:
        parts.append(_headings(comparison, plain))
    if options.concordance:
        parts.append(_concordance(comparison))
    if options.summary_only:
        return parts
    for change in comparison.changes:
        if change.outcome is not Outcome.UNCHANGED:
            parts.append(change_panel(change, plain, width, options, (comparison.old.label, comparison.new.label)))
        elif options.show_unchanged:
            parts.append(_unchanged_line(change))
    if not report.anything_changed(comparison):
        parts.append(Text("No changes." if comparison.changes else "No articles.", style="bold"))
    return parts


def _headings(comparison: Comparison, plain: bool) -> Group:
    """The division headings that changed, one line each: outcome, numbers, the title's redline, flags."""
    lines: list[RenderableType] = [Text("Division headings that changed", style="bold")]
    for change in comparison.divisions:
        line = Text("  ")
        line.append(f"[{change.outcome.value}]", style=OUTCOME_STYLE[change.outcome])
        line.append(" ")
        line.append(report.heading_names(change), style="bold")
        if change.editorial_only:
            line.append(" [editorial only]", style="dim")
        if change.edits:
            line.append(" — ")
            line.append_text(_redline(report.heading_title(change), plain, label=""))
        for flag in change.flags:
            line.append(f"\n    ⚑ {flag.level.value} {flag.kind.value}: {report.flag_phrase(flag)}", style=FLAG_STYLE)
        lines.append(line)
    return Group(*lines, Text())


def _header(comparison: Comparison) -> Text:
    header = Text()
    header.append(comparison.old.label, style="bold")
    header.append(" → ", style="dim")
    header.append(comparison.new.label, style="bold")
    header.append("\n")
    header.append(f"{comparison.old.source} ({comparison.old.format})", style="dim")
    header.append(" → ", style="dim")
    header.append(f"{comparison.new.source} ({comparison.new.format})", style="dim")
    for warning in comparison.warnings:  # a fallback is announced in the report, not only on standard error
        header.append("\n")
        header.append("warning: ", style=FLAG_STYLE)
        header.append(str(warning))
    return header


def _summary(comparison: Comparison) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False)
    table.add_column("outcome")
    table.add_column("articles", justify="right")
    for row in report.summary_rows(comparison):
        if row.outcome is None:
            if row.label == "words inserted":
                table.add_section()
            table.add_row(Text(row.label), Text(row.value))
        else:
            style = OUTCOME_STYLE[row.outcome] if row.value != "0" else "dim"
            table.add_row(Text(row.label, style=style), Text(row.value, style=style))
    return table


#: Column headings of the per-chapter table when the full outcome names leave the chapter too little room.
SHORT_OUTCOME = {
    Outcome.UNCHANGED: "same", Outcome.MODIFIED: "mod", Outcome.RENUMBERED: "renum", Outcome.MOVED: "moved",
    Outcome.ADDED: "added", Outcome.REMOVED: "rem", Outcome.SPLIT: "split", Outcome.MERGED: "merged",
}
#: Columns a chapter heading should keep before the outcome headings are shortened.
CHAPTER_ROOM = 32


def _chapters(comparison: Comparison, width: int) -> Table | None:
    """Chapter by outcome counts, one column per outcome that occurs, zeros dimmed; None without chapters."""
    rows = report.chapter_rows(comparison)
    if not rows or [name for name, _ in rows] == ["(no chapter)"]:
        return None
    shown = [o for o in report.OUTCOMES if any(counts.get(o.value, 0) for _, counts in rows)]
    names = {o: o.value for o in shown}
    # A column takes its heading plus 3: one space of padding each side and the divider.
    if width - sum(len(name) + 3 for name in names.values()) < CHAPTER_ROOM:
        names = {o: SHORT_OUTCOME[o] for o in shown}
    room = max(10, width - sum(len(name) + 3 for name in names.values()) - 3)
    table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False)
    table.add_column("chapter", overflow="ellipsis", no_wrap=True, max_width=room)
    for outcome in shown:
        table.add_column(Text(names[outcome], style=OUTCOME_STYLE[outcome]), justify="right", no_wrap=True,
                         min_width=len(names[outcome]))
    for name, counts in rows:
        cells = [Text(str(counts.get(o.value, 0)), style="" if counts.get(o.value, 0) else "dim") for o in shown]
        table.add_row(Text(one_line(name)), *cells)
    return table


def _concordance(comparison: Comparison) -> Table:
    """Old article -> new article, outcome and similarity, for every match."""
    table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False, title="Concordance",
                  title_justify="left", title_style="bold")
    table.add_column(comparison.old.label or "old", overflow="fold")
    table.add_column(comparison.new.label or "new", overflow="fold")
    table.add_column("outcome", no_wrap=True)
    table.add_column("similarity", justify="right", no_wrap=True)
    for row in report.concordance(comparison):
        style = OUTCOME_STYLE[row.outcome]
        similarity = "—" if row.similarity is None else f"{row.similarity:.2f}"
        table.add_row(Text(row.old), Text(row.new), Text(row.outcome.value, style=style),
                      Text(similarity, style="dim" if row.similarity is None else ""))
    return table


# --- one changed article -------------------------------------------------------------------------------


def change_panel(change: ArticleChange, plain: bool, width: int, options: RenderOptions,
                 labels: tuple[str, str] = ("old", "new")) -> Panel:
    """One changed article as a panel: numbers and title, chapter path, badges, note, flags and redline.
    Public: the timeline of ``treatydiff history --article`` shows each step of an article with it. The
    caller pushes ``theme_for(console)`` (its named styles)."""
    lines: list[RenderableType] = [_badges(change)]
    if change.match.note:
        lines.append(Text(one_line(change.match.note), style="italic"))
    if report.received(change):
        lines.append(Text(report.received(change), style="italic"))
    if options.explain:
        lines.extend(Text(line, style="dim") for line in report.explanation(change))
    for flag in report.shown_flags(change, options):
        lines.append(_flag_text(flag))
    items = report.visible(change, options)
    body: list[RenderableType]
    if options.side_by_side and items:
        body = [_side_by_side(items, plain, labels)]
    else:
        body = [
            Text(str(item), style="dim") if isinstance(item, report.Gap) else _redline(item, plain)
            for item in items
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


def _flag_text(flag: Flag) -> Text:
    """``⚑ high obligation-weakened: shall → may (para 4.) — note``."""
    badge = Text("⚑ ", style=FLAG_STYLE)
    badge.append(f"{flag.level.value} {flag.kind.value}", style=FLAG_STYLE if flag.level is Severity.HIGH else "bold")
    badge.append(f": {report.flag_phrase(flag)}")
    detail = report.flag_detail(flag)
    if detail:
        badge.append(detail, style="dim")
    return badge


def _lead(comparison: Comparison, options: RenderOptions, width: int) -> Table | Text:
    """"Changes that may alter legal meaning": each flagged article with its most severe flag."""
    rows = report.lead_rows(comparison, options)
    if not rows:
        return Text(f"{report.LEAD_TITLE}: none flagged (severity {options.min_severity} or more)", style="bold")
    table = Table(box=box.SIMPLE_HEAD, show_header=True, pad_edge=False, title=report.LEAD_TITLE,
                  title_justify="left", title_style="bold", expand=True)
    longest = max(len(report.numbers(row.change)) for row in rows)
    table.add_column("article", overflow="fold", min_width=min(longest, 18), max_width=max(18, width // 4))
    table.add_column("severity", no_wrap=True)
    table.add_column("most severe flag", overflow="fold", ratio=1)
    table.add_column("flags", justify="right", no_wrap=True)
    for row in rows:
        style = FLAG_STYLE if row.flag.level is Severity.HIGH else ""
        table.add_row(Text(report.numbers(row.change)), Text(row.flag.level.value, style=style),
                      Text(f"{row.flag.kind.value}: {report.brief_phrase(row.flag)}"), Text(str(row.count)))
    return table


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
    line.append(f"[{change.outcome.value}]", style=f"{OUTCOME_STYLE[change.outcome]}.badge")
    if change.editorial_only:
        line.append(" [editorial only]", style=EDITORIAL_STYLE)
    if change.match.old and change.match.new:
        line.append(f" similarity {change.match.score:.2f}", style="dim")
    counts = [f"+{change.words_inserted}" if change.words_inserted else "",
              f"-{change.words_deleted}" if change.words_deleted else ""]
    if any(counts):
        line.append(f" {' '.join(c for c in counts if c)} words", style="dim")
    return line


def _redline(paragraph: ParagraphChange, plain: bool, keep: tuple[Op, ...] = (Op.INSERT, Op.DELETE),
             label: str | None = None) -> Text:
    """The paragraph's label and words, with the edits in ``keep`` marked (the others left out): both for the
    inline redline, deletions only for the old column of a side-by-side view, insertions for the new one."""
    line = Text()
    label = report.paragraph_label(paragraph) if label is None else one_line(label)
    if label:
        line.append(label, style="bold")
        line.append(" ")
    edits = report.tidy_edits(paragraph.edits)
    isolate = not plain and any(_right_to_left(edit.text) for edit in edits)
    for edit in edits:
        if edit.op is Op.EQUAL:
            line.append(edit.text)
        elif edit.op not in keep:
            continue
        elif plain:
            start, end = PLAIN_MARKERS[edit.op]
            line.append(f"{start}{edit.text}{end}")
        else:
            line.append(_isolated(edit.text) if isolate else edit.text,
                        style=INSERT_STYLE if edit.op is Op.INSERT else DELETE_STYLE)
    return line


def _right_to_left(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter."""
    return any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


def _isolated(text: str) -> str:
    """``text`` with its words (not the spaces at its ends, where Rich wraps lines) between ``ISOLATE``."""
    words = text.strip()
    if not words:
        return text
    start = text.index(words)
    return f"{text[:start]}{ISOLATE[0]}{words}{ISOLATE[1]}{text[start + len(words):]}"


def _side_by_side(items: list[ParagraphChange | report.Gap], plain: bool, labels: tuple[str, str]) -> Table:
    """Old | new, one row per visible paragraph: the old text with its deletions, the new with its insertions.
    A paragraph missing on one side (added, removed) leaves that cell empty."""
    table = Table(box=box.SIMPLE, show_header=True, pad_edge=False, expand=True, show_edge=False)
    table.add_column(Text(labels[0] or "old", style="bold"), ratio=1, overflow="fold")
    table.add_column(Text(labels[1] or "new", style="bold"), ratio=1, overflow="fold")
    for item in items:
        if isinstance(item, report.Gap):
            gap = Text(str(item), style="dim")
            table.add_row(gap, gap.copy())
            continue
        old = _redline(item, plain, (Op.DELETE,), item.old_label) if item.outcome is not Outcome.ADDED else Text()
        new = _redline(item, plain, (Op.INSERT,), item.new_label) if item.outcome is not Outcome.REMOVED else Text()
        table.add_row(old, new)
    return table


def _unchanged_line(change: ArticleChange) -> Text:
    line = Text("= ", style="dim")
    line.append(report.heading(change), style="dim")
    return line
