"""Stage 1, load: one reader per format turns a draft's bytes into SourceLines; registered by format name.

A reader gets the raw bytes (``RawDraft``) and the ``LoadOptions`` and returns the lines with their hints
(``Read``). Text formats register a function of the decoded text instead (``register_text``): decoding is
shared (``decode.py``). Each reader may also say how to recognise its format from the first bytes
(``sniff``), so a ``.txt`` file that holds HTML is read as HTML. The readers in modules of their own (HTML, XML,
PDF, DOCX) are listed here (``register_module``) and imported when a file of theirs is read, or sniffed past a
cheap test of its first bytes: a Markdown draft is read without them. A new reader is a new module and one line
here.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from treatydiff.lang.base import UNSPACED, compiled
from treatydiff.load.amendments import run_together
from treatydiff.load.decode import RawDraft, decode
from treatydiff.load.lines import SourceLine
from treatydiff.model import Diagnostic, LoadOptions


@dataclass(frozen=True, slots=True)
class Read:
    """What a reader found: the lines of the draft with their hints, and what it was unsure about."""

    lines: list[SourceLine]
    warnings: tuple[Diagnostic, ...] = ()
    #: the file's revision marks, as ``markup.describe`` says them; "" when it carries none (then its original
    #: and final texts are one)
    marks: str = ""
    #: for a marked file, the lines of another view ("final", "original"), worked out when asked
    view_of: Callable[[str], list[SourceLine]] | None = None


ReadBytes = Callable[[RawDraft, LoadOptions], Read]
ReadText = Callable[[str], list[SourceLine]]


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    read: ReadBytes
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], bool] | None = None
    #: the format in words, as the help and the README name it ("Akoma Ntoso XML")
    title: str = ""


#: Readers by format name, in the order content sniffing tries them.
READERS: dict[str, Reader] = {}
#: File extensions (lower case, no dot) -> format name.
EXTENSIONS: dict[str, str] = {}


def register(
    name: str, *extensions: str, sniff: Callable[[bytes], bool] | None = None, title: str = ""
) -> Callable[[ReadBytes], ReadBytes]:
    """Decorator: ``func(raw, options) -> Read`` reads format ``name`` (files ``*.name``, ``*.ext``...), which
    ``title`` names in words (the help lists it)."""

    def wrap(func: ReadBytes) -> ReadBytes:
        READERS[name] = Reader(name, func, (name, *extensions), sniff, title or name)
        for ext in (name, *extensions):
            EXTENSIONS[ext] = name
        return func

    return wrap


def register_text(
    name: str, *extensions: str, sniff: Callable[[bytes], bool] | None = None, title: str = ""
) -> Callable[[ReadText], ReadText]:
    """Decorator for a text format: ``func(text) -> lines``; the bytes are decoded first (BOMs, cp1252)."""

    def wrap(func: ReadText) -> ReadText:
        def read(raw: RawDraft, options: LoadOptions) -> Read:
            text, warnings = decode(raw)
            lines = func(text)
            return Read(lines, (*warnings, *run_together(lines)))

        register(name, *extensions, sniff=sniff, title=title)(read)
        return func

    return wrap


#: Line breaks other than ``\n``, ``\r\n`` and ``\r`` (``str.splitlines`` breaks at them too): vertical tab (Word's
#: manual line break), form feed, NEL, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
_BREAKS = re.compile("[\v\f\x85\u2028\u2029]")


def _split(text: str) -> list[tuple[int, str, bool]]:
    r"""Lines with their 1-based numbers and whether a new page starts at them.

    The numbers count ``\n``, ``\r\n`` and ``\r`` line ends, as an editor does. A line is also cut at the other
    line breaks (``_BREAKS``), each piece with the line's number: U+2029 leaves a blank line (it ends a
    paragraph), and a form feed starts a new page with the text after it."""
    out: list[tuple[int, str, bool]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not _BREAKS.search(line):
            out.append((number, line, False))
            continue
        start, page_break = 0, False
        for found in _BREAKS.finditer(line):
            piece, char = line[start : found.start()], found.group()
            if char != "\f" or piece.strip():  # a form feed with no text before it only starts a page
                out.append((number, piece, page_break))
                page_break = False
            if char == "\u2029":
                out.append((number, "", False))
            page_break = page_break or char == "\f"
            start = found.end()
        out.append((number, line[start:], page_break))
    return out


@register_text("txt", "text", title="plain text")
def read_text(text: str) -> list[SourceLine]:
    """Plain text: every line as it is; indentation kept as a hint."""
    return [
        SourceLine(line.strip(), number, indent=len(line) - len(line.lstrip()), page_break=pb)
        for number, line, pb in _split(text)
    ]


# --- Markdown ---------------------------------------------------------------------------------------------

# An ATX heading's opening hashes; its text is the rest without the spaces and closing hashes around it, cut
# off with ``str.strip`` (``\s*(.*?)\s*#*\s*$`` tried the end of the line from every character of a long run of
# spaces).
_HEADING = re.compile(r"\s{0,3}(#{1,6})")
_LIST_HEADING = re.compile(r"^((?:\d{1,3}|[a-z])[.)]\s+)#{1,6}\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = re.compile(r"^[*+-]\s+(?=\S)")
# The patterns below are applied to whole lines, which a hostile file makes 1 MB long. None may scan the rest of
# the line again from each of many starts: what a run may hold stops at the next place a match could start
# ("[", "(", "{", "<"), so the scans from successive starts never overlap and a line costs time linear in its
# length. (``[^)]*`` in ``_IMAGE`` once took minutes for a line of "![a](".)
# A table separator (``|---|:--:|``): only "-", ":", "|" and spaces, with a "|" after its first character; written
# so that no two parts can match the same characters (``\|?[-:| ]+\|`` was quadratic on "| | | ... x").
_RULE_OR_TABLE_LINE = re.compile(r"(\*\s*){3,}|(-\s*){3,}|(_\s*){3,}|=+|[-:| ][-: ]*\|[-:| ]*")
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^)\[]*\)")
_LINK = re.compile(
    r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"
)
_REF_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\[([^\[\]]*)\]")
# a label never runs on over a line end (``[^\]]*`` did, and read the rest of the file from every "[")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]^\n][^\]\n]*)\]:\s+\S.*$", re.M)
_SPAN = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\{[^{}]*\}")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BR = re.compile(r"<br\s*/?>", re.I)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_WHOLE_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1$")


def _inline(text: str, refs: frozenset[str] = frozenset()) -> str:
    """Markdown inline markup -> its words. Escapes are resolved last, so ``\\[deleted\\]`` stays a bracket.

    ``[a][b]`` is a reference link only when the document defines ``[b]:``; otherwise it is negotiating text
    (two bracketed alternatives) and every word of it stays."""
    # each pattern only runs when the characters it needs are on the line (most lines are plain words)
    if "[" in text:
        if refs:
            text = _REF_LINK.sub(lambda m: _reference(m, refs), text)
        for _ in range(3):  # nested links and spans
            new = _SPAN.sub(r"\1", _LINK.sub(r"\1", _IMAGE.sub(r"\1", text)))
            if new == text:
                break
            text = new
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", _TAG.sub("", _BR.sub(" ", text)))
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text or "~" in text:
        for _ in range(2):
            for spans in _EMPHASIS:
                if spans.mark in text:
                    text = spans.strip(text)
    if "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", text)


class _Spans:
    r"""One kind of emphasis (``*a*``, ``**a**``, ``_a_``) or strike-through (``~~a~~``): each span on a line -> its
    words. The spans are those of the pattern ``(?<!B)(M{widths})(?=\S)(.+?)(?<=\S)\1(?!A)``, found without it:
    that pattern scanned the rest of the line from every opener, and a line of "*a " took minutes. Here the
    places a closer of each width may stand are listed once, and each opener takes the first one after it.

    ``opener``: where a span may start (its first mark); ``closer``: a zero-width pattern for where a closer of
    ``{k}`` marks may start. Openers try their widths in order, the longest first, as ``M{1,3}`` does."""

    def __init__(self, mark: str, widths: tuple[int, ...], opener: str, closer: str) -> None:
        self.mark, self.widths = mark, widths
        # (compiled on first use: their word boundaries hold the unspaced scripts' 28,000 characters, some 1.5 ms
        # each to compile, which a command that reads no Markdown should not pay)
        self._opener, self._closers = opener, {k: closer.format(k=k) for k in widths}

    def strip(self, text: str) -> str:
        if "\n" in text:  # a span never runs over a line end
            return "\n".join(self.strip(line) for line in text.split("\n"))
        closers = {k: [m.start() for m in compiled(pattern).finditer(text)] for k, pattern in self._closers.items()}
        if not any(closers.values()):
            return text
        out: list[str] = []
        done = 0
        for match in compiled(self._opener).finditer(text):
            start = match.start()
            if start < done:
                continue
            for k in self.widths:
                if text.startswith(self.mark * k, start) and start + k < len(text) and not text[start + k].isspace():
                    places = closers[k]
                    at = bisect.bisect_left(places, start + k + 1)  # the words between are not empty
                    if at < len(places):
                        out += [text[done:start], text[start + k : places[at]]]
                        done = places[at] + k
                        break
        return "".join(out) + text[done:] if out else text


# ("*认识到*沿海湿地": a script without spaces has none around a span, and its letters may stand next to the marks)
_EMPHASIS = (
    _Spans("*", (3, 2, 1), rf"(?<![*\\])(?<![^\W{UNSPACED}])\*(?=\S)",
           rf"(?<=\S)(?=\*{{{{{{k}}}}}}(?![^\W{UNSPACED}]|\*))"),
    _Spans("_", (3, 2, 1), r"(?<![\w\\])_(?=\S)", r"(?<=\S)(?=_{{{k}}}(?!\w))"),
    _Spans("~", (2,), r"(?<!~)~~(?=\S)", r"(?<=\S)(?=~~)"),
)


def _without_comments(text: str) -> str:
    """HTML comments removed, their line breaks kept (so line numbers stay). Found with ``str.find``: the pattern
    ``<!--.*?-->`` searched the rest of the file from every ``<!--`` when one is never closed."""
    if "<!--" not in text:
        return text
    out: list[str] = []
    done = 0
    while (start := text.find("<!--", done)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break  # never closed: no later comment can close either
        out += [text[done:start], "\n" * text.count("\n", start, end)]
        done = end + 3
    return "".join(out) + text[done:]


def _reference(match: re.Match[str], refs: frozenset[str]) -> str:
    """``[text][ref]`` -> ``text`` when the document defines ``ref``; otherwise the brackets stay."""
    return match.group(1) if (match.group(2) or match.group(1)).lower() in refs else match.group(0)


@register_text("md", "markdown", title="Markdown")
def read_markdown(text: str) -> list[SourceLine]:
    """Markdown (CommonMark, GitHub and pandoc flavours): headings become hints, markup is dropped, words stay."""
    text = _without_comments(text)
    refs = frozenset(m.group(1).lower() for m in _REF_DEF.finditer(text))
    raw = _split(text)
    out: list[SourceLine] = []
    skip_until: int = -1
    in_fence = False
    raw_fence = False
    # YAML front matter, and a leading <meta ...> line that some exporters write
    first = next((i for i, (_, line, _) in enumerate(raw) if line.strip()), 0)
    if raw and raw[first][1].strip() == "---":
        for j in range(first + 1, len(raw)):
            if raw[j][1].strip() in ("---", "..."):
                skip_until = j
                break
    for index, (number, line, page_break) in enumerate(raw):
        stripped = line.strip()
        if index <= skip_until or (index == first and stripped.lower().startswith("<meta")):
            out.append(SourceLine("", number))
            continue
        if refs and _REF_DEF.match(line):  # a link reference definition: markup, not text
            out.append(SourceLine("", number))
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            raw_fence = in_fence and "{=" in stripped  # pandoc raw HTML/LaTeX: markup, not text
            out.append(SourceLine("", number))
            continue
        if in_fence:
            out.append(SourceLine("" if raw_fence else stripped, number))
            continue
        if _RULE_OR_TABLE_LINE.fullmatch(stripped):
            out.append(SourceLine("", number))  # rules, setext underlines, table separators
            continue
        heading = 0
        match = _HEADING.match(line)
        if match:
            heading, line = len(match.group(1)), line[match.end() :].strip().rstrip("#").rstrip()
        body = line.lstrip()
        indent = len(line) - len(body)
        while body.startswith(">"):
            body = body[1:].lstrip()
        if body.startswith(":") and re.match(r":\s{2,}", body):  # pandoc definition-list value
            body = body[1:].lstrip()
        if "#" in body:
            body = _LIST_HEADING.sub(r"\1", body)  # "1.  ### Title": a heading inside a list item
        bullet = bool(_BULLET.match(body)) and not heading
        if bullet:
            body = _BULLET.sub("", body, count=1)
        whole = _WHOLE_EMPHASIS.match(body.rstrip())
        body = _inline(body, refs).strip()
        if body.startswith("|") and body.endswith("|"):  # a table row: cells as text
            body = " ".join(cell.strip() for cell in body.strip("|").split("|") if cell.strip())
        out.append(
            SourceLine(
                body,
                number,
                heading=heading,
                emphasis=bool(whole),
                bullet=bullet,
                indent=indent,
                page_break=page_break,
            )
        )
    return out


# --- readers in modules of their own, imported on first use --------------------------------------------------


def register_module(name: str, module: str, *extensions: str, title: str,
                    may_be: Callable[[bytes], bool]) -> None:
    """A reader in ``treatydiff/load/<module>.py``, imported when a file of its format is read, or when content
    sniffing needs its ``sniff``: only for a file whose first bytes pass ``may_be``, a cheap test that every file
    the reader's ``sniff`` accepts passes too. The module registers its reader when imported (``register``, with
    the same name, extensions and title), which takes this one's place. A Markdown draft needs none of them: the
    PDF, DOCX, HTML and XML readers are not imported to read it."""

    def read(raw: RawDraft, options: LoadOptions) -> Read:
        return _imported(name, module).read(raw, options)

    def sniff(head: bytes) -> bool:
        if not may_be(head):
            return False
        real = _imported(name, module).sniff
        return real is not None and real(head)

    READERS[name] = Reader(name, read, (name, *extensions), sniff, title)
    for ext in (name, *extensions):
        EXTENSIONS[ext] = name


def _imported(name: str, module: str) -> Reader:
    """The reader ``name`` once its module is imported (its own ``register`` replaced the stand-in)."""
    importlib.import_module(f"treatydiff.load.{module}")
    return READERS[name]


def _markup(head: bytes) -> bool:
    """A "<" in the first bytes (in UTF-8, Latin-1 or UTF-16 alike): markup may start there."""
    return b"<" in head


# In the order content sniffing tries them.
register_module("akn", "akn", "akomantoso", "xml", title="Akoma Ntoso XML",
                may_be=lambda head: _markup(head) or b"LegalDocML.de" in head)
register_module("formex", "formex", "fmx", title="Formex XML", may_be=_markup)
register_module("usbill", "usbill", title="US bill XML", may_be=_markup)
register_module("html", "html", "htm", "xhtml", title="HTML", may_be=_markup)
register_module("pdf", "pdf", title="PDF", may_be=lambda head: head.startswith(b"%PDF-"))
register_module("docx", "word", "docm", "dotx", "dotm", "doc", title="Word DOCX",
                may_be=lambda head: head.startswith(b"PK\x03\x04"))
