"""``treatydiff history``: lineages across n drafts, their invariants, the four renderers and the command.

Golden files: the history of the convention fixtures (zero draft, revised draft, final text) as plain terminal
text, Markdown and HTML in ``fixtures/convention/expected/history.{txt,md,html}``. Regenerate them after an
intended change with::

    TREATYDIFF_REGEN=1 python -m pytest tests/test_history.py

and review their diff like any other change. Corpus tests read ``../shared/corpus`` and skip without it.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import shutil
from collections import Counter
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.console import Console
from schema_check import load_schema, violations

from treatydiff.cli import Env, cli, expand_drafts
from treatydiff.compare import compare
from treatydiff.errors import ExitCode, LoadError
from treatydiff.history import History, chain, history, load_drafts, load_history, select
from treatydiff.model import DiffOptions, Draft, FlagKind, Kind, LoadOptions, Outcome, RenderOptions
from treatydiff.render import HISTORY, render_history
from treatydiff.render import history_common as common
from treatydiff.render.history_json import history_document

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "convention"
NAMES = ("zero-draft", "revised-draft", "final-text")
PATHS = [CASE / f"{name}.md" for name in NAMES]
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"
CORPUS = ROOT.parent / "shared" / "corpus"
AI_ACT = sorted((CORPUS / "eu-ai-act-council-drafts").glob("*.md"))
ANTI_DOPING = sorted((CORPUS / "coe-anti-doping-convention").glob("*.md"))


@pytest.fixture(scope="module")
def drafts() -> tuple[Draft, ...]:
    """The three fixture drafts, with their sources relative to the repository (the same on every machine)."""
    return tuple(replace(d, source=p.relative_to(ROOT).as_posix()) for d, p in zip(load_drafts(PATHS, jobs=1), PATHS,
                                                                                  strict=True))


@pytest.fixture(scope="module")
def fixture_history(drafts: tuple[Draft, ...]) -> History:
    return history(drafts)


def plain(width: int = 100) -> Console:
    return Console(file=StringIO(), width=width, color_system=None, force_terminal=False)


# --- invariants ----------------------------------------------------------------------------------------------


def assert_lineage_invariants(h: History) -> None:
    """Each provision of each draft lies in exactly one lineage cell; links point at existing lineages."""
    for index, draft in enumerate(h.drafts):
        expected = Counter(id(p.node) for p in draft.provisions())
        found = Counter(id(x.cells[index].provision.node) for x in h.lineages  # type: ignore[union-attr]
                        if x.cells[index].provision is not None)
        assert found == expected, f"draft {index}: provisions in no lineage or in two"
    for lineage in h.lineages:
        assert len(lineage.cells) == len(h.drafts)
        alive = [c.provision is not None for c in lineage.cells]
        assert any(alive)
        assert all(alive[lineage.first:lineage.last + 1]), "a lineage has a gap"
        for link in (lineage.parent, lineage.into):
            if link is not None:
                assert 0 <= link[0] < len(h.lineages) and 0 < link[1] < len(h.drafts)
        if lineage.ended is not None:
            assert lineage.last + 1 < len(h.drafts)


def assert_matrix_is_the_chained_comparisons(h: History, steps: range | None = None) -> None:
    """For each step (or those of ``steps``), the cells' outcomes are those of ``compare(d[i-1], d[i])`` for the
    same provisions; a provision that a fresh comparison removes ends its lineage there with ``ended``."""
    where = {(i, id(c.provision.node)): (k, c) for k, x in enumerate(h.lineages)
             for i, c in enumerate(x.cells) if c.provision is not None}
    for i in steps or range(1, len(h.drafts)):
        for change in compare(h.drafts[i - 1], h.drafts[i]).changes:
            for provision in change.match.new:
                _, cell = where[(i, id(provision.node))]
                assert cell.outcome is change.outcome
                assert cell.change is not None and cell.change.match.old == change.match.old
            if not change.match.new:
                for provision in change.match.old:
                    k, _ = where[(i - 1, id(provision.node))]
                    assert h.lineages[k].last == i - 1 and h.lineages[k].ended is not None
            if change.outcome is Outcome.MERGED:
                heads = [where[(i - 1, id(p.node))][0] for p in change.match.old]
                for other in heads[1:]:
                    into = h.lineages[other].into
                    assert into is not None and into[1] == i
            if change.outcome is Outcome.SPLIT:
                head = where[(i, id(change.match.new[0].node))][0]
                for piece in change.match.new[1:]:
                    assert h.lineages[where[(i, id(piece.node))][0]].parent == (head, i)


def test_fixture_lineages_keep_the_invariants(fixture_history: History) -> None:
    assert_lineage_invariants(fixture_history)
    assert_matrix_is_the_chained_comparisons(fixture_history)


def test_lineages_stand_in_document_order(fixture_history: History) -> None:
    """A provision added later stands right after the one before it in its draft, not at the bottom."""
    names = [common.lineage_ref(x) for x in fixture_history.lineages]
    assert names.index("Art. 4") == names.index("Art. 3") + 1  # added in the revised draft, after 3
    assert names.index("Art. 18") == names.index("Art. 17") + 1  # added in the final text
    assert names.index("Art. 23") == names.index("Art. 22") + 1  # the second piece of a split of 19 (D1)
    assert names[0] == "Preamble" and names[-1] == "Annex I"


def test_fixture_story(fixture_history: History) -> None:
    """What the convention's history shows: split, merge, removals, additions, and each step counted."""
    by_title = {x.title: x for x in fixture_history.lineages}
    requests = by_title["Requests for mutual legal assistance"]
    assert requests.first == 1 and requests.parent is not None
    assert common.lineage_ref(fixture_history.lineages[requests.parent[0]]) == "Art. 22"
    education = by_title["Education and awareness"]
    assert education.into is not None and education.ended is not None and education.last == 0
    transfer = by_title["Transfer of proceedings"]
    assert transfer.ended is not None and transfer.ended.outcome is Outcome.REMOVED and transfer.into is None
    reservations = by_title["Reservations"]
    # the placeholder took the place of the article's text: its powers went with it, a flag ("!")
    assert [common.cell_text(reservations, i) for i in range(3)] == ["36", "(36) \u00d7!", "\u00d7"]
    assert [s.comparison.totals.outcomes["added"] for s in fixture_history.steps] == [1, 1]
    assert 0.9 < fixture_history.survival < 1


def test_history_needs_two_drafts(drafts: tuple[Draft, ...]) -> None:
    with pytest.raises(ValueError):
        history(drafts[:1])


def test_chain_of_a_draft_with_itself_is_all_unchanged(drafts: tuple[Draft, ...]) -> None:
    same = chain([drafts[0], drafts[0]], [compare(drafts[0], drafts[0])])
    assert all(x.cells[1].outcome is Outcome.UNCHANGED and not x.cells[1].substantive for x in same)
    assert len(same) == sum(1 for _ in drafts[0].provisions())


# --- loading ------------------------------------------------------------------------------------------------


def test_parallel_load_equals_sequential_load() -> None:
    sequential = load_drafts(PATHS, jobs=1)
    parallel = load_drafts(PATHS, jobs=2)
    assert [d.nodes for d in parallel] == [d.nodes for d in sequential]
    ticks: list[int] = []
    load_drafts(PATHS, jobs=2, progress=ticks.append)
    assert ticks == [1, 1, 1]


def test_two_drafts_are_read_as_compare_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair goes through ``load.load_two`` (at once where both files are large): the same drafts, a tick each."""
    load_module = importlib.import_module("treatydiff.load")
    small = PATHS[:2]
    monkeypatch.setattr(load_module, "PAIR_FORK_WEIGHT", 1)
    ticks: list[int] = []
    pooled = load_drafts(small, jobs=2, progress=ticks.append)
    assert [d.nodes for d in pooled] == [d.nodes for d in load_drafts(small, jobs=1)]
    assert ticks == [1, 1]


def test_a_bad_draft_in_a_worker_raises_its_load_error(tmp_path: Path) -> None:
    """The error comes back from the worker with its file (pickle cannot rebuild it by itself: the pool
    reported a broken process instead)."""
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_drafts([PATHS[0], empty, PATHS[2]], jobs=2)
    assert caught.value.source.endswith("empty.md") and caught.value.hint


# --- selection (--article) ----------------------------------------------------------------------------------


def test_select_keeps_matching_lineages_and_their_links(fixture_history: History) -> None:
    chosen = select(fixture_history, ["Requests for mutual legal assistance"])
    assert chosen.selection == ("Requests for mutual legal assistance",)
    titles = [x.title for x in chosen.lineages]
    assert titles == ["Mutual legal assistance", "Requests for mutual legal assistance"]  # the split's source too
    assert chosen.lineages[1].parent == (0, 1)
    kept = {id(c.change) for x in chosen.lineages for c in x.cells if c.change}
    for step in chosen.steps:
        assert {id(c) for c in step.comparison.changes} <= kept
        assert sum(step.comparison.totals.outcomes.values()) == len(step.comparison.changes)
    assert select(fixture_history, []) is fixture_history


def test_select_by_number_in_any_draft(fixture_history: History) -> None:
    """``4`` is Art. 4 of the zero draft (5 later) and the new Art. 4 of the revised draft."""
    chosen = select(fixture_history, ["4"])
    assert sorted(x.title for x in chosen.lineages) == ["Precautionary approach", "Protection of sovereignty"]


def test_select_keeps_the_ending_of_a_removed_lineage(fixture_history: History) -> None:
    chosen = select(fixture_history, ["transfer of proceedings"])
    assert len(chosen.lineages) == 1 and chosen.lineages[0].ended is not None
    assert [c.outcome for c in chosen.steps[0].comparison.changes] == [Outcome.REMOVED]


# --- renderers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("format_name", "suffix"), [("terminal", "txt"), ("markdown", "md"), ("html", "html")])
def test_golden_history(fixture_history: History, format_name: str, suffix: str) -> None:
    got = render_history(fixture_history, format_name, console=plain())
    golden = CASE / "expected" / f"history.{suffix}"
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run TREATYDIFF_REGEN=1 python -m pytest tests/test_history.py"
    assert got == golden.read_text(encoding="utf-8")


def test_registry_offers_the_four_formats() -> None:
    assert HISTORY.names() == ("terminal", "json", "html", "markdown")


def test_terminal_matrix_folds_to_the_width(fixture_history: History) -> None:
    text = render_history(fixture_history, "terminal", console=plain(60))
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 60
    assert "Matrix (1/2)" in text and "Matrix (2/2)" in text
    assert text.count("Art. 4 Precaution") == 2  # the lineage column repeats in each part
    assert "…" not in text.split("Matrix (1/2)")[1].splitlines()[2]  # column headings are whole


def test_terminal_colours_repeat_the_symbols(fixture_history: History) -> None:
    console = Console(file=StringIO(), width=120, color_system="truecolor", force_terminal=True)
    coloured = render_history(fixture_history, "terminal", console=console)
    assert "\x1b[" in coloured and "⋔" in coloured and "~!" not in coloured.replace("\x1b", "")  # ! styled apart


def test_timeline_shows_each_step_with_its_redline(fixture_history: History) -> None:
    chosen = select(fixture_history, ["Requests for mutual legal assistance"])
    text = render_history(chosen, "terminal", console=plain())
    assert "D2 revised-draft: 22 — split (split from Art. 22 Mutual legal assistance)" in text
    assert "[split]" in text and "{+" in text  # the compare report's panel and redline
    markdown = render_history(chosen, "markdown")
    assert "### D2 revised\\-draft: 22 — split" in markdown.replace("&gt;", ">") or "### D2 revised" in markdown
    assert "<ins>" in markdown
    html = render_history(chosen, "html")
    assert "<ins>" in html and 'class="lineage"' in html


def test_timeline_of_nothing(fixture_history: History) -> None:
    chosen = select(fixture_history, ["no such article"])
    assert "No provision matches no such article." in render_history(chosen, "terminal", console=plain())
    assert history_document(chosen)["lineages"] == []


def test_html_escapes_treaty_text_and_scrolls_the_matrix(drafts: tuple[Draft, ...]) -> None:
    hostile = (replace(drafts[0], label="<script>alert(1)</script>"), *drafts[1:])
    page = render_history(history(hostile), "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "position: sticky" in page and "overflow: auto" in page and '<body class="wide">' in page


# --- JSON and its schema ------------------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    return load_schema("history")


def assert_valid(document: Any) -> None:
    root = schema()
    assert violations(document, root, root) == []


def test_json_follows_the_schema(fixture_history: History) -> None:
    document = json.loads(render_history(fixture_history, "json"))
    assert_valid(document)
    assert list(document) == ["schema_version", "drafts", "selection", "survival", "steps", "lineages"]
    assert [d["label"] for d in document["drafts"]] == list(NAMES)
    assert [(s["from"], s["to"]) for s in document["steps"]] == [(0, 1), (1, 2)]
    assert all(len(x["cells"]) == 3 for x in document["lineages"])
    first = document["lineages"][1]["cells"]
    assert first[0] == {"number": "1", "kind": "article", "title": "Purpose", "outcome": None, "flags": [],
                        "substantive": False, "deleted": False, "line": first[0]["line"]}
    merged = [x for x in document["lineages"] if x["into"]]
    assert merged and merged[0]["ended"] == {"draft": 1, "outcome": "merged"}
    assert "change" not in first[0]


def test_json_of_a_selection_carries_each_step_change(fixture_history: History) -> None:
    document = history_document(select(fixture_history, ["Transfer of proceedings"]))
    assert_valid(document)
    (lineage,) = document["lineages"]
    assert lineage["cells"][0]["change"] is None
    assert lineage["ended"]["change"]["outcome"] == "removed"


def test_validator_catches_a_broken_document(fixture_history: History) -> None:
    document = history_document(fixture_history)
    document["lineages"][0]["cells"][1]["outcome"] = "rewritten"
    document["lineages"][0]["parent"] = [1]
    del document["steps"][0]["summary"]["flagged"]
    root = schema()
    assert len(violations(document, root, root)) == 3


def test_schema_enums_follow_the_model() -> None:
    defs = schema()["$defs"]
    assert defs["cell"]["properties"]["outcome"]["enum"] == [o.value for o in Outcome] + [None]
    assert defs["cell"]["properties"]["flags"]["items"]["enum"] == [k.value for k in FlagKind]
    assert defs["outcome"]["enum"] == [o.value for o in Outcome]


# --- the command --------------------------------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj=Env(environ={}, is_terminal=False))


def test_cli_history_prints_the_matrix() -> None:
    result = run("history", *map(str, PATHS))
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith("History of 3 drafts")
    assert "Matrix" in result.stdout and "Per step" in result.stdout and "survives" in result.stdout
    assert result.stderr == ""  # no progress bar outside a terminal


def test_cli_history_of_a_folder_sorts_by_name(tmp_path: Path) -> None:
    for name, path in zip(("rev10", "rev2", "rev1"), reversed(PATHS), strict=True):
        shutil.copy(path, tmp_path / f"{name}.md")
    (tmp_path / ".hidden.md").write_text("not a draft", encoding="utf-8")
    (tmp_path / "notes.pdf.part").write_text("not a draft", encoding="utf-8")
    assert [Path(p).name for p in expand_drafts([str(tmp_path)], "given")] == ["rev1.md", "rev2.md", "rev10.md"]
    result = run("history", str(tmp_path), "-f", "json")
    assert result.exit_code == ExitCode.OK, result.output
    assert [d["label"] for d in json.loads(result.stdout)["drafts"]] == ["rev1", "rev2", "rev10"]


def test_cli_history_of_a_glob_and_sort_name(tmp_path: Path) -> None:
    pattern = str(CASE / "*-*.md")  # zero-draft, revised-draft, final-text, by name
    assert [Path(p).stem for p in expand_drafts([pattern], "given")] == ["final-text", "revised-draft", "zero-draft"]
    given = [str(p) for p in PATHS]
    assert expand_drafts(given, "given") == given
    assert [Path(p).stem for p in expand_drafts(given, "name")] == ["final-text", "revised-draft", "zero-draft"]
    result = run("history", pattern, "-f", "markdown")
    assert result.exit_code == ExitCode.OK and result.stdout.startswith("# History: final-text")
    missing = run("history", str(tmp_path / "*.md"), str(PATHS[0]))
    assert missing.exit_code == ExitCode.ERROR and "no file matches this pattern" in missing.stderr


def test_cli_history_article_timeline() -> None:
    result = run("history", *map(str, PATHS), "--article", "Precautionary approach")
    assert result.exit_code == ExitCode.OK, result.output
    assert "History of 3 drafts — Precautionary approach: 1 lineage" in result.stdout
    assert "D2 revised-draft: 4 — added" in result.stdout and "D3 final-text: 4 — unchanged" in result.stdout


@pytest.mark.parametrize(("selector", "drafts", "nearest"), [
    ("Artcle 6", 3, "nothing in any draft — did you mean 'article 6'"),
    ("999", 2, "nothing in either draft — give a number"),
])
def test_cli_history_article_that_names_nothing_is_an_error_with_the_nearest_names(
    tmp_path: Path, selector: str, drafts: int, nearest: str
) -> None:
    """A typo must not read as a history with nothing in it (before: exit 0, "No provision matches")."""
    target = tmp_path / "history.json"
    result = run("history", *map(str, PATHS[:drafts]), "--article", "4", "--article", selector, "-o", str(target))
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: --article: {selector!r} names ") and nearest in line
    assert not target.exists()
    added_later = run("history", *map(str, PATHS), "--article", "Precautionary approach", "-f", "json")
    assert added_later.exit_code == ExitCode.OK, added_later.stderr  # a provision of a later draft only is a name


def test_cli_history_writes_atomically_in_the_format_of_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "history.json"
    result = run("history", *map(str, PATHS), "-o", str(target))
    assert result.exit_code == ExitCode.OK and result.stdout == ""
    assert_valid(json.loads(target.read_text(encoding="utf-8")))
    page = tmp_path / "history.html"
    assert run("history", *map(str, PATHS), "-o", str(page)).exit_code == ExitCode.OK
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.html", "history.json"]


def test_cli_history_bad_draft_is_one_error_line_and_nothing_written(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    target = tmp_path / "out.md"
    result = run("history", str(PATHS[0]), str(empty), str(PATHS[2]), "--jobs", "2", "-o", str(target))
    assert result.exit_code == ExitCode.ERROR
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "empty.md" in errors[0] and "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("args", [
    ("history", "one.md"),
    ("history", "-", "-", "x.md"),
    ("history", "a.md", "b.md", "-o", "x.svg"),
    ("history", "a.md", "b.md", "--jobs", "0"),
    ("history", "a.md", "b.md", "-f", "svg"),
])
def test_cli_history_usage_errors(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_cli_history_missing_file() -> None:
    result = run("history", str(PATHS[0]), "nowhere.md")
    assert result.exit_code == ExitCode.ERROR and "nowhere.md" in result.stderr


# --- the pool: loads and comparisons in worker processes --------------------------------------------------


def assert_no_workers_left() -> None:
    assert multiprocessing.active_children() == []


def test_parallel_history_is_the_sequential_one() -> None:
    """Loading and comparing in two processes gives the History of ``jobs=1``, provisions shared by identity
    (the invariants count ``id(node)``); the progress advances once per load and once per pair."""
    calls: list[int] = []
    sequential = load_history(PATHS, jobs=1)
    parallel = load_history(PATHS, jobs=2, progress=calls.append)
    assert_no_workers_left()
    assert parallel == sequential
    assert_lineage_invariants(parallel)
    assert all(s.comparison.old is parallel.drafts[s.index - 1] and s.comparison.new is parallel.drafts[s.index]
               for s in parallel.steps)
    assert calls == [1] * (2 * len(PATHS) - 1)
    render = render_history(parallel, "terminal", console=plain())
    assert render == render_history(sequential, "terminal", console=plain())


def test_parallel_history_of_loaded_drafts_keeps_them(drafts: tuple[Draft, ...], fixture_history: History) -> None:
    calls: list[int] = []
    parallel = history(drafts, jobs=2, progress=calls.append)
    assert_no_workers_left()
    assert parallel == fixture_history
    assert all(a is b for a, b in zip(parallel.drafts, drafts, strict=True))
    assert_lineage_invariants(parallel)
    assert calls == [1] * (len(drafts) - 1)


def test_parallel_history_passes_the_options_through() -> None:
    """The load options reach the workers that load, the diff options those that compare (a time budget of 0:
    every redline falls back, and says so)."""
    spent = DiffOptions(time_budget=0.0, ignore=frozenset({"case"}))
    parallel = load_history(PATHS, LoadOptions(language="fr"), spent, jobs=2)
    assert parallel == load_history(PATHS, LoadOptions(language="fr"), spent, jobs=1)
    assert {d.language for d in parallel.drafts} == {"fr"}
    assert all(any("time budget" in str(w) for w in s.comparison.warnings) for s in parallel.steps)


def test_parallel_history_reports_the_first_bad_draft(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.md", tmp_path / "blank.md"
    empty.write_text("", encoding="utf-8")
    blank.write_text("  \n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.md"):
        load_history([PATHS[0], empty, PATHS[1], blank, PATHS[2]], jobs=2)
    assert_no_workers_left()
    with pytest.raises(LoadError, match=r"blank\.md"):
        load_history([PATHS[0], PATHS[1], PATHS[2], PATHS[0], blank], jobs=2)
    assert_no_workers_left()


def test_cli_history_reads_standard_input_in_the_parent() -> None:
    """Workers have no standard input: ``-`` is read by the command's own process, the rest in the workers."""
    text = PATHS[0].read_text(encoding="utf-8")
    results = [CliRunner().invoke(cli, ["history", "-", str(PATHS[1]), str(PATHS[2]), "-f", "json", "--jobs", jobs],
                                  input=text, obj=Env(environ={}, is_terminal=False)) for jobs in ("2", "1")]
    assert [r.exit_code for r in results] == [ExitCode.OK, ExitCode.OK], results[0].output
    assert results[0].stdout == results[1].stdout
    assert len(json.loads(results[0].stdout)["steps"]) == 2


# --- corpus ----------------------------------------------------------------------------------------------


#: The AI Act's history takes 9 s to build: one worker builds it, for all the tests that read it.
AI_ACT_GROUP = pytest.mark.xdist_group("ai-act-history")


@pytest.fixture(scope="module")
def ai_act() -> History:
    if len(AI_ACT) != 10:
        pytest.skip("../shared/corpus/eu-ai-act-council-drafts is absent")
    return history(load_drafts(AI_ACT))


@AI_ACT_GROUP
def test_ai_act_lineages_keep_the_invariants(ai_act: History) -> None:
    """Every lineage; the matrix against fresh comparisons on every third step (each takes a second; the fixture
    history is checked on all of its steps)."""
    assert_lineage_invariants(ai_act)
    assert_matrix_is_the_chained_comparisons(ai_act, range(1, len(ai_act.drafts), 3))


@AI_ACT_GROUP
def test_ai_act_history_in_two_processes_is_the_sequential_one(ai_act: History) -> None:
    """All ten drafts loaded and compared in two processes: the History of the sequential path."""
    parallel = load_history(AI_ACT, jobs=2)
    assert_no_workers_left()
    assert parallel == ai_act
    assert_lineage_invariants(parallel)


@AI_ACT_GROUP
def test_ai_act_articles_4a_to_4c_appear_in_the_french_consolidated_version(ai_act: History) -> None:
    """4a-4c (general purpose AI systems) first appear in v03 (draft index 2) and stay to the end."""
    for number in ("4a", "4b", "4c"):
        (lineage,) = [x for x in ai_act.lineages if common.lineage_ref(x) == f"Art. {number}"]
        assert lineage.first == 2 and lineage.last == 9, number
        assert lineage.cells[2].outcome is Outcome.ADDED
        assert "v03" in ai_act.drafts[lineage.first].label


@AI_ACT_GROUP
def test_ai_act_deleted_placeholders_appear_in_the_draft_general_approach(ai_act: History) -> None:
    """The four ``[deleted]`` placeholders (24, 28, 50, 57) appear in v09 (draft index 8) and stay in v10."""
    placeholders = {
        x.cells[x.first].provision.node.label: x  # type: ignore[union-attr]
        for x in ai_act.lineages
        if x.cells[x.first].provision is not None and x.cells[x.first].provision.node.deleted  # type: ignore[union-attr]
        and x.cells[x.first].provision.node.kind is Kind.ARTICLE  # type: ignore[union-attr]
    }
    assert sorted(placeholders, key=int) == ["24", "28", "50", "57"]
    for lineage in placeholders.values():
        assert (lineage.first, lineage.last) == (8, 9)
        assert lineage.cells[8].outcome is Outcome.REMOVED and lineage.cells[9].outcome is Outcome.UNCHANGED
    assert "v09" in ai_act.drafts[8].label


@AI_ACT_GROUP
def test_ai_act_matrix_renders_in_every_format(ai_act: History) -> None:
    text = render_history(ai_act, "terminal", console=plain(120))
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 120
    assert "Changed in every step: Preamble" in text
    assert_valid(json.loads(render_history(ai_act, "json")))


@pytest.fixture(scope="module")
def anti_doping() -> History:
    if len(ANTI_DOPING) != 7:
        pytest.skip("../shared/corpus/coe-anti-doping-convention is absent")
    return history(load_drafts(ANTI_DOPING))


def test_anti_doping_convention_shows_only_its_few_real_edits(anti_doping: History) -> None:
    """Seven snapshots of the same convention: the articles only get typo fixes ("bve" -> "be", "steriods" ->
    "steroids", "undertake the encourage" -> "undertake to encourage"), one or two words each, nothing
    flagged; link and whitespace churn shows as unchanged or editorial only. (The annex, the yearly
    prohibited list, really changes.)"""
    assert_lineage_invariants(anti_doping)
    articles = [c for x in anti_doping.lineages for c in x.cells
                if c.provision is not None and c.provision.node.kind in (Kind.ARTICLE, Kind.PREAMBLE)]
    substantive = [c for c in articles if c.substantive]
    assert len(articles) > 250 and len(substantive) <= 15
    for cell in substantive:
        assert cell.change is not None and not cell.change.flags
        assert cell.change.words_inserted <= 2 and cell.change.words_deleted <= 2
    assert all(c.outcome in (None, Outcome.UNCHANGED, Outcome.MODIFIED) for c in articles)
    assert not any(c.flags for c in articles)


def test_render_options_do_not_change_the_json(fixture_history: History) -> None:
    assert HISTORY.get("json")(fixture_history, RenderOptions(context=3), plain()) == render_history(
        fixture_history, "json")
