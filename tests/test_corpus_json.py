"""The JSON change report of a sample of shared-corpus pairs is the same, byte for byte, as when it was recorded
(``corpus_json_digests.json``: the SHA-256 of each report, not the report: the corpus's texts stay out of the
repository). It guards speed work (issue 19: tokenising once, classifying edited spans only, another JSON encoder),
which must change no result. After a change of results that is meant, record them again with
``TREATYDIFF_REGEN=1 python -m pytest tests/test_corpus_json.py`` and say why in the commit. Skipped where the corpus
is absent.

The reports name their drafts by the path they were given: here, relative to the corpus folder, so the digests do
not depend on where the repository is checked out.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from treatydiff.compare import compare
from treatydiff.load import load
from treatydiff.render import render_comparison

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
DIGESTS = HERE / "corpus_json_digests.json"
REGEN = os.environ.get("TREATYDIFF_REGEN") == "1"
pytestmark = [pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present"),
              pytest.mark.xdist_group("corpus-json")]

#: pairs of every reader and several languages (old, new), relative to the corpus folder
PAIRS = [
    ("eu-ai-act-council-drafts/v01-2021-04-21-AIA-COM-Proposal-21-April-21.md",
     "eu-ai-act-council-drafts/v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md"),
    ("eu-ai-act-council-drafts/v08-2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.md",
     "eu-ai-act-council-drafts/v09-2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.md"),
    ("eu-dsa/v1-2020-12-15-COM-2020-825-proposal.xhtml", "eu-dsa/v3-2022-10-19-Regulation-2022-2065-formex.xml"),
    ("eu-data-act/v1-2022-02-23-COM-2022-68-proposal.xhtml", "eu-data-act/v3-2023-12-13-Regulation-2023-2854-akn.xml"),
    ("budapest-convention-ets185/v1-2007-03-01.md", "budapest-convention-ets185/v2-2012-10-24.md"),
    ("stockholm-pops-convention/v1-2010-08-26.md", "stockholm-pops-convention/v5-2015-03-25.md"),
    ("us-bills-s5/v1-2025-01-07-PCS.xml", "us-bills-s5/v2-2025-01-20-ES.xml"),
    ("es-bill-121-000036/v1-2024-10-18-BOCG-15-A-36-1.txt", "es-bill-121-000036/v3-2025-12-22-BOCG-15-A-36-5.txt"),
    ("zh-minshi-susongfa/v1-2021-12-24.md", "zh-minshi-susongfa/v2-2023-09-01.md"),
    ("ar-dostour-misr-1923-1930/v1-1923-04-19.txt", "ar-dostour-misr-1923-1930/v2-1930-10-22.txt"),
    ("ru-konstitutsiya-belarus/v1-1994-03-15.txt", "ru-konstitutsiya-belarus/v2-1996-11-24.txt"),
    ("de-grundgesetz/v1-2012-08-02.md", "de-grundgesetz/v3-2018-11-08.md"),
]


def report(old: str, new: str, jobs: int = 1) -> str:
    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        return render_comparison(compare(load(old), load(new), jobs=jobs), "json")
    finally:
        os.chdir(cwd)


def recorded() -> dict[str, str]:
    return json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda name: name.split("/")[0])
def test_the_json_report_is_what_was_recorded(old: str, new: str) -> None:
    key = f"{old} -> {new}"
    digest = hashlib.sha256(report(old, new).encode("utf-8")).hexdigest()
    if REGEN:
        digests = recorded()
        digests[key] = digest
        DIGESTS.write_text(json.dumps(dict(sorted(digests.items())), indent=1) + "\n", encoding="utf-8")
    assert recorded().get(key) == digest, f"the JSON of {key} changed"


@pytest.mark.parametrize(("old", "new"), [PAIRS[0], PAIRS[2], PAIRS[-2]], ids=lambda name: name.split("/")[0])
def test_the_json_report_is_the_same_from_two_processes(old: str, new: str) -> None:
    """Half of the articles redlined in a forked worker (``compare(..., jobs=2)``, as the CLI does on a large
    pair): the same bytes as recorded."""
    from treatydiff import fork

    if not fork.available():
        pytest.skip("no worker can be forked here (not Linux, or another thread runs)")
    digest = hashlib.sha256(report(old, new, jobs=2).encode("utf-8")).hexdigest()
    assert recorded().get(f"{old} -> {new}") == digest
