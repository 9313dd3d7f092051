"""What the structure tests of each language read: a five-line draft's headings as (kind, label, title, the start
of its text: its first paragraph), in document order."""

from __future__ import annotations

from treatydiff import load_text
from treatydiff.model import DIVISION_KINDS, Draft, Kind

Row = tuple[str, str, str, str]


def headings(text: str, fmt: str = "txt") -> list[Row]:
    return rows(load_text(text, source=f"draft.{fmt}", format=fmt))


def rows(draft: Draft) -> list[Row]:
    out = []
    for node in draft.walk():
        if node.kind in DIVISION_KINDS or node.kind in (Kind.ARTICLE, Kind.ANNEX):
            first = node.text or next((c.text for c in node.children if c.kind in (Kind.PARAGRAPH, Kind.BLOCK)), "")
            out.append((node.kind.value, node.label, node.title, first))
    return out
