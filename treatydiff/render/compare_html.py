"""Stage 4, render: the change report as one self-contained HTML page (``-f html``).

One file a colleague can open offline or print: a header naming both drafts, a table of contents grouped by
chapter, the summary, per-chapter and concordance tables, then one ``<section>`` per changed article with its
badges, flags and redline — inline (``<del>``/``<ins>``) or, with ``side_by_side``, old and new in two columns.
``summary_only`` stops after the tables.

Safety: the page loads nothing. CSS is inline, there is no image, no link other than ``#fragment`` links inside
the page, and a Content-Security-Policy meta tag forbids every request and every script but one: the page's own
navigation script (``SCRIPT``, a constant of this module, no draft text in it), allowed by its SHA-256 hash. An
inline event handler, or a script a hostile draft might smuggle in, does not match the hash and is not run, so
even a bug in this module cannot make a draft run code. Treaty text reaches the page in exactly one place,
``_escape``: the small element builder below escapes every child and attribute value that is not markup this
module built itself (``Markup``), so there is no way to insert a draft's words unescaped by accident.

Navigation: a toolbar (shown by the script; without it the page reads as before) with the previous and next
change, the next flagged change and a filter (all, flagged, or one outcome); keys ``j`` / ``k`` next and previous
change, ``n`` / ``N`` next and previous flagged change, the place kept in the address (``#art-5``). The summary and
the legal-meaning changes come first, the contents after them, folded when they are long. Side by side, the page
takes the window's width.

Deletions are struck through and insertions underlined, with colours from a palette that colour-blind readers
can tell apart (vermilion and blue) — colour is never the only signal, and print keeps the lines in black.

Right-to-left drafts (Arabic, Hebrew): every element that holds a draft's words on its own (a paragraph, a
side-by-side cell, a chapter heading) carries ``dir="auto"``, so the browser sets it right to left when its
first strong letter is, and draft words inside a line the tool writes (a title after ``Art. 5 —``, the two
sides of a flag's ``old → new``, a draft's label) sit in a ``<span dir="auto">``, which isolates them: the
tool's own words and arrows stay left to right around them. Each ``<del>`` and ``<ins>`` is isolated in CSS
(``unicode-bidi: isolate``) and takes the direction of its paragraph, so a deleted number followed by the
inserted one (``<del>30</del><ins>60</ins>``) keeps its reading order in an Arabic sentence instead of merging
into one left-to-right number, and punctuation at an edit's edge stays on its side. Table cells align to
their start (left in English, right in Arabic). English pages look as they did before these attributes: the
same lines and words in the same places (``tests/test_rtl.py`` compares screenshots).
"""

from __future__ import annotations

import base64
import hashlib
import html

from rich.console import Console

from treatydiff.model import ArticleChange, Comparison, Draft, Flag, Op, Outcome, ParagraphChange, RenderOptions
from treatydiff.render import COMPARE, report

# --- the only way text enters the page -------------------------------------------------------------------


class Markup(str):
    """HTML this module built. Any other string is text and is escaped on its way into the page."""

    __slots__ = ()


def _escape(value: str) -> Markup:
    """The one place treaty text (and every other string) becomes HTML."""
    return value if isinstance(value, Markup) else Markup(html.escape(value, quote=True))


def el(tag: str, *children: str, **attrs: str | None) -> Markup:
    """``<tag attr="value">children</tag>``: children and attribute values are escaped unless they are
    ``Markup``; ``class_`` stands for ``class``; attributes whose value is None are left out. ``tag`` and the
    attribute names are always literals of this module."""
    return Markup(f"{_open(tag, attrs)}{join(children)}</{tag}>")


def block(tag: str, *children: str, **attrs: str | None) -> Markup:
    """Like ``el``, for block elements: each child on its own line, so the page (and a golden file) reads
    line by line."""
    return Markup(f"{_open(tag, attrs)}\n{join(children, chr(10))}\n</{tag}>")


def _open(tag: str, attrs: dict[str, str | None]) -> str:
    names = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not None
    )
    return f"<{tag}{names}>"


def join(parts: tuple[str, ...] | list[str], sep: str = "") -> Markup:
    return Markup(_escape(sep).join(_escape(part) for part in parts))


# --- the page ---------------------------------------------------------------------------------------------

#: The page's navigation (see the module's docstring): plain DOM, no library, no request, no draft text.
SCRIPT = """
(function () {
  "use strict";
  var bar = document.getElementById("toolbar");
  if (!bar) { return; }
  bar.hidden = false;
  var filter = document.getElementById("filter");
  function shown(flagged) {
    return Array.prototype.filter.call(document.querySelectorAll("section.change"), function (s) {
      return !s.hidden && (!flagged || s.hasAttribute("data-flagged"));
    });
  }
  function top() { return bar.offsetHeight + 4; }  // where a change comes to rest: below the stuck toolbar
  function go(step, flagged) {
    var list = shown(flagged), edge = top(), here = -1, i;
    if (!list.length) { return; }
    var current = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    here = list.indexOf(current);
    if (here < 0 || Math.abs(current.getBoundingClientRect().top - edge) > 8) {
      for (i = 0; i < list.length && list[i].getBoundingClientRect().top < edge - 1; i++) { }
      here = step > 0 ? i - 1 : i;
    }
    var next = list[Math.min(list.length - 1, Math.max(0, here + step))];
    history.replaceState(null, "", "#" + next.id);
    window.scrollTo(0, window.scrollY + next.getBoundingClientRect().top - edge);
  }
  function apply() {
    var want = filter.value;
    Array.prototype.forEach.call(document.querySelectorAll("section.change"), function (s) {
      s.hidden = !(want === "all" || (want === "flagged" ? s.hasAttribute("data-flagged")
        : s.getAttribute("data-outcome") === want));
    });
    Array.prototype.forEach.call(document.querySelectorAll("nav li[data-target]"), function (li) {
      var target = document.getElementById(li.getAttribute("data-target"));
      li.hidden = !!(target && target.hidden);
    });
  }
  var actions = { prev: function () { go(-1, false); }, next: function () { go(1, false); },
    "next-flagged": function () { go(1, true); } };
  bar.addEventListener("click", function (e) {
    var action = e.target.getAttribute && e.target.getAttribute("data-go");
    if (action && actions[action]) { actions[action](); }
  });
  filter.addEventListener("change", apply);
  document.addEventListener("keydown", function (e) {
    var tag = e.target && e.target.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    var keys = { j: [1, false], k: [-1, false], n: [1, true], N: [-1, true] };
    if (keys[e.key]) { e.preventDefault(); go(keys[e.key][0], keys[e.key][1]); }
  });
})();
""".strip()

#: The script element's text, exactly: the hash below is taken over it.
_SCRIPT_TEXT = f"\n{SCRIPT}\n"
#: The page's policy: no request, inline styles; with the script, that one script by its hash.
CSP = "default-src 'none'; style-src 'unsafe-inline'"
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT_TEXT.encode()).digest()).decode()
CSP_WITH_SCRIPT = f"{CSP}; script-src 'sha256-{_SCRIPT_HASH}'"

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5f6368; --rule: #d0d4d9; --paper: #fff;
  --del-ink: #8a2a00; --del-bg: #fde4d6; --ins-ink: #0a3d8f; --ins-bg: #dce9fb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: var(--paper);
  font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, nav, table, .badges, .path, .flags, .gap, .sources { font-family: system-ui, -apple-system,
  "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--rule); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
a { color: var(--ins-ink); }
.sources { color: var(--muted); margin: 0; font-size: .9rem; }
.sources code { font-size: .85rem; }
nav { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem 1rem; margin: 1.5rem 0; font-size: .92rem; }
nav h2 { margin-top: .5rem; }
nav h3 { font-size: .95rem; margin: .75rem 0 .25rem; }
nav ul { margin: 0; padding-left: 1.25rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .6rem; text-align: start; vertical-align: top; }
thead th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: var(--muted); }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem;
  font-size: .8rem; font-weight: 600; line-height: 1.4; white-space: nowrap; }
.o-unchanged { color: #5f6368; } .o-modified { color: #7a5200; } .o-renumbered { color: #00607a; }
.o-moved { color: #1f4e9a; } .o-added { color: #0a3d8f; } .o-removed { color: #8a2a00; }
.o-split, .o-merged { color: #6b2c7a; }
.editorial { color: #00607a; font-style: italic; }
.flag { color: #7a5200; }
.sev-high { font-weight: 700; color: #8a1c00; }
section.change { border-top: 1px solid var(--rule); border-left: 4px solid var(--rule); padding: .75rem 0 .5rem 1rem;
  margin: 1rem 0; }
.c-modified { border-left-color: #e0a100 !important; } .c-renumbered { border-left-color: #56b4e9 !important; }
.c-moved { border-left-color: #1f4e9a !important; } .c-added { border-left-color: #0072b2 !important; }
.c-removed { border-left-color: #d55e00 !important; } .c-split, .c-merged { border-left-color: #cc79a7 !important; }
.path { color: var(--muted); font-size: .85rem; margin: 0 0 .35rem; }
.badges { margin: .25rem 0; font-size: .85rem; color: var(--muted); }
.note { font-style: italic; margin: .25rem 0; }
.flags { list-style: none; padding: 0; margin: .35rem 0; font-size: .88rem; }
.flags li { margin: .15rem 0; }
.para { margin: .4rem 0; }
.label { font-weight: 700; }
.gap { color: var(--muted); font-size: .85rem; font-style: italic; margin: .3rem 0; }
del { color: var(--del-ink); background: var(--del-bg); text-decoration: line-through 2px; unicode-bidi: isolate; }
ins { color: var(--ins-ink); background: var(--ins-bg); text-decoration: underline 2px; unicode-bidi: isolate; }
table.sbs { width: 100%; table-layout: fixed; font: inherit; font-size: .95rem; }
table.sbs th { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
table.sbs td.gap { text-align: center; }
.unchanged-line { color: var(--muted); margin: .2rem 0; }
.none { font-weight: 700; }
body.wide { max-width: none; }
section > table:not(.sbs) { display: block; max-width: 100%; overflow-x: auto; }  /* narrow screens scroll it */
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center;
  padding: .4rem 0; background: var(--paper); border-bottom: 1px solid var(--rule);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .88rem; }
.toolbar[hidden] { display: none; }
.toolbar button, .toolbar select { font: inherit; padding: .15rem .5rem; }
.toolbar .keys { color: var(--muted); }
details.contents > summary { cursor: pointer; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial,
  sans-serif; font-weight: 700; margin: 1.5rem 0 .5rem; }
section.change { scroll-margin-top: 3rem; }
@media print {
  nav, .toolbar, details.contents { display: none; }
  section > table:not(.sbs) { display: table; overflow: visible; }
  body { max-width: none; padding: 0; color: #000; background: #fff; font-size: 11pt; }
  * { color: #000 !important; background: transparent !important; }
  a { text-decoration: none; }
  del { text-decoration: line-through 1.5px; }
  ins { text-decoration: underline 1.5px; }
  section.change, table, tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
""".strip()

@COMPARE.register("html")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The whole page, ending with a newline. The console is not used: HTML carries its own styles."""
    changed = report.changed(comparison)
    ids = dict(zip(map(id, changed), report.unique_anchors(changed), strict=True))
    title = f"Changes: {comparison.old.label} → {comparison.new.label}"
    body: list[str] = [_header(comparison)]
    if changed and not options.summary_only:
        body.append(_toolbar(changed, options))
    body += [_lead(comparison, ids, options), _summary(comparison)]
    if changed and not options.summary_only:
        body.append(_contents(changed, ids, options))
    body.append(_chapters(comparison))
    if comparison.divisions and not options.summary_only:
        body.append(_headings(comparison))
    body.append(_concordance(comparison, ids, options))
    if not options.summary_only:
        body.append(_changes(comparison, ids, options))
    return page(title, body, wide=options.side_by_side, script=bool(changed) and not options.summary_only)


def page(title: str, body: list[str], extra_css: str = "", wide: bool = False, script: bool = False) -> str:
    """A whole self-contained page: the head every treatydiff page shares (charset, a Content-Security-Policy
    that forbids requests and every script but ``SCRIPT``, the report's CSS plus ``extra_css``) and ``body``, as
    wide as the window with ``wide``, with the navigation ``SCRIPT`` at its end with ``script``."""
    styles = [Markup(CSS), *([Markup(extra_css)] if extra_css else [])]
    policy = CSP_WITH_SCRIPT if script else CSP
    if script:
        body = [*body, Markup(f"<script>{_SCRIPT_TEXT}</script>")]
    head = block(
        "head",
        Markup('<meta charset="utf-8">'),
        Markup(f'<meta http-equiv="Content-Security-Policy" content="{_escape(policy)}">'),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        Markup('<meta name="referrer" content="no-referrer">'),
        Markup('<meta name="generator" content="treatydiff">'),
        el("title", title),
        block("style", *styles),
    )
    page_body = block("body", *body, class_="wide" if wide else None)
    return f"<!doctype html>\n{block('html', head, page_body, lang='en')}\n"


def _header(comparison: Comparison) -> Markup:
    old, new = comparison.old, comparison.new
    sources = el("p", _source(old), " → ", _source(new), class_="sources")
    parts: list[str] = [el("h1", _text(old.label), " → ", _text(new.label)), sources]
    warnings = [str(w) for w in comparison.warnings]
    if warnings:
        parts.append(block("ul", *(el("li", w) for w in warnings), class_="warnings"))
    return block("header", *parts)


def _source(draft: Draft) -> Markup:
    return join([el("code", draft.source), f" ({draft.format})"])


def _lead(comparison: Comparison, ids: dict[int, str], options: RenderOptions) -> Markup:
    """"Changes that may alter legal meaning": each flagged article with its most severe flag, linked."""
    rows = []
    for row in report.lead_rows(comparison, options):
        target = ids.get(id(row.change)) if not options.summary_only else None
        name: str = el("a", report.numbers(row.change), href=f"#{target}") if target else report.numbers(row.change)
        phrase = _quotes(report.brief(row.flag.old_text, 6), report.brief(row.flag.new_text, 6))
        flag = join([el("span", f"⚑ {row.flag.kind.value}", class_="badge flag"), " ", *phrase])
        rows.append(el("tr", el("td", name), el("td", row.flag.level.value, class_=f"sev-{row.flag.level.value}"),
                       el("td", flag), el("td", str(row.count), class_="num")))
    if not rows:
        return block("section", el("h2", report.LEAD_TITLE),
                     el("p", f"None flagged (severity {options.min_severity} or more)."), id="flagged")
    head = el("tr", el("th", "article"), el("th", "severity"), el("th", "most severe flag"),
              el("th", "flags", class_="num"))
    table = block("table", el("thead", head), block("tbody", *rows))
    return block("section", el("h2", report.LEAD_TITLE), table, id="flagged")


#: Contents longer than this are folded (``<details>``): the summary stays on the first screen.
CONTENTS_OPEN = 12


def _toolbar(changed: list[ArticleChange], options: RenderOptions) -> Markup:
    """Previous / next change, next flagged change, and the filter: all, flagged, or one of the outcomes the page
    holds. Hidden until the script shows it (a page whose script does not run has no dead buttons)."""
    outcomes = list(dict.fromkeys(c.outcome.value for c in changed))
    choices = [el("option", "all changes", value="all"), el("option", "flagged", value="flagged"),
               *(el("option", outcome, value=outcome) for outcome in outcomes)]
    return Markup(_open("div", {"id": "toolbar", "class": "toolbar", "role": "toolbar",
                                "aria-label": "Navigation", "hidden": ""})
                  + join([el("button", "◀ previous", type="button", data_go="prev", title="previous change (k)"),
                          el("button", "next ▶", type="button", data_go="next", title="next change (j)"),
                          el("button", "next ⚑", type="button", data_go="next-flagged",
                                title="next flagged change (n; N: previous)"),
                          el("label", "show ", block("select", *choices, id="filter")),
                          el("span", "keys: j k · n N", class_="keys")], " ")
                  + "</div>")


def _contents(changed: list[ArticleChange], ids: dict[int, str], options: RenderOptions) -> Markup:
    """Links to every changed article, under the chapter it is counted in; flagged ones marked."""
    groups: list[tuple[str, list[str]]] = []  # runs of one chapter, in document order
    for change in changed:
        flags = report.shown_flags(change, options)
        mark: list[str] = [" ", el("span", f"⚑ {flags[0].level.value}", class_="badge flag")] if flags else []
        item = el("li", el("a", *_heading(change), href=f"#{ids[id(change)]}"), " ", _badge(change.outcome), *mark,
                  data_target=ids[id(change)])
        chapter = report.chapter(change)
        if not groups or groups[-1][0] != chapter:
            groups.append((chapter, []))
        groups[-1][1].append(item)
    parts: list[str] = [el("h2", "Contents")]
    for chapter, items in groups:
        parts += [el("h3", chapter, dir="auto"), block("ul", *items)]
    nav = block("nav", *parts, aria_label="Contents")
    n = len(changed)
    heading = el("summary", f"Contents: {n} changed article{'s' if n != 1 else ''}")
    return block("details", heading, nav, class_="contents", open=None if n > CONTENTS_OPEN else "")


def _summary(comparison: Comparison) -> Markup:
    rows = []
    for row in report.summary_rows(comparison):
        name: str = _badge(row.outcome) if row.outcome else row.label
        zero = "zero" if row.outcome and row.value == "0" else None
        rows.append(el("tr", el("th", name, scope="row"), el("td", row.value, class_=f"num {zero or ''}".strip())))
    table = block("table", el("thead", el("tr", el("th", "outcome"), el("th", "articles", class_="num"))),
               block("tbody", *rows))
    return block("section", el("h2", "Summary"), table, id="summary")


def _chapters(comparison: Comparison) -> Markup:
    rows = report.chapter_rows(comparison)
    if not rows:
        return block("section", el("h2", "Per chapter"), el("p", "No articles."), id="chapters")
    head = el("tr", el("th", "chapter"), *(el("th", o.value, class_="num") for o in report.OUTCOMES))
    body = [
        el("tr", el("th", name, scope="row", dir="auto"),
           *(el("td", str(n := counts.get(o.value, 0)), class_="num" if n else "num zero") for o in report.OUTCOMES))
        for name, counts in rows
    ]
    table = block("table", el("thead", head), block("tbody", *body))
    return block("section", el("h2", "Per chapter"), table, id="chapters")


def _headings(comparison: Comparison) -> Markup:
    """The division headings that changed: outcome, numbers, the title's redline, flags."""
    items = []
    for change in comparison.divisions:
        title = _redline(report.heading_title(change), frozenset(Op))
        flags = [block("ul", *(_flag_item(f) for f in change.flags), class_="flags")] if change.flags else []
        editorial = [" ", el("span", "editorial only", class_="badge")] if change.editorial_only else []
        names = el("span", *_sides(report.heading_names(change)), class_="label")
        items.append(el("li", _badge(change.outcome), " ", names, *editorial,
                        *([" — ", el("span", *title, dir="auto")] if title else []), *flags))
    return block("section", el("h2", "Division headings that changed"), block("ul", *items), id="headings")


def _concordance(comparison: Comparison, ids: dict[int, str], options: RenderOptions) -> Markup:
    """Old → new for every article, linked to its section where the page has one."""
    rows = []
    linked = not options.summary_only
    for row in report.concordance(comparison):
        target = ids.get(id(row.change)) if linked else None
        similarity = "—" if row.similarity is None else f"{row.similarity:.2f}"
        new: str = el("a", row.new, href=f"#{target}") if target and row.new != "—" else row.new
        old: str = el("a", row.old, href=f"#{target}") if target and row.old != "—" else row.old
        rows.append(el("tr", el("td", old), el("td", new), el("td", _badge(row.outcome)),
                       el("td", similarity, class_="num")))
    head = el("tr", el("th", "old"), el("th", "new"), el("th", "outcome"), el("th", "similarity", class_="num"))
    table = block("table", el("thead", head), block("tbody", *rows))
    return block("section", el("h2", "Concordance"), table, id="concordance")


def _changes(comparison: Comparison, ids: dict[int, str], options: RenderOptions) -> Markup:
    parts: list[str] = [el("h2", "Changes")]
    for change in comparison.changes:
        if change.outcome is not Outcome.UNCHANGED:
            parts.append(_article(change, ids[id(change)], comparison, options))
        elif options.show_unchanged:
            parts.append(el("p", "= ", *_heading(change), class_="unchanged-line"))
    if len(parts) == 1 and comparison.divisions:
        parts.append(el("p", "No article changed; division headings did (above).", class_="none"))
    elif len(parts) == 1:
        parts.append(el("p", "No changes." if comparison.changes else "No articles.", class_="none"))
    return block("main", *parts, id="changes")


# --- one changed article ----------------------------------------------------------------------------------


def _article(change: ArticleChange, anchor: str, comparison: Comparison, options: RenderOptions) -> Markup:
    parts: list[str] = [el("h3", *_heading(change))]
    parts += change_parts(change, options, (comparison.old.label, comparison.new.label),
                          (comparison.old.language, comparison.new.language))
    flagged = "" if report.shown_flags(change, options) else None
    return block("section", *parts, id=anchor, class_=f"change c-{change.outcome.value}",
                 data_outcome=change.outcome.value, data_flagged=flagged)


def change_parts(change: ArticleChange, options: RenderOptions, labels: tuple[str, str],
                 languages: tuple[str, str] = ("", "")) -> list[str]:
    """The pieces of one changed article below its heading: chapter path, badges, note, flags and redline
    (inline, or side by side under the column headings ``labels``). The redline carries the drafts' ``languages``
    (``lang``: the page's own words are English; a browser picks the glyphs of a Chinese text, a screen reader
    its voice, from it). Public: the timeline of ``treatydiff history --article`` shows each step of an article
    with it."""
    parts: list[str] = []
    path = report.path(change)
    if path:
        parts.append(el("p", path, class_="path", dir="auto"))
    parts.append(_badges(change))
    if change.match.note:
        parts.append(el("p", report.one_line(change.match.note), class_="note"))
    flags = report.shown_flags(change, options)
    if flags:
        parts.append(block("ul", *(_flag_item(flag) for flag in flags), class_="flags"))
    shown = report.visible(change, options)
    if shown:
        parts.append(_side_by_side(shown, labels, languages) if options.side_by_side
                     else _inline(shown, languages[1]))
    return parts


def _badges(change: ArticleChange) -> Markup:
    parts: list[str] = [_badge(change.outcome)]
    if change.editorial_only:
        parts += [" ", el("span", "editorial only", class_="badge editorial")]
    if change.match.old and change.match.new:
        parts.append(f" similarity {change.match.score:.2f}")
    counts = " ".join(c for c in (f"+{change.words_inserted}" if change.words_inserted else "",
                                  f"-{change.words_deleted}" if change.words_deleted else "") if c)
    if counts:
        parts.append(f" · {counts} words")
    return el("p", *parts, class_="badges")


def _flag_item(flag: Flag) -> Markup:
    badge = el("span", f"⚑ {flag.level.value} {flag.kind.value}", class_=f"badge flag sev-{flag.level.value}")
    phrase = _quotes(report.one_line(flag.old_text), report.one_line(flag.new_text))
    return el("li", badge, " ", *phrase, report.flag_detail(flag))


def _badge(outcome: Outcome) -> Markup:
    return el("span", outcome.value, class_=f"badge o-{outcome.value}")


def _text(words: str) -> Markup:
    """A draft's words inside a line the tool writes: isolated, in their own direction."""
    return el("span", words, dir="auto")


def _sides(name: str) -> list[str]:
    """A name the tool composed as ``old → new`` (``report.heading_names``), each side isolated: two Arabic
    headings would otherwise merge into one right-to-left run and the arrow would point back at the old one."""
    sides = name.split(" → ")
    return [_text(sides[0]), " → ", _text(sides[1])] if len(sides) == 2 else [name]


def _quotes(old: str, new: str) -> list[str]:
    """A flag's ``old → new`` (``report.flag_phrase``), each quote isolated; ``∅`` for an empty side."""
    return [_text(old) if old else "∅", " → ", _text(new) if new else "∅"]


def _heading(change: ArticleChange) -> list[str]:
    """``report.heading`` (``Art. 24 → Art. 26 — Title (was: Old title)``) with the titles isolated, so the
    tool's number and words stay left to right before an Arabic title."""
    old = [report.one_line(p.node.title) for p in change.match.old if p.node.title]
    new = [report.one_line(p.node.title) for p in change.match.new if p.node.title]
    if not (new or old):
        return [report.numbers(change)]
    parts: list[str] = [report.numbers(change), " — ", _text(" / ".join(new or old))]
    if old and new and old != new:
        parts += [" (was: ", _text(" / ".join(old)), ")"]
    return parts


def _label(text: str) -> list[str]:
    """A paragraph's label before its text. A draft's own label (``1.``, ``(أ)``) flows with the paragraph
    (an Arabic reader expects ``1.`` at the right, its full stop after it); one the tool composed (``title``,
    the renumbering ``3. → 1.``) is its own left-to-right isolate, and the paragraph's ``dir="auto"`` skips it
    when it looks for the first strong letter."""
    if not text:
        return []
    composed = text == report.TITLE_LABEL or " → " in text
    return [el("span", text, class_="label", dir="ltr" if composed else None), " "]


def _redline(paragraph: ParagraphChange, keep: frozenset[Op]) -> list[str]:
    """The paragraph's edits of the given kinds: equal text as is, deletions in ``<del>``, insertions in
    ``<ins>``."""
    out: list[str] = []
    for edit in report.tidy_edits(paragraph.edits):
        if edit.op not in keep:
            continue
        if edit.op is Op.EQUAL:
            out.append(edit.text)
        else:
            out.append(el("del" if edit.op is Op.DELETE else "ins", edit.text))
    return out


def _gap(gap: report.Gap) -> Markup:
    return el("p", str(gap), class_="gap")


def _inline(shown: list[ParagraphChange | report.Gap], language: str) -> Markup:
    every = frozenset(Op)
    parts: list[str] = [
        _gap(item) if isinstance(item, report.Gap)
        else el("p", *_label(report.paragraph_label(item)), *_redline(item, every),
                class_=f"para p-{item.outcome.value}", dir="auto")
        for item in shown
    ]
    return block("div", *parts, class_="redline", lang=_lang(language))


def _lang(code: str) -> str | None:
    """A ``lang`` attribute for text in language ``code``: none for English, the page's own."""
    return code if code and code != "en" else None


def _side_by_side(shown: list[ParagraphChange | report.Gap], labels: tuple[str, str],
                  languages: tuple[str, str]) -> Markup:
    """Old paragraph (deletions marked) | new paragraph (insertions marked), one row per paragraph."""
    old_side, new_side = frozenset({Op.EQUAL, Op.DELETE}), frozenset({Op.EQUAL, Op.INSERT})
    rows: list[str] = []
    for item in shown:
        if isinstance(item, report.Gap):
            rows.append(el("tr", el("td", str(item), colspan="2", class_="gap")))
            continue
        old = [] if item.outcome is Outcome.ADDED else [*_label(report.one_line(item.old_label)),
                                                        *_redline(item, old_side)]
        new = [] if item.outcome is Outcome.REMOVED else [*_label(report.one_line(item.new_label)),
                                                          *_redline(item, new_side)]
        rows.append(el("tr", el("td", *old, dir="auto", lang=_lang(languages[0])),
                       el("td", *new, dir="auto", lang=_lang(languages[1])), class_=f"p-{item.outcome.value}"))
    head = el("tr", el("th", labels[0], scope="col", dir="auto"), el("th", labels[1], scope="col", dir="auto"))
    return block("table", el("thead", head), block("tbody", *rows), class_="sbs")
