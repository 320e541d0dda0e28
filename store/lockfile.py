"""Lock files beside a database: an exclusive ``flock`` that names its holder.

Used where the database has no locks of its own to offer (SQLite, and the working directory for
other URLs): one evwatch per database (``evwatch.instance``), one crawl per source
(``crawler.sourcelock``). The kernel drops the lock when its holder dies, even by SIGKILL, so a
crash never leaves a stale lock. The file holds a small JSON record of who has it, read back for
refusal messages; it never holds the database URL.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from store.dburl import sqlite_file


def lock_path(db_url: str, suffix: str) -> Path:
    """``<database file><suffix>`` beside a SQLite file; otherwise a file in the working
    directory keyed by a hash of the URL."""
    database = sqlite_file(db_url)
    if database is None:  # a URL too rich for the plain reading: SQLAlchemy's
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            database = Path(url.database)
    if database is not None:
        database = database.resolve()
        return database.with_name(database.name + suffix)
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return Path.cwd() / f".evwatch-{digest}{suffix}"


class LockFile:
    """An exclusive lock on ``path``, held from ``acquire`` until ``release`` or the process
    ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: int | None = None

    def acquire(self, owner: dict[str, Any], wait_seconds: float = 0.0) -> dict[str, Any] | None:
        """Takes the lock, waiting up to ``wait_seconds``, and records ``owner`` in it. None when
        taken; else the holder's record (empty when it cannot be read)."""
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _record(handle)
                    os.close(handle)
                    return holder
                time.sleep(0.1)
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(owner).encode(), 0)
        self.handle = handle
        return None

    def release(self) -> None:
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


def holder(path: Path) -> dict[str, Any] | None:
    """The record of whoever holds the lock on ``path`` now (empty when it cannot be read), or
    None when nobody does; takes nothing."""
    if not path.exists():
        return None
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _record(handle)
    else:
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
    finally:
        os.close(handle)


def _record(handle: int) -> dict[str, Any]:
    try:
        owner = json.loads(os.pread(handle, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return owner if isinstance(owner, dict) else {}
