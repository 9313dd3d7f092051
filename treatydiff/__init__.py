"""treatydiff: what changed between successive drafts of a treaty or law.

Public API (typed; the CLI is a thin layer over it)::

    import treatydiff
    draft = treatydiff.load("zero-draft.md")   # a path, "-" for standard input, or the text itself
"""

from __future__ import annotations

from pathlib import Path

# Bound eagerly: the function shadows the subpackage of the same name (the load stage is light: no Rich).
from treatydiff.load import load as _load_file
from treatydiff.load import load_text
from treatydiff.model import Draft, LoadOptions

__version__ = "0.1.0"  # the one place the version is written; pyproject.toml reads it from here


def load(source: str | Path, options: LoadOptions | None = None) -> Draft:
    """Read one draft into an article tree. ``source`` is a path, ``"-"`` for standard input, or the text of
    a draft itself (any string with a line break in it)."""
    options = options or LoadOptions()
    if isinstance(source, str) and "\n" in source:
        return load_text(source, format=options.format, label=options.label)
    return _load_file(source, options)


__all__ = ["Draft", "LoadOptions", "__version__", "load", "load_text"]
