"""Spanish: the legal vocabulary of Spanish and Latin American bills and codes, and the Spanish texts of treaties."""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION

LANGUAGE = Language(
    code="es",
    name="Spanish",
    stopwords=frozenset("el la los las de del y en un una que por con para se su sus al es lo como o no "
                        "será serán".split()),
    modals=(
        (r"no (?:podrá|podrán|deberá|deberán|puede|pueden|debe|deben)", PROHIBITION),
        (r"(?:queda|quedan) prohibid[oa]s?", PROHIBITION),
        (r"(?:procurará|procurarán|se esforzará|se esforzarán)", MEDIUM),
        (r"(?:deberá|deberán|debe|deben|está obligad[oa]|están obligad[oa]s|se compromete|se comprometen|tendrá que"
         r"|tendrán que)", STRONG),
        (r"(?:debería|deberían)", MEDIUM),
        (r"(?:podrá|podrán|puede|pueden|está facultad[oa]|están facultad[oa]s)", WEAK),
    ),
    negators=("no", "nunca", "jamás", "ningún", "ninguna", "ninguno", "nadie", "ni", "nada"),
    not_negation=(r"no (?:más|menos) (?:de|que)", r"no solo", r"no sólo", r"sin (?:perjuicio|demora|dilación)"),
    qualifiers=(
        (r"(?:de conformidad con|conforme a|con arreglo a) (?:su|sus) (?:derecho|legislación|ordenamiento)"
         r"(?: interno| nacional| jurídico)?", _D),
        (r"con sujeción a (?:su|sus) (?:derecho|legislación|ordenamiento)(?: interno| nacional| jurídico)?", _D),
        (r"(?:cuando proceda|en su caso|si procede|cuando sea posible|en la medida de lo posible|en lo posible"
         r"|cuando sea necesario|si es necesario|en principio|según proceda)", _D),
        (r"sin perjuicio de", _E),
        (r"(?:no obstante|salvo|excepto|a excepción de|con excepción de|a menos que|por excepción)", _E),
        (r"(?:siempre que|siempre y cuando|a condición de que|con la condición de)", _C),
        (r"(?:sólo|solo|únicamente|exclusivamente) (?:cuando|si|en)", _C),
        (r"en la medida en que", _C),
        (r"(?:a (?:petición|solicitud|instancia) de|con el consentimiento de|previa autorización)", _C),
    ),
    safeguards=(r"derechos (?:humanos|fundamentales)", r"libertades fundamentales", r"proporcionalidad",
                r"proporcionad[oa]s?", r"necesidad", r"autorización judicial|control judicial|juez|judicial",
                r"recursos?", r"datos personales", r"protección de datos", r"intimidad|privacidad",
                r"independen(?:te|cia)s?", r"garantías?", r"confidencialidad", r"tutela judicial"),
    exclusion_cues=(r"no (?:se aplicará|será de aplicación|serán de aplicación)", r"quedan excluid[oa]s",
                    r"con excepción de", r"salvo", r"excepto"),
    universal=("todo", "toda", "todos", "todas", "cualquier", "cualquiera", "cada"),
    particular=("un", "una", "el", "la", "los", "las", "algunos", "algunas", "determinados", "determinadas"),
    limitative=("sólo", "solo", "solamente", "únicamente", "exclusivamente"),
    and_words=("y", "e"),
    or_words=("o", "u", "y/o"),
    range_words=("a", "al"),
    number_words=(
        ("uno", 1), ("una", 1), ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7),
        ("ocho", 8), ("nueve", 9), ("diez", 10), ("once", 11), ("doce", 12), ("quince", 15), ("veinte", 20),
        ("treinta", 30), ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("cien", 100), ("ciento", 100),
        ("mil", 1000), ("millón", 10**6), ("millones", 10**6), ("mitad", 0), ("tercio", 0), ("mayoría", 0),
    ),
    number_pattern=r"(?:dieci|veinti)(?:uno|una|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)"
    r"|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa) y (?:uno|una|dos|tres|cuatro|cinco|seis"
    r"|siete|ocho|nueve)|(?:trece|catorce|dieciséis)|(?:dos|tres|cuatro|quinientos|seis)cient[oa]s",
    quantity_prefixes=(r"(?:al menos|como mínimo|como máximo|hasta|dentro de|en el plazo de|en un plazo de"
                       r"|más de|menos de|durante|antes de|después de|a partir de)",),
    units=(r"(?:días?(?: hábiles| naturales)?|semanas?|meses|mes|años?|horas?)", r"(?:por ciento|%)",
           r"(?:euros?|EUR|€|pesos|UF|UTM|unidades tributarias)", r"(?:miembros|votos|diputados|senadores)"),
    penalty_words=(r"prisión", r"multas?", r"penas?", r"sanción|sanciones", r"presidio", r"reclusión"),
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"),
    reference_heads=(r"artículos?", r"art\.", r"arts\.", r"apartados?", r"párrafos?", r"letras?", r"incisos?",
                     r"números?", r"numerales?", r"anexos?", r"títulos?", r"capítulos?", r"secciones?", r"n\.º", r"nº",
                     r"N°", r"Ley", r"Real Decreto", r"Decreto", r"Reglamento(?: \((?:UE|CE)\))?", r"Directiva",
                     r"disposición (?:adicional|transitoria|final|derogatoria)", r"BOE", r"DOUE"),
    definition_cues=(r"(?:se entiende por|se entenderá por|significa|:)",),
    determiners=tuple("el la los las un una su sus este esta estos estas".split()),
    neutral=tuple(
        "también respectivamente correspondiente correspondientes pertinente pertinentes especialmente "
        "particular el la los las de del un una en por para con al es son su sus este esta".split()
    ),
    deadlines=(
        r"sin (?:demora|dilación)(?: indebida)?",
        r"inmediatamente",
        r"a la mayor brevedad",
        r"en un plazo razonable",
    ),
    neutral_endings=("mente",),
    indicative_duty=True,
    definition_leads=(r"Por", r"Se entenderá por", r"Se entiende por"),
)

# the ordinals that number articles and divisions ("Artículo primero", "Disposición adicional decimoquinta",
# "Artículo único"), masculine and feminine, with and without the accent the stressed syllable takes
_ORDINAL = (r"(?:primer|segund|tercer|cuart|quint|sext|s[ée]ptim|octav|noven|d[ée]cim|und[ée]cim|duod[ée]cim"
            r"|(?:d[ée]cimo|vig[ée]simo|trig[ée]simo)\s?(?:primer|segund|tercer|cuart|quint|sext|s[ée]ptim|octav"
            r"|noven))[oa]|[úu]nic[oa]")

_DISPOSITIONS = (("Disposición adicional", "Disp. adic."), ("Disposición transitoria", "Disp. trans."),
                 ("Disposición derogatoria", "Disp. derog."), ("Disposición final", "Disp. final"))

STRUCTURE = Structure(
    option_words=("Opción", "Alternativa"),
    agreed_formulas=(r"Han (?:convenido|acordado) (?:en )?lo siguiente",),
    # "Reconociendo que ...,", "Preocupados por ...,": gerunds and the adjectives of the UN preambles
    recital_openers=(r"[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ando|iendo|yendo)",
                     r"(?:Preocupados|Conscientes|Convencidos|Decididos|Resueltos|Deseosos|Alarmados|Persuadidos"
                     r"|Profundamente|Gravemente)"),
    # the dispositions closing a Spanish law, each numbered in its own series ("Disposición adicional primera.",
    # "Disposición derogatoria única.", "Disposición final segunda bis (nueva).")
    article_words=("Artículo", "Art.", *(word for word, _ in _DISPOSITIONS)),
    plural_article_words=(("Artículos", "Artículo"),),
    number_words=_ORDINAL,
    divisions=(("Parte", "part"), ("Título", "title"), ("Capítulo", "chapter"), ("Sección", "section"),
               ("Anexo", "annex")),
    annex_plurals=("Anexos",),
    deleted=("suprimido", "suprimida", "derogado", "derogada"),
    # "ARTÍCULO 1°.- Modifícase ..." (a Chilean bill): the text runs on after ".-"; "Artículo 1. Objeto." is a title
    run_in=True,
    stopped_titles=("Artículo", *(word for word, _ in _DISPOSITIONS)),
    designations=_DISPOSITIONS,
    # "Disposición final primera pre (nueva)": a unit inserted before "primera", as "bis" inserts one after it
    suffixes=("pre",),
)
