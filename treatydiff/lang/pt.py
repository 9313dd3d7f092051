"""Portuguese: the headings of Portuguese and Brazilian laws and the Portuguese texts of treaties (the legal-meaning
flags have no Portuguese vocabulary yet)."""

from treatydiff.lang.base import Structure

STRUCTURE = Structure(
    article_words=("Artigo", "Art."),
    plural_article_words=(("Artigos", "Artigo"),),
    number_words=r"[úu]nico",  # "Artigo único"; "Artigo 1.º" is read by the parser's ordinal sign
    divisions=(("Parte", "part"), ("Título", "title"), ("Capítulo", "chapter"), ("Secção", "section"),
               ("Seção", "section"), ("Subsecção", "subsection"), ("Subseção", "subsection"), ("Anexo", "annex")),
    annex_plurals=("Anexos",),
    deleted=("revogado", "revogada"),
)
