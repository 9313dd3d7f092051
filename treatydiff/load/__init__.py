"""Stage 1, load: bytes of a draft in some format -> a Draft (article tree).

Readers (one per format, ``readers.py``) turn text into source lines with hints; one shared normaliser
(``normalise.py``) cleans and joins them; one shared structure parser (``parse.py``) builds the tree.
Readers know formats, the parser knows treaties.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

from treatydiff import fork, lang
from treatydiff.confusables import hidden_in_words, suspects
from treatydiff.errors import LoadError, TreatydiffError
from treatydiff.load import markup, normalise, parse, readers
from treatydiff.load.decode import RawDraft, _check_size, read_source, suffix_of
from treatydiff.load.lines import SourceLine, Unit
from treatydiff.model import DIVISION_KINDS, PROVISION_KINDS, Diagnostic, Draft, LoadOptions, Node
from treatydiff.perf import collector_paused
from treatydiff.visible import visible

_MARKDOWN_HINT = re.compile(r"^(?:#{1,6}\s*\S|---\s*$|\*[^*\s][^*]*\*\s*$)|\]\([^)]*\)", re.M)


def load(source: str | Path, options: LoadOptions = LoadOptions()) -> Draft:
    """Read the draft at ``source`` (a path, or ``"-"`` for standard input).

    Raises ``LoadError`` (with file, line and a hint) for anything a user must fix.
    """
    raw = read_source(source, options.max_size)
    return _build(raw, options)


#: Two drafts are read at once (``load_two``, a forked worker reading the first) when each file weighs at least
#: this much (its size, four times it for a PDF or DOCX file): a lighter one loads in less time than the fork and
#: the transfer of its draft cost. (The AI Act's Markdown drafts of 250 and 340 KB: 75 ms each, the draft's pickle
#: 0.4 MB, written and read in 10 ms.)
PAIR_FORK_WEIGHT = 100_000
#: The formats whose bytes weigh four times as much (``PAIR_FORK_WEIGHT``).
_HEAVY_SUFFIXES = (".pdf", ".docx")


def load_two(old: str | Path, new: str | Path, options: LoadOptions = LoadOptions(), *, jobs: int | None = 1,
             loaded: Callable[[Draft], object] | None = None) -> tuple[Draft, Draft]:
    """``(load(old), load(new))``; with ``jobs`` 2 or more (None: one per core) and two files of some weight
    (``PAIR_FORK_WEIGHT``), ``old`` read by a forked worker while this process reads ``new`` (``treatydiff.fork``:
    Linux only). The same drafts either way; a bad draft raises its ``LoadError`` here, ``old``'s first.
    ``loaded`` is called with each draft, in order, as soon as it is known to come first (one after the other:
    ``old``'s before ``new`` is read)."""
    tell = loaded or (lambda draft: None)
    sources = (old, new)
    if fork.processes(jobs) >= 2 and "-" not in map(str, sources) and min(map(_weight, sources)) >= PAIR_FORK_WEIGHT:
        def attempt(indices: Sequence[int]) -> list[Draft | TreatydiffError]:
            out: list[Draft | TreatydiffError] = []
            for k in indices:
                try:
                    out.append(load(sources[k], options))
                except TreatydiffError as exc:  # kept, so that old's error is raised before new's
                    out.append(exc)
            return out

        halves = fork.in_two(attempt, [1, 1], [], 0)
        if halves is not None:
            (_, (first,)), (_, (second,)) = halves
            for result in (first, second):
                if isinstance(result, TreatydiffError):
                    raise result
                tell(result)
            return cast(Draft, first), cast(Draft, second)
    drafts = []
    for source in sources:
        drafts.append(load(source, options))
        tell(drafts[-1])
    return drafts[0], drafts[1]


def _weight(source: str | Path) -> int:
    """A file's size, four times it for a PDF or a DOCX file (whose bytes take longer to read); 0 when it
    cannot be read (its load will say why)."""
    try:
        size = Path(source).stat().st_size
    except OSError:
        return 0
    return size * 4 if str(source).lower().endswith(_HEAVY_SUFFIXES) else size


def load_text(
    text: str, *, source: str = "<text>", format: str | None = None, label: str | None = None
) -> Draft:
    """Parse a draft already in memory (``format``: a reader's name, e.g. ``"txt"``, ``"md"``, ``"html"``;
    guessed from the text if None)."""
    raw = RawDraft(source, text.encode("utf-8"), "")
    return _build(raw, LoadOptions(format=format, label=label))


def load_bytes(data: bytes, source: str, options: LoadOptions = LoadOptions()) -> Draft:
    """Read a draft whose bytes are already in memory (a revision out of git): ``source`` names it in reports
    and warnings, and its extension picks the reader as a file's would (``"1a2b3c4:drafts/rev1.md"`` is read as
    Markdown unless the bytes say otherwise, or ``options.format`` forces a reader). ``options.max_size`` applies
    as to a file; ``options.label`` names the draft (default: the file name without its extension)."""
    _check_size(source, len(data), options.max_size)
    return _build(RawDraft(source, data, suffix_of(source)), options)


def detect_format(raw: RawDraft) -> str:
    """By content where the bytes say what they are (PDF, DOCX, HTML, Akoma Ntoso), then by extension, then
    Markdown if the text looks like it, else plain text."""
    head = raw.data[:4096]
    for reader in list(readers.READERS.values()):  # (a sniff may import its module, which registers itself)
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
        original = _tree(raw, fmt, read.lines, warnings, "original", f"{label} (original)", options.language)
        final = _tree(raw, fmt, read.view_of("final"), (), "final", f"{label} (final)", options.language)
    return original, final


def _build(raw: RawDraft, options: LoadOptions) -> Draft:
    with collector_paused():
        fmt, read = _read(raw, options)
        warnings = (markup.notice(read.marks, options.markup), *read.warnings) if read.marks else read.warnings
        return _tree(raw, fmt, read.lines, warnings, options.markup if read.marks else "", options.label or _label(raw),
                     options.language)


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
    if options.language is not None and options.language not in lang.all_codes():
        raise LoadError(raw.source, f"unknown language {options.language!r}",
                        f"use one of: {', '.join(lang.all_codes())}")
    if options.markup not in markup.VIEWS:
        raise LoadError(raw.source, f"unknown view {options.markup!r} of a marked-up draft",
                        f"use {' or '.join(markup.VIEWS)}")
    return fmt, readers.READERS[fmt].read(raw, options)


def _tree(raw: RawDraft, fmt: str, read_lines: list[SourceLine], warnings: tuple[Diagnostic, ...], view: str,
          label: str, language: str | None = None) -> Draft:
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
    units = normalise.units(lines)
    nodes, parse_notes = parse.parse(units)
    found = _lookalikes(lines, units)
    if found:
        nodes = tuple(_with_lookalikes(node, found) for node in nodes)
    # the names a report prints, with nothing in them a terminal would obey (a file name may hold escapes)
    draft = Draft(visible(raw.source), visible(label), fmt, nodes, (*notes, *parse_notes), view)
    sample = draft.sample(lang.SAMPLE_WORDS)
    return replace(draft, language=language or (lang.detect(sample) if sample.strip() else ""))


_HEADINGS = frozenset({*DIVISION_KINDS, *PROVISION_KINDS})


def _lookalikes(lines: list[SourceLine], units: list[Unit]) -> dict[int, tuple[str, dict[str, None]]]:
    """By the first line of a unit: its text, and the invisible characters found inside its words. The text
    loses those characters (they are never words) and a heading keeps only its number and title; the tree
    keeps, in ``Node.lookalikes``, what a reader of ``lint`` and ``compare`` must be told."""
    starts = [unit.line for unit in units]
    found: dict[int, tuple[str, dict[str, None]]] = {
        unit.line: (unit.text, {}) for unit in units if suspects(unit.text)
    }
    for line in lines:
        if normalise.INVISIBLE.search(line.text) and starts:
            names = hidden_in_words(line.text)
            if names:
                start = starts[max(0, bisect.bisect_right(starts, line.number) - 1)]
                hidden = found.setdefault(start, ("", {}))[1]
                hidden.update(dict.fromkeys(f"an invisible {name} inside a word" for name in names))
    return found


def _with_lookalikes(node: Node, found: dict[int, tuple[str, dict[str, None]]]) -> Node:
    children = tuple(_with_lookalikes(child, found) for child in node.children)
    text, hidden = found.get(node.line, ("", {})) if node.line else ("", {})
    said = list(hidden)
    if node.kind in _HEADINGS:  # the heading word ("Article" with a Cyrillic "A") is not in the tree: say it here
        said.extend(f"'{s.word}' in its heading is not the '{s.skeleton}' it looks like ({s.detail})"
                    for s in suspects(text) if s.word not in node.title and s.word not in node.text)
    if said or children != node.children:
        return replace(node, children=children, lookalikes=tuple(said))
    return node


__all__ = ["detect_format", "load", "load_bytes", "load_text", "load_views"]
