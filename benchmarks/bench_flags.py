"""Benchmark of the legal-meaning flags against hand-labelled changes (benchmarks/flags/, METHOD.md there).

Run: python benchmarks/bench_flags.py [--heldout] [--min-severity medium] [--misses N] [--false N]

For each labelled pair of real drafts (files under ../shared/corpus/; a pair whose files are absent is skipped
with a message) the two drafts are compared, and each flag of the labelled articles is matched to a labelled
change: same article (either side), the flag's kind in the label's kind (``KINDS`` below), and at least one
word in common between the label's words and the flag's (function words aside). Matching is one to one, most
words in common first: a flag counts for one label at most, a label is found by one flag at most.

- precision: matched flags / flags raised on the labelled articles (severity ``--min-severity`` or more)
- recall: matched labels / labelled changes (``none`` rows say an article was read and had none: they count
  only through the flags raised on it, which are all false)
- "located" repeats both with the kind ignored (a flag at the place of a change, under another name)

Per pair and per kind; ``--misses N`` lists up to N missed labels per pair (``+``: a flag stands at the place
under another kind) and ``--false N`` up to N flags that matched nothing. ``--heldout`` measures the held-out
pairs instead (labelled for a final check only).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from treatydiff.compare import compare  # noqa: E402
from treatydiff.load import load  # noqa: E402
from treatydiff.model import ArticleChange, DiffOptions, Flag, FlagKind, Kind, LoadOptions, Severity  # noqa: E402

LABELS = ROOT / "benchmarks" / "flags"
CORPUS = ROOT.parent / "shared" / "corpus"

#: name, label files, old draft, new draft (under CORPUS)
PAIRS = (
    ("ai-act", ("ai-act-part1.tsv", "ai-act-part2.tsv"),
     "eu-ai-act-council-drafts/v01-2021-04-21-AIA-COM-Proposal-21-April-21.md",
     "eu-ai-act-council-drafts/v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md"),
    ("data-act", ("data-act.tsv",), "eu-data-act/v1-2022-02-23-COM-2022-68-proposal.xhtml",
     "eu-data-act/v3-2023-12-13-Regulation-2023-2854-akn.xml"),
    ("grundgesetz", ("grundgesetz.tsv",), "de-grundgesetz/v1-2012-08-02.md", "de-grundgesetz/v3-2018-11-08.md"),
)
HELDOUT = (
    ("dsa", ("heldout-dsa.tsv",), "eu-dsa/v1-2020-12-15-COM-2020-825-proposal.xhtml",
     "eu-dsa/v3-2022-10-19-Regulation-2022-2065-akn.xml"),
    ("fr-constitution", ("heldout-fr-constitution.tsv",), "fr-constitution-1958/v2-2000-10-03.md",
     "fr-constitution-1958/v3-2008-07-25.md"),
)

#: Which flag kinds report which labelled kind (kinds not listed, brackets and options, have no label kind).
KINDS: dict[str, frozenset[FlagKind]] = {
    "obligation": frozenset({FlagKind.OBLIGATION_WEAKENED, FlagKind.OBLIGATION_STRENGTHENED,
                             FlagKind.OBLIGATION_ADDED, FlagKind.OBLIGATION_REMOVED}),
    "negation": frozenset({FlagKind.NEGATION}),
    "qualifier": frozenset({FlagKind.QUALIFIER_ADDED, FlagKind.QUALIFIER_REMOVED}),
    "safeguard": frozenset({FlagKind.SAFEGUARD_ADDED, FlagKind.SAFEGUARD_REMOVED}),
    "scope": frozenset({FlagKind.SCOPE_WIDENED, FlagKind.SCOPE_NARROWED}),
    "quantity": frozenset({FlagKind.NUMBER_CHANGED, FlagKind.DATE_CHANGED}),
    "definition": frozenset({FlagKind.DEFINITION_CHANGED}),
    "condition": frozenset({FlagKind.CONDITION_CHANGED}),
}
_FUNCTION_WORDS = frozenset(
    """the a an of to in on for by with and or that this which be is are as at its their any such from
    shall may der die das des dem den und oder zu in im von mit für ist sind ein eine einer nach durch
    auf le la les de des du et ou à au aux en un une par pour est sont""".split()
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Label:
    pair: str
    old_article: str
    new_article: str
    kind: str
    old: str
    new: str
    note: str


def read_labels(pair: str, files: tuple[str, ...]) -> list[Label]:
    labels = []
    for name in files:
        with (LABELS / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                labels.append(Label(pair, (row["old_article"] or "").strip(), (row["new_article"] or "").strip(),
                                    row["kind"].strip(), row["old"] or "", row["new"] or "", row["note"] or ""))
    return labels


def _key(number: str) -> str:
    return " ".join(number.split()).casefold()


def numbers(change: ArticleChange, old: bool) -> set[str]:
    side = change.match.old if old else change.match.new
    return {_key(p.node.label) for p in side if p.node.kind is Kind.ARTICLE}


def words(text: str) -> set[str]:
    found = {w.casefold() for w in _WORD.findall(text)}
    content = found - _FUNCTION_WORDS
    return content or found


@dataclass
class Result:
    flags: int = 0
    labels: int = 0
    matched_flags: int = 0
    matched_labels: int = 0

    def scores(self) -> tuple[float, float, float]:
        p = self.matched_flags / self.flags if self.flags else 1.0
        r = self.matched_labels / self.labels if self.labels else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def match(flags: list[tuple[Flag, ArticleChange]], labels: list[Label], by_kind: bool) -> tuple[set[int], set[int]]:
    """One-to-one matching (most words in common first): the indices of matched flags and matched labels."""
    candidates = []
    for i, (flag, change) in enumerate(flags):
        olds, news = numbers(change, True), numbers(change, False)
        flag_words = words(f"{flag.old_text} {flag.new_text}")
        for j, label in enumerate(labels):
            if not (_key(label.old_article) in olds or _key(label.new_article) in news):
                continue
            if by_kind and flag.kind not in KINDS.get(label.kind, frozenset()):
                continue
            common = len(flag_words & words(f"{label.old} {label.new}"))
            if common:
                candidates.append((-common, i, j))
    candidates.sort()
    used_flags: set[int] = set()
    used_labels: set[int] = set()
    for _, i, j in candidates:
        if i not in used_flags and j not in used_labels:
            used_flags.add(i)
            used_labels.add(j)
    return used_flags, used_labels


def run_pair(name: str, files: tuple[str, ...], old_path: str, new_path: str, minimum: Severity,
             misses: int, false: int) -> dict[str, dict[str, Result]] | None:
    old_file, new_file = CORPUS / old_path, CORPUS / new_path
    if not (old_file.exists() and new_file.exists()):
        print(f"{name}: skipped, corpus files not found under {CORPUS}")
        return None
    labels = read_labels(name, files)
    comparison = compare(load(old_file, LoadOptions()), load(new_file, LoadOptions()), DiffOptions(time_budget=None))
    labelled_old = {_key(lb.old_article) for lb in labels if lb.old_article}
    labelled_new = {_key(lb.new_article) for lb in labels if lb.new_article}
    flags: list[tuple[Flag, ArticleChange]] = []
    for change in comparison.changes:
        if numbers(change, True) & labelled_old or numbers(change, False) & labelled_new:
            flags.extend((f, change) for f in change.flags
                         if f.level.rank >= minimum.rank and any(f.kind in k for k in KINDS.values()))
    real = [lb for lb in labels if lb.kind != "none"]
    out: dict[str, dict[str, Result]] = {}
    _, located = match(flags, real, False)
    for mode, by_kind in (("kind", True), ("located", False)):
        used_flags, used_labels = match(flags, real, by_kind)
        per: dict[str, Result] = defaultdict(Result)
        for i, (flag, _) in enumerate(flags):
            kind = next((k for k, kinds in KINDS.items() if flag.kind in kinds), "other")
            for key in ("all", kind):
                per[key].flags += 1
                per[key].matched_flags += i in used_flags
        for j, label in enumerate(real):
            for key in ("all", label.kind):
                per[key].labels += 1
                per[key].matched_labels += j in used_labels
        out[mode] = dict(per)
        if mode == "kind":
            missed = [j for j in range(len(real)) if j not in used_labels]
            if misses:
                print(f"  {name}: {len(missed)} labels missed, {sum(j in located for j in missed)} of them with a "
                      "flag at their place under another kind (marked +)")
            for j in missed[:misses]:
                lb = real[j]
                print(f"  missed{'+' if j in located else ' '}{name} {lb.old_article}->{lb.new_article} {lb.kind}: "
                      f"{lb.old[:60]!r} -> {lb.new[:60]!r}")
            wrong = [(f, c) for i, (f, c) in enumerate(flags) if i not in used_flags][:false]
            for flag, change in wrong:
                where = "/".join(sorted(numbers(change, False) or numbers(change, True)))
                print(f"  false  {name} {where} {flag.kind.value}: {flag.old_text[:60]!r} -> {flag.new_text[:60]!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="measure the held-out pairs")
    parser.add_argument("--min-severity", default="medium", choices=[s.value for s in Severity])
    parser.add_argument("--misses", type=int, default=0, help="missed labels listed per pair")
    parser.add_argument("--false", type=int, default=0, help="unmatched flags listed per pair")
    args = parser.parse_args()
    minimum = Severity(args.min_severity)
    totals: dict[str, dict[str, Result]] = {"kind": defaultdict(Result), "located": defaultdict(Result)}
    rows = []
    for name, files, old, new in HELDOUT if args.heldout else PAIRS:
        result = run_pair(name, files, old, new, minimum, args.misses, args.false)
        if result is None:
            continue
        rows.append((name, result))
        for mode in result:
            for key, r in result[mode].items():
                t = totals[mode][key]
                t.flags += r.flags
                t.labels += r.labels
                t.matched_flags += r.matched_flags
                t.matched_labels += r.matched_labels
    print(f"\nflags of severity {minimum.value} or more against the labels "
          f"({'held-out' if args.heldout else 'development'} pairs)")
    print(f"{'pair':<16}{'kind':<12}{'flags':>6}{'labels':>7}{'P':>7}{'R':>7}{'F1':>7}   located: P     R")
    for name, result in [*rows, ("all", totals)]:
        keys = ["all", *sorted(k for k in result["kind"] if k != "all")]
        for key in keys:
            r, loc = result["kind"].get(key, Result()), result["located"].get(key, Result())
            p, rc, f = r.scores()
            lp, lr, _ = loc.scores()
            print(f"{name if key == 'all' else '':<16}{key:<12}{r.flags:>6}{r.labels:>7}{p:>7.2f}{rc:>7.2f}{f:>7.2f}"
                  f"   {lp:>9.2f} {lr:>5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
