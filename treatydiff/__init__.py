"""treatydiff: what changed between successive drafts of a treaty or law.

Public API (typed; the CLI is a thin layer over it)::

    import treatydiff
    old = treatydiff.load("zero-draft.md")     # a path, "-" for standard input, or the text itself
    new = treatydiff.load("final-text.md")
    comparison = treatydiff.compare(old, new, ignore={"case"})      # DiffOptions fields as keywords
    print(treatydiff.render(comparison, "markdown"))                  # RenderOptions fields as keywords
    lineage = treatydiff.history(["d1.md", "d2.md", "d3.md"])         # Drafts or paths

``compare``, ``render`` and ``history`` import their stage on first call, so ``import treatydiff`` (and
``treatydiff --version``) stays light. Their names are also those of the stage modules
(``treatydiff.compare``, ``treatydiff.render``, ``treatydiff.history``): ``from treatydiff.compare import units``
works as usual, and importing a stage never replaces the function of the same name on the package.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

# Bound eagerly: the function shadows the subpackage of the same name (the load stage is light: no Rich).
from treatydiff.load import load as _load_file
from treatydiff.load import load_text
from treatydiff.model import Comparison, DiffOptions, Draft, LoadOptions, RenderOptions, Verdicts

if TYPE_CHECKING:
    from treatydiff.history import History

__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here


def load(source: str | Path, options: LoadOptions | None = None) -> Draft:
    """Read one draft into an article tree. ``source`` is a path, ``"-"`` for standard input, or the text of
    a draft itself (any string with a line break in it)."""
    options = options or LoadOptions()
    if isinstance(source, str) and "\n" in source:
        return load_text(source, format=options.format, label=options.label)
    return _load_file(source, options)


def _draft(draft: Draft | str | Path) -> Draft:
    return draft if isinstance(draft, Draft) else load(draft)


def _diff_options(options: dict[str, Any]) -> DiffOptions:
    """``DiffOptions`` from keywords; ``ignore`` may be any collection of names."""
    if "ignore" in options:
        options = {**options, "ignore": frozenset(options["ignore"])}
    return DiffOptions(**options)


def compare(old: Draft | str | Path, new: Draft | str | Path, **options: Any) -> Comparison:
    """What changed from ``old`` to ``new`` (Drafts, or what ``load`` reads). ``options`` are the fields of
    ``DiffOptions``: ``ignore`` (any of "case", "punctuation", "quotes", "numbering"), ``time_budget`` (seconds,
    None: no limit), ``max_candidate_work``."""
    from treatydiff.compare import compare as run

    return run(_draft(old), _draft(new), _diff_options(options))


def history(drafts: Sequence[Draft | str | Path], **options: Any) -> History:
    """The lineage of every article across ``drafts`` (in negotiation order; Drafts, or paths loaded in
    parallel). ``options`` are the fields of ``DiffOptions``, as for ``compare``."""
    from treatydiff.history import history as run
    from treatydiff.history import load_drafts

    paths = [d for d in drafts if not isinstance(d, Draft)]
    loaded = iter(load_drafts(paths) if paths else ())
    return run([d if isinstance(d, Draft) else next(loaded) for d in drafts], _diff_options(options))


@overload
def render(result: Comparison, format: Literal["docx"], **options: Any) -> bytes: ...


@overload
def render(result: Comparison | History | Draft | Verdicts, format: str = "terminal", **options: Any) -> str: ...


def render(result: Comparison | History | Draft | Verdicts, format: str = "terminal", **options: Any) -> str | bytes:
    """``result`` as text in ``format``, plain (no colour), 100 columns wide: a Comparison as a change report
    ("terminal", "markdown", "html", "json", "svg"; "docx" gives the bytes of a Word file with tracked changes), a
    History as a lineage report ("terminal", "markdown", "html", "json"), a Draft as an outline ("tree", "json",
    "markdown"), check or lint Verdicts ("text", "json", "github", "junit"). ``options`` are the fields of
    ``RenderOptions`` (e.g. ``context=1``, ``concordance=True``)."""
    from treatydiff.render import render_comparison, render_history, render_outline, render_verdicts

    if isinstance(result, Comparison):
        return render_comparison(result, format, RenderOptions(**options))
    if isinstance(result, Draft):
        return render_outline(result, "tree" if format == "terminal" else format, RenderOptions(**options))
    if isinstance(result, Verdicts):
        return render_verdicts(result, "text" if format == "terminal" else format)
    return render_history(result, format, RenderOptions(**options))


class _Package(types.ModuleType):
    """The package module. Importing a submodule sets it as an attribute of its package; the stage modules
    ``compare``, ``render``, ``history`` and ``load`` share their names with the API functions above, which keep
    them (the modules stay reachable as ``sys.modules["treatydiff.compare"]`` and through ``from ... import``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


_FUNCTIONS = frozenset({"compare", "history", "load", "render"})
sys.modules[__name__].__class__ = _Package

__all__ = ["Draft", "LoadOptions", "__version__", "compare", "history", "load", "load_text", "render"]
