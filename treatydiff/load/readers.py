"""Stage 1, load: one reader per format turns a draft's bytes into SourceLines; registered by format name.

A reader gets the raw bytes (``RawDraft``) and the ``LoadOptions`` and returns the lines with their hints
(``Read``). Text formats register a function of the decoded text instead (``register_text``): decoding is
shared (``decode.py``). Each reader may also say how to recognise its format from the first bytes
(``sniff``), so a ``.txt`` file that holds HTML is read as HTML. Heavy libraries (PDF, DOCX) are imported
inside their reader, when a file of that format is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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


#: Readers by format name, in the order content sniffing tries them.
READERS: dict[str, Reader] = {}
#: File extensions (lower case, no dot) -> format name.
EXTENSIONS: dict[str, str] = {}


def register(
    name: str, *extensions: str, sniff: Callable[[bytes], bool] | None = None
) -> Callable[[ReadBytes], ReadBytes]:
    """Decorator: ``func(raw, options) -> Read`` reads format ``name`` (files ``*.name``, ``*.ext``...)."""

    def wrap(func: ReadBytes) -> ReadBytes:
        READERS[name] = Reader(name, func, (name, *extensions), sniff)
        for ext in (name, *extensions):
            EXTENSIONS[ext] = name
        return func

    return wrap


def register_text(
    name: str, *extensions: str, sniff: Callable[[bytes], bool] | None = None
) -> Callable[[ReadText], ReadText]:
    """Decorator for a text format: ``func(text) -> lines``; the bytes are decoded first (BOMs, cp1252)."""

    def wrap(func: ReadText) -> ReadText:
        def read(raw: RawDraft, options: LoadOptions) -> Read:
            text, warnings = decode(raw)
            lines = func(text)
            return Read(lines, (*warnings, *run_together(lines)))

        register(name, *extensions, sniff=sniff)(read)
        return func

    return wrap


def _split(text: str) -> list[tuple[int, str, bool]]:
    """Lines with their 1-based numbers; a form feed inside a line starts a new page there."""
    out: list[tuple[int, str, bool]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        page_break = "\f" in line
        out.append((number, line.replace("\f", ""), page_break))
    return out


@register_text("txt", "text")
def read_text(text: str) -> list[SourceLine]:
    """Plain text: every line as it is; indentation kept as a hint."""
    return [
        SourceLine(line.strip(), number, indent=len(line) - len(line.lstrip()), page_break=pb)
        for number, line, pb in _split(text)
    ]


# --- Markdown ---------------------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_LIST_HEADING = re.compile(r"^((?:\d{1,3}|[a-z])[.)]\s+)#{1,6}\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = re.compile(r"^[*+-]\s+(?=\S)")
_RULE_OR_TABLE_LINE = re.compile(r"(\*\s*){3,}|(-\s*){3,}|(_\s*){3,}|=+|\|?[-:| ]+\|[-:| ]*")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(
    r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"
)
_REF_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\[([^\]]*)\]")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s+\S.*$", re.M)
_SPAN = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\{[^}]*\}")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BR = re.compile(r"<br\s*/?>", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = (
    re.compile(r"(?<![\w*\\])(\*{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])"),
    re.compile(r"(?<![\w\\])(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)"),
    re.compile(r"(?<!~)~~(?=\S)(.+?)(?<=\S)~~"),
)
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
            for pattern in _EMPHASIS:
                text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    if "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", text)


def _reference(match: re.Match[str], refs: frozenset[str]) -> str:
    """``[text][ref]`` -> ``text`` when the document defines ``ref``; otherwise the brackets stay."""
    return match.group(1) if (match.group(2) or match.group(1)).lower() in refs else match.group(0)


@register_text("md", "markdown")
def read_markdown(text: str) -> list[SourceLine]:
    """Markdown (CommonMark, GitHub and pandoc flavours): headings become hints, markup is dropped, words stay."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
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
            heading, line = len(match.group(1)), match.group(2)
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


# Readers in modules of their own register themselves when imported (after the registry above exists).
from treatydiff.load import akn, html, pdf, word  # noqa: E402, F401
