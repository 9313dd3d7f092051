"""Chinese headings (``treatydiff/lang/zh.py``): written around the number ("第一条", "第二章", "第一编"), the
number in Chinese numerals read as its value, the text run on after the heading, no titles."""

from __future__ import annotations

from lang_cases import headings

LAW = """## 第一编 总 则

### 第一章 任务、适用范围和基本原则

第一条 中华人民共和国民事诉讼法以宪法为根据，结合我国民事审判工作的经验和实际情况，制定本法。

第二百零五条 各级人民法院院长对本院已经发生法律效力的判决、裁定，发现确有错误的，应当提交审判委员会讨论决定。

第三十条规定的案件，由人民法院管辖。
"""


def test_framed_headings_and_their_numbers() -> None:
    assert headings(LAW, "md") == [
        ("part", "1", "总 则", ""),
        ("chapter", "1", "任务、适用范围和基本原则", ""),
        ("article", "1", "", "中华人民共和国民事诉讼法以宪法为根据，结合我国民事审判工作的经验和实际情况，制定本法。"),
        ("article", "205", "",
         "各级人民法院院长对本院已经发生法律效力的判决、裁定，发现确有错误的，应当提交审判委员会讨论决定。"),
    ]


def test_a_reference_to_an_article_opens_none() -> None:
    # "第三十条规定的案件" (the cases that article 30 provides for): no space after "条", a sentence
    rows = headings(LAW, "md")
    assert "30" not in [row[1] for row in rows]


def test_numerals_with_multipliers() -> None:
    from treatydiff.load.patterns import number

    assert [number(n) for n in ("十", "十五", "一百零一", "二百九十一", "三百零六", "一千零一", "两千")] == [
        "10", "15", "101", "291", "306", "1001", "2000"]


def test_plain_text_with_ideographic_spaces_a_deleted_article_and_an_annex() -> None:
    text = ("第一章\u3000总则\n\n第一条\u3000为了规范道路运输，制定本条例。\n\n第五十条\u3000删除\n\n"
            "第一百零五条\u3000本条例自2024年1月1日起施行。\n\n附件：收费标准\n\n一、客运\n")
    assert headings(text) == [
        ("chapter", "1", "总则", ""),
        ("article", "1", "", "为了规范道路运输，制定本条例。"),
        ("article", "50", "", "删除"),
        ("article", "105", "", "本条例自2024年1月1日起施行。"),
        ("annex", "", "收费标准", "客运"),  # "一、" is the label of its first point
    ]


def test_a_numbered_annex_and_a_deletion_in_fullwidth_brackets() -> None:
    text = "第十条\u3000为了。\n\n第五十条\u3000（删除）\n\n附件一\n城市绿地分类标准\n\n一、公园\n"
    assert headings(text) == [
        ("article", "10", "", "为了。"),
        ("article", "50", "", "（删除）"),
        ("annex", "1", "城市绿地分类标准", "公园"),
    ]


def test_an_article_amended_in_one_clause_keeps_its_successor_after_an_insertion() -> None:
    # Chinese is written without spaces: read as runs of letters, a sentence is one "word", and a sentence changed
    # in one clause shares nothing with its old form. Read character by character, it keeps most of its phrases.
    from treatydiff import compare, load_text

    first = "第一条 为了保护海洋环境，防治污染损害，制定本条例。\n\n"
    kept = "第二条 本条例适用于在中华人民共和国管辖海域内从事航行、勘探、开发的一切单位和个人。\n\n"
    amended_old = "第三条 船舶排放污水，应当符合国家规定的标准，并如实记录排放情况，接受海事管理机构的监督检查。\n\n"
    amended_new = "第四条 船舶排放污水，应当符合国家和地方规定的标准，并如实记录排放情况，接受海事管理机构的监督检查。\n\n"
    inserted = "第三条 国家建立海洋生态保护补偿制度，具体办法由国务院制定。\n\n"
    old = load_text(first + kept + amended_old, source="old.md", format="md")
    new = load_text(first + kept + inserted + amended_new, source="new.md", format="md")
    changes = {(tuple(p.node.label for p in c.match.old), tuple(p.node.label for p in c.match.new)): c
               for c in compare(old, new).changes}
    assert {(("3",), ("4",)), ((), ("3",))} <= set(changes)
    evidence = changes[("3",), ("4",)].match.evidence
    assert evidence is not None and evidence.phrases > 0.8  # one clause of four changed, by two characters


def test_a_markdown_heading_after_an_article_heading_is_its_title_though_chinese_articles_have_none() -> None:
    # the UN texts in Chinese title their articles; a heading of the markup says so, a line of text does not
    text = "### 第一条\n\n#### 宗旨\n\n1. 本公约的宗旨是促进缔约国之间的合作。\n\n### 第二条\n\n缔约国应合作。\n"
    rows = headings(text, fmt="md")
    assert rows[0][:3] == ("article", "1", "宗旨") and rows[1][:3] == ("article", "2", "")
    assert headings("第一条\n宗旨是促进合作。\n")[0][2:] == ("", "宗旨是促进合作。")


def test_chinese_point_labels_are_read_as_labels() -> None:
    from treatydiff import load_text

    draft = load_text("第一条\n\n缔约国应：\n\n（一）保护湿地；\n\n（二）恢复湿地。\n\n三、监测湿地。\n", format="txt")
    [article] = [n for n in draft.walk() if n.kind.value == "article"]
    labels = [(n.kind.value, n.label, n.text) for n in article.walk() if n is not article]
    assert ("point", "（一）", "保护湿地；") in labels and ("point", "（二）", "恢复湿地。") in labels, labels
