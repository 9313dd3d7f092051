"""Property tests (Hypothesis): the invariants of DESIGN.md "Tests and data" on generated drafts, and loading that
never crashes on any input.

Generated drafts are Markdown or plain text built from a vocabulary of legal words: a title, a preamble with
recitals, chapters, articles numbered ``5``, ``4a``, ``5 bis`` or ``IV`` with titles, numbered paragraphs,
points, items, square-bracketed text, ``Option 1``/``Option 2`` blocks, footnotes, ``[deleted]`` placeholders,
annexes. A "next draft" is derived from one by the edits negotiators make: renumber, move to another chapter,
split, merge, add, remove or replace by a placeholder, edit words, ``shall`` -> ``may``, resolve brackets,
choose an option.

Properties: a draft compared with itself is all ``unchanged`` with no flag; each matched pair's redline rebuilds
the texts the differ compared; every provision is in exactly one change and every node with words in exactly
one provision; the compare and history JSON validate against the shipped schemas; the Markdown and HTML
reports never raise and let no ``<`` of the draft through. Loading arbitrary text, bytes (lone surrogates
included) and huge or deeply nested inputs gives a Draft or a one-line ``LoadError``, quickly.

The default profile keeps this file fast (well under 40 s). More examples::

    HYPOTHESIS_PROFILE=thorough .venv/bin/pytest tests/test_properties.py   # 40x the examples
    HYPOTHESIS_PROFILE=thorough HYPOTHESIS_EXAMPLES=5000 .venv/bin/pytest tests/test_properties.py

``HYPOTHESIS_EXAMPLES`` sets the examples of the heaviest properties in any profile (the others scale with it).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from schema_check import schema_violations
from test_compare import check_coverage

from treatydiff.compare import align_units, compare, rebuild, units
from treatydiff.errors import LoadError
from treatydiff.history import history
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, DiffOptions, Draft, Op, Outcome, RenderOptions
from treatydiff.render import compare_html, render_comparison, render_history
from treatydiff.render.compare_json import compare_document

# --- profiles ------------------------------------------------------------------------------------------------

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
_BASE_EXAMPLES = {"default": 20, "ci": 20, "thorough": 800}.get(PROFILE, 20)
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", _BASE_EXAMPLES))


def examples(scale: float = 1.0) -> settings:
    """Settings of one property: ``EXAMPLES`` times ``scale`` examples, no deadline (a slow CI machine must not
    turn a correct run red), and the health checks that only say "this strategy is big" turned off."""
    return settings(
        max_examples=max(5, int(EXAMPLES * scale)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


# --- the vocabulary ----------------------------------------------------------------------------------------

_VOCABULARY = (
    "each State Party shall may should must not adopt such legislative and other measures as necessary to "
    "establish criminal offences under its domestic law the of and or in to for with by within on "
    "jurisdiction cooperation mutual legal assistance extradition request requested requesting competent "
    "authority authorities information data person persons victims witnesses offence offences confiscation "
    "proceeds property Convention Protocol Secretariat Conference of the Parties human rights dual criminality "
    "safeguards conditions proportionality judicial review time period days months years"
)
WORDS = tuple(_VOCABULARY.split())
PHRASES = (
    "in accordance with domestic law", "as appropriate", "where appropriate", "subject to", "in accordance with "
    "article 5", "referred to in paragraph 2", "within 30 days", "within 60 days", "at least three", "shall not",
    "may not", "to the extent possible", "without prejudice to", "article 4a", "article 5 bis", "paragraph 1 (a)",
    "[to be determined]", "...", "e.g.", "i.e.", "\"serious crime\"", "non-governmental", "24/7",
)
#: Characters a report must escape; kept rare so most drafts stay ordinary.
HOSTILE = ("<script>alert(1)</script>", "<b>", "a < b", "&amp;", "*stress*", "`code`", "|", "\\", "#", "~~",
           "[link](http://x.org)", "<!--", "$x$", "@user", "_under_")
PARTICIPLES = ("Recognizing", "Concerned", "Noting", "Reaffirming", "Mindful", "Bearing in mind", "Determined",
               "Convinced", "Acknowledging", "Aware")
CHAPTER_TITLES = ("General provisions", "Criminalization", "Jurisdiction", "Procedural measures",
                  "International cooperation", "Technical assistance", "Final provisions", "Scope", "Prevention")
ARTICLE_TITLES = ("Purpose", "Use of terms", "Scope of application", "Protection of sovereignty", "Respect for "
                  "human rights", "Conditions and safeguards", "Extradition", "Confiscation", "Entry into force",
                  "Signature", "Reservations", "Amendment", "Depositary", "Mutual legal assistance")
LATIN = ("bis", "ter", "quater")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX",
         "XXX")
LETTERS = "abcdefghjklmnopqrstuvwxyz"  # no "i": "(i)" after "(h)" is a point, elsewhere it opens items
ROMAN_LOWER = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")


# --- a draft as data, then as text ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Para:
    text: str
    points: tuple[Point, ...] = ()
    option: bool = False  # "Option 1: ..." instead of a number


@dataclass(frozen=True)
class Article:
    title: str
    paras: tuple[Para, ...]
    numbered: bool = True  # "1.", "2." before the paragraphs
    deleted: bool = False  # "Article 7 [deleted]"
    suffix: str = ""  # "a", " bis": an article inserted after the one before it


@dataclass(frozen=True)
class Chapter:
    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Doc:
    title: str
    recitals: tuple[str, ...]
    whereas: bool  # "(1) Whereas ..." recitals (EU style) instead of "Recognizing that ...,"
    chapters: tuple[Chapter, ...]  # a chapter with an empty title holds articles outside any chapter
    annexes: tuple[Article, ...]
    footnotes: tuple[str, ...]
    # how it is printed
    fmt: str = "md"  # "md" or "txt"
    article_word: str = "Article"  # "Article", "ARTICLE", "Art."
    roman_articles: bool = False
    wrap: int = 0  # plain text: hard-wrap paragraphs at this width (0: one line each)


def _words(draw: st.DrawFn, low: int, high: int, hostile: bool) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(PHRASES)), min_size=low,
                           max_size=high))
    if hostile and draw(st.booleans()):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(HOSTILE)))
    if len(pieces) >= 3 and draw(st.integers(0, 5)) == 0:  # negotiating brackets around a few words
        a = draw(st.integers(0, len(pieces) - 2))
        b = draw(st.integers(a + 1, len(pieces)))
        pieces[a:b] = ["[" + " ".join(pieces[a:b]) + "]"]
    return " ".join(pieces)


@st.composite
def sentence(draw: st.DrawFn, hostile: bool = False, low: int = 3, high: int = 24) -> str:
    text = _words(draw, low, high, hostile)
    text = text[:1].upper() + text[1:]
    return text + draw(st.sampled_from((".", ".", ".", ";", ":", ",", "; and", "; or", "")))


@st.composite
def paras(draw: st.DrawFn, hostile: bool) -> tuple[Para, ...]:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        points = ()
        if draw(st.integers(0, 3)) == 0:
            points = tuple(
                Point(draw(sentence(hostile)), tuple(draw(st.lists(sentence(hostile), max_size=3))
                                                     if draw(st.integers(0, 3)) == 0 else ()))
                for _ in range(draw(st.integers(1, 4)))
            )
        out.append(Para(draw(sentence(hostile)), points))
    if draw(st.integers(0, 6)) == 0:  # alternatives still on the table
        out += [Para(draw(sentence(hostile)), option=True) for _ in range(draw(st.integers(2, 3)))]
    return tuple(out)


@st.composite
def articles(draw: st.DrawFn, hostile: bool) -> Article:
    title = draw(st.sampled_from(("", *ARTICLE_TITLES)))
    if draw(st.integers(0, 12)) == 0:
        return Article(title="", paras=(), deleted=True)
    return Article(title, draw(paras(hostile)), numbered=draw(st.booleans()))


@st.composite
def drafts(draw: st.DrawFn, hostile: bool = False, max_articles: int = 10) -> Doc:
    """A generated draft (as data: ``render_doc`` prints it)."""
    n = draw(st.integers(1, max_articles))
    arts = [draw(articles(hostile)) for _ in range(n)]
    # inserted articles: "4a", "5 bis" after the one before them
    arts = [
        replace(a, suffix=draw(st.sampled_from(("a", "b", " bis", " ter")))) if k and draw(st.integers(0, 5)) == 0
        else a
        for k, a in enumerate(arts)
    ]
    cuts = sorted(set(draw(st.lists(st.integers(1, max(1, n - 1)), max_size=3)))) if n > 1 else []
    groups = [arts[a:b] for a, b in zip([0, *cuts], [*cuts, n], strict=True)]
    chaptered = draw(st.booleans())
    chapters = tuple(
        Chapter(draw(st.sampled_from(CHAPTER_TITLES)) if chaptered else "", tuple(g)) for g in groups if g
    )
    if not chaptered:
        chapters = (Chapter("", tuple(arts)),)
    annexes = tuple(
        Article(draw(st.sampled_from(("", "Model form", "List of offences", "Arbitration")) ), draw(paras(hostile)))
        for _ in range(draw(st.integers(0, 1)))
    )
    return Doc(
        title=draw(st.sampled_from(("Convention on Cooperation", "Draft Protocol on Wetlands", "Treaty on Data"))),
        recitals=tuple(draw(st.lists(sentence(hostile, 4, 16), max_size=4))),
        whereas=draw(st.booleans()),
        chapters=chapters,
        annexes=annexes,
        footnotes=tuple(draw(st.lists(sentence(hostile, 2, 8), max_size=2))),
        fmt=draw(st.sampled_from(("md", "txt"))),
        article_word=draw(st.sampled_from(("Article", "Article", "ARTICLE", "Art."))),
        roman_articles=draw(st.integers(0, 5)) == 0,
        wrap=draw(st.sampled_from((0, 0, 40, 72))),
    )


def _number(k: int, roman: bool) -> str:
    return ROMAN[k % len(ROMAN)] + ("" if k < len(ROMAN) else str(k)) if roman else str(k + 1)


def render_doc(doc: Doc) -> str:
    """The draft as a Markdown or plain-text file."""
    md = doc.fmt == "md"
    out: list[str] = []
    footnote_refs = iter(range(1, len(doc.footnotes) + 1))

    def para(text: str, indent: int = 0) -> None:
        ref = next(footnote_refs, None) if "shall" in text else None
        if ref is not None:
            text = f"{text}[^{ref}]"
        if doc.wrap and not md:
            out.append(textwrap.fill(text, doc.wrap, initial_indent=" " * indent,
                                     subsequent_indent=" " * (indent + 3), break_on_hyphens=False))
        else:
            out.append(" " * (indent if not md else 0) + text)
        out.append("")

    def heading(level: int, text: str) -> None:
        out.extend([f"{'#' * level} {text}" if md else text, ""])

    def body(article: Article) -> None:
        options = 0
        for k, p in enumerate(article.paras, start=1):
            if p.option:
                options += 1
                para(f"Option {options}: {p.text}")
                continue
            para(f"{k}. {p.text}" if article.numbered else p.text)
            for m, point in enumerate(p.points):
                para(f"({LETTERS[m % len(LETTERS)]}) {point.text}", 3)
                for r, item in enumerate(point.items):
                    para(f"({ROMAN_LOWER[r]}) {item}", 6)

    heading(1, doc.title if md else doc.title.upper())
    if doc.recitals:
        heading(2, "Preamble")
        para("The States Parties to this Convention,")
        for k, recital in enumerate(doc.recitals, start=1):
            if doc.whereas:
                para(f"({k}) Whereas {recital[:1].lower()}{recital[1:]}")
            else:
                participle = PARTICIPLES[k % len(PARTICIPLES)]
                word = f"*{participle}*" if md else participle
                para(f"{word} that {recital.rstrip('.;:,')},")
        para("Have agreed as follows:")
    number = 0
    for c, chapter in enumerate(doc.chapters):
        if chapter.title:
            if md:
                heading(2, f"CHAPTER {ROMAN[c]}")
                heading(3, chapter.title)
            else:
                out.extend([f"CHAPTER {ROMAN[c]}", chapter.title.upper(), ""])
        for article in chapter.articles:
            if not article.suffix:
                number += 1
            label = _number(max(number - 1, 0), doc.roman_articles) + (article.suffix if number else "")
            head = f"{doc.article_word} {label}"
            if article.deleted:
                heading(3, f"{head} [deleted]")
                continue
            if md:
                heading(3, head)
                if article.title:
                    heading(4, article.title)
            else:
                out.extend([head, *([article.title] if article.title else []), ""])
            body(article)
    for a, annex in enumerate(doc.annexes):
        head = f"ANNEX {ROMAN[a]}"
        if md:
            heading(2, head)
            if annex.title:
                heading(3, annex.title)
        else:
            out.extend([head, *([annex.title.upper()] if annex.title else []), ""])
        body(annex)
    for k, note in enumerate(doc.footnotes, start=1):
        out.extend([f"[^{k}]: {note}", ""])
    return "\n".join(out)


# --- the next draft ---------------------------------------------------------------------------------------------

Edit = Callable[[st.DrawFn, Doc], Doc]


def _flat(doc: Doc) -> list[tuple[int, int]]:
    return [(c, a) for c, chapter in enumerate(doc.chapters) for a in range(len(chapter.articles))]


def _with_articles(doc: Doc, c: int, articles: list[Article]) -> Doc:
    chapters = list(doc.chapters)
    chapters[c] = replace(chapters[c], articles=tuple(articles))
    return replace(doc, chapters=tuple(chapters))


def _pick(draw: st.DrawFn, doc: Doc) -> tuple[int, int] | None:
    places = _flat(doc)
    return draw(st.sampled_from(places)) if places else None


def edit_words(draw: st.DrawFn, doc: Doc) -> Doc:
    where = _pick(draw, doc)
    if where is None:
        return doc
    c, a = where
    article = doc.chapters[c].articles[a]
    if not article.paras:
        return doc
    k = draw(st.integers(0, len(article.paras) - 1))
    words = article.paras[k].text.split()
    op = draw(st.sampled_from(("replace", "insert", "delete")))
    at = draw(st.integers(0, max(0, len(words) - 1)))
    if op == "delete" and len(words) > 1:
        del words[at]
    else:
        new = draw(st.one_of(st.sampled_from(WORDS), st.sampled_from(PHRASES)))
        words[at:at + (op == "replace")] = [new]
    new_paras = list(article.paras)
    new_paras[k] = replace(article.paras[k], text=" ".join(words))
    arts = list(doc.chapters[c].articles)
    arts[a] = replace(article, paras=tuple(new_paras))
    return _with_articles(doc, c, arts)


def weaken(draw: st.DrawFn, doc: Doc) -> Doc:
    """shall -> may in one article (or everywhere)."""
    everywhere = draw(st.booleans())
    where = _pick(draw, doc)

    def fix(article: Article) -> Article:
        return replace(article, paras=tuple(replace(p, text=p.text.replace("shall", "may", 1)) for p in article.paras))

    return replace(doc, chapters=tuple(
        replace(ch, articles=tuple(fix(art) if everywhere or (c, a) == where else art
                                   for a, art in enumerate(ch.articles)))
        for c, ch in enumerate(doc.chapters)
    ))


def move(draw: st.DrawFn, doc: Doc) -> Doc:
    where = _pick(draw, doc)
    if where is None:
        return doc
    c, a = where
    article = doc.chapters[c].articles[a]
    doc = _with_articles(doc, c, [x for k, x in enumerate(doc.chapters[c].articles) if k != a])
    to = draw(st.integers(0, len(doc.chapters) - 1))
    arts = list(doc.chapters[to].articles)
    arts.insert(draw(st.integers(0, len(arts))), replace(article, suffix=""))
    return _with_articles(doc, to, arts)


def split(draw: st.DrawFn, doc: Doc) -> Doc:
    where = _pick(draw, doc)
    if where is None:
        return doc
    c, a = where
    article = doc.chapters[c].articles[a]
    if len(article.paras) < 2:
        return doc
    k = draw(st.integers(1, len(article.paras) - 1))
    arts = list(doc.chapters[c].articles)
    arts[a:a + 1] = [replace(article, paras=article.paras[:k]),
                     replace(article, paras=article.paras[k:], suffix=draw(st.sampled_from(("", "a", " bis"))),
                             title=draw(st.sampled_from(("", *ARTICLE_TITLES))))]
    return _with_articles(doc, c, arts)


def merge(draw: st.DrawFn, doc: Doc) -> Doc:
    where = _pick(draw, doc)
    if where is None:
        return doc
    c, a = where
    arts = list(doc.chapters[c].articles)
    if a + 1 >= len(arts):
        return doc
    arts[a:a + 2] = [replace(arts[a], paras=arts[a].paras + arts[a + 1].paras, deleted=False)]
    return _with_articles(doc, c, arts)


def add(draw: st.DrawFn, doc: Doc) -> Doc:
    c = draw(st.integers(0, len(doc.chapters) - 1))
    arts = list(doc.chapters[c].articles)
    article = draw(articles(False))
    arts.insert(draw(st.integers(0, len(arts))), replace(article, suffix=draw(st.sampled_from(("", "", "a", " bis")))))
    return _with_articles(doc, c, arts)


def remove(draw: st.DrawFn, doc: Doc) -> Doc:
    where = _pick(draw, doc)
    if where is None or len(_flat(doc)) < 2:
        return doc
    c, a = where
    arts = list(doc.chapters[c].articles)
    if draw(st.booleans()):
        arts[a] = Article(title="", paras=(), deleted=True, suffix=arts[a].suffix)  # "Article 7 [deleted]"
    else:
        del arts[a]
    return _with_articles(doc, c, arts)


def resolve_brackets(draw: st.DrawFn, doc: Doc) -> Doc:
    def fix(p: Para) -> Para:
        return replace(p, text=p.text.replace("[", "").replace("]", ""))

    return replace(doc, chapters=tuple(
        replace(ch, articles=tuple(replace(a, paras=tuple(fix(p) for p in a.paras)) for a in ch.articles))
        for ch in doc.chapters
    ))


def choose_option(draw: st.DrawFn, doc: Doc) -> Doc:
    def fix(a: Article) -> Article:
        options = [p for p in a.paras if p.option]
        if not options:
            return a
        kept = replace(options[0], option=False)
        return replace(a, paras=tuple(kept if p is options[0] else p for p in a.paras if not p.option or p is options[0]))

    return replace(doc, chapters=tuple(replace(ch, articles=tuple(fix(a) for a in ch.articles))
                                       for ch in doc.chapters))


def renumber(draw: st.DrawFn, doc: Doc) -> Doc:
    """Inserted articles ("4a") get plain numbers: everything after them moves up."""
    return replace(doc, chapters=tuple(replace(ch, articles=tuple(replace(a, suffix="") for a in ch.articles))
                                       for ch in doc.chapters))


def reprint(draw: st.DrawFn, doc: Doc) -> Doc:
    """The same words printed differently: the other format, another wrap width."""
    return replace(doc, fmt=draw(st.sampled_from(("md", "txt"))), wrap=draw(st.sampled_from((0, 40, 72))))


EDITS: tuple[Edit, ...] = (edit_words, weaken, move, split, merge, add, remove, resolve_brackets, choose_option,
                           renumber, reprint)


@st.composite
def next_draft(draw: st.DrawFn, doc: Doc) -> Doc:
    """A later draft of ``doc``: one to five of the edits negotiators make."""
    for edit in draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=5)):
        doc = edit(draw, doc)
    return doc


@st.composite
def draft_pairs(draw: st.DrawFn, hostile: bool = False) -> tuple[str, str]:
    old = draw(drafts(hostile))
    return render_doc(old), render_doc(draw(next_draft(old)))


def load_doc(text: str, name: str = "draft") -> Draft:
    fmt = "md" if text.startswith("# ") else "txt"
    return load_text(text, source=f"{name}.{fmt}", format=fmt, label=name)


# --- invariants of a comparison -----------------------------------------------------------------------------


def check_comparison(comparison: Comparison) -> None:
    """Every provision of both drafts in exactly one change; every node with words in exactly one provision; each
    matched pair's edits rebuild exactly the texts of the units the differ compared."""
    check_coverage(comparison.old)
    check_coverage(comparison.new)
    for draft, side in ((comparison.old, "old"), (comparison.new, "new")):
        seen = Counter(id(p.node) for c in comparison.changes for p in getattr(c.match, side))
        assert seen == Counter(id(p.node) for p in draft.provisions()), f"{side} provisions not each in one change"
    for change in comparison.changes:
        old_units, new_units = units(change.match.old), units(change.match.new)
        pairs = align_units(old_units, new_units)
        assert len(pairs) == len(change.paragraphs)
        for (i, j), paragraph in zip(pairs, change.paragraphs, strict=True):
            assert all(e.text for e in paragraph.edits), paragraph
            old_text = rebuild(paragraph.edits, Op.DELETE)
            new_text = rebuild(paragraph.edits, Op.INSERT)
            assert old_text == (old_units[i].text if i is not None else ""), (change.match, paragraph)
            assert new_text == (new_units[j].text if j is not None else ""), (change.match, paragraph)
            assert (paragraph.old_text, paragraph.new_text) == (old_text, new_text)
        # every unit compared exactly once, none dropped
        assert sorted(i for i, _ in pairs if i is not None) == list(range(len(old_units)))
        assert [j for _, j in pairs if j is not None] == list(range(len(new_units)))
    totals = comparison.totals
    assert sum(totals.outcomes.values()) == len(comparison.changes)
    # the words of the division headings that changed count too (issue 14)
    assert totals.words_inserted == sum(c.words_inserted for c in (*comparison.changes, *comparison.divisions))
    assert totals.words_deleted == sum(c.words_deleted for c in (*comparison.changes, *comparison.divisions))


def only_unchanged(comparison: Comparison) -> list[tuple[str, str, list[str]]]:
    """What a self-comparison found that it should not have: (outcome, heading, flags) per change."""
    return [
        (c.outcome.value, (c.match.old or c.match.new)[0].node.heading(), [f.kind.value for f in c.flags])
        for c in comparison.changes
        if c.outcome is not Outcome.UNCHANGED or c.flags
    ]


# --- properties over generated drafts ------------------------------------------------------------------------


@examples()
@given(drafts(hostile=True))
def test_a_draft_compared_with_itself_is_unchanged(doc: Doc) -> None:
    text = render_doc(doc)
    once, again = load_doc(text), load_doc(text)  # two loads: no node is shared between the sides
    comparison = compare(once, again)
    check_comparison(comparison)
    assert only_unchanged(comparison) == []
    assert all(e.op is Op.EQUAL for c in comparison.changes for e in c.edits)
    assert comparison.totals.words_inserted == comparison.totals.words_deleted == 0


@examples()
@given(draft_pairs(), st.frozensets(st.sampled_from(("case", "punctuation", "quotes", "numbering"))))
def test_comparison_invariants_hold_for_any_next_draft(pair: tuple[str, str], ignore: frozenset[str]) -> None:
    old, new = load_doc(pair[0], "old"), load_doc(pair[1], "new")
    plain = compare(old, new)
    check_comparison(plain)
    check_comparison(compare(new, old))
    # what --ignore leaves out is only ever less change: the same alignment and redlines, fewer words counted
    ignoring = compare(old, new, DiffOptions(ignore=ignore))
    check_comparison(ignoring)
    assert [c.match.old for c in ignoring.changes] == [c.match.old for c in plain.changes]
    assert ignoring.totals.words_inserted <= plain.totals.words_inserted
    assert ignoring.totals.words_deleted <= plain.totals.words_deleted
    assert ignoring.totals.outcomes["unchanged"] >= plain.totals.outcomes["unchanged"]


@examples()
@given(draft_pairs(hostile=True))
def test_compare_json_validates_against_the_schema(pair: tuple[str, str]) -> None:
    comparison = compare(load_doc(pair[0], "old"), load_doc(pair[1], "new"))
    document = json.loads(render_comparison(comparison, "json"))
    assert document == json.loads(json.dumps(compare_document(comparison)))
    assert schema_violations(document, "compare") == []
    listed = Counter(id(p.node) for c in comparison.changes for p in (*c.match.old, *c.match.new))
    assert sum(len(c["old"]) + len(c["new"]) for c in document["changes"]) == sum(listed.values())


@st.composite
def three_drafts(draw: st.DrawFn) -> list[str]:
    first = draw(drafts(max_articles=6))
    second = draw(next_draft(first))
    third = draw(next_draft(second))
    return [render_doc(d) for d in (first, second, third)]


#: Found by Hypothesis in CI: an old article both split (V -> III + IV) and, through a pair the split left
#: standing, merged (III + V -> IV) by the paragraph-moves stage: new IV in two lineages.
SPLIT_THEN_MERGED = [
    '# Convention on Cooperation\n\n## Preamble\n\nThe States Parties to this Convention,\n\n*Concerned* that [each each] each each,\n\n*Noting* that Offences criminal necessary person each measures each authorities as offences Conference each in criminal,\n\n*Reaffirming* that [time establish rights] of,\n\nHave agreed as follows:\n\n## CHAPTER I\n\n### General provisions\n\n### Article I\n\n[each each] each.\n\n(a) [each] each each.\n\nDomestic measures to review establish for under offences and.\n\n(a) [criminal each each] review persons.\n\nDomestic criminal extradition mutual each each offences data domestic and each each each.\n\nEach criminal other Convention months each measures each under conditions criminal.\n\n## CHAPTER II\n\n### General provisions\n\n### Article II\n\n#### Entry into force\n\nConvention and and as jurisdiction.\n\n[establish for requesting under] necessary.\n\n(a) [each] each each.\n\n(b) [each each each] each each each within 30 days each offences other other each to each its each in accordance with domestic law.\n\n(c) Each each each.\n\n(d) [each] legal each each.\n\nEach other establish.\n\n(a) To offences without prejudice to at least three necessary each each each conditions other.\n\nEach request proceeds with each months criminal proportionality for criminal each Secretariat to the review each Protocol measures confiscation with.\n\n### Article III\n\nWithin and proceeds.\n\nEach each human property Parties.\n\n(a) [each] each each.\n\n[period each] each measures offences cooperation each each each domestic its extradition each.\n\n[within domestic each of each] each domestic as to.\n\n(a) [other as] proceeds each.\n\nOption 1: [each] each each.\n\nOption 2: Each each each.\n\n## CHAPTER III\n\n### General provisions\n\n### Article IV\n\n#### Extradition\n\nDomestic on each.\n\nSecretariat establish establish authorities or each.\n\nIn accordance with domestic law each witnesses.\n\nEach proportionality offences under victims Conference Conference and mutual requested months to other without prejudice to each person under by each of.\n\n(a) [each each] the information other measures review each offences in Convention each under establish each as.\n\n(b) Each measures each.\n\n(c) Each of under.\n\n(d) And establish days each each person to at least three each to safeguards jurisdiction.\n\n## ANNEX I\n\n1. [under each each].\n\n(a) [measures to establish data person human other measures] to.\n\n2. [each] each each.\n\n3. Each each each.\n\n(a) [each each] each.\n\n4. [person each proceeds proceeds for offences] other each proceeds each to and criminal.\n\nOption 1: [each] each each.\n\nOption 2: Each legal conditions jurisdiction the each other criminal establish legal mutual.\n\n[^1]: Domestic judicial within each judicial as rights on.\n\n[^2]: Measures each each.\n',
    '# Convention on Cooperation\n\n## Preamble\n\nThe States Parties to this Convention,\n\n*Concerned* that [each each] each each,\n\n*Noting* that Offences criminal necessary person each measures each authorities as offences Conference each in criminal,\n\n*Reaffirming* that [time establish rights] of,\n\nHave agreed as follows:\n\n## CHAPTER I\n\n### General provisions\n\n### Article I\n\neach each] each.\n\n(a) [each] each each.\n\nDomestic measures to review establish for under offences and.\n\n(a) [criminal each each] review persons.\n\nDomestic criminal extradition mutual each each offences data domestic and each each each.\n\n### Article II\n\nEach criminal other Convention months each measures each under conditions criminal.\n\n## CHAPTER II\n\n### General provisions\n\n### Article III\n\n#### Entry into force\n\nConvention and and as jurisdiction.\n\n[establish for requesting under] necessary.\n\n(a) [each] each each.\n\n(b) [each each each] each each each within 30 days each offences other other each to each its each in accordance with domestic law.\n\n(c) Each each each.\n\n(d) [each] legal each each.\n\nEach other establish.\n\n(a) To offences without prejudice to at least three necessary each each each conditions other.\n\nEach request proceeds with each months criminal proportionality for criminal each Secretariat to the review each Protocol measures confiscation with.\n\n### Article IV\n\nWithin and proceeds.\n\nEach each human property Parties.\n\n(a) [each] each each.\n\n[period each] each measures offences cooperation each each each domestic its extradition each.\n\n[within domestic each of each] each domestic as to.\n\n(a) [other as] proceeds each.\n\nOption 1: [each] each each.\n\nOption 2: Each each each.\n\n## CHAPTER III\n\n### General provisions\n\n### Article V\n\n#### Extradition\n\nDomestic on each.\n\nSecretariat establish establish authorities or each.\n\nIn accordance with domestic law each witnesses.\n\nEach proportionality offences under victims Conference Conference and mutual requested months to other without prejudice to each person under by each of.\n\n(a) [each each] the information other measures review each offences in Convention each under establish each as.\n\n(b) Each measures each.\n\n(c) Each of under.\n\n(d) And establish days each each person to at least three each to safeguards jurisdiction.\n\n## ANNEX I\n\n1. [under each each].\n\n(a) [measures to establish data person human other measures] to.\n\n2. [each] each each.\n\n3. Each each each.\n\n(a) [each each] each.\n\n4. [person each proceeds proceeds for offences] other each proceeds each to and criminal.\n\nOption 1: [each] each each.\n\nOption 2: Each legal conditions jurisdiction the each other criminal establish legal mutual.\n\n[^1]: Domestic judicial within each judicial as rights on.\n\n[^2]: Measures each each.\n',
    '# Convention on Cooperation\n\n## Preamble\n\nThe States Parties to this Convention,\n\n*Concerned* that [each each] each each,\n\n*Noting* that Offences criminal necessary person each measures each authorities as offences Conference each in criminal,\n\n*Reaffirming* that [time establish rights] of,\n\nHave agreed as follows:\n\n## CHAPTER I\n\n### General provisions\n\n### Article I\n\neach each] each.\n\n(a) [each] each each.\n\nDomestic measures to review establish for under offences and.\n\n(a) [criminal each each] review persons.\n\nDomestic criminal extradition mutual each each offences data domestic and each each each.\n\nEach criminal other Convention months each measures each under conditions criminal.\n\n## CHAPTER II\n\n### General provisions\n\n### Article II\n\nWithin and proceeds.\n\nEach each human property Parties.\n\n(a) [each] each each.\n\n[period each] each measures offences cooperation each each each domestic its extradition each.\n\n[within domestic each of each] each domestic as to.\n\n(a) [other as] proceeds each.\n\nOption 1: [each] each each.\n\nOption 2: Each each each.\n\n## CHAPTER III\n\n### General provisions\n\n### Article III\n\n#### Extradition\n\nDomestic on each.\n\n### Article IV\n\n#### Entry into force\n\nSecretariat establish establish authorities or each.\n\nIn accordance with domestic law each witnesses.\n\nEach proportionality offences under victims Conference Conference and mutual requested months to other without prejudice to each person under by each of.\n\n(a) [each each] the information other measures review each offences in Convention each under establish each as.\n\n(b) Each measures each.\n\n(c) Each of under.\n\n(d) And establish days each each person to at least three each to safeguards jurisdiction.\n\n## ANNEX I\n\n1. [under each each].\n\n(a) [measures to establish data person human other measures] to.\n\n2. [each] each each.\n\n3. Each each each.\n\n(a) [each each] each.\n\n4. [person each proceeds proceeds for offences] other each proceeds each to and criminal.\n\nOption 1: [each] each each.\n\nOption 2: Each legal conditions jurisdiction the each other criminal establish legal mutual.\n\n[^1]: Domestic judicial within each judicial as rights on.\n\n[^2]: Measures each each.\n',
]


@examples(0.5)
@given(three_drafts())
@example(SPLIT_THEN_MERGED)
def test_history_json_validates_against_the_schema(texts: list[str]) -> None:
    loaded = [load_doc(text, f"rev{k}") for k, text in enumerate(texts)]
    document = json.loads(render_history(history(loaded), "json"))
    assert schema_violations(document, "history") == []
    for k, draft in enumerate(loaded):  # every provision of every draft in exactly one lineage
        cells = [lineage["cells"][k] for lineage in document["lineages"] if lineage["cells"][k] is not None]
        assert len(cells) == sum(1 for _ in draft.provisions())


# what the renderers may write as markup; everything else that starts with "<" came from a draft
HTML_TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "div", "h1", "h2", "h3",
    "p", "ul", "li", "a", "span", "code", "table", "thead", "tbody", "tr", "th", "td", "del", "ins", "em", "strong",
    "small", "br", "colgroup", "col", "caption", "details", "summary", "button", "label", "select", "option",
    "script",  # the page's own navigation only: the test holds it to ``compare_html.SCRIPT``
})
MARKDOWN_TAG = re.compile(r'<(?:/?(?:del|ins)>|a id="[^"<>]*">|/a>)')


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.unexpected: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS or any(name.startswith("on") for name, _ in attrs):
            self.unexpected.append(self.get_starttag_text() or tag)

    def handle_comment(self, data: str) -> None:
        self.unexpected.append(f"<!--{data}-->")


RENDER_OPTIONS = st.builds(
    RenderOptions,
    show_unchanged=st.booleans(),
    context=st.integers(0, 2),
    concordance=st.booleans(),
    side_by_side=st.booleans(),
    markdown_style=st.sampled_from(("html", "plain")),
)


@examples()
@given(draft_pairs(hostile=True), RENDER_OPTIONS)
def test_reports_never_raise_and_escape_every_piece_of_draft_text(pair: tuple[str, str], options: RenderOptions) -> None:
    comparison = compare(load_doc(pair[0], "old"), load_doc(pair[1], "new"))
    page = render_comparison(comparison, "html", options)
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert parser.unexpected == []
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert scripts in ([], [f"\n{compare_html.SCRIPT}\n"]) and page.count("<script") == len(scripts)
    page = page.replace(f"<script>\n{compare_html.SCRIPT}\n</script>", "")
    style = page.index("<style>"), page.index("</style>")
    outside_style = page[: style[0]] + page[style[1]:]
    assert all(
        re.match(r"</?[a-z0-9]+[ >]|<!doctype html>", outside_style[m.start():]) for m in re.finditer("<", outside_style)
    )
    markdown = render_comparison(comparison, "markdown", options)
    stray = [markdown[m.start(): m.start() + 20] for m in re.finditer("<", markdown)
             if not MARKDOWN_TAG.match(markdown, m.start())]
    assert stray == []
    render_comparison(comparison, "terminal", options)


# --- loading never crashes ----------------------------------------------------------------------------------

LOAD_FORMATS = (None, "txt", "md", "html", "akn")


def load_or_error(call: Callable[[], Draft]) -> Draft | None:
    """A Draft, or None after a clean LoadError (one line, with the problem); anything else propagates."""
    try:
        return call()
    except LoadError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message, message
        return None


@examples(2)
@given(st.text(), st.sampled_from(LOAD_FORMATS))
def test_loading_any_text_gives_a_draft_or_a_load_error(text: str, fmt: str | None) -> None:
    load_or_error(lambda: load_text(text, format=fmt))


# lines that look like treaty structure, for the parser rather than the decoder
FRAGMENTS = (
    "Article 5", "Article 5 bis", "Article 4a", "ARTICLE V", "Art. 3", "Article [X]", "Article premier", "§ 2",
    "CHAPTER II", "Chapter 1", "PART I", "Section 2", "TITLE III", "ANNEX", "ANNEX I", "Annex [deleted]",
    "Preamble", "[deleted]", "(deleted)", "Option 1:", "Option 2", "1.", "2.", "(1)", "(a)", "(b)", "(h)", "(i)",
    "(ii)", "a)", "i.", "(A)", "-", "*", "* * *", "#", "###", "#######", "> ", "|", "[", "]", "[^1]", "[^1]:",
    "[^x]: note", "Recognizing that", "Whereas", "Having regard to", "Done at Geneva,", "IN WITNESS WHEREOF",
    "shall", "may not", "in accordance with domestic law", "Page 3 of 41", "- 3 -", "A/AC.291/22", "3/41",
    "\f", "\t", "\u00a0", "\u00ad", "\u200b", "\ufeff", "\u202e", "\u0301", "\u05d0\u05e8\u05d8", "ﬁ", "..", "...",
    "<p>", "</p>", "<h1>", "<br>", "<ol>", "<li>", "<akomaNtoso>", "<?xml version='1.0'?>", "&amp;", "&#0;", "\x00",
)


@st.composite
def treatyish_text(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 30))):
        pieces = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(WORDS), st.text(max_size=5)),
                               max_size=6))
        lines.append(" " * draw(st.sampled_from((0, 0, 2, 4, 8))) + " ".join(pieces))
    return draw(st.sampled_from(("\n", "\r\n", "\n\n", "\r"))).join(lines)


@examples(2)
@given(treatyish_text(), st.sampled_from(LOAD_FORMATS))
def test_loading_treaty_like_text_never_crashes_and_compares_cleanly(text: str, fmt: str | None) -> None:
    draft = load_or_error(lambda: load_text(text, format=fmt))
    if draft is not None:
        check_coverage(draft)
        again = load_text(text, format=fmt)
        comparison = compare(draft, again)
        check_comparison(comparison)
        assert only_unchanged(comparison) == []


@examples()
@given(treatyish_text(), treatyish_text(), st.sampled_from(("txt", "md")))
def test_comparing_treaty_like_texts_keeps_the_invariants(old_text: str, new_text: str, fmt: str) -> None:
    old = load_or_error(lambda: load_text(old_text, format=fmt))
    new = load_or_error(lambda: load_text(new_text, format=fmt))
    if old is not None and new is not None:
        comparison = compare(old, new)
        check_comparison(comparison)
        assert schema_violations(compare_document(comparison), "compare") == []
        for name in ("markdown", "html", "terminal"):
            render_comparison(comparison, name)


SUFFIXES = ("", ".txt", ".md", ".html", ".xml", ".akn", ".pdf", ".docx", ".doc", ".bin")


def _load_bytes(data: bytes, suffix: str) -> Draft | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(data)
        return load_or_error(lambda: load(path))


@examples(2)
@given(st.binary(max_size=4000), st.sampled_from(SUFFIXES))
def test_loading_any_bytes_gives_a_draft_or_a_load_error(data: bytes, suffix: str) -> None:
    _load_bytes(data, suffix)


# the prefixes that make a reader take the bytes as its own format: the rest is garbage it must survive
MAGIC = (b"%PDF-1.7\n", b"PK\x03\x04", b"<?xml version='1.0'?><akomaNtoso>", b"<!doctype html><html>", b"\xef\xbb\xbf",
         b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00")


@examples(2)
@given(st.sampled_from(MAGIC), st.binary(max_size=2000), st.sampled_from(SUFFIXES))
def test_loading_bytes_that_claim_a_format_gives_a_draft_or_a_load_error(magic: bytes, data: bytes, suffix: str) -> None:
    _load_bytes(magic + data, suffix)


@examples(2)
@given(st.text(alphabet=st.characters(exclude_categories=()), min_size=1), st.sampled_from((".txt", ".md", "")))
def test_loading_text_with_lone_surrogates_gives_a_draft_or_a_load_error(text: str, suffix: str) -> None:
    _load_bytes(text.encode("utf-8", errors="surrogatepass"), suffix)


# --- huge and deeply nested inputs ----------------------------------------------------------------------------

#: A guard against quadratic blow-ups (they take minutes here), not a speed target (those are in benchmarks/).
#: Seconds of this process's CPU, not of the clock, which also counts the other worker and whatever else the shared
#: machine runs. Loading any input below takes at most 2.5 s; comparing 5,000 placeholders with themselves 2.3 s
#: (10,000 took 4.6 s: linear), where the quadratic blow-ups these guard against took minutes.
SECONDS = 15.0
COMPARE_SECONDS = 8.0


def _nested_markers(n: int) -> str:
    markers = ("(a)", "(i)", "1.", "(A)", "a)", "(1)", "i.", "-")
    return "\n".join(f"{' '.join(markers[k % 8:] + markers[:k % 8])} offences shall be established" for k in range(n))


BIG_INPUTS: dict[str, Callable[[], str]] = {
    "one line of 100 000 words": lambda: "Article 1\n\n" + " ".join(WORDS[k % len(WORDS)] for k in range(100_000)),
    "one line of 100 000 letters": lambda: "x" * 100_000,
    "one line of 100 000 brackets": lambda: "Article 1\n\n" + "[" * 50_000 + "]" * 50_000,
    "100 000 list markers on one line": lambda: "Article 1\n\n" + "(a) (i) 1. " * 33_334,
    "10 000 nested-looking marker lines": lambda: "Article 1\n\n" + _nested_markers(10_000),
    "10 000 marker lines, blank between": lambda: "Article 1\n\n" + _nested_markers(10_000).replace("\n", "\n\n"),
    "10 000 ever deeper indented lines": lambda: "Article 1\n\n" + "\n".join(
        " " * k + f"({LETTERS[k % len(LETTERS)]}) the Party shall" for k in range(10_000)),
    "10 000 nested Markdown list items": lambda: "### Article 1\n\n" + "\n".join(
        "  " * k + "- item shall" for k in range(10_000)),
    "10 000 nested block quotes": lambda: "### Article 1\n\n" + ">" * 10_000 + " text",
    "10 000 headings in a row": lambda: "\n".join(f"{'#' * (k % 7 + 1)} Article {k}" for k in range(10_000)),
    "5 000 articles": lambda: "\n\n".join(f"Article {k}\n\nThe Party shall act {k}." for k in range(1, 5_001)),
    "10 000 paragraphs that run on": lambda: "Article 1\n\n" + "\n\n".join(["the Party shall act in good faith"] * 10_000),
    "one paragraph of 10 000 hyphenated lines": lambda: "Article 1\n\n" + "co-\n" * 10_000 + "operation",
    "100 texts numbered alike": lambda: "\n\n".join(
        f"{word} {k}\n\nText {k}." for word in ("Article", "Artikel") * 50 for k in range(1, 40)),
    "5 000 placeholders with one number": lambda: "\n\n".join(["Article 5 [deleted]"] * 5_000),
    "10 000 nested HTML lists": lambda: "<!doctype html><html><body><h3>Article 1</h3>" + "<ul><li>x" * 10_000
    + "</li></ul>" * 10_000 + "</body></html>",
    "10 000 nested divs in HTML": lambda: "<html><body>" + "<div>" * 10_000 + "Article 1" + "</div>" * 10_000,
    "10 000 nested Akoma Ntoso elements": lambda: "<?xml version='1.0'?><akomaNtoso><act><body>"
    + "<article><num>1</num><paragraph><content><p>" * 2_000 + "x" + "</p></content></paragraph></article>" * 2_000
    + "</body></act></akomaNtoso>",
}


@pytest.mark.parametrize("name", list(BIG_INPUTS))
def test_huge_and_deeply_nested_inputs_load_quickly(name: str) -> None:
    text = BIG_INPUTS[name]()
    fmt = "html" if text.startswith(("<!doctype", "<html")) else "akn" if text.startswith("<?xml") else None
    start = time.process_time()
    draft = load_or_error(lambda: load_text(text, format=fmt))
    elapsed = time.process_time() - start
    assert elapsed < SECONDS, f"{name}: {elapsed:.1f} s"
    if draft is not None:
        check_coverage(draft)


@pytest.mark.parametrize("name", ["10 000 nested-looking marker lines", "one line of 100 000 words", "5 000 articles",
                                  "100 texts numbered alike", "5 000 placeholders with one number"])
def test_huge_inputs_compare_with_themselves_quickly(name: str) -> None:
    draft = load_text(BIG_INPUTS[name]())
    start = time.process_time()
    comparison = compare(draft, draft)
    render_comparison(comparison, "json")
    assert time.process_time() - start < COMPARE_SECONDS
    assert only_unchanged(comparison) == []


def test_generated_drafts_have_the_structure_they_were_built_with() -> None:
    """The strategy is worth something only if the parser reads its drafts as treaties: articles, chapters,
    paragraphs, points and the preamble come out as nodes (a smoke test of the generator, one fixed draft)."""
    doc = Doc(
        title="Convention on Cooperation",
        recitals=("Cooperation is necessary",),
        whereas=False,
        chapters=(
            Chapter("General provisions", (
                Article("Purpose", (Para("Each State Party shall adopt measures.", (Point("the first;"),)),)),
                Article("", (Para("The Parties may cooperate."),), suffix=" bis"),
            )),
            Chapter("Final provisions", (Article("Signature", (Para("Open for signature."),)),)),
        ),
        annexes=(Article("Model form", (Para("Form text."),)),),
        footnotes=("A note.",),
    )
    for fmt in ("md", "txt"):
        draft = load_doc(render_doc(replace(doc, fmt=fmt)))
        assert [p.node.label for p in draft.articles()] == ["1", "1 bis", "2"], fmt
        assert len(list(draft.annexes())) == 1
        assert draft.counts()["recitals"] == 1
