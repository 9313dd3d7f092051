"""Stage 3, diff: classify the edits of a matched pair as editorial or substantive, and flag what changes legal meaning.

A redline tells a reader *that* words changed; a negotiator needs to know *which* changes matter. This module
answers two questions for one aligned paragraph pair:

1. **Is every difference editorial?** Both texts are reduced to a normal form and compared: case folded,
   quotes and punctuation dropped (square brackets kept: they mark text still under negotiation, which is
   substance), hyphenated compounds joined ("co-operation" = "cooperation"), whitespace collapsed, and the
   article numbers of the old text's cross-references mapped through the renumbering ("article 24" becomes
   "article 26" when article 24 became 26), with "Art." written as "article". If the normal forms are equal the
   pair is editorial. Normalising, rather than inspecting each edit, is deliberate: an editorial change often
   spans several edits (a quote mark deleted here, another inserted there) that mean nothing on their own.

2. **Which substantive changes alter legal meaning?** Each rule looks for one kind of change and reports the
   smallest phrases that show it, so a reader can judge at a glance (old "shall", new "may"):

   - obligation strength: modal phrases are read on a three-step scale (must/shall/undertake to > shall
     endeavour to/should/shall, as appropriate/shall consider > may/is encouraged to) and the sequences of modal
     phrases of the two texts are aligned, so a modal is only compared with the one that took its place; a modal
     that disappears together with its sentence is a removal, not a weakening;
   - negation: negators ("not", "no", "never", "neither", "nor") added or removed inside a changed run;
   - qualifiers: escape clauses ("in accordance with its domestic law", "as appropriate", "subject to", ...)
     counted in both texts;
   - numbers, periods and dates that changed inside the edited runs (paragraph labels and cross-references
     that only follow the renumbering are not numbers of substance);
   - negotiating brackets resolved or added (footnote markers "[^1]" and elisions "[...]" are not brackets);
   - cross-references that dangle: to an article the new draft does not have, or kept word for word while
     their target was renumbered (so they now point at the wrong article). These are reported even when the
     pair is otherwise editorial or identical, because an unchanged sentence can be broken by a change elsewhere.

Every rule is a regular-expression heuristic over English treaty language: it can miss a paraphrase ("is
required to" rewritten as "has the duty to") and cannot judge meaning. Flags point a reader at an edit; they do
not replace reading it.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from treatydiff.model import Edit, Flag, FlagKind, Mark, Node, Op

__all__ = [
    "Classification", "CrossReference", "References", "classify", "cross_references", "ignored_form", "option_chosen"
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "old_keys", frozenset(_key(n) for n in self.old_numbers))
        object.__setattr__(self, "new_keys", frozenset(_key(n) for n in self.new_numbers))
        by_key: dict[str, str] = {}
        for old, new in self.renumbered.items():
            by_key.setdefault(_key(old), new)
        object.__setattr__(self, "by_key", by_key)


@dataclass(frozen=True, slots=True)
class Classification:
    """``editorial`` is True when every difference is editorial (or there is none); ``flags`` says what changes
    legal meaning (and, even for an editorial pair, which cross-references dangle)."""

    editorial: bool
    flags: tuple[Flag, ...]


# --- cross-references -----------------------------------------------------------------------------------------

_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"
_HEAD = re.compile(r"\b(?P<head>articles?|arts?\.)", re.IGNORECASE)
# an article number: "24", "4a", "5 bis", "XIV" (Roman numerals in capitals only, so "article I" but not "in")
_NUMBER = re.compile(rf"\s*(?P<num>\d+[a-z]?(?:\s+{_SUFFIX})?\b|(?-i:[IVXLCDM]+)\b)", re.IGNORECASE)
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
def _references(text: str) -> tuple[_Ref, ...]:
    """The cross-references of ``text`` (cached: one paragraph pair asks for those of each text several times)."""
    refs: list[_Ref] = []
    for head in _HEAD.finditer(text):
        if refs and head.start() < refs[-1].end:
            continue
        plural = head.group("head").casefold() in ("articles", "arts.")
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


def _key(number: str) -> str:
    return " ".join(number.split()).casefold()


def _target(refs: References, number: str) -> str | None:
    """The new number of old article ``number``, or None when the differ did not match it."""
    if number in refs.renumbered:
        return refs.renumbered[number]
    return refs.by_key.get(_key(number))


def _rewrite_refs(text: str, refs: References | None, numbering: bool, numbers: list[str] | None = None) -> str:
    """``text`` with every reference headed "article" and, in its internal references: with ``numbering``, the
    whole reference written "article #"; with ``numbers`` given, each article number written "#" and appended
    to ``numbers``; else with ``refs`` given, each article number mapped to the new numbering."""
    out: list[str] = []
    pos = 0
    for ref in _references(text):
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
        number = text[start:end]
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


def _normal(text: str) -> str:
    text = _HYPHEN_IN_WORD.sub("", text.replace("\u00ad", ""))
    text = _PUNCTUATION.sub(" ", text).replace("_", " ")
    return " ".join(text.split()).casefold()  # ``\s`` and ``str.isspace`` agree: whitespace collapsed, ends stripped


def _editorially_equal(old_text: str, new_text: str, refs: References, numbering: bool) -> bool:
    """Equal in normal form, where each article number referred to in the new text is the old one, or the one
    the old article got in the renumbering (a reference kept word for word is not an edit, even when it now
    points at the wrong article: the dangling-reference rule reports that)."""
    if old_text == new_text:
        return True
    if numbering:
        return _normal(_rewrite_refs(old_text, None, True)) == _normal(_rewrite_refs(new_text, None, True))
    old_numbers: list[str] = []
    new_numbers: list[str] = []
    old_form = _normal(_rewrite_refs(old_text, None, False, old_numbers))
    new_form = _normal(_rewrite_refs(new_text, None, False, new_numbers))
    if old_form != new_form or len(old_numbers) != len(new_numbers):
        return False
    for old, new in zip(old_numbers, new_numbers, strict=True):
        target = _target(refs, old)
        if _key(new) != _key(old) and (target is None or _key(new) != _key(target)):
            return False
    return True


# --- differences a reader asked to ignore (``compare --ignore``) -----------------------------------------------

#: Every quote mark, single or double, curly, angled or straight -> '"' (the loader already made curly ones
#: straight; what is left is single against double, and apostrophes, alike on both sides).
_QUOTES = str.maketrans(
    dict.fromkeys("'\u2018\u2019\u201a\u201b\u2032\u2039\u203a`\u00b4\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"')
)


def ignored_form(text: str, ignore: frozenset[str]) -> str:
    """``text`` without the differences ``ignore`` names, whitespace collapsed: two paragraphs with the same form
    differ only in what the reader asked to ignore. "case": letter case; "quotes": quote style (single or double,
    curly, angled or straight); "punctuation": every punctuation mark, quotes and hyphens inside words included
    (square brackets are negotiating status and stay); "numbering": the article numbers of cross-references."""
    if "numbering" in ignore:
        text = _rewrite_refs(text, None, True)
    if "quotes" in ignore:
        text = text.translate(_QUOTES).replace('""', '"')
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
class _Spans:
    """Where the edits fall: the changed spans of the old text (deletions, and insertion points as empty spans),
    those of the new text (insertions, and deletion points), the kept spans of the new text, and the change
    hunks (deleted text, inserted text, word before, word after)."""

    changed_old: tuple[tuple[int, int], ...]
    changed_new: tuple[tuple[int, int], ...]
    kept_new: tuple[tuple[int, int], ...]
    hunks: tuple[tuple[str, str, str, str], ...]


def _spans(edits: Sequence[Edit]) -> _Spans:
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    hunks: list[tuple[str, str, str, str]] = []
    old_pos = new_pos = 0
    before, removed, added = "", "", ""
    for edit in edits:
        n = len(edit.text)
        if edit.op is Op.EQUAL:
            if removed or added:
                hunks.append((removed, added, before, _first_word(edit.text)))
                removed = added = ""
            before = _last_word(edit.text)
            kept.append((new_pos, new_pos + n))
            old_pos += n
            new_pos += n
        elif edit.op is Op.DELETE:
            deleted.append((old_pos, old_pos + n))
            inserted.append((new_pos, new_pos))
            removed += edit.text
            old_pos += n
        else:
            inserted.append((new_pos, new_pos + n))
            deleted.append((old_pos, old_pos))
            added += edit.text
            new_pos += n
    if removed or added:
        hunks.append((removed, added, before, ""))
    return _Spans(tuple(deleted), tuple(inserted), tuple(kept), tuple(hunks))


def _first_word(text: str) -> str:
    words = text.split()
    return words[0] if words else ""


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def _overlaps(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    return any(s < end and start < e for s, e in spans)


def _inside(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = span
    return any(s <= start and end <= e for s, e in spans)


def _phrase(*parts: str) -> str:
    return " ".join(" ".join(parts).split())


# --- obligation strength ---------------------------------------------------------------------------------------

_STRONG, _MEDIUM, _WEAK = 3, 2, 1
#: The letters a modal phrase can start with (a test keeps it in step with ``_MODAL``): looked at first, so the
#: branches are only tried where one can match.
_MODAL_INITIALS = "aimosu"
_MODAL = re.compile(
    rf"(?=[{_MODAL_INITIALS}])"
    r"\b(?P<core>must|shall|should|ought\s+to|(?<!\d\s)may(?!\s+\d)|undertakes?\s+to"
    r"|(?:is|are)\s+(?:encouraged|invited|urged|required|obliged|obligated|bound)\s+to)\b"
    r"(?P<neg>\s+not\b)?"
    r"(?P<qual>\s*,?\s*(?:(?:as|where|when)\s+appropriate|(?:where|if|when)\s+(?:possible|necessary|practicable|feasible)"
    r"|to\s+the\s+extent\s+possible)\s*,?)?"
    r"(?P<soft>\s+(?:endeavou?r|seek|strive|consider|make\s+(?:every|all\s+reasonable)\s+efforts?"
    r"|use\s+(?:its|their)\s+best\s+efforts?|give\s+(?:due\s+)?consideration)\b(?:\s+to\b)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Modal:
    phrase: str
    strength: int | None  # None: a prohibition ("shall not"), which the negation rule reports
    bare: str = ""  # the phrase without its qualifier ("shall, where appropriate," -> "shall")

    @property
    def key(self) -> str:
        return _SPACE.sub(" ", self.phrase.replace(",", " ")).strip().casefold()


def _strength(match: re.Match[str]) -> int | None:
    if match.group("neg"):
        return None
    core = _SPACE.sub(" ", match.group("core").casefold())
    if core in ("may", "is encouraged to", "are encouraged to", "is invited to", "are invited to"):
        return _WEAK
    if core in ("should", "ought to", "is urged to", "are urged to"):
        return _MEDIUM
    return _MEDIUM if match.group("qual") or match.group("soft") else _STRONG


def _modals(text: str) -> list[_Modal]:
    return [_Modal(m.group(0).strip(" ,"), _strength(m), _bare(m)) for m in _MODAL.finditer(text)]


def _bare(match: re.Match[str]) -> str:
    return _SPACE.sub(" ", "".join(match.group(g) or "" for g in ("core", "neg", "soft"))).strip().casefold()


def _obligation_flags(old_text: str, new_text: str, paragraph: str) -> Iterator[Flag]:
    old, new = _modals(old_text), _modals(new_text)
    matcher = difflib.SequenceMatcher(None, [m.key for m in old], [m.key for m in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue  # a modal that goes (or comes) with its sentence is a removal (addition), not a change
        for a, b in zip(old[i1:i2], new[j1:j2], strict=False):
            if a.strength is None or b.strength is None or a.strength == b.strength:
                continue
            if a.bare == b.bare:
                continue  # only a qualifier came or went: qualifier-added/-removed says so, once
            kind = FlagKind.OBLIGATION_WEAKENED if b.strength < a.strength else FlagKind.OBLIGATION_STRENGTHENED
            yield Flag(kind, a.phrase, b.phrase, paragraph)


# --- negation --------------------------------------------------------------------------------------------------

_NEGATOR = re.compile(r"\b(?:not|no(?!\.\s*\d)|never|neither|nor|none|nothing|cannot)\b|n't\b", re.IGNORECASE)


def _around_negator(text: str, width: int = 4) -> str:
    """A long run cut to the few words around its first negator, so that a flag shows a phrase, not a page."""
    words = text.split()
    if len(words) <= 2 * width + 1:
        return text
    at = next((i for i, w in enumerate(words) if _NEGATOR.search(w)), 0)
    return " ".join(words[max(0, at - width) : at + width + 1])


def _negation_flags(spans: _Spans, paragraph: str) -> Iterator[Flag]:
    for removed, added, before, after in spans.hunks:
        if len(_NEGATOR.findall(removed)) != len(_NEGATOR.findall(added)):
            yield Flag(
                FlagKind.NEGATION,
                _phrase(before, _around_negator(removed), after),
                _phrase(before, _around_negator(added), after),
                paragraph,
            )


# --- qualifiers ------------------------------------------------------------------------------------------------

#: Escape clauses that soften an obligation. Longest first: a text matches each place once, with the first
#: (longest) pattern that fits, so "subject to its domestic law" is not also counted as "subject to".
QUALIFIERS: tuple[str, ...] = (
    r"in accordance with the fundamental principles of (?:its|their) (?:domestic )?legal systems?",
    r"in accordance with (?:its|their) (?:domestic|national|internal) (?:law|laws|legislation|legal systems?)",
    r"consistent with (?:its|their) (?:domestic|national|internal) (?:law|laws|legislation|legal systems?)",
    r"subject to (?:its|their) (?:domestic|national|internal) (?:law|laws|legislation|legal systems?)",
    r"to the extent (?:possible|practicable|feasible|appropriate)",
    r"subject to",
    r"(?:as|where|when) appropriate",
    r"(?:where|if|when) (?:possible|practicable|feasible)",
    r"(?:if|where|when) necessary",
    r"to the extent",
)


def _tolerant(phrase: str) -> str:
    """A qualifier pattern that allows any whitespace between its words."""
    return phrase.replace(" ", r"\s+")


#: The letters a qualifier can start with (a test keeps it in step with ``QUALIFIERS``).
_QUALIFIER_INITIALS = "acistw"
_QUALIFIER_BODY = "(?:" + "|".join(f"(?P<q{i}>{_tolerant(q)}\\b)" for i, q in enumerate(QUALIFIERS)) + ")"
# one leading word boundary and a look at the first letter for the whole alternation: the branches are only tried
# where a word starts with a letter some qualifier starts with (half the time of the bare alternation)
_QUALIFIER = re.compile(rf"\b(?=[{_QUALIFIER_INITIALS}]){_QUALIFIER_BODY}", re.IGNORECASE)


def _qualifiers(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for match in _QUALIFIER.finditer(text):
        found.setdefault(str(match.lastgroup), []).append(" ".join(match.group(0).split()))
    return found


def _qualifier_flags(old_text: str, new_text: str, paragraph: str) -> Iterator[Flag]:
    old, new = _qualifiers(old_text), _qualifiers(new_text)
    for name in sorted(old.keys() | new.keys(), key=lambda n: int(n[1:])):
        before, after = old.get(name, []), new.get(name, [])
        if len(after) > len(before):
            yield Flag(FlagKind.QUALIFIER_ADDED, "", after[len(before)], paragraph)
        elif len(after) < len(before):
            yield Flag(FlagKind.QUALIFIER_REMOVED, before[len(after)], "", paragraph)


# --- numbers, periods, dates -----------------------------------------------------------------------------------

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DIGIT_WORD = r"one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORD = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{_DIGIT_WORD}))?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_DIGIT_WORD}"
    r"|hundred|thousand|million|billion)"
)
_QUANTITY_BODY = (
    rf"(?:\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b"
    r"|\b\d+(?:/\d+)+(?:/[A-Z]+)?\b"  # an instrument's number: "2016/679", "2000/31/EC"
    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*\b)"
)
#: What a quantity can start with: a digit, or the initial of a month or a number word (a test keeps it in step).
_QUANTITY_INITIALS = r"\dabdefhjmnost"
# the first character is looked at before the alternation, so its branches are only tried where one can match
# (half the time of the bare alternation)
_QUANTITY = re.compile(rf"(?=[{_QUANTITY_INITIALS}]){_QUANTITY_BODY}", re.IGNORECASE)
_UNIT = re.compile(
    r"\s*%|\s+(?:(?:calendar|working|business|consecutive)\s+)?(?:per\s*cent|percent|days?|weeks?|months?|years?"
    r"|hours?|minutes?|instruments?|ratifications?|States|Parties|Members?|signatories|votes|euros?|dollars?)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*(?:\(?\d+[a-z]?[.)]|\([a-z]{1,4}\)|[a-z]{1,4}\))\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Quantity:
    span: tuple[int, int]
    shown: str
    value: str


def _quantities(text: str, refs: References | None, numbering: bool) -> list[_Quantity]:
    """Numbers of substance in ``text`` (with their unit: "30 days"), and its cross-references with their
    numbers mapped to the new numbering when ``refs`` is given. Paragraph labels are skipped."""
    label = _LABEL.match(text)
    start = label.end() if label else 0
    found: list[_Quantity] = []
    references = _references(text)
    taken = [(r.start, r.end) for r in references]
    for ref in references:
        if not numbering:
            value = _normal(_rewrite_ref(text, ref, refs if not ref.external else None, False))
            found.append(_Quantity((ref.start, ref.end), text[ref.start : ref.end], value))
    for match in _QUANTITY.finditer(text, start):
        if _overlaps(match.span(), taken):
            continue
        unit = _UNIT.match(text, match.end())
        end = unit.end() if unit else match.end()
        shown = text[match.start() : end]
        found.append(_Quantity((match.start(), end), shown, _normal(shown)))
    return sorted(found, key=lambda q: q.span)


def _number_flags(
    old_text: str, new_text: str, spans: _Spans, refs: References, numbering: bool, paragraph: str
) -> Iterator[Flag]:
    old = [q for q in _quantities(old_text, refs, numbering) if _overlaps(q.span, spans.changed_old)]
    new = [q for q in _quantities(new_text, None, numbering) if _overlaps(q.span, spans.changed_new)]
    if Counter(q.value for q in old) == Counter(q.value for q in new):
        return  # the same numbers, moved or re-punctuated
    matcher = difflib.SequenceMatcher(None, [q.value for q in old], [q.value for q in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        for k in range(max(len(a), len(b))):
            yield Flag(
                FlagKind.NUMBER_CHANGED, a[k].shown if k < len(a) else "", b[k].shown if k < len(b) else "", paragraph
            )


# --- negotiating brackets --------------------------------------------------------------------------------------

_NOT_BRACKETS = re.compile(r"\[\^[^\]\s]*\]|\[\s*deleted\s*\]|\[\s*(?:\.\.\.|\u2026)\s*\]")
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


def _dangling_flags(new_text: str, spans: _Spans, refs: References, paragraph: str) -> Iterator[Flag]:
    existing = refs.new_keys
    previous = refs.old_keys
    for ref in _references(new_text):
        if ref.external:
            continue
        shown = new_text[ref.start : ref.end].strip()
        for start, end in ref.numbers:
            number = new_text[start:end]
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
) -> Classification:
    """Whether the differences between ``old_text`` and ``new_text`` (one aligned paragraph pair, either may be
    empty) are all editorial, and the flags for what changes legal meaning. ``edits`` is the pair's word-level
    redline; ``paragraph`` the label put in each flag; ``ignore`` may hold "numbering" to treat any change of
    numbers inside cross-references as editorial (case, punctuation and quotes are always editorial)."""
    if "".join(e.text for e in edits if e.op is not Op.INSERT) != old_text or (
        "".join(e.text for e in edits if e.op is not Op.DELETE) != new_text
    ):
        edits = _word_edits(old_text, new_text)
    numbering = "numbering" in ignore
    spans = _spans(edits)
    editorial = _editorially_equal(old_text, new_text, refs, numbering)
    flags: list[Flag] = []
    if not editorial:
        if old_text and new_text:  # a modal can only be replaced when both texts have one
            flags.extend(_obligation_flags(old_text, new_text, paragraph))
        if old_text.strip() and new_text.strip():  # a whole paragraph added or removed is reported as such
            flags.extend(_negation_flags(spans, paragraph))
        flags.extend(_qualifier_flags(old_text, new_text, paragraph))
        if old_text.strip() and new_text.strip():
            flags.extend(_number_flags(old_text, new_text, spans, refs, numbering, paragraph))
        flags.extend(_bracket_flags(old_text, new_text, paragraph))
    flags.extend(_dangling_flags(new_text, spans, refs, paragraph))
    return Classification(editorial, tuple(dict.fromkeys(flags)))


_OPTION_LABEL = re.compile(r"^\s*(?:Option|Alternative|Variant|Variante)\s+(?:\d+|[A-Z])\b\s*[:.\u2013-]?\s*")


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


def cross_references(text: str) -> list[CrossReference]:
    """The cross-references of ``text``, found as the differ finds them (``article 5``, ``articles 14 to 21``,
    ``Art. 24(3)``, ``article 24, paragraph 2``)."""
    found: list[CrossReference] = []
    for ref in _references(text):
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
            articles.append((text[start:end], paragraphs))
        found.append(CrossReference(ref.start, ref.end, tuple(articles), ref.external))
    return found
