"""Write the table of ``treatydiff/confusables.py`` from Unicode's confusables data.

Usage (from the repository root)::

    python tools/make_confusables.py confusables.txt      # https://www.unicode.org/Public/security/latest/
    python tools/make_confusables.py confusables.json     # or the JSON that confusable_homoglyphs ships

Keeps what treatydiff needs and nothing else: letters of the scripts that look like Latin (Cyrillic, Greek,
Armenian, Cherokee, Coptic) whose UTS #39 prototype is one ASCII letter. The table goes between the two marker
lines of ``treatydiff/confusables.py``; run ``git diff`` to see what a new Unicode version changed.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
TARGET = Path(__file__).resolve().parents[1] / "treatydiff" / "confusables.py"
BEGIN, END = "# --- generated table: begin", "# --- generated table: end"


def _pairs_txt(text: str) -> dict[str, str]:
    pairs = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        source, target, *_ = (field.strip() for field in line.split(";"))
        source_chars = "".join(chr(int(cp, 16)) for cp in source.split())
        target_chars = "".join(chr(int(cp, 16)) for cp in target.split())
        pairs[source_chars] = target_chars
    return pairs


def _pairs_json(text: str) -> dict[str, str]:
    pairs = {}
    for char, likes in json.loads(text).items():
        for like in likes:
            if len(like["c"]) == 1 and like["c"].isascii():
                pairs.setdefault(char, like["c"])
    return pairs


def table(pairs: dict[str, str]) -> dict[str, str]:
    kept = {}
    for char, prototype in pairs.items():
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        if len(prototype) != 1 or not (prototype.isascii() and prototype.isalpha()):
            continue
        if unicodedata.name(char, "").split(" ")[0] in SCRIPTS:
            # UTS #39 gives I, l and 1 one prototype, "l"; a capital that looks like it passes for "I"
            kept[char] = "I" if prototype == "l" and char.isupper() else prototype
    return dict(sorted(kept.items()))


def main(source: str) -> None:
    text = Path(source).read_text(encoding="utf-8-sig")
    pairs = _pairs_json(text) if source.endswith(".json") else _pairs_txt(text)
    rows = [f"    {char!r}: {prototype!r},  # {unicodedata.name(char)}" for char, prototype in table(pairs).items()]
    module = TARGET.read_text(encoding="utf-8")
    head, rest = module.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    body = "\n".join(["", "_TO_LATIN: dict[str, str] = {", *rows, "}", ""])
    TARGET.write_text(f"{head}{BEGIN}{body}{END}{tail}", encoding="utf-8")
    print(f"{TARGET}: {len(rows)} letters")


if __name__ == "__main__":
    main(sys.argv[1])
