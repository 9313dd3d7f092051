"""Stage 1, load: the hand-off from readers to the normaliser — source lines with format hints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line as a reader found it.

    ``heading`` is the heading level the format gave the line (Markdown ``###`` -> 3, 0 for body text);
    ``emphasis`` says the whole line was set in italics or bold (pandoc writes ``*Article 5*``);
    ``bullet`` says it was an unnumbered list item. A blank ``text`` ends a paragraph.
    """

    text: str
    number: int
    heading: int = 0
    emphasis: bool = False
    bullet: bool = False
    indent: int = 0
    page_break: bool = False  # a form feed stood before this line
    ref: str = ""  # a stable identifier the format gives the element (Akoma Ntoso ``eId``), "" when none
    glued: bool = False  # runs on from the line before with no space (what stood between was left out)


@dataclass(frozen=True, slots=True)
class Unit:
    """A logical line: one heading, or one paragraph/point/item with its wrapped lines joined."""

    text: str
    line: int
    heading: int = 0
    emphasis: bool = False
    bullet: bool = False
    block_start: bool = True  # preceded by a blank line or a heading: may be a plain-text heading
    ref: str = ""  # the format's identifier of the element the unit came from (``SourceLine.ref``)
