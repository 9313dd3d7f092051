"""Chinese: the headings of the laws and regulations of the People's Republic of China, written around the number
("第一条", "第二章", "第一编"), and of the Chinese texts of treaties (the legal-meaning flags have no Chinese
vocabulary yet)."""

from treatydiff.lang.base import Structure

STRUCTURE = Structure(
    article_frames=(("第", "条"), ("第", "條")),
    division_frames=(("第", "编", "part"), ("第", "編", "part"), ("第", "章", "chapter"), ("第", "节", "section"),
                     ("第", "節", "section")),
    divisions=(("附件", "annex"),),
    digits=(("零", 0), ("〇", 0), ("一", 1), ("二", 2), ("两", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6),
            ("七", 7), ("八", 8), ("九", 9)),
    multipliers=(("十", 10), ("百", 100), ("千", 1000), ("万", 10000)),
    deleted=("删除", "删去", "刪除"),
    # "第一条 中华人民共和国民事诉讼法以宪法为根据，..." : the text runs on after the number; an article has no title
    run_in=True,
    titled=False,
)
