"""Corpus files read once per test process: the larger PDFs and DOCX files take seconds each, and several test
modules check them. The tests that share a file are put in one xdist group (``GROUP``), so that they run in one
worker and the file is read there once. A ``Draft`` is frozen: sharing it cannot leak one test into another."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from treatydiff.load import load
from treatydiff.model import Draft

#: the group of the tests that read the shared corpus's larger files
GROUP = pytest.mark.xdist_group("corpus-large-files")
#: the files worth sharing: those read by more than one test and taking over a second to read
LARGE = (".pdf", ".docx")


@lru_cache(maxsize=16)
def corpus_draft(path: Path) -> Draft:
    """``load(path)``, read once per process."""
    return load(path)
