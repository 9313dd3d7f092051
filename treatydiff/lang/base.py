"""Languages: the shape of one language's legal vocabulary, as the classifier reads it.

A language module (``en.py``, ``de.py``, ...) holds one ``Language`` value and nothing else: words and regular
expression sources, no logic. The classifier (``treatydiff/classify.py``) compiles them on first use and holds
no word of any language itself, so a new language is a new module and one line in ``treatydiff/lang/__init__.py``.

Patterns are regular-expression sources matched case-insensitively, with any whitespace allowed where a pattern
has a space; each is matched at word boundaries by the classifier, so a pattern never needs ``\\b``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class Direction(StrEnum):
    """What a qualifier does to the rule it is attached to."""

    DISCRETION = "discretion"  # leaves it to the addressee ("where appropriate", "in accordance with domestic law")
    EXCEPTION = "exception"  # carves cases out ("unless", "except where", "without prejudice to")
    CONDITION = "condition"  # makes the rule apply only under a condition ("provided that", "only where")


#: The scripts written without spaces between words (kana, the CJK ideographs and their extensions and
#: compatibility forms): each of their characters is a word to the aligner, the word diff and the classifier's scan.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Where a word begins and ends, for patterns: no letter of a spaced script on the other side (a character of an
#: unspaced one may be there: "缔约国应当采取" holds "应当").
WORD_START = f"(?<![^\\W{UNSPACED}])"
WORD_END = f"(?![^\\W{UNSPACED}])"
#: The marks of the Arabic script that a text may carry or leave out: the short vowels and other harakat, Quranic
#: annotation signs, and the tatweel that stretches a word ("الكتـــاب"). Ignored when texts are matched (alignment,
#: the editorial test), kept where they are shown.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
#: ``str.translate`` table that drops them.
UNMARKED = dict.fromkeys(
    [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
)
#: A character of an unspaced script or an Arabic mark: a text without one is tokenised by the plain ``\\w+``.
SPECIAL = f"[{UNSPACED}{ARABIC_MARKS}]"


@cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, on first use: a pattern over the unspaced scripts' 28,000 characters takes some 2 to 4 ms
    to compile, and a run over English text never needs one."""
    return re.compile(pattern, flags)


def special(text: str) -> bool:
    """Whether ``text`` holds a character of an unspaced script or an Arabic mark (``isascii`` reads a flag: an
    ASCII text is not scanned)."""
    return not text.isascii() and compiled(SPECIAL).search(text) is not None


#: A word: a run of letters and digits, except in the scripts written without spaces, where each character is one
#: (a "word" there would be a whole clause, and a clause changed in one character would share nothing with its
#: old form).
WORD = f"[{UNSPACED}]|[^\\W{UNSPACED}]+"
_PLAIN_WORD = re.compile(r"\w+")


def word_pattern(text: str) -> re.Pattern[str]:
    """``WORD`` compiled, or the plain ``\\w+`` it equals on a text without an unspaced script (faster)."""
    return compiled(WORD) if special(text) else _PLAIN_WORD


def unmarked(text: str) -> str:
    """``text`` without its Arabic marks (``text`` itself, not a copy, when it has none: the common case)."""
    if text.isascii() or compiled(f"[{ARABIC_MARKS}]").search(text) is None:
        return text
    return text.translate(UNMARKED)


#: Obligation strength on a four-step scale; a prohibition ("shall not") is read by the negation rule.
STRONG, MEDIUM, WEAK, PROHIBITION = 3, 2, 1, 0


@dataclass(frozen=True, slots=True)
class Language:
    """One language's vocabulary for the structure-independent rules of the classifier.

    - ``modals``: (pattern, strength) with STRONG, MEDIUM, WEAK or PROHIBITION; longest first where one pattern
      is the start of another ("shall endeavour to" before "shall").
    - ``negators``: words that negate; ``not_negation``: phrases containing one that do not negate ("no later
      than", "not only", "whether or not"), masked before negators are counted.
    - ``qualifiers``: (pattern, Direction), longest first; ``safeguards``: protections of persons and rights.
    - ``exclusion_cues``: words that make a list an exclusion ("shall not apply to", "except"), so that an
      item added to it narrows the rule instead of widening it; ``universal``/``particular``: determiners
      whose exchange changes reach ("any" <-> "a"); ``limitative``: "only", "solely".
    - ``and_words``/``or_words``: conjunctions whose exchange turns cumulative conditions into alternatives;
      ``range_words``: what spans a range of numbers in a reference ("Articles 5 to 8").
    - ``number_words``: spelled-out numbers and their values; ``number_pattern``: a pattern for spelled-out
      compounds the table does not list ("twenty-five"); ``quantity_prefixes``: phrases that belong to the
      quantity they precede ("at least", "no later than", "ten minste"); ``units``: units of periods, money
      and counts; ``penalty_words``: what marks a quantity as a penalty; ``months``: month names for dates.
    - ``reference_heads``: words that make the number after them a reference, never a quantity (article,
      paragraph, point, annex, section, footnote, another act's name); ``definition_cues``: what follows a
      quoted term at the start of a definition ("means"); ``determiners``: articles, demonstratives and
      possessives a ``check`` term rule allows between the words of its phrase ("its", "the"); ``neutral``:
      words whose coming or going leaves what a rule covers alone ("also", "relevant", "thereof"), besides the
      function words above; ``deadlines``: time limits without a number ("without undue delay", "promptly");
      ``neutral_endings``: word endings of manner adverbs, which qualify how, not what ("-ly").
    - ``definition_leads``: the words a definition puts before its quoted term, where the language does ("Por",
      "L'expression", "يقصد بتعبير"): with them, the words after the term (``definition_cues``) may be absent.
    - ``stopwords``: very common words, for telling languages apart.
    - ``indicative_duty``: the plain indicative states a duty, as in the UN texts in French ("Chaque État Partie
      adopte"), Spanish ("adoptará"), Russian ("принимает") and Arabic ("تتخذ"): a permission put in place of
      the verb weakens the duty, as "shall" -> "may" does in English.
    - ``unspaced``: written without spaces between words (Chinese): its patterns match inside a run of characters
      (``WORD_START``, ``WORD_END``); a spaced language's at plain word boundaries, which compile and run faster.
    """

    code: str
    name: str
    stopwords: frozenset[str]
    modals: tuple[tuple[str, int], ...]
    negators: tuple[str, ...]
    not_negation: tuple[str, ...]
    qualifiers: tuple[tuple[str, Direction], ...]
    safeguards: tuple[str, ...]
    exclusion_cues: tuple[str, ...]
    universal: tuple[str, ...]
    particular: tuple[str, ...]
    limitative: tuple[str, ...]
    and_words: tuple[str, ...]
    or_words: tuple[str, ...]
    range_words: tuple[str, ...]
    number_words: tuple[tuple[str, int], ...]
    number_pattern: str
    quantity_prefixes: tuple[str, ...]
    units: tuple[str, ...]
    penalty_words: tuple[str, ...]
    months: tuple[str, ...]
    reference_heads: tuple[str, ...]
    definition_cues: tuple[str, ...]
    determiners: tuple[str, ...]
    neutral: tuple[str, ...]
    deadlines: tuple[str, ...]
    neutral_endings: tuple[str, ...] = ()
    indicative_duty: bool = False
    definition_leads: tuple[str, ...] = ()
    unspaced: bool = False


@dataclass(frozen=True, slots=True)
class Structure:
    """How one language heads the units of a law or treaty, as the structure parser (``treatydiff/load``) reads
    them. Words are matched as printed (each word and its capitals, "Статья" and "СТАТЬЯ"); the parser compiles
    the words of every registered language into its heading patterns, so a draft is read whatever its language.

    - ``article_words``: what is printed before an article's number ("Статья", "Artículo", "مادة");
      ``article_frames``: (before, after) around the number where the word is printed around it ("第", "条":
      "第一条"); ``plural_article_words``: (plural, singular) for the words that head a placeholder for several
      articles ("Articles 2 to 9 [deleted]", "§§ 116 bis 119 (weggefallen)").
    - ``divisions``: (word, kind) for the words before a division's number, kind one of "part", "title",
      "chapter", "section", "subsection", "annex" ("Глава" is a chapter); ``division_frames``: (before, after,
      kind) around the number ("第", "章", "chapter": "第一章"); ``annex_plurals``: the plural of an annex word,
      which heads a group of annexes ("Annexes I to III").
    - ``number_words``: a pattern for the words that number an article or a division instead of digits
      ("primero", "único", "الأولى", "ПЕРВАЯ"), matched in any case; the label keeps the word as printed.
    - ``digits``/``multipliers``: the numerals of a script that writes numbers with multipliers ("二百九十一" is
      291): each digit and each multiplier with its value; a label in them is read as its value in Arabic digits.
    - ``suffixes``: the words after an article's number that insert an article after it, as the Latin "bis" and
      "ter" do (the parser knows those): "المادة 12 مكرر" is Article 12 bis.
    - ``recital_openers``: patterns for the words that open a clause of a treaty's preamble in the UN style
      ("Reconociendo", "признавая", "认识到", "وإذ تدرك"): such a paragraph, ending with a comma or semicolon, is a
      recital.
    - ``agreed_formulas``: the words that close a treaty's preamble ("Han convenido en lo siguiente:", "согласились
      о нижеследующем:"): the line is a paragraph of its own, though it may open in lower case.
    - ``option_words``: the words that label the alternatives of negotiating text ("Opción 1:", "Вариант 2:",
      "备选案文1："), besides the English "Option", "Alternative" and "Variant".
    - ``reference_words``: the article word as running text inflects it in a cross-reference, besides the forms
      above ("статьей 12", "للمادة 5"): a reference that only follows the renumbering is then editorial.
    - ``deleted``: the words that say an article is repealed ("Исключена", "suprimida").
    - ``run_in``: the heading line may carry the article's first words after a full stop, a colon or a frame
      ("Статья 1. Республика Беларусь ...", "ARTÍCULO 1°.- Modifícase ...", "第一条 ..."): what follows is the
      article's text unless it reads as a title.
    - ``stopped_titles``: the article words after which a title on the heading line ends with a full stop
      ("Artículo 1. Objeto.", a US bill's "SEC. 2. SHORT TITLE."); after the others, a full stop makes the words on
      the heading line a sentence of the text ("Article 5 shall apply.", a Russian title has none).
    - ``titled``: articles have titles, on the heading line or the next; Arabic and Chinese articles have none, and
      the line after "مادة 1" is the article's text, whatever it looks like.
    - ``designations``: (article word, what a report writes before the number) for the article words that head
      a unit of their own series, not an "Article" ("SEC." of a US bill is "Sec. 2"; a Spanish law's "Disposición
      transitoria primera" is "Disp. trans. primera", numbered apart from its articles; a German statute's "§ 5" is
      "§ 5"). A word not listed is an article (reports write "Art.").
    """

    article_words: tuple[str, ...] = ()
    article_frames: tuple[tuple[str, str], ...] = ()
    plural_article_words: tuple[tuple[str, str], ...] = ()
    divisions: tuple[tuple[str, str], ...] = ()
    division_frames: tuple[tuple[str, str, str], ...] = ()
    annex_plurals: tuple[str, ...] = ()
    number_words: str = ""
    digits: tuple[tuple[str, int], ...] = ()
    multipliers: tuple[tuple[str, int], ...] = ()
    suffixes: tuple[str, ...] = ()
    reference_words: tuple[str, ...] = ()
    recital_openers: tuple[str, ...] = ()
    agreed_formulas: tuple[str, ...] = ()
    option_words: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    run_in: bool = False
    stopped_titles: tuple[str, ...] = ()
    titled: bool = True
    designations: tuple[tuple[str, str], ...] = ()
