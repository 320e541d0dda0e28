"""Engine and sessions: SQLite pragmas, read and write transactions, automatic migrations.

Writers take SQLite's write lock when they begin (``BEGIN IMMEDIATE``), so two writers never
deadlock on a lock upgrade; readers begin deferred and never wait for a writer (WAL mode).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option for connections whose transactions begin deferred: read-only work, and
# single-statement writes that must not wait at BEGIN.
DEFERRED = "evwatch_begin_deferred"


class DatabaseError(Exception):
    """The database cannot be opened or used; the message names the URL or file and why."""


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, so that BEGIN below is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit survives power loss too, not only a process crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # A writer takes the write lock up front (IMMEDIATE): a transaction that reads and then
        # writes can never fail with SQLITE_BUSY on lock upgrade while another process writes.
        # Read-only work begins deferred: in WAL mode it reads a snapshot and waits for no one.
        deferred = connection.get_execution_options().get(DEFERRED, False)
        connection.exec_driver_sql("BEGIN DEFERRED" if deferred else "BEGIN IMMEDIATE")


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def make_engine(url: str, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys, busy timeout, FULL sync.
    A malformed URL, a missing driver or an unusable directory raise ``DatabaseError``."""
    try:
        path = _sqlite_path(url)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError and friends
        raise DatabaseError(f"{url!r} is not a database URL ({exc})") from None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"{path.parent}: cannot create directory ({exc.strerror})"
            ) from None
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise DatabaseError(f"{path.parent}: directory is not writable")
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseError(f"{path}: database file is not readable and writable")
    try:
        engine = create_engine(url)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"{make_url(url).drivername}: database driver not installed ({exc.name}); "
            "install it into this environment"
        ) from None
    except Exception as exc:  # NoSuchModuleError (unknown dialect), ArgumentError
        raise DatabaseError(f"{url!r}: cannot use this database URL ({exc})") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


class Database:
    """One database: its engine, write sessions and read sessions. Migrated to head when
    opened (a read-only check when it is at head already). ``busy_timeout_ms``: how long a
    SQLite statement waits for another process's lock before it fails. The ORM is imported
    when a session is first asked for: a read command that runs Core statements on
    ``read_engine`` starts without it."""

    def __init__(
        self, url: str, *, migrate: bool = True, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS
    ) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout_ms)
        self.read_engine = self.engine.execution_options(**{DEFERRED: True})
        if migrate:
            from store.migrate import upgrade_to_head

            upgrade_to_head(self)

    @cached_property
    def _sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _read_sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write session: commits on success, rolls back on error; takes the write lock."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: a deferred transaction that never waits for a writer, rolled
        back at the end (nothing in it is meant to be kept)."""
        with self._read_sessions() as session:
            yield session

    @property
    def display_url(self) -> str:
        """The URL to print: its password, if any, as ``***``."""
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
