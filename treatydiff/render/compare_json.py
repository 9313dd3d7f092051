"""Stage 4, render: the change report as JSON, schema_version 1 — the contract in DESIGN.md, for programs and CI.

Contract fields (never renamed or dropped): ``schema_version``, ``old``/``new`` (DRAFTINFO: ``source``,
``label``, ``format``, ``articles``, ``annexes``, ``warnings``), ``summary`` (a count per outcome,
``words_inserted``, ``words_deleted``, ``share_changed``, ``per_chapter``) and ``changes`` (CHANGE:
``outcome``, ``old``/``new`` [REF], ``similarity``, ``editorial_only``, ``flags`` [FLAG], ``paragraphs``,
``note``). REF: ``kind``, ``number``, ``title``, ``path``, ``line``; FLAG: ``kind``, ``old``, ``new``,
``paragraph``; paragraph: ``outcome``, ``old``, ``new`` (labels), ``edits`` ([op, text] pairs).
Additions in this version: top-level ``warnings`` (of the comparison), ``placeholders`` in DRAFTINFO,
``words_old``/``words_new`` in the summary, ``words_inserted``/``words_deleted`` per CHANGE, ``deleted`` per
REF, ``designation`` per REF (the word an article is numbered under, "Sec.", where it is not "Article"),
``old_line``/``new_line`` per paragraph, ``evidence`` per CHANGE (EVIDENCE: why the aligner made the match,
``rule``, ``phrases``, ``held``, ``words``, ``title``, ``same_number``, ``in_order``, ``before``, ``after``, ``rivals``:
the candidates that lost, each ``side``, ``kind``, ``number``, ``title``, ``phrases``, ``held``, ``reason``),
``received`` per CHANGE (REFs of old provisions matched elsewhere, a paragraph of which moved into this one),
``divisions`` (DIVISION: a division heading that changed,
``outcome``, ``old``, ``new``, ``path``, ``old_line``, ``new_line``, ``edits``, ``flags``, ``words_inserted``,
``words_deleted``, ``editorial_only``). Lines are null when unknown. The schema ships as
``treatydiff/schema/compare.schema.json``. A documented view built field by field, not ``asdict()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from treatydiff.model import (
    ArticleChange,
    Comparison,
    DivisionChange,
    Draft,
    Edit,
    Evidence,
    Flag,
    Outcome,
    ParagraphChange,
    Provision,
    RenderOptions,
    Totals,
)
from treatydiff.perf import collector_paused
from treatydiff.render import COMPARE
from treatydiff.render.json_text import json_document

if TYPE_CHECKING:
    from rich.console import Console

SCHEMA_VERSION = 1
#: Digits kept of similarities and shares: enough to sort by, few enough to read and to compare in tests.
#: Every float of the JSON documents is rounded to it, which also keeps them where orjson writes them as
#: ``repr`` does (see ``json_text``).
DIGITS = 3


@COMPARE.register("json")
def render(comparison: Comparison, options: RenderOptions, console: Console) -> str:
    """The JSON document, indented, ending with a newline, written change by change. Neither the options nor the
    console are used: JSON always holds every change."""
    with collector_paused():  # tens of thousands of short-lived dicts and lists, no cycles
        return json_document(_document(comparison, map(change_document, comparison.changes)))


def counts(totals: Totals) -> dict[str, Any]:
    """Articles per outcome (every outcome, zeros included), words inserted and deleted, share changed: the
    summary a comparison and each step of a history share."""
    summary: dict[str, Any] = {outcome.value: totals.outcomes.get(outcome.value, 0) for outcome in Outcome}
    summary.update(
        words_inserted=totals.words_inserted,
        words_deleted=totals.words_deleted,
        share_changed=round(totals.share_changed, DIGITS),
    )
    return summary


def compare_document(comparison: Comparison) -> dict[str, Any]:
    """The change report as plain JSON-ready values, keys in the order of the contract."""
    return _document(comparison, [change_document(change) for change in comparison.changes])


def _document(comparison: Comparison, changes: list[dict[str, Any]] | Iterator[dict[str, Any]]) -> dict[str, Any]:
    """The change report with ``changes`` as given: a list, or an iterator that ``json_document`` writes one
    change at a time."""
    totals = comparison.totals
    summary = counts(totals)
    summary.update(
        words_old=totals.words_old,
        words_new=totals.words_new,
        per_chapter={
            chapter: {outcome.value: counts.get(outcome.value, 0) for outcome in Outcome}
            for chapter, counts in totals.per_chapter.items()
        },
    )
    return {
        "schema_version": SCHEMA_VERSION,
        "old": draft_info(comparison.old),
        "new": draft_info(comparison.new),
        "summary": summary,
        "warnings": [str(warning) for warning in comparison.warnings],
        "changes": changes,
        "language": comparison.language,
        "divisions": [_division(change) for change in comparison.divisions],
    }


def _division(change: DivisionChange) -> dict[str, Any]:
    """A division heading that changed (DIVISION): what the headings were and became, the title's redline."""
    return {
        "outcome": change.outcome.value,
        "old": change.old,
        "new": change.new,
        "path": list(change.path),
        "old_line": change.old_line or None,
        "new_line": change.new_line or None,
        "edits": _edits(change.edits),
        "flags": [_flag(flag) for flag in change.flags],
        "words_inserted": change.words_inserted,
        "words_deleted": change.words_deleted,
        "editorial_only": change.editorial_only,
    }


def draft_info(draft: Draft) -> dict[str, Any]:
    """DRAFTINFO. Public: ``treatydiff history -f json`` lists its drafts with it."""
    counts = draft.counts()
    return {
        "source": draft.source,
        "label": draft.label,
        "format": draft.format,
        "language": draft.language,
        "articles": counts["articles"],
        "annexes": counts["annexes"],
        "placeholders": counts["placeholders"],
        "warnings": [str(warning) for warning in draft.warnings],
    }


def change_document(change: ArticleChange) -> dict[str, Any]:
    """CHANGE. Public: ``treatydiff history --article -f json`` gives each step of an article with it."""
    match = change.match
    return {
        "outcome": change.outcome.value,
        "old": [_ref(p) for p in match.old],
        "new": [_ref(p) for p in match.new],
        "similarity": round(match.score, DIGITS),
        "editorial_only": change.editorial_only,
        "flags": [_flag(flag) for flag in change.flags],
        "paragraphs": [_paragraph(p) for p in change.paragraphs],
        "note": match.note,
        "words_inserted": change.words_inserted,
        "words_deleted": change.words_deleted,
        "renumbered": change.renumbered,
        "severity": severity.value if (severity := change.severity()) else None,
        "evidence": _evidence(match.evidence) if match.evidence else None,
        "received": [_ref(p) for p in match.received],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    """EVIDENCE: why the aligner made the match (``compare --explain``)."""
    return {
        "rule": evidence.rule,
        "phrases": evidence.phrases,
        "held": evidence.held,
        "words": evidence.words,
        "title": evidence.title,
        "same_number": evidence.same_number,
        "in_order": evidence.in_order,
        "before": evidence.before,
        "after": evidence.after,
        "rivals": [
            {"side": r.side, "kind": r.kind, "number": r.number, "title": r.title, "phrases": r.phrases,
             "held": r.held, "reason": r.reason}
            for r in evidence.rivals
        ],
    }


def _ref(provision: Provision) -> dict[str, Any]:
    node = provision.node
    out: dict[str, Any] = {
        "kind": node.kind.value,
        "number": node.label,
        "title": node.title,
        "path": list(provision.path),
        "line": node.line or None,
        "deleted": node.deleted,
    }
    if node.designation:  # "Sec." of a US bill's section; absent for articles
        out["designation"] = node.designation
    return out


def _edits(edits: tuple[Edit, ...]) -> list[list[str]]:
    return [[edit.op.value, edit.text] for edit in edits]


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind.value, "old": flag.old_text, "new": flag.new_text, "paragraph": flag.paragraph,
        "severity": flag.level.value, "note": flag.note,
    }


def _paragraph(paragraph: ParagraphChange) -> dict[str, Any]:
    return {
        "outcome": paragraph.outcome.value,
        "old": paragraph.old_label,
        "new": paragraph.new_label,
        "edits": _edits(paragraph.edits),
        "old_line": paragraph.old_line or None,
        "new_line": paragraph.new_line or None,
    }
