"""Division headings (issue 14): a retitled, renumbered, added or removed part, chapter or section is a change
of its own (the comparison, every report, the JSON, the per-chapter table, ``--exit-code`` and ``check``), and
the word totals add up (old words - deleted + inserted = new words)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from schema_check import load_schema, violations

from treatydiff.cli import Env, cli
from treatydiff.compare import compare
from treatydiff.errors import ExitCode
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, DiffOptions, Outcome
from treatydiff.select import Selection, has_changes, select

ROOT = Path(__file__).resolve().parents[1]
CONVENTION = ROOT / "fixtures" / "convention"
CORPUS = ROOT.parent / "shared" / "corpus"

DRAFT = """\
Chapter I — General

Article 1
Scope

This Convention applies to coastal wetlands.

Chapter II — {second}

Article 2
Duty

States Parties shall protect coastal wetlands.

Article 3
Reports

States Parties shall report every two years.
{third}"""
THIRD = """
Chapter III — Final clauses

Article 4
Signature

This Convention is open for signature.
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def pair(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    return a, b


def comparison(old: str, new: str, options: DiffOptions = DiffOptions()) -> Comparison:
    return compare(load_text(old, format="txt"), load_text(new, format="txt"), options)


OLD = DRAFT.format(second="Obligations", third=THIRD)
RETITLED = DRAFT.format(second="VOLUNTARY GUIDANCE ONLY, NOT BINDING", third=THIRD)


def test_a_retitled_chapter_is_a_change() -> None:
    """Before: "No changes.", and nothing anywhere said the chapter's heading had changed."""
    found = comparison(OLD, RETITLED)
    assert [(d.outcome, d.old, d.new) for d in found.divisions] == [
        (Outcome.MODIFIED, "Chapter II — Obligations", "Chapter II — VOLUNTARY GUIDANCE ONLY, NOT BINDING")]
    assert all(c.outcome is Outcome.UNCHANGED for c in found.changes)  # its articles did not change
    assert has_changes(found)
    assert not found.divisions[0].editorial_only
    assert (found.totals.words_inserted, found.totals.words_deleted) == (5, 1)


def test_every_report_shows_it_and_exit_code_and_check_see_it(tmp_path: Path) -> None:
    old, new = pair(tmp_path, OLD, RETITLED)
    terminal = invoke("compare", old, new, "--color", "never", "--exit-code")
    assert terminal.exit_code == ExitCode.FOUND, terminal.output
    shown = " ".join(terminal.stdout.split())
    assert "Division headings that changed" in shown and "No changes." not in shown
    assert "[-Obligations-]{+VOLUNTARY GUIDANCE ONLY, NOT BINDING+}" in shown
    assert "(was: Chapter" in shown  # the per-chapter table
    markdown = invoke("compare", old, new, "-f", "markdown").stdout
    assert "<del>Obligations</del><ins>VOLUNTARY GUIDANCE ONLY, NOT BINDING</ins>" in markdown
    html = invoke("compare", old, new, "-f", "html").stdout
    assert 'id="headings"' in html and "<ins>VOLUNTARY GUIDANCE ONLY, NOT BINDING</ins>" in html
    document = json.loads(invoke("compare", old, new, "-f", "json").stdout)
    schema = load_schema("compare")
    assert violations(document, schema, schema) == []
    assert [(d["outcome"], d["old"], d["new"], d["new_line"]) for d in document["divisions"]] == [
        ("modified", "Chapter II — Obligations", "Chapter II — VOLUNTARY GUIDANCE ONLY, NOT BINDING", 8)]
    summary = document["summary"]
    assert summary["words_old"] - summary["words_deleted"] + summary["words_inserted"] == summary["words_new"]
    check = invoke("check", old, new, "--fail-on", "modified", "--fail-on", "substantive")
    assert check.exit_code == ExitCode.FOUND, check.output
    assert "heading Chapter II — Obligations → Chapter II — VOLUNTARY GUIDANCE ONLY, NOT BINDING" in check.stdout
    assert "new.txt:8" in check.stdout


def test_case_only_is_editorial_and_ignored_with_ignore_case() -> None:
    shouting = DRAFT.format(second="OBLIGATIONS", third=THIRD)
    found = comparison(OLD, shouting)
    assert [(d.outcome, d.editorial_only) for d in found.divisions] == [(Outcome.MODIFIED, True)]
    assert comparison(OLD, shouting, DiffOptions(ignore=frozenset({"case"}))).divisions == ()


def test_added_and_removed_divisions_mirror_each_other() -> None:
    without = DRAFT.format(second="Obligations", third="")
    forward, backward = comparison(OLD, without), comparison(without, OLD)
    assert [(d.outcome, d.old) for d in forward.divisions] == [(Outcome.REMOVED, "Chapter III — Final clauses")]
    assert [(d.outcome, d.new) for d in backward.divisions] == [(Outcome.ADDED, "Chapter III — Final clauses")]
    assert comparison(OLD, RETITLED).divisions[0].old == comparison(RETITLED, OLD).divisions[0].new


def test_selections_keep_the_headings_they_name() -> None:
    found = comparison(OLD, RETITLED)
    assert select(found, Selection(chapters=("Chapter II",))).divisions == found.divisions
    assert select(found, Selection(chapters=("Final clauses",))).divisions == ()
    assert select(found, Selection(articles=("2",))).divisions == ()  # a heading is no article


def test_a_renumbered_chapter_is_renumbered() -> None:
    renumbered = OLD.replace("Chapter II —", "Chapter IIA —")
    assert [d.outcome for d in comparison(OLD, renumbered).divisions] == [Outcome.RENUMBERED]


def _adds_up(found: Comparison) -> int:
    t = found.totals
    return t.words_old - t.words_deleted + t.words_inserted - t.words_new


@pytest.mark.parametrize(("old", "new"), [("zero-draft", "revised-draft"), ("revised-draft", "final-text"),
                                          ("zero-draft", "final-text")])
def test_word_totals_add_up_on_the_fixtures(old: str, new: str) -> None:
    """Before: off by the words of the retitled chapters (zero draft -> revised draft: 21 words)."""
    drafts = load(CONVENTION / f"{old}.md"), load(CONVENTION / f"{new}.md")
    assert _adds_up(compare(*drafts)) == 0
    assert _adds_up(compare(*reversed(drafts))) == 0


REAL_PAIRS = [
    # each was off before: retitled "Titre"s and a heading repeated (two "Titre XIV"); a whole text's language
    # counted as a word; words joined by a change of spaces only; a run that ends inside a word
    ("fr-constitution-1958/v2-2000-10-03.md", "fr-constitution-1958/v3-2008-07-25.md"),
    ("coe-anti-doping-convention/v1-2011-01-01.md", "coe-anti-doping-convention/v2-2013-01-01.md"),
]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize(("old", "new"), REAL_PAIRS)
def test_word_totals_add_up_on_real_drafts(old: str, new: str) -> None:
    assert _adds_up(compare(load(CORPUS / old), load(CORPUS / new))) == 0
