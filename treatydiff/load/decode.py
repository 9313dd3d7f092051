"""Stage 1, load: raw bytes of a draft -> Unicode text (size limit, binary sniffing, encoding fallback)."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from treatydiff.errors import LoadError
from treatydiff.model import Diagnostic


@dataclass(frozen=True, slots=True)
class RawDraft:
    """The bytes of a draft and where they came from."""

    source: str
    data: bytes
    suffix: str  # lower-case extension without the dot, "" for standard input


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024  # type: ignore[assignment]
    raise AssertionError("unreachable")


def read_source(source: str | Path, max_size: int) -> RawDraft:
    """Read a file (or standard input for ``-``) without ever holding more than ``max_size`` + 1 bytes."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(max_size + 1)
        _check_size(name, len(data), max_size)
        return RawDraft("<stdin>", data, "")
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError(name, "no such file", "check the path") from None
    except PermissionError:
        raise LoadError(name, "permission denied", "check the file's permissions") from None
    except OSError as exc:  # symlink loops, names too long, ...
        raise LoadError(name, f"cannot open: {exc.strerror or exc}", "check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(name, "is a directory", "give the path of one draft file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(name, "is not a regular file", "save the draft to a file and pass that")
    _check_size(name, info.st_size, max_size)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_size + 1)
    except FileNotFoundError:
        raise LoadError(name, "the file disappeared while it was read", "check the path") from None
    except OSError as exc:
        raise LoadError(name, f"cannot read: {exc.strerror or exc}", "check the file") from None
    _check_size(name, len(data), max_size)
    return RawDraft(name, data, path.suffix.lower().lstrip("."))


def _check_size(name: str, size: int, max_size: int) -> None:
    if size > max_size:
        raise LoadError(
            name,
            f"file is larger than the {human_size(max_size)} limit",
            "raise it with --max-size if this really is one draft",
        )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: RawDraft) -> tuple[str, tuple[Diagnostic, ...]]:
    """Bytes -> text. UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252 with a warning.

    Binary files are refused: a NUL byte outside a UTF-16/32 text, or a large share of control characters.
    """
    data = raw.data
    if not data.strip():
        raise LoadError(
            raw.source, "the file is empty", "check that the draft was saved or exported completely"
        )
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    raw.source,
                    f"invalid {codec.upper()} text at byte {exc.start}",
                    "re-save the file as UTF-8",
                ) from None
            return _check_text(raw.source, text.lstrip("\ufeff")), ()
    if b"\x00" in data[:65536]:
        raise LoadError(
            raw.source, "looks like a binary file, not text", "give a .txt or .md draft (or --from to force)"
        )
    try:
        return _check_text(raw.source, data.decode("utf-8")), ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        warning = Diagnostic(
            f"not valid UTF-8 (first bad byte 0x{data[exc.start]:02x}); read as Windows-1252 — "
            "re-save the file as UTF-8 if characters look wrong",
            line,
        )
        return _check_text(raw.source, text), (warning,)


def _check_text(source: str, text: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    if controls > max(8, len(sample) // 100):
        raise LoadError(source, "looks like a binary file, not text", "give a .txt or .md draft")
    if not text.strip():
        raise LoadError(source, "the file holds no text", "check that the draft was saved completely")
    return text


def suffix_of(source: str) -> str:
    return os.path.splitext(source)[1].lower().lstrip(".")
