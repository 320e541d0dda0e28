"""One crawl of a source at a time, across processes: an exclusive ``flock`` on a file per
source beside the SQLite database (for other databases, in the working directory, keyed by a
hash of the URL). The kernel drops the lock when its holder dies, even by SIGKILL, so a crash
never leaves a stale one; while a crawl killed with its daemon is still finishing, the next
daemon's crawl of that source finds the lock held and skips. The file names the holder's pid
and start, never the database URL.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from pathlib import Path

from sqlalchemy.engine import make_url


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
        self.path = lock_path(db_url, source)
        self.source = source
        self.handle: int | None = None

    def acquire(self) -> None:
        """Takes the lock at once or raises ``SourceBusy`` naming the holder."""
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

    def release(self) -> None:
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


def is_held(db_url: str, source: str) -> bool:
    """Whether some process is crawling the source now; takes nothing."""
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
