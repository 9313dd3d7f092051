"""Stage 4, render: what the outline renderers share — which nodes are headings, how a unit is named, and how
deep to go. Presentation only: nothing here looks at the words to decide anything."""

from __future__ import annotations

from pathlib import PurePath

from treatydiff import lang
from treatydiff.model import DIVISION_KINDS, Draft, Kind, Mark, Node

#: Nodes shown as headings (their own line, children below); the rest are numbered units shown inline.
HEADING_KINDS = DIVISION_KINDS | {Kind.PREAMBLE, Kind.ARTICLE, Kind.ANNEX}

#: Marks shown as badges, in this order. ``deleted`` is shown apart: it changes how the whole line looks.
BADGE_MARKS = (Mark.BRACKETS, Mark.OPTION)

#: Singular of the keys of ``Draft.counts()``, for "1 article" against "2 articles".
_SINGULAR = {"articles": "article", "placeholders": "placeholder", "annexes": "annex", "recitals": "recital",
             "paragraphs": "paragraph", "articles in annexes": "article in annexes"}
#: Keys of ``Draft.counts()`` said in other words; and those said only when there are some
_WORDS = {"annex_articles": "articles in annexes"}
_WHEN_ANY = frozenset({"annex_articles"})


def one_line(text: str) -> str:
    """All whitespace (line breaks included) collapsed to single spaces."""
    return " ".join(text.split())


def heading(node: Node) -> str:
    """"Article 5 — Scope", "Chapter II — Offences", "Preamble", with whitespace collapsed."""
    return one_line(node.heading())


def says_deleted(node: Node) -> bool:
    """A placeholder whose own words already say so ("Article 24 — [Deleted]", text "[deleted]") needs no
    second badge."""
    return "deleted" in f"{node.heading()} {node.text}".lower()


def inline_text(node: Node) -> bool:
    """Whether the node's own text goes on its line rather than below it: always for numbered units, and
    for a heading only when it is a deleted placeholder (its text is just "[deleted]")."""
    return node.kind not in HEADING_KINDS or node.deleted


def extra_label(draft: Draft) -> str:
    """The draft's label ("Rev.1") when it says more than its file name, else ""."""
    path = PurePath(draft.source)
    return "" if draft.label in {draft.source, path.name, path.stem} else draft.label


def language_name(draft: Draft) -> str:
    """The English name of the draft's language ("Russian"), "" when it has none."""
    return lang.name(draft.language) if draft.language else ""


def count_phrases(counts: dict[str, int]) -> list[str]:
    """["12 articles", "1 placeholder", ...] in the order ``Draft.counts()`` gives."""
    phrases = []
    for key, n in counts.items():
        if n or key not in _WHEN_ANY:
            words = _WORDS.get(key, key)
            phrases.append(f"{n} {words if n != 1 else _SINGULAR.get(words, words)}")
    return phrases


def shows_children(level: int, depth: int) -> bool:
    """Whether nodes at ``level`` (1 = top) show their children when ``depth`` levels are shown (0: all)."""
    return depth == 0 or level < depth
