"""Revision marks drawn as formatting: the legend and the conventions (treatydiff.load.markup), and the HTML reader's
marks. (The DOCX reader's are in test_docx.py, the PDF reader's in test_pdf.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.load import amendments, load, markup
from treatydiff.model import Draft, Kind, LoadOptions


@pytest.mark.parametrize(
    ("text", "deleted", "inserted"),
    [
        ("The changes compared with the first compromise text are underlined. Compared with the Commission's "
         "proposal, additions are marked with bold, deletions with strikethrough.", {"struck"}, {"bold"}),
        ("Deletions are shown in strike-through and new text is underlined.", {"struck"}, {"underlined"}),
        ("Les suppressions sont barrées et les ajouts en gras.", {"struck"}, {"bold"}),
        ("Las supresiones se indican tachadas y las adiciones en negrita.", {"struck"}, {"bold"}),
    ],
)
def test_a_legend_names_the_marks(text: str, deleted: set[str], inserted: set[str]) -> None:
    found = markup.legend(text)
    assert found is not None and found.source == "legend"
    assert found.deleted == deleted and found.inserted == inserted


@pytest.mark.parametrize("text", [
    "The changes in the document compared with the first compromise text are underlined.",
    "Article 5 lays down the obligations of providers; additions to Annex III require a delegated act.",
])
def test_text_that_names_no_kind_and_mark_together_is_no_legend(text: str) -> None:
    assert markup.legend(text) is None


def test_without_a_legend_strike_is_a_deletion_and_underline_an_addition_only_beside_it() -> None:
    both = markup.Tally(100, {markup.STRUCK: 5, markup.UNDERLINED: 5})
    rule, unclear = markup.convention(both, None)
    assert rule.deleted == {markup.STRUCK} and rule.inserted == {markup.UNDERLINED} and not unclear
    underlined = markup.Tally(100, {markup.UNDERLINED: 20, markup.BOLD: 30}, {markup.UNDERLINED: 20})
    rule, unclear = markup.convention(underlined, None)
    assert not rule.active
    (warning,) = unclear
    assert "20% of the text is underlined inside sentences" in str(warning)
    headings = markup.Tally(100, {markup.UNDERLINED: 20})  # whole lines underlined: headings, no warning
    assert markup.convention(headings, None) == (markup.Convention(), ())


def test_a_mark_counts_as_inline_only_beside_unmarked_words() -> None:
    tally = markup.Tally()
    tally.line([("Article 5", frozenset({markup.UNDERLINED}))])
    tally.line([("Each Party ", frozenset()), ("shall", frozenset({markup.UNDERLINED}))])
    assert tally.inline == {markup.UNDERLINED: 5}


def test_text_both_added_and_deleted_is_in_neither_view() -> None:
    rule = markup.Convention(frozenset({markup.STRUCK}), frozenset({markup.BOLD}), "legend")
    both = frozenset({markup.STRUCK, markup.BOLD})
    assert rule.hidden(both, "final") and rule.hidden(both, "original")
    assert not rule.hidden(frozenset({markup.BOLD}), "final")
    assert rule.hidden(frozenset({markup.BOLD}), "original")


# --- HTML -----------------------------------------------------------------------------------------------------

MARKED_HTML = """<!doctype html><html><body>
<h2>Article 1</h2>
<p>1. Each Party <del>shall</del><ins>may</ins> adopt measures.</p>
<p>2. <s>Old</s><u>New</u> data of <strike>good </strike>quality <span style="text-decoration: line-through">only
</span>shall be used; t<s>t</s><u>T</u>raining data too.</p>
<p><del>3. This Article expires in 2030.</del></p>
<p>3. Parties shall cooperate<s> fully</s>.</p>
</body></html>"""


def draft(tmp_path: Path, html: str, view: str = "final") -> Draft:
    path = tmp_path / "marked.html"
    path.write_text(html, encoding="utf-8")
    return load(path, LoadOptions(markup=view))


def paragraphs(d: Draft) -> list[str]:
    return [" ".join(node.text.split()) for node in d.walk() if node.text]


def test_html_revisions_and_formatting_marks_in_both_views(tmp_path: Path) -> None:
    final = draft(tmp_path, MARKED_HTML)
    assert paragraphs(final) == [
        "Each Party may adopt measures.", "New data of quality shall be used; tTraining data too.",
        "Parties shall cooperate.",
    ]
    original = draft(tmp_path, MARKED_HTML, "original")
    assert paragraphs(original) == [
        "Each Party shall adopt measures.", "Old data of good quality only shall be used; ttraining data too.",
        "This Article expires in 2030.", "Parties shall cooperate fully.",
    ]
    assert final.view == "final" and original.view == "original"
    (notice,) = [str(w) for w in final.warnings if "marked-up" in str(w)]
    assert "showing the final view" in notice and "--markup original" in notice


def test_html_marks_in_table_cells(tmp_path: Path) -> None:
    html = ("<html><body><h2>Article 1</h2><p>Each Party <s>shall</s><u>may</u> report to:</p><table><tr>"
            "<td>Ruritania</td><td>Ministry of <s>the </s>Interior<u> and Justice</u></td></tr></table></body></html>")
    final, original = (paragraphs(draft(tmp_path, html, view)) for view in ("final", "original"))
    assert final[-1] == "Ruritania | Ministry of Interior and Justice"
    assert original[-1] == "Ruritania | Ministry of the Interior"


def test_html_underline_alone_is_plain_text_with_a_warning(tmp_path: Path) -> None:
    html = "<html><body><h2>Article 1</h2><p>Each Party shall <u>adopt measures</u>.</p></body></html>"
    d = draft(tmp_path, html, "original")
    assert paragraphs(d) == ["Each Party shall adopt measures."]
    assert d.view == ""
    assert any("not read as a mark" in str(w) for w in d.warnings)


def test_html_bold_is_a_mark_only_when_the_legend_says_so(tmp_path: Path) -> None:
    body = "<h2>Article 1</h2><p>Each Party <s>shall </s><b>may </b>adopt measures.</p>"
    plain = draft(tmp_path, f"<html><body>{body}</body></html>", "original")
    assert paragraphs(plain) == ["Each Party shall may adopt measures."]  # no legend: bold marks nothing
    legend = "<p>Additions are marked in bold, deletions in strikethrough.</p>"
    marked = draft(tmp_path, f"<html><body>{legend}{body}</body></html>", "original")
    assert paragraphs(marked)[-1] == "Each Party shall adopt measures."


# --- one compromise text in three formats (fixtures/markup, written by fixtures/make_markup.py) -------------------

ROOT = Path(__file__).resolve().parents[1]
MARKED = ROOT / "fixtures" / "markup"


def _tree(d: Draft) -> list[str]:
    from test_formats import tree_lines

    return tree_lines(d.nodes)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("view", ["final", "original"])
def test_each_format_reads_the_compromise_into_both_of_its_texts(fmt: str, view: str) -> None:
    d = load(MARKED / f"compromise.{fmt}", LoadOptions(markup=view))
    expected = _tree(load(MARKED / f"{view}.txt"))
    assert d.view == view
    assert _tree(d) == expected
    (notice,) = [str(w) for w in d.warnings if "marked-up" in str(w)]
    assert f"showing the {view} view" in notice


def test_the_marked_up_fixtures_are_up_to_date() -> None:
    pytest.importorskip("reportlab", reason="reportlab (the 'fixtures' extra) writes the PDF")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_markup", ROOT / "fixtures" / "make_markup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stale = [name for name, data in module.outputs().items() if (MARKED / name).read_bytes() != data]
    assert not stale, f"out of date: {stale} — run python fixtures/make_markup.py and commit the files"


# --- one marked-up file: compare, check, history, outline -------------------------------------------------------


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_compare_with_one_marked_up_file_compares_its_original_with_its_final_text(fmt: str) -> None:
    result = invoke("compare", MARKED / f"compromise.{fmt}", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    report = json.loads(result.stdout)
    assert report["old"]["label"] == "compromise (original)" and report["new"]["label"] == "compromise (final)"
    outcomes = {(c["old"][0]["number"] if c["old"] else "", c["new"][0]["number"] if c["new"] else ""): c["outcome"]
                for c in report["changes"] if (c["old"] or c["new"])[0]["kind"] == "article"}
    assert outcomes[("4", "")] == "removed" and outcomes[("", "4a")] == "added"
    assert outcomes[("1", "1")] == "modified" and outcomes[("5", "5")] == "modified"
    (notice,) = [line for line in result.stderr.splitlines() if "marked-up" in line]
    assert "comparing its original text" in notice and "--markup" not in notice


def test_compare_with_one_file_that_carries_no_marks_is_one_error_line() -> None:
    result = invoke("compare", MARKED / "final.txt")
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {MARKED / 'final.txt'}: the file carries no revision marks")
    assert "compare OLD NEW" in line


def test_check_and_history_take_one_marked_up_file() -> None:
    checked = invoke("check", MARKED / "compromise.html", "--fail-on", "removed")
    assert checked.exit_code == ExitCode.FOUND, checked.stdout + checked.stderr
    assert "Article 4" in checked.stdout or "Art. 4" in checked.stdout
    history = invoke("history", MARKED / "compromise.docx", "-f", "json")
    assert history.exit_code == ExitCode.OK, history.stderr
    drafts = json.loads(history.stdout)["drafts"]
    assert [d["label"] for d in drafts] == ["compromise (original)", "compromise (final)"]


def test_outline_shows_the_final_text_and_the_original_when_asked() -> None:
    final = invoke("outline", MARKED / "compromise.pdf", "-f", "json")
    original = invoke("outline", MARKED / "compromise.pdf", "-f", "json", "--markup", "original")
    labels = [[n["label"] for n in json.loads(r.stdout)["nodes"] if n["kind"] == "article"] for r in (final, original)]
    assert labels == [["1", "2", "3", "4a", "5"], ["1", "2", "3", "4", "5"]]


# --- real compromise texts (../shared/corpus; skipped when it is absent) -----------------------------------------

CORPUS = ROOT.parent / "shared" / "corpus"
COMPROMISES = CORPUS / "eu-ai-act-marked-up"


def _struck_passages(path: Path, longest: int = 40) -> list[str]:
    """The struck-through runs of at least ``longest`` characters, as the PDF draws them (one line each)."""
    from pypdf import PdfReader

    from treatydiff.load import pdf as pdf_reader

    found = []
    pages = PdfReader(path).pages
    meter = pdf_reader._Meter(str(path), path.stat().st_size)  # the reader's limits, as it reads a file
    for number, page in enumerate(pages, start=1):
        meter.begin(page, number)
        for run in pdf_reader._runs(page, meter):
            text = " ".join(run.text.split())
            if markup.STRUCK in run.marks and markup.BOLD not in run.marks and len(text) >= longest:
                found.append(text)
    return found


def _words(d: Draft) -> str:
    return " ".join(" ".join(node.text.split()) for node in d.walk() if node.text)


@pytest.mark.skipif(not COMPROMISES.is_dir(), reason="../shared/corpus/eu-ai-act-marked-up is not present")
def test_a_real_compromise_leaves_its_struck_passages_out_of_the_final_text_only() -> None:
    from treatydiff.load import load_views

    path = COMPROMISES / "2022-01-13-FRA-compromise-Art-8-15-marked-up.pdf"
    passages = _struck_passages(path)
    assert len(passages) >= 10
    original, final = load_views(path)
    in_original = sum(p in _words(original) for p in passages)
    in_final = sum(p in _words(final) for p in passages)
    assert in_original >= 0.9 * len(passages), (in_original, len(passages))
    # (a passage moved is struck where it was and added where it went: it is in the final text once more)
    assert in_final <= max(1, len(passages) // 20), [p for p in passages if p in _words(final)]
    (notice,) = [str(w) for w in original.warnings if "marked-up" in str(w)]
    assert "as its legend says" in notice and "additions in bold" in notice


@pytest.mark.skipif(not COMPROMISES.is_dir(), reason="../shared/corpus/eu-ai-act-marked-up is not present")
def test_a_real_compromise_reads_the_articles_of_its_clean_twin_and_of_the_proposal() -> None:
    """The Czech presidency's 1st compromise (139 pages, marked up against the Commission proposal): its final
    view has the articles of the same text published clean, its original view those of the proposal."""
    from treatydiff.load import load_views

    clean = CORPUS / "eu-ai-act-council-drafts"
    original, final = load_views(COMPROMISES / "v04-2022-07-15-CZ-1st-compromise-proposal-marked-up.pdf")
    twin = load(clean / "v04-2022-07-15-AIA-CZ-1st-Proposal-15-July.md")
    proposal = load(clean / "v01-2021-04-21-AIA-COM-Proposal-21-April-21.md")
    assert [a.node.label for a in final.articles()] == [a.node.label for a in twin.articles()]
    assert len(list(original.articles())) == len(list(proposal.articles()))


# --- amendment tables: two drafts in one, a column each ----------------------------------------------------------


def _articles(d: Draft) -> dict[str, list[str]]:
    return {p.node.label: [" ".join(f"{n.label} {n.text}".split()) for n in p.node.walk() if n.text]
            for p in d.articles()}


def test_an_amendments_document_reads_as_its_two_columns() -> None:
    from treatydiff.load import load_views

    original, final = load_views(MARKED / "amendments.html")
    assert _articles(original) == {
        "1": ["1. This Convention applies to military assistance in disasters.",
              "2. Each Party shall designate a national focal point.", "3. It does not apply to armed conflict."],
        "3": ["(b) the type of assistance required;"],
    }
    assert _articles(final)["3a"] == ["Personnel providing assistance shall enjoy the necessary privileges."]
    # amendments 3, 4 and 7 all go to Article 1, in the order of its paragraphs as they come
    assert _articles(final)["1"][2] == "3. It does not apply to armed conflict or to internal disturbances."
    everything = " ".join(n.text for d in (original, final) for n in d.walk())
    assert "Justification" not in everything and "focal point should be a choice" not in everything
    # the amendment that cannot be placed is kept, and said
    assert "Done at Geneva." in everything and "Done at Geneva, in six languages." in everything
    (warning,) = [str(w) for w in original.warnings if "could not be read" in str(w)]
    assert "Amendment 8 (Final part of the text)" in warning


@pytest.mark.parametrize("view", ["original", "final"])
def test_amendment_tables_in_a_pdf_read_as_they_do_in_html(view: str) -> None:
    """The columns are cut at the gutter, never read in page order; tables run over page breaks; the running
    header and footer are not text of either column."""
    html = load(MARKED / "amendments.html", LoadOptions(markup=view))
    pdf = load(MARKED / "amendments.pdf", LoadOptions(markup=view))
    assert _tree(pdf) == _tree(html)
    assert pdf.view == view
    assert [w.message for w in pdf.warnings if "could not be read" in w.message] == [
        w.message for w in html.warnings if "could not be read" in w.message]


def test_compare_with_one_amendments_document_compares_column_1_with_column_2() -> None:
    result = invoke("compare", MARKED / "amendments.html", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stderr
    report = json.loads(result.stdout)
    by_number = {(c["new"] or c["old"])[0]["number"]: c for c in report["changes"]
                 if (c["new"] or c["old"])[0]["kind"] == "article"}
    assert by_number["3a"]["outcome"] == "added"
    assert by_number["1"]["outcome"] == "modified"
    assert "obligation-weakened" in {f["kind"] for f in by_number["1"]["flags"]}
    assert "amendment tables (8 amendments" in result.stderr


DSA_AMENDMENTS = CORPUS / "eu-dsa" / "v2-2022-01-20-EP-amendments.html"


@pytest.mark.skipif(not DSA_AMENDMENTS.exists(), reason="../shared/corpus/eu-dsa is not present")
def test_the_parliaments_dsa_amendments_compare_from_one_file_each_under_its_article() -> None:
    from treatydiff.load import load_views

    original, final = load_views(DSA_AMENDMENTS)
    before, after = _articles(original), _articles(final)
    assert len(after) >= 70 and len(before) >= 55
    assert "1a" in after and "1a" not in before  # "Article 1 a (new)": only in the Amendment column
    # "Article 2 - paragraph 1 - point a": the proposal's point (a) and the amended one, both under Article 2
    assert any(text.startswith("(a) ") for text in before["2"]) and any(t.startswith("(a) ") for t in after["2"])
    assert not [w for w in original.warnings if "could not be read" in str(w)]


ENVI_AMENDMENTS = COMPROMISES / "2022-01-25-EP-ENVI-opinion-amendments.pdf"


@pytest.mark.skipif(not ENVI_AMENDMENTS.exists(), reason="../shared/corpus/eu-ai-act-marked-up is not present")
def test_a_committees_two_column_amendments_pdf_reads_as_its_two_columns() -> None:
    from treatydiff.load import load_views

    original, final = load_views(ENVI_AMENDMENTS)
    (notice,) = [str(w) for w in original.warnings if "amendment tables" in str(w)]
    assert "(201 amendments in 2 columns;" in notice  # Amendments 68 to 268, every one
    assert any("amended more than once" in str(w) for w in original.warnings)  # competing amendments, said
    before, after = _articles(original), _articles(final)
    assert set(before) <= set(after) and len(after) > len(before)
    # no line of one column in the other: the proposal's recital 1 is whole in the left column
    recital = next(n.text for n in original.walk() if n.text.startswith("The purpose of this Regulation"))
    assert recital.endswith("unless explicitly authorised by this Regulation.")
    assert "green artificial" not in recital


def test_columns_chooses_which_two_columns_of_a_comparison_table_are_compared() -> None:
    def flags(*args: str) -> set[str]:
        result = invoke("compare", MARKED / "comparison.html", "-f", "json", *args)
        assert result.exit_code == ExitCode.OK, result.stderr
        return {f["kind"] for c in json.loads(result.stdout)["changes"] for f in c["flags"]}

    assert "obligation-weakened" in flags()  # columns 1 and 2 by default: the Parliament's "may"
    assert "obligation-weakened" not in flags("--columns", "1,3")  # the Council kept "shall"
    column = invoke("outline", MARKED / "comparison.html", "--column", "3", "-f", "json")
    texts = [n["text"] for a in json.loads(column.stdout)["nodes"] for n in a["children"]]
    assert texts == ["Each Party shall designate one or more focal points.", "The Secretariat shall keep a register."]


@pytest.mark.parametrize("args", [["--columns", "1,4"], ["--columns", "2"], ["--columns", "0,1"]])
def test_a_column_the_tables_lack_is_one_error_line(args: list[str]) -> None:
    result = invoke("compare", MARKED / "comparison.html", *args)
    assert result.exit_code == ExitCode.ERROR
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_a_column_with_no_text_in_any_table_is_said(tmp_path: Path) -> None:
    html = ("<html><body><p><b>Article 1</b></p><table><tr><td>Text proposed by the Commission</td>"
            "<td>Amendment</td></tr><tr><td>1. Each Party shall act.</td><td></td></tr></table></body></html>")
    d = draft(tmp_path, html)
    assert any("column 2 of the amendment tables holds no text" in str(w) for w in d.warnings)


def test_bold_inside_sentences_without_a_legend_or_strike_is_said_to_be_unread() -> None:
    tally = markup.Tally(100, {markup.BOLD: 30}, {markup.BOLD: 30})
    rule, unclear = markup.convention(tally, None)
    assert not rule.active
    (warning,) = unclear
    assert "30% of the text is in bold inside sentences" in str(warning) and "bold is not read" in str(warning)


def test_an_amendment_to_a_place_the_first_column_lacks_is_said() -> None:
    tables = [amendments.Table("9", "Article 7 - paragraph 2", 3, (((), ("2. Text.",)),))]
    _, warnings = amendments.column_lines(tables, 0)
    assert any("not marked (new): 9 (Article 7 - paragraph 2)" in str(w) for w in warnings), warnings
    new = [amendments.Table("10", "Article 7 a (new)", 4, (((), ("Text.",)),))]
    assert not [w for w in amendments.column_lines(new, 0)[1] if "not marked (new)" in str(w)]


@pytest.mark.parametrize("heading", [
    "Text proposed by the Commission Amendment",
    "NORMATIVA VIGENTE TEXTO DESPACHADO POR LA COMISIÓN DE DEFENSA NACIONAL",
])
def test_a_table_exported_to_plain_text_is_read_as_one_text_and_said(tmp_path: Path, heading: str) -> None:
    path = tmp_path / "table.txt"
    path.write_text(f"Amendment 1\n\nRecital 1\n\n{heading}\n\n(1) Old text. (1) New text.\n", encoding="utf-8")
    d = load(path)
    (warning,) = [str(w) for w in d.warnings if "stand on one line" in str(w)]
    assert warning.startswith("line 5:") and "cannot be told apart" in warning
    assert d.view == ""


def test_plain_text_that_names_a_column_in_a_sentence_is_no_table(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Article 1\n\nThe amendment proposal shall be tabled in writing.\n", encoding="utf-8")
    assert not [w for w in load(path).warnings if "stand on one line" in str(w)]


@pytest.mark.parametrize(("view", "sentence", "cell"), [
    ("final", "Each Party may designate a focal point for assistance.", "Ruritania Ministry of Interior"),
    ("original", "Each Party shall designate a focal point.", "Ruritania Ministry of the Interior"),
])
def test_a_pdf_that_states_its_convention_marks_additions_in_bold(view: str, sentence: str, cell: str) -> None:
    """The legend names bold: bold runs are added text, left out of the original view (with the space before
    them), and a table cell loses its struck word."""
    d = load(MARKED / "legend.pdf", LoadOptions(markup=view))
    assert _articles(d)["1"] == [sentence, cell]
    (notice,) = [str(w) for w in d.warnings if "marked-up" in str(w)]
    assert "additions in bold, as its legend says" in notice


def test_the_space_before_an_insertion_goes_with_it(tmp_path: Path) -> None:
    html = ("<html><body><h2>Article 1</h2><p>Each Party <s>shall</s><u>may</u> designate a focal point "
            "<u>for assistance</u>.</p></body></html>")
    assert paragraphs(draft(tmp_path, html, "original")) == ["Each Party shall designate a focal point."]


@pytest.mark.parametrize("column", [1, 2, 3])
def test_a_three_column_comparison_table_in_a_pdf_reads_as_in_html(column: int) -> None:
    """Columns cut at the midpoints between the centres of their headings; a table with no amendment number
    opens at its headings, placed by the provision's line above them."""
    options = LoadOptions(columns=(column, column))
    pdf, html = (load(MARKED / f"comparison.{fmt}", options) for fmt in ("pdf", "html"))
    assert _tree(pdf) == _tree(html)
    assert list(_articles(pdf)) == ["1", "2"]


#: An amendment whose new point lists its items in dash rows, each dash a cell of its own in a table nested in
#: the amendment's cell (how the Parliament's amendments are published on EUR-Lex).
DASH_AMENDMENT = """<html><body>
<p>Amendment 7</p><p>Article 4 - paragraph 2 - point b a (new)</p>
<table><tr><td><p>Text proposed by the Commission</p></td><td><p>Amendment</p></td></tr>
<tr><td><p> </p></td><td><table><tr><td><p>(ba)</p></td><td>
<p>it publishes a yearly report on the requests received. The report shall list:</p>
<table><tr><td><p>\u2014</p></td><td><p>the requests by the authority that made them;</p></td></tr></table>
<table><tr><td><p>\u2014</p></td><td><p>the action taken on each request.</p></td></tr></table>
</td></tr></table></td></tr>
<tr><td><p> </p></td><td><p>The reports shall be public.</p></td></tr></table>
</body></html>"""


def test_dash_items_in_an_amendment_cell_stay_list_items(tmp_path: Path) -> None:
    (article,) = draft(tmp_path, DASH_AMENDMENT).nodes
    point, closing = article.children
    assert (point.label, [c.kind for c in point.children]) == ("(ba)", [Kind.POINT, Kind.POINT])
    assert [c.text for c in point.children] == ["the requests by the authority that made them;",
                                                 "the action taken on each request."]
    assert closing.text == "The reports shall be public."


def test_a_dash_set_apart_opens_a_list_item_in_an_amendment_column() -> None:
    """As a PDF's table cell prints it: the dash, then the words (a minus before a number is no bullet)."""
    tables = [amendments.Table("1", "Article 2", 1, (((), ("Points:", "\u2013 the first;", "- 2 per cent")),))]
    lines, _ = amendments.column_lines(tables, 1)
    items = [(line.text, line.bullet) for line in lines if line.text and line.text != "Article 2"]
    assert items == [("Points:", False), ("the first;", True), ("- 2 per cent", False)]
