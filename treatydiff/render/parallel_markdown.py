"""Stage 4, render: the parallel report as GitHub-flavoured Markdown: the versions, the summary line, one table per
kind of finding. Every piece of treaty text goes through ``compare_markdown.escape``."""

from __future__ import annotations

from rich.console import Console

from treatydiff.model import Parallel
from treatydiff.render import PARALLEL
from treatydiff.render import parallel_common as common
from treatydiff.render.compare_markdown import escape


@PARALLEL.register("markdown")
def render(result: Parallel, console: Console) -> str:
    """The Markdown document, ending with a newline. The console is not used."""
    out = ["# Parallel language versions", ""]
    out += ["| version | label | source | provisions |", "|---|---|---|---:|"]
    for name, draft, count in zip(result.names(), result.drafts, result.provisions, strict=True):
        out.append(f"| {_cell(name)} | {_cell(draft.label)} | {_cell(draft.source)} | {count} |")
    out += ["", f"**{escape(common.summary(result), at_start=False)}**", ""]
    for kind, findings in common.by_kind(result):
        out += [f"## {escape(common.TITLES[kind], at_start=False)}", ""]
        out.append("| unit | " + " | ".join(_cell(n) for n in result.names()) + " |")
        out.append("|---" * (len(result.names()) + 1) + "|")
        for finding in findings:
            cells = [_cell(common.cell(kind, side)) for side in finding.sides]
            out.append(f"| {_cell(finding.where)} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    return escape(text, at_start=False).replace("\n", " ")
