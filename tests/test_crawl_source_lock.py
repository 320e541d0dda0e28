"""Two crawls of one source never run at once: while one runs (here held up by listing pages
that hang), a second crawl of the source skips, says why in one line and in its run row, and
fetches nothing; a crawl of another source goes on."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from crawler.replica.server import OLDER_LISTING
from crawler.sourcelock import SourceLock, lock_path
from store import locks
from tests.conftest import FAST, REPO, query, run_evwatch
from tests.pg import PostgresCluster

SOURCE = "jiemian"


@pytest.fixture
def stalled(replica: ReplicaProcess) -> Iterator[ReplicaProcess]:
    replica.reset()
    replica.fault(SOURCE, "stall")
    yield replica
    replica.reset()


def crawl_args(replica: ReplicaProcess, db: Path, *sources: str) -> list[str]:
    return ["--db", f"sqlite:///{db}", "crawl", *sources, "--force", "--replica", replica.url,
            *FAST]  # fmt: skip


def stored(db: Path) -> int:
    try:
        return int(query(db, "SELECT count(*) FROM articles")[0][0])  # type: ignore[call-overload]
    except sqlite3.OperationalError:  # not there or not migrated yet
        return 0


def test_a_second_crawl_of_a_running_source_skips_and_says_why(
    stalled: ReplicaProcess, tmp_path: Path
) -> None:
    db = tmp_path / "evwatch.db"
    first = subprocess.Popen(
        [sys.executable, "-m", "evwatch", *crawl_args(stalled, db, SOURCE)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the first crawl waits on an older listing page
            if any("_2.html" in h["path"] for h in stalled.hits()) or stored(db):
                break
            time.sleep(0.2)
        # and has fetched the article pages it already knows of (they are not stalled)
        quiet = time.monotonic() + 30
        hits_before = len(stalled.hits())
        while time.monotonic() < quiet:
            time.sleep(1.5)
            if len(stalled.hits()) == hits_before:
                break
            hits_before = len(stalled.hits())
        second = run_evwatch(*crawl_args(stalled, db, SOURCE, "henandaily"), timeout=120)
        assert first.poll() is None  # still crawling
        assert second.returncode == 1
        [line] = [line for line in second.stderr.splitlines() if "skipped" in line]
        expected = f"{SOURCE}: skipped: another crawl of {SOURCE} is running (pid {first.pid}, "
        assert expected in line
        runs = query(
            db, "SELECT s.name, r.status, r.finish_reason, r.pages_fetched FROM crawl_runs r "
            "JOIN sources s ON s.id = r.source_id ORDER BY r.id",
        )  # fmt: skip
        assert runs[0][:2] == (SOURCE, "running")
        [skipped] = [r for r in runs if r[1] == "skipped"]
        assert skipped[0] == SOURCE and skipped[3] == 0
        assert str(skipped[2]).startswith(f"another crawl running (pid {first.pid}, since ")
        henan = [r for r in runs if r[0] == "henandaily"]
        assert [r[1] for r in henan] in (["ok"], ["partial"])  # another source goes on
        # the skipped crawl fetched nothing (a stalled page the first crawl asked for is logged
        # when its answer goes out, which may be now)
        jiemian_hits = [
            h
            for h in stalled.hits()[hits_before:]
            if "jiemian" in h["host"] and not OLDER_LISTING.search(h["path"])
        ]
        assert jiemian_hits == []
    finally:
        first.send_signal(signal.SIGINT)
        first.wait(timeout=60)
    assert query(db, "SELECT status FROM crawl_runs ORDER BY id")[0] == ("interrupted",)
    # Once the first is gone, the source can be crawled again.
    stalled.reset()
    again = run_evwatch(*crawl_args(stalled, db, SOURCE), timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]


def test_the_lock_file_keeps_the_database_password_out() -> None:
    url = "postgresql+psycopg://evw:s3cret-pw@db.internal/evwatch"
    assert "s3cret-pw" not in str(lock_path(url, SOURCE))
    assert lock_path("sqlite:////srv/evwatch/evwatch.db", SOURCE) == Path(
        f"/srv/evwatch/evwatch.db.crawl-{SOURCE}.lock"
    )


def test_a_lock_released_before_its_holder_is_named_is_taken(
    pg_cluster: PostgresCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_cluster.create_database()
    key = locks.source_key(SOURCE)
    other = locks.AdvisoryLock(url, "evwatch crawl elsewhere", key, locks.SOURCE_SPACE)
    assert other.acquire()
    named = locks.holder_of

    def released_in_between(*args: object) -> locks.Holder | None:
        other.release()  # the other crawl ends between the refusal and the question who it is
        return named(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(locks, "holder_of", released_in_between)
    lock = SourceLock(url, SOURCE)
    lock.acquire()  # no SourceBusy: the source is free by then
    try:
        monkeypatch.setattr(locks, "holder_of", named)
        holder = locks.holder_of(url, key, locks.SOURCE_SPACE)
        assert holder is not None and f"pid {os.getpid()} on " in str(holder.name)
    finally:
        lock.release()
    assert locks.holder_of(url, key, locks.SOURCE_SPACE) is None
