"""The JSON report's rendering alone: ``json.dumps(indent=2)`` as before issue 19, against this checkout's writer
with the standard library and with orjson, each with the cyclic collector on and paused.

Run: python benchmarks/bench_json.py [--runs 51] [--pair OLD NEW]

Builds the AI Act v01 -> v10 ``Comparison`` once (or that of ``--pair``), then times only the rendering of its
JSON report (document built and encoded, as ``compare -f json`` does after the comparison), in CPU time
(``time.process_time``) of this process, the variants taken in turn within each round so that they share the
machine's load. Prints the median and mean of each variant, its ratio to the first, and whether its text is the
first's, byte for byte. The orjson rows need orjson (the ``fast`` extra).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from treatydiff.compare import compare  # noqa: E402
from treatydiff.load import load  # noqa: E402
from treatydiff.model import Comparison, RenderOptions  # noqa: E402
from treatydiff.perf import collector_paused  # noqa: E402
from treatydiff.render import compare_json, plain_console  # noqa: E402
from treatydiff.render import json_text as encoding  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-council-drafts"
OLD = CORPUS / "v01-2021-04-21-AIA-COM-Proposal-21-April-21.md"
NEW = CORPUS / "v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md"


def variants(comparison: Comparison) -> dict[str, Callable[[], str]]:
    console = plain_console()

    def before() -> str:
        return json.dumps(compare_json.compare_document(comparison), ensure_ascii=False, indent=2) + "\n"

    def before_paused() -> str:
        with collector_paused():
            return before()

    def now(encoder: str, paused: bool) -> Callable[[], str]:
        def run() -> str:
            encoding.ENCODER = encoder
            vars(compare_json)["collector_paused"] = collector_paused if paused else contextlib.nullcontext
            try:
                return str(compare_json.render(comparison, RenderOptions(), console))
            finally:
                vars(compare_json)["collector_paused"] = collector_paused
        return run

    out = {"json.dumps indent=2 (before)": before, "json.dumps indent=2, collector paused": before_paused,
           "stdlib writer, collector on": now("stdlib", False), "stdlib writer (default install)": now("stdlib", True)}
    if encoding._ORJSON is not None:
        out.update({"orjson, collector on": now("orjson", False), "orjson (fast extra)": now("orjson", True)})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=51)
    parser.add_argument("--pair", nargs=2, type=Path, metavar=("OLD", "NEW"), default=(OLD, NEW))
    args = parser.parse_args()
    old, new = args.pair
    if not (old.exists() and new.exists()):
        print(f"skipped: {old} or {new} is not there")
        return 0
    comparison = compare(load(old), load(new))
    runs = variants(comparison)
    first = next(iter(runs.values()))()
    same = {name: fn() == first for name, fn in runs.items()}  # (and a warm-up)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.runs):
        for name, fn in runs.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    base = statistics.median(next(iter(times.values())))
    print(f"{old.name} -> {new.name}: {len(first.encode()):,} bytes, {len(comparison.changes)} changes, "
          f"{args.runs} runs, CPU ms")
    print(f"{'variant':40} {'median':>8} {'mean':>8} {'ratio':>6}  same bytes")
    for name, ts in times.items():
        median = statistics.median(ts)
        print(f"{name:40} {median * 1000:8.1f} {statistics.fmean(ts) * 1000:8.1f} {median / base:6.2f}  {same[name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
