"""English: the legal vocabulary of treaties, EU acts and common-law statutes."""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION
_LAW = (r"(?:(?:its|their) )?(?:own )?(?:domestic |national |internal )?"
        r"(?:law|laws|legislation|legal (?:system|systems|order|framework))")
_OWN = r"(?:its|their|his|her) (?:own )?"

LANGUAGE = Language(
    code="en",
    name="English",
    stopwords=frozenset("the of and to in shall be or that by for this with on as is any which are its".split()),
    modals=(
        (r"(?:shall|must|may) not", PROHIBITION),
        (r"(?:is|are) (?:prohibited|not permitted|not allowed) (?:from|to)", PROHIBITION),
        (r"shall (?:endeavou?r|seek|strive|consider|aim|try)(?: to)?", MEDIUM),
        (r"shall (?:make|use) (?:every|all|its|their) (?:reasonable |best )*efforts?", MEDIUM),
        (r"(?:is|are) (?:encouraged|invited) to", WEAK),
        (r"(?:is|are) (?:urged|expected) to", MEDIUM),
        (r"(?:is|are) (?:required|obliged|obligated|bound) to", STRONG),
        (r"undertakes? to", STRONG),
        (r"(?:has|have) (?:the (?:obligation|duty)) to", STRONG),
        (r"shall", STRONG),
        (r"must", STRONG),
        (r"ought to", MEDIUM),
        (r"should", MEDIUM),
        (r"(?<!\d\s)may(?!\s\d)", WEAK),
        (r"(?:is|are) (?:entitled|empowered|authori[sz]ed|permitted|allowed) to", WEAK),
    ),
    negators=("not", "no", "never", "neither", "nor", "none", "nothing", "cannot", "nobody"),
    not_negation=(
        r"(?:no|not) (?:later|earlier|sooner|more|less|fewer|greater|higher|lower) than",
        r"not (?:exceeding|only|merely|just)", r"whether or not", r"if not", r"or not", r"no\.",
        r"without (?:prejudice|delay|undue delay|further delay)", r"not(?:with)?standing",
        r"none of the above",
    ),
    qualifiers=(
        (r"in accordance with the fundamental principles of " + _OWN + r"(?:domestic )?legal systems?", _D),
        (r"(?:in accordance|in conformity|consistent|consistently|in line) with " + _LAW, _D),
        (r"(?:subject to|as provided (?:for )?(?:by|in|under)|under|within the limits of|pursuant to) " + _LAW, _D),
        (r"(?:within|in) (?:the (?:limits|framework) of )?" + _OWN + r"(?:available )?(?:means|resources|capabilities)",
         _D),
        (r"(?:to the (?:greatest |maximum |fullest )?extent|as far as|insofar as|in so far as) "
         r"(?:possible|practicable|feasible|appropriate|reasonable|reasonably (?:possible|practicable))", _D),
        (r"(?:as|where|when|if|wherever) (?:appropriate|possible|practicable|feasible|relevant|applicable|necessary"
         r"|needed|required|justified|duly justified)", _D),
        (r"(?:as|where|if) (?:it|they|the \w+) (?:deems?|considers?|finds?|judges?) (?:it )?"
         r"(?:appropriate|necessary|fit|useful)", _D),
        (r"(?:at|in) (?:its|their|his|her) (?:own )?discretion", _D),
        (r"(?:in principle|as a (?:general )?rule|in general|generally)", _D),
        (r"(?:take|takes|taking) into (?:account|consideration)", _D),
        (r"(?:reasonabl[ey]|reasonably likely|reasonably foreseeable)", _D),
        (r"(?:best|reasonable) efforts?", _D),
        (r"(?:undue|unduly)", _D),
        (r"without prejudice to", _E),
        (r"(?:by way of )?derogat(?:e|es|ing|ion)(?: from)?", _E),
        (r"notwithstanding", _E),
        (r"(?:except|save|other than|excluding|with the exception of)(?: (?:where|when|if|in|for|as|that))?", _E),
        (r"unless", _E),
        (r"exempt(?:ed|ion|ions|s)?", _E),
        (r"(?:provided|providing|on condition|on the condition) that", _C),
        (r"(?:only|solely|exclusively) (?:where|when|if|insofar|in so far|to the extent|in cases?)", _C),
        (r"(?:insofar as|in so far as|to the extent that)", _C),
        # "subject to Article 5", "subject to the conditions of this Regulation": a reference, not a new condition
        (r"subject to(?! (?:the )?(?:Articles?|paragraphs?|points?|Chapter|Section|Annex|this|these|those|that"
         r"|the (?:conditions|requirements|provisions|obligations|rules|procedure)))", _C),
        (r"(?:in (?:the )?cases? (?:where|in which|of)|in the event (?:that|of))", _C),
        (r"(?:upon|on|at) (?:the )?(?:request|application|initiative) of", _C),
        (r"(?:with|without) (?:the )?(?:prior |express |explicit )?(?:consent|agreement|approval) of", _C),
    ),
    safeguards=(
        r"(?:fundamental|human) rights?", r"fundamental freedoms?", r"rule of law", r"due process",
        r"proportional(?:ity)?", r"proportionate(?:ly)?", r"(?:strictly )?necessary and proportionate",
        r"necessity", r"strictly necessary",
        r"judicial (?:authori[sz]ation|review|oversight|control|remed(?:y|ies)|redress|approval|warrant)",
        r"(?:court|judge|judicial authority|independent administrative authority)",
        r"independen(?:t|ce) (?:authority|body|oversight|review|supervision|scrutiny|audit)",
        r"(?:effective )?(?:legal |judicial )?remed(?:y|ies)", r"redress", r"right to (?:an? )?(?:effective )?appeal",
        r"right to be heard", r"(?:lodge|file) an? (?:complaint|appeal)",
        r"(?:data protection|protection of (?:personal data|privacy)|privacy)",
        r"confidential(?:ity)?",
        r"(?:inform|notify|notification of) (?:the )?(?:person|persons|data subjects?|user|users)",
        r"human oversight", r"non-?discrimination", r"presumption of innocence", r"legal (?:aid|assistance|counsel)",
        r"safeguards?", r"(?:the )?(?:consent|informed consent)",
        r"technical and organi[sz]ational measures", r"pseudonymi[sz](?:ed|ation)", r"anonymi[sz](?:ed|ation)",
        r"duly (?:substantiated|justified|reasoned)",
        r"(?:right|rights) of (?:the )?defen[cs]e", r"fair (?:trial|hearing)",
    ),
    exclusion_cues=(
        r"(?:shall|does|do|will) not (?:apply|cover|affect|include)", r"(?:is|are) (?:not covered|excluded|exempt)",
        r"except(?:ing)?", r"excluding", r"other than", r"with the exception of", r"exempt(?:ed|ion)?",
        r"(?:shall|does) not constitute", r"not (?:include|including)", r"outside the scope",
    ),
    universal=("any", "all", "every", "each", "whatever", "whichever"),
    particular=("a", "an", "the", "some", "certain", "specific", "particular", "such", "that", "those", "these"),
    limitative=("only", "solely", "exclusively", "strictly"),
    and_words=("and",),
    or_words=("or", "and/or", "either"),
    range_words=("to", "through"),
    number_words=(
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ("hundred", 100), ("thousand", 1000), ("million", 10**6), ("billion", 10**9), ("half", 0), ("twice", 2),
        ("thirds", 0), ("quarters", 0),
    ),
    number_pattern=r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven"
    r"|eight|nine)|(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:hundred|thousand|million|billion)"
    r"|(?:two|three|four|five)-thirds|one-(?:third|quarter|half)|simple majority|qualified majority",
    quantity_prefixes=(
        r"at (?:least|most|the latest|the earliest)", r"(?:no|not) (?:later|earlier|more|less|fewer) than",
        r"(?:more|less|fewer|greater|higher|lower) than", r"up to", r"(?:a )?(?:maximum|minimum) (?:of|period of)",
        r"within(?: a period of)?", r"(?:after|before|by|until|from|following) (?:a period of )?", r"exceeding",
        r"(?:every|each)", r"over", r"under", r"below", r"above",
    ),
    units=(
        r"(?:calendar |working |business |consecutive |full )?(?:days?|weeks?|months?|years?|hours?|minutes?)",
        r"(?:per ?cent|percent|%)", r"(?:EUR|euros?|€|USD|dollars?|\$|pounds?|£)", r"(?:persons?|members?|judges?)",
        r"(?:States?|Parties|Member States|instruments? of ratification|ratifications?|signatories|votes)",
        r"(?:of (?:its|their) (?:total )?(?:worldwide )?annual turnover)",
    ),
    penalty_words=(r"imprisonment", r"prison", r"fines?", r"penalt(?:y|ies)", r"sanctions?", r"custodial"),
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"),
    reference_heads=(
        r"articles?", r"arts?\.", r"paragraphs?", r"paras?\.", r"sub-?paragraphs?", r"points?", r"subpoints?",
        r"annex(?:es)?", r"appendix", r"appendices", r"sections?", r"sub-?sections?", r"secs?\.", r"§+", r"chapters?",
        r"titles?", r"parts?", r"footnotes?", r"recitals?", r"items?", r"clauses?", r"schedules?", r"rules?", r"No\.?",
        r"Nos\.?", r"(?:Regulation|Directive|Decision|Recommendation|Implementing Regulation)(?: \((?:EU|EC|EEC|"
        r"Euratom|CFSP)\))?(?: No)?", r"OJ [LC]", r"p\.", r"pp\.", r"page", r"ETS", r"CETS", r"U\.S\.C\.", r"Pub\. L\.",
        r"Stat\.", r"columns?", r"lines?", r"letters?", r"indents?", r"rows?", r"tables?", r"level",
    ),
    definition_cues=(r"means?", r"shall mean", r"refers? to", r"is defined as", r"has the meaning",
                     r"(?:includes|shall include)",
                     # "'subject' for the purpose of real world testing means ..."
                     r"for the purposes? of [^,;:.\"'\u201c\u201d]{1,60}? (?:means?|shall mean)"),
    determiners=tuple("the a an its their his her our this that these those such any own".split()),
    neutral=tuple(
        "also further thereof therein thereto hereof herein hereby hereinafter respectively respective "
        "relevant concerned said such other own particular particularly inter alia namely notably "
        "including include includes the of to in on for by with from into within upon at as be is are was "
        "were been being has have had it its their his her which who whom whose that this these those "
        "there where when then than so not yet still already only shall will would could might can do "
        "does did made make same mutatis mutandis where appropriate".split()
    ),
    deadlines=(
        r"without (?:undue )?delay",
        r"immediately",
        r"promptly",
        r"forthwith",
        r"as soon as (?:possible|practicable)",
        r"in a timely manner",
        r"in good time",
        r"within a reasonable (?:period|time)",
    ),
    neutral_endings=("ly",),
)

STRUCTURE = Structure(
    # "SEC. 2. SHORT TITLE." is a US bill's section, its title closed by a full stop
    article_words=("Article", "Art.", "Art", "Sec.", "SEC."),
    plural_article_words=(("Articles", "Article"),),
    number_words=r"first",
    divisions=(("Part", "part"), ("Title", "title"), ("Chapter", "chapter"), ("Section", "section"),
               ("Subsection", "subsection"), ("Sub-section", "subsection"), ("Annex", "annex"),
               ("Appendix", "annex"), ("Schedule", "annex")),
    annex_plurals=("Annexes", "Appendices", "Schedules"),
    deleted=("deleted", "repealed", "removed"),
    stopped_titles=("Sec.", "SEC."),
    designations=(("Sec.", "Sec."), ("SEC.", "Sec.")),
)
