"""Italian: the headings of the Costituzione and Italian statutes (the legal-meaning flags have no Italian vocabulary
yet)."""

from treatydiff.lang.base import Structure

STRUCTURE = Structure(
    article_words=("Articolo", "Art."),
    plural_article_words=(("Articoli", "Articolo"),),
    divisions=(("Parte", "part"), ("Titolo", "title"), ("Capo", "chapter"), ("Capitolo", "chapter"),
               ("Sezione", "section"), ("Allegato", "annex")),
    annex_plurals=("Allegati",),
    deleted=("soppresso", "soppressa", "abrogato", "abrogata"),
)
