"""Stage 1, load, from git: a file's committed revisions (``history --git``) and the two sides git hands an
external diff driver (``git-diff``), read into Drafts.

Git is run as a program (``git -C REPO ...``), read-only: ``rev-parse`` finds the repository, ``log --follow``
lists the commits that changed the file (renames followed, so each revision is read under the name it had then),
``cat-file --filters REV:PATH`` gives its bytes as a checkout would (LFS and end-of-line filters applied; a bare
``git show`` would give an LFS pointer, not the draft). The bytes go through ``load_bytes`` under the name
``SHORT:PATH`` (what ``git show`` takes), so the reader is still chosen by content and then by the file's
extension. Every failure is a ``TreatydiffError`` naming the file: git missing, not a repository, a file never
committed, a revision that does not exist or does not hold the file.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from treatydiff.errors import LoadError, TreatydiffError
from treatydiff.load import load_bytes
from treatydiff.load.decode import read_source
from treatydiff.model import Draft, LoadOptions

#: What git writes for the object of a side that has none (an added or a deleted file) or that is the working
#: tree's file (not yet hashed).
_NO_OBJECT = frozenset({".", "0" * 40, "0" * 64})
#: ``old-file`` or ``new-file`` of an added or a deleted file.
DEV_NULL = "/dev/null"
#: The hint of errors that only git can fix.
_AS_FILES = "or give the drafts as files: treatydiff history D1 D2 ..."


@dataclass(frozen=True, slots=True)
class Revision:
    """One committed version of a file: the commit, its author date (``YYYY-MM-DD``, what ``git log`` shows as
    Date) and subject, and the file's path in that commit (relative to the top of ``repository``)."""

    repository: str
    commit: str
    short: str
    date: str
    subject: str
    path: str

    @property
    def label(self) -> str:
        """``2024-03-01 Rev.1 circulated``: how reports name the draft."""
        return f"{self.date} {self.subject}".strip()

    @property
    def source(self) -> str:
        """``1a2b3c4:drafts/convention.md``: what ``git show`` takes to print the same bytes."""
        return f"{self.short}:{self.path}"


def revisions(file: str, specs: Sequence[str] = ()) -> tuple[Revision, ...]:
    """The revisions of ``file`` (a path in a work tree) that ``specs`` name, oldest first.

    No ``specs``: every commit that changed the file (``git log --follow``). A spec with ``..`` is a range:
    ``A..B`` is the file as of ``A`` (the base a ``git diff A..B`` starts from, when it holds the file) and then
    each commit of the range that changed it; ``A...B`` only the commits. Any other spec is one revision
    (a commit, tag, branch, ``HEAD~2``): the file as of that commit. Specs are taken in the order given; one
    revision given twice in a row counts once."""
    repository, path = _locate(file)
    log = _log(repository, path, file, ())
    if not log:
        raise TreatydiffError(file, "has no committed revisions",
                              f"commit it first (git add {file} && git commit), or check the path")
    if not specs:
        return tuple(reversed(log))
    names = list(dict.fromkeys(r.path for r in log))  # the file's names, newest first
    found: list[Revision] = []
    for spec in specs:
        if spec.startswith("-") or not spec.strip():
            raise TreatydiffError(file, f"{spec!r} is not a revision", _REVISION_HINT)
        if ".." in spec:
            base, _, tip = spec.partition("...") if "..." in spec else spec.partition("..")
            if "..." not in spec and base:
                commit = _commit(repository, base, file)
                with contextlib.suppress(TreatydiffError):  # no file at the base: the range's commits only
                    found.append(_revision(repository, commit, _path_at(repository, commit, names, file, base)))
            tip_path = _path_at(repository, _commit(repository, tip or "HEAD", file), names, file, tip or "HEAD")
            found += reversed(_log(repository, tip_path, file, (spec,)))
        else:
            commit = _commit(repository, spec, file)
            found.append(_revision(repository, commit, _path_at(repository, commit, names, file, spec)))
    return tuple(r for i, r in enumerate(found) if i == 0 or r.commit != found[i - 1].commit)


def load_revisions(
    revisions: Sequence[Revision], options: LoadOptions = LoadOptions(), *,
    progress: Callable[[int], None] | None = None,
) -> tuple[Draft, ...]:
    """Each revision read into a Draft named ``SHORT:PATH`` and labelled by its date and subject. A revision
    that cannot be read raises its ``LoadError``, naming it."""
    drafts = []
    for revision in revisions:
        data = _git(revision.repository, ("cat-file", "--filters", f"{revision.commit}:{revision.path}"),
                    revision.source, limit=options.max_size)
        drafts.append(load_bytes(data, revision.source, replace(options, label=revision.label)))
        if progress:
            progress(1)
    return tuple(drafts)


# --- the external diff driver -------------------------------------------------------------------------------


def external_diff_drafts(arguments: Sequence[str], options: LoadOptions = LoadOptions()) -> tuple[Draft, Draft]:
    """The two drafts of one path, from the arguments git gives an external diff driver: ``path old-file
    old-hex old-mode new-file new-hex new-mode``, and two more for a rename or a copy (``new-path`` and git's
    note of it). A side that is ``/dev/null`` (the file was added or deleted) is an empty draft, never opened.
    Each draft is named ``SHORT:PATH`` (``PATH`` for the working tree's file) and labelled ``NAME@SHORT``.
    Raises ``LoadError`` when a side cannot be read, ``ValueError`` for any other number of arguments."""
    if len(arguments) not in (7, 9):
        raise ValueError(len(arguments))
    path, old_file, old_hex, _, new_file, new_hex, _ = arguments[:7]
    new_path = arguments[7] if len(arguments) == 9 else path
    old, new = _side(path, old_file, old_hex, options), _side(new_path, new_file, new_hex, options)
    # the absent side of an added or deleted file is named in the other's format: "/dev/null (md)"
    return replace(old, format=old.format or new.format), replace(new, format=new.format or old.format)


def _side(path: str, file: str, hex_name: str, options: LoadOptions) -> Draft:
    name = os.path.basename(path)
    if hex_name in _NO_OBJECT:
        source, label = path, f"{name} (working tree)"
    else:
        source, label = f"{hex_name[:7]}:{path}", f"{name}@{hex_name[:7]}"
    if file == DEV_NULL:
        return Draft(DEV_NULL, f"{name} (none)", "", ())
    try:
        data = read_source(file, options.max_size).data
    except LoadError as exc:  # named by the temporary file git made: name it as the user knows it
        raise LoadError(source, exc.problem, exc.hint, exc.line) from None
    return load_bytes(data, source, replace(options, label=label))


# --- git ----------------------------------------------------------------------------------------------------


_REVISION_HINT = ("give a commit, branch or tag, or a range like v1..HEAD "
                  "(git log --follow --oneline -- FILE lists the commits)")
#: One record of ``git log -z --name-status``: a record separator, the fields apart by unit separators.
_FORMAT = "--format=%x1e%H%x1f%h%x1f%as%x1f%s"


def _git(repository: str, args: Sequence[str], source: str, *, limit: int | None = None) -> bytes:
    """The standard output of ``git -C repository ARGS``; ``limit``: at most that many bytes, more is refused
    unread. Any failure raises a ``TreatydiffError`` naming ``source``, with git's own first line."""
    command = ["git", "-C", repository, *args]
    environ = {**os.environ, "LC_ALL": "C"}  # git's messages in English, as ours are (and matched below)
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=environ)
    except FileNotFoundError:
        raise TreatydiffError(source, "git is not installed (no git program on PATH)",
                              f"install git, {_AS_FILES}") from None
    except OSError as exc:
        raise TreatydiffError(source, f"cannot run git: {exc.strerror or exc}", f"check git, {_AS_FILES}") from None
    with process:
        assert process.stdout is not None and process.stderr is not None
        data = process.stdout.read() if limit is None else process.stdout.read(limit + 1)
        if limit is not None and len(data) > limit:
            process.kill()
            process.wait()
            return data  # load_bytes refuses it by its size, in the words used for files
        error = process.stderr.read().decode("utf-8", errors="replace")
        code = process.wait()
    if code != 0:
        said = next((line.strip() for line in error.splitlines() if line.strip()), f"exit status {code}")
        raise TreatydiffError(source, f"git {args[0]} failed: {said.removeprefix('fatal: ')}",
                              f"check the repository, {_AS_FILES}")
    return data


def _locate(file: str) -> tuple[str, str]:
    """The top of the work tree ``file`` is in, and the file's path from there (as git names it)."""
    folder = os.path.dirname(os.path.abspath(file))
    if not os.path.isdir(folder):
        raise TreatydiffError(file, "no such folder", "check the path")
    try:
        out = _git(folder, ("rev-parse", "--show-toplevel", "--show-prefix"), file)
    except TreatydiffError as exc:
        if "not a git repository" not in exc.problem:
            raise
        raise TreatydiffError(file, "is not in a git repository",
                              f"give a file of a git work tree, {_AS_FILES}") from None
    lines = out.decode("utf-8", errors="surrogateescape").splitlines()
    if not lines or not lines[0]:
        raise TreatydiffError(file, "is not in a git work tree (a bare repository or the .git folder?)",
                              f"give a file of a checked-out work tree, {_AS_FILES}")
    prefix = lines[1] if len(lines) > 1 else ""
    return lines[0], prefix + os.path.basename(file)


def _log(repository: str, path: str, file: str, specs: Sequence[str]) -> list[Revision]:
    """The commits that changed ``path`` (renames followed), newest first, each with the file's name in it.
    Commits that delete the file are left out: there is nothing to read in them."""
    out = _git(repository, ("log", "--follow", "-z", "--name-status", "--no-color", "--no-show-signature", _FORMAT,
                            *specs, "--", path), file)
    found: list[Revision] = []
    older_name = path  # the file's name in the commits below the one at hand
    for record in out.decode("utf-8", errors="surrogateescape").split("\x1e")[1:]:
        head, _, changes = record.partition("\0")
        commit, short, date, subject = _fields(head)
        fields = [f for f in changes.strip("\n\0").split("\0") if f]
        status = fields[0][:1] if fields else ""
        name = fields[-1] if len(fields) >= 2 else older_name  # a merge lists no names: the name goes on
        older_name = fields[1] if status in ("R", "C") and len(fields) >= 3 else name
        if status != "D":
            found.append(Revision(repository, commit, short, date, subject, name))
    return found


def _commit(repository: str, spec: str, file: str) -> str:
    try:
        out = _git(repository, ("rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"), file)
    except TreatydiffError:
        raise TreatydiffError(file, f"{spec!r} is not a revision of this repository", _REVISION_HINT) from None
    return out.decode("ascii", errors="replace").strip()


def _revision(repository: str, commit: str, path: str) -> Revision:
    out = _git(repository, ("log", "-1", "--no-color", "--no-show-signature", _FORMAT, commit), path)
    text = out.decode("utf-8", errors="surrogateescape")
    _, short, date, subject = _fields(text.strip("\x1e\n"))
    return Revision(repository, commit, short, date, subject, path)


def _fields(head: str) -> tuple[str, str, str, str]:
    """The hash, short hash, date and subject of one record of ``_FORMAT``."""
    commit, short, date, subject = [*head.split("\x1f", 3), "", "", "", ""][:4]
    return commit, short, date, subject


def _path_at(repository: str, commit: str, names: Sequence[str], file: str, spec: str) -> str:
    """The file's name in ``commit``: the first of its names (newest first) that the commit holds."""
    for name in names:
        try:
            _git(repository, ("cat-file", "-e", f"{commit}:{name}"), file)
        except TreatydiffError:
            continue
        return name
    raise TreatydiffError(file, f"is not in revision {spec!r} ({commit[:7]})",
                          "give a revision that holds it (git log --follow --oneline -- FILE lists them)")
