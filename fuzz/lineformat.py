"""The input format of ``fuzz_parse.py``: text lines, with format hints behind an ESC (see that harness)."""

from __future__ import annotations

from treatydiff.load import normalise, parse
from treatydiff.load.lines import SourceLine
from treatydiff.model import Draft

ESC = "\x1b"


def lines_of(data: bytes) -> list[SourceLine]:
    out: list[SourceLine] = []
    for number, line in enumerate(data.decode("utf-8", errors="replace").split("\n"), start=1):
        heading = emphasis = bullet = page_break = 0
        if line.startswith(ESC) and len(line) >= 2:
            bits = ord(line[1])
            heading, emphasis, bullet, page_break = (bits & 7) % 7, bits >> 3 & 1, bits >> 4 & 1, bits >> 5 & 1
            line = line[2:]
        body = line.lstrip(" ")
        out.append(
            SourceLine(
                body.rstrip(),
                number,
                heading=heading,
                emphasis=bool(emphasis),
                bullet=bool(bullet),
                indent=len(line) - len(body),
                page_break=bool(page_break),
            )
        )
    return out


def encode(lines: list[SourceLine]) -> bytes:
    """SourceLines -> this harness's input format (used by build_seeds.py)."""
    out = []
    for line in lines:
        bits = min(line.heading, 6) | line.emphasis << 3 | line.bullet << 4 | line.page_break << 5
        prefix = ESC + chr(bits) if bits else ""
        out.append(prefix + " " * min(line.indent, 40) + line.text.replace("\n", " "))
    return "\n".join(out).encode("utf-8")


def build(data: bytes) -> Draft:
    """What ``fuzz_parse.py`` runs: furniture stripping, units, the structure parser, a Draft."""
    lines, _ = normalise.strip_furniture(lines_of(data))
    nodes, notes = parse.parse(normalise.units(lines))
    return Draft("fuzz", "fuzz", "txt", nodes, notes)
