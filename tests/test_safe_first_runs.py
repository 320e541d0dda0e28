"""Safe first runs: the demo's invented news never reaches a subscriber, and a source stays in
backfill until a crawl of it has stored articles (a failed first crawl ends nothing)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.replica.process import ReplicaProcess
from tests.conftest import FAST, REPO, query
from tests.servers import WebhookReceiver, free_port

pytestmark = pytest.mark.slow

SECRET_ENV = "EVWATCH_TEST_WEBHOOK_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch first-run test secret, 32").decode()


@pytest.fixture()
def replica() -> Iterator[ReplicaProcess]:
    with ReplicaProcess(slow_seconds=0.2) as server:  # its own: these tests publish news
        yield server


@pytest.fixture()
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(secret=SECRET) as server:
        yield server


@pytest.fixture()
def workdir(tmp_path: Path, receiver: WebhookReceiver) -> Path:
    """A working directory with a subscriber in ./evwatch.toml, as an operator has it."""
    (tmp_path / "evwatch.toml").write_text(
        f"""[dispatch]
backoff_seconds = 0
[[subscriber]]
name = "desk"
webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", allow_private_addresses = true }}
""",
        encoding="utf-8",
    )
    return tmp_path


def evwatch(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``evwatch`` run in the operator's working directory (default database and config)."""
    return subprocess.run(
        [sys.executable, "-m", "evwatch", "--seeds", str(REPO / "seeds"), *args],
        cwd=workdir,
        env={k: v for k, v in os.environ.items() if k not in ("EVWATCH_DB", "EVWATCH_CONFIG")}
        | {SECRET_ENV: SECRET},
        capture_output=True,
        text=True,
        timeout=240,
    )


def crawl(workdir: Path, replica_url: str) -> subprocess.CompletedProcess[str]:
    return evwatch(workdir, "crawl", "henandaily", "--replica", replica_url, "--quiet", *FAST)


def test_demo_then_a_live_crawl_delivers_nothing_stale(
    workdir: Path, replica: ReplicaProcess, receiver: WebhookReceiver
) -> None:
    demo = evwatch(workdir, "demo")
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "demo.db" in demo.stdout
    demo_db = workdir / "demo.db"
    assert query(demo_db, "SELECT count(*) FROM articles")[0][0] > 0
    assert query(demo_db, "SELECT count(*) FROM alerts WHERE NOT historical") == [(0,)]
    assert query(demo_db, "SELECT count(*) FROM deliveries") == [(0,)]
    assert not (workdir / "evwatch.db").exists()

    live = crawl(workdir, replica.url)
    assert live.returncode == 0, live.stderr[-3000:]
    db = workdir / "evwatch.db"
    assert query(db, "SELECT count(*) FROM alerts")[0][0] > 0
    assert query(db, "SELECT count(*) FROM alerts WHERE NOT historical") == [(0,)]
    assert evwatch(workdir, "dispatch").returncode == 0
    assert receiver.requests == []

    replica.publish("henandaily")  # real news after the backfill is delivered, and only it
    fresh = crawl(workdir, replica.url)
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    assert evwatch(workdir, "dispatch").returncode == 0
    assert len(receiver.requests) == query(db, "SELECT count(*) FROM deliveries")[0][0] >= 1
    newest = query(db, "SELECT max(id) FROM articles")[0][0]
    assert query(db, "SELECT DISTINCT article_id FROM alerts WHERE NOT historical") == [(newest,)]


def test_a_failed_first_crawl_does_not_end_the_backfill(
    workdir: Path, replica: ReplicaProcess, receiver: WebhookReceiver
) -> None:
    unreachable = f"http://127.0.0.1:{free_port()}"
    failed = crawl(workdir, unreachable)
    assert failed.returncode == 1
    db = workdir / "evwatch.db"
    assert query(db, "SELECT status, new_articles FROM crawl_runs") == [("failed", 0)]

    good = crawl(workdir, replica.url)
    assert good.returncode == 0, good.stderr[-3000:]
    assert query(db, "SELECT count(*) FROM alerts")[0][0] > 0
    assert query(db, "SELECT count(*) FROM alerts WHERE NOT historical") == [(0,)]
    assert query(db, "SELECT count(*) FROM deliveries") == [(0,)]
    assert evwatch(workdir, "dispatch").returncode == 0
    assert receiver.requests == []

    replica.publish("henandaily")
    fresh = crawl(workdir, replica.url)
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    assert evwatch(workdir, "dispatch").returncode == 0
    assert len(receiver.requests) >= 1
