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

import os
import re
import socket
import time
from pathlib import Path
from typing import Any

from store import lockfile, locks
from store.dburl import is_postgresql


def lock_path(db_url: str, source: str) -> Path:
    return lockfile.lock_path(db_url, f".crawl-{source}.lock")


class SourceBusy(Exception):
    """Another process is crawling the source; the message says which."""

    def __init__(self, message: str, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


class SourceLock:
    """Held from ``acquire`` until ``release`` or the process ends."""

    def __init__(self, db_url: str, source: str) -> None:
        self.db_url = db_url
        self.file = lockfile.LockFile(lock_path(db_url, source))
        self.source = source
        self.advisory: locks.AdvisoryLock | None = None

    def acquire(self) -> None:
        """Takes the lock at once or raises ``SourceBusy`` naming the holder."""
        if is_postgresql(self.db_url):
            self._acquire_advisory()
            return
        owner = {"pid": os.getpid(), "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        taken = self.file.acquire(owner)
        if taken is not None:
            holder = _holder(taken)
            raise SourceBusy(f"another crawl of {self.source} is running ({holder})", holder)

    def _acquire_advisory(self) -> None:
        name = f"evwatch crawl {self.source}, pid {os.getpid()} on {socket.gethostname()}"
        key = locks.source_key(self.source)
        lock = locks.AdvisoryLock(self.db_url, name, key, locks.SOURCE_SPACE)
        # a holder that ends between the refusal and the question who it is leaves the source
        # free: taken then, on the second try
        for _ in range(2):
            if lock.acquire():
                self.advisory = lock
                return
            holder = _advisory_holder(self.db_url, self.source)
            if holder != _RELEASED:
                break
        raise SourceBusy(f"another crawl of {self.source} is running ({holder})", holder)

    def release(self) -> None:
        if self.advisory is not None:
            self.advisory.release()
            self.advisory = None
        self.file.release()


def is_held(db_url: str, source: str) -> bool:
    """Whether some process is crawling the source now; takes nothing."""
    if is_postgresql(db_url):
        return locks.holder_of(db_url, locks.source_key(source), locks.SOURCE_SPACE) is not None
    return lockfile.holder(lock_path(db_url, source)) is not None


def _holder(owner: dict[str, Any]) -> str:
    if not owner:
        return "holder unknown"
    return f"pid {owner.get('pid')}, since {owner.get('since')}"


_CRAWLER = re.compile(r"pid (\d+) on (.+)$")
_RELEASED = "holder unknown"  # what a lock released before its holder was named is said to be


def _advisory_holder(db_url: str, source: str) -> str:
    """``pid N on HOST, since T`` of the crawl holding the source's advisory lock, from the
    name its lock connection gave itself."""
    found = locks.holder_of(db_url, locks.source_key(source), locks.SOURCE_SPACE)
    if found is None:  # released in between
        return _RELEASED
    named = _CRAWLER.search(found.name or "")
    if named is None:
        return found.describe()
    since = f", since {found.since:%Y-%m-%dT%H:%M:%S%z}" if found.since else ""
    return f"pid {named[1]} on {named[2]}{since}"
