"""The loader against real treaty and law texts in ../shared/corpus (skipped where the folder is absent)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from treatydiff.load import load
from treatydiff.model import Draft, Kind

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def one(pattern: str) -> Path:
    found = sorted(CORPUS.glob(pattern))
    if not found:
        pytest.skip(f"{pattern} not in the corpus")
    return found[0]


def article_nodes(draft: Draft, deleted: bool | None = None) -> list[str]:
    return [p.node.label for p in draft.articles() if deleted is None or p.node.deleted == deleted]


def test_ai_act_proposal_has_85_articles() -> None:
    draft = load(one("eu-ai-act-council-drafts/v01-*.md"))
    assert article_nodes(draft, deleted=False) == [str(n) for n in range(1, 86)]
    assert draft.counts()["recitals"] == 89


def test_council_general_approach_has_94_articles_and_4_placeholders() -> None:
    draft = load(one("eu-ai-act-council-drafts/v10-*.md"))
    counts = draft.counts()
    assert (counts["articles"], counts["placeholders"]) == (94, 4)
    assert sorted(article_nodes(draft, deleted=True), key=int) == ["24", "28", "50", "57"]
    assert {"4a", "4b", "4c"} <= set(article_nodes(draft, deleted=False))
    titles = {p.node.label: p.node.title for p in draft.articles()}
    assert titles["4c"] == "Exceptions to Article 4b"
    assert counts["annexes"] >= 9  # Annex I is itself a [deleted] placeholder


@pytest.mark.parametrize("version", ["v1", "v4", "v7"])
def test_anti_doping_english_and_dutch_kept_apart(version: str) -> None:
    draft = load(one(f"coe-anti-doping-convention/{version}-*.md"))
    assert [n.kind for n in draft.nodes] == [Kind.TEXT, Kind.TEXT]
    for text in draft.nodes:
        labels = [n.label for n in text.walk() if n.kind is Kind.ARTICLE]
        assert labels == [str(n) for n in range(1, 20)]
    assert [n.title for n in draft.nodes] == ["English", "Dutch"]
    assert any("article numbers repeat" in str(w) for w in draft.warnings)


@pytest.mark.parametrize("version", ["v1", "v2", "v3"])
def test_grundgesetz_every_art_heading(version: str) -> None:
    path = one(f"de-grundgesetz/{version}-*.md")
    headings = re.findall(r"^### Art (\S+)", path.read_text(encoding="utf-8"), re.M)
    draft = load(path)
    assert [label for label in article_nodes(draft) if " " not in label] == headings
    assert "74a und 75" in article_nodes(draft, deleted=True)  # "(XXXX) Art 74a und 75 (weggefallen)"
    art93 = next(p.node for p in draft.articles() if p.node.label == "93")
    assert art93.children[0].label == "(1)"
    assert art93.children[0].children[0].label == "1."


def test_stockholm_annexes_are_annexes() -> None:
    draft = load(one("stockholm-pops-convention/v1-*.md"))
    english = draft.nodes[0]
    annexes = [n.label for n in english.children if n.kind is Kind.ANNEX]
    assert annexes == list("ABCDEFG")
    top_articles = [
        n.label for n in english.walk() if n.kind is Kind.ARTICLE and n not in _annex_nodes(english)
    ]
    assert top_articles[:29] == [str(n) for n in range(1, 30)]
    assert not any(p.node.label in "ABCDEFG" for p in draft.articles())


def _annex_nodes(text_node):  # type: ignore[no-untyped-def]
    return {id(n) for a in text_node.children if a.kind is Kind.ANNEX for n in a.walk()}


@pytest.mark.parametrize(
    "pattern", ["budapest-convention-ets185/v1-*.md", "budapest-additional-protocol-ets189/v2-*.md"]
)
def test_budapest_files_hold_two_texts_with_the_same_articles(pattern: str) -> None:
    draft = load(one(pattern))
    assert len(draft.nodes) == 2
    english, dutch = ([n.label for n in t.walk() if n.kind is Kind.ARTICLE] for t in draft.nodes)
    assert english == dutch and len(english) >= 16
    assert Counter(english).most_common(1)[0][1] == 1


def test_budapest_titles_and_divisions() -> None:
    draft = load(one("budapest-convention-ets185/v2-*.md"))
    article2 = next(p for p in draft.articles() if p.node.label == "2")  # the English one comes first
    assert article2.node.title == "Illegal access"
    assert article2.path[0] == "Text 1 — English"
    assert article2.path[1:] == (
        "Chapter II — MEASURES TO BE TAKEN AT THE NATIONAL LEVEL",
        "Section 1 — SUBSTANTIVE CRIMINAL LAW",
        "Title 1 — OFFENCES AGAINST THE CONFIDENTIALITY, INTEGRITY AND AVAILABILITY OF COMPUTER DATA AND SYSTEMS",
    )


def test_grondwet_paragraph_signs_are_sections() -> None:
    path = one("nl-grondwet/v1-*.md")
    draft = load(path)
    expected = re.findall(r"^### Artikel\s+(\S+)", path.read_text(encoding="utf-8"), re.M)
    assert article_nodes(draft) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "coe-anti-doping-convention/*.md",
        "stockholm-pops-convention/*.md",
        "budapest-*/*.md",
        "nl-grondwet/*.md",
        "de-grundgesetz/*.md",
        "eu-ai-act-council-drafts/*.md",
    ],
)
def test_no_markdown_noise_left_in_text(pattern: str) -> None:
    for path in sorted(CORPUS.glob(pattern)):
        draft = load(path)
        for node in draft.walk():
            for text in (node.text, node.title):
                assert "](" not in text, (path.name, node.line, text[:80])
                assert not re.search(r"\\[\[\]*_]|<!--|<meta|\{\.\w+\}|^#+", text), (
                    path.name,
                    node.line,
                    text[:80],
                )
