"""Stage 4, render: the parallel report as JSON, schema_version 1, for programs and CI.

``{"schema_version": 1, "summary": {"provisions": [N per version], "rows", "differing", "corresponds"},
"versions": [{"source", "label", "language", "articles", "provisions"}], "findings": [{"kind", "where",
"provision", "versions": [SIDE per version]}]}`` with SIDE = ``{"present", "where", "line", "value"}``: ``value``
is null for ``missing``, the list of numbers (strings, normalised, sorted by value) for ``numbers``, the count for
``brackets`` and ``quotes``; ``where`` and ``line`` are null where the version lacks the unit. The schema ships as
``treatydiff/schema/parallel.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from treatydiff.model import Discrepancy, Parallel, ParallelSide
from treatydiff.render import PARALLEL
from treatydiff.render.compare_json import SCHEMA_VERSION


@PARALLEL.register("json")
def render(result: Parallel, console: Console) -> str:
    """The JSON document, indented, ending with a newline. The console is not used."""
    return json.dumps(parallel_document(result), ensure_ascii=False, indent=2) + "\n"


def parallel_document(result: Parallel) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": {"provisions": list(result.provisions), "rows": result.rows, "differing": result.differing,
                    "corresponds": not result.findings},
        "versions": [
            {"source": d.source, "label": d.label, "language": d.language, "articles": d.counts()["articles"],
             "provisions": n}
            for d, n in zip(result.drafts, result.provisions, strict=True)
        ],
        "findings": [
            {"kind": f.kind.value, "where": f.where, "provision": f.provision,
             "versions": [_side(f.kind, side) for side in f.sides]}
            for f in result.findings
        ],
    }


def _side(kind: Discrepancy, side: ParallelSide) -> dict[str, Any]:
    value: Any = None
    if kind is Discrepancy.NUMBERS:
        value = list(side.numbers)
    elif kind in (Discrepancy.BRACKETS, Discrepancy.QUOTES):
        value = side.count
    return {"present": side.present, "where": side.where if side.present else None,
            "line": side.line if side.present else None, "value": value}
