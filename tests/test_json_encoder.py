"""The JSON text of the reports is ``json.dumps(..., ensure_ascii=False, indent=2)``'s, byte for byte, through both
encoders of ``json_text.json_text``: the standard library's way (a writer that leaves strings and numbers to the
functions ``json`` uses) and orjson (the ``fast`` extra; its tests skip where it is not installed). Values drawn at
random test the writer and orjson's escapes and numbers; the fixture reports test the documents themselves;
``tests/test_corpus_json.py`` holds the corpus reports to what was recorded before either encoder.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.compare import compare
from treatydiff.history import history, select
from treatydiff.load import load
from treatydiff.model import Comparison, RenderOptions
from treatydiff.render import compare_json, history_json, outline_json, plain_console
from treatydiff.render import json_text as encoding
from treatydiff.render.compare_json import DIGITS, compare_document
from treatydiff.render.history_json import history_document
from treatydiff.render.json_text import json_document, json_text
from treatydiff.render.outline_json import outline_document

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "convention"
NAMES = ("zero-draft", "revised-draft", "final-text")
HAS_ORJSON = encoding._ORJSON is not None
ENCODERS = ["stdlib", pytest.param("orjson", marks=pytest.mark.skipif(not HAS_ORJSON, reason="orjson not installed"))]


@pytest.fixture(params=ENCODERS)
def encoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(encoding, "ENCODER", request.param)
    return str(request.param)


def standard(value: Any, level: int = 0) -> str:
    """What the text must be: the standard encoder's, nested ``level`` deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def finite(value: Any) -> bool:
    """No NaN nor infinity, which orjson writes as null."""
    return all(x - x == 0.0 for x in _floats(value))


def _floats(value: Any) -> Iterator[float]:
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _floats(key)
            yield from _floats(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _floats(item)


# Strings of any code point (lone surrogates and controls included), keys of every kind ``json`` turns into
# strings, numbers of any size; tuples and NaN, which the writer leaves to ``json`` itself.
TEXT = st.text(st.characters(), max_size=12) | st.sampled_from(["", "\u2028\u2029", "\x7f\x00\x1f\b\f\t\n\r", '"\\/'])
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | TEXT)
ANY = st.recursive(
    SCALARS,
    lambda inner: (st.lists(inner, max_size=4) | st.tuples(inner, inner)
                   | st.dictionaries(TEXT | st.integers() | st.booleans() | st.none(), inner, max_size=4)),
    max_leaves=20,
)
# What the documents hold: floats rounded to compare_json.DIGITS, string keys.
ROUNDED = st.floats(min_value=-1e12, max_value=1e12).map(partial(round, ndigits=DIGITS))
DOCUMENT = st.recursive(
    st.none() | st.booleans() | st.integers() | ROUNDED | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(ANY, st.integers(0, 3))
def test_the_writer_writes_what_json_writes(value: Any, level: int) -> None:
    out: list[str] = []
    encoding._write(value, level, out)
    assert "".join(out) == standard(value, level)


@pytest.mark.skipif(not HAS_ORJSON, reason="orjson not installed")
@settings(max_examples=300, deadline=None)
@given(DOCUMENT | ANY.filter(finite), st.integers(0, 3))
def test_orjson_writes_what_json_writes(value: Any, level: int) -> None:
    """Within the documents' values, and beyond them where orjson refuses (surrogates, big ints, keys that are not
    strings) and the writer takes over; small unrounded floats are orjson's own (0.000042 for 4.2e-05)."""
    if any(0 < abs(x) < 1e-4 for x in _floats(value)):
        return
    was, encoding.ENCODER = encoding.ENCODER, "orjson"
    try:
        assert json_text(value, level) == standard(value, level)
    finally:
        encoding.ENCODER = was


@pytest.mark.parametrize("items", [[], [{}], [{"a": [1, {"b": None}]}, [], "x"]])
def test_a_document_written_item_by_item_is_the_whole_document(items: list[Any], encoder: str) -> None:
    document = {"head": {"n": 1}, "items": iter(items), "tail": []}
    assert json_document(document) == json.dumps({**document, "items": items}, ensure_ascii=False, indent=2) + "\n"
    assert json_document({}) == "{}\n"


@pytest.fixture(scope="module")
def comparisons() -> list[Comparison]:
    drafts = [replace(load(path), source=path.relative_to(ROOT).as_posix())
              for path in (CASE / f"{name}.md" for name in NAMES)]
    return [compare(drafts[0], drafts[1]), compare(drafts[1], drafts[2]), compare(drafts[0], drafts[2]),
            compare(drafts[2], drafts[2])]


def test_the_reports_are_json_dumps_with_indent_2(comparisons: list[Comparison], encoder: str) -> None:
    console = plain_console()
    for comparison in comparisons:
        assert compare_json.render(comparison, RenderOptions(), console) == standard(compare_document(comparison)) + "\n"
        for draft in (comparison.old, comparison.new):
            for options in (RenderOptions(), RenderOptions(depth=1)):
                assert outline_json.render(draft, options, console) == standard(outline_document(draft, options)) + "\n"
    drafts = (comparisons[0].old, comparisons[0].new, comparisons[1].new)
    whole = history(drafts)
    for chosen in (whole, select(whole, ["Transfer of proceedings"])):
        assert history_json.render(chosen, RenderOptions(), console) == standard(history_document(chosen)) + "\n"


def test_the_collector_is_paused_while_rendering(comparisons: list[Comparison], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    change_document = compare_json.change_document

    def spy(change: Any) -> dict[str, Any]:
        seen.append(gc.isenabled())
        return change_document(change)

    monkeypatch.setattr(compare_json, "change_document", spy)
    assert gc.isenabled()
    compare_json.render(comparisons[0], RenderOptions(), plain_console())
    assert seen and not any(seen)
    assert gc.isenabled()
