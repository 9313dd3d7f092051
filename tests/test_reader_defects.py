"""Loader defects found on real drafts (issue 15, item 7), each on a small text made for it."""

from __future__ import annotations

import pytest

from treatydiff.load import load_text
from treatydiff.model import Draft, Kind, Node


def articles(draft: Draft) -> list[Node]:
    return [p.node for p in draft.articles()]


def labels(draft: Draft) -> list[str]:
    return [a.label for a in articles(draft)]


def words(nodes: tuple[Node, ...]) -> list[str]:
    """Every word of the tree, each node's heading and text once."""
    out: list[str] = []
    for node in nodes:
        for n in node.walk():
            out += f"{n.label} {n.title} {n.text}".split()
    return out


# --- 1. an annex "number" is a numeral, never a word ("Annex of ...") ---------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Annex of Commission Recommendation (EU) 2023/2836 on the protection of minors",
        "Annex to Commission Recommendation (EU) 2023/2836",
        "Chapter of the Convention",
    ],
)
def test_a_word_after_annex_is_no_annex_number(line: str) -> None:
    text = f"Article 1\n\nText.\n\n{line}\n\nArticle 2\n\nMore text.\n\nArticle 3\n\nLast.\n"
    draft = load_text(text, format="txt")
    assert labels(draft) == ["1", "2", "3"]
    assert not any(draft.annexes())
    assert not [n for n in draft.walk() if n.kind is Kind.CHAPTER]


def test_an_upper_case_word_after_annex_is_no_number_either() -> None:
    draft = load_text("Article 1\n\nText.\n\nANNEX OF THE COMMISSION DECISION\n\nList.\n", format="txt")
    annex = next(draft.annexes()).node
    assert (annex.label, annex.title) == ("", "OF THE COMMISSION DECISION")


@pytest.mark.parametrize(
    ("heading", "label"),
    [("ANNEX I", "I"), ("Annex IV", "IV"), ("ANNEX A", "A"), ("Annex 2", "2"), ("Annex Ia", "Ia"),
     ("ANNEX IIIA", "IIIA"), ("Appendix B.1", "B.1"), ("Anhang EV", "EV"), ("CHAPTER 1A", "1A")],
)
def test_annex_numbers_still_read(heading: str, label: str) -> None:
    draft = load_text(f"Article 1\n\nText.\n\n{heading}\n\nList of things.\n", format="txt")
    assert [n.label for n in draft.walk() if n.kind in (Kind.ANNEX, Kind.CHAPTER)] == [label]


def test_a_word_of_roman_letters_is_no_chapter_number() -> None:
    draft = load_text("Article 1\n\nText.\n\nCHAPTER CIVIL MATTERS\n\nArticle 2\n\nText.\n", format="txt")
    chapter = next(n for n in draft.walk() if n.kind is Kind.CHAPTER)
    assert (chapter.label, chapter.title) == ("", "CIVIL MATTERS")


# --- 2. a list of references at the start of a wrapped line opens no unit ----------------------------------


def test_a_reference_list_after_a_comma_is_not_a_recital() -> None:
    text = (
        "Whereas:\n\n(1) The obligations laid down in paragraphs (1),\n(2), (3) and (4) of this Regulation shall apply"
        " to providers.\n\n(2) Providers should cooperate.\n\nHAVE ADOPTED THIS REGULATION:\n\nArticle 1\n\nText.\n"
    )
    preamble = load_text(text, format="txt").nodes[0]
    recitals = [c for c in preamble.children if c.kind is Kind.RECITAL]
    assert [r.label for r in recitals] == ["(1)", "(2)"]
    assert recitals[0].text == (
        "The obligations laid down in paragraphs (1), (2), (3) and (4) of this Regulation shall apply to providers."
    )


@pytest.mark.parametrize(
    "wrapped",
    ["(2), (3) and (4) of this Article shall apply.", "(b) and (c) shall apply.", "(4) of this Article applies.",
     "(2) to (5) apply mutatis mutandis.", "(a) or (b) is met."],
)
def test_a_reference_at_the_start_of_a_wrapped_line_is_no_paragraph(wrapped: str) -> None:
    text = f"Article 1\n\n1. Text.\n\n2. The rules in paragraph 1,\n{wrapped}\n\n3. Last.\n"
    article = articles(load_text(text, format="txt"))[0]
    assert [c.label for c in article.children] == ["1.", "2.", "3."]
    assert article.children[1].text == f"The rules in paragraph 1, {wrapped}"


def test_points_that_begin_with_to_or_of_are_still_points() -> None:
    text = "Article 1\n\n1. The aims are:\n\n(a) to promote trade;\n\n(b) of the highest standard;\n\n(c) and more.\n"
    paragraph = articles(load_text(text, format="txt"))[0].children[0]
    assert [c.label for c in paragraph.children] == ["(a)", "(b)", "(c)"]


def test_a_reference_list_cut_off_by_a_blank_line_goes_back_to_its_recital() -> None:
    text = (
        "Whereas:\n\n(26) Ireland is not bound by the rules laid down in Article 5(1), point (d), (2), (3) and\n\n"
        "(4) of this Regulation adopted on the basis of Article 16 TFEU.\n\n(27) Next.\n\nArticle 1\n\nText.\n"
    )
    preamble = load_text(text, format="md").nodes[0]
    recitals = [c for c in preamble.children if c.kind is Kind.RECITAL]
    assert [r.label for r in recitals] == ["(26)", "(27)"]
    assert recitals[0].text.endswith("(2), (3) and (4) of this Regulation adopted on the basis of Article 16 TFEU.")


def test_a_paragraph_that_opens_with_references_stays_a_paragraph() -> None:
    text = "Article 1\n\nd) Share of firms using AI (annual)\n\na) and b) will be calculated on official sources.\n"
    article = articles(load_text(text, format="txt"))[0]
    assert [c.text[:10] for c in article.children] == ["Share of f", "a) and b) "]


def test_a_label_before_a_comma_and_words_is_still_a_label() -> None:
    text = "Article 3\n\n(7) 'distributor' means a person;\n\n(8) , the product manufacturer or the importer;\n"
    article = articles(load_text(text, format="txt"))[0]
    assert [c.label for c in article.children] == ["(7)", "(8)"]


# --- 3. "Acting in accordance with the ordinary legislative procedure," is a citation -----------------------

_EU_PREAMBLE = """THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,

Having regard to the Treaty on the Functioning of the European Union, and in particular Article 114 thereof,

Having regard to the proposal from the European Commission,

After transmission of the draft legislative act to the national parliaments,

Having regard to the opinion of the European Economic and Social Committee,

After consulting the European Data Protection Supervisor,

{acting}

Whereas:

(1) The purpose of this Regulation is to improve the internal market.

(2) Providers should cooperate.

HAVE ADOPTED THIS REGULATION:

Article 1

Text.
"""


@pytest.mark.parametrize(
    "acting",
    ["Acting in accordance with the ordinary legislative procedure,",
     "Acting in accordance with a special legislative procedure,",
     "Statuant conformément à la procédure législative ordinaire,",
     "Gemäß dem ordentlichen Gesetzgebungsverfahren,",
     "Handelend volgens de gewone wetgevingsprocedure,"],
)
def test_the_legislative_procedure_formula_is_a_citation_not_a_recital(acting: str) -> None:
    draft = load_text(_EU_PREAMBLE.format(acting=acting), format="txt")
    preamble = draft.nodes[0]
    kinds = {c.text: c.kind for c in preamble.children}
    assert kinds[acting] is Kind.CITATION
    assert [c.label for c in preamble.children if c.kind is Kind.RECITAL] == ["(1)", "(2)"]
    assert draft.counts()["recitals"] == 2


def test_the_consultation_formulas_of_an_eu_preamble_are_citations() -> None:
    acting = "Acting in accordance with the ordinary legislative procedure,"
    preamble = load_text(_EU_PREAMBLE.format(acting=acting), format="txt").nodes[0]
    citations = [c.text for c in preamble.children if c.kind is Kind.CITATION]
    assert citations[2:4] == ["After transmission of the draft legislative act to the national parliaments,",
                              "Having regard to the opinion of the European Economic and Social Committee,"]
    assert len(citations) == 6


# --- 4. labels with two letters after the number ("(12aa)", "(4ab)", "12aa.") ------------------------------


def test_double_letter_recitals() -> None:
    text = ("Whereas:\n\n(12) First.\n\n(12a) Second.\n\n(12aa) Third,\nwrapped.\n\n(12ab) Fourth.\n\n(13) Fifth.\n\n"
            "Article 1\n\nText.\n")
    draft = load_text(text, format="txt")
    recitals = [c for c in draft.nodes[0].children if c.kind is Kind.RECITAL]
    assert [r.label for r in recitals] == ["(12)", "(12a)", "(12aa)", "(12ab)", "(13)"]
    assert recitals[2].text == "Third, wrapped."


@pytest.mark.parametrize("style", ["({})", "{}."])
def test_double_letter_paragraphs(style: str) -> None:
    body = "\n\n".join(f"{style.format(v)} Paragraph {v}." for v in ("4", "4a", "4aa", "4ab", "5"))
    article = articles(load_text(f"Article 1\n\n{body}\n", format="txt"))[0]
    assert [c.label for c in article.children] == [style.format(v) for v in ("4", "4a", "4aa", "4ab", "5")]
    assert all(c.kind is Kind.PARAGRAPH for c in article.children)


def test_double_letter_paragraphs_in_order_are_not_linted() -> None:
    from treatydiff.lint import lint

    body = "\n\n".join(f"{v}. Each Party shall act {v}." for v in ("1", "1a", "1aa", "1ab", "1b", "2"))
    verdicts = lint(load_text(f"Article 1\n\n{body}\n", format="txt"))
    assert verdicts.passed, [v.message for v in verdicts.failures()]
    body = "\n\n".join(f"{v}. Each Party shall act {v}." for v in ("1", "1ab", "1aa", "2"))
    verdicts = lint(load_text(f"Article 1\n\n{body}\n", format="txt"))
    assert any("1aa" in v.message for v in verdicts.failures())


def test_ordinals_are_no_labels() -> None:
    article = articles(load_text("Article 1\n\n1. Text\n\n(2nd) edition applies.\n\n1st. one.\n", format="txt"))[0]
    assert [c.label for c in article.children] == ["1.", "", ""]


def test_a_reference_to_a_double_letter_paragraph_resolves() -> None:
    from treatydiff.lint import lint

    text = "Article 1\n\n1. Each Party shall act.\n\n1aa. Each Party shall report.\n\n2. As set out in paragraph 1aa, it shall.\n"
    assert lint(load_text(text, format="txt")).passed
    verdicts = lint(load_text(text.replace("paragraph 1aa", "paragraph 1ab"), format="txt"))
    assert any("1ab" in v.message for v in verdicts.failures())


# --- 5. a plural annex heading ("Annexes I to III") heads a group of annexes -------------------------------


@pytest.mark.parametrize(
    ("fmt", "group", "word"),
    [("txt", "Annexes I to III", "Annex"), ("txt", "APPENDICES I, II AND III", "Appendix"),
     ("md", "## Appendices I, II and III", "### Appendix"), ("txt", "ANNEXES", "ANNEX"),
     ("txt", "Anhänge I bis III", "Anhang")],
)
def test_a_plural_annex_heading_groups_the_annexes_after_it(fmt: str, group: str, word: str) -> None:
    text = f"Article 1\n\nText.\n\n{group}\n\n{word} I\n\nList one.\n\n{word} II\n\nList two.\n"
    draft = load_text(text, format=fmt)
    article = articles(draft)[0]
    assert [c.text for c in article.children] == ["Text."]  # the heading is no words of the last article
    assert [p.node.label for p in draft.annexes()] == ["I", "II"]
    heading = group.lstrip("# ")
    assert [p.path for p in draft.annexes()] == [(heading,), (heading,)]
    assert words(draft.nodes).count(heading.split()[0]) == 1


def test_a_sentence_naming_annexes_is_no_heading() -> None:
    text = "Article 1\n\nText.\n\nAnnexes I to III shall apply from 2026.\n\nArticle 2\n\nMore.\n"
    draft = load_text(text, format="txt")
    assert labels(draft) == ["1", "2"]
    assert [p.path for p in draft.articles()] == [(), ()]


def test_single_annex_headings_are_unchanged_by_groups() -> None:
    text = "Article 1\n\nText.\n\nANNEX I\n\nList one.\n\nANNEX II\n\nList two.\n"
    draft = load_text(text, format="txt")
    assert [(p.node.label, p.path) for p in draft.annexes()] == [("I", ()), ("II", ())]


def test_an_annex_group_heading_stands_alone_on_its_line() -> None:
    text = "Article 1\n\nText.\n\nANNEXES\nThe annexes below are part of this Convention.\n\nANNEX I\n\nList one.\n"
    draft = load_text(text, format="txt")
    group = draft.nodes[-1]
    assert (group.kind, group.title) == (Kind.DIVISION, "ANNEXES")
    assert [(c.kind, c.label) for c in group.children] == [(Kind.BLOCK, ""), (Kind.ANNEX, "I")]
    assert group.children[0].text == "The annexes below are part of this Convention."


def test_an_annex_group_heading_before_the_first_article_is_a_cover_line() -> None:
    draft = load_text("ANNEXES\n\nArticle 1\n\nText.\n\nAnnex I\n\nList.\n", format="txt")
    assert [(p.node.label, p.path) for p in draft.annexes()] == [("I", ())]
    assert draft.nodes[0].kind is Kind.PREAMBLE


def test_an_annex_group_heading_of_a_file_of_annexes_is_its_title() -> None:
    draft = load_text("ANNEXES\n\nto the Proposal for a Regulation\n\nANNEX I\n\nList.\n\nANNEX II\n\nMore.\n", format="txt")
    assert [(p.node.label, p.path) for p in draft.annexes()] == [("I", ()), ("II", ())]
    assert [c.text for c in draft.nodes[0].children] == ["ANNEXES", "to the Proposal for a Regulation"]


# --- 6. "§§ 180b und 181 (weggefallen)", "§§ 116 bis 119 (weggefallen)": placeholders for several numbers ------


def _lint_messages(draft: Draft) -> list[str]:
    from treatydiff.lint import lint

    return [v.message for v in lint(draft).failures()]


@pytest.mark.parametrize(
    ("heading", "label"),
    [("§§ 180b und 181 (weggefallen)", "180b und 181"), ("§§ 181 bis 183 (weggefallen)", "181 bis 183"),
     ("§§ 181 und 182 (aufgehoben)", "181 und 182")],
)
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_a_double_section_sign_placeholder_is_a_deleted_provision(heading: str, label: str, fmt: str) -> None:
    hashes = "### " if fmt == "md" else ""
    last = str(int(label.split()[-1]) + 1)
    text = (f"{hashes}§ 180\n\nWer eine Handlung vornimmt, wird bestraft.\n\n{hashes}§ 180a\n\nText.\n\n"
            f"{hashes}{heading}\n\n{hashes}§ {last}\n\nWer sonst handelt, wird bestraft.\n")
    draft = load_text(text, format=fmt)
    assert labels(draft) == ["180", "180a", label, last]
    assert [p.path for p in draft.articles()] == [(), (), (), ()]  # no division over the sections after it
    assert articles(draft)[2].deleted
    assert articles(draft)[3].children[0].text == "Wer sonst handelt, wird bestraft."
    assert _lint_messages(draft) == []


def test_a_range_of_deleted_sections_leaves_no_numbering_gap() -> None:
    text = "### § 115\n\nText.\n\n### §§ 116 bis 119 (weggefallen)\n\n### § 120\n\nText.\n"
    draft = load_text(text, format="md")
    assert labels(draft) == ["115", "116 bis 119", "120"]
    assert _lint_messages(draft) == []
    gap = "### § 115\n\nText.\n\n### §§ 116 bis 118 (weggefallen)\n\n### § 120\n\nText.\n"
    assert any("119" in m for m in _lint_messages(load_text(gap, format="md")))


@pytest.mark.parametrize("heading", ["Articles 2 to 4 [deleted]", "Articles 2, 3 and 4 [deleted]"])
def test_a_plural_article_placeholder_covers_its_numbers(heading: str) -> None:
    text = f"Article 1\n\nText.\n\n{heading}\n\nArticle 5\n\nText.\n"
    draft = load_text(text, format="txt")
    assert [a.deleted for a in articles(draft)] == [False, True, False]
    assert _lint_messages(draft) == []


def test_a_sentence_naming_two_articles_is_no_heading() -> None:
    text = "Article 1\n\nText.\n\nArticles 5 and 6 shall apply mutatis mutandis.\n\nArticle 2\n\nText.\n"
    assert labels(load_text(text, format="txt")) == ["1", "2"]


def test_long_lists_of_numbers_are_read_in_linear_time() -> None:
    import time

    from treatydiff.load import patterns

    start = time.perf_counter()
    assert not patterns.ANNEX_GROUP.match("Annexes " + "I, " * 5000 + "x")
    assert patterns.ARTICLE.match("§§ " + "1 bis " * 5000 + "(weggefallen")
    assert time.perf_counter() - start < 1


def test_a_spanish_range_of_deleted_articles_leaves_no_gap() -> None:
    text = "Artículo 1\n\nTexto.\n\nArtículos 2 a 4 (suprimido)\n\nArtículo 5\n\nTexto.\n"
    draft = load_text(text, format="txt")
    assert [a.label for a in articles(draft)] == ["1", "2 a 4", "5"]
    assert _lint_messages(draft) == []


def test_a_range_of_deleted_points_is_still_a_point() -> None:
    text = "Article 1\n\n1. Parties shall:\n\n(a) act;\n(b) to (d) [deleted]\n\n(e) report.\n"
    paragraph = articles(load_text(text, format="txt"))[0].children[0]
    assert [c.label for c in paragraph.children] == ["(a)", "(b)", "(e)"]


# --- placeholders whose body says it, recitals the Council numbers oddly, a financial statement's annex ----------


@pytest.mark.parametrize("body", ["-", "Abrogato", "(weggefallen)", "Deleted.", "[deleted]"])
def test_an_article_whose_only_text_is_a_dash_or_a_deletion_word_is_a_placeholder(body: str) -> None:
    draft = load_text(f"### Art 1\n\nText one.\n\n### Art 2\n\n{body}\n\n### Art 3\n\nText.\n", source="x.md")
    assert [(a.label, a.deleted, a.children) for a in articles(draft)][1] == ("2", True, ())
    assert draft.counts()["placeholders"] == 1
    assert body.strip("-") in words(draft.nodes) or body == "-"  # the word is kept, as the placeholder's text


@pytest.mark.parametrize("body", ["- The Parties agree.", "Repealed by Law 5 of 2020, except paragraph 2."])
def test_an_article_with_words_beside_a_dash_or_repealed_is_no_placeholder(body: str) -> None:
    draft = load_text(f"### Art 1\n\nText one.\n\n### Art 2\n\n{body}\n\n### Art 3\n\nText.\n", source="x.md")
    assert not articles(draft)[1].deleted
    assert draft.counts()["placeholders"] == 0


PREAMBLE = """Having regard to the Treaty,

Whereas:

(12) Twelve.

{inserted}

(12a) Twelve a.

(13) Thirteen.

{typo}

(15) Fifteen.

HAVE ADOPTED THIS REGULATION:

Article 1

Text.
"""


def recitals(draft: Draft) -> list[str]:
    return [n.label for n in draft.walk() if n.kind is Kind.RECITAL]


def test_a_recital_numbered_before_another_and_one_whose_bracket_is_missing_are_recitals() -> None:
    draft = load_text(PREAMBLE.format(inserted="(-12a) Minus twelve a.", typo="14) Fourteen."), source="x.txt")
    assert recitals(draft) == ["(12)", "(-12a)", "(12a)", "(13)", "14)", "(15)"]
    assert [n.text for n in draft.walk() if n.kind is Kind.RECITAL][4] == "Fourteen."


def test_a_number_and_bracket_that_does_not_continue_the_recitals_is_no_recital() -> None:
    draft = load_text(PREAMBLE.format(inserted="", typo="3) of Article 5 applies."), source="x.txt")
    assert recitals(draft) == ["(12)", "(12a)", "(13)", "(15)"]


STATEMENT = """Article 1

Text.

Done at Brussels,

For the European Parliament

LEGISLATIVE FINANCIAL STATEMENT

1. FRAMEWORK OF THE PROPOSAL

ANNEX

to the LEGISLATIVE FINANCIAL STATEMENT

Name of the proposal: a regulation.
"""


def test_the_annex_of_a_financial_statement_after_the_act_is_no_annex_of_the_act() -> None:
    draft = load_text(STATEMENT, source="x.txt")
    assert draft.counts()["annexes"] == 0
    closing = draft.nodes[-1]
    assert closing.title == "Final formula"
    (annex,) = [n for n in closing.children if n.kind is Kind.DIVISION]
    assert annex.title == "Annex to the LEGISLATIVE FINANCIAL STATEMENT"
    assert [c.text for c in annex.children] == ["Name of the proposal: a regulation."]


def test_an_annex_to_something_the_closing_text_does_not_hold_stays_an_annex() -> None:
    draft = load_text(STATEMENT.replace("to the LEGISLATIVE", "to the BUDGETARY"), source="x.txt")
    assert draft.counts()["annexes"] == 1


# --- a sentence broken apart by a blank line does not end the list it stands in -----------------------------

BROKEN = """Article 3

For the purposes of this Regulation:

(21) 'conformity assessment body' means a body that performs conformity assessment;

(22) 'notified body' means a conformity assessment body designated in accordance with this

Regulation and other relevant Union harmonisation legislation;

(23) 'substantial modification' means a change to the AI system;

{after}
"""


def test_a_fragment_that_ends_the_sentence_before_it_joins_it_and_the_points_go_on() -> None:
    (article,) = articles(load_text(BROKEN.format(after="(24) 'CE marking' means a marking."), source="x.txt"))
    points = [(c.kind, c.label) for c in list(article.walk())[1:] if c.label]
    assert points == [(Kind.POINT, "(21)"), (Kind.POINT, "(22)"), (Kind.POINT, "(23)"), (Kind.POINT, "(24)")]
    assert next(c for c in article.walk() if c.label == "(22)").text == (
        "'notified body' means a conformity assessment body designated in accordance with this Regulation and "
        "other relevant Union harmonisation legislation;")


@pytest.mark.parametrize(
    "before", ["(22) 'notified body' means a body designated under this Regulation.", "General introduction"]
)
def test_a_paragraph_after_a_finished_sentence_or_a_title_stays_a_paragraph(before: str) -> None:
    text = f"Article 3\n\n{before}\n\nThe Commission shall publish the list.\n"
    (article,) = articles(load_text(text, source="x.txt"))
    assert [c.text for c in article.walk()][-1] == "The Commission shall publish the list."



@pytest.mark.parametrize("joiner", ["; or", ", oder", "; of"])
def test_the_closing_words_after_a_lists_last_entry_are_no_part_of_that_entry(joiner: str) -> None:
    text = (f"Article 2\n\n1. Where a Party\n\n(a) lights no lamp at the harbour{joiner}\n\n"
            f"(b) pays no keeper of the lighthouse{joiner}\n\nThat Party shall report.\n\n2. Reports are public.\n")
    (article,) = articles(load_text(text, source="x.md"))
    assert "That Party shall report." in [c.text for c in article.walk()]


def test_a_page_reference_cut_at_the_line_end_is_no_point_p() -> None:
    text = "Article 1\n\n1. As laid down in Regulation (EU) 2016/679 (OJ L 119, 4.5.2016,\np. 1).\n\n2. Next.\n"
    (article,) = articles(load_text(text, source="x.txt"))
    assert [c.label for c in article.children] == ["1.", "2."]
    assert article.children[0].text.endswith("(OJ L 119, 4.5.2016, p. 1).")


def test_a_typographic_ellipsis_reads_as_the_three_full_stops_another_format_types() -> None:
    one = load_text("Article 1\n\nRegulation (EU) 2024/\u2026 (OJ L \u2026).\n", source="a.txt")
    two = load_text("Article 1\n\nRegulation (EU) 2024/... (OJ L ...).\n", source="b.txt")
    assert articles(one)[0].children[0].text == articles(two)[0].children[0].text


def test_the_closing_formula_of_an_eu_act_ends_its_last_article_in_every_format() -> None:
    text = ("Article 1\n\nThis Regulation applies from 1 June 2099.\n\nThis Regulation shall be binding in its entirety "
            "and directly applicable in all Member States.\n\nDone at Brussels, 1 January 2099.\n")
    draft = load_text(text, source="x.txt")
    assert [c.text for c in articles(draft)[0].children] == ["This Regulation applies from 1 June 2099."]
    closing = draft.nodes[-1]
    assert closing.title == "Final formula"
    assert closing.children[0].text.startswith("This Regulation shall be binding")
    assert len([n for n in draft.nodes if n.title == "Final formula"]) == 1


def test_a_heading_numbered_1_5_is_one_label_not_a_division_1_titled_5() -> None:
    draft = load_text("## Article 1\n\nText.\n\n## 1.5. Grounds for the proposal\n\nMore.\n", format="md")
    (division,) = [n for n in draft.walk() if n.kind is Kind.DIVISION]
    assert (division.label, division.title) == ("1.5", "Grounds for the proposal")


def test_a_point_inserted_before_point_a_is_a_point() -> None:
    text = "Article 1\n\n1. Where:\n\n(-a) the use of data;\n\n(a) the keeper;\n\n(b) the lamp.\n"
    (article,) = articles(load_text(text, format="txt"))
    assert [(c.kind, c.label) for c in article.children[0].children] == [
        (Kind.POINT, "(-a)"), (Kind.POINT, "(a)"), (Kind.POINT, "(b)")]


# --- found by an independent check on texts written in other house styles ------------------------------------


def test_an_article_heading_with_no_blank_line_before_it_still_opens_the_article() -> None:
    text = ("Article 1\nThe Parties shall cooperate in good faith.\nArticle 2\n"
            "This Convention enters into force on signature.\n")
    draft = load_text(text, format="txt")
    assert [(a.label, [c.text for c in a.children]) for a in articles(draft)] == [
        ("1", ["The Parties shall cooperate in good faith."]),
        ("2", ["This Convention enters into force on signature."])]


def test_an_article_reference_wrapped_onto_its_own_line_mid_sentence_stays_text() -> None:
    text = "Article 1\n\nThe Parties shall act as laid down in\nArticle 2\nof the Charter.\n"
    assert labels(load_text(text, format="txt")) == ["1"]


BILL_TEXT = """SECTION 1. SHORT TITLE; TABLE OF CONTENTS.

    (a) Short Title.--This Act may be cited as the ``Lamps Act''.
    (b) Table of Contents.--The table of contents for this Act is as
follows:

Sec. 1. Short title; table of contents.
Sec. 2. Definitions.
                        TITLE I--LAMPS
Sec. 101. Lighting.
Sec. 102. Keepers.

SEC. 2. DEFINITIONS.
    In this Act, the term ``lamp'' means a light.

                        TITLE I--LAMPS

SEC. 101. LIGHTING.

    Each lamp shall be lit at dusk.

SEC. 102. KEEPERS.

    A keeper may be paid.

                                       Passed the Senate July 12, 2023.

            Attest:

                                                JOHN SMITH,

                                                    Secretary.
"""


def test_a_plain_text_bill_reads_its_sections_once_its_contents_apart_and_its_attestation_after_them() -> None:
    draft = load_text(BILL_TEXT, format="txt")
    sections = articles(draft)
    assert [(a.label, a.title, a.designation) for a in sections] == [
        ("1", "SHORT TITLE; TABLE OF CONTENTS", "Sec."), ("2", "DEFINITIONS", "Sec."),
        ("101", "LIGHTING", "Sec."), ("102", "KEEPERS", "Sec.")]
    assert sections[1].children[0].text == 'In this Act, the term "lamp" means a light.'
    assert [(n.kind, n.title) for n in draft.walk() if n.kind in (Kind.TITLE, Kind.DIVISION)] == [
        (Kind.TITLE, "LAMPS"), (Kind.DIVISION, "Final formula")]
    assert sum(1 for n in draft.walk() if n.kind is Kind.CONTENTS) == 1
    assert [c.text for c in sections[-1].children] == ["A keeper may be paid."]
    assert draft.nodes[-1].children[0].text == "Passed the Senate July 12, 2023."


def test_letter_spaced_lines_are_joined_back_in_every_text_format() -> None:
    text = "C h a r t s  a n d  l i s t s\n\nArticle 1\n\nThe  Parties  agree.\n\nA N N E X  I\n\nText.\n"
    for form in ("txt", "md"):
        draft = load_text(text, format=form)
        assert "Charts and lists" in [n.text for n in draft.walk()]
        assert [c.text for c in articles(draft)[0].children] == ["The Parties agree."]
        assert draft.counts()["annexes"] == 1


def test_preamble_clauses_with_no_gap_between_them_stay_apart() -> None:
    text = ("The States Parties to this Convention,\nRecognizing the importance of shared lakes for the peoples of the "
            "region and for\nfuture generations,\nNoting the work of the International Law Commission,\n"
            "Have agreed as follows:\n\nArticle 1\n\nThe Parties shall cooperate.\n")
    preamble = load_text(text, format="txt").nodes[0]
    assert [(c.kind, c.text.split()[0]) for c in preamble.children] == [
        (Kind.BLOCK, "The"), (Kind.RECITAL, "Recognizing"), (Kind.RECITAL, "Noting"), (Kind.BLOCK, "Have")]
    assert preamble.children[1].text.endswith("for future generations,")


@pytest.mark.parametrize("number", ["1.5", "1.5.", "2.3.1"])
def test_a_numbered_heading_under_an_annex_heading_is_a_section_not_its_title(number: str) -> None:
    """The first of an annex's numbered sections is not taken for the annex's title (the others never were)."""
    (annex,) = load_text(f"## ANNEX I\n\n## {number} Grounds for refusal\n\nThe authority may refuse.\n\n"
                         "## 1.6 Appeals\n\nAn appeal lies.\n", format="md").nodes
    assert annex.title == ""
    assert [(c.kind, c.label, c.title) for c in annex.children] == [
        (Kind.DIVISION, number.rstrip("."), "Grounds for refusal"), (Kind.DIVISION, "1.6", "Appeals")]


def test_an_annex_title_on_the_next_heading_line_is_still_its_title() -> None:
    (annex,) = load_text("## ANNEX I\n\n## 2024 reporting template\n\nFields.\n", format="md").nodes
    assert annex.title == "2024 reporting template"


def test_a_placeholder_line_after_a_sentence_opens_its_article() -> None:
    # a file of one paragraph a line: "Article 2 [deleted]" was joined to Article 1's sentence, which then read as
    # Article 1's title ("The Parties shall cooperate. Article 2 [deleted]")
    draft = load_text("Article 1\nThe Parties shall cooperate.\nArticle 2 [deleted]\nArticle 3\nText three.\n",
                      source="d.txt", format="txt")
    articles = [p.node for p in draft.articles()]
    assert [(a.label, a.title, a.deleted) for a in articles] == [("1", "", False), ("2", "", True), ("3", "", False)]
    assert articles[0].children[0].text == "The Parties shall cooperate."


def test_a_heading_with_its_full_stop_stands_alone_in_a_file_of_one_paragraph_a_line() -> None:
    # "Article 1." and its text on the next line were one paragraph, and the file read 0 articles
    draft = load_text("Article 1.\nThe law applies.\n\nArticle 2.\nOther text.\n", source="d.txt", format="txt")
    assert [(p.node.label, p.node.children[0].text) for p in draft.articles()] == [
        ("1", "The law applies."), ("2", "Other text.")]


def test_a_title_on_the_heading_line_ends_there_when_the_text_follows_without_a_gap() -> None:
    text = ("Article 3 Scope\nThis Convention applies to wetlands.\n\n"
            "Article 4 Measures to be taken by the Parties in\nrespect of wetlands\n\nThe Parties shall act.\n")
    draft = load_text(text, source="d.txt", format="txt")
    assert [(p.node.title, p.node.children[0].text) for p in draft.articles()] == [
        ("Scope", "This Convention applies to wetlands."),
        ("Measures to be taken by the Parties in respect of wetlands", "The Parties shall act.")]


def test_a_paragraph_that_begins_with_a_reference_keeps_its_wrapped_end() -> None:
    text = "Artikel 1\n\n(3) Artikel 44 Abs. 1 findet auf dem Gebiet der Verteidigung keine\nAnwendung.\n"
    draft = load_text(text, source="d.md", format="md")
    assert [p.node.label for p in draft.articles()] == ["1"]
