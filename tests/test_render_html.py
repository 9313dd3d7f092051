"""``-f html``: golden pages of the fixture pairs, the page's structure and safety, and what a browser shows.

Golden files ``fixtures/convention/expected/OLD__NEW.compare.html`` (inline redline) and
``zero-draft__revised-draft.side-by-side.compare.html`` (``--side-by-side --context 1``). Regenerate them after an
intended change with::

    TREATYDIFF_REGEN=1 python -m pytest tests/test_render_html.py

and review their diff like any other change. Every page is parsed with the standard library's ``HTMLParser``
(well-formed nesting, unique ids, every link a ``#fragment`` that exists, no script, no event handler, nothing
loaded). Drafts holding markup and script are rendered and must show as text; when Debian's ``chromium`` is
installed, the hostile page is also opened in it headless and the DOM it built is checked.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from treatydiff.compare import compare
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, RenderOptions
from treatydiff.render import COMPARE, compare_html, render_comparison

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASE = FIXTURES / "convention"
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"
PAIRS = [("zero-draft", "revised-draft"), ("revised-draft", "final-text"), ("zero-draft", "final-text")]
#: Elements without an end tag.
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"})
#: What a page may contain at all: the renderer builds nothing else.
ALLOWED_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "div", "h1", "h2", "h3",
    "p", "ul", "li", "a", "span", "code", "table", "thead", "tbody", "tr", "th", "td", "del", "ins",
    "details", "summary", "button", "label", "select", "option", "script", "h4",
})


def fixture_comparison(old: str, new: str) -> Comparison:
    drafts = []
    for name in (old, new):
        path = CASE / f"{name}.md"
        drafts.append(replace(load(path), source=path.relative_to(FIXTURES.parent).as_posix()))  # same everywhere
    return compare(drafts[0], drafts[1])


def html_of(comparison: Comparison, options: RenderOptions | None = None) -> str:
    return render_comparison(comparison, "html", options)


# --- a strict reading of the page --------------------------------------------------------------------------


@dataclass
class Page:
    """What ``PageParser`` found: problems, ids, fragment links, text, and elements by tag."""

    problems: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    title: str = ""
    csp: str = ""
    #: (tag, text inside it) for del and ins
    marks: list[tuple[str, str]] = field(default_factory=list)
    #: the text of each <script> element
    scripts: list[str] = field(default_factory=list)


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self._mark: list[str] | None = None

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.page.problems.append(f"doctype {decl!r}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        page = self.page
        page.tags.append(tag)
        if tag not in ALLOWED_TAGS:
            page.problems.append(f"unexpected element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                page.problems.append(f"event handler {name}= on <{tag}>")
            if name in ("src", "srcset", "action", "formaction", "background", "poster", "data"):
                page.problems.append(f"{name}= on <{tag}>")
            if name == "href":
                if not value.startswith("#"):
                    page.problems.append(f"link to {value!r}")
                page.links.append(value[1:])
            if name == "id":
                page.ids.append(value)
            if name == "style":
                page.problems.append(f"inline style= on <{tag}>")
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            page.csp = dict(attrs).get("content") or ""
        if tag in ("del", "ins"):
            self._mark = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.page.problems.append(f"end tag of void <{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            self.page.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if tag in ("del", "ins") and self._mark is not None:
            self.page.marks.append((tag, "".join(self._mark)))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "title":
            self.page.title += data
        if self.stack and self.stack[-1] == "script":
            self.page.scripts.append(data)
            return
        if self._mark is not None:
            self._mark.append(data)
        if not self.stack or self.stack[-1] != "style":
            self.page.text.append(data)

    def close(self) -> None:
        super().close()
        if self.stack:
            self.page.problems.append(f"unclosed {self.stack}")


def parse(text: str) -> Page:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser.page


def assert_sound(text: str) -> Page:
    """The checks every page passes."""
    assert text.startswith("<!doctype html>\n")
    page = parse(text)
    assert page.problems == []
    # requests are forbidden; the one script allowed is the page's own navigation, by the hash of its text
    digest = base64.b64encode(hashlib.sha256(f"\n{compare_html.SCRIPT}\n".encode()).digest()).decode()
    policy = "default-src 'none'; style-src 'unsafe-inline'"
    assert page.csp == (f"{policy}; script-src 'sha256-{digest}'" if "script" in page.tags else policy)
    assert page.tags.count("html") == page.tags.count("head") == page.tags.count("body") == 1
    assert page.tags.count("title") == 1 and page.tags.count("style") == 1
    assert '<meta charset="utf-8">' in text
    assert page.tags.count("script") <= 1 and text.lower().count("<script") == page.tags.count("script")
    assert page.scripts in ([], [f"\n{compare_html.SCRIPT}\n"])
    assert len(page.ids) == len(set(page.ids)), "an id appears twice"
    assert set(page.links) <= set(page.ids), f"links to nothing: {set(page.links) - set(page.ids)}"
    assert not re.search(r"url\(|@import|https?:", text.split("<style>")[1].split("</style>")[0]), "CSS loads"
    return page


# --- golden pages ----------------------------------------------------------------------------------------


def check_golden(got: str, golden: Path) -> None:
    if REGEN:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run TREATYDIFF_REGEN=1 python -m pytest tests/test_render_html.py"
    assert got == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda name: name)
def test_golden_page(old: str, new: str) -> None:
    comparison = fixture_comparison(old, new)
    got = html_of(comparison)
    page = assert_sound(got)
    changed = [c for c in comparison.changes if c.outcome.value != "unchanged"]
    # one section per changed article, each linked from the contents
    fixed = 4 + ('<section id="headings">' in got)  # flagged, summary, chapters, (headings), concordance
    assert got.count('<section id="') - fixed == len(changed)
    nav = got.split("<nav")[1].split("</nav>")[0]
    assert nav.count("<li ") == len(changed)
    assert {"summary", "chapters", "concordance", "changes"} <= set(page.ids)
    assert page.title == f"Changes: {old} → {new}"
    check_golden(got, CASE / "expected" / f"{old}__{new}.compare.html")


def test_golden_side_by_side() -> None:
    comparison = fixture_comparison("zero-draft", "revised-draft")
    got = html_of(comparison, RenderOptions(side_by_side=True, context=1))
    page = assert_sound(got)
    assert got.count('<table class="sbs">') == len([c for c in comparison.changes if c.outcome.value != "unchanged"])
    # old column holds deletions only, new column insertions only
    for row in re.findall(r"<tr[^>]*><td>(.*?)</td><td>(.*?)</td></tr>", got):
        assert "<ins>" not in row[0] and "<del>" not in row[1]
    assert ("del", "shall") in page.marks and ("ins", "may") in page.marks
    check_golden(got, CASE / "expected" / "zero-draft__revised-draft.side-by-side.compare.html")


def test_registered_as_html() -> None:
    assert "html" in COMPARE


def test_summary_only_stops_after_the_tables() -> None:
    comparison = fixture_comparison("zero-draft", "revised-draft")
    got = html_of(comparison, RenderOptions(summary_only=True))
    page = assert_sound(got)
    assert "<nav" not in got and 'class="change' not in got and "<del>" not in got
    assert {"summary", "chapters", "concordance"} <= set(page.ids)
    assert page.links == []  # no sections to link to


def test_context_shows_neighbouring_paragraphs() -> None:
    comparison = fixture_comparison("zero-draft", "revised-draft")
    narrow, wide = html_of(comparison), html_of(comparison, RenderOptions(context=2))
    assert wide.count('class="para p-unchanged"') > narrow.count('class="para p-unchanged"')
    assert narrow.count('class="gap"') > 0


def test_no_changes() -> None:
    draft = load(CASE / "zero-draft.md")
    got = html_of(compare(draft, draft))
    assert_sound(got)
    assert "No changes." in got and "<nav" not in got


def test_repeated_article_numbers_get_distinct_ids() -> None:
    old = load_text("Article 1\nA\n\n1. One.\n\nArticle 2\nB\n\n1. Two.\n", format="txt")
    new = load_text("Article 1\nA\n\n1. One changed.\n\nArticle 1\nB\n\n1. Two changed.\n", format="txt")
    assert_sound(html_of(compare(old, new)))  # unique ids, every link resolves


# --- hostile drafts --------------------------------------------------------------------------------------

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=alert(1)>"
JS = "javascript:alert(1)"
ATTR = '" onmouseover="x'
CLOSE = "</section><h1>fake</h1>"
HOSTILE = (SCRIPT, IMG, JS, ATTR, CLOSE)

OLD_TEXT = f"""CONVENTION ON HOSTILE WETLANDS {SCRIPT}

CHAPTER I {IMG}

Article 1
Scope {CLOSE}

1. This Convention applies to {SCRIPT} wetlands.

2. Each State Party shall follow {JS} as required.

Article 2
Use of {ATTR} terms

1. A {IMG} means a wetland near {ATTR}.
"""
NEW_TEXT = (
    OLD_TEXT.replace("HOSTILE WETLANDS", "HOSTILE COASTAL WETLANDS")
    .replace("shall follow", "may follow")
    .replace("applies to", f"applies only to {IMG} and")
    .replace("means a wetland", "means any wetland")
    + f"\nArticle 3\nNew {CLOSE}\n\n1. Added text with {SCRIPT} and {JS} and {ATTR}.\n"
)


def hostile_comparison() -> Comparison:
    old = load_text(OLD_TEXT, source=f"old{ATTR}{IMG}.txt", format="txt", label=f"zero {SCRIPT}")
    new = load_text(NEW_TEXT, source=f"new{CLOSE}.txt", format="txt", label=f"rev {IMG}")
    return compare(old, new)


@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
def test_hostile_text_is_only_text(side_by_side: bool) -> None:
    got = html_of(hostile_comparison(), RenderOptions(side_by_side=side_by_side))
    page = assert_sound(got)
    # the words may stay (as text); what must never appear is their markup
    # (the page's own script is the only one: ``assert_sound`` holds it to the hash in the policy)
    for bad in ("<script>document", "<img", "<h1>fake", '" onmouseover="', "</section><h1>", 'href="javascript'):
        assert bad not in got.lower()
    assert got.count("&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;") >= 3
    text = "".join(page.text)
    for hostile in HOSTILE:  # every string shows, as text, unharmed
        assert hostile in text, hostile
    assert "pwned" not in page.title.replace(SCRIPT, "")  # the title holds the label as text only
    assert page.tags.count("h1") == 1
    marks = dict(page.marks)
    assert marks["ins"] and "may" in [t for tag, t in page.marks if tag == "ins"]


# --- in a real browser -----------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=cwd)
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=60, check=False, cwd=cwd,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
def test_hostile_page_in_headless_chromium(tmp_path: Path) -> None:
    page_file = tmp_path / "hostile.html"
    page_file.write_text(html_of(hostile_comparison()), encoding="utf-8")
    done = chromium("--dump-dom", page_file.as_uri(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "</html>" in dom
    page = parse(dom)
    # what a reader sees: the draft's words as text, nothing the draft smuggled in as elements
    text = "".join(page.text)
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert page.title.strip() != "pwned" and page.title.startswith("Changes: zero ")
    assert "img" not in page.tags and page.tags.count("script") == 1 and page.title.startswith("Changes: ")
    assert page.tags.count("h1") == 1
    assert not [p for p in page.problems if "event handler" in p or "link to" in p]
    # the contents still lead to the sections, and the redline marks the changed words
    assert page.links and set(page.links) <= set(page.ids)
    assert {"art-1", "art-2", "art-3"} <= set(page.ids)
    assert ("del", "shall") in page.marks and ("ins", "may") in page.marks
    assert any(tag == "ins" and IMG in words for tag, words in page.marks)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
def test_fixture_page_renders_and_prints(tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(html_of(fixture_comparison("zero-draft", "revised-draft")), encoding="utf-8")
    shot, pdf = tmp_path / "report.png", tmp_path / "report.pdf"
    done = chromium("--window-size=1100,1600", f"--screenshot={shot}", page_file.as_uri(), cwd=tmp_path)
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", done.stderr[-2000:]
    done = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_file.as_uri(), cwd=tmp_path)
    assert done.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-", done.stderr[-2000:]
    assert pdf.stat().st_size > 10_000  # several pages of text, not a blank sheet


# --- navigation, in a real browser driven over the DevTools protocol ------------------------------------------


def _browser_page(tmp_path: Path, options: RenderOptions | None = None, name: str = "report.html") -> str:
    page_file = tmp_path / name
    page_file.write_text(html_of(fixture_comparison("zero-draft", "final-text"), options), encoding="utf-8")
    return page_file.as_uri()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
def test_keys_and_buttons_go_from_change_to_change(tmp_path: Path) -> None:
    from cdp import Browser

    with Browser(tmp_path) as browser:
        url = _browser_page(tmp_path)
        browser.open(url)
        assert browser.evaluate("document.getElementById('toolbar').hidden") is False  # the script ran
        ids = browser.evaluate("[...document.querySelectorAll('section.change')].map(s => s.id)")
        flagged = browser.evaluate("[...document.querySelectorAll('section.change[data-flagged]')].map(s => s.id)")
        assert len(ids) > 5 and 0 < len(flagged) < len(ids)
        here = "location.hash.slice(1)"
        # where the change comes to rest: right below the toolbar, which stays on screen
        rest = "Math.round(document.getElementById(location.hash.slice(1)).getBoundingClientRect().top)"
        bar = browser.evaluate("document.getElementById('toolbar').offsetHeight")
        for step, expected in (("j", ids[0]), ("j", ids[1]), ("j", ids[2]), ("k", ids[1])):
            browser.key(step)
            assert browser.evaluate(here) == expected, step
            assert abs(browser.evaluate(rest) - (bar + 4)) <= 2
        browser.key("n")
        assert browser.evaluate(here) == next(i for i in flagged if ids.index(i) > 1)
        browser.evaluate("document.querySelector('[data-go=\"next\"]').click()")
        after = browser.evaluate(here)
        assert ids.index(after) == ids.index(next(i for i in flagged if ids.index(i) > 1)) + 1
        browser.evaluate("document.querySelector('[data-go=\"prev\"]').click()")
        assert browser.evaluate(here) == next(i for i in flagged if ids.index(i) > 1)
        # the filter: one outcome, then the flagged ones; the contents follow it
        browser.evaluate("const f = document.getElementById('filter'); f.value = 'added';"
                         "f.dispatchEvent(new Event('change'))")
        shown = browser.evaluate("[...document.querySelectorAll('section.change')].filter(s => !s.hidden)"
                                 ".map(s => s.dataset.outcome)")
        assert shown and set(shown) == {"added"}
        listed = browser.evaluate("[...document.querySelectorAll('nav li')].filter(l => !l.hidden).length")
        assert listed == len(shown)
        browser.evaluate("const g = document.getElementById('filter'); g.value = 'flagged';"
                         "g.dispatchEvent(new Event('change'))")
        assert browser.evaluate("[...document.querySelectorAll('section.change')].filter(s => !s.hidden)"
                                ".map(s => s.id)") == flagged
        browser.key("j")
        assert browser.evaluate(here) in flagged  # hidden changes are skipped
        # nothing but the page itself was asked for, and nothing went wrong
        assert browser.requests == [url]
        assert browser.errors == []


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")
@pytest.mark.parametrize("width", [1400, 700])
def test_the_page_at_two_widths(tmp_path: Path, width: int) -> None:
    from cdp import Browser

    with Browser(tmp_path, width=width, height=1000) as browser:
        browser.open(_browser_page(tmp_path, RenderOptions(side_by_side=True), f"wide-{width}.html"))
        shot = tmp_path / f"page-{width}.png"
        browser.screenshot(shot)
        png = shot.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == width
        # side by side, the columns take the window's width (no 60rem cap), and nothing overflows it
        table = browser.evaluate("document.querySelector('table.sbs').getBoundingClientRect().width")
        assert table > width * 0.85
        assert browser.evaluate("document.documentElement.scrollWidth") <= width
        # what comes first: the legal-meaning changes and the summary, then the contents (folded: they are long)
        order = browser.evaluate("[...document.querySelectorAll('#flagged, #summary, details.contents')]"
                                 ".map(e => e.id || 'contents')")
        assert order == ["flagged", "summary", "contents"]
        assert browser.evaluate("document.querySelector('details.contents').open") is False
        summary_top = browser.evaluate("document.getElementById('summary').getBoundingClientRect().top")
        assert summary_top < 1000 * 2  # within the first two screens, whatever the width
        assert browser.errors == []
