"""Arabic headings (``treatydiff/lang/ar.py``): "مادة 1" alone on its line and the text on the next (an article
has no title), divisions numbered by ordinals ("الفصل الثاني"), Arabic-Indic digits read as digits."""

from __future__ import annotations

from lang_cases import headings

from treatydiff import load_text

CONSTITUTION = """الفصل الأول: الدولة المصرية ونظام الحكم فيها
مادة 1
مصر دولة ذات سيادة وهي حرة مستقلة.
الفرع الثاني – الوزراء
مادة ٥٧
مجلس الوزراء هو المهيمن على مصالح الدولة.
"""


def test_articles_take_the_next_line_as_their_text() -> None:
    assert headings(CONSTITUTION) == [
        ("chapter", "الأول", "الدولة المصرية ونظام الحكم فيها", ""),
        ("article", "1", "", "مصر دولة ذات سيادة وهي حرة مستقلة."),
        ("section", "الثاني", "الوزراء", ""),
        ("article", "57", "", "مجلس الوزراء هو المهيمن على مصالح الدولة."),
    ]


def test_an_article_after_a_sentence_without_its_full_stop() -> None:
    text = "مادة 1\nيضع كل مجلس لائحته الداخلية\nمادة 2\nالجنسية المصرية يحددها القانون.\n"
    assert [row[1] for row in headings(text)] == ["1", "2"]


def test_a_heading_run_on_after_a_colon_and_a_repealed_article() -> None:
    text = "المادة (1)\nمصر دولة.\nالمادة 2: الإسلام دين الدولة.\nالمادة 9 (ملغاة)\n"
    assert headings(text) == [
        ("article", "1", "", "مصر دولة."),
        ("article", "2", "", "الإسلام دين الدولة."),
        ("article", "9", "", "(ملغاة)"),
    ]
    assert [n.deleted for n in load_text(text, source="d.txt", format="txt").walk() if n.label == "9"] == [True]


def test_repealed_articles_without_brackets_or_after_a_numbered_one() -> None:
    text = "المادة (1)\nنص.\nالمادة (3) ملغاة\nالمادة (4) (ملغاة)\nالمادة 5\nنص.\n"
    draft = load_text(text, source="d.txt", format="txt")
    assert [(n.label, n.deleted) for n in draft.walk() if n.kind.value == "article"] == [
        ("1", False), ("3", True), ("4", True), ("5", False)]


def test_an_inserted_article_is_numbered_with_its_suffix() -> None:
    text = "المادة (10)\nنص.\nالمادة (10) مكرراً\nنص جديد.\nالمادة ١٢ مكرر\nنص آخر.\n"
    assert [row[1] for row in headings(text)] == ["10", "10 مكرراً", "12 مكرر"]


def test_vowel_marks_and_tatweel_are_ignored_for_matching_and_kept_for_display() -> None:
    from treatydiff import compare
    from treatydiff.classify import References, classify
    from treatydiff.diff import word_diff

    vowelled, plain = "تتخذُ كلُّ دولةٍ طرفٍ التدابيرَ اللازمةَ لحماية الأراضي الرطبة", "تتخذ كل دولة طرف التدابير اللازمة لحماية الأراضي الرطبـــة"
    result = classify(vowelled, plain, word_diff(vowelled, plain), References({}, frozenset(), frozenset()), language="ar")
    assert result.editorial and not result.flags
    # the redline shows the words as each draft prints them: a vowelled word is one word, not letters and marks
    assert [e.text for e in word_diff("كَتَبَ الكتاب", "كتب الكتاب")][:2] == ["كَتَبَ", "كتب"]
    # a moved article, fully vowelled in one draft: read bare, its words are the same
    voweled = "تَتَّخِذُ كُلُّ دَوْلَةٍ طَرَفٍ التَّدَابِيرَ اللَّازِمَةَ لِحِمَايَةِ الأَرَاضِي الرَّطْبَةِ السَّاحِلِيَّةِ"
    bare = "تتخذ كل دولة طرف التدابير اللازمة لحماية الأراضي الرطبة الساحلية"
    other = "يجوز للدول الأطراف أن تتعاون في تبادل المعلومات."
    old = load_text(f"المادة 1\n{voweled}\n\nالمادة 2\n{other}\n", format="txt")
    new = load_text(f"المادة 1\n{other}\n\nالمادة 2\n{bare}\n", format="txt")
    pairs = {(c.match.old[0].node.label, c.match.new[0].node.label) for c in compare(old, new).changes if c.match.old and c.match.new}
    assert ("1", "2") in pairs  # the article moved, vowelled then bare: the same words


def test_flags_read_vowelled_text_as_the_vocabulary_writes_it() -> None:
    from treatydiff.classify import References, classify
    from treatydiff.diff import word_diff

    none = References({}, frozenset(), frozenset())
    # "يَجِبُ" (must) -> "يَجُوزُ" (may), fully vowelled: a duty weakened, as the bare words are
    old, new = "يَجِبُ عَلَى الدَّوْلَةِ الطَّرَفِ أَنْ تَتَّخِذَ التَّدَابِيرَ", "يَجُوزُ لِلدَّوْلَةِ الطَّرَفِ أَنْ تَتَّخِذَ التَّدَابِيرَ"
    kinds = {f.kind.value for f in classify(old, new, word_diff(old, new), none, language="ar").flags}
    bare_old, bare_new = "يجب على الدولة الطرف أن تتخذ التدابير", "يجوز للدولة الطرف أن تتخذ التدابير"
    bare = {f.kind.value for f in classify(bare_old, bare_new, word_diff(bare_old, bare_new), none, language="ar").flags}
    assert "obligation-weakened" in bare and kinds == bare
