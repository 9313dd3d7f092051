"""Alignment between neighbours matched in order (issue 16, ``align._fill_gaps``): an article rewritten around its
distinctive words, between two unchanged neighbours, is the same article modified, not removed and added; an
unrelated article in its place is still removed and added."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff import compare, load_text
from treatydiff.load import load
from treatydiff.model import Outcome

FIRST = "Article 1 Objective\n\nThe objective of this Convention is to protect coastal wetlands and their fisheries.\n\n"
LAST = "Article 3 Entry into force\n\nThis Convention shall enter into force on the ninetieth day after ratification.\n"
OLD = FIRST + ("Article 2 Wetland inventories\n\nEach Party shall prepare an inventory of saltmarshes, mangroves and "
               "seagrass meadows within its territory, map their extent and publish the inventory every five years.\n\n"
               ) + LAST


def outcome_of_article_2(new_middle: str) -> list[Outcome]:
    old = load_text(OLD, source="old.md", format="md")
    new = load_text(FIRST + new_middle + LAST, source="new.md", format="md")
    return [c.match.outcome for c in compare(old, new).changes
            if any(p.node.label == "2" for p in (*c.match.old, *c.match.new))]


def test_an_article_rewritten_around_its_words_between_unchanged_neighbours_is_modified() -> None:
    # the same subject and rare words (inventory, saltmarshes, mangroves, seagrass, map), few phrases in common
    rewritten = ("Article 2 Inventories of wetlands\n\nMangroves, saltmarshes and seagrass meadows in the territory "
                 "of a Party are mapped by it; it publishes an inventory of them, updated at least every five years.\n\n")
    assert outcome_of_article_2(rewritten) == [Outcome.MODIFIED]


def test_an_unrelated_article_in_its_place_is_removed_and_added() -> None:
    unrelated = ("Article 2 Secretariat\n\nA secretariat is established. Its functions are to arrange meetings of "
                 "the Conference of the Parties and to provide them with services as required.\n\n")
    assert sorted(outcome_of_article_2(unrelated)) == sorted([Outcome.REMOVED, Outcome.ADDED])


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_a_one_sentence_article_that_opens_its_grown_successor_in_place_keeps_it() -> None:
    # Italian Constitution 2012 -> 2016 reform, Article 70: its one sentence opens the new Article 70 of three
    # paragraphs, between unchanged neighbours; the merge rule, run before the gaps were read, folded it into 77
    old = load(CORPUS / "it-costituzione/v1-2012-04-20-in-force.md")
    new = load(CORPUS / "it-costituzione/v2-2016-01-20-proposal-boschi.md")
    shapes = {(tuple(p.node.label for p in c.match.old), tuple(p.node.label for p in c.match.new))
              for c in compare(old, new).changes}
    assert {(("70",), ("70",)), (("77",), ("77",))} <= shapes


def shapes_of(old_text: str, new_text: str, fmt: str = "md") -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    old = load_text(old_text, source=f"old.{fmt}", format=fmt)
    new = load_text(new_text, source=f"new.{fmt}", format=fmt)
    return {(tuple(p.node.label for p in c.match.old), tuple(p.node.label for p in c.match.new))
            for c in compare(old, new).changes}


UNTITLED_FIRST = "Article 1\n\nThe Authority is an independent body governed by public law.\n\n"
UNTITLED_LAST = "Article 4\n\nThe Authority shall report to the Assembly once a year on its activities.\n"


def test_an_unrelated_untitled_article_alone_in_its_gap_is_still_removed_and_added() -> None:
    old = (UNTITLED_FIRST + "Article 2\n\nThe Director issues decisions and instructions within his powers and "
           "organises and supervises their execution.\n\n" + UNTITLED_LAST)
    new = (UNTITLED_FIRST + "Article 3\n\nThe seat of the Authority is in Geneva; a host-country agreement settles "
           "its privileges and immunities.\n\n" + UNTITLED_LAST)
    found = shapes_of(old, new)
    assert {(("2",), ()), ((), ("3",))} <= found


def test_an_inflected_rewrite_in_place_is_paired_on_the_stems_of_its_words() -> None:
    # Russian recasts a sentence by changing endings (языком -> языками): whole words barely agree, their stems do
    first = "Статья 1.\n\nОрган является независимым учреждением публичного права.\n\n"
    last = "Статья 3.\n\nОрган ежегодно представляет Ассамблее доклад о своей деятельности.\n"
    old = (first + "Статья 2.\n\nРабочим языком Органа является английский язык. Орган обеспечивает право "
           "свободного пользования французским языком как языком переписки.\n\n" + last)
    new = (first + "Статья 2.\n\nРабочими языками в Органе являются английский и французский языки.\n\n" + last)
    assert (("2",), ("2",)) in shapes_of(old, new, "txt")


def test_a_title_cut_down_to_the_part_it_kept_is_title_agreement_in_the_gap() -> None:
    # "Joint inspections and requests for mutual assistance" -> "Joint inspections" (two words of seven in common):
    # the requests went to an article of their own; the gap holds two new articles, so the place alone does not
    # decide, and the words agree by less than the bar without a title
    first = "Article 1 Scope\n\nThis Protocol applies to fishing vessels flying the flag of a Party.\n\n"
    last = "Article 9 Final clause\n\nThis Protocol shall remain in force for as long as the Convention does.\n"
    old = (first + "Article 2 Joint inspections and requests for mutual assistance\n\nInspectors of two or more "
           "Parties may carry out joint inspections of a fishing vessel in port within three months of its arrival. "
           "A Party that suspects a serious violation may ask for help.\n\n" + last)
    new = (first + "Article 2 Requests for observers\n\nWhere the Committee so decides, the Secretariat sends "
           "observers to a port at the request of a Party.\n\n"
           "Article 3 Joint inspections\n\nThe port State may launch and lead joint inspections of a vessel with "
           "the inspectors of any other Party concerned, at its own initiative or on the advice of the Committee; "
           "each joint inspection ends within three months.\n\n" + last)
    assert (("2",), ("3",)) in shapes_of(old, new)


COURT = ("The Court consists of nine judges elected by the Assembly for a term of nine years from persons of high "
         "moral character who possess the qualifications required in their countries for the highest judicial "
         "offices. The Court elects its President and Vice-President for three years. ")
OPINIONS = ("The Court gives advisory opinions on any legal question at the request of the Council or of the "
            "Assembly, and its opinions are published with the reasons given by the judges in the majority.")
FORMULA = "The competence, organisation and procedure of the {} are determined by law."
AUDIT = "The Audit Chamber examines the accounts of every organ of the Organisation each year."


def test_a_stock_formula_does_not_make_an_article_a_member_of_a_merge() -> None:
    # "The competence, organisation and procedure of the ... are determined by law." closes both the Court's
    # chapter and the Audit Chamber's; the Court's three articles merge into one, and the Audit Chamber's formula,
    # sharing a clause with it (under a sentence of its words), is not a fourth member
    old = (f"Article 1\n\n{COURT}\n\nArticle 2\n\n{OPINIONS}\n\nArticle 3\n\n{FORMULA.format('Court')}\n\n"
           "Article 4\n\nThe Audit Chamber examines the accounts of every organ of the Organisation each year.\n\n"
           f"Article 5\n\n{FORMULA.format('Audit Chamber')}\n\n")
    new = (f"Article 1\n\n{COURT}{OPINIONS} {FORMULA.format('Court')}\n\n"
           "Article 2\n\nThe Audit Committee examines the accounts of every organ of the Organisation each year "
           "and reports to the Assembly.\n\n"
           "Article 3\n\nThe Audit Committee may inspect the premises of any organ without notice.\n\n")
    found = shapes_of(old, new)
    assert (("1", "2", "3"), ("1",)) in found
    assert not any("5" in olds and "1" in news for olds, news in found)


STATUTE_FIRST = ("Article 1\n\nThe Organisation is established as an intergovernmental body of the States Parties.\n\n"
                 "Article 2\n\nThe Organisation has legal personality in the territory of each State Party.\n\n")
STATUTE_LAST = "Article 9\n\nThis Statute enters into force on the thirtieth day after the tenth ratification.\n"


def test_a_short_article_whose_words_a_longer_one_holds_in_its_gap_is_its_successor() -> None:
    # one sentence recast as the opening of a long article: few phrases and under a fifth of the words in common
    # by Dice, but the new article holds most of its distinctive words; the gap holds two articles on each side
    old = (STATUTE_FIRST + "Article 3\n\nThe Organisation's chief administrative officer: its Secretary-General.\n\n"
           "Article 4\n\nFishing quotas are allotted by the Assembly on the advice of the scientific committee.\n\n"
           + STATUTE_LAST)
    new = (STATUTE_FIRST + "Article 3\n\nSeals and flags: the emblem of the Organisation is a blue whale on a white "
           "field.\n\nArticle 4\n\nThe chief administrative officer of the Organisation is its Secretary-General, "
           "appointed by the Assembly for four years on the proposal of the Council, once renewable. The "
           "Secretary-General directs the staff, prepares the budget, reports each year to the Assembly and "
           "represents the Organisation before the courts of every State Party.\n\n" + STATUTE_LAST)
    assert (("3",), ("4",)) in shapes_of(old, new)


def test_a_rewritten_article_inside_a_chapter_that_moved_pairs_between_its_moved_neighbours() -> None:
    # the Council's chapter now comes before the Assembly's; the Assembly's first and last articles are unchanged
    # (paired out of order), and the one between them, rewritten (its words agree by under the bar of a move, their
    # stems by more than the bar of a gap), pairs there, in a gap of the moved block
    first = ("Article 1\n\nThe Organisation is established as an intergovernmental body of the States Parties.\n\n"
             "Article 2\n\nThe Organisation has legal personality in the territory of each State Party.\n\n"
             "Article 3\n\nThe official languages of the Organisation are English, French and Spanish.\n\n")
    assembly1 = ("The Assembly consists of one delegate of each State Party, who may be accompanied by alternates "
                 "and advisers appointed by the government of that State.")
    assembly3 = ("The Assembly adopts its rules of procedure by a two-thirds majority of the delegates present and "
                 "voting, and elects its President and two Vice-Presidents for each regular session.")
    council = ("The Council consists of twelve States Parties elected by the Assembly for three years with due "
               "regard to equitable geographical representation and to the interests of coastal States.",
               "The Council meets at least twice a year at the seat of the Organisation and may be convened in "
               "extraordinary session at the request of one third of its members.",
               "The Council supervises the secretariat, prepares the draft budget and submits an annual report on "
               "its work to the Assembly.")
    last = "Article 12\n\nThis Statute enters into force on the thirtieth day after the tenth ratification.\n"
    old = (first + f"Article 4\n\n{assembly1}\n\nArticle 5\n\nThe Assembly meets in regular session once every two "
           "years, and in special session when the Council or a majority of States Parties so request.\n\n"
           f"Article 6\n\n{assembly3}\n\nArticle 7\n\n{council[0]}\n\nArticle 8\n\n{council[1]}\n\n"
           f"Article 9\n\n{council[2]}\n\n" + last)
    new = (first + f"Article 4\n\n{council[0]}\n\nArticle 5\n\n{council[1]}\n\nArticle 6\n\n{council[2]}\n\n"
           f"Article 7\n\n{assembly1}\n\nArticle 8\n\nThe Assembly's regular sessions are held every second year; "
           f"special sessions are held when the Council requests them.\n\nArticle 9\n\n{assembly3}\n\n" + last)
    assert (("5",), ("8",)) in shapes_of(old, new)


def test_on_a_tie_the_article_standing_in_place_wins_over_the_one_out_of_order() -> None:
    # a formula closes the Court's chapter and the Audit Chamber's; the Court's is folded into the Court's article,
    # the Audit Chamber's names the body that replaced it. The two old formulas share as many phrases with the new
    # one; relative place (new transitional articles push it forward) favours the Court's, the neighbours the other
    final = "This Statute enters into force on the thirtieth day after the tenth ratification."
    old = (f"Article 1\n\n{COURT}\n\nArticle 2\n\n{OPINIONS}\n\nArticle 3\n\n{FORMULA.format('Court')}\n\n"
           f"Article 4\n\n{AUDIT}\n\nArticle 5\n\n{FORMULA.format('Audit Chamber')}\n\nArticle 6\n\n{final}\n\n")
    new = (f"Article 1\n\n{COURT}{OPINIONS} {FORMULA.format('Court')}\n\n"
           f"Article 2\n\n{AUDIT}\n\nArticle 3\n\n{FORMULA.format('State Control Committee')}\n\n"
           f"Article 4\n\n{final}\n\n"
           + "".join(f"Article {k}\n\nTransitional rule {k}: the mandate of the provisional {w} ends when the "
                     f"first {w} under this Statute takes office.\n\n"
                     for k, w in ((5, "registrar"), (6, "treasurer"), (7, "council"), (8, "bureau"))))
    found = shapes_of(old, new)
    assert {(("5",), ("3",)), (("1", "2", "3"), ("1",))} <= found


BODIES = ("The Organisation is established as an intergovernmental body of the States Parties.",
          "The Organisation has legal personality in the territory of each State Party.",
          "The official languages of the Organisation are English, French and Spanish.",
          "The secretariat prepares the draft budget and submits an annual report to the Assembly.",
          "This Statute enters into force on the thirtieth day after the tenth ratification.")
DISSOLVED = ("The Assembly may not be dissolved during a state of emergency or martial law, nor in the last six "
             "months of the mandate of the President.")
RECAST = ("Neither in the final half-year of a presidential mandate nor while martial law or an emergency is in "
          "force can the chambers be dissolved.")


def statute(bodies: tuple[str, ...]) -> str:
    return "".join(f"Article {k}\n\n{body}\n\n" for k, body in enumerate(bodies, 1))


def test_an_article_moved_and_recast_in_other_words_pairs_as_the_last_two_left() -> None:
    # old Article 2 moves to the end and is recast: no phrase survives, no neighbour vouches; of the articles left
    # without partner, each is the other's clear best on the stems of the rare words (dissol, emerg, marti, manda)
    old = statute((BODIES[0], DISSOLVED, *BODIES[1:]))
    new = statute((*BODIES, RECAST))
    assert (("2",), ("6",)) in shapes_of(old, new)


def test_of_two_new_articles_as_close_to_the_last_old_one_neither_is_taken() -> None:
    # two recasts in the new draft hold as many of the old article's words: no clear best, so no guess
    other = ("Neither in the final half-year of a presidential mandate nor while martial law or an emergency is in "
             "force can the councils be dissolved.")
    old = statute((BODIES[0], DISSOLVED, *BODIES[1:]))
    found = shapes_of(old, statute((*BODIES, RECAST, other)))
    assert {(("2",), ()), ((), ("6",)), ((), ("7",))} <= found


def test_an_article_left_over_that_shares_only_common_words_stays_removed() -> None:
    unrelated = ("The depositary of this Statute is the Secretary-General of the United Nations, who informs the "
                 "States Parties of each signature.")
    old = statute((BODIES[0], DISSOLVED, *BODIES[1:]))
    assert {(("2",), ()), ((), ("6",))} <= shapes_of(old, statute((*BODIES, unrelated)))
