"""Parallel language versions: align the same text in several languages by structure and say what does not
correspond (``treatydiff parallel``), and compare one revision step in two languages (``parallel-compare``).

Why by structure, not by words: the versions share no words, and not even their labels ("Annex I", "附件一"
labelled "1", "المرفق الأول"; "Article premier"; points "(a)" and "(أ)"). What they share is the shape of the tree
and the numbers written in digits. So units are aligned in document order, kind by kind (an article never
matches a paragraph), with a sequence alignment (Needleman-Wunsch, banded) whose score for a pair reads only
language-neutral evidence: a label that is a number (paragraph "2.", article "5", annex "I" or "1") equal on both
sides, the same children (how many paragraphs, points, items below), the same numbers, and the same share of the
text's length. Versions that correspond fully align one to one, in order; a unit one version dropped becomes a
gap instead of shifting everything after it. Several versions are aligned progressively: each against the rows
built so far, a row represented by its first member.

What is compared, for each unit present in every version (an article's, annex's or preamble's own text, each
paragraph, point, item, recital and loose text block):

- **numbers**: the multiset of numbers written in digits in the unit's own text (not its children's, not its
  title, not its footnotes). Arabic-Indic and full-width digits count as digits; thousands separators are
  normalised ("500,000", "500 000", "500.000" and "500٬000" are 500000: a separator followed by exactly three
  digits is read as one, so the English "2.500" is 2500 too); a decimal comma is a decimal point. Left out: the
  numbers of cross-references and of act numbers as the language's vocabulary finds them (``treatydiff.vocabulary``:
  "article 6", "paragraph 1 of article 5", "第1款", "للمادة 31"; a language without a vocabulary keeps them),
  footnote markers ("[^1]"), and the month of a date written in digits ("2026年3月1日": the other languages
  write the month as a word). Numbers written in words ("thirty", "三十") are not compared.
- **brackets**: the count of square-bracketed spans in the unit's own text, footnote markers and placeholders
  ("[deleted]", "[supprimé]", "[حذفت]": the deletion words of every registered language; "[...]") left out.
- **quotes**: the count of quoted spans: "…", “…”, «…», „…“, single curly quotes, 「…」, 『…』.

A unit that some versions do not have is reported where it stands, once: an article missing in one version is one
finding, not one per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TypeVar

from treatydiff import lang
from treatydiff.model import (
    Comparison,
    Discrepancy,
    Draft,
    Kind,
    Node,
    OutcomeDifference,
    Parallel,
    ParallelComparison,
    ParallelFinding,
    ParallelSide,
    Provision,
    label_value,
)

T = TypeVar("T")

#: What leaving a unit unmatched costs in the alignment. A pair scores 0 to 1, so two units in order are always
#: paired rather than left as two gaps (cost twice GAP) unless pairing them elsewhere gains more than that.
GAP = 0.3
#: How far beyond the difference in length the alignment may stray from the diagonal: the versions of one text
#: are nearly in step, and the band keeps the cost linear in the number of units.
BAND = 32

_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
     **{chr(0xFF10 + i): str(i) for i in range(10)}, "\u066c": ",", "\u066b": "."}
)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]*\]")
_DIGIT_DATE = re.compile(r"(\d{4})\s*年\s*\d{1,2}\s*月(?:\s*(\d{1,2})\s*日)?")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:([,. \u00a0\u202f\u2009])\d{3})(?:\2\d{3})*|\d+(?:[.,]\d+)?)(?!\d)")
_BRACKET = re.compile(r"\[(?!\^)([^\[\]]*)\]")
_QUOTE = re.compile(r'„[^„“”]+[“”]|“[^“”]+”|«[^«»]+»|\u2018[^\u2018\u2019]+\u2019|「[^「」]+」|『[^『』]+』|"[^"]+"')
_ROMAN = re.compile(r"[IVXLCDM]+")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
#: Kinds whose label, when it is a number, is the same number in every language (points are lettered per script).
_NUMBERED = frozenset({Kind.ARTICLE, Kind.ANNEX, Kind.PARAGRAPH})


def parallel(drafts: Sequence[Draft]) -> Parallel:
    """The versions ``drafts`` (two or more) aligned by structure, and every unit that does not correspond."""
    if len(drafts) < 2:
        raise ValueError("parallel needs at least two versions")
    trees = [[_provision(p, d.language) for p in d.provisions()] for d in drafts]
    _shares(trees)
    rows = _progressive(trees)
    findings: list[ParallelFinding] = []
    for index, row in enumerate(rows):
        _compare_row(row, index, findings)
    return Parallel(tuple(drafts), tuple(len(t) for t in trees), len(rows), tuple(findings))


# --- units: what the alignment and the comparison read --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: Kind
    where: str
    line: int
    key: int | None  # the label as a number, where it is one in every language
    shape: tuple[tuple[str, int], ...]  # how many units of each kind below it
    size: int  # characters of its text and its children's
    numbers: tuple[str, ...]
    brackets: int
    quotes: int
    children: tuple[_Unit, ...]
    share: float = 0.0  # its size over its parent's (the draft's, for a provision)


def _provision(provision: Provision, language: str) -> _Unit:
    node = provision.node
    name = _provision_name(provision)
    return _unit(node, name, provision.parts(), language)


def _provision_name(provision: Provision) -> str:
    node = provision.node
    if node.kind is Kind.ARTICLE:
        name = f"{node.number_word} {node.label}".strip()
    elif node.kind is Kind.PREAMBLE:
        name = "Preamble"
    else:
        name = node.heading()
    return f"{provision.annex}, {name}" if provision.annex else name


def _unit(node: Node, where: str, parts: tuple[Node, ...], language: str) -> _Unit:
    children: list[_Unit] = []
    seen: Counter[Kind] = Counter()
    # loose text (title lines, "The States Parties ...", a heading word one reader took for text) is no numbered
    # unit: it counts as the parent's own text, so it is compared but never reported missing
    loose = [c.text for c in parts if c.kind is Kind.BLOCK and not c.children]
    text = "\n".join([node.text, *loose]) if loose else node.text
    for child in parts:
        if child.kind is Kind.BLOCK and not child.children:
            continue
        seen[child.kind] += 1
        children.append(_unit(child, _child_name(where, child, seen[child.kind]), child.children, language))
    shape: Counter[str] = Counter()
    for below in children:
        shape[below.kind.value] += 1
        shape.update(dict(below.shape))
    size = len(text) + sum(c.size for c in children)
    total = max(1, size)
    children = [replace(c, share=c.size / total) for c in children]
    return _Unit(
        kind=node.kind, where=where, line=node.line, key=_key(node), shape=tuple(sorted(shape.items())),
        size=size, numbers=numbers(text, language), brackets=brackets(text), quotes=quotes(text),
        children=tuple(children),
    )


def _shares(trees: list[list[_Unit]]) -> None:
    for tree in trees:
        total = max(1, sum(u.size for u in tree))
        tree[:] = [replace(u, share=u.size / total) for u in tree]


def _child_name(parent: str, node: Node, position: int) -> str:
    value = label_value(node.label)
    if not value:
        return f"{parent}, {node.kind.value} {position}"
    return f"{parent}({value})"


def _key(node: Node) -> int | None:
    if node.kind not in _NUMBERED:
        return None
    value = node.label.strip("().").strip()
    if value.isdigit():
        return int(value)
    if _ROMAN.fullmatch(value):
        return _roman(value)
    return None


def _roman(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value else value
    return total


# --- what is counted ------------------------------------------------------------------------------------------


def numbers(text: str, language: str = "") -> tuple[str, ...]:
    """The numbers written in digits in ``text``, normalised and sorted by value, cross-references left out (see
    the module's docstring): ``numbers("within 30 days under article 5, 500 000 USD", "en") == ("30", "500000")``.
    """
    text = _FOOTNOTE.sub(" ", text.translate(_DIGITS))
    reference = _reference(language)
    if reference is not None:
        text = reference.sub(" ", text)
    text = _DIGIT_DATE.sub(lambda m: f" {m.group(1)} {m.group(2) or ''} ", text)
    found: list[tuple[float, str]] = []
    for match in _NUMBER.finditer(text):
        written = match.group(1)
        if match.group(2):  # thousands
            value = written.replace(match.group(2), "")
            found.append((float(value), str(int(value))))
        else:
            value = written.replace(",", ".")
            as_float = float(value)
            found.append((as_float, str(int(as_float)) if as_float.is_integer() and "." not in value
                          else value.rstrip("0").rstrip(".")))
    return tuple(text for _, text in sorted(found))


def _reference(language: str) -> re.Pattern[str] | None:
    if language not in lang.codes():
        return None
    from treatydiff.vocabulary import vocabulary

    return vocabulary(language).reference


def brackets(text: str) -> int:
    """The square-bracketed spans of ``text``, footnote markers and placeholders ("[deleted]", "[...]") left out."""
    return sum(1 for m in _BRACKET.finditer(text) if m.group(1).strip(" .…").casefold() not in _placeholders())


def quotes(text: str) -> int:
    """The quoted spans of ``text``, in the quote marks of any language."""
    return len(_QUOTE.findall(text))


_PLACEHOLDERS: set[str] = set()


def _placeholders() -> set[str]:
    if not _PLACEHOLDERS:
        words = {w.casefold() for s in lang.structures() for w in s.deleted}
        _PLACEHOLDERS.update(words | {""})
    return _PLACEHOLDERS


# --- alignment ------------------------------------------------------------------------------------------------


def _similarity(a: _Unit, b: _Unit) -> float | None:
    """How alike two units of two versions are, 0 to 1, from language-neutral evidence; None: never a pair."""
    if a.kind is not b.kind:
        return None
    score = weight = 0.0
    if a.key is not None and b.key is not None:
        score += 3.0 * (a.key == b.key)
        weight += 3.0
    sa, sb = dict(a.shape), dict(b.shape)
    total = sum(sa.values()) + sum(sb.values())
    differ = sum(abs(sa.get(k, 0) - sb.get(k, 0)) for k in sa.keys() | sb.keys())
    score += 2.0 * (1.0 - differ / total if total else 1.0)
    na, nb = Counter(a.numbers), Counter(b.numbers)
    union = sum((na | nb).values())
    score += 2.0 * (sum((na & nb).values()) / union if union else 1.0)
    high = max(a.share, b.share)
    score += min(a.share, b.share) / high if high else 1.0
    weight += 5.0
    return score / weight


def align(rows: Sequence[Sequence[T | None]], sequence: Sequence[T], similarity: Callable[[T, T], float | None],
          width: int) -> list[list[T | None]]:
    """``sequence`` aligned against ``rows`` (each a list with one member or None for each of the ``width``
    versions so far), in order:
    the rows with one more member each, and a new row for each unit of ``sequence`` that pairs with none. A row is
    represented by its first member. Banded: pairs stray at most ``BAND`` beyond the difference in length from
    the diagonal."""
    reps = [next(m for m in row if m is not None) for row in rows]
    n, m = len(reps), len(sequence)
    band = abs(n - m) + BAND
    minus = float("-inf")
    score: list[dict[int, float]] = [{} for _ in range(n + 1)]
    step: list[dict[int, int]] = [{} for _ in range(n + 1)]  # 0: pair, 1: row alone, 2: unit alone
    for i in range(n + 1):
        for j in range(max(0, i - band), min(m, i + band) + 1):
            if i == 0 and j == 0:
                score[0][0] = 0.0
                continue
            best, how = minus, 0
            if i and j:
                pair = similarity(reps[i - 1], sequence[j - 1])
                before = score[i - 1].get(j - 1, minus)
                if pair is not None and before + pair > best:
                    best, how = before + pair, 0
            if i and score[i - 1].get(j, minus) - GAP > best:
                best, how = score[i - 1][j] - GAP, 1
            if j and score[i].get(j - 1, minus) - GAP > best:
                best, how = score[i][j - 1] - GAP, 2
            score[i][j], step[i][j] = best, how
    out: list[list[T | None]] = []
    i, j = n, m
    while i or j:
        how = step[i][j]
        if how == 0:
            out.append([*rows[i - 1], sequence[j - 1]])
            i, j = i - 1, j - 1
        elif how == 1:
            out.append([*rows[i - 1], None])
            i -= 1
        else:
            out.append([*([None] * width), sequence[j - 1]])
            j -= 1
    out.reverse()
    return out


def _progressive(versions: Sequence[Sequence[_Unit]]) -> list[list[_Unit | None]]:
    rows: list[list[_Unit | None]] = [[u] for u in versions[0]]
    for width, sequence in enumerate(versions[1:], start=1):
        rows = align(rows, sequence, _similarity, width)
    return rows


# --- findings -------------------------------------------------------------------------------------------------


def _compare_row(row: Sequence[_Unit | None], provision: int, findings: list[ParallelFinding]) -> None:
    present = [u for u in row if u is not None]
    where = present[0].where
    if len(present) < len(row):
        sides = tuple(ParallelSide(True, u.where, u.line) if u else ParallelSide(False) for u in row)
        findings.append(ParallelFinding(Discrepancy.MISSING, where, provision, sides))
        return
    units = [u for u in row if u is not None]
    if any(u.numbers != units[0].numbers for u in units):
        sides = tuple(ParallelSide(True, u.where, u.line, numbers=u.numbers) for u in units)
        findings.append(ParallelFinding(Discrepancy.NUMBERS, where, provision, sides))
    for kind, count in ((Discrepancy.BRACKETS, attrgetter("brackets")), (Discrepancy.QUOTES, attrgetter("quotes"))):
        if len({count(u) for u in units}) > 1:
            sides = tuple(ParallelSide(True, u.where, u.line, count=count(u)) for u in units)
            findings.append(ParallelFinding(kind, where, provision, sides))
    for child in _progressive([u.children for u in units]):
        _compare_row(child, provision, findings)


# --- one revision step in two languages ----------------------------------------------------------------------


def compare_parallel(first: Comparison, second: Comparison) -> ParallelComparison:
    """The articles whose outcome differs between two comparisons of the same step in two languages, matched by
    their place in the drafts (the provision indexes of their old and new sides), not by their labels: a change
    that only one comparison has (the other matched the same provisions otherwise) differs too."""
    a, b = _by_place(first), _by_place(second)
    differences: list[OutcomeDifference] = []
    for place in sorted(a.keys() | b.keys(), key=_place_order):
        (where_a, outcome_a), (where_b, outcome_b) = a.get(place, ("", "")), b.get(place, ("", ""))
        if outcome_a != outcome_b:
            differences.append(OutcomeDifference(place[0], place[1], (where_a, where_b), (outcome_a, outcome_b)))
    return ParallelComparison(first, second, tuple(differences))


def _by_place(comparison: Comparison) -> dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[str, str]]:
    old = {id(p.node): i for i, p in enumerate(comparison.old.provisions())}
    new = {id(p.node): i for i, p in enumerate(comparison.new.provisions())}
    out: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[str, str]] = {}
    for change in comparison.changes:
        match = change.match
        place = (tuple(old[id(p.node)] for p in match.old), tuple(new[id(p.node)] for p in match.new))
        names = [" + ".join(_provision_name(p) for p in side) for side in (match.old, match.new)]
        out[place] = (" → ".join(n for n in names if n), change.outcome.value)
    return out


def _place_order(place: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[int, int]:
    old, new = place
    return (min(new) if new else min(old), min(old) if old else -1)
