"""Shrink a crashing input while it still crashes the same way (same exception type and innermost frame).

    python fuzz/minimize.py md fuzz/artifacts/md/crash-....bin fuzz/crashes/md/short-name

Runs the harness's call in this process (no instrumentation), removing chunks of bytes from large to single
bytes (a simple ddmin), then writes the result. For DOCX, members of the zip are shrunk one by one and the
archive rewritten, so the result is still a readable zip where the crash needs one.
"""

from __future__ import annotations

import io
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _harness import load_bytes, signature  # noqa: E402
from lineformat import build  # noqa: E402


def outcome(name: str, data: bytes) -> str:
    from treatydiff.errors import LoadError

    try:
        build(data) if name == "parse" else load_bytes(name, data)
    except LoadError:
        return "LoadError"
    except Exception as exc:
        return signature(exc)
    return "ok"


def ddmin(data: bytes, keep: Callable[[bytes], bool], budget: float) -> bytes:
    deadline = time.monotonic() + budget
    chunk = max(1, len(data) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i = 0
        while i < len(data) and time.monotonic() < deadline:
            candidate = data[:i] + data[i + chunk :]
            if candidate and keep(candidate):
                data = candidate
            else:
                i += chunk
        chunk //= 2
    return data


def zip_members(data: bytes) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:
        return None


def rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for filename, body in parts.items():
            archive.writestr(filename, body)
    return out.getvalue()


def main() -> int:
    name, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    data = source.read_bytes()
    wanted = outcome(name, data)
    if wanted in ("ok", "LoadError"):
        print(f"{source} does not crash ({wanted})")
        return 1
    print(f"{source}: {wanted}, {len(data)} bytes")
    parts = zip_members(data) if name == "docx" else None
    if parts is not None and outcome(name, rezip(parts)) == wanted:
        for member in sorted(parts):  # drop whole members, then shrink the rest
            trial = {k: v for k, v in parts.items() if k != member}
            if outcome(name, rezip(trial)) == wanted:
                parts = trial
        for member in sorted(parts):
            parts[member] = ddmin(
                parts[member], lambda b, m=member: outcome(name, rezip({**parts, m: b})) == wanted, 60
            )
        data = rezip(parts)
    else:
        data = ddmin(data, lambda b: outcome(name, b) == wanted, 120)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"-> {target}: {len(data)} bytes, {outcome(name, data)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
