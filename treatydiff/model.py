"""Data model shared by every stage: frozen dataclasses and enums only, no I/O."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

#: The title of the division the parser opens for an instrument's closing text ("IN WITNESS WHEREOF ...", "Done at
#: Brussels, ...", signatures, and whatever follows them outside an annex).
FINAL_FORMULA = "Final formula"
#: What a report writes before an article's number when the draft's own word is "Article" (or the draft does not
#: say): "Art. 5". A draft that numbers its units under another word says so in ``Node.designation``.
ARTICLE_DESIGNATION = "Art."


class Kind(StrEnum):
    """What a node of the article tree is."""

    TEXT = "text"  # one whole text of the instrument, when a file holds it twice (English, then Dutch)
    PREAMBLE = "preamble"
    CITATION = "citation"  # "Having regard to ..."
    RECITAL = "recital"  # "(12) Whereas ..." / numbered considerations
    PART = "part"
    TITLE = "title"
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    DIVISION = "division"  # a heading that groups what follows but names no known division ("Final clauses")
    CONTENTS = "contents"  # the draft's own table of contents: its entries as blocks, never its structure
    ARTICLE = "article"
    PARAGRAPH = "paragraph"
    POINT = "point"
    ITEM = "item"
    ANNEX = "annex"
    BLOCK = "block"  # a paragraph of a text with no recognisable structure, or loose text


#: Kinds that group articles; an article's "path" is the headings of these above it.
DIVISION_KINDS = frozenset(
    {Kind.TEXT, Kind.PART, Kind.TITLE, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.DIVISION, Kind.CONTENTS}
)
#: Kinds that the differ aligns as units ("provisions"): articles, annexes, and the preamble (its citations
#: and recitals are its paragraphs).
PROVISION_KINDS = frozenset({Kind.ARTICLE, Kind.ANNEX, Kind.PREAMBLE})


class Mark(StrEnum):
    """Facts about a node that negotiators care about."""

    DELETED = "deleted"  # a placeholder such as "Article 24 [deleted]"
    BRACKETS = "brackets"  # holds square-bracketed negotiating text
    OPTION = "option"  # an "Option 1" / "Option 2" alternative


@dataclass(frozen=True, slots=True)
class Node:
    """One unit of a draft. ``label`` is the number as printed ("5 bis", "(a)"), ``text`` the unit's own words
    (without its number), ``children`` the units inside it, ``line`` its 1-based line in the source."""

    kind: Kind
    label: str = ""
    title: str = ""
    text: str = ""
    children: tuple[Node, ...] = ()
    line: int = 0
    marks: frozenset[Mark] = frozenset()
    footnotes: tuple[str, ...] = ()
    ref: str = ""  # a stable identifier the source format gives this unit (Akoma Ntoso ``eId``), or ""
    # the word the draft prints before an article's number, as a report writes it: "Sec." (a US bill's
    # "SEC. 2."), "§" (a German law's "§ 5"); "" for "Article" and its translations (reports write "Art.")
    designation: str = ""
    # what on its lines is not what it looks like, said for a reader: an invisible character the normaliser took
    # out of one of its words, a look-alike letter in its heading word (``treatydiff.confusables``)
    lookalikes: tuple[str, ...] = ()

    @property
    def deleted(self) -> bool:
        return Mark.DELETED in self.marks

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """The node's words and those of everything below it, numbers included, one unit per line."""
        parts = []
        own = " ".join(p for p in (self.label if self.kind not in PROVISION_KINDS else "", self.text) if p)
        if own:
            parts.append(own)
        parts.extend(child.full_text() for child in self.children)
        return "\n".join(p for p in parts if p)

    @property
    def number_word(self) -> str:
        """The word a report writes before an article's number: its ``designation``, else "Art."."""
        return self.designation or ARTICLE_DESIGNATION

    def heading(self) -> str:
        """How the node is named in a report: "Chapter II — Offences", "Article 5 — Scope", "Sec. 2 — Short
        title" (an article whose draft numbers it under another word)."""
        word = self.designation if self.kind is Kind.ARTICLE and self.designation else self.kind.value.capitalize()
        if self.kind is Kind.CONTENTS:
            return self.title or word  # "Table of contents" as the draft prints it
        name = f"{word} {self.label}".strip() if self.kind is not Kind.DIVISION else ""
        if self.title:
            return f"{name} — {self.title}" if name else self.title
        return name or word


def _structural(node: Node) -> bool:
    """A division or provision of its own, not loose text of the division above it."""
    return node.kind in DIVISION_KINDS or node.kind in PROVISION_KINDS


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning: the reader or parser was unsure but went on, or a comparison ran out of budget and fell back
    to a cheaper strategy."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True, slots=True)
class Provision:
    """A unit the differ aligns, with where it stands (the headings of the divisions above it): an article,
    an annex, the preamble; a division's own loose text (the words under a chapter heading that belong to no
    article); a loose paragraph of a draft without structure. Every word of a draft is in exactly one."""

    node: Node
    path: tuple[str, ...]
    #: the annex an article stands in ("Annex VI": an annexed statute's own Article 5), "" outside annexes
    annex: str = ""

    def parts(self) -> tuple[Node, ...]:
        """The nodes below the heading whose words belong to this provision: everything under an article,
        annex or preamble; only the loose text of a division, or of an annex that holds articles (those
        articles and sub-divisions are provisions of their own)."""
        if self.node.kind not in DIVISION_KINDS and not holds_articles(self.node):
            return self.node.children
        return tuple(c for c in self.node.children if not _structural(c))


def holds_articles(node: Node) -> bool:
    """An annex with articles of its own (a statute, rules of procedure), directly or in its divisions."""
    if node.kind is not Kind.ANNEX:
        return False
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.kind is Kind.ARTICLE:
            return True
        if child.kind in DIVISION_KINDS:
            stack.extend(child.children)
    return False


@dataclass(frozen=True, slots=True)
class Draft:
    """One version of a text, read into an article tree."""

    source: str
    label: str
    format: str
    nodes: tuple[Node, ...]
    warnings: tuple[Diagnostic, ...] = ()
    #: the view of a marked-up file that was read ("final" or "original"); "" when the file carries no marks
    view: str = ""
    #: the code of the language the draft is written in (``treatydiff.lang``): told from its text when it is read,
    #: or as ``LoadOptions.language`` said; "" for a draft without text
    language: str = ""

    def walk(self) -> Iterator[Node]:
        for node in self.nodes:
            yield from node.walk()

    def sample(self, words: int) -> str:
        """The draft's first ``words`` words or so, for telling its language."""
        out: list[str] = []
        count = 0
        for node in self.walk():
            if node.text:
                out.append(node.text)
                count += node.text.count(" ") + 1
                if count >= words:
                    break
        return " ".join(out)

    def provisions(self) -> Iterator[Provision]:
        """Every provision with its division path, in document order: preambles, articles, annexes, the loose
        text of divisions, loose paragraphs. An annex that holds articles of its own (an annexed statute) is a
        provision for its own loose text, and its articles are provisions inside it (``Provision.annex``)."""

        def visit(nodes: tuple[Node, ...], path: tuple[str, ...], annex: str) -> Iterator[Provision]:
            for node in nodes:
                if node.kind in DIVISION_KINDS:
                    if any(not _structural(child) for child in node.children):
                        yield Provision(node, path, annex)  # the division's own loose text
                    yield from visit(node.children, (*path, node.heading()), annex)
                elif holds_articles(node):
                    yield Provision(node, path, annex)  # the annex's own words; its articles follow
                    yield from visit(node.children, (*path, node.heading()), f"Annex {node.label}".strip())
                elif node.kind in PROVISION_KINDS or not path:
                    # an article, annex, preamble; or a paragraph of a plain text
                    yield Provision(node, path, annex if node.kind is Kind.ARTICLE else "")

        yield from visit(self.nodes, (), "")

    def articles(self) -> Iterator[Provision]:
        """The articles of the instrument itself (those of its annexes: ``annex_articles``)."""
        return (p for p in self.provisions() if p.node.kind is Kind.ARTICLE and not p.annex)

    def annex_articles(self) -> Iterator[Provision]:
        """The articles that stand in annexes (an annexed statute's Articles 1 to 41)."""
        return (p for p in self.provisions() if p.node.kind is Kind.ARTICLE and p.annex)

    def annexes(self) -> Iterator[Provision]:
        return (p for p in self.provisions() if p.node.kind is Kind.ANNEX)

    def counts(self) -> dict[str, int]:
        """What a reader counts in the header of an outline."""
        articles = [p.node for p in self.articles()]
        return {
            "articles": sum(1 for a in articles if not a.deleted),
            "placeholders": sum(1 for a in articles if a.deleted),
            "annexes": sum(1 for _ in self.annexes()),
            "annex_articles": sum(1 for _ in self.annex_articles()),
            "recitals": sum(1 for n in self.walk() if n.kind is Kind.RECITAL),
            "paragraphs": sum(1 for n in self.walk() if n.kind is Kind.PARAGRAPH),
        }


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """Everything the load stage can be told. ``max_size`` is in bytes."""

    format: str | None = None  # force a reader ("txt", "md", "pdf", ...); None: by content, then extension
    #: Revision marks (tracked changes, strike-through, added text marked up): "final" reads the text with the
    #: changes made, "original" the text before them (``treatydiff.load.markup``)
    markup: str = "final"
    #: The columns (1-based) of amendment and comparison tables read as the original text and as the final one
    columns: tuple[int, int] = (1, 2)
    max_size: int = 50 * 1024 * 1024
    label: str | None = None
    #: Read PDF pages with no usable text layer (scanned, or text that does not decode) by OCR, in these
    #: Tesseract languages ("eng", "rus+eng"); None: such pages are named in a warning and left out
    ocr: str | None = None
    #: The language the draft is written in (a code of ``treatydiff.lang``); None: told from its text
    language: str | None = None


class Severity(StrEnum):
    """How much a flag may matter, for reports that lead with what matters: ``high`` (a duty weakened or removed,
    a negation, a safeguard removed, an escape clause added, scope narrowed or widened), ``medium`` (quantities,
    periods, dates, definitions, duties added, conditions), ``low`` (references)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """3 for high, 2 for medium, 1 for low: a larger rank is more severe."""
        return _RANK[self.value]


_RANK = {"high": 3, "medium": 2, "low": 1}


#: The parts of a text a selection can name (``compare --part``): the preamble (citations and recitals), the body
#: (articles and the loose text of divisions), the annexes.
PARTS = ("preamble", "body", "annexes")
#: A preamble with more changed recitals than this is shown compactly unless ``--recitals full``.
RECITALS_IN_FULL = 10
#: The smallest ``RenderOptions.max_chars`` (``compare --max-chars``): room for the title, a closing line and a table.
MAX_CHARS_FLOOR = 1000


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may be told: how much to show, never what was found. Colours and width belong to the
    Rich console the CLI hands in, not here. ``depth`` is how many levels of the tree to show (0: all)."""

    depth: int = 0
    # change reports
    show_unchanged: bool = False  # list unchanged articles too (JSON always holds every change)
    context: int = 0  # unchanged paragraphs shown on each side of a changed one
    concordance: bool = False  # the table old article -> new article, outcome, similarity
    summary_only: bool = False  # the summary (and concordance) without the articles
    side_by_side: bool = False  # old and new paragraphs in two columns
    markdown_style: str = "html"  # "html": <del>/<ins>; "plain": ~~deleted~~ **inserted**
    min_severity: Severity = Severity.MEDIUM  # flags below it are left out of the report (JSON keeps every flag)
    recitals: str = "auto"  # "full": every changed recital; "compact": counts and flagged ones; "auto": compact
    # when more than RECITALS_IN_FULL recitals changed
    explain: bool = False  # each article's alignment evidence (``compare --explain``)
    #: The date of the tracked changes and comments of a Word report (ISO 8601, "2026-12-04T19:00:00Z"); "" leaves
    #: it out, so the same comparison gives the same bytes
    date: str = ""
    max_chars: int = 0  # Markdown: at most this many characters, whole article sections only (0: no limit; else at
    # least MAX_CHARS_FLOOR)

    def __post_init__(self) -> None:
        # the Python API may name the severity as a string ("high")
        object.__setattr__(self, "min_severity", Severity(self.min_severity))


# --- comparison: the hand-off from align/diff to the renderers ------------------------------------------------


def label_value(label: str) -> str:
    """A unit's number without its typography: "(a)", "a)" and "a." are the same point."""
    return label.strip("().").casefold()



class Outcome(StrEnum):
    """What happened to an article (or paragraph) between two drafts."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    RENUMBERED = "renumbered"
    MOVED = "moved"  # now in another chapter / division
    ADDED = "added"
    REMOVED = "removed"
    SPLIT = "split"  # one old article -> several new ones
    MERGED = "merged"  # several old articles -> one new one


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class FlagKind(StrEnum):
    """Edits that change legal meaning (and, low severity, references that changed or dangle)."""

    OBLIGATION_WEAKENED = "obligation-weakened"
    OBLIGATION_STRENGTHENED = "obligation-strengthened"
    OBLIGATION_ADDED = "obligation-added"
    OBLIGATION_REMOVED = "obligation-removed"
    NEGATION = "negation"
    QUALIFIER_ADDED = "qualifier-added"
    QUALIFIER_REMOVED = "qualifier-removed"
    SAFEGUARD_ADDED = "safeguard-added"
    SAFEGUARD_REMOVED = "safeguard-removed"
    SCOPE_WIDENED = "scope-widened"
    SCOPE_NARROWED = "scope-narrowed"
    CONDITION_CHANGED = "condition-changed"
    DEFINITION_CHANGED = "definition-changed"
    NUMBER_CHANGED = "number-changed"
    DATE_CHANGED = "date-changed"
    BRACKETS_RESOLVED = "brackets-resolved"
    BRACKETS_ADDED = "brackets-added"
    OPTION_CHOSEN = "option-chosen"
    REFERENCE_CHANGED = "reference-changed"
    REFERENCE_DANGLING = "reference-dangling"
    LOOKALIKE_TEXT = "look-alike-text"  # a word of mixed scripts or with invisible characters came in


#: The severity of each kind; a qualifier's depends on its direction (the classifier sets it).
SEVERITY: dict[FlagKind, Severity] = {
    FlagKind.OBLIGATION_WEAKENED: Severity.HIGH,
    FlagKind.OBLIGATION_REMOVED: Severity.HIGH,
    FlagKind.NEGATION: Severity.HIGH,
    FlagKind.SAFEGUARD_REMOVED: Severity.HIGH,
    FlagKind.QUALIFIER_ADDED: Severity.HIGH,
    FlagKind.SCOPE_WIDENED: Severity.HIGH,
    FlagKind.SCOPE_NARROWED: Severity.HIGH,
    FlagKind.OBLIGATION_STRENGTHENED: Severity.MEDIUM,
    FlagKind.OBLIGATION_ADDED: Severity.MEDIUM,
    FlagKind.QUALIFIER_REMOVED: Severity.MEDIUM,
    FlagKind.SAFEGUARD_ADDED: Severity.MEDIUM,
    FlagKind.CONDITION_CHANGED: Severity.MEDIUM,
    FlagKind.DEFINITION_CHANGED: Severity.MEDIUM,
    FlagKind.NUMBER_CHANGED: Severity.MEDIUM,
    FlagKind.DATE_CHANGED: Severity.MEDIUM,
    FlagKind.BRACKETS_RESOLVED: Severity.MEDIUM,
    FlagKind.BRACKETS_ADDED: Severity.MEDIUM,
    FlagKind.OPTION_CHOSEN: Severity.MEDIUM,
    FlagKind.REFERENCE_CHANGED: Severity.LOW,
    FlagKind.REFERENCE_DANGLING: Severity.LOW,
    FlagKind.LOOKALIKE_TEXT: Severity.MEDIUM,
}


@dataclass(frozen=True, slots=True)
class Edit:
    """One run of a word-level redline: text kept, inserted or deleted (whitespace included, never split
    inside a word). Joining the EQUAL and DELETE texts gives the old text, EQUAL and INSERT the new one."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class Flag:
    """A substantive edit that may change legal meaning: the words before and after (whole words, with the clause
    around them where that is what a reader needs), and the paragraph label. ``severity`` defaults to the kind's
    (``SEVERITY``); ``note`` says what the edit does in a few words ("adds discretion", "item added to an
    exclusion"). Two flags are the same flag when kind, words and paragraph are."""

    kind: FlagKind
    old_text: str
    new_text: str
    paragraph: str = ""
    severity: Severity | None = field(default=None, compare=False)
    note: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.severity is None:
            object.__setattr__(self, "severity", SEVERITY[self.kind])

    @property
    def level(self) -> Severity:
        """The severity, never None (``__post_init__`` fills it in)."""
        assert self.severity is not None
        return self.severity


@dataclass(frozen=True, slots=True)
class Rival:
    """A candidate a match did not take (``compare --explain``): a provision of the other draft, how much it had
    in common with the one explained, and why it lost."""

    side: str  # "old" or "new": the draft the rival is in
    kind: str
    number: str
    title: str
    phrases: float  # Dice of the word 3-grams of the two texts
    held: float  # the share of the old text's 3-grams found in the new text
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the aligner made a match (``compare --explain``, and ``evidence`` in the JSON): the rule that decided,
    the scores it read, the neighbours in order around it, and the candidates that lost."""

    rule: str
    phrases: float  # Dice of the word 3-grams of the old and new texts (the similarity)
    held: float  # the share of the old text's 3-grams found in the new text (an article that grew keeps 1.0)
    words: float | None  # IDF-weighted overlap of the words (of their stems, in a gap or left over), where read
    title: float | None  # overlap of the titles' words; None when either has no title
    same_number: bool
    in_order: bool  # on the longest run of pairs that keep the order of both drafts
    before: str  # the pair in order before it ("Article 3 → Article 4"), "" at the start
    after: str  # and after it, "" at the end
    rivals: tuple[Rival, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """Which old provisions became which new ones. Tuples so that split (1 -> n) and merge (n -> 1) are
    ordinary; ``old`` is empty for an addition, ``new`` for a removal. ``score`` is the text similarity (0-1).
    ``note`` says what a reader needs beyond the outcome ("content went to Article 23a")."""

    outcome: Outcome
    old: tuple[Provision, ...]
    new: tuple[Provision, ...]
    score: float
    note: str = ""
    #: old provisions matched elsewhere, a paragraph of which moved into this match's new provision (old
    #: Article 15(4) became the new Article 24(5), whose predecessor is old Article 23)
    received: tuple[Provision, ...] = ()
    #: why the aligner made this match, and what it weighed
    evidence: Evidence | None = None

    @property
    def in_preamble(self) -> bool:
        """Whether the preamble is one side of the match (its flags count lower, reports show it compactly)."""
        return any(p.node.kind is Kind.PREAMBLE for p in (*self.old, *self.new))


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One aligned unit (paragraph, point, item) inside a matched article: its labels and its redline."""

    outcome: Outcome
    old_label: str
    new_label: str
    edits: tuple[Edit, ...]
    old_line: int = 0
    new_line: int = 0

    @property
    def old_text(self) -> str:
        return "".join(e.text for e in self.edits if e.op is not Op.INSERT)

    @property
    def new_text(self) -> str:
        return "".join(e.text for e in self.edits if e.op is not Op.DELETE)


@dataclass(frozen=True, slots=True)
class ArticleChange:
    """Everything found about one match: the paragraph redlines, the flags, and whether every edit is
    editorial (case, punctuation, quotes, whitespace, references that only follow a renumbering)."""

    match: Match
    paragraphs: tuple[ParagraphChange, ...]
    flags: tuple[Flag, ...]
    editorial_only: bool
    words_inserted: int = 0
    words_deleted: int = 0
    #: The top-level division a report counts the change under: its heading in the new draft (for a removal,
    #: the heading of the new division its old one became, so one chapter is one row however it was retitled).
    chapter: str = ""

    @property
    def outcome(self) -> Outcome:
        return self.match.outcome

    @property
    def renumbered(self) -> bool:
        """The article's number changed, whatever the outcome says (a renumbered article whose text also changed
        is ``modified``; a moved one ``moved``): ``check`` rules that forbid ``renumbered`` see it."""
        old = [label_value(p.node.label) for p in self.match.old]
        new = [label_value(p.node.label) for p in self.match.new]
        return bool(old and new) and old != new

    def severity(self) -> Severity | None:
        """The severity of the change's most severe flag; None when it has none."""
        return max((f.level for f in self.flags), key=lambda s: s.rank, default=None)

    def flags_at_least(self, minimum: Severity) -> tuple[Flag, ...]:
        """The flags of ``minimum`` severity or more, most severe first (in text order within a severity)."""
        kept = [f for f in self.flags if f.level.rank >= minimum.rank]
        return tuple(sorted(kept, key=lambda f: -f.level.rank))

    @property
    def edits(self) -> tuple[Edit, ...]:
        return tuple(e for p in self.paragraphs for e in p.edits)


@dataclass(frozen=True, slots=True)
class Totals:
    """Counts a summary shows. ``outcomes`` holds every Outcome value; ``per_chapter`` maps the heading of
    each top-level division of the new draft (old draft for removals) to its outcome counts."""

    outcomes: dict[str, int]
    words_inserted: int
    words_deleted: int
    words_old: int
    words_new: int
    per_chapter: dict[str, dict[str, int]]

    @property
    def share_changed(self) -> float:
        """Words inserted and deleted over the words of both drafts (0-1)."""
        return min(1.0, (self.words_inserted + self.words_deleted) / max(1, self.words_old + self.words_new))


@dataclass(frozen=True, slots=True)
class DivisionChange:
    """A division heading (part, title, chapter, section, or an unnumbered heading such as "Final clauses")
    that changed: its title (``modified``), only its number (``renumbered``), or a division that came
    (``added``) or went (``removed``). The articles under it are changes of their own; this is the heading,
    which can change what they mean ("Chapter II — Obligations" -> "Chapter II — Voluntary guidance").
    ``old``/``new`` are the headings as a report names them ("" for the side that has none), ``edits`` the
    title's redline, ``path`` the headings above it (new draft; old for a removal). Divisions with loose text
    of their own are provisions, and their headings are compared there."""

    outcome: Outcome
    old: str
    new: str
    edits: tuple[Edit, ...]
    flags: tuple[Flag, ...] = ()
    old_line: int = 0
    new_line: int = 0
    path: tuple[str, ...] = ()
    words_inserted: int = 0
    words_deleted: int = 0
    editorial_only: bool = False  # only case, punctuation or quotes changed ("GENERAL PROVISIONS" -> "General ...")

    def severity(self) -> Severity | None:
        return max((f.level for f in self.flags), key=lambda s: s.rank, default=None)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two drafts and what changed between them: one ArticleChange per match, every article and annex of
    both drafts in exactly one of them, in the order of the new draft (removals where they stood)."""

    old: Draft
    new: Draft
    changes: tuple[ArticleChange, ...]
    totals: Totals
    warnings: tuple[Diagnostic, ...] = ()
    #: The code of the language the flags were read in (``treatydiff.lang``): the detected one, or the one asked.
    language: str = "en"
    #: Division headings that changed, in the order of the new draft (removals where they stood).
    divisions: tuple[DivisionChange, ...] = ()


@dataclass(frozen=True, slots=True)
class DiffOptions:
    """What counts as a change, and how much work a comparison may take. ``ignore`` holds any of "case",
    "punctuation", "quotes", "numbering". ``time_budget`` (seconds, None: no limit) and ``max_candidate_work``
    (postings the aligner may visit while looking for candidate pairs; None: 4 per word 3-gram of the two drafts
    plus 100,000) bound pathological inputs: when one runs out, what is left is aligned by article number only,
    or redlined as whole-paragraph replacements, and the Comparison's ``warnings`` say so."""

    ignore: frozenset[str] = frozenset()
    time_budget: float | None = 60.0
    max_candidate_work: int | None = None
    #: The language to read flags in (a code of ``treatydiff.lang``); None: detected from the new draft.
    language: str | None = None


# --- check and lint: the hand-off to the verdict renderers ------------------------------------------------------


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Verdict:
    """One finding of ``check`` (a rule against a comparison) or ``lint`` (a structural check of a draft), or
    the record that a rule passed. ``rule`` is the rule's name (check) or ``CODE name`` (lint); ``article`` the
    article concerned ("5", "Annex I", "" for the whole draft); ``file``/``line`` where a reader finds it."""

    rule: str
    status: Status
    article: str = ""
    file: str = ""
    line: int | None = None
    message: str = ""
    #: the article's ``Node.designation`` ("Sec."), so a report names it as its draft does; "" for "Art."
    designation: str = ""


@dataclass(frozen=True, slots=True)
class Verdicts:
    """The result of ``check`` or ``lint``: every rule or check that ran (in order, passing ones included, so a
    JUnit report has one test case each) and the verdicts. ``passed`` decides the exit code."""

    command: str  # "check" or "lint"
    rules: tuple[str, ...]
    verdicts: tuple[Verdict, ...]

    @property
    def passed(self) -> bool:
        return all(v.status is Status.PASSED for v in self.verdicts)

    def failures(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.status is Status.FAILED)


# --- parallel language versions: the hand-off from ``treatydiff.parallel`` to its renderers ----------------------


class Discrepancy(StrEnum):
    """What does not correspond between language versions of one text (``treatydiff parallel``)."""

    MISSING = "missing"  # a unit (article, paragraph, point, recital ...) that some versions do not have
    NUMBERS = "numbers"  # the numbers written in digits in a unit's own text differ
    BRACKETS = "brackets"  # the count of square-bracketed negotiating spans differs
    QUOTES = "quotes"  # the count of quoted terms differs


@dataclass(frozen=True, slots=True)
class ParallelSide:
    """One version's side of a finding: whether it has the unit, how it names it ("Art. 5(2)(b)", "Art. 5(2)(ب)"),
    its line, and what was counted there (``numbers`` for NUMBERS, ``count`` for BRACKETS and QUOTES)."""

    present: bool
    where: str = ""
    line: int = 0
    numbers: tuple[str, ...] = ()
    count: int = 0


@dataclass(frozen=True, slots=True)
class ParallelFinding:
    """A unit that does not correspond: its kind, the unit as the first version that has it names it, the index of
    its aligned provision (0-based, in document order), and one side per version, in the order of the versions."""

    kind: Discrepancy
    where: str
    provision: int
    sides: tuple[ParallelSide, ...]


@dataclass(frozen=True, slots=True)
class Parallel:
    """The same text in several languages, aligned by structure (``treatydiff.parallel.parallel``): the versions,
    how many provisions each has and how many aligned rows they make, and what does not correspond."""

    drafts: tuple[Draft, ...]
    provisions: tuple[int, ...]  # the provisions of each version
    rows: int  # the aligned provisions (a provision missing in some versions is a row of its own)
    findings: tuple[ParallelFinding, ...]

    @property
    def differing(self) -> int:
        """The aligned provisions with at least one finding."""
        return len({f.provision for f in self.findings})

    def names(self) -> tuple[str, ...]:
        """A short column name per version: its language code, with its label where two share a language, and
        its position where even that does not tell them apart."""
        codes = [d.language or "?" for d in self.drafts]
        names = [c if codes.count(c) == 1 else f"{c} {d.label}" for c, d in zip(codes, self.drafts, strict=True)]
        return tuple(n if names.count(n) == 1 else f"{n} #{i + 1}" for i, n in enumerate(names))


@dataclass(frozen=True, slots=True)
class OutcomeDifference:
    """An article whose outcome differs between the same revision step in two languages (``parallel-compare``):
    its provision indexes in the old and new drafts (0-based, document order), and, per language, how the change
    names it ("Art. 4 → Art. 5", "" where that comparison has no such change) and its outcome ("" likewise)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    where: tuple[str, str]
    outcomes: tuple[str, str]


@dataclass(frozen=True, slots=True)
class ParallelComparison:
    """Two comparisons of the same revision step in two languages, and the articles whose outcome differs."""

    first: Comparison
    second: Comparison
    differences: tuple[OutcomeDifference, ...]
