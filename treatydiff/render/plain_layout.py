"""Stage 4, render: the terminal-format reports laid out as plain text without Rich's machinery, for a console
that draws no colour (a file, a pipe, ``NO_COLOR`` without a terminal, the API's plain console).

Rich lays a report out by turning every piece into styled segments, cutting them into lines and measuring each in
cells: on the AI Act report (100 panels, 2,300 paragraphs) that takes 0.3 s, where the text itself needs a few
milliseconds. Without colour the styles draw nothing, so this module lays out the pieces the reports are made of,
``Text``, ``Group`` of texts and ``Panel`` (the changed articles), by Rich's own rules, and hands anything else
(tables, a panel holding a table) to Rich. The text is the same, character for character, as the console would
print (``tests/test_plain_layout.py`` compares the two on every fixture, on corpus pairs and on generated texts):

- a text is cut into lines at ``\\n``, and each line at word boundaries as ``rich._wrap.divide_line`` cuts it (a
  word is ``\\s*\\S+\\s*``, the spaces after it ride with it; a word wider than the line is folded); a line keeps
  the spaces after its last word unless they go past the width;
- inside a panel, each line is padded with spaces to the panel's inner width, between ``│ `` and `` │``; the top
  and bottom borders carry the title and subtitle, each with a space either side, cut to the width and padded
  with the border's line.

Only what these rules measure right is laid out here: text in which every character takes one cell in Rich's
table (Latin, Greek, Cyrillic, the common punctuation and arrows), without tabs or control characters, on a
console that draws Unicode boxes. Chinese (two cells a character), vowelled Arabic (marks of no width) and the
rest go to Rich, piece by piece, so the report is still the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

#: A word as Rich wraps: the spaces before it (at the start of a line), its letters, the spaces after it.
_WORD = re.compile(r"\s*\S+\s*")
#: Printable ASCII: one cell each, the common case checked without the table.
_ASCII = re.compile(r"[\x20-\x7e]*")
#: Where to look for more characters of one cell: Latin, IPA, Greek, Cyrillic, general punctuation, arrows,
#: mathematical operators, box drawing, shapes and miscellaneous symbols (each kept only if Rich gives it one cell).
_CANDIDATES = ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x52F), (0x2010, 0x2027), (0x2030, 0x205E),
               (0x2190, 0x22FF), (0x2500, 0x26FF))


@lru_cache(maxsize=1)
def one_cell() -> frozenset[str]:
    """The characters this module measures as one cell: those of ``_CANDIDATES`` to which Rich gives one cell.
    None of them joins the next into one grapheme (no joiner, no variation selector, no mark of no width)."""
    from rich.cells import cell_len

    return frozenset(ch for start, end in _CANDIDATES for ch in map(chr, range(start, end + 1)) if cell_len(ch) == 1)


def simple(text: str) -> bool:
    """Whether every character of ``text`` takes one cell (a line break aside), so that its width is its length."""
    return _ASCII.fullmatch(text) is not None or one_cell().issuperset(text.replace("\n", ""))


def applies(console: Console) -> bool:
    """Whether ``console`` draws plain text this module can lay out: no colour system (so no style is drawn), no
    soft wrap, Unicode boxes (not ASCII ones, not the legacy Windows console's)."""
    return (console.color_system is None and not console.soft_wrap and not console.legacy_windows
            and not console.options.ascii_only)


def wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` characters, as Rich's ``Text.wrap`` cuts it (fold, default
    justification); ``text`` must be ``simple``."""
    lines: list[str] = []
    for line in text.split("\n"):
        pieces = [line[a:b] for a, b in pairwise([0, *_breaks(line, width), len(line)])]
        # a line longer than the width (by the spaces after its last word) is cut to it: Rich drops those spaces
        # (``Text.rstrip_end``), then crops (``Text.truncate``), which leaves the same first ``width`` characters
        lines.extend(piece[:width] for piece in pieces)
    return lines


def _breaks(line: str, width: int) -> list[int]:
    """Where ``rich._wrap.divide_line`` breaks ``line`` (fold), with a character's width its length."""
    breaks: list[int] = []
    if len(line) <= width:
        return breaks
    offset = 0
    for match in _WORD.finditer(line):  # (the words follow one another: each takes the spaces after it)
        start = match.start()
        word = match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded: cut into pieces of the width, each on a line of its own
            pieces = [word[i:i + width] for i in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _text_lines(text: Text, width: int) -> list[str] | None:
    """The lines of a ``Text`` at ``width``, or None when Rich must draw it (its own wrapping rules, odd cells)."""
    if text.no_wrap or text.justify not in (None, "default") or text.overflow not in (None, "fold") \
            or text.end != "\n" or not simple(text.plain):
        return None
    return wrap(text.plain, width)


def _panel(panel: Panel, width: int) -> str | None:
    """A panel as text: expanded to ``width``, one column of padding each side, a left-aligned title and
    subtitle, holding a text or a group of texts; None for any other panel."""
    if not panel.expand or panel.width is not None or panel.height is not None or panel.padding != (0, 1) \
            or panel.title_align != "left" or panel.subtitle_align != "left" or width <= 4:
        return None
    inner = width - 4
    body = _lines(panel.renderable, inner)
    if body is None:
        return None
    box = panel.box
    top = _border(panel.title, width, box.top_left, box.top, box.top_right)
    bottom = _border(panel.subtitle, width, box.bottom_left, box.bottom, box.bottom_right)
    if top is None or bottom is None:
        return None
    left, right = f"{box.mid_left} ", f" {box.mid_right}"
    return "\n".join([top, *(f"{left}{line.ljust(inner)}{right}" for line in body), bottom]) + "\n"


def _border(title: str | Text | None, width: int, corner: str, line: str, end: str) -> str | None:
    """The top or bottom line of a panel, with its title (a space either side, cut to fit, then the line)."""
    if not title:
        return f"{corner}{line * (width - 2)}{end}"
    if not isinstance(title, Text):
        return None  # (a string title is markup: Rich reads it)
    text = title.plain.replace("\n", " ")
    if not simple(text):
        return None
    return f"{corner}{line}{f' {text} '[: width - 4].ljust(width - 4, line)}{line}{end}"


def _lines(part: RenderableType, width: int) -> list[str] | None:
    """The lines of a text, or of a group of texts, at ``width``; None for anything else."""
    out: list[str] = []
    for child in part.renderables if isinstance(part, Group) else [part]:
        lines = _text_lines(child, width) if isinstance(child, Text) else None
        if lines is None:
            return None
        out.extend(lines)
    return out


def lay_out(part: RenderableType, width: int) -> str | None:
    """``part`` as the console would print it at ``width``, or None when Rich must draw it."""
    if isinstance(part, Panel):
        return _panel(part, width)
    lines = _lines(part, width)
    return None if lines is None else "\n".join(lines) + "\n"


def print_all(parts: Iterable[RenderableType], console: Console) -> str:
    """The text of ``parts`` printed one after the other on ``console``: where it draws no colour (``applies``),
    what this module can lay out it lays out and Rich prints the rest; elsewhere Rich prints all. The caller
    pushes the theme the parts' styles name."""
    if not applies(console):
        with console.capture() as capture:
            for part in parts:
                console.print(part, highlight=False)
        return capture.get()
    out: list[str] = []
    for part in parts:
        text = lay_out(part, console.width)
        if text is None:
            with console.capture() as capture:
                console.print(part, highlight=False)
            text = capture.get()
        out.append(text)
    return "".join(out)
