"""parse_figures: sentences -> candidate numbers -> entity, metric, segment, period -> Figures.

Owns the assembly and the article-level state: which maker or province "the company" / 全省
refers to, the headline's subject for sentences that name none, the period and metric a roundup
carries from one sentence to the next, each figure's doubts (weighed in ``confidence``), and the
post-processing (one figure per entity/metric/segment/period/value; a threshold claim such as
"crossed 80,000 for the first time" folded into the exact figure it bounds). What a name is comes
from ``subjects``, whether it is a subject from ``roles``, times from ``periods``, numbers from
``numbers``, the vocabulary from ``metrics``, tables and lists from ``structured``.
"""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache

from crawler.figures import metrics as mx
from crawler.figures.confidence import (
    D_METRIC_AWAY,
    D_METRIC_CARRIED,
    D_NO_UNIT,
    D_PART,
    D_PERIOD_AWAY,
    D_PERIOD_CARRIED,
    D_PERIOD_PREVIOUS,
    D_SUBJECT_AFTER,
    D_SUBJECT_AWAY,
    D_SUBJECT_CARRIED,
    D_SUBJECT_HEADLINE,
    D_SUBJECT_PRONOUN,
    MIN_CONFIDENCE,
    confidence,
)
from crawler.figures.entities import Entity, Mention, composite_name, lexicon, sole_model_of
from crawler.figures.model import LIFETIME_START, Figure
from crawler.figures.modelnames import model_names
from crawler.figures.numbers import (
    FULLWIDTH,
    NEUTRAL,
    NUMBER_RE,
    OTHER,
    VEHICLE,
    Number,
    find_numbers,
)
from crawler.figures.periods import (
    MONTHS,
    ZH_ROUGHLY,
    Parts,
    Period,
    find_parts,
    is_announcement,
    last_month_end,
    month_end,
    month_period,
    resolve,
    shift_year,
    that_quarter,
)
from crawler.figures.roles import (
    KIND_OF_MAKERS,
    LIST_SEP,
    OWN_RELATIVE,
    OWNER_AFTER,
    REPORTER,
    appositions,
    beaten,
    brand_of_the_count,
    compared_with_own_count,
    dependent,
    headline_subject,
    in_predicate,
    list_group,
    listed_by_name,
    made_in_china,
    may_be_subject_later,
    owns_number_as_whole,
    partner,
    place_as_scope,
    worldwide,
)
from crawler.figures.sentences import clause_bounds, clause_of, split_sentences
from crawler.figures.structured import structured_figures
from crawler.figures.subjects import (
    FOREIGN,
    HOME_SCOPE,
    THE_PLANT,
    body_type,
    brand_group,
    foreign_places,
    model_after,
    named_part,
    names_in,
    one_vehicle_type_before,
    other_vehicles_before,
    passenger_only,
    place_in_a_name,
    powertrain,
    subsegment,
    unit_of_a_kind,
    vehicle_type,
    vehicle_type_topic,
)

MIN_VALUE = 100
# more than the world's yearly output: money or a fleet, never a vehicle figure
MAX_VALUE = 100_000_000
_HAS_NUMBER = re.compile(
    r"\d|[一二两三四五六七八九十百千万亿](?:多|余)?万?[辆台]|\b(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten|a|half a)[ -](?:million|thousand|billion)",  # "one-millionth"
    re.IGNORECASE,
)
# "Sales of Chinese brands fell 11.4%", 自主品牌乘用车: the brands of one origin, a part of the
# market and nobody's own count ("Chinese carmakers exported 5 million" is the country's)
_ORIGIN_BRANDS = re.compile(
    r"\b(?:Chinese|domestic|homegrown|home-grown|indigenous|local|foreign|overseas"
    r"|international|joint[- ]venture|Japanese|German|American|U\.?S\.?|Korean|European"
    r"|French)(?:\s+|-)(?:(?:car|auto|vehicle|EV|NEV|passenger[- ]car)\s+)?(?:brands|marques"
    r"|branded)\b"
    # "foreign carmakers delivered 480,000": makers of one origin, together
    r"|\b(?<!local and )(?<!domestic and )(?<!Chinese and )(?:foreign|international|overseas"
    r"|joint[- ]venture)\s+(?:carmakers|automakers"
    r"|manufacturers)\b"
    r"|(?:中国|自主|本土|国产|合资|外资|日系|德系|美系|韩系|法系|欧系)(?:品牌|车企|厂商)"
    # "新势力3月销量2.73万辆": the new makers together
    # (not "新势力交付冠军": a rank among them)
    r"|新势力(?=(?:车企|品牌|企业)?(?:\d{1,2}月|今年|上月|当月|全年)?(?:销量|交付量?|合计)"
    r"(?:为|达|共|约|超过?)?\s*\d)",
    re.I,
)

# "这家", "这一", "该": one maker told of before, described
_THIS_ONE = r"(?:这家|这一|这个|该)"
_ONE_DESCRIBED_BEFORE = re.compile(_THIS_ONE + r"$")
_ONE_DESCRIBED_AS = re.compile(_THIS_ONE + r"[^，,。；;\d]{0,8}$")
_A_MAKER_NOUN_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:品牌|车企|制造商|厂商|企业|公司|集团)(?![\u4e00-\u9fff]{0,2}[和与及、])"
)

# the kinds of car market a text names China's by: "the Chinese light vehicle market"
_MARKET_KIND = (
    r"(?:auto|car|automobile|automotive|vehicle|passenger[- ]car|passenger[- ]vehicle"
    r"|light[- ]vehicle|new[- ]car|NEV|EV|electric[- ]vehicle|new[- ]energy[- ]vehicle)"
)
_BIGGEST_MARKET = (
    r"\bthe (?:world['’]s (?:biggest|largest)|biggest global|largest global)"
    r" (?:car|auto|automobile|automotive|vehicle|EV|electric[- ]vehicle|NEV) market\b"
)
_PRONOUNS: list[tuple[str, re.Pattern[str]]] = [
    # "its Liangjiang plant", "其两江工厂": the last maker's plant at a place
    (
        "own_plant",
        re.compile(
            r"\b[Ii]ts (?P<place>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?) (?:plant|factory|base|gigafactory"
            r"|works|facility|operations)\b|其(?P<zh>[\u4e00-\u9fff]{2,3}?)(?:工厂|基地|生产基地)"
        ),
    ),
    ("plant", THE_PLANT),
    (
        "province",
        re.compile(
            r"\b(?:the|our|this) (?:province|municipality|autonomous region)\b|全省|我省|该省|本省"
            r"|省内|全区",
            re.I,
        ),
    ),
    # "the capital city of Shaanxi province", "the provincial capital", 省会: that province's
    # capital city
    (
        "capital",
        re.compile(
            r"\bthe (?:provincial )?capital(?: city)?(?: of (?:(?:north|south|east|west|central"
            r"|(?:north|south)?(?:east|west)ern|northern|southern)\s+)?(?-i:[A-Z][\w'-]+)"
            r"(?: [Pp]rovince)?)?"
            r"|省会(?:城市)?",
            re.I,
        ),
    ),
    ("city", re.compile(r"\b(?:the|our|this) city\b|全市|我市|该市|本市", re.I)),
    # "the latter", 後者: the last of the two names before; "the former", 前者: the one before it
    ("latter", re.compile(r"\bthe latter\b|[后後]者", re.I)),
    ("former", re.compile(r"\bthe former\b|前者", re.I)),
    # "Together they sold 699,529", "they jointly delivered": the names last listed, as one;
    # their group when they all belong to it, else nobody evwatch counts
    (
        "set",
        re.compile(
            r"\btogether,? they\b|\bthey (?:together|combined|jointly)\b|\btheir combined\b"
            r"|\bthey\b(?= (?:\w+ ){1,2}(?:a )?(?:combined|total of|together)\b)"
            # "The two sold a combined 70,017": the makers named before, together
            r"|\bthe (?:two|three|four)\b(?= (?:sold|delivered|shipped|produced|exported|built"
            r"|made|posted|recorded|reported)\b)"
            r"|(?<![前后第])(?:[两三四五六]家(?:企业|车企|品牌)?|[二两三]者)(?=合计|共计|总计|共)"
            # "理想、埃安、…、零跑十家车企1月销量合计为56,553辆": the makers listed, together
            r"|(?<![前后第])(?:[二两三四五六七八九十]|十[一二三四五]|\d{1,2})家(?:企业|车企|品牌"
            r"|新势力|厂商)(?=[^，,。；;]{0,10}?(?:合计|共计|总计|加起来|加在一起))"
            # "上述十家企业共销售60.83万辆": the makers listed before, together
            r"|(?:上述|以上|这)(?:[二两三四五六七八九十]|十[一二三四五]|\d{1,2})家(?:企业|车企|品牌|厂商)?",
            re.I,
        ),
    ),
    # "the China joint venture of General Motors Co (GM.N) and SAIC Motor (600104.SS)": a
    # venture described by its parents: the venture named before, else none of them
    (
        "venture_of",
        re.compile(
            r"\b[Tt]he (?:[\w-]+ ){0,2}?(?:joint venture|JV) (?:of|between) "
            r"[A-Z](?:[^,;.()]|\([^()]{1,20}\)){0,60}? and [A-Z][\w&-]*(?: [A-Z][\w&.-]*){0,3}"
            r"(?: \([^()]{1,20}\))?"
        ),
    ),
    # "Tesla's archrival, whose sales first crossed the 300,000 mark": the one that rivals the
    # name, never the name; the maker last named when that is another one (not "Tesla's rival
    # BYD": the name after it is the one meant)
    (
        "rival_of",
        re.compile(
            # ("the Tesla rival said it built 317,892": the same, named before the noun)
            r"\b(?:[Ii]ts|[Tt]heir|[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}['’]s"
            r"|[Tt]he [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}) "
            r"(?:(?:main|biggest|closest|chief|fiercest|key|major|domestic|local|Chinese) )?"
            # ("Its partner's cumulative sales": the partner's, someone else)
            r"(?:arch-?rival|rival|competitor|challenger|nemesis|partner|peer)\b(?! [A-Z])"
        ),
    ),
    # "the alliance", "the newcomer": an organisation named earlier in the same paragraph, or
    # one this text does not name (a teaser of another story): never the headline's
    (
        "reference",
        re.compile(
            # (not "As the biggest player in China's car export market, Chery ...": what the
            # name after it is)
            r"(?<!\bas )\bthe (?:[A-Za-z0-9-]+ ){0,3}?(?:alliance|joint venture|venture|JV"
            r"|consortium"
            r"|newcomer|rival|upstart|challenger|player)\b"
            # "That joint venture's deliveries tumbled"
            r"|\b(?:that|this) (?:joint )?venture\b"
            # "该合资公司乘用车累计销量为188,244辆": the venture said before
            # ("这家与广汽集团合资的企业": the venture, its partner named inside)
            r"|(?:该|这家|此)(?:与[\u4e00-\u9fff]{1,8}?)?合资的?(?:公司|企业)",
            re.I,
        ),
    ),
    # "a Guangzhou-based startup", "another carmaker", 另一家新势力: someone this text does not
    # name, never the one named before
    (
        "other",
        re.compile(
            # (not "a market packed with rivals": a noun after a preposition heads nothing)
            r"\b(?:an?|another|other|rival|some|several|many)\s+"
            r"(?:(?!(?:with|of|for|among|against|from|by|than|to|in|on|at)\s)[A-Za-z-]+\s+){0,3}?"
            r"(?:startup"
            r"|start-up|carmaker|automaker|company|firm|EV maker|NEV maker|maker|manufacturer|rival"
            r"|newcomer|player|competitor|peer)s?\b(?!\s+(?:spokes|officials?|executives?|statement"
            r"|sources?|filings?|reports?|data|said)\b)"
            r"|\bthe (?:[\w'’-]+ ){0,3}?(?:top seller|best[- ]seller|market leader)\b"
            # "the three combined delivered 24,500", "all three together": a set of makers
            r"|\b(?:the|all|these|those) (?:two|three|four|five|six|trio|pair)\b(?= (?:combined"
            r"|together|jointly)\b)"
            # "the top ten carmaker groups together sold", 排名前十位的企业: a set of makers
            # "Those automakers shipped a combined 770,000": a set of makers, none named
            r"|\b(?:those|these) (?:\w+ )?(?:carmakers|automakers|makers|companies|brands|firms"
            r"|manufacturers|startups)\b"
            # "the three electric vehicle makers delivered 280,075 … between them" (not "the
            # three brands sold 13,506, 36,792 and 36,378 units respectively": each its own)
            r"|\bthe (?:two|three|four|five|six) (?:[\w-]+ ){0,3}?(?:carmakers|automakers|makers"
            r"|companies|brands|firms|manufacturers|startups|start-ups)\b"
            r"(?![^.;]*\brespectively\b)"
            r"|\b(?:top|bottom|remaining|other|last) (?:two|three|four|five|six|seven|eight|nine"
            r"|ten|twenty|\d{1,2})\s+"
            r"(?:[\w-]+\s+){0,2}?(?:carmakers|automakers"
            r"|makers|companies|groups|brands|firms|manufacturers|enterprises|startups)\b"
            # "The ten largest manufacturers held 70 percent, with 593,000 deliveries between
            # them": a set of makers by their rank
            r"|\bthe (?:two|three|four|five|six|seven|eight|nine|ten|twenty|\d{1,2})\s+"
            r"(?:largest|biggest|leading|best-selling|top-selling|major)\s+(?:[\w-]+\s+)?"
            r"(?:carmakers|automakers|makers|companies|groups|brands|firms|manufacturers"
            r"|enterprises|startups)\b"
            # "Six leading new car enterprises delivered a total of 437,000": a set, none named
            # (not "across all three brands": the maker's own brands, summed up)
            r"|(?<!the )(?<!these )(?<!those )(?<!its )(?<!their )(?<!top )(?<!of )"
            r"(?<!across all )(?<!across )"
            # ("Four electric vehicle (EV) makers delivered more than 10,000 cars each")
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?:[\w()-]+\s+){0,3}?(?:carmakers|automakers|makers|companies|brands|firms"
            r"|manufacturers|enterprises|start-?ups)\b"
            r"|"
            + _ORIGIN_BRANDS.pattern
            + r"|前(?:[二三四五六七八九十]|\d{1,2})(?:位|名|家|大)?的?(?:企业|车企|品牌|集团|厂商)"
            r"|(?:另一家|另一个|另外一家|其他|其它|多家|一家)[\u4e00-\u9fff]{0,6}?(?:企业|车企|品牌|公司"
            r"|新势力|厂商|厂家)"
            # "有4家集团年销量均超过300万辆": a bar several makers cleared
            r"|有(?:\d{1,2}|[两三四五六七八九十]{1,2})家(?:企业|车企|集团|品牌|公司|厂商)?"
            # "这些…万辆以上厂商企业的9月销量": the makers above a bar, together
            r"|(?:这些|此类|该类|上述)[^，,。；;]{0,16}?(?:厂商|企业|车企|厂家)(?:企业)?(?=的|合计|共计|总计)",
            re.I,
        ),
    ),
    # "Overall, ...", "Across the whole market, ...", 从行业来看: a sentence about the national
    # market opens so; its figures are China's, never the maker named before
    (
        "market",
        re.compile(
            # (not "Overall performance: total deliveries ...", a label of the company's notes)
            # (nor "Overall exports fell 51% to 100,482" in a maker's paragraph: all of its own)
            r"\A\s*(?:overall(?![^,.;:]{0,30}:)(?!\s+(?:sales|exports|deliveries|shipments)\b)"
            r"|industry-wide|market-wide"
            r"|across the (?:whole |entire |wider )?(?:market|industry))\b"
            r"|\A\s*(?:从)?(?:全行业|行业(?:来看|整体|层面)|整体市场|市场整体"
            r"|(?<!用)车市(?:整体)?)"
            # "8% of the national total of 30.16 million": the country's
            r"|\bthe (?:national|nationwide|country's) (?:total|output|figure|tally|production"
            r"|sales|exports)\b"
            # "3.111 million Chinese vehicles were exported", "Chinese auto exports rose"
            r"|\bChinese (?:vehicles|cars|automobiles) (?:were|was) (?:exported|shipped abroad)\b"
            r"|\bChinese (?:auto|car|vehicle|automobile) exports\b"
            # "Exports of Chinese NEVs jumped to 1.2 million", "Chinese car sales dropped 8.2%"
            r"|\bexports of Chinese (?:NEVs|EVs|cars|vehicles|automobiles|autos"
            r"|new energy vehicles)\b"
            r"|\A\s*Chinese (?:car|auto|vehicle|automobile|NEV|EV) (?:sales|output|production)\b"
            # "5月，新能源乘用车批发销量达到19.6万辆": the market's wholesale or retail, as CPCA
            # counts it (a maker says its own name, or 其中 for a part)
            r"|\A\s*(?:\d{1,2}月份?|今年以来|前\d{1,2}个?月|1-\d{1,2}月)?[，,]?\s*(?:全国)?(?:狭义)?"
            r"(?:新能源)?乘用车(?:市场)?(?:批发|零售)销量"
            # "Sales in the Chinese auto market rose 3.8% to 26 million": the country's
            rf"|\bthe Chinese {_MARKET_KIND} market\b"
            # "Automakers sold 786,000 NEVs in the world's biggest car market": China, as news
            # about Chinese vehicle figures says it
            r"|" + _BIGGEST_MARKET,
            re.I,
        ),
    ),
    # "the brand": the brand named last, when one was (else the maker named last)
    # (not "The Galaxy brand": a name the lexicon may not know, said with its kind)
    (
        "brand",
        re.compile(r"\b[Tt]he (?:(?:[a-z][a-z-]*|EV|NEV) ){0,3}?(?:brand|marque)\b|该品牌"),
    ),
    # "while its parent sold 279,000": the parent of the maker named last (not "its parent
    # Geely", which names it)
    (
        "parent",
        re.compile(r"\b(?:[Ii]ts|[Tt]heir) parent(?: company| group| firm)?\b(?!\s+[A-Z])"),
    ),
    (
        "maker",
        re.compile(
            # (not "the biggest decline of any brand in the group": a scope, no subject)
            r"(?<!\bin )(?<!\bwithin )(?<!\bacross )(?<!\bamong )"
            # ("the U.S. electric carmaker": a dotted abbreviation among the words; "the Baoding,
            # Hebei province-based company": a city before its province)
            r"\bthe (?:(?:[A-Za-z-]+|[A-Z][a-z]+,|[A-Z]\.(?:[A-Z]\.)+) ){0,3}?"
            r"(?:company|carmaker|automaker|firm|group|startup|start-up"
            r"|(?:auto|car|carmaking|automotive|EV) giant"
            r"|EV maker|NEV maker|electric[- ]vehicle maker|manufacturer|conglomerate"
            # "The German sports car maker handed over 56,887 vehicles in China"
            r"|(?:car|auto|vehicle) ?maker"
            # "the Chinese smartphone maker sold a record 48,654 electric vehicles": a maker of
            # other things that builds cars too
            r"|(?:smartphone|phone|handset|electronics|tech) (?:maker|giant|company|firm))\b"
            # "sales at China's biggest auto group fell 16.8%": the maker described, not China
            r"|\b(?:China|the country|the nation)['’]s (?:[\w-]+ )?(?:biggest|largest|top"
            r"|leading|No\. ?1) (?:(?:auto|car|vehicle|automobile|carmaking|state-owned|EV|NEV"
            r"|electric[- ]vehicle) )?(?:group|carmaker|automaker|company|firm|manufacturer"
            r"|maker)\b(?!s)"
            r"|\b(?:its|our|we)\b|\bit(?= (?:delivered|sold|produced|exported|handed|shipped|has"
            r"|had|said|posted|recorded|reported|stayed|remained|kept|retained|became|ranked|topped"
            r"|led|achieved|reached|hit|set|saw|also|again|continued|extended|maintained|exceeded"
            r"|surpassed|broke))"
            # (not "西安比亚迪汽车有限公司销售": the end of a name)
            # (nor "并列第二集团": a tier of a ranking; nor "前十的企业集团合计": makers in general;
            # nor "上汽乘用车郑州分公司": a branch, the end of its name)
            # ("这家总部位于重庆的国有车企": this company, described)
            # ("这家知名的中国插电式电动车制造商仅售出": a place in the description is its origin)
            r"|这家[^，,。；;\d]{0,16}?(?:车企|企业|公司|集团|厂商|制造商)"
            # ("这家中国车企2020年2月共售出": a time between)
            r"(?=(?:(?:19|20)\d\d年)?(?:\d{1,2}月(?:份)?)?[^，。]{0,6}"
            r"(?:交付|销量|产量|生产|销售|售出|卖出|出口))"
            r"|该公司|该企业|该集团|(?<!有限)(?<!股份)(?<!汽车)(?<!控股)(?<!企业)(?<!分)"
            r"(?<!第[一二三四五六七八九十\d])"
            r"(?:公司|集团)(?=[^，。]{0,6}(?:交付|销量|产量|生产"
            r"|销售|出口))"
            # (not 其中, "of which": a part of the count before; nor 其他, 其余, 其实, 其次)
            r"|其(?![中他它余实次])(?=[^，。]{0,4}(?:交付|销量|产量|销售|出口))",
            re.I,
        ),
    ),
]
# perf: one of these is in every match of the pronoun pattern (lower case); _ODD_CASE: letters
# IGNORECASE matches with ASCII ones that str.lower() does not turn into them
_PRONOUN_WORDS = {
    "own_plant": ("its ", "其"),
    "rival_of": ("rival", "competitor", "challenger", "nemesis", "partner", "peer"),
    "venture_of": ("joint venture of", "joint venture between", "jv of", "jv between"),
    "plant": ("operations", "plant", "factory", "base", "facilit", "gigafactory", "works", "site",
              "工厂", "基地", "该工厂", "该基地"),
    "province": ("province", "municipality", "autonomous region", "省", "全区"),
    "capital": ("capital", "省会"),
    "city": ("city", "市"),
    "set": ("they", "their", "the two", "the three", "the four", "家", "者"),
    "latter": ("latter", "者"),
    "former": ("former", "者"),
    "brand": ("brand", "marque", "该品牌"),
    "parent": ("parent",),
    "reference": ("alliance", "venture", "jv", "合资", "consortium", "newcomer", "rival", "upstart",
                  "challenger", "player"),
    "market": ("overall", "industry", "market", "行业", "市场", "车市", "乘用车", "national",
               "nationwide", "country's", "chinese", "global"),
    "other": ("startup", "start-up", "maker", "seller", "leader", "compan", "firm",
              "manufacturer", "rival", "newcomer", "player", "competitor", "peer",
              "企业", "车企", "品牌", "公司", "新势力", "厂商", "厂家", "top ", "集团", "bottom ",
              "remaining ", "other ", "last ", "those ", "these ", "combined", "together",
              "jointly", "brands", "enterprises", "家", "marques", "branded"),
}  # fmt: skip
# perf: the case-insensitive patterns lower-cased and case-sensitive, for the lowered sentence
# (the same matches unless _ODD_CASE characters are in it), faster
_PRONOUN_LOWER = {
    kind: re.compile(pattern.pattern.lower())
    for kind, pattern in _PRONOUNS
    if pattern.flags & re.IGNORECASE
    and not re.search(r"\\[A-Z]|\(\?[A-Za-z-]+[:)]|\(\?P", pattern.pattern)
}
_PRONOUN_NEEDLES = {
    kind: re.compile("|".join(map(re.escape, words))) for kind, words in _PRONOUN_WORDS.items()
}  # perf: one search for "any of the words is in the text"
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")
# "they", "the three brands", "这三家": the entities last named together
_PLURAL = re.compile(
    r"\b(?:they|the (?:two|three|four|five|\d) (?:brands|makers|carmakers|companies|automakers))\b"
    # "Two makers made the list: Changan and Great Wall. Both did fairly well, with sales rising
    # … to A and … to B, respectively"
    r"|^\s*Both\b(?!\s+(?:of|production|output|sales|deliveries|exports)\b)"
    r"|[这两三四五]家|三者|两者|(?:它|他)们|這些|这些|上述",
    re.I,
)
_BULLET = re.compile(r"[-•·*]\s|\d{1,2}[.、)]\s*(?!\d)")
# the line a sentence stands on opens with a bullet: a later sentence of a list item
_IN_A_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*(?:[-•·*]\s|\d{1,2}[.、)]\s*(?!\d))[^\n]*$")


def _running_total_to_the_year_so_far(cands: list[_Candidate], lead_parts: list[Parts]) -> None:
    """ "So far this year BYD has sold more than 2.37 million …, and its cumulative sales have
    now passed 5.7 million": a running total with no date of its own, told after the year so
    far, counts to the same end (it took the quarter said in the sentence before)."""
    so_far: Period | None = None
    for c in cands:
        if c.dropped or c.period is None:
            continue
        own = lead_parts[c.clause]
        if c.period.kind == "ytd":
            so_far = c.period
        elif (
            c.period.kind == "lifetime"
            and so_far is not None
            and own.month is None
            and own.year is None
            and c.period.end < so_far.end
        ):
            c.period = Period("lifetime", c.period.start, so_far.end)


def _subject_asides_joined(s: str, starts: list[int]) -> list[int]:
    """ "Total vehicle sales, including trucks and buses, were up 9.6 percent at 2.3 million":
    an aside of what the subject takes in, then the subject's verb, is one clause with it."""
    joined = list(starts)
    i = len(joined) - 1
    while i >= 2:
        if _TAKES_IN.match(s, joined[i - 1]) and (
            _VERB_LED.match(s, joined[i]) or _CHANGED.match(s, joined[i])
        ):
            del joined[i - 1 : i + 1]
            i -= 2
        else:
            i -= 1
    return joined


_TAKES_IN = re.compile(r"[\s,]*(?:including|incl\.)\s", re.I)
_CHANGED = re.compile(
    r"\s*(?:rose|fell|climbed|grew|jumped|dropped|declined|slipped|surged|increased|decreased"
    r"|inched|edged|ticked)\b",
    re.I,
)


def _of_its_parts(told: str, whole: Entity | None) -> bool:
    """The sentence opens on 其中 or "Of these" and names several of ``whole``'s members."""
    if whole is None or not (_PART_OPENING.match(told) or _OF_WHICH.match(told)):
        return False
    members = {m.entity.name for m in names_in(told) if m.entity.parent == whole.name}
    return len(members) >= 2


def _in_a_list_item(work: str, end: int) -> bool:
    """``work[:end]`` ends inside a list item. Read from the line before its last line with
    text: a marker's spaces may reach over blank lines, never over text (perf: not from the
    start of the article for every sentence)."""

    def newline_before_text(at: int) -> int:
        while at > 0 and work[at - 1].isspace():
            at -= 1
        return work.rfind("\n", 0, at)

    last = newline_before_text(end)
    start = newline_before_text(last) if last > 0 else -1
    return _IN_A_LIST_ITEM.search(work, max(start, 0), end) is not None


# "In the period, Mercedes delivered ...", "极氪同期交付": a paragraph that goes on with the
# span just named
_THAT_PERIOD = re.compile(
    r"\b(?:in|during|over|for|across) the (?:same )?period\b"
    r"|(?<!去年)(?<!上年)同期(?=[交销产出实完])",
    re.IGNORECASE,
)
_STREAK = re.compile(
    r"\b(?:straight|consecutive|successive|back-to-back)\s+(?:months?|quarters?)\b"
    r"|\bmonths?\s+in\s+a\s+row\b|\b(?:every|each)\s+month\s+(?:since|this year|for)\b"
    r"|\bin each of the (?:past|last) \w+ months\b"
    r"|\bmonth after month\b|连续"
    # "继11月后再度站稳6万辆关口": the bar held again, a claim
    r"|(?:再度|再次|又一次)站稳"
    # "3月份开始月销量超过20万辆": every month's bar from then on
    r"|(?<![\d-])\d{1,2}月份?(?:开始|起)"
    # "Since August, the monthly export volume has exceeded 300,000": every month's bar
    r"|\bmonthly (?:[\w-]+ ){0,5}(?:has|have) (?:exceeded|topped|surpassed|stayed above"
    r"|remained above|been above)",
    re.I,
)
# a streak of years, in the number's clause or opening the sentence ("For the fourth
# consecutive year, Geely Holding recorded more than 2 million units"); not "its run of
# growth to four consecutive years, while its cumulative exports passed 1 million"
_YEAR_STREAK = re.compile(
    r"\b(?:straight|consecutive|successive)\s+years?\b|\byears?\s+in\s+a\s+row\b", re.I
)
_YEAR_STREAK_OPENING = re.compile(
    r"\s*(?:For|In)\s+(?:the\s+|a\s+)?\w+\s+(?:straight|consecutive|successive)\s+years?,", re.I
)
# the mark a streak names itself: "连续两月破两万", "above 10,000 for a third straight month"
_STREAK_MARK = re.compile(r"\d|[一二两三四五六七八九十]+[万千]")
_PLANNED = re.compile(
    r"将(?!近|超|达)|计划|预计|" + mx.EXPECTED + r"|有望|拟于|\bwill\b|\bplans? to\b"
    r"|\bexpects? to\b|\baims? to\b"
    r"|\bis set to\b|\bis expected to\b|\bscheduled\b",
    re.I,
)
_BRACKET_BEFORE = re.compile(r"[（(]\s*$")
# the word a bracketed number glosses, right before the bracket: "全年目标(600万辆)"
_GLOSSED_BASE = re.compile(
    r"(?:超过?|超越|超出|高于|多于|接近|逼近|追平)了?(?:去年|上年)全年(?:销量|交付量)?\s*$"
)
# a plan said before a colon: what follows the colon spells it out
_PLAN_BEFORE_A_COLON = re.compile(
    r"目标|计划|规划|力争|要实现|要达到|\b(?:targets?|goals?|plans?)\b"
    # "BYD is about to close 2025 with a milestone: one million exported in a single year"
    r"|\b(?:about|poised|set|on track|on course) to\b",
    re.I,
)
# "将刷新奇瑞在2025年创下的280.64万辆历史纪录": a record set, the one a goal would beat
_RECORD_TO_BEAT = re.compile(
    r"(?:刷新|打破|超越|改写)[^，,。；;]{0,16}?(?:创下|创造|录得)(?:了)?的\s*(?:历史)?(?:纪录|记录|新高)?\s*$"
)
# a goal already met: "has already passed that mark", "已提前完成", "超额完成"
_GOAL_MET = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?:passed|exceeded|surpassed|beaten|met|hit|reached"
    r"|topped|achieved)\b|已(?:经)?(?:提前)?(?:完成|实现|超额完成|突破)|提前完成|超额完成",
    re.I,
)
# the goal was met: "beating its target", "ahead of its full-year goal", "超额完成…目标"
_GOAL_BEATEN = re.compile(
    r"\b(?:beat(?:ing|s)?|exceed(?:ing|ed|s)?|surpass(?:ing|ed|es)?|top(?:ping|ped|s)?"
    r"|outperform(?:ing|ed|s)?|ahead of|above|over)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}$"
    r"|(?:超额完成|提前完成|超过|超出)[^，,。；;]{0,6}$",
    re.I,
)
_GLOSSED_PLAN = re.compile(
    r"(?:目标|计划|预期|预计|规划|\b(?:target|goal|guidance|forecast|plan))\s*$", re.I
)
# the end of a clause that only says who forecasts: "中汽协预估，", "乘联会曾预计，", "analysts
# expect that", "比亚迪将在…之际，"
_FORECAST_LEAD = re.compile(
    r"(?:(?:预估|预计|预测|估计|" + mx.EXPECTED + r")[^，,。；;\d]{0,4}"
    r"|(?<!即)将(?!近)[^，,。；;]{0,16})"
    r"[，,：:]?\s*$"
    # "按此测算，全年…约为2162万辆": worked out from the forecast before
    r"|[按照据依以](?:此|这一?(?:趋势|预测|速度))(?:测算|推算|估算|计算)[，,：:]?\s*$"
    r"|\b(?:expects?|forecasts?|predicts?|estimates?|projects?)(?: that)?,?\s*$",
    re.I,
)
# the end of a clause that says the counts after it are worked out from a pace or a share
# (not "按其官方公众号披露数据估算": summed from data told)
_WORKED_OUT_FROM = re.compile(
    r"(?:按照?|依照|照)[^，,。；;]{0,16}?(?:节奏|速度|增速|趋势|势头|进度)(?:来|去)?(?:测算|推算|估算)"
    r"[，,：:]?\s*$"
)
_FORECAST_OPENING = re.compile(
    r"[^，,。；;\d]{0,12}?(?:预计|預計|预测|預測|" + mx.EXPECTED + r"|預期|预估|預估)", re.I
)
# a clause opening as a relative one ("..., which began deliveries", "..., that is, ...")
_RELATIVE_CLAUSE = re.compile(r"[\s,]*(?:which|who|whose|that)\b", re.I)
# "… pass 120,000 as 2024 sales top 683,000": a count of its own, after "as"
_AS_ITS_OWN_COUNT = re.compile(
    r"\bas\s+(?:(?:19|20)\d\d\s+)?(?:[\w-]+\s+){0,2}?(?:sales|deliveries|output|production"
    r"|exports|shipments)\b",
    re.I,
)
# "as NEV shipments double", "while NEV exports doubled": a clause with a subject of its own
_CLAUSE_OF_ITS_OWN = re.compile(
    r"(?<!such )\b(?:as|while|whereas)\s+(?!well\b|many\b|much\b|of\b|at\b|early\b|late\b|soon\b"
    r"|far\b|a\b|an\b|the\s+(?:first|second|third|largest|biggest|top|only)\b)",
    re.I,
)
_WHICH_CLAUSE = re.compile(r"[\s,]*(?:which|who|whose)\b", re.I)
_GROUP_WORD = re.compile(r"\bgroup\b|集团", re.I)
_COMPANY_WORD = re.compile(r"\bcompany\b|公司", re.I)
# "making it the group's worst performer": a possessive in what the subject is said to be
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_WHOM_IT_MATTERS_TO = re.compile(
    r"\b(?:important|vital|crucial|key|significant|essential|central|valuable)\s+(?:to|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "is one of Honda's", "remains GM's": a name in what the subject is said to be
_COPULA_BEFORE = re.compile(
    r"\b(?:is|was|remains|remained|become|became|becomes|stays|stayed)\s+(?:also\s+)?"
    r"(?:one of\s+|among\s+)?(?:the\s+)?$",
    re.I,
)
_PREDICATE_BEFORE = re.compile(
    r"\b(?:making|made|makes)\s+it\s+$"
    r"|\b(?:is|was|become|became|becomes|remains|remained|stayed|stays|as)\s+$",
    re.I,
)
_COMBINED = re.compile(
    r"\bcombined\b|\btogether\b|\bjointly\b|\bin total\b|\bbetween them\b|合计|共计|合共|总计"
    r"|加起来|共交付|共销售|总共",
    re.I,
)
# "combined NEV sales of the …": the sum of the names after it
_COMBINED_OF = re.compile(
    r"\b(?:combined|total|joint)\s+(?:[\w-]+\s+){0,2}?(?:sales|deliveries|output|production"
    r"|exports)\s+(?:of|by|at|from)\s+(?:the\s+|its\s+)?$",
    re.I,
)
_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|percent\b|per cent\b|倍)", re.I)
# "successively" is how some translated releases say it
_RESPECTIVELY = re.compile(r"\b(?:respectively|successively)\b|分别|依次", re.I)
_RESPECTIVELY_BEFORE = ("分别", "依次")  # said before the counts they pair
_SEMI = re.compile(r"[;；]")


def _item_bounds(s: str, at: int) -> tuple[int, int]:
    """Where the item of a list parted by semicolons that holds offset ``at`` begins and ends
    (the whole sentence when it has no semicolons)."""
    before = max(s.rfind(";", 0, at), s.rfind("；", 0, at))
    after = _SEMI.search(s, at)
    return before + 1, after.start() if after else len(s)


_TOOK_BEFORE = re.compile(r"\btook\s+(?:[\w-]+\s+){1,4}?to\s+(?:[\w-]+\s+){0,4}$", re.I)
_SPAN_FROM_BEFORE = re.compile(r"从\s*(?:0|零|1辆|一辆|[\d,.]+\s*万?辆)?\s*(?:到|达到|至)\s*$")
# "Going from the 2 millionth to the 3 millionth NEV took BYD only half a year": the span of
# two marks, then how long it took (not "rose from 100,000 to 150,000": no "took" after)
_FROM_A_MARK_TO_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+|its\s+)?[\w,.-]+\s+(?:[\w-]+\s+){0,2}?to\s+(?:the\s+|its\s+)?$", re.I
)
_FROM_A_MARK_ZH = re.compile(r"从(?:生产)?(?:第|首)?\s*$")
_TO_A_MARK_THEN_TOOK = re.compile(
    r"[^。；;\d]{0,12}?到(?:第)?\s*[\d.]+\s*万?(?:辆|台)[^。；;]{0,24}?(?:用了|用时|历时|耗时|花了|仅用|只用)"
)
_TOOK_LATER = re.compile(r"[^.;]{0,60}?\b(?:took|has taken|had taken|needed)\b", re.I)
_TOOK_AFTER = re.compile(
    r"[^，,。；;\d]{0,8}?[，,]?\s*(?:我们|仅|只|已|共|整整|足足)?(?:用了|用时|历时|耗时|花了|仅用|只用)"
)
# "只用了不到5年时间，成为突破80万辆最快的品牌", "仅用3年时间，销量就突破100万辆": how long it
# took, then the milestone
_TOOK_THEN_BEFORE = re.compile(
    # ("长安用30年生产了第一个1000万辆汽车，又用7年达到2000万辆")
    # (not 通用, 商用, 乘用: a name's or a kind's end)
    r"(?:用了|用时|历时|耗时|花了|仅用|只用|(?<=[又再])用"
    r"|(?<![通使应作费信利享运采启适实专公军民备日家商乘])用(?=\d{1,3}\s*(?:年|个月|天)))"
    r"[^。；;，,]{0,12}?(?:年|个月|月|天)多?(?:时间|之内|内)?"
    r"[，,]?\s*[^，,。；;\d]{0,10}?(?:(?:突破|超过|达到|迈过|站上|跨过|跨越|越过|冲破)了?"
    r"|(?:生产|销售|交付|卖出|造出)了?(?:第一个|首个|第))$"
)
# "从4月开始交付以来，…：最初是7058台，5月份为8630台": the first month's count of a run
_FIRST_OF_A_RUN = re.compile(
    r"(?:最初|起初|首月|第一个月)(?:的)?(?:交付量?|销量|产量)?(?:是|为|达)?\s*(?:约|近)?\s*$"
)
# "从生产第一辆新能源汽车到第1000万辆，中国用了27年": who took that long, named first
_TOOK_A_NAMED_ONE_AFTER = re.compile(
    r"[，,]\s*[^，,。；;\d]{1,6}?(?:仅|只|已|共|整整)?(?:用了|用时|历时|耗时|花了)"
)
_GLOBAL_TOTAL_GLOSSED = re.compile(
    r"(?:的)?全球(?:总|累计)?(?:交付量|销量|产量)\s*[（(]\s*(?:约|近|超过?|逾)?\s*"
)
# "拥有186.9万辆销量的比亚迪", "以2.13万辆交付量的理想": a count that describes the maker after it
_DESCRIBES_THE_NAME = re.compile(
    r"\s*(?:(?:的)?(?:年|月|季度|全年)?(?:销量|交付量|产量|销售量|出口量))?的\s*"
)


def _in_an_aside(s: str, pos: int, number: int) -> bool:
    """``pos`` is inside an aside set off by commas before ``number`` (", the brand Seres builds
    with Huawei,", ", which Seres builds,", ", the market leader last year,")."""
    opened = s.rfind(",", 0, pos)
    closed = s.find(",", pos, number)
    return opened >= 0 and closed >= 0 and _ASIDE_OPENS.match(s, opened + 1) is not None


_ASIDE_OPENS = re.compile(r"\s+(?:the|a|an|which|who|whose|its)\s", re.I)
_RELATIVE_ASIDE = re.compile(r"\s+(?:which|who)\s", re.I)


def _years_of_other_ties(parts_all: Parts, number: int) -> set[tuple[int, int]]:
    """The spans of the times with a year that belong to other numbers than the one at
    ``number`` ("in November 2024" of "20,000 in November 2024")."""
    return {
        (a, b)
        for tie in parts_all.ties
        if tie.number != number and not tie.base
        for a, b, values in tie.parts.components
        if "year" in values
    }


# a sentence that opens with a year and goes on without a comma ("In 2023 the figures were")
_OPENING_YEAR = re.compile(r"\s*(?:In|For|During|Throughout)\s+(20\d\d)\s+(?!-|–|to\b|and\b)")
# "Of the 2.1766 million vehicles Geely sold in 2024,": a whole, with its time, whose parts follow
_OF_THE_WHOLE = re.compile(r"\s*(?:Of|Out of) the (?=\d)[^,;:]{4,80},", re.I)


# the count opens its clause right after a comma: "…, 323,294 of them NEVs"
_CLAUSE_OPENS_ON_IT = re.compile(r",\s*$")


def _parts_of_the_count_before(s: str, live: list[_Candidate]) -> None:
    """ "Nissan's sales in March totaled 59,914; Dongfeng Nissan accounted for 56,486 of them":
    a part of the count just before it, said at that count's metric and time, takes its
    evidence of them (no doubt about a metric or a time said away from the part)."""
    for i, cand in enumerate(live):
        if i == 0 or cand.dropped or not _OF_THEM.match(s, cand.number.unit_end):
            continue
        whole = live[i - 1]
        if (
            not whole.dropped
            and whole.entity_obj is not None
            and cand.entity != whole.entity
            and _CLAUSE_OPENS_ON_IT.search(s, whole.number.unit_end, cand.number.start)
        ):
            # "Volvo Cars added 710,042 vehicles to the group total, 323,294 of them NEVs": a
            # part with no verb of its own is the whole's, not the name after the whole's
            cand.entity, cand.entity_obj = whole.entity, whole.entity_obj
            if (
                whole.metric == cand.metric
                and whole.period == cand.period
                and _segment_of(whole) == _segment_of(cand)
            ):
                # "to 31,305 vehicles, 10,525 of them under the Nio brand": filed under the
                # whole's own key, a part would pass for it
                cand.drop("a part of the count before it (N of them)")
                continue
        if (
            not whole.dropped
            and whole.period is not None
            and whole.period.kind == "lifetime"
            and cand.period != whole.period
            and any(d in cand.doubts for d in _PERIOD_DOUBTS)
        ):
            # "had built a cumulative 17.18 million vehicles by July 31, 5.17 million of which
            # went abroad": a part of a running total runs as long
            cand.period = whole.period
        if not whole.dropped and whole.metric == cand.metric and whole.period == cand.period:
            answered = (D_METRIC_AWAY, D_NO_UNIT, *_PERIOD_DOUBTS)
            cand.doubts = [d for d in cand.doubts if d not in answered]


def _parts_at_the_wholes_time(s: str, live: list[_Candidate]) -> None:
    """The counts after "Of the N vehicles Geely sold in 2024," are parts of that whole, at
    its time: "cumulative NEV sales ... amounted to 888,200" is 2024's, not since the start."""
    opener = _OF_THE_WHOLE.match(s)
    if opener is None:
        return
    whole = next((c for c in live if c.number.start < opener.end()), None)
    if whole is None or whole.period is None or whole.period.kind == "lifetime":
        return
    for cand in live:
        if cand.number.start > opener.end() and cand.period and cand.period.kind == "lifetime":
            cand.period = whole.period


def _cumulative_of_the_year(s: str, live: list[_Candidate]) -> None:
    """ "FAW-Volkswagen produced 1,700,777 vehicles in 2021, and its cumulative terminal sales
    reached 1,857,777": a cumulative count beside the same maker's count of a past year, about
    as large as it (a running total since the start would be far larger), is that year's."""
    years = [c for c in live if c.period is not None and c.period.kind == "year" and c.entity_obj]
    for cand in live:
        period = cand.period
        if (
            period is None
            or period.kind != "lifetime"
            or cand.number.ordinal
            or not _CUMULATIVE_WORD.search(s, max(0, cand.number.start - 60), cand.number.start)
        ):
            continue
        year = next(
            (
                c
                for c in years
                if c.number.start < cand.number.start
                and c.entity == cand.entity
                and c.period is not None
                and c.period.end == period.end
                and cand.number.value < 1.5 * c.number.value
                # (not "2021年交付90491辆，历史累计交付124088辆": said to count from the start)
                and not _HISTORICAL.search(s, c.number.end, cand.number.start)
                and not _SINCE_START_ZH.search(s, c.number.end, cand.number.start)
            ),
            None,
        )
        if year is not None:
            cand.period = year.period


def _a_second_running_total(s: str, live: list[_Candidate]) -> None:
    """ "今年1至9月，蔚来累计交付66395辆，…；公司累计交付量已达142036辆": a second, larger running
    total of the same maker past a semicolon, no time of its own, counts since the start."""
    for first, cand in itertools.combinations(live, 2):
        if (
            first.period is not None
            and first.period.kind == "ytd"
            and cand.period == first.period
            and cand.entity == first.entity
            and cand.metric == first.metric
            and cand.number.value > first.number.value
            and _SEMI.search(s, first.number.end, cand.number.start)
            and _ITS_RUNNING_TOTAL.match(s, _item_bounds(s, cand.number.start)[0])
        ):
            cand.period = Period("lifetime", LIFETIME_START, first.period.end)


def _parts_included(s: str, live: list[_Candidate]) -> None:
    """ "vehicle shipments abroad topped 7 million units, including 2.615 million NEVs": a part
    right after the count it is included in takes whose, what and when from it."""
    for whole, cand in itertools.pairwise(live):
        if (
            not whole.dropped
            and whole.period is not None
            and whole.period == cand.period
            and whole.entity == cand.entity
            and whole.metric == cand.metric
            and cand.number.value < whole.number.value
            and (opening := _PARTS_OF_IT.match(s, whole.number.unit_end)) is not None
            and _ROUGHLY.fullmatch(s, opening.end(), cand.number.start)
        ):
            cand.part_of_the_count_before = True


# what may stand between a part's opening word and its number
_ROUGHLY = re.compile(r"\s*(?:about |around |some |nearly |almost )?")
# "公司累计交付量已达", "其累计交付": the maker's running total, no time said
_ITS_RUNNING_TOTAL = re.compile(
    r"\s*(?:公司|该公司|其|它)累计[^，,。；;\d]{0,8}?(?:已|已经)?(?:达|达到|突破|超过)"
)
_CUMULATIVE_WORD = re.compile(r"\bcumulative(?:ly)?\b|累计", re.I)
_ITS_ONLY = re.compile(r"\b(?:its|it)\b", re.I)
# a sentence opening on a part of the count just told: "Of the total,", "Of these,"
_OF_THE_TOTAL = re.compile(
    r"\s*(?:Of (?:the|that|this|which) (?:total|figure|number|sum|tally)|Of (?:these|them|those)"
    r"|Among (?:them|these|those))\b\s*,?",
    re.I,
)
# a sentence without numbers that tells of a maker's sales, deliveries, exports or output: what
# the counts after it without a metric word count ("GAC Aion's sales have surged in recent
# years. They ... totalling 42,003, ...")
_METRIC_TOLD_OF = re.compile(
    r"(?:'s|’s|\b(?:its|their))\s+(?:\w+\s+){0,2}?(?P<metric>sales|deliveries|exports|output"
    r"|production)\s+(?:have|has|had|recovered|rose|fell|grew|slumped|picked up|rebounded"
    r"|improved|declined|dropped|jumped|surged|slowed)\b",
    re.I,
)
_TOLD_METRIC = {"output": "production"}
# a list line of a name and its counts: "Li Auto: 8,589 (+11.4% MoM); 38,743 YTD"
# ("1. BYD – 2,571,109 (+43.3%)": a numbered line, its name and count apart by a dash)
_LABEL_LINE = re.compile(
    r"\s*(?:\d{1,2}[.)]\s+)?(?P<label>[^\d:：,，.。;；()（）–—]{1,40}?)\s*(?:[:：]|\s[–—-]\s)\s*\d"
)


def _a_name_and_its_counts(s: str) -> bool:
    """The line is a name the lexicon knows, a colon and its counts (not "Photo caption: 200
    buses wait")."""
    line = _LABEL_LINE.match(s)
    if line is None:
        return False
    name = lexicon().by_alias.get(line["label"].strip().casefold())
    # (not "中汽协:7月新能源汽车销量78万辆": a source heading its news)
    return name is not None and not lexicon().entities[name].is_region


# "the July delivery numbers are out", "sales figures", "交付数据": what a report counts
_FIGURES_OF_A_METRIC = re.compile(
    r"\b(?P<metric>delivery|deliveries|sales|production|output|export|exports)\s+(?:numbers"
    r"|figures|data|results|tall(?:y|ies))\b"
    r"|(?P<metric_zh>交付|销量|产量|出口)(?:量)?数据"
    # "the startups released their August deliveries one after another"
    r"|\b(?:released|published|announced|reported|posted)\s+(?:their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<released>deliveries|sales|exports|output)\b",
    re.I,
)
_FIGURES_METRIC = {
    "delivery": "deliveries", "output": "production", "export": "exports",
    "交付": "deliveries", "销量": "sales", "产量": "production", "出口": "exports",
}  # fmt: skip


def _figures_metric(s: str) -> str | None:
    """The metric of the figures a sentence announces ("the July delivery numbers are out"),
    if it names one."""
    said = _FIGURES_OF_A_METRIC.search(s)
    if said is None:
        return None
    metric = (said["metric"] or said["metric_zh"] or said["released"]).lower()
    return _FIGURES_METRIC.get(metric, metric)


# a ranking by a metric: "the carmakers that sold the most vehicles", "best-selling"
_RANKED_BY = re.compile(
    r"\b(?:that|which|who)\s+(sold|delivered|exported|produced|built)\s+the\s+most\b"
    r"|\b(best)[- ]selling\b",
    re.I,
)
_RANKED_METRIC = {
    "sold": "sales", "best": "sales", "delivered": "deliveries", "exported": "exports",
    "produced": "production", "built": "production",
}  # fmt: skip
# a sentence opening on the year so far: "Year-to-date,", "So far this year,", "今年以来，"
_YTD_OPENING = re.compile(
    r"\s*(?:Year[- ]to[- ]date|So far this year|So far in \d{4}|For the year so far)\s*,"
    r"|\s*(?:今年以来|年初至今|今年迄今)\s*[，,]",
    re.I,
)
# "all-electric", "battery-electric", "electric": the words of battery-electric cars
_ELECTRIC = r"(?:(?:all|fully|pure|battery)[- ])?electric"
# battery-electric, the one powertrain of a maker that makes no other
_BATTERY_ELECTRIC = re.compile(rf"\b{_ELECTRIC}\b|\bBEVs?\b|\bbattery EVs?\b|纯电动?", re.I)
# kinds of vehicle a count takes in ("Total vehicle sales, including trucks and buses")
_KIND_WORDS = r"(?:trucks?|bus(?:es)?|coaches|vans|pickups?|commercial vehicles)"
_INCLUDED_KINDS = re.compile(
    rf"\b(?:including|incl\.|plus|as well as|along with)\s+(?:[\w-]+\s+){{0,2}}?{_KIND_WORDS}"
    rf"(?:\s*(?:,|and|or)\s*(?:[\w-]+\s+){{0,2}}?{_KIND_WORDS})*",
    re.I,
)


def _blank(m: re.Match[str]) -> str:
    """A match as spaces of its length (positions after it stay where they were)."""
    return " " * len(m.group(0))


# what kind of maker the subject is ("The all-electric carmaker Zeekr", "纯电品牌极氪"), not what
# its count counts
_MAKER_OF_A_KIND = re.compile(
    rf"\b(?:{_ELECTRIC}|EV|NEV|new[- ]energy|commercial|truck|bus)\s+"
    r"(?:(?:car|auto|vehicle)\s*)?(?:maker|carmaker|automaker|brand|company|startup|firm"
    r"|manufacturer)s?\b"
    r"|(?:纯电动?|新能源|电动)(?:汽车)?(?:品牌|车企|企业|厂商)",
    re.I,
)
# "…, behind only January's 266,737 units": the count another is ranked after
_RANKED_BEHIND = re.compile(
    r"\b(?:behind|trailing|second only to|below only)\s+(?:only\s+)?[^,;.\d]{0,24}$", re.I
)
# "The second quarter came in at 1.6 million, and the first quarter at 1.4 million": a time
# standing as the subject of a count
_A_TIME_AS_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?:the\s+)?(?:(?:first|second|third|fourth|final|last)\s+(?:quarter"
    # (not "May": a month the period reader takes only where it cannot be the verb)
    r"|half)|Q[1-4]|H[12]|January|February|March|April|June|July|August|September|October"
    r"|November|December)(?:\s+alone)?\s+(?:came in at|came to|stood at|ended at|closed at|was"
    r"|totall?ed|reached|hit|at)\s+"
    r"(?:(?:about|around|nearly|almost|some|more than|over|just over|just under)\s+)?$",
    re.I,
)
# "volume dropped by 40.7% to 88,868", "volumes reached 1.2 million": the count of the metric
# the sentences before counted
_VOLUME_BEFORE = re.compile(
    r"\bvolumes?\b(?:[^.;:,]|(?<=\d)[.,](?=\d)){0,40}?\b(?:to|at|of|reached|hit|totall?ed)\s+"
    r"(?:(?:about|around|nearly|almost|some|more than|over|just over|just under)\s+)?$",
    re.I,
)
# "the figures were", "the comparable numbers", "这一数字为": the same counts as before
_THE_FIGURES = re.compile(
    r"\bthe (?:corresponding |comparable |equivalent |same )?(?:figures?|numbers?|tall(?:y|ies))"
    r"\b(?! of\b)|(?:这一|该|相应)(?:数字|数据)",
    re.I,
)


_A_YEAR_EARLIER_OPENING = re.compile(
    r"\s*(?:A|One) year (?:earlier|before|ago)\b|\s*(?:In|During|Over) the same (?:month|period"
    r"|quarter) (?:a year (?:earlier|before|ago)|last year)\b"
)
# "而在2019年，这一数字超过28,000辆": the count just told, in another year
_THE_SAME_COUNT_IN_A_YEAR = re.compile(
    r"(?:19|20)\d\d\s*年\s*[，,]?\s*(?:的)?(?:这一|这个|该|此)(?:数字|数据|数值)"
)


# "，其中", ", of which", ", including": the counts after it are parts of the one before
_PARTS_OF_IT = re.compile(r"[，,]\s*(?:其中|(?:of which|including|among them)\b)")


def _year_of_the_whole(s: str, parts: Parts, number: int) -> int | None:
    """The year of the count a sentence's parts are told of ("2021年全年交付90,491辆，其中第一
    季度12,579辆"), for a part whose own quarter, half or month has no year."""
    if parts.year is not None or parts.year_rel is not None:
        return None
    if not (parts.month or parts.quarter or parts.half):
        return None
    opening = _PARTS_OF_IT.search(s, 0, number)
    if opening is None:
        return None
    years = list(_YEAR_SAID.finditer(s, 0, opening.start()))
    if not years:
        return None
    year = years[-1]
    if (
        # (not "已超过2023年全年规模，…；零跑汽车销量21.1万辆，…，其中10月单月销量3.8万辆": the
        # year compared with, in another part of the sentence)
        _SEMI.search(s, year.end(), opening.start())
        or _COMPARED_BEFORE.search(s, max(0, year.start() - 24), year.start())
        or not _A_COUNT.search(
            s,
            max((m.end() for m in _SEMI.finditer(s, 0, year.start())), default=0),
            opening.start(),
        )
    ):
        return None
    return int(year.group(0)[:4])


def _year_listed_before(parts_all: Parts, number: int) -> int | None:
    """The year said with the time of the last count before ``number`` that has one, when
    ``number``'s own time (a month, quarter or half) has no year."""
    own = parts_all.tie_at(number)
    if own is None or own.parts.year is not None or own.parts.year_rel is not None:
        return None
    if not (own.parts.month or own.parts.quarter or own.parts.half):
        return None
    years = [
        t.parts.year
        for t in parts_all.ties
        if t.number < number and not t.base and t.parts.year is not None
    ]
    return years[-1] if years else None


def _own_and_earlier_times(
    parts_all: Parts, number: int, lead_parts: list[Parts], clause: int
) -> tuple[Parts | None, list[Parts]]:
    """The time of the count at ``number`` and the times of the counts before it: those said
    right with each count ("46,319 in Q4 2022 and 26,524 in Q3") or by their clauses
    ("2022年第四季度46,319輛；第三季度26,524輛")."""
    own = parts_all.tie_at(number)
    if own is not None:
        return own.parts, [t.parts for t in parts_all.ties if t.number < number and not t.base]
    return lead_parts[clause], lead_parts[:clause]


def _year_of_quarters_counted_down(own: Parts | None, before: list[Parts]) -> int | None:
    """The year of a quarter said without one, when the times before it count down quarter by
    quarter from one with a year ("2022年第四季度46,319輛；第三季度26,524輛；第二季度28,687輛")."""
    if own is None or own.quarter is None or own.year or own.year_rel:
        return None
    quarter = own.quarter
    for told in reversed(before):
        if told.quarter != quarter + 1 or told.year_rel is not None:
            return None
        if told.year is not None:
            return told.year
        quarter += 1
    return None


# a sentence (or a clause after a colon) opening on the time before the one told: "The month
# before,", "A year earlier,", "…, though the base is high: a year ago Tesla posted 100,291"
_EARLIER_OPENER = re.compile(
    r"(?:^|(?<=[:;]))\s*(?:(?:A|One) (?P<unit>month|year) (?:(?:earlier|before)\s*,|ago\b\s*,?)"
    r"|The (?P<unit2>month|year) before\s*,|In the same (?:month|period) (?:a year earlier"
    r"|last year)\s*,)",
    re.I,
)


def _earlier(period: Period, unit: str) -> Period | None:
    """The period a month (of a month's count) or a year before ``period``; None when there
    is no such calendar period (a lifetime)."""
    if unit == "month":
        if period.kind != "month":
            return None
        end = period.start - timedelta(days=1)
        return Period("month", end.replace(day=1), end)
    if period.kind == "lifetime":
        return None
    year = period.end.year - 1
    start = period.start.replace(year=period.start.year - 1)
    return Period(period.kind, start, month_end(year, period.end.month))


# "putting it on track for 600,000 this year", "on pace to deliver about 60,000": where a
# count is heading, not where it is
_ON_TRACK_FOR = re.compile(
    r"\bon (?:track|course|pace) (?:for |to (?:[a-z]+ ){0,2}?)(?:about |around |nearly |some "
    r"|more than |over )?$",
    re.I,
)
# a clause opening on a purpose: "To reach 60,000, BYD must sell ..."
_TO_REACH_OPENING = re.compile(r"\s*(?:To|In order to)\s+(?:reach|hit|meet|achieve|beat|fulfil+)\b")
# "delivered about 800 more cars in August than in July": the difference of two counts
_MORE_THAN_APART = re.compile(r"\s+(?:more|fewer)\b(?:\s+[\w-]+){1,6}?\s+than\b", re.I)
# "118,685 units for the year (71,941, up 65%)": the bare number in brackets after a count,
# with only its rate, is the count a year before
# the words of a model after its brand's name: " ZS EV ", " Ioniq 5 ", " Kona Electric "
# (not a company word: "Chery Holding Group (120,000)")
_NOT_A_COMPANY_WORD = (
    r"(?!(?:Group|Auto|Motors?|Holdings?|Co|Ltd|Inc|Corp|Automobile|Automotive|Technology"
    r"|Technologies|Brand|Company|Corporation|China|International|Global)\b)"
)
_MODEL_WORDS_AFTER_A_NAME = re.compile(
    rf"\s+{_NOT_A_COMPANY_WORD}[A-Z0-9][\w-]*(?:\s+{_NOT_A_COMPANY_WORD}[A-Z0-9][\w-]*){{0,3}}\s*"
)
# "比亚迪秦（2.4万辆）": a word after the maker's name, then its count in brackets
_ZH_MODEL_AFTER_A_NAME = re.compile(
    r"(?!汽车|集团|公司|股份|品牌|新能源|乘用车|商用车|海外|国内|全球|中国|销量|交付|出口|产量|累计)"
    r"[\u4e00-\u9fff]{1,3}[A-Za-z0-9+-]{0,6}\s*"
)
# "单月出口量达到5万辆", "in a single month": one month of the span the sentence names
_ONE_MONTH_OF_A_SPAN = re.compile(r"单月|單月|\bin a single month\b|\bone month\b", re.I)
# "from the same month last year (7,024)", "a year earlier (1,234 units)": a base in brackets
_A_YEAR_EARLIER_BRACKET = re.compile(
    r"\b(?:(?:the\s+)?same\s+(?:month|period|quarter|time)\s+(?:last|a|of\s+last|the\s+previous)"
    r"\s+year|a\s+year\s+(?:earlier|ago|before)"
    # (not "growth picked up to 21.1% last year (7,080,000 units)": last year's own count)
    r"|(?:from|than|over|versus|vs\.?|compared\s+(?:with|to)|against|on)\s+last\s+year)"
    r"(?:['’]s)?\s*[(（]\s*$",
    re.I,
)
_PRIOR_IN_BRACKETS = re.compile(
    r"(?:\d\s*(?:million\s+|m\s+)?(?:units|vehicles|cars|EVs)\b[^()（）]{0,40}?[(（]\s*$)", re.I
)
_PRIOR_BRACKET_END = re.compile(
    r"\s*(?:units|vehicles|cars)?\s*[,;，；]\s*(?:up|down)\s+(?:by\s+)?[\d.]+\s*"
    r"(?:%|percent|per cent)\s*[)）]",
    re.I,
)
_SEMICOLON = re.compile(r"[;；]|,\s*(?:while|whereas|but)\s", re.I)
# 成都 is no 都; "Xpeng, NIO and Li Auto all exceeded 90,000": each of them
_EACH = re.compile(
    r"\beach\b|\bboth\b|\ball\s+(?=(?:\w+ed|sold|topped|beat)\b)|均|(?<![成首京古帝])都|各自?", re.I
)
_MODEL_NAMES = model_names()
_MODEL = re.compile(
    # (not "1Q23": the first quarter of 2023)
    r"(?<![A-Za-z])(?:(?!(?:Q[1-4]|H[12])(?![A-Za-z0-9])|(?<=[1-4])Q\d\d)"
    r"[A-Z]{1,4}-?\d{1,3}[A-Za-z+]*"
    r"|\d{3,4}(?= model)|\d{2,4}(?=车型|型)|Model [3SXY](?:s|['’]s)?|#\d)(?![A-Za-z])"
    r"|(?<![\d.])\d{1,2}系(?!列)"  # "宝马5系": a series of one brand
    r"|(?<![\w.])\d\s+Series(?![\w-])"  # "the BMW 5 Series": the same in English
    r"|(?<=\b[Tt]he )0[1-9](?![\d,.%])"  # "the 03", "the 02": Lynk & Co's numbered models
    r"|(?<![A-Za-z])[A-Z]{1,2}系(?!列|统|數|数)"  # "零跑C系": a model series
    # (not 全系车型, "all its models": the brand's whole line-up, nor 新能源车型, 纯电动车型,
    # 插电式混合动力车型: all the models of a powertrain)
    # (not "exports of new energy models", "its pure electric models": all of a powertrain)
    r"|\bmodel\b|(?<!new energy )(?<!new-energy )(?<!electric )(?<!electrified )(?<!NEV )"
    r"(?<!EV )(?<!hybrid )(?<!plug-in )\bmodels\b"
    r"|\bnameplates?\b|\bsedan\b|(?<![A-Za-z])SUV(?![A-Za-z])|\bhatchback\b"
    r"|(?<!全系)(?<!新能源)(?<!电动)(?<!纯电)(?<!动力)(?<!混动)(?<!增程)(?<!燃油)车型|单车|款车"
    # ("the TIGGO 8 and TIGGO 7 series")
    # ('the "China Star" series': a quoted name)
    r"|\b(?:[A-Z][\w.-]*[\"”’']?\s+)(?:\d{1,3}\s+)?(?:[Ff]amily|[Ss]eries|line-?up)\b"
    r"|\bthe (?:model )?family\b"
    r"|\b[A-Z][\w.]*-[Ss]eries\b"  # "BAIC's EC-Series electric city car"
    # ("「銀河」系列全年賣出123.58萬輛": a series named in quotes)
    r"|[\u4e00-\u9fffA-Za-z0-9.]{1,4}[」”\"]?(?:家族|系列)"
    # '奇瑞"小蚂蚁"上市4年累计销量': a product's nickname in quotes
    r"|(?<=[\u4e00-\u9fff])[“\"][\u4e00-\u9fff]{2,5}[”\"](?=上市|累计|销量|交付|车型)"
    # "理想i8", "宏光MINIEV", "宋PLUS": model codes of Chinese makers
    r"|(?<![A-Za-z])[a-z]\d{1,2}(?![A-Za-z0-9])|MINI ?EV|(?<=[宋秦汉唐元])(?:PLUS|Pro|UP|L|DM)"
    # "比亚迪秦继续排名第一": a Dynasty model right after its maker's name
    r"|(?<=比亚迪)[秦汉唐宋](?![山朝代])"
    # "奇瑞eQ1", "宝马iX3": a lower-case letter, capitals, digits; Mercedes' EQA, EQB, EQC
    r"|(?<![A-Za-z])[a-z][A-Z]{1,2}\d{0,2}(?![A-Za-z0-9])|(?<![A-Za-z])EQ[A-Z](?![A-Za-z])"
    # well-known model names, which no maker, brand or place shares
    rf"|{_MODEL_NAMES.zh_pattern()}"
    rf"|\b(?:{_MODEL_NAMES.en_pattern()})\b|\bMini EV\b"
    r"|(?<![A-Za-z])ID\.\s?\d{1,2}(?![\d,])"  # Volkswagen's ID.3, ID.4
    # "第20万辆搭载魔毯空气悬架的车型": the cars fitted with something, some of its models
    r"|(?:搭载|配备|装配|装有)[^，,。；;]{1,12}?的(?=车|汽车|$)"
    r"|\b(?:Qin|Song|Han|Tang|Yuan) (?:Plus|PLUS|Pro|L|DM-?i|EV|UP)\b"
    # "the brand's best seller was the Peugeot 408 with 19,865": a model, whatever its name
    r"|\bbest[- ]?sell(?:er|ing (?:car|vehicle))\s+(?:was|is)\b"
    # "The Excelle GT was the brand's most popular nameplate in November, with 36,000"
    r"|\b(?:most popular|best[- ]selling|top[- ]selling)\s+nameplate\b",
)


# "以约2万辆的微弱差距领先比亚迪", "以5000辆的优势": by how much one count beats another
_MARGIN_AFTER = re.compile(
    r"\s*(?:辆|輛|台)?\s*的?\s*(?:微弱|巨大|明显|较大|较小|细微|一定)?\s*(?:差距|优势|领先优势)"
)


# "增量主要来自上汽乘用车(+4.0万辆)", "Brand A (+4,000)": a number with its sign is a change
_SIGNED_BEFORE = re.compile(r"(?:[(（]\s?[+＋\-−–]|(?<![\w.,%)）])[+＋])\s?$")


# a quotation still open before a number, and the words after it up to the next number in it
_OPEN_QUOTE = re.compile(r"[“「『][^”」』]*$")
_IN_THE_QUOTE = re.compile(r"[^”」』“「『。；;\d]{0,12}")


# the noun of a milestone car up to the car itself: "比亚迪王朝网宋家族新车"
_CAR_NOUN_ZH = re.compile(r"[^，,。；;！!\d]{1,14}?(?=新车|汽车|整车|轿车|车|下线|下線)")


def _model_of_the_car(s: str, unit_end: int) -> bool:
    """The milestone car ("第200万辆…") is named as one model's."""
    noun = _CAR_NOUN_ZH.match(s, unit_end)
    return noun is not None and _MODEL.search(noun.group(0)) is not None


# "SAIC-GM-Wuling makes the Hongguang Mini EV, ... and has sold 800,000": a model the maker
# makes, named on the way to the maker's own count
_MAKES_BEFORE = re.compile(
    r"\b(?:makes|manufactures|builds|produces|maker of|owns)\s+(?:the\s+|its\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,2}$"
)


# "全新福特锐际": an all-new model named by its brand
_ALL_NEW_BEFORE = re.compile(r"(?:全新|新款|新一代)\s*$")


def _named_model_after(s: str, end: int) -> re.Match[str] | None:
    """The model named right after a maker's name ending at ``end`` ("the BAIC EC-Series"), not
    a word like "models" or "SUV" that names none."""
    if s[end : end + 1] != " ":
        return None
    model = _MODEL.match(s, end + 1)
    if model is None or not re.search(r"[A-Z0-9]", model.group(0)) or model.group(0) == "SUV":
        return None
    return model


def _model_between(s: str, start: int, end: int) -> bool:
    """A model is named between the count's subject and the count: the count is the model's."""
    return any(
        not _MAKES_BEFORE.search(s, max(0, m.start() - 40), m.start())
        and not _CAUSE_BEFORE.search(s, max(0, m.start() - 40), m.start())
        # "尽管主力车型SU7正处于停产改款的过渡期，1月交车量仍突破3.9万台": a model in a clause of
        # concession, the count in the clause after it
        and not (
            _CONCESSION_BEFORE.search(s, max(0, m.start() - 24), m.start())
            and _CLAUSE_BREAK.search(s, m.end(), end)
        )
        # "其中P7为6,397辆、G3及G3i合计1,519辆；截至7月31日，年内累计总交付量达80,507辆": past the
        # semicolon that ends a list of models, the maker's whole
        and not _WHOLE_PAST_A_SEMICOLON.search(s, m.end(), end)
        for m in _MODEL.finditer(s, start, end)
    ) or bool(_MODEL_WORD_AFTER_A_NAME.match(s, start, end))


# a sentence opening on a model named by its kind: "The micro EV set …", "This SUV sold …"
_A_MODEL_OPENS = re.compile(
    r"\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,2}?(?:EV|SUV|sedan|hatchback|MPV|minivan|minicar"
    r"|pickup|crossover|coupe|model)\b(?!\s+(?:maker|brand|company|giant|start-?up|firm|market"
    r"|segment|sector|sales|industry|business|division|unit|line-?up|range)s?\b)"
)
_CONCESSION_BEFORE = re.compile(
    r"(?:尽管|虽然|虽|即便|即使|哪怕)[^，,。；;]{0,30}$"
    r"|\b(?:although|though|despite|even as|even though)\b[^,;.]{0,60}$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_WHOLE_PAST_A_SEMICOLON = re.compile(r"[；;][^；;。]*?(?:总|整体|全部)[^；;。]*$")


# a model as the subject of its share in the maker's count: the count after it is the model's
_WITH_OPENING = re.compile(r"[\s,]*with\b", re.I)
_CONTRIBUTED_AFTER = re.compile(
    r"\s*(?:[(（][^()（）\d]*[)）]\s*)?(?:contributed|accounted for|made up)\b", re.I
)
# "Li Auto kept up its momentum on the back of its L series SUVs, delivering 20,823": the
# models behind the maker's count, not what it counts (but "led by the Tiggo 4 Pro with 1,059
# units": the leader's own)
_CAUSE_BEFORE = re.compile(
    r"\b(?:on the back of|thanks to|driven by|helped by|boosted by|buoyed by|propelled by"
    r"|fuell?ed by|powered by|supported by)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)


# "the Buick Weilan 6 with 45,538 units", "Wuling Bingo collectively selling": a capitalised
# word right after the maker's name, then the count's verb, names one of its models
_NOT_A_MODEL_WORD = (
    r"Co|Ltd|Inc|Corp|Corporation|Company|Group|Holdings?|Motors?|Autos?|Automobiles?|Automotive"
    r"|Cars?|Technology|Technologies|Intelligent|International|Global|Europe|America|China"
    r"|Brand|Chairman|CEO|President|Founder|Chief|Executive|Vice|Senior|Sales|Deliveries"
    r"|Production|Output|Exports|Shares|Stock|New|Energy|Passenger|Commercial|Vehicles?|Plant"
    r"|Factory|Gigafactory|Also|Alone|Itself|Overall|Together|Too|In|On|At|And|Or|But|With"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Day"
    # a headline's verb in title case ("XPeng Delivered 12,964 Vehicles in Q4")
    r"|Sold|Sells?|Selling|Delivered|Delivers?|Delivering|Shipped|Ships?|Posts?|Posted|Reports?"
    r"|Reported|Hits?|Tops?|Topped|Reach(?:es|ed)?|Logs?|Logged|Records?|Recorded|Sees|Saw"
    r"|Makes?|Made|Builds?|Built|Produc(?:es|ed)|Exported|Rises|Rose|Falls|Fell|Jumps?|Jumped"
    r"|Surges?|Surged|Climbs?|Climbed|Drops?|Dropped|Grows|Grew|Beats?|Breaks?|Broke|Passes"
    r"|Passed|Crosses|Crossed|Surpass(?:es|ed)|Exceeds?|Exceeded|Achieves?|Achieved|Has|Had|Is|Was"
)
_MODEL_WORD_AFTER_A_NAME = re.compile(
    rf"\s+(?!(?:{_NOT_A_MODEL_WORD})\b)(?:[A-Z][a-z]{{2,}}|[A-Z]{{2,3}}\s+[A-Z][a-z]{{2,}}"
    # ("the China-only Hyundai ix35 22,074 units": a model code in small letters)
    r"|[a-z]{1,3}\d{1,3}[A-Za-z]*\b)"
    r"(?:\s+(?:\d{1,3}|[A-Z]{1,3}\d{0,2}"
    r"|Plus|Pro|Max|EV))?"
    # ("the Hyundai Elantra (Avante) sold": the model's name elsewhere, in brackets)
    r"(?:\s*\([A-Za-z][\w -]{1,20}\))?"
    r",?\s+(?:(?:\w+ly|together|jointly|alone|on its own)\s+)?(?:(?:with|sold"
    r"|selling|recorded"
    r"|totall?(?:ed|ing)"
    r"|delivered|reached|posted|topped|led|saw|had|was)\b|(?=\d)|$)"
)


_HAS_COUNT = re.compile(
    r"\d[\d,.]*\s*(?:million|thousand|units|vehicles|cars|万|辆|台)|\d{1,3},\d{3}"
)


# "Wuling Hong Guang MINI EV", "Leapmotor C11": a model's name right after its maker's, the
# subject of its sentence
_MODEL_NAMED_AFTER = re.compile(
    rf"\s+(?!(?:{_NOT_A_MODEL_WORD})\b)(?:[A-Z][a-z]{{2,}}(?:\s+[A-Z][a-z]{{2,}})?"
    r"(?:\s+(?:MINI|Mini|Plus|Pro|Max|EV|\d{1,3}))*|[A-Z]{1,3}-?\d{1,3}[A-Za-z+]*)"
    r"(?=\s+(?:may|is|was|has|had|remains|remained|stays|stayed|kept|keeps|became|sold|saw"
    r"|continued|continues)\b)"
)


# "sold more than 150,000 Hongguang Minis": a known model's name right after the count
_KNOWN_MODEL_AFTER = re.compile(rf"\s+((?:{_MODEL_NAMES.en_pattern()})(?:\s+[A-Z][\w-]*)?)")
# "5,979 premium SUVs, 2,814 of them ES7s": a part of the count before, by a model's code
_OF_THEM_A_MODEL = re.compile(
    r"\s+of (?:them|which)(?: were)?\s+(?:the\s+)?((?:[A-Z][A-Za-z]{0,3}-?\d{1,3}[A-Za-z+]{0,3}"
    rf"|{_MODEL_NAMES.en_pattern()})s?)\b"
)
# "sold 31,950 Dolphin EVs": a model's name between the count and its vehicle noun
_MODEL_BEFORE_THE_NOUN = re.compile(
    rf"\s+(?!(?:{_NOT_A_MODEL_WORD}|Chinese|Electric|Battery|Plug-in|Hybrid|Premium|Luxury|Used"
    r"|Domestic|Foreign|Local|Imported|Made|Brand-new|Smart|Self-driving|Autonomous|More|Other"
    r"|Such|These|Those|Its|Their)\b)"
    r"([A-Z][a-z]{2,}(?:\s+(?:\d{1,3}|[A-Z]{1,3}\d{0,2}|Plus|Pro|Max|EV|DM-i))?)"
    r"\s+(?:EVs?|cars?|vehicles?|units|SUVs?|sedans?|hatchbacks?|pickups?|MPVs?)\b"
)

# the words after "electric" that make it a maker's description
_MAKER_OF_THAT_KIND = re.compile(
    r"(?:[- ](?:vehicle|car|auto|automobile)s?)?[- ](?:makers?|carmakers?|automakers?"
    r"|manufacturers?|arms?|partners?|startups?|start-ups?|compan(?:y|ies)|firms?|brands?"
    r"|subsidiar(?:y|ies)|pioneers?|giants?|specialists?|upstarts?)\b",
    re.I,
)


# a clause on a trend a count ends or extends: "…, ending the growth seen in January"
_TREND = r"(?:ending|snapping|breaking|reversing|extending|continuing|halting|stopping)\s+"
_TREND += r"(?:the|a|its|their|an)\b"
_TREND_CLAUSE = re.compile(r"[\s,;]*" + _TREND, re.I)
# a clause on when figures came out: "according to CPCA data released earlier this month"
_DATA_RELEASED = re.compile(
    r"\b(?:data|figures|numbers|statistics)\s+(?:(?:it|they|the \w+)\s+)?(?:released|published"
    r"|announced|issued|put out)\b",
    re.I,
)


def _segment_hits(s: str) -> list[mx.Hit]:
    """The segment words of the sentence (not "electric vehicle maker BYD": what a maker is
    known for, not what it counts)."""
    return [h for h in mx.segment_hits(s) if not _MAKER_OF_THAT_KIND.match(s, h.end)]


# "of the 72,573 it sold, 45,359 were Model Y crossovers": what the part is, a model's name
_A_MODEL_WORD = re.compile(r"\bmodels?\b")


def _names_a_maker(model: re.Match[str], mentions: list[tuple[Mention, bool]]) -> bool:
    """A name inside the model's name makes the count a maker's ("2,000 were BYD cars", "37,798
    Tesla MIC cars"), unless the text calls it a model past the name ("were its Nezha S
    model")."""
    inside = [m for m, _ in mentions if model.start(1) <= m.start < model.end(1)]
    return bool(inside) and not (
        _A_MODEL_WORD.search(model[0])
        and all(m.entity.kind == "unknown" or m.end < model.end(1) for m in inside)
    )


_WERE_A_MODEL = re.compile(
    r"\s+(?:units\s+|vehicles\s+|cars\s+)?(?:were|was)\s+(?:the\s+|its\s+)?"
    # ("2,206 were its premium Nezha S model")
    r"(?:(?:new|all-new|latest|premium|flagship|entry-level|best-selling|top-selling|popular"
    r"|upmarket|cheaper|compact|electric)\s+)?"
    r"([A-Z][A-Za-z0-9-]{1,}(?:\s+(?:\d{1,3}|[A-Z]{1,3}\d{0,2}|Plus|Pro|Max|EV))?)"
    r"\s+(?:crossovers?|SUVs?|sedans?|hatchbacks?|MPVs?|pickups?|models?|cars|EVs)\b"
)
# "43,951 were Model Ys": a known model's name as what the count was, no noun after it
_WERE_A_KNOWN_MODEL = re.compile(
    r"\s+(?:units\s+|vehicles\s+|cars\s+)?(?:were|was)\s+(?:the\s+|its\s+)?"
    rf"((?:{_MODEL_NAMES.en_pattern()}|Model [3SXY])(?:s|es)?)(?![\w-])"
)
# "4,385 units of the Encino, the Chinese version of the Kona": a model's count
_UNITS_OF_A_MODEL = re.compile(
    r"\s+units?\s+of\s+(?:the|its)\s+(?:new\s+|all-new\s+)?"
    # ("36,762 units of its Hongguang Mini EV in January": a name of up to three words)
    r"([A-Z][A-Za-z0-9-]{1,}(?:\s+(?:\d{1,3}|[A-Z]{1,3}\d{0,2}|Plus|Pro|Max|EV|Mini)){0,2})"
    r"(?=\s*[,.;]|\s+(?:SUV|sedan|model|crossover|MPV|hatchback)s?\b"
    # "more than 120,000 units of the new M7 since its launch", "... of its Han in May"
    r"|\s+(?:since|so far|to date|in|during|last|this)\b)"
)


@dataclass(frozen=True, slots=True)
class NumberTrace:
    """What became of one number of the text: the figure it gave, or why it gave none."""

    start: int  # offsets into the text
    end: int
    value: int
    figure: Figure | None
    reason: str  # "" when the number became a figure


@dataclass
class _State:
    published: date
    trace: list[NumberTrace] | None = None  # filled only when explaining
    heading: Entity | None = None  # the entity a heading line names, for the lines under it
    kind_told: int = -1  # the sentence that opened on one kind of vehicle, with no count
    last: dict[str, Entity] = field(default_factory=dict)  # maker | province | city | any
    paragraph: int = -1
    para_entity: Entity | None = None
    frame: Entity | None = None  # the article's main subject, from its headline
    last_list: tuple[Entity, ...] = ()  # the entities last named together ("A, B and C")
    last_list_group: Entity | None = None  # the group they make up, when named with them
    recent: list[Entity] = field(default_factory=list)  # names in text order ("the latter")
    # names last named as rivals ("ahead of Shanghai GM and Shanghai VW"): "the joint venture"
    # after them is not one of them
    named_as_rivals: set[str] = field(default_factory=set)
    para_from_frame: bool = False  # para_entity is the frame: nothing in the paragraph named one
    world_para: bool = False  # the paragraph counts the world market ("Global auto sales ...")
    # the paragraph turned to the market at home, no maker named ("The numbers mirror the wider
    # car market."): an industry body's counts in it are the country's
    home_para: bool = False
    # the headline, or a sentence before in the paragraph, scopes its counts to one market
    # outside China ("BYD outsells Tesla in the UK", "In Australia, ..."): makers' counts told
    # with no word of China or the world are that market's
    market_doc: bool = False
    # the headline is about one kind of vehicle (heavy trucks, buses): a place's counts are its
    type_doc: bool = False
    market_para: bool = False
    carry_period: Period | None = None
    # the sentence whose counts were all traps, and the last one's reason (for 其中 after it)
    trapped: tuple[int, str] | None = None
    lead_period: Period | None = None  # the first period the headline or lead paragraph sets
    carry_from: int = -1  # the sentence that set carry_period
    # the time a sentence without figures told of last (None once a figure's time is carried):
    # "2023年6月，小鹏G6正式上市。6月份…"
    told_period: Period | None = None
    # the period a line heading a list told ("Leading bus makers, Jan.-Nov. 2021:"): its items'
    list_period: Period | None = None
    # the last sentence whose counts are a port's throughput, and the words that said so
    port_said: int = -1
    port_cue: re.Match[str] | None = None
    model_said: int = -1  # the last sentence that told a model's count (named before it)
    ytd_opened: int = -1  # the last sentence that opened on "Year-to-date,"
    # the sentence number and period of the last count told: what "Of the total," is of
    last_count: tuple[int, Period] | None = None
    counted_in: int = -1  # the last sentence with a count, in whatever paragraph
    # the trap word of the heading a list follows ("The weekly ranking:"): its items' counts
    list_trap: str | None = None
    span_period: Period | None = None  # the last span of months said (quarter, half, ytd, year)
    quarter_period: Period | None = None  # the last quarter said: what "the quarter" is
    span_from: int = -1  # the sentence that said it
    # the last time said was a part of a month or a rolling span ("February 1-23", "the past
    # 12 months"): "so far this year" or "in total" after it ends inside that span
    off_calendar: bool = False
    sentence_no: int = 0
    carry_metric: str | None = None
    # what the last line of a name and its count ("零跑汽车:66657台") counted: the next such line
    # with no metric word counts the same, whatever the paragraph between them told
    line_metric: str | None = None
    carry_segment: str | None = None
    #: short names the article defines ("(hereafter referred to as Dongfeng)", "（以下简称东风）"):
    #: the short name (casefolded) -> the entity it stands for in this article
    short_names: dict[str, Entity] = field(default_factory=dict)
    #: the models the article names as such ("Production of the Highlander SUV started"): a
    #: count whose subject is one of them ("The Highlander has passed 150,000") is the model's
    models: frozenset[str] = frozenset()
    lead_read: bool = False  # the lead (the first paragraph with figures) has framed the article
    # (paragraph, sentence) of the last sentence citing the passenger car association: a foreign
    # maker's count in the sentence after it is its China arm's ("…, according to the China
    # Passenger Car Association. Tesla's deliveries dropped 27% to 25,845 in April")
    cpca_cited: tuple[int, int] = (-1, -1)
    # the entities named with a group word ("Zeekr Group"): what "the group" then means
    named_as_group: set[str] = field(default_factory=set)
    para_opening: int = -1  # the sentence that opened the paragraph
    carry_segment_exports: bool = False  # the sentence that named it told of exports
    kind_named: int = -1  # the last sentence without counts that named one kind of vehicle
    # what the items of a list go on about: the paragraph's subject after the last line that
    # was no list item
    list_lead: tuple[Entity | None, bool] | None = None
    list_lead_counted: bool = False  # the paragraph up to the line before the list told counts
    # the values of foreign makers' worldwide counts: the same count of a foreign maker told
    # elsewhere without the word (the headline's "大众集团上半年电动车交付170939辆") is that too
    worldwide: set[int] = field(default_factory=set)
    # (paragraph, maker): a foreign maker whose worldwide count the paragraph told
    world_maker: tuple[int, str | None] = (-1, None)
    # a foreign maker whose worldwide count the headline or the lead told, and whether the
    # paragraph being read names China: "大众集团一季度全球交付204万辆…" then "从集团旗下各品牌来
    # 看，…斯柯达交付18.62万辆": a paragraph that does not name China goes on about the world
    world_lead: str | None = None
    para_china: bool = False
    item_named: bool = False  # the sentence before was a list item that named a maker


@dataclass
class _Candidate:
    number: Number
    clause: int
    entity: str | None = None
    entity_obj: Entity | None = None
    metric: str | None = None
    segment: str | None = None
    passenger: bool = False  # counts passenger cars only: segment passenger or nev_passenger
    period: Period | None = None
    qualifier: str = "exact"
    bound_of_list: bool = False  # the qualifier is the bound said before a list's first count
    yoy: float | None = None
    mom: float | None = None
    claims: list[str] = field(default_factory=list)
    each: tuple[Entity, ...] = ()  # "A and B each sold over 10,000": the figure is each one's
    dropped: bool = False
    reason: str = ""  # why it was dropped, for --explain
    doubts: list[str] = field(default_factory=list)  # evidence found away from the number
    part_of_the_count_before: bool = False  # "… of them": a part of the sentence before's count

    def drop(self, reason: str) -> None:
        self.dropped = True
        self.reason = reason

    def nev_only(self) -> bool:
        """Its entity made only new energy vehicles in the count's period."""
        obj = self.entity_obj
        return obj is not None and obj.nev_only_on(self.period.end if self.period else None)


_OWN_PLANT_PLACE = re.compile(r"[Ii]ts (.+?) \w+$|其(.+?)(?:生产)?(?:工厂|基地)$")


def _plant_of(named: list[tuple[Mention, bool]]) -> Entity | None:
    """The plant the sentence so far names alone, as its subject."""
    if len(named) != 1:
        return None
    entity = named[0][0].entity
    plant = entity.kind == "plant" or (
        entity.kind == "unknown" and _PLANT_ALIAS.search(entity.name) is not None
    )
    return entity if plant else None


def _own_plant(words: str, maker: Entity | None) -> Entity:
    """ "its Liangjiang plant" after Seres: the plant the lexicon knows as "Seres Liangjiang",
    else a plant it does not know (its own entity, never the maker)."""
    lex = lexicon()
    place = _OWN_PLANT_PLACE.match(words)
    if maker is not None and place is not None:
        name = place.group(1) or place.group(2)
        known = lex.by_alias.get(
            f"{maker.name} {lex.by_alias.get(name.casefold(), name)}".casefold()
        )
        if known:
            return lex.entities[known]
    return Entity(words, "unknown", "", None, False)


# "the Shanghai factory", "上海工厂" after Tesla: that maker's plant at the place
_PLANT_AFTER_PLACE = re.compile(
    r"\s?(?:(?:super )?(?:plant|factory|gigafactory|Gigafactory|base)\b"
    # ("比亚迪位于河南省郑州市的超级工厂": the maker's plant there)
    r"|的?(?:超级工厂|工厂|生产基地|基地)|厂(?![商家长区]))"
)
# ("Tesla delivers 26,843 in China in Jan, Shanghai plant exports 39,208": a headline's clause)
_THE_BEFORE = re.compile(r"\b(?:the|its)\s+$|^$|[\u4e00-\u9fff，,。；;：:]\s?$", re.I)


def _place_plant(s: str, mention: Mention, maker: Entity | None) -> Mention:
    """A city followed by "plant"/工厂 is the last named maker's plant there when the lexicon
    knows it ("Tesla Shanghai" is Tesla China), else a plant it does not know: never the city."""
    if not (mention.entity.level == "city" or _municipality(mention.entity)):
        return mention
    plant = _PLANT_AFTER_PLACE.match(s, mention.end)
    if plant is None or not _THE_BEFORE.search(s[max(0, mention.start - 5) : mention.start]):
        return mention
    named_before = [m for m in lexicon().find(s[: mention.start]) if not m.entity.is_region]
    if named_before:  # "奇瑞在安徽芜湖生产基地…", "Tesla delivered … from its Shanghai plant"
        known = _plant_at(named_before[-1].entity, mention.entity)
        return Mention(known, mention.start, plant.end()) if known else mention
    known = _plant_at(maker, mention.entity) if maker is not None else None
    words = s[mention.start : plant.end()]
    return Mention(known or Entity(words, "unknown", "", None, False), mention.start, plant.end())


def _plant_at(maker: Entity, place: Entity) -> Entity | None:
    """The maker's plant at the place, when the lexicon knows one ("BYD Xi'an"; Tesla China's
    plant is "Tesla Shanghai", under its parent's name)."""
    lex = lexicon()
    for name in (maker.name, maker.parent):
        known = lex.by_alias.get(f"{name} {place.name}".casefold()) if name else None
        if known:
            return lex.entities[known]
    return None


# what a place makes: "its output", "its NEV production", 其新能源汽车产量
_REGION_POSSESSIVE = re.compile(
    r"its\s+(?:[\w-]+\s+){0,3}?(?:output|production)\b|其(?:新能源)?(?:汽车)?产量", re.I
)


#: the four cities at province level
_MUNICIPALITIES = frozenset({"Beijing", "Shanghai", "Tianjin", "Chongqing"})


# "广汽本田和东风本田两家合资公司合计销售": the two makers just listed, in apposition (a set
# of more is no one: "理想、蔚来、小鹏、哪吒、零跑五家车企…合计")
_LISTED_SET_ZH = re.compile(
    r"[两二](?:家|个|大)[\u4e00-\u9fff]{0,4}?(?:企业|车企|品牌|公司|厂商|集团)"
)


def _sets_of_the_listed(s: str, found: list[Mention]) -> list[tuple[int, int]]:
    """The spans of words right after a list of names that count the names listed."""
    if s.isascii():
        return []
    ends = {
        f.end
        for f in found
        if any(g.end <= f.start and LIST_SEP.match(s[g.end : f.start]) for g in found)
    }
    return [m.span() for m in _LISTED_SET_ZH.finditer(s) if m.start() in ends]


def _municipality(entity: Entity | None) -> bool:
    return entity is not None and entity.name in _MUNICIPALITIES


def _region(entity: Entity | None) -> bool:
    return entity is not None and entity.is_region


def _remember(last: dict[str, Entity], entity: Entity) -> None:
    """``entity`` is the last of its kind named: what "the company", "the province", "the
    brand" point back to."""
    last[_kind_key(entity)] = entity
    last["any"] = entity
    if entity.kind in ("brand", "jv"):
        last[entity.kind] = entity  # what "the brand", "the JV" point back to


def _plant_of_any(last: dict[str, Entity]) -> bool:
    """The last entity named is a plant."""
    named = last.get("any")
    return named is not None and named.kind == "plant"


def _kind_key(entity: Entity) -> str:
    if entity.kind == "plant":
        return "plant"
    if entity.kind != "region":
        return "maker"
    return "province" if entity.level == "province" else entity.level or "region"


def parse_figures(text: str, published: date) -> list[Figure]:
    """Every actual vehicle figure stated in ``text``, an article published on ``published``.

    Each sentence is read with both the English and the Chinese vocabulary, so bilingual
    articles need no special handling.
    """
    return [f for f in _parse(text, published, None) if f.confidence >= MIN_CONFIDENCE]


def parse_candidates(text: str, published: date) -> list[Figure]:
    """Every figure the text may state, weakly evidenced ones included (each carries its
    confidence): what the confidence weights are fitted on."""
    return _parse(text, published, None)


def explain_figures(text: str, published: date) -> tuple[list[Figure], list[NumberTrace]]:
    """The figures of ``text`` and, for every number in it, the figure it became or why not."""
    trace: list[NumberTrace] = []
    candidates = _parse(text, published, trace)
    figures = [f for f in candidates if f.confidence >= MIN_CONFIDENCE]

    def told(f: Figure) -> tuple[object, ...]:
        # (a maker's "sales" are filed as its deliveries once it reports deliveries)
        metric = "deliveries" if f.metric == "sales" else f.metric
        return (f.entity, metric, f.period_kind, f.period_start, f.period_end, f.value)

    kept = {told(f): f for f in figures}
    weak = {told(f): f for f in candidates if f.confidence < MIN_CONFIDENCE}

    def settle(t: NumberTrace) -> NumberTrace:
        if t.figure is None:
            return t
        if told(t.figure) in kept:
            return replace(t, figure=kept[told(t.figure)])
        f = weak.get(told(t.figure))
        if f is not None:
            doubts = "; ".join(f.doubts)
            return replace(t, reason=f"weak evidence (confidence {f.confidence:.2f}: {doubts})")
        if D_PART in t.figure.doubts:
            return replace(t, reason="a part beside the total for the same period")
        if _far_above_its_subjects_own(t.figure, candidates):
            return replace(
                t, reason="far above the count named for its carried subject (someone else's)"
            )
        return replace(t, reason="the same figure stated again (kept once)")

    return figures, sorted(map(settle, trace), key=lambda t: t.start)


# "SHANGHAI, June 4 (Reuters) -", "新华社北京12月1日电": where and when a wire filed the story,
# neither a subject nor a period of its figures
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z .'’-]{1,30},?(?:[ \t]+[A-Z][a-z]+,)?[ \t]+"  # "SHANGHAI, China, March 05"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?"
    r"[ \t]*(?:\([A-Za-z .]{2,30}\)[ \t]*)?|\([A-Za-z .]{2,30}\)[ \t]*)(?:--|—|–|-)(?=[ \t])"
    r"|(?:新华社|新华财经|中新社|中新网|中国新闻网|人民网|央视网|央广网|本报)[\u4e00-\u9fff]{0,6}?"
    r"\d{1,2}月\d{1,2}日电"
    # a line of its own: "Tuesday, 12 August 2025 | Shanghai", "March 5, 2024 | Beijing"
    r"|^[ \t]*(?:[A-Z][a-z]{2,8}day,?[ \t]+)?"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?)[ \t]+\d{4}"
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*\([A-Z]{2,5}[+-]?\d*\))?)?"
    r"[ \t]*(?:[|·•][ \t]*[A-Z][A-Za-z .'’-]{1,30})?[ \t]*$"
    # "[SHANGHAI] More than 23 million vehicles were sold"
    r"|^[ \t]*\[[A-Z][A-Za-z .'’-]{1,30}\]",
    re.M,
)


def _blank_datelines(text: str) -> str:
    """The text with its datelines blanked out (offsets kept)."""
    return _DATELINE.sub(_blank, text)


# "217。4万辆", "42。6%": a full stop some pages put for a decimal point
_DECIMAL_FULL_STOP = re.compile(r"(?<=\d)。(?=\d{1,2}\s*(?:万|亿|%))")


# "二○二四年": a year written in Chinese digits, one character each
_CHINESE_DIGIT_YEAR = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?=\s*年)")
_DIGIT_OF = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _of_which_spelled_alike(text: str) -> str:
    """The text with 当中 / 當中 opening a clause ("共賣出71,447輛；當中國內銷售39,881輛": of
    which) spelled 其中, the word every reader of parts knows (offsets kept)."""
    if "当中" not in text and "當中" not in text:
        return text
    return _CLAUSE_OPENING_AMONG.sub("其中", text)


_CLAUSE_OPENING_AMONG = re.compile(r"(?<=[，,；;。：:])[当當]中")


def _percent_signs(text: str) -> str:
    """The text with "11.38pc", "5 pct" (some outlets' percent) written with a percent sign,
    padded with spaces (offsets kept)."""
    if "pc" not in text:
        return text
    return _PERCENT_WORD.sub(lambda m: "%".ljust(len(m.group(0)), " "), text)


_PERCENT_WORD = re.compile(r"(?<=\d)\s?pct?\b")


def _digit_years(text: str) -> str:
    """The text with years written in Chinese digits in Arabic ones (offsets kept)."""
    if "年" not in text:
        return text
    return _CHINESE_DIGIT_YEAR.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)


# "318 000 vehicles", "67 025 units": thousands set apart by a space (some outlets' style)
_SPACE_THOUSANDS = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,]\d)(?!\d)"
)
_THOUSANDS_SPACE = re.compile(r"[ \u00a0\u2009\u202f]")


def _space_thousands(text: str) -> str:
    """The text with thousands set apart by spaces set apart by commas (offsets kept)."""
    if not _SPACE_THOUSANDS.search(text):
        return text
    return _SPACE_THOUSANDS.sub(lambda m: _THOUSANDS_SPACE.sub(",", m.group(0)), text)


def _decimal_full_stops(text: str) -> str:
    """The text with full stops written for decimal points read as points (offsets kept)."""
    return _DECIMAL_FULL_STOP.sub(".", text)


# "目標(biāo)", "產(chǎn)銷": a syllable's pinyin in brackets after its character, as some pages
# carry through every word (the words are not read as words with them in)
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]"
)


def _parse(text: str, published: date, trace: list[NumberTrace] | None) -> list[Figure]:
    """The figures of ``text``; its pinyin glosses are read past (offsets stay the text's)."""
    if not _PINYIN_GLOSS.search(text):
        return _parse_text(text, published, trace)
    origin: list[int] = []  # each character of the text without glosses: its offset in text
    last = 0
    for m in _PINYIN_GLOSS.finditer(text):
        origin += range(last, m.start())
        last = m.end()
    origin += range(last, len(text))
    glossless = "".join(text[i] for i in origin)
    inner: list[NumberTrace] | None = [] if trace is not None else None
    figures = _parse_text(glossless, published, inner)

    def span(start: int, end: int) -> tuple[int, int]:
        return origin[start], origin[end - 1] + 1 if end > start else origin[start]

    if trace is not None and inner is not None:
        trace += [replace(t, start=a, end=b) for t in inner for a, b in [span(t.start, t.end)]]
    return [replace(f, span=span(*f.span)) for f in figures]


def _parse_text(text: str, published: date, trace: list[NumberTrace] | None) -> list[Figure]:
    if isinstance(published, datetime):
        published = published.date()
    work = _of_which_spelled_alike(
        _percent_signs(
            _digit_years(
                _space_thousands(_decimal_full_stops(_blank_datelines(text.translate(FULLWIDTH))))
            )
        )
    )
    headline = work[: max(0, work.find("\n"))]
    short = _short_names(work)
    state = _State(published, trace, frame=headline_subject(headline), short_names=short)
    state.models = _models_named(work)
    for m in names_in(headline) if short and state.frame is not None else ():
        if m.entity == state.frame and headline[m.start : m.end].casefold() in short:
            state.frame = short[headline[m.start : m.end].casefold()]
    state.type_doc = vehicle_type_topic(headline)
    # tables and label/value lists: read apart, their lines skipped by the sentence reader
    headline_frame = state.frame
    structured, consumed = structured_figures(work, published, state.frame)
    structured_spans = bool(consumed)
    figures: list[Figure] = []
    previous_end = 0
    for sentence in split_sentences(work):
        if any(a <= sentence.start < b for a, b in consumed):
            continue
        if sentence.paragraph != state.paragraph:
            if (
                state.frame is None
                and not state.lead_read
                and (state.paragraph == 1 or (figures and state.paragraph <= 3))
            ):
                # the lead: up to the first paragraph with figures (after an opening without)
                state.lead_read = bool(figures)
                lead = (text.find("\n") + 1, sentence.start)
                state.frame = _national_lead(work, *lead, figures) or _maker_lead(
                    work, *lead, figures
                )
            state.paragraph = sentence.paragraph
            state.para_opening = state.sentence_no + 1
            para_end = work.find("\n\n", sentence.start)
            state.para_china = bool(
                _NAMES_CHINA.search(work, sentence.start, para_end if para_end >= 0 else len(work))
            )
            heading = _heading_entity(work, sentence.start, sentence.end)
            if heading is not None or "\n\n" in work[previous_end : sentence.start]:
                state.heading = heading  # a block of lines under a heading, or none
            if (
                heading is None
                and state.lead_period is not None
                and _section_heading(work, sentence.start, sentence.end)
            ):
                # "…, and the first quarter at 1.4 million.\n\nBy fuel type\n\nICE vehicles
                # make up 64.8% of everything exported, or 3.18 million": a new section of the
                # report goes back to the period it reports on
                state.carry_period = state.lead_period
            if heading is None and state.heading is not None:
                # "Cadillac\n- Second-quarter sales climbed … to 48,712 units": the lines under
                # a heading that names an entity are that entity's
                state.para_entity, state.para_from_frame = state.heading, True
            elif (
                state.list_lead is not None
                and state.list_lead_counted
                and _BULLET.match(work, sentence.start)
                and "\n\n" not in work[previous_end : sentence.start]
            ):
                # "BYD sold 396,270 NEVs in September.\n- Exports more than doubled to 71,256
                # units.": the items of a list go on about the counts right before it
                state.para_entity, state.para_from_frame = state.list_lead
            elif not _PART_OPENING.match(work, sentence.start):
                # (a paragraph opening on "其中," or "Of these," goes on about the one before)
                state.para_entity, state.para_from_frame = state.frame, True
                if state.frame is None and sentence.paragraph == 1:
                    # "新京报讯 8月汽车产销分别为167.72万辆和164.89万辆…中汽协助理秘书长表示": a
                    # Chinese lead that names the country (or its industry body) alone reports
                    # the country's totals, before and after it names it
                    state.para_entity = _national_lead(
                        work, sentence.start, para_end if para_end >= 0 else len(work), []
                    )
                state.last_count, state.ytd_opened = None, -1  # what the paragraph before told
                if not _BULLET.match(work, sentence.start) and not _REFERS_BACK.match(
                    work, sentence.start, sentence.end
                ):
                    # "…NEVs totaled 5.434 million.\n\nChina's vehicle exports … 2.941 million":
                    # a segment is not handed on to another paragraph, but to list items and to
                    # "such vehicles"
                    state.carry_segment = None
            state.world_para = state.market_para = state.home_para = False
            bullet_opens = _BULLET.match(work, sentence.start) is not None
            if not bullet_opens:
                state.list_period = None
            if bullet_opens and state.list_period is not None:
                state.carry_period = state.list_period  # the items of the list its heading dates
            elif state.lead_period is not None and bullet_opens:
                state.carry_period = state.lead_period  # list items share the report's period
            elif not _THAT_PERIOD.search(work, sentence.start, sentence.end) and (
                (
                    _running_total_of_the_month(state.carry_period, state.lead_period)
                    and _names_another_maker(work[sentence.start : sentence.end], state)
                )
                or _earlier_beside_the_month(state.carry_period, state.lead_period)
            ):
                # a roundup's "1-11月累计" closes one maker's paragraph, and "it sold 3.02
                # million in all of 2023" compares: the next paragraph reports on the month
                state.carry_period = state.lead_period
        elif state.lead_period is not None and _BULLET.match(work, sentence.start):
            # each list item, not only the first
            state.carry_period = state.list_period or state.lead_period
        previous_end = sentence.end
        state.sentence_no += 1
        told = work[sentence.start : sentence.end]
        bullet = _BULLET.match(work, sentence.start) is not None
        if state.list_trap is not None and bullet:
            # "The weekly ranking:" then "- Xiaomi registered 2,200 vehicles.": a week's counts
            for n in find_numbers(told):
                _note(
                    state,
                    sentence.start,
                    n,
                    f"trap: {state.list_trap!r}, said by the list's heading",
                )
            continue
        if bullet and state.item_named and state.list_lead is not None:
            # "Wuling sales fell …\n- GM did not publish …\n- Electric vehicle sales came close
            # to 79,000": an item goes on about what the line before the list did, not a name
            # another item said
            state.para_entity, state.para_from_frame = state.list_lead
        whole = (state.para_entity, state.para_from_frame)
        figures.extend(_sentence(work, text, sentence.start, sentence.end, state))
        if _of_its_parts(told, whole[0]):
            # "广汽上半年累计销量75.53万辆。其中,广汽本田…,广汽丰田是唯一实现增长的品牌。新能源
            # 汽车销量15.41万辆": after the parts of the whole, the whole again
            state.para_entity, state.para_from_frame = whole
        if not bullet:
            state.list_lead = (state.para_entity, state.para_from_frame)
            state.list_lead_counted = state.last_count is not None
        state.item_named = bullet and any(
            not m.entity.is_region and m.entity.kind != "unknown" for m in names_in(told)
        )
        if _PASSENGER_CAR_ASSOCIATION.search(told):
            state.cpca_cited = (state.paragraph, state.sentence_no)
        if _HOME_MARKET.search(told) and all(m.entity.is_region for m in names_in(told)):
            state.home_para = True
        if told.rstrip().endswith((":", "：")) and (trap := mx.TRAP.search(told)):
            state.list_trap = trap.group(0)
        elif not bullet and not _in_a_list_item(work, sentence.start):
            state.list_trap = None  # the list is over
        if _CHINA_OR_WORLD.search(told):
            state.market_para = False
        elif (
            _foreign_scopes(told) and _MARKET_TALK.search(told) and not _MARKET_TO_COME.search(told)
        ):
            # (not "cancels its delegation's trip to India": a market only where cars are sold;
            # nor "Xiaomi to sell electric vehicles in Europe by 2027": a market still to come)
            state.market_para = True
            state.market_doc = state.market_doc or state.paragraph == 0
    if headline_frame is None and state.frame is not None and structured_spans:
        # "Quarterly deliveries reached 131,805 vehicles" over a lead naming Li Auto: its
        # tables are the maker's the lead frames, which was not known when they were read
        structured, _ = structured_figures(work, published, state.frame)
    if state.market_doc:
        # "Sales of Chinese brand vehicles in Australia": its tables are that market's too
        structured = [
            f
            for f in structured
            if f.value >= _MORE_THAN_ONE_MARKET or _CHINA_OR_WORLD.search(f.snippet)
        ]
    # a table figure a sentence states too takes the sentence's segment, so that they merge
    said = {(_key(f), f.value): f.segment for f in figures}
    figures += [replace(f, segment=said.get((_key(f), f.value), f.segment)) for f in structured]
    figures = [f for f in figures if f.value not in state.worldwide or not _foreign(f.entity)]
    figures = _without_arm_repeats(_without_worldwide_beside_china(_arms_months(figures)))
    figures = _without_foreign_counts_told_of_no_china(figures, work)
    return _drop_headline_repeats(_postprocess(figures, published), text.find("\n"))


def _arms_months(figures: list[Figure]) -> list[Figure]:
    """A month of a foreign maker with a China arm is the arm's ("Tesla sold 33,923 vehicles in
    February" is Tesla China's): the maker reports quarters and years; what is counted by the
    month is its China business, as the passenger car association counts it. Not a month said
    of the world ("Tesla's global deliveries in March")."""
    entities = lexicon().entities

    def arm(f: Figure) -> Entity | None:
        if f.period_kind != "month" or worldwide(f.snippet):
            return None
        found = entities.get(f"{f.entity} China")
        return found if found is not None and found.foreign_arm else None

    return [f if (a := arm(f)) is None else replace(f, entity=a.name) for f in figures]


def _without_arm_repeats(figures: list[Figure]) -> list[Figure]:
    """A maker's count equal to its China arm's for the same metric and time is the arm's told
    again under the maker's name ("特斯拉上海超级工厂…9月交付新车超8.3万辆" in the headline,
    "其中，特斯拉交付量超过8.3万辆" in the body): dropped, the arm's stays."""
    arms = {
        (f.entity, f.metric, f.period_kind, f.period_end, f.value)
        for f in figures
        if f.entity.endswith(" China")
    }
    return [
        f
        for f in figures
        if (f"{f.entity} China", f.metric, f.period_kind, f.period_end, f.value) not in arms
    ]


def _without_foreign_counts_told_of_no_china(figures: list[Figure], text: str) -> list[Figure]:
    """A foreign maker's name stands for its business in China: its counts are kept only where
    China is said with them (in the sentence, its paragraph, or the headline and lead). In "The
    Toyota group sold 10.82 million units last year" in a story on the world's carmakers, no
    China is said: the count is the world's."""
    if not any(_foreign_without_a_china_arm(f.entity) for f in figures):
        return figures
    lead_end = text.find("\n\n", text.find("\n") + 1)
    lead = text[: lead_end if lead_end >= 0 else len(text)]
    # (read once for each paragraph, however many counts it holds)
    china_in, maker_in = cache(_china_said), cache(_domestic_maker_named)

    def told_of_china(f: Figure) -> bool:
        if _HAN.search(f.snippet) or _china_said(f.snippet):
            return True  # (Chinese news tells of the market at home)
        if _CHINA_AS_A_MARKET.search(f.snippet):
            return True  # "China, the core market of the region, took 59,435 vehicles"
        if worldwide(f.snippet):
            return False  # "BYD sold 4.27 million cars worldwide, passing Honda's 3.81 million"
        start = text.rfind("\n\n", 0, f.span[0])
        end = text.find("\n\n", f.span[1])
        paragraph = text[max(start, 0) : end if end >= 0 else len(text)]
        return china_in(paragraph) or (china_in(lead) and lead_of_china) or maker_in(paragraph)

    # (not a lead that says the world, "delivered 3% fewer vehicles worldwide last year, hurt
    # by soft demand in China", nor a story that goes through the maker's markets abroad, "All
    # three of its main regions, China, the US and Europe, grew")
    markets = {m["place"] or m["people"] for m in _MARKET_ABROAD.finditer(text)}
    lead_of_china = not worldwide(lead) and len(markets) < 2
    return [f for f in figures if not _foreign_without_a_china_arm(f.entity) or told_of_china(f)]


# a market abroad as a market ("in Europe", "from Europe", "Swedish sales"), not an origin
# ("Japan's biggest carmakers")
_MARKET_ABROAD = re.compile(
    r"\b(?:in|across|from)\s+(?P<place>the US|the United States|the U\.S\.|Europe|Germany"
    r"|Sweden|Japan|the UK|Britain|South Korea|India|Russia|Brazil|Mexico|North America)\b"
    r"|\b(?P<people>US|U\.S\.|American|European|German|Swedish|Japanese|British|Korean|Indian"
    r"|Russian|Brazilian|Mexican)\s+(?:sales|deliveries|market)\b"
)


def _domestic_maker_named(text: str) -> bool:
    """The text names a Chinese maker ("Geely sold 210,000 … Volkswagen …"): a ranking of the
    market at home."""
    return any(
        not m.entity.is_region and not m.entity.foreign and m.entity.kind != "unknown"
        for m in lexicon().find(text)
    )


# "GM China", "Volkswagen Group China", "the Chinese mainland", "its Chinese joint ventures",
# "China's car sales", "- China: 29,551 units"
_CHINA_NAMED = re.compile(
    r"\b[A-Z][\w&-]*(?: Group| Motor| Auto)? China\b|\bChina\s*[:：]"
    r"|\b[A-Z][\w&-]*['’]s (?:[A-Z][a-z]+ )?China\b"  # "Nissan's China retail sales"
    r"|\b(?:for|across|throughout) China\b"  # "its May sales figures for China"
    r"|\bChina['’]s (?:car|auto|vehicle|passenger|new energy|NEV|EV|electric)"
    r"|\bChinese (?:mainland|market|customers|buyers|drivers|consumers|joint ventures?|partners?)\b"
    r"|\bin the country\b|\bthe world['’]s (?:largest|biggest) (?:car|auto|vehicle) market\b"
)


def _china_said(text: str) -> bool:
    """The text says China as the market or the place of a count: "in China", "GM China", a
    province or city of China."""
    return (
        made_in_china(text)
        or _CHINA_NAMED.search(text) is not None
        or any(m.entity.is_region and m.entity.level != "country" for m in lexicon().find(text))
    )


_SOLD = {"deliveries": "sales"}
# a paragraph that names China, its market or a count made there
_NAMES_CHINA = re.compile(r"中国|在华|国内|华夏|China|Chinese")


def _of_the_maker(cand: _Candidate, maker: str) -> bool:
    """The candidate's entity is the maker, one of its brands, or several of its brands."""
    if cand.entity == maker or (cand.entity_obj is not None and cand.entity_obj.parent == maker):
        return True
    names = (cand.entity or "").split("+")
    entities = lexicon().entities
    return len(names) > 1 and all(
        (e := entities.get(name)) is not None and e.parent == maker for name in names
    )


def _worldwide_beside_china_in_the_sentence(
    s: str, live: list[_Candidate], starts: list[int], bounds: list[int]
) -> None:
    """ "Toyota reported sales of more than 10.8 million vehicles, but its sales in China fell
    6.9% to approximately 1.8 million": of a foreign maker's two counts for one time, the one
    whose clause says China is its count there; a larger one whose clause does not is its
    worldwide count."""
    foreign = [
        c
        for c in live
        if not c.dropped and c.entity is not None and _foreign_without_a_china_arm(c.entity)
    ]
    if len(foreign) < 2:
        return
    said_in_china = [c for c in foreign if made_in_china(s[starts[c.clause] : bounds[c.clause]])]
    for cand in foreign:
        if any(cand is c for c in said_in_china):
            continue
        if any(
            c.entity == cand.entity
            and c.period == cand.period
            and cand.number.value > 1.5 * c.number.value
            for c in said_in_china
        ):
            cand.drop(f"{cand.entity}'s worldwide count, not its count in China")


def _without_worldwide_beside_china(figures: list[Figure]) -> list[Figure]:
    """A foreign maker with no China arm, two counts for one time: one said of China and a
    larger one not ("2022年全年在华销量为104.5万辆" … "公司2022年共售出汽车330.5万辆"). The larger
    is its worldwide count, dropped as those said to be worldwide are; so is a part (passenger
    cars, electric cars) larger than the whole it sold in China."""

    def when(f: Figure, segment: str) -> tuple[str, str, str, date, date]:
        # (the first quarter and January to March are one time; deliveries are sales)
        return f.entity, _SOLD.get(f.metric, f.metric), segment, f.period_start, f.period_end

    in_china: dict[tuple[str, str, str, date, date], int] = {}
    for f in figures:
        if made_in_china(f.snippet) and _foreign_without_a_china_arm(f.entity):
            key = when(f, f.segment)
            in_china[key] = max(in_china.get(key, 0), f.value)

    def worldwide(f: Figure) -> bool:
        china = [in_china.get(when(f, f.segment)), in_china.get(when(f, "unknown"))]
        return (
            # (not "1,182,000" beside "1.18 million in China": the same count rounded)
            any(value is not None and f.value > 1.5 * value for value in china)
            and not made_in_china(f.snippet)
        )

    return [f for f in figures if not worldwide(f)]


# between the numbers of one list: "29.71万辆、30.53万辆和137.21万辆"
_LISTED_AFTER = re.compile(r"\s*(?:、|,|，|和|及|与|以及|and|,\s*and)\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


# the province or city a local paper writes from: "我省", "全市"
_OUR_PLACE = re.compile(r"(?:我|全|本)(?:省|市|区)")


def _national_lead(work: str, start: int, end: int, figures: list[Figure]) -> Entity | None:
    """China, when the lead paragraph (``work[start:end]``) reports national totals only and
    names no maker: a statistics release, whose later paragraphs drop the subject as Chinese
    does ("7月，汽车产销分别完成245.5万辆和242万辆"), or name no one in English ("From January to
    September, auto production and sales came to …"). An English lead without figures frames
    nothing."""
    if any(f.entity != "China" for f in figures):
        return None
    lead = work[start:end]
    if len(_HAN.findall(lead)) < len(lead) * 0.3 and not figures:
        return None
    named = names_in(lead)
    if any(not m.entity.is_region for m in named):
        return None
    if not figures and (
        not named
        or any(m.entity.level != "country" for m in named)
        or _OUR_PLACE.search(lead) is not None
    ):
        # an opening without figures frames only when it names the country alone ("中国汽车
        # 工业协会发布数据，11月全国汽车产销再创月度历史新高。" then "当月汽车生产213.43万辆")
        return None
    return lexicon().entities.get("China")


def _maker_lead(work: str, start: int, end: int, figures: list[Figure]) -> Entity | None:
    """The maker the lead paragraph (``work[start:end]``) opens on and reports figures of
    only, under a headline naming no one the lexicon knows ("GM China joint venture reports
    strong H1 sales" over "SAIC-GM-Wuling (SGMW), a joint venture of ..., said its global sales
    rose ..."), or opens on without figures when the headline names that maker and no other
    one: what the later paragraphs' sentences without a subject are about."""
    named = names_in(work[start:end])
    if not figures:
        # "May sales at China billionaire's Geely Auto drop 7%" over "Geely Automobile
        # Holdings, the Chinese carmaker controlled by ..., said its sales slid 7%": a lead
        # without counts that opens on the one maker it names, named in the headline too
        lead = work[start:end]
        # (not a place in the name: "Zhejiang Leapmotor Technology")
        named = [m for m in named if not place_in_a_name(lead, m)]
        headline_makers = {m.entity for m in names_in(work[: max(0, work.find("\n"))])}
        headline_makers = {e for e in headline_makers if not e.is_region}
        if (
            named
            and headline_makers == {named[0].entity}
            # (not "The BYD Seagull already sits inside the Top 25": a model's caption)
            and named_part(lead, named[0]) is None
            and mx.metric_hits(lead)
        ):
            return named[0].entity
        return None
    if len({f.entity for f in figures}) != 1:
        return None
    entity = lexicon().entities.get(figures[0].entity)
    if entity is None or entity.is_region:
        return None
    return entity if named and named[0].entity == entity else None


# "November on its own …", "就8月单月而言，…": the one month taken up as the topic, which the
# sentences after it go on about
_ON_ITS_OWN = re.compile(r"\bon its own\b|^\s*(?:就|单就|仅就)[^，,。；;]{1,12}而言", re.I)


def _heading_entity(work: str, start: int, end: int) -> Entity | None:
    """The entity a line names alone, as a heading ("Cadillac", "比亚迪：")."""
    line = work[start:end].strip().rstrip(":：").strip()
    if not line or len(line) > 40:
        return None
    name = lexicon().by_alias.get(line.casefold())
    return lexicon().entities[name] if name is not None else None


_SECTION_TITLE = re.compile(r"[A-Z][\w'’&/ -]{2,40}|[\u4e00-\u9fff、与和及 ]{2,12}")


def _section_heading(work: str, start: int, end: int) -> bool:
    """The line is a paragraph of its own that titles a section ("By fuel type", "Top
    exporters", "出口情况"): a few words, no figure, no time, no closing stop."""
    line = work[start:end].strip()
    return (
        _SECTION_TITLE.fullmatch(line) is not None
        and len(line.split()) <= 6
        and work[end:].lstrip(" ").startswith("\n")
        and find_parts(line).empty
    )


# "The industry total was 1,892 units", "全行业销量": the whole market's
_THE_INDUSTRYS_TOTAL = re.compile(
    r"\bthe\s+(?:whole\s+|entire\s+)?industry(?:['’]s)?\s+(?:total|tally|volume|sales|deliveries"
    r"|output)\b|全行业(?:总)?(?:销量|产量|销售|交付)|行业(?:总|合计)(?:销量|产量|销售|交付)",
    re.I,
)


_NAME_AND_COLON = re.compile(r"[^\d:：,，]{2,16}[:：]")


def _a_heading_line(work: str, start: int, end: int) -> bool:
    """The sentence is a short paragraph of one line, a name and a colon, that ends without a
    stop: a section's heading ("广汽埃安：80万辆，同比增幅66%"; not a line of a list)."""
    line = work[start:end].strip()
    return (
        work[max(0, start - 2) : start] == "\n\n"
        and work[end:].lstrip(" ").startswith("\n\n")
        and len(line) <= 40
        and _NAME_AND_COLON.match(line) is not None
        and not line.endswith(("。", ".", "！", "!", "？", "?", "；", ";"))
    )


def _a_span(parts: Parts) -> bool:
    """The time is a half, a quarter, a range of months or the year so far (今年以来): no point
    a milestone was hit on."""
    return bool(parts.half or parts.quarter or parts.months or parts.ytd)


def _names_another_maker(s: str, state: _State) -> bool:
    """The sentence names a maker other than the last one named."""
    last = state.last.get("maker")
    return any(
        not m.entity.is_region and m.entity.kind != "unknown" and m.entity != last
        for m in names_in(s)
    )


def _earlier_beside_the_month(carry: Period | None, lead: Period | None) -> bool:
    """The carried period is a full year or a month before the month the article's lead
    reports on ("It had delivered 15,461 units in September.")."""
    return (
        carry is not None
        and lead is not None
        and lead.kind == "month"
        and carry.kind in ("year", "month")
        and carry.end < lead.start
    )


def _running_total_of_the_month(carry: Period | None, lead: Period | None) -> bool:
    """The carried period is the year so far (or a lifetime) up to the month the article's lead
    reports on."""
    return (
        carry is not None
        and lead is not None
        and lead.kind == "month"
        and carry.kind in ("ytd", "lifetime")
        and (carry.end.year, carry.end.month) == (lead.end.year, lead.end.month)
    )


def _drop_headline_repeats(figures: list[Figure], headline_end: int) -> list[Figure]:
    """A headline figure the body states again is the body's: the body has the exact period
    ("年产量首次突破1000万辆" in the title, "11月14日 ... 突破1000万辆" in the text)."""
    if headline_end <= 0:
        return figures
    body = [f for f in figures if f.span[0] > headline_end]

    def repeated(f: Figure) -> bool:
        return any(
            (g.entity, g.metric, g.value) == (f.entity, f.metric, f.value)
            and (g.segment == f.segment or "unknown" in (g.segment, f.segment))
            for g in body
        )

    return [f for f in figures if f.span[0] > headline_end or not repeated(f)]


# "Ford's venture with Changan", "GM's Guangxi-based joint venture with SAIC Motor", "General
# Motors' Shanghai joint venture with SAIC": a venture of two makers named by them
_VENTURE_WITH = re.compile(
    r"(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){0,2}?(?:(?:joint[- ])?ventures?|partnership)\s+"
    r"(?:partner\s+)?with"
    r"\s+(?:the\s+)?",
    re.I,
)


_VENTURE_BETWEEN = re.compile(r"\b(?:joint[- ])?venture\s+between\s+", re.I)


def _ventures(s: str, found: list[Mention], owner: Entity | None) -> list[Mention]:
    """``found`` with each "A's venture with B" as one mention: the joint venture the lexicon
    names after both (Changan Ford), else a name it does not know (the count is no one's).
    "its joint venture with B" is ``owner``'s (the maker named last)."""
    if "合资" in s:
        found = _ventures_zh(s, found, owner)
    if "venture" not in s:
        return found
    out: list[Mention] = []
    i = 0
    while i < len(found):
        a = found[i]
        its = _ITS_VENTURE_BEFORE.search(s, max(0, a.start - 6), a.start)
        if (
            owner is not None
            and its is not None
            and a.entity.kind == "unknown"
            and _VENTURE_OPENS.match(s, a.start, a.end)
        ):
            # "46,888 vehicles sold by its joint venture with Changan" after Ford's total (the
            # pronoun is part of the name: it is not Ford)
            inner = [m for m in lexicon().find(s[a.start : a.end]) if not m.entity.is_region]
            venture = _venture_of(s, a, owner, inner[0].entity) if len(inner) == 1 else a.entity
            out.append(Mention(venture, its.start(), a.end))
            i += 1
            continue
        if a.entity.kind == "unknown" and (
            _VENTURE_WITH.search(s, a.start, a.end) or _VENTURE_BETWEEN.search(s, a.start, a.end)
        ):
            # "Toyota's joint venture with GAC", "the joint venture between Hyundai Motor and
            # BAIC Motor" read whole as a name the lexicon does not know
            inner = [m for m in lexicon().find(s[a.start : a.end]) if not m.entity.is_region]
            if len(inner) == 2:
                out.append(
                    Mention(_venture_of(s, a, inner[0].entity, inner[1].entity), a.start, a.end)
                )
                i += 1
                continue
        b = next((m for m in found[i + 1 :] if not m.entity.is_region), None)
        if b is None or not _VENTURE_WITH.fullmatch(s, a.end, b.start):
            out.append(a)
            i += 1
            continue
        out.append(
            Mention(
                _venture_of(s, Mention(a.entity, a.start, b.end), a.entity, b.entity),
                a.start,
                b.end,
            )
        )
        i = found.index(b) + 1
    return out


# "该公司与重庆长安汽车股份有限公司组建的乘用车合资企业": a venture of two makers, named by them
_ZH_VENTURE_AFTER = re.compile(
    r"(?:汽车)?(?:股份)?(?:有限)?(?:公司)?(?:共同|合资)?(?:组建|成立|设立|创办|合办)的"
    r"[\u4e00-\u9fff]{0,6}?合资(?:企业|公司)"
)
_ZH_PARTNER_BEFORE = re.compile(r"(?:与|和|同)$")
_ZH_OWNER_PRONOUN = re.compile(r"(?:该公司|公司|其|它)$")


def _ventures_zh(s: str, found: list[Mention], owner: Entity | None) -> list[Mention]:
    """``found`` with "A与B组建的合资企业" as one mention: the joint venture the lexicon names
    after both (长安福特), else a name it does not know; "该公司与B…" is the company named last
    (else ``owner``)."""
    out: list[Mention] = []
    for b in found:
        if out and b.start < out[-1].end and out[-1].entity.kind == "jv":
            continue  # ("集团组建的合资企业": a piece of the venture just read)
        end = None
        partner = b.entity
        if b.entity.kind == "unknown":
            # ("福特组建的合资公司" read whole as a name the lexicon does not know)
            inner = [m for m in lexicon().find(s[b.start : b.end]) if not m.entity.is_region]
            if len(inner) == 1 and inner[0].start == 0:
                tail = _ZH_VENTURE_AFTER.fullmatch(s, b.start + inner[0].end, b.end)
                partner, end = inner[0].entity, tail.end() if tail else None
        elif not b.entity.is_region:
            tail = _ZH_VENTURE_AFTER.match(s, b.end)
            end = tail.end() if tail else None
        if end is None or not _ZH_PARTNER_BEFORE.search(s, 0, b.start):
            out.append(b)
            continue
        joint = b.start - 1
        said = _ZH_OWNER_PRONOUN.search(s, max(0, joint - 3), joint)
        # ("福特汽车公司表示，该公司与…": the company named last, in this sentence or before)
        named = next((m.entity for m in reversed(out) if not m.entity.is_region), owner)
        if out and out[-1].end == joint and not out[-1].entity.is_region:
            first, start = out[-1].entity, out.pop().start  # "长安与福特组建的…"
        elif said is not None and named is not None:
            first, start = named, said.start()
        else:
            out.append(b)
            continue
        venture = _venture_of(s, Mention(partner, start, end), first, partner)
        out.append(Mention(venture, start, end))
    return out


def _maker_before(subjects: list[tuple[Mention, bool]], at: int) -> Mention | None:
    """The last subject named before ``at`` that is no place."""
    return next(
        (m for m, ok in reversed(subjects) if ok and m.end <= at and not m.entity.is_region), None
    )


# "the 1.2 million it sold": a pronoun after the count, the subject of its own verb
_IT_SOLD_AFTER = re.compile(
    r"\s*(?:(?:units|vehicles|cars)\s+)?(?:it|they)\s+(?:had\s+)?(?:sold|delivered|built|produced"
    r"|exported|shipped|made)\b",
    re.I,
)
# between a count and the agent of its passive verb: " vehicles sold by "
_AGENT_BETWEEN = re.compile(
    r"\s*(?:(?:units|vehicles|cars)\s+)?(?:were\s+|was\s+)?(?:(?:sold|delivered|built|produced"
    r"|made|exported|shipped|handed over)\s+)?by\s+(?:the\s+)?",
    re.I,
)
_ITS_VENTURE_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.I)
_VENTURE_OPENS = re.compile(r"(?:joint[- ])?ventures?\s+with\b", re.I)


def _venture_of(s: str, span: Mention, a: Entity, b: Entity) -> Entity:
    """The joint venture of makers ``a`` and ``b`` the lexicon knows (named after both, or
    after one and owned by the other: Beijing Hyundai, BAIC's); of several, the one based
    where ``span`` says ("GM's Guangxi-based venture with SAIC Motor": SAIC-GM-Wuling, not
    SAIC-GM); else a name it does not know (what ``span`` says)."""
    named = [e for e in lexicon().entities.values() if e.kind == "jv" and _of_both(e, a, b)]
    if len(named) > 1:
        places = {
            m.entity.name for m in lexicon().find(s[span.start : span.end]) if m.entity.is_region
        }
        named = [e for e in named if not places.isdisjoint(_based_in(e))]
    if len(named) == 1:
        return named[0]
    return Entity(s[span.start : span.end], "unknown", "", None, False)


def _of_both(venture: Entity, a: Entity, b: Entity) -> bool:
    """A joint venture's name holds both makers' names ("Changan Ford": Changan and Ford), or
    one's while the other owns it (Beijing Hyundai: Hyundai, and BAIC's)."""
    return all(_owns(e, venture) or _named_in(venture.name, e) for e in (a, b)) and any(
        _named_in(venture.name, e) for e in (a, b)
    )


def _owns(maker: Entity, venture: Entity) -> bool:
    """The maker, or its own parent, is the venture's parent (BAIC Motor and Beijing Hyundai
    are both BAIC's)."""
    return venture.parent is not None and venture.parent in (maker.name, maker.parent)


def _named_in(name: str, maker: Entity) -> bool:
    """One word of the name is one of the maker's names ("Changan Ford": Ford)."""
    return not set(re.split(r"[\s-]+", name.casefold())).isdisjoint(_aliases(maker.name))


def _based_in(entity: Entity) -> set[str]:
    """The cities an entity is based in and their provinces."""
    cities = lexicon().entities
    return {*entity.based, *(c.within for p in entity.based if (c := cities.get(p)) and c.within)}


@cache
def _aliases(name: str) -> frozenset[str]:
    """The entity's canonical name and aliases, casefolded."""
    return frozenset(
        {name.casefold(), *(alias for alias, n in lexicon().by_alias.items() if n == name)}
    )


# "its competitor Xpeng", "its sister brand Onvo": a role, then the name of the one meant
_ROLE_BEFORE_A_NAME = re.compile(
    # ("Its premium marque Denza": the marque it names)
    r"\s+(?:[\w-]+\s+){0,2}?(?:competitor|rival|peer|challenger|counterpart|sister brand"
    r"|subsidiary|brand|sub-brand|marque|label|division|affiliate|unit|arm|parent"
    r"|parent company|parent group|owner)\s+",
    re.I,
)


# "一汽在长春生产整车156万辆", "一汽在长春的整车产销": what a maker makes or sells at one place
_MAKER_AT_PLACE_TAIL = re.compile(
    r"的?(?:整车|汽车|新能源汽车)?(?:生产|产销|产量|销量|制造|工厂|基地|共)"
)


def _city_before_maker(s: str, found: list[Mention]) -> list[Mention]:
    """``found`` with a city written right before a maker in Chinese ("重庆长安", "合肥长安") as one
    mention: the maker's company or plant there (its count a part of the maker, no one's whole),
    the known plant when the lexicon has it."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        f = found[i]
        maker = found[i + 1] if i + 1 < len(found) else None
        if (
            maker is not None
            and f.entity.is_region
            and (f.entity.level == "city" or _municipality(f.entity))
            and not maker.entity.is_region
            and maker.entity.kind != "unknown"
            and f.end == maker.start
            and _CJK_CHAR.match(s, f.end)
            # "重庆长安汽车股份有限公司", "合肥昌河汽车": the company's full name, the maker itself
            and not _COMPANY_AFTER.match(s, maker.end)
            and not s.endswith(("汽车", "集团"), maker.start, maker.end)
        ):
            entity = _plant_at(maker.entity, f.entity) or Entity(
                s[f.start : maker.end], "unknown", "", None, False
            )
            out.append(Mention(entity, f.start, maker.end))
            i += 2
            continue
        out.append(f)
        i += 1
    return out


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# a model's code right after a brand written in Chinese: "坦克700", "问界M9", "零跑C11" (not
# "比亚迪2024年", "长安9月", "蔚来Q3": a quarter)
_ZH_MODEL_CODE_AFTER = re.compile(
    r"(?:(?![QH]\d(?![A-Za-z0-9]))[A-Z]{1,3}\d{1,3}[A-Z]{0,2}\+?"
    r"|\d{3}(?![\d年万亿辆台家款个多余%％]))(?![A-Za-z0-9.])"
)


def _brand_with_a_model_code(s: str, found: list[Mention], published: date) -> list[Mention]:
    """``found`` with each brand written in Chinese and followed by a model's code as that
    model, a name the lexicon does not know ("坦克700月销跌至400台": the model's count, nobody's
    in the lexicon), unless the model is all the maker sold then ("小米SU7", 2024)."""
    out = []
    for f in found:
        code = (
            _ZH_MODEL_CODE_AFTER.match(s, f.end)
            if not f.entity.is_region and _CJK_CHAR.match(s, f.end - 1)
            else None
        )
        if code is None or sole_model_of(f.entity.name, s[f.start : code.end()], published):
            out.append(f)
        else:
            name = s[f.start : code.end()]
            out.append(Mention(Entity(name, "unknown", "", None, False), f.start, code.end()))
    return out


_COMPANY_AFTER = re.compile(r"汽车|集团|股份|有限|公司")


def _maker_at_place(s: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each "maker 在 city" as one mention: the maker's plant there when the
    lexicon knows it, else a name it does not know (the count is a part of the maker, no one's
    whole). Not a province: "零跑在浙江的产量" is all a maker based there makes."""
    if "在" not in s:
        return found
    out: list[Mention] = []
    skip: Mention | None = None
    for i, f in enumerate(found):
        if f is skip:
            continue
        place = found[i + 1] if i + 1 < len(found) else None
        if (
            place is None
            or f.entity.is_region
            or f.entity.kind == "unknown"
            or not place.entity.is_region
            or place.entity.level != "city"
            or s[f.end : place.start] != "在"
            or not _MAKER_AT_PLACE_TAIL.match(s, place.end)
        ):
            out.append(f)
            continue
        entity = _plant_at(f.entity, place.entity)
        if entity is None:
            entity = Entity(s[f.start : place.end], "unknown", "", None, False)
        out.append(Mention(entity, f.start, place.end))
        skip = place
    return out


_ROW_GAP = re.compile(r"[ \t\u00a0]+")


def _flattened_row(s: str, numbers: list[Number]) -> set[int]:
    """Where the numbers of a table row run into one line of text begin ("Deliveries 500,508
    158,696 152,831 108,581" under a row of headers): three or more numbers with nothing but
    spaces between."""
    out: set[int] = set()
    run: list[Number] = []
    for n in [*numbers, None]:
        if n is not None and run and _ROW_GAP.fullmatch(s, run[-1].end, n.start):
            run.append(n)
            continue
        if len(run) >= 3:
            out.update(m.start for m in run)
        run = [n] if n is not None else []
    return out


# "Dongfeng Commercial Vehicle Co., Ltd. (hereafter referred to as Dongfeng)", "（以下简称东风）"
_SHORT_NAME = re.compile(
    r"[(（]\s*(?:hereafter|hereinafter)\s+(?:referred to as|called)\s+[\"“']?(?:the\s+)?"
    r"(?P<en>[A-Z][\w&' -]{1,30}?)[\"”']?\s*[)）]"
    r"|[(（]以下简称[：:]?[“\"「]?(?P<zh>[\u4e00-\u9fffA-Za-z]{1,10}?)[”\"」]?[)）]"
    # "Dongfeng Commercial Vehicle Co., Ltd. (Dongfeng for short below)"
    r"|[(（]\s*[\"“']?(?P<short>[A-Z][\w&' -]{1,30}?)[\"”']?\s+for\s+short(?:\s+below)?\s*[)）]"
)


_LIST_JOINT = re.compile(r"\s*(?:[、,，]|和|与|及|and)\s*", re.I)


def _short_names(text: str) -> dict[str, Entity]:
    """The short names ``text`` defines for a named entity, when the short name is an alias of
    another entity in the lexicon (else the lexicon already reads it right)."""
    out: dict[str, Entity] = {}
    if "(" not in text and "（" not in text:
        return out
    for m in _SHORT_NAME.finditer(text):
        short = (m.group("en") or m.group("zh") or m.group("short")).strip()
        before = names_in(text[max(0, m.start() - 80) : m.start()])
        if not before or before[-1].entity.is_region:
            continue
        named = lexicon().find(short)
        if named and named[0].entity != before[-1].entity:
            out[short.casefold()] = before[-1].entity
    # "BMW Brilliance Automotive (BBA) ... BBA built 530,000": an acronym the text defines
    # right after a name the lexicon knows, and knows as no other entity
    for m in _ACRONYM_DEFINED.finditer(text):
        before = names_in(text[max(0, m.start() - 80) : m.start()])
        if not before or before[-1].entity.is_region:
            continue
        window = text[max(0, m.start() - 80) : m.start()]
        if not _COMPANY_WORDS.fullmatch(window[before[-1].end :]):
            continue  # other words between the name and the bracket
        if len(before) > 1 and _LIST_JOINT.fullmatch(window, before[-2].end, before[-1].start):
            continue  # "宝马、奔驰、奥迪（BBA）": the short name of them all, not of the last
        named = lexicon().find(m["short"])
        if not named or named[0].entity == before[-1].entity:
            out.setdefault(m["short"].casefold(), before[-1].entity)
    return out


# "a group with annual sales of more than 2m units": a yearly level, unless a year is said
_ANNUAL_LEVEL = re.compile(
    r"\bwith (?:an? )?(?:annual|yearly) (?:sales|output|production|deliveries|volume) of\b"
)
# "the Highlander SUV", "the Yaris hatchback": a name the text gives a body type, a model's
_MODEL_WITH_ITS_BODY = re.compile(
    # ("The CR-V, a market-leading model with Chinese customers")
    r"\b[Tt]he ([A-Z][\w'’-]+)(?:,\s+an?\s+(?:[\w-]+\s+){0,3}?|\s+)(?:SUV|sedan|saloon|MPV"
    r"|hatchback|crossover|pickup|minivan|coupe|wagon|estate|roadster|nameplate|model)s?\b"
    # (not "the Chinese SUV maker", "the German SUV market": a kind of maker or market)
    r"(?!\s+(?:makers?|brands?|markets?|segments?|sales|exports|giants?|specialists?"
    r"|manufacturers?|lineup|line-up|range|family|families)\b)"
)
# capitalised words before a body type that name no model ("the Chinese SUV")
_NOT_MODELS = frozenset(
    {"Chinese", "German", "Japanese", "American", "Korean", "French", "British", "European",
     "Italian", "Swedish", "US", "EU", "UK", "New", "Electric", "Hybrid", "Premium", "Luxury",
     "Compact", "Large", "Small", "Mid-size", "Full-size", "Entry-level", "Flagship"}
)  # fmt: skip
# "The Highlander has passed …": a count's subject, a capitalised name after "the"
_THE_NAME = re.compile(r"\b[Tt]he ([A-Z][\w'’-]+)\b")


def _models_named(text: str) -> frozenset[str]:
    """The models ``text`` names by their body type, among names the lexicon does not know."""
    if "the " not in text:
        return frozenset()
    return frozenset(
        m.group(1)
        for m in _MODEL_WITH_ITS_BODY.finditer(text)
        if m.group(1) not in _NOT_MODELS and not lexicon().find(m.group(1))
    )


_COMPANY_WORDS = re.compile(
    r"(?:,?\s*(?:Automobile|Automotive|Auto|Motors?|Co\.?|Ltd\.?|Company|Corporation|Corp\.?"
    r"|Holdings|Inc\.?))*\s*"
)
_ACRONYM_DEFINED = re.compile(r"\s?[(（]\s*(?P<short>[A-Z][A-Z0-9&]{1,5})\s*[)）]")


def _mentions(s: str, state: _State) -> list[tuple[Mention, bool]]:
    """Entity and pronoun mentions in sentence ``s``, each with "is a possible subject"."""
    found = [
        Mention(state.short_names[s[f.start : f.end].casefold()], f.start, f.end)
        if s[f.start : f.end].casefold() in state.short_names
        else f
        for f in names_in(s)
    ]
    found = _ventures(
        s,
        [
            _place_plant(s, f, state.last.get("maker"))
            for f in found
            if not (f.entity.is_region and s.startswith("品牌", f.end))  # 中国品牌: of an origin
        ],
        state.last.get("maker"),
    )
    found = _brand_with_a_model_code(
        s, _city_before_maker(s, _maker_at_place(s, found)), state.published
    )
    # "这家知名的中国插电式电动车制造商", "这一中国汽车品牌": where the maker described is from
    found = [
        f
        for f in found
        if not (
            f.entity.is_region
            and _ONE_DESCRIBED_AS.search(s, max(0, f.start - 10), f.start)
            and _A_MAKER_NOUN_AFTER.match(s, f.end)
        )
    ]
    pronouns: list[tuple[int, int, str]] = []
    listed_sets = _sets_of_the_listed(s, found)
    low, odd = s.lower(), bool(_ODD_CASE.search(s))
    for kind, pattern in _PRONOUNS:
        needle = _PRONOUN_NEEDLES.get(kind)
        if needle is not None and not odd and needle.search(low) is None:
            continue  # perf: a word every match holds is missing
        twin = None if odd else _PRONOUN_LOWER.get(kind)
        for m in twin.finditer(low) if twin is not None else pattern.finditer(s):
            if kind in ("rival_of", "venture_of") or (kind == "reference" and "与" in m.group(0)):
                # the name inside is the one rivalled, not the subject (or the venture's
                # partner: "这家与广汽集团合资的企业")
                found = [f for f in found if not m.start() <= f.start < m.end()]
            if kind == "maker" and re.search(r"['’]s ", m.group(0)):
                # "China's biggest auto group": the maker it describes, not the place
                found = [f for f in found if not (f.entity.is_region and f.start == m.start())]
            if kind == "other" and _ORIGIN_BRANDS.fullmatch(m.group(0)):
                if _ONE_DESCRIBED_BEFORE.search(s, max(0, m.start() - 2), m.start()):
                    continue  # "这家中国车企2020年2月共售出": one maker described (see "maker")
                # "中国车企共出口汽车15.8万辆": makers of that origin together, not the place
                found = [f for f in found if not (f.entity.is_region and f.start == m.start())]
            if any(f.start <= m.start() < f.end for f in found):
                continue
            if kind == "maker" and any(
                f.end == m.start() and not f.entity.is_region for f in found
            ):
                continue  # "极氪集团": the end of the name just said, not a pronoun
            if any(m.start() <= f.start < m.end() and not f.entity.is_region for f in found):
                continue  # "the Zeekr brand": the name inside is the one meant
            if any(a <= m.start() < b for a, b, _ in pronouns):
                continue
            if any(a <= m.start() < b for a, b in listed_sets):
                continue  # "广汽本田和东风本田两家合资公司": the two just listed
            if kind in ("province", "city") and any(
                f.end == m.start() and f.entity.is_region for f in found
            ):
                continue  # "河南全省", "合肥全市": the place just named
            role = _ROLE_BEFORE_A_NAME.match(s, m.end()) if kind == "maker" else None
            if role is not None and any(f.start == role.end() for f in found):
                continue  # "Its competitor Xpeng delivered": Xpeng, whose rival "its" names
            pronouns.append((m.start(), m.end(), kind))
    # "the capital city of Shaanxi province": Shaanxi only says which capital
    capitals = [(a, b) for a, b, k in pronouns if k == "capital"]
    inside = [f for f in found if any(a <= f.start < b for a, b in capitals)]
    if inside:
        found = [f for f in found if f not in inside]
    out: list[tuple[Mention, bool]] = []
    # names and pronouns in text order; a pronoun is (start, end, kind)
    events: list[tuple[int, Mention | tuple[int, int, str]]] = sorted(
        [(f.start, f) for f in found] + [(a, (a, b, k)) for a, b, k in pronouns],
        key=lambda e: e[0],
    )
    last = dict(state.last)
    apposed = appositions(s, [f.end for f in found] + [b for _, b, _ in pronouns])
    unremembered: Mention | None = None  # the last name that is no subject
    dependents: dict[int, bool] = {}  # perf: out's index -> dependent(s, its name), asked twice
    for _, item in events:
        if isinstance(item, tuple):
            a, b, kind = item
            target: Entity | None
            if kind == "reference":
                named = state.para_entity if not state.para_from_frame else None
                ventures = [
                    e
                    for e in [
                        last.get("jv"),
                        *state.recent,
                        *(f.entity for f in found if f.end <= a),
                    ]
                    if e is not None and e.kind == "jv" and e.name not in state.named_as_rivals
                ]
                if ventures and _VENTURE_WORD.search(s, a, b):
                    # "The whole of the decline came from FAW-Mazda. That joint venture's
                    # deliveries tumbled": the venture named last
                    named = ventures[-1]
                target = named or Entity(s[a:b], "unknown", "", None, False)
            elif kind == "other":
                scope = _SCOPE_OF_A_CLAIM.search(s, max(0, a - 8), a)
                if scope and not (
                    scope.group(0).lower().startswith("of") and _ORIGIN_BRANDS.fullmatch(s, a, b)
                ):
                    # "a record for a Chinese NEV maker": what the record is among ("sales of
                    # Chinese brands" are theirs)
                    continue
                if _SCOPE_OF_A_LEAD_ZH.match(s, b):
                    continue  # "比亚迪依旧是自主品牌的领头羊": what the maker leads
                target = Entity(s[a:b], "unknown", "", None, False)
            elif kind == "market":
                target = lexicon().entities["China"]
                maker = state.para_entity
                if (
                    s[a:b].strip().lower() == "overall"
                    and maker is not None
                    and not state.para_from_frame
                    and not maker.is_region
                    # (not "Overall, Chinese car exports rose": the sentence names the market)
                    and not any(k == "market" and x != a for x, _, k in pronouns)
                ):
                    # "Aion ... sold 30,007 last month. Overall sales surged 126% to 271,000
                    # in 2022": the maker's sales across its range, in its paragraph
                    target = maker
            elif kind == "venture_of":
                # ("Beijing Hyundai reported … The 50-50 joint venture between Hyundai Motor and
                # BAIC Motor sold 80,016": the venture named before)
                target = last.get("jv") or Entity(s[a:b], "unknown", "", None, False)
            elif kind == "rival_of":
                # ("its rival" names no one it rivals: nobody this text names)
                maker = last.get("maker")
                rivalled = [f.entity for f in lexicon().find(s[a:b])]
                target = (
                    maker
                    if maker is not None and rivalled and maker not in rivalled
                    else Entity(s[a:b], "unknown", "", None, False)
                )
            elif kind in ("latter", "former"):
                pair = _last_two([*state.recent, *(f.entity for f in found if f.end <= a)])
                target = (
                    pair[1 if kind == "latter" else 0]
                    if pair
                    else Entity(s[a:b], "unknown", "", None, False)
                )
            elif kind == "set":
                named_before = [f for f in found if f.end <= a]
                owner = _whole_group(s, named_before)
                if owner is None and not _last_list(s, named_before):
                    owner = state.last_list_group  # no list in this sentence: the last one
                target = owner or Entity(s[a:b], "unknown", "", None, False)
            elif kind == "capital":
                province = next(
                    (f.entity for f in inside if a <= f.start < b), last.get("province")
                )
                capital = province.capital if province is not None else None
                target = (
                    lexicon().entities[capital]
                    if capital is not None
                    else Entity(s[a:b], "unknown", "", None, False)
                )
            elif kind == "own_plant":
                target = _own_plant(s[a:b], last.get("maker"))
            elif kind == "parent":
                child = last.get("maker")
                parent = child.parent if child is not None else None
                target = lexicon().entities.get(parent) if parent else None
                target = target or Entity(s[a:b], "unknown", "", None, False)
            elif kind == "maker" and s[a:b].lower() == "its" and _plant_of(out) is not None:
                # "the plant celebrated the delivery of its 90,000th vehicle": the plant's own
                target = _plant_of(out)
            elif kind == "maker" and s[a:b].lower() == "it" and _plant_of_any(last):
                # "The BYD Hefei plant ... Last year it produced 486,000": the plant last named
                target = last["any"]
            elif kind == "maker" and _REGION_POSSESSIVE.match(s, a) and _region(last.get("any")):
                # "Jiangsu built 640,000 vehicles. Its NEV output ...": the place last named
                target = last["any"]
            elif (
                kind == "city"
                and _municipality(last.get("province"))
                and ("city" not in last or last.get("any") is last["province"])
            ):
                # "Chongqing ... the city exported 368,000": the municipality, when no city
                # was named after it
                target = last["province"]
            else:
                target = last.get(kind) or (last.get("maker") if kind == "brand" else None)
                named_here = [f.entity for f in found if f.end <= a]
                if kind == "brand" and target not in named_here and last.get("maker") in named_here:
                    # "Official Chery data show that the brand's exports …" after MG: the
                    # maker this sentence named, not a brand of an earlier one
                    target = last["maker"]
                if kind == "maker" and target is not None:
                    # "The Chinese company sold" after "BYD overtook Tesla": BYD
                    before = [*state.recent, *(f.entity for f in found if f.end <= a)]
                    target = _described_maker(s[a:b], target, before)
                if kind == "maker" and s[a:b].lower() in ("our", "we"):
                    speaker = _quote_speaker(s, b, found)
                    if speaker is not None:
                        # '"We delivered 10,412 Smart EVs in Sep 2021," XPeng Motors wrote': the
                        # one who says "we" after the quote
                        target = speaker
                    elif last.get("plant") is not None and _PLANT_SPEAKER.search(s, b):
                        # "'our total vehicle production had reached 217,000 units,' a
                        # representative of the base said": the plant the speaker speaks for
                        target = last["plant"]
            # (the words that name it, past a partner named inside: "这家与广汽集团合资的企业")
            said = s[a:b]
            if kind == "reference" and "与" in said:
                said = said[said.find("合资") :]
            if target is not None and target.kind == "jv" and _GROUP_WORD.search(said):
                # "Dongfeng Yueda Kia sold 224,567. The group last sold …": no venture is a
                # group; the maker named last before it, or the venture's parent
                target = next(
                    (e for e in reversed(state.recent) if e.kind in ("maker", "brand", "group")),
                    target,
                )
            if (
                target is not None
                and (_GROUP_WORD.search(said) or _ACROSS_BRANDS.search(s, b))
                and target.parent
                and target.kind != "group"
                # (not after "Zeekr Group" was named: that group)
                and not (_GROUP_WORD.search(said) and target.name in state.named_as_group)
            ):
                # "the group" of a brand, "the company delivered N across all three brands":
                # its parent
                target = lexicon().entities[target.parent]
            elif (
                target is not None
                and target.kind == "brand"
                and state.frame is not None
                and target.parent == state.frame.name
                and _COMPANY_WORD.search(s, a, b)
            ):
                # "东风集团股份…年度报告…高端品牌岚图…。2023年公司整车出口销量达到16.91万辆": in a
                # report of the company the headline names, "the company" is it, not its brand
                target = state.frame
            if target is None and kind == "plant":  # a plant nobody named: its own, unknown
                if s[a:b] in _BARE_PLANT_ZH:
                    # (a bare 工厂 points back only at a plant named before, or at a maker this
                    # sentence named by its plant: "特斯拉上海超级工厂…;2021年全年,工厂累计交付")
                    by_plant = [
                        f.entity
                        for f in found
                        if f.end <= a and any(w in s[f.start : f.end] for w in _BARE_PLANT_ZH)
                    ]
                    if not by_plant:
                        continue
                    target = by_plant[-1]
                else:
                    target = Entity(s[a:b], "unknown", "", None, False)
            if target is None:
                continue
            if (
                target.kind != "unknown"
                # ("The 20-year-old JV keeps losing ground, with its sales …": the venture)
                and (kind == "maker" or (kind == "reference" and target.kind == "jv"))
                # (not "making it the group's worst performer; its sales": a description of
                # the subject, whom "its" still means)
                and not (
                    (_POSSESSIVE_AFTER.match(s, b) or _POSSESSIVE_AFTER.match(s, b - 2))
                    and _PREDICATE_BEFORE.search(s, max(0, a - 24), a)
                )
                # (not "SAIC Motor PV, the group's passenger vehicle arm, saw sales of its
                # brands": the group describes the name, "its" still means that name)
                and not any(x <= a < y for x, y in apposed)
            ):
                # "the Chinese automaker said it sold 396,270 …, from the 419,426 it sold": the
                # maker the description found is what "it" points back to
                _remember(last, target)
            out.append((Mention(target, a, b), True))
        else:
            mention = item
            if _GROUP_WORD.search(s, mention.start, mention.end) or s.startswith(
                "集团", mention.end
            ):
                state.named_as_group.add(mention.entity.name)  # "Zeekr Group", 吉利集团
            dependents[len(out)] = is_dependent = dependent(s, mention)
            if (
                is_dependent
                or place_in_a_name(s, mention)
                # "Wuling stayed GM's best-selling brand, even though its sales": the owner
                # named in a description of the subject; "its" still means the subject
                or (
                    _POSSESSIVE_AFTER.match(s, mention.end) is not None
                    and _PREDICATE_BEFORE.search(s, max(0, mention.start - 24), mention.start)
                    is not None
                    and any(f.end <= mention.start and not f.entity.is_region for f in found)
                )
                or any(a <= mention.start < b for a, b in apposed)
                or beaten(s, mention)
                or partner(s, mention)
                # "a subsidiary of Guangzhou Automobile Group (GAC)": the gloss of a name that
                # is no subject
                or (
                    unremembered is not None
                    and unremembered.entity == mention.entity
                    and _GLOSS_OPEN.fullmatch(s, unremembered.end, mention.start) is not None
                )
            ):
                unremembered = mention
            elif not (
                # "including Chery, Nio, BYD and JAC": the whole list depends, not only Chery
                unremembered is not None and LIST_SEP.match(s[unremembered.end : mention.start])
            ):
                _remember(last, mention.entity)
                unremembered = None
            else:
                unremembered = mention
            out.append((mention, True))
    # dependents: "its AITO, Luxeed", "including Onvo"; owners: "Geely's Zeekr"
    subject = [ok for _, ok in out]
    for a, b in apposed:
        for i, (mention, _) in enumerate(out):
            if a <= mention.start < b:
                subject[i] = False
    for i, (mention, _) in enumerate(out):  # "Chongqing tops China": China is no subject
        if beaten(s, mention) or in_predicate(s, mention, any(subject[:i])):
            subject[i] = False
        if partner(s, mention):  # "Toyota works with FAW and GAC": nor are its partners
            subject[i] = False
            j = i + 1
            while j < len(out) and LIST_SEP.match(s[out[j - 1][0].end : out[j][0].start]):
                subject[j] = False
                j += 1
    for i in range(1, len(out)):  # "a subsidiary of Guangzhou Automobile Group (GAC)"
        if not subject[i - 1] and out[i - 1][0].entity == out[i][0].entity:
            subject[i] = subject[i] and not _GLOSS_OPEN.fullmatch(
                s, out[i - 1][0].end, out[i][0].start
            )
    for i, (mention, _) in enumerate(out):
        if place_in_a_name(s, mention) or place_as_scope(s, mention):
            subject[i] = False
        if dependents[i] if i in dependents else dependent(s, mention):
            subject[i] = False
            j = i + 1
            while j < len(out) and LIST_SEP.match(s[out[j - 1][0].end : out[j][0].start]):
                subject[j] = False
                j += 1
        if i + 1 < len(out):
            between = s[mention.end : out[i + 1][0].start]
            if OWNER_AFTER.match(between) and out[i + 1][0].entity.kind != "region":
                subject[i] = False
    for i, (mention, _) in enumerate(out):
        # "Tesla China sold 78,856, CPCA data showed": the body that reports is no subject
        # when someone did the selling before it
        if any(subject[:i]) and _reporting(s, mention):
            subject[i] = False
    # "SAIC Motor's own brands, including Roewe, MG and Sunwin Bus, sold": the names listed as
    # examples of the subject, between commas, are not it
    for examples in _EXAMPLES_LISTED.finditer(s) if "," in s else ():
        for i, (mention, _) in enumerate(out):
            if examples.start() < mention.start and mention.end < examples.end():
                subject[i] = False
    for i, (mention, _) in enumerate(out):
        # "吉利新能源汽车（含吉利、几何、领克等品牌）销量达3.08万辆": names in a bracket without a
        # number gloss the name before it
        if i and _IN_A_GLOSS.search(s, 0, mention.start) and _GLOSS_END.match(s, mention.end):
            subject[i] = False
    for i in range(1, len(out)):  # "Guangzhou Automobile Group (GAC Group)": one name, twice
        if _SAME_NAME_BRACKETED.fullmatch(s, out[i - 1][0].end, out[i][0].start):
            subject[i] = subject[i - 1]
        elif _OR_NAME.fullmatch(s, out[i - 1][0].end, out[i][0].start) and s.startswith(
            ",", out[i][0].end
        ):
            # "Sinotruk, or China National Heavy Duty Truck Group, …": the first name glossed;
            # "it" after it still means the first
            subject[i] = False
    for i, (mention, _) in enumerate(out):
        # "智界(奇瑞)交付", "蔚来三大品牌(蔚来+乐道+萤火虫)合力交付": names in a bracket with no
        # number, right after another name, gloss it; "JMC, in which Ford also has a stake,
        # sold": the names in the aside are no subjects
        if (
            _in_a_name_gloss(s, mention, [m for m, _ in out[:i]])
            or (_IN_AN_ASIDE.search(s, 0, mention.start) and not OWN_RELATIVE.match(s, mention.end))
            # "在全球(中国及海外市场)累计销售127496辆": the markets a world count spans
            or _SCOPE_GLOSS_OPEN.search(s, max(0, mention.start - 16), mention.start) is not None
            # "to customers in the markets where it is present, mostly China, with": where most
            # of a count was, said in passing
            or (
                mention.entity.is_region
                and _MOSTLY_BEFORE.search(s, max(0, mention.start - 16), mention.start) is not None
            )
            # "Teslas last month - retail sales in China plus exports - came to": a dashed aside
            or (
                _DASH_ASIDE_OPEN.search(s, max(0, mention.start - 120), mention.start)
                and _DASH_ASIDE_CLOSE.match(s, mention.end)
            )
        ):
            subject[i] = False
    return [(m, ok) for (m, _), ok in zip(out, subject, strict=True)]


def _in_a_name_gloss(s: str, mention: Mention, before: list[Mention]) -> bool:
    """The name is in a bracket without digits opened right after another entity's name
    (not a place: "比亚迪汽车(泰国)有限公司" is the maker's arm there)."""
    if mention.entity.is_region or mention.entity.kind == "unknown":
        return False
    opened = max(s.rfind("(", 0, mention.start), s.rfind("（", 0, mention.start))
    if opened < 0 or _CLOSE_OR_DIGIT.search(s, opened, mention.start):
        return False
    if _BRACKET_END.match(s, mention.end) is None:
        return False
    return any(
        m.end <= opened <= m.end + 6 and m.entity.name != mention.entity.name for m in before
    )


_LISTED_NAME = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*"
_EXAMPLES_LISTED = re.compile(
    rf",\s*(?:including|such as)\s+(?:{_LISTED_NAME}\s*,\s*)*{_LISTED_NAME}"
    rf"(?:,?\s+and\s+{_LISTED_NAME})?\s*,(?=\s+[a-z])"
)
_CLOSE_OR_DIGIT = re.compile(r"[)）\d]")
_BRACKET_END = re.compile(r"[^（()）\d]*[)）]")
# "JMC, in which Ford also has a stake, sold", "Changan, which has joint ventures with Ford and
# Mazda, sold": names inside an aside about the subject
# a car market that grew or shrank to a count of vehicles
_MARKET_SIZE = re.compile(
    r"\b(?:auto|car|vehicle|automobile|EV|NEV|passenger car|passenger vehicle)\s+market\b"
    r"[^.;]{0,60}?\b(?:expanded|grew|rose|shrank|contracted|fell|declined|reached|totall?ed)\b",
    re.I,
)
# "新能源汽车年产量首次突破100万辆，达到104.7万辆", "passed 1 million, reaching 1.05 million":
# the clause goes on with the count just bounded, its metric and time
_CONTINUES_A_COUNT = re.compile(
    r"\s*(?:已经?|并|再|最终)?(?:达到|达|增至|升至|增长至|提升至)\s*(?:约|近|超过?)?\s*\d"
    r"|\s*(?:reaching|to reach|ending at|to end at)\s+(?:about |nearly |over )?\d",
    re.I,
)


def _continues_the_count(s: str, starts: list[int], bounds: list[int], clause: int) -> bool:
    """The clause opens on the count of the clause before it, said again more exactly."""
    return (
        clause > 0
        and _CONTINUES_A_COUNT.match(s, starts[clause]) is not None
        and _DIGIT.search(s, starts[clause - 1], bounds[clause - 1]) is not None
    )


def _part_marked(s: str, clause_start: int, at: int) -> bool:
    """ "including" / "of which" / 其中 opens the clause of the number at ``at``, or comes right
    before it with no other number or stop between ("…, of which 68,100 were sold")."""
    if _OF_WHICH.match(s, clause_start):
        return True
    markers = list(_OF_WHICH.finditer(s, max(0, at - 30), at))
    return bool(markers) and not _NUMBER_OR_STOP.search(s, markers[-1].end(), at)


_NUMBER_OR_STOP = re.compile(r"[\d;；。]")


def _an_items_later_count(
    s: str, cand: _Candidate, cands: list[_Candidate], own_times: list[tuple[int, int]]
) -> bool:
    """``cand`` follows another count in its part of a sentence whose parts a semicolon
    divides, with a time of its own said after that count (an item of a list of makers with
    a second count: "理想汽车交付44246辆，第四季度累计交付109194辆；"; not "理想、零跑11月交付量
    分别达到48740辆、40169辆；", one time for both)."""
    n = cand.number
    return (
        bool(own_times)
        and _SEMI.search(s) is not None
        and any(
            c.number.end <= own_times[0][0]
            and c.number.start < n.start
            and not _SEMI.search(s, c.number.start, n.start)
            for c in cands
            if c is not cand
        )
    )


def _a_part_in_a_month(
    s: str, cand: _Candidate, cands: list[_Candidate], starts: list[int], lead_parts: list[Parts]
) -> bool:
    """A smaller count later in the sentence, in a clause opened by "including" / "of which" /
    其中 that names a month of its own: ``cand`` is its whole, more than one month (not when
    its own clause names that month too: "吉利品牌7月销量为83553辆…；其中…7月销量24061辆")."""
    own = lead_parts[cand.clause]
    own_month = own.month if any(a >= starts[cand.clause] for a, _ in own.spans) else None
    return any(
        c.clause > cand.clause
        and c.number.value < cand.number.value
        and _part_marked(s, starts[c.clause], c.number.start)
        # (its own month, said in its clause: not "其中出口6.05万辆" after "1月")
        and lead_parts[c.clause].month not in (None, own_month)
        and any(a >= starts[c.clause] for a, _ in lead_parts[c.clause].spans)
        for c in cands
    )


_A_RANKING_RESULT = re.compile(r"\s*的(?:月度|单月|当月)?成绩")
# the passenger car association cited as the source of the sentence's counts
_CPCA_CITED = re.compile(
    r"\b(?:according to|citing|per|data from|figures from)\s+(?:the\s+)?(?:China Passenger Car"
    r" Association|CPCA)\b|\b(?:CPCA|China Passenger Car Association)(?:['’]s)?\s+(?:data|figures)"
    r"|乘联会(?:数据|统计)|据乘联会",
    re.I,
)
_IN_AN_ASIDE = re.compile(
    r",\s*(?:in which|which|whose"
    # "Lynk & Co, set up jointly by Geely Auto and Volvo, sold": who founded or owns it
    # ("The Aito brand, developed jointly by Seres and Huawei, delivered")
    r"|(?:set up|founded|established|created|formed|owned|backed|controlled|developed"
    r"|co-developed|launched|designed|incubated|spun off)(?:\s+jointly)?\s+by)\b[^,]*$",
    re.I,
)
_MOSTLY_BEFORE = re.compile(r",\s*(?:mostly|mainly|chiefly|primarily|largely)\s+(?:in\s+)?$", re.I)
_SCOPE_GLOSS_OPEN = re.compile(
    r"(?:全球|国内外|海内外|\bglobal(?:ly)?|\bworldwide)\s*[（(][^()（）]*$", re.I
)
_DASH_BEFORE = re.compile(r"\s[-–—]\s*$")
_DASH_ASIDE_OPEN = re.compile(r"\s[-–—]\s[^-–—.;；。\d]*$")
_DASH_ASIDE_CLOSE = re.compile(r"[^-–—.;；。\d]*\s[-–—]\s")
_IN_A_GLOSS = re.compile(r"[（(](?:含|包括|including\s+)[^（()）\d]*$", re.I)
_GLOSS_END = re.compile(r"[^（()）\d]*[)）]")
_REPORTS_AFTER = re.compile(
    r"\s*(?:data|figures|statistics|numbers)?\s*(?:showed|shows|said|says|reported|estimated"
    r"|indicated|revealed)\b|数据显示|数据|统计|表示|称"
    # "乘联会厂家数据显示": the body's data of the makers it polls
    r"|(?:厂家|厂商|企业|最新|月度|初步)数据",
    re.I,
)
_REPORTS_BEFORE = re.compile(
    r"(?:according to|citing|per|data from|figures from|据"
    # "as per data released by the China Passenger Car Association"
    r"|(?:released|published|compiled|issued|provided|reported)(?:\s+\w+){0,2}?\s+by)"
    r"\s*(?:the\s+)?$",
    re.I,
)


def _reporting(s: str, mention: Mention) -> bool:
    """An industry body named as the source of a figure ("CPCA data showed", "据乘联会")."""
    if not REPORTER.search(s, mention.start, mention.end):
        return False
    return bool(
        _REPORTS_AFTER.match(s, mention.end)
        or _REPORTS_BEFORE.search(s, max(0, mention.start - 30), mention.start)
    )


_PART_OF_TOTAL = re.compile(r"(?:\bof (?:them|these)\b|\bof which\b|\bincluding\b|其中|包括)", re.I)


_DIGIT = re.compile(r"\d")
# "Japanese customs data showed car exports of 3.5 million", "German car sales fell to": the
# count of a country abroad (not "the U.S. carmaker sold", a maker)
_FOREIGN_COUNT_BEFORE = re.compile(
    r"\b(?:Japanese|German|(?:South )?Korean|American|Mexican|Thai|Russian|Indian|British|French"
    r"|Italian|Spanish|Brazilian|Australian|Indonesian|Vietnamese|Turkish|Canadian|EU)\s+"
    r"(?:customs|(?:new[- ])?(?:car|auto|vehicle|automobile|EV)s?\s+(?:exports|sales|market|output"
    r"|production|registrations)|exports|sales|market|data|industry|association|ministry"
    r"|government|registrations)\b",
    re.I,
)
# a clause that goes on with the subject of the one before: only a verb, then the count
_STILL_THE_SUBJECT = re.compile(
    r"\s*(?:已|已经|则|也|仍|共|合计)?(?:达到|达|为|超过|突破|逾|约为?|接近)\s*[\d.]"
)
_OF_WHICH = re.compile(r"[\s,，;；]*(?:其中|of which|of them|among them|including)", re.I)
# a clause that opens on the predicate of the sentence's subject (no subject of its own)
_PREDICATE_OF_THE_FIRST = re.compile(
    r"\s*(?:had|has|have)\s+(?:\w+\s+){0,1}?(?:climbed|risen|fallen|reached|recovered|returned"
    r"|grown|dropped|slipped)\b",
    re.I,
)
# "bringing its total to", "taking the cumulative total to": a running total after a count
# "which peaked at 2.5 million", "reaching a peak of 1.56 million", "峰值为"
_A_PEAK_BEFORE = re.compile(
    r"(?:\b(?:peaked|peaking|topped out)\s+at|\ba\s+(?:record\s+)?peak\s+of)\s+(?:about\s+"
    r"|around\s+|nearly\s+|almost\s+|over\s+|more than\s+|some\s+)?$"
    r"|(?:峰值|最高峰)(?:时)?(?:为|达到?|曾达)?(?:近|约|超过?)?$",
    re.IGNORECASE,
)
# ", with new energy vehicles (NEVs) at 11,307": a part of the count just told
_A_PART_WITH_AT = re.compile(
    r"[\s,;]*with\s+(?:[\w()'’-]+\s+){1,5}?at\s+(?:about\s+|around\s+|nearly\s+|almost\s+"
    r"|over\s+|more than\s+|some\s+)?$",
    re.IGNORECASE,
)
_RUNNING_TOTAL_TO = re.compile(
    r"\b(?:bringing|taking|lifting|pushing)\s+(?:its|the|their)\s+(?:cumulative\s+)?total"
    r"(?:\s+(?:deliveries|sales|output|production))?\s+to\s+(?:about\s+|around\s+|nearly\s+"
    r"|over\s+|more than\s+)?$",
    re.IGNORECASE,
)
# a clause that only gives the value the one before it went to: ", to 400,000 units", ", for
# a total of over 2,300"
_TO_A_VALUE = re.compile(
    r"[\s,，]*(?:to|at|for a total of|(?:bringing|taking|lifting) (?:the|its|their) total to)\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|over\s+|more than\s+)?\d",
    re.IGNORECASE,
)
# a count, then its base a year before: "49万辆，去年同期为", "320852辆，去年同月产量为"
_SAME_TIME_LAST_YEAR_NEXT = re.compile(
    r"\s*[，,]\s*(?:而)?(?:去年|上年)同[期月](?:产量|销量|交付量|出口量)?(?:则|仅|只)?(?:为|是)\s*"
)
# between a count and its comparison base: ", from roughly ", " compared with "
_FROM_THE_COUNT_BEFORE = re.compile(
    r"\s*(?:units?|vehicles?|cars?)?\s*,?\s*(?:up\s+|down\s+)?(?:from|compared (?:with|to)|versus"
    r"|against)\s+(?:the\s+)?(?:about|roughly|around|nearly|some|over|more than|just over)?\s*",
    re.IGNORECASE,
)
# what stands between a count and the base it is compared with, in its own clause or the next
# ("70,017 units in July, a steep fall from 110,010")
_FROM_THAT_COUNT = re.compile(
    r"[^.;:!?\d]{0,60}?\b(?:from|compared (?:with|to)|versus|against)\s+(?:the\s+)?"
    r"(?:about|roughly|around|nearly|some|over|more than|just over)?\s*",
    re.IGNORECASE,
)
# words that point back to the vehicles just named: "output and sales of such vehicles", a
# paragraph going on with "That is 150 percent more than …"
_REFERS_BACK = re.compile(
    r"\s*(?:That|This|It)\b(?!\s+(?:year|month|quarter)\b)"
    r"|.*?(?:\b(?:such|these|those) (?:vehicles|cars|models)\b|这类|此类|该类|这些车|上述)"
)
# a paragraph that opens on a part of the count before it
_PART_OPENING = re.compile(
    r"\s*(?:其中\s*[,，:：]|Of (?:these|them|this|that|the total)\s*,)", re.I
)


def _running_total_beside(
    cand: _Candidate,
    own: Parts,
    parts: Parts,
    cands: list[_Candidate],
    lead_parts: list[Parts],
    mentions: list[tuple[Mention, bool]],
    starts: list[int],
) -> bool:
    """A running total (累计, 以来) in a clause with no months of its own, whose months come
    from an earlier clause that gave a plain count of the same metric for them, of the same
    subject (not "1-10月，蔚来累计交付70062台，小鹏汽车累计交付66542台": a list of running
    totals for the months)."""
    if not (own.lifetime and own.months is None and parts.months and parts.months[0] == 1):
        return False

    def subject(a: int, b: int) -> str | None:
        named = [m.entity.name for m, ok in mentions if ok and a <= m.start < b]
        return named[-1] if named else None

    mine = subject(starts[cand.clause], cand.number.start)
    return any(
        c.clause < cand.clause
        and not c.dropped
        and c.metric == cand.metric
        and c.period is not None
        and c.period.kind == "ytd"
        and not lead_parts[c.clause].lifetime
        and mine in (None, subject(0, c.number.start))
        for c in cands
    )


def _maker_joined(
    s: str, subjects: list[tuple[Mention, bool]], words: re.Pattern[str], at: int, *, before: bool
) -> Mention | None:
    """The maker named right before (or after) offset ``at`` with only ``words`` between."""
    for m, _ in subjects:
        if m.entity.is_region:
            continue
        if before and m.end <= at and words.fullmatch(s, m.end, at):
            return m
        if not before and at <= m.start and words.fullmatch(s, at, m.start):
            return m
    return None


def _month_count_before(cand: _Candidate, live: list[_Candidate]) -> Period | None:
    """The month of a count of the same entity earlier in the sentence, if there is one."""
    for other in live:
        if other.number.start >= cand.number.start:
            break
        if (
            other.entity == cand.entity
            and other.period is not None
            and other.period.kind == "month"
        ):
            return other.period
    return None


def _clause_with_a_number(
    s: str, starts: list[int], bounds: list[int], clause: int, number: re.Pattern[str] = _DIGIT
) -> int | None:
    """The nearest clause before ``clause`` with a digit (or a match of ``number``) in it: the
    total a part is of."""
    for i in range(clause - 1, -1, -1):
        if number.search(s, starts[i], bounds[i]):
            return i
    return None


def _time_alone(s: str, parts: Parts, start: int, end: int) -> bool:
    """The clause ``s[start:end]`` says its time and nothing else ("1-8月，", "In 2023,")."""
    rest = s[start:end]
    for a, b in sorted(parts.spans, reverse=True):
        rest = rest[: max(0, a - start)] + rest[b - start :]
    return _NOTHING_ELSE.fullmatch(rest) is not None


_NOTHING_ELSE = re.compile(
    r"[\s,，;；:：、]*(?:in|on|by|at|during|for|over)?[\s,，;；:：、]*", re.I
)


def _part_opening(s: str, starts: list[int], lead_parts: list[Parts], clause: int) -> int | None:
    """The clause that opens the list of parts ("其中", "of which") the clause belongs to, when
    no clause from there to it says a time and no semicolon comes between."""
    for i in range(clause, -1, -1):
        if not lead_parts[i].empty or _SEMI.search(s, starts[i], starts[clause]):
            return None
        if _A_PART_OPENS.match(s, starts[i]):
            return i if i > 0 else None
    return None


def _parts_of_the_same_figure(s: str, live: list[_Candidate]) -> None:
    """ "去年共交付460万辆,…,其中电动车销量升28%至225万辆": a count after 其中 / "of which" that
    would take the very entity, metric and period of a larger count before it is a part of
    that count (one unnamed segment), never a second value for it."""
    for i, part in enumerate(live):
        clause_head = s.rfind(",", 0, part.number.start) + 1
        if not _OF_WHICH.match(s, clause_head) and not _OF_WHICH.search(
            s, max(0, part.number.start - 30), part.number.start
        ):
            continue
        for total in live[:i]:
            if (
                not total.dropped
                and _same_series(total, part)
                and total.number.value > part.number.value
            ):
                part.drop("a part of the figure before it (of which ...)")
                break


_A_PART = ("model-level count", "a part of the market", "a part of the maker")


def _parts_of_a_part(s: str, cands: list[_Candidate]) -> None:
    """ "福特全顺轻客一季度共销售6,900辆；其中3月份销售3,700辆": a count after 其中 / "of which"
    whose total before it is a part (a model, one kind of vehicle, a segment) is a part too."""
    for i, part in enumerate(cands):
        if part.dropped or i == 0:
            continue
        clause_head = max(s.rfind(mark, 0, part.number.start) for mark in ",，;；") + 1
        if not _OF_WHICH.match(s, clause_head):
            continue
        total = cands[i - 1]
        if total.dropped and total.reason.startswith(_A_PART):
            part.drop(f"{total.reason}: a part of it (of which ...)")


def _same_series(a: _Candidate, b: _Candidate) -> bool:
    """The two would be filed under one key: entity, metric, period and segment."""
    return (
        a.entity == b.entity
        and a.metric == b.metric
        and a.period == b.period
        and _segment_of(a) == _segment_of(b)
    )


def _segment_of(cand: _Candidate) -> str:
    """The candidate's segment; every count of a maker that makes only NEVs is an NEV count."""
    if cand.nev_only():
        return "nev"
    return cand.segment or "unknown"


# "a cumulative historical delivery total of", "all-time", "since its founding", 历史累计
_HISTORICAL = re.compile(
    r"\bhistorical\b|\ball[- ]time\b|\bsince (?:its|the company's) (?:founding|inception|start)"
    r"|\bsince (?:it was founded|deliveries began)|历史(?:累计|总)|成立以来|交付以来",
    re.I,
)


def _year_beside_history(
    s: str, live: list[_Candidate], starts: list[int], bounds: list[int]
) -> None:
    """ "As of Saturday, it had delivered 442,000, with a cumulative historical total of over
    1.07 million": beside a running total said to count from the start, the other running
    total of the same maker is the year's so far."""
    lifetime = [c for c in live if c.period is not None and c.period.kind == "lifetime"]
    if len(lifetime) < 2:
        return
    history = [c for c in lifetime if _HISTORICAL.search(s, starts[c.clause], bounds[c.clause])]
    for cand in lifetime:
        if history and cand not in history and cand.entity == history[0].entity:
            assert cand.period is not None
            end = cand.period.end
            cand.period = Period("ytd", end.replace(month=1, day=1), end)


def _total_before_part(s: str, live: list[_Candidate]) -> None:
    """ "217,000 vehicles, 32,000 of them new energy vehicles" / "21.7万辆，其中新能源汽车3.2万辆":
    the total is all vehicles when the part after it is the NEV share."""
    for total, part in itertools.pairwise(live):
        between = s[total.number.end : part.number.end + 12]
        if (
            total.segment is None
            and part.segment == "nev"
            and total.metric == part.metric
            and _PART_OF_TOTAL.search(between)
            and not total.nev_only()
        ):
            total.segment = "all"


def _part_out_of_a_total(s: str, live: list[_Candidate]) -> None:
    """ "BYD sold 1,574,822 electric vehicles last year, out of a total of 3,012,906": a count
    said out of a larger one with the same key is a part of it, no figure of its own."""
    for part, total in itertools.pairwise(live):
        if (
            part.dropped
            or total.dropped
            or part.number.value >= total.number.value
            or not _OUT_OF_BEFORE.search(
                s, max(part.number.unit_end, total.number.start - 40), total.number.start
            )
        ):
            continue
        if part.metric == total.metric == "exports" and part.entity == total.entity:
            # "sold 50,614 units outside China ..., out of a global total of 131,533": all it
            # sold, at home and abroad
            total.metric = "sales"
        elif _same_series(total, part):
            part.drop("a part of the total after it (out of ...)")


_OUT_OF_BEFORE = re.compile(
    r"\bout of\s+(?:a\s+|the\s+|its\s+)?(?:(?:global|worldwide|overall|combined)\s+)?"
    r"(?:total\s+(?:of\s+)?)?$",
    re.I,
)


def _part_of_them(s: str, live: list[_Candidate]) -> None:
    """ "BYD sold 620,000 vehicles in the quarter, with 300,000 of them EVs": a part that
    would be filed under the same key as the count before it is no figure of its own (an NEV
    part of all vehicles, another metric, period or maker stays)."""
    for total, part in itertools.pairwise(live):
        if (
            not total.dropped
            and not part.dropped
            and _OF_THEM_AFTER.match(s, part.number.unit_end)
            and total.period is not None
            and part.period != total.period
            # (no time in the part's own clause)
            and find_parts(s, _clause_start(s, part.number.start), part.number.end + 40).empty
        ):
            # "Including June, Chery exported 148,000 in the first half, and 112,000 of them
            # were NEVs": a part is of the count's own period
            part.period = total.period
    for total, part in itertools.pairwise(live):
        if (
            not total.dropped
            and not part.dropped
            and _OF_THEM_AFTER.match(s, part.number.unit_end)
            and _same_series(total, part)
        ):
            part.drop("a part of the count before it (N of them)")


def _in_a_closed_bracket(s: str, at: int, until: int) -> bool:
    """Offset ``at`` stands inside a bracket that closes before offset ``until``."""
    opened = max(s.rfind("(", 0, at), s.rfind("（", 0, at))
    if opened < 0 or max(s.rfind(")", opened, at), s.rfind("）", opened, at)) >= 0:
        return False
    return s.find(")", at, until) >= 0 or s.find("）", at, until) >= 0


# (and "as": "surged to 331,000 units last year as the government works toward its goal of
# five million")
_LATER_CONJUNCT = re.compile(r"\s(?:and|while|but|whereas|as)\s", re.I)


def _trap_in(s: str, a: int, b: int, n: Number) -> re.Match[str] | None:
    """The first trap cue in ``s[a:b]`` (matched on that slice), past the goals a count is
    measured against ("Its 1.32 million vehicles sold covered only 33% of a 4 million-unit
    target", "sold 429,000 and topped its target by 22%"): such a goal traps only a number said
    inside it."""
    first = mx.TRAP.search(s[a:b])
    if first is None:
        return None
    if (
        _MEMBERS_OF_A_BAR.fullmatch(first.group(0))
        and a + first.end() <= n.start
        and _NAME_THEN_BRACKET_BEFORE.search(s, max(a, n.start - 16), n.start)
    ):
        # "单月销量超过1万辆的企业包括上汽通用五菱（41089辆）、比亚迪（28075辆）": the bar
        # counts its members; each member's own count follows its name
        return None
    if _MONEY_MADE_ON_A_COUNT_BEFORE.search(s, max(a, n.start - 40), n.start):
        return None  # "revenue of RMB 17.1 billion … on deliveries of 50,045 vehicles"
    goals = [g.span() for g in _MEASURED_AGAINST_A_GOAL.finditer(s, a, b)]
    if not goals and not _in_a_numbered_gloss(s, a + first.start(), n.start):
        return first
    for cue in mx.TRAP.compiled.finditer(s[a:b]):
        at = a + cue.start()
        if not any(g0 <= at < g1 and not g0 <= n.start < g1 for g0, g1 in goals) and not (
            _in_a_numbered_gloss(s, at, n.start)
        ):
            return cue
    return None


# a bar's members, told as makers: "超过1万辆的企业"
_MEMBERS_OF_A_BAR = re.compile(r"辆(?:以上)?的(?:企业|车企|品牌|厂商|厂家)")
_NAME_THEN_BRACKET_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}\s*[（(]\s*$")


def _trap_outside_glosses(s: str, a: int, b: int) -> re.Match[str] | None:
    """The first trap cue in ``s[a:b]`` (matched on that slice) outside a bracket with a
    number of its own."""
    for cue in mx.TRAP.compiled.finditer(s[a:b]):
        if not _in_a_numbered_gloss(s, a + cue.start(), -1):
            return cue
    return None


def _in_a_numbered_gloss(s: str, at: int, number_at: int) -> bool:
    """Offset ``at`` stands in a bracket that holds a number of its own and not the one at
    ``number_at``: "600,000 last year (a 2.1% market share)", "a record 102,600 in December
    (a 3.3% share)" gloss a count; they make it no share."""
    opened = max(s.rfind("(", 0, at), s.rfind("（", 0, at))
    if opened < 0 or max(s.rfind(")", opened, at), s.rfind("）", opened, at)) >= 0:
        return False
    closed = min((i for i in (s.find(")", at), s.find("）", at)) if i >= 0), default=-1)
    return (
        closed >= 0
        and not opened < number_at < closed
        and any(c.isdigit() for c in s[opened:closed])
    )


# the count the money was made on: "revenue of RMB 17.1 billion and a net loss of RMB 5.37
# billion on deliveries of 50,045 vehicles"
_MONEY_MADE_ON_A_COUNT_BEFORE = re.compile(
    r"\bon\s+(?:deliveries|sales|shipments|volumes?)\s+of\s+"
    r"(?:(?:about|around|nearly|almost|more than|over|some|just)\s+)?$",
    re.I,
)
_MEASURED_AGAINST_A_GOAL = re.compile(
    r"\b(?:beat(?:ing|s)?|topp(?:ed|ing)|tops?|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?"
    r"|cover(?:ed|ing|s)?|met|meeting|miss(?:ed|ing)|achiev(?:ed|ing))\s+(?:only\s+)?"
    r"(?:(?:about\s+|around\s+|nearly\s+)?\d+(?:\.\d+)?\s*%\s+of\s+)?(?:its|their|the|an?)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:target|goal)s?\b"
    # ("met its target of selling 100,000 Hongqi cars": the goal's own number)
    r"(?:\s+of\b[^.;,]{0,40})?"
    # "其上半年140.9万辆的销量按原目标算完成率为52%", "完成全年目标的51.7%"
    r"|(?:完成了?|达成了?|按照?|对照)(?:原|新|全年|年度|销量|的){0,4}目标(?:的|算|计算|来看)?"
    r"|目标完成率",
    re.I,
)


def _clause_start(s: str, at: int) -> int:
    """Where the clause holding offset ``at`` starts (after the last comma or semicolon)."""
    return max(s.rfind(mark, 0, at) for mark in ",，;；") + 1


# a Chinese maker's count sold at home: "were sold in China", "delivered in mainland China"
_SOLD_AT_HOME = re.compile(
    r"\b(?:sold|delivered|registered|retailed)\s+(?:in|within)\s+(?:mainland\s+)?China\b", re.I
)
_HOME_MARKET_ZH = re.compile(r"在(?:中国|国内|境内)市场")
# "30,224 were shipped abroad and 30,141 went to the domestic market": the count's own
# predicate names the home market
_TO_THE_HOME_MARKET_AFTER = re.compile(
    r"\s+(?:(?:units|vehicles|cars)\s+)?(?:were\s+|was\s+)?(?:sold\s+|delivered\s+|went\s+"
    r"|stayed\s+)(?:(?:to|in|for|within|with)\s+(?:the\s+)?(?:domestic|home|local|Chinese)"
    r"\s+(?:market|buyers|customers)\b|domestically\b|at\s+home\b)",
    re.I,
)
# "300,000 of them": a part of the count before
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
_CHINESE_DESCRIBED = re.compile(r"\bChinese\b")
# (an aside in commas or dashes: "its one-millionth vehicle - an Aito M9 - came off the line")
_OFF_THE_LINE_PAST_AN_ASIDE = re.compile(
    r"[^,;.]{0,24}?(?:,|\s[-–—])\s*(?:a|an|the)\s[^,;.]{1,60}?(?:,|\s[-–—])\s*"
    # ("drove its 30 millionth vehicle, an Audi A5L sedan, off the line": the verb before)
    r"(?:(?:came|comes|rolled|rolls|left|leaves"
    r"|drove|drives)\s+)?(?:off|out of)\b",
    re.I,
)
# "its 10 millionth NEV of the year": the Nth this year
_OF_THE_YEAR_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:of|this|in)\s+(?:the|this)\s+year\b", re.I
)
_ROLLOUT_OF_BEFORE = re.compile(
    r"\b(?:roll-?out|roll-?off)\s+of\s+(?:its|the|their|(?:the\s+)?[\w-]+['’]s)\s+$", re.I
)
_OFF_THE_LINE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:leaves|left|rolls off|rolled off|comes off|came off|drives off"
    r"|drove off)\s+(?:the\s+)?(?:[\w-]+\s+)?line\b",
    re.I,
)
_AFTER_A_MILESTONE = re.compile(
    r"\b(?:after|since|before|when)\s+(?:its\s+|the\s+|their\s+)?$", re.I
)
_DESTINED_ABROAD = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:destined for|bound for|headed for|for)\s+(?:the\s+)?"
    r"(?:Africa|African|Europe|European|Latin America|Latin American|Middle East|Middle Eastern"
    r"|Southeast Asia|Southeast Asian|ASEAN|overseas|foreign|export)\b",
    re.I,
)
_VENTURE_WORD = re.compile(r"\bventure\b|\bJV\b|合资", re.I)
_BASED_IN = re.compile(r"\b([A-Z][a-z]+)-(?:based|headquartered)\b")
_EV_DESCRIBED = re.compile(
    r"\b(?:electric[- ](?:vehicle|car)|EV|NEV|new[- ]energy(?: vehicle)?)\s+(?:maker|carmaker"
    r"|automaker|company|firm|manufacturer|producer|giant|specialist)\b",
    re.I,
)
_FOREIGN_DESCRIBED = re.compile(
    r"\b(?:US|U\.S\.|American|Japanese|German|Korean|South Korean|European|French|Italian)\b"
)


def _described_maker(words: str, target: Entity, before: list[Entity]) -> Entity:
    """The maker "the Chinese company", "the US carmaker", "the Liuzhou-based company" or "the
    electric-vehicle maker" points back to: the last one named that fits the description
    (``target`` when it fits or nothing is said). A place fits the makers the lexicon has
    based there, and those it does not say where they are based unless ``target`` is based
    elsewhere."""
    if _EV_DESCRIBED.search(words) and not target.nev_only:
        # "The electric-vehicle maker" after "BYD ..., knocking Volkswagen off the top spot"
        electric = [e for e in before if e.nev_only and not e.is_region and e.kind != "unknown"]
        target = electric[-1] if electric else target
    based = _BASED_IN.search(words)
    place = lexicon().by_alias.get(based[1].casefold()) if based else None
    region = lexicon().entities[place] if place and lexicon().entities[place].is_region else None
    if region is not None:
        # "The Liuzhou-based company" after NIO, based in Shanghai and Hefei: not NIO
        fits = [e for e in before if not e.is_region and e.kind != "unknown" and not e.foreign]
        if lexicon().based_in(target, region) is False:
            fits = [e for e in fits if lexicon().based_in(e, region)]
        elif target not in fits:
            fits = [e for e in fits if lexicon().based_in(e, region) is not False]
    elif _CHINESE_DESCRIBED.search(words):
        fits = [e for e in before if not e.is_region and e.kind != "unknown" and not e.foreign]
    elif _FOREIGN_DESCRIBED.search(words):
        fits = [e for e in before if e.foreign]
    else:
        return target
    if target in fits:
        return target
    return fits[-1] if fits else Entity(words, "unknown", "", None, False)


def _last_two(named: list[Entity]) -> tuple[Entity, Entity] | None:
    """The last two different entities named, in their order (a place abroad counts: "中國與歐洲
    …，前者" is China)."""
    last = None
    for entity in reversed(named):
        if entity.kind == "unknown" and entity.level != FOREIGN:
            continue
        if last is None:
            last = entity
        elif entity.name != last.name:
            return entity, last
    return None


def _whole_group(s: str, named: list[Mention]) -> Entity | None:
    """The group whose brands a sentence lists in full: it names the group and a list of its
    brands ("the six brands under GAC Group, namely GAC Honda, ... and GAC Aion")."""
    listed = _last_list(s, named)
    groups = {e.parent for e in listed}
    whole = _WHOLE_SET.search(s)
    if len(listed) < 2 or len(groups) != 1 or whole is None:
        return None
    if whole["n"] and _COUNT_WORDS.get(whole["n"].lower(), whole["n"]) != str(len(listed)):
        return None  # "the three brands" and four names: not this list
    group = groups.pop()
    return next((m.entity for m in named if m.entity.name == group), None)


# "all its brands", "every brand of", "the six brands under GAC Group, namely": the list after
# is the whole of the group
_WHOLE_SET = re.compile(
    r"\b(?:all(?: of)?(?: the| its)?|every|(?:the|its) (?P<n>two|three|four|five|six|seven|eight"
    r"|\d))\s+(?:[\w-]+\s+)?(?:brands?|marques?|makers?|units|companies|joint ventures"
    r"|subsidiaries)\b|旗下(?:所有|全部)|(?:所有|全部)品牌",
    re.I,
)
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight")
_COUNT_WORDS = dict(zip(_NUMBER_WORDS, map(str, range(2, 9)), strict=True))


def _last_list(s: str, named: list[Mention]) -> tuple[Entity, ...]:
    """The entities of the last list of names among ``named``: "Avatr, Deepal and Qiyuan"."""
    for i in range(len(named) - 1, 0, -1):
        group = [named[i]]
        j = i
        while j > 0 and LIST_SEP.match(s[named[j - 1].end : named[j].start]):
            j -= 1
            group.insert(0, named[j])
        if len({m.entity.name for m in group}) == len(group) > 1:
            return tuple(m.entity for m in group)
    return ()


# "rivals Xpeng Inc. and Leapmotor", "peers such as NIO": makers named as the subject's rivals
_RIVALS_BEFORE = re.compile(
    r"(?:\b(?:rivals|peers|competitors|challengers|contenders)|\b(?:its|their) (?:rival|peer"
    r"|competitor))\s+(?:such as\s+|including\s+|like\s+)?$"
    # "left the brand eighteenth in the ranking, behind Wuling and ahead of Roewe": the ranks
    # around it
    r"|\b(?:behind|ahead of|trailing)\s+$"
    # "is still outselling better-known electric vehicle makers Nio and Xpeng": the yardsticks
    r"|\b(?:outsell(?:s|ing)?|outsold|outpac(?:es|ed|ing)|outpace)\s+(?:[\w-]+\s+){0,5}?$",
    re.I,
)


def _rivals_named(s: str, mentions: list[Mention]) -> list[Mention]:
    """The makers named as rivals (and the rest of their list): what "the company" in the
    sentences after does not point back to."""
    out: list[Mention] = []
    makers = [m for m in mentions if not m.entity.is_region]  # ("Zhejiang Leapmotor")
    for i, m in enumerate(makers):
        listed = (
            bool(out)
            and out[-1] is makers[i - 1]
            and _RIVAL_LIST_SEP.fullmatch(s, makers[i - 1].end, m.start) is not None
        )
        if listed or _RIVALS_BEFORE.search(s, max(0, m.start - 70), m.start):
            out.append(m)
    return out


# between two listed rivals: "Xpeng Inc. (NYSE: XPEV) and Zhejiang ", ", "
_RIVAL_LIST_SEP = re.compile(
    r"\.?(?:\s+(?:Inc|Co|Ltd|Corp)\.?)?(?:,?\s*Ltd\.?)?(?:\s*\([^()]{0,30}\))?\s*(?:,|and|&)\s*"
    r"(?:[A-Z][a-z]+\s+)?"
)


# a plant the text names by no name: what "the plant" points back to next
_UNNAMED_PLANT = re.compile(
    r"\ban? (?:[\w$.-]+ ){0,4}?(?:plant|factory|gigafactory|production base)\b", re.I
)
_DESCRIBED_AFTER = re.compile(r"\s+(?:that|which|whose)\b")


# the one a count is set against: "against Tesla's 484,500" (not "from", "than": those
# compare a count with its own earlier one too)
_SET_AGAINST = re.compile(r"\b(?:against|versus|vs\.?|compared (?:with|to))\s+(?:the\s+)?$", re.I)


# "twice as many ... as start-up", "more cars than rival": the maker a subject is measured
# against
# ("零跑…月销量仅次于理想和鸿蒙智行，高于蔚来、小鹏和极氪等品牌": the makers it ranks against)
_MEASURED_AGAINST = re.compile(
    r"\b(?:as|than)\s+(?:(?:its\s+|the\s+)?(?:start-?up|rival|peer|competitor)s?\s+)?$"
    r"|(?:仅次于|次于|高于|低于|超过了?|超越了?|领先于?|落后于|不及|胜过|强于|弱于)"
    r"(?:[^，,。；;：:\d]{1,8}?(?:、|和|与|及|以及))*$",
    re.I,
)


def _where_a_maker_counted(s: str, mention: Mention, mentions: list[tuple[Mention, bool]]) -> bool:
    """ "GM sold 3.9 million cars in China in 2017.": the place is where the maker named before
    it sold; the next sentence without a subject goes on about the maker."""
    return (
        mention.entity.is_region
        and any(m.end <= mention.start and not m.entity.is_region for m, ok in mentions if ok)
        and _COUNTED_IN_BEFORE.search(s, max(0, mention.start - 40), mention.start) is not None
    )


_LABEL_COLON = re.compile(r"\s*:")
_COUNTED_IN_BEFORE = re.compile(
    r"\b(?:sold|delivered|shipped|made|produced|built|registered|handed over)\b"
    r"(?:[^.;:]|\.(?=\d))*?\bin\s+$",
    re.IGNORECASE,
)


def _remember_described(
    state: _State, counted: list[_Candidate], subjects: list[tuple[Mention, bool]]
) -> None:
    """A maker the sentence's counts were given to without naming it ("The Chinese smartphone
    maker sold a record 48,654", the headline's Xiaomi) is the last one told of: "That lifts
    the automaker's year-to-date sales" is its, not a rival's named earlier."""
    if any(ok and not m.entity.is_region for m, ok in subjects):
        return
    makers = {
        c.entity_obj.name: c.entity_obj
        for c in counted
        if c.entity_obj is not None
        and not c.entity_obj.is_region
        and c.entity_obj.kind != "unknown"
        and any(d in c.doubts for d in (D_SUBJECT_HEADLINE, D_SUBJECT_PRONOUN))
    }
    if len(makers) == 1:
        (maker,) = makers.values()
        _remember(state.last, maker)


# a maker named as the owner of a quality, in a phrase: no subject the next sentences refer to
_OWNER_OF_A_QUALITY = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:success|popularity|rise|footsteps|shadow|coattails|dominance"
    r"|example|playbook|strategy|momentum|price cuts?)\b"
)
_INSIDE_A_PHRASE = re.compile(r"\b(?:of|on|from|after|behind|like|by)\s+$", re.I)


def _update_last(state: _State, mentions: list[tuple[Mention, bool]], s: str) -> None:
    named = [m for m, _ in mentions if m.entity.kind != "unknown"]
    state.recent = [*state.recent[-3:], *(m.entity for m in named)]
    listed = _last_list(s, named)
    if listed:
        state.last_list = listed
        state.last_list_group = _whole_group(s, named)
    unnamed = _UNNAMED_PLANT.search(s)
    # "opened a US$490 million factory in Rayong ... the plant" (not "one more landmark for a
    # factory that has reshaped EV production": the plant told before, described)
    if unnamed is not None and not _DESCRIBED_AFTER.match(s, unnamed.end()):
        state.last["plant"] = Entity(unnamed.group(0), "unknown", "", None, False)
    rivals = _rivals_named(s, [m for m, _ in mentions])
    for m in named:
        if m in rivals:
            state.named_as_rivals.add(m.entity.name)
        else:
            state.named_as_rivals.discard(m.entity.name)
    # "前十名依次为：一汽-大众16.8万辆、上汽通用12.2万辆、上汽大众11.9万辆…": a ranking, each name
    # with its own count; none of them is the topic of what follows
    ranked = [
        m for m, _ in mentions if not m.entity.is_region and _COUNT_RIGHT_AFTER.match(s, m.end)
    ]
    if len({m.entity.name for m in ranked}) < 3:
        ranked = []
    for mention, subject in mentions:
        if mention in ranked:
            continue
        if mention.entity.kind == "unknown" and _PLANT_ALIAS.search(mention.entity.name):
            state.last["plant"] = mention.entity  # "opened its Rayong plant ... the plant"
        if not subject or mention.entity.level == FOREIGN:
            continue  # a place outside China is never pointed or carried back to
        if mention.entity.kind == "unknown" and _LABEL_COLON.match(s, mention.end):
            continue  # "(i) Tank: 49,000 units": a label of its own count, nothing carried
        if mention in rivals:
            continue  # "rivals Xpeng and Leapmotor posted gains. ... the company": not them
        if _EXAMPLES_OF_A_KIND_AFTER.match(s, mention.end):
            continue  # "由大众、通用、宝马与奔驰等外国品牌主导": examples of a kind, no topic
        if (
            (mention.entity.kind == "unknown" and mention.entity.parent is not None)
            # "The ONVO brand accounted for 19,929 of those units. For the whole of 2024,
            # deliveries totalled 221,970": a brand of the maker the paragraph is about
            or (state.para_entity is not None and mention.entity.parent == state.para_entity.name)
        ) and _PART_SHARE_AFTER.match(s, mention.end):
            continue  # "The core Changan brand made up 84% of the total. NEV sales ...": the
            # maker's again
        if (
            mention.entity.kind == "unknown"
            and _ORIGIN_BRANDS.fullmatch(s, mention.start, mention.end)
            and state.para_entity is not None
            and not state.para_entity.is_region
        ):
            continue  # "上汽…。自主品牌4月销量20.3万辆。新能源汽车销量6.8万辆": the maker's own
            # brands, a part of it; what follows is the maker's again
        if mention.entity.kind == "unknown" and _YARDSTICK_BEFORE.search(
            s, max(0, mention.start - 40), mention.start
        ):
            continue  # "Aion stayed ahead of the other emerging Chinese EV brands. Its ...": Aion
        if _LAUNCHED_BEFORE.search(s, max(0, mention.start - 30), mention.start):
            continue  # "Seres teamed up with Huawei to launch Aito. Its sales ...": Seres's
        if _SET_AGAINST.search(s, max(0, mention.start - 24), mention.start):
            continue  # "BYD sold 526,000, against Tesla's 484,500. Its EV sales": BYD's
        if _MEASURED_AGAINST.search(s, max(0, mention.start - 40), mention.start) and any(
            m.end <= mention.start and not m.entity.is_region for m, _ in mentions
        ):
            continue  # "BYD sold twice as many EVs as start-up Nio delivered. The Chinese
            # automaker ...": BYD, not the maker it was measured against
        if _OWNER_OF_A_QUALITY.match(s, mention.end) and _INSIDE_A_PHRASE.search(
            s, max(0, mention.start - 12), mention.start
        ):
            continue  # "The company has been riding on the coattails of Tesla's success in
            # China. ... the electric carmaker's October update": the company's, not Tesla's
        if (
            (
                _POSSESSIVE_AFTER.match(s, mention.end)
                and _COPULA_BEFORE.search(s, max(0, mention.start - 24), mention.start)
            )
            or _WHOM_IT_MATTERS_TO.search(s, max(0, mention.start - 30), mention.start)
        ) and any(m.end <= mention.start and not m.entity.is_region for m, _ in mentions):
            # "GHAC is one of Honda's most important ventures. Its best year", "SGMW is ever
            # more important to SAIC. Its July sales": the subject's, not the other name's
            continue
        _remember(state.last, mention.entity)
        if _PLANT_ALIAS.search(s, mention.start, mention.end):
            state.last["plant"] = mention.entity  # "Tesla's Shanghai plant ... the factory"
        if (
            may_be_subject_later(s, mention)
            and not _ITS_PART_BEFORE.search(s, max(0, mention.start - 30), mention.start)
            and not _where_a_maker_counted(s, mention, mentions)
        ):
            state.para_entity, state.para_from_frame = mention.entity, False
            model = _MODEL_NAMED_AFTER.match(s, mention.end)
            if model is not None and not sole_model_of(
                mention.entity.name, s[mention.start : model.end()], state.published
            ):
                # "The little Wuling Hong Guang MINI EV may well be the best-selling EV. Deliveries
                # in August came in at around 15,000": the model's, no maker's
                name = s[mention.start : model.end()]
                state.para_entity = Entity(name, "unknown", "", None, False)
            elif (
                (model_named := _named_model_after(s, mention.end)) is not None
                and not _HAS_COUNT.search(s)
                and not sole_model_of(mention.entity.name, model_named.group(0), state.published)
            ):
                # "…, with the BAIC EC-Series as their flagbearer. It sold over 13,000 units":
                # a sentence without counts that names the maker in a model's name hands the
                # model to "it" and to the sentences after it
                model_entity = Entity(
                    s[mention.start : model_named.end()], "unknown", "", None, False
                )
                state.para_entity = state.last["maker"] = state.last["any"] = model_entity
    makers = [m.entity for m, subject in mentions if subject and not m.entity.is_region]
    if makers:  # "Geely ships more than any company in Zhejiang, and its ...": the maker's
        state.last["any"] = makers[-1]
    brands = [m for m in makers if m.kind == "brand"]
    parents = {m.parent for m in brands}
    # (two brands, not one named twice: "Zeekr handed over 25,049 cars, its best month")
    if len({m.name for m in brands}) > 1 and len(parents) == 1 and None not in parents:
        # "Fang Cheng Bao ..., Denza ... and Yangwang ...": a breakdown by brand; what follows
        # without a subject is the maker's again
        parent = lexicon().entities.get(next(iter(parents)) or "")
        if parent is not None and all(m in brands or m == parent for m in makers):
            state.last["any"] = parent
            if state.para_entity in brands:
                state.para_entity = parent


_COUNT_RIGHT_AFTER = re.compile(r"\s*(?:[:：]|以|为|為)?\s*(?:约|近|超过?)?\s*\d")
# names listed as examples of a kind of maker: "大众、通用、宝马与奔驰等外国品牌"
_EXAMPLES_OF_A_KIND_AFTER = re.compile(
    r"[^，,。；;：:\d]{0,30}?等(?:[\u4e00-\u9fff]{0,6}?)(?:品牌|车企|企业|厂商|厂家|公司|巨头|新势力)"
)
# "Its subsidiary SAIC Motor Passenger Vehicle sold 839,000. NEV sales topped 1.07 million": a
# part of the maker named in passing; the paragraph stays the maker's
_ITS_PART_BEFORE = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:subsidiary|unit|arm|division|brand|marque)\s+$", re.I
)
# a named part said to be a share of its whole: "(the core Changan brand) made up 84% of"
_PART_SHARE_AFTER = re.compile(
    r"(?:\s+(?:sub-)?(?:brand|marque))?\s+(?:made up|makes up|accounted for|accounts for"
    r"|represented|contributed)\s+"
    r"(?:about\s+|nearly\s+|some\s+|over\s+)?(?:[\d.]+\s*(?:%|per\s?cent|percent)"
    # "accounted for 19,929 of those units": a count of the whole said before
    r"|\d{1,3}(?:,\d{3})+(?:\s+(?:units|vehicles|cars))?)\s+of\b",
    re.IGNORECASE,
)
# the makers a count is compared with, named by no name ("ahead of the other emerging Chinese
# EV brands"): a yardstick, not what the next sentence points back to
_YARDSTICK_BEFORE = re.compile(
    r"\b(?:ahead of|behind|than|outsold|outsells|outpaced|beat|beating|overtook|overtaking"
    r"|trailing|trailed)\s+(?:all\s+)?(?:the\s+)?(?:other\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# a brand or maker named as what another launched or set up: the one it was launched by is
# what the next sentence's "its" points back to
_LAUNCHED_BEFORE = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|set up|sets up|creat(?:ed|es|e|ing)"
    r"|found(?:ed|s|ing)?|establish(?:ed|es|ing)?|spun off|spin off)\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?:new\s+)?(?:(?:premium|electric|EV|luxury|sub-?)\s*)?"
    r"(?:brand|marque|unit)?\s*$"
    r"|(?:推出|创立|创建|成立|孵化)了?(?:新)?(?:品牌)?\s*$",
    re.IGNORECASE,
)


# "王傳福曾在2011年10月…", "Monthly car sales last rose in June 2018", "China's GDP growth slowed
# to 4.8% in the third quarter": a time something once happened, or the economy's, not a period
# the article's counts report on
_NOT_A_REPORTED_TIME = re.compile(
    r"曾(?:经|經)?(?:在|于|於)"
    # "自2022年跌出“百万辆俱乐部”后": after something that happened then
    r"|自(?:19|20)\d\d\s*年[^，,。；;\d]{1,20}?(?:后|以后|之后)"
    # "Its deliveries had more than quadrupled in July 2020": the past before the story's time
    r"|\bhad\s+(?:(?:more than|nearly|almost|already|also|just|previously|\w+ly)\s+)*"
    r"(?:\w+ed|risen|grown|fallen|been|sold|built|seen|hit)\b"
    r"|\blast\s+(?:rose|fell|grew|increased|declined|dropped|gained|climbed)\b"
    r"|\bGDP\b|\bgross domestic product\b|国内生产总值|经济增速|经济增长"
    # "as the first quarter is traditionally weak": a season in general, no period reported
    r"|\b(?:traditionally|typically|usually|seasonally|normally)\b|历来|通常|往往|传统淡季"
    # "That marks a recovery from the 5% drop it reported for the second quarter": the past
    r"|\b(?:recovery|rebound|turnaround|comeback|recovering|rebounding)\s+from\b"
    # "The drop was in line with what happened in January 2021": a time compared with
    r"|\bin line with\b|\bwhat happened in\b"
    r"|\b(?:fall|drop|decline|rise|increase|growth|jump|gain)\s+seen\s+in\b"
    # "after 21 straight months of decline going back to July 2018": when a streak began
    r"|\b(?:going|dating|stretching|reaching)\s+back\s+to\b"
    # "由于2020年4月汽车产销已逐步恢复，低基数带来的高增长效应明显减弱": the base compared with
    r"|基数"
    # "2024年管理层改革后成效逐步显现": after something done then
    r"|(?:19|20)\d\d\s*年[^，,。；;\d]{2,12}?(?:后|之后|以后)"
    # "A refreshed SU7 is due in April": a time to come
    r"|\b(?:is|are)\s+(?:due\s+(?:in|for|out)|slated|scheduled)\b"
    # "(BEV sales were strong in January and February this year …)": an aside in brackets
    r"|^\s*[(（][^()（）]*[)）][.。]?\s*$",
    re.I,
)
_YEAR_END = re.compile(r"年末|年底")
_AT_ONE_POINT = re.compile(
    r"一度|\bat one (?:point|time|stage)\b"
    r"|\bonce (?:reached|hit|topped|exceeded|surpassed|peaked)\b",
    re.I,
)
_BEFORE_A_YEAR = re.compile(r"(?:19|20)\d\d\s*年(?:之前|以前)|\bbefore (?:19|20)\d\d\b")
# a sentence opening on China's market as its topic
_MARKET_OPENING = re.compile(
    rf"\s*(?:The\s+)?(?:Chinese|China['’]s|domestic)\s+(?:{_MARKET_KIND}\s+)?market\b", re.I
)
_SCOPE_OF_A_CLAIM = re.compile(r"\b(?:for|among|than|of)\s+$", re.I)
# "自主品牌的领头羊", "自主品牌阵营中": the makers one leads or is among, not a subject
_SCOPE_OF_A_LEAD_ZH = re.compile(
    r"(?:阵营)?(?:中|里|之中)?的?(?:领头羊|龙头|老大|冠军|销冠|佼佼者|头名|榜首|领军者?|领跑者|标杆)"
    r"|(?:阵营)?(?:中|之中)"
)
_BARE_CUMULATIVE = re.compile(r"累计")
_ITS_CUMULATIVE = re.compile(r"\b(?:its|their)\s+cumulative\s+(?:sales|deliveries)\b", re.I)
_THIS_YEARS_CUMULATIVE = re.compile(r"(?:今年|本年|年内)(?:以来)?累计")
_PART_OR_RATE = re.compile(r"其中|同比|分别")
# what makes 累计 a count since the start: 历史累计, 截至…累计, 自…以来, 迄今, 总计
_SINCE_START_ZH = re.compile(r"历史|截至|截止|以来|迄今|总计|自\d|投产|上市")
_ONE_DAY = re.compile(r"\b(?:single|one)[- ]day\b|\bin a day\b|单日|一天|当天|当日", re.I)
# (and "After delivering 100,000 vehicles this year, Xiaomi raised ...")
_LEADING_WITH = re.compile(
    r"\s*(?:(?:Together|Along|Combined)\s+with|With|Having|After|Upon|Including|Adding"
    r"|In\s+addition\s+to|On\s+top\s+of)\b(?=(?:[^,;]|,(?=\d))*\b(?:deliveries|delivery"
    r"|delivering|delivered|sales|sold|selling|shipments|exports|exporting|registrations|output"
    r"|production|producing|units|vehicles|cars)\b)"
)
_FIRST_EVENT = re.compile(r"第一[辆台]|首[辆台]|\bfirst (?:car|vehicle|unit|delivery)\b", re.I)
_PLANT_ALIAS = re.compile(r"\b(?:plant|factory|gigafactory)\b|工厂|基地", re.I)
_PLAIN_NOUN = re.compile(r"\s*(?:vehicles|cars|automobiles|autos|辆汽车)\b", re.I)


def _named_subjects(s: str) -> list[tuple[Mention, bool]]:
    """The names in a sentence without figures, each with "is a possible subject": a name in
    a list that depends on something else ("including Chery, Nio and JAC") is none, nor one
    beaten or followed ("Li Auto followed Neta. It delivered ...": Li Auto), nor a partner
    ("Toyota works with FAW and GAC")."""
    out: list[tuple[Mention, bool]] = []
    # ("比亚迪位于陕西省西安市的生产基地": the maker's plant there, as in a sentence with figures)
    for mention in (_place_plant(s, f, None) for f in names_in(s)):
        listed = bool(out) and not out[-1][1] and LIST_SEP.match(s[out[-1][0].end : mention.start])
        out.append(
            (
                mention,
                not (listed or dependent(s, mention) or beaten(s, mention) or partner(s, mention)),
            )
        )
    return _glosses_follow(s, out)


def _glosses_follow(s: str, mentions: list[tuple[Mention, bool]]) -> list[tuple[Mention, bool]]:
    """The gloss of a name that is no subject is none either: "a subsidiary of Guangzhou
    Automobile Group (GAC)"."""
    out = list(mentions)
    for i in range(1, len(out)):
        (before, ok_before), (mention, ok) = out[i - 1], out[i]
        if (
            ok
            and not ok_before
            and before.entity == mention.entity
            and _GLOSS_OPEN.fullmatch(s, before.end, mention.start)
        ):
            out[i] = (mention, False)
    return out


# a sentence opening on a maker described, not named ("The Chinese carmaker has ...")
_DESCRIBED_OPENING = re.compile(
    r"\s*(?:The|the)\s+(?:[\w-]+\s+){1,3}?(?:carmaker|automaker|company|firm|maker|manufacturer"
    r"|startup|start-up)\b"
)


def _remember_a_described_opening(s: str, state: _State) -> None:
    """ "BYD took the lead, but Tesla won it back. The Chinese carmaker has strengths of its own.
    In the third quarter it sold 1,129,256": the maker a sentence without counts opens on,
    described rather than named, is what "it" points back to next."""
    described = _DESCRIBED_OPENING.match(s)
    if described is None:
        return
    for mention, _ in _mentions(s, state):
        maker = mention.entity
        if mention.start < described.end() and maker.kind != "unknown" and not maker.is_region:
            _remember(state.last, maker)
            state.recent = [*state.recent[-3:], maker]
            return


_THE_COMPANY = re.compile(r"\bthe (?:company|carmaker|automaker)\b", re.I)


def _sentence(work: str, original: str, start: int, end: int, state: _State) -> list[Figure]:
    s = work[start:end]
    carry_segment = state.carry_segment
    carry_segment_exports = state.carry_segment_exports
    if not _HAS_NUMBER.search(s):
        # fast path: a sentence without numbers only feeds the article state; the segment it
        # names goes on when it opens a paragraph ("Plug-in car sales"), not from inside one
        # ("…, of which 116,794 were NEVs. It was the fourth month of growth in NEV sales.
        # Exports in the month came to 136,728 units")
        segs = _segment_hits(s) if state.para_opening == state.sentence_no else []
        _carry_updates(s, find_parts(s, bases=False), segs, state, [])
        # ("The company's progress on new energy is disappointing. Its NEV sales …": whom "the
        # company" points back to is who "its" means next)
        mentioned = _mentions(s, state) if _THE_COMPANY.search(s) else _named_subjects(s)
        _update_last(state, mentioned, s)
        _remember_a_described_opening(s, state)
        if _MARKET_OPENING.match(s):
            # "The Chinese light vehicle market as a whole made a solid start to the third
            # quarter." in a story about a maker: what follows is the market's
            state.para_entity, state.para_from_frame = lexicon().entities["China"], False
        if one_vehicle_type_before(s, len(s)):
            state.kind_named = state.sentence_no
            if _KIND_OPENING.match(s):
                state.kind_told = state.sentence_no  # "Commercial vehicles led the way."
        metric_told = _METRIC_TOLD_OF.search(s)
        if metric_told is not None:  # "Its sales have surged in recent years. They ...", "BYD's NEV
            # sales recovered towards the end of the year. In December they rose ... to"
            metric = metric_told["metric"].lower()
            state.carry_metric = _TOLD_METRIC.get(metric, metric)
        elif (figures_of := _figures_metric(s)) is not None:
            # "the July delivery numbers for China's EV startups are out": the counts after it
            state.carry_metric = figures_of
        elif (ranked := _RANKED_BY.search(s)) is not None:
            # "… its list of the ten carmakers that sold the most vehicles in November." then
            # "SAIC GM took first place with 181,455 units": the counts of that ranking
            state.carry_metric = _RANKED_METRIC[(ranked[1] or ranked[2]).lower()]
        return []
    mentions = _mentions(s, state)
    parts_all = _without_good_starts(s, _without_dashed_asides(s, find_parts(s)))
    segs = _segment_hits(s)
    numbers = []
    found = find_numbers(s)
    in_a_row = _flattened_row(s, found)
    for n in found:
        if n.start in in_a_row:
            _note(state, start, n, "a table row run into one line (no column says what it is)")
        elif n.counts == OTHER:
            _note(state, start, n, "not a vehicle count (money, share, year, date, range, ...)")
        elif n.value < MIN_VALUE:
            _note(state, start, n, f"below {MIN_VALUE}")
        elif n.value > MAX_VALUE:
            _note(state, start, n, "more vehicles than any maker or country counts")
        elif any(a <= n.start < b for a, b in parts_all.spans):
            _note(state, start, n, "part of a time expression")
        else:
            numbers.append(n)
    if not numbers:
        _carry_updates(s, parts_all, segs, state, [])
        _update_last(state, mentions, s)
        carried = state.para_entity
        arm = lexicon().entities.get(f"{carried.name} China") if carried is not None else None
        if arm is not None and _ITS_CHINA_SALES.search(s):
            # "October was a nightmare for Tesla. Its sales in China fell 35.8% … the slide
            # from 71,525 units in September to 26,006": the paragraph goes on about its arm
            state.para_entity, state.para_from_frame = arm, False
        if _A_RANKING.search(s) or _HEADS_A_LIST.search(s):
            # "the ten brands that shipped the most vehicles abroad in July were Chery, MG,
            # ...": what the ranking counts is what the counts of its places count; so does
            # a line heading a list ("… ranks the ten largest bus makers (sales volume, growth
            # rate, market share):")
            kinds = {hit.kind for hit in mx.metric_hits(s)}
            if len(kinds) == 1 and "prodsales" not in kinds:
                state.carry_metric = kinds.pop()
            elif not kinds and _TOP_LIST_HEADING.search(s):
                # "The top 10 brands for 2023 were:" then "1. BYD – 2,571,109 (+43.3%)": brands
                # are ranked by what they sold unless the heading says otherwise
                state.carry_metric = "sales"
        elif (figures_of := _figures_metric(s)) is not None:
            state.carry_metric = figures_of  # (a sentence with numbers but no count)
        return []
    # keep entity lists inside one clause
    keep = []
    for i in range(len(mentions) - 1):
        a, b = mentions[i][0], mentions[i + 1][0]
        if LIST_SEP.match(s[a.end : b.start]):
            keep.append((a.end, b.start))
    starts = _subject_asides_joined(s, clause_bounds(s, keep))
    bounds = [*starts[1:], len(s)]
    cands = [_Candidate(n, clause_of(starts, n.start)) for n in numbers]
    number_clauses = {c.clause for c in cands}
    paired_segments = _paired_segments(s, numbers)
    # metric words inside a name are not the name's metric: 东风日产销量 is no 产销
    masked = s
    for m, _ in mentions:
        if not m.entity.is_region:  # "sales outside China" stay exports
            masked = masked[: m.start] + "\ue000" * (m.end - m.start) + masked[m.end :]
    hits = mx.metric_hits(masked)
    # "The Haitong pier ..., one of China's largest terminals, shipped out 1.02 million": a
    # port's throughput, whatever clause the number stands in
    sentence_trap = (
        mx.SENTENCE_TRAP.search(s)
        or _PORT_SUBJECT.match(s)
        # "海关统计显示，今年前10个月，上海外高桥港区海通码头共出口汽车107.7万辆": a port before
        # the first count is the subject of every count
        or _port_before_a_count(s)
        # "…码头共出口汽车107.7万辆。其中，电动载人汽车出口48.7万辆": a part of a port's count
        or (
            state.port_cue
            if state.port_said == state.sentence_no - 1 and _OF_WHICH.match(s)
            else None
        )
    )
    if sentence_trap is not None and _PORT_WORD.search(sentence_trap.group(0)):
        state.port_said, state.port_cue = state.sentence_no, sentence_trap
    # "中汽协预估，8月全国汽车销量为229.5万辆": a clause that only says someone forecasts
    # governs the clauses after it
    forecast_lead = next(
        (
            lead
            for i in range(len(starts) - 1)
            if (
                (lead := _FORECAST_LEAD.search(s, starts[i], bounds[i])) is not None
                and i not in number_clauses
            )
            # (with counts of its own: "按照前50万辆的生产节奏推算，…达到100万辆也不会超过8年")
            or (lead := _WORKED_OUT_FROM.search(s, starts[i], bounds[i])) is not None
        ),
        # "中汽协预计2025年汽车销量在3290万辆左右；新能源汽车1600万辆；汽车出口620万辆": a
        # sentence opening on a forecast forecasts each item of its list
        _FORECAST_OPENING.match(s) if _SEMI.search(s) else None,
    )
    announce = is_announcement(s)
    carry_before = state.carry_period
    # sentence-lead time components: clauses without numbers
    lead_parts = [parts_all.within(starts[i], bounds[i]) for i in range(len(starts))]
    # "Firefly, the new brand whose first cars were handed over in April: 7,843 vehicles": the
    # times of a relative clause about a maker, without a count of its own, tell of the maker
    relatives = [
        (x, y) for x, y in _maker_relatives(s) if not any(x <= c.number.start < y for c in cands)
    ]
    if relatives:
        lead_parts = [
            p.without({(a, b) for a, b, _ in p.components if any(x <= a < y for x, y in relatives)})
            for p in lead_parts
        ]

    respectively = bool(_RESPECTIVELY.search(s))
    first_number: dict[int, int] = {}
    for c in cands:
        first_number.setdefault(c.clause, c.number.start)
    # clauses that open with a year-to-date for their own number ("1-11月累计海外销售40.4万辆")
    ytd_leads = [
        i
        for i, p in enumerate(lead_parts)
        if i in first_number
        # "1-11月累计", "本年累计", "今年以来": the year so far
        and ((p.months is not None and p.months[0] == 1) or (p.ytd and p.month is None))
        and p.spans
        and p.spans[0][0] < first_number[i]
    ]
    # the clauses without numbers whose times may lead the numbers' (perf: clause indices, the
    # same for every number)
    others = {
        i
        for i in range(len(starts))
        if i not in number_clauses
        and not lead_parts[i].empty
        # "the Onvo brand, which began deliveries on September 28, delivered 832": the
        # time of a relative clause describes its name, not the figure; "埃安品牌将在2月
        # 完成...": a plan's time is not the figure's either
        and not _RELATIVE_CLAUSE.match(s, starts[i])
        # "dropped 3 percent to 160,000, ending the growth seen in January": the time of a
        # trend the count ends or extends, not the count's
        and not _TREND_CLAUSE.match(s, starts[i])
        # "according to CPCA data released earlier this month": when the data came out
        and not _DATA_RELEASED.search(s, starts[i], bounds[i])
        # "Li Auto, the market leader last year, delivered 33,181": an apposition's time
        # describes the name too
        and not all(_in_an_aside(s, a, len(s)) for a, _ in lead_parts[i].spans)
        and not _PLANNED.search(s, starts[i], bounds[i])
        # "比亚迪去年在常州启动整车制造，…目前已累计生产18万辆": an event's time, not the count's
        and not (_EVENT.search(s, starts[i], bounds[i]) and _NOW_OR_A_FIRST.search(s))
    }
    in_order = _times_in_order(
        s, [c.number for c in cands if c.number.counts != OTHER], state.published
    ) | _ends_of_a_parallel_change(s, [c.number for c in cands])
    # the makers each clause names (a later clause about another one dates none of these counts)
    makers_named = [
        {
            m.entity.name
            for m, ok in mentions
            if ok and starts[c] <= m.start < bounds[c] and not m.entity.is_region
        }
        for c in range(len(starts))
    ]
    # "9月第三周…周销量都突破1万辆。其中零跑汽车以1.29万辆…": a sentence opening on 其中 or "Of
    # these" after one whose counts were all traps counts parts of those
    trapped_before = (
        state.trapped[1]
        if state.trapped is not None
        and state.trapped[0] == state.sentence_no - 1
        and (_PART_OPENING.match(s) or _OF_WHICH.match(s))
        else None
    )
    labelled_line = _a_name_and_its_counts(s)
    # where in the sentence an item's later count (in a list of makers a semicolon divides) set
    # the carried period (-1: none did)
    item_carry_at = -1
    for prior, cand in zip([None, *cands], cands, strict=False):
        n = cand.number
        c0, c1 = starts[cand.clause], bounds[cand.clause]
        clause = s[c0:c1]
        if trapped_before is not None:
            cand.drop(f"{trapped_before}, of which (the sentence before)")
            continue
        if (
            n.unit_end == n.end
            and any(
                (m.end == n.start or m.start < n.start < m.end) and not m.entity.is_region
                for m, _ in mentions
            )
            and _CJK_CHAR.match(s, n.start - 1)
        ):
            cand.drop("a model's name (坦克300), no count")
            continue
        if (
            n.value < 1000
            and s[n.start : n.end].isdigit()
            and s[n.start - 1 : n.start] == " "
            and any(
                not m.entity.is_region and (m.end == n.start - 1 or m.start < n.start < m.end)
                for m, _ in mentions
            )
        ):
            # "a ceremony for Baojun 530 vehicles": a brand's model number, no count
            cand.drop("a model's name (Baojun 530), no count")
            continue
        opened = max(
            s.rfind("(", max(0, n.start - 3), n.start), s.rfind("（", max(0, n.start - 3), n.start)
        )
        if opened >= 0 and any(
            not m.entity.is_region
            and m.end < opened
            and (
                _MODEL_WORDS_AFTER_A_NAME.fullmatch(s, m.end, opened)
                or _ZH_MODEL_AFTER_A_NAME.fullmatch(s, m.end, opened)
            )
            # (not "比亚迪腾势（15388辆）": a brand the lexicon knows, after its maker)
            and not any(m.end <= x.start < opened for x, _ in mentions)
            for m, _ in mentions
        ):
            # "MG ZS EV (185 sales)", "Hyundai Ioniq 5 (140 sales)", "比亚迪秦（2.4万辆）": a
            # model of the brand
            cand.drop("model-level count")
            continue
        if _ANNUAL_LEVEL.search(s, c0, n.start) and parts_all.year is None:
            # "FAW is China's oldest automotive group, with annual sales of more than 2m
            # units": a yearly level describing the company, no year said
            cand.drop("a yearly level, no year said")
            continue
        if state.models and any(
            m.group(1) in state.models
            and not any(m.end() <= x.start < n.start for x, _ in mentions)
            for m in _THE_NAME.finditer(s, c0, n.start)
        ):
            cand.drop("model-level count")  # "The Highlander has passed the 150,000 mark"
            continue
        model = (
            _MODEL_BEFORE_THE_NOUN.match(s, n.end)
            or _KNOWN_MODEL_AFTER.match(s, n.end)
            or _OF_THEM_A_MODEL.match(s, n.end)
            or _UNITS_OF_A_MODEL.match(s, n.end)
            or _WERE_A_MODEL.match(s, n.unit_end)
            or _WERE_A_KNOWN_MODEL.match(s, n.unit_end)
        )
        if (
            model
            and not _names_a_maker(model, mentions)
            # ("Xpeng delivered 16,608 units of the G3" in 2019: its only model then, so its
            # count is the maker's)
            and not any(
                sole_model_of(m.entity.name, model.group(1), state.published) for m, _ in mentions
            )
        ):
            cand.drop("model-level count")  # "it sold 31,950 Dolphin EVs in July"
            continue
        # --- traps
        trap = sentence_trap or _trap_in(s, c0, c0 + len(clause), n)
        if (
            trap is not None
            and trap is not sentence_trap
            and c0 + trap.start() >= n.unit_end
            and _LATER_CONJUNCT.search(s, n.unit_end, c0 + trap.start())
        ):
            # "taking its deliveries for 2022 to 71,941 and beating its full-year goal of
            # 70,000": the goal is the later conjunct's, not this count's
            trap = mx.TRAP.search(s[c0 : n.unit_end])
        if (
            trap is not None
            and trap is not sentence_trap
            and c0 + trap.start() < n.start
            and _RECORD_TO_BEAT.search(s, c0 + trap.end(), n.start)
        ):
            # "这一目标一旦达成，将刷新奇瑞在2025年创下的280.64万辆历史纪录": the record the goal
            # would beat was set; it is a count
            trap = None
        if trap is None and forecast_lead is not None and forecast_lead.start() < c0:
            trap = forecast_lead
        bracket = _BRACKET_BEFORE.search(s, max(0, n.start - 3), n.start)
        if bracket is not None and _GLOSSED_BASE.search(
            s, max(0, bracket.start() - 16), bracket.start()
        ):
            cand.drop("comparison base")  # "销量已超过去年全年(123.27万辆)": the year compared with
            continue
        if trap is None and bracket is not None:
            # "全年目标(600万辆)", "its target (600,000 units)": the bracket glosses the word before
            trap = _GLOSSED_PLAN.search(s, max(0, bracket.start() - 10), bracket.start())
        if (
            trap is None
            and cand.clause > 0
            and _NEW_PREDICATE.match(clause)
            # "..., which manufactured 1.7 million autos last year": a clause that says what
            # happened on its own is no aside of a plan before it
            and not _OWN_PAST_PREDICATE.match(clause)
            # (nor "had aimed for 1.9 million sales but finished the year at 1.23 million")
            and not _BUT_IT_DID.match(clause)
        ):
            # "100,000 charging piles were built, lifting the total number to 210,000": the
            # aside counts what its clause counted
            trap = _trap_in(s, starts[cand.clause - 1], c0, n)
        if (
            trap is None
            and prior is not None
            and prior.dropped
            and prior.reason.startswith("trap: '")
            and _FROM_THE_COUNT_BEFORE.fullmatch(s, prior.number.unit_end, n.start)
            # (not a forecast's base: "may reach 5 million, compared with 3.11 million in 2022"
            # is a count that happened)
            and not mx.FORECAST.search(s)
            and not _PLANNED.search(s)
        ):
            # "to lift weekly production to about 22,000 vehicles, from roughly 17,000 in June":
            # the base of a trapped count counts what it counts
            cand.drop(f"{prior.reason}, said of the count before")
            continue
        if (
            trap is None
            and prior is not None
            and prior.dropped
            and prior.reason.startswith("trap: '")
            and _OPEN_QUOTE.search(s, max(0, prior.number.start - 30), prior.number.start)
            and _IN_THE_QUOTE.fullmatch(s, prior.number.unit_end, n.start)
        ):
            # "销量目标是“保25万辆，争30万辆”": every count of a quoted goal is the goal
            cand.drop(f"{prior.reason}, in the same quote")
            continue
        if (
            trap is None
            and cand.clause > 0
            and _DASH_BEFORE.search(s, starts[cand.clause - 1], c0)
            and cand.clause - 1 not in number_clauses
        ):
            # "Set against the goal its chairman announced in 2021 – annual sales of 4 million
            # units by 2025 – ...": a gloss in dashes of the plan named before it
            trap = mx.FORECAST.search(s, starts[cand.clause - 1], c0)
        if trap is None and cand.clause > 0 and _TO_A_VALUE.match(s, c0):
            # "it intends to double Hongqi's 2020 sales this year, to 400,000 units": the value
            # the clause before was heading to
            trap = mx.TRAP.search(s[starts[cand.clause - 1] : c0])
        if trap is None and cand.clause > 0 and _NTH_PERIOD_IN_WHICH.search(s, 0, n.start):
            # "the seventh month of the year in which Honda sold more than 100,000": how many
            # months passed a bar, no count
            cand.drop("how often a bar was passed")
            continue
        if trap is None and _FOREIGN_COUNT_BEFORE.search(s, c0, n.start):
            cand.drop("another country's count")  # "Japanese customs data showed exports of"
            continue
        if (
            trap is None
            and cand.clause > 0
            and _STILL_THE_SUBJECT.match(clause)
            and not any(c0 <= h.start < n.start for h in hits)
        ):
            # "中国的电动汽车保有量仍是世界最大，达到780万辆": the clause goes on about the trapped
            # noun of the one before
            trap = mx.TRAP.search(s[starts[cand.clause - 1] : c0])
        if (
            trap is None
            and cand.clause > 1
            and _PREDICATE_OF_THE_FIRST.match(clause)
            and not _DIGIT.search(s, 0, c0)
        ):
            # "the combined daily output of the other three, A, B and C, had climbed back to its
            # level of 13,000": the predicate of the sentence's subject, past an apposition
            trap = mx.TRAP.search(s[:c0])
        if (
            trap is None
            and cand.clause > 0
            and (_OF_WHICH.match(s, c0) or _OF_THEM.match(s, n.unit_end))
        ):
            # "机动车保有量达4.06亿辆，其中新能源汽车1001万辆": a part of a trapped count is one too
            # ("a target of 3 million vehicles, 21.7% more than in 2022, including 600,000
            # NEVs": past clauses with a rate or a year only)
            total = _clause_with_a_number(s, starts, bounds, cand.clause, _A_COUNT)
            if total is None:
                total = _clause_with_a_number(s, starts, bounds, cand.clause)
            # (or the clause just before it: "这是单航次出口最多的一批汽车，其中新能源汽车2800辆")
            whole = cand.clause - 1 if total is None else total
            trap = _trap_outside_glosses(s, starts[whole], bounds[whole])
        if trap is None and cand.clause > 0:
            # "湖北提出了“双百万”目标：助力…，同时推动…年产量迈上100万辆台阶": every clause after
            # a plan's label is the plan
            trap = _PLAN_COLON.search(s, 0, c0)
            colon = max(s.rfind("：", 0, c0), s.rfind(":", 0, c0))
            if trap is None and colon > 0 and not _GOAL_MET.search(s, 0, colon):
                # "在…销量总目标中，要实现…三个翻番增长：…超过60万辆": what the plan spells out
                # (not "a target of 200,000, and it has already passed that mark: from January
                # to October it exported 212,959", the count that met it)
                trap = _PLAN_BEFORE_A_COLON.search(s, 0, colon)
        if trap is None and cand.clause > 0 and _PLAN_LABEL.search(s, starts[cand.clause - 1], c0):
            # "十二五规划：年销量600万辆", "差距：75.9万辆": a plan's label, then its value
            trap = mx.TRAP.search(s[max(starts[cand.clause - 1], c0 - 4) : c0])
        if (
            trap is None
            and cand.clause > 0
            and (
                _VERBLESS.match(clause)
                or _REVISED.match(clause)
                or _BARE_COUNT.fullmatch(clause.strip(" ,，.。;；\"'”"))
            )
        ):
            # "Henan aims to build ..., with annual output of 2 million": the plan governs it
            trap = _governing_forecast(s, starts, cand.clause)
        if (
            trap is None
            and cand.clause > 1
            and _LIST_ITEM.match(clause)
            and _VERBLESS.match(s, starts[cand.clause - 1])
        ):  # "..., including 26 million units of passenger vehicles, four million units of ..."
            trap = _governing_forecast(s, starts, cand.clause - 1)
        if trap:
            cue = trap.group(0).strip()
            cand.drop(f"trap: {cue!r}")
            continue
        if (
            cand.clause > 0
            and _BARE_COUNT.fullmatch(clause.strip(" ,，.。;；\"'”"))
            and _ENDS_WITH_A_COUNT.search(s, starts[cand.clause - 1], c0)
        ):
            cand.drop("a rounded restatement of the count before")  # "491万辆，接近500万辆"
            continue
        if (
            cand.clause > 0
            and _A_BAR_PASSED.match(clause)
            and (
                earlier_counts := [
                    c for c in cands if c.number.counts == VEHICLE and c.clause < cand.clause
                ]
            )
            and earlier_counts[-1].number.value > n.value
        ):
            # "exports reached 753,000 units, topping 700,000 units again after November", also
            # with growth rates between them: the bar the count before passed
            cand.drop("a bar the count before passed")
            continue
        lead_clause = s[starts[cand.clause - 1] : c0] if cand.clause else ""
        if _BEFORE_A_YEAR.search(clause) or (
            cand.clause - 1 not in first_number and _BEFORE_A_YEAR.search(lead_clause)
        ):
            cand.drop("some time before a year: no period")  # "2023年之前, ... 不到10万辆"
            continue
        if _AT_ONE_POINT.search(s, c0, n.start) and not any(
            p.explicit for p in lead_parts[: cand.clause + 1]
        ):
            cand.drop("at one point, no time said: no period")  # "年产量一度突破300万辆"
            continue
        if (
            _TOOK_BEFORE.search(s, max(0, n.start - 60), n.start)
            or _SPAN_FROM_BEFORE.search(s, max(0, n.start - 12), n.start)
            # (not "到2024年11月累计达成1000万辆，只用了3年半时间": its clause says when)
            or (
                _TOOK_AFTER.match(s, n.unit_end)
                and not (lead_parts[cand.clause].month is not None and lead_parts[cand.clause].year)
            )
            or _TOOK_THEN_BEFORE.search(s, max(c0 - 30, 0), n.start)
            or ("从" in s[c0 : n.start] and _TOOK_A_NAMED_ONE_AFTER.match(s, n.unit_end))
            or (
                _FROM_A_MARK_TO_BEFORE.search(s, max(0, n.start - 60), n.start)
                and _TOOK_LATER.match(s, n.unit_end)
            )
            # "从第40万辆到第50万辆量产车下线，只用了100天": the mark it went from
            or (
                _FROM_A_MARK_ZH.search(s, max(0, n.start - 12), n.start)
                and _TO_A_MARK_THEN_TOOK.match(s, n.unit_end)
            )
        ):
            # "从0到1000万辆用了20多年", "it took 82 months to get the first 500,000": how long
            # a milestone took, not when it was reached
            cand.drop("the time a milestone took (when it was reached is not said)")
            continue
        if mx.CAPACITY_AFTER.match(s[n.unit_end : n.unit_end + 20]):
            cand.drop("trap: capacity")
            continue
        if _SIGNED_BEFORE.search(s, max(0, n.start - 3), n.start):
            cand.drop("trap: a signed change ('上汽大众(+3.6万辆)', '(+4,000)')")
            continue
        if _ON_TRACK_FOR.search(s, max(0, n.start - 40), n.start):
            cand.drop("trap: a forecast ('on track for')")  # "on track for 600,000 this year"
            continue
        if cand.clause == 0 and _TO_REACH_OPENING.match(s, 0, n.start):
            cand.drop("trap: a goal ('To reach ...')")  # "To reach 60,000, BYD must sell"
            continue
        if mx.LEVEL_AFTER.match(s, n.unit_end):
            cand.drop("trap: a size class ('the 60,000 level', 十万辆级)")
            continue
        if _MARGIN_AFTER.match(s, n.unit_end):
            cand.drop("trap: a margin between two counts ('以约2万辆的微弱差距领先')")
            continue
        if _THOSE_ABOVE_BEFORE.search(s, max(0, n.start - 80), n.start):
            cand.drop("trap: a bar the ones counted pass ('among the makers selling over 10,000')")
            continue
        if _TO_ONE_MARKET.match(s, n.unit_end) or _TO_A_MARKET_BEFORE.search(s, c0, n.start):
            cand.drop("a part of the maker (segment, body type or market)")
            continue
        if _BATCH_TO.match(s, n.unit_end) and _HANDED_BEFORE.search(
            s, max(0, n.start - 30), n.start
        ):
            cand.drop("one batch for one buyer")
            continue
        before = s[c0 : n.start]
        own_time = parts_all.tie_at(n.start)
        if (
            mx.BASE_BEFORE.search(before[-25:])
            or mx.BY_MARGIN.search(before[-80:])
            or _CHANGE_AGAIN.search(s, max(0, n.start - 80), n.start)
            or mx.BASE_AFTER.match(s[n.unit_end :])
            or _MORE_THAN_APART.match(s, n.end)
            or (
                _PRIOR_BRACKET_END.match(s, n.unit_end)
                and _PRIOR_IN_BRACKETS.search(s, max(0, n.start - 80), n.start)
            )
        ) and not (
            own_time and own_time.base
        ):  # a base whose earlier period is known is a figure of that period
            cand.drop("comparison base")
            continue
        if (
            prior
            and prior.reason == "comparison base"
            and _LISTED_AFTER.fullmatch(s, prior.number.unit_end, n.start)
        ):
            cand.drop("comparison base")  # "分别多出29.71万辆、30.53万辆": all of the list
            continue
        # --- qualifier
        q = mx.qualifier_before(before[-30:])
        if q in ("at_least", "at_most") and own_time and own_time.base and _THAN_THE.search(before):
            # "178% more than the 5,820 it sold": a comparison, not a bound ("the month before,
            # when it sold more than 50,000" stays a bound)
            q = None
        if q in ("at_least", "at_most") and _LEVEL_OF.search(before):
            q = None  # "far exceeding the level of 150,000 vehicles last year": a comparison
        if q is None and n.after_qualifier:
            q = n.after_qualifier
        if q is None and mx.is_threshold(s[n.end : n.end + 30]):
            q = "at_least"
        if (
            q is None
            and prior is not None
            and not prior.dropped
            and prior.qualifier in ("at_least", "at_most", "approx")
            and _LISTED_AFTER.fullmatch(s, prior.number.unit_end, n.start)
            and (
                prior.bound_of_list
                or mx.qualifier_before(s[max(0, prior.number.start - 30) : prior.number.start])
            )
            # a list of counts said respectively, or of bare numbers (not "over 20,000 cars,
            # and 15,000 of them ...")
            and (respectively or prior.number.unit_end == prior.number.end)
        ):
            # "分别突破5万辆和4万辆", "分别突破A、B和C", "exceeded 50,000 and 40,000": the bound
            # said before the first of a list holds for each
            q, cand.bound_of_list = prior.qualifier, True
        cand.qualifier = q or "exact"
        streak_after = _STREAK.search(s, n.end, c1)
        if streak_after and _STREAK_MARK.search(s, streak_after.end(), c1):
            streak_after = None  # "交付超2万台 连续两月破两万": the streak has its own mark
        year_streak = _YEAR_STREAK.search(s, c0, c1) or _YEAR_STREAK_OPENING.match(s)
        # (a streak told of in another part of a semicolon list is that part's: "Leapmotor
        # passed 70,000, its ninth month in a row; VOYAH delivered more than 20,000")
        part_start = max(s.rfind(";", 0, n.start), s.rfind("；", 0, n.start)) + 1
        streak_before = _STREAK.search(s, part_start, n.start)
        if streak_before and _RUNNING_TOTAL_WORD.search(s, streak_before.end(), n.start):
            # "… for a fifth consecutive month, and its cumulative deliveries now exceed
            # 180,000": a running total told after the streak, no threshold of it
            streak_before = None
        if cand.qualifier != "exact" and (streak_before or streak_after or year_streak):
            # "above 10,000 for the third month in a row": a streak claim's threshold
            cand.drop("the threshold of a streak (a claim, not a figure)")
            continue
        # --- metric
        in_clause = [h for h in hits if c0 <= h.start < c1]
        if n.counts != VEHICLE and not n.ordinal:
            cand.doubts.append(D_NO_UNIT)
        # a metric word after the number and past "and" or a comma is the next number's
        # ("output totaled X and sales reached Y", "of which 127,000 were NEVs and 36,000 were
        # exported"): the number's own is nearer, or before it
        owned = [h for h in in_clause if h.start < n.start or _attached_after(s, n.unit_end, h)]
        # "Sales at Aito, which Seres builds with Huawei, rose to 52,000": the verb of an aside
        # about the name tells what the name does, not what was counted
        owned = [h for h in owned if not _in_an_aside(s, h.start, n.start)] or owned
        of_which = [h for h in hits if _OF_WHICH_WERE.fullmatch(s, n.unit_end, h.start)]
        if of_which:
            # "44,264 vehicles, 31,379 of which were exported": the verb of the part's own
            # relative clause (a clause of its own), not the total's before it
            cand.metric = of_which[0].kind
        elif owned:
            nearest = min(owned, key=lambda h: abs(h.start - n.start))
            # "3.02 million were produced and 2.99 million units were sold": the number's own
            # passive verb, nearer in grammar than the verb of the number before it
            passive = [
                h
                for h in owned
                if h.start > n.start and _AUXILIARY_BEFORE.search(s, max(0, h.start - 14), h.start)
            ]
            if passive and nearest.start < n.start:
                nearest = passive[0]
            # "822,000 vehicles produced in the province were exported": the finite verb
            # says what was counted, not the participle describing the vehicles
            finite = [
                h
                for h in in_clause
                if h.start > nearest.start
                and h.start - n.unit_end <= 60
                and _GAP_BREAK.search(s, n.unit_end, h.start) is None
                and _AUXILIARY_BEFORE.search(s, max(0, h.start - 14), h.start)
            ]
            cand.metric = (finite[0] if nearest.start > n.start and finite else nearest).kind
        elif in_clause and not any(h.start < n.start for h in hits):
            cand.metric = in_clause[0].kind
        else:
            before_hits = [h for h in hits if h.start < n.start]
            # (the verb of an aside about a name, as in the number's own clause)
            # ("Xpeng Inc, which is meant to be ramping up output, sat further down the table
            # with just 4,545 EVs": a relative clause's metric is not the count's)
            outside = [h for h in before_hits if not _in_an_aside(s, h.start, n.start)]
            before_hits = outside or [
                h for h in before_hits if not _RELATIVE_ASIDE.match(s, s.rfind(",", 0, h.start) + 1)
            ]
            # (nor a bracket closed before the count: "32,968辆（其中出口24,347辆），仅次于比亚迪
            # 的50,387辆" tells BYD's sales)
            before_hits = [
                h for h in before_hits if not _in_a_closed_bracket(s, h.start, n.start)
            ] or before_hits
            # (not past another count's own number: "in September with 10,412 electric
            # vehicles, and celebrated its 100,000th vehicle off the line")
            after_hits = [
                h
                for h in hits
                if h.start > n.start
                and not any(n.end < c.number.start < h.start for c in cands if c is not cand)
                # (nor past 其中: "以27.02万辆位居次席，…，其中出口6.05万辆" tells a part's metric)
                and not _PART_OF_THE_BEFORE.search(s, n.end, h.start)
            ]
            if before_hits:
                cand.metric = before_hits[-1].kind
                if not _continues_the_count(s, starts, bounds, cand.clause):
                    cand.doubts.append(D_METRIC_AWAY)
            elif after_hits:
                cand.metric = after_hits[0].kind
                cand.doubts.append(D_METRIC_AWAY)
            elif n.counts == VEHICLE and (
                _CPCA_CITED.search(s)
                or _MARKET_SIZE.search(s, 0, n.start)
                # "比亚迪以11万辆的成绩稳坐头把交椅": the result a ranking of sales is made of
                or _A_RANKING_RESULT.match(s, n.unit_end)
            ):
                # "NEVs … reached 878,000 units last month, according to CPCA figures": the
                # passenger car association counts sales; so does the size of a car market
                # ("China's auto market expanded 3.8% to 26 million units")
                cand.metric = "sales"
                cand.doubts.append(D_METRIC_AWAY)
            elif state.carry_metric and (
                n.counts == VEHICLE
                or q == "at_least"
                # "New energy vehicles made up 18,813 of those", "Of the total, 15,283 were new
                # energy vehicles": a part of the count just told
                or _OF_THEM_AFTER.match(s, n.unit_end) is not None
                or _OF_THE_TOTAL.match(s) is not None
                or n.ordinal
                # "That's a little higher than in April (75,842)": a base is counted as what
                # it is compared with
                or (own_time is not None and own_time.base)
                # "In 2023 the figures were 131,805 in the fourth quarter, ...": the counts
                # said before, told again for another time
                or _THE_FIGURES.search(s, 0, n.start) is not None
                # "volume dropped by 40.7% to 88,868": a count of what was counted before
                or _VOLUME_BEFORE.search(s, max(0, n.start - 60), n.start) is not None
                # "The second quarter came in at 1.6 million, and the first quarter at 1.4
                # million": a time standing for the count told before, for another time
                or _A_TIME_AS_SUBJECT.search(s, max(0, n.start - 60), n.start) is not None
                # "Chery, MG and Geely took the first three places with 69,800, 32,400 and
                # 30,400 units" after the ranking of exports: what the ranking counts
                or _PLACES_WITH.search(s, 0, n.start) is not None
                # "That left the brand eighteenth in the ranking, behind Wuling (41,108)"
                or _IN_THE_RANKING.search(s, 0, n.start) is not None
                # "Li Auto: 8,589 (+11.4% MoM); 38,743 YTD" under "the July delivery numbers
                # are out": a line of a list of what was counted before
                or _a_name_and_its_counts(s)
            ):
                trapped = [
                    c.reason
                    for c in cands
                    if c.dropped
                    and c.number.start < n.start
                    and c.reason.startswith("trap: '")
                    and mx.TRAP.search(s[starts[c.clause] : c.number.start])
                ]
                if trapped:
                    # "81个城市的汽车保有量超过100万辆，37个城市超过200万辆": the clauses that go on
                    # without a metric word count what the trapped count before them counts (its
                    # trap word said before it: not "在2万辆级别，极氪(28843辆)…")
                    cand.drop(f"{trapped[0]}, said of the count before")
                    continue
                cand.metric = (labelled_line and state.line_metric) or state.carry_metric
                cand.doubts.append(D_METRIC_CARRIED)
        if cand.metric == "exports" and _TO_THE_HOME_MARKET_AFTER.match(s, n.unit_end):
            cand.metric = "sales"  # the home market's part, not the exports of a clause before
        if cand.metric is None:
            cand.drop("no metric word")
            continue
        if labelled_line:
            state.line_metric = cand.metric
        off_the_line = n.ordinal and (
            # "the brand's 7 millionth truck, a white Jiefang J7, came off the assembly line"
            (not in_clause and _OFF_THE_LINE_PAST_AN_ASIDE.match(s, n.unit_end) is not None)
            # "Jiefang trucks hit record sales as 7 millionth unit leaves the line" (not "three
            # years after its 1 millionth NEV left the line": a milestone of the past)
            or (
                _OFF_THE_LINE.match(s, n.unit_end) is not None
                and not _AFTER_A_MILESTONE.search(s, max(0, n.start - 16), n.start)
            )
            # "the ceremony celebrating the rollout of the company's one-millionth vehicle"
            or _ROLLOUT_OF_BEFORE.search(s, max(0, n.start - 40), n.start) is not None
        )
        if off_the_line:
            cand.metric = "production"
        if n.ordinal and _DESTINED_ABROAD.match(s, n.unit_end):
            # "has built the 15,000th bus destined for Africa": a count of one market abroad
            cand.drop("a count in one market outside China, not the subject's figure")
            continue
        if n.ordinal and (not (in_clause or off_the_line) or n.counts != VEHICLE):
            cand.drop("a milestone (the Nth vehicle) without its own verb")
            continue
        if cand.metric in ("sales", "deliveries") and _OF_THEM.match(s, n.unit_end):
            # "316,018 left for foreign buyers, with 33,476 of them sold in December": a part
            # of the exports just counted is exports too
            earlier = [c for c in cands if c.number.start < n.start and c.metric is not None]
            if earlier and earlier[-1].metric == "exports":
                cand.metric = "exports"
        if n.counts == NEUTRAL and not n.ordinal and cand.metric == "exports" and q is None:
            # "exports of 43 billion" without a unit is usually money already caught; be safe
            pass
        # --- segment
        # "of which 127,000 were NEVs and 36,000 were exported": what another number is said
        # to be is that number's segment
        theirs_said = [
            said.span("what")
            for c in cands
            if c is not cand and (said := _PREDICATE_AFTER.match(s, c.number.unit_end))
        ]
        seg_clause = [
            h
            for h in segs
            if c0 <= h.start < c1
            and not any(a <= h.start < b for a, b in theirs_said)
            # "exports pass 600,000 in September as NEV shipments double": the kind of the
            # subject of a clause of its own after the count (or before it: "EV deliveries pass
            # 120,000 as 2024 sales top 683,000")
            and not (h.start > n.end and _CLAUSE_OF_ITS_OWN.search(s, n.end, h.start))
            and not (h.end <= n.start and _AS_ITS_OWN_COUNT.search(s, h.end, n.start))
        ]
        if n.start in paired_segments:
            cand.segment = paired_segments[n.start]
        elif seg_clause:
            cand.segment = min(seg_clause, key=lambda h: abs(h.start - n.start)).kind
        else:
            # "..., of all passenger car sales, which totaled 2.27 million": the relative
            # clause counts the noun before it, share or not
            relative = cand.clause > 0 and _RELATIVE_CLAUSE.match(s, c0) is not None
            seg_before = [
                h
                for h in segs
                if h.start < n.start
                and not any(a <= h.start < b for a, b in theirs_said)
                and (relative or not mx.SHARE.search(s[max(0, h.start - 25) : h.start]))
                # "其中新能源车型销量16万辆，…，1-11月累计销量278.8万辆": a part's kind stays in
                # the part's clause (but a sentence that opens on it is all about the part:
                # "其中新能源汽车销量1684辆，本年累计销量12411辆")
                and not (
                    (part_clause := clause_of(starts, h.start)) > 0
                    and _A_PART_OPENS.match(s, starts[part_clause])
                )
                # "Its NEV sales eased to 903,558 units, while 1,066,915 vehicles in all were
                # exported": the kind of another metric's count stays with it
                and not _another_metrics_kind(h, cand, cands, starts)
                and not _AS_ITS_OWN_COUNT.search(s, h.end, n.start)
            ]
            if seg_before:
                cand.segment = seg_before[-1].kind

        # --- period
        def later_part(i: int, cand: _Candidate = cand) -> bool:
            """Clause ``i`` is a part after the count, with a count of its own ("including")."""
            return (
                i > cand.clause
                and i in number_clauses
                and _OF_WHICH.match(s, starts[i]) is not None
            )

        own = _without_others_times(lead_parts[cand.clause], parts_all, n.start, s)
        others_time = own is not lead_parts[cand.clause]
        # "the Audi brand sold 36,900 units and kept the largest market share … from January to
        # April": the time of a share or a rank held, in a conjunct after the number; "BMW's
        # China NEV deliveries pass 400,000 as 2024 sales top 714,000": of a clause of its own
        not_its_own = {
            (a, b)
            for a, b, values in own.components
            if a > n.start
            and (
                _A_RANK_HELD.search(s, n.start, a) is not None
                # "more than 3 million sales in 2023 and over 6 million sales cumulatively": the
                # running total of the count after this one
                or (values.get("lifetime") and any(n.end < c.number.start < a for c in cands))
                or _CLAUSE_OF_ITS_OWN.search(s, n.end, a) is not None
                # "赛力斯（超42万辆）……昊铂BU（12月销量40066辆）": in brackets that hold a count
                # of their own
                or _bracketed_apart(s, a, b, n.start)
            )
        }
        if not_its_own:
            own = own.without(not_its_own)
        before_lead = [
            p
            for i, p in enumerate(lead_parts)
            if i in others
            and starts[i] < n.start
            # "7月…卖出10500辆，下半年实现开门红；陕汽以9009辆排名第二": the good start of a
            # longer time (its first month, said before) dates no count after it
            and not (i not in number_clauses and _GOOD_START.search(s, starts[i], bounds[i]))
            # "广汽埃安交付40066辆，其中i60首月销量即破万；极氪交付30267辆": words of time that
            # name no time ("首月") in another maker's part of the sentence tell nothing of this
            and not (
                not p.explicit
                and p.as_of is None
                and _SEMI.search(s, starts[i], n.start)
                and any(part_start <= m.start < n.start for m, ok in mentions if ok)
            )
        ]
        if any(p.explicit and not _compared_elsewhere(s, p, n) for p in [own, *before_lead]):
            # "Deliveries more than doubled from last year, and in October it delivered 70,289":
            # the time compared with is not the year of the time the count has (but "halved
            # from December, when it had climbed above 10,000" dates the count by it)
            before_lead = [p for p in before_lead if not _compared_elsewhere(s, p, n)]
        # "..., with a strong finish in December, when it sold 3,512": December is 3,512's
        theirs = {
            i
            for i in range(len(starts) - 1)
            if i + 1 in number_clauses and i + 1 != cand.clause and _WHEN_NEXT.match(s, bounds[i])
        }

        after_lead = [
            p
            for i, p in enumerate(lead_parts)
            if i in others
            and starts[i] > n.start
            and i not in theirs
            # "…，均在年末交出亮眼答卷": when the counts were told, not what they count
            and not all(_YEAR_END.fullmatch(s, a, b) for a, b in p.spans)
            # "其中出口2.5万辆；今年以来，上海工厂已累计交付约78万辆": a time alone in its
            # clause leads the count of the clause after it
            and i + 1 not in number_clauses
            # "sales came to 34,000, and the brand launched the Envision S in July": an event's
            # (nor "理想仅交付28529辆，自5月起已连续三个月环比下降": when a streak began)
            and not (
                i not in number_clauses
                and (
                    _EVENT.search(s, starts[i], bounds[i])
                    or _STREAK.search(s, starts[i], bounds[i])
                    # "极氪销量22.2万辆，…，并在第三季度首次实现盈利": when money was made
                    or _MONEY_MADE.search(s, starts[i], bounds[i])
                )
            )
            # "其中新能源汽车销量1684辆，本年累计销量12411辆": a time leading a later clause's
            # own count is that count's
            and not (i in number_clauses and p.spans and p.spans[0][0] < first_number[i])
            # "sold 720,700 vehicles, including 70,400 in December": a part's time is the part's
            and not later_part(i)
            # "…, well above the 44.6% seen in April 2024", "…, matching its 2020 total": a
            # time that only dates what is compared with lends none
            and not _only_reference_times(s, p)
            and not _compared_elsewhere(s, p, n)
            # "小鹏回到一万辆以上，…；问界延续了今年以来的低迷": a later clause about another
            # subject, with no count, tells of that one
            and not (i not in number_clauses and _about_another(makers_named, i, cand.clause))
        ]
        if parts_all.empty and state.paragraph > 0 and _a_heading_line(work, start, end):
            # "广汽埃安:80万辆,同比增幅66%" over a section: a heading's count, its time told in the
            # section (or not at all: a target)
            cand.drop("a heading's count, no time of its own")
            continue
        parts = own
        if own.empty and not n.ordinal and not _continues_the_count(s, starts, bounds, cand.clause):
            cand.doubts.append(D_PERIOD_AWAY)
        # "从第一辆2019年12月交付用户,到第5万辆交付达成": the time of the first car is not a
        # milestone's
        firsts = (
            {i for i in range(len(starts)) if _FIRST_EVENT.search(s, starts[i], bounds[i])}
            if n.ordinal
            else set()
        )
        if firsts:
            before_lead = [p for p in before_lead if all(p is not lead_parts[i] for i in firsts)]
            after_lead = [p for p in after_lead if all(p is not lead_parts[i] for i in firsts)]
        if n.ordinal:
            # "上半年财报…,随后迎来第100万辆整车下线": a span another clause reports on is no
            # milestone's time; a day or a month it was reached on is
            before_lead = [p for p in before_lead if not _a_span(p)]
            after_lead = [p for p in after_lead if not _a_span(p)]
        # "蔚来下半年实现反弹，上月交车量达4.81万辆": last month is a whole time on its own, and so
        # is 当月 ("截至3月底经销商已复工，当月销量超过4万辆")
        whole = own.last_month or own.this_month or own.that_month
        # "7月销量同比下降24.6%；高端品牌昊铂2024年仅售出1.56万辆": a year of its own is whole; no
        # month said before a semicolon dates it
        semicolon = (
            max(s.rfind("；", 0, c0), s.rfind(";", 0, c0)) if own.year and not own.month else -1
        )
        for extra in reversed(before_lead) if not whole else ():
            if extra.spans and extra.spans[-1][1] <= semicolon:
                continue
            if own.year is not None and (extra.year or extra.year_rel or extra.ytd):
                continue  # "今年前4个月…，而2021年1-4月哈弗累计销售…": the clause's own year
            parts = parts.merge(extra)
        named_month = [
            p
            for p in before_lead
            if p.month and p.as_of is None and sum("month" in v for _, _, v in p.components) == 1
        ]
        if own.that_month and named_month:
            parts = parts.merge(named_month[-1])  # "7月份，…当月出口24347辆": that July
        if _running_total_beside(cand, own, parts, cands, lead_parts, mentions, starts):
            # "前10个月，理想汽车总交付量达62919辆，理想ONE累计交付量达96516辆": the year so far has
            # its count already; the running total told beside it counts since the start
            parts.since_start = True
        part_list = _part_opening(s, starts, lead_parts, cand.clause) if parts.empty else None
        if part_list is not None:
            # "今年以来总销量92163辆,同比下降26.66%;其中新能源汽车44800辆,赛力斯汽车为25761辆": the
            # parts count over the time of their whole, the count before them
            listed_from = starts[part_list]
            whole_count = next((c for c in reversed(cands) if c.number.start < listed_from), None)
            if whole_count is not None:
                whole_tie = parts_all.tie_at(whole_count.number.start)
                if whole_tie is None:
                    parts = parts.merge(lead_parts[whole_count.clause])
                elif not whole_tie.base:
                    parts = parts.merge(whole_tie.parts)
        if parts.empty:
            for extra in after_lead:
                parts = parts.merge(extra)
        if parts.empty:
            # "蔚来12月交付10489台…；江淮新能源汽车生产超过4万辆": another subject's part of the
            # sentence lends no time to a part that names its own
            by_part: dict[int, set[str]] = {}  # part of the sentence -> its subjects
            for m, ok in mentions:
                if ok:
                    by_part.setdefault(len(_SEMI.findall(s, 0, m.start)), set()).add(m.entity.name)
            part = len(_SEMI.findall(s, 0, n.start))
            here = by_part.get(part, set())
            clause_subjects = [
                {m.entity.name for m, ok in mentions if ok and starts[i] <= m.start < bounds[i]}
                for i in range(len(starts))
            ]
            # enumerations: "A delivered 36,275, B 36,728 and C 33,181 in November"
            near = sorted(
                (
                    p
                    for i, p in enumerate(lead_parts)
                    if i != cand.clause
                    and i not in theirs
                    and i not in firsts
                    and not _TREND_CLAUSE.match(s, starts[i])
                    and not _DATA_RELEASED.search(s, starts[i], bounds[i])
                    and not (
                        here
                        and (there := len(_SEMI.findall(s, 0, starts[i]))) != part
                        and not here & by_part.get(there, set())
                    )
                    # "..., bringing its total for the first ten months to 441,995": a new
                    # predicate's time is its own number's
                    and not (i in number_clauses and _NEW_PREDICATE.match(s, starts[i]))
                    # (nor a time that only dates what is compared with, as above)
                    and not _only_reference_times(s, p)
                    and not _compared_elsewhere(s, p, n)
                    # "exports rose to 403,700, and its NEV sales hit 170,000 in December": so
                    # is the time of a later conjunct with its own subject, after its count
                    and not (
                        i > cand.clause
                        and i in number_clauses
                        and _CONJUNCT_WITH_ITS_SUBJECT.match(s, starts[i])
                        and _trails_own_count(p, parts_all)
                    )
                    # "Tesla, which outsold BYD in the fourth quarter, delivered 1.81 million":
                    # a relative clause's time is what it tells of the name before
                    and not (i not in number_clauses and _WHICH_CLAUSE.match(s, starts[i]))
                    # (nor the time of a part after the count, as above)
                    and not later_part(i)
                    # "海外销售4.5万辆,1-11月累计海外销售40.4万辆": a time leading a later
                    # clause's number is that number's
                    and not (
                        i > cand.clause
                        and i in number_clauses
                        and p.spans
                        and p.spans[0][0] < first_number[i]
                    )
                    # "其中，新能源汽车销量约3.68万辆，…；1-8月，东风集团…销量约19.64万辆": so is a
                    # later time alone in its clause, before the next clause's number
                    and not (
                        i > cand.clause
                        and i + 1 in number_clauses
                        and _time_alone(s, p, starts[i], bounds[i])
                    )
                    # "..., with a strong finish in December, when it sold 3,512": the time
                    # of the "when" clause's number
                    and not (
                        i > cand.clause
                        and i + 1 in number_clauses
                        and _WHEN_CLAUSE.match(s, starts[i + 1]) is not None
                    )
                    # "理想交付44246辆，第四季度累计109194辆，极氪交付30267辆": the time of a
                    # clause that goes on about the maker before is that maker's
                    and not (
                        i < cand.clause
                        and i in number_clauses
                        and _goes_on_about_another(i, cand.clause, clause_subjects)
                    )
                    # ("the Onvo brand 37,656 units" after "NIO brand delivered 36,928 in
                    # the quarter": the quarter said in the first conjunct)
                    and (p.explicit or p.as_of is not None or p.that_quarter)
                    and not _PLANNED.search(s, starts[i], bounds[i])
                    # (nor the time of an event or of money made: "极氪销量22.2万辆，同比增长87%，
                    # 并在第三季度首次实现盈利")
                    and not (
                        i not in number_clauses
                        and (
                            _EVENT.search(s, starts[i], bounds[i])
                            or _MONEY_MADE.search(s, starts[i], bounds[i])
                        )
                    )
                    # "理想仅交付28529辆，自5月起已连续三个月环比下降": when a streak began
                    and not (
                        i > cand.clause
                        and i not in number_clauses
                        and _STREAK.search(s, starts[i], bounds[i])
                    )
                    and not (n.ordinal and _a_span(p))
                ),
                key=lambda p: abs(p.spans[0][0] - n.start),
            )
            if near:
                parts = near[0]
        # no time said but the ordinal itself ("3 millionth", 第50万台)
        timeless = all(n.start <= a and b <= n.unit_end + 2 for a, b in parts.spans)
        if n.ordinal and _ordinal_of_a_month(s, n):
            # "10月第10000辆出口重卡", "its 14,000th truck exported in February": the count of
            # that month has reached it, no running total since the start
            cand.qualifier = "at_least" if cand.qualifier == "exact" else cand.qualifier
        elif n.ordinal or (
            (
                _MILESTONE_OF.search(s, max(0, n.start - 30), n.start)
                or _MILESTONE_AFTER.match(s, n.end)
            )
            # not "monthly sales achieved the milestone of 100,000": one month's count
            and not _A_MONTHS_COUNT.search(s, starts[cand.clause], n.start)
            # nor "reaching the milestone of 10,000-unit monthly deliveries"
            and not _MONTHLY_AFTER.match(s, n.end)
        ):
            # "the 10 millionth car", "a production milestone of 2 million EVs": since the start
            parts.lifetime = True
            parts.year_alone = False  # "从2018年交付第一台到今天第50万台": no year's count
        own_tie = parts_all.tie_at(n.start)
        if (
            own_tie is not None
            and (own_tie.parts.month or own_tie.parts.quarter or own_tie.parts.half)
            and own_tie.parts.year is None
            and own_tie.parts.year_rel is None
        ):
            # "28,843 in November versus 27,000 in October and 20,000 in November 2024": a
            # year said with another number's own time is that number's
            milestone = parts.lifetime
            parts = parts.without(_years_of_other_ties(parts_all, n.start))
            if milestone:  # ("its 500,000th car in May")
                parts.lifetime, parts.year_alone = True, False
            opening = _OPENING_YEAR.match(s)
            if opening is not None and parts.year is None and parts.year_rel is None:
                # "In 2023 the figures were 131,805 in the fourth quarter, 105,108 in the
                # third, ...": the year the sentence opens with is every listed time's
                parts = replace(parts, year=int(opening.group(1)))
        if (
            parts.lifetime
            and parts.month is not None
            and _FIRST_OF_A_RUN.search(s, max(0, n.start - 12), n.start)
        ):
            parts = replace(parts, lifetime=False, since_start=False)
        told = state.told_period
        if (
            told is not None
            and told.kind == "month"
            and parts.month == told.start.month
            and parts.year is None
            and parts.year_rel is None
            and told.end.year < state.published.year
        ):
            # "2023年6月，吉利开始披露银河销量。6月份售出9673辆": the month a sentence without
            # figures told of, said again
            parts = replace(parts, year=told.end.year)
        period = (
            resolve(parts, state.published, _carried_for(parts, state, s), announce)
            if not parts.empty or n.ordinal
            else None
        )
        listed_year = _year_listed_before(parts_all, n.start) if own_tie is not None else None
        whole_year = _year_of_the_whole(s, parts, n.start)
        if whole_year is not None:
            # "2021年全年交付90,491辆，其中第一季度12,579辆": the parts of a year's count are
            # of that year
            parts = replace(parts, year=whole_year, year_rel=None)
            period = resolve(parts, state.published, _carried_for(parts, state, s), announce)
        elif (
            counted_down := _year_of_quarters_counted_down(
                *_own_and_earlier_times(parts_all, n.start, lead_parts, cand.clause)
            )
        ) is not None:
            # "2022年第四季度46,319輛；第三季度26,524輛；第二季度28,687輛": quarters counted down
            # from one with its year are of that year
            parts = replace(parts, year=counted_down, year_rel=None)
            period = resolve(parts, state.published, _carried_for(parts, state, s), announce)
        elif listed_year is not None and _not_over(period, state.published):
            # "158,696 in Q4 2024, 152,831 in Q3, ... and 80,400 in Q1" in March 2025: a time
            # not over yet in its own year is one of the year said before it in the list
            parts = replace(parts, year=listed_year, year_rel=None)
            period = resolve(parts, state.published, _carried_for(parts, state, s), announce)
        elif (
            parts.year_alone
            and parts.year is not None
            and not (parts.month or parts.months or parts.quarter or parts.half or parts.ytd)
            and state.carry_period is not None
            and state.carry_period.kind in ("month", "quarter", "half", "ytd")
            and parts.year < state.carry_period.end.year
            and _THE_SAME_COUNT_IN_A_YEAR.search(s, 0, n.start)
        ):
            # "1月，比亚迪售出7,018辆。而在2019年，这一数字超过28,000辆": that January, in 2019
            period = shift_year(state.carry_period, parts.year)
        if (
            period is not None
            and period.kind == "lifetime"
            and not n.ordinal
            and not parts.since_start
            and parts.as_of is None
            and parts.month is None
            and parts.year is None
            and parts.year_rel is None
            and "累计" in s[starts[cand.clause] : n.start]
            and (span := _span_of_the_list(s, cands, cand)) is not None
        ):
            # "1-10月蔚来累计交付新车70062台，小鹏汽车累计交付66542台": each maker's 累计 of
            # the list is over the span its first item told
            period = span
        if (
            period is not None
            and period.kind == "lifetime"
            and n.ordinal
            and timeless
            and state.carry_period is None
        ):
            # "BMW Brilliance rolls 3 millionth car off production line", out on 4 April: the
            # news of the day (or of the weekday it names), not a running total to the end of
            # the month before
            period = Period("lifetime", period.start, _weekday_said(s, state.published))
        elif period is not None and period.kind == "lifetime" and n.ordinal and _TODAY.search(s):
            # "今天……我们见证了第500万辆新能源汽车下线": the mark was passed the day it is told
            period = Period("lifetime", period.start, state.published)

        if (
            period is not None
            and period.kind == "ytd"
            and not n.ordinal
            and parts.month is None
            and parts.months is None
            and parts.day is None
            and parts.as_of is None
            and (day := _milestone_day(s, 0, n.start, state.published)) is not None
            and period.end < day
            and day.year == period.start.year
        ):
            # "昨日,中国新能源汽车年产量首次突破1000万辆", "On Thursday, its deliveries this year
            # passed 100,000": the year so far to the day the mark was passed
            period = Period("ytd", period.start, day)
        part_of_a_month_before = any(
            v.get("rolling") and b <= n.start for _, b, v in parts_all.components
        )
        if (
            period is not None
            and (state.off_calendar or part_of_a_month_before)
            and _open_ended(parts)
        ):
            # ("7月1日至20日，…零售53.7万辆；今年以来累计零售600.6万辆": to the 20th)
            cand.drop("a running total that ends inside a part of a month or a rolling span")
            continue
        if others_time and not parts.explicit and parts.as_of is None and not parts.ytd:
            # "从去年12月的超5万台回落到3.9万台": the time named is the earlier count's; the
            # later one's is not said in the sentence
            cand.drop("no period of its own (the time named is the other count's)")
            continue
        if (
            _A_PEAK_BEFORE.search(s, max(c0, n.start - 40), n.start)
            and not (parts.explicit or parts.year_rel or parts.as_of or parts.ytd)
            and not parts.lifetime
        ):
            # "Its annual sales, which peaked at 2.5 million vehicles, have dropped": a peak
            # of a time not said (not the year the sentence's "annual" would carry)
            cand.drop("a peak whose time is not said")
            continue
        if lead_parts[cand.clause].empty and _RUNNING_TOTAL_TO.search(
            s, max(c0, n.start - 40), n.start
        ):
            # "delivered 12,157 in February, bringing its total to 386,000": a running total
            # whose span (the year so far, or since the start) is not said
            cand.drop("a running total whose span is not said")
            continue
        if period is None and parts.empty and _NOWADAYS.match(s):
            cand.drop("nowadays: no period said")  # "如今，…我国新能源汽车出口120.3万辆"
            continue
        dated = period or state.carry_period
        if (
            dated is not None
            and dated.end.year < state.published.year
            and _said_of_today(s, n.start, parts, parts_all, lead_parts[cand.clause])
        ):
            # "2022年，全年产量超过五百万辆；直至今天，年产量首次突破1000万辆": today is no
            # year told before; a yearly count said of today is this year's so far
            if not (parts.full_year or _A_YEARS_COUNT.search(s, 0, n.start)) or (
                state.published.month == 1
            ):
                cand.drop("said of today, no period of its own")
                continue
            period = Period(
                "ytd", date(state.published.year, 1, 1), last_month_end(state.published)
            )
        if period is None and parts.empty:
            period = state.carry_period
            if item_carry_at >= 0 and _SEMI.search(s, item_carry_at, n.start):
                # "理想汽车交付44246辆，第四季度累计交付109194辆；广汽埃安交付40066辆": an item
                # of a list of makers with no time of its own takes the time the sentence began
                # with, not the time of another item's second count
                period = carry_before
            if _same_period_opens_paragraph(s, state):
                period = state.lead_period  # "同期安徽…73.09万辆，广东只有43.10万辆"
            last_count = state.last_count
            # the time of the count the sentence before told, for a part of it ("In August
            # alone, Chery sold 141,767 vehicles. Of the total, 51,774 were exported") or after
            # a sentence opening on the year so far ("Year-to-date, wholesales remain up 4.4% to
            # 16,310,000. Production is up 3.4% to 16,179,000")
            if (
                last_count is not None
                and last_count[0] == state.sentence_no - 1
                and (
                    _OF_THE_TOTAL.match(s)
                    # "… came to 136,714 units. GAC Honda sold 67,735 of them": a part of it
                    or _OF_THEM_AFTER.match(s, n.unit_end)
                    or (last_count[1].kind == "ytd" and state.ytd_opened == state.sentence_no - 1)
                )
            ):
                period = last_count[1]
                # "865,000 vehicles rolled off the lines. New energy vehicles accounted for
                # 398,000 of them": the whole just counted tells whose, what and when
                cand.part_of_the_count_before = bool(
                    _OF_THEM_AFTER.match(s, n.unit_end) or _OF_THE_TOTAL.match(s)
                )
            if (
                period is not None
                and period.kind == "ytd"
                and not _is_base(cand, parts_all)
                and any(i > cand.clause for i in ytd_leads)
            ):
                # "其中,海外销售4.5万辆,1-11月累计海外销售40.4万辆": beside the year so far
                # stated again, the untimed number is the month it ends with
                period = Period("month", period.end.replace(day=1), period.end)
            if (
                period is not None
                and period.kind == "ytd"
                and _month_on_month_after(s, n, period.end.month)
            ):
                # "BYD sold 31,451 vehicles overseas, up 25.7% year-on-year and up 4.8% from
                # July" after its January-August total: a count changed from the month before
                # is the month's
                period = Period("month", period.end.replace(day=1), period.end)
            opener = _EARLIER_OPENER.search(s, 0, n.start)
            if period is not None and opener is not None:
                # "NIO sold 36,275 last month. The month before, it sold 40,397": October
                unit = opener.group("unit") or opener.group("unit2") or "year"
                period = _earlier(period, unit.lower())
                if period is not None and opener.group("unit2") and period.kind in _SPANS:
                    # "... 1.35 million in the first three quarters of 2023. The year before,
                    # Tesla produced 1.37 million": the whole year before, not its first
                    # three quarters
                    y = period.end.year
                    period = Period("year", date(y, 1, 1), date(y, 12, 31))
            previous = state.carry_from == state.sentence_no - 1
            cand.doubts.append(D_PERIOD_PREVIOUS if previous else D_PERIOD_CARRIED)
        tie = parts_all.tie_at(n.start)  # "from the 8,620 it sold in June", "2019年的12万辆"
        if tie is not None:
            # "4,909 in the first 16 days, down from 59,930 in the same period a year earlier":
            # the base of a part of a month has no calendar period either
            ref = period if parts_all.rolling else period or state.carry_period
            if (
                prior is not None
                and not prior.dropped
                and prior.period is not None
                and _COMPARED_WITH.fullmatch(s, prior.number.unit_end, n.start)
            ):
                # "taking its total for January to November to 278,000, compared with 190,000
                # a year earlier": a year before the count it is compared with; after another
                # base ("48,122 in August, down from 51,000 in July but up from 34,914 a year
                # earlier"), a year before the count both are compared with
                counts_before = [
                    c
                    for c in cands
                    if c.period is not None
                    and not c.dropped
                    and c.number.end <= prior.number.start
                    and not _is_base(c, parts_all)
                ]
                compared_count = (
                    counts_before[-1] if _is_base(prior, parts_all) and counts_before else prior
                )
                ref = compared_count.period
            elif (
                prior is not None
                and not prior.dropped
                and prior.period is not None
                and not _is_base(prior, parts_all)
                and (
                    ref is None
                    or ref.kind == "day"
                    or _SAME_TIME_LAST_YEAR_NEXT.fullmatch(s, prior.number.unit_end, n.start)
                )
            ):
                # "10月3日公告，2022年9月销量为201259辆，较去年同期的71099辆": a year before the
                # count before it, not before the day of the announcement; "11月出口49万辆，去年
                # 同期为48.2万辆": not before the year so far the sentence goes on to
                ref = prior.period
            period = tie.resolve(parts, ref, state.published)
            # its period is written next to it ("a year earlier" leans on the clause's)
            cand.doubts = [
                d
                for d in cand.doubts
                if d != D_PERIOD_AWAY and (d != D_PERIOD_CARRIED or not tie.parts.components)
            ]
        if tie is None and _A_YEAR_EARLIER_BRACKET.search(s, max(0, n.start - 50), n.start):
            # "a decline from the same month last year (7,024)": a year before the count it
            # is compared with
            compared = next(
                (
                    c
                    for c in cands
                    if c.number.end <= n.start
                    and not c.dropped
                    and c.period is not None
                    and not _is_base(c, parts_all)
                ),
                None,
            )
            if compared is not None and compared.period is not None:
                period = _earlier(compared.period, "year")
        if (
            period is not None
            and period.kind in ("ytd", "quarter", "half", "year")
            and _ONE_MONTH_OF_A_SPAN.search(s, c0, n.start)
        ):
            # "2022年前四个月中，奇瑞集团单月出口量达到5万辆": one month of the span, not said which
            cand.drop("one month of a span, not said which")
            continue
        said_on_a_day = (period is None and announce and parts.day is not None) or (
            period is not None and period.kind == "day"
        )
        if said_on_a_day and not n.ordinal and not _ONE_DAY.search(s):
            if any(v.get("rolling") and b <= n.start for _, b, v in parts_all.components):
                # "7月30日,理想发布了7月22日-28日的销量榜,理想以1.28万辆排在首位": the week
                # said that day, no calendar period; never the month the article reports on
                cand.drop("a count of a part of a month said on a day, no period of its own")
                continue
            # "2,000 cars in a single day" is that day's
            # "On July 1, Li Auto delivered 7,713": the day it was said, no reporting period
            period = state.carry_period
            cand.doubts.append(D_PERIOD_CARRIED)
        if (
            period is not None
            and period.kind == "lifetime"
            and state.carry_period is not None
            and _BARE_CUMULATIVE.search(clause)
            # (in the number's own item of a list: "魏牌累计销量为21,985辆；…；坦克300上市以来累计
            # 交付量已突破13万辆" keeps the first a part of the half year's)
            and not _SINCE_START_ZH.search(s, *_item_bounds(s, n.start))
            # a part of the span's total or compared with a year before; not "理想ONE累计交付
            # 量达96516辆" after the maker's year so far (a model's running total)
            and (
                # (a part or rate in its own clause or after it, or the sentence a part: not
                # the month's rate in a clause before)
                (
                    state.carry_period.kind == "ytd"
                    and (_PART_OR_RATE.search(s, starts[cand.clause]) or _OF_WHICH_AT.match(s))
                )
                # "2020年…共售出111.2万辆。其中哈弗品牌累计销量为75万辆": a part of the year's
                # ("其中，新能源车累计销量16.04万台，海外市场累计销量19.77万台": its parts listed)
                or (
                    state.carry_period.kind in ("year", "half", "quarter")
                    and _OF_WHICH_AT.match(s)
                    and not _GLOBAL_WORD.search(clause)
                    and not _a_time_before(s, n.start)
                )
            )
        ):
            # "1—6月…。其中,…插电式混合动力汽车累计销售9.9万辆": the year so far, summed
            period = state.carry_period
        if (
            period is not None
            and period.kind == "lifetime"
            and parts.year is not None
            and parts.year_rel is None
            and parts.month is None
            and parts.day is None
            and parts.as_of is None
            and parts.year < state.published.year
            and not _NOW_OR_A_FIRST.search(s)
        ):
            # "its one millionth car rolled off the line in 2001": counted up to that year
            period = Period("lifetime", period.start, date(parts.year, 12, 31))
        if (
            period is not None
            and period.kind == "lifetime"
            and parts.total
            and not parts.lifetime
            and state.carry_period is not None
            and state.carry_period.kind == "month"
            and state.carry_period.end == period.end
            and _SIMPLE_PAST_TOTAL.search(clause)
        ):
            # "Tesla also exported a total of 3,853 vehicles" in a report on a month: that month
            period = state.carry_period
        if period is not None and not parts.explicit and _SINCE_A_YEAR_CHANGE.search(s):
            # "2018年以来，…年销量由14.2万辆增至112.3万辆": where a change since then ended, untimed
            cand.drop("a change told since a year: no period of its own")
            continue
        if n.start in in_order:  # a span of years, one count for each: said in order
            period = in_order[n.start]
            cand.doubts = [d for d in cand.doubts if d not in _PERIOD_DOUBTS]
        if period is None:
            cand.drop("no period")
            continue
        untimed = parts.year is None and parts.year_rel is None
        # ("A year later, its sales rose to 4.27 million": said in the clause before)
        later = _YEAR_LATER.search(
            s, starts[cand.clause - 1] if untimed and cand.clause else c0, n.start
        )
        if later is not None and period.kind == "year":
            # "从2021年的29.95万辆,一年后猛增到87.47万辆", "a year later": the year after the one
            # named before
            named = [int(y) for y in _A_YEAR.findall(s, 0, later.start())]
            if named or untimed:
                # (or the year carried from the sentence before: "BYD sold 3.02 million in
                # 2023. A year later, its sales rose to 4.27 million")
                y = (named[-1] if named else period.end.year) + 1
                period = Period("year", date(y, 1, 1), date(y, 12, 31))
        if (
            period.kind == "year"
            and lead_parts[cand.clause].empty
            and _YEAR_BEFORE_IN_CLAUSE.match(s, c0)
        ):
            # "Last year, exports exceeded three million, and the year before they passed two
            # million": the year before the one the clause before told
            y = period.end.year - 1
            period = Period("year", date(y, 1, 1), date(y, 12, 31))
        if (
            period.kind == "lifetime"
            and state.carry_from == state.sentence_no
            and state.carry_period is not None
            and state.carry_period.kind != "lifetime"
            and state.carry_period.end < period.end
            and not parts.as_of
        ):
            # "sales exceeded 660,000 in 2022, ..., while its cumulative exports passed 1
            # million": a running total told beside a past period counts up to that period
            period = Period("lifetime", period.start, state.carry_period.end)
        running_total = next(
            (c for c in reversed(cands) if c.number.start < n.start and c.period is not None),
            None,
        )
        if (
            running_total is not None
            and running_total.period is not None
            and running_total.period.kind == "lifetime"
            and period.kind in ("year", "ytd")
            and period.end == running_total.period.end
            and cand.clause > 0
            and _OF_WHICH.match(s, starts[cand.clause]) is not None
            and lead_parts[cand.clause].empty
        ):
            # "截至2010年，奇瑞累计销售汽车超过200万辆，其中出口超过40万辆": a part of the running
            # total, counted to the same end
            period = running_total.period
        month_reported = state.lead_period
        if (
            period.kind == "lifetime"
            and month_reported is not None
            and month_reported.kind == "month"
            and period.end < month_reported.end <= state.published + timedelta(days=31)
            and state.carry_from != state.sentence_no
            and parts.month is None
            and parts.year is None
            and parts.as_of is None
            and parts.day is None
            and not parts.that_quarter  # "as of the end of the quarter": a time of its own
        ):
            # "Xiaomi delivered 20,000 in October. ... Xpeng delivered 20,000 in September. ...
            # Zeekr says it has built more than 100,000": a running total told with no time of
            # its own is counted up to now, never ending before the month the article reports
            period = Period("lifetime", period.start, month_reported.end)
        # "..., bringing its total for the year to X" is an aside: the month reported stays
        aside = cand.clause > 0 and _NEW_PREDICATE.match(s, starts[cand.clause]) is not None
        own = lead_parts[cand.clause]
        reported = state.carry_period
        if (
            aside
            and period.kind == "ytd"
            and own.ytd
            and own.month is None
            and own.months is None
            and reported is not None
            and reported.kind in ("month", "ytd")
            and reported.end.year == period.end.year
        ):
            # "That beat the record of 21,333 in September, bringing its total for the year to
            # 168,000": the year so far ends with the month reported, not the record's
            period = Period("ytd", period.start, reported.end)
        if (
            period.kind in ("quarter", "half", "year")
            and n.ordinal
            and not _ordinal_of_a_month(s, n)
        ):
            # "During the first quarter it built its 100,000th car": a running total reached
            # then, never the quarter's count
            period = Period("lifetime", LIFETIME_START, period.end)
        if period.kind == "lifetime" and n.ordinal and _OF_THE_YEAR_AFTER.match(s, n.unit_end):
            # "to mark China's 10 millionth NEV of the year": this year's running total
            period = Period("ytd", date(period.end.year, 1, 1), period.end)
        if (
            period.kind == "lifetime"
            and n.ordinal
            and not (parts.month or parts.months or parts.year or parts.as_of or parts.day)
            and _WEEKDAY.search(s)
        ):
            # "said on Tuesday at the ceremony celebrating the rollout of its one-millionth
            # vehicle" after a sentence about December: the mark was passed that weekday
            period = Period("lifetime", period.start, _weekday_said(s, state.published))
        if period.kind == "month" and _a_part_in_a_month(s, cand, cands, starts, lead_parts):
            # "Dongfeng Honda sold 652,400 vehicles, …, of which 68,100 were sold in December"
            # after a sentence about December: the whole is more than that month
            cand.drop("a whole whose part is the month it would take")
            continue
        if (
            period.kind != "lifetime"
            and carry_before is not None
            and period.end.year == carry_before.end.year
            and _A_YEAR_EARLIER_OPENING.match(s)
        ):
            # "Tesla sold 58,459 in April. A year earlier, with Shanghai under lockdown, it
            # delivered just 1,512 vehicles in April": that April, a year back
            period = shift_year(period, period.end.year - 1)
        if lead_parts[cand.clause].empty and _A_PART_WITH_AT.match(s, c0, n.start):
            # "posting December sales of 53,454 units, its best month on record, with new energy
            # vehicles at 11,307": a part of the count before, in its period
            part_of = next(
                (c.period for c in reversed(cands) if c.number.end <= c0 and not c.dropped),
                None,
            )
            if part_of is not None:
                period = part_of
        cand.period = period
        if (
            (
                parts.explicit
                or ((parts.full_year or parts.year_rel == "last") and period.kind == "year")
                # "Xpeng delivered 4,224 during the same month" after quarters were told: that
                # month goes on
                or (
                    parts.that_month
                    and period.kind == "month"
                    and state.carry_period is not None
                    and state.carry_period.kind != "month"
                )
            )
            and period.kind != "lifetime"
            and not (tie and tie.base)
            and not aside
            and not parts.prior_month  # "beating its previous month's record": a reference
            # "In December alone, ...": a look inside the period reported (but "November on
            # its own brought a 4.3% decline, with sales of 136,714" tells of that month)
            and not (
                parts.alone
                and not _ON_ITS_OWN.search(s)
                # (not past a semicolon: "4月单月，…；东风日产4月销量为88,044台" goes on in April)
                and not any(
                    "alone" in v and _SEMICOLON.search(s, a, n.start)
                    for a, _, v in parts_all.components
                )
            )
            # (a year compared with is no time told: "…, but the pace of growth was half that
            # of 2013")
            and not _years_mixed(parts_all.without(_compared_times(s, parts_all)), state.published)
            # "That beat the prior record of 21,333 in September": a reference to the past
            and not _RECORD_BEATEN.search(s, c0, n.start)
            # ("…, behind only January's 266,737 units": the count it is ranked after)
            and not _RANKED_BEHIND.search(s, c0, n.start)
            # "fell short of its 2023 volumes in several regions, among them Europe (… to
            # 641,800)": a comparison's time
            and not _only_compared_times(s, parts)
            # "In 2010, by comparison, the province's shipments stood at 110,000": a time
            # looked back at, not the one the article goes on to report
            and not _BY_COMPARISON.search(s)
        ):
            state.carry_period, state.carry_from = period, state.sentence_no
            item_later = _an_items_later_count(s, cand, cands, own.spans)
            item_carry_at = n.start if item_later else -1
            state.told_period = None
            if period.kind in _SPANS:
                state.span_period, state.span_from = period, state.sentence_no
            if period.kind == "quarter":
                state.quarter_period = period
            if state.lead_period is None and state.paragraph <= 2:
                state.lead_period = period

    _running_total_to_the_year_so_far(cands, lead_parts)
    traps = [c.reason for c in cands if c.reason.startswith("trap: '")]
    state.trapped = (state.sentence_no, traps[-1]) if traps and len(traps) == len(cands) else None
    # --- entities
    subjects = [(m, ok) for m, ok in mentions]
    live = [c for c in cands if not c.dropped]
    if respectively and live:
        # the list and its numbers share one part of the sentence: "A、B、C分别...;D交付..."
        said = _RESPECTIVELY.search(s)
        assert said is not None
        lo = max((m.end() for m in _SEMICOLON.finditer(s, 0, said.start())), default=0)
        after = _SEMICOLON.search(s, said.end())
        hi = after.start() if after else len(s)
        paired = [c for c in live if lo <= c.number.start < hi]
        # "小鹏汽车以98155辆…，蔚来汽车、理想汽车分别以91429辆和90491辆位列第二、第三": 分别 goes
        # before its counts; a count before it is a clause of its own
        after_cue = [c for c in paired if c.number.start > said.start()]
        if said.group() in _RESPECTIVELY_BEFORE and after_cue:
            # the run of counts it pairs ends where the list ends ("分别突破A、B和C，双方差距
            # 拉大到数十万辆": the last is a clause of its own)
            run = after_cue[:1]
            for c in after_cue[1:]:
                if not _LISTED_AFTER.fullmatch(s, run[-1].number.unit_end, c.number.start):
                    break
                run.append(c)
            paired = run if len(run) > 1 else after_cue
        _pair_respectively(s, subjects, paired or live, hits, state.last_list)
    elif (listed_counts := _counts_in_a_row(s, live)) is not None:
        # "Geely and Smart shipped 5,026 and 2,146", "ahead of SAIC-GM and SAIC-Volkswagen with
        # 109,800 units and 87,900 units", "… The three joint ventures sold 70,146, 53,975 and
        # 46,016": as many names as counts in a row, in order
        _pair_in_a_row(s, subjects, live, listed_counts, state.last_list)
    world_clauses: set[int] = set()
    # markets abroad (perf: once a sentence): said by the headline or the paragraph before, and
    # where this sentence names one as a scope
    abroad_before = (state.market_doc or state.market_para) and not _CHINA_OR_WORLD.search(s)
    abroad_at = _foreign_scopes(s)
    abroad_at_ends = [b for _, b in foreign_places(s)]
    # "Across the BMW, MINI and Rolls-Royce brands, deliveries rose to 1,339,047": the brands
    # listed, whose sum the counts after it are
    across = _ACROSS_LISTED_BRANDS.match(s) or _SALES_OF_LISTED_BRANDS.search(s)
    listed = (
        [m.entity for m, _ in mentions if across.start(1) <= m.start < across.end(1)]
        if across
        else []
    )
    at_home: Entity | None = None  # a Chinese maker whose sales in China the sentence told
    for prior, cand in zip([None, *live], live, strict=False):
        if (
            prior is not None
            and prior.dropped
            and prior.reason == "no subject"
            and _FROM_THAT_COUNT.fullmatch(s, prior.number.unit_end, cand.number.start)
        ):
            # "The two sold a combined 70,017 units, a steep fall from 110,010": the base of a
            # count nobody is named for is nobody's either
            cand.drop("no subject")
            continue
        if cand.entity is None:
            whose = subjects
            sources = [
                (m.start, said.end())
                for m, _ in subjects
                if _source_before(s, m, cand.number)
                and (said := _THEY_AFTER_A_SOURCE.match(s, m.end, cand.number.start))
            ]
            if cand is cands[0] and (_OF_THEM.match(s, cand.number.unit_end) or sources):
                # "According to the CPCA, 31,379 of those vehicles were exported", "According to
                # the China Passenger Car Association (CPCA), they came to 55,796 units": the
                # body tells the count; whose it is, the sentence before says
                whose = [
                    (m, ok)
                    for m, ok in subjects
                    if not _source_before(s, m, cand.number)
                    and not any(a <= m.start < b for a, b in sources)
                ]
            _assign_entity(s, cand, whose, starts, bounds, state)
        maker = state.para_entity
        if maker is not None and _a_makers_sales_in_china(s, cand, subjects, maker):
            # "The fall was especially marked in China, where sales dropped by ten percent to
            # 2.93 million vehicles" in a story about Volkswagen: its sales there, not China's
            arm = _arm_in_china(maker)
            if arm is None:
                cand.drop("a part of the maker (its sales in one market)")
                continue
            cand.entity, cand.entity_obj = arm.name, arm
        if cand.entity is None:
            if not cand.dropped:
                cand.drop("no subject")
            continue
        verbless = cand.clause > 0 and _VERBLESS.match(s, starts[cand.clause]) is not None
        if (
            _global_total(s, cand, subjects, starts[cand.clause])
            # "..., including 7.39 million NEVs" after the world's total: the world's part;
            # "... of the world's NEV sales growth, with a total of 5.97 million": its total
            or (verbless and cand.clause - 1 in world_clauses)
            or (verbless and _global_total(s, cand, subjects, starts[cand.clause - 1]))
            # "global car sales reached 84.27 million, up 2% from 82.61 million in 2023": the
            # world's earlier total
            or (cand.clause in world_clauses and _is_base(cand, parts_all))
            # "Worldwide, 9.8 million EVs have been sold so far this year": the world, as the
            # sentence's topic, with nobody named before the number
            or (
                _WORLD_OPENING.match(s) is not None
                and not any(m.end <= cand.number.start for m, _ in subjects)
            )
            # "9.8 million EVs have been sold worldwide so far this year, with 1.5 million of
            # them sold in August": a part of the world's count (not "and China contributed
            # 2.6 million of them", a part with a subject of its own)
            or (
                any(c < cand.clause for c in world_clauses)
                and (
                    _OF_WHICH.match(s, starts[cand.clause])
                    or _OF_THEM.match(s, cand.number.unit_end)
                )
                and any(d in cand.doubts for d in _SUBJECT_NOT_IN_CLAUSE)
            )
            # "Global auto sales reached 7.6 million ... From January to August, sales totaled
            # 61.98 million": the world is what the paragraph counts when no subject is named in
            # the number's own clause
            or (
                (state.world_para or _world_said(s, 0, cand.number.start, subjects))
                and any(d in cand.doubts for d in _SUBJECT_NOT_IN_CLAUSE)
            )
        ):
            world_clauses.add(cand.clause)
            cand.drop("a world market total, not the subject's figure")
            continue
        if _in_foreign_market(s, cand, subjects, starts[cand.clause], bounds[cand.clause]):
            cand.drop("a count in one market outside China, not the subject's figure")
            continue
        if any(_OWN_COUNT_OF_A_PLACE.fullmatch(s, b, cand.number.start) for b in abroad_at_ends):
            # "ranked third, behind Japan with 3.82 million units": a country abroad's own count
            cand.drop("the count of a country outside China")
            continue
        if (
            (
                abroad_before
                # "2024年1-8月比亚迪德国新车注册量8610辆 零跑汽车为3536辆": a clause after one
                # that names the market
                or (
                    any(a < starts[cand.clause] for a in abroad_at)
                    and not _CHINA_OR_WORLD.search(s, starts[cand.clause], bounds[cand.clause])
                    and not _WHOLE_COUNT.search(s, starts[cand.clause], bounds[cand.clause])
                )
            )
            # "BYD sold 3.02 million vehicles in 2023": more than any maker sells in one market
            # abroad
            and cand.number.value < _MORE_THAN_ONE_MARKET
        ):
            cand.drop("a count in the market outside China the article or paragraph is about")
            continue
        obj = cand.entity_obj
        if (
            obj is not None
            and obj.kind not in ("plant", "unknown")
            and not obj.is_region
            and _SHARE_OF_THE_REGION.match(s, cand.number.unit_end)
        ):
            # "其中比亚迪生产新能源汽车54.8万辆，…，占全省总量的91.3%": what the maker made in the
            # province, its plant there (when the lexicon knows one), never its total
            plant = _plant_in(obj, state.last.get("province") or state.last.get("city"))
            if plant is None:
                cand.drop("a maker's count inside a region (its plants there), not its total")
                continue
            cand.entity, cand.entity_obj = plant.name, plant
        if across is not None and cand.number.start > across.end() and len(listed) > 1:
            # the count of all the brands: their owner's, when one of them owns the rest
            owner = next(
                (e for e in listed if all(o is e or o.parent == e.name for o in listed)), None
            )
            if owner is None:
                cand.drop("the count of several brands together, with no owner named")
                continue
            cand.entity, cand.entity_obj = owner.name, owner
        brand = brand_of_the_count(s, cand.number, subjects)
        if brand is not None:  # "made 69,800 Hongqi cars", "115,000 MG-branded vehicles"
            cand.entity, cand.entity_obj = brand.name, brand
            if listed_by_name(s, cand.number, subjects):
                # each count of the list named at its number: no doubt whose it is
                cand.doubts = [d for d in cand.doubts if d not in _SUBJECT_DOUBTS]
        market_of = _maker_of_the_market(
            s, cand, state.frame or state.last.get("maker"),
            s[starts[cand.clause] : bounds[cand.clause]],
        )  # fmt: skip
        china = _china_arm(s, cand, starts, state.cpca_cited[1] == state.sentence_no - 1)
        arm = cand.entity_obj
        if arm is not None and arm.foreign_arm and arm.parent and _plants_share_of(s, cand.number):
            # "noting that the Shanghai plant supplied more than half of the over 1.8 million
            # electric vehicles Tesla delivered around the world": the company's, not the arm's
            cand.entity, cand.entity_obj = arm.parent, lexicon().entities[arm.parent]
        if market_of is not None:
            # "China, the core market of the region, took 59,435 vehicles" in a story about
            # Mercedes-Benz: the maker's sales in China
            cand.entity, cand.entity_obj = market_of.name, market_of
        elif china is not None:  # "Tesla sold 71,447 China-made vehicles": Tesla China's
            cand.entity, cand.entity_obj = china.name, china
        elif (company := _company_of_a_carried_arm(s, cand, starts)) is not None:
            # "... Tesla China's 32,968 in July. Global deliveries reached 241,300": the
            # company's, not the arm the paragraph was about
            cand.entity, cand.entity_obj = company.name, company
        elif _worldwide_count_of_a_foreign_maker(s, cand, starts) or (
            # "Worldwide, the group delivered 1,747,889 … In September alone, BMW Group sales
            # rose 6.6% to 210,543": the paragraph goes on about the world
            (
                state.world_maker[0] == state.paragraph
                or (state.world_lead == state.world_maker[1] and not state.para_china)
            )
            and state.world_maker[1] is not None
            and _of_the_maker(cand, state.world_maker[1])
            and cand.entity is not None
            and _foreign_without_a_china_arm(cand.entity)
            and not made_in_china(s)
        ):
            # "宝马集团全球交付2,399,636辆": the series of a foreign maker here is its China
            # business (Tesla alone is named apart from its China arm)
            cand.drop(f"{cand.entity}'s worldwide count, not its count in China")
            state.worldwide.add(cand.number.value)
            world = state.world_maker[1]
            if world is None or not _of_the_maker(cand, world):
                world = cand.entity  # (a brand of the maker keeps the maker's frame)
            state.world_maker = (state.paragraph, world)
            if state.paragraph <= 1:
                state.world_lead = world
            continue
        parent = _parent_of_a_whole(s, cand, live, subjects, starts, bounds)
        if parent is not None:  # "Onvo delivered 16,434, lifting total sales to 31,305"
            cand.entity, cand.entity_obj = parent.name, parent
        if at_home is not None and cand.entity == "China" and cand.metric == "exports":
            # "Sales in China alone were up 14% at 1,412,415 units, while exports climbed 38% to
            # 274,101 units": the maker's exports
            cand.entity, cand.entity_obj = at_home.name, at_home
        maker = _maker_in_china(s, cand, subjects, state)
        if (
            maker is not None
            and not maker.foreign
            and maker.kind != "unknown"
            and (
                maker is state.para_entity
                or any(m.entity is maker and m.end <= cand.number.start for m, _ in subjects)
            )
        ):
            # "Group-wide deliveries came to 1,686,516 units. Sales in China alone were up 14%
            # at 1,412,415": a Chinese maker's sales at home, a part of its total
            cand.drop("a part of the maker (segment, body type or market)")
            at_home = maker
            continue
        if maker is not None and maker.foreign:  # "Tesla ... In August, sales in China reached"
            arm = lexicon().entities.get(f"{maker.name} China")
            if arm is None:  # "BMW ... Sales in China dropped to 714,530": BMW's series here
                cand.entity, cand.entity_obj = maker.name, maker
            else:
                cand.entity, cand.entity_obj = arm.name, arm
                # its sales at home: a part of the arm's total (exports included) when the
                # article gives that too
                cand.doubts.append(D_PART)
        arm = _china_figures_told(s, cand)
        if arm is not None:
            # "Tesla's China numbers came out today, and the automaker kept up its output with
            # more than 54,000 electric vehicles last month": its China arm's
            cand.entity, cand.entity_obj = arm.name, arm
        obj = cand.entity_obj
        if (
            obj is not None
            and obj.kind == "unknown"
            and obj.parent
            and cand.period
            and sole_model_of(obj.parent, obj.name, cand.period.end)  # "7,094 Li ONE cars"
        ):
            cand.entity, cand.entity_obj = obj.parent, lexicon().entities[obj.parent]
        if cand.entity_obj is not None and cand.entity_obj.kind == "unknown":
            cand.drop(f"subject {cand.entity!r} is not in the lexicon")
            continue
        # model-level figures: "SU7 sold 20,000", "Lynk & Co 900 model reaching 50,000"
        lo = _subject_end(subjects, cand)
        if lo == cand.number.start:  # the subject is outside this sentence: all before counts
            lo = 0
        # "Tesla, which makes Model 3 sedans, sold 56,006": the apposition's models are not it
        lo = max([lo, *(end for _, end in appositions(s, [lo]))])
        place = next(
            (
                m
                for m, _ in subjects
                if cand.entity_obj is not None
                and cand.entity_obj.is_region
                and m.entity is cand.entity_obj
                and starts[cand.clause] <= m.start < cand.number.start
            ),
            None,
        )
        if (
            (
                _model_between(s, lo, cand.number.start)
                or model_after(s, cand.number.end)
                # "第200万辆比亚迪王朝网宋家族新车": the milestone car of one model
                or (cand.number.ordinal and _model_of_the_car(s, cand.number.unit_end))
                # "the Hongguang MINIEV family sold 171,064 units. Since its launch, its
                # cumulative sales have passed 1.6 million": "its" is the model's (so in "The
                # G6 came next with 6,324 units, and its January-November sales grew to 71,471")
                or (
                    state.model_said in (state.sentence_no - 1, state.sentence_no)
                    and D_SUBJECT_PRONOUN in cand.doubts
                    and _ITS_ONLY.search(s, starts[cand.clause], cand.number.start) is not None
                    and not any(_by_its_name(s, m) for m, ok in subjects if ok)
                )
                # "The micro EV set a quarterly sales record of 99,000": a model told before,
                # named by its kind, no maker named
                or (
                    _A_MODEL_OPENS.match(s) is not None
                    and not any(ok and m.start < cand.number.start for m, ok in subjects)
                )
                # "全新福特锐际一季度销售近2,700辆": an all-new model of the brand
                or any(
                    m.end == lo and _ALL_NEW_BEFORE.search(s, max(0, m.start - 4), m.start)
                    for m, _ in subjects
                )
                # "Model Y 1月大陆国内零售销量": a model named before the place it sold in
                or (place is not None and _model_between(s, starts[cand.clause], place.start))
                # "the Song family contributed most to BYD's sales, with 35,273 units"
                or any(
                    _CONTRIBUTED_AFTER.match(s, m.end())
                    for m in _MODEL.finditer(
                        s,
                        starts[cand.clause - 1]
                        if cand.clause and _WITH_OPENING.match(s, starts[cand.clause])
                        else starts[cand.clause],
                        cand.number.start,
                    )
                )
            )
            and not sole_model_of(
                cand.entity or "",
                s[max(0, lo - 40) : cand.number.unit_end + 30],
                cand.period.end if cand.period else state.published,
            )
        ):
            cand.drop("model-level count")
            if _model_between(s, lo, cand.number.start):
                state.model_said = state.sentence_no
            continue
        # "263,000 passenger cars", "国内销量82123辆": a part of a maker, not its total
        obj = cand.entity_obj
        lo = _part_window(s, cand, live, starts, parts_all)
        if obj is None:
            continue
        for examples in _EXAMPLES_LISTED.finditer(s, 0, cand.number.start) if "," in s else ():
            if starts[cand.clause] <= examples.end() + 1:
                # "SAIC Motor's own brands, including Roewe and MG, sold": what the list gives
                # examples of is what the count counts
                lo = min(lo, s.rfind(",", 0, examples.start()) + 1)
        if _share_of_own_total(
            s, starts[cand.clause], cand.number.unit_end, bounds[cand.clause], obj, subjects
        ):
            # "it delivered 19,137 units, contributing 47.8 percent of Xpeng's deliveries":
            # one model's or part's count, a share of the maker's own total
            cand.drop("a part of the maker (a share of its own total follows)")
            continue
        if obj.kind != "brand" and any(
            m.entity.name == obj.name and _BRANDED.match(s, m.end) and m.end <= cand.number.start
            for m, _ in subjects
        ):
            # "of these, sales of Seres-brand vehicles were 41,457": the brand of the maker's
            # name, one of its brands (not "Lynk & Co-branded vehicles", a brand's own count)
            cand.drop("a part of the maker (segment, body type or market)")
            continue
        brand = _brand_said_after(s, cand.number.unit_end, obj, mentions)
        if brand is not None:
            # "Of the 36,275 vehicles Nio delivered, 10,000 were Onvo models": the brand's
            cand.entity, cand.entity_obj = brand.name, brand
            continue
        if cand.clause > 0 and _powertrain_topic(s, starts, subjects, cand.clause):
            lo = 0  # "比亚迪12月纯电动汽车销量为19.07万辆，全年销量达到225.47万辆": still BEVs
        for other in found:
            its_noun_end = other.unit_end + len(_noun_after(s, other.unit_end)) - 1
            if lo <= other.start < cand.number.start and any(
                m.entity is obj
                and its_noun_end <= m.start < cand.number.start
                and _CLAUSE_JOINED.fullmatch(s, its_noun_end, m.start)
                for m, _ in subjects
            ):
                # "Add 300 commercial electric vehicles and BYD sold 274,386": what another
                # count counts, then the subject of this one
                lo = its_noun_end
        counted = _MAKER_OF_A_KIND.sub(
            " ",
            _unnamed(s, lo, cand.number.unit_end, obj, subjects)
            + _predicate_after(s, cand.number.unit_end)
            + _glued_after(s, cand.number.unit_end),
        )
        if obj.battery_electric_only(state.published):  # "NIO delivered 36,275 all-electric
            # cars": all it makes
            counted = _BATTERY_ELECTRIC.sub(" ", counted)
        if (
            not obj.is_region
            and not obj.foreign
            and not obj.name.endswith(" China")
            and (
                _SOLD_AT_HOME.search(_predicate_after(s, cand.number.unit_end))
                or _TO_THE_HOME_MARKET_AFTER.match(s, cand.number.unit_end)
                or _HOME_MARKET_ZH.search(s, starts[cand.clause], cand.number.start)
            )
        ):
            # "Of these, 65,504 units were sold in China and 16,928 were exported", "4月吉利在
            # 中国市场卖出38648辆": a Chinese maker's home sales, a part of its total
            cand.drop("a part of the maker (segment, body type or market)")
            continue
        if (
            # "Total vehicle sales, including trucks and buses, were … 2.3 million": kinds the
            # count takes in are no part it counts
            vehicle_type(
                _INCLUDED_KINDS.sub(_blank, counted + _noun_after(s, cand.number.unit_end)), obj
            )
            or (
                obj.builds is None
                and _one_vehicle_type_said(
                    s, cand, obj, starts, state, cands[0].number.start < cand.number.start
                )
            )
            # "For light buses, production reached 837 units and sales 627": a bus maker's
            # count after a size of bus its sentence named
            or (obj.builds == "buses" and vehicle_type(s[: cand.number.start], obj))
        ):
            cand.drop("a part of the market: one kind of vehicle (trucks, buses, ...)")
        elif obj.is_region and (
            body_type(counted)
            or (
                _BODY_TYPE_SUBJECT.match(s) is not None
                and (
                    cand.clause == 0
                    or _WITH_CLAUSE.match(s, starts[cand.clause]) is not None
                    # "·轿车11月销量89.2万辆,…;累计销量879.7万辆": a clause naming no one
                    or not any(
                        starts[cand.clause] <= m.start < cand.number.start for m, _ in subjects
                    )
                )
            )
        ):
            # "sales of sedans came to"; "SUVs remained the backbone of the market, with sales
            # rising 30 percent to 1.27 million units": the body type the sentence is about
            cand.drop("a part of the region's market (one body type)")
        elif obj.is_region and brand_group(counted):
            # "Chinese independent brands sold 1.49 million units"
            cand.drop("a part of the region's market (one group of brands)")
        elif obj.builds is None and not obj.is_region and unit_of_a_kind(counted):
            # "SAIC's passenger car arm sold 800,800" (not "FAW's Jiefang truck division", a
            # truck maker's whole)
            cand.drop("a unit of the maker for one kind of vehicle, not the maker")
        elif subsegment(
            (
                HOME_SCOPE.sub(" ", counted)
                if _home_scope_of_the_one_before(s, cand, cands)
                else counted
            )
            + _market_lead(s, starts)
            + _part_the_sentence_opens_on(s, cand, starts, subjects, cands)
        ):
            if passenger_only(counted + _market_lead(s, starts)):
                # "BYD sold 340,211 passenger vehicles in June", "全国乘用车市场零售177万辆": a
                # series of its own (never a revision of the total), a part when the article
                # gives the total beside it
                cand.passenger = True
                cand.doubts.append(D_PART)
            elif not obj.is_region:
                cand.drop("a part of the maker (segment, body type or market)")
            elif powertrain(counted):
                cand.drop("a part of the region's new energy vehicles (one powertrain)")
            else:  # a region's passenger cars: a part when the article gives the total too
                cand.doubts.append(D_PART)
    _parts_of_the_same_figure(s, live)
    _parts_of_a_part(s, cands)
    live = [c for c in live if not c.dropped]
    _total_before_part(s, live)
    _part_of_them(s, live)
    _part_out_of_a_total(s, live)
    _year_beside_history(s, live, starts, bounds)
    if hits and not live:
        state.carry_metric = hits[-1].kind if hits[-1].kind != "prodsales" else None
    makers = [
        m for m, ok in subjects if ok and not m.entity.is_region and m.entity.kind != "unknown"
    ]
    # the rates right after a trap's number or a part's are theirs
    apart = [c.number.end for c in cands if c.dropped and c.reason.startswith(_OWN_RATES)]
    _attach_growth(s, [c for c in live if not _is_base(c, parts_all)], hits, makers, apart)
    for cand in live:
        period = cand.period
        if cand.number.ordinal and cand.yoy is not None:
            # "its 1 millionth EV in May 2021 and tripled that number within 18 months": a
            # milestone car has no growth of its own; the running total stays one
            cand.yoy = None
        if period is not None and period.kind == "lifetime" and cand.yoy is not None:
            # "累计交付量达13.4万辆，同比增长82%": a running total with a year-on-year rate is
            # the year's so far
            cand.period = Period("ytd", date(period.end.year, 1, 1), period.end)
            if period.end.month == 12 and state.carry_from != state.sentence_no:
                # "Honda's cumulative sales in 2023 were 1,234,181, 10.12% fewer than the year
                # before. GAC Honda's sales fell 13.91% to 620,469": a whole year's total,
                # the period the sentences after it go on with
                state.carry_period, state.carry_from = cand.period, state.sentence_no
        elif (
            period is not None
            and period.kind == "lifetime"
            and _THIS_YEARS_CUMULATIVE.search(s, 0, cand.number.start)
            and not _SINCE_START_ZH.search(s, starts[cand.clause], cand.number.start)
        ):
            # "截至11月末，广汽本田今年累计产销…；广汽丰田累计产销分别达72.0万辆": the year so far
            # said once for the parts of the sentence that list the same
            cand.period = Period("ytd", date(period.end.year, 1, 1), period.end)
        elif (
            period is not None
            and period.kind == "lifetime"
            and _BARE_CUMULATIVE.search(s, starts[cand.clause], cand.number.start)
            and not _SINCE_START_ZH.search(s)
            and not cand.nev_only()
            and (month := _month_count_before(cand, live)) is not None
        ):
            # "11月,广汽本田生产汽车87623辆,…,累计产量达到69.3万辆": after the month's count of a
            # maker that reports by the calendar year (not a startup's 累计交付), the year so far
            cand.period = Period("ytd", date(month.end.year, 1, 1), month.end)
        elif (
            period is not None
            and period.kind == "lifetime"
            and _ITS_CUMULATIVE.search(s, starts[cand.clause], cand.number.start)
            and not cand.nev_only()
            and D_SUBJECT_PRONOUN in cand.doubts
            and state.last_count is not None
            and state.last_count[0] == state.sentence_no - 1
            and state.last_count[1].kind == "month"
            and state.last_count[1].end == period.end
        ):
            # "Geely Auto delivered 319,506 vehicles in November. Its cumulative sales came to
            # nearly 2.86 million": after a month's count of a maker that reports by the
            # calendar year (not a startup's cumulative deliveries), the year so far
            month = state.last_count[1]
            cand.period = Period("ytd", date(month.end.year, 1, 1), month.end)
    _cumulative_of_the_year(s, live)
    _a_second_running_total(s, live)
    _parts_included(s, live)
    _parts_at_the_wholes_time(s, live)
    _parts_of_the_count_before(s, live)
    _worldwide_beside_china_in_the_sentence(s, live, starts, bounds)
    _attach_claims(s, live, starts, makers)
    with_periods = [
        c for c in live if not c.dropped and c.period is not None and not _is_base(c, parts_all)
    ]
    if with_periods and with_periods[-1].period is not None:
        state.last_count = (state.sentence_no, with_periods[-1].period)
        state.counted_in = state.sentence_no
    if _YTD_OPENING.match(s):
        state.ytd_opened = state.sentence_no
    if _world_said(s, 0, len(s), subjects):
        state.world_para = True  # "Global auto sales reached 7.6 million units in August"
    _carry_updates(s, parts_all, segs, state, live, carry_before)
    if (
        state.carry_from != state.sentence_no
        and sum(1 for c in with_periods if c.period is not None and c.period.kind == "year") > 1
        and _years_mixed(parts_all, state.published)
    ):
        # "去年11月，新能源汽车出口15.3万辆。…2021年首次突破200万辆，2022年突破300万辆。": counts of
        # years told one by one leave the month told before them behind
        state.carry_period = None
    _update_last(state, mentions, s)
    _remember_described(state, with_periods, subjects)
    arm = with_periods[-1].entity_obj if with_periods else None
    carried = state.para_entity
    if (
        arm is not None
        and carried is not None
        and (arm.name == f"{carried.name} China" or (carried.name == "China" and arm.foreign_arm))
    ):
        # "Tesla sold 44,264 China-made vehicles in August. ... the 32,968 sold in July", "It
        # lifted Tesla's China sales to 473,078. ... sales were 56,006": the paragraph goes on
        # about the China arm its count was given to
        state.para_entity, state.para_from_frame = arm, False
    for cand in live:
        national = cand.entity_obj is not None and cand.entity_obj.level == "country"
        if _too_large_for_a_maker(cand) and not national and _the_countrys(s, cand, subjects):
            # "Auto sales totaled 8.35 million units in the first four months" after a maker's
            # paragraph: the country's, whoever the carried subject is
            china = lexicon().entities["China"]
            cand.entity, cand.entity_obj = china.name, china
        elif (
            _too_large_for_a_maker(cand)
            and cand.period is not None
            and cand.period.kind == "month"
            and _A_MARK_AFTER.match(s, cand.number.unit_end)
        ):
            # "the plant reached the three-million mark in October 2024": a running total
            # reached that month, far more than any month's count
            cand.period = Period("lifetime", LIFETIME_START, cand.period.end)
        elif _too_large_for_a_maker(cand):
            cand.drop("too large for its maker, place or period: a larger or longer total")
        elif (
            cand.entity_obj is not None
            and not cand.entity_obj.is_region
            and _THE_INDUSTRYS_TOTAL.search(s, 0, cand.number.start) is not None
        ):
            # "The industry total was 1,892 units, against 2,112 in February 2022" after a
            # ranking of makers: the whole market's, no maker's
            cand.drop("the industry's total, no maker's")
        elif _not_over(cand.period, state.published) and not _bound_so_far(s, cand, state):
            # "今年全年交付量大概在44万台", "In September, retail sales totaled" on 23 September
            cand.drop("its period had not ended when the article was published")
        elif _to_a_day_inside_a_month(cand) or (
            # "截至28日，比亚迪7月累计销量为25.79万辆": the month so far, to its 28th
            cand.qualifier == "exact"
            and not cand.number.ordinal
            and _TO_A_DAY.search(s, 0, cand.number.start) is not None
        ):
            # "In the current year up to December 24, retail sales amounted to 20.869 million":
            # no month's or year's figure (a milestone passed that day is one: "passed 10 million")
            cand.drop("a running total to a day inside a month")
    live = [c for c in live if not c.dropped]

    for cand in cands:
        if cand.dropped:
            _note(state, start, cand.number, cand.reason)
    # "NEV sales reached 413,314 units. Exports … totaled 125,539": an NEV count hands its
    # segment to sales and output, not to exports a sentence tells without a segment or a part
    nev_to_exports = carry_segment == "nev" and not (
        carry_segment_exports or segs or _PART_OF_THE_BEFORE.search(s)
    )
    segments = {
        id(cand): _final_segment(
            s, cand, None if nev_to_exports and cand.metric == "exports" else carry_segment
        )
        for cand in live
    }
    two_sales = _WHOLESALE_AND_RETAIL.match(s) is not None
    for cand in _one_key_two_values(live, segments) if two_sales or respectively else ():
        # "批发量与终端销量分别为55.6万辆和53.1万辆": wholesale and retail sales, which the figure
        # does not tell apart; "In the first two months, exports hit 13,000 and 14,000
        # respectively": values meant for two keys read as one; either would be wrong under
        # the other's name
        reason = "wholesale and retail counts" if two_sales else "two values"
        _note(state, start, cand.number, f"{reason} for one figure")
        live.remove(cand)
    out = []
    snippet = original[start:end]
    for cand in live:
        segment = segments[id(cand)]
        metric = cand.metric
        assert metric is not None and cand.period is not None and cand.entity is not None
        if metric == "prodsales":
            if _EACH.search(s):
                metrics_ = ["production", "sales"]
            else:
                _note(state, start, cand.number, "production and sales said together, no split")
                continue
        else:
            metrics_ = [metric]
        entities = [e.name for e in cand.each] or [cand.entity]
        if cand.part_of_the_count_before:
            cand.doubts = [d for d in cand.doubts if d not in _TOLD_BY_THE_WHOLE]
        for entity, metric_ in ((e, m) for e in entities for m in metrics_):
            state.carry_metric = metric_
            out.append(
                figure := Figure(
                    entity=entity,
                    metric=metric_,
                    unit="vehicles",
                    segment=segment,
                    period_kind=_kind_filed(cand.period),
                    period_start=cand.period.start,
                    period_end=cand.period.end,
                    value=cand.number.value,
                    qualifier=cand.qualifier,
                    yoy_pct=cand.yoy,
                    mom_pct=cand.mom,
                    claims=tuple(dict.fromkeys(cand.claims)),
                    snippet=snippet,
                    span=(start, end),
                    confidence=confidence(cand.doubts),
                    doubts=tuple(dict.fromkeys(cand.doubts)),
                )
            )
            _note(state, start, cand.number, "", figure)
    return out


def _kind_filed(period: Period) -> str:
    """The period's kind as its figure is filed: the year so far to December is the year (one
    series with the year's own total)."""
    if period.kind == "ytd" and (period.end.month, period.end.day) == (12, 31):
        return "year"
    return period.kind


def _final_segment(s: str, cand: _Candidate, carry_segment: str | None) -> str:
    """The segment the candidate's figure is filed under."""
    segment = cand.segment
    if segment in (None, "all") and cand.nev_only():
        segment = "nev"  # (all a maker that makes nothing else sold: its NEVs)
    if segment is None:
        # "... to lead in electric cars. Anhui built 1.03 million vehicles": a count that
        # names its own plain noun counts what it names, not the last segment said
        own_noun = cand.entity_obj is not None and _PLAIN_NOUN.fullmatch(
            s, cand.number.end, cand.number.unit_end
        )
        segment = (None if own_noun else carry_segment) or "unknown"
    if cand.passenger:  # NEV passenger cars when the sentence says so, not a segment carried
        nev = cand.segment == "nev" and not cand.nev_only()
        segment = "nev_passenger" if nev else "passenger"
    return segment


# a sentence telling wholesale and retail sales apart (matched at its start only: the
# lookaheads scan the whole sentence once)
_WHOLESALE_AND_RETAIL = re.compile(
    r"(?=.*(?:批发|\bwholesale))(?=.*(?:零售|终端|\bretail))", re.IGNORECASE | re.DOTALL
)


def _one_key_two_values(live: list[_Candidate], segments: dict[int, str]) -> list[_Candidate]:
    """The exact counts of one sentence that would be filed under one key with different
    values (both are dropped: which is the figure cannot be told)."""
    by_key: dict[tuple[object, ...], list[_Candidate]] = {}
    for cand in live:
        if cand.qualifier == "exact" and cand.period is not None and not cand.each:
            key = (cand.entity, cand.metric, segments[id(cand)], cand.period)
            by_key.setdefault(key, []).append(cand)
    return [
        cand
        for cands in by_key.values()
        if len({c.number.value for c in cands}) > 1
        and max(c.number.value for c in cands) > 1.02 * min(c.number.value for c in cands)
        for cand in cands
    ]


# a rate against the month before: "month-on-month", 环比, "up 4.8% from July"
_MONTH_ON_MONTH = re.compile(
    r"\bmonth[- ](?:on|over)[- ]month\b|\bm/m\b|\bMoM\b|环比"
    r"|(?:%|\bpercent|\bper cent)\s+(?:from|over|on|compared with|versus)\s+(?:the\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\b(?!\s+\d{4})",
)
_A_VEHICLE_COUNT = re.compile(
    r"\d[\d,.]*\s*(?:万|million|billion)?\s*(?:辆|台|units|vehicles|cars)"
)


def _month_on_month_after(s: str, n: Number, month: int) -> bool:
    """The clauses after ``n`` (up to the next count) compare it with the month before
    ``month``."""
    later = _A_VEHICLE_COUNT.search(s, n.unit_end)
    end = later.start() if later else len(s)
    for m in _MONTH_ON_MONTH.finditer(s, n.unit_end, end):
        said = m.group("month")
        if said is None or MONTHS.get(said.lower()) == (month - 2) % 12 + 1:
            return True
    return False


_A_MONTHS_COUNT = re.compile(
    r"\b(?:monthly|single-month|one-month|a month['’]s)\s+(?:sales|deliveries|output|production)",
    re.I,
)
_SPANS = ("quarter", "half", "ytd", "year")
_PERIOD_WORD = re.compile(r"\bperiod\b|同期", re.I)


def _carried_for(parts: Parts, state: _State, s: str) -> Period | None:
    """The period said before that this number's time words point back to: "During the
    period" after "381,100 in the first half, with June's exports hitting a record" is the
    half, the span the month was said beside (not "sold 83,000 in June. ... during the same
    period", June)."""
    carried, span = state.carry_period, state.span_period
    told = state.told_period
    if parts.month_said and told is not None and told.kind == "month":
        return told  # "launched in August. … delivered 16,434 units that month": August
    if parts.that_period and _same_period_opens_paragraph(s, state):
        return state.lead_period
    if (
        parts.that_period
        and _PERIOD_WORD.search(s) is not None  # not "in the same month"
        and carried is not None
        and carried.kind == "month"
        and span is not None
        and state.span_from == state.carry_from  # the month said beside the span, in passing
        and span.start <= carried.start
        and carried.end <= span.end
    ):
        return span
    if (
        parts.that_quarter
        and state.quarter_period is not None
        and carried is not None
        and carried.kind != "quarter"
        and that_quarter(carried, state.published).end >= state.published
    ):
        # "deliveries in the quarter" after a month or the year so far in a running quarter:
        # the quarter said before (the one reported on), not the running one
        return state.quarter_period
    return carried


_SAME_PERIOD_OPENING = re.compile(r"\s*同期(?![为的比])")


def _same_period_opens_paragraph(s: str, state: _State) -> bool:
    """ "同期安徽新能源汽车产量为73.09万辆" before any count of its paragraph: in the period the
    article reports on (after a count, even in the paragraph before, 同期 is its period)."""
    return (
        state.lead_period is not None
        and state.last_count is None
        # (not right after a sentence with counts: "2025年1-11月,陕西全省汽车产量157.6万辆…。
        # \n\n同期,河南全省汽车产量134.74万辆": their time, whatever the paragraphs)
        and state.counted_in != state.sentence_no - 1
        and _SAME_PERIOD_OPENING.match(s) is not None
    )


_MONTHLY_AFTER = re.compile(
    r"(?:[\s-]*(?:units?|vehicles?|cars?))?\s+(?:monthly|single[- ]month)\b", re.I
)
_MILESTONE_OF = re.compile(r"\bmilestone of\s+(?:about |over |more than )?$", re.I)
# "Tesla passed the 1 million vehicle milestone in March 2020": a running total then
# "the three-million mark", "the 1 million units mark"
_A_MARK_AFTER = re.compile(r"[\s-]*(?:(?:vehicles?|units?|cars?|EVs?|NEVs?)[\s-]+)?mark\b", re.I)
_MILESTONE_AFTER = re.compile(
    r"[\s-]*(?:(?:vehicle|unit|car|EV|NEV|delivery|production|output|sales|export)[\s-]+){0,2}"
    r"milestone\b"
    # "it had sold 1 million vehicles abroad, a milestone that ...": the count is the milestone
    r"|\s+(?:vehicles|units|cars|EVs|NEVs)(?:\s+(?:abroad|overseas|worldwide|globally|in total))?"
    r"\s*[,—–]\s*(?:marking\s+)?(?:a|another|an?\s+[a-z-]+)\s+milestone\b",
    re.I,
)


# "截至28日": a day with no month of its own, inside the month the sentence counts
_TO_A_DAY = re.compile(
    r"(?:截至|截止|截止到|到)\s*(?:本月|当月)?\s*(?:[12]?\d|3[01])\s*[日号](?!\d)"
)


# the most any one maker sells in a month, with room to spare (the largest groups sell about a
# million a month, eleven million a year, worldwide)
_MAKER_MOST_A_MONTH = 1_500_000
# no province or city builds or sells this many a month (Guangdong, the largest, about 300,000)
_REGION_MOST_A_MONTH = 700_000
# China's best months are about 3.5 million ("这一数字跨过1000万辆" in a month is a running total)
_COUNTRY_MOST_A_MONTH = 5_000_000


def _the_countrys(s: str, cand: _Candidate, subjects: list[tuple[Mention, bool]]) -> bool:
    """A count too large for the maker carried from before is China's: no maker or place is
    named in its sentence, which counts the car market ("Auto sales totaled 8.35 million")."""
    if _CHINAS_CAR_MARKET.search(s, 0, cand.number.start):
        return True  # "Great Wall grew at a time when China's auto market expanded to 26 million"
    return (
        not any(ok for _, ok in subjects)
        and not any(m.entity.level == FOREIGN for m, _ in subjects)
        and _CAR_MARKET.search(s) is not None
    )


_CHINAS_CAR_MARKET = re.compile(
    r"\bChina['’]s\s+(?:[\w-]+\s+)?(?:auto|car|vehicle|automobile)\s+(?:market|sales)\b"
    r"|(?:中国|全国|我国)汽车市场",
    re.I,
)


# the whole car market: "auto sales", "the car market", "vehicle sales in the country"
_CAR_MARKET = re.compile(
    r"\b(?:auto|car|vehicle|automobile)\s+(?:sales|market|output|production|exports)\b", re.I
)


def _too_large_for_a_maker(cand: _Candidate) -> bool:
    """More than its maker, province or city (or the country) makes or sells in its period."""
    entity, period = cand.entity_obj, cand.period
    if entity is None or period is None or period.kind == "lifetime":
        return False
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if entity.level == "country":
        most = _COUNTRY_MOST_A_MONTH
    else:
        most = _REGION_MOST_A_MONTH if entity.is_region else _MAKER_MOST_A_MONTH
    return cand.number.value > most * months


def _to_a_day_inside_a_month(cand: _Candidate) -> bool:
    period = cand.period
    return (
        period is not None
        and period.kind == "ytd"
        and cand.qualifier == "exact"
        and not cand.number.ordinal  # "年内第1000万辆新能源汽车下线" that day: a milestone
        and (period.end + timedelta(days=1)).day != 1
    )


_WEEKDAY = re.compile(
    r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?:周|星期)([一二三四五六日天])"
)
_WEEKDAYS = {
    **{d: i for i, d in enumerate(calendar.day_name)},
    **{d: i for i, d in enumerate("一二三四五六日")},
    "天": 6,
}


# a day said relative to the publication date: how many days before it
_RELATIVE_DAY = re.compile(r"(昨日|昨天|yesterday)|(今日|今天|today)", re.I)
_MARK_PASSED = re.compile(
    r"突破|跨越|迈过|站上|越过|\b(?:passed|crossed|topped|surpassed|exceeded|hit|reached)\b", re.I
)
_WEEKDAY_ANY_CASE = re.compile(_WEEKDAY.pattern, re.I)


def _milestone_day(s: str, start: int, end: int, published: date) -> date | None:
    """The day a mark was passed, when ``s[start:end]`` (the sentence up to the count) says it
    was passed on a day told relative to the publication date ("昨日", "yesterday", "on
    Thursday"); None otherwise."""
    if not _MARK_PASSED.search(s, start, end):
        return None
    relative = _RELATIVE_DAY.search(s, start, end)
    if relative is not None:
        return published - timedelta(days=1 if relative[1] else 0)
    weekday = _WEEKDAY_ANY_CASE.search(s, start, end)
    if weekday is not None:
        said = _WEEKDAYS[(weekday[1] or weekday[2]).capitalize()]
        return published - timedelta(days=(published.weekday() - said) % 7)
    return None


# (not "today": "Earlier today, Zeekr said it had reached ..." dates the saying, not the mark)
_TODAY = re.compile(r"今天|今日")


def _weekday_said(s: str, published: date) -> date:
    """The last day up to ``published`` that is the weekday ``s`` names, else ``published``."""
    said = _WEEKDAY.search(s)
    if said is None:
        return published
    weekday = _WEEKDAYS[said[1] or said[2]]
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _note(state: _State, offset: int, n: Number, reason: str, figure: Figure | None = None) -> None:
    if state.trace is not None:
        state.trace.append(NumberTrace(offset + n.start, offset + n.end, n.value, figure, reason))


def _company_of_a_carried_arm(s: str, cand: _Candidate, starts: list[int]) -> Entity | None:
    """The company, when the subject carried from before (or a pronoun pointing back to it) is
    its China arm and the count is the world's; None otherwise."""
    arm = cand.entity_obj
    if (
        arm is None
        or arm.parent is None
        or arm.name != f"{arm.parent} China"
        or not (D_SUBJECT_CARRIED in cand.doubts or D_SUBJECT_PRONOUN in cand.doubts)
        or not worldwide(_said_of_the_count(s, starts[cand.clause], cand.number))
    ):
        return None
    return lexicon().entities.get(arm.parent)


def _foreign(name: str) -> bool:
    """The entity (or each of a combined figure's) is a maker based outside China."""
    entities = lexicon().entities
    return all(
        (maker := entities.get(part)) is not None and maker.foreign for part in name.split("+")
    )


def _foreign_without_a_china_arm(name: str) -> bool:
    """A foreign maker (a combined figure, "Audi+Porsche+SEAT+Skoda", when each of its parts
    is) the lexicon names no China arm for ("Tesla" has "Tesla China"; BMW has none): its name
    stands for its business in China."""
    entities = lexicon().entities
    return _foreign(name) and not any(f"{part} China" in entities for part in name.split("+"))


def _worldwide_count_of_a_foreign_maker(s: str, cand: _Candidate, starts: list[int]) -> bool:
    """The count is a foreign maker's across the world, and the lexicon has no China arm to
    name its China figures apart: its name stands for its business in China."""
    start, end = starts[cand.clause], _within_the_clause(s, cand.number.unit_end, 30)
    if cand.clause > 0 and _WITH_OR_AT_LEAD.match(s, start):
        # "the best-selling luxury brand globally, with a record 2.214 million units": the
        # clause the count is attached to
        start = starts[cand.clause - 1]
    paired = _RESPECTIVELY.search(s, end, _within_the_clause(s, cand.number.unit_end, 200))
    if paired is not None:
        # "sold 2.055 million units and 1.6805 million units worldwide respectively": the
        # scope said after a list of counts is each one's
        end = paired.end()
    clause = s[start:end]
    return (
        cand.entity is not None
        and _foreign_without_a_china_arm(cand.entity)
        and (
            worldwide(clause)
            # "全球市场方面，宝马集团2022年共交付2,399,636辆": the sentence opens on the world
            or (_WORLD_OPENING.match(s) is not None and not made_in_china(clause))
        )
    )


# ("global sales were only 3 percent lower than in 2023, at 310,718 units": the clause before)
_WITH_OR_AT_LEAD = re.compile(r"[\s,]*(?:with|at)\b", re.I)
_WORLD_OPENING = re.compile(
    r"\s*(?:在)?全球(?:范围内|市场)?(?:方面|上)?\s*[，,]|\s*(?:Globally|Worldwide|Around the world"
    r"|Across the world)\b",
    re.I,
)


_CLAUSE_STOP = re.compile(r"[;；。]")


def _within_the_clause(s: str, end: int, more: int) -> int:
    """``end`` moved on by up to ``more`` characters, not past a semicolon or full stop (not
    "上海工厂第400万台整车下线；…特斯拉全球第900万台": the next clause's word)."""
    stop = _CLAUSE_STOP.search(s, end, end + more)
    return stop.start() if stop else end + more


# ", 占特斯拉全球累计交付量的51.7%", ", accounting for 40% of its global sales": a share of a
# whole said after the count, no word on the count itself
_SHARE_CLAUSE = re.compile(
    r"[，,]\s*(?:占|accounting for|representing|making up|contributing)|(?<=[辆台])占(?=全球)"
)


def _said_of_the_count(s: str, start: int, number: Number) -> str:
    """The words said with a count: from ``start`` to a little after it, within its clause
    and before a share of a whole."""
    end = _within_the_clause(s, number.unit_end, 30)
    share = _SHARE_CLAUSE.search(s, number.unit_end, end)
    return s[start : share.start() if share else end]


_BRACKET_OPEN_BEFORE = re.compile(r"[（(]\s*(?:约|近|超过?|逾|(?:about|nearly|over)\s)?\s*$", re.I)


_PASSENGER_CAR_ASSOCIATION = re.compile(
    r"(?<![A-Za-z])CPCA(?![A-Za-z])|Passenger Car Association|乘联会|乘联分会|乘聯會|乘聯分會"
)


# "China, the core market of the region, took", "year-to-date sales there": China as a market
# the subject of the story sells in
# after a place: it is a market of the maker's ("is still Porsche's biggest market",
# "remained its second-largest market")
_IS_ITS_MARKET = (
    r"\s+(?:is|was|remains|remained|became|stayed)\s+(?:[a-z]+ly\s+|again\s+|still\s+)?"
    r"(?:the|its|their|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?market\b"
)
_CHINA_AS_A_MARKET = re.compile(
    # ("China, BMW's largest single market,", "China, the group's largest single market,")
    r"\bChina,\s+(?:the|its|their|[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?market\b"
    r"(?:\s+of\s+[\w\s-]{1,30}?)?,"
    # ("China was predictably the number one market, with 824,932 cars handed over")
    r"|\bChina" + _IS_ITS_MARKET
)


# "MIC" (made in China): the press's name for the cars a foreign maker builds in China
_MIC = re.compile(r"(?<![A-Za-z])MIC(?![A-Za-z])")


def _arm_in_china(maker: Entity) -> Entity | None:
    """A foreign maker's China arm ("Tesla China"), the maker itself when it is one, or None."""
    return maker if maker.foreign_arm else lexicon().entities.get(f"{maker.name} China")


def _maker_of_the_market(
    s: str, cand: _Candidate, frame: Entity | None, clause: str
) -> Entity | None:
    """The foreign maker a story is about, or was named last (or its China arm), when the
    count's subject is China told as that maker's market, or its own clause counts the
    maker's made-in-China ("MIC") cars; None otherwise."""
    if cand.entity != "China" or frame is None:
        return None
    arm = _arm_in_china(frame)
    if arm is not None and _MIC.search(clause):
        # "According to the CPCA, total MIC sales came to about 23,804 in December" in a
        # story about Tesla: Tesla China's, not the country's
        return arm
    if not frame.foreign or not _CHINA_AS_A_MARKET.search(s, 0, cand.number.start):
        return None
    return arm or frame


def _china_arm(s: str, cand: _Candidate, starts: list[int], cited_before: bool) -> Entity | None:
    """A foreign maker's China arm ("Tesla China") when the count is of China-made cars or
    China sales, or the sentence before cited the passenger car association; None otherwise."""
    if cand.entity_obj is None or cand.entity_obj.is_region:
        return None
    arm = lexicon().entities.get(f"{cand.entity_obj.name} China")
    start = starts[cand.clause]
    bracket = _BRACKET_OPEN_BEFORE.search(s, max(0, cand.number.start - 8), cand.number.start)
    if bracket is not None:  # "特斯拉全球总交付量（约163.6万台）": what the bracket glosses
        start = min(start, max(0, bracket.start() - 16))
    if arm is None or worldwide(_said_of_the_count(s, start, cand.number)):
        return None
    if _WORLD_OPENING.match(s):
        return None  # "全球方面，特斯拉2021年累计交付93.6万辆": the sentence's topic is the world
    if _plants_share_of(s, cand.number):
        # "the Shanghai plant supplied more than half of the over 1.8 million electric vehicles
        # Tesla delivered around the world": the maker's total, its China plant a share of it
        return None
    if _PLANTS_SHARE_OF_THE_TOTAL.search(s, cand.number.end):
        # "Given that Tesla built 433,371 cars in Q1 2024, the Shanghai factory accounted for
        # 51% of the total": the maker's total, its China plant a share of it
        return None
    # exports leave from its China plant; a China cue anywhere in the sentence scopes it (in
    # a Chinese headline, anywhere in its part: "特斯拉二季度交付超44.4万辆 上海超级工厂6月交付
    # 71007辆"); the association's own measures ("wholesale", 零售) are its counts of the China arm
    return (
        arm
        if cand.metric == "exports"
        or made_in_china(_headline_part(s, cand.number.start))
        or cited_before
        or _ASSOCIATION_MEASURE.search(_said_of_the_count(s, start, cand.number))
        else None
    )


# the space between two parts of a Chinese headline
_HEADLINE_PARTS = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \u3000]+(?=[\u4e00-\u9fff])")


def _headline_part(s: str, at: int) -> str:
    """The part of a Chinese headline (parts parted by spaces, no full stop) that holds ``at``;
    ``s`` itself otherwise."""
    if "。" in s:
        return s
    start, end = 0, len(s)
    for m in _HEADLINE_PARTS.finditer(s):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return s[start:end]


# wholesale and retail: how the passenger car association counts a maker's China business (a
# maker reports its own deliveries and production)
_ASSOCIATION_MEASURE = re.compile(r"\b(?:wholesales?|retail)\b|批发|零售|批發", re.I)


_PLANTS_SHARE_OF_BEFORE = re.compile(
    r"\b(?:factory|plant|gigafactory|Giga\s*Shanghai)\b[^.;]{0,40}?\b(?:supplied|accounted for"
    r"|made up|represented|contributed|built|produced|delivered)\s+(?:more than |over |about "
    r"|nearly |almost |roughly |just under |just over )?(?:half|a third|a quarter|two-thirds"
    r"|[\d.]+\s*(?:%|percent|per cent))\s+of\s+(?:the\s+|its\s+)?(?:over |more than |about "
    r"|nearly |almost |some |roughly )?$",
    re.I,
)


def _plants_share_of(s: str, n: Number) -> bool:
    """The count is the whole a plant's share is said of ("the Shanghai plant supplied more
    than half of the over 1.8 million electric vehicles Tesla delivered")."""
    return _PLANTS_SHARE_OF_BEFORE.search(s, max(0, n.start - 120), n.start) is not None


_PLANTS_SHARE_OF_THE_TOTAL = re.compile(
    r"\b(?:factory|plant|gigafactory|Giga\s*Shanghai)\b[^.;]{0,40}?\b(?:accounted for|made up"
    r"|represented|contributed)\b[^.;]{0,30}?\bof (?:the|its|the company['’]s) (?:total|global"
    r"|worldwide)\b|(?:工厂|基地)[^。；;]{0,20}?占(?:其|特斯拉)?(?:全球)?总",
    re.I,
)


# "21,017 vehicles across all three brands": the whole of a maker's brands
_ACROSS_BRANDS = re.compile(
    r"\bacross (?:all |its |the )?(?:(?:two|three|four|five|\d) )?(?:of its )?brands\b", re.I
)
# "Across the BMW, MINI and Rolls-Royce brands, ...": a sentence about the listed brands' sum
_ACROSS_LISTED_BRANDS = re.compile(
    r"\s*Across (?:the|its|all(?: of)?(?: its)?) (.{3,80}?) brands\b", re.I
)
# "its worldwide sales of BMW, MINI and Rolls-Royce cars rose 6.5 percent to 2.56 million": the
# brands listed, whose sum the count after it is
_SALES_OF_LISTED_BRANDS = re.compile(
    # (not "of its Roewe and MG brands": the subject's, named before)
    r"\b(?:sales|deliveries|shipments)\s+of\s+(?:the\s+)?(?!its\b|their\b)"
    r"([^.;,]{2,30}(?:,\s*[^.;,]{2,30})*"
    r",?\s+and\s+[^.;,]{2,30}?)\s+(?:cars|vehicles|brands)\b",
    re.I,
)
# "lifting total sales to 31,305" after a brand's count of the same time: the whole it is a part
# of (not "its total deliveries", the brand's own running total)
_TOTAL_OF_PARTS = re.compile(
    r"(?<!\bits )(?<!\btheir )(?<!['’]s )\b(?:total|combined) (?:sales|deliveries)\b"
    # "lifting the company's total by nearly 50% to 31,305": the maker's, all brands together
    r"|\bthe (?:company|group|carmaker|automaker|parent)['’]s (?:total|combined)\b"
    r"(?! (?:revenue|income|loss|profit|market|share)\b)",
    re.I,
)


def _parent_of_a_whole(
    s: str,
    cand: _Candidate,
    live: list[_Candidate],
    subjects: list[tuple[Mention, bool]],
    starts: list[int],
    bounds: list[int],
) -> Entity | None:
    """The maker whose brands a count sums up, when the brand it went to is not named in the
    count's own clause ("Onvo delivered 16,434 units, lifting total sales to 31,305")."""
    brand = cand.entity_obj
    if brand is None or brand.kind != "brand" or not brand.parent:
        return None
    c0, c1 = starts[cand.clause], bounds[cand.clause]
    part_before = any(
        other.entity == brand.name
        and other.period == cand.period
        and other.number.end <= c0
        and other.number.value < cand.number.value
        for other in live
    )
    whole = _ACROSS_BRANDS.search(s, c0, c1) or (part_before and _TOTAL_OF_PARTS.search(s, c0, c1))
    if not whole or any(
        c0 <= m.start < c1 and lexicon().by_alias.get(s[m.start : m.end].casefold()) == brand.name
        for m, _ in subjects
    ):  # the brand named in the clause (not "the company" pointing at it)
        return None
    return lexicon().entities.get(brand.parent)


# "Deliveries in China ... fell 8.3%", "in China, sales dropped 7%", "recorded a jump in China
# sales": a bare sales word scoped to China (not "car sales in China", the market's)
_CHINA_SCOPED_COUNT = re.compile(
    r"(?<!car )(?<!cars )(?<!vehicle )(?<!auto )(?<!passenger )(?<!NEV )(?<!EV )(?<!market )"
    r"(?<!total )(?<!overall )(?<!retail )(?<!wholesale )(?<!industry )"
    r"\b(?:(?:deliveries|sales|output|production)\s+in\s+(?:mainland\s+China|China|the\s+country)\b"
    r"|China\s+(?:sales|deliveries|output|production)\b)"
    # "That leaves 62,398 units sold within China in March"
    r"|\b(?:sold|delivered|retailed)\s+(?:with)?in\s+(?:mainland\s+)?China\b"
    r"|\bin\s+(?:mainland\s+)?China,\s+(?:its\s+)?(?:sales|deliveries)\b"
    # "China, Volkswagen's largest single market, showed a similar performance"
    r"|\bChina,\s+(?:its|[A-Z][\w-]*['’]s|the\s+(?:group|company|carmaker|automaker|brand)['’]s)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:market|region)\b"
    # "大陸本土銷量年減65%": a maker's sales at home
    r"|(?:大陆|大陸)本土(?:市场|市場)?的?(?:销量|銷量|销售|銷售)",
    re.I,
)


def _maker_in_china(
    s: str, cand: _Candidate, subjects: list[tuple[Mention, bool]], state: _State
) -> Entity | None:
    """The maker whose count in China a count given to China is, said of it in this sentence
    or the one before ("Volkswagen's deliveries fell 2.3% ..., with deliveries in China down
    9.5% to 2.93 million", "sales in the country peaked at 95,671"): a maker's market, never
    the country's total."""
    if (
        cand.entity != "China"
        or cand.metric not in ("sales", "deliveries", "production")
        # (or said right after it: "62,398 units sold within China")
        or not _CHINA_SCOPED_COUNT.search(s, 0, min(len(s), cand.number.unit_end + 24))
    ):
        return None
    named = [
        m.entity
        for m, _ in subjects
        # (not "Production outside Japan declined …, and output in China": a place abroad)
        if m.end <= cand.number.start and not m.entity.is_region and m.entity.level != FOREIGN
    ]
    maker = named[-1] if named else state.last.get("maker")
    if maker is not None and maker.parent and f"{maker.parent} China" == maker.name:
        maker = lexicon().entities[maker.parent]  # "Tesla China" named last: Tesla's arm
    return maker


_SINCE_TIME = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|20\d\d)",
    re.I,
)
_OWNS_METRIC = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:output|production|sales|deliveries|exports|shipments)\b"
    r"(?![^,;:]*?\b(?:and|while|but)\b)"
    # "奇瑞为去年全省汽车产量达到近250万辆...作出了贡献": the province's output
    r"|的?(?:新能源)?(?:乘用)?(?:汽车)?(?:产量|销量|出口量)",
    re.I,
)
# "Sinotruk, or China National Heavy Duty Truck Group,": the same company by another name
_OR_NAME = re.compile(r",\s+or\s+(?:the\s+)?")
# "Guangzhou Automobile Group Company Ltd (GAC Group)": one name, twice
_SAME_NAME_BRACKETED = re.compile(
    r"\s*(?:(?:Company|Co\.?|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|Holdings?),?\s*)*[(（]\s*"
)
# "Sales grew 6.9 per cent, or 1.51 million vehicles, to 23.49 million": the change, told again
# as a count
_CHANGE_AGAIN = re.compile(
    r"\b(?:up|down|rose|fell|grew|increased|decreased|dropped|declined|climbed|jumped|slipped"
    r"|gained|slumped|surged|soared|an? (?:increase|decrease|rise|drop|decline|gain|jump|fall)"
    r"(?: of)?)\s+(?:by\s+)?\d+(?:\.\d+)?\s*(?:per\s*cent|percent|%)(?:\s+[\w-]+){0,4}?,?\s+or"
    r"\s+(?:about\s+|around\s+|nearly\s+|some\s+|more than\s+|over\s+)?$",
    re.I,
)
_MADE_THERE = re.compile(
    r"\b(?:rolled off|came off|produced|built|made|manufactured|assembled)\b[^,;.]{0,40}\bin\s+$",
    re.I,
)
_BY_COMPARISON = re.compile(r"\b(?:by|in) comparison\b|\bby contrast\b|相比之下|相较之下", re.I)
_RUNNING_TOTAL_WORD = re.compile(r"\b(?:its|their)\s+cumulative\b", re.I)
_SOLD_THERE = re.compile(
    r"\b(?:were|was|have been|had been|got)\s+(?:sold|delivered|registered)\s+in\s+$", re.I
)
_LOCATED_IN = re.compile(r"(?:在|于)\s*$")
_WITH_AFTER = re.compile(r"\s+with\b", re.I)
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
_POSSESSIVE_BEFORE = re.compile(
    r"(?:'s|’s|')\s+(?:(?:global|worldwide|combined)\s+)?(?:(?:own|record|tally|total of)\s+)?"
    # ("about 52% of Tesla's global total of roughly 1.636 million")
    r"(?:(?<=of )(?:about|around|roughly|nearly|almost|over|more than|some)\s+)?"
    # "than Tesla's 2022 total sales of 1.3 million": a name's own count, its year and metric
    # between
    r"|(?:'s|’s)\s+(?:(?:19|20)\d\d\s+)?(?:(?:total|annual|full-year|global|monthly|retail"
    r"|wholesale|domestic)\s+)?"
    r"(?:sales|deliveries|delivery|output|production|exports|volume|tally)\s+(?:of|at|were|was"
    r"|reached)\s+"
    r"(?:about |around |nearly |almost |over |more than |some )?"
    # "among them BYD with 40,532 units": a listed name with its own number
    r"|\s+with\s+(?:(?:about|around|nearly|almost|over|more than|some|a record)\s+)?"
    # "超过小鹏 (35045 辆)、理想 (33939 辆)", "NIO (20,575)": the name the bracket follows
    r"|\s*[（(]\s*(?:约|近|超过?|逾|大于|多于|[>＞≥])?\s*"
    # "含乐道品牌4,820辆", "其中极氪1.2万辆", "超过德国的261万辆", "日本汽车出口量95.4万辆": the
    # name right before the number, or with its metric between
    r"|(?<=[\u4e00-\u9fff])\s*(?:品牌)?(?:的)?\s*(?:(?:新能源)?(?:汽车|乘用车)?(?:出口量?|销量|产量"
    r"|交付量)(?:为|达到?)?)?\s*(?:约|近|超过?|逾)?\s*"
    # ("昊铂GT获选为中国第2000万辆新能源汽车的下线车型": the country's 20-millionth)
    r"|(?<=[\u4e00-\u9fff])\s*第\s*",
    re.I,
)
# "31,379 of which were exported", "93,000 of them were sold overseas"
_OF_WHICH_WERE = re.compile(
    r"\s*(?:(?:units?|vehicles?|cars?)\s+)?of (?:which|them|these)\s+(?:were|was|are|is)"
    r"\s+(?:[\w-]+\s+)?",
    re.I,
)
_OF_THEM = re.compile(r"\s*(?:(?:units?|vehicles?|cars?)\s+)?of (?:them|these|those|which)\b", re.I)
# "delivered 1,002 electric buses to Chile", "handed over 5,000 taxis to Thai operators": one
# batch for one buyer, not the period's deliveries (customers, users, owners are everyone)
_HANDED_BEFORE = re.compile(r"\b(?:delivered|handed over|hands over|delivers)\s+(?:\w+\s+)?$", re.I)
_BATCH_TO = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+to\s+(?:(?:its|their|the|new|private|individual|end|domestic)\s+)?"
    r"(?!(?:[A-Z][a-z]+\s+)?(?:customers|users|buyers|owners|consumers|clients|dealers|car owners"
    r"|markets?)\b)"
    # "from January to November": a span, no buyer
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    r"(?:[A-Z]|(?:\w+\s+)?(?:operators|companies|firms|government|police|authorities|fleet)\b)"
)
# "with 1,000 of them sold to Chile": one foreign market's part of the figure
_TO_ONE_MARKET = re.compile(
    r"\s+(?:(?:units?|vehicles?|cars?|buses)\s+)?of (?:them|these|those|(?:its|their|the)\s+"
    # ("70,600 of its exports went to European markets")
    r"(?:exports|shipments|sales|deliveries))\s+(?:were\s+)?"
    r"(?:sold|exported|shipped|delivered|went)\s+to\s+(?:the\s+)?[A-Z]"
)
# "vehicle shipments to Russia soared 545% to 840,000 units": one foreign market's part
_TO_A_MARKET_BEFORE = re.compile(
    r"\b(?:shipments|exports|sales|deliveries)\s+to\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"(?!\s+(?:customers|users|buyers|consumers|owners|clients|dealers)\b)"
)
# "提出了“双百万”目标：…": a plan's label, and what follows it in the sentence
_PLAN_COLON = re.compile(r"(?:目标|计划|规划|任务|愿景)[”\"』」]?\s*[:：]")
# a clause that ends with a count: "2023年实现了491万辆，"
_ENDS_WITH_A_COUNT = re.compile(
    r"\d\s*(?:万|亿|million|m)?\s*(?:辆|台|units|vehicles|cars)\s*[，,]\s*$", re.I
)
# ", topping 700,000 units again": a bar the count before the comma passed
_A_BAR_PASSED = re.compile(
    r"\s*(?:topping|passing|exceeding|surpassing|crossing|breaking|clearing|beating)\s+"
    r"(?:the\s+)?[\d.,]+\s*(?:million|m|thousand)?\s*(?:units|vehicles|cars|EVs)?"
    r"(?:\s+mark)?(?:\s+(?:again|once again|once more|for the first time))?\b",
    re.I,
)
# a Chinese label that ends on a colon names what the clause after it gives
_PLAN_LABEL = re.compile(r"[\u4e00-\u9fff][:：]\s*$")
# a clause without a verb of its own, hanging on the clause before it
# ("把年度销售目标,由550万下调至460万辆": the change of a target, said after it)
_VERBLESS = re.compile(
    # "guidance of a 15% rise in annual sales, or about 2.3 million": a restatement
    r"\s*(?:(?:with|including|of which|among them|from|or|equivalent to|equal to)\b|其中|包括|由|从"
    r"|相当于|即(?!将|使|便))",
    re.I,
)
# "a 2025 target that would double its sales, about 440,000 vehicles": a count alone in its
# clause restates the clause before
_BARE_COUNT = re.compile(
    r"(?:about|around|roughly|some|nearly|approximately|almost|or|约|近|接近|将近|大约"
    r"|(?:已|首次)?(?:超过|突破|迈过|跨过|站上)了?)?\s*[\d.,]+\s*"
    r"(?:million|m|thousand|万)?\s*(?:units|vehicles|cars|EVs|辆|台)?(?:大关|关口|台阶)?",
    re.I,
)
# "将交付目标从12万辆，调整至13万辆", "raised it to 130,000": a target revised in the next clause
_REVISED = re.compile(
    # ("2月预测为200万辆，4月上调到220万辆": the month it was revised in, first)
    r"\s*(?:\d{1,2}\s*月份?)?(?:再|又|最终|随后|并)?(?:调整|上调|下调|提高|提升|降低|修正|修改|改)(?:至|到|为)"
    # "并于9月下调至460万辆": a time between (only words that revise a plan)
    r"|\s*(?:再|又|最终|随后|并)?[于在][^，,。；;]{1,8}?(?:调整|上调|下调|调高|调低|上修|下修)(?:至|到|为)"
    r"|\s*(?:and\s+)?(?:raised|lowered|cut|revised|adjusted|lifted)\s+(?:it\s+)?(?:up\s+|down\s+)?to\b",
    re.I,
)
# a clause that only gives the rate of the one before it ("..., up 11.7 percent year on year,")
_RATE_ONLY = re.compile(
    r"\s*(?:up|down|rising|falling|increasing|decreasing|an? (?:increase|decrease|rise|drop"
    r"|gain|decline) of)\s+[\d.]+\s*(?:%|percent|per cent|pct)\b[^,，;；]*$"
    r"|\s*同比(?:增长|下降|下滑|上升|减少)[\d.]+%\s*$",
    re.I,
)
# the next item of a list the clause before opened ("four million units of commercial vehicles")
_LIST_ITEM = re.compile(
    r"\s*(?:and\s+)?(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten)\s*"
    r"(?:million|thousand)?\s*(?:units?|vehicles?)\s+of\b",
    re.I,
)


def _governing_forecast(s: str, starts: list[int], k: int) -> re.Match[str] | None:
    """The forecast word of the clause clause ``k`` hangs on: the one before it, or further back
    over clauses that only give a rate or hang on another ("are expected to reach 30 million
    in 2023, up 11.7 percent year on year, including 26 million ...")."""
    for i in range(k - 1, -1, -1):
        end = starts[i + 1]
        found = mx.FORECAST.search(s, starts[i], end)
        if found is not None:
            # ("sold 2.6 million, beating its target for the year, with overseas sales at 1.14
            # million": a goal beaten governs nothing after it)
            return None if _GOAL_BEATEN.search(s, starts[i], found.start()) else found
        if not (
            _RATE_ONLY.match(s[starts[i] : end].rstrip(",，; ")) or _VERBLESS.match(s, starts[i])
        ):
            return None
    return None


_OWN_PAST_PREDICATE = re.compile(
    r"\s*(?:which|that|who)\s+(?:(?:also|had|has)\s+)?(?:manufactured|produced|built|made|sold"
    r"|delivered|exported|shipped|handed over|rolled out|posted|recorded)\b",
    re.I,
)
# a contrasting conjunct that tells what was done: "but finished the year at", "yet sold"
_BUT_IT_DID = re.compile(
    r"[,\s]*(?:but|yet)\s+(?:(?:it|they|the\s+\w+)\s+)?(?:only\s+|actually\s+|still\s+)?"
    r"(?:(?!(?:need|want|plann|aim|expect|target|hop|forecast|guid|project|estimat)\w*ed\b)\w+ed"
    r"|sold|built|made|came|hit|fell|rose|grew|took|won|got)\b",
    re.I,
)
_NEW_PREDICATE = re.compile(
    r"\s*(?:bringing|taking|pushing|lifting|raising|putting|making|which|while|whereas|but)\b",
    re.I,
)
_WHEN_NEXT = re.compile(r"[,，\s]*(?:when|during which|in which)\b", re.I)
# what separates a number from a metric word that belongs to a later number
_GAP_BREAK = re.compile(
    r"\b(?:and|while|whereas|but|or)\b|[,，;；、和而及与]|(?<=[\u4e00-\u9fff])\s|\s(?=[\u4e00-\u9fff])"
)


def _attached_after(s: str, unit_end: int, hit: mx.Hit) -> bool:
    """A metric word right after a number that counts it ("20,116 deliveries", "25万辆的销量"),
    or its passive verb a little further ("14,174 had in fact been exported")."""
    gap = hit.start - unit_end
    passive = _AUXILIARY_BEFORE.search(s, max(0, hit.start - 14), hit.start) is not None
    return (gap <= 16 or (gap <= 32 and passive)) and _GAP_BREAK.search(
        s, unit_end, hit.start
    ) is None


def _a_time_before(s: str, end: int) -> bool:
    """``s[:end]`` names a time other than a running total's word (累计)."""
    return any(
        values.keys() - {"lifetime", "total"} for _a, _b, values in find_parts(s, 0, end).components
    )


def _span_of_the_list(s: str, cands: list[_Candidate], cand: _Candidate) -> Period | None:
    """The year so far the count of another maker before it in the same list told ("1-10月蔚来
    累计交付新车70062台，小鹏汽车累计交付66542台"), when only commas stand between them."""
    at = cand.number.start
    before = [c for c in cands if c.number.end <= at and not c.dropped and c.period is not None]
    if not before:
        return None
    last = before[-1]
    if (
        last.period is None
        or last.period.kind != "ytd"
        or _LIST_BREAK.search(s, last.number.end, at)
    ):
        return None

    # (not "1-10月蔚来交付新车70062台，累计交付新车16.7万台", nor "前9个月总交付量为66395辆，
    # 蔚来累计交付133736辆": the same maker's running total)
    def makers(text: str) -> set[str]:
        return {m.entity.name for m in names_in(text) if not m.entity.is_region}

    named = makers(s[last.number.end : at])
    return last.period if named and not named & makers(s[: last.number.start]) else None


_LIST_BREAK = re.compile(r"[。；;]")


def _unnamed(s: str, lo: int, hi: int, entity: Entity, mentions: list[tuple[Mention, bool]]) -> str:
    """``s[lo:hi]`` without the names that hold a vehicle class but say whose the figure is:
    the subject's own ("上汽乘用车") and an industry body's ("China Passenger Car Association")."""
    chars = list(_BODY_NAMES.sub(_blank, s[lo:hi]))
    names = lexicon().by_alias
    for m, _ in mentions:  # the entity's name itself, not a pronoun ("the domestic automaker")
        if not (lo <= m.start and m.end <= hi):
            continue
        named = names.get(s[m.start : m.end].casefold()) == entity.name
        if named and m.entity == entity:
            # with the legal name's tail ("Dongfeng Nissan Passenger Vehicle Co")
            tail = _LEGAL_TAIL.match(s, m.end, hi)
            end = tail.end() if tail else m.end
            chars[m.start - lo : end - lo] = " " * (end - m.start)
        if not m.entity.is_region and m.entity.kind != "unknown":
            # "自主品牌广汽传祺11月销售汽车35572辆", "合资品牌上海通用和一汽大众分别销售…": what
            # the brands named are, not a part of them
            kind = _KIND_OF_BRAND.search(s, max(lo, m.start - 5), m.start)
            if kind is not None:
                chars[kind.start() - lo : m.start - lo] = " " * (m.start - kind.start())
    return "".join(chars)


_KIND_OF_BRAND = re.compile(r"(?:自主|合资)品牌的?$")
_LEGAL_TAIL = re.compile(
    r"(?:\s+(?:Passenger|Commercial)\s+(?:Vehicles?|Cars?))?"
    r"(?:\s+(?:Automobile|Automotive|Motors?))?\s+(?:Co\b\.?|Company|Corp\b\.?|Corporation)"
    r"(?:,?\s+(?:Ltd|Limited)\b\.?)?"
)


# industry bodies whose names hold a vehicle class ("China Passenger Car Association"), and a
# rank that does ("China's top passenger vehicle exporter with 937,148 units")
_BODY_NAMES = re.compile(
    r"(?:China )?Passenger Car Association|全国乘用车市场信息联席会"
    r"|\b(?:top|largest|biggest|leading|No\. ?1|number one)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:exporter|seller|maker|carmaker|automaker|brand|manufacturer|producer)s?\b",
    re.I,
)
# a clause whose subject stands in the clause before it
_VERB_LED = re.compile(
    r"\s*(?:(?:were|was|are|is|reached|totaled|totalled|came to|stood at|hit|amounted to"
    # "Light commercial vehicle sales remained weak in July, slipping 1.6% … to 320,000 units"
    r"|slipping|falling|dropping|declining|sliding|rising|climbing|growing|jumping|surging"
    r"|increasing|decreasing)\b"
    # "但国内销量同比下降65%，降至89590辆": where the count of the clause before went
    r"|(?:降至|降到|跌至|回落至|下滑至|滑落至|下降至|下降到|增至|增长至|增长到|增加到|升至|升到|攀升至"
    r"|提升至))",
    re.I,
)
_APPOSITION = re.compile(r"\s*(?:the|a|an|one of)\s", re.I)
_INTERJECTION = re.compile(
    r"[\s,]*(?:by contrast|in contrast|however|meanwhile|though|too|also|in turn|for its part"
    r"|on the other hand|for example|for instance)[\s,]*",
    re.I,
)
_BRACKETED_BASE = re.compile(r"(?:%|％|倍|percent)\s*[（(][^（()）]{0,12}$")


# a time that modifies the number after it: "去年12月的超5万台", "2019年的12万辆"
_MODIFIES = re.compile(rf"\s*的\s*{ZH_ROUGHLY}?\s*")


def _about_another(makers_named: list[set[str]], i: int, own: int) -> bool:
    """Clause ``i`` names a maker and clause ``own`` names others only."""
    return (
        bool(makers_named[i])
        and bool(makers_named[own])
        and not makers_named[i] & makers_named[own]
    )


def _goes_on_about_another(i: int, own: int, clause_subjects: list[set[str]]) -> bool:
    """Clause ``i`` names no subject and follows a clause about another maker than the one
    clause ``own`` names."""
    return (
        i > 0
        and not clause_subjects[i]
        and bool(clause_subjects[own])
        and bool(clause_subjects[i - 1])
        and clause_subjects[i - 1] != clause_subjects[own]
    )


# ", and its NEV sales ...", "while the brand's exports ...": a conjunct with a subject of its own
_CONJUNCT_WITH_ITS_SUBJECT = re.compile(
    r"[\s,]*(?:and|while|but|whereas)\s+(?:its|their|the)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:sales|deliveries|exports|output|production|shipments)\b",
    re.I,
)


def _trails_own_count(clause: Parts, parts_all: Parts) -> bool:
    """Every time of the clause is the own time of a count said before it ("170,000 in
    December")."""
    return all(
        any(span in t.parts.spans and t.number < span[0] and not t.base for t in parts_all.ties)
        for span in clause.spans
    )


def _without_others_times(clause: Parts, parts_all: Parts, number: int, s: str) -> Parts:
    """A clause's times less those that modify another number of it: in
    "交付量从去年12月的5万台回落到3.9万台" December is the 50,000's, not the 39,000's (but in
    "4月交付5539辆 累计交付突破5万辆" April is the time of both)."""
    held = {
        span
        for tie in parts_all.ties
        if tie.number != number and not tie.base
        for span in tie.parts.spans
        if _MODIFIES.fullmatch(s, span[1], tie.number)
    }
    # "In September, deliveries stood at 10,000 and in October at 11,000": a time that opens
    # the next conjunct of the clause is its number's
    held |= {(a, b) for a, b, _ in clause.components if _opens_next_conjunct(s, number, a, b)}
    # "51,443 cars, a little below its record month in September", "the previous record of
    # 21,333 set in September ... took the total to 168,000": the time of a record referred to
    own = parts_all.tie_at(number)
    held |= {
        (a, b)
        for a, b in _reference_times(s, clause)
        if not (own is not None and (a, b) in own.parts.spans)
    }
    # "lifting its first-half 2025 total above 157,000 units and putting it on course to beat
    # its full-year 2024 volume": a year compared with, after the number
    compared = _compared_times(s, clause)
    held |= {
        (a, b)
        for a, b, values in clause.components
        if (a, b) in compared
        and a > number
        and set(values) <= {"year", "full_year"}
        and not (own is not None and (a, b) in own.parts.spans)
    }
    # (and the year said right before the month: 去年 of 去年12月)
    held |= {(a, b) for a, b, _ in clause.components if any(b == start for start, _ in held)}
    if not held or not any((a, b) in held for a, b, _ in clause.components):
        return clause  # (the same object: nothing was taken out)
    return clause.without(held)


_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")
_A_COUNT_INSIDE = re.compile(r"\d\s*万?\s*(?:辆|台|units?\b|vehicles\b|cars\b)")


def _bracketed_apart(s: str, a: int, b: int, number: int) -> bool:
    """The time at ``a``..``b`` stands in brackets that hold a count of their own and not
    ``number``."""
    if "（" not in s and "(" not in s:
        return False
    for m in _BRACKETS.finditer(s):
        if m.start() < a and b <= m.end():
            return not m.start() < number < m.end() and bool(_A_COUNT_INSIDE.search(m.group()))
    return False


_A_RANKING_BEFORE = re.compile(
    r"\b(?:its|their|the)\s+(?:highest|best|biggest|strongest|largest)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_A_RANK_HELD = re.compile(
    r"(?:\band|,)\s+(?:kept|keeping|held|holding|retained|retaining|maintained|maintaining"
    r"|claimed|claiming|took|taking|won|winning|remained|remaining|stayed|staying)\s+"
    r"[^,;.\d]{0,60}?\b(?:share|spot|place|position|lead|title|crown|rank(?:ing)?)\b",
    re.I,
)
_RELATIVE = re.compile(r",?\s+(?:whose|which|who)\s[^,;:，；：。]*")
_MAKER_NOUN_BEFORE = re.compile(
    r"\b(?:brand|marque|company|maker|carmaker|automaker|startup|start-up|firm|group"
    r"|manufacturer|venture|plant|factory)$",
    re.I,
)


def _maker_relatives(s: str) -> list[tuple[int, int]]:
    """The spans of relative clauses about a maker ("Firefly, the new brand whose first cars
    were handed over in April", "NIO, which started deliveries in 2018")."""
    if "whose" not in s and "which" not in s and "who" not in s:
        return []
    spans = []
    for m in _RELATIVE.finditer(s):
        before = s[max(0, m.start() - 40) : m.start()]
        if _MAKER_NOUN_BEFORE.search(before) or any(
            not k.entity.is_region and k.end == len(before) for k in names_in(before)
        ):
            spans.append((m.start(), m.end()))
    return spans


def _reference_times(s: str, parts: Parts) -> set[tuple[int, int]]:
    """The times of ``parts`` that only date a record, an earlier change or a rate compared
    with ("below its record month in September", "after a jump of nearly 50% in August", "well
    above the 44.6% seen in April 2024")."""
    return {
        (a, b)
        for a, b, _ in parts.components
        if _RECORD_TIME_BEFORE.search(s, max(0, a - 60), a)
        or _RECORD_NUMBER_TIME_BEFORE.search(s, max(0, a - 60), a)
        or _EARLIER_CHANGE_BEFORE.search(s, max(0, a - 60), a)
        or _TREND_BEFORE.search(s, max(0, a - 60), a)
        or _RATE_COMPARED_BEFORE.search(s, max(0, a - 60), a)
        # "480,186 NEVs, its highest monthly total so far in 2025": the time of a ranking
        or _A_RANKING_BEFORE.search(s, max(0, a - 40), a)
        # "扭转了2024年的下滑态势": the time of a trend
        or _TREND_AFTER_ZH.match(s, b)
    }


def _only_reference_times(s: str, parts: Parts) -> bool:
    """Every time of ``parts`` only dates something referred to (``_reference_times``)."""
    return bool(parts.components) and len(_reference_times(s, parts)) == len(parts.components)


# "took 51.6% of sales, well above the 44.6% seen in April 2024": the time of a rate compared
_RATE_COMPARED_BEFORE = re.compile(
    r"\b(?:than|above|below|from|compared (?:with|to)|versus|against)\s+(?:the\s+)?[\d.]+\s*"
    r"(?:%|percent|per cent)\s+(?:(?:share|rate|penetration)\s+)?"
    r"(?:(?:seen|recorded|posted|reported|registered|achieved)\s+)?"
    # ("a slowdown from 11.2% in September and 15.1% in August": the rates listed)
    r"(?:in|during|for)\s+(?:the\s+)?(?:[A-Z][a-z]+(?:\s+\d{4})?(?:,|\s+and)\s+[\d.]+\s*"
    r"(?:%|percent|per cent)\s+in\s+)?"
    # ("a gross margin of 14.5% against 8.1% in the same period of 2024")
    r"(?:same\s+(?:period|month|quarter)\s+)?$",
    re.I,
)


# "扭转了2024年的下滑态势": the time of a trend, said before it
_TREND_AFTER_ZH = re.compile(
    r"\s*(?:以来)?的?(?:下滑|下降|下跌|增长|颓势|低迷|负增长|回落)(?:态势|趋势|势头|局面)"
)
# "ending the growth seen in": the time of that trend
_TREND_BEFORE = re.compile(
    r"\b" + _TREND + r"\s+[^.;,\d]{0,40}?\b(?:in|since|from)\s+(?:the\s+)?$", re.I
)


# "after a jump of nearly 50% in", "following a 20% rise in": an earlier change's time
_EARLIER_CHANGE_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:jump|rise|increase|gain|surge"
    r"|rebound|recovery|growth|drop|fall|decline|slump|dip|plunge|slide)\b[^.;,\d]{0,12}"
    r"(?:[\d.]+\s*(?:%|percent|per cent))?\s*in\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "its record month in", "the previous record of 21,333 deliveries set in": a record's time
_RECORD_TIME_BEFORE = re.compile(
    r"\b(?:record|high|best|peak)(?:\s+(?:month|quarter|year))?(?:\s+of\s+[\d,.]+(?:\s+\w+)?)?"
    r"\s+(?:(?:set|achieved|reached|hit|posted)\s+)?(?:back\s+)?in\s+(?:the\s+)?$",
    re.I,
)
# "after the record 12,961 it reached in June": the time of a record told with its number
_RECORD_NUMBER_TIME_BEFORE = re.compile(
    r"\b(?:record|high|best|peak)\s+(?:of\s+)?[\d,.]+(?:\s+(?:units|vehicles|cars|deliveries))?"
    r"(?:\s+(?:it|they|that|which))?(?:\s+had)?\s+(?:set|achieved|reached|hit|posted)\s+"
    r"(?:back\s+)?in\s+(?:the\s+)?$",
    re.I,
)
# between a count and a time that opens the next conjunct: "10,000 units and in", ", while in"
_CONJUNCT_TIME_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s*,?\s+(?:and|while|but|whereas)\s+(?:(?:in|during|for|over)\s+)?"
    r"(?:the\s+)?",
    re.I,
)
# from such a time to its own number: a few words, no other number ("in October at 11,000",
# "and in October it was 11,000")
_TO_CONJUNCT_NUMBER = re.compile(r"(?:\s*,)?(?:\s+[a-z'’]+){0,5}?\s+(?=\d)", re.I)


def _opens_next_conjunct(s: str, number: int, a: int, b: int) -> bool:
    """The time at ``a``..``b`` follows the count at ``number`` across "and"/"while" and leads
    the conjunct's own count: "deliveries stood at 10,000 and in October at 11,000"."""
    count = NUMBER_RE.match(s, number)
    if count is None or a < count.end():
        return False
    if not _CONJUNCT_TIME_AFTER.fullmatch(s, count.end(), a):
        return False
    to_number = _TO_CONJUNCT_NUMBER.match(s, b)
    if to_number is None:
        return False
    later = NUMBER_RE.match(s, to_number.end())
    return later is not None and not re.match(r"\s*(?:%|percent|per cent)", s[later.end() :])


# the words glued to a count's unit, up to the next item of a list
_GLUED_AFTER = re.compile(r"[^\d,，;；.。:：()（）和及与、\s]{0,12}")


def _glued_after(s: str, end: int) -> str:
    """The words glued to a count's unit: BEV in "177万辆BEV和250万辆PHEV"."""
    glued = _GLUED_AFTER.match(s, end)
    assert glued is not None  # it matches the empty string
    return glued.group(0)


_OF_WHICH_AT = re.compile(r"\s*(?:其中|of which|including)", re.I)
# a clause that tells a part of the count before it ("其中新能源车型销量16万辆")
_A_PART_OPENS = re.compile(r"\s*(?:其中|of (?:which|them|these)\b)", re.I)


def _part_the_sentence_opens_on(
    s: str,
    cand: _Candidate,
    starts: list[int],
    subjects: list[tuple[Mention, bool]],
    cands: list[_Candidate],
) -> str:
    """The words of the powertrain or body type a Chinese sentence about a maker opens on
    (其中) before its first count, for a later clause that names no one: "其中纯电车型12月销量
    190,712辆,全年累计2,256,714辆" counts the pure electric models in both clauses. Empty
    otherwise."""
    if (
        cand.clause == 0
        or cand.entity_obj is None
        or cand.entity_obj.is_region
        or not s.startswith("其中", len(s) - len(s.lstrip()))
        or any(starts[cand.clause] <= m.start < cand.number.start for m, _ in subjects)
    ):
        return ""
    opening = s[: cands[0].number.start]
    return " " + opening if powertrain(opening) or body_type(opening) else ""


# "从2018年交付第一台电动车到今天第50万台下线": the year of the first car, the milestone today
_NOW_OR_A_FIRST = re.compile(
    r"今天|今日|目前|至今|如今|眼下|第一台|第一辆|首台|首辆|首款|\b(?:today|now|currently)\b"
    r"|\bfirst (?:car|vehicle|EV|unit|model)\b"
    # "155,804 since the vehicle entered the market in 2019": the year it started from
    r"|\bsince\b(?=[^.;]{0,60}?\b(?:19|20)\d\d\b)",
    re.I,
)
_SIMPLE_PAST_TOTAL = re.compile(
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )\b(?:sold|delivered|exported|shipped|produced|built|made)"
    r"\s+(?:a\s+total\s+of\b"
    # "It sold 97,004 units in China in total": all its ventures together, that month
    r"|[\d,.]+\s*(?:million\s+)?(?:units|vehicles|cars)?(?:\s+in\s+[A-Z][a-z]+)?\s+in\s+total\b)"
    # "The market dropped 6.6% to 1.81 million units in total": a month's sum that changed (a
    # running total since the start never falls)
    r"|\b(?:fell|dropped|declined|slid|slipped|sank|shrank|contracted)\s+(?:by\s+)?[\d.]+\s*"
    r"(?:%|percent|per cent)\s+to\s+[\d,.]+\s*(?:million\s+)?(?:units|vehicles|cars)?"
    r"\s+in\s+total\b",
    re.I,
)
# a clause said of today, not of the time told before it
# (not "many of its products now sit in the mid-market": an adverb of another verb)
_NOW_BEFORE = re.compile(
    r"今天|今日|如今|\btoday\b|^\s*now\b|\b(?:as of|until|till|up to|by|right) now\b", re.I
)


def _said_of_today(s: str, at: int, parts: Parts, parts_all: Parts, own: Parts) -> bool:
    """A count said of today ("2022年，年度产量超过500万辆；而到今天，年产量首次突破1000万辆"): a
    word of today before it, no time said between the two, its own clause says none but "a
    year's" (年产量) and no other it takes its time from says more than a year."""
    said = list(_NOW_BEFORE.finditer(s, 0, at))
    now = said[-1] if said else None
    return (
        now is not None
        and all(set(values) <= {"full_year"} for _, _, values in own.components)
        and all(set(values) <= _A_YEAR_SAID for _, _, values in parts.components)
        and not any(
            now.end() <= a < at and set(values) - {"full_year"}
            for a, _, values in parts_all.components
        )
    )


_A_YEAR_SAID = {"full_year", "year", "year_alone", "year_when"}
_A_YEARS_COUNT = re.compile(r"年(?:度)?(?:产|销|产销|交付|出口)量?|\b(?:annual|yearly)\b", re.I)
_NOWADAYS = re.compile(r"\s*(?:如今|现如今|时至今日|Nowadays|These days)\s*[，,]", re.I)
_SINCE_A_YEAR_CHANGE = re.compile(
    # ("从2018年到现在，…年销量由14.2万辆跃升到112.3万辆": the same, from then to now)
    r"(?:19|20)\d\d\s*年(?:以来|(?:到|至)(?:现在|如今|今天|目前|今)(?!年))[^。；;]*?(?:由|从)[^。；;]*?"
    r"(?:(?:增长|增加|提升|提高|攀升|猛增|跃升|扩大|飙升|增|升)(?:至|到)|达到)"
)
_GLOBAL_WORD = re.compile(r"全球|世界|global|worldwide", re.I)


def _powertrain_topic(
    s: str, starts: list[int], subjects: list[tuple[Mention, bool]], clause: int
) -> bool:
    """A clause before ``clause`` in the sentence speaks of one powertrain ("比亚迪12月纯电动汽车
    销量为19.07万辆，", "插电混动车增速较快，") and no clause from there on names a subject or says
    which vehicles it counts: the count of ``clause`` is of that powertrain too."""
    first_end = starts[1] if len(starts) > 1 else len(s)
    if _OF_WHICH_AT.match(s) and _DIGIT.search(s, 0, first_end):
        # (not "其中纯电车型表现突出，全年卖出225.67万辆": a part opening without a count of
        # its own names the powertrain the next clause counts)
        return False

    def bounds_of(i: int) -> tuple[int, int]:
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(s)

    a, b = bounds_of(clause)
    c0 = a
    if powertrain(s[a:b]) or _NEV_WORD.search(s, a, b):
        return False  # its own says which: "while NEV sales rose 4% to 1.32 million"
    for i in range(clause, -1, -1):
        a, b = bounds_of(i)
        named = any(
            a <= m.start < b and s[m.start : m.end].lower() not in _PLAIN_PRONOUNS
            for m, _ in subjects
        )
        # a count of one powertrain, or a Chinese clause that names it as the topic ("插电混动
        # 车增速较快，"); not a maker described by its powertrain ("作为增程领头羊的理想汽车,",
        # "BYD, which offers both battery-electric cars and plug-in hybrids,")
        if (
            i < clause
            and powertrain(s[a:b])
            and (
                _A_COUNT.search(s, a, b)
                or (not named and _HAN.search(s, a, b) and not _LATIN.search(s, a, b))
                # "Sales of plug-in hybrids declined for the tenth month, falling 29% to
                # 122,269": the count the sentence's subject goes on to
                or (_COUNT_OF_A_KIND.match(s, a) is not None and _CHANGE_LEAD.match(s, c0))
                # "Pure electric vehicles made up 53.5% of new energy vehicle sales in the
                # quarter, with 24,692 units sold": the share's part, then its count
                or (_SHARE_OF_A_KIND.match(s, a) is not None and _WITH_LEAD.match(s, c0))
            )
        ):
            return True
        if named:
            return False
    return False


_SHARE_OF_A_KIND = re.compile(
    r"\s*(?:[\w-]+\s+){1,4}?(?:made up|make up|makes up|accounted for|account for|accounts for"
    r"|represented|represent|represents)\s+[\d.]+\s*(?:%|percent|per cent)\s+of\b",
    re.I,
)
_WITH_LEAD = re.compile(r"[\s,]*with\b", re.I)
_COUNT_OF_A_KIND = re.compile(
    r"\s*(?:Sales|Deliveries|Exports|Output|Production|Shipments|Registrations|Wholesales?)"
    r"\s+of\b"
)
_CHANGE_LEAD = re.compile(
    r"[\s,]*(?:falling|rising|dropping|declining|climbing|jumping|surging|sliding|slipping"
    r"|growing|increasing|decreasing|plunging|soaring|up|down)\b"
)
_GLOSS_OPEN = re.compile(r"(?:,?\s*(?:Co\.|Ltd\.?|Inc\.?|Corp\.?|Limited))*\s*[（(]\s*")
_PLAIN_PRONOUNS = frozenset({"it", "its", "they", "their", "其", "它"})


_LATIN = re.compile(r"[A-Za-z]{3,}")
_NEV_WORD = re.compile(r"新能源|\bNEVs?\b|\bnew[- ]energy\b", re.I)


def _home_scope_of_the_one_before(s: str, cand: _Candidate, cands: list[_Candidate]) -> bool:
    """An export count after a count the home market scopes: "52,153 were sold domestically
    and 3,853 were exported" (not "31,000 were shipped abroad, while domestic buyers took
    40,100": the home market is the second count's)."""
    if cand.metric != "exports":
        return False
    before = [c.number.unit_end for c in cands if c.number.unit_end <= cand.number.start]
    if not before:
        return False
    stretch = s[max(before) : cand.number.start]
    scopes = list(HOME_SCOPE.finditer(stretch))
    return bool(scopes) and _JOINED_ON.fullmatch(stretch, scopes[-1].end()) is not None


# what joins the count before to the next: "and", "while", a comma
_JOINED_ON = re.compile(r"[\s,;，、]*(?:and|while|whereas|but|与|和|而)?[\s,;，、]*", re.I)


def _part_window(
    s: str, cand: _Candidate, live: list[_Candidate], starts: list[int], parts: Parts
) -> int:
    """Where the words that say which part of a maker a number counts begin: its clause, or
    for a comparison base ("(去年同期为114183辆)") the clause of the figure it is compared with."""

    def is_base(c: _Candidate) -> bool:
        own_time = parts.tie_at(c.number.start)
        if own_time is not None and own_time.base:
            return True
        # "环比增长14%(4月为209467辆)": a number in brackets right after a growth rate
        return _BRACKETED_BASE.search(s, max(0, c.number.start - 16), c.number.start) is not None

    if is_base(cand):
        compared = [c for c in live if c.number.start < cand.number.start and not is_base(c)]
        if compared:
            return starts[compared[-1].clause]
    if cand.clause > 0 and _VERB_LED.match(s, starts[cand.clause]):
        # "Passenger vehicle sales, which include hybrids, were 504,003": what is counted
        # is named in the clause before, past any relative clause
        i = cand.clause - 1
        # (past an apposition too: "The compact car segment, the largest in China's car market,
        # totalled 510,000 units")
        while i > 0 and (
            _RELATIVE_CLAUSE.match(s, starts[i])
            or _APPOSITION.match(s, starts[i])
            # ("BYD's commercial plug-in vehicles, by contrast, came to only 563 units")
            or _INTERJECTION.fullmatch(s, starts[i], starts[i + 1])
        ):
            i -= 1
        return starts[i]
    if cand.clause > 0 and _HAS_NUMBER.search(s, 0, starts[1]) is None and _PART_AT_HEAD.match(s):
        # "商用车则持续承压,全年产销分别为318.5万辆": a part named at the head of the sentence
        # scopes its numbers
        return 0
    head = starts[cand.clause]
    if head and s[head - 1] in ")）":
        # "轻型商用车事业板块(包括东风汽车股份有限公司和郑州日产)1-4月销量为73,960辆": the words
        # before a bracket that lists companies name what the count after it counts (a bracket
        # of kinds, "(含纯电动和插电混动)", says what the count holds, not what part it is)
        opened = max(s.rfind("(", 0, head - 1), s.rfind("（", 0, head - 1))
        if (
            opened > 0
            and not _HAS_NUMBER.search(s, opened, head)
            and any(not m.entity.is_region for m in lexicon().find(s[opened:head]))
        ):
            return starts[clause_of(starts, opened - 1)]
    return head


# a sentence opening on a vehicle class as its topic: "商用车则持续承压,", "Commercial vehicles
# fared worse, ..."
_PART_AT_HEAD = re.compile(
    r"\s*(?:(?:the\s+)?(?:passenger|commercial)\s+(?:vehicles?|cars?)(?:\s+(?:segment|sector|market))?\b"
    r"|(?:乘用车|商用车|客车|货车)(?:市场|方面)?(?![\u4e00-\u9fff]{0,2}(?:企业|车企|品牌)))",
    re.I,
)


def _market_lead(s: str, starts: list[int]) -> str:
    """A sentence opening on one market or kind of vehicle ("In Brazil, ...", "在巴西市场,",
    "乘用车方面,"): its words, which scope every number of the sentence."""
    lead = s[: starts[1]] if len(starts) > 1 else ""
    if len(starts) > 2 and _BY_KIND_LEAD.fullmatch(lead):
        lead = s[: starts[2]]  # "分类型看,燃油车方面,": the kind after the look by kinds
    return " " + lead if _MARKET_LEAD.match(lead) else ""


# "分类型看，": a look at the market by kinds, before the kind
_BY_KIND_LOOK = r"(?:分类型|分车型|分动力类型|分燃料类型|具体|细分)来?看\s*[,，]\s*"
_BY_KIND_LEAD = re.compile(r"\s*" + _BY_KIND_LOOK)


_MARKET_LEAD = re.compile(
    r"\s*(?:In|Across)\s+(?:the\s+)?[A-Z][\w ]{1,30}?[,，]\s*$|\s*在[^，,]{2,8}市场"
    r"|\s*(?:At home|Domestically)\s*[,，]\s*$"
    # "乘用车方面，11月产销分别为233.1万辆和219.2万辆": the market a paragraph turns to
    rf"|\s*(?:{_BY_KIND_LOOK})?"
    r"(?:乘用车|商用车|货车|客车|轿车|SUV|MPV|(?:传统)?燃油(?:汽)?车|纯电动?(?:汽)?车"
    r"|插电(?:式)?混(?:合)?动(?:力)?(?:汽)?车|插混(?:汽)?车)方面\s*[,，]\s*$"
)


# "of which 145,179 were pure electric": what the number is said to be, right after it
_UNITS_OF = re.compile(
    r"\s+of\s+(?!(?:them|these|those|the total|which)\b)(?P<what>[^,.;:()，。；：（）]{1,40}?)"
    r"(?=[,.;:()，。；：（）]|\s+(?:and|in|while|with)\b|$)",
    re.IGNORECASE,
)
_PREDICATE_AFTER = re.compile(
    r"\s*(?:(?:units?|vehicles?|cars?|of (?:them|these|those))\s+)?(?:were|was|are|is"
    # ('18,866 units came with the "Sport Hybrid" powertrain': what they are)
    r"|came with|come with|ran on|run on)\s+"
    r"(?P<what>[^,.;:()，。；：（）]{1,40}?)(?=[,.;:()，。；：（）]|\s+(?:and|while|with)\b|$)",
    re.IGNORECASE,
)


# "sold 450,000 vehicles under its own brands": the brands the count is of
_UNDER_BRANDS = re.compile(
    r"\s*(?:(?:units?|vehicles?|cars?)\s+)?(?P<what>under (?:its|their|the (?:group|company)['’]s)"
    r"\s+own[- ]brands?)\b",
    re.IGNORECASE,
)


_OF_ITS_BRANDS_CARS = re.compile(
    r"\s+of (?:its|their)\s+(?P<what>(?:[a-z-]+\s+){0,3}[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?)"
    r"\s+(?:vehicles|cars|models)\b"
)
_BRANDED = re.compile(r"-brand(?:ed)? (?:vehicles?|cars?|models?)\b")
# from a count to the base it is compared with: "278,000, compared with", "72,000 units, up
# 8% from the"
_COMPARED_WITH = re.compile(
    # ("1.15 million cars in the third quarter, compared with")
    r"(?:\s+(?:units|vehicles|cars|EVs|NEVs))?(?:\s+(?:in|during|for)\s+[^,;.\d]{1,30}?)?"
    r"\s*,?\s*(?:(?:up|down|rising|falling)\s+[\d.]+\s*"
    r"(?:%|percent|per cent)\s*,?\s*)?(?:compared (?:with|to)|versus|vs\.?|against|up from"
    r"|down from|from)\s+(?:the\s+)?(?:about |around |nearly |some )?",
    re.I,
)


# ", contributing 47.8 percent of Xpeng's quarterly deliveries", "，占其总销量的35%"
_SHARE_OF_TOTAL_AFTER = re.compile(
    r"[,，]?\s*(?:contributing|accounting for|representing|making up|or)\s+(?:about |around "
    r"|nearly |almost |over |more than )?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+of\s+"
    r"(?:(?P<own>its|their|the (?:company|group|brand|carmaker|automaker)(?:'s|’s))"
    r"|(?P<owner>[A-Z][\w&-]*(?: [A-Z][\w&-]*)?)(?:'s|’s))\s+"
    r"(?:[a-z-]+\s+){0,2}(?:deliveries|sales|volume|output|total)\b"
    r"|[，,]?\s*占(?P<own_zh>其|公司|该公司|集团)?(?:总|整体|全部)?(?:销量|交付量|交付|销售)(?:的|比重)?"
    r"(?:约|近|超过?)?\d+(?:\.\d+)?%",
    re.I,
)


def _share_of_own_total(
    s: str, start: int, end: int, clause_end: int, obj: Entity, subjects: list[tuple[Mention, bool]]
) -> bool:
    """After the count (before any other number), the share it makes of its own maker's total:
    a part of it."""
    m = _SHARE_OF_TOTAL_AFTER.search(s, end, clause_end + 80)
    if m is None or re.search(r"\d|[;；。]", s[end : m.start()]):
        return False  # another number's share (or another sentence part's)
    if any(h.kind == "nev" for h in mx.segment_hits(s[start : m.start()])):
        return False  # "401,000 NEVs, accounting for 47.7 percent of its output": a segment's
    if m.group("own") or m.group("own_zh"):
        return True
    owner = m.group("owner")
    return owner is not None and any(
        mention.entity.name == obj.name and m.start("owner") <= mention.start < m.end("owner")
        for mention, _ in subjects
    )


def _brand_said_after(
    s: str, end: int, maker: Entity, mentions: list[tuple[Mention, bool]]
) -> Entity | None:
    """A brand of ``maker`` the count is said to be, right after it ("10,000 were Onvo
    models", "223,700 of its imported premium Lexus vehicles"), or of the group a brand
    ``maker`` belongs to ("107,808 were Onvo vehicles and 39,414 were Firefly cars")."""
    said = _PREDICATE_AFTER.match(s, end) or _OF_ITS_BRANDS_CARS.match(s, end)
    if said is None:
        return None
    owners = {maker.name, maker.parent} - {None}
    return next(
        (
            m.entity
            for m, _ in mentions
            if said.start("what") <= m.start < said.end("what") and m.entity.parent in owners
        ),
        None,
    )


# the words right after a count, up to the next number or clause ("15,000 'New Energy' buses")
_NOUN_AFTER = re.compile(r"[^\d,，;；.。:：()（）]{0,30}")
_NOUN_AFTER_END = re.compile(r"\b(?:and|with|while|but)\b", re.I)


# "… vehicles and BYD sold", "…, while BYD": what joins another count's clause to a name
_CLAUSE_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|while|but|whereas)?\s*")


def _noun_after(s: str, end: int) -> str:
    """The words right after a count: what it counts when an adjective stands before the noun."""
    words = _NOUN_AFTER.match(s, end)
    assert words is not None  # it matches the empty string
    return " " + _NOUN_AFTER_END.split(words.group(0), 1)[0]


def _predicate_after(s: str, end: int) -> str:
    """What the count is said to be after it ("127,000 were NEVs", "50,057 units of new
    energy passenger vehicles")."""
    m = _PREDICATE_AFTER.match(s, end) or _UNITS_OF.match(s, end) or _UNDER_BRANDS.match(s, end)
    return " " + m.group("what") if m else ""


def _subject_end(subjects: list[tuple[Mention, bool]], cand: _Candidate) -> int:
    ends = [
        m.end
        for m, ok in subjects
        if ok  # not "its" inside an apposition
        and m.end <= cand.number.start
        and (
            m.entity.name == cand.entity
            # a name inside a composite or an arm ("Tesla" of "Tesla China"), not its place
            or (cand.entity and m.entity.name in cand.entity and not m.entity.is_region)
        )
    ]
    return max(ends) if ends else cand.number.start


_AUXILIARY_BEFORE = re.compile(r"\b(?:were|was|are|is|been)\s+$", re.I)
_PARTICIPLE_LEAD = re.compile(
    r"[\s,]*(?:producing|delivering|selling|exporting|building|making|manufacturing|shipping"
    r"|handing over|rolling out"
    # "It accounts for almost a quarter of the country's total output, having built roughly 1.6
    # million": the sentence's subject did
    r"|having (?:built|produced|delivered|sold|exported|made|manufactured|shipped))\b",
    re.I,
)
_NTH_PERIOD_IN_WHICH = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|\d+(?:nd|rd|th))"
    r"\s+(?:(?:straight|consecutive)\s+)?(?:month|quarter)(?:\s+of\s+the\s+year|\s+this\s+year"
    r"|\s+in\s+a\s+row|\s+running)?\s*,?\s*(?:in\s+which|when)\b[^,;.]*$",
    re.I,
)
_DATELINE_DASH = re.compile(r"\s*(?:—|--|–)")
_PORT_WORD = re.compile(r"码头|港区|港口|\b(?:pier|port|terminal|wharf)\b", re.I)
_PORT_BEFORE_A_COUNT = re.compile(r"(?:码头|港区)(?=[^。；;\d]{0,12}\d)")


def _port_before_a_count(s: str) -> re.Match[str] | None:
    """A port or terminal named before the sentence's first count, its subject."""
    port = _PORT_BEFORE_A_COUNT.search(s)
    return port if port is not None and not _A_COUNT.search(s, 0, port.start()) else None


_PORT_SUBJECT = re.compile(
    r"\s*(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:pier|port|terminal|wharf|harbou?r)\b"
    # (not "Honda's terminal sales": retail sales, 终端销量)
    r"(?!\s+(?:car\s+|vehicle\s+)?(?:sales|retail|deliveries))"
    r"|\s*[\u4e00-\u9fff]{0,8}(?:码头|港口|港区)",
    re.I,
)
_LEVEL_OF = re.compile(r"\bthe\s+(?:level|figure|total|tally)\s+of\s+$", re.I)
_RECORD_BEATEN = re.compile(
    r"\b(?:previous|prior|earlier|old)\s+(?:monthly\s+)?(?:record|high|best|peak)\b"
    # "GM's sales in China peaked at just over 4 million units in 2017": a past peak's time
    r"|\bpeaked\s+at\b",
    re.I,
)
_WHEN_CLAUSE = re.compile(r"\s*(?:when|during which|in which)\b", re.I)
# "一年后", "a year later": the year after the one named before
_YEAR_LATER = re.compile(
    r"一年后|一年後|次年|翌年|\b(?:a|one) year later\b|\bthe following year\b"
    # "比亚迪2023年卖了302.44万辆，只过了一年就涨到427.21万辆"
    r"|过了?一年(?:时间)?就",
    re.I,
)
# a clause opening on the year before the last one told: "..., and the year before it passed"
_YEAR_BEFORE_IN_CLAUSE = re.compile(
    r"[\s,]*(?:and|while|but|whereas)\s+(?:in\s+)?the\s+(?:year|one)\s+before\b(?!\s+(?:that|last))",
    re.I,
)
_A_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年|\b)")
# "more than the 5,820 it sold", "surpasses the 10,422 made in July 2022", "falls short of the
# 11,524": a comparison with a figure, not a bound
_THAN_THE = re.compile(
    r"\b(?:than|surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|top(?:s|ped|ping)?|beat(?:s|ing)?"
    r"|eclips(?:es|ed|ing)|short of|shy of|below|above|over)\s+(?:the|its|their|a|an)\s+$",
    re.I,
)
_FROM_MAKER = re.compile(
    # "the 90,000 units dispatched by BYD", "36,847 units sold under the Audi brand"
    r"\s*(?:(?:new[- ]energy|electric)\s+)?(?:units?|vehicles?|cars?)?\s*"
    r"(?:(?:sold|delivered|dispatched|shipped|made|built|produced|exported|wholesaled)\s+"
    # ("4,325 shipped abroad by SAIC Motor")
    r"(?:(?:abroad|overseas|out)\s+)?(?:by|under)"
    r"|(?:were|was|came)\s+"
    r"(?:from|(?:made |built |produced |exported |sold )?by"
    # "the 10 millionth electric car was rolled out from BYD's Xiaomo base"
    r"|(?:rolled out|rolled off|driven off)\s+(?:the\s+(?:assembly|production)\s+line\s+)?"
    r"(?:from|at)))"
    r"\s+(?:the\s+)?"
    # "came from its newly launched compact brand, Firefly"
    r"(?:(?:its|the|their)\s+(?:[\w-]+\s+){0,4}?(?:brand|marque|arm|unit|subsidiary),?\s+)?",
    re.I,
)


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_UNITS_OF_NAME = re.compile(r"\s*(?:units|vehicles|cars)\s+of\s+(?:the\s+|its\s+)?", re.I)


# ("the 89,064 China-made vehicles Tesla sold": a made-in word may stand before the noun)
_UNITS_THEN = re.compile(
    r"\s*(?:(?:China|Shanghai|locally)[- ](?:made|built|produced)\s+)?(?:(?:units?|vehicles?|cars?"
    # ("ahead of the 91,429 that Nio delivered")
    r"|EVs?|autos?)\s+(?:that\s+)?|that\s+)",
    re.I,
)
_MAKERS_VERB = re.compile(
    r"\s+(?:had\s+|has\s+)?(?:dispatched|sold|delivered|shipped|built|produced|exported|moved"
    r"|wholesaled|retailed)\b",
    re.I,
)


# "in China, where sales ...", "Within China itself, sales": China as where sales happened
_IN_THE_COUNTRY = re.compile(r"\b(?:in|within|inside)\s+$", re.I)
# words that make a count the market's, not one maker's
_MARKET_WORDS = re.compile(
    r"\b(?:market|industry|overall|nationwide|auto|car|passenger|NEVs?|new energy|electric"
    r"|EVs?|plug-in|commercial|total|all|(?:auto|car)?makers|brands|manufacturers|companies)\b",
    re.I,
)


def _a_makers_sales_in_china(
    s: str, cand: _Candidate, subjects: list[tuple[Mention, bool]], maker: Entity
) -> bool:
    """An English sentence in a foreign maker's paragraph names only China, as where the sales
    its count counts happened, and no word of the market: the maker's sales there."""
    if (
        cand.entity != "China"
        or cand.metric == "exports"
        # (a Chinese maker's sales at home are a part of its total: see _SOLD_AT_HOME)
        or not (maker.foreign or maker.foreign_arm)
        or not s.isascii()
    ):
        return False
    named = [m for m, _ in subjects]
    return (
        len(named) == 1
        and "China" in s[named[0].start : named[0].end]
        and named[0].start < cand.number.start
        and _IN_THE_COUNTRY.search(s, max(0, named[0].start - 8), named[0].start) is not None
        and _MARKET_WORDS.search(s, 0, cand.number.unit_end) is None
    )


def _assign_entity(
    s: str,
    cand: _Candidate,
    subjects: list[tuple[Mention, bool]],
    starts: list[int],
    bounds: list[int],
    state: _State,
) -> None:
    n = cand.number
    c0 = starts[cand.clause]
    owner = next(
        (
            m
            for m, _ in subjects
            if m.end <= n.start
            and (
                _POSSESSIVE_BEFORE.fullmatch(s, m.end, n.start)
                or owns_number_as_whole(s, m, n.start)
            )
            # "the best-selling car in China with 48,202 sold": a scope owns nothing, nor does
            # a place something is made in ("零跑汽车在浙江的产量")
            and not place_as_scope(s, m)
            and not _LOCATED_IN.search(s, max(0, m.start - 2), m.start)
            # "Tesla opens 2023 in China with 66K sales": the market it sold them in
            and not (
                m.entity.is_region
                and _IN_BEFORE.search(s, max(0, m.start - 4), m.start)
                and _WITH_AFTER.match(s, m.end)
            )
            # "XPeng edged out Li Auto with 30,350": the one who won has the count
            and not (beaten(s, m) and _WITH_AFTER.match(s, m.end))
        ),
        None,
    )
    if owner is None:
        # "including 494,400 units of Geely Galaxy, 222,100 units of Zeekr": the name after
        # "units of" is whose they are
        owner = next(
            (
                m
                for m, _ in subjects
                if not m.entity.is_region
                and m.entity.kind != "unknown"
                and n.end <= m.start
                and _UNITS_OF_NAME.fullmatch(s, n.end, m.start)
                # not "accounting for 48% of the 1,296,400 units of Chery Group": a share's whole
                and not _OF_BEFORE.search(s, max(0, n.start - 8), n.start)
            ),
            None,
        )
    if owner is None:
        # "of which 452,000 units were from Chery Group": the maker named as their source
        owner = next(
            (
                m
                for m, _ in subjects
                if not m.entity.is_region
                and n.end <= m.start
                and _by_its_name(s, m)
                and _FROM_MAKER.fullmatch(s, n.end, m.start)
            ),
            None,
        )
    if owner is None:
        # "against the 90,000 units BYD dispatched": the maker of the relative clause after them
        owner = next(
            (
                m
                for m, _ in subjects
                if not m.entity.is_region
                and n.end <= m.start
                and _UNITS_THEN.fullmatch(s, n.end, m.start)
                and _MAKERS_VERB.match(s, m.end)
            ),
            None,
        )
    # "占特斯拉全球总交付量（约163.6万台）的52%": the world total of the maker named before it;
    # "仅次于拥有186.9万辆销量的比亚迪": the maker the count describes, right after 的
    owner = (
        owner
        or _maker_joined(s, subjects, _GLOBAL_TOTAL_GLOSSED, n.start, before=True)
        or _maker_joined(s, subjects, _DESCRIBES_THE_NAME, n.unit_end, before=False)
        # "22,794 sold by its joint venture with Jiangling": the agent of the count's passive
        or next(
            (m for m, ok in subjects if ok and _AGENT_BETWEEN.fullmatch(s, n.unit_end, m.start)),
            None,
        )
        # "expects to sell 1.21 million in China, up from the 1.2 million it sold in 2016":
        # "it" is the maker named before, never the place of its sales
        or (_maker_before(subjects, n.start) if _IT_SOLD_AFTER.match(s, n.unit_end) else None)
    )
    if owner is not None:  # "behind Li Auto's 35,020": the one named with 's owns the number
        cand.entity, cand.entity_obj = owner.entity.name, owner.entity
        return
    before = [(i, m) for i, (m, ok) in enumerate(subjects) if ok and m.end <= n.start]
    if cand.metric == "exports":
        # "retail sales in China fell 7% to 531,855 units and exports fell 10% to 222,706": the
        # market sold in, before the exports are named, is not who exported
        before = [
            (i, m)
            for i, m in before
            if not (
                m.entity.is_region
                and _IN_BEFORE.search(s, max(0, m.start - 4), m.start)
                and _EXPORTS_TOLD.search(s, m.end, n.start)
            )
        ]
    # ("2022年大幅增至84.99万辆（2022年3月，比亚迪正式停产燃油车），2023年达到173.3万辆": a name
    # inside a bracket closed before the number is the bracket's, no subject of it)
    before = [b for b in before if not _in_a_closed_bracket(s, b[1].start, n.start)] or before
    in_clause = [(i, m) for i, m in before if m.start >= c0]
    # (and the base a count of theirs is compared with: "the two carmakers sold a total of
    # 555,943, down from 662,442 units a year earlier")
    several_from = 0 if _COMPARED_BEFORE.search(s, max(0, n.start - 24), n.start) else c0
    if not in_clause and _SEVERAL_NAMED_BEFORE.search(s, several_from, n.start):
        # "Sales of the two brands jumped 62 per cent to more than 520,000": theirs together
        cand.drop("several subjects, no combined total")
        return
    if not in_clause:
        # "比亚迪…高于特斯拉的131万辆；相比2021年销量73万辆": the one compared with is the
        # subject of its own count only
        before = [b for b in before if not compared_with_own_count(s, b[1], n.start)] or before
    chosen: tuple[int, Mention] | None = None
    if in_clause:
        makers = [(i, m) for i, m in in_clause if not m.entity.is_region]
        # "Chery helped lift Anhui's automobile output to 2.5 million": whose output it is
        owners = [
            (i, m)
            for i, m in in_clause
            if _OWNS_METRIC.match(s, m.end, n.start)
            and not _LOCATED_IN.search(s, max(0, m.start - 2), m.start)  # "零跑在浙江的产量"
            and not any(m.end <= o.start for _, o in in_clause)  # none named nearer the number
        ]
        chosen = (owners or makers or in_clause)[-1]
    elif before and cand.clause > 0 and _PARTICIPLE_LEAD.match(s, c0):
        # "Shanghai has long led China's NEV industry, producing 632,000 NEVs in 2021": the
        # participle's subject is the sentence's, not the name nearest the number
        cand.doubts.append(D_SUBJECT_AWAY)
        # (the subject of the part it ends: "…, whereas GAC Toyota still managed a 3.3% rise,
        # delivering 77,000 cars")
        part_start = max((m.end() for m in _SEMICOLON.finditer(s, 0, c0)), default=0)
        before = [b for b in before if b[1].start >= part_start] or before
        # past a dateline's place ("Chongqing— Seres returned to growth, selling 31,488")
        chosen = next((b for b in before if not _DATELINE_DASH.match(s, b[1].end)), before[0])
    elif before:
        if not _a_name_and_its_counts(s):  # ("1. BYD – 2,571,109": the line's name)
            cand.doubts.append(D_SUBJECT_AWAY)
        makers = [(i, m) for i, m in before if not m.entity.is_region]
        # the nearest; a maker wins over a region only within the same clause
        chosen = before[-1]
        if (
            chosen[1].entity.is_region
            and makers
            and clause_of(starts, makers[-1][1].start) == clause_of(starts, chosen[1].start)
        ):
            chosen = makers[-1]
    else:
        c1 = bounds[cand.clause]
        if cand.clause + 1 < len(bounds) and _LEADING_WITH.match(s, starts[cand.clause]):
            # "With 12,053 deliveries in September, the Zeekr brand posted ...": the subject
            # of the main clause that follows
            c1 = bounds[cand.clause + 1]
        after = [
            (i, m)
            for i, (m, ok) in enumerate(subjects)
            if ok
            and n.end <= m.start < c1
            and (
                not re.search(r"(?:\bin|\bat|在|于)\s*$", s[max(0, m.start - 4) : m.start])
                # "sold 612,000 NEVs last month in the world's biggest car market": China's
                or re.match(_BIGGEST_MARKET, s[m.start : m.end], re.I) is not None
                # "500,000 NEVs rolled off the production lines in Chongqing": made there
                or (m.entity.is_region and _MADE_THERE.search(s, n.end, m.start) is not None)
                # "More than 23 million vehicles were sold in China last year": the country's
                # market, when no one in the clause sold them
                or (
                    m.entity.level == "country"
                    # (not "were sold in the country": which one?)
                    and s[m.start : m.end].casefold() == "china"
                    and _SOLD_THERE.search(s, n.end, m.start) is not None
                    and not any(
                        n.end <= o.start < c1 and not o.entity.is_region for o, _ in subjects
                    )
                )
            )
        ]
        speaker = _speaker(s, n, subjects, None if state.home_para else state.para_entity)
        if after:
            chosen = after[0]
            cand.doubts.append(D_SUBJECT_AFTER)
        elif speaker is not None:
            chosen = speaker
            cand.doubts.append(D_SUBJECT_AFTER)
        elif state.para_entity is not None:
            cand.doubts.append(D_SUBJECT_HEADLINE if state.para_from_frame else D_SUBJECT_CARRIED)
            if (
                state.para_entity.is_region
                and state.para_entity.level != "country"
                and _BODY_DATA.search(s)
                and not _A_MAKER_SAID.search(s)
            ):
                # "In January, 301,000 vehicles were exported, the CAAM said" in a story about
                # Guangdong: the national body's count is the country's
                china = lexicon().entities["China"]
                cand.entity, cand.entity_obj = china.name, china
                return
            if (
                not state.para_entity.is_region
                and s.isascii()
                # (a kind of vehicle the maker makes among others: not Tesla's NEVs)
                and cand.segment in ("nev", "nev_passenger")
                and not state.para_entity.nev_only_on(cand.period.end if cand.period else None)
                and _BODY_DATA.search(s)
                and not _ITS_OWN.search(s)
                and not _A_MAKER_SAID.search(s)
            ):
                # "NEV deliveries soared 169% to 2.99 million, China Passenger Car Association
                # data showed" in a story about BMW: a body's count with no maker in it is the
                # market's
                china = lexicon().entities["China"]
                cand.entity, cand.entity_obj = china.name, china
                return
            cand.entity = state.para_entity.name
            cand.entity_obj = state.para_entity
            if cand.segment == "nev" and cand.nev_only() and not _ITS_OWN.search(s, 0, n.start):
                _nevs_of_the_market(cand, state)
            return
    if chosen is None:
        return
    index, mention = chosen
    if not _by_its_name(s, mention):
        cand.doubts.append(D_SUBJECT_PRONOUN)
    group: list[Mention] = []
    if index > 0 and subjects[index - 1][1]:
        # "Zeekr and Lynk & Co, the two Geely brands, delivered ...", "极氪和领克，吉利旗下两个
        # 品牌，": the group named in an apposition describes the brands listed before it;
        # they are the subject.
        listed = [m for m in list_group(subjects, index - 1, s) if m is not mention]
        if (
            len(listed) > 1
            and all(m.entity.parent == mention.entity.name for m in listed)
            # right after the list ("while the group sold 380,000" after the brands' own
            # count is the group's)
            and _APPOSED_GROUP.fullmatch(s, listed[-1].end, mention.start) is not None
        ):
            index, mention, group = index - 1, listed[-1], listed
    group = group or list_group(subjects, index, s)
    joined = _JOINED_TO_A_NAME_ZH.search(s, max(0, mention.start - 10), mention.start)
    if (
        len(group) == 1
        and joined is not None
        and not any(m.end == joined.start("and") for m, _ in subjects)
        and _COMBINED.search(s, mention.end, n.start)
    ):
        # "解放和东风合计卖出超过13.3万辆": summed with a name the lexicon does not know
        cand.drop("several subjects, no combined total")
        return
    if len(group) > 1:
        region = s[group[0].start : n.end]
        # "combined NEV sales of the Geely Auto, Lynk & Co and Zeekr brands reached": the
        # maker with its brands (two brands of one group are only a part of the group)
        sum_of = _COMBINED_OF.search(s, max(0, group[0].start - 40), group[0].start)
        if _COMBINED.search(region) or _COMBINED.search(s[n.end : n.end + 40]) or sum_of:
            unknown = [m.entity.name for m in group if m.entity.kind == "unknown"]
            if unknown:
                # "对欧盟、澳大利亚、美国…合计出口": markets abroad, no set of makers or regions
                cand.drop(f"subject '{unknown[0]}' is not in the lexicon")
                return
            members = [m.entity for m in group]
            # "Hyundai Motor and Kia together sold 664,744": a maker with what it owns is itself
            head = next(
                (e for e in members if all(o is e or o.parent == e.name for o in members)), None
            )
            if head is None and sum_of and not _COMBINED.search(region):
                cand.drop("several subjects, no combined total")
                return
            cand.entity = head.name if head else composite_name([e.name for e in members])
            cand.entity_obj = head
            return
        if _EACH.search(s, group[-1].end, n.start):
            # "NIO and Xpeng each delivered over 30,000": one figure for each of them
            # (a name the lexicon does not know among them is no one evwatch counts)
            known = [m.entity for m in group if m.entity.kind != "unknown"]
            if not known:
                cand.drop(f"subject '{group[0].entity.name}' is not in the lexicon")
                return
            cand.entity, cand.entity_obj = known[0].name, known[0]
            cand.each = tuple(dict.fromkeys(known))
            return
        cand.drop("several subjects, no combined total")
        return
    entity = _plant_after(s, cand.number, mention.entity, subjects, bounds[cand.clause])
    cand.entity, cand.entity_obj = entity.name, entity


# "解放和东风": a name joined to the one after it
_JOINED_TO_A_NAME_ZH = re.compile(r"[\u4e00-\u9fff]{2,6}(?P<and>和|与|及|、)$")


# "Tesla's China numbers", "its China sales": a foreign maker's figures in China
_CHINA_FIGURES_OF = re.compile(
    r"\b(?P<owner>[Ii]ts|[A-Z][\w-]*(?: [A-Z][\w-]*)?['’]s)\s+China\s+(?:numbers|figures|sales"
    r"|deliveries|data|results|output|production)\b"
)


def _china_figures_told(s: str, cand: _Candidate) -> Entity | None:
    """The China arm of the candidate's maker when the sentence, before the count, tells of
    that maker's figures in China; None otherwise."""
    maker = cand.entity_obj
    if maker is None or maker.is_region:
        return None
    arm = lexicon().entities.get(f"{maker.name} China")
    if arm is None:
        return None
    for told in _CHINA_FIGURES_OF.finditer(s, 0, cand.number.start):
        owner = re.sub(r"['’]s$", "", told["owner"])
        if owner.lower() == "its" or lexicon().by_alias.get(owner.casefold()) == maker.name:
            return arm
    return None


# "Its sales in China fell 35.8%": the maker's own sales in China, a sentence's subject
_ITS_CHINA_SALES = re.compile(
    r"^\s*(?:[A-Z][\w ]{0,30},\s+)?(?:its|the (?:company|carmaker|automaker)['’]s)\s+"
    r"(?:sales|deliveries)\s+in\s+(?:mainland\s+)?China\b",
    re.I,
)
# a sentence naming the makers that rank highest: "the ten brands that shipped the most"
_A_RANKING = re.compile(
    r"\b(?:the|top)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:[\w-]+\s+)?(?:brands|makers|carmakers|automakers|companies|exporters)\b"
    r"[^.;]{0,30}?\bthe most\b",
    re.I,
)
_HEADS_A_LIST = re.compile(r"[:：]\s*$")
_TOP_LIST_HEADING = re.compile(
    r"\bthe\s+top\s+(?:three|five|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?(?:brands|makers|carmakers"
    r"|automakers|manufacturers|companies|groups)\b[^.;:]{0,40}:\s*$",
    re.I,
)
_IN_THE_RANKING = re.compile(r"\bin the (?:ranking|rankings|league table|sales table)\b", re.I)
_PLACES_WITH = re.compile(
    r"\b(?:first|second|third|top|\w+th|\d+(?:st|nd|rd|th))\s+(?:(?:two|three|four|five)\s+)?"
    r"(?:places?|spots?|positions?)\s+with\b|\branked\s+\w+\s+with\b"
    # "Nio Inc came next with only 8,132", "Geely followed with 180,000": the next of a ranking
    r"|\b(?:came|was|finished|placed|stood)\s+(?:next|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|last)\s+with\b|\b(?:followed|trailed)\s+with\b",
    re.I,
)
_BARE_PLANT_ZH = ("工厂", "基地")
# who said the quote: '"We delivered 10,412 …," XPeng Motors wrote on Twitter'
_QUOTE_SAID_BY = re.compile(
    r"[,.]?[”\"]\s*,?\s*(?P<who>(?:[A-Z][\w&.-]*\s+){1,4}?)(?:said|says|wrote|writes|posted"
    r"|tweeted|told|added|stated|announced)\b"
)


def _quote_speaker(s: str, end: int, found: list[Mention]) -> Entity | None:
    """The maker named as the one who said a quote, after it (``end``: inside the quote)."""
    said = _QUOTE_SAID_BY.search(s, end)
    if said is None:
        return None
    return next(
        (f.entity for f in found if said.start("who") <= f.start and f.end <= said.end("who")),
        None,
    )


# who speaks for a plant, after the quote: "…," a representative of the base said
_PLANT_SPEAKER = re.compile(
    r"\b(?:a|an|the)\s+(?:representative|spokes(?:person|man|woman)|official|manager|head"
    r"|director|executive)\s+(?:of|at|from|for)\s+the\s+(?:[\w-]+\s+)?(?:base|plant|factory|site"
    r"|facility|works|gigafactory)\b",
    re.I,
)
# words pointing back at a maker or plant ("its", "the company", 该厂)
# an industry body's data told in the sentence ("China Passenger Car Association data showed",
# "according to CAAM")
_BODY_DATA = re.compile(
    r"\b(?:according to|citing|data from|figures from)\s+(?:the\s+)?(?:China Passenger Car"
    r" Association|CPCA|China Association of Automobile Manufacturers|CAAM)\b"
    r"|\b(?:CPCA|CAAM|Passenger Car Association|Association of Automobile Manufacturers)(?:['’]s)?"
    r"\s+(?:\w+\s+){0,3}?(?:data|figures|statistics)\b"
    # ("the CAAM said")
    r"|\b(?:the\s+)?(?:CPCA|CAAM|China Passenger Car Association|China Association of Automobile"
    r" Manufacturers)\s+(?:said|says|reported)\b"
    # ("data released on Tuesday by the China Passenger Car Association")
    r"|\b(?:data|figures|statistics)\s+(?:\w+\s+){0,4}?(?:by|from)\s+(?:the\s+)?(?:China Passenger"
    r" Car Association|CPCA|China Association of Automobile Manufacturers|CAAM)\b"
)
# a maker said by what it is ("the US carmaker"), or cars said by where they were made
_A_MAKER_SAID = re.compile(
    r"\b(?:carmaker|automaker|maker|company|firm|brand|startup|manufacturer)\b"
    r"|\b(?:China|Chinese|Shanghai)[- ](?:made|built|produced)\b|\bmade in China\b",
    re.I,
)
_ITS_OWN = re.compile(
    # ("the Chinese smartphone maker sold a record 48,654 electric vehicles")
    r"\b(?:it|its|they|their)\b|\bthe\s+(?:[\w-]+\s+){0,3}?(?:company|carmaker|automaker|maker"
    r"|manufacturer|firm|plant|factory|start-?up|brand|group)\b|[该該其](?:厂|廠|公司|品牌|企业|企業|集团|集團|工厂|工廠)",
    re.I,
)


def _nevs_of_the_market(cand: _Candidate, state: _State) -> None:
    """A count of NEVs given to a carried maker that makes nothing else is the market's, when
    a place was named last ("In May alone, China exported 682,000 vehicles. / New energy
    vehicles were the engine of growth: 296,000 of them were exported")."""
    market = state.last.get("any")
    if market is not None and market.is_region and market is not state.para_entity:
        cand.entity, cand.entity_obj = market.name, market


# makers referred to together: "the two brands", "both companies", 两家企业, a kind of a
# country's makers
_SEVERAL_NAMED_BEFORE = re.compile(
    r"\b(?:the|these|those)\s+(?:two|three|four|five|six)\s+(?:\w+\s+)?(?:brands|companies"
    r"|makers|carmakers|automakers|firms|startups|groups)\b"
    r"|\bboth\s+(?:\w+\s+)?(?:brands|companies|makers|carmakers|automakers|firms|startups"
    r"|groups)\b|(?:这|上述)?(?:两|三|四|五)(?:家|个)(?:品牌|企业|车企|公司)"
    # "China's new carmakers delivered 190,000": a kind of the country's makers
    r"|" + KIND_OF_MAKERS,
    re.IGNORECASE,
)


# the words between a list of brands and their group in apposition: ", the two "
_APPOSED_GROUP = re.compile(r"\s*[,，(（]\s*(?:(?:[A-Za-z-]+\s+){0,3}|[\u4e00-\u9fff]{0,4})")


_ACCORDING_TO = re.compile(r"\b(?:according to|citing|per)\s+(?:the\s+)?$", re.I)
# the rest of the source's name, then a pronoun as the subject: " (CPCA), they came to "
_THEY_AFTER_A_SOURCE = re.compile(
    r"(?:\s*\([A-Z]{2,6}\))?(?:\s+(?:data|figures))?\s*,\s*(?:they|these|those)\s+"
    r"(?:[a-z]+\s+){0,3}?",
    re.I,
)


def _source_before(s: str, mention: Mention, n: Number) -> bool:
    """The mention is an industry body that tells the number before it ("According to the
    CPCA, ...")."""
    return (
        mention.end <= n.start
        and REPORTER.search(s, mention.start, mention.end) is not None
        and _ACCORDING_TO.search(s, max(0, mention.start - 20), mention.start) is not None
    )


# ", CAAM said.", "，中汽协称。", ", according to data from Nio.": who tells the sentence, in its
# last clause, with no other count between or after the one it tells
_SPEAKER_BEFORE = re.compile(
    r"[^;；]*[,，]\s*(?P<according>(?:(?:according to|citing|per)\s+)?(?:(?:data|figures"
    # ("data released on Tuesday by the")
    r"|statistics)\s+(?:(?:released|published|compiled|issued)\b[^,;\d]{0,24}?\s+)?"
    r"(?:from|by|of)\s+)|(?:according to|citing|per)\s+)?(?:the\s+)?$",
    re.I,
)
_SPEAKER_AFTER = re.compile(r"\D{0,40}$")
_A_COUNT = re.compile(r"\d\s*(?:million|units|vehicles|cars|EVs|万|萬|辆|輛|台|臺)", re.I)


def _by_its_name(s: str, mention: Mention) -> bool:
    """The mention is one of its entity's own names, not a pronoun ("it", "the company")."""
    return lexicon().by_alias.get(s[mention.start : mention.end].casefold()) == mention.entity.name


def _speaker(
    s: str, n: Number, subjects: list[tuple[Mention, bool]], frame: Entity | None
) -> tuple[int, Mention] | None:
    """The maker or industry body a sentence is told by, for a number with no subject of its
    own before it ("Deliveries rose to 30,000 in May, Nio said"). An industry body tells
    national totals, unless the paragraph is about a maker (then whose count it is stays
    open, as before)."""
    for i, (m, _) in enumerate(subjects):
        if m.start < n.end or m.entity.kind == "unknown" or m.entity.level == FOREIGN:
            continue
        if not _by_its_name(s, m):
            return None  # "it said": whoever "it" is was the subject before
        reporter = REPORTER.search(s, m.start, m.end)
        if m.entity.is_region and not reporter:
            return None  # "according to Shanghai Securities News": a place tells nothing
        told = _REPORTS_AFTER.match(s, m.end)
        according = _SPEAKER_BEFORE.match(s, n.end, m.start)
        if not according or not _SPEAKER_AFTER.match(s, m.end):
            return None
        if _A_COUNT.search(s, n.end, m.start):
            return None
        if not told and not according.group("according"):
            return None
        if reporter and frame is not None and not frame.is_region:
            return None
        return i, m
    return None


# "an output of 32,968 vehicles at Gigafactory Shanghai", "65,000 vehicles produced at Giga
# Shanghai": where they were made
_AT_PLANT = re.compile(
    r"\s*(?:(?:units|vehicles|cars|electric vehicles|EVs|NEVs)\s+)?(?:(?:produced|built|made"
    r"|manufactured|delivered|sold)\s+)?(?:at|from|out of|in)\s+(?:the\s+|its\s+)?$",
    re.I,
)


def _plant_after(
    s: str, n: Number, subject: Entity, subjects: list[tuple[Mention, bool]], clause_end: int
) -> Entity:
    """The subject's own plant or arm named right after the number owns the count; else the
    subject does."""
    for m, _ in subjects:
        if (
            n.unit_end <= m.start < clause_end
            and m.entity.parent == subject.name
            and _AT_PLANT.fullmatch(s, n.unit_end, m.start)
        ):
            return m.entity
    return subject


# "from 2019 through 2022, reaching 42,003, 60,033, 120,155 and 271,156", "2021-2023年分别为"
_PERIOD_DOUBTS = (D_PERIOD_AWAY, D_PERIOD_PREVIOUS, D_PERIOD_CARRIED)
# what the count a part is "of them" tells for it
_TOLD_BY_THE_WHOLE = (*_PERIOD_DOUBTS, D_METRIC_CARRIED, D_SUBJECT_CARRIED, D_NO_UNIT)
_YEAR_SPAN = re.compile(
    r"\bfrom\s+((?:19|20)\d\d)\s+(?:through|to|until)\s+((?:19|20)\d\d)\b"
    r"|((?:19|20)\d\d)\s*(?:年)?\s*(?:-|–|—|至|到)\s*((?:19|20)\d\d)\s*年",
    re.I,
)


# "2023、2024年的交付量分別為", "in 2021, 2022 and 2023 ... respectively": a list of years
_YEAR_LIST = re.compile(
    r"(?:19|20)\d\d\s*年?(?:\s*(?:、|,|，|和|与|及|,?\s*and)\s*(?:19|20)\d\d\s*年?)+"
    r"(?!\s*[-–—至到])"
)
# the list's last item, the next year so far: "以及2025年1-7月", "以及截至2025年7月31日止的7个月"
_YEAR_SO_FAR_AFTER = re.compile(
    r"\s*(?:以及|及|和|与|、|，|,)\s*(?:(?P<y1>(?:19|20)\d\d)\s*年\s*1\s*[-–—~至到]\s*(?P<m1>\d{1,2})"
    r"\s*月|截至\s*(?P<y2>(?:19|20)\d\d)\s*年\s*(?P<m2>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?止?的?"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*个月(?:期间)?)"
)
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_SAID = re.compile(r"(?<!\d)(?<!\d[.,])(?:19|20)\d\d(?:\s*年|(?!\d|[.,]\d|%))")
# "2024年1月至11月", "from January to November": a span of months
_PRODUCTION_AND_SALES = re.compile(r"产销|產銷|产量和销量|产量与销量")
_MONTH_SPAN = re.compile(
    r"(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月?\s*(?:至|到|-|–|~)\s*(\d{1,2})\s*月"
)
# "2023年各季度分别为": the quarters of a year, in order
_EACH_QUARTER = re.compile(r"((?:19|20)\d\d)\s*年的?(?:各|每个?|四个)季度")
# "前三个季度", "the first three quarters of 2021": the first quarters of a year
_FIRST_QUARTERS = re.compile(
    r"(?:(?P<zh_year>(?:19|20)\d\d)\s*年|今年)?前\s*(?P<zh>[二三四234])\s*个?季度"
    r"|\bfirst (?P<en>two|three|four) quarters(?: of (?P<en_year>(?:19|20)\d\d))?\b",
    re.I,
)
_SMALL_COUNT = {"二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4, "two": 2, "three": 3, "four": 4}
# "第一、二、三季度", "一季度和二季度", "the first, second and third quarters of 2020": quarters
# named one by one
_QUARTER_LIST = re.compile(
    r"(?:(?P<zh_year>(?:19|20)\d\d)\s*年的?)?第?[一二三四1-4](?:季度)?"
    r"(?:\s*[、,，和与及]\s*第?[一二三四1-4](?:季度)?){1,3}\s*季度"
    r"|\b(?:first|second|third|fourth)(?:\s+quarter)?"
    r"(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?(?:first|second|third|fourth)(?:\s+quarter)?){1,3}"
    r"\s+quarters(?:\s+of\s+(?P<en_year>(?:19|20)\d\d))?\b",
    re.I,
)
_A_QUARTER = re.compile(r"first|second|third|fourth|[一二三四1-4]", re.I)
_QUARTER_NUMBER = {
    "first": 1, "second": 2, "third": 3, "fourth": 4,
    "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
}  # fmt: skip


def _year_of_the_quarters(published: date) -> int:
    """The year whose first quarters are over by ``published`` (this year after March)."""
    return published.year if published.month > 3 else published.year - 1


# "in May, June and July", "5月、6月和7月": a list of months
_EN_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_LIST = re.compile(
    rf"\b{_EN_MONTH}(?:,\s*{_EN_MONTH})?,?\s+and\s+{_EN_MONTH}\b"
    r"|(\d{1,2})\s*月\s*[、,，和与及]\s*(\d{1,2})\s*月(?:\s*[、,，和与及]\s*(\d{1,2})\s*月)?"
)
_MONTH_NUMBER = {name: i for i, name in enumerate(_EN_MONTH[1:-1].split("|"), 1)}


def _ends_of_a_parallel_change(s: str, numbers: list[Number]) -> dict[int, Period]:
    """ "由2020年的116.1万辆增至2024年的357万辆，新能源汽车产量由10.5万辆增至168.4万辆": a change
    told again without its years ends in the year the first one ended in, by each number's
    offset."""
    first = _TIMED_CHANGE.search(s)
    if first is None:
        return {}
    end = _year(int(first["to"]))
    return {
        n.start: end
        for n in numbers
        if n.start > first.end() and _CHANGED_TO_BEFORE.search(s, max(0, n.start - 8), n.start)
    }


_CHANGE_TO = r"(?:增至|增长至|增长到|增加到|提升至|提高到|升至|攀升至|猛增至|跃升至)"
# "由2020年的116.1万辆增至2024年的357万辆": a change from one year's count to another's
_TIMED_CHANGE = re.compile(
    rf"(?:由|从)\s*(?:19|20)\d\d\s*年的?[^，,。；;]{{0,16}}?{_CHANGE_TO}\s*(?P<to>(?:19|20)\d\d)\s*年的?"
)
_CHANGED_TO_BEFORE = re.compile(rf"{_CHANGE_TO}\s*(?:约|近|超过?)?\s*$")


def _times_in_order(s: str, numbers: list[Number], published: date) -> dict[int, Period]:
    """Times said in a row, then one count for each, in order: each count's period, by the
    count's offset ("from 2019 through 2022, reaching A, B, C and D"; with "respectively" or
    分别: "2023、2024年的交付量分別為A、B", "1月至11月的月销量分别为A、B…", "in May, June and
    July were A, B and C respectively")."""
    span = _YEAR_SPAN.search(s)
    if span is not None:
        first, last = (int(y) for y in (span[1] or span[3], span[2] or span[4]))
        years = list(range(first, last + 1)) if last > first else []
        paired = _in_order(s, numbers, span.end(), [_year(y) for y in years])
        # (a span said after the counts, "2022年至2024年销量的复合年增长率", is a rate's: the
        # counts may still follow a list of times)
        if paired or not numbers or span.start() < numbers[0].start:
            return paired
    if not _RESPECTIVELY.search(s):
        return _months_then_their_counts(s, numbers, published)
    kinds = _YTD_AND_LIFETIME.search(s)
    if kinds is not None:
        # "year-to-date and cumulative deliveries were 62,919 and 96,516, respectively"
        end = last_month_end(published)
        ytd = Period("ytd", date(end.year, 1, 1), end)
        lifetime = Period("lifetime", LIFETIME_START, end)
        said = [ytd, lifetime] if kinds["ytd"] else [lifetime, ytd]
        return _in_order(s, numbers, kinds.end(), said)
    listed = _YEAR_LIST.search(s)
    if listed is not None:
        years = [int(y) for y in _A_YEAR.findall(listed[0])]
        if all(a < b for a, b in itertools.pairwise(years)):
            periods, list_end = [_year(y) for y in years], listed.end()
            so_far = _YEAR_SO_FAR_AFTER.match(s, list_end)
            if so_far is not None:
                # "2022年、2023年、2024年以及截至2025年7月31日止的7个月": the years, then the
                # next one so far
                y, m = int(so_far["y1"] or so_far["y2"]), int(so_far["m1"] or so_far["m2"])
                if y > years[-1] and 1 <= m <= 12:
                    periods.append(Period("ytd", date(y, 1, 1), month_end(y, m)))
                    list_end = so_far.end()
            return _in_order(s, numbers, list_end, periods)
    quarters = _EACH_QUARTER.search(s)
    if quarters is not None:  # "2023年各季度分别为A、B、C、D"
        y = int(quarters[1])
        periods = [
            Period("quarter", date(y, 3 * q - 2, 1), month_end(y, 3 * q)) for q in range(1, 5)
        ]
        paired = _in_order(s, numbers, quarters.end(), periods)
        if paired:
            return paired
    opening = _FIRST_QUARTERS.search(s)
    if opening is not None:
        # "今年前三个季度，蔚来每季度的交付量依次为A、B和C", "in the first three quarters …
        # A, B and C respectively": the quarters of the year in order
        year_said = opening["zh_year"] or opening["en_year"]
        y = int(year_said) if year_said else _year_of_the_quarters(published)
        count = _SMALL_COUNT[(opening["zh"] or opening["en"]).lower()]
        periods = [
            Period("quarter", date(y, 3 * q - 2, 1), month_end(y, 3 * q))
            for q in range(1, count + 1)
        ]
        paired = _in_order(s, numbers, opening.end(), periods)
        if paired:
            return paired
    listed_quarters = _QUARTER_LIST.search(s)
    if listed_quarters is not None:
        # "2020年第一、二、三季度分别交付A、B和C", "A, B and C in the first, second and third
        # quarters of 2020, respectively"
        year_said = listed_quarters["zh_year"] or listed_quarters["en_year"]
        quarter_words = listed_quarters[0].replace(year_said or "", "")  # (no year's digits)
        order = [_QUARTER_NUMBER[q.lower()] for q in _A_QUARTER.findall(quarter_words)]
        y = int(year_said) if year_said else _year_of_the_quarters(published)
        if all(a < b for a, b in itertools.pairwise(order)):
            periods = [Period("quarter", date(y, 3 * q - 2, 1), month_end(y, 3 * q)) for q in order]
            before = [n for n in numbers if n.end <= listed_quarters.start()]
            paired = _in_order(s, numbers, listed_quarters.end(), periods) or _in_order(
                s, before, -1, periods
            )
            if paired:
                return paired
    months = _MONTH_SPAN.search(s)
    if (
        months is not None
        and int(months[2]) < int(months[3]) <= 12
        # not "1-3月，比亚迪、吉利、奇瑞销量分别为A、B、C": the makers' year so far
        and len({m.entity.name for m in lexicon().find(s[: numbers[0].start] if numbers else s)})
        < 2
        # nor "1-2月，汽车产销分别为A和B": production and sales of the year so far
        and not _PRODUCTION_AND_SALES.search(
            s, months.end(), numbers[0].start if numbers else len(s)
        )
    ):
        year = int(months[1]) if months[1] else None
        periods = [
            month_period(m, year, published) for m in range(int(months[2]), int(months[3]) + 1)
        ]
        return _in_order(s, numbers, months.end(), periods)
    named = _MONTH_LIST.search(s)
    if named is not None:
        names = [g for g in named.groups() if g]
        order = [_MONTH_NUMBER[g] if g in _MONTH_NUMBER else int(g) for g in names]
        if all(1 <= m <= 12 for m in order):
            periods = [month_period(m, None, published) for m in order]
            # the months after their counts: "10,052 and 10,677 units in July and August"
            before = [n for n in numbers if n.end <= named.start()]
            return _in_order(s, numbers, named.end(), periods) or _in_order(s, before, -1, periods)
    return {}


def _months_then_their_counts(s: str, numbers: list[Number], published: date) -> dict[int, Period]:
    """ "in January and February this year they dropped to 11,000 and 10,000 units": months
    named in a row, then as many counts in a row after them (no "respectively" needed when the
    counts are the sentence's only ones after the months)."""
    named = _MONTH_LIST.search(s)
    if named is None:
        return {}
    names = [g for g in named.groups() if g]
    order = [_MONTH_NUMBER[g] if g in _MONTH_NUMBER else int(g) for g in names]
    after = [n for n in numbers if n.start > named.end()]
    # or right before them: "delivered 10,052 and 10,677 units in July and August"
    before = [n for n in numbers if n.end <= named.start()][-len(order) :]
    counts = after or (
        before
        if before and _IN_MONTHS_AFTER.fullmatch(s, before[-1].unit_end, named.start())
        else []
    )
    if (
        not all(1 <= m <= 12 for m in order)
        or len(counts) != len(order)
        or not all(
            _LISTED_NEXT.fullmatch(s, a.unit_end, b.start) for a, b in itertools.pairwise(counts)
        )
    ):
        return {}
    periods = [month_period(m, None, published) for m in order]
    return {n.start: period for period, n in zip(periods, counts, strict=True)}


_IN_MONTHS_AFTER = re.compile(r"\s*(?:units|vehicles|cars)?\s*(?:in|during)\s+", re.I)
_YTD_AND_LIFETIME = re.compile(
    r"\b(?:(?P<ytd>year-to-date|ytd)\s+and\s+(?:cumulative|lifetime|total)"
    r"|(?:cumulative|lifetime|total)\s+and\s+(?:year-to-date|ytd))\b",
    re.I,
)


def _year(year: int) -> Period:
    return Period("year", date(year, 1, 1), date(year, 12, 31))


def _in_order(
    s: str, numbers: list[Number], after: int, periods: list[Period]
) -> dict[int, Period]:
    """The counts after offset ``after``, one for each period in order: all of them, or the
    run of counts listed right after it ("5月、6月分别为44.4万辆、48.5万辆，…4月产量24.1万辆");
    nothing unless there are exactly as many counts as periods."""
    counts = [n for n in numbers if n.start > after]
    runs = [counts]
    if after >= 0 and len(counts) > len(periods) >= 2:  # (not the counts before a list)
        runs = _runs(s, counts)
    if len(periods) < 2 or len(runs[0]) != len(periods):
        return {}
    if _YEAR_SAID.search(s, max(after, 0), runs[0][-1].start):
        # "2018年至2020年，出口一直在100万辆上下；2021年首次突破200万辆，2022年突破300万辆":
        # counts with years of their own are no list of counts for the times said before
        return {}
    paired = {n.start: period for period, n in zip(periods, runs[0], strict=True)}
    for before, run in itertools.pairwise(runs):
        # "长城海外销量分别为A、B和C，同期总销量分别为D、E和F": the same times again
        if len(run) != len(periods) or not _SAME_TIMES_AGAIN.fullmatch(
            s, before[-1].unit_end, run[0].start
        ):
            break
        paired |= {n.start: period for period, n in zip(periods, run, strict=True)}
    return paired


def _runs(s: str, counts: list[Number]) -> list[list[Number]]:
    """The counts split into runs, each a list of counts said one after another."""
    runs = [counts[:1]]
    for n in counts[1:]:
        if _LISTED_NEXT.fullmatch(s, runs[-1][-1].unit_end, n.start):
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


# between two lists of counts, the second said of the same times: "，同期总销量分别为"
_SAME_TIMES_AGAIN = re.compile(
    r"[^。；;.\d]*(?:同期|同年)[^。；;.\d]*分别[^。；;.\d]*",
)


# what stands between two counts of one list: "44.4万辆、48.5万辆", "10,052 and 10,677"
_LISTED_NEXT = re.compile(r"\s*(?:[、,，/]|和|及|与|以及|,?\s*and)\s*", re.I)


# "两家企业", "这三家车企", "两个品牌": as many makers as the number says (not "两个月")
_COUNTED_PLURAL = re.compile(r"([两二三四五])(?:家|个(?=品牌|车企|企业|公司|厂商))")
_PLURAL_SIZE = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "two": 2, "three": 3, "four": 4}
_EN_COUNTED_SET = re.compile(r"the (two|three|four)", re.I)


# between two counts of a list: "70,146, 53,975 and 46,016", "109,800 units and 87,900 units"
_NEXT_IN_A_ROW = re.compile(
    r"\s*(?:(?:vehicles?|cars?|units?)\s+)?(?:[、,，]|和|及|与|以及|,?\s*and)\s*", re.I
)


def _counts_in_a_row(s: str, live: list[_Candidate]) -> list[_Candidate] | None:
    """The one run of two or more counts listed one after another in the sentence, or None."""
    runs: list[list[_Candidate]] = []
    for cand in live:
        if runs and _NEXT_IN_A_ROW.fullmatch(s, runs[-1][-1].number.unit_end, cand.number.start):
            runs[-1].append(cand)
        else:
            runs.append([cand])
    listed = [run for run in runs if len(run) > 1]
    return listed[0] if len(listed) == 1 else None


# "the three joint ventures", "the two companies", "两家企业": a set of makers named before
_SET_OF_MAKERS = re.compile(
    r"\bthe (two|three|four) (?:joint ventures|JVs|brands|makers|carmakers|automakers|companies"
    r"|manufacturers|startups)\b|" + _COUNTED_PLURAL.pattern,
    re.I,
)


def _pair_in_a_row(
    s: str,
    subjects: list[tuple[Mention, bool]],
    live: list[_Candidate],
    run: list[_Candidate],
    last_list: tuple[Entity, ...],
) -> None:
    """Counts in a row, no "respectively" said, go to as many makers in order: the list
    named right before them ("ahead of SAIC-GM and SAIC-Volkswagen with 109,800 units and
    87,900 units"), or the set of makers that stands for the list of the sentence before
    ("The three joint ventures sold 70,146, 53,975 and 46,016")."""
    first = run[0].number.start
    lo = max((c.number.unit_end for c in live if c.number.start < first), default=0)
    names = [m for m, _ in subjects if lo <= m.start and m.end <= first]
    the_set = None if names else _SET_OF_MAKERS.search(s, lo, first)
    if the_set is not None:
        size = _PLURAL_SIZE[(the_set.group(1) or the_set.group(2)).lower()]
        if size == len(run) == len(last_list):
            for cand, entity in zip(run, last_list, strict=True):
                cand.entity, cand.entity_obj = entity.name, entity
    elif (
        len(names) > 1
        and len({m.entity for m in names}) == len(names)
        and not any(m.entity.is_region for m in names)
        and all(LIST_SEP.match(s[a.end : b.start]) for a, b in itertools.pairwise(names))
    ):
        if len(names) == len(run):
            for cand, mention in zip(run, names, strict=True):
                cand.entity, cand.entity_obj = mention.entity.name, mention.entity
    else:
        _pair_respectively(s, subjects, run, [], ())


def _pair_respectively(
    s: str,
    subjects: list[tuple[Mention, bool]],
    live: list[_Candidate],
    hits: list[mx.Hit],
    last_list: tuple[Entity, ...],
) -> None:
    """ "A and B delivered X and Y respectively" / "产销分别完成A万辆和B万辆"."""
    prodsales = [h for h in hits if h.kind == "prodsales"]
    first = live[0].number.start
    if prodsales and len(live) == 2 and prodsales[0].start < first:
        live[0].metric, live[1].metric = "production", "sales"
        return
    listed = [(i, m) for i, (m, ok) in enumerate(subjects) if ok and m.end <= first]
    if listed:
        entities = [m.entity for m in list_group(subjects, listed[-1][0], s)]
        said = listed[-1][1]
        # "GAC Honda and Dongfeng Honda …; the two sold A and B respectively": the set is no name
        the_set = _EN_COUNTED_SET.fullmatch(s, said.start, said.end)
        counted = the_set or _COUNTED_PLURAL.search(s, said.end, first)
        if counted is not None and len(entities) == 1:
            # "长安汽车3月又压过一汽-大众，…，两家企业当月批发量分别为13.2万辆和12.2万辆": the last
            # two named, in their order (the one beaten too)
            makers = [
                (i, m)
                for i, (m, ok) in enumerate(subjects)
                if m.end <= first and (ok or (not m.entity.is_region and beaten(s, m)))
            ]
            named = list(dict.fromkeys(m.entity for _, m in makers[: -1 if the_set else None]))
            size = _PLURAL_SIZE[counted.group(1).lower()]
            if len(named) >= size and all(e.kind != "unknown" for e in named[-size:]):
                entities = named[-size:]
            elif the_set and not named and len(last_list) == size:
                entities = list(last_list)  # "NIO and XPeng … The two delivered A and B"
    elif _PLURAL.search(s[:first]):  # "the three brands sold A, B and C respectively"
        entities = list(last_list)
    else:
        return
    if len(entities) == len(live) and len(entities) > 1:
        for cand, entity in zip(live, entities, strict=True):
            cand.entity, cand.entity_obj = entity.name, entity
    elif len(live) > 1 and _en_names_listed(s, listed[-1][1].end if listed else 0, first) == len(
        live
    ):
        # "April sales of its Emgrand, Englon and GLEagle brands were A, B and C respectively":
        # names the lexicon does not know, one count each, none the owner's
        for cand in live:
            cand.drop("a list of names the lexicon does not all know")
    elif listed and len(live) > 1 and _names_listed(s, listed[-1][1].end, first) == len(live):
        # "苏州、无锡、常州、镇江分别生产汽车7.7万辆、4.5万辆、1.9万辆和1.6万辆" with 无锡 and 镇江
        # unknown: whose each count is cannot be told
        for cand in live:
            cand.drop("a list of names the lexicon does not all know")
    elif not listed and len(entities) > 1 and len(live) > 1:
        # "它们的单月批发销量分别为A、B…" after ten makers and nine counts: whose each is, untold
        for cand in live:
            cand.drop("a list of counts that does not match the names before")


def _names_listed(s: str, last_name_end: int, first_number: int) -> int:
    """How many names the Chinese list of names with 、 right before 分别 holds ("苏州、无锡、
    常州、镇江分别": 4), when the last known name is in it; else 0."""
    for m in _NAME_LIST.finditer(s, 0, first_number):
        if m.start() < last_name_end <= m.end(1) and not _NOT_A_NAME.search(m.group(1)):
            return len(_LIST_SEPARATOR.findall(m.group(1))) + 1
    return 0


def _en_names_listed(s: str, start: int, first_number: int) -> int:
    """How many capitalised names an English list between ``start`` and the first count holds
    ("its Emgrand, Englon and GLEagle brands": 3), when none of them is a month or a quarter;
    else 0."""
    found = 0
    for m in _EN_NAME_LIST.finditer(s, start, first_number):
        names = _EN_LIST_SEPARATOR.split(m.group(0))
        if not any(
            name.strip().lower() in MONTHS or _PERIOD_NAME.fullmatch(name.strip()) for name in names
        ):
            found = len(names)
    return found


_EN_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’.-]*)*"
# "Emgrand, Englon and GLEagle": two names or more, the last after "and"
_EN_NAME_LIST = re.compile(rf"\b{_EN_NAME}(?:,\s+{_EN_NAME})*,?\s+and\s+{_EN_NAME}")
_EN_LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s+")
_PERIOD_NAME = re.compile(r"(?:[QH][1-4]|[1-4][QH]|FY)\s*(?:20\d\d)?|(?:19|20)\d\d", re.I)


# "苏州、无锡、常州和镇江(等城市)分别": names joined by 、 (and a last 和, 及 or 与)
_NAME_LIST = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}?(?:(?:和|及|与)[\u4e00-\u9fff]{2,8}?)?)"
    r"(?:等[\u4e00-\u9fff]{0,4}?)?分别"
)
_LIST_SEPARATOR = re.compile(r"、|和|及|与")
# "该省汽车、新能源汽车产量分别为": a list of kinds of vehicle or of metrics, not of names
_NOT_A_NAME = re.compile(r"车|产|销|出口|交付|[年月]")


# "全球电动汽车销量达到180万辆", "global EV sales hit 1.8 million": the world market's count
# (a maker's "global sales of 300,000" name no kind of vehicle: the maker's own)
_GLOBAL_MARKET = re.compile(
    r"(?:全球|世界)(?:范围内)?的?(?:新能源|电动|纯电)?(?:汽车|车|电动车)(?:市场)?的?(?:累计)?总?"
    r"(?:销量|销售|交付|产量)"
    r"|(?:全球|世界)(?:汽车|车)?市场"
    # "广义新能源乘用车的全球销量": a kind of vehicle's, the world's (not "比亚迪的全球销量")
    r"|车的?(?:全球|世界)(?:累计)?(?:销量|销售|交付|产量)"
    # (not "the biggest global auto market", China)
    r"|\b(?<!biggest )(?<!largest )(?:global|worldwide|world)\s+(?:(?:EV|NEV|electric[- ]vehicle"
    r"|electric car|plug-in|car|vehicle|auto)s?\s+(?:sales|deliveries|output|production|market)"
    r"|market)\b"
    # "Global sales of passenger electric vehicles (EVs) grew 61% … to 2.18 million units"
    r"|\b(?<!biggest )(?<!largest )(?:global|worldwide|world)\s+(?:sales|deliveries|shipments)"
    r"\s+of\s+(?:new\s+|passenger\s+|plug-in\s+|battery[- ]electric\s+)*(?:electric\s+)?"
    r"(?:vehicles|cars|EVs|NEVs|autos|new energy vehicles)\b"
    # "The world sold 4.24 million NEVs" (not "the first country in the world to ...")
    r"|\bthe world\s+(?:sold|bought|delivered|produced|registered|saw)\b"
    # "than in the entire world in 2020 (3.0 million)"
    r"|\bin the (?:entire|whole) world\b"
    # "China accounted for 68 percent of the world's NEV sales growth, with a total of ..."
    r"|\bof the world['’]s (?:[\w-]+ ){0,3}?(?:sales|deliveries|output|production|market)\b",
    re.I,
)
# "sales reached 43.9 million units in the global market": the world's, said after the number
_GLOBAL_MARKET_AFTER = re.compile(
    r"[^,，;；.。]{0,24}?\b(?:in|across) the (?:global|world|worldwide) (?:auto |car |vehicle )?"
    r"market\b|[^,，;；.。]{0,24}?\b(?:globally|worldwide|(?:around|across) the world)\b",
    re.I,
)


# "In South Africa, Chery sold", "sales in Europe", "在欧盟市场", "销往墨西哥的": one foreign market
_FOREIGN_SCOPE_BEFORE = re.compile(
    r"\b(?:in|into|to|across|throughout)\s+(?:the\s+)?$"
    r"|(?:在|于|销往|銷往|出口到|出口至|运往|運往|发往)\s*$",
    re.I,
)
_FOREIGN_SCOPE_AFTER = re.compile(
    # "德国新车注册量": a count in that market
    r"\s*(?:市场|市場|地区|地區|(?:新车|新車|汽车|汽車)?(?:注册量|註冊量|上牌量|销量|銷量))"
)
# the sentence opens with the market: "In South Africa, ...", "在欧洲，"
_OPENING_SCOPE = re.compile(r"\s*(?:In|在)\s*(?:the\s+)?")
# what ends a number's own phrase: "sold 300,000 in May, with demand strong in Europe"
_PHRASE_BREAK = re.compile(r"[,，;；]|\b(?:with|while|and|but|as|after|where)\b")


def _bound_so_far(s: str, cand: _Candidate, state: _State) -> bool:
    """ "Xiaomi said on Tuesday that it delivered more than 20,000 SU7s in October", told on 29
    October: a lower bound already reached, so true of the whole month too."""
    period = cand.period
    return (
        period is not None
        and period.kind == "month"
        and (period.end.year, period.end.month) == (state.published.year, state.published.month)
        and cand.qualifier == "at_least"
        and _DONE_BEFORE.search(s, max(0, cand.number.start - 40), cand.number.start) is not None
    )


# a count already reached, told in the past tense (not "has now delivered more than 75,000":
# a running total)
_DONE_BEFORE = re.compile(
    r"(?<!has )(?<!have )(?<!now )(?<!far )(?<!already )"
    r"\b(?:delivered|sold|produced|built|exported|shipped|handed over)\s+"
    r"(?:more than|over|in excess of|upwards of)\s*$"
    r"|已(?:经)?(?:交付|销售|售出|生产)[^，,。；;]{0,6}?(?:超过|超|逾|突破)\s*$",
    re.IGNORECASE,
)


def _not_over(period: Period | None, published: date) -> bool:
    """A period that ends after the article was published counts nothing that happened yet:
    a forecast or an estimate. Running totals (a lifetime, the year so far up to this month,
    "as of Oct. 21") count to the day they are told."""
    if period is None or period.end <= published:
        return False
    # (not "到2019年底累计交付量超过40,000辆" in June 2019: to the end of a month still to come)
    return not (
        period.kind in ("ytd", "lifetime")
        and (period.end.year, period.end.month) == (published.year, published.month)
    )


_THERE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?there\b", re.I)
_WHERE_IT_SOLD_BEFORE = re.compile(
    r"(?:countries|markets)\b,?\s+where\s+(?:it|they|the\s+\w+)\s+(?:[\w-]+\s+){0,4}$", re.I
)
_MARKETS_ABROAD_SAID = re.compile(
    r"\b(?:European|overseas|foreign|international)\s+(?:countries|markets)\b|\babroad\b", re.I
)


_A_MARKET_SAID = re.compile(_IS_ITS_MARKET)


def _in_foreign_market(
    s: str, cand: _Candidate, subjects: list[tuple[Mention, bool]], c0: int, c1: int
) -> bool:
    """The number counts what a maker or a region did in one market outside China (a part of
    its figure, as "China shipped 625,200 vehicles to Mexico" is of its exports): the market
    scopes the number's own phrase ("sold 1,867 vehicles in South Africa", "在欧盟市场的新车注册量
    …9130辆") or opens the sentence ("In South Africa, Chery ...")."""
    if cand.entity_obj is None:
        return False
    n = cand.number
    opening = next((b for a, b in foreign_places(s) if not s[:a].strip()), None)
    if opening is not None and _A_MARKET_SAID.match(s, opening) and not cand.entity_obj.is_region:
        # "North America is still Porsche's biggest market, with 86,541 deliveries": the
        # maker's count in that market
        return True
    if (
        _THERE_AFTER.match(s, n.unit_end)
        # "reaches 28 European countries, where it sold more than 100,000 vehicles"
        or _WHERE_IT_SOLD_BEFORE.search(s, max(0, n.start - 50), n.start)
    ) and (
        _MARKETS_ABROAD_SAID.search(s, 0, n.start)
        or any(m.entity.level == FOREIGN and m.end <= n.start for m, _ in subjects)
    ):
        # "Its MG brand is now present in 28 European countries and sold over 100,000 vehicles
        # there": the market just named abroad
        return True
    for m, _ in subjects:
        if m.entity.level != FOREIGN or not (
            _FOREIGN_SCOPE_BEFORE.search(s, max(0, m.start - 12), m.start)
            or _FOREIGN_SCOPE_AFTER.match(s, m.end)
        ):
            continue
        if _OPENING_SCOPE.fullmatch(s, 0, m.start):
            return True
        if (
            n.end <= m.start < c1
            and m.start - n.end <= 60  # "5000 units of SHACMAN trucks were exported to Russia"
            and not _PHRASE_BREAK.search(s, n.end, m.start)
        ):
            return True
        if c0 <= m.start and m.end <= n.start and not _PHRASE_BREAK.search(s, m.end, n.start):
            return True
    return False


def _one_vehicle_type_said(
    s: str, cand: _Candidate, obj: Entity, starts: list[int], state: _State, counted_before: bool
) -> bool:
    """One kind of vehicle is what is counted: for a place, said before the count in its
    sentence ("我国重卡市场销售4.6万辆，环比3月份的7.7万辆…") or by the headline; for a maker, in
    the count's own clause, or "of them" after a sentence naming that kind (``counted_before``:
    a count of the sentence comes before this one, which "of them" then refers to)."""
    if not obj.is_region:
        return (
            one_vehicle_type_before(s, cand.number.start, starts[cand.clause])
            or (
                # "BYD is the largest exporter of new-energy buses. It exported 3,582 of them":
                # of the kind the sentence before named
                not counted_before
                and state.kind_named == state.sentence_no - 1
                and _OF_THEM.match(s, cand.number.unit_end) is not None
            )
            # in a story on the bus market, "The ten biggest players in the July bus market
            # were JMC (6,743 units), Chang'an (6,158 units)": the buses of makers that build
            # more than buses
            or (
                state.type_doc
                and (
                    one_vehicle_type_before(s, cand.number.start)
                    or state.kind_named == state.sentence_no - 1
                )
            )
        )
    return (
        one_vehicle_type_before(_INCLUDED_KINDS.sub(_blank, s), cand.number.start)
        or (state.type_doc and not other_vehicles_before(s, cand.number.start))
        # "Commercial vehicles led the way. Their sales surged to 431,000": that kind's
        or (state.kind_told == state.sentence_no - 1 and _THEIR_OPENING.match(s) is not None)
    )


# a sentence whose subject is one body type: "SUVs remained ...", "China's sedans ..."
_BODY_TYPE_SUBJECT = re.compile(
    r"\s*(?:(?:[A-Z][\w-]*|the|China['’]s|Chinese|domestic|local)\s+){0,3}?"
    r"(?:SUVs|MPVs|sedans|saloons|hatchbacks|crossovers|pickups|sport utility vehicles"
    r"|multi-purpose vehicles)\b"
    # "·轿车11月销量89.2万辆", "SUV累计销量": a line or sentence opening on one body type
    r"|\s*[·•*-]?\s*(?:轿车|轎車|SUV|MPV|皮卡)(?![A-Za-z])",
    re.I,
)
# a clause that goes on about the subject of the one before: ", with sales rising to ..."
_WITH_CLAUSE = re.compile(r"[\s,，;；]*with\b", re.I)
# a sentence that opens on a kind of vehicle, and one that goes on about it
_KIND_OPENING = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+)?(?:[A-Za-z-]+\s+)?(?:vehicles|trucks|buses|cars)\b"
)
_THEIR_OPENING = re.compile(r"\s*(?:Their|They)\b")


def _foreign_scopes(s: str) -> list[int]:
    """Where the sentence names one market outside China as where things were counted ("in
    the UK", "Australian sales", "Britain's car market", "在欧洲市场")."""
    return [
        a
        for a, b in foreign_places(s)
        if _FOREIGN_SCOPE_BEFORE.search(s, max(0, a - 12), a)
        or _FOREIGN_SCOPE_AFTER.match(s, b)
        or _MARKET_NOUN_AFTER.match(s, b)
    ]


# "the UK's car market", "Australian sales", "UK registrations"
_MARKET_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:new[- ])?(?:car|auto|vehicle|EV|electric car|passenger car)\s+)?"
    r"(?:market|sales|registrations)\b",
    re.I,
)
# a sentence that speaks of China's market or the maker's whole (global) count
_CHINA_OR_WORLD = re.compile(
    r"\bin China\b|\bChina['’]s\b|\bChinese market\b|\bdomestic|\bhome market\b|\bglobal"
    r"|\bworldwide\b|\baround the world\b|\boverseas\b|\bexport|\babroad\b"
    r"|国内|國內|中国市场|中國市場|全国|全國|全球|海外|出口",
    re.I,
)
_MORE_THAN_ONE_MARKET = 500_000
# the words of a market where cars are sold or registered
_MARKET_TALK = re.compile(
    r"\bmarkets?\b|\bsales?\b|\bsold\b|\bsell|\bregist|\bdeliver|\bbuyers\b|\bcustomers\b"
    r"|\bretail|\bshipp|\bdemand\b|\blaunch|\bdebut|\bbrands\b|\bshare\b|\bgain\w*\s+ground\b"
    r"|市场|市場|销|銷|交付|注册|註冊|上牌|上市|需求",
    re.I,
)
# a market abroad the maker plans to enter: no count is of it yet
_MARKET_TO_COME = re.compile(
    r"\b(?:to|will|plans? to|aims? to|set to|is to|prepares? to|ready to)\s+(?:start\s+(?:to\s+)?)?"
    r"(?:sell|selling|enter|launch|expand|export|go)\b[^.;]{0,60}?\bby\s+(?:20\d\d|the end of)\b",
    re.I,
)
# the maker's whole count beside the market's: "its total sales reached 380,000", 总销量
_WHOLE_COUNT = re.compile(
    r"\btotal\b|\boverall\b|\bin all\b|总销量|總銷量|总交付|總交付|全系|整体|整體", re.I
)
_SHARE_OF = re.compile(r"(?:%|\bper\s?cent|\bshare)\s+of\b", re.I)
_PART_OF_THE_WHOLE = re.compile(
    r"(?:\b(?:half|a third|a quarter|two thirds|three quarters|share|most)|%|\bper\s?cent)"
    r"\s+of\s+(?:the|all)\s+(?:roughly |about |some |nearly |almost |around )?$",
    re.I,
)


_SUBJECT_NOT_IN_CLAUSE = (D_SUBJECT_AWAY, D_SUBJECT_CARRIED, D_SUBJECT_HEADLINE)
_SUBJECT_DOUBTS = (*_SUBJECT_NOT_IN_CLAUSE, D_SUBJECT_AFTER, D_SUBJECT_PRONOUN)


# "the wider car market", "the broader auto market", "整体车市": the whole market, at home
_HOME_MARKET = re.compile(
    r"\bthe (?:wider|broader|overall|whole|entire) (?:Chinese |China['’]s )?(?:car |auto |vehicle "
    r"|automobile |passenger car |passenger vehicle )?(?:market|industry)\b"
    r"|整体车市|整个车市|车市整体",
    re.I,
)


def _world_said(s: str, start: int, end: int, subjects: list[tuple[Mention, bool]]) -> bool:
    """``s[start:end]`` counts the world market with no maker named before it ("Global auto
    sales reached ..."; not "BYD posted record global vehicle sales")."""
    world = _GLOBAL_MARKET.search(s, start, end)
    return world is not None and not any(
        m.start < world.start() and not m.entity.is_region and m.entity.kind != "unknown"
        for m, _ in subjects
    )


def _global_total(s: str, cand: _Candidate, subjects: list[tuple[Mention, bool]], c0: int) -> bool:
    """The clause counts the world market and names nobody before its number: the subject
    carried from elsewhere did not sell these ("BYD's global sales" stays BYD's)."""
    n = cand.number
    world = _GLOBAL_MARKET.search(s, c0, n.start)
    if world is not None and _SHARE_OF.search(s, max(0, world.start() - 16), world.start() + 3):
        return True  # "China accounted for 68 percent of the world's sales, with 5.97 million"
    if world is None:
        # said after the number of a country or region: "sales reached 43.9 million units in
        # the global market" (a maker's "delivered 343,000 worldwide" is its own total)
        return (
            cand.entity_obj is not None
            and cand.entity_obj.is_region
            and _GLOBAL_MARKET_AFTER.match(s, n.end) is not None
            and (
                not any(c0 <= m.start < n.start for m, _ in subjects)
                # "China accounted for roughly half of the 1.2 million plug-ins sold around
                # the world": the whole its share is of
                or _PART_OF_THE_WHOLE.search(s, max(0, n.start - 40), n.start) is not None
            )
        )
    if _A_PREDICATE_OPENS.match(s, c0) and any(
        m.end <= c0 and m.entity.name == cand.entity for m, _ in subjects
    ):
        # "BYD, Tesla's chief Chinese rival, reports global car sales of 377,628": the clause
        # is the predicate of the subject before the aside
        return False
    return not any(
        c0 <= m.start and m.end <= world.start() + 2 and m.entity.name == cand.entity
        for m, _ in subjects
    )


# a clause that opens on its verb: the predicate of a subject said before an aside
_A_PREDICATE_OPENS = re.compile(
    r"[\s,]*(?:reports|reported|posts|posted|records|recorded|logs|logged|sees|saw|says|said"
    r"|announces|announced)\b",
    re.IGNORECASE,
)


def _is_base(cand: _Candidate, parts: Parts) -> bool:
    """A comparison base ("the 5,820 it sold in November last year"): growth is not its own."""
    tie = parts.tie_at(cand.number.start)
    return tie is not None and tie.base


# "up 9.7% (in July) (year on year) to 1.87 million": the rate of the number it led to
_RATE_LEADS_TO = re.compile(
    # "同比+302.1%/环比+12.1%至40,422辆": the other rate of the same count between
    r"(?:\s*[/、]\s*(?:环比|同比|按月|按年)\s*[+-]?\d+(?:\.\d+)?%)?"
    r"[\s,，]*(?:(?:in|during|for|over)\s+(?:the\s+)?(?:first\s+)?[A-Za-z0-9-]+"
    r"(?:\s+(?:months?|quarter|half|of\s+(?:19|20)\d\d|(?:19|20)\d\d))?[\s,，]*)?"
    r"(?:(?:year|month)[- ](?:on|over)[- ](?:year|month)|y/y|m/m|yoy|mom"
    r"|from a year (?:earlier|ago))?"
    # "fell 6.5% year on year in June to 1.68 million": the time after the comparison
    r"(?:[\s,，]*(?:in|during|for)\s+(?:the\s+)?[A-Za-z0-9-]+(?:\s+(?:19|20)\d\d)?)?"
    r"[\s,，]*(?:to\b|at\b|reaching\b|至|达到?|为)",
    re.I,
)


def _leads_to(s: str, g: mx.Growth, following: _Candidate) -> bool:
    """The rate is said on the way to the count after it: "rose 8.7% to 34,250"."""
    between = s[g.end : following.number.start]
    return (
        len(between) < 45
        and _RATE_LEADS_TO.match(between) is not None
        and not mx.MONEY_SIGN.search(between)  # "rose 8.7% to HK$34.25, after it"
    )


# a bracket that holds a part of the number before it ("（含乐道品牌4,820辆）", "(including
# 4,820 Onvo vehicles)"), not the same number said exactly ("over 300,000 (306,000)")
_BRACKETED = re.compile(
    r"[（(][^（()）]*(?:含|包括|其中|\bincluding\b|\bincl\.|\bof which\b)"
    r"[^（()）]*\d[^（()）]*[)）][^\d]*$",
    re.I,
)


# why a number was dropped, when the rates right after it are its own (not the figure before)
_OWN_RATES = ("trap: '", "a part of")


def _attach_growth(
    s: str,
    live: list[_Candidate],
    hits: list[mx.Hit],
    makers: list[Mention],
    apart: list[int],
) -> None:
    """Growth rates to the counts they are said of; ``makers``: the makers named as subjects,
    whose rates are their own ("吉利银河销量1万5975辆, 领克和极氪的销量则分别上涨49%和89%");
    ``apart``: where the numbers dropped as traps or parts end, whose rates are theirs
    ("报废汽车回收量57.7万辆，同比增长48.9%" after a sales figure)."""
    if not live:
        return
    growth = mx.growth_hits(s)
    if _YEARS_APART.search(s):
        # "由2020年的116.1万辆提升至2024年的357万辆，增长了2倍": growth over the years between,
        # no year-on-year rate (unless said so)
        growth = [g for g in growth if g.mom or _SAID_YOY.search(s, g.start, g.end)]
    bounds = [0, *(m.end() for m in _SEMICOLON.finditer(s)), len(s) + 1]
    for lo, hi in itertools.pairwise(bounds):
        part = [c for c in live if lo <= c.number.start < hi]
        if part:
            growth = _respective_rates(s, part, growth, hi, makers)
    growth = _pair_rates(s, live, growth)
    for g in [g for g in growth if g.each]:  # "同比增长均为1.2倍": every number before it
        for cand in (c for c in live if c.number.end <= g.start):
            if g.mom and cand.mom is None:
                cand.mom = g.pct
            elif not g.mom and cand.yoy is None:
                cand.yoy = g.pct
    for g in (g for g in growth if not g.each):
        clause_start = max(s.rfind(ch, 0, g.start) for ch in ",，;；")
        if mx.SHARE.search(s[clause_start + 1 : g.start]) or _ACCOUNTS.search(
            s, clause_start + 1, g.start
        ):
            continue  # "revenue up 116.6%", "收入总额按年减少36.2%": a share's or money's rate
        target: _Candidate | None = None
        preceding = [c for c in live if c.number.end <= g.start]
        following = [c for c in live if c.number.start >= g.end]
        if len(preceding) > 1 and _BRACKETED.search(s, preceding[-2].number.unit_end, g.start):
            # "交付15,039辆（含乐道品牌4,820辆），同比增长26.7%": a bracketed part is passed over
            preceding = preceding[:-1]
        if following and _leads_to(s, g, following[0]):
            # "同比增长24%至16.6万辆", "up 24% to 166,085": the count it reached
            target = following[0]
        elif preceding and not any(preceding[-1].number.end < t <= g.start for t in apart):
            target = preceding[-1]
            between = s[target.number.end : g.start]
            other = [
                h
                for h in hits
                if target.number.end <= h.start < g.start and h.kind != target.metric
            ]
            if (
                other
                or len(between) > 120
                or _another_maker(target, makers, g.start)
                # "sold 41,372 ..., and full-year sales are expected to top 43,000, up 30%": the
                # rate of the forecast said between
                or _FORECAST_BETWEEN.search(between)
            ):
                target = None
        if target is None and following and _leads_to(s, g, following[0]):
            target = following[0]
        if target is None:
            continue
        if g.mom:
            if target.mom is None:
                target.mom = g.pct
        elif target.yoy is None:
            target.yoy = g.pct


def _another_metrics_kind(
    hit: mx.Hit, cand: _Candidate, cands: list[_Candidate], starts: list[int]
) -> bool:
    """The segment word ``hit`` describes the count of another clause, one of sales or output,
    and the count ``cand`` is of exports (exports are told of all vehicles as often as not)."""
    clause = clause_of(starts, hit.start)
    return (
        cand.metric == "exports"
        and clause != cand.clause
        and any(
            c.clause == clause and c is not cand and c.metric not in (None, "exports")
            for c in cands
        )
    )


# "汽车和新能源汽车产量分别…", "vehicle and NEV output … respectively": all vehicles, then NEVs
_SEGMENT_PAIR = re.compile(
    r"汽车(?:产量|销量|产销量?|出口量?)?\s*(?:和|、|与|及|以及)\s*新能源(?=汽车|车)"
    r"|\b(?:vehicles?|autos?|cars?)\s+(?:and|&)\s+(?:NEVs?|new[- ]energy vehicles?)\b",
    re.I,
)
_RESPECTIVE = re.compile(r"分别|各自|\brespectively\b", re.I)
_NEXT_IN_LIST = re.compile(r"\s*(?:辆|台|units|vehicles)?\s*(?:、|,|，|和|及|与|,?\s*and)\s*")


def _paired_segments(s: str, numbers: list[Number]) -> dict[int, str]:
    """The segment of each count of the pairs said after "汽车和新能源汽车 … 分别": the first of
    each pair counts all vehicles, the second NEVs ("由2020年的116.1万辆、10.5万辆")."""
    pair = _SEGMENT_PAIR.search(s)
    if pair is None or _RESPECTIVE.search(s, pair.end()) is None:
        return {}
    after = [n for n in numbers if n.start > pair.end()]
    groups: list[list[Number]] = []
    for n in after:
        if groups and _NEXT_IN_LIST.fullmatch(s, groups[-1][-1].unit_end, n.start):
            groups[-1].append(n)
        else:
            groups.append([n])
    return {
        n.start: kind
        for group in groups
        if len(group) == 2
        for n, kind in zip(group, ("all", "nev"), strict=True)
    }


# "由2020年的…提升至2024年的…", "from 2020 to 2024": counts years apart compared
_YEARS_APART = re.compile(
    r"(?:由|从|從)\s*(?P<a>(?:19|20)\d\d)\s*年[^。；;]{0,40}?(?:至|到)\s*(?!(?P=a))(?:19|20)\d\d\s*年"
)
_SAID_YOY = re.compile(r"同比|按年|year[- ]on[- ]year|year[- ]over[- ]year|\byoy\b|y/y", re.I)
# a company's accounts named in a rate's clause: the rate is theirs, no count's
_ACCOUNTS = re.compile(
    r"\b(?:revenues?|turnover|income|profits?|earnings|margins?|losses|net loss|EBIT(?:DA)?"
    r"|cash|shares?|stock|price)\b|营收|收入|利润|净利|毛利|亏损|营业额|股价|市值|单车均价",
    re.I,
)
# a forecast said between a count and a rate after it: the rate is the forecast's
_FORECAST_BETWEEN = re.compile(
    r"\b(?:expected|forecast|projected|predicted|set|poised|likely) to\b|\bwill\b|预计|有望|将达",
    re.I,
)


# "1.594 million units and 1.649 million units", "2702.1万辆和2686.4万辆": two numbers (or two
# rates: "5.15%和9.35%") said together
_JOINED = re.compile(r"\s*(?:(?:vehicles?|cars?|units?)\s+)?(?:and|和|与|及|、)\s*", re.I)


def _pair_rates(s: str, live: list[_Candidate], growth: list[mx.Growth]) -> list[mx.Growth]:
    """ "came to X and Y, down A% and B%", "产销分别完成X和Y,同比分别增长A%和B%": the two rates
    go to the two numbers in order. Returns the rates left to place one by one."""
    placed: set[int] = set()
    for i, (first, second) in enumerate(itertools.pairwise(growth)):
        if not first.paired:
            continue
        before = [c for c in live if c.number.end <= first.start]
        if len(before) < 2 or not _JOINED.fullmatch(
            s, before[-2].number.unit_end, before[-1].number.start
        ):
            continue
        for cand, rate in ((before[-2], first), (before[-1], second)):
            if rate.mom:
                cand.mom = rate.pct if cand.mom is None else cand.mom
            elif cand.yoy is None:
                cand.yoy = rate.pct
        placed |= {i, i + 1}
    return [g for i, g in enumerate(growth) if i not in placed and not g.paired]


def _attach_claims(
    s: str, live: list[_Candidate], starts: list[int], mentions: list[Mention]
) -> None:
    if not live:
        return
    for claim in mx.claim_hits(s):
        k = clause_of(starts, claim.start)
        same = [c for c in live if c.clause == k]
        if same:
            targets = [min(same, key=lambda c: abs(c.number.start - claim.start))]
        else:
            preceding = [c for c in live if c.number.end <= claim.start]
            following = [c for c in live if c.number.start >= claim.end]
            targets = [preceding[-1]] if preceding else following[:1]
            # "吉利银河销量1万5975辆, 领克和极氪的销量则分别上涨49%和89%, 创下历史新高": the
            # record of the makers named between the count and the claim is theirs
            targets = [t for t in targets if not _named_between(s, t, claim, mentions)]
        for t in targets:
            if t.qualifier == "at_most":
                continue  # "首次跌破20万辆": a first (or a record) on the way down is no news up
            # "连续9个月保持第一" beside a year-to-date total: a streak counts months (or
            # quarters) of the figure's own kind, not of a running total
            if claim.claim.startswith("streak:") and (
                t.period is None or t.period.kind not in ("month", "quarter")
            ):
                continue
            t.claims.append(claim.claim)


# "105,670 cars worth 12.51 billion yuan": the count, then its value
_WORTH_AFTER = re.compile(
    r"\s*(?:(?:cars|vehicles|units|autos|NEVs|EVs)\s+)?"
    r"(?:worth|valued at|with a (?:total |combined )?value of)\s",
    re.I,
)


def _respective_rates(
    s: str, live: list[_Candidate], growth: list[mx.Growth], hi: int, makers: list[Mention]
) -> list[mx.Growth]:
    """The rates said after the last of ``live`` (the counts of one part of the sentence, which
    ends at ``hi``) given in order when they are as many and said respectively; the rates
    left for the nearest-count reading are returned."""
    last = live[-1].number.end
    after = [g for g in growth if last <= g.start < hi]
    if not after:
        return growth
    if _another_maker(live[-1], makers, after[0].start):
        # "吉利银河1万5975辆, 领克和极氪的销量则分别上涨49%和89%": the rates of the makers
        # named after the last count are theirs
        return [g for g in growth if g not in after]
    rates = [m for m in _RATE.finditer(s, after[0].start, hi) if "." in m[1] or "," not in m[1]]
    said_after = _RESPECTIVELY.search(s, last, hi)
    respectively = said_after or (
        # "分别生产汽车7.7万辆、4.5万辆…，同比增长83.3%、增长36.4%…": said before the counts,
        # one rate of its own for each
        _RESPECTIVELY.search(s, max(0, live[0].number.start - 12), live[0].number.start)
        and len(after) == len(live)
        and not any(g.each for g in after)
    )
    placed: list[mx.Growth] = []
    if (
        len(live) == 2
        and len(rates) >= 2
        and _JOINED.fullmatch(s, live[0].number.unit_end, live[1].number.start)
        and _JOINED.fullmatch(s, rates[0].end(), rates[1].start())
        and (said_after is None or said_after.start() > rates[1].end())
    ):
        # "产销281.52万辆和279.24万辆，同比增长5.15%和9.35%，其中商用车…分别…": the pair of rates
        # said right after the pair of counts is theirs, in order; the rest is the part's
        second = _second_pair(s, rates, [g for g in after if g.start >= rates[1].end()])
        if second is not None:
            # "比9月下降8.91%和9.60%，同比增长41.43%和27.55%": a second pair of another kind
            _rates_in_order(s, live, second[0], [second[1]])
            placed.append(second[1])
        rates, respectively = rates[:2], True
        after = [g for g in after if g.start < rates[1].end()]
    if len(live) == 1 and said_after is not None and _WORTH_AFTER.match(s, live[0].number.unit_end):
        # "exported 105,670 cars worth 12.51 billion yuan, up 3.6 times and 1.3 times
        # respectively": the first rate is the count's, the second its value's
        if len(rates) >= 2:
            _rates_in_order(s, live, rates[:1], after)
        return [g for g in growth if g not in after]
    if len(live) < 2 or len(rates) != len(live) or not respectively:
        return [g for g in growth if g not in placed]
    _rates_in_order(s, live, rates, after)
    return [g for g in growth if g not in after and g not in placed]


def _second_pair(
    s: str, rates: list[re.Match[str]], later: list[mx.Growth]
) -> tuple[list[re.Match[str]], mx.Growth] | None:
    """The second pair of rates right after a first ("下降8.91%和9.60%，同比增长41.43%和27.55%"),
    with the growth hit that says their kind; None when there is none."""
    if len(rates) < 4 or not _JOINED.fullmatch(s, rates[2].end(), rates[3].start()):
        return None
    lead = next((g for g in later if rates[1].end() <= g.start <= rates[2].start()), None)
    if lead is None or not _ANOTHER_KIND.fullmatch(s, rates[1].end(), rates[2].start()):
        return None  # (not "…，其中商用车产销同比分别增长8.94%和7.09%": a part's rates)
    return rates[2:4], lead


# between two pairs of rates: only the second pair's kind ("，同比增长", "，环比下降")
_ANOTHER_KIND = re.compile(
    r"\s*[，,；;]\s*(?:同比|环比|按年|按月|比上?年同期|比去年同期|比上月)(?:增长|下降|增加|减少|上升|下滑"
    r"|提高|回落|分别增长|分别下降)?了?\s*"
)


def _rates_in_order(
    s: str, live: list[_Candidate], rates: list[re.Match[str]], after: list[mx.Growth]
) -> None:
    """The rates given to the counts in order ("output X and sales Y, rising 12.7% and 12.0%
    respectively"), all with the direction of the first and the base said after the last
    ("decreasing by 0.3 percent and increasing by 9.7 percent month on month")."""
    first = after[0]
    mom = first.mom or after[min(len(after), len(live)) - 1].mom
    for i, (cand, rate) in enumerate(zip(live, rates, strict=True)):
        size = round(float(rate[1]) * (100 if rate[2] == "倍" else 1), 4)  # "增长2.1倍": 210%
        pct = size * (-1 if first.pct < 0 else 1)
        if s[rate.start() - 1 : rate.start()] in ("-", "−"):
            pct = -size  # "同比分别增长302.13%、...、-32.92%"
        elif len(after) == len(live) and abs(after[i].pct) == abs(pct):
            # "increasing by 0.01 percent and decreasing by 3.2 percent": each its own sign
            pct = after[i].pct
        if mom:
            cand.mom = pct if cand.mom is None else cand.mom
        elif cand.yoy is None:
            cand.yoy = pct


def _another_maker(target: _Candidate, makers: list[Mention], before: int) -> bool:
    """A maker other than the target's (or its brand's, or its parent's) is named between the
    target's number and ``before``."""
    return any(
        target.number.end <= m.start < before
        and target.entity not in (m.entity.name, m.entity.parent)
        and (target.entity_obj is None or target.entity_obj.parent != m.entity.name)
        for m in makers
    )


def _named_between(s: str, target: _Candidate, claim: mx.Claim, mentions: list[Mention]) -> bool:
    """Another maker than the target's is named, as a subject (``mentions``: makers), between
    the target's number and a claim after it, with a rate of its own before the claim."""
    return any(
        _another_maker(target, [m], claim.start) and _A_RATE.search(s, m.end, claim.start)
        for m in mentions
    )


_A_RATE = re.compile(r"\d(?:\.\d+)?\s*(?:%|percent\b|per cent\b|倍)", re.I)


def _years_mixed(parts: Parts, published: date) -> bool:
    """ "从去年6月份开始…,但今年前1~2月…": the sentence names times of two years; no one period
    of it is the one later sentences report on. (The year of a day is not one: "2026年1月1日，
    吉利发布公告：2025年全年销量…" reports on 2025.)"""
    named = {"this": published.year, "last": published.year - 1}
    years = {
        published.year if k == "ytd" else named.get(str(v), v)
        for _, _, c in parts.components
        if "day" not in c
        for k, v in c.items()
        if k in ("year", "year_rel", "ytd")
    }
    return len(years) > 1


def _open_ended(parts: Parts) -> bool:
    """ "so far this year", "in total": a running total whose end the words do not name."""
    return (parts.ytd or parts.total) and all(
        v is None
        for v in (parts.month, parts.months, parts.quarter, parts.half, parts.as_of, parts.day)
    )


_CONDITION_OPENING = re.compile(
    r"\s*(?:if|unless|should|as long as|once)\b|\s*(?:如果|若|假如|只要)", re.I
)
# "Japan with 3.82 million", "Germany's 2.3 million", "Japan (3.82 million)": a place's own count
_OWN_COUNT_OF_A_PLACE = re.compile(
    r"\s*(?:with|at|on|['’]s|[(（]"
    # "ahead of Japan's shipments of 1.05 million units"
    r"|['’]s\s+(?:[\w-]+\s+)?(?:shipments|exports|sales|output|production)\s+of)"
    r"\s*(?:about |around |nearly |some |roughly |almost )?",
    re.I,
)
# "in September -- a month in which it ran flat out before the third quarter closed -- its
# figures stood at 56,006": an aside between dashes
_DASHED_ASIDE = re.compile(r"\s(?:--|—|–)\s[^—–]{1,160}?\s(?:--|—|–)\s")


def _without_dashed_asides(s: str, parts: Parts) -> Parts:
    """``parts`` without the times said in an aside between dashes (not the sentence's)."""
    if "--" not in s and "—" not in s and "–" not in s:
        return parts
    asides = [m.span() for m in _DASHED_ASIDE.finditer(s)]
    inside = {(a, b) for a, b, _ in parts.components if any(x <= a < y for x, y in asides)}
    return parts.without(inside) if inside else parts


_GOOD_START_OF = re.compile(r"\s*(?:迎来|实现|喜迎|取得|收获|打响)?\s*了?\s*“?开门红")


def _without_good_starts(s: str, parts: Parts) -> Parts:
    """``parts`` without a longer time whose good start is told ("下半年迎来开门红"): its first
    month, told beside it, is the time of the counts."""
    if "开门红" not in s:
        return parts
    starts = {
        (a, b)
        for a, b, values in parts.components
        if _GOOD_START_OF.match(s, b) and not {"month", "months", "day"} & set(values)
    }
    return parts.without(starts) if starts else parts


# the punctuation a clause opens after ("...: ..., so we expect growth to stay high")
_CLAUSE_PUNCTUATION = re.compile(r"[:;,：；，]")


_ASKED_OF_WHAT_COMES = re.compile(r"(?:会|能否|能不能|将)[^，,。；;？?]*[？?]")


def _before_a_forecast_clause(s: str, parts: Parts) -> tuple[str, Parts]:
    """The sentence up to the clause a forecast opens, with its times, when an earlier clause
    tells a time ("Dongfeng Honda's March sales jumped 49.9%: ..., so we expect growth to stay
    high through 2Q19" tells of March); else the sentence as it is."""
    # ("2月车市倒春寒，3月会迎春暖吗？": a question of what comes is no time told either)
    forecast = mx.FORECAST.search(s) or _ASKED_OF_WHAT_COMES.search(s)
    if forecast is None:
        return s, parts
    breaks = [m.start() for m in _CLAUSE_PUNCTUATION.finditer(s, 0, forecast.start())]
    if not breaks:
        return s, parts
    told = s[: breaks[0]]
    told_parts = find_parts(told, bases=False)
    # (not "If it keeps up the pace in December, SAIC is expected to reach": the condition's)
    if told_parts.empty or mx.FORECAST.search(told) or _CONDITION_OPENING.match(told):
        return s, parts
    return told, told_parts


def _carry_updates(
    s: str,
    parts_all: Parts,
    segs: list[mx.Hit],
    state: _State,
    live: list[_Candidate],
    carry_before: Period | None = None,
) -> None:
    """Lets later sentences inherit this one's explicit period and segment."""
    if not live:
        s, parts_all = _before_a_forecast_clause(s, parts_all)
    # "BYD's annual sales fell short of the anticipated 3.05 million": no figure, but the
    # year is still the period the article reports on
    if not live and (
        parts_all.explicit
        # "sales of its own brands exceeded 2.78 million units last year": that year
        or (parts_all.year_rel == "last" and parts_all.month is None)
        or (parts_all.full_year and not parts_all.several)
    ):
        # "公布了6月交付量，2025年上半年的竞争格局也尘埃落定": the month whose counts are announced
        # is the one the counts after it report, not the last time said
        announced = _COUNTS_OF_A_MONTH.search(s)
        parts = find_parts(s, announced.start(), announced.end()) if announced else parts_all
        # (and "fell 6.97% from June 2019" beside "last month": the comparison's time)
        referred = _reference_times(s, parts) | _compared_times(s, parts)
        # ("dropped to 160,000, ending the growth seen in January": only a trend's time, none
        # told of)
        # (nor "after the record 12,961 it reached in June": a record's time)
        # (nor "a sharp slowdown from 11.2% in September and 15.1% in August": rates compared)
        only_referred = len(referred) == len(parts.components) and any(
            _TREND_BEFORE.search(s, max(0, a - 60), a)
            or _RECORD_NUMBER_TIME_BEFORE.search(s, max(0, a - 60), a)
            or _RATE_COMPARED_BEFORE.search(s, max(0, a - 60), a)
            for a, _ in referred
        )
        if referred and len(referred) < len(parts.components):
            parts = parts.without(referred)  # "last month, after a jump of 50% in August"
        period = resolve(parts, state.published, state.carry_period, is_announcement(s))
        if (
            period is not None
            and period.kind in ("month", "ytd", "quarter", "half", "year")
            and not parts_all.prior_month
            # ("In December alone, …": a look inside the period reported; but "February on its
            # own was much weaker." with no count tells the month the next counts are of)
            and not (parts_all.alone and _HAS_NUMBER.search(s))
            # (a month whose counts are looked at is told however the sentence goes on: "从8月
            # 交付数据和年度目标完成率来看")
            and (announced is not None or not mx.SENTENCE_TRAP.search(s))
            and (announced is not None or not mx.FORECAST.search(s))
            # "shares hit their lowest since November 2022": no period being reported on
            and _SINCE_TIME.search(s) is None
            and _NOT_A_REPORTED_TIME.search(s) is None
            and not _years_mixed(parts, state.published)
            # "putting high sales pressure on car companies in Q4": a quarter said without its
            # year while it is still running is the time now, not one being reported on
            and not _unended_bare_span(parts_all, state.published, s)
            # "71.2 per cent more than in the first quarter of 2025": a comparison's time
            and not _only_compared_times(s, parts_all)
            and not only_referred
            # "The plant has an annual capacity of 150,000 vehicles": what it can build in a
            # year, no year reported on
            and not (parts_all.full_year and _YEARLY_CAPACITY.search(s))
        ):
            state.told_period = period
            if _HEADS_A_LIST.search(s):
                state.list_period = period
            # (not "Xpeng launched the Mona M03 in late August": an event's time)
            if not _EVENT.search(s):
                state.carry_period, state.carry_from = period, state.sentence_no
                if period.kind in _SPANS:
                    state.span_period, state.span_from = period, state.sentence_no
                if period.kind == "quarter":
                    state.quarter_period = period
                if state.lead_period is None and state.paragraph <= 2:
                    state.lead_period = period
    if segs:
        # "汽车产销环比回升 新能源车销量同比增长1.2倍": a sentence of two segments hands neither on
        kinds = {hit.kind for hit in segs}
        state.carry_segment = segs[-1].kind if len(kinds) == 1 else None
        state.carry_segment_exports = _EXPORTS_TOLD.search(s) is not None
        # nor does a count of all a maker sold with its NEV part ("sold 272,536 vehicles, of
        # which 116,794 were NEVs. Exports … came to 136,728 units")
        counted = [c for c in live if not c.dropped]
        if any(c.segment == "nev" for c in counted) and any(
            c.segment in (None, "all") and not c.nev_only() for c in counted
        ):
            state.carry_segment = None
    if state.carry_from == state.sentence_no:
        state.off_calendar = False
    if parts_all.rolling:
        state.off_calendar = True


_YEARLY_CAPACITY = re.compile(
    r"\b(?:annual|yearly)\s+(?:[\w-]+\s+){0,2}?capacity\b"
    r"|\bcapacity\b[^.;]{0,40}?\b(?:a|per)\s+(?:year|annum)\b|年产能|年产量?能力",
    re.I,
)


# what the words after it tell is a part of the count before: "其中出口6.05万辆", "of which"
_PART_OF_THE_BEFORE = re.compile(r"其中|\bof (?:which|these|them)\b", re.I)
# a sentence that tells of exports (the segment it names is then an export count's)
_EXPORTS_TOLD = re.compile(r"\bexport|\boverseas|\babroad|出口|海外", re.I)
# a month right before an ordinal, or after it the month its vehicles went out in
_MONTH_BEFORE_ORDINAL_ZH = re.compile(r"\d{1,2}\s*月份?的?\s*第$")
_ORDINAL_OF_A_MONTH_EN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:trucks?|cars?|vehicles?|units?|buses|EVs?|NEVs?)\s+"
    r"(?:exported|sold|delivered|shipped|built|produced|made)\s+(?:in|during)\s+(?:January|February"
    r"|March|April|May|June|July|August|September|October|November|December)\b",
    re.I,
)


def _ordinal_of_a_month(s: str, n: Number) -> bool:
    """The ordinal counts the vehicles of one month: "10月第10000辆", "the 14,000th truck
    exported in February"."""
    return bool(
        _MONTH_BEFORE_ORDINAL_ZH.search(s, max(0, n.start - 8), n.start)
        or _ORDINAL_OF_A_MONTH_EN.match(s, n.end)
    )


# "Among the subsidiaries selling more than 10,000 units in June": the bar a set of makers
# passed, no one's count
_THOSE_ABOVE_BEFORE = re.compile(
    r"\b(?:among|of|for) (?:the |those |all )?(?:[\w-]+ ){0,2}?(?:makers|carmakers|automakers"
    r"|brands|companies|subsidiaries|firms|manufacturers|models|groups|those|ones)"
    r"(?: that| which| who)? (?:selling|sold|sell|with|delivering|delivered|deliver|posting|making"
    r"|producing|exporting)\s+(?:more than|over|above|at least|in excess of)\s+$",
    re.I,
)
# after a count, the share of a region's total it is: "…万辆，同比增长95.8%，占全省总量的91.3%"
_SHARE_OF_THE_REGION = re.compile(
    r"(?:(?!合计|共计|together|combined)[^。；;]){0,30}?占(?:全省|全市|全区|本省|本市)"
    r"|(?:(?!together|combined)[^.;]){0,40}?\bof the (?:province|city|region)['’]s\b"
)


def _plant_in(maker: Entity, region: Entity | None) -> Entity | None:
    """The one plant of ``maker`` the lexicon places in ``region`` (a province or a city)."""
    if region is None:
        return None
    lex = lexicon().entities
    found = []
    for plant in lex.values():
        if plant.kind != "plant" or plant.parent != maker.name:
            continue
        place = lex.get(plant.name.removeprefix(f"{maker.name} "))
        if place is not None and region.name in (place.name, place.within):
            found.append(plant)
    return found[0] if len(found) == 1 else None


# "下半年实现开门红": the good start of a longer time, said of that time as a whole
_GOOD_START = re.compile(r"开门红")
# a launch or another event told with its time, no count reported then
_EVENT = re.compile(
    r"\b(?:launched|unveiled|introduced|debuted|premiered|went on sale|started selling"
    r"|began selling|opened|broke ground|rolled out"
    # "the title, which it first won in 2019", "the company was founded in 2014"
    r"|won|founded|established|went public)\b|上市|发布|亮相|首发|开工|投产|开业|启动"
    r"|建成|落户|成立|夺得|摘得",
    re.I,
)
# a profit or a loss, and when it was made: no count's time
_MONEY_MADE = re.compile(
    r"盈利|扭亏|亏损|利润|净利|营收|\b(?:profit(?:s|able)?|losses|loss-making|revenue)\b", re.I
)
# the words a comparison puts before its time: "than in", "compared with", "versus"
_COMPARED_BEFORE = re.compile(
    r"(?:\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\bfrom"
    # "fell short of its 2023 volumes", "below their 2019 level": the year compared with
    r"|\b(?:short|shy) of\s+(?:its|their)|\b(?:below|above)\s+(?:its|their)"
    # "on course to beat its full-year 2024 volume": a time a count is set to outdo
    r"|\b(?:beat(?:s|ing)?|surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|outdo(?:es|ing)?)\s+"
    r"(?:its|their)"
    # "GM sold about 2.9 million vehicles in China, matching its 2020 total"
    r"|\b(?:matching|equalling|equaling|level with|on par with)\s+(?:its|their|the)"
    # "a rise of 48.5% on the NEV volume exported in 2024": the count a rise is measured on
    # (the rise said before it: the window is short)
    r"|(?:%|\bpercent|\bper cent)\s+on\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:volumes?|figures?|total|level|number)(?:\s+(?:exported|sold|delivered|built|produced|recorded|reported))?"
    # "the pace of growth was half that of 2013" (the time "of 2013")
    r"|\b(?:that|those)(?=\s+$)"
    # "down from 20.0 per cent in 2022", "against 20.0 per cent in 2022": the value compared
    # with, then its time
    # ("down from third place and 6.0% in 2024": a rank and a share, then their time)
    r"|\b(?:from|against|versus|vs\.?|compared (?:with|to))\s+(?:[\w-]+\s+){0,3}?\d[\d.,]*\s*"
    r"(?:%|per\s*cent|percent|(?:million|billion)?\s*(?:units|vehicles)?))"
    # ("up more than 390% from last July": the month a year before)
    r"\s+(?:in\s+|during\s+)?(?:the\s+)?(?:last\s+)?$"
    # "几乎追平特斯拉2020年的全球销量", "比2020年": the year compared with
    r"|(?:(?<![同环])比(?!亚迪)|较|相比|相较于?|追平|超过了?|超越了?|高于|低于|不及)[^\d，,。；;：:]{0,6}$",
    re.I,
)


def _compared_times(s: str, parts: Parts) -> set[tuple[int, int]]:
    """The times of ``parts`` said as what something is compared with ("fell 7% from June
    2019"; not "from January to June", a span)."""
    return {
        (a, b)
        for a, b, values in parts.components
        if (
            _COMPARED_BEFORE.search(s, max(0, a - 40), a)
            # "less than the RMB 2.36 billion it lost in Q4 2022": the amount compared with
            or _BASE_AMOUNT_BEFORE.search(s, max(0, a - 60), a)
        )
        and not _SPAN_TO_AFTER.match(s, b)
        # ("exports from January to May this year rose 20%": the span itself)
        and not (values.get("months") and _SPAN_INSIDE.search(s, a, b))
    }


_SPAN_TO_AFTER = re.compile(r"\s*(?:to|through|till|until|[-–—~])\s*", re.I)
_SPAN_INSIDE = re.compile(r"\s(?:to|through|till|until)\s|[-–—~]", re.I)


def _compared_elsewhere(s: str, parts: Parts, n: Number) -> bool:
    """Every time of ``parts`` is a comparison's, and none dates ``n`` itself, said right
    after it ("down from April (6,658)": April is the time of 6,658)."""
    return _only_compared_times(s, parts) and all(not 0 <= n.start - b <= 3 for _, b in parts.spans)


def _only_compared_times(s: str, parts: Parts) -> bool:
    """Every time the sentence names is a comparison's ("than in the first quarter")."""
    compared, end = False, -2
    for a, b in sorted(parts.spans):
        # "the fourth quarter of | last year": one time told in two parts
        if a > end + 1:
            compared = bool(
                (
                    _COMPARED_BEFORE.search(s, max(0, a - 40), a)
                    # (not "from July to September": a span)
                    and not _SPAN_TO_AFTER.match(s, b)
                    and not _SPAN_INSIDE.search(s, a, b)
                )
                or _BASE_AMOUNT_BEFORE.search(s, max(0, a - 60), a)
            )
        if not compared:
            return False
        end = max(end, b)
    return bool(parts.spans)


# "a 10 percent drop from the RMB 10.62 billion booked in the fourth quarter of last year", "rose
# to 12.9% from 6.2% in the fourth quarter of 2023": the time of the amount compared with
_BASE_AMOUNT_BEFORE = re.compile(
    # (not "sold more than 440,000 units in October": a bound, no amount compared with)
    r"\b(?:from|than(?=\s+the\b)|(?<!more )(?<!less )(?<!fewer )than|compared (?:with|to)"
    r"|versus)\s+(?:the\s+)?(?:RMB|CNY|US\$|\$|¥)?\s*"
    r"[\d.,]+\s*(?:billion|million|thousand|%|percent|per cent)?\s*(?:yuan|dollars|units|vehicles"
    r"|cars)?\s+"
    r"(?:(?:it\s+)?(?:booked|recorded|reported|posted|made|earned|sold|delivered|lost|logged"
    r"|generated|achieved)\s+)?"
    r"(?:in|during)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _unended_bare_span(parts: Parts, published: date, s: str) -> bool:
    """A quarter or half named without a year that has not ended in the year of publication
    (one not begun yet is last year's when the sentence tells of results: "NIO's Q4 Financial
    Report" in March)."""
    if parts.year is not None or parts.year_rel is not None:
        return False
    last_month = 3 * parts.quarter if parts.quarter else 6 * parts.half if parts.half else None
    if last_month is None or month_end(published.year, last_month) < published:
        return False
    first_month = last_month - (2 if parts.quarter else 5)
    return date(published.year, first_month, 1) <= published or not _RESULTS.search(s)


# a report of results: what a past quarter is told in
_RESULTS = re.compile(r"\b(?:results?|reports?|earnings|financials?)\b|财报|业绩", re.I)


_COUNTS_OF_A_MONTH = re.compile(
    r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月(?:份)?的?(?:交付量|交付数据|销量|销售数据|产销数据|成绩单)"
)


def _counts_the_whole_of(total: Figure, part: Figure) -> bool:
    """``total`` counts the vehicles ``part`` is a part of: the same segment or one unstated;
    passenger cars are a part of all vehicles (a maker's, of whatever it counts), NEV passenger
    cars of NEVs."""
    if part.segment == "nev_passenger":
        return total.segment in ("nev", "unknown")
    if part.segment == "passenger":
        entity = lexicon().entities.get(part.entity)
        return entity is None or not entity.is_region or total.segment in ("all", "unknown")
    return total.segment == part.segment or "unknown" in (total.segment, part.segment)


# a count given to a subject carried from before, this many times the count the article gives
# that subject with its name said for the same period, is someone else's (the market's)
_FAR_ABOVE = 4
_CARRIED_SUBJECT = (D_SUBJECT_CARRIED, D_SUBJECT_HEADLINE)


def _far_above_its_subjects_own(f: Figure, figures: list[Figure]) -> bool:
    """ "Tesla China sold 83,135 cars in August. ... wholesales of China-built NEVs reached
    632,000": a carried subject's count at several times the count the article gives that
    subject by name (same metric, segment and period) is not its count."""
    if f.period_kind == "lifetime" or not any(d in f.doubts for d in _CARRIED_SUBJECT):
        return False
    return any(
        _key(g) == _key(f)
        and g.segment == f.segment
        and g.qualifier == "exact"
        and not any(d in g.doubts for d in _CARRIED_SUBJECT)
        and f.value >= _FAR_ABOVE * g.value
        for g in figures
    )


def _key(f: Figure) -> tuple[object, ...]:
    return (f.entity, f.metric, f.period_kind, f.period_start, f.period_end)


def _same_milestone(a: Figure, b: Figure, published: date) -> bool:
    """Two running totals of one maker passing one mark in one month, dated once by its day
    and once by its month ("5月25日…累计产量已突破2200万辆", then "第2200万辆整车下线"), or
    in months next to each other, dated once by its day and once by the time read for a mark
    told without one (the day of the news, or the end of the month before it: "9月25日，零跑
    宣布第100万辆整车下线" … "这是零跑汽车生产的第100万辆车")."""
    if a.period_kind != "lifetime" or b.period_kind != "lifetime":
        return False
    if (a.entity, a.metric) != (b.entity, b.metric):
        return False
    if a.period_end.replace(day=1) == b.period_end.replace(day=1):
        return True
    months = abs(
        (a.period_end.year - b.period_end.year) * 12 + a.period_end.month - b.period_end.month
    )
    return (
        months == 1
        and a.value == b.value
        and _untimed_end(a, published) != _untimed_end(b, published)
    )


def _untimed_end(f: Figure, published: date) -> bool:
    """The end a running total told without a time of its own is given."""
    return f.period_end in (published, last_month_end(published))


def _mark_passed_on(a: Figure, b: Figure, published: date) -> date:
    """When one mark was passed: the earlier day in one month, else the day said."""
    if a.period_end.replace(day=1) == b.period_end.replace(day=1):
        return min(a.period_end, b.period_end)
    return b.period_end if _untimed_end(a, published) else a.period_end


def _merge(keep: Figure, other: Figure) -> Figure:
    claims = tuple(dict.fromkeys([*keep.claims, *other.claims]))
    return replace(
        keep,
        claims=claims,
        yoy_pct=keep.yoy_pct if keep.yoy_pct is not None else other.yoy_pct,
        mom_pct=keep.mom_pct if keep.mom_pct is not None else other.mom_pct,
        segment=keep.segment if keep.segment != "unknown" else other.segment,
        # the same figure stated twice is as certain as its better-evidenced statement
        confidence=max(keep.confidence, other.confidence),
        doubts=keep.doubts if keep.confidence >= other.confidence else other.doubts,
    )


def _bounded_by(bound: Figure, exact: Figure) -> bool:
    if bound.qualifier == "at_least":
        return bound.value <= exact.value
    if bound.qualifier == "at_most":
        return bound.value >= exact.value
    if bound.qualifier == "approx":
        return abs(bound.value - exact.value) <= 0.1 * exact.value
    return False


@cache
def _region_names() -> frozenset[str]:
    return frozenset(n for n, e in lexicon().entities.items() if e.is_region)


def _postprocess(figures: list[Figure], published: date) -> list[Figure]:
    # journalists write "sales" for a startup's deliveries: one metric per maker (a country or
    # a province sells)
    delivering = {f.entity for f in figures if f.metric == "deliveries"} - _region_names()
    figures = [
        replace(f, metric="deliveries") if f.metric == "sales" and f.entity in delivering else f
        for f in figures
    ]
    # one figure per (entity, metric, segment, period, value); unknown segment folds into known
    out: list[Figure] = []
    same_value: dict[int, list[int]] = {}  # value -> where figures of it are in ``out``
    for f in figures:
        for i in same_value.get(f.value, ()):
            g = out[i]
            if _key(g) == _key(f):
                out[i] = _merge(g, f)
                break
            if _same_milestone(g, f, published):
                # the day it was passed (the earlier end in one month, else the day said: that
                # statement stands), exact if either says so
                day = _mark_passed_on(g, f, published)
                keep, other = (f, g) if day == f.period_end != g.period_end else (g, f)
                out[i] = replace(
                    _merge(keep, other),
                    period_end=day,
                    qualifier="exact" if "exact" in (g.qualifier, f.qualifier) else g.qualifier,
                )
                break
        else:
            same_value.setdefault(f.value, []).append(len(out))
            out.append(f)
    out = _one_time_per_precise_value(out)
    out = [f for f in out if not _far_above_its_subjects_own(f, out)]
    out = [_bound_at_the_time_it_holds(f, out) for f in out]
    # a region's part (passenger cars) beside its total for the same period, before or after
    # it, is not a figure
    out = [
        f
        for f in out
        if D_PART not in f.doubts
        or not any(
            _key(g) == _key(f)
            and g.value > f.value
            and D_PART not in g.doubts
            and _counts_the_whole_of(g, f)
            # after the total, or before a total of all vehicles
            and (f.span[0] >= g.span[0] or g.segment == "all")
            and abs(f.span[0] - g.span[0]) <= _BESIDE
            for g in out
        )
    ]
    # a bound ("crossed 80,000", "above 70,000") of an exact figure folds into it
    result: list[Figure] = []
    # and so does a rounding ("4万辆" in the headline, 40,073 in the body)
    for f in out:
        if f.qualifier != "exact" or _is_round(f.value):
            exact = [
                i
                for i, g in enumerate(out)
                if (
                    g.qualifier == "exact"
                    or (g.qualifier == "approx" and f.qualifier == "exact")  # "about 2.4645m"
                    # "sales increasing 12% to about 30.09 million units, both passing 30
                    # million": a precise "about" bounded too
                    or (
                        g.qualifier == "approx"
                        and f.qualifier == "at_least"
                        and len(str(g.value).rstrip("0")) >= 4
                    )
                    # "exports top one million" in the headline, "more than 1.0496 million" in
                    # the body: the looser bound of the same count
                    or (
                        g.qualifier == f.qualifier == "at_least"
                        and g.value > f.value
                        and len(str(g.value).rstrip("0")) >= 4
                    )
                )
                and g is not f
                and _key(g) == _key(f)
                # an NEV bound is no bound of all vehicles: only an unstated segment folds
                and (
                    (
                        (g.segment == f.segment or "unknown" in (f.segment, g.segment))
                        and not (f.segment == "nev" and g.segment != "nev")
                    )
                    # "shipped 12,300 passenger cars abroad, the first time it has topped
                    # 10,000": a bound of the passenger count said beside it
                    or g.segment in ("passenger", "nev_passenger")
                )
                and (
                    # (not "2.46 million" in the headline for "about 2.4645 million": the
                    # precise figure stays, the rounding folds into it)
                    _bounded_by(f, g) and not _rounds_to(f.value, g.value)
                    if f.qualifier != "exact"
                    else _rounds_to(g.value, f.value)
                )
            ]
            if exact:
                target = out[exact[0]]
                if f.value >= target.value / 2:
                    # (not "a new record of more than 17,600" beside 340,800: the claim of a
                    # bound far below is not the larger count's)
                    claims = tuple(dict.fromkeys([*target.claims, *f.claims]))
                    out[exact[0]] = replace(target, claims=claims)
                continue
        if _retold(f, out):
            continue
        result.append(f)
    # refresh merged claims
    final = []
    for f in result:
        for g in out:
            if g.span == f.span and g.value == f.value and _key(g) == _key(f):
                f = g
                break
        final.append(f)
    return _claims_of_retellings(_one_reading_per_number(final), figures)


def _claims_of_retellings(kept: list[Figure], read: list[Figure]) -> list[Figure]:
    """The claims ("a record") of a figure read again and dropped as a retelling (the same
    entity, metric, kind of period ending in the same month, and value) stay with the one
    kept."""

    def told(f: Figure) -> tuple[object, ...]:
        return (f.entity, f.metric, f.period_kind, f.period_end.year, f.period_end.month, f.value)

    claims: dict[tuple[object, ...], list[str]] = {}
    for f in read:
        if f.claims:
            claims.setdefault(told(f), []).extend(f.claims)
    return [
        replace(f, claims=tuple(dict.fromkeys([*f.claims, *claims[told(f)]])))
        if told(f) in claims
        else f
        for f in kept
    ]


def _retold(f: Figure, figures: list[Figure]) -> bool:
    """``f`` retells a count of the article with a period carried from elsewhere: a precise
    count in round numbers ("NIO delivered 160,000 new vehicles" after 160,038 for 2023), or a
    running total told with its own time before ("第50万台量产车5月9日下线 … 成为首个实现50万台
    量产的品牌" in a report on April is not April's)."""
    carried = D_PERIOD_CARRIED in f.doubts or D_PERIOD_PREVIOUS in f.doubts
    return any(
        g.entity == f.entity
        and g.metric == f.metric
        and (
            (
                carried
                and _is_round(f.value)
                and not _is_round(g.value)
                and _rounds_to(g.value, f.value)
            )
            or (
                f.period_kind == g.period_kind == "lifetime"
                and g.value == f.value
                and g.period_end != f.period_end
                and _time_not_its_own(f)
                and not _time_not_its_own(g)
            )
        )
        for g in figures
    )


def _time_not_its_own(f: Figure) -> bool:
    """The figure's period was carried from another clause or sentence."""
    return any(d in f.doubts for d in (D_PERIOD_CARRIED, D_PERIOD_PREVIOUS, D_PERIOD_AWAY))


#: how near (characters) before a part of it a total makes the part redundant
_BESIDE = 1000  # the same article part: a total told a few sentences before


def _bound_at_the_time_it_holds(bound: Figure, figures: list[Figure]) -> Figure:
    """ "2021年出口201.5万辆；2020年出口106万辆，…，首次突破200万辆": a bound ("passed 2 million")
    that the exact count of its own period contradicts (1.06 million in 2020) is the bound of
    the one exact count of the same entity and metric it fits (2.015 million in 2021)."""
    if bound.qualifier != "at_least":
        return bound
    contradicted = any(
        _key(g) == _key(bound) and g.qualifier == "exact" and g.value < bound.value for g in figures
    )
    fits = [
        g
        for g in figures
        if contradicted
        and (g.entity, g.metric, g.period_kind) == (bound.entity, bound.metric, bound.period_kind)
        and g.qualifier == "exact"
        and bound.value <= g.value <= 1.25 * bound.value
    ]
    if len(fits) != 1:
        return bound
    fit = fits[0]
    return replace(bound, period_start=fit.period_start, period_end=fit.period_end)


def _one_time_per_precise_value(figures: list[Figure]) -> list[Figure]:
    """A precise count (four or more significant digits) read for one entity and metric at two
    times that end in different months is one count told twice ("154.4万辆的成绩 ... 相比2022年和
    2024年"): the better-evidenced reading stays, the first on a tie."""
    best: dict[tuple[str, str, int], Figure] = {}
    for f in figures:
        if len(str(f.value).rstrip("0")) < 4:
            continue
        key = (f.entity, f.metric, f.value)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return [
        f
        for f in figures
        if (g := best.get((f.entity, f.metric, f.value))) is None
        or (f.period_end.year, f.period_end.month) == (g.period_end.year, g.period_end.month)
    ]


def _is_round(value: int) -> bool:
    """A value said to fewer digits (40,000; 39.19万 = 391,900) that may round a precise one."""
    return value >= 1000 and value % 100 == 0


def _rounds_to(precise: int, rounded: int) -> bool:
    """``rounded`` (40,000; 331,000) is ``precise`` (40,073; 330,823) said to fewer digits,
    rounded or cut ("sells 93,000 cars" in a headline for 93,680)."""
    if precise == rounded:
        return False
    unit: int = 10 ** (len(str(rounded)) - len(str(rounded).rstrip("0")))
    # (not 100,000 for 60,000: one digit rounds that far, a count said round does not)
    close = abs(precise - rounded) * 10 <= rounded
    return unit > 1 and close and rounded in (round(precise / unit) * unit, precise // unit * unit)


def _one_reading_per_number(figures: list[Figure]) -> list[Figure]:
    """One value for one entity and metric ending in one month is one statement: read as
    two periods ("the third quarter" and year-to-date), only the better-evidenced reading
    stays."""
    best: dict[tuple[object, ...], Figure] = {}
    for f in figures:
        # an exact, unrounded count (822,519) is one statement whatever periods it was read
        # with (a headline and its Chinese translation); a round one (10,000) may recur
        precise = f.qualifier == "exact" and f.value % 100 != 0 and f.value >= 1000
        # a precise count is one statement even when its two tellings (English and Chinese)
        # were read with different subjects: the better-evidenced reading stays
        key = (f.value,) if precise else (f.entity, f.metric, f.value, f.period_end)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    kept = {id(f) for f in best.values()}
    return [f for f in figures if id(f) in kept]
