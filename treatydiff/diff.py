"""Stage 3, diff: word-level redlines of matched pieces with diff-match-patch.

Each token (a word, a run of punctuation, or a space) is mapped to one private-use character, so
diff-match-patch compares sequences of words, never characters: an edit can never split a word
(``te[x->s]t``). Semantic cleanup then merges small equalities into the surrounding edits so the redline reads
like a lawyer's (one deleted phrase, one inserted phrase). diff-match-patch only ever sees one paragraph pair,
never a whole draft.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

from treatydiff.model import Edit, Op

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0  # per paragraph pair; a pathological pair falls back to a coarser diff
    return engine


_DMP = _engine()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Edit, ...]:
    """The redline of ``old`` -> ``new``: EQUAL+DELETE texts give ``old``, EQUAL+INSERT texts give ``new``."""
    if old == new:
        return (Edit(Op.EQUAL, old),) if old else ()
    if not old:
        return (Edit(Op.INSERT, new),)
    if not new:
        return (Edit(Op.DELETE, old),)
    table: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in tokens(text):
            code = table.get(token)
            if code is None:
                code = chr(0xF0000 + len(words)) if len(words) < 0xFFFD else chr(0x100000 + len(words) - 0xFFFD)
                table[token] = code
                words.append(token)
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    decode = {code: word for word, code in table.items()}
    edits: list[Edit] = []
    for op, chunk in diffs:
        text = "".join(decode[c] for c in chunk)
        if edits and edits[-1].op is _OPS[op]:
            edits[-1] = Edit(_OPS[op], edits[-1].text + text)
        else:
            edits.append(Edit(_OPS[op], text))
    return _tidy(edits)


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
    return tuple(merged)


_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
