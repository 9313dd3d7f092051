"""Stage 4, render: the terminal change report as an SVG picture, for documents, slides and READMEs.

The report is drawn exactly as ``-f terminal`` draws it, on a Rich console that records what it prints,
with colours forced on (truecolor, whatever the real terminal or ``NO_COLOR`` say: a picture without colour
would lose the redline), then exported with ``Console.export_svg``. The width is the width of the console
the CLI hands in (the terminal's, or the fixed file width for ``-o``). The output is deterministic: Rich
derives the ids inside the SVG from the recorded content, so the same comparison at the same width gives
the same bytes.

The picture loads nothing: Rich's own template fetches the Fira Code web font from a CDN (an outside request
from a README, a slide or an offline reader, and a different picture where it is blocked), so ``SVG_FORMAT``
is that template without the ``@font-face`` rules, naming fonts the reader's system has (``MONOSPACE``). The
glyphs still line up: Rich gives every run of text its ``textLength``, so a font a little narrower or wider
than Fira Code is stretched to the same columns.

A picture is refused when the report is more than ``MAX_LINES`` terminal lines (``ReportTooLarge``, with
the hint to show less): a whole treaty as one image is a page nobody can read at that size (the AI Act
proposal against the Council's text is 5,464 lines, 133,000 px tall); its ``--summary`` (199 lines at 100
columns, 231 at 80) fits.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from treatydiff.errors import ReportTooLarge
from treatydiff.model import Comparison, RenderOptions
from treatydiff.render import COMPARE
from treatydiff.render.compare_terminal import print_report

#: The tallest report drawn as a picture, in terminal lines: about 6,100 px at Rich's 24.4 px a line, five or six
#: screens; past it the renderer refuses and says how to show less.
MAX_LINES = 250

#: Fonts found on the reader's system, Fira Code (whose width Rich lays the columns out for) first where installed.
MONOSPACE = ("'Fira Code', ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', "
             "monospace")
SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"

#: Rich's ``CONSOLE_SVG_FORMAT`` without its web fonts (and without its link to Rich's site).
SVG_FORMAT = (
    """<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <!-- Drawn by treatydiff with Rich -->
    <style>

    .{unique_id}-matrix {{
        font-family: """ + MONOSPACE + """;
        font-size: {char_height}px;
        line-height: {line_height}px;
        font-variant-east-asian: full-width;
    }}

    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: """ + SANS + """;
    }}

    {styles}
    </style>

    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>

    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""
)


@COMPARE.register("svg")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The SVG document (one ``<svg>`` element, ending with a newline); its title names both drafts. Raises
    ``ReportTooLarge`` for a report of more than ``MAX_LINES`` lines."""
    recorder = Console(
        record=True, file=StringIO(), width=console.width, force_terminal=True, color_system="truecolor",
        no_color=False, highlight=False, emoji=False, markup=False, legacy_windows=False, force_jupyter=False,
        _environ={},  # COLUMNS, NO_COLOR and friends must not change a picture
    )
    print_report(comparison, options, recorder)
    lines = recorder.export_text(clear=False, styles=False).count("\n")
    if lines > MAX_LINES:
        raise ReportTooLarge(
            f"{comparison.old.label} → {comparison.new.label}",
            f"the report is {lines:,} lines tall, more than the {MAX_LINES} an SVG picture holds",
            "show less with --article SEL (an article, a range like 5-9, a title's words) or --summary",
        )
    svg = recorder.export_svg(title=f"treatydiff: {comparison.old.label} → {comparison.new.label}",
                              code_format=SVG_FORMAT)
    return svg if svg.endswith("\n") else svg + "\n"
