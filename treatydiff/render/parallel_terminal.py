"""Stage 4, render: the parallel report for a terminal (Rich): the versions, the summary line, one table per kind
of finding."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from treatydiff.model import Parallel
from treatydiff.render import PARALLEL
from treatydiff.render import parallel_common as common


@PARALLEL.register("terminal")
def render(result: Parallel, console: Console) -> str:
    """The report as the console draws it (colours and width are the console's)."""
    with console.capture() as capture:
        for name, draft, count in zip(result.names(), result.drafts, result.provisions, strict=True):
            console.print(Text.assemble((f"{name:<6}", "bold"), f" {draft.label}  {draft.source}  "
                                        f"({count} provisions)"), soft_wrap=True)
        console.print()
        console.print(Text(common.summary(result), style="bold"))
        for kind, findings in common.by_kind(result):
            table = Table(title=common.TITLES[kind], title_justify="left", show_edge=False, header_style="bold")
            table.add_column("unit")
            for name in result.names():
                table.add_column(name, overflow="fold")
            for finding in findings:
                table.add_row(finding.where, *(common.cell(kind, side) for side in finding.sides))
            console.print()
            console.print(table)
    return capture.get()
