"""Portuguese headings (``treatydiff/lang/pt.py``): "Artigo 1.º" with its ordinal sign, "Artigo único", "Capítulo
II", the title on the next line."""

from __future__ import annotations

from lang_cases import headings


def test_portuguese_headings() -> None:
    text = ("CAPÍTULO II\nDireitos, liberdades e garantias pessoais\n\nArtigo 24.º\nDireito à vida\n\n"
            "A vida humana é inviolável.\n\nArtigo único\n\nÉ revogado o Decreto-Lei n.º 1/2000.\n")
    assert headings(text) == [
        ("chapter", "II", "Direitos, liberdades e garantias pessoais", ""),
        ("article", "24", "Direito à vida", "A vida humana é inviolável."),
        ("article", "único", "", "É revogado o Decreto-Lei n.º 1/2000."),
    ]


def test_a_revoked_article_keeps_its_full_stop_inside() -> None:
    text = "Artigo 2.º\n(Revogado.)\n\nArtigo 3.º\nObjeto\n\nA lei aplica-se.\n"
    assert headings(text) == [("article", "2", "", "(Revogado.)"), ("article", "3", "Objeto", "A lei aplica-se.")]


def test_an_inserted_article_with_its_letter_after_the_ordinal_sign() -> None:
    text = "Artigo 4.º\nObjeto\n\nTexto.\n\nArtigo 4.º-A\nNovo\n\nTexto novo.\n"
    assert [(row[1], row[2]) for row in headings(text)] == [("4", "Objeto"), ("4-A", "Novo")]
