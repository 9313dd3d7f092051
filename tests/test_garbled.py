"""Text layers that do not decode (``treatydiff/load/garbled.py``) and Symbol-font bullets in PDFs.

The sample sentences are written for these tests (a fictional convention in five scripts); the garbled forms
are made from them the way real PDFs garble text: the bytes of one code page read as another, glyph codes in
the private use area, letters of unrelated scripts in turn.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from typing import Any

import pytest

from treatydiff.errors import LoadError
from treatydiff.load import garbled, load

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = {
    "en": "Article 4. Each State Party shall adopt such legislative and other measures as may be necessary to "
          "establish as criminal offences under its domestic law the conduct set forth in this Convention.",
    "fr": "Article 4. Chaque État Partie adopte les mesures législatives et autres qui s'avèrent nécessaires "
          "pour conférer le caractère d'infraction pénale, conformément à son droit interne, aux actes énoncés.",
    "ru": "Статья 4. Каждое Государство-участник принимает такие законодательные и другие меры, какие могут "
          "потребоваться для признания уголовно наказуемыми в соответствии с его внутренним правом деяний.",
    "zh": "第四条 各缔约国均应当采取必要的立法和其他措施，根据本国法律将本公约所列行为规定为刑事犯罪，"
          "并确保对实施此类行为的人员予以起诉和审判，同时充分尊重人权和法治原则，加强国际合作与协调。",
    "ar": "المادة 4. تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لكي تجرم في إطار قانونها "
          "الداخلي الأفعال المبينة في هذه الاتفاقية، مع الاحترام الكامل لحقوق الإنسان وسيادة القانون.",
    "table": "Article 4 ........ 12\nArticle 5 ........ 13\n(a) 2024 | 2025 | 2026\n1.2.3 § 4 — 5 % (6) [7]",
}


@pytest.mark.parametrize("language", list(SAMPLES))
def test_real_text_in_any_script_reads_as_text(language: str) -> None:
    assert garbled.judge(SAMPLES[language]) is None


def test_too_little_text_is_not_judged() -> None:
    assert garbled.judge("Ñòàòüÿ 1") is None


def _mojibake(text: str, encoding: str) -> str:
    """The bytes of ``text`` in ``encoding`` read as Windows-1252: what a font without a Unicode map gives."""
    return text.encode(encoding, "replace").decode("cp1252", "replace")


@pytest.mark.parametrize(("language", "encoding"), [("ru", "cp1251"), ("ar", "cp1256"), ("zh", "gbk")])
def test_a_text_read_in_the_wrong_code_page_is_garbled(language: str, encoding: str) -> None:
    reason = garbled.judge(_mojibake(SAMPLES[language], encoding))
    assert reason is not None and reason.startswith("accented Latin letters"), reason


def test_glyph_codes_in_the_private_use_area_are_garbled() -> None:
    text = "".join(chr(0xF000 + ord(c) % 256) if c.isalpha() else c for c in SAMPLES["ru"])
    assert garbled.judge(text) == "private-use characters instead of letters"


def test_letters_of_unrelated_scripts_in_turn_are_garbled() -> None:
    pick = random.Random(4).choice
    text = "".join(pick("абвгдежзabcdefghαβγδεζηθ") if c.isalpha() else c for c in SAMPLES["ru"])
    assert garbled.judge(text) == "letters of unrelated scripts mixed in every word"


def test_symbols_where_letters_should_be_are_garbled() -> None:
    pick = random.Random(5).choice
    text = "".join(pick("©®¤¢£¥¶¬¦¨") if c.isalpha() and i % 3 else c for i, c in enumerate(SAMPLES["en"]))
    assert garbled.judge(text) == "more symbols than letters"


# --- in a PDF -------------------------------------------------------------------------------------------------


def _hostile_make() -> Any:
    spec = importlib.util.spec_from_file_location("hostile_make_garbled", ROOT / "tests" / "hostile" / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _hostile_make()

#: Font F1 as object 3 (Times-Roman) and F2 as object 4: WinAnsi, with byte 0xB7 drawn as Symbol's bullet glyph.
_F2 = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding " \
      b"/BaseEncoding /WinAnsiEncoding /Differences [183 /uniF0B7] >> >>"
_RESOURCES = b"<< /Font << /F1 3 0 R /F2 4 0 R >> >>"


def _page(*lines: bytes, font: bytes = b"F1", top: int = 780) -> bytes:
    body = b" ".join(b"0 -15 Td (%s) Tj" % line for line in lines)
    return b"BT /%s 11 Tf 72 %d Td %s ET\n" % (font, top, body)


def _pdf(tmp_path: Path, pages: list[bytes]) -> Path:
    objects = {4: _F2}
    contents = []
    for number, content in enumerate(pages, start=5):
        objects[number] = hostile._pdf_stream(content)
        contents.append(b"%d 0 R" % number)
    path = tmp_path / "draft.pdf"
    path.write_bytes(hostile._pdf_pages(contents, objects, _RESOURCES))
    return path


#: Russian as a font without a Unicode map gives it: the Windows-1251 bytes, read through WinAnsi.
_GARBLED_LINES = [SAMPLES["ru"][k:k + 60].encode("cp1251").replace(b"(", b"\\(").replace(b")", b"\\)")
                  for k in range(0, 180, 60)]
_CLEAN_LINES = [b"Article 1", b"Scope", b"This Convention applies to the prevention, investigation and",
                b"prosecution of the offences established in accordance with it."]


_LAST_LINES = [b"Article 3", b"Entry into force", b"The Convention enters into force on the ninetieth day after",
               b"the deposit of the tenth instrument of ratification."]


def test_a_garbled_page_is_left_out_and_named_and_the_others_are_read(tmp_path: Path) -> None:
    draft = load(_pdf(tmp_path, [_page(*_CLEAN_LINES), _page(b"Article 2", *_GARBLED_LINES, font=b"F2", top=700),
                                 _page(*_LAST_LINES, top=740)]))
    assert [a.node.label for a in draft.articles()] == ["1", "3"]
    assert all("Ñ" not in n.text and "à" not in n.text for n in draft.walk())
    (warning,) = [str(w) for w in draft.warnings if "does not decode" in str(w)]
    assert "(accented Latin letters where words should be" in warning and ": 2 — read them with --ocr" in warning


def test_a_pdf_whose_every_page_is_garbled_is_refused(tmp_path: Path) -> None:
    path = _pdf(tmp_path, [_page(*_GARBLED_LINES, font=b"F2"), _page(*_GARBLED_LINES, font=b"F2", top=700)])
    with pytest.raises(LoadError) as caught:
        load(path)
    message = str(caught.value)
    assert "the text layer does not decode: accented Latin letters" in message and "on pages 1, 2" in message
    assert "ocrmypdf" in message


def test_a_symbol_font_bullet_is_a_bullet(tmp_path: Path) -> None:
    draft = load(_pdf(tmp_path, [_page(*_CLEAN_LINES, b"\xb7 the first point of the list;", font=b"F2")]))
    texts = [n.text for n in draft.walk() if n.text]
    assert "the first point of the list;" in texts  # a list item of its own, its bullet no word of it
    assert not any("\uf0b7" in text or "•" in text for text in texts)


def _shifted(text: str, by: int = -29) -> str:
    """``text`` as a subset font whose codes are its letters moved by ``by`` gives it ("Article" -> "$UWLFOH")."""
    return "".join(chr(ord(ch) + by) if ch.isascii() and ch.isalpha() else ch for ch in text)


def test_letters_shifted_by_a_font_without_a_map_are_garbled() -> None:
    assert garbled.judge(_shifted(SAMPLES["en"] + " Member States shall ensure that the Commission is informed."))
    assert garbled.judge(SAMPLES["en"] + " Member States shall ensure that the Commission is informed.") is None
    assert garbled.judge("The fee is $10,000 or €5,000 (see #12), payable by 3 May; 4a and 12aa apply. " * 3) is None


def test_a_page_of_shifted_letters_is_left_out_and_named(tmp_path: Path) -> None:
    lines = [_shifted(line.decode()).encode().replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
             for line in
             [b"Article 2", b"General obligation", b"States Parties shall take the measures that are necessary",
              b"to give effect to this Convention in the States and Territories they represent.",
              b"Each State Party shall report to the Conference of the Parties on those measures."]]
    draft = load(_pdf(tmp_path, [_page(*_CLEAN_LINES), _page(*lines, top=700), _page(*_LAST_LINES, top=740)]))
    assert [a.node.label for a in draft.articles()] == ["1", "3"]
    (warning,) = [str(w) for w in draft.warnings if "does not decode" in str(w)]
    assert "implausible words" in warning and ": 2 — read them with --ocr" in warning


@pytest.mark.parametrize("base", [0x4E00, 0xAC00], ids=["han", "hangul"])
def test_latin_letters_mapped_onto_a_block_of_ideographs_or_syllables_are_garbled(base: int) -> None:
    mapped = "".join(chr(base + ord(ch)) if ch.isascii() and ch.isprintable() else ch for ch in SAMPLES["en"])
    reason = garbled.judge(mapped)
    assert reason is not None and "short run of code points" in reason
    assert garbled.judge(SAMPLES["zh"]) is None
    assert garbled.judge("제1조 이 협약의 당사국은 국내법에 따라 필요한 입법 및 그 밖의 조치를 채택하고, 협약에서 정한 행위를 "
                         "범죄로 규정하며, 인권과 법치를 충분히 존중하면서 국제 협력을 강화한다.") is None
