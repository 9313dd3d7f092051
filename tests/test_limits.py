"""Resource limits: pathological inputs finish, fall back to a cheaper strategy when a budget runs out, and say so
in the Comparison's warnings (and every report); ordinary drafts never fall back.

Sizes are chosen so that this file runs in well under 20 seconds on a busy two-core machine. The time budget is
set to 0 where a test needs it to run out: that is deterministic (the clock is always past the deadline), where a
small positive budget would depend on the machine's speed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from treatydiff.compare import compare, rebuild, units
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, DiffOptions, Draft, Op, Outcome
from treatydiff.render import render_comparison

ROOT = Path(__file__).resolve().parents[1]
CONVENTION = ROOT / "fixtures" / "convention"
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import make_pair  # noqa: E402


def tiny(n: int, verb: str = "shall", end: str = "") -> str:
    """``n`` one-sentence articles: the issue's "50,000 tiny articles" draft, at a size a test can afford."""
    return "".join(f"### Article {i}\n\nThe Parties {verb} act {i}{end}.\n\n" for i in range(1, n + 1))


def clustered(n: int, tail: str) -> str:
    """Near-duplicate articles in clusters of 40: every 3-gram of a body but the last is shared by the 40
    articles of its cluster, so the candidate search visits about 40 postings per 3-gram (real drafts: under 1)."""
    out = []
    for i in range(1, n + 1):
        c = i // 40
        out.append(f"### Article {i}\n\nRule {c} alpha {c} beta {c} gamma {c} delta {c} epsilon {c} {tail} {i}.\n\n")
    return "".join(out)


def md(text: str) -> Draft:
    return load_text(text, format="md")


def assert_whole(comparison: Comparison, old: Draft, new: Draft) -> None:
    """Every provision of both drafts in exactly one change, and every redline rebuilds both paragraph texts."""
    seen_old = Counter(id(p.node) for c in comparison.changes for p in c.match.old)
    seen_new = Counter(id(p.node) for c in comparison.changes for p in c.match.new)
    assert sorted(seen_old) == sorted(id(p.node) for p in old.provisions())
    assert sorted(seen_new) == sorted(id(p.node) for p in new.provisions())
    assert set(seen_old.values()) <= {1} and set(seen_new.values()) <= {1}
    for change in comparison.changes:
        olds = [rebuild(p.edits, Op.DELETE) for p in change.paragraphs if p.outcome is not Outcome.ADDED]
        news = [rebuild(p.edits, Op.INSERT) for p in change.paragraphs if p.outcome is not Outcome.REMOVED]
        assert Counter(olds) == Counter(u.text for u in units(change.match.old))
        assert Counter(news) == Counter(u.text for u in units(change.match.new))


def warnings_of(comparison: Comparison) -> list[str]:
    return [str(w) for w in comparison.warnings]


# --- ordinary drafts never fall back ------------------------------------------------------------------------------

FIXTURE_PAIRS = [
    ("zero-draft.md", "revised-draft.md"),
    ("revised-draft.md", "final-text.md"),
    ("zero-draft.md", "final-text.md"),
    ("zero-draft.txt", "final-text.pdf"),
    ("final-text.md", "final-text.md"),
]


@pytest.mark.parametrize(("old", "new"), FIXTURE_PAIRS)
def test_fixtures_do_not_fall_back(old: str, new: str) -> None:
    comparison = compare(load(CONVENTION / old), load(CONVENTION / new))
    assert comparison.warnings == ()
    assert json.loads(render_comparison(comparison, "json"))["warnings"] == []


def test_generated_pair_does_not_fall_back() -> None:
    old, new, _ = make_pair(500, 1)
    assert compare(md(old), md(new)).warnings == ()


# --- the candidate-search budget ------------------------------------------------------------------------------------


def test_near_duplicate_clusters_hit_the_default_candidate_budget() -> None:
    old, new = md(clustered(2000, "end")), md(clustered(2000, "close"))
    comparison = compare(old, new)
    assert any(w.startswith("alignment: the search for matching articles stopped") for w in warnings_of(comparison))
    assert "candidate postings was used up" in warnings_of(comparison)[0]
    assert_whole(comparison, old, new)
    # matched by number only for the rest: each old article still finds the new one with its number
    assert Counter(c.outcome for c in comparison.changes)[Outcome.MODIFIED] == 2000


def test_no_text_in_common_with_a_small_candidate_budget() -> None:
    """Two different generated drafts: thousands of weak candidates, none good. With the budget cut to a
    fraction of what the search needs, the rest is matched by number only, announced, and nothing is lost."""
    old, new = md(make_pair(150, 1)[0]), md(make_pair(150, 2)[0])
    full = compare(old, new)
    assert full.warnings == ()
    cut = compare(old, new, DiffOptions(max_candidate_work=5_000))
    (warning,) = warnings_of(cut)
    assert "budget of 5,000 candidate postings was used up" in warning and "matched by number only" in warning
    assert_whole(cut, old, new)


# --- the time budget -----------------------------------------------------------------------------------------------


def test_tiny_articles_finish_without_falling_back() -> None:
    """3,000 tiny articles a side, every one changed, within the default time budget: no fallback. (How long
    it takes is a benchmark's business: python benchmarks/bench_compare.py.)"""
    old, new = md(tiny(3000)), md(tiny(3000, "may"))
    comparison = compare(old, new)
    assert comparison.warnings == ()
    assert_whole(comparison, old, new)


def test_time_budget_used_up_falls_back_and_says_so() -> None:
    old, new = md(tiny(300)), md(tiny(300, end=" promptly"))  # a budget of 0 s is used up at any size
    comparison = compare(old, new, DiffOptions(time_budget=0.0))
    found = warnings_of(comparison)
    assert any(w.startswith("alignment:") and "the time budget was used up" in w for w in found)
    assert any(w.startswith("redlines: the time budget of 0 s was used up") for w in found)
    assert_whole(comparison, old, new)
    # the redlines are whole replacements, and still rebuild both texts
    change = next(c for c in comparison.changes if c.match.old and c.match.new)
    (paragraph,) = [p for p in change.paragraphs if p.outcome is Outcome.MODIFIED]
    assert [e.op for e in paragraph.edits] == [Op.EQUAL, Op.DELETE, Op.INSERT, Op.EQUAL] or all(
        e.op is not Op.EQUAL for e in paragraph.edits
    )


def test_no_time_budget_never_falls_back() -> None:
    old, new = md(clustered(200, "end")), md(clustered(200, "close"))
    assert compare(old, new, DiffOptions(time_budget=None)).warnings == ()


# --- every report announces the fallback ----------------------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["json", "markdown", "html", "terminal"])
def test_reports_show_the_fallback(format_name: str) -> None:
    comparison = compare(md(tiny(100)), md(tiny(100, end=" promptly")), DiffOptions(time_budget=0.0))
    text = render_comparison(comparison, format_name)
    if format_name == "json":
        assert json.loads(text)["warnings"] == warnings_of(comparison)
    else:
        assert "redlines: the time budget of 0 s was used up" in " ".join(text.split())


# --- bounded memory ---------------------------------------------------------------------------------------------------

CHILD = """
import sys
sys.path.insert(0, {benchmarks!r})
from treatydiff.compare import compare
from treatydiff.load import load_text
n = {n}
old = "".join(f"### Article {{i}}\\n\\nThe Parties shall act {{i}}.\\n\\n" for i in range(1, n + 1))
new = "".join(f"### Article {{i}}\\n\\nThe Parties may act {{i}}.\\n\\n" for i in range(1, n + 1))
comparison = compare(load_text(old, format="md"), load_text(new, format="md"))
assert len(comparison.changes) >= n
with open("/proc/self/status", encoding="ascii") as status:  # this process's own peak (see tests/hostile/peak.py)
    print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def test_peak_memory_of_a_large_tiny_article_pair() -> None:
    """3,000 tiny articles on each side, in a fresh interpreter: peak RSS (imports included, 25 MB) stays bounded
    (43 MB measured; 53 MB for 5,000, 82 MB for 10,000)."""
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc: a child's own peak memory cannot be read (ru_maxrss also counts its parent)")
    code = CHILD.format(benchmarks=str(ROOT / "benchmarks"), n=3_000)
    peak_kb = int(subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True,
                                 text=True).stdout)
    assert peak_kb / 1024 < 150


# --- the budget from the command line -----------------------------------------------------------------------------


def test_time_budget_option_reaches_the_comparison(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from treatydiff.cli import Env, cli

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(tiny(50), encoding="utf-8")
    new.write_text(tiny(50, end=" promptly"), encoding="utf-8")

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, [*args, str(old), str(new)], obj=Env(environ={}))
        return result.exit_code, result.stdout, result.stderr

    code, out, err = run("compare", "-f", "json", "--time-budget", "0")
    assert code == 0
    assert "warning: redlines: the time budget of 0 s was used up" in err
    assert any("--time-budget" in w for w in json.loads(out)["warnings"])
    for budget in ("60", "none"):
        code, out, err = run("compare", "-f", "json", "--time-budget", budget)
        assert code == 0 and json.loads(out)["warnings"] == [] and "warning" not in err
    code, _, err = run("history", "-f", "json", "--time-budget", "0")
    assert code == 0 and "the time budget of 0 s was used up" in err
    code, _, err = run("check", "--fail-on", "removed", "--time-budget", "0")
    assert "the time budget of 0 s was used up" in err
    for bad in ("-1", "soon", "nan", "inf"):
        code, _, err = run("compare", "--time-budget", bad)
        assert code == 2 and "is not a number of seconds" in err and "Traceback" not in err
