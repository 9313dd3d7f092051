"""Stage 3, diff: the shortcuts of the classifier's scans (issue 19) give what the plain scans give: an unchanged
paragraph skips the rules only when none could flag it, ``find`` remembers scans by pattern identity without
mixing patterns up, the word index splits a text as ``finditer`` does, and the windows' margins cover the phrases
the vocabularies list."""

from __future__ import annotations

import importlib
import re

import pytest

from treatydiff import lang
from treatydiff.classify import _MARGIN, _MODAL_REACH, References, _dangling_flags, _spans, classify
from treatydiff.lang.base import word_pattern
from treatydiff.model import Edit, Op
from treatydiff.vocabulary import _words, find, vocabulary

TEXTS = [
    "The Commission shall act in accordance with Article 5 and Articles 7 to 9.",
    "The Board shall assist the Commission as provided in Article 12 and Article 8.",
    "No reference at all, only words.",
    "As laid down in Article 114 of the Treaty, see Article 12(3).",
    "",
]

REFERENCES = [
    References({"5": "5", "7": "7", "8": "8", "9": "9", "12": "12"}, frozenset({"5", "7", "8", "9", "12"}),
               frozenset({"5", "7", "8", "9", "12"})),  # nothing renumbered or removed
    References({"5": "6", "7": "7"}, frozenset({"5", "7", "8"}), frozenset({"6", "7"})),  # renumbered, removed
    References({"5": "5"}, frozenset({"5", "12"}), frozenset({"5"})),  # article 12 removed
    References({}, frozenset(), frozenset()),  # no articles (a treaty without numbers)
    References({"5": "5"}, frozenset({"5"}), frozenset({"5"})),  # articles 8 and 12 never existed
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("refs", REFERENCES)
@pytest.mark.parametrize("split", [False, True])
def test_an_unchanged_paragraph_gets_the_dangling_flags_the_rule_gives(text: str, refs: References, split: bool) -> None:
    """Whether or not the shortcut applies (one equal edit, or the text cut into several equal edits, where a
    number across a cut is not "kept"), the flags are those the dangling-reference rule gives on its own."""
    two_digits = re.search(r"\d\d", text)
    cut = two_digits.start() + 1 if split and two_digits else 0
    edits = (
        (Edit(Op.EQUAL, text[:cut]), Edit(Op.EQUAL, text[cut:])) if cut else ((Edit(Op.EQUAL, text),) if text else ())
    )
    expected = tuple(dict.fromkeys(_dangling_flags(text, _spans(edits), refs, "1", lang.DEFAULT)))
    result = classify(text, text, edits, refs, paragraph="1")
    assert result.editorial
    assert result.flags == expected


def test_kept_may_dangle_reads_renumbering_and_removals() -> None:
    assert [r.kept_may_dangle for r in REFERENCES] == [False, True, True, False, False]


def test_find_remembers_scans_by_pattern_identity() -> None:
    """A scan is remembered for its pattern; another pattern compiled from the same source is scanned on its own,
    with the same matches."""
    v = vocabulary("en")
    text = "The provider shall inform the authority and may consult the Board."
    windows = ((0, len(text)),)
    expected = [(m.span(), m.lastgroup) for m in v.modal.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in find(v.modal, text, windows)] == expected
    assert find(v.modal, text, windows) is find(v.modal, text, windows)  # remembered
    twin = re.compile(v.modal.pattern, v.modal.flags)
    assert find(twin, text, windows) is not find(v.modal, text, windows)
    assert [(m.span(), m.lastgroup) for m in find(twin, text, windows)] == expected


@pytest.mark.parametrize("text", [
    "The Member States shall notify 2016/679 and Article 5(1)(c).", "应当在三十日内通知", "يَجِبُ على الدول الأطراف",
    "Der Präsident ﬁndet İstanbul", "", "   ", "a_b, c-d", "ab应当cd 5(1)",
])
def test_the_word_index_splits_as_finditer_does(text: str) -> None:
    lowered = text.lower()
    word = word_pattern(text)
    if len(lowered) == len(text):
        expected = ([m.start() for m in word.finditer(lowered)], word.findall(lowered))
    else:
        expected = ([m.start() for m in word.finditer(text)], [m.group(0).lower() for m in word.finditer(text)])
    assert _words.__wrapped__(text) == expected


def _longest(patterns: list[str]) -> int:
    """The most characters one of ``patterns`` matches with single spaces (unbounded ones left out: "(?:\\w+
    ){0,4}", "(?:reasonable |best )*", which no margin in characters can cover)."""
    parser = importlib.import_module("re._parser")
    unbounded = importlib.import_module("re._constants").MAXREPEAT
    widths = [parser.parse(p, re.IGNORECASE).getwidth()[1] for p in patterns]
    return max((w for w in widths if w < unbounded), default=0)


@pytest.mark.parametrize("code", lang.codes())
def test_the_margins_cover_the_listed_phrases(code: str) -> None:
    """The rules read the changed spans and ``_MARGIN`` characters around them, and look for a modal
    ``_MODAL_REACH`` characters around them before reading the whole pair: each is longer than the longest
    phrase of its kind a language lists (written with single spaces), so that such a phrase touching a change is
    read whole. A language that lists a longer one needs a wider margin (and new digests of the corpus JSON)."""
    language = lang.get(code)
    phrases = [
        *(q for q, _ in language.qualifiers), *language.safeguards, *language.deadlines, *language.exclusion_cues,
        *language.not_negation, *language.penalty_words, *(re.escape(n) for n in language.negators),
    ]
    assert _longest([m for m, _ in language.modals]) < _MODAL_REACH
    assert _longest(phrases) < _MARGIN
