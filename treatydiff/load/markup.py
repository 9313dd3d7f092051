"""Stage 1, load: revision marks drawn as formatting, shared by the PDF, DOCX and HTML readers.

A compromise text marks its changes by hand: deletions struck through, additions in bold or underlined. Each
reader tells which of its characters carry which mark (``STRUCK``, ``UNDERLINED``, ``BOLD``; explicit revisions
such as DOCX ``w:ins``/``w:del`` and HTML ``<ins>``/``<del>`` are ``INSERTED``/``DELETED``); this module decides
what the marks mean in that document and which text each view keeps.

What the marks mean (``convention``):
1. The document's own legend, when it has one ("additions are marked with bold, deletions with strikethrough",
   "les suppressions sont barrées, les ajouts en gras"): what it names, and nothing else.
2. Else strike-through is a deletion: no draft strikes text through for any other reason. Underlining is an
   addition only when the document also strikes text through (a marked-up draft); bold never is, since headings
   and emphasis are bold too. A document with much underlining and no deletions is read as plain text, and said so.

The views: ``final`` keeps the text as it reads with the changes made (deleted text left out), ``original`` the
text before them (added text left out). Text both added and deleted (bold and struck: added by an earlier round,
deleted by this one) is in neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treatydiff.model import Diagnostic

__all__ = [
    "BOLD", "CLOSING", "DELETED", "INSERTED", "STRUCK", "UNDERLINED", "VIEWS", "Convention", "Tally", "convention",
    "describe", "legend", "notice", "rejoin",
]

#: The views a marked-up draft can be read in.
VIEWS = ("final", "original")

#: The marks a reader can report for a piece of text.
STRUCK, UNDERLINED, BOLD = "struck", "underlined", "bold"
INSERTED, DELETED = "inserted", "deleted"  # explicit revisions (w:ins, <del>): they need no convention


@dataclass(frozen=True, slots=True)
class Convention:
    """What the marks of one document mean: the marks of deleted text, those of added text, and where that was
    learnt ("legend": the document says so; "inferred": from the marks it uses)."""

    deleted: frozenset[str] = frozenset()
    inserted: frozenset[str] = frozenset()
    source: str = "inferred"

    def hidden(self, marks: frozenset[str] | set[str], view: str) -> bool:
        """Whether text with these marks is left out of ``view``."""
        if (DELETED in marks and view == "final") or (INSERTED in marks and view == "original"):
            return True
        if view == "final":
            return bool(self.deleted & marks)
        return bool(self.inserted & marks)

    @property
    def active(self) -> bool:
        return bool(self.deleted or self.inserted)

    def describe(self) -> str:
        parts = []
        if self.deleted:
            parts.append(f"deletions {' or '.join(sorted(_SHOWN[m] for m in self.deleted))}")
        if self.inserted:
            parts.append(f"additions {' or '.join(sorted(_SHOWN[m] for m in self.inserted))}")
        return ", ".join(parts)


_SHOWN = {STRUCK: "struck through", UNDERLINED: "underlined", BOLD: "in bold"}

# --- the document's legend ------------------------------------------------------------------------------------

#: Words for deleted and added text, and for each mark, in the languages drafts are marked up in. (An ending,
#: ``\w*+``, is never given back: see ``_CLAUSE``.)
_DELETION_WORDS = (r"deletions?|deleted(?: text| passages?)?|text (?:deleted|removed)|removals?|suppressions?"
                   r"|supprim\w*+|texte supprimé|supresiones|suprimid\w*+|Streichungen|gestrichen\w*+")
_ADDITION_WORDS = (r"additions?|insertions?|new (?:text|wording)|added text|text (?:added|inserted)|inserted text"
                   r"|ajouts?|texte (?:ajouté|nouveau)|nouveau texte|adiciones|añadid\w*+|texto nuevo"
                   r"|Ergänzungen|Einfügungen|neuer Text|hinzugefügt\w*+")
_MARK_WORDS = {
    STRUCK: r"strike-?\s?through|struck(?: through| out)?|strikeout|crossed out|barr[ée]e?s?|tachad\w*"
            r"|durchgestrichen\w*",
    UNDERLINED: r"underlin\w*|soulign\w*|subrayad\w*|unterstrichen\w*",
    BOLD: r"bold(?:face)?|gras|negrita\w*|fett\w*",
}
#: One clause of a legend: a kind of change, then (within a few words) the mark it is shown with. The kind starts
#: a word and its ending is never given back (``\w*+``): from every "gestrichen" inside a long word, the ending was
#: tried at every length with every window after it (13 s for a paragraph of 3 KB, hours for 1 MB).
_CLAUSE = re.compile(
    rf"(?<!\w)(?P<kind>{_DELETION_WORDS}|{_ADDITION_WORDS})[^.;:\n]{{0,60}}?"
    rf"(?P<mark>{'|'.join(_MARK_WORDS.values())})",
    re.IGNORECASE,
)
_DELETION = re.compile(rf"^(?:{_DELETION_WORDS})$", re.IGNORECASE)
_MARKS = {mark: re.compile(rf"^(?:{words})$", re.IGNORECASE) for mark, words in _MARK_WORDS.items()}


def legend(text: str) -> Convention | None:
    """The convention a document states in ``text`` (its first pages), or None when it states none. Each clause
    pairs a kind of change with a mark ("deletions with strikethrough"); "changes ... are underlined" names no
    kind and means neither."""
    deleted: set[str] = set()
    inserted: set[str] = set()
    for match in _CLAUSE.finditer(text):
        mark = next(m for m, pattern in _MARKS.items() if pattern.match(match.group("mark")))
        (deleted if _DELETION.match(match.group("kind")) else inserted).add(mark)
    if not deleted and not inserted:
        return None
    return Convention(frozenset(deleted), frozenset(inserted - deleted), "legend")


# --- what a reader saw ------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """How many characters (not spaces) a reader saw, and how many carried each mark."""

    total: int = 0
    marks: dict[str, int] = field(default_factory=dict)
    #: per mark, the characters that carry it beside unmarked words of the same line or paragraph (a phrase
    #: underlined inside a sentence, not a heading underlined as a whole)
    inline: dict[str, int] = field(default_factory=dict)

    def add(self, text: str, marks: frozenset[str] | set[str]) -> None:
        n = len(text) - text.count(" ")
        self.total += n
        for mark in marks:
            self.marks[mark] = self.marks.get(mark, 0) + n

    def line(self, pieces: list[tuple[str, frozenset[str]]]) -> None:
        """Count the marks of one line or paragraph (its pieces, already ``add``-ed) that stand beside text
        without them."""
        shown = [(len(text) - text.count(" "), marks) for text, marks in pieces if text.strip()]
        for mark in {m for _, marks in shown for m in marks}:
            if any(mark not in marks for _, marks in shown):
                self.inline[mark] = self.inline.get(mark, 0) + sum(n for n, marks in shown if mark in marks)


#: Less than this share of the characters underlined inside sentences (links, a defined term) is no sign of
#: anything; bold inside sentences (defined terms, emphasis) needs more to be worth a word.
_MUCH, _MUCH_BOLD = 0.01, 0.05


def convention(tally: Tally, stated: Convention | None) -> tuple[Convention, tuple[Diagnostic, ...]]:
    """What the marks mean (the legend's word, else as inferred: see the module's docstring), and a warning when
    marks were seen that are not understood."""
    if stated is not None:
        return stated, ()
    if tally.marks.get(STRUCK):
        inserted = frozenset({UNDERLINED}) if tally.marks.get(UNDERLINED) else frozenset()
        return Convention(frozenset({STRUCK}), inserted), ()
    unread = []
    for mark, name, least in ((UNDERLINED, "underlined", _MUCH), (BOLD, "in bold", _MUCH_BOLD)):
        inline = tally.inline.get(mark, 0) / tally.total if tally.total else 0.0
        if inline >= least:
            unread.append(Diagnostic(
                f"{_percent(inline)} of the text is {name} inside sentences, but nothing is struck through and the "
                f"document states no convention: {name.removeprefix('in ')} is not read as a mark of added text"))
    return Convention(), tuple(unread)


def describe(tally: Tally, rule: Convention) -> str:
    """What a reader says of a file's revision marks: how they were read and how much they mark ("marked-up
    text (deletions struck through, additions in bold, as its legend says: 12% of the characters marked
    deleted, 31% added)"); "" when the file carries none."""
    if not tally.total or not (rule.active or tally.marks.get(INSERTED) or tally.marks.get(DELETED)):
        return ""
    deleted = sum(tally.marks.get(m, 0) for m in (*rule.deleted, DELETED))
    inserted = sum(tally.marks.get(m, 0) for m in (*rule.inserted, INSERTED))
    how = f"{rule.describe()}, as {'its legend says' if rule.source == 'legend' else 'inferred'}: " \
        if rule.active else "tracked changes: "
    return f"marked-up text ({how}{_percent(deleted / tally.total)} of the characters marked deleted, " \
        f"{_percent(inserted / tally.total)} added)"


def notice(marks: str, view: str) -> Diagnostic:
    """The one line that says a file carries revision marks (``describe``) and which of its texts is read: one
    view, or both (``view`` "both": a marked-up file compared with itself)."""
    if view == "both":
        return Diagnostic(f"{marks}; comparing its original text, before the changes, with its final text, with "
                          "the changes made")
    other = "original" if view == "final" else "final"
    what = "the text with the changes made" if view == "final" else "the text before the changes"
    return Diagnostic(f"{marks}; showing the {view} view, {what}; --markup {other} shows the other")


#: What a text that runs on from left-out words may start with: punctuation that never follows a space.
CLOSING = tuple(".,;:)]")


def rejoin(before: str, after: str) -> str:
    """``before`` as it must end when ``after`` follows it where words were left out: a space that stood before
    an insertion goes with it ("a focal point[ for assistance]." -> "a focal point.")."""
    return before.rstrip(" ") if after[:1] in CLOSING else before


def _percent(share: float) -> str:
    """A share as a percentage a reader can tell from nothing: "12%", "0.4%", "<0.1%", "0%"."""
    if share == 0:
        return "0%"
    if share < 0.001:
        return "<0.1%"
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"
