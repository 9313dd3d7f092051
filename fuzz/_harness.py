"""Shared plumbing of the treatydiff fuzz harnesses (atheris / libFuzzer).

Each ``fuzz_<name>.py`` defines how to turn fuzzed bytes into one call of the load pipeline and hands it to
``main``. The property is the same everywhere: the call returns a ``Draft`` or raises ``LoadError``; any other
exception is a crash. Hangs are caught by libFuzzer's ``-timeout``.

By default the first crash stops the fuzzer and libFuzzer writes ``crash-<sha1>`` (the usual atheris
behaviour, which ``-minimize_crash`` and reproduction rely on). With ``TREATYDIFF_FUZZ_KEEP_GOING=1``
(``run_all.py`` sets it) a crash is instead recorded once per distinct signature (exception type and the
innermost treatydiff frame) in ``TREATYDIFF_FUZZ_CRASH_DIR`` and fuzzing goes on, so a ten-minute run reports
every distinct bug rather than the first one.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KEEP_GOING = os.environ.get("TREATYDIFF_FUZZ_KEEP_GOING") == "1"
CRASH_DIR = Path(os.environ.get("TREATYDIFF_FUZZ_CRASH_DIR", "fuzz/artifacts/unsorted"))
_seen: set[str] = set()


def instrumented(*extra: str) -> None:
    """Import treatydiff's loaders (and ``extra`` third-party modules, e.g. pypdf) with coverage
    instrumentation, so libFuzzer's features count branches inside them."""
    with atheris.instrument_imports(include=["treatydiff", *extra]):
        import treatydiff.load
        import treatydiff.load.akn
        import treatydiff.load.html
        import treatydiff.load.normalise
        import treatydiff.load.parse
        import treatydiff.load.pdf
        import treatydiff.load.readers
        import treatydiff.load.word  # noqa: F401

        for name in extra:
            __import__(name)


def signature(exc: BaseException) -> str:
    """Exception type + innermost frame inside treatydiff (else the innermost frame): one bug, one signature."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "treatydiff" in f.filename and "/fuzz/" not in f.filename]
    frame = (ours or frames or [None])[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
    return f"{type(exc).__name__}@{where}"


def check(call: Callable[[], object], data: bytes) -> None:
    """Run ``call``; a Draft or a LoadError is fine, anything else is a crash."""
    from treatydiff.errors import LoadError
    from treatydiff.model import Draft

    try:
        result = call()
    except LoadError:
        return
    except Exception as exc:  # the property under test: nothing but LoadError may escape
        if not KEEP_GOING:
            raise
        _record(exc, data)
        return
    if not isinstance(result, Draft):
        raise AssertionError(f"expected a Draft, got {type(result).__name__}")


def _record(exc: Exception, data: bytes) -> None:
    sig = signature(exc)
    if sig in _seen:
        return
    _seen.add(sig)
    CRASH_DIR.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:16]
    stem = f"crash-{sig.replace('@', '-').replace(':', '-').replace('.', '_')}-{digest}"
    (CRASH_DIR / f"{stem}.bin").write_bytes(data)
    (CRASH_DIR / f"{stem}.txt").write_text(
        sig + "\n\n" + "".join(traceback.format_exception(exc)), encoding="utf-8"
    )
    print(f"\n== NEW CRASH {sig} -> {CRASH_DIR / stem}.bin", file=sys.stderr, flush=True)


def load_bytes(fmt: str, data: bytes) -> object:
    """The whole load pipeline (reader, normaliser, parser) on ``data`` as format ``fmt`` — what
    ``treatydiff.load.load`` does after reading the file."""
    from treatydiff.load import _build
    from treatydiff.load.decode import RawDraft
    from treatydiff.model import LoadOptions

    return _build(RawDraft(f"fuzz.{fmt}", data, fmt), LoadOptions(format=fmt))


def main(
    test_one: Callable[[bytes], None],
    argv: Iterable[str] | None = None,
    custom_mutator: Callable[[bytes, int, int], bytes] | None = None,
) -> None:
    args = list(argv if argv is not None else sys.argv)
    if custom_mutator is None:
        atheris.Setup(args, test_one)
    else:
        atheris.Setup(args, test_one, custom_mutator=custom_mutator)
    atheris.Fuzz()
