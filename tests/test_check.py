"""Rules files and their evaluation (treatydiff check): each rule kind, outcome, class and flag; malformed files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from treatydiff.check import RULES_MAX_COUNT, RULES_MAX_DEPTH, check, load_rules, parse_rules
from treatydiff.compare import compare
from treatydiff.errors import TreatydiffError
from treatydiff.load import load, load_text
from treatydiff.model import Comparison, Draft, Provision, Status

ROOT = Path(__file__).resolve().parents[1]
CONVENTION = ROOT / "fixtures" / "convention"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def zero_to_revised() -> Comparison:
    return compare(load(CONVENTION / "zero-draft.md"), load(CONVENTION / "revised-draft.md"))


@pytest.fixture(scope="module")
def revised_to_final() -> Comparison:
    return compare(load(CONVENTION / "revised-draft.md"), load(CONVENTION / "final-text.md"))


def failed(comparison: Comparison, rules: str, **kwargs: object) -> list[str]:
    verdicts = check(comparison, parse_rules(rules, "rules.toml"), **kwargs)  # type: ignore[arg-type]
    return [v.message for v in verdicts.failures()]


def rule(forbid: str, scope: str = "") -> str:
    return f'[[rule]]\nname = "r"\n{scope}\nforbid = {forbid}\n'


# --- article rules: number or title words, each outcome, class and flag -------------------------------------


@pytest.mark.parametrize(
    ("scope", "forbid", "expected"),
    [
        ('article = "Conditions and safeguards"', '["obligation-weakened"]', "shall → may"),
        ('article = "17"', '["qualifier-added"]', "subject to its domestic law"),
        ('article = "17"', '["substantive"]', "substantive change"),
        ('article = "4"', '["renumbered"]', "Article 4 → Article 5: renumbered"),
        ('article = "24"', '["moved"]', "moved"),
        ('article = "19"', '["split"]', "split"),
        ('article = "25"', '["merged"]', "merged"),
        ('article = "23"', '["removed"]', "removed"),
        ('article = "36"', '["removed"]', "marked [deleted]"),
        ('article = "10"', '["editorial"]', "editorial change"),
        ('article = "20"', '["negation"]', "negation"),
        ('article = "8"', '["number-changed"]', "number-changed"),
        ('article = "12"', '["brackets-resolved"]', "brackets-resolved"),
        ('article = "34"', '["brackets-added"]', "brackets-added"),
        ('article = "28"', '["option-chosen"]', "option-chosen"),
        ('article = "31"', '["obligation-strengthened"]', "may → shall"),
        ('article = "6"', '["reference-dangling"]', "article 11"),
    ],
)
def test_article_rule_fails_on_what_it_forbids(zero_to_revised: Comparison, scope: str, forbid: str, expected: str) -> None:
    messages = failed(zero_to_revised, rule(forbid, scope))
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize(
    ("scope", "forbid"),
    [
        ('article = "1"', '["substantive", "removed", "editorial"]'),  # unchanged
        ('article = "4"', '["substantive", "modified"]'),  # renumbered, words identical
        ('article = "10"', '["substantive"]'),  # editorial only
        ('article = "Monitoring"', '["obligation-weakened", "removed"]'),
    ],
)
def test_article_rule_passes_when_nothing_forbidden_happens(zero_to_revised: Comparison, scope: str, forbid: str) -> None:
    verdicts = check(zero_to_revised, parse_rules(rule(forbid, scope)))
    assert verdicts.passed and [v.status for v in verdicts.verdicts] == [Status.PASSED]


def test_article_rule_for_an_article_not_in_the_old_draft_fails(zero_to_revised: Comparison) -> None:
    messages = failed(zero_to_revised, rule('["removed"]', 'article = "Article on space mining"'))
    assert messages and "no article" in messages[0] and "old draft" in messages[0]


def test_term_rules(revised_to_final: Comparison, zero_to_revised: Comparison) -> None:
    removed = failed(revised_to_final, rule('["removed"]', 'term = "dual   Criminality"'))
    assert removed and "dual   Criminality" in removed[0] and "Article" in removed[0]
    assert not failed(zero_to_revised, rule('["removed"]', 'term = "dual criminality"'))
    added = failed(zero_to_revised, rule('["added"]', 'term = "precautionary approach"'))
    assert added and "is new" in added[0]


def test_global_rule_fail_on_and_allow(zero_to_revised: Comparison) -> None:
    everywhere = failed(zero_to_revised, rule('["obligation-weakened"]'))
    assert len(everywhere) >= 3
    verdicts = check(zero_to_revised, None, fail_on=["obligation-weakened"], allow=["5", "9", "17", "27"])
    assert verdicts.passed, [v.message for v in verdicts.failures()]
    assert verdicts.rules == ("fail-on obligation-weakened",)
    with pytest.raises(TreatydiffError, match="unknown outcome or flag"):
        check(zero_to_revised, None, fail_on=["weaker"])


def test_verdicts_carry_file_line_and_article(zero_to_revised: Comparison) -> None:
    verdicts = check(zero_to_revised, parse_rules(rule('["obligation-weakened"]', 'article = "5"')))
    (verdict,) = verdicts.failures()
    assert verdict.article == "6" and verdict.file.endswith("revised-draft.md") and verdict.line
    removal = check(zero_to_revised, parse_rules(rule('["removed"]', 'article = "23"'))).failures()[0]
    assert removal.file.endswith("zero-draft.md")  # a removal points at the old draft


def test_no_change_no_failure() -> None:
    draft = load_text("### Article 1\n\nThe Parties shall cooperate.\n", format="md")
    assert check(compare(draft, draft), parse_rules(rule('["modified", "removed", "substantive"]'))).passed


# --- malformed rules files: file and line of the mistake --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('[[rule]]\nname = "a"\nforbid = ["removed"\n', 3, "not valid TOML"),
        ('[[rule]]\nname = "a"\nforbid = ["removed"]\n\n[[rule]]\nname = "b"\nartcle = "5"\nforbid = ["removed"]\n', 7,
         "unknown key 'artcle'"),
        ('[[rule]]\nname = "a"\nforbid = ["weakened"]\n', 3, "cannot forbid 'weakened'"),
        ('[[rule]]\nname = "a"\nterm = "x"\nforbid = ["modified"]\n', 4, "cannot forbid 'modified'"),
        ('[[rule]]\nname = "a"\narticle = "5"\nexact = true\nforbid = ["removed"]\n', 4, "'exact' applies to term rules only"),
        ('[[rule]]\nname = "a"\nterm = "x"\nexact = "yes"\nforbid = ["added"]\n', 4, "'exact' must be true or false"),
        ('[[rule]]\nname = "a"\n', 1, "has no 'forbid'"),
        ('title = "x"\n', 1, "unknown top-level key"),
        ("", 1, "no [[rule]]"),
    ],
)
def test_malformed_rules_name_the_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(TreatydiffError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line == line and problem in caught.value.problem
    assert caught.value.message().startswith(f"rules.toml:{line}: ")


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(TreatydiffError, match="no such rules file"):
        load_rules(tmp_path / "absent.toml")


# --- hostile rules files: nesting, number of rules, cost per rule -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("x = " + "[" * 100_000, 1),  # (before: RecursionError from the TOML reader)
        ('[[rule]]\nname = "a"\nforbid = ["removed"]\nx = ' + "{a = " * 100_000, 4),
        ("x = " + "[" * (RULES_MAX_DEPTH + 1) + "]" * (RULES_MAX_DEPTH + 1), 1),
    ],
)
def test_rules_nested_too_deep_are_refused_with_the_line(text: str, line: int) -> None:
    with pytest.raises(TreatydiffError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.message().startswith(f"rules.toml:{line}: arrays or tables nested more than 100 deep")


def test_nesting_up_to_the_bound_and_brackets_in_strings_and_comments_are_read() -> None:
    text = (
        '[[rule]]\nname = "' + "[" * 300 + '"\nforbid = ["removed"]\n'
        "description = '" + "{" * 300 + "'\n# " + "[" * 300 + '\n[[rule]]\nforbid = ["added"]\ndescription = """\n'
        + "[" * 300 + '\n\\""" ]]]]"""\n'
    )
    assert len(parse_rules(text).rules) == 2
    with pytest.raises(TreatydiffError, match="unknown top-level key 'x'"):  # 100 deep: TOML reads it
        parse_rules("x = " + "[" * RULES_MAX_DEPTH + "]" * RULES_MAX_DEPTH)


def test_more_rules_than_the_bound_are_refused_with_the_line_of_the_first_too_many() -> None:
    one = '[[rule]]\nforbid = ["removed"]\n'
    assert len(parse_rules(one * RULES_MAX_COUNT).rules) == RULES_MAX_COUNT
    with pytest.raises(TreatydiffError) as caught:
        parse_rules(one * (RULES_MAX_COUNT + 1), "rules.toml")
    assert caught.value.line == 2 * RULES_MAX_COUNT + 1
    assert "10,001 rules, more than the 10,000 a rules file may hold" in caught.value.problem


def test_a_number_too_long_to_read_is_not_valid_toml() -> None:
    with pytest.raises(TreatydiffError, match="not valid TOML"):  # (before: ValueError, an internal error)
        parse_rules('[[rule]]\nforbid = ["removed"]\nname = ' + "1" * 5000 + "\n")


def test_rules_read_the_comparison_once_not_once_per_rule(
    zero_to_revised: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 rules took minutes: every rule walked the old draft's articles, folded (quotes, look-alike letters)
    the text of every paragraph again and compiled its term again. Two hundred copies of the same rules now
    cost the drafts' texts no more than one copy does."""
    from treatydiff.confusables import skeleton

    folded: list[str] = []
    walks: list[Draft] = []
    provisions = Draft.provisions

    def counted_skeleton(text: str) -> str:
        folded.append(text)
        return skeleton(text)

    def counted_provisions(draft: Draft) -> Iterator[Provision]:
        walks.append(draft)
        return provisions(draft)

    monkeypatch.setattr("treatydiff.check.skeleton", counted_skeleton)
    monkeypatch.setattr(Draft, "provisions", counted_provisions)
    rules = (
        rule('["removed", "substantive"]', 'article = "General obligations"')
        + rule('["added", "removed"]', 'term = "precautionary approach"')
        + rule('["removed"]', 'term = "dual criminality"\narticle = "19"')
        + rule('["obligation-weakened"]')
    )

    def cost(copies: int) -> tuple[int, int, int]:
        folded.clear()
        walks.clear()
        verdicts = check(zero_to_revised, parse_rules(rules * copies))
        return len(folded), len(walks), len(verdicts.failures()) // copies

    one, many = cost(1), cost(200)
    assert one[2] >= 3, "the rules find something"
    assert many == one


# --- acceptance on the AI Act -----------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_ai_act_rules() -> None:
    old = load(next(CORPUS.glob("eu-ai-act-council-drafts/v01-*.md")))
    new = load(next(CORPUS.glob("eu-ai-act-council-drafts/v10-*.md")))
    comparison = compare(old, new)
    assert failed(comparison, rule('["substantive"]', 'article = "5"'))  # prohibited practices changed
    assert not failed(comparison, rule('["substantive", "removed"]', 'article = "Committee procedure"'))
    dropped = failed(comparison, rule('["removed"]', 'term = "small-scale provider"'))
    assert dropped and "nowhere in the new one" in dropped[0]
