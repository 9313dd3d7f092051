"""Fuzz the DOCX reader through the whole load pipeline: Draft or LoadError, nothing else.

    python fuzz/fuzz_docx.py -max_total_time=600 -timeout=10 -max_len=400000 fuzz/corpus/docx

Byte mutations of a zip rarely get past its CRC checks, so the custom mutator is structure-aware: most of
the time it opens the archive, mutates one XML part (``word/document.xml`` most often; styles, numbering,
footnotes, relationships, ``[Content_Types].xml`` too) with libFuzzer's mutator and writes the archive again;
sometimes it mutates the zip's raw bytes, so damaged archives are exercised too.
"""

from __future__ import annotations

import io
import random
import sys
import zipfile

import _harness
import atheris

_harness.instrumented()

_WEIGHTS = {"word/document.xml": 6, "word/numbering.xml": 2, "word/styles.xml": 2, "word/footnotes.xml": 2}


def test_one(data: bytes) -> None:
    _harness.check(lambda: _harness.load_bytes("docx", data), data)


def mutate(data: bytes, max_size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    if rng.random() < 0.1:
        return atheris.Mutate(data, max_size)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:
        return atheris.Mutate(data, max_size)
    names = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    if not names:
        return atheris.Mutate(data, max_size)
    name = rng.choices(names, weights=[_WEIGHTS.get(n, 1) for n in names])[0]
    old = parts[name]
    parts[name] = atheris.Mutate(old, len(old) + 256)
    if rng.random() < 0.02 and len(names) > 1:  # a part gone missing
        del parts[rng.choice([n for n in names if n != name])]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for filename, body in parts.items():
            archive.writestr(filename, body)
    result = out.getvalue()
    return result if len(result) <= max_size else atheris.Mutate(data, max_size)


if __name__ == "__main__":
    _harness.main(test_one, sys.argv, custom_mutator=mutate)
