"""``treatydiff check`` and ``treatydiff lint`` through click's CliRunner: every exit code, every format, ``-o``.

``check`` runs the real pipeline on the convention fixtures (zero draft -> revised draft: article 5 becomes 6
with "shall" weakened to "may", article 23 is removed). ``lint`` is tested against a fake ``run_lint`` for
the CLI's own behaviour (combining drafts, ``--ignore``, exit codes), and against the real checks when
``treatydiff.lint`` is installed.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff import cli as cli_module
from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.model import Draft, Status, Verdict, Verdicts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "convention"
ZERO = FIXTURES / "zero-draft.md"
REVISED = FIXTURES / "revised-draft.md"

RULES = """\
# Protected articles and terms
[[rule]]
name = "General obligations keep their substance"
article = "General obligations"
forbid = ["removed", "substantive", "obligation-weakened"]

[[rule]]
name = "Coastal wetlands stay"
term = "coastal wetlands"
forbid = ["removed"]

[[rule]]
name = "No article disappears"
forbid = ["removed"]
"""

ERROR_LINE = re.compile(r"error: (?P<file>[^\n:]+):(?P<line>\d+): [^\n]+\n")


def invoke(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, obj=Env(environ={}))


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


# --- check: exit codes ----------------------------------------------------------------------------------------


def test_check_passes_with_exit_0(rules: Path) -> None:
    result = invoke("check", ZERO, ZERO, "--rules", rules)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.splitlines()[-1] == "clean: 3 rules passed"
    assert "✓ General obligations keep their substance" in result.stdout


def test_check_fails_with_exit_1(rules: Path) -> None:
    result = invoke("check", ZERO, REVISED, "--rules", rules)
    assert result.exit_code == ExitCode.FOUND, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("✗ General obligations keep their substance — Art. 6 — ") and "revised-draft.md:" in line
        for line in lines
    )
    assert any(line.startswith("✗ No article disappears — Art. 23 — ") for line in lines)
    assert "✓ Coastal wetlands stay" in lines
    assert re.fullmatch(r"2 of 3 rules failed \(\d+ findings\)", lines[-1])
    assert result.stderr == ""


def test_fail_on_without_rules_file() -> None:
    assert invoke("check", ZERO, ZERO, "--fail-on", "substantive").exit_code == ExitCode.OK
    result = invoke("check", ZERO, REVISED, "--fail-on", "removed", "--fail-on", "obligation-weakened")
    assert result.exit_code == ExitCode.FOUND
    assert "✗ fail-on removed — Art. 23" in result.stdout
    assert "✗ fail-on obligation-weakened — Art. 6" in result.stdout


def test_allow_leaves_articles_out(rules: Path) -> None:
    result = invoke("check", ZERO, REVISED, "--rules", rules, "--allow", "5", "-f", "json")
    document = json.loads(result.stdout)
    failed = {v["rule"] for v in document["verdicts"] if v["status"] == "failed"}
    assert failed == {"No article disappears"}
    allowed = invoke("check", ZERO, REVISED, "--fail-on", "removed", "--allow", "23", "--allow", "36")
    assert allowed.exit_code == ExitCode.OK, allowed.output


@pytest.mark.parametrize(("selector", "nearest"), [("Artcle 6", "did you mean 'article 6'"), ("999", "give a number")])
def test_allow_that_names_nothing_is_an_error_with_the_nearest_names(tmp_path: Path, selector: str, nearest: str) -> None:
    """A typo in --allow must not pass for an allowed article (before: exit 1 here, or 0 with the right typo)."""
    target = tmp_path / "report.txt"
    result = invoke("check", ZERO, REVISED, "--fail-on", "removed", "--allow", "23", "--allow", selector, "-o", target)
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: --allow: {selector!r} names nothing in either draft — ") and nearest in line
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[[rule]]\nname = "x"\nforbid = ["removed"\n', 3, "not valid TOML"),
        ('[[rule]]\nname = "x"\nforbid = ["removed"]\n\n[[rule]]\nname = "y"\nforbidd = ["removed"]\n', 7,
         "unknown key 'forbidd'"),
        ('[[rule]]\nname = "x"\narticle = "5"\nforbid = ["weakened-ish"]\n', 4, "cannot forbid 'weakened-ish'"),
        ('[[rule]]\nforbid = ["removed"]\nx = ' + "[" * 100_000 + "\n", 3, "nested more than 100 deep"),
    ],
)
def test_malformed_rules_exit_2_naming_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "report.xml"
    result = invoke("check", ZERO, REVISED, "--rules", path, "-f", "junit", "-o", target)
    assert result.exit_code == ExitCode.ERROR
    found = ERROR_LINE.fullmatch(result.stderr)
    assert found, result.stderr  # one line, no traceback
    assert (found["file"], int(found["line"])) == (str(path), line)
    assert words in result.stderr
    assert result.stdout == "" and not target.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "--rules FILE, or --fail-on"),
        (("--rules", "missing-rules.toml"), "missing-rules.toml: no such rules file"),
        (("--fail-on", "weakened"), "unknown outcome or flag 'weakened'"),
        (("--fail-on", "removed", "-f", "xml"), "'-f' / '--format'"),
    ],
)
def test_check_bad_usage_exit_2(args: tuple[str, ...], words: str) -> None:
    result = invoke("check", ZERO, REVISED, *args)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert words in result.stderr


def test_check_unreadable_draft_exit_2(rules: Path, tmp_path: Path) -> None:
    result = invoke("check", tmp_path / "nope.md", REVISED, "--rules", rules)
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith(f"error: {tmp_path / 'nope.md'}")
    assert invoke("check", "-", "-", "--rules", rules, input="Article 1\n\nText.\n").exit_code == ExitCode.ERROR


# --- check: formats ---------------------------------------------------------------------------------------------


def test_check_json(rules: Path) -> None:
    result = invoke("check", ZERO, REVISED, "--rules", rules, "-f", "json")
    assert result.exit_code == ExitCode.FOUND
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["passed"] is False and document["command"] == "check"
    assert document["rules"] == [
        "General obligations keep their substance", "Coastal wetlands stay", "No article disappears",
    ]
    removed = [v for v in document["verdicts"] if v["rule"] == "No article disappears"]
    assert any(v["article"] == "23" and v["file"] == str(ZERO) and isinstance(v["line"], int) for v in removed)
    ok = json.loads(invoke("check", ZERO, ZERO, "--rules", rules, "-f", "json").stdout)
    assert ok["passed"] is True and {v["status"] for v in ok["verdicts"]} == {"passed"}


def test_check_github(rules: Path) -> None:
    result = invoke("check", ZERO, REVISED, "--rules", rules, "-f", "github")
    assert result.exit_code == ExitCode.FOUND
    lines = result.stdout.splitlines()
    command = re.compile(r"::error file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]+)::(?P<message>.+)")
    errors = [command.fullmatch(line) for line in lines[:-1]]
    assert all(errors), lines
    assert {m["title"] for m in errors if m} == {"General obligations keep their substance", "No article disappears"}
    assert lines[-1].startswith("::notice title=treatydiff check::2 of 3 rules failed")


def test_check_junit_to_a_file(rules: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    result = invoke("check", ZERO, REVISED, "--rules", rules, "-f", "junit", "-o", target)
    assert result.exit_code == ExitCode.FOUND  # the report is written, and the exit code still says it failed
    assert result.stdout == ""
    suite = ET.parse(target).getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("treatydiff check", "3", "2")
    failed = [case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None]
    assert failed == ["General obligations keep their substance", "No article disappears"]


def test_check_output_is_atomic(rules: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report\n", encoding="utf-8")
    os.chmod(target, 0o640)
    failed = invoke("check", tmp_path / "missing.md", REVISED, "--rules", rules, "-f", "json", "-o", target)
    assert failed.exit_code == ExitCode.ERROR
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "rules.toml"]  # no temporary file left
    result = invoke("check", ZERO, ZERO, "--rules", rules, "-f", "json", "-o", target)
    assert result.exit_code == ExitCode.OK
    assert json.loads(target.read_text(encoding="utf-8"))["passed"] is True
    assert (target.stat().st_mode & 0o777) == 0o640  # permissions of the replaced file kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "rules.toml"]


def test_check_text_to_a_file_has_no_colour(rules: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    invoke("check", ZERO, REVISED, "--rules", rules, "-o", target)
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    coloured = invoke("check", ZERO, REVISED, "--rules", rules, "--color", "always")
    assert "\x1b[" in coloured.stdout


# --- lint: the CLI around the checks ---------------------------------------------------------------------------

FAKE_CHECKS = {"TD001": "duplicate-number", "TD002": "dangling-reference"}


def fake_lint(draft: Draft, ignore: frozenset[str]) -> Verdicts:
    """Fails TD001 on a draft whose name says "bad", TD002 never."""
    rules = tuple(f"{code} {name}" for code, name in FAKE_CHECKS.items() if code not in ignore)
    verdicts = tuple(
        Verdict(rule, Status.FAILED, "3", draft.source, 7, f"article 3 appears twice in {draft.label}")
        if rule.startswith("TD001") and "bad" in draft.source else Verdict(rule, Status.PASSED)
        for rule in rules
    )
    return Verdicts("lint", rules, verdicts)


@pytest.fixture
def faked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, Path]:
    monkeypatch.setattr(cli_module, "run_lint", fake_lint)
    monkeypatch.setattr(cli_module, "lint_checks", lambda: FAKE_CHECKS)
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(ZERO.read_text(encoding="utf-8"), encoding="utf-8")
    bad.write_text(ZERO.read_text(encoding="utf-8"), encoding="utf-8")
    return good, bad


def test_lint_clean_exit_0(faked: tuple[Path, Path]) -> None:
    good, _ = faked
    result = invoke("lint", good)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.splitlines() == ["✓ TD001 duplicate-number", "✓ TD002 dangling-reference",
                                          "clean: 2 checks passed"]


def test_lint_findings_exit_1_over_several_drafts(faked: tuple[Path, Path]) -> None:
    good, bad = faked
    result = invoke("lint", good, bad, "-f", "json")
    assert result.exit_code == ExitCode.FOUND
    document = json.loads(result.stdout)
    assert document["command"] == "lint" and document["passed"] is False
    assert document["rules"] == ["TD001 duplicate-number", "TD002 dangling-reference"]  # each check once
    statuses = [(v["rule"], v["status"], v["file"]) for v in document["verdicts"]]
    assert statuses == [("TD001 duplicate-number", "failed", str(bad)),
                        ("TD002 dangling-reference", "passed", "")]


def test_lint_ignore(faked: tuple[Path, Path]) -> None:
    _, bad = faked
    result = invoke("lint", bad, "--ignore", "td001", "-f", "junit")
    assert result.exit_code == ExitCode.OK
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("1", "0")
    unknown = invoke("lint", bad, "--ignore", "TD999")
    assert unknown.exit_code == ExitCode.ERROR
    assert "unknown check 'TD999'" in unknown.stderr and "TD001 (duplicate-number)" in unknown.stderr


def test_lint_github(faked: tuple[Path, Path]) -> None:
    _, bad = faked
    result = invoke("lint", bad, "-f", "github")
    assert result.stdout.splitlines()[0] == (
        f"::error file={bad},line=7,title=TD001 duplicate-number::article 3 appears twice in bad"
    )


@pytest.mark.parametrize("args", [("missing.md",), (), ("-", "-")])
def test_lint_bad_input_exit_2(faked: tuple[Path, Path], args: tuple[str, ...]) -> None:
    result = invoke("lint", *args, input="Article 1\n\nText.\n")
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_lint_output_is_atomic(faked: tuple[Path, Path], tmp_path: Path) -> None:
    good, bad = faked
    target = tmp_path / "lint.xml"
    assert invoke("lint", bad, "-f", "junit", "-o", target).exit_code == ExitCode.FOUND
    before = target.read_text(encoding="utf-8")
    assert invoke("lint", good, tmp_path / "missing.md", "-f", "junit", "-o", target).exit_code == ExitCode.ERROR
    assert target.read_text(encoding="utf-8") == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_pre_commit_hook_runs_lint() -> None:
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: treatydiff-lint" in hooks and "entry: treatydiff lint" in hooks and "language: python" in hooks
    files = re.search(r"^  files: '(.+)'$", hooks, re.M)
    assert files
    pattern = re.compile(files.group(1))
    assert pattern.search("drafts/rev1.docx") and pattern.search("zero.md") and not pattern.search("rules.toml")


# --- lint: the real checks ---------------------------------------------------------------------------------------

BROKEN = """\
# Convention on Things

## Chapter I — General

### Article 1 — Scope

1. This Convention applies to things [as defined in article 9.

### Article 2 — Use of terms

1. For the purposes of this Convention, "thing" means anything.

### Article 2 — Duplicate

1. Each State Party shall act.
"""


def test_lint_real_checks_on_the_fixtures() -> None:
    result = invoke("lint", ZERO, REVISED)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.splitlines()[-1] == "clean: 7 checks passed"


def test_lint_real_checks_find_broken_structure(tmp_path: Path) -> None:
    draft = tmp_path / "rev1.md"
    draft.write_text(BROKEN, encoding="utf-8")
    result = invoke("lint", draft, "-f", "json")
    assert result.exit_code == ExitCode.FOUND
    failed = {(v["rule"], v["line"]) for v in json.loads(result.stdout)["verdicts"] if v["status"] == "failed"}
    assert ("TD101 duplicate-article", 13) in failed
    assert ("TD104 unbalanced-brackets", 7) in failed
    ignored = invoke("lint", draft, "--ignore", "TD101", "--ignore", "dangling-reference",
                     "--ignore", "unbalanced-brackets")
    assert ignored.exit_code == ExitCode.OK, ignored.output
    assert "TD101" not in ignored.stdout and "clean: 4 checks passed" in ignored.stdout
    from_stdin = invoke("lint", "-", "-f", "github", input=BROKEN)
    assert from_stdin.exit_code == ExitCode.FOUND
    assert "::error file=<stdin>,line=13,title=TD101 duplicate-article::" in from_stdin.stdout


GESETZ = "# Gesetz\n\n### § 1 Zweck\n\nText.\n\n### § 2 Pflichten\n\n(1) Die Behörde muss berichten.\n\n### § 5 Ende\n\nText.\n"


def test_check_and_lint_name_a_german_statutes_sections_as_it_prints_them(tmp_path: Path) -> None:
    """"§ 2", not "Art. 2", in the verdicts of both gates (text and JSON)."""
    old, new = tmp_path / "alt.md", tmp_path / "neu.md"
    old.write_text(GESETZ, encoding="utf-8")
    new.write_text(GESETZ.replace("muss", "kann"), encoding="utf-8")
    checked = invoke("check", old, new, "--fail-on", "obligation-weakened")
    assert checked.exit_code == ExitCode.FOUND, checked.output
    assert f"— § 2 — {new}:7 — § 2: obligation-weakened: muss → kann" in checked.stdout
    [verdict] = [v for v in json.loads(invoke("check", old, new, "--fail-on", "obligation-weakened", "-f",
                                              "json").stdout)["verdicts"] if v["status"] == "failed"]
    assert (verdict["article"], verdict["designation"]) == ("2", "§")
    linted = invoke("lint", old)
    assert linted.exit_code == ExitCode.FOUND, linted.output
    assert f"✗ TD102 numbering-gap — § 5 — {old}:11 — " in linted.stdout and "Art." not in linted.stdout
