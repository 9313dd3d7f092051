"""``compare --explain``: why the aligner made a match, in the terminal, in Markdown and in the JSON (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from schema_check import load_schema, violations

from treatydiff.cli import Env, cli

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "alignment"
OLD, NEW = HERE / "treaty-old.md", HERE / "treaty-new.md"


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def test_explain_shows_the_rule_the_scores_the_place_and_the_rivals() -> None:
    result = invoke("compare", OLD, NEW, "--explain", "4", "--color", "never", "--no-pager")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.replace("│", " ").split())
    # old Article 4 went to new Article 5, which kept its text and grew; new Article 13 repeats its formula
    assert "Why this match: in place: it stands between the successors of its neighbours" in text
    assert "old text held 0.96" in text and "title 1.00" in text
    assert "Place: in order with its neighbours" in text
    assert "new Article 13 (Navigation software): phrases 0.71, old text held 0.84" in text


def test_explain_says_why_an_article_was_removed_and_names_its_nearest_candidates() -> None:
    result = invoke("compare", OLD, NEW, "--explain", "Amendment of the Annex", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "- Why removed: no candidate reached the bar." in result.output
    # the stock phrase it shares with the Technical Committee article, which is matched with its own predecessor
    assert "- new Article 16 (Technical Committee): phrases 0.34, old text held 0.37: matched with old Article 15." \
        in result.output


def test_explain_shows_unchanged_articles_too() -> None:
    result = invoke("compare", OLD, NEW, "--explain", "Secretariat", "--color", "never", "--no-pager")
    assert "Why this match: the same text, found once in each draft." in result.output


def test_every_json_change_carries_its_evidence_and_the_schema_holds() -> None:
    result = invoke("compare", OLD, NEW, "-f", "json")
    document = json.loads(result.output)
    assert violations(document, load_schema("compare"), load_schema("compare")) == []
    rules = {c["evidence"]["rule"] for c in document["changes"]}
    assert all(rules)
    purpose = next(c for c in document["changes"] if [r["number"] for r in c["old"]] == ["1"])
    assert purpose["evidence"]["in_order"] is True and purpose["evidence"]["same_number"] is True
    assert purpose["evidence"]["words"] is not None  # the gap rule read the distinctive words


def test_a_paragraph_moved_into_an_article_with_its_own_predecessor_is_named(tmp_path: Path) -> None:
    # and the article keeps its successor (number, title, first paragraph), though most of its words moved
    old = "Article 1 Scope\n\nThis Convention applies to ports.\n\nArticle 2 Inspections\n\n1. Port States shall " \
          "inspect ships calling at their ports.\n\n2. Inspectors shall have access to every logbook kept on board " \
          "and may copy the entries of the last twelve months.\n"
    new = "Article 1 Scope\n\nThis Convention applies to ports.\n\nInspectors shall have access to every logbook " \
          "kept on board and may copy the entries of the last twelve months.\n\nArticle 2 Inspections\n\n1. Port " \
          "States shall inspect ships calling at their ports.\n"
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    document = json.loads(invoke("compare", tmp_path / "old.md", tmp_path / "new.md", "-f", "json").output)
    shapes = {(tuple(r["number"] for r in c["old"]), tuple(r["number"] for r in c["new"])) for c in document["changes"]}
    assert shapes == {(("1",), ("1",)), (("2",), ("2",))}
    scope = next(c for c in document["changes"] if [r["number"] for r in c["new"]] == ["1"])
    assert [r["number"] for r in scope["received"]] == ["2"]
    text = invoke("compare", tmp_path / "old.md", tmp_path / "new.md", "--color", "never", "--no-pager").output
    assert "A paragraph came from old Art. 2, which is matched elsewhere." in " ".join(text.replace("│", " ").split())
