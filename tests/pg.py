"""A throwaway PostgreSQL cluster for the tests: ``initdb`` into a temporary directory, the server
on 127.0.0.1 on a free port, a password-protected role, one database per test (copied from a
migrated template), everything removed at the end.

When the tests run as root the server runs as an unprivileged user (``postgres`` if the system
has one, else ``nobody``) through ``runuser``: PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROLE = "evwatch"
# Deliberately unusual, so a leak into output, logs or process arguments is easy to find.
PASSWORD = "pg-Secret-4711-xyzzy"
TEMPLATE = "evwatch_template"


def find_bin_dir() -> Path | None:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres`` (None when not installed)."""
    on_path = shutil.which("initdb")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    # Debian installs the server binaries per major version, off PATH; the newest first.
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for directory in candidates:
        if all((directory / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """Context manager: a running cluster; ``url(name)`` gives a psycopg URL with the password."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.base = Path(tempfile.mkdtemp(prefix="evwatch-pg-"))
        self.data = self.base / "data"
        self.port = 0
        self.user: str | None = None
        self._names = itertools.count(1)
        if os.geteuid() == 0:
            self.user = "postgres" if _has_user("postgres") else "nobody"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=True, cwd=self.base
        )

    def __enter__(self) -> PostgresCluster:
        pwfile = self.base / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            for path in (self.base, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", ROLE, f"--pwfile={pwfile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        pwfile.unlink()
        options = (
            "-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        for attempt in range(5):
            self.port = _free_port()
            try:
                self._run(
                    "pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w",
                    "-t", "60", "-o", f"-p {self.port} {options}", "start",
                )  # fmt: skip
                break
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
                time.sleep(0.2)
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        from store.db import Database

        Database(self.url(TEMPLATE)).dispose()  # migrated once; tests copy it
        return self

    def __exit__(self, *_: object) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str, *, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{ROLE}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres", driver="postgresql"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, *, migrated: bool = True) -> str:
        """A new database (a copy of the migrated template, or empty); returns its URL."""
        name = f"evwatch_{os.getpid()}_{next(self._names)}"
        template = TEMPLATE if migrated else "template0"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def server_log(self) -> str:
        path = self.base / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
