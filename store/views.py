"""Read-only queries the dashboard needs beyond the CLI's: totals per source, alerts with their
delivery state and filters, the outbox rows that need a look, the history an alert was judged
against, and article search (FTS5 on SQLite, LIKE elsewhere). Every function reads; none
writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Date,
    Row,
    String,
    and_,
    case,
    cast,
    func,
    inspect,
    or_,
    select,
    text,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from store.figures import ConsolidatedFigure, _chosen, _reports, _Support
from store.figures import _month_end as _month_last_day
from store.models import (
    Alert,
    Article,
    CrawlRun,
    Delivery,
    Figure,
    SeriesVote,
    Source,
)
from store.summary import MONTH, TOTAL_KINDS
from store.types import UTCDateTime

FTS_TABLE = "articles_fts"
# snippet() markers: control characters no article text contains, split by the page
MARK_START, MARK_END = "\x02", "\x03"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def source_totals(session: Session) -> dict[str, dict[str, int]]:
    """Per source name: articles stored (an index count), and the articles and figures its
    crawls found (the sums of its runs: counting figures per source would read every figure)."""
    articles = session.execute(
        select(Source.name, func.count(Article.id))
        .join(Article, Article.source_id == Source.id)
        .group_by(Source.name)
    ).all()
    found = session.execute(
        select(
            Source.name,
            func.coalesce(func.sum(CrawlRun.new_articles), 0),
            func.coalesce(func.sum(CrawlRun.new_figures), 0),
        )
        .join(CrawlRun, CrawlRun.source_id == Source.id)
        .group_by(Source.name)
    ).all()
    totals: dict[str, dict[str, int]] = defaultdict(
        lambda: {"articles": 0, "found_articles": 0, "found_figures": 0}
    )
    for name, count in articles:
        totals[name]["articles"] = count
    for name, new_articles, new_figures in found:
        totals[name]["found_articles"] = int(new_articles)
        totals[name]["found_figures"] = int(new_figures)
    return dict(totals)


ALERT_COLUMNS = (
    "id", "key", "created_at", "kind", "entity", "metric", "segment", "period_kind", "period_start",
    "period_end", "value", "rung", "previous_value", "previous_period", "message",
    "source_url", "title", "delivered", "historical", "held", "retracted",
)  # fmt: skip


def alerts(
    session: Session,
    *,
    since: datetime | None = None,
    kind: str | None = None,
    entities: Collection[str] | None = None,
    metric: str | None = None,
    alert_ids: Collection[int] | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[dict[str, Any]]:
    """Alerts as ``evwatch alerts`` lists them (oldest first unless ``newest_first``), with
    their article, whether any delivery was sent, and the held/retracted marks."""
    sent = (
        select(Delivery.id)
        .where(Delivery.alert_id == Alert.id, Delivery.status == "sent")
        .exists()
        .label("delivered")
    )
    query = select(Alert, Article.canonical_url, Article.title, sent).outerjoin(
        Article, Alert.article_id == Article.id
    )
    if since is not None:
        query = query.where(Alert.created_at >= since)
    if kind:
        query = query.where(Alert.kind == kind)
    if entities is not None:
        query = query.where(Alert.entity.in_(sorted(entities)))
    if metric:
        query = query.where(Alert.metric == metric)
    if alert_ids is not None:
        query = query.where(Alert.id.in_(sorted(alert_ids)))
    query = query.order_by(Alert.id.desc() if newest_first else Alert.id)
    if limit:
        query = query.limit(limit)
    out = []
    for alert, url, title, delivered in session.execute(query):
        out.append(
            {
                **{name: _iso(getattr(alert, name)) for name in ALERT_COLUMNS[:15]},
                "source_url": url,
                "title": title,
                "delivered": bool(delivered),
                "historical": alert.historical,
                "held": alert.held,
                "retracted": alert.retracted_at is not None,
            }
        )
    return out


def alert_entities(session: Session) -> list[str]:
    return sorted(e for e in session.scalars(select(Alert.entity).distinct()) if e)


DELIVERY_COLUMNS = (
    "id", "alert_id", "state", "subscriber", "channel", "target", "attempts", "next_attempt_at",
    "last_error",
)  # fmt: skip


def open_deliveries(
    session: Session, failing_after: int = 1, limit: int = 200
) -> list[dict[str, Any]]:
    """Pending, failing (pending after a failed attempt) and dead deliveries, newest first."""
    rows = session.execute(
        select(Delivery)
        .where(Delivery.status.in_(("pending", "dead")))
        .order_by(Delivery.id.desc())
        .limit(limit)
    ).scalars()
    out = []
    for d in rows:
        state = d.status
        if state == "pending" and d.attempts >= failing_after:
            state = "failing"
        out.append(
            {
                "id": d.id, "alert_id": d.alert_id, "state": state, "subscriber": d.subscriber,
                "channel": d.channel, "target": d.target, "attempts": d.attempts,
                "next_attempt_at": _iso(d.next_attempt_at), "last_error": d.last_error,
            }
        )  # fmt: skip
    return out


def delivery_counts(session: Session) -> dict[str, int]:
    # grouped by the attempts themselves (a handful of values): an expression with a bound
    # value is a different expression in GROUP BY on PostgreSQL
    rows = session.execute(
        select(Delivery.status, Delivery.attempts, func.count()).group_by(
            Delivery.status, Delivery.attempts
        )
    ).all()
    counts = {"pending": 0, "failing": 0, "dead": 0, "sent": 0, "cancelled": 0}
    for status, attempts, count in rows:
        key = "failing" if status == "pending" and attempts > 0 else status
        counts[key] = counts.get(key, 0) + count
    return counts


def alert(session: Session, alert_id: int) -> Alert | None:
    return session.get(Alert, alert_id)


def reports_as_of(session: Session, alert_row: Alert, kinds: Collection[str]) -> list[Row[Any]]:
    """The stored reports of the alert's series with these period kinds that were stored when
    the alert was raised: the history it was judged against (its own figure included)."""
    query = _reports().where(
        Figure.entity == alert_row.entity,
        Figure.metric == alert_row.metric,
        Figure.segment == alert_row.segment,
        Figure.period_kind.in_(sorted(kinds)),
        Figure.first_seen_at <= alert_row.created_at,
    )
    if alert_row.period_end is not None:
        query = query.where(Figure.period_end <= alert_row.period_end)
    return list(session.execute(query.order_by(Figure.period_start, Figure.id)).all())


def has_fts(session: Session) -> bool:
    bind = session.get_bind()
    return bind.dialect.name == "sqlite" and inspect(session.connection()).has_table(FTS_TABLE)


ARTICLE_COLUMNS = ("id", "source", "published_at", "language", "title", "url", "excerpt")


def _fts_query(words: list[str]) -> str:
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search_articles(
    session: Session, query_text: str, *, source: str | None = None, limit: int = 50
) -> tuple[list[dict[str, Any]], str]:
    """Stored articles whose title or text contain every word of ``query_text``, the most
    recently stored first, with an excerpt around the match (the match between MARK_START and
    MARK_END). Returns the rows and how they were found ("fts5" or "like").

    FTS5 (trigram) finds substrings of three characters or more; shorter words, and databases
    other than SQLite, are searched with LIKE."""
    words = query_text.split()
    if not words:
        return [], "none"
    columns = (
        Article.id,
        Source.name.label("source"),
        Article.published_at,
        Article.language,
        Article.title,
        Article.canonical_url,
    )
    if all(len(w) >= 3 for w in words) and has_fts(session):
        sql = f"""
            SELECT a.id, s.name AS source, a.published_at, a.language, a.title,
                   a.canonical_url, snippet({FTS_TABLE}, -1, :mark_start, :mark_end, '…', 24)
                   AS excerpt
            FROM {FTS_TABLE} JOIN articles a ON a.id = {FTS_TABLE}.rowid
            JOIN sources s ON s.id = a.source_id
            WHERE {FTS_TABLE} MATCH :match {"AND s.name = :source" if source else ""}
            ORDER BY {FTS_TABLE}.rowid DESC LIMIT :limit"""
        params: dict[str, Any] = {
            "mark_start": MARK_START, "mark_end": MARK_END, "match": _fts_query(words),
            "limit": limit, **({"source": source} if source else {}),
        }  # fmt: skip
        found = session.execute(text(sql).columns(published_at=UTCDateTime()), params).all()
        return [_article_row(r) for r in found], "fts5"
    conditions = []
    for word in words:
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                Article.title.ilike(pattern, escape="\\"),
                Article.text.ilike(pattern, escape="\\"),
            )
        )
    stmt = (
        select(*columns, func.substr(Article.text, 1, 200).label("excerpt"))
        .join(Source, Source.id == Article.source_id)
        .where(and_(*conditions))
        .order_by(Article.id.desc())
    )
    if source:
        stmt = stmt.where(Source.name == source)
    return [_article_row(r) for r in session.execute(stmt.limit(limit)).all()], "like"


def _article_row(r: Row[Any]) -> dict[str, Any]:
    return {
        "id": r.id, "source": r.source, "published_at": _iso(r.published_at),
        "language": r.language, "title": r.title, "url": r.canonical_url, "excerpt": r.excerpt,
    }  # fmt: skip


def article(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def stored_entities(session: Session) -> list[tuple[str, int]]:
    """Every entity with stored figures and how many."""
    rows = session.execute(
        select(Figure.entity, func.count()).group_by(Figure.entity).order_by(Figure.entity)
    ).all()
    return [(entity, count) for entity, count in rows]


def entities_like(session: Session, names: Collection[str]) -> set[str]:
    """Stored entity names among ``names`` (casefolded) or made of them ("A+B")."""
    wanted = {n.casefold() for n in names}
    stored = session.scalars(select(Figure.entity).distinct())
    return {
        e for e in stored
        if e.casefold() in wanted or all(p.casefold() in wanted for p in e.split("+"))
    }  # fmt: skip


SeriesKey = tuple[str, str, str, date, date]  # metric, segment, period kind, start, end
_KEY_NAMES = ("metric", "segment", "period_kind", "period_start", "period_end")


def _key_columns() -> tuple[Any, ...]:
    return tuple(getattr(Figure, name) for name in _KEY_NAMES)


def _raw_key_columns(table: Any) -> list[Any]:
    """The key columns with their dates as the database hands them back: thousands of rows
    share a few dozen dates, parsed once each by ``_Dates`` rather than once per row."""
    return [
        type_coerce(table.c[name], String).label(name) if name in _DATE_NAMES else table.c[name]
        for name in _KEY_NAMES
    ]


_DATE_NAMES = ("period_start", "period_end")


class _Dates(dict[Any, Any]):
    """Dates (or UTC datetimes) parsed from their stored text once each."""

    def __init__(self, moment: bool = False) -> None:
        super().__init__()
        self.moment = moment

    def __missing__(self, value: Any) -> Any:
        parsed = value
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value)
            parsed = parsed.replace(tzinfo=UTC) if self.moment else parsed.date()
        elif isinstance(value, datetime) and self.moment:
            parsed = value.replace(tzinfo=UTC)
        self[value] = parsed
        return parsed


def _month_end(session: Session, start: Any) -> Any:
    """SQL for the last day of the month of ``start`` (a date column)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(start, "start of month", "+1 month", "-1 day")
    return cast(func.date_trunc("month", start) + text("interval '1 month - 1 day'"), Date)


def _outside_condition(outside: Collection[SeriesKey]) -> Any:
    """The figures of these periods; a month's whole month (its summary row counts every end)."""
    conditions = []
    for metric, segment, kind, start, end in sorted(outside):
        same = [Figure.metric == metric, Figure.segment == segment,
                Figure.period_kind == kind, Figure.period_start == start]  # fmt: skip
        if kind != MONTH:
            same.append(Figure.period_end == end)
        conditions.append(and_(*same))
    return or_(*conditions)


def _outside_of(session: Session, periods: Any) -> Any:
    """SQL: whether the series summary does not hold the period of this row (of a subquery
    of ``_raw_key_columns``) as it is."""
    kind = periods.c.period_kind
    # its dates are handed back as text: compared in SQL as the dates they are
    start, end = type_coerce(periods.c.period_start, Date), type_coerce(periods.c.period_end, Date)
    return or_(
        kind.not_in((MONTH, *TOTAL_KINDS)),
        and_(kind == MONTH, end != _month_end(session, start)),
    ).label("outside")


def _entity_periods(entity: str) -> Any:
    """Subquery: the distinct periods of ``entity``'s figures, read from the period-key index
    alone (``ix_figures_period``), their dates as the database hands them back."""
    return (
        select(*_raw_key_columns(Figure.__table__)).where(Figure.entity == entity).distinct()
    ).subquery("periods")


def _stored_periods(session: Session, entity: str) -> list[tuple[SeriesKey, bool]]:
    """Every period of ``entity``'s figures, and whether the series summary does not hold it
    as it is: other period kinds (quarters, halves, days), and months reported with an
    earlier end."""
    periods = _entity_periods(entity)
    dates = _Dates()
    return [
        ((row[0], row[1], row[2], dates[row[3]], dates[row[4]]), bool(row.outside))
        for row in session.connection().execute(select(*periods.c, _outside_of(session, periods)))
    ]


def _newest_totals(
    keys: Collection[SeriesKey], totals: int | None
) -> dict[tuple[str, str], tuple[date, date] | None]:
    """Per metric and segment with totals (the periods that are not months), the (end, start)
    of the oldest of its newest ``totals`` (at least one; every period tied with it kept too),
    or None when all of its totals are kept (``totals`` None, or no more of them than that)."""
    by_series: dict[tuple[str, str], set[tuple[date, date]]] = defaultdict(set)
    for key in keys:
        if key[2] != MONTH:
            by_series[(key[0], key[1])].add((key[4], key[3]))
    cutoffs: dict[tuple[str, str], tuple[date, date] | None] = {}
    for series, ends in by_series.items():
        if totals is None or len(ends) <= totals:
            cutoffs[series] = None
        else:
            cutoffs[series] = sorted(ends)[-max(totals, 1)]
    return cutoffs


def _kept(key: SeriesKey, cutoffs: dict[tuple[str, str], tuple[date, date] | None]) -> bool:
    """Whether a period is kept: every month, and the totals from their series' cutoff on."""
    if key[2] == MONTH:
        return True
    cutoff = cutoffs.get((key[0], key[1]))
    return cutoff is None or (key[4], key[3]) >= cutoff


def _kept_condition(
    metric: Any,
    segment: Any,
    kind: Any,
    start: Any,
    end: Any,
    cutoffs: dict[tuple[str, str], tuple[date, date] | None],
) -> Any:
    """SQL for ``_kept`` on these key columns."""
    kept = [kind == MONTH]
    for (series_metric, series_segment), cutoff in sorted(cutoffs.items()):
        same = [metric == series_metric, segment == series_segment]
        if cutoff is not None:
            cutoff_end, cutoff_start = cutoff
            same.append(or_(end > cutoff_end, and_(end == cutoff_end, start >= cutoff_start)))
        kept.append(and_(*same))
    return or_(*kept)


def _newest_reports(
    session: Session, entity: str, reports_per_period: int, kept: Any | None
) -> dict[SeriesKey, list[Any]]:
    """The newest ``reports_per_period`` reports of each period of ``entity`` (of those
    ``kept`` selects, a condition on the periods' columns), with their snippet and article,
    newest first (ids grow as figures are stored). For each period the last ids of its
    stretch of the period-key index, then only those read with their article (a window
    function over every figure of the entity would sort them all)."""
    periods = _entity_periods(entity)
    report = aliased(Figure)
    newest = (
        select(report.id)
        .where(
            report.entity == entity,
            *[getattr(report, name) == periods.c[name] for name in _KEY_NAMES],
        )
        .order_by(report.id.desc())
        .limit(reports_per_period)
        .correlate(periods)
    )
    query = select(
        *periods.c, Figure.id, Figure.article_id, Figure.value, Figure.qualifier,
        Figure.snippet, Article.canonical_url, Article.title, Article.published_at,
        Source.name.label("source"),
    ).select_from(periods)  # fmt: skip
    if session.get_bind().dialect.name == "sqlite":
        # no LATERAL; SQLite looks up the ids of the correlated IN list by their key
        query = query.join(Figure, Figure.id.in_(newest.scalar_subquery()))
    else:
        # a correlated IN would be a filter on every pair of period and figure there
        latest = newest.lateral("latest")
        query = query.join(latest, true()).join(Figure, Figure.id == latest.c.id)
    query = (
        query.join(Article, Figure.article_id == Article.id)
        .join(Source, Article.source_id == Source.id)
        .order_by(Figure.id.desc())
    )  # fmt: skip
    if kept is not None:
        query = query.where(kept(periods.c))
    dates = _Dates()
    reports: dict[SeriesKey, list[Any]] = defaultdict(list)
    for row in session.connection().execute(query):
        key = (row[0], row[1], row[2], dates[row[3]], dates[row[4]])
        reports[key].append(row)
    return reports


class _Period:
    """One period's votes per value, sources and newest publication, as they are gathered."""

    __slots__ = ("newest", "sources", "votes")

    def __init__(self) -> None:
        self.votes: dict[int, _Support] = {}
        self.sources: set[str] = set()
        self.newest: datetime | None = None

    def add(self, value: int, qualifier: str, newest: datetime | None, reports: int) -> None:
        support = self.votes.get(value)
        if support is None:
            support = self.votes[value] = _Support()
        support.add(qualifier, newest, reports)
        if newest is not None and (self.newest is None or newest > self.newest):
            self.newest = newest


def _from_summary(
    session: Session, entity: str, condition: Any | None = None
) -> dict[SeriesKey, _Period]:
    """The months and totals of ``entity`` (those matching ``condition``, if given) from the
    series summary's vote counts, summed per value in the database: a value's qualifier is
    exact if any of its reports is, else the first in qualifier order (the order
    ``consolidate`` meets them in)."""
    table = SeriesVote.__table__
    votes = table.c
    key = _raw_key_columns(table)
    newest = type_coerce(func.max(votes.newest), String).label("newest")
    periods: dict[SeriesKey, _Period] = {}
    dates, moments = _Dates(), _Dates(moment=True)
    for row in session.connection().execute(
        select(
            *key, votes.value, func.sum(votes.reports).label("reports"),
            # 1 when any report of the value is exact (PostgreSQL has no max of booleans)
            func.max(case((votes.qualifier == "exact", 1), else_=0)).label("exact"),
            func.min(votes.qualifier).label("qualifier"), newest,
        )
        .where(votes.entity == entity, votes.reports > 0,
               *([] if condition is None else [condition]))
        .group_by(*key[:3], votes.period_start, votes.period_end, votes.value)
        .order_by(*key[:3], votes.period_start, votes.period_end, votes.value)
    ):  # fmt: skip
        metric, segment, kind, start, end, value, reports, exact, qualifier, newest = row
        period_key = (metric, segment, kind, dates[start], dates[end])
        period = periods.get(period_key)
        if period is None:
            period = periods[period_key] = _Period()
        moment = None if newest is None else moments[newest]
        period.votes[value] = _Support(
            reports, bool(exact), 0.0 if moment is None else moment.timestamp(),
            "exact" if exact else qualifier,
        )  # fmt: skip
        if moment is not None and (period.newest is None or moment > period.newest):
            period.newest = moment
    return periods


def _from_figures(
    session: Session, entity: str, condition: Any, periods: dict[SeriesKey, _Period]
) -> None:
    """Adds the periods of the figures of ``entity`` matching ``condition``, aggregated in the
    database: one row per period, value, qualifier and source."""
    key_columns = _key_columns()
    for row in session.connection().execute(
        select(
            *key_columns, Figure.value, Figure.qualifier, Source.name.label("source"),
            func.count().label("reports"), func.max(Article.published_at).label("newest"),
        )
        .join(Article, Figure.article_id == Article.id)
        .join(Source, Article.source_id == Source.id)
        .where(Figure.entity == entity, condition)
        .group_by(*key_columns, Figure.value, Figure.qualifier, Source.name)
        .order_by(*key_columns, Figure.value, Figure.qualifier, Source.name)
    ):  # fmt: skip
        period = periods.setdefault(tuple(row[:5]), _Period())
        period.add(row.value, row.qualifier, row.newest, row.reports)
        period.sources.add(row.source)


def _add_sources(session: Session, entity: str, periods: dict[SeriesKey, _Period]) -> None:
    """The sources that reported each period (every report read with its article)."""
    key_columns = _key_columns()
    for row in session.connection().execute(
        select(*key_columns, Source.name)
        .join(Article, Figure.article_id == Article.id)
        .join(Source, Article.source_id == Source.id)
        .where(Figure.entity == entity)
        .group_by(*key_columns, Source.name)
    ):
        period = periods.get(tuple(row[:5]))
        if period is not None:
            period.sources.add(row.name)


@dataclass
class EntityPeriods:
    """The periods of one entity as its page shows them (``entity_periods``)."""

    periods: list[ConsolidatedFigure]
    #: the newest reports of each period, with their snippet and article, newest first
    reports: dict[SeriesKey, list[Any]]
    #: how many totals (periods other than months) each metric and segment has, kept or not
    totals: dict[tuple[str, str], int]


def entity_periods(
    session: Session,
    entity: str,
    reports_per_period: int = 5,
    *,
    sources: bool = True,
    newest_totals: int | None = None,
) -> EntityPeriods:
    """The stored periods of one entity, consolidated as ``consolidate`` does it, and the
    newest ``reports_per_period`` reports of each period with their snippet and article.

    Months and totals come from the series summary's vote counts (``store.summary``), not from
    every report; only periods it does not hold as they are (quarters, halves, days, a month
    reported with an earlier end and that whole month) are aggregated from their figures.
    ``sources``: also which sources reported each period, which reads every report's article
    (the page does not show them; its downloads do). ``newest_totals``: every month, but only
    the newest N totals of each metric and segment (by end, then start; every total tied with
    the N-th too), which is what the page shows; None: every period."""
    stored = _stored_periods(session, entity)
    cutoffs = _newest_totals([key for key, _ in stored], newest_totals)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for key, _ in stored:
        if key[2] != MONTH:
            totals[(key[0], key[1])] += 1
    limited = any(cutoff is not None for cutoff in cutoffs.values())

    def kept(key: SeriesKey) -> bool:
        return not limited or _kept(key, cutoffs)

    def kept_sql(columns: Any) -> Any:
        return _kept_condition(
            columns.metric, columns.segment, columns.period_kind,
            type_coerce(columns.period_start, Date), type_coerce(columns.period_end, Date),
            cutoffs,
        )  # fmt: skip

    reports = _newest_reports(session, entity, reports_per_period, kept_sql if limited else None)
    outside = {key for key, out in stored if out and kept(key)}
    periods = _from_summary(session, entity, kept_sql(SeriesVote.__table__.c) if limited else None)
    if outside:
        for metric, segment, kind, start, _ in outside:
            if kind == MONTH:  # the whole month: its summary row counts every end
                month = (metric, segment, kind, start, _month_last_day(start.year, start.month))
                periods.pop(month, None)
        _from_figures(session, entity, _outside_condition(outside), periods)
    if sources:
        _add_sources(session, entity, periods)
    consolidated = []
    for key, period in periods.items():
        if limited and not kept(key):
            continue
        chosen = _chosen(period.votes)
        by_value = period.votes
        consolidated.append(
            ConsolidatedFigure(
                entity=entity, metric=key[0], segment=key[1], period_kind=key[2],
                period_start=key[3], period_end=key[4], value=chosen,
                qualifier=by_value[chosen].qualifier,
                reports=sum(s.reports for s in by_value.values()),
                sources=tuple(sorted(period.sources)) if sources else (),
                disagreement={v: s.reports for v, s in by_value.items()}
                if len(by_value) > 1 else {},
                latest_published=period.newest,
            )
        )  # fmt: skip
    consolidated.sort(key=lambda c: (-c.period_end.toordinal(), c.metric, c.segment))
    return EntityPeriods(consolidated, reports, dict(totals))


def entity_figures(
    session: Session, entity: str, reports_per_period: int = 5, *, sources: bool = True
) -> tuple[list[ConsolidatedFigure], dict[SeriesKey, list[Any]]]:
    """Every stored period of one entity and the newest reports of each (``entity_periods``)."""
    found = entity_periods(session, entity, reports_per_period, sources=sources)
    return found.periods, found.reports
