"""Benchmark of the load stage: median time to read each draft, with the raw file read as the baseline.

Run: python benchmarks/bench_load.py [FILES...]   (default: the two AI Act Markdown drafts of the corpus,
or the fixtures when the corpus is absent). Prints one line per file: size, median and spread over N runs,
and the ratio to reading and decoding the same bytes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from treatydiff.load import load  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [
    *sorted(CORPUS.glob("eu-ai-act-council-drafts/v01-*.md")),
    *sorted(CORPUS.glob("eu-ai-act-council-drafts/v10-*.md")),
    *sorted(CORPUS.glob("de-grundgesetz/v3-*.md")),
] or sorted((ROOT / "fixtures").rglob("*.md"))


def timed(func, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'file':58} {'size':>8} {'median':>9} {'min':>9} {'max':>9} {'x read':>8}")
    for path in args.files:
        load(path)  # warm imports and caches
        times = timed(lambda p=path: load(p), args.runs)
        base = timed(lambda p=path: p.read_bytes().decode("utf-8", "replace"), args.runs)
        median = statistics.median(times)
        print(
            f"{path.name[:58]:58} {path.stat().st_size / 1024:7.0f}K {median * 1000:8.1f}ms "
            f"{min(times) * 1000:8.1f}ms {max(times) * 1000:8.1f}ms {median / statistics.median(base):7.0f}x"
        )


if __name__ == "__main__":
    main()
