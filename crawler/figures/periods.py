"""Reporting periods: time expressions found in a sentence, resolved to (kind, start, end).

Owns "in November", "last month", "first 11 months", "January to October", "1-10月",
"前三季度", "Q3", "上半年", "year-to-date", "this year", "full-year", "cumulative", "as of
November 30", "On November 14 ... annual output" and the year inference against the publication
date (a month later than the publication month is last year's).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from crawler.figures.model import LIFETIME_START
from crawler.figures.numbers import NUMBER_RE, SMALL_NUMBERS, number_matches

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_EN_NUMS = SMALL_NUMBERS
# "the 11 months ended Nov. 30", "the six months to June": how many months a span to a month has
_SPAN_COUNTS = {
    **{word: n for word, n in _EN_NUMS.items() if n > 1},
    **{str(n): n for n in range(2, 13)},
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ZH_NUMS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}

_MON = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"  # not "Market", "Mayor"
)
_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ZN = r"(\d{1,2}|十一|十二|[一二两三四五六七八九十])"


def small_int(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _EN_NUMS.get(token) or _ORDINALS.get(token) or _ZH_NUMS[token]


_YEAR_FIELDS = ("year", "year_rel")
_PERIOD_FIELDS = (
    "month",
    "months",
    "quarter",
    "half",
    "ytd",
    "full_year",
    "annual",
    "last_month",
    "last_quarter",
)
# not inherited by a clause with its own time
_OPEN_FIELDS = ("lifetime", "since_start", "total", "rolling")
_SPAN_FIELDS = ("months", "quarter", "half", "full_year", "annual")
_END_FIELDS = ("month", "months", "quarter", "half")


@dataclass
class Parts:
    """Time components found in one scope (a clause, or the sentence lead)."""

    year: int | None = None
    year_rel: str | None = None  # "this" | "last" | "before" ("last October": the one before)
    month: int | None = None
    months: tuple[int, int] | None = None  # a range of months, e.g. (1, 10)
    quarter: int | None = None
    half: int | None = None
    day: tuple[int, int] | None = None  # (month, day)
    as_of: tuple[int, int | None] | None = None  # (month, day or None = end of month)
    year_end_of: int | None = None  # "截至2008年，": to the end of that year, once it has passed
    ytd: bool = False
    lifetime: bool = False
    since_start: bool = False  # 历史累计, 迄今: since the start, whatever months lead the clause
    full_year: bool = False
    annual: bool = False  # 年销量, 年产量: a year's level (full_year too)
    last_month: bool = False
    last_quarter: bool = False  # "last quarter", 上季度: the quarter before the running one
    prior_month: bool = False  # "previous month's": the month before the reported one
    this_month: bool = False
    that_month: bool = False  # 当月: the month the article is about
    month_said: bool = False  # "that month": the month said last, even of an event
    that_quarter: bool = False  # "for the quarter", 当季: the quarter of that month
    ended_quarter: bool = False  # "in the quarter": a quarter reported on has ended
    that_half: bool = False  # "over the half year": the half of that month
    that_period: bool = False  # "in the same six months": the period just reported on
    quarterly_claim: bool = False  # "another quarterly record": the quarter of that month
    alone: bool = False  # "in May alone", 仅4月, 单月: the month, not the year so far
    year_alone: bool = False  # a year said apart from any date ("output for 2024")
    year_when: bool = False  # "in 2014", "by 2014": when something happened, not what is counted
    total: bool = False  # "in total": lifetime unless the article counts a shorter period
    several: bool = False  # three or more months or quarters: a list, not one period
    rolling: bool = False  # "the last 12 months", 过去12个月: no calendar period
    past_months: int | None = None  # "over the past eleven months": the year so far, if it fits
    months_told: int | None = None  # "over the two months": the period just told, if that long
    the_year: bool = False  # "throughout the year": a year the text has named, else this one
    report_quarter: int | None = None  # "Q4 results": the quarter a report is of
    last_year_zh: bool = False  # 去年: "去年累计生产" is last year's total, not a running one
    this_month_zh: bool = False  # 本月: in a roundup early in the next month, the month reported
    now: bool = False  # "Today production has passed 10 million": counted up to the day it was said
    to_now: bool = False  # 截至目前: a running or yearly total counted up to the day it was said
    this_ytd: bool = False  # 今年 read as the year so far: this year's, whatever year others name
    spans: list[tuple[int, int]] = field(default_factory=list)
    components: list[tuple[int, int, dict[str, object]]] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)  # numbers with a time of their own

    @property
    def explicit(self) -> bool:
        if self.several:
            return False
        return (
            any(v is not None for v in (self.month, self.months, self.quarter, self.half))
            or self.last_month
            or self.last_quarter
            or self.month_said  # "that month": a month said before, by name
            or (self.year is not None and self.day is None)
        )

    @property
    def empty(self) -> bool:
        return not self.spans

    def merge(self, other: Parts) -> Parts:
        """``self`` completed with what ``other`` says (self wins on conflicts). A year said
        in ``self`` ("去年", "last year") is not completed by another year, and a period said
        in ``self`` is not turned into a lifetime by ``other`` ("since it opened in 2017, ...
        made 235,000 last year")."""
        out = Parts(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        # ("2022年，全年产量超过五百万辆；…今年的产量就已…": this year's)
        has_year = self.year is not None or self.year_rel is not None or self.this_ytd
        has_period = has_year or any(getattr(self, k) for k in _PERIOD_FIELDS)
        has_span = any(getattr(self, k) for k in _SPAN_FIELDS)  # "2023年全年", not its December
        # "32,000 were produced in September": another clause's span is not that month's
        has_month = self.month is not None
        for name in self.__dataclass_fields__:
            if name in ("spans", "components", "ties"):
                continue
            if (
                (has_year and name in _YEAR_FIELDS)
                or (has_period and name in _OPEN_FIELDS)
                or (has_span and name in _END_FIELDS)
                or (has_month and name in (*_SPAN_FIELDS, "ytd"))
                # "首次实现单月交付过万，10月累计交付新车突破10万辆": another clause's "alone"
                # does not make a running total one month's
                or (self.lifetime and name == "alone")
                # "When it released its first-quarter numbers, it said cumulative deliveries
                # as of March 31 stood at 192,838": a running total to the day said, not the
                # other clause's quarter
                or (self.lifetime and self.as_of is not None and name in _PERIOD_FIELDS)
            ):
                continue
            if getattr(out, name) in (None, False):
                setattr(out, name, getattr(other, name))
        out.spans = [*self.spans, *other.spans]
        out.components = [*self.components, *other.components]
        return out

    def tie_at(self, number_start: int) -> Tie | None:
        """The time that belongs to the number starting at ``number_start`` alone, if any."""
        return next((t for t in self.ties if t.number == number_start), None)

    def within(self, start: int, end: int) -> Parts:
        """The components found inside text[start:end]."""
        return self._only(lambda a, b: start <= a < end)

    def without(self, spans: set[tuple[int, int]]) -> Parts:
        """The components but those at ``spans``. What the others said stands as it stood (a
        merge's precedence included: "领克2017年11月上市，今年10月销量为5万辆" keeps this year
        and October); a field that a removed component said is read again from the others."""
        kept = self._only(lambda a, b: (a, b) not in spans)
        if not self.components:
            return kept
        out = self._copy(kept)
        for a, b, said in self.components:
            for name, value in said.items() if (a, b) in spans else ():
                if getattr(out, name) == value:
                    setattr(out, name, getattr(kept, name))
        return out

    def _copy(self, kept: Parts) -> Parts:
        """``self``'s fields with ``kept``'s components."""
        out = Parts(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        out.components, out.spans, out.ties = kept.components, kept.spans, kept.ties
        return out

    def _only(self, keep: Callable[[int, int], bool]) -> Parts:
        return Parts.of([(a, b, values) for a, b, values in self.components if keep(a, b)])

    @staticmethod
    def of(components: list[tuple[int, int, dict[str, object]]]) -> Parts:
        """The parts these components (start, end, fields they set) make up."""
        out = Parts()
        for a, b, values in components:
            out.components.append((a, b, values))
            out.spans.append((a, b))
            for k, v in values.items():
                setattr(out, k, v)
        return out


@dataclass(frozen=True, slots=True)
class Period:
    kind: str
    start: date
    end: date


@dataclass
class Tie:
    """A number with a time of its own, which beats the time of its clause.

    ``base``: the number is a comparison base ("up 8% from the 12,318 it sold in November",
    "较去年同期的114943辆"): an earlier figure of the same entity, whose period is read from
    ``parts`` or, for "a year earlier" / "last month", from the figure it is compared with.
    """

    number: int  # offset of the number's first character
    parts: Parts
    base: bool = False
    text: str = ""  # the words of a comparison base, for "a year earlier", "上月"

    def resolve(self, clause: Parts, current: Period | None, published: date) -> Period | None:
        """This number's period; ``clause`` holds its clause's components, ``current`` their
        period (for a base said as "a year earlier" or "last month")."""
        if self.base:
            return _base_period(self, current, published)
        parts = Parts(
            **{
                k: getattr(self.parts, k)
                for k in (
                    *("month", "months", "quarter", "half", "year", "full_year"),
                    *("last_month", "last_quarter"),
                )
            }
        )
        parts.year_rel = self.parts.year_rel
        if parts.year is None and parts.year_rel is None:
            parts.year, parts.year_rel = clause.year, clause.year_rel
        # "cumulative deliveries passed 100,000 in November"; not the 累计 of "前5月累计"
        parts.lifetime = clause.lifetime and clause.months is None and not clause.ytd
        if parts.year is not None and not (
            parts.month or parts.months or parts.quarter or parts.half
        ):
            # "413,000 vehicles in 2021 as of Nov 30": that year so far, to the day said
            parts.as_of = clause.as_of
        parts.spans = self.parts.spans
        return resolve(parts, published, current)


def months_long(period: Period) -> int:
    """How many calendar months a period spans (a part of a month counts as one)."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_QUARTER_OR_HALF = re.compile(r"\b(?:quarter|half)\b", re.IGNORECASE)


def _add(parts: Parts, m: re.Match[str], **values: object) -> None:
    parts.components.append((m.start(), m.end(), values))
    for k, v in values.items():
        setattr(parts, k, v)
    parts.spans.append((m.start(), m.end()))


# Phrases whose "year" is a comparison base, not the figure's period.
_COMPARISON = re.compile(
    r"(?:去年|上年)同[期月]|同期(?=为|的)"
    # (not "同期安徽新能源汽车产量为73.09万辆": in the same period)
    r"|(?<![\u4e00-\u9fff])同期(?![\u4e00-\u9fff]{0,12}?(?:产量|销量|出口|交付|生产|销售))"
    r"|a year (?:earlier|ago|before)(?!,\s*in\s)|year-ago"
    r"|(?:same|corresponding|comparable|equivalent) (?:period|months?|point|time|stretch|span)"
    r" (?:of |in |a )?(?:last|the previous|previous)"
    r" year|same (?:period|months?|span|stretch"
    # ("in the previous year" is when the count was made, not what it is compared with)
    r"|point|time) a year (?:earlier|ago|before)|(?<!\bin the )(?<!\bduring the )previous year"
    r"|entire previous year|last year's"
    # "a 315 percent jump in sales from last year": the base of a growth, not when it was sold
    r"|(?:jump|rise|increase|growth|gain|surge|climb|drop|fall|decline|decrease|up|down)"
    r"(?:\s+in\s+[\w-]+){0,2}\s+(?:from|over|on|versus|compared with)\s+last year"
    r"|(?:和|与|同)(?:去年|上年)(?:同期)?(?:基本)?持平"  # "基本和去年持平": level with last year's
    # "排名由5月的第六跃升至第四": the month of a rank it climbed from
    r"|(?<=由)\s*\d{1,2}\s*月(?:份)?的第"
    # "渗透率为51.5%，与3月基本持平": level with another month, no time of the count
    r"|(?:和|与|同|较)(?:今年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?(?:相比)?(?:基本|大致|大体)?持平"
    r"|(?:that|those|the level) of last year"
    # "海外销量47万辆，已超去年全年": above last year's whole total, no count of it said
    r"|(?:超过?|超越|超出|高于|多于|接近|逼近|追平|相当于)了?(?:去年|上年)全年(?![^，,。；;\d]{0,6}\d)"
    # "上半年累计交付量已超过其2020年全年交付量，达到30738辆": the year compared with
    r"|(?:超过?|超越|超出|高于|多于|接近|逼近|追平|相当于)了?(?:其|该公司|公司)?(?:19|20)\d\d\s*年全年"
    r"(?![^，,。；;\d]{0,6}\d)",
    re.IGNORECASE,
)

# "since customer deliveries began in October", "自2017年投产以来": when counting started
_SINCE_START = re.compile(
    r"(?:\bsince\b[^.;,]{0,60}?\b|\b(?:which|that|it|and)\s+)(?:began|begun|started|launched"
    r"|opened|commenced|was founded|was established|went on sale|debuted|was launched"
    r"|went on the market|hit the market|came to market"
    # "Since the company entered the vehicle market in 2019"
    r"|entered\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?market"
    r"|was introduced|was unveiled"
    # "Since the first Jiefang truck left the production line in 1956"
    r"|(?:left|rolled off|came off)\s+(?:the\s+)?(?:production|assembly)\s+line)"
    r"(?:\s+(?:production|operations"
    r"|deliver(?:y|ies|ing)|sales|selling|shipments|shipping|making cars|work))?"
    # "since it launched the car in late March"
    r"(?:\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+(?=\s+(?:in|on)\s))?"
    r"\s+(?P<t>(?:in|on|at the end of)\s+[^,.;()]{1,30})"
    # ("自2019年12月4日理想ONE正式开启交付以来")
    r"|自(?P<t2>[^,，。；;]{2,20}?)(?:投产|成立|上市|开始|开工|交付|量产|启动|推出|开售|开启|发布)"
    r"[^,，。；;]{0,6}?(?:以来|至今)"
    # "Since its market launch in July 2020, cumulative sales ...", "since July 2020"
    r"|\bsince\s+(?:(?:its|the|their)\s+(?:[\w'’-]+\s+){0,3}?)?(?P<t3>(?:in\s+)?(?:(?:early|late"
    r"|mid-?)\s*)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d)"
    # "since the vehicle's market debut in 2019": the time of the start, not the count's
    r"|\bsince\s+(?:(?:its|the|their)\s+)?(?:[\w'’-]+\s+){0,3}?(?:launch|debut|inception|founding"
    r"|start|establishment|introduction|rollout|listing)\s+(?P<t4>(?:in|on)\s+[^,.;()]{1,30})"
    # "monthly sales have fallen steadily since February, totaling ... so far this year": when
    # a trend began, not the count's period ("since January" is the year so far)
    r"|\bsince\s+(?P<t5>(?:Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b)"
    r"(?!\.?\s+(?:\d|of\b))"
    # "从2017年11月底领克01上市，到新近下线的领克09，…突破80万辆": the start of a story told
    # from then to now (not "从1月到5月", a span of months)
    r"|从(?P<t6>(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月(?:初|中旬|下旬|底|末)?)(?!\s*\d)"
    r"(?=[^。；;]{0,40}?[，,]\s*到(?!\s*(?:(?:19|20)\d\d\s*年)?\d))"
    # "2018年以来，…年销量由14.2万辆增至112.3万辆": the year counting started from; "从2018年5月
    # 27日首台量产车下线算起": the day counting started from
    r"|(?P<t7>(?:19|20)\d\d\s*年)(?=以来)"
    # "从2018年到现在，…年销量由14.2万辆跃升到112.3万辆": the same, told as from then to now
    r"|从(?P<t10>(?:19|20)\d\d\s*年)(?=\s*(?:到|至)\s*(?:现在|如今|今天|目前|今)(?!年))"
    r"|从(?P<t8>(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?"
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)(?=[^。；;，,]{0,20}?算起)"
    # "从2021年到2022年11月": the start of a span to a month of a year said in full
    r"|从(?P<t9>(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?)"
    r"(?=\s*(?:到|至)\s*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月)",
    re.IGNORECASE,
)

# "the M03 coupe, launched in late August", "8月上市的M03": when a model came out, no period
_EVENT_TIME = re.compile(
    r"\b(?:launched|unveiled|introduced|debuted|released|rolled out|went on sale)\s+"
    r"(?P<t>(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?)"
    # "比亚迪于1月通报的460万辆全年销量": the month it was reported, not the count's
    r"|(?P<t2>(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}日)?(?:初|中旬|下旬|上旬|底)?)(?:正式)?"
    r"(?:上市|发布|發布|發佈|公布|公佈|通报|通報|披露|宣布)的"
    # "特斯拉1月2日公布年度最終銷售數據，2025年…": the day of a release, not the count's time
    r"|(?P<t3>(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}[日号])(?:晚间?|早间?|上午|下午|晚)?(?:正式)?"
    r"(?:发布|發布|發佈|公布|公佈|通报|通報|披露|宣布)"
    # "2025年的年度冠軍零跑汽車，1月交付量…", "去年销冠理想", "上月冠军哪吒汽车": the time of
    # a title, not the count's (but "2021年的冠軍是上海，產量63.2萬輛" says whose that year's
    # count is)
    r"|(?P<t4>(?:19|20)\d\d\s*年|去年|上年|上个?月|上季度?|上一季度?)(?:的)?(?:年度|全年)?(?:新势力|自主品牌)?(?:销量)?"
    r"(?:冠军|销冠|亚军|季军)(?!\s*(?:是|为|[，,：:]))"
    # "After a 45 percent slump in the first quarter, sales through September …", "because of
    # a slump in April and May, when ...": the time of a change the count came after, not the
    # count's
    r"|\b(?:[Aa]fter|[Ff]ollowing|[Bb]ecause of|[Dd]ue to|[Dd]espite)\s+(?:a|an|the)\s+"
    r"(?:\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+|(?:sharp|steep|strong|big|record)\s+)?"
    r"(?:slump|drop|decline|fall|plunge|surge|jump|rise|rebound|dip|slide|contraction|recovery)"
    r"\s+(?P<t10>in\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+(?:quarter|half)"
    r"|[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?(?:\s+(?:19|20)\d\d)?)"
    r"(?:\s+(?:against|from|compared with)\s+[^,;]{1,60})?)"
    r"(?=\s*[,;])"
    # "its highest sales figure to date in 2025": the scope of a superlative, not the count's
    r"|\b(?:highest|best|lowest|strongest|biggest|largest|worst)\b[^.;,]{0,40}?"
    # ("the strongest momentum since the start of the year": the scope too)
    r"(?P<t5>\bto date in (?:19|20)\d\d|\bsince the (?:start|beginning) of (?:the|this) year)"
    # "its first month above 40,000 in 2025": the scope of a threshold crossed, not the count's
    r"|\bfirst (?:month|week|quarter) (?:above|over|beyond|topping|exceeding|of more than)\s+"
    r"[\d,.]+(?:\s*(?:million|thousand|units|vehicles|cars|deliveries))*\s+"
    r"(?P<t11>in (?:19|20)\d\d|this year|so far this year)\b"
    # "据2025年11月统计月报显示": the issue of a bulletin, not the period of its counts
    r"|(?P<t6>(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月份?)(?:统计|经济)?(?:月报|快报|简报)"
    # "为今年第二高水准", "创年内新高": the scope of a rank, not the count's period
    r"|(?P<t7>今年|年内|本年)(?:以来)?的?(?:(?:第[二三四五六七八九十]|最|新)(?:高|低)|纪录|记录)"
    # "截至1月5日，全国门店总数达1068家": the day a count of stores or chargers stood at
    r"|(?P<t8>(?:截至|截止)(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}[日号]?)(?=[^，,。；;\d]{0,4}[，,]?"
    r"[^，,。；;]{0,16}?(?:门店|网点|充电|换电|站|桩|展厅))"
    # "排名也从2024年的全国第一滑落到今年上半年的第九": the times of a rank, not of a count
    r"|(?P<t9>(?:(?:19|20)\d\d\s*年|去年|今年)(?:上半年|下半年|前\d{1,2}个?月|\d{1,2}月)?)的"
    # (not "2021年的冠军是上海，产量63.2万辆": whose count that year's is)
    r"(?=(?:全国|全省|全球|行业)?(?:第[一二三四五六七八九十\d]{1,3}(?![\d万]|季度|个)|榜首|冠军|首位)"
    r"(?!\s*(?:是|为|[，,：:])))"
    # "去年势头强劲的新势力车企小鹏，10月销量…": a time in what describes the maker, not the
    # count's (not "去年全年的销量", "去年同期的": the count's own)
    r"|(?P<t12>去年|上年|前年)(?=(?:(?!销|銷|产|產|交付|出口|全年|同期|累计|累計|季度|月|年)"
    r"[^，,。；;\d的]){2,12}的(?!(?:汽车|汽車|新车|新車|整车|整車)?(?:销|銷|产|產|交付|出口)))",
)
# "挨过3月舆论风波的小米", "4月上海车展上": the month of an event, not of a count
# ("延续了去年底的交付势头": the time of a trend carried on)
_EVENT_ZH = re.compile(
    r"(?P<t>(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月(?:份|初|中旬|中|下旬|底|末)?|去年年?[底末]|年[初底末])"
    r"的?[^，,。；;\d]{0,6}?(?:风波|事故|事件|危机|舆情|车展|发布会|降价潮|价格战|停产|罢工"
    r"|势头|趋势|态势|热度)"
)
_EVENT_ZH_NEEDLE = re.compile(
    r"风波|事故|事件|危机|舆情|车展|发布会|降价潮|价格战|停产|罢工|势头|趋势|态势|热度"
)
_EVENT_NEEDLE = re.compile(
    r"launch|unveil|introduc|debut|releas|rolled out|went on sale|record|high|best|peak"
    r"|after|following|because|due to|despite"
    r"|strongest|biggest|largest|lowest|worst|first month|first week|first quarter"
    r"|上市|发布|發布|發佈|公布|公佈|通报|通報|披露|宣布|冠军|销冠|亚军|季军|月报|快报|简报|今年第|今年最|今年新|年内|本年|截至|截止"
    r"|的第|的全国第|的全省第|榜首|首位|去年|上年|前年"
)
# "surpassing its previous record from September", "beating the record it set in November
# 2021", "beating its November record": the time of the record beaten, no period
_BEATEN_RECORD_TIME = re.compile(
    r"\b(?:previous|prior|earlier|old|last)\s+(?:monthly\s+)?(?:record|high|best|peak)\s+"
    r"(?:from|in|of|set in)\s+(?P<t>[A-Z][a-z]+\.?(?:\s+(?:19|20)\d\d)?)"
    r"|\b(?:record|high|best|peak)\s+(?:that\s+)?(?:it|they|the (?:company|carmaker|automaker"
    r"|brand|maker))\s+(?:had\s+)?set\s+in\s+(?P<t2>" + _MON + r"(?:\s+(?:19|20)\d\d)?)"
    # (not "the record it set in November (10,878)": a base with its count, read as one)
    r"(?!\s*\(\s*\d)"
    r"|\b(?:beating|beat|surpassing|surpassed|topping|topped|breaking|broke|eclipsing"
    r"|eclipsed)\s+(?:its|their|the)\s+(?P<t3>" + _MON + r"(?:\s+(?:19|20)\d\d)?)"
    r"\s+(?:monthly\s+)?(?:record|high|best|peak)\b",
    re.I,
)
# "grew 18.6% in June to 2.1 million from a 13.9% rise in May": the time of the rate the
# growth is set against, not the number's
# ("... to 1.68 million after posting an increase in May" too)
_RATE_BASE_TIME = re.compile(
    r"\b(?:from|after|versus|compared with|against)\s+(?:(?:posting|recording|reporting|seeing"
    r"|logging|registering)\s+)?(?:an?\s+)?(?:(?:[\d.]+\s*(?:%|percent|per cent)"
    r"|\w+)(?:-percent)?\s+)?(?:rise|increase|gain|growth|jump|climb|decline|drop|fall|decrease"
    r"|contraction|expansion)\s+(?:in|during|for)\s+(?P<t>(?:the\s+)?[A-Z][a-z]+\.?"
    r"(?:\s+(?:19|20)\d\d)?)",
    re.I,
)
# "rose 3% over May last year to 140,000": the month a rate is measured against, no count's
_RATE_OVER_TIME = re.compile(
    r"(?:%|\bpercent|\bper cent)\s+(?:over|from|on|compared (?:with|to)|versus|against)\s+"
    r"(?P<t>" + _MON + r"\s+(?:(?:of\s+)?(?:last|the\s+previous)\s+year|(?:of\s+)?(?:19|20)\d\d))"
    r"(?=,?\s+(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?\d)",
    re.I,
)
# "sales slid 22.6% to 163,143 units from last year": the time the rate is measured from, said
# after the count
_RATE_FROM_TIME_AFTER = re.compile(
    r"(?:%|\bpercent|\bper cent)\s+to\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[\d.,]+"
    r"(?:\s+(?:million|units?|vehicles|cars|EVs|NEVs))*\s+from\s+"
    r"(?P<t>last\s+year|the\s+(?:previous|prior)\s+year)\b",
    re.I,
)
_RATE_BASE_NEEDLE = re.compile(r"rise|increase|gain|growth|jump|climb|decline|drop|fall|decrease")
# "cumulative sales in the year reached" (not "in the year to March", a rolling year)
_IN_THE_YEAR = r"in the year(?!\s+(?:to|ended|ending|through|before|after|since|(?:19|20)\d\d)\b)"
_THE_YEAR = re.compile(
    r"for the year|over the (?:course of the )?year|(?:during|throughout) the year"
    + "|"
    + _IN_THE_YEAR
    + r"|the year['’]s (?:total|tally)",
    re.IGNORECASE,
)
# "On March 23, 2022, Geely Automobile officially released its 2021 annual report": the day
# of a release that opens the sentence
_DAY_OF_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+(?:19|20)\d\d)?"
)
_RELEASE_DAY = re.compile(
    r"\s*On\s+(?:the\s+(?:evening|morning|afternoon|night)\s+of\s+)?(?P<t>" + _DAY_OF_MONTH + "),",
    re.I,
)
_RELEASED = re.compile(
    r"\b(?:released|published|announced|unveiled|disclosed|issued|posted)\s+(?:its|the|their)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:report|results|figures|data|statement|earnings)\b",
    re.I,
)
# "Geely published its 2021 annual report on March 23, 2022": the day of the release, told after
_RELEASED_ON_DAY = re.compile(
    _RELEASED.pattern + r"[^.;]{0,40}?\bon\s+(?P<t>" + _DAY_OF_MONTH + r")(?!\d)",
    re.I,
)
# "plunged 44.2 per cent from December to 10,055 units": the month compared against
_FROM_TIME_TO_NUMBER = re.compile(
    r"\bfrom\s+(?P<t>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+(?:19|20)\d\d)?|(?:last|the previous|the prior) (?:month|year))"
    r"\s+to\s+(?:a\s+)?(?:record\s+)?(?:about\s+|around\s+|nearly\s+)?\d"
)

# "1Q23", "4Q2024": a quarter of a year, as analysts write it
_QUARTER_CODE = re.compile(r"(?<![A-Za-z0-9])([1-4])Q((?:20)?\d\d)(?![A-Za-z0-9])")
# 年产量, 年销量, 年交付: a year's level (not 年产能, capacity; nor 年销量目标, a target)
_A_YEARS_LEVEL = r"(?:年产(?!能)|(?<![今去明前\d])年(?:交付|销量|销售)(?!目标))"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # weeks, ten-day spans, day ranges and holidays: a part of a month, no calendar period
    (
        re.compile(
            r"第\s*[一二三四五1-5]\s*周|[上中下]旬|(?:单|一|本|上|当|首|每)周|周(?:销量|度|交付)"
            # (not "8月1-31日": read by "zh_month_days")
            r"|(?!(?:(?<=月)|(?<=月\s))1\s*日?\s*(?:至|到|-|–|—|~)\s*(?:28|29|30|31)\s*日)"
            r"\d{1,2}\s*日?\s*(?:至|到|-|–|—|~)\s*\d{1,2}\s*日|前\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*[天日]"
            r"|(?:五一|国庆|春节|中秋|端午|元旦)(?:假期|期间|黄金周|长假|小长假)|黄金周"
            # "到2025年开年": the first weeks of a year, said loosely (not 开年以来: so far)
            r"|开年(?!以来|至今)"
        ),
        "zh_partial",
    ),
    # "过去12个月", "10月交付4.9万辆，两个月合计超过10万辆": a span back from now, or the months
    # just said summed (not 前两个月, the first two months of the year): no calendar period
    (
        re.compile(
            r"(?:过去|近)\s*(?:12|十二)\s*个月"
            r"|(?<![前头首])(?:这|这两|两|二|三)个?月(?=合计|累计|共计|总计|加起来)"
            # "最近一个半月里，小米汽车又交付了约4.2万台": a month and a half back from then
            r"|(?:最近|过去|近)的?\s*(?:[一两二三四五六七八九十\d]+个半|半个)月"
            # "二季度前两个月蔚来合计交付6591台": the first months of a quarter, no period evwatch
            # stores
            r"|(?:[一二三四1-4]|第[一二三四1-4])季度(?:的)?前\s*(?:两|二|2)\s*个?\s*月"
        ),
        "zh_rolling",
    ),
    # "8月1-31日": CPCA's early count of a whole month (to a day before its end: a part of it)
    (
        re.compile(r"(?<![\d.])(\d{1,2})\s*月\s*1\s*日?\s*(?:至|到|-|–|—|~)\s*(28|29|30|31)\s*日"),
        "zh_month_days",
    ),
    (
        re.compile(r"(?<!\d)(20\d\d)\s*年\s*(\d{1,2})\s*[-–—~至到]\s*(\d{1,2})\s*月"),
        "zh_year_range",
    ),
    (
        # (and "1一5月": 一 typeset for the dash)
        re.compile(r"(?<![\d.])(\d{1,2})\s*[-–—~至到一]\s*(\d{1,2})\s*月(?!\s*\d+\s*[日号])"),
        "zh_range",
    ),
    (
        re.compile(r"(?<![\d.])(\d{1,2})\s*月(?:份)?\s*(?:至|到|-|–|—|~)\s*(\d{1,2})\s*月"),
        "zh_range",
    ),
    # "4月和5月两个月，全市共出口汽车1.6万辆": the two months together
    (
        re.compile(
            r"(?<![\d.])(\d{1,2})\s*月(?:份)?\s*(?:和|与|及|、)\s*(\d{1,2})\s*月(?:份)?\s*"
            r"(?=这?(?:两|二|2)个月)"
        ),
        "zh_range",
    ),
    # 首11个月: HK usage; not "提前两个月" (two months early), "之前两个月" (the two months before)
    (re.compile(r"(?:(?<![提之此以])前|首)\s*" + _ZN + r"\s*个?\s*月"), "zh_first_n"),
    # "截至2022年3月31日止季度34,561辆，6月30日止季度34,422辆": the quarter that ended that day
    (
        re.compile(
            r"(?:截[至止]\s*)?(?:(20\d\d)\s*年\s*)?(3|6|9|12)\s*月\s*3[01]\s*[日号]\s*(?:为)?止的?\s*"
            r"(?:季度|三个月|3个月)"
        ),
        "zh_quarter_ended",
    ),
    # "前三季度"; Hong Kong and Taiwan drop the 度: "首3季", "第三季"
    (re.compile(r"(?:前|首)\s*([一二三两1-3])\s*个?\s*季(?:度)?"), "zh_first_q"),
    (
        # (not "同一季度", the same quarter)
        re.compile(
            r"第\s*([一二三四1-4])\s*季(?:度)?|(?<!同)([一二三四1-4])\s*季度|(首)季(?:度)?"
            # "2023年最后一季", "最後一個季度": the year's fourth
            r"|(最[后後]|末)(?:一[个個]?)?季(?:度)?"
        ),
        "zh_quarter",
    ),  # 首季: HK
    # "2023年最后一个月": December of that year
    (re.compile(r"((?:19|20)\d\d)\s*年\s*的?最[后後]一\s*[个個]?\s*月"), "zh_end_month"),
    # "1Q23累计产量508.7万辆": analysts' quarter of a year
    (_QUARTER_CODE, "quarter_code"),
    (re.compile(r"上半年"), "h1"),
    # (not "为下半年开了个好头": a good start to a half still to come)
    (re.compile(r"(?<!为)下半年(?!开)"), "h2"),
    # "截至2023年底", "到2019年底累计交付量超过40,000辆": the end of that year (a running total
    # counted to it)
    (
        re.compile(
            r"(?:截[至止](?:到)?|(?<![达得做])到(?=\s*20\d\d\s*年\s*(?:底|末)\s*[，,]?\s*累计))"
            r"\s*(20\d\d)\s*年\s*(?:底|末)"
        ),
        "zh_year_end",
    ),
    # "截至2008年，一汽累计销售…", "截至2022年累计生产": up to that year, said with no month
    (re.compile(r"截[至止](?:到)?\s*((?:19|20)\d\d)\s*年(?=\s*(?:[，,]|累计))"), "zh_up_to_a_year"),
    (
        re.compile(
            # ("截至今年9月": this year's September)
            r"截[至止](?:到)?\s*(?:今年\s*|本年\s*)?(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月"
            r"\s*(?:(\d{1,2})\s*[日号]|底|末)?"
            # ("截至1998年12月31日": a day of the last century, said whole)
            r"|截[至止](?:到)?\s*(19[5-9]\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
        ),
        "zh_as_of",
    ),
    # "到今年9月止", "到9月底为止": counted up to that month
    (
        re.compile(
            r"到\s*(?:今年\s*)?(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末)?()\s*(?:为止|止)"
        ),
        "zh_as_of",
    ),
    # "到11月底累计产量已超过7万辆" (not "到今年8月底累计": this year's, told by 今年)
    (
        re.compile(
            r"到\s*(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末)()(?=\s*[，,]?\s*(?:已|共)?累计)"
        ),
        "zh_as_of",
    ),
    # ("1983年2月26日": a day of the last century, said whole)
    (
        re.compile(
            r"(?<!\d)(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
            r"|(?<!\d)(19[5-9]\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
        ),
        "zh_date",
    ),
    # "3日，中国新能源汽车第2000万辆下线": a day of the month the news comes out in (or of the
    # month before, when that day has not come yet), said at a sentence's start
    (
        re.compile(
            r"(?<![^\n。！？])[ \t]*([1-3]?\d)\s*日(?=\s*(?:上午|下午|晚间?|早间?)?\s*[，,])"
        ),
        "zh_day",
    ),
    (
        re.compile(
            # not "问界M9月交付": a model name's digit before 月
            # (a count may follow at once: "相比2月11288辆"; a day may not: "2月11日", "2月1-20日")
            # ("到2018年11月就迎来": by a month of a year said in full, not "1月到5月")
            # ("从2021年到2022年11月": to a month of a year said in full, the span's end)
            # ("国产Model 3 月销量": the digit of a model's name)
            # (but "NIO 6月交付", "Tesla 6 月": a month after a name in Latin letters)
            r"(?<![\d.\-–—~A-Za-z])(?<![Mm]odel\s)(?<!MODEL\s)(?<!Polestar\s)"
            r"(?:(?<![至到])|(?<![\d年月日号份][至到])(?=20\d\d\s*年)"
            r"|(?<=[至到])(?=20\d\d\s*年\s*\d{1,2}\s*月))"
            r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月(?:份)?"
            r"(?![至到\-–—~]|\d{1,2}(?!\d)(?:\s*[日号]|\s*[至到\-–—~]|[.\d]*\s*$)|\d\.)"
            # "2020年九月份": a month in Chinese numerals, after its year or as 月份
            r"|(?:(20\d\d)\s*年\s*)(十一|十二|[一二三四五六七八九十])\s*月(?:份)?(?![至到\-–—~])"
            r"|(?<![一二三四五六七八九十两第前首近每个上下本当单同环年])()(十一|十二|[一二三四五六七八九十])"
            r"\s*月份"
        ),
        "zh_month",
    ),
    (
        # a year of the last century only with its own count ("从1978年的0.74万辆增长到…"; not
        # "从1991年开始生产…算起", a start)
        re.compile(
            r"(?<!\d)(20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!度?目标)(?!之前|以前)"
            r"|(?<!\d)(19[5-9]\d)\s*年(?=的?\s*[\d.]+\s*万?辆)"
            # "2022全年133,246輛": the year said without 年 before 全年
            r"|(?<![\d.,])(20\d\d)(?=\s*全年)"
        ),
        "zh_year",
    ),
    (
        # "今年上半年", "今年一季度": this year's half or quarter, whatever year another clause
        # names ("去年，…；今年上半年，…")
        re.compile(
            r"今年(?=\s*(?:\d{1,2}|十[一二]|[一二三四五六七八九十])\s*月|全年|整年|[上下]半年"
            r"|第?[一二三四1-4]季度)"
        ),
        "this_year",
    ),
    # not "创年内新高", "今年以来最高": the scope of a record claim
    (
        re.compile(r"今年(?:以来|至今)?(?!的?(?:新高|最高|新低|最低|最好|最佳|单月|月度))"),
        "zh_this_ytd",
    ),
    (
        re.compile(
            # "年度第1000万辆": the year's 10 millionth
            r"(?:(?:年内|本年度?)(?:以来|至今)?|年初至今|年初以来|(?<!本)年度(?=第))"
            r"(?!的?(?:新高|最高|新低|最低|最好|最佳|单月|月度))"
        ),
        "ytd",
    ),
    # ("小米月销量头一回达到3万台": monthly sales passing a level, that of the month reported)
    (
        re.compile(
            r"仅(?=\s*\d{1,2}\s*月)|单月"
            r"|(?<![\d年本当上下同每个])月(?:销量?|交付量?)(?=[^，,。；;\d]{0,6}?(?:突破|达到|超过|破|过))"
        ),
        "alone",
    ),
    # (not "截至去年底": the end of last year, what a running total runs to)
    # (not "同比去年增长18%", "比去年增长": the year compared with, not the count's)
    (
        re.compile(
            r"(?<!比)(?:去年|上一?年)(?!同期|同月|底|末|年底)"
            r"|(?<=比)(?:去年|上一?年)(?!同期|同月|底|末|年底|增长|下降|增加|减少|上升|下滑|上涨|提升)"
            # "刚刚过去的一年，重庆全年汽车产量…": the year just ended
            r"|刚刚?过去的(?:一年|这一年)"
        ),
        "zh_last_year",
    ),
    (re.compile(r"(?:去年|上一?年)(?=底|末|年底)"), "last_year"),
    # "特斯拉中国用8个月时间实现近10万辆新能源汽车出口" in September: the months of the year so far
    (re.compile(r"用了?" + _ZN + r"个月(?:的)?时间"), "zh_past_months"),
    # "皮卡年累计销量": the year's running total, not since the start
    # "年交付突破50万辆": the year's (after a quarter said the sentence before)
    (
        re.compile(
            # (not 年度目标, 全年榜单: a target's or a ranking's year, not the count's)
            # (not 稳居全年第三: a rank in the year's list)
            r"(?:全年|年度)(?!目标|计划|榜单|排名|排行|冠军|销冠|纪录|记录|第[一二三四五六七八九十\d])|整年"
            r"|(?<![今去明前\d])年累计"
        ),
        "full_year",
    ),
    # "河南新能源汽车年产量已超过70万辆", "年销量由14.2万辆跃升到112.3万辆": a year's level, with no
    # year said: the last whole year, unless the article is counting this year's months
    # (not "年产量首次突破1000万辆": a mark this year's running count passed)
    (
        re.compile(
            rf"(?<![当今去明前\d]){_A_YEARS_LEVEL}"
            r"(?![^，,。；;\d]{0,6}?(?:首次|第一次|破|越过|跨过|迈过|达成))"
        ),
        "zh_annual",
    ),
    (re.compile(_A_YEARS_LEVEL), "full_year"),
    # "当年完成...", "到了年底,郑州下线62.6万辆", "2023年是…之年。这一年，集团累计生产…": that
    # year, counted to its end, said at the start of a clause (not "这一年来": the past twelve
    # months; "同年4月": a month; "回看小米汽车这一年": a year in review)
    (
        re.compile(
            r"当年|(?<![今明])年[底末]"
            r"|(?:^|(?<=[。，,；;：:\s]))(?:这一?|同)年(?![来以内度\d一二三四五六七八九十])"
        ),
        "full_year",
    ),
    # "12月总计生产21.4万辆、全年总计生产127万辆": a total of the time said with it
    (re.compile(r"(?<!历史)总计"), "zh_total"),
    (
        re.compile(
            # (not "累计来看", "从累计数据看": a way of looking at the figures that follow)
            r"累计(?!(?:数据)?(?:来|上)?看)|历史累计|历史总(?!计)|累积|迄今"
            # "品牌创建以来": since the start (not "今年以来")
            r"|(?:创建|创立|成立|创办|诞生|投产|开业|上市|交付|量产)(?:[\u4e00-\u9fff]{0,3})?以来"
            # "从2021年8月开启交付算起": counted from the start
            r"|(?:创建|创立|成立|投产|开业|上市|交付|量产|下线)算起"
            # "43个月达成百万辆交付", "仅用10个月交付20000辆", "上市43天交付破万": took that long
            r"|(?<![前近每])\d{1,3}\s*(?:个月|天|年)(?:内|里|时间)?(?=达成|实现|突破|完成|交付|下线)"
            r"|用时?了?\s*\d{1,3}\s*(?:个月|天|年)"
        ),
        "lifetime",
    ),
    # "去年最後三個月": the fourth quarter
    (re.compile(r"(?<=年)(?:的)?最后\s*(?:三|3)\s*个?月"), "zh_last_quarter"),
    (re.compile(r"上个?月"), "last_month"),
    # "上季交付9.3万辆" (not "较上季度增长", "环比上季": a comparison, nor 上季度末)
    (re.compile(r"(?<![较比与于和跟])上一?季(?:度)?(?![末初])"), "last_quarter"),
    (re.compile(r"本月"), "zh_this_month"),
    # "截至目前，长沙比亚迪汽车2022年产量已突破33万辆": up to the day it was said
    (re.compile(r"(?:截[至止]|到)(?:目前|当前)(?:为止)?|迄今为止"), "zh_to_now"),
    (re.compile(r"当月(?!.{0,3}同比)"), "that_month"),
    # "尊界虽然月交付仅2000辆": its monthly count, the month reported (not 月均, 月产能, 每月)
    (
        re.compile(r"(?<![\d\s一二三四五六七八九十两几上本当该同每个整首单次正近])月(?=交付|销)"),
        "zh_monthly",
    ),
    # ("Tesla在同一季度只交付了343,830辆": the quarter just said)
    (re.compile(r"当季|本季度|同一季度?"), "that_quarter"),
    # "极氪品牌同期交付2.7万辆": in the same period (not 去年同期, a year earlier)
    # "同期安徽新能源汽车产量为73.09万辆" opening a clause: in the same period (not "同期为", the
    # year-earlier figure)
    (
        re.compile(
            # ("厦门金龙（“大金龙”）同期出口8077辆": after a name's gloss too)
            r"(?<=[\u4e00-\u9fff）)”])(?<!去年)(?<!上年)同期(?=[交销产出实完])"
            r"|(?<![\u4e00-\u9fff])同期(?![为的比])(?=[\u4e00-\u9fff]{0,12}?(?:产量|销量|出口|交付|生产|销售))"
        ),
        "that_period",
    ),
    # (English from here on)
    (
        re.compile(
            r"\b(?:first|second|third|fourth|last|final|past|previous|opening|this|that|same)\s+"
            r"(?:(?:two|three|\d)\s+)?weeks?\b|\bweek(?:ly)?\s+(?:ended|ending|to|of|through)\b"
            # "Zeekr's second best sales week year to date, with 4,310 units": a week's count
            r"|\b(?:sales|delivery|deliveries|registrations?|best|record|strongest)\s+week\b"
            r"|\b(?:first|last|past|opening)\s+(?:\d{1,2}|two|three|five|seven|ten|fifteen|twenty)"
            r"\s+days\b|\b(?:May Day|National Day|Golden Week|Spring Festival|Chinese New Year"
            r"|Lunar New Year|Dragon Boat)\b(?:\s+(?:holiday|break|period))?"
            # "so far in November", "month-to-date": a month not yet over
            r"|\bso far (?:in |this )(?:month\b|" + _MON + r")|\bmonth[- ]to[- ]date\b"
            # "In a weak month, BMW sells only about 30,000 cars": any such month, no calendar's
            r"|\bin an? (?:weak|slow|bad|poor|good|strong|busy|normal|typical|average|usual)"
            r" month\b"
            # "in the first half of Feb": half a month
            r"|\b(?:first|second|latter)\s+half\s+of\s+(?:the\s+month\b|" + _MON + r")"
            r"|\b"
            + _MON
            + r"\s+\d{1,2}\s*(?:-|–|to|through|until)\s*(?:"
            + _MON[:-3]
            + r"\.?\s+)?\d{1,2}\b(?!,?\s*\d{3})"
            # "Between December 1 and December 24": part of a month
            + r"|\bbetween\s+"
            + _MON
            + r"\s+\d{1,2}\s+and\s+(?:"
            + _MON[:-3]
            + r"\.?\s+)?\d{1,2}\b(?!,?\s*\d{3})",
            re.IGNORECASE,
        ),
        "en_partial",
    ),
    (
        re.compile(
            # "from December last year through March this year": a span across two years
            r"\bfrom\s+" + _MON + r"\s+(?:of\s+)?(?:last\s+year|the\s+previous\s+year|20\d\d)\s+"
            r"(?:to|through|until|till)\s+(?:the\s+end\s+of\s+)?" + _MON + r"\b",
            re.IGNORECASE,
        ),
        "en_across_years",
    ),
    (
        re.compile(
            r"\b(?:between\s+)?"
            + _MON
            # ("the January-to-November period", "from January to the end of November")
            + r"\s*(?:[-–—]?(?:to|through|until)(?:\s+the\s+end\s+of)?[-–—]?|-|–|—|and)\s*"
            + _MON
            + r"(?:\s*(?:period\s+)?(?:of\s+|,\s*)?(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_range",
    ),
    (
        re.compile(
            r"\b(?:first|initial|opening)\s+"
            + _N
            + r"\s+months?(?:\s+of\s+(20\d\d|this year|last year))?",
            re.IGNORECASE,
        ),
        "en_first_n",
    ),
    (
        # "the 11-month period", "its 11-month total": the year's first months
        # ("its nine-month plug-in result", "nine-month sales"; not "in a single three-month
        # period", some span)
        re.compile(
            r"(?<!\ba )(?<!\bsingle )(?<!\bany )\b"
            + _N
            + r"[- ]month (?:(?:plug-in|NEV|EV|vehicle|car) )?(?:period|stretch|span|total"
            r"|tally|result|sales|deliveries|output|production|exports|figure)s?\b",
            re.IGNORECASE,
        ),
        "en_n_month_period",
    ),
    # "in the second month of this year": that month
    (
        re.compile(
            r"\bthe\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
            r"|twelfth|first)\s+month\s+of\s+(?:the\s+year|(20\d\d)|this\s+year|last\s+year)",
            re.IGNORECASE,
        ),
        "en_nth_month",
    ),
    (
        re.compile(
            r"\bfirst\s+(two|three|2|3)\s+quarters(?:\s+of\s+(20\d\d|this year|last year))?",
            re.IGNORECASE,
        ),
        "en_first_q",
    ),
    # "sold 854,000 in Q1-Q3 2024", "2024 Q1 to Q3": a span of quarters, not its first one
    (
        re.compile(
            r"(?:(?<!\d)(20\d\d)\s*)?(?<![A-Za-z0-9])Q([1-4])\s*(?:-|–|—|~|to|through)\s*Q([1-4])"
            r"(?![A-Za-z0-9])(?:,?\s+(?:of\s+)?(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_quarter_span",
    ),
    # "Deliveries: 2019 Q3 4,799; 2019 Q2 3,553": the year with its quarter, before the quarter
    # alone is read
    (re.compile(r"(?<!\d)(20\d\d)\s*Q([1-4])(?![A-Za-z0-9])", re.IGNORECASE), "en_year_quarter"),
    (_QUARTER_CODE, "quarter_code"),  # "1Q23 deliveries"
    # "(Q3/2024: 39,790 units)"
    (re.compile(r"\bQ([1-4])\s*/\s*(20\d\d)\b", re.IGNORECASE), "en_quarter_slash_year"),
    (
        re.compile(
            r"(?:\b(first|second|third|fourth|final|1st|2nd|3rd|4th"
            # ("the last quarter of 2023": its fourth; "last quarter" alone is the one before)
            r"|last(?=\s+quarter\s+of\s+(?:20\d\d|last\s+year|the\s+year)\b))[\s-]+quarter"
            # (not "the first quarter of growth after eight quarters of decline": a count of
            # quarters, nor "the second quarter in which")
            r"(?!\s+(?:of\s+(?:growth|decline|gains?|loss(?:es)?|expansion|increase|decrease"
            r"|recovery|contraction|rising|falling|year-on-year)|in\s+which)\b)"
            # (nor "positive for the second quarter in a row": a run of quarters)
            r"(?!\s+(?:in\s+a\s+row|running)\b)"
            # (not Audi's "Q4 e-tron", "Q4 Sportback": a model)
            r"|(?<![A-Za-z0-9])(?<!Audi )Q([1-4])(?!\s+(?:e-tron|Sportback|quattro)(?![A-Za-z])))"
            # ("the second quarter of fiscal 2023": a Chinese maker's fiscal year is the calendar's)
            r"(?:\s+of)?(?:,?\s+(?:fiscal\s+(?:year\s+)?)?(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_quarter",
    ),
    # "94,008 in the first quarter and a further 104,181 in the second", "105,108 in the
    # third, ... and 52,584 in the first": the word quarter (or half) left out after one said
    # earlier in the sentence
    (
        re.compile(
            r"(?:(?<=\bin the )|(?<=\bduring the ))(first|second|third|fourth)"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|while|but|as|with|when)\b)",
            re.IGNORECASE,
        ),
        "en_quarter_elided",
    ),
    (
        re.compile(
            r"\b(?:quarter|three months)\s+(?:that\s+)?(?:ended|ending|through|to)\s+(?:in\s+)?"
            r"(?:the\s+end\s+of\s+)?"
            + _MON
            + r"(?:\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_quarter_to",
    ),
    # "in the six months ended June 30", "for the 11 months ended Nov. 30": the months up to
    # that month's end
    (
        re.compile(
            r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])[\s-]+months"
            r"\s+(?:that\s+)?(?:ended|ending|through|to)"
            r"\s+(?:in\s+)?(?:the\s+end\s+of\s+)?"
            + _MON
            + r"(?:\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_months_to",
    ),
    # "in the last three months of last year", "the final three months of 2025"
    (
        re.compile(r"\b(?:last|final|closing)\s+(?:three|3)\s+months\s+of\b", re.IGNORECASE),
        "en_last_quarter",
    ),
    # "in the September quarter": the quarter that ends with that month
    (
        re.compile(r"\bthe\s+" + _MON + r"(?:\s+(20\d\d))?\s+quarter\b", re.IGNORECASE),
        "en_quarter_to",
    ),
    (
        re.compile(
            # (not "the first half of the quarter", "the second half of the month")
            r"\b(?:(first|second)[\s-]+half|H([12]))"
            r"(?!\s+of\s+(?:the|a|each|every|this|that|its)\s+(?:quarter|month|week|day|decade)s?\b)"
            r"(?:\s+of)?(?:\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_half",
    ),
    # "By the end of 2023, NIO had delivered a total of 449,594": counted up to that year's end
    # (so "By the end of the year, the company had exported a total of 5.85 million": the last)
    (
        re.compile(
            r"\b(?:as of|as at|by|at|through|until|up to)\s+(?:the\s+)?end\s+of\s+(20\d\d)\b"
            r"|\b(?:as of|as at|by|through|until|up to)\s+the\s+end\s+of\s+the\s+year\b"
            r"(?!\s+(?:19|20)\d\d)",
            re.IGNORECASE,
        ),
        "en_year_end",
    ),
    # "has delivered more than 400,000 NEVs in China as of 2024": up to that year's end
    (
        re.compile(r"\bas (?:of|at)\s+((?:19|20)\d\d)\b(?![-–/]|\s*(?:Q[1-4]|H[12])\b)", re.I),
        "en_up_to_a_year",
    ),
    (
        re.compile(
            r"\b(?:as of|as at|by|through|until|up to"
            # "from the start of the year to September 30": the year so far, to then
            # (not "in the year to March": a fiscal or rolling year)
            r"|(?<=of the year )to|(?<=of this year )to)\s+(?:the\s+end\s+of\s+)?"
            # "as of late September": up to about then
            r"(?:(?:late|mid|mid-|the middle of|the end of)\s*)?"
            + _MON
            + r"(?:\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?"
            # "ranked by February NEV sales": the month's sales, not a date
            r"(?!\.?\s+(?:NEV|NEPV|EV|PV|new[- ]energy|passenger|vehicle|car)?\s*"
            r"(?:sales|deliveries|wholesales?|retail|volume|output|production|exports)\b)",
            re.IGNORECASE,
        ),
        "en_as_of",
    ),
    # "By 31st August 2025, deliveries ...": the day first
    (
        re.compile(
            r"\b(?:as of|as at|by|through|until|up to)\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
            + _MON
            + r"(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_as_of_dm",
    ),
    (
        re.compile(
            # (not "December 1 to 31": the first day of a span of days)
            r"\b" + _MON + r"\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?\b(?!,\d)"
            r"(?!\s*(?:-|–|to|through|until)\s*\d)(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_date",
    ),
    (
        re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"(?:,?\s+(20\d\d))?", re.IGNORECASE),
        "en_date_dm",
    ),
    # "Since January, Xpeng has delivered 160,000 cars": the year so far (before "January"
    # is read as the month)
    (
        re.compile(
            r"\bsince (?:the (?:start|beginning) of (?:the|this) year|(?:early )?january)\b"
            r"(?!\s+\d)"
            # ("since the start of 2025": that year so far, its year read on its own)
            r"|\bsince the (?:start|beginning)(?= of (?:19|20)\d\d\b)",
            re.IGNORECASE,
        ),
        "ytd",
    ),
    (
        re.compile(
            r"\b" + _MON + r"(?:,?\s+(20\d\d))?"
            # (not "after its September launch": the time of an event, no count's)
            r"(?!\s+(?:launch|debut|unveiling|introduction|premiere)\b)",
            re.IGNORECASE,
        ),
        "en_month",
    ),
    (
        re.compile(
            r"\b(?:year[- ]to[- ]date|ytd|so far this year|this year|the current year|for the year"
            r"|over the (?:course of the )?year|(?:during|throughout) the year"
            + "|"
            + _IN_THE_YEAR
            + r"|so far in (?:the year|(20\d\d))|the year['’]s (?:total|tally))\b",
            re.IGNORECASE,
        ),
        "ytd",
    ),
    (
        re.compile(
            r"\b(?:last year|(?<!entire )previous year)\b(?!'s)"
            # "A year ago, in October, BYD sold 500,000": the clause's time, a year back
            r"|^\s*(?:a|one) year (?:ago|earlier|before)(?=,\s*in\s)",
            re.IGNORECASE,
        ),
        "last_year",
    ),
    (
        re.compile(
            # (not "the full year 2023": that year, read whole by "en_year")
            # (not "fell 6.3% on an annual basis": year on year)
            # (nor "its 2023 annual results": the results of that year, read by "en_year")
            r"\b(?:full[- ]year(?!\s+(?:of\s+)?(?:19|20)\d\d)|whole year"
            r"|annual(?!\s+basis)(?!(?<=\d\d\d\d annual)\s+(?:results|earnings|performance)\b)"
            r"|annually|entire year|in a single year"
            r"|in one year|within a year|in a calendar year"
            # "has passed 100,000 sales in China in a year for the first time": a year's count
            r"|in a year(?=,? for the first time)"
            # "the 1.86 million it sold for all of last year": the whole year, not its same span
            r"|(?:all|(?:the\s+)?(?:whole|entirety))\s+of(?=\s+(?:last|the previous)\s+year)"
            # "GAC Honda's cumulative sales for last year came to", "Chery's cumulative sales
            # reached a record 961,926 units last year": the year's total, not a running one
            r"|cumulative(?=[^.;]{0,40}?\bfor\s+(?:last|the\s+previous)\s+year\b"
            r"|[^.;]{0,40}?\ba record\b[^.;]{0,40}?\b(?:last|the\s+previous)\s+year\b))\b",
            re.IGNORECASE,
        ),
        "full_year",
    ),
    (
        re.compile(
            # "in 2023", "in the year 2021", "for the entire 2023" (not "the final month of
            # 2025": read whole by "en_end_month")
            # (not "as of 2024": up to its end, read by "zh_up_to_a_year")
            # ("as early as 2018, producing a record 1.03 million": when it happened)
            # ("exports over 2022 reached 198,242": that year; not "up 9% over 2022", a base)
            r"(?<!\bmonth )(?<!\bas )\b(?:in|for|during|of|throughout|through|by|across|as early as"
            r"|over(?=\s+the\s+(?:entire|whole|full)\b)"
            r"|over(?=\s+20\d\d\s+(?:reached|totall?ed|came|stood|hit|amounted|were|was)\b))"
            r"\s+(?:the\s+)?(?:(?:entire|whole|full)\s+"
            r"(?:of\s+)?|entirety\s+of\s+)?"  # "in the whole of 2018", "the entirety of 2023"
            # "in calendar 2017", "in the calendar year 2017"
            r"(?:(?:calendar\s+)?year\s+(?:of\s+)?|calendar\s+)?(20\d\d)\b"
            r"(?!\s*(?:target|goal|plan))",
            re.IGNORECASE,
        ),
        "en_year",
    ),
    # "Geely reports 2021 results", "its 2023 earnings": the year the results are of (not
    # "Q1 2025 results", "first-half 2024 results": a part of it)
    (
        re.compile(
            r"(?<![QH]\d )(?<!quarter )(?<!half )\b(20\d\d)\s+(?:(?:annual|full[- ]year"
            r"|financial|operating|business)\s+){0,2}(?:results|earnings|performance)\b",
            re.I,
        ),
        "en_year",
    ),
    # "For full-year 2025, Li Auto recorded ...", "its full-year 2024 deliveries"
    (
        re.compile(r"\bfull[- ]year\s+(?:of\s+)?(20\d\d)\b(?!\s*(?:target|goal|plan))", re.I),
        "en_year",
    ),
    # "As 2024 went on, …": the year a story moves into
    (
        re.compile(
            r"\bas\s+(20\d\d)\s+(?:went on|wore on|progressed|unfolded|began|started"
            r"|got under way)\b",
            re.I,
        ),
        "en_year",
    ),
    # "Its best year was 2020, when it sold 806,500 vehicles": the year of the when-clause
    # "1993 – The 100,000th Changan vehicle rolls off the assembly line": a line of a timeline
    (re.compile(r"\A\s*(?:[-•*]\s*)?((?:19|20)\d\d)\s*[–—-]\s+(?=[A-Z])"), "en_timeline"),
    # ("an increase of 208.64 per cent over 2021, when BYD sold almost 600,000": that year's)
    # ("The run carried on into 2017, when sales went above 2 million")
    (
        re.compile(
            r"\b(?:was|were|came in|remains|over|from|than|compared with|versus|into)\s+(20\d\d)"
            r"(?=\s*,\s*when\b)",
            re.I,
        ),
        "en_year",
    ),
    # "2020 brought another drop: … counts 41,558 Yutong buses delivered": a year that opens
    # the sentence as its subject
    (
        re.compile(
            r"^\s*(20\d\d)\s+(?:brought|saw|was|proved|ended|closed|marked|turned out|started"
            r"|began|witnessed)\b",
            re.M,
        ),
        "en_year",
    ),
    # "On 2024 figures, Geely's January-August sales": the year the figures are of
    (re.compile(r"\b(?:on|using|by)\s+(20\d\d)\s+(?:figures|numbers|data)\b", re.I), "en_year"),
    # "up 41.3 percent from 2023's 3,024,417 units": the year that owns the number after it
    (re.compile(r"\b(20\d\d)(?=['’]s\s+(?:[\w-]+\s+){0,3}?\d)"), "en_year_owner"),
    (
        re.compile(
            r"\b(20\d\d)\s+(?:(?:delivery|sales|production|export)\s+(?=result|figure|total))?"
            r"(?:deliveries|sales|production|output|exports|total|tally|volumes?|figure|result)\b",
            re.IGNORECASE,
        ),
        "en_year",
    ),
    (
        re.compile(
            r"\b(?:closed out|closing out|closes out|ended|ending|finished|wrapped up"
            r"|rounded (?:off|out))\s+(20\d\d)\b",
            re.IGNORECASE,
        ),
        "en_year",
    ),
    (
        re.compile(
            r"\b(?:cumulative(?:ly)?|aggregate(?= (?:deliveries|sales|production|output))|to date"
            # "Its accumulated overseas sales have passed 1 million units" (not "Last year the
            # brand's accumulated sales reached 370,000": that year's)
            r"|accumulated(?= (?:(?:overseas|global|domestic|export|total|vehicle|car|NEV)\s+)?"
            r"(?:deliveries|sales|production|output|exports|shipments)\s+(?:have|has)\b)"
            r"|since (?:its |the |(?:the )?(?:company|brand|firm"
            r"|carmaker|automaker|plant|factory)['’]s )?(?:market |official |first )?"
            r"(?:launch|founding|inception|start|debut|establishment)|all[- ]time total|millionth"
            r"|since (?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d"
            # ("since the Hong Kong-listed company launched its SU7")
            r"|since (?:it|they|the (?:[\w'’-]+\s+){0,3}?(?:company|brand|plant|factory|firm"
            r"|carmaker|automaker|startup)|(?:(?:its|the|their)\s+)?"
            r"(?:[a-z-]+\s+)?(?:deliveries|production|sales|operations)) (?:first )?(?:began|begun"
            r"|started|launched|opened|commenced|was founded|was established"
            # ("since the company entered the vehicle market in 2019")
            r"|entered (?:the )?(?:[\w-]+ ){0,2}?market)"
            # "Since the first Jiefang truck left the production line in 1956": from then on
            r"|since the first (?:[\w-]+\s+){0,3}?(?:left|rolled off|came off) (?:the )?"
            r"(?:production|assembly) line"
            # "since its first model went on sale in June 2018"
            r"|since (?:its|their|the) first (?:[\w-]+\s+){0,2}?(?:went on sale|hit the market"
            r"|was delivered|reached customers)"
            # "As of Saturday, the carmaker had delivered 442,000": counted from the start
            r"|as (?:of|at) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
            r"|yesterday|now)"
            # "built more than 100,000 vehicles in 1.5 years": counted from the start (not
            # "sales tripled in three years to 427,000 in 2024", "from 1 million units in 2020
            # to nearly five times that number in three years", the span of a growth)
            r"|(?<!tripled )(?<!doubled )(?<!quadrupled )(?<!trebled )(?<!grew )(?<!rose )"
            r"(?<!increased )(?<!jumped )(?<!surged )(?<!soared )(?<!climbed )(?<!fold )"
            r"(?<!number )(?<!figure )(?<!level )"
            r"in (?:just |only |about |less than |under )?(?:\d+(?:\.\d+)?|two|three|four|five"
            r"|six|seven|eight|nine|ten|a|one and a half) (?:and a half )?years"
            # "its first 500,000 vehicles in about 20 months", "reached 200,000 in those same 14
            # months": since its deliveries began (not "output tops 80,000 in two months", the
            # year's first two)
            r"|in (?:about|less than|under|those(?: same)?) \d+ months)\b",
            re.IGNORECASE,
        ),
        "lifetime",
    ),
    (
        # not "A total of 556,000 NEVs were sold": a passive past tells of the time reported
        # (nor "Growth eased to 4.8% in June, for a total of 2.6 million": that time's sum)
        re.compile(
            # ("Growth in total vehicle sales": the adjective, not "altogether")
            r"\bin total\b(?!\s+(?:vehicle|car|auto|sales|deliveries|production|output|exports"
            r"|shipments|registrations|new|passenger|NEV|EV)s?\b)"
            r"|(?<!\bfor )\ba total of\b(?![^.;]*?\b(?:were|was)\s+(?:sold|delivered|produced"
            r"|exported|shipped|made|registered|retailed|manufactured)\b)"
            # "taking total deliveries to 67,157 as of 30 September": the running total
            r"|\b(?:taking|bringing|took|brought|lifting|pushing)\s+(?:its\s+|the\s+|their\s+)?"
            r"total\s+(?:deliveries|sales|production|output|exports)\s+to\b",
            re.IGNORECASE,
        ),
        "total",
    ),
    (
        re.compile(
            r"\b(?:last|past|previous|trailing|preceding|(?:most\s+)?recent)\s+(?:12|twelve)"
            r"\s+months\b"
            # "over the last ten years", "in the past decade": a span of years back from now
            r"|\b(?:last|past|previous|preceding)\s+(?:(?:\d{1,2}|two|three|four|five|six|seven"
            r"|eight|nine|ten|fifteen|twenty)\s+years|decades?)\b"
            # "Last year exports passed three million, and the year before that two million":
            # a year counted back from another (not one this reading dates)
            r"|\bthe\s+year\s+before\s+(?:that|last)\b"
            # "In the years that followed, its output held at around 1 million": years after
            # the one told, none of them said
            r"|\b(?:in|over|during)\s+the\s+(?:(?:following|subsequent|next)\s+(?:few\s+)?years"
            r"|years\s+(?:that\s+followed|since|after\s+that))\b"
            r"|过去\s*(?:12|十二)\s*个月|近\s*(?:12|十二)\s*个月"
            # "in the nearly 13 months since", "the 12 months since the plant opened": a span
            # from an event, no calendar period
            r"|\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
            r"\s+months\s+since\b"
            # "sold 22,524 units in two months", "built 100,000 in just 1.5 years": a span
            # that took so long, no calendar period
            # "exports topped 100,000 in a quarter for the first time": some quarter, not said
            r"|\bin a (?:single )?(?:quarter|(?:three|3)[- ]month period)\b"
            # "down from 526,409 in the previous three months": the quarter before the one the
            # sentence reports, not told here
            r"|\b(?:previous|prior|preceding)\s+(?:three|3)\s+months\b"
            # (after the count's noun: not "the first annual decline in 28 years")
            r"|\b(?:units?|vehicles?|cars?|EVs?|NEVs?)\s+(?:in|within)\s+(?:just\s+|only\s+|less\s+than\s+|under\s+)?(?:\d{1,2}(?:\.\d)?"
            r"|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+(?:months|years)\b"
            r"(?!\s+(?:of|to|ended|ending|through|before|after|ago)\b)",
            re.IGNORECASE,
        ),
        "rolling",
    ),
    # "sold abroad in total over the past eleven months": in December, January to November
    (
        re.compile(
            r"\b(?:last|past|previous|preceding|most\s+recent)\s+"
            + _N
            + r"\s+months\b(?!\s+(?:of|since)\b)",
            re.IGNORECASE,
        ),
        "en_past_months",
    ),
    # "with single-month sales of 105,483 units in December": a look inside the year reported
    # ("May on its own saw sales of 2.42 million": the month, not the year so far)
    (re.compile(r"\balone\b|\bsingle[- ]month\b|\bon its own\b", re.IGNORECASE), "alone"),
    # "its previous month's record": the month before the one reported
    (
        re.compile(
            r"\b(?:previous|prior|preceding) month(?=['’]s\b)"
            # "after delivering about 11,000 cars the prior month": the month before (not the
            # base of a rate, "up 4% from the previous month")
            r"|(?<!from )(?<!(?<!handed )over )(?<!than )(?<!on )(?<!versus )(?<!with )(?<!to )"
            r"(?<!vs )(?<!against )"
            r"\bthe (?:previous|prior|preceding) month\b(?!['’])"
            # "It delivered 11,008 a month earlier": the month before the one reported
            r"|(?<!from )(?<!than )(?<!with )(?<!to )(?<!versus )(?<!vs )(?<!against )"
            r"\b(?:a|one) month (?:earlier|before)\b",
            re.IGNORECASE,
        ),
        "prior_month",
    ),
    # "In the final month of 2025": December of that year (not the month before the news)
    (
        re.compile(
            r"\b(?:the\s+)?(last|final|closing|first|opening)\s+month\s+of\s+(?:the\s+year\s+)?"
            r"(20\d\d)\b",
            re.IGNORECASE,
        ),
        "en_end_month",
    ),
    # "By the end of last month, NIO's deliveries stood at 176,700": counted up to then
    (
        re.compile(r"\b(?:by|as of|as at|through|until|up to) the end of last month\b", re.I),
        "to_last_month_end",
    ),
    (
        re.compile(r"\b(?:last|previous|past) month\b(?!\s+of\s+(?:the\s+year\s+)?20\d\d)", re.I),
        "last_month",
    ),
    # "delivered 61,855 vehicles last quarter" (not "up 20% from last quarter", a comparison;
    # nor "the last quarter of 2024", the fourth)
    (
        re.compile(
            r"(?<!\bfrom )(?<!\bthan )(?<!\bover )(?<!\bvs )(?<!\bvs\. )(?<!\bversus )"
            r"(?<!\bagainst )(?<!\bwith )(?<!\bto )(?<!\bon )(?<!\bsince )(?<!\bthe )"
            r"\blast quarter\b(?!['’]|\s+of\b)",
            re.IGNORECASE,
        ),
        "last_quarter",
    ),
    # (not "as reported this month by CAAM": when it was said, not what was counted)
    (
        re.compile(
            r"(?<!\breported )(?<!\bsaid )(?<!\bannounced )(?<!\breleased )(?<!\bpublished )"
            r"(?<!\bdisclosed )\bthis month\b",
            re.IGNORECASE,
        ),
        "this_month",
    ),
    (
        re.compile(
            r"\b(?:(?:for|in|during|over) the (?:quarter|three months|three-month period)"
            r"|(?:as of|at) the end of the quarter"
            # "Its quarterly deliveries of 35,221 were up 40.2%": the quarter's count
            r"|quarterly (?:deliveries|sales|shipments|output|production|exports)"
            r"(?=\s+(?:of|reached|rose|grew|climbed|jumped|fell|dropped|declined|were|was|stood"
            r"|came|totall?ed|hit)\b))\b"
            # "The quarter wasn't bad either - Geely dealers moved 48,438 units": the quarter as
            # the sentence's topic
            r"|^\s*The (?:whole |full |entire )?quarter\b(?=\s+(?:was|wasn['’]t|has|had|also"
            r"|as a whole|overall|brought|saw|ended|closed)\b)"
            r"(?!\s+(?:to|ended|ending|through)\b)",
            re.IGNORECASE,
        ),
        "en_that_quarter",
    ),
    (
        re.compile(
            r"\b(?:for|in|during|over) the (?:half[- ]year|six months|six-month period)\b"
            # (not "the six months to June", "ended June 30": a span said by its end)
            r"(?!\s+(?:to|ended|ending|through)\s+(?:the\s+end\b|" + _MON + r"))",
            re.IGNORECASE,
        ),
        "that_half",
    ),
    (re.compile(r"\bquarterly (?:record|high|best)\b", re.IGNORECASE), "quarterly_claim"),
    # "Over the two months it handed over 51,416": the months just told, summed
    (
        re.compile(
            # ("bringing overseas sales over the eleven months to 44,600": January to the
            # month told, when it is the eleventh)
            # ("Over the same five months, DPCA sold 150,100" after a January-May count)
            r"\b(?:over|in|across|during|for)\s+(?:the|these|those)\s+(?:same\s+)?(two|2|four"
            r"|five|six|seven"
            r"|eight|nine|ten|eleven|[4-9]|1[01])\s+months"
            # (not "in the two months to February": a span to a month; "to 44,600" is the count)
            r"(?:\s+combined)?\b(?!\s+(?:of|ended|ending|through|before|after|ago|since)\b)"
            r"(?!\s+to\s+(?!(?:about |around |nearly |some |over |more than )?\d))"
            r"|\b(?:these|those)\s+(three|3)\s+months\b|\bthe\s+(two|three)\s+months\s+combined\b"
            # "the 283,043 units sold over the same four months of 2024": those months, that year
            r"|\bthe\s+same\s+(two|2|three|3|four|five|six|seven|eight|nine|ten|eleven|[4-9]|1[01])"
            r"\s+months\s+(?=(?:of|in)\s+(?:19|20)\d\d\b)",
            re.IGNORECASE,
        ),
        "en_months_told",
    ),
    # "In Quarter II, Xiaomi delivered 81,302"
    (re.compile(r"\bQuarter\s+(IV|I{1,3})\b(?:,?\s+(20\d\d))?"), "en_roman_quarter"),
    (
        re.compile(
            r"\b(?:in|during|over|for|across) the same (?:(?:two|three|four|five|six|seven|eight"
            r"|nine|ten|eleven|\d{1,2})[ -])?(?:months|period|quarter|half)\b"
            r"(?!\s+(?:of|in|a|last|the previous|previous)\b)"
            # "In the period, Mercedes delivered ...": the span the last sentence named
            r"|\b(?:in|during|over|for|across) the (?:given )?period\b"
            r"(?!\s+(?:of|in|from|between|to|ended|ending|through|under|since|when|after|before|a"
            r"|last|the previous|previous)\b)",
            re.IGNORECASE,
        ),
        "that_period",
    ),
    # "In the given month, production and sales of NEVs totaled ...": 当月 in translation
    (re.compile(r"\b(?:in|during|for) the given month\b", re.IGNORECASE), "en_that_month"),
    # "Today production has passed 10 million": up to the day it was said
    # ("passed the 10 million mark for the first time on Thursday": a milestone that day)
    (
        re.compile(
            r"^\s*today\b(?!['’])|\bas of (?:today|now)\b|\b(?:mark|milestone)\b[^.;]{0,40}?\bon "
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
            # "BYD today saw its 5 millionth NEV come off the line": a running total that day
            r"|\btoday\b(?=[^.;]{0,60}?\b(?:millionth|\d+(?:st|nd|rd|th)|cumulative(?:ly)?)\b)",
            re.IGNORECASE,
        ),
        "en_now",
    ),
    # "Chery has so far exported more than 2.4 million vehicles": a running total up to the
    # day it was said (not "has so far this year sold", the year so far)
    (
        re.compile(
            r"\b(?:has|have)\s+(?:so far|thus far|to date)\b(?!\s+(?:this|in|during)\b)"
            r"(?![^.;]*?\b(?:this year|year[- ]to[- ]date|in (?:19|20)\d\d)\b)",
            re.IGNORECASE,
        ),
        "en_so_far",
    ),
    # "In total, NIO has now sold 431,582 electric cars": all it sold, to the time reported
    (
        re.compile(
            r"\b(?:has|have)\s+now\s+(?:sold|delivered|built|produced|made|exported)\b"
            r"(?![^.;]*?\b(?:this year|year[- ]to[- ]date|in (?:19|20)\d\d|last|since)\b)",
            re.IGNORECASE,
        ),
        "en_now_in_all",
    ),
    # "delivered 52,153 units during the month", "The month produced a total of 56,006": the
    # month reported on (not "in the month of May", "the month before")
    (
        re.compile(
            # ("Xpeng delivered 4,224 during the same month": the month told before)
            # (not "The month lifted its total sales for last year to 473,078": what the month
            # added to a longer time's total)
            r"\b(?:(?:in|during|for|over) the (?:same )?month|^the month)\b(?!\s+(?:of|before|after"
            r"|earlier|ending|ended|to|through|in which|when|a year|one year|last year|the previous"
            r"|the prior|lifted|brought|took|pushed|raised|boosted)\b)(?!['’])"
            # "reached 4,174 sales in only its second month on sale", "found 3,551 buyers in its
            # first full month": the month reported on
            r"|\bin (?:only |just )?its (?:first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th))"
            r" (?:full )?month\b(?! of\b)",
            re.IGNORECASE,
        ),
        "en_that_month",
    ),
    # "After the L90 launched in August, … Onvo delivered 16,434 units that month": the month
    # said last (not "that month a year earlier", "that month of 2024": a comparison's)
    (
        re.compile(
            r"\bthat (?:same |very )?month\b(?!['’])(?!\s+(?:a year|one year|last year|the "
            r"(?:previous|prior) year|of\b|in (?:19|20)\d\d))",
            re.IGNORECASE,
        ),
        "en_month_said",
    ),
]

_FIRST_EN = next(i for i, (_, kind) in enumerate(_PATTERNS) if kind == "en_partial")
_ZH_PATTERNS = _PATTERNS[:_FIRST_EN]
_EN_PATTERNS = _PATTERNS[_FIRST_EN:]
# "蔚来累计交付的汽车总数已达145,703台": the grand total, since the start
_GRAND_TOTAL_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?总(?:数|量)(?:已经?)?(?:达|突破|超过|超)")
_ZH_TRIGGER = re.compile(r"[月季年累计积迄天]|半年|历史总|以来|\d\s*日|目前|当前")
_EN_TRIGGER = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|first|second|third"
    r"|fourth|year|ytd|annual|cumulative|accumulated|total|to date|since|millionth|month|whole"
    r"|entire|quarter"
    r"|same|period|given|week|quarterly|as of|as at|years|so far|thus far"
    r"|20\d\d)|(?<![a-z0-9])(?:q[1-4]|h[12])|\A\s*(?:[-•*]\s*)?19\d\d\s*[–—-]",
    re.IGNORECASE,
)
_MONTH_NEEDLES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# cheap substring tests: a pattern runs only when one of its needles is in the text
_NEEDLES: dict[str, tuple[str, ...]] = {
    "zh_year_range": ("年",),
    "zh_range": ("月",),
    "zh_first_n": ("前", "首"),
    "zh_first_q": ("前", "首"),
    "zh_quarter": ("季",),
    "zh_quarter_ended": ("止",),
    "h1": ("上半年",),
    "h2": ("下半年",),
    "zh_as_of": ("截", "止", "到"),
    "zh_date": ("日", "号"),
    "zh_day": ("日",),
    "en_end_month": ("month of",),
    "zh_end_month": ("最后一", "最後一"),
    "zh_month": ("月",),
    "zh_year": ("年",),
    "last_year": (
        "last year",
        "previous year",
        "year ago",
        "year earlier",
        "year before",
        "去年",
        "上年",
        "上一年",
    ),
    "zh_last_year": ("去年", "上年", "上一年", "过去的"),
    "zh_annual": ("年交付", "年销", "年产"),
    "full_year": (
        "全年",
        "年交付",
        "年销",
        "年度",
        "整年",
        "当年",
        "这年",
        "这一年",
        "同年",
        "年底",
        "年末",
        "年产",
        "年累计",
        "full",
        "whole",
        "annual",
        "entire",
        "single year",
        "one year",
        "within a year",
        "in a year",
        "calendar year",
        "all of",
        "cumulative",
    ),
    "lifetime": (
        "累",
        "历史总",
        "个月",
        "天",
        "用",
        "迄今",
        "以来",
        "cumulative",
        "accumulated",
        "aggregate",
        "in total",
        "to date",
        "since",
        "all-time",
        "all time",
        "millionth",
        "as of",
        "as at",
        " years",
        " months",
    ),
    "last_month": ("上月", "上个月", "month"),
    "to_last_month_end": ("end of last month",),
    "last_quarter": ("上季", "上一季", "last quarter"),
    "prior_month": ("month",),
    "this_month": ("this month",),
    "zh_this_month": ("本月",),
    "zh_to_now": ("目前", "当前", "迄今为止"),
    "that_month": ("当月",),
    "zh_monthly": ("月交付", "月销"),
    "that_quarter": (
        "当季",
        "本季度",
        "同一季",
        "单季",
        "quarterly",
    ),
    "en_that_quarter": ("the quarter", "three-month", "three months", "quarterly "),
    "that_half": ("half-year", "half year", "six months", "six-month"),
    "that_period": ("the same", "the period", "the given period", "同期"),
    "en_that_month": ("given month", "the month", "same month", "its"),
    "en_month_said": ("that",),
    "en_now": ("today", "as of now", "day"),
    "en_so_far": ("so far", "thus far", "to date"),
    "en_now_in_all": ("now",),
    "quarterly_claim": ("quarterly",),
    "this_year": ("今年",),
    "alone": ("仅", "单月", "月销", "月交付", "alone", "single", "on its own"),
    "total": (
        "in total",
        "a total of",
        "total deliveries",
        "total sales",
        "total production",
        "total output",
        "total exports",
    ),
    "zh_total": ("总计",),
    "rolling": (
        "12",
        "twelve",
        "十二",
        "months",
        "years",
        "decade",
        "a quarter",
        "single quarter",
        "year before",
    ),
    "zh_rolling": ("个月", "两月", "三月", "半月"),
    "en_past_months": ("months",),
    "zh_past_months": ("个月",),
    "en_months_told": ("months",),
    "zh_partial": ("周", "旬", "日", "天", "开年"),
    "zh_month_days": ("日",),
    "en_partial": (
        " month",
        "week",
        "days",
        "day",
        "festival",
        "new year",
        "dragon",
        "so far",
        "to-date",
        "to date",
        *_MONTH_NEEDLES,
    ),
    "en_year_quarter": ("q",),
    "en_quarter_slash_year": ("/",),
    "quarter_code": ("q",),
    "en_quarter_to": ("quarter", "three months"),
    "en_months_to": ("months",),
    "en_last_quarter": ("three months", "3 months"),
    "zh_last_quarter": ("最后",),
    "en_range": _MONTH_NEEDLES,
    "en_across_years": ("from",),
    "ytd": (),
    "zh_this_ytd": ("今年",),
    "en_first_n": ("first", "initial", "opening"),
    "en_nth_month": ("month of",),
    "en_n_month_period": ("month",),
    "en_first_q": ("first",),
    "en_quarter_span": ("q1", "q2", "q3"),
    "en_quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "en_quarter_elided": ("quarter", "half"),
    "en_roman_quarter": ("quarter",),
    "en_half": ("half", "h1", "h2"),
    "en_as_of": (
        "as of",
        "as at",
        "by ",
        "through",
        "until",
        "up to",
        "of the year to",
        "of this year to",
    ),
    "en_as_of_dm": ("as of", "as at", "by ", "through", "until", "up to"),
    "en_year_end": ("end of",),
    "zh_year_end": ("截", "到"),
    "zh_up_to_a_year": ("截",),
    "en_up_to_a_year": ("as of", "as at"),
    "en_date": _MONTH_NEEDLES,
    "en_date_dm": _MONTH_NEEDLES,
    "en_month": _MONTH_NEEDLES,
    "en_year": ("20",),
    "en_timeline": ("–", "—", "-"),
    "en_year_owner": ("'s", "’s"),
}
# each pattern with its needles (None: always run)
_ZH_PLAN = [(p, kind, frozenset(_NEEDLES.get(kind) or ()) or None) for p, kind in _ZH_PATTERNS]
_EN_PLAN = [
    (
        p,
        kind,
        frozenset(("year", "ytd", "so far", "since") if kind == "ytd" else _NEEDLES[kind]) or None,
    )
    for p, kind in _EN_PATTERNS
]
_ZH_NEEDLES = tuple(sorted({n for _, _, ns in _ZH_PLAN for n in ns or ()}))
# perf: each case-insensitive pattern lower-cased and case-sensitive, for lowered text (see
# _EN_TRIGGER_LOWER): it finds where the pattern's matches are, two to four times faster
_LOWER_TWINS = {
    p: re.compile(p.pattern.lower())
    for p, _, _ in _EN_PLAN
    if p.flags & re.IGNORECASE and not re.search(r"\\[A-Z]|\(\?[A-Za-z-]+[:)]|\(\?P", p.pattern)
}
_EN_NEEDLES = tuple(sorted({n for _, _, ns in _EN_PLAN for n in ns or ()}))
_ANNOUNCE = re.compile(
    r"\b(?:said|says|announced|reported|released|published|disclosed|unveiled|showed|show)\b|"
    r"公布|发布|宣布|表示|披露|显示|获悉|消息|数据显示",
    re.IGNORECASE,
)


# "its first monthly decrease since ...", "the highest since 2019": what the since-phrase
# scopes is a claim, not a running total
_CLAIM_BEFORE_SINCE = re.compile(
    r"\b(?:first|highest|lowest|best|worst|biggest|largest|smallest|strongest|weakest|fastest"
    r"|slowest|record)\b[^,.;]{0,40}$",
    re.IGNORECASE,
)
# "GWM said earlier in January that its sales for the whole of 2021 reached": when it was
# said, not what was counted
_SAID_AT_TIME = re.compile(
    r"\b(?:said|announced|reported|disclosed|revealed|confirmed)\s+(?:earlier\s+|late\s+"
    r"|early\s+)?(?:in|on)\s+(?P<t>(?:early\s+|late\s+|mid-)?" + _MON + r"(?:\s+\d{1,2})?"
    r"(?:,?\s+20\d\d)?),?\s+that\b",
    re.IGNORECASE,
)
# "…, as the China Association of Automobile Manufacturers reported in mid-January": when a
# source told it, after the count
_AS_REPORTED_AT_TIME = re.compile(
    r"\bas\s+(?:the\s+)?[A-Z][^,.;]{0,80}?\b(?:said|announced|reported|disclosed|revealed"
    r"|confirmed)\s+(?:earlier\s+|late\s+|early\s+)?(?:in|on)\s+(?P<t>(?:early\s+|late\s+|mid-)?"
    r"(?i:" + _MON + r")(?:\s+\d{1,2})?(?:,?\s+20\d\d)?)\s*(?:[.;]|$)",
)
_SPAN_TO = re.compile(r"(?:through|until|up to|to)\s", re.IGNORECASE)
_YEAR_START_BEFORE = re.compile(
    r"\b(?:from|since)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year,?\s+$", re.I
)
_LAST_BEFORE = re.compile(r"\blast\s+$", re.IGNORECASE)
_THIS_BEFORE = re.compile(r"\bthis\s+$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + _MON + r"\s+(?:of\s+)?$", re.IGNORECASE)


_CLAIM_BEFORE_THIS_YEAR = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|only"
    r"|\d+(?:st|nd|rd|th))\s+(?:month|time|quarter)\s+$",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(r"\b(?:this|last)\s+year\b", re.IGNORECASE)


def _year_word(text: str) -> str | None:
    """ "this year" or "last year" as written in ``text`` (lowered, single-spaced)."""
    m = _YEAR_WORDS.search(text)
    return " ".join(m.group(0).lower().split()) if m else None


def _year_of(token: str | None, parts: Parts) -> None:
    """Adds the year written inside the last component (e.g. "first half of 2024")."""
    if not token:
        return
    token = token.lower()
    values = parts.components[-1][2]
    if token.isdigit():
        values["year"] = parts.year = int(token)
    elif token == "this year":
        values["year_rel"] = parts.year_rel = "this"
    elif token == "last year":
        values["year_rel"] = parts.year_rel = "last"


# the year a company was set up: no time any count is of
_FOUNDED_BEFORE = re.compile(
    r"\b(?:founded|established|set up|formed|incorporated|created)\s+(?:in\s+)?$"
    r"|(?:成立|创立|创建|始建|组建|创办)(?:于|在)\s*$",
    re.IGNORECASE,
)
# "155,804 since the vehicle entered the market in 2019": the year a running total started
_SINCE_AN_EVENT_BEFORE = re.compile(
    # (not "since the start of 2025": that year so far)
    r"\bsince\s+(?!the\s+(?:start|beginning)\s*$)(?:it|the|its|they|their|we|our)\b[^.;,]{0,60}?\s"
    r"(?:in\s+)?"
    r"(?:(?:early|late|mid)-?\s*)?$",
    re.IGNORECASE,
)
_FOUNDED_AFTER_ZH = re.compile(
    r"\s*(?:\d{1,2}\s*月)?(?:\d{1,2}\s*[日号])?(?:成立|创立|创建|组建|创办)"
)


_YEAR_SAID = re.compile(r"(20\d\d)\s*年")


def _year_said_before(text: str, at: int) -> str | None:
    """The last year said before offset ``at`` in the same sentence part (after a 。 or ；)."""
    part = max(text.rfind(mark, 0, at) for mark in "。；;") + 1
    years = _YEAR_SAID.findall(text, part, at)
    return years[-1] if years else None


def find_parts(text: str, start: int = 0, end: int | None = None, *, bases: bool = True) -> Parts:
    """Time components in ``text[start:end]`` (positions stay relative to ``text``).

    Components inside a comparison ("than in April", "from the 8,620 it sold in June",
    "较4月") describe the base, not the sentence's figures: they go to ``ties`` (with the base
    number) or nowhere, though their spans stay in ``spans``. With ``bases`` False, text without
    any time component gives empty Parts at once, without the comparison bases' ties (for a
    reader that has no number to tie).
    """
    end = len(text) if end is None else end
    raw = _scan(text, start, end)
    if not bases and not raw.components:
        return raw
    scopes = _base_scopes(text, start, end, raw.components)
    return _assemble(text, raw, scopes)


_AT_MONTH = ("en_range", "en_date", "en_month")
# case-insensitive patterns whose letters are all lower case, compiled to run on lowered text
# (twice as fast; the same matches unless ODD_CASE characters are in the text)
_EN_TRIGGER_LOWER = re.compile(_EN_TRIGGER.pattern)
_MONTH_STARTS = re.compile(r"(?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], end: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, ..., end)`` finds when its matches can only begin at
    ``starts`` (ascending): each tried there, none overlapping."""
    done = -1
    for pos in starts:
        if pos < done:
            continue
        m = pattern.match(text, pos, end)
        if m is not None:
            yield m
            done = m.end()


_FLAG_KINDS: dict[str, dict[str, object]] = {
    "this_year": {"year_rel": "this"},
    "zh_this_ytd": {"ytd": True, "this_ytd": True},
    "alone": {"alone": True},
    "total": {"total": True},
    "zh_total": {"total": True},
    "rolling": {"rolling": True},
    "zh_partial": {"rolling": True},
    "zh_rolling": {"rolling": True},
    "en_partial": {"rolling": True},
    "that_month": {"that_month": True},
    "zh_monthly": {"that_month": True},
    "en_that_month": {"that_month": True},
    "en_month_said": {"that_month": True, "month_said": True},
    "en_now": {"now": True},
    "en_so_far": {"now": True, "lifetime": True},
    "en_now_in_all": {"lifetime": True},
    "that_quarter": {"that_quarter": True},
    "en_that_quarter": {"that_quarter": True, "ended_quarter": True},
    "that_half": {"that_half": True},
    "that_period": {"that_period": True},
    "quarterly_claim": {"quarterly_claim": True},
    "last_year": {"year_rel": "last"},
    "zh_last_year": {"year_rel": "last", "last_year_zh": True},
    "full_year": {"full_year": True},
    "zh_annual": {"full_year": True, "annual": True},
    "lifetime": {"lifetime": True},
    "last_month": {"last_month": True},
    "to_last_month_end": {"last_month": True, "lifetime": True},
    "last_quarter": {"last_quarter": True},
    "prior_month": {"last_month": True, "prior_month": True},
    "this_month": {"this_month": True},
    "zh_this_month": {"this_month": True, "this_month_zh": True},
    "zh_to_now": {"to_now": True},
}


# "5月累计", "当月累计" (not "1-5月累计", "截至5月累计"): one month's total
_ONE_MONTH_BEFORE = re.compile(r"(?:(?<![\d\-–—~至到])\d{1,2}\s*月(?:份)?|当月|单月|本月)\s*$")
_MILESTONE_PASSED = re.compile(r"[^，,。；;\d]{0,8}?(?:突破|跨越|迈过|站上|越过)")
_WHOLE = re.compile(r"\b(?:whole|entire|entirety|full|calendar)\b", re.I)
# ("到今年10月累计": up to that month, a running total)
_SINCE_START_ZH_CUE = re.compile(
    r"截[至止]|历史|以来|迄今|至今|从|自|(?<![达得])到\s*(?:今年|(?:19|20)\d\d\s*年)?\s*\d{1,2}\s*月"
)


def _to_the_months_end(month: int, last_day: int) -> bool:
    """Days from the 1st to ``last_day`` cover the whole month (any February to its 28th)."""
    return last_day >= (28 if month == 2 else month_end(2001, month).day)


_A_WHOLE_MONTH_BY_DAYS = re.compile(
    _MON + r"\s+1(?:st)?\s*(?:-|–|to|through|until)\s*(28|29|30|31)(?:st|th)?", re.IGNORECASE
)
_END_OF_BEFORE = re.compile(
    # ("By the third quarter, BYD had sold 2.07 million this year": up to its end)
    r"\b(?:by|as of|as at|through|until|up to) (?:the end of )?(?:the\s+)?$",
    re.I,
)


# perf: one search for "one of the words is in the text"
_SINCE_NEEDLE = re.compile(
    "since|began|begun|start|open|launch|commenc|founded|established|went on sale|entered"
)


def _time_span(m: re.Match[str]) -> tuple[int, int]:
    """Where the time of a match of one of the patterns whose branches each name their time
    (groups ``t``, ``t2``, ...) stands: the one group its matching branch filled."""
    return m.span(next(g for g, said in m.groupdict().items() if said))


def _scan(text: str, start: int, end: int) -> Parts:
    """Every time component in ``text[start:end]``, comparison bases included."""
    parts = Parts()
    chunk = text[start:end]
    lowered = chunk.lower()
    # every comparison phrase has "year", 同期, 持平, 全年 or 的第 in it
    taken: list[tuple[int, int]] = (
        [(m.start(), m.end()) for m in _COMPARISON.finditer(text, start, end)]
        if "year" in lowered
        or "同期" in chunk
        or "持平" in chunk
        or "全年" in chunk
        or "的第" in chunk
        else []
    )
    if _SINCE_NEEDLE.search(lowered) or "自" in chunk or "从" in chunk or "以来" in chunk:
        # the time a count starts from, or a plant or brand started
        taken += [_time_span(m) for m in _SINCE_START.finditer(text, start, end)]

    if _EVENT_NEEDLE.search(lowered):
        taken += [_time_span(m) for m in _EVENT_TIME.finditer(text, start, end)]
        taken += [_time_span(m) for m in _BEATEN_RECORD_TIME.finditer(text, start, end)]
    if _EVENT_ZH_NEEDLE.search(chunk):
        taken += [m.span("t") for m in _EVENT_ZH.finditer(text, start, end)]
    if start == 0 and lowered.startswith("on "):
        release = _RELEASE_DAY.match(text)
        if release is not None and _RELEASED.search(text, release.end(), end):
            taken.append(release.span("t"))  # "On March 23, 2022, Geely released its ..."
    if "on " in lowered:
        taken += [m.span("t") for m in _RELEASED_ON_DAY.finditer(text, start, end)]
    if _RATE_BASE_NEEDLE.search(lowered):
        taken += [m.span("t") for m in _RATE_BASE_TIME.finditer(text, start, end)]
    if "from" in lowered:
        taken += [m.span("t") for m in _FROM_TIME_TO_NUMBER.finditer(text, start, end)]
    if " that " in lowered:
        taken += [m.span("t") for m in _SAID_AT_TIME.finditer(text, start, end)]
    if "as " in lowered:
        taken += [m.span("t") for m in _AS_REPORTED_AT_TIME.finditer(text, start, end)]
    if "%" in lowered or "percent" in lowered or "per cent" in lowered:
        taken += [m.span("t") for m in _RATE_OVER_TIME.finditer(text, start, end)]
        taken += [m.span("t") for m in _RATE_FROM_TIME_AFTER.finditer(text, start, end)]

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    patterns: list[tuple[re.Pattern[str], str]] = []
    # a pattern runs only when one of its needles is in the text (cheap substring tests)
    if _ZH_TRIGGER.search(chunk):
        present = {n for n in _ZH_NEEDLES if n in lowered}
        patterns += [(p, k) for p, k, ns in _ZH_PLAN if ns is None or not present.isdisjoint(ns)]
    odd = ODD_CASE.search(chunk)
    if _EN_TRIGGER.search(chunk) if odd else _EN_TRIGGER_LOWER.search(lowered):
        present = {n for n in _EN_NEEDLES if n in lowered}
        if odd:
            present.add("year")  # the ytd needles were added later: keep ytd running
        patterns += [(p, k) for p, k, ns in _EN_PLAN if ns is None or not present.isdisjoint(ns)]
    # where a month name may start: "en_month" and "en_date" matches start there only, and
    # "en_range" needs two (None: characters str.lower() does not fold as the patterns do)
    month_starts = None
    if not odd and any(k in _AT_MONTH for _, k in patterns):
        month_starts = [m.start() + start for m in _MONTH_STARTS.finditer(lowered)]
    for pattern, kind in patterns:
        if month_starts is not None and kind in _AT_MONTH:
            if kind == "en_range" and len(month_starts) < 2:
                continue
            matches = _matches_at(pattern, text, month_starts, end) if kind != "en_range" else None
        else:
            matches = None
        if matches is None and not odd and start == 0 and end == len(text):
            twin = _LOWER_TWINS.get(pattern)
            if twin is not None:  # the pattern's own matches, where its twin finds them
                at = [t.start() for t in twin.finditer(lowered)]
                matches = _matches_at(pattern, text, at, end)
        for m in matches if matches is not None else pattern.finditer(text, start, end):
            if not free(m):
                continue
            g = m.groups()
            if kind in _FLAG_KINDS:  # a word that only sets a flag: "this year", "alone", ...
                whole = (
                    _A_WHOLE_MONTH_BY_DAYS.fullmatch(m.group(0)) if kind == "en_partial" else None
                )
                month = MONTHS[whole.group(1).lower()] if whole is not None else 0
                if whole is not None and _to_the_months_end(month, int(whole.group(2))):
                    # "from December 1 to 31 last year": a whole month told by its days
                    _add(parts, m, month=month)
                    continue
                if kind == "lifetime" and _CLAIM_BEFORE_SINCE.search(
                    text, max(start, m.start() - 60), m.start()
                ):
                    continue  # "its first monthly decrease since it started": the claim's
                if (
                    kind == "lifetime"
                    and _ONE_MONTH_BEFORE.search(text, max(start, m.start() - 6), m.start())
                    and not _SINCE_START_ZH_CUE.search(text, max(start, m.start() - 30), m.end())
                    # (not "10月累计交付新车突破10万辆": a running total passing a milestone)
                    and not _MILESTONE_PASSED.match(text, m.end())
                ):
                    continue  # "本田中国5月累计销售66202辆": the month's total, all arms summed
                if kind == "lifetime" and (
                    m.group(0).startswith(("历史", "迄今"))
                    # "上市以来", "自投产算起": counted from an event that began the count
                    or m.group(0).endswith(("算起", "以来"))
                    or _GRAND_TOTAL_AFTER.match(text, m.end())
                ):
                    _add(parts, m, lifetime=True, since_start=True)
                else:
                    _add(parts, m, **_FLAG_KINDS[kind])
            elif kind == "zh_year_range":
                _add(parts, m, year=int(g[0]), months=(int(g[1]), int(g[2])))
            elif kind == "zh_range":
                a, b = int(g[0]), int(g[1])
                if not (1 <= a < b <= 12):
                    continue
                _add(parts, m, months=(a, b))
            elif kind in ("zh_first_n", "en_first_n", "en_n_month_period"):
                n = small_int(g[0])
                if not 1 <= n <= (11 if kind == "en_n_month_period" else 12):
                    continue
                _add(parts, m, months=(1, n))
                if kind == "en_first_n":
                    _year_of(g[1], parts)
            elif kind in ("en_past_months", "zh_past_months"):
                n = small_int(g[0])
                if 1 <= n <= 11:
                    _add(parts, m, past_months=n)
            elif kind == "en_months_told":
                _add(parts, m, months_told=small_int(next(x for x in g if x)))
            elif kind == "en_nth_month":
                _add(parts, m, month=_ORDINALS[g[0].lower()])
                _year_of(g[1] or _year_word(m.group(0)), parts)
            elif kind in ("zh_first_q", "en_first_q"):
                n = small_int(g[0])
                _add(parts, m, months=(1, 3 * n))
                if kind == "en_first_q":
                    _year_of(g[1], parts)
            elif kind == "en_quarter_span":
                first, last = int(g[1]), int(g[2])
                if first < last:
                    _add(parts, m, months=(3 * first - 2, 3 * last))
                    _year_of(g[0] or g[3], parts)
            elif kind == "zh_quarter_ended":
                _add(parts, m, quarter=int(g[1]) // 3)
                # (said without its year in a list: the year last said before it)
                _year_of(g[0] or _year_said_before(text, m.start()), parts)
            elif kind == "zh_quarter":
                q = small_int(g[0] or g[1]) if g[0] or g[1] else 1 if g[2] else 4  # 首季: the first
                _add(parts, m, quarter=q)
            elif kind == "h1":
                _add(parts, m, half=1)
            elif kind == "h2":
                _add(parts, m, half=2)
            elif kind in ("zh_year_end", "en_year_end"):
                _add(parts, m, as_of=(12, None))
                _year_of(g[0], parts)
            elif kind in ("zh_up_to_a_year", "en_up_to_a_year"):
                _add(parts, m, year_end_of=int(g[0]))
                _year_of(g[0], parts)
            elif kind == "zh_as_of":
                g = g[3:] if g[1] is None and len(g) > 3 else g  # a day of the last century
                _add(parts, m, as_of=(int(g[1]), int(g[2]) if g[2] else None))
                _year_of(g[0], parts)
            elif kind == "zh_date":
                g = g[3:] if g[1] is None else g  # a day of the last century
                _add(parts, m, day=(int(g[1]), int(g[2])))
                _year_of(g[0], parts)
            elif kind == "en_end_month":
                _add(parts, m, month=1 if g[0].lower() in ("first", "opening") else 12)
                _year_of(g[1], parts)
            elif kind == "zh_end_month":
                _add(parts, m, month=12)
                _year_of(g[0], parts)
            elif kind == "zh_day":
                if 1 <= int(g[0]) <= 31:
                    _add(parts, m, day=(0, int(g[0])))  # month 0: of the publication
            elif kind == "zh_month_days":
                month, last = int(g[0]), int(g[1])
                if not 1 <= month <= 12:
                    continue
                if _to_the_months_end(month, last):
                    _add(parts, m, month=month)
                else:
                    _add(parts, m, rolling=True)
            elif kind == "zh_month":
                if g[1] is None:  # Chinese numerals: (year, month) come as groups 3-4 or 5-6
                    g = (g[2], g[3]) if g[3] is not None else (None, g[5])
                month = small_int(g[1])
                if not 1 <= month <= 12:
                    continue
                _add(parts, m, month=month)
                _year_of(g[0], parts)
            elif kind in ("zh_year", "en_year", "en_year_owner", "en_timeline"):
                year = int(next(y for y in g if y))
                if (
                    _FOUNDED_BEFORE.search(text, max(start, m.start() - 24), m.start())
                    or _FOUNDED_AFTER_ZH.match(text, m.end())
                    or _SINCE_AN_EVENT_BEFORE.search(text, max(start, m.start() - 80), m.start())
                ):
                    continue  # "the company, founded in 2002, sold …": when it was set up
                if _WHOLE.search(m.group(0)):  # "for the whole of 2023": all of that year
                    _add(parts, m, year=year, full_year=True)
                elif (kind == "en_year" and _WHEN_IN.match(m.group(0))) or (
                    kind == "zh_year" and _ZH_MARK_PASSED_THEN.match(text, m.end())
                ):
                    _add(parts, m, year=year, year_alone=True, year_when=True)
                else:
                    _add(parts, m, year=year, year_alone=True)
            elif kind == "ytd":
                if m.group(0).lower() == "this year" and _MONTH_BEFORE.search(
                    text, max(start, m.start() - 16), m.start()
                ):
                    # "In July this year", "in October of this year": that month of this year
                    _add(parts, m, year_rel="this")
                    continue
                if m.group(0).lower() == "this year" and _CLAIM_BEFORE_THIS_YEAR.search(
                    text, max(start, m.start() - 24), m.start()
                ):
                    # "in September, the first month this year in which": the scope of a
                    # claim, not the year so far
                    _add(parts, m, year_rel="this")
                    continue
                # "throughout the year", "for the year": the year being talked about
                if _THE_YEAR.fullmatch(m.group(0)):
                    _add(parts, m, ytd=True, the_year=True)
                else:
                    _add(parts, m, ytd=True)
                _year_of(g[0] if g else None, parts)
            elif kind == "en_year_quarter":
                _add(parts, m, year=int(g[0]), quarter=int(g[1]))
            elif kind == "quarter_code":
                year = int(g[1])
                _add(parts, m, year=year if year > 99 else 2000 + year, quarter=int(g[0]))
            elif kind == "en_quarter_slash_year":
                _add(parts, m, year=int(g[1]), quarter=int(g[0]))
            elif kind in ("en_last_quarter", "zh_last_quarter"):
                _add(parts, m, quarter=4)
            elif kind == "en_quarter_to":
                month = MONTHS[g[0].lower()]
                if month % 3:
                    continue
                _add(parts, m, quarter=month // 3)
                _year_of(g[1], parts)
            elif kind == "en_months_to":
                count = _SPAN_COUNTS[g[0].lower()]
                month = MONTHS[g[1].lower()]
                if month - count + 1 < 1:
                    continue  # a rolling span across two years
                if count == 12:
                    _add(parts, m, full_year=True)
                elif count == 6 and month in (6, 12):
                    _add(parts, m, half=month // 6)
                else:
                    _add(parts, m, months=(month - count + 1, month))
                _year_of(g[2], parts)
            elif kind == "en_across_years":
                _add(parts, m, rolling=True)  # no calendar period
            elif kind == "en_range":
                a, b = MONTHS[g[0].lower()], MONTHS[g[1].lower()]
                if not a < b:
                    continue
                _add(parts, m, months=(a, b))
                _year_of(g[2], parts)
            elif kind == "en_quarter":
                token = (g[0] or g[1]).lower()
                # "the final quarter" is the fourth
                q = int(token[0]) if token[0].isdigit() else _ORDINALS.get(token, 4)
                if _END_OF_BEFORE.search(text, max(start, m.start() - 24), m.start()):
                    # "by the end of the third quarter": counted up to its end
                    _add(parts, m, as_of=(3 * q, None))
                else:
                    _add(parts, m, quarter=q)
                _year_of(g[2], parts)
            elif kind == "en_quarter_elided":
                said = [
                    w.group(0).lower() for w in _QUARTER_OR_HALF.finditer(text, start, m.start())
                ]
                nth = _ORDINALS[g[0].lower()]
                if said and said[-1] == "quarter":
                    _add(parts, m, quarter=nth)
                elif said and nth == 2:  # "in the first half and ... in the second"
                    _add(parts, m, half=2)
            elif kind == "en_roman_quarter":
                _add(parts, m, quarter={"I": 1, "II": 2, "III": 3, "IV": 4}[g[0]])
                _year_of(g[1], parts)
            elif kind == "en_half":
                token = (g[0] or g[1]).lower()
                _add(parts, m, half=1 if token in ("first", "1") else 2)
                _year_of(g[2], parts)
            elif kind == "en_as_of":
                _add(parts, m, as_of=(MONTHS[g[0].lower()], int(g[1]) if g[1] else None))
                _year_of(g[2], parts)
                if _SPAN_TO.match(m.group(0)) and (
                    not g[1] or _YEAR_START_BEFORE.search(text, max(0, m.start() - 40), m.start())
                ):
                    # "sold a total of 31,464 NEVs through April": January to April; so is
                    # "from the start of the year through Nov 30"
                    parts.components[-1][2]["ytd"] = parts.ytd = True
            elif kind == "en_as_of_dm":
                _add(parts, m, as_of=(MONTHS[g[1].lower()], int(g[0])))
                _year_of(g[2], parts)
            elif kind == "en_date":
                _add(parts, m, day=(MONTHS[g[0].lower()], int(g[1])))
                _year_of(g[2], parts)
            elif kind == "en_date_dm":
                _add(parts, m, day=(MONTHS[g[1].lower()], int(g[0])))
                _year_of(g[2], parts)
            elif kind == "en_month":
                word = m.group(1).lower()
                # month names need a capital; "May" (also a verb) needs a year, or a
                # preposition before it ("in May")
                raw = m.group(0)
                if not raw[0].isupper():
                    continue
                if (
                    word == "may"
                    and not g[1]
                    and not _MONTH_PREPOSITION.search(text, 0, m.start())
                    and not _MAY_AS_MONTH.match(text, m.end())
                ):
                    continue
                if (
                    len(word) <= 4
                    and word not in ("may", "june", "july")
                    and not g[1]
                    and not raw.endswith(".")
                    and not _MONTH_PREPOSITION.search(text, 0, m.start())
                    and not _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 4), m.start())
                ):
                    # a bare "Jun" or "Dec" is a month after "in" or "China's"; else a name
                    # ("Lei Jun")
                    continue
                if not g[1] and _SINCE_AN_EVENT_BEFORE.search(
                    text, max(start, m.start() - 80), m.start()
                ):
                    continue  # "since the company launched its SU7 in late March": the start
                _add(parts, m, month=MONTHS[word])
                _year_of(g[1], parts)
                if not g[1] and _LAST_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    # "Last October, BYD sold 500,000": the October before the one reported
                    parts.components[-1][2]["year_rel"] = parts.year_rel = "before"
                elif not g[1] and _THIS_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    # "In November 2024, it delivered 48,740; this November 33,181": this year's
                    parts.components[-1][2]["year_rel"] = parts.year_rel = "this"
            taken.append((m.start(), m.end()))
    if parts.the_year and parts.quarter:
        # "NIO 2023 Q4 results: record 160,038 deliveries for the year": the quarter names the
        # report, the year is the count's
        return Parts.of([_as_a_report(text, a, b, values) for a, b, values in parts.components])
    return parts


def _as_a_report(
    text: str, a: int, b: int, values: dict[str, object]
) -> tuple[int, int, dict[str, object]]:
    """A quarter followed by "results" or "report" as the quarter a report is of."""
    if "quarter" not in values or not _REPORT_AFTER.match(text, b):
        return a, b, values
    told = {k: v for k, v in values.items() if k != "quarter"}
    return a, b, told | {"report_quarter": values["quarter"]}


# what a quarter names when it is followed by it: a report, not a time of the counts in it
_REPORT_AFTER = re.compile(
    r"(?:\s+(?:19|20)\d\d)?(?:\s+(?:annual|financial|earnings|operating))?\s+(?:results|earnings"
    r"|report)\b",
    re.I,
)


# --- comparison bases and numbers with a time of their own

_GROWTH = (
    r"up|down|rose|risen|rising|fell|fallen|falling|climbed|climbing|jumped|jumping|dropped"
    r"|dropping|declined|declining|increased|increasing|decreased|decreasing|grew|growing"
    r"|gained|slipped|surged|soared|plunged|slid|increase|decrease|rise|drop|decline|jump|gain"
    r"|growth|improvement|cool(?:ed|ing)|slow(?:ed|ing)|eas(?:ed|ing)|retreat(?:ed|ing)"
    # "held steady on last year", "flat on last year at 138,748": no change is a comparison too
    r"|flat|steady|stable|unchanged"
)
# "up 8% from", "compared with", "than", "tops the": what may come before a comparison base
# ("from a low base of 3,635 in April 2020")
_BASE_NOUN = (
    r"(?:sales|deliveries|output|production|exports|shipments|volumes?|levels?|base|totals?"
    r"|tally)"
)
# how a base is judged before its number: "the very weak 2.22m", "a revised 15,000"
_BASE_ADJECTIVE = (
    r"(?:(?:(?:very|relatively|rather|already|even)\s+)?(?:weak|strong|low|high|poor|solid"
    r"|robust|modest"
    r"|depressed|revised|record|paltry)\s+(?=\d))?"
)
# a year-earlier time said as an adjective before a base's number
_YEAR_AGO = (
    r"(?:last|previous|prior)\s+year['’]s|year[- ](?:ago|earlier)|(?:prior|previous)[- ]year"
)
_EN_BASE = re.compile(
    r"(?P<growth>(?:\b(?:" + _GROWTH + r")|%|\bpercent|\bpct|\bpoints?)\s+(?:from|on|over"
    # (not "grew 3% over the first five months, with 700,100 delivered": the span counted)
    r"(?!\s+the\s+first\s+(?:[\w-]+\s+){0,2}?(?:months|half|quarter)(?:\s+of\s+this\s+year)?"
    r",?\s+(?:to|with)\b)))\s+"
    r"|(?P<compare>\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\bfrom(?=\s+\d)"
    # "from the very weak 2.22m units sold in the same month of the previous year"
    r"|\bfrom(?=\s+(?:the\s+|an?\s+)?" + _BASE_ADJECTIVE + r"\d)"
    # "largely the same as in October", "in line with 2023": a level compared with
    r"|\bthe same as|\bsimilar to|\bin line with|\bon (?:a )?par with"
    # "to 2.14m in December 2019 from very weak sales of 2.22m in the same month a year before"
    r"|\bfrom(?=\s+(?:[\w-]+\s+){0,3}?" + _BASE_NOUN + r"\s+of\s+\d)"
    # "950,000 new energy vehicles, more than six times the number it made in 2021": the time
    # of what a count is a multiple of
    r"|\btimes\s+(?:the|its|their)\s+(?:number|figure|level|total|amount|volume|output)\b"
    r"(?:\s+(?:it|they|the\s+\w+)\s+(?:made|built|sold|produced|delivered|exported|shipped))?"
    r"(?=\s+in\s+(?:19|20)\d\d\b)"
    # "its previous record was 290,000": the record that stood before
    r"|\b(?:its|their|the)\s+(?:previous|prior|former|earlier)\s+(?:[\w-]+\s+)?"
    r"(?:record|high|best|peak)\s+(?:was|is|of|stood at|had been)(?=\s+\d))\s+"
    r"|(?P<than>\bthan|\bbelow|\babove|\bbehind|\bahead of)\s+"
    # ("the second highest month after the 814,000 of December last year")
    # ("more than double the 57,000 it sold abroad a year earlier")
    r"|(?P<the>\b(?:from|on|over|after|times|double|triple|twice|half|tops?|topped|topping"
    r"|beat(?:s|ing)?|exceed(?:s|ed|ing)?"
    r"|surpass(?:es|ed|ing)?|short of|shy of|eclips(?:es|ed|ing)"
    # "almost exactly the 373,000 it sold in the same month last year", "matching the"
    r"|exactly|match(?:es|ed|ing)?|equal(?:s|led|ling|ed|ing)?)\s+)"
    rf"(?=the\s+\d|(?:the\s+)?{_YEAR_AGO}\s+\d"
    # "beating its previous record of 290,000", "topped the 2018 peak of 1.56 million"
    r"|(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:high|peak|record|best)\s+of\s+\d)",
    re.IGNORECASE,
)
_EN_BASE_LEAD = re.compile(
    # "than its record month in September": the base's own time after its noun
    r"(?P<noun>(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:(?:month|level|figure|tally|high|peak"
    # ("up 18% on the figure recorded in December")
    r"|record)\s+(?:(?:recorded|posted|reported|registered|seen|set)\s+)?(?:in|of|for)\s+(?=[A-Z])"
    # ("above the previous high set in 2016")
    r"|(?:high|peak|record)\s+(?:recorded|posted|reported|registered|seen|set)\s+"
    r"(?=in\s+(?:19|20)\d\d\b)"
    # "below its 2018 peak of 1.564 million": the base's time before its noun
    r"|(?:high|peak|record|best)\s+of\s+(?=\d)(?!(?:19|20)\d\d\b)))?"
    # "less than that in December", "above those of 2024": the base named by its time alone
    r"(?:(?:that|those)\s+(?:in|of|for|during)\s+(?=\S))?"
    # ("below its June total of almost 13,000": a rounded base)
    r"(?:(?:[\w-]+\s+){0,3}?" + _BASE_NOUN + r"\s+of\s+(?=(?:(?:more than|over|about|around"
    r"|nearly|almost|roughly|some|just over|just under|less than|just|only)\s+)?\d))?"
    r"(?:(?:in|during|for|over|at)\s+)?(?P<the>(?:the|an?|its|their)\s+)?"
    r"(?:(?P<same>(?:same|corresponding|comparable)\s+(?:period|months?|quarter|time))\s+)?"
    # "compared with last year's 130,000", "up from the year-ago 130,000"
    rf"(?:(?P<ago>{_YEAR_AGO})\s+(?=(?:[a-z]+\s+)?\d))?"
    # "compared with more than 100,000 in November": a base may be rounded
    # ("up from just 0.88 million", "from only 5,000": a base played down)
    r"(?:(?:more than|over|about|around|nearly|almost|roughly|some|just over|less than|just"
    r"|only|a mere|merely|barely)\s+(?=\d))?" + _BASE_ADJECTIVE,
    re.IGNORECASE,
)
# where the words of a comparison base end
_EN_BASE_END = re.compile(
    r"[,;:()]|\.(?!\d)|\s(?:and|but|while|whereas|although|though|which|as|making|bringing"
    r"|taking|putting|with)\s|\sto\s+(?=(?:the\s+|a\s+|about\s+|around\s+|some\s+|nearly\s+"
    r"|almost\s+|more than\s+|over\s+|just\s+)?\d"
    # "from 710.9K vehicles in 2022 to a peak of 947.7K units in 2023"
    r"|(?:a|an|the)\s+(?:(?:new|record|fresh|all-time)\s+)?(?:peak|high|record|total)\s+of\s+\d)"
    r"|\s[-–—]\s",
    re.IGNORECASE,
)
# "than November's 230,427 units", "over February (6,010 units)": the base's own number
# "from October's 17,342", "from October's record 17,342", "from 2023's (3,024,417)"
# ("above May's sales of 331,817 units": the base's noun between)
_POSSESSIVE = re.compile(
    r"['’]s\s+(?:(?:(?:previous|prior|former|earlier)\s+)?(?:record high|record|all-time high"
    r"|high|peak|best)\s+(?:of\s+)?)?(?:(?:sales|deliveries|output|production|exports|shipments|volume"
    r"|total|tally|figure)\s+(?:of\s+)?(?=\d))?|\s*\(\s*"
)
# "from March deliveries, when the company delivered 10,378", "from April, during which Nio
# delivered 6,658": the base's own number, said in a clause of its time
_WHEN_BASE = re.compile(
    r"(?:\s+(?:last|this)\s+year)?(?:\s+(?:deliveries|sales|levels?|figures?|output))?,?\s+"
    # ("than in Q4/2023, when 50,045 cars were delivered": the number right after "when")
    r"(?:when|during which|in which)\s+(?:[\w'’.-]+\s+){0,9}?"
    # ("than in 2018, when sales slipped 2.8 percent to 28.1 million": past the rate)
    r"(?:[\d.]+\s*(?:%|percent|per cent)\s+(?:to\s+)?)?(?=\d)",
    re.IGNORECASE,
)
# "a strong month a year earlier", "the quarter last year": a time a year before, as the base
_TIME_AGO = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:month|quarter|year|period|half)\s+"
    r"(?:a\s+year\s+(?:earlier|before|ago)|last\s+year)",
    re.IGNORECASE,
)
_EN_CHAIN = re.compile(r"\s+and\s+the\s+(?=\d)", re.IGNORECASE)
# a growth "from/on/over" before these is the period itself ("rose 9% over the first two months")
# "2014年累计销量突破1000万辆大关": the year a running total passed a mark, not the year's count
_ZH_MARK_PASSED_THEN = re.compile(
    r"[^，,。；;\d]{0,8}?累计[^，,。；;\d]{0,8}?(?:突破|超过|达到|迈过|跨越|跨过)了?\s*[\d.,]+\s*万?"
    r"\s*(?:辆|台)?\s*(?:大关|关口)"
)
_WHEN_IN = re.compile(r"(?:in|by|as early as)\s", re.I)
_NOT_A_BASE = ("months", "ytd", "lifetime", "full_year", "as_of", "that_half")

_ZH_BASE = re.compile(
    r"(?P<cmp>(?<!比)较|相较于?|相比于?|(?<![同环])比(?!亚迪|例|重|较|如)"
    # "环比5月份增长10%": the month a month-on-month rate is taken against (not "环比1月份
    # 111333辆", the month's own count)
    r"|环比(?=\s*\d{1,2}\s*月份?(?![^，,。；;增降下上涨跌]*\d))"
    # "是2020年的3.6倍": the year a multiple is taken of
    r"|(?:是|为|相当于)(?=\s*(?:(?:19|20)\d\d\s*年|去年|上年)[^，,。；;\d]{0,8}?\d+(?:\.\d+)?\s*倍))"
    r"|(?P<over>高于|低于|超过|超出|不及|少于|多于|远超|远高于|远低于)"
    # "去年这一数字为6155辆", "上月为9393辆": the count it is compared with, a year or a month
    # before the one reported
    r"|(?P<same>(?:(?:去年|上年)(?:同期|同月|(?:的)?(?:这一|这个|该|此)(?:数字|数据|数值))"
    # ("2023年同期为88662辆": the same period of the year said)
    r"|(?:(?:19|20)\d\d\s*年)?同期(?=为|的)|(?:上个?月|前一个?月)(?=(?:则|仅|只)?为\s*\d)"
    # "全年累计销售汽车200.3663万辆，上一年为175.7916万辆": the year before
    r"|(?:上一年|前一年)(?=(?:则|仅|只)?为\s*\d))"
    r"(?:(?:仅|只|则)?为|的|(?:仅|只|共|则)?(?:交付|销售|售出|生产|出口"
    r"|实现|完成)了?(?:新车|汽车|车辆)?(?:为|达)?"
    # "去年同月产量为320852辆", "去年同月问界的交付量仅为4,475辆"
    r"|(?:[^，,。；;\d]{1,8}?的)?(?:产量|销量|交付量|出口量)(?:(?:仅|只|则)?为)?)(?=\s*\d))"
)
# a record beaten, or the one that stood before: "超过此前单月最高纪录的45067辆", "刷新了此前
# 31000辆的单月纪录", "超过去年12月创下的历史最高纪录34.1万辆", "此前的最高纪录为"
_ZH_RECORD_BASE = re.compile(
    r"(?:(?:超过|超越|打破|刷新|突破|高于)了?[^，,。；;]{0,16}?(?:此前|之前|创下|创造|保持)"
    # ("此前2018年的纪录为近115万辆": the year the old record was set)
    r"|(?:此前|之前|原|上一)(?:(?:19|20)\d\d\s*年)?(?:\d{1,2}\s*月)?"
    r"(?=的?(?:单月|月度|历史|年度)?(?:最高)?(?:纪录|记录)))"
    r"[^，,。；;\d]{0,12}?(?=\d)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ZH_SAME_PERIOD = re.compile(r"\s*(?:(?:去年|上年)(?:同期|同月)|同期)")
_ZH_BASE_END = re.compile(
    r"[,，;；。:：()（）、]|增长|下降|增加|减少|上升|提升|下滑|上涨|回落|增幅|降幅|相比|同比|环比"
)
_ZH_WITH = re.compile(r"[与和跟](?P<mid>[^,，;；。、()（）]{1,16}?)相比")

# a number's own time: "12,922 vehicles in January", "2022 total of 120,757", "2019年的12万辆"
_EN_OWN_AFTER = re.compile(
    r"\s*(?:(?!(?:and|or|but|while|then|than|from|versus|compared|after|before|since|with)\b)"
    # "1.86 million in 2022": the year's component holds its preposition
    r"[a-z][\w'-]*\s+){0,6}(?:(?=(?:in|during|for)\s+(?:the\s+)?(?:(?:entire|whole|full)\s+)?"
    r"(?:(?:calendar\s+)?year\s+(?:of\s+)?)?(?:19|20)\d\d\b(?!\s*[QH]\d))"
    r"|(?:in|during|for|over|throughout)\s+(?:the\s+)?"
    r"(?:(?:whole|entirety) of\s+|all of\s+)?"
    r"|(?=(?:last|previous|this) (?:month|year)\b))",
    re.IGNORECASE,
)
_EN_OWN_AFTER_FEWEST = re.compile(_EN_OWN_AFTER.pattern.replace("){0,6}", "){0,6}?", 1), re.I)
assert _EN_OWN_AFTER_FEWEST.pattern != _EN_OWN_AFTER.pattern
# "with 2021 volume dropping 6.6 percent to 4.79 million", "brought total sales for 2021 to
# 26.28 million": a year said with the metric of the number that follows
_METRIC_NOUN = r"(?:total\s+)?(?:sales|volumes?|deliveries|output|production|exports)"
_ROUGHLY = r"(?:about |around |roughly |nearly |almost |a record )?"
_YEAR_METRIC_TO = re.compile(
    rf"\s+{_METRIC_NOUN}\s+"
    r"(?:(?:dropping|falling|rising|climbing|growing|jumping|declining|increasing|decreasing"
    r"|surging|slipping|sliding)\s+(?:by\s+)?(?:[\d.]+\s*(?:%|percent|per cent)\s+)?)?"
    rf"to\s+{_ROUGHLY}(?=\d)",
    re.IGNORECASE,
)
# ("brought the total for 2021 to 3.52 million")
_METRIC_FOR_BEFORE = re.compile(
    rf"\b(?:{_METRIC_NOUN}|total|tally)\s+(?:(?:for|in)\s+)?$", re.IGNORECASE
)
# ", when the company sold 121,748": the count told of the time just said
_WHEN_ITS_COUNT = r",?\s+when\s+(?:[\w'’-]+\s+){0,8}?(?:about |around |nearly |some )?(?=\d)"
_SINCE_WHEN = re.compile(
    # (and "compared to September 2022, when 10,878 vehicles were delivered", "than in
    # September 2022, when ...")
    r"\b(?:since|to|than|with|from|versus|vs\.?)\s+(?:in\s+)?(?:(?:early|late|mid-?)\s*)?"
    + _MON
    + r"\s+(20\d\d)"
    + _WHEN_ITS_COUNT,
    re.IGNORECASE,
)
# "31.46% more than in December of the previous year, when the brand delivered 12,136": that
# month a year before the count it is compared with
_THAN_WHEN_A_YEAR_BEFORE = re.compile(
    r"\b(?:to|than|with|from|versus|vs\.?|on|over)\s+(?:in\s+)?"
    + _MON
    + r"\s+(?:of\s+the\s+(?:previous|prior|preceding)\s+year|of\s+last\s+year|the\s+year\s+"
    r"(?:before|earlier)|a\s+year\s+(?:earlier|before|ago))" + _WHEN_ITS_COUNT,
    re.IGNORECASE,
)
_CUMULATIVE_BEFORE = re.compile(r"\b(?:cumulative|accumulated|aggregate)\b", re.IGNORECASE)
_METRIC_FOR_TO = re.compile(
    rf"\s+(?:to|at|reached|hit|totall?ed|came to|stood at)\s+{_ROUGHLY}(?=\d)", re.IGNORECASE
)
_TOTAL_LINK = re.compile(
    r"\s*(?:of|to|at|was|is|reached|came to|stood at|hit)?\s*(?:about |around |some |nearly "
    r"|more than |over |almost )?",
    re.IGNORECASE,
)
# "2019年的12万辆", "3月创下的31165辆": a time, then (what happened in it and) 的, then the number
# "的超5万台", "的近10万辆": a bound or a rounding said between 的 and the count
ZH_ROUGHLY = r"(?:超|超过|近|约|逾|不足)"
_ZH_OWN_LINK = re.compile(
    # ("去年全年的出口量33.1万辆": the metric named between)
    rf"\s*(?:创下|实现|录得|达到|完成|交付|销售)?的\s*(?:(?:出口|销|产|交付)量\s*)?{ZH_ROUGHLY}?\s*"
    r"|['’]s\s+"
    r"|\s*(?:突破|超过|达到|迈上|站上)(?=\s*\d)"  # "2019年突破10万辆": that year's
)
# the next count of a list: "116.1万辆、10.5万辆"
_ZH_LISTED_NEXT = re.compile(r"\s*(?:辆|台)?\s*、\s*(?=\d)")
# "5月新能源汽车销量24万辆": a month, then what was counted, then the number
_ZH_MONTH_METRIC = re.compile(
    r"[^\d,，;；。:：()（）、\s]{0,14}?(?:销量|交付量?|产量|出口量?|销售|批发|零售)"
    r"(?:新车|汽车)?\s*(?:为|达到?|是|共)?\s*(?=\d)"
)
_OWN_KINDS = ("month", "months", "quarter", "half", "year")
_OWN_KIND_SET = frozenset(_OWN_KINDS)


@dataclass
class _Scope:
    """The words of one comparison base; ``number`` is the base figure's offset, if any."""

    start: int
    end: int
    number: int | None


_Component = tuple[int, int, dict[str, object]]


def _component_at(components: list[_Component], pos: int) -> _Component | None:
    return next((c for c in components if c[0] == pos), None)


_NOT_A_COUNT = re.compile(
    r"\s*(?:months?|years?|weeks?|days?|quarters?|percent|per cent|pct|%|个月|年|月|天|周|季度|倍)",
    re.IGNORECASE,
)


def _number_at(text: str, pos: int) -> re.Match[str] | None:
    """The number written at ``pos``, unless it is a duration or a percentage."""
    m = NUMBER_RE.match(text, pos)
    if m is None or not m.group(0)[:1].isdigit() or _NOT_A_COUNT.match(text, m.end()):
        return None
    return m


def _base_scopes(
    text: str, start: int, end: int, components: list[tuple[int, int, dict[str, object]]]
) -> list[_Scope]:
    """Comparison bases in ``text[start:end]``, English and Chinese."""
    scopes: list[_Scope] = []
    if _CJK.search(text, start, end):
        scopes += _zh_scopes(text, start, end, components)
    scopes += _en_scopes(text, start, end, components)
    return scopes


# Words one of which every _EN_BASE match contains (a cheap test before the slow pattern)
_EN_BASE_WORDS = (
    "than",
    "compared",
    "versus",
    "vs",
    "against",
    "below",
    "above",
    "behind",
    "ahead",
    "previous",
    "prior",
    "former",
    "earlier",
)
_EN_BASE_THE_WORDS = (
    "times", "double", "triple", "twice", "half", "top", "beat", "exceed", "surpass", "short of",
    "shy of", "eclips", "exactly", "match", "equal",
)  # fmt: skip
_EN_BASE_NEEDLE = re.compile("|".join(map(re.escape, _EN_BASE_WORDS)))
_EN_BASE_THE_NEEDLE = re.compile("|".join(map(re.escape, _EN_BASE_THE_WORDS)))
_EN_BASE_PREPOSITION = re.compile(r"(?:from|on|over)\s")
# characters IGNORECASE matches with an ASCII letter that str.lower() does not turn into one
ODD_CASE = re.compile("[\u0130\u0131\u017f]")


_EN_BASE_LOWER = re.compile(_EN_BASE.pattern)  # on lowered text: see _EN_TRIGGER_LOWER


def _may_be_en_base(chunk: str) -> bool:
    low = chunk.lower()
    return bool(
        _EN_BASE_NEEDLE.search(low)
        or _EN_BASE_PREPOSITION.search(low)
        or (("the" in low or "year" in low or "its" in low) and _EN_BASE_THE_NEEDLE.search(low))
        or ODD_CASE.search(chunk)
    )


def _en_scopes(
    text: str, start: int, end: int, components: list[tuple[int, int, dict[str, object]]]
) -> list[_Scope]:
    out: list[_Scope] = []
    if not _may_be_en_base(text[start:end]):
        return out
    if ODD_CASE.search(text):
        matches = _EN_BASE.finditer(text, start, end)
    else:
        matches = _EN_BASE_LOWER.finditer(text.lower(), start, end)
    for m in matches:
        lead = _EN_BASE_LEAD.match(text, m.end(), end)
        pos = lead.end() if lead else m.end()
        number = _number_at(text, pos)
        if number is None and lead and lead.group("same"):
            # "compared to the same period last year, when it was 52,000 units"
            owner = _WHEN_BASE.match(text, lead.end("same"), end)
            number = _number_at(text, owner.end()) if owner else None
        elif number is None and m.group("compare") and (ago := _TIME_AGO.match(text, m.end(), end)):
            # "against a strong month a year earlier, when deliveries had jumped 47% to 300,538"
            owner = _WHEN_BASE.match(text, ago.end(), end)
            number = _number_at(text, owner.end()) if owner else None
        if number is not None and any(a <= pos < b for a, b, _ in components):
            number = None  # the year of "than in 2018"
        if number is not None:
            bare_ok = m.group("growth") or m.group("compare")
            if not (lead and (lead.group("the") or lead.group("ago") or lead.group("noun"))) and (
                not bare_ok
            ):
                continue  # "more than 10,000" is a qualifier, not a base
            out += _en_chain(text, m.start(), number, end)
            continue
        # the component may start at its preposition ("than in 2018") or after it
        comp = (
            _component_at(components, pos)
            or _component_at(components, m.end())
            # ("above the previous high set in 2016": the lead ends inside "in 2016")
            or next((c for c in components if c[0] < pos < c[1]), None)
        )
        if comp is None or m.group("the"):
            continue
        period_itself = any(k in comp[2] for k in _NOT_A_BASE)
        if (
            m.group("growth")
            and period_itself
            and not (lead and lead.group("the") and "that_half" not in comp[2])
        ):
            # "rose 9% over the first two months", "grew 28.5% over the half year", not "from
            # the April-June period"
            continue
        owner = _POSSESSIVE.match(text, comp[1], end) or _WHEN_BASE.match(text, comp[1], end)
        number = _number_at(text, owner.end()) if owner else None
        stop = _EN_BASE_END.search(text, number.end() if number else comp[1], end)
        out.append(
            _Scope(m.start(), stop.start() if stop else end, number.start() if number else None)
        )
    return out


def _en_chain(text: str, start: int, number: re.Match[str], end: int) -> list[_Scope]:
    """One base ("than the 5,291 of a year earlier"), then those joined by "and the"."""
    out = []
    current: re.Match[str] | None = number
    while current is not None:
        stop = _EN_BASE_END.search(text, current.end(), end)
        out.append(_Scope(start, stop.start() if stop else end, current.start()))
        chain = _EN_CHAIN.match(text, stop.start(), end) if stop else None
        if stop is None or chain is None:
            break
        start, current = stop.start(), _number_at(text, chain.end())
    return out


def _zh_scopes(
    text: str, start: int, end: int, components: list[tuple[int, int, dict[str, object]]]
) -> list[_Scope]:
    out: list[_Scope] = []
    for m in _ZH_BASE.finditer(text, start, end):
        pos = m.end()
        timed = bool(m.group("same"))
        while True:
            comp = _component_at(components, pos)
            same = _ZH_SAME_PERIOD.match(text, pos, end)
            if comp is not None:
                pos, timed = comp[1], True
            elif same is not None and same.end() > pos:
                pos, timed = same.end(), True
            else:
                break
        # (and "相比2021年销量73万辆": the time, what was counted, then the count)
        link = _ZH_OWN_LINK.match(text, pos, end) or (
            _ZH_MONTH_METRIC.match(text, pos, end) if timed else None
        )
        number = _number_at(text, link.end() if link else pos)
        if number is not None and (m.group("over") is None or timed):
            stop = _ZH_BASE_END.search(text, number.end(), end)
            out.append(_Scope(m.start(), stop.start() if stop else end, number.start()))
        elif timed and not m.group("same"):
            out.append(_Scope(m.start(), pos, None))
    for m in _ZH_RECORD_BASE.finditer(text, start, end):
        # "刷新了此前31000辆的单月纪录", "超过去年12月创下的最高纪录34.1万辆": the record beaten
        number = _number_at(text, m.end())
        if number is not None:
            stop = _ZH_BASE_END.search(text, number.end(), end)
            out.append(_Scope(m.start(), stop.start() if stop else end, number.start()))
    for m in _ZH_WITH.finditer(text, start, end):
        # the last number: "与去年4月的9002辆相比" compares with 9002, not with 4月
        number = next(
            (
                n
                for n in reversed(list(NUMBER_RE.finditer(text, m.start("mid"), m.end("mid"))))
                if n.group(0)[:1].isdigit()
            ),
            None,
        )
        out.append(_Scope(m.start(), m.end(), number.start() if number else None))
    return out


def _assemble(text: str, raw: Parts, scopes: list[_Scope]) -> Parts:
    """The sentence's own components, and a Tie for each number with a time of its own."""
    out = Parts(spans=list(raw.spans))
    bases = {
        s.number: Tie(s.number, Parts(), True, text[s.start : s.end])
        for s in scopes
        if s.number is not None
    }
    for a, b, values in raw.components:
        holders = [s for s in scopes if s.start <= a < s.end]
        if not holders:
            out.components.append((a, b, values))
            for k, v in values.items():
                setattr(out, k, v)
            continue
        scope = max(holders, key=lambda s: s.start)
        if scope.number is not None:
            tie = bases[scope.number]
            tie.parts.components.append((a, b, values))
            tie.parts.spans.append((a, b))
            for k, v in values.items():
                setattr(tie.parts, k, v)
    out.ties = [*bases.values(), *_own_times(text, out, set(bases))]
    out.several = any(
        len({v[k] for _, _, v in out.components if k in v}) >= 3 for k in ("month", "quarter")
    )
    return out


_WITHIN_A_YEAR = frozenset(("month", "quarter", "half"))


def _own_times(text: str, parts: Parts, taken: set[int]) -> list[Tie]:
    """Numbers followed by "in January" / preceded by "2022 total of", "2019年的",
    "5月新能源汽车销量"."""
    out: list[Tie] = []
    comps = [c for c in parts.components if not _OWN_KIND_SET.isdisjoint(c[2])]
    # "4.27 million in the full year", "506,804 vehicles last month" (after the number only)
    month_ends = [b for _, b, v in parts.components if _WITHIN_A_YEAR.intersection(v)]
    after = (
        comps
        + [
            c
            for c in parts.components
            if c not in comps
            and any(k in c[2] for k in ("full_year", "last_month", "year_rel"))
            # "in October of this year", "the fourth quarter of last year": the year of that
            # month or quarter, no time of its own
            and not any(re.fullmatch(r"\s+(?:of\s+)?", text[e : c[0]]) for e in month_ends)
        ]
    )
    for m in _SINCE_WHEN.finditer(text) if "when" in text else ():
        # "its lowest since February 2024, when the company sold 121,748": that month's count
        number = _number_at(text, m.end())
        if number is not None and number.start() not in taken:
            when: dict[str, object] = {"month": MONTHS[m.group(1).lower()], "year": int(m.group(2))}
            out.append(Tie(number.start(), _one_component(m.start(1), m.end(2), when)))
            taken.add(number.start())
    for m in _THAN_WHEN_A_YEAR_BEFORE.finditer(text) if "when" in text else ():
        number = _number_at(text, m.end())
        if number is not None and number.start() not in taken:
            month = _one_component(m.start(1), m.end(1), {"month": MONTHS[m.group(1).lower()]})
            out.append(Tie(number.start(), month, base=True, text=m.group(0)))
            taken.add(number.start())
    if not after:
        return out
    for a, b, values in comps:
        link = _ZH_OWN_LINK.match(text, b)
        # ("matching Tesla China's 2021 delivery result of 480,000 units")
        if link is None and text[a:b].lower().endswith(("total", "tally", "result", "figure")):
            link = _TOTAL_LINK.match(text, b)
        if link is None and "year" in values and set(values) <= {"year", "year_alone"}:
            link = _YEAR_METRIC_TO.match(text, b) or (
                _METRIC_FOR_TO.match(text, b)
                if _METRIC_FOR_BEFORE.search(text, max(0, a - 30), a)
                # not "cumulative deliveries for 2025 stood at": the year so far, said whole
                and not _CUMULATIVE_BEFORE.search(text, max(0, a - 40), a)
                else None
            )
        if link is None and "month" in values and text[a:b].endswith(("月", "月份")):
            link = _ZH_MONTH_METRIC.match(text, b)
            if link and any(b <= c[0] < link.end() for c in parts.components):
                link = None  # another time stands between
        number = _number_at(text, link.end()) if link else None
        if number is not None and number.start() not in taken:
            out.append(Tie(number.start(), _one_component(a, b, values)))
            taken.add(number.start())
            # "由2020年的116.1万辆、10.5万辆": the time is every listed count's
            owned = link is not None and "的" in link.group(0)
            listed = _ZH_LISTED_NEXT.match(text, number.end()) if owned else None
            while listed is not None:
                number = _number_at(text, listed.end())
                if number is None or number.start() in taken:
                    break
                out.append(Tie(number.start(), _one_component(a, b, values)))
                taken.add(number.start())
                listed = _ZH_LISTED_NEXT.match(text, number.end())
    for number in number_matches(text):
        if number.start() in taken or not number.group(0)[:1].isdigit():
            continue
        for a, b, values in after:
            if a > number.end() and _own_after(text, number.end(), a):
                if any(number.end() <= c[0] < a for c in comps):
                    break  # another time stands nearer ("in December brought ... for 2021")
                out.append(Tie(number.start(), _one_component(a, b, values)))
                break
    return out


def _own_after(text: str, end: int, start: int) -> bool:
    """The words between a number (ending at ``end``) and a time (at ``start``) make the time
    the number's own: "12,922 vehicles in January", "506,804 vehicles last month" (the fewest
    words or the most: "2.79 million in December brought the total for 2021 to")."""
    return any(
        own is not None and own.end() == start
        for own in (_EN_OWN_AFTER.match(text, end), _EN_OWN_AFTER_FEWEST.match(text, end))
    )


def _one_component(a: int, b: int, values: dict[str, object]) -> Parts:
    own = Parts(components=[(a, b, values)], spans=[(a, b)])
    for k, v in values.items():
        setattr(own, k, v)
    return own


# ("from 224,000 in last year's first quarter": that quarter of the year before; "in December
# of the previous year", "in December the year before")
_A_YEAR_EARLIER = re.compile(
    r"\ba year (?:earlier|ago|before)\b|\b(?:last|the previous) year['’]s\b"
    r"|\bthe (?:previous|prior|preceding) year\b|\bthe year (?:before|earlier)\b",
    re.I,
)
_REL_YEAR = re.compile(
    r"a year (?:earlier|ago|before)|year[- ](?:ago|earlier)|(?:same|corresponding|comparable)"
    r" (?:period|months?|quarter|time|point|stretch|span)|last year|previous[- ]year|prior[- ]year"
    r"|year before"
    r"|同期|去年|上年|上一年|前一年",
    re.IGNORECASE,
)
_REL_MONTH = re.compile(
    r"(?:last|previous|prior|preceding) month\b|month before|上个?月|前一个?月", re.IGNORECASE
)
_REL_QUARTER = re.compile(
    r"(?:last|previous|prior|preceding) quarter\b|quarter before|上一?季度?|前一季度", re.IGNORECASE
)


def _base_period(tie: Tie, current: Period | None, published: date) -> Period | None:
    """The earlier period a comparison base stands for, or None when it cannot be told.

    Written out ("in June", "January to July of 2022") it resolves on its own; said as "a
    year earlier", "去年同期" or "last month" it is ``current`` moved back.
    """
    p = tie.parts
    ref = current.end if current is not None else published
    if p.months_told is not None:
        # "18.3% lower than the 283,043 units sold over the same four months of 2024"
        return resolve(p, published, current)
    if any(v is not None for v in (p.month, p.months, p.quarter, p.half, p.as_of, p.day)):
        period = resolve(p, ref, None)
        if (
            period is not None
            and current is not None
            and p.year is None
            and p.year_rel is None
            and period.end >= current.end
            and _A_YEAR_EARLIER.search(tie.text)
        ):
            # "compared with 28,841 units in December a year earlier": that month a year back
            period = shift_year(period, period.end.year - 1)
        return period
    usable = current is not None and current.kind != "lifetime"
    if _A_RECORD.search(tie.text):
        # "超过去年12月创下的最高纪录", "its previous monthly high": a record stands for the time
        # it was set, when said, never for the count's period moved back
        usable = False
    if p.year_rel == "last" or _REL_YEAR.search(tie.text):
        if not usable:
            return None
        assert current is not None
        if p.year is None and p.full_year:
            # "比去年全年958.7万辆": the whole year before; after a history of past years (a
            # carried year long gone) it is the calendar's last year
            past = current.kind == "year" and current.end.year < published.year - 1
            y = (published.year if past else current.end.year) - 1
            return Period("year", date(y, 1, 1), date(y, 12, 31))
        return shift_year(current, p.year if p.year is not None else current.end.year - 1)
    if usable and current is not None and current.kind in ("month", "quarter"):
        back = _REL_MONTH if current.kind == "month" else _REL_QUARTER
        if back.search(tie.text):
            end = current.start - timedelta(days=1)
            first = (
                end.replace(day=1) if current.kind == "month" else date(end.year, end.month - 2, 1)
            )
            return Period(current.kind, first, end)
    if usable and _A_RIVALS_COUNT.search(tie.text):
        # "ahead of the 91,429 that Nio delivered": another maker's count over the same time
        return current
    if p.year is not None:
        return resolve(p, ref, None)
    year = _YEAR_BEFORE_ITS_NOUN.search(tie.text)
    if year is not None:  # "below its 2019 peak of 1.55 million": that year's
        y = int(year.group(1))
        return Period("year", date(y, 1, 1), date(y, 12, 31))
    return None


# "the 91,429 that Nio delivered", "the 91,429 delivered by NIO": a count another maker made
_A_RIVALS_COUNT = re.compile(
    r"\bthat\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:delivered|sold|shipped|exported|produced|built)\b"
    r"|\b(?:delivered|sold|shipped|exported|produced|built)\s+by\s+[A-Z]"
)
# (not "the previous year, when its then-record sales came to": that year's)
_A_RECORD = re.compile(r"\b(?:record|high|peak|best)\s+(?:of|set)\b|纪录|记录", re.IGNORECASE)
# "its 2019 peak of", "the 2016 record of": a year said as the adjective of a base's noun
_YEAR_BEFORE_ITS_NOUN = re.compile(
    r"\b(?:its|their|the)\s+((?:19|20)\d\d)\s+(?:annual\s+)?(?:peak|high|record|total|level)\s+of\b"
)


def shift_year(period: Period, year: int) -> Period:
    """The same kind of period in another year (lifetime and day periods have none)."""
    if period.kind in ("lifetime", "day"):
        return period
    years = period.end.year - year
    start = date(period.start.year - years, period.start.month, 1)
    return Period(period.kind, start, month_end(year, period.end.month))


# "May sales", "May deliveries": the month, not the verb
_MAY_AS_MONTH = re.compile(
    r"['’]s\s"  # "May's previous record": the modal takes no 's
    r"|\s+(?:(?:delivery|sales|production|export)\s+)?(?:sales|deliveries|output|production"
    r"|exports|volumes?|figures|numbers|data|results|total|registrations|shipments)\b"
    r"|\s+(?:on its own|alone)\b",  # "May on its own saw sales of 2.42 million"
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
_MONTH_PREPOSITION = re.compile(
    r"\b(?:in|for|of|during|since|until|through|by|from|last|this|early|late|mid-?)\s*$",
    re.IGNORECASE,
)


def _infer_year(month: int, published: date) -> int:
    return published.year if month <= published.month else published.year - 1


def last_month_end(published: date) -> date:
    """The last day of the month before ``published``."""
    return published.replace(day=1) - timedelta(days=1)


def resolve(
    parts: Parts, published: date, carry: Period | None, announce: bool = False
) -> Period | None:
    """The period these components describe, or None when they do not pin one down. The year
    so far to the end of January is the month of January."""
    if parts.report_quarter and parts.the_year:
        # "NIO Q4 results: record 160,038 deliveries for the year": the year of that quarter,
        # to its end
        report = _resolve(
            replace(parts, quarter=parts.report_quarter, report_quarter=None, ytd=False,
                    the_year=False),
            published,
            carry,
        )  # fmt: skip
        if report is not None and report.kind == "quarter":
            return _year_to(report.end)
    if parts.since_start and not parts.months and _a_time_told(parts):
        # "今年以来,理想汽车累计交付28.81万辆,历史累计交付92.15万辆", "2022年上半年…，上市以来的累计
        # 交付量达到184491辆": a time leads the sentence, the running total counts since the
        # start, to the same end
        told = _resolve(replace(parts, since_start=False, lifetime=False), published, carry)
        if told is not None and told.kind != "lifetime":
            return Period("lifetime", LIFETIME_START, told.end)
    if parts.lifetime and parts.that_month and parts.month is None:
        # "10月交付70289台。当月其第50万台新车下线": a running total reached in that month
        month = _resolve(replace(parts, lifetime=False, since_start=False), published, carry)
        if month is not None and month.kind == "month":
            return Period("lifetime", LIFETIME_START, month.end)
    period = _resolve(parts, published, carry, announce)
    if (
        period is not None
        and period.kind == "ytd"
        and period.end > published
        and (period.end.year, period.end.month) == (published.year, published.month)
        and published.month > 1
    ):
        # "截至2025年12月，其年内累计交付量达49.44万辆" on 10 December: the year so far to the
        # last month ended (never a whole year not over yet)
        period = Period("ytd", period.start, last_month_end(published))
    if (
        parts.to_now
        and period is not None
        and period.kind in ("ytd", "lifetime")
        and not (parts.month or parts.months or parts.as_of or parts.day)
        and period.end.year == published.year
    ):
        # "截至目前，长沙比亚迪汽车2022年产量已突破33万辆" on 20 November: to the day it was said,
        # not to the end of a month told before
        end = said_to_end(published)
        if period.kind == "lifetime":
            return Period("lifetime", LIFETIME_START, end)
        if end >= period.start:
            period = Period("ytd", period.start, end)
    if period is not None and period.kind == "ytd" and period.end == date(period.end.year, 1, 31):
        return Period("month", period.start, period.end)
    return period


def said_to_end(published: date) -> date:
    """Where a count "to date" ends: the day it was published, or the end of the month before
    when it was published in a month's first days (a report on the month just ended)."""
    return last_month_end(published) if published.day <= 5 else published


def _year_to(end: date) -> Period:
    """The year so far to ``end``: the whole year when it ends on December 31."""
    return Period("year" if (end.month, end.day) == (12, 31) else "ytd", date(end.year, 1, 1), end)


def _a_time_told(parts: Parts) -> bool:
    """The components name a time of their own: a year, a part of one, a month, the year so far."""
    return bool(
        parts.year is not None
        or parts.year_rel
        or parts.ytd
        or parts.half
        or parts.quarter
        or parts.month is not None
        or parts.full_year
    )


def _dates_the_day(parts: Parts) -> bool:
    """ "今年4月9日", "this year on April 9": "this year" right before the day names its year,
    and so it does right after it ("as of the end of June this year")."""
    this = [(a, b) for a, b, values in parts.components if values.get("year_rel") == "this"]
    days = [(a, b) for a, b, values in parts.components if "day" in values or "as_of" in values]
    return any(
        end in (start, start - 1) or day_end in (this_start, this_start - 1)
        for this_start, end in this
        for start, day_end in days
    )


def _relative_year_nearer(parts: Parts) -> bool:
    """Of a year said as a number and one said as "this year" or "last year", the relative one
    is said right before the month the parts end on (the other goes with another month), or
    before their months ("2024年，…；今年1至8月，…": this year's)."""
    if parts.month is None and parts.months is None:
        return False
    month_at = [
        a
        for a, _, values in parts.components
        if (parts.month is not None and values.get("month") == parts.month)
        or (parts.months is not None and values.get("months") == parts.months)
    ]
    if not month_at:
        return False
    month_start = max(month_at)
    said = [
        (month_start - b, "year" in values)
        for a, b, values in parts.components
        # (今年 read as the year so far is a relative year too)
        if ("year" in values or "year_rel" in values or values.get("ytd")) and b <= month_start
    ]
    return bool(said) and not min(said)[1]


def _resolve(
    parts: Parts, published: date, carry: Period | None, announce: bool = False
) -> Period | None:
    if parts.rolling:
        return None
    if (
        parts.year_end_of is not None
        and parts.year_end_of < published.year
        and not (parts.as_of or parts.day or parts.month or parts.months)
    ):
        # "截至2008年，一汽累计销售各类汽车1150多万辆" in 2009: counted to the end of 2008
        parts = replace(parts, as_of=(12, None))
    if parts.months_told is not None:
        # the period just told, if it is that many months long, or the year so far to the month
        # told, if that is the year's so-manieth; else months summed (no period)
        if carry is None:
            return None
        told: Period | None = None
        if months_long(carry) == parts.months_told:
            told = carry
        elif carry.kind == "month" and carry.end.month == parts.months_told > 2:
            told = Period("ytd", date(carry.end.year, 1, 1), carry.end)
        if told is not None and parts.year is not None and parts.year != told.end.year:
            return shift_year(told, parts.year)  # "over the same four months of 2024"
        return told
    if parts.past_months is not None:
        # the months before the one published in, if they start with January; else a span
        # with no calendar period
        if parts.past_months != published.month - 1:
            return None
        return Period(
            "ytd", date(published.year, 1, 1), month_end(published.year, published.month - 1)
        )
    year = parts.year
    if (
        year is not None
        # (今年 read as the year so far, before a span of months: "2024年，…；今年1至8月")
        and (parts.year_rel is not None or (parts.ytd and parts.months is not None))
        and _relative_year_nearer(parts)
    ):
        year = None  # "从2017年11月上市到今年10月": this year's October
    if year is None and parts.year_rel == "this":
        year = published.year
    if year is None and parts.year_rel == "last":
        year = published.year - 1
    if year is None and parts.year_rel == "before" and parts.month is not None:
        # "last October" in November is a year back; "last June" in December is this June
        year = published.year - (1 if parts.month >= published.month - 1 else 0)
    if (
        year is None
        and parts.year_rel is None
        and carry is not None
        and carry.end.year < published.year
        and not parts.ytd
        and parts.full_year
        and parts.month is None
        and carry.kind in ("quarter", "half", "ytd", "year")
    ):
        # "2024年上半年…。最终，吉利汽车全年售出217.7万辆": the whole of the year told of (and
        # "当年累计销售": that year's running total)
        year = carry.end.year

    def pick_year(end_month: int) -> int:
        return year if year is not None else _infer_year(end_month, published)

    if parts.alone and parts.month is not None:  # "其中10月单月", "in July alone"
        return _month(parts.month, year, published)
    if parts.months:
        a, b = parts.months
        y = pick_year(b)
        if parts.since_start:  # "2023年1-7月…，历史累计交付36.46万辆": since the start, to July
            return Period("lifetime", LIFETIME_START, month_end(y, b))
        if a == 1:
            return Period("ytd", date(y, 1, 1), month_end(y, b))
        if b - a == 2 and a % 3 == 1:
            return Period("quarter", date(y, a, 1), month_end(y, b))
        return None
    if parts.quarter:
        q = parts.quarter
        y = pick_year(3 * q)
        return Period("quarter", date(y, 3 * q - 2, 1), month_end(y, 3 * q))
    if parts.half:
        y = pick_year(6 * parts.half)
        if parts.half == 1:
            return Period("half", date(y, 1, 1), date(y, 6, 30))
        return Period("half", date(y, 7, 1), date(y, 12, 31))
    if (
        parts.now
        and not parts.ytd  # ("This year it has so far delivered ...": the year so far)
        and not (
            parts.as_of or parts.day or parts.month or parts.months or parts.quarter or parts.half
        )
        and (parts.year is None or parts.year == published.year)
    ):
        parts = replace(parts, as_of=(published.month, published.day))
    if parts.as_of or parts.day:
        month, day = parts.as_of or parts.day  # type: ignore[misc]
        if month == 0 and day is not None:  # "3日，…": that day of this month or the last
            said = published if day <= published.day else published.replace(day=1) - timedelta(1)
            month, year = said.month, said.year
        y = year if year is not None else _infer_year(month, published)
        end = month_end(y, month) if day is None else _safe_date(y, month, day)
        if end is None:
            return None
        if (
            (parts.lifetime or (parts.total and parts.as_of))
            and not parts.ytd
            # (not "今年累计…截至10月": this year's; "于今年4月9日" only dates the day)
            and (parts.year_rel != "this" or _dates_the_day(parts))
            # "cumulative deliveries in 2023 reached 284,647 as of the end of October"
            and not parts.year_alone
        ):  # "On June 1, ... a total of 44,454" is no running total to June 1
            if day is not None and end > published:
                return None  # "its 1-millionth vehicle on January 6", said on January 2: to come
            if parts.as_of and (month, day) == (1, 1):
                # "by January 1, 2026": counted to the end of the year before (but "截至8月1日"
                # counts that day in August)
                end -= timedelta(1)
            return Period("lifetime", LIFETIME_START, end)
        if announce and parts.day and parts.ytd and not parts.as_of and not parts.months:
            # "5月8日，长安汽车发布的最新销量数据显示，…；今年以来累计销量约为84.33万辆": the
            # day of the release; the year so far runs to the month reported
            return _resolve(replace(parts, day=None), published, carry)
        if announce and parts.day and parts.full_year and not parts.ytd:
            # "data released on 14 January point to full year sales of 28.08 million", "1月8日,
            # 记者获悉,比亚迪2019年全年销售汽车461399辆": the day of the release; the count is
            # the year's
            return _resolve(replace(parts, day=None), published, carry)
        if (
            parts.as_of
            or parts.ytd
            or parts.full_year
            or (parts.year_alone and y == published.year)
        ):
            # "On Nov. 14, China's output for 2024 passed 10 million": the year so far
            return Period("ytd", date(y, 1, 1), end)
        if parts.month is not None and parts.month != month:
            return _month(parts.month, year, published)
        if announce:
            if parts.day and not parts.as_of and (parts.year is not None or parts.months):
                # "1月8日，上汽发布产销快报，2020年累计销量560万辆": the day it was announced;
                # the count's own time is the rest
                return _resolve(replace(parts, day=None), published, carry)
            return None
        return Period("day", end, end)
    if parts.month is not None and parts.that_half and not (parts.ytd or parts.lifetime):
        # "June's weakness did not stop it from growing over the half year, with deliveries
        # reaching 786,535": the half of that month
        return _that_half(_month(parts.month, year, published), published)
    if parts.month is not None:
        if parts.lifetime and not parts.ytd:
            y = pick_year(parts.month)
            return Period("lifetime", LIFETIME_START, month_end(y, parts.month))
        if parts.ytd and not parts.alone:
            y = pick_year(parts.month)
            return Period("ytd", date(y, 1, 1), month_end(y, parts.month))
        return _month(parts.month, year, published)
    if parts.last_month and parts.lifetime and not (parts.ytd or parts.full_year):
        # "cumulative deliveries reached 273,741 as of the end of last month": since the start
        return Period("lifetime", LIFETIME_START, last_month_end(published))
    if parts.last_month:
        end = last_month_end(published)
        if parts.prior_month and carry is not None and carry.kind == "month":
            end = carry.start - timedelta(days=1)
        return Period("month", end.replace(day=1), end)
    if parts.last_quarter and not parts.lifetime:
        end = date(published.year, 3 * ((published.month - 1) // 3) + 1, 1) - timedelta(days=1)
        return Period("quarter", date(end.year, end.month - 2, 1), end)
    if parts.this_month:
        if (
            parts.this_month_zh
            and published.day <= 7
            and carry is not None
            and carry.kind == "month"
            and carry.end == published.replace(day=1) - timedelta(days=1)
        ):
            # "作为本月最大黑马" in a roundup of last month's deliveries published on the 2nd:
            # the month the article reports on
            return carry
        return Period("month", published.replace(day=1), month_end(published.year, published.month))
    if parts.that_month and not parts.ytd:  # (not "The month brings deliveries for the year to")
        return _that_month(carry, published)
    if parts.that_period and carry is not None and carry.kind != "lifetime":
        if parts.year is not None and parts.year != carry.end.year:
            # "2024年全年累计销量为75637辆，2023年同期销量为88662辆": that period, in 2023
            return shift_year(carry, parts.year)
        return carry
    if parts.that_quarter:
        quarter = that_quarter(carry, published, ended=parts.ended_quarter)
        if parts.lifetime and not parts.ytd:
            # "The cumulative number delivered as of the end of the quarter stood at 102,803"
            return Period("lifetime", LIFETIME_START, quarter.end)
        return quarter
    if parts.that_half:
        return _that_half(carry, published)
    if parts.total and not (parts.lifetime or parts.ytd or parts.full_year) and year is None:
        if carry is not None and carry.kind in ("ytd", "half", "quarter", "year"):
            return carry  # "exports reached 94,916 in total" in a January-May report
        return Period("lifetime", LIFETIME_START, _lifetime_end(carry, published))
    if (
        parts.lifetime
        and not parts.ytd
        and not parts.full_year
        and parts.year_rel != "this"
        # "去年，广州累计生产轿车18.3万辆": last year's total ("cumulative deliveries reached
        # 500,000 last year" is a milestone reached then)
        and (not parts.last_year_zh or parts.since_start)
        # "its cumulative 2025 deliveries": the year's so far
        # (but "in 2014 its cumulative sales passed 10 million": a running total then)
        and not (parts.year_alone and not _year_passed(parts, year, published))
    ):
        if year is not None and _year_passed(parts, year, published):
            return Period("lifetime", LIFETIME_START, date(year, 12, 31))
        return Period("lifetime", LIFETIME_START, _lifetime_end(carry, published))
    if parts.full_year and parts.year_rel == "this" and not parts.ytd:
        # "今年全年交付量大概在44万台": the whole of this year, not over yet (a forecast)
        return Period("year", date(published.year, 1, 1), date(published.year, 12, 31))
    if parts.the_year and year is None and carry is not None and carry.kind == "year":
        return carry  # "... released its 2021 annual report. Sales throughout the year ..."
    if parts.the_year and year is None and carry is not None and carry.end.year < published.year:
        # "NIO delivered 50,045 vehicles in Q4, taking deliveries for the year to 160,038" in
        # March 2024: that year, to the end of the time told
        return _year_to(carry.end)
    if (
        parts.alone
        and parts.ytd
        and not parts.months
        and not parts.full_year
        and carry is not None
        and carry.kind == "month"
    ):
        # "今年…，也是小米月销量头一回达到3万台": a month's count this year, the month reported
        return carry
    if parts.ytd or (parts.full_year and year is None) or year == published.year:
        counting_this_year = (
            carry is not None
            and carry.kind in ("month", "ytd", "quarter")
            and carry.end.year == published.year
        )
        if (
            parts.full_year
            and not parts.ytd
            and year is None
            and (published.month <= 6 or (parts.annual and not counting_this_year))
        ):
            y = published.year - 1
            return Period("year", date(y, 1, 1), date(y, 12, 31))
        if (
            carry
            and carry.kind in ("month", "ytd")
            and carry.end.year == (year or carry.end.year)
            # "the year-to-date tally now stands at" after "the previous high from July 2017"
            and carry.end.year >= published.year - 1
        ):
            end = carry.end
        else:
            end = last_month_end(published)
        if year is not None and end.year != year:
            return (
                Period("ytd", date(year, 1, 1), date(year, 12, 31))
                if year < published.year
                else None
            )
        return Period("ytd", date(end.year, 1, 1), end)
    if year is not None and year < published.year:
        return Period("year", date(year, 1, 1), date(year, 12, 31))
    if parts.alone and carry is not None and carry.kind == "month":
        return carry
    if parts.quarterly_claim:
        return that_quarter(carry, published)
    return None


def _that_month(carry: Period | None, published: date) -> Period:
    """当月: the month the article reports on (the carried one), else last month."""
    end = carry.end if carry is not None and carry.kind in ("month", "ytd") else None
    if end is None:
        end = last_month_end(published)
    return Period("month", end.replace(day=1), month_end(end.year, end.month))


def that_quarter(carry: Period | None, published: date, *, ended: bool = False) -> Period:
    """The quarter the article reports on, or the quarter of the month it reports on;
    ``ended`` ("deliveries in the quarter"): the quarter reported on, so one still running
    when the article was published gives way to the one before it (quarterly results are
    published a month or two into the next quarter)."""
    if carry is not None and carry.kind == "quarter":
        return carry  # "third-quarter results ... deliveries in the quarter"
    end = _that_month(carry, published).end
    first = 3 * ((end.month - 1) // 3) + 1
    year = end.year
    if ended and month_end(year, first + 2) >= published:
        first, year = (first - 3, year) if first > 1 else (10, year - 1)
    return Period("quarter", date(year, first, 1), month_end(year, first + 2))


def _that_half(carry: Period | None, published: date) -> Period:
    """The half the article reports on, or the half of the month it reports on."""
    if carry is not None and carry.kind == "half":
        return carry
    end = _that_month(carry, published).end
    first = 1 if end.month <= 6 else 7
    return Period("half", date(end.year, first, 1), month_end(end.year, first + 5))


def _year_passed(parts: Parts, year: int | None, published: date) -> bool:
    """The clause says when, in a year before publication, something happened ("in 2014")."""
    return parts.year_when and year is not None and year < published.year


def _lifetime_end(carry: Period | None, published: date) -> date:
    """A running total ends with the month the article reports on, if that is recent (not a
    past year said for comparison: "NIO sold 122,000 over 2022. Cumulatively, it has sold
    310,219" in March is to February)."""
    if (
        carry is not None
        and carry.kind != "lifetime"
        and (published - carry.end).days <= (31 if carry.kind == "year" else 62)
    ):
        return carry.end
    return said_to_end(published)


def month_period(month: int, year: int | None, published: date) -> Period:
    """The month ``month`` of ``year``, or the last one by ``published`` when no year is said."""
    return _month(month, year, published)


def _month(month: int, year: int | None, published: date) -> Period:
    y = year if year is not None else _infer_year(month, published)
    return Period("month", date(y, month, 1), month_end(y, month))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_ANNOUNCE_LOWER = re.compile(_ANNOUNCE.pattern)  # on lowered text: see _EN_TRIGGER_LOWER


def is_announcement(text: str) -> bool:
    if ODD_CASE.search(text):
        return bool(_ANNOUNCE.search(text))
    return bool(_ANNOUNCE_LOWER.search(text.lower()))
