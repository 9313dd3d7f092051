"""Stage 1, load: bytes of a draft in some format -> a Draft (article tree).

Readers (one per format, ``readers.py``) turn text into source lines with hints; one shared normaliser
(``normalise.py``) cleans and joins them; one shared structure parser (``parse.py``) builds the tree.
Readers know formats, the parser knows treaties.
"""

from __future__ import annotations

import re
from pathlib import Path

from treatydiff.errors import LoadError
from treatydiff.load import markup, normalise, parse, readers
from treatydiff.load.decode import RawDraft, read_source
from treatydiff.model import Diagnostic, Draft, LoadOptions
from treatydiff.perf import collector_paused

_MARKDOWN_HINT = re.compile(r"^(?:#{1,6}\s*\S|---\s*$|\*[^*\s][^*]*\*\s*$)|\]\([^)]*\)", re.M)


def load(source: str | Path, options: LoadOptions = LoadOptions()) -> Draft:
    """Read the draft at ``source`` (a path, or ``"-"`` for standard input).

    Raises ``LoadError`` (with file, line and a hint) for anything a user must fix.
    """
    raw = read_source(source, options.max_size)
    return _build(raw, options)


def load_text(
    text: str, *, source: str = "<text>", format: str | None = None, label: str | None = None
) -> Draft:
    """Parse a draft already in memory (``format``: a reader's name, e.g. ``"txt"``, ``"md"``, ``"html"``;
    guessed from the text if None)."""
    raw = RawDraft(source, text.encode("utf-8"), "")
    return _build(raw, LoadOptions(format=format, label=label))


def detect_format(raw: RawDraft) -> str:
    """By content where the bytes say what they are (PDF, DOCX, HTML, Akoma Ntoso), then by extension, then
    Markdown if the text looks like it, else plain text."""
    head = raw.data[:4096]
    for reader in readers.READERS.values():
        if reader.sniff is not None and reader.sniff(head):
            return reader.name
    if raw.suffix in readers.EXTENSIONS:
        return readers.EXTENSIONS[raw.suffix]
    sample = raw.data[:20000].decode("utf-8", errors="replace")
    return "md" if len(_MARKDOWN_HINT.findall(sample)) >= 3 else "txt"


def _build(raw: RawDraft, options: LoadOptions) -> Draft:
    with collector_paused():
        return _build_tree(raw, options)


def _build_tree(raw: RawDraft, options: LoadOptions) -> Draft:
    if not raw.data.strip():
        raise LoadError(raw.source, "the file is empty", "check that the draft was saved or exported completely")
    if options.format is not None:
        if options.format not in readers.READERS:
            known = ", ".join(sorted(readers.READERS))
            raise LoadError(raw.source, f"unknown format {options.format!r}", f"use one of: {known}")
        fmt = options.format
    else:
        fmt = detect_format(raw)
    if options.markup not in markup.VIEWS:
        raise LoadError(raw.source, f"unknown view {options.markup!r} of a marked-up draft",
                        f"use {' or '.join(markup.VIEWS)}")
    read = readers.READERS[fmt].read(raw, options)
    lines, furniture = normalise.strip_furniture(read.lines)
    notes: list[Diagnostic] = list(read.warnings)
    if furniture:
        notes.append(
            Diagnostic(f"removed {furniture} lines of page furniture (running headers, page numbers)")
        )
    nodes, parse_notes = parse.parse(normalise.units(lines))
    label = options.label or (Path(raw.source).stem if raw.source != "<stdin>" else "stdin")
    return Draft(raw.source, label, fmt, nodes, (*notes, *parse_notes), options.markup if read.marked else "")


__all__ = ["detect_format", "load", "load_text"]
