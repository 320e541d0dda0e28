"""A database opened for reading only (the dashboard): never migrated, never written, never
holding the write lock. SQLite files are opened with ``mode=ro`` and ``query_only``; other
databases get read-only transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from store.db import DEFERRED, SQLITE_BUSY_TIMEOUT_MS, Database, DatabaseError, make_engine
from store.migrate import HEAD_REVISION, current_revision, known_revisions

MMAP_BYTES = 256 * 1024 * 1024
CACHE_KIB = 16 * 1024


def _sqlite_read_only_engine(path: Path) -> Engine:
    if not path.is_file():
        raise DatabaseError(f"{path}: no such database file")
    engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
        # reads of a big file: memory-mapped (the OS page cache, shared by every connection)
        # and a larger page cache than SQLite's 2 MB
        cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # one snapshot per page (WAL readers never wait for a writer)
        connection.exec_driver_sql("BEGIN DEFERRED")

    return engine


class ReadOnlyDatabase(Database):
    """``Database`` for readers: ``read()`` works, ``session()`` refuses."""

    def __init__(self, url: str) -> None:  # no super().__init__: it would migrate and write
        self.url = url
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            self.engine = _sqlite_read_only_engine(Path(str(parsed.database)).expanduser())
        else:
            self.engine = make_engine(url)
            if self.engine.dialect.name == "postgresql":
                self.engine = self.engine.execution_options(postgresql_readonly=True)
        self.read_engine = self.engine.execution_options(**{DEFERRED: True})
        self._check_revision()
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    def _check_revision(self) -> None:
        try:
            revision = current_revision(self.read_engine)
        except Exception as exc:  # OperationalError: not a database, unreadable
            raise DatabaseError(f"{self.display_url}: cannot read ({exc})") from None
        if revision == HEAD_REVISION:
            return
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                f"this database was written by a newer evwatch (revision {revision}); "
                "upgrade evwatch"
            )
        raise DatabaseError(
            f"{self.display_url} is at revision {revision or 'none'}, not {HEAD_REVISION}: "
            "run `evwatch db upgrade` first (the dashboard opens it read-only)"
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        raise DatabaseError("this database is open read-only")
        yield  # pragma: no cover

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name
