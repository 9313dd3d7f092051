"""Where reports go (issue 14, output): ``-o`` onto a FIFO, a device, a symbolic link, a read-only file; signals
while writing; write errors on standard output; a draft with no text left to report. Every file these tests
make is in their temporary folder: no test writes to /dev/null or any other device of the machine (a device
node of their own stands in for one)."""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from treatydiff import cli as cli_module
from treatydiff.cli import Env, cli, deliver
from treatydiff.errors import ExitCode, TreatydiffError

ROOT = Path(__file__).resolve().parents[1]
ZERO = ROOT / "fixtures" / "convention" / "zero-draft.md"


def outline_to(target: Path) -> Result:
    return CliRunner().invoke(cli, ["outline", str(ZERO), "-f", "json", "-o", str(target)], obj=Env(environ={}))


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = outline_to(fifo)
    reader.join(timeout=10)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and b'"schema_version"' in received[0]
    assert [p.name for p in tmp_path.iterdir()] == ["report.fifo"]  # no temporary file beside it


def test_a_device_node_is_written_through_never_replaced(tmp_path: Path) -> None:
    """A node of the null device in the test's own folder (root only), standing in for /dev/null."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("making a device node needs root")
    result = outline_to(node)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode), "the device node was replaced by a regular file"


def test_a_symbolic_link_keeps_pointing_at_the_report(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "outline.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert outline_to(link).exit_code == ExitCode.OK
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"schema_version"' in target.read_text(encoding="utf-8")


def test_a_dangling_link_makes_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "new.json")
    assert outline_to(link).exit_code == ExitCode.OK
    assert link.is_symlink() and (tmp_path / "new.json").is_file()


def test_a_read_only_report_is_not_replaced(tmp_path: Path) -> None:
    report = tmp_path / "outline.json"
    report.write_text("kept", encoding="utf-8")
    report.chmod(0o444)
    result = outline_to(report)
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {report}: is read-only") and "chmod u+w" in line
    assert report.read_text(encoding="utf-8") == "kept" and stat.S_IMODE(report.stat().st_mode) == 0o444


def test_a_replaced_report_keeps_its_permissions(tmp_path: Path) -> None:
    report = tmp_path / "outline.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    assert outline_to(report).exit_code == ExitCode.OK
    assert stat.S_IMODE(report.stat().st_mode) == 0o640


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_writing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    def killed(fd: int) -> None:
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(cli_module.os, "fsync", killed)
    result = outline_to(tmp_path / "outline.json")
    assert result.exit_code == 128 + signum
    assert list(tmp_path.iterdir()) == []


class _Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_on_standard_output_is_an_error_not_a_short_report() -> None:
    console = Console(file=_Full(), width=100)
    with pytest.raises(TreatydiffError) as caught:
        deliver("report", None, console)
    assert "cannot write the report: No space left on device" in caught.value.message()


def test_a_closed_pipe_stays_quiet() -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        deliver("report", None, Console(file=Closed(), width=100))


# --- why a write failed, and writing through open descriptors (/dev/stdout, /dev/fd/N) ---------------------------


@pytest.mark.parametrize("step", ["mkstemp", "fsync"])
@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "cannot write: no space left on the device — free some space"),
    (errno.EDQUOT, "cannot write: disk quota exceeded — free some space"),
    (errno.EFBIG, "cannot write: file too large for the file system"),
    (errno.EROFS, "cannot write: read-only file system — write the report to a file system that can be written"),
    (errno.EACCES, "cannot write: permission denied — check the path and the folder's permissions"),
])
def test_a_failed_write_says_why_and_a_full_disk_is_not_blamed_on_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, words: str
) -> None:
    """Before: a disk full when the temporary file was made, a quota or a file size limit were all "check the
    path and the folder's permissions" (or "... is writable")."""
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile if step == "mkstemp" else os, step, fail)  # (as treatydiff.cli calls them)
    result = outline_to(tmp_path / "outline.json")
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert words in line, line
    assert code in (errno.EACCES, errno.EPERM) or "permission" not in line
    assert list(tmp_path.iterdir()) == []


def _full_device(tmp_path: Path) -> Path:
    """A node of the full device (every write fails with ENOSPC) in the test's folder (root only), else the
    machine's /dev/full, which keeps nothing written to it."""
    node = tmp_path / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        return node
    except (PermissionError, AttributeError, OSError):
        if not os.path.exists("/dev/full"):
            pytest.skip("no full device")
        return Path("/dev/full")


def test_o_onto_a_full_device_is_one_error_line_that_says_the_device_is_full(tmp_path: Path) -> None:
    result = outline_to(_full_device(tmp_path))  # (before: "No space left on device — check the path")
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert "cannot write: no space left on the device — free some space" in line and result.stdout == ""


def test_a_full_standard_output_is_one_error_line_and_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    with open(_full_device(tmp_path), "w") as full:
        done = subprocess.run([sys.executable, "-m", "treatydiff", "outline", str(ZERO), "-f", "json"], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == ExitCode.ERROR
    (line,) = done.stderr.splitlines()  # no "Exception ignored" from Python's own flush at exit
    assert line.startswith("error: standard output: cannot write the report: No space left on device")


#: Run as ``python -c`` (as ``nobody`` when the tests run as root): the CLI in a forked child whose standard
#: output is a pipe of this process, with ``-o`` naming ``sys.argv[1]`` (``{w}`` the pipe's descriptor); prints
#: the child's exit code, then what came through the pipe. Forked, not executed: ``nobody`` may be able to run
#: this Python only by the path it was started with.
_THROUGH_A_PIPE = """
import os, sys
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    sys.argv = ["treatydiff", "outline", "zero.md", "-f", "json", "-o", sys.argv[1].format(w=w)]
    from treatydiff.cli import main
    try:
        main()
    except SystemExit as exc:
        os._exit(exc.code if isinstance(exc.code, int) else 2)
    os._exit(0)
os.close(w)
chunks = []
while chunk := os.read(r, 65536):
    chunks.append(chunk)
code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
sys.stdout.write(f"{code}\\n" + b"".join(chunks).decode())
"""


@pytest.mark.parametrize("target", ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/{w}"])
def test_o_onto_an_open_descriptor_writes_through_it_as_a_user(tmp_path: Path, target: str) -> None:
    """As a user who cannot write /dev (``nobody`` when the tests run as root): ``-o /dev/stdout`` and the like
    write through the descriptor; no temporary file is tried next to it. (Before: the link was resolved to
    "/proc/PID/fd/pipe:[N]", a name no folder has: "cannot write: No such file or directory".)"""
    import shutil
    import subprocess
    import sys

    if not os.path.exists(target.format(w=1)):
        pytest.skip(f"no {target} here")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root without setpriv: cannot run as a user")
        user = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        tmp_path.chmod(0o777)  # (reached by its relative paths only: nobody needs no way into its parents)
    else:
        user = []
    shutil.copyfile(ZERO, tmp_path / "zero.md")
    (tmp_path / "zero.md").chmod(0o644)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([*user, sys.executable, "-c", _THROUGH_A_PIPE, target], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    if "No module named" in done.stderr or ("Permission denied" in done.stderr and not done.stdout):
        pytest.skip("the user cannot reach this Python's packages")
    code, _, report = done.stdout.partition("\n")
    assert code == "0", done.stdout + done.stderr
    assert report.startswith("{") and '"schema_version": 1' in report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zero.md"]


def test_o_onto_a_pipe_given_as_dev_fd_writes_through_it(tmp_path: Path) -> None:
    """``-o >(cmd)``: the shell passes a pipe's descriptor, named /dev/fd/N."""
    import subprocess
    import sys

    if not os.path.isdir("/dev/fd"):
        pytest.skip("no /dev/fd here")
    read, write = os.pipe()
    try:
        with subprocess.Popen([sys.executable, "-m", "treatydiff", "outline", str(ZERO), "-f", "json", "-o",
                               f"/dev/fd/{write}"], cwd=tmp_path, pass_fds=(write,), stderr=subprocess.PIPE) as run:
            os.close(write)
            write = -1
            with os.fdopen(read, "rb") as pipe:
                read = -1
                report = pipe.read().decode()
            assert run.wait(timeout=60) == ExitCode.OK, run.stderr.read() if run.stderr else ""
    finally:
        for fd in (read, write):
            if fd >= 0:
                os.close(fd)
    assert '"schema_version": 1' in report
    assert list(tmp_path.iterdir()) == []


def test_o_onto_standard_output_that_is_a_file_opened_to_append_keeps_what_it_holds(tmp_path: Path) -> None:
    """``treatydiff ... -o /dev/stdout >> log``: the report is added at the end of the log, as shell redirection
    of standard output does. (Before: the log was replaced by the report.)"""
    import subprocess
    import sys

    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-m", "treatydiff", "outline", str(ZERO), "-f", "json", "-o",
                               "/dev/stdout"], cwd=tmp_path, stdout=out, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == ExitCode.OK, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier lines\n{") and '"schema_version": 1' in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt"]


def test_a_draft_of_nothing_but_page_furniture_is_an_error(tmp_path: Path) -> None:
    """Before: "(no text found)" and exit 0."""
    path = tmp_path / "cover.txt"
    path.write_text("\f".join(f"CTD/2024/3\n{n}\n" for n in range(1, 8)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["outline", str(path)], obj=Env(environ={}))
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {path}: no text is left once the page furniture is removed")


# --- the rules file is read under the limits of a draft; --context is capped by what there is ------------------

FINAL = ROOT / "fixtures" / "convention" / "final-text.md"


def check_with(rules: Path) -> Result:
    return CliRunner().invoke(cli, ["check", str(ZERO), str(FINAL), "--rules", str(rules)], obj=Env(environ={}))


def test_a_rules_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    result = check_with(fifo)  # (before: it waited for a writer, for ever)
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert "is not a regular file" in line and "--rules" in line


def test_a_huge_rules_file_is_refused_unread(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("# " + "x" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    result = check_with(rules)
    assert result.exit_code == ExitCode.ERROR
    assert "larger than" in result.stderr or "too large" in result.stderr, result.stderr


def test_a_rules_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_bytes(b'\xef\xbb\xbf[[rule]]\nname = "no removal"\nforbid = ["removed"]\n')
    result = check_with(rules)
    assert result.exit_code in (ExitCode.OK, ExitCode.FOUND), result.stderr  # (before: "Invalid statement")


def test_a_huge_context_is_capped_by_the_paragraphs_there_are() -> None:
    import subprocess
    import sys

    code = ("import sys; from treatydiff.__main__ import run; sys.argv = ['treatydiff', 'compare', "
            f"{str(ZERO)!r}, {str(FINAL)!r}, '--context', '1000000000000', '--color', 'never', '--no-pager']; run()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == ExitCode.OK, done.stderr  # (before: it never finished)


# --- messages ----------------------------------------------------------------------------------------------------


def test_an_empty_file_name_is_named_in_the_error() -> None:
    result = CliRunner().invoke(cli, ["outline", ""], obj=Env(environ={}))
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.splitlines() == ["error: '': no file name given — give the path of a draft file"]  # (was "error: : …")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_said(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("Article 1\n\nThe Parties shall cooperate.\n".encode(codec))  # (was "a binary file")
    result = CliRunner().invoke(cli, ["outline", str(path), "-f", "json"], obj=Env(environ={}))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "The Parties shall cooperate." in result.stdout
    assert f"read as {codec.upper()} without a byte-order mark" in result.stderr


def test_html_hidden_by_css_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "draft.html"
    path.write_text('<html><body><h2>Article 1</h2><p>The Parties shall cooperate.</p>'
                    '<p style="display: none">The Parties may ignore this Convention.</p>'
                    '<p style="color: red; visibility:hidden">Secret.</p></body></html>', encoding="utf-8")
    result = CliRunner().invoke(cli, ["outline", str(path), "-f", "json"], obj=Env(environ={}))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "shall cooperate" in result.stdout  # (before: the hidden paragraphs were read as text)
    assert "ignore this Convention" not in result.stdout and "Secret" not in result.stdout


def test_o_never_asks_to_read_its_target() -> None:
    """A write-only report (mode 200, as a non-root user) was refused as "not readable" before any work."""
    from treatydiff.cli import cli as group

    for name, command in group.commands.items():
        for param in command.params:
            if "--output" in getattr(param, "opts", ()):
                assert isinstance(param.type, click.Path) and not param.type.readable, name
