"""Stage 1, load: amendment and comparison tables — two (or more) drafts in one document, one per column.

The European Parliament publishes its amendments as tables of two columns ("Text proposed by the Commission" |
"Amendment"), each under a heading that numbers the amendment and a locator that says where it goes
("Article 2 - paragraph 1 - point d", with dashes of any length; "Recital 4 a (new)"); Council and trilogue
documents have four columns. A
reader that finds such tables hands them here (``Table``), and gets back the lines of one column's draft: each
amendment's text under its article, its recital or its annex, as the locator places it, amendments to the same
provision together in the order they come.

The locator's first part (``Article 3 a (new)``, ``Recital 12``, ``Annex I``, ``Chapter III``) is all that is
needed: the text in the cell carries its own paragraph and point numbers. An amendment whose locator cannot be
read is kept, at the head of the draft, and listed in a warning: never dropped, never placed by guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from treatydiff.errors import LoadError
from treatydiff.load import patterns
from treatydiff.load.lines import SourceLine
from treatydiff.model import Diagnostic, LoadOptions

__all__ = ["HEADER", "Table", "column_lines", "column_of", "describe", "is_header", "read_columns", "run_together"]

#: The headings of the columns of amendment and comparison tables, in the languages they are published in.
_HEADINGS = (
    r"text proposed by the (?:commission|council|european parliament)|amendments?|commission proposal"
    r"|(?:council|parliament|ep) (?:mandate|position|general approach|text)|general approach|compromise(?: text)?"
    r"|proposal|texte proposé par la commission|amendements?|texto propuesto por la comisión|enmiendas?"
    r"|normativa vigente|texto vigente|texto (?:despachado|aprobado) por (?:la|el) [\w ]{3,80}"
    r"|vorschlag der kommission|geänderter text|abänderungs?(?:antrag|anträge)?|testo della commissione"
    r"|emendamenti?"
)
HEADER = re.compile(rf"^(?:{_HEADINGS})$", re.IGNORECASE)
#: A line that is the headings of two columns run together: a table exported to plain text.
_RUN_TOGETHER = re.compile(rf"^(?:{_HEADINGS})\s+(?:{_HEADINGS})$", re.IGNORECASE)


def run_together(lines: Sequence[SourceLine]) -> tuple[Diagnostic, ...]:
    """A warning when the text holds the headings of a table's columns on one line, as a table exported to plain
    text does: its columns are one after the other, or line by line, and cannot be told apart."""
    found = [line for line in lines if line.text and len(line.text) < 200
             and _RUN_TOGETHER.match(" ".join(line.text.split()))]
    if not found:
        return ()
    first = found[0]
    return (Diagnostic(f"the headings of a table's columns stand on one line ({' '.join(first.text.split())!r}): "
                       "this looks like a comparison or amendments table exported to plain text, whose columns "
                       "cannot be told apart; it is read as one text — a PDF, DOCX or HTML of it is read column "
                       "by column", first.number),)

#: The first part of a locator: the provision ("Article 3 a (new)", "Recital 12", "Annex I", "Chapter III").
_LOCATOR = re.compile(
    r"^(?P<kind>articles?|recitals?|annex|chapter|title|citation|considérant|artículo|considerando|anexo"
    r"|artikel|erwägungsgrund|anhang|articolo|allegato)\b\s*(?P<label>[0-9IVXLC]*(?:\s?[a-z]{1,2})?)?"
    r"(?:\s*\((?:new|nouveau|nuevo|neu|nuovo)\))?\s*$",
    re.IGNORECASE,
)
_PART = re.compile(r"\s+[\u2013\u2014-]\s+")
_NEW = re.compile(r"\((?:new|nouveau|nouvelle|nuevo|nueva|neu|nuovo|nuova)\)", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:amendment|amendement|enmienda|abänderung|emendamento)\s+(\d+[a-z]?)\s*$", re.IGNORECASE)
_KIND = {"article": "Article", "articles": "Article", "artículo": "Article", "artikel": "Article",
         "articolo": "Article", "annex": "ANNEX", "anexo": "ANNEX", "anhang": "ANNEX", "allegato": "ANNEX",
         "chapter": "CHAPTER"}


@dataclass(frozen=True, slots=True)
class Table:
    """One amendment: its number and locator as printed above it (either may be ""), the line of the document
    where it starts, and its rows below the header, each a list of cells, each cell a list of paragraphs."""

    number: str
    locator: str
    line: int
    rows: tuple[tuple[tuple[str, ...], ...], ...]


def is_header(cells: Sequence[str]) -> bool:
    """Whether a table row names amendment columns ("Text proposed by the Commission" | "Amendment")."""
    texts = [c for c in cells if c.strip()]
    return len(texts) >= 2 and all(is_heading(t) for t in texts)


def is_heading(cell: str) -> bool:
    """Whether one cell names an amendment column ("Amendment", "Proposal", "Texto vigente")."""
    return bool(HEADER.match(" ".join(cell.split()).strip(" :")))


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(" ".join(text.split())))


def place(locator: str) -> tuple[str, str] | None:
    """Where an amendment goes: ("Article", "3a"), ("recital", "12"), ("ANNEX", "I"), ("CHAPTER", "III"),
    ("preamble", "") for a citation or the title; None when the locator cannot be read."""
    first = _PART.split(" ".join(locator.split()))[0]
    match = _LOCATOR.match(first)
    if match is None:
        return None
    kind = match.group("kind").lower()
    label = "".join((match.group("label") or "").split())
    if kind in ("recital", "recitals", "considérant", "considerando", "erwägungsgrund"):
        return ("recital", label) if label else None
    if kind in ("title", "citation"):
        return ("preamble", "")
    if not label:
        return None
    return _KIND[kind], label


def column_lines(tables: Sequence[Table], column: int) -> tuple[list[SourceLine], tuple[Diagnostic, ...]]:
    """The draft that column ``column`` (0-based) of the tables makes: recitals first, then each article,
    annex or chapter with every amendment to it, in the order the provisions first come; the text of
    amendments that cannot be placed at the head, with a warning that lists them."""
    groups: dict[tuple[str, str], list[Table]] = {}
    unplaced: list[Table] = []
    for table in tables:
        where = place(table.locator)
        if where is None:
            unplaced.append(table)
        else:
            groups.setdefault(("" if where[0] in ("recital", "preamble") else where[0], where[1]), []).append(table)
    out: list[SourceLine] = []

    def add(text: str, number: int) -> None:
        """One paragraph (its printed lines, when a reader kept them apart with newlines); one that opens with a
        bullet or a dash set apart from its words is a list item, as in the readers of whole documents."""
        bullet = patterns.LIST_BULLET.match(text)
        for k, piece in enumerate((text[bullet.end():] if bullet else text).split("\n")):
            out.append(SourceLine(piece, number, bullet=bool(bullet) and k == 0))
        out.append(SourceLine("", number))

    def cells(table: Table) -> list[str]:
        return [text for row in table.rows if column < len(row) for text in row[column] if text.strip()]

    for table in unplaced:
        for text in cells(table):
            add(text, table.line)
    # recitals and citations (the preamble) before the articles, whatever order they come in
    order = sorted(groups, key=lambda key: key[0] != "")
    alternatives: list[str] = []
    for kind, label in order:
        members = groups[(kind, label)]
        texts: list[tuple[int, str]] = []
        for table in members:
            for text in cells(table):
                if all(" ".join(text.split()) != " ".join(t.split()) for _, t in texts):
                    texts.append((table.line, text))  # (the proposal's text, quoted by each amendment to it)
        if not texts:
            continue  # nothing of this provision in this column (an article the proposal lacks)
        same_place = Counter(" ".join(t.locator.split()).casefold() for t in members if cells(t))
        alternatives.extend(locator for locator, n in same_place.items() if n > 1)
        if kind:
            add(f"{kind} {label}", texts[0][0])
        for line, text in texts:
            add(text, line)
    warnings: list[Diagnostic] = []
    if tables and not any(cells(table) for table in tables):
        warnings.append(Diagnostic(f"column {column + 1} of the amendment tables holds no text in any of them: its "
                                   "columns may not have been told apart; check the file, or choose other --columns"))
    if column == 0:  # (said once: the first column is read for every comparison)
        lacking = [t for t in tables if not cells(t) and not _NEW.search(t.locator) and place(t.locator)]
        if lacking:
            shown = ", ".join(f"{t.number or '?'} ({t.locator})" for t in lacking[:10])
            more = f" and {len(lacking) - 10} more" if len(lacking) > 10 else ""
            warnings.append(Diagnostic(f"amendments to a place the first column does not hold, though not marked "
                                       f"(new): {shown}{more}", lacking[0].line))
    ragged = [t for t in tables if t.rows and len({len(row) for row in t.rows}) > 1]
    if ragged:
        shown = ", ".join(t.number or "?" for t in ragged[:10])
        warnings.append(Diagnostic(f"amendment tables whose rows have different numbers of cells, read cell by "
                                   f"cell in order: {shown}", ragged[0].line))
    if unplaced:
        shown = ", ".join(f"{t.number or '?'} ({t.locator or 'no locator'})" for t in unplaced[:10])
        more = f" and {len(unplaced) - 10} more" if len(unplaced) > 10 else ""
        warnings.append(Diagnostic(f"amendments whose place could not be read, kept at the head of each column's "
                                   f"text: {shown}{more}", unplaced[0].line))
    if alternatives:
        shown = ", ".join(alternatives[:8]) + (f" and {len(alternatives) - 8} more" if len(alternatives) > 8 else "")
        warnings.append(Diagnostic(f"{len(alternatives)} places are amended more than once ({shown}): each amendment's "
                                   "text follows the other, as alternatives to choose from, not one text"))
    return out, tuple(warnings)


def describe(tables: Sequence[Table], headers: Sequence[str], columns: tuple[int, int]) -> str:
    """What a reader says of an amendments document: how many amendments, and which columns are its views."""
    first, second = (" ".join(headers[n - 1].split()) for n in columns)
    return (f"amendment tables ({len(tables)} amendments in {len(headers)} columns; the original view is column "
            f"{columns[0]}, '{first}', the final view column {columns[1]}, '{second}'; --columns A,B chooses)")


def read_columns(
    tables: Sequence[Table], headers: Sequence[str], options: LoadOptions, source: str
) -> tuple[list[SourceLine], tuple[Diagnostic, ...], str, Callable[[str], list[SourceLine]]]:
    """What a reader returns for a document of amendment tables: the lines of the column its view reads, the
    warnings, what it says of the tables (``describe``) and the lines of any other view."""
    def column(view: str) -> list[SourceLine]:
        return column_lines(tables, column_of(view, options.columns, headers, source))[0]

    lines, warnings = column_lines(tables, column_of(options.markup, options.columns, headers, source))
    return lines, warnings, describe(tables, headers, options.columns), column


def column_of(view: str, columns: tuple[int, int], headers: Sequence[str], source: str) -> int:
    """The 0-based column a view reads (``LoadOptions.columns``); ``LoadError`` for a column the tables lack."""
    for n in columns:
        if not 1 <= n <= len(headers):
            raise LoadError(source, f"the amendment tables have {len(headers)} columns, and column {n} was asked for",
                            f"give columns from 1 to {len(headers)} (--columns A,B, --column N)")
    return (columns[0] if view == "original" else columns[1]) - 1
