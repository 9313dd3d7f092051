"""``python -m treatydiff`` and the ``treatydiff`` command: start-up, then the CLI.

``treatydiff --version`` is answered here, before the CLI and its renderers (Rich, click, the differ) are
imported: a version check in a script or CI step should not pay for them. Nothing is imported for it but the
package itself, which imports nothing (``tests/test_startup.py``). A command that ran ends the process without
tearing the interpreter down (``_leave``).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    if sys.argv[1:] == ["--version"]:
        from treatydiff import __version__

        print(f"treatydiff {__version__}")
        raise SystemExit(0)
    from treatydiff.cli import main

    try:
        main()
    except SystemExit as done:
        _leave(done.code)
    raise SystemExit(0)  # (``main`` always exits)


def _leave(code: object) -> NoReturn:
    """End the process with ``code`` once standard output and error are flushed, without tearing the
    interpreter down: freeing the drafts and the comparison object by object takes longer than the report
    (40 ms after the AI Act's, seconds after a 20,000-article pair's), and the operating system takes the memory
    back at once. Every file the command wrote is closed by then, and no exit handler of its own is left to run
    (the workers it started have been waited for)."""
    import contextlib
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # (a message, as ``sys.exit("...")`` gives: said on standard error, status 1)
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # (a report is flushed, and its failures told, where it is written: ``cli.deliver``; what could fail here
        # is a reader that went away, or a stream already closed, with nothing left to say)
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
