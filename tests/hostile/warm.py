"""A warm ``treatydiff`` for the hostile catalogue: the command line imported once, each command run in a fork.

Started by ``tests/test_hostile.py`` as ``python tests/hostile/warm.py``; reads one job per line on standard
input (JSON: ``argv``, ``cwd``, ``env``, ``stdout``, ``stderr``, ``peak``, ``wall``) and answers one line per job
(JSON: ``code``, ``cpu``, ``seconds``, ``killed``). Each job runs in a child forked from this process before it
ever ran a command, so that it starts as ``python -m treatydiff ARGS`` does once its imports are done: the same
module state, its own working folder, environment, standard streams and exit code, the CPU it used (``wait4``)
and its own peak memory (``VmHWM``, written to ``peak``). It saves the interpreter start and the imports, about
0.5 s a command, 60 commands a worker. A command still running after ``wall`` seconds is killed.

The start-up path itself (``python -m treatydiff``, the imports) is run fresh by the catalogue's other tests
(standard input, the files refused unopened, the hooked races) and by tests/test_cli.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import runpy
import signal
import sys
import time
import traceback
from typing import Any

import treatydiff.cli  # noqa: F401  (what every command imports first)

with contextlib.suppress(ImportError):  # what the PDF reader imports when it reads one
    import pypdf  # noqa: F401


def _child(job: dict[str, Any]) -> None:
    """In the fork: become ``treatydiff ARGV`` in the job's folder and streams, run, and exit with its code."""
    os.chdir(job["cwd"])
    os.environ.clear()
    os.environ.update(job["env"])
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, job["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                            (2, job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.argv = ["treatydiff", *job["argv"]]
    code = 0
    try:
        runpy.run_module("treatydiff", run_name="__main__", alter_sys=True)
    except SystemExit as done:  # what the interpreter makes of it at exit
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:
            print(done.code, file=sys.stderr)
            code = 1
    except BaseException:  # the interpreter would print it and exit with 1
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
    except OSError:
        code = code or 120  # as the interpreter does when standard output cannot be flushed at exit
    sys.stderr.flush()
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kilobytes = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(job["peak"], "w", encoding="ascii") as out:
            out.write(f"{int(kilobytes) * 1024}\n")
    except (OSError, StopIteration):
        pass
    os._exit(code)


def _serve_one(job: dict[str, Any]) -> dict[str, Any]:
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            _child(job)
        finally:
            os._exit(70)  # never reached unless _child itself failed
    killed = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if not killed and time.monotonic() - start > job["wall"]:
            os.kill(pid, signal.SIGKILL)
            killed = True
        time.sleep(0.002)
    return {"code": os.waitstatus_to_exitcode(status), "cpu": usage.ru_utime + usage.ru_stime,
            "seconds": time.monotonic() - start, "killed": killed}


def _lines() -> Any:
    """Job lines from file descriptor 0, read unbuffered: ``sys.stdin`` stays untouched for the children."""
    pending = b""
    while True:
        chunk = os.read(0, 65536)
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            yield line


def main() -> None:
    sys.stdout.flush()
    for line in _lines():
        answer = _serve_one(json.loads(line))
        os.write(1, (json.dumps(answer) + "\n").encode())


if __name__ == "__main__":
    main()
