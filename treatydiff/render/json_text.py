"""Stage 4, render: JSON text for every JSON report (compare, history, outline), byte for byte what
``json.dumps(value, ensure_ascii=False, indent=2)`` writes, only faster.

The JSON text. ``json.dumps(..., indent=2)`` takes the standard library's pure-Python encoder (its C encoder
only writes without indentation): 30 of the 43 ms that the AI Act report took. The text here is the same, byte
for byte, through orjson where it is installed (the ``fast`` extra), else through a writer that hands each
string to the C function the standard encoder uses and builds the indentation itself (benchmarks/README.md,
"bench_json.py").
Either way a value nested ``level`` deep is its own text with every line after the first indented by
``2 * level`` spaces: both encoders escape a newline inside a string, so every newline of the text is one that
the indentation put there.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any


def _import_orjson() -> ModuleType | None:
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None


_ORJSON = _import_orjson()
#: Which encoder writes the JSON text: "orjson" when it is installed (the ``fast`` extra), else "stdlib". Both
#: give the same bytes (tests/test_json_encoder.py); a test or a benchmark may set it to "stdlib".
ENCODER = "orjson" if _ORJSON is not None else "stdlib"


def json_document(document: dict[str, Any]) -> str:
    """``json.dumps(document, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, where a value that is an
    iterator (the report's changes) is written as a list, one item at a time: the items' dicts need not all be
    alive at once. The pieces are joined once: on a large report each copy of the whole text costs milliseconds."""
    if not document:
        return "{}\n"
    out = ["{"]
    before = "\n  "
    for key, value in document.items():
        out.append(before + _encode_str(key) + ": ")
        before = ",\n  "
        if isinstance(value, Iterator):
            first = len(out)
            after = "[\n    "
            for item in value:
                out.append(after)
                _text(item, 2, out)
                after = ",\n    "
            out.append("\n  ]" if len(out) > first else "[]")
        else:
            _text(value, 1, out)
    out.append("\n}\n")
    return "".join(out)


def json_text(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, as it reads nested ``level`` deep."""
    out: list[str] = []
    _text(value, level, out)
    return "".join(out)


def _text(value: Any, level: int, out: list[str]) -> None:
    """Append the text of ``value`` nested ``level`` deep.

    orjson writes the same bytes for the values of these documents: strings (the same escapes: quote, backslash,
    controls below U+0020, nothing else), ints, booleans, None, and floats rounded to ``DIGITS`` (orjson writes
    floats below 1e-4 without an exponent, 0.000042 where ``repr`` writes 4.2e-05; rounded ones are never there).
    What orjson refuses (a lone surrogate from a file name read with ``surrogateescape``, an int past 64 bits, a
    key that is not a string) goes to the standard library's way."""
    if ENCODER == "orjson" and _ORJSON is not None:
        try:
            text: bytes = _ORJSON.dumps(value, option=_ORJSON.OPT_INDENT_2)
        except _ORJSON.JSONEncodeError:
            pass
        else:
            out.append((text.replace(b"\n", _NEWLINE[level].encode()) if level else text).decode())
            return
    _write(value, level, out)


#: The standard encoder's function for a string with ``ensure_ascii=False``: C where the ``_json`` module is built.
_encode_str = json.encoder.encode_basestring


class _Newlines(dict[int, str]):
    """A newline and the indentation of a level: ``"\\n"`` and two spaces a level."""

    def __missing__(self, level: int) -> str:
        self[level] = text = "\n" + "  " * level
        return text


_NEWLINE = _Newlines()


def _write(value: Any, level: int, out: list[str]) -> None:
    """Append the text of ``value`` nested ``level`` deep: what ``json.encoder._make_iterencode`` yields for
    ``indent=2``, without a generator a value. Anything but a dict with string keys, a list, or a scalar of an exact
    built-in type is left to ``json.dumps`` itself."""
    kind = type(value)
    if kind is dict and value:
        inner = _NEWLINE[level + 1]
        before = "{" + inner
        after = "," + inner
        mark = len(out)
        for key, item in value.items():
            if type(key) is not str:
                del out[mark:]
                out.append(_standard(value, level))
                return
            kind = type(item)
            if kind is str:
                out.append(before + _encode_str(key) + ": " + _encode_str(item))
            elif (kind is dict or kind is list) and item:
                out.append(before + _encode_str(key) + ": ")
                _write(item, level + 1, out)
            else:
                out.append(before + _encode_str(key) + ": " + _scalar(item, level + 1))
            before = after
        out.append(_NEWLINE[level] + "}")
    elif kind is list and value:
        inner = _NEWLINE[level + 1]
        before = "[" + inner
        after = "," + inner
        for item in value:
            kind = type(item)
            if kind is str:
                out.append(before + _encode_str(item))
            elif (kind is dict or kind is list) and item:
                out.append(before)
                _write(item, level + 1, out)
            else:
                out.append(before + _scalar(item, level + 1))
            before = after
        out.append(_NEWLINE[level] + "]")
    else:
        out.append(_scalar(value, level))


def _scalar(value: Any, level: int) -> str:
    """A value without items (a scalar, an empty dict or list) nested ``level`` deep: what the standard encoder
    writes for it."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0.0:  # finite: NaN and the infinities give NaN
        return float.__repr__(value)
    if kind is dict:  # (empty: ``_write`` writes the others)
        return "{}"
    if kind is list:
        return "[]"
    return _standard(value, level)


def _standard(value: Any, level: int) -> str:
    """The standard encoder's own text of ``value`` (a tuple, a subclass, NaN, numbers as keys), nested ``level``
    deep."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", _NEWLINE[level]) if level else text
