"""Stage 4, render: one module per output format, each registered by name in a registry.

There is one registry per kind of document a renderer reads, because each kind has its own signature:
``OUTLINE`` holds the renderers of ``treatydiff outline`` (they read a ``Draft``), ``COMPARE`` those of
the change report of ``treatydiff compare`` (they read a ``Comparison``), ``VERDICTS`` those of
``treatydiff check`` and ``treatydiff lint`` (they read ``Verdicts``). Inside a registry the name is the
user's ``-f/--format`` value ("tree", "json", "markdown"), so the CLI offers exactly the names that are
registered and a new format is a new module with an ``@OUTLINE.register("name")`` line, plus one line naming
that module in its registry below — no ``if fmt == ...`` chain anywhere.

A registry knows its names and their modules without importing them: a renderer's module (and Rich, and
whatever else it needs) is imported when its format is first asked for (``Registry.get``), so ``--help`` and the
commands that render one format do not pay for every renderer. A module may only register a name its registry
lists, from the module it lists (``tests/test_startup.py`` imports them all).

Every renderer returns the finished text (a binary format, ``compare -f docx``, the file's bytes). It receives
the Rich ``Console`` the CLI built (colour system and width); renderers that do not draw with Rich ignore it.
Renderers only present what the earlier stages found: they never filter, reclassify or count differently from
the JSON.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

if TYPE_CHECKING:  # (the aliases below name them as strings: nothing here imports Rich or the stages)
    from rich.console import Console

    from treatydiff.history import History
    from treatydiff.model import Comparison, Draft, Parallel, ParallelComparison, RenderOptions, Verdicts

R = TypeVar("R", bound=Callable[..., str | bytes])


class UnknownFormat(LookupError):
    """A format name that no renderer is registered under."""

    def __init__(self, kind: str, name: str, known: tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.known = known
        super().__init__(f"unknown {kind} format {name!r} — choose one of: {', '.join(known) or '(none)'}")


class Registry(Generic[R]):
    """Renderers of one kind of document, by format name: ``modules`` maps each name, in the order ``--help`` lists
    them, to the module of this package that registers it; the module is imported on the first ``get``."""

    def __init__(self, kind: str, modules: dict[str, str]) -> None:
        self.kind = kind
        self._modules = {name: f"{__name__}.{module}" for name, module in modules.items()}
        self._by_name: dict[str, R] = {}

    def register(self, name: str) -> Callable[[R], R]:
        """Decorator: make ``func`` the renderer for format ``name``, which the registry lists with its module."""

        def add(func: R) -> R:
            if self._modules.get(name) != func.__module__:
                raise ValueError(f"{self.kind} format {name!r} is registered by {func.__module__}: list it with "
                                 f"that module in the {self.kind} registry of treatydiff/render/__init__.py")
            if name in self._by_name:
                raise ValueError(f"{self.kind} format {name!r} is registered twice")
            self._by_name[name] = func
            return func

        return add

    def get(self, name: str) -> R:
        """The renderer for ``name``, its module imported if it was not; raises ``UnknownFormat`` naming the formats
        that exist."""
        if name not in self._by_name:
            if name not in self._modules:
                raise UnknownFormat(self.kind, name, self.names())
            importlib.import_module(self._modules[name])
            if name not in self._by_name:
                raise LookupError(f"{self._modules[name]} does not register the {self.kind} format {name!r}")
        return self._by_name[name]

    def load_all(self) -> None:
        """Import every renderer of this registry (for tests that go through them all)."""
        for name in self._modules:
            self.get(name)

    def names(self) -> tuple[str, ...]:
        return tuple(self._modules)

    def module(self, name: str) -> str:
        """The module that renders format ``name``."""
        return self._modules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._modules

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)


#: Renders a Draft's article tree: ``(draft, options, console) -> text``.
OutlineRenderer: TypeAlias = Callable[["Draft", "RenderOptions", "Console"], str]

#: ``treatydiff outline -f NAME``.
OUTLINE: Registry[OutlineRenderer] = Registry(
    "outline", {"tree": "outline_tree", "json": "outline_json", "markdown": "outline_markdown"}
)


def render_outline(draft: Draft, format: str, options: RenderOptions | None = None,
                   console: Console | None = None) -> str:
    """The outline of ``draft`` in ``format``; without a console, plain text 100 columns wide."""
    from treatydiff.model import RenderOptions

    renderer = OUTLINE.get(format)
    return renderer(draft, options or RenderOptions(), console or plain_console())


#: Renders a change report: ``(comparison, options, console) -> text``, or the bytes of a binary file (``docx``).
CompareRenderer: TypeAlias = Callable[["Comparison", "RenderOptions", "Console"], str | bytes]

#: ``treatydiff compare -f NAME``. (markdown first: the order in which the formats were first registered, when
#: importing this package imported every renderer and ``outline_markdown`` imported ``compare_markdown``.)
COMPARE: Registry[CompareRenderer] = Registry("compare", {
    "markdown": "compare_markdown", "terminal": "compare_terminal", "json": "compare_json", "svg": "compare_svg",
    "html": "compare_html", "docx": "compare_docx",
})


def render_comparison(comparison: Comparison, format: str, options: RenderOptions | None = None,
                      console: Console | None = None) -> str | bytes:
    """The change report of ``comparison`` in ``format``; without a console, plain text 100 columns wide. A binary
    format (``docx``) gives the file's bytes."""
    from treatydiff.model import RenderOptions

    renderer = COMPARE.get(format)
    return renderer(comparison, options or RenderOptions(), console or plain_console())


#: Renders the verdicts of ``check`` or ``lint``: ``(verdicts, console) -> text``. Verdicts have no render options:
#: a CI report shows every verdict.
VerdictsRenderer: TypeAlias = Callable[["Verdicts", "Console"], str]

#: ``treatydiff check -f NAME`` and ``treatydiff lint -f NAME``.
VERDICTS: Registry[VerdictsRenderer] = Registry("verdicts", {
    "text": "verdicts_text", "json": "verdicts_json", "github": "verdicts_github", "junit": "verdicts_junit",
})


def render_verdicts(verdicts: Verdicts, format: str, console: Console | None = None) -> str:
    """The verdicts of ``check`` or ``lint`` in ``format``; without a console, plain text 100 columns wide."""
    return VERDICTS.get(format)(verdicts, console or plain_console())


def plain_console(width: int = 100) -> Console:
    """A console that draws without colour or terminal codes, for files and for callers of the API."""
    from rich.console import Console

    return Console(width=width, color_system=None, force_terminal=False, no_color=True, highlight=False,
                   emoji=False, markup=False)


# --- treatydiff history (the renderers of n drafts' lineages) ---------------------------------------------

#: Renders the history of n drafts: ``(history, options, console) -> text``. A history with a ``selection``
#: (``--article``) is shown as the timeline of each selected lineage, with the redline of each step.
HistoryRenderer: TypeAlias = Callable[["History", "RenderOptions", "Console"], str]

#: ``treatydiff history -f NAME``.
HISTORY: Registry[HistoryRenderer] = Registry("history", {
    "terminal": "history_terminal", "json": "history_json", "html": "history_html", "markdown": "history_markdown",
})


def render_history(history: History, format: str, options: RenderOptions | None = None,
                   console: Console | None = None) -> str:
    """The history report in ``format``; without a console, plain text 100 columns wide."""
    from treatydiff.model import RenderOptions

    return HISTORY.get(format)(history, options or RenderOptions(), console or plain_console())


# --- treatydiff parallel (language versions of one text) and parallel-compare (one step in two languages) ------

#: Renders the correspondence of language versions: ``(parallel, console) -> text``.
ParallelRenderer: TypeAlias = Callable[["Parallel", "Console"], str]

#: ``treatydiff parallel -f NAME``.
PARALLEL: Registry[ParallelRenderer] = Registry(
    "parallel", {"terminal": "parallel_terminal", "markdown": "parallel_markdown", "json": "parallel_json"}
)

#: Renders one revision step compared in two languages: ``(parallel_comparison, console) -> text``.
ParallelCompareRenderer: TypeAlias = Callable[["ParallelComparison", "Console"], str]

#: ``treatydiff parallel-compare -f NAME``.
PARALLEL_COMPARE: Registry[ParallelCompareRenderer] = Registry("parallel-compare", {
    "terminal": "parallel_compare_terminal", "markdown": "parallel_compare_markdown",
    "json": "parallel_compare_json",
})
