"""Stored figures: saving one article's figures, listing them, and the consolidated view.

The store does not know the parser: a figure arrives as a plain mapping of column values
(``FIGURE_FIELDS``), so any producer (crawl, ingest, reparse) can hand figures over.
"""

from __future__ import annotations

import functools
import json
import logging
from collections import defaultdict
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Row,
    Select,
    String,
    Table,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from store.models import Article, Figure, FigureRejection, Source
from store.types import utcnow

log = logging.getLogger(__name__)

FIGURE_KEY = ("entity", "metric", "segment", "period_kind", "period_start", "period_end")
FIGURE_FIELDS = (
    *FIGURE_KEY, "unit", "value", "qualifier", "yoy_pct", "mom_pct", "claims", "snippet",
    "span_start", "span_end", "confidence",
)  # fmt: skip
_QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2}
# A change in these is a change of the figure; snippet and span moves are not.
_MEANINGFUL = ("value", "qualifier", "yoy_pct", "mom_pct", "claims", "unit")

FigureKey = tuple[Any, ...]
_FIGURES = Figure.__table__
assert isinstance(_FIGURES, Table)
# Compiled once: one statement for all of an article's new figures, returning each one's id
# with its key (an article has one figure per key). Asking for the ids in parameter order
# instead would send one INSERT per figure where the database does not promise the order of
# RETURNING rows (SQLite).
_INSERT_FIGURES = insert(_FIGURES).returning(
    _FIGURES.c.id, *[_FIGURES.c[name] for name in FIGURE_KEY]
)


def same_key(model: Any, other: Any) -> list[Any]:
    """WHERE clauses for rows of ``model`` (figures, alerts) with the figure key of ``other``:
    same entity, metric, segment and period."""
    return [getattr(model, name) == getattr(other, name) for name in FIGURE_KEY]


def figure_key(values: Mapping[str, Any]) -> FigureKey:
    return tuple(values[name] for name in FIGURE_KEY)


@dataclass
class FigureChanges:
    """What storing an article's figures did, figure ids included (alerts start from them)."""

    added: list[int] = field(default_factory=list)
    changed: list[tuple[int, dict[str, tuple[Any, Any]]]] = field(default_factory=list)
    removed: list[FigureKey] = field(default_factory=list)
    #: keys the article gave two values for: (key, value kept, value set aside)
    conflicts: list[tuple[FigureKey, int, int]] = field(default_factory=list)
    #: the column values of the added figures, in ``added`` order
    added_rows: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def store_figures(
    session: Session,
    article_id: int,
    figures: Sequence[Mapping[str, Any]],
    parser_version: str,
    *,
    replace: bool = False,
) -> FigureChanges:
    """Saves the figures of an article stored before, one row per key. With ``replace``,
    figures the parser no longer finds are deleted (a reparse); otherwise stored figures are
    only added or updated. New figures are inserted in one statement."""
    stored = {
        figure_key(vars(f)): f
        for f in session.scalars(select(Figure).where(Figure.article_id == article_id))
    }
    changes = FigureChanges()
    seen: set[FigureKey] = set()
    now = utcnow()
    for values in _best_per_key(figures, changes):
        key = figure_key(values)
        seen.add(key)
        existing = stored.get(key)
        if existing is None:
            changes.added_rows.append(_new_row(article_id, values, parser_version, now))
            continue
        row = _columns(values)
        diff = {
            name: (getattr(existing, name), row[name])
            for name in _MEANINGFUL
            if getattr(existing, name) != row[name]
        }
        for name, value in row.items():
            setattr(existing, name, value)
        existing.parser_version = parser_version
        if diff:
            existing.updated_at = now
            changes.changed.append((existing.id, diff))
    _insert_added(session, [changes])
    if replace:
        gone = [key for key in stored if key not in seen]
        for key in gone:
            session.execute(delete(Figure).where(Figure.id == stored[key].id))
        changes.removed.extend(gone)
    return changes


def store_new_figures(
    session: Session,
    articles: Sequence[tuple[int, Sequence[Mapping[str, Any]]]],
    parser_version: str,
) -> list[FigureChanges]:
    """Saves the figures of (article id, figures) articles stored just now, which have none
    yet and share no figure key, in one statement; one row per key and article."""
    now = utcnow()
    every = []
    for article_id, figures in articles:
        changes = FigureChanges()
        changes.added_rows = [
            _new_row(article_id, values, parser_version, now)
            for values in _best_per_key(figures, changes)
        ]
        every.append(changes)
    _insert_added(session, every)
    return every


def _columns(values: Mapping[str, Any]) -> dict[str, Any]:
    """A parsed figure's stored columns."""
    row = {name: values.get(name) for name in FIGURE_FIELDS}
    row["claims"] = sorted(row["claims"] or [])
    row["confidence"] = 1.0 if row["confidence"] is None else row["confidence"]
    return row


def _new_row(
    article_id: int, values: Mapping[str, Any], parser_version: str, now: datetime
) -> dict[str, Any]:
    return {"article_id": article_id, "parser_version": parser_version,
            "first_seen_at": now, "updated_at": now, **_columns(values)}  # fmt: skip


def _insert_added(session: Session, every: Sequence[FigureChanges]) -> None:
    """Inserts the added rows of these changes (no two of one key) in one statement and sets
    their ids."""
    rows = [row for changes in every for row in changes.added_rows]
    if not rows:
        return
    ids = {tuple(row[1:]): row[0] for row in session.connection().execute(_INSERT_FIGURES, rows)}
    for changes in every:
        changes.added = [ids[figure_key(row)] for row in changes.added_rows]


def _best_per_key(
    figures: Sequence[Mapping[str, Any]], changes: FigureChanges
) -> list[Mapping[str, Any]]:
    """One figure per key. When an article gives one key two values, the better-evidenced one
    is kept (higher confidence, then an exact value over a bound, then the first stated) and
    the conflict is counted in ``changes``, never dropped silently."""
    best: dict[FigureKey, Mapping[str, Any]] = {}
    for values in figures:
        key = figure_key(values)
        held = best.get(key)
        if held is None:
            best[key] = values
        elif held["value"] != values["value"]:
            kept, aside = (values, held) if _evidence(values) > _evidence(held) else (held, values)
            best[key] = kept
            changes.conflicts.append((key, kept["value"], aside["value"]))
            log.info(
                "two values for one figure: %s %s %s %s..%s: kept %s, set aside %s",
                key[0], key[1], key[2], key[4], key[5], kept["value"], aside["value"],
            )  # fmt: skip
    return list(best.values())


def _evidence(values: Mapping[str, Any]) -> tuple[float, int]:
    return (values.get("confidence") or 1.0, -_QUALIFIER_RANK.get(values["qualifier"], 3))


@dataclass(frozen=True)
class FigureFilter:
    """What ``evwatch figures`` asks for; every field narrows the result."""

    entities: frozenset[str] | None = None
    metric: str | None = None
    period: str | None = None  # "2025", "2025-11", or "2025-Q3"
    since: date | None = None
    source: str | None = None


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of "2025", "2025-11" or "2025-Q3"; ValueError if unreadable."""
    year_text, _, rest = period.partition("-")
    year = int(year_text)
    if not rest:
        return date(year, 1, 1), date(year, 12, 31)
    if rest.upper().startswith("Q"):
        quarter = int(rest[1:])
        if not 1 <= quarter <= 4:
            raise ValueError(f"no quarter {quarter}")
        first_month = 3 * quarter - 2
        return date(year, first_month, 1), _month_end(year, first_month + 2)
    month = int(rest)
    return date(year, month, 1), _month_end(year, month)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _reports() -> Select[Any]:
    """Figures as flat rows (no ORM objects: these lists get long) with their article and
    source: ``row.value``, ``row.published_at``, ``row.source`` ..."""
    columns = [getattr(Figure, name) for name in ("id", "article_id", *FIGURE_FIELDS)]
    return (
        select(
            *columns,
            Article.canonical_url,
            Article.title,
            Article.published_at,
            Source.name.label("source"),
        )
        .join(Article, Figure.article_id == Article.id)
        .join(Source, Article.source_id == Source.id)
    )


def series(
    session: Session, entity: str, metric: str, segment: str, kinds: Sequence[str]
) -> list[Row[Any]]:
    """Every stored report of one series with these period kinds (what the alert rules read)."""
    params = {"entity": entity, "metric": metric, "segment": segment, "kinds": list(kinds)}
    return list(session.execute(_SERIES, params).all())


_SERIES = _reports().where(
    Figure.entity == bindparam("entity"),
    Figure.metric == bindparam("metric"),
    Figure.segment == bindparam("segment"),
    Figure.period_kind.in_(bindparam("kinds", expanding=True)),
)


def _previous_exact_query(suffix: str = "", *, bounded: bool = False) -> Select[Any]:
    """The latest other exact value of a figure's key (parameters named after the columns,
    plus ``suffix``: ``entity``, ... ``id``, ``value``, and ``before`` when ``bounded``: only
    reports from articles published no later than it, or undated)."""
    query = (
        select(Figure.value)
        .join(Article, Figure.article_id == Article.id)
        .where(
            *[getattr(Figure, name) == bindparam(f"{name}{suffix}") for name in FIGURE_KEY],
            Figure.qualifier == "exact",
            Figure.id != bindparam(f"id{suffix}"),
            Figure.value != bindparam(f"value{suffix}"),
        )
        .order_by(Figure.id.desc())
        .limit(1)
    )
    if bounded:
        query = query.where(
            or_(
                Article.published_at.is_(None), Article.published_at <= bindparam(f"before{suffix}")
            )
        )
    return query


@functools.cache
def _previous_exacts(bounded: tuple[bool, ...]) -> Select[Any]:
    """``previous_exacts`` in one statement, built once per sequence of flags (``True``:
    bounded by a publication time): one row, a column per figure."""
    return select(
        *[
            _previous_exact_query(f"_{i}", bounded=flag).scalar_subquery().label(f"previous_{i}")
            for i, flag in enumerate(bounded)
        ]
    )


def previous_exact(session: Session, figure: Any, published_before: datetime | None) -> int | None:
    """The other value most recently stored as an exact report of this figure's series and
    period (from an article published no later than ``published_before``, when given), or
    None: what the revision rule compares with."""
    return previous_exacts(session, [(figure, published_before)])[0]


def previous_exacts(
    session: Session, wanted: Sequence[tuple[Any, datetime | None]]
) -> list[int | None]:
    """``previous_exact`` of each (figure, published_before), in one statement."""
    if not wanted:
        return []
    params: dict[str, Any] = {}
    for i, (figure, before) in enumerate(wanted):
        params |= {f"{name}_{i}": getattr(figure, name) for name in (*FIGURE_KEY, "id", "value")}
        if before is not None:
            params[f"before_{i}"] = before
    statement = _previous_exacts(tuple(before is not None for _, before in wanted))
    return list(session.connection().execute(statement, params).one())


def list_figures(
    session: Session, wanted: FigureFilter, limit: int | None = None
) -> list[Row[Any]]:
    """Stored figures with their article and source, newest period first."""
    query = _filtered(_reports(), wanted).order_by(
        Figure.period_end.desc(), Figure.entity, Figure.metric, Figure.segment, Figure.id
    )
    if limit:
        query = query.limit(limit)
    return list(session.execute(query).all())


@dataclass(frozen=True)
class ConsolidatedFigure:
    """One (entity, metric, segment, period) across every article that reports it."""

    entity: str
    metric: str
    segment: str
    period_kind: str
    period_start: date
    period_end: date
    value: int
    qualifier: str
    reports: int
    sources: tuple[str, ...]
    disagreement: dict[int, int]  # value -> how many articles report it, when they differ
    latest_published: datetime | None


@dataclass
class _Support:
    """How well one value of a key is backed: reports, any exact one, the newest publication."""

    reports: int = 0
    exact: bool = False
    newest: float = 0.0
    qualifier: str = ""

    def add(self, qualifier: str, published: datetime | None, reports: int = 1) -> None:
        self.reports += reports
        self.exact = self.exact or qualifier == "exact"
        self.qualifier = "exact" if self.exact else (self.qualifier or qualifier)
        if published is not None:
            self.newest = max(self.newest, published.timestamp())


def _chosen(votes: dict[int, _Support]) -> int:
    """The value most reports agree on; ties go to exact over approximate, then the newest."""
    return max(votes, key=lambda value: (votes[value].reports, votes[value].exact,
                                         votes[value].newest))  # fmt: skip


def consolidate(rows: Iterable[Row[Any]]) -> list[ConsolidatedFigure]:
    """Chooses, per key, the value most articles agree on (ties: exact over approximate, then
    the most recently published); a key reported with several values is flagged."""
    groups: dict[FigureKey, list[Row[Any]]] = defaultdict(list)
    for row in rows:
        groups[figure_key(dict(row._mapping))].append(row)
    result = []
    for key, reports in groups.items():
        votes: dict[int, _Support] = defaultdict(_Support)
        for report in reports:
            votes[report.value].add(report.qualifier, report.published_at)
        chosen = _chosen(votes)
        published = [r.published_at for r in reports if r.published_at]
        result.append(
            ConsolidatedFigure(
                **dict(zip(FIGURE_KEY, key, strict=True)),
                value=chosen,
                qualifier=votes[chosen].qualifier,
                reports=len(reports),
                sources=tuple(sorted({r.source for r in reports})),
                disagreement={v: s.reports for v, s in votes.items()} if len(votes) > 1 else {},
                latest_published=max(published) if published else None,
            )
        )
    result.sort(key=lambda c: (-c.period_end.toordinal(), c.entity, c.metric, c.segment))
    return result


def _filtered(query: Select[Any], wanted: FigureFilter) -> Select[Any]:
    """``query`` (over figures joined with articles and sources) narrowed by ``wanted``."""
    if wanted.entities:
        query = query.where(Figure.entity.in_(sorted(wanted.entities)))
    if wanted.metric:
        query = query.where(Figure.metric == wanted.metric)
    if wanted.period:
        start, end = period_bounds(wanted.period)
        query = query.where(Figure.period_end >= start, Figure.period_end <= end)
    if wanted.since:
        query = query.where(Figure.period_end >= wanted.since)
    if wanted.source:
        query = query.where(Source.name == wanted.source)
    return query


def consolidated(
    session: Session | Connection, wanted: FigureFilter, limit: int | None = None, offset: int = 0
) -> Generator[ConsolidatedFigure]:
    """What ``consolidate`` makes of ``list_figures``, newest period first, aggregated in the
    database (one row per key, value, qualifier and source) and streamed: it reads what it
    prints, not every report. Skips the first ``offset`` figures and stops after ``limit``."""
    key = [getattr(Figure, name) for name in FIGURE_KEY]
    query = _filtered(
        select(
            *key, Figure.value, Figure.qualifier, Source.name.label("source"),
            func.count().label("reports"), func.max(Article.published_at).label("newest"),
            func.min(Figure.id).label("first_id"),
        )
        .join(Article, Figure.article_id == Article.id)
        .join(Source, Article.source_id == Source.id)
        .group_by(*key, Figure.value, Figure.qualifier, Source.name),
        wanted,
    ).order_by(
        Figure.period_end.desc(), Figure.entity, Figure.metric, Figure.segment,
        Figure.period_kind, Figure.period_start,
    )  # fmt: skip
    rows = session.execute(query.execution_options(yield_per=2_000))
    try:
        yield from _paged(rows, offset, None if limit is None else offset + limit)
    finally:
        rows.close()  # a server-side cursor left after the last page


def _paged(rows: Iterable[Row[Any]], offset: int, end: int | None) -> Iterator[ConsolidatedFigure]:
    """Consolidated figures ``offset`` to ``end`` from rows in ``consolidated``'s order."""
    count = 0
    bucket: list[Row[Any]] = []  # rows of one (period_end, entity, metric, segment)
    row: Any
    for row in rows:
        if bucket and tuple(bucket[0][i] for i in (5, 0, 1, 2)) != (row[5], *row[:3]):
            for figure in _bucket(bucket):
                if end is not None and count >= end:
                    return
                if count >= offset:
                    yield figure
                count += 1
            bucket = []
        bucket.append(row)
    for figure in _bucket(bucket):
        if end is not None and count >= end:
            return
        if count >= offset:
            yield figure
        count += 1


def count_consolidated(session: Session | Connection, wanted: FigureFilter) -> int:
    """How many rows ``consolidated`` gives without a limit: the distinct figure keys."""
    keys = _counted(select(*[getattr(Figure, name) for name in FIGURE_KEY]).distinct(), wanted)
    return session.scalar(select(func.count()).select_from(keys.subquery())) or 0


# What ``evwatch figures`` prints: the table's columns, and the machine formats' columns.
_TABLE_COLUMNS = (
    "entity", "metric", "segment", "period_kind", "period_start", "period_end", "value",
    "qualifier", "yoy_pct", "claims",
)  # fmt: skip
_RECORD_COLUMNS = (
    "id", "entity", "metric", "unit", "segment", "period_kind", "period_start", "period_end",
    "value", "qualifier", "yoy_pct", "mom_pct", "claims", "snippet",
)  # fmt: skip


# For the machine formats: days and claims as the driver hands them back (SQLite: the stored
# text, "2025-11-30" and "[]"), not parsed into dates and lists to be written out again;
# ``stored_day`` and ``stored_claims`` read either form.
_AS_STORED = {
    "period_start": type_coerce(Figure.period_start, String).label("period_start"),
    "period_end": type_coerce(Figure.period_end, String).label("period_end"),
    "claims": type_coerce(Figure.claims, String).label("claims"),
}
_PUBLISHED_AS_STORED = type_coerce(Article.published_at, String).label("published_at")


def stored_day(value: date | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


def stored_time(value: datetime | str | None) -> str | None:
    """A stored time in ISO form with its UTC offset, as ``datetime.isoformat`` writes it:
    SQLite's naive UTC text ("2025-11-30 09:00:00.000000") rewritten, not parsed."""
    if value is None:
        return None
    if not isinstance(value, str):
        return value.astimezone(UTC).isoformat()
    micro = value[20:26]  # isoformat writes microseconds only when there are some
    return f"{value[:10]}T{value[11:19]}{'.' + micro if micro.strip('0') else ''}+00:00"


def stored_claims(value: list[str] | str) -> list[str]:
    if not isinstance(value, str):
        return value  # decoded by the driver (PostgreSQL's json)
    return [] if value == "[]" else cast(list[str], json.loads(value))


def figure_rows(
    session: Session | Connection,
    wanted: FigureFilter,
    *,
    table: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Generator[Row[Any]]:
    """What ``list_figures`` gives, streamed from a server-side cursor, with only the columns
    ``evwatch figures`` prints (``table``: the table's; otherwise the csv and jsonl ones, in
    their order: the figure's id and columns, then the source, the article's URL, title and
    publication time). On a Connection the rows skip the ORM's result layer."""
    columns: list[Any] = [getattr(Figure, name) for name in
                          (_TABLE_COLUMNS if table else _RECORD_COLUMNS)]  # fmt: skip
    if not table:  # a million records: days and claims as the driver gives them (_AS_STORED)
        columns = [_AS_STORED.get(c.key, c) for c in columns]
    columns.append(Source.name.label("source"))
    if table:
        columns.append(Article.title)
    else:
        columns += [Article.canonical_url.label("url"), Article.title, _PUBLISHED_AS_STORED]
    query = (
        _filtered(
            select(*columns)
            .join(Article, Figure.article_id == Article.id)
            .join(Source, Article.source_id == Source.id),
            wanted,
        )
        .order_by(Figure.period_end.desc(), Figure.entity, Figure.metric, Figure.segment, Figure.id)
        .offset(offset or None)
        .limit(limit)
    )
    rows = session.execute(query.execution_options(yield_per=1_000))
    try:
        yield from rows
    finally:
        rows.close()


def count_figures(session: Session | Connection, wanted: FigureFilter) -> int:
    """How many rows ``figure_rows`` gives without a limit."""
    return session.scalar(_counted(select(func.count(Figure.id)), wanted)) or 0


def _counted(query: Select[Any], wanted: FigureFilter) -> Select[Any]:
    """``query`` over figures narrowed by ``wanted``, joined with articles and sources only
    when the filter needs them (a count reads the figures alone)."""
    if wanted.source:
        query = query.select_from(Figure).join(Article, Figure.article_id == Article.id)
        query = query.join(Source, Article.source_id == Source.id)
    return _filtered(query, wanted)


def _bucket(rows: list[Row[Any]]) -> list[ConsolidatedFigure]:
    """The keys of one bucket, as ``consolidate`` orders and chooses them: keys in the order
    of their first report, each value's reports in the order they were stored."""
    groups: dict[FigureKey, list[Row[Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r.first_id):
        groups[tuple(row[:6])].append(row)
    result = []
    for key, reports in groups.items():
        votes: dict[int, _Support] = defaultdict(_Support)
        for report in reports:
            votes[report.value].add(report.qualifier, report.newest, report.reports)
        chosen = _chosen(votes)
        published = [r.newest for r in reports if r.newest]
        result.append(
            ConsolidatedFigure(
                **dict(zip(FIGURE_KEY, key, strict=True)),
                value=chosen,
                qualifier=votes[chosen].qualifier,
                reports=sum(r.reports for r in reports),
                sources=tuple(sorted({r.source for r in reports})),
                disagreement={v: s.reports for v, s in votes.items()} if len(votes) > 1 else {},
                latest_published=max(published) if published else None,
            )
        )
    return result


_MONTHS = (
    select(
        Figure.period_start,
        Figure.value,
        Figure.qualifier,
        func.count().label("reports"),
        func.max(Article.published_at).label("newest"),
    )
    .join(Article, Figure.article_id == Article.id)
    .where(
        Figure.entity == bindparam("entity"),
        Figure.metric == bindparam("metric"),
        Figure.segment == bindparam("segment"),
        Figure.period_kind == "month",
    )
    .group_by(Figure.period_start, Figure.value, Figure.qualifier)
)


def monthly_history(
    session: Session, entity: str, metric: str, segment: str
) -> dict[date, tuple[int, str]]:
    """Each stored month of a series with its agreed value and qualifier, as ``consolidate``
    would choose them, aggregated in the database (a month reported by many outlets is one
    row per distinct value)."""
    months: dict[date, dict[int, _Support]] = defaultdict(lambda: defaultdict(_Support))
    params = {"entity": entity, "metric": metric, "segment": segment}
    for row in session.execute(_MONTHS, params):
        months[row.period_start][row.value].add(row.qualifier, row.newest, row.reports)
    return {
        month: (value := _chosen(votes), votes[value].qualifier) for month, votes in months.items()
    }


def rejected_keys(session: Session, article_id: int) -> set[FigureKey]:
    """The keys of the article's figures a user rejected: never stored again."""
    rows = session.scalars(select(FigureRejection).where(FigureRejection.article_id == article_id))
    return {figure_key(vars(row)) for row in rows}


def reject_figure(session: Session, figure: Figure, reason: str) -> None:
    """Records the rejection (it outlives the figure) and deletes the figure."""
    session.add(
        FigureRejection(
            article_id=figure.article_id, reason=reason, value=figure.value,
            **{name: getattr(figure, name) for name in FIGURE_KEY},
        )
    )  # fmt: skip
    key = figure_key(vars(figure))
    session.flush()
    session.execute(delete(Figure).where(Figure.id == figure.id))
    from store.summary import refresh  # store.summary builds on this module

    refresh(session, [key])
