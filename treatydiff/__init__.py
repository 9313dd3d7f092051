"""treatydiff: what changed between successive drafts of a treaty or law.

Public API (typed; the CLI is a thin layer over it)::

    import treatydiff
    old = treatydiff.load("zero-draft.md")     # a path, "-" for standard input, or the text itself
    new = treatydiff.load("final-text.md")
    comparison = treatydiff.compare(old, new, ignore={"case"})      # DiffOptions fields as keywords
    print(treatydiff.render(comparison, "markdown"))                  # RenderOptions fields as keywords
    lineage = treatydiff.history(["d1.md", "d2.md", "d3.md"])         # Drafts or paths

``treatydiff`` imports nothing until it is used: ``load``, ``compare``, ``render`` and ``history`` import their
stage on first call, and the data types (``Draft``, ``Comparison``, ``DiffOptions``, ...) on first access, so
``import treatydiff`` (and ``treatydiff --version``) adds next to nothing to Python's start-up
(``tests/test_startup.py``). The function names are also those of the stage modules (``treatydiff.compare``,
``treatydiff.render``, ``treatydiff.history``, ``treatydiff.load``): ``from treatydiff.compare import units`` works
as usual, and importing a stage never replaces the function of the same name on the package.
"""

from __future__ import annotations

import sys
import types

# (``typing`` is not imported at run time: ``treatydiff --version`` would pay for it; mypy reads these blocks)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any, Literal, overload

    # (``load_text`` and the data types are offered at run time by ``__getattr__``)
    from treatydiff.history import History
    from treatydiff.load import load_text
    from treatydiff.model import Comparison, DiffOptions, Draft, LoadOptions, RenderOptions, Verdicts  # noqa: F401

__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here


def load(source: str | Path, options: LoadOptions | None = None) -> Draft:
    """Read one draft into an article tree. ``source`` is a path, ``"-"`` for standard input, or the text of
    a draft itself (any string with a line break in it)."""
    from treatydiff.load import load as load_file
    from treatydiff.load import load_text
    from treatydiff.model import LoadOptions

    options = options or LoadOptions()
    if isinstance(source, str) and "\n" in source:
        return load_text(source, format=options.format, label=options.label)
    return load_file(source, options)


def _draft(draft: Draft | str | Path) -> Draft:
    from treatydiff.model import Draft

    return draft if isinstance(draft, Draft) else load(draft)


def _diff_options(options: dict[str, Any]) -> DiffOptions:
    """``DiffOptions`` from keywords; ``ignore`` may be any collection of names."""
    from treatydiff.model import DiffOptions

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
    """The lineage of every article across ``drafts`` (in negotiation order; Drafts, or paths: paths alone are
    loaded and compared in parallel, as ``treatydiff history`` does). ``options`` are the fields of
    ``DiffOptions``, as for ``compare``."""
    from treatydiff.history import history as run
    from treatydiff.history import load_drafts, load_history
    from treatydiff.model import Draft

    paths = [d for d in drafts if not isinstance(d, Draft)]
    if len(paths) == len(drafts) >= 2:
        return load_history(paths, options=_diff_options(options))
    loaded = iter(load_drafts(paths) if paths else ())
    return run([d if isinstance(d, Draft) else next(loaded) for d in drafts], _diff_options(options))


if TYPE_CHECKING:
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
    from treatydiff.model import Comparison, Draft, RenderOptions, Verdicts
    from treatydiff.render import render_comparison, render_history, render_outline, render_verdicts

    if isinstance(result, Comparison):
        return render_comparison(result, format, RenderOptions(**options))
    if isinstance(result, Draft):
        return render_outline(result, "tree" if format == "terminal" else format, RenderOptions(**options))
    if isinstance(result, Verdicts):
        return render_verdicts(result, "text" if format == "terminal" else format)
    return render_history(result, format, RenderOptions(**options))


#: Names the package offers without importing them: name -> the module that defines it (``__getattr__``).
_LAZY = {
    "load_text": "treatydiff.load",
    **dict.fromkeys(("Comparison", "DiffOptions", "Draft", "LoadOptions", "RenderOptions", "Verdicts"),
                    "treatydiff.model"),
}


if not TYPE_CHECKING:  # (hidden from mypy, which would type every misspelt attribute as ``object``)

    def __getattr__(name: str) -> object:
        """The data types and ``load_text`` on first access (PEP 562); then a submodule by its name
        (``treatydiff.lang``), as if it had been imported, which ``import treatydiff`` no longer does."""
        import importlib

        if name in _LAZY:
            value = getattr(importlib.import_module(_LAZY[name]), name)
            globals()[name] = value
            return value
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


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
