"""Reporting periods: time expressions found in a sentence, resolved to (kind, start, end).

Owns "in November", "last month", "first 11 months", "January to October", "1-10月",
"前三季度", "Q3", "上半年", "year-to-date", "this year", "full-year", "cumulative", "as of
November 30", "On November 14 ... annual output" and the year inference against the publication
date (a month later than the publication month is last year's).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from crawler.figures.model import LIFETIME_START
from crawler.figures.numbers import SMALL_NUMBERS

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
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_N = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ZN = r"(\d{1,2}|十一|十二|[一二两三四五六七八九十])"


def small_int(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _EN_NUMS.get(token) or _ORDINALS.get(token) or _ZH_NUMS[token]


@dataclass
class Parts:
    """Time components found in one scope (a clause, or the sentence lead)."""

    year: int | None = None
    year_rel: str | None = None  # "this" | "last"
    month: int | None = None
    months: tuple[int, int] | None = None  # a range of months, e.g. (1, 10)
    quarter: int | None = None
    half: int | None = None
    day: tuple[int, int] | None = None  # (month, day)
    as_of: tuple[int, int | None] | None = None  # (month, day or None = end of month)
    ytd: bool = False
    lifetime: bool = False
    full_year: bool = False
    last_month: bool = False
    this_month: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)
    components: list[tuple[int, int, dict[str, object]]] = field(default_factory=list)

    @property
    def explicit(self) -> bool:
        return (
            any(v is not None for v in (self.month, self.months, self.quarter, self.half))
            or self.last_month
            or (self.year is not None and self.day is None)
        )

    @property
    def empty(self) -> bool:
        return not self.spans

    def merge(self, other: Parts) -> Parts:
        """``self`` completed with what ``other`` says (self wins on conflicts)."""
        out = Parts(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        for name in self.__dataclass_fields__:
            if name in ("spans", "components"):
                continue
            if getattr(out, name) in (None, False):
                setattr(out, name, getattr(other, name))
        out.spans = [*self.spans, *other.spans]
        out.components = [*self.components, *other.components]
        return out

    def within(self, start: int, end: int) -> Parts:
        """The components found inside text[start:end]."""
        out = Parts()
        for a, b, values in self.components:
            if start <= a < end:
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


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add(parts: Parts, m: re.Match[str], **values: object) -> None:
    parts.components.append((m.start(), m.end(), values))
    for k, v in values.items():
        setattr(parts, k, v)
    parts.spans.append((m.start(), m.end()))


# Phrases whose "year" is a comparison base, not the figure's period.
_COMPARISON = re.compile(
    r"去年同期|上年同期|同期|a year (?:earlier|ago|before)|year-ago|same (?:period"
    r"|month) (?:of |a )?"
    r"(?:last|the previous|previous) year|previous year|entire previous year|last year's",
    re.IGNORECASE,
)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"(?<!\d)(20\d\d)\s*年\s*(\d{1,2})\s*[-–—~至到]\s*(\d{1,2})\s*月"),
        "zh_year_range",
    ),
    (
        re.compile(r"(?<![\d.])(\d{1,2})\s*[-–—~至到]\s*(\d{1,2})\s*月(?!\s*\d+\s*[日号])"),
        "zh_range",
    ),
    (
        re.compile(r"(?<![\d.])(\d{1,2})\s*月(?:份)?\s*(?:至|到|-|–|—|~)\s*(\d{1,2})\s*月"),
        "zh_range",
    ),
    (re.compile(r"前\s*" + _ZN + r"\s*个?\s*月"), "zh_first_n"),
    (re.compile(r"前\s*([一二三两])\s*个?\s*季度"), "zh_first_q"),
    (re.compile(r"(?:第\s*)?([一二三四1-4])\s*季度"), "zh_quarter"),
    (re.compile(r"上半年"), "h1"),
    (re.compile(r"下半年"), "h2"),
    (
        re.compile(
            r"截[至止](?:到)?\s*(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|底|末)?"
        ),
        "zh_as_of",
    ),
    (re.compile(r"(?<!\d)(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "zh_date"),
    (
        re.compile(
            r"(?<![\d.\-–—~至到])(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月(?:份)?(?![\d至到\-–—~])"
        ),
        "zh_month",
    ),
    (re.compile(r"(?<!\d)(20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!度?目标)"), "zh_year"),
    (re.compile(r"(?:今年|年内|本年度?)(?:以来|至今)?|年初至今|年初以来"), "ytd"),
    (re.compile(r"去年(?!同期)|上一?年(?!同期)"), "last_year"),
    (re.compile(r"全年|年度|整年|年产(?!能)"), "full_year"),
    (re.compile(r"累计|历史累计|累积|总计|迄今"), "lifetime"),
    (re.compile(r"上个?月"), "last_month"),
    (re.compile(r"本月|当月(?!.{0,3}同比)"), "this_month"),
    # English (everything below)
    (
        re.compile(
            r"\b(?:between\s+)?"
            + _MON
            + r"\s*(?:-|–|—|to|through|and|until)\s*"
            + _MON
            + r"(?:\s*(?:period\s+)?(?:of\s+|,\s*)?(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_range",
    ),
    (
        re.compile(
            r"\bfirst\s+" + _N + r"\s+months?(?:\s+of\s+(20\d\d|this year|last year))?",
            re.IGNORECASE,
        ),
        "en_first_n",
    ),
    (
        re.compile(
            r"\bfirst\s+(two|three|2|3)\s+quarters(?:\s+of\s+(20\d\d|this year|last year))?",
            re.IGNORECASE,
        ),
        "en_first_q",
    ),
    (
        re.compile(
            r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|Q([1-4]))"
            r"(?:\s+of)?(?:\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_quarter",
    ),
    (
        re.compile(r"\b(?:(first|second)\s+half|H([12]))(?:\s+of)?(?:\s+(20\d\d))?", re.IGNORECASE),
        "en_half",
    ),
    (
        re.compile(
            r"\b(?:as of|as at|by|through|until|up to)\s+(?:the\s+end\s+of\s+)?"
            + _MON
            + r"(?:\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?)?(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_as_of",
    ),
    (
        re.compile(
            r"\b" + _MON + r"\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?\b(?!,\d)(?:,?\s+(20\d\d))?",
            re.IGNORECASE,
        ),
        "en_date",
    ),
    (
        re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"(?:,?\s+(20\d\d))?", re.IGNORECASE),
        "en_date_dm",
    ),
    (re.compile(r"\b" + _MON + r"(?:,?\s+(20\d\d))?", re.IGNORECASE), "en_month"),
    (
        re.compile(
            r"\b(?:year[- ]to[- ]date|ytd|so far this year|this year|for the year"
            r"|so far in (?:the year|"
            r"20\d\d))\b",
            re.IGNORECASE,
        ),
        "ytd",
    ),
    (re.compile(r"\b(?:last year|(?<!entire )previous year)\b(?!'s)", re.IGNORECASE), "last_year"),
    (
        re.compile(
            r"\b(?:full[- ]year|whole year|annual|annually|entire year|in a single year"
            r"|in one year|within a year)\b",
            re.IGNORECASE,
        ),
        "full_year",
    ),
    (
        re.compile(
            r"\b(?:in|for|during|of|throughout)\s+(20\d\d)\b(?!\s*(?:target|goal|plan))",
            re.IGNORECASE,
        ),
        "en_year",
    ),
    (
        re.compile(r"\b(20\d\d)\s+(?:deliveries|sales|production|output|exports)\b", re.IGNORECASE),
        "en_year",
    ),
    (
        re.compile(
            r"\b(?:cumulative(?:ly)?|in total|to date|since (?:its |the )?(?:launch|founding|"
            r"inception|start|debut|establishment)|all[- ]time total|millionth)\b",
            re.IGNORECASE,
        ),
        "lifetime",
    ),
    (re.compile(r"\b(?:last|previous|past) month\b", re.IGNORECASE), "last_month"),
    (re.compile(r"\bthis month\b", re.IGNORECASE), "this_month"),
]

_FIRST_EN = next(i for i, (_, kind) in enumerate(_PATTERNS) if kind == "en_range")
_ZH_PATTERNS = _PATTERNS[:_FIRST_EN]
_EN_PATTERNS = _PATTERNS[_FIRST_EN:]
_ZH_TRIGGER = re.compile(r"[月季年累计积迄]|半年")
_EN_TRIGGER = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|h[12]|first|second|third"
    r"|fourth|year|ytd|annual|cumulative|total|to date|since|millionth|month|whole|entire"
    r"|20\d\d)",
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
    "zh_first_n": ("前",),
    "zh_first_q": ("前",),
    "zh_quarter": ("季度",),
    "h1": ("上半年",),
    "h2": ("下半年",),
    "zh_as_of": ("截",),
    "zh_date": ("日", "号"),
    "zh_month": ("月",),
    "zh_year": ("年",),
    "last_year": ("去年", "上年", "上一年", "last year", "previous year"),
    "full_year": (
        "全年",
        "年度",
        "整年",
        "年产",
        "full",
        "whole",
        "annual",
        "entire",
        "single year",
        "one year",
        "within a year",
    ),
    "lifetime": (
        "累",
        "总计",
        "迄今",
        "cumulative",
        "in total",
        "to date",
        "since",
        "all-time",
        "all time",
        "millionth",
    ),
    "last_month": ("上月", "上个月", "month"),
    "this_month": ("本月", "当月", "this month"),
    "en_range": _MONTH_NEEDLES,
    "ytd": (),
    "en_first_n": ("first",),
    "en_first_q": ("first",),
    "en_quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "en_half": ("half", "h1", "h2"),
    "en_as_of": ("as of", "as at", "by ", "through", "until", "up to"),
    "en_date": _MONTH_NEEDLES,
    "en_date_dm": _MONTH_NEEDLES,
    "en_month": _MONTH_NEEDLES,
    "en_year": ("20",),
}
_ANNOUNCE = re.compile(
    r"\b(?:said|says|announced|reported|released|published|disclosed|unveiled|showed|show)\b|"
    r"公布|发布|宣布|表示|披露|显示|获悉|消息|数据显示",
    re.IGNORECASE,
)


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


def find_parts(text: str, start: int = 0, end: int | None = None) -> Parts:
    """Time components in ``text[start:end]`` (positions stay relative to ``text``)."""
    end = len(text) if end is None else end
    parts = Parts()
    taken: list[tuple[int, int]] = [
        (m.start(), m.end()) for m in _COMPARISON.finditer(text, start, end)
    ]

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    chunk = text[start:end]
    patterns: list[tuple[re.Pattern[str], str]] = []
    if _ZH_TRIGGER.search(chunk):
        patterns += _ZH_PATTERNS
    if _EN_TRIGGER.search(chunk):
        patterns += _EN_PATTERNS
    lowered = chunk.lower()
    for pattern, kind in patterns:
        needles = _NEEDLES.get(kind)
        if needles and not any(n in lowered for n in needles):
            continue
        for m in pattern.finditer(text, start, end):
            if not free(m):
                continue
            g = m.groups()
            if kind == "zh_year_range":
                _add(parts, m, year=int(g[0]), months=(int(g[1]), int(g[2])))
            elif kind == "zh_range":
                a, b = int(g[0]), int(g[1])
                if not (1 <= a < b <= 12):
                    continue
                _add(parts, m, months=(a, b))
            elif kind == "zh_first_n" or kind == "en_first_n":
                n = small_int(g[0])
                if not 1 <= n <= 12:
                    continue
                _add(parts, m, months=(1, n))
                if kind == "en_first_n":
                    _year_of(g[1], parts)
            elif kind in ("zh_first_q", "en_first_q"):
                n = small_int(g[0])
                _add(parts, m, months=(1, 3 * n))
                if kind == "en_first_q":
                    _year_of(g[1], parts)
            elif kind == "zh_quarter":
                q = small_int(g[0])
                _add(parts, m, quarter=q)
            elif kind == "h1":
                _add(parts, m, half=1)
            elif kind == "h2":
                _add(parts, m, half=2)
            elif kind == "zh_as_of":
                _add(parts, m, as_of=(int(g[1]), int(g[2]) if g[2] else None))
                _year_of(g[0], parts)
            elif kind == "zh_date":
                _add(parts, m, day=(int(g[1]), int(g[2])))
                _year_of(g[0], parts)
            elif kind == "zh_month":
                month = int(g[1])
                if not 1 <= month <= 12:
                    continue
                _add(parts, m, month=month)
                _year_of(g[0], parts)
            elif kind == "zh_year" or kind == "en_year":
                _add(parts, m, year=int(g[0]))
            elif kind == "ytd":
                _add(parts, m, ytd=True)
            elif kind == "last_year":
                _add(parts, m, year_rel="last")
            elif kind == "full_year":
                _add(parts, m, full_year=True)
            elif kind == "lifetime":
                _add(parts, m, lifetime=True)
            elif kind == "last_month":
                _add(parts, m, last_month=True)
            elif kind == "this_month":
                _add(parts, m, this_month=True)
            elif kind == "en_range":
                a, b = MONTHS[g[0].lower()], MONTHS[g[1].lower()]
                if not a < b:
                    continue
                _add(parts, m, months=(a, b))
                _year_of(g[2], parts)
            elif kind == "en_quarter":
                token = (g[0] or g[1]).lower()
                q = int(token[0]) if token[0].isdigit() else _ORDINALS[token]
                _add(parts, m, quarter=q)
                _year_of(g[2], parts)
            elif kind == "en_half":
                token = (g[0] or g[1]).lower()
                _add(parts, m, half=1 if token in ("first", "1") else 2)
                _year_of(g[2], parts)
            elif kind == "en_as_of":
                _add(parts, m, as_of=(MONTHS[g[0].lower()], int(g[1]) if g[1] else None))
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
                if word == "may" and not g[1] and not _MONTH_PREPOSITION.search(text, 0, m.start()):
                    continue
                _add(parts, m, month=MONTHS[word])
                _year_of(g[1], parts)
            taken.append((m.start(), m.end()))
    return parts


_MONTH_PREPOSITION = re.compile(
    r"\b(?:in|for|of|during|since|until|through|by|from|last|this|early|late|mid-?)\s*$",
    re.IGNORECASE,
)


def _infer_year(month: int, published: date) -> int:
    return published.year if month <= published.month else published.year - 1


def _last_month_end(published: date) -> date:
    return published.replace(day=1) - timedelta(days=1)


def resolve(
    parts: Parts, published: date, carry: Period | None, announce: bool = False
) -> Period | None:
    """The period these components describe, or None when they do not pin one down."""
    year = parts.year
    if year is None and parts.year_rel == "this":
        year = published.year
    if year is None and parts.year_rel == "last":
        year = published.year - 1

    def pick_year(end_month: int) -> int:
        return year if year is not None else _infer_year(end_month, published)

    if parts.months:
        a, b = parts.months
        y = pick_year(b)
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
    if parts.as_of or parts.day:
        month, day = parts.as_of or parts.day  # type: ignore[misc]
        y = year if year is not None else _infer_year(month, published)
        end = month_end(y, month) if day is None else _safe_date(y, month, day)
        if end is None:
            return None
        if parts.lifetime and not parts.ytd and parts.year_rel != "this":
            return Period("lifetime", LIFETIME_START, end)
        if parts.as_of or parts.ytd or parts.full_year:
            return Period("ytd", date(y, 1, 1), end)
        if parts.month is not None and parts.month != month:
            return _month(parts.month, year, published)
        if announce:
            return None
        return Period("day", end, end)
    if parts.month is not None:
        if parts.lifetime:
            y = pick_year(parts.month)
            return Period("lifetime", LIFETIME_START, month_end(y, parts.month))
        if parts.ytd:
            y = pick_year(parts.month)
            return Period("ytd", date(y, 1, 1), month_end(y, parts.month))
        return _month(parts.month, year, published)
    if parts.last_month:
        end = _last_month_end(published)
        return Period("month", end.replace(day=1), end)
    if parts.this_month:
        return Period("month", published.replace(day=1), month_end(published.year, published.month))
    if parts.lifetime and not parts.ytd and parts.year_rel != "this":
        end = carry.end if carry and carry.kind in ("month", "ytd", "day") else published
        return Period("lifetime", LIFETIME_START, end)
    if parts.ytd or (parts.full_year and year is None) or year == published.year:
        if parts.full_year and not parts.ytd and year is None and published.month <= 2:
            y = published.year - 1
            return Period("year", date(y, 1, 1), date(y, 12, 31))
        if carry and carry.kind in ("month", "ytd") and carry.end.year == (year or carry.end.year):
            end = carry.end
        else:
            end = _last_month_end(published)
        if year is not None and end.year != year:
            return (
                Period("ytd", date(year, 1, 1), date(year, 12, 31))
                if year < published.year
                else None
            )
        return Period("ytd", date(end.year, 1, 1), end)
    if year is not None and year < published.year:
        return Period("year", date(year, 1, 1), date(year, 12, 31))
    return None


def _month(month: int, year: int | None, published: date) -> Period:
    y = year if year is not None else _infer_year(month, published)
    return Period("month", date(y, month, 1), month_end(y, month))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def is_announcement(text: str) -> bool:
    return bool(_ANNOUNCE.search(text))
