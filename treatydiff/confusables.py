"""Shared by the stages: look-alike letters, seen through one folding step, so that a word cannot pass for
another (``mаy`` with a Cyrillic "а" for "may", fullwidth ``ｍａｙ``, ``Аrticle 5`` with a Cyrillic "А").

``skeleton(text)`` is what the comparisons that decide look at: legal-meaning flags, ``check`` rules and terms,
article and division headings, article numbers. It has the same length as ``text`` (each character is replaced
by at most one other), so a position found in the skeleton is the same position in the text, and a report
always shows the text as written. Two steps, both after UTS #39 (Unicode security mechanisms):

- compatibility letters and digits (fullwidth ``ｍ``, mathematical ``𝐦``, ``ſ``) become their plain letter
  (their NFKC form, when that is one ASCII letter or digit; super- and subscripts stay: ``32¹`` is an article
  number in some codes, not ``321``);
- in a word that mixes Latin with Cyrillic, Greek, Armenian, Cherokee or Coptic letters, the letters of the
  minority script that look like a letter of the majority script become that letter (``mаy`` -> ``may``,
  ``Стaтья`` with a Latin "a" -> ``Статья``); a word wholly of look-alike letters of another script in a text
  that is mostly Latin (``ѕhall``, ``ѕсоре``) becomes Latin too. A word that mixes scripts without passing for
  another ("PPARδ", "5α-reductase", "α" as a symbol) is left as it is and is not suspect.

The look-alike table is Unicode's ``confusables.txt`` (UTS #39), kept to the letters of those scripts whose
prototype is one ASCII letter, and written by ``tools/make_confusables.py``. A library was measured first:
``confusable_homoglyphs`` (3.3.1, the whole of ``confusables.txt`` as 900 KB of JSON) takes 76 ms to load on
every run and answers "is this string dangerous?", not "what does it stand for?"; the 139 letters needed here
are a table.

Invisible characters (zero-width spaces and joiners, word joiners, bidirectional controls and other format
characters) never get this far: the normaliser removes them (``treatydiff.load.normalise.clean``), and
``hidden_in_words`` says which of them sat inside a word, where they can hide a word from a search.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --- generated table: begin
_TO_LATIN: dict[str, str] = {
    'ͺ': 'i',  # GREEK YPOGEGRAMMENI
    'Ϳ': 'J',  # GREEK CAPITAL LETTER YOT
    'Α': 'A',  # GREEK CAPITAL LETTER ALPHA
    'Β': 'B',  # GREEK CAPITAL LETTER BETA
    'Ε': 'E',  # GREEK CAPITAL LETTER EPSILON
    'Ζ': 'Z',  # GREEK CAPITAL LETTER ZETA
    'Η': 'H',  # GREEK CAPITAL LETTER ETA
    'Ι': 'I',  # GREEK CAPITAL LETTER IOTA
    'Κ': 'K',  # GREEK CAPITAL LETTER KAPPA
    'Μ': 'M',  # GREEK CAPITAL LETTER MU
    'Ν': 'N',  # GREEK CAPITAL LETTER NU
    'Ο': 'O',  # GREEK CAPITAL LETTER OMICRON
    'Ρ': 'P',  # GREEK CAPITAL LETTER RHO
    'Τ': 'T',  # GREEK CAPITAL LETTER TAU
    'Υ': 'Y',  # GREEK CAPITAL LETTER UPSILON
    'Χ': 'X',  # GREEK CAPITAL LETTER CHI
    'α': 'a',  # GREEK SMALL LETTER ALPHA
    'γ': 'y',  # GREEK SMALL LETTER GAMMA
    'ι': 'i',  # GREEK SMALL LETTER IOTA
    'ν': 'v',  # GREEK SMALL LETTER NU
    'ο': 'o',  # GREEK SMALL LETTER OMICRON
    'ρ': 'p',  # GREEK SMALL LETTER RHO
    'σ': 'o',  # GREEK SMALL LETTER SIGMA
    'υ': 'u',  # GREEK SMALL LETTER UPSILON
    'ϒ': 'Y',  # GREEK UPSILON WITH HOOK SYMBOL
    'Ϝ': 'F',  # GREEK LETTER DIGAMMA
    'ϱ': 'p',  # GREEK RHO SYMBOL
    'ϲ': 'c',  # GREEK LUNATE SIGMA SYMBOL
    'ϳ': 'j',  # GREEK LETTER YOT
    'Ϲ': 'C',  # GREEK CAPITAL LUNATE SIGMA SYMBOL
    'Ϻ': 'M',  # GREEK CAPITAL LETTER SAN
    'Ѕ': 'S',  # CYRILLIC CAPITAL LETTER DZE
    'І': 'I',  # CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    'Ј': 'J',  # CYRILLIC CAPITAL LETTER JE
    'А': 'A',  # CYRILLIC CAPITAL LETTER A
    'В': 'B',  # CYRILLIC CAPITAL LETTER VE
    'Е': 'E',  # CYRILLIC CAPITAL LETTER IE
    'К': 'K',  # CYRILLIC CAPITAL LETTER KA
    'М': 'M',  # CYRILLIC CAPITAL LETTER EM
    'Н': 'H',  # CYRILLIC CAPITAL LETTER EN
    'О': 'O',  # CYRILLIC CAPITAL LETTER O
    'Р': 'P',  # CYRILLIC CAPITAL LETTER ER
    'С': 'C',  # CYRILLIC CAPITAL LETTER ES
    'Т': 'T',  # CYRILLIC CAPITAL LETTER TE
    'У': 'Y',  # CYRILLIC CAPITAL LETTER U
    'Х': 'X',  # CYRILLIC CAPITAL LETTER HA
    'Ь': 'b',  # CYRILLIC CAPITAL LETTER SOFT SIGN
    'а': 'a',  # CYRILLIC SMALL LETTER A
    'г': 'r',  # CYRILLIC SMALL LETTER GHE
    'е': 'e',  # CYRILLIC SMALL LETTER IE
    'о': 'o',  # CYRILLIC SMALL LETTER O
    'р': 'p',  # CYRILLIC SMALL LETTER ER
    'с': 'c',  # CYRILLIC SMALL LETTER ES
    'у': 'y',  # CYRILLIC SMALL LETTER U
    'х': 'x',  # CYRILLIC SMALL LETTER HA
    'ѕ': 's',  # CYRILLIC SMALL LETTER DZE
    'і': 'i',  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    'ј': 'j',  # CYRILLIC SMALL LETTER JE
    'ѡ': 'w',  # CYRILLIC SMALL LETTER OMEGA
    'Ѵ': 'V',  # CYRILLIC CAPITAL LETTER IZHITSA
    'ѵ': 'v',  # CYRILLIC SMALL LETTER IZHITSA
    'Ү': 'Y',  # CYRILLIC CAPITAL LETTER STRAIGHT U
    'ү': 'y',  # CYRILLIC SMALL LETTER STRAIGHT U
    'һ': 'h',  # CYRILLIC SMALL LETTER SHHA
    'ҽ': 'e',  # CYRILLIC SMALL LETTER ABKHASIAN CHE
    'Ӏ': 'I',  # CYRILLIC LETTER PALOCHKA
    'ӏ': 'i',  # CYRILLIC SMALL LETTER PALOCHKA
    'ԁ': 'd',  # CYRILLIC SMALL LETTER KOMI DE
    'Ԍ': 'G',  # CYRILLIC CAPITAL LETTER KOMI SJE
    'ԛ': 'q',  # CYRILLIC SMALL LETTER QA
    'Ԝ': 'W',  # CYRILLIC CAPITAL LETTER WE
    'ԝ': 'w',  # CYRILLIC SMALL LETTER WE
    'Ս': 'U',  # ARMENIAN CAPITAL LETTER SEH
    'Տ': 'S',  # ARMENIAN CAPITAL LETTER TIWN
    'Օ': 'O',  # ARMENIAN CAPITAL LETTER OH
    'ա': 'w',  # ARMENIAN SMALL LETTER AYB
    'գ': 'q',  # ARMENIAN SMALL LETTER GIM
    'զ': 'q',  # ARMENIAN SMALL LETTER ZA
    'հ': 'h',  # ARMENIAN SMALL LETTER HO
    'ո': 'n',  # ARMENIAN SMALL LETTER VO
    'ռ': 'n',  # ARMENIAN SMALL LETTER RA
    'ս': 'u',  # ARMENIAN SMALL LETTER SEH
    'ց': 'g',  # ARMENIAN SMALL LETTER CO
    'ք': 'f',  # ARMENIAN SMALL LETTER KEH
    'օ': 'o',  # ARMENIAN SMALL LETTER OH
    'Ꭰ': 'D',  # CHEROKEE LETTER A
    'Ꭱ': 'R',  # CHEROKEE LETTER E
    'Ꭲ': 'T',  # CHEROKEE LETTER I
    'Ꭵ': 'i',  # CHEROKEE LETTER V
    'Ꭹ': 'Y',  # CHEROKEE LETTER GI
    'Ꭺ': 'A',  # CHEROKEE LETTER GO
    'Ꭻ': 'J',  # CHEROKEE LETTER GU
    'Ꭼ': 'E',  # CHEROKEE LETTER GV
    'Ꮃ': 'W',  # CHEROKEE LETTER LA
    'Ꮇ': 'M',  # CHEROKEE LETTER LU
    'Ꮋ': 'H',  # CHEROKEE LETTER MI
    'Ꮍ': 'Y',  # CHEROKEE LETTER MU
    'Ꮐ': 'G',  # CHEROKEE LETTER NAH
    'Ꮒ': 'h',  # CHEROKEE LETTER NI
    'Ꮓ': 'Z',  # CHEROKEE LETTER NO
    'Ꮟ': 'b',  # CHEROKEE LETTER SI
    'Ꮢ': 'R',  # CHEROKEE LETTER SV
    'Ꮤ': 'W',  # CHEROKEE LETTER TA
    'Ꮥ': 'S',  # CHEROKEE LETTER DE
    'Ꮩ': 'V',  # CHEROKEE LETTER DO
    'Ꮪ': 'S',  # CHEROKEE LETTER DU
    'Ꮮ': 'L',  # CHEROKEE LETTER TLE
    'Ꮯ': 'C',  # CHEROKEE LETTER TLI
    'Ꮲ': 'P',  # CHEROKEE LETTER TLV
    'Ꮶ': 'K',  # CHEROKEE LETTER TSO
    'Ꮷ': 'd',  # CHEROKEE LETTER TSU
    'Ᏻ': 'G',  # CHEROKEE LETTER YU
    'Ᏼ': 'B',  # CHEROKEE LETTER YV
    'ᴦ': 'r',  # GREEK LETTER SMALL CAPITAL GAMMA
    'ι': 'i',  # GREEK PROSGEGRAMMENI
    'ⲅ': 'r',  # COPTIC SMALL LETTER GAMMA
    'Ⲏ': 'H',  # COPTIC CAPITAL LETTER HATE
    'Ⲓ': 'I',  # COPTIC CAPITAL LETTER IAUDA
    'Ⲕ': 'K',  # COPTIC CAPITAL LETTER KAPA
    'Ⲙ': 'M',  # COPTIC CAPITAL LETTER MI
    'Ⲛ': 'N',  # COPTIC CAPITAL LETTER NI
    'Ⲟ': 'O',  # COPTIC CAPITAL LETTER O
    'ⲟ': 'o',  # COPTIC SMALL LETTER O
    'Ⲣ': 'P',  # COPTIC CAPITAL LETTER RO
    'ⲣ': 'p',  # COPTIC SMALL LETTER RO
    'Ⲥ': 'C',  # COPTIC CAPITAL LETTER SIMA
    'ⲥ': 'c',  # COPTIC SMALL LETTER SIMA
    'Ⲧ': 'T',  # COPTIC CAPITAL LETTER TAU
    'Ⲩ': 'Y',  # COPTIC CAPITAL LETTER UA
    'Ⲭ': 'X',  # COPTIC CAPITAL LETTER KHI
    'Ⳑ': 'L',  # COPTIC CAPITAL LETTER L-SHAPED HA
    'ꙇ': 'i',  # CYRILLIC SMALL LETTER IOTA
    'ꭵ': 'i',  # CHEROKEE SMALL LETTER V
    'ꮁ': 'r',  # CHEROKEE SMALL LETTER HU
    'ꮃ': 'w',  # CHEROKEE SMALL LETTER LA
    'ꮓ': 'z',  # CHEROKEE SMALL LETTER NO
    'ꮩ': 'v',  # CHEROKEE SMALL LETTER DO
    'ꮪ': 's',  # CHEROKEE SMALL LETTER DU
    'ꮯ': 'c',  # CHEROKEE SMALL LETTER TLI
}
# --- generated table: end

#: Scripts whose letters are folded into Latin (and Latin into them).
_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
#: Latin letters that look like a letter of each script: the table read backwards (first letter wins).
_FROM_LATIN: dict[str, dict[str, str]] = {}
for _char, _latin in _TO_LATIN.items():
    _FROM_LATIN.setdefault(unicodedata.name(_char).split(" ")[0], {}).setdefault(_latin, _char)

#: Characters that may need folding: the blocks of those scripts, fullwidth forms, mathematical letters, and the
#: Latin letters outside ASCII that NFKC maps to ASCII (ſ, ﬅ are handled elsewhere). A text with none of them
#: is its own skeleton, which is most texts.
_MAY_FOLD = re.compile(
    "[\u017f\u0370-\u058f\u13a0-\u13ff\u1d00-\u1dbf\u2c80-\u2cff\ua640-\ua69f\uab70-\uabbf\uff00-\uffef"
    "\U0001d400-\U0001d7ff]"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVXLCDM]+|[ivxlcdm]+")
#: Compatibility decompositions that only change the look of a character, not what it is.
_COMPAT_TAGS = ("<wide>", "<narrow>", "<font>", "<compat>")


@lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    """A fullwidth, mathematical or compatibility letter or digit as its ASCII form; any other as itself."""
    if char.isascii() or not unicodedata.decomposition(char).startswith(_COMPAT_TAGS):
        return char
    plain = unicodedata.normalize("NFKC", char)
    return plain if len(plain) == 1 and plain.isascii() and plain.isalnum() else char


@lru_cache(maxsize=4096)
def script(char: str) -> str:
    """The script of a letter as Unicode names it ("LATIN", "CYRILLIC", ...); "" for anything else."""
    if char.isascii():
        return "LATIN" if char.isalpha() else ""
    if not char.isalpha():
        return ""
    return unicodedata.name(char, "").split(" ")[0]


@dataclass(frozen=True, slots=True)
class Suspect:
    """A word that may pass for another: where it is, and what it mixes ("Latin with Cyrillic а (U+0430)")."""

    start: int
    end: int
    word: str
    skeleton: str
    detail: str


def _fold_word(word: str, mostly_latin: bool) -> tuple[str, str]:
    """The word's skeleton, and what in it is not what it looks like ("" when nothing)."""
    scripts = [script(c) for c in word]
    others = [s for s in scripts if s in _SCRIPTS]
    if not others:
        return word, ""
    latin = scripts.count("LATIN")
    if latin == 0 and not (mostly_latin and len(word) > 1 and all(c in _TO_LATIN for c in word)):
        return word, ""  # a word of another script, as written (a Russian word in a Russian text, "α" as a symbol)
    into_latin = all(c in _TO_LATIN for c, s in zip(word, scripts, strict=True) if s in _SCRIPTS)
    roman = into_latin and _ROMAN.fullmatch("".join(_TO_LATIN.get(c, c) for c in word)) is not None
    if latin >= len(others) or (mostly_latin and into_latin) or roman:  # "ІV", "VІІІ": Roman numbers are Latin
        folded = "".join(_TO_LATIN.get(c, c) if s in _SCRIPTS else c for c, s in zip(word, scripts, strict=True))
        odd = [c for c, s in zip(word, scripts, strict=True) if s in _SCRIPTS]
        main = "Latin"
    else:
        main_script = max(set(others), key=others.count)
        table = _FROM_LATIN.get(main_script, {})
        folded = "".join(table.get(c, c) if s == "LATIN" else c for c, s in zip(word, scripts, strict=True))
        odd = [c for c, s in zip(word, scripts, strict=True) if s == "LATIN"]
        main = main_script.capitalize()
    if folded == word:
        return word, ""  # mixed, but nothing in it passes for another letter ("PPARδ", "5α-reductase")
    letters = ", ".join(f"{script(c).capitalize()} {c} (U+{ord(c):04X})" for c in dict.fromkeys(odd)
                        if c in _TO_LATIN or c in _FROM_LATIN.get(main.upper(), {}))
    return folded, f"{main} with {letters}" if latin else f"{letters}, in a Latin text"


def _mostly_latin(text: str) -> bool:
    letters = [script(c) for c in text if c.isalpha()]
    return bool(letters) and letters.count("LATIN") * 2 > len(letters)


def skeleton(text: str) -> str:
    """``text`` as the comparisons see it: the same length, look-alike letters folded (see the module)."""
    if text.isascii() or not _MAY_FOLD.search(text):
        return text
    return "".join(_fold(text)[0])


def suspects(text: str) -> list[Suspect]:
    """The words of ``text`` that are not what they look like: mixed scripts, look-alike words of another
    script in a Latin text, fullwidth or mathematical letters among Latin ones."""
    if text.isascii() or not _MAY_FOLD.search(text):
        return []
    return _fold(text)[1]


def _fold(text: str) -> tuple[list[str], list[Suspect]]:
    chars = [_plain(c) for c in text]
    mostly_latin = _mostly_latin("".join(chars))
    found = []
    for match in _LETTERS.finditer("".join(chars)):
        start, end = match.span()
        written = text[start:end]
        folded, detail = _fold_word(match.group(), mostly_latin)
        if not detail and folded != written and mostly_latin:
            detail = "fullwidth or mathematical letters among Latin text"
        if detail:
            found.append(Suspect(start, end, written, folded, detail))
        chars[start:end] = folded
    return chars, found


#: Format characters the normaliser removes that are harmless wherever they stand (a soft hyphen marks where a
#: word may break; a byte-order mark at the start of a line is an encoding left-over).
_HARMLESS = frozenset("\u00ad\ufeff")


def hidden_in_words(text: str) -> tuple[str, ...]:
    """The invisible (format) characters of ``text`` that sit between two letters or digits of a word, by
    name ("U+200B ZERO WIDTH SPACE"), once each, in order."""
    found: dict[str, None] = {}
    for i, char in enumerate(text):
        if char in _HARMLESS or unicodedata.category(char) != "Cf":
            continue
        before = text[:i].rstrip(_INVISIBLE)[-1:]
        after = text[i + 1:].lstrip(_INVISIBLE)[:1]
        if before.isalnum() and after.isalnum() and not _joins_script(before, after):
            found[f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"] = None
    return tuple(found)


#: Scripts that need zero-width (non-)joiners inside words: Arabic, Persian, the Indic scripts.
_JOINING = ("ARABIC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA",
            "MALAYALAM", "SINHALA", "SYRIAC", "MONGOLIAN")


def _joins_script(before: str, after: str) -> bool:
    return script(before) in _JOINING or script(after) in _JOINING


_INVISIBLE = "".join(chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070),
                                      0xFEFF, 0x00AD, 0x180E))
