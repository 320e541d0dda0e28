"""Light table clauses for ``evwatch alerts``: the columns it selects, each with the model's
type (so values come back as the models give them: aware UTC datetimes, dates, booleans),
declared with ``sqlalchemy.table`` so a listing runs Core statements without importing the ORM
or declaring the models. ``store.models`` stays the schema; a test holds every column here to
the model's name and type. (``evwatch status`` reads plain SQL: ``store.sqlread``.)"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Date, Integer, String, Text, column, table

from store.types import UTCDateTime

articles = table("articles", column("id", Integer), column("canonical_url", Text))

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

TABLES = (articles, alerts, deliveries)
