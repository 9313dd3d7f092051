"""Languages: the registry of per-language vocabularies and the detector that picks one per draft.

Adding a language: a module ``treatydiff/lang/<code>.py`` with one ``LANGUAGE = Language(...)`` and one line in
``_MODULES`` below (and a test file of its own). Modules are imported on first use.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import cache

from treatydiff.lang.base import Direction, Language

__all__ = ["Direction", "Language", "codes", "detect", "get"]

#: code -> module name, in the order the detector breaks ties.
_MODULES: dict[str, str] = {
    "en": "treatydiff.lang.en",
    "de": "treatydiff.lang.de",
    "fr": "treatydiff.lang.fr",
    "es": "treatydiff.lang.es",
    "nl": "treatydiff.lang.nl",
}

DEFAULT = "en"
_WORD = re.compile(r"[^\W\d_]+")


def codes() -> tuple[str, ...]:
    return tuple(_MODULES)


@cache
def get(code: str) -> Language:
    """The language registered under ``code``; KeyError for an unknown one."""
    language: Language = importlib.import_module(_MODULES[code]).LANGUAGE
    return language


def detect(text: str, sample: int = 4000) -> str:
    """The code of the language ``text`` is most likely written in: the one whose very common words make up most of
    its first ``sample`` words (English when none is found)."""
    words = Counter(w.casefold() for w in _WORD.findall(text[: sample * 8]))
    best, best_score = DEFAULT, 0
    for code in _MODULES:
        stop = get(code).stopwords
        score = sum(n for w, n in words.items() if w in stop)
        if score > best_score:
            best, best_score = code, score
    return best
