"""Stage 4, render: one revision step compared in two languages, for a terminal (Rich): the two comparisons, the
summary line, and the table of the articles whose outcome differs."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from treatydiff.model import ParallelComparison
from treatydiff.render import PARALLEL_COMPARE
from treatydiff.render import parallel_common as common


@PARALLEL_COMPARE.register("terminal")
def render(result: ParallelComparison, console: Console) -> str:
    """The report as the console draws it (colours and width are the console's)."""
    names = common.languages(result)
    with console.capture() as capture:
        for name, comparison in zip(names, (result.first, result.second), strict=True):
            console.print(Text.assemble((f"{name:<6}", "bold"), f" {comparison.old.source} → {comparison.new.source}"),
                          soft_wrap=True)
        console.print()
        console.print(Text(common.compare_summary(result), style="bold"))
        if result.differences:
            table = Table(title="Articles whose outcome differs between the languages", title_justify="left",
                          show_edge=False, header_style="bold")
            for name in names:
                table.add_column(name, overflow="fold")
                table.add_column("outcome")
            for difference in result.differences:
                table.add_row(*(text for pair in zip(difference.where, difference.outcomes, strict=True)
                                for text in (pair[0] or "—", pair[1] or "—")))
            console.print()
            console.print(table)
    return capture.get()
