"""Stage 1, load: raw bytes of a draft -> Unicode text (size limit, binary sniffing, encoding fallback)."""

from __future__ import annotations

import codecs
import errno
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
        _check_size("<stdin>", len(data), max_size)  # named as in warnings and reports
        return RawDraft("<stdin>", data, "")
    if not name.strip():
        raise LoadError(repr(name), "no file name given", "give the path of a draft file")
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LoadError(name, "no such file", "check the path") from None
    except PermissionError:
        raise LoadError(name, "permission denied", "check the file's permissions") from None
    except OSError as exc:  # symlink loops, a file used as a folder, names too long, ...
        raise LoadError(name, f"cannot open: {_reason(exc)}", "check the path") from None
    _check_kind(name, info.st_mode)
    _check_size(name, info.st_size, max_size)  # before opening: a 1 GB file is refused unread
    try:
        # Non-blocking, so that a named pipe swapped in since the stat above cannot make us wait for a writer;
        # what was really opened is checked again below (regular files ignore the flag).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise LoadError(name, "the file disappeared before it could be read", "check the path") from None
    except PermissionError:
        raise LoadError(name, "permission denied", "check the file's permissions") from None
    except OSError as exc:
        raise LoadError(name, f"cannot open: {_reason(exc)}", "check the path") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        _check_kind(name, opened.st_mode)
        _check_size(name, opened.st_size, max_size)
        try:
            data = handle.read(max_size + 1)
        except OSError as exc:
            raise LoadError(name, f"cannot read: {_reason(exc)}", "check the file") from None
    _check_size(name, len(data), max_size)  # it may have grown since
    return RawDraft(name, data, path.suffix.lower().lstrip("."))


#: What some ``OSError``s mean to someone who typed a path.
_REASONS = {
    errno.ELOOP: "a loop of symbolic links",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def _reason(exc: OSError) -> str:
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def _check_kind(name: str, mode: int) -> None:
    """Only regular files: a folder, a named pipe or a device (``/dev/zero``) is refused, never read."""
    if stat.S_ISDIR(mode):
        raise LoadError(name, "is a directory", "give the path of one draft file")
    if not stat.S_ISREG(mode):
        raise LoadError(name, "is not a regular file (a named pipe or a device?)",
                        "save the draft to a file and pass that, or pipe it to standard input with -")


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


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 text saved without its byte-order mark: nearly
    every byte on one side of each pair is zero (Latin letters, digits, punctuation), none on the other."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / max(len(odd), 1)
    if zero_odd > 0.9 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.9 and zero_odd < 0.05:
        return "utf-16-be"
    return None


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
        wide = _utf16_without_bom(data[:65536])
        if wide is not None:
            try:
                text = data.decode(wide)
            except UnicodeDecodeError:
                text = ""
            if text.strip():
                return _check_text(raw.source, text), (
                    Diagnostic(f"read as {wide.upper()} without a byte-order mark (every other byte is zero)"),)
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
