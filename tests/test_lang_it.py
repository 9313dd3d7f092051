"""Italian headings (``treatydiff/lang/it.py``): "Art. 1", "Articolo 2", "Titolo I", "Allegato A", "Abrogato"."""

from __future__ import annotations

from lang_cases import headings


def test_italian_headings() -> None:
    text = ("TITOLO I\nRAPPORTI CIVILI\n\nArt. 13\n\nLa libertà personale è inviolabile.\n\n"
            "Articolo 14\n\n(Abrogato)\n\nAllegato A\n\nElenco delle sedi.\n")
    rows = headings(text)
    assert rows[:3] == [
        ("title", "I", "RAPPORTI CIVILI", ""),
        ("article", "13", "", "La libertà personale è inviolabile."),
        ("article", "14", "", "(Abrogato)"),
    ]
    assert rows[3][:2] == ("annex", "A")


def test_capo_and_articles_whose_number_ends_with_a_full_stop() -> None:
    text = "Capo I\nPrincipi\n\nArt. 1.\nLa legge si applica.\n\nCAPO II\nAltro\n\nArt. 2.\nAltro testo qui.\n"
    assert headings(text) == [
        ("chapter", "I", "Principi", ""),
        ("article", "1", "", "La legge si applica."),
        ("chapter", "II", "Altro", ""),
        ("article", "2", "", "Altro testo qui."),
    ]


def test_hyphenated_latin_suffixes() -> None:
    text = "Art. 4.\nTesto qui.\n\nArt. 4-bis.\nAltro testo.\n\nArt. 1-ter\nTesto ancora.\n"
    assert [row[1] for row in headings(text)] == ["4", "4-bis", "1-ter"]
