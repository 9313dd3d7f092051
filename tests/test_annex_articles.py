"""Articles inside annexes (an annexed statute, rules of arbitration) are the annex's own articles: counted apart,
aligned inside their annex, named "Annex VI, Art. 5" in reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from treatydiff.cli import cli
from treatydiff.compare import compare
from treatydiff.load import load
from treatydiff.model import Kind, Outcome

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

TEXT = """\
Article 1
Use of terms

For the purposes of this Convention, "Tribunal" means the Tribunal for the Law of Vessels.

Article 2
Composition of the Commission

The Commission shall be composed of 9 members.

ANNEX VI
STATUTE OF THE TRIBUNAL

The Tribunal shall be constituted and shall function in accordance with this Statute.

Article 1
General provisions

The seat of the Tribunal shall be in the Free and Hanseatic City of Hamburg.

Article 2
Composition

The Tribunal shall be composed of 21 independent members.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_annex_holds_its_own_articles_counted_apart(tmp_path: Path) -> None:
    draft = load(write(tmp_path, "a.txt", TEXT))
    assert [p.node.label for p in draft.articles()] == ["1", "2"]
    assert [(p.annex, p.node.label) for p in draft.annex_articles()] == [("Annex VI", "1"), ("Annex VI", "2")]
    counts = draft.counts()
    assert (counts["articles"], counts["annexes"], counts["annex_articles"]) == (2, 1, 2)
    (annex,) = [p for p in draft.provisions() if p.node.kind is Kind.ANNEX]
    assert [n.text for n in annex.parts()] == [
        "The Tribunal shall be constituted and shall function in accordance with this Statute."
    ]  # its own words only: its articles are provisions of their own


def test_an_edit_in_an_annexed_article_is_reported_on_that_article_not_on_the_instruments(tmp_path: Path) -> None:
    old = load(write(tmp_path, "old.txt", TEXT))
    new = load(write(tmp_path, "new.txt", TEXT.replace("21 independent members", "15 independent members")))
    changed = [c for c in compare(old, new).changes if c.outcome is not Outcome.UNCHANGED]
    assert len(changed) == 1
    (provision,) = changed[0].match.new
    assert (provision.annex, provision.node.label) == ("Annex VI", "2")
    assert provision.path == ("Annex VI — STATUTE OF THE TRIBUNAL",)


def test_reports_name_the_annex_of_an_annexed_article(tmp_path: Path) -> None:
    old = write(tmp_path, "old.txt", TEXT)
    new = write(tmp_path, "new.txt", TEXT.replace("21 independent", "15 independent").replace("9 members", "7 members"))
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--color", "never"])
    assert result.exit_code == 0, result.output
    assert "Annex VI, Art. 2" in result.output
    assert "Art. 2 — Composition of the Commission" in result.output
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--part", "annexes", "-f", "json"])
    document = json.loads(result.output)
    numbers = [c["new"][0]["number"] for c in document["changes"] if c["outcome"] == "modified"]
    assert numbers == ["2"]  # the annex's Article 2 only: Article 2 of the Convention is in the body


def test_the_outline_header_says_how_many_articles_stand_in_annexes(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["outline", str(write(tmp_path, "a.txt", TEXT)), "--color", "never"])
    assert "2 articles, 0 placeholders, 1 annex, 2 articles in annexes" in " ".join(result.output.split())
    plain = write(tmp_path, "b.txt", TEXT.split("ANNEX VI")[0])
    result = CliRunner().invoke(cli, ["outline", str(plain), "--color", "never"])
    assert "in annexes" not in result.output  # said only when there are some


def test_stockholm_annex_g_keeps_its_arbitration_articles() -> None:
    found = sorted(CORPUS.glob("stockholm-pops-convention/v1-*.md"))
    if not found:
        pytest.skip("../shared/corpus is not present")
    draft = load(found[0])
    english = [p for p in draft.annex_articles() if p.path and p.path[0].startswith("Text 1")]
    labels = [p.node.label for p in english]
    assert labels[:3] == ["1", "2", "3"]
    assert {p.annex for p in english} == {"Annex G"}
    # the instrument's own Article 1 is not the annex's Article 1
    assert [p.node.label for p in draft.articles() if p.path[0].startswith("Text 1")][:3] == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("2", ["Art. 2"]),
        ("Annex VI, Art. 2", ["Annex VI, Art. 2"]),
        ("annex vi article 2", ["Annex VI, Art. 2"]),
        ("Annex VI", ["Annex VI", "Annex VI, Art. 1", "Annex VI, Art. 2"]),
        ("Annex V, Art. 2", []),
    ],
)
def test_article_selects_an_annexed_article_only_by_its_annex(tmp_path: Path, selector: str,
                                                              expected: list[str]) -> None:
    from treatydiff.render.report import ref_name
    from treatydiff.select import article_matches

    draft = load(write(tmp_path, "a.txt", TEXT))
    assert [ref_name(p) for p in draft.provisions() if article_matches(p, selector)] == expected
