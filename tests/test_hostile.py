"""Hostile inputs: every row of ``tests/hostile/CATALOGUE.md`` through the real command line, in a process of its
own (forked from a warm treatydiff, ``tests/hostile/warm.py``: the same outputs as a fresh ``python -m treatydiff``,
checked on every committed entry, without 0.5 s of start-up each; the entries that need a fresh start get one).

Each file is run as ``outline FILE`` and as ``compare FILE zero-draft.md -o out.json``: the exit code of its
row, one ``error: `` line matching its pattern (or only ``warning: `` lines when it loads), no traceback,
within 5 seconds, and nothing written on failure nor anywhere but ``-o``. Small files are committed in
``tests/hostile/``; the big and special ones are made by ``tests/hostile/make.py`` in a temporary folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

HOSTILE = Path(__file__).resolve().parent / "hostile"
ROOT = HOSTILE.parents[1]
ZERO = ROOT / "fixtures" / "convention" / "zero-draft.md"
HOOK = HOSTILE / "hook.py"
PEAK = HOSTILE / "peak.py"
WARM = HOSTILE / "warm.py"
#: The goal of issue 14: any hostile file fails or finishes within 5 s of CPU and 500 MB. CPU time, not the
#: clock: the suite runs its commands side by side on a shared machine, where a clock would measure the others.
TIMEOUT = 5.0
MEMORY = 500 << 20
#: A command still running after this long (by the clock) is killed: it hangs.
WALL_LIMIT = 60.0
NOBODY = 65534

#: Text that must never reach any output of an entry: script code, or the file an XXE entity points at.
FORBIDDEN = {
    "script.html": ("-MARKER", "evil.example", "document.cookie", "Article 99", "alert("),
    "xxe.xml": ("root:x:0:0", "/bin/bash", "nologin"),
}
#: Text that must be in an entry's output (command -> texts): what shows it was read right.
REQUIRED = {
    ("lookalike.md", "outline"): ("Article 6 — Designation",),
    ("retitled.md", "compare"): ('"old": "Chapter II — VOLUNTARY GUIDANCE ONLY, NOT BINDING"',),
}
#: What no output of any entry may hold: a terminal obeys them (the reports are not coloured here: not a tty).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Entry:
    """One row of the catalogue."""

    file: str
    made: str  # "committed" or "generated"
    what: str
    pattern: str  # a regular expression searched in the error (or a warning) line; "" for none
    exit: int

    def __str__(self) -> str:
        return self.file


def _catalogue() -> list[Entry]:
    entries = []
    for line in (HOSTILE / "CATALOGUE.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 5, f"a catalogue row needs 5 cells (no '|' inside them): {line}"
        file, made, what, pattern, code = cells
        entries.append(Entry(file.strip("`"), made, what, pattern.strip("`"), int(code)))
    return entries


CATALOGUE = _catalogue()


def _make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_make", HOSTILE / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _make()


@pytest.fixture(scope="module")
def paths() -> Iterator[dict[str, Path]]:
    """Every entry's path: the committed files copied into a temporary folder, the rest generated there; checks
    at the end that no run wrote next to its input or changed it.

    A folder of our own (not pytest's, which only its owner may enter), so that ``nobody`` can reach the
    unreadable file when the tests run as root. Made once per worker (2 s): each test runs its own command, so
    that the workers share the catalogue out between them."""
    folder = Path(tempfile.mkdtemp(prefix="treatydiff-hostile-"))
    folder.chmod(0o755)
    try:
        found = {}
        for entry in CATALOGUE:
            if entry.made == "committed":
                found[entry.file] = Path(shutil.copyfile(HOSTILE / entry.file, folder / entry.file))
        found.update(make.generate(folder))
        before = _snapshot(folder)
        yield found
        assert _snapshot(folder) == before, "a run wrote next to its input"
    finally:
        for path in folder.rglob("*"):
            if not path.is_symlink() and path.is_file():
                path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        shutil.rmtree(folder)


@dataclass(frozen=True)
class Run:
    """What one command did: its exit code and output, how long it took, what it left in its folder."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    written: tuple[str, ...] = ()
    report: str = ""  # out.json, when written
    problem: str = ""  # it did not finish in time; or "skip: why" when it cannot run here
    cpu: float = 0.0  # seconds of CPU it used


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """What is in a folder, to see that runs wrote nothing there."""
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def _as_nobody() -> list[str] | None:
    """What to run a command through so that mode 000 means something: as root (who reads anything),
    ``setpriv`` to become ``nobody``; nothing otherwise; None when root has no ``setpriv``."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return None if setpriv is None else [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def treatydiff(*args: str) -> list[str]:
    """``treatydiff ARGS`` through ``peak.py``, which writes down the command's own peak memory."""
    return [sys.executable, str(PEAK), *args]


def hooked(mode: str, path: Path, *args: str) -> list[str]:
    """``treatydiff ARGS`` through ``hook.py``: ``vanish`` or ``forbid`` the file ``path``."""
    return [sys.executable, str(HOOK), mode, str(path), "--", *args]


def _environment(cwd: Path) -> tuple[dict[str, str], Path]:
    """What a command runs with: no colour settings of ours, the sources importable (also for ``nobody``), and
    where it writes its peak memory (beside ``cwd``, which must hold only what the run wrote)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(ROOT)  # as the editable install does, also for `nobody`
    peak_file = cwd.parent / f"{cwd.name}.peak"
    env["TREATYDIFF_PEAK_FILE"] = str(peak_file)
    return env, peak_file


def run(command: list[str], cwd: Path, *, input: bytes | None = None) -> Run:
    """A command in ``cwd``, in a fresh process, within the time limit; what it did."""
    env, peak_file = _environment(cwd)
    start = time.monotonic()
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        given.write(input or b"")
        given.seek(0)
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err,
                                   stdin=given if input is not None else subprocess.DEVNULL)
        timer = threading.Timer(WALL_LIMIT, process.kill)  # a hang is killed; the limits below are CPU and memory
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    # the command's own peak (see peak.py); else ru_maxrss, which also counts the worker that started it
    memory = int(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss * 1024
    return _finished(os.waitstatus_to_exitcode(status), stdout, stderr, time.monotonic() - start,
                     usage.ru_utime + usage.ru_stime, memory, cwd)


class Warm:
    """``tests/hostile/warm.py``: treatydiff imported once, each command run in a fork of it (0.5 s a command
    less: the interpreter start and the imports)."""

    def __init__(self) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        env["PYTHONPATH"] = str(ROOT)
        self.process = subprocess.Popen([sys.executable, str(WARM)], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)

    def run(self, args: list[str], cwd: Path) -> Run:
        """``treatydiff ARGS`` in ``cwd``, as ``run`` would run it, within the time limit; what it did."""
        env, peak_file = _environment(cwd)
        out, err = cwd.parent / f"{cwd.name}.out", cwd.parent / f"{cwd.name}.err"
        job = {"argv": args, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err),
               "peak": str(peak_file), "wall": WALL_LIMIT}
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(job).encode() + b"\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the warm treatydiff (tests/hostile/warm.py) died"
        answer = json.loads(line)
        stdout, stderr = (path.read_bytes().decode("utf-8", "replace") for path in (out, err))
        memory = int(peak_file.read_text()) if peak_file.exists() else 0
        if answer["killed"]:
            return Run(-1, "", "", answer["seconds"], cpu=answer["cpu"],
                       problem=f"did not finish within {WALL_LIMIT:g} s")
        return _finished(answer["code"], stdout, stderr, answer["seconds"], answer["cpu"], memory, cwd)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _finished(code: int, stdout: str, stderr: str, seconds: float, cpu: float, memory: int, cwd: Path) -> Run:
    """What a command did, or why it counts as a failure: it hung, or used too much CPU or memory."""
    if seconds >= WALL_LIMIT:
        return Run(-1, "", "", seconds, cpu=cpu, problem=f"did not finish within {WALL_LIMIT:g} s")
    if cpu > TIMEOUT:
        return Run(-1, "", "", seconds, cpu=cpu, problem=f"took {cpu:.1f} s of CPU, over the {TIMEOUT:g} s limit")
    if memory > MEMORY:
        return Run(-1, "", "", seconds, cpu=cpu, problem=f"took {memory >> 20} MB, over the {MEMORY >> 20} MB limit")
    written = tuple(sorted(p.name for p in cwd.iterdir()))
    report = (cwd / "out.json").read_text(encoding="utf-8") if "out.json" in written else ""
    return Run(code, stdout, stderr, seconds, written, report, cpu=cpu)


@pytest.fixture(scope="module")
def warm() -> Iterator[Warm]:
    server = Warm()
    try:
        yield server
    finally:
        server.close()


#: The two commands every entry goes through: the draft alone, and compared with a good draft into a file.
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "outline": lambda path: ["outline", str(path)],
    "compare": lambda path: ["compare", str(path), str(ZERO), "-o", "out.json"],
}


#: Refused files also run through ``compare`` (that nothing is written when a draft is refused): a few of each
#: kind; the rest are refused by the loader that ``outline`` already ran them through.
COMPARED_WHEN_REFUSED = frozenset({"truncated.pdf", "zip-bomb.docx", "billion-laughs.xml", "fifo.txt", "empty.txt",
                                   "binary.bin", "unreadable.md", "vanishing.md"})
#: Every entry as ``outline``; the entries that load, and those above, as ``compare`` too.
JOBS = [(entry, command) for entry in CATALOGUE for command in COMMANDS
        if command == "outline" or entry.exit == 0 or entry.file in COMPARED_WHEN_REFUSED]


def run_entry(entry: Entry, path: Path, command: str, cwd: Path, warm: Warm) -> Run:
    """One catalogue command on one entry, in its own empty folder ``cwd``: through the warm treatydiff, but for
    the entries whose command must start afresh (a hook on opening files, another user)."""
    args = COMMANDS[command](path)
    if entry.file == "vanishing.md":  # a copy of its own for each run: the hook deletes it
        path = cwd.parent / f"{cwd.name}-input" / path.name
        path.parent.mkdir()
        shutil.copyfile(ZERO, path)
        return run(hooked("vanish", path, *COMMANDS[command](path)), cwd)
    if entry.file == "unreadable.md":
        nobody = _as_nobody()
        if nobody is None:
            return Run(-1, "", "", 0.0, problem="skip: root without setpriv, and chmod 000 does not stop root")
        cwd.chmod(0o777)
        result = run([*nobody, *treatydiff(*args)], cwd)
        if "No module named" in result.stderr:  # e.g. CI's venv lives in a folder only root may enter
            return Run(-1, "", "", 0.0, problem="skip: `nobody` cannot reach this virtual environment's packages")
        return result
    return warm.run(args, cwd)


def check(entry: Entry, result: Run) -> None:
    """The exit code, the one error line (or only warnings), no traceback, nothing forbidden shown."""
    assert not result.problem, f"{entry}: {result.problem}"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.code == entry.exit, (result.code, result.stderr)
    lines = result.stderr.splitlines()
    if entry.exit == 2:
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("error: "), lines[0]
        assert re.search(entry.pattern, lines[0]), (entry.pattern, lines[0])
        assert result.stdout == ""
    else:
        assert all(line.startswith("warning: ") for line in lines), result.stderr
        if entry.pattern:
            assert any(re.search(entry.pattern, line) for line in lines), (entry.pattern, result.stderr)
    for text in FORBIDDEN.get(entry.file, ()):
        assert text not in result.stdout + result.stderr + result.report, text
    assert not CONTROLS.search(result.stdout + result.stderr), repr(CONTROLS.findall(result.stdout + result.stderr))


# --- the catalogue -------------------------------------------------------------------------------------


def test_catalogue_lists_every_committed_file() -> None:
    committed = {e.file for e in CATALOGUE if e.made == "committed"}
    on_disk = {p.name for p in HOSTILE.iterdir() if p.suffix != ".py" and p.name != "CATALOGUE.md" and p.is_file()}
    assert committed == on_disk == set(make.SMALL)
    assert len({e.file for e in CATALOGUE}) == len(CATALOGUE)
    assert all(e.exit in (0, 2) and (e.pattern or e.exit == 0) for e in CATALOGUE)


@pytest.mark.parametrize(("entry", "command"), JOBS, ids=[f"{e}-{c}" for e, c in JOBS])
def test_entry(entry: Entry, command: str, paths: dict[str, Path], tmp_path: Path, warm: Warm) -> None:
    cwd = tmp_path / "run"  # a folder that holds nothing but what the run wrote
    cwd.mkdir()
    result = run_entry(entry, paths[entry.file], command, cwd, warm)
    if result.problem.startswith("skip: "):
        pytest.skip(result.problem.removeprefix("skip: "))
    check(entry, result)
    for text in REQUIRED.get((entry.file, command), ()):
        assert text in result.stdout + result.report, text
    if command == "outline":
        assert result.written == ()
        assert (entry.exit == 0) == bool(result.stdout.strip())
    elif entry.exit == 2:
        assert result.written == (), "nothing may be written when a draft is refused"
    else:
        assert result.written == ("out.json",), "nothing may be written but the -o file"
        json.loads(result.report)


# --- refused without being opened; standard input may be a pipe ---------------------------------------


@pytest.mark.parametrize("name", ["huge.txt", "fifo.txt"])
def test_refused_without_opening(name: str, paths: dict[str, Path], tmp_path: Path) -> None:
    """The 1 GB file is refused by its size and the pipe by its kind before either is opened (``hook.py
    forbid`` exits with 99 if they are), and fast."""
    entry = next(e for e in CATALOGUE if e.file == name)
    result = run(hooked("forbid", paths[name], "outline", str(paths[name])), tmp_path)
    assert result.code != 99, result.stderr
    check(entry, result)
    assert result.cpu < 2.5, result.cpu


def test_standard_input_may_be_a_pipe(tmp_path: Path) -> None:
    entry = Entry("-", "", "a draft piped to standard input", "", 0)
    result = run(treatydiff("outline", "-"), tmp_path, input=ZERO.read_bytes())
    check(entry, result)
    assert "Article 1" in result.stdout


def test_standard_input_over_the_size_limit(tmp_path: Path) -> None:
    entry = Entry("-", "", "too much on standard input", r"^error: <stdin>: file is larger than the 1 KB limit", 2)
    check(entry, run(treatydiff("outline", "--max-size", "1K", "-"), tmp_path, input=b"x" * 4096))
