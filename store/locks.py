"""PostgreSQL locks: a session-level advisory lock for one holder per database, wherever it
runs; row locks that let several dispatchers share the outbox (``claimed_deliveries``).

The lock lives on one dedicated connection of the holder; the server releases it when that
connection ends, so a holder that dies (even by SIGKILL, or with its host) leaves no stale lock.
The holder names itself in the connection's ``application_name`` (evwatch's role, its pid and
host), which others read from ``pg_stat_activity`` for the refusal message.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from store.models import Delivery

if TYPE_CHECKING:
    from store.db import Database

# pg_try_advisory_lock(int4, int4): the first key says "evwatch" ("evw1"), the second which lock.
LOCK_SPACE = int.from_bytes(b"evw1", "big")
INSTANCE_LOCK = 1
# PostgreSQL keeps at most 63 bytes of an application_name.
_NAME_BYTES = 63

_HOLDER = text(
    "SELECT l.pid, a.application_name, host(a.client_addr), a.backend_start "
    "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :space AND l.objid = :key "
    "AND l.objsubid = 2 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


def is_postgresql(url: str) -> bool:
    from sqlalchemy.engine import make_url

    return make_url(url).get_backend_name() == "postgresql"


def _engine(url: str, name: str) -> Engine:
    label = name.encode()[:_NAME_BYTES].decode(errors="ignore")
    return create_engine(
        url,
        poolclass=NullPool,
        connect_args={"application_name": label},
        isolation_level="AUTOCOMMIT",
    )


class AdvisoryLock:
    """Holds ``pg_advisory_lock(LOCK_SPACE, key)`` of the database at ``url`` on a connection
    of its own, named ``name`` (what a refused process is told about the holder)."""

    def __init__(self, url: str, name: str, key: int = INSTANCE_LOCK) -> None:
        self.url = url
        self.name = name
        self.key = key
        self._engine: Engine | None = None
        self._connection: Connection | None = None

    def acquire(self, wait_seconds: float = 0.0) -> bool:
        """Takes the lock, trying for up to ``wait_seconds``; False when another holds it."""
        engine = _engine(self.url, self.name)
        connection = engine.connect()
        deadline = time.monotonic() + wait_seconds
        params = {"space": LOCK_SPACE, "key": self.key}
        while not connection.scalar(text("SELECT pg_try_advisory_lock(:space, :key)"), params):
            if time.monotonic() >= deadline:
                connection.close()
                engine.dispose()
                return False
            time.sleep(0.1)
        self._engine, self._connection = engine, connection
        return True

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(
                    text("SELECT pg_advisory_unlock(:space, :key)"),
                    {"space": LOCK_SPACE, "key": self.key},
                )
            finally:  # closing the connection releases it in any case
                self._connection.close()
                self._connection = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def holder(url: str, key: int = INSTANCE_LOCK) -> str | None:
    """Who holds the lock (None when nobody does): the holder's own name for itself, else
    its server process id (``pg_stat_activity`` hides other roles' names)."""
    engine = _engine(url, "evwatch lock check")
    try:
        with engine.connect() as connection:
            row = connection.execute(_HOLDER, {"space": LOCK_SPACE, "key": key}).first()
    finally:
        engine.dispose()
    if row is None:
        return None
    backend_pid, name, client, since = row
    where = f" from {client}" if client else ""
    started = f", connected since {since:%Y-%m-%dT%H:%M:%S%z}" if since is not None else ""
    who = name or f"a session of another database role (server pid {backend_pid})"
    return f"{who}{where}{started}"


@contextmanager
def claimed_deliveries(
    db: Database, ids: Sequence[int]
) -> Iterator[tuple[Session | None, list[int]]]:
    """The deliveries of ``ids`` this process may send now, and the session to record them in.

    On PostgreSQL the still-pending ones are locked ``FOR UPDATE SKIP LOCKED`` in a transaction
    held while they are sent and recorded: another dispatcher skips them, and finds them sent
    when it gets to them. A crash rolls the claim back, so they stay pending. Elsewhere (SQLite,
    one dispatcher per database by the instance lock) nothing is held during the send: the
    session is None and the caller records in a transaction of its own.
    """
    if db.engine.dialect.name != "postgresql":
        yield None, list(ids)
        return
    with db.session() as session:
        claim = (
            select(Delivery.id)
            .where(Delivery.id.in_(ids), Delivery.status == "pending")
            .order_by(Delivery.id)
            .with_for_update(skip_locked=True)
        )
        yield session, list(session.scalars(claim))
