"""Regenerate the pictures of the README from the convention fixtures: ``python docs/make_pictures.py``.

Each picture is the terminal report drawn by ``treatydiff compare -f svg`` (colours forced on, 100 columns,
deterministic), so running this again without a change to the renderers gives the same bytes. Review the
pictures (open them in a browser) before committing them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from treatydiff.cli import Env, cli

ROOT = Path(__file__).resolve().parent.parent
CONVENTION = Path("fixtures/convention")

#: Picture -> the arguments of ``treatydiff compare`` that draw it (paths relative to the repository, so the
#: file names shown in the picture do not depend on where the repository lives).
PICTURES: dict[str, list[str]] = {
    "docs/compare.svg": [
        str(CONVENTION / "zero-draft.md"), str(CONVENTION / "revised-draft.md"),
        "--article", "2", "--article", "5-6", "--article", "annex I",
    ],
}


def main() -> int:
    os.chdir(ROOT)
    for picture, args in PICTURES.items():
        environ = {name: value for name, value in os.environ.items() if name != "COLUMNS"}  # 100 columns, always
        code = cli.main(["compare", *args, "-f", "svg", "-o", picture], standalone_mode=False, obj=Env(environ=environ))
        if code:
            return int(code)
        print(f"wrote {picture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
