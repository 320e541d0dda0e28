"""One evwatch per PostgreSQL database, wherever it runs: the advisory lock refuses a second
holder from another directory (naming the first one's pid, host and role) and is released by
the server when the holder is killed. One crawl per source of a database: the source's advisory
lock refuses a second crawl of that source from another directory (naming the first one's pid
and host), not a crawl of another source nor of the same source in another database; a daemon
leaves the run of a source crawled elsewhere open, and closes it once its crawl is gone."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.errors import CommandError
from crawler.sourcelock import SourceBusy, SourceLock, is_held
from evwatch.daemon import _close_runs, close_abandoned_runs
from evwatch.instance import InstanceLock, holder
from store import queries
from store.db import Database
from tests.conftest import REPO, query, run_evwatch
from tests.pg import PASSWORD, PostgresCluster

pytestmark = pytest.mark.postgres

HOLD = """
import os, time
from evwatch.instance import InstanceLock
with InstanceLock(os.environ["EVWATCH_DB"], "daemon"):
    print("held", flush=True)
    time.sleep(300)
"""


def test_one_instance_per_database_across_directories_until_the_holder_dies(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    url = pg_cluster.create_database()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD], cwd=elsewhere, env={**os.environ, "EVWATCH_DB": url,
        "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline() == "held\n"
        cron = run_evwatch("run", "henandaily", timeout=60, EVWATCH_DB=url)
        assert cron.returncode == 2, cron.stderr
        [line] = cron.stderr.splitlines()
        assert f"evwatch daemon, pid {child.pid} on " in line, line
        assert "another evwatch is running on this database" in line
        assert PASSWORD not in cron.stderr + cron.stdout
        with pytest.raises(CommandError, match=f"pid {child.pid}"):
            InstanceLock(url, "dispatch", wait_seconds=0.2).__enter__()
        assert f"pid {child.pid}" in (holder(url) or "")
    finally:
        _kill(child)
    deadline = time.monotonic() + 20
    while True:  # the server ends the dead holder's session and its lock with it
        try:
            with InstanceLock(url, "run", wait_seconds=0.5):
                assert f"evwatch run, pid {os.getpid()}" in (holder(url) or "")
            break
        except CommandError:
            assert time.monotonic() < deadline, "the lock outlived its holder"
    assert holder(url) is None
    pg_cluster.drop_database(url)


HOLD_SOURCE = """
import os, time
from crawler.sourcelock import SourceLock
SourceLock(os.environ["EVWATCH_DB"], "jiemian").acquire()
print("held", flush=True)
time.sleep(300)
"""


def test_one_crawl_per_source_across_directories_until_the_holder_dies(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    url, other_database = pg_cluster.create_database(), pg_cluster.create_database()
    db = Database(url)
    with db.session() as session:  # the holder's run, as its crawl writes it
        source = queries.ensure_source(session, "jiemian", "Jiemian", "https://www.jiemian.com/")
        queries.start_run(session, source.id)
    running = "SELECT status FROM crawl_runs"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_SOURCE], cwd=tmp_path, env={**os.environ, "EVWATCH_DB": url,
        "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline() == "held\n"
        assert is_held(url, "jiemian") and not is_held(url, "henandaily")
        with pytest.raises(SourceBusy) as busy:
            SourceLock(url, "jiemian").acquire()
        assert busy.value.holder.startswith(f"pid {child.pid} on {socket.gethostname()}, since ")
        assert str(busy.value).startswith("another crawl of jiemian is running (pid ")
        assert PASSWORD not in str(busy.value)
        for free in (SourceLock(url, "henandaily"), SourceLock(other_database, "jiemian")):
            free.acquire()
            free.release()
        # A daemon (here or on another host) leaves the run of the crawl alone.
        _close_runs(url, "jiemian")
        assert close_abandoned_runs(db, url) == 0
        assert query(url, running) == [("running",)]
    finally:
        _kill(child)
    deadline = time.monotonic() + 20
    while True:  # the server ends the dead holder's session and its lock with it
        try:
            lock = SourceLock(url, "jiemian")
            lock.acquire()
            assert is_held(url, "jiemian")
            lock.release()
            break
        except SourceBusy:
            assert time.monotonic() < deadline, "the lock outlived its holder"
            time.sleep(0.2)
    assert not is_held(url, "jiemian")
    # Its crawl gone, the run is closed.
    assert close_abandoned_runs(db, url) == 1
    assert query(url, running) == [("interrupted",)]
    db.dispose()
    for database in (url, other_database):
        pg_cluster.drop_database(database)


def _kill(child: subprocess.Popen[str]) -> None:
    """SIGKILL: the holder dies without releasing anything."""
    child.send_signal(signal.SIGKILL)
    child.wait()
    if child.stdout is not None:
        child.stdout.close()
