"""Golden outlines of the fixture drafts, and the invariants every fixture must keep.

Each pair of drafts has a golden change report ``fixtures/<case>/expected/OLD__NEW.compare.txt``, and each
draft ``fixtures/<case>/<name>.<ext>`` has a readable golden file ``fixtures/<case>/expected/<name>.<ext>.outline.md``
(the ``-f markdown`` outline). Regenerate them all after an intended change with::

    TREATYDIFF_REGEN=1 python -m pytest tests/test_golden.py

and review the diff of the golden files like any other change.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from treatydiff.compare import compare
from treatydiff.load import load
from treatydiff.model import Draft, Node, RenderOptions
from treatydiff.render import COMPARE, OUTLINE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFTS = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".txt", ".md") and p.name != "CASES.md")
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"


def outline(draft: Draft) -> str:
    return OUTLINE.get("markdown")(draft, RenderOptions(), Console(file=StringIO(), width=100))


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_outline(path: Path) -> None:
    golden = path.parent / "expected" / f"{path.name}.outline.md"
    draft = load(path)
    got = outline(replace(draft, source=path.relative_to(FIXTURES.parent).as_posix()))  # same on every machine
    if REGEN:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run TREATYDIFF_REGEN=1 python -m pytest tests/test_golden.py"
    assert got == golden.read_text(encoding="utf-8")


def _shape(nodes: tuple[Node, ...]) -> list[object]:
    """The tree without line numbers, letter case and the punctuation of labels (the Markdown twins write
    ``a)`` where the text writes ``(a)``, and set headings in title case): what must not depend on the format."""
    return [
        [
            n.kind.value,
            n.label.strip("().").casefold(),
            n.title.casefold(),
            n.text.casefold(),
            sorted(m.value for m in n.marks),
            list(n.footnotes),
            _shape(n.children),
        ]
        for n in nodes
    ]


@pytest.mark.parametrize("path", [p for p in DRAFTS if p.suffix == ".md"], ids=lambda p: p.stem)
def test_text_and_markdown_give_the_same_tree(path: Path) -> None:
    twin = path.with_suffix(".txt")
    if not twin.exists():
        pytest.skip("no plain-text twin")
    assert _shape(load(twin).nodes) == _shape(load(path).nodes)


#: The fixtures made wrong on purpose, for ``treatydiff lint`` to find (``fixtures/lint``): a number twice, a bracket
#: never closed. They have golden outlines, not the invariants.
BROKEN = ("lint",)


@pytest.mark.parametrize("path", [p for p in DRAFTS if p.parent.name not in BROKEN],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_invariants(path: Path) -> None:
    draft = load(path)
    numbers = [p.node.label for p in draft.articles()]
    assert len(numbers) == len(set(numbers)), "an article number appears twice"
    for node in draft.walk():
        assert node.text == node.text.strip() and "  " not in node.text
        assert not re.search(r"\w-\s\w", node.text) or "-" in node.text  # no hyphen left dangling at a join
        assert "[^" not in node.text, "footnote marker left in the text"
    # the JSON outline is valid and round-trips the counts
    doc = json.loads(OUTLINE.get("json")(draft, RenderOptions(), Console(file=StringIO())))
    assert doc["schema_version"] == 1 and doc["counts"] == draft.counts()


PAIRS = [("zero-draft", "revised-draft"), ("revised-draft", "final-text"), ("zero-draft", "final-text")]


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda name: name)
def test_golden_comparison(old: str, new: str) -> None:
    """The plain-text change report (what a reader sees, with ``[-deleted-]{+inserted+}`` redlines) of each
    pair of fixture drafts: ``fixtures/convention/expected/OLD__NEW.compare.txt``."""
    case = FIXTURES / "convention"
    drafts = []
    for name in (old, new):
        path = case / f"{name}.md"
        drafts.append(replace(load(path), source=path.relative_to(FIXTURES.parent).as_posix()))
    console = Console(file=StringIO(), width=100, color_system=None, force_terminal=False)
    got = COMPARE.get("terminal")(compare(*drafts), RenderOptions(), console)
    golden = case / "expected" / f"{old}__{new}.compare.txt"
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run TREATYDIFF_REGEN=1 python -m pytest tests/test_golden.py"
    assert got == golden.read_text(encoding="utf-8")
