"""Stage 3, diff: one language's vocabulary (``treatydiff.lang``) compiled into the patterns the classifier's
rules run, and the scan those rules share.

The language modules hold words and pattern sources only; this module turns them into compiled alternations (each
branch a named group, so a match tells which phrase it was), and reads from each parsed pattern the words a match
can begin with (``Starts``). ``find`` scans only the parts of a text around its changes, tries a pattern only at
those words, and remembers the last scans: the rules of one paragraph pair ask for the same ones several times.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress
from typing import Any

from treatydiff import lang
from treatydiff.lang.base import UNSPACED, WORD_END, WORD_START, Language, compiled, word_pattern

__all__ = [
    "STARTS", "SUFFIX", "Starts", "Vocabulary", "alternation", "find", "vocabulary", "vocabulary_patterns",
]

#: The Latin ordinal suffixes of inserted article numbers ("5 bis", "12 ter").
SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)"


@dataclass(frozen=True, slots=True)
class Starts:
    """Where a match of a pattern can begin, told by the word it begins with: one of ``words`` (lower case) as a
    whole word, a word beginning with one of ``prefixes``, a number (``digits``), or one of the characters
    ``chars``. Read from the parsed pattern; wider than the pattern (its look-arounds are left out), never
    narrower."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    digits: bool
    chars: str

    def accepts(self, word: str) -> bool:
        """Whether a match can begin with ``word`` (a whole word of the text, in lower case; in a script written
        without spaces, one character, the first of the phrase: "应" of "应当")."""
        return (word in self.words or word.startswith(self.prefixes) or (self.digits and word[:1].isdigit())
                or (len(word) == 1 and compiled(_UNSPACED_CHAR).match(word) is not None
                    and any(w.startswith(word) for w in (*self.words, *self.prefixes))))

    def look_ahead(self) -> str:
        """A look-ahead at the characters (both cases) a match can begin with, so that the engine tries a long
        alternation only where one of its branches can match."""
        first = {w[0] for w in self.words} | {p[0] for p in self.prefixes} | set(self.chars)
        if self.digits:
            first.update("0123456789")
        both = {x for ch in first for x in (ch, ch.upper(), ch.lower()) if len(x) == 1}
        return "(?=[" + "".join(re.escape(ch) for ch in sorted(both)) + "])"


_UNSPACED_CHAR = f"[{UNSPACED}]"  # (compiled on first use: ``lang.base.compiled``)

#: Most spellings of a first word one pattern may list (char classes and optional parts multiply them).
_MAX_SPELLINGS = 512


def _starts(pattern: str) -> Starts | None:
    """The ``Starts`` of ``pattern`` (matched case-insensitively); None when they cannot be told."""
    try:
        c: Any = importlib.import_module("re._constants")
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern, re.IGNORECASE)
    except Exception:  # another Python, another parser: go without the speed-up
        return None
    words: set[str] = set()
    prefixes: set[str] = set()
    chars: set[str] = set()
    digits = False
    non_word = {c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD}
    word_classes = [(c.IN, [(c.CATEGORY, c.CATEGORY_WORD)]), parser.parse(WORD_END)[0][1][1][0]]

    class Unknown(Exception):
        pass

    def close(open_: set[str], ch: str | None) -> None:
        """The first word ends here, before a character that is not part of a word (``ch``, None: any such)."""
        for prefix in open_:
            if prefix:
                words.add(prefix)
            elif ch is not None:
                chars.add(ch)
            else:
                raise Unknown  # a match that may begin with any of many characters

    def members(op: Any, arg: Any) -> list[str] | None:
        """The characters (lower case) one item matches, "" standing for a class of non-word characters; None
        when that is not a short list."""
        if op is c.LITERAL:
            return [chr(arg).lower()]
        if op is not c.IN:
            return None
        out: list[str] = []
        for sub, value in arg:
            if sub is c.LITERAL:
                out.append(chr(value).lower())
            elif sub is c.RANGE and value[1] - value[0] < 64:
                out.extend(chr(x).lower() for x in range(value[0], value[1] + 1))
            elif sub is c.CATEGORY and value in non_word:
                out.append("")
            else:
                return None
        return out

    def wordish(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    def walk(items: Any, open_: set[str]) -> set[str]:
        """The prefixes still open after ``items``, from those open before (closed words recorded on the way)."""
        nonlocal digits
        for op, arg in items:
            if not open_:
                return open_
            if op is c.ASSERT_NOT and len(arg[1]) == 1 and arg[1][0] in word_classes:
                if arg[0] == 1:  # (?!\w), ``WORD_END``: the word ends here
                    close(open_, None)
                    return set()
                continue
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                continue  # zero-width: leaving it out only widens the starts
            if op is c.SUBPATTERN:
                open_ = walk(arg[-1], open_)
            elif op is c.BRANCH:
                out: set[str] = set()
                for branch in arg[1]:
                    out |= walk(branch, set(open_))
                open_ = out
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                low, high, sub = arg
                if high == 1:
                    once = walk(sub, set(open_))
                    open_ = (open_ | once) if low == 0 else once
                    continue
                single = members(*sub[0]) if len(sub) == 1 else None
                if single is not None and not any(wordish(m) for m in single if m):
                    for m in single:  # a run of spaces or punctuation: the word ends here (or goes on, if optional)
                        close(open_, m or None)
                    if low:
                        return set()
                    continue
                if single is not None and low and all(compiled(_UNSPACED_CHAR).match(m) for m in single):
                    prefixes.update(p + m for p in open_ for m in single)  # "[一二三十]+": its first character
                    return set()
                if "" in open_:
                    numeric = single is not None and all(m.isdigit() for m in single)
                    if not (numeric or (len(sub) == 1 and sub[0] == (c.IN, [(c.CATEGORY, c.CATEGORY_DIGIT)]))):
                        raise Unknown
                    digits = True
                prefixes.update(p for p in open_ if p)  # the word goes on with letters we do not list
                return set()
            else:
                found = members(op, arg)
                if found is None:
                    if op is c.IN and arg == [(c.CATEGORY, c.CATEGORY_DIGIT)] and open_ == {""}:
                        digits = True
                        return set()
                    raise Unknown
                word_like = {m for m in found if m and wordish(m)}
                if word_like and len(word_like) != len(set(found)):
                    raise Unknown  # a class of letters and punctuation at once
                if not word_like:
                    for m in found:
                        close(open_, m or None)
                    return set()
                if "" in open_ and any(m.isdigit() for m in word_like):
                    raise Unknown
                open_ = {p + m for p in open_ for m in word_like}
                if all(compiled(_UNSPACED_CHAR).match(p) for p in open_):
                    # a script without spaces: the first character is where a match can begin (``accepts``)
                    prefixes.update(p[:1] for p in open_)
                    return set()
            if len(open_) > _MAX_SPELLINGS:
                raise Unknown
        return open_

    try:
        left = walk(tree, {""})
    except Unknown:
        return None
    if "" in left:
        return None
    prefixes |= left
    return Starts(frozenset(words - prefixes), tuple(sorted(prefixes)), digits, "".join(sorted(chars)))




def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled case-insensitively, behind a look-ahead at the characters it can begin with, and its
    ``STARTS`` registered for ``find`` (when they can be told)."""
    starts = _starts(pattern)
    if starts is None:
        return re.compile(pattern, re.IGNORECASE)
    compiled = re.compile(starts.look_ahead() + pattern, re.IGNORECASE)
    STARTS[compiled] = starts
    _SCANNED[id(compiled)] = _Scanned(compiled, starts, set(), set())
    return compiled


#: Where a word begins and ends in a spaced language: a plain word boundary (``lang.base.WORD_START`` for an
#: unspaced one; its look-behind at some 28,000 characters costs some 2 ms a pattern to compile).
SPACED_START, SPACED_END = r"(?<!\w)", r"(?!\w)"


def bounds(language: Language) -> tuple[str, str]:
    """Where a word begins and ends in ``language``'s patterns."""
    return (WORD_START, WORD_END) if language.unspaced else (SPACED_START, SPACED_END)


def alternation(patterns: Sequence[str], group: str = "", edges: tuple[str, str] = (WORD_START, WORD_END)) -> str:
    """Patterns as one alternation at word boundaries (``edges``: where a word begins and ends), any whitespace
    where a pattern has a space; with ``group``, each branch a named group ``{group}{index}`` so a match tells
    which pattern it was."""
    branches = []
    for i, pattern in enumerate(patterns):
        body = pattern.replace(" ", r"\s+")
        branches.append(f"(?P<{group}{i}>{body})" if group else f"(?:{body})")
    return edges[0] + "(?:" + "|".join(branches) + ")" + edges[1]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A ``Language`` compiled for the rules below (built once per language, on first use)."""

    language: Language
    modal: re.Pattern[str]
    negator: re.Pattern[str]
    not_negation: re.Pattern[str]
    qualifier: re.Pattern[str]
    safeguard: re.Pattern[str]
    exclusion: re.Pattern[str]
    reference: re.Pattern[str]
    quantity: re.Pattern[str]
    definition: re.Pattern[str]
    number_values: Mapping[str, int]
    universal: frozenset[str]
    particular: frozenset[str]
    limitative: frozenset[str]
    and_words: frozenset[str]
    or_words: frozenset[str]
    neutral: frozenset[str]
    neutral_endings: tuple[str, ...]
    determiners: frozenset[str]
    deadline: re.Pattern[str]
    penalty: re.Pattern[str]
    quantity_prefix: re.Pattern[str]
    quantity_unit: re.Pattern[str]


def _ref_number(end: str) -> str:
    return (r"(?:\d+(?:[./-]\d+)*[a-z]{0,2}(?:\s+" + SUFFIX + r")?" + end + r"|(?-i:[IVXLCDM]+)(?![\w])"
            r"|\((?:\d{1,3}[a-z]?|[a-z]{1,4})\))")


_REF_TAIL = r"(?:\s*\((?:\d{1,3}[a-z]?|[a-z]{1,4})\))*"
#: What is a reference in every language: an act's number ("2016/679", "(EU) No 765/2008", "2000/31/EC"), an
#: Official Journal date ("4.5.2016"), a footnote marker ("[^3]"), a subdivision chain ("5(1)(c)").
_STANDALONE_REFS = (
    r"\((?:EU|EC|EEC|UE|CE|EG|EWG|Euratom)\)\s*(?:No\.?\s*|Nr\.?\s*|n°\s*)?\d+/\d+",
    r"\d(?<![\w/]\d)\d{0,3}/\d{1,4}(?:/[A-Z]{2,})*(?![\w/])", r"\d(?<![\w.]\d)\d?\.\d{1,2}\.\d{2,4}(?![\w.])",
    r"\[\^\w+\]", r"\d(?<![\w(]\d)\d*[a-z]?(?:\(\w{1,4}\))+",
)
# (each digit-led one reads its first digit before looking behind it: a pattern that opens with a look-behind is
# tried at every position of the text, one that opens with a digit only where there is one)


def _fold(items: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in items)


@cache
def vocabulary(code: str) -> Vocabulary:
    language = lang.get(code)
    edges = bounds(language)
    start, end = edges
    heads = alternation(language.reference_heads, "", edges)[:-len(end)]  # a head may end in "." or "§"
    # what joins the numbers of one reference ("Articles 5, 6 and 8", "points (a) to (c)"): the language's
    # conjunctions and range words, punctuation, or a space
    joiners = "|".join(re.escape(w) for w in (*language.and_words, *language.or_words, *language.range_words))
    join = rf"(?:\s*(?:,|;|-|\u2013|(?:{joiners})(?!\w))\s*|\s+)"
    ref_number = _ref_number(end)
    numbers = rf"\s*{ref_number}{_REF_TAIL}(?:{join}{ref_number}{_REF_TAIL})*"
    reference = rf"{heads}{numbers}" + "|" + "|".join(_STANDALONE_REFS)
    words = sorted((w for w, _ in language.number_words), key=len, reverse=True)
    number_word = "(?:" + "|".join(
        [language.number_pattern.replace(" ", r"\s+"), *(re.escape(w) for w in words)]
    ) + ")"
    month = "(?:" + "|".join(language.months) + ")"
    # "1 March 2026", "1 de marzo de 2026", "1 марта 2026", "1 آذار/مارس 2026" (the UN Arabic names a month twice),
    # "March 1, 2026", "2026年3月1日"
    day_month = rf"\d{{1,2}}\.?(?:\s+(?:de|di))?\s+(?:[^\s/\d]+/)?{month}"
    date = (rf"{day_month}(?:\s+(?:de|del|di))?\s+\d{{4}}|{month}\s+\d{{1,2}},?\s+\d{{4}}|{day_month}|{month}\s+\d{{4}}"
            r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?")
    digits = r"\d{1,3}(?:[ ,.\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    prefix = "(?:" + "|".join(p.replace(" ", r"\s+") for p in language.quantity_prefixes) + ")"
    unit = "(?:" + "|".join(u.replace(" ", r"\s+") for u in language.units) + ")"
    # the number itself is searched; the phrase before it and the unit after it are read from there (an optional
    # phrase at the front of the pattern would be tried at every position of the text)
    conjunction = "|".join(re.escape(w) for w in language.and_words)
    compound = rf"(?:[\s-]+(?:(?:{conjunction})\s+)?{number_word})*"
    quantity = rf"{start}(?:(?P<date>{date})|(?P<digits>{digits})|(?P<word>{number_word}{compound})){end}"
    # ("不少于30日": no space after a prefix in a script written without spaces)
    space = rf"(?:\s+|(?<=[{UNSPACED}])\s*)" if language.unspaced else r"\s+"
    quantity_prefix = rf"{start}(?P<prefix>{prefix}){space}$"
    quantity_unit = rf"\s*(?P<unit>{unit}){end}"
    # '"term" means ...', or, where the language puts its words before the term, 'Por "term" se entenderá ...',
    # 'L'expression « term » désigne ...', 'يقصد بتعبير "term" ...' (there the words after it are optional)
    leads = alternation(language.definition_leads, "", edges) if language.definition_leads else "(?!)"
    cues = alternation(language.definition_cues, "", edges)
    definition = (
        rf"^\W{{0,3}}(?:\(?\w{{1,4}}[.)]\s+)?(?P<lead>{leads}\s*)?[\"'\u2018\u201c\u00ab\u201e\u201a]\s*"
        r"(?P<term>[^\"'\u2019\u201d\u00bb\u201c]{1,90}?)"
        r"\s*[\"'\u2019\u201d\u00bb\u201c](?:\s*\([^)]{1,40}\))?\s*,?\s*"
        + f"(?(lead)(?:{cues})?|{cues})"
    )
    return Vocabulary(
        language=language,
        modal=_compiled(alternation([m for m, _ in language.modals], "m", edges)),
        negator=_compiled(alternation([re.escape(n) for n in language.negators], "", edges)),
        not_negation=_compiled(alternation(language.not_negation, "", edges)),
        qualifier=_compiled(alternation([q for q, _ in language.qualifiers], "q", edges)),
        safeguard=_compiled(alternation(language.safeguards, "s", edges)),
        exclusion=_compiled(alternation(language.exclusion_cues, "", edges)),
        reference=_compiled(reference),
        quantity=_compiled(quantity),
        quantity_prefix=re.compile(quantity_prefix, re.IGNORECASE),
        quantity_unit=re.compile(quantity_unit, re.IGNORECASE),
        definition=re.compile(definition, re.IGNORECASE),
        number_values={w.casefold(): v for w, v in language.number_words},
        universal=_fold(language.universal),
        particular=_fold(language.particular),
        limitative=_fold(language.limitative),
        and_words=_fold(language.and_words),
        or_words=_fold(language.or_words),
        neutral=_fold(language.neutral),
        neutral_endings=language.neutral_endings,
        determiners=_fold(language.determiners),
        deadline=_compiled(alternation(language.deadlines, "d", edges)),
        penalty=_compiled(alternation(language.penalty_words, "", edges)),
    )


def vocabulary_patterns(code: str) -> dict[str, re.Pattern[str]]:
    """The compiled patterns of one language (for its tests: each must compile and match what it lists)."""
    v = vocabulary(code)
    return {name: getattr(v, name) for name in ("modal", "negator", "not_negation", "qualifier", "safeguard",
                                               "exclusion", "reference", "quantity", "definition")}


#: The ``Starts`` of the patterns ``find`` scans word by word: each one begins at the start of a word (its first
#: branch of every kind opens with ``(?<!\w)``, or with a digit, or with one of its ``chars``).
STARTS: dict[re.Pattern[str], Starts] = {}


@dataclass(frozen=True, slots=True)
class _Scanned:
    """A pattern of ``STARTS`` as ``find`` reads it: the pattern (held, so that its ``id`` stays its own), its
    ``Starts``, the words of the texts already told to be a possible start or not (a draft has a few thousand),
    and those of them that are one."""

    pattern: re.Pattern[str]
    starts: Starts
    seen: set[str]
    accepted: set[str]


#: The patterns of ``STARTS`` by ``id`` (each entry holds its pattern, so no other pattern gets that ``id``). A
#: compiled pattern hashes its whole compiled code on every lookup, some 2 to 8 microseconds for the long
#: alternations here, and ``find`` runs some 10,000 times on a regulation: looked up by identity instead (issue 19:
#: the hashing took about a quarter of the classifier's time).
_SCANNED: dict[int, _Scanned] = {}


#: Each word pattern as a group, to split a text at its words (``_words``).
_SPLITTERS: dict[str, re.Pattern[str]] = {}


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[list[int], list[str]]:
    """Where each word of ``text`` starts, and the word in lower case."""
    lowered = text.lower()
    word = word_pattern(text)
    if len(lowered) == len(text):  # (nearly always: a few letters lower to two characters)
        # split at the words: [gap, word, gap, word, ..., gap]; a word starts where the lengths before it add up
        # to (no Python step per word: a fifth faster than reading a match object per word)
        splitter = _SPLITTERS.get(word.pattern)
        if splitter is None:
            splitter = _SPLITTERS.setdefault(word.pattern, re.compile(f"({word.pattern})", word.flags))
        parts = splitter.split(lowered)
        return list(accumulate(map(len, parts), initial=0))[1:-1:2], parts[1::2]
    found = list(word.finditer(text))
    return [m.start() for m in found], [m.group(0).lower() for m in found]


#: The character class of each pattern's ``Starts.chars``.
_MARKS: dict[str, re.Pattern[str]] = {}


def _scan(scanned: _Scanned, text: str, windows: tuple[tuple[int, int], ...]) -> list[re.Match[str]]:
    """``pattern.finditer`` over each window, tried only at the words (and characters) a match can begin with."""
    pattern, starts, accepted = scanned.pattern, scanned.starts, scanned.accepted
    positions, words = _words(text)
    new = set(words).difference(scanned.seen)
    if new:  # the words not met before, each told once (the rest is set operations and maps in C)
        scanned.seen.update(new)
        accepted.update(word for word in new if starts.accepts(word))
    marks = None
    if starts.chars:
        marks = _MARKS.get(starts.chars) or _MARKS.setdefault(starts.chars, re.compile(f"[{re.escape(starts.chars)}]"))
    found = []
    for start, end in windows:
        low, high = bisect_left(positions, start), bisect_left(positions, end)
        places = list(compress(positions[low:high], map(accepted.__contains__, words[low:high])))
        if marks is not None:
            places.extend(m.start() for m in marks.finditer(text, start, end))
            places.sort()
        reached = start
        for at in places:
            if at < reached:
                continue  # inside the last match: finditer goes on from its end
            match = pattern.match(text, at, end)
            if match is not None:
                found.append(match)
                reached = match.end() if match.end() > at else at + 1
    return found


class _Same:
    """A pattern as a cache key, told by identity (see ``_SCANNED``); the key holds the pattern, so that its
    ``id`` is no other's while the key is cached."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def __hash__(self) -> int:
        return id(self.pattern)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.pattern is self.pattern


def find(pattern: re.Pattern[str], text: str, windows: tuple[tuple[int, int], ...]) -> tuple[re.Match[str], ...]:
    """The matches of ``pattern`` inside the windows of ``text`` (look-behinds see the text before a window).
    Cached: the rules of one pair ask for the references and safeguards of the same windows several times."""
    return _find(_Same(pattern), text, windows)


@lru_cache(maxsize=256)
def _find(key: _Same, text: str, windows: tuple[tuple[int, int], ...]) -> tuple[re.Match[str], ...]:
    pattern = key.pattern
    scanned = _SCANNED.get(id(pattern))
    if scanned is not None and scanned.pattern is pattern:
        return tuple(_scan(scanned, text, windows))
    return tuple(m for start, end in windows for m in pattern.finditer(text, start, end))
