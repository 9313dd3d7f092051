"""The cheap tests put in front of costly ones (issue 15, PDF speed) never change an answer: each fast path is
compared with the full rule on made-up lines built to sit on the edges of the rule, and on random ones."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.load import contents, garbled, normalise

LEADER_LINES = [
    "Article 33. Contiguous zone ........ 31",
    "Article 33. Contiguous zone . . . . 31",
    "Article 33. Contiguous zone . . . .",
    "Preamble ____ iv",
    "Annex I ------ 12   ",
    "Annex I ----- 12",  # five dashes: no leader
    "Final provisions …… XII",
    "Final provisions … 3",  # one ellipsis: no leader
    "Article 1 ......................................................................  7\n",
    "Article 1 ·∙•· 7",
    "Article 1 - - - - 7",
    "The end of a sentence.",
    "Article 1...",
    "x" * 300 + " . . . . 17",
    "",
    " ",
]

#: the characters the leader rule looks at, and a few that end lines
_EDGE = st.text(alphabet=". ·∙•…_-0123456789ivxlcIVXLCa\t\n", max_size=30)


@pytest.mark.parametrize("line", LEADER_LINES)
def test_the_leader_test_agrees_with_the_plain_search(line: str) -> None:
    assert contents.has_leader(line) == bool(contents._LEADER.search(line))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=20), _EDGE)
def test_the_leader_test_agrees_with_the_plain_search_on_random_lines(head: str, tail: str) -> None:
    line = head + tail
    assert contents.has_leader(line) == bool(contents._LEADER.search(line))


SPREAD_LINES = [
    "C h a r t s  a n d  l i s t s",
    "  P A R T  I I",
    "S e c t i o n  2",
    "2  S e c t i o n",
    "12  S e c t i o n",
    "XIV  P A R T",
    "1 2 3",
    "(a) (b) (c)",
    "An ordinary line of text",
    "a b",
    "A  B  C",
    "\u00a0C h a p t e r",
]


def _unspaced_without_the_first_test(text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(normalise, "_SPREAD_START", re.compile(""))
    return normalise.unspaced(text)


@pytest.mark.parametrize("line", SPREAD_LINES)
def test_the_letter_spacing_join_is_unchanged_by_its_first_test(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = normalise.unspaced(line)
    assert fast == _unspaced_without_the_first_test(line, monkeypatch)


def test_the_letter_spacing_join_still_joins() -> None:
    assert normalise.unspaced("C h a r t s  a n d  l i s t s") == "Charts and lists"
    assert normalise.unspaced("An ordinary line of text") == "An ordinary line of text"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "1", "12", "word", " ", "  ", "\t", "\u00a0", "(a)"]), max_size=14))
def test_the_letter_spacing_join_is_unchanged_on_random_lines(pieces: list[str]) -> None:
    line = "".join(pieces)
    fast = normalise.unspaced(line)
    with pytest.MonkeyPatch.context() as patch:
        assert fast == _unspaced_without_the_first_test(line, patch)


def _shifted_page(words: int, shifted: int) -> str:
    return " ".join(["$UWLFOH"] * shifted + ["article"] * (words - shifted))


@pytest.mark.parametrize(("words", "shifted", "named"), [
    (100, 5, True),  # five shifted words in a hundred: named
    (100, 4, False),  # fewer than five
    (200, 9, False),  # fewer than one word in twenty
    (200, 10, True),
])
def test_the_shifted_words_are_counted_as_before(words: int, shifted: int, named: bool) -> None:
    reason = garbled.judge(_shifted_page(words, shifted))
    assert (reason is not None and reason.startswith("implausible words")) is named


# --- the aligner's shingles of a text (issue 19) ----------------------------------------------------------------

SHINGLE_TEXTS = [
    "The Parties SHALL adopt such measures.",
    "Straße STRASSE straße",  # case folding that changes the length
    "\u0130stanbul \u0131I",  # dotted capital and dotless small i
    "يَجِبُ على الدول الأطراف",  # vowel marks, read without them
    "缔约国应当采取 必要的 措施",
    "a b",  # fewer than three words: the words themselves
    "",
]


@pytest.mark.parametrize("text", SHINGLE_TEXTS)
def test_the_shingles_of_a_text_are_those_of_its_words(text: str) -> None:
    from treatydiff.align import shingles, text_shingles, words

    assert text_shingles(text) == shingles(words(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"aAß\u0130\u0131 é\u2019-", "\u064e", "中", "Shall", " the "]), max_size=40).map("".join))
def test_the_shingles_of_random_texts_are_those_of_their_words(text: str) -> None:
    from treatydiff.align import shingles, text_shingles, words

    assert text_shingles(text) == shingles(words(text))
