"""The daemon as users run it: a subprocess on a fast schedule against its own replica, a
webhook receiver listening. News published while it runs becomes a delivered alert within a
poll; a second instance is refused; SIGTERM stops it cleanly; SIGKILL of the daemon (with its
crawls, or alone while they finish) at random moments loses nothing, duplicates nothing and
delivers exactly the alerts that were due; a trickling receiver holds up nothing. The first and
the password tests run on PostgreSQL too (its URL, with a password, given in ``EVWATCH_DB``)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pickle
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from crawler.replica.process import ReplicaProcess
from crawler.replica.site import load_articles
from tests import processes
from tests.conftest import BACKENDS, FAST, REPO, database_text, query, run_evwatch
from tests.pg import PASSWORD
from tests.processes import process_tree
from tests.servers import Reply, WebhookReceiver

pytestmark = pytest.mark.slow

SECRET_ENV = "EVWATCH_TEST_WEBHOOK_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch daemon test secret, 32 b").decode()
POLL_SECONDS = 3.0


@pytest.fixture()
def replica() -> Iterator[ReplicaProcess]:
    with ReplicaProcess(slow_seconds=0.2) as server:  # its own: these tests publish news
        yield server


@pytest.fixture()
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(secret=SECRET) as server:
        yield server


@pytest.fixture()
def setup(tmp_path: Path, receiver: WebhookReceiver) -> dict[str, Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(REPO / "seeds" / "henandaily.toml", seeds)
    config = tmp_path / "evwatch.toml"
    config.write_text(
        f"""[daemon]
dispatch_interval_seconds = 1
stop_timeout_seconds = 8
crawl_timeout_seconds = 60
[daemon.sources.henandaily]
interval_minutes = {POLL_SECONDS / 60}
[dispatch]
backoff_seconds = 0
max_attempts = 50
[[subscriber]]
name = "desk"
webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", allow_private_addresses = true }}
""",
        encoding="utf-8",
    )
    return {"db": tmp_path / "evwatch.db", "seeds": seeds, "config": config}


@pytest.fixture(params=BACKENDS)
def any_setup(
    request: pytest.FixtureRequest, setup: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Any]]:
    """``setup`` on SQLite, or on a PostgreSQL database named by ``EVWATCH_DB`` (never --db)."""
    if request.param == "sqlite":
        yield setup
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    monkeypatch.setenv("EVWATCH_DB", url)
    yield {**setup, "db": url}
    cluster.drop_database(url)


def evwatch_args(setup: dict[str, Any], *args: str) -> list[str]:
    db = ["--db", f"sqlite:///{setup['db']}"] if isinstance(setup["db"], Path) else []
    return [
        *db, "--seeds", str(setup["seeds"]), "--config", str(setup["config"]), *args,
    ]  # fmt: skip


def start_daemon(setup: dict[str, Path], replica: ReplicaProcess) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "evwatch",
               *evwatch_args(setup, "daemon", "--replica", replica.url)]  # fmt: skip
    return subprocess.Popen(
        command, cwd=REPO, env={**os.environ, SECRET_ENV: SECRET}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def unpaced(setup: dict[str, Any]) -> None:
    """Henan Daily's seed copy without its 2 s between requests (the replica is ours): its
    archive is crawled in seconds, not half a minute. The schedule is unchanged."""
    seed = setup["seeds"] / "henandaily.toml"
    text = seed.read_text(encoding="utf-8")
    assert "download_delay = 2.0" in text
    seed.write_text(text.replace("download_delay = 2.0", "download_delay = 0"), encoding="utf-8")


def wait_for(condition: Callable[[], Any], timeout: float, step: float = 0.2) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"not reached within {timeout} s")


def crawl_child(daemon_pid: int) -> int | None:
    """The pid of a crawl the daemon is running, if any."""
    for pid in process_tree(daemon_pid)[1:]:
        try:
            args = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"crawl" in args and b"evwatch" in args:
            return pid
    return None


def finished_runs(db: Path | str) -> int:
    if isinstance(db, Path) and not db.exists():
        return 0
    try:
        return query(db, "SELECT count(*) FROM crawl_runs WHERE finished_at IS NOT NULL")[0][0]
    except (sqlite3.OperationalError, DBAPIError):  # not migrated yet
        return 0


def successful_runs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return query(db, "SELECT count(*) FROM crawl_runs WHERE status IN ('ok', 'partial')")[0][0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def stop(process: subprocess.Popen[str], timeout: float = 30) -> str:
    process.send_signal(signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # a daemon that did not stop fails this test, not a later one that finds it running
        process.kill()
        process.communicate()
        raise
    return output


def test_news_published_while_the_daemon_runs_arrives_within_a_poll(
    any_setup: dict[str, Any], replica: ReplicaProcess, receiver: WebhookReceiver
) -> None:
    setup = any_setup
    unpaced(setup)
    daemon = start_daemon(setup, replica)
    try:
        wait_for(lambda: finished_runs(setup["db"]) >= 1, timeout=60)
        assert receiver.requests == []  # the first crawl is the archive: historical
        article = replica.publish("henandaily")
        published = time.monotonic()
        wait_for(lambda: receiver.requests, timeout=POLL_SECONDS + 20)
        latency = time.monotonic() - published
        body = json.loads(receiver.requests[0].body)
        assert (body["kind"], body["entity"], body["value"], body["rung"]) == (
            "threshold", "Henan", 103600, 100000,
        )  # fmt: skip
        assert body["article"]["title"] == article["title"]
        assert receiver.requests[0].signature_ok
        assert latency < POLL_SECONDS + 15, latency

        began = time.monotonic()
        second = run_evwatch(*evwatch_args(setup, "daemon"), timeout=30)
        assert second.returncode == 2 and time.monotonic() - began < 2 + 3  # + start-up
        assert f"pid {daemon.pid}" in second.stderr and "evwatch daemon" in second.stderr
        cron = run_evwatch(*evwatch_args(setup, "run", "henandaily"), timeout=30)
        assert cron.returncode == 2 and f"pid {daemon.pid}" in cron.stderr

        status = run_evwatch(*evwatch_args(setup, "status", "--format", "json"), timeout=30)
        report = json.loads(status.stdout)
        assert status.returncode == 0, report["needs_attention"]
        henan = next(s for s in report["sources"] if s["source"] == "henandaily")
        assert henan["health"] == "ok" and henan["next_run"]
        assert f"pid {daemon.pid}" in report["daemon"]
    finally:
        began = time.monotonic()
        output = stop(daemon)
    assert daemon.returncode == 0, output[-2000:]
    assert time.monotonic() - began < 8 + 10
    assert "daemon stopped" in output


def kill_tree(process: subprocess.Popen[str]) -> None:
    processes.kill_tree(process.pid)
    process.communicate(timeout=30)


def kill_daemon_only(process: subprocess.Popen[str]) -> None:
    """SIGKILL to the daemon alone: its crawl lives on for a moment (it stops by itself when it
    sees the daemon gone), overlapping the next daemon."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


DUE = {"threshold:Henan:production:nev:100000", "streak:Henan:production:nev:100000:2025-11"}


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    setup: dict[str, Path], replica: ReplicaProcess, receiver: WebhookReceiver
) -> None:
    rng = random.Random(5)
    late = load_articles("henandaily", late=True)
    publish_at = {4: late[-1], 11: late[-2]}  # oldest first, as the replica publishes
    # Jiemian too, a paginated listing killed from its very first crawl: its older pages must
    # still be read by a later crawl, and its archive must stay historical.
    shutil.copy(REPO / "seeds" / "jiemian.toml", setup["seeds"])
    config = setup["config"].read_text(encoding="utf-8")
    setup["config"].write_text(
        config.replace(
            "[dispatch]", f"[daemon.sources.jiemian]\ninterval_minutes = {POLL_SECONDS / 60}\n"
            "[dispatch]",
        ),
        encoding="utf-8",
    )  # fmt: skip
    # Henan Daily's archive is crawled to the end once first (the command each daemon job
    # runs, without the seed's pacing): until then every crawl is a backfill, and the news
    # published below would be historical too. Jiemian's first crawl is a daemon's, killed.
    first = run_evwatch(
        *evwatch_args(setup, "crawl", "henandaily", "--replica", replica.url, "--quiet"), *FAST,
        timeout=90, **{SECRET_ENV: SECRET},
    )  # fmt: skip
    assert first.returncode == 0, first.stderr[-2000:]
    assert henan_successful_runs(setup["db"]) == 1
    kills = 0
    for kill in range(20):
        if kill in publish_at:
            replica.publish("henandaily")
        daemon = start_daemon(setup, replica)
        time.sleep(rng.uniform(0.5, 5.0))
        # Every other time the crawls survive the daemon for a moment.
        (kill_daemon_only if kill % 2 else kill_tree)(daemon)
        kills += 1

    db = setup["db"]
    every = {a["title"] for a in [*load_articles("henandaily"), *late]}
    reference = setup["db"].with_name("reference.db")  # one whole crawl of Jiemian
    crawled = run_evwatch("--db", f"sqlite:///{reference}", "--seeds", str(setup["seeds"]),
                          "crawl", "jiemian", "--replica", replica.url, "--quiet",
                          *FAST)  # fmt: skip
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    jiemian = {t for (t,) in query(reference, "SELECT title FROM articles")}
    daemon = start_daemon(setup, replica)
    try:

        def settled() -> bool:
            pending = query(db, "SELECT count(*) FROM deliveries WHERE status != 'sent'")
            stored = {t for (t,) in query(db, "SELECT title FROM articles")}
            return pending == [(0,)] and every | jiemian <= stored

        wait_for(settled, timeout=120)
    finally:
        stop(daemon)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    titles = [t for (t,) in query(db, "SELECT title FROM articles")]
    assert len(titles) == len(set(titles)) and set(titles) == every | jiemian
    assert query(db, "SELECT count(*) = count(DISTINCT key) FROM alerts") == [(1,)]
    # Exactly the alerts the published news called for are live: the archives are historical.
    live = {k for (k,) in query(db, "SELECT key FROM alerts WHERE historical = 0")}
    assert live == DUE
    delivered = query(db, "SELECT a.key, d.message_id, d.status FROM deliveries d "
                      "JOIN alerts a ON a.id = d.alert_id")  # fmt: skip
    assert sorted(key for key, _, _ in delivered) == sorted(DUE)  # one each
    assert {status for _, _, status in delivered} == {"sent"}
    received = Counter(r.headers["webhook-id"] for r in receiver.requests)
    assert set(received) == {message_id for _, message_id, _ in delivered}
    # A kill between sending and recording re-sends, with the same id: at most once per kill.
    assert sum(received.values()) - len(received) <= kills, received
    assert query(db, "SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL") == [(0,)]
    # Every figure the current parser finds in the stored articles is stored, exactly once.
    check = run_evwatch("--db", f"sqlite:///{db}", "reparse", "--dry-run", timeout=60)
    assert check.stdout.strip().endswith(
        "would change 0 articles: 0 figures added, 0 changed, 0 removed; 0 new alerts"
    ), check.stdout


def henan_successful_runs(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return query(
            db, "SELECT count(*) FROM crawl_runs r JOIN sources s ON s.id = r.source_id "
            "WHERE s.name = 'henandaily' AND r.status IN ('ok', 'partial')",
        )[0][0]  # fmt: skip
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def test_a_second_signal_stops_the_daemon_and_its_crawls_at_once(
    setup: dict[str, Path], replica: ReplicaProcess
) -> None:
    unpaced(setup)
    daemon = start_daemon(setup, replica)
    try:
        # After a whole crawl, with the next one running: the signals find a crawl to stop.
        wait_for(
            lambda: finished_runs(setup["db"]) >= 1 and crawl_child(daemon.pid), timeout=60,
            step=0.05,
        )  # fmt: skip
        tree = process_tree(daemon.pid)
        daemon.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        began = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        daemon.communicate(timeout=30)
        assert time.monotonic() - began < 5
        assert daemon.returncode == 128 + signal.SIGTERM
    finally:
        if daemon.poll() is None:
            kill_tree(daemon)
    deadline = time.monotonic() + 5
    while alive := [pid for pid in tree if Path(f"/proc/{pid}").exists()]:
        assert time.monotonic() < deadline, f"left running: {alive}"
        time.sleep(0.1)
    open_runs = query(setup["db"], "SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL")
    assert open_runs == [(0,)]


def test_restarts_stop_all_crawls_together_cleanly_and_raise_no_health_alerts(
    tmp_path: Path,
) -> None:
    # Three sources on slow pages, so that every SIGTERM finds crawls running.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sources = ("henandaily", "jiemian", "autobeta")
    for source in sources:
        shutil.copy(REPO / "seeds" / f"{source}.toml", seeds)
    config = tmp_path / "evwatch.toml"
    config.write_text(
        "[daemon]\nstop_timeout_seconds = 3\ndispatch_interval_seconds = 1\n"
        + "".join(f"[daemon.sources.{s}]\ninterval_minutes = 0.05\n" for s in sources),
        encoding="utf-8",
    )
    db = tmp_path / "evwatch.db"
    setup = {"db": db, "seeds": seeds, "config": config}

    def runs(where: str = "1") -> int:
        try:
            return query(db, f"SELECT count(*) FROM crawl_runs WHERE {where}")[0][0]
        except sqlite3.OperationalError:  # not migrated yet
            return 0

    with ReplicaProcess(slow_seconds=3.0) as slow:
        for _restart in range(3):
            before = runs()  # wait for crawls of this daemon, not rows of the one before
            daemon = start_daemon(setup, slow)
            try:
                wait_for(
                    lambda before=before: runs() - before >= 2 and runs("finished_at IS NULL") >= 2,
                    timeout=60,
                )
            finally:
                began = time.monotonic()
                output = stop(daemon, timeout=60)
            took = time.monotonic() - began
            assert daemon.returncode == 0, output[-2000:]
            # stop_timeout_seconds (3) + the grace all crawls share (3) + margin for a loaded
            # machine; ending them one after another took 3 + 3 per crawl.
            assert took < 3 + 3 + 6, (took, output[-2000:])
            assert " ERROR " not in output, output[-3000:]
            assert "daemon stopped" in output
    statuses = {s for (s,) in query(db, "SELECT status FROM crawl_runs")}
    # (A crawl SIGKILLed after its grace leaves its run open: the next start closes it.)
    assert "interrupted" in statuses
    # Runs cut short by our own stops say nothing about the sources.
    assert query(db, "SELECT count(*) FROM alerts WHERE kind = 'source_health'") == [(0,)]


def test_the_database_url_stays_out_of_crawl_arguments_and_job_rows(
    any_setup: dict[str, Any], replica: ReplicaProcess
) -> None:
    setup = any_setup
    on_sqlite = isinstance(setup["db"], Path)
    daemon = start_daemon(setup, replica)
    url = f"sqlite:///{setup['db']}" if on_sqlite else setup["db"]
    secret = str(setup["db"]) if on_sqlite else PASSWORD

    try:
        pid = wait_for(lambda: crawl_child(daemon.pid), timeout=60, step=0.05)
        args = (Path("/proc") / str(pid) / "cmdline").read_bytes()
        environ = (Path("/proc") / str(pid) / "environ").read_bytes().split(b"\0")
        daemon_args = (Path("/proc") / str(daemon.pid) / "cmdline").read_bytes()
    finally:
        output = stop(daemon)
    assert secret.encode() not in args  # `ps` shows arguments to every user
    assert f"EVWATCH_DB={url}".encode() in environ
    if not on_sqlite:  # nor in the daemon's arguments, its log, its lock or its job rows
        assert PASSWORD.encode() not in daemon_args
        assert "daemon started" in output and PASSWORD not in output
        states = [bytes(state) for (state,) in query(url, "SELECT job_state FROM apscheduler_jobs")]
        assert states and all(b"evwatch:***@127.0.0.1" in state for state in states)
        assert not any(PASSWORD.encode() in state for state in states)
        assert PASSWORD not in database_text(url)

    # A PostgreSQL URL's password is masked in what the job store pickles into its rows.
    from evwatch.daemon import DaemonOptions, _url, stored_options

    real = DaemonOptions("postgresql+psycopg://evw:s3cret-pw@db.internal/evwatch", None, None, None)
    stored = stored_options(real)
    assert b"s3cret-pw" not in pickle.dumps(stored)
    assert _url(stored) == real.db_url  # the daemon itself still finds the real URL


def test_the_lock_file_masks_a_database_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evwatch.instance import InstanceLock

    monkeypatch.chdir(tmp_path)
    # A server database other than PostgreSQL (which has its advisory lock): a lock file.
    url = "mysql+pymysql://evw:s3cret-pw@db.internal/evwatch"
    monkeypatch.setattr(sys, "argv", ["evwatch", "--db", url, "daemon"])
    with InstanceLock(url, "daemon") as lock:
        content = lock.path.read_text()
    assert "s3cret-pw" not in content
    assert (
        json.loads(content)["command"]
        == "evwatch --db mysql+pymysql://evw:***@db.internal/evwatch daemon"
    )


def test_log_format_json_is_json_end_to_end(setup: dict[str, Path]) -> None:
    config = setup["config"].read_text(encoding="utf-8")
    setup["config"].write_text(
        config.replace("stop_timeout_seconds = 8", "stop_timeout_seconds = 1")
    )
    with ReplicaProcess(slow_seconds=3.0) as slow:  # the stop finds a crawl running
        args = evwatch_args(setup, "daemon", "--replica", slow.url, "--log-format", "json")
        daemon = subprocess.Popen(
            [sys.executable, "-m", "evwatch", *args], cwd=REPO,
            env={**os.environ, SECRET_ENV: SECRET}, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            wait_for(lambda: query_running(setup["db"]) >= 1, timeout=90)
        finally:
            output = stop(daemon)
    records = []
    for line in output.splitlines():
        if line.strip():
            try:
                records.append(json.loads(line))
            except ValueError:
                raise AssertionError(f"not JSON: {line!r}") from None
    # The crawl's own notice that it is stopping, relayed as a record of the daemon's log (a
    # crawl killed after its grace may add Python's own warnings, relayed the same way).
    from_crawl = [r["message"] for r in records if r["logger"] == "evwatch.crawl"]
    assert (
        "henandaily: evwatch: SIGTERM: stopping, keeping what was fetched (again to stop at once)"
        in from_crawl
    )


def query_running(db: Path) -> int:
    try:
        return query(db, "SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL")[0][0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def test_a_trickling_receiver_holds_up_neither_other_receivers_nor_crawls(
    setup: dict[str, Path], replica: ReplicaProcess, receiver: WebhookReceiver
) -> None:
    with WebhookReceiver([Reply(trickle=2.0)], secret=SECRET) as slow:  # a byte every 2 s
        config = setup["config"].read_text(encoding="utf-8")
        first = (
            f'[[subscriber]]\nname = "a-slow"\nwebhook = {{ url = "{slow.url}", '
            f'secret_env = "{SECRET_ENV}", allow_private_addresses = true }}\n'
        )  # first in the outbox
        setup["config"].write_text(
            config.replace("[[subscriber]]\n", first + "[[subscriber]]\n"), encoding="utf-8"
        )
        unpaced(setup)
        daemon = start_daemon(setup, replica)
        try:
            wait_for(lambda: finished_runs(setup["db"]) >= 1, timeout=60)
            replica.publish("henandaily")
            # The two sends run side by side, so either receiver may see its request first.
            wait_for(
                lambda: receiver.requests and slow.requests, timeout=POLL_SECONDS + 30, step=0.05
            )
            # Sent while the trickling receiver's send (10 s deadline) had not ended yet.
            slow_attempts = query(
                setup["db"], "SELECT count(*) FROM delivery_attempts a JOIN deliveries d "
                "ON d.id = a.delivery_id WHERE d.subscriber = 'a-slow'",
            )  # fmt: skip
            assert slow_attempts == [(0,)]
            # Crawls keep their schedule (every 3 s) while sends to it keep stalling: two more
            # finish, and it is tried again once the first send is cut at its 10 s.
            before = finished_runs(setup["db"])
            wait_for(
                lambda: finished_runs(setup["db"]) >= before + 2 and len(slow.requests) >= 2,
                timeout=40,
            )
        finally:
            output = stop(daemon, timeout=60)
    assert daemon.returncode == 0, output[-2000:]
    assert len(receiver.requests) == 1
