"""Stage 1, load: the shared structure parser — logical Units -> the article tree.

How it reads a treaty:
- Every unit is first classified on its own (article heading, placeholder, division, annex, preamble, unknown
  heading, footnote, body text with an optional numbering marker). Plain-text lines count as headings only at
  the start of a block and when what follows the number looks like a title, so a wrapped line that happens to
  begin with "Article 5 of ..." stays body text.
- Divisions nest by the order in which their words first appear, not by a fixed ranking: the Budapest
  Convention puts TITLE inside SECTION inside CHAPTER, the EU puts SECTION inside CHAPTER inside TITLE.
  Headings that name no known division ("Final clauses", "I. - Die Grundrechte") nest by Markdown level below
  every named division.
- Numbering inside an article nests the same way: the first style met ("1." or "(1)") is the paragraph level,
  a new style below it the point level, the next the item level. ``(i)`` after ``(h)`` is a point, after
  nothing it opens items.
- A file that holds the instrument twice (English, then Dutch) is split where article numbering restarts with a
  different article word (or restarts outside an annex); each text becomes a ``text`` node.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum

from treatydiff.confusables import skeleton
from treatydiff.load import contents, patterns
from treatydiff.load.lines import Unit
from treatydiff.model import FINAL_FORMULA, Diagnostic, Kind, Mark, Node, label_value


class T(Enum):
    """What a unit is, judged on its own."""

    ARTICLE = "article"
    PLACEHOLDER = "placeholder"
    DIVISION = "division"
    ANNEX = "annex"
    ANNEX_GROUP = "annex_group"  # "Annexes I to III": a heading over the annexes after it
    PREAMBLE = "preamble"
    HEADING = "heading"  # a Markdown heading that names nothing we know
    FOOTNOTE = "footnote"
    TEXT = "text"
    CONTENTS = "contents"  # the start of the draft's table of contents (its heading, if it has one)
    CONTENTS_ENTRY = "contents_entry"  # one entry of it, leader and page number cut off


@dataclass(frozen=True, slots=True)
class Token:
    type: T
    unit: Unit
    kind: Kind = Kind.BLOCK
    word: str = ""
    label: str = ""
    title: str = ""
    text: str = ""
    marker: patterns.Marker | None = None

    @property
    def headingish(self) -> bool:
        return self.type in (T.HEADING, T.DIVISION, T.PREAMBLE)


def _title(rest: str) -> str:
    # "TITLE I--VESSEL SAFETY" (GPO's dash); the fullwidth colon and the enumeration comma of Chinese
    return re.sub(r"^\s*(?:--|[-:.,\uff1a\u3001])\s*", "", rest).strip()


def _title_like(text: str) -> bool:
    text = text.strip()
    if not text:
        return True
    return (
        any(ch.isalnum() for ch in text)
        and len(text) < 150
        and (text[0].isupper() or text[0] in "[(\"'" or (text[0].isdigit() is False and not text[0].islower()))
        and text[-1] not in ";,"
        and not patterns.marker(text)
    )


def classify(unit: Unit) -> Token:
    text = unit.text
    # headings are recognised in the line's skeleton ("Article 5" with a Cyrillic "A" (U+0410) is an article
    # heading, "Article 5" in fullwidth digits is Article 5); the skeleton has the text's length, so the title
    # is cut from the text as written
    seen = skeleton(text)
    strong = bool(unit.heading) or unit.emphasis  # the format itself says this line is a heading
    footnote = patterns.FOOTNOTE_DEF.match(text)
    if footnote:
        return Token(T.FOOTNOTE, unit, label=footnote.group(1), text=footnote.group(2))
    match = patterns.ARTICLE.match(seen)
    if match:
        rest = text[match.start("rest"):]
        sep = not rest or not rest[0].isalnum()  # "Article 5a" must not read as "Article 5" + "a..."
        word = match.group("word")
        label = patterns.number(match.group("number"))
        if sep and patterns.PLACEHOLDER.match(rest):
            return Token(
                T.PLACEHOLDER,
                unit,
                Kind.ARTICLE,
                patterns.PLURAL_ARTICLE_WORDS.get(word, word),  # "§§ 116 bis 119" deletes sections ("§")
                label,
                text=rest.strip(),
            )
        # several numbers ("§§ 180b und 181", "Articles 2, 3 and 4") head nothing but a placeholder
        single = word not in patterns.PLURAL_ARTICLE_WORDS and "," not in match.group("number")
        if single and sep and (strong or unit.block_start):
            if deleted := patterns.deletion_only(rest):  # "Статья 101. Исключена.", "المادة (3) ملغاة"
                return Token(T.PLACEHOLDER, unit, Kind.ARTICLE, word, label, text=deleted)
            if body := _run_on(word, rest, strong):
                return Token(T.ARTICLE, unit, Kind.ARTICLE, word, label, text=body)
        title = _title(rest)
        if word in patterns.STOPPED_TITLE_WORDS and title.endswith(".") and not title.endswith(".."):
            title = title[:-1].rstrip()  # "SEC. 2. SHORT TITLE.": the full stop closes the heading, as printed
            stopped = True
        else:
            stopped = not title.endswith(".")
        # "مادة 5 من الدستور ...": words after the number, no title (unless set as a heading: "*第一条 宗旨*")
        untitled = word in patterns.UNTITLED_WORDS and not (strong and _UNTITLED_HEADING.fullmatch(title))
        if single and sep and not (untitled and title) and (
            strong or (unit.block_start and _title_like(title) and stopped)
        ):
            return Token(T.ARTICLE, unit, Kind.ARTICLE, word, label, title)
    if (strong or unit.block_start) and len(text) < 200 and patterns.ANNEX_GROUP.match(seen):
        return Token(T.ANNEX_GROUP, unit, Kind.DIVISION, title=text)
    match = patterns.DIVISION.match(seen)
    if match:
        word, number, rest = match.group("word"), match.group("number") or "", _title(text[match.start("rest"):])
        if word.isupper() and patterns.letters_number(number) and rest:
            # "ANNEX OF THE DECISION": in a line of capitals, "OF" is a word of the title, not a label ("Anhang
            # EV" keeps its label: there the capitals stand out)
            number, rest = "", _title(text[match.start("number"):])
        kind = patterns.division_kind(word)
        # a word of a script without capitals names its division when a colon follows it ("附件" and a colon)
        caseless = word.upper() == word.lower() and bool(re.match(r"\s*[:\uff1a]", text[match.start("rest"):]))
        named = bool(number) or word.isupper() or caseless or (kind is Kind.ANNEX and not rest)
        if kind is Kind.ANNEX and patterns.PLACEHOLDER.match(rest):
            return Token(T.ANNEX, unit, kind, word.lower(), number, text=rest)
        if named and (strong or unit.block_start) and _title_like(rest) and len(text) < 200:
            return Token(
                T.ANNEX if kind is Kind.ANNEX else T.DIVISION, unit, kind, word.lower(), patterns.number(number), rest
            )
    match = patterns.PREAMBLE.match(seen)
    if match and (strong or unit.block_start):
        return Token(T.PREAMBLE, unit, Kind.PREAMBLE, text=text[match.start("rest"):])
    if unit.heading:
        return Token(T.HEADING, unit, text=text)
    return Token(T.TEXT, unit, text=text, marker=patterns.marker(text))


#: A title on a heading line of a language without titles: at most ten words and 80 characters, no stop, comma,
#: colon or semicolon of any script ("、" lists the words of a Chinese title: "公众参与、教育和认识")
_UNTITLED_HEADING = re.compile(r"(?=.{1,80}$)[^\s.,;:!?\u3002\uff0c\uff1a\uff1b\u060c\u061b]+"
                               r"(?:\s+[^\s.,;:!?\u3002\uff0c\uff1a\uff1b\u060c\u061b]+){0,9}")


def _run_on(word: str, rest: str, strong: bool = False) -> str:
    """The article's first words, where its heading line runs on into them ("Статья 1. Республика Беларусь
    ... государство.", "ARTÍCULO 1°.- Modifícase ...", "第一条 ..."; where it may: ``patterns.run_on``); "" where
    what follows the number is a title or nothing. A title is a line with no full stop ("Статья 5. Гражданское
    законодательство"), or one short sentence after a word whose titles end with one ("Artículo 1. Objeto.");
    after ".-" or ":" the text always runs on, after a dash alone a title follows ("Artículo 5 \u2013 Ámbito").
    In a language whose articles have no titles, the words run on, unless the format sets the line as a heading
    (``strong``) and they are a few words without a stop or a comma ("*第一条 宗旨*", "*المادة 1 بيان الغرض*")."""
    found = patterns.run_on(word, rest)
    if found is None:
        return ""
    sep, body = found
    if word in patterns.UNTITLED_WORDS and strong and _UNTITLED_HEADING.fullmatch(body):
        return ""
    if word in patterns.UNTITLED_WORDS or ":" in sep or re.search("\\.[-\u2013\u2014]", sep):
        return body  # ".-" and ":" open the text; a dash alone opens a title ("Artículo 5 \u2013 Ámbito")
    if word in patterns.STOPPED_TITLE_WORDS:
        # one sentence, after a note on the article ("Artículo cuarto (nuevo). Modificación de la Ley 20/1990.")
        sentence = re.sub(r"^\([^)]{1,20}\)\.?\s*", "", body)
        return "" if _title_like(body) and ". " not in sentence else body
    return "" if _title_like(body) and body[-1] not in ".:;!?" else body


def _sections_by_paragraph_sign(tokens: list[Token]) -> list[Token]:
    """ "§ 1" numbers the articles of a German law, but groups articles where a text also has "Artikel"
    headings (the Dutch Grondwet): there it is a section."""
    words = {t.word for t in tokens if t.type in (T.ARTICLE, T.PLACEHOLDER)}
    if "§" not in words or len(words) == 1:
        return tokens
    return [
        Token(T.DIVISION, t.unit, Kind.SECTION, "§", t.label, t.title)
        if t.type is T.ARTICLE and t.word == "§"
        else t
        for t in tokens
    ]


def _first_us_section(tokens: list[Token]) -> list[Token]:
    """A US bill opens with "SECTION 1. SHORT TITLE." and goes on with "SEC. 2.": where "SEC." headings number
    the articles, a "SECTION 1." before the first of them is that bill's first section, not a division."""
    first = next(
        (i for i, t in enumerate(tokens) if t.type is T.ARTICLE and t.word in patterns.DESIGNATIONS), None
    )
    if first is None:
        return tokens
    for i, token in enumerate(tokens[:first]):
        if token.type is T.DIVISION and token.kind is Kind.SECTION and token.word == "section" and token.label:
            title = token.title[:-1].rstrip() if token.title.endswith(".") else token.title
            tokens = [*tokens[:i], Token(T.ARTICLE, token.unit, Kind.ARTICLE, "SEC.", token.label, title),
                      *tokens[i + 1:]]
    return tokens


def _cover_annexes(tokens: list[Token]) -> list[Token]:
    """An "ANNEX" before the first article of a text that has articles labels the whole instrument, not an
    annex to it: a Council or UN cover note ends "Delegations will find in Annex the text ..." and "ANNEX",
    then the regulation follows. Read as an annex, it would swallow every article. It is kept as a line of
    the preamble instead. So is a heading over annexes ("ANNEXES to the Proposal for a Regulation") with no
    article before it: it is the title of the whole document (of a file of annexes only, as well)."""
    first_article = next((i for i, t in enumerate(tokens) if t.type in (T.ARTICLE, T.PLACEHOLDER)), None)
    if first_article is None and not any(t.type is T.ANNEX_GROUP for t in tokens):
        return tokens
    end = len(tokens) if first_article is None else first_article
    return [
        Token(T.TEXT, t.unit, text=t.unit.text)
        if i < end and (t.type is T.ANNEX_GROUP or (t.type is T.ANNEX and first_article is not None))
        else t
        for i, t in enumerate(tokens)
    ]


# --- the draft's own table of contents -----------------------------------------------------------------------

_STRUCTURAL = (T.ARTICLE, T.DIVISION, T.ANNEX)
_ENTRY_TYPES = frozenset({*_STRUCTURAL, T.PLACEHOLDER, T.ANNEX_GROUP, T.HEADING, T.PREAMBLE})


def _entry_key(token: Token) -> tuple[str, str] | None:
    """What an entry of a table of contents shares with the heading it lists: ``("article", "5")`` for
    "Article 5 …" in both; a heading that names no number by its words. None for a title line or body text."""
    if token.type in (T.ARTICLE, T.PLACEHOLDER):
        return ("article", label_value(token.label))
    if token.type in (T.DIVISION, T.ANNEX) and token.label:
        return (token.kind.value, label_value(token.label))
    if token.type in _ENTRY_TYPES:
        return ("heading", contents.entry(token.unit.text).casefold())
    text = token.unit.text
    if token.type is T.TEXT and not token.marker and (contents.has_leader(text) or len(text) < 100):
        # "Article 1 Use of terms 3" inside a block of entries, "Preamble ...... 1", "PREAMBLE" at the top of a
        # page: a heading by its words, though not at a block start or with a leader
        again = classify(replace(token.unit, text=contents.entry(text), block_start=True))
        return _entry_key(again) if again.type is not T.TEXT else None
    return None


def _entry_like(token: Token) -> bool:
    """A line a table of contents is made of: a heading, a title line, a line with a leader, a page number."""
    text = token.unit.text
    if contents.has_leader(text) or contents.is_page_furniture(text):
        return True
    if token.type in _ENTRY_TYPES:
        return len(text) < 200
    return token.type is T.TEXT and not token.marker and len(text) < 150 and _title_like(text) \
        and text[-1] not in ".:"


class _Contents:
    """Finds the tables of contents among a draft's tokens. A contents is a run of entry-like lines that ends
    where the body starts: at body text, or where its first entry comes again (the same article, division or
    heading). It is recognised by its heading ("Table of contents", "Sommaire", "Содержание", "目录", …), by
    dotted leaders before page numbers, or as a run of three or more headings with nothing under them whose
    first three come again, in the same order, later in the draft (the body they list)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.keys = [_entry_key(t) for t in tokens]
        self.positions: dict[tuple[str, str], list[int]] = {}
        for i, key in enumerate(self.keys):
            if key is not None:
                self.positions.setdefault(key, []).append(i)
        self.structural = [i for i, t in enumerate(tokens) if t.type in _STRUCTURAL]

    def _again(self, key: tuple[str, str] | None, after: int) -> int | None:
        """Where ``key`` comes next after index ``after``; None when it does not."""
        at = self.positions.get(key) if key is not None else None
        if not at:
            return None
        k = bisect_right(at, after)
        return at[k] if k < len(at) else None

    def region(self, start: int) -> tuple[int, int, int]:
        """The run of entries from ``start``: (its end, the end of the run of entry-like lines it was cut from,
        the number of entries with a leader in it)."""
        tokens, first, end, leaders = self.tokens, None, start, 0
        while end < len(tokens) and _entry_like(tokens[end]):
            key, leader = self.keys[end], contents.has_leader(tokens[end].unit.text)
            if key is not None:
                if first is None:
                    first = key
                elif key == first and not leader:
                    break  # the body starts: the first entry again, as a heading
            leaders += leader
            end += 1
        # the body's own headings before its first listed one ("Chapter I" over "Article 1", "PREAMBLE") belong
        # to the body: a heading without a leader that does not come again later is no entry
        j = k = end
        while k > start:
            k -= 1
            text = tokens[k].unit.text
            if contents.has_leader(text):
                break
            if self.keys[k] is None:
                continue
            if self._again(self.keys[k], end - 1) is not None:
                break
            j = k
        return j, end, leaders

    def _listed_again(self, start: int, end: int) -> int | None:
        """Where a run of bare headings starts to list the body: three headings of one kind in it (articles,
        chapters) whose numbers come again after the run, in the same order, among the headings of that kind.
        A chain of nested headings ("Chapter II", "Section 1", "Title 1", "Article 2") lists nothing. Returns the
        first entry of the run that comes again (the body's own headings before it stay the body's); None."""
        by_kind: dict[Kind, list[int]] = {}
        for i in range(start, end):
            if self.tokens[i].type in _STRUCTURAL:
                by_kind.setdefault(self.tokens[i].kind, []).append(i)
        for kind, listed in by_kind.items():
            # the first entries may list the heading the contents stands in ("SECTION 1. SHORT TITLE; TABLE OF
            # CONTENTS." lists "Sec. 1." first): the three compared are the first that come again after the run
            listed = [i for i in listed if self._again(self.keys[i], end - 1) is not None]
            if len(listed) < 3:
                continue
            ours = [self.keys[i] for i in listed[:3]]
            again = self._again(ours[0], end - 1)
            assert again is not None  # (kept: it comes again)
            later = [self.keys[i] for i in self.structural[bisect_right(self.structural, again - 1):]
                     if self.tokens[i].kind is kind][:3]  # fmt: skip
            if later == ours:
                return next(i for i in range(start, end) if self._listed(i, start, end))
        return None

    def _listed(self, i: int, start: int, end: int) -> bool:
        """Entry ``i`` of the run from ``start`` to ``end`` names a heading of the body: one after the run, or
        the one the run stands in."""
        key = self.keys[i]
        at = self.positions.get(key, []) if key is not None else []
        return bool(at) and (at[-1] >= end or at[0] < start)

    def find(self) -> list[tuple[int, int, int]]:
        """(heading or -1, first entry, end) of each table of contents, in order."""
        found: list[tuple[int, int, int]] = []
        tokens, i = self.tokens, 0
        while i < len(tokens):
            token = tokens[i]
            before = tokens[i - 1] if i else None
            awaited = before is not None and before.type in (*_STRUCTURAL, T.PLACEHOLDER) and not before.title
            if contents.is_heading(token.unit.text) and not awaited and not token.marker:
                end, _, _ = self.region(i + 1)
                entries = sum(
                    1
                    for k in range(i + 1, end)
                    if self.keys[k] or contents.has_leader(tokens[k].unit.text)
                    or contents.ends_with_page(tokens[k].unit.text)
                )
                if entries >= 2:
                    found.append((i, i + 1, end))
                    i = end
                    continue
            if _entry_like(token) and (contents.has_leader(token.unit.text) or token.type in _STRUCTURAL):
                end, run, leaders = self.region(i)
                if leaders >= 3:
                    found.append((-1, i, end))
                    i = end
                    continue
                first = self._listed_again(i, end) if not leaders else None
                if first is not None:
                    found.append((-1, first, end))
                    i = end
                    continue
                i = max(run, i + 1)  # no list starts inside a run that holds none
                continue
            i += 1
        return found


def _contents(tokens: list[Token]) -> tuple[list[Token], list[Diagnostic]]:
    """The draft's tables of contents as one contents token each (its heading) and its entries: never
    articles, divisions or annexes, so they can neither double the structure nor split a text in two."""
    found = _Contents(tokens).find()
    if not found:
        return tokens, []
    out: list[Token] = []
    notes: list[Diagnostic] = []
    done = 0
    for heading, start, end in found:
        out.extend(tokens[done : heading if heading >= 0 else start])
        head = tokens[heading] if heading >= 0 else tokens[start]
        out.append(Token(T.CONTENTS, head.unit, Kind.CONTENTS, title=head.unit.text if heading >= 0 else ""))
        listed = [t for t in tokens[start:end] if not contents.is_page_furniture(t.unit.text)]
        pages = sum(contents.ends_with_page(t.unit.text) for t in listed) * 2 > len(listed)
        out.extend(Token(T.CONTENTS_ENTRY, t.unit, text=contents.entry(t.unit.text, pages)) for t in listed)
        last = tokens[end - 1].unit.line
        notes.append(
            Diagnostic(
                f"lines {head.unit.line}-{last} read as the draft's table of contents ({len(listed)} entries), "
                "not as its structure",
                head.unit.line,
            )
        )
        done = end
    out.extend(tokens[done:])
    return out, notes


# --- splitting a file that holds the same instrument twice -------------------------------------------------


def split_texts(tokens: list[Token]) -> list[int]:
    """Indices where a new text of the instrument starts (always including 0)."""
    starts = [0]
    first_number = ""
    word = ""
    seen = 0
    in_annex = False
    for index, token in enumerate(tokens):
        if token.type in (T.ANNEX, T.ANNEX_GROUP):
            in_annex = True
        if token.type not in (T.ARTICLE, T.PLACEHOLDER):
            continue
        this_word = token.word.lower().rstrip(".")
        if seen == 0:
            first_number, word, seen = token.label, this_word, 1
            continue
        if token.label == first_number and seen >= 2 and (this_word != word or not in_annex):
            start = _walk_back(tokens, index, starts[-1])
            starts.append(start)
            first_number, word, seen, in_annex = token.label, this_word, 1, False
            continue
        seen += 1
    return starts


def _walk_back(tokens: list[Token], index: int, floor: int) -> int:
    """From the restarting article, back over the new text's own title headings and preamble."""
    j = index
    while j - 1 > floor and index - j < 12:
        prev = tokens[j - 1]
        if prev.headingish or (prev.type is T.TEXT and not prev.marker and tokens[j - 2].headingish):
            j -= 1
        else:
            break
    return j


# --- the tree builder ---------------------------------------------------------------------------------------


@dataclass
class _B:
    """A node under construction (mutable until the tree is frozen)."""

    kind: Kind
    label: str = ""
    title: str = ""
    text: str = ""
    line: int = 0
    marks: set[Mark] = field(default_factory=set)
    children: list[_B] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)  # footnote references in the text
    source_ref: str = ""  # the reader's identifier of the element (``Unit.ref``) -> ``Node.ref``
    rank: int = 0
    style: str = ""
    value: str = ""
    designation: str = ""  # -> ``Node.designation`` ("Sec." for a bill's "SEC. 2.")

    def add(self, child: _B) -> _B:
        self.children.append(child)
        return child


def _set_text(node: _B, text: str) -> None:
    node.refs.extend(patterns.FOOTNOTE_REF.findall(text))
    text = patterns.FOOTNOTE_REF.sub("", text).strip()
    node.text = f"{node.text} {text}".strip() if node.text else text


_ALPHA_NEXT = {chr(c): chr(c + 1) for c in range(ord("a"), ord("z"))}
_UNKNOWN_LABEL = re.compile(
    r"^(?P<label>[IVXLC]+(?: ?[a-z])?|\d+[a-z]?(?:\.\d+[a-z]?)*|[A-Z]\d+(?:\.\d+)?)"
    r"\.?(?:\s*[-:.]\s*|\s+|$)(?P<title>.*)$"
)


def _section_numbered(text: str) -> bool:
    """A heading that opens with a section's number of several levels ("1.5", "2.3.1.") and has a title."""
    match = _UNKNOWN_LABEL.match(text)
    return match is not None and match.group("label")[:1].isdigit() and "." in match.group("label") \
        and bool(match.group("title"))


class _Builder:
    def __init__(self, tokens: list[Token], footnotes: dict[str, str]) -> None:
        self.tokens = tokens
        self.footnotes = footnotes
        self.root = _B(Kind.TEXT)
        self.preamble: _B | None = None
        self.structured = False  # an article, division or annex has been met
        self.annex: _B | None = None
        self.annex_group: _B | None = None  # "Annexes I to III": the division the annexes after it go in
        self.divisions: list[_B] = []  # open divisions, outermost first (inside the annex when one is open)
        self.ranks: dict[str, int] = {}
        self.provision: _B | None = None  # open article (or annex body)
        self.levels: list[_B] = []  # open paragraph/point/item nodes
        self.awaiting_title: _B | None = None
        self.title_by_heading_only = False  # the article awaiting its title is of a language without titles
        self.contents: _B | None = None  # the table of contents being read

    # containers
    def container(self) -> _B:
        if self.divisions:
            return self.divisions[-1]
        return self.annex or self.annex_group or self.root

    def close_provision(self) -> None:
        self.provision, self.levels = None, []

    def build(self) -> list[_B]:
        for index, token in enumerate(self.tokens):
            pending, self.awaiting_title = self.awaiting_title, None
            if pending is not None and self._is_title(token, pending):
                if pending.kind in (Kind.ARTICLE, Kind.ANNEX) and (
                    patterns.PLACEHOLDER.match(token.text) or patterns.DELETED_BODY.match(token.text)
                ):
                    pending.marks.add(Mark.DELETED)  # "### ANNEX I" then "[deleted]" on its own line
                    pending.text = token.text.strip(" -:")
                    continue
                pending.title = token.text
                _mark(pending, pending.title)
                continue
            getattr(self, f"on_{token.type.value}")(token, index)
        for node in _walk(self.root):
            _placeholder_by_body(node)
        _annexes_of_the_closing_text(self.root)
        return self.root.children

    def _is_title(self, token: Token, pending: _B) -> bool:
        if pending.title or pending.children or pending.text:
            return False
        if token.type is T.HEADING:
            # "## 1.5 Grounds for refusal" under "## ANNEX I" opens the annex's section 1.5, as "## 1.6 ..." after
            # it does: a title never starts with a section's number of several levels
            return not _section_numbered(token.text)
        if self.title_by_heading_only and pending.kind is Kind.ARTICLE:
            return False
        if token.type is T.TEXT and not token.marker and not patterns.OPTION.match(token.text):
            return _title_like(token.text) and token.text[-1] not in ".:" and len(token.text) < 150
        return False

    def on_contents(self, token: Token, index: int) -> None:
        """The draft's table of contents: a node of its own where it stands, outside every division."""
        self.close_provision()
        parent = self.annex or self.annex_group or self.root if self.structured else self.root
        self.contents = parent.add(
            _B(Kind.CONTENTS, title=token.title, line=token.unit.line, source_ref=token.unit.ref)
        )

    def on_contents_entry(self, token: Token, index: int) -> None:
        if self.contents is not None and token.text:
            self._block(self.contents, token.text, token.unit.line, Kind.BLOCK, token.unit.ref)

    def on_footnote(self, token: Token, index: int) -> None:
        self.footnotes[token.label] = token.text

    def on_article(self, token: Token, index: int) -> None:
        self._end_preamble()
        self.close_provision()
        node = self.container().add(
            _B(Kind.ARTICLE, token.label, token.title, line=token.unit.line, source_ref=token.unit.ref,
               designation=patterns.designation(token.word))
        )
        _mark(node, token.label + " " + token.title)
        self.provision = node
        if token.text:  # the heading line ran on into the article's first words
            self.on_text(Token(T.TEXT, token.unit, text=token.text, marker=patterns.marker(token.text)), index)
        elif not token.title:
            # in a language whose articles have no titles ("مادة 1", "第一条"), the line after the heading is the
            # text; only a heading of the markup ("#### 宗旨" in Markdown, an HTML heading) can be a title
            self.awaiting_title = node
            self.title_by_heading_only = token.word in patterns.UNTITLED_WORDS

    def on_placeholder(self, token: Token, index: int) -> None:
        self._end_preamble()
        self.close_provision()
        node = self.container().add(
            _B(Kind.ARTICLE, token.label, line=token.unit.line, marks={Mark.DELETED}, source_ref=token.unit.ref,
               designation=patterns.designation(token.word))
        )
        node.text = token.text.strip(" -:")
        self.provision = node

    def on_division(self, token: Token, index: int) -> None:
        self._end_preamble()
        self.close_provision()
        key = token.kind.value
        if key not in self.ranks:
            self.ranks[key] = (self.divisions[-1].rank + 1) if self.divisions else 1
        self._open_division(
            _B(
                token.kind,
                token.label,
                token.title,
                line=token.unit.line,
                rank=self.ranks[key],
                source_ref=token.unit.ref,
            )
        )

    def _open_division(self, node: _B) -> None:
        while self.divisions and self.divisions[-1].rank >= node.rank:
            self.divisions.pop()
        self.container().add(node)
        self.divisions.append(node)
        _mark(node, node.title)
        if not node.title:
            self.awaiting_title = node

    def on_annex(self, token: Token, index: int) -> None:
        self._end_preamble()
        self.close_provision()
        self.divisions, self.ranks = [], {}
        node = (self.annex_group or self.root).add(
            _B(Kind.ANNEX, token.label, token.title, line=token.unit.line, source_ref=token.unit.ref)
        )
        if token.text:  # "Annex I [deleted]"
            node.marks.add(Mark.DELETED)
            node.text = token.text.strip(" -:")
        _mark(node, node.title)
        self.annex = self.provision = node
        if not token.title:
            self.awaiting_title = node

    def on_annex_group(self, token: Token, index: int) -> None:
        """A heading over several annexes ("Annexes I to III", "APPENDICES"): a division of its own at the top,
        the annexes after it inside. Its words are its title, never words of the article before it; each annex
        keeps its own heading and number."""
        self._end_preamble()
        self.close_provision()
        self.divisions, self.ranks, self.annex = [], {}, None
        self.annex_group = self.root.add(
            _B(Kind.DIVISION, title=token.title, line=token.unit.line, source_ref=token.unit.ref)
        )
        _mark(self.annex_group, token.title)

    def on_preamble(self, token: Token, index: int) -> None:
        if self.structured:
            self.on_text(Token(T.TEXT, token.unit, text=token.unit.text), index)
            return
        self._preamble().line = self._preamble().line or token.unit.line
        if token.text:
            self._block(self._preamble(), token.text, token.unit.line, Kind.BLOCK)

    def on_heading(self, token: Token, index: int) -> None:
        if self.structured and patterns.FINAL_FORMULA.match(token.text):
            # the closing formula set as a heading (Formex FINAL, Akoma Ntoso conclusions): the closing text, as
            # the same words in running text are
            self.on_text(replace(token, type=T.TEXT), index)
            return
        if not self.structured and not self._leads_to_structure(index):
            self._block(self._preamble(), token.text, token.unit.line, Kind.BLOCK)
            return
        self._end_preamble()
        self.close_provision()
        match = _UNKNOWN_LABEL.match(token.text)
        label, title = (match.group("label"), match.group("title")) if match else ("", token.text)
        if match and not title and not label[:1].isdigit() and len(label) > 4:
            label, title = "", token.text
        self._open_division(
            _B(
                Kind.DIVISION,
                label,
                title,
                line=token.unit.line,
                rank=100 + token.unit.heading,
                source_ref=token.unit.ref,
            )
        )

    def _leads_to_structure(self, index: int) -> bool:
        for token in self.tokens[index + 1 : index + 4]:
            if token.type in (T.ARTICLE, T.PLACEHOLDER, T.DIVISION, T.ANNEX, T.ANNEX_GROUP):
                return True
            if token.type is not T.HEADING:
                return False
        return False

    def on_text(self, token: Token, index: int) -> None:
        in_article = self.provision is not None and self.provision.kind is Kind.ARTICLE and self.annex is None
        formula = in_article and patterns.FINAL_FORMULA.match(token.text)
        if in_article and not formula and (inline := patterns.INLINE_FINAL_FORMULA.search(token.text)):
            # "... in all Member States. Done at Brussels,": the article's last words, then the formula
            self.on_text(replace(token, text=token.text[: inline.start() + 1]), index)
            self.on_text(replace(token, text=inline.group("formula")), index)
            return
        if formula:
            # "IN WITNESS WHEREOF ...", "Done at Brussels, ...": the signature block ends the last article; it
            # (and a financial statement after it) is the instrument's closing text, not that article's words
            self.close_provision()
            self.divisions = []
            self._open_division(_B(Kind.DIVISION, title=FINAL_FORMULA, line=token.unit.line, rank=0))
            self.awaiting_title = None
        if not self.structured:
            self._preamble_text(token)
        elif self.provision is not None:
            self._provision_text(token, self.provision)
        else:
            self._block(self.container(), token.text, token.unit.line, Kind.BLOCK, token.unit.ref)

    # preamble
    def _preamble(self) -> _B:
        if self.preamble is None:
            self.preamble = self.root.add(_B(Kind.PREAMBLE))
        return self.preamble

    def _end_preamble(self) -> None:
        self.structured = True

    def _preamble_text(self, token: Token) -> None:
        preamble = self._preamble()
        preamble.line = preamble.line or token.unit.line
        mark = token.marker
        last = preamble.children[-1] if preamble.children else None
        if mark and (mark.style == "(1)" or _next_recital(mark, preamble)):
            node = preamble.add(_B(Kind.RECITAL, mark.label, line=token.unit.line, source_ref=token.unit.ref))
            _set_text(node, mark.rest)
            _mark(node, node.text)
        elif last is not None and last.kind is Kind.RECITAL and not last.text:
            _set_text(last, token.text)  # "(12)" alone on its line, the words on the next
            _mark(last, last.text)
        else:
            if patterns.CITATION.match(token.text):
                kind = Kind.CITATION
            elif patterns.PREAMBULAR.match(token.text):
                kind = Kind.RECITAL
            else:
                kind = Kind.BLOCK
            self._block(preamble, token.text, token.unit.line, kind, token.unit.ref)

    @staticmethod
    def _block(parent: _B, text: str, line: int, kind: Kind, ref: str = "") -> None:
        node = parent.add(_B(kind, line=line, source_ref=ref))
        _set_text(node, text)
        _mark(node, node.text)

    # numbered paragraphs, points, items
    def _provision_text(self, token: Token, provision: _B) -> None:
        line = token.unit.line
        option = patterns.OPTION.match(token.text)
        mark = token.marker
        if option:
            self.levels = []
            node = provision.add(
                _B(Kind.PARAGRAPH, option.group("label"), line=line, style="option", marks={Mark.OPTION})
            )
            _set_text(node, option.group("rest"))
            _mark(node, node.text)
            self.levels = [node]
            return
        if mark is None and token.unit.bullet:
            mark = patterns.Marker("bullet", "", "", token.text)
        if mark is None:
            top = self.levels[-1] if self.levels else None
            if top is not None and not top.text and not top.children:
                _set_text(top, token.text)  # "(2)" alone on its line, the words on the next
                _mark(top, top.text)
                return
            if top is not None and provision.kind is Kind.ARTICLE and _continues(top, token.text):
                # "(22) 'notified body' means a body designated in accordance with this", a blank line, then
                # "Regulation and other relevant Union harmonisation legislation;": a sentence broken apart by
                # the file, not a paragraph (which would end the list: points (23) to (44) read as paragraphs)
                _set_text(top, token.text)  # (appended to its words)
                _mark(top, top.text)
                return
            parent = self.levels[0] if self.levels and self.levels[0].style == "option" else provision
            self.levels = self.levels[:1] if parent is not provision else []
            node = parent.add(
                _B(
                    Kind.PARAGRAPH,
                    line=line,
                    style="intro" if token.text.endswith((":", "\uff1a")) else "",  # (and the full-width colon)
                    source_ref=token.unit.ref,
                )
            )
            _set_text(node, token.text)
            _mark(node, node.text)
            if node.style == "intro":
                self.levels.append(node)
            return
        style = self._style(mark)
        depth = next((k for k, level in enumerate(self.levels) if level.style == style), None)
        if depth is not None:
            self.levels = self.levels[:depth]
        parent = self.levels[-1] if self.levels else provision
        counted = sum(1 for level in self.levels if level.style not in ("option",))
        kind = (Kind.PARAGRAPH, Kind.POINT, Kind.ITEM)[min(counted, 2)]
        node = parent.add(
            _B(kind, mark.label, line=line, style=style, value=mark.value, source_ref=token.unit.ref)
        )
        _set_text(node, mark.rest)
        _mark(node, node.text)
        self.levels.append(node)

    def _style(self, mark: patterns.Marker) -> str:
        """The numbering family of a marker; decides whether ``(i)`` is the ninth point or the first item."""
        if not mark.could_be_roman:
            return mark.style
        roman = "r" + mark.style
        for level in reversed(self.levels):
            if level.style == mark.style and _ALPHA_NEXT.get(level.value) == mark.value:
                return mark.style
            if level.style == roman and patterns.roman_value(level.value) + 1 == patterns.roman_value(
                mark.value
            ):
                return roman
        return roman if mark.value == "i" else mark.style


def _continues(node: _B, text: str) -> bool:
    """``text`` is the rest of ``node``'s sentence: the node's words stop after a lower-case word (no full stop,
    colon, semicolon or comma, no "and"/"or"; a title such as "Introduction" is no sentence), and ``text`` ends as a
    sentence or a list entry does."""
    words = node.text.split()
    return (not node.children and len(words) >= 4 and words[-1][-1:].islower()
            and not _joins_entries(words) and text.rstrip()[-1:] in (".", ";", ":"))


def _joins_entries(words: list[str]) -> bool:
    """The words end as a list entry ends before the next: "…; and", "…, oder", the Dutch "…; of" (an English "of"
    at the end of a line is a sentence broken off)."""
    last = words[-1].lower()
    return last in patterns.LIST_JOINERS and (last != "of" or words[-2][-1:] in (",", ";"))


def _next_recital(mark: patterns.Marker, preamble: _B) -> bool:
    """ "38) Actions by …" after recital (37): the next recital, its opening bracket dropped by a typo."""
    recitals = [c for c in preamble.children if c.kind is Kind.RECITAL and c.label]
    if mark.style != "1)" or not recitals:
        return False
    last = label_value(recitals[-1].label)
    return last.isdigit() and label_value(mark.label) == str(int(last) + 1)


def _annexes_of_the_closing_text(root: _B) -> None:
    """ "ANNEX" then "to the LEGISLATIVE FINANCIAL STATEMENT" after the closing formula, where the closing text holds
    that statement: the annex of a document that follows the act (a proposal's financial statement), not an annex
    of the act. It stays in the closing text, as a division of it."""
    closing: _B | None = None
    read: set[str] = set()  # the lines of the closing text
    for node in list(root.children):
        if node.kind is Kind.DIVISION and node.title == FINAL_FORMULA:
            closing = node
            read = {c.text.strip().casefold() for c in _walk(closing) if c.kind is Kind.BLOCK}
        elif node.kind is Kind.ANNEX and closing is not None and node.children:
            first = node.children[0]
            to = re.match(r"(?i)^to the (.+)$", (node.title or first.text).strip())
            if to and to.group(1).strip().casefold() in read:
                root.children.remove(node)
                node.kind, node.title = Kind.DIVISION, " ".join(p for p in ("Annex", node.label, to.group(0)) if p)
                if not first.children and first.text.strip() == to.group(0).strip():
                    node.children.pop(0)
                closing.add(node)


def _walk(node: _B) -> Iterator[_B]:
    yield node
    for child in node.children:
        yield from _walk(child)


def _placeholder_by_body(node: _B) -> None:
    """An article whose only text is a dash or a deletion word ("Art. 115." then "Abrogato") is a placeholder."""
    if node.kind is not Kind.ARTICLE or Mark.DELETED in node.marks or node.text or len(node.children) != 1:
        return
    (child,) = node.children
    body = " ".join(p for p in (child.label, child.text) if p)
    if body and not child.children and patterns.DELETED_BODY.match(body):
        node.children, node.text = [], body.strip(" -\u2013—")
        node.marks.add(Mark.DELETED)


def _mark(node: _B, text: str) -> None:
    stripped = patterns.FOOTNOTE_REF.sub("", text).replace("[...]", "").replace("[…]", "")
    if "[" in stripped or "]" in stripped:
        node.marks.add(Mark.BRACKETS)


def _freeze(node: _B, footnotes: dict[str, str], used: set[str]) -> Node:
    used.update(node.refs)
    return Node(
        kind=node.kind,
        label=node.label,
        title=node.title,
        text=node.text,
        children=tuple(_freeze(child, footnotes, used) for child in node.children),
        line=node.line,
        marks=frozenset(node.marks),
        footnotes=tuple(footnotes[ref] for ref in node.refs if ref in footnotes),
        ref=node.source_ref,
        designation=node.designation,
    )


# --- languages, to name the texts of a bilingual file ---------------------------------------------------------

_STOPWORDS = {
    "English": "the of and to in shall be that this or",
    "Dutch": "de het van en een in te dat op zijn",
    "German": "der die und das zu den von mit nicht ist",
    "French": "le la les de des et du en une est",
    "Spanish": "el la los de las y en que del por",
}


def guess_language(text: str) -> str:
    words = Counter(re.findall(r"[a-zäöüéèàç]+", text.lower()))
    scores = {lang: sum(words[w] for w in stop.split()) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else ""


# --- entry point --------------------------------------------------------------------------------------------


def parse(units: list[Unit]) -> tuple[tuple[Node, ...], tuple[Diagnostic, ...]]:
    """Build the article tree of one draft, with warnings about what was guessed."""
    tokens = _first_us_section(_sections_by_paragraph_sign([classify(unit) for unit in units if unit.text]))
    tokens, warnings = _contents(tokens)
    tokens = _cover_annexes(tokens)
    if not any(t.type in (T.ARTICLE, T.PLACEHOLDER, T.DIVISION, T.ANNEX, T.ANNEX_GROUP) for t in tokens):
        blocks = [Node(Kind.BLOCK, text=t.unit.text, line=t.unit.line, ref=t.unit.ref) for t in tokens]
        warnings.append(
            Diagnostic(
                f"no articles, chapters or annexes found — loaded as {len(blocks)} unstructured paragraphs; "
                "check that this is a treaty draft (treatydiff outline shows what was read)"
            )
        )
        return tuple(blocks), tuple(warnings)
    footnotes: dict[str, str] = {}
    starts = split_texts(tokens)
    segments = [tokens[a:b] for a, b in zip(starts, [*starts[1:], len(tokens)], strict=True)]
    trees: list[list[_B]] = []
    for segment in segments:
        trees.append(_Builder(segment, footnotes).build())
    used: set[str] = set()
    if len(trees) == 1:
        nodes = tuple(_freeze(node, footnotes, used) for node in trees[0])
    else:
        texts = []
        for k, (segment, tree) in enumerate(zip(segments, trees, strict=True), start=1):
            language = guess_language(" ".join(t.unit.text for t in segment[:400]))
            children = tuple(_freeze(node, footnotes, used) for node in tree)
            texts.append(Node(Kind.TEXT, str(k), language, children=children, line=segment[0].unit.line))
        nodes = tuple(texts)
        where = ", ".join(
            f"text {n.label}{f' ({n.title})' if n.title else ''} from line {n.line}" for n in texts
        )
        warnings.append(
            Diagnostic(
                f"article numbers repeat: the file holds {len(texts)} texts of the instrument "
                f"(e.g. two languages), kept apart as {where}",
                texts[1].line,
            )
        )
    unused = [label for label in footnotes if label not in used]
    if unused:
        warnings.append(Diagnostic(f"footnote definitions never referred to: {', '.join(unused[:10])}"))
    return nodes, tuple(warnings)
