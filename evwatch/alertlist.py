"""``evwatch alerts``: the stored alerts, oldest first, as a table or JSON lines. One joined
query, streamed; this module imports no parser, extractor, ORM or models (a listing starts fast:
Core statements over ``store.readtables``)."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select

from evwatch.paging import Page
from evwatch.tables import format_table, truncate
from store.db import Database
from store.readtables import alerts, articles, deliveries

Alert, Article, Delivery = alerts.c, articles.c, deliveries.c


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


# Not a correlated EXISTS: without statistics SQLite would answer it through the status index,
# scanning every sent delivery once per alert. The IN list is built once.
_SENT = Alert.id.in_(select(Delivery.alert_id).where(Delivery.status == "sent")).label("delivered")
# Only what is printed, the article's URL by a join and "delivered" by a subquery: one
# statement however many alerts (never the article rows themselves, nor their pages).
_ALERT_ROWS = select(
    Alert.id, Alert.key, Alert.kind, Alert.entity, Alert.metric, Alert.segment,
    Alert.period_kind, Alert.period_start, Alert.period_end, Alert.value, Alert.rung,
    Alert.previous_value, Alert.previous_period, Alert.message,
    Article.canonical_url.label("source_url"), Alert.created_at, _SENT, Alert.historical,
    Alert.held, Alert.retracted_at,
).outerjoin(articles, Alert.article_id == Article.id)  # fmt: skip


def alert_record(row: Any) -> dict[str, Any]:
    record = {name: _iso(value) for name, value in row._mapping.items()}
    record["delivered"] = bool(record["delivered"])
    record["retracted"] = record.pop("retracted_at") is not None
    return record


def cmd_alerts(args: argparse.Namespace, db: Database) -> int:
    conditions = []
    if args.since:
        from crawler.documents import parse_day

        since = datetime.combine(parse_day(args.since, "--since"), time(0), UTC)
        conditions.append(Alert.created_at >= since)
    if args.kind:
        conditions.append(Alert.kind == args.kind)
    page = Page.of(args, table=args.format == "table")
    query = _ALERT_ROWS.where(*conditions).order_by(Alert.id).offset(page.offset or None)
    query = query.limit(page.limit)
    with db.read_engine.connect() as connection:
        rows = connection.execute(query.execution_options(yield_per=1000))
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(alert_record(row), ensure_ascii=False))
            return 0
        table = [
            (
                r.id,
                r.created_at.isoformat()[:16].replace("T", " "),
                r.kind,
                truncate(r.message, 90),
                "yes"
                if r.delivered
                else "historical"
                if r.historical
                else "held"
                if r.held
                else "no",
            )
            for r in rows
        ]
        total = 0
        if page.full(len(table)):
            total = connection.scalar(select(func.count(Alert.id)).where(*conditions)) or 0
    print(format_table(("id", "created (UTC)", "kind", "message", "delivered"), table))
    more = page.more_line(total, len(table), "alerts")
    if more:
        print(more)
    return 0
