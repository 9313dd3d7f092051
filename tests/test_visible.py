"""Terminal escapes (issue 14): no file name, label or text can drive the terminal, in any report or message."""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.visible import visible

#: What a hostile name may hold: clear the screen, write the clipboard (OSC 52), ring, CSI as one C1 character,
#: a right-to-left override, a carriage return that overwrites the line.
HOSTILE_NAME = "draft\x1b[2J\x1b]52;c;SGVsbG8=\x07\x9b31m\u202etxt.\rok"
DANGEROUS = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / f"{HOSTILE_NAME}.txt"
    old.write_text("Article 1\nScope \x9b31m\n\n1. Text \x1b[31m red \x85\u202e here.\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("Article 1\nScope\n\n1. Text changed here.\n", encoding="utf-8")
    return old, new


def clean(text: str) -> None:
    for char in DANGEROUS:
        assert char not in text, repr(char)


def test_visible_writes_controls_as_escapes() -> None:
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\x9b\u202e\u2066\r\x07") == "\\x9b\\u202e\\u2066\\x0d\\x07"
    assert visible("bad\udc93byte") == "bad\\x93byte"  # a byte of a file name that is not UTF-8
    assert visible("line\nbreak\ttab") == "line\\x0abreak\\x09tab"
    assert visible("line\nbreak", lines=True) == "line\nbreak"
    assert visible("Entwürfe (Rev. 1) 草案 №1 مادة") == "Entwürfe (Rev. 1) 草案 №1 مادة"  # only controls change


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_compare_reports_never_hold_terminal_controls(fmt: str, hostile: tuple[Path, Path]) -> None:
    old, new = hostile
    result = invoke("compare", old, new, "-f", fmt, "--color", "always")
    assert result.exit_code == 0, result.output
    out = result.stdout.replace("\x1b[", "")  # the report's own colours are ours (always ESC + "[")
    clean(out)
    if fmt == "terminal":
        assert "draft\\x1b[2J\\x1b]52;c;SGVsbG8=\\x07\\x9b31m\\u202etxt.\\x0dok" in result.stdout


def test_outline_lint_and_check_never_hold_terminal_controls(hostile: tuple[Path, Path]) -> None:
    old, new = hostile
    for args in (("outline", old), ("lint", old), ("check", old, new, "--fail-on", "removed")):
        result = invoke(*args, "--color", "never") if args[0] == "outline" else invoke(*args)
        assert result.exit_code in (0, 1), result.output
        clean(result.stdout)
        clean(result.stderr)


def test_error_lines_never_hold_terminal_controls(tmp_path: Path) -> None:
    result = invoke("outline", tmp_path / f"missing{HOSTILE_NAME}.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    clean(result.stderr)
    assert "\\x1b[2J" in result.stderr


def test_svg_is_well_formed_with_controls_in_the_names(hostile: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = hostile
    out = tmp_path / "report.svg"
    result = invoke("compare", old, new, "-f", "svg", "-o", out)
    assert result.exit_code == 0, result.output
    xml.dom.minidom.parse(str(out))  # raises on a control character, which XML 1.0 forbids
