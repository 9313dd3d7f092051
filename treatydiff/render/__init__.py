"""Stage 4, render: one module per output format, each registered by name in a registry.

There is one registry per kind of document a renderer reads, because each kind has its own signature:
``OUTLINE`` holds the renderers of ``treatydiff outline`` (they read a ``Draft``), ``COMPARE`` those of
the change report of ``treatydiff compare`` (they read a ``Comparison``), ``VERDICTS`` those of
``treatydiff check`` and ``treatydiff lint`` (they read ``Verdicts``). Inside a registry the name is the
user's ``-f/--format`` value ("tree", "json", "markdown"), so the CLI offers exactly the names that are
registered and a new format is a new module plus one
``@OUTLINE.register("name")`` line — no ``if fmt == ...`` chain anywhere.

Every renderer returns the finished text (a binary format, ``compare -f docx``, the file's bytes). It receives
the Rich ``Console`` the CLI built (colour system and width); renderers that do not draw with Rich ignore it.
Renderers only present what the earlier stages found: they never filter, reclassify or count differently from
the JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from rich.console import Console

from treatydiff.model import Comparison, Draft, RenderOptions, Verdicts

R = TypeVar("R", bound=Callable[..., str | bytes])


class UnknownFormat(LookupError):
    """A format name that no renderer is registered under."""

    def __init__(self, kind: str, name: str, known: tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.known = known
        super().__init__(f"unknown {kind} format {name!r} — choose one of: {', '.join(known) or '(none)'}")


class Registry(Generic[R]):
    """Renderers of one kind of document, by format name, in the order they were registered."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._by_name: dict[str, R] = {}

    def register(self, name: str) -> Callable[[R], R]:
        """Decorator: make ``func`` the renderer for format ``name``."""

        def add(func: R) -> R:
            if name in self._by_name:
                raise ValueError(f"{self.kind} format {name!r} is registered twice")
            self._by_name[name] = func
            return func

        return add

    def get(self, name: str) -> R:
        """The renderer for ``name``; raises ``UnknownFormat`` naming the formats that exist."""
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownFormat(self.kind, name, self.names()) from None

    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)


#: Renders a Draft's article tree: ``(draft, options, console) -> text``.
OutlineRenderer = Callable[[Draft, RenderOptions, Console], str]

#: ``treatydiff outline -f NAME``.
OUTLINE: Registry[OutlineRenderer] = Registry("outline")


def render_outline(draft: Draft, format: str, options: RenderOptions | None = None,
                   console: Console | None = None) -> str:
    """The outline of ``draft`` in ``format``; without a console, plain text 100 columns wide."""
    renderer = OUTLINE.get(format)
    return renderer(draft, options or RenderOptions(), console or plain_console())


#: Renders a change report: ``(comparison, options, console) -> text``, or the bytes of a binary file (``docx``).
CompareRenderer = Callable[[Comparison, RenderOptions, Console], str | bytes]

#: ``treatydiff compare -f NAME``.
COMPARE: Registry[CompareRenderer] = Registry("compare")


def render_comparison(comparison: Comparison, format: str, options: RenderOptions | None = None,
                      console: Console | None = None) -> str | bytes:
    """The change report of ``comparison`` in ``format``; without a console, plain text 100 columns wide. A binary
    format (``docx``) gives the file's bytes."""
    renderer = COMPARE.get(format)
    return renderer(comparison, options or RenderOptions(), console or plain_console())


#: Renders the verdicts of ``check`` or ``lint``: ``(verdicts, console) -> text``. Verdicts have no render options:
#: a CI report shows every verdict.
VerdictsRenderer = Callable[[Verdicts, Console], str]

#: ``treatydiff check -f NAME`` and ``treatydiff lint -f NAME``.
VERDICTS: Registry[VerdictsRenderer] = Registry("verdicts")


def render_verdicts(verdicts: Verdicts, format: str, console: Console | None = None) -> str:
    """The verdicts of ``check`` or ``lint`` in ``format``; without a console, plain text 100 columns wide."""
    return VERDICTS.get(format)(verdicts, console or plain_console())


def plain_console(width: int = 100) -> Console:
    """A console that draws without colour or terminal codes, for files and for callers of the API."""
    return Console(width=width, color_system=None, force_terminal=False, no_color=True, highlight=False,
                   emoji=False, markup=False)


# Importing the renderer modules registers them; the order here is the order ``--help`` lists them in.
from treatydiff.render import outline_tree, outline_json, outline_markdown  # noqa: E402, F401, I001
from treatydiff.render import compare_terminal, compare_json, compare_svg  # noqa: E402, F401
from treatydiff.render import compare_html  # noqa: E402, F401
from treatydiff.render import compare_markdown  # noqa: E402, F401
from treatydiff.render import compare_docx  # noqa: E402, F401
from treatydiff.render import verdicts_text, verdicts_json  # noqa: E402, F401
from treatydiff.render import verdicts_github, verdicts_junit  # noqa: E402, F401

# --- treatydiff history (the renderers of n drafts' lineages) ---------------------------------------------

from treatydiff.history import History  # noqa: E402

#: Renders the history of n drafts: ``(history, options, console) -> text``. A history with a ``selection``
#: (``--article``) is shown as the timeline of each selected lineage, with the redline of each step.
HistoryRenderer = Callable[[History, RenderOptions, Console], str]

#: ``treatydiff history -f NAME``.
HISTORY: Registry[HistoryRenderer] = Registry("history")


def render_history(history: History, format: str, options: RenderOptions | None = None,
                   console: Console | None = None) -> str:
    """The history report in ``format``; without a console, plain text 100 columns wide."""
    return HISTORY.get(format)(history, options or RenderOptions(), console or plain_console())


from treatydiff.render import history_terminal, history_json  # noqa: E402, F401, I001
from treatydiff.render import history_html  # noqa: E402, F401
from treatydiff.render import history_markdown  # noqa: E402, F401

# --- treatydiff parallel (language versions of one text) and parallel-compare (one step in two languages) ------

from treatydiff.model import Parallel, ParallelComparison  # noqa: E402

#: Renders the correspondence of language versions: ``(parallel, console) -> text``.
ParallelRenderer = Callable[[Parallel, Console], str]

#: ``treatydiff parallel -f NAME``.
PARALLEL: Registry[ParallelRenderer] = Registry("parallel")

#: Renders one revision step compared in two languages: ``(parallel_comparison, console) -> text``.
ParallelCompareRenderer = Callable[[ParallelComparison, Console], str]

#: ``treatydiff parallel-compare -f NAME``.
PARALLEL_COMPARE: Registry[ParallelCompareRenderer] = Registry("parallel-compare")

from treatydiff.render import parallel_terminal, parallel_markdown, parallel_json  # noqa: E402, F401, I001
from treatydiff.render import parallel_compare_terminal, parallel_compare_markdown  # noqa: E402, F401
from treatydiff.render import parallel_compare_json  # noqa: E402, F401
