"""Stage 5, check: structural checks of one draft (treatydiff lint).

``lint(draft)`` looks for broken structure in a single text, the kind a drafter introduces when articles are
inserted, deleted or moved by hand. It reads only the article tree; every check is a pure function over it.
A file that holds the instrument twice (``text`` nodes: English, then Dutch) is checked one text at a time;
the articles inside an annex are numbered apart from the main articles, and apart per annex.

Checks, in the order they run and report:

- **TD101 duplicate-article** — two articles with the same number in one text (or two annexes with the same
  number). Inside an annex, numbering that restarts at the first number under a new heading (the arbitration
  and conciliation parts of an annex) is a new series, not a duplicate.
- **TD102 numbering-gap** — article (or annex) numbers missing from a run: 5, 6, 8. "4a" and "5 bis" are
  insertions and count as their base number; "Articles 74a und 75 (weggefallen)" covers both; a placeholder
  ("Article 7 [deleted]", "(weggefallen)") counts as present. Arabic and Roman numbers are separate runs (the
  Dutch constitution's additional articles I, II, IX, XIX). A draft that starts later than 1 (an excerpt) is
  not reported; a consolidated law whose repealed articles simply vanished is (the gap is true, and the
  message says how to mark it).
- **TD103 dangling-reference** — a cross-reference to an article the draft does not have (or only as a deleted
  placeholder), or to a numbered paragraph the article does not have: "article 5, paragraph 4",
  "Article 5(4)", "paragraph 3 of article 5", and inside an article "paragraph 3" or "paragraph 3 of this
  article". References are found as the differ finds them (``classify.cross_references``: English "article",
  "Art.", "articles 14 to 21": only the two ends of a range). References to other instruments are skipped:
  those classify recognises ("Article 114 of the Treaty", "TFEU") and, to stay free of false alarms, any
  reference followed by "of"/"in"/"under" and a capitalised name ("Article 4 of the Convention" in a protocol
  means the parent convention), with the EU tails "(1) and (2)", ", point (d)", ", first subparagraph" passed
  over first. Paragraphs are only checked where the article numbers its paragraphs from 1, and only for
  numbered paragraphs (a "(a)" after an article number is a point and is not checked). A reference inside an
  annex may name the annex's own articles or the main ones; articles of EU amending provisions ("Amendment to
  Directive ...") speak of the amended act and are skipped. Words in other languages ("artikel", "Absatz") are
  not read, and a text read without any article is not judged.
- **TD104 unbalanced-brackets** — a negotiating "[" that is never closed, or a "]" that closes nothing.
  Brackets may span the paragraphs of one article ("[2. ... 3. ...]"), so an article is balanced as a whole;
  outside articles (preamble, annex text) each paragraph is balanced on its own. Footnote markers "[^1]",
  elisions "[...]" and "[…]" are not brackets. The line reported is that of the paragraph holding the
  unmatched bracket.
- **TD105 empty-article** — an article heading with no text and nothing below it that is not a deleted
  placeholder ("Article 24 [deleted]", or "(weggefallen)" on the line after the heading). A "title" that reads
  as a sentence (a modal verb, or more than 15 words) is the article's text taken for its title, not emptiness.
- **TD106 paragraph-order** — numbered paragraphs, points or items out of order inside an article (1, 3, 2;
  (a), (c), (b)), a number used twice in one list counts too (1, 3, 2, 3). "1a" after 1 and the EU's inserted
  "(ba)" after "(b)" are in order; Roman items (ii), (iii) mixed into a letter list are a list of their own; a
  list that starts again at 1 or (a) after unnumbered text, or after an item with units below it, is a new
  list (the text may have lost the indentation of a deeper list), and a number that continues a list left
  open before goes back to it. Labels with no words (a deleted point left as "b.") belong to no list. One
  finding per list (the first), saying how many more follow. Gaps inside an article (1, 2, 4) are not
  reported: drafts delete paragraphs without renumbering.
- **TD107 look-alike-text** — a word that passes for another: letters of two scripts in one word ("may" with
  a Cyrillic "a", U+0430), a word wholly of look-alike letters of another script in a Latin text, fullwidth or
  mathematical letters among Latin ones, or an invisible character (zero-width space, word joiner,
  bidirectional control) inside a word. Each reads as the plain word but escapes a search for it; treatydiff
  compares the plain word (``treatydiff.confusables``), other tools may not. One finding per word and node.

Every check is a heuristic over the parsed tree: if the parser misread a heading, lint reports what it read
(``treatydiff outline`` shows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from treatydiff.classify import CrossReference, cross_references
from treatydiff.confusables import suspects
from treatydiff.load.patterns import MAX_DIGITS, PLACEHOLDER, roman_value
from treatydiff.model import DIVISION_KINDS, Draft, Kind, Node, Status, Verdict, Verdicts

__all__ = ["CHECKS", "lint"]

#: Every check, code -> name, in the order lint runs and reports them.
CHECKS: dict[str, str] = {
    "TD101": "duplicate-article",
    "TD102": "numbering-gap",
    "TD103": "dangling-reference",
    "TD104": "unbalanced-brackets",
    "TD105": "empty-article",
    "TD106": "paragraph-order",
    "TD107": "look-alike-text",
}


@dataclass(frozen=True, slots=True)
class _Finding:
    line: int
    article: str
    message: str


@dataclass(frozen=True, slots=True)
class _Article:
    """An article with where it stands: its annex (None for a main article) and the heading just above it."""

    node: Node
    annex: Node | None
    division: Node | None

    @property
    def name(self) -> str:
        return _article_name(self.node, self.annex)


@dataclass(frozen=True, slots=True)
class _Text:
    """One text of the instrument: its nodes, and how a message names it ("" when the file holds one text)."""

    nodes: tuple[Node, ...]
    name: str
    #: what each article's label says as numbers (by ``id`` of its node); see ``_read_labels``
    labels: dict[int, _Label] = field(default_factory=dict)
    #: the articles whose range did not fit in ``room``
    crowded: tuple[_Article, ...] = ()
    room: int = 0

    def articles(self) -> list[_Article]:
        found: list[_Article] = []

        def visit(nodes: tuple[Node, ...], annex: Node | None, division: Node | None) -> None:
            for node in nodes:
                if node.kind is Kind.ARTICLE:
                    found.append(_Article(node, annex, division))
                elif node.kind is Kind.ANNEX:
                    visit(node.children, node, None)
                elif node.kind in DIVISION_KINDS:
                    visit(node.children, annex, node)

        visit(self.nodes, None, None)
        return found

    def annexes(self) -> list[Node]:
        return [n for top in self.nodes for n in top.walk() if n.kind is Kind.ANNEX]

    def where(self) -> str:
        return f" in {self.name}" if self.name else ""


def _texts(draft: Draft) -> list[_Text]:
    if draft.nodes and all(n.kind is Kind.TEXT for n in draft.nodes):
        return [
            _read_text(n.children, f"text {n.label}" + (f" ({n.title})" if n.title else "")) for n in draft.nodes
        ]
    return [_read_text(draft.nodes, "")]


def _read_text(nodes: tuple[Node, ...], name: str) -> _Text:
    articles = _Text(nodes, name).articles()
    labels, crowded, room = _read_labels(articles)
    return _Text(nodes, name, labels, crowded, room)


def _article_name(node: Node, annex: Node | None) -> str:
    return f"Annex {annex.label}, article {node.label}".replace("Annex , ", "Annex, ") if annex else node.label


def _placeholder(node: Node) -> bool:
    """A deleted article: marked so by the parser ("Article 24 [deleted]"), or whose only words are a placeholder
    on the line after the heading ("### Art 3" then "(weggefallen)", read as its title or its text)."""
    if node.deleted:
        return True
    words = [node.title, node.text, *(child.full_text() for child in node.children)]
    words = [w for w in words if w]
    return len(words) == 1 and bool(PLACEHOLDER.match(words[0]))


def _annex_name(node: Node) -> str:
    return f"Annex {node.label}".strip()


# --- numbers ---------------------------------------------------------------------------------------------------

_LATIN = "bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies"
_ARABIC = re.compile(rf"(?P<base>\d+)\s*(?P<suffix>[a-z]{{1,2}}|{_LATIN})?", re.IGNORECASE)
_ROMAN = re.compile(rf"(?P<base>[IVXLCDM]+)\s*(?P<suffix>[a-z]|{_LATIN})?")
_LETTER = re.compile(r"[A-Z]")
_FIRST = {"premier": 1, "first": 1, "erster": 1}
_RANGE = re.compile(r"\s+(?P<sep>und|and|et|en|to|bis|tot|y|a|e)\s+(?=\d|[IVXLCDM]+\b)")  # as patterns.ARTICLE
_RANGE_WORDS = ("to", "bis", "tot", "a")  # "12 to 14", "12 bis 14", "12 tot 14", "12 a 14": the numbers between


@dataclass(frozen=True, slots=True)
class _Number:
    """An article or annex number read as a value: its family ("arabic", "roman", "letter"), base value and
    insertion suffix ("4a" -> 4, "a"; "5 bis" -> 5, "bis")."""

    family: str
    base: int
    suffix: str = ""

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.family, self.base, self.suffix)


def _to_roman(value: int) -> str:
    out = []
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                            (4, "IV"), (1, "I")):  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _show(family: str, value: int) -> str:
    if family == "roman":
        return _to_roman(value)
    if family == "letter":
        return chr(ord("A") + value - 1)
    return str(value)


def _one_number(text: str, letters: bool = False) -> _Number | None:
    text = text.strip().strip("[]").strip()
    if text.lower() in _FIRST:
        return _Number("arabic", 1)
    if letters and _LETTER.fullmatch(text):
        return _Number("letter", ord(text) - ord("A") + 1)
    match = _ARABIC.fullmatch(text)
    if match and len(match.group("base")) <= MAX_DIGITS:  # longer is no number (``_too_long`` says so)
        return _Number("arabic", int(match.group("base")), (match.group("suffix") or "").lower())
    match = _ROMAN.fullmatch(text)
    if match and re.fullmatch(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", match.group("base")):
        return _Number("roman", roman_value(match.group("base")), (match.group("suffix") or "").lower())
    return None


@dataclass(frozen=True, slots=True)
class _Label:
    """What a label says as numbers: one, the two of "74a und 75", or every one of "12 to 14" (a placeholder
    that covers a run of repealed articles); none when it is no number ("[X]"). ``inside``: for a range whose
    numbers were not all listed (it did not fit in the text's room), its family and the first and last number
    between its ends."""

    numbers: tuple[_Number, ...]
    inside: tuple[str, int, int] | None = None

    @property
    def count(self) -> int:
        """How many numbers the label stands for."""
        return len(self.numbers) + (self.inside[2] - self.inside[1] + 1 if self.inside else 0)


def _read_label(label: str, letters: bool = False, room: int = 0) -> _Label:
    """The numbers of ``label``; those between the ends of a range only when there are at most ``room``. A list
    ("2, 3 and 4", "2, 5 to 7") is the numbers of its pieces (a range in it too long for the room counts by its
    ends only)."""
    if "," in label:
        numbers: list[_Number] = []
        for piece in label.split(","):
            read = _read_label(piece.strip(), letters, max(0, room - len(numbers)))
            if not read.numbers:
                return _Label(())
            numbers += read.numbers
        return _Label(tuple(numbers))
    parts = _RANGE.split(label)
    if len(parts) == 1:
        number = _one_number(label, letters)
        return _Label((number,) if number else ())
    first, sep, last = _one_number(parts[0], letters), parts[1], _one_number(parts[-1], letters)
    if first is None or last is None:
        return _Label(())
    if sep in _RANGE_WORDS and first.family == last.family and first.base < last.base:
        if last.base - first.base - 1 <= room:
            return _Label((first, *(_Number(first.family, v) for v in range(first.base + 1, last.base)), last))
        return _Label((first, last), (first.family, first.base + 1, last.base - 1))
    return _Label((first, last))


#: How many numbers the ranges of one text may stand for between their ends, together: a thousand, and ten per
#: article. Beyond that a range is a typo ("Articles 2 to 900000000000 [deleted]") or an attack; listing its
#: numbers would take forever, so its ends are checked for duplicates and references, it counts as a whole for
#: the gaps, and TD102 says so. Every check then takes time linear in the number of articles.
_ROOM, _ROOM_PER_ARTICLE = 1000, 10


def _read_labels(articles: list[_Article]) -> tuple[dict[int, _Label], tuple[_Article, ...], int]:
    """Every article's label read once, in document order, ranges listed while they fit in the text's room; the
    articles whose range did not fit; the room."""
    room = left = _ROOM + _ROOM_PER_ARTICLE * len(articles)
    labels: dict[int, _Label] = {}
    crowded: list[_Article] = []
    for article in articles:
        read = labels[id(article.node)] = _read_label(article.node.label, room=left)
        if read.inside:
            crowded.append(article)
        else:
            left -= max(0, len(read.numbers) - 2)
    return labels, tuple(crowded), room


_LONG_DIGITS = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


def _too_long(label: str) -> int:
    """How many digits the longest run of digits in ``label`` has, when that is more than a number may have."""
    return max((len(m.group(0)) for m in _LONG_DIGITS.finditer(label)), default=0)


def _shown(label: str) -> str:
    """A label for a message, a run of digits too long to be a number cut short ("111111…(5000 digits)")."""
    return _LONG_DIGITS.sub(lambda m: f"{m.group(0)[:6]}…({len(m.group(0))} digits)", label)


def _ref_key(number: str) -> str:
    return re.sub(r"\s+", "", number).casefold()


# --- TD101 duplicate-article and TD102 numbering-gap -----------------------------------------------------------


def _series(articles: list[_Article], labels: dict[int, _Label]) -> list[list[_Article]]:
    """Articles split where numbering starts again at its first number under another heading (the parts of an
    annex that each number their articles from 1)."""
    runs: list[list[_Article]] = []
    first: tuple[str, int, str] | None = None
    for article in articles:
        numbers = labels[id(article.node)].numbers
        key = numbers[0].key if numbers else None
        current = runs[-1] if runs else None
        if (
            current is None
            or current[-1].annex is not article.annex
            or (len(current) >= 2 and key is not None and key == first and current[-1].division is not article.division)
        ):
            runs.append([article])
            first = key
            continue
        current.append(article)
        if first is None:
            first = key
    return runs


def _scopes(text: _Text) -> list[list[_Article]]:
    """The main articles of a text, then the articles of each annex, each split into numbering series."""
    articles = text.articles()
    main = [a for a in articles if a.annex is None]
    scopes = _series(main, text.labels)
    for annex in text.annexes():
        scopes.extend(_series([a for a in articles if a.annex is annex], text.labels))
    return [s for s in scopes if s]


@dataclass(frozen=True, slots=True)
class _Numbered:
    """A numbered unit for TD101/TD102: how a message names it, its label, line and numbers."""

    name: str
    what: str  # "article" or "annex"
    label: str
    line: int
    numbers: tuple[_Number, ...]
    inside: tuple[str, int, int] | None = None  # ``_Label.inside``
    #: a bill's section (``Node.designation`` "Sec.") that is the first under a heading the one before it is not
    #: under: where a title numbers its sections from its own hundred
    opens: bool = False


def _article_units(run: list[_Article], labels: dict[int, _Label]) -> list[_Numbered]:
    return [
        _Numbered(a.name, "article", a.node.label, a.node.line, labels[id(a.node)].numbers, labels[id(a.node)].inside,
                  opens=bool(a.node.designation) and k > 0 and a.division is not run[k - 1].division)
        for k, a in enumerate(run)
    ]


def _annex_units(text: _Text) -> list[_Numbered]:
    annexes = text.annexes()
    labels = [a.label.strip() for a in annexes if a.label.strip()]
    # annexes "A" to "G" are lettered; "I", "C" or "D" alone are Roman (numerals read as letters otherwise)
    letters = bool(labels) and all(_LETTER.fullmatch(x) for x in labels) and any(x not in "IVXLCDM" for x in labels)
    return [
        _Numbered(_annex_name(a), "annex", a.label, a.line, _read_label(a.label, letters).numbers)
        for a in annexes
        if a.label.strip()
    ]


def _duplicates(units: list[_Numbered], where: str) -> Iterator[_Finding]:
    seen: dict[tuple[str, int, str], _Numbered] = {}
    for unit in units:
        for number in unit.numbers:
            first = seen.get(number.key)
            if first is None:
                seen[number.key] = unit
                continue
            word = unit.what.capitalize()
            yield _Finding(
                unit.line,
                unit.name,
                f"{word} {unit.label} at line {unit.line} has the same number as {unit.what} {first.label} at line "
                f"{first.line}{where}: renumber one of them (and the references to it).",
            )
            break


def _gaps(units: list[_Numbered], where: str) -> Iterator[_Finding]:
    """One finding per run of missing numbers, with its bounds: the numbers present (and the insides of ranges
    not listed) are sorted and merged, never counted out one by one ("Article 999999999999999999")."""
    for family in ("arabic", "roman", "letter"):
        first_with: dict[int, _Numbered] = {}  # a number -> the first unit that has it
        reach: dict[int, int] = {}  # a number -> the last number of the run it starts
        for unit in units:
            for n in unit.numbers:
                if n.family == family:
                    first_with.setdefault(n.base, unit)
                    reach.setdefault(n.base, n.base)
            if unit.inside and unit.inside[0] == family:
                _, low, high = unit.inside
                reach[low] = max(reach.get(low, low), high)
        end: int | None = None
        for start, last in sorted(reach.items()):
            # a bill's title numbering its sections from its own hundred ("TITLE II" opens with Sec. 201): no gap
            by_title = family == "arabic" and start > 100 and start % 100 == 1 and first_with[start].opens
            if end is not None and start > end + 1 and not by_title:
                yield _gap(family, end + 1, start - 1, first_with[start], where)
            end = last if end is None else max(end, last)


#: The plural of the units whose numbering is checked, where it is no "s" added ("annexes", not "annexs").
_PLURALS = {"annex": "annexes"}


def _gap(family: str, low: int, high: int, after: _Numbered, where: str) -> _Finding:
    """The finding for the numbers ``low`` to ``high`` missing before ``after``."""
    before = _show(family, low - 1)
    what = after.what
    if low == high:
        gone = f"{what} {_show(family, low)} is missing"
        hint = f"'{what.capitalize()} {_show(family, low)} [deleted]'"
    else:
        joint = "and" if high == low + 1 else "to"
        gone = f"{_PLURALS.get(what, what + 's')} {_show(family, low)} {joint} {_show(family, high)} are missing"
        hint = f"placeholders such as '{what.capitalize()} {_show(family, low)} [deleted]'"
    return _Finding(
        after.line,
        after.name,
        f"{what.capitalize()} numbering jumps from {before} to {after.label}{where}: {gone}; "
        f"if deleted on purpose, keep {hint} so references and comparisons stay right.",
    )


def _check_numbering(texts: list[_Text]) -> tuple[list[_Finding], list[_Finding]]:
    duplicates: list[_Finding] = []
    gaps: list[_Finding] = []
    for text in texts:
        where = text.where()
        groups = [_article_units(run, text.labels) for run in _scopes(text)]
        groups.append(_annex_units(text))
        for units in groups:
            duplicates.extend(_duplicates(units, where))
            gaps.extend(_gaps(units, where))
        gaps.extend(_unread(text))
    return duplicates, gaps


def _unread(text: _Text) -> Iterator[_Finding]:
    """TD102 findings for numbers lint cannot count with: a number of more digits than a number may have, and the
    first range that did not fit in the text's room (``_ROOM``), with how many more did not."""
    articles = text.articles()
    if text.crowded:
        article, more = text.crowded[0], len(text.crowded) - 1
        called = _called(article)
        others = f" (and {more} more range{'s' if more > 1 else ''} after it)" if more else ""
        yield _Finding(
            article.node.line,
            article.name,
            f"{called[0].upper()}{called[1:]}{text.where()} stands for {text.labels[id(article.node)].count} numbers, "
            f"more than this text's {len(articles)} articles can have (its ranges together at most {text.room}): "
            f"correct the range; only its first and last numbers{others} are checked for duplicates and references.",
        )
    units = [(a.node, _called(a), a.name) for a in articles]
    units += [(a, _annex_name(a), _annex_name(a)) for a in text.annexes()]
    for node, called, name in units:
        digits = _too_long(node.label)
        if digits:
            shown = _shown(called)
            yield _Finding(
                node.line,
                name,
                f"{shown[0].upper()}{shown[1:]}{text.where()} has a number of {digits} digits, too long to be one "
                f"(lint reads up to {MAX_DIGITS}): correct it; its place in the numbering is not checked.",
            )


# --- TD103 dangling-reference ----------------------------------------------------------------------------------

# what may follow a reference before the name of another instrument: "(1) and (2)", "(4)( and 9(2)(g)" (sic),
# ", point (d)", ", first subparagraph", ".d" ("Article 20.d of the Statute"), "5 and 10" after a singular head
_TAIL = re.compile(
    r"(?:\s?\(\w{0,4}\)?"
    r"|\.[a-z0-9]{1,2}\b"
    r"|\s*(?:,|\band\b|\bor\b|\bto\b)\s*(?:\d{1,3}[a-z]?\b|\(\w{1,4}\))"
    r"|\s*,?\s*(?:(?:first|second|third|fourth|fifth|sixth|last)\s+)?"
    r"(?:points?|subparagraphs?|sub-paragraphs?|indents?|sentences?|items?)\b(?:\s*\(\w{1,4}\)|\s+\d+[a-z]?)?"
    r"|\s*,(?=\s*(?:of|in|under)\b))*",
    re.IGNORECASE,
)
# a reference followed by another ("Articles 14 to 21 and Articles 23 to 35 of the Convention") shares its fate
_CHAIN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|as\s+well\s+as)\s+)?", re.IGNORECASE)
# EU amending provisions ("Article 81 Amendment to Directive (EU) 2016/797") speak of the amended act's articles
_AMENDING = re.compile(r"^\s*Amendments?\s+(?:to|of)\b", re.IGNORECASE)
_OTHER_INSTRUMENT = re.compile(
    r"\s*,?\s*(?:thereof\b|(?:of|in|under)\s+(?!(?:this|the\s+present)\b|Art(?:icles?|s?\.)?\b)"
    r"(?:(?:the|that|said|its)\s+)?(?:[A-Z]|\d+/))"
)
_PARA_REF = re.compile(
    r"(?<![-\w])(?:paragraphs?|paras?\.)\s+(?P<first>\d{1,3}[a-z]{0,2})\b(?:\s?\(\w{1,4}\))*"
    r"(?P<more>(?:\s*(?:,|and|or|to)\s*\d{1,3}[a-z]{0,2}\b(?:\s?\(\w{1,4}\))*)*)",
    re.IGNORECASE,
)
_THIS_ARTICLE = re.compile(r"\s*,?\s*(?:of|in|under)\s+(?:this|the\s+present)\s+article\b", re.IGNORECASE)
_OF_ARTICLE = re.compile(r"\s*,?\s*(?:of|in|under)\s+(?=(?:articles?|arts?\.)\s)", re.IGNORECASE)
_ELSEWHERE = re.compile(r"\s*,?\s*(?:of|in|under|to|from)\b", re.IGNORECASE)
_PARA_LABEL = re.compile(r"\(?(?P<v>\d{1,3}[a-z]{0,2})[.)]?")


def _internal_refs(refs: list[CrossReference], text: str) -> list[bool]:
    """For each reference, whether it names this draft's own articles, as far as the words after it tell."""
    internal = [False] * len(refs)
    for k in range(len(refs) - 1, -1, -1):
        ref = refs[k]
        if ref.external:
            continue
        tail = _TAIL.match(text, ref.end)
        end = tail.end() if tail else ref.end
        chain = _CHAIN.match(text, end)
        if k + 1 < len(refs) and chain is not None and chain.end() == refs[k + 1].start:
            internal[k] = internal[k + 1]
        else:
            internal[k] = not _OTHER_INSTRUMENT.match(text, end)
    return internal


def _paragraph_numbers(article: Node) -> set[str] | None:
    """The numbers of an article's numbered paragraphs ("1", "1a"), or None when the article does not number
    its paragraphs from 1 (nothing to check against)."""
    numbers = set()
    for child in article.children:
        if child.kind is Kind.PARAGRAPH and child.label:
            match = _PARA_LABEL.fullmatch(child.label)
            if match:
                numbers.add(match.group("v").casefold())
    if "1" not in numbers:
        return None
    return numbers


@dataclass(frozen=True, slots=True)
class _Targets:
    """The articles a reference can name from where it stands: the text's main articles and, inside an annex,
    that annex's own."""

    live: dict[str, list[Node]]
    deleted: set[str]

    @staticmethod
    def of(articles: list[_Article], labels: dict[int, _Label]) -> _Targets:
        live: dict[str, list[Node]] = {}
        deleted: set[str] = set()
        for article in articles:
            parts = _RANGE.split(article.node.label)
            keys = {_ref_key(article.node.label), *(_ref_key(p) for p in parts[::2])}
            for number in labels[id(article.node)].numbers:
                shown = _show(number.family, number.base)
                keys.add(shown if number.family == "arabic" and not number.suffix else _ref_key(shown + number.suffix))
            for key in keys:
                if _placeholder(article.node):
                    deleted.add(key)
                else:
                    live.setdefault(key, []).append(article.node)
        return _Targets(live, deleted)


def _text_units(node: Node) -> Iterator[tuple[Node, str]]:
    """The node's own words to search: its title, then its text."""
    if node.title:
        yield node, node.title
    if node.text:
        yield node, node.text


def _walk_with_article(nodes: tuple[Node, ...], article: Node | None, annex: Node | None) -> Iterator[
    tuple[Node, Node | None, Node | None]
]:
    for node in nodes:
        here_article = node if node.kind is Kind.ARTICLE else article
        here_annex = node if node.kind is Kind.ANNEX else annex
        yield node, here_article, here_annex
        yield from _walk_with_article(node.children, here_article, here_annex)


def _check_references(texts: list[_Text], code: str) -> list[_Finding]:
    findings: list[_Finding] = []
    for text in texts:
        articles = text.articles()
        if not articles:
            continue  # a text read without articles: its references cannot be judged
        main = _Targets.of([a for a in articles if a.annex is None], text.labels)
        if not main.live and not main.deleted:
            main = _Targets.of(articles, text.labels)  # the whole instrument was read inside one annex: any counts
        per_annex = {id(x): _Targets.of([a for a in articles if a.annex is x], text.labels) for x in text.annexes()}
        for node, article, annex in _walk_with_article(text.nodes, None, None):
            if article is not None and _AMENDING.match(article.title):
                continue
            own = per_annex.get(id(annex)) if annex is not None else None
            name = _article_name(article, annex) if article is not None else (_annex_name(annex) if annex else "")
            for _, words in _text_units(node):
                findings.extend(_dangling(words, node.line, name, article, main, own, text.where(), code))
    return findings


def _resolve(key: str, main: _Targets, own: _Targets | None) -> tuple[list[Node], bool]:
    """The live articles a number names, and whether it names only a deleted placeholder."""
    for targets in (own, main):
        if targets is not None and key in targets.live:
            return targets.live[key], False
    deleted = key in main.deleted or (own is not None and key in own.deleted)
    return [], deleted


def _dangling(
    words: str, line: int, name: str, article: Node | None, main: _Targets, own: _Targets | None, where: str,
    code: str,
) -> Iterator[_Finding]:
    refs = cross_references(words, code)
    internal = _internal_refs(refs, words)
    taken = [(r.start, r.end) for r in refs]
    for ref, own_draft in zip(refs, internal, strict=True):
        if not own_draft:
            continue
        shown = " ".join(words[ref.start : ref.end].split())
        for number, paragraphs in ref.articles:
            targets, deleted = _resolve(_ref_key(number), main, own)
            if deleted:
                yield _Finding(line, name, f"'{shown}' refers to article {number}, which this draft marks as "
                                           f"deleted{where}: point the reference elsewhere or remove it.")
            elif not targets:
                yield _Finding(line, name, f"'{shown}' refers to article {number}, which this draft does not "
                                           f"have{where}: correct the number or restore the article.")
            elif len(targets) == 1:
                yield from _missing_paragraphs(paragraphs, targets[0], f"article {number}", shown, line, name, where)
    for match in _PARA_REF.finditer(words):
        if any(s <= match.start() < e for s, e in taken):
            continue
        paragraphs = (match.group("first"), *re.findall(r"\d{1,3}[a-z]{0,2}(?![\w)])", match.group("more")))
        shown = " ".join(match.group(0).split())
        this_article = _THIS_ARTICLE.match(words, match.end())
        if this_article:
            shown = " ".join(words[match.start() : this_article.end()].split())
            if article is not None:
                yield from _missing_paragraphs(paragraphs, article, "this article", shown, line, name, where)
            continue
        of_article = _OF_ARTICLE.match(words, match.end())
        if of_article:
            at = next((k for k, r in enumerate(refs) if r.start == of_article.end()), None)
            if at is not None and internal[at] and len(refs[at].articles) == 1:
                number = refs[at].articles[0][0]
                targets, _ = _resolve(_ref_key(number), main, own)
                if len(targets) == 1:
                    shown = " ".join(words[match.start() : refs[at].end].split())
                    yield from _missing_paragraphs(paragraphs, targets[0], f"article {number}", shown, line, name,
                                                   where)
            continue
        if article is not None and not _ELSEWHERE.match(words, match.end()):
            yield from _missing_paragraphs(paragraphs, article, "this article", shown, line, name, where)


def _missing_paragraphs(
    paragraphs: tuple[str, ...], target: Node, called: str, shown: str, line: int, name: str, where: str
) -> Iterator[_Finding]:
    if not paragraphs:
        return
    present = _paragraph_numbers(target)
    if present is None:
        return
    for paragraph in paragraphs:
        if paragraph.casefold() not in present:
            numbers = ", ".join(sorted(present, key=_natural))
            yield _Finding(
                line,
                name,
                f"'{shown}' refers to paragraph {paragraph} of {called}, which has no paragraph {paragraph} (its "
                f"paragraphs: {numbers}){where}: correct the paragraph number.",
            )
            return


def _natural(label: str) -> tuple[int, str]:
    digits = re.match(r"\d+", label)
    return (int(digits.group(0)) if digits else 10**6, label)


# --- TD104 unbalanced-brackets ---------------------------------------------------------------------------------

_NOT_BRACKETS = re.compile(r"\[\^[^\[\]\s]*\]|\[\s*(?:\.\.\.|\u2026)\s*\]")  # no "[" in a marker: linear


def _bracket_segments(node: Node) -> Iterator[tuple[int, str]]:
    """(line, words) of an article: its title, then every paragraph, point and item below it, in order."""
    for unit in node.walk():
        for _, words in _text_units(unit):
            yield unit.line, words


def _unbalanced(segments: list[tuple[int, str]], name: str, what: str, where: str) -> Iterator[_Finding]:
    opened: list[int] = []
    for line, words in segments:
        for char in _NOT_BRACKETS.sub("", words):
            if char == "[":
                opened.append(line)
            elif char == "]":
                if opened:
                    opened.pop()
                else:
                    yield _Finding(line, name, f"A ']' at line {line} in {what}{where} closes no '[': remove it or "
                                               "add the opening bracket where the negotiated text starts.")
    for line in dict.fromkeys(opened):
        yield _Finding(line, name, f"A '[' opened at line {line} in {what}{where} is never closed: add the closing "
                                   "bracket where the negotiated text ends, or remove it.")


def _check_brackets(texts: list[_Text]) -> list[_Finding]:
    findings: list[_Finding] = []

    def visit(nodes: tuple[Node, ...], annex: Node | None, where: str) -> None:
        for node in nodes:
            if node.kind is Kind.ARTICLE:
                name = _article_name(node, annex)
                what = _called(_Article(node, annex, None))
                findings.extend(_unbalanced(list(_bracket_segments(node)), name, what, where))
                continue
            here = node if node.kind is Kind.ANNEX else annex
            name = _annex_name(here) if here is not None else ""
            for _, words in _text_units(node):
                what = f"this {node.kind.value}" + (f" of {name}" if name else "")
                findings.extend(_unbalanced([(node.line, words)], name, what, where))
            visit(node.children, here, where)

    for text in texts:
        visit(text.nodes, None, text.where())
    return findings


# --- TD105 empty-article ---------------------------------------------------------------------------------------


# a "title" that is a sentence is the article's text read as its title (a one-sentence article whose sentence
# lacks its full stop): the article is not empty
_MODAL = re.compile(r"\b(?:shall|may|must|should)\b", re.IGNORECASE)


def _sentence(title: str) -> bool:
    """A modal verb, or more than 15 words (counted, not searched: ``(?:\\S+\\s+){15}\\S`` tried every start
    inside a long word)."""
    return bool(_MODAL.search(title)) or len(title.split(maxsplit=15)) > 15


def _called(article: _Article) -> str:
    """How a message names an article: "article 5", "Annex G, article 2"."""
    return article.name if article.annex is not None else f"article {article.name}"


def _check_empty(texts: list[_Text]) -> list[_Finding]:
    findings: list[_Finding] = []
    for text in texts:
        for article in text.articles():
            node = article.node
            if _placeholder(node) or node.text or node.children or _sentence(node.title):
                continue
            what = _called(article)
            findings.append(
                _Finding(
                    node.line,
                    article.name,
                    f"{what[0].upper()}{what[1:]}{text.where()} has a heading but no text: write its text or mark "
                    f"it as a deleted placeholder ('Article {node.label} [deleted]').",
                )
            )
    return findings


# --- TD106 paragraph-order -------------------------------------------------------------------------------------

_LABEL = re.compile(r"(?P<open>\(?)(?P<v>\d{1,3}[a-z]{0,2}|[a-z]{1,3}|[A-Z])(?P<close>[.)]?)")  # 12, 12a, 12aa
_ROMAN_LOWER = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})")


def _family(label: str) -> tuple[str, str] | None:
    """The list a label belongs to (its punctuation and whether it is a number or a letter) and its value."""
    match = _LABEL.fullmatch(label)
    if not match:
        return None
    value = match.group("v")
    kind = "digit" if value[0].isdigit() else ("upper" if value.isupper() else "letter")
    return f"{match.group('open')}{kind}{match.group('close')}", value


def _order_keys(values: list[str], kind: str) -> list[tuple[int, str]]:
    if kind == "digit":
        out = []
        for value in values:
            match = re.fullmatch(r"(\d+)([a-z]{0,2})", value)  # 1 < 1a < 1aa < 1ab < 1b
            out.append((int(match.group(1)), match.group(2)) if match else (0, ""))
        return out
    if kind == "upper":
        return [(ord(v) - ord("A") + 1, "") for v in values]
    if kind == "roman" or all(_ROMAN_LOWER.fullmatch(v) for v in values):  # (i), (ii); "(i)" after "(h)": letters
        return [(roman_value(v), "") for v in values]
    keys: list[tuple[int, str]] = []
    for value in values:
        index = ord(value[0]) - ord("a") + 1
        doubled = len(value) > 1 and len(set(value)) == 1
        if doubled and keys and keys[-1][0] >= 26 and not keys[-1][1]:
            keys.append((26 * (len(value) - 1) + index, ""))  # (z), (aa), (bb)
        else:
            keys.append((index, value[1:]))  # (b), (ba): a point inserted after (b)
    return keys


def _keys(children: tuple[Node, ...]) -> dict[int, tuple[str, tuple[int, str]]]:
    """For each labelled child (by position): its list family and its order key. A label with no words and
    nothing below it (a deleted point left as "b.") is left out: it belongs to no list."""
    families: dict[str, list[tuple[int, str]]] = {}
    for position, child in enumerate(children):
        family = _family(child.label) if child.label and (child.text or child.children) else None
        if family is not None:
            families.setdefault(family[0], []).append((position, family[1]))
    keys: dict[int, tuple[str, tuple[int, str]]] = {}
    for name, members in families.items():
        kind = name.strip("().")
        parts: dict[str, list[tuple[int, str]]] = {}
        if kind == "letter" and not all(_ROMAN_LOWER.fullmatch(v) for _, v in members):
            for k, (position, value) in enumerate(members):
                roman = bool(_ROMAN_LOWER.fullmatch(value)) and (
                    len(value) > 1
                    or (k > 0 and parts.get(name + "roman", [(-1, "")])[-1][0] == members[k - 1][0])
                    or (value == "i" and k + 1 < len(members) and members[k + 1][1] == "ii")
                )
                parts.setdefault(name + ("roman" if roman else ""), []).append((position, value))
        else:
            parts[name] = members
        for part, values in parts.items():
            part_kind = "roman" if part.endswith("roman") else kind
            for (position, _), key in zip(values, _order_keys([v for _, v in values], part_kind), strict=True):
                keys[position] = (part, key)
    return keys


def _disorder(children: tuple[Node, ...]) -> Iterator[tuple[Node, Node, bool]]:
    """(child, the sibling it should follow, whether it repeats that sibling's number) for each child numbered
    out of order. A list may hold a deeper list the text lost the indentation of ((iii) followed by a), b)
    that belong to it, then c) of the outer list): numbering that starts again at its first value after a
    sibling with units below it (or after other text) opens a new list, and a number that continues a list
    left open before is back in that list."""
    keys = _keys(children)
    open_lists: dict[str, list[list[tuple[Node, tuple[int, str]]]]] = {}
    for position, child in enumerate(children):
        if position not in keys:
            continue
        name, key = keys[position]
        lists = open_lists.setdefault(name, [])
        if not lists:
            lists.append([(child, key)])
            continue
        if key > lists[-1][-1][1]:
            earlier = next((node for node, k in lists[-1] if k == key), None)
            if earlier is not None:  # 1, 3, 2, 3: the second 3 is in order after 2, but a repeat
                yield child, earlier, True
            lists[-1].append((child, key))
            continue
        outer = next((k for k in range(len(lists) - 2, -1, -1) if key > lists[k][-1][1]), None)
        if outer is not None:
            del lists[outer + 1 :]
            lists[outer].append((child, key))
            continue
        previous = children[position - 1] if position else None
        first = key in ((1, ""), (0, ""))
        apart = previous is None or keys.get(position - 1, ("", (0, "")))[0] != name or bool(previous.children)
        if first and apart:
            lists.append([(child, key)])
            continue
        last, last_key = lists[-1][-1]
        yield child, last, key == last_key
        lists[-1].append((child, key))


def _more(count: int) -> str:
    return f" (and {count} more number{'s' if count > 1 else ''} out of order in this list)" if count else ""


def _check_order(texts: list[_Text]) -> list[_Finding]:
    findings: list[_Finding] = []
    for text in texts:
        for article in text.articles():
            for parent in article.node.walk():
                disorder = list(_disorder(parent.children))
                for node, previous, repeated in disorder[:1]:
                    if parent is article.node:
                        inside = _called(article)
                    elif parent.label:
                        inside = f"{parent.kind.value} {parent.label} of {_called(article)}"
                    else:
                        inside = f"the unnumbered {parent.kind.value} at line {parent.line} of {_called(article)}"
                    problem = "repeats" if repeated else "comes after"
                    findings.append(
                        _Finding(
                            node.line,
                            article.name,
                            f"In {inside}{text.where()}, {node.kind.value} {node.label} {problem} "
                            f"{previous.label} (line {previous.line}){_more(len(disorder) - 1)}: "
                            "renumber the list in order.",
                        )
                    )
    return findings


# --- public API ------------------------------------------------------------------------------------------------


# --- TD107 look-alike-text -------------------------------------------------------------------------------------


def _check_lookalikes(texts: list[_Text]) -> list[_Finding]:
    findings: list[_Finding] = []
    for text in texts:
        for node, article, annex in _walk_with_article(text.nodes, None, None):
            name = _article_name(article, annex) if article is not None else ""
            for words in (node.label, node.title, node.text):
                for suspect in suspects(words):
                    findings.append(_Finding(
                        node.line, name,
                        f"'{suspect.word}'{text.where()} is not the '{suspect.skeleton}' it looks like "
                        f"({suspect.detail}): a search for '{suspect.skeleton}' misses it — retype the word",
                    ))
            findings.extend(
                _Finding(node.line, name, f"{said}{text.where()}, in '{_excerpt(node.text or node.heading())}' "
                                          "(treatydiff reads the plain word; other tools may not) — fix the source")
                for said in node.lookalikes
            )
    return findings


def _excerpt(text: str, most: int = 50) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _skipped(ignore: frozenset[str]) -> set[str]:
    by_word = {code.casefold(): code for code in CHECKS} | {name.casefold(): code for code, name in CHECKS.items()}
    unknown = [word for word in ignore if word.casefold() not in by_word]
    if unknown:
        known = ", ".join(f"{code} ({name})" for code, name in CHECKS.items())
        raise ValueError(f"unknown lint check {sorted(unknown)[0]!r}; choose from: {known}")
    return {by_word[word.casefold()] for word in ignore}


def lint(draft: Draft, *, ignore: frozenset[str] = frozenset()) -> Verdicts:
    """Structural checks of one draft. ``ignore`` holds codes ("TD103") or names ("dangling-reference") of
    checks to skip. Every check that runs is listed in ``rules`` as "CODE name"; it gives one FAILED verdict per
    finding, in document order, or one PASSED verdict when it finds nothing."""
    skipped = _skipped(ignore)
    texts = _texts(draft)
    duplicates, gaps = _check_numbering(texts) if {"TD101", "TD102"} - skipped else ([], [])
    runners = {
        "TD101": lambda: duplicates,
        "TD102": lambda: gaps,
        # (English heads only, as before the languages had theirs: a reference to a repealed article in the
        # sentence that repeals it, "wegen der Aufhebung der Artikel 74a, 75", is no defect, and lint cannot
        # tell that sentence yet)
        "TD103": lambda: _check_references(texts, "en"),
        "TD104": lambda: _check_brackets(texts),
        "TD105": lambda: _check_empty(texts),
        "TD106": lambda: _check_order(texts),
        "TD107": lambda: _check_lookalikes(texts),
    }
    # the word an article is numbered under where it is no "Article" ("§ 5", "Sec. 2"), so a finding names it as
    # the draft does: by the label a finding gives, where only one word numbers that label
    numbered: dict[str, set[str]] = {}
    for provision in draft.articles():
        if provision.node.kind is Kind.ARTICLE and not provision.annex:
            numbered.setdefault(provision.node.label, set()).add(provision.node.designation)
    words = {label: next(iter(found)) for label, found in numbered.items() if len(found) == 1}
    rules: list[str] = []
    verdicts: list[Verdict] = []
    for code, name in CHECKS.items():
        if code in skipped:
            continue
        rule = f"{code} {name}"
        rules.append(rule)
        findings = sorted(runners[code](), key=lambda f: f.line)
        if not findings:
            verdicts.append(Verdict(rule, Status.PASSED, file=draft.source))
        verdicts.extend(Verdict(rule, Status.FAILED, f.article, draft.source, f.line or None, f.message,
                                words.get(f.article, ""))
                        for f in dict.fromkeys(findings))  # fmt: skip
    return Verdicts("lint", tuple(rules), tuple(verdicts))
