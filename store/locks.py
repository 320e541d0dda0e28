"""PostgreSQL locks: session-level advisory locks, one holder per database wherever it runs
(the instance lock) or per source of a database (a crawl of it, ``source_key``); row locks that
let several dispatchers share the outbox (``claimed_deliveries``).

The lock lives on one dedicated connection of the holder; the server releases it when that
connection ends, so a holder that dies (even by SIGKILL, or with its host) leaves no stale lock.
The holder names itself in the connection's ``application_name`` (evwatch's role, its pid and
host), which others read from ``pg_stat_activity`` for the refusal message.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, select, text
from sqlalchemy.pool import NullPool

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from store.db import Database

# pg_try_advisory_lock(int4, int4): the first key says "evwatch" and what kind of lock ("evw1"
# the instance, "evws" a source), the second which one. Advisory locks belong to their database.
LOCK_SPACE = int.from_bytes(b"evw1", "big")
SOURCE_SPACE = int.from_bytes(b"evws", "big")
INSTANCE_LOCK = 1
# PostgreSQL keeps at most 63 bytes of an application_name.
_NAME_BYTES = 63

_HOLDER = text(
    "SELECT l.pid, a.application_name, host(a.client_addr), a.backend_start "
    "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted "
    "AND l.classid = CAST(:space AS oid) AND l.objid = CAST(:key AS oid) "
    "AND l.objsubid = 2 "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)


def source_key(source: str) -> int:
    """The second key of a source's lock: a 31-bit hash of its name (pg_locks shows keys as
    unsigned ``oid``; two names sharing a hash would only make their crawls take turns)."""
    return zlib.crc32(source.encode()) & 0x7FFFFFFF


def _engine(url: str, name: str) -> Engine:
    label = name.encode()[:_NAME_BYTES].decode(errors="ignore")
    return create_engine(
        url,
        poolclass=NullPool,
        connect_args={"application_name": label},
        isolation_level="AUTOCOMMIT",
    )


class AdvisoryLock:
    """Holds ``pg_advisory_lock(space, key)`` of the database at ``url`` on a connection of its
    own, named ``name`` (what a refused process is told about the holder)."""

    def __init__(
        self, url: str, name: str, key: int = INSTANCE_LOCK, space: int = LOCK_SPACE
    ) -> None:
        self.url = url
        self.name = name
        self.key = key
        self.space = space
        self._engine: Engine | None = None
        self._connection: Connection | None = None

    def acquire(self, wait_seconds: float = 0.0) -> bool:
        """Takes the lock, trying for up to ``wait_seconds``; False when another holds it."""
        engine = _engine(self.url, self.name)
        connection = engine.connect()
        deadline = time.monotonic() + wait_seconds
        params = {"space": self.space, "key": self.key}
        take = text("SELECT pg_try_advisory_lock(CAST(:space AS int4), CAST(:key AS int4))")
        while not connection.scalar(take, params):
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
                    text("SELECT pg_advisory_unlock(CAST(:space AS int4), CAST(:key AS int4))"),
                    {"space": self.space, "key": self.key},
                )
            finally:  # closing the connection releases it in any case
                self._connection.close()
                self._connection = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


@dataclass(frozen=True)
class Holder:
    """The session holding a lock: its own name for itself (None for another role's session,
    which ``pg_stat_activity`` hides), client address, connection start and server pid."""

    name: str | None
    client: str | None
    since: datetime | None
    backend_pid: int

    def describe(self) -> str:
        where = f" from {self.client}" if self.client else ""
        started = f", connected since {self.since:%Y-%m-%dT%H:%M:%S%z}" if self.since else ""
        who = self.name or f"a session of another database role (server pid {self.backend_pid})"
        return f"{who}{where}{started}"


def holder_of(url: str, key: int = INSTANCE_LOCK, space: int = LOCK_SPACE) -> Holder | None:
    """Who holds the lock (None when nobody does); takes nothing."""
    engine = _engine(url, "evwatch lock check")
    try:
        with engine.connect() as connection:
            row = connection.execute(_HOLDER, {"space": space, "key": key}).first()
    finally:
        engine.dispose()
    if row is None:
        return None
    backend_pid, name, client, since = row
    return Holder(name or None, client, since, int(backend_pid))


def holder(url: str, key: int = INSTANCE_LOCK) -> str | None:
    """Who holds the instance lock, in words (None when nobody does)."""
    found = holder_of(url, key)
    return found.describe() if found is not None else None


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
    from store.models import Delivery  # the dispatcher's: ``status`` asks only ``holder``

    with db.session() as session:
        claim = (
            select(Delivery.id)
            .where(Delivery.id.in_(ids), Delivery.status == "pending")
            .order_by(Delivery.id)
            .with_for_update(skip_locked=True)
        )
        yield session, list(session.scalars(claim))
