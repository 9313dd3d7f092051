"""The terminal report's options (concordance, side by side, summary, context), its colours, ``-f svg``,
the format inferred from ``-o FILE`` and the pager, through the renderers and click's CliRunner.

No golden files here (the plain report's golden files are in tests/test_golden.py): the checks look for what
a reader must see, so they survive a change of layout. The SVG is checked to show the same words as the plain
report, in the same order.
"""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.console import Console
from rich.pager import Pager
from test_cli_compare import made_comparison

from treatydiff import cli as cli_module
from treatydiff.cli import ColourPager, Env, cli
from treatydiff.compare import compare
from treatydiff.errors import ExitCode
from treatydiff.load import load
from treatydiff.model import Comparison, Outcome, RenderOptions
from treatydiff.render import COMPARE, compare_svg, plain_console

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "convention"
ZERO = FIXTURES / "zero-draft.md"
REVISED = FIXTURES / "revised-draft.md"
SVG_NS = "http://www.w3.org/2000/svg"
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SVG = "{http://www.w3.org/2000/svg}svg"


class FakePager(Pager):
    """Remembers what it was asked to show instead of running ``less``."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def show(self, content: str) -> None:
        self.shown.append(content)


def invoke(*args: str | Path, env: Env | None = None) -> Result:
    """``treatydiff ARGS`` without NO_COLOR/FORCE_COLOR and, unless ``env`` says otherwise, not on a terminal."""
    return CliRunner().invoke(cli, [str(a) for a in args], obj=env or Env(environ={}))


def fixture_comparison() -> Comparison:
    """zero-draft -> revised-draft with the sources as the repository names them (same on every machine)."""
    drafts = [replace(load(p), source=p.relative_to(FIXTURES.parent.parent).as_posix()) for p in (ZERO, REVISED)]
    return compare(*drafts)


def terminal(comparison: Comparison, width: int = 100, **options: object) -> str:
    return COMPARE.get("terminal")(comparison, RenderOptions(**options), plain_console(width))  # type: ignore[arg-type]


# --- the report's options ------------------------------------------------------------------------------------


def test_per_chapter_table_lists_every_chapter() -> None:
    comparison = fixture_comparison()
    text = terminal(comparison, width=140)
    for chapter in comparison.totals.per_chapter:
        assert chapter in text
    assert re.search(r"Chapter VII — Final provisions\s+4\s+2\b", text)  # 4 unchanged, 2 modified


def test_concordance_lists_every_match_with_outcome_and_similarity() -> None:
    comparison = fixture_comparison()
    plain = terminal(comparison)
    assert "Concordance" not in plain
    text = terminal(comparison, concordance=True)
    assert "Concordance" in text
    assert re.search(r"Art\. 19\s+Art\. 21 \+ Art\. 22\s+split\s+0\.\d\d", text)
    assert re.search(r"Art\. 24\s+Art\. 20\s+moved\s+1\.00", text)
    assert re.search(r"—\s+Art\. 4\s+added\s+—", text)
    assert re.search(r"Art\. 23\s+—\s+removed\s+—", text)
    assert re.search(r"Art\. 1\s+Art\. 1\s+unchanged\s+1\.00", text)  # every match, unchanged ones too


def test_summary_only_stops_after_the_tables() -> None:
    comparison = fixture_comparison()
    text = terminal(comparison, summary_only=True)
    assert "share of text changed" in text and "Chapter I — General provisions" in text
    assert "╭" not in text and "[-" not in text and "Concordance" not in text
    with_concordance = terminal(comparison, summary_only=True, concordance=True)
    assert "Concordance" in with_concordance and "╭" not in with_concordance


def test_context_shows_unchanged_paragraphs_around_a_change() -> None:
    comparison = made_comparison()
    assert "… 1 unchanged paragraph" in terminal(comparison)
    assert "This Convention applies to coastal wetlands." not in terminal(comparison)
    text = terminal(comparison, context=1)
    assert "1. This Convention applies to coastal wetlands." in text
    assert "unchanged paragraph" not in text


def test_context_on_the_fixtures_shows_more_and_hides_less() -> None:
    comparison = fixture_comparison()
    hidden = [sum(int(n) for n in re.findall(r"… (\d+) unchanged paragraph", terminal(comparison, context=c)))
              for c in (0, 1, 2)]
    assert hidden[0] > hidden[1] > hidden[2]


def test_side_by_side_puts_deletions_left_and_insertions_right() -> None:
    text = terminal(made_comparison(), side_by_side=True)
    assert re.search(r"Zero draft\s+Rev\.1", text)  # the columns are named after the drafts
    row = next(line for line in text.splitlines() if "[-shall-]" in line)
    left, right = row.split("[-shall-]", 1)
    assert "Each State Party" in left and "{+" not in left
    assert "Each State Party {+may+}" in right and "[-" not in right
    assert "[-shall-]{+may+}" not in text
    removed = next(line for line in text.splitlines() if "[-States Parties shall exchange" in line)
    assert "{+" not in removed  # a removed article has nothing on the new side


def test_side_by_side_on_the_fixtures() -> None:
    text = terminal(fixture_comparison(), side_by_side=True, width=120)
    assert re.search(r"zero-draft\s+revised-draft", text)
    assert any("[-6-]" in line and "{+7+}" in line for line in text.splitlines())  # old and new on one row


def test_colours_are_okabe_ito_with_strike_and_underline() -> None:
    console = Console(file=StringIO(), width=100, force_terminal=True, color_system="truecolor", markup=False)
    text = COMPARE.get("terminal")(made_comparison(), RenderOptions(), console)
    deleted = re.search(r"\x1b\[([0-9;]*)mshall", text)
    inserted = re.search(r"\x1b\[([0-9;]*)mmay", text)
    assert deleted and inserted
    assert {"1", "9"} <= set(deleted.group(1).split(";")) and "38;2;213;94;0" in deleted.group(1)  # #d55e00
    assert {"1", "4"} <= set(inserted.group(1).split(";")) and "38;2;0;114;178" in inserted.group(1)  # #0072b2
    assert console.get_style("td.delete", default="none") == console.get_style("none")  # theme popped again


# --- colour and the command line -----------------------------------------------------------------------------


def test_no_ansi_when_not_on_a_terminal() -> None:
    result = invoke("compare", ZERO, REVISED, "--side-by-side", "--concordance")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert not ANSI.search(result.stdout)
    assert "[-" in result.stdout and "{+" in result.stdout


def test_no_color_wins_over_a_terminal() -> None:
    pager = FakePager()
    env = Env(environ={"NO_COLOR": "1"}, is_terminal=True, pager=pager)
    result = invoke("compare", ZERO, REVISED, env=env)
    assert result.exit_code == ExitCode.OK, result.stderr
    shown = "".join(pager.shown) + result.stdout
    assert "{+" in shown and not ANSI.search(shown)


def test_color_always_gives_ansi_in_a_pipe() -> None:
    result = invoke("compare", ZERO, REVISED, "--color", "always")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert ANSI.search(result.stdout)
    assert "[-" not in result.stdout.replace("[-deleted-]", "")


# --- -f svg ----------------------------------------------------------------------------------------------------

#: The articles of the README's picture: the whole report is taller than an SVG may be (``compare_svg.MAX_LINES``).
SVG_ARTICLES = ("--article", "2", "--article", "5-6", "--article", "annex I")


def test_svg_is_deterministic_and_valid(tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for target in (first, second):
        result = invoke("compare", ZERO, REVISED, "-f", "svg", "-o", target, *SVG_ARTICLES)
        assert result.exit_code == ExitCode.OK, result.stderr
    assert first.read_bytes() == second.read_bytes()
    root = ET.fromstring(first.read_text(encoding="utf-8"))
    assert root.tag == SVG
    words = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "revised-draft" in words and "General" in words
    svg = first.read_text(encoding="utf-8")
    assert "#d55e00" in svg and "line-through" in svg and "underline" in svg  # colours forced on in a file


def test_svg_on_stdout_keeps_colours_even_with_no_color() -> None:
    result = invoke("compare", ZERO, REVISED, "-f", "svg", *SVG_ARTICLES, env=Env(environ={"NO_COLOR": "1"}))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert ET.fromstring(result.stdout).tag == SVG
    assert "#0072b2" in result.stdout and "\x1b" not in result.stdout


def test_svg_shows_the_same_words_as_the_text_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """The picture holds every word of the plain report (the plain report has a readable golden
    file, ``*.compare.txt``; the SVG itself is not pinned byte for byte: 300 KB nobody can review)."""
    monkeypatch.setattr(compare_svg, "MAX_LINES", 10_000)  # the whole report, taller than a picture may be
    comparison = fixture_comparison()
    svg = COMPARE.get("svg")(comparison, RenderOptions(), plain_console(100))
    root = ET.fromstring(svg)
    shown = " ".join("".join(node.itertext()) for node in root.iter(f"{{{SVG_NS}}}text"))
    plain = COMPARE.get("terminal")(comparison, RenderOptions(), plain_console(100))
    words = re.compile(r"[A-Za-z0-9]+")
    in_picture = Counter(words.findall(shown.replace("\xa0", " ")))
    in_text = Counter(words.findall(re.sub(r"\[-|-\]|\{\+|\+\}", " ", plain)))
    assert not in_text - in_picture  # every word of the report is in the picture


# --- -o FILE: the format by extension -----------------------------------------------------------------------


def _check_markdown(text: str) -> None:
    assert text.startswith("# ") and "| outcome |" in text
    assert "<ins>" in text or "<del>" in text


def _check_html(text: str) -> None:
    assert text.lstrip().lower().startswith("<!doctype html")
    assert "<del" in text and "<ins" in text


def _check_json(text: str) -> None:
    assert json.loads(text)["schema_version"] == 1


def _check_svg(text: str) -> None:
    assert ET.fromstring(text).tag == SVG


def _check_terminal(text: str) -> None:
    assert "share of text changed" in text and "[-" in text and not ANSI.search(text)


@pytest.mark.parametrize(
    ("name", "check"),
    [("report.md", _check_markdown), ("report.html", _check_html), ("report.htm", _check_html),
     ("report.json", _check_json), ("report.svg", _check_svg), ("report.txt", _check_terminal),
     ("report.out", _check_terminal)],
)
def test_output_extension_picks_the_format(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    result = invoke("compare", ZERO, REVISED, "-o", target, *(SVG_ARTICLES if name.endswith(".svg") else ()))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    check(target.read_text(encoding="utf-8"))  # type: ignore[operator]
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = invoke("compare", ZERO, REVISED, "-f", "json", "-o", target)
    assert result.exit_code == ExitCode.OK, result.stderr
    _check_json(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["report.md", "report.html", "report.json", "report.svg", "report.txt"])
def test_nothing_written_when_a_draft_is_missing(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = invoke("compare", tmp_path / "missing.md", REVISED, "-o", target)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and "missing.md" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_markdown_style_reaches_the_renderer() -> None:
    result = invoke("compare", ZERO, REVISED, "-f", "markdown", "--markdown-style", "plain")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "~~" in result.stdout and "<del>" not in result.stdout
    bad = invoke("compare", ZERO, REVISED, "--markdown-style", "rtf")
    assert bad.exit_code == ExitCode.ERROR


@pytest.mark.parametrize("value", ["-1", "two"])
def test_context_must_be_a_whole_number_from_0(value: str) -> None:
    result = invoke("compare", ZERO, REVISED, "--context", value)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and "--context" in result.stderr


def test_options_reach_the_render_options(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[RenderOptions] = []

    def fake(comparison: Comparison, options: RenderOptions, console: Console) -> str:
        seen.append(options)
        return ""

    monkeypatch.setitem(COMPARE._by_name, "terminal", fake)
    result = invoke("compare", ZERO, REVISED, "--concordance", "--side-by-side", "--summary", "--context", "2",
                    "--show-unchanged", "--markdown-style", "plain")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert seen == [RenderOptions(show_unchanged=True, context=2, concordance=True, summary_only=True,
                                  side_by_side=True, markdown_style="plain")]


# --- the pager ---------------------------------------------------------------------------------------------


def test_long_report_on_a_terminal_goes_through_the_pager() -> None:
    pager = FakePager()
    result = invoke("compare", ZERO, REVISED, env=Env(environ={}, is_terminal=True, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert len(pager.shown) == 1 and "Art. 5 → Art. 6" in pager.shown[0]
    assert ANSI.search(pager.shown[0])  # styles kept for less -R


@pytest.mark.parametrize(
    ("args", "is_terminal"),
    [((), False), (("--no-pager",), True), (("-f", "json"), True), (("--color", "always"), False)],
    ids=["pipe", "no-pager", "json", "forced-colour-in-a-pipe"],
)
def test_no_pager_off_a_terminal_or_when_told(args: tuple[str, ...], is_terminal: bool) -> None:
    pager = FakePager()
    result = invoke("compare", ZERO, REVISED, *args, env=Env(environ={}, is_terminal=is_terminal, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == []
    assert "revised-draft" in result.stdout


def test_no_pager_with_output_file(tmp_path: Path) -> None:
    pager = FakePager()
    target = tmp_path / "report.txt"
    result = invoke("compare", ZERO, REVISED, "-o", target, env=Env(environ={}, is_terminal=True, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == [] and "Art. 5 → Art. 6" in target.read_text(encoding="utf-8")


def test_report_that_fits_is_not_paged() -> None:
    pager = FakePager()
    console = Console(file=StringIO(), width=120, height=200, force_terminal=True, color_system="truecolor")
    env = Env(environ={}, is_terminal=True, pager=pager, console=console)
    result = invoke("compare", ZERO, REVISED, "--summary", env=env)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == []
    assert "share of text changed" in console.file.getvalue()  # type: ignore[attr-defined]


def _pager_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, dict[str, str]]]:
    """What ``ColourPager`` would run, instead of running it: (command, text, environment) of each call."""
    runs: list[tuple[str, str, dict[str, str]]] = []
    monkeypatch.setattr(cli_module, "pipe_to_pager",
                        lambda command, text, environ: runs.append((command, text, dict(environ))))
    return runs


def test_system_pager_gets_less_frx(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a LESS of the user's, less shows colours (-R), leaves the report on the screen when it quits (-X)
    and quits at once when the report fits (-F); a LESS that is set is the user's, even when empty. The process's
    own environment is not changed."""
    runs = _pager_runs(monkeypatch)
    for name in ("LESS", "MANPAGER", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAGER", "less")
    ColourPager().show("text")
    monkeypatch.setenv("LESS", "-S")
    ColourPager().show("text")
    monkeypatch.setenv("LESS", "")
    ColourPager().show("text")
    assert [(command, environ["LESS"]) for command, _, environ in runs] == [("less", "-FRX"), ("less", "-S"),
                                                                            ("less", "")]
    assert os.environ["LESS"] == ""  # the user's own LESS is kept
    monkeypatch.delenv("LESS")
    ColourPager().show("text")
    assert "LESS" not in os.environ
    monkeypatch.setenv("MANPAGER", "most")
    ColourPager().show("text")
    assert [command for command, _, _ in runs[-2:]] == ["less", "most"]  # $MANPAGER first, as pydoc has it


def test_with_nothing_to_pipe_to_pydoc_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """No $PAGER and no less, or a dumb terminal: pydoc's own fallbacks (more, a plain print) take over."""
    runs = _pager_runs(monkeypatch)
    fallback: list[str] = []
    monkeypatch.setattr(cli_module.SystemPager, "_pager", lambda self, content: fallback.append(content))
    for name in ("PAGER", "MANPAGER", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("shutil.which", lambda name: None)
    ColourPager().show("one")
    monkeypatch.setenv("PAGER", "less")
    monkeypatch.setenv("TERM", "dumb")
    ColourPager().show("two")
    assert fallback == ["one", "two"] and runs == []


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell stands in for the pager")
def test_the_pager_is_fed_the_report_with_less_frx(tmp_path: Path) -> None:
    """A real pager process: it gets the text on its standard input and LESS=-FRX in its environment."""
    seen, shown = tmp_path / "less.txt", tmp_path / "shown.txt"
    command = f"printf %s \"$LESS\" > '{seen}'; cat > '{shown}'"
    cli_module.pipe_to_pager(command, "Art. 5 → Art. 6\n", {**os.environ, "LESS": "-FRX"})
    assert seen.read_text(encoding="utf-8") == "-FRX"
    assert shown.read_text(encoding="utf-8") == "Art. 5 → Art. 6\n"
    cli_module.pipe_to_pager("true", "x\n" * 200_000, dict(os.environ))  # a pager that quits at once: no error


def test_the_pager_of_a_long_report_is_run_with_less_frx(monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the command: a long report on a terminal reaches the system pager with LESS=-FRX."""
    runs = _pager_runs(monkeypatch)
    for name in ("LESS", "MANPAGER", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAGER", "less")
    result = invoke("compare", ZERO, REVISED, env=Env(environ={}, is_terminal=True))
    assert result.exit_code == ExitCode.OK, result.stderr
    [(command, content, environ)] = runs
    assert (command, environ["LESS"]) == ("less", "-FRX") and "Art. 5 → Art. 6" in content and ANSI.search(content)
    assert "LESS" not in os.environ


def test_long_outline_on_a_terminal_goes_through_the_pager() -> None:
    pager = FakePager()
    result = invoke("outline", ZERO, env=Env(environ={}, is_terminal=True, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert len(pager.shown) == 1 and "Article 5" in pager.shown[0] and ANSI.search(pager.shown[0])


@pytest.mark.parametrize(
    ("args", "is_terminal"),
    [((), False), (("--no-pager",), True), (("-f", "json"), True), (("-f", "markdown"), True),
     (("--color", "always"), False)],
    ids=["pipe", "no-pager", "json", "markdown", "forced-colour-in-a-pipe"],
)
def test_outline_is_not_paged_off_a_terminal_or_when_told(args: tuple[str, ...], is_terminal: bool) -> None:
    pager = FakePager()
    result = invoke("outline", ZERO, *args, env=Env(environ={}, is_terminal=is_terminal, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == [] and "zero-draft" in result.stdout


def test_outline_is_not_paged_with_output_file_or_when_it_fits(tmp_path: Path) -> None:
    pager = FakePager()
    target = tmp_path / "outline.txt"
    result = invoke("outline", ZERO, "-o", target, env=Env(environ={}, is_terminal=True, pager=pager))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == [] and "Article 5" in target.read_text(encoding="utf-8")
    console = Console(file=StringIO(), width=120, height=200, force_terminal=True, color_system="truecolor")
    result = invoke("outline", ZERO, "--depth", "1", env=Env(environ={}, is_terminal=True, pager=pager,
                                                           console=console))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert pager.shown == [] and "Chapter I" in console.file.getvalue()  # type: ignore[attr-defined]


# --- the width of a report that goes to no terminal ------------------------------------------------------


def _widest(text: str) -> int:
    return max(len(line.rstrip()) for line in text.splitlines())


@pytest.mark.parametrize("command", [("compare", ZERO, REVISED), ("outline", ZERO), ("history", ZERO, REVISED)],
                         ids=["compare", "outline", "history"])
def test_a_report_in_a_pipe_is_100_columns_wide(command: tuple[str | Path, ...],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Not Rich's 80 (which cut file names mid-word), nor the width of a terminal stderr happens to be."""
    monkeypatch.chdir(FIXTURES.parent.parent)  # the names as the README gives them
    names = [a.relative_to(FIXTURES.parent.parent) if isinstance(a, Path) else a for a in command]
    result = invoke(*names, env=Env(environ={}, is_terminal=False))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert 80 < _widest(result.stdout) <= 100
    if command[0] == "compare":  # the file names whole, the tables as wide as the report
        assert "fixtures/convention/zero-draft.md (md) → fixtures/convention/revised-draft.md (md)" in result.stdout
        assert _widest(result.stdout) == 100


def test_a_report_in_a_pipe_or_a_file_follows_columns(tmp_path: Path) -> None:
    result = invoke("compare", ZERO, REVISED, env=Env(environ={"COLUMNS": "132"}, is_terminal=False))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert _widest(result.stdout) == 132
    target = tmp_path / "report.txt"
    result = invoke("compare", ZERO, REVISED, "-o", target, env=Env(environ={"COLUMNS": "72"}, is_terminal=False))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert _widest(target.read_text(encoding="utf-8")) == 72
    result = invoke("compare", ZERO, REVISED, "-o", target, env=Env(environ={}, is_terminal=False))
    assert _widest(target.read_text(encoding="utf-8")) == 100


@pytest.mark.parametrize("columns", ["", "0", "wide", "-5", "99999999", "\uff11\uff12\uff10"])  # (the last: full-width digits)
def test_a_columns_that_is_no_width_is_ignored(columns: str) -> None:
    assert cli_module.report_width({"COLUMNS": columns}) == cli_module.FILE_WIDTH == 100


def test_every_outcome_has_a_style() -> None:
    from treatydiff.render.compare_terminal import OUTCOME_STYLE, theme_for

    theme = theme_for(Console(color_system="standard", force_terminal=True))
    for outcome in Outcome:
        assert OUTCOME_STYLE[outcome] in theme.styles
    # 16 colours: nothing rounds to yellow or white, unreadable on a light background
    ours = [style for name, style in theme.styles.items() if name.startswith("td.")]
    assert not {"yellow", "white", "bright_yellow"} & {str(s.color.name) for s in ours if s.color}
