"""Shared fixtures: the replica server (a subprocess on a free loopback port), a runner for
``evwatch`` in a subprocess (Scrapy's reactor runs once per process), and the database under
test: a SQLite file, or a database on a throwaway PostgreSQL cluster (``db_url``, parametrised;
``-m "not postgres"`` runs SQLite only)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.replica.process import ReplicaProcess
from tests.pg import PostgresCluster, find_bin_dir

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("jiemian", "autobeta", "tapas", "henandaily")
# The replica is ours: no need to pace requests to it.
FAST = ("--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False")


BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    """The PostgreSQL cluster, started on first use; skipped (failed in CI) without PostgreSQL."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not installed"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must have them (.ci/run installs them)")
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        pytest.skip("psycopg is not installed (pip install -e '.[postgres]')")
    with PostgresCluster(bin_dir) as cluster:
        yield cluster


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated database on each backend: a SQLite file or a PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'evwatch.db'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)


def db_query(url: str, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows from the database at ``url`` (``?`` placeholders), through the driver directly."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name != "sqlite":
                sql = sql.replace("%", "%%").replace("?", "%s")
            result = connection.exec_driver_sql(sql, tuple(params))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaProcess]:
    with ReplicaProcess(slow_seconds=1.5) as server:
        yield server


@pytest.fixture(scope="session")
def crawled(replica: ReplicaProcess, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two crawls of every source into one database, with the replica's hit log of each."""
    db_path = tmp_path_factory.mktemp("crawl") / "evwatch.db"
    db_url = f"sqlite:///{db_path}"
    replica.reset()
    first = run_evwatch(
        "--db", db_url, "crawl", *SOURCES, "--force", "--replica", replica.url, "--quiet", *FAST
    )
    assert first.returncode == 0, first.stderr[-3000:]
    first_hits = replica.hits()
    replica.reset()
    second = run_evwatch(
        "--db", db_url, "crawl", *SOURCES, "--force", "--replica", replica.url, "--quiet", *FAST
    )
    assert second.returncode == 0, second.stderr[-3000:]
    return {
        "db": db_path,
        "first": first,
        "first_hits": first_hits,
        "second": second,
        "second_hits": replica.hits(),
    }


def run_evwatch(*args: str, timeout: float = 240, **env: str) -> subprocess.CompletedProcess[str]:
    """``evwatch ARGS`` in a fresh interpreter, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "evwatch", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def crawl_stats(replica: ReplicaProcess, db: Path, *settings: str) -> dict[str, Any]:
    """Crawls the replica's Jiemian into the SQLite file ``db`` (Scrapy ``--set`` settings
    after the fast ones) and returns the crawl's stats as its run row stores them."""
    done = run_evwatch(
        "--db", f"sqlite:///{db}", "crawl", "jiemian", "--replica", replica.url, "--quiet",
        *FAST, *settings,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [(stats_json,)] = query(db, "SELECT stats_json FROM crawl_runs")
    assert isinstance(stats_json, str)
    stats: dict[str, Any] = json.loads(stats_json)
    return stats


def database_text(db: Path | str) -> str:
    """Everything the database holds, as text: a SQLite file's bytes, or every row of every
    table of a PostgreSQL database (to check a secret is stored nowhere)."""
    url = as_url(db)
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).read_bytes().decode("latin-1")
    tables = db_query(
        url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
    )
    return "\n".join(
        str(row) for (table,) in tables for row in db_query(url, f'SELECT t::text FROM "{table}" t')
    )


def as_url(db: Path | str) -> str:
    """The database URL of a SQLite file's path, or the URL itself."""
    return db if isinstance(db, str) else f"sqlite:///{db}"


def query(db: Path | str, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows from the database: a SQLite file read with the standard library only, or a URL
    (``?`` placeholders either way)."""
    if isinstance(db, str):
        return db_query(db, sql, *params)
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()
