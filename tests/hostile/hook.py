"""Run the real treatydiff command line with a hook on opening one file: races made reproducible.

Usage::

    python tests/hostile/hook.py vanish FILE -- outline FILE   # FILE is deleted just before it is opened
    python tests/hostile/hook.py forbid FILE -- outline FILE   # opening FILE at all exits with status 99

``vanish`` is the race-free equivalent of a file removed by another process between the moment treatydiff
looks at it (``stat``) and the moment it opens it. ``forbid`` proves that a file is refused without being
opened (a 1 GB file by its size, a named pipe by its kind): any open of it prints ``hook: FILE was opened``
on standard error and exits with 99.
"""

from __future__ import annotations

import builtins
import io
import os
import runpy
import sys
from typing import Any

from peak import record_peak  # this folder is on sys.path: hook.py runs as a script

FORBIDDEN_EXIT = 99


def main() -> None:
    mode, target, separator, *args = sys.argv[1:]
    if mode not in ("vanish", "forbid") or separator != "--":
        raise SystemExit(f"usage: {sys.argv[0]} vanish|forbid FILE -- ARGS...")
    target = os.path.abspath(target)
    real_os_open, real_open = os.open, builtins.open

    def hit(path: Any) -> bool:
        return isinstance(path, (str, bytes, os.PathLike)) and os.path.abspath(os.fsdecode(path)) == target

    def before_open(path: Any) -> None:
        if not hit(path):
            return
        if mode == "forbid":
            sys.stderr.write(f"hook: {target} was opened\n")
            os._exit(FORBIDDEN_EXIT)
        if os.path.lexists(target):
            os.unlink(target)

    def hooked_os_open(path: Any, flags: int, *rest: Any, **kwargs: Any) -> int:
        before_open(path)
        return real_os_open(path, flags, *rest, **kwargs)

    def hooked_open(file: Any, *rest: Any, **kwargs: Any) -> Any:
        before_open(file)
        return real_open(file, *rest, **kwargs)

    os.open = hooked_os_open
    builtins.open = io.open = hooked_open
    record_peak()
    sys.argv = ["treatydiff", *args]
    runpy.run_module("treatydiff", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
