"""Arabic: the headings of the constitutions and laws of the Arab states and of the Arabic texts of treaties (the
legal-meaning flags have no Arabic vocabulary yet)."""

from treatydiff.lang.base import Structure

_UNITS = (r"(?:الأول|الأولى|الثاني|الثانية|الثالث|الثالثة|الرابع|الرابعة|الخامس|الخامسة|السادس|السادسة|السابع"
          r"|السابعة|الثامن|الثامنة|التاسع|التاسعة|العاشر|العاشرة|الحادي|الحادية)")
_TENS = r"(?:العشرون|العشرين|الثلاثون|الثلاثين|الأربعون|الأربعين|الخمسون|الخمسين)"

STRUCTURE = Structure(
    article_words=("مادة", "المادة", "مادّة", "المادّة"),
    plural_article_words=(("المواد", "المادة"),),
    # "الفصل الثاني", "الباب الحادي عشر", "الفرع الخامس والعشرون": ordinals, with the teens and the tens
    number_words=rf"{_UNITS}(?:\s+عشرة?|\s+و{_TENS})?|{_TENS}",
    divisions=(("الباب", "part"), ("الجزء", "part"), ("الفصل", "chapter"), ("الفرع", "section"),
               ("المرفق", "annex"), ("ملحق", "annex"), ("الملحق", "annex")),
    annex_plurals=("المرفقات",),
    suffixes=("مكرراً", "مكررًا", "مكررا", "مكرر", "مكررة"),  # "bis", with and without its tanween
    deleted=("ملغاة", "ملغى", "ألغيت"),
    # "مادة 1" then the text on the next line: an article has no title; "المادة 1: ..." runs on
    run_in=True,
    titled=False,
)
