"""The store, on SQLite and PostgreSQL: migrations, SQLite pragmas, UTC round trips, one row per
article, lengths real data can exceed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from store import queries
from store.db import Database
from store.dburl import resolve_db_url
from store.migrate import HEAD_REVISION, current_revision, head_revision
from store.models import Article, ArticleUrl, FetchFailure, Source
from tests.conftest import query, run_evwatch


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


def record(source_id: int, **changes: object) -> queries.ArticleRecord:
    fields: dict[str, object] = {
        "source_id": source_id,
        "canonical_url": "https://www.jiemian.com/article/13600001.html",
        "fetched_url": "https://www.jiemian.com/article/13600001.html",
        "title": "HIMA tops 80,000",
        "author": None,
        "source_line": None,
        "published_at": datetime(2025, 12, 1, 18, 30, tzinfo=timezone(timedelta(hours=8))),
        "language": "en",
        "text": "HIMA handed over 81,864 vehicles in November.",
        "text_en": None,
        "text_zh": None,
        "raw_html": b"<html>" + b"x" * 5000 + b"</html>",
        "raw_encoding": "utf-8",
        "content_hash": "h1",
    }
    fields.update(changes)
    return queries.ArticleRecord(**fields)  # type: ignore[arg-type]


def test_migrations_reach_head_and_pragmas_are_set(db: Database) -> None:
    assert current_revision(db.engine) == head_revision(db.engine) == HEAD_REVISION
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_reopening_a_migrated_database_changes_nothing(db_url: str) -> None:
    url = db_url
    Database(url).dispose()
    from store.migrate import upgrade_to_head

    again = Database(url, migrate=False)
    try:
        assert upgrade_to_head(again) is False
    finally:
        again.dispose()


def test_published_time_round_trips_as_aware_utc(db: Database) -> None:
    with db.session() as session:
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://www.jiemian.com/")
        queries.save_article(session, record(source.id))
    with db.session() as session:
        article = session.scalars(select(Article)).one()
    assert article.published_at == datetime(2025, 12, 1, 10, 30, tzinfo=UTC)
    assert article.raw_html is not None and article.raw_html.endswith(b"</html>")


def test_raw_html_is_stored_compressed(db: Database) -> None:
    with db.session() as session:
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://www.jiemian.com/")
        queries.save_article(session, record(source.id))
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT length(raw_html) FROM articles")).scalar()
    assert stored is not None and stored < 200


def test_same_article_under_alias_or_same_text_is_stored_once(db: Database) -> None:
    with db.session() as session:
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://www.jiemian.com/")
        _, first = queries.save_article(session, record(source.id))
        _, alias = queries.save_article(
            session,
            record(source.id, fetched_url="https://www.jiemian.com/article/13600001.html?x=1"),
        )
        _, same_text = queries.save_article(
            session,
            record(
                source.id,
                canonical_url="https://en.jiemian.com/article/13600001.html",
                fetched_url="https://en.jiemian.com/article/13600001.html",
            ),
        )
        known = queries.known_urls(session, source.id)
    assert (first, alias, same_text) == (True, False, False)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1
        assert session.scalar(select(func.count()).select_from(ArticleUrl)) == 3
    assert "https://en.jiemian.com/article/13600001.html" in known


def test_values_longer_than_any_fixed_length_are_stored_whole(db: Database) -> None:
    title = "长" * 10_000
    url = "https://www.jiemian.com/article/1.html?" + "q=x&" * 600
    with db.session() as session:
        source = queries.ensure_source(session, "jiemian", "J" * 500, "https://a.test/" + "p" * 600)
        queries.save_article(
            session,
            record(source.id, canonical_url=url, fetched_url=url, title=title, author="A" * 400),
        )
    with db.read() as session:
        article = session.scalars(select(Article)).one()
        assert (article.title, article.canonical_url, article.author) == (title, url, "A" * 400)
        assert session.scalar(select(ArticleUrl.url)) == url


def test_timestamps_are_time_zone_aware_columns(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no time zone type: aware UTC is kept by the column type")
    with db.engine.connect() as connection:
        kinds = set(
            connection.execute(
                text(
                    "SELECT data_type FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name <> 'apscheduler_jobs' "
                    "AND data_type LIKE 'timestamp%'"
                )
            ).scalars()
        )
    assert kinds == {"timestamp with time zone"}


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://www.jiemian.com/")
        queries.save_article(session, record(source.id, published_at=datetime(2025, 12, 1)))


def test_fetch_failures_back_off_and_hide_the_url(db: Database) -> None:
    url = "https://www.autobeta.net/news/1.html"
    with db.session() as session:
        source = queries.ensure_source(session, "autobeta", "AutoBeta", "https://www.autobeta.net/")
        for _ in range(3):
            queries.record_fetch_failure(
                session, source.id, url, 503, "HTTP 503", timedelta(hours=1)
            )
        assert url in queries.known_urls(session, source.id)
        later = datetime.now(UTC) + timedelta(hours=5)
        assert url not in queries.known_urls(session, source.id, now=later)
        failure = session.scalars(select(FetchFailure)).one()
    assert failure.attempts == 3
    wait = failure.retry_after - failure.last_attempt_at
    assert timedelta(hours=3, minutes=59) < wait <= timedelta(hours=4)


def test_db_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVWATCH_DB", raising=False)
    assert resolve_db_url() == "sqlite:///evwatch.db"
    monkeypatch.setenv("EVWATCH_DB", "postgresql://u@h/db")
    assert resolve_db_url() == "postgresql://u@h/db"
    assert resolve_db_url("sqlite:///x.db") == "sqlite:///x.db"


@pytest.mark.parametrize("command", [("db", "upgrade"), ("articles",), ("status",)])
def test_a_database_from_a_newer_evwatch_is_refused_in_one_line(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "newer.db"
    Database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    child = run_evwatch("--db", f"sqlite:///{path}", *command, timeout=120)
    assert child.returncode == 2
    assert child.stderr.splitlines() == [
        "evwatch: error: this database was written by a newer evwatch (revision 0099); "
        "upgrade evwatch"
    ]
    assert query(path, "SELECT version_num FROM alembic_version") == [("0099",)]


@pytest.fixture()
def empty_db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database(migrated=False)
    yield url
    cluster.drop_database(url)


def test_migrating_keeps_stored_times_and_reaches_head(empty_db_url: str) -> None:
    from alembic import command

    from store.migrate import alembic_config

    database = Database(empty_db_url, migrate=False)
    try:
        command.upgrade(alembic_config(database.engine), "0008")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO sources (name, title, home_url, created_at) "
                    "VALUES ('jiemian', 'Jiemian', 'https://www.jiemian.com/', "
                    "'2025-12-01 10:30:00')"
                )
            )
        command.upgrade(alembic_config(database.engine), "head")
        assert current_revision(database.engine) == HEAD_REVISION
        with database.read() as session:
            created = session.scalar(select(Source.created_at))
        assert created == datetime(2025, 12, 1, 10, 30, tzinfo=UTC)
    finally:
        database.dispose()


def test_the_backfill_ends_with_the_first_finished_crawl_that_stored_articles(
    db: Database,
) -> None:
    """A source's crawls are its backfill (alerts historical) until a run finished ``ok`` or
    ``partial`` with stored articles: an empty, a failed or an interrupted run ends nothing."""
    with db.session() as session:
        source_id = queries.ensure_source(session, "jiemian", "J", "https://www.jiemian.com/").id

    def run(status: str, *, store: str | None = None) -> bool:
        with db.session() as session:
            run_id = queries.start_run(session, source_id).id
            if store:
                queries.save_article(
                    session, record(source_id, canonical_url=store, fetched_url=store,
                                    content_hash=store)
                )  # fmt: skip
            queries.finish_run(
                session, run_id, status=status, finish_reason="finished", pages_fetched=3,
                article_pages_fetched=1 if store else 0, new_articles=1 if store else 0,
                new_figures=0, stats={},
            )  # fmt: skip
        with db.read() as session:
            return queries.has_successful_run(session, source_id)

    assert run("ok") is False  # an empty listing: nothing stored
    assert run("failed") is False
    assert run("interrupted", store="https://www.jiemian.com/article/1.html") is False
    # the next run to go to the end ends it, with the articles a cut-short run stored
    assert run("ok") is True
