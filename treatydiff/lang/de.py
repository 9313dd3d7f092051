"""German: the legal vocabulary of federal statutes and the Basic Law (Grundgesetz)."""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION
_N = r"(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"

LANGUAGE = Language(
    code="de",
    name="German",
    stopwords=frozenset("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "
                        "werden aus er hat dass sie nach wird bei oder".split()),
    modals=(
        (r"(?:darf|dürfen) (?:nicht|nur|keine?n?)", PROHIBITION),
        (r"(?:ist|sind) (?:unzulässig|verboten|untersagt)", PROHIBITION),
        (r"(?:ist|sind) (?:\w+ ){0,4}ausgeschlossen", PROHIBITION),
        (r"(?:ist|sind) (?:verpflichtet|gehalten)", STRONG),
        (r"(?:obliegt|obliegen)", STRONG),
        # the passive duty of statutes: "ist ... bekanntzumachen", "sind ... zu leisten"
        (r"(?:ist|sind) (?:[\w.-]+ ){0,8}(?:zu [a-zäöü]\w*en|[a-zäöü]+zu[a-zäöü]+en)", STRONG),
        (r"(?:muss|müssen|hat|haben) (?:\w+ ){0,6}zu", STRONG),
        (r"muss|müssen", STRONG),
        (r"(?:soll|sollen)", MEDIUM),
        (r"(?:kann|können|darf|dürfen)", WEAK),
        (r"(?:ist|sind) (?:berechtigt|befugt|ermächtigt)", WEAK),
    ),
    negators=("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "niemand", "weder",
              "nichts"),
    not_negation=(r"nicht (?:mehr|weniger|später|früher) als", r"nicht nur", r"ohne (?:Verzug|Rücksicht)",
                  r"noch nicht", r"weder noch"),
    qualifiers=(
        (r"(?:nach|im Rahmen|nach Maßgabe) (?:der|des|eines|seiner|ihrer) "
         r"(?:Gesetze|Gesetzes|Landesrechts|Bundesrechts)|nach Maßgabe (?:des|der|eines) \w+", _D),
        (r"(?:soweit|sofern) (?:möglich|erforderlich|angemessen|zweckmäßig|geboten)", _D),
        (r"(?:gegebenenfalls|ggf\.|erforderlichenfalls|nach Möglichkeit|möglichst|in der Regel|grundsätzlich"
         r"|angemessen|angemessenen?)", _D),
        (r"(?:nach|in) (?:pflichtgemäßem )?Ermessen", _D),
        (r"unbeschadet", _E),
        (r"(?:abweichend|Abweichungen?) von", _E),
        (r"(?:es sei denn|außer (?:wenn|in|bei)|ausgenommen|mit Ausnahme (?:von|der|des))", _E),
        (r"(?:gilt|gelten) nicht", _E),
        (r"(?:vorbehaltlich|unter dem Vorbehalt)", _C),
        (r"(?:sofern|soweit|insoweit)", _C),
        (r"(?:nur|lediglich|ausschließlich) (?:wenn|soweit|sofern|im Falle|in Fällen|auf Grund)", _C),
        (r"(?:mit Zustimmung|im Einvernehmen|im Benehmen)", _C),
        (r"auf (?:Antrag|Ersuchen|Verlangen)", _C),
    ),
    safeguards=(
        r"Grundrechte?n?", r"Menschenrechte?n?", r"Menschenwürde|Würde des Menschen", r"Verhältnismäßigkeit",
        r"verhältnismäßig(?:e|en|er)?", r"richterliche[rn]? (?:Anordnung|Entscheidung|Kontrolle|Überprüfung)",
        r"Richter(?:vorbehalt|s)?", r"Gerichte?s?", r"Rechtsweg", r"Rechtsschutz", r"rechtliche[sn]? Gehör",
        r"Datenschutz(?:es)?", r"personenbezogene[rn]? Daten", r"Unabhängigkeit|unabhängige[rn]?",
        r"Benachrichtigung", r"Beschwerde", r"Verfassungsbeschwerde", r"Anhörung",
    ),
    exclusion_cues=(r"(?:gilt|gelten|findet|finden) (?:\w+ )?(?:nicht|keine Anwendung)", r"ausgenommen",
                    r"mit Ausnahme", r"außer", r"nicht (?:erfasst|umfasst)"),
    universal=("jeder", "jede", "jedes", "jeden", "jedem", "alle", "allen", "aller", "sämtliche", "sämtlichen"),
    particular=("ein", "eine", "einer", "einen", "einem", "eines", "der", "die", "das", "bestimmte", "bestimmten",
                "einige", "einzelne", "einzelnen"),
    limitative=("nur", "lediglich", "ausschließlich", "allein"),
    and_words=("und", "sowie"),
    or_words=("oder", "beziehungsweise", "bzw."),
    range_words=("bis",),
    number_words=(
        ("eins", 1), ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8),
        ("neun", 9), ("zehn", 10), ("elf", 11), ("zwölf", 12), ("zwanzig", 20), ("dreißig", 30), ("vierzig", 40),
        ("fünfzig", 50), ("hundert", 100), ("tausend", 1000), ("Million", 10**6), ("Millionen", 10**6),
        ("Milliarde", 10**9), ("Milliarden", 10**9), ("Hälfte", 0), ("Drittel", 0), ("Viertel", 0),
        ("Mehrheit", 0), ("zweimal", 2), ("dreimal", 3),
    ),
    number_pattern=rf"(?:{_N}und)?(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
    rf"|(?:dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn)|{_N}hundert|{_N}tausend"
    r"|zwei Drittel|(?:erste|zweite|dritte|vierte|fünfte)[nrs]?",
    quantity_prefixes=(r"(?:mindestens|höchstens|spätestens|frühestens|bis zu|nicht mehr als|mehr als|weniger als"
                       r"|innerhalb von|innerhalb|binnen|nach|vor|ab|seit|bis zum|bis)",),
    units=(r"(?:Tage?n?|Wochen?|Monate?n?|Jahre?n?|Stunden?|Kalenderjahre?n?|Haushaltsjahre?n?)",
           r"(?:Prozent|vom Hundert|v\. ?H\.|%)", r"(?:Euro|EUR|€|Deutsche Mark|DM)", r"(?:Mitglieder|Stimmen)"),
    penalty_words=(r"Freiheitsstrafe", r"Geldstrafe", r"Geldbuße", r"Strafe", r"Haft", r"Bußgeld"),
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"),
    reference_heads=(r"Art\.", r"Artikels?", r"Artikeln", r"§+", r"Absatz", r"Absatzes", r"Absätze", r"Abs\.",
                     r"Satz", r"Satzes", r"Sätze", r"Nummer", r"Nr\.", r"Buchstabe", r"Buchst\.", r"Anlage",
                     r"Anhang", r"Kapitel", r"Abschnitt", r"Abschnitts", r"Teil", r"Halbsatz", r"Verordnung"
                     r"(?: \((?:EU|EG|EWG)\))?(?: Nr\.)?", r"Richtlinie", r"BGBl\.?(?: I| II)?", r"S\.", r"Seite",
                     r"ABl\.?(?: [LC])?", r"Drucksache"),
    definition_cues=(r"(?:ist|sind|bezeichnet|bedeutet|im Sinne)",),
    determiners=tuple("der die das des dem den ein eine einer eines einem einen sein seine seiner seines seinem "
                      "seinen ihr ihre ihrer ihres ihrem ihren".split()),
    neutral=tuple(
        "auch ferner jeweils jeweiligen betreffenden entsprechend entsprechenden insbesondere hierzu "
        "hierfür dabei dazu daher sowie der die das des dem den ein eine einer eines einem einen zu von "
        "mit für auf aus bei nach im in ist sind wird werden hat haben".split()
    ),
    deadlines=(
        r"unverzüglich",
        r"ohne (?:schuldhaftes )?Zögern",
        r"sofort",
        r"umgehend",
        r"rechtzeitig",
        r"innerhalb angemessener Frist",
    ),
    neutral_endings=(),
)

STRUCTURE = Structure(
    article_words=("Artikel", "Art.", "Art", "§"),
    plural_article_words=(("§§", "§"),),
    number_words=r"erster",
    divisions=(("Teil", "part"), ("Titel", "title"), ("Kapitel", "chapter"), ("Abschnitt", "section"),
               ("Unterabschnitt", "subsection"), ("Anhang", "annex"), ("Anlage", "annex")),
    annex_plurals=("Anhänge", "Anlagen"),
    deleted=("weggefallen", "aufgehoben"),
    # a statute's "§ 5" is reported as its draft prints it, "§ 5", not "Art. 5" (its "Artikel 5" is "Art. 5")
    designations=(("§", "§"),),
)
