"""Query functions over a Session: what the crawler and the CLI read and write."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.db import DEFERRED
from store.models import Article, ArticleUrl, CrawlError, CrawlRun, FetchFailure, Source
from store.types import utcnow


def ensure_source(session: Session, name: str, title: str, home_url: str) -> Source:
    """The source row for a seed, created or refreshed."""
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, title=title, home_url=home_url)
        session.add(source)
        session.flush()
    else:
        source.title, source.home_url = title, home_url
    return source


def known_urls(session: Session, source_id: int, now: datetime | None = None) -> set[str]:
    """URLs not to fetch: every URL of a stored article, and failures not yet due again."""
    now = now or utcnow()
    stored = session.scalars(
        select(ArticleUrl.url).join(Article).where(Article.source_id == source_id)
    )
    waiting = session.scalars(
        select(FetchFailure.url).where(
            FetchFailure.source_id == source_id, FetchFailure.retry_after > now
        )
    )
    return set(stored) | set(waiting)


@dataclass(frozen=True)
class ArticleRecord:
    """An extracted article, ready to store."""

    source_id: int
    canonical_url: str
    fetched_url: str
    title: str | None
    author: str | None
    source_line: str | None
    published_at: datetime | None
    language: str
    text: str
    text_en: str | None
    text_zh: str | None
    raw_html: bytes
    raw_encoding: str | None
    content_hash: str


_IGNORING: dict[tuple[str, str], Any] = {}  # built once per dialect and table


def insert_ignoring_duplicates(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT that skips rows whose unique key exists (SQLite and PostgreSQL natively)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        statement = _IGNORING.get((dialect, table.name))
        if statement is None:
            module = sqlite if dialect == "sqlite" else postgresql
            statement = _IGNORING[(dialect, table.name)] = module.insert(
                table
            ).on_conflict_do_nothing()
        session.connection().execute(statement, rows)
        return
    for row in rows:  # portable fallback: one savepoint per row
        try:
            with session.begin_nested():
                session.execute(table.insert(), [row])
        except IntegrityError:
            continue


_ARTICLE_FIELDS = (
    "title", "author", "source_line", "published_at", "language", "text", "text_en", "text_zh",
    "raw_html", "raw_encoding", "content_hash",
)  # fmt: skip


class StoredArticle(NamedTuple):
    """The stored article a record is met again as."""

    id: int
    content_hash: str


# Built once, parameters bound per call: the statement compiles once (hot in crawls).
_INSERT_ARTICLES = insert(Article).returning(Article.canonical_url, Article.id)
_FORGET_FAILURES = delete(FetchFailure).where(
    FetchFailure.url.in_(bindparam("urls", expanding=True))
)
# The three ways an article is met again, each an index lookup of its own: joined by OR they
# read every stored article on PostgreSQL (an IN-subquery inside an OR is no index condition).
# Each row tells the way (0 canonical URL, 1 alias URL, 2 same text on the same source) and
# the key it matched.
_STORED_ALREADY = union_all(
    select(literal(0).label("way"), Article.source_id, Article.canonical_url.label("key"),
           Article.id, Article.content_hash)
    .where(Article.canonical_url.in_(bindparam("canonical_urls", expanding=True))),
    select(literal(1), Article.source_id, ArticleUrl.url, Article.id, Article.content_hash)
    .join(ArticleUrl, ArticleUrl.article_id == Article.id)
    .where(ArticleUrl.url.in_(bindparam("fetched_urls", expanding=True))),
    select(literal(2), Article.source_id, Article.content_hash, Article.id, Article.content_hash)
    .where(Article.source_id.in_(bindparam("source_ids", expanding=True)),
           Article.content_hash.in_(bindparam("content_hashes", expanding=True))),
)  # fmt: skip


def save_article(
    session: Session, record: ArticleRecord, *, forget_failures: bool = True
) -> tuple[int, bool]:
    """Stores an article once. Returns (article id, created).

    The same article met again under its canonical URL, an alias URL, or with identical text on
    the same source is not stored twice: the new URL is remembered as an alias and last-seen
    is moved on. A refreshed page with changed text updates the stored copy. The failures
    recorded for its URLs are forgotten; ``forget_failures=False`` skips that statement when
    the caller knows none was recorded.
    """
    existing = stored_article(session, record)
    if existing is None:
        (article_id,) = store_new_articles(session, [(record, forget_failures)])
        return article_id, True
    return store_article(session, record, existing, forget_failures=forget_failures), False


def stored_article(session: Session, record: ArticleRecord) -> StoredArticle | None:
    """The stored article this one is met again as, if any: the same canonical URL, an alias
    URL, or identical text on the same source, in that order."""
    (existing,) = stored_articles(session, [record])
    return existing


def stored_articles(
    session: Session, records: Sequence[ArticleRecord]
) -> list[StoredArticle | None]:
    """``stored_article`` for each record, in one statement."""
    session.flush()  # anything pending first: then plain statements on the connection
    params = {
        "canonical_urls": sorted({record.canonical_url for record in records}),
        "fetched_urls": sorted({record.fetched_url for record in records}),
        "source_ids": sorted({record.source_id for record in records}),
        "content_hashes": sorted({record.content_hash for record in records}),
    }
    found: tuple[dict[Any, StoredArticle], ...] = ({}, {}, {})
    rows = session.connection().execute(_STORED_ALREADY, params).all()
    for way, source_id, key, article_id, content_hash in sorted(rows, key=lambda row: row.id):
        found[way].setdefault((source_id, key) if way == 2 else key,
                              StoredArticle(article_id, content_hash))  # fmt: skip
    return [
        found[0].get(record.canonical_url)
        or found[1].get(record.fetched_url)
        or found[2].get((record.source_id, record.content_hash))
        for record in records
    ]


def store_new_articles(
    session: Session, records: Sequence[tuple[ArticleRecord, bool]]
) -> list[int]:
    """Stores (record, forget_failures) articles that ``stored_articles`` met nowhere and that
    do not meet each other, in one statement each for the articles, their URLs and the fetch
    failures forgotten. Returns their ids, in order."""
    now = utcnow()
    connection = session.connection()
    rows = [
        {"source_id": record.source_id, "canonical_url": record.canonical_url,
         "first_seen_at": now, "last_seen_at": now,
         **{name: getattr(record, name) for name in _ARTICLE_FIELDS}}
        for record, _ in records
    ]  # fmt: skip
    ids: dict[str, int] = dict(connection.execute(_INSERT_ARTICLES, rows).all())
    article_ids = [ids[record.canonical_url] for record, _ in records]
    _remember_urls(session, [(record, article_id, now) for (record, _), article_id
                             in zip(records, article_ids, strict=True)])  # fmt: skip
    forgotten = [url for record, forget in records if forget for url in _urls(record)]
    if forgotten:
        connection.execute(_FORGET_FAILURES, {"urls": forgotten})
    return article_ids


def store_article(
    session: Session,
    record: ArticleRecord,
    existing: StoredArticle,
    *,
    forget_failures: bool = True,
) -> int:
    """Saves a record met again as a stored article (``existing``): its URLs become aliases,
    last-seen moves on, changed text updates the stored copy. Returns the article id."""
    now = utcnow()
    changes = (
        {name: getattr(record, name) for name in _ARTICLE_FIELDS}
        if existing.content_hash != record.content_hash
        else {}
    )
    session.execute(
        update(Article).where(Article.id == existing.id).values(last_seen_at=now, **changes)
    )
    _remember_urls(session, [(record, existing.id, now)])
    if forget_failures:
        session.connection().execute(_FORGET_FAILURES, {"urls": _urls(record)})
    return existing.id


def _urls(record: ArticleRecord) -> list[str]:
    return sorted({record.canonical_url, record.fetched_url})


def _remember_urls(session: Session, stored: Sequence[tuple[ArticleRecord, int, datetime]]) -> None:
    """The URLs that led to stored articles; those known already are kept as they are."""
    insert_ignoring_duplicates(
        session,
        ArticleUrl.__table__,  # type: ignore[arg-type]
        [{"url": url, "article_id": article_id, "first_seen_at": now}
         for record, article_id, now in stored for url in _urls(record)],
    )  # fmt: skip


def failing_urls(session: Session) -> set[str]:
    """Every URL with a recorded fetch failure (whatever its source)."""
    return set(session.scalars(select(FetchFailure.url)))


def record_fetch_failure(
    session: Session,
    source_id: int,
    url: str,
    status: int | None,
    message: str,
    base_backoff: timedelta,
) -> FetchFailure:
    """Remembers a failing article URL and when to try it again (doubling each time)."""
    now = utcnow()
    failure = session.scalar(select(FetchFailure).where(FetchFailure.url == url))
    if failure is None:
        failure = FetchFailure(
            url=url, source_id=source_id, attempts=0, last_error=message, retry_after=now
        )
        session.add(failure)
    failure.attempts += 1
    failure.last_status = status
    failure.last_error = message
    failure.last_attempt_at = now
    # Gone pages (404, 410) are rechecked daily at most; other failures back off from the base.
    start = timedelta(days=1) if status in (404, 410) else base_backoff
    failure.retry_after = now + min(start * 2 ** (failure.attempts - 1), timedelta(days=30))
    return failure


def start_run(session: Session, source_id: int) -> CrawlRun:
    run = CrawlRun(source_id=source_id, started_at=utcnow(), status="running")
    session.add(run)
    session.flush()
    return run


def add_crawl_error(
    session: Session, run_id: int, url: str, kind: str, status: int | None, message: str
) -> None:
    session.add(CrawlError(run_id=run_id, url=url, kind=kind, http_status=status, message=message))


def finish_run(
    session: Session,
    run_id: int,
    *,
    status: str,
    finish_reason: str,
    pages_fetched: int,
    article_pages_fetched: int,
    new_articles: int,
    new_figures: int,
    stats: dict[str, Any],
) -> CrawlRun:
    run = session.get_one(CrawlRun, run_id)
    run.finished_at = utcnow()
    run.status = status
    run.finish_reason = finish_reason
    run.pages_fetched = pages_fetched
    run.article_pages_fetched = article_pages_fetched
    run.new_articles = new_articles
    run.new_figures = new_figures
    run.errors = (
        session.scalar(
            select(func.count()).select_from(CrawlError).where(CrawlError.run_id == run_id)
        )
        or 0
    )
    run.stats_json = json.dumps(stats, default=str, sort_keys=True)
    return run


def abandon_run(engine: Engine, run_id: int, lock_wait_ms: int = 1000) -> None:
    """Marks a run that its process is leaving at once as ``interrupted``, waiting at most
    ``lock_wait_ms`` for the write lock (the process must not hang on its way out)."""
    with engine.connect().execution_options(**{DEFERRED: True}) as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(lock_wait_ms)}")
        connection.execute(
            update(CrawlRun)
            .where(CrawlRun.id == run_id, CrawlRun.finished_at.is_(None))
            .values(status="interrupted", finish_reason="killed", finished_at=utcnow())
        )
        connection.commit()


LISTING_COMPLETE = "evwatch/listing/complete"


def listing_walked(session: Session, source_id: int, before_run_id: int) -> bool:
    """Whether the source's latest run before ``before_run_id`` walked its whole listing (to
    its end or the seed's depth) and stored everything it fetched: only then may a crawl stop
    at a listing page of known articles. A run cut short, killed, or with a failed listing
    page or write leaves the walk to the next run. Runs skipped (another crawl of the source
    was running) are passed over."""
    run = session.scalar(
        select(CrawlRun)
        .where(
            CrawlRun.source_id == source_id,
            CrawlRun.id < before_run_id,
            CrawlRun.status != "skipped",
        )
        .order_by(CrawlRun.id.desc())
        .limit(1)
    )
    if run is None or run.finished_at is None or not run.stats_json:
        return False
    return bool(json.loads(run.stats_json).get(LISTING_COMPLETE))


def has_successful_run(session: Session, source_id: int) -> bool:
    """Whether the source had a successful crawl: a run that went to the end (``ok`` or
    ``partial``) and left the source with stored articles (its own or an earlier, cut-short
    run's). Until then every crawl of it is its backfill: a failed, empty or interrupted first
    run cannot end the backfill protection."""
    stored_by_then = (
        select(Article.id)
        .where(Article.source_id == source_id, Article.first_seen_at <= CrawlRun.finished_at)
        .exists()
    )
    successful = select(CrawlRun.id).where(
        CrawlRun.source_id == source_id,
        CrawlRun.finished_at.is_not(None),
        CrawlRun.status.in_(("ok", "partial")),
        stored_by_then,
    )
    return session.scalar(successful.limit(1)) is not None


def latest_runs(session: Session, run_ids: list[int]) -> list[CrawlRun]:
    return list(
        session.scalars(select(CrawlRun).where(CrawlRun.id.in_(run_ids)).order_by(CrawlRun.id))
    )


def recent_articles(session: Session, limit: int = 5) -> list[Article]:
    return list(
        session.scalars(
            select(Article).order_by(Article.published_at.desc().nulls_last()).limit(limit)
        )
    )
