"""Run the real treatydiff command line and, at exit, write its own peak memory to the file named by
``$TREATYDIFF_PEAK_FILE``.

Usage::

    TREATYDIFF_PEAK_FILE=peak.txt python tests/hostile/peak.py outline FILE

Why not ``ru_maxrss`` from ``wait4``: Linux folds the high-water mark of the process that forked a child into the
child's at ``exec``, so a child of a 200 MB pytest worker "peaks" at 200 MB whatever it does. ``VmHWM`` in
``/proc/self/status`` is the child's own. Where there is no ``/proc``, nothing is written and the caller falls
back to ``ru_maxrss`` (an upper bound).
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys

VARIABLE = "TREATYDIFF_PEAK_FILE"


def record_peak() -> None:
    """At exit, write this process's peak resident memory (bytes) to ``$TREATYDIFF_PEAK_FILE``, if set."""
    target = os.environ.get(VARIABLE)
    if target:
        atexit.register(_write, target)


def _write(target: str) -> None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kilobytes = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(target, "w", encoding="ascii") as out:
            out.write(f"{int(kilobytes) * 1024}\n")
    except (OSError, StopIteration):
        pass


def main() -> None:
    record_peak()
    sys.argv = ["treatydiff", *sys.argv[1:]]
    runpy.run_module("treatydiff", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
