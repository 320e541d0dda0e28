"""Whether a name in a sentence is a subject of its figures, and which names go together.

A brand named as part of something else ("its AITO", "the brand of Dongfeng"), a name inside an
apposition ("Voyah, the NEV brand of Dongfeng, ..."), the one beaten ("tops China"), a place that
only scopes or locates ("in the China market", "headquartered in Chongqing") is no subject. Lists
("Zeekr and Lynk & Co") name several; a brand between a count and its noun ("69,800 Hongqi
cars") is what is counted.
"""

from __future__ import annotations

import re

from crawler.figures.entities import Entity, Mention, lexicon
from crawler.figures.numbers import Number
from crawler.figures.subjects import names_in, place_in_a_name

_DEPENDENT_BEFORE = re.compile(
    r"(?:\b(?:brand|arm|unit|subsidiary|division|marque|venture|partner|supplier) of"
    r"(?:\s+[\w-]+){0,3}\s+|"
    # "the biggest contributor to SAIC Motor's sales": the whole the subject adds to
    r"\b(?:contributor|contributors|contribution|contributing)\s+to\s+(?:the\s+)?|"
    r"\b(?:(?:backed|owned|controlled|supported|founded|invested|co-developed|jointly developed"
    r"|developed) by|partnered with|in partnership with)\b(?:\s+[\w-]+){0,1}\s*|"
    r"\b(?:its|their|including|includes|such as|boosted by|driven by|helped by|like|across|under"
    r"|thanks to|from|among them|among which|besides|in addition to|apart from|aside from"
    r"|other than|except|excluding)\b(?:\s+[\w-]+){0,2}\s*|包括|如|例如|带动|除了?"
    # "鸿蒙智行凭借问界、智界、享界等多品牌布局": what the subject's count rests on, every name
    # of its list
    r"|(?:凭借|凭藉|凭着|憑藉|依托|依靠|借助|得益于|受益于)[^，,。；;：:]{0,16}"
    r"|[（(]\s*(?:含|包含|包括|含有|合并|连同|加上|including|incl\.?|with))$",
    re.I,
)

# perf: _DEPENDENT_BEFORE lower-cased and case-sensitive, for lowered text: the same matches
# (faster) unless the text has characters IGNORECASE matches with an ASCII letter that
# str.lower() does not turn into one (_ODD_CASE)
_DEPENDENT_BEFORE_LOWER = re.compile(_DEPENDENT_BEFORE.pattern.lower())
# lower-casing keeps it the same pattern: no escape such as \S or \A, no inline flag
assert _DEPENDENT_BEFORE.flags & re.IGNORECASE and not re.search(
    r"\\[A-Z]|\(\?[A-Za-z-]+[:)]|\(\?P", _DEPENDENT_BEFORE.pattern
)
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


_PARENT_BEFORE = re.compile(r"\b(?:its|their)\s+parent(?:\s+(?:company|group|firm))?\s+$", re.I)
_COUNT_FROM = re.compile(
    r"\b(?:deliveries|sales|output|production|exports|shipments|registrations|volumes?)\s+from\s+$",
    re.I,
)
# "sales of its iconic Hongqi brand passed 153,000": the one brand whose sales they are (not
# "sales of its AITO, Luxeed and other sub-brands combined": the maker's, across them)
_COUNT_OF_ITS = re.compile(
    r"\b(?:deliveries|sales|output|production|exports|shipments|registrations)\s+(?:from|of)"
    r"\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_ONE_BRAND_AFTER = re.compile(
    r"(?:\s+(?:brand|marque|cars|vehicles|models))?\s+(?!and\b|or\b)\w", re.I
)

# "外商独资(特斯拉)", "合资品牌（如大众）": a kind of maker, then one of them in brackets
_CATEGORY_BRACKET_BEFORE = re.compile(
    r"(?:独资|合资|外资|自主|品牌|企业|车企)\s*[（(]\s*(?:如|例如|包括)?$"
)
# "华晨宝马生产宝马汽车超过70万辆": the brand of the cars made, sold or shipped, not who did it
_PRODUCT_VERB_BEFORE = re.compile(r"(?:生产|制造|销售|售出|出口|交付)了?\s*$")
_PRODUCT_AFTER = re.compile(r"\s*(?:品牌)?(?:汽车|轿车|车型|乘用车|整车)")
# "下线中国首个第100万辆新能源汽车": where something was the first of its kind
_FIRST_OF_ITS_KIND_AFTER = re.compile(r"(?:国内)?(?:首个|首家|首辆|第一个|第一家|第一辆)")
# a name followed by what it invests in or holds: an investor, not the one whose figures follow
_INVESTOR_AFTER = re.compile(
    r"\s*(?:入股|参股|持股|注资|增持|减持|战略投资)"
    # "重庆小康控股等三家股东的红利": shareholders, named by what they own
    r"|(?:控股)?(?:等[\d一二三四五六七八九十两几]*家?)?(?:控股|大)?股东"
    r"|(?:'s?|’s?)\s+(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent)\s+)?"
    r"(?:stake|shareholding|investment)\s+in\b|-backed\b"
    r"|\s+(?:invested|invests|is investing|(?:took|bought|acquired) a stake)\s+in\b",
    re.I,
)


_INCLUDED_AFTER = re.compile(r"\s+(?:included|excluded)\b")
# "大众汽车品牌连同捷达子品牌共交付", "大众汽车品牌及其子品牌捷达", "BYD, together with its
# Denza brand, sold": counted in with the name before
_COUNTED_WITH_BEFORE = re.compile(
    r"(?:连同|連同|及其子品牌|及其旗下品牌|\b(?:together|along)\s+with\s+(?:its\s+|the\s+)?)$",
    re.I,
)
# the company another bought or owns, named as what describes the buyer
_BOUGHT_BEFORE = re.compile(
    r"(?:\b(?:that|which|who)\s+(?:bought|acquired|purchased|took over|owns|controls)"
    r"|\b(?:owner|buyer|acquirer)\s+of)\s+(?:[A-Z][a-z]+['’]s\s+)?(?:the\s+)?$",
    re.I,
)


# a company named in a person's title ("长城汽车股份有限公司董事长魏建军"): whom the person
# works for, not who made the count
_PERSON_TITLE_AFTER = re.compile(
    r"(?:股份)?(?:有限)?(?:公司|集团)?(?:党委书记|董事长|副董事长|总裁|副总裁|总经理|副总经理"
    r"|首席执行官|执行董事|创始人)"
)


def dependent(s: str, mention: Mention) -> bool:
    """A brand named as part of something else ("its AITO", "including Onvo", "across its
    line-up"); a region after "across" is the scope of the figure ("Across Henan, output ...")."""
    before = s[max(0, mention.start - 48) : mention.start]
    if mention.entity.is_region and re.search(r"\bacross\s*$", before, re.I):
        return False
    if mention.entity.kind == "unknown" and mention.entity.parent is None:
        return False  # "its contract partner Qingyuan Motor": an unknown name still blocks
    if _COUNT_FROM.search(before) or (
        _COUNT_OF_ITS.search(before) and _ONE_BRAND_AFTER.match(s, mention.end)
    ):
        return False  # "deliveries from Aito": whose deliveries they are
    if _CATEGORY_BRACKET_BEFORE.search(before):
        return True  # "外商独资(特斯拉)销量9573辆": an example of the kind counted
    if _INVESTOR_AFTER.match(s, mention.end):
        return True  # "中国一汽入股的传闻", "Stellantis's stake in Leapmotor": an investor
    if _PRODUCT_VERB_BEFORE.search(before) and _PRODUCT_AFTER.match(s, mention.end):
        return True  # "华晨宝马生产宝马汽车": the brand of what was made
    if mention.entity.is_region and _FIRST_OF_ITS_KIND_AFTER.match(s, mention.end):
        return True  # "下线中国首个第100万辆新能源汽车": where it was the first, not whose
    source = None if mention.entity.is_region else _SOURCE_OF_DATA_AFTER.match(s, mention.end)
    if source is not None and any(
        m.entity is not mention.entity for m in names_in(s[source.end() :])
    ):
        # "GAC data showed that China exported 3.22 million": whose data, when what they show
        # names its own subject (not "Official Chery data show that … the brand's exports")
        return True
    if _DATA_FROM_BEFORE.search(before) and (shown := _SHOWN_AFTER.match(s, mention.end)):
        # "Data from CAAM showed NEV sales of 98,000": who tells the count, and whose it is
        # unless what the data show names its own subject ("Figures from GAC show that China
        # exported ...")
        return any(m.entity is not mention.entity for m in names_in(s[shown.end() :]))
    if before.endswith("从") and s.startswith(("手中", "手里"), mention.end):
        return True  # "比亚迪首次从奇瑞手中夺下出口冠军": the one a title was taken from
    if _INCLUDED_AFTER.match(s, mention.end) or _COUNTED_WITH_BEFORE.search(before):
        return True  # "the Volkswagen brand, JETTA included, delivered": counted in with it
    if _BOUGHT_BEFORE.search(before):
        return True  # "the carmaker that bought Volvo Car Corp.", "the owner of Volvo": owned
    if _SCOPE_OF_A_SUPERLATIVE.search(before):
        return True  # "XPeng looked the strongest of NIO, XPeng and Li Auto": the ones it tops
    if _PERSON_TITLE_AFTER.match(s, mention.end) and not mention.entity.is_region:
        return True  # "长城汽车股份有限公司董事长魏建军…出席第10万辆整车下线仪式": a guest's title
    if _PARENT_BEFORE.search(before):
        return False  # "Its parent Geely ... delivered 310,428": the parent's own
    if _OWN_VERB_AFTER.match(s, mention.end) and not _LISTED_BEFORE.search(before):
        return False  # "its premium brand Denza sold 10,000": the brand's own figure
    if _INCLUDES_CLAUSE.search(s, max(0, mention.start - 100), mention.start):
        return True  # "Geely Auto Group, which includes the Geely, ... brands and Livan Auto,"
    if _BUILDS_FOR_CLAUSE.search(s, max(0, mention.start - 100), mention.start):
        return True  # "It also builds cars for Honda, Nissan, Kia and ...": its partners
    if _WHICH_VERB_AFTER.match(s, mention.end):
        return False  # "peers such as XPeng (XPEV), which delivered over 7,200": XPeng's own
    if before.endswith("在") and _HELD_AT_BASE.match(s, mention.end):
        return True  # "上汽通用五菱在宝骏基地举行第2200万辆整车下线仪式": where it was held
    if _NEWS_FROM.search(before) and _THAT_IT.match(s, mention.end):
        return False  # "The headline from XPeng right now is that it passed": news of itself
    if _ODD_CASE.search(before):
        return bool(_DEPENDENT_BEFORE.search(before))
    return bool(_DEPENDENT_BEFORE_LOWER.search(before.lower()))


_SCOPE_OF_A_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|best|worst|most\s+\w+|least\s+\w+)\s+(?:of|among)\s+(?:the\s+)?[\"“‘']?$", re.I
)
_SOURCE_OF_DATA_AFTER = re.compile(
    r"\s+(?:data|figures|statistics|numbers)\s+(?:showed|show|shows|released|published|indicated"
    r"|indicate|revealed)\b(?!\s+(?:a|an|its|their)\b)",
    re.I,
)
# "The latest figures from the", "data released on Tuesday by": a source of data named next
_DATA_FROM_BEFORE = re.compile(
    r"\b(?:data|figures|statistics|numbers)\s+(?:(?:released|published|compiled|issued)\b"
    r"[^,;.\d]{0,24}?\s+)?(?:from|by)\s+(?:the\s+)?$",
    re.I,
)
# " (CAAM) show that": what the data show follows
_SHOWN_AFTER = re.compile(
    r"(?:\s*\([^()\d]{1,12}\))?\s+(?:showed|show|shows|indicated|indicate|indicates"
    r"|revealed|reveal|reveals)(?:\s+that)?\b",
    re.I,
)
_HELD_AT_BASE = re.compile(
    r"(?:汽车)?(?:工厂|基地|生产基地|制造基地|超级工厂)(?:隆重)?(?:举行|举办)"
)
_NEWS_FROM = re.compile(r"\b(?:news|headline|word|update|announcement)\s+from\s+$", re.I)
_THAT_IT = re.compile(r"[^.;,]{0,40}?\bthat\s+it\b", re.I)


# a name followed by its own figure verb is the subject of that verb
_OWN_VERB_AFTER = re.compile(
    # ("its Harmony Intelligent Mobility Alliance (HIMA) delivered": a bracketed short name)
    r"(?:\s*[(（][^()（）\d]{1,40}[)）]|[)）])?"
    # (", which for now covers only the Aito and Luxeed brands, delivered": an aside between)
    r"(?:,\s+(?:which|who)\b[^,;.\d]{1,80},)?"
    # ("its competitor Xpeng in March delivered": a time may stand between)
    # ("its subsidiary SAIC Motor Passenger Vehicle Company sold": the name's company words)
    # ("Its Hongqi car brand alone accounted for 40,300": what kind of brand, and "alone")
    r"(?:\s+(?:(?:car|auto|premium|luxury|EV|electric|budget)\s+)?(?:brand|marque)"
    r"|\s+(?:Company|Co\.?|Ltd\.?|Limited|Corporation|Corp\.?))*(?:\s+alone)?"
    r"(?:\s+in\s+(?:[A-Z][a-z]+|the\s+\w+\s+(?:quarter|half))(?:\s+\d{4})?,?)?"
    r"\s+(?:sold|delivered|handed over|shipped|produced|exported|built"
    r"|made|posted|recorded|reported|registered|wholesaled|retailed"
    # "Its premium marque Denza did especially well, with sales up …": how it fared
    r"|did|fared|performed|saw|grew|rose|jumped|surged|soared|climbed|fell|dropped|declined"
    # "its Haval brand accounted for 60,000": the brand's part of the maker's count
    r"|accounted for|accounting for|contributed|made up|making up)\b"
    r"|(?:品牌)?(?:\d{1,2}\s*月)?(?:销量|交付|销售|产量|出口|共交付|累计交付)",
    re.I,
)
# an open "which includes ..." clause: the members of the name before it
_INCLUDES_CLAUSE = re.compile(
    r"(?:\b(?:which|that)\s+(?:includes?|comprises?|consists of|owns|covers|runs|operates"
    r"|oversees|manages|houses)"
    # "Dongfeng Nissan, covering the Nissan, Venucia and Infiniti brands, accounted for"
    r"|,\s*(?:covering|comprising|spanning|encompassing|made up of|consisting of))\b"
    r"(?![^.;()]*\b(?:sold|delivered|achieved|posted|reported|recorded|produced|exported|shipped"
    r"|reached|rose|fell)\b)[^.;()]*$",
    re.I,
)
# an open "builds cars for ..." clause: the makers the subject builds for, its partners
_BUILDS_FOR_CLAUSE = re.compile(
    r"\b(?:builds|makes|produces|assembles|manufactures|built|made|produced|assembled)\s+"
    r"(?:(?:cars|vehicles|models)\s+)?for\b[^.;:()\d]*$"
    r"|\bin (?:joint ventures?|partnership|partnerships) with\b[^.;:()\d]*$",
    re.I,
)
# a relative clause on the name with its own figure verb
_WHICH_VERB_AFTER = re.compile(
    # ("its Galaxy brand, which delivered 120,868": what the name is, then the clause)
    r"(?:\s*\([^()]{1,24}\))?(?:\s+(?:brand|marque|sub-brand))?,?\s+(?:which|that|who)\s+(?:has\s+|had\s+)?(?:sold|delivered"
    r"|handed over|shipped|produced|exported|built|made|posted|recorded|reported)\b",
    re.I,
)
_LISTED_BEFORE = re.compile(
    r"\b(?:including|includes|such as|like|among them)\b|包括|如|\b(?:by|with)\s+(?:[\w-]+\s+)?$",
    re.I,
)


# the company words after a maker's name: "Chery Automobile Co", "FAW Group Corporation"
_COMPANY_WORDS = (
    r"(?:\s+(?:Group|Holdings?|Co|Corporation|Company|Limited|Corp|Inc|Ltd|Automobile|Motors?"
    r"|Auto)\b\.?|,\s*(?:Ltd|Limited|Inc)\b\.?)*"  # "FAW-Volkswagen Automobile Co., Ltd."
)
# "Voyah, the NEV brand of Dongfeng Motor Corp, said ...": what the apposition names is not
# the subject; "Zeekr and Lynk & Co, the two Geely brands, delivered ..." likewise.
_APPOSITION = re.compile(
    # "Geely Auto Group, which ...", "China FAW Group Corporation, a leading ..."
    _COMPANY_WORDS + r"\s*(?:\([^)]{0,40}\)\s*)?(?:"
    # "SGMW, a joint venture between SAIC Motor, General Motors and Liuzhou Wuling Motors, said"
    r",\s*(?:a|the|its)\s+(?:[\w-]+\s+){0,2}?(?:joint[- ]venture|JV|venture|partnership|alliance)"
    r"\s+(?:between|of|among|with|formed by)\s+(?:[A-Z][^,;，；。\d]{0,40}?,\s*){0,5}"
    r"(?:and\s+)?[A-Z][^,;，；。\d]{0,60}?,"
    r"|,\s*(?:the|a|an|its|one of|another|fellow|home to|(?:best |also )?known (?:for|as)"
    r"|part of|(?:now )?(?:a )?(?:member|unit|subsidiary|division) of"
    r"|famous for|(?:maker|owner|parent|producer|builder|operator|seller) of)\s"
    r"[^,;，；。]{0,100}?(?<!\d),(?!\d)"
    # "SAIC-GM, GM's main joint venture and the company behind the Buick, Chevrolet and
    # Cadillac brands, ...": a list of brands inside
    r"|,\s*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*(?:'s|’s|'|’)\s[^;；。\d]{0,120}?\bbrands,"
    # "SGMW, General Motors' joint venture in China, has built ..."
    r"|,\s*(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*(?:'s|’s|'|’)\s[^,;，；。\d]{0,80}?,"
    r"|\s[—–]\s[^—–;；。]{0,120}?\s[—–]\s"  # "Changan Automobile — a state-owned ... —"
    # "Geely Auto Group, which includes Geely, Lynk & Co, ZEEKR brands, and Livan Auto, sold"
    # "Dongfeng Nissan, whose figure covers the Nissan, Venucia and Infiniti brands, sold"
    r"|,\s*(?:which|that|whose\s+(?:[\w-]+\s+){1,2}?)\s*(?:includes?|including|owns?"
    r"|comprises?|covers?|spans?)\s"
    r"(?:[^,;，；。\d]{1,40}?,\s*(?:and\s+)?){1,6}[^,;，；。\d]{1,40}?,"
    # "Geely Auto Group, comprising Geely (including Galaxy range), Lynk & Co, and ZEEKR brands,"
    r"|,\s*(?:comprising|consisting of|made up of|encompassing)\s"
    r"(?:[^,;，；。\d]{1,60}?,\s*(?:and\s+)?){0,6}[^,;，；。\d]{1,60}?,"
    # "Geely Auto, which owns Zeekr,", "Tesla, which makes Model 3 sedans in Shanghai,"
    r"|,\s*(?:which|who|whose)\s(?:[^,;，；。\d]|\d(?![\d,.]))(?:[^,;，；。\d]|(?<!\d)\d(?![\d,.])){0,99}?,"
    # "Leapmotor, owned by Dutch carmaker Stellantis, delivered ..."
    r"|,\s*(?:(?:wholly|jointly|majority|partly|partially|now)[- ])?(?:owned|controlled|backed"
    r"|founded|run|based|headquartered)\s[^,;，；。\d]{0,80}?,"
    r"|\s*\((?:the|a|an|its|one of|which|who|whose)\s[^()\d]{0,80}\))",  # "(the parent of Zeekr)"
    re.I,
)
# "X tops China", "A beats B with a record": the one beaten is not the subject
_OBJECT_BEFORE = re.compile(
    r"\b(?:tops|topped|topping|beats|beat|beaten|beating|overtakes|overtook|overtaking|overtaken|surpasses"
    r"|surpassed|surpassing|trails"
    # "outsold", "out-produces", "outdelivered"; a headline's present: "Xiaomi's EV sales
    # overtake Tesla in China"
    r"|out-?(?:sold|sell(?:s|ing)?|pac(?:es|ed|ing|e)|produc(?:es|ed|ing|e)|deliver(?:s|ed|ing)?"
    r"|ship(?:s|ped|ping)?)|overtake|surpass"
    r"|trailed|trailing|follows|followed|than|behind|ahead of|clear of|ran over|edged out"
    r"|edging out|moved past|moving past|edged past|leapfrogged|leapfrogging"
    r"|pass|passes|passed|passing"  # "Xiaomi's car sales in China pass Tesla's"
    # "The Continental led Lincoln with a 136% jump to 1,200 units": a model leading its brand
    r"|led|leads"
    # "BYD ..., knocking Volkswagen off the top spot": the one displaced
    r"|knocking|knocked|knocks|ousting|ousted|ousts|dethroning|dethroned|unseating|unseated"
    r"|displacing|displaced|dislodging|dislodged)"
    # ("ahead of both Audi and BMW": the two compared with)
    r"\s+(?:the\s+|both\s+)?$"
    # "远高于全国", "同期全国平均增速": the one compared with
    r"|(?:高于|低于|超过|超出|超越|反超|赶超|击败|力压|压过|胜过|盖过|领先于?|落后于?|不及|快于|慢于"
    r"|好于|次于"
    # (not "同期河南汽车产量" opening a sentence: the same period, then the subject)
    r"|(?<![相对])比|(?<=[^\s，,。；;：:、])同期|继|紧随|紧跟)\s*$",
    re.I,
)


# a kind of a place's makers ("China's emerging NEV makers"), not all of them ("China's
# carmakers"): neither the place nor any one maker
KIND_OF_MAKERS = (
    r"(?:'s|’s)\s+(?:(?!(?:auto|automobile|car|vehicle|motor)\s)[\w.-]+\s+){1,3}(?:makers"
    r"|carmakers|automakers|manufacturers|producers|startups|companies|firms|brands)\b"
)


# "in the China market", "outside China", "one of China's largest carmakers",
# "headquartered in Chongqing's ...": a place that scopes or describes, not a subject
_SCOPE_BEFORE = re.compile(
    r"(?:\boutside|\bbeyond|\bone of|\bin)\s+(?:the\s+)?$"
    # "Honda's shipments in China", "its car sales in China": where a maker's count was made,
    # the maker's
    r"|(?P<owned>(?:'s|’s|\b[Ii]ts|\b[Tt]heir))\s+(?:[\w-]+\s+){0,2}?(?:sales|deliveries"
    r"|shipments|output|production|exports|registrations"
    # "Its NEV penetration in China reached 55.9%": the maker's share there
    r"|penetration|(?:market )?share|presence)\s+(?:in|from)\s+(?:the\s+)?$",
    re.I,
)
# "在中国大陆和香港市场", "在中国大陆及香港地区": the first of the markets named together
_MARKETS_NAMED_TOGETHER = r"[和及与、][\u4e00-\u9fff]{1,6}?(?:市场|地区)"
# "中国市场共卖出21万辆": the market that sold, the place's own count
_THE_MARKET_SOLD = r"(?:共|总共|一共|合计|共计)(?:卖出|售出|销售|零售|交付)"
_SCOPE_AFTER = re.compile(
    r"^(?:\s+market\b"
    # "74073辆上海制造的汽车": where the cars were made
    r"|(?:制造|生产|组装|造)的"
    r"|(?:'s|’s)\s+[A-Z][a-z]+\s+(?:New Area|District|County|Zone|Park)\b"
    r"|(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:largest|biggest|top|leading|No\.|second|third"
    # "China's first automobile enterprise to sell ...", not "China's first-half sales"
    r"|first(?![- ](?:half|quarter|two|three|four|five|six|seven|eight|nine|ten|eleven|months?)\b)"
    r"|best-selling|top-selling|major|main|most (?:popular|valuable|successful|prolific))\b"
    # "China's single-brand car sales champion", "China's electric vehicle maker", "the first
    # of China's emerging NEV makers"
    r"|(?:'s|’s)\s+(?:[\w.-]+\s+){0,4}?(?:champion|leader|best-?seller|number one|capital|hub"
    r"|heartland|base|maker|carmaker|automaker|manufacturer|producer|startup|company|firm)\b"
    # "中国新势力车企最快纪录", "中国品牌", "中国市场": the place describes a noun (not "中国市场
    # 共卖出21万辆", the market that sold: the place's count)
    r"|(?:的)?(?:造车)?(?:本土|国内|境内|本地)?(?:新势力|车企|品牌|自主品牌"
    # ("向中国客户交付汽车2.47万辆": the buyers the place describes)
    rf"|市场(?!{_THE_MARKET_SOLD})|消费者|用户|客户|企业|厂商)"
    # "在中国大陆和香港市场共向客户交付": the first of the markets named together
    rf"|{_MARKETS_NAMED_TOGETHER}(?!{_THE_MARKET_SOLD})"
    # "在中國以外的銷量", "中国之外": what is outside the place
    r"|以外|之外|境外"
    # "中國汽車製造商比亞迪", "中国电动车制造商": the place describes a maker
    r"|(?:的)?(?:汽车|电动车|新能源车)?(?:制造商|车企|厂商|厂家|车厂)|(?:的)?消费者"
    # "其中国制电动车": made in the place; "Model Y 中国版": the place's version of a car
    r"|制造?(?!商)|版(?!图)"
    # a kind of them, not all ("China's carmakers delivered 2.45 million" are all)
    r"|" + KIND_OF_MAKERS + ")",
    re.I,
)
# "位居全国前列", "保持全国第一", "全省第二": the place a rank is within
_RANK_AFTER = re.compile(
    # (not "中国第2000万辆新能源汽车": the place's Nth vehicle)
    r"^(?:的)?(?:前列|前茅|第[一二三四五六七八九十\d]+(?![\d.一二三四五六七八九十百千万萬]*(?:辆|台|輛|臺))|首位|之首|前[二三四五六七八九十]|榜首|头部|领先"
    r"|居首|居前|居第|排名|排第|城市第|城市中|位次|排位|排行"
    # "保持全國省市第三位", "稳坐全国汽车产销头把交椅": a rank among the country's places
    r"|[^，,。；;\d]{0,6}?(?:第[一二三四五六七八九十\d]+(?:位|名)|头把交椅|頭把交椅|榜首)"
    # "重回中国“汽车第一城”": a title the place is within
    r"|[“\"「]?[^，,。；;”\"」\d]{0,8}?第一(?:城|大城|省|大省|市)"
    # "增幅远超全国水平", "高于全国平均": the country as a yardstick
    r"|(?:的)?(?:平均)?(?:水平|平均|增速|增幅|均值)"
    # "重庆是全国的汽车制造重镇", "全国重要的汽车生产基地之一": a title the place holds
    r"|(?:的)?(?:重要的?|最大的?)?(?:新能源)?(?:汽车|整车|汽车产业|汽车工业)?(?:制造|生产|产业)?"
    r"(?:重镇|基地|中心|大省|大市|高地))"
)
# "杭州排名第二，全年新能源汽车销量30.75万辆": a place named at the head of a clause, then its
# rank, is the one ranked (not "在全国排名第二", "全省第二": the field it ranks in)
_ITS_RANK_AFTER = re.compile(r"(?:排名|位列|位居|排|居)第[一二三四五六七八九十\d]+")
_CLAUSE_HEAD_BEFORE = re.compile(r"(?:^|[，,。；;：:\n])\s*$")
_FIELD_WORDS = ("全国", "全省", "全市", "全区", "国内", "全球", "世界")


def _ranked_itself(s: str, mention: Mention, before: str, after: str) -> bool:
    """The place heads its clause and its rank follows it: the place is the one ranked."""
    return (
        _ITS_RANK_AFTER.match(after) is not None
        and _CLAUSE_HEAD_BEFORE.search(before) is not None
        and s[mention.start : mention.end] not in _FIELD_WORDS
    )


_WHICH_AFTER = re.compile(r"\s*,\s*which\b")
# "ranked third in China", "the top producer in the country"
_RANK_BEFORE = re.compile(
    # ("the most in China", "the fastest growth among China's top ten regions")
    r"\b(?:first|second|third|fourth|fifth|top|largest|biggest|highest|most|fastest|\d+(?:st|nd|rd|th)"
    r"|No\.\s?\d+|ranks?|ranked|ranking|leads?|led)\s+(?:[\w-]+\s+)?(?:in|among|across)\s+"
    r"(?:the\s+)?$"
    # "the highest electric car export figure yet for China": the scope of a record
    r"|\b(?:highest|largest|biggest|best)\s+(?:[\w-]+\s+){0,5}?(?:yet|ever)\s+(?:for|in)\s+$"
    # "the best-selling battery-powered electric car in China"
    r"|\b(?:best[- ]selling|top[- ]selling|(?:biggest|largest)[- ]selling|most popular|largest"
    r"|biggest)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:in|among|across)\s+(?:the\s+)?$"
    # "双双登顶全国", "位居全国", "领跑全省": the place a rank is within
    r"|(?:登顶|问鼎|领跑|冠绝|称雄|位居|位列|稳居|跻身)$",
    re.I,
)
# "Domestic sales in China of 129,495": a maker's home market
_DOMESTIC_BEFORE = re.compile(
    r"\b(?:domestic|home[- ]market)\s+(?:sales|deliveries|shipments)\s+in\s+(?:the\s+)?$", re.I
)
# "headquartered in Chongqing", "the city of Liuzhou", "Chongqing's Liangjiang New Area"
_LOCATION_BEFORE = re.compile(
    r"(?:\b(?:headquartered|based|located|registered|listed)\s+in|\b(?:city|province|port)\s+of"
    r"|\b(?:plant|factory|base|facility|gigafactory|works)\s+in)\s+(?:the\s+)?$"
    # "Fujian Province in southeast China": a part of the country said by where it lies
    r"|\bin\s+(?:(?:north|south)(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
    r"|central)\s+$"
    r"|(?:产自|产于|生产于|位于|落户于?|坐落于|总部位于|来自)\s*$"
    # "70,847 of the cars built in China": where the cars counted were made
    r"|\b(?:cars|vehicles|units|EVs)\s+(?:built|made|produced|assembled)\s+in\s+(?:the\s+)?$"
    # "43507辆在中国交付", "65,504 units were sold in China": where a count was sold
    r"|(?:辆|台)\s*在\s*$"
    # ("the vast majority were sold in China", "of which 439,770 remained in China")
    r"|(?:\d(?:\s+(?:units|vehicles|cars|EVs))?|\b(?:majority|most|rest|remainder|all|they))"
    r"\s+(?:(?:were|was)\s+(?:sold|delivered)|remained|stayed)\s+in\s+$",
    re.I,
)
# "Tesla makes the Model 3 and Model Y in Shanghai": where a maker builds what it names
_MAKES_THERE_BEFORE = re.compile(
    r"\b(?:makes|made|builds|built|produces|assembles|manufactures)\s+(?:[A-Za-z0-9-]+\s+){1,6}"
    r"in\s+$",
    re.I,
)
# "at the company's Liuzhou plant": a place between the maker's pronoun and its plant
_OWNER_PRONOUN_BEFORE = re.compile(
    r"\b(?:its|their|the (?:company|group|carmaker|automaker|firm|maker|joint venture)(?:'s|’s))"
    r"\s+(?:(?:main|new|largest|biggest|flagship|first|second|own)\s+)?$",
    re.I,
)
_PLANT_AFTER = re.compile(
    r"\s*(?:plant|factory|base|production base|gigafactory|facility|works|site)s?\b", re.I
)


def appositions(s: str, ends: list[int]) -> list[tuple[int, int]]:
    """Spans of the appositions that follow a name or a pronoun ending at each of ``ends``
    ("X, the ... of Y, sold ...", "the company, which makes Aito cars with Huawei, sold ...")."""
    spans = []
    for end in ends:
        a = _APPOSITION.match(s, end)
        if a and re.search(r"\S", s[a.end() :]):
            spans.append((end, a.end()))
    return spans


# "问界是赛力斯与华为合作的品牌": names inside what the subject is said to be
_COPULA_BEFORE = re.compile(r"(?:是|为|系)[^,，。；;:：]{0,16}$")
_COPULA_AFTER = re.compile(
    r"^[^,，。；;:：]{0,16}?的(?:\w{0,4})?(?:品牌|公司|车企|企业|子公司|合资公司|合资企业|旗下品牌"
    # "哈弗依旧是长城汽车的核心销量支柱": what the subject is to the maker
    r"|支柱|主力军?|顶梁柱|担当|基石|台柱)"
)


def in_predicate(s: str, mention: Mention, earlier: bool) -> bool:
    """A name inside the predicate of "X 是 ... 的品牌" (X named before it: ``earlier``)."""
    return bool(
        earlier
        and _COPULA_BEFORE.search(s, max(0, mention.start - 16), mention.start)
        and _COPULA_AFTER.match(s[mention.end : mention.end + 40])
    )


_NAMED_TOGETHER_AFTER = re.compile(_MARKETS_NAMED_TOGETHER)
# "特斯拉1月在中国大陆销量": what a maker sold in the place
_SOLD_THERE_AFTER = re.compile(r"(?:大陆|本地|本土|境内)?的?(?:销量|销售|零售|交付|上险)")
# "第2000万辆新能源车于7月3日在大湾区的广州完工": where the milestone car was built
_BUILT_THERE = re.compile(r"在[^，,。；;\d]{0,8}?$")
_BUILT_AFTER = re.compile(
    r"(?:市)?(?:的)?(?:工厂|基地|超级工厂)?(?:正式)?(?:下线|下線|完工|驶下|駛下|驶出|駛出|落成)"
)


_PARTIES_BEFORE = re.compile(
    r"\bbetween\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+and\s+$"
    r"|\b(?:row|rows|dispute|disputes|tensions?|talks|ties|relations|spat|feud)\s+with\s+$"
)


# the industry bodies and offices that report the national totals (names of China)
REPORTER = re.compile(
    r"(?:China Association of Automobile Manufacturers|CAAM|China Passenger Car Association|CPCA"
    r"|中国汽车工业协会|中汽协|乘联会|乘联分会|全国乘用车市场信息联席会"
    r"|Ministry of Industry and Information Technology|MIIT|工业和信息化部|工信部"
    r"|National Bureau of Statistics|国家统计局)$"
)


def place_as_scope(s: str, mention: Mention) -> bool:
    """A place that scopes or locates ("in the China market", "outside China", "one of China's
    largest", "headquartered in Chongqing"), not a place whose figure it is."""
    if not mention.entity.is_region or REPORTER.search(s, mention.start, mention.end):
        return False  # (a body that reports, "乘联会厂家数据", describes nothing)
    before = s[max(0, mention.start - 30) : mention.start]
    after = s[mention.end : mention.end + 40]
    if (
        _SCOPE_AFTER.match(after)
        or (before.endswith(("在", "于")) and _SOLD_THERE_AFTER.match(after))
        # "在中国大陆及香港地区共交付": where a maker delivered, whatever it did there
        or (before.endswith(("在", "于")) and _NAMED_TOGETHER_AFTER.match(after))
        or (_BUILT_THERE.search(before) and _BUILT_AFTER.match(after))
        or (_SOLD_THERE_AFTER.match(after) and _maker_and_time_before(before))
        # "Tesla在中国本地销售及由中国出口的Model 3": where a maker's cars left from
        or (before.endswith(("由", "从")) and after.startswith("出口") and _maker_in(before))
        or _DOMESTIC_BEFORE.search(before)
        or _LOCATION_BEFORE.search(before)
        or _MAKES_THERE_BEFORE.search(s, max(0, mention.start - 60), mention.start)
        # "at the company's Liuzhou plant", "its Xi'an base": where the maker meant builds
        or (_OWNER_PRONOUN_BEFORE.search(before) and _PLANT_AFTER.match(after))
        or (_RANK_AFTER.match(after) and not _ranked_itself(s, mention, before, after))
        or _RANK_BEFORE.search(s, max(0, mention.start - 80), mention.start)
        # "Tesla's Model Y in China, which sold 26,000": the clause tells of the thing sold
        # there, not of the place
        or (re.search(r"\bin\s+$", before) is not None and _WHICH_AFTER.match(after))
        # "First-half deliveries in China rose": makers deliver, a country does not
        or _DELIVERIES_IN.search(before) is not None
        # "when it launched in China in April last year": where a thing arrived
        or _ARRIVED_IN.search(before) is not None
        # "the diplomatic row between Seoul and Beijing": a government, a party to relations
        or _PARTIES_BEFORE.search(s, max(0, mention.start - 40), mention.start) is not None
    ):
        return True
    # "sales in China" stays China's; "in the China market", "outside China", "Honda's sales in
    # China" do not
    scope = _SCOPE_BEFORE.search(before)
    return scope is not None and (
        scope.group("owned") is not None or not re.search(r"\bin\s+$", before)
    )


# "First-half deliveries in China", "Deliveries of the M9 began across China"
_DELIVERIES_IN = re.compile(
    r"\bdeliveries\s+in\s+$|\b(?:began|begun|started|start|starts|kicked off)\s+"
    r"(?:in|across|throughout|all over)\s+$",
    re.I,
)
_ARRIVED_IN = re.compile(
    r"\b(?:launched|introduced|debuted|unveiled|went on sale|go(?:es)? on sale|arrived|entered"
    r"|listed|headquartered|founded)\s+in\s+(?:the\s+)?$",
    re.I,
)
# "福特1月中国销量": a maker, its time, then the place it sold in
_TIME_AFTER_MAKER = re.compile(
    r"\s*(?:(?:19|20)\d\d年)?(?:\d{1,2}月份?|[一二三四1-4]季度|[上下]半年|前\d{1,2}个?月|\d{1,2}\s*[-—–]"
    r"\s*\d{1,2}月|今年|去年|全年)?\s*"
)


def _maker_in(text: str) -> bool:
    """``text`` names a maker (not a place)."""
    return any(not found.entity.is_region for found in lexicon().find(text))


def _maker_and_time_before(before: str) -> bool:
    """``before`` ends with a maker's name, then at most a time ("福特1月")."""
    found = lexicon().find(before)
    return bool(
        found
        and not found[-1].entity.is_region
        and _TIME_AFTER_MAKER.fullmatch(before, found[-1].end)
    )


_PASSING_PLACE_BEFORE = re.compile(r"(?:\bat|\bvia|\bthrough|\bnear)\s+(?:the\s+)?$", re.I)
_PASSING_PLACE_AFTER = re.compile(r"^[-\w]*\s+(?:Port|Airport|Station)\b")
# "the closure of parts factories in China and Malaysia": where the things named are
_WHERE_THINGS_ARE = re.compile(
    r"\b(?:factories|plants|suppliers|parts|chips?|semiconductors?|ports?|lockdowns?|outbreaks?"
    r"|closures?|shortages?|cities|regions|markets)\s+in\s+$",
    re.I,
)
_AVERAGE_AFTER = re.compile(
    r"(?:的|['’]s)?\s*(?:(?:national|nationwide|overall)\s+)?(?:平均|average\b|均值)", re.I
)


def may_be_subject_later(s: str, mention: Mention) -> bool:
    """A place passed through ("loaded at Ningbo-Zhoushan Port"), named for its average as a
    yardstick ("而全国平均增速为30.1%", "the national average of 5%") or as a scope ("China's
    largest carmaker") is not what the next sentence without a subject talks about."""
    if not mention.entity.is_region:
        return True
    return not (
        _PASSING_PLACE_BEFORE.search(s[max(0, mention.start - 16) : mention.start])
        or _WHERE_THINGS_ARE.search(s[max(0, mention.start - 30) : mention.start])
        or _PASSING_PLACE_AFTER.match(s[mention.end : mention.end + 30])
        or _AVERAGE_AFTER.match(s, mention.end)
        # "占全省规上工业的6.7%、全国汽车制造业的11.9%": the whole of a share
        or _YARDSTICK_AFTER_ZH.match(s, mention.end)
        # "SAIC Group is China's largest automobile manufacturer.": the rank's scope
        or place_as_scope(s, mention)
        # "Honda's China business was up 19.5%": a maker's market, the maker is the subject
        or _MAKERS_MARKET.search(s, max(0, mention.start - 40), mention.start) is not None
    )


_MAKERS_MARKET = re.compile(r"\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?['’]s\s+$")


LIST_SEP = re.compile(
    # ("小鵬（9868）及小米（1810）": a stock code in brackets after a listed name)
    r"^(?:\s*[(（]\s*(?:[A-Z]{1,6}[:：]\s*)?\d{3,6}(?:\.[A-Z]{1,2})?\s*[)）])?"
    # ("Dongfeng Nissan Passenger Vehicle Co., GAC Toyota Motor Co. and BYD": company words)
    r"(?:\s+(?:Passenger\s+Vehicle|Automobile|Motors?|Co\.?|Company|Ltd\.?|Limited|Corp\.?"
    r"|Corporation|Group)\b\.?)*"
    r"\s*(?:,|、|，|and|&|和|与|及|以及|, and|/|／|[,，、]\s*(?:以及|及|和|与))\s*$",
    re.I,
)


def list_group(mentions: list[tuple[Mention, bool]], index: int, s: str) -> list[Mention]:
    """The list ("Zeekr and Lynk & Co", "蔚来、小鹏和理想") that mention ``index`` belongs to."""
    lo = hi = index
    while (
        lo > 0 and mentions[lo - 1][1] and _listed_together(mentions[lo - 1][0], mentions[lo][0], s)
    ):
        lo -= 1
    while (
        hi + 1 < len(mentions)
        and mentions[hi + 1][1]
        and _listed_together(mentions[hi][0], mentions[hi + 1][0], s)
    ):
        hi += 1
    group = [m for m, _ in mentions[lo : hi + 1]]
    names = {m.entity.name for m in group}
    # a list names one kind of thing: "the CPCA, Tesla sold" is no list of two
    kinds = {m.entity.is_region for m in group}
    return group if len(names) > 1 and len(kinds) == 1 else [mentions[index][0]]


_COMPANY_WORD = re.compile(
    r"^\s*(?:Co\.?|Company|Corp\.?|Corporation|Group|Ltd\.?|Limited|Inc\.?)(?=\s*(?:,|and\b))", re.I
)


def _listed_together(first: Mention, second: Mention, s: str) -> bool:
    """Two names next to each other in a list: a separator between, or one collective word."""
    if first.listed and second.listed and first.end == second.start:
        return True
    # "SAIC Motor Passenger Vehicle Company and SAIC Maxus": the company word, then the list
    gap = _COMPANY_WORD.sub("", s[first.end : second.start], count=1)
    return bool(LIST_SEP.match(gap))


OWNER_AFTER = re.compile(r"^(?:'s|’s|-owned|-backed|旗下的?|的)\s*$", re.I)
_COUNTED_NOUN = re.compile(
    r"(?:-branded)?\s+(?:[\w-]+\s+)?(?:cars?|vehicles?|units|EVs|NEVs|SUVs|sedans|models?"
    # "China reported 72,200 Tesla sales": the maker named before its count's noun
    r"|sales|deliveries|registrations)\b(?!\s+(?:staff|teams?|people|outlets|network|stores))",
    re.I,
)
_BRAND_NOUN = re.compile(r"-brand\s+(?:cars|vehicles|models)\b", re.I)
_NEXT_COUNT_NAMED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\d[\d,.]*\s+[A-Z]")
# "27,313 from its premium smart electric vehicle brand NIO and 14,781 from its ... Onvo"
_FROM_BRAND = re.compile(
    r"^\s+(?:units\s+|vehicles\s+|cars\s+)?(?:from|under)\s+(?:(?:its|the)\s+(?:[\w'’-]+\s+){0,6})?$"
    # "sold 29,000 vehicles of its own Jiefang brand"
    r"|^\s+(?:units|vehicles|cars)\s+of\s+(?:its|their)\s+(?:own\s+)?$"
)


_PRONOUN_START = re.compile(r"(?:its|their|the|it)\b", re.I)


def listed_by_name(s: str, n: Number, subjects: list[tuple[Mention, bool]]) -> bool:
    """ "45,780 Dongfeng Peugeot, 28,180 Dongfeng Citroen and 6,385 Dongfeng Fukang vehicles":
    the count is one of a list of counts, each named right after its number."""
    return any(
        n.end <= m.start <= n.end + 2 and _NEXT_COUNT_NAMED.match(s, m.end) for m, _ in subjects
    )


def brand_of_the_count(s: str, n: Number, subjects: list[tuple[Mention, bool]]) -> Entity | None:
    """The brand named between a number and its vehicle noun ("69,800 Hongqi cars")."""
    for mention, _ in subjects:
        if n.end <= mention.start <= n.end + 2 and (
            _COUNTED_NOUN.match(s, mention.end)
            or _NEXT_COUNT_NAMED.match(s, mention.end)
            # "200,000 Hongqi-brand vehicles" (not "975,600 VW-brand vehicles": a group's
            # namesake brand, a part of it the lexicon has no name for)
            or (mention.entity.kind == "brand" and _BRAND_NOUN.match(s, mention.end))
        ):
            return mention.entity
        if n.end < mention.start and mention.end == n.unit_end:
            return mention.entity  # "19,465 MIC Teslas": the count's noun is the maker
        named = not _PRONOUN_START.match(s, mention.start)  # "from its ... brand ONVO"
        if mention.entity.is_region:
            continue  # "vehicles from China", "from its Shanghai plant": a place, no brand
        if named and n.end < mention.start and _FROM_BRAND.match(s[n.end : mention.start]):
            return mention.entity  # a group's namesake brand is an unknown part: dropped
        if (
            n.unit_end < mention.start
            and _FOR_THE_OWNER.fullmatch(s, n.unit_end, mention.start)
            and _OWNER_ENDS.match(s, mention.end)
        ):
            return mention.entity  # "compared with 56,404 for Xpeng and 55,270 for Li Auto"
    return None


# "56,404 for Xpeng, 55,270 for Li Auto": the count of the maker named after it
_FOR_THE_OWNER = re.compile(r"\s*(?:(?:units|vehicles|cars|deliveries)\s+)?for\s+", re.I)
_OWNER_ENDS = re.compile(r"(?:['’]s)?\s*(?:[,.;)]|and\b|$)")


_MADE_IN_CHINA = re.compile(
    r"\bChina-(?:made|built|produced)\b|\bmade[- ]in[- ]China\b|\bMIC\b"
    r"|\bShanghai-(?:made|built)\b|\bin (?:mainland )?China\b"
    r"|\bChinese market\b|国产|(?:中国|上海)(?:制造|生产)的|中国制造?|在华|在中国|中国市场"
    r"|\bfrom China\b|\bShanghai (?:factory|plant|gigafactory)|上海(?:超级)?工厂"
    # "More than 70,000 Tesla vehicles were sold in the country in December" (China's story)
    r"|\b(?:sold|delivered|registered|retailed) in the country\b"
    r"|(?<![A-Za-z])CPCA(?![A-Za-z])|Passenger Car Association"
    r"|乘联会|乘联分会"
    # "China ... accounted for a third of its sales, with 168,900 vehicles sold there"
    r"|\bChina\b[^.]{0,120}\b(?:sold|delivered|registered|handed over)\b[^.;]{0,40}?\bthere\b"
    # "China reported 72,200 Tesla sales": counted in China
    r"|\bChina\s+(?:reported|recorded|registered|saw)\b"
    # "Tesla's total China shipments", "Tesla's September China sales"
    r"|(?:'s|’s)\s+(?:total\s+|[A-Z][a-z]+\s+)?China\s+(?:sales|shipments|deliveries|registrations)\b",
    re.I,
)
# "Tesla's global deliveries", 全球交付: the whole company, whatever else the sentence says
_WORLDWIDE = re.compile(r"\bglobal(?:ly)?\b|\bworldwide\b|\baround the world\b|全球", re.I)


def headline_subject(headline: str) -> Entity | None:
    """The article's main subject: the one entity its headline names as a subject. A headline
    naming several, or one the lexicon does not know, gives no frame."""
    names = names_in(headline)
    apposed = appositions(headline, [m.end for m in names])
    subjects = {
        m.entity.name: m.entity
        for m in names
        if not dependent(headline, m)
        and not place_in_a_name(headline, m)
        # "Xiaomi's EV sales overtake Tesla": the one overtaken is not what the story is about
        and not _OBJECT_BEFORE.search(headline, max(0, m.start - 16), m.start)
        and not any(a <= m.start < b for a, b in apposed)  # "SGMW, a joint venture of ..."
    }
    if len(subjects) > 1:
        # "GM delivers 858,344 vehicles in China in second quarter": the maker, in a market
        makers = {n: e for n, e in subjects.items() if not e.is_region}
        markets = [
            m for m in names if m.entity.is_region and _IN_BEFORE.search(headline, 0, m.start)
        ]
        if len(makers) == 1 and len(markets) == len(subjects) - 1:
            # ("Tesla retail sales in China almost doubled": a foreign maker's China arm)
            (maker,) = makers.values()
            arm = lexicon().entities.get(f"{maker.name} China")
            in_china = any(m.entity.name == "China" for m in markets)
            subjects = {arm.name: arm} if arm is not None and in_china else makers
        elif len(makers) == 1 and made_in_china(headline):
            subjects = makers  # "China: Tesla Made-in-China Sales Hit New Record": its China arm
    if len(subjects) != 1:
        return None
    (entity,) = subjects.values()
    if entity.kind == "unknown":
        return None
    arm = lexicon().entities.get(f"{entity.name} China")
    # "Tesla Made-in-China Sales Hit New Record": the China arm the headline counts
    return arm if arm is not None and made_in_china(headline) else entity


_IN_BEFORE = re.compile(r"(?:\bin|在)\s*$", re.I)


# "ahead of SAIC, which shipped 80,000": the name is the subject of its own relative clause
# The name opens a clause of its own ("... second after Shenzhen, which made 1.7 million",
# "overtaking Chery Automobile Co, which exported 10,800 units")
OWN_RELATIVE = re.compile(
    _COMPANY_WORDS + r"\s*(?:\([^)]{0,40}\)\s*)?"
    # ("beat Germany, until now the number two exporter, which sold": past an apposition)
    r"(?:,\s*[^,;.\d()]{1,60})?,\s*(?:which|who|whose)\b",
    re.I,
)


# "6.3% of the national total", "making up 3.5 per cent of China's", 占全国的
_SHARE_OF_BEFORE = re.compile(
    r"(?:%|\bpercent|\bper cent|\bpct|\bshare|\bproportion)\s+of\s+(?:the\s+)?$|占(?:了|到)?\s*$",
    re.I,
)
# "of the national total of 30.16 million", "of China's total sales of 30 million"
_WHOLE_OWN_NUMBER = re.compile(
    r"(?:'s|’s)?(?:\s+[\w-]+){0,4}?\s+of\s+(?:(?:about|around|some)\s+)?"
)


def share_whole(s: str, mention: Mention) -> bool:
    """The name is the whole a share is taken of ("7.1 percent of the country's output")."""
    return bool(_SHARE_OF_BEFORE.search(s[max(0, mention.start - 16) : mention.start]))


def owns_number_as_whole(s: str, mention: Mention, number_start: int) -> bool:
    """The whole of a share states its own number ("8% of the national total of 30.16
    million")."""
    return share_whole(s, mention) and bool(
        _WHOLE_OWN_NUMBER.fullmatch(s, mention.end, number_start)
    )


_AS_BEFORE = re.compile(r"\bas\s+(?:the\s+)?$", re.I)
_RIVAL_OF_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:challengers?|rivals?|competitors?|nemesis|answer|peers?)\b",
    re.I,
)


def compared_with_own_count(s: str, mention: Mention, number: int | None = None) -> bool:
    """The name is the one compared with, told with its own count ("高于特斯拉的131万辆"): the
    subject of that count only, never of a count after it. With ``number`` (where a count
    starts): that count is another than its own."""
    compared = _OBJECT_BEFORE.search(s[max(0, mention.start - 16) : mention.start])
    own = _OWN_COUNT_AFTER.match(s, mention.end) if compared else None
    if (
        compared
        and own is None
        and _RANKED_BEFORE.search(s, max(0, mention.start - 16), mention.start)
        and _COUNT_BEFORE.search(s, 0, mention.start)
    ):
        # "BYD topped the list with 261,105, ahead of Tesla with 64,285": the subject's count
        # told before, the one compared with has its own (not "A beats B with a record X")
        own = _WITH_COUNT_AFTER.match(s, mention.end)
    return own is not None and (number is None or own.end() - 1 != number)


_RANKED_BEFORE = re.compile(r"\b(?:ahead of|behind|followed by|trailing|trailed)\s+$", re.I)
_WITH_COUNT_AFTER = re.compile(r",?\s+with\s+(?:(?:about|around|nearly|some)\s+)?\d", re.I)
_COUNT_BEFORE = re.compile(r"\d{1,3}(?:,\d{3})+|\d(?:\.\d+)?\s*(?:million|万)", re.I)


# "Toyota works with FAW and GAC": the partners a maker works with (the list after them too)
_PARTNERED_WITH = re.compile(
    r"\b(?:works?|worked|working|partners?|partnered|partnering|teamed up|cooperates?"
    r"|cooperated|collaborates?|collaborated|(?:joint )?ventures?|tie-ups?|alliances?"
    r"|partnerships?)\s+with\s+(?:the\s+|its\s+|local\s+|state-owned\s+|Chinese\s+)*$",
    re.I,
)


def partner(s: str, mention: Mention) -> bool:
    """The name is the partner a maker works with ("Toyota works with FAW and GAC"): not
    the subject whom "it" points back to."""
    return (
        not mention.entity.is_region
        and _PARTNERED_WITH.search(s, max(0, mention.start - 40), mention.start) is not None
    )


def beaten(s: str, mention: Mention) -> bool:
    """The name is the one beaten or compared with ("Chongqing tops China", "more than NIO"),
    unless a relative clause of its own follows ("ahead of SAIC, which shipped 80,000"), or
    the whole a share is taken of."""
    compared = _OBJECT_BEFORE.search(s[max(0, mention.start - 16) : mention.start])
    if _AS_BEFORE.search(s, max(0, mention.start - 8), mention.start) and _RIVAL_OF_AFTER.match(
        s, mention.end
    ):
        return True  # "Li Auto has emerged as Tesla's biggest challenger": Tesla is the yardstick
    if compared_with_own_count(s, mention):
        # "仅次于特斯拉上海超级工厂的30,566辆", "高于特斯拉的131万辆", "仅次于日本(382万辆)",
        # "ahead of Tesla's 1.31 million": the one compared with, with its own count
        return False
    if s[max(0, mention.start - 2) : mention.start].endswith("对") and _OVERTAKEN_AFTER.match(
        s, mention.end
    ):
        return True  # "小米汽车实现了对零跑的反超": 零跑 is the one overtaken
    if _YARDSTICK_BEFORE_ZH.search(s, max(0, mention.start - 12), mention.start) and (
        _YARDSTICK_AFTER_ZH.match(s, mention.end)
    ):
        return True  # "仅相当于理想汽车同期销量的12%": the yardstick of a share
    if _COMPARED_FRAME_AFTER_ZH.match(s, mention.end) and _COMPARED_FRAME_BEFORE_ZH.search(
        s, max(0, mention.start - 30), mention.start
    ):
        return True  # "和目标完成率118%的比亚迪、108.5%的吉利相比": the ones compared with
    return (compared is not None and not OWN_RELATIVE.match(s, mention.end)) or share_whole(
        s, mention
    )


_OVERTAKEN_AFTER = re.compile(r"(?:汽车)?的?(?:反超|超越|赶超|超车|逆袭|碾压|压制|领先)")
# "仅相当于理想汽车同期销量的12%", "也不到新势力黑马零跑同期销量的26%": a share of another's count
_YARDSTICK_BEFORE_ZH = re.compile(
    r"(?:相当于|不到|不足|仅为|只有|超过|高于|低于|约为|接近)[^，,。；;\d]{0,8}$"
)
_YARDSTICK_AFTER_ZH = re.compile(r"[^，,。；;\d]{0,10}?的\s*\d+(?:\.\d+)?\s*(?:%|％|倍)")
# "和…的比亚迪、…的吉利相比": the makers inside a "和/与…相比" frame
_COMPARED_FRAME_BEFORE_ZH = re.compile(r"(?:^|[，,；;。\s])(?:和|与|同|跟)[^，,。；;]*$")
_COMPARED_FRAME_AFTER_ZH = re.compile(
    r"(?:[^，,。；;\d]{0,12}?、[^，,。；;]{0,20}?)?(?:汽车)?(?:相比|相较|比起来)"
)


# "...的30,566辆": the name's own count right after it (past a stock code: "比亚迪(002594)的")
_OWN_COUNT_AFTER = re.compile(
    # ("首次超过特斯拉（全年交付约164万辆）": what its count is, then the count)
    r"[^，,。；;\d]{0,10}?(?:[（(]\s*\d{4,6}(?:\.[A-Za-z]{2})?\s*[)）]\s*)?"
    r"(?:的\s*|[（(][^()（）\d，,。；;]{0,10}?)\d"
    # ("超过特斯拉全年163.6万辆的成绩": its count of the time said, right after it)
    r"|(?:汽车)?(?:全年|同期|当月|当年|上半年|下半年|[一二三四]季度)(?:的)?\s*(?:约|近|超)?\d"
    r"|['’]s\s+(?:(?:about|around|nearly|some)\s+)?\d"
)


def made_in_china(window: str) -> bool:
    """The count is of China-made cars or of China sales ("71,447 China-made vehicles")."""
    return bool(_MADE_IN_CHINA.search(window))


def worldwide(window: str) -> bool:
    """The count is the whole company's, across the world ("Tesla's global deliveries")."""
    return bool(_WORLDWIDE.search(window))
