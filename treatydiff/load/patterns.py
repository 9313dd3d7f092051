"""Stage 1, load: what treaty structure looks like in text — heading and numbering patterns, shared by the
normaliser (to know where a wrapped paragraph ends) and the structure parser (to build the tree)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from treatydiff import lang
from treatydiff.model import Kind

#: The most digits a number in a draft is read with (an article number, an HTML list's start): 18 fit in 64 bits. A
#: longer run of digits is kept as text and is no number: Python refuses to convert more than 4,300 digits, and a
#: value like 10**5000 would drive loops and allocations ("Article 1111...1" of 5,000 digits is a typo or an attack).
MAX_DIGITS = 18

#: The headings of every registered language (``treatydiff/lang``): the patterns below are compiled from them, so a
#: draft is read whatever its language and a language is added in its own module.
_STRUCTURES = lang.structures()


def _printed(words: Iterable[str]) -> list[str]:
    """Each word as printed and in capitals ("Статья", "СТАТЬЯ"), longest first (so "Article" is tried before
    "Art"), each once."""
    return sorted({form for word in words for form in (word, word.upper())}, key=lambda w: (-len(w), w))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, _printed(words)))


# Words that introduce an article, in every registered language, and the "SEC." of a US bill's sections ("SEC. 2.
# SHORT TITLE.", "Sec. 2. Short title." in its table of contents).
_ARTICLE_WORDS = _alternatives(w for s in _STRUCTURES for w in s.article_words)
#: The article words that are no "Article" -> the word a report writes before the number (``Node.designation``):
#: "SEC. 2." is "Sec. 2" in a report, "Disposición final primera" "Disp. final primera" (``Structure.designations``).
#: A German statute's "§ 5" is "§ 5" (the placeholder "§§ 116 bis 119" takes the word of its singular, "§"). A word
#: not listed is read as "Article" (reports write "Art."), as "Artikel", "Art." and "Article" are.
DESIGNATIONS = {printed: short for s in _STRUCTURES for word, short in s.designations for printed in _printed((word,))}
#: The article words whose headings end their title with a full stop, as a sentence would end ("SEC. 2. SHORT
#: TITLE.", "Artículo 1. Objeto."): after these, a title on the heading line that ends with "." is still a title
#: (the parser reads "Article 5 shall apply." as text, not as a heading).
STOPPED_TITLE_WORDS = frozenset(w for s in _STRUCTURES for w in _printed(s.stopped_titles))


def _heading_words(structure: lang.Structure) -> set[str]:
    return {*_printed(structure.article_words), *(after for _, after in structure.article_frames)}


def _only_where(holds: Callable[[lang.Structure], bool]) -> frozenset[str]:
    """The article words of the languages where ``holds``, less those another language heads its articles with
    too ("Art." is Spanish and English: it runs on in neither)."""
    words = {w for s in _STRUCTURES if holds(s) for w in _heading_words(s)}
    return frozenset(words - {w for s in _STRUCTURES if not holds(s) for w in _heading_words(s)})


#: The article words of languages whose heading line runs on into the article's text ("Статья 1. Республика
#: Беларусь ...", "第一条 ..."), and of those whose articles have no titles ("مادة 1", its text on the next line).
RUN_IN_WORDS = _only_where(lambda s: s.run_in)
UNTITLED_WORDS = _only_where(lambda s: not s.titled)
#: The words of the headings printed around their number, which follow it ("条" in "第一条").
FRAMED_WORDS = frozenset(frame[1] for s in _STRUCTURES for frame in (*s.article_frames, *s.division_frames))
_RUN_ON = re.compile(r"^\s*(?P<sep>[.:\-\u2013\u2014]*)\s*(?P<body>.*)$")


def run_on(word: str, rest: str) -> tuple[str, str] | None:
    """Where an article heading may run on into the article's text ("Статья 1. Республика ...", "مادة 3: ...",
    "第一条　..."): its word is one of ``RUN_IN_WORDS`` and a full stop, a colon or a dash follows the number (or
    the word follows it, in a frame), then words: those separators and those words. None elsewhere ("Статья 5
    Конституции применяется ..." begins a sentence with a reference). Whether the words are a title or the text,
    the parser decides."""
    found = _RUN_ON.match(rest)
    if word not in RUN_IN_WORDS or found is None or not (found.group("sep") or word in FRAMED_WORDS):
        return None
    body = found.group("body").strip()
    return (found.group("sep"), body) if body else None


def designation(word: str) -> str:
    """The word a report writes before the number of an article headed by ``word``: "Sec." for "SEC."; "" for
    "Article" and the other article words (reports write "Art.")."""
    return DESIGNATIONS.get(word, "")


#: The plural words, which head only a placeholder for several articles ("§§ 116 bis 119 (weggefallen)",
#: "Articles 2 to 9 [deleted]"), and the singular each stands for.
PLURAL_ARTICLE_WORDS = {
    printed: singular if printed == plural else singular.upper()
    for s in _STRUCTURES for plural, singular in s.plural_article_words for printed in _printed((plural,))
}
_LATIN = r"bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies"
#: What follows a number to insert an article after it: the Latin words, and those of each language ("مكرر").
_SUFFIXES = "|".join([_LATIN, *map(re.escape, sorted({w for s in _STRUCTURES for w in s.suffixes}, key=len,
                                                       reverse=True))])
_ROMAN = r"[IVXLC]+"
#: The words that number an article or a division instead of digits ("first", "primero", "الأولى"), in any case.
_NUMBER_WORDS = "|".join(f"(?:{s.number_words})" for s in _STRUCTURES if s.number_words)
#: The numerals of the scripts that write numbers with multipliers ("二百九十一"), and their values.
_NUMERALS = {char: value for s in _STRUCTURES for char, value in (*s.digits, *s.multipliers)}
_MULTIPLIERS = {char for s in _STRUCTURES for char, _ in s.multipliers}
_NUMERAL_CHARS = "".join(map(re.escape, _NUMERALS))
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_NUMBER = (
    # a US bill's section inserted between two others: "SEC. 2A." (a capital only after "SEC."/"Sec.": "Article 5A"
    # stays what it was)
    r"(?:(?:(?<=Sec\. )|(?<=SEC\. )|(?<=Sec\.)|(?<=SEC\.))\d+[A-Z]{1,2}\b"
    rf"|\[\s*[0-9A-Za-z. ]{{1,8}}\s*\]"  # Article [X], Article [5]
    # "المادة (1)", "المادة (10) مكرراً" (not "Article (1)(c)", a reference)
    rf"|\(\d{{1,4}}\)(?!\()(?:\s*(?:{_SUFFIXES})(?!\w)(?!\s+\d))?"
    # 5, 4a, 12.1, 5 bis (not "116 bis 119"); 32¹ (Belarus inserts articles with a superscript), "1°" and "1.º";
    # "4-bis" (Italy), "4.º-A" (Portugal), "12 مكرر"
    rf"|\d+(?:\.\d+)*[a-z]{{0,2}}[{_SUPERSCRIPTS}]*(?:\.?[°ºª](?:-[A-Z]\b)?)?(?:(?:\s*|-)(?:{_SUFFIXES})(?!\w)(?!\s+\d))?"
    # a French code's "L. 121-1", "R. 4127-1": the book's letter, then the numbers of its parts
    r"|(?-i:[LRDAO])\.\s?\d+(?:-\d+)+"
    rf"|{_ROMAN}\b(?:\s*(?:{_LATIN})\b)?"  # XIV
    rf"|(?i:(?:{_NUMBER_WORDS})(?!\w)(?:\s+(?:{_SUFFIXES})(?!\w))?))"  # "primero", "segunda bis", "SEGUNDA BIS"
)
#: The words between the numbers of a placeholder for several articles ("Articles 2 to 9", "§§ 116 bis 119").
_NUMBER_JOINT = r"\s*,\s*|\s+(?:and|to|und|bis|et|à|en|tot|y|a|e)\s+|\s*[-\u2013]\s*"


class Patterns:
    """Patterns tried in turn, as one: the heading patterns with the word before the number ("Article 5") and those
    with the number in a frame ("第五条"), which name the same groups ("word", "number", "rest")."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        self.patterns = patterns

    def match(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.match(text)
            if found:
                return found
        return None


def _framed(frames: Iterable[tuple[str, str]]) -> list[re.Pattern[str]]:
    """The patterns of the headings printed around their number ("第" ... "条"); the word is what follows the
    number, which says what the heading is ("条" an article, "章" a chapter)."""
    by_before: dict[str, set[str]] = {}
    for before, after in frames:
        by_before.setdefault(before, set()).add(after)
    return [
        re.compile(
            rf"^{re.escape(before)}\s*(?P<number>(?:[{_NUMERAL_CHARS}]|\d)+)\s*(?P<word>{_alternatives(afters)})(?P<rest>.*)$"
        )
        for before, afters in by_before.items()
    ]


# "Article 5", "Article 74a und 75", "§§ 116 bis 119", "Articles 2, 3 and 4": a list of numbers (with commas) heads
# only a placeholder, as a plural word does (the parser says so).
ARTICLE = Patterns(
    re.compile(
        rf"^(?:\([^)]{{1,12}}\)\s*)?(?P<word>{_alternatives(PLURAL_ARTICLE_WORDS)}|{_ARTICLE_WORDS})"
        rf"\s*(?P<number>{_NUMBER}(?:(?:\s*,\s*(?={_NUMBER}\b)|\s+(?:und|and|et|en|to|bis|tot|y|a|e)\s+){_NUMBER})*)"
        rf"(?P<rest>.*)$"
    ),
    *_framed(frame for s in _STRUCTURES for frame in s.article_frames),
)


def number(printed: str) -> str:
    """An article's or a division's label from its printed number: spaces made one, the ordinal sign and the
    parentheses dropped ("1°" and "(1)" are 1), digits of other scripts as Arabic digits ("١٢" is 12), and numerals
    written with multipliers as their value ("二百九十一" is 291)."""
    label = re.sub(r"\s+", " ", printed).strip()
    label = re.sub(r"^\((\d+)\)", r"\1", label)
    label = re.sub(r"(?<=\d)\.?[°ºª]", "", label)
    if not label.isascii():
        label = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in label)
    if label and all(ch in _NUMERALS for ch in label):
        return str(_numeral_value(label))
    return label


def _numeral_value(numerals: str) -> int:
    """"二百零五" is 205, "十五" is 15, "一万二千" is 12000: digits times the multiplier after them, summed."""
    total, section, digit = 0, 0, 0
    for char in numerals:
        value = _NUMERALS[char]
        if char not in _MULTIPLIERS:
            digit = digit * 10 + value if digit and value else value  # "一二三" read digit by digit
        elif value >= 10000:
            total += (section + digit) * value
            section, digit = 0, 0
        else:
            section += (digit or 1) * value  # "十五": the ten stands alone
            digit = 0
    return total + section + digit


#: The words that say an article is repealed, in every registered language.
_DELETED = "|".join(map(re.escape, sorted({w for s in _STRUCTURES for w in s.deleted}, key=lambda w: (-len(w), w))))
# (a dash or a full stop and the spaces after it are one optional part: "\s*[-:]?\s*" tried every split of a run
# of spaces, and took minutes for a long one)
# (the brackets of Chinese text are fullwidth, U+FF08 and U+FF09 around "删除"; a Portuguese deletion keeps its
# full stop inside, "(Revogado.)")
PLACEHOLDER = re.compile(
    rf"^\s*(?:[-\u2013—:.]\s*)?[\[(\uff08]\s*(?:{_DELETED})\.?\s*[\])\uff09]\s*(?:\.\s*)?$", re.I
)

#: The words a list entry ends with before the next ("(a) …; and", "1. …, oder", the Dutch "…; of"), in the
#: languages above.
LIST_JOINERS = ("and", "or", "und", "oder", "en", "of", "et", "ou", "y", "e", "o")

#: A bullet that opens a printed line, with the space after it: the line is a list item (the round and square glyphs
#: of PDFs, those Symbol fonts give once mapped). A dash set apart from its words is one too: the indents of EU and UN
#: texts ("- any reference to ...", "\u2013 in effect from ..."), which Word and Markdown give as list items; not
#: before a digit, where it is a minus or the second half of a range cut at the line end ("2021" / "- 2027").
LIST_BULLET = re.compile(
    "^\\s*(?:[\u2022\u25aa\u25a0\u27a2\u2713\u2756\u25a1\u21e8\u25cf\u25e6\u2023]\\s+(?=\\S)"
    "|[-\u2013\u2014]\\s+(?=[^\\s\\d]))"
)

#: The whole text of an article that is left in place only to keep its number: a dash ("Art 49" then "-", as German
#: federal law prints a repealed article), or the deletion word on its own ("Abrogato", "(weggefallen)", "Deleted.").
DELETED_BODY = re.compile(
    rf"^\s*(?:[-\u2013—]|[\[(\uff08]?\s*(?:{_DELETED})\.?\s*[\])\uff09]?\s*\.?)\s*$", re.I
)


def deletion_only(rest: str) -> str:
    """What follows an article's number when it is only the word that repeals the article, the separators before
    it dropped ("Статья 101. Исключена.", "المادة (3) ملغاة", "Article 2 [deleted]"); "" otherwise."""
    words = rest.lstrip(" .:-\u2013\u2014")
    return words.strip() if words and (PLACEHOLDER.match(rest) or DELETED_BODY.match(words)) else ""

#: The words that head a division, in every registered language (lower case) -> its kind; a framed heading's word is
#: what follows its number ("章" in "第一章").
_DIVISIONS: dict[str, Kind] = {
    word.lower(): Kind(kind)
    for s in _STRUCTURES for word, kind in (*s.divisions, *((after, kind) for _, after, kind in s.division_frames))
}
#: The words (lower case) that head an annex ("Annex", "Anhang", "Schedule", ...).
ANNEX_WORDS = tuple(word for word, kind in _DIVISIONS.items() if kind is Kind.ANNEX)
#: A division's number: a well-formed Roman numeral in capitals with an optional letter ("IV", "Ia", "IIIA"), an
#: Arabic number ("2", "4.1", "3a", "1A"), or up to three capitals ("A", "B.1", "Anhang EV"). Matched case-sensitively
#: inside the case-insensitive heading pattern: with ``re.I`` the letters took words, and "Annex of Commission
#: Recommendation ..." (or "Chapter to ...") read as annex "of", which then held every later article; a numeral's
#: shape keeps "CIVIL" out, and a capital after it stops at H ("IIIA", not "IN" or "IS"). In a line all in
#: capitals ("ANNEX OF THE DECISION") capitals say nothing: ``letters_number`` tells the parser which to doubt.
_ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_DIVISION_NUMBER = (
    # ("Sección 1.ª", "Capítulo 2º": the ordinal signs of Spanish and Portuguese)
    rf"(?-i:{_ROMAN_NUMERAL}(?:[a-z]|[A-H])?\b|\d+(?:\.\d+)*[a-zA-Z]?[{_SUPERSCRIPTS}]*(?:\.?[°ºª])?"
    rf"|[A-Z]{{1,3}}(?:\.\d+)?)"
    rf"|(?:{_NUMBER_WORDS})(?!\w)"  # "Título primero", "ГЛАВА ПЕРВАЯ", "الفصل الثاني"
    rf"|[{_NUMERAL_CHARS}]+"  # "附件一"
)
_LETTERS_NUMBER = re.compile(rf"^(?!{_ROMAN_NUMERAL}(?:[a-z]|[A-H])?$)[A-Z]{{2,3}}$")


def letters_number(number: str) -> bool:
    """Is this division number two or three capitals that are no Roman numeral ("EV", but also "OF", "THE")?"""
    return bool(_LETTERS_NUMBER.match(number))


_WORDED_DIVISIONS = [word for s in _STRUCTURES for word, _ in s.divisions]
DIVISION = Patterns(
    re.compile(
        r"^(?P<word>" + "|".join(sorted({w.lower() for w in _WORDED_DIVISIONS}, key=len, reverse=True)) + r")"
        # (numerals with multipliers follow their word with no space: "附件一")
        rf"(?:\b\.?|(?=[{_NUMERAL_CHARS}]))(?:(?:\s+|(?=[{_NUMERAL_CHARS}]))(?P<number>{_DIVISION_NUMBER})(?!\w)\.?)?"
        r"(?P<rest>.*)$",
        re.I,
    ),
    *_framed((before, after) for s in _STRUCTURES for before, after, _ in s.division_frames),
)
#: A heading over several annexes: "Annexes I to III", "APPENDICES I, II AND III", "ANNEXES", "Anhänge I bis III".
#: Nothing but the plural word and the numbers (an optional title after a dash or colon): "Annexes I to III shall
#: apply" is a sentence.
_ANNEX_PLURALS = _alternatives(w for s in _STRUCTURES for w in s.annex_plurals)
ANNEX_GROUP = re.compile(
    rf"^(?P<word>{_ANNEX_PLURALS})"
    rf"(?:\s+(?>{_DIVISION_NUMBER})\b(?:(?:{_NUMBER_JOINT})(?>{_DIVISION_NUMBER})\b)*)?"  # atomic: "I" is a numeral
    # and three capitals at once, and a list of them must not be tried every way
    r"(?:\s*[-:\u2013]\s+(?P<title>\S.*))?\s*$",
    re.I,
)
PREAMBLE = re.compile(
    r"^(?:Preamble|Preambule|Préambule|Präambel|Preámbulo|Preambolo)\b[.:]?\s*(?P<rest>.*)$", re.I
)
# The citations of a preamble: what the act is based on ("Having regard to ..."), and the formulas of the procedure
# that stand with them before "Whereas:" ("After consulting ...", "Acting in accordance with the ordinary
# legislative procedure,"). They are no recitals: the last one, read as "Recognizing ...,"-style preambular text,
# counted as a recital of every EU act.
CITATION = re.compile(
    r"^(?:Having regard to|Gelet op|Gestützt auf|Vu (?:le|la|les|l')"
    r"|After (?:consulting|consultation|transmission)|Après (?:consultation|transmission)|Nach (?:Anhörung|Zuleitung)"
    r"|Na (?:raadpleging|toezending)"
    r"|Acting (?:in accordance with|under)|Statuant (?:conformément|selon)|Gemäß dem \w+ Gesetzgebungsverfahren"
    r"|Handelend (?:volgens|overeenkomstig))\b",
    re.I,
)
# An unnumbered preambular paragraph in the UN / Council of Europe style: "Recognizing that ...,",
# "Concerned by ...;", "Mindful of ...,", "Whereas ...".
#: The openers of the languages that list them (``Structure.recital_openers``), as one alternation.
RECITAL_OPENERS = "|".join(f"(?:{o})" for st in _STRUCTURES for o in st.recital_openers) or "(?!)"
#: The formulas that close a preamble in those languages (``Structure.agreed_formulas``), as one alternation.
AGREED_FORMULAS = "|".join(f"(?:{o})" for st in _STRUCTURES for o in st.agreed_formulas) or "(?!)"
PREAMBULAR = re.compile(
    r"^(?:[A-Z][a-z]+(?:ing|ed)|Mindful|Aware|Conscious|Bearing in mind|Whereas|Considérant|Rappelant|Overwegende|"
    rf"Erkennend|Gelet|{RECITAL_OPENERS}){lang.base.WORD_END}.*[,;\uff0c\uff1b\u060c\u061b]$"
)
# The closing formula of an instrument, after its last article: "IN WITNESS WHEREOF the undersigned ...",
# "Done at Brussels, ...", "DONE at Strasbourg, ..." (and the French, Dutch and German forms).
FINAL_FORMULA = re.compile(
    r"^(?:IN WITNESS WHEREOF|In witness whereof|Done at|DONE at|Fait à|FAIT à|Gedaan te|GEDAAN te|Geschehen zu|"
    r"TEN BLIJKE WAARVAN|Ten blijke waarvan|ZU URKUND DESSEN|EN FOI DE QUOI)\b"
    # an EU act's closing formula, after its last article
    r"|^This (?:Regulation|Directive|Decision) (?:shall be binding in its entirety|is addressed to)"
    # a US bill's attestation ("Passed the Senate July 12, 2023.", "Attest:")
    r"|^(?:Passed the (?:Senate|House of Representatives)\b|Attest:)"
)
# A place formula run into the last sentence of the article before it ("... in all Member States. Done at Brussels,"),
# as some PDF-to-DOCX conversions write it: a sentence ends, and the formula is the short rest of the paragraph.
# Searched, not matched: the scan stops only at sentence ends, and "[.;]" is where the article's text ends.
INLINE_FINAL_FORMULA = re.compile(
    r"[.;]\s+(?P<formula>(?:Done at|DONE at|Fait à|FAIT à|Gedaan te|GEDAAN te|Geschehen zu)\s+\S.{0,300})$"
)
#: What labels an alternative of negotiating text ("Option 1", "Opción 2", "备选案文1"): the word and its number.
OPTION_LABEL = (
    "(?:Option|Alternative|Variant|Variante"
    + "".join(f"|{re.escape(w)}" for st in _STRUCTURES for w in st.option_words)
    + ")\\s*(?:\\d+|[A-Z])(?![^\\W" + lang.base.UNSPACED + "])"
)
OPTION = re.compile(f"^(?P<label>{OPTION_LABEL})\\s*[:.\u2013\uff1a-]?\\s*(?P<rest>.*)$")

# Numbering inside an article. Each style is (name, pattern); the value is group "v". A number takes up to two
# letters: compromise texts insert "(12a)" after (12), then "(12aa)" and "(12ab)" after (12a) (not "2nd").
_NUMBER_LABEL = r"\d{1,3}(?!(?:st|nd|rd|th)\b)[a-z]{0,2}"
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_HAN_DIGITS = "一二三四五六七八九十"
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("(1)", re.compile(rf"^\((?P<v>-?{_NUMBER_LABEL})\)\s*(?=\S|$)")),  # "(-12a)": inserted before (12a)
    ("1.", re.compile(rf"^(?P<v>{_NUMBER_LABEL})\.(?:\s+|$)(?=\S|$)")),
    ("1)", re.compile(rf"^(?P<v>{_NUMBER_LABEL})\)\s+(?=\S)")),
    ("(a)", re.compile(r"^\((?P<v>-?[a-z]{1,2}|[ivxl]{1,6})\)\s*(?=\S|$)")),
    ("a)", re.compile(r"^(?P<v>[a-z]{1,2}|[ivxl]{1,6})\)\s+(?=\S)")),
    ("a.", re.compile(r"^(?P<v>[a-z]|[ivxl]{1,6})\.\s+(?=\S)")),
    ("(A)", re.compile(r"^\((?P<v>[A-Z])\)\s*(?=\S)")),
    # the points of Russian texts, lettered in Cyrillic ("а)", "б)"), the same families as "a)" and "(a)"
    ("(a)", re.compile(r"^\((?P<v>[а-я])\)\s*(?=\S|$)")),
    ("a)", re.compile(r"^(?P<v>[а-я])\)\s+(?=\S)")),
    # the points of the Arabic texts, lettered in the abjad order ("(أ)", "(ب)", "ج)"), the same families
    ("(a)", re.compile(f"^\\((?P<v>[{_ABJAD}]\u0640?)\\)\\s*(?=\\S|$)")),  # ("(هـ)": with a tatweel)
    ("a)", re.compile(f"^(?P<v>[{_ABJAD}]\u0640?)\\)\\s+(?=\\S)")),
    # the points of Chinese laws and treaties: "(二)" in full-width or plain brackets, "三、"
    ("(一)", re.compile(f"^[\uff08(](?P<v>[{_HAN_DIGITS}]{{1,3}})[)\uff09]\\s*(?=\\S)")),
    ("一、", re.compile(f"^(?P<v>[{_HAN_DIGITS}]{{1,3}})、\\s*(?=\\S)")),
)
_ROMAN_LOWER = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker at the start of a unit: its style family ("(1)", "a)", ...), its printed label,
    the value as text, whether it could be a lower-case Roman numeral, and the text after it."""

    style: str
    label: str
    value: str
    rest: str

    @property
    def could_be_roman(self) -> bool:
        return (
            self.style[0:2] != "(1"
            and self.style not in ("1.", "1)", "(A)")
            and bool(_ROMAN_LOWER.match(self.value))
            and self.value != ""
        )


#: What makes a label at the start of a line the first of a list of references, not a label: a comma, a
#: conjunction or a range word, and another label ("(2), (3) and (4) of this Regulation", "(b) and (c)", "(2) to
#: (5)", "(a) of (b)" in Dutch), or "of this ..." and the like (a label whose words were lost in a conversion,
#: "(8) , the product manufacturer, ...", is still a label). A paragraph cut after "paragraphs (1),"
#: goes on with such a line, and read as a label it opened paragraph or recital "(2)". Case-sensitive: a point
#: may well begin "(a) to promote ..." or "(b) of the highest standard".
_REFERENCE_TAIL = re.compile(
    r"(?:\s*,|\s+(?:and/or|and|or|to|und|oder|bis|et|ou|à|au|en|of|tot|t/m|y|o|e|a|al))\s+(?:\(\w{1,5}\)|\w{1,5}\))"
    r"|\s+of (?:this|that|these|those|the same|the said|Articles?|paragraphs?|points?|Annex)\b"
    r"|\s+(?:du présent|de la présente|de l'article|du paragraphe|van dit|van deze|dieses|des Artikels|des Absatzes)\b"
)


def _label_match(text: str) -> tuple[str, re.Match[str]] | None:
    for style, pattern in _STYLES:
        match = pattern.match(text)
        if match:
            return style, match
    return None


def marker(text: str) -> Marker | None:
    """The numbering marker that opens ``text``, if any (none when the label is the first of a list of
    references: "(2), (3) and (4) of this Regulation")."""
    found = _label_match(text)
    if found is None or reference_list(text):
        return None
    style, match = found
    return Marker(style, match.group(0).strip(), match.group("v"), text[match.end() :].strip())


#: A placeholder at the end of a line: "(b) to (d) [deleted]" is a run of deleted points, not references.
_PLACEHOLDER_END = re.compile(rf"[\[(]\s*(?:{_DELETED})\s*[\])]\s*\.?\s*$", re.I)


def reference_list(text: str) -> bool:
    """Does ``text`` open with a label that is the first of a list of references ("(2), (3) and (4) of ...",
    "(b) and (c) ...")? Such a line goes on a sentence cut before it."""
    found = _label_match(text)
    return (
        found is not None
        and bool(_REFERENCE_TAIL.match(text, len(found[1].group(0).rstrip())))
        and not _PLACEHOLDER_END.search(text[-80:])
    )


def roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for i, ch in enumerate(text.lower()):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1].lower()] > v else v
    return total


def division_kind(word: str) -> Kind:
    return _DIVISIONS[word.lower()]


def starts_unit(text: str) -> bool:
    """Does this line open a new unit (heading, numbered paragraph, point, option) rather than continue one?"""
    return bool(marker(text) or OPTION.match(text) or FOOTNOTE_DEF.match(text))


# A footnote label holds no "[" either: a line of "[^[^[^..." would otherwise be scanned to its end from each "[^".
FOOTNOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\]")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\[\]\s]+)\]:\s*(.*)$")
BRACKET = re.compile(r"\[(?!\^)|(?<!\[\^\w)\]")
