"""Spanish headings (``treatydiff/lang/es.py``): ordinals as numbers ("Artículo primero", "Artículo único"), a
title closed by its full stop ("Artículo 1. Objeto."), a Chilean bill's text run on after ".-", the dispositions of
a Spanish law."""

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


def test_the_dispositions_are_units_of_their_own_series() -> None:
    from treatydiff.load import load_text

    text = ("Artículo 1. Objeto.\nEsta ley regula la economía social.\n\n"
            "Disposición adicional primera. Informe.\nEl Gobierno presentará un informe en el plazo de seis meses.\n\n"
            "Disposición transitoria única. Régimen transitorio.\nLos procedimientos iniciados continuarán.\n\n"
            "Disposición derogatoria única. Derogación normativa.\nQuedan derogadas las normas contrarias.\n\n"
            "Disposición final primera pre (nueva). Modificación de la Ley 31/1995.\nSe modifica el artículo 2.\n\n"
            "Disposición final primera. Entrada en vigor.\nLa presente ley entrará en vigor al día siguiente.\n\n"
            "DISPOSICIÓN FINAL SEGUNDA BIS. Habilitación.\nSe habilita al Gobierno.\n")
    assert headings(text)[1:3] == [
        ("article", "primera", "Informe", "El Gobierno presentará un informe en el plazo de seis meses."),
        ("article", "única", "Régimen transitorio", "Los procedimientos iniciados continuarán."),
    ]
    articles = [p.node for p in load_text(text, format="txt").articles()]
    # each report names it as the law cites it, apart from the articles: "Disp. final primera", not "Art. 1"
    assert [(a.designation, a.label) for a in articles] == [
        ("", "1"), ("Disp. adic.", "primera"), ("Disp. trans.", "única"), ("Disp. derog.", "única"),
        ("Disp. final", "primera pre"), ("Disp. final", "primera"), ("Disp. final", "SEGUNDA BIS"),
    ]
    # the Spanish section "Sección 1.ª": its ordinal sign is part of its number
    sections = headings("CAPÍTULO I\nDisposiciones generales\n\nSección 1.ª Objeto\n\n"
                        "Artículo 1. Objeto.\nEsta ley regula la economía social de que se trata.\n")
    assert sections[1][:2] == ("section", "1")
