"""Russian headings (``treatydiff/lang/ru.py``): "Статья 1. ..." runs on into the article's text, a code's
"Статья 5. Title" does not, "Исключена." is a placeholder, "32¹" is an inserted article's label."""

from __future__ import annotations

from lang_cases import headings

from treatydiff import load_text

CONSTITUTION = """РАЗДЕЛ I
ОСНОВЫ КОНСТИТУЦИОННОГО СТРОЯ

Статья 1. Республика Беларусь – унитарное демократическое социальное правовое государство.

Статья 32¹. Государство способствует духовному, нравственному и физическому развитию молодежи.

Статья 101. Исключена.
"""


def test_constitution_articles_run_on_into_their_text() -> None:
    assert headings(CONSTITUTION) == [
        ("title", "I", "ОСНОВЫ КОНСТИТУЦИОННОГО СТРОЯ", ""),
        ("article", "1", "", "Республика Беларусь - унитарное демократическое социальное правовое государство."),
        ("article", "32¹", "", "Государство способствует духовному, нравственному и физическому развитию молодежи."),
        ("article", "101", "", "Исключена."),
    ]


def test_a_repealed_article_is_a_placeholder() -> None:
    articles = [n for n in load_text(CONSTITUTION, source="c.txt", format="txt").walk() if n.kind.value == "article"]
    assert [a.deleted for a in articles] == [False, False, True]


def test_a_code_article_keeps_its_title() -> None:
    code = ("ГЛАВА 1. ГРАЖДАНСКОЕ ЗАКОНОДАТЕЛЬСТВО\n\nСтатья 2. Отношения, регулируемые гражданским законодательством\n\n"
            "1. Гражданское законодательство определяет правовое положение участников гражданского оборота.\n")
    assert headings(code) == [
        ("chapter", "1", "ГРАЖДАНСКОЕ ЗАКОНОДАТЕЛЬСТВО", ""),
        ("article", "2", "Отношения, регулируемые гражданским законодательством",
         "Гражданское законодательство определяет правовое положение участников гражданского оборота."),
    ]


def test_a_reference_at_the_start_of_a_line_opens_no_article() -> None:
    text = "Статья 1. Государство охраняет права граждан.\n\nСтатья 5 Конституции применяется непосредственно.\n"
    assert [row[1] for row in headings(text)] == ["1"]


def test_a_titled_article_and_its_text_on_the_next_line() -> None:
    text = ("Статья 1. Основные начала гражданского законодательства\n"
            "Гражданское законодательство основывается на признании равенства участников.\n")
    assert headings(text) == [("article", "1", "Основные начала гражданского законодательства",
                               "Гражданское законодательство основывается на признании равенства участников.")]
