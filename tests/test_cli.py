"""The command line through click's CliRunner: every exit code, every kind of bad input, the error line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from treatydiff import cli as cli_module
from treatydiff.cli import Env, cli, parse_size
from treatydiff.errors import ExitCode, LoadError

DRAFT = """\
Article 1
Scope

1. This Convention applies to the prevention, investigation and prosecution of the offences \
established in accordance with this Convention.

2. Each State Party shall adopt [such legislative and other measures] as may be necessary.

Article 2
Use of terms

For the purposes of this Convention, "computer system" means any device that processes data.

Article 3 [deleted]
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args: str | Path, input: str | bytes | None = None, env: Env | None = None) -> Result:
    """Run ``treatydiff ARGS`` as a shell would, in an environment without NO_COLOR/FORCE_COLOR."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, obj=env or Env(environ={}))


def assert_error_line(result: Result, *fragments: str) -> str:
    """Exit 2 and exactly one line on stderr: ``error: ...`` with each fragment, no traceback."""
    assert result.exit_code == ExitCode.ERROR, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "zero-draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def nodes(tree: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in tree:
        yield node
        yield from nodes(node["children"])


# --- success -----------------------------------------------------------------------------------------------


def test_outline_tree_shows_articles(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(draft.parent)  # a short name: the header line is cut to the terminal's width
    result = invoke("outline", draft.name)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Article 1 — Scope" in result.stdout
    assert "Article 2 — Use of terms" in result.stdout
    assert "[deleted]" in result.stdout
    assert draft.name in result.stdout.splitlines()[0]  # header: source, format, counts
    assert "txt" in result.stdout.splitlines()[0]
    assert not ANSI.search(result.stdout), "not a terminal: no colour"


def test_outline_json_follows_the_contract(draft: Path) -> None:
    result = invoke("outline", draft, "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["source"] == str(draft)
    assert document["format"] == "txt"
    assert isinstance(document["warnings"], list)
    assert set(document["counts"]) == {"articles", "placeholders", "annexes", "annex_articles", "recitals", "paragraphs"}
    all_nodes = list(nodes(document["nodes"]))
    for node in all_nodes:
        assert {"kind", "label", "title", "text", "line", "children", "marks", "footnotes"} <= set(node)
    articles = [n for n in all_nodes if n["kind"] == "article"]
    assert [a["label"] for a in articles] == ["1", "2", "3"]
    assert articles[0]["title"] == "Scope"
    assert articles[0]["line"] == 1
    assert "deleted" in articles[2]["marks"]


def test_outline_markdown(draft: Path) -> None:
    result = invoke("outline", draft, "-f", "markdown")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert re.search(r"^#+ Article 1 — Scope$", result.stdout, re.M)
    assert r"\[such legislative and other measures\]" in result.stdout  # treaty brackets escaped


def test_depth_1_shows_only_the_top_level(draft: Path) -> None:
    full = invoke("outline", draft)
    top = invoke("outline", draft, "--depth", "1")
    assert top.exit_code == ExitCode.OK, top.stderr
    assert "Article 1 — Scope" in top.stdout
    assert "This Convention applies" in full.stdout
    assert "This Convention applies" not in top.stdout
    document = json.loads(invoke("outline", draft, "--depth", "1", "-f", "json").stdout)
    assert document["nodes"] and all(node["children"] == [] for node in document["nodes"])


def test_stdin(draft: Path) -> None:
    result = invoke("outline", "-", "-f", "json", input=DRAFT)
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert [n["label"] for n in nodes(document["nodes"]) if n["kind"] == "article"] == ["1", "2", "3"]


def test_from_forces_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("## Article 1\n\nScope\n\n1. This Convention applies.\n", encoding="utf-8")
    result = invoke("outline", path, "--from", "md", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["format"] == "md"


def test_invalid_utf8_loads_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(DRAFT.replace("Scope", "Scope \u2013 champ d'application").encode("cp1252"))
    result = invoke("outline", path)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Article 1" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1, result.stderr
    assert re.match(rf"warning: {re.escape(str(path))}:\d+: .*UTF-8", warnings[0]), warnings[0]


def test_utf16_with_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(DRAFT.encode("utf-16"))  # the codec writes the BOM
    result = invoke("outline", path)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Article 1 — Scope" in result.stdout
    assert "warning" not in result.stderr


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == ExitCode.OK
    assert re.fullmatch(r"treatydiff \d+\.\d+\.\d+\S*\n", result.stdout), result.stdout


def test_python_dash_m_version() -> None:
    done = subprocess.run([sys.executable, "-m", "treatydiff", "--version"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == ExitCode.OK, done.stderr
    assert re.fullmatch(r"treatydiff \d+\.\d+\.\d+\S*\n", done.stdout), done.stdout


def test_python_dash_m_error_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    done = subprocess.run([sys.executable, "-m", "treatydiff", "outline", str(missing)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == ExitCode.ERROR
    assert done.stdout == ""
    assert done.stderr.startswith(f"error: {missing}: ") and done.stderr.count("\n") == 1, done.stderr


# --- output file -------------------------------------------------------------------------------------------


def test_output_file_is_written(draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "outline.json"
    target.parent.mkdir()
    result = invoke("outline", draft, "-f", "json", "-o", target)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 1
    assert os.listdir(target.parent) == ["outline.json"], "no temporary file left behind"


def test_output_tree_file_has_no_colour(draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "outline.txt"
    result = invoke("outline", draft, "-o", target)
    assert result.exit_code == ExitCode.OK, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Article 1 — Scope" in text
    assert not ANSI.search(text)


def test_output_dash_is_stdout(draft: Path) -> None:
    result = invoke("outline", draft, "-f", "json", "-o", "-")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["schema_version"] == 1


def test_failure_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "outline.json"
    result = invoke("outline", tmp_path / "missing.txt", "-f", "json", "-o", target)
    assert_error_line(result)
    assert not target.exists()
    assert os.listdir(tmp_path) == []


def test_failure_keeps_an_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "outline.json"
    target.write_text("previous\n", encoding="utf-8")
    result = invoke("outline", tmp_path / "missing.txt", "-o", target)
    assert_error_line(result)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert os.listdir(tmp_path) == ["outline.json"]


def test_output_into_a_missing_folder(draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "outline.json"
    assert_error_line(invoke("outline", draft, "-o", target), str(target), "—")


def test_output_to_a_directory(draft: Path, tmp_path: Path) -> None:
    assert_error_line(invoke("outline", draft, "-o", tmp_path), "is a directory")


# --- bad input: exit 2, one line ----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    line = assert_error_line(invoke("outline", missing), str(missing))
    assert line.startswith(f"error: {missing}: ")
    assert " — " in line, "the message says what to do"


def test_directory(tmp_path: Path) -> None:
    assert_error_line(invoke("outline", tmp_path), str(tmp_path), "directory")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_error_line(invoke("outline", path), str(path), "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(PNG * 20)
    assert_error_line(invoke("outline", path), str(path), "binary")


def test_file_above_max_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(DRAFT * 10, encoding="utf-8")
    assert path.stat().st_size > 1024
    assert_error_line(invoke("outline", path, "--max-size", "1K"), str(path), "--max-size")
    assert invoke("outline", path, "--max-size", "1M").exit_code == ExitCode.OK


def test_stdin_above_max_size() -> None:
    assert_error_line(invoke("outline", "-", "--max-size", "1K", input=DRAFT * 10), "--max-size")


@pytest.mark.parametrize("args", [
    ["outline", "x.txt", "--bogus"],
    ["outline"],
    ["outline", "x.txt", "-f", "pdf"],
    ["outline", "x.txt", "--depth", "-1"],
    ["outline", "x.txt", "--max-size", "lots"],
    ["outline", "x.txt", "--color", "sometimes"],
    ["outline", "x.txt", "--from", "rtf"],
    ["frobnicate"],
])
def test_usage_errors(args: list[str]) -> None:
    line = assert_error_line(invoke(*args))
    assert "--help" in line


def test_no_command_shows_help() -> None:
    result = invoke()
    assert result.exit_code in (ExitCode.OK, ExitCode.ERROR)  # click < 8.2: 0; click >= 8.2: 2
    assert "outline" in result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_commands_help_names_every_input_format(command: str) -> None:
    """Each format the loader reads, in words and by its --from name, from the reader registry: the help of
    every command that reads drafts names them all, and never says a draft is only .txt or .md."""
    from treatydiff.load.readers import READERS

    result = invoke(command, "--help")
    assert result.exit_code == ExitCode.OK, result.stderr
    help_text = " ".join(result.stdout.split())
    if "--from" not in help_text:
        pytest.skip(f"{command} reads no drafts")
    assert "{formats}" not in help_text and ".txt or .md" not in help_text
    for reader in READERS.values():
        assert f"{reader.name} ({reader.title})" in help_text, reader.name  # --from
    docstring = help_text.split("Options:")[0]
    for reader in READERS.values():
        assert reader.title in docstring, (command, reader.title)
    assert {"PDF", "Word DOCX", "HTML", "Akoma Ntoso XML", "Formex XML", "US bill XML"} <= {
        r.title for r in READERS.values()}


@pytest.mark.parametrize(("text", "size"), [
    ("50M", 50 * 1024**2), ("200K", 200 * 1024), ("1G", 1024**3), ("4096", 4096), ("1.5m", 1536 * 1024),
    ("10 MB", 10 * 1024**2), ("2KiB", 2048),
])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(None, None, text) == size


# --- colour ------------------------------------------------------------------------------------------------


def test_color_always_and_never(draft: Path) -> None:
    assert ANSI.search(invoke("outline", draft, "--color", "always").stdout)
    assert not ANSI.search(invoke("outline", draft, "--color", "never").stdout)


def test_force_color_and_no_color(draft: Path) -> None:
    def coloured(*args: str | Path, **environ: str) -> bool:
        return bool(ANSI.search(invoke("outline", draft, *args, env=Env(environ=environ)).stdout))

    assert coloured(FORCE_COLOR="1")
    assert not coloured(FORCE_COLOR="0")
    assert not coloured(NO_COLOR="1", FORCE_COLOR="1")
    assert coloured("--color", "always", NO_COLOR="1")
    assert not coloured("--color", "never", FORCE_COLOR="1")


def test_injected_console_receives_the_report(draft: Path) -> None:
    buffer = StringIO()
    result = invoke("outline", draft, env=Env(console=Console(file=buffer, width=100), environ={}))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Article 1 — Scope" in buffer.getvalue()
    assert result.stdout == ""


# --- the error handler: every exit code ---------------------------------------------------------------------


def test_interrupt_exits_130(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "load", interrupted)
    result = invoke("outline", draft)
    assert result.exit_code == ExitCode.INTERRUPTED
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr


def test_internal_error_is_one_line_without_debug(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("the parser tripped\nover two lines")

    monkeypatch.setattr(cli_module, "load", broken)
    line = assert_error_line(invoke("outline", draft), "internal error", "the parser tripped", "--debug")
    assert line.endswith("rerun with --debug and report it")


def test_debug_shows_the_traceback(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("the parser tripped")

    monkeypatch.setattr(cli_module, "load", broken)
    result = invoke("outline", draft, "--debug")
    assert result.exit_code == ExitCode.ERROR
    assert "Traceback" in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: internal error: RuntimeError: the parser tripped")


def test_debug_shows_the_traceback_of_a_load_error(tmp_path: Path) -> None:
    result = invoke("outline", tmp_path / "missing.txt", "--debug")
    assert result.exit_code == ExitCode.ERROR
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: ")


def test_load_error_with_a_line(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def bad(*args: object) -> None:
        raise LoadError("rev1.txt", "unbalanced brackets", "close the bracket opened here", line=212)

    monkeypatch.setattr(cli_module, "load", bad)
    line = assert_error_line(invoke("outline", draft))
    assert line == "error: rev1.txt:212: unbalanced brackets — close the bracket opened here"


def test_exit_codes_are_the_documented_ones() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 130]


@pytest.mark.parametrize(
    "command",
    [
        ("outline", "{old}", "-o", "{old}"),
        ("compare", "{old}", "{new}", "-o", "{new}"),
        ("compare", "{old}", "{new}", "-o", "{link}"),
        ("check", "{old}", "{new}", "--rules", "{rules}", "-o", "{rules}"),
        ("lint", "{old}", "{new}", "-o", "{new}"),
        ("history", "{old}", "{new}", "-o", "{old}"),
    ],
)
def test_output_never_replaces_a_file_the_command_reads(tmp_path: Path, command: tuple[str, ...]) -> None:
    """``-o`` naming a draft (or the rules file, or a link to one) would replace it by the report: refused, exit 2,
    and the file is left as it was."""
    files = {
        "old": tmp_path / "old draft.md",
        "new": tmp_path / "new.md",
        "rules": tmp_path / "rules.toml",
    }
    files["old"].write_text("### Article 1\n\nThe Parties shall act.\n", encoding="utf-8")
    files["new"].write_text("### Article 1\n\nThe Parties may act.\n", encoding="utf-8")
    files["rules"].write_text('[[rule]]\nname = "no removals"\nforbid = ["removed"]\n', encoding="utf-8")
    (tmp_path / "link.md").symlink_to(files["new"])
    before = {name: path.read_bytes() for name, path in files.items()}
    paths = {name: str(path) for name, path in files.items()} | {"link": str(tmp_path / "link.md")}
    result = invoke(*(part.format(**paths) for part in command))
    assert result.exit_code == ExitCode.ERROR, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and "the report would replace it" in line
    assert {name: path.read_bytes() for name, path in files.items()} == before
    elsewhere = invoke(*(part.format(**paths) for part in command[:-1]), str(tmp_path / "report.out"))
    assert elsewhere.exit_code in (ExitCode.OK, ExitCode.FOUND), elsewhere.output
