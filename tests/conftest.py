"""What every test shares: the Python processes that tests start compile treatydiff once, into the temp folder.

About 150 tests run the real command line in a fresh interpreter. Where ``PYTHONDONTWRITEBYTECODE`` is set (as on
the CI machine), each of them compiled every module of treatydiff from source again: 0.5 s of the 0.8 s such a
run takes. Here they share a bytecode cache in pytest's temporary folder (``PYTHONPYCACHEPREFIX``), so that
nothing is written beside the sources either way.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _bytecode_cache_in_the_temp_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path_factory.mktemp("pycache")))
        patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        yield
