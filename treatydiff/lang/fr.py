"""French: the legal vocabulary of French codes, the Constitution and the French texts of treaties and EU acts."""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION

LANGUAGE = Language(
    code="fr",
    name="French",
    stopwords=frozenset("le la les de des du et en un une est à au aux par pour sur dans que qui sont il ne pas "
                        "ou ce cette ses son leur".split()),
    modals=(
        (r"(?:ne (?:peut|peuvent|doit|doivent) (?:pas|en aucun cas|plus)?|ne saurait|ne sauraient)", PROHIBITION),
        (r"(?:est|sont) (?:interdits?|interdites?|prohibée?s?)", PROHIBITION),
        (r"(?:s'efforce(?:nt)?|s'attache(?:nt)?|envisage(?:nt)?) (?:de|d')", MEDIUM),
        (r"(?:doit|doivent|(?:est|sont) tenue?s? (?:de|d')|s'engage(?:nt)? à|(?:est|sont) obligée?s?)", STRONG),
        (r"(?:devrait|devraient)", MEDIUM),
        (r"(?:peut|peuvent|(?:est|sont) habilitée?s?|(?:est|sont) autorisée?s?|a la faculté|ont la faculté)", WEAK),
    ),
    negators=("ne", "n'", "pas", "non", "aucun", "aucune", "jamais", "nul", "nulle", "ni", "rien"),
    not_negation=(r"(?:au plus tard|pas plus tard)", r"non seulement", r"sans (?:préjudice|délai|retard)",
                  r"(?:ne|n') (?:\w+ ){1,3}que"),
    qualifiers=(
        (r"(?:conformément|en conformité) (?:à|avec) (?:son|leur|sa) (?:droit|législation|système juridique)"
         r"(?: interne| national)?", _D),
        (r"sous réserve (?:de|du) (?:son|leur|sa) (?:droit|législation)(?: interne| nationale?)?", _D),
        (r"selon qu'il convient|selon que de besoin", _D),
        (r"(?:le cas échéant|s'il y a lieu|en tant que de besoin|si nécessaire|au besoin|si possible"
         r"|dans la mesure du possible|autant que possible|en principe|selon les cas)", _D),
        (r"(?:dans la mesure où|pour autant que)", _C),
        (r"sans préjudice (?:de|du|des)", _E),
        (r"(?:par dérogation|en dérogation|déroger)", _E),
        (r"(?:nonobstant|sauf|hormis|excepté|à l'exception de|à moins que|sous réserve de)", _E),
        (r"(?:à condition que|pourvu que|sous condition)", _C),
        (r"(?:seulement|uniquement|exclusivement) (?:si|lorsque|dans)", _C),
        (r"lorsque", _C),
        (r"(?:à la demande|sur demande|avec l'accord|avec le consentement|après avis)", _C),
    ),
    safeguards=(r"droits (?:de l'homme|fondamentaux)", r"libertés? fondamentales?", r"proportionnalité",
                r"proportionnée?s?", r"nécessité", r"juge|judiciaire|juridiction", r"recours", r"contrôle",
                r"données à caractère personnel", r"vie privée", r"indépendan(?:t|te|ce)s?", r"garanties?",
                r"confidentialité", r"droits de la défense", r"Conseil constitutionnel", r"parité|égal accès"),
    exclusion_cues=(r"ne s'applique(?:nt)? pas", r"à l'exception de", r"sauf", r"hormis", r"excepté"),
    universal=("tout", "toute", "tous", "toutes", "chaque", "quelconque"),
    particular=("un", "une", "le", "la", "les", "certains", "certaines", "des"),
    limitative=("seulement", "uniquement", "exclusivement", "seul", "seule", "seuls", "seules"),
    and_words=("et",),
    or_words=("ou", "et/ou"),
    range_words=("à", "au"),
    number_words=(
        ("un", 1), ("une", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7),
        ("huit", 8), ("neuf", 9), ("dix", 10), ("onze", 11), ("douze", 12), ("quinze", 15), ("vingt", 20),
        ("trente", 30), ("quarante", 40), ("cinquante", 50), ("soixante", 60), ("cent", 100), ("mille", 1000),
        ("million", 10**6), ("millions", 10**6), ("moitié", 0), ("tiers", 0), ("majorité", 0),
        ("trois cinquièmes", 0), ("deux tiers", 0),
    ),
    number_pattern=r"(?:dix|vingt|trente|quarante|cinquante|soixante|quatre-vingt)(?:-et-|-| et )?(?:un|une|deux|trois"
    r"|quatre|cinq|six|sept|huit|neuf|dix|onze)|(?:treize|quatorze|seize)|(?:deux|trois|quatre|cinq) cents?",
    quantity_prefixes=(r"(?:au moins|au plus|au plus tard|au minimum|au maximum|jusqu'à|dans un délai de|dans les"
                       r"|plus de|moins de|pendant|avant|après|à compter de|dès)",),
    units=(r"(?:jours?|semaines?|mois|ans|années?|heures?)", r"(?:pour cent|%)", r"(?:euros?|EUR|€)",
           r"(?:membres|voix|députés|sénateurs|suffrages)"),
    penalty_words=(r"emprisonnement", r"amendes?", r"peines?", r"réclusion", r"sanctions?"),
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"),
    reference_heads=(r"articles?", r"art\.", r"alinéas?", r"paragraphes?", r"points?", r"annexes?", r"titres?",
                     r"chapitres?", r"sections?", r"§+", r"n°", r"no", r"règlement(?: \((?:UE|CE)\))?(?: n°)?",
                     r"directive", r"JO [LC]", r"p\."),
    definition_cues=(r"(?:désigne|désignent|s'entend|s'entendent|on entend par|signifie)",),
    determiners=tuple("le la les un une son sa ses leur leurs ce cet cette ces".split()),
    neutral=tuple(
        "aussi également respectivement concerné concernés concernée concernées notamment ainsi dont le "
        "la les de des du un une au aux en par pour sur dans est sont ce cette ces".split()
    ),
    deadlines=(
        r"sans (?:délai|retard(?: injustifié)?)",
        r"immédiatement",
        r"dans les meilleurs délais",
        r"dans un délai raisonnable",
    ),
    neutral_endings=("ment",),
    indicative_duty=True,
    definition_leads=(r"L'expression", r"Le terme", r"Les termes", r"On entend par", r"Par"),
)

STRUCTURE = Structure(
    agreed_formulas=(r"(?:Sont|SONT) (?:convenus|CONVENUS) de ce qui suit",),
    # "Reconnaissant que ...,", "Préoccupés par ...,": participles and the adjectives of the UN preambles
    recital_openers=(r"[A-ZÉÈ][a-zéèêàç]+ants?", r"(?:Préoccupés|Conscients|Convaincus|Résolus|Déterminés|Persuadés"
                     r"|Alarmés|Désireux|Profondément|Gravement|Prenant acte|Tenant compte|Gardant à l'esprit)"),
    article_words=("Article", "Art."),
    plural_article_words=(("Articles", "Article"),),
    number_words=r"premier|Ier",  # "Article premier", "TITRE Ier"
    divisions=(("Partie", "part"), ("Titre", "title"), ("Chapitre", "chapter"), ("Section", "section"),
               ("Sous-section", "subsection"), ("Annexe", "annex")),
    annex_plurals=("Annexes",),
    deleted=("supprimé", "supprimée", "abrogé", "abrogée"),
)
