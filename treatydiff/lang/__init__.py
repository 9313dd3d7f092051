"""Languages: the registry of per-language vocabularies and the detector that picks one per draft.

Adding a language: a module ``treatydiff/lang/<code>.py`` and one line in ``_MODULES`` below (and a test file of
its own). The module holds ``LANGUAGE = Language(...)``, the vocabulary of the legal-meaning flags, and
``STRUCTURE = Structure(...)``, its headings for the structure parser; a language whose flags have no vocabulary
yet holds the second only. Modules are imported on first use.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import cache

from treatydiff.lang.base import Direction, Language, Structure

__all__ = ["Direction", "Language", "Structure", "all_codes", "codes", "detect", "get", "name", "structure",
           "structures"]

#: code -> module name, in the order the detector breaks ties.
_MODULES: dict[str, str] = {
    "en": "treatydiff.lang.en",
    "de": "treatydiff.lang.de",
    "fr": "treatydiff.lang.fr",
    "es": "treatydiff.lang.es",
    "nl": "treatydiff.lang.nl",
    "it": "treatydiff.lang.it",
    "pt": "treatydiff.lang.pt",
    "ru": "treatydiff.lang.ru",
    "zh": "treatydiff.lang.zh",
    "ar": "treatydiff.lang.ar",
}

DEFAULT = "en"
_WORD = re.compile(r"[^\W\d_]+")

#: Languages the detector recognises but that have no vocabulary yet: their very common words (or their script),
#: so that a draft in one of them is said to be in it, not taken for its nearest registered neighbour.
UNREGISTERED: dict[str, tuple[str, frozenset[str]]] = {
    "it": ("Italian", frozenset("il lo la gli le di del della dei delle che e è per con non una uno sono nel alla "
                                "dalla ai agli al si".split())),
    "pt": ("Portuguese", frozenset("o os as do da dos das que e é para com não uma um são no na em ao pelo pela "
                                   "se".split())),
}
_SCRIPTS = {"ru": ("Russian", re.compile(r"[\u0400-\u04ff]")), "ar": ("Arabic", re.compile(r"[\u0600-\u06ff]")),
            "zh": ("Chinese", re.compile(r"[\u4e00-\u9fff]"))}


def name(code: str) -> str:
    """The English name of a language the detector can report."""
    if code in codes():
        return get(code).name
    if code in UNREGISTERED:
        return UNREGISTERED[code][0]
    return _SCRIPTS[code][0] if code in _SCRIPTS else code


def all_codes() -> tuple[str, ...]:
    """Every registered language: those with a flag vocabulary and those with headings only."""
    return tuple(_MODULES)


@cache
def codes() -> tuple[str, ...]:
    """The languages whose legal-meaning flags have a vocabulary."""
    return tuple(code for code in _MODULES if hasattr(_module(code), "LANGUAGE"))


@cache
def _module(code: str) -> object:
    return importlib.import_module(_MODULES[code])


def get(code: str) -> Language:
    """The vocabulary registered under ``code``; KeyError for a language without one."""
    language: Language | None = getattr(_module(code), "LANGUAGE", None) if code in _MODULES else None
    if language is None:
        raise KeyError(code)
    return language


def structure(code: str) -> Structure | None:
    """The headings registered under ``code``; None for a language without a module or without headings."""
    return getattr(_module(code), "STRUCTURE", None) if code in _MODULES else None


@cache
def structures() -> tuple[Structure, ...]:
    """The headings of every registered language, for the structure parser."""
    return tuple(found for code in _MODULES if (found := getattr(_module(code), "STRUCTURE", None)) is not None)


#: How many words of a draft ``detect`` reads (its first ones).
SAMPLE_WORDS = 4000


def detect(text: str, sample: int = SAMPLE_WORDS) -> str:
    """The code of the language ``text`` is most likely written in: its script for Russian, Arabic and Chinese,
    else the language whose very common words make up most of its first ``sample`` words (English when none is
    found). The code may be one without a vocabulary (``UNREGISTERED``, the scripts): ``get`` refuses it."""
    head = text[: sample * 8]
    letters = sum(1 for ch in head if ch.isalpha()) or 1
    for code, (_, script) in _SCRIPTS.items():
        if len(script.findall(head)) > letters / 3:
            return code
    words = Counter(w.casefold() for w in _WORD.findall(head))
    best, best_score = DEFAULT, 0
    candidates = [(code, get(code).stopwords) for code in codes()]
    candidates += [(code, stop) for code, (_, stop) in UNREGISTERED.items()]
    for code, stop in candidates:
        score = sum(n for w, n in words.items() if w in stop)
        if score > best_score:
            best, best_score = code, score
    return best
