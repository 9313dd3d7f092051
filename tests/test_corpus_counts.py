"""Every shared-corpus file reads to the counts a reader makes of it (``corpus_counts/counts.json``: counted from the
documents themselves, without treatydiff; the method is in ``corpus_counts/METHOD.md``). Skipped where the corpus is
absent.

Each file is compared on what the outline header says (articles, placeholders, annexes, articles in annexes,
recitals), on its first and last article, and on the dispositions of a Spanish law (articles of their own series).
Where the reader and the count differ for a reason that is known, the file is listed in ``KNOWN`` with that reason,
as a strict expected failure: the day the reader gets it right, the test says so and the entry goes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from corpus_drafts import GROUP, LARGE, corpus_draft

from treatydiff.lang import es
from treatydiff.model import Draft, Kind

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
COUNTS: dict[str, dict] = json.loads((HERE / "corpus_counts" / "counts.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")

#: file (a prefix of its path in the corpus) -> why the reader's counts differ from the document's
KNOWN = {
    # a committee report and a comparison table: the bill's own text is quoted after "PROYECTO DE LEY:"
    # ("“Artículo único.- Modifícase ..."), and a quoted heading is read as the quoted text of a law, as the
    # Spanish bills' «Artículo 5. ...» is; the report's discussion names the article on a line of its own
    # ("DISCUSIÓN EN PARTICULAR" / "Artículo único"), run into the line before it
    # the comparison table's left column, the law in force, prints its "Artículo 6º.- ..." unquoted
    "cl-bill-15995/comparado.txt": "the law in force's Artículo 6º is read, the bill's quoted Artículo único is not",
    "cl-bill-15995/v3-informe-comision.txt": "the bill's text is quoted (“Artículo único.- ...): 0 articles read of 1",
    # the published file: the prohibited list follows Article 19 under a plain heading ("The 2011 prohibited
    # list"); the count takes it for the appendix Article 2(2) refers to, the reader sees no annex heading
    "coe-anti-doping-convention/": "the appendix has no Annex or Appendix heading (0 annexes read of 1)",
    # the page's running "cve: BOCG-15-A-36-4" is printed on the placeholder's line ("Disposición final primera.
    # (suprimida)   cve: ..."), so the line does not read as a placeholder but as a title
    "es-bill-121-000036/v2": "the placeholder 'Disposición final primera. (suprimida)' is read as a live disposition",
}


#: What a report writes before a Spanish disposition's number ("Disp. trans.") -> the count's name of its series
#: ("transitoria"): the dispositions are articles of their own series, counted apart from the articles.
DISPOSITIONS = {short: word.split()[-1].casefold() for word, short in es.STRUCTURE.designations}


def read(draft: Draft) -> dict[str, object]:
    """What the reader found, in the count's terms."""
    units = [p.node for p in draft.articles()]
    articles = [a for a in units if a.designation not in DISPOSITIONS]
    dispositions = [a for a in units if a.designation in DISPOSITIONS]
    live = [a for a in articles if not a.deleted]
    return {
        "dispositions": dict(Counter(DISPOSITIONS[a.designation] for a in dispositions if not a.deleted)),
        "disposition_placeholders": [f"{DISPOSITIONS[a.designation]} {a.label}" for a in dispositions if a.deleted],
        "disposition_labels": [f"{DISPOSITIONS[a.designation]} {a.label}" for a in dispositions],
        "articles": len(live),
        "placeholders": len(articles) - len(live),
        "annexes": sum(1 for p in draft.annexes() if not p.node.deleted),
        "annex_articles": sum(1 for _ in draft.annex_articles()),
        "recitals": sum(1 for n in draft.walk() if n.kind is Kind.RECITAL),
        "first_article": live[0].label if live else None,
        "last_article": live[-1].label if live else None,
    }


def expected(count: dict) -> dict[str, object]:
    """The count's figures for the fields ``read`` gives. Placeholders are counted per heading as the outline counts
    them ("Art 74a und 75 (weggefallen)" is one); an article label is compared without its word ("§ 20" is 20)."""
    want = {key: count.get(key) for key in ("articles", "placeholders", "annexes", "annex_articles", "recitals",
                                            "first_article", "last_article", "dispositions",
                                            "disposition_placeholders", "disposition_labels")}
    if count.get("placeholder_headings") is not None:
        want["placeholders"] = count["placeholder_headings"]
    for key in ("first_article", "last_article"):
        if isinstance(want[key], str):
            want[key] = re.sub(r"^(?:§|Artikel|Article|Art\.?)\s*", "", want[key])
    return {key: value for key, value in want.items() if value is not None}


def parts(name: str, draft: Draft) -> list[tuple[dict, Draft]]:
    """The counts and the drafts to compare: a file of two texts (English, then Dutch) text by text."""
    count = COUNTS[name]
    if "texts" in count and draft.nodes and all(n.kind is Kind.TEXT for n in draft.nodes):
        assert len(draft.nodes) == len(count["texts"]), f"{name}: {len(draft.nodes)} texts read"
        return [(c, replace(draft, nodes=n.children)) for c, n in zip(count["texts"], draft.nodes, strict=True)]
    return [(count, draft)]


CASES = [
    pytest.param(
        name,
        marks=([pytest.mark.xfail(strict=True, reason=reason)]
               if (reason := next((r for prefix, r in KNOWN.items() if name.startswith(prefix)), None))
               else []) + ([GROUP] if name.endswith(LARGE) else []),
        id=name,
    )
    for name, count in COUNTS.items()
    if "articles" in count  # amendment documents (lists of amendments) have no article counts
]


@pytest.mark.parametrize("name", CASES)
def test_the_reader_counts_what_the_document_holds(name: str) -> None:
    draft = corpus_draft(CORPUS / name)
    for count, text in parts(name, draft):
        want = expected(count)
        got = {key: value for key, value in read(text).items() if key in want}
        assert got == want, name


def test_the_counts_cover_every_file_of_the_corpus() -> None:
    files = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.md"}
    assert files == set(COUNTS)
