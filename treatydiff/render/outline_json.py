"""Stage 4, render: the outline as JSON, schema_version 1 — the contract in DESIGN.md, for programs and CI.

Contract fields (never renamed or dropped): ``schema_version``, ``source``, ``format``, ``warnings`` and
``nodes``, where each NODE has ``kind``, ``label``, ``title``, ``text``, ``line`` and ``children``.
Additions in this version: ``label`` and ``counts`` (``Draft.counts()``) and ``depth`` at the top,
``marks`` and ``footnotes`` on each NODE, and ``ref`` (the source's element id, e.g. an Akoma Ntoso
``eId``) on a NODE that has one. ``line`` is null when the reader could not tell the line.
With ``--depth N`` the nodes at level N are listed with empty ``children`` and ``depth`` says so (0: all).
This is a documented view built field by field, not ``asdict()`` of the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from treatydiff.model import Draft, Node, RenderOptions
from treatydiff.perf import collector_paused
from treatydiff.render import OUTLINE
from treatydiff.render.json_text import json_document
from treatydiff.render.outline_common import shows_children

if TYPE_CHECKING:
    from rich.console import Console

SCHEMA_VERSION = 1


@OUTLINE.register("json")
def render(draft: Draft, options: RenderOptions, console: Console) -> str:
    """The JSON document, indented, ending with a newline (``json_document``: the bytes of
    ``json.dumps(indent=2)``). The console is not used."""
    with collector_paused():  # a dict and lists for every node, no cycles
        return json_document(outline_document(draft, options))


def outline_document(draft: Draft, options: RenderOptions | None = None) -> dict[str, Any]:
    """The outline as plain JSON-ready values."""
    options = options or RenderOptions()
    return {
        "schema_version": SCHEMA_VERSION,
        "source": draft.source,
        "label": draft.label,
        "format": draft.format,
        "language": draft.language,
        "warnings": [str(warning) for warning in draft.warnings],
        "counts": draft.counts(),
        "depth": options.depth,
        "nodes": [_node(node, 1, options.depth) for node in draft.nodes],
    }


def _node(node: Node, level: int, depth: int) -> dict[str, Any]:
    children = node.children if shows_children(level, depth) else ()
    out: dict[str, Any] = {
        "kind": node.kind.value,
        "label": node.label,
        "title": node.title,
        "text": node.text,
        "line": node.line or None,
        "marks": sorted(mark.value for mark in node.marks),
        "footnotes": list(node.footnotes),
        "children": [_node(child, level + 1, depth) for child in children],
    }
    if node.ref:  # only formats with element identifiers (Akoma Ntoso) give one
        out["ref"] = node.ref
    if node.designation:  # the word an article is numbered under, where it is not "Article" ("Sec.")
        out["designation"] = node.designation
    return out
