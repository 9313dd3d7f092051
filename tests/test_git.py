"""Drafts in git: ``treatydiff git-diff`` (git's external diff driver) and ``history --git``, against a real
repository that each test builds in its ``tmp_path``: the convention fixtures committed one after the other
as ``drafts/convention.md`` (zero draft, Rev.1 tagged ``rev1``, final text), with dates and subjects of their own.

Git runs in an environment of its own: ``HOME`` and ``GIT_CONFIG_GLOBAL`` inside ``tmp_path`` and
``GIT_CONFIG_NOSYSTEM=1``, so the user's configuration is neither read nor written; every setting a test needs
is given on the command line (``git -c``) or in the repository's own ``.git``. Skipped when git is not installed.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.gitdrafts import load_revisions, revisions
from treatydiff.history import history, load_drafts

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "convention"
#: The commits of the test repository: the fixture, the author date, the subject.
COMMITS = (
    ("zero-draft", "2024-03-01", "Zero draft circulated"),
    ("revised-draft", "2024-06-14", "Rev.1 after the second session"),
    ("final-text", "2024-11-29", "Final text adopted"),
)
LABELS = [f"{date} {subject}" for _, date, subject in COMMITS]
FILE = "drafts/convention.md"
#: ``diff.treatydiff.command``: this interpreter's treatydiff, so the test runs the code under test.
DRIVER = f"{shlex.quote(sys.executable)} -m treatydiff git-diff"
#: What git's environment variables may carry in from outside (a test run from a git hook) and would redirect it.
_GIT_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES",
                  "GIT_EXTERNAL_DIFF", "GIT_PAGER_IN_USE", "GIT_CONFIG", "GIT_CONFIG_COUNT")


@dataclass(frozen=True)
class Repo:
    path: Path
    commits: tuple[str, ...]  # full hashes, oldest first

    @property
    def file(self) -> Path:
        return self.path / FILE

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(self.path), *args], capture_output=True, text=True, check=check,
                              encoding="utf-8")

    def commit(self, subject: str, date: str) -> str:
        stamp = f"{date}T12:00:00+00:00"
        self.git("-c", "user.name=Secretariat", "-c", "user.email=secretariat@example.org", "commit", "-q",
                 "--date", stamp, "-m", subject)
        return self.git("rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def git_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An environment where git sees no configuration but the repository's own (and writes none elsewhere)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("", encoding="utf-8")
    for name in _GIT_REDIRECTS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above tmp_path is ever found
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2024-12-01T12:00:00+00:00")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Secretariat")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "secretariat@example.org")
    return home


@pytest.fixture
def repo(tmp_path: Path, git_home: Path) -> Iterator[Repo]:
    path = tmp_path / "negotiation"
    subprocess.run(["git", "init", "-q", str(path)], check=True, capture_output=True)
    made = Repo(path, ())
    made.file.parent.mkdir()
    commits = []
    for name, date, subject in COMMITS:
        shutil.copy(CASE / f"{name}.md", made.file)
        made.git("add", FILE)
        commits.append(made.commit(subject, date))
    made.git("tag", "rev1", commits[1])
    (path / ".git" / "info").mkdir(exist_ok=True)
    (path / ".git" / "info" / "attributes").write_text("*.md diff=treatydiff\n", encoding="utf-8")
    yield Repo(path, tuple(commits))


def run(*args: str, environ: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), obj=Env(environ=environ or {}, is_terminal=False))


def blob(repo: Repo, revision: str) -> str:
    return repo.git("rev-parse", f"{revision}:{FILE}").stdout.strip()


# --- the diff driver through git --------------------------------------------------------------------------------


def test_git_diff_with_the_driver_prints_the_change_report(repo: Repo) -> None:
    done = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff", "rev1~1", "rev1")
    old, new = blob(repo, "rev1~1")[:7], blob(repo, "rev1")[:7]
    assert done.stdout.startswith(f"convention.md@{old} → convention.md@{new}\n"), done.stdout[:300]
    assert f"{old}:{FILE} (md) → {new}:{FILE} (md)" in done.stdout
    assert "Changes that may alter legal meaning" in done.stdout
    assert "Art. 5 → Art. 6" in done.stdout and "[modified]" in done.stdout  # an article's outcome
    assert "qualifier-added: ∅ → where appropriate" in done.stdout  # a flag
    assert "diff --git" not in done.stdout and "@@" not in done.stdout  # no line diff: the driver's report
    assert "\x1b[" not in done.stdout  # plain: git's output is a pipe here
    assert done.stderr == ""


def test_git_diff_of_the_working_tree_and_git_log_ext_diff(repo: Repo) -> None:
    shutil.copy(CASE / "revised-draft.md", repo.file)  # the final text taken back to Rev.1 on disk
    done = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff")
    assert done.stdout.startswith(f"convention.md@{blob(repo, 'HEAD')[:7]} → convention.md (working tree)\n")
    assert f"→ {FILE} (md)" in done.stdout
    logged = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "log", "-p", "--ext-diff", "--format=== %s")
    assert logged.stdout.count(" → convention.md@") == 3  # each commit's report, the first from /dev/null
    assert "== Final text adopted" in logged.stdout and "diff --git" not in logged.stdout
    plain = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff", "--no-ext-diff")
    assert "diff --git" in plain.stdout  # git's own diff is still there


def test_git_diff_of_added_files_compares_with_an_empty_draft(repo: Repo) -> None:
    empty_tree = repo.git("hash-object", "-t", "tree", "/dev/null").stdout.strip()
    done = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff", empty_tree, "HEAD")
    assert done.stdout.startswith(f"convention.md (none) → convention.md@{blob(repo, 'HEAD')[:7]}\n")
    assert f"/dev/null (md) → {blob(repo, 'HEAD')[:7]}:{FILE} (md)" in done.stdout


def test_git_diff_of_an_unreadable_draft_warns_and_lets_git_go_on(repo: Repo) -> None:
    (repo.path / "drafts" / "scan.md").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (repo.path / "drafts" / "notes.md").write_text("# Notes\n\nArticle 1\n\nSome text.\n", encoding="utf-8")
    repo.git("add", "drafts")
    done = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff", "--cached", check=False)
    assert done.returncode == 0, done.stderr  # git stops the whole diff on a driver's non-zero exit
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: "), lines
    assert ":drafts/scan.md: looks like a binary file" in lines[0]
    assert "no report for this file — " in lines[0]
    assert "notes.md (none) → notes.md@" in done.stdout  # the next file still gets its report


def test_git_diff_and_history_of_word_drafts(repo: Repo) -> None:
    """Git hands the driver the bytes, so drafts in any format the loader reads compare as in ``compare``."""
    (repo.path / ".git" / "info" / "attributes").write_text("*.docx diff=treatydiff\n", encoding="utf-8")
    word = repo.path / "drafts" / "convention.docx"
    for name, date in (("zero-draft", "2024-03-02"), ("final-text", "2024-11-30")):
        shutil.copy(CASE / f"{name}.docx", word)
        repo.git("add", "drafts")
        repo.commit(f"{name} in Word", date)
    done = repo.git("-c", f"diff.treatydiff.command={DRIVER}", "diff", "HEAD~1", "HEAD", "--", "drafts/convention.docx")
    assert ":drafts/convention.docx (docx) → " in done.stdout and "Binary files" not in done.stdout
    assert "qualifier-added: ∅ → where appropriate" in done.stdout
    result = run("history", "--git", str(word), "-f", "json")
    assert result.exit_code == ExitCode.OK, result.output
    drafts = json.loads(result.stdout)["drafts"]
    assert [(d["format"], d["label"]) for d in drafts] == [
        ("docx", "2024-03-02 zero-draft in Word"), ("docx", "2024-11-30 final-text in Word")]


# --- the diff driver called as git calls it ------------------------------------------------------------------


def seven(repo: Repo, old: str, new: str) -> list[str]:
    """git's seven arguments for ``FILE`` between two revisions, the sides written as git writes them."""
    sides = []
    for revision in (old, new):
        if revision == "/dev/null":
            sides += ["/dev/null", ".", "."]
            continue
        copy = repo.path.parent / f"git-blob-{revision.replace('~', '_')}" / "convention.md"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(repo.git("show", f"{revision}:{FILE}").stdout.encode("utf-8"))
        sides += [str(copy), blob(repo, revision), "100644"]
    return [FILE, *sides]


def test_git_diff_arguments_of_a_deleted_file(repo: Repo) -> None:
    result = run("git-diff", *seven(repo, "HEAD", "/dev/null"))
    assert result.exit_code == ExitCode.OK, result.output
    head = blob(repo, "HEAD")[:7]
    assert result.stdout.startswith(f"convention.md@{head} → convention.md (none)\n")
    assert f"{head}:{FILE} (md) → /dev/null (md)" in result.stdout
    assert "[removed]" in result.stdout and "[modified]" not in result.stdout


def test_git_diff_arguments_of_a_rename_and_options(repo: Repo) -> None:
    arguments = seven(repo, "HEAD~1", "HEAD")
    renamed = [*arguments, "drafts/treaty.md", "similarity index 90%\nrename from x\nrename to y\n"]
    result = run("git-diff", "--summary", "--ignore", "case", *renamed)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith(f"convention.md@{blob(repo, 'HEAD~1')[:7]} → treaty.md@{blob(repo, 'HEAD')[:7]}")
    assert "outcome" in result.stdout and "╭" not in result.stdout  # --summary: tables, no article panels
    coloured = run("git-diff", *arguments, environ={"GIT_PAGER_IN_USE": "true"})
    assert "\x1b[" in coloured.stdout  # git's pager shows colours (less -R)
    assert "\x1b[" not in run("git-diff", *arguments, environ={"GIT_PAGER_IN_USE": "true", "NO_COLOR": "1"}).stdout


def test_git_diff_of_an_unmerged_path_and_of_wrong_arguments(repo: Repo, tmp_path: Path) -> None:
    unmerged = run("git-diff", FILE)
    assert unmerged.exit_code == ExitCode.OK and unmerged.stdout == ""
    assert unmerged.stderr.startswith(f"warning: {FILE}: unmerged")
    missing = run("git-diff", *seven(repo, "HEAD~1", "HEAD")[:4], str(tmp_path / "gone.md"), "0" * 40, "100644")
    assert missing.exit_code == ExitCode.OK and missing.stdout == ""
    assert missing.stderr.startswith(f"warning: {FILE}: no such file; no report for this file — ")
    for arguments in ([FILE, "a.md"], ["--nope", *seven(repo, "HEAD~1", "HEAD")]):
        wrong = run("git-diff", *arguments)
        assert wrong.exit_code == ExitCode.ERROR
        assert wrong.stderr.count("\n") == 1 and wrong.stderr.startswith("error: ")
        assert "git config diff.treatydiff.command" in wrong.stderr
    assert "no such option '--nope'" in run("git-diff", "--nope", FILE, "x").stderr


# --- history --git -----------------------------------------------------------------------------------------------


def test_history_git_labels_drafts_by_date_and_subject(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.path / "drafts")  # a path relative to a folder inside the work tree
    result = run("history", "--git", "convention.md", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.output
    drafts = json.loads(result.stdout)["drafts"]
    assert [d["label"] for d in drafts] == LABELS
    assert [d["source"] for d in drafts] == [f"{c[:7]}:{FILE}" for c in repo.commits]
    terminal = run("history", "--git", "convention.md")
    assert "D2  2024-06-14 Rev.1 after the second session" in terminal.stdout
    assert f"{repo.commits[1][:7]}:{FILE} (md)" in terminal.stdout


def test_history_git_has_the_lineage_of_history_on_the_files(repo: Repo) -> None:
    from_git = json.loads(run("history", "--git", str(repo.file), "-f", "json").stdout)
    from_files = json.loads(run("history", *(str(CASE / f"{n}.md") for n, _, _ in COMMITS), "-f", "json").stdout)
    for key in ("steps", "lineages", "survival"):
        assert from_git[key] == from_files[key], key
    # and through the API: the same lineages, cell by cell
    by_git = history(load_revisions(revisions(str(repo.file))))
    by_file = history(load_drafts([CASE / f"{n}.md" for n, _, _ in COMMITS], jobs=1))
    assert [[(c.label, c.outcome) for c in x.cells] for x in by_git.lineages] == \
        [[(c.label, c.outcome) for c in x.cells] for x in by_file.lineages]


def test_history_git_revisions_and_ranges(repo: Repo) -> None:
    zero, rev1, final = (c[:7] for c in repo.commits)

    def sources(*specs: str) -> list[str]:
        result = run("history", "--git", str(repo.file), *specs, "-f", "json")
        assert result.exit_code == ExitCode.OK, result.output
        return [d["source"].partition(":")[0] for d in json.loads(result.stdout)["drafts"]]

    assert sources("rev1..HEAD") == [rev1, final]  # the range's base, then its commits
    assert sources(zero, "HEAD") == [zero, final]
    assert sources("HEAD~2", "rev1..") == [zero, rev1, final]  # rev1 given twice in a row counts once
    one = run("history", "--git", str(repo.file), "rev1...HEAD")
    assert one.exit_code == ExitCode.ERROR and "needs at least two revisions, got 1" in one.stderr


def test_history_git_range_from_before_the_file(repo: Repo) -> None:
    annex = repo.path / "drafts" / "annex.md"
    for name, date in (("zero-draft", "2024-12-02"), ("revised-draft", "2024-12-03")):
        shutil.copy(CASE / f"{name}.md", annex)
        repo.git("add", "drafts")
        repo.commit(f"Annex: {name}", date)
    found = revisions(str(annex), ["HEAD~2..HEAD"])  # HEAD~2 does not hold the file: the range's commits only
    assert [r.label for r in found] == ["2024-12-02 Annex: zero-draft", "2024-12-03 Annex: revised-draft"]


def test_history_git_follows_a_rename(repo: Repo) -> None:
    repo.git("mv", FILE, "drafts/treaty.md")  # git follows a rename when the text stays at least half the same
    with (repo.path / "drafts" / "treaty.md").open("a", encoding="utf-8") as text:
        text.write("\nDone at Geneva, in a single original.\n")
    repo.git("add", "drafts")
    repo.commit("Renamed, with the closing formula", "2024-12-01")
    found = revisions(str(repo.path / "drafts" / "treaty.md"))
    assert [r.path for r in found] == [FILE, FILE, FILE, "drafts/treaty.md"]
    assert [r.label for r in found][:3] == LABELS
    drafts = load_revisions(found)
    assert drafts[0].label == LABELS[0] and drafts[-1].source.endswith(":drafts/treaty.md")
    assert revisions(str(repo.path / "drafts" / "treaty.md"), ["rev1"])[0].path == FILE  # the name it had then


def test_history_git_errors_are_one_line(repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside" / "draft.md"
    outside.parent.mkdir()
    shutil.copy(CASE / "zero-draft.md", outside)
    new = repo.path / "drafts" / "new.md"
    shutil.copy(CASE / "zero-draft.md", new)
    cases: list[tuple[list[str], str]] = [
        ([str(outside)], f"error: {outside}: is not in a git repository — "),
        ([str(new)], f"error: {new}: has no committed revisions — commit it first"),
        ([str(repo.file), "rev9"], f"error: {repo.file}: 'rev9' is not a revision of this repository — "),
        ([str(repo.file), "-p"], "error: no such option"),
        ([str(repo.file), "HEAD"], f"error: {repo.file}: a history needs at least two revisions, got 1"),
        ([str(repo.path / "drafts" / "gone" / "x.md")], "no such folder"),
    ]
    for arguments, expected in cases:
        result = run("history", "--git", *arguments)
        assert result.exit_code == ExitCode.ERROR, (arguments, result.output)
        assert result.stderr.count("\n") == 1 and expected in result.stderr, (arguments, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""
    sorted_ = run("history", "--git", str(repo.file), "--sort", "name")
    assert sorted_.exit_code == ExitCode.ERROR and "--sort" in sorted_.stderr
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    no_git = run("history", "--git", str(repo.file))
    assert no_git.exit_code == ExitCode.ERROR
    assert no_git.stderr == f"error: {repo.file}: git is not installed (no git program on PATH) — install git, " \
        "or give the drafts as files: treatydiff history D1 D2 ...\n"
