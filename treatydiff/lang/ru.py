"""Russian: the headings of the constitutions and codes of Russia, Belarus and the other states that legislate in
Russian, and of the Russian texts of treaties (the legal-meaning flags have no Russian vocabulary yet)."""

from treatydiff.lang.base import Structure

STRUCTURE = Structure(
    article_words=("Статья", "Ст."),
    plural_article_words=(("Статьи", "Статья"),),
    # "ГЛАВА ПЕРВАЯ", "РАЗДЕЛ ВТОРОЙ": the ordinals, feminine and masculine
    number_words=r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ая|ья|ый|ой|ий)",
    divisions=(("Часть", "part"), ("Раздел", "title"), ("Подраздел", "subsection"), ("Глава", "chapter"),
               ("Параграф", "section"), ("Приложение", "annex")),
    annex_plurals=("Приложения",),
    deleted=("исключена", "исключен", "исключено", "утратила силу", "утратил силу"),
    # "Статья 1. Республика Беларусь – унитарное ... государство." runs on; "Статья 1. Гражданское
    # законодательство" (a code's title, with no full stop) does not
    run_in=True,
)
