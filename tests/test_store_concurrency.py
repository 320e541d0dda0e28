"""SQLite: read-only work never waits for a writer. ``evwatch status``, ``figures`` and the
daemon's job store read in deferred transactions; only writers take the write lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import text

from crawler.replica.process import ReplicaProcess
from evwatch.daemon import job_store
from store.db import Database
from store.schedule import stored_next_runs
from tests.conftest import FAST, REPO, run_evwatch

READ_COMMANDS = (("status",), ("figures",), ("articles",), ("alerts",))


def tick() -> None:
    """A scheduled job that does nothing."""


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'evwatch.db'}")
    yield database
    database.dispose()


def start_scheduler(db: Database, every_seconds: float) -> BackgroundScheduler:
    """The daemon's job store in a running scheduler with one job."""
    running = BackgroundScheduler(jobstores={"default": job_store(db)})
    running.add_job(tick, "interval", seconds=every_seconds, id="tick")
    running.start()
    return running


def test_reads_go_on_while_another_process_holds_the_write_lock(db: Database) -> None:
    # A job that is not due: the scheduler only reads while the lock is held.
    scheduler = start_scheduler(db, every_seconds=3600)
    path = db.engine.url.database
    assert path is not None
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a crawl in the middle of a transaction
    try:
        for command in READ_COMMANDS:
            started = time.monotonic()
            result = run_evwatch("--db", db.url, *command, timeout=25)
            # A reader that waited for the lock would take the 30 s busy timeout and then fail.
            assert time.monotonic() - started < 15, command
            assert result.returncode in (0, 1), (command, result.stderr)
            assert "locked" not in result.stderr
        started = time.monotonic()
        assert [job.id for job in scheduler.get_jobs()] == ["tick"]
        assert "tick" in stored_next_runs(db)
        with db.read() as session:
            assert session.scalar(text("SELECT count(*) FROM articles")) == 0
        assert time.monotonic() - started < 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        scheduler.shutdown(wait=False)


@pytest.mark.slow
def test_no_reader_sees_a_locked_database_while_a_crawl_writes(db: Database) -> None:
    # The job fires often: the scheduler writes its next run time as the crawl writes.
    scheduler = start_scheduler(db, every_seconds=0.2)
    with ReplicaProcess(slow_seconds=0.2, synthetic=150) as replica:
        crawl = subprocess.Popen(
            [sys.executable, "-m", "evwatch", "--db", db.url, "crawl", "jiemian",
             "--replica", replica.url, "--quiet", *FAST],
            cwd=REPO, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        problems: list[str] = []
        reads = 0

        def read_schedule() -> None:
            nonlocal reads
            while crawl.poll() is None:
                try:
                    scheduler.get_jobs()
                    stored_next_runs(db)
                    reads += 1
                except Exception as exc:  # any failure is a finding
                    problems.append(f"job store: {exc}")
                time.sleep(0.02)

        reader = threading.Thread(target=read_schedule)
        reader.start()
        commands = 0
        while crawl.poll() is None:
            for command in READ_COMMANDS[:2]:
                result = run_evwatch("--db", db.url, *command, timeout=60)
                commands += 1
                if result.returncode not in (0, 1) or "locked" in result.stderr:
                    problems.append(f"{command}: {result.returncode} {result.stderr[-300:]}")
        _, err = crawl.communicate(timeout=120)
        reader.join()
        scheduler.shutdown(wait=False)

    assert crawl.returncode == 0, err[-2000:]
    assert problems == []
    assert commands >= 4 and reads >= 20
    stored = sqlite3.connect(str(db.engine.url.database)).execute("SELECT count(*) FROM articles")
    assert stored.fetchone()[0] >= 100
