"""Words around a number: which metric, which segment, growth rates, claims, and the traps.

Owns the vocabulary: "delivered"/交付 -> deliveries, "output"/产量 -> production, "sold"/销量 ->
sales, "exported"/出口 -> exports; "new energy"/新能源 -> nev, "total vehicle"/整车 -> all;
"up 90 percent year on year"/同比增长1.5倍 -> yoy; 环比 -> mom; record / first time / Nth
straight month / 连续N个月; and the words that make a number something other than an actual
vehicle figure (targets, capacity, forecasts, orders, stores, prices).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from crawler.figures.periods import small_int

_I = re.IGNORECASE
# what may stand between a verb and its count ("shipped a total of 916,660 vehicles")
_BEFORE_A_COUNT = (
    r"(?:a record |a total of |a combined |more than |over |about |around |nearly |almost |some )?"
)


def _vocabulary(english: list[str], chinese: list[str]) -> re.Pattern[str]:
    """One pattern for English words (each starting at a word boundary) and Chinese words.

    The boundary and the script are tested once before the alternatives, not once per
    alternative: these patterns run on every clause of every number."""
    return re.compile(rf"\b(?:{'|'.join(english)})|(?=[\u4e00-\u9fff])(?:{'|'.join(chinese)})", _I)


# "Sales of electric vehicles built in China by U.S. carmaker Tesla fell": a participle after
# the cars' noun, then China or by whom, describes the cars counted (not "built in March")
_DESCRIBES_THE_CARS = (
    r"(?!(?:(?<=vehicles {verb})|(?<=cars {verb})|(?<=evs {verb})|(?<=units {verb}))"
    r"\s+(?:in\s+(?:china|shanghai|the\s+country)\b|by\s+(?!the end\b)))"
)


# a sale or a delivery abroad: "sold 1.017 million vehicles overseas", "it sold abroad"
_ABROAD = (
    r"(?:sold|sells?|selling|delivered|deliver(?:s|ing)?|shipped|ships?|shipping|sent|sends?)\b"
    # (not past a domestic scope: "65,504 were sold in China and 16,928 were exported to
    # foreign markets")
    r"(?=(?:(?!in China\b|domestically\b|at home\b)(?:[^.;:,，。；]|(?<=\d)[,.](?=\d))){0,50}?\b"
    # "sold 61,390 vehicles inside and outside China", "at home and abroad": the two together
    r"(?<!\binside and )(?<!\bat home and )(?<!\bdomestically and )(?<!\bin China and )"
    r"(?:overseas|abroad"
    r"|outside (?:of )?(?:mainland )?China|(?:to|in|for) (?:foreign|overseas|international)"
    r" (?:markets|customers|buyers)|to the rest of the world)\b)"
)
METRIC_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "exports",
        _vocabulary(
            [
                r"export(?:s|ed|ing)?\b", r"shipped (?:abroad|overseas)",
                # "5.26 million units left the country in 2023"
                r"(?:left|leaving) (?:the country|China)\b",
                # "shipped more than 180,000 vehicles out of China"
                r"(?:shipped|sent|ships|sends|shipping) (?:[\w,.-]+ ){0,5}?out of (?:mainland )?"
                r"(?:China|the country)\b",
                # "shipped more than 160,000 vehicles to over 10 countries": to markets abroad
                r"(?:shipped|sent|ships|sends|shipping|sold) (?:[\w,.-]+ ){1,5}?to (?:over |more "
                r"than |about |nearly |some |around )?(?:\d+|dozens of|a dozen|[a-z]+) (?:other )?"
                r"(?:countries|overseas markets|foreign markets|markets abroad)\b",
                # "EU-bound EVs growing fivefold to 230,000": cars shipped to a market abroad
                r"(?:EU|Europe|European|overseas|foreign)-bound\b",
                # "overseas auto sales", "overseas business soared to 61,000 units",
                # "international sales reached 131,935", "foreign market sales"
                # ("its overseas annual sales passed 1 million")
                r"(?:overseas|international|foreign(?:[- ]market)?) (?:(?:annual|monthly|quarterly"
                r"|full[- ]year|yearly|cumulative|total|retail|wholesale)\s+){0,2}(?:(?:NEV|EV|car"
                r"|auto|vehicle"
                r"|passenger[- ](?:car|vehicle))\s+)?(?:sales|deliveries|business|shipments)",
                r"export sales\b", r"export (?:wholesale|retail) (?:volume|sales)\b",
                r"sales (?:of|in) (?:the )?overseas markets?\b",
                # "the sales of its overseas bases": made and sold abroad, counted with exports
                r"sales (?:of|from|at) (?:[^\s,;]+\s+){0,2}overseas (?:production )?(?:bases|plants"
                r"|factories)\b",
                # "exports plus overseas-base sales climbed to 1,066,915"
                r"overseas[- ](?:production[- ])?(?:base|plant|factory)[- ]sales\b",
                r"(?:sales|deliveries|shipments) (?:to|in) (?:overseas|foreign|international)"
                r" markets\b",
                # ("vehicle shipments abroad topped 7 million units")
                r"(?:sales|shipments) (?:outside (?:of )?(?:mainland )?China|abroad|overseas)\b",
                _ABROAD,
                # "sold 1.2 million, 450,000 of them overseas"
                r"of (?:them|these|those|which)\s+(?:were\s+|went\s+|(?:were\s+)?sold\s+)?"
                r"(?:overseas|abroad)\b",
                r"left (?:China )?for (?:foreign|overseas) (?:customers|markets)",
                # "Overseas markets took 472,000 of BYD's first-half sales"
                r"(?:overseas|foreign|international) markets (?:took|absorbed|accounted for"
                r"|made up|contributed|bought)\b",
                r"(?:went|go(?:es|ing)?|gone|were sent|headed|heading) (?:abroad|overseas"
                r"|to (?:foreign|overseas) (?:customers|markets|buyers))",
            ],
            # 外销: Taiwan's word for exports
            [
                r"出口(?:市场)?的?(?:累计|总)?(?:销量|销售|交付)?"
                # ("在海外市场的销量", "海外乘用车及皮卡销量", "海外整车累计销量": the kinds
                # sold abroad between; "在海外市场售出", "向海外发运")
                r"|海外(?:市场)?的?(?:累计|总|实际)?"
                # ("海外零售销量": counted at the dealer abroad)
                # ("海外年销量": a year's sales abroad)
                r"(?:乘用车|新能源汽车|新能源车|汽车|整车|皮卡|及|和|、|累计|零售|终端|年){0,4}"
                r"(?:销量|销售|交付|出货|售出|卖出|发运|零售)"
                r"|销往(?:海外|国外|境外)"
                r"|出海(?:市场)?(?:累计|总)?(?:销量|销售|交付)?|外销"
                # "在中國以外的電動車銷售量": sales outside China
                r"|中国(?:以外|之外)[\u4e00-\u9fff]{0,6}?(?:销量|销售|交付)"
            ],
        ),
    ),
    (
        "deliveries",
        _vocabulary(
            [
                r"deliver(?:ed|ies|y|ing|s)?\b", r"hand(?:ed|s|ing)? over\b", r"handovers?\b",
                r"hand(?:ed|s)\b(?=[^.]{0,40}\bto (?:customers|buyers|owners|users))",
            ],
            [r"交付|交车"],
        ),
    ),
    (
        "production",
        _vocabulary(
            [
                # (not "its first production model", "the production version": a car, no count)
                # (not "sales of China-produced Teslas": what the cars sold are)
                r"(?<!-)(?<!locally )(?<!domestically )produced\b"
                + _DESCRIBES_THE_CARS.format(verb="produced"),
                r"produc(?:es|e|ing)\b",
                # (nor "since Tesla began production in Shanghai": when making started)
                r"(?<!began )(?<!begun )(?<!started )(?<!start of )(?<!start )(?<!begin )"
                # (nor "when production lines at the plant were halted": a facility)
                r"production\b(?![- ](?:models?|versions?|variants?|ready|spec"
                r"|lines?\s+(?:at|in|were|was|had|have)|capacity)\b)",
                r"outputs?\b", r"(?<!-)manufactured\b", r"manufactur(?:ing|es)\b",
                r"roll(?:ed|s|ing)? off\b", r"roll-off\b",
                # "Changan rolled out its 30 millionth vehicle" (not "rolled out a new model")
                r"roll(?:ed|s|ing)? out\b(?=\s+[^\s]+\s+\d)",
                r"turn(?:ed|s|ing)? out\b(?! to\b)",
                r"churn(?:ed|s|ing)? out\b",
                r"c(?:ame|omes?|oming) off\b",
                # (not "11,489 locally built vehicles", "70,847 of the cars built in China":
                # what the cars sold are)
                # (nor "40,066 vehicles built for export": what they were made for, exports)
                r"(?<!-)(?<!locally )(?<!domestically )(?<!the cars )(?<!the vehicles )built\b"
                r"(?!\s+for\s+export)" + _DESCRIBES_THE_CARS.format(verb="built"),
                r"(?<!-)(?<!locally )(?<!domestically )assembled\b",
                r"builds\b(?!\s+(?:on|upon)\b)",  # "builds on": adds to
                r"off the (?:production |assembly )?lines?\b",
                # ("China as a whole made a record 28,119,000 vehicles")
                r"made\b(?=\s+(?:about |nearly |over |more than |some |around |a record "
                r"|an all-time high of )?\d)",
            ],
            # "销售中国制造汽车56006辆": made in China describes the cars sold
            [r"产量|生产(?!的(?:汽车|车辆|整车|电动车|电动汽车|新能源汽车|新能源车|新车|车型)|资质|许可)|产出|下线|年产(?!能)|达产|(?<!中国|国内)制造|(?<=中国|国内)制造(?!汽车|车辆|电动车|整车)|产(?=\d)"
             # "安徽2025年造车368.65万辆" (not "造车新势力": the new carmakers)
             r"|造(?:车|了|出)(?=\s*(?:约|近|超过?|逾|达|共)?\s*\d)"],
        ),
    ),
    (
        "sales",
        _vocabulary(
            [
                # "export sales", "overseas sales" are exports
                r"sold\b",
                r"(?<!export )(?<!overseas )(?<!overseas-base )(?<!overseas base )(?<!foreign )"
                r"sales\b",
                r"sell(?:s|ing)?\b",
                r"(?<!export )retail(?:ed)?\b", r"shipments\b",
                # "Great Wall shipped 1.28 million vehicles" (not "shipped abroad": exports)
                rf"shipped\s+(?={_BEFORE_A_COUNT}\d[\d,.]*"
                # (not "shipped 52,153 cars to Chinese buyers": shipped to whom, a market)
                r"\s*(?:million\s+)?(?:vehicles|cars|units|EVs)\b(?!\s+to\b)(?![^.;]{0,40}\b(?:abroad"
                r"|overseas|to (?:foreign|overseas|international)|from (?:its|the) )))",
                r"(?<!export )wholesale(?:s|d)?\b", r"registrations\b",
                # "85,692 NEVs were registered in Shanghai", "newly registered": new plates, sold
                # (not "4.5 million registered cars": the cars on the road)
                # (nor "were registered in Hainan by the end of May": the stock by then)
                r"(?:were|was|been|being|newly)\s+registered\b"
                r"(?![^.;]{0,60}?\b(?:by|as of|at) the end of\b)",
                # "it shifted 190,080 vehicles worldwide in September": sold (car trade slang)
                rf"shift(?:ed|s|ing)\s+(?={_BEFORE_A_COUNT}"
                r"\d[\d,.]*\s*(?:million\s+)?(?:vehicles|cars|units|EVs)\b)",
                # "the top 10 players in the bus market were JMC (6,743 units), ...": a ranking
                # by sales in a market
                r"(?:players|sellers|makers|brands|carmakers|automakers|companies)\s+in\s+the\s+"
                r"(?:[\w-]+\s+){0,3}?market\b",
            ],
            # 新注册登记: registrations, which the GUIDE counts as sales
            # 新增 (new registrations) and 上牌 (plates issued) count cars sold too
            # 出货, 出厂: what left the factory for dealers (CPCA's wholesale), not production
            [r"销量|销售|售出|卖出|批发|零售|上险|注册登记|发运|出货|出厂|(?<!产)销(?=\d)|上牌|新增(?=[^，,。；;\d]{0,8}?(?:汽车|车辆|新能源))"
             # "比亚迪2023年卖了302.44万辆": sold
             r"|卖了(?=\s*(?:约|近|超过|超|逾)?\s*\d)"],
        ),
    ),
]  # fmt: skip
_PRODSALES = re.compile(
    # (not "产销快报显示": the name of a report, whose counts the words after it say)
    r"产销(?!快报|简报|月报|公告|报告|数据)|产量(?:[、和与及]|以及)销量"
    r"|\b(?:production|output) and sales(?: volumes?)?\b"
    # "产、销量分别完成53.5万辆、53.1万辆"
    r"|产量?(?:[、和与及]|以及)销量?(?=分别|均|各)"
    r"|\bproduced and sold\b",
    _I,
)
# "exports" named as a part of the figure, not as its metric: "销量(含出口)", "including exports"
# (and "both at home and exports", "domestic and export", 内销和出口: the two together)
_EXPORTS_INCLUDED = re.compile(
    r"(?:含|包括|包含|\bincluding|\bincl\.?|\bplus|\bat home and|\bdomestic(?: sales)? and"
    # "（包括本地零售和出口）": what the count holds, listed
    r"|(?:含|包括|包含)[^，,。；;()（）\d]{1,8}?(?:和|与|及|、)"
    r"|内销(?:和|与|及|加|\+))\s*$",
    _I,
)
# "NEV sales, exports included, ...", "出口在内": named as a part of the count
_INCLUDED_AFTER = re.compile(r"\s*(?:included|inclusive|在内)", _I)
# "Overseas, BYD sold ...", "海外市场方面, ...": every sale in the sentence is an export
_OVERSEAS_OPENER = re.compile(
    r"^\s*(?:Overseas|Abroad|Outside (?:of )?China|In (?:overseas|foreign) markets"
    r"|(?:至于|在)?(?:海外|出口|国际|國際)(?:市场|市場|业务|業務)?(?:方面|上)?)\s*[,，:：]",
    _I,
)
# the two numbers of "production and sales reached X and Y"
_PAIR_BETWEEN = re.compile(r"^[^\d.;；。]{0,20}?(?:\band\b|和|与|及|、)[^\d.;；。]{0,6}$", _I)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int


def _split_pair(text: str, end: int, kinds: tuple[str, str]) -> list[Hit] | None:
    """ "production and sales reached X and Y" / "销量和出口分别为X和Y": the first metric marks
    X, the second Y, each placed right before its number (the nearest word to it). None
    without two numbers joined by "and"."""
    from crawler.figures.numbers import OTHER, find_numbers

    numbers = [n for n in find_numbers(text[end:]) if n.counts != OTHER and n.value >= 100]
    if numbers and _A_VERB_OF_ITS_OWN.search(text, end, end + numbers[0].start):
        return None  # "its production and sales report shows that SAIC-GM sold X in June and Y"
    for k in range(min(2, len(numbers) - 1)):
        first, second = numbers[k], numbers[k + 1]
        if k and not _RESPECTIVELY_BETWEEN.search(text, end + numbers[0].end, end + first.start):
            break  # "均突破1200万辆大关，分别达到X和Y": a bar both passed, then the pair
        if _PAIR_BETWEEN.match(text[end + first.unit_end : end + second.start]):
            a, b = end + first.start, end + second.start
            return [Hit(kinds[0], a - 1, a), Hit(kinds[1], b - 1, b)]
    return None


_RESPECTIVELY_BETWEEN = re.compile(r"分别|\brespectively\b", _I)
# a metric's own verb before the numbers: they are not the pair named before it
_A_VERB_OF_ITS_OWN = re.compile(
    r"\b(?:sold|sells|delivered|delivers|produced|built|exported|shipped)\b|卖出|售出|交付了", _I
)


def _split_prodsales(text: str, start: int, end: int) -> list[Hit]:
    """Production and sales named together: split over their two numbers, or one "prodsales"
    hit for one number ("产销均突破100万辆": both)."""
    pair = _split_pair(text, end, ("production", "sales"))
    return pair if pair is not None else [Hit("prodsales", start, end)]


# two metrics named together: "销量和出口", "sales and exports", "生产量和销售量"
_METRIC_JOIN = re.compile(r"量?\s*(?:、|和|与|及|以及|and)\s*(?:总|total\s+)?", _I)


def _split_named_pairs(text: str, hits: list[Hit]) -> list[Hit]:
    """ "销量和出口量分别为X和Y": two different metrics joined by "and", then two numbers."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if (
            nxt is not None
            and "prodsales" not in (h.kind, nxt.kind)
            and h.kind != nxt.kind
            and _METRIC_JOIN.fullmatch(text, h.end, nxt.start)
        ):
            pair = _split_pair(text, nxt.end, (h.kind, nxt.kind))
            if pair is not None:
                out.extend(pair)
                i += 2
                continue
        out.append(h)
        i += 1
    return out


def _overseas(text: str, hits: list[Hit]) -> list[Hit]:
    """Sales after an "Overseas," opener are exports; exports named as included are not."""
    if _OVERSEAS_OPENER.match(text):
        hits = [Hit("exports", h.start, h.end) if h.kind in ("sales", "deliveries") else h
                for h in hits]  # fmt: skip
    return [
        h
        for h in hits
        if h.kind != "exports"
        or not (
            _EXPORTS_INCLUDED.search(text[max(0, h.start - 12) : h.start])
            or _INCLUDED_AFTER.match(text, h.end)
        )
    ]


# one of these is in every match of each metric pattern (lower case): cheap tests first
_METRIC_NEEDLES = {
    "exports": (
        "export", "overseas", "abroad", "outside", "foreign", "international", "leaving china",
        "left china", "the country", "out of china",
        "rest of the world", "-bound", "countries", "markets",
        "出口", "海外", "销往", "出海", "外销", "以外", "之外",
    ),
    "deliveries": ("deliver", "hand", "交付", "交车"),
    "production": (
        "produc", "output", "manufactur", "roll", "turn", "churn", "off", "buil", "assembled",
        "made", "产", "下线", "制造", "造",
    ),
    "sales": (
        "sold", "sales", "sell", "retail", "wholesale", "registrations", "registered", "shipments",
        "shipped",
        "shift", "market",
        "销", "售", "卖出", "卖了", "批发", "零售", "上险", "注册登记", "发运", "上牌", "新增",
        "出货", "出厂",
    ),
}  # fmt: skip


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for "one of ``words`` is in the text" (perf: one call instead of many)."""
    assert words and all(words)
    return re.compile("|".join(map(re.escape, words)))


_METRIC_NEEDLE = {metric: _any_of(words) for metric, words in _METRIC_NEEDLES.items()}
# characters IGNORECASE matches with an ASCII letter that str.lower() does not turn into one
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive ``pattern`` to run on ``text.lower()``, case-sensitively: the same
    matches at the same places unless _ODD_CASE characters are in the text, twice as fast."""
    source = pattern.pattern
    assert pattern.flags & re.IGNORECASE and not re.search(
        r"\\[A-Z]|\(\?[A-Za-z-]+[:)]|\(\?P", source
    )
    return re.compile(source.lower())


_METRIC_LOWER = [(metric, _lowered(pattern)) for metric, pattern in METRIC_PATTERNS]


_SUMMED_WITH_EXPORTS = re.compile(
    r"\b(?:domestic )?(?:sales|deliveries) (?:and|plus|&) exports(?=(?: from [\w ]{2,20}?)?"
    r" (?:together|combined)\b)"
    r"|\bexports (?:and|plus|&) (?:domestic )?(?:sales|deliveries)(?= (?:together|combined)\b)"
    # "Taken together, Tesla's domestic sales and exports from China amounted to 30,688", "the
    # combined volume of local sales and exports reached 56,515"
    r"|(?:(?<=\bcombined )|(?<=\btogether, ))(?:[\w'’]+ ){0,4}?(?:domestic |local )?"
    r"(?:sales|deliveries) (?:and|plus|&) exports\b"
    r"|\b(?:domestic|local) (?:sales|deliveries) (?:and|plus|&) exports(?: from [\w ]{2,20}?)?"
    r"(?= (?:amounted to|totall?ed|came to|reached|stood at)\b)",
    re.I,
)


def metric_hits(text: str) -> list[Hit]:
    """The metric words of a sentence, left to right, none overlapping."""
    low = text.lower()
    odd = bool(_ODD_CASE.search(text))
    if odd:
        hits = [
            Hit(metric, m.start(), m.end())
            for metric, pattern in METRIC_PATTERNS
            for m in pattern.finditer(text)
        ]
    else:
        hits = [
            Hit(metric, m.start(), m.end())
            for metric, pattern in _METRIC_LOWER
            if _METRIC_NEEDLE[metric].search(low)
            for m in pattern.finditer(low)
        ]
    hits = _overseas(text, hits)
    for m in _SUMMED_WITH_EXPORTS.finditer(text) if "export" in low else ():
        # "Domestic sales and exports together totaled 30,688": all it sold, exports included
        hits = [h for h in hits if not (m.start() <= h.start < m.end())]
        hits.append(Hit("sales", m.start(), m.end()))
    pairs = odd or "产" in text or "and sales" in low or "and sold" in low  # _PRODSALES needs one
    for m in _PRODSALES.finditer(text) if pairs else ():
        hits = [h for h in hits if not (m.start() <= h.start < m.end())]
        hits.extend(_split_prodsales(text, m.start(), m.end()))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return _split_named_pairs(text, out) if len(out) > 1 else out


class _TrapSearch:
    """TRAP's ``search``, faster: where the first match starts is found on the lowered text
    (see _lowered; "may" stays case-sensitive), the match itself is TRAP's own there. The last
    search is kept: the parser asks about the same clause once for every number in it."""

    __slots__ = ("_last", "compiled", "lowered", "may")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        source = compiled.pattern
        assert source.count("(?-i:may)") == 1
        self.lowered = _lowered(re.compile(source.replace("(?-i:may)", "(?!)"), re.I))
        self.may = re.compile(r"\bmay\b")  # "(?-i:may)\b" after TRAP's "\b"
        self._last: tuple[str, re.Match[str] | None] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        if _ODD_CASE.search(text):
            m = self.compiled.search(text)
        else:
            starts = [
                found.start()
                for found in (self.lowered.search(text.lower()), self.may.search(text))
                if found is not None
            ]
            m = self.compiled.match(text, min(starts)) if starts else None
        self._last = (text, m)
        return m

    def __getattr__(self, name: str) -> object:
        return getattr(self.compiled, name)


# an expectation, not one met or beaten ("与此前的预期一致", "超出预期", "符合预期")
EXPECTED = (
    r"(?<!符合)(?<!超出)(?<!超过)(?<!高于)(?<!低于)(?<!好于)(?<!不及)(?<!超)预期(?!一致|相符)"
)
# Words that make a number something other than an actual vehicle figure, in its clause.
_TRAP = _vocabulary(
    [
        # plans, forecasts, conditions
        r"target(?:s|ed|ing)?\b", r"goals?\b", r"aim(?:s|ed|ing)?\b", r"plan(?:s|ned|ning)?\b",
        r"expect(?:s|ed|ing)?\b", r"forecast(?:s|ed|ing)?\b", r"project(?:ed|ing|ions?|s)?\b",
        r"anticipat(?:e|es|ed|ing|ions?)\b", r"consensus\b", r"predict(?:s|ed|ing|ions?)?\b",
        # "missing expectations of 73,207 deliveries" (not "sold 210,000, missing expectations")
        r"expectations?,? (?:of|for|at|which|that|were|was)\b",
        # "likely to total 34 million", "That implies December sales of around 247,000"
        r"(?:un)?likely\b", r"impl(?:y|ies|ied|ying)\b",
        # "1 million Teslas can roll off the line there every year": what a plant can do
        r"can (?:roll|produce|build|make|turn out|churn out|assemble)\b",
        r"estimat(?:e|es|ed|ing)\b", r"guidance\b", r"guid(?:ed|es|ing)\b", r"outlook\b",
        r"will\b", r"would\b", r"could\b",
        r"(?-i:may)\b", r"might\b", r"should\b", r"intend(?:s|ed|ing)?\b",
        # "has no way of reaching 400,000 units for the full year", "cannot support 400,000
        # units of sales this year": a bar it will not reach
        r"cannot\b", r"can['’]t\b", r"no way (?:of|to)\b", r"unable to\b",
        # "a runrate of 1.4 million", "about to see its 3 millionth roll off", "has to deliver
        # at least 514,926", "has not delivered over 500,000"
        r"run[- ]?rates?\b", r"annuali[sz]ed\b", r"about to\b", r"(?:has|have|had) to\b",
        r"(?:has|have|had|did|does|do)(?: not|n[’']t) (?:yet )?(?:deliver|sell|sold|produc|reach"
        r"|hit|top|exceed|surpass|cross|pass)",
        # "40 out of every 100 vehicles sold": a ratio; "issued test licenses to 902 vehicles"
        r"out of every\b", r"licen[cs]es?\b", r"permits?\b",
        # "extending its streak above 300,000", "is confident of doubling sales to 245,000"
        r"streaks?\s+(?:of\s+(?:months?\s+)?)?(?:above|over|beyond|exceeding|topping"
        r"|of more than)\b",
        r"confident\b",
        # "the first Chinese carmaker to sell one million vehicles overseas": the bar of a claim
        r"first\s+(?:[\w-]+\s+){0,3}?(?:enterprise|carmaker|automaker|company|brand|maker"
        r"|manufacturer|startup|firm)s?\s+(?:ever\s+)?to\s+(?:sell|deliver|export|produce|build|reach"
        r"|hit|pass|surpass|top|exceed|cross)\b",
        # motorcycles ("BMW Motorrad ... shipments dropped to 163,436", "BMW Motorrad销量"), not
        # vehicles counted here
        r"motorcycles?\b", r"motorrad(?![a-z])", r"two-wheel(?:ed|ers?)\b", r"scooters?\b",
        # "even assuming a December in line with November, exceeding one million appears a given"
        r"assum(?:e|es|ed|ing)\b", r"appears? (?:[\w-]+ ){0,3}?a given\b",
        r"pledg(?:e|es|ed|ing)\b",
        r"on track to\b", r"on course to\b", r"needs? to\b", r"must\b",
        # "BYD storms into first place, 115,000 units clear of Volkswagen", "sold 20,000 units
        # more than Tesla", "9,433 units higher than in September": a difference between two
        # counts
        r"(?:units?|vehicles?|cars)\s+(?:clear of|(?:more|fewer|less|higher|lower)\s+than\s+"
        r"(?!doubl|tripl|quadrupl|twice|half|\d))",
        r"\b(?:more|fewer)\s+(?:units|vehicles|cars)\s+than\b",
        # "a million sales lost in six years": a fall, not a count
        r"\b(?:sales|units|vehicles|deliveries)\s+(?:were\s+|have\s+been\s+)?lost\b",
        # "more than 700,000 NEVs were registered there by the end of June": the cars on the
        # road by then, no count of a period
        r"\b(?:were|was|been)\s+registered\b[^.;]{0,60}?\b(?:by|as of|at)\s+the\s+end\s+of\b",
        # "of which 1.2 million units are to be sold overseas": what is to come
        r"\b(?:is|are)\s+to\s+be\s+(?:sold|delivered|exported|produced|built|shipped|made)\b",
        # "is close to turning out about 500,000 cars in 2021": not yet done
        r"close to (?!\d)\w+ing\b",
        # "pushed its monthly sales towards 100,000": a level it came near
        r"towards?\s+(?=\d)",
        # a count to pass a bar is to come: "Giga Shanghai 2021 Production To Cross 500,000"
        # (not "Sales Rise 20% To Top 70,000")
        r"\b(?:production|output|sales|deliveries|exports|shipments)\s+to\s+(?:cross|top|hit"
        r"|surpass|exceed|break|pass|reach)\b",
        # "Tesla needs a record final quarter of at least 515,000": what it would take
        r"needs? (?:a|an|another)\b", r"would (?:need|require|take)\b", r"requires? (?:a|an)\b",
        # "the whole year's market is put at about 21.62 million": an estimate
        r"(?:is|are|was|were) put at\b",
        # "it took the facility 33 months to produce its one millionth vehicle": how long a
        # milestone took, no period the count was made in
        r"took (?:[\w-]+\s+){0,4}?\w+ (?:months|years|days) to\b",
        r"(?:is|are|was|were|been) seen (?:as )?(?:\w+ing|at|to)\b",
        r"seeks? to\b", r"hopes? to\b", r"wants? to\b", r"striv(?:e|es|ing)\b",
        # "BYD cleared the 3 million mark it had set itself": the mark is a goal
        r"mark (?:it|they|the company|the group) had set\b",
        # "Chinese carmakers bet on overtaking Japan … with shipments of 4.5 million units"
        r"bet(?:s|ting)? on\b",
        # "has a chance to hand over its 100,000th vehicle in April": a possibility
        r"chances? (?:to|of)\b",
        r"ambitions?\b", r"quotas?\b", r"scheduled to\b", r"set to\b", r"poised to\b",
        # "BYD is about to close 2025 with a milestone: one million exported": still to come
        r"(?:is|are|was|were) about to\b",
        r"potential(?:ly)?\b", r"possibly\b", r"perhaps\b",
        r"(?<!\badd )(?<!\badds )(?<!\badded )up to\b", r"budget\b",
        r"coming year\b", r"next year\b", r"threshold of\b", r"if\b", r"unless\b",
        # capacity, orders, outlets, chargers, staff, money
        r"capacit(?:y|ies)\b", r"able to\b", r"equipped to\b", r"designed to\b",
        # (not "in alphabetical order", "in order to": no bookings)
        r"(?<!\bin )(?<!alphabetical )(?<!chronological )(?<!descending )(?<!ascending )"
        r"(?<!reverse )(?<!particular )orders?\b",
        # "running at an annual rate of 246,900": a month extended over a year, no count
        # ("Extrapolating August into an annual sales rate gives us 168,432", "if we multiply
        # the August figure by 8, we get 112,288": a sum worked out, no count)
        r"(?:annual|annuali[sz]ed|yearly)\s+(?:sales\s+|delivery\s+)?(?:run[- ])?rate\b",
        r"run[- ]rate\b", r"extrapolat(?:e|es|ed|ing|ion)\b", r"multipl(?:y|ied|ying)\b",
        # "manufacturers that wholesaled more than 10,000 NEVs each accounted for 90.6%": the
        # bar a group of makers is drawn by
        r"(?:manufacturers|makers|carmakers|automakers|companies|brands|firms) (?:that|which)"
        r" (?:each )?(?:wholesaled|sold|delivered|produced|exported|shipped|registered)"
        r" (?:more than|over|at least|above|fewer than|less than|under)\b",
        r"(?:we|you) (?:get|arrive at|end up with)\b", r"gives us\b",
        r"order intake\b", r"inventor(?:y|ies)\b", r"unsold\b", r"stockpiles?\b",
        r"bookings?\b", r"reservations?\b", r"pre-?order(?:s|ed)?\b", r"ordered\b", r"stores?\b",
        r"showrooms?\b",
        # "the number of its NEV dealers grew to 450" (not "shipments to dealers": wholesale)
        r"(?:vehicle|car|NEV|EV|brand) dealers\b(?!['’])", r"dealerships?\b", r"dealer networks?\b",
        # (not "trade outlet Just-Auto said": a publication)
        r"(?<!news )(?<!media )(?<!trade )(?<!state )(?<!press )(?<!industry )outlets?\b",
        # (not "3,012,906 cars with a charging socket in all": plug-in cars)
        r"charging\b(?!\s+(?:socket|port|plug|cable)s?\b)", r"chargers?\b", r"stations?\b",
        r"(?<!parking )spaces\b", r"houses\b", r"piles?\b", r"cent(?:er|re)s\b",
        r"employees?\b", r"staff\b", r"workers?\b", r"workforce\b", r"headcount\b",
        r"price[sd]?\b", r"pricing\b",
        # "368,000 vehicles valued at 33.17 billion yuan", "15,377 vehicles worth 2.07 billion
        # yuan": the count stays a count
        # (not "It is worth noting that BYD sold 31,382 vehicles")
        r"(?<!vehicles )(?<!cars )(?<!units )(?<!autos )(?<!NEVs )(?<!EVs )worth\b"
        r"(?!\s+(?:noting|mentioning|watching|remembering|pointing out)\b)",
        r"(?<!vehicles )(?<!cars )(?<!units )(?<!autos )valued\b",
        # "export value reached 57 billion"; not "exported 484,000 cars with a combined value of",
        # "with an export value of"
        r"(?<!\bwith a )(?<!\bwith a combined )(?<!\bwith a total )(?<!\bwith an export )"
        r"(?<!\bwith a total export )(?<!\bwith a combined export )value\b",
        r"revenue\b", r"utili[sz]ation\b", r"recalls?\b",
        # "the total import of automobiles was 86,600 units": cars bought from abroad
        r"(?<!including )(?<!incl\. )imports?\b(?!\s+(?:substitut|included))",
        r"imported(?=\s+(?:about |around |nearly |more than |over |some |almost )?\d)",
        r"(?:were|was|been|being) imported\b",
        r"recalled\b", r"market share\b", r"waiting list\b", r"backlog\b", r"downloads?\b",
        # "a delivery ban on 320,000 cars that had not yet been handed over": cars held back
        r"(?:delivery|sales?|stop-sale)\s+(?:ban|stop|halt|freeze)\b",
        r"not\s+yet\s+(?:been\s+)?(?:handed over|delivered|sold)\b",
        r"followers\b", r"kilomet(?:er|re)s\b", r"miles\b",
        r"Fortune (?:Global )?500\b",  # a ranking of companies, no count
        # vehicles in use: "the NEV fleet stood at", "base of car owners"
        r"parc\b", r"on (?:the|its|their|China's|the country's|[A-Z][a-z]+['’]s) roads?\b",
        r"fleets?\b", r"(?:were|are|was|is) in use\b",
        r"(?<!\bto )(?<!\bto the )(?<!\bto its )(?<!\bto their )users?\b",
        r"of whom\b",  # "11.2 million users, of whom 2.4 million are overseas": people
        r"vehicles? in (?:use|operation)\b", r"ownership\b", r"(?:car|vehicle|EV|NEV) owners\b",
        r"(?:owner|user|customer) base\b", r"base of (?:car )?(?:owners|users|customers)\b",
        # rates and averages: "5,000 a week", "an average of 5,800 a month"
        r"(?:per|a|each|every) (?:day|week|hour|minute)\b(?!\s+(?:earlier|ago|before|later))",
        r"an? average of\b", r"on average\b", r"averag(?:ed|es|ing)\b",
        # "average daily retail sales came to", "a monthly average of": a rate, no count
        r"average (?:daily|weekly|monthly|per-day|per-month)\b",
        r"average (?:\w+ )?(?:sales|deliveries|output|production|volumes?|exports)\b",
        r"(?:daily|weekly|monthly) averages?\b",
        # weekly registrations and sales: no period evwatch counts
        r"weekly\b", r"week-(?:on|over)-week\b", r"consecutive weeks\b", r"in the week\b",
        r"(?:during )?the week of\b", r"the week (?:prior|before|earlier)\b",
        r"a week (?:earlier|before|ago)\b", r"the (?:previous|prior|preceding) week\b",
        r"(?:that|this|last|the previous|the past) week['’]?s?\b(?= (?:\w+ )?(?:sales|deliveries"
        r"|registrations|insurance))",
        # port and terminal throughput: a port is no maker and no region's output
        # (not "terminal sales": retail sales, 终端销量)
        r"ports?\b", r"terminals?\b(?!\s+(?:car\s+|vehicle\s+)?(?:sales|retail|deliveries))",
        r"piers?\b", r"trans-?shipments?\b", r"throughput\b",
        # "NIO didn't even deliver 4,000 vehicles": a bar not reached
        # "has not managed to top 30,000": a bar not reached
        r"(?:did not|didn't|does not|doesn't|never|(?:has|have|had)(?: not|n't))\s+"
        r"(?:even\s+)?(?:managed\s+to\s+|been\s+able\s+to\s+)?(?:deliver|sell|produce|reach"
        r"|top|exceed|hit|pass|surpass|cross)\b",
        # "The sales gap between the two companies reached 200,000": a difference; "widened
        # its lead over the No.2 carmaker to more than 2.7 million": one too
        r"gap\b", r"lead over\b",
        # "11.2 million car consumers worldwide": people, not cars
        r"(?:car|auto|vehicle|EV|NEV) consumers\b",
        # a threshold nobody reached: "none of them topped 10,000"
        r"none of\b", r"failed to\b", r"no (?:\w+ )?(?:maker|carmaker|brand|startup)s?\b",
        r"struggl(?:e|es|ed|ing) to\b", r"(?:has|have|had) yet to\b", r"unable to\b",
        # "experts believe the firm can break the three million line": an opinion of the future
        r"believes?\b", r"can (?:break|reach|hit|exceed|top|surpass|achieve|pass|cross)\b",
        # "the second time the startup has topped 40,000": how often, not a figure
        r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th)) time\b",
        # "are exported daily", "to purchase 100,000 vehicles": a rate, a purchase
        r"daily\b",
        # (not "tax breaks on new vehicle purchases": what a policy bears on)
        r"(?<!vehicle )(?<!car )(?<!auto )purchas(?:e|es|ed|ing)\b(?!\s+tax)",
        # second-hand cars change owners; none is made, sold new or exported by a maker here
        r"used[- ]cars?\b", r"used[- ]vehicles?\b", r"second[- ]hand\b",
        # a threshold that sorts makers: "17 manufacturers each wholesaling more than 10,000"
        r"(?:manufacturers|automakers|carmakers|makers|brands|companies|firms)(?: that)? each\b",
        # "manufacturers with wholesale sales of more than 10,000 units": a threshold that sorts
        r"(?:manufacturers|automakers|carmakers|makers|brands|companies|firms) with "
        r"(?:[\w-]+ ){0,3}(?:of )?(?:more than|over|above|at least|exceeding)\b",
        # "11 companies had wholesale sales of more than 10,000", "the number of major companies
        # selling more than 10,000 units": a bar that counts its members
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many"
        r"|multiple|number of)\s+(?:[\w-]+\s+){0,2}?(?:manufacturers|automakers|carmakers|makers"
        r"|brands|companies|firms|enterprises|cities|provinces|models)(?: that)?\s+(?:had|have"
        r"|having|sold|selling|delivered|delivering|produced|producing|posted|posting|recorded"
        r"|recording|saw|seeing)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:more than|over|above|at least"
        r"|exceeding|in excess of)\b",
        # "that has now been raised to more than 130,000 for the whole year": a goal revised
        r"(?:been|was|were|is|are)\s+(?:now\s+)?(?:raised|lifted|upped|lowered|trimmed"
        r"|revised(?:\s+(?:up|down)(?:wards?)?)?)\s+to\b",
        # throughput, batches, rolling windows, forecasts in the infinitive
        r"handl(?:ed|es|ing)\b", r"batch(?:es)?\b", r"to come in at\b",
        r"(?:past|last|trailing) (?:12|twelve) months\b",
        # "Its first 100,000 deliveries took 230 days", "the next 200,000 in only 232 days": a
        # mark reached over a number of days, no calendar period
        r"took (?:only |just |about |around |nearly |some )?[\d,]+ (?:days|weeks)\b",
        r"in (?:only |just |about |around |nearly |some )?[\d,]+ (?:days|weeks)\b",
        # a headline's future: "China's auto sales to reach 30 million units in 2023"
        r"(?:sales|deliveries|output|production|exports|shipments) to (?:reach|hit|top|exceed"
        r"|surpass|pass|rise|grow|climb|jump|increase|fall|drop|decline|slow)\b",
    ],
    [
        # (not "与此前的预期一致", "超出预期": an expectation met or beaten, the count is real)
        r"目标|计划|预计|" + EXPECTED + r"|有望|可望|(?<!即)将(?!近)|即将|力争|规划|预测|争取|冲刺"
        r"|拟|或将|估计|预估|任务|指引"
        # "即便按每月约8万辆估算": a rate assumed to estimate with
        r"|估算|推算"
        # "极狐今年销量剑指4万辆": aimed at
        r"|剑指|瞄准|直指"
        # "有信心明年月销量达到5万台": confident of what is to come
        r"|有信心"
        # "全年突破百万辆几乎没有悬念": all but certain, still to come
        r"|没有悬念|毫无悬念|悬念不大"
        # "今年冲击30万辆", "冲击百万辆": an aim (not "受疫情冲击", an impact)
        r"|冲击(?:全年|年)?(?:销量|交付量|销售)?(?:目标)?\s*(?=\d|[一二两三四五六七八九十百千]+万?辆)"
        r"|希望|上看|上调至|下调至|上修至|下修至"
        # "目标…从最初的7万辆调到10万辆，再到12万辆，最终定为13万辆": a goal moved step by step
        r"|调(?:到|至|整为)|(?<!认)定为|再到\s*(?=\d)|(?<![\d.])或(?:将|可|有望)?(?:首次|首度)?(?=突破|超过|超|达到|达|接近|逼近)"
        r"|大概率|很可能|应该|应当|或许|承诺|保证|若(?!干)|假设|假定"
        # "至于能否冲上550万辆": whether it can, still to come; "依然难以达到80万辆": out of reach
        r"|能否|能不能|是否能|难以(?:达到|实现|完成|突破|超过)"
        r"|(?:至少|必须|需要|需|须)要?(?:达成|实现|达到|完成)"
        # "这意味着11月和12月每月需交付超过3.1万辆": what would be needed; "宣布到2025年实现
        # 销量300万辆": a year's aim announced
        r"|(?:每月|每年|平均)?(?:需要|需|须)(?:交付|销售|卖出|生产)"
        # "12月至少要交付5.8万辆": what it would take
        r"|(?:至少|起码|最少|还|仍)(?:需要|需|须|要|得)(?:交付|销售|卖出|生产|售出)"
        r"|到\s*20\d\d\s*年(?:底|末)?\s*(?:实现|达到|要|将|力争|争取)"
        r"|排产|配额|如果|假如|一旦"
        # "吉利放眼全年卖200万辆车", "要实现新能源产品的三个翻番增长：…超过60万辆": aims
        # (not "放眼全国，山东凭借全年261万辆的产量": looking across the country)
        r"|放眼(?!全国|全球|全省|全世界|国内|海外|行业)|(?<![需只])要(?:实现|达到|完成|达成)"
        # "打造百万辆新能源汽车城": a plan
        r"|打造(?=[^，,。；;]{0,8}?[\d一二两三四五六七八九十百千万])",
        r"产能|年产(?:整车|汽车|新能源汽车|乘用车)?(?=(?:近|约|超过?|逾)?(?:\d|[一二两三四五六七八九十百])|能)|可年产|设计|具备|能力|项目|建设规模"
        # "1万辆节能与新能源客车生产基地", "20万辆整车工厂": a plant named by what it can build
        r"|辆[^，,。；;\d]{0,12}?(?:生产基地|生产线)(?!生产)|辆(?:整车|汽车|新能源汽车)?(?:工厂|基地|产线)",
        r"订单|订购|预订|预定|大定|小订|锁单|采购|门店|网点|充电|换电站|桩|员工|价格|售价|利用率|召回"
        r"|库存|积压|待交付|预售|试驾|客流|市场份额|市占率|不成问题"
        r"|申请"  # "以旧换新补贴申请量突破千万辆": applications, not cars sold
        # scrapped, recycled or traded-in cars, and the appliances traded in beside them:
        # "报废汽车回收量52.3万辆", "汽车以旧换新数量超过680万辆", "家电以旧换新6200万台"
        r"|报废|回收|拆解|家电|家装|厨卫"
        r"|(?:以旧换新|置换更新)(?!等?政策|补贴政策|活动带动|带动|拉动|推动|促进|效应)"
        # "剩下的近70万台", "差额": what is left of one figure after another
        r"|剩下|剩余|差额"
        # "哪吒需在2024年本地生产约1.6万辆": what a deal requires; "正向千万辆迈进": not reached
        r"|(?:必须|需要|需|须)(?:在|于)|向[^，,。；;]{0,12}?迈进"
        # "41个城市超过200万辆", "11家车企销量超过1万辆", "产量超过200万辆的城市包括": a bar that
        # counts its members
        # (a Chinese word comes first in this vocabulary: the number is looked behind at)
        # ("十六省过百万辆": sixteen provinces above the bar)
        r"|(?<=[\d多几数两])个(?:城市|省份|省区|地区|国家)"
        r"|(?<=[一二三四五六七八九十几])个?(?:城市|省份?|省区|省市|地区|国家)"
        r"(?=[^，,。；;\d]{0,12}?(?:超过|超|突破|破|过|以上))"
        r"|(?<=[\d多几数两])家[^，,。；;\d]{0,12}?(?:超过|超|突破|破|过|以上)"
        r"|辆(?:以上)?的(?:城市|省份|省区|地区|国家|企业|车企|品牌|车型|厂商|厂家)"
        # "前三名销量都破了10万辆": a bar several cleared
        r"|前[\d二三四五六七八九十]{1,2}(?:名|位)[^，,。；;\d]{0,8}?(?:都|均)"
        r"|测试牌照|测试号牌|示范运营|道路测试|通知书"  # test plates and permits, not cars sold
        # "每100台上牌新车中有约25台", "每销售100辆汽车，就有近40辆是新能源汽车": a ratio
        r"|每(?:销售|卖出|售出|生产|交付|上牌|銷售|賣出|售出|生產|交付)?\s*\d+\s*(?:台|辆|臺|輛)"
        # "还差2万辆", "尚需交付8万辆": what is left to reach a goal; "百万辆倒计时", "百万辆里程碑
        # 在望": not yet
        r"|还差|还需|尚需|尚差|還差|還需|倒计时|倒計時|在望(?!京)"
        # "距离第800万辆下线仅过去2个月", "距其第2000万辆下线仅过去四年多", "距离35万辆的目标":
        # another time, a goal
        r"|距离|距離|距其(?=第)"
        # "300万辆大关近在眼前": a mark not reached yet
        r"|(?:大关|关口|门槛)(?:已)?(?:近在眼前|在望|指日可待|触手可及)"
        # "东风集团提出…海外出口要突破50万辆": what is to be reached, a plan
        r"|(?<![主需重只想必总将])要(?=\s*[“\"]?(?:锚定|突破|达到|实现|超过|完成|跨过|跨越|冲击|挑战|力争"
        r"|确保|冲刺|迈上|站上))"
        r"|进口(?![车汽品版])"  # "汽车进口8.66万辆": cars bought from abroad (not 进口车's sales)
        r"|挑战"  # "45万辆的年销量…依然挑战不小": a bar to clear
        r"|利润|营收|营业收入",  # "3000万辆汽车利润不如丰田一家的900万辆": money
        # "下乡活动…现场成交车辆约2100辆": deals closed at a sales event
        r"现场成交|现场签约|现场订单|"
        r"保有|推广(?:应用)?(?:新能源)?(?:汽车|车)|(?<![向给为])用户(?!交付)|里程(?!碑)|公里|千米|量级",
        r"车主(?:人数|总数|数量|规模)",  # "全球车主人数接近700万": owners, the cars on the road
        # "为安徽带来超过30万辆的增量": by how much a count grew, no count
        r"增量",
        # other products of the same makers: "小米手机7月出货量1200万台", 两轮车, 无人机
        r"手机|平板|笔记本|电视|芯片|摩托车|电动自行车|两轮车|飞机|无人机|船舶",
        # "新注册登记机动车1688万辆": all motor vehicles, motorcycles among them (汽车 are counted)
        r"机动车|機動車",
        r"每周|每天|每日|每小时|每分钟|日均|周均|月均|平均(?!增速|增长|增幅|水平)"
        # "日产量达到750辆", "单日下线": a day's rate
        # (not 日产, Nissan: "东风日产销量")
        r"|(?<![今当昨次首风])日(?:产量|产能|销量|交付量)|单日"
        # "特斯拉平常每月出货量约为6万辆": the usual month, no month's count
        r"|(?:平常|平时|往常|通常|一般)(?:每个?月|的?月)"
        # "今年翻番至每月约20万辆": a rate a month, no month's count
        r"|每个?月(?:约|大约|平均|均)"
        # "零跑每月能卖出将近5万辆": what it can sell in any month
        r"|每个?月(?:都)?(?:能|可以?|可)(?:卖出|卖|售出|销售|交付|生产|出口)"
        r"|周销量|周交付|单周|第\d{1,2}周|每(?:个)?(?:星期|週|礼拜)",
        # "首发列车装载260余台": one train's or ship's load
        r"装载|满载|班列|专列|单航次|单船|这批|该批|一批汽车",
        r"港口|码头|口岸|港区|监管", r"二手车",
        # "广州港累计完成商品汽车出口25.8万辆": a port's throughput (not 香港, 港股)
        r"(?<=[\u4e00-\u9fff])(?<!香)港(?=累计|全年|今年|去年|前|上半年|完成|共|实现|商品|汽车|整车|集团|\d)",
        # "每年仍以2000万至3000万辆的速度增长": a rate of growth, no count
        r"以[^，,。；;]{0,16}?的?(?:速度|速率|幅度)",
        # "1万多辆汽车停在场内，等待装船出海": cars standing in a yard one day, a stock
        r"停(?:在|放|满)|(?:等待|等候)[^，,。；;\d]{0,4}?(?:装船|出海|发运|运输)",
        # "连续十年跻身世界500强": a ranking of companies, no count
        r"(?:世界|中国|全球|财富)?\d{2,4}\s*强",
        # "展望第三季交付量为9万至9.5万辆": an outlook; "都在2万辆级别", "8万辆左右水准": a level
        # ("零跑月交付量稳定在5万台以上": a level held month after month)
        r"展望|辆(?:左右)?的?(?:级别|水平|水准)|月(?:销|交付|产)量?(?:稳定|保持|维持)",
        # "“一万辆俱乐部”里": a club named after a level, no count
        r"(?:辆|台)?\s*[”\"]?\s*俱乐部",
        r"均(?:保持|维持|稳定)",  # "月产量均保持在4.5万辆以上": a floor every month kept
        # "月交付量一直在5000台左右徘徊": a level held over months, no count
        r"徘徊|一直(?:在|维持|保持)|(?:基本|始终|长期)(?:维持|保持|稳定)在",
        # "只用了七个多月就达成首个10万辆交付里程碑": how long a mark took, no period counted
        r"用了?(?:短短|仅仅|不到|近|约)?\s*[\d一二三四五六七八九十两半]+\s*多?个?多?(?:年|月|天|日)"
        r"(?:时间)?(?:就|才|便)",
        # "2012年至2020年，汽车出口量每年保持在100万辆左右": a level held each year
        r"每年(?:都|均)?(?:保持|维持|稳定)",
        # "2012年至2020年间，年出口量大体维持在100万辆上下": a level held over years
        # ("过去几年…年销量连年下滑，但整体规模仍维持在400万辆以上": a floor over years)
        r"(?:大体|大致|基本|总体|整体)(?:规模)?上?仍?(?:保持|维持|稳定)在",
        r"无一|均未|未能|没能|尚未|未(?:突破|超过|达到|站上)",
        # "30万以上NEV市场", "50万以上大型SUV": a price band in yuan
        r"万元?(?:以上|以下)的?[^，,。；;\d]{0,6}?(?:市场|价位|价格|车型|SUV|轿车|MPV|细分|级)",
        # "成为国内首个汽车年出口量突破百万辆的省份": the bar of a claim
        # "第三家月交付量超过3万辆的", "最快跨过月交付2万辆关口": the bar of a ranking claim
        # (not "成为首个累计出口突破500万辆的中国汽车企业": a running total of the subject's own)
        r"(?:首个|首家|第[一二三四五六七八九十\d]{1,2}[个家]|唯一一个|唯一一家|最快|最早|率先)"
        # ("最早实现单季交付过2万辆的新势力", "首家年产销过百万辆的汽车企业")
        r"(?![^，,。；;\d]{0,14}?累计)[^，,。；;\d]{0,14}?(?:突破|超过|达到|迈上|站上|跨过|跨越|越过"
        r"|过(?=\s*[\d一二两三四五六七八九十百千万]))",
        # "前6个月月销量均突破3万辆": a bar each month of a span passed, no count
        r"(?:个月|月份)[^，,。；;\d]{0,6}?(?:均|都|每月|全部)(?:突破|超过|在|达到|保持|站稳|站上)"
        # ("四季度的前两个月，传祺月销量均站上3.5万台": each month's sales)
        r"|(?<![\d一二三四五六七八九十两几上本当该同个整首单次正近])月(?:销|交付|产)量?(?:均|都)(?:突破|超过|在|达到|保持|站稳|站上)"
        # "今年前10个月里，零跑有6个月的销量保持在1.8万台以上": a floor some months kept
        r"|(?:个月|月份)的?[^，,。；;\d]{0,4}?(?:保持|维持|稳定)在",
        # one batch for one buyer: "交付当地公安", "向希腊交付250辆"
        r"交付(?:给)?当地|向(?!用户|客户|车主|消费者|海外|境外|国外)[^，,。；;\d]{1,12}?(?<!用户)(?<!客户)(?<!车主)交付|首批|这批|该批|一批|下发"
        # "100辆宇通双源无轨电车批量交付哈萨克斯坦": a batch handed to a buyer
        r"|批量交付",
        # a rolling window or a span since a start, no calendar period ("近两个月…已出口55726辆",
        # "前三年累计在华交付2.12万辆")
        r"(?:过去|近)\s*(?:\d{1,2}|十一|十二|[两二三四五六七八九十])\s*个月|过去(?:一|1)年|滚动"
        r"|(?<![今去明])前\s*(?:\d|[两二三四五六七八九十])\s*年(?!度|[\d一二三四五六七八九十])",
    ],
)  # fmt: skip
TRAP = _TrapSearch(_TRAP)
# The forward-looking part of TRAP: a period named in such a clause is not the period later
# sentences report on ("worth 43 billion yuan in the first 11 months" still sets the period).
# (the word boundary and the script tested once before the alternatives, as in _vocabulary)
FORECAST = re.compile(
    r"\b(?:target(?:s|ed|ing)?\b|goals?\b|aim(?:s|ed|ing)?\b|plan(?:s|ned|ning)?\b"
    r"|expect(?:s|ed|ing)?\b|forecast(?:s|ed|ing)?\b|projected\b|estimat(?:e|es|ed|ing)\b|guidance\b"
    r"|guid(?:ed|es|ing) for\b|outlook\b|will\b"
    r"|would\b|could\b|(?-i:may)\b|might\b|on track to\b|set to\b|poised to\b|needs? to\b|must\b"
    r"|(?:is|are|was|were)\s+about\s+to\b"
    # "sales are seen falling 5% to 26.68 million in 2019": a forecast
    r"|(?:is|are|was|were|been)\s+seen\s+(?:as\s+)?(?:\w+ing|at|to)\b"
    r"|next year\b"
    # "Chinese carmakers bet on overtaking Japan … with shipments of 4.5 million units"
    r"|bet(?:s|ting)? on\b)"
    r"|(?=[\u4e00-\u9fff])(?:目标|计划|预计|"
    + EXPECTED
    + r"|有望|(?<!即)将(?!近)|即将|力争|规划|预测|争取|拟|或将)",
    _I,
)
# A sentence introduced like this is about plans, whatever its clauses say.
SENTENCE_TRAP = re.compile(
    r"according to (?:the|its) plans?|根据规划|按照规划|按照计划|根据计划|规划显示"
    # a recall counts vehicles called back, whatever clause the number stands in (not "recall
    # the same period in 2017", remember it)
    r"|\brecalled\b|\b(?:a|the|its|this|voluntary|safety) recalls?\b"
    r"|\brecall(?:s|ing)?\s+(?:of\s+)?(?:about |around |nearly |more than |over |some |almost )?\d"
    r"|召回(?!条例|制度|政策|管理)"  # not "召回条例实施": the rules, no recall
    # "2024年第15周", "week 36 of 2025": a week's numbers, whatever clause they stand in
    r"|第\s*\d{1,2}\s*周|\bweek\s+\d{1,2}\b(?!\s*(?:months?|days?))"
    # "如果算上埃安，2022年新势力的交付规模已突破100万辆": a sum under a condition
    r"|^\s*(?:如果|假如|倘若|要是)(?!说)"
    # "Average monthly exports came to 473,000 units in Q1, 553,000 units in Q2, …": every
    # count of the sentence is an average
    r"|^\s*(?:The\s+)?average\s+(?:monthly|weekly|daily)\b"
    # "2024年安徽增产的53万辆汽车中，新能源汽车多达35万辆": an increase and its parts
    r"|(?:增产|多产)了?的\s*(?:约|近|超过?)?\s*[\d.]+\s*万?辆(?:汽车|整车)?中"
    # "108辆国产汽车…搭乘“翡翠精英”号滚装船出口至墨西哥": one ship's load
    r"|滚装(?:船|轮)|\bro-?ro\s+(?:ship|vessel|carrier)s?\b"
    # a port's throughput, whatever clause the number stands in: "上海港全年汽车吞吐量达到363万
    # 辆", "南港已累计集疏运汽车2.08万余辆", "80,000 vehicles in January, port officials said",
    # "7,000 to 8,000 vehicles left the terminal every month …, and peaked at 30,000"
    r"|吞吐|集疏运|\b(?:port|terminal|pier|wharf)\s+(?:officials?|authorit(?:y|ies)|operators?)\b"
    r"|\b(?:left|leave|leaves|leaving|passed through|pass through|went through)\s+(?:the|its|this)"
    r"\s+(?:port|terminal|pier|wharf)\b"
    # "Over the following years its output held at around 1 million units, peaking at nearly
    # 1.2 million": years not named, a level and its peak over them
    r"|^\s*(?:over|in|during|for|across) the (?:following|next|subsequent|ensuing) (?:few |several "
    r"|two |three |four |five )?years\b"
    # "engine products posted strong growth: February sales reached 22,991 units": engines
    r"|\bengine (?:products|business|segment)\b|发动机(?:产品|业务|板块)"
    # "自4月19日复工复产以来，上海超级工厂已累计下线整车4万多辆", "since resuming production on
    # April 19, the plant has built 40,000": a span since a restart, no calendar period
    r"|(?:复工|复产|恢复生产)[^，,。；;\d]{0,4}?(?:以来|至今)"
    r"|\bsince (?:(?:it|the plant|the factory|production|work) )?(?:resum|restart|reopen)"
    r"(?:ed|ing)\b",
    _I,
)
# "200,000 vehicles a year" after the number: a capacity
CAPACITY_AFTER = re.compile(
    r"^\s*(?:(?:a|per|each|every) (?:year|annum)\b(?!\s+(?:earlier|ago|before|prior|back|on))"
    r"|annually|yearly|/年|每年"
    r"|(?:a|per|each|every) (?:month|week|day)\b(?!\s+(?:earlier|ago|before|later|after))"
    r"|/(?:月|周|天|日)|每(?:月|周|天|日)"
    # "单店效能为112辆/家": a rate per store
    r"|/(?:家|店)|每(?:家|店))",
    _I,
)
# "from the '60,000' level to the '80,000' level", "the 80,000-unit tier", "二十万辆级的市场": a
# size class, not a count
LEVEL_AFTER = re.compile(
    r"[\"”’」]?\s*(?:-?\s*(?:units?|vehicles?|cars?)\s*)?[\"”’」]?\s*(?:level|tier|class|bracket|range)s?\b"
    r"|级(?!别)"
    # "销量都停留在3万辆出头的水平": a rough level, no count
    r"|\s*(?:辆|輛|台)?\s*(?:出头|出頭|左右|上下)?\s*的\s*水平",
    _I,
)
# "from 45,000", "compared with 45,000", "比...": a comparison base, not this period's figure
# and "an increase of 5,000 units", "多交付了3000辆": the difference between two figures; and
# "its third consecutive month above 10,000", "连续三个月交付超过": a streak claim's threshold
BASE_BEFORE = re.compile(
    r"(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\b(?:higher|lower|up"
    r"|down) than|去年同期为?|上年同期为?"
    # "累计生产汽车203.316万辆，上一年为179.7026万辆": the year before's, said after
    # (not "比亚迪的销量去年为302万辆": the count's own time)
    r"|(?:^|[，,；;])\s*(?:上一年|上年|去年|前一年)(?:全年)?(?:则|分别)?(?:为|是)"
    r"|同期为|比|较|高于|低于|多于|少于"
    # "相比于2025年12月的超过5万辆": the count compared with (its own month is kept)
    r"|相比于?\s*(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月份?)?的"
    # "由14.2万辆飙升至112.3万辆", "从50万台到100万台": where a change started
    # ("也从上个月的423辆拉大到了4000多辆": from last month's)
    r"|(?:从|由)(?:此前|原来|原先|之前|上个?月|去年|上一?年|年初)?的?"
    # "Annual sales that had hovered near 1.8 million units dropped below 1 million": the level
    # a change started from
    r"|\bhover(?:ed|s|ing)?\s+(?:near|around|at|about|close to)"
    r"|\ban? (?:net )?(?:increase|decrease|rise|drop|decline|gain|jump|fall|improvement) of"
    r"|\b(?:up|down|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|slipped"
    r"|higher|lower|behind|ahead|short) by|\b(?:gap|difference|margin|lead) of"
    r"|多(?:交付|销售|销|卖出?|售出|生产|产|出口)了?|多了|少了|增加了?|减少了?|(?:锐|骤|大|猛)减了?|相差|差距(?:为|仅|只有)?[:：]?"
    r"|净增(?:加)?了?|净减(?:少)?了?"  # "同比净增31.7万辆": by how much
    r"|增产了?(?:约|近|超过?)?"  # "全年增产53万辆": by how much output grew
    r"|多出了?\s*(?:约|近|超过|超|逾)?"  # "仅比2023年多出约25万辆"
    # "已损失80万辆": short of last year; "六年销量蒸发100万辆": lost over years
    r"|(?:损失|少卖|缺口|蒸发)了?\s*(?:约|近|超过|超|逾)?"
    r"|落后|领先|差距[^，,。；;\d]{0,8}?(?:至|到)|差距[^，,。；;\d]{0,8}?(?:从|由)[^，,。；;]{0,8}?"
    # "零跑与理想的销量差距还高达10万辆": the gap, however it is said
    r"|差距[^，,。；;\d]{0,4}?(?:高达|达到?|约为?|为|是|有|超过|仍有|还有)"
    r"|(?:拉大|扩大|缩小|缩窄|收窄|拉开)(?:至|到)|\ba base of"
    r"|(?:较|比)[^，,。；;\d]{1,12}?(?:少|多)(?:了|出)?"  # "只较比亚迪少477辆": a difference
    # "与蔚来只差近1000辆": the gap to another count (not 差不多, about)
    r"|(?:只|仅|还|尚|仍|就)差了?(?!不多)"
    # "销量超过特斯拉7.7万辆": by how much one outsold a named other (not "超过了10万辆")
    r"|(?:超过|超出|超越|反超|甩开|领先)(?![了过去上今同历行市预全整])[\u4e00-\u9fffA-Za-z·]{2,12}?"
    r"(?<![的年月季度])"
    # "超越特斯拉全年163.6万辆的成绩": the count of the one overtaken
    r"|(?:超越|反超|击败|力压|赶超)(?!去年|上年|今年|同期)[\u4e00-\u9fff]{2,8}?(?:全年|去年|上年|同期)?的?"
    # "同比上一年的179.7万辆", "较2019年同期的61.5万辆": the base of a year-on-year rate
    r"|(?:同比|较|比)\s*(?:上一?年|去年|前一?年|(?:19|20)\d\d\s*年)(?:\s*\d{1,2}\s*月份?)?(?:同期)?的?"
    r"|\b(?:narrow(?:ed|ing|s)?|widen(?:ed|ing|s)?|shr[ua]nk|shrinking)\s+(?:to|from)"
    r"(?:\s+(?:within|under|below|about))?)"
    r"\s*(?:a |just |only |about |around |nearly |some |more than |over |将近|接近|大约|近|约|超过"
    # ("一年多卖了上百万台": over a million more)
    r"|超|逾|不足|不到|上)?$"
    r"|\bmonths?(?: in a row)? (?:above|over|of (?:more than|over)|beyond)\s*(?:the\s+)?$"
    # "湖北汽车产量下降近40万辆", "增长了12万辆": by how much, not to how much (that is 至)
    r"|(?:下降|下滑|回落|降低|缩减|增长|提升|上升|增多)了?\s*(?:近|约|超过|超|逾|多)?\s*$"
    r"|连续\s*(?:\d{1,2}|[一二两三四五六七八九十]+)\s*个?\s*月[^，,。；;\d]{0,8}$",
    _I,
)
# "exceeding second-place Shanghai by approximately 500,000", "broke its record by 387 cars",
# "lagging Tesla by 124,100": a count right after "by" is the margin between two figures
BY_MARGIN = re.compile(
    r"\bby\s+(?:approximately |about |around |nearly |some |roughly |more than |over |almost "
    r"|just |only |a further |another )?$"
    # "超过广东的66.51万辆近10万辆": the margin right after the count it is taken from
    r"|(?:超过|超出|高于|多于|领先|超越|超過|高於|領先)[^，,。；;\d]{0,12}?的\s*[\d.,]+\s*万?\s*"
    r"(?:辆|台|輛|臺)\s*(?:近|约|約|逾|超|多)?$"
    # "較2017年9月219萬輛的歷史最高水平高5萬輛": the margin of a comparison
    # ("比排名第二的一汽大众高出接近10万辆")
    r"|(?:较|較|比)[^，,。；;]{0,30}?(?:高出|多出|高|多|低|少)了?\s*(?:近|约|約|逾|接近|将近|將近|大约"
    r"|超过|超過)?$",
    _I,
)
BASE_AFTER = re.compile(
    r"^\s*(?:a year (?:earlier|ago|before)|year-ago"
    # "in the same period last year" (not "exports grew to 5.62 million units in the same
    # period": the period just told of)
    r"|in the same period\s+(?:last year|a year|of (?:last|the previous) year|of 20\d\d"
    r"|in 20\d\d|the (?:previous|prior) year|the year before)"
    # "fell 897,564 vehicles, or 16.32 per cent, short of the target": a shortfall
    r"|(?:vehicles|units|cars)?,?(?:\s+or\s+[\d.]+\s*(?:%|per\s?cent|percent),?)?\s+short\s+of\b"
    r"|(?:more |fewer |less )?than\b|(?:behind|ahead)\b(?!\s+of\b)|short of\b|shy of\b"
    # "2.75% (709 units) fewer than in the first quarter": the difference, in brackets
    r"|(?:units?\s*|vehicles\s*|cars\s*)?[)）]\s*(?:more|fewer|less|higher|lower)\s+than\b"
    # "put it about 13,000 units ahead of runner-up SAIC-GM Wuling": a lead over another (not
    # "484,507 cars, ahead of expectations", "10,000 units ahead of schedule")
    r"|ahead of\s+(?!(?:[\w'’-]+\s+){0,2}(?:expectations?|schedule"
    r"|forecasts?|estimates?|targets?|plans?|consensus|guidance)\b)"
    r"|(?:的)?差距"  # "和零跑仍有6000辆差距": the gap between two figures
    # "SAIC Motor sold 3.53 million, leaving 200,000 vehicles between the two": the gap
    r"|(?:vehicles|units|cars)?\s*between\s+the\s+two\b(?!\s+(?:of\s+them|combined))"
    # "以18万辆优势反超广东": the lead over another (not "以57,915辆的绝对优势稳坐榜首")
    r"|的?(?:微弱|明显|较大|巨大|绝对)?优势(?:领先|反超|超越|击败|力压|胜出)|的?领先优势"
    # "以2万辆的领先保住全球第一": the lead, not a count
    r"|(?:销量)?的领先"
    # "只比2023年1月的129.3万辆多": the count compared with, before 多/少/高/低
    r"|(?:辆|台)?(?:还|仍)?(?:多|少|高|低)(?:出|了)?(?:[，,。；;]|$)"
    # "与2024年两百万辆以上的水平相比": the level compared with
    r"|(?:辆|台)?(?:以上|以下|左右)?的?(?:水平|规模|成绩|销量)?(?:相比|相较|比较))",
    _I,
)

# "below the significant 200,000-unit mark": an adjective between the word and the number
_BOUND_ADJECTIVE = r"(?:(?:significant|key|crucial|important|psychological|symbolic|landmark)\s+)?"
# qualifier words right before the number
QUALIFIER_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    # (word boundary and script tested once before the alternatives, as in _vocabulary)
    (
        "at_most",
        re.compile(
            r"(?:\b(?:under|less than|below|fewer than|no more than|just shy of|short of)"
            r"|(?=[\u4e00-\u9fff])(?:(?:低于|少于|跌破|跌落至?)了?|不足|不到|未满))\s*(?:the\s+)?"
            + _BOUND_ADJECTIVE
            + "$",
            _I,
        ),
    ),
    (
        "approx",
        re.compile(
            r"(?:\b(?:about|nearly|around|some|close to|roughly|approximately|almost"
            r"|approaching|nearing|circa|an estimated)|(?<![\w.])c\.|~"
            r"|(?=[\u4e00-\u9fff])(?:约|近|接近|将近|大约|约为|约合|逾近|直逼|逼近))\s*(?:the\s+)?"
            + _BOUND_ADJECTIVE
            + "$",
            _I,
        ),
    ),
    (
        "at_least",
        re.compile(
            r"(?:\b(?:(?<!handed )(?<!hand )(?<!hands )(?<!handing )(?<!took )(?<!turned )over"
            r"|more than|topped|tops?|topping|cleared?|clearing|exceed(?:ed|s|ing)?"
            r"|broke(?: through)?|breaking|breaks|beyond|surpass(?:ed|es|ing)?"
            r"|pass(?:ed|es)?"
            r"|passing|crossed|crossing|above|at least|in excess of|upwards of"
            r"|north of|past|no fewer than|no less than|surmounted)"
            r"|(?=[\u4e00-\u9fff])(?:(?:超过|超出|突破|站上|迈过|冲破|越过|跨过)了?|超|逾)"
            r"|\b(?:level|mark|milestone) of"
            r"|(?=[\u4e00-\u9fff])(?:破|至少|不少于|大于|多于"
            r"|不低于|站上|跨过|迈过|跃上|跨越|越过|冲破|迈上)"
            # "小米(>30000辆)": a sign before the count
            r"|(?<![<=-])[>＞≥])\s*(?:the\s+)?(?:a\s+)?" + _BOUND_ADJECTIVE + "$",
            _I,
        ),
    ),
]
_MARK_AFTER = re.compile(
    r"^\s*(?:-|\s)?(?:unit|vehicle|car)?s?\s*(?:mark|threshold|milestone|level"
    r"|barrier|line)\b|^[^，,。]{0,3}(?:大关|关口|门槛)",
    _I,
)

# (word boundary and script tested once before the alternatives, as in _vocabulary)
_SEG_NEV = re.compile(
    # (not "hybrid electric vehicles": hybrids that do not plug in are no NEVs in China)
    r"\b(?:new[- ]energy\b|NEVs?\b|EVs?\b|(?<!hybrid )(?<!hybrid-)electric\b|electrified\b"
    r"|plug-in\b|BEVs?\b"
    r"|PHEVs?\b|battery[- ]electric)|(?=[\u4e00-\u9fff])(?:新能源|电动|纯电|插混|插电|混动)",
    _I,
)
_SEG_ALL = re.compile(
    r"\b(?:total vehicles?\b|all vehicles\b|all (?:new )?(?:passenger )?cars?\b"
    r"|all (?:new )?passenger (?:vehicles?|car)\b|overall vehicle|total (?:auto|car|vehicle)\b"
    r"|total (?:output|production|sales|deliveries)|vehicle (?:output|production|sales) "
    r"(?:overall|in total)|including (?:both )?(?:fuel|combustion|petrol)|all powertrains"
    # "China's vehicle outputs and sales": all vehicles, when no energy word comes before
    r"|(?<!energy )(?<!electric )(?<!nev )(?<!ev )vehicle outputs? and sales"
    # "passenger vehicle retail sales", "passenger vehicles, including cars, SUVs and MPVs,
    # retailed": every powertrain (as 乘用车零售)
    r"|(?<!energy )(?<!electric )(?<!nev )(?<!ev )(?<!plug-in )(?<!hybrid )(?<!fuel-cell )"
    r"passenger (?:vehicle|car)s? (?:(?:retail|wholesale) )?(?:sales|output|production)"
    r"|passenger (?:vehicle|car)s,? (?:including|counting) (?:sedans|cars)\b)"
    r"|(?=[\u4e00-\u9fff])(?:整车|(?<!新能源)汽车总|(?:(?<=[省市国月年度的,，、])|(?<=全国)|^)(?:汽车产量|汽车销量|汽车产销|汽车生产|汽车销售|汽车(?:企业)?出口)"
    r"|(?<!新能源)(?<!新能源车)乘用车(?:市场)?(?:零售|批发|销量|产量)|整体"
    # (not "新能源汽车总销量": the total of the new energy vehicles)
    r"|(?<!新能源汽车)(?<!新能源乘用车)(?<!新能源车)(?:总销量|总产量|总交付))",
    _I,
)


_SEG_TRIGGER = re.compile(
    r"[新电混插整总]|汽车产|汽车生|汽车销|汽车(?:企业)?出|乘用车|ev|electri|energy|total|overall|all|fuel|combustion"
    r"|powertrain|petrol|outputs? and sales|passenger",
    _I,
)


# NEV, EV, BEV, PHEV end a word; the other _SEG_NEV words hold one of _NEV_NEEDLES
_EV_END = re.compile(r"evs?\b")
_NEV_NEEDLES = ("energy", "electri", "plug-in", "新能源", "电动", "纯电", "插混", "插电", "混动")
_ALL_NEEDLES = (
    "total", "all vehicles", "all ", "overall vehicle", "vehicle ", "including", "all powertrains",
    "整车", "汽车", "整体", "总", "乘用车", "passenger",
)  # fmt: skip
_NEV_NEEDLE, _ALL_NEEDLE = _any_of(_NEV_NEEDLES), _any_of(_ALL_NEEDLES)


_SEG_TRIGGER_LOWER = _lowered(_SEG_TRIGGER)
_SEG_NEV_LOWER = _lowered(_SEG_NEV)
_SEG_ALL_LOWER = _lowered(_SEG_ALL)


def segment_hits(text: str) -> list[Hit]:
    if _ODD_CASE.search(text):
        if not _SEG_TRIGGER.search(text):
            return []
        hits = [Hit("nev", m.start(), m.end()) for m in _SEG_NEV.finditer(text)]
        hits += [Hit("all", m.start(), m.end()) for m in _SEG_ALL.finditer(text)]
        return sorted(hits, key=lambda h: h.start)
    low = text.lower()
    if not _SEG_TRIGGER_LOWER.search(low):
        return []
    hits = []
    if _EV_END.search(low) or _NEV_NEEDLE.search(low):
        hits += [Hit("nev", m.start(), m.end()) for m in _SEG_NEV_LOWER.finditer(low)]
    if _ALL_NEEDLE.search(low):
        hits += [Hit("all", m.start(), m.end()) for m in _SEG_ALL_LOWER.finditer(low)]
    return sorted(hits, key=lambda h: h.start)


# a rate; "52,6%" is a decimal comma (never thousands: two digits at most after it)
_PCT = r"(\d+(?:\.\d+|,\d{1,2}(?!\d))?)\s*(%|％|percent(?!age)|per cent|倍)"
_GROWTH_EN = re.compile(
    r"\b(up|rose|rising|rise|increas(?:e|ed|es|ing)|grew|grow|growing|growth|gain(?:ed|ing)?"
    r"|jump(?:ed|ing)?|surg(?:ed|ing|e)|soar(?:ed|ing)?|climb(?:ed|ing)?|expand(?:ed|ing)?"
    r"|advanc(?:ed|ing)|higher|down|fell|fall(?:ing)?|declin(?:ed|ing|e)|decreas(?:ed|ing|e)"
    r"|drop(?:ped|ping)?|slipp(?:ed|ing)|dipp(?:ed|ing)|eas(?:ed|ing)|slid(?:e)?|sliding"
    r"|plung(?:ed|ing)|slump(?:ed|ing)?|lower|tumbl(?:ed|ing))"
    r"(?:\s+of)?\s+(?:by\s+)?(?:(?:nearly|about|around|some|over|more than|approximately|almost"
    r"|roughly|close to|an?|just)\s+)*" + _PCT,
    _I,
)
# the rate before its word: "a 31.9% decrease YoY", "58.1 percent more than a year earlier"
_GROWTH_NOUN_EN = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent(?!age)|per cent)\s+"
    r"(?:(?:year|month)[- ](?:on|over)[- ](?:year|month)\s+|yoy\s+|mom\s+)?"
    r"(increase|rise|gain|jump|leap|climb|hike|growth|surge|decrease|decline|drop|fall|dip|slump"
    r"|plunge|slide|more|higher"
    r"|fewer|less|lower)\b",
    _I,
)
_GROWTH_ZH = re.compile(
    r"(同比|环比)?(?:[^，,。；;\d%]{0,4}?)(增幅|涨幅|降幅|增长|增加|上升|提升|上涨|大增|上扬|攀升|飙升"
    r"|激增|暴增|跃升|增|下降|下滑|减少|下跌|降|减|回落|升|涨|跌)"
    r"(?:了|约|近|超过?|逾|达到?|为|高达|均为|均|都为|都是)?\s*" + _PCT
)
# the second rate of "同比分别增长40%和41.7%": the first belongs to a figure before the last one
_ZH_PAIR_SECOND = re.compile(r"\s*(?:和|、|，|,|与)\s*" + _PCT)
_ZH_JOINED_RATE = re.compile(
    r"\s*(?:和|、|与|及)\s*(?:产量|销量|出口量?|交付量?)?(?:同比|环比|按年|按月)?\s*"
)
# a period word inside the gap of _GROWTH_ZH: "产量环比下降", HK "按月增长", TW "月增"
_ZH_MARKER = re.compile(r"同比|环比|按年|按月|按季|[年月季](?=[增减])")
# every English rate has one of these (perf: both English patterns need one)
_RATE_HINT = re.compile(r"%|％|percent|per cent|倍", _I)
# every Chinese rate has one of these characters
_ZH_GROWTH_HINT = re.compile(r"[增升涨扬降减落滑跌翻比倍]")
_DOUBLE_ZH = re.compile(r"(同比|环比)?(翻番|翻倍|翻了一番)")
# "是去年同期的3.2倍": 3.2 times the count a year earlier, up 220%
_TIMES_ZH = re.compile(r"(?:是|为|达)(去年|上年|上月)同期?的\s*(\d+(?:\.\d+)?)\s*倍")
_TIMES_EN = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s+times\s+(?:(month[- ](?:on|over|to)[- ]month)"
    r"|year[- ](?:on|over)[- ]year|yoy\b|from a year (?:earlier|ago|before))",
    _I,
)
# "deliveries doubled from a year earlier": growth said in words
_MULTIPLIED_EN = re.compile(r"\b(doubled|tripled|trebled|quadrupled|halved)\b", _I)
_MULTIPLIED_PCT = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0,
                   "halved": -50.0}  # fmt: skip
_SIGNED_ZH = re.compile(r"(同比|环比)\s*([+＋\-−])\s*(\d+(?:\.\d+)?)\s*[%％]")
_NEGATIVE = re.compile(
    r"down|fell|fall|declin|decreas|drop|slid|slip|dip|eas|plung|slump|lower|tumbl|fewer|less"
    r"|下降|下滑|减少|下跌|降|减|回落|跌",
    _I,
)
_OVER = r"[- ](?:on|over)[- ]"
_AND_PCT = re.compile(
    rf"\s*(?:year{_OVER}year|month{_OVER}month|yoy|mom|(?:from )?a year (?:earlier|ago|before)"
    r"|on[- ](?:the\s+)?(?:month|year))?"
    r"\s*(?:,|and|,\s*and)\s*(up|down)?\s*"
    r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)"
    rf"(?=\s*(?:month{_OVER}month|year{_OVER}year|quarter{_OVER}quarter|yoy\b|mom\b|qoq\b"
    r"|from|sequentially|compared|on a year|on[- ](?:the\s+)?(?:month|year)\b|than))",
    re.I,
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MOM = re.compile(
    rf"month{_OVER}month|month[- ]to[- ]month|\bmom\b|m/m|m-o-m"
    r"|(?:from|over|than|on|versus|compared (?:with|to)) (?:in )?(?:that of )?(?:the )?(?:previous"
    r"|prior|last|preceding) month"
    # ("9% more than in the month before")
    r"|\b(?:from|than)(?: in)? (?:a|the) month (?:earlier|ago|before)"
    # ("than the 5,092 units of August": its base said, the month of that count)
    rf"|\b(?:from|than|over|on|with)(?: in| of| (?:sold|delivered|shipped) in)? {_MONTHS}\b"
    r"(?!,? (?:last year|of |a year|\d))"
    r"|sequential|环比|按月"
    r"|(?<![\w-])on[- ](?:the\s+)?month\b",  # "down 37.2% on-month"
    _I,
)
_YOY = re.compile(
    rf"year{_OVER}year|\byoy\b|y/y|y-o-y|a year (?:earlier|ago|before)|same period"
    r"|(?<![\w-])on[- ](?:the\s+)?year\b"
    r"|from (?:a|the) year|annual(?:ly)?|\blast year\b|(?:previous|prior) year|同比|按年",
    _I,
)
# a rate against the previous quarter, or against the whole of last year ("1.9 million in the
# first 11 months, up 30% over the whole of last year"), belongs to neither field
_QOQ = re.compile(
    r"\b(?:over|than|from|on|compared (?:with|to))\s+(?:the\s+)?(?:whole|entire|full)\s+(?:of\s+)?"
    r"(?:last|the previous|the prior)\s+year|比上年全年|比去年全年|较去年全年"
    rf"|quarter{_OVER}quarter|\bqoq\b|q/q"
    r"|\b(?:of|in|from|over|than|(?:compared|as compared) (?:with|to)) the (?:first|second|third"
    r"|fourth|previous|prior|preceding|last) quarter"
    r"|\bfrom (?:a|the) quarter (?:earlier|ago|before)",
    _I,
)


# a digit that starts a number, not a year ("from April 2024" names its year)
_DIGIT = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")
_TO_AFTER = re.compile(r"\s*(?:to|至)\b")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")


# "up 26% from 3,692 in October": a base number between the rate and the words naming its time
_BASE_NUMBER = re.compile(
    r"(?P<word>\s*(?:(?:more|less|fewer|higher|lower)\s+)?(?:from|than|over|compared (?:with|to)"
    r"|versus))\s+(?:the\s+)?[\d,.]+"
    r"(?:\s*million)?"
    r"(?:\s+(?:units|vehicles|cars|NEVs|EVs))?(?:\s+(?:it|the company|the firm) (?:sold|delivered)"
    r"(?: abroad| overseas)?)?",
    _I,
)


# "rose 65.8 percent to 54,811 compared with ...": the number the rate led to
_TO_NUMBER = re.compile(
    r"\s*to\s+(?:a record\s+)?[\d,.]+(?:\s*million)?(?:\s+(?:units|vehicles|cars|NEVs|EVs))?"
    r"(?=\s*,?\s*(?:from|than|over|compared|versus|as compared)\b)",
    _I,
)


def _after_rate(text: str, end: int) -> str:
    """The words after a rate, up to the next number; past the number of a base the rate is
    taken against ("from 3,692 in October"), and past the number it led to when words naming
    the base follow it ("up 65.8% to 54,811 compared with the previous quarter")."""
    led_to = _TO_NUMBER.match(text, end)
    if led_to is not None:
        return _DIGIT.split(text[led_to.end() : led_to.end() + 40], maxsplit=1)[0]
    base = _BASE_NUMBER.match(text, end)
    if base is not None:
        rest = _DIGIT.split(text[base.end() : base.end() + 30], maxsplit=1)[0]
        return f"{base['word']} {rest.strip()}"
    return _DIGIT.split(text[end : end + 40], maxsplit=1)[0]


# the kind said right before a rate: "the month-on-month growth of 8.7%", "y-o-y growth of"
_KIND_RIGHT_BEFORE = re.compile(
    rf"(?:(month)|year){_OVER}(?:month|year)\s+$|(?:(m-o-m|mom)|y-o-y|yoy)\s+$", _I
)


def _is_mom(text: str, start: int, end: int) -> bool:
    before = _KIND_RIGHT_BEFORE.search(text, max(0, start - 16), start)
    if before is not None:
        return bool(before.group(1) or before.group(2))
    after = _after_rate(text, end)
    if _MOM.search(after):
        return True
    if _YOY.search(after):
        return False
    return bool(_MOM.search(text[max(0, start - 20) : start]))


SHARE = re.compile(
    r"\bshare\b|penetration|utili[sz]ation|accounting for|\baccounted for|占比"
    r"|份额|渗透率|利用率|比重|占(?!据)",
    _I,
)


_GROWTH_EN_LOWER = _lowered(_GROWTH_EN)
_GROWTH_NOUN_EN_LOWER = _lowered(_GROWTH_NOUN_EN)
_MULTIPLIED_EN_LOWER = _lowered(_MULTIPLIED_EN)


@dataclass(frozen=True, slots=True)
class Growth:
    start: int
    end: int
    pct: float
    mom: bool
    # the first of "up A% and B%": placeable only on the first of two numbers said together
    paired: bool = False
    # "同比增长均为1.2倍": the rate of every number before it
    each: bool = False


def _signed(value: str, unit: str, word: str) -> float:
    pct = round(float(value.replace(",", ".")) * (100 if unit == "倍" else 1), 4)
    return -pct if _NEGATIVE.match(word) else pct


def _search_in(
    text: str, pattern: re.Pattern[str], lowered: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; through its lowered twin (see _lowered) when that is the
    same. The matched strings are lower case then: use positions, or lower-cased words."""
    if _ODD_CASE.search(text):
        return pattern.finditer(text)
    return lowered.finditer(text.lower())


def _growth_en(text: str) -> list[Growth]:
    """ "up 90 percent year on year", "rose 5% and 3% month on month", "a 31.9% decrease"."""
    out: list[Growth] = []
    if not _RATE_HINT.search(text):
        return out
    for m in _search_in(text, _GROWTH_EN, _GROWTH_EN_LOWER):
        if _TO_AFTER.match(text[m.end(1) : m.end(1) + 4]):
            continue
        value = _signed(m.group(2), m.group(3), m.group(1))
        first = Growth(m.start(), m.end(), value, _is_mom(text, m.start(), m.end()))
        more = _AND_PCT.match(text, m.end())
        if not more:
            out.append(first)
            continue
        sign = more.group(1).lower() if more.group(1) else ("up" if value >= 0 else "down")
        extra = float(more.group(2)) * (-1 if sign == "down" else 1)
        second = Growth(more.start(), more.end(), extra, _is_mom(text, more.start(), more.end()))
        if not _MOM.search(own := _after_rate(text, m.end())) and not _YOY.search(own):
            # "up 26.6 percent and 33.4 percent month on month": both of the kind said after
            first = replace(first, mom=second.mom)
        # "rising 12.7 percent and 12.0 percent": two figures' rates, only the last is placeable
        same_kind = second.mom == first.mom and not _QOQ.search(_after_rate(text, second.end))
        out.extend([replace(first, paired=True), second] if same_kind else [first, second])
    for m in _search_in(text, _GROWTH_NOUN_EN, _GROWTH_NOUN_EN_LOWER):
        if any(g.start <= m.start() < g.end for g in out):
            continue
        value = _signed(m.group(1), "%", m.group(2))
        said = text[m.start() : m.end()]  # "a 26.5% month-over-month increase": its own kind
        mom = bool(_MOM.search(said)) or (
            not _YOY.search(said) and _is_mom(text, m.start(), m.end())
        )
        out.append(Growth(m.start(), m.end(), value, mom))
    return out


_AGAINST_A_MONTH_ZH = re.compile(r"比\s*(?:上个?月|\d{1,2}\s*月份?)\s*\S{0,2}$")


def _growth_zh(text: str) -> list[Growth]:
    """ "同比增长1.5倍", "产量环比下降0.3%", "按年增长57.9%"; of "分别增长A%和B%" only B."""
    out: list[Growth] = []
    if not _ZH_GROWTH_HINT.search(text):
        return out
    for m in _GROWTH_ZH.finditer(text):
        if text[m.end(2) : m.end(2) + 1] in ("至", "到"):
            continue
        value = _signed(m.group(3), m.group(4), m.group(2))
        marker = m.group(1)
        start = m.start() if marker else m.start(2)
        # "环比增长4.5%和下降0.6%", "产量同比增长1.7%、销量同比下降0.6%": two rates of a kind,
        # the two numbers' in order
        joined = bool(out) and _ZH_JOINED_RATE.fullmatch(text, out[-1].end, m.start(2))
        if joined and (marker is None or (marker in ("环比", "按月")) == out[-1].mom):
            marker = marker or ("环比" if out[-1].mom else "同比")
            out[-1] = replace(out[-1], paired=True)
        elif marker is None:
            inside = list(_ZH_MARKER.finditer(text[: m.start(2) + 1], m.start()))
            if inside:
                marker, start = inside[-1].group(0), inside[-1].start()
            else:
                before = text[max(0, m.start() - 6) : m.start()]
                # "10月…比9月下降8.91%": against a month named, the month before
                against_a_month = _AGAINST_A_MONTH_ZH.search(text, max(0, m.start() - 8), m.end(2))
                marker = "环比" if "环比" in before or against_a_month else "同比"
        if marker in ("按季", "季"):
            continue  # "季增35%": against the quarter before, neither field
        mom = marker in ("环比", "按月", "月")
        if "均" in text[m.end(2) : m.start(3)] or "都" in text[m.end(2) : m.start(3)]:
            out.append(Growth(start, m.end(), value, mom, each=True))
            continue
        # "产销分别达到X和Y，同比增长A%和B%": 分别 said once for both pairs
        pair = "分别" in text[: m.end()]
        second = _ZH_PAIR_SECOND.match(text, m.end()) if pair else None
        if second:
            out.append(Growth(start, second.start(), value, mom, paired=True))
            value = _signed(second.group(1), second.group(2), m.group(2))
            out.append(Growth(second.start(), second.end(), value, mom))
        else:
            out.append(Growth(start, m.end(), value, mom))
    for m in _DOUBLE_ZH.finditer(text) if "翻" in text else ():
        out.append(Growth(m.start(), m.end(), 100.0, m.group(1) == "环比"))
    for m in _TIMES_ZH.finditer(text) if "倍" in text else ():
        out.append(Growth(m.start(), m.end(), round((float(m[2]) - 1) * 100, 2), m[1] == "上月"))
    for m in _SIGNED_ZH.finditer(text) if "比" in text else ():
        value = float(m.group(3)) * (-1 if m.group(2) in "-−" else 1)
        out.append(Growth(m.start(), m.end(), value, m.group(1) == "环比"))
    return out


def growth_hits(text: str) -> list[Growth]:
    """Growth rates in ``text``: +/- percent, year on year unless month on month is said; a
    rate against the previous quarter is left out."""
    out = _growth_en(text) + _growth_zh(text)
    for m in _search_in(text, _MULTIPLIED_EN, _MULTIPLIED_EN_LOWER):
        pct = _MULTIPLIED_PCT[m.group(1).lower()]
        out.append(Growth(m.start(), m.end(), pct, _is_mom(text, m.start(), m.end())))
    for m in _TIMES_EN.finditer(text) if "times" in text else ():
        # "1.6 times year-on-year", the English of 1.6倍: a rise of 160%
        out.append(Growth(m.start(), m.end(), round(float(m.group(1)) * 100, 4), bool(m.group(2))))
    out = [
        g
        for g in out
        if not _QOQ.search(_after_rate(text, g.end))
        and not _SHARE_VERB_BEFORE.search(text, max(0, g.start - 8), g.start)
        and not _SHARE_OF_AFTER.match(text, g.end)
        and not _BASE_RATE_BEFORE.search(text, max(0, g.start - 20), g.start)
        and not _PRICE_OF_A_SHARE_BEFORE.search(text, max(0, g.start - 40), g.start)
    ]
    return sorted(out, key=lambda g: g.start)


MONEY_SIGN = re.compile(r"[$¥€£￥]|\b(?:yuan|RMB|dollars?|euros?)\b", _I)
# "its Hong Kong-listed stock is up 120 per cent", 股价上涨5%: a share price, not a count
_PRICE_OF_A_SHARE_BEFORE = re.compile(
    r"\b(?:stocks?|shares?|share price|market (?:value|capitali[sz]ation|cap))\b[^,;.\d]{0,24}$"
    r"|股价[^，,；;。\d]{0,8}$",
    _I,
)
# "to 2.1 million from a 13.9% rise in May": the rate of another time, compared against
_BASE_RATE_BEFORE = re.compile(r"\b(?:from|after|versus|compared with|against)\s+(?:an?\s+)?$", _I)
# "making up 3.5 per cent of China's total", "taking up 9%": a share, not a growth rate
_SHARE_VERB_BEFORE = re.compile(r"\b(?:mak(?:e|es|ing)|made|tak(?:e|es|ing)|took)\s+$", _I)
_SHARE_OF_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:national|nationwide|country|China|total|overall|all)\b", _I
)


_RECORD = re.compile(
    r"\brecord(?![- ]?ed|ing)\b|all[- ]time high|\bnew high|best[- ]ever|highest[- ]ever"
    r"|best month ever|historic high|创历史新高|创新高|历史新高|创纪录|新纪录|历史最高"
    r"|历史最好|历史最佳",
    _I,
)
_FIRST = re.compile(
    r"\bfor the first time\b|\bfirst[- ]ever\b|\bfirst time\b|首次|第一次|首度|首破", _I
)
_STREAK_EN = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|2nd|3rd|\d+th)"
    r"[ -](?:straight|consecutive|successive|back-to-back)[ -](?:months?|quarters?)\b"
    r"|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months?\s+in\s+a"
    r"\s+row",
    _I,
)
_STREAK_ZH = re.compile(r"连续\s*(\d{1,2}|十一|十二|[一二两三四五六七八九十])\s*个?\s*(?:月|季度)")
# a run of declines: "连续三个月环比下降", "fell for the third straight month", "months of decline"
_DECLINE_STREAK = re.compile(
    r"[^，,。；;]{0,8}?(?:下降|下滑|减少|回落|下跌|负增长|萎缩|走低)"
    r"|\b(?:fell|falls?|declin(?:ed|es|e)|dropped|drops?|decreased|slid|shrank|contracted)\b"
    r"|\bof (?:decline|decrease|drop|fall|contraction)s?\b",
    _I,
)


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    claim: str


# one of these is in every match of the claim patterns (lower case)
_RECORD_NEEDLES = ("record", "time high", "new high", "ever", "historic high", "创", "历史", "纪录")
_FIRST_NEEDLES = ("first", "首", "第一次")
_STREAK_NEEDLES = ("straight", "consecutive", "successive", "back-to-back", "row")
_RECORD_NEEDLE, _FIRST_NEEDLE = _any_of(_RECORD_NEEDLES), _any_of(_FIRST_NEEDLES)
_STREAK_NEEDLE = _any_of(_STREAK_NEEDLES)


def claim_hits(text: str) -> list[Claim]:
    low = text.lower()
    odd = _ODD_CASE.search(text)
    out = []
    if odd or _RECORD_NEEDLE.search(low):
        out += [Claim(m.start(), m.end(), "record") for m in _RECORD.finditer(text)]
    if odd or _FIRST_NEEDLE.search(low):
        out += [Claim(m.start(), m.end(), "first_time") for m in _FIRST.finditer(text)]
    streak = odd or _STREAK_NEEDLE.search(low) is not None
    for m in _STREAK_EN.finditer(text) if streak else ():
        if _DECLINE_STREAK.search(text, max(0, m.start() - 30), min(len(text), m.end() + 20)):
            continue  # "fell for the third straight month": a run of declines, no claim up
        token = (m.group(1) or m.group(2)).lower()
        token = _ORDINAL_SUFFIX.sub("", token)
        n = small_int(token)
        out.append(Claim(m.start(), m.end(), f"streak:{n}"))
    for m in _STREAK_ZH.finditer(text) if "连续" in text else ():
        if _DECLINE_STREAK.match(text, m.end()):
            continue  # "已连续三个月环比下降"
        out.append(Claim(m.start(), m.end(), f"streak:{small_int(m.group(1))}"))
    return sorted(out, key=lambda c: c.start)


_QUALIFIER_BEFORE_LOWER = [(name, _lowered(pattern)) for name, pattern in QUALIFIER_BEFORE]


def qualifier_before(text_before: str) -> str | None:
    if _ODD_CASE.search(text_before):
        patterns, text = QUALIFIER_BEFORE, text_before
    else:
        patterns, text = _QUALIFIER_BEFORE_LOWER, text_before.lower()
    for name, pattern in patterns:
        if pattern.search(text):
            return name
    return None


def is_threshold(text_after: str) -> bool:
    """ "the 20,000-unit mark", "7万辆大关": the number is a threshold crossed (at least)."""
    return bool(_MARK_AFTER.search(text_after))
