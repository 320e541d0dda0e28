"""Structured text inside articles: markdown tables and label/value list lines.

Owns what the sentence reader cannot read. Tables such as

    | | FY 2024 | 2024 Q4 | 2024 Q3 |          | Brand | Dec 2022 | YoY | Jan-Dec 2022 |
    |---|---|---|---|                          |---|---|---|---|
    | Deliveries | 500,508 | 158,696 | ... |   | NIO | 15,815 | 50.8% | 122,486 |

(rows or columns labelled with periods, entities or metric words; a growth column "YoY",
"% change", 同比 belongs to the value column on its left) and list lines under a heading
("Deliveries by quarter" then "2024 Q3: 152,831"; "XPeng deliveries, January-March 2023:" then
"- All models: 18,230 (-47% YoY)"), and a row of quarters set out with spaces with the values
under it ("2024 Q1 2023 Q4" then "Deliveries 80,400 131,805"), read as a two-row table.

A cell or a line gives a figure only when its entity, metric and period are all established:
the period by a label that is a time expression (resolved against the publication date), the
entity by a label the lexicon knows or, for a metric or total label ("Deliveries", "Total",
"All models", 合计), by the table's corner cell, the heading above it or the article's main
entity; the metric by a label, the corner, the heading or the headline. A label naming anything
else (a model, a body type, a market) gives nothing, and a table or heading about prices,
orders, shares or targets gives nothing at all. The lines read here are returned as consumed
spans: the sentence reader skips them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from crawler.figures import metrics as mx
from crawler.figures.entities import Entity, lexicon
from crawler.figures.model import Figure
from crawler.figures.numbers import MADE_IN_CHINA, MULTIPLIERS, OTHER, find_numbers
from crawler.figures.periods import Period, find_parts, month_end, resolve

MIN_VALUE = 100
Span = tuple[int, int]
Line = tuple[int, int, str]  # start offset, end offset, text

# --- fast checks and line shapes
_TABLE_LINE = re.compile(r"^[ \t]*\|[^\n]*\|[^\n]*$|^[^\n|]{1,60} \| [^\n]*$", re.M)
# a first column of ranks ("Rank | Automaker | Volume"): no label of its own
_RANK_HEADER = re.compile(r"\s*(?:rank(?:ing)?|no\.?|#|排名|名次|序号)\s*", re.I)
_LIST_CANDIDATE = re.compile(r"^[^\n:：]{1,64}[:：][ \t]*[~≈约近]?[ \t]*\d", re.M)
_LIST_LINE = re.compile(
    # (a numbered item too: "1. Yutong: 1,290 units; -39.49%")
    r"^[ \t]*(?:[-*•·][ \t]+|\d{1,2}[.)、][ \t]+)?(?P<label>[^\n:：|]{1,60}?)[ \t]*[:：][ \t]*"
    r"(?P<value>[^\n]+?)[ \t]*$"
)
# a heading's bracketed list of the columns after it: "(sales; y/y growth; market share)"
_COLUMN_LIST = re.compile(r"[(（][^()（）]*[;；][^()（）]*[)）]")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")

# --- label vocabulary
_GROWTH_LABEL = re.compile(
    r"(?P<yoy>yoy|y-o-y|y/y|year[- ](?:on|over)[- ]year|同比(?:增长|增速|增幅|变化)?|按年"
    # "change on the year", a list heading's column
    r"|(?:change|growth) (?:on|over) the year|change from a year (?:earlier|ago)"
    r"|(?P<loose>(?:%\s*)?(?:change|chg\.?|growth)(?:\s*yoy)?|增速|增幅))"
    r"|(?P<mom>mom|m-o-m|m/m|month[- ](?:on|over)[- ]month|环比(?:增长|增速|增幅|变化)?|按月"
    r"|(?:change|growth) (?:on|over) the month|change from the month before)"
    r"|(?P<qoq>qoq|q-o-q|q/q|quarter[- ](?:on|over)[- ]quarter)",
    re.I,
)
_LABEL_TRAP = re.compile(
    r"\bshares?\b|penetration|\bmargins?\b|\bratio\b|\brates?\b|\bpercent(?:age)?\b"
    r"|^\s*(?:rank|ranking|no\.?|#)\s*$"
    r"|\bASP\b|\byuan\b|\bRMB\b|\bUS\$|\busd\b|\bmillion yuan\b|\bincome\b|\bprofit|\bloss"
    r"|\bcash\b|\bgross\b|\bnet\b|\bmsrp\b|\bbattery\b|\b[GMk]Wh\b|\binstallations?\b"
    r"|占比|份额|渗透率|比重|^\s*(?:排名|名次|序号)\s*$|均价|营收|收入|利润|亏损|毛利|万元|亿元|元|电池|装机|装车",
    re.I,
)
# words that say "the whole" or "the count", never a part: removed before "is anything left?"
_FILLER = re.compile(
    r"\b(?:total|totals|all|overall|combined|vehicles?|cars?|units?|volumes?|models"
    r"|figures?|the|of|in|no\.)\b|合计|总计|总量|合共|共计|总|全部车型|全部|汽车|数量|量|辆|台|万辆",
    re.I,
)
# the generic new-energy words a total label may carry ("Total NEV", 新能源汽车), but not a
# powertrain ("PHEV", 纯电) which is a part of the total
_GENERIC_NEV = re.compile(r"\bnew[- ]energy(?: vehicles?)?\b|\bNEVs?\b|新能源", re.I)
# a corner cell that only says "the rows are items" (项目 is also a trap word: "projects")
_ITEM_WORDS = frozenset({"项目", "指标", "类别", "item", "items", "indicator", "metric"})
_SENTENCE_END = re.compile(r"[.。!?！？]$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_ONLY = re.compile(
    r"^(?:FY|full[- ]year|calendar year|全年)?\s*((?:19|20)\d{2})"
    r"\s*(?:FY|full[- ]year|年度?|全年|年全年)?$",
    re.I,
)
_FULL_YEAR = re.compile(r"FY|full[- ]year|全年", re.I)
_YEAR_QUARTER = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/ ]?\s*([QH])([1-4])\b", re.I)
_QUARTER_RANGE = re.compile(r"\bQ1\s*[-–~]\s*Q([1-4])\b|\b([369])M\b", re.I)
_MONTH_NAMES = ("Mar", "Jun", "Sep", "Dec")

# --- list-line values
_PCT = re.compile(
    r"(?P<word>\b(?:up|down|rose|fell|increase|decrease|drop|decline|growth|gain)\b"
    r"|增长|下降|减少|下滑|增|降)?[\s(（]*(?P<sign>[+\-−–])?\s*(?P<num>\d+(?:\.\d+)?)\s*(?:%|％|percent)",
    re.I,
)
_NEGATIVE = re.compile(r"down|fell|decrease|drop|decline|下降|减少|下滑|降", re.I)
_MOM_MARK = re.compile(r"\bmom\b|m/m|month[- ](?:on|over)[- ]month|环比|按月", re.I)
_ZH_MARK = re.compile(r"同比|环比|按年|按月")
_QOQ_MARK = re.compile(r"\bqoq\b|q/q|quarter[- ](?:on|over)[- ]quarter", re.I)
_REST_WORDS = re.compile(
    r"\b(?:units?|vehicles?|cars|EVs?|NEVs?|yoy|mom|qoq|y/y|m/m|year[- ](?:on|over)[- ]year"
    r"|month[- ](?:on|over)[- ]month|from a year (?:earlier|ago)|up|down|rose|fell|increase"
    r"|decrease|growth|gain|drop|decline|percent)\b|辆|台|同比|环比|增长|下降|减少|下滑|增|降|%|％",
    re.I,
)
# a label counting cars made in China: "Tesla MIC Model 3/Model Y", "China-made Teslas"
_MADE_IN_CHINA = re.compile(MADE_IN_CHINA, re.I)
_CELL_WORDS = re.compile(r"\b(?:units?|vehicles?|cars|EVs?|NEVs?)\b|辆|台", re.I)


@dataclass(frozen=True, slots=True)
class _Label:
    """What one label (a table's header or row cell, a list line's label, a heading) says."""

    entity: Entity | None = None
    several: bool = False  # names more than one entity
    metric: str | None = None
    segment: str | None = None
    period: Period | None = None
    timed: bool = False  # has time words, resolvable or not
    year: int | None = None  # a year it states
    growth: str | None = None  # yoy | mom | qoq: a growth column
    loose: bool = False  # "Change", "Growth": its cells count only with a "%"
    trap: bool = False
    bare: bool = False  # nothing in it besides entity, metric, segment, time and filler words
    empty: bool = False
    made_in_china: bool = False  # "Tesla MIC Model 3/Model Y wholesale shipments"

    @property
    def total(self) -> bool:
        """A label meaning "the whole count": "Deliveries", "Total NEV", "All models", 合计."""
        return self.bare and self.entity is None and not self.timed and not self.growth


_EMPTY = _Label(empty=True)
_VALUE = _Label(bare=True)  # the value column a list line implies


@dataclass(frozen=True, slots=True)
class _Context:
    """What surrounds the structured lines: corner cell, heading, headline, main entity."""

    published: date
    frame: Entity | None
    headline_metric: str | None
    labels: tuple[_Label, ...]  # nearest first: corner cell, heading
    unit: int | None = None  # vehicles per unit of plain numbers, as the heading says (单位：万辆)
    # the headline's period, for a table that states no time ("… NEV retail in Feb" over
    # "| Ranking | Automaker | NEV Sales |")
    headline_period: Period | None = None
    # the columns a list's heading names for the values of each line, in order ("(rank,
    # brand, September, August, change on the month, change on the year)")
    columns: tuple[_Label, ...] = ()

    def entity(self) -> Entity | None:
        for label in self.labels:
            if label.several:
                return None
            if label.entity is not None:
                return self._arm(label.entity)
        return self.frame and self._arm(self.frame)

    def _arm(self, entity: Entity) -> Entity:
        """A foreign maker's China arm when the heading counts cars made in China."""
        if entity.foreign and any(label.made_in_china for label in self.labels):
            return lexicon().entities.get(f"{entity.name} China", entity)
        return entity

    def metric(self) -> str | None:
        for label in self.labels:
            if label.metric is not None:
                return label.metric
        return self.headline_metric

    def segment(self) -> str | None:
        return next((lb.segment for lb in self.labels if lb.segment), None)

    def period(self) -> tuple[Period | None, bool]:
        """The period the context states, and whether it states time words at all."""
        for label in self.labels:
            if label.timed:
                return label.period, True
        if self.headline_period is not None:
            return self.headline_period, True
        return None, False

    def year(self) -> int | None:
        return next((lb.year for lb in self.labels if lb.year is not None), None)

    @property
    def trap(self) -> bool:
        return any(lb.trap for lb in self.labels)


def structured_figures(
    text: str, published: date, frame: Entity | None
) -> tuple[list[Figure], list[Span]]:
    """The figures stated in the tables and label/value lists of ``text`` (an article whose
    first line is its headline, whose main entity is ``frame``), and the spans of the lines
    read, which the sentence reader skips."""
    has_table = "|" in text and _TABLE_LINE.search(text) is not None
    spaced = _SPACED_HEADER.search(text) is not None
    if not has_table and not spaced and _LIST_CANDIDATE.search(text) is None:
        return [], []
    lines = _lines(text)
    headline_metric = _single_metric(lines[0][2])
    headline_label = _heading_label(lines[0][2], published)
    headline_period = headline_label.period if headline_label.timed else None
    figures: list[Figure] = []
    spans: list[Span] = []
    i = 1  # line 0 is the headline
    last_table: tuple[int, _Label] | None = None  # the line after the last table, its heading
    while i < len(lines):
        pair = _spaced_table(lines, i) if spaced else None
        if pair is not None:
            heading = _heading(lines, i, published)
            context = _Context(published, frame, headline_metric, (heading,))
            snippet = "\n".join(line[2].strip() for line in lines[i : i + 2])
            figures.extend(replace(f, snippet=snippet) for f in _table(pair, context))
            spans.append((lines[i][0], lines[i + 1][1]))
            i += 2
            continue
        pairs, after = _pair_lines(lines, i) if has_table else ([], i)
        if pairs:
            # "2021 Q4: 25,034 | 2021 Q3: 24,439 | …": label/value pairs side by side
            context = _Context(published, frame, headline_metric, (_heading(lines, i, published),))
            for side_by_side in pairs:
                figures.extend(_list_line(side_by_side, context) or [])
                spans.append((side_by_side[0], side_by_side[1]))
            i = after
            continue
        if has_table and _is_table_line(lines[i][2]):
            block = _table_block(lines, i)
        elif _list_parts(lines[i][2]) is not None:
            block = _list_block(lines, i)
        else:
            i += 1
            continue
        heading = _heading(lines, i, published)
        if heading.empty and last_table is not None and i - last_table[0] <= 2:
            # a table right under another one (a long row of quarters cut in two) goes on
            # under its heading
            heading = last_table[1]
        unit = _heading_unit(lines, i)
        context = _Context(published, frame, headline_metric, (heading,), unit)
        if _is_table_line(lines[i][2]):
            context = replace(context, headline_period=headline_period)
            figures.extend(_table(block, context))
            spans.append((block[0][0], block[-1][1]))
            last_table = (i + len(block), heading)
        else:
            if _ends_on_a_colon(lines, i) and not heading.timed:
                # ("The wholesale top ten were:" under "Geely leads Chinese auto sales amid
                # January slowdown": the month the headline reports)
                context = replace(context, headline_period=headline_period)
            context = replace(context, columns=_column_legend(_line_above(lines, i), published))
            for line in block:
                read = _list_line(line, context)
                if read is None and len(block) == 1:
                    continue  # a line of its own: left to the sentence reader
                figures.extend(read or [])
                spans.append((line[0], line[1]))
        i = lines.index(block[-1]) + 1
    return figures, spans


# --- lines

# a row of periods set out with spaces, the values under it on the next line (quarterly
# results): "2024 Q1 2023 Q4 2023 Q3" then "Deliveries 80,400 131,805 105,108"
_PERIOD_CELL = r"(?:(?:19|20)\d\d\s*Q[1-4]|Q[1-4]\s*(?:19|20)\d\d)"
_SPACED_HEADER = re.compile(
    rf"^[ \t]*(?:(?P<corner>[A-Za-z][A-Za-z ]{{0,30}}?)[ \t]+)?{_PERIOD_CELL}"
    rf"(?:[ \t]+{_PERIOD_CELL})+[ \t]*$",
    re.M,
)
_PERIOD_CELLS = re.compile(_PERIOD_CELL)
_SPACED_VALUES = re.compile(
    r"^[ \t]*(?P<label>[A-Za-z][A-Za-z ]{0,30}?)?[ \t]*"
    r"(?P<values>\d[\d,]*(?:[ \t]+\d[\d,]*)+)[ \t]*$"
)


def _spaced_table(lines: list[Line], i: int) -> list[Line] | None:
    """Lines ``i`` and ``i + 1`` as a two-row table when they are a row of periods set out with
    spaces and the values under it, one per period (their offsets kept)."""
    if i + 1 >= len(lines):
        return None
    header = _SPACED_HEADER.match(lines[i][2])
    values = _SPACED_VALUES.match(lines[i + 1][2])
    if header is None or values is None:
        return None
    periods = _PERIOD_CELLS.findall(lines[i][2])
    numbers = values["values"].split()
    if len(periods) != len(numbers):
        return None
    label = (values["label"] or header["corner"] or "").strip()
    head = (lines[i][0], lines[i][1], "| | " + " | ".join(periods) + " |")
    row = (lines[i + 1][0], lines[i + 1][1], f"| {label} | " + " | ".join(numbers) + " |")
    return [head, row]


def _lines(text: str) -> list[Line]:
    """Each line of ``text`` with its start and end offsets."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _table_block(lines: list[Line], i: int) -> list[Line]:
    """The table starting at line ``i``: its consecutive "|" lines."""
    j = i
    while j + 1 < len(lines) and _is_table_line(lines[j + 1][2]):
        j += 1
    return lines[i : j + 1]


def _list_block(lines: list[Line], i: int) -> list[Line]:
    """The list starting at line ``i``: its label/value lines, one blank line allowed between."""
    block = [lines[i]]
    j = i
    while j + 1 < len(lines):
        k = j + 1
        if not lines[k][2].strip() and k + 1 < len(lines):
            k += 1
        if _list_parts(lines[k][2]) is None:
            break
        block.append(lines[k])
        j = k
    return block


def _is_table_line(line: str) -> bool:
    """A markdown row ("| a | b |") or a bare one ("a | b"): cells between pipes."""
    s = line.strip()
    if s.startswith("|"):
        return s.count("|") >= 2
    return " | " in s and len(s) <= 200


def _cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") else s
    return [c.strip() for c in s.split("|")]


def _row_cells(line: str, header_line: str, width: int, ranked: bool) -> list[str]:
    """A body row's cells, aligned with the header's: a row that opens on "|" under a header
    that does not (" | 33,059 | 39,657" under "Deliveries | 2024 Q1 | 2023 Q4") has an empty
    first cell."""
    cells = _cells(line)[1:] if ranked else _cells(line)
    if (
        len(cells) == width - 1
        and line.lstrip().startswith("|")
        and not header_line.lstrip().startswith("|")
    ):
        cells = ["", *cells]
    return cells


def _heading(lines: list[Line], index: int, published: date) -> _Label:
    """The line introducing the table or list at ``index``: the nearest non-blank line above,
    when it reads as a heading (ends with a colon, or is short and not a sentence)."""
    line = _line_above(lines, index)
    if not line or _is_table_line(line) or _list_parts(line) is not None:
        return _EMPTY
    if line.endswith((":", "：")):
        line = line[:-1]
    elif (len(line) > 90 and not _CAPTION.match(line)) or _SENTENCE_END.search(line):
        return _EMPTY
    return _heading_label(line, published)


# "Table 2 Leading players in China's new energy bus market, January-September 2023 (first
# nine of the top ten)": a numbered caption, however long
_CAPTION = re.compile(r"\s*(?:Table|Chart|Exhibit|表|图表?)\s*\d{1,2}\b", re.I)


def _line_above(lines: list[Line], index: int) -> str:
    """The line above line ``index`` (past one blank line), stripped; "" at the headline."""
    k = index - 1
    if k >= 1 and not lines[k][2].strip():
        k -= 1
    return lines[k][2].strip() if k >= 1 else ""  # line 0 is the headline


def _ends_on_a_colon(lines: list[Line], index: int) -> bool:
    """The line above line ``index`` heads what follows ("… top ten were:")."""
    return _line_above(lines, index).endswith((":", "："))


# "主要企业销量如下（单位：万辆）", "(unit: 10,000 vehicles)": the unit of a table's numbers
_HEADING_UNIT = re.compile(
    r"单位\s*[:：]\s*(?P<zh>万|千|百万)?(?:辆|台)|\bunits?\s*:\s*(?P<en>thousands?|'000|10,000)\b",
    re.IGNORECASE,
)


def _heading_unit(lines: list[Line], index: int) -> int | None:
    """The unit the line above a table gives its plain numbers, if it gives one."""
    k = index - 1
    if k >= 1 and not lines[k][2].strip():
        k -= 1
    m = _HEADING_UNIT.search(lines[k][2]) if k >= 1 else None
    if m is None or not (m["zh"] or m["en"]):
        return None
    return _unit_size(m["zh"] or m["en"])


def _heading_label(text: str, published: date) -> _Label:
    """A heading or corner cell: its entity, metric, segment and time, nothing required bare."""
    return _label(re.sub(r"^[-*•#\s]+|[*_`]+", "", text), published, heading=True)


# --- labels


def _normalise_time(text: str) -> str:
    """Reorders what the period reader expects the other way round: "2024 Q3" -> "Q3 2024",
    "Q1-Q3 2024" / "9M 2024" -> "Jan-Sep 2024"."""
    text = _YEAR_QUARTER.sub(lambda m: f"{m.group(2).upper()}{m.group(3)} {m.group(1)}", text)

    def months(m: re.Match[str]) -> str:
        q = int(m.group(1)) if m.group(1) else int(m.group(2)) // 3
        return f"Jan-{_MONTH_NAMES[q - 1]}"

    return _QUARTER_RANGE.sub(months, text)


def _period(text: str, published: date, year_hint: int | None) -> tuple[Period | None, bool, str]:
    """The period a label states, whether it has time words, and the label with them blanked."""
    years = {int(y) for y in _YEAR.findall(text)}
    if len(years) > 1:
        return None, True, ""
    if _FULL_YEAR.fullmatch(text.strip()):
        # "| | FY | Q4 |" over "| 2023 deliveries | 376,030 | …": the year of the row
        if year_hint is not None and year_hint < published.year:
            return Period("year", date(year_hint, 1, 1), date(year_hint, 12, 31)), True, ""
        return None, True, ""
    only = _YEAR_ONLY.match(text.strip())
    if only:
        y = int(only.group(1))
        if y < published.year:
            return Period("year", date(y, 1, 1), date(y, 12, 31)), True, ""
        return None, True, ""
    parts = find_parts(text)
    if parts.empty:
        if years:  # a year among other words: "Key 2023 figures"
            y = years.pop()
            rest = _YEAR.sub(" ", text)
            if y < published.year:
                return Period("year", date(y, 1, 1), date(y, 12, 31)), True, rest
            return None, True, rest
        return None, False, text
    if len({v["month"] for _, _, v in parts.components if "month" in v}) > 1:
        # "NIO delivers 10,489 EVs in December 2021, just short of its November record": two
        # months, no one time of the label
        return None, True, _YEAR.sub(" ", _blank(text, parts.spans))
    if parts.year is None and parts.year_rel is None and year_hint is not None:
        parts.year = year_hint
    period = resolve(parts, published, None)
    rest = _blank(text, parts.spans)
    if period is not None and (
        period.kind in ("lifetime", "day")
        or period.end > published
        or (years and period.end.year != next(iter(years)))
    ):
        period = None
    rest = _YEAR.sub(" ", rest)
    return period, True, rest


def _blank(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for a, b in spans:
        for k in range(max(0, a), min(len(chars), b)):
            chars[k] = " "
    return "".join(chars)


def _metric_of(text: str) -> tuple[str | None, bool, list[Span]]:
    """The one metric a label names (deliveries and sales count as one), whether it names
    conflicting ones, and where."""
    hits = mx.metric_hits(text)
    kinds = {h.kind for h in hits}
    spans = [(h.start, h.end) for h in hits]
    if not kinds:
        return None, False, spans
    if kinds <= {"deliveries", "sales"}:
        return ("deliveries" if "deliveries" in kinds else "sales"), False, spans
    if len(kinds) == 1 and "prodsales" not in kinds:
        return kinds.pop(), False, spans
    return None, True, spans


def _single_metric(text: str) -> str | None:
    metric, conflict, _ = _metric_of(text)
    return None if conflict else metric


def _label(
    raw: str, published: date, heading: bool = False, year_hint: int | None = None
) -> _Label:
    """Reads one label: a growth column, or the entity, metric, segment and period it names.
    A heading need not be bare: only what it names counts."""
    text = re.sub(r"[*_`]+", "", raw).strip().rstrip(":：").strip()
    if not text:
        return _EMPTY
    # (not the columns a heading lists: "… in November (sales; y/y growth; market share)")
    said = _COLUMN_LIST.sub(" ", text) if heading else text
    trap = text.casefold() not in _ITEM_WORDS and bool(
        mx.TRAP.search(said) or _LABEL_TRAP.search(said)
    )
    growth = _GROWTH_LABEL.fullmatch(re.sub(r"[()（）%％\s]+", " ", text).strip())
    if growth:
        kind = "yoy" if growth.group("yoy") else "mom" if growth.group("mom") else "qoq"
        loose = bool(growth.group("loose")) and "%" not in text
        return _Label(growth=kind, loose=loose, trap=trap)
    label = _words(_normalise_time(text), published, year_hint)
    return replace(
        label,
        trap=trap,
        bare=label.bare or heading,
        made_in_china=bool(_MADE_IN_CHINA.search(text)),
    )


def _words(text: str, published: date, year_hint: int | None) -> _Label:
    """Time, entity, segment and metric words of a label, and whether nothing else is left."""
    years = set(_YEAR.findall(text))
    year = int(years.pop()) if len(years) == 1 else None
    period, timed, rest = _period(text, published, year_hint)
    if timed and not rest:
        return _Label(period=period, timed=True, year=year, bare=True)
    found = lexicon().find(rest)
    names = {m.entity.name for m in found}
    rest = _blank(rest, [(m.start, m.end) for m in found])
    kinds = {h.kind for h in mx.segment_hits(rest)}  # before the metric: "total deliveries"
    metric, conflict, metric_spans = _metric_of(rest)
    if metric is None and not conflict:
        # "2023 deliveries": the period reader takes the metric word into the year's span
        metric, conflict, _ = _metric_of(text)
    rest = _FILLER.sub(" ", _GENERIC_NEV.sub(" ", _blank(rest, metric_spans)))
    return _Label(
        entity=found[0].entity if len(names) == 1 else None,
        several=len(names) > 1,
        metric=metric,
        segment=kinds.pop() if len(kinds) == 1 else None,
        period=period,
        timed=timed,
        year=year,
        bare=not re.sub(r"[\W_]+", "", rest) and not conflict and len(names) <= 1,
    )


def _read(raw: str, context: _Context) -> _Label:
    """A row label or list label, its missing year taken from the table's corner or heading."""
    return _label(raw, context.published, year_hint=context.year())


# --- tables


@dataclass(frozen=True, slots=True)
class _Cell:
    """Where a number of a table or list stands: its row label and column label."""

    row: _Label
    col: _Label
    has_entities: bool  # the table lists entities (then a "Total" row is theirs, not ours)


def _table(rows: list[Line], context: _Context) -> list[Figure]:
    body = [r for r in rows if not all(_SEPARATOR_CELL.match(c) for c in _cells(r[2]) if c)]
    if len(body) < 2:
        return []
    header = _cells(body[0][2])
    ranked = len(header) > 2 and _RANK_HEADER.fullmatch(header[0]) is not None
    if ranked:
        header = header[1:]
    values_only = _values_under_times(header, body[1:], context.published)
    if values_only:
        # "| 2022 Q3 | 2022 Q2 |" over "| 26,524 | 28,687 |": no label column, the rows are
        # the heading's or the article's count
        header = ["", *header]
    corner = _heading_label(header[0], context.published) if header[0] else _EMPTY
    context = replace(context, labels=(corner, *context.labels))
    if context.trap:
        return []
    published = context.published
    cols = [_label(h, published, year_hint=context.year()) for h in header]
    grid = [
        (
            r,
            ["", *_cells(r[2])]
            if values_only
            else _row_cells(r[2], body[0][2], len(header), ranked),
        )
        for r in body[1:]
    ]
    row_labels = [_VALUE if values_only else _read(cells[0], context) for _, cells in grid]
    has_entities = any(lb.entity or lb.several for lb in [*cols[1:], *row_labels])
    targets = _growth_targets(cols)
    out: list[Figure] = []
    for (line, cells), row in zip(grid, row_labels, strict=True):
        if row.empty and len(grid) == 1 and corner.metric is not None:
            # "Deliveries | 2024 Q1 | 2023 Q4" over " | 33,059 | 39,657": the corner's row
            row = corner
        if row.trap or not row.bare or row.empty:
            continue
        # a row of one past year: the columns' quarters or months without a year are its
        # ("| 2024 | 72,689 | … | 30,053 |" under "| | Q4 | … | Q1 |", out in March 2025)
        row_cols = (
            [_label(h, published, year_hint=row.year) if c.timed and c.year is None else c
             for h, c in zip(header, cols, strict=True)]
            if row.year is not None and row.period is not None and row.period.kind == "year"
            else cols
        )  # fmt: skip
        for c in range(1, min(len(cells), len(cols))):
            col = row_cols[c]
            if col.growth or col.trap or col.empty or not col.bare:
                continue
            where = _Cell(row, col, has_entities)
            # "| 新能源汽车销量（万辆） | 122.6 |": the unit its labels give the plain numbers
            unit = _label_unit(cells[0], header[c], header[0]) or context.unit
            value = _cell_value(cells[c]) if unit is None else _scaled_cell(cells[c], unit)
            span = (line[0], line[1])
            figure = _figure(value, where, context, span, line[2].strip())
            if figure is None:
                continue
            yoy, mom = _row_growth(cells, cols, targets, c)
            out.append(_with_growth(figure, yoy, mom))
    return out


def _values_under_times(header: list[str], rows: list[Line], published: date) -> bool:
    """Every header cell is a time and every row holds values only, as many as the header."""
    return all(_label(h, published).timed for h in header) and all(
        len(cells := _cells(r[2])) == len(header)
        and all(_cell_value(cell) is not None for cell in cells)
        for r in rows
    )


def _growth_targets(cols: list[_Label]) -> dict[int, int]:
    """For each growth column, the value column it belongs to: the nearest on its left, or the
    one before that when the nearest is the same period a year earlier ("Dec 2022 | Dec 2021 |
    YoY")."""
    out: dict[int, int] = {}
    for g, col in enumerate(cols):
        if not col.growth or col.growth == "qoq":
            continue
        left = [c for c in range(1, g) if not cols[c].growth and cols[c].bare and not cols[c].trap]
        if not left:
            continue
        target = left[-1]
        if len(left) >= 2:
            a, b = cols[left[-2]].period, cols[target].period
            if (
                a
                and b
                and a.kind == b.kind
                and a.end.year == b.end.year + 1
                and (a.end.month == b.end.month)
            ):
                target = left[-2]
        out[g] = target
    return out


def _row_growth(
    cells: list[str], cols: list[_Label], targets: dict[int, int], c: int
) -> tuple[float | None, float | None]:
    yoy = mom = None
    for g, target in targets.items():
        if target != c or g >= len(cells):
            continue
        pct = _cell_pct(cells[g])
        if pct is None or (cols[g].loose and "%" not in cells[g] and "％" not in cells[g]):
            continue
        if cols[g].growth == "yoy" and yoy is None:
            yoy = pct
        elif cols[g].growth == "mom" and mom is None:
            mom = pct
    return yoy, mom


def _cell_pct(cell: str) -> float | None:
    m = re.fullmatch(r"\(?\s*([+\-−–]?)\s*(\d+(?:\.\d+)?)\s*(?:%|％)?\s*\)?", cell.strip())
    if not m:
        return None
    value = float(m.group(2))
    negative = m.group(1) in ("-", "−", "–") or (cell.strip().startswith("(") and not m.group(1))
    return -value if negative else value


# "20,575 (NIO brand 15,493, Onvo 5,082)": what follows the value in brackets details it
_TRAILING_BRACKET = re.compile(r"(?<=\d)\s*[（(](?![^()（）]*[%％])[^()（）]*[)）]\s*$")
_DETAIL = re.compile(r"\s*[（(](?![^()（）]*[%％])[^()（）]*[)）]\s*")


# a bound written as a sign in a cell: "| 小米汽车 | >10000 |"
_CELL_SIGNS = {">": "at_least", "＞": "at_least", "≥": "at_least", "<": "at_most", "＜": "at_most",
               "≤": "at_most", "~": "approx", "≈": "approx"}  # fmt: skip


def _cell_value(cell: str) -> tuple[int, str] | None:
    """The one vehicle count a cell holds, with its qualifier."""
    cell = _TRAILING_BRACKET.sub("", cell)
    numbers = [n for n in find_numbers(cell) if n.counts != OTHER]
    if len(numbers) != 1 or len(find_numbers(cell)) != 1:
        return None
    n = numbers[0]
    before, after = cell[: n.start], cell[max(n.end, n.unit_end) :]
    qualifier = (
        _CELL_SIGNS.get(before.strip()) or mx.qualifier_before(before) or n.after_qualifier
    ) or "exact"
    if qualifier == "exact" and re.sub(r"[\s*†‡]", "", before):
        return None
    if re.sub(r"[\s*†‡,.;]", "", _CELL_WORDS.sub("", after)):
        return None
    return (n.value, qualifier) if n.value >= MIN_VALUE else None


# a unit in a label: "新能源汽车销量（万辆）", "Deliveries (thousand units)", "('000 units)"
_LABEL_UNIT = re.compile(
    r"[(（]\s*(?:(?P<zh>万|千|百万)(?:辆|台)|(?:in\s+)?(?P<en>thousands?|'000|millions?|10,000)"
    r"(?:\s+(?:units|vehicles|cars))?)\s*[)）]",
    re.IGNORECASE,
)
_PLAIN_CELL = re.compile(r"\s*(\d+(?:\.\d+)?)\s*")


def _unit_size(word: str) -> int:
    """What one unit a label or heading names is worth: 万, 千, 百万, thousand(s), million(s),
    '000, 10,000."""
    word = word.lower()
    return {"'000": 1_000, "10,000": 10_000}.get(word) or MULTIPLIERS[word.removesuffix("s")]


def _label_unit(*labels: str) -> int | None:
    """The number of vehicles one unit of the plain numbers under these labels stands for."""
    for label in labels:
        m = _LABEL_UNIT.search(label)
        if m:
            return _unit_size(m["zh"] or m["en"])
    return None


def _scaled_cell(cell: str, unit: int) -> tuple[int, str] | None:
    """A plain number in a cell, in the unit its labels give ("122.6" under 万辆: 1,226,000)."""
    m = _PLAIN_CELL.fullmatch(cell)
    if m is None:
        return None
    value = round(float(m[1]) * unit)
    return (value, "exact") if value >= MIN_VALUE else None


def _figure(
    value: tuple[int, str] | None, where: _Cell, context: _Context, span: Span, snippet: str
) -> Figure | None:
    """The figure of one value: entity, metric and period from the labels, else nothing."""
    row, col = where.row, where.col
    if value is None:
        return None
    entity = _entity(where, context)
    metric = _pick(row.metric, col.metric)
    if metric == "":
        return None
    metric = metric or context.metric()
    period = _cell_period(row, col, context)
    if entity is None or metric is None or period is None:
        return None
    segment = row.segment or col.segment or context.segment()
    if entity.nev_only_on(period.end) and segment in (None, "all"):
        segment = "nev"  # ("Total deliveries" of a maker that makes nothing else)
    elif segment is None:
        segment = "unknown"
    return Figure(
        entity=entity.name,
        metric=metric,
        unit="vehicles",
        segment=segment,
        period_kind=period.kind,
        period_start=period.start,
        period_end=period.end,
        value=value[0],
        qualifier=value[1],
        yoy_pct=None,
        mom_pct=None,
        claims=(),
        snippet=snippet,
        span=span,
    )


def _pick(a: str | None, b: str | None) -> str | None:
    """The metric two labels agree on; "" when they disagree."""
    if a and b and a != b and {a, b} != {"deliveries", "sales"}:
        return ""
    return a or b


def _entity(where: _Cell, context: _Context) -> Entity | None:
    row, col = where.row, where.col
    if row.entity and col.entity and row.entity.name != col.entity.name:
        return None
    owner = context.entity()
    if (
        (row.entity or col.entity) is _china()
        and owner is not None
        and (owner.foreign or owner.foreign_arm)
        and not (row.entity and col.entity)
    ):
        if owner.foreign_arm:
            # "- Retail sales in China: 75,805" under "Tesla MIC Model 3/Model Y wholesale
            # shipments": the home market, a part of the arm's count
            return None
        # "By region, Porsche's first-half sales: - China: 29,551 units": a foreign maker's
        # count in China is its China figure (its China arm's, when it has one), not the
        # country's
        return lexicon().entities.get(f"{owner.name} China", owner)
    if row.entity or col.entity:
        return row.entity or col.entity
    if where.has_entities:  # a "Total" row of a table of brands is not the article's entity
        return None
    # a "Total" row, or a grid of times ("| 1月 | 8250 | 30350 |" under "| 月份 | 2024年 |"): the
    # heading's or the article's entity
    if not (row.total or col.total or (row.timed and col.timed)):
        return None
    return context.entity()


def _china() -> Entity:
    return lexicon().entities["China"]


def _cell_period(row: _Label, col: _Label, context: _Context) -> Period | None:
    if row.timed and col.timed:
        # "| 1月 | 8250 | 30350 |" under "| 月份 | 2024年 | 2025年 |": that month of that year;
        # "| 2024 | 72,689 | 61,855 |" under "| | Q4 | Q3 |": that quarter of that year
        if row.period is not None and row.period == col.period:
            return row.period  # "FY" under a row of 2023: the year itself
        return _part_of_year(row, col) or _part_of_year(col, row)
    if row.timed or col.timed:
        return row.period if row.timed else col.period
    period, _ = context.period()
    return period


def _part_of_year(part: _Label, year: _Label) -> Period | None:
    """A month, quarter or half label without a year, in the year another label names alone
    (its period is None while that year runs)."""
    if (
        part.period is None
        or part.period.kind not in ("month", "quarter", "half")
        or part.year is not None
        or year.year is None
        or (year.period is not None and year.period.kind != "year")
    ):
        return None
    first, last = part.period.start.month, part.period.end.month
    return Period(part.period.kind, date(year.year, first, 1), month_end(year.year, last))


# --- list lines


# "| change: 5.3%" after "Q4 2024: 12,256 | Q4 2023: 11,640": the rate between the pairs
_GROWTH_PAIR = re.compile(
    r"(?:%\s*)?(?:change|chg\.?|growth|yoy|y/y|同比)\s*[:：]\s*[+-−]?\d+(?:\.\d+)?\s*%", re.I
)


def _pairs(line: Line) -> list[Line]:
    """The "label: value" pairs a line sets side by side with "|", each as a line of its own
    (its offsets kept); none unless every cell is such a pair and there are two or more."""
    start, _, text = line
    if text.count("|") < 1:
        return []
    out: list[Line] = []
    pos = 0
    for cell in text.split("|"):
        stripped = cell.strip()
        if stripped and not _GROWTH_PAIR.fullmatch(stripped):
            if _list_parts(stripped) is None:
                return []
            at = start + pos + cell.index(stripped)
            out.append((at, at + len(stripped), stripped))
        pos += len(cell) + 1
    return out if len(out) >= 2 else []


def _pair_lines(lines: list[Line], i: int) -> tuple[list[Line], int]:
    """The pairs of the lines of side-by-side pairs from line ``i`` on, and the index of the
    first line after them."""
    out: list[Line] = []
    while i < len(lines) and (pairs := _pairs(lines[i])):
        out.extend(pairs)
        i += 1
    return out, i


def _list_parts(line: str) -> tuple[str, str, int, str] | None:
    """A "label: count [growth]" line: its label, value text, value and the words after the
    value; None for anything else (a sentence with a colon, a date, a percentage)."""
    if "|" in line or len(line) > 160:
        return None
    m = _LIST_LINE.match(line)
    if not m:
        return None
    value_text = m.group("value")
    numbers = find_numbers(value_text)
    if not numbers:
        return None
    n = numbers[0]
    if n.counts == OTHER or re.sub(r"[\s~≈]|约|近|about|nearly|over|more than", "",
                                   value_text[: n.start], flags=re.I):  # fmt: skip
        return None
    rest = value_text[max(n.end, n.unit_end) :]
    if _DETAIL.fullmatch(rest):
        rest = ""  # "20,575 (NIO brand 15,493, Onvo 5,082)": the value, detailed
    if re.sub(r"[\W_\d.]+", "", _REST_WORDS.sub(" ", rest)):
        return None
    return m.group("label"), value_text, n.value, rest


def _list_line(line: Line, context: _Context) -> list[Figure] | None:
    """The figure of a "label: count" line; None when its label names whose count it is but
    nothing here says what or when it counts ("小鹏汽车:42013台,同比增长76%。" with no metric in
    the headline): a line of its own is then the sentence reader's, which knows what the lines
    before it counted."""
    parts = _list_parts(line[2])
    if parts is None or context.trap:
        return []
    label_text, value_text, _, rest = parts
    label = _read(label_text, context)
    if label.trap or not label.bare or label.empty or label.growth:
        return []
    if context.columns:
        by_column = _list_line_by_columns(line, label, value_text, context)
        if by_column is not None:
            return by_column
    cell = value_text[: len(value_text) - len(rest)] if rest else value_text
    where = _Cell(label, _VALUE, False)
    figure = _figure(_cell_value(cell), where, context, (line[0], line[1]), line[2].strip())
    if figure is None:
        return None
    yoy, mom = _rest_growth(rest)
    return [_with_growth(figure, yoy, mom)]


# the bracketed columns at the end of a list's heading, three or more
_LEGEND = re.compile(r"[(（]([^()（）]+)[)）]\s*[:：]?\s*$")
_LEGEND_SPLIT = re.compile(r"\s*[;；,，、]\s*")
_VALUE_SPLIT = re.compile(r"\s*[;；]\s*")


def _column_legend(heading: str, published: date) -> tuple[_Label, ...]:
    """The columns a heading names, in order, for the values of the lines under it:
    "… (rank, brand, September, August, change on the month, change on the year):"."""
    m = _LEGEND.search(heading)
    if m is None:
        return ()
    items = [item for item in _LEGEND_SPLIT.split(m.group(1).strip()) if item]
    if len(items) < 3:
        return ()
    return tuple(_heading_label(item, published) for item in items)


def _list_line_by_columns(
    line: Line, label: _Label, value_text: str, context: _Context
) -> list[Figure] | None:
    """ "1. Leapmotor: 66,657; 57,066; +16.8%; +97%" under "(rank, brand, September, August,
    change on the month, change on the year)": each value under its column, the columns
    aligned from the right (the first ones name the rank and the label). None when the
    values and the columns do not line up."""
    cells = _VALUE_SPLIT.split(value_text.strip())
    if len(cells) < 2 or len(cells) > len(context.columns):
        return None
    columns = context.columns[len(context.columns) - len(cells) :]
    counts: list[tuple[str, _Label]] = []
    yoy = mom = None
    for cell, col in zip(cells, columns, strict=True):
        rate = _PCT.fullmatch(cell.strip())
        if col.growth in ("yoy", "mom"):
            if rate is not None:
                value = float(rate.group("num"))
                if rate.group("sign") in ("-", "−", "–"):
                    value = -value
                if col.growth == "mom":
                    mom = value
                else:
                    yoy = value
            continue
        if col.period is None or rate is not None:
            return None  # a column without a time of its own: read the line as before
        counts.append((cell, col))
    out = []
    for i, (cell, col) in enumerate(counts):
        figure = _figure(
            _cell_value(cell), _Cell(label, col, False), context, (line[0], line[1]),
            line[2].strip(),
        )  # fmt: skip
        if figure is not None:
            # the rates compare the first value (the latest) with before
            out.append(_with_growth(figure, yoy, mom) if i == 0 else figure)
    return out or None


def _rest_growth(rest: str) -> tuple[float | None, float | None]:
    """The growth rates after a list line's value: "(-47% YoY)", ", +11.6%", "同比增长117%". A
    rate is month-on-month when its marker says so: 环比 right before it, or MoM after it."""
    yoy = mom = None
    for m in _PCT.finditer(rest):
        before = rest[max(0, m.start() - 3) : m.start()] + (m.group("word") or "")
        after = re.split(r"\d", rest[m.end() : m.end() + 30], maxsplit=1)[0]
        marker = before if _ZH_MARK.search(before) else after
        if _QOQ_MARK.search(marker):
            continue
        value = float(m.group("num"))
        if m.group("sign") in ("-", "−", "–") or _NEGATIVE.match(m.group("word") or ""):
            value = -value
        if _MOM_MARK.search(marker):
            mom = value if mom is None else mom
        elif yoy is None:
            yoy = value
    return yoy, mom


def _with_growth(figure: Figure, yoy: float | None, mom: float | None) -> Figure:
    if yoy is None and mom is None:
        return figure
    return replace(figure, yoy_pct=yoy, mom_pct=mom)
