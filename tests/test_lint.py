"""treatydiff lint: each structural check finds what it should and nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from treatydiff.lint import CHECKS, lint
from treatydiff.load import load, load_text
from treatydiff.model import Status, Verdict, Verdicts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "convention"
CORPUS = ROOT.parent / "shared" / "corpus"


def run(text: str, ignore: frozenset[str] = frozenset()) -> Verdicts:
    return lint(load_text(text, source="draft.md", format="md"), ignore=ignore)


def failed(verdicts: Verdicts, code: str) -> list[Verdict]:
    return [v for v in verdicts.failures() if v.rule.startswith(code + " ")]


def articles(*bodies: tuple[str, str]) -> str:
    """A Markdown draft with one article per (number, body)."""
    return "# Convention\n\n" + "\n\n".join(f"## Article {n}\n\n{body}" for n, body in bodies) + "\n"


# --- the contract ------------------------------------------------------------------------------------------------


def test_checks_are_coded_and_ordered() -> None:
    assert list(CHECKS) == ["TD101", "TD102", "TD103", "TD104", "TD105", "TD106", "TD107"]
    assert CHECKS["TD101"] == "duplicate-article"


def test_clean_draft_passes_every_check_once() -> None:
    verdicts = run(articles(("1", "1. See article 2."), ("2", "Text.")))
    assert verdicts.command == "lint"
    assert verdicts.rules == tuple(f"{code} {name}" for code, name in CHECKS.items())
    assert verdicts.passed
    assert [v.rule for v in verdicts.verdicts] == list(verdicts.rules)
    assert all(v.status is Status.PASSED and v.message == "" for v in verdicts.verdicts)


def test_finding_carries_rule_article_file_and_line() -> None:
    verdicts = run(articles(("1", "Text."), ("2", "See article 9.")))
    [finding] = verdicts.failures()
    assert finding.rule == "TD103 dangling-reference"
    assert finding.article == "2"
    assert finding.file == "draft.md"
    assert finding.line == 9
    assert "article 9" in finding.message
    assert not verdicts.passed


@pytest.mark.parametrize("word", ["TD103", "td103", "dangling-reference"])
def test_ignore_by_code_or_name(word: str) -> None:
    verdicts = run(articles(("1", "See article 9.")), ignore=frozenset({word}))
    assert "TD103 dangling-reference" not in verdicts.rules
    assert len(verdicts.rules) == len(CHECKS) - 1
    assert verdicts.passed


def test_ignore_unknown_check_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown lint check"):
        run(articles(("1", "Text.")), ignore=frozenset({"TD999"}))


# --- TD101 duplicate-article ------------------------------------------------------------------------------------


def test_duplicate_article() -> None:
    [finding] = failed(run(articles(("1", "A."), ("2", "B."), ("2", "C."), ("3", "D."))), "TD101")
    assert finding.article == "2"
    assert finding.line == 11
    assert "line 7" in finding.message


def test_articles_of_an_annex_are_numbered_apart() -> None:
    text = articles(("1", "A."), ("2", "B.")) + "\n## Annex I\n\n### Article 1\n\nX.\n\n### Article 2\n\nY.\n"
    verdicts = run(text)
    assert not failed(verdicts, "TD101")
    assert not failed(verdicts, "TD102")


def test_duplicate_inside_an_annex_names_the_annex() -> None:
    text = articles(("1", "A.")) + "\n## Annex I\n\n### Article 1\n\nX.\n\n### Article 2\n\nY.\n\n### Article 2\n\nZ.\n"
    [finding] = failed(run(text), "TD101")
    assert finding.article == "Annex I, article 2"


def test_duplicate_annex() -> None:
    text = articles(("1", "A.")) + "\n## Annex I\n\nX.\n\n## Annex I\n\nY.\n"
    [finding] = failed(run(text), "TD101")
    assert finding.article == "Annex I"


# --- TD102 numbering-gap ----------------------------------------------------------------------------------------


def test_gap_in_numbering() -> None:
    [finding] = failed(run(articles(("5", "A."), ("6", "B."), ("8", "C."))), "TD102")
    assert finding.article == "8"
    assert "article 7 is missing" in finding.message


def test_insertions_roman_numbers_and_placeholders_are_no_gaps() -> None:
    text = articles(("1", "A."), ("2", "B."), ("2a", "C."), ("3 bis", "D."), ("4", "E."), ("5 [deleted]", ""))
    text += "\n## Article 6\n\nF.\n"
    assert not failed(run(text), "TD102")
    assert not failed(run(articles(("I", "A."), ("II", "B."), ("III", "C."), ("IV", "D."))), "TD102")


def test_roman_gap() -> None:
    [finding] = failed(run(articles(("I", "A."), ("II", "B."), ("V", "C."))), "TD102")
    assert "articles III and IV are missing" in finding.message


def test_repealed_articles_marked_weggefallen_are_present() -> None:
    text = (
        "# Grundgesetz\n\n### Art 1\n\n(1) Eins.\n\n### Art 2\n\n(1) Zwei, siehe Art. 3.\n\n### Art 3 (weggefallen)\n\n"
        "### Art 4 und 5\n\n(weggefallen)\n\n### Art 6\n\n(1) Sechs.\n"
    )
    verdicts = run(text)
    assert not failed(verdicts, "TD102")
    assert not failed(verdicts, "TD105")
    [finding] = failed(verdicts, "TD103")
    assert "marks as deleted" in finding.message


def test_numbering_restarting_in_each_annex_is_fine() -> None:
    text = articles(("1", "A."), ("2", "B."))
    text += "\n## Annex A\n\n### Article 1\n\nX.\n\n### Article 2\n\nY.\n"
    text += "\n## Annex B\n\n### Article 1\n\nX.\n\n### Article 3\n\nY.\n"
    [finding] = failed(run(text), "TD102")
    assert finding.article == "Annex B, article 3"


def test_gap_in_annex_numbering() -> None:
    text = articles(("1", "A.")) + "\n## Annex I\n\nX.\n\n## Annex III\n\nY.\n"
    [finding] = failed(run(text), "TD102")
    assert finding.article == "Annex III"


def test_several_missing_annexes_are_annexes() -> None:
    text = articles(("1", "A.")) + "\n## Annex I\n\nX.\n\n## Annex IV\n\nY.\n"
    [finding] = failed(run(text), "TD102")
    assert "annexes II and III are missing" in finding.message and "annexs" not in finding.message
    [finding] = failed(run(text.replace("Annex IV", "Annex V")), "TD102")
    assert "annexes II to IV are missing" in finding.message


# --- TD103 dangling-reference -----------------------------------------------------------------------------------


def test_reference_to_missing_article() -> None:
    [finding] = failed(run(articles(("1", "In accordance with article 7."), ("2", "B."))), "TD103")
    assert "article 7" in finding.message


def test_range_ends_are_checked() -> None:
    [finding] = failed(run(articles(("1", "Articles 2 to 4 apply."), ("2", "B."), ("3", "C."))), "TD103")
    assert "article 4" in finding.message


def test_reference_to_deleted_placeholder() -> None:
    [finding] = failed(run(articles(("1", "See article 2."), ("2 [deleted]", ""), ("3", "C."))), "TD103")
    assert "marks as deleted" in finding.message


@pytest.mark.parametrize(
    "reference", ["article 2, paragraph 4", "Article 2(4)", "Art. 2(4)(a)", "paragraph 4 of article 2"]
)
def test_reference_to_missing_paragraph(reference: str) -> None:
    body = "1. One.\n\n2. Two.\n\n3. Three."
    [finding] = failed(run(articles(("1", f"As provided in {reference}."), ("2", body))), "TD103")
    assert "paragraph 4 of article 2" in finding.message
    assert "its paragraphs: 1, 2, 3" in finding.message


def test_reference_to_missing_paragraph_of_this_article() -> None:
    body = "1. One.\n\n2. Notwithstanding paragraph 3 of this article, two."
    [finding] = failed(run(articles(("1", body))), "TD103")
    assert "paragraph 3 of this article" in finding.message
    body = "1. One.\n\n2. Except as provided in paragraph 3, two."
    assert failed(run(articles(("1", body))), "TD103")


@pytest.mark.parametrize(
    "text",
    [
        "In accordance with article 2, paragraph 2, and Article 2(1).",
        "Paragraph 2 of this article and paragraph 1 apply.",
        "Article 114 of the Treaty on the Functioning of the European Union.",
        "Article 6(1), point (d) of Regulation (EU) 2016/679.",
        "Article 6(1) and (2) of Directive 2000/31/EC.",
        "Article 6(4) and 9(2)(g) of Regulation (EU) 2016/679.",
        "Article 290 TFEU.",
        "Articles 14 to 21 and Articles 23 to 35 of the Convention apply.",
        "Article 22, paragraph 2, and Article 41, paragraph 1, of the Convention.",
        "a majority provided for in Article 20.d of the Statute of the Council of Europe.",
        "paragraph 5 of Annex A.",
        "Artikel 9 und Absatz 7.",
    ],
)
def test_no_finding_for_existing_or_external_references(text: str) -> None:
    verdicts = run(articles(("1", f"1. {text}\n\n2. Two."), ("2", "1. One.\n\n2. Two.")))
    assert not failed(verdicts, "TD103")


def test_amending_article_speaks_of_the_amended_act() -> None:
    text = "# Regulation\n\n## Article 1\n\nText.\n\n## Article 2\n\nAmendment to Directive (EU) 2016/797\n\n"
    text += "In Article 57, the following paragraph is added:\n"
    assert not failed(run(text), "TD103")


def test_unstructured_text_has_no_references_to_judge() -> None:
    verdicts = lint(load_text("Just a note about article 7.\n\nAnd article 8.\n", format="md"))
    assert verdicts.passed


# --- TD104 unbalanced-brackets ----------------------------------------------------------------------------------


def test_bracket_never_closed() -> None:
    [finding] = failed(run(articles(("1", "1. Each Party [shall adopt measures.\n\n2. Two."))), "TD104")
    assert finding.line == 5
    assert "never closed" in finding.message


def test_bracket_closing_nothing() -> None:
    [finding] = failed(run(articles(("1", "1. One.\n\n2. Each Party shall] adopt."))), "TD104")
    assert finding.line == 7
    assert "closes no" in finding.message


def test_bracket_in_preamble_paragraph() -> None:
    text = "# Convention\n\n## Preamble\n\nThe Parties [, recognizing,\n\nHave agreed:\n\n## Article 1\n\nText.\n"
    [finding] = failed(run(text), "TD104")
    assert finding.line == 5


def test_brackets_that_span_paragraphs_footnotes_and_elisions_are_fine() -> None:
    body = "1. [Each Party shall adopt.\n\n2. Each Party shall report.]\n\n3. As agreed[^1] [...] in [2020].\n\n[^1]: A note."
    assert not failed(run(articles(("1", body))), "TD104")


# --- TD105 empty-article ----------------------------------------------------------------------------------------


def test_empty_article() -> None:
    [finding] = failed(run(articles(("1", "A."), ("2", ""), ("3", "C."))), "TD105")
    assert finding.article == "2"


def test_placeholder_and_titled_article_with_text_are_not_empty() -> None:
    text = articles(("1", "A."), ("2 [deleted]", ""), ("3", "Scope\n\nC."))
    assert not failed(run(text), "TD105")


# --- TD106 paragraph-order --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("1. One.\n\n3. Three.\n\n2. Two.", "paragraph 2. comes after 3."),
        ("1. One.\n\n2. Two.\n\n2. Again.", "paragraph 2. repeats 2."),
        ("1. One.\n\n3. Three.\n\n2. Two.\n\n3. Again.", "paragraph 2. comes after 3."),
        ("1. Each Party shall:\n\n(a) one;\n\n(c) three;\n\n(b) two.", "point (b) comes after (c)"),
    ],
)
def test_paragraphs_out_of_order(body: str, shown: str) -> None:
    findings = failed(run(articles(("1", body))), "TD106")
    assert findings
    assert shown in findings[0].message


def test_repeated_number_after_disorder_is_reported_too() -> None:
    [finding] = failed(run(articles(("1", "1. One.\n\n3. Three.\n\n2. Two.\n\n3. Again."))), "TD106")
    assert "1 more number" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "1. One.\n\n1a. Inserted.\n\n2. Two.",
        "1. Each Party shall:\n\n(a) one;\n\n(b) two;\n\n(ba) inserted;\n\n(c) three.",
        "1. Each Party shall:\n\n(a) one;\n\n(b) two:\n\n(i) first;\n\n(ii) second;\n\n(iii) third:\n\n"
        "(a) deeper one;\n\n(b) deeper two;\n\n(c) three.",
        "(a) one;\n\n(b) two.\n\nUnnumbered text.\n\n(a) again one;\n\n(b) again two.",
        "1. Each Party shall:\n\n(a) a;\n\n(b) b;\n\n(c) c;\n\n(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) h;\n\n"
        "(i) i;\n\n(j) j.",
    ],
)
def test_paragraphs_in_order(body: str) -> None:
    assert not failed(run(articles(("1", body))), "TD106")


# --- files with two texts ---------------------------------------------------------------------------------------

BILINGUAL = """# Convention

## Article 1

Text.

## Article 2

See article 3.

## Article 3

Text.

# Verdrag

## Artikel 1

Tekst.

## Artikel 2

Tekst.

## Artikel 4

Tekst.
"""


def test_two_language_file_is_checked_one_text_at_a_time() -> None:
    verdicts = run(BILINGUAL)
    assert not failed(verdicts, "TD101")
    assert not failed(verdicts, "TD103")
    [gap] = failed(verdicts, "TD102")
    assert gap.line == 25
    assert "text 2" in gap.message


# --- real drafts ------------------------------------------------------------------------------------------------


def test_fixture_final_text_is_clean() -> None:
    verdicts = lint(load(FIXTURES / "final-text.md"))
    assert verdicts.passed, [v.message for v in verdicts.failures()]


@pytest.mark.parametrize("name", ["zero-draft", "revised-draft", "final-text"])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_fixture_drafts_are_clean(name: str, suffix: str) -> None:
    verdicts = lint(load(FIXTURES / f"{name}{suffix}"))
    assert verdicts.passed, [v.message for v in verdicts.failures()]


CORPUS_FILES = sorted(CORPUS.glob("*/*.md")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lint_finishes_on_corpus(path: Path) -> None:
    verdicts = lint(load(path))
    assert verdicts.rules == tuple(f"{code} {name}" for code, name in CHECKS.items())
    for verdict in verdicts.failures():
        assert verdict.line and verdict.message and verdict.file == str(path)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_corpus_texts_without_known_defects_are_clean() -> None:
    """The Budapest Convention (English and Dutch) and the 2018 Grundgesetz (with its "(weggefallen)" articles)
    have no structural defect: lint must not invent one."""
    for path in (
        CORPUS / "budapest-convention-ets185" / "v2-2012-10-24.md",
        CORPUS / "budapest-additional-protocol-ets189" / "v2-2012-11-15.md",
        CORPUS / "de-grundgesetz" / "v3-2018-11-08.md",
    ):
        verdicts = lint(load(path))
        assert verdicts.passed, (path.name, [v.message for v in verdicts.failures()])


# --- hostile numbers and lines: every check takes time linear in the draft -----------------------------------------


def _timed(text: str) -> Verdicts:
    start = time.process_time()
    verdicts = run(text)
    assert time.process_time() - start < 5.0
    return verdicts


def test_a_huge_article_number_is_one_gap_finding_with_its_bounds() -> None:
    verdicts = _timed(articles(("1", "A."), ("2", "B."), ("999999999999999999", "C.")))
    [finding] = failed(verdicts, "TD102")
    assert "articles 3 to 999999999999999998 are missing" in finding.message


def test_a_range_far_beyond_the_draft_is_reported_not_expanded() -> None:
    verdicts = _timed(articles(("1", "A. See article 7."), ("2 to 900000000000 [deleted]", ""), ("3", "C.")))
    [finding] = failed(verdicts, "TD102")
    assert finding.article == "2 to 900000000000"
    assert "stands for 899999999999 numbers" in finding.message
    assert "only its first and last numbers" in finding.message
    assert not failed(verdicts, "TD101")
    [dangling] = failed(verdicts, "TD103")  # the range was not read as the articles inside it
    assert "does not have" in dangling.message


def test_a_range_the_size_of_the_draft_still_stands_for_its_articles() -> None:
    verdicts = _timed(articles(("1", "A. See article 4."), ("2 to 5 [deleted]", ""), ("6", "C."), ("3", "D.")))
    assert not failed(verdicts, "TD102")
    [duplicate] = failed(verdicts, "TD101")
    assert duplicate.article == "3"
    [dangling] = failed(verdicts, "TD103")
    assert "marks as deleted" in dangling.message


def test_many_ranges_together_cannot_stand_for_more_numbers_than_the_draft_allows() -> None:
    """2 000 placeholders of 1 000 articles each: their numbers are listed while together they are at most 1 000 +
    10 per article; the first range after that is reported, with how many follow; all still count as a whole for
    the gaps (none)."""
    bodies = [(f"{k * 1000 + 1} to {k * 1000 + 1000} [deleted]", "") for k in range(2000)]
    verdicts = _timed(articles(*bodies))
    [finding] = failed(verdicts, "TD102")
    assert finding.article == "21001 to 22000"
    assert "only its first and last numbers (and 1978 more ranges after it) are checked" in finding.message
    assert not failed(verdicts, "TD101")


def test_a_number_of_5000_digits_is_no_number() -> None:
    big = "1" * 5000
    verdicts = _timed(articles(("1", f"A. See article {big}."), (big, "B."), ("2", "C.")))
    [finding] = failed(verdicts, "TD102")
    assert "5000 digits" in finding.message and big not in finding.message
    assert not failed(verdicts, "TD101")


def test_a_200_kb_title_or_paragraph_is_checked_in_linear_time() -> None:
    verdicts = _timed(articles(("1", "A."), ("2 " + "x" * 200_000, ""), ("3", "[^" * 100_000)))
    assert [v.article for v in failed(verdicts, "TD104")] == ["3"]  # each "[^" opens a bracket, never closed


BILL = """SECTION 1. SHORT TITLE.

This Act may be cited as the Lamps Act.

SEC. 2. DEFINITIONS.

In this Act, a lamp is a light.

TITLE I--LAMPS

SEC. 101. LIGHTING.

Each lamp shall be lit.

TITLE II--KEEPERS

SEC. 201. KEEPERS.

A keeper may be paid.
"""


def test_a_bill_whose_titles_number_their_sections_from_their_hundred_has_no_gap() -> None:
    assert failed(run(BILL), "TD102") == []


def test_a_jump_to_101_under_a_new_chapter_of_a_convention_is_still_a_gap() -> None:
    text = "Chapter I\n\nArticle 1\n\nThe Parties agree.\n\nChapter II\n\nArticle 101\n\nThey act.\n"
    assert len(failed(run(text), "TD102")) == 1
    assert len(failed(run(BILL.replace("SEC. 201.", "SEC. 205.")), "TD102")) == 1
