"""Words around a number: which metric, which segment, growth rates, claims, and the traps.

Owns the vocabulary: "delivered"/交付 -> deliveries, "output"/产量 -> production, "sold"/销量 ->
sales, "exported"/出口 -> exports; "new energy"/新能源 -> nev, "total vehicle"/整车 -> all;
"up 90 percent year on year"/同比增长1.5倍 -> yoy; 环比 -> mom; record / first time / Nth
straight month / 连续N个月; and the words that make a number something other than an actual
vehicle figure (targets, capacity, forecasts, orders, stores, prices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.figures.periods import small_int

_I = re.IGNORECASE

METRIC_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "exports",
        re.compile(
            r"\bexport(?:s|ed|ing)?\b|\bshipped (?:abroad|overseas)|\boverseas sales"
            r"|出口|海外销量|海外销售|出海",
            _I,
        ),
    ),
    (
        "deliveries",
        re.compile(
            r"\bdeliver(?:ed|ies|y|ing|s)?\b|\bhand(?:ed|s|ing)? over\b|\bhandovers?\b|交付|交车"
            r"|\bhand(?:ed|s)\b(?=[^.]{0,40}\bto (?:customers|buyers|owners|users))",
            _I,
        ),
    ),
    (
        "production",
        re.compile(
            r"\bproduc(?:ed|tion|es|e|ing)\b|\boutput\b|\bmanufactur(?:ed|ing|es)\b|\brolled off\b"
            r"|\brolls off\b|\bbuilt\b|\bassembled\b|\boff the (?:production |assembly )?lines?\b"
            r"|\bmade\b(?=\s+(?:about |nearly |over |more than |some |around )?\d)|产量|生产"
            r"|产出|下线"
            r"|年产(?!能)|达产|制造|产(?=\d)",
            _I,
        ),
    ),
    (
        "sales",
        re.compile(
            r"\bsold\b|\bsales\b|\bsell(?:s|ing)?\b|\bretail(?:ed)?\b|\bwholesale(?:s|d)?\b"
            r"|\bregistrations\b|销量|销售|售出|卖出|批发|零售|上险|(?<!产)销(?=\d)",
            _I,
        ),
    ),
]
_PRODSALES = re.compile(r"产销|production and sales|output and sales", _I)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    start: int
    end: int


def metric_hits(text: str) -> list[Hit]:
    hits = [
        Hit(metric, m.start(), m.end())
        for metric, pattern in METRIC_PATTERNS
        for m in pattern.finditer(text)
    ]
    for m in _PRODSALES.finditer(text):
        hits = [h for h in hits if not (m.start() <= h.start < m.end())]
        hits.append(Hit("prodsales", m.start(), m.end()))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


# Words that make a number something other than an actual vehicle figure, in its clause.
TRAP = re.compile(
    r"\btargets?\b|\bgoals?\b|\baim(?:s|ed|ing)?\b|\bplan(?:s|ned|ning)?\b|\bexpect(?:s|ed|ing)?\b"
    r"|\bforecasts?\b|\bforecasted\b|\bprojected\b|\bprojections?\b|\bestimat(?:e|es|ed)\b"
    r"|\bguidance\b|\boutlook\b|\bwill\b|\bwould\b|\bcould\b|(?-i:\bmay\b)|\bmight\b|\bshould\b"
    r"|\bintend(?:s|ed)?\b|\bpledge[sd]?\b|\bcapacit(?:y|ies)\b|\bable to\b|\bequipped to\b"
    r"|\bdesigned to\b|\borders?\b|\border intake\b|\bbookings?\b|\breservations?\b"
    r"|\bpre-?orders?\b|\bstores?\b|\bshowrooms?\b|\boutlets?\b|\bcharging\b|\bchargers?\b"
    r"|\bstations?\b|\bpiles?\b|\bemployees?\b|\bstaff\b|\bworkers?\b|\bprice[sd]?\b"
    r"|\bpricing\b|\bworth\b|\bvalued?\b|\brevenue\b|\butili[sz]ation\b|\bon track to\b"
    r"|\bseeks? to\b|\bhopes? to\b|\bwants? to\b|\bstriv(?:e|es|ing)\b|\bambitions?\b"
    r"|\bquotas?\b|\bscheduled to\b|\bset to\b|\bpoised to\b|\bpotential\b|\bup to\b"
    r"|\bbudget\b|\bcoming year\b|\bnext year\b|\bprojects?\b|\bthreshold of\b|\bif\b"
    r"|\bunless\b|\brecalls?\b|\brecalled\b|\bmarket share\b|\bwaiting list\b|\bbacklog\b"
    r"|\bdownloads?\b|\bparc\b|\bon the road\b|\busers?\b|\bfollowers\b|\bkilomet(?:er|re)s\b"
    r"|\bmiles\b"
    r"|目标|计划|预计|预期|有望|(?<!即)将(?!近)|即将|力争|规划|预测|争取|冲刺|产能|年产(?=\d|能)"
    r"|可年产|订单|订购|预订|预定|大定|小订|锁单|门店|网点|充电|换电站|桩|员工|价格|售价|利用率"
    r"|设计|具备|能力|拟|或将|保有|估计|有望|计划|任务|召回|用户|里程|公里|千米|项目",
    _I,
)
# The forward-looking part of TRAP: a period named in such a clause is not the period later
# sentences report on ("worth 43 billion yuan in the first 11 months" still sets the period).
FORECAST = re.compile(
    r"\btargets?\b|\bgoals?\b|\baim(?:s|ed|ing)?\b|\bplan(?:s|ned|ning)?\b|\bexpect(?:s|ed|ing)?\b"
    r"|\bforecasts?\b|\bprojected\b|\bestimat(?:e|es|ed)\b|\bguidance\b|\boutlook\b|\bwill\b"
    r"|\bwould\b|\bcould\b|(?-i:\bmay\b)|\bmight\b|\bon track to\b|\bset to\b|\bpoised to\b"
    r"|\bnext year\b|目标|计划|预计|预期|有望|(?<!即)将(?!近)|即将|力争|规划|预测|争取|拟|或将",
    _I,
)
# A sentence introduced like this is about plans, whatever its clauses say.
SENTENCE_TRAP = re.compile(
    r"according to (?:the|its) plans?|根据规划|按照规划|按照计划|根据计划|规划显示", _I
)
# "200,000 vehicles a year" after the number: a capacity
CAPACITY_AFTER = re.compile(
    r"^\s*(?:(?:a|per|each|every) (?:year|annum)|annually|yearly|/年|每年)", _I
)
# "from 45,000", "compared with 45,000", "比...": a comparison base, not this period's figure
BASE_BEFORE = re.compile(
    r"(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\b(?:higher|lower|up"
    r"|down) than|去年同期为?|上年同期为?"
    r"|同期为|比|较|高于|低于|多于|少于)\s*(?:a |just |only |about |around |nearly )?$",
    _I,
)
BASE_AFTER = re.compile(r"^\s*(?:a year (?:earlier|ago|before)|in the same period|year-ago)", _I)

# qualifier words right before the number
QUALIFIER_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    (
        "at_most",
        re.compile(
            r"(?:\bunder|\bless than|\bbelow|\bfewer than|\bno more than|\bjust shy of|\bshort of"
            r"|不足|不到|低于|未满|少于)\s*(?:the\s+)?$",
            _I,
        ),
    ),
    (
        "approx",
        re.compile(
            r"(?:\babout|\bnearly|\baround|\bsome|\bclose to|\broughly|\bapproximately|\balmost"
            r"|\bapproaching|\bcirca|\ban estimated|~|约|近|接近|将近|大约|约为"
            r"|逾近)\s*(?:the\s+)?$",
            _I,
        ),
    ),
    (
        "at_least",
        re.compile(
            r"(?:(?<!handed )(?<!hand )(?<!hands )(?<!handing )(?<!took )(?<!turned )\bover"
            r"|\bmore than|\btopped|\btops?|\btopping|\bcleared?|\bclearing|\bexceed(?:ed|s|ing)?"
            r"|\bbroke(?: through)?|\bbreaking|\bbreaks|\bbeyond|\bsurpass(?:ed|es|ing)?"
            r"|\bpass(?:ed|es)?"
            r"|\bpassing|\bcrossed|\bcrossing|\babove|\bat least|\bin excess of|\bupwards of"
            r"|\bnorth of|\bpast|\bno fewer than|\bno less than|\bsurmounted|超过|超|突破|逾"
            r"|破|至少|不少于"
            r"|不低于|站上|跨过|迈过|跃上|跨越|越过|冲破|迈上)\s*(?:the\s+)?(?:a\s+)?$",
            _I,
        ),
    ),
]
_MARK_AFTER = re.compile(
    r"^\s*(?:-|\s)?(?:unit|vehicle|car)?s?\s*(?:mark|threshold|milestone|level"
    r"|barrier|line)\b|^[^，,。]{0,3}(?:大关|关口|门槛)",
    _I,
)

_SEG_NEV = re.compile(
    r"\bnew[- ]energy\b|\bNEVs?\b|\bEVs?\b|\belectric\b|\belectrified\b|\bplug-in\b|\bBEVs?\b"
    r"|\bPHEVs?\b|\bbattery[- ]electric|新能源|电动|纯电|插混|插电|混动",
    _I,
)
_SEG_ALL = re.compile(
    r"\btotal vehicles?\b|\ball vehicles\b|\boverall vehicle|\btotal (?:auto|car|vehicle)\b"
    r"|\btotal (?:output|production|sales|deliveries)|\bvehicle (?:output|production|sales) "
    r"(?:overall|in total)|\bincluding (?:both )?(?:fuel|combustion|petrol)|\ball powertrains"
    r"|整车|汽车总|(?<!新能源)(?:汽车产量|汽车销量|汽车产销)|整体|总销量|总产量|总交付",
    _I,
)


_SEG_TRIGGER = re.compile(
    r"[新电混插整总]|ev|electri|energy|total|overall|all|fuel|combustion"
    r"|powertrain|petrol",
    _I,
)


def segment_hits(text: str) -> list[Hit]:
    if not _SEG_TRIGGER.search(text):
        return []
    hits = [Hit("nev", m.start(), m.end()) for m in _SEG_NEV.finditer(text)]
    hits += [Hit("all", m.start(), m.end()) for m in _SEG_ALL.finditer(text)]
    return sorted(hits, key=lambda h: h.start)


_PCT = r"(\d+(?:\.\d+)?)\s*(%|％|percent(?!age)|per cent|倍)"
_GROWTH_EN = re.compile(
    r"\b(up|rose|rising|rise|increased?|increasing|grew|grow|growing|growth|gain(?:ed|ing)?"
    r"|jump(?:ed|ing)?|surg(?:ed|ing|e)|soar(?:ed|ing)?|climb(?:ed|ing)?|expand(?:ed|ing)?"
    r"|advanc(?:ed|ing)|higher|increase|down|fell|fall(?:ing)?|declin(?:ed|ing|e)|decreas(?:ed|ing|e)"
    r"|drop(?:ped|ping)?|slipp(?:ed|ing)|dipp(?:ed|ing)|eas(?:ed|ing)|slid(?:e)?|sliding|plung(?:ed|ing)|slump(?:ed|ing)?|lower|tumbl(?:ed|ing))"
    r"(?:\s+of)?\s+(?:by\s+)?(?:(?:nearly|about|around|some|over|more than|approximately|almost"
    r"|roughly|close to|an?|just)\s+)*" + _PCT,
    _I,
)
_GROWTH_ZH = re.compile(
    r"(同比|环比)?(?:[^，,。；;\d%]{0,4}?)(增长|增加|上升|提升|上涨|大增|增|下降|下滑|减少|下跌|降|减|回落)"
    r"(?:了|约|近|超过?|逾)?\s*" + _PCT
)
_DOUBLE_ZH = re.compile(r"(同比|环比)?(翻番|翻倍|翻了一番)")
# "deliveries doubled from a year earlier": growth said in words
_MULTIPLIED_EN = re.compile(r"\b(doubled|tripled|trebled|quadrupled|halved)\b", _I)
_MULTIPLIED_PCT = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0,
                   "halved": -50.0}  # fmt: skip
_SIGNED_ZH = re.compile(r"(同比|环比)\s*([+＋\-−])\s*(\d+(?:\.\d+)?)\s*[%％]")
_NEGATIVE = re.compile(
    r"down|fell|fall|declin|decreas|drop|slid|slip|dip|eas|plung|slump|lower|tumbl|下降|下滑|减少|下跌|降|减|回落",
    _I,
)
_AND_PCT = re.compile(
    r"\s*(?:year[- ]on[- ]year|month[- ]on[- ]month)?\s*(?:,|and|,\s*and)\s*(up|down)?\s*"
    r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)(?=\s*(?:month[- ]on[- ]month|year[- ]on[- ]year"
    r"|from|sequentially|compared))",
    re.I,
)
_MOM = re.compile(
    r"month[- ]on[- ]month|\bmom\b|m/m|from (?:the )?(?:previous|prior) month"
    r"|sequential|环比",
    _I,
)
_YOY = re.compile(
    r"year[- ]on[- ]year|\byoy\b|y/y|a year (?:earlier|ago|before)|same period"
    r"|from (?:a|the) year|annual(?:ly)?|同比",
    _I,
)


def _is_mom(text: str, start: int, end: int) -> bool:
    after = re.split(r"\d", text[end : end + 30], maxsplit=1)[0]
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


@dataclass(frozen=True, slots=True)
class Growth:
    start: int
    end: int
    pct: float
    mom: bool


def growth_hits(text: str) -> list[Growth]:
    """Growth rates in ``text``: +/- percent, year on year unless month on month is said."""
    out: list[Growth] = []
    for m in _GROWTH_EN.finditer(text):
        if re.match(r"\s*(?:to|至)\b", text[m.end(1) : m.end(1) + 4]):
            continue
        value = float(m.group(2))
        if m.group(3) == "倍":
            value *= 100
        if _NEGATIVE.match(m.group(1)):
            value = -value
        mom = _is_mom(text, m.start(), m.end())
        out.append(Growth(m.start(), m.end(), value, mom))
        more = _AND_PCT.match(text, m.end())
        if more:
            extra = float(more.group(2)) * (
                -1
                if more.group(1) and more.group(1).lower() == "down"
                else (1 if more.group(1) else (1 if value >= 0 else -1))
            )
            out.append(
                Growth(more.start(), more.end(), extra, _is_mom(text, more.start(), more.end()))
            )
    for m in _GROWTH_ZH.finditer(text):
        if text[m.end(2) : m.end(2) + 1] in ("至", "到"):
            continue
        value = float(m.group(3))
        if m.group(4) == "倍":
            value *= 100
        if _NEGATIVE.match(m.group(2)):
            value = -value
        marker = m.group(1)
        if marker is None:
            before = text[max(0, m.start() - 6) : m.start()]
            marker = "环比" if "环比" in before else "同比"
        out.append(Growth(m.start(), m.end(), value, marker == "环比"))
    for m in _DOUBLE_ZH.finditer(text):
        out.append(Growth(m.start(), m.end(), 100.0, m.group(1) == "环比"))
    for m in _SIGNED_ZH.finditer(text):
        value = float(m.group(3)) * (-1 if m.group(2) in "-−" else 1)
        out.append(Growth(m.start(), m.end(), value, m.group(1) == "环比"))
    for m in _MULTIPLIED_EN.finditer(text):
        pct = _MULTIPLIED_PCT[m.group(1).lower()]
        out.append(Growth(m.start(), m.end(), pct, _is_mom(text, m.start(), m.end())))
    return sorted(out, key=lambda g: g.start)


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


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    claim: str


def claim_hits(text: str) -> list[Claim]:
    out = [Claim(m.start(), m.end(), "record") for m in _RECORD.finditer(text)]
    out += [Claim(m.start(), m.end(), "first_time") for m in _FIRST.finditer(text)]
    for m in _STREAK_EN.finditer(text):
        token = (m.group(1) or m.group(2)).lower()
        token = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", token)
        n = small_int(token)
        out.append(Claim(m.start(), m.end(), f"streak:{n}"))
    for m in _STREAK_ZH.finditer(text):
        out.append(Claim(m.start(), m.end(), f"streak:{small_int(m.group(1))}"))
    return sorted(out, key=lambda c: c.start)


def qualifier_before(text_before: str) -> str | None:
    for name, pattern in QUALIFIER_BEFORE:
        if pattern.search(text_before):
            return name
    return None


def is_threshold(text_after: str) -> bool:
    """ "the 20,000-unit mark", "7万辆大关": the number is a threshold crossed (at least)."""
    return bool(_MARK_AFTER.search(text_after))
