"""Benchmark of compare: speed and memory on a real pair of drafts, speed and alignment quality on synthetic ones.

Run: python benchmarks/bench_compare.py [--runs 7] [--sizes 200,2000,20000] [--misses 10] [--skip-aiact]

Prints a plain table:

1. AI Act proposal (v01) vs Council general approach (v10), from ``../shared/corpus/eu-ai-act-council-drafts/``
   (skipped with a message when the corpus is absent): the whole process (load both files, compare, render the
   JSON report), median/min/max over ``--runs`` runs in this process after one warm-up run; peak memory
   (``ru_maxrss``) of one whole process run in a fresh child interpreter, imports included; and
   ``git diff --no-index --word-diff`` on the same two files (median over the same number of runs, process
   start included) with the ratio treatydiff / git.
2. Synthetic pairs from ``benchmarks/generate.py`` (``make_pair(n, seed)``) for each size of ``--sizes``:
   median time of load + compare (``--runs`` runs up to 2,000 articles, at most 3 above), the ratio of the
   largest size to 2,000, and the alignment scored against the planted truth: a planted change counts as found
   when compare produced a Match with exactly the same old and new article-number sets (so unchanged,
   renumbered, moved and modified pairs count whatever their label); precision = found / matches produced,
   recall = found / planted; "label" is the share of found matches whose outcome equals the planted one.
   Up to ``--misses`` missed planted changes per size are listed with what compare produced for those articles.
3. The machine: cores, CPU, Python version.

Targets (benchmarks/README.md): AI Act whole process < 0.5 s median and < 150 MB peak; 2,000 articles < 2 s;
20,000 <= ~12x the 2,000 time; precision and recall >= 0.99.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_pair  # noqa: E402

from treatydiff.compare import compare  # noqa: E402
from treatydiff.load import load, load_text  # noqa: E402
from treatydiff.model import Comparison, Kind  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "eu-ai-act-council-drafts"


# --- the whole process -----------------------------------------------------------------------------------


def render_json(comparison: Comparison) -> str:
    """The JSON report, as ``compare -f json`` writes it."""
    from treatydiff.render import render_comparison

    return render_comparison(comparison, "json")


def whole(old: Path, new: Path) -> tuple[Comparison, str]:
    comparison = compare(load(old), load(new))
    return comparison, render_json(comparison)


def timed(func, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def row(name: str, value: str, note: str = "") -> None:
    print(f"  {name:44} {value:>16}  {note}")


def peak_child_mb(old: Path, new: Path) -> float:
    """ru_maxrss of a fresh interpreter doing one whole process. Run before any other child of this process:
    RUSAGE_CHILDREN holds the largest child so far."""
    subprocess.run([sys.executable, __file__, "--child", str(old), str(new)], check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux


def bench_aiact(runs: int) -> None:
    print("AI Act v01 (Commission proposal) -> v10 (Council general approach)")
    old = sorted(CORPUS.glob("v01-*.md"))
    new = sorted(CORPUS.glob("v10-*.md"))
    if not old or not new:
        print(f"  skipped: corpus not found at {CORPUS}")
        return
    old_path, new_path = old[0], new[0]
    peak = peak_child_mb(old_path, new_path)
    comparison, text = whole(old_path, new_path)  # warm-up
    times = timed(lambda: whole(old_path, new_path), runs)
    med = statistics.median(times)
    loads = timed(lambda: (load(old_path), load(new_path)), runs)
    counts = Counter(c.match.outcome.value for c in comparison.changes)
    row("files", f"{old_path.stat().st_size // 1024}K + {new_path.stat().st_size // 1024}K")
    row("whole process (load+compare+JSON) median", f"{med:.3f} s",
        f"min {min(times):.3f}  max {max(times):.3f}  runs {runs}  [target < 0.5 s]")
    row("  of which load both (median)", f"{statistics.median(loads):.3f} s")
    row("peak memory, child process (ru_maxrss)", f"{peak:.0f} MB", "[target < 150 MB]")
    row("JSON size", f"{len(text) // 1024}K")
    row("changes", str(len(comparison.changes)), " ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    git = shutil.which("git")
    if git is None:
        row("git diff --word-diff", "skipped", "git not found")
        return
    cmd = [git, "diff", "--no-index", "--word-diff", "--no-color", str(old_path), str(new_path)]
    gtimes = timed(lambda: subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL), runs)
    gmed = statistics.median(gtimes)
    row("git diff --no-index --word-diff median", f"{gmed:.3f} s", f"min {min(gtimes):.3f}  max {max(gtimes):.3f}")
    row("ratio treatydiff / git", f"{med / gmed:.1f}x")


# --- synthetic pairs -------------------------------------------------------------------------------------

Key = tuple[frozenset[str], frozenset[str]]


def produced(comparison: Comparison) -> dict[Key, str]:
    out = {}
    for change in comparison.changes:
        m = change.match
        old = frozenset(p.node.label for p in m.old if p.node.kind is Kind.ARTICLE)
        new = frozenset(p.node.label for p in m.new if p.node.kind is Kind.ARTICLE)
        if old or new:  # the preamble pair is not an article match: the generator plants none
            out[(old, new)] = m.outcome.value
    return out


def fmt_key(old: frozenset[str] | tuple[str, ...], new: frozenset[str] | tuple[str, ...]) -> str:
    s = lambda xs: "{" + ",".join(sorted(xs, key=lambda x: int(x) if x.isdigit() else 0)) + "}"  # noqa: E731
    return f"{s(old)} -> {s(new)}"


def score(comparison: Comparison, truth: list[tuple[str, tuple[str, ...], tuple[str, ...]]], misses: int) -> dict:
    got = produced(comparison)
    planted = {(frozenset(o), frozenset(n)): label for label, o, n in truth}
    found = [k for k in planted if k in got]
    label_ok = sum(1 for k in found if got[k] == planted[k])
    confusion = Counter(f"{planted[k]}->{got[k]}" for k in found if got[k] != planted[k])
    missed = [k for k in planted if k not in got]
    by_article: dict[tuple[str, str], list[Key]] = {}
    for k in got:
        for x in k[0]:
            by_article.setdefault(("old", x), []).append(k)
        for x in k[1]:
            by_article.setdefault(("new", x), []).append(k)
    detail = []
    missed_by_kind = Counter(planted[k] for k in missed)
    for k in missed[:misses]:
        instead = {g for x in k[0] for g in by_article.get(("old", x), [])}
        instead |= {g for x in k[1] for g in by_article.get(("new", x), [])}
        what = "; ".join(f"{got[g]} {fmt_key(*g)}" for g in sorted(instead, key=lambda g: fmt_key(*g)))
        detail.append(f"{planted[k]} {fmt_key(*k)}  => got: {what or 'nothing'}")
    spurious = [k for k in got if k not in planted]
    return {
        "precision": len(found) / max(1, len(got)),
        "recall": len(found) / max(1, len(planted)),
        "label": label_ok / max(1, len(found)),
        "planted": len(planted), "produced": len(got), "found": len(found),
        "confusion": confusion, "missed_by_kind": missed_by_kind, "detail": detail, "spurious": len(spurious),
    }


def bench_generated(sizes: list[int], runs: int, misses: int, seed: int) -> None:
    print()
    print(f"Synthetic pairs (benchmarks/generate.py, seed {seed}): load both + compare")
    print(f"  {'articles':>8} {'median':>9} {'min':>8} {'max':>8} {'runs':>4} {'precision':>9} {'recall':>7} "
          f"{'label':>6}  planted/produced/found")
    medians: dict[int, float] = {}
    reports = []
    for n in sizes:
        old_md, new_md, truth = make_pair(n, seed)
        k = runs if n <= 2000 else max(1, min(runs, 3))
        result: list[Comparison] = []

        def run(result: list[Comparison] = result, old_md: str = old_md, new_md: str = new_md) -> None:
            result[:] = [compare(load_text(old_md, format="md"), load_text(new_md, format="md"))]

        if n <= 2000:
            run()  # warm-up
        times = timed(run, k)
        medians[n] = statistics.median(times)
        s = score(result[0], truth, misses)
        print(f"  {n:>8} {medians[n]:8.3f}s {min(times):7.3f}s {max(times):7.3f}s {k:>4} {s['precision']:9.4f} "
              f"{s['recall']:7.4f} {s['label']:6.3f}  {s['planted']}/{s['produced']}/{s['found']}")
        reports.append((n, s))
    if 2000 in medians:
        for n in sizes:
            if n > 2000:
                print(f"  ratio {n}/2000: {medians[n] / medians[2000]:.1f}x  (linear: {n / 2000:.0f}x, "
                      f"target <= ~{1.2 * n / 2000:.0f}x)")
    print("  targets: 2,000 articles < 2 s; 20,000 <= ~12x 2,000; precision and recall >= 0.99")
    for n, s in reports:
        if s["missed_by_kind"] or s["confusion"]:
            print(f"  -- {n} articles: missed by planted kind: {dict(s['missed_by_kind'])}; "
                  f"produced but not planted: {s['spurious']}")
            if s["confusion"]:
                print(f"     label mismatches (planted->produced): {dict(s['confusion'].most_common())}")
            for line in s["detail"]:
                print(f"     {line}")


def machine() -> None:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print()
    print(f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()} "
          f"({platform.python_implementation()}), {platform.system()} {platform.release()}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":  # one whole process, for the memory figure
        whole(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (default 7)")
    parser.add_argument("--sizes", default="200,2000,20000", help="article counts of the synthetic pairs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", type=int, default=10, help="missed planted changes to list per size")
    parser.add_argument("--skip-aiact", action="store_true", help="only the synthetic pairs")
    args = parser.parse_args()
    sizes = [int(x.replace("_", "")) for x in args.sizes.replace(" ", "").split(",") if x]
    if not args.skip_aiact:
        bench_aiact(args.runs)
    if sizes:
        bench_generated(sizes, args.runs, args.misses, args.seed)
    machine()


if __name__ == "__main__":
    main()
