"""Stage 1, load: text that does not decode — a text layer whose characters are not the document's letters.

A PDF font without a Unicode map (common in UN PDFs in Arabic, Chinese and Russian) gives its glyph codes, and
the text extracted from it comes out as characters of the private use area, as accented Latin letters where a
Cyrillic text was written (``Ñòàòüÿ 1`` for ``Статья 1``: the bytes of one code page read as another), or as
letters of unrelated scripts and symbols in turn. Read as text, such a page would make articles out of
gibberish. ``judge`` says whether a page's text is of that kind, and why, in a few words a user can act on; it
knows no language: the signs it counts hold for legal text in any script.

Each sign needs enough text to count (``_MIN_LETTERS``) and a share far from what real drafts show, measured on
the shared corpus (5,000 pages and 2,500-character pieces of every file it reads, in English, French, German,
Spanish, Italian, Dutch, Russian, Chinese and Arabic: none is judged garbled): accented Latin letters make at
most 7 % of the Latin letters of a page (French; 35 % is the bound), the private use area appears only as a
stray Symbol-font bullet, and no page has three scripts each over a sixth of its letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: A page with fewer characters (spaces aside) than this is not judged: a title page, a page number, a signature.
_MIN_LETTERS = 40
#: Private use characters (U+E000-U+F8FF and the planes 15-16) among all characters that are not spaces.
_PRIVATE_SHARE = 0.10
#: U+FFFD and control characters among all characters that are not spaces.
_BROKEN_SHARE = 0.05
#: Accented Latin letters (U+00C0-U+024F) among Latin letters.
_ACCENTED_SHARE = 0.35
#: Letters of three scripts or more, each with at least this share of the letters.
_SCRIPT_SHARE = 0.15
#: Letters and digits among the characters that are neither spaces nor common punctuation.
_LETTER_SHARE = 0.5
#: Punctuation that legal text is full of (dotted leaders, numbering, quotations): not counted as symbols.
_COMMON = frozenset(".,;:!?()[]{}-_/\\'\"%&*+=<>#|§°…·•«»„\u2013\u2014\u2011\u2018\u2019\u201c\u201d\u2039\u203a")


#: A word as a font without a Unicode map shifts it (its codes are the letters moved by 29): a capital read as a
#: symbol before the letters ("Article" -> "$UWLFOH", "Convention" -> "&RQYHQWLRQ"), or as a digit before capitals
#: ("States" -> "6WDWHV"). Real drafts write these symbols before digits ("$10,000"), not before a word; brackets,
#: quotation marks and Markdown's "*" and "|" are no sign (measured: no 2,500-character piece of the corpus's texts).
_SHIFTED_WORD = re.compile(r"^(?:[$%&+<=:;][^\W\d_]{2,}|\d[A-Z]{3,}\b)")
#: What a shifted word begins with (a cheap test before the pattern).
_SHIFT_OPENERS = frozenset("$%&+<=:;0123456789")
#: The span of code points a page's ideographs or Hangul syllables keep within when they are no text: a font's
#: codes for Latin letters mapped onto a block ("<20> <7E> <4E20>") give a few dozen neighbours; a page of real
#: Chinese, Japanese or Korean uses characters thousands of code points apart.
_CJK_SPAN = 256
#: Shifted words among the words of two letters or more (and at least ``_SHIFTED_MIN`` of them).
_SHIFTED_SHARE = 0.05
_SHIFTED_MIN = 5


def judge(text: str) -> str | None:
    """Why ``text`` does not read as text (``"private-use characters"``, ...), or None when it does or when
    there is too little of it to say. Each distinct character is looked at once, with how often it occurs: a
    page has a few hundred characters of its own in tens of thousands."""
    counts = Counter(text)
    for space in [ch for ch in counts if ch.isspace()]:
        del counts[space]
    counted = sum(counts.values())
    if counted < _MIN_LETTERS:
        return None
    letters = {ch: n for ch, n in counts.items() if _letter(ch)}
    total_letters = sum(letters.values())
    private = sum(n for ch, n in counts.items() if _private(ch))
    if private >= _PRIVATE_SHARE * counted:
        return "private-use characters instead of letters"
    broken = sum(n for ch, n in counts.items() if ch == "\ufffd" or unicodedata.category(ch) == "Cc")
    if broken >= _BROKEN_SHARE * counted:
        return "replacement and control characters instead of letters"
    symbols = sum(n for ch, n in counts.items() if ch not in letters and ch not in _COMMON)
    if total_letters < _LETTER_SHARE * (total_letters + symbols):
        return "more symbols than letters"
    scripts: Counter[str] = Counter()
    for ch, n in letters.items():
        if not ch.isdigit():
            scripts[_script(ch)] += n
    latin = scripts.get("Latin", 0)
    if latin >= _MIN_LETTERS:
        accented = sum(n for ch, n in letters.items() if "\u00c0" <= ch <= "\u024f")
        if accented >= _ACCENTED_SHARE * latin:
            return "accented Latin letters where words should be (another script read in the wrong encoding?)"
    alphabetic = sum(scripts.values())
    if alphabetic and sum(1 for n in scripts.values() if n >= _SCRIPT_SHARE * alphabetic) >= 3:
        return "letters of unrelated scripts mixed in every word"
    cjk = [ch for ch in letters if not ch.isdigit() and _script(ch) == "CJK"]
    if scripts.get("CJK", 0) >= 2 * _MIN_LETTERS and max(map(ord, cjk)) - min(map(ord, cjk)) < _CJK_SPAN:
        return "ideographs from one short run of code points (a font's codes mapped onto them as a block)"
    split = text.split()
    # (a shifted word has two letters at least, so it is one of the words counted below)
    shifted = sum(1 for w in split if w[0] in _SHIFT_OPENERS and _SHIFTED_WORD.match(w))
    if shifted < _SHIFTED_MIN:
        return None
    words = sum(1 for w in split if sum(ch.isalpha() for ch in w) >= 2)
    if shifted >= _SHIFTED_SHARE * words:
        return "implausible words: capitals read as symbols and digits (letters shifted by a font without a map)"
    return None


def _letter(ch: str) -> bool:
    """A letter (any script) or a decimal digit."""
    return unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "Nd"


def _private(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff" or ch >= "\U000f0000"


def _script(ch: str) -> str:
    """The script of a letter, from the first word of its Unicode name ("CYRILLIC SMALL LETTER A" -> Cyrillic);
    CJK ideographs and kana as one script."""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
        return "CJK"
    return first.capitalize() or "Unknown"
