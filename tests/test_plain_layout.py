"""The plain layout (``render.plain_layout``) gives the text Rich would print, character for character: on the
reports of the fixture pairs (every language, every option that changes the layout, several widths), on a few
corpus pairs, and on generated texts and panels; and it hands to Rich what it cannot measure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from treatydiff.compare import compare
from treatydiff.history import history
from treatydiff.load import load
from treatydiff.model import RenderOptions
from treatydiff.render import history_terminal, plain_console, plain_layout
from treatydiff.render.compare_terminal import print_report, render, theme_for

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"

#: Each folder of drafts in versions: zero draft -> revised draft -> final text.
VERSIONS = [FIXTURES / "convention", *sorted(p for p in (FIXTURES / "un").iterdir() if p.is_dir())]
PAIRS = [
    *[(folder / "zero-draft.md", folder / "revised-draft.md") for folder in VERSIONS],
    (FIXTURES / "convention" / "revised-draft.txt", FIXTURES / "convention" / "final-text.txt"),
    (FIXTURES / "alignment" / "treaty-old.md", FIXTURES / "alignment" / "treaty-new.md"),
    (FIXTURES / "markup" / "original.txt", FIXTURES / "markup" / "final.txt"),
]
OPTIONS = {
    "default": RenderOptions(),
    "everything": RenderOptions(context=1, show_unchanged=True, concordance=True, explain=True),
    "side-by-side": RenderOptions(side_by_side=True, context=0),
}


def rich_text(comparison, options: RenderOptions, width: int) -> str:
    """The report as Rich prints it (the path coloured consoles take, here without colour)."""
    console = plain_console(width)
    with console.capture() as capture:
        print_report(comparison, options, console)
    return capture.get()


@pytest.fixture(scope="module")
def comparisons():
    return {pair: compare(load(pair[0]), load(pair[1])) for pair in PAIRS}


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0].parent.name}/{p[0].stem}")
@pytest.mark.parametrize("name", OPTIONS)
@pytest.mark.parametrize("width", [40, 100, 161])
def test_a_fixture_report_is_the_text_rich_prints(comparisons, pair, name: str, width: int) -> None:
    comparison = comparisons[pair]
    assert render(comparison, OPTIONS[name], plain_console(width)) == rich_text(comparison, OPTIONS[name], width)


def test_most_of_a_latin_report_is_laid_out_without_rich(comparisons) -> None:
    """The point of the module: the panels of an English report do not go to Rich (a fallback for everything
    would pass the test above and save nothing)."""
    comparison = comparisons[PAIRS[0]]
    from treatydiff.render.compare_terminal import renderables

    panels = [p for p in renderables(comparison, RenderOptions(), True, 100) if isinstance(p, Panel)]
    assert panels
    assert all(plain_layout.lay_out(p, 100) is not None for p in panels)


def test_the_history_report_is_the_text_rich_prints() -> None:
    folder = FIXTURES / "convention"
    drafts = [load(folder / f"{name}.md") for name in ("zero-draft", "revised-draft", "final-text")]
    result = history(drafts)
    for options in (RenderOptions(), RenderOptions(context=0, show_unchanged=True)):
        console = plain_console(90)
        parts = history_terminal.renderables(result, options, True, console)
        console.push_theme(theme_for(console))
        with console.capture() as capture:
            for part in parts:
                console.print(part, highlight=False)
        console.pop_theme()
        assert history_terminal.render(result, options, plain_console(90)) == capture.get()


CORPUS_PAIRS = [
    ("budapest-convention-ets185", "v*.md"),
    ("eu-ai-act-council-drafts", "v0[12]*.md"),
]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("folder,pattern", CORPUS_PAIRS)
def test_a_corpus_report_is_the_text_rich_prints(folder: str, pattern: str) -> None:
    files = sorted((CORPUS / folder).glob(pattern))
    if len(files) < 2:
        pytest.skip(f"fewer than two files {pattern} in {folder}")
    comparison = compare(load(files[0]), load(files[1]))
    assert render(comparison, RenderOptions(), plain_console(100)) == rich_text(comparison, RenderOptions(), 100)


# --- generated texts ----------------------------------------------------------------------------------------

#: Letters of one cell, spaces of several kinds, line breaks, and characters the layout must hand to Rich
#: (two cells, no width, a tab, a control character).
ALPHABET = st.sampled_from([*"ab cdé—→“”", " ", " ", "\u00a0", "\n", "x" * 7, "中", "\u0301", "\t", "\x07", "€"])
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


def printed(renderable, width: int) -> str:
    console = plain_console(width)
    with console.capture() as capture:
        console.print(renderable, highlight=False)
    return capture.get()


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, width=st.integers(1, 30))
def test_a_text_is_laid_out_as_rich_prints_it_or_left_to_rich(text: str, width: int) -> None:
    laid = plain_layout.lay_out(Text(text), width)
    if laid is None:
        assert not plain_layout.simple(text)
    else:
        assert laid == printed(Text(text), width)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=4), title=TEXTS, subtitle=TEXTS, width=st.integers(3, 40))
def test_a_panel_is_laid_out_as_rich_prints_it_or_left_to_rich(texts: list[str], title: str, subtitle: str,
                                                                width: int) -> None:
    panel = Panel(Group(*map(Text, texts)), title=Text(title) if title else None,
                  subtitle=Text(subtitle) if subtitle else None, title_align="left", subtitle_align="left",
                  box=box.ROUNDED)
    laid = plain_layout.lay_out(panel, width)
    if laid is None:
        assert width <= 4 or not all(map(plain_layout.simple, [*texts, title, subtitle]))
    else:
        assert laid == printed(panel, width)


def test_every_character_of_one_cell_is_one_cell_to_rich() -> None:
    """The table the layout measures by: each character on its own and in a run that Rich folds."""
    from rich.cells import cell_len, chop_cells

    chars = sorted(plain_layout.one_cell())
    assert len(chars) > 1000
    run = "".join(chars)
    assert cell_len(run) == len(run)
    assert chop_cells(run, 7) == [run[i:i + 7] for i in range(0, len(run), 7)]


def test_a_coloured_or_ascii_console_is_left_to_rich() -> None:
    from rich.console import Console

    assert plain_layout.applies(plain_console(80))
    assert not plain_layout.applies(Console(force_terminal=True, color_system="truecolor", width=80))
    assert not plain_layout.applies(ascii_console())


def ascii_console():
    """A console whose output cannot take Unicode boxes (Rich draws them in ASCII)."""
    import io

    from rich.console import Console

    return Console(file=io.TextIOWrapper(io.BytesIO(), encoding="ascii"), color_system=None, width=80,
                   force_terminal=False)

