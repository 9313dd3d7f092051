"""Stage 4, render: the history of n drafts as JSON, schema_version 1, for programs and CI.

``{"schema_version": 1, "drafts": [DRAFTINFO], "selection": [SEL], "survival", "steps": [STEP],
"lineages": [LINEAGE]}`` where DRAFTINFO is the compare report's (``compare_json.draft_info``), STEP =
``{"from", "to", "summary"}`` (draft indices, 0-based; ``summary`` as in the compare report, plus
``substantive`` and ``flagged`` counts), and LINEAGE = ``{"cells": [CELL | null per draft], "parent":
[lineage, draft] | null, "into": [lineage, draft] | null, "ended": {"draft", "outcome"} | null}`` with
CELL = ``{"number", "kind", "title", "outcome", "flags", "substantive", "deleted", "line"}``. ``outcome`` is
that of the step into the draft (null in the first draft and where a lineage starts with the history).
With ``--article``, each cell (and ``ended``) also carries ``change``: the step's CHANGE as in the compare
report (``compare_json.change_document``). The schema ships as ``treatydiff/schema/history.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from treatydiff.history import Cell, History, Lineage
from treatydiff.model import Comparison, Outcome, RenderOptions
from treatydiff.perf import collector_paused
from treatydiff.render import HISTORY
from treatydiff.render.compare_json import (
    DIGITS,
    SCHEMA_VERSION,
    change_document,
    counts,
    draft_info,
)
from treatydiff.render.history_common import substantive
from treatydiff.render.json_text import json_document

if TYPE_CHECKING:
    from rich.console import Console


@HISTORY.register("json")
def render(history: History, options: RenderOptions, console: Console) -> str:
    """The JSON document, indented, ending with a newline, written lineage by lineage (``json_document``: the
    bytes of ``json.dumps(indent=2)``). Neither the options nor the console are used."""
    detailed = bool(history.selection)
    with collector_paused():  # many short-lived dicts and lists, no cycles
        return json_document(_document(history, (_lineage(lineage, detailed) for lineage in history.lineages)))


def history_document(history: History) -> dict[str, Any]:
    detailed = bool(history.selection)
    return _document(history, [_lineage(lineage, detailed) for lineage in history.lineages])


def _document(history: History, lineages: list[dict[str, Any]] | Iterator[dict[str, Any]]) -> dict[str, Any]:
    """The history with ``lineages`` as given: a list, or an iterator that ``json_document`` writes one at a
    time."""
    return {
        "schema_version": SCHEMA_VERSION,
        "drafts": [draft_info(d) for d in history.drafts],
        "selection": list(history.selection),
        "survival": round(history.survival, DIGITS),
        "steps": [
            {"from": step.index - 1, "to": step.index, "summary": _summary(step.comparison)}
            for step in history.steps
        ],
        "lineages": lineages,
    }


def _summary(comparison: Comparison) -> dict[str, Any]:
    summary = counts(comparison.totals)
    summary.update(
        substantive=sum(1 for c in comparison.changes if substantive(c)),
        flagged=sum(1 for c in comparison.changes if c.flags),
    )
    return summary


def _lineage(lineage: Lineage, detailed: bool) -> dict[str, Any]:
    ended: dict[str, Any] | None = None
    if lineage.ended is not None:
        ended = {"draft": lineage.last + 1,
                 "outcome": (Outcome.MERGED if lineage.into is not None else Outcome.REMOVED).value}
        if detailed:
            ended["change"] = change_document(lineage.ended)
    return {
        "cells": [_cell(cell, detailed) for cell in lineage.cells],
        "parent": list(lineage.parent) if lineage.parent else None,
        "into": list(lineage.into) if lineage.into else None,
        "ended": ended,
    }


def _cell(cell: Cell, detailed: bool) -> dict[str, Any] | None:
    if cell.provision is None:
        return None
    node = cell.provision.node
    out: dict[str, Any] = {
        "number": node.label,
        "kind": node.kind.value,
        "title": node.title,
        "outcome": cell.outcome.value if cell.outcome else None,
        "flags": [flag.value for flag in cell.flags],
        "substantive": cell.substantive,
        "deleted": node.deleted,
        "line": node.line or None,
    }
    if node.designation:  # "Sec." of a US bill's section; absent for articles
        out["designation"] = node.designation
    if detailed:
        out["change"] = change_document(cell.change) if cell.change is not None else None
    return out
