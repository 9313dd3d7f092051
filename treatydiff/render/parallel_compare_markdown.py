"""Stage 4, render: one revision step compared in two languages, as GitHub-flavoured Markdown. Every piece of
treaty text goes through ``compare_markdown.escape``."""

from __future__ import annotations

from rich.console import Console

from treatydiff.model import ParallelComparison
from treatydiff.render import PARALLEL_COMPARE
from treatydiff.render import parallel_common as common
from treatydiff.render.compare_markdown import escape


@PARALLEL_COMPARE.register("markdown")
def render(result: ParallelComparison, console: Console) -> str:
    """The Markdown document, ending with a newline. The console is not used."""
    names = common.languages(result)
    out = ["# One revision step in two languages", ""]
    for name, comparison in zip(names, (result.first, result.second), strict=True):
        out.append(f"- **{_e(name)}**: {_e(comparison.old.source)} → {_e(comparison.new.source)}")
    out += ["", f"**{_e(common.compare_summary(result))}**", ""]
    if result.differences:
        out += ["## Articles whose outcome differs between the languages", ""]
        out.append(f"| {_e(names[0])} | outcome | {_e(names[1])} | outcome |")
        out.append("|---|---|---|---|")
        for d in result.differences:
            out.append(f"| {_e(d.where[0]) or '—'} | {d.outcomes[0] or '—'} | {_e(d.where[1]) or '—'} | "
                       f"{d.outcomes[1] or '—'} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _e(text: str) -> str:
    return escape(text, at_start=False).replace("\n", " ")
