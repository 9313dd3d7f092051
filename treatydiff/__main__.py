"""``python -m treatydiff`` and the ``treatydiff`` command: start-up, then the CLI.

``treatydiff --version`` is answered here, before the CLI and its renderers (Rich, click, the differ) are
imported: a version check in a script or CI step should not pay for them. Nothing is imported for it but the
package itself, which imports nothing (``tests/test_startup.py``).
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

    main()


if __name__ == "__main__":
    run()
