"""Shared fixtures: the replica server (a subprocess on a free loopback port) and a runner for
``evwatch`` in a subprocess (Scrapy's reactor runs once per process)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaProcess]:
    with ReplicaProcess(slow_seconds=1.5) as server:
        yield server


def run_evwatch(*args: str, timeout: float = 240, **env: str) -> subprocess.CompletedProcess[str]:
    """``evwatch ARGS`` in a fresh interpreter, from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def query(db_path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Rows from the SQLite file, read with the standard library only."""
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()
