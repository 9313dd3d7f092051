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

from treatydiff.load import contents, patterns
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
        "\u2026": "...",  # a typographic ellipsis is the three full stops another format types
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
_DOUBLE_QUOTES = re.compile(r"``|''")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0 but line breaks, DEL, C1 (U+009B is a CSI)
#: The other invisible format characters (bidirectional controls, invisible operators, the Mongolian vowel
#: separator, language tags, interlinear annotation marks): they are never words, and left in they would let a
#: word hide from the comparisons ("m\u2061ay"). ``treatydiff.confusables.hidden_in_words`` says where they were.
#: Every invisible character ``clean`` removes (``_CHAR_MAP``'s and ``_FORMAT``'s): a quick test of a raw line.
INVISIBLE = re.compile("[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                       "\ufff9-\ufffb\U000e0000-\U000e007f]")
_FORMAT = re.compile("[\u061c\u180e\u202a-\u202e\u2061-\u2064\u2066-\u206f\ufff9-\ufffb\U000e0000-\U000e007f]")


def clean(text: str) -> str:
    """One line of text with its characters normalised, letter-spaced words joined back, its spaces collapsed."""
    text = unspaced(unicodedata.normalize("NFC", text))
    if _LIGATURES.search(text):
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _FORMAT.sub("", _CONTROL.sub("", text.translate(_CHAR_MAP)))
    if "``" in text or "''" in text:
        text = _DOUBLE_QUOTES.sub('"', text)
    return " ".join(text.split())  # ``\s`` and ``str.isspace`` agree: spaces collapsed, ends stripped


_WIDE_GAP = re.compile(r"\s{2,}")
#: How every letter-spaced line begins: a letter and a space, or a short number and a wide gap (a test cheaper
#: than the split below, which most lines fail).
_SPREAD_START = re.compile(r"\s*(?:\S\s|\w{1,4}\s{2})")


def unspaced(text: str) -> str:
    """A letter-spaced line joined back into words: "C h a r t s  a n d  l i s t s" -> "Charts and lists".

    Headings set with wide tracking come out of the PDF a space between every two letters, and two or more
    between words. A line is joined only when every one of its words is so (three letters at least, letters
    only: a row of figures "1 2 3" or a list "(a) (b)" stays) but for a short number or numeral standing alone
    between them, so that ordinary text never is."""
    if not _SPREAD_START.match(text):
        return text
    words = _WIDE_GAP.split(text.strip())
    spread = [word.split(" ") for word in words]
    if not any(len(letters) >= 3 for letters in spread) or not all(
        len(letters) >= 2 or len(words) > 1 for letters in spread
    ):
        return text
    if not all(len(ch) == 1 and ch.isalpha() for letters in spread if len(letters) > 1 for ch in letters):
        return text
    if not all(letters[0].isalnum() and len(letters[0]) <= 4 for letters in spread if len(letters) == 1):
        return text  # a word on its own between spread ones: a number ("S e c t i o n  2"), a numeral ("I")
    lead = text[: len(text) - len(text.lstrip())]
    return lead + " ".join("".join(letters) for letters in spread)


# --- page furniture ---------------------------------------------------------------------------------------
#
# Paged formats (PDF, text with form feeds) repeat things on every page that are not part of the draft. Each rule
# below looks only at the edges of a page (its first and last few lines), except the unmistakable page numbers,
# and none is keyed to one document: they are the forms UN, Council, Commission and national printers use.

# Page numbers: "- 3 -", "3/41", "Page 3", "Page 3 of 41", "p. 3", "Seite 3 von 41".
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*\d{1,4}\s*-|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.|seite|pagina)\s*\d{1,4}(?:\s*(?:of|/|von|van)\s*\d{1,4})?)$",
    re.I,
)
# A number alone on the first or last line of a page is its page number.
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# Print job numbers (UN "V.21-01234 (E)", "GE.22-12345  (E)  061222  071222", "21-12345 (F)") and the bar code
# printed under them ("*2112345*"): they identify the print run, never the text.
_PRINT_JOB = re.compile(
    r"^(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\d{6}){0,2}(?:\s*\*\d{6,}\*)?$|^\*\d{6,}\*$"
)
# Distribution and classification stamps at a page edge ("LIMITE", "RESTREINT UE/EU RESTRICTED", "Distr.: General").
_CLASSIFICATION = re.compile(
    r"^(?:LIMITE|RESTREINT UE(?:\s*/\s*EU RESTRICTED)?|EU RESTRICTED|RESTRICTED|CONFIDENTIAL|"
    r"CONFIDENTIEL UE(?:\s*/\s*EU CONFIDENTIAL)?|UNCLASSIFIED|Distr\.?:?\s*(?:General|Limited|Restricted))$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
#: How many non-blank lines at the top and at the bottom of a page count as its edges.
_EDGE = 3


def looks_like_furniture(text: str) -> bool:
    """Is this line, wherever it stands, a page number, a print job number or a classification stamp?"""
    text = text.strip()
    return bool(
        _PAGE_NUMBER.match(text) or _BARE_NUMBER.match(text) or _PRINT_JOB.match(text) or _CLASSIFICATION.match(text)
    )


def _keys(text: str, page: int) -> list[tuple[str, int | None]]:
    """How a line can recur from page to page: as the same text (``None``), or as the same text with one of its
    numbers counting up with the pages (the number minus the page index stays the same), as in
    ``15698/22 RB/ek 4`` or ``EN 4 EN``. "Article 3" on one page and "Article 7" on the next does not recur."""
    low = text.lower()
    keys: list[tuple[str, int | None]] = [(low, None)]
    if patterns.ARTICLE.match(text) or patterns.DIVISION.match(text) or patterns.starts_unit(text):
        return keys  # a heading or a numbered paragraph whose number keeps step with the pages is a coincidence
    for number in list(_DIGITS.finditer(low))[:4]:
        if len(number.group(0)) <= 4:
            keys.append((low[: number.start()] + "#" + low[number.end() :], int(number.group(0)) - page))
    return keys


def _heading_shape(shape: str) -> bool:
    """A running line's shape (lower case) that is an article or division heading ("article 2", "part ii")."""
    text = shape.capitalize()
    return bool(patterns.ARTICLE.match(text) or patterns.DIVISION.match(text))


def _page_edges(lines: list[SourceLine]) -> list[list[int]]:
    """For each page, the indices of its first and last few non-blank lines. Footnote definitions that a reader
    placed after a paragraph are text, never an edge."""
    breaks = [i for i, line in enumerate(lines) if line.page_break]
    starts = sorted({0, *breaks})
    edges: list[list[int]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = [
            i for i in range(start, end) if lines[i].text.strip() and not patterns.FOOTNOTE_DEF.match(lines[i].text)
        ]
        edges.append(sorted(set(body[:_EDGE] + body[-_EDGE:])))
    return edges


def strip_furniture(lines: list[SourceLine]) -> tuple[list[SourceLine], int]:
    """Drop running headers/footers and page numbers. Pages are told by page breaks (form feeds, PDF pages);
    without them only unmistakable page numbers (``- 3 -``, ``Page 3 of 41``) go. Returns the kept lines and how
    many went."""
    drop: set[int] = set()
    if any(line.page_break for line in lines):
        edges = _page_edges(lines)
        pages = len(edges)
        counts: Counter[tuple[str, int | None]] = Counter()
        for page, indices in enumerate(edges):
            keys = [key for i in indices for key in _keys(clean(lines[i].text), page)]
            # a running line appears once on a page: "Article 4", "Article 5", "Article 6" at the edges of one
            # page are headings, even if one of them happens to count up with the pages
            shapes = Counter(shape for shape, offset in keys if offset is not None)
            counts.update({key for key in keys if key[1] is None or shapes[key[0]] == 1})
        # Running headers and footers: the same short line at the edges of at least half the pages (a document
        # symbol like "A/AC.291/22" or "COM(2021) 206 final", "TREE.2.B EN"), or the same line with a number that
        # counts up with the pages on at least a quarter of them (three at the least): "15698/22 RB/ek 4".
        # Once a shape is known to run, it goes on every page, even where the numbering restarts.
        same = max(2, pages // 2)
        counting = max(3, pages // 4)
        # an article or division heading at the edge of two pages of a short document is a coincidence
        running = {
            shape
            for (shape, offset), n in counts.items()
            if n >= (counting if offset is not None else max(3, same) if _heading_shape(shape) else same)
        }
        for page, indices in enumerate(edges):
            for i in indices:
                text = clean(lines[i].text)
                known = len(text) < 100 and any(shape in running for shape, _ in _keys(text, page))
                # or a bare number, a print job number or a classification stamp at a page edge
                if known or looks_like_furniture(text):
                    drop.add(i)
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text.strip()) and not line.heading:
            drop.add(i)
    if not drop:
        return lines, 0
    if not any(line.page_break for line in lines):
        # no pages: a dropped page number ends a block, as the blank line around it would
        return [SourceLine("", line.number) if i in drop else line for i, line in enumerate(lines)], len(drop)
    return _close_gaps(lines, drop), len(drop)


_SENTENCE_END = re.compile(r"[.;:!?]['\")\]]*$")


def _close_gaps(lines: list[SourceLine], drop: set[int]) -> list[SourceLine]:
    """Remove the dropped lines with the blank lines around them, and say with one blank line (or none) whether
    the text before and after them is one paragraph. A paragraph runs on over the page break when the line
    before does not end a sentence and the line after is not a bare heading (``Article 60``, ``CHAPTER II``):
    ``... referred to in Article`` + ``60. The provider ...`` is one sentence, not a paragraph numbered 60."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        if i not in drop:
            out.append(lines[i])
            i += 1
            continue
        # the run of dropped lines and the blank lines around it
        while out and not out[-1].text.strip():
            out.pop()
        end = i
        while end < len(lines) and (end in drop or not lines[end].text.strip()):
            end += 1
        before = out[-1] if out else None
        after = lines[end] if end < len(lines) else None
        if before is not None and after is not None and not _runs_on(before, after):
            out.append(SourceLine("", lines[i].number))
        if after is not None and any(lines[k].page_break for k in range(i, end)) and not after.page_break:
            # the page break moves to the first line kept on the page, so pages stay countable
            out.append(
                SourceLine(after.text, after.number, after.heading, after.emphasis, after.bullet, after.indent, True)
            )
            end += 1
        i = end
    return out


def _runs_on(before: SourceLine, after: SourceLine) -> bool:
    """Does the paragraph of ``before`` go on in ``after`` (text cut only by page furniture)?"""
    if before.heading or after.heading or before.emphasis or after.emphasis:
        return False
    left, right = clean(before.text), clean(after.text)
    if not left or not right or _SENTENCE_END.search(left) or patterns.FOOTNOTE_DEF.match(right):
        return False
    return not _standalone_heading(right, True, 1) and not patterns.PLACEHOLDER.match(right)


# --- joining wrapped lines --------------------------------------------------------------------------------

# A line that ends a unit: closing punctuation, or a list joint ("...; and", "..., or") before the next point.
_ENDS = re.compile(rf"(?:[.;:,!?)\]\"']|[;,]\s*(?:{'|'.join(patterns.LIST_JOINERS)}))$")


#: The words that open a clause of a treaty's preamble (the UN's list, in English, and the French forms): after a
#: line that ends its clause with a comma or semicolon, such a line starts the next clause, gap or no gap.
_PREAMBLE_CLAUSE = re.compile(
    r"^(?:Acknowledging|Affirming|Alarmed|Aware|Bearing in mind|Believing|Cognizant|Concerned|Conscious|"
    r"Considering|Convinced|Deeply|Desiring|Determined|Emphasi[sz]ing|Encouraged|Expressing|Guided|Having|"
    r"Keeping in mind|Mindful|Noting|Prompted|Inspired|Desirous|Persuaded|Reaffirming|Reali[sz]ing|Recalling|"
    r"Recogni[sz]ing|Reiterating|Resolved|"
    r"Seeking|Stressing|Taking into account|Underlining|Welcoming|Wishing|Considérant|Conscients?|Convaincus?|"
    r"Rappelant|Reconnaissant|Notant|Soulignant|Réaffirmant|Désireux|Résolus?|Ayant"
    r"|Have agreed|HAVE AGREED|Have adopted|HAVE ADOPTED|Agree as follows|Sont convenus|SONT CONVENUS"
    rf"|{patterns.RECITAL_OPENERS}|{patterns.AGREED_FORMULAS})(?!\w)"
)

#: "p. 44)." opening a line: the page of a reference cut at the line end ("(OJ L 138, 26.5.2016," / "p. 44)."),
#: not a point "p." (a point's label is followed by words, never by a number)
_PAGE_REFERENCE = re.compile(r"^pp?\.\s*\d")

_RULE = re.compile(r"^(?:[_=~*\u00b7\u2022-]\s*){3,}$")


class _Vocabulary:
    """How often each word (lower case, hyphenated compounds as one) occurs in the draft, counted the first time a
    line that ends in a hyphen asks (most drafts have none, and counting is a fifth of the time to join lines)."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self._lines: list[SourceLine] | None = lines
        self._counts: Counter[str] = Counter()

    def __getitem__(self, word: str) -> int:
        if self._lines is not None:
            for line in self._lines:
                self._counts.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", line.text))
            self._lines = None
        return self._counts[word]


#: How much of the end of a paragraph joined so far ``_joint`` looks at: more than any word, and never the whole
#: paragraph again for each of its lines (that made joining a paragraph of many lines quadratic).
_TAIL = 1000


def _hyphenated_word(text: str) -> str:
    """The word before the hyphen that ends ``text`` (``com-`` -> ``com``), or "". Scanned from the end: a regex
    search would try every start in the text."""
    if not text.endswith("-"):
        return ""
    start = end = len(text) - 1
    while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # what ``\w`` matches
        start -= 1
    return text[start:end]


def _joint(left: str, right: str, vocabulary: _Vocabulary) -> tuple[bool, str]:
    """How the text so far (``left``, or its end) and the next line ``right`` join: whether the hyphen that ends
    ``left`` goes, and what stands between them ("" or a space)."""
    head = _hyphenated_word(left)
    if head and right[:1].islower():
        tail = re.match(r"\w+", right)
        if tail:
            joined, hyphenated = (head + tail.group(0)).lower(), f"{head}-{tail.group(0)}".lower()
            if vocabulary[hyphenated] > vocabulary[joined]:
                return False, ""
            # "drawn-" + "up": the joined word is nowhere in the draft but both halves are words of it (seen
            # again elsewhere: the split itself counts once each), so the hyphen was the compound's own
            if not vocabulary[joined] and vocabulary[head.lower()] >= 2 and vocabulary[tail.group(0).lower()] >= 2:
                return False, ""
            return True, ""
    return False, " "


def _joined(pieces: list[str], vocabulary: _Vocabulary, glued: frozenset[int] = frozenset()) -> str:
    """The lines of one paragraph as one text, in time linear in its length; the lines at the indices ``glued``
    run on from the line before with no space."""
    parts = [pieces[0]]
    end = pieces[0][-_TAIL:]
    for k, piece in enumerate(pieces[1:], start=1):
        drop, space = (False, "") if k in glued else _joint(end, piece, vocabulary)
        if drop:
            parts[-1], end = parts[-1][:-1], end[:-1]
        parts += [space, piece]
        end = (end + space + piece)[-_TAIL:]
    return "".join(parts)


def units(lines: list[SourceLine]) -> list[Unit]:
    """Join the lines of each paragraph into one unit; headings and numbered lines open units of their own."""
    vocabulary = _Vocabulary(lines)
    out: list[Unit] = []
    current: list[str] = []
    glued: set[int] = set()  # the lines of ``current`` that run on from the one before
    first: SourceLine | None = None
    block_start = True
    after_heading = False

    def flush() -> None:
        nonlocal current, first
        if first is not None and current:
            out.append(
                Unit(
                    _joined(current, vocabulary, frozenset(glued)),
                    first.number,
                    first.heading,
                    first.emphasis,
                    first.bullet,
                    block_start_of_first,
                    first.ref,
                )
            )
        current, first = [], None
        glued.clear()

    block_start_of_first = True
    previous: SourceLine | None = None  # the last line with text
    listing = False  # inside a table of contents, after its heading: each entry is a unit of its own
    for line in lines:
        text = clean(line.text)
        if _RULE.match(text):
            text = ""  # a typographic rule ("__________", "* * *") carries no words: it ends a paragraph
        if not text:
            flush()
            block_start, after_heading = True, False
            continue
        listing = listing and _listed(text)
        if line.page_break and not line.glued and previous is not None and not _runs_on(previous, line):
            # a new page ends the paragraph as a blank line would, as where page furniture was removed
            # (``_close_gaps``): it goes on over the break only when its last line does not end a sentence and
            # the page does not open with a heading
            flush()
            block_start, after_heading = True, False
        bare = bool(current) and _heading_without_gap(current[-1], text)
        if bare:
            block_start = True
        opens = (
            bare
            or first is None
            or (bool(_PREAMBLE_CLAUSE.match(text)) and current[-1].endswith((",", ";", ":")))
            or line.heading
            or line.bullet
            or line.emphasis
            or first.heading
            or first.emphasis
            or after_heading
            or (patterns.starts_unit(text) and bool(_ENDS.search(current[-1])) and not _PAGE_REFERENCE.match(text))
            or _standalone_heading(current[-1], block_start_of_first, len(current))
            or (len(current) == 1 and block_start_of_first and _titled_article(current[0]) and _body_start(text))
            # a table of contents: each entry ends at its leader and page number; its heading stands alone
            or contents.has_leader(current[-1])
            or (len(current) == 1 and contents.is_heading(current[0]))
            or (listing and (contents.ends_with_page(current[-1]) or _structure_word(text)))
        )
        if opens:
            flush()
            first, current = line, [text]
            block_start_of_first = block_start
            # the line after a bare heading is its title or its first paragraph; the line after a title
            # is the first paragraph
            after_heading = _standalone_heading(text, block_start, 1) or (after_heading and _title_like(text))
            listing = listing or contents.is_heading(text)
        else:
            if line.glued:
                glued.add(len(current))
            current.append(text)
            after_heading = False
        block_start = bool(line.heading)
        previous = line
    flush()
    return _rejoin_broken(out)


#: The end of a text cut in the middle of a list of references: "... point (d)," or "... (2), (3) and".
_CUT_IN_A_LIST = re.compile(r"(?:,|\b(?:and|or|to|und|oder|bis|et|ou|en|of|tot|y|o|e))$")


def _rejoin_broken(units: list[Unit]) -> list[Unit]:
    """A paragraph cut by a page break or a stray blank line: the second piece starts in lower case and the
    first does not end a sentence, or the first stops in a list of references and the second goes on with it
    ("... point (d), (2)," + "(3) and (4) of this Regulation ..."). Join them back. A piece that opens with a label
    is not in lower case ("a) and b) will be calculated ..." may start a paragraph of its own). A unit whose
    reader named its element (``ref``, e.g. an Akoma Ntoso ``wrapUp`` after the last point) is whole by
    construction and never joined."""
    out: list[Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        reference = patterns.reference_list(unit.text)
        if (
            prev is not None
            and (
                (unit.text[:1].islower() and not reference)
                or (reference and bool(_CUT_IN_A_LIST.search(prev.text)))
            )
            and not unit.ref
            and not (unit.heading or unit.emphasis or unit.bullet or prev.heading or prev.emphasis)
            and prev.text[-1:] not in (".", ";", ":", "!", "?")
            and not patterns.starts_unit(unit.text)
            and not _standalone_heading(prev.text, prev.block_start, 1)
            # "признавая, что ...,": a clause of a preamble in a language that opens it in lower case
            and not (prev.text.endswith((",", ";")) and _PREAMBLE_CLAUSE.match(unit.text))
        ):
            out[-1] = Unit(
                f"{prev.text} {unit.text}",
                prev.line,
                prev.heading,
                prev.emphasis,
                prev.bullet,
                prev.block_start,
                prev.ref,
            )
        else:
            out.append(unit)
    return out


def _structure_word(text: str) -> bool:
    """The line starts with an article, division or annex word and its number."""
    return bool(patterns.ARTICLE.match(text) or patterns.DIVISION.match(text))


def _listed(text: str) -> bool:
    """A line a table of contents may hold: an entry (a heading, its title) or its page number."""
    return (
        contents.has_leader(text)
        or contents.ends_with_page(text)
        or contents.is_page_furniture(text)
        or _structure_word(text)
        or (len(text) < 80 and text[-1] not in ".;:,")
    )


def _title_like(text: str) -> bool:
    return len(text) < 100 and not patterns.starts_unit(text) and text[-1] not in ".;:,"


#: A US bill's section heading as GPO prints it, its title closed by a full stop ("SEC. 2. DEFINITIONS.",
#: "SECTION 1. SHORT TITLE.", "Sec. 2. Definitions." in its table of contents): the line after it is a new unit.
_BILL_SECTION = re.compile(r"^(?:SEC\.|Sec\.|SECTION)\s*\d+[A-Z]{0,2}\.\s+\S.{0,200}\.$")


def _heading_without_gap(before: str, text: str) -> bool:
    """``text`` opens a unit though no blank line comes before it: "Article 2" (or "CHAPTER II"), nothing else on
    its line, after a line that ends a sentence (the file left the blank line out), or after a division's line
    that holds its title; a division's number and title after a sentence's full stop; a bill's sections and titles
    listed line by line in its table of contents, each its own line."""
    ends = bool(_ENDS.search(before))
    if _BILL_SECTION.match(text):
        return ends or _heading_line(before)
    if _BILL_SECTION.match(before) and _heading_line(text):
        return True
    alone = _standalone_heading(text, True, 1)
    if alone and _titled_division(before):
        return True  # "الفرع الأول - الملك" then "مادة 32": the division's line holds its title
    article = patterns.ARTICLE.match(text)
    if article is not None and not article.group("rest")[:1].isalnum():  # (not "Article 5a")
        word, rest = article.group("word"), article.group("rest")
        runs_on = patterns.run_on(word, rest) is not None
        if word in patterns.UNTITLED_WORDS and (not rest.strip() or runs_on):
            return True  # "مادة 120" after a sentence left without its full stop: such a line always opens
        if ends and (patterns.deletion_only(rest) or runs_on):
            return True  # "Article 2 [deleted]", "Статья 2. ...", "第二条　..." after a sentence
    return (ends and alone) or (before[-1:] in ".!?" and _titled_division(text))


def _titled_article(text: str) -> bool:
    """An article's heading and its title on one line ("Статья 1. Основные начала ...", "Artículo 2. Ámbito de
    aplicación.", "Article 5 Scope"): the line after it is the article's text, not more of its title (a title
    wrapped onto a line that starts in lower case stays one)."""
    match = patterns.ARTICLE.match(text)
    if match is None or match.start("word") or len(text) >= 120 or match.group("rest")[:1].isalnum():
        return False  # (not "(3) Artikel 44 Abs. 1 findet ...", a paragraph that begins with a reference)
    title = match.group("rest").strip(" -\u2013\u2014:").lstrip(". ")
    if match.group("word") in patterns.STOPPED_TITLE_WORDS:
        if not title.endswith(".") or ". " in title:
            return False  # "Artículo cuarto. Modificación de la Ley 20/1990, ... sobre Régimen" goes on
        title = title[:-1]  # "Artículo 2. Ámbito de aplicación."
    return _a_title(title) and not patterns.PLACEHOLDER.match(match.group("rest"))


def _body_start(text: str) -> bool:
    """Can this line open an article's text after its heading: a numbered paragraph, or a line of three words or
    more that does not go on in lower case (a title wrapped onto its second line, "Anwendung.", is short)?"""
    return patterns.starts_unit(text) or (not text[:1].islower() and len(text.split()) >= 3)


def _titled_division(text: str) -> bool:
    """A division's number and its title on one line ("CHAPTER II - Scope", "الفصل الثاني - الملك والوزراء"),
    nothing that goes on a sentence ("Chapter 5 of the Regulation shall ...")."""
    match = patterns.DIVISION.match(text)
    if match is None or not match.group("number") or len(text) >= 120:
        return False
    return _a_title(match.group("rest").strip(" -\u2013\u2014:."))


def _a_title(text: str) -> bool:
    """Words after a heading's number that read as its title: they begin with a letter that is no lower-case one
    and read as a title line does (``_title_like``)."""
    return bool(text) and text[0].isalpha() and not text[0].islower() and _title_like(text)


def _heading_line(text: str) -> bool:
    """A whole line that reads as a heading: a bill's section, or a division ("TITLE I--LAMPS")."""
    return len(text) < 120 and bool(_BILL_SECTION.match(text) or patterns.DIVISION.match(text))


def _standalone_heading(text: str, block_start: bool, count: int) -> bool:
    """A plain-text heading line (``Article 5``, ``CHAPTER II``) that stands alone at the start of a block:
    the line after it is its title or its first paragraph, never a continuation."""
    if not block_start or count != 1:
        return False
    if _BILL_SECTION.match(text):
        return True
    if patterns.PLACEHOLDER.match(text):
        return False
    if len(text) < 120 and patterns.ANNEX_GROUP.match(text):
        return True  # "ANNEXES", "Annexes I to III"
    match = patterns.ARTICLE.match(text) or patterns.DIVISION.match(text)
    # "Article 1." and "Art. 1." stand alone as "Article 1" does
    return match is not None and len(text) < 120 and not match.group("rest").strip(" .:")
