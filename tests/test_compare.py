"""The differ: alignment outcomes against the fixtures' CASES.md, invariants on fixture and corpus pairs."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from treatydiff.compare import compare, rebuild
from treatydiff.diff import word_diff
from treatydiff.load import load, load_text
from treatydiff.model import DIVISION_KINDS, Comparison, DiffOptions, Draft, Kind, Op, Outcome

ROOT = Path(__file__).resolve().parents[1]
CONVENTION = ROOT / "fixtures" / "convention"
CORPUS = ROOT.parent / "shared" / "corpus"
STEPS = [("zero-draft", "revised-draft"), ("revised-draft", "final-text")]


def numbers(cell: str) -> tuple[str, ...]:
    cell = cell.replace("[deleted]", "").strip()
    if cell in ("-", ""):
        return ()
    return tuple(part.strip() for part in cell.split(","))


def expected_rows(old: str, new: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str, str]]:
    """The table of CASES.md for one step: (old numbers, new numbers, outcome, flags)."""
    text = (CONVENTION / "CASES.md").read_text(encoding="utf-8")
    head = {"zero-draft": "zero", "revised-draft": "revised", "final-text": "final"}
    start = text.index(f"| {head[old]} | {head[new]} | outcome |")
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append((numbers(cells[0]), numbers(cells[1]), cells[2], cells[3]))
    return rows


def labels(change_side: tuple) -> tuple[str, ...]:  # type: ignore[type-arg]
    return tuple(("Annex " if p.node.kind.value == "annex" else "") + p.node.label for p in change_side)


@pytest.mark.parametrize(("old", "new"), STEPS)
def test_alignment_and_outcomes_match_cases(old: str, new: str) -> None:
    comparison = compare(load(CONVENTION / f"{old}.md"), load(CONVENTION / f"{new}.md"))
    got = {
        (labels(c.match.old), labels(c.match.new)): c.outcome.value
        for c in comparison.changes
        if (c.match.old or c.match.new)[0].node.kind is not Kind.PREAMBLE  # CASES.md lists articles and annexes
    }
    expected = {(o, n): outcome for o, n, outcome, _ in expected_rows(old, new)}
    assert set(got) == set(expected), "the alignment differs from CASES.md"
    wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"outcomes differ (got, expected): {wrong}"


@pytest.mark.parametrize(("old", "new"), STEPS)
def test_flags_match_cases(old: str, new: str) -> None:
    comparison = compare(load(CONVENTION / f"{old}.md"), load(CONVENTION / f"{new}.md"))
    by_key = {(labels(c.match.old), labels(c.match.new)): c for c in comparison.changes}
    missing = []
    for o, n, _, flags in expected_rows(old, new):
        change = by_key[(o, n)]
        kinds = {f.kind.value for f in change.flags}
        for flag in re.findall(r"[a-z]+-[a-z]+", flags):
            if flag not in kinds:
                missing.append((o, n, flag, sorted(kinds)))
        if "editorial only" in flags:
            assert change.editorial_only, (o, n)
    assert not missing


def test_preamble_is_compared_recital_by_recital() -> None:
    comparison = compare(load(CONVENTION / "zero-draft.md"), load(CONVENTION / "revised-draft.md"))
    (preamble,) = [c for c in comparison.changes if c.match.old and c.match.old[0].node.kind is Kind.PREAMBLE]
    assert preamble.outcome is Outcome.MODIFIED and len(preamble.match.new) == 1
    added = [p for p in preamble.paragraphs if p.outcome is Outcome.ADDED]
    assert len(added) >= 1  # the revised draft has one recital more (CASES.md: 9 -> 10)


def check_coverage(draft: Draft) -> None:
    """Every node with words belongs to exactly one provision (as its heading or inside it): nothing a
    draft says is left out of a comparison."""
    owner: Counter[int] = Counter()
    for provision in draft.provisions():
        owner[id(provision.node)] += 1
        for part in provision.parts():
            for node in part.walk():
                owner[id(node)] += 1
    for node in draft.walk():
        if node.text or node.title:
            structural = node.kind in DIVISION_KINDS
            assert owner[id(node)] == 1 or (structural and owner[id(node)] == 0), (node.kind, node.label, node.line)


def check_invariants(comparison: Comparison) -> None:
    """Every provision of both drafts in exactly one change; every redline rebuilds both texts."""
    check_coverage(comparison.old)
    check_coverage(comparison.new)
    for draft, side in ((comparison.old, "old"), (comparison.new, "new")):
        seen = Counter(id(p.node) for c in comparison.changes for p in getattr(c.match, side))
        expected = Counter(id(p.node) for p in draft.provisions())
        assert seen == expected, f"{side} provisions are not each in exactly one match"
    for change in comparison.changes:
        for paragraph in change.paragraphs:
            assert all(e.text for e in paragraph.edits)
            assert rebuild(paragraph.edits, Op.DELETE) == paragraph.old_text
            assert rebuild(paragraph.edits, Op.INSERT) == paragraph.new_text


def only_unchanged(comparison: Comparison) -> bool:
    return all(c.outcome is Outcome.UNCHANGED and not c.flags for c in comparison.changes)


@pytest.mark.parametrize(("old", "new"), [*STEPS, ("zero-draft", "final-text")])
@pytest.mark.parametrize("ext", [".md", ".txt"])
def test_fixture_invariants(old: str, new: str, ext: str) -> None:
    comparison = compare(load(CONVENTION / f"{old}{ext}"), load(CONVENTION / f"{new}{ext}"))
    check_invariants(comparison)
    assert comparison.totals.words_inserted > 0 and comparison.totals.words_deleted > 0


@pytest.mark.parametrize("name", ["zero-draft", "revised-draft", "final-text"])
def test_self_comparison_is_empty_and_formats_agree(name: str) -> None:
    md, txt = load(CONVENTION / f"{name}.md"), load(CONVENTION / f"{name}.txt")
    assert only_unchanged(compare(md, md))
    across = compare(txt, md)
    check_invariants(across)
    assert all(c.outcome is Outcome.UNCHANGED or c.editorial_only for c in across.changes)


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.md")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", corpus_files()[::4], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_self_comparison_reports_no_change(path: Path) -> None:
    draft = load(path)
    comparison = compare(draft, draft)
    check_invariants(comparison)
    assert only_unchanged(comparison)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_ai_act_proposal_to_general_approach_alignment() -> None:
    old = load(next(CORPUS.glob("eu-ai-act-council-drafts/v01-*.md")))
    new = load(next(CORPUS.glob("eu-ai-act-council-drafts/v10-*.md")))
    comparison = compare(old, new)
    check_invariants(comparison)
    merges = {(labels(c.match.old), labels(c.match.new)) for c in comparison.changes if c.outcome is Outcome.MERGED}
    assert {(("18", "50"), ("18",)), (("24", "28"), ("23a",)), (("56", "57"), ("56",))} <= merges
    added = {labels(c.match.new)[0] for c in comparison.changes if c.outcome is Outcome.ADDED}
    assert {"4a", "4b", "4c", "33a", "54a", "54b", "55a", "58a", "63a", "68a", "68b"} <= added
    # 34a is made of two paragraphs of the old Article 33, word for word (33(1) and 33(12)): a paragraph or more
    # that went to a new article is a split, as the gold alignments count it (benchmarks/align/METHOD.md)
    splits = {(labels(c.match.old), labels(c.match.new)) for c in comparison.changes if c.outcome is Outcome.SPLIT}
    assert (("33",), ("33", "34a")) in splits
    for change in comparison.changes:
        if any(p.node.deleted for p in change.match.new):
            assert change.outcome is Outcome.REMOVED  # placeholders are never matches


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_anti_doping_v1_v7_only_real_edits() -> None:
    versions = sorted(CORPUS.glob("coe-anti-doping-convention/*.md"))
    comparison = compare(load(versions[0]), load(versions[-1]))
    check_invariants(comparison)
    substantive = [c for c in comparison.changes if c.outcome is not Outcome.UNCHANGED and not c.editorial_only]
    edits = [e.text.strip() for c in substantive for p in c.paragraphs for e in p.edits if e.op is not Op.EQUAL]
    assert "bve" in edits and "be" in edits
    assert not any("](" in e or "http" in e for e in edits)  # link churn is invisible


def test_drafts_without_articles_are_compared_paragraph_by_paragraph() -> None:
    old = _draft("A letter to the delegations about the meeting.\n\nThe meeting starts at ten.\n\nPlease confirm.\n")
    new = _draft("A letter to the delegations about the meeting.\n\nThe meeting starts at eleven.\n")
    comparison = compare(old, new)
    check_invariants(comparison)
    outcomes = sorted(c.outcome.value for c in comparison.changes)
    assert outcomes == ["modified", "removed", "unchanged"]


def test_word_diff_never_splits_words_and_ignores_nothing() -> None:
    edits = word_diff("Each State Party shall adopt measures within 30 days.", "Each State Party may adopt measures within 60 days.")
    assert [(e.op.value, e.text) for e in edits if e.op is not Op.EQUAL] == [
        ("delete", "shall"), ("insert", "may"), ("delete", "30"), ("insert", "60")
    ]
    assert [(e.op.value, e.text) for e in word_diff("test", "text")] == [("delete", "test"), ("insert", "text")]


def test_word_codes_shared_across_pairs_are_renewed_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """The token codes are kept from one paragraph pair to the next; when they run out the table starts again, and a
    pair with more tokens than there are codes gets the coarse redline (it never crashes)."""
    from treatydiff import diff

    before = word_diff("Parties shall act", "Parties may act")
    monkeypatch.setattr(diff, "_MAX_CODES", 8)
    assert word_diff("Parties shall act", "Parties may act") == before  # table renewed before the pair
    assert word_diff("Parties shall act", "Parties may act") == before
    assert len(diff._codes()) <= 8
    edits, exact = diff.word_diff_within("one two three four five", "one two three four six", None)
    assert not exact and [e.op for e in edits] == [Op.DELETE, Op.INSERT]


def test_word_diffs_in_threads_at_once_keep_their_own_codes() -> None:
    """Each thread has its own token codes: comparisons run at once never give two different words one code."""
    from concurrent.futures import ThreadPoolExecutor

    from treatydiff.compare import rebuild

    def run(seed: int) -> bool:
        ok = True
        for k in range(300):
            old = " ".join(f"w{seed}x{(k * 7 + i) % 50}" for i in range(30))
            new = " ".join(f"w{seed}y{(k * 11 + i) % 50}" for i in range(30))
            edits = word_diff(old, new)
            ok = ok and rebuild(edits, Op.DELETE) == old and rebuild(edits, Op.INSERT) == new
        return ok

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(run, range(8)))
        # a shared table could give two words one code when two threads add words at the same moment
        from treatydiff import diff

        assert pool.submit(diff._codes).result() is not diff._codes()


def _draft(body: str) -> Draft:
    return load_text(body, format="md")


@pytest.mark.parametrize(
    ("old", "new", "outcome"),
    [
        ("### Article 1\n\nThe Parties shall cooperate fully in all matters.\n", "### Article 1\n\nThe Parties shall cooperate fully in all matters.\n", Outcome.UNCHANGED),
        ("### Article 1\n\nThe Parties shall cooperate fully in all matters.\n", "### Article 1\n\nThe Parties may cooperate fully in all matters.\n", Outcome.MODIFIED),
        ("### Article 1\n\nThe Parties shall cooperate fully in all matters.\n", "### Article 2\n\nThe Parties shall cooperate fully in all matters.\n", Outcome.RENUMBERED),
    ],
)
def test_outcome_per_case(old: str, new: str, outcome: Outcome) -> None:
    comparison = compare(_draft(old), _draft(new))
    assert [c.outcome for c in comparison.changes] == [outcome]


def test_whitespace_differences_never_count() -> None:
    old = _draft("### Article 1\n\nThe high-risk AI system shall be registered , as required.\n")
    new = _draft("### Article 1\n\nThe high- risk AI system shall be registered, as required.\n")
    comparison = compare(old, new)
    check_invariants(comparison)
    assert [c.outcome for c in comparison.changes] == [Outcome.UNCHANGED]
    assert comparison.totals.words_inserted == comparison.totals.words_deleted == 0


@pytest.mark.parametrize(
    ("ignore", "old", "new"),
    [
        ("case", "The Parties shall act.", "THE PARTIES SHALL ACT."),
        ("quotes", "the 'AI system' of the Party\u2019s authority", "the \u201cAI system\u201d of the Party's authority"),
        ("punctuation", "The Parties shall, where needed, co-operate; and report to the Conference of the Parties "
         "on the measures taken to give effect to the provisions of this Convention.",
         "The Parties shall where needed cooperate and report to the Conference of the Parties "
         "on the measures taken to give effect to the provisions of this Convention"),
        ("numbering", "as referred to in Article 24(3) and Article 5", "as referred to in Article 26(3) and Article 7"),
    ],
)
def test_ignore_makes_only_that_difference_unchanged(ignore: str, old: str, new: str) -> None:
    """``compare --ignore X``: a paragraph whose only differences are of kind X is unchanged, and its words are not
    counted; a real change next to them still counts, and the redline still rebuilds both texts."""
    before, after = _draft(f"### Article 1\n\n{old}\n"), _draft(f"### Article 1\n\n{new}\n")
    plain = compare(before, after)
    assert [c.outcome for c in plain.changes] == [Outcome.MODIFIED]
    ignored = compare(before, after, DiffOptions(ignore=frozenset({ignore})))
    check_invariants(ignored)
    assert [c.outcome for c in ignored.changes] == [Outcome.UNCHANGED]
    assert ignored.totals.words_inserted == ignored.totals.words_deleted == 0
    real = compare(before, _draft(f"### Article 1\n\n{new} Nothing else.\n"), DiffOptions(ignore=frozenset({ignore})))
    assert [c.outcome for c in real.changes] == [Outcome.MODIFIED]
    assert real.totals.words_inserted >= 2
    others = frozenset(set(("case", "quotes", "punctuation", "numbering")) - {ignore})
    if ignore != "quotes":  # quote style is punctuation too
        assert [c.outcome for c in compare(before, after, DiffOptions(ignore=others)).changes] == [Outcome.MODIFIED]


def test_ignore_numbering_keeps_a_renumbered_paragraph_unchanged() -> None:
    old = _draft("### Article 1\n\n1. The Parties shall act.\n\n2. They shall report.\n")
    new = _draft("### Article 1\n\n1. The Parties shall act.\n\n3. They shall report.\n")
    assert [p.outcome for p in compare(old, new).changes[0].paragraphs][-1] is Outcome.RENUMBERED
    ignored = compare(old, new, DiffOptions(ignore=frozenset({"numbering"})))
    assert [c.outcome for c in ignored.changes] == [Outcome.UNCHANGED]


def test_final_formulas_pair_by_place_whatever_follows_them() -> None:
    """The closing text ("Done at ...", signatures) of two drafts is one unit, like the preamble: a financial
    statement that follows it in one draft only makes it modified, not removed and added."""
    body = "### Article 1\n\nThe Parties shall cooperate in good faith on every matter of this Convention.\n\n"
    old = _draft(body + "This Convention shall enter into force. Done at Brussels,\n\nFor the Council\n\n"
                 "The President\n\nLEGISLATIVE FINANCIAL STATEMENT\n\nAppropriations of 12 million euro a year.\n")
    new = _draft(body + "Done at Geneva, 5 May 2024.\n\nFor the Parties\n")
    comparison = compare(old, new)
    check_invariants(comparison)
    closing = [c for c in comparison.changes if any(p.node.kind is Kind.DIVISION for p in c.match.old + c.match.new)]
    assert [(c.outcome, len(c.match.old), len(c.match.new)) for c in closing] == [(Outcome.MODIFIED, 1, 1)]
    article = comparison.changes[0]
    assert article.outcome is Outcome.MODIFIED  # "This Convention shall enter into force." left the article


def test_a_paragraph_cut_differently_is_editorial() -> None:
    old = _draft("### Article 1\n\n1. The operators shall cooperate as referred to in Article 64(3). The bodies shall help.\n")
    new = _draft("### Article 1\n\n1. The operators shall cooperate as referred to in Article\n\n64(3). The bodies shall help.\n")
    (change,) = compare(old, new).changes
    assert change.editorial_only and not change.flags


def test_moved_added_removed() -> None:
    body = {
        1: "The Parties shall protect coastal wetlands of international importance.",
        2: "Each Party shall designate a competent authority for the purposes of this Convention.",
        3: "Disputes shall be settled by negotiation between the Parties concerned.",
        4: "The Secretariat shall convene meetings of experts at the request of two Parties.",
        5: "This Convention shall enter into force ninety days after the tenth ratification.",
    }
    old = f"## CHAPTER I\n\n### Article 1\n\n{body[1]}\n\n### Article 2\n\n{body[2]}\n\n## CHAPTER II\n\n### Article 3\n\n{body[3]}\n\n### Article 4\n\n{body[4]}\n"
    new = f"## CHAPTER I\n\n### Article 1\n\n{body[1]}\n\n### Article 2\n\n{body[4]}\n\n## CHAPTER II\n\n### Article 3\n\n{body[3]}\n\n### Article 4\n\n{body[5]}\n"
    comparison = compare(_draft(old), _draft(new))
    got = {(labels(c.match.old), labels(c.match.new)): c.outcome for c in comparison.changes}
    assert got[(("4",), ("2",))] is Outcome.MOVED
    assert got[(("2",), ())] is Outcome.REMOVED
    assert got[((), ("4",))] is Outcome.ADDED


# --- a heading kept while its text is written or taken out ---------------------------------------------------


_EMPTY_ANNEX = "## Article 1\n\nThe Parties agree.\n\n## Annex I — List of authorities\n"
_FULL_ANNEX = _EMPTY_ANNEX + "\n1. The Ministry of the Environment.\n\n2. The Coastal Agency.\n"


@pytest.mark.parametrize(("old", "new"), [(_EMPTY_ANNEX, _FULL_ANNEX), (_FULL_ANNEX, _EMPTY_ANNEX)])
def test_an_annex_filled_in_or_emptied_under_the_same_heading_is_modified(old: str, new: str) -> None:
    comparison = compare(load_text(old, format="md"), load_text(new, format="md"))
    outcomes = {(c.outcome, tuple(p.node.label for p in c.match.old), tuple(p.node.label for p in c.match.new))
                for c in comparison.changes}
    assert (Outcome.MODIFIED, ("I",), ("I",)) in outcomes


def test_an_empty_annex_under_another_title_is_not_paired_by_its_number() -> None:
    other = _FULL_ANNEX.replace("List of authorities", "Model form of request")
    comparison = compare(load_text(_EMPTY_ANNEX, format="md"), load_text(other, format="md"))
    assert sorted(c.outcome.value for c in comparison.changes) == ["added", "removed", "unchanged"]
