"""Database upkeep for long-running installs: dropping old raw pages (their text, figures and
alerts stay), checkpointing the SQLite write-ahead log, a consistent backup copy, and marking
crawl runs left "running" by a process that died."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from store.db import Database
from store.models import Article, CrawlRun
from store.types import utcnow


def prune_raw_pages(db: Database, older_than_days: int, now: datetime | None = None) -> int:
    """Forgets the raw HTML of articles first seen before the cut-off; returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    with db.session() as session:
        result = session.execute(
            update(Article)
            .where(Article.first_seen_at < cutoff, Article.raw_html.is_not(None))
            .values(raw_html=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def checkpoint(db: Database) -> None:
    """Folds the SQLite write-ahead log back into the database file (no-op elsewhere)."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def backup(db: Database, target: str | Path) -> Path:
    """A consistent copy of a SQLite database, written beside the target then renamed, so the
    previous backup stays whole until the new one is complete."""
    if db.engine.dialect.name != "sqlite":
        raise ValueError("backup_path is for SQLite; use the database server's own backups")
    target = Path(target).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source_path = db.engine.url.database
    assert source_path
    with sqlite3.connect(source_path) as source, sqlite3.connect(partial) as copy:
        source.backup(copy)
    partial.replace(target)
    return target


def close_interrupted_runs(db: Database, source_id: int | None = None) -> int:
    """Crawl runs still "running" whose process is gone become "interrupted"."""
    query = update(CrawlRun).where(CrawlRun.finished_at.is_(None))
    if source_id is not None:
        query = query.where(CrawlRun.source_id == source_id)
    with db.session() as session:
        result = session.execute(
            query.values(status="interrupted", finish_reason="process gone", finished_at=utcnow())
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
