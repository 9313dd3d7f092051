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

import importlib
import json
from collections.abc import Iterator
from types import ModuleType
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


# The JSON text. ``json.dumps(..., indent=2)`` takes the standard library's pure-Python encoder (its C encoder
# only writes without indentation): 30 of the 43 ms that the AI Act report took. The text here is the same, byte
# for byte, through orjson where it is installed (the ``fast`` extra), else through a writer that hands each
# string to the C function the standard encoder uses and builds the indentation itself (benchmarks/README.md,
# "bench_json.py").
# Either way a value nested ``level`` deep is its own text with every line after the first indented by
# ``2 * level`` spaces: both encoders escape a newline inside a string, so every newline of the text is one that
# the indentation put there.


def _import_orjson() -> ModuleType | None:
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None


_ORJSON = _import_orjson()
#: Which encoder writes the JSON text: "orjson" when it is installed (the ``fast`` extra), else "stdlib". Both
#: give the same bytes (tests/test_json_encoder.py); a test or a benchmark may set it to "stdlib".
ENCODER = "orjson" if _ORJSON is not None else "stdlib"


def json_document(document: dict[str, Any]) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, where a value that is an
    iterator (the report's changes) is written as a list, one item at a time: the items' dicts need not all be
    alive at once. The pieces are joined once: on a large report each copy of the whole text costs milliseconds."""
    if not document:
        return "{}\n"
    out = ["{"]
    before = "\n  "
    for key, value in document.items():
        out.append(before + _encode_str(key) + ": ")
        before = ",\n  "
        if isinstance(value, Iterator):
            first = len(out)
            after = "[\n    "
            for item in value:
                out.append(after)
                _text(item, 2, out)
                after = ",\n    "
            out.append("\n  ]" if len(out) > first else "[]")
        else:
            _text(value, 1, out)
    out.append("\n}\n")
    return "".join(out)


def json_text(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, as it reads nested ``level`` deep."""
    out: list[str] = []
    _text(value, level, out)
    return "".join(out)


def _text(value: Any, level: int, out: list[str]) -> None:
    """Append the text of ``value`` nested ``level`` deep.

    orjson writes the same bytes for the values of these documents: strings (the same escapes: quote, backslash,
    controls below U+0020, nothing else), ints, booleans, None, and floats rounded to ``DIGITS`` (orjson writes
    floats below 1e-4 without an exponent, 0.000042 where ``repr`` writes 4.2e-05; rounded ones are never there).
    What orjson refuses (a lone surrogate from a file name read with ``surrogateescape``, an int past 64 bits, a
    key that is not a string) goes to the standard library's way."""
    if ENCODER == "orjson" and _ORJSON is not None:
        try:
            text: bytes = _ORJSON.dumps(value, option=_ORJSON.OPT_INDENT_2)
        except _ORJSON.JSONEncodeError:
            pass
        else:
            out.append((text.replace(b"\n", _NEWLINE[level].encode()) if level else text).decode())
            return
    _write(value, level, out)


#: The standard encoder's function for a string with ``ensure_ascii=False``: C where the ``_json`` module is built.
_encode_str = json.encoder.encode_basestring


class _Newlines(dict[int, str]):
    """A newline and the indentation of a level: ``"\\n"`` and two spaces a level."""

    def __missing__(self, level: int) -> str:
        self[level] = text = "\n" + "  " * level
        return text


_NEWLINE = _Newlines()


def _write(value: Any, level: int, out: list[str]) -> None:
    """Append the text of ``value`` nested ``level`` deep: what ``json.encoder._make_iterencode`` yields for
    ``indent=2``, without a generator a value. Anything but a dict with string keys, a list, or a scalar of an exact
    built-in type is left to ``json.dumps`` itself."""
    kind = type(value)
    if kind is dict and value:
        inner = _NEWLINE[level + 1]
        before = "{" + inner
        after = "," + inner
        mark = len(out)
        for key, item in value.items():
            if type(key) is not str:
                del out[mark:]
                out.append(_standard(value, level))
                return
            kind = type(item)
            if kind is str:
                out.append(before + _encode_str(key) + ": " + _encode_str(item))
            elif (kind is dict or kind is list) and item:
                out.append(before + _encode_str(key) + ": ")
                _write(item, level + 1, out)
            else:
                out.append(before + _encode_str(key) + ": " + _scalar(item, level + 1))
            before = after
        out.append(_NEWLINE[level] + "}")
    elif kind is list and value:
        inner = _NEWLINE[level + 1]
        before = "[" + inner
        after = "," + inner
        for item in value:
            kind = type(item)
            if kind is str:
                out.append(before + _encode_str(item))
            elif (kind is dict or kind is list) and item:
                out.append(before)
                _write(item, level + 1, out)
            else:
                out.append(before + _scalar(item, level + 1))
            before = after
        out.append(_NEWLINE[level] + "]")
    else:
        out.append(_scalar(value, level))


def _scalar(value: Any, level: int) -> str:
    """A value without items (a scalar, an empty dict or list) nested ``level`` deep: what the standard encoder
    writes for it."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0.0:  # finite: NaN and the infinities give NaN
        return float.__repr__(value)
    if kind is dict:  # (empty: ``_write`` writes the others)
        return "{}"
    if kind is list:
        return "[]"
    return _standard(value, level)


def _standard(value: Any, level: int) -> str:
    """The standard encoder's own text of ``value`` (a tuple, a subclass, NaN, numbers as keys), nested ``level``
    deep."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", _NEWLINE[level]) if level else text
