"""Stage 4, render: the change report as GitHub-flavoured Markdown, to paste into a briefing, a blog post or an issue.

The document reads top to bottom like the terminal report: a title naming both drafts (``# zero-draft →
revised-draft``), a line naming the source files, the summary table (articles per outcome, words inserted
and deleted, share of text changed), the table per chapter (one column per outcome that occurs), the
concordance (old article → new article, outcome, similarity; always shown, since a pasted report has no
``--concordance`` to ask for it later), then — unless ``summary_only`` — a table of contents and one section
per changed article: its heading (``Art. 24 → Art. 26 — Title``), chapter path, badges (outcome, editorial
only, similarity, word counts), the renumbering spelled out, the note, the flags that change legal meaning,
and the redline of each visible paragraph (``--context`` decides which; left-out runs become one italic line).

Redlines are ``<del>deleted</del>`` / ``<ins>inserted</ins>`` (``markdown_style="html"``, the default: GitHub
shows them struck through and underlined) or ``~~deleted~~`` / ``**inserted**`` (``"plain"``, for places that
strip HTML). Each paragraph of a draft is its own Markdown paragraph, so no marker ever spans a paragraph
break. Each section gets its own stable anchor (``<a id="art-26"></a>``, from ``report.anchor``) that the
table of contents and the concordance link to, so links survive a change of title.

With ``max_chars`` (``--max-chars N``, e.g. 65536 for a GitHub comment) a report that would be longer keeps its
head whole (title, lead, summary, chapter table, division headings, concordance), then as many whole article
sections as fit — those with the most severe flags first, printed in document order — and ends with a line naming
the articles left out and how to see them (``--article``); a head that does not fit itself is cut at a line
boundary, and the last line says so. ``len()`` of the text, newlines included, never exceeds N: GitHub counts
characters the same way. A report that fits is the same as without ``max_chars``.

Every piece of treaty text goes through ``escape``: a draft cannot open a link, emphasis, heading, table
column, list, code span or raw HTML of its own.
"""

from __future__ import annotations

import re
import unicodedata

from rich.console import Console

from treatydiff.model import (
    MAX_CHARS_FLOOR,
    ArticleChange,
    Comparison,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
    Severity,
)
from treatydiff.render import COMPARE, report
from treatydiff.render.report import one_line

#: Opening and closing markers of deleted and inserted words, per ``RenderOptions.markdown_style``.
MARKERS: dict[str, dict[Op, tuple[str, str]]] = {
    "html": {Op.DELETE: ("<del>", "</del>"), Op.INSERT: ("<ins>", "</ins>")},
    "plain": {Op.DELETE: ("~~", "~~"), Op.INSERT: ("**", "**")},
}

# Characters that can act anywhere in a line of CommonMark/GFM text: escapes, code spans, emphasis, links and
# footnotes, ATX closing sequences, table cells, strikethrough, math (``$`` on GitHub), e-mail autolinks (``@``).
_INLINE = re.compile(r"([\\`*_\[\]#|~$@])")
# What GFM would turn into a link by itself (``https://``, ``www.``, ``javascript:``): the ``:`` or ``.`` is escaped.
_AUTOLINK = re.compile(r"(?i)(?<![a-z0-9])((?:https?|ftps?|mailto|javascript|vbscript|data|file)(?=:)|www(?=\.))(.)")
# What opens a block when it starts a line: a bullet, a setext underline, a numbered list item (``1986.``).
_LEADING_BULLET = re.compile(r"^([-+=])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
#: Put between a ``**``/``~~`` marker and punctuation inside it, so the marker still opens or closes (see
#: ``_plain_span``); invisible, neither space nor punctuation to a Markdown parser.
_ZERO_WIDTH = "\u200b"


def escape(text: str, *, at_start: bool = True) -> str:
    """Treaty text on one line, shown exactly as written in GitHub-flavoured Markdown (and any CommonMark).

    - Line breaks and runs of whitespace collapse to one space (a report line is never cut in two).
    - ``&``, ``<`` and ``>`` become ``&amp;``, ``&lt;`` and ``&gt;``: a ``<script>`` or ``<img>`` in a draft is
      shown as text, also inside ``<del>``/``<ins>``, and never starts an autolink or an HTML block.
    - Backslash before every character that can act inside a line: ``\\ ` * _ [ ] # | ~ $ @`` (so no emphasis,
      code span, link, image, footnote, table column, strikethrough, math or e-mail autolink); ``( ) ! { }``
      need nothing once ``[`` is escaped, ``+ - . =`` only at the start of a line.
    - The ``:`` of ``https:``/``javascript:`` and the ``.`` of ``www.`` are escaped so GFM does not link them.
    - ``at_start``: the text may begin a line, so a leading ``-``, ``+``, ``=`` or ``1986.`` is escaped too
      (``#`` and ``>`` always are); not needed in the middle of a line or inside a table cell.
    """
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(r"\1\\\2", text)
    if at_start:
        text = _LEADING_BULLET.sub(r"\\\1", text)
        text = _LEADING_NUMBER.sub(r"\1\\\2", text)
    return text


@COMPARE.register("markdown")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The Markdown document, ending with a newline. The console is not used; ``markdown_style`` must be one
    of ``MARKERS``."""
    if options.markdown_style not in MARKERS:
        raise ValueError(f"unknown markdown style {options.markdown_style!r} — choose one of: {', '.join(MARKERS)}")
    if options.max_chars and options.max_chars < MAX_CHARS_FLOOR:
        raise ValueError(f"max_chars {options.max_chars} is too small — give 0 (no limit) or {MAX_CHARS_FLOOR} or more")
    anchors = {} if options.summary_only else _anchors(comparison)  # no sections, so nothing to link to
    out = _head(comparison, options, anchors)
    if not options.summary_only:
        out += _changes(comparison, options, anchors)
    text = _text(out)
    if options.max_chars and len(text) > options.max_chars:
        return _fitted(comparison, options)
    return text


def _text(lines: list[str]) -> str:
    """The document of ``lines``: trailing blank lines dropped, one newline at the end."""
    out = list(lines)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _head(comparison: Comparison, options: RenderOptions, anchors: dict[int, str]) -> list[str]:
    """Everything above "## Changes": title, lead, summary, chapters, division headings, concordance."""
    out: list[str] = _header(comparison)
    out += _lead(comparison, options, anchors)
    out += _summary(comparison)
    out += _chapters(comparison)
    out += [] if options.summary_only else _headings(comparison, options)
    out += _concordance(comparison, options, anchors)
    return out


# --- header and tables ---------------------------------------------------------------------------------


def _header(comparison: Comparison) -> list[str]:
    old, new = comparison.old, comparison.new
    out = [
        f"# {escape(old.label, at_start=False)} → {escape(new.label, at_start=False)}",
        "",
        f"Compared {escape(old.source, at_start=False)} ({escape(old.format, at_start=False)}) with "
        f"{escape(new.source, at_start=False)} ({escape(new.format, at_start=False)}).",
        "",
    ]
    for warning in comparison.warnings:
        out += [f"> **Warning:** {escape(str(warning), at_start=False)}", ""]
    return out


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped (``escape`` escapes every ``|``)."""
    lines = [f"| {' | '.join(header)} |", f"|{'|'.join(align)}|"]
    lines += [f"| {' | '.join(cell or ' ' for cell in row)} |" for row in rows]
    return [*lines, ""]


def _lead(comparison: Comparison, options: RenderOptions, anchors: dict[int, str]) -> list[str]:
    """"Changes that may alter legal meaning": each flagged article with its most severe flag, linked."""
    rows = []
    for row in report.lead_rows(comparison, options):
        name = escape(report.numbers(row.change), at_start=False)
        if id(row.change) in anchors:
            name = f"[{name}](#{anchors[id(row.change)]})"
        flag = f"{row.flag.kind.value}: {escape(report.brief_phrase(row.flag), at_start=False)}"
        level = row.flag.level
        rows.append([name, f"**{level.value}**" if level is Severity.HIGH else level.value, flag, str(row.count)])
    if not rows:
        return [f"## {report.LEAD_TITLE}", "", f"None flagged (severity {options.min_severity} or more).", ""]
    header = ["article", "severity", "most severe flag", "flags"]
    return [f"## {report.LEAD_TITLE}", "", *_table(header, ["---", "---", "---", "---:"], rows)]


def _summary(comparison: Comparison) -> list[str]:
    rows = [[escape(row.label, at_start=False), row.value] for row in report.summary_rows(comparison)]
    return ["## Summary", "", *_table(["outcome", "articles"], ["---", "---:"], rows)]


def _chapters(comparison: Comparison) -> list[str]:
    chapters = report.chapter_rows(comparison)
    occurring = [o for o in report.OUTCOMES if any(counts.get(o.value, 0) for _, counts in chapters)]
    if not chapters or not occurring:
        return []
    rows = [
        [escape(name, at_start=False) or "—", *(str(counts.get(o.value, 0)) for o in occurring)]
        for name, counts in chapters
    ]
    header = ["chapter", *(o.value for o in occurring)]
    return ["## By chapter", "", *_table(header, ["---", *("---:" for _ in occurring)], rows)]


def _headings(comparison: Comparison, options: RenderOptions) -> list[str]:
    """The division headings that changed: one item each, the title's redline, its flags."""
    if not comparison.divisions:
        return []
    markers = MARKERS[options.markdown_style]
    plain = options.markdown_style == "plain"
    out = ["## Division headings that changed", ""]
    for change in comparison.divisions:
        title = _paragraph(report.heading_title(change), markers, plain=plain) if change.edits else ""
        item = f"- **{change.outcome.value}** {escape(report.heading_names(change), at_start=False)}"
        item += " *(editorial only)*" if change.editorial_only else ""
        out.append(f"{item} — {title}" if title else item)
        out += [f"  - ⚑ {f.level.value} {f.kind.value}: {escape(report.flag_phrase(f), at_start=False)}"
                for f in change.flags]
    return [*out, ""]


def _concordance(comparison: Comparison, options: RenderOptions, anchors: dict[int, str]) -> list[str]:
    rows = []
    for row in report.concordance(comparison):
        outcome = row.outcome.value
        if id(row.change) in anchors:
            outcome = f"[{outcome}](#{anchors[id(row.change)]})"
        similarity = "—" if row.similarity is None else f"{row.similarity:.2f}"
        flags = report.shown_flags(row.change, options)
        mark = f"⚑ {flags[0].level.value}" if flags else ""
        rows.append([escape(row.old, at_start=False), escape(row.new, at_start=False), outcome, similarity, mark])
    if not rows:
        return []
    header = ["old", "new", "outcome", "similarity", "flags"]
    return ["## Concordance", "", *_table(header, ["---", "---", "---", "---:", "---"], rows)]


# --- the changed articles ------------------------------------------------------------------------------


def _anchors(comparison: Comparison) -> dict[int, str]:
    """The fragment id of each changed article's section (``report.unique_anchors``), by ``id()`` of its change."""
    changed = report.changed(comparison)
    return dict(zip(map(id, changed), report.unique_anchors(changed), strict=True))


def _changes(comparison: Comparison, options: RenderOptions, anchors: dict[int, str]) -> list[str]:
    out = ["## Changes", ""]
    changed = report.changed(comparison)
    if not changed:
        if comparison.divisions:
            return [*out, "No article changed; division headings did (above).", ""]
        return [*out, "No changes." if comparison.changes else "No articles.", ""]
    out += [f"- [{escape(report.heading(c), at_start=False)}](#{anchors[id(c)]})" for c in changed]
    out.append("")
    for change in comparison.changes:
        out += _panel(change, options, anchors)
    return out


def _panel(change: ArticleChange, options: RenderOptions, anchors: dict[int, str]) -> list[str]:
    """The lines one article adds below the table of contents: its section, one line if unchanged and
    ``show_unchanged``, else none."""
    if change.outcome is not Outcome.UNCHANGED:
        return _section(change, options, anchors[id(change)])
    if options.show_unchanged:
        return [f"*{escape(report.heading(change), at_start=False)}: unchanged*", ""]
    return []


# --- a report that fits: ``max_chars`` (``compare --max-chars N``) ----------------------------------------

#: The article names in the closing line of a shortened report take at most this many characters (and a tenth of
#: ``max_chars``); the rest are counted ("and 12 more").
NAMES_ROOM = 1500


def _size(lines: list[str]) -> int:
    """The characters ``lines`` take in the document, a newline after each."""
    return sum(len(line) + 1 for line in lines)


def _fitted(comparison: Comparison, options: RenderOptions) -> str:
    """The report in at most ``options.max_chars`` characters, for one that would be longer: the whole head
    (title, lead, summary, chapters, division headings, concordance), then as many whole article sections as
    fit, then one line naming the articles left out. Sections are chosen by their most severe flag (high, then
    medium, low, unflagged; in document order inside each group): one too long to fit is passed over for the next
    of its group, and no later group is tried after it, so no article is shown while one more severely flagged is
    left out. The chosen ones are printed in document order. The table of contents, the lead and the concordance
    link only to sections that are there. A head that does not fit itself is cut (``_cut``)."""
    limit = options.max_chars
    if options.summary_only:
        return _cut(comparison, options)
    anchors = _anchors(comparison)
    panels = [(c, lines) for c in comparison.changes if (lines := _panel(c, options, anchors))]
    changed = report.changed(comparison)
    toc = {id(c): [f"- [{escape(report.heading(c), at_start=False)}](#{anchors[id(c)]})"] for c in changed}

    def group(change: ArticleChange) -> int:
        flags = report.shown_flags(change, options)
        if flags:
            return 3 - flags[0].level.rank  # high 0, medium 1, low 2
        return 3 if change.outcome is not Outcome.UNCHANGED else 4

    head = _size(_head(comparison, options, anchors))  # links make it longer: what is chosen fits a fortiori
    intro = _size(["## Changes", "", _shown(len(changed), len(changed), limit), ""])
    kept: set[int] = set()
    listed = shown = 0
    order = sorted(range(len(panels)), key=lambda i: (group(panels[i][0]), i))
    passed_over = 4  # the group of the first section passed over: none of a later group is tried after it
    for i in order:
        change, lines = panels[i]
        if group(change) > passed_over:
            break
        more = _size(lines) + _size(toc.get(id(change), []))
        first_listed = 1 if id(change) in toc and not listed else 0  # the blank line after the contents
        left_out = [c for j, (c, _) in enumerate(panels) if j not in kept and j != i]
        if head + intro + shown + more + first_listed + _size([_left_out(left_out, changed, limit)]) <= limit:
            kept.add(i)
            shown += more + first_listed
            listed += 1 if id(change) in toc else 0
        else:
            passed_over = min(passed_over, group(change))
    left_out = [c for j, (c, _) in enumerate(panels) if j not in kept]
    if head + intro + shown + _size([_left_out(left_out, changed, limit)]) > limit:
        return _cut(comparison, options)
    chosen = [panels[j] for j in sorted(kept)]
    links = {id(c): anchors[id(c)] for c, _ in chosen if id(c) in anchors}
    out = _head(comparison, options, links)
    contents = [line for c, _ in chosen for line in toc.get(id(c), [])]
    out += ["## Changes", "", _shown(sum(1 for c, _ in chosen if id(c) in toc), len(changed), limit), ""]
    out += [*contents, ""] if contents else []
    for _, lines in chosen:
        out += lines
    out.append(_left_out(left_out, changed, limit))
    return _text(out)


def _shown(count: int, changed: int, limit: int) -> str:
    return (f"*{count} of {changed} changed articles shown, to stay within {limit:,} characters (those with the "
            "most severe flags first); the others are named at the end.*")


def _left_out(left_out: list[ArticleChange], changed: list[ArticleChange], limit: int) -> str:
    """The closing line of a shortened report: how many articles were left out, which, and how to see them."""
    missing = [c for c in left_out if c.outcome is not Outcome.UNCHANGED]
    names: list[str] = []
    room = min(NAMES_ROOM, limit // 10)
    for change in missing:
        name = escape(report.numbers(change), at_start=False)
        if sum(len(n) + 2 for n in names) + len(name) > room:
            break
        names.append(name)
    listed = ", ".join(names) + (f" and {len(missing) - len(names)} more" if len(names) < len(missing) else "")
    unchanged = len(left_out) - len(missing)
    what = f"{len(missing)} of {len(changed)} changed articles ({listed})" if missing else "no changed article"
    also = f", and the lines of {unchanged} unchanged articles" if unchanged else ""
    return (f"*Left out to stay within {limit:,} characters: {what}{also}. To see them, compare again with "
            "`--article` (e.g. `--article 5`, or a range: `--article 5-9`), or write the whole report to a file "
            "without `--max-chars` (`-o changes.md`).*")


def _cut(comparison: Comparison, options: RenderOptions) -> str:
    """A report whose head alone is longer than ``options.max_chars``: the head's first lines, cut at a line
    boundary, and a line that says so. It has no article sections, so nothing links to them."""
    limit = options.max_chars
    lines = _head(comparison, options, {})
    articles = None if options.summary_only else len(report.changed(comparison))
    room = limit - _size(["", _cut_here(limit, articles, whole=False)])
    end = used = 0
    while end < len(lines) and used + len(lines[end]) + 1 <= room:
        used += len(lines[end]) + 1
        end += 1
    kept = lines[:end]
    while kept and not kept[-1]:
        kept.pop()
    notice = _cut_here(limit, articles, whole=end == len(lines))
    return _text([*kept, "", notice] if kept else [notice])


def _cut_here(limit: int, articles: int | None, *, whole: bool) -> str:
    """``articles``: how many changed articles the report would show (None: ``summary_only``, none)."""
    parts = [] if whole else ["the rest of the tables"]
    if articles is not None:
        parts.append(f"all {articles} changed article{'s' if articles != 1 else ''}" if articles else "the changes")
    return (f"*Cut here to stay within {limit:,} characters: {' and '.join(parts)} are left out. Narrow the report "
            "with `--article`, `--chapter`, `--flagged` or `--summary`, raise `--max-chars`, or write the whole "
            "report to a file without `--max-chars` (`-o changes.md`).*")


def _section(change: ArticleChange, options: RenderOptions, anchor: str) -> list[str]:
    out = [f'<a id="{anchor}"></a>', "", f"### {escape(report.heading(change), at_start=False)}", ""]
    return out + change_body(change, options)


def change_body(change: ArticleChange, options: RenderOptions) -> list[str]:
    """The lines of one changed article below its heading: chapter path, badges, renumbering, note, flags and
    the redline of each visible paragraph, each followed by a blank line. Public: the timeline of
    ``treatydiff history --article`` shows each step of an article with it."""
    out: list[str] = []
    path = report.path(change)
    if path:
        out += [f"*{escape(path, at_start=False)}*", ""]
    out += [_badges(change), ""]
    renumbering = _renumbering(change)
    if renumbering:
        out += [escape(renumbering), ""]
    if change.match.note:
        out += [f"Note: {escape(change.match.note, at_start=False)}", ""]
    if report.received(change):
        out += [escape(report.received(change)), ""]
    if options.explain:
        out += [f"{'  ' if line.startswith('  ') else ''}- {escape(line.strip(), at_start=False)}"
                for line in report.explanation(change)] + [""]
    flags = report.shown_flags(change, options)
    if flags:
        for flag in flags:
            phrase = escape(report.flag_phrase(flag), at_start=False)
            line = f"- **{flag.kind.value}** ({flag.level.value}): {phrase}"
            detail = report.flag_detail(flag)
            out.append(line + (" " + escape(detail, at_start=False) if detail else ""))
        out.append("")
    markers = MARKERS[options.markdown_style]
    for item in report.visible(change, options):
        if isinstance(item, report.Gap):
            out += [f"*{escape(str(item), at_start=False)}*", ""]
        else:
            out += [_paragraph(item, markers, plain=options.markdown_style == "plain"), ""]
    return out


def _badges(change: ArticleChange) -> str:
    """`` `modified` · `editorial only` · similarity 0.94 · +3 -1 words``."""
    badges = [f"`{change.outcome.value}`"]
    if change.editorial_only:
        badges.append("`editorial only`")
    if change.match.old and change.match.new:
        badges.append(f"similarity {change.match.score:.2f}")
    counts = [f"+{change.words_inserted}" if change.words_inserted else "",
              f"-{change.words_deleted}" if change.words_deleted else ""]
    if any(counts):
        badges.append(f"{' '.join(c for c in counts if c)} words")
    return " · ".join(badges)


def _long_name(provisions: tuple[Provision, ...]) -> str:
    """``Article 24``, ``Article 25 + Article 26``, ``Annex I``: the report's names with the word spelled out."""
    return " + ".join(re.sub(r"^Art\. ", "Article ", report.ref_name(p)) for p in provisions)


def _renumbering(change: ArticleChange) -> str:
    """``Renumbered from Article 24``; ``Split from Article 19`` / ``Merged from Article 25 + Article 26``."""
    old, new = change.match.old, change.match.new
    if not old or not new or [one_line(p.node.label) for p in old] == [one_line(p.node.label) for p in new]:
        return ""
    if change.outcome is Outcome.SPLIT:
        return f"Split from {_long_name(old)}"
    if change.outcome is Outcome.MERGED:
        return f"Merged from {_long_name(old)}"
    return f"Renumbered from {_long_name(old)}"


def _paragraph(paragraph: ParagraphChange, markers: dict[Op, tuple[str, str]], *, plain: bool) -> str:
    """One Markdown paragraph (one line): the bold label, then the redline. Edits never leave it. Spaces at the
    ends of a deleted or inserted run go outside its markers (``** where**`` would not be bold)."""
    label = report.paragraph_label(paragraph)
    pieces: list[tuple[str, str, str, tuple[str, str] | None]] = []  # space before, text, space after, markers
    for edit in report.tidy_edits(paragraph.edits):
        lead = " " if edit.text[:1].isspace() else ""
        trail = " " if edit.text[-1:].isspace() else ""
        at_start = not label and not pieces
        body = escape(edit.text, at_start=at_start and edit.op is Op.EQUAL)
        pieces.append((lead, body, trail, None if edit.op is Op.EQUAL else markers[edit.op]))
    out = f"**{escape(label, at_start=False)}** " if label else ""
    for i, (lead, body, trail, marker) in enumerate(pieces):
        out += lead
        if marker is None:
            out += body
            out += trail
            continue
        start, end = marker
        if plain and body:
            after = trail
            if not after and i + 1 < len(pieces):
                following = pieces[i + 1]
                after = following[0] or (following[3][0] if following[3] else following[1])
            body = _flanked(body, before=out[-1:], after=after[:1])
        out += f"{start}{body}{end}" if body else ""
        out += trail
    return re.sub(" +", " ", out).strip()


def _flanked(body: str, *, before: str, after: str) -> str:
    """``body`` made safe to put between ``**``/``~~`` markers where ``before`` and ``after`` are the characters
    around them ("" at the ends of the line). CommonMark lets a marker next to punctuation open (close) only
    where the character on its other side is a space or punctuation too (the "flanking" rule), so
    ``shall**, where appropriate,** integrate`` would print its asterisks. There a zero-width space goes
    between the marker and the punctuation: invisible, and neither space nor punctuation to a parser."""
    if _is_punctuation(body[:1]) and not _is_space_or_punctuation(before):
        body = _ZERO_WIDTH + body
    if _is_punctuation(body[-1:]) and not _is_space_or_punctuation(after):
        body = body + _ZERO_WIDTH
    return body


def _is_punctuation(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _is_space_or_punctuation(char: str) -> bool:
    """Line ends count as space."""
    return not char or char.isspace() or _is_punctuation(char)
