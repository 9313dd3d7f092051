"""Stage 4, render: one revision step compared in two languages, as JSON, schema_version 1.

``{"schema_version": 1, "comparisons": [{"old": DRAFTINFO, "new": DRAFTINFO, "summary": {...}}, twice],
"differences": [{"old": [index], "new": [index], "versions": [{"where", "outcome"}, twice]}]}``: DRAFTINFO and
``summary`` as in the compare report (``compare_json``); ``old``/``new`` are the provision indexes (0-based, in
document order) the articles were matched by; ``where``/``outcome`` are null where a comparison has no change
with those provisions. The schema ships as ``treatydiff/schema/parallel-compare.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from treatydiff.model import ParallelComparison
from treatydiff.render import PARALLEL_COMPARE
from treatydiff.render.compare_json import SCHEMA_VERSION, counts, draft_info


@PARALLEL_COMPARE.register("json")
def render(result: ParallelComparison, console: Console) -> str:
    """The JSON document, indented, ending with a newline. The console is not used."""
    return json.dumps(parallel_compare_document(result), ensure_ascii=False, indent=2) + "\n"


def parallel_compare_document(result: ParallelComparison) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "comparisons": [
            {"old": draft_info(c.old), "new": draft_info(c.new), "summary": counts(c.totals)}
            for c in (result.first, result.second)
        ],
        "differences": [
            {"old": list(d.old), "new": list(d.new),
             "versions": [{"where": w or None, "outcome": o or None}
                          for w, o in zip(d.where, d.outcomes, strict=True)]}
            for d in result.differences
        ],
    }
