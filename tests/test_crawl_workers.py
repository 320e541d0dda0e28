"""Two crawl workers and two dispatchers on one PostgreSQL database, as on two hosts: each worker
runs ``evwatch crawl`` from a working directory of its own, naming itself to the replica by its
User-Agent. While the first crawls a source (held up by the replica's slow page), the second
skips that source, says so in one line and in its run row, and requests nothing from it; no two
crawls of one source interleave at the replica. Every article is stored once and every delivery
(of the news the crawls found and of an ingested archive) reaches the webhook receiver exactly
once, by id."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from alerts.config import load_config
from alerts.dispatch import Dispatcher
from crawler.replica.process import ReplicaProcess
from crawler.replica.site import load_articles
from evwatch.cli import main
from store.db import Database
from tests.conftest import FAST, REPO, query
from tests.pg import PASSWORD, PostgresCluster
from tests.servers import Reply, WebhookReceiver
from tests.test_alert_dispatch import SECRET, SECRET_ENV
from tests.test_alert_replay import write_archive

pytestmark = pytest.mark.postgres

SOURCES = ("jiemian", "henandaily")
HOSTS = {"jiemian": "jiemian.com", "henandaily": "dahe.cn"}
# Jiemian's slow article holds its crawl (and the lock) this long: time for the second worker
# to start while the first still crawls it, even on a loaded machine.
SLOW_SECONDS = 15.0


def wait_for(condition: Callable[[], Any], timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"not reached within {timeout} s")


def worker(
    url: str, home: Path, replica: ReplicaProcess, name: str, sources: tuple[str, ...] = SOURCES
) -> subprocess.Popen[str]:
    """``evwatch crawl`` as one host would run it: its own directory, the database URL (with
    its password) in the environment, its name as its User-Agent."""
    home.mkdir(exist_ok=True)
    command = [
        sys.executable, "-m", "evwatch", "crawl", *sources, "--replica", replica.url,
        *FAST, "--set", f"USER_AGENT={name}",
    ]  # fmt: skip
    env = {**os.environ, "EVWATCH_DB": url, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        command, cwd=home, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def source_of(host: str) -> str:
    [source] = [s for s, domain in HOSTS.items() if host.endswith(domain)]
    return source


def test_two_crawl_workers_and_two_dispatchers_share_one_database(
    pg_cluster: PostgresCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    url = pg_cluster.create_database()
    with (
        ReplicaProcess(slow_seconds=SLOW_SECONDS) as replica,
        WebhookReceiver([Reply(status=200)], secret=SECRET) as receiver,
    ):
        config = tmp_path / "evwatch.toml"
        config.write_text(
            '[dispatch]\nbackoff_seconds = 0\n[[subscriber]]\nname = "desk"\n'
            f'webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", '
            "allow_private_addresses = true }\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("EVWATCH_CONFIG", str(config))
        # Henan Daily's archive first, so the news published next is not a backfill.
        first = worker(url, tmp_path / "host-a", replica, "worker-0", ("henandaily",))
        _, errors = first.communicate(timeout=120)
        assert first.returncode == 0, errors[-2000:]
        late = [replica.publish("henandaily") for _ in range(2)]
        # And an archive ingested: a backlog for the dispatchers while the workers crawl.
        archive = write_archive(tmp_path / "archive", "Example Wire")
        assert main(["--db", url, "--config", str(config), "ingest", "--quiet",
                     *map(str, archive)]) == 0  # fmt: skip
        replica.reset()

        settings = load_config(config)
        stopping = threading.Event()
        sent: list[int] = []

        def dispatcher() -> None:
            database = Database(url)
            try:
                while not stopping.is_set():
                    sent.append(Dispatcher(database, settings).run_once().sent)
                    time.sleep(0.2)
            finally:
                database.dispose()

        dispatchers = [threading.Thread(target=dispatcher) for _ in range(2)]
        for thread in dispatchers:
            thread.start()
        workers: list[subprocess.Popen[str]] = []
        try:
            a = worker(url, tmp_path / "host-a", replica, "worker-a")
            workers.append(a)
            running = (
                "SELECT count(*) FROM crawl_runs r JOIN sources s ON s.id = r.source_id "
                "WHERE s.name = 'jiemian' AND r.status = 'running'"
            )
            wait_for(lambda: query(url, running) == [(1,)], timeout=60)
            b = worker(url, tmp_path / "host-b", replica, "worker-b")
            workers.append(b)
            _, b_errors = b.communicate(timeout=120)
            _, a_errors = a.communicate(timeout=120)

            def settled() -> bool:
                pending = "SELECT count(*) FROM deliveries WHERE status <> 'sent'"
                return query(url, pending) == [(0,)]

            wait_for(settled, timeout=60)
        finally:
            for process in workers:
                if process.poll() is None:
                    process.kill()
                    process.communicate()
            stopping.set()
            for thread in dispatchers:
                thread.join(timeout=60)
        hits = replica.hits()
        received = Counter(r.headers["webhook-id"] for r in receiver.requests)
        assert all(r.signature_ok for r in receiver.requests)

    assert a.returncode == 0, a_errors[-2000:]
    # The second skipped Jiemian (held by the first), in one line naming the first's pid; on a
    # loaded machine it may find Henan Daily still held too, and says so the same way.
    assert b.returncode == 1, b_errors[-2000:]
    skipped = [line for line in b_errors.splitlines() if "skipped" in line]
    [line] = [line for line in skipped if "jiemian: skipped" in line]
    assert f"jiemian: skipped: another crawl of jiemian is running (pid {a.pid} on " in line
    assert all(f"is running (pid {a.pid} on " in other for other in skipped), skipped
    assert PASSWORD not in a_errors + b_errors
    runs = query(
        url, "SELECT s.name, r.status, r.finish_reason, r.started_at, r.finished_at "
        "FROM crawl_runs r JOIN sources s ON s.id = r.source_id ORDER BY r.id",
    )  # fmt: skip
    jiemian = [run[1:3] for run in runs if run[0] == "jiemian"]
    assert len(jiemian) == 2 and jiemian[0][0] in ("ok", "partial")
    assert jiemian[1][0] == "skipped" and str(jiemian[1][1]).startswith(
        f"another crawl running (pid {a.pid} on "
    )
    assert query(url, "SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL") == [(0,)]

    # At the replica: only the two workers, and per source one crawl after the other, never
    # interleaved; the second asked nothing of Jiemian.
    by_source: dict[str, list[tuple[float, str]]] = {source: [] for source in SOURCES}
    for hit in hits:
        by_source[source_of(str(hit["host"]))].append((float(hit["time"]), str(hit["agent"])))
    assert by_source["jiemian"] and {who for _, who in by_source["jiemian"]} == {"worker-a"}
    for source, times in by_source.items():
        agents = [agent for _, agent in sorted(times)]
        changes = sum(1 for x, y in itertools.pairwise(agents) if x != y)
        assert changes <= 1, f"{source}: crawls interleaved: {agents}"
        assert agents[0] == "worker-a" and set(agents) <= {"worker-a", "worker-b"}
        # and in the run rows: each crawl of the source began after the one before ended
        crawled = sorted(run[3:] for run in runs if run[0] == source and run[1] != "skipped")
        assert all(end < start for (_, end), (start, _) in itertools.pairwise(crawled)), crawled

    # Every article once: the replica's articles of both sources, the published news included.
    stored = Counter(
        str(title)
        for (title,) in query(
            url,
            "SELECT a.title FROM articles a JOIN sources s ON s.id = a.source_id "
            "WHERE s.name IN ('jiemian', 'henandaily')",
        )
    )
    expected = {a["title"] for s in SOURCES for a in load_articles(s)} | {a["title"] for a in late}
    assert set(stored) == expected
    assert [title for title, n in stored.items() if n != 1] == []
    urls = Counter(str(u) for (u,) in query(url, "SELECT canonical_url FROM articles"))
    assert [u for u, n in urls.items() if n != 1] == []

    # Every delivery exactly once, by id: the archive's and the crawled news'.
    deliveries = query(
        url, "SELECT d.message_id, d.status, s.name FROM deliveries d "
        "JOIN alerts al ON al.id = d.alert_id LEFT JOIN articles ar ON ar.id = al.article_id "
        "LEFT JOIN sources s ON s.id = ar.source_id",
    )  # fmt: skip
    ids = {str(message_id) for message_id, _, _ in deliveries}
    assert {status for _, status, _ in deliveries} == {"sent"}
    assert "henandaily" in {source for _, _, source in deliveries}  # the crawled news
    assert set(received) == ids
    assert [n for n in received.values() if n != 1] == []
    assert sum(sent) == len(ids)
    pg_cluster.drop_database(url)
