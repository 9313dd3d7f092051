"""French headings (``treatydiff/lang/fr.py``): "Article premier" and "Article 1er" as the first article, a French
code's "Article L. 121-1", titles numbered "TITRE Ier", chapters and annexes, and a repealed article kept as a
placeholder."""

from __future__ import annotations

from lang_cases import headings

from treatydiff import load_text

CONSTITUTION = """TITRE Ier
DE LA SOUVERAINETÉ

Article premier
La France est une République indivisible, laïque, démocratique et sociale.

Article 2
La langue de la République est le français.

TITRE II
LE PRÉSIDENT DE LA RÉPUBLIQUE

Article 1er bis
Texte inséré.

Chapitre III
Dispositions finales

Article L. 121-1
Les pratiques commerciales déloyales sont interdites.

Article 12 [supprimé]

Annexe I
Liste des substances
"""


def test_the_headings_of_a_constitution_and_of_a_code() -> None:
    assert headings(CONSTITUTION) == [
        ("title", "Ier", "DE LA SOUVERAINETÉ", ""),
        ("article", "premier", "", "La France est une République indivisible, laïque, démocratique et sociale."),
        ("article", "2", "", "La langue de la République est le français."),
        ("title", "II", "LE PRÉSIDENT DE LA RÉPUBLIQUE", ""),
        ("article", "1er bis", "", "Texte inséré."),
        ("chapter", "III", "Dispositions finales", ""),
        ("article", "L. 121-1", "", "Les pratiques commerciales déloyales sont interdites."),
        ("article", "12", "", "[supprimé]"),
        ("annex", "I", "Liste des substances", ""),
    ]


def test_a_repealed_article_is_a_placeholder_and_the_draft_is_french() -> None:
    draft = load_text(CONSTITUTION, format="txt")
    assert draft.language == "fr"
    assert [(p.node.label, p.node.deleted) for p in draft.articles()][-2:] == [("L. 121-1", False), ("12", True)]
