"""Between diff and render: which changes of a Comparison a user asked to see (``--article``, ``--chapter``).

A pure function over the Comparison, shared by ``compare``, ``check`` and ``history``, so that renderers never
filter on their own. A change is kept when any of its old or new provisions matches; the totals of the
result are counted again over the kept changes, so a summary always describes what is listed.

Selectors, all case-insensitive:

- ``--article``: a number as printed (``5``, ``4a``, ``5 bis``, ``IV``; ``5bis`` matches ``5 bis``), a range
  (``5-9``: every article whose number starts with 5 to 9, so ``5 bis`` too; roman numerals count as their
  value), ``annex I`` for an annex, or words of a title (``human rights``: each word starts a word of the
  title, in any order).
- ``--chapter``: a number (``II``, ``2``, ``chapter 2``) or words of a division heading anywhere in the
  provision's path (``final provisions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from treatydiff.compare import totals
from treatydiff.confusables import skeleton
from treatydiff.load.patterns import ANNEX_WORDS
from treatydiff.model import ArticleChange, Comparison, DivisionChange, Kind, Node, Outcome, Provision, Severity

_ROMAN = re.compile(r"(?=[mdclxvi])m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", re.I)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_RANGE = re.compile(r"\s*(\d+|[mdclxvi]+)\s*[-\u2013]\s*(\d+|[mdclxvi]+)\s*", re.I)
_WORD = re.compile(r"\w+")
#: The ``per_chapter`` key of provisions outside any division (as the diff stage names it).
_DIVISION_WORDS = ("part", "title", "chapter", "section", "subsection", "sub-section")
_HEADING = re.compile(r"(?P<word>[\w-]+)\s+(?P<number>[^\s—]+)(?:\s+—.*)?", re.S)


@dataclass(frozen=True, slots=True)
class Selection:
    """What the user asked to see; empty tuples select everything."""

    articles: tuple[str, ...] = ()
    chapters: tuple[str, ...] = ()
    #: only changes with a flag of this severity or more (``--flagged``, ``--min-severity``); None: any change
    flagged: Severity | None = None
    #: only these parts of the text (``--part``): "preamble" (citations and recitals), "body" (articles and the
    #: loose text of divisions), "annexes"; empty: every part
    parts: tuple[str, ...] = ()
    #: ``articles`` select articles only: annexes stay unless a selector names an annex or ``parts`` is given
    #: (``compare --article 5-9`` still shows the annexes; ``check --allow`` allows only what it names)
    keep_annexes: bool = False

    def __bool__(self) -> bool:
        return bool(self.articles or self.chapters or self.flagged or self.parts)


def select(comparison: Comparison, selection: Selection) -> Comparison:
    """The comparison with only the changes that match every kind of selector given (any selector of a kind).
    With an empty selection, the comparison itself."""
    if not selection:
        return comparison
    kept = tuple(change for change in comparison.changes if matches(change, selection))
    headings = tuple(d for d in comparison.divisions if _heading_selected(d, selection))
    return replace(comparison, changes=kept, totals=totals(kept, divisions=headings), divisions=headings)


def _heading_selected(change: DivisionChange, selection: Selection) -> bool:
    """A division heading's change is shown unless a selector leaves it out: ``--article`` and ``--part``
    other than the body name no heading, ``--flagged`` only flagged ones, ``--chapter`` its own and those
    inside it."""
    if selection.articles or (selection.parts and "body" not in selection.parts):
        return False
    if selection.flagged is not None and not any(f.level.rank >= selection.flagged.rank for f in change.flags):
        return False
    headings = tuple(h for h in (change.old, change.new) if h)
    at = [Provision(Node(Kind.DIVISION), (*change.path, heading)) for heading in headings]
    return not selection.chapters or any(chapter_matches(p, sel) for p in at for sel in selection.chapters)


def unmatched(
    comparison: Comparison | Sequence[Comparison], selection: Selection
) -> list[tuple[str, str, list[str]]]:
    """The selectors that name nothing in any draft of the comparison, or of the comparisons (the steps of a
    history): a typo such as ``--article "Artcle 6"``. Each as (option, selector, the nearest names the drafts
    have). A selector that names an article with no change is not among them."""
    comparisons = (comparison,) if isinstance(comparison, Comparison) else comparison
    provisions = [p for c in comparisons for change in c.changes for p in (*change.match.old, *change.match.new)]
    out: list[tuple[str, str, list[str]]] = []
    for option, selectors, test in (("--article", selection.articles, article_matches),
                                     ("--chapter", selection.chapters, chapter_matches)):
        for selector in selectors:
            if not any(test(p, selector) for p in provisions):
                out.append((option, selector, _nearest(selector, provisions, option)))
    return out


def _nearest(selector: str, provisions: list[Provision], option: str) -> list[str]:
    import difflib

    if option == "--article":
        names = {f"{p.node.kind.value} {p.node.label}".strip() for p in provisions if p.node.label}
        names |= {p.node.title for p in provisions if p.node.title}
    else:
        names = {heading for p in provisions for heading in p.path}
    by_lower = {name.lower(): name for name in names}
    return [by_lower[n] for n in difflib.get_close_matches(selector.lower(), list(by_lower), n=3, cutoff=0.5)]


def has_changes(comparison: Comparison) -> bool:
    """Whether anything changed: any change whose outcome is not ``unchanged``, or any division heading that
    changed (``--exit-code``)."""
    return bool(comparison.divisions) or any(c.outcome is not Outcome.UNCHANGED for c in comparison.changes)


def matches(change: ArticleChange, selection: Selection) -> bool:
    provisions = (*change.match.old, *change.match.new)
    if selection.flagged is not None and not change.flags_at_least(selection.flagged):
        return False
    if selection.parts and not any(part_of(p) in selection.parts for p in provisions):
        return False
    annex_kept = (
        selection.keep_annexes and not selection.parts
        and all(p.node.kind is Kind.ANNEX for p in provisions)
        and not any(_annex_named(sel) is not None for sel in selection.articles)
    )
    if selection.articles and not annex_kept and not any(
        article_matches(p, sel) for p in provisions for sel in selection.articles
    ):
        return False
    return not selection.chapters or any(
        chapter_matches(p, sel) for p in provisions for sel in selection.chapters
    )


def _annex_named(selector: str) -> str | None:
    """What follows the annex word of an ``--article`` selector that names an annex ("Anhang I" -> "i", "annex"
    -> ""); None for a selector that does not."""
    sel = " ".join(selector.split()).lower()
    word = next((w for w in sorted(ANNEX_WORDS, key=len, reverse=True) if sel.startswith(w)), None)
    return None if word is None else sel[len(word):].strip()


def part_of(provision: Provision) -> str:
    """The part of the text a provision is in (``--part``): preamble, body or annexes."""
    kind = provision.node.kind
    if kind is Kind.PREAMBLE:
        return "preamble"
    if kind is Kind.ANNEX or provision.annex:
        return "annexes"
    return "body"


def article_matches(provision: Provision, selector: str) -> bool:
    """``--article SEL`` against one article or annex."""
    node = provision.node
    sel = " ".join(selector.split()).lower()
    if node.kind is Kind.PREAMBLE:
        return sel in ("preamble", "recitals")
    rest = _annex_named(sel)
    if rest is not None:
        # "Annex VI" (with the articles it holds) or one of them: "Annex VI, Art. 5", "annex vi article 5"
        inner = _ANNEX_ARTICLE.fullmatch(rest)
        annex, article = (inner.group(1), inner.group(2)) if inner else (rest, None)
        if provision.annex:
            in_it = article is None or _same_number(node.label, article)
            named = _annex_named(provision.annex.lower())
            return in_it and (not annex or (named is not None and _same_number(named, annex)))
        if article is not None:
            return False
        return node.kind is Kind.ANNEX and (not rest or _same_number(node.label, rest) or _has_words(node.title, rest))
    sel = re.sub(r"^(article|art\.?)\s*", "", sel)
    if node.designation and sel.startswith(node.designation.lower()):  # "§ 5", "Sec. 2", as the report names them
        sel = sel[len(node.designation):].strip()
    if node.kind is Kind.ARTICLE and provision.annex:
        return _looks_like_words(sel) and _has_words(node.title, sel)  # "--article 5" names the instrument's own
    if node.kind is Kind.ARTICLE:
        if _same_number(node.label, sel):
            return True
        bounds = _RANGE.fullmatch(sel)
        if bounds:
            low, high = _number_value(bounds.group(1)), _number_value(bounds.group(2))
            value = _leading_value(node.label)
            return value is not None and low is not None and high is not None and low <= value <= high
    return _looks_like_words(sel) and _has_words(node.title, sel)


_ANNEX_ARTICLE = re.compile(r"(.*?)[,\s]+(?:article|art\.?)\s*(\S.*)")


def chapter_matches(provision: Provision, selector: str) -> bool:
    """``--chapter SEL`` against the division headings above one provision ("Chapter II — Offences")."""
    sel = " ".join(selector.split()).lower()
    word, number = "", sel
    for division in _DIVISION_WORDS:
        if sel.startswith(division + " "):
            word, number = division, sel[len(division) + 1:]
            break
    for heading in provision.path:
        found = _HEADING.fullmatch(heading.strip())
        if (
            found
            and found.group("word").lower() in _DIVISION_WORDS
            and word in ("", found.group("word").lower())
            and _same_number(found.group("number"), number)
        ):
            return True
        if _looks_like_words(sel) and _has_words(heading, sel):
            return True
    return False


def _compact(number: str) -> str:
    return re.sub(r"[\s.]+", "", number).lower()


def _same_number(label: str, selector: str) -> bool:
    """"5 bis" = "5bis", "IV" = "iv" = "4" (roman and arabic numbers name the same article or chapter)."""
    if not label or not selector:
        return False
    if _compact(label) == _compact(selector):
        return True
    a, b = _number_value(_compact(label)), _number_value(_compact(selector))
    return a is not None and a == b


def _number_value(text: str) -> int | None:
    """An arabic or roman numeral's value; None for anything else ("4a", "bis")."""
    if text.isdigit():
        return int(text)
    if _ROMAN.fullmatch(text):
        values = [_ROMAN_VALUES[ch] for ch in text.lower()]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None


def _leading_value(label: str) -> int | None:
    """The number an article label starts with: 5 for "5", "5 bis", "5a"; 4 for "IV"; None for "[X]"."""
    digits = re.match(r"\s*(\d+)", label)
    if digits:
        return int(digits.group(1))
    roman = re.match(r"\s*([mdclxvi]+)\b", label, re.I)
    return _number_value(roman.group(1)) if roman else None


def _looks_like_words(selector: str) -> bool:
    """A selector that names something by its words, not by a number or a range ("scope", "final clauses")."""
    return any(ch.isalpha() for ch in selector) and _number_value(_compact(selector)) is None and not _RANGE.fullmatch(
        selector
    )


def _has_words(text: str, selector: str) -> bool:
    """Each word of ``selector`` starts some word of ``text`` (case-insensitive, any order; look-alike letters
    read as the letters they pass for, ``treatydiff.confusables``)."""
    words = _WORD.findall(skeleton(text).lower())
    wanted = _WORD.findall(skeleton(selector).lower())
    return bool(wanted) and all(any(w.startswith(want) for w in words) for want in wanted)
