"""Stage 4, render: the verdicts of ``check``/``lint`` as JSON, schema_version 1 — the contract in DESIGN.md.

Contract fields (never renamed or dropped): ``schema_version``, ``passed`` (whether every rule passed: the exit
code is 0 exactly when it is true) and ``verdicts`` ([{``rule``, ``status`` ("passed"|"failed"), ``article``
(number as printed, "Annex I", "" for the whole draft), ``file``, ``line`` (null when unknown), ``message``}]).
Additions in this version: ``command`` ("check" or "lint") and ``rules`` (every rule or check that ran, in
order, passing ones included). A documented view built field by field, not ``asdict()``.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console

from treatydiff.model import Verdict, Verdicts
from treatydiff.render import VERDICTS

SCHEMA_VERSION = 1


@VERDICTS.register("json")
def render(verdicts: Verdicts, console: Console) -> str:
    """The JSON document, indented, ending with a newline; the console is not used."""
    return json.dumps(verdicts_document(verdicts), ensure_ascii=False, indent=2) + "\n"


def verdicts_document(verdicts: Verdicts) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "command": verdicts.command,
        "passed": verdicts.passed,
        "rules": list(verdicts.rules),
        "verdicts": [verdict_document(v) for v in verdicts.verdicts],
    }


def verdict_document(verdict: Verdict) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": verdict.rule,
        "status": verdict.status.value,
        "article": verdict.article,
        "file": verdict.file,
        "line": verdict.line,
        "message": verdict.message,
    }
    if verdict.designation:  # the article's own word ("Sec."), only where its draft numbers it under one
        out["designation"] = verdict.designation
    return out
