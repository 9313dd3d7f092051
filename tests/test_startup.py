"""Start-up: what ``import treatydiff``, ``treatydiff --version`` and building the CLI import, and that what they no
longer import is still there when it is used (issue 19).

No test here is timed (the machines that run them are shared): each lists the modules a fresh interpreter imported
(``sys.modules``, or ``-X importtime``), which only the imports themselves change. ``benchmarks/bench_pipeline.py``
prints the time of ``treatydiff --version``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import types
from typing import Any

import pytest

import treatydiff
from treatydiff.cli import READER_FORMATS, READER_NAMES
from treatydiff.load.readers import READERS
from treatydiff.render import COMPARE, HISTORY, OUTLINE, PARALLEL, PARALLEL_COMPARE, VERDICTS, Registry

REGISTRIES = (OUTLINE, COMPARE, VERDICTS, HISTORY, PARALLEL, PARALLEL_COMPARE)


def modules_after(code: str) -> set[str]:
    """The modules that running ``code`` in a fresh interpreter adds to those its start-up imported."""
    script = (
        "import sys, json\n"
        "_before = set(sys.modules)\n"
        f"{code}\n"
        "print(json.dumps(sorted(set(sys.modules) - _before)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_package_imports_nothing_else() -> None:
    """``import treatydiff`` is the package module alone: not the load stage, not the data types (their dataclasses
    cost more than the rest of start-up), not even ``typing``."""
    # (``from __future__ import annotations`` imports the tiny ``__future__`` module, unless start-up did: an
    # editable install's finder does, a regular install does not)
    assert modules_after("import treatydiff") - {"__future__"} == {"treatydiff"}


#: The ``treatydiff`` command, as the script that ``pip`` writes for ``[project.scripts]`` runs it.
SCRIPT = "import sys; sys.argv[1:] = ['--version']; from treatydiff.__main__ import run; run()"


@pytest.mark.parametrize(("args", "ours"), [
    (("-c", SCRIPT), {"treatydiff", "treatydiff.__main__"}),
    (("-m", "treatydiff", "--version"), {"treatydiff"}),  # (runpy runs __main__ as a script: not an import)
], ids=["script", "python -m"])
def test_version_imports_only_the_package_and_its_main(args: tuple[str, ...], ours: set[str]) -> None:
    """``treatydiff --version``: no click, no Rich, no stage, no ``typing``."""
    result = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"treatydiff {treatydiff.__version__}\n"
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.count("|") == 2}
    assert "treatydiff" in imported  # (the lines were read)
    assert {name for name in imported if name.split(".")[0] == "treatydiff"} == ours
    assert not imported & {"click", "rich", "typing", "dataclasses"}


#: What building the command line (``--help``, parsing options) must not import: they load when a command uses them.
HEAVY = {
    "rich.console", "rich.table", "rich.text", "rich.progress",  # Rich draws reports; the CLI needs only its pager
    "treatydiff.load", "treatydiff.load.readers", "treatydiff.load.pdf", "treatydiff.load.patterns",  # a read
    "treatydiff.history", "multiprocessing", "concurrent.futures",  # history
    "treatydiff.compare", "treatydiff.classify", "treatydiff.align",  # the differ
}


def test_building_the_cli_imports_no_renderer_reader_or_stage() -> None:
    imported = modules_after("import treatydiff.cli")
    assert "treatydiff.cli" in imported and "click" in imported
    assert not imported & HEAVY
    renderers = {name for name in imported if name.startswith("treatydiff.render.")}
    assert not renderers
    assert not {name for name in imported if name.startswith("treatydiff.load")}


def test_a_report_imports_its_renderer_only() -> None:
    """``render`` of one format imports that renderer (and what it needs), not every other one."""
    imported = modules_after(
        "import treatydiff\n"
        "treatydiff.render(treatydiff.load('### Article 1\\n\\nThe Parties shall act.\\n'), 'json')"
    )
    assert "treatydiff.render.outline_json" in imported
    assert "treatydiff.render.compare_docx" not in imported
    assert "treatydiff.render.compare_html" not in imported
    assert "treatydiff.history" not in imported


def test_the_cli_lists_the_readers_of_the_registry() -> None:
    """``READER_FORMATS`` is written out in ``cli.py`` so that ``--help`` does not import every reader: it must be
    the reader registry's list, names and titles, in its order. A new reader: add it to ``READER_FORMATS``."""
    assert tuple((reader.name, reader.title) for reader in READERS.values()) == READER_FORMATS
    assert tuple(READERS) == READER_NAMES


@pytest.mark.parametrize("registry", REGISTRIES, ids=lambda registry: registry.kind)
def test_each_format_is_rendered_by_the_module_its_registry_names(registry: Registry[object]) -> None:
    """A registry lists its formats and their modules without importing them: every module, once imported,
    registers exactly the formats listed for it (``--help`` shows them in the registry's order, whichever module
    was imported first)."""
    registry.load_all()
    for name in registry:
        assert registry.get(name).__module__ == registry.module(name), name
    assert set(registry._by_name) == set(registry.names())


def test_a_format_must_be_listed_to_be_registered() -> None:
    def stray(*args: object) -> str:
        return ""

    with pytest.raises(ValueError, match="list it with that module"):
        COMPARE.register("nonesuch")(stray)
    with pytest.raises(ValueError, match="list it with that module"):
        COMPARE.register("json")(stray)  # listed, but from another module
    assert "nonesuch" not in COMPARE


def test_the_package_offers_its_names_on_first_use() -> None:
    """The data types, ``load_text`` and the submodules: imported when first asked for (PEP 562 ``__getattr__``)."""
    from treatydiff import Comparison, Draft, load_text
    from treatydiff.model import Comparison as ModelComparison
    from treatydiff.model import Draft as ModelDraft

    assert Draft is ModelDraft and Comparison is ModelComparison
    assert load_text("### Article 1\n\nThe Parties shall act.\n").nodes
    assert isinstance(treatydiff.lang, types.ModuleType)  # a submodule, as before when the package imported it
    assert not hasattr(treatydiff, "nonesuch")
    with pytest.raises(AttributeError, match="nonesuch"):
        treatydiff.nonesuch  # type: ignore[attr-defined]  # noqa: B018
    for name in ("load", "compare", "history", "render"):  # the functions, never the stage modules
        assert isinstance(getattr(treatydiff, name), types.FunctionType), name


def test_a_lazy_name_in_a_fresh_interpreter() -> None:
    """The names work before anything imported the model, the loader or the renderers."""
    imported = modules_after(
        "import json, treatydiff\n"
        "assert treatydiff.Draft.__module__ == 'treatydiff.model'\n"
        "assert treatydiff.LoadOptions().format is None\n"
        "draft = treatydiff.load_text('### Article 1\\n\\nThe Parties shall act.\\n')\n"
        "assert json.loads(treatydiff.render(draft, 'json'))['nodes']\n"
    )
    assert {"treatydiff.model", "treatydiff.load", "treatydiff.render.outline_json"} <= imported


# --- the readers in modules of their own: imported when needed ----------------------------------------------

#: The reader modules a Markdown or plain-text draft never needs.
READER_MODULES = {f"treatydiff.load.{m}" for m in ("akn", "formex", "usbill", "html", "pdf", "word", "pdf_tables")}


def test_a_markdown_draft_is_read_without_the_other_readers() -> None:
    from pathlib import Path

    draft = Path(__file__).resolve().parents[1] / "fixtures" / "convention" / "zero-draft.md"
    imported = modules_after(f"from treatydiff.load import load; load({str(draft)!r})")
    assert "treatydiff.load.readers" in imported
    assert not imported & READER_MODULES


def printed_by(script: str) -> Any:
    """What ``script``, run in a fresh interpreter, prints as JSON on its last line."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_each_stand_in_is_the_reader_its_module_registers() -> None:
    """The name, extensions and title of each reader as ``readers.py`` lists it before its module is imported,
    and as the module registers it (a reader whose line and module disagree would change with the import)."""
    script = (
        "import importlib, json\n"
        "from treatydiff.load import readers\n"
        "listed = {r.name: [list(r.extensions), r.title] for r in readers.READERS.values()}\n"
        "order = list(readers.READERS)\n"
        "for m in ('akn', 'formex', 'usbill', 'html', 'pdf', 'word'):\n"
        "    importlib.import_module('treatydiff.load.' + m)\n"
        "real = {r.name: [list(r.extensions), r.title] for r in readers.READERS.values()}\n"
        "print(json.dumps([listed, real, order, list(readers.READERS)]))\n"
    )
    listed, real, order, order_after = printed_by(script)
    assert listed == real
    assert order == order_after  # (the sniffing order)


def test_a_stand_in_sniffs_what_its_reader_sniffs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each stand-in's cheap test lets through every file its reader's ``sniff`` takes: on the first bytes of
    every fixture, of the corpus where present, and of made-up heads at the edges. In a fresh interpreter, where
    the stand-ins are still there."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    files = [p for p in (root / "fixtures").rglob("*") if p.is_file()]
    corpus = root.parent / "shared" / "corpus"
    if corpus.is_dir():
        files += [p for p in corpus.rglob("*") if p.is_file()]
    heads = [p.read_bytes()[:4096] for p in files]
    heads += [b"", b"<html>", b"\xef\xbb\xbf<!doctype html>", "<p>x</p>".encode("utf-16"), b"%PDF-1.7",
              b"PK\x03\x04word/document.xml", b"Inhaltsdaten.LegalDocML.de", b"# Title\n\nArticle 1"]
    listing = tmp_path / "heads.json"
    listing.write_text(json.dumps([head.hex() for head in heads]), encoding="utf-8")
    script = (
        "import importlib, json, sys\n"
        "from treatydiff.load.readers import READERS\n"
        f"heads = [bytes.fromhex(h) for h in json.load(open({str(listing)!r}))]\n"
        "modules = {'akn': 'akn', 'formex': 'formex', 'usbill': 'usbill', 'html': 'html', 'pdf': 'pdf',"
        " 'docx': 'word'}\n"
        "stand_ins = {name: READERS[name].sniff for name in modules}\n"
        "for module in modules.values():\n"
        "    importlib.import_module('treatydiff.load.' + module)\n"
        "wrong = [(name, h[:40].hex()) for name in modules for h in heads\n"
        "         if READERS[name].sniff is stand_ins[name] or stand_ins[name](h) != READERS[name].sniff(h)]\n"
        "print(json.dumps(wrong))\n"
    )
    assert printed_by(script) == []
