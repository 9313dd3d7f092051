"""Shared by the stages: run a stage with the cyclic garbage collector paused.

Loading and comparing build hundreds of thousands of small frozen objects and no reference cycles, so the
cyclic collector only re-scans live data (25% of the time to load a 20,000-article draft); so do the JSON
renderers with a dict or list for every change, paragraph and edit (14% of ``json.dumps`` on a 2,000-article
pair). Reference counting still frees everything; the collector's previous state is restored afterwards, also
on error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
