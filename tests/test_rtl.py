"""Right-to-left drafts (Arabic, Hebrew) in the HTML and terminal change reports.

HTML: every element holding a draft's words carries ``dir="auto"`` (or is a ``<span dir="auto">`` inside a line
the tool writes), and every ``<del>``/``<ins>`` is isolated in CSS, so that an insertion stays where it was made
in an Arabic sentence and a deleted number stays before the inserted one. Checked three ways: on the markup
(these checks fail on the page as it was before), in headless Chromium through the DOM it lays out (computed
direction, where each edit lands next to its neighbours, no console message), and on screenshots at two widths
(which a person looked at when this was written; the test only checks that they were taken). An English page
looks exactly as it did: its screenshot is the same, pixel for pixel, as that of the page without the
attributes.

Terminal: Rich prints logical order and does not reorder; a coloured redline of a right-to-left paragraph wraps
each edit in U+2068 … U+2069 (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE). Checked: Rich's wrapping and
padding are the same as without them, plain output and left-to-right paragraphs get none, and where libfribidi
(the bidirectional algorithm of VTE terminals) is installed, the line it reorders puts the deleted number to the
right of the inserted one, as an Arabic reader expects, where without the isolates it does not.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import json
import re
import unicodedata
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from test_render_html import CHROMIUM, assert_sound, chromium

from treatydiff.compare import compare
from treatydiff.load import load, load_text
from treatydiff.model import ArticleChange, Comparison, Outcome, RenderOptions
from treatydiff.render import COMPARE, compare_terminal, render_comparison, report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARABIC = FIXTURES / "un" / "ar"
ENGLISH = FIXTURES / "convention"
#: Right-to-left letters: Hebrew, Arabic (and the scripts between), their presentation forms.
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
FSI, PDI = "\u2068", "\u2069"

#: A small Arabic draft with an English and a Hebrew article, and its next version: an inserted phrase between
#: commas, a number changed (30 → 60, deleted and inserted side by side), an obligation weakened, a title changed.
OLD_TEXT = """# اتفاقية تجريبية

## الفصل الأول — أحكام عامة

### المادة 1

#### الالتزامات العامة

1. تدمج كل دولة طرف حفظ الأراضي الرطبة الساحلية في تخطيطها الوطني.

2. تخطر الدولة الطرف الدولة المتأثرة في غضون 30 يوما من تلقيها الطلب.

### المادة 2

#### التقييم

1. تتبادل الدول الأطراف المعلومات.

### المادة 3

#### Scope

1. This Convention applies to coastal wetlands.

### المادة 4

#### היקף

1. כל מדינה צד תגן על אזורי החוף.
"""
NEW_TEXT = (
    OLD_TEXT.replace("طرف حفظ", "طرف، عند الاقتضاء، حفظ").replace("30 يوما", "60 يوما")
    .replace("تتبادل الدول الأطراف", "ينبغي للدول الأطراف أن تتبادل").replace("#### التقييم", "#### تقييم الأثر")
    .replace("applies to", "applies only to").replace("תגן על", "תגן היטב על")
)


def small_pair() -> Comparison:
    old = load_text(OLD_TEXT, format="md", source="old.md", label="المشروع الأولي")
    new = load_text(NEW_TEXT, format="md", source="new.md", label="النص النهائي")
    return compare(old, new)


def fixture_pair(case: Path, old: str, new: str) -> Comparison:
    return compare(load(case / f"{old}.md"), load(case / f"{new}.md"))


def page_of(comparison: Comparison, options: RenderOptions | None = None) -> str:
    return render_comparison(comparison, "html", options)


# --- the markup ------------------------------------------------------------------------------------------


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def own_text(self) -> str:
        """The text directly inside, not in child elements."""
        return "".join(c for c in self.children if isinstance(c, str))

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def ancestors(self) -> list[Element]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def walk(self) -> list[Element]:
        out = [self]
        for child in self.children:
            if isinstance(child, Element):
                out += child.walk()
        return out


class TreeParser(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.node = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(element)
        if tag not in self.VOID:
            self.node = element

    def handle_endtag(self, tag: str) -> None:
        assert self.node.tag == tag, (self.node.tag, tag)
        assert self.node.parent is not None
        self.node = self.node.parent

    def handle_data(self, data: str) -> None:
        self.node.children.append(data)


def tree(text: str) -> list[Element]:
    parser = TreeParser()
    parser.feed(text)
    parser.close()
    return parser.root.walk()


def first_strong(text: str) -> str:
    """``L`` or ``R``: the direction of the first letter with one ("" for none)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return "L" if kind == "L" else "R"
    return ""


def assert_every_rtl_run_has_a_direction(elements: list[Element]) -> None:
    """Each piece of Arabic or Hebrew is in an element that takes its own direction (``dir="auto"``), or in a
    line the tool's own word leads (``Annex الأول``, ``Chapter الخامس``, ``(para (ج))``: a draft's numbering word
    after the tool's, one right-to-left run in a left-to-right line, which reads as it should)."""
    for element in elements:
        if element.tag in ("title", "style") or not RTL.search(element.own_text):
            continue
        chain = [element, *element.ancestors()]
        assert any(e.attrs.get("dir") == "auto" for e in chain) or first_strong(element.own_text) == "L", (
            element.tag, element.own_text)


def css_rules(text: str) -> dict[str, str]:
    """Selector -> declarations of the page's style sheet (outside @media)."""
    sheet = text.split("<style>")[1].split("</style>")[0].split("@media")[0]
    return {selector.strip(): body for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet)}


def test_draft_text_elements_carry_dir_auto() -> None:
    elements = tree(page_of(small_pair()))
    paragraphs = [e for e in elements if e.tag == "p" and "para" in e.classes]
    assert len(paragraphs) == 6 and all(p.attrs.get("dir") == "auto" for p in paragraphs)
    contents = [e for e in elements if e.tag == "h3" and any(a.tag == "nav" for a in e.ancestors())]
    assert contents and all(h.attrs.get("dir") == "auto" for h in contents)
    assert_every_rtl_run_has_a_direction(elements)


def test_the_redline_says_the_drafts_language() -> None:
    # the page's own words are English; the draft's text says its language, for the glyphs and a screen reader
    inline = [e for e in tree(page_of(small_pair())) if e.tag == "div" and "redline" in e.classes]
    assert inline and all(e.attrs.get("lang") == "ar" for e in inline)
    cells = [e for e in tree(page_of(small_pair(), RenderOptions(side_by_side=True)))
             if e.tag == "td" and "gap" not in e.classes and any("sbs" in a.classes for a in e.ancestors())]
    assert cells and all(e.attrs.get("lang") == "ar" for e in cells)
    english = compare(load_text("## Article 1\n\nStates shall act.\n"), load_text("## Article 1\n\nStates may act.\n"))
    assert 'lang="' not in page_of(english).split("<body")[1]


def test_titles_and_flag_quotes_are_isolated_after_the_tools_words() -> None:
    text = page_of(small_pair())
    assert ('<h3>Art. 2 — <span dir="auto">تقييم الأثر</span> (was: <span dir="auto">التقييم</span>)</h3>'
            in text)
    assert '<a href="#art-1">Art. 1 — <span dir="auto">الالتزامات العامة</span></a>' in text
    assert ('<span dir="auto">في غضون 30 يوما</span> → <span dir="auto">في غضون 60 يوما</span> (para 2.)' in text)
    assert '<h1><span dir="auto">المشروع الأولي</span> → <span dir="auto">النص النهائي</span></h1>' in text
    # the tool's own words stay left to right: "title" is not read for the paragraph's direction
    assert '<span class="label" dir="ltr">title</span> <del>التقييم</del>' in text
    assert '<span class="label">1.</span> تدمج' in text  # a draft's own label flows with its paragraph
    assert '<html lang="en">' in text
    elements = tree(text)
    for element in elements:
        in_section = element.parent is not None and "change" in element.parent.classes
        if "badge" in element.classes or (element.tag == "h3" and in_section):
            assert "dir" not in element.attrs


def test_every_insertion_and_deletion_is_isolated() -> None:
    text = page_of(small_pair())
    rules = css_rules(text)
    for tag in ("del", "ins"):
        assert "unicode-bidi: isolate" in rules[tag], rules[tag]
        assert not [s for s, body in rules.items() if tag in re.split(r"[\s,]+", s) and "unicode-bidi" in body
                    and "isolate" not in body], "a rule undoes the isolation"
    marks = [e for e in tree(text) if e.tag in ("del", "ins")]
    assert len([m for m in marks if RTL.search(m.text)]) == 6
    for mark in marks:  # isolated by CSS, and nothing on the element overrides it
        assert mark.attrs == {}, mark.attrs
    assert "<del>30</del><ins>60</ins>" in text


@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
def test_the_arabic_fixture(side_by_side: bool) -> None:
    comparison = fixture_pair(ARABIC, "zero-draft", "final-text")
    text = page_of(comparison, RenderOptions(side_by_side=side_by_side))
    assert_sound(text)  # still well formed, unique ids, nothing loaded
    elements = tree(text)
    cells = [e for e in elements if e.tag == "td" and e.parent is not None and e.parent.tag == "tr"
             and any("sbs" in a.classes for a in e.ancestors()) and "gap" not in e.classes]
    containers = cells if side_by_side else [e for e in elements if e.tag == "p" and "para" in e.classes]
    assert len(containers) > 50 and all(c.attrs.get("dir") == "auto" for c in containers)
    arabic_marks = [e for e in elements if e.tag in ("del", "ins") and RTL.search(e.text)]
    assert len(arabic_marks) > 50
    for mark in arabic_marks:
        assert any(a.attrs.get("dir") == "auto" for a in mark.ancestors())
    assert_every_rtl_run_has_a_direction(elements)


def _changed(comparison: Comparison) -> list[ArticleChange]:
    return [c for c in comparison.changes if c.outcome is not Outcome.UNCHANGED]


@pytest.mark.parametrize("case", ["arabic", "english", "small"])
def test_headings_read_as_the_reports_vocabulary_says(case: str) -> None:
    """The isolated headings hold exactly the words of ``report.heading``, in the same order."""
    comparison = {"arabic": lambda: fixture_pair(ARABIC, "zero-draft", "final-text"),
                  "english": lambda: fixture_pair(ENGLISH, "zero-draft", "revised-draft"),
                  "small": small_pair}[case]()
    text = page_of(comparison)
    headings = [e.text for e in tree(text) if e.tag == "h3" and e.parent is not None and "change" in e.parent.classes]
    assert headings == [report.heading(c) for c in _changed(comparison)]


# --- in a real browser -----------------------------------------------------------------------------------

#: Run in a copy of the page without its Content-Security-Policy (which forbids scripts): what the browser laid
#: out, as JSON in a ``<pre>`` that ``--dump-dom`` returns.
PROBE = """<script>
const box = (n) => { const r = n.getBoundingClientRect(); return [r.left, r.right, r.top]; };
const char = (node, start) => { const g = document.createRange(); g.setStart(node, start);
  g.setEnd(node, start + 1); return box(g); };
const direction = (selector) => [...document.querySelectorAll(selector)].map(
  (e) => [e.textContent, getComputedStyle(e).direction]);
const marks = [...document.querySelectorAll('del, ins')].map((m) => {
  const before = m.previousSibling, after = m.nextSibling;
  const last = before && before.nodeType === 3 ? before.textContent.trimEnd().length - 1 : -1;
  const first = after && after.nodeType === 3 ? after.textContent.length - after.textContent.trimStart().length : -1;
  return {tag: m.localName, text: m.textContent, box: box(m), bidi: getComputedStyle(m).unicodeBidi,
          direction: getComputedStyle(m.parentElement).direction,
          before: last >= 0 ? char(before, last) : null,
          after: first >= 0 && first < after.textContent.length ? char(after, first) : null};
});
const result = {paragraphs: direction('p.para'), headings: direction('section.change > h3'),
  titles: direction('section.change > h3 > span'), badges: direction('.badge'), h1: direction('h1'),
  marks: marks};
const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(result);
document.body.append(pre);
</script>"""
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium')")


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def laid_out(page: str, folder: Path, width: int = 1000) -> dict[str, Any]:
    """What Chromium laid out for ``page``, through ``PROBE``; no message on its console."""
    folder.mkdir()
    probe = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page).replace("</body>", f"{PROBE}</body>")
    path = folder / "probe.html"
    path.write_text(probe, encoding="utf-8")
    done = chromium("--enable-logging=stderr", "--v=0", f"--window-size={width},1400", "--dump-dom", path.as_uri(),
                    cwd=folder)
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_messages(done.stderr) == []
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-2000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def without_bidi(page: str) -> str:
    """The page as it was before right-to-left support: no ``dir``, no isolating spans, no isolation in CSS."""
    page = page.replace(' dir="auto"', "").replace(' dir="ltr"', "")
    page = re.sub(r"<span>([^<]*)</span>", r"\1", page)
    return page.replace("text-align: start", "text-align: left").replace(" unicode-bidi: isolate;", "")


def _deleted_number_before_inserted(marks: list[dict[str, Any]]) -> bool:
    deleted = next(m for m in marks if m["tag"] == "del" and m["text"] == "30")
    inserted = next(m for m in marks if m["tag"] == "ins" and m["text"] == "60")
    assert deleted["box"][2] == inserted["box"][2]  # on one line
    return bool(deleted["box"][0] >= inserted["box"][1] - 0.5)  # right of it: read first, right to left


@needs_chromium
def test_the_page_has_no_console_message(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(page_of(small_pair()), encoding="utf-8")
    done = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri(), cwd=tmp_path)
    assert done.returncode == 0 and "</html>" in done.stdout, done.stderr[-2000:]
    assert console_messages(done.stderr) == []


@needs_chromium
def test_directions_and_edit_positions_in_chromium(tmp_path: Path) -> None:
    dom = laid_out(page_of(small_pair()), tmp_path / "page")
    paragraphs = dict(dom["paragraphs"])
    assert paragraphs["1. This Convention applies only to coastal wetlands."] == "ltr"
    rtl = {text: d for text, d in paragraphs.items() if RTL.search(text)}
    assert len(rtl) == 5 and set(rtl.values()) == {"rtl"}  # Arabic and Hebrew
    assert {d for _, d in dom["headings"]} == {"ltr"}  # "Art. 1 — …": the tool's words lead
    assert {d for _, d in dom["badges"]} == {"ltr"} and {d for _, d in dom["h1"]} == {"ltr"}
    titles = dict(dom["titles"])
    assert titles["الالتزامات العامة"] == "rtl" and titles["היקף"] == "rtl" and titles["Scope"] == "ltr"
    for mark in dom["marks"]:
        assert mark["bidi"] == "isolate", mark
        left, right, top = mark["box"]
        # the edit stays between its neighbours: in a right-to-left paragraph the word before it is to its right
        if mark["before"] and mark["before"][2] == top:
            assert (mark["before"][0] >= right - 0.5) if mark["direction"] == "rtl" else (mark["before"][1] <= left + 0.5)
        if mark["after"] and mark["after"][2] == top:
            assert (mark["after"][1] <= left + 0.5) if mark["direction"] == "rtl" else (mark["after"][0] >= right - 0.5)
    assert _deleted_number_before_inserted(dom["marks"])
    # without the isolation, the browser joins 30 and 60 into one number, read in the wrong order
    assert not _deleted_number_before_inserted(laid_out(without_bidi(page_of(small_pair())), tmp_path / "before")["marks"])


@needs_chromium
@pytest.mark.parametrize("width", [1100, 480])
def test_screenshots_at_two_widths(tmp_path: Path, width: int) -> None:
    """Screenshots for a person to look at (in pytest's temp folder); the test checks they were taken."""
    image = pytest.importorskip("PIL.Image")
    page = tmp_path / "arabic.html"
    page.write_text(page_of(small_pair()), encoding="utf-8")
    shot = tmp_path / f"arabic-{width}.png"
    done = chromium(f"--window-size={width},3200", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri(),
                    cwd=tmp_path)
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", done.stderr[-2000:]
    with image.open(shot) as picture:
        assert picture.size == (width, 3200)
        assert len(picture.convert("L").getcolors(65536) or []) > 16  # text drawn, not a blank page


def off_by_more_than_a_pixel(shot: Any, other: Any) -> int:
    """How far (0-255) a pixel of ``shot`` is from every pixel within one pixel of the same place in ``other``:
    a glyph drawn at another sub-pixel phase scores well under 128, a line that moved or changed scores 255."""
    from PIL import ImageChops, ImageFilter

    low, high = other.filter(ImageFilter.MinFilter(3)), other.filter(ImageFilter.MaxFilter(3))
    gaps = (ImageChops.subtract(shot, high), ImageChops.subtract(low, shot))
    return max(int(gap.getextrema()[1]) for gap in gaps)


@needs_chromium
@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
def test_english_page_looks_as_before(tmp_path: Path, side_by_side: bool) -> None:
    """The whole English page, with and without the right-to-left attributes: the same lines and words in the
    same places and shades. Not the same bytes: text in its own ``<span>`` is drawn from its own start, so a few
    glyphs land a fraction of a pixel away (grey instead of black stems), which no reader sees."""
    image = pytest.importorskip("PIL.Image")
    page = page_of(fixture_pair(ENGLISH, "revised-draft", "final-text"), RenderOptions(side_by_side=side_by_side))
    assert page != without_bidi(page)
    shots = []
    for name, text in (("now", page), ("before", without_bidi(page))):
        path = tmp_path / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        done = chromium("--window-size=1100,11500", "--hide-scrollbars", f"--screenshot={shot}", path.as_uri(),
                        cwd=tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        shots.append(image.open(shot).convert("L"))  # grey levels: the ink and the marks' backgrounds differ
    now, before = shots
    assert now.crop((0, 11400, 1100, 11500)).getextrema() == (255, 255)  # the whole page is in the shot
    assert off_by_more_than_a_pixel(now, before) < 128 and off_by_more_than_a_pixel(before, now) < 128
    chops = pytest.importorskip("PIL.ImageChops")
    assert off_by_more_than_a_pixel(chops.offset(now, 2, 0), before) >= 128  # the measure sees a 2-pixel shift


# --- the terminal ----------------------------------------------------------------------------------------


def terminal(comparison: Comparison, width: int, *, colour: bool = True, side_by_side: bool = False) -> str:
    console = Console(file=StringIO(), width=width, force_terminal=colour, color_system="truecolor" if colour else None)
    return COMPARE.get("terminal")(comparison, RenderOptions(side_by_side=side_by_side), console)


def unstyled(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_terminal_isolates_each_edit_of_a_right_to_left_paragraph() -> None:
    text = unstyled(terminal(small_pair(), 100))
    assert f"غضون {FSI}30{PDI}{FSI}60{PDI} يوما" in text
    assert f"طرف{FSI}، عند الاقتضاء،{PDI} حفظ" in text
    assert f"תגן {FSI}היטב{PDI} על" in text  # the trailing space stays outside, where Rich may wrap
    assert "applies only to" in text  # left to right: no isolate
    assert text.count(FSI) == text.count(PDI) == 8


@pytest.mark.parametrize("width", [40, 63, 100])
@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
def test_terminal_isolates_change_no_width(monkeypatch: pytest.MonkeyPatch, width: int, side_by_side: bool) -> None:
    """Rich gives the isolates no width: the report wraps and pads the same, cell for cell. The one difference:
    where a line breaks after an edit's space, Rich's ``Text.rstrip_end`` (which counts characters, not cells)
    drops that space, so it is padding instead of a struck-through or underlined space at the end of the line."""
    comparisons = [small_pair(), fixture_pair(ARABIC, "zero-draft", "final-text")]
    with_isolates = [terminal(c, width, side_by_side=side_by_side) for c in comparisons]
    monkeypatch.setattr(compare_terminal, "ISOLATE", ("", ""))
    without = [terminal(c, width, side_by_side=side_by_side) for c in comparisons]
    for got, plain in zip(with_isolates, without, strict=True):
        assert FSI in got and FSI not in plain
        shown = [line.rstrip() for line in unstyled(got).replace(FSI, "").replace(PDI, "").splitlines()]
        assert shown == [line.rstrip() for line in unstyled(plain).splitlines()]


def test_terminal_plain_output_and_left_to_right_text_are_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    arabic = fixture_pair(ARABIC, "zero-draft", "final-text")
    assert not re.search("[\u2066-\u2069]", terminal(arabic, 100, colour=False))
    english = fixture_pair(ENGLISH, "zero-draft", "revised-draft")
    coloured, plain = terminal(english, 100), terminal(english, 100, colour=False)
    monkeypatch.setattr(compare_terminal, "ISOLATE", ("<", ">"))  # would show if any were added
    assert terminal(english, 100) == coloured and terminal(english, 100, colour=False) == plain


FRIBIDI = ctypes.util.find_library("fribidi")


def visual_columns(line: str) -> list[int]:
    """Where each character of ``line`` is shown by a terminal that reorders with libfribidi (as VTE does),
    the line's base direction taken from its first strong letter."""
    assert FRIBIDI is not None
    library = ctypes.CDLL(FRIBIDI)
    size = len(line)
    logical = (ctypes.c_uint32 * size)(*map(ord, line))
    visual = (ctypes.c_uint32 * (size + 1))()
    to_visual = (ctypes.c_int * size)()
    base = ctypes.c_uint32(0x40)  # FRIBIDI_PAR_ON: from the first strong letter
    assert library.fribidi_log2vis(logical, size, ctypes.byref(base), visual, to_visual, None, None)
    return list(to_visual)


@pytest.mark.skipif(FRIBIDI is None, reason="libfribidi is not installed")
@pytest.mark.parametrize("isolate", [True, False], ids=["isolated", "as-before"])
def test_terminal_line_as_a_bidi_terminal_shows_it(monkeypatch: pytest.MonkeyPatch, isolate: bool) -> None:
    if not isolate:
        monkeypatch.setattr(compare_terminal, "ISOLATE", ("", ""))
    text = unstyled(terminal(small_pair(), 100))
    line = next(line for line in text.splitlines() if "غضون" in line and "⚑" not in line and "→" not in line)
    columns = visual_columns(line)
    deleted, inserted = columns[line.index("30")], columns[line.index("60")]
    # read right to left, the deleted 30 comes first: to the right of 60; without isolates, "3060" is one number
    assert (deleted > inserted) is isolate
