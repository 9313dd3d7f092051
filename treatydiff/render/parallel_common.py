"""Stage 4, render: what the reports of ``treatydiff parallel`` and ``parallel-compare`` say in every format (the
summary sentence, the tables' titles and cells), so terminal, Markdown and JSON never tell it differently."""

from __future__ import annotations

from treatydiff.model import Discrepancy, Parallel, ParallelComparison, ParallelFinding, ParallelSide

#: The title of each table of the parallel report, in the order the report shows them.
TITLES: dict[Discrepancy, str] = {
    Discrepancy.MISSING: "Present in some versions only",
    Discrepancy.NUMBERS: "Numbers that differ",
    Discrepancy.BRACKETS: "Square-bracketed text that differs (count of [ … ] spans)",
    Discrepancy.QUOTES: "Quoted terms that differ (count of quoted spans)",
}


def summary(result: Parallel) -> str:
    """"40 provisions in each version; 2 do not correspond" (or the count of each version when they differ)."""
    counts = result.provisions
    if len(set(counts)) == 1:
        head = f"{counts[0]} provision{'s' if counts[0] != 1 else ''} in each version"
    else:
        head = "provisions: " + ", ".join(f"{n} in {name}" for n, name in zip(counts, result.names(), strict=True))
    return f"{head}; {result.differing} do not correspond"


def by_kind(result: Parallel) -> list[tuple[Discrepancy, list[ParallelFinding]]]:
    """The findings grouped by kind, in the order of ``TITLES``; kinds without findings left out."""
    groups = [(kind, [f for f in result.findings if f.kind is kind]) for kind in TITLES]
    return [(kind, found) for kind, found in groups if found]


def cell(kind: Discrepancy, side: ParallelSide) -> str:
    """One version's cell: where it has a missing unit (and its line), its numbers, or its count."""
    if kind is Discrepancy.MISSING:
        return f"{side.where} (line {side.line})" if side.present and side.line else side.where if side.present \
            else "—"
    if kind is Discrepancy.NUMBERS:
        return ", ".join(side.numbers) or "(none)"
    return str(side.count)


def compare_summary(result: ParallelComparison) -> str:
    """"40 matches in en, 40 in ar; 1 article whose outcome differs"."""
    n = len(result.differences)
    return (f"{len(result.first.changes)} matches in {result.first.new.language or '?'}, "
            f"{len(result.second.changes)} in {result.second.new.language or '?'}; "
            f"{n} article{'s' if n != 1 else ''} whose outcome differs")


def languages(result: ParallelComparison) -> tuple[str, str]:
    """Column names of the two comparisons: their languages, or "first" and "second" when they share one."""
    a, b = result.first.new.language or "?", result.second.new.language or "?"
    return (a, b) if a != b else (f"{a} (first)", f"{b} (second)")
