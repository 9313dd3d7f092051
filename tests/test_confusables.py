"""Look-alike letters (issue 14): the comparisons that decide see through them; reports show the text as
written; ``lint`` (TD107) and ``compare`` (``look-alike-text``) say where they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.confusables import hidden_in_words, skeleton, suspects
from treatydiff.errors import ExitCode
from treatydiff.load import load_text
from treatydiff.model import Kind

DRAFT = """\
Article 1
Scope

1. Each State Party {duty} adopt the measures set out in this Convention.

Article 2
Access

1. States Parties {ban} restrict access to the information held by public authorities.

Article 3
Review

1. The Conference of the Parties shall review this Convention every five years.
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def drafts(tmp_path: Path, old: tuple[str, str], new: tuple[str, str]) -> tuple[Path, Path]:
    paths = []
    for name, (duty, ban) in (("old.txt", old), ("new.txt", new)):
        path = tmp_path / name
        path.write_text(DRAFT.format(duty=duty, ban=ban), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


# --- the attacks of the issue: each passed `check` with exit 0 before -------------------------------------

ATTACKS = {
    "Cyrillic a in may": (("shall", "shall not"), ("m\u0430y", "shall not"), "obligation-weakened"),
    "fullwidth may": (("shall", "shall not"), ("\uff4d\uff41\uff59", "shall not"), "obligation-weakened"),
    "mathematical bold may": (("shall", "shall not"), ("\U0001d426\U0001d41a\U0001d432", "shall not"),
                              "obligation-weakened"),
    "old shall with a Cyrillic dze": (("\u0455hall", "shall not"), ("may", "shall not"), "obligation-weakened"),
    "word joiner inside may": (("shall", "shall not"), ("m\u2060ay", "shall not"), "obligation-weakened"),
    "function application inside may": (("shall", "shall not"), ("m\u2061ay", "shall not"), "obligation-weakened"),
    "right-to-left override inside may": (("shall", "shall not"), ("m\u202eay", "shall not"),
                                          "obligation-weakened"),
    "not removed, old not with a Cyrillic o": (("shall", "shall n\u043et"), ("shall", "shall"), "negation"),
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_check_sees_through_look_alike_letters(name: str, tmp_path: Path) -> None:
    old_words, new_words, kind = ATTACKS[name]
    old, new = drafts(tmp_path, old_words, new_words)
    result = invoke("check", old, new, "--fail-on", "obligation-weakened", "--fail-on", "negation")
    assert result.exit_code == ExitCode.FOUND, result.output
    assert f"✗ fail-on {kind}" in result.stdout


def test_a_look_alike_that_keeps_the_meaning_is_flagged_not_read_as_a_change(tmp_path: Path) -> None:
    """'shall not' -> 'shall nоt' (Cyrillic о): no negation changed, but the new word is flagged."""
    old, new = drafts(tmp_path, ("shall", "shall not"), ("shall", "shall n\u043et"))
    result = invoke("check", old, new, "--fail-on", "negation", "--fail-on", "look-alike-text")
    assert result.exit_code == ExitCode.FOUND, result.output
    assert "✓ fail-on negation" in result.stdout
    assert "✗ fail-on look-alike-text" in result.stdout
    assert "not → n\u043et" in result.stdout  # what it passes for, and the word as written
    report = invoke("compare", old, new, "-f", "json")
    flags = [f for change in json.loads(report.stdout)["changes"] for f in change["flags"]]
    assert [(f["kind"], f["old"], f["new"], f["note"]) for f in flags] == [
        ("look-alike-text", "not", "n\u043et", "Latin with Cyrillic \u043e (U+043E)")]


def test_the_report_shows_the_text_as_written(tmp_path: Path) -> None:
    old, new = drafts(tmp_path, ("shall", "shall not"), ("m\u0430y", "shall not"))
    result = invoke("compare", old, new, "--color", "never")
    assert result.exit_code == 0, result.output
    assert "{+m\u0430y+}" in result.stdout  # the redline: what the file says
    assert "shall → may" in result.stdout  # the flag: what it passes for


def test_term_rules_find_a_term_written_with_look_alike_letters(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Article 1\nScope\n\nExtradition requires dual criminality.\n", encoding="utf-8")
    new.write_text("Article 1\nScope\n\nExtradition requires du\u0430l criminality.\n", encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "dual"\nterm = "dual criminality"\nforbid = ["removed"]\n'
                     '[[rule]]\nname = "look"\nforbid = ["look-alike-text"]\n', encoding="utf-8")
    result = invoke("check", old, new, "--rules", rules)
    assert "✓ dual" in result.stdout, result.output
    assert "✗ look" in result.stdout and result.exit_code == ExitCode.FOUND


# --- headings and article numbers ----------------------------------------------------------------------------


def test_a_heading_with_a_cyrillic_letter_is_a_heading() -> None:
    """'Аrticle 5' with a Cyrillic 'А' was folded into Article 4 as a paragraph; lint stayed clean."""
    draft = load_text("Article 4\nScope\n\nText four.\n\n\u0410rticle 5\nUse\n\nText five.\n\n"
                      "Article \uff16\nEnd\n\nText six.\n", format="txt")
    articles = [n for n in draft.nodes if n.kind is Kind.ARTICLE]
    assert [(a.label, a.title) for a in articles] == [("4", "Scope"), ("5", "Use"), ("6", "End")]


def test_lint_reports_look_alike_words_and_invisible_characters(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("Article 1\nScope\n\n1. States m\u200bay act.\n\n\u0410rticle 2\nUse\n\n"
                    "1. States Parties m\u0430y act.\n\nArticle 3\nMore\n\n1. Plain text only.\n", encoding="utf-8")
    result = invoke("lint", path)
    assert result.exit_code == ExitCode.FOUND, result.output
    found = [line for line in result.stdout.splitlines() if line.startswith("✗ TD107")]
    assert len(found) == 3, result.stdout
    assert "U+200B ZERO WIDTH SPACE" in found[0] and "draft.txt:4" in found[0]
    assert "'\u0410rticle'" in found[1] and "U+0410" in found[1]
    assert "'m\u0430y'" in found[2] and "'may'" in found[2]
    assert invoke("lint", path, "--ignore", "TD107").exit_code == ExitCode.OK


def test_compare_flags_invisible_characters_where_they_came_in(tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("Article 1\nScope\n\n1. States may act.\n\nArticle 2\nUse\n\nText.\n", encoding="utf-8")
    new.write_text("Article 1\nScope\n\n1. States m\u200bay act.\n\nArticle 2\nUse\n\nText.\n", encoding="utf-8")
    result = invoke("compare", old, new, "--exit-code", "-f", "json")
    assert result.exit_code == ExitCode.FOUND, result.output  # the text changed, though its words look the same
    changes = json.loads(result.stdout)["changes"]
    assert [c["outcome"] for c in changes] == ["modified", "unchanged"]
    assert [(f["kind"], f["new"], f["note"]) for f in changes[0]["flags"]] == [
        ("look-alike-text", "States may act.", "an invisible U+200B ZERO WIDTH SPACE inside a word")]
    back = json.loads(invoke("compare", new, old, "-f", "json").stdout)["changes"]
    assert not any(c["flags"] for c in back)  # taking them out is no look-alike


# --- the folding itself ----------------------------------------------------------------------------------------

TEXTS = [
    "Each State Party m\u0430y adopt", "\uff4d\uff41\uff59", "\u0455hall", "\u0410rticle 5", "Ст\u0061тья 5 текст",
    "第１条 规定", "Straße café naïve", "PPARδ and 5α-reductase", "Статья 32¹", "\U0001d42c\U0001d421\U0001d41a",
    "ꮪꮯope", "مادة ١", "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_skeleton_keeps_every_position(text: str) -> None:
    folded = skeleton(text)
    assert len(folded) == len(text)
    assert skeleton(folded) == folded  # folding twice changes nothing more


@pytest.mark.parametrize(("text", "expected"), [
    ("Each State Party m\u0430y adopt", "Each State Party may adopt"),
    ("\uff4d\uff41\uff59 adopt", "may adopt"),
    ("the \u0455\u0441\u043e\u0440e of it", "the scope of it"),
    ("Ст\u0061тья 5 текст", "Статья 5 текст"),  # a Latin letter in a Cyrillic word becomes Cyrillic
    ("第１条", "第1条"),
    # Roman numbers typed with a Cyrillic "І" (the Belarus constitution of the corpus: "Раздел ІV") are Latin
    ("Раздел \u0406V", "Раздел IV"), ("Глава V\u0406\u0406\u0406", "Глава VIII"), ("Article \u0406\u0406", "Article II"),
])
def test_the_skeleton_is_what_the_word_passes_for(text: str, expected: str) -> None:
    assert skeleton(text) == expected


@pytest.mark.parametrize("text", [
    "Статья 5. Граждане имеют право на труд.",  # Russian, as written
    "Η Σύμβαση εφαρμόζεται.",  # Greek
    "PPARδ agonists and 5α-reductase inhibitors; the α and β forms",  # science mixes scripts honestly
    "Статья 32¹",  # a superscript number stays what it is
    "第１条 规定",  # fullwidth digits in Chinese are ordinary
    "Straße, café, naïve, Ørsted",
])
def test_ordinary_text_is_not_suspect(text: str) -> None:
    assert suspects(text) == []
    assert skeleton(text) == text or text.startswith("第")


def test_invisible_characters_count_inside_words_only() -> None:
    assert hidden_in_words("m\u200bay") == ("U+200B ZERO WIDTH SPACE",)
    assert hidden_in_words("\u200b alone \u200b") == ()  # a zero-width space on a line of its own
    assert hidden_in_words("co\u00adoperation") == ()  # a soft hyphen marks where a word may break
    assert hidden_in_words("\u0645\u200c\u06cc") == ()  # Persian writes a zero-width non-joiner inside words
