"""The structure parser, one heading and numbering style at a time (text and Markdown readers)."""

from __future__ import annotations

import time

import pytest

from treatydiff.load import load_text, patterns
from treatydiff.model import Draft, Kind, Mark, Node


def articles(draft: Draft) -> list[Node]:
    return [p.node for p in draft.articles()]


def labels(draft: Draft) -> list[str]:
    return [a.label for a in articles(draft)]


@pytest.mark.parametrize(
    ("heading", "label", "title"),
    [
        ("Article 5", "5", ""),
        ("ARTICLE 5", "5", ""),
        ("Art. 5", "5", ""),
        ("Art 93", "93", ""),
        ("Article 5 bis", "5 bis", ""),
        ("Article 4a", "4a", ""),
        ("Article XIV", "XIV", ""),
        ("§ 1", "1", ""),
        ("Article [X]", "[X]", ""),
        ("Article 12 Confidentiality", "12", "Confidentiality"),
        ("Article 12 - Confidentiality", "12", "Confidentiality"),
        ("ARTICLE 7: SCOPE OF APPLICATION", "7", "SCOPE OF APPLICATION"),
    ],
)
def test_article_headings_in_plain_text(heading: str, label: str, title: str) -> None:
    word = heading.split()[0].rstrip(":")
    draft = load_text(f"{heading}\n\n1. The Parties shall co-operate.\n\n{word} 99\n\nText.\n", format="txt")
    first = articles(draft)[0]
    assert (first.label, first.title) == (label, title)
    assert first.children[0].text == "The Parties shall co-operate."


def test_article_in_brackets_is_marked() -> None:
    draft = load_text("Article [X]\n[Jurisdiction]\n\n1. Text.\n", format="txt")
    article = articles(draft)[0]
    assert article.title == "[Jurisdiction]"
    assert Mark.BRACKETS in article.marks


@pytest.mark.parametrize(
    "heading",
    ["### Article  2  ", "###Article 2", "## Article 2", "*Article 2*", "**Article 2**", "*Article  2*"],
)
def test_markdown_heading_styles(heading: str) -> None:
    text = f"### Article 1\n\nFirst.\n\n{heading}\n\n####Illegal access\n\nEach Party shall adopt measures.\n"
    draft = load_text(text, format="md")
    assert labels(draft) == ["1", "2"]
    assert articles(draft)[1].title == "Illegal access"


def test_title_on_same_line_in_italics() -> None:
    draft = load_text("*Article 4c Exceptions to Article 4b*\n\n1. Text.\n", format="md")
    assert (articles(draft)[0].label, articles(draft)[0].title) == ("4c", "Exceptions to Article 4b")


def test_title_on_next_line_plain_text() -> None:
    draft = load_text(
        "Article 1\nPurpose\n\n1. The purpose of this Convention is\nto promote co-operation.\n"
    )
    article = articles(draft)[0]
    assert article.title == "Purpose"
    assert article.children[0].text == "The purpose of this Convention is to promote co-operation."


def test_running_text_starting_with_article_is_not_a_heading() -> None:
    text = "Article 1\n\n1. Measures taken under\nArticle 5 of this Convention shall apply.\n\nArticle 5 shall not apply to ships.\n"
    draft = load_text(text, format="txt")
    assert labels(draft) == ["1"]
    assert "Article 5 of this Convention" in draft.nodes[0].children[0].text


@pytest.mark.parametrize(
    "heading",
    [
        "*Article 24 \\[deleted\\]*",
        "### Article 24 [deleted]",
        "Article 24 (deleted)",
        "### Art 49 (weggefallen)",
    ],
)
def test_deleted_placeholders(heading: str) -> None:
    number = "49" if "49" in heading else "24"
    draft = load_text(f"Article 1\n\nText one.\n\n{heading}\n\nArticle 25\n\nText two.\n", format="md")
    placeholder = next(a for a in articles(draft) if a.label == number)
    assert placeholder.deleted and not placeholder.children
    assert draft.counts()["articles"] == 2 and draft.counts()["placeholders"] == 1


@pytest.mark.parametrize("marker", ["\\[deleted\\]", "(weggefallen)", "[Deleted]"])
def test_placeholder_word_on_the_line_after_the_heading(marker: str) -> None:
    text = f"### Article 1\n\nText.\n\n### Art 3\n\n{marker}\n\n### ANNEX I\n\n{marker}\n\n### ANNEX II\n\nList.\n"
    draft = load_text(text, format="md")
    assert [(p.node.label, p.node.deleted) for p in draft.provisions()] == [
        ("1", False), ("3", True), ("I", True), ("II", False)
    ]
    assert not any(p.node.title for p in draft.provisions() if p.node.deleted)


def test_divisions_nest_by_order_of_appearance() -> None:
    text = """
### CHAPTER  I
####USE OF TERMS
### Article 1
Text.
### CHAPTER II
####MEASURES
### SECTION 1
####SUBSTANTIVE LAW
### TITLE 1
####OFFENCES
### Article 2
Text.
### TITLE 2
### Article 3
Text.
### CHAPTER III
### Article 4
Text.
"""
    draft = load_text(text, format="md")
    paths = {p.node.label: p.path for p in draft.articles()}
    assert paths["1"] == ("Chapter I — USE OF TERMS",)
    assert paths["2"] == ("Chapter II — MEASURES", "Section 1 — SUBSTANTIVE LAW", "Title 1 — OFFENCES")
    assert paths["3"] == ("Chapter II — MEASURES", "Section 1 — SUBSTANTIVE LAW", "Title 2")
    assert paths["4"] == ("Chapter III",)


def test_eu_style_title_chapter_section() -> None:
    text = "# TITLE I GENERAL PROVISIONS\n\n*Article 1*\n\nText.\n\n# TITLE III\n\nHIGH-RISK\n\n## Chapter 2\n\n*Article 8*\n\nText.\n"
    draft = load_text(text, format="md")
    paths = {p.node.label: p.path for p in draft.articles()}
    assert paths["1"] == ("Title I — GENERAL PROVISIONS",)
    assert paths["8"] == ("Title III — HIGH-RISK", "Chapter 2")


def test_unnamed_heading_is_a_division_and_headings_after_articles_close_them() -> None:
    text = "### Article 13\n\nText.\n\n####Final clauses\n\n### Article 14\n\n####Signature\n\nText.\n"
    draft = load_text(text, format="md")
    paths = {p.node.label: p.path for p in draft.articles()}
    assert paths["13"] == ()
    assert paths["14"] == ("Final clauses",)
    assert articles(draft)[1].title == "Signature"


@pytest.mark.parametrize(
    ("heading", "label"),
    [("### Annex   A", "A"), ("ANNEX I", "I"), ("Annex A", "A"), ("###Bijlage B", "B"), ("ANNEX", "")],
)
def test_annexes_are_not_articles(heading: str, label: str) -> None:
    text = f"Article 1\n\nText.\n\n{heading}\n\nElimination\n\nPart I\n\n1. Aldrin.\n\nArticle 1\n\nArbitration.\n"
    draft = load_text(text, format="md")
    assert labels(draft) == ["1"]
    annex = next(draft.annexes()).node
    assert annex.label == label
    assert draft.counts()["annexes"] == 1
    assert any(n.kind is Kind.ARTICLE for n in annex.walk())  # articles inside an annex stay inside it


def test_an_annex_heading_before_the_first_article_is_a_cover_label() -> None:
    text = "Delegations will find in the Annex the general approach.\n\nANNEX\n\nArticle 1\n\nText.\n\nANNEX I\n\nList.\n"
    draft = load_text(text, format="txt")
    assert labels(draft) == ["1"]
    assert [p.node.label for p in draft.annexes()] == ["I"]


def test_preamble_citations_and_recitals() -> None:
    text = """Having regard to the Treaty on the Functioning of the European Union,

Having regard to the proposal from the European Commission,

Whereas:

(1) The purpose of this Regulation is to improve the
functioning of the internal market.

(2)

Artificial intelligence is a fast evolving family of technologies.

HAVE ADOPTED THIS REGULATION:

Article 1

Text.
"""
    draft = load_text(text, format="txt")
    preamble = draft.nodes[0]
    assert preamble.kind is Kind.PREAMBLE
    kinds = [c.kind for c in preamble.children]
    assert kinds.count(Kind.CITATION) == 2
    recitals = [c for c in preamble.children if c.kind is Kind.RECITAL]
    assert [r.label for r in recitals] == ["(1)", "(2)"]
    assert (
        recitals[0].text
        == "The purpose of this Regulation is to improve the functioning of the internal market."
    )
    assert recitals[1].text.startswith("Artificial intelligence")
    assert draft.counts()["recitals"] == 2


def test_un_style_preambular_paragraphs_are_recitals() -> None:
    text = "The States Parties to this Convention,\n\nRecognizing that wetlands matter,\n\nMindful of the Ramsar Convention;\n\nHave agreed as follows:\n\nArticle 1\n\nText.\n"
    preamble = load_text(text, format="txt").nodes[0]
    assert [c.kind for c in preamble.children] == [Kind.BLOCK, Kind.RECITAL, Kind.RECITAL, Kind.BLOCK]


def test_adjacent_brackets_in_markdown_are_negotiating_text_not_links() -> None:
    text = "### Article 1\n\n1. [Each State Party shall][States Parties may] apply [the rules][r1].\n\n[r1]: https://example.org\n"
    paragraph = articles(load_text(text, format="md"))[0].children[0]
    assert paragraph.text == "[Each State Party shall][States Parties may] apply the rules."
    assert Mark.BRACKETS in paragraph.marks


def test_paragraphs_points_items() -> None:
    text = """Article 2

1. For the purposes of this Convention:

(a) "computer system" means any device;

(b) "data" means:

(i) any representation;

(ii) any program;

2. Each Party may reserve the right.
"""
    article = articles(load_text(text, format="txt"))[0]
    assert [c.label for c in article.children] == ["1.", "2."]
    first = article.children[0]
    assert [(c.kind, c.label) for c in first.children] == [(Kind.POINT, "(a)"), (Kind.POINT, "(b)")]
    assert [(c.kind, c.label) for c in first.children[1].children] == [
        (Kind.ITEM, "(i)"),
        (Kind.ITEM, "(ii)"),
    ]


def test_point_i_after_h_is_a_point() -> None:
    points = "\n\n".join(f"({c}) point {c};" for c in "abcdefghij")
    article = articles(load_text(f"Article 1\n\n1. Parties shall:\n\n{points}\n", format="txt"))[0]
    assert [c.label for c in article.children[0].children] == [f"({c})" for c in "abcdefghij"]


@pytest.mark.parametrize("style", ["a)", "a.", "(a)"])
def test_point_styles(style: str) -> None:
    def mark(c: str) -> str:
        return style.replace("a", c)

    text = f"Article 1\n\n1.  For this purpose:\n\n{mark('a')} first;\n\n{mark('b')} second.\n\n2.  Other.\n"
    article = articles(load_text(text, format="md"))[0]
    assert [c.label for c in article.children] == ["1.", "2."]
    assert [c.text for c in article.children[0].children] == ["first;", "second."]


def test_german_paragraphs_with_numbered_items() -> None:
    text = "### Art 93\n\n(1) Das Bundesverfassungsgericht entscheidet:\n\n1.  über die Auslegung;\n\n2.  bei Meinungsverschiedenheiten;\n\n(2) Es entscheidet außerdem.\n"
    article = articles(load_text(text, format="md"))[0]
    assert [c.label for c in article.children] == ["(1)", "(2)"]
    assert [(c.kind, c.label) for c in article.children[0].children] == [
        (Kind.POINT, "1."),
        (Kind.POINT, "2."),
    ]


def test_the_final_formula_is_not_the_last_articles_text() -> None:
    text = "Article 85\nEntry into force\n\n1. This Regulation shall enter into force.\n\nDone at Brussels,\n\nFor the Council\n\nThe President\n"
    draft = load_text(text, format="txt")
    assert [c.text for c in articles(draft)[0].children] == ["This Regulation shall enter into force."]
    closing = next(p for p in draft.provisions() if p.node.kind is Kind.DIVISION)
    assert closing.node.title == "Final formula" and len(closing.parts()) == 3


@pytest.mark.parametrize(
    ("last", "kept", "formula"),
    [
        ("It shall apply in all Member States. Done at Brussels,", "It shall apply in all Member States.",
         "Done at Brussels,"),
        ("Il s'applique. Fait à Genève, le 5 mai 2024, en un seul exemplaire.", "Il s'applique.",
         "Fait à Genève, le 5 mai 2024, en un seul exemplaire."),
    ],
)
def test_a_final_formula_run_into_the_last_sentence_is_split_off(last: str, kept: str, formula: str) -> None:
    """Some PDF-to-DOCX conversions put "Done at Brussels," at the end of the last article's paragraph."""
    text = f"Article 85\nEntry into force\n\n1. It shall enter into force.\n\n{last}\n\nFor the Council\n\nThe President\n"
    draft = load_text(text, format="txt")
    assert [c.text for c in articles(draft)[0].children] == ["It shall enter into force.", kept]
    closing = next(p for p in draft.provisions() if p.node.kind is Kind.DIVISION)
    assert closing.node.title == "Final formula"
    assert [n.text for n in closing.parts()] == [formula, "For the Council", "The President"]


@pytest.mark.parametrize(
    "text",
    [
        "The work done at national level shall be reported.",  # no sentence end before it
        "Each Party shall report. Done at the request of a Party, the review shall be public and shall cover "
        "every measure taken under this Article, its effects, and the reasons given for it by each Party, in "
        "the form the Conference of the Parties decides at its first meeting after the entry into force of this "
        "Convention, and again at every later meeting, unless the Conference decides otherwise by consensus.",
    ],
)
def test_done_at_inside_an_article_stays_its_text(text: str) -> None:
    draft = load_text(f"Article 3\nReview\n\n{text}\n\nArticle 4\nEnd\n\nThe end.\n", format="txt")
    assert text in articles(draft)[0].full_text()
    assert not any(p.node.kind is Kind.DIVISION for p in draft.provisions())


def test_typographic_rules_are_not_text() -> None:
    draft = load_text("Article 1\n\n1. Text one.\n__________\n\n2. Text two.\n\n* * *\n", format="txt")
    assert [c.text for c in articles(draft)[0].children] == ["Text one.", "Text two."]


def test_compound_split_at_a_line_end_keeps_its_hyphen() -> None:
    text = "Article 1\n\nThe plan shall be drawn-\nup by the Parties, drawn from the report and followed up.\nThe com-\nmunication follows.\n"
    body = articles(load_text(text, format="txt"))[0].children[0].text
    assert "shall be drawn-up by" in body and "The communication follows." in body


def test_point_ending_with_and_closes_before_the_next_point() -> None:
    text = "Article 1\n\n1. Each Party shall:\n(a) adopt measures; and\n(b) report them.\n"
    point_a, point_b = articles(load_text(text, format="txt"))[0].children[0].children
    assert (point_a.text, point_b.text) == ("adopt measures; and", "report them.")


def test_hard_wrapped_lines_and_hyphenation() -> None:
    text = """Article 3

(1) Alle Menschen sind vor dem Gesetz gleich.
(2) Männer und Frauen sind gleichberechtigt. Der Staat fördert die tat-
sächliche Durchsetzung der Gleichberechtigung und wirkt auf die
Beseitigung bestehender Nachteile hin.
"""
    article = articles(load_text(text, format="md"))[0]
    assert [c.label for c in article.children] == ["(1)", "(2)"]
    assert (
        "die tatsächliche Durchsetzung der Gleichberechtigung und wirkt auf die Beseitigung"
        in article.children[1].text
    )


def test_hyphenated_compound_kept_when_the_draft_spells_it_so() -> None:
    text = (
        "Article 1\n\nThe Parties shall foster co-operation. They shall promote co-\noperation in research.\n"
    )
    article = articles(load_text(text, format="txt"))[0]
    assert article.children[0].text.endswith("They shall promote co-operation in research.")


def test_brackets_and_options_are_kept_and_marked() -> None:
    text = """Article 7

1. [Each State Party shall][States Parties may] establish jurisdiction over [serious] offences.

Option 1: Each State Party shall adopt such measures.

Option 2: States Parties may adopt measures.

2. Unbracketed text.
"""
    article = articles(load_text(text, format="txt"))[0]
    first, option1, option2 = article.children[:3]
    assert first.text.startswith("[Each State Party shall][States Parties may]")
    assert Mark.BRACKETS in first.marks
    assert (option1.label, Mark.OPTION in option1.marks) == ("Option 1", True)
    assert option2.text == "States Parties may adopt measures."
    assert Mark.BRACKETS not in article.children[-1].marks


def test_markdown_noise_is_removed_without_losing_words() -> None:
    text = """---
title: A convention
layout: default
---
<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />

### Article 1

<!-- editor's note: check this -->
The Parties shall apply the [European Cultural Convention](../../BWBV0001/README.md) and *inter alia*
the **rules** in \\[Annex I\\] and <sup>1)</sup> [underlined text]{.ul}.
"""
    draft = load_text(text, format="md")
    body = articles(draft)[0].children[0].text
    assert body == (
        "The Parties shall apply the European Cultural Convention and inter alia the rules in [Annex I] "
        "and 1) underlined text."
    )
    assert not any("title:" in n.text or "meta" in n.text for n in draft.walk())


def test_footnotes_are_attached_to_their_node() -> None:
    text = "Article 1\n\n1. The Parties shall act.[^1]\n\n[^1]: Proposed by one delegation.\n\nArticle 2\n\nText.\n"
    article = articles(load_text(text, format="md"))[0]
    assert article.children[0].text == "The Parties shall act."
    assert article.children[0].footnotes == ("Proposed by one delegation.",)


def test_two_languages_in_one_file_are_kept_apart() -> None:
    english = "\n\n".join(f"### Article {n}\n\nThe Parties shall do {n}." for n in range(1, 4))
    dutch = "\n\n".join(f"### Artikel {n}\n\nDe Partijen doen {n} van de het een." for n in range(1, 4))
    text = f"##Convention\n\n{english}\n\n####Verdrag\n\nPreambule De lidstaten van de Raad.\n\n{dutch}\n"
    draft = load_text(text, format="md")
    assert [n.kind for n in draft.nodes] == [Kind.TEXT, Kind.TEXT]
    assert [n.title for n in draft.nodes] == ["English", "Dutch"]
    assert [len([a for a in n.walk() if a.kind is Kind.ARTICLE]) for n in draft.nodes] == [3, 3]
    assert (
        draft.nodes[1].children[0].children[0].text == "Verdrag"
    )  # the Dutch title went with the Dutch text
    assert any("article numbers repeat" in str(w) for w in draft.warnings)


def test_paragraph_sign_groups_articles_when_a_text_also_has_artikel() -> None:
    text = "### Hoofdstuk 2\n\n### § 1\n\n####Koning\n\n### Artikel 24\n\nTekst.\n\n### § 2\n\n### Artikel 42\n\nTekst.\n"
    draft = load_text(text, format="md")
    assert labels(draft) == ["24", "42"]
    assert next(p.path for p in draft.articles()) == ("Chapter 2", "Section 1 — Koning")


def test_text_without_structure_loads_as_blocks_with_a_warning() -> None:
    draft = load_text("A letter to the delegations.\n\nIt has two paragraphs.\n", format="txt")
    assert [n.kind for n in draft.nodes] == [Kind.BLOCK, Kind.BLOCK]
    assert any("no articles" in str(w) for w in draft.warnings)


def test_typographic_characters_are_normalised() -> None:
    text = "Article 1\n\n1. The \u201cParties\u201d shall\u00a0co\u2011operate \u2014 ``fully'' \ufb01nally.\u00ad\u200b\n"
    assert articles(load_text(text, format="txt"))[0].children[0].text == (
        'The "Parties" shall co-operate - "fully" finally.'
    )


def test_page_furniture_is_removed_and_paragraphs_rejoined() -> None:
    body = "\n\n".join(f"Article {n}\n\n1. The Parties shall take measures number {n}." for n in range(1, 9))
    pages = (
        body.replace("Article 3\n", "Article 3\n\fA/AC.291/22\n- 2 -\n")
        .replace("measures number 6.", "measures\n\fA/AC.291/22\n- 3 -\nnumber 6.")
        .replace("Article 8", "\fA/AC.291/22\n- 4 -\nArticle 8")
    )
    draft = load_text(pages, format="txt")
    texts = [a.children[0].text for a in articles(draft)]
    assert texts[5] == "The Parties shall take measures number 6."
    assert not any("A/AC.291" in n.text for n in draft.walk())
    assert labels(draft) == [str(n) for n in range(1, 9)]


# --- line breaks other than "\n" ------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\u2028", "\v", "\x85", "\r\n"], ids=["LS", "VT", "NEL", "CRLF"])
def test_unicode_and_control_line_breaks_end_lines_in_plain_text(newline: str) -> None:
    """A draft whose lines end only in U+2028 LINE SEPARATOR, a vertical tab (Word's manual line break) or NEL
    reads as the same draft with "\\n"; the lines keep the number an editor shows (one line: 1)."""
    lines = ["Article 1", "Scope", "", "1. The Parties shall act.", "", "Article 2", "Definitions", "", "1. Terms."]
    draft = load_text(newline.join(lines), format="txt")
    assert [(a.label, a.title, a.children[0].text) for a in articles(draft)] == [
        ("1", "Scope", "The Parties shall act."), ("2", "Definitions", "Terms."),
    ]
    assert [a.line for a in articles(draft)] == ([1, 6] if newline == "\r\n" else [1, 1])


def test_paragraph_separator_ends_a_paragraph() -> None:
    text = "Article 1\u2028Scope\u20291. The Parties shall act.\u2029Article 2\u2028Definitions\u20291. Terms."
    draft = load_text(text, format="txt")
    assert [(a.label, a.title, a.children[0].text) for a in articles(draft)] == [
        ("1", "Scope", "The Parties shall act."), ("2", "Definitions", "Terms."),
    ]
    md = load_text("## Article 1\u2029Scope\u2029The Parties shall act.", format="md")
    assert [(a.label, a.title, a.children[0].text) for a in articles(md)] == [("1", "Scope", "The Parties shall act.")]


def test_a_form_feed_inside_a_line_ends_the_line_and_starts_a_page() -> None:
    """"the Parties\fshall" is a paragraph that runs over a page break, not the word "Partiesshall"."""
    text = "Article 1\nScope\n\n1. The Parties\fshall act.\n\nArticle 2\nDefinitions\n\n1. Terms.\n"
    draft = load_text(text, format="txt")
    assert [(a.label, a.title, a.children[0].text) for a in articles(draft)] == [
        ("1", "Scope", "The Parties shall act."), ("2", "Definitions", "Terms."),
    ]


# --- hostile lines: every pattern the readers and the parser apply to a line runs in linear time -----------------

#: A 200 KB line of each kind once took minutes (each opener scanned the rest of the line for its closer).
LONG_LINES = {
    "emphasis *": ("md", "*a "),
    "emphasis _": ("md", "_a "),
    "strike-through": ("md", "~~a "),
    "comments": ("md", "<!--"),
    "images": ("md", "!["),
    "image links": ("md", "![a]("),
    "links": ("md", "[a]("),
    "spans": ("md", "[a]{"),
    "autolinks": ("md", "<http:"),
    "table separator": ("md", "| "),
    "footnote references": ("txt", "[^"),
}


@pytest.mark.parametrize("name", list(LONG_LINES))
def test_a_200_kb_line_of_markup_loads_in_linear_time(name: str) -> None:
    fmt, piece = LONG_LINES[name]
    line = piece * (200_000 // len(piece))
    text = f"Article 1\n\n{line}x\n" if fmt == "txt" else f"## Article 1\n\n[a]: #a\n\n{line}x\n"
    start = time.process_time()
    draft = load_text(text, format=fmt)
    assert time.process_time() - start < 5.0
    assert labels(draft) == ["1"]


def test_reference_definitions_are_found_in_linear_time() -> None:
    """``[a`` on 50 000 lines: a reference label never runs on over a line end."""
    start = time.process_time()
    load_text("## Article 1\n\n[a]: #a\n\n" + "[a\n" * 50_000, format="md")
    assert time.process_time() - start < 5.0


def test_a_heading_with_a_200_kb_run_of_spaces_loads_in_linear_time() -> None:
    start = time.process_time()
    draft = load_text("## Article 1" + " " * 200_000 + "Scope ##\n\nText.\n", format="md")
    assert time.process_time() - start < 5.0
    assert [(a.label, a.title) for a in articles(draft)] == [("1", "Scope")]


def test_the_placeholder_pattern_is_linear_on_a_long_run_of_spaces() -> None:
    """Its callers give it cleaned text (single spaces), but the pattern is shared: ``\\s*[-:]?\\s*`` tried every
    split of a run of spaces (minutes for 200 KB)."""
    start = time.process_time()
    assert not patterns.PLACEHOLDER.match(" " * 200_000 + "x")
    assert not patterns.PLACEHOLDER.match("(deleted)" + " " * 200_000 + "x")
    assert patterns.PLACEHOLDER.match(" - [deleted] . ")
    assert time.process_time() - start < 5.0
