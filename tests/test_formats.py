"""The same draft as it is published — DOCX, PDF, HTML — reads into the same article tree as its Markdown.

The twins ``fixtures/convention/<draft>.docx``, ``.pdf``, ``.html`` (and ``final-text.eurlex.html``, the final
text in EUR-Lex's layout) are written from the Markdown by ``fixtures/make_formats.py``; after changing a
draft's .md, run ``python fixtures/make_formats.py`` and commit what it writes (``test_twins_are_up_to_date``
says when that was forgotten). What each file exercises (Word list numbering, footnotes, page furniture,
site navigation ...) is described in that script's docstring.

Two checks per draft and format, each skipped while the format has no registered reader:
- the tree: every node's kind, label, title, text, marks and footnotes, compared one line per node, so a
  failure names the paragraph that was lost, merged, split or misread and shows both texts;
- ``treatydiff compare X.md X.<format>``: every article and annex unchanged or changed only editorially.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from treatydiff.cli import Env, cli
from treatydiff.load import load
from treatydiff.load.readers import READERS  # filled as the reader modules are imported
from treatydiff.model import Node

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "fixtures" / "convention"
DRAFTS = ("zero-draft", "revised-draft", "final-text")
FORMATS = ("docx", "pdf", "html")
#: (draft, reader, file): every draft in every format, and the EUR-Lex variant of the final text.
TWINS = [(draft, fmt, f"{draft}.{fmt}") for draft in DRAFTS for fmt in FORMATS] + [
    ("final-text", "html", "final-text.eurlex.html"),
]
IDS = [name for _, _, name in TWINS]


def _needs_reader(fmt: str) -> None:
    if fmt not in READERS:
        pytest.skip(f"no {fmt!r} reader registered yet (treatydiff.load.readers.READERS)")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def tree_lines(nodes: tuple[Node, ...], path: str = "") -> list[str]:
    """One line per node: ``path > kind label | title | text | marks | footnotes``.

    Normalised only for what legitimately differs between formats: letter case (PDF and EUR-Lex set titles
    in capitals), the punctuation around labels (``(a)`` / ``a)`` / ``a.``) and runs of white space. No
    line numbers. Words, their order, the nesting, marks and footnote texts must be the same."""
    lines = []
    for node in nodes:
        name = f"{node.kind.value} {node.label.strip('().').casefold()}".strip()
        here = f"{path} > {name}" if path else name
        marks = ",".join(sorted(m.value for m in node.marks))
        notes = " / ".join(_norm(note) for note in node.footnotes)
        lines.append(f"{here} | {_norm(node.title)} | {_norm(node.text)} | {marks} | {notes}")
        lines.extend(tree_lines(node.children, here))
    return lines


def _difference(expected: list[str], got: list[str], got_name: str) -> str:
    diff = list(difflib.unified_diff(expected, got, "markdown", got_name, n=1, lineterm=""))
    shown = "\n".join(diff[:60]) + (f"\n... {len(diff) - 60} more diff lines" if len(diff) > 60 else "")
    return f"{got_name} reads into a different tree than the Markdown ({len(expected)} vs {len(got)} nodes):\n{shown}"


@pytest.mark.parametrize(("draft", "fmt", "name"), TWINS, ids=IDS)
def test_format_gives_the_same_tree_as_markdown(draft: str, fmt: str, name: str) -> None:
    _needs_reader(fmt)
    twin = load(CASE / name)
    assert twin.format == fmt, f"{name} was read as {twin.format!r}"
    expected = tree_lines(load(CASE / f"{draft}.md").nodes)
    got = tree_lines(twin.nodes)
    assert got == expected, _difference(expected, got, name)


@pytest.mark.parametrize(("draft", "fmt", "name"), TWINS, ids=IDS)
def test_compare_markdown_with_format_finds_nothing_substantive(draft: str, fmt: str, name: str) -> None:
    _needs_reader(fmt)
    result = CliRunner().invoke(
        cli, ["compare", str(CASE / f"{draft}.md"), str(CASE / name), "-f", "json"], obj=Env(environ={})
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["new"]["format"] == fmt
    assert report["old"]["articles"] == report["new"]["articles"]
    assert report["old"]["annexes"] == report["new"]["annexes"]
    changed = [
        f"{c['outcome']}: {[r['number'] for r in c['old']]} -> {[r['number'] for r in c['new']]} "
        f"{[p['edits'] for p in c['paragraphs'] if p['outcome'] != 'unchanged'][:3]}"
        for c in report["changes"]
        if c["outcome"] != "unchanged" and not c["editorial_only"]
    ]
    assert not changed, f"{draft}.md -> {name}: substantive changes found:\n" + "\n".join(changed)


def _make_formats() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_formats", ROOT / "fixtures" / "make_formats.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_twins_are_up_to_date() -> None:
    """The committed DOCX/PDF/HTML files are what ``fixtures/make_formats.py`` writes from today's Markdown
    (and writing them is deterministic: same bytes on every run)."""
    pytest.importorskip("reportlab", reason="reportlab (the 'fixtures' extra) writes the PDF twins")
    files = _make_formats().outputs(CASE)
    assert set(files) == {name for _, _, name in TWINS}
    stale = [name for name, data in files.items() if not (CASE / name).exists() or (CASE / name).read_bytes() != data]
    assert not stale, f"out of date: {stale} — run python fixtures/make_formats.py and commit the files"


# --- the outline as Markdown: nothing in a draft turns live when the outline is pasted --------------------------

LIVE_TEXT = ("See https://evil.example/x, www.evil.example and javascript:alert(1); write to user@example.org, "
             "ask @someone and read #12.")


def test_outline_markdown_leaves_no_link_mention_or_issue_reference_live(tmp_path: Path) -> None:
    """GFM links ``https://`` and ``www.`` as it parses (escaping the ``:`` or ``.`` stops it); GitHub then links
    ``@name`` (a mention, which notifies), ``user@host`` and ``#12`` in the text it rendered, where a backslash is
    long gone: those need an invisible word joiner after the ``@`` or ``#``."""
    from markdown_it import MarkdownIt

    path = tmp_path / "draft.md"
    path.write_text(f"## Article 1\n\nScope\n\n{LIVE_TEXT}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["outline", str(path), "-f", "markdown"], obj=Env(environ={}))
    assert result.exit_code == 0, result.output
    source = result.stdout
    assert not any(live in source for live in ("https://", "www.", "javascript:")), source
    tokens = MarkdownIt("commonmark").parseInline(source.split("\n- ")[-1].strip())[0].children or []
    assert all(token.type == "text" for token in tokens)  # no link, code, emphasis or HTML
    shown = "".join(token.content for token in tokens)
    assert not re.search(r"(?<!\w)@\w|\w@\w|#\d", shown), shown  # what GitHub's mentions and references need
    assert shown.replace("\u2060", "") == LIVE_TEXT
