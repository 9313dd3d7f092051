"""The public Python API of DESIGN.md: ``treatydiff.load``, ``compare``, ``render``, ``history``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import treatydiff
from treatydiff.model import Comparison, Draft, Outcome

FIXTURES = Path(__file__).parent.parent / "fixtures" / "convention"
ZERO, REVISED, FINAL = (FIXTURES / f"{name}.md" for name in ("zero-draft", "revised-draft", "final-text"))


def test_compare_takes_drafts_or_paths_and_the_diff_options(tmp_path: Path) -> None:
    old, new = treatydiff.load(ZERO), treatydiff.load(FINAL)
    by_draft = treatydiff.compare(old, new)
    by_path = treatydiff.compare(str(ZERO), FINAL)
    assert isinstance(by_draft, Comparison)
    assert treatydiff.render(by_draft, "json") == treatydiff.render(by_path, "json")
    assert {c.outcome for c in by_draft.changes} >= {Outcome.RENUMBERED, Outcome.SPLIT, Outcome.MERGED}
    (tmp_path / "a.md").write_text("### Article 1\n\nThe Parties shall act.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("### Article 1\n\nTHE PARTIES SHALL ACT.\n", encoding="utf-8")
    assert [c.outcome for c in treatydiff.compare(tmp_path / "a.md", tmp_path / "b.md").changes] == [Outcome.MODIFIED]
    cased = treatydiff.compare(tmp_path / "a.md", tmp_path / "b.md", ignore=["case"])
    assert [c.outcome for c in cased.changes] == [Outcome.UNCHANGED]
    budget = treatydiff.compare(old, new, time_budget=0.0)
    assert any("time budget" in w.message for w in budget.warnings)


def test_render_picks_the_report_by_what_it_is_given() -> None:
    comparison = treatydiff.compare(ZERO, FINAL)
    assert json.loads(treatydiff.render(comparison, "json"))["schema_version"] == 1
    assert "<del>" in treatydiff.render(comparison, "markdown") or "<ins>" in treatydiff.render(comparison, "markdown")
    with_context = treatydiff.render(comparison, "terminal", context=1)
    assert with_context != treatydiff.render(comparison, "terminal")
    draft = treatydiff.load(FINAL)
    assert isinstance(draft, Draft)
    assert "Article" in treatydiff.render(draft)  # an outline tree
    assert json.loads(treatydiff.render(draft, "json"))["nodes"]


def test_history_takes_drafts_and_paths_in_order() -> None:
    history = treatydiff.history([ZERO, treatydiff.load(REVISED), str(FINAL)], ignore={"quotes"})
    assert [d.label for d in history.drafts] == ["zero-draft", "revised-draft", "final-text"]
    assert len(history.steps) == 2
    assert json.loads(treatydiff.render(history, "json"))["schema_version"] == 1


def test_importing_a_stage_module_keeps_the_function_of_its_name() -> None:
    """The stage modules share the API functions' names; importing one (as the CLI does) must not replace them."""
    code = (
        "import treatydiff, treatydiff.compare, treatydiff.history, treatydiff.render, treatydiff.load.readers\n"
        "from treatydiff.compare import units\n"
        "from treatydiff.history import load_drafts\n"
        "from treatydiff.render import COMPARE\n"
        "import sys, types\n"
        "for name in ('load', 'compare', 'history', 'render'):\n"
        "    assert isinstance(getattr(treatydiff, name), types.FunctionType), name\n"
        "    assert isinstance(sys.modules['treatydiff.' + name], types.ModuleType), name\n"
        "treatydiff.x = 1\n"  # other attributes are set as usual
        "assert treatydiff.x == 1\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
