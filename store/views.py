"""Read-only queries the dashboard needs beyond the CLI's: totals per source, alerts with their
delivery state and filters, the outbox rows that need a look, the history an alert was judged
against, and article search (FTS5 on SQLite, LIKE elsewhere). Every function reads; none
writes."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, and_, func, inspect, or_, select, text
from sqlalchemy.orm import Session

from store.figures import _reports
from store.models import Alert, Article, Delivery, Figure, Source
from store.types import UTCDateTime

FTS_TABLE = "articles_fts"
# snippet() markers: control characters no article text contains, split by the page
MARK_START, MARK_END = "\x02", "\x03"


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def source_totals(session: Session) -> dict[str, dict[str, int]]:
    """Articles and figures stored per source name."""
    articles = session.execute(
        select(Source.name, func.count(Article.id))
        .join(Article, Article.source_id == Source.id)
        .group_by(Source.name)
    ).all()
    figures = session.execute(
        select(Source.name, func.count(Figure.id))
        .join(Article, Article.source_id == Source.id)
        .join(Figure, Figure.article_id == Article.id)
        .group_by(Source.name)
    ).all()
    totals: dict[str, dict[str, int]] = {}
    for name, count in articles:
        totals.setdefault(name, {"articles": 0, "figures": 0})["articles"] = count
    for name, count in figures:
        totals.setdefault(name, {"articles": 0, "figures": 0})["figures"] = count
    return totals


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
    rows = session.execute(
        select(Delivery.status, Delivery.attempts > 0, func.count()).group_by(
            Delivery.status, Delivery.attempts > 0
        )
    ).all()
    counts = {"pending": 0, "failing": 0, "dead": 0, "sent": 0, "cancelled": 0}
    for status, tried, count in rows:
        key = "failing" if status == "pending" and tried else status
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
