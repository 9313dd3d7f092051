"""Stage 4, render: the terminal change report as an SVG picture, for documents, slides and READMEs.

The report is drawn exactly as ``-f terminal`` draws it, on a Rich console that records what it prints,
with colours forced on (truecolor, whatever the real terminal or ``NO_COLOR`` say: a picture without colour
would lose the redline), then exported with ``Console.export_svg``. The width is the width of the console
the CLI hands in (the terminal's, or the fixed file width for ``-o``). The output is deterministic: Rich
derives the ids inside the SVG from the recorded content, so the same comparison at the same width gives
the same bytes.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from treatydiff.model import Comparison, RenderOptions
from treatydiff.render import COMPARE
from treatydiff.render.compare_terminal import print_report


@COMPARE.register("svg")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The SVG document (one ``<svg>`` element, ending with a newline); its title names both drafts."""
    recorder = Console(
        record=True, file=StringIO(), width=console.width, force_terminal=True, color_system="truecolor",
        no_color=False, highlight=False, emoji=False, markup=False, legacy_windows=False, force_jupyter=False,
        _environ={},  # COLUMNS, NO_COLOR and friends must not change a picture
    )
    print_report(comparison, options, recorder)
    svg = recorder.export_svg(title=f"treatydiff: {comparison.old.label} → {comparison.new.label}")
    return svg if svg.endswith("\n") else svg + "\n"
