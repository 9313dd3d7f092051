"""Stage 4, render: the outline as a Rich tree, for a person checking that a draft was read right.

One line per unit: headings ("Chapter II — Offences", "Article 5 — Scope") with the units inside them below;
numbered paragraphs, points, items and recitals as their label and their text cut to one line (the console
width decides where, with an ellipsis). Deleted placeholders are dimmed and say "[deleted]"; negotiating
marks are badges right after the label, so a cut line never hides them. Treaty text always goes in as
``Text`` objects, never as markup: square brackets in a draft are negotiating text, not Rich styles.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from treatydiff.model import Draft, Kind, Mark, Node, RenderOptions
from treatydiff.render import OUTLINE
from treatydiff.render.outline_common import (
    BADGE_MARKS,
    HEADING_KINDS,
    count_phrases,
    extra_label,
    heading,
    inline_text,
    language_name,
    one_line,
    says_deleted,
    shows_children,
)

_HEADING_STYLE = {
    Kind.TEXT: "bold underline",
    Kind.PART: "bold magenta",
    Kind.TITLE: "bold magenta",
    Kind.CHAPTER: "bold magenta",
    Kind.SECTION: "magenta",
    Kind.SUBSECTION: "magenta",
    Kind.DIVISION: "magenta",
    Kind.CONTENTS: "dim",
    Kind.PREAMBLE: "bold italic",
    Kind.ARTICLE: "bold",
    Kind.ANNEX: "bold cyan",
}
_BADGE_STYLE = {Mark.BRACKETS: "yellow", Mark.OPTION: "blue"}


@OUTLINE.register("tree")
def render(draft: Draft, options: RenderOptions, console: Console) -> str:
    """The draft as a tree under a header line, drawn for ``console`` (its colours and width)."""
    tree = Tree(_header(draft, console.width), guide_style="dim")
    for node in draft.nodes:
        _add(tree, node, 1, options.depth)
    if not draft.nodes:
        tree.add(Text("(no text found)", style="dim"))
    with console.capture() as capture:
        console.print(tree, highlight=False, crop=True)
    return capture.get()


def _header(draft: Draft, width: int) -> Text:
    """"source (label) · format · counts" on one line, or the counts on a second line when it would not fit
    (so a narrow terminal never breaks "2 paragraphs" in two)."""
    header = Text()
    header.append(draft.source, style="bold")
    if extra_label(draft):
        header.append(f" ({extra_label(draft)})")
    header.append(" · ", style="dim")
    header.append(draft.format, style="cyan")
    if language_name(draft):
        header.append(" · ", style="dim")
        header.append(language_name(draft))
    counts = ", ".join(count_phrases(draft.counts()))
    if len(header) + 3 + len(counts) <= width:
        header.append(" · ", style="dim")
    else:
        header.append("\n")
    header.append(counts)
    return header


def _add(parent: Tree, node: Node, level: int, depth: int) -> None:
    branch = parent.add(_line(node))
    if not shows_children(level, depth):
        return
    if not inline_text(node) and node.text:
        branch.add(Text(one_line(node.text), style="dim", no_wrap=True, overflow="ellipsis"))
    for child in node.children:
        _add(branch, child, level + 1, depth)


def _line(node: Node) -> Text:
    if node.kind in HEADING_KINDS:
        line = Text(heading(node), style=_HEADING_STYLE.get(node.kind, "bold"))
    else:
        line = Text(no_wrap=True, overflow="ellipsis")
        if node.label:
            line.append(one_line(node.label), style="bold")
    _badges(line, node)
    if inline_text(node) and node.text:
        if line:
            line.append(" ")
        line.append(one_line(node.text))
    if node.deleted:
        line.stylize("dim")
    return line


def _badges(line: Text, node: Node) -> None:
    """Marks and footnotes as short bracketed words; they read the same without colour."""
    badges: list[tuple[str, str]] = []
    if node.deleted and not says_deleted(node):
        badges.append(("[deleted]", "dim"))
    badges.extend((f"[{mark.value}]", _BADGE_STYLE[mark]) for mark in BADGE_MARKS if mark in node.marks)
    if node.footnotes:
        n = len(node.footnotes)
        badges.append((f"[{n} footnote{'s' if n != 1 else ''}]", "dim"))
    for word, style in badges:
        if line:
            line.append(" ")
        line.append(word, style=style)
