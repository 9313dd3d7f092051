"""The ``-f svg`` picture: it loads nothing from elsewhere (no web font), a report taller than
``compare_svg.MAX_LINES`` is refused with a hint, and the README's picture is what the renderer draws today.

The picture's colours, determinism and words are checked with the terminal report in tests/test_render_terminal.py.
"""

from __future__ import annotations

import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.render import compare_svg

ROOT = Path(__file__).resolve().parent.parent
ZERO = ROOT / "fixtures" / "convention" / "zero-draft.md"
REVISED = ROOT / "fixtures" / "convention" / "revised-draft.md"
PICTURE = ROOT / "docs" / "compare.svg"
SVG = "{http://www.w3.org/2000/svg}svg"
#: An address anywhere but the SVG namespace (``xmlns``), which is a name, not a request.
OUTSIDE = re.compile(r"(?i)(?:https?:)?//(?!www\.w3\.org/2000/svg\")[a-z0-9.-]+\.[a-z]{2,}")


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def picture(*args: str | Path) -> str:
    result = invoke("compare", ZERO, REVISED, "-f", "svg", *args)
    assert result.exit_code == ExitCode.OK, result.stderr
    return result.stdout


def assert_loads_nothing(svg: str) -> None:
    assert ET.fromstring(svg).tag == SVG
    assert "@font-face" not in svg and "url(\"" not in svg and "url('" not in svg
    assert not OUTSIDE.search(svg), OUTSIDE.search(svg)
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "monospace;" in svg  # a font stack that ends in the generic family: always something to draw with


def test_svg_names_only_local_fonts() -> None:
    assert_loads_nothing(picture("--article", "5-6"))


def test_readme_picture_loads_nothing() -> None:
    assert_loads_nothing(PICTURE.read_text(encoding="utf-8"))


def test_readme_picture_is_what_the_renderer_draws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/compare.svg is redrawn by ``python docs/make_pictures.py`` whenever the picture changes."""
    pictures = runpy.run_path(str(ROOT / "docs" / "make_pictures.py"))["PICTURES"]
    monkeypatch.chdir(ROOT)  # as make_pictures.py does: the picture names the drafts as the repository does
    drawn = tmp_path / "compare.svg"
    result = invoke("compare", *pictures["docs/compare.svg"], "-f", "svg", "-o", drawn)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert drawn.read_bytes() == PICTURE.read_bytes(), "docs/compare.svg is stale: run python docs/make_pictures.py"


def test_a_report_taller_than_a_picture_is_refused() -> None:
    result = invoke("compare", ZERO, REVISED, "-f", "svg")
    assert result.exit_code == ExitCode.ERROR
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert re.fullmatch(
        rf"error: standard output: the report is \d+ lines tall, more than the {compare_svg.MAX_LINES} an SVG "
        r"picture holds — show less with --article SEL .* or --summary\n", result.stderr), result.stderr


def test_the_refusal_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "changes.svg"
    result = invoke("compare", ZERO, REVISED, "-o", target)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith(f"error: {target}: the report is ")
    assert list(tmp_path.iterdir()) == []


def test_the_hints_of_the_refusal_work() -> None:
    for args in (("--summary",), ("--article", "5-6")):
        assert_loads_nothing(picture(*args))


def test_the_limit_is_on_terminal_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report of exactly ``MAX_LINES`` lines is drawn; one line more is refused."""
    svg = picture("--summary")
    lines = len(re.findall(r'<clipPath id="terminal-\d+-line-\d+">', svg)) + 1  # Rich clips all lines but the last
    monkeypatch.setattr(compare_svg, "MAX_LINES", lines)
    assert picture("--summary") == svg
    monkeypatch.setattr(compare_svg, "MAX_LINES", lines - 1)
    result = invoke("compare", ZERO, REVISED, "-f", "svg", "--summary")
    assert result.exit_code == ExitCode.ERROR and f"is {lines} lines tall" in result.stderr
