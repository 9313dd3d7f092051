"""The sample convention in the six UN languages (``fixtures/un/<code>/``, translated from the English drafts with
the same edits; each folder's NOTES.md says how): every draft reads to the articles, placeholders, annexes,
recitals and paragraphs of the English one, and each comparison of two drafts gives each article the outcome the
English comparison gives it (issue 17). What the reader does not read alike yet is a strict expected failure, with its
reason: the day it does, the test says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFTS = ("zero-draft", "revised-draft", "final-text")
LANGUAGES = ("ar", "zh", "fr", "ru", "es")
#: (language, draft) -> why it does not read like the English yet
KNOWN: dict[tuple[str, str], str] = {}


def counts(path: Path) -> dict[str, int]:
    """What the outline header counts: articles, placeholders, annexes, recitals, paragraphs."""
    return load(path).counts()


@pytest.mark.parametrize(("code", "name"), [
    pytest.param(code, name, marks=pytest.mark.xfail(strict=True, reason=KNOWN[code, name]))
    if (code, name) in KNOWN else (code, name)
    for code in LANGUAGES for name in DRAFTS
])
def test_each_translation_reads_to_the_tree_of_the_english(code: str, name: str) -> None:
    assert counts(FIXTURES / "un" / code / f"{name}.md") == counts(FIXTURES / "convention" / f"{name}.md")


def test_each_draft_says_its_language_in_the_outline_and_the_json() -> None:
    import json

    from test_cli import invoke

    for code, name in (("ar", "Arabic"), ("zh", "Chinese"), ("fr", "French"), ("ru", "Russian"), ("es", "Spanish")):
        path = FIXTURES / "un" / code / "zero-draft.md"
        assert load(path).language == code
        tree = invoke("outline", path)
        assert tree.exit_code == 0 and f" · md · {name}" in tree.output.splitlines()[0]
        assert json.loads(invoke("outline", path, "-f", "json").output)["language"] == code
    # told, not guessed: --language wins over the text (and an unknown code is refused, exit 2)
    told = invoke("outline", FIXTURES / "un" / "fr" / "zero-draft.md", "--language", "es", "-f", "json")
    assert json.loads(told.output)["language"] == "es"
    assert invoke("outline", FIXTURES / "un" / "fr" / "zero-draft.md", "--language", "xx").exit_code == 2


def test_a_one_line_heading_set_as_a_heading_carries_its_title_in_a_language_without_titles() -> None:
    from lang_cases import headings

    text = "*第一条 宗旨*\n\n本公约的宗旨是促进合作。\n\n*المادة 2 استخدام المصطلحات*\n\nلأغراض هذه الاتفاقية.\n"
    assert [r[:3] for r in headings(text, fmt="md")] == [("article", "1", "宗旨"), ("article", "2", "استخدام المصطلحات")]
    # a law's article runs on into its text (a stop or a comma in it), set as a heading or not
    law = "**第一条 为了保护当事人的权利，制定本法。**\n\n**第二条 本法适用于民事诉讼。**\n"
    assert [r[2:] for r in headings(law, fmt="md")] == [("", "为了保护当事人的权利，制定本法。"), ("", "本法适用于民事诉讼。")]


def outcomes(folder: Path, old: str, new: str) -> dict[tuple[tuple[int, ...], tuple[int, ...]], str]:
    """Each change's outcome, keyed by the places of its provisions in the two drafts (labels differ between
    languages: "Annex I", "附件一", "المرفق الأول")."""
    from treatydiff import compare

    a, b = load(folder / f"{old}.md"), load(folder / f"{new}.md")
    where_a = {id(p.node): k for k, p in enumerate(a.provisions())}
    where_b = {id(p.node): k for k, p in enumerate(b.provisions())}
    return {(tuple(where_a[id(p.node)] for p in c.match.old), tuple(where_b[id(p.node)] for p in c.match.new)):
            c.outcome.value for c in compare(a, b).changes}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(("old", "new"), [("zero-draft", "revised-draft"), ("revised-draft", "final-text")])
def test_each_comparison_gives_each_article_the_english_outcome(code: str, old: str, new: str) -> None:
    english = outcomes(FIXTURES / "convention", old, new)
    assert outcomes(FIXTURES / "un" / code, old, new) == english


_OUTCOMES = ("unchanged", "renumbered", "moved", "modified", "added", "removed", "split", "merged")


def expected_flags(title: str) -> list[tuple[tuple[str, ...], tuple[str, ...], set[str]]]:
    """The rows of a table of ``fixtures/convention/CASES.md`` with flags: old and new article numbers ("Annex I" as
    its label "I"), and the flags the English drafts' edits must raise (labelled from the texts; "editorial only"
    is no flag)."""
    part = (FIXTURES / "convention" / "CASES.md").read_text(encoding="utf-8").split(f"## {title}")[1].split("\n## ")[0]
    rows = []
    for line in part.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[2] in _OUTCOMES and cells[3] != "-":

            def side(cell: str) -> tuple[str, ...]:
                return () if cell == "-" else tuple(
                    x.replace(" [deleted]", "").replace("Annex ", "") for x in cell.split(", "))

            rows.append((side(cells[0]), side(cells[1]), {f.strip() for f in cells[3].split(",")} - {"editorial only"}))
    return [r for r in rows if r[2]]


def flags_by_place(folder: Path, old: str, new: str) -> dict[tuple[tuple[int, ...], tuple[int, ...]], set[str]]:
    """Each change's flag kinds, keyed by the places of its articles and annexes in the two drafts."""
    from treatydiff import compare

    a, b = load(folder / f"{old}.md"), load(folder / f"{new}.md")
    place_a = {id(p.node): k for k, p in enumerate(p for p in a.provisions() if p.node.kind.value in ("article", "annex"))}
    place_b = {id(p.node): k for k, p in enumerate(p for p in b.provisions() if p.node.kind.value in ("article", "annex"))}
    return {(tuple(place_a[id(p.node)] for p in c.match.old if id(p.node) in place_a),
             tuple(place_b[id(p.node)] for p in c.match.new if id(p.node) in place_b)): {f.kind.value for f in c.flags}
            for c in compare(a, b).changes}


@pytest.mark.parametrize("code", ("en", *LANGUAGES))
@pytest.mark.parametrize(("title", "old", "new"), [("Zero draft -> revised draft", "zero-draft", "revised-draft"),
                                                   ("Revised draft -> final text", "revised-draft", "final-text")])
def test_the_flags_fire_in_each_language_on_the_edits_labelled_in_english(code: str, title: str, old: str,
                                                                          new: str) -> None:
    english = [load(FIXTURES / "convention" / f"{name}.md") for name in (old, new)]
    labels = [[p.node.label for p in d.provisions() if p.node.kind.value in ("article", "annex")] for d in english]
    folder = FIXTURES / "convention" if code == "en" else FIXTURES / "un" / code
    found = flags_by_place(folder, old, new)
    missed = []
    for olds, news, flags in expected_flags(title):
        key = (tuple(labels[0].index(o) for o in olds), tuple(labels[1].index(n) for n in news))
        missed += [(olds, news, f) for f in sorted(flags - found.get(key, set()))]
    assert expected_flags(title) and not missed
