"""Stage 1, load: bytes of a draft in some format -> a Draft (article tree).

Readers (one per format, ``readers.py``) turn text into source lines with hints; one shared normaliser
(``normalise.py``) cleans and joins them; one shared structure parser (``parse.py``) builds the tree.
Readers know formats, the parser knows treaties.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from treatydiff.errors import LoadError
from treatydiff.load import markup, normalise, parse, readers
from treatydiff.load.decode import RawDraft, read_source
from treatydiff.load.lines import SourceLine
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


def load_views(source: str | Path, options: LoadOptions = LoadOptions()) -> tuple[Draft, Draft]:
    """The two texts of one marked-up draft (tracked changes, or deletions struck through and additions marked):
    its original, before the changes, and its final text, with them made. The file is read once.

    Raises ``LoadError`` when the file carries no revision marks: there is nothing to compare in it."""
    raw = read_source(source, options.max_size)
    with collector_paused():
        fmt, read = _read(raw, replace(options, markup="original"))
        if not read.marks or read.view_of is None:
            raise LoadError(
                raw.source,
                "the file carries no revision marks (no tracked changes, nothing struck through or marked as added)",
                "compare it with another draft: treatydiff compare OLD NEW",
            )
        label = options.label or _label(raw)
        warnings = (markup.notice(read.marks, "both"), *read.warnings)
        original = _tree(raw, fmt, read.lines, warnings, "original", f"{label} (original)")
        final = _tree(raw, fmt, read.view_of("final"), (), "final", f"{label} (final)")
    return original, final


def _build(raw: RawDraft, options: LoadOptions) -> Draft:
    with collector_paused():
        fmt, read = _read(raw, options)
        warnings = (markup.notice(read.marks, options.markup), *read.warnings) if read.marks else read.warnings
        return _tree(raw, fmt, read.lines, warnings, options.markup if read.marks else "", options.label or _label(raw))


def _label(raw: RawDraft) -> str:
    return Path(raw.source).stem if raw.source != "<stdin>" else "stdin"


def _read(raw: RawDraft, options: LoadOptions) -> tuple[str, readers.Read]:
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
    return fmt, readers.READERS[fmt].read(raw, options)


def _tree(raw: RawDraft, fmt: str, read_lines: list[SourceLine], warnings: tuple[Diagnostic, ...], view: str,
          label: str) -> Draft:
    lines, furniture = normalise.strip_furniture(read_lines)
    if furniture and not any(line.text.strip() for line in lines):
        raise LoadError(raw.source, f"no text is left once the page furniture is removed ({furniture} lines of "
                                    "running headers, footers and page numbers)",
                        "check that this is the draft itself and not a cover or an empty export")
    notes: list[Diagnostic] = list(warnings)
    if furniture:
        notes.append(
            Diagnostic(f"removed {furniture} lines of page furniture (running headers, page numbers)")
        )
    nodes, parse_notes = parse.parse(normalise.units(lines))
    return Draft(raw.source, label, fmt, nodes, (*notes, *parse_notes), view)


__all__ = ["detect_format", "load", "load_text", "load_views"]
