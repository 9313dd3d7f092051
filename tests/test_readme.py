"""The README cannot go stale: every command example in it is run and its output compared with what the README
shows, and its option tables are checked against the commands' click definitions.

A ``console`` block is a session: each line that starts with ``$ `` is a command (a trailing backslash continues
it on the next line), run with ``bash`` in a temporary folder that sees the repository's ``fixtures`` and ``docs``
(``-o changes.md`` writes there, never in the repository), with ``Z`` and ``R`` set as the README says and
``treatydiff`` the command of this checkout; the lines after it, up to the next command, are what the README shows
of its output (standard output and standard error, as a terminal interleaves them). What is shown must be there,
in order, each line as printed with its trailing spaces ignored: a line ``…`` or ``...`` stands for lines left
out, and a line that ends with `` …`` for the rest of a line cut short. The commands of a block run in one shell
(``echo $?`` sees the command before it). An example that needs the shared corpus says so in an HTML comment right
before its block, ``<!-- readme-test: cwd=PATH -->`` (PATH relative to the repository): it runs there, writes
nothing, and is skipped where the corpus is absent.

``text`` and ``sh`` blocks are not run: outputs of a made-up repository or of a bad file, and setup recipes (the
Quick start's two commands are what CI runs; the git recipe is ``tests/test_git.py``'s).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from treatydiff.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
ELLIPSIS = ("…", "...")
MARK = "@@readme-test: next command@@"


@dataclass
class Step:
    command: str
    shown: list[str]


@dataclass
class Block:
    line: int  # where it starts in the README (1-based), for the test's name
    steps: list[Step]
    cwd: str = ""  # where to run it, relative to the repository ("" a temporary folder)


def blocks(text: str) -> list[Block]:
    """The ``console`` blocks of ``text``, each with the working folder the comment right before it names."""
    lines = text.split("\n")
    found: list[Block] = []
    for i, line in enumerate(lines):
        if line != "```console":
            continue
        end = lines.index("```", i + 1)
        block = Block(i + 1, _steps(lines[i + 1:end]))
        before = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        directive = re.fullmatch(r"<!-- readme-test: cwd=(.*) -->", before.strip())
        if directive:
            block.cwd = directive.group(1).strip()
        found.append(block)
    return found


def _steps(lines: list[str]) -> list[Step]:
    steps: list[Step] = []
    command: list[str] = []
    for line in lines:
        if command and command[-1].endswith("\\"):
            command.append(line)
            continue
        if line.startswith("$ "):
            if command:
                steps[-1].command = "\n".join(command)
            command = [line[2:]]
            steps.append(Step("", []))
            continue
        if steps:
            steps[-1].shown.append(line)
    if command:
        steps[-1].command = "\n".join(command)
    return steps


BLOCKS = blocks(TEXT)


def shown_in(shown: list[str], output: str) -> str:
    """"" when the lines ``shown`` are in ``output`` in order (see the module's docstring), else what is missing."""
    got = [line.rstrip() for line in output.split("\n")]
    at = 0
    for want in (line.rstrip() for line in shown):
        if want.strip() in ELLIPSIS or not want:
            continue
        prefix = want[:-1].rstrip() if want.endswith(" …") else None
        while at < len(got) and not (got[at].startswith(prefix) if prefix is not None else got[at] == want):
            at += 1
        if at == len(got):
            return want
        at += 1
    return ""


def _workspace(tmp_path: Path) -> Path:
    for name in ("fixtures", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: f"README.md:{b.line}")
def test_the_readme_shows_what_the_command_prints(block: Block, tmp_path: Path) -> None:
    cwd = _workspace(tmp_path)
    if block.cwd:
        cwd = (ROOT / block.cwd).resolve()
        if not cwd.is_dir():
            pytest.skip(f"{block.cwd} is not present")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "treatydiff"
    launcher.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m treatydiff \"$@\"\n", encoding="utf-8")
    launcher.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(tmp_path), "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT), "Z": "fixtures/convention/zero-draft.md", "R": "fixtures/convention/revised-draft.md",
        "TMPDIR": str(tmp_path),
    }
    # (the output of a command run where the corpus is goes nowhere but the pipe: -o is in tmp_path only)
    if block.cwd and any(re.search(r"(?:^|\s)-o\s", step.command) for step in block.steps):
        pytest.fail(f"README.md:{block.line}: a block run in {block.cwd} must not write files")
    # one shell for the block, as a reader types it (``echo $?`` sees the command before it): a marker line
    # after each command tells their outputs apart, and hands its exit status on
    script = "".join(f"{step.command}\n__status=$?; printf '\\n{MARK}\\n'; (exit $__status)\n" for step in block.steps)
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=300, check=False)
    outputs = done.stdout.split(f"\n{MARK}\n")
    assert len(outputs) == len(block.steps) + 1, done.stdout
    for step, output in zip(block.steps, outputs, strict=False):
        missing = shown_in(step.shown, output)
        assert not missing, f"README.md:{block.line}: `{step.command}` does not print {missing!r}; it prints:\n{output}"


def test_every_console_block_is_run_or_says_why_not() -> None:
    assert len(BLOCKS) >= 10
    for block in BLOCKS:
        assert block.steps, f"README.md:{block.line}: a console block without a command"
        assert all(s.command.startswith("treatydiff") or s.command.split()[0] in ("sed", "grep", "head", "tail",
                                                                                    "echo", "cat", "wc")
                   for s in block.steps), f"README.md:{block.line}"


def test_the_harness_finds_what_is_missing() -> None:
    assert shown_in(["a", "…", "c"], "a\nb\nc\n") == ""
    assert shown_in(["a", "c"], "c\na\n") == "c"  # in order
    assert shown_in(["a long line cut …"], "a long line cut short here\n") == ""
    assert shown_in(["x"], "a\n") == "x"


# --- the option tables --------------------------------------------------------------------------------------------


def option_tables(text: str) -> dict[str, set[str]]:
    """Per ``### `treatydiff COMMAND ...``` section (and its ``####`` subsections), the options its tables name
    (``--article``, ``-f``)."""
    out: dict[str, set[str]] = {}
    command = ""
    for line in text.split("\n"):
        heading = re.match(r"#{3,4} (?:.*: )?`treatydiff ([a-z-]+)", line)
        if heading:
            command = heading.group(1)
            out.setdefault(command, set())
            continue
        if line.startswith(("## ", "### ")):  # (a "####" below a command's section is still that command's)
            command = ""
        if command and line.startswith("| `-"):
            first_cell = line.split("|")[1]
            out[command] |= set(re.findall(r"`(--?[a-zA-Z][\w-]*)", first_cell))
    return out


def test_the_option_tables_name_real_options() -> None:
    tables = option_tables(TEXT)
    assert {"compare", "outline", "check", "lint", "history"} <= set(tables)
    group = cli
    assert isinstance(group, click.Group)
    for name, documented in tables.items():
        command = group.commands.get(name)
        assert command is not None, f"README documents `treatydiff {name}`, which does not exist"
        # (with -h and --help, which click adds from the group's settings)
        parent = click.Context(group, **group.context_settings)
        params = command.get_params(click.Context(command, parent=parent, info_name=name))
        real = {opt for p in params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)}
        unknown = documented - real
        assert not unknown, f"README's table for {name} names options it does not have: {sorted(unknown)}"
