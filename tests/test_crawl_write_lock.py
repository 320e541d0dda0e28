"""A crawl whose writes meet a lock another process holds on the SQLite file: the writes are
tried again with back-off; when the lock outlasts them the run is ``failed``, the crawl exits
non-zero, and every article it could not store is fetched and stored by the next crawl."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from tests.conftest import FAST, REPO, query, run_evwatch

SOURCE = "henandaily"
# A second of lock wait per statement, three tries half a second apart, then give up.
PATIENCE = (
    "--set", "EVWATCH_LOCK_TIMEOUT=1", "--set", "EVWATCH_WRITE_ATTEMPTS=3",
    "--set", "EVWATCH_WRITE_BACKOFF=0.5",
)  # fmt: skip


@pytest.fixture
def site(replica: ReplicaProcess) -> Iterator[ReplicaProcess]:
    replica.reset()
    yield replica
    replica.reset()


def crawl_args(replica: ReplicaProcess, db: Path) -> list[str]:
    return [
        "--db", f"sqlite:///{db}", "crawl", SOURCE, "--replica", replica.url,
        *FAST, *PATIENCE,
    ]  # fmt: skip


def article_hits(replica: ReplicaProcess) -> list[str]:
    return [h["path"] for h in replica.hits() if "/20" in h["path"] and h["status"] == 200]


@contextmanager
def write_lock_held_during_crawl(
    replica: ReplicaProcess, db: Path
) -> Iterator[subprocess.Popen[str]]:
    """Starts a crawl into ``db``; another process takes the SQLite write lock as soon as the
    crawl's run has started and holds it for the ``with`` body."""
    crawl = subprocess.Popen(
        [sys.executable, "-m", "evwatch", *crawl_args(replica, db)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    holder = sqlite3.connect(db, timeout=30, isolation_level=None)
    try:
        deadline = time.monotonic() + 60
        while not query(db, "SELECT id FROM crawl_runs") and time.monotonic() < deadline:
            time.sleep(0.02)
        holder.execute("BEGIN IMMEDIATE")
        yield crawl
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_writes_that_meet_a_held_lock_fail_the_run_and_are_fetched_again(
    site: ReplicaProcess, tmp_path: Path
) -> None:
    full = tmp_path / "full.db"
    assert run_evwatch(*crawl_args(site, full)).returncode == 0
    every = {row[0] for row in query(full, "SELECT canonical_url FROM articles")}
    assert len(every) >= 3

    db = tmp_path / "evwatch.db"
    assert run_evwatch("--db", f"sqlite:///{db}", "db", "upgrade").returncode == 0
    site.reset()
    # The lock is kept until the crawl has given up storing.
    with write_lock_held_during_crawl(site, db) as crawl:
        assert crawl.stderr is not None
        lines = []
        for line in crawl.stderr:
            lines.append(line)
            if "could not store" in line:
                break
    _, err = crawl.communicate(timeout=120)
    log = "".join(lines) + err
    assert crawl.returncode == 1, log[-3000:]
    assert "database busy (database is locked); trying again" in log
    assert "Traceback" not in log
    [(status, reason, new)] = query(
        db, "SELECT status, finish_reason, new_articles FROM crawl_runs"
    )
    assert (status, reason) == ("failed", "store_failed")
    kept = {row[0] for row in query(db, "SELECT canonical_url FROM articles")}
    assert new == len(kept) < len(every)

    # Nothing was given up for good: the next crawl fetches and stores what the first lost.
    site.reset()
    again = run_evwatch(*crawl_args(site, db))
    assert again.returncode == 0, again.stderr[-3000:]
    assert {row[0] for row in query(db, "SELECT canonical_url FROM articles")} == every
    assert query(db, "SELECT status FROM crawl_runs ORDER BY id")[-1][0] in ("ok", "partial")
    assert len(article_hits(site)) >= len(every - kept)


def test_a_lock_held_for_a_moment_is_waited_out(site: ReplicaProcess, tmp_path: Path) -> None:
    db = tmp_path / "evwatch.db"
    assert run_evwatch("--db", f"sqlite:///{db}", "db", "upgrade").returncode == 0
    with write_lock_held_during_crawl(site, db) as crawl:
        time.sleep(2.5)  # longer than one lock wait, shorter than the tries together
    _, err = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, err[-3000:]
    assert query(db, "SELECT status FROM crawl_runs") in ([("ok",)], [("partial",)])
    assert int(query(db, "SELECT count(*) FROM articles")[0][0]) >= 3  # type: ignore[arg-type]
