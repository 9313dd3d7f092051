"""Stage 3, diff: one regression test per family of wrong or missing legal-meaning flags found on real drafts
(issue 12): numbers inside references, unreadable negation quotes, "ten minste", penalties in words, scope
changes, duties in added and deleted paragraphs, qualifiers beyond the short list, and safeguards."""

from __future__ import annotations

import pytest
from test_classify import word_edits

from treatydiff.classify import References, classify
from treatydiff.model import Flag, FlagKind, Severity

NO_RENUMBERING = References({"5": "5", "24": "26"}, frozenset({"5", "24"}), frozenset({"5", "26"}))


def flags(old: str, new: str, language: str = "en", paragraph: str = "1.") -> list[Flag]:
    result = classify(old, new, word_edits(old, new), NO_RENUMBERING, paragraph=paragraph, language=language)
    return list(result.flags)


def kinds(old: str, new: str, language: str = "en", paragraph: str = "1.") -> list[FlagKind]:
    return [f.kind for f in flags(old, new, language, paragraph)]


QUANTITY = (FlagKind.NUMBER_CHANGED, FlagKind.DATE_CHANGED)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("as referred to in Article 24(3)(b) of this Regulation", "as referred to in Article 24(4)(b) of this Regulation"),
        ("the conditions of paragraph 2 apply", "the conditions of paragraph 3 apply"),
        ("the information listed in point (a) of Annex IV", "the information listed in point (c) of Annex IV"),
        ("Directive 2000/31/EC shall apply", "Regulation (EU) 2022/2065 shall apply"),
        ("(OJ L 119, 4.5.2016, p. 1)", "(OJ L 295, 21.11.2018, p. 39)"),
        ("Regulation (EC) No 765/2008 applies", "Regulation (EU) 2019/1020 applies"),
        ("see footnote 12", "see footnote 14"),
    ],
)
def test_a_number_inside_a_reference_is_never_a_quantity(old: str, new: str) -> None:
    found = flags(old, new)
    assert not [f for f in found if f.kind in QUANTITY]
    assert all(f.level is Severity.LOW for f in found), found


def test_a_german_reference_is_never_a_quantity() -> None:
    assert not [f for f in flags("nach § 5 Abs. 2 Satz 1", "nach § 7 Abs. 1 Satz 3", "de") if f.kind in QUANTITY]


def test_a_reference_that_follows_the_renumbering_is_not_flagged_at_all() -> None:
    assert flags("the request under Article 24 shall be made", "the request under Article 26 shall be made") == []


def test_negation_quotes_whole_words_of_the_clause() -> None:
    old = "The notified body shall verify that the system complies with the requirements; it shall be assessed."
    new = "The notified body shall verify that the system does not comply with the requirements; it shall be assessed."
    (negation,) = [f for f in flags(old, new) if f.kind is FlagKind.NEGATION]
    assert "does not comply" in negation.new_text
    assert "complies" in negation.old_text
    assert ";" not in negation.old_text.split()[0] and not negation.new_text.startswith(";")
    for quote in (negation.old_text, negation.new_text):
        assert all(word in old.split() + new.split() + ["…"] for word in quote.split()), quote


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        ("De aanvraag wordt ten minste één maand tevoren ingediend.", "De aanvraag wordt ten minste twee maanden "
         "tevoren ingediend.", "nl"),
        ("The Board shall meet at least twice a year.", "The Board shall meet at least once a year.", "en"),
    ],
)
def test_at_least_belongs_to_its_quantity(old: str, new: str, language: str) -> None:
    (flag,) = [f for f in flags(old, new, language) if f.kind in QUANTITY] or [None]
    if flag is not None:
        assert flag.old_text.split()[:2] in (["ten", "minste"], ["at", "least"]), flag
    assert not any(f.old_text == "ten" or f.new_text == "ten" for f in flags(old, new, language))


def test_ten_minste_is_not_the_number_ten() -> None:
    old = "Het college vergadert ten minste eenmaal per jaar."
    new = "Het college vergadert ten minste eenmaal per jaar en zo vaak als nodig."
    assert not [f for f in flags(old, new, "nl") if f.kind in QUANTITY]


@pytest.mark.parametrize(
    ("old", "new", "old_words", "new_words"),
    [
        ("wird mit Freiheitsstrafe bis zu drei Monaten bestraft", "wird mit Freiheitsstrafe bis zu sechs Monaten "
         "bestraft", "drei Monaten", "sechs Monaten"),
        ("wird mit Freiheitsstrafe bis zu fünf Jahren oder mit Geldstrafe bestraft", "wird mit Freiheitsstrafe "
         "bis zu zehn Jahren oder mit Geldstrafe bestraft", "fünf Jahren", "zehn Jahren"),
    ],
)
def test_german_penalties_in_words(old: str, new: str, old_words: str, new_words: str) -> None:
    (flag,) = [f for f in flags(f"Wer dies tut, {old}.", f"Wer dies tut, {new}.", "de") if f.kind in QUANTITY]
    assert old_words in flag.old_text and new_words in flag.new_text
    assert flag.note == "penalty"
    assert flag.level is Severity.MEDIUM


@pytest.mark.parametrize(
    ("old", "new", "words", "language"),
    [
        ("Der Bund trägt die Ausgaben.", "Der Bund trägt die Ausgaben, wenn er drei Viertel der Ausgaben trägt.",
         "drei Viertel", "de"),
        ("The decision is adopted by a majority of the members.", "The decision is adopted by two thirds of the "
         "members.", "two thirds", "en"),
    ],
)
def test_a_fraction_in_words_is_a_quantity_by_itself(old: str, new: str, words: str, language: str) -> None:
    (flag,) = [f for f in flags(old, new, language) if f.kind in QUANTITY]
    assert flag.new_text == words


def test_an_ordinal_before_a_unit_is_not_a_fraction() -> None:
    old = "The Committee shall inform the Parties."
    new = "The Committee shall inform third Parties."
    assert not [f for f in flags(old, new) if f.kind in QUANTITY]


def test_an_exclusion_widened_narrows_the_scope() -> None:
    old = "This Regulation shall not apply to AI systems developed or used exclusively for military purposes."
    new = ("This Regulation shall not apply to AI systems developed or used exclusively for military, defence or "
           "national security purposes.")
    (flag,) = [f for f in flags(old, new) if f.kind in (FlagKind.SCOPE_WIDENED, FlagKind.SCOPE_NARROWED)]
    assert flag.kind is FlagKind.SCOPE_NARROWED
    assert "defence or national security" in flag.new_text
    assert flag.level is Severity.HIGH


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("Providers shall inform the users and the authorities.", "Providers shall inform the users, the "
         "importers and the authorities.", FlagKind.SCOPE_WIDENED),
        ("Providers shall inform the users, the importers and the authorities.", "Providers shall inform the "
         "users and the authorities.", FlagKind.SCOPE_NARROWED),
        ("a request from a user", "a request from any user", FlagKind.SCOPE_WIDENED),
        ("the data may be used for research", "the data may be used only for research", FlagKind.SCOPE_NARROWED),
    ],
)
def test_persons_added_to_or_removed_from_a_list(old: str, new: str, kind: FlagKind) -> None:
    assert kind in kinds(old, new)


def test_a_whole_point_added_to_a_list_is_a_scope_change() -> None:
    assert kinds("", "providers of intermediary services;", paragraph="(d)") == [FlagKind.SCOPE_WIDENED]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("", "The provider shall notify the authority of any serious incident.", FlagKind.OBLIGATION_ADDED),
        ("The provider shall notify the authority of any serious incident.", "", FlagKind.OBLIGATION_REMOVED),
        ("The provider shall keep the logs.", "The provider shall keep the logs. The provider shall publish a "
         "summary of the logs every year.", FlagKind.OBLIGATION_ADDED),
    ],
)
def test_duties_in_added_and_deleted_text(old: str, new: str, kind: FlagKind) -> None:
    assert kinds(old, new) == [kind]


@pytest.mark.parametrize(
    ("qualifier", "note", "severity"),
    [
        ("without prejudice to Article 5", "adds an exception", Severity.HIGH),
        ("unless the user objects", "adds an exception", Severity.HIGH),
        ("except where the law provides otherwise", "adds an exception", Severity.HIGH),
        ("to the extent possible", "adds discretion", Severity.HIGH),
        ("where reasonably likely", "adds discretion", Severity.HIGH),
        ("provided that the user consents", "adds a condition", Severity.MEDIUM),
    ],
)
def test_qualifiers_beyond_the_short_list_with_a_direction(qualifier: str, note: str, severity: Severity) -> None:
    old = "The provider shall share the data with the authority."
    new = f"The provider shall share the data with the authority, {qualifier}."
    (flag,) = [f for f in flags(old, new) if f.kind is FlagKind.QUALIFIER_ADDED]
    assert flag.note == note
    assert flag.level is severity


def test_subject_to_appropriate_safeguards_is_a_safeguard_not_an_escape_clause() -> None:
    old = "Member States may allow the processing of the data."
    new = "Member States may allow the processing of the data, subject to appropriate safeguards."
    assert kinds(old, new) == [FlagKind.SAFEGUARD_ADDED]


def test_a_safeguard_removed_is_high() -> None:
    old = "The authority may order the interception, subject to prior judicial authorisation."
    new = "The authority may order the interception."
    (flag,) = [f for f in flags(old, new) if f.kind is FlagKind.SAFEGUARD_REMOVED]
    assert flag.level is Severity.HIGH


def test_and_or_between_conditions() -> None:
    old = "where the system is high-risk and the provider is established in a third country"
    new = "where the system is high-risk or the provider is established in a third country"
    assert FlagKind.CONDITION_CHANGED in kinds(old, new)


@pytest.mark.parametrize(
    ("old", "new", "term", "note"),
    [
        ("", "'subject' for the purpose of real world testing means a natural person who takes part in testing;",
         "subject", "added"),
        ("'provider' means a natural or legal person that develops an AI system;",
         "'provider' means a natural or legal person that develops an AI system and places it on the market;",
         "provider", ""),
        ("'user' means any natural or legal person using an AI system;", "", "user", "removed"),
    ],
)
def test_a_definition_changed_added_or_removed_is_one_flag(old: str, new: str, term: str, note: str) -> None:
    (flag,) = [f for f in flags(old, new, paragraph="(4)") if f.kind is FlagKind.DEFINITION_CHANGED]
    assert flag.note == f"definition of {term!r}{' ' + note if note else ''}"
    assert flag.level is Severity.MEDIUM
