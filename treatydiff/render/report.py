"""Stage 4, render: the presentation vocabulary every change-report renderer shares (terminal, Markdown, HTML).

Pure functions over a ``Comparison`` that name things the same way in every format: how an article is
called (``Art. 24 → Art. 26``), its chapter path, which paragraphs a report shows (``--context``), the rows of
the summary, per-chapter and concordance tables. They decide nothing the JSON does not already hold; they
only choose words and order for people. Escaping and styling stay in each renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from treatydiff.compare import NO_CHAPTER
from treatydiff.model import (
    DIVISION_KINDS,
    PROVISION_KINDS,
    RECITALS_IN_FULL,
    ArticleChange,
    Comparison,
    DivisionChange,
    Edit,
    Flag,
    Kind,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
    label_value,
)

#: The label the diff stage gives an article's title when it aligns it like a paragraph.
TITLE_LABEL = "title"
#: Outcomes in the order a summary lists them.
OUTCOMES = tuple(Outcome)


def one_line(text: str) -> str:
    """Text on one line with single spaces."""
    return " ".join(text.split())


def ref_name(provision: Provision) -> str:
    """``Art. 5`` (``Sec. 2``, ``§ 5``: the article's own word, ``Node.designation``), ``Annex I``, ``Preamble``;
    ``[deleted]`` added for placeholders."""
    node = provision.node
    if node.kind is Kind.PREAMBLE:
        return "Preamble"
    if node.kind is Kind.CONTENTS:  # the draft's table of contents
        return "Contents"
    if node.kind in DIVISION_KINDS:  # the loose text of a division
        name = node.label if node.kind is Kind.DIVISION else f"{node.kind.value.capitalize()} {node.label}"
        return f"{one_line(name).strip() or 'Division'} (text)"
    if node.kind not in PROVISION_KINDS:  # a loose paragraph of a draft without articles
        return f"Text {one_line(node.label)}".strip()
    word = "Annex" if node.kind is Kind.ANNEX else node.number_word
    name = f"{word} {one_line(node.label)}".strip()
    if provision.annex:  # an annexed statute's own article: "Annex VI, Art. 5"
        name = f"{one_line(provision.annex)}, {name}"
    return f"{name} [deleted]" if node.deleted and "deleted" not in node.title.lower() else name


def received(change: ArticleChange) -> str:
    """``A paragraph came from old Art. 15 (matched elsewhere).``, or "" when none did."""
    sources = change.match.received
    if not sources:
        return ""
    many = len(sources) > 1
    return (f"{'Paragraphs' if many else 'A paragraph'} came from old {side_names(sources)}, which "
            f"{'are' if many else 'is'} matched elsewhere.")


def explanation(change: ArticleChange) -> list[str]:
    """Why the aligner made the match (``compare --explain``), as plain lines: the rule, the scores it read, the
    pairs in order around it, and the candidates that lost with the reason each lost."""
    evidence = change.match.evidence
    if evidence is None:
        return []
    both = bool(change.match.old and change.match.new)
    why = "this match" if both else ("removed" if change.match.old else "added")
    lines = [f"Why {why}: {evidence.rule}."]
    scores = [f"phrases in common {evidence.phrases:.2f}", f"old text held {evidence.held:.2f}"]
    if evidence.title is not None:
        scores.append(f"title {evidence.title:.2f}")
    if evidence.words is not None:
        scores.append(f"distinctive words {evidence.words:.2f}")
    if evidence.same_number:
        scores.append("same number")
    if both:
        lines.append("Scores: " + ", ".join(scores) + ".")
    around = " and ".join(f"{p}" for p in (evidence.before, evidence.after) if p) or "no pair in order"
    if not both:
        lines.append(f"Place: between {around}.")
    else:
        place = "in order with its neighbours" if evidence.in_order else "out of the order of its neighbours"
        lines.append(f"Place: {place} ({around}).")
    if evidence.rivals:
        lines.append("Candidates that lost:")
        for rival in evidence.rivals:
            name = f"{rival.kind.capitalize()} {rival.number}".strip() + (f" ({rival.title})" if rival.title else "")
            lines.append(f"  {rival.side} {name}: phrases {rival.phrases:.2f}, old text held {rival.held:.2f}: "
                         f"{rival.reason}.")
    else:
        lines.append("Candidates that lost: none (no other article shares a phrase with it).")
    return lines


def side_names(provisions: tuple[Provision, ...]) -> str:
    """``Art. 18 + Art. 50`` for the several provisions of a split or merge."""
    return " + ".join(ref_name(p) for p in provisions)


def numbers(change: ArticleChange) -> str:
    """``Art. 24 → Art. 26``; one side only for additions, removals and numbers that did not change."""
    old, new = side_names(change.match.old), side_names(change.match.new)
    if old == new or not new:
        return old
    if not old:
        return new
    return f"{old} → {new}"


def title(change: ArticleChange) -> str:
    """The new title (the old one for removals), with ``(was: ...)`` when it changed."""
    old_titles = [one_line(p.node.title) for p in change.match.old if p.node.title]
    new_titles = [one_line(p.node.title) for p in change.match.new if p.node.title]
    text = " / ".join(new_titles or old_titles)
    if old_titles and new_titles and old_titles != new_titles:
        text = f"{text} (was: {' / '.join(old_titles)})"
    return text


def heading(change: ArticleChange) -> str:
    """``Art. 24 → Art. 26 — Title``."""
    name, words = numbers(change), title(change)
    return f"{name} — {words}" if words else name


def path(change: ArticleChange) -> str:
    """The chapter path of the new draft (the old one for removals); ``Chapter V → Chapter IV — ...`` when the
    article moved to another division."""
    old = " / ".join(change.match.old[0].path) if change.match.old else ""
    new = " / ".join(change.match.new[0].path) if change.match.new else ""
    if change.outcome is Outcome.MOVED and old and new and old != new:
        short = " / ".join(part.split(" — ")[0] for part in change.match.old[0].path)
        return one_line(f"{short} → {new}")
    return one_line(new or old)


def anchor(change: ArticleChange) -> str:
    """A stable fragment id for links to a change (``art-26``, ``annex-i``, ``removed-art-23``)."""
    side = change.match.new or change.match.old
    base = "-".join(ref_name(p) for p in side)
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "provision"
    return slug if change.match.new else f"removed-{slug}"


def paragraph_label(paragraph: ParagraphChange) -> str:
    """``3. → 1.`` for a renumbered paragraph (``(b)`` and ``b)`` are the same number); empty for unnumbered
    ones."""
    old, new = one_line(paragraph.old_label), one_line(paragraph.new_label)
    if old and new and label_value(old) == label_value(new):
        return new
    if old == new or not new:
        return old
    if not old:
        return new
    return f"{old} → {new}"


def tidy_edits(edits: tuple[Edit, ...]) -> list[Edit]:
    """Whitespace collapsed to single spaces (reports wrap lines themselves); empty edits dropped."""
    tidy: list[Edit] = []
    for edit in edits:
        text = " ".join(edit.text.split())
        if edit.text[:1].isspace() and text:
            text = " " + text
        if edit.text[-1:].isspace():
            text = text + " " if text else " "
        if text:
            tidy.append(Edit(edit.op, text))
    if tidy and tidy[0].op is Op.EQUAL:
        tidy[0] = Edit(Op.EQUAL, tidy[0].text.lstrip())
    return [edit for edit in tidy if edit.text]


def flag_phrase(flag: Flag) -> str:
    """``shall → may``; ``∅`` for an empty side."""
    return f"{one_line(flag.old_text) or '∅'} → {one_line(flag.new_text) or '∅'}"


def brief(text: str, words: int = 10) -> str:
    """At most ``words`` words of ``text``, on one line, "…" where it was cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words and parts[words - 1] != "…" else "")


def brief_phrase(flag: Flag, words: int = 6) -> str:
    """``flag_phrase`` with each side cut to a few words, for one-line summaries."""
    return f"{brief(flag.old_text, words) or '∅'} → {brief(flag.new_text, words) or '∅'}"


def flag_detail(flag: Flag) -> str:
    """What follows a flag's phrase: `` (para 4.)`` and `` — adds discretion``, each when there is one."""
    out = f" (para {one_line(flag.paragraph)})" if flag.paragraph else ""
    return out + (f" — {flag.note}" if flag.note else "")


#: Heading of the section that opens every change report's summary.
LEAD_TITLE = "Changes that may alter legal meaning"


def shown_flags(change: ArticleChange, options: RenderOptions) -> tuple[Flag, ...]:
    """The flags a report shows for a change: those of ``--min-severity`` or more, most severe first."""
    return change.flags_at_least(options.min_severity)


@dataclass(frozen=True, slots=True)
class LeadRow:
    """One line of "Changes that may alter legal meaning": a change, its most severe flag, how many it has."""

    change: ArticleChange
    flag: Flag
    count: int


def lead_rows(comparison: Comparison, options: RenderOptions) -> list[LeadRow]:
    """Every change with a flag of ``--min-severity`` or more, most severe first, then in document order."""
    rows = []
    for change in comparison.changes:
        flags = shown_flags(change, options)
        if flags:
            rows.append(LeadRow(change, flags[0], len(flags)))
    return sorted(rows, key=lambda r: -r.flag.level.rank)


def whole(change: ArticleChange) -> bool:
    """Added and removed provisions show their whole text, once."""
    return change.outcome in (Outcome.ADDED, Outcome.REMOVED)


@dataclass(frozen=True, slots=True)
class Gap:
    """Paragraphs a report leaves out, in one line: ``… 3 unchanged paragraphs``, or ``text`` when it says
    more (the recitals of a compact preamble)."""

    count: int
    text: str = ""

    def __str__(self) -> str:
        return self.text or f"… {self.count} unchanged paragraph{'s' if self.count != 1 else ''}"




def visible(change: ArticleChange, options: RenderOptions) -> list[ParagraphChange | Gap]:
    """The paragraphs a report shows for one change: every changed paragraph, ``options.context`` unchanged ones
    on each side of it, and a ``Gap`` for each run left out. Added and removed provisions show everything except
    the title line (their heading already carries it). A preamble with many changed recitals (``--recitals``)
    shows only the recitals that carry flags, after one line of counts."""
    paragraphs = [p for p in change.paragraphs if not (whole(change) and TITLE_LABEL in (p.old_label, p.new_label))]
    if _compact_recitals(change, options):
        return _recitals(change, paragraphs, options)
    if whole(change):
        return list(paragraphs)
    changed = [i for i, p in enumerate(paragraphs) if p.outcome is not Outcome.UNCHANGED]
    context = min(options.context, len(paragraphs))  # (no more than there are: --context 1000000000000)
    keep = {j for i in changed for j in range(max(0, i - context), min(len(paragraphs), i + context + 1))}
    out: list[ParagraphChange | Gap] = []
    hidden = 0
    for i, paragraph in enumerate(paragraphs):
        if i in keep:
            if hidden:
                out.append(Gap(hidden))
                hidden = 0
            out.append(_as_kept(paragraph))
        else:
            hidden += 1
    if hidden:
        out.append(Gap(hidden))
    return out


def _compact_recitals(change: ArticleChange, options: RenderOptions) -> bool:
    if options.recitals == "full" or not change.match.in_preamble:
        return False
    changed_count = sum(1 for p in change.paragraphs if p.outcome is not Outcome.UNCHANGED)
    return options.recitals == "compact" or changed_count > RECITALS_IN_FULL


def _recitals(change: ArticleChange, paragraphs: list[ParagraphChange], options: RenderOptions) -> list[
    ParagraphChange | Gap
]:
    counts: dict[Outcome, int] = {}
    for paragraph in paragraphs:
        if paragraph.outcome is not Outcome.UNCHANGED:
            counts[paragraph.outcome] = counts.get(paragraph.outcome, 0) + 1
    flagged = {f.paragraph for f in shown_flags(change, options)}
    kept = [p for p in paragraphs if p.outcome is not Outcome.UNCHANGED and (p.new_label or p.old_label) in flagged]
    total = sum(counts.values())
    detail = ", ".join(f"{n} {o.value}" for o, n in counts.items())
    flagged_part = f"; the {len(kept)} with flags follow" if kept else "; none has a flag"
    line = (f"… {total} recital{'s' if total != 1 else ''} changed ({detail}){flagged_part} "
            "(--recitals full shows every one)")
    return [Gap(total, line), *(_as_kept(p) for p in kept)]


def _as_kept(paragraph: ParagraphChange) -> ParagraphChange:
    """A paragraph whose words count as unchanged (only whitespace, or what --ignore names, differs) is shown as
    its new text, without a redline of differences that do not count; the JSON report keeps every edit."""
    if paragraph.outcome not in (Outcome.UNCHANGED, Outcome.RENUMBERED) or all(
        e.op is Op.EQUAL for e in paragraph.edits
    ):
        return paragraph
    new_text = "".join(e.text for e in paragraph.edits if e.op is not Op.DELETE)
    return replace(paragraph, edits=(Edit(Op.EQUAL, new_text),))


def changed(comparison: Comparison) -> list[ArticleChange]:
    return [c for c in comparison.changes if c.outcome is not Outcome.UNCHANGED]


def anything_changed(comparison: Comparison) -> bool:
    """An article or a division heading changed: what "No changes." must not say otherwise."""
    return bool(comparison.divisions) or bool(changed(comparison))


def heading_names(change: DivisionChange) -> str:
    """How a report names a division heading's change: "Chapter II", "Chapter III → Chapter IV", "Final
    clauses" (an unnumbered heading is named by its title)."""
    old, new = (one_line(h).split(" — ")[0] for h in (change.old, change.new))
    if not change.old or not change.new or old == new:
        return new or old
    return f"{old} → {new}"


def heading_title(change: DivisionChange) -> ParagraphChange:
    """The title's redline as a paragraph the renderers know how to draw (numbers left out)."""
    return ParagraphChange(change.outcome, "", "", change.edits, change.old_line, change.new_line)


@dataclass(frozen=True, slots=True)
class SummaryRow:
    label: str
    value: str
    outcome: Outcome | None = None


def summary_rows(comparison: Comparison) -> list[SummaryRow]:
    """One row per outcome, then words inserted, deleted, and the share of text changed."""
    totals = comparison.totals
    rows = [SummaryRow(o.value, str(totals.outcomes.get(o.value, 0)), o) for o in OUTCOMES]
    rows += [
        SummaryRow("words inserted", str(totals.words_inserted)),
        SummaryRow("words deleted", str(totals.words_deleted)),
        SummaryRow("share of text changed", f"{totals.share_changed:.1%}"),
    ]
    return rows


def chapter_rows(comparison: Comparison) -> list[tuple[str, dict[str, int]]]:
    """Per top-level division, the outcome counts, in the order the divisions come in the report; a chapter
    whose heading changed says what it was ("Chapter II — Voluntary guidance (was: Chapter II — Obligations)")."""
    was = {d.new: d.old for d in comparison.divisions if not d.path and d.old and d.new and not d.editorial_only}
    return [(f"{name} (was: {was[name]})" if name in was else name, counts)
            for name, counts in comparison.totals.per_chapter.items()]


@dataclass(frozen=True, slots=True)
class ConcordanceRow:
    """One line of the concordance: old number(s), new number(s), outcome, similarity, and the change."""

    old: str
    new: str
    outcome: Outcome
    similarity: float | None
    change: ArticleChange


def concordance(comparison: Comparison) -> list[ConcordanceRow]:
    """Old article -> new article for every match, in the order of the new draft."""
    return [
        ConcordanceRow(
            side_names(c.match.old) or "—",
            side_names(c.match.new) or "—",
            c.outcome,
            c.match.score if c.match.old and c.match.new else None,
            c,
        )
        for c in comparison.changes
    ]


def chapter(change: ArticleChange) -> str:
    """The top-level division a change is counted under in ``Totals.per_chapter`` (of the new draft, the old one
    for removals), so that a report can group its contents the way its per-chapter table counts them."""
    if change.chapter:
        return change.chapter
    where = (change.match.new or change.match.old)[0]
    return where.path[0] if where.path else NO_CHAPTER


def unique_anchors(changes: list[ArticleChange]) -> list[str]:
    """``anchor`` of each change, made unique (``art-5``, ``art-5-2``) for drafts that print a number twice, so
    that every link of a report reaches exactly one section."""
    seen: set[str] = set()
    out: list[str] = []
    for change in changes:
        base = candidate = anchor(change)
        n = 1
        while candidate in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate)
        out.append(candidate)
    return out
