"""Inputs the fuzzers (``fuzz/``) once crashed or hung the loaders on, kept in ``fuzz/crashes/<harness>/``.

Each one must now load through its reader (the whole pipeline: reader, normaliser, parser) into a Draft or be
refused with a LoadError, and quickly. The ``parse`` harness's inputs are fuzzed source lines in the format of
``fuzz/lineformat.py`` and go straight to the normaliser and the structure parser. Atheris is not needed here.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest

from treatydiff.errors import LoadError
from treatydiff.load import load
from treatydiff.model import Draft, LoadOptions

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
CRASHES = sorted(p for p in (FUZZ / "crashes").glob("*/*") if p.is_file() and p.name != "README.md")
SECONDS = 5.0  # the fuzzers call anything over 10 s a hang; these inputs are all small


def _lineformat() -> ModuleType:
    spec = importlib.util.spec_from_file_location("treatydiff_fuzz_lineformat", FUZZ / "lineformat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_crash_inputs_are_kept() -> None:
    assert CRASHES, "fuzz/crashes/ holds no inputs"


@pytest.mark.parametrize("path", CRASHES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_crash_input_loads_or_is_refused(path: Path) -> None:
    harness = path.parent.name
    started = time.monotonic()
    try:
        if harness == "parse":
            draft = _lineformat().build(path.read_bytes())
        else:
            draft = load(path, LoadOptions(format=harness))
    except LoadError as exc:
        assert str(exc).startswith(str(path)) or harness == "parse"
        assert "\n" not in exc.message()
    else:
        assert isinstance(draft, Draft)
    assert time.monotonic() - started < SECONDS
