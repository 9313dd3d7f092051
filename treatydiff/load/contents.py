"""Stage 1, load: the words of a table of contents — its heading in each language, dotted leaders, page numbers.

The parser (``treatydiff.load.parse``) decides which units form a draft's own table of contents; this module
only says what a contents heading, an entry's leader and a page number look like, and cuts them off an entry.
"""

from __future__ import annotations

import re

#: The heading over a table of contents, by language; matched against the whole heading line, case-insensitively.
HEADING_WORDS = {
    "en": ("table of contents", "contents", "list of contents", "summary of contents"),
    "fr": ("table des matières", "sommaire"),
    "es": ("índice", "índice general", "sumario", "tabla de contenido", "contenido"),
    "pt": ("índice", "sumário"),
    "it": ("indice", "sommario"),
    "de": ("inhaltsverzeichnis", "inhaltsübersicht", "inhalt"),
    "nl": ("inhoudsopgave", "inhoud"),
    "ru": ("содержание", "оглавление"),
    "zh": ("目录", "目 录", "目次"),
    "ar": ("المحتويات", "الفهرس", "فهرس المحتويات"),
}

_ALTERNATIVES = "|".join(
    sorted({re.escape(w).replace(r"\ ", r"\s*") for words in HEADING_WORDS.values() for w in words},
           key=len, reverse=True)
)
_HEADING = re.compile(rf"^\W{{0,3}}(?:{_ALTERNATIVES})\W{{0,3}}$", re.IGNORECASE)
# dots (". . . ." or "......"), ellipses, middle dots or rules between an entry and its page number
_LEADER = re.compile(r"\s*(?:(?:\s?[.·∙•]){4,}|…{2,}|_{4,}|-{6,})\s*(?P<page>[0-9]{1,4}|[ivxlc]{1,7})?\s*$",
                     re.IGNORECASE)
#: The characters a leader ends with.
_LEADER_ENDS = frozenset(".·∙•…_-")
_PAGE_ONLY = re.compile(r"^\s*(?:pages?|p\.|seite|page|página|pagina|стр\.?|страница|页|صفحة)?\s*[0-9]{1,4}\s*$",
                        re.IGNORECASE)
_PAGE_WORD = re.compile(r"^\s*(?:pages?|seite|página|pagina|стр\.?|страница|页次?|الصفحة|صفحة)\s*$", re.IGNORECASE)
_TRAILING_PAGE = re.compile(r"\s+[0-9]{1,4}\s*$")


def is_heading(text: str) -> bool:
    """``Table of contents``, ``SOMMAIRE``, ``Содержание``, ``目 录`` alone on their line."""
    return len(text) < 60 and bool(_HEADING.match(text.strip()))


def has_leader(text: str) -> bool:
    """An entry followed by a leader (and its page number): ``Article 33. Contiguous zone ........ 31``."""
    # the search would try every position of the line (it is run on every paragraph of a draft): first what every
    # such line ends with (a leader's last character, then maybe a page number), then a search of the end only
    # (any leader has its shortest form, four dots or six dashes, within the last 12 characters before the number)
    tail = text.rstrip().rstrip("0123456789ivxlcIVXLC").rstrip()
    return tail[-1:] in _LEADER_ENDS and bool(_LEADER.search(text, max(0, len(tail) - 12)))


def is_page_furniture(text: str) -> bool:
    """A line of the contents that is no entry: a page number alone, or the "Page" over the numbers' column."""
    return bool(_PAGE_ONLY.match(text) or _PAGE_WORD.match(text))


def ends_with_page(text: str) -> bool:
    return bool(_TRAILING_PAGE.search(text))


def entry(text: str, trailing_pages: bool = False) -> str:
    """The words of one entry, without its leader and page number (``trailing_pages``: the contents prints
    page numbers after its entries with no leader, so a number at the end of an entry is a page number)."""
    text = _LEADER.sub("", text)
    if trailing_pages:
        text = _TRAILING_PAGE.sub("", text)
    return " ".join(text.split())
