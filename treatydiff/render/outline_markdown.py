"""Stage 4, render: the outline as GitHub-flavoured Markdown, to paste into a briefing or an issue.

Divisions, articles and annexes become headings (nested levels, ``##`` to ``######``, then bold lines);
paragraphs, points, items and recitals become nested list items: ``- **1.** text``. Every piece of treaty
text is escaped as the change report escapes it (``compare_markdown.escape``), so brackets, asterisks, ``#``,
``|``, ``<tag>``, ``https://``, ``www.`` or a leading ``1986.`` in a draft show as written and cannot open a
link, emphasis, heading, table, HTML or a list of their own; and ``@name``, ``user@host`` and ``#12`` cannot
become a GitHub mention (which notifies that user), an e-mail link or an issue reference once pasted.
"""

from __future__ import annotations

import re

from rich.console import Console

from treatydiff.model import Draft, Node, RenderOptions
from treatydiff.render import OUTLINE
from treatydiff.render.compare_markdown import escape as escape_markdown
from treatydiff.render.outline_common import (
    BADGE_MARKS,
    HEADING_KINDS,
    count_phrases,
    extra_label,
    heading,
    inline_text,
    language_name,
    says_deleted,
    shows_children,
)

_FIRST_LEVEL = 2  # "#" is the document's own title
_INDENT = "  "

# GitHub finds mentions (``@name``), e-mail addresses and issue references (``#12``) in the text it has already
# rendered, where the backslash that ``escape_markdown`` puts before ``@`` and ``#`` is gone: an invisible word
# joiner (U+2060) after them is what stops it.
_GITHUB_REFERENCE = re.compile(r"(?<=@)(?=\w)|(?<=#)(?=\d)")


def escape(text: str, *, at_start: bool = True) -> str:
    """``text`` on one line, shown exactly as written and linking nothing (``compare_markdown.escape``), with a
    word joiner after each ``@`` and ``#`` that GitHub would read as a mention or an issue reference.
    ``at_start``: it may begin a line or a list item, so a leading "-" or "1986." is escaped too."""
    return _GITHUB_REFERENCE.sub("\u2060", escape_markdown(text, at_start=at_start))


@OUTLINE.register("markdown")
def render(draft: Draft, options: RenderOptions, console: Console) -> str:
    """The Markdown document, ending with a newline. The console is not used."""
    out: list[str] = [f"# Outline of {escape(draft.source, at_start=False)}", ""]
    summary = [f"Format: {escape(draft.format, at_start=False)}", *count_phrases(draft.counts())]
    if language_name(draft):
        summary.insert(1, f"Language: {language_name(draft)}")
    if extra_label(draft):
        summary.insert(0, f"Label: {escape(extra_label(draft), at_start=False)}")
    out += [" · ".join(summary), ""]
    for warning in draft.warnings:
        out += [f"> **Warning:** {escape(str(warning), at_start=False)}", ""]
    for node in draft.nodes:
        _node(out, node, level=1, heading_level=_FIRST_LEVEL, list_level=None, depth=options.depth)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _node(out: list[str], node: Node, *, level: int, heading_level: int, list_level: int | None,
          depth: int) -> None:
    """Append ``node`` (and, depth allowing, what is inside it). ``list_level`` is None outside lists."""
    more = shows_children(level, depth)
    if node.kind in HEADING_KINDS and list_level is None:
        _blank(out)
        title = escape(heading(node), at_start=False) + _badges(node)
        if inline_text(node) and node.text:
            title += f" {escape(node.text, at_start=False)}"
        out += [f"{'#' * heading_level} {title}" if heading_level <= 6 else f"**{title}**", ""]
        if more and node.text and not inline_text(node):
            out += [escape(node.text), ""]
        if more:
            _footnotes(out, node, 0)
            for child in node.children:
                child_list = None if child.kind in HEADING_KINDS else 0
                _node(out, child, level=level + 1, heading_level=heading_level + 1, list_level=child_list,
                      depth=depth)
            _blank(out)
        return
    indent = _INDENT * (list_level or 0)
    if node.kind in HEADING_KINDS:  # a heading inside a numbered unit: keep it in the list
        words = f"**{escape(heading(node), at_start=False)}**{_badges(node)}"
        if node.text:
            words += f" {escape(node.text, at_start=False)}"
    else:
        label = f"**{escape(node.label, at_start=False)}**" if node.label.strip() else ""
        badges = _badges(node).strip()
        text = escape(node.text, at_start=not (label or badges))
        words = " ".join(part for part in (label, badges, text) if part)
    out.append(f"{indent}- {words or escape(node.kind.value)}")
    if more:
        _footnotes(out, node, (list_level or 0) + 1)
        for child in node.children:
            _node(out, child, level=level + 1, heading_level=heading_level, list_level=(list_level or 0) + 1,
                  depth=depth)


def _badges(node: Node) -> str:
    """Marks as code spans, which show their brackets as written and never need escaping."""
    words = []
    if node.deleted and not says_deleted(node):
        words.append("[deleted]")
    words += [f"[{mark.value}]" for mark in BADGE_MARKS if mark in node.marks]
    if node.footnotes:
        n = len(node.footnotes)
        words.append(f"[{n} footnote{'s' if n != 1 else ''}]")
    return "".join(f" `{word}`" for word in words)


def _footnotes(out: list[str], node: Node, list_level: int) -> None:
    indent = _INDENT * list_level
    out.extend(f"{indent}- *Footnote:* {escape(text, at_start=False)}" for text in node.footnotes)


def _blank(out: list[str]) -> None:
    if out and out[-1]:
        out.append("")

