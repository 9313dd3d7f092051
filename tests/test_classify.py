"""Stage 3, diff: which edits of a paragraph pair are editorial, and which flags the substantive ones raise."""

from __future__ import annotations

import difflib
import re

import pytest

from treatydiff.classify import Classification, References, classify, option_chosen
from treatydiff.model import Edit, Flag, FlagKind, Kind, Mark, Node, Op, Severity

# Articles 24 and 25 became 26 and 27 (two articles were inserted before them); article 11 became 12.
REFS = References(
    renumbered={"1": "1", "5": "5", "5 bis": "5 bis", "11": "12", "24": "26", "25": "27", "30": "30"},
    old_numbers=frozenset({"1", "5", "5 bis", "11", "24", "25", "30"}),
    new_numbers=frozenset({"1", "5", "5 bis", "11", "12", "26", "27", "30"}),
)


def word_edits(old: str, new: str) -> tuple[Edit, ...]:
    """A word-level redline (words and the whitespace after them never split), like the real differ's."""
    a, b = re.findall(r"\S+\s*|\s+", old), re.findall(r"\S+\s*|\s+", new)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            edits.append(Edit(Op.EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            edits.append(Edit(Op.DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            edits.append(Edit(Op.INSERT, "".join(b[j1:j2])))
    return tuple(edits)


def run(old: str, new: str, **kwargs: object) -> Classification:
    edits = word_edits(old, new)
    assert "".join(e.text for e in edits if e.op is not Op.INSERT) == old
    assert "".join(e.text for e in edits if e.op is not Op.DELETE) == new
    return classify(old, new, edits, REFS, **kwargs)  # type: ignore[arg-type]


def kinds(result: Classification) -> list[FlagKind]:
    return [f.kind for f in result.flags]


# --- editorial ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old",
    [
        "Each State Party shall adopt such legislative measures as may be necessary.",
        "",
    ],
)
def test_identical_texts_are_editorial_without_flags(old: str) -> None:
    assert run(old, old) == Classification(True, ())


@pytest.mark.parametrize(
    ("rule", "old", "new"),
    [
        (
            "case",
            "The Conference of the States Parties shall meet.",
            "The conference of the States Parties shall meet.",
        ),
        (
            "punctuation",
            "States Parties shall, subject to this Convention cooperate.",
            "States Parties shall subject to this Convention, cooperate.",
        ),
        (
            "quotes",
            'For the purposes of this Convention, "data" means any representation.',
            "For the purposes of this Convention, \u201cdata\u201d means any representation.",
        ),
        ("single quotes", 'the term "electronic evidence"', "the term 'electronic evidence'"),
        (
            "whitespace",
            "States Parties  shall cooperate\nwith each other.",
            "States Parties shall cooperate with each other.",
        ),
        (
            "hyphenation",
            "States Parties shall afford one another co-operation.",
            "States Parties shall afford one another cooperation.",
        ),
    ],
)
def test_editorial_differences(rule: str, old: str, new: str) -> None:
    assert run(old, new) == Classification(True, ()), rule


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("in accordance with article 24", "in accordance with article 26"),
        ("in accordance with Article 24", "in accordance with article 26"),
        ("as provided for in articles 24 and 25", "as provided for in articles 26 and 27"),
        ("pursuant to Art. 24", "pursuant to article 26"),
        ("referred to in article 24, paragraph 2", "referred to in article 26, paragraph 2"),
        ("referred to in article 24(3)", "referred to in article 26(3)"),
    ],
)
def test_reference_following_renumbering_is_editorial(old: str, new: str) -> None:
    assert run(f"The measures {old} shall apply.", f"The measures {new} shall apply.") == Classification(True, ())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("in accordance with article 24", "in accordance with article 27"),  # 24 became 26, not 27
        ("referred to in article 24, paragraph 2", "referred to in article 26, paragraph 3"),
        ("the co-operation of States", "the cooperation of all States"),
    ],
)
def test_substantive_changes_are_not_editorial(old: str, new: str) -> None:
    assert not run(old, new).editorial


def test_ignore_numbering_makes_any_reference_number_change_editorial() -> None:
    old, new = "in accordance with article 24, paragraph 2", "in accordance with article 27, paragraph 3"
    assert not run(old, new).editorial
    assert run(old, new, ignore=frozenset({"numbering"})).editorial


def test_references_to_other_instruments_are_not_mapped() -> None:
    # article 24 of the TFEU is not this instrument's article 24: changing it to 26 is a substantive change
    result = run("as laid down in article 24 TFEU", "as laid down in article 26 TFEU")
    assert not result.editorial
    assert kinds(result) == [FlagKind.REFERENCE_CHANGED]
    assert result.flags[0].level is Severity.LOW


# --- obligation strength ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "kind", "old_phrase", "new_phrase"),
    [
        ("shall", "may", FlagKind.OBLIGATION_WEAKENED, "shall", "may"),
        ("may", "shall", FlagKind.OBLIGATION_STRENGTHENED, "may", "shall"),
        ("shall", "shall endeavour to", FlagKind.OBLIGATION_WEAKENED, "shall", "shall endeavour to"),
        ("shall", "should", FlagKind.OBLIGATION_WEAKENED, "shall", "should"),
        ("must", "is encouraged to", FlagKind.OBLIGATION_WEAKENED, "must", "is encouraged to"),
        ("shall consider", "shall", FlagKind.OBLIGATION_STRENGTHENED, "shall consider", "shall"),
    ],
)
def test_obligation_strength(old: str, new: str, kind: FlagKind, old_phrase: str, new_phrase: str) -> None:
    result = run(
        f"Each State Party {old} adopt such legislative measures as necessary to establish jurisdiction.",
        f"Each State Party {new} adopt such legislative measures as necessary to establish jurisdiction.",
        paragraph="1.",
    )
    assert not result.editorial
    assert Flag(kind, old_phrase, new_phrase, "1.") in result.flags


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the same modal, other words changed
        ("Each State Party shall adopt measures.", "Each State Party shall adopt legislative measures."),
        # a whole sentence with its modal deleted: a removal, not a weakening
        (
            "Each State Party shall adopt measures. It shall notify the Secretary-General.",
            "Each State Party shall adopt measures.",
        ),
        # "May" the month is not a modal
        ("enter into force on 1 May 2025.", "enter into force on 1 June 2025."),
    ],
)
def test_no_obligation_flag(old: str, new: str) -> None:
    flags = kinds(run(old, new))
    assert FlagKind.OBLIGATION_WEAKENED not in flags
    assert FlagKind.OBLIGATION_STRENGTHENED not in flags


# --- negation ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Extradition shall not be refused on the sole ground", "Extradition shall be refused on the sole ground"),
        ("Extradition shall be refused on the sole ground", "Extradition shall not be refused on the sole ground"),
        ("A request may be refused where", "No request may be refused where"),
    ],
)
def test_negation(old: str, new: str) -> None:
    result = run(old, new, paragraph="2.")
    assert FlagKind.NEGATION in kinds(result)
    flag = next(f for f in result.flags if f.kind is FlagKind.NEGATION)
    assert flag.paragraph == "2."
    assert flag.old_text and flag.new_text


def test_negation_not_flagged_when_negators_unchanged() -> None:
    result = run("Nothing in this article shall prevent a State", "Nothing in this article shall prevent any State")
    assert FlagKind.NEGATION not in kinds(result)


# --- qualifiers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qualifier",
    [
        "in accordance with its domestic law",
        "in accordance with their national law",
        "subject to its domestic law",
        "as appropriate",
        "where appropriate",
        "to the extent possible",
        "in accordance with the fundamental principles of its legal system",
    ],
)
def test_qualifier_added_and_removed(qualifier: str) -> None:
    plain = "Each State Party shall adopt measures to establish its jurisdiction."
    qualified = f"Each State Party shall, {qualifier}, adopt measures to establish its jurisdiction."
    added = run(plain, qualified)
    assert [f for f in added.flags if f.kind is FlagKind.QUALIFIER_ADDED] == [
        Flag(FlagKind.QUALIFIER_ADDED, "", qualifier)
    ]
    removed = run(qualified, plain)
    assert [f for f in removed.flags if f.kind is FlagKind.QUALIFIER_REMOVED] == [
        Flag(FlagKind.QUALIFIER_REMOVED, qualifier, "")
    ]


def test_qualifier_is_whitespace_and_case_tolerant_and_counted_once() -> None:
    old = "Each State Party shall, In accordance with  its\ndomestic law, adopt measures."
    new = "Each State Party shall, in accordance with its domestic law, adopt legislative measures."
    flags = kinds(run(old, new))
    assert FlagKind.QUALIFIER_ADDED not in flags
    assert FlagKind.QUALIFIER_REMOVED not in flags


# --- numbers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "old_phrase", "new_phrase"),
    [
        ("within 30 days of receipt", "within 60 days of receipt", "within 30 days", "within 60 days"),
        ("within thirty days of receipt", "within sixty days of receipt", "within thirty days", "within sixty days"),
        ("a fine of up to 1,000 euros", "a fine of up to 2,500 euros", "up to 1,000 euros", "up to 2,500 euros"),
        (
            "shall enter into force on 1 January 2025",
            "shall enter into force on 1 July 2025",
            "1 January 2025",
            "1 July 2025",
        ),
        (
            "after the deposit of the thirtieth instrument, 2.5 per cent",
            "after the deposit of the thirtieth instrument, 3 per cent",
            "2.5 per cent",
            "3 per cent",
        ),
    ],
)
def test_number_changed(old: str, new: str, old_phrase: str, new_phrase: str) -> None:
    result = run(f"The requested State shall respond {old}.", f"The requested State shall respond {new}.")
    found = [(f.old_text, f.new_text) for f in result.flags if f.kind in (FlagKind.NUMBER_CHANGED, FlagKind.DATE_CHANGED)]
    assert found == [(old_phrase, new_phrase)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # numbers untouched, other words changed
        ("shall respond within 30 days of receipt", "shall reply within 30 days of receipt"),
        # a cross-reference following a renumbering, next to a real edit
        ("the request under article 24 shall be made", "the request under article 26 shall be submitted"),
        # a paragraph label is not a number of substance
        ("1. The request shall be made", "2. The request shall be submitted"),
    ],
)
def test_number_not_changed(old: str, new: str) -> None:
    assert FlagKind.NUMBER_CHANGED not in kinds(run(old, new))


# --- brackets ---------------------------------------------------------------------------------------------------


def test_brackets_resolved() -> None:
    result = run(
        "The requested State shall respond [within 30 days] [promptly].",
        "The requested State shall respond within 30 days.",
    )
    assert Flag(FlagKind.BRACKETS_RESOLVED, "[within 30 days]", "within 30 days") in result.flags


def test_brackets_added() -> None:
    result = run("States Parties shall cooperate.", "States Parties shall [, as appropriate,] cooperate.")
    assert FlagKind.BRACKETS_ADDED in kinds(result)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("States Parties shall cooperate.[^3]", "States Parties shall closely cooperate.[^3]"),
        ("States Parties shall cooperate [...] fully.", "States Parties shall cooperate fully."),
        ("States Parties shall [cooperate].", "States Parties shall [collaborate]."),
    ],
)
def test_brackets_unchanged(old: str, new: str) -> None:
    flags = kinds(run(old, new))
    assert FlagKind.BRACKETS_ADDED not in flags
    assert FlagKind.BRACKETS_RESOLVED not in flags


def test_bracket_resolution_is_not_editorial() -> None:
    assert not run("shall respond [within 30 days]", "shall respond within 30 days").editorial


# --- dangling references ----------------------------------------------------------------------------------------


def test_reference_to_missing_article_dangles() -> None:
    result = run("as provided in article 24", "as provided in article 29", paragraph="3.")
    assert Flag(FlagKind.REFERENCE_DANGLING, "", "article 29", "3.") in result.flags


def test_stale_reference_dangles_even_when_pair_is_unchanged() -> None:
    text = "Requests under article 11 shall be sent to the central authority."
    result = run(text, text)
    assert result.editorial
    assert kinds(result) == [FlagKind.REFERENCE_DANGLING]
    assert result.flags[0].old_text == "article 11"


def test_stale_reference_dangles_in_an_editorial_pair() -> None:
    result = run("Requests under article 11 shall be sent.", "Requests under Article 11 shall be sent")
    assert result.editorial
    assert kinds(result) == [FlagKind.REFERENCE_DANGLING]


@pytest.mark.parametrize(
    "new",
    [
        "Requests under article 12 shall be sent.",  # updated with the renumbering
        "Requests under article 5 bis shall be sent.",  # an article that exists and kept its number
        "Requests under article 29 of the Treaty on European Union shall be sent.",  # another instrument
        "Requests under article 99 of Regulation (EU) 2016/679 shall be sent.",
    ],
)
def test_reference_not_dangling(new: str) -> None:
    assert FlagKind.REFERENCE_DANGLING not in kinds(run("Requests under article 11 shall be sent.", new))


# --- whole paragraphs added or removed --------------------------------------------------------------------------


def test_removed_paragraph_removes_its_prohibition_once() -> None:
    result = run("States Parties shall not extradite within 30 days.", "")
    assert not result.editorial
    assert kinds(result) == [FlagKind.OBLIGATION_REMOVED, FlagKind.NUMBER_CHANGED]  # the duty, and its period
    assert result.flags[0].note == "prohibition removed"
    assert result.flags[0].level is Severity.HIGH


def test_added_paragraph_adds_a_power_and_nothing_else() -> None:
    # its qualifier is part of the new provision, not an escape clause added to an existing one
    result = run("", "Each State Party may, as appropriate, establish a focal point.")
    assert not result.editorial
    assert kinds(result) == [FlagKind.OBLIGATION_ADDED]
    assert result.flags[0].note == "power or permission added"


def test_inconsistent_edits_are_recomputed() -> None:
    result = classify("States shall act.", "States may act.", (), REFS)
    assert kinds(result) == [FlagKind.OBLIGATION_WEAKENED]


# --- options ----------------------------------------------------------------------------------------------------


def _article(label: str, *children: Node) -> Node:
    return Node(Kind.ARTICLE, label, "Jurisdiction", children=children)


def _option(label: str, text: str) -> Node:
    return Node(Kind.PARAGRAPH, label, text=text, marks=frozenset({Mark.OPTION}))


OPTION_1 = "Each State Party shall establish jurisdiction over offences committed in its territory."
OPTION_2 = "Each State Party may establish jurisdiction over offences committed against its nationals abroad."


def test_option_chosen() -> None:
    old = _article("7", _option("Option 1", OPTION_1), _option("Option 2", OPTION_2))
    new = _article("7", Node(Kind.PARAGRAPH, "1.", text=OPTION_2.replace("may", "shall")))
    flags = option_chosen([old], [new])
    assert flags == (
        Flag(
            FlagKind.OPTION_CHOSEN,
            "Option 1, Option 2",
            "Each State Party shall establish jurisdiction over offences …",
        ),
    )


def test_option_dropped_without_a_match() -> None:
    old = _article("7", _option("Option 1", OPTION_1), _option("Option 2", OPTION_2))
    new = _article("7", Node(Kind.PARAGRAPH, "1.", text="[deleted]"))
    assert option_chosen([old], [new]) == (Flag(FlagKind.OPTION_CHOSEN, "Option 1, Option 2", ""),)


def test_options_kept_or_absent_raise_nothing() -> None:
    both = _article("7", _option("Option 1", OPTION_1), _option("Option 2", OPTION_2))
    plain = _article("7", Node(Kind.PARAGRAPH, "1.", text=OPTION_1))
    assert option_chosen([both], [both]) == ()
    assert option_chosen([plain], [plain]) == ()


def test_unit_inserted_inside_a_period_changes_it() -> None:
    result = run("shall respond within 30 days of receipt", "shall respond within 30 working days of receipt")
    assert Flag(FlagKind.NUMBER_CHANGED, "within 30 days", "within 30 working days") in result.flags


def test_instrument_number_is_one_number() -> None:
    result = run(
        "as defined in Directive 2000/31/EC of the European Parliament",
        "as defined in Regulation (EU) 2022/2065 of the European Parliament",
    )
    assert [(f.kind, f.level) for f in result.flags] == [(FlagKind.REFERENCE_CHANGED, Severity.LOW)]


def test_a_new_sentence_with_a_prohibition_is_one_short_flag() -> None:
    old = "The provider shall keep the documentation."
    new = (
        "The provider shall keep the documentation. General purpose systems shall not be considered as having "
        "an intended purpose within the meaning of this Regulation unless expressly stated."
    )
    result = run(old, new)
    assert kinds(result) == [FlagKind.OBLIGATION_ADDED]
    assert "shall not be" in result.flags[0].new_text
    assert len(result.flags[0].new_text.split()) <= 18


def test_reference_kept_while_its_target_was_removed_dangles() -> None:
    refs = References({"5": "5"}, frozenset({"5", "6"}), frozenset({"5"}))
    text = "Subject to article 6, each State Party shall cooperate."
    assert kinds(classify(text, text, word_edits(text, text), refs)) == [FlagKind.REFERENCE_DANGLING]


def test_reference_that_already_dangled_is_not_a_change() -> None:
    # self-comparison finds nothing, even for a reference that was broken before this revision
    refs = References({"5": "5"}, frozenset({"5"}), frozenset({"5"}))
    text = "Subject to article 20, each State Party shall cooperate."
    assert classify(text, text, word_edits(text, text), refs) == Classification(True, ())


def test_a_qualifier_added_to_shall_is_flagged_once_as_a_qualifier() -> None:
    result = run(
        "Each State Party shall integrate the conservation of wetlands into its planning.",
        "Each State Party shall, where appropriate, integrate the conservation of wetlands into its planning.",
    )
    assert kinds(result) == [FlagKind.QUALIFIER_ADDED]


def test_a_long_run_of_footnote_openers_is_scanned_in_linear_time() -> None:
    """``[^`` 50,000 times: the footnote-marker pattern rescanned the rest of the line from each one (the 100 KB
    line took 39 s to compare)."""
    import time

    from treatydiff.classify import _NOT_BRACKETS

    start = time.process_time()
    _NOT_BRACKETS.findall("[^" * 50_000)
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The Party shall notify the Secretariat and shall consult the other Parties.",
         "The Party may notify the Secretariat and shall consult the other Parties."),
        ("The Party shall consult the other Parties and shall notify the Secretariat.",
         "The Party shall consult the other Parties and may notify the Secretariat."),
    ],
    ids=["first", "second"],
)
def test_a_duty_weakened_beside_one_kept_in_the_same_sentence_is_weakened(old: str, new: str) -> None:
    result = run(old, new)
    assert kinds(result) == [FlagKind.OBLIGATION_WEAKENED]
    assert (result.flags[0].old_text, result.flags[0].new_text) == ("shall", "may")
