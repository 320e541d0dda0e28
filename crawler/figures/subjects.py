"""Every name in a sentence: the lexicon's, the organisations it does not know, and names that
make a known entity a part of something (a model, a group's namesake brand); places that are
only a location; a maker's sub-segments; the headline's subject.

Owns the out-of-lexicon guard. A capitalised organisation ("JAC sold", "Changan Mazda's
sales", "Japan shipped"), an unknown name at the head of a Chinese clause ("合创4月交付"), a known
name continued by another ("吉利长兴基地"), a maker's plant ("BYD's Xi'an operations"), or a place
that is part of a company name ("Zhengzhou Nissan", "Shaanxi Automobile Group") is found as an
:class:`Unknown` span. The parser treats it as a subject like any other, and a number whose
subject is unknown is dropped, never handed to a neighbouring known entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise

from crawler.figures.entities import Entity, Mention, lexicon


@dataclass(frozen=True, slots=True)
class Unknown:
    """A name at text[start:end] that is a possible subject but no entity the lexicon knows.

    ``plant``: "BYD's Xi'an operations", "the plant": a plant of a maker, its own entity; the
    lexicon may know it under "<maker> <place>" ("BYD Xi'an")."""

    name: str
    start: int
    end: int
    plant: tuple[str, str] | None = None  # (maker alias, place alias) when both are named


_CAP = r"[A-Z][A-Za-z0-9&'’.-]*"
# "BYD's Xi'an operations", "Tesla's Shanghai factory", "the plant", "该工厂"
_PLANT_WORDS = (
    r"(?:operations|plant|factory|base|facility|facilities|gigafactory|works|site|branch)"
)
_MAKER_PLACE_PLANT = re.compile(
    rf"({_CAP}(?:\s+{_CAP})?)(?:'s|’s)\s+({_CAP}(?:\s+{_CAP})?)\s+"
    # ("Geely's Changxing production base")
    rf"(?:(?:production|manufacturing|assembly|vehicle|car|NEV)\s+)?{_PLANT_WORDS}\b"
)
_OPENING_WORD = re.compile(r"(?:At|In|Inside|Within|Near|On|For|By|From|With|The|And|But)\s+(?=\S)")
# "BYD's factory in Changzhou", "Geely's production facilities in Beilun"
_MAKER_PLANT_IN_PLACE = re.compile(
    # ("Tesla's Gigafactory in Shanghai": the plant word capitalised as a name)
    rf"({_CAP}(?:\s+{_CAP})?)(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}(?:{_PLANT_WORDS}|Gigafactory)\s+in\s+"
    rf"({_CAP}(?:\s+{_CAP})?)"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# "在安徽芜湖生产基地": at a place (a province may come first)
_AT_A_PLACE = re.compile(r"[在于][\u4e00-\u9fff]{0,4}$")
_ZH_BASE_AFTER = re.compile(r"(?:汽车)?(?:工厂|基地|生产基地|制造基地|超级工厂)")
_CEREMONY_AFTER = re.compile(r"(?:隆重)?(?:举行|举办)")
# "武汉开发区", "合肥经开区", "西安高新区": a zone of a city, not the city
_ZH_ZONE_AFTER = re.compile(
    r"(?:市)?(?:经济技术开发区|经济开发区|经开区|开发区|高新区|高新技术产业开发区|新区|保税区"
    r"|自贸区|工业园区?|产业园区?|汽车产业新城|汽车城)"
)
# the same zone after a name the lexicon does not know: two characters, then the zone
_ZH_UNKNOWN_ZONE = re.compile(r"[\u4e00-\u9fff]{2}(?:新区|经开区|高新区)")
# "蔚来在合肥的第二工厂", "赛力斯两江工厂": a maker's plant at a place (after a known maker)
_ZH_PLANT_AFTER = re.compile(
    r"(?:在|的)?([\u4e00-\u9fff]{2,3}?)(?:市|省|区)?的?(?:第[一二三四五六]|新|超级|整车)?"
    r"(?:工厂|基地|生产基地|制造基地|超级工厂)"
    # "长城汽车荆门分公司", "比亚迪汽车西安分公司": the maker's branch there, its plant
    r"|(?:汽车)?([\u4e00-\u9fff]{2,4}?)(?:市|省|区)?分公司"
)
# "Volkswagen's joint venture with SAIC", "Toyota's Chinese joint ventures", "大众的合资公司":
# a venture left unnamed is its own entity, neither partner's
_JOINT_VENTURE = re.compile(
    rf"(?<![Tt]he )(?!(?:Group|Company|Firm)(?:'s|’s))"
    # ("GM China joint venture reports ...": a headline's venture without the possessive)
    rf"{_CAP}(?:\s+{_CAP})?(?:(?:'s|’s)\s+|(?<=s['’])\s+"
    rf"|\s+(?=(?:China|Chinese)\s+(?:joint[- ]venture|JV)))"
    # ("General Motors' Shanghai joint venture", "Volkswagen's Changchun-based joint venture":
    # where it is based)
    rf"(?:[A-Z][a-z]+(?:-based)?\s+(?=(?:joint[- ])?ventures?\b))?"
    rf"(?:(?:Chinese|China|local|two|three|second|first)\s+)?"
    # ("GAC's venture with FCA": a venture named by its partners)
    rf"(?:joint[- ]ventures?|JVs?|partnership|ventures?(?=\s+with\b))\b"
    rf"(?:\s+(?:with|between)\s+{_CAP}(?:\s+(?:and|&)"
    rf"\s+{_CAP})?)?"
    # (not "Changan, which has joint ventures with Ford and Mazda, sold": whose partners they are)
    rf"|(?<!\bhas )(?<!\bhave )(?<!\bruns )(?<!\bformed )"
    # ("the 50-50 joint venture between Hyundai Motor and BAIC Motor": names of two words)
    rf"\b(?:joint[- ]ventures?|JVs?)\s+(?:with|between)\s+{_CAP}(?:\s+{_CAP})?"
    rf"(?:\s+(?:and|&)\s+{_CAP}(?:\s+{_CAP})?)?"
    r"|[\u4e00-\u9fff]{2,4}的合资(?:公司|企业)"
)
#: "the plant", "the base", 该工厂: a plant named before, or one the lexicon does not know
THE_PLANT = re.compile(
    rf"\b[Tt]he (?:[\w-]+ ){{0,2}}?{_PLANT_WORDS}\b|该工厂|该基地"
    r"|(?:这座|这家|这个|这一|此)(?:超级)?(?:工厂|生产基地|基地)"
    # "今年7月，工厂开启双班生产，…迎来第10万辆整车下线": the plant said before, opening a clause
    r"|(?:^|(?<=[，,；;：:。]))(?:工厂|基地)"
)


_ORG_SUFFIX = (
    r"(?:Motors?|Auto|Automobiles?|Automotive|Group|Corp\.?|Corporation|Co\.|Inc\.?|Ltd\.?"
    r"|Holdings?|Company|Cars?|Brands?)"
)
# the legal forms and company words after a company's name ("BYD Co., Ltd.", "Leapmotor
# Technology Co Ltd"): words that name nothing on their own
_COMPANY_FORMS = frozenset(
    {
        "co", "ltd", "inc", "corp", "plc", "llc", "limited", "ag", "se", "sa", "company",
        "corporation", "technology", "technologies", "holding", "holdings", "group",
        # "Dongfeng Peugeot Citroen Automobile Co Ltd", "Dongfeng Nissan Passenger Vehicle Co"
        "automobile", "automotive", "motor", "motors", "passenger", "vehicle",
    }
)  # fmt: skip
# "Changan Mazda Automobile Co.", "China FAW Group": capitalised words ending in a company word
_EN_ORG = re.compile(rf"\b(?:{_CAP}\s+){{1,3}}{_ORG_SUFFIX}(?![A-Za-z])")
# "JAC sold", "Japan shipped", "Hycan's deliveries": a capitalised name right before a figure verb
_FIGURE_VERB = r"(?:delivered|sold|shipped|produced|exported|made|built|handed|rolled|registered)\b"
_EN_ACTOR = re.compile(
    rf"\b((?:{_CAP}\s+){{0,2}}{_CAP})(?:(?:\s+(?:has|have|had|also|now|already)){{0,2}}"
    rf"\s+{_FIGURE_VERB}|(?:'s|’s)\s+(?:\w+\s+){{0,2}}"
    r"(?:sales|deliveries|output|production|exports|shipments|volume))"
)
# "Among imports, Explorer sales fell 40% to 968 and Mustang sales were down": a name (a model
# or a brand) inside a sentence, then its sales and their verb
_EN_NAMED_SALES = re.compile(
    rf"(?:,\s+|;\s+|\b(?:and|while|whereas|but)\s+)({_CAP})\s+(?:sales|deliveries|registrations)"
    r"\s+(?:fell|rose|were|was"
    r"|reached|totaled|totalled|hit|slipped|dropped|jumped|climbed|grew|declined|increased"
    r"|decreased|surged|soared|slumped|came|stood|edged)\b"
)
# "The Dynasty brand accounted for 286,712 of them": a brand or series of the maker, by name
_EN_NAMED_LINE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:{_CAP}\s+)?{_CAP})\s+(?:brand|sub-brand|series|marque)\b"
)
# words before "sales" that say which sales, not whose ("Retail sales fell")
_SALES_KINDS = frozenset(
    ("retail", "export", "wholesale", "import", "vehicle", "car", "auto", "luxury", "truck",
     "bus", "fleet", "online", "battery", "pickup", "taxi", "used", "retailer", "dealer",
     "factory")
)  # fmt: skip
# "with Haval accounting for 60,000 and Tank for 20,000": the next name of a list whose verb is
# said once, with its own count
_EN_GAPPED = re.compile(
    rf"\b(?:and|while|with)\s+((?:{_CAP}\s+){{0,2}}{_CAP})\s+(?:for|at|on)\s+"
    r"(?:(?:about|around|nearly|almost|some|over|more than|just over|just under)\s+)?(?=\d)"
)
# "Ora 29,700 (down 37.06%) and Tank 165,100": the next name of a list of names, each right
# before its count
_EN_LISTED = re.compile(
    rf"(?:,\s+|\s+and\s+)((?:{_CAP}\s+){{0,2}}{_CAP})\s+"
    r"(?:(?:about|around|nearly|almost|some|over|more than)\s+)?(?=\d{1,3}(?:,\d{3})+\b)"
)
# "Smart, jointly owned by Geely and Mercedes-Benz, sold ...": a name a sentence opens with and
# then describes
_EN_APPOSED = re.compile(
    rf"\s*((?:{_CAP}\s+){{0,2}}{_CAP}),\s+(?:(?:wholly|jointly|majority|partly)[- ])?"
    r"(?:owned|controlled|backed|founded|a|an|the)\s[^,;:.]{1,80},"
)
# capitalised words that start sentences or name no one
_NOT_NAME_WORDS = """a an the it its this that these those they their he she we our you i in on
    at by for of from to with and or but as after before during since while when where what which
    who total
    overall combined together sales deliveries exports output production shipments company group
    carmaker automaker brand firm maker makers startup association ministry bureau federation
    data figures statistics according meanwhile however also still only just even some all
    both each other others new year month quarter january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday nev nevs ev evs bev bevs phev phevs
    erev suv suvs mpv mpvs chinese china's global domestic overseas passenger commercial
    electric hybrid plug-in vehicles cars units chart note source photo reuters bloomberg xinhua
    cnevpost caam cpca first second third fourth last next q1 q2 q3 q4 h1 h2 ytd yoy mom
    across among including despite together earlier later today yesterday separately
    additionally furthermore moreover likewise similarly notably previously currently recently
    now then thus therefore hence besides last worldwide globally elsewhere internationally
    abroad domestically locally
    automakers carmakers manufacturers companies firms brands dealers dealerships consumers
    buyers customers producers exporters startups players rivals peers competitors
    having being given following compared excluding although though because if unlike"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
# perf: literals every match of a pattern holds (the patterns are case-sensitive); a pattern
# runs only on a sentence that has one of its literals
_JOINT_VENTURE_NEEDLE = re.compile(r"joint|JV|partnership|venture with|的合资")
_ORG_NEEDLE = re.compile(r"Motor|Auto|Group|Corp|Co\.|Inc|Ltd|Holding|Company|Car|Brand")
_ACTOR_NEEDLE = re.compile(
    r"delivered|sold|shipped|produced|exported|made|built|handed|rolled|registered|sales"
    r"|deliveries|output|production|exports|shipments|volume"
)
# Chinese: a name at the head of a clause, right before its period or metric ("合创4月交付",
# "自主品牌累计销量"), or a known name continued by another word and a company word ("吉利长兴基地",
# "北汽蓝谷公司"). Without word segmentation the name is bounded by what follows it.
_ZH_HEAD = re.compile(
    r"(?:^|(?<=[，,；;：:。（(\s]))([\u4e00-\u9fff]{2,6}?)"
    r"(?=\d{1,2}月|\d{1,2}-\d{1,2}月|今年|去年|上半年|前\d|全年|当月|本月|上月|累计|交付|销量|销售"
    r"|产量|生产|出口|共交付|共销售|实现"
    # "智马达汽车为2,146辆", "智马达汽车2,146辆": the next name in a list, with its own count
    # (and "星光品牌约12万辆")
    r"|为\s*(?:约|近|超过?)?\d|(?<=汽车|汽車)\s*\d|(?<=品牌)(?:约|近|超过?|逾)\s*\d)"
)
# "BBA上半年在华合计卖出近110万辆": a name in Latin capitals in Chinese text, heading a count
# the same way (not a kind of vehicle or a body that reports: SUV, NEV, CPCA)
_ZH_LATIN_HEAD = re.compile(
    r"(?:^|(?<=[，,；;：:。（(\s]))(?!(?:SUV|MPV|NEV|EV|PHEV|BEV|HEV|EREV|CPCA|CAAM|OEM)"
    r"(?![A-Z]))([A-Z]{2,6})(?=\d{1,2}月|今年|去年|上半年|下半年|前\d|全年|当月|上月|在华|合计|累计"
    r"|交付|销量|销售|产量|出口)"
)
# a county: no province or city the lexicon knows, never one of them ("下辖的长丰县")
_ZH_COUNTY = re.compile(
    r"(?:^|(?<=[，,；;：:。（(\s的]))((?![全各该本每一两三四五六七八九十])[\u4e00-\u9fff]{2,4}?[县縣])"
    r"(?![城域级])"
)
_ZH_BRACKETED_AFTER = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[)）]")
_ZH_COMPANY_WORDS = re.compile(r"集团|股份|控股|中国|汽车|有限|公司|新能源|品牌")
# "东风易捷特新能源汽车有限公司": a known maker's name, more of a name, then a company's form: a
# company the lexicon does not know (not "比亚迪汽车工业有限公司", "东风商用车有限公司": the
# maker's own company or a part with a name of its own)
_ZH_SUBSIDIARY_AFTER = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:新能源|智能)?汽车(?:科技)?(?:股份)?有限公司"
)
_ZH_NOT_A_SUBSIDIARY = re.compile(
    _ZH_COMPANY_WORDS.pattern + r"|工业|销售|乘用|商用|国际|投资|科技"
)
_ZH_CONTINUED = re.compile(r"([\u4e00-\u9fff]{2})(?:汽车|集团|公司|股份|基地|工厂|分公司)")
# 系 after a maker's name: its family ("丰田系", "吉利系"), not a series (系列) or system (系统)
_ZH_FAMILY_AFTER = re.compile(r"系(?![列统數数])")
# a company's legal name, from the start of its phrase to its legal form ("广州汽车工业集团有限
# 公司", "上海汽车工业(集团)总公司", "哈飞汽车股份有限公司")
_ZH_LEGAL_NAME = re.compile(
    r"(?:^|(?<=[，,；;：:。、\s“”\"]))([\u4e00-\u9fff]{2,10}?(?:[(（]集团[)）])?(?:股份)?"
    r"(?:有限(?:责任)?公司|集团(?:有限)?公司|集团总公司|总公司|工业公司|控股集团))"
)
# heads that name no one: time, scope, segment and function words
_ZH_COMMON = re.compile(
    r"^(?:其中|此外|另外|同时|目前|截至|截止|其|该|本|这|全国|全省|全市|我国|国内|海外|境外|同期|整体"
    # "…三项第一，数字分别为A、B和C": the figures just named, no one's name
    r"|数字|数据|数值|分别|依次"
    # the province or city the text is about ("我省汽车产量39.5万辆")
    r"|我省|我市|我区|全区|全州"
    # a count of the makers just listed ("四家全年交付量均超过40万辆", "二者"): no name
    r"|(?:\d{1,2}|[两二三四五六七八九十]{1,2})(?:家|者|大)"
    # a unit left of a count written with a space ("第 100 萬輛電動車"), 傳統 (traditional script)
    r"|万|萬|亿|億|辆|輛|传统|傳統"
    # a count in words ("百万交付之后", "千万辆"): no name
    r"|[一二两三四五六七八九十几数]?[十百千]万|[十百千]萬"
    r"|新能源|乘用车|商用车|汽车|整车|燃油车|纯电|插混|混动|电动|今年|去年|全年|当月|本月|上月|单月"
    r"|月度|季度|年度|前|共|总|合计|累计|公司|集团|企业|车企|品牌|行业|市场|产业|产品|旗下|下属"
    r"|新势力|头部|龙头|多家|两家|各|全|每|已|将|仍|也|又|再|首次|再次|继续|分别|均|都|和|与|及"
    r"|据|从|自|在|于|为|以|对|向|而|但|并|且|则|就|才|还|更|最|较|比|达|达到|实现|完成|超过|突破|近|约"
    r"|加上|再加上|连同"
    r"|中国|省|市|国家|全球|世界|欧洲|美国|日本|销售|生产|出口|交付|批发|零售|上险|制造|下线|推出|发布"
    r"|销量|产量|产销|交付量|出口量|销售量|批发量|零售量"
    r"|历史|此前|近期|年内|以来|期间|当年|最近|首批|车型|总计|单日|单周|全系"
    # times said as words ("此后出口快速攀升", "近几年出口增长")
    r"|此后|之后|随后|其后|然后|近年|近几年|近两年|近三年|如今|当时|眼下|今后|未来"
    # the plant said before ("…特斯拉上海超级工厂…;2021年全年,工厂累计交付"): a pronoun
    r"|工厂|工廠|基地"
    # conjunctions and verbs that open a clause ("虽未延续10月...", "超额完成")
    r"|虽|尽管|即便|即使|超额|延续|连续|保持|维持|依然|仍然|同样|不仅|不但|虽然|随着|由于|因为|未"
    r"|至于|对于|关于|说到|谈到|至|到|直到|期内|伴随|特别是在?|尤其是在?"
    # what a result rests on ("凭借11月单月超过40万辆的表现，比亚迪…")
    r"|凭借|凭着|依靠|依托|借助|得益于|受益于|通过|经过|面对|针对"
    # a report's period and adverbs that open a predicate ("报告期内出口9万辆", "只宣布交付")
    r"|报告期|报告|只|仅|刚|正在|宣布|公布|表示|预计"
    # a look back or across ("回看4月，狭义乘用车零售175.5万辆")
    r"|回看|回顾|纵观|综观|放眼|反观|再看|细看|具体来看"
    # a share of a whole ("占当月汽车出口总量的26.6%"): no name
    r"|占|约占|仅占|相当于"
    # a record set or broken ("创下企业月度出口新纪录"), a rank taken, a cause
    r"|创下|创出|创造|刷新|打破|录得|取得|迎来|位居|成为|带动|推动|拉动"
    # a place in a ranking taken ("登上厂商批发销量榜第一位", "跻身前三")
    r"|登上|登顶|跻身|位列|排名|排在|名列|稳居|重回|夺得|拿下"
    # a forecast ("预计全年新能源汽车产销量将突破100万辆")
    r"|预计|预测|预期|估计|有望|力争|计划|目标"
    r"|[一二三四五六七八九十]{1,3}(?:季度|月|年)|年初|年底|年末|月初|月底|月末|春节|节后|年后"
    r"|月|年|日|号|季"  # "5 月共交付": the rest of a time written with a space
    # a company's accounts ("毛利率为20.5%", "车辆销售收入246.8亿元"): no one's name
    r"|毛利|净利|营收|营业|收入|利润|归母|单车|均价|售价|市值|股价|现金|研发|费用|亏损|盈利|净亏|车辆"
    r"|新车|整|乘|商|纯|插|混|燃|国|海|外|内|去|今|明|上|下|前|后|同|环|单|双|首|第)"
)
# a place followed by a capitalised company name is part of that name ("Zhengzhou Nissan")
_NAME_AFTER = re.compile(
    r"^\s+(?!(?:NEV|EV|BEV|PHEV|Province|City|Municipality|Region|Autonomous)s?\b)[A-Z]"
)
_INDUSTRY_BODY = re.compile(
    r"^(?:\s+[A-Z][a-z]+){0,4}\s+(?:Association|Federation|Council|Chamber)\b"
)
# "陕西重型汽车有限公司", "安徽江淮汽车集团": a company's full name opens with its place
_ZH_COMPANY_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?(?:股份)?(?:有限(?:责任)?公司|集团(?:有限)?公司|控股集团)"
)
_BASED = re.compile(
    # ("the Hebei province-based company")
    r"^(?:\s+(?:province|city|municipality))?(?:(?:-|\s)(?:based|headquartered|listed|born)"
    r"|-(?:made|built|produced|assembled))\b"
    # "the Hangzhou, Zhejiang-based maker", "the Baoding, Hebei province-based company": the city
    # before its province
    r"|^,\s+[A-Z][a-z]+(?:\s+province)?-(?:based|headquartered)\b"
    # "the Beijing phone maker", "a Hangzhou EV startup": one company from there (not
    # "Guangdong automakers", the province's makers)
    r"|^\s+(?:[A-Za-z][\w-]*\s+){0,2}?(?:maker|carmaker|automaker|start-?up|company|firm"
    r"|manufacturer)\b(?!s)",
    re.I,
)


_EN_COMPANY_AFTER = re.compile(r"\s+(?:Automobile|Automotive|Motors?|Auto)\b")
_EN_SITE_AFTER = re.compile(
    r"\s+(?:(?:production|manufacturing|assembly|NEV|vehicle)\s+)?(?:base|plant|factory|facility"
    r"|gigafactory|works)\b",
    re.I,
)


@cache
def _places_of_known_plants() -> frozenset[str]:
    """The places the lexicon knows a maker's plant at by a Chinese name ("特斯拉上海工厂",
    "上海超级工厂"): there, "上海工厂" alone may well be that plant."""
    lex = lexicon()
    names = "\n".join(a for a, n in lex.by_alias.items() if not lex.entities[n].is_region)
    return frozenset(
        name
        for alias, name in lex.by_alias.items()
        if lex.entities[name].is_region
        and _HAN.search(alias)
        and any(f"{alias}{plant}" in names for plant in ("工厂", "超级工厂", "基地", "生产基地"))
    )


_LONG_WORD = re.compile(r"\b[A-Za-z][a-z'’-]{3,}\b|\b[A-Z][A-Za-z'’-]{3,}\b")


def _title_case(s: str) -> bool:
    """The text capitalises (nearly) every long word, as a headline in title case does."""
    words = _LONG_WORD.findall(s)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# "(i) Tank: 49,000 units", "2. Sunwin: 215 units": a name labelling the count after its colon
_EN_LABELLED = re.compile(
    r"\s*(?:\(?[ivx]{1,4}\)|\d{1,2}[.)]|[-*•])?\s*([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})"
    r"\s*:\s*(?=[~≈]?\s*\d)"
)
# "No. 3 Galaxy, full-year sales of ...", "#4 Jetour (Chery), ...": the name a ranking's line is of
_EN_RANKED = re.compile(
    r"(?:No\.?|#)\s*\d{1,2}[:.]?\s+([A-Z][\w&'’-]*(?:\s+[A-Z0-9][\w&'’-]*){0,3})(?=\s*[,(:–—-])"
)
# labels that name no one: a metric, a segment, a total, a time
_NOT_A_LABEL_NAME = re.compile(
    r"\b(?:Total|Overall|All|Combined|Note|Source|Sales|Deliveries|Delivery|Exports?|Production"
    r"|Output|Volume|Retail|Wholesales?|Registrations|Domestic|Overseas|Global|China|NEVs?|EVs?"
    r"|BEVs?|PHEVs?|Passenger|Commercial|Q[1-4]|H[12]|FY|YTD|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep"
    r"|Sept|Oct|Nov|Dec)\b",
    re.I,
)


def unknown_organisations(s: str, known: list[Mention]) -> list[Unknown]:
    """Organisation names in sentence ``s`` that the lexicon does not know."""
    out: list[Unknown] = []
    for pattern in (_MAKER_PLACE_PLANT, _MAKER_PLANT_IN_PLACE) if "'s" in s or "’s" in s else ():
        for m in pattern.finditer(s):
            maker, start = m.group(1), m.start()
            opening = _OPENING_WORD.match(maker)  # "At Geely's base in Changxing"
            if opening:
                maker, start = maker[opening.end() :], start + opening.end()
            out.append(Unknown(s[start : m.end()], start, m.end(), (maker, m.group(2))))
    for m in _JOINT_VENTURE.finditer(s) if _JOINT_VENTURE_NEEDLE.search(s) else ():
        out.append(Unknown(m.group(0), m.start(), m.end()))
    for k in known if not s.isascii() else ():
        plant = None if k.entity.is_region else _ZH_PLANT_AFTER.match(s, k.end)
        if plant is not None and not (
            # "比亚迪在深汕工厂举行了第900万辆新能源汽车下线仪式": where the maker held its
            # ceremony; the maker is the subject
            s.startswith("在", plant.start()) and _CEREMONY_AFTER.match(s, plant.end())
        ):
            maker = s[k.start : k.end]
            out.append(
                Unknown(
                    s[k.start : plant.end()], k.start, plant.end(), (maker, plant[1] or plant[2])
                )
            )
    for k in known if not s.isascii() else ():
        company = None if k.entity.is_region else _ZH_SUBSIDIARY_AFTER.match(s, k.end)
        if (
            company is not None
            and not _ZH_NOT_A_SUBSIDIARY.search(company[1])
            and not any(k.end <= m.start < company.end() for m in known)
            and not any(u.start == k.start for u in out)
        ):
            out.append(Unknown(s[k.start : company.end()], k.start, company.end()))
    # "合肥长安基地": a place, a known maker, then its plant
    for place, owner in pairwise(known) if not s.isascii() else ():
        base = _ZH_BASE_AFTER.match(s, owner.end)
        if (
            base
            and place.entity.is_region
            and not owner.entity.is_region
            and place.end == owner.start
        ):
            names = (s[owner.start : owner.end], s[place.start : place.end])
            out.append(Unknown(s[place.start : base.end()], place.start, base.end(), names))
    for k in known if not s.isascii() else ():
        zone = _ZH_ZONE_AFTER.match(s, k.end) if k.entity.is_region else None
        if zone is not None and not any(u.start <= k.start < u.end for u in out):
            out.append(Unknown(s[k.start : zone.end()], k.start, zone.end()))
    # "汽车重镇两江新区": a zone the lexicon does not know, after no known place
    for m in _ZH_UNKNOWN_ZONE.finditer(s) if not s.isascii() else ():
        spans = [(u.start, u.end) for u in out] + [(k.start, k.end) for k in known]
        if not any(a < m.end() and m.start() < b for a, b in spans):
            out.append(Unknown(m.group(0), m.start(), m.end()))
    # "Xi'an BYD produced 610,000": the maker's plant at that place, when the lexicon knows it
    lex = lexicon()
    for place, owner in pairwise(known):
        if (
            place.entity.is_region
            and not owner.entity.is_region
            and s[place.end : owner.start] == " "
            and f"{owner.entity.name} {place.entity.name}".casefold() in lex.by_alias
        ):
            names = (s[owner.start : owner.end], s[place.start : place.end])
            out.append(Unknown(s[place.start : owner.end], place.start, owner.end, names))
    # "宝鸡吉利汽车产量7.4万辆": a city, then a known maker: its plant there, whether the lexicon
    # knows it (西安吉利) or not; the maker itself where it is based ("杭州吉利")
    for place, owner in pairwise(known) if not s.isascii() else ():
        if (
            place.entity.level == "city"
            and place.end == owner.start
            and not owner.entity.is_region
            and owner.entity.kind != "unknown"
            and place.entity.name not in owner.entity.based
        ):
            names = (s[owner.start : owner.end], s[place.start : place.end])
            out.append(Unknown(s[place.start : owner.end], place.start, owner.end, names))
    # "the SAIC Ningde base produced 300,600": a known maker, a place, then its plant
    for owner, place in pairwise(known):
        # ("FAW Jilin Automobile's H1 wholesales": the maker's company in that province)
        site = _EN_SITE_AFTER.match(s, place.end) or (
            _EN_COMPANY_AFTER.match(s, place.end) if place.entity.level != "country" else None
        )
        if (
            site
            and place.entity.is_region
            and not owner.entity.is_region
            and s[owner.end : place.start] == " "
        ):
            names = (s[owner.start : owner.end], s[place.start : place.end])
            out.append(Unknown(s[owner.start : site.end()], owner.start, site.end(), names))
    # "比亚迪(济南)全年生产新能源整车超过36万辆": a maker, then a place in brackets, is its
    # company there (its plant)
    for owner, place in pairwise(known) if not s.isascii() else ():
        if (
            place.entity.is_region
            and not owner.entity.is_region
            and s[owner.end : place.start] in ("(", "（")
            and s[place.end : place.end + 1] in (")", "）")
        ):
            names = (s[owner.start : owner.end], s[place.start : place.end])
            out.append(Unknown(s[owner.start : place.end + 1], owner.start, place.end + 1, names))
    # ("比亚迪（抚州）": a place the lexicon does not know, in brackets, still names the
    # maker's company there: a name the lexicon does not know)
    for k in known if not s.isascii() else ():
        bracket = None if k.entity.is_region else _ZH_BRACKETED_AFTER.match(s, k.end)
        if (
            bracket is not None
            and not _ZH_COMPANY_WORDS.fullmatch(bracket[1])
            and not any(u.start == k.start for u in out)
            and not any(bracket.start() < m.start < bracket.end() for m in known)
        ):
            out.append(Unknown(s[k.start : bracket.end()], k.start, bracket.end()))
    # "宁德基地1万台整车下线": a plant named by its place alone is the plant's, not the place's
    # (not "奇瑞在安徽芜湖生产基地举行": where the maker's event took place)
    for k in known if not s.isascii() else ():
        base = _ZH_BASE_AFTER.match(s, k.end) if k.entity.is_region else None
        if (
            base is not None
            and not _AT_A_PLACE.search(s, max(0, k.start - 6), k.start)
            and k.entity.name not in _places_of_known_plants()  # "上海工厂": Tesla's
            and not any(u.start <= k.start < u.end for u in out)
        ):
            out.append(Unknown(s[k.start : base.end()], k.start, base.end()))
    blocking = [k for k in known if not place_in_a_name(s, k)]

    def covered(a: int, b: int) -> bool:
        return any(m.start < b and a < m.end for m in blocking) or any(
            u.start < b and a < u.end for u in out
        )

    # (not in a headline in title case, "China Retail Car Sales Rise 4.2% in February": every
    # word is capitalised there, names or not)
    for m in _EN_ORG.finditer(s) if _ORG_NEEDLE.search(s) and not _title_case(s) else ():
        words = m.group(0).split()
        if words[0].casefold() in _NOT_NAMES:
            words = words[1:]
        if len(words) < 2 or any(w.casefold() in _NOT_NAMES for w in words[:-1]):
            continue
        if all(w.casefold().strip(".,") in _COMPANY_FORMS for w in words):
            continue  # "Chery Holding Group Co Ltd": the legal form of the name before
        start = m.end() - len(" ".join(words))
        if _INDUSTRY_BODY.match(s[m.end() :]):
            continue  # "the Shaanxi Automobile Industry Association said": a body that reports
        inside = [k for k in known if start <= k.start and k.end <= m.end()]
        if inside and not all(k.entity.is_region for k in inside):
            continue  # "Geely Automobile Holdings", "NIO Inc": a known maker with its suffix
        if not covered(start, m.end()) or inside:
            out.append(Unknown(s[start : m.end()], start, m.end()))
    actors = _EN_ACTOR.finditer(s) if _ACTOR_NEEDLE.search(s) else ()
    gapped = _EN_GAPPED.finditer(s) if " for " in s or " at " in s or " on " in s else ()
    listed = _EN_LISTED.finditer(s) if s.isascii() else ()
    named = (
        m
        for m in (_EN_NAMED_SALES.finditer(s) if " sales " in s or " deliveries " in s else ())
        if m.group(1).casefold() not in _SALES_KINDS
    )
    lines = _EN_NAMED_LINE.finditer(s) if " brand" in s or " series" in s or " marque" in s else ()
    for m in chain(actors, gapped, listed, named, lines):
        words = m.group(1).split()
        while words and words[0].casefold().strip("'’") in _NOT_NAMES:
            words = words[1:]
        if not words or words[-1].casefold() in _NOT_NAMES:
            continue
        if all(w.casefold().strip(".,") in _COMPANY_FORMS for w in words):
            continue  # "BYD Co Ltd sold": the legal form of the name before
        start = m.end(1) - len(" ".join(words))
        if not covered(start, m.end(1)) and not _INDUSTRY_BODY.match(s[m.end(1) :]):
            out.append(Unknown(s[start : m.end(1)], start, m.end(1)))
    labelled = _EN_LABELLED.match(s) if ":" in s else None
    if (
        labelled
        and not any(w.casefold() in _NOT_NAMES for w in labelled.group(1).split())
        and not _NOT_A_LABEL_NAME.search(labelled.group(1))
        and not covered(labelled.start(1), labelled.end(1))
    ):
        # "(i) Tank: 49,000 units sold in Q1": a name the lexicon does not know, labelling the
        # count after it
        out.append(Unknown(labelled.group(1), labelled.start(1), labelled.end(1)))
    ranked = _EN_RANKED.match(s) if s.startswith(("No", "#")) else None
    if ranked and not covered(ranked.start(1), ranked.end(1)):
        # "No. 3 Foobar, full-year sales of 1,236,681 units": the name a ranking's line is of
        out.append(Unknown(ranked.group(1), ranked.start(1), ranked.end(1)))
    apposed = _EN_APPOSED.match(s)
    if (
        apposed
        and not any(w.casefold() in _NOT_NAMES for w in apposed.group(1).split())
        and not covered(apposed.start(1), apposed.end(1))
    ):
        out.append(Unknown(apposed.group(1), apposed.start(1), apposed.end(1)))
    for m in _ZH_HEAD.finditer(s) if not s.isascii() else ():  # perf: it needs Chinese
        name = m.group(1)
        if not _ZH_COMMON.match(name) and not covered(m.start(1), m.end(1)):
            out.append(Unknown(name, m.start(1), m.end(1)))
    for m in _ZH_LATIN_HEAD.finditer(s) if not s.isascii() else ():
        if not covered(m.start(1), m.end(1)):
            out.append(Unknown(m.group(1), m.start(1), m.end(1)))
    for k in known if "系" in s else ():
        # "丰田系均超过七万辆": a foreign maker's joint ventures in China, not the maker (a
        # Chinese group's is the group: "长安系全年产量约为268万辆")
        if k.entity.foreign and _ZH_FAMILY_AFTER.match(s, k.end):
            out.append(Unknown(s[k.start : k.end + 1], k.start, k.end + 1))
    for m in _ZH_LEGAL_NAME.finditer(s) if "公司" in s or "控股集团" in s else ():
        # a company the lexicon does not know, under its legal name: a place at its start
        # names no one ("广州汽车工业集团有限公司,产销量为85542辆"), and a known maker inside
        # it is the company itself ("长安汽车(集团)有限责任公司")
        inside = [k for k in known if m.start(1) <= k.start and k.end <= m.end(1)]
        if all(k.entity.is_region for k in inside) and not covered(m.start(1), m.end(1)):
            out.append(Unknown(m.group(1), m.start(1), m.end(1)))
    for m in _ZH_COUNTY.finditer(s) if "县" in s or "縣" in s else ():
        if not _ZH_COMMON.match(m.group(1)) and not covered(m.start(1), m.end(1)):
            out.append(Unknown(m.group(1), m.start(1), m.end(1)))  # "长丰县新能源整车产量95万辆"
    for k in known:
        if k.entity.is_region or k.end >= len(s) or not "\u4e00" <= s[k.end] <= "\u9fff":
            continue
        continued = _ZH_CONTINUED.match(s, k.end)
        # (not "陕西重型汽车有限公司": the legal form of the name known; nor a plant read above)
        if (
            continued
            and not _ZH_COMMON.match(continued.group(1))
            and continued[1] != "有限"
            and not any(u.start <= k.start < u.end for u in out)
        ):
            out.append(Unknown(s[k.start : continued.end()], k.start, continued.end()))
    return sorted(out, key=lambda u: u.start)


def place_in_a_name(s: str, mention: Mention) -> bool:
    """A place that is part of a company name or says where a company sits ("Zhengzhou Nissan",
    "the Shanghai-based carmaker") is no subject of its own. A national or provincial industry
    body ("China Association of Automobile Manufacturers") speaks for the place."""
    if not mention.entity.is_region:
        return False
    after = s[mention.end : mention.end + 60]
    if _INDUSTRY_BODY.match(after):
        return False
    if _BASED.match(after) or _ZH_COMPANY_AFTER.match(after):
        return True
    if not _NAME_AFTER.match(after):
        return False
    if not _title_case(s):
        return True
    # (a headline in title case capitalises every word after a place: a name only if a
    # maker's follows, "Zhejiang Leapmotor Technology Shares Jump")
    known = lexicon().find(after)
    return bool(known) and not known[0].entity.is_region and not after[: known[0].start].strip()


# "在美国上市的蔚来汽车": where a maker's shares are listed, no market it sells in
_NOT_LISTED_THERE = r"(?!(?:纽约|纳斯达克|纽交所|证券交易所|交易所|股市)?(?:上市|挂牌))"
# "红旗节能车销量296777台": a maker's cars that are not NEVs (not "节能与新能源汽车", the policy
# phrase for both)
_ENERGY_SAVING_CARS = r"|(?<!与)(?<!和)(?<!及)节能(?:汽)?车(?!型|企|产业|技术)"
_SUBSEGMENT = re.compile(
    r"\bpassenger (?:car|vehicle|NEV|EV|BEV|PHEV|new energy vehicle|electric vehicle)s?\b"
    # ("BYD's commercial plug-in vehicles came to 563": the commercial ones of a powertrain)
    r"|\bcommercial (?:(?:plug-in|electric|new[- ]energy|hybrid|battery[- ]electric) )?"
    r"(?:vehicles?|NEVs?|EVs?)\b|\bpure(?:ly)?[- ]electric\b"
    r"|\b(?:conventional|regular|self-charging|full|mild)[- ]hybrids?\b"
    r"|\b(?:fully|all)[- ]electric\b"
    # "The compact car segment … totalled 510,000 units": one class of cars (not "overtaking
    # Tesla in the premium segment": where a rank holds)
    r"|(?<!\bin the )(?<!\bin its )\b(?:compact|subcompact|small|mini|mid-?size|midsize|large"
    r"|luxury|premium|entry-level)(?: car| SUV| sedan| MPV)? segment\b"
    # internal combustion and hybrid cars: one powertrain of a maker's range
    r"|\bICE (?:sales|vehicles|cars|models|deliveries)\b|\binternal[- ]combustion\b"
    r"|\b(?:petrol|gasoline|fossil[- ]fuel|fuel)[- ]powered\b"
    r"|\b(?:traditional|conventional)[- ]fuel\b"
    r"|\bbattery[- ]electric\b|\bbattery EVs?\b|\bplug-in hybrids?\b|\bsedans?\b"
    # "Another of the group's brands sold 37,405": one of its brands, not named
    r"|\b(?:another|one|two|three|each|either) of (?:its|their|the (?:group|company|maker"
    r"|carmaker|automaker)['’]s) (?:[\w-]+ )?brands\b"
    # "Hybrids led the way with 310,912 deliveries" (not "EVs and hybrids": both, the whole)
    r"|(?<!and )(?<!& )\b(?:hybrids|hybrid (?:cars|vehicles|models))\b(?! and\b)"
    # "deliveries of hybrid electric vehicles (HEVs)", 'came with the "Sport Hybrid" powertrain'
    r"|(?<!plug-in )\bhybrid[- ]electric (?:cars|vehicles|models)\b|(?<![A-Za-z])HEVs?(?![A-Za-z])"
    r"|\bhybrid[\"”’']? powertrains?\b"
    # acronyms stand inside Chinese text too ("其中PHEV销量"): no word boundary there
    r"|(?<![A-Za-z])(?:BEV|PHEV|EREV|FCEV|FCV|SUV|MPV)s?(?![A-Za-z])|\bdomestic(?:ally)?\b"
    r"|\bfuel[- ]cell\b|燃料电池"
    r"|\bin the (?:Chinese|China|domestic|home) market\b"
    # "At home, sales held steady with 138,748 units": the home market (not "at home and abroad")
    r"|(?<!\bboth )\bat home\b(?! and (?:abroad|overseas|exports?)\b)"
    r"|\bunder the [\w-]+(?: [\w-]+)? (?:brand|marque|label|line)\b"
    r"|\bown[- ]brands?\b|\bwholly[- ]owned brands?\b|\bself-owned\b"
    r"|\bin (?:Europe|the UK|Britain|Brazil|Russia|Mexico|Australia|Thailand|Japan|the US"
    r"|the United States|Germany|France|Italy|Spain|Israel|Turkey|the Middle East"
    r"|Southeast Asia|Latin America|South America|Indonesia|Malaysia|India)\b"
    r"|在(?:欧洲|巴西|俄罗斯|墨西哥|澳大利亚|泰国|日本|美国|德国|英国|法国|以色列|土耳其|中东|东南亚"
    r"|拉美|印尼|马来西亚)(?:市场)?"
    + _NOT_LISTED_THERE
    # (not 国内首个, 国内第一: the scope of a rank; nor 中国内地: China)
    + r"|乘用车|商用车|纯电|插混|插电|混动|混合动力|增程|轿车"
    r"|国内(?!首|第|唯一|最|领先|地(?!区))|本土市场"
    r"|自主(?:品牌|体系|新能源|乘用车|板块)|合资品牌"
    r"|燃油车|燃油汽车|传统(?:燃料|能源|动力)(?:汽)?车"
    + _ENERGY_SAVING_CARS
    # "fuel vehicle sales reached 135,732": the maker's cars that are not NEVs
    + r"|\b(?:traditional[- ]|conventional[- ])?fuel[- ](?:powered[- ]|engine[- ])?"
    r"(?:vehicles?|cars?)\b"
    r"|\b(?:petrol|gasoline|ICE|combustion[- ]engine)[- ](?:powered[- ])?(?:vehicles?|cars?)\b",
    re.I,
)


# One kind of vehicle or product: "heavy truck sales", "3,582 new-energy buses", 重卡, 牵引车,
# "engine products". A count of it is never a country's or a carmaker's total.
_VEHICLE_TYPE = re.compile(
    r"\b(?:(?:heavy|medium|light|mini)(?:[- ]duty)?[- ](?:trucks?|vans?|lorr(?:y|ies))|trucks?"
    # (not "Engine of growth", "a growth engine": a figure of speech)
    r"|lorr(?:y|ies)|buses|bus|coaches|pick-?ups?|tractors?|vans"
    r"|(?<!combustion )(?<!growth )engines?(?!\s+(?:of|for)\s)"
    r"|special[- ]purpose vehicles?)\b"
    # "luxury car sales fell 19 percent to 210,000 units": a price class of the market
    r"|\bluxury[- ](?:car|vehicle)s?\s+(?:sales|market|segment|registrations|retail|wholesale"
    r"|deliveries)\b|\b(?:sales|registrations|deliveries) of luxury (?:cars|vehicles)\b"
    r"|豪华车(?:市场|销量|零售|批发|销售|交付)"
    # "China-branded passenger vehicles": the cars of one origin, a part of the market
    r"|\b(?:China|Chinese|domestic|foreign|Japanese|German|joint[- ]venture)[- ]brand(?:ed|s)?"
    r"\s+(?:passenger\s+)?(?:cars?|vehicles?)\b"
    # "B级电动车批发销量20.5万辆", "B-segment EVs": one size class of the market
    r"|(?<![A-Za-z])[ABCD]0{0,2}级(?:纯电动|电动|新能源|燃油)?(?:车|汽车|轿车|SUV)"
    r"|\b[ABCD]-segment\s+(?:cars?|vehicles?|EVs?|NEVs?|SUVs?|sedans?)\b"
    r"|重卡|重型(?:卡车|货车|车)|中重卡|中重型|轻卡|轻型(?:卡车|货车)|微卡|卡车|货车|客车|大巴|公交车"
    r"|皮卡|牵引车|专用车|校车|环卫车|工程车|发动机|柴油机|内燃机",
    re.I,
)


# one size or use of bus: "large coaches", 大型座位客车, 公交客车, 校车
_BUS_TYPE = re.compile(
    r"\b(?:large|medium|mid-size|light|small|mini|city|school|tourist|intercity)(?:[- ]sized)?[- ]"
    r"(?:buses|bus|coaches)\b"
    r"|(?:大型|中型|轻型|小型)(?:座位|公交|旅游|城市)?客车|(?:座位|公交|旅游|城市)客车|校车|公交车",
    re.I,
)


def vehicle_type(text: str, entity: Entity) -> bool:
    """The text counts one kind of vehicle (trucks, buses, pickups, tractors) or engines, and
    the entity is not a maker that builds only such vehicles (the lexicon's ``builds``), or
    one size or use of bus and the entity builds only buses."""
    if entity.builds == "buses":
        return bool(_BUS_TYPE.search(text))
    if "ick" in text or "皮卡" in text:  # perf: "passenger cars and pickups" are both kinds
        text = _BOTH_KINDS.sub(" ", text)
    return entity.builds is None and bool(_VEHICLE_TYPE.search(text))


# A text about one kind of vehicle: the market of trucks, buses, pickups or commercial vehicles
# ("我国卡车市场(含底盘、牵引车)共计销售21.60万辆", "商用车产销分别完成…", 轻客)
_VEHICLE_TOPIC = re.compile(
    _VEHICLE_TYPE.pattern + r"|\bcommercial vehicles?\b|商用车|商用車|轻客|輕客|卡車|貨車|客車",
    re.I,
)
_MAKER_AFTER = re.compile(
    r"[- ](?:makers?|manufacturers?|producers?|compan(?:y|ies)|firms?|groups?|giants?)\b"
    r"|(?:制造商|生产商|企业|车企|厂商|龙头)",
    re.I,
)
# all vehicles, or passenger cars, said after it: "汽车产销分别完成…", "the car market", 整车,
# 乘用车零售
_OTHER_VEHICLES = re.compile(
    r"(?<![用货貨客卡])(?:汽车|汽車)(?:总|總)?(?:产销|產銷|销量|銷量|产量|產量|市场|市場|出口"
    r"|行业|行業)|整车|整車|全行业|全行業|乘用车|乘用車"
    r"|\b(?:car|auto|automobile|vehicle) (?:market|sales|output|production|exports)\b"
    r"|\bpassenger (?:cars?|vehicles?)\b",
    re.I,
)

# "乘用车(不含微型客车)", "excluding buses": what is left out of the count
_LEFT_OUT = re.compile(r"不含|不包括|除去?|扣除|\bexcluding\b|\bexcept\b|\bother than\b", re.I)
# "Sales of all vehicles, trucks and buses included,", "including trucks and buses", 含客车: what
# is counted in with the rest, no kind of its own
_COUNTED_IN_BEFORE = re.compile(
    r"\b(?:including|includes|incl\.?)\s+(?:[\w-]+\s+){0,2}$|(?<!不)(?:含|包括|包含)$", re.I
)
_COUNTED_IN_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*[\w-]+){0,3}\s+(?:included|inclusive)\b", re.I)


# both kinds together: all vehicles ("its passenger vehicle and light commercial vehicle
# businesses", 乘用车和商用车)
_BOTH_KINDS = re.compile(
    r"\bpassenger(?: vehicles?| cars?)?(?: business(?:es)?)?,?\s+(?:and|&)\s+(?:light\s+)?"
    r"commercial vehicles?\b|\bcommercial(?: vehicles?)?(?: business(?:es)?)?,?\s+(?:and|&)\s+"
    r"passenger (?:vehicles?|cars?)\b|乘用车(?:和|与|及|、)商用车|商用车(?:和|与|及|、)乘用车"
    # "overseas sales of passenger cars and pickups": all a maker of both sells
    r"|\bpassenger (?:vehicles?|cars?),?\s+(?:and|&)\s+pick-?ups?(?: trucks?)?\b"
    r"|乘用车(?:和|与|及|、)皮卡"
    # "Domestic sales and exports together totaled 30,688": the home market and the rest
    r"|\bdomestic (?:sales|deliveries|retail sales) (?:and|plus|&) exports\b"
    r"|\bexports (?:and|plus|&) domestic (?:sales|deliveries)\b",
    re.I,
)


def one_vehicle_type_before(text: str, end: int, start: int = 0) -> bool:
    """``text[start:end]`` names one kind of vehicle (trucks, buses, pickups, commercial
    vehicles) as what is counted, and no count of all vehicles or passenger cars after it."""
    both = [m.span() for m in _BOTH_KINDS.finditer(text, start, end)]
    last = None
    for m in _VEHICLE_TOPIC.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in both) or _MAKER_AFTER.match(text, m.end()):
            continue  # (not "the commercial vehicle maker sold": what the maker is known for)
        if _COUNTED_IN_BEFORE.search(text, max(start, m.start() - 24), m.start()) or (
            _COUNTED_IN_AFTER.match(text, m.end())
        ):
            continue
        if not _LEFT_OUT.search(text, max(start, m.start() - 8), m.start()):
            last = m
    return last is not None and not _OTHER_VEHICLES.search(text, last.end(), end)


def other_vehicles_before(text: str, end: int) -> bool:
    """``text[:end]`` counts all vehicles or passenger cars (汽车产销, "the car market", 整车,
    乘用车)."""
    return _OTHER_VEHICLES.search(text, 0, end) is not None


def vehicle_type_topic(headline: str) -> bool:
    """The headline is about the market of one kind of vehicle ("3月重卡销量…", "皮卡出口…"),
    not about all vehicles beside it."""
    return one_vehicle_type_before(headline, len(headline)) and not _OTHER_VEHICLES.search(headline)


# one powertrain of the new energy vehicles: a part of a region's NEV count, never all of it
_POWERTRAIN = re.compile(
    r"\bpure(?:ly)? electric\b|\bbattery[- ]electric\b|\bplug-in hybrids?\b|\bfuel[- ]cell\b"
    r"|\b(?:conventional|regular|self-charging|full|mild)[- ]hybrids?\b"
    r"|(?<![A-Za-z])(?:BEV|PHEV|EREV|FCEV|FCV|ICE|HEV)s?(?![A-Za-z])|燃料电池|纯电|插混|插电|增程"
    # (hybrids of every kind: "4月普通混合动力乘用车批发2.7万辆")
    r"|(?<!插电)(?<!插电式)(?:混合动力|混动)"
    # the other side: "7月常规燃油车零售84万辆", "combustion-engine cars"
    r"|燃油车|燃油汽车|传统(?:燃料|能源|动力)(?:汽)?车|\b(?:internal[- ])?combustion[- ]engine\b"
    + _ENERGY_SAVING_CARS
    + r"|\b(?:traditional|conventional)[- ]fuel\b"
    r"|\b(?:petrol|gasoline)\b(?!-electric)",
    re.I,
)


def powertrain(text: str) -> bool:
    """The text counts one powertrain (battery-electric, plug-in hybrid, fuel cell) only."""
    return bool(_POWERTRAIN.search(_BOTH_POWERTRAINS.sub(" ", text)))


# "electric and plug-in hybrid cars", "纯电和插混": both powertrains together are the whole
_BOTH_POWERTRAINS = re.compile(
    r"(?:electric|电动|纯电)\S*(?:\s+(?:cars|vehicles|models|EVs))?\s*(?:and|&|和|与|及|、|/)\s*"
    # ("45,067 battery-electric and PHEV units")
    r"(?:plug-in|PHEVs?|插电|插混|(?=hybrids?\b))(?:式?(?:混动|混合动力))?"
    r"(?:\s*hybrids?(?:\s+(?:cars|vehicles|models))?)?",
    re.I,
)


# perf: _SUBSEGMENT lower-cased and case-sensitive, for lowered text: the same matches (faster)
# unless the text has characters IGNORECASE matches with an ASCII letter that str.lower() does
# not turn into one (_ODD_CASE)
_SUBSEGMENT_LOWER = re.compile(_SUBSEGMENT.pattern.lower())
# lower-casing keeps it the same pattern: no escape such as \S or \A, no inline flag
assert _SUBSEGMENT.flags & re.IGNORECASE and not re.search(
    r"\\[A-Z]|\(\?[A-Za-z-]+[:)]|\(\?P", _SUBSEGMENT.pattern
)
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


# passenger cars: the one part of a maker kept as a figure, in a segment of its own
_PASSENGER = re.compile(
    r"\bpassenger (?:car|vehicle|NEV|new energy vehicle|electric vehicle)s?\b|乘用车|乘用車", re.I
)


# one body type: "sales of sedans", "SUVs stayed the biggest category", 轿车销量
_BODY_TYPE = re.compile(
    r"\b(?:sedans?|saloons?|hatchbacks?|crossovers?|pickups?)\b"
    r"|(?<![A-Za-z])(?:SUV|MPV)s?(?![A-Za-z])|轿车|轎車|皮卡",
    re.I,
)


def body_type(clause: str) -> bool:
    """The clause counts one body type (sedans, SUVs, MPVs, pickups), never a whole market."""
    return bool(_BODY_TYPE.search(clause))


# a group of brands by origin: "Chinese independent brands sold 1.49 million", 自主品牌, 德系品牌
_BRAND_GROUP = re.compile(
    r"\b(?:independent|domestic|Chinese|local|home-?grown|joint[- ]venture|foreign|overseas"
    r"|German|Japanese|American|Korean|French|European|luxury)[- ]brands?\b"
    # "independent Chinese manufacturers exported", "domestic carmakers sold 1.31 million"
    r"|\b(?:independent|domestic)\s+(?:Chinese\s+)?(?:manufacturers|carmakers|automakers)\b"
    r"|(?:自主|合资|中国|国产|本土|外资|德系|日系|美系|韩系|法系|欧系|豪华)品牌",
    re.I,
)


def brand_group(clause: str) -> bool:
    """The clause counts a group of brands by origin or class, a part of a market."""
    return bool(_BRAND_GROUP.search(clause))


# "its passenger car arm", "the truck division": a company of the maker for one kind of vehicle
_UNIT_OF_A_KIND = re.compile(
    r"\b(?:passenger[- ](?:car|vehicle)|commercial[- ]vehicle|truck|bus|(?:electric|EV|NEV"
    r"|new[- ]energy)(?:[- ](?:car|vehicle))?)s?\s+(?:arm|division|unit|subsidiary)\b(?!\s+sales)",
    re.I,
)


def unit_of_a_kind(clause: str) -> bool:
    """The clause counts a company of the maker's for one kind of vehicle ("SAIC's passenger
    car arm sold 800,800"), not the maker."""
    return bool(_UNIT_OF_A_KIND.search(clause))


def passenger_only(clause: str) -> bool:
    """The clause counts a maker's passenger cars and no narrower part of them (not "passenger
    BEVs", 乘用车出口 in Europe, nor 自主品牌乘用车)."""
    if not _PASSENGER.search(clause):
        return False
    return not subsegment(_PASSENGER.sub(" ", clause))


# the home market: a part of a maker's sales, never of its exports ("52,153 were sold
# domestically and 3,853 were exported": the second count is all the maker exported)
HOME_SCOPE = re.compile(
    r"\bdomestic(?:ally)?\b|\bin the (?:Chinese|China|domestic|home) market\b|\bat home\b"
    r"|国内(?!首|第|唯一|最|领先|地(?!区))|本土市场",
    re.I,
)


def subsegment(clause: str) -> bool:
    """The clause counts part of a maker: passenger or commercial vehicles, one powertrain, one
    body type, the home market, one brand of several. Such a count is not the maker's total."""
    text = _BOTH_KINDS.sub(" ", _BOTH_POWERTRAINS.sub(" ", clause))
    if _ODD_CASE.search(text):
        return bool(_SUBSEGMENT.search(text))
    return bool(_SUBSEGMENT_LOWER.search(text.lower()))


# "3,487 NETA Vs", "1,517 NETA S models", "units of the ES6", "20,324 for the Model 3": a model
# named right after a number
_MODEL_AFTER = re.compile(
    # ("sales came to 20,324 for the Model 3": the model's; not "for the Q3", a quarter)
    r"^\s*(?:units? of (?:the |its )?|of (?:the|its) |for (?:the|its) (?![QH][1-4]\b))?"
    r"(?:[A-Z][A-Za-z]+\s+)?"
    r"(?!(?:NEV|EV|BEV|PHEV|EREV|SUV|MPV|CV|HEV)s?\b)"
    r"(?:(?:[A-Z][\w.+-]*\s+){1,3}(?:models?|series|sedans?|SUVs?)\b|[A-Z]{1,3}\d{0,2}s\b"
    r"|[A-Z]{1,4}\d{1,3}[A-Za-z+]*\b|Model [3SXY](?:s|['’]s)?\b)"
    # "5,021 units of the AVATR 12": a name and a number after "units of"
    r"|^\s*units? of (?:the |its )?[A-Z][A-Za-z]+\s+\d{1,3}\b(?![,.]\d)"
    # "3,030 of the March deliveries were P7 series sedans"
    r"|^\s+of (?:the|its) [^,.;]{0,40}?\b(?:were|was)\s+(?:the\s+)?(?:[A-Z][\w+-]*\s+){1,3}"
    r"(?:series|models?|sedans?|SUVs?)\b"
    # "174,005 units, and 127,651 of them were Hongguang MINI EVs": a named product's share
    r"|^\s+of (?:them|these|those|which) (?:were|was)\s+(?:the\s+)?"
    r"(?!(?:NEV|EV|BEV|PHEV|EREV|SUV|MPV|CV|HEV)s?\b)"
    # (not "85,000 of them were Hongqi new energy vehicles": a brand's cars of a kind)
    r"(?![A-Z][\w+-]*(?:\s+&\s+[A-Z][\w+-]*)?\s+(?:(?:new[- ]energy|electric|electrified"
    r"|plug-in|battery[- ]electric)\s+)?(?:vehicles|cars|units|NEVs|EVs)\b)[A-Z][\w+-]*"
)


# "1.0万辆高端智能电动SUV": a body type after the unit, a part of the maker's count
_BODY_TYPE_AFTER_ZH = re.compile(
    r"\s*万?\s*(?:辆|輛|台)(?:[\u4e00-\u9fff]{0,10}?(?:SUV|MPV|轿车|轎車|跑车|跑車|皮卡|旅行车|旅行車)s?"
    # "第20万辆魔毯空气悬架车型": the cars of some models (not "为新能源和电气化车型", a powertrain)
    r"|(?:(?!新能源|电气化|电动|纯电|插电|插混|混动)[\u4e00-\u9fff]){0,10}?(?:车型|車型))"
    r"(?![A-Za-z])"
)


# "2104辆小鹏P7", "1.9225万辆Model S": a model code, maybe after its brand, right after the unit
_MODEL_CODE_AFTER_ZH = re.compile(
    r"\s*万?\s*(?:辆|輛|台)\s*(?:[\u4e00-\u9fff]{1,4}\s?)?(?:[A-Z]{1,3}\d{1,3}(?!\d)|Model\s?[3SXY](?![A-Za-z0-9]))"
)


def model_after(s: str, end: int) -> bool:
    """A model or body type named just after the number: the count is the model's, not the
    maker's."""
    return bool(
        _MODEL_AFTER.match(s[end : end + 40])
        or _BODY_TYPE_AFTER_ZH.match(s, end)
        or _MODEL_CODE_AFTER_ZH.match(s, end)
    )


# Countries and markets outside China: no entity evwatch counts, so a number of theirs is
# nobody's ("Japan's 954,000", 日本出口399万辆); "in South Africa" scopes a maker's count to one
# market (the parser's _in_foreign_market). Adjectives alone ("US-listed", "Japanese") are no
# places; with a market noun they are (_FOREIGN_MARKET).
_FOREIGN_EN = (
    "Japan", "Germany", "the United States", "the US", "the USA", "America", "the United Kingdom",
    "the UK", "Britain", "South Korea",
    "Korea", "India", "France", "Italy", "Spain", "Russia", "Mexico", "Brazil", "Thailand",
    "Indonesia", "Malaysia", "Vietnam", "Australia", "Canada", "Turkey", "Saudi Arabia",
    "the UAE", "Israel", "South Africa", "Belgium", "the Netherlands", "Norway", "Sweden",
    "Poland", "Hungary", "Chile", "Argentina", "the Philippines", "Pakistan", "Iran",
    "Kazakhstan", "Uzbekistan", "Europe", "the EU", "the European Union", "Southeast Asia",
    "Latin America", "the Middle East", "Belt and Road countries", "Belt and Road markets",
    "Asia", "the Asia-Pacific", "Asia-Pacific", "the Americas", "North America", "South America",
    "Africa", "Oceania", "Western Europe", "the Old Continent", "Eastern Europe",
    "Northern Europe", "Southern Europe", "Central Asia", "South Asia",
    "Central and Eastern Europe", "Egypt", "Morocco", "Algeria", "Nigeria", "Kenya",
    "Ethiopia", "Ghana", "Colombia", "Peru", "Ecuador", "Uruguay", "Paraguay", "Bolivia",
    "Venezuela", "Costa Rica", "Panama", "Qatar", "Kuwait", "Iraq", "Ukraine", "Belarus",
    "Azerbaijan", "Kyrgyzstan", "Tajikistan", "Greece", "Portugal", "Austria", "Switzerland",
    "Denmark", "Finland", "Ireland", "the Czech Republic", "Romania", "New Zealand",
    "Singapore", "Cambodia", "Myanmar", "Laos", "Bangladesh", "Sri Lanka", "Nepal", "ASEAN",
)  # fmt: skip
_FOREIGN_ZH = (
    "日本", "德国", "德國", "美国", "美國", "韩国", "韓國", "法国", "法國", "英国", "英國",
    "意大利", "西班牙", "俄罗斯", "俄羅斯", "墨西哥", "巴西", "泰国", "泰國", "印尼",
    "印度尼西亚", "马来西亚", "馬來西亞", "越南", "澳大利亚", "澳洲", "加拿大", "土耳其",
    "沙特", "阿联酋", "阿拉伯联合酋长国", "阿拉伯联合大公国", "以色列", "南非", "比利时",
    "荷兰", "挪威", "瑞典", "波兰", "匈牙利",
    "智利", "阿根廷", "菲律宾", "巴基斯坦", "伊朗", "哈萨克斯坦", "乌兹别克斯坦", "欧洲",
    "歐洲", "欧盟", "歐盟", "东南亚", "東南亞", "拉美", "中东", "中東", "一带一路沿线",
    "亚洲", "亞洲", "非洲", "拉丁美洲", "北美", "南美", "大洋洲", "西欧", "西歐", "东欧", "東歐",
    "北欧", "北歐", "南欧", "南歐", "中亚", "中亞", "南亚", "南亞", "西亚", "西亞", "北非",
    "中东欧", "中東歐", "埃及", "摩洛哥", "阿尔及利亚", "尼日利亚", "肯尼亚", "埃塞俄比亚",
    "加纳", "哥伦比亚", "秘鲁", "厄瓜多尔", "乌拉圭", "巴拉圭", "玻利维亚", "委内瑞拉",
    "哥斯达黎加", "巴拿马", "卡塔尔", "科威特", "伊拉克", "乌克兰", "白俄罗斯", "阿塞拜疆",
    "吉尔吉斯斯坦", "塔吉克斯坦", "希腊", "葡萄牙", "奥地利", "瑞士", "丹麦", "芬兰", "爱尔兰",
    "捷克", "罗马尼亚", "新西兰", "新加坡", "柬埔寨", "缅甸", "老挝", "孟加拉国", "斯里兰卡",
    "尼泊尔", "东盟", "東盟",
)  # fmt: skip
# "the US carmaker", "the UK government": the name says whose; the maker is meant
_AS_ADJECTIVE = (
    r"\s+(?:(?:electric|EV|car|auto|vehicle)\s+)?(?:carmaker|automaker|company|firm|maker|brand"
    r"|group|giant|rival|startup|government|unit|arm|subsidiary|division|plant|factory)s?\b"
)
_FOREIGN = re.compile(
    # perf: a name's first character before trying the names
    "(?=[T" + "".join(sorted({name[0] for name in (*_FOREIGN_EN, *_FOREIGN_ZH, "印度")})) + "])"
    r"(?:\b(?:"
    + "|".join(
        re.sub(r"^the\\ ", "[Tt]he ", re.escape(name))  # "The UK" opens a sentence
        for name in sorted(_FOREIGN_EN, key=len, reverse=True)
    )
    + r")\b(?![-\w])(?!"
    + _AS_ADJECTIVE
    + r")|\b[Tt]he U\.S\.(?!-)(?!"
    + _AS_ADJECTIVE
    + r")|印度(?!尼)|"
    + "|".join(sorted(_FOREIGN_ZH, key=len, reverse=True))
    + ")"
    + _NOT_LISTED_THERE
)
# "Thai sales", "the Mexican market", "European registrations": a market outside China
_FOREIGN_MARKET = re.compile(
    r"(?=[A-Z])\b(?:Thai|Mexican|European|Russian|Brazilian|Australian|Japanese|German|British"
    r"|Egyptian|Indonesian|Malaysian|Vietnamese|Middle Eastern|Saudi|Israeli|Turkish"
    r"|South African|Indian|Korean|South Korean|Spanish|Italian|French|Norwegian|Dutch"
    r"|Belgian|Polish|Chilean|Argentine|Kazakh|Uzbek|Philippine|US|U\.S\.|UK|U\.K\.|American"
    r"|Latin American)"
    r"(?= (?:(?:car|auto|vehicle|EV|passenger car|new car) )?(?:market|sales|registrations"
    # ("UK output fell 28.0% to 18,878 units": a maker's plants there)
    r"|output|production|buyers|customers|consumers|automakers|carmakers|manufacturers)\b)"
)
FOREIGN = "foreign"  # the ``level`` of a place outside China


def foreign_places(s: str) -> list[tuple[int, int]]:
    """Where ``s`` names a place or market outside China ("the UK", "Thai sales")."""
    return [m.span() for pattern in (_FOREIGN, _FOREIGN_MARKET) for m in pattern.finditer(s)]


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# a maker's noun after a country said as its origin: "(the) US electric vehicle (EV) maker"
_MAKER_NOUN_AFTER = re.compile(
    r"(?:\s+(?:[\w-]+|\([A-Z]{2,5}\))){0,4}?\s+(?:maker|carmaker|automaker|company|firm|giant"
    r"|manufacturer|start-?up|group)\b"
)


# "its Galaxy brand", "the Fangchengbao marque": a brand named after its owner's "its"
_ITS_BRAND = re.compile(
    r"\b(?:its|their|the)\s+([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)?)\s+(?:brand|sub-brand|marque)\b"
)


@cache
def brands_by_short_name() -> dict[str, str]:
    """The brands whose name is their owner's and a word of their own ("Geely Galaxy"), by
    that word ("galaxy"), when no place goes by it."""
    lex = lexicon()
    out: dict[str, str] = {}
    for entity in lex.entities.values():
        if entity.kind != "brand" or not entity.parent:
            continue
        if not entity.name.startswith(f"{entity.parent} "):
            continue
        short = entity.name[len(entity.parent) + 1 :].casefold()
        place = lex.by_alias.get(short)
        if place is None or not lex.entities[place].is_region:
            out[short] = entity.name
    return out


def names_in(s: str) -> list[Mention]:
    """Lexicon mentions in ``s`` plus the organisations it does not know (kind "unknown") and
    places outside China (kind "unknown", level ``FOREIGN``)."""
    lex = lexicon()
    known = [
        k
        for k in _without_locators(s, lex.find(s))
        if not _RIVAL_AFTER.match(s, k.end)
        and not _BACKER_AFTER.match(s, k.end)
        and not _names_an_office_or_show(s, k)
    ]
    unknown = [
        Mention(Entity(m.group(0), "unknown", FOREIGN, None, False), m.start(), m.end())
        for pattern in (_FOREIGN, _FOREIGN_MARKET)
        for m in pattern.finditer(s)
        if not any(k.start < m.end() and m.start() < k.end for k in known)
        # (not "The US electric vehicle (EV) maker": a maker described by its country)
        and not (
            (m.group(0)[:4].lower() == "the " or _THE_BEFORE.search(s, 0, m.start()))
            and _MAKER_NOUN_AFTER.match(s, m.end())
        )
    ]
    foreign = list(unknown)
    for brand in _ITS_BRAND.finditer(s) if "brand" in s or "marque" in s else ():
        a, b = brand.span(1)
        if not any(k.start < b and a < k.end for k in known):
            # "its Galaxy brand, which delivered 120,868": the brand, by its short name when
            # the lexicon knows it so, else a name it does not know (never the parent's)
            short = brands_by_short_name().get(brand[1].casefold())
            entity = lex.entities[short] if short else Entity(brand[1], "unknown", "", None, False)
            unknown.append(Mention(entity, a, b))
    for u in unknown_organisations(s, known):
        if any(f.start < u.end and u.start < f.end for f in foreign):
            continue  # "South Africa" is a place, not an organisation
        plant = None
        if u.plant is not None:  # "BYD's Xi'an operations": the lexicon may know "BYD Xi'an"
            maker, place = (lex.by_alias.get(name.casefold(), name) for name in u.plant)
            plant = lex.by_alias.get(f"{maker} {place}".casefold())
            if plant is None and place in ("China", "Chinese") and maker in lex.entities:
                # "Tesla's Chinese operations": its China arm, or a foreign maker's business in
                # China, which goes by its own name
                plant = lex.by_alias.get(f"{maker} china".casefold()) or (
                    maker if lex.entities[maker].foreign else None
                )
        entity = lex.entities[plant] if plant else Entity(u.name, "unknown", "", None, False)
        unknown.append(Mention(entity, u.start, u.end))
    for m in known:
        part = named_part(s, m)
        if part is not None:
            # a part of m's entity: "the group" after "the NIO brand" is NIO
            part_of = Entity(s[m.start : part], "unknown", "", m.entity.name, False)
            unknown.append(Mention(part_of, m.start, part))
    if not unknown:
        return known
    kept = [m for m in known if not any(u.start <= m.start < u.end for u in unknown)]
    return sorted([*kept, *unknown], key=lambda m: m.start)


# "Tesla rival BYD", "the Tesla Inc. TSLA rival delivered", "Tesla (NASDAQ:TSLA) rival's": the
# name says whom another maker competes with; it is never the subject
_RIVAL_AFTER = re.compile(
    r"\.?(?:\s+(?:Inc|Co|Ltd|Corp)\.?)?(?:\s*\([^)]{0,24}\))?(?:\s+[A-Z]{2,5})?(?:'s|’s)?"
    r"\s+(?:rival|competitor|challenger|contender|peer)s?\b"
)


# "前重庆市长", "Henan's party secretary", "the mayor of Hefei": the place names an office; the
# official's words are about something else, never the place's own count
_OFFICE_AFTER = re.compile(
    r"(?:市|省|自治区|县|区)?(?:委|政府)?(?:常务)?副?(?:市长|市長|省长|省長|书记|書記|主席|区长|區長"
    r"|县长|縣長"
    # "柳州市劳模、工匠代表参加了仪式": people of the place, not the place's count
    r"|劳模|劳动模范|工匠|人大代表|政协委员|代表团|市民|居民|网友)"
    r"|(?:'s|’s)?\s+(?:(?:former|vice|deputy|executive)\s+)*(?:mayor|governor"
    r"|party (?:secretary|chief))\b",
    re.I,
)
_OFFICE_BEFORE = re.compile(
    r"\b(?:mayor|governor|party (?:secretary|chief)) of\s+(?:the\s+)?$", re.I
)


# "亮相广州车展", "at the Shanghai auto show", "Auto Guangzhou": the place names the show (not
# a forum or a congress: "在河南省汽车产业大会上获悉，全省…" is the province's)
_EVENT_AFTER = re.compile(
    r"(?:国际|國際)?(?:车展|車展|汽车展|汽車展)"
    r"|(?:'s|’s)?\s+(?:International\s+)?(?:(?:Auto(?:mobile)?|Motor|Car|EV)\s+Show|Auto\s+Expo)\b",
    re.I,
)
_EVENT_BEFORE = re.compile(r"\bAuto\s+$")
# "中国一汽在长春召开工作会议": the city a meeting is held in
_VENUE_BEFORE = re.compile(r"[在于於]\s*$")
_VENUE_AFTER = re.compile(r"(?:市|省)?\s*(?:隆重)?(?:召开|举行|举办|开幕)")


def _names_an_office_or_show(s: str, mention: Mention) -> bool:
    """A place that only names an official's office or an event held there (a show, a
    meeting)."""
    if not mention.entity.is_region:
        return False
    end = mention.end - 1 if s[mention.end - 1] in "市省县区" else mention.end  # 重庆市|长
    return bool(
        _OFFICE_AFTER.match(s, end)
        or _OFFICE_BEFORE.search(s, max(0, mention.start - 32), mention.start)
        or _EVENT_AFTER.match(s, mention.end)
        or _EVENT_BEFORE.search(s, max(0, mention.start - 6), mention.start)
        or (
            _VENUE_BEFORE.search(s, max(0, mention.start - 2), mention.start) is not None
            and _VENUE_AFTER.match(s, end) is not None
        )
    )


# "The Stellantis-backed EV maker", "Geely-owned Zeekr": the name says who backs the maker meant
_BACKER_AFTER = re.compile(r"[-‐](?:backed|owned|controlled|funded|supported|affiliated)\b")


# "east China's Anhui Province", "Guangdong, south China,": the country only says where
_LOCATOR_OF_NEXT = re.compile(r"(?:'s|’s)\s+$")
_DIRECTION_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|central|northeast|northwest|southeast|southwest|northern"
    r"|southern|eastern|western|northeastern|northwestern|southeastern|southwestern)\s+)$",
    re.I,
)
_APPOSED_AFTER = re.compile(r"\s*,\s*$")


def _without_locators(s: str, known: list[Mention]) -> list[Mention]:
    """Drops "China" where it locates a province or city named beside it."""
    kept = []
    for i, m in enumerate(known):
        direction = _DIRECTION_BEFORE.search(s, max(0, m.start - 14), m.start)
        if m.entity.name == "China" and direction is not None:
            after = known[i + 1] if i + 1 < len(known) else None
            before = known[i - 1] if i else None
            if (
                after is not None
                and after.entity.is_region
                and _LOCATOR_OF_NEXT.match(s[m.end : after.start])
            ) or (
                before is not None
                and before.entity.is_region
                and _APPOSED_AFTER.match(s[before.end : direction.start()])
            ):
                continue
        kept.append(m)
    return kept


def named_part(s: str, mention: Mention) -> int | None:
    """The end of a name that makes ``mention`` a part of its entity: a group's namesake brand
    or a model. None when the mention names the entity itself."""
    entity = mention.entity
    if entity.is_region:
        return None
    model = _MODEL_SUFFIX.match(s, mention.end)
    if model:
        return model.end()
    if entity.kind not in ("group", "maker") or not has_brands(entity.name):
        return None
    brand = _BRAND_AFTER.match(s, mention.end)
    if brand and not lexicon().find(brand.group(0)):
        # (not "Ford's Lincoln brand": the brand it names is the subject)
        return brand.end()
    if _BRAND_BEFORE.search(s, max(0, mention.start - 60), mention.start):
        return mention.end  # "its premium brand NIO" (not "Chinese EV brand NIO": NIO itself)
    return None


@cache
def has_brands(name: str) -> bool:
    return any(e.parent == name for e in lexicon().entities.values())


# "NIO brand", "the Geely mass-market brand": a group's namesake brand, not the group
# ("NIO's namesake brand": the group's own)
_BRAND_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:brand|marque)\b|品牌", re.I)


_BRAND_BEFORE = re.compile(
    r"\b(?:its|their|(?:the\s+)?[\w-]+['’]s?)\s+(?:[\w-]+\s+){0,4}?brand\s+$", re.I
)


# "极氪001", "问界M9", "Zeekr 001", "AITO M9": a model of the maker
_MODEL_SUFFIX = re.compile(
    # (not "NIO Q3 2021:", "XPeng Q3 results": a quarter the report is on)
    r"(?!\s?[QH][1-4]\b(?:\s*(?:20\d\d|FY|:|[-–—]|results|earnings|revenue|financial)))"
    r"\s?(?:[A-Z]{1,3}\d{1,3}[A-Za-z+]*|\d{3})(?![\w%]|[.,]\d)(?!\s*[月年日万辆])"
    r"|\s[A-Z](?: Plus|\+)?(?=[\s,;:)\u4e00-\u9fff]|$)(?!\s+(?:and|&)\s)"
)
