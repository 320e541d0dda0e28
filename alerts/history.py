"""The stored history of a series as the alert rules need it (``alerts.rules.MonthlyContext``,
``ScopeContext``), read from the store's per-series summary (``store.summary``) in a few small
aggregate queries (one statement for all the months an article reports): the cost of judging
a figure does not grow with the history."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Date,
    bindparam,
    case,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from alerts.rules import MonthlyContext, MonthPoint, Reach, ScopeContext, add_months
from store.models import SeriesSummary as S
from store.summary import MONTH, TOTAL_KINDS

#: months read around a judged month for a streak before the whole series is read
STREAK_WINDOW = 12

_SERIES = (
    S.entity == bindparam("entity"),
    S.metric == bindparam("metric"),
    S.segment == bindparam("segment"),
)
_KIND = S.period_kind == MONTH
_MONTHLY = (*_SERIES, _KIND)
_BEFORE = S.period_start < bindparam("month")
_COUNTABLE = S.qualifier != "at_most"

# Built once: the statements compile once and are bound per figure.
_BEST = (
    select(S.period_start, S.value, S.qualifier)
    .where(*_MONTHLY, _BEFORE, _COUNTABLE)
    .order_by(S.value.desc(), S.period_start.desc())
    .limit(1)
)

_MONTHS = select(S.period_start, S.value, S.qualifier).where(
    *_MONTHLY,
    S.period_start >= bindparam("low"),
    S.period_start <= bindparam("high"),
)


class _MonthLookup:
    """One stored month of a series: from the window around the judged month read with its
    facts, the whole series read only when a streak runs past it."""

    def __init__(
        self, session: Session, series: dict[str, Any], month: date, window: dict[date, Any]
    ) -> None:
        self.session, self.series = session, series
        self.points = window  # month -> (value, qualifier)
        self.low, self.high = add_months(month, -STREAK_WINDOW), add_months(month, 1)

    def __call__(self, month: date) -> MonthPoint | None:
        if not self.low <= month <= self.high:
            self.low, self.high = date.min, date.max
            params = {**self.series, "low": self.low, "high": self.high}
            self.points = {
                start: (value, qualifier)
                for start, value, qualifier in self.session.connection().execute(_MONTHS, params)
            }
        point = self.points.get(month)
        return None if point is None else MonthPoint(month, *point)


#: what ``month_contexts`` reads per judged month: the months before it and the months after
#: it, each grouped by qualifier, and the window of months around it
_EARLIER, _LATER, _WINDOW = 0, 1, 2


@functools.cache
def _month_facts(count: int) -> CompoundSelect[Any]:
    """The facts of ``count`` judged months in one statement (parameters ``entity_0``,
    ``metric_0``, ``segment_0``, ``month_0``, ``low_0``, ``high_0`` ... per month), built once
    per count. Rows: (index of the month, part, qualifier, months, first month, highest
    value); a window row is one month (its start and value). Each part is a range of the
    summary's values index."""
    parts: list[Any] = []  # selects of differing column types
    for i in range(count):
        series = (
            S.entity == bindparam(f"entity_{i}"),
            S.metric == bindparam(f"metric_{i}"),
            S.segment == bindparam(f"segment_{i}"),
            _KIND,
        )
        month = bindparam(f"month_{i}", type_=Date)
        for part, side in ((_EARLIER, S.period_start < month), (_LATER, S.period_start > month)):
            parts.append(
                select(
                    literal_column(str(i)).label("i"),
                    literal_column(str(part)).label("part"),
                    S.qualifier,
                    func.count().label("months"),
                    func.min(S.period_start).label("first"),
                    func.max(S.value).label("value"),
                )
                .where(*series, side)
                .group_by(S.qualifier)
            )
        parts.append(
            select(
                literal_column(str(i)),
                literal_column(str(_WINDOW)),
                S.qualifier,
                literal_column("1"),
                S.period_start,
                S.value,
            ).where(
                *series,
                S.period_start >= bindparam(f"low_{i}", type_=Date),
                S.period_start <= bindparam(f"high_{i}", type_=Date),
            )
        )
    return union_all(*parts)


@dataclass
class _Side:
    """The months on one side of a judged month, summed up from their rows per qualifier."""

    months: int = 0
    first: date | None = None
    countable: int = 0
    countable_since: date | None = None
    countable_max: int | None = None
    face: int | None = None
    approx: int | None = None
    highest: int | None = None

    def add(self, qualifier: str, months: int, first: date, value: int) -> None:
        self.months += months
        self.first = first if self.first is None else min(self.first, first)
        self.highest = _higher(self.highest, value)
        if qualifier == "approx":
            self.approx = _higher(self.approx, value)
        elif qualifier != "at_most":
            self.face = _higher(self.face, value)
        if qualifier != "at_most":
            self.countable += months
            since = self.countable_since
            self.countable_since = first if since is None else min(since, first)
            self.countable_max = _higher(self.countable_max, value)


def _higher(a: int | None, b: int) -> int:
    return b if a is None else max(a, b)


MonthJudged = tuple[
    str, str, str, date, int, str
]  # entity, metric, segment, month, value, qualifier


def month_contexts(session: Session, judged: Sequence[MonthJudged]) -> list[MonthlyContext]:
    """The monthly rules' view of each judged month's series around it (``month_context``),
    for all of them in one statement."""
    if not judged:
        return []
    params: dict[str, Any] = {}
    for i, (entity, metric, segment, month, _value, _qualifier) in enumerate(judged):
        params |= {
            f"entity_{i}": entity, f"metric_{i}": metric, f"segment_{i}": segment,
            f"month_{i}": month, f"low_{i}": add_months(month, -STREAK_WINDOW),
            f"high_{i}": add_months(month, 1),
        }  # fmt: skip
    sides = [(_Side(), _Side()) for _ in judged]
    windows: list[dict[date, tuple[int, str]]] = [{} for _ in judged]
    for i, part, qualifier, months, first, value in session.connection().execute(
        _month_facts(len(judged)), params
    ):
        if part == _WINDOW:
            windows[i][first] = (value, qualifier)
        else:
            sides[i][part].add(qualifier, months, first, value)
    return [
        _context(session, entity, metric, segment, month, value, qualifier, *sides[i], windows[i])
        for i, (entity, metric, segment, month, value, qualifier) in enumerate(judged)
    ]


def _context(
    session: Session,
    entity: str,
    metric: str,
    segment: str,
    month: date,
    value: int,
    qualifier: str,
    earlier: _Side,
    later: _Side,
    window: dict[date, tuple[int, str]],
) -> MonthlyContext:
    series = {"entity": entity, "metric": metric, "segment": segment}
    stored = window.get(month)

    def previous_best() -> MonthPoint:
        # the highest countable earlier month, the latest of equals: in the window (which holds
        # every earlier month after its start) when one there reaches the highest value
        best = [
            start
            for start, (reached, stated) in window.items()
            if start < month and stated != "at_most" and reached == earlier.countable_max
        ]
        if best:
            start = max(best)
            return MonthPoint(start, *window[start])
        row = session.connection().execute(_BEST, {**series, "month": month}).one()
        return MonthPoint(row.period_start, row.value, row.qualifier)

    return MonthlyContext(
        current=MonthPoint(month, *(stored or (value, qualifier))),
        earlier=earlier.months,
        earliest=earlier.first,
        earlier_reach=Reach(earlier.face, earlier.approx),
        countable=earlier.countable,
        countable_since=earlier.countable_since,
        countable_max=earlier.countable_max,
        later_reach=Reach(later.face, later.approx),
        later_max=later.highest,
        previous_best=previous_best,
        month=_MonthLookup(session, series, month, window),
    )


def month_context(
    session: Session,
    entity: str,
    metric: str,
    segment: str,
    month: date,
    value: int,
    qualifier: str,
) -> MonthlyContext:
    """The monthly rules' view of a series around ``month`` (the judged figure: ``value``,
    ``qualifier``; the stored agreed value of its month wins when there is one)."""
    return month_contexts(session, [(entity, metric, segment, month, value, qualifier)])[0]


ScopeJudged = tuple[str, str, str, str, date]  # entity, metric, segment, period kind, end


@functools.cache
def _scope_facts(lifetimes: tuple[bool, ...]) -> CompoundSelect[Any]:
    """The scope facts of several totals in one statement, built once per sequence of kinds
    (``True``: a lifetime total, all time; else the totals of its year): one row per total,
    its index first (parameters ``entity_0``, ``metric_0``, ``segment_0``, ``end_0``,
    ``year_start_0``, ``year_end_0`` ...)."""
    parts: list[Any] = []
    for i, lifetime in enumerate(lifetimes):
        end = bindparam(f"end_{i}", type_=Date)
        earlier, later = S.period_end < end, S.period_end > end
        series = (
            S.entity == bindparam(f"entity_{i}"),
            S.metric == bindparam(f"metric_{i}"),
            S.segment == bindparam(f"segment_{i}"),
        )
        scope = (
            (S.period_kind == "lifetime",)
            if lifetime
            else (
                S.period_kind.in_([kind for kind in TOTAL_KINDS if kind != "lifetime"]),
                S.period_end >= bindparam(f"year_start_{i}", type_=Date),
                S.period_end <= bindparam(f"year_end_{i}", type_=Date),
            )
        )
        parts.append(
            select(
                literal_column(str(i)).label("i"),
                func.count(case((earlier, 1))).label("earlier"),
                func.max(case((earlier, S.face_max))).label("earlier_face"),
                func.max(case((earlier, S.approx_max))).label("earlier_approx"),
                func.max(case((later, S.face_max))).label("later_face"),
                func.max(case((later, S.approx_max))).label("later_approx"),
            ).where(*series, *scope)
        )
    return union_all(*parts)


def scope_contexts(session: Session, judged: Sequence[ScopeJudged]) -> list[ScopeContext]:
    """The milestone rule's view of the other totals in each judged total's scope
    (``scope_context``), for all of them in one statement."""
    if not judged:
        return []
    params: dict[str, Any] = {}
    for i, (entity, metric, segment, _kind, end) in enumerate(judged):
        params |= {
            f"entity_{i}": entity, f"metric_{i}": metric, f"segment_{i}": segment,
            f"end_{i}": end, f"year_start_{i}": date(end.year, 1, 1),
            f"year_end_{i}": date(end.year, 12, 31),
        }  # fmt: skip
    statement = _scope_facts(tuple(kind == "lifetime" for *_, kind, _end in judged))
    found: dict[int, ScopeContext] = {
        i: ScopeContext(
            has_earlier=earlier > 0,
            earlier_reach=Reach(earlier_face, earlier_approx),
            later_reach=Reach(later_face, later_approx),
        )
        for i, earlier, earlier_face, earlier_approx, later_face, later_approx in (
            session.connection().execute(statement, params)
        )
    }
    return [found[i] for i in range(len(judged))]


def scope_context(
    session: Session, entity: str, metric: str, segment: str, period_kind: str, period_end: date
) -> ScopeContext:
    """The milestone rule's view of the other totals in a total's scope: all time for a
    lifetime figure, else the year-to-date and yearly totals of its year."""
    return scope_contexts(session, [(entity, metric, segment, period_kind, period_end)])[0]
