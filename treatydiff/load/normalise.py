"""Stage 1, load: the shared normaliser — SourceLines of any format -> clean logical Units.

Characters: Unicode NFC, typographic quotes and dashes made plain, non-breaking and zero-width spaces, soft
hyphens, ligatures. Page furniture: running headers and footers repeated across pages, page numbers.
Lines: a paragraph hard-wrapped over several lines becomes one unit; a word hyphenated across a line end is
rejoined (``com-`` + ``munication`` -> ``communication``, but ``co-`` + ``operation`` stays ``co-operation``
when the draft spells it so elsewhere).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from treatydiff.load import patterns
from treatydiff.load.lines import SourceLine, Unit

_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\v": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u200e": None,
        "\u200f": None,
    }
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_SPACES = re.compile(r"\s+")
_DOUBLE_QUOTES = re.compile(r"``|''")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """One line of text with its characters normalised and its spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _CONTROL.sub("", text.translate(_CHAR_MAP))
    text = _DOUBLE_QUOTES.sub('"', text)
    return _SPACES.sub(" ", text).strip()


# --- page furniture ---------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.|seite|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|van)\s*\d{1,4})?)$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


_PAGE_NUMBER_PART = re.compile(
    r"(?:\s*(?:-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.|seite|pagina)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)\s*)$",
    re.I,
)


def _shape(text: str) -> str:
    """A furniture line without its page number, so ``A/AC.1/3 Page 4`` and ``... Page 5`` count as one."""
    return _PAGE_NUMBER_PART.sub("", text.lower()).strip()


def strip_furniture(lines: list[SourceLine]) -> tuple[list[SourceLine], int]:
    """Drop running headers/footers and page numbers. Pages are told by form feeds; without them only
    unmistakable page numbers (``- 3 -``, ``Page 3 of 41``) go. Returns the kept lines and how many went."""
    breaks = [i for i, line in enumerate(lines) if line.page_break]
    drop: set[int] = set()
    if len(breaks) >= 2:
        starts = [0, *breaks]
        edges: list[list[int]] = []  # for each page, the indices of its first and last few non-blank lines
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            body = [i for i in range(start, end) if lines[i].text]
            edges.append(body[:2] + body[-2:])
        counts = Counter(_shape(lines[i].text) for page in edges for i in set(page))
        pages = len(edges)
        for page in edges:
            for i in page:
                text = lines[i].text
                running = counts[_shape(text)] >= max(2, pages // 2) and len(text) < 100
                if running or _PAGE_NUMBER.match(text) or _BARE_NUMBER.match(text):
                    drop.add(i)
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text) and not line.heading:
            drop.add(i)
    if not drop:
        return lines, 0
    # a page break ends a block; a paragraph that ran across it is joined again by _rejoin_broken
    kept = [SourceLine("", line.number) if i in drop else line for i, line in enumerate(lines)]
    return kept, len(drop)


# --- joining wrapped lines --------------------------------------------------------------------------------

# A line that ends a unit: closing punctuation, or a list joint ("...; and", "..., or") before the next point.
_ENDS = re.compile(r"(?:[.;:,!?)\]\"']|[;,]\s*(?:and|or|und|oder|en|of|et|ou|y|e|o))$")
_HYPHENATED = re.compile(r"(\w+)-$")


def _vocabulary(lines: list[SourceLine]) -> Counter[str]:
    words: Counter[str] = Counter()
    for line in lines:
        words.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", line.text))
    return words


def _join(left: str, right: str, vocabulary: Counter[str]) -> str:
    match = _HYPHENATED.search(left)
    if match and right[:1].islower():
        head = match.group(1)
        tail = re.match(r"\w+", right)
        if tail:
            joined, hyphenated = (head + tail.group(0)).lower(), f"{head}-{tail.group(0)}".lower()
            if vocabulary[hyphenated] > vocabulary[joined]:
                return left + right
            return left[:-1] + right
    return f"{left} {right}"


def units(lines: list[SourceLine]) -> list[Unit]:
    """Join the lines of each paragraph into one unit; headings and numbered lines open units of their own."""
    vocabulary = _vocabulary(lines)
    out: list[Unit] = []
    current: list[str] = []
    first: SourceLine | None = None
    block_start = True
    after_heading = False

    def flush() -> None:
        nonlocal current, first
        if first is not None and current:
            text = current[0]
            for piece in current[1:]:
                text = _join(text, piece, vocabulary)
            out.append(
                Unit(text, first.number, first.heading, first.emphasis, first.bullet, block_start_of_first)
            )
        current, first = [], None

    block_start_of_first = True
    for line in lines:
        text = clean(line.text)
        if not text:
            flush()
            block_start, after_heading = True, False
            continue
        opens = (
            first is None
            or line.heading
            or line.bullet
            or line.emphasis
            or first.heading
            or first.emphasis
            or after_heading
            or (patterns.starts_unit(text) and bool(_ENDS.search(current[-1])))
            or _standalone_heading(current[-1], block_start_of_first, len(current))
        )
        if opens:
            flush()
            first, current = line, [text]
            block_start_of_first = block_start
            # the line after a bare heading is its title or its first paragraph; the line after a title
            # is the first paragraph
            after_heading = _standalone_heading(text, block_start, 1) or (after_heading and _title_like(text))
        else:
            current.append(text)
            after_heading = False
        block_start = bool(line.heading)
    flush()
    return _rejoin_broken(out)


def _rejoin_broken(units: list[Unit]) -> list[Unit]:
    """A paragraph cut by a page break or a stray blank line: the second piece starts in lower case and the
    first does not end a sentence. Join them back."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and unit.text[:1].islower()
            and not (unit.heading or unit.emphasis or unit.bullet or prev.heading or prev.emphasis)
            and prev.text[-1:] not in (".", ";", ":", "!", "?")
            and not patterns.starts_unit(unit.text)
            and not _standalone_heading(prev.text, prev.block_start, 1)
        ):
            out[-1] = Unit(
                f"{prev.text} {unit.text}",
                prev.line,
                prev.heading,
                prev.emphasis,
                prev.bullet,
                prev.block_start,
            )
        else:
            out.append(unit)
    return out


def _title_like(text: str) -> bool:
    return len(text) < 100 and not patterns.starts_unit(text) and text[-1] not in ".;:,"


def _standalone_heading(text: str, block_start: bool, count: int) -> bool:
    """A plain-text heading line (``Article 5``, ``CHAPTER II``) that stands alone at the start of a block:
    the line after it is its title or its first paragraph, never a continuation."""
    if not block_start or count != 1:
        return False
    if patterns.PLACEHOLDER.match(text):
        return False
    match = patterns.ARTICLE.match(text) or patterns.DIVISION.match(text)
    return match is not None and len(text) < 120 and not match.group("rest").strip()
