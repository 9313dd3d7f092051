"""Dutch: the legal vocabulary of the Grondwet, Dutch statutes and the Dutch texts of treaties."""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION

LANGUAGE = Language(
    code="nl",
    name="Dutch",
    stopwords=frozenset("de het een van en in is dat op te zijn voor met die niet aan er door worden wordt bij "
                        "of als ook tot deze zich".split()),
    modals=(
        (r"(?:mag|mogen) niet", PROHIBITION),
        (r"(?:is|zijn) verboden", PROHIBITION),
        (r"(?:moet|moeten|dient|dienen|is verplicht|zijn verplicht|verbindt zich|verbinden zich)", STRONG),
        (r"(?:zal|zullen)", STRONG),
        (r"(?:streeft|streven) (?:ernaar|naar)", MEDIUM),
        (r"(?:behoort|behoren)", MEDIUM),
        (r"(?:kan|kunnen|mag|mogen|is bevoegd|zijn bevoegd)", WEAK),
    ),
    negators=("niet", "geen", "nooit", "niemand", "noch", "niets"),
    not_negation=(r"niet (?:later|eerder|meer|minder) dan", r"niet alleen", r"zonder (?:vertraging|uitstel)"),
    qualifiers=(
        (r"(?:overeenkomstig|in overeenstemming met) (?:zijn|haar|hun|het) (?:nationale |interne )?(?:recht|wetgeving)",
         _D),
        (r"(?:waar|indien|zo|voor zover) (?:passend|mogelijk|nodig|noodzakelijk|van toepassing)", _D),
        (r"(?:zo veel mogelijk|zoveel mogelijk|in beginsel|in de regel|zo nodig)", _D),
        (r"onverminderd", _E),
        (r"(?:in afwijking van|behoudens|tenzij|met uitzondering van|uitgezonderd|behalve)", _E),
        (r"(?:mits|op voorwaarde dat|onder voorwaarde dat)", _C),
        (r"(?:alleen|slechts|uitsluitend) (?:indien|wanneer|als|voor zover|in)", _C),
        (r"voor zover", _C),
        (r"(?:met toestemming|op verzoek|op aanvraag) van", _C),
    ),
    safeguards=(r"grondrechten", r"rechten van de mens", r"mensenrechten", r"evenredig(?:heid)?", r"noodzakelijk",
                r"rechter(?:lijke)?", r"beroep", r"persoonsgegevens", r"persoonlijke levenssfeer", r"privacy",
                r"onafhankelijk(?:e|heid)?", r"waarborgen", r"vertrouwelijk(?:heid)?", r"rechtsbescherming"),
    exclusion_cues=(r"(?:is|zijn) niet van toepassing", r"met uitzondering van", r"uitgezonderd", r"behalve"),
    universal=("ieder", "iedere", "elk", "elke", "alle", "enig", "enige"),
    particular=("een", "de", "het", "bepaalde", "sommige"),
    limitative=("alleen", "slechts", "uitsluitend"),
    and_words=("en",),
    or_words=("of", "dan wel", "en/of"),
    range_words=("tot", "t/m"),
    number_words=(
        ("een", 1), ("één", 1), ("eenmaal", 1),
        ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7), ("acht", 8),
        ("negen", 9), ("tien", 10), ("elf", 11), ("twaalf", 12), ("twintig", 20), ("dertig", 30), ("veertig", 40),
        ("vijftig", 50), ("honderd", 100), ("duizend", 1000), ("miljoen", 10**6), ("helft", 0), ("derde", 3),
        ("tweederde", 0), ("meerderheid", 0),
    ),
    number_pattern=r"(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(?:twintig|dertig|veertig|vijftig|zestig"
    r"|zeventig|tachtig|negentig)|(?:dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)"
    r"|twee derde",
    quantity_prefixes=(r"(?:ten minste|tenminste|ten hoogste|uiterlijk|binnen|na|voor|vanaf|tot|niet meer dan"
                       r"|meer dan|minder dan|maximaal|minimaal)",),
    units=(r"(?:dagen|dag|weken|week|maanden|maand|jaren|jaar|uren|uur)", r"(?:procent|%)", r"(?:euro|EUR|€)",
           r"(?:leden|stemmen)"),
    penalty_words=(r"gevangenisstraf", r"geldboete", r"hechtenis", r"straf"),
    months=("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december"),
    reference_heads=(r"[Aa]rtikel(?:en)?", r"art\.", r"lid", r"leden", r"onderdeel", r"onder", r"bijlage",
                     r"hoofdstuk", r"afdeling", r"paragraaf", r"§+", r"Trb\.", r"Stb\.", r"nr\.", r"blz\."),
    definition_cues=(r"(?:wordt verstaan onder|wordt verstaan|betekent|:)",),
    determiners=tuple("de het een zijn haar hun dit dat deze die".split()),
    neutral=tuple(
        "ook tevens respectievelijk betrokken betreffende desbetreffende bedoelde bedoeld met name de het "
        "een van in op voor met aan door bij tot is zijn wordt worden".split()
    ),
    deadlines=(
        r"onverwijld",
        r"zonder (?:onnodige )?vertraging",
        r"onmiddellijk",
        r"binnen een redelijke termijn",
    ),
    neutral_endings=(),
)

STRUCTURE = Structure(
    article_words=("Artikel", "Art."),
    plural_article_words=(("Artikelen", "Artikel"),),
    divisions=(("Deel", "part"), ("Titel", "title"), ("Hoofdstuk", "chapter"), ("Afdeling", "section"),
               ("Paragraaf", "section"), ("Bijlage", "annex")),
    annex_plurals=("Bijlagen",),
    deleted=("vervallen",),
)
