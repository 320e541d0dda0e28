"""Reads in plain SQL for a command that must start fast (``evwatch status``, run by cron lines
and monitoring checks): one text per query, with ``:name`` parameters, that runs as it is on
both paths here.

On a SQLite file already at the current schema it runs through the standard library's
``sqlite3``, without importing SQLAlchemy (whose import alone costs more CPU than every query of
``status`` on a database of 100,000 articles). On any other database, or on a file that needs
creating or migrating first, it runs through ``store.db`` and SQLAlchemy's ``text()``. Values
come back as each driver gives them: ``utc()`` reads a stored time from either.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from store.dburl import sqlite_file
from store.migrate import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy import Connection

BUSY_TIMEOUT_S = 30.0  # as long as store.db waits for another process's lock


class Reader(Protocol):
    """Read-only SQL against one database, in one snapshot."""

    url: str

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterator[Any]:
        """The rows of ``sql``; each row's columns by name, as attributes."""
        ...

    def has_table(self, name: str) -> bool: ...


def utc(value: datetime | str | None) -> datetime | None:
    """A stored time as an aware UTC datetime: SQLite keeps naive UTC text, other databases
    hand back aware datetimes."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class SqliteReader:
    """``Reader`` over a ``sqlite3`` connection in a deferred (snapshot) transaction."""

    def __init__(self, url: str, connection: sqlite3.Connection) -> None:
        self.url = url
        self.connection = connection

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterator[Any]:
        cursor = self.connection.execute(sql, params or {})
        row = namedtuple("row", [column[0] for column in cursor.description])  # type: ignore[misc]
        return map(row._make, cursor)

    def has_table(self, name: str) -> bool:
        found = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return found.fetchone() is not None


class EngineReader:
    """``Reader`` over a SQLAlchemy connection (any backend)."""

    def __init__(self, url: str, connection: Connection) -> None:
        self.url = url
        self.connection = connection

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterator[Any]:
        from sqlalchemy import text

        return iter(self.connection.execute(text(sql), dict(params or {})))

    def has_table(self, name: str) -> bool:
        from sqlalchemy import inspect

        return inspect(self.connection).has_table(name)


def _sqlite_at_head(path: Path) -> sqlite3.Connection | None:
    """A connection to the SQLite file at ``path`` in a snapshot transaction, when it is a
    database at the current schema; None otherwise (``store.db`` then opens, migrates or
    names the problem)."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only = ON")
        connection.execute("BEGIN DEFERRED")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is not None and revision[0] == HEAD_REVISION:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


@contextmanager
def reading(url: str) -> Iterator[Reader]:
    """A ``Reader`` of the database at ``url`` for the block: a SQLite file at the current
    schema through ``sqlite3``; anything else opened (and migrated) by ``store.db``."""
    path = sqlite_file(url)
    connection = None if path is None else _sqlite_at_head(path)
    if connection is not None:
        try:
            yield SqliteReader(url, connection)
        finally:
            connection.close()  # the snapshot transaction ends with it: nothing was written
        return
    from store.db import Database

    database = Database(url)
    try:
        with database.read_engine.connect() as engine_connection:
            yield EngineReader(url, engine_connection)
    finally:
        database.dispose()
