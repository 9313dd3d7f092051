"""A comparison whose articles are redlined half in a forked worker (``compare(..., jobs=2)``, ``treatydiff.fork``)
is the same Comparison as in one process: on the fixture pairs, with its time-budget warnings, and when the worker
fails (its half is then done in the parent). The corpus pairs are checked in ``test_corpus_json.py``."""

from __future__ import annotations

import importlib
import threading
from pathlib import Path

import pytest

from treatydiff import fork
from treatydiff.load import load
from treatydiff.model import DiffOptions
from treatydiff.render import render_comparison

compare_module = importlib.import_module("treatydiff.compare")  # (``treatydiff.compare`` is the API's function)
transfer = importlib.import_module("treatydiff.transfer")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAIRS = [
    (FIXTURES / "convention" / "zero-draft.md", FIXTURES / "convention" / "final-text.md"),
    (FIXTURES / "un" / "ru" / "zero-draft.md", FIXTURES / "un" / "ru" / "revised-draft.md"),
    (FIXTURES / "alignment" / "treaty-old.md", FIXTURES / "alignment" / "treaty-new.md"),
]
needs_fork = pytest.mark.skipif(not fork.available(), reason="no worker can be forked here")


def received_from_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by the size of each result a worker sends back."""
    received: list[int] = []
    real = transfer.loads

    def spy(blob: bytes, resolve):  # type: ignore[no-untyped-def]
        received.append(len(blob))
        return real(blob, resolve)

    monkeypatch.setattr(transfer, "loads", spy)
    return received


@pytest.fixture
def always_fork(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every pair is large enough for a worker; the returned list grows by one for each result a worker sent."""
    monkeypatch.setattr(compare_module, "FORK_CHARS", 0)
    return received_from_workers(monkeypatch)


def json_of(old: Path, new: Path, jobs: int, options: DiffOptions = DiffOptions()) -> str:
    return render_comparison(compare_module.compare(load(old), load(new), options, jobs=jobs), "json")


@needs_fork
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p[0].parent.name)
def test_two_processes_give_the_same_comparison(pair: tuple[Path, Path], always_fork: list[int]) -> None:
    alone = json_of(*pair, jobs=1)
    assert not always_fork
    assert json_of(*pair, jobs=2) == alone
    assert always_fork and always_fork[0] > 0  # the worker's half came back from the worker


@needs_fork
def test_the_time_budget_warnings_count_both_halves(always_fork: list[int]) -> None:
    """A budget already used up: every paragraph pair is coarse, in either process, and counted once."""
    old, new = load(PAIRS[0][0]), load(PAIRS[0][1])
    options = DiffOptions(time_budget=1e-9)
    alone = compare_module.compare(old, new, options)
    split = compare_module.compare(old, new, options, jobs=2)
    assert always_fork
    assert split.warnings == alone.warnings and any("time budget" in str(w) for w in alone.warnings)


@needs_fork
def test_a_worker_that_fails_leaves_its_half_to_the_parent(always_fork: list[int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> bytes:
        raise MemoryError  # (in the forked worker: it inherits the patch)

    alone = json_of(*PAIRS[0], jobs=1)
    monkeypatch.setattr(transfer, "dumps", broken)
    assert json_of(*PAIRS[0], jobs=2) == alone
    assert not always_fork  # nothing came back: the parent did it all


def test_a_small_pair_or_one_job_stays_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(fork, "in_two", lambda *a: calls.append(a))
    json_of(*PAIRS[0], jobs=1)
    assert not calls  # one job: not even asked
    monkeypatch.undo()
    assert fork.in_two(lambda indices: indices, [1, 1], [], least=3) is None  # too little work


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork.available()
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize("costs", [[1, 1, 1, 1], [10, 1, 1], [1, 1, 10], [5], [0, 0, 7, 0], [3, 3, 3, 3, 3]])
def test_the_halves_cover_every_index_once_in_order(costs: list[int]) -> None:
    first, rest = fork.halves(costs)
    assert first + rest == list(range(len(costs)))
    # the first half ends where the running cost passes half the total (at the middle of the item there)
    total = sum(costs)
    assert sum(costs[k] for k in first) <= total / 2 + max(costs) / 2
    assert sum(costs[k] for k in rest) <= total / 2 + max(costs) / 2


def test_the_worker_takes_only_the_movable_items() -> None:
    first, rest = fork.halves([5, 5, 5, 5], [False, True, False, True])
    assert first == [1, 3] and rest == [0, 2]
    assert fork.halves([5, 5], [False, False]) == ([], [0, 1])  # nothing to move: no worker (``in_two``)


# --- two drafts read at once (load.load_two, as the CLI's compare reads them) -----------------------------------


@pytest.fixture
def always_fork_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every pair of files is heavy enough for a worker; the list grows by one for each draft a worker sent."""
    monkeypatch.setattr(importlib.import_module("treatydiff.load"), "PAIR_FORK_WEIGHT", 0)
    return received_from_workers(monkeypatch)


@needs_fork
def test_two_drafts_read_at_once_are_the_drafts_read_one_after_the_other(always_fork_loads: list[int]) -> None:
    from treatydiff.load import load_two

    told: list[str] = []
    pair = load_two(*PAIRS[0], jobs=2, loaded=lambda draft: told.append(draft.label))
    assert always_fork_loads  # the old draft came from the worker
    assert [d.nodes for d in pair] == [load(p).nodes for p in PAIRS[0]]
    assert told == [pair[0].label, pair[1].label]


@needs_fork
def test_the_old_drafts_error_comes_first_from_two_processes(always_fork_loads: list[int], tmp_path: Path) -> None:
    """Both files bad: the old one's error, as when they are read one after the other (the error itself travels
    back from the worker, its file and hint with it)."""
    from treatydiff.errors import LoadError
    from treatydiff.load import load_two

    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_two(empty, PAIRS[0][1], jobs=2)
    assert caught.value.source.endswith("empty.md") and caught.value.hint
    with pytest.raises(LoadError) as caught:
        load_two(PAIRS[0][0], empty, jobs=2)
    assert caught.value.source.endswith("empty.md")
    assert load_two(*PAIRS[0], jobs=2)  # (and a good pair still loads after them)


def test_a_load_error_pickles_as_itself() -> None:
    import pickle

    from treatydiff.errors import LoadError

    error = pickle.loads(pickle.dumps(LoadError("draft.md", "the file is empty", "check it", 3)))
    assert isinstance(error, LoadError) and error.message() == "draft.md:3: the file is empty — check it"


@needs_fork
def test_compare_reads_two_heavy_drafts_at_once(always_fork_loads: list[int]) -> None:
    """The command's report and warnings are the same either way."""
    from click.testing import CliRunner

    from treatydiff.cli import Env, cli

    args = ["compare", str(FIXTURES / "lint" / "revised-draft.md"), str(PAIRS[0][1]), "-f", "json"]
    pooled = CliRunner().invoke(cli, args, obj=Env(environ={}))
    assert always_fork_loads
    importlib.import_module("treatydiff.load").PAIR_FORK_WEIGHT = 10**12  # (undone by monkeypatch)
    alone = CliRunner().invoke(cli, args, obj=Env(environ={}))
    assert pooled.exit_code == alone.exit_code == 0
    assert pooled.output == alone.output


def test_jobs_1_keeps_compare_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """``treatydiff compare --jobs 1``: neither the reading nor the comparison asks for a worker."""
    from click.testing import CliRunner

    from treatydiff.cli import Env, cli

    monkeypatch.setattr(importlib.import_module("treatydiff.load"), "PAIR_FORK_WEIGHT", 0)
    monkeypatch.setattr(compare_module, "FORK_CHARS", 0)
    asked: list[object] = []
    monkeypatch.setattr(fork, "in_two", lambda *a: asked.append(a))
    args = ["compare", str(PAIRS[0][0]), str(PAIRS[0][1]), "-f", "json"]
    assert CliRunner().invoke(cli, [*args, "--jobs", "1"], obj=Env(environ={})).exit_code == 0
    assert not asked
    assert CliRunner().invoke(cli, [*args, "--jobs", "2"], obj=Env(environ={})).exit_code == 0
    assert len(asked) == 2  # the reading, then the comparison


def test_no_worker_without_the_memory_for_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fork.room_for_a_copy() in (True, False)  # (asked of /proc; this machine's answer)
    monkeypatch.setattr(fork, "room_for_a_copy", lambda: False)
    assert fork.in_two(lambda indices: list(indices), [5, 5], [], least=0) is None
