"""Stage 3, diff: word-level redlines of matched pieces with diff-match-patch.

Each token (a word, a run of punctuation, or a space) is mapped to one private-use character, so
diff-match-patch compares sequences of words, never characters: an edit can never split a word
(``te[x->s]t``). Semantic cleanup then merges small equalities into the surrounding edits so the redline reads
like a lawyer's (one deleted phrase, one inserted phrase). diff-match-patch only ever sees one paragraph pair,
never a whole draft.
"""

from __future__ import annotations

import operator
import re
import threading
import time

from diff_match_patch import diff_match_patch

from treatydiff.lang.base import ARABIC_MARKS, UNSPACED, compiled, special
from treatydiff.model import Edit, Op

try:  # the C++ diff-match-patch, where its wheels exist: the same edit scripts, some 15 times faster
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - depends on the platform
    _fast = None

# a word: a run of letters and digits, except in the scripts written without spaces (Chinese, Japanese kana), where
# each character is one: a clause with one character changed is redlined at that character, not as a whole
_WORD_OR_CHAR = f"[{UNSPACED}]|[^\\W{UNSPACED}](?:[^\\W{UNSPACED}]|[{ARABIC_MARKS}])*"  # (vowel marks in words)
_TOKEN = f"{_WORD_OR_CHAR}|[^\\w\\s]|\\s+"  # (compiled on first use: ``lang.base.compiled``)
_PLAIN_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")  # the same on a text without those scripts and marks, and faster
_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}


#: Seconds diff-match-patch may spend on one paragraph pair; a pathological pair gets a coarser redline.
PAIR_TIME_LIMIT = 2.0


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = PAIR_TIME_LIMIT
    return engine


_DMP = _engine()


def tokens(text: str) -> list[str]:
    return (compiled(_TOKEN) if special(text) else _PLAIN_TOKEN).findall(text)


_PIECE = f"(\\s*)({_WORD_OR_CHAR}|[^\\w\\s])"
_PLAIN_PIECE = re.compile(r"(\s*)(\w+|[^\w\s])")


def _pieces(text: str) -> tuple[list[str], list[str], str]:
    """Words and punctuation marks, the whitespace before each, and the whitespace at the end. Whitespace is
    not a token: diff-match-patch compares half as many symbols, and spacing never counts as an edit."""
    found = (compiled(_PIECE) if special(text) else _PLAIN_PIECE).findall(text)
    if not found:
        return [], [], text
    spaces, words = (list(column) for column in zip(*found, strict=True))
    # every character that is not whitespace is in a piece, so what follows the last piece is the trailing
    # whitespace (``\s`` and ``str.isspace`` agree)
    return words, spaces, text[len(text.rstrip()) :]


#: One private-use character per distinct token seen by this thread. Shared by every paragraph pair: diff-match-patch
#: only compares characters for equality (and its cleanup treats every private-use character alike), so a pair's
#: redline does not depend on which codes its words got, and each word is given its code once. One table per
#: thread, so that two comparisons running at once never give two words one code.
_TABLES = threading.local()
_MAX_CODES = 0xFFFD * 2  # planes 15 and 16, less their two non-characters each


def _codes() -> dict[str, str]:
    table: dict[str, str] | None = getattr(_TABLES, "codes", None)
    if table is None:
        table = _TABLES.codes = {}
    return table


def _encode(*texts: list[str]) -> list[str]:
    """Each token list as one string of codes, one character per token (codes agree across ``texts``)."""
    table = _codes()
    if len(table) + sum(map(len, texts)) > _MAX_CODES:
        table.clear()  # a new vocabulary from here on: only the codes of one pair must agree
    get = table.get
    out = []
    for words in texts:
        codes = list(map(get, words))
        if None in codes:
            for k, code in enumerate(codes):
                if code is None:
                    code = get(words[k])
                    if code is None:
                        n = len(table)
                        code = table[words[k]] = chr(0xF0000 + n) if n < 0xFFFD else chr(0x100000 + n - 0xFFFD)
                    codes[k] = code
        out.append("".join(codes))  # type: ignore[arg-type]  # no None left
    return out


def word_diff(old: str, new: str) -> tuple[Edit, ...]:
    """The redline of ``old`` -> ``new``: EQUAL+DELETE texts give ``old``, EQUAL+INSERT texts give ``new``."""
    return word_diff_within(old, new, None)[0]


def coarse_diff(old: str, new: str) -> tuple[Edit, ...]:
    """The cheapest redline that still rebuilds both texts: the old text deleted, the new one inserted (the
    fallback when a comparison's time budget is used up)."""
    if old == new:
        return (Edit(Op.EQUAL, old),) if old else ()
    return _tidy([Edit(op, text) for op, text in ((Op.DELETE, old), (Op.INSERT, new)) if text])


def word_diff_within(old: str, new: str, deadline: float | None) -> tuple[tuple[Edit, ...], bool]:
    """``word_diff`` by a ``deadline`` on the ``time.perf_counter`` clock (None: only the per-pair limit,
    ``Diff_Timeout``), and whether the redline is exact: False when the deadline had passed (``coarse_diff``)
    or diff-match-patch ran out of time on this pair and returned a coarser diff."""
    if old == new:
        return ((Edit(Op.EQUAL, old),) if old else ()), True
    if not old:
        return (Edit(Op.INSERT, new),), True
    if not new:
        return (Edit(Op.DELETE, old),), True
    limit = _DMP.Diff_Timeout
    if deadline is not None:
        limit = min(limit, deadline - time.perf_counter())
        if limit <= 0:
            return coarse_diff(old, new), False
    old_words, old_spaces, old_end = _pieces(old)
    new_words, new_spaces, new_end = _pieces(new)
    if len(old_words) + len(new_words) > _MAX_CODES:  # more tokens than private-use characters
        return coarse_diff(old, new), False
    old_codes, new_codes = _encode(old_words, new_words)
    diffs, exact = _diff_codes(old_codes, new_codes, limit)
    edits: list[Edit] = []

    def put(op: Op, text: str) -> None:
        if not text:
            return
        if edits and edits[-1].op is op:
            edits[-1] = Edit(op, edits[-1].text + text)
        else:
            edits.append(Edit(op, text))

    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op < 0:
            put(Op.DELETE, "".join(map(operator.add, old_spaces[i : i + n], old_words[i : i + n])))
            i += n
        elif op > 0:
            put(Op.INSERT, "".join(map(operator.add, new_spaces[j : j + n], new_words[j : j + n])))
            j += n
        elif old_spaces[i : i + n] == new_spaces[j : j + n]:  # a run of equal words, spaced alike: one piece
            put(Op.EQUAL, "".join(map(operator.add, old_spaces[i : i + n], old_words[i : i + n])))
            i, j = i + n, j + n
        else:
            for _ in chunk:
                if old_spaces[i] != new_spaces[j]:  # the same word, spaced differently ("word ," -> "word,")
                    put(Op.DELETE, old_spaces[i])
                    put(Op.INSERT, new_spaces[j])
                    put(Op.EQUAL, old_words[i])
                else:
                    put(Op.EQUAL, old_spaces[i] + old_words[i])
                i, j = i + 1, j + 1
    if old_end == new_end:
        put(Op.EQUAL, old_end)
    else:
        put(Op.DELETE, old_end)
        put(Op.INSERT, new_end)
    return _tidy(edits), exact


#: Which diff-match-patch computes the redlines: "c++" (``fast_diff_match_patch``) when it is installed, else
#: "python" (``diff_match_patch``). Both give the same edit scripts (tests/test_diff_engines.py); a test or a
#: benchmark may set it to "python".
ENGINE = "c++" if _fast is not None else "python"

_FAST_OPS = {"=": 0, "+": 1, "-": -1}


def _diff_codes(old: str, new: str, limit: float) -> tuple[list[tuple[int, str]], bool]:
    """diff-match-patch's edit script of two code strings, semantically cleaned up, within ``limit`` seconds;
    and whether it finished in time (False: a coarser script)."""
    if ENGINE == "c++" and _fast is not None:
        start = time.perf_counter()
        script = _fast.diff(old, new, timelimit=limit, checklines=False, cleanup="Semantic", counts_only=False)
        exact = time.perf_counter() - start < limit
        return [(_FAST_OPS[op], text) for op, text in script], exact
    stop = time.time() + limit  # diff-match-patch's own clock
    diffs = _DMP.diff_main(old, new, False, stop)
    exact = time.time() <= stop
    _DMP.diff_cleanupSemantic(diffs)
    return diffs, exact


def _tidy(edits: list[Edit]) -> tuple[Edit, ...]:
    """Deletions before insertions in each changed run, and whitespace-only changes made equal where both
    sides agree (a space deleted and a space inserted is no change)."""
    out: list[Edit] = []
    i = 0
    while i < len(edits):
        if edits[i].op is Op.EQUAL:
            out.append(edits[i])
            i += 1
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        while i < len(edits) and edits[i].op is not Op.EQUAL:
            (deleted if edits[i].op is Op.DELETE else inserted).append(edits[i].text)
            i += 1
        d, n = "".join(deleted), "".join(inserted)
        if d == n:
            out.append(Edit(Op.EQUAL, d))
            continue
        if d and n:  # "[- shall-]{+ may+}" reads better as " [-shall-]{+may+}"
            lead = len(d) - len(d.lstrip())
            lead = min(lead, len(n) - len(n.lstrip()))
            if lead and d[:lead] == n[:lead]:
                out.append(Edit(Op.EQUAL, d[:lead]))
                d, n = d[lead:], n[lead:]
        if d:
            out.append(Edit(Op.DELETE, d))
        if n:
            out.append(Edit(Op.INSERT, n))
    merged: list[Edit] = []
    for edit in out:
        if merged and merged[-1].op is edit.op:
            merged[-1] = Edit(edit.op, merged[-1].text + edit.text)
        else:
            merged.append(edit)
    # a lone insertion or deletion that starts with a space and is followed by the same space: slide it one
    # character right, so the edit holds words and the space stays in the surrounding text
    for k in range(1, len(merged) - 1):
        before, edit, after = merged[k - 1], merged[k], merged[k + 1]
        if (
            edit.op is not Op.EQUAL
            and before.op is Op.EQUAL
            and after.op is Op.EQUAL
            and edit.text[:1].isspace()
            and after.text[:1] == edit.text[:1]
        ):
            space = edit.text[0]
            merged[k - 1] = Edit(Op.EQUAL, before.text + space)
            merged[k] = Edit(edit.op, edit.text[1:] + space)
            merged[k + 1] = Edit(Op.EQUAL, after.text[1:])
    return tuple(e for e in merged if e.text)


_WORD = _WORD_OR_CHAR
_PLAIN_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len((compiled(_WORD) if special(text) else _PLAIN_WORD).findall(text))
