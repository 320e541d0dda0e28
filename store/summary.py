"""The per-series summary (``series_summary``): one row per entity, metric, segment, period kind
and period, one per month for monthly figures, holding the value the reports agree on and how
high they reach. The alert rules read it instead of every report of a series, so judging a
figure costs the same however long the history.

Every write of figures refreshes the rows of the keys it touched (``refresh``), in the same
transaction; ``rebuild`` recomputes the whole table (the migration that adds it, bulk loads).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Row, Select, Table, and_, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.figures import FigureKey, _chosen, _month_end, _Support
from store.models import Article, Figure, SeriesSummary

#: the period kinds the rules judge against a history: months, and totals (milestones)
MONTH = "month"
TOTAL_KINDS = ("lifetime", "ytd", "year")
SUMMARY_KEY = ("entity", "metric", "segment", "period_kind", "period_start", "period_end")
_TABLE = cast(Table, SeriesSummary.__table__)
_KEY_COLUMNS = [_TABLE.c[name] for name in SUMMARY_KEY]


def _votes() -> Select[Any]:
    key = [getattr(Figure, name) for name in SUMMARY_KEY]
    columns = [*key, Figure.value, Figure.qualifier]
    return (
        select(
            *columns,
            func.count().label("reports"),
            func.max(Article.published_at).label("newest"),
        )
        .join(Article, Figure.article_id == Article.id)
        .group_by(*[getattr(Figure, name) for name in SUMMARY_KEY], Figure.value, Figure.qualifier)
        # the order in which values and qualifiers are met decides ties (store.figures._Support)
        .order_by(*[getattr(Figure, name) for name in SUMMARY_KEY], Figure.value, Figure.qualifier)
    )


def summary_key(key: FigureKey) -> FigureKey | None:
    """The summary row a figure key counts in (a month's whole month), or None for kinds the
    rules do not judge against a history (quarters, halves, days)."""
    entity, metric, segment, kind, start, _end = key
    if kind == MONTH:
        return (entity, metric, segment, kind, start, _month_end(start.year, start.month))
    if kind in TOTAL_KINDS:
        return key
    return None


def _summaries(rows: Iterable[Row[Any]]) -> dict[FigureKey, dict[str, Any]]:
    """Summary rows from vote rows (one per key, value and qualifier, in ``_votes`` order)."""
    votes: dict[FigureKey, dict[int, _Support]] = defaultdict(lambda: defaultdict(_Support))
    reach: dict[FigureKey, list[int | None]] = defaultdict(lambda: [None, None])
    for row in rows:
        key = summary_key(tuple(row[:6]))
        if key is None:
            continue
        votes[key][row.value].add(row.qualifier, row.newest, row.reports)
        slot = 1 if row.qualifier == "approx" else None if row.qualifier == "at_most" else 0
        if slot is not None:
            held = reach[key][slot]
            reach[key][slot] = row.value if held is None else max(held, row.value)
    result = {}
    for key, by_value in votes.items():
        value = _chosen(by_value)
        result[key] = {
            **dict(zip(SUMMARY_KEY, key, strict=True)),
            "value": value,
            "qualifier": by_value[value].qualifier,
            "face_max": reach[key][0],
            "approx_max": reach[key][1],
            "reports": sum(s.reports for s in by_value.values()),
        }
    return result


def refresh(session: Session, keys: Iterable[FigureKey]) -> None:
    """Recomputes the summary rows of these figure keys from the stored figures (rows whose
    figures are all gone are deleted). Costs what the keys' own reports cost, not the series'."""
    wanted = {k for k in map(summary_key, keys) if k is not None}
    if not wanted:
        return
    # One condition per key (OR): each uses the series index, which a tuple IN may not.
    conditions = [
        and_(
            Figure.entity == entity, Figure.metric == metric, Figure.segment == segment,
            Figure.period_kind == kind, Figure.period_start == start,
            *([] if kind == MONTH else [Figure.period_end == end]),
        )
        for entity, metric, segment, kind, start, end in sorted(wanted)
    ]  # fmt: skip
    rows = session.execute(_votes().where(or_(*conditions))).all()
    summaries = _summaries(rows)
    for key in sorted(wanted - summaries.keys()):
        session.execute(
            delete(SeriesSummary).where(
                *[column == part for column, part in zip(_KEY_COLUMNS, key, strict=True)]
            )
        )
    _upsert(session, [summaries[key] for key in sorted(summaries)])


def _upsert(session: Session | Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Inserts or replaces summary rows by key: one statement where the database has ON
    CONFLICT (SQLite, PostgreSQL), else delete and insert."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name if isinstance(session, Session) else None
    dialect = dialect or session.dialect.name  # type: ignore[union-attr]
    module = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect)
    if module is not None:
        statement = module.insert(_TABLE)
        values = ("value", "qualifier", "face_max", "approx_max", "reports")
        session.execute(
            statement.on_conflict_do_update(
                index_elements=_KEY_COLUMNS,
                set_={name: statement.excluded[name] for name in values},
            ),
            list(rows),
        )
        return
    for row in rows:
        session.execute(
            delete(SeriesSummary).where(
                *[
                    column == row[name]
                    for column, name in zip(_KEY_COLUMNS, SUMMARY_KEY, strict=True)
                ]
            )
        )
    session.execute(insert(_TABLE), list(rows))


def rebuild(connection: Connection, batch: int = 5_000) -> int:
    """Recomputes the whole summary from the stored figures; returns how many rows it has.
    Streams the figures series by series, so memory stays small on any history."""
    connection.execute(delete(SeriesSummary))
    query = _votes().where(Figure.period_kind.in_((MONTH, *TOTAL_KINDS)))
    pending: list[Row[Any]] = []
    total = 0
    series: tuple[Any, ...] | None = None
    for row in connection.execution_options(yield_per=batch).execute(query):
        if tuple(row[:3]) != series and len(pending) >= batch:
            total += _write(connection, pending)
            pending = []
        series = tuple(row[:3])
        pending.append(row)
    total += _write(connection, pending)
    return total


def _write(connection: Connection, rows: list[Row[Any]]) -> int:
    summaries = _summaries(rows)
    if summaries:
        connection.execute(insert(_TABLE), list(summaries.values()))
    return len(summaries)
