"""Stage 5, check: rules fail on what compare shows (issue 12): a renumbered article that was also reworded
fails a rule forbidding ``renumbered``; term rules match the phrase across case, spacing, hyphens, quote styles
and determiners, ``added`` looks article by article and paragraph by paragraph, and a term rule can be scoped
to an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.check import check, parse_rules, term_pattern
from treatydiff.compare import compare
from treatydiff.load import load, load_text
from treatydiff.model import Status

CONVENTION = Path(__file__).resolve().parents[1] / "fixtures" / "convention"


def verdicts(rules: str, old: str, new: str) -> list[tuple[str, Status, str]]:
    comparison = compare(load(CONVENTION / f"{old}.md"), load(CONVENTION / f"{new}.md"))
    result = check(comparison, parse_rules(rules))
    return [(v.rule, v.status, v.message) for v in result.verdicts]


def test_the_readme_rule_article_5_keeps_its_number_fails_when_it_became_6() -> None:
    rules = '[[rule]]\nname = "Article 5 keeps its number and its place"\narticle = "5"\n' \
            'forbid = ["renumbered", "moved", "split", "merged"]\n'
    (verdict,) = verdicts(rules, "zero-draft", "revised-draft")
    assert verdict[1] is Status.FAILED
    assert "renumbered (Article 5 → Article 6; the report says modified)" in verdict[2]


def test_an_article_that_kept_its_number_passes_the_renumbered_rule() -> None:
    rules = '[[rule]]\nname = "Purpose keeps its number"\narticle = "1"\nforbid = ["renumbered"]\n'
    assert verdicts(rules, "zero-draft", "revised-draft") == [("Purpose keeps its number", Status.PASSED, "")]


def test_the_readme_rule_no_new_carve_out_fails_on_zero_to_final() -> None:
    rules = '[[rule]]\nname = "No new carve-out for domestic law"\nterm = "in accordance with domestic law"\n' \
            'forbid = ["added"]\n'
    found = verdicts(rules, "zero-draft", "final-text")
    assert found and all(status is Status.FAILED for _, status, _ in found)
    assert any("in accordance with its domestic law" in message for _, _, message in found)


def test_exact_turns_the_determiners_off() -> None:
    rules = '[[rule]]\nname = "x"\nterm = "in accordance with domestic law"\nexact = true\nforbid = ["added"]\n'
    assert verdicts(rules, "zero-draft", "final-text") == [("x", Status.PASSED, "")]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("in accordance with domestic law", "shall, in accordance with its domestic law, adopt", True),
        ("in accordance with domestic law", "In  Accordance\nwith their domestic law", True),
        ("data protection", "the data-protection authority", True),
        ("'personal data'", "\u201cpersonal data\u201d means", True),
        ("dual criminality", "dual and criminality", False),
        ("in accordance with domestic law", "in accordance with the law of its domestic courts", False),
    ],
)
def test_term_pattern(term: str, text: str, found: bool) -> None:
    quotes = str.maketrans(dict.fromkeys("'\u201c\u201d", '"'))
    assert bool(term_pattern(term).search(text.translate(quotes))) is found


def _pair(old: str, new: str) -> list[tuple[str, Status, str]]:
    comparison = compare(load_text(old, format="md"), load_text(new, format="md"))
    rules = parse_rules('[[rule]]\nname = "t"\nterm = "domestic law"\nforbid = ["added"]\n'
                        '[[rule]]\nname = "s"\narticle = "2"\nterm = "domestic law"\nforbid = ["removed"]\n')
    return [(v.rule, v.status, v.article) for v in check(comparison, rules).verdicts]


OLD = """### Article 1 — Jurisdiction

Each State Party shall establish its jurisdiction in accordance with its domestic law.

### Article 2 — Cooperation

States Parties shall cooperate, in accordance with domestic law, to the widest extent.
"""


def test_added_counts_where_the_phrase_was_not_before_even_if_the_old_draft_has_it_elsewhere() -> None:
    new = OLD.replace("shall establish its jurisdiction", "shall establish its jurisdiction").replace(
        "to the widest extent.", "to the widest extent.\n\nMutual legal assistance is given under domestic law.")
    assert ("t", Status.FAILED, "2") in _pair(OLD, new)


def test_a_term_rule_scoped_to_an_article_sees_it_leave_that_article() -> None:
    new = OLD.replace("States Parties shall cooperate, in accordance with domestic law, to", "States Parties shall "
                      "cooperate to")
    found = _pair(OLD, new)
    assert ("s", Status.FAILED, "2") in found  # gone from Article 2, though Article 1 still has it
    assert ("t", Status.PASSED, "") in found
