"""Run every fuzz harness for N minutes, a few at a time, and print what each one did.

    python fuzz/run_all.py --minutes 10            # all harnesses, two at a time (one per core)
    python fuzz/run_all.py --minutes 2 --only md html --jobs 1

Before the run the seed corpora are built if missing (``build_seeds.py``). Each harness runs with
``-timeout=10`` (an input that takes longer is a hang) and ``-rss_limit_mb=2048``, in keep-going mode: every
distinct crash (exception type + innermost treatydiff frame) is saved once to ``fuzz/artifacts/<harness>/``
as ``crash-*.bin`` with its traceback in ``crash-*.txt``, and fuzzing goes on. A hang, an out-of-memory or a
crash in native code stops libFuzzer (it writes ``timeout-*``/``oom-*``/``crash-*`` there); the harness is
then restarted for the time left. Logs: ``fuzz/artifacts/<harness>/run-<k>.log``.
Output per harness: executions, exec/s, coverage (libFuzzer's ``cov``: edges, and ``ft``: features), corpus
size, and the crashes found (distinct Python crashes + hangs/OOMs).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HARNESSES = ("txt", "md", "html", "akn", "docx", "pdf", "parse")
_EXTRA = {"docx": ["-max_len=400000"], "pdf": ["-max_len=65536"]}
_STATUS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/")


@dataclass
class Result:
    name: str
    seconds: float = 0.0
    executions: int = 0
    cov: int = 0
    ft: int = 0
    corpus: int = 0
    restarts: int = 0
    crashes: list[str] = field(default_factory=list)  # distinct Python crashes (signatures)
    stops: list[str] = field(default_factory=list)  # hangs, OOMs, native crashes

    @property
    def rate(self) -> float:
        return self.executions / self.seconds if self.seconds else 0.0


def run(name: str, seconds: int, python: str) -> Result:
    out = HERE / "artifacts" / name
    out.mkdir(parents=True, exist_ok=True)
    corpus = HERE / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TREATYDIFF_FUZZ_KEEP_GOING="1", TREATYDIFF_FUZZ_CRASH_DIR=str(out))
    result = Result(name)
    deadline = time.monotonic() + seconds
    k = 0
    while (left := int(deadline - time.monotonic())) > 5:
        k += 1
        log = out / f"run-{k}.log"
        command = [
            python, str(HERE / f"fuzz_{name}.py"), f"-max_total_time={left}", "-timeout=10",
            "-rss_limit_mb=2048", "-print_final_stats=1", f"-artifact_prefix={out}/", *_EXTRA.get(name, []),
            str(corpus),
        ]
        started = time.monotonic()
        with log.open("w") as handle:
            code = subprocess.call(command, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        result.seconds += time.monotonic() - started
        text = log.read_text(errors="replace")
        last = [m for m in map(_STATUS.match, text.splitlines()) if m]
        execs = re.search(r"stat::number_of_executed_units: (\d+)", text)
        if execs:
            result.executions += int(execs.group(1))
        elif last:
            result.executions += int(last[-1].group(1))
        if last:
            result.cov, result.ft = max(result.cov, int(last[-1].group(2))), max(result.ft, int(last[-1].group(3)))
            result.corpus = int(last[-1].group(4))
        result.crashes += re.findall(r"== NEW CRASH (\S+)", text)
        if code != 0:
            kind = "timeout" if "ALARM" in text or "-timeout" in text else "oom" if "out-of-memory" in text else "crash"
            result.stops.append(f"{kind} (exit {code}, see {log.relative_to(ROOT)})")
            result.restarts += 1
            if result.restarts > 20:
                break
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="per harness (default 10)")
    parser.add_argument("--jobs", type=int, default=2, help="harnesses at a time (default 2)")
    parser.add_argument("--only", nargs="+", choices=HARNESSES, default=list(HARNESSES))
    args = parser.parse_args()
    if not all((HERE / "corpus" / name).is_dir() for name in args.only):
        subprocess.check_call([sys.executable, str(HERE / "build_seeds.py")], cwd=ROOT)
    seconds = int(args.minutes * 60)
    print(f"fuzzing {', '.join(args.only)}: {args.minutes:g} min each, {args.jobs} at a time", flush=True)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda name: run(name, seconds, sys.executable), args.only))
    print(f"\n{'harness':8} {'time':>7} {'execs':>10} {'exec/s':>8} {'cov':>6} {'ft':>7} {'corpus':>7} {'crashes':>8}")
    for r in results:
        print(
            f"{r.name:8} {r.seconds:6.0f}s {r.executions:10d} {r.rate:8.1f} {r.cov:6d} {r.ft:7d} {r.corpus:7d} "
            f"{len(r.crashes) + len(r.stops):8d}"
        )
    failed = False
    for r in results:
        for sig in r.crashes:
            print(f"  {r.name}: crash {sig} (input in fuzz/artifacts/{r.name}/)")
        for stop in r.stops:
            print(f"  {r.name}: {stop}")
        failed = failed or bool(r.crashes or r.stops)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
