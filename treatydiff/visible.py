"""Shared by the CLI and the renderers: one sanitiser for every string that reaches a terminal, an error line
or an SVG, so that no input can drive the terminal.

A file name, a label or a message can hold what a terminal obeys rather than shows: ESC sequences (clear the
screen, retitle the window, write the clipboard with OSC 52), C1 controls (U+009B is a one-character CSI), BEL,
backspace and carriage return (which overwrite what was printed), bidirectional overrides and isolates (which
reorder what the reader sees), line and paragraph separators, and the lone surrogates that stand for bytes of a
file name that are not UTF-8. ``visible`` writes each of them as an escape a reader can see (``\\x1b``,
``\\u202e``), never the character itself. Treaty text is cleaned when it is read (the normaliser drops control
and format characters); names and messages, which come from the command line and the file system, are
cleaned here.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_OR_LINE = re.compile(f"{_UNSAFE.pattern[:-1]}\n\t]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with every character that a terminal would obey written as a visible escape; tabs and line
    breaks too unless ``lines`` (a text of several lines: they are kept)."""
    pattern = _UNSAFE if lines else _UNSAFE_OR_LINE
    return pattern.sub(_escape, text) if pattern.search(text) else text
