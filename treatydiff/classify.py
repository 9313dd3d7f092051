"""Stage 3, diff: classify the edits of a matched pair as editorial or substantive, and flag what may change legal
meaning, with a severity.

A redline tells a reader *that* words changed; a negotiator needs to know *which* changes matter. This module
answers two questions for one aligned paragraph pair:

1. **Is every difference editorial?** Both texts are reduced to a normal form and compared: case folded,
   quotes and punctuation dropped (square brackets kept: they mark text still under negotiation, which is
   substance), hyphenated compounds joined ("co-operation" = "cooperation"), whitespace collapsed, and the
   article numbers of the old text's cross-references mapped through the renumbering ("article 24" becomes
   "article 26" when article 24 became 26), with "Art." written as "article". If the normal forms are equal the
   pair is editorial. Normalising, rather than inspecting each edit, is deliberate: an editorial change often
   spans several edits (a quote mark deleted here, another inserted there) that mean nothing on their own.

2. **Which substantive changes may alter legal meaning?** Each rule looks at the changed runs (and the words
   around them, never the whole text far from a change) for one kind of change, and quotes the smallest phrase
   that shows it, with the clause around it where a reader needs that:

   - obligations: the modal phrases of both texts are aligned, so a modal is compared only with the one that took
     its place (shall -> may is weakened); a duty, power or prohibition that came or went with its clause or
     paragraph is added or removed, once per changed run; the other rules leave such a run to that flag;
   - negation added or removed in a clause that stays (a long rewritten run is a new clause, not a negation);
   - qualifiers, with their direction: discretion and exceptions loosen a rule (high when added), conditions
     limit it (high when removed); a qualifier that introduces a safeguard ("subject to appropriate safeguards")
     is the safeguard;
   - safeguards (rights, proportionality, judicial review, remedies, data protection ...) added or removed;
   - scope: items added to, dropped from or exchanged in a list, "a" <-> "any", "only", a modifier between a
     determiner and its noun, a whole point of a list, an exclusion clause; its direction reversed inside an
     exclusion ("shall not apply to ...");
   - conditions made alternative or cumulative ("and" <-> "or"); definitions (one flag per definition);
   - quantities, periods, amounts, dates and deadlines, in digits or in words, with the phrase they belong to
     ("at least", "no later than"); a number inside a reference is never one;
   - references that changed without following the renumbering (low), and references that dangle;
   - negotiating brackets resolved or added.

The words of each language live in ``treatydiff/lang`` (modals and their strength, qualifiers and their
direction, safeguards, number words, reference heads ...), compiled by ``treatydiff/vocabulary.py``; this module
holds no words of any language. Every
rule is a heuristic over words: it misses paraphrases and cannot read intent. Flags point a reader at an edit;
they do not replace reading it. ``benchmarks/bench_flags.py`` measures them against hand-labelled drafts.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from treatydiff import lang
from treatydiff.confusables import skeleton, suspects
from treatydiff.lang.base import (
    MEDIUM,
    PROHIBITION,
    STRONG,
    UNSPACED,
    WEAK,
    WORD_START,
    Direction,
    compiled,
    special,
    unmarked,
)
from treatydiff.load.patterns import OPTION_LABEL
from treatydiff.load.patterns import number as label_of
from treatydiff.model import Edit, Flag, FlagKind, Mark, Node, Op, Severity
from treatydiff.vocabulary import SUFFIX, Vocabulary, find, vocabulary

__all__ = [
    "QUOTES", "Classification", "CrossReference", "References", "classify", "cross_references", "ignored_form",
    "option_chosen",
]


@dataclass(frozen=True, slots=True)
class References:
    """What the differ knows about article numbers, to judge cross-references. ``renumbered`` maps the old
    number of every matched article to its new number (identity included); ``old_numbers`` and ``new_numbers``
    are the article numbers of each draft as printed ("5", "4a", "5 bis", "XIV"), placeholders excluded."""

    renumbered: Mapping[str, str]
    old_numbers: frozenset[str]
    new_numbers: frozenset[str]
    # normalised views, computed once per comparison (classify runs once per paragraph)
    old_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    new_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    by_key: Mapping[str, str] = field(init=False, repr=False, compare=False)
    #: whether a reference kept word for word can dangle: some matched article changed its number, or some old
    #: article is gone from a new draft that has articles (else an unchanged paragraph has no flag at all)
    kept_may_dangle: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "old_keys", frozenset(_key(n) for n in self.old_numbers))
        object.__setattr__(self, "new_keys", frozenset(_key(n) for n in self.new_numbers))
        by_key: dict[str, str] = {}
        for old, new in self.renumbered.items():
            by_key.setdefault(_key(old), new)
        object.__setattr__(self, "by_key", by_key)
        moved = any(_key(old) != _key(new) for old, new in self.renumbered.items())
        gone = bool(self.new_keys) and not self.old_keys <= self.new_keys
        object.__setattr__(self, "kept_may_dangle", moved or gone)


@dataclass(frozen=True, slots=True)
class Classification:
    """``editorial`` is True when every difference is editorial (or there is none); ``flags`` says what changes
    legal meaning (and, even for an editorial pair, which cross-references dangle)."""

    editorial: bool
    flags: tuple[Flag, ...]


# --- cross-references -----------------------------------------------------------------------------------------

#: English heads, whose lists read "and", "or", "to": "articles 5 and 6"
_ENGLISH_HEADS = ("articles", "article", "arts.", "art.")


@lru_cache(maxsize=32)
def _head(code: str, unspaced: bool) -> re.Pattern[str]:
    """What heads a cross-reference in a text in language ``code``: "article(s)", "Art.", and the article words
    of that language as its running text inflects them ("статьей 12", "للمادة 5", "artículo 7"), or a frame around
    the number ("第十二条", group ``framed``). Only the text's own language: "artikelen 1, 12" in an English text
    cites another instrument. ``unspaced``: the text holds characters of a script written without spaces, which
    may stand right before a head word (a plain ``\b`` otherwise: the scan runs over every paragraph pair)."""
    words = set(_ENGLISH_HEADS)
    frames: set[tuple[str, str]] = set()
    for structure in filter(None, [lang.structure(code)]):
        words.update(w.casefold() for w in structure.article_words)
        words.update(plural.casefold() for plural, _ in structure.plural_article_words)
        words.update(w.casefold() for w in structure.reference_words)
        frames.update(structure.article_frames)
    heads = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    framed = "|".join(f"(?:{re.escape(before)}(?=[{_NUMERALS}\\d]+{re.escape(after)}))" for before, after in frames)
    start = WORD_START if unspaced else r"\b"
    framed = f"|(?P<framed>{framed})" if framed else ""
    return re.compile(f"{start}(?P<head>{heads})(?!\\w){framed}", re.IGNORECASE)


_NUMERALS = "〇零一二两三四五六七八九十百千万"  # (a frame's number in characters: "第十二条")
_FRAMED_NUMBER = re.compile(f"(?P<num>[{_NUMERALS}\\d]+)\\w")
# an article number: "24", "4a", "5 bis", "XIV" (Roman numerals in capitals only, so "article I" but not "in")
_NUMBER = re.compile(rf"\s*(?P<num>\d+[a-z]?(?:\s+{SUFFIX})?\b|(?-i:[IVXLCDM]+)\b)", re.IGNORECASE)
_SUB = re.compile(r"(?:\s?\(\w{1,4}\))*")  # "24(3)(a)"
_PARAGRAPH = re.compile(
    r"(?:,?\s+(?:sub-?)?(?:paragraphs?|paras?\.)\s+\d+(?:\s?\(\w{1,4}\))*(?:\s*(?:,|and|or)\s*\d+(?:\s?\(\w{1,4}\))*)*)?",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|to|through|-|\u2013)(?=\s*(?:\d|(?-i:[IVXLCDM]+\b)))",
                             re.IGNORECASE)  # fmt: skip
# what follows a reference to another instrument's article ("of the Treaty", "TFEU", "of Regulation (EU) ...")
_EXTERNAL = re.compile(
    r"\s*,?\s*(?:(?:TEU|TFEU|TEC|ECHR|GDPR|UNCLOS)\b"
    r"|(?:of|in|under)\s+(?:the\s+)?(?:Treaty|Regulation|Directive|Charter|Decision|Council|Commission|Protocol\s+No"
    r"|Statute|Covenant|Agreement|Code|Constitution|Rules|Vienna|International|European|Universal|United|Framework"
    r"|Annex|Convention\s+(?:on|for|against|relating|concerning|of|establishing))\b"
    r"|(?:of|in|under)\s+(?:that|the\s+said|said|the\s+aforementioned|the\s+above)\b)",
    re.IGNORECASE,
)
_EXTERNAL_ACRONYM = re.compile(r"\s*,?\s*(?:of|in|under)\s+(?:the\s+)?[A-Z]{2,}\b")


@dataclass(frozen=True, slots=True)
class _Ref:
    """One cross-reference: its span, the spans of its article numbers, and whether it names another instrument."""

    start: int
    end: int
    head_end: int
    numbers: tuple[tuple[int, int], ...]
    external: bool


def _skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """The end of an optional ``pattern`` at ``pos`` (``pos`` itself when it is absent)."""
    match = pattern.match(text, pos)
    return match.end() if match else pos


@lru_cache(maxsize=16)
def _references(text: str, code: str = lang.DEFAULT) -> tuple[_Ref, ...]:
    """The cross-references of ``text`` in language ``code`` (cached: one paragraph pair asks for those of each
    text several times)."""
    refs: list[_Ref] = []
    for head in _head(code, special(text)).finditer(text):
        if refs and head.start() < refs[-1].end:
            continue
        if head.lastgroup == "framed":  # "第十二条": the number, then the frame's closing word
            number = _FRAMED_NUMBER.match(text, head.end())
            if number is not None:
                refs.append(_Ref(head.start(), number.end(), head.end(), (number.span("num"),), False))
            continue
        word = head.group("head").casefold()
        plural = word in ("articles", "arts.") or word not in _ENGLISH_HEADS
        pos = head.end()
        numbers: list[tuple[int, int]] = []
        while number := _NUMBER.match(text, pos):
            numbers.append(number.span("num"))
            pos = _skip(_PARAGRAPH, text, _skip(_SUB, text, number.end()))
            separator = _LIST_SEPARATOR.match(text, pos) if plural else None
            if separator is None:
                break
            pos = separator.end()
        if not numbers:
            continue
        external = bool(_EXTERNAL.match(text, pos) or _EXTERNAL_ACRONYM.match(text, pos))
        refs.append(_Ref(head.start(), pos, head.end(), tuple(numbers), external))
    return tuple(refs)


def _number_of(printed: str) -> str:
    """A reference's article number as the parser labels the article: "十二" is 12, "١٢" is 12."""
    return printed if printed.isascii() else label_of(printed)


def _key(number: str) -> str:
    return " ".join(number.split()).casefold()


def _target(refs: References, number: str) -> str | None:
    """The new number of old article ``number``, or None when the differ did not match it."""
    if number in refs.renumbered:
        return refs.renumbered[number]
    return refs.by_key.get(_key(number))


def _rewrite_refs(
    text: str, refs: References | None, numbering: bool, numbers: list[str] | None = None, code: str = lang.DEFAULT
) -> str:
    """``text`` with every reference headed "article" and, in its internal references: with ``numbering``, the
    whole reference written "article #"; with ``numbers`` given, each article number written "#" and appended
    to ``numbers``; else with ``refs`` given, each article number mapped to the new numbering."""
    out: list[str] = []
    pos = 0
    for ref in _references(text, code):
        out.append(text[pos : ref.start])
        out.append(_rewrite_ref(text, ref, refs, numbering, numbers))
        pos = ref.end
    out.append(text[pos:])
    return "".join(out)


def _rewrite_ref(
    text: str, ref: _Ref, refs: References | None, numbering: bool, numbers: list[str] | None = None
) -> str:
    """One reference of ``text`` rewritten as ``_rewrite_refs`` does."""
    if numbering and not ref.external:
        return "article #"
    out = ["article"]
    cursor = ref.head_end
    for start, end in ref.numbers:
        out.append(text[cursor:start])
        number = _number_of(text[start:end])
        if ref.external:
            out.append(number)
        elif numbers is not None:
            numbers.append(number)
            out.append("#")
        else:
            mapped = _target(refs, number) if refs is not None else None
            out.append(mapped if mapped is not None else number)
        cursor = end
    out.append(text[cursor : ref.end])
    return "".join(out)


# --- editorial normal form ------------------------------------------------------------------------------------

# a hyphen between two word characters; the hyphen is matched first and the character before it looked back at, so
# the scan jumps from hyphen to hyphen (a leading look-behind is tried at every position: five times slower)
_HYPHEN_IN_WORD = re.compile(r"[-\u2010\u2011\u00ad](?<=\w[-\u2010\u2011\u00ad])(?=\w)")
_PUNCTUATION = re.compile(r"[^\w\s\[\]]")  # quotes included; square brackets are negotiating status, kept
_SPACE = re.compile(r"\s+")
_UNSPACED_GAP = f" (?=[{UNSPACED}])|(?<=[{UNSPACED}]) "  # (compiled on first use)


def _normal(text: str) -> str:
    text = _HYPHEN_IN_WORD.sub("", unmarked(text.replace("\u00ad", "")))  # (Arabic vowels: editorial)
    text = _PUNCTUATION.sub(" ", text).replace("_", " ")
    text = " ".join(text.split()).casefold()  # ``\s`` and ``str.isspace`` agree: whitespace collapsed, ends stripped
    # a script without spaces: the space a punctuation mark left between two of its characters is no word boundary
    return compiled(_UNSPACED_GAP).sub("", text) if special(text) else text


def _editorially_equal(old_text: str, new_text: str, refs: References, numbering: bool, code: str) -> bool:
    """Equal in normal form, where each article number referred to in the new text is the old one, or the one
    the old article got in the renumbering (a reference kept word for word is not an edit, even when it now
    points at the wrong article: the dangling-reference rule reports that)."""
    if old_text == new_text:
        return True
    if numbering:
        return (_normal(_rewrite_refs(old_text, None, True, code=code))
                == _normal(_rewrite_refs(new_text, None, True, code=code)))
    old_numbers: list[str] = []
    new_numbers: list[str] = []
    old_form = _normal(_rewrite_refs(old_text, None, False, old_numbers, code))
    new_form = _normal(_rewrite_refs(new_text, None, False, new_numbers, code))
    if old_form != new_form or len(old_numbers) != len(new_numbers):
        return False
    for old, new in zip(old_numbers, new_numbers, strict=True):
        target = _target(refs, old)
        if _key(new) != _key(old) and (target is None or _key(new) != _key(target)):
            return False
    return True


# --- differences a reader asked to ignore (``compare --ignore``) -----------------------------------------------

#: Every quote mark, single or double, curly, angled or straight -> '"' (the loader already made curly ones
#: straight; what is left is single against double, and apostrophes, alike on both sides). ``check`` term
#: rules read quotes the same way.
QUOTES = str.maketrans(
    dict.fromkeys("'\u2018\u2019\u201a\u201b\u2032\u2039\u203a`\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)


def ignored_form(text: str, ignore: frozenset[str], code: str = lang.DEFAULT) -> str:
    """``text`` without the differences ``ignore`` names, whitespace collapsed: two paragraphs with the same form
    differ only in what the reader asked to ignore. "case": letter case; "quotes": quote style (single or double,
    curly, angled or straight); "punctuation": every punctuation mark, quotes and hyphens inside words included
    (square brackets are negotiating status and stay); "numbering": the article numbers of cross-references."""
    if "numbering" in ignore:
        text = _rewrite_refs(text, None, True, code=code)
    if "quotes" in ignore:
        text = text.translate(QUOTES).replace('""', '"')
    if "punctuation" in ignore:
        text = _PUNCTUATION.sub(" ", _HYPHEN_IN_WORD.sub("", text.replace("\u00ad", "")))
    if "case" in ignore:
        text = text.casefold()
    return " ".join(text.split())


# --- edits as spans -------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def _word_edits(old_text: str, new_text: str) -> tuple[Edit, ...]:
    """A word-level redline, used only when the caller's edits do not rebuild the two texts."""
    a, b = _TOKEN.findall(old_text), _TOKEN.findall(new_text)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            edits.append(Edit(Op.EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            edits.append(Edit(Op.DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            edits.append(Edit(Op.INSERT, "".join(b[j1:j2])))
    return tuple(edits)


@dataclass(frozen=True, slots=True)
class _Hunk:
    """One changed run: ``old_text[old_start:old_end]`` was replaced by ``new_text[new_start:new_end]`` (either
    may be empty: a pure insertion or deletion)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@dataclass(frozen=True, slots=True)
class _Spans:
    """Where the edits fall: the changed spans of the old text (deletions, and insertion points as empty spans),
    those of the new text (insertions, and deletion points), the kept spans of the new text, and the changed
    runs (hunks)."""

    changed_old: tuple[tuple[int, int], ...]
    changed_new: tuple[tuple[int, int], ...]
    kept_new: tuple[tuple[int, int], ...]
    hunks: tuple[_Hunk, ...]
    #: the parts of each text the rules read: the changed spans and ``_MARGIN`` characters around them
    windows_old: tuple[tuple[int, int], ...] = ()
    windows_new: tuple[tuple[int, int], ...] = ()
    #: where each hunk ends on each side (non-decreasing): ``_hunk_of`` searches them
    ends_old: tuple[int, ...] = ()
    ends_new: tuple[int, ...] = ()
    #: the changed spans widened by ``_MODAL_REACH`` (is there a modal near a change?) and by ``_QUANTITY_REACH``
    near_old: tuple[tuple[int, int], ...] = ()
    near_new: tuple[tuple[int, int], ...] = ()
    reach_old: tuple[tuple[int, int], ...] = ()
    reach_new: tuple[tuple[int, int], ...] = ()


#: How far around a change the rules look (characters): longer than any phrase they match, so a phrase that
#: touches a change is always read whole, and nothing far from every change is read at all. The longest phrase a
#: vocabulary lists, written with single spaces, has 81 characters (an English qualifier, "in accordance with the
#: fundamental principles of ..."); a few have no bound ("(?:reasonable |best )*efforts", "(?:\w+ ){0,6}zu",
#: and a run of whitespace anywhere), and are read whole when they fit. ``tests/test_classify_scans.py`` holds
#: every language's phrases to the margins.
_MARGIN = 120
#: How far around a change the obligation rule looks for a modal before it reads the pair's modals (characters):
#: longer than any modal a language lists (31 characters, Arabic), unbounded ones apart.
_MODAL_REACH = 40


def _windows(
    changed: Sequence[tuple[int, int]], length: int, margin: int = _MARGIN
) -> tuple[tuple[int, int], ...]:
    """The changed spans widened by ``margin`` characters on each side, overlapping ones merged."""
    out: list[list[int]] = []
    for start, end in sorted(changed):
        start, end = max(0, start - margin), min(length, end + margin)
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def _spans(edits: Sequence[Edit]) -> _Spans:
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    hunks: list[_Hunk] = []
    old_pos = new_pos = 0
    run: list[int] | None = None  # [old_start, old_end, new_start, new_end] of the run being read
    for edit in edits:
        n = len(edit.text)
        if edit.op is Op.EQUAL:
            if run is not None:
                hunks.append(_Hunk(*run))
                run = None
            kept.append((new_pos, new_pos + n))
            old_pos += n
            new_pos += n
            continue
        if run is None:
            run = [old_pos, old_pos, new_pos, new_pos]
        if edit.op is Op.DELETE:
            deleted.append((old_pos, old_pos + n))
            inserted.append((new_pos, new_pos))
            old_pos += n
            run[1] = old_pos
        else:
            inserted.append((new_pos, new_pos + n))
            deleted.append((old_pos, old_pos))
            new_pos += n
            run[3] = new_pos
    if run is not None:
        hunks.append(_Hunk(*run))
    return _Spans(
        tuple(deleted), tuple(inserted), tuple(kept), tuple(hunks),
        _windows(deleted, old_pos), _windows(inserted, new_pos),
        tuple(h.old_end for h in hunks), tuple(h.new_end for h in hunks),
        _windows(deleted, old_pos, _MODAL_REACH), _windows(inserted, new_pos, _MODAL_REACH),
        _windows(deleted, old_pos, _QUANTITY_REACH), _windows(inserted, new_pos, _QUANTITY_REACH),
    )


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    return any(s < end and start < e for s, e in spans)


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    return any(s <= start and end <= e for s, e in spans)


# --- where the edits are, and the clause around them ---------------------------------------------------------------

_CLAUSE_END = re.compile(r"[.;:!?](?=\s|$)|\n")


def _clause(text: str, start: int, end: int, width: int = 8) -> str:
    """``text[start:end]`` with whole words around it: back to the start of its clause (at most ``width`` words),
    on to its end (at most ``width`` words), on one line; "…" where it was cut inside the clause."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    stop = _CLAUSE_END.search(text, end)
    right = (stop.start() + (1 if text[stop.start()] in ";:." else 0)) if stop else len(text)
    while start > left and not text[start - 1].isspace():  # never start or end inside a word
        start -= 1
    while end < right and not text[end].isspace():
        end += 1
    words_before = [m.start() for m in re.finditer(r"\S+", text[left:start])]
    words_after = [m.end() for m in re.finditer(r"\S+", text[end:right])]
    cut_left = len(words_before) > width
    cut_right = len(words_after) > width
    begin = left + words_before[-width] if cut_left else left
    finish = end + words_after[width - 1] if cut_right else right
    quote = " ".join(text[begin:finish].split())
    return ("… " if cut_left else "") + quote + (" …" if cut_right else "")


def _short(text: str, width: int = 12) -> str:
    words = text.split()
    return " ".join(words[:width]) + (" …" if len(words) > width else "")


def _hunk_of(pos: tuple[int, int], spans: _Spans, old_side: bool) -> int | None:
    """The index of the first hunk whose changed span on one side overlaps ``pos`` (or, for a pure insertion or
    deletion, whose point lies in it). Hunks are in text order on both sides, so a binary search finds where to
    look: a paragraph with thousands of edits costs no more per question than one with three."""
    start, end = pos
    hunks = spans.hunks
    k = bisect.bisect_left(spans.ends_old if old_side else spans.ends_new, start)
    while k < len(hunks):
        h = hunks[k]
        s, e = (h.old_start, h.old_end) if old_side else (h.new_start, h.new_end)
        if s >= end and not (s == e == start == end):
            return None
        if (s < end and start < e) or (s == e and start <= s < end):
            return k
        k += 1
    return None


def _strength(code: str, match: re.Match[str]) -> int:
    return vocabulary(code).language.modals[int(str(match.lastgroup)[1:])][1]


# --- obligation strength, and duties added or removed ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Modal:
    phrase: str
    strength: int
    span: tuple[int, int]

    @property
    def key(self) -> str:
        return " ".join(self.phrase.casefold().split())


def _modals(text: str, code: str) -> list[_Modal]:
    found = find(vocabulary(code).modal, text, ((0, len(text)),))
    return [_Modal(m.group(0), _strength(code, m), m.span()) for m in found]


_KIND_OF_MODAL = {STRONG: "duty", MEDIUM: "soft duty", WEAK: "power or permission", PROHIBITION: "prohibition"}


def _obligation_flags(
    old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str
) -> tuple[list[Flag], set[tuple[bool, int]]]:
    """Modals replaced by weaker or stronger ones; and duties (powers, prohibitions) that came or went with the
    words around them, one flag per changed run. Also returns the changed runs (side, hunk) that added or removed
    a duty: the other rules leave those runs to this flag."""
    v = vocabulary(code)
    if not any(find(v.modal, text, near) for text, near in ((old_text, spans.near_old), (new_text, spans.near_new))):
        return [], set()  # no modal in or next to a change: no duty came, went or changed strength
    old, new = _modals(old_text, code), _modals(new_text, code)
    exclusion = v.exclusion
    flags: list[Flag] = []
    taken: set[tuple[bool, int]] = set()
    # a modal in changed words pairs only with one in changed words: "shall notify ... and shall consult" ->
    # "may notify ... and shall consult" weakens the first duty; the second, untouched, is the one kept
    matcher = difflib.SequenceMatcher(
        None,
        [(m.key, _inside(m.span, spans.changed_old)) for m in old],
        [(m.key, _inside(m.span, spans.changed_new)) for m in new],
        autojunk=False,
    )
    unpaired_old: list[_Modal] = []
    unpaired_new: list[_Modal] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        for x, y in zip(a, b, strict=False):
            if PROHIBITION in (x.strength, y.strength) or x.strength == y.strength:
                if x.strength != y.strength:
                    continue  # a prohibition lifted or imposed: the negation rule reports it
                continue
            kind = FlagKind.OBLIGATION_WEAKENED if y.strength < x.strength else FlagKind.OBLIGATION_STRENGTHENED
            flags.append(Flag(kind, x.phrase, y.phrase, paragraph))
        unpaired_old.extend(a[len(b):])
        unpaired_new.extend(b[len(a):])
    for modals, text, old_side in ((unpaired_new, new_text, False), (unpaired_old, old_text, True)):
        by_hunk: dict[int, _Modal] = {}
        for modal in modals:
            k = _hunk_of(modal.span, spans, old_side)
            if k is None or not _inside(modal.span, spans.changed_old if old_side else spans.changed_new):
                continue
            best = by_hunk.get(k)
            if best is None or (modal.strength or 4) > (best.strength or 4):
                by_hunk[k] = modal
        for k, modal in by_hunk.items():
            hunk = spans.hunks[k]
            verb = (new_text[hunk.new_start:hunk.new_end] if old_side else old_text[hunk.old_start:hunk.old_end])
            if v.language.indicative_duty and modal.strength in (WEAK, MEDIUM) and _plain_verb(verb, code):
                # "adoptará" -> "podrá adoptar", "adopte" -> "peut adopter": where the plain indicative states the
                # duty, a permission in its place weakens it (and the indicative in a permission's place
                # strengthens it), as "shall" -> "may" does
                kind = FlagKind.OBLIGATION_STRENGTHENED if old_side else FlagKind.OBLIGATION_WEAKENED
                before = " ".join(old_text[hunk.old_start:hunk.old_end].split())
                after = " ".join(new_text[hunk.new_start:hunk.new_end].split())
                note = "the indicative's duty " + ("from a permission" if old_side else "made a permission")
                flags.append(Flag(kind, before, after, paragraph, note=note))
                continue  # the clause stays: the other rules read the rest of the run
            quote = _clause(text, *modal.span)
            kind = FlagKind.OBLIGATION_REMOVED if old_side else FlagKind.OBLIGATION_ADDED
            note = f"{_KIND_OF_MODAL[modal.strength]} {'removed' if old_side else 'added'}"
            if exclusion.search(text, modal.span[0], modal.span[1] + 40):
                # "this Regulation shall not apply to ...": what comes or goes is an exclusion, a matter of scope
                kind = FlagKind.SCOPE_WIDENED if old_side else FlagKind.SCOPE_NARROWED
                note = f"exclusion {'removed' if old_side else 'added'}"
            if old_side:
                flags.append(Flag(kind, quote, "", paragraph, note=note))
            else:
                flags.append(Flag(kind, "", quote, paragraph, note=note))
            taken.add((old_side, k))
    return flags, taken


#: Most words of the run a permission replaced for it to be the verb of the same clause and the words the edit
#: took with it ("adoptará" -> "podrá adoptar", "fournissent une assistance technique" -> "s'efforcent de fournir
#: une assistance technique, selon qu'il convient"), not a clause of its own.
_VERB_RUN = 6


def _plain_verb(run: str, code: str) -> bool:
    """Whether ``run``, the words on the other side of a changed run, is a short run without a modal or a
    negator: the verb an added permission took the place of, or that took the place of a removed one."""
    v = vocabulary(code)
    return 0 < len(run.split()) <= _VERB_RUN and not v.modal.search(run) and not v.negator.search(run)


# --- negation --------------------------------------------------------------------------------------------------

#: A changed run longer than this (in words, on the side that gained the negator) is a rewritten clause, not a
#: negation flipped: the duty it adds or removes is the flag.
_NEGATION_RUN = 10


def _negation_flags(old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str) -> Iterator[Flag]:
    v = vocabulary(code)

    def negators(text: str, start: int, end: int) -> int:
        if start == end or not v.negator.search(text, start, end):
            return 0
        near = (max(0, start - 60), min(len(text), end + 60))
        blank = [m.span() for p in (v.not_negation, v.reference) for m in p.finditer(text, *near)]
        return sum(1 for m in v.negator.finditer(text, start, end) if not _overlaps(m.span(), blank))

    for hunk in spans.hunks:
        before = negators(old_text, hunk.old_start, hunk.old_end)
        after = negators(new_text, hunk.new_start, hunk.new_end)
        if before == after:
            continue
        longer = new_text[hunk.new_start : hunk.new_end] if after > before else old_text[hunk.old_start : hunk.old_end]
        if len(longer.split()) > _NEGATION_RUN:
            continue
        yield Flag(
            FlagKind.NEGATION,
            _clause(old_text, hunk.old_start, hunk.old_end, 5),
            _clause(new_text, hunk.new_start, hunk.new_end, 5),
            paragraph,
            note="negation added" if after > before else "negation removed",
        )


# --- qualifiers and safeguards: phrases counted in the changed runs ------------------------------------------------


def _counted(
    pattern: re.Pattern[str], text: str, spans: _Spans, skip: set[int], old_side: bool,
    blank: re.Pattern[str] | None = None,
) -> dict[int, list[str]]:
    """Per pattern index, the phrases it matches inside the changed runs of one side (runs in ``skip`` left out,
    and phrases that overlap a match of ``blank``)."""
    found: dict[int, list[str]] = {}
    changed = spans.changed_old if old_side else spans.changed_new
    windows = spans.windows_old if old_side else spans.windows_new
    blanked = [m.span() for m in find(blank, text, windows)] if blank is not None else []
    for match in find(pattern, text, windows):
        if not _overlaps(match.span(), changed):
            continue
        if _overlaps(match.span(), blanked):
            continue
        if blank is not None and _introduces(blank, text, match.end()):
            continue  # "subject to appropriate safeguards": the qualifier introduces a safeguard
        k = _hunk_of(match.span(), spans, old_side)
        if k is not None and k in skip:
            continue
        found.setdefault(int(str(match.lastgroup)[1:]), []).append(" ".join(text[match.start():match.end()].split()))
    return found


def _opens_clause(text: str, pos: int) -> bool:
    """Whether ``pos`` is at the start of a sentence or clause (at most a label before it): "Without prejudice
    to ...", "By way of derogation from ..."."""
    before = text[max(0, pos - 12) : pos]
    return not before.strip() or bool(re.search(r"(?:[.;:]|^\W*\(?\w{1,4}[.)])\s*$", before))


_NEXT_WORD = re.compile(r"\s*[^\W\d_]+")
_SPACES = re.compile(r"\s*")


def _introduces(pattern: re.Pattern[str], text: str, pos: int, most: int = 2) -> bool:
    """Whether ``pattern`` matches right after ``pos``, or after one or ``most`` words ("subject to [appropriate
    procedural] safeguards")."""
    for _ in range(most + 1):
        if pattern.match(text, _SPACES.match(text, pos).end()):  # type: ignore[union-attr]
            return True
        word = _NEXT_WORD.match(text, pos)
        if word is None:
            return False
        pos = word.end()
    return False


_QUALIFIER_NOTE = {
    Direction.DISCRETION: ("adds discretion", "removes discretion"),
    Direction.EXCEPTION: ("adds an exception", "removes an exception"),
    Direction.CONDITION: ("adds a condition", "removes a condition"),
}


def _qualifier_flags(
    old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str, taken: set[tuple[bool, int]]
) -> Iterator[Flag]:
    v = vocabulary(code)
    skip_old = {k for side, k in taken if side}
    skip_new = {k for side, k in taken if not side}
    old = _counted(v.qualifier, old_text, spans, skip_old, True, v.safeguard)
    new = _counted(v.qualifier, new_text, spans, skip_new, False, v.safeguard)
    # an exception that came or went with its clause still is one ("This obligation shall not cover ...",
    # "By way of derogation from ..."): counted in those clauses too
    exceptions = {i for i, (_, d) in enumerate(v.language.qualifiers) if d is Direction.EXCEPTION}
    for side, counted, text, skip in ((True, old, old_text, skip_old), (False, new, new_text, skip_new)):
        if skip:
            for match in find(v.qualifier, text, spans.windows_old if side else spans.windows_new):
                index = int(str(match.lastgroup)[1:])
                k = _hunk_of(match.span(), spans, side)
                if index in exceptions and k in skip and _opens_clause(text, match.start()):
                    counted.setdefault(index, []).append(" ".join(match.group(0).split()))
    for index in sorted(old.keys() | new.keys()):
        direction = v.language.qualifiers[index][1]
        before, after = old.get(index, []), new.get(index, [])
        loosens = direction is not Direction.CONDITION
        if len(after) > len(before):
            severity = Severity.HIGH if loosens else Severity.MEDIUM
            yield Flag(FlagKind.QUALIFIER_ADDED, "", after[len(before)], paragraph, severity,
                       _QUALIFIER_NOTE[direction][0])
        elif len(after) < len(before):
            severity = Severity.MEDIUM if loosens else Severity.HIGH
            yield Flag(FlagKind.QUALIFIER_REMOVED, before[len(after)], "", paragraph, severity,
                       _QUALIFIER_NOTE[direction][1])


def _safeguard_flags(
    old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str, taken: set[tuple[bool, int]]
) -> Iterator[Flag]:
    v = vocabulary(code)
    # a safeguard that went with its clause is gone all the same; one that came with a new duty is part of it
    old = _counted(v.safeguard, old_text, spans, set(), True)
    new = _counted(v.safeguard, new_text, spans, {k for side, k in taken if not side}, False)
    for index in sorted(old.keys() | new.keys()):
        before, after = old.get(index, []), new.get(index, [])
        if len(after) > len(before):
            yield Flag(FlagKind.SAFEGUARD_ADDED, "", after[len(before)], paragraph)
        elif len(after) < len(before):
            yield Flag(FlagKind.SAFEGUARD_REMOVED, before[len(after)], "", paragraph)


# --- scope: list items, determiners, "only"; conditions "and" <-> "or" ----------------------------------------------

#: A run of at most this many words added to (or dropped from) a coordination is a list item.
_ITEM_WORDS = 10
_WORD = re.compile(r"[^\W\d_]+(?:[/'][^\W\d_]+)?|\d+")


def _scope_flags(
    old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str, taken: set[tuple[bool, int]]
) -> Iterator[Flag]:
    v = vocabulary(code)
    joiners = v.and_words | v.or_words
    for k, hunk in enumerate(spans.hunks):
        if (True, k) in taken or (False, k) in taken:
            continue
        removed = old_text[hunk.old_start : hunk.old_end]
        added = new_text[hunk.new_start : hunk.new_end]
        gone, came = _WORD.findall(removed.casefold()), _WORD.findall(added.casefold())
        lead = 0
        while lead < min(len(gone), len(came)) and gone[lead] == came[lead]:
            lead += 1
        trail = 0
        while trail < min(len(gone), len(came)) - lead and gone[-1 - trail] == came[-1 - trail]:
            trail += 1
        extra_came, extra_gone = came[lead : len(came) - trail], gone[lead : len(gone) - trail]
        excluded = bool(v.exclusion.search(new_text, max(0, hunk.new_start - 200), hunk.new_start)) or bool(
            v.exclusion.search(old_text, max(0, hunk.old_start - 200), hunk.old_start))
        if len(extra_came) > _ITEM_WORDS or len(extra_gone) > _ITEM_WORDS:
            # a rewritten passage, not an item, a word of reach or a conjunction; inside an exclusion ("shall not
            # apply to AI systems developed or used exclusively for military purposes" -> "... if and insofar
            # placed on the market ... for military, defence or national security purposes") what is excluded
            # changed, which way the words alone do not say
            if excluded and _of_substance(extra_came, v) and _of_substance(extra_gone, v):
                yield Flag(FlagKind.CONDITION_CHANGED, _clause(old_text, hunk.old_start, hunk.old_end, 4),
                           _clause(new_text, hunk.new_start, hunk.new_end, 4), paragraph, note="exclusion rewritten")
            continue
        widened, narrowed = (FlagKind.SCOPE_NARROWED, FlagKind.SCOPE_WIDENED) if excluded else (
            FlagKind.SCOPE_WIDENED, FlagKind.SCOPE_NARROWED)
        where = " to an exclusion" if excluded else ""
        # "and" <-> "or": cumulative conditions become alternatives, or the reverse
        if len(gone) == 1 and len(came) == 1 and {gone[0], came[0]} <= joiners and (
            (gone[0] in v.and_words) != (came[0] in v.and_words)
        ):
            yield Flag(FlagKind.CONDITION_CHANGED, _clause(old_text, hunk.old_start, hunk.old_end, 4),
                       _clause(new_text, hunk.new_start, hunk.new_end, 4), paragraph,
                       note="conditions now alternative" if came[0] in v.or_words else "conditions now cumulative")
            continue
        # "a" <-> "any": reach
        if len(gone) == 1 and len(came) == 1:
            if gone[0] in v.particular and came[0] in v.universal:
                yield Flag(widened, removed.strip(), added.strip(), paragraph, note=f"{came[0]!r} now")
                continue
            if gone[0] in v.universal and came[0] in v.particular:
                yield Flag(narrowed, removed.strip(), added.strip(), paragraph, note=f"{gone[0]!r} dropped")
                continue
        # "only" added or dropped
        if len(gone) + len(came) <= 3:
            if any(w in v.limitative for w in came) and not any(w in v.limitative for w in gone):
                yield Flag(narrowed, "", _clause(new_text, hunk.new_start, hunk.new_end, 3), paragraph,
                           note="limited")
                continue
            if any(w in v.limitative for w in gone) and not any(w in v.limitative for w in came):
                yield Flag(widened, _clause(old_text, hunk.old_start, hunk.old_end, 3), "", paragraph,
                           note="limit dropped")
                continue
        # an item added to or dropped from a coordination ("military" -> "military, defence or national security"):
        # what one side adds to the other once the words both share at either end are set aside (above)
        if "".join(extra_came) == "".join(extra_gone):
            continue  # a word split or joined ("tehouden" -> "te houden"): spelling
        if v.modal.search(new_text, hunk.new_start, hunk.new_end) or v.modal.search(
            old_text, hunk.old_start, hunk.old_end
        ):
            continue
        removed_run, added_run = removed.strip(), added.strip()
        if any(v.qualifier.search(r) or v.safeguard.search(r) for r in (removed_run, added_run)):
            continue  # a qualifier or a safeguard set off by commas: its own rule reports it
        if not _of_substance(extra_came, v) and not _of_substance(extra_gone, v):
            continue
        if _cited_only(new_text, hunk.new_start, hunk.new_end, code) and _cited_only(
            old_text, hunk.old_start, hunk.old_end, code
        ):
            continue  # another act or provision cited: a reference, not an item of substance
        around_new = new_text[max(0, hunk.new_start - 2) : hunk.new_end + 2]
        around_old = old_text[max(0, hunk.old_start - 2) : hunk.old_end + 2]
        coordinated = "," in around_new or "," in around_old or any(
            w in joiners for w in (*_WORD.findall(added_run.casefold()), *_WORD.findall(removed_run.casefold()))
        )
        quote_new = _clause(new_text, hunk.new_start, hunk.new_end, 3) if added_run else ""
        quote_old = _clause(old_text, hunk.old_start, hunk.old_end, 3) if removed_run else ""
        if coordinated:
            # an item added to, dropped from or exchanged in a list ("military" -> "military, defence or
            # national security"; "the law enforcement, immigration or asylum" -> "..., border control, ...")
            if extra_came and not extra_gone:
                yield Flag(widened, quote_old, quote_new, paragraph, note=f"item added{where}")
            elif extra_gone and not extra_came:
                yield Flag(narrowed, quote_old, quote_new, paragraph, note=f"item removed{where}")
            elif _of_substance(extra_came, v) and _of_substance(extra_gone, v):
                kind = widened if len(extra_came) >= len(extra_gone) else narrowed
                yield Flag(kind, quote_old, quote_new, paragraph, note=f"items exchanged{where}")
            continue
        # a word or two that qualify a noun: added, they restrict the class ("AI systems" -> "high-risk AI
        # systems"); dropped, they widen it ("whole groups" -> "groups")
        if extra_came and extra_gone:
            continue
        words = extra_came or extra_gone
        if len(words) > _MODIFIER_WORDS or not all(w.isalpha() and _of_substance([w], v) for w in words):
            continue
        text, start = (new_text, hunk.new_start) if extra_came else (old_text, hunk.old_start)
        if not _after_determiner(text, start, v):
            continue  # not between a determiner and its noun: a verb, an adverbial, a phrase of another kind
        if extra_came:
            yield Flag(narrowed, quote_old, quote_new, paragraph, note=f"qualified: {' '.join(words)}{where}")
        else:
            yield Flag(widened, quote_old, quote_new, paragraph, note=f"no longer qualified: {' '.join(words)}"
                       f"{where}")


#: At most this many words added before a noun (or dropped) make a modifier that changes a class's reach.
_MODIFIER_WORDS = 3


def _after_determiner(text: str, pos: int, v: Vocabulary) -> bool:
    """Whether the word before ``pos`` is an article, a determiner or a conjunction ("the [designated]
    authorities", "or [whole] groups"): what comes next qualifies a noun."""
    before = _WORD.findall(text[max(0, pos - 30) : pos].casefold())
    if not before:
        return False
    return before[-1] in v.particular | v.universal | v.determiners | v.and_words | v.or_words


def _of_substance(words: Sequence[str], v: Vocabulary) -> bool:
    """Some word of ``words`` is neither a function word of the language nor one that leaves reach alone."""
    plain = v.particular | v.universal | v.and_words | v.or_words | v.neutral
    return any(w not in plain and len(w) > 2 and not w.endswith(v.neutral_endings or ("\0",)) for w in words)


def _cited_only(text: str, start: int, end: int, code: str) -> bool:
    """Every longer word of ``text[start:end]`` is inside a reference."""
    cited = _reference_spans(text, code, _windows([(start, end)], len(text)))
    return all(_overlaps(m.span(), cited) for m in _WORD.finditer(text, start, end) if len(m.group(0)) > 3)


# --- definitions ------------------------------------------------------------------------------------------------


def _definition_term(text: str, code: str) -> str | None:
    match = vocabulary(code).definition.match(text)
    return " ".join(match.group("term").split()) if match else None


def _definition_flag(old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str) -> Flag | None:
    """One flag for a definition whose words changed (added, removed, or defined differently)."""
    old_term, new_term = _definition_term(old_text, code), _definition_term(new_text, code)
    term = new_term or old_term
    if term is None:
        return None
    if not old_text.strip():
        return Flag(FlagKind.DEFINITION_CHANGED, "", _short(new_text), paragraph, note=f"definition of {term!r} added")
    if not new_text.strip():
        return Flag(FlagKind.DEFINITION_CHANGED, _short(old_text), "", paragraph,
                    note=f"definition of {term!r} removed")
    hunk = max(spans.hunks, key=lambda h: (h.old_end - h.old_start) + (h.new_end - h.new_start), default=None)
    if hunk is None:
        return None
    return Flag(FlagKind.DEFINITION_CHANGED, _clause(old_text, hunk.old_start, hunk.old_end, 4),
                _clause(new_text, hunk.new_start, hunk.new_end, 4), paragraph, note=f"definition of {term!r}")


# --- numbers, periods, dates, and references -----------------------------------------------------------------------

_LABEL = re.compile(r"^\s*(?:\(?\d+[a-z]?[.)](?!\d)|\([a-z]{1,4}\)|[a-z]{1,4}\))\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Quantity:
    span: tuple[int, int]
    shown: str
    value: str
    date: bool


def _reference_spans(text: str, code: str, windows: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    spans = [m.span() for m in find(vocabulary(code).reference, text, windows)]
    spans.extend((r.start, r.end) for r in _references(text, code))
    return spans


#: How far from a change a quantity can start or end (characters): longer than any date or spelled-out number.
_QUANTITY_REACH = 60


def _quantities(
    text: str, code: str, windows: tuple[tuple[int, int], ...], reach: tuple[tuple[int, int], ...]
) -> list[_Quantity]:
    """Quantities of substance in ``text``: digits, dates, and spelled-out numbers with their unit or the phrase
    before them ("at least", "no later than"); never a number inside a reference ("Article 5(2)", "2016/679",
    "OJ L 119, 4.5.2016") or the paragraph's own label. A spelled-out number needs a unit or such a phrase
    ("three months", "at least two"), so that "one of the" and "third countries" are not quantities.
    ``windows`` and ``reach``: the changed spans widened by ``_MARGIN`` and by ``_QUANTITY_REACH``."""
    v = vocabulary(code)
    label = _LABEL.match(text)
    start = label.end() if label else 0
    cited = _reference_spans(text, code, windows)  # (the rules' shared reference scan)
    found: list[_Quantity] = []
    for match in find(v.quantity, text, tuple((max(a, start), b) for a, b in reach if b > start)):
        core = match.span("date") if match.group("date") else match.span("digits") if match.group("digits") else (
            match.span("word"))
        if _overlaps(core, cited):
            continue
        word = match.group("word")
        before = v.quantity_prefix.search(text, max(0, match.start() - 40), match.start())
        after = v.quantity_unit.match(text, match.end())
        parts = [p for p in re.split(r"[\s-]+", word.casefold()) if p not in v.and_words] if word else []
        if word and not (before or after) and not (len(parts) > 1 and v.number_values.get(parts[-1]) == 0):
            continue  # (a number with a fraction, "drei Viertel", "two thirds", is a quantity by itself)
        if word:
            number = " ".join(str(v.number_values.get(p) or p) for p in parts)  # (a fraction keeps its word)
        else:
            number = re.sub(r"[\s\u00a0,.](?=\d{3}\b)", "", (match.group("digits") or match.group("date") or ""))
        unit = " ".join(after.group("unit").casefold().split()).rstrip("s") if after else ""
        prefix = " ".join(before.group("prefix").casefold().split()) if before else ""
        value = " ".join(p for p in (prefix, number.casefold(), unit) if p)
        span = (before.start() if before else match.start(), after.end() if after else match.end())
        shown = " ".join(text[span[0] : span[1]].split())
        found.append(_Quantity(span, shown, value, bool(match.group("date"))))
    return found


def _number_flags(
    old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str, taken: set[tuple[bool, int]]
) -> Iterator[Flag]:
    def relevant(quantities: list[_Quantity], changed: Sequence[tuple[int, int]], old_side: bool) -> list[_Quantity]:
        out = []
        for q in quantities:
            if not _overlaps(q.span, changed):
                continue
            k = _hunk_of(q.span, spans, old_side)
            if k is not None and (old_side, k) in taken and q.value.replace(" ", "").isdigit():
                continue  # a bare number in a sentence that came or went: the sentence's duty is the flag
            out.append(q)
        return out

    old = relevant(_quantities(old_text, code, spans.windows_old, spans.reach_old), spans.changed_old, True)
    new = relevant(_quantities(new_text, code, spans.windows_new, spans.reach_new), spans.changed_new, False)
    if Counter(q.value for q in old) == Counter(q.value for q in new):
        return  # the same numbers, moved or re-punctuated
    penalty = vocabulary(code).penalty
    matcher = difflib.SequenceMatcher(None, [q.value for q in old], [q.value for q in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        for k in range(max(len(a), len(b))):
            x, y = (a[k] if k < len(a) else None), (b[k] if k < len(b) else None)
            if x is None or y is None:
                # a quantity that comes or goes alone counts when it is more than a bare number: a period, an
                # amount, a date ("within 30 days" added, "no later than one year after" in a new duty)
                q = y if x is None else x
                assert q is not None
                if q.value.replace(" ", "").isdigit():
                    continue
            either = x or y
            assert either is not None
            kind = FlagKind.DATE_CHANGED if (x and x.date) or (y and y.date) else FlagKind.NUMBER_CHANGED
            look = new_text if y else old_text
            near = look[max(0, either.span[0] - 80) : either.span[1] + 40]
            note = "penalty" if penalty.search(near) else ""
            yield Flag(kind, x.shown if x else "", y.shown if y else "", paragraph, note=note)


def _deadline_flags(old_text: str, new_text: str, spans: _Spans, code: str, paragraph: str) -> Iterator[Flag]:
    """Time limits without a number that came or went ("without undue delay" added to a duty)."""
    v = vocabulary(code)
    old = _counted(v.deadline, old_text, spans, set(), True)
    new = _counted(v.deadline, new_text, spans, set(), False)
    for index in sorted(old.keys() | new.keys()):
        before, after = old.get(index, []), new.get(index, [])
        if len(after) != len(before):
            gained = len(after) > len(before)
            phrase = after[len(before)] if gained else before[len(after)]
            yield Flag(FlagKind.DATE_CHANGED, "" if gained else phrase, phrase if gained else "", paragraph,
                       note="deadline added" if gained else "deadline removed")


def _reference_flags(
    old_text: str, new_text: str, spans: _Spans, refs: References, code: str, paragraph: str
) -> Iterator[Flag]:
    """References that changed in the edited runs and do not follow the renumbering: another provision or
    another act is cited now (low severity: a reader asks for them)."""

    def cited(
        text: str, changed: Sequence[tuple[int, int]], windows: tuple[tuple[int, int], ...], mapping: References | None
    ) -> list[tuple[str, str]]:
        out: list[tuple[int, str, str]] = []
        articles = _references(text, code)
        for ref in articles:
            if _overlaps((ref.start, ref.end), changed):
                value = _normal(_rewrite_ref(text, ref, None if ref.external else mapping, False))
                out.append((ref.start, " ".join(text[ref.start : ref.end].split()), value))
        taken = [(r.start, r.end) for r in articles]
        for match in find(vocabulary(code).reference, text, windows):
            if _overlaps(match.span(), changed) and not _overlaps(match.span(), taken):
                shown = " ".join(match.group(0).split())
                out.append((match.start(), shown, _normal(shown)))
        return [(shown, value) for _, shown, value in sorted(out)]

    old = cited(old_text, spans.changed_old, spans.windows_old, refs)
    new = cited(new_text, spans.changed_new, spans.windows_new, None)
    if Counter(v for _, v in old) == Counter(v for _, v in new):
        return
    matcher = difflib.SequenceMatcher(None, [v for _, v in old], [v for _, v in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        for k in range(max(len(a), len(b))):
            yield Flag(FlagKind.REFERENCE_CHANGED, a[k][0] if k < len(a) else "", b[k][0] if k < len(b) else "",
                       paragraph)


# --- negotiating brackets --------------------------------------------------------------------------------------

#: Square brackets that are no negotiating text: a footnote marker, an ellipsis, and a placeholder's "[deleted]" in
#: any registered language ("[supprimé]", "[исключена]", "[删除]")
_NOT_BRACKETS = re.compile(
    r"\[\^[^\[\]\s]*\]|\[\s*(?:\.\.\.|\u2026)\s*\]|\[\s*(?:deleted"
    + "".join(f"|{re.escape(w)}" for st in lang.structures() for w in st.deleted) + r")\s*\]",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def _bracket_flags(old_text: str, new_text: str, paragraph: str) -> Iterator[Flag]:
    old, new = _NOT_BRACKETS.sub("", old_text), _NOT_BRACKETS.sub("", new_text)
    old_count, new_count = old.count("["), new.count("[")
    if old_count == new_count:
        return
    old_parts, new_parts = _BRACKETED.findall(old), _BRACKETED.findall(new)
    if new_count < old_count:
        gone = next((p for p in old_parts if p not in new_parts), "[")
        inner = gone.strip("[]").strip()
        yield Flag(FlagKind.BRACKETS_RESOLVED, gone, inner if inner and inner in new else "", paragraph)
    else:
        came = next((p for p in new_parts if p not in old_parts), "[")
        inner = came.strip("[]").strip()
        yield Flag(FlagKind.BRACKETS_ADDED, inner if inner and inner in old else "", came, paragraph)


# --- dangling cross-references ---------------------------------------------------------------------------------


def _dangling_flags(new_text: str, spans: _Spans, refs: References, paragraph: str, code: str) -> Iterator[Flag]:
    existing = refs.new_keys
    previous = refs.old_keys
    for ref in _references(new_text, code):
        if ref.external:
            continue
        shown = new_text[ref.start : ref.end].strip()
        for start, end in ref.numbers:
            number = _number_of(new_text[start:end])
            kept = _inside((start, end), spans.kept_new)
            if existing and _key(number) not in existing:
                # a reference written in this revision, or kept while this revision removed its target; one that
                # already dangled in the old text is not a change (``treatydiff lint`` reports it)
                if not kept or _key(number) in previous:
                    yield Flag(FlagKind.REFERENCE_DANGLING, "", shown, paragraph)
                continue
            target = _target(refs, number)
            if target is not None and _key(target) != _key(number) and kept:
                # kept word for word from the old text, whose article `number` is now `target`
                yield Flag(FlagKind.REFERENCE_DANGLING, shown, f"{shown} (article {number} is now {target})", paragraph)


# --- public API ------------------------------------------------------------------------------------------------


def classify(
    old_text: str,
    new_text: str,
    edits: tuple[Edit, ...],
    refs: References,
    *,
    paragraph: str = "",
    ignore: frozenset[str] = frozenset(),
    language: str = lang.DEFAULT,
    heading: bool = False,
) -> Classification:
    """Whether the differences between ``old_text`` and ``new_text`` (one aligned paragraph pair, either may be
    empty) are all editorial, and the flags for what may change legal meaning. ``edits`` is the pair's word-level
    redline; ``paragraph`` the label put in each flag; ``ignore`` may hold "numbering" to treat any change of
    numbers inside cross-references as editorial (case, punctuation and quotes are always editorial);
    ``language`` the code of the vocabulary to read the texts with (``treatydiff.lang``); a ``heading`` (an
    article's or a division's title) gets no flags of legal meaning, only its brackets and references."""
    if "".join(e.text for e in edits if e.op is not Op.INSERT) != old_text or (
        "".join(e.text for e in edits if e.op is not Op.DELETE) != new_text
    ):
        edits = _word_edits(old_text, new_text)
    numbering = "numbering" in ignore
    if old_text == new_text:
        # nothing changed, so only the dangling-reference rule has anything to say: about references that this
        # revision left stale. With the whole text kept (one equal edit) such a reference needs an article that
        # was renumbered or removed (``References.kept_may_dangle``); and any needs a reference in the text
        kept = len(edits) == 1 and edits[0].op is Op.EQUAL
        if (kept and not refs.kept_may_dangle) or not _references(new_text, language):
            return Classification(True, ())
        return Classification(True, tuple(_dangling_flags(new_text, _spans(edits), refs, paragraph, language)))
    spans = _spans(edits)
    editorial = _editorially_equal(old_text, new_text, refs, numbering, language)
    flags: list[Flag] = list(_lookalike_flags(old_text, new_text, paragraph))
    # the rules read the texts' skeletons (``treatydiff.confusables``: the same length, so the spans of the
    # edits still hold), so that "may" with a Cyrillic "a" (U+0430) is the "may" it passes for
    old_text, new_text = skeleton(old_text), skeleton(new_text)
    # and Arabic without its vowel marks and tatweel, as the vocabulary writes it ("يَجِبُ" is "يجب"): the edits
    # are taken again on the bare texts (the flags then quote them bare)
    bare_old, bare_new = unmarked(old_text), unmarked(new_text)
    if bare_old is not old_text or bare_new is not new_text:
        old_text, new_text = bare_old, bare_new
        spans = _spans(_word_edits(old_text, new_text))
    if not editorial and heading:
        flags.extend(_bracket_flags(old_text, new_text, paragraph))
    elif not editorial:
        flags.extend(_meaning_flags(old_text, new_text, spans, refs, numbering, paragraph, language))
    flags.extend(_dangling_flags(new_text, spans, refs, paragraph, language))
    return Classification(editorial, tuple(dict.fromkeys(flags)))


def _lookalike_flags(old_text: str, new_text: str, paragraph: str) -> Iterator[Flag]:
    """A word that passes for another (mixed scripts, fullwidth letters) that the new text brought in."""
    before = {s.word for s in suspects(old_text)}
    for suspect in suspects(new_text):
        if suspect.word not in before:
            yield Flag(FlagKind.LOOKALIKE_TEXT, suspect.skeleton, suspect.word, paragraph, note=suspect.detail)


def _is_item(text: str, code: str) -> bool:
    """A point that counts as an item of substance: not a placeholder ("[deleted]") and not only a citation of
    another act or provision (a list of amended acts)."""
    if _NOT_BRACKETS.fullmatch(text.strip().rstrip(";.,")):
        return False
    return not _cited_only(text, 0, len(text), code)


#: A point label ("(a)", "b)", "(iv)"): a unit so labelled that comes or goes is an item of a list.
_POINT_LABEL = re.compile(r"^\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\)$|^[a-z]\.$|^[-\u2013\u2022*]$", re.IGNORECASE)


def _meaning_flags(
    old_text: str, new_text: str, spans: _Spans, refs: References, numbering: bool, paragraph: str, code: str
) -> Iterator[Flag]:
    """The flags of one substantively changed pair, rule by rule. A duty that comes or goes with its clause is
    flagged once, as such; the rules for qualifiers, scope and numbers leave its run alone."""
    definition = _definition_flag(old_text, new_text, spans, code, paragraph)
    if definition is not None:  # a definition's change is one flag (and its numbers, if they changed)
        yield definition
        if old_text.strip() and new_text.strip():
            yield from _number_flags(old_text, new_text, spans, code, paragraph, set())
        yield from _bracket_flags(old_text, new_text, paragraph)
        return
    obligations, taken = _obligation_flags(old_text, new_text, spans, code, paragraph)
    yield from obligations
    if old_text.strip() and new_text.strip():
        yield from _negation_flags(old_text, new_text, spans, code, paragraph)
        yield from _scope_flags(old_text, new_text, spans, code, paragraph, taken)
        yield from _number_flags(old_text, new_text, spans, code, paragraph, taken)
        yield from _deadline_flags(old_text, new_text, spans, code, paragraph)
        if not numbering:
            yield from _reference_flags(old_text, new_text, spans, refs, code, paragraph)
        yield from _qualifier_flags(old_text, new_text, spans, code, paragraph, taken)
        yield from _safeguard_flags(old_text, new_text, spans, code, paragraph, taken)
    else:  # a whole paragraph that came or went: its periods, amounts and dates
        yield from _number_flags(old_text, new_text, spans, code, paragraph, taken)
    if (not old_text.strip() or not new_text.strip()) and not obligations and _POINT_LABEL.match(paragraph.strip()) \
            and _is_item(new_text or old_text, code):
        # a whole point that comes or goes: an item of a list (its qualifiers and safeguards are its content)
        text = new_text or old_text
        if new_text:
            yield Flag(FlagKind.SCOPE_WIDENED, "", _short(text), paragraph, note="point added to a list")
        else:
            yield Flag(FlagKind.SCOPE_NARROWED, _short(text), "", paragraph, note="point removed from a list")
    yield from _bracket_flags(old_text, new_text, paragraph)


_OPTION_LABEL = re.compile(f"^\\s*{OPTION_LABEL}\\s*[:.\u2013\uff1a-]?\\s*")


def _options(nodes: Sequence[Node]) -> list[Node]:
    return [n for top in nodes for n in top.walk() if Mark.OPTION in n.marks]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _option_body(node: Node) -> str:
    parts = [node.text, *(child.full_text() for child in node.children)]
    return _OPTION_LABEL.sub("", " ".join(p for p in parts if p))


def option_chosen(old: Sequence[Node], new: Sequence[Node]) -> tuple[Flag, ...]:
    """An ``option-chosen`` flag when the old article(s) offered alternatives ("Option 1", "Option 2") and the
    new one(s) offer fewer or none. ``old_text`` lists the old options; ``new_text`` is the opening words of the
    new text that best matches one of them (the option kept), or "" when none matches well."""
    old_options, new_options = _options(old), _options(new)
    if not old_options or len(new_options) >= len(old_options):
        return ()
    labels = ", ".join(n.label or (n.text.split(":")[0] if n.text else "option") for n in old_options)
    candidates = [n.text for top in new for n in top.walk() if n.text and Mark.OPTION not in n.marks]
    best, best_text = 0.0, ""
    for option in old_options:
        body = _words(_option_body(option))
        if not body:
            continue
        for text in candidates:
            ratio = difflib.SequenceMatcher(None, body, _words(text), autojunk=False).ratio()
            if ratio > best:
                best, best_text = ratio, text
    opening = ""
    if best >= 0.5:
        words = best_text.split()
        opening = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return (Flag(FlagKind.OPTION_CHOSEN, labels, opening),)


# --- cross-references for lint -----------------------------------------------------------------------------------

_PARAGRAPH_NUMBERS = re.compile(r"\d+[a-z]?(?![\w)])")
_FIRST_SUB = re.compile(r"\s?\((?P<para>\d{1,3}[a-z]?)\)")


@dataclass(frozen=True, slots=True)
class CrossReference:
    """One cross-reference as ``treatydiff lint`` checks it: its span in the text, each article number it names
    with the paragraph numbers given for it ("Article 5(4)", "article 5, paragraphs 1 and 2"; empty when none),
    and whether it names another instrument ("Article 114 of the Treaty")."""

    start: int
    end: int
    articles: tuple[tuple[str, tuple[str, ...]], ...]
    external: bool


def cross_references(text: str, code: str = lang.DEFAULT) -> list[CrossReference]:
    """The cross-references of ``text``, found as the differ finds them (``article 5``, ``articles 14 to 21``,
    ``Art. 24(3)``, ``article 24, paragraph 2``)."""
    found: list[CrossReference] = []
    for ref in _references(text, code):
        articles: list[tuple[str, tuple[str, ...]]] = []
        for start, end in ref.numbers:
            paragraphs: tuple[str, ...] = ()
            sub = _FIRST_SUB.match(text, end)
            if sub:
                paragraphs = (sub.group("para"),)
            else:
                para = _PARAGRAPH.match(text, end)
                if para and para.group(0):
                    paragraphs = tuple(_PARAGRAPH_NUMBERS.findall(re.sub(r"\(\w{1,4}\)", "", para.group(0))))
            articles.append((_number_of(text[start:end]), paragraphs))
        found.append(CrossReference(ref.start, ref.end, tuple(articles), ref.external))
    return found
