"""``treatydiff compare`` through click's CliRunner, and its two renderers on a Comparison built by hand.

The renderer tests use a small hand-made Comparison (``made_comparison``) so that they test presentation
only, whatever the aligner decides; the CLI tests run the real pipeline on the convention fixtures.
The JSON output is checked against the shipped schema with a small validator written here (the schema uses
only type, const, enum, required, properties, additionalProperties, items, prefixItems, min/maxItems,
minimum, maximum and local $ref), so the test extra needs no ``jsonschema``.
"""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console
from schema_check import load_schema, violations

from treatydiff import cli as cli_module
from treatydiff.cli import Env, cli
from treatydiff.compare import totals
from treatydiff.errors import ExitCode
from treatydiff.load import load_text
from treatydiff.model import (
    ArticleChange,
    Comparison,
    Draft,
    Edit,
    Flag,
    FlagKind,
    Kind,
    Match,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
)
from treatydiff.render import COMPARE, plain_console, render_comparison
from treatydiff.render.compare_json import compare_document
from treatydiff.select import Selection, select

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "convention"
ZERO = FIXTURES / "zero-draft.md"
FINAL = FIXTURES / "final-text.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

OLD_TEXT = """\
Chapter I
General provisions

Article 1
Scope

1. This Convention applies to coastal wetlands.

2. Each State Party shall adopt such measures as may be necessary [to protect them].

Article 2
Use of terms

For the purposes of this Convention, "wetland" means an area of marsh.

Chapter II
Cooperation

Article 3
Exchange of information

States Parties shall exchange information.
"""

NEW_TEXT = """\
Chapter I
General provisions

Article 1
Scope

1. This Convention applies to coastal wetlands.

2. Each State Party may adopt such measures as may be necessary.

Article 2
Use of terms

For the purposes of this Convention, "wetland" means an area of marsh.

Chapter II
Cooperation

Article 3
Technical assistance

States Parties shall provide technical assistance.
"""


def invoke(*args: str | Path, input: str | None = None) -> Result:
    """Run ``treatydiff ARGS`` as a shell would, without NO_COLOR/FORCE_COLOR in the environment."""
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, obj=Env(environ={}))


# --- a Comparison made by hand ----------------------------------------------------------------------------


def provision(draft: Draft, number: str) -> Provision:
    return next(p for p in draft.provisions() if p.node.label == number)


def made_comparison() -> Comparison:
    """Article 1 modified (shall -> may, brackets dropped), 2 unchanged, old 3 removed, new 3 added."""
    old = load_text(OLD_TEXT, source="old.txt", format="txt", label="Zero draft")
    new = load_text(NEW_TEXT, source="new.txt", format="txt", label="Rev.1")
    para_1 = ParagraphChange(Outcome.UNCHANGED, "1.", "1.", (Edit(Op.EQUAL, "This Convention applies to coastal wetlands."),))
    para_2 = ParagraphChange(Outcome.MODIFIED, "2.", "2.", (
        Edit(Op.EQUAL, "Each State Party "), Edit(Op.DELETE, "shall"), Edit(Op.INSERT, "may"),
        Edit(Op.EQUAL, " adopt such measures as may be necessary"), Edit(Op.DELETE, " [to protect them]"),
        Edit(Op.EQUAL, "."),
    ))
    modified = ArticleChange(
        Match(Outcome.MODIFIED, (provision(old, "1"),), (provision(new, "1"),), 0.8712),
        (para_1, para_2),
        (Flag(FlagKind.OBLIGATION_WEAKENED, "shall", "may", "2."), Flag(FlagKind.BRACKETS_RESOLVED, "[to protect them]", "", "2.")),
        False, words_inserted=1, words_deleted=4,
    )
    term = "For the purposes of this Convention, \"wetland\" means an area of marsh."
    unchanged = ArticleChange(
        Match(Outcome.UNCHANGED, (provision(old, "2"),), (provision(new, "2"),), 1.0),
        (ParagraphChange(Outcome.UNCHANGED, "", "", (Edit(Op.EQUAL, term),)),), (), True,
    )
    removed = ArticleChange(
        Match(Outcome.REMOVED, (provision(old, "3"),), (), 0.0),
        (ParagraphChange(Outcome.REMOVED, "", "", (Edit(Op.DELETE, "States Parties shall exchange information."),)),),
        (), False, words_deleted=5,
    )
    added = ArticleChange(
        Match(Outcome.ADDED, (), (provision(new, "3"),), 0.0, "new in Rev.1"),
        (ParagraphChange(Outcome.ADDED, "", "", (Edit(Op.INSERT, "States Parties shall provide technical assistance."),)),),
        (), False, words_inserted=6,
    )
    changes = (modified, unchanged, removed, added)
    return Comparison(old, new, changes, totals(changes))


def terminal(comparison: Comparison, console: Console, show_unchanged: bool = False) -> str:
    return COMPARE.get("terminal")(comparison, RenderOptions(show_unchanged=show_unchanged), console)


# --- the JSON schema, and a validator just big enough for it ----------------------------------------------


def schema() -> dict[str, Any]:
    return load_schema("compare")


def assert_valid(document: Any) -> None:
    root = schema()
    assert violations(document, root, root) == []


def test_validator_catches_a_broken_document() -> None:
    document = compare_document(made_comparison())
    document["changes"][0]["outcome"] = "rewritten"
    del document["summary"]["words_deleted"]
    document["changes"][0]["paragraphs"][1]["edits"][0] = ["equal"]
    root = schema()
    problems = violations(document, root, root)
    assert len(problems) == 3, problems


def test_schema_enums_follow_the_model() -> None:
    defs = schema()["$defs"]
    assert defs["outcome"]["enum"] == [o.value for o in Outcome]
    assert defs["flag"]["properties"]["kind"]["enum"] == [k.value for k in FlagKind]


# --- renderers on the hand-made comparison ----------------------------------------------------------------


def test_json_follows_the_contract() -> None:
    document = json.loads(render_comparison(made_comparison(), "json"))
    assert_valid(document)
    assert list(document) == ["schema_version", "old", "new", "summary", "warnings", "changes", "language",
                              "divisions"]
    assert document["old"] == {"source": "old.txt", "label": "Zero draft", "format": "txt", "language": "en",
                               "articles": 3, "annexes": 0, "placeholders": 0, "warnings": []}
    summary = document["summary"]
    assert [summary[o.value] for o in Outcome] == [1, 1, 0, 0, 1, 1, 0, 0]
    assert (summary["words_inserted"], summary["words_deleted"]) == (7, 9)
    assert summary["per_chapter"]["Chapter I — General provisions"]["modified"] == 1
    first = document["changes"][0]
    assert list(first)[:8] == ["outcome", "old", "new", "similarity", "editorial_only", "flags", "paragraphs", "note"]
    assert first["similarity"] == 0.871
    assert first["old"][0] == {"kind": "article", "number": "1", "title": "Scope",
                               "path": ["Chapter I — General provisions"], "line": 4, "deleted": False}
    assert first["flags"][0] == {"kind": "obligation-weakened", "old": "shall", "new": "may", "paragraph": "2.",
                                 "severity": "high", "note": ""}
    assert first["paragraphs"][1]["edits"][:3] == [["equal", "Each State Party "], ["delete", "shall"], ["insert", "may"]]
    assert (first["paragraphs"][1]["old"], first["paragraphs"][1]["new"]) == ("2.", "2.")
    assert document["changes"][3]["note"] == "new in Rev.1"


def test_terminal_plain_uses_word_diff_markers() -> None:
    text = terminal(made_comparison(), plain_console(width=100))
    assert not ANSI.search(text)
    assert "Zero draft → Rev.1" in text
    assert "Each State Party [-shall-]{+may+} adopt" in text
    assert "[- [to protect" in text  # square brackets of the draft are text, not Rich markup
    assert "⚑ high obligation-weakened: shall → may (para 2.)" in text
    assert "… 1 unchanged paragraph" in text
    assert "Art. 1 — Scope" in text
    assert "Chapter I — General provisions" in text
    assert "{+States Parties shall provide technical assistance.+}" in text
    assert "[-States Parties shall exchange information.-]" in text
    assert "Art. 2 — Use of terms" not in text  # unchanged articles are left out


def test_terminal_summary_counts_every_outcome() -> None:
    text = terminal(made_comparison(), plain_console(width=100))
    for outcome in Outcome:
        assert re.search(rf"\b{outcome.value}\s+\d+", text), outcome
    assert re.search(r"words inserted\s+7", text)
    assert re.search(r"share of text changed\s+\d+\.\d%", text)


def test_terminal_show_unchanged_lists_them() -> None:
    text = terminal(made_comparison(), plain_console(width=100), show_unchanged=True)
    assert "= Art. 2 — Use of terms" in text


def test_terminal_in_colour_styles_instead_of_markers() -> None:
    console = Console(file=StringIO(), width=100, force_terminal=True, color_system="standard", markup=False,
                      highlight=False, emoji=False)
    text = terminal(made_comparison(), console)
    assert ANSI.search(text)
    assert "[-shall-]" not in text
    codes = re.search(r"\x1b\[([0-9;]*)mshall", text)
    assert codes and {"9", "31"} <= set(codes.group(1).split(";"))  # struck through, red on a 16-colour terminal


def test_titles_for_renumbering_split_and_merge() -> None:
    comparison = made_comparison()
    old, new = comparison.old, comparison.new
    renumbered = ArticleChange(Match(Outcome.RENUMBERED, (provision(old, "2"),), (provision(new, "3"),), 0.9), (), (), True)
    merged = ArticleChange(Match(Outcome.MERGED, (provision(old, "1"), provision(old, "2")), (provision(new, "1"),), 0.7), (), (), False)
    split = ArticleChange(Match(Outcome.SPLIT, (provision(old, "1"),), (provision(new, "1"), provision(new, "2")), 0.7), (), (), False)
    changes = (renumbered, merged, split)
    text = terminal(Comparison(old, new, changes, totals(changes)), plain_console(width=120))
    assert "Art. 2 → Art. 3" in text
    assert "[editorial only]" in text
    assert "Art. 1 + Art. 2 → Art. 1" in text
    assert "Art. 1 → Art. 1 + Art. 2" in text


def test_no_changes_says_so() -> None:
    comparison = made_comparison()
    kept = (comparison.changes[1],)
    text = terminal(Comparison(comparison.old, comparison.new, kept, totals(kept)), plain_console())
    assert "No changes." in text


# --- selection ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("articles", "chapters", "expected"),
    [
        (("1",), (), [Outcome.MODIFIED]),
        (("art. 2",), (), [Outcome.UNCHANGED]),
        (("3",), (), [Outcome.REMOVED, Outcome.ADDED]),
        (("2-3",), (), [Outcome.UNCHANGED, Outcome.REMOVED, Outcome.ADDED]),
        (("technical",), (), [Outcome.ADDED]),
        (("USE OF",), (), [Outcome.UNCHANGED]),
        (("1", "technical"), (), [Outcome.MODIFIED, Outcome.ADDED]),
        ((), ("II",), [Outcome.REMOVED, Outcome.ADDED]),
        ((), ("chapter 2",), [Outcome.REMOVED, Outcome.ADDED]),
        ((), ("cooperation",), [Outcome.REMOVED, Outcome.ADDED]),
        (("1-2",), ("general",), [Outcome.MODIFIED, Outcome.UNCHANGED]),
        (("9",), (), []),
    ],
)
def test_select(articles: tuple[str, ...], chapters: tuple[str, ...], expected: list[Outcome]) -> None:
    selected = select(made_comparison(), Selection(articles, chapters))
    assert [c.outcome for c in selected.changes] == expected
    assert sum(selected.totals.outcomes.values()) == len(expected)


def test_select_nothing_keeps_the_comparison() -> None:
    comparison = made_comparison()
    assert select(comparison, Selection()) is comparison


# --- the command line on the convention fixtures --------------------------------------------------------------


def test_identical_drafts_exit_0_even_with_exit_code() -> None:
    result = invoke("compare", ZERO, ZERO, "--exit-code", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert {c["outcome"] for c in document["changes"]} == {"unchanged"}


def test_changes_exit_0_without_exit_code() -> None:
    result = invoke("compare", ZERO, FINAL)
    assert result.exit_code == ExitCode.OK, result.stderr


def test_changes_exit_1_with_exit_code() -> None:
    result = invoke("compare", ZERO, FINAL, "--exit-code")
    assert result.exit_code == ExitCode.FOUND, result.stderr
    assert result.stderr == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke("compare", tmp_path / "nope.md", FINAL)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and "nope.md" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("--ignore", "spelling"), ("--format", "pdf"), ("--nope",), ()])
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    given: tuple[str | Path, ...] = (FINAL, *args) if args else ()  # no NEW at all: a missing argument
    result = invoke("compare", ZERO, *given)
    assert result.exit_code == ExitCode.ERROR
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")


def test_both_from_stdin_is_refused() -> None:
    result = invoke("compare", "-", "-", input="Article 1\n\nText.\n")
    assert result.exit_code == ExitCode.ERROR
    assert "standard input" in result.stderr


def test_json_validates_and_lists_every_article_once() -> None:
    result = invoke("compare", ZERO, FINAL, "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    document = json.loads(result.stdout)
    assert_valid(document)
    assert document["schema_version"] == 1
    for side in ("old", "new"):
        source = ZERO if side == "old" else FINAL
        listed = [(r["kind"], r["number"], r["line"]) for c in document["changes"] for r in c[side]]
        draft = load_text(source.read_text(encoding="utf-8"), format="md")
        expected = [(p.node.kind.value, p.node.label, p.node.line) for p in draft.provisions()]
        assert sorted(listed, key=str) == sorted(expected, key=str), side
    assert sum(document["summary"][o.value] for o in Outcome) == len(document["changes"])


def test_article_filter() -> None:
    result = invoke("compare", ZERO, FINAL, "-f", "json", "--article", "1", "--article", "annex I")
    document = json.loads(result.stdout)
    assert document["changes"]
    for change in document["changes"]:
        refs = change["old"] + change["new"]
        assert any((r["kind"], r["number"]) in {("article", "1"), ("annex", "I")} for r in refs), change


def _articles_only(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in changes if not all(r["kind"] == "annex" for r in c["old"] + c["new"])]


def test_an_annex_is_named_in_any_language_the_reader_knows() -> None:
    """"Anhang I" and "Schedule I" select Annex I as "annex I" does (they are annex words to the reader too)."""
    expected = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", "annex I").stdout)["changes"]
    assert any(r["kind"] == "annex" for c in expected for r in c["old"] + c["new"])
    for name in ("Anhang I", "Schedule I"):
        assert json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", name).stdout)["changes"] == expected


def test_article_range_and_title_filter() -> None:
    ranged = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", "5-9").stdout)
    assert _articles_only(ranged["changes"])
    for change in _articles_only(ranged["changes"]):
        assert any(r["kind"] == "article" and 5 <= int(re.match(r"\d+", r["number"])[0]) <= 9  # type: ignore[index]
                   for r in change["old"] + change["new"]), change
    titled = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", "USE OF TERMS").stdout)
    assert _articles_only(titled["changes"])
    assert all(any("use of terms" in r["title"].lower() for r in c["old"] + c["new"])
               for c in _articles_only(titled["changes"]))


def test_an_article_selection_keeps_the_annexes_unless_told_otherwise() -> None:
    kept = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", "5-9").stdout)
    assert any(r["kind"] == "annex" for c in kept["changes"] for r in c["old"] + c["new"])
    only = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--article", "5-9", "--part", "body").stdout)
    assert not any(r["kind"] == "annex" for c in only["changes"] for r in c["old"] + c["new"])


def test_a_selector_that_names_an_annex_keeps_no_other_annex() -> None:
    """(select itself, below the CLI's check that every selector names something)"""
    from treatydiff.compare import compare
    from treatydiff.load import load

    comparison = compare(load(ZERO), load(FINAL))
    only = select(comparison, Selection(articles=("5-9", "annex II"), keep_annexes=True))
    assert not any(p.node.kind is Kind.ANNEX for c in only.changes for p in (*c.match.old, *c.match.new))
    kept = select(comparison, Selection(articles=("5-9",), keep_annexes=True))
    assert any(p.node.kind is Kind.ANNEX for c in kept.changes for p in (*c.match.old, *c.match.new))


def test_part_body_leaves_out_the_preamble_and_part_preamble_keeps_only_it() -> None:
    body = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--part", "body").stdout)
    kinds = {r["kind"] for c in body["changes"] for r in c["old"] + c["new"]}
    assert "preamble" not in kinds and "annex" not in kinds and "article" in kinds
    preamble = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--part", "preamble").stdout)
    assert {r["kind"] for c in preamble["changes"] for r in c["old"] + c["new"]} == {"preamble"}


def test_flagged_shows_only_articles_with_flags_of_that_severity() -> None:
    every = json.loads(invoke("compare", ZERO, FINAL, "-f", "json").stdout)
    high = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--flagged", "--min-severity", "high").stdout)
    assert 0 < len(high["changes"]) < len(every["changes"])
    assert all(any(f["severity"] == "high" for f in c["flags"]) for c in high["changes"])
    expected = [c for c in every["changes"] if any(f["severity"] == "high" for f in c["flags"])]
    assert [c["new"] for c in high["changes"]] == [c["new"] for c in expected]


def test_chapter_filter() -> None:
    result = invoke("compare", ZERO, FINAL, "-f", "json", "--chapter", "final provisions")
    document = json.loads(result.stdout)
    assert document["changes"]
    for change in document["changes"]:
        assert any("FINAL PROVISIONS" in part for r in change["old"] + change["new"] for part in r["path"])
    by_number = json.loads(invoke("compare", ZERO, FINAL, "-f", "json", "--chapter", "VII").stdout)
    assert by_number["changes"] == document["changes"]


@pytest.mark.parametrize(("args", "nearest"), [
    (("--article", "999"), ""),
    (("--article", "Artcle 6"), "did you mean 'article 6'"),
    (("--chapter", "Final provisons"), "did you mean"),
])
def test_a_selector_that_names_nothing_is_an_error_with_the_nearest_names(args: tuple[str, str], nearest: str) -> None:
    """A typo must not read as "no changes" (exit 0 with --exit-code)."""
    result = invoke("compare", ZERO, FINAL, *args, "--exit-code")
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {args[0]}: {args[1]!r} names nothing in either draft") and nearest in line


def test_a_selector_that_names_an_unchanged_article_finds_no_change() -> None:
    result = invoke("compare", ZERO, ZERO, "--article", "6", "--exit-code")
    assert result.exit_code == ExitCode.OK, result.stderr


def test_plain_output_has_no_ansi_and_shows_markers() -> None:
    result = invoke("compare", ZERO, FINAL)
    assert not ANSI.search(result.stdout)
    assert "[-" in result.stdout and "{+" in result.stdout
    assert "zero-draft → final-text" in result.stdout


def test_color_always_uses_ansi() -> None:
    console = Console(file=StringIO(), width=100, force_terminal=True, color_system="standard", markup=False)
    result = CliRunner().invoke(cli, ["compare", str(ZERO), str(FINAL), "--color", "always"],
                                obj=Env(environ={}, console=console))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert ANSI.search(console.file.getvalue())  # type: ignore[attr-defined]


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "changes.json"
    result = invoke("compare", ZERO, FINAL, "-f", "json", "-o", target)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert_valid(json.loads(target.read_text(encoding="utf-8")))
    assert [p.name for p in tmp_path.iterdir()] == ["changes.json"]  # no temporary file left


def test_output_file_untouched_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "changes.txt"
    target.write_text("previous report\n", encoding="utf-8")
    result = invoke("compare", tmp_path / "missing.md", FINAL, "-o", target)
    assert result.exit_code == ExitCode.ERROR
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["changes.txt"]


def test_ignore_reaches_the_diff_options(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def fake(old: Draft, new: Draft, options: Any, jobs: int | None = None) -> Comparison:
        seen.append(options.ignore)
        return made_comparison()

    monkeypatch.setattr(cli_module, "run_compare", fake)
    result = invoke("compare", ZERO, FINAL, "--ignore", "case", "--ignore", "Quotes", "--exit-code")
    assert result.exit_code == ExitCode.FOUND
    assert seen == [frozenset({"case", "quotes"})]


@pytest.mark.parametrize(("fmt", "struck"), [("terminal", "[-"), ("markdown", "<del>"), ("html", "<del")])
def test_a_paragraph_unchanged_under_ignore_is_shown_plain_as_context(tmp_path: Path, fmt: str, struck: str) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text("### Article 1\n\n1. The Parties shall act.\n\n2. They shall report yearly.\n", encoding="utf-8")
    new.write_text("### Article 1\n\n1. THE PARTIES SHALL ACT.\n\n2. They shall report monthly.\n", encoding="utf-8")
    shown = invoke("compare", old, new, "-f", fmt, "--context", "1", "--ignore", "case", "--color", "never")
    assert shown.exit_code == 0, shown.output
    assert "THE PARTIES SHALL ACT" in shown.stdout and "yearly" in shown.stdout and "monthly" in shown.stdout
    assert shown.stdout.count(struck) == 1  # only "yearly" is struck through; the case change is not redlined
    plain = invoke("compare", old, new, "-f", fmt, "--context", "1", "--color", "never")
    assert plain.stdout.count(struck) == 2


# --- sections labelled as the draft prints them -------------------------------------------------------------

GESETZ = """\
# Gesetz über die Beispiele

### § 1 Zweck

Dieses Gesetz regelt die Beispiele.

### § 2 Pflichten

(1) Die Behörde muss jährlich berichten.

### §§ 3 bis 4 (weggefallen)

### § 5 Inkrafttreten

Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.
"""


def test_a_german_statutes_sections_are_reported_as_it_prints_them(tmp_path: Path) -> None:
    """"§ 2" in every report, not "Art. 2"; "Artikel" (German and Dutch) stays "Art."; --article takes "§ 2"."""
    old, new = tmp_path / "alt.md", tmp_path / "neu.md"
    old.write_text(GESETZ, encoding="utf-8")
    new.write_text(GESETZ.replace("muss jährlich", "kann jährlich"), encoding="utf-8")
    result = invoke("compare", old, new, "--concordance", "--color", "never")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Art." not in result.stdout
    assert re.search(r"^ § 2 +high +obligation-weakened: muss → kann", result.stdout, re.M)
    assert "─  § 2 — Pflichten  ─" in result.stdout
    assert re.search(r"^ § 5 +§ 5 +unchanged", result.stdout, re.M)
    markdown = invoke("compare", old, new, "-f", "markdown").stdout
    assert "§ 2 — Pflichten" in markdown and "Art. 2" not in markdown
    document = json.loads(invoke("compare", old, new, "-f", "json").stdout)
    assert {ref.get("designation") for change in document["changes"] for ref in change["old"]} == {"§"}
    selected = invoke("compare", old, new, "--article", "§ 2", "--color", "never")
    assert selected.exit_code == ExitCode.OK, selected.stderr
    assert "§ 2 — Pflichten" in selected.stdout
    assert "§ 1 — Zweck" in invoke("outline", old).stdout
    for text in ("### Artikel 2 Pflichten\n\n(1) Die Behörde muss berichten.\n",  # German
                 "### Artikel 2 Verplichtingen\n\n1. De Staten moeten rapporteren.\n"):  # Dutch
        [article] = load_text(text, format="md").articles()
        assert article.node.designation == "" and article.node.number_word == "Art."
