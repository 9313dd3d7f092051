"""Shared by the stages that work in other processes (``history``'s pool, ``compare``'s worker): pickles that
write the drafts a result refers to, and their nodes, as references, so that what comes back from a worker points
at the parent's own drafts and nodes (the results are read by identity: ``id(node)``) and travels without them.

A reference is a draft's number and a node's position in ``Draft.walk()`` (-1: the draft itself), written as a
call of ``_reference`` that ``Unpickler`` reads as its own ``resolve``. (A reduction, not a ``persistent_id``:
that one is asked about every object, strings and numbers too, and makes the writing three times slower;
``reducer_override`` only about the objects of classes, once each.)
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Sequence
from typing import Any

from treatydiff.model import Draft, Node


def dumps(value: object, drafts: Sequence[Draft], numbers: Sequence[int] | None = None) -> bytes:
    """``value`` pickled with ``drafts`` (numbered ``numbers``, default 0, 1, ...) and their nodes as references."""
    known: dict[int, tuple[int, int]] = {}
    for number, draft in zip(numbers if numbers is not None else range(len(drafts)), drafts, strict=True):
        known[id(draft)] = (number, -1)
        known.update((id(node), (number, position)) for position, node in enumerate(draft.walk()))
    buffer = io.BytesIO()
    _Pickler(buffer, known).dump(value)
    return buffer.getvalue()


def loads(blob: bytes, resolve: Callable[[int, int], Draft | Node]) -> Any:
    """What ``dumps`` wrote, each reference read as ``resolve(number, position)``."""
    return _Unpickler(io.BytesIO(blob), resolve).load()


def resolver(drafts: Sequence[Draft | None]) -> Callable[[int, int], Draft | Node]:
    """``resolve`` for drafts numbered by their place in ``drafts`` (each walked once, when first asked)."""
    nodes: dict[int, list[Node]] = {}

    def resolve(number: int, position: int) -> Draft | Node:
        found = drafts[number]
        assert found is not None
        if position < 0:
            return found
        if number not in nodes:
            nodes[number] = list(found.walk())
        return nodes[number][position]

    return resolve


class _Pickler(pickle.Pickler):
    """Writes the objects of ``known`` (by identity) as references, calls of ``_reference``."""

    def __init__(self, file: io.BytesIO, known: dict[int, tuple[int, int]]) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.known = known

    def reducer_override(self, obj: Any) -> Any:
        reference = self.known.get(id(obj))
        return NotImplemented if reference is None else (_reference, reference)


class _Unpickler(pickle.Unpickler):
    """Reads the references back as ``resolve(number, position)``."""

    def __init__(self, file: io.BytesIO, resolve: Callable[[int, int], Draft | Node]) -> None:
        super().__init__(file)
        self.resolve = resolve

    def find_class(self, module: str, name: str) -> Any:
        return self.resolve if (module, name) == (__name__, "_reference") else super().find_class(module, name)


def _reference(draft: int, position: int) -> Draft | Node:
    """What a reference calls in a pickle; ``Unpickler`` reads it as its own ``resolve``."""
    raise RuntimeError("a result from a worker is read with transfer.loads, which knows the drafts")
