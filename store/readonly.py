"""A database opened for reading only (the dashboard): never migrated, never written, never
holding the write lock. SQLite files are opened with ``mode=ro`` and ``query_only``; other
databases get read-only transactions. ``generation()`` tells a reader whether anything was
written since it last looked (what the dashboard's page cache is keyed by)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from store.db import DEFERRED, SQLITE_BUSY_TIMEOUT_MS, Database, DatabaseError, make_engine
from store.migrate import HEAD_REVISION, current_revision, known_revisions

_SEEN_VERSION = "evwatch_data_version"  # a pooled connection's last PRAGMA data_version
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
        self._generation = 0
        self._generation_lock = threading.Lock()

    def generation(self) -> int | None:
        """A number that moves on whenever the database may have changed since this process
        last asked; None where that cannot be known cheaply (a database other than SQLite).

        SQLite's ``PRAGMA data_version`` changes when another connection commits a change; it
        is a property of each connection, so the value each pooled connection last reported
        is kept with it, and any connection that reports a new value (or is new) moves the
        generation on. This process never writes: every change is another's commit."""
        if self.engine.dialect.name != "sqlite":
            return None
        with self.engine.connect() as connection:
            pooled = connection.connection
            cursor = pooled.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                version = cursor.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cursor.close()
            with self._generation_lock:
                if pooled.info.get(_SEEN_VERSION) != version:
                    pooled.info[_SEEN_VERSION] = version
                    self._generation += 1
                return self._generation

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
