"""The two diff-match-patch engines (C++ ``fast_diff_match_patch`` where installed, pure-Python
``diff_match_patch`` otherwise) give the same redlines: on the fixtures, on texts built to stress the cleanup, and on
every paragraph pair of a real comparison (../shared/corpus, skipped where absent)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from treatydiff import diff
from treatydiff.compare import compare
from treatydiff.load import load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(diff._fast is None, reason="fast_diff_match_patch is not installed here")


def both(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[diff.Edit, ...], tuple[diff.Edit, ...]]:
    monkeypatch.setattr(diff, "ENGINE", "c++")
    fast = diff.word_diff(old, new)
    monkeypatch.setattr(diff, "ENGINE", "python")
    slow = diff.word_diff(old, new)
    return fast, slow


def paragraph_pairs(old_path: Path, new_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every paragraph pair the differ compares for ``old_path`` -> ``new_path``."""
    stage = sys.modules["treatydiff.compare"]  # the module (the package's ``compare`` is its function)
    seen: list[tuple[str, str]] = []
    real = stage.word_diff_within

    def record(old: str, new: str, deadline: float | None) -> tuple[tuple[diff.Edit, ...], bool]:
        seen.append((old, new))
        return real(old, new, deadline)

    monkeypatch.setattr(stage, "word_diff_within", record)
    compare(load(old_path), load(new_path))
    monkeypatch.undo()
    return [(a, b) for a, b in seen if a and b and a != b]


def test_the_engines_agree_on_the_fixture_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = sorted((ROOT / "fixtures" / "convention").glob("*.md"))
    assert len(drafts) >= 2
    pairs = [p for old, new in itertools.pairwise(drafts) for p in paragraph_pairs(old, new, monkeypatch)]
    assert len(pairs) > 10
    for old, new in pairs:
        fast, slow = both(old, new, monkeypatch)
        assert fast == slow, (old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The Party shall adopt measures.", "Each Party may adopt such measures."),
        ("a b c d e f g h", "h g f e d c b a"),
        ("shall " * 40, "may " * 40),
        ("Article 5(1)(a) and (b), within 30 days", "Article 6(1)(a), (b) and (c), within 60 calendar days"),
        ("Статья 5. Государства-участники принимают меры", "Статья 6. Каждое Государство-участник может принять меры"),
        ("第一条 缔约国应当采取措施", "第二条 缔约国可以采取措施"),
    ],
)
def test_the_engines_agree_on_hard_cases(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = both(old, new, monkeypatch)
    assert fast == slow
    assert "".join(e.text for e in fast if e.op is not diff.Op.INSERT) == old


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_the_engines_agree_on_every_pair_of_the_ai_act_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = CORPUS / "eu-ai-act-council-drafts"
    old, new = sorted(drafts.glob("v01-*.md")), sorted(drafts.glob("v10-*.md"))
    if not (old and new):
        pytest.skip("the AI Act drafts are not in the corpus")
    pairs = paragraph_pairs(old[0], new[0], monkeypatch)
    assert len(pairs) > 300
    differing = [pair for pair in pairs if len(set(both(*pair, monkeypatch))) != 1]
    assert not differing, differing[:3]
