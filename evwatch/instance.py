"""One evwatch daemon (or cron ``evwatch run``) per database.

On PostgreSQL the lock is a session-level advisory lock in the database itself
(``store.locks``), so it holds across hosts and working directories; the server drops it when
the holder's connection ends. Elsewhere it is an exclusive ``flock`` on a file beside the SQLite
database (for other databases, in the working directory, keyed by the URL); the kernel drops it
when the holder dies, even by SIGKILL, so a crash never leaves a stale lock. The file holds who
has it, for the refusal.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType

from sqlalchemy.engine import make_url

from crawler.errors import CommandError
from store import locks


def lock_path(db_url: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().with_name(Path(url.database).name + ".lock")
    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return Path.cwd() / f".evwatch-{digest}.lock"


def _masked_command(db_url: str) -> str:
    """This process's command line with the database password, if any, as ``***``."""
    command = " ".join(sys.argv)
    password = make_url(db_url).password
    return command.replace(str(password), "***") if password else command


class InstanceLock:
    """Context manager: holds the lock or raises CommandError naming the holder."""

    def __init__(self, db_url: str, role: str, wait_seconds: float = 1.0) -> None:
        self.path = lock_path(db_url)
        self.db_url = db_url
        self.role = role
        self.wait_seconds = wait_seconds
        self.handle: int | None = None
        self.advisory: locks.AdvisoryLock | None = None

    def __enter__(self) -> InstanceLock:
        if locks.is_postgresql(self.db_url):
            return self._enter_advisory()
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(handle)
                    os.close(handle)
                    raise CommandError(
                        f"another evwatch is running on this database ({holder}); "
                        f"lock file {self.path}"
                    ) from None
                time.sleep(0.1)
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "role": self.role,
            "command": _masked_command(self.db_url),
            "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(owner).encode(), 0)
        self.handle = handle
        return self

    def _enter_advisory(self) -> InstanceLock:
        name = f"evwatch {self.role}, pid {os.getpid()} on {socket.gethostname()}"
        lock = locks.AdvisoryLock(self.db_url, name)
        if not lock.acquire(self.wait_seconds):
            who = locks.holder(self.db_url) or "holder unknown"
            raise CommandError(
                f"another evwatch is running on this database ({who}); "
                "PostgreSQL advisory lock of the database"
            )
        self.advisory = lock
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.advisory is not None:
            self.advisory.release()
            self.advisory = None
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


def holder(db_url: str) -> str | None:
    """Who holds the lock now (None when nobody does); takes nothing."""
    if locks.is_postgresql(db_url):
        return locks.holder(db_url)
    path = lock_path(db_url)
    if not path.exists():
        return None
    handle = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read_holder(handle)
    else:
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
    finally:
        os.close(handle)


def _read_holder(handle: int) -> str:
    try:
        owner = json.loads(os.pread(handle, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return "holder unknown"
    if not owner:
        return "holder unknown"
    return (
        f"pid {owner.get('pid')} on {owner.get('host')}: evwatch {owner.get('role')}, "
        f"since {owner.get('since')}"
    )
