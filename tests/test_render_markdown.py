"""The ``-f markdown`` change report: golden files, structure, and treaty text that tries to break the Markdown.

Each pair of fixture drafts has a golden report ``fixtures/convention/expected/OLD__NEW.compare.md``
(``<del>``/``<ins>`` redlines), and one pair also ``OLD__NEW.plain.compare.md`` (``markdown_style="plain"``:
``~~deleted~~ **inserted**``). Regenerate them after an intended change with::

    TREATYDIFF_REGEN=1 python -m pytest tests/test_render_markdown.py

and review the diff of the golden files like any other change. Rendered documents are parsed with
markdown-it-py (CommonMark plus GFM tables and strikethrough) to check what a reader would actually see.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from treatydiff.compare import compare
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, Outcome, RenderOptions
from treatydiff.render import COMPARE
from treatydiff.render.compare_markdown import escape

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASE = FIXTURES / "convention"
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"
PAIRS = [("zero-draft", "revised-draft"), ("revised-draft", "final-text"), ("zero-draft", "final-text")]
STYLES = [(old, new, "html") for old, new in PAIRS] + [("zero-draft", "revised-draft", "plain")]


def markdown(comparison: Comparison, **options: object) -> str:
    return COMPARE.get("markdown")(comparison, RenderOptions(**options), Console(file=StringIO(), width=100))  # type: ignore[arg-type]


def to_html(text: str) -> str:
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text))


@cache
def fixture_comparison(old: str, new: str) -> Comparison:
    drafts = []
    for name in (old, new):
        path = CASE / f"{name}.md"
        drafts.append(replace(load(path), source=path.relative_to(FIXTURES.parent).as_posix()))  # same on every machine
    return compare(drafts[0], drafts[1])


# --- golden files --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "style"), STYLES, ids=lambda value: value)
def test_golden_markdown_report(old: str, new: str, style: str) -> None:
    got = markdown(fixture_comparison(old, new), markdown_style=style)
    suffix = "" if style == "html" else f".{style}"
    golden = CASE / "expected" / f"{old}__{new}{suffix}.compare.md"
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run TREATYDIFF_REGEN=1 python -m pytest tests/test_render_markdown.py"
    assert got == golden.read_text(encoding="utf-8")


# --- structure -----------------------------------------------------------------------------------------


def test_report_reads_top_to_bottom() -> None:
    text = markdown(fixture_comparison("zero-draft", "revised-draft"))
    assert text.startswith("# zero-draft → revised-draft\n")
    assert "fixtures/convention/zero-draft.md (md)" in text.splitlines()[2]
    headings = ("## Changes that may alter legal meaning", "## Summary", "## By chapter", "## Concordance", "## Changes\n")
    order = [text.index(h) for h in headings]
    assert order == sorted(order)
    assert "| outcome | articles |" in text and "| share of text changed | 4.6% |" in text
    assert "| old | new | outcome | similarity |" in text
    assert "### Art. 5 → Art. 6 — General obligations" in text
    assert "Renumbered from Article 5" in text
    assert "- **obligation-weakened** (high): shall → may (para 4.)" in text
    assert "| [Art. 5 → Art. 6](#art-6) | **high** | qualifier-added: ∅ → where appropriate | 2 |" in text
    assert "**4.** Each State Party <del>shall</del><ins>may</ins> take into account" in text
    assert "*… 2 unchanged paragraphs*" in text
    assert "Renumbered from Article 36" not in text  # a placeholder keeps its number


def test_chapter_table_has_a_column_per_outcome_that_occurs() -> None:
    comparison = fixture_comparison("revised-draft", "final-text")
    header = next(line for line in markdown(comparison).splitlines() if line.startswith("| chapter |"))
    columns = [cell.strip() for cell in header.strip("|").split("|")][1:]
    occurring = [o for o, n in comparison.totals.outcomes.items() if n]
    assert sorted(columns) == sorted(occurring)


def test_summary_only_stops_after_the_tables() -> None:
    text = markdown(fixture_comparison("zero-draft", "revised-draft"), summary_only=True)
    assert "## Concordance" in text and "## Changes\n" not in text and "<del>" not in text
    assert text.endswith("|\n")


def test_summary_only_links_to_no_section_it_leaves_out() -> None:
    """The lead table and the concordance link to the articles' sections only when the report has them."""
    comparison = fixture_comparison("zero-draft", "revised-draft")
    assert "](#" in markdown(comparison, concordance=True)
    assert "](#" not in markdown(comparison, concordance=True, summary_only=True)


def test_context_shows_unchanged_paragraphs_around_changes() -> None:
    comparison = fixture_comparison("zero-draft", "revised-draft")
    assert len(markdown(comparison, context=1)) > len(markdown(comparison))
    assert "*… 2 unchanged paragraphs*" not in markdown(comparison, context=5).split("### Art. 5 → Art. 6")[1][:2000]


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda value: value)
def test_table_of_contents_links_to_every_section(old: str, new: str) -> None:
    text = markdown(fixture_comparison(old, new))
    anchors = re.findall(r'^<a id="([^"]+)"></a>$', text, flags=re.M)
    links = re.findall(r"^- \[.*\]\(#([^)]+)\)$", text, flags=re.M)
    assert anchors and links == anchors and len(set(anchors)) == len(anchors)
    # the concordance links only to sections that exist
    assert set(re.findall(r"\]\(#([^)]+)\) \|", text)) <= set(anchors)


@pytest.mark.parametrize(("old", "new", "style"), STYLES, ids=lambda value: value)
def test_no_redline_spans_a_paragraph_break(old: str, new: str, style: str) -> None:
    text = markdown(fixture_comparison(old, new), markdown_style=style)
    assert not re.search(r"<(del|ins)>(?:(?!</\1>).)*\n\s*\n", text, flags=re.S)
    for line in text.splitlines():
        for tag in ("del", "ins"):
            assert line.count(f"<{tag}>") == line.count(f"</{tag}>"), line


def test_plain_style_markers_all_take_effect() -> None:
    """Every ``~~``/``**`` pair renders as strikethrough / bold: none is left printed as asterisks or tildes,
    even next to punctuation (``shall**, where appropriate,**``)."""
    text = markdown(fixture_comparison("zero-draft", "revised-draft"), markdown_style="plain")
    assert "<del>" not in text and "<ins>" not in text
    html = to_html(text)
    visible = re.sub(r"<[^>]+>", "", html)
    assert "**" not in visible and "~~" not in visible
    assert "<strong>\u200b, where appropriate,</strong> integrate" in html


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="markdown style"):
        markdown(fixture_comparison("zero-draft", "revised-draft"), markdown_style="fancy")


def test_no_changes() -> None:
    draft = load(CASE / "zero-draft.md")
    text = markdown(compare(draft, draft))
    assert "No changes." in text and "<a id=" not in text


# --- hostile treaty text -------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "https://example.org/x",
    "| pipes | in | text |",
    "*stars* _under_ [link](http://x) # hash",
    "`code` ~~struck~~ $math$ &amp; &lt;b&gt; user@example.org",
]
# Paragraphs that would open a block if they started a line unescaped.
LEADING = ["# not a heading", "> not a quote", "- not a list", "+ not a list", "=== not a heading", "* * * not a rule",
           "1986) was a year", "<div>not a block</div>"]


def _draft(label: str, articles: list[tuple[str, list[str]]]) -> str:
    lines = ["TEST CONVENTION", "", label, "", "CHAPTER I", "PIPES | IN | A <B>HEADING</B>", ""]
    for number, (title, paragraphs) in enumerate(articles, start=1):
        lines += [f"Article {number}", title, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def hostile_comparison() -> Comparison:
    """The hostile text is deleted from one article and inserted into another, so it shows in both ``<del>``
    and ``<ins>``, and some of it stays put (``equal``)."""
    hostile = " ".join(HOSTILE)
    old = _draft("Zero draft", [
        ("Scope", ["This Convention applies to coastal wetlands.", "It also applies to " + hostile]),
        ("Payload", ["Each State Party shall consider " + hostile + " in good faith.", *LEADING]),
        ("Depositary", ["The Secretary-General shall be the depositary of this Convention."]),
    ])
    new = _draft("Rev.1", [
        ("Scope", ["This Convention applies to coastal wetlands.", "It also applies to " + hostile,
                   "In addition " + hostile + " applies."]),
        ("Payload", ["Each State Party may consider the matter in good faith.", *reversed(LEADING)]),
        ("Depositary", ["The Secretary-General shall be the depositary of this Convention."]),
    ])
    return compare(load_text(old, source="<old> | *x*.txt", format="txt"),
                   load_text(new, source="new.txt", format="txt"))


class _Tags(HTMLParser):
    """The tags and the text of an HTML fragment, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("style", ["html", "plain"])
def test_hostile_text_cannot_break_the_markdown(style: str) -> None:
    comparison = hostile_comparison()
    text = markdown(comparison, markdown_style=style, context=10)
    if style == "html":  # the text really is in deletions, insertions and unchanged runs
        assert re.search(r"<del>[^\n]*&lt;script&gt;", text) and re.search(r"<ins>[^\n]*&lt;script&gt;", text)
    html = to_html(text)
    parsed = _Tags()
    parsed.feed(html)
    tags = [tag for tag, _ in parsed.tags]
    assert not set(tags) & {"script", "img", "div", "blockquote", "h4", "h5", "h6", "hr", "ol", "pre", "br"}
    assert tags.count("h1") == 1 and tags.count("ul") == 1 + sum(1 for c in comparison.changes if c.flags)
    # code spans and emphasis are the report's own badges, paths and gap lines, never the draft's
    outcomes = {o.value for o in Outcome} | {"editorial only"}
    assert set(re.findall(r"<code>(.*?)</code>", html)) <= outcomes
    assert all(em.startswith(("… ", "Chapter I — PIPES")) for em in re.findall(r"<em>(.*?)</em>", html))
    assert all(li.startswith(("<a href=", "<strong>")) for li in re.findall(r"<li>(.*?)</li>", html))
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
    # the only links are the report's own: table of contents and concordance, to anchors in the page
    hrefs = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a" and "href" in attrs]
    assert hrefs and all((href or "").startswith("#") for href in hrefs)
    # the pipes do not add table columns: every row has as many cells as its header
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>.*?</tr>", table.split("</thead>")[1], flags=re.S):
            assert len(re.findall(r"<td", row)) == header
    # every word is there as text, exactly as written
    visible = "".join(parsed.text)
    for phrase in [*HOSTILE, *LEADING, "<old> | *x*.txt", "PIPES | IN | A <B>HEADING</B>"]:
        assert phrase in visible, phrase
    # headings: the report's own, with the hostile source name inside the text of the first one
    assert len(re.findall(r"<h3>", html)) == len(re.findall(r'<a id="', text))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# heading", "# heading"),
        ("> quote", "> quote"),
        ("1986. A year", "1986. A year"),
        ("2) second", "2) second"),
        ("- item", "- item"),
        ("+ item", "+ item"),
        ("--- rule", "--- rule"),
        ("<b>bold</b> &amp; co", "<b>bold</b> &amp; co"),
        ("a\\*b\\", "a\\*b\\"),
        ("line one\nline two", "line one line two"),
        ("[x]: http://evil", "[x]: http://evil"),
        ("www.example.org", "www.example.org"),
    ],
)
def test_escape_shows_text_as_written(text: str, shown: str) -> None:
    html = to_html(escape(text))
    assert html.startswith("<p>") and html.count("<") == 2, html  # one paragraph, nothing else
    parsed = _Tags()
    parsed.feed(html)
    assert "".join(parsed.text).strip() == shown


# --- max_chars (compare --max-chars N): a report that fits a GitHub comment ------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LIMITS = [1000, 2500, 5000, 10_000, 20_000, 30_000]
SECTION = re.compile(r'^<a id="([^"]+)"></a>$', flags=re.M)


def assert_fits(text: str, limit: int) -> None:
    """At most ``limit`` characters (``len()``, as GitHub counts), links only to sections that are there, and a
    last line that says what was left out."""
    assert len(text) <= limit
    assert text.endswith(".*\n")
    last = text.splitlines()[-1]
    assert last.startswith(("*Left out to stay within ", "*Cut here to stay within ")), last
    assert f"{limit:,} characters" in last
    assert set(re.findall(r"\]\(#([^)]+)\)", text)) <= set(SECTION.findall(text))
    assert not re.search(r"<(del|ins)>(?:(?!</\1>).)*\n", text)  # no redline cut in the middle


@cache
def ai_act() -> Comparison:
    found = [sorted(CORPUS.glob(f"eu-ai-act-council-drafts/{v}-*.md")) for v in ("v01", "v10")]
    if not all(found):
        pytest.skip("../shared/corpus is not present")
    return compare(load(found[0][0]), load(found[1][0]))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda value: value)
@pytest.mark.parametrize("limit", LIMITS)
def test_max_chars_holds_on_the_fixtures(old: str, new: str, limit: int) -> None:
    comparison = fixture_comparison(old, new)
    whole = markdown(comparison)
    text = markdown(comparison, max_chars=limit)
    if len(whole) <= limit:
        assert text == whole
    else:
        assert_fits(text, limit)


@pytest.mark.parametrize("limit", [1000, 20_000, 65_536, 200_000])
def test_max_chars_holds_on_the_ai_act(limit: int) -> None:
    """The AI Act proposal against the Council's general approach: 441,395 characters in full."""
    comparison = ai_act()
    text = markdown(comparison, max_chars=limit)
    assert_fits(text, limit)
    if limit >= 65_536:  # room for the tables and some articles, the flagged ones
        assert text.index("## Changes that may alter legal meaning") < text.index("## Summary") < \
            text.index("## Concordance") < text.index("## Changes\n") < text.index('<a id="')
        assert "Art. 5 " in text.splitlines()[-1] or "Art. 5," in text.splitlines()[-1] or "#art-5" in text


def test_max_chars_keeps_the_summary_and_the_flags_first() -> None:
    """The head is whole (links to sections left out become plain names); the sections kept are those with the
    most severe flags, printed in document order."""
    comparison = fixture_comparison("zero-draft", "revised-draft")
    whole = markdown(comparison)
    head = whole[: whole.index("## Changes\n")]
    text = markdown(comparison, max_chars=len(head) + 4000)
    unlinked = re.compile(r"\| \[(.*?)\]\(#[^)]+\) \|")  # a table cell linking to a section
    assert unlinked.sub(r"| \1 |", text).startswith(unlinked.sub(r"| \1 |", head))
    assert text.count("](#") < head.count("](#")  # no link to a section left out
    for title in ("## Changes that may alter legal meaning", "## Summary", "## By chapter", "## Concordance"):
        assert text.index(title) < text.index("## Changes\n")
    kept = SECTION.findall(text)
    assert kept and kept == [a for a in SECTION.findall(whole) if a in kept]  # document order
    lead = whole.split("## Summary")[0]
    high = re.findall(r"^\| \[.*?\]\(#([^)]+)\) \| \*\*high\*\*", lead, flags=re.M)
    flagged = re.findall(r"^\| \[.*?\]\(#([^)]+)\) \|", lead, flags=re.M)
    assert set(kept) <= set(high), (high, kept)  # room for a few: high flags only
    roomy = SECTION.findall(markdown(comparison, max_chars=len(whole) * 3 // 4))
    assert set(high) <= set(roomy) and not set(roomy) - set(flagged) - {kept[0]}, roomy  # then the other flags


def test_max_chars_closing_line_names_what_was_left_out() -> None:
    comparison = fixture_comparison("zero-draft", "final-text")
    whole = markdown(comparison)
    text = markdown(comparison, max_chars=len(whole) // 2)
    last = text.splitlines()[-1]
    everything, kept = SECTION.findall(whole), SECTION.findall(text)
    missing = len(everything) - len(kept)
    assert 0 < missing < len(everything)
    assert f": {missing} of {len(everything)} changed articles (" in last
    assert "`--article`" in last and "without `--max-chars`" in last
    assert f"*{len(kept)} of {len(everything)} changed articles shown" in text
    # every article without its section is named, and no article that has one
    headings = dict(re.findall(r'^<a id="([^"]+)"></a>\n\n### (.+?)(?: — .*)?$', whole, flags=re.M))
    named = last.split(" changed articles (", 1)[1].rsplit("). To see them", 1)[0].split(", ")
    assert sorted(named) == sorted(headings[a] for a in everything if a not in kept)


def test_max_chars_cuts_a_head_too_long_at_a_line() -> None:
    comparison = fixture_comparison("zero-draft", "revised-draft")
    head = markdown(comparison, summary_only=True)
    text = markdown(comparison, max_chars=1000)
    assert_fits(text, 1000)
    body, last = text.rstrip("\n").rsplit("\n\n", 1)
    assert head.startswith(body + "\n")  # whole lines of the head, and nothing else
    assert last.startswith("*Cut here to stay within 1,000 characters: the rest of the tables and all ")
    assert "`--article`" in last and "`--summary`" in last
    summary = markdown(comparison, summary_only=True, max_chars=1000)
    assert_fits(summary, 1000)
    assert "changed articles" not in summary.splitlines()[-1]  # a summary was asked for: no articles to leave out


def test_max_chars_too_small_is_refused() -> None:
    with pytest.raises(ValueError, match="max_chars 999 is too small"):
        markdown(fixture_comparison("zero-draft", "revised-draft"), max_chars=999)


def test_max_chars_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from treatydiff.cli import Env, cli

    def run(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(cli, ["compare", str(CASE / "zero-draft.md"), str(CASE / "revised-draft.md"),
                                          *args], obj=Env(environ={}))
        return result.exit_code, result.stdout, result.stderr

    code, out, err = run("-f", "markdown", "--max-chars", "5000")
    assert code == 0 and len(out) <= 5000 and err == ""
    target = tmp_path / "changes.md"
    assert run("--max-chars", "5000", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == out
    code, out, err = run("-f", "markdown", "--max-chars", "999")
    assert code == 2 and out == "" and err.startswith("error: invalid value for '--max-chars': 999 ")
    code, out, err = run("-f", "json", "--max-chars", "5000")
    assert code == 2 and "limits Markdown reports only" in err and len(err.splitlines()) == 1
