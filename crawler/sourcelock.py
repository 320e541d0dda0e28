"""One crawl of a source at a time, across processes: taken by the process that crawls it (the
store pipeline of ``evwatch crawl``, of the daemon's crawl subprocess, of ``scrapy crawl``) for
the length of the crawl.

On PostgreSQL it is a session-level advisory lock of the database keyed by the source's name
(``store.locks``), so it holds across hosts and working directories; the server drops it when
the holder's connection ends. Elsewhere it is an exclusive ``flock`` on a file per source beside
the SQLite database (for other databases, in the working directory, keyed by a hash of the
URL): it holds between processes of one host. The kernel drops it when its holder dies, even by
SIGKILL. Either way a crash never leaves a stale lock; while a crawl killed with its daemon is
still finishing, the next crawl of that source finds the lock held and skips. The holder is
named by its pid (and host, on PostgreSQL) and start, never by the database URL.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import socket
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from store import locks


def lock_path(db_url: str, source: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        database = Path(url.database).resolve()
        return database.with_name(f"{database.name}.crawl-{source}.lock")
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return Path.cwd() / f".evwatch-{digest}.crawl-{source}.lock"


class SourceBusy(Exception):
    """Another process is crawling the source; the message says which."""

    def __init__(self, message: str, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


class SourceLock:
    """Held from ``acquire`` until ``release`` or the process ends."""

    def __init__(self, db_url: str, source: str) -> None:
        self.db_url = db_url
        self.path = lock_path(db_url, source)
        self.source = source
        self.handle: int | None = None
        self.advisory: locks.AdvisoryLock | None = None

    def acquire(self) -> None:
        """Takes the lock at once or raises ``SourceBusy`` naming the holder."""
        if locks.is_postgresql(self.db_url):
            self._acquire_advisory()
            return
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            os.close(handle)
            raise SourceBusy(
                f"another crawl of {self.source} is running ({holder})", holder
            ) from None
        owner = {"pid": os.getpid(), "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(owner).encode(), 0)
        self.handle = handle

    def _acquire_advisory(self) -> None:
        name = f"evwatch crawl {self.source}, pid {os.getpid()} on {socket.gethostname()}"
        key = locks.source_key(self.source)
        lock = locks.AdvisoryLock(self.db_url, name, key, locks.SOURCE_SPACE)
        if not lock.acquire():
            holder = _advisory_holder(self.db_url, self.source)
            raise SourceBusy(f"another crawl of {self.source} is running ({holder})", holder)
        self.advisory = lock

    def release(self) -> None:
        if self.advisory is not None:
            self.advisory.release()
            self.advisory = None
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


def is_held(db_url: str, source: str) -> bool:
    """Whether some process is crawling the source now; takes nothing."""
    if locks.is_postgresql(db_url):
        return locks.holder_of(db_url, locks.source_key(source), locks.SOURCE_SPACE) is not None
    path = lock_path(db_url, source)
    if not path.exists():
        return False
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False
    finally:
        os.close(handle)


def _holder(handle: int) -> str:
    try:
        owner = json.loads(os.pread(handle, 4096, 0) or b"{}")
    except (OSError, ValueError):
        owner = {}
    if not owner:
        return "holder unknown"
    return f"pid {owner.get('pid')}, since {owner.get('since')}"


_CRAWLER = re.compile(r"pid (\d+) on (.+)$")


def _advisory_holder(db_url: str, source: str) -> str:
    """``pid N on HOST, since T`` of the crawl holding the source's advisory lock, from the
    name its lock connection gave itself."""
    found = locks.holder_of(db_url, locks.source_key(source), locks.SOURCE_SPACE)
    if found is None:  # released in between
        return "holder unknown"
    named = _CRAWLER.search(found.name or "")
    if named is None:
        return found.describe()
    since = f", since {found.since:%Y-%m-%dT%H:%M:%S%z}" if found.since else ""
    return f"pid {named[1]} on {named[2]}{since}"
