"""Light table clauses for the read commands (``evwatch alerts``, ``evwatch status``): the
columns they select, each with the model's type (so values come back as the models give them:
aware UTC datetimes, dates, booleans), declared with ``sqlalchemy.table`` so a listing runs Core
statements without importing the ORM or declaring the models. ``store.models`` stays the
schema; a test holds every column here to the model's name and type."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Date, Integer, String, Text, column, table

from store.types import UTCDateTime

sources = table("sources", column("id", Integer), column("name", String))

articles = table("articles", column("id", Integer), column("canonical_url", Text))

crawl_runs = table(
    "crawl_runs",
    column("id", Integer), column("source_id", Integer), column("started_at", UTCDateTime()),
    column("finished_at", UTCDateTime()), column("status", String),
    column("pages_fetched", Integer), column("new_articles", Integer),
    column("new_figures", Integer), column("errors", Integer), column("stats_json", Text),
)  # fmt: skip

alerts = table(
    "alerts",
    column("id", Integer), column("key", Text), column("kind", String),
    column("entity", String), column("metric", String), column("segment", String),
    column("period_kind", String), column("period_start", Date), column("period_end", Date),
    column("value", BigInteger), column("rung", BigInteger), column("previous_value", BigInteger),
    column("previous_period", String), column("message", Text), column("article_id", Integer),
    column("historical", Boolean), column("held", Boolean),
    column("retracted_at", UTCDateTime()), column("created_at", UTCDateTime()),
)  # fmt: skip

deliveries = table(
    "deliveries",
    column("id", Integer), column("alert_id", Integer), column("subscriber", String),
    column("channel", String), column("status", String), column("attempts", Integer),
    column("last_error", Text),
)  # fmt: skip

TABLES = (sources, articles, crawl_runs, alerts, deliveries)
