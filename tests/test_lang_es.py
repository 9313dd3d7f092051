"""Spanish headings (``treatydiff/lang/es.py``): ordinals as numbers ("Artículo primero", "Artículo único"), a
title closed by its full stop ("Artículo 1. Objeto."), a Chilean bill's text run on after ".-"."""

from __future__ import annotations

from lang_cases import headings


def test_ordinals_and_stopped_titles() -> None:
    text = ("Artículo primero. Modificación de la Ley 27/1999, de 16 de julio, de Cooperativas.\n\n"
            "La Ley 27/1999 queda modificada como sigue.\n\n"
            "Artículo cuarto (nuevo). Modificación de la Ley 20/1990.\n\n"
            "Se modifica el artículo 2.\n")
    assert headings(text) == [
        ("article", "primero", "Modificación de la Ley 27/1999, de 16 de julio, de Cooperativas",
         "La Ley 27/1999 queda modificada como sigue."),
        ("article", "cuarto", "(nuevo). Modificación de la Ley 20/1990", "Se modifica el artículo 2."),
    ]


def test_a_chilean_article_runs_on_after_its_dash() -> None:
    # (the reader writes curly quotes straight)
    text = ("ARTÍCULO 1°.- Modifícase el artículo 6 de la ley N° 17.798.\n\n"
            "Artículo único: Sustitúyase la palabra “tercer” por la palabra “primer”.\n")
    assert headings(text) == [
        ("article", "1", "", "Modifícase el artículo 6 de la ley N° 17.798."),
        ("article", "único", "", 'Sustitúyase la palabra "tercer" por la palabra "primer".'),
    ]


def test_a_division_numbered_by_an_ordinal() -> None:
    text = "TÍTULO PRIMERO\nDisposiciones generales\n\nArtículo 1. Objeto.\n\nEsta ley regula la economía social.\n"
    assert headings(text) == [
        ("title", "PRIMERO", "Disposiciones generales", ""),
        ("article", "1", "Objeto", "Esta ley regula la economía social."),
    ]


def test_a_stopped_title_and_its_text_on_the_next_line() -> None:
    text = ("Artículo 2. Ámbito de aplicación.\nEsta ley se aplica a todas las cooperativas.\n\n"
            "Artículo cuarto. Modificación de la Ley 20/1990, de 19 de diciembre, sobre Régimen\n"
            "Fiscal de las Cooperativas.\n\nSe añade una letra f) al artículo 7.\n")
    assert headings(text) == [
        ("article", "2", "Ámbito de aplicación", "Esta ley se aplica a todas las cooperativas."),
        ("article", "cuarto", "Modificación de la Ley 20/1990, de 19 de diciembre, sobre Régimen Fiscal de las "
         "Cooperativas", "Se añade una letra f) al artículo 7."),
    ]
