"""Languages: every registered vocabulary compiles, is told apart from the others, and reads its own legal words
(modals and their strength, negation, a qualifier, a safeguard, a quantity in words, a reference)."""

from __future__ import annotations

import pytest
from test_classify import word_edits

from treatydiff import lang
from treatydiff.classify import References, classify
from treatydiff.lang.base import Direction
from treatydiff.model import FlagKind
from treatydiff.vocabulary import STARTS, find, vocabulary, vocabulary_patterns

NONE = References({}, frozenset(), frozenset())

#: code -> (a sentence for detection, old, new, the flag kind the edit must raise)
SAMPLES: dict[str, tuple[str, list[tuple[str, str, FlagKind]]]] = {
    "en": ("The Parties shall take the measures that are necessary for the purposes of this Convention.", [
        ("The Party shall inform the authority.", "The Party may inform the authority.", FlagKind.OBLIGATION_WEAKENED),
        ("within three months of the request", "within six months of the request", FlagKind.NUMBER_CHANGED),
    ]),
    "de": ("Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung aller "
           "staatlichen Gewalt, und das Nähere regelt ein Bundesgesetz für die Länder.", [
        ("Der Bund muss die Länder unterrichten.", "Der Bund kann die Länder unterrichten.",
         FlagKind.OBLIGATION_WEAKENED),
        ("mit Freiheitsstrafe bis zu drei Jahren", "mit Freiheitsstrafe bis zu fünf Jahren", FlagKind.NUMBER_CHANGED),
    ]),
    "fr": ("La loi fixe les règles concernant les droits civiques et les garanties fondamentales accordées aux "
           "citoyens pour l'exercice des libertés publiques.", [
        ("Le Gouvernement doit informer le Parlement.", "Le Gouvernement peut informer le Parlement.",
         FlagKind.OBLIGATION_WEAKENED),
        ("dans un délai de trois mois", "dans un délai de six mois", FlagKind.NUMBER_CHANGED),
        # the UN style: the present tense states the duty
        ("Chaque État Partie adopte les mesures nécessaires pour protéger les zones humides.",
         "Chaque État Partie peut adopter les mesures nécessaires pour protéger les zones humides.",
         FlagKind.OBLIGATION_WEAKENED),
        ("Les États Parties fournissent une assistance technique aux États en développement.",
         "Les États Parties fournissent, selon qu'il convient, une assistance technique aux États en développement.",
         FlagKind.QUALIFIER_ADDED),
    ]),
    "es": ("Los poderes públicos deberán garantizar los derechos de las personas en los términos que establezca "
           "la ley y con arreglo a su ordenamiento.", [
        ("La autoridad deberá notificar al interesado.", "La autoridad podrá notificar al interesado.",
         FlagKind.OBLIGATION_WEAKENED),
        ("en el plazo de tres meses", "en el plazo de seis meses", FlagKind.NUMBER_CHANGED),
        # the UN style: the future tense states the duty, and a permission that gives way to it strengthens it
        ("Cada Estado Parte adoptará las medidas necesarias para proteger los humedales.",
         "Cada Estado Parte podrá adoptar las medidas necesarias para proteger los humedales.",
         FlagKind.OBLIGATION_WEAKENED),
        ("Los Estados Parte podrán incluir en sus informes los datos de seguimiento.",
         "Los Estados Parte incluirán en sus informes los datos de seguimiento.", FlagKind.OBLIGATION_STRENGTHENED),
        ("Cada Estado Parte velará por que las medidas sean proporcionadas.",
         "Cada Estado Parte, con sujeción a su derecho interno, velará por que las medidas sean proporcionadas.",
         FlagKind.QUALIFIER_ADDED),
    ]),
    "ru": ("Каждое Государство-участник принимает такие законодательные и другие меры, которые могут "
           "потребоваться для того, чтобы признать уголовно наказуемыми деяния, указанные в настоящей Конвенции.", [
        ("Министр обязан уведомить парламент.", "Министр вправе уведомить парламент.", FlagKind.OBLIGATION_WEAKENED),
        ("Каждое Государство-участник принимает необходимые меры для охраны водно-болотных угодий.",
         "Каждое Государство-участник может принимать необходимые меры для охраны водно-болотных угодий.",
         FlagKind.OBLIGATION_WEAKENED),
        ("Государства-участники могут отказать в оказании помощи на основании отсутствия обоюдного признания.",
         "Государства-участники не могут отказать в оказании помощи на основании отсутствия обоюдного признания.",
         FlagKind.NEGATION),
        ("Каждое Государство-участник обеспечивает, чтобы эти меры применялись к юридическим лицам.",
         "Каждое Государство-участник, в надлежащих случаях, обеспечивает, чтобы эти меры применялись к "
         "юридическим лицам.", FlagKind.QUALIFIER_ADDED),
        ("в течение тридцати дней со дня получения запроса", "в течение шестидесяти дней со дня получения запроса",
         FlagKind.NUMBER_CHANGED),
    ]),
    "ar": ("تتخذ كل دولة طرف ما قد يلزم من تدابير تشريعية وتدابير أخرى لتجريم الأفعال المشار إليها في هذه الاتفاقية، "
           "وفقا للمبادئ الأساسية لقانونها الداخلي.", [
        # the conjunction and the prepositions written onto the next word; the imperfect states the duty
        ("تتخذ كل دولة طرف التدابير اللازمة لحماية الأراضي الرطبة الساحلية.",
         "يجوز لكل دولة طرف أن تتخذ التدابير اللازمة لحماية الأراضي الرطبة الساحلية.", FlagKind.OBLIGATION_WEAKENED),
        ("يجوز للدول الأطراف أن تدرج في تقاريرها بيانات الرصد المتعلقة بالأراضي الرطبة.",
         "تدرج الدول الأطراف في تقاريرها بيانات الرصد المتعلقة بالأراضي الرطبة.", FlagKind.OBLIGATION_STRENGTHENED),
        ("يجوز للدول الأطراف أن ترفض تقديم المساعدة بسبب انعدام ازدواجية التجريم.",
         "لا يجوز للدول الأطراف أن ترفض تقديم المساعدة بسبب انعدام ازدواجية التجريم.", FlagKind.NEGATION),
        ("تكفل كل دولة طرف احترام الحقوق المكفولة للأشخاص المعنيين.",
         "تكفل كل دولة طرف، وفقا لقانونها الداخلي، احترام الحقوق المكفولة للأشخاص المعنيين.",
         FlagKind.QUALIFIER_ADDED),
        ("تقدم الدول الأطراف المساعدة التقنية إلى الدول النامية.",
         "تقدم الدول الأطراف المساعدة التقنية، حسب الاقتضاء، إلى الدول النامية.", FlagKind.QUALIFIER_ADDED),
        ("يرد على الطلب في غضون 30 يوما من تاريخ استلامه.", "يرد على الطلب في غضون 60 يوما من تاريخ استلامه.",
         FlagKind.NUMBER_CHANGED),
    ]),
    "zh": ("各缔约国均应采取必要的立法和其他措施，将根据本公约确立的犯罪规定为刑事犯罪，并确保尊重人权。", [
        # no spaces: a modal is found inside the run of characters, and the diff is character by character
        ("各缔约国应采取必要措施，保护沿海湿地及其生物多样性。", "各缔约国可以采取必要措施，保护沿海湿地及其生物多样性。",
         FlagKind.OBLIGATION_WEAKENED),
        ("缔约国可以在报告中列入监测数据。", "缔约国应在报告中列入监测数据。", FlagKind.OBLIGATION_STRENGTHENED),
        ("缔约国可以拒绝提供司法协助，但须说明理由。", "缔约国不得拒绝提供司法协助，但须说明理由。", FlagKind.NEGATION),
        ("各缔约国应确保尊重人权和基本自由。", "各缔约国应根据其本国法律确保尊重人权和基本自由。", FlagKind.QUALIFIER_ADDED),
        ("缔约国应提供技术援助，帮助发展中国家。", "缔约国应酌情提供技术援助，帮助发展中国家。", FlagKind.QUALIFIER_ADDED),
        ("缔约国应在30日内作出答复。", "缔约国应在60日内作出答复。", FlagKind.NUMBER_CHANGED),
    ]),
    "nl": ("De wet regelt de gevallen waarin het college van burgemeester en wethouders bevoegd is om een besluit "
           "te nemen over de aanvraag.", [
        ("De minister moet de Kamer informeren.", "De minister kan de Kamer informeren.",
         FlagKind.OBLIGATION_WEAKENED),
        ("binnen drie maanden na de aanvraag", "binnen zes maanden na de aanvraag", FlagKind.NUMBER_CHANGED),
    ]),
}


def test_every_language_has_samples_here() -> None:
    assert set(SAMPLES) == set(lang.codes())


@pytest.mark.parametrize("code", lang.codes())
def test_vocabulary_compiles_and_is_complete(code: str) -> None:
    language = lang.get(code)
    assert language.code == code and language.name
    patterns = vocabulary_patterns(code)
    assert all(p.pattern for p in patterns.values())
    assert language.modals and language.negators and language.qualifiers and language.safeguards
    assert {d for _, d in language.qualifiers} <= set(Direction)
    assert language.reference_heads and language.number_words and language.determiners


@pytest.mark.parametrize("code", lang.codes())
def test_the_detector_tells_the_language(code: str) -> None:
    assert lang.detect(SAMPLES[code][0]) == code


@pytest.mark.parametrize(("code", "old", "new", "kind"),
                         [(code, *case) for code, (_, cases) in SAMPLES.items() for case in cases])
def test_the_classifier_reads_the_language(code: str, old: str, new: str, kind: FlagKind) -> None:
    flags = classify(old, new, word_edits(old, new), NONE, language=code).flags
    assert kind in [f.kind for f in flags], flags


@pytest.mark.parametrize("code", lang.codes())
def test_the_word_by_word_scan_finds_what_each_pattern_finds(code: str) -> None:
    """``find`` tries a pattern only at the words it can begin with (``STARTS``, read from the parsed pattern):
    in whole texts and in windows cut anywhere, its matches must be the plain ``finditer``'s, with their groups."""
    from pathlib import Path

    texts = [SAMPLES[code][0], *(t for case in SAMPLES[code][1] for t in case[:2])]
    texts += [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "fixtures" / "convention").glob("*.md"))]
    texts.append("Article5(1) and Art.7, ARTICLE 9 (EU) No 765/2008, 4.5.2016, [^3] § 12, 1 000 000 EUR, İstanbul 30 days")
    compiled = vocabulary(code)
    for name in ("modal", "qualifier", "safeguard", "deadline", "reference", "quantity"):
        pattern = getattr(compiled, name)
        assert pattern in STARTS, (code, name)  # else the scan falls back to the slow path unnoticed
        for text in texts:
            cuts = ((0, len(text)), (len(text) // 3 + 1, len(text)), (len(text) // 2 - 7, len(text) // 2 + 90))
            for start, end in cuts:
                plain = [(m.span(), m.lastgroup) for m in pattern.finditer(text, start, end)]
                scanned = [(m.span(), m.lastgroup) for m in find(pattern, text, ((start, end),))]
                assert scanned == plain, (code, name, start, end)


def test_a_draft_in_a_language_without_vocabulary_is_said_to_be_so() -> None:
    """An Italian draft is not read as Spanish (its nearest neighbour): the comparison says which language it
    seems to be in, that the flags were read with the English vocabulary, and the JSON says "en"."""
    from treatydiff.compare import compare
    from treatydiff.load import load_text

    italian = ("### Art. 1\n\nL'Italia è una Repubblica democratica, fondata sul lavoro. La sovranità appartiene al "
               "popolo, che la esercita nelle forme e nei limiti della Costituzione.\n")
    assert lang.detect(italian) == "it"
    assert lang.detect("Статья 1. Республика Беларусь — унитарное демократическое социальное правовое государство.") == "ru"
    comparison = compare(load_text(italian, format="md"), load_text(italian.replace("lavoro", "diritto"), format="md"))
    assert comparison.language == "en"
    assert any("Italian" in str(w) and "English" in str(w) for w in comparison.warnings)


def test_an_unknown_language_is_refused() -> None:
    from treatydiff.compare import compare
    from treatydiff.load import load_text
    from treatydiff.model import DiffOptions

    with pytest.raises(KeyError):
        lang.get("xx")
    draft = load_text("### Article 1\n\nThe Parties shall cooperate.\n", format="md")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        compare(draft, draft, DiffOptions(language="xx"))


def test_a_modal_inside_a_word_of_an_unspaced_script_is_not_one() -> None:
    # "相应" (corresponding) and "许可" (licence) hold the characters of "shall" and "may": changing the words
    # around them is no change of duty
    old, new = "缔约国相应地调整许可条件。", "缔约国相应地修改许可条件。"
    flags = classify(old, new, word_edits(old, new), NONE, language="zh").flags
    assert not [f for f in flags if f.kind in (FlagKind.OBLIGATION_WEAKENED, FlagKind.OBLIGATION_STRENGTHENED,
                                               FlagKind.OBLIGATION_ADDED, FlagKind.OBLIGATION_REMOVED)], flags


RENUMBERED = References({"12": "13", "13": "14"}, frozenset({"12", "13"}), frozenset({"13", "14"}))


@pytest.mark.parametrize(("code", "old", "new"), [
    ("es", "Los delitos tipificados con arreglo al artículo 12 serán perseguidos.",
     "Los delitos tipificados con arreglo al artículo 13 serán perseguidos."),
    ("fr", "Les infractions établies conformément à l'article 12 sont poursuivies.",
     "Les infractions établies conformément à l'article 13 sont poursuivies."),
    ("ru", "Преступления, признанные таковыми в соответствии со статьей 12, преследуются.",
     "Преступления, признанные таковыми в соответствии со статьей 13, преследуются."),
    ("zh", "根据第十二条确立的犯罪应予起诉。", "根据第十三条确立的犯罪应予起诉。"),
])
def test_a_reference_in_the_drafts_language_that_follows_the_renumbering_is_editorial(
    code: str, old: str, new: str
) -> None:
    result = classify(old, new, word_edits(old, new), RENUMBERED, language=code)
    assert result.editorial and not result.flags, result.flags
    # pointing at another article is a change of reference, not editorial
    other = new.replace("13", "14").replace("十三", "十四")
    assert not classify(old, other, word_edits(old, other), RENUMBERED, language=code).editorial


def test_another_languages_article_word_cites_no_article_of_an_english_text() -> None:
    # "artikelen 1, 12" in an English text names articles of another instrument in Dutch: not this draft's
    from treatydiff.classify import cross_references

    assert cross_references("See artikelen 1 and 12 of the Dutch Act.") == []
    assert [a for r in cross_references("zie artikelen 1 en 12", "nl") for a, _ in r.articles][:1] == ["1"]
