"""One evwatch daemon (or cron ``evwatch run``) per database.

On PostgreSQL the lock is a session-level advisory lock in the database itself
(``store.locks``), so it holds across hosts and working directories; the server drops it when
the holder's connection ends. Elsewhere it is an exclusive ``flock`` on a file beside the SQLite
database (for other databases, in the working directory, keyed by the URL); the kernel drops it
when the holder dies, even by SIGKILL, so a crash never leaves a stale lock. The file holds who
has it, for the refusal.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from crawler.errors import CommandError
from store import lockfile
from store.dburl import is_postgresql

if TYPE_CHECKING:
    from store import locks


def lock_path(db_url: str) -> Path:
    return lockfile.lock_path(db_url, ".lock")


def _masked_command(db_url: str) -> str:
    """This process's command line with the database password, if any, as ``***``."""
    from sqlalchemy.engine import make_url

    command = " ".join(sys.argv)
    password = make_url(db_url).password
    return command.replace(str(password), "***") if password else command


class InstanceLock:
    """Context manager: holds the lock or raises CommandError naming the holder."""

    def __init__(self, db_url: str, role: str, wait_seconds: float = 1.0) -> None:
        self.path = lock_path(db_url)
        self.file = lockfile.LockFile(self.path)
        self.db_url = db_url
        self.role = role
        self.wait_seconds = wait_seconds
        self.advisory: locks.AdvisoryLock | None = None

    def __enter__(self) -> InstanceLock:
        if is_postgresql(self.db_url):
            return self._enter_advisory()
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "role": self.role,
            "command": _masked_command(self.db_url),
            "since": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        taken = self.file.acquire(owner, self.wait_seconds)
        if taken is not None:
            raise CommandError(
                f"another evwatch is running on this database ({_describe(taken)}); "
                f"lock file {self.path}"
            )
        return self

    def _enter_advisory(self) -> InstanceLock:
        from store import locks

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
        self.file.release()


def holder(db_url: str) -> str | None:
    """Who holds the lock now (None when nobody does); takes nothing."""
    if is_postgresql(db_url):
        from store import locks

        return locks.holder(db_url)
    owner = lockfile.holder(lock_path(db_url))
    return None if owner is None else _describe(owner)


def _describe(owner: dict[str, Any]) -> str:
    if not owner:
        return "holder unknown"
    return (
        f"pid {owner.get('pid')} on {owner.get('host')}: evwatch {owner.get('role')}, "
        f"since {owner.get('since')}"
    )
