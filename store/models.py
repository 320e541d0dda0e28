"""The typed ORM models: sources, articles and their URLs, crawl runs, fetch failures, the
figures read from articles, the alerts they raise and the outbox of alert deliveries."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.types import CompressedBytes, UTCDateTime, utcnow

# Free text and URLs are Text: real titles, bylines and URLs have no length a VARCHAR could
# promise (PostgreSQL enforces one, SQLite does not).
# Stable constraint names make Alembic migrations portable between SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

int_pk = Annotated[int, mapped_column(Integer, primary_key=True)]
utc = Annotated[datetime, mapped_column(UTCDateTime())]
utc_now = Annotated[datetime, mapped_column(UTCDateTime(), default=utcnow)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """A site we crawl, mirrored from its seed file on every start."""

    __tablename__ = "sources"

    id: Mapped[int_pk]
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    home_url: Mapped[str] = mapped_column(Text)
    created_at: Mapped[utc_now]


class Article(Base):
    """One article, stored once under its canonical URL."""

    __tablename__ = "articles"
    # "same text on the same source" is looked up for every article stored
    __table_args__ = (Index("ix_articles_source_hash", "source_id", "content_hash"),)

    id: Mapped[int_pk]
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    canonical_url: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    source_line: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    text_zh: Mapped[str | None] = mapped_column(Text)
    raw_html: Mapped[bytes | None] = mapped_column(CompressedBytes())
    raw_encoding: Mapped[str | None] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    first_seen_at: Mapped[utc_now]
    last_seen_at: Mapped[utc_now]

    source: Mapped[Source] = relationship()
    urls: Mapped[list[ArticleUrl]] = relationship(back_populates="article")


class ArticleUrl(Base):
    """Every URL that led to an article: the canonical one and its aliases.

    A URL found here is never fetched again unless the crawl asks for ``--refresh``.
    """

    __tablename__ = "article_urls"

    id: Mapped[int_pk]
    url: Mapped[str] = mapped_column(Text, unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    first_seen_at: Mapped[utc_now]

    article: Mapped[Article] = relationship(back_populates="urls")


class CrawlRun(Base):
    """One crawl of one source: when, how much, and how it ended."""

    __tablename__ = "crawl_runs"
    __table_args__ = (Index("ix_crawl_runs_source_started", "source_id", "started_at"),)

    id: Mapped[int_pk]
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    started_at: Mapped[utc_now]
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="running")
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    pages_fetched: Mapped[int] = mapped_column(default=0)
    article_pages_fetched: Mapped[int] = mapped_column(default=0)
    new_articles: Mapped[int] = mapped_column(default=0)
    new_figures: Mapped[int] = mapped_column(default=0)
    errors: Mapped[int] = mapped_column(default=0)
    stats_json: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship()


class CrawlError(Base):
    """A page that failed during a run: HTTP status, timeout, parse failure."""

    __tablename__ = "crawl_errors"

    id: Mapped[int_pk]
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    http_status: Mapped[int | None]
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[utc_now]


class FetchFailure(Base):
    """An article URL that keeps failing, with when it may be tried again."""

    __tablename__ = "fetch_failures"
    __table_args__ = (UniqueConstraint("url"),)

    id: Mapped[int_pk]
    url: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    attempts: Mapped[int] = mapped_column(default=1)
    last_status: Mapped[int | None]
    last_error: Mapped[str] = mapped_column(Text)
    last_attempt_at: Mapped[utc_now]
    retry_after: Mapped[utc]


class Figure(Base):
    """One figure an article states: who, what, which period, how many, and where it was said.

    One row per (article, entity, metric, segment, period); the parser version that produced it
    is kept so a newer parser can be re-run over stored articles (``evwatch reparse``).
    """

    __tablename__ = "figures"
    __table_args__ = (
        UniqueConstraint(
            "article_id", "entity", "metric", "segment", "period_kind", "period_start",
            "period_end", name="uq_figures_article_key",
        ),
        # the whole period key: a series' reports (every query names the period kind) and the
        # entity page's per-period reports, from the index alone
        Index(
            "ix_figures_period", "entity", "metric", "segment", "period_kind", "period_start",
            "period_end",
        ),
    )  # fmt: skip

    id: Mapped[int_pk]
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(16))
    segment: Mapped[str] = mapped_column(String(16))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(16))
    yoy_pct: Mapped[float | None] = mapped_column(Float)
    mom_pct: Mapped[float | None] = mapped_column(Float)
    claims: Mapped[list[str]] = mapped_column(JSON, default=list)
    snippet: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    #: how well the article's text supports the figure, 0..1 (the parser's confidence)
    confidence: Mapped[float] = mapped_column(Float, server_default="1")
    parser_version: Mapped[str] = mapped_column(String(16))
    first_seen_at: Mapped[utc_now]
    updated_at: Mapped[utc_now]

    article: Mapped[Article] = relationship()


class SeriesSummary(Base):
    """What the alert rules read of a series instead of its every report (``store.summary``):
    one row per entity, metric, segment, period kind and period (one per month for monthly
    figures), with the value sources agree on and how high the reports reach. Kept up to date
    by every write of figures."""

    __tablename__ = "series_summary"
    __table_args__ = (
        UniqueConstraint(
            "entity", "metric", "segment", "period_kind", "period_start", "period_end",
            name="uq_series_summary_key",
        ),
        # what the monthly rules aggregate over a series, read from the index alone
        Index(
            "ix_series_summary_values", "entity", "metric", "segment", "period_kind",
            "period_start", "value", "qualifier",
        ),
    )  # fmt: skip

    id: Mapped[int_pk]
    entity: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(32))
    segment: Mapped[str] = mapped_column(String(16))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    #: for a month, its last day (every monthly report of the month is in the row)
    period_end: Mapped[date] = mapped_column(Date)
    #: the value most reports agree on, and its qualifier (as ``evwatch figures
    #: --consolidated`` chooses them)
    value: Mapped[int] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(16))
    #: the highest value reported exactly or as a lower bound, and the highest approximate one
    face_max: Mapped[int | None] = mapped_column(BigInteger)
    approx_max: Mapped[int | None] = mapped_column(BigInteger)
    reports: Mapped[int]


class SeriesVote(Base):
    """The reports behind a ``series_summary`` row, one row per value and qualifier: how many
    reports state it, the newest publication among them (what decides the agreed value) and
    the earliest (whether any of them was published before a given time: the revision rule).
    A new article adds to these counts without reading the reports again."""

    __tablename__ = "series_votes"
    __table_args__ = (
        UniqueConstraint(
            "entity", "metric", "segment", "period_kind", "period_start", "period_end", "value",
            "qualifier", name="uq_series_votes_key",
        ),
    )  # fmt: skip

    id: Mapped[int_pk]
    entity: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(32))
    segment: Mapped[str] = mapped_column(String(16))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(16))
    reports: Mapped[int]
    newest: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: the earliest publication among the reports; None when one of them has no publication
    #: time (an undated report counts as published before any time)
    earliest: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FigureRejection(Base):
    """A figure a user rejected (``evwatch figures reject``): a reparse never stores it again."""

    __tablename__ = "figure_rejections"
    __table_args__ = (
        UniqueConstraint(
            "article_id", "entity", "metric", "segment", "period_kind", "period_start",
            "period_end", name="uq_figure_rejections_key",
        ),
    )  # fmt: skip

    id: Mapped[int_pk]
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(String(128))
    metric: Mapped[str] = mapped_column(String(32))
    segment: Mapped[str] = mapped_column(String(16))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[utc_now]


class Alert(Base):
    """Something subscribers are told once: its ``key`` is unique, so a re-crawl, re-ingest,
    reparse, restart or a second source reporting the same figure cannot raise it again."""

    __tablename__ = "alerts"
    # held alerts of a figure are looked up whenever a figure is stored
    __table_args__ = (Index("ix_alerts_series", "entity", "metric", "segment", "period_start"),)

    id: Mapped[int_pk]
    key: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str | None] = mapped_column(String(128))
    metric: Mapped[str | None] = mapped_column(String(32))
    segment: Mapped[str | None] = mapped_column(String(16))
    period_kind: Mapped[str | None] = mapped_column(String(16))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    value: Mapped[int | None] = mapped_column(BigInteger)
    qualifier: Mapped[str | None] = mapped_column(String(16))
    rung: Mapped[int | None] = mapped_column(BigInteger)
    previous_value: Mapped[int | None] = mapped_column(BigInteger)
    previous_period: Mapped[str | None] = mapped_column(String(32))
    streak: Mapped[int | None]
    claims: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text)
    figure_id: Mapped[int | None] = mapped_column(ForeignKey("figures.id", ondelete="SET NULL"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    historical: Mapped[bool] = mapped_column(Boolean, default=False)
    # raised on weak evidence: stored, listed, not delivered until corroborated
    held: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the figure behind it turned out wrong
    retracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[utc_now] = mapped_column(index=True)

    article: Mapped[Article | None] = relationship()
    source: Mapped[Source | None] = relationship()
    figure: Mapped[Figure | None] = relationship()


def new_message_id() -> str:
    """A message id no other database will make: ``evw_`` and 32 random hex digits."""
    return f"evw_{uuid.uuid4().hex}"


class Delivery(Base):
    """The outbox: one row per alert, subscriber and channel, written in the transaction that
    raised the alert, then sent (and retried) by the dispatcher. Its id is the webhook-id and
    the mail's Message-ID seed, so a re-send after a crash carries the same id."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("alert_id", "subscriber", "channel", "target", name="uq_deliveries_route"),
        Index("ix_deliveries_status_due", "status", "next_attempt_at"),
    )

    id: Mapped[int_pk]
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    subscriber: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(16))  # email | webhook
    target: Mapped[str] = mapped_column(Text)  # addresses or URL; never a secret
    mode: Mapped[str] = mapped_column(String(16))  # immediate | digest
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|dead
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[utc]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[utc_now]
    #: the webhook-id: random (unique across databases), kept for every re-send; rows from
    #: before migration 0008 have none and use ``evw_<id>``
    message_id: Mapped[str | None] = mapped_column(String(40), default=new_message_id)

    alert: Mapped[Alert] = relationship()


class DeliveryAttempt(Base):
    """Each try of a delivery, successful or not."""

    __tablename__ = "delivery_attempts"

    id: Mapped[int_pk]
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("deliveries.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[utc_now]
    ok: Mapped[bool] = mapped_column(Boolean)
    http_status: Mapped[int | None]
    detail: Mapped[str] = mapped_column(Text)


class DisabledChannel(Base):
    """A subscriber's channel switched off by its receiver (a webhook answering 410 Gone)."""

    __tablename__ = "disabled_channels"
    __table_args__ = (
        UniqueConstraint("subscriber", "channel", "target", name="uq_disabled_route"),
    )

    id: Mapped[int_pk]
    subscriber: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    disabled_at: Mapped[utc_now]
