"""Domain errors: each carries where it happened and what to do; only the CLI turns them into exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses, the diff(1) way."""

    #: Nothing found: no change (compare), all rules passed (check), no finding (lint), or success (outline).
    OK = 0
    #: Something found: changes with ``--exit-code``, a failed rule, a lint finding.
    FOUND = 1
    #: Bad input or usage: unreadable file, unknown option, malformed rules.
    ERROR = 2
    #: Interrupted by the user (Ctrl-C): 128 + SIGINT, as shells report it.
    INTERRUPTED = 130


class TreatydiffError(Exception):
    """An error a user can act on: ``error: FILE[:LINE]: what is wrong — what to do``."""

    def __init__(self, source: str, problem: str, hint: str = "", line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        self.line = line
        super().__init__(self.message())

    def __reduce__(self) -> tuple[type[TreatydiffError], tuple[str, str, str, int | None]]:
        """Pickled as its four fields (pickle's default would rebuild it from its message alone): an error
        travels back from a worker as itself."""
        return type(self), (self.source, self.problem, self.hint, self.line)

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        text = f"{where}: {self.problem}"
        return f"{text} — {self.hint}" if self.hint else text


class LoadError(TreatydiffError):
    """A draft cannot be read."""


class ReportTooLarge(TreatydiffError):
    """A report too large for its format (an SVG picture of more than ``compare_svg.MAX_LINES`` lines). The
    renderer names the comparison (``OLD → NEW``); the CLI names where the report was to go instead."""
