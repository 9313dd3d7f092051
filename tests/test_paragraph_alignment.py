"""Paragraphs inside a matched article (issue 16, item 4): a clause rewritten in its place is redlined against its
successor, not against a new paragraph elsewhere in the article that shares its formula."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff import compare, load_text
from treatydiff.load import load
from treatydiff.model import ArticleChange, FlagKind, Outcome

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

OLD = """Article 2 Scope

1. This Convention applies to autonomous vessels flying the flag of a Party.

2. This Convention shall not apply to autonomous vessels used exclusively for military purposes.

3. This Convention shall not affect the rights of coastal States under the law of the sea.
"""
NEW = """Article 2 Scope

1. This Convention applies to autonomous vessels flying the flag of a Party.

2. This Convention shall not apply to autonomous vessels if and insofar as they are used, with or without
modification, for activities concerning military, defence or national security, whoever carries them out.

3. This Convention shall not affect the rights of coastal States under the law of the sea.

4. This Convention shall not apply to research on autonomous vessels.
"""


def article_2(old: str, new: str) -> ArticleChange:
    comparison = compare(load_text(old, source="old.md", format="md"), load_text(new, source="new.md", format="md"))
    return next(c for c in comparison.changes if c.match.old and c.match.old[0].node.label == "2")


def test_a_rewritten_clause_is_redlined_against_its_successor() -> None:
    change = article_2(OLD, NEW)
    by_old = {p.old_label: p for p in change.paragraphs if p.old_label}
    assert by_old["2."].new_label == "2."  # not the research paragraph, which shares "shall not apply to"
    research = next(p for p in change.paragraphs if p.new_label == "4.")
    assert research.outcome is Outcome.ADDED


def test_the_rewritten_exclusion_is_flagged_and_the_new_one_too() -> None:
    flags = {(f.kind, f.paragraph, f.note) for f in article_2(OLD, NEW).flags}
    assert (FlagKind.CONDITION_CHANGED, "2.", "exclusion rewritten") in flags
    assert (FlagKind.SCOPE_NARROWED, "4.", "exclusion added") in flags


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_ai_act_article_2_military_exclusion_meets_its_successor() -> None:
    old = load(next(CORPUS.glob("eu-ai-act-council-drafts/v01-*.md")))
    new = load(next(CORPUS.glob("eu-ai-act-council-drafts/v10-*.md")))
    change = next(c for c in compare(old, new).changes if [p.node.label for p in c.match.old] == ["2"])
    military = next(p for p in change.paragraphs if "military purposes" in p.old_text)
    assert military.new_label == "3." and "national security" in military.new_text
    research = next(p for p in change.paragraphs if "research and development" in p.new_text)
    assert research.outcome is Outcome.ADDED
