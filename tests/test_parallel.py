"""Parallel language versions (``treatydiff parallel``, ``parallel-compare``): each kind of finding caught on small
broken variants of the fixtures, the six UN languages of the fixtures corresponding, exit codes, the JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from schema_check import load_schema, violations

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.load import load
from treatydiff.model import Discrepancy, Parallel
from treatydiff.parallel import brackets, numbers, parallel, quotes

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
STAGES = ("zero-draft", "revised-draft", "final-text")
LANGUAGES = ("en", "ar", "zh", "fr", "ru", "es")


def version(language: str, stage: str) -> Path:
    return ROOT / "convention" / f"{stage}.md" if language == "en" else ROOT / "un" / language / f"{stage}.md"


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def variant(tmp_path: Path, language: str, stage: str, edit: Callable[[list[str]], list[str]]) -> Path:
    """A copy of one fixture in ``tmp_path`` with its lines edited."""
    lines = version(language, stage).read_text(encoding="utf-8").splitlines()
    path = tmp_path / f"{language}-{stage}.md"
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return path


def line_of(lines: list[str], start: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(lines) if i >= after and line.startswith(start))


def run(*paths: Path) -> Parallel:
    return parallel([load(str(p)) for p in paths])


# --- what is counted ---------------------------------------------------------------------------------------------


def test_numbers_are_normalised() -> None:
    assert numbers("500,000 and 500 000 and 500.000 and \u0665\u0660\u0660\u066c\u0660\u0660\u0660", "en") == ("500000",) * 4
    assert numbers("within 30 days and 2,5 per cent", "en") == ("2.5", "30")
    assert numbers("自2026年3月1日起", "zh") == ("1", "2026")  # the month is a word elsewhere
    assert numbers("in accordance with article 6 within 30 days[^2]", "en") == ("30",)
    assert numbers("conforme al artículo 12, párrafo 3, en 60 días", "es") == ("60",)


def test_brackets_and_quotes_are_counted() -> None:
    assert brackets("any [public authority][national authority] and [^1] Article 36 [deleted] [...]") == 2
    assert quotes('"a" means, “b”, «c», „d“, 「e」 and \u2018f\u2019') == 6


# --- the fixtures: six languages that correspond -------------------------------------------------------------------

@pytest.mark.parametrize("stage", STAGES)
def test_the_six_languages_of_the_fixtures_correspond(stage: str) -> None:
    result = run(*(version(language, stage) for language in LANGUAGES))
    assert [d.language for d in result.drafts] == list(LANGUAGES)
    assert len(set(result.provisions)) == 1 and result.rows == result.provisions[0] == 40
    assert result.findings == ()


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_each_language_aligns_one_to_one_with_the_english(language: str) -> None:
    result = run(version("en", "final-text"), version(language, "final-text"))
    assert result.rows == 40 and result.findings == ()


def test_arabic_cross_references_with_the_preposition_written_on_are_not_numbers() -> None:
    # "للفقرة 2" is ل + الفقرة: "in accordance with paragraph 2", a reference in every language
    assert numbers("يبدأ نفاذ التعديل المعتمد وفقا للفقرة 2 في اليوم 90", "ar") == ("90",)
    assert numbers("المشار إليه في الفقرة 1 وبالمادة 5 والمرفق 2 خلال 30 يوما", "ar") == ("30",)


# --- each kind of finding ----------------------------------------------------------------------------------------


def test_a_dropped_paragraph_is_missing_where_it_stands(tmp_path: Path) -> None:
    def drop(lines: list[str]) -> list[str]:
        at = line_of(lines, "2.  ", line_of(lines, "### Artículo 5"))
        return lines[:at] + lines[at + 1:]

    result = run(version("en", "zero-draft"), version("fr", "zero-draft"), variant(tmp_path, "es", "zero-draft", drop))
    assert [(f.kind, f.where) for f in result.findings] == [(Discrepancy.MISSING, "Art. 5(2)")]
    en, fr, es = result.findings[0].sides
    assert en.present and fr.present and not es.present and en.line > 0


def test_a_changed_number_is_caught(tmp_path: Path) -> None:
    def sixty(lines: list[str]) -> list[str]:
        return [line.replace("30 días", "60 días") for line in lines]

    result = run(version("en", "zero-draft"), variant(tmp_path, "es", "zero-draft", sixty))
    [finding] = [f for f in result.findings if f.kind is Discrepancy.NUMBERS]
    assert [s.numbers for s in finding.sides] == [("30",), ("60",)]
    assert finding.where.startswith("Art. ")


def test_a_bracket_left_in_one_version_is_caught(tmp_path: Path) -> None:
    def bracket(lines: list[str]) -> list[str]:
        at = line_of(lines, "1.  ", line_of(lines, "### Artículo 3"))
        return [*lines[:at], lines[at].replace("se aplicará", "[se aplicará]"), *lines[at + 1:]]

    result = run(version("en", "zero-draft"), variant(tmp_path, "es", "zero-draft", bracket))
    assert [(f.kind, f.where, [s.count for s in f.sides]) for f in result.findings] == [
        (Discrepancy.BRACKETS, "Art. 3(1)", [0, 1])
    ]


def test_a_lost_quoted_term_is_caught(tmp_path: Path) -> None:
    def unquote(lines: list[str]) -> list[str]:
        at = line_of(lines, "(a) ", line_of(lines, "### Artículo 2"))
        return [*lines[:at], lines[at].replace("“", "").replace("”", "").replace('"', ""), *lines[at + 1:]]

    result = run(version("en", "zero-draft"), variant(tmp_path, "es", "zero-draft", unquote))
    assert [(f.kind, f.where, [s.count for s in f.sides]) for f in result.findings] == [
        (Discrepancy.QUOTES, "Art. 2, paragraph 1(a)", [1, 0])
    ]


def test_a_missing_article_is_one_finding_and_the_rest_still_aligns(tmp_path: Path) -> None:
    def drop(lines: list[str]) -> list[str]:
        start = line_of(lines, "### Artículo 3")
        return lines[:start] + lines[line_of(lines, "### Artículo 4"):]

    result = run(version("en", "zero-draft"), version("zh", "zero-draft"), variant(tmp_path, "es", "zero-draft", drop))
    assert result.provisions == (40, 40, 39)
    assert [(f.kind, f.where) for f in result.findings] == [(Discrepancy.MISSING, "Art. 3")]
    assert [s.present for s in result.findings[0].sides] == [True, True, False]
    assert result.differing == 1


# --- the command ---------------------------------------------------------------------------------------------------


def test_exit_codes(tmp_path: Path) -> None:
    en, fr = version("en", "zero-draft"), version("fr", "zero-draft")
    assert invoke("parallel", en, fr, "--exit-code").exit_code == ExitCode.OK
    broken = variant(tmp_path, "fr", "zero-draft", lambda lines: [x.replace("30 jours", "60 jours") for x in lines])
    assert invoke("parallel", en, broken).exit_code == ExitCode.OK
    found = invoke("parallel", en, broken, "--exit-code")
    assert found.exit_code == ExitCode.FOUND and "1 do not correspond" in found.stdout
    missing = invoke("parallel", en, tmp_path / "nope.md")
    assert missing.exit_code == ExitCode.ERROR and missing.stderr.startswith("error: ")
    assert "nope.md" in missing.stderr and "Traceback" not in missing.stderr
    alone = invoke("parallel", en)
    assert alone.exit_code == ExitCode.ERROR and "at least two versions" in alone.stderr


def test_terminal_report_leads_with_the_summary() -> None:
    result = invoke("parallel", *(version(lang, "zero-draft") for lang in ("en", "zh", "fr")))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "40 provisions in each version; 0 do not correspond" in result.stdout


def test_markdown_report(tmp_path: Path) -> None:
    broken = variant(tmp_path, "es", "zero-draft", lambda lines: [x.replace("30 días", "60 días") for x in lines])
    result = invoke("parallel", version("en", "zero-draft"), broken, "-f", "markdown")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "## Numbers that differ" in result.stdout and "| 30 | 60 |" in result.stdout


def test_json_is_valid_and_stable(tmp_path: Path) -> None:
    broken = variant(tmp_path, "es", "zero-draft", lambda lines: [x.replace("30 días", "60 días") for x in lines])
    args = ("parallel", version("en", "zero-draft"), version("ar", "zero-draft"), broken, "-f", "json")
    first, second = invoke(*args), invoke(*args)
    assert first.exit_code == ExitCode.OK, first.stderr
    assert first.stdout == second.stdout
    document = json.loads(first.stdout)
    root = load_schema("parallel")
    assert violations(document, root, root) == []
    assert list(document) == ["schema_version", "summary", "versions", "findings"]
    assert [v["language"] for v in document["versions"]] == ["en", "ar", "es"]
    numbers_found = [f for f in document["findings"] if f["kind"] == "numbers" and f["versions"][2]["value"] == ["60"]]
    assert len(numbers_found) == 1 and numbers_found[0]["versions"][0]["value"] == ["30"]


# --- one revision step in two languages ------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_parallel_compare_on_the_fixtures_finds_no_differing_article(language: str) -> None:
    result = invoke("parallel-compare", version("en", "zero-draft"), version("en", "revised-draft"),
                    version(language, "zero-draft"), version(language, "revised-draft"), "--exit-code", "-f", "json")
    assert result.exit_code == ExitCode.OK, result.stdout
    document = json.loads(result.stdout)
    root = load_schema("parallel-compare")
    assert violations(document, root, root) == [] and document["differences"] == []


def test_parallel_compare_finds_the_article_changed_in_one_language_only(tmp_path: Path) -> None:
    def edit(lines: list[str]) -> list[str]:  # Article 1 is unchanged from zero draft to revised draft in English
        at = line_of(lines, "1. ", line_of(lines, "*Artículo 1"))
        return [*lines[:at], lines[at].replace("promover y fortalecer", "promover"), *lines[at + 1:]]

    revised = variant(tmp_path, "es", "revised-draft", edit)
    args = ("parallel-compare", version("en", "zero-draft"), version("en", "revised-draft"),
            version("es", "zero-draft"), revised)
    result = invoke(*args, "--exit-code", "-f", "json")
    assert result.exit_code == ExitCode.FOUND, result.stderr
    [difference] = json.loads(result.stdout)["differences"]
    assert difference["old"] == difference["new"] == [1]
    assert [v["outcome"] for v in difference["versions"]] == ["unchanged", "modified"]
    terminal = invoke(*args)
    assert terminal.exit_code == ExitCode.OK and "1 article whose outcome differs" in terminal.stdout
    markdown = invoke(*args, "-f", "markdown")
    assert "| Art. 1 → Art. 1 | unchanged | Art. 1 → Art. 1 | modified |" in markdown.stdout
