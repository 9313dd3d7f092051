"""The four verdict renderers of ``check`` and ``lint`` (text, json, github, junit) on hand-made ``Verdicts``.

They test presentation only: whatever the rules find, each format must carry every failure with its rule,
article, file and line, and say which rules passed. JUnit output is parsed back with ``xml.etree``; GitHub
workflow commands are matched with a regex and their escapes decoded as the Actions runner does.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from rich.console import Console

from treatydiff.model import Status, Verdict, Verdicts
from treatydiff.render import VERDICTS, render_verdicts

ANSI = re.compile(r"\x1b\[[0-9;]*m")

FAILED = Verdicts(
    command="check",
    rules=("Safeguards stay", "Dual criminality stays", "No removals"),
    verdicts=(
        Verdict("Safeguards stay", Status.FAILED, "6", "drafts/rev1.md", 79,
                "Article 5 → Article 6: obligation-weakened: shall → may (para 4.)"),
        Verdict("Safeguards stay", Status.FAILED, "6", "drafts/rev1.md", 81,
                "Article 5 → Article 6: qualifier-added: ∅ → where appropriate"),
        Verdict("Dual criminality stays", Status.PASSED),
        Verdict("No removals", Status.FAILED, "Annex I", "drafts/zero.md", None, "Annex I: removed"),
    ),
)

PASSED = Verdicts(
    command="lint",
    rules=("TD001 duplicate-number", "TD002 missing-number"),
    verdicts=(Verdict("TD001 duplicate-number", Status.PASSED), Verdict("TD002 missing-number", Status.PASSED)),
)

#: Treaty text may hold anything: markup-like brackets, XML specials, the separators of workflow commands.
AWKWARD = Verdicts(
    command="lint",
    rules=("TD003 dangling-reference: a, b", "TD004 brackets"),
    verdicts=(
        Verdict("TD003 dangling-reference: a, b", Status.FAILED, "5 bis", "dir,with:odd/draft 1.md", 12,
                'see "article 99" & <annex> [bold]x[/bold]\nsecond line\r 100% sure'),
        Verdict("TD004 brackets", Status.FAILED, "", "rev\x0c.md", 3, "form\x0cfeed \x00 gone"),
    ),
)


def test_registry_offers_the_four_formats() -> None:
    assert VERDICTS.names() == ("text", "json", "github", "junit")


# --- text ---------------------------------------------------------------------------------------------------


def test_text_lists_failures_then_passes_then_summary() -> None:
    lines = render_verdicts(FAILED, "text").splitlines()
    assert lines == [
        "✗ Safeguards stay — Art. 6 — drafts/rev1.md:79 — Article 5 → Article 6: obligation-weakened: shall → may (para 4.)",
        "✗ Safeguards stay — Art. 6 — drafts/rev1.md:81 — Article 5 → Article 6: qualifier-added: ∅ → where appropriate",
        "✗ No removals — Annex I — drafts/zero.md — Annex I: removed",
        "✓ Dual criminality stays",
        "2 of 3 rules failed (3 findings)",
    ]


def test_text_clean_and_lint_wording() -> None:
    assert render_verdicts(PASSED, "text").splitlines() == [
        "✓ TD001 duplicate-number", "✓ TD002 missing-number", "clean: 2 checks passed",
    ]


def test_text_never_wraps_and_keeps_brackets() -> None:
    out = render_verdicts(AWKWARD, "text", Console(file=StringIO(), width=40, color_system=None))
    lines = out.splitlines()
    assert len(lines) == 3  # two findings (multi-line message joined) and the summary, despite 40 columns
    assert "[bold]x[/bold]" in lines[0] and "second line" in lines[0]
    assert lines[1].startswith("✗ TD004 brackets — rev") and "Art." not in lines[1]  # no article: none shown
    assert lines[2] == "2 of 2 checks failed"


def test_text_colours_only_with_a_colour_console() -> None:
    plain = render_verdicts(FAILED, "text", Console(file=StringIO(), width=100, color_system=None))
    assert not ANSI.search(plain)
    coloured = render_verdicts(FAILED, "text", Console(file=StringIO(), width=100, force_terminal=True,
                                                       color_system="truecolor"))
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == plain


# --- json ---------------------------------------------------------------------------------------------------


def test_json_follows_the_contract() -> None:
    document = json.loads(render_verdicts(FAILED, "json"))
    assert document["schema_version"] == 1
    assert document["passed"] is False
    assert document["command"] == "check"
    assert document["rules"] == list(FAILED.rules)
    assert len(document["verdicts"]) == 4
    for item in document["verdicts"]:
        assert set(item) == {"rule", "status", "article", "file", "line", "message"}
        assert item["status"] in ("passed", "failed")
    assert document["verdicts"][0] == {
        "rule": "Safeguards stay", "status": "failed", "article": "6", "file": "drafts/rev1.md", "line": 79,
        "message": "Article 5 → Article 6: obligation-weakened: shall → may (para 4.)",
    }
    assert document["verdicts"][3]["line"] is None


def test_json_passed() -> None:
    assert json.loads(render_verdicts(PASSED, "json"))["passed"] is True


# --- github -------------------------------------------------------------------------------------------------

COMMAND = re.compile(r"::(?P<name>error|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)")


def unescape(text: str) -> str:
    """What the Actions runner makes of an escaped value."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict[str, str], str]:
    found = COMMAND.fullmatch(line)
    assert found, line
    props = dict(p.split("=", 1) for p in found["props"].split(",")) if found["props"] else {}
    return found["name"], {k: unescape(v) for k, v in props.items()}, unescape(found["message"])


def test_github_one_error_per_failure_and_a_notice() -> None:
    lines = render_verdicts(FAILED, "github").splitlines()
    assert lines[0] == (
        "::error file=drafts/rev1.md,line=79,title=Safeguards stay::"
        "Article 5 → Article 6: obligation-weakened: shall → may (para 4.)"
    )
    parsed = [parse(line) for line in lines]
    assert [name for name, _, _ in parsed] == ["error", "error", "error", "notice"]
    assert parsed[2][1] == {"file": "drafts/zero.md", "title": "No removals"}  # no line when unknown
    assert parsed[3][2] == "2 of 3 rules failed (3 findings)"
    assert not any("Dual criminality" in line for line in lines)  # passing rules print nothing


def test_github_escapes_properties_and_message() -> None:
    lines = render_verdicts(AWKWARD, "github").splitlines()
    assert len(lines) == 3  # newlines in values never start a new command
    assert lines[0].startswith("::error file=dir%2Cwith%3Aodd/draft 1.md,line=12,title=TD003 dangling-reference%3A a%2C b::")
    assert "%0A" in lines[0] and "%0D" in lines[0] and "100%25 sure" in lines[0]
    name, props, message = parse(lines[0])
    assert name == "error"
    assert props == {"file": "dir,with:odd/draft 1.md", "line": "12", "title": "TD003 dangling-reference: a, b"}
    assert message == AWKWARD.verdicts[0].message
    assert lines[1] == "::error file=rev .md,line=3,title=TD004 brackets::form feed   gone"  # controls: spaces


def test_github_clean_prints_only_the_notice() -> None:
    assert render_verdicts(PASSED, "github") == "::notice title=treatydiff lint::clean: 2 checks passed\n"


# --- junit --------------------------------------------------------------------------------------------------


def test_junit_counts_and_failures() -> None:
    root = ET.fromstring(render_verdicts(FAILED, "junit"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "treatydiff check"
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == list(FAILED.rules)
    safeguards, dual, removals = cases
    assert dual.find("failure") is None
    failures = safeguards.findall("failure")
    assert len(failures) == 1  # both findings of the rule in one failure
    assert failures[0].get("message", "").startswith("2 findings; first: Art. 6 — drafts/rev1.md:79")
    assert (failures[0].text or "").splitlines() == [
        "Art. 6 — drafts/rev1.md:79 — Article 5 → Article 6: obligation-weakened: shall → may (para 4.)",
        "Art. 6 — drafts/rev1.md:81 — Article 5 → Article 6: qualifier-added: ∅ → where appropriate",
    ]
    removal = removals.find("failure")
    assert removal is not None
    assert removal.get("message") == "Annex I — drafts/zero.md — Annex I: removed"


def test_junit_clean() -> None:
    suite = ET.fromstring(render_verdicts(PASSED, "junit")).find("testsuite")
    assert suite is not None
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("treatydiff lint", "2", "0")
    assert suite.find("testcase/failure") is None


def test_junit_escapes_and_drops_what_xml_cannot_hold() -> None:
    text = render_verdicts(AWKWARD, "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<annex>" not in text and "\x0c" not in text and "\x00" not in text
    root = ET.fromstring(text)  # well-formed despite & < > " and control characters
    failures = root.findall(".//failure")
    assert len(failures) == 2
    assert 'see "article 99" & <annex>' in failures[0].get("message", "")
    assert "form feed  gone" in (failures[1].text or "")


@pytest.mark.parametrize("name", ["text", "json", "github", "junit"])
def test_every_format_ends_with_a_newline_and_is_stable(name: str) -> None:
    first = render_verdicts(FAILED, name)
    assert first.endswith("\n")
    assert render_verdicts(FAILED, name) == first
