"""The stored history of a series as the alert rules need it (``alerts.rules.MonthlyContext``,
``ScopeContext``), read from the store's per-series summary (``store.summary``) in a few small
aggregate queries: the cost of judging a figure does not grow with the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select
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
_MONTHLY = (*_SERIES, S.period_kind == MONTH)
_BEFORE = S.period_start < bindparam("month")
_AFTER = S.period_start > bindparam("month")
_FACE = S.qualifier.not_in(("approx", "at_most"))
_APPROX = S.qualifier == "approx"
_COUNTABLE = S.qualifier != "at_most"

# Built once: the statements compile once and are bound per figure.
_MONTH_FACTS = select(
    func.count(case((_BEFORE, 1))).label("earlier"),
    func.min(case((_BEFORE, S.period_start))).label("earliest"),
    func.max(case((and_(_BEFORE, _FACE), S.value))).label("earlier_face"),
    func.max(case((and_(_BEFORE, _APPROX), S.value))).label("earlier_approx"),
    func.count(case((and_(_BEFORE, _COUNTABLE), 1))).label("countable"),
    func.min(case((and_(_BEFORE, _COUNTABLE), S.period_start))).label("countable_since"),
    func.max(case((and_(_BEFORE, _COUNTABLE), S.value))).label("countable_max"),
    func.max(case((and_(_AFTER, _FACE), S.value))).label("later_face"),
    func.max(case((and_(_AFTER, _APPROX), S.value))).label("later_approx"),
    func.max(case((_AFTER, S.value))).label("later_max"),
    func.max(case((S.period_start == bindparam("month"), S.value))).label("value"),
    func.max(case((S.period_start == bindparam("month"), S.qualifier))).label("qualifier"),
).where(*_MONTHLY)

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

_TOTAL_FACTS_COLUMNS = (
    func.count(case((S.period_end < bindparam("end"), 1))).label("earlier"),
    func.max(case((S.period_end < bindparam("end"), S.face_max))).label("earlier_face"),
    func.max(case((S.period_end < bindparam("end"), S.approx_max))).label("earlier_approx"),
    func.max(case((S.period_end > bindparam("end"), S.face_max))).label("later_face"),
    func.max(case((S.period_end > bindparam("end"), S.approx_max))).label("later_approx"),
)
_LIFETIME_FACTS = select(*_TOTAL_FACTS_COLUMNS).where(*_SERIES, S.period_kind == "lifetime")
_YEAR_FACTS = select(*_TOTAL_FACTS_COLUMNS).where(
    *_SERIES,
    S.period_kind.in_([kind for kind in TOTAL_KINDS if kind != "lifetime"]),
    S.period_end >= bindparam("year_start"),
    S.period_end <= bindparam("year_end"),
)


class _MonthLookup:
    """One stored month of a series, read on demand: a window around the judged month first,
    the whole series only when a streak runs past it."""

    def __init__(self, session: Session, series: dict[str, Any], month: date) -> None:
        self.session, self.series, self.month = session, series, month
        self.points: dict[date, MonthPoint] | None = None
        self.low = self.high = month

    def __call__(self, month: date) -> MonthPoint | None:
        if self.points is None or not self.low <= month <= self.high:
            if self.points is None:
                self.low = add_months(self.month, -STREAK_WINDOW)
                self.high = add_months(self.month, 1)
            else:
                self.low, self.high = date.min, date.max
            params = {**self.series, "low": self.low, "high": self.high}
            self.points = {
                row.period_start: MonthPoint(row.period_start, row.value, row.qualifier)
                for row in self.session.connection().execute(_MONTHS, params)
            }
            if not self.low <= month <= self.high:
                return self(month)
        return self.points.get(month)


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
    series = {"entity": entity, "metric": metric, "segment": segment}
    params = {**series, "month": month}
    facts = session.connection().execute(_MONTH_FACTS, params).one()
    current = (
        MonthPoint(month, value, qualifier)
        if facts.value is None
        else MonthPoint(month, facts.value, facts.qualifier)
    )

    def previous_best() -> MonthPoint:
        row = session.connection().execute(_BEST, params).one()
        return MonthPoint(row.period_start, row.value, row.qualifier)

    return MonthlyContext(
        current=current,
        earlier=facts.earlier,
        earliest=facts.earliest,
        earlier_reach=Reach(facts.earlier_face, facts.earlier_approx),
        countable=facts.countable,
        countable_since=facts.countable_since,
        countable_max=facts.countable_max,
        later_reach=Reach(facts.later_face, facts.later_approx),
        later_max=facts.later_max,
        previous_best=previous_best,
        month=_MonthLookup(session, series, month),
    )


def scope_context(
    session: Session, entity: str, metric: str, segment: str, period_kind: str, period_end: date
) -> ScopeContext:
    """The milestone rule's view of the other totals in a total's scope: all time for a
    lifetime figure, else the year-to-date and yearly totals of its year."""
    params: dict[str, Any] = {
        "entity": entity, "metric": metric, "segment": segment, "end": period_end,
    }  # fmt: skip
    if period_kind == "lifetime":
        facts = session.connection().execute(_LIFETIME_FACTS, params).one()
    else:
        params |= {
            "year_start": date(period_end.year, 1, 1),
            "year_end": date(period_end.year, 12, 31),
        }
        facts = session.connection().execute(_YEAR_FACTS, params).one()
    return ScopeContext(
        has_earlier=facts.earlier > 0,
        earlier_reach=Reach(facts.earlier_face, facts.earlier_approx),
        later_reach=Reach(facts.later_face, facts.later_approx),
    )
