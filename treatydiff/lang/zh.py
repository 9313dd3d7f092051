"""Chinese: the legal vocabulary and the headings of the laws and regulations of the People's Republic of China,
written around the number ("第一条", "第二章", "第一编"), and of the Chinese texts of treaties.

Chinese is written without spaces: a pattern matches inside a run of characters (``lang.base.WORD_START``), so a
character that is a modal alone is kept from the words it is part of by what may stand around it ("应" is not the
"应" of "相应", "适应" or "应用"; "可" not that of "许可" or "认可"). The UN texts state a duty with "应", so the
duty is a modal, as "shall" is.
"""

from treatydiff.lang.base import MEDIUM, PROHIBITION, STRONG, WEAK, Direction, Language, Structure

_D, _E, _C = Direction.DISCRETION, Direction.EXCEPTION, Direction.CONDITION
# "应" and "可" alone, not inside the words they begin or end
_YING = r"(?<![相适响反供对回效呼顺理])应(?![用对急变答收该])"
_KE = r"(?<![许认不宁])可(?![能靠行见观是])"

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    unspaced=True,
    stopwords=frozenset("的 和 在 是 了 与 或 其 该 本".split()),
    modals=(
        (rf"(?:不得|禁止|严禁|不应|不可以|不能|{_YING}当?不)", PROHIBITION),
        (rf"(?:{_YING}(?:当)?(?:努力|尽力|设法)|努力|尽力|力求|宜)", MEDIUM),
        (rf"(?:必须|须|有义务|承诺|{_YING}当|{_YING})", STRONG),
        (rf"(?:可以|有权|{_KE})", WEAK),
    ),
    negators=("不", "非", "无", "未", "没有", "勿"),
    not_negation=(r"不(?:仅|少于|超过|迟于|低于|高于|影响|妨碍|论)", r"无论", r"未经"),
    qualifiers=(
        (r"(?:根据|依照|按照|依据|遵照)(?:其|各自|本国|其本国)(?:的)?(?:本国|国内)?(?:法律|法|国内法)"
         r"(?:制度|体系)?", _D),
        (r"在不违反其(?:本国|国内)?法律(?:制度)?的情况下", _D),
        (r"(?:酌情|在适当情况下|适当时|视情况|必要时|在必要时|尽可能|尽量|原则上)", _D),
        (r"(?:不影响|不妨碍)", _E),
        (r"(?:除外|除非|但是|但|例外)", _E),
        (r"(?:如果|只有|仅在|仅当|条件是|前提是)", _C),
        (r"(?:应|根据|经)(?:其)?(?:请求|要求|同意)", _C),
    ),
    safeguards=(r"人权", r"基本自由", r"相称(?:性)?|比例原则", r"必要性", r"司法(?:审查|救济|监督)?|法院|法官",
                r"救济", r"个人(?:信息|数据)", r"数据保护", r"隐私", r"独立", r"保障", r"保密", r"法治",
                r"辩护权"),
    exclusion_cues=(r"不适用于", r"除外", r"不包括"),
    universal=("任何", "所有", "一切", "每一", "各", "每个", "全部"),
    particular=("某些", "一些", "有关", "特定"),
    limitative=("仅", "只", "仅限于", "唯一", "只有"),
    and_words=("和", "及", "以及", "并", "与"),
    or_words=("或", "或者"),
    range_words=("至", "到"),
    number_words=(("半数", 0), ("过半数", 0), ("三分之二", 0), ("三分之一", 0)),
    # a number in characters where a unit follows it ("三十日", "六个月", "十年"): alone, "一" is in too many words
    number_pattern=r"[一二三四五六七八九十百千万两]+(?=(?:个)?(?:工作日|日|天|周|星期|月|年|小时|名|人|票|%|美元|元))",
    quantity_prefixes=(r"(?:不少于|不超过|不迟于|不低于|不高于|至少|最多|超过|少于|高于|低于|在)",),
    units=(r"(?:个)?(?:工作日|日|天|周|星期|月|年|小时)", r"(?:%|百分之)", r"(?:美元|元|欧元|人民币)",
           r"(?:名|人|票|成员)"),
    penalty_words=(r"有期徒刑|无期徒刑|拘役|管制", r"罚金|罚款", r"处罚|刑罚|制裁"),
    months=("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"),
    reference_heads=(r"第", r"本(?:公约|法|条例|协定)第", r"附件", r"条款?", r"款", r"项"),
    definition_cues=(r"(?:是指|系指|指)",),
    determiners=("该", "其", "此", "这些", "本", "各该"),
    neutral=("也", "均", "相关", "有关", "相应", "的", "了", "都"),
    deadlines=(r"立即", r"毫不拖延地?", r"及时", r"尽快", r"在合理(?:的)?期限内"),
)

STRUCTURE = Structure(
    option_words=("备选案文", "备选方案", "方案"),
    agreed_formulas=(r"兹协议如下", r"议定如下"),
    # "认识到……，", "关切地注意到……，": the opening words of the clauses of the UN preambles
    recital_openers=(r"(?:又|还|并|深为|严重)?(?:认识到|意识到|关切地注意到|关切|注意到|强调|深信|确信|重申|承认|决心|回顾"
                     r"|考虑到|铭记|希望|确认|欢迎|申明|相信|认为|念及|忆及|承诺)",),
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
