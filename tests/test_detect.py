"""Format detection: content first (PDF, DOCX, HTML, Akoma Ntoso), then the extension, then Markdown or text;
``--from FORMAT`` overrides both."""

from __future__ import annotations

import importlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from treatydiff.cli import Env, cli
from treatydiff.errors import ExitCode
from treatydiff.load import detect_format
from treatydiff.load.decode import RawDraft
from treatydiff.load.readers import READERS

HTML_DOC = b"<!DOCTYPE html>\n<html><body><h1>Article 1</h1><p>Scope.</p></body></html>\n"
HTML_FRAGMENT = b"<div class='draft'>\n<p>Article 1</p>\n<p>Each State Party shall act.</p>\n</div>\n"
AKN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>'
    b"<article eId='art_1'><num>1</num><paragraph><content><p>Text.</p></content></paragraph></article>"
    b"</body></act></akomaNtoso>\n"
)
AKN_DE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- comment -->\n'
    b'<akn:akomaNtoso xmlns:akn="http://Inhaltsdaten.LegalDocML.de/1.8.2/"><akn:act><akn:body>'
    b"<akn:article eId='art-z1'><akn:num>\xc2\xa7 1</akn:num><akn:paragraph><akn:content><akn:p>Text.</akn:p>"
    b"</akn:content></akn:paragraph></akn:article></akn:body></akn:act></akn:akomaNtoso>\n"
)
MARKDOWN = b"# Convention\n\n## Article 1\n\n### Scope\n\n1. This Convention applies.\n"
MARKDOWN_WITH_HTML = (
    b"<div align='center'>Draft</div>\n\n## Article 1\n\n<p>Scope</p>\n\n1. This Convention<sup>1</sup> applies.\n\n"
    b"## Article 2\n\n*Use of terms*\n\n## Article 3\n\n<p>An aside in HTML.</p>\n"
)
TEXT = b"Article 1\nScope\n\n1. This Convention applies.\n"


def raw(data: bytes, suffix: str = "") -> RawDraft:
    return RawDraft(f"draft.{suffix}" if suffix else "<stdin>", data, suffix)


def docx_bytes() -> bytes:
    """The smallest zip that says it is a Word document (what the sniff looks at)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def needs(name: str) -> None:
    if name not in READERS:
        pytest.skip(f"the {name} reader is not registered yet")


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "txt", "pdf"),
        (b"%PDF-1.4\n", "", "pdf"),
        (None, "txt", "docx"),
        (None, "", "docx"),
        (HTML_DOC, "txt", "html"),
        (HTML_DOC, "md", "html"),
        (HTML_DOC, "", "html"),
        (b"\xef\xbb\xbf  \n<!doctype HTML><HTML><p>x</p></HTML>", "", "html"),
        ("\ufeff<html><body><p>UTF-16</p></body></html>".encode("utf-16-le"), "", "html"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html>', "", "html"),
        (HTML_FRAGMENT, "txt", "html"),
        (HTML_FRAGMENT, "", "html"),
        (AKN, "txt", "akn"),
        (AKN, "xml", "akn"),
        (AKN_DE, "", "akn"),
        (MARKDOWN, "txt", "txt"),  # the extension wins over the Markdown guess
        (MARKDOWN, "", "md"),
        (MARKDOWN_WITH_HTML, "", "md"),
        (MARKDOWN_WITH_HTML, "md", "md"),
        (b"<meta name='x'>\n# Article 1\n\n<p>text</p>\n\n# Article 2\n\n# Article 3\n", "", "md"),
        (b"Article 1 of the <sup>draft</sup>: <p> tags in a text\n", "", "txt"),
        (TEXT, "", "txt"),
        (TEXT, "md", "md"),
        (TEXT, "txt", "txt"),
        (b"<p>Article 1</p>", "htm", "html"),
    ],
)
def test_detect_format(data: bytes | None, suffix: str, expected: str) -> None:
    needs(expected)
    data = docx_bytes() if data is None else data
    assert detect_format(raw(data, suffix)) == expected


def test_every_reader_with_a_sniff_is_tried_and_html_never_takes_another_format() -> None:
    """HTML's sniff is conservative: it says no to what another reader's content sniff claims."""
    html = READERS["html"].sniff
    assert html is not None
    for sample in (AKN, AKN_DE, b"%PDF-1.4\n", docx_bytes(), MARKDOWN, MARKDOWN_WITH_HTML, TEXT):
        assert not html(sample[:4096]), sample[:40]
    akn = READERS["akn"].sniff
    assert akn is not None
    assert not akn(b"<!DOCTYPE html><html><body><p>&lt;akomaNtoso&gt; explained; <akomaNtoso> too</p>")


# --- the command line -------------------------------------------------------------------------------------


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], obj=Env(environ={}))


def test_from_choices_are_every_registered_reader() -> None:
    help_text = invoke("outline", "--help").stdout
    for name in READERS:
        assert name in help_text, name
    assert "--markup" in help_text and "--docx-view" not in help_text  # (the old name is a hidden alias)


def test_txt_holding_html_is_read_as_html_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(HTML_FRAGMENT)
    detected = json.loads(invoke("outline", path, "-f", "json").stdout)
    assert detected["format"] == "html"
    assert [n["label"] for n in detected["nodes"] if n["kind"] == "article"] == ["1"]
    forced = invoke("outline", path, "-f", "json", "--from", "TXT")
    assert forced.exit_code == ExitCode.OK, forced.stderr
    document = json.loads(forced.stdout)
    assert document["format"] == "txt"
    assert "<p>" in json.dumps(document)  # read as plain text, tags and all


def test_from_html_on_a_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(MARKDOWN_WITH_HTML)
    assert json.loads(invoke("outline", path, "-f", "json").stdout)["format"] == "md"
    forced = json.loads(invoke("outline", path, "-f", "json", "--from", "html").stdout)
    assert forced["format"] == "html"


def test_from_akn_on_something_else_fails_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    result = invoke("outline", path, "--from", "akn")
    assert result.exit_code == ExitCode.ERROR
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"error: {path}")


def test_unknown_from_and_docx_view_are_usage_errors(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    for args in (["--from", "rtf"], ["--markup", "sideways"], ["--docx-view", "sideways"]):
        result = invoke("outline", path, *args)
        assert result.exit_code == ExitCode.ERROR and "--help" in result.stderr, args


@pytest.mark.parametrize("view", ["final", "original"])
def test_markup_reaches_the_load_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, view: str) -> None:
    from treatydiff import cli as cli_module
    from treatydiff.load import load
    from treatydiff.model import Draft, LoadOptions

    seen: list[LoadOptions] = []

    def spy(source: str, options: LoadOptions) -> Draft:
        seen.append(options)
        return load(source, options)

    monkeypatch.setattr(cli_module, "load", spy)
    monkeypatch.setattr(importlib.import_module("treatydiff.load"), "load", spy)  # (compare reads by load_two)
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    assert invoke("outline", path, "--markup", view).exit_code == ExitCode.OK
    assert invoke("compare", path, path, "--markup", view).exit_code == ExitCode.OK
    assert invoke("outline", path, "--docx-view", view).exit_code == ExitCode.OK  # the old name, still taken
    assert [options.markup for options in seen] == [view, view, view, view]
