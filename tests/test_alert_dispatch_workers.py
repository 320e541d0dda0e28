"""Two dispatchers sharing one PostgreSQL outbox: each claims deliveries with
``FOR UPDATE SKIP LOCKED``, so every delivery is sent exactly once (counted at the receiver,
by webhook-id) and both do part of the work."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from alerts.config import load_config
from alerts.dispatch import Dispatcher, DispatchReport
from evwatch.cli import main
from store.db import Database
from tests.conftest import query
from tests.pg import PostgresCluster
from tests.servers import Reply, WebhookReceiver
from tests.test_alert_dispatch import SECRET, SECRET_ENV
from tests.test_alert_replay import write_archive

pytestmark = pytest.mark.postgres


def test_two_dispatchers_send_every_delivery_exactly_once(
    pg_cluster: PostgresCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)
    url = pg_cluster.create_database()
    with WebhookReceiver([Reply(status=200, delay=0.01)], secret=SECRET) as receiver:
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[dispatch]\nbackoff_seconds = 0\n"
            + "".join(
                f'[[subscriber]]\nname = "desk{n}"\n'
                f'webhook = {{ url = "{receiver.url_for(f"/hook{n}")}", '
                f'secret_env = "{SECRET_ENV}", allow_private_addresses = true }}\n'
                for n in range(2)
            ),
            encoding="utf-8",
        )
        archive = write_archive(tmp_path / "archive", "Example Wire")
        assert main(["--db", url, "--config", str(config), "ingest", *map(str, archive)]) == 0
        [(pending,)] = query(url, "SELECT count(*) FROM deliveries WHERE status = 'pending'")
        assert isinstance(pending, int) and pending > 50
        settings = load_config(config)
        databases = [Database(url) for _ in range(2)]
        start = threading.Barrier(2)
        reports: list[DispatchReport] = []

        def dispatch(database: Database) -> None:
            start.wait()
            reports.append(Dispatcher(database, settings).run_once())

        workers = [threading.Thread(target=dispatch, args=(d,)) for d in databases]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=300)
        for database in databases:
            database.dispose()
        received = Counter(r.headers["webhook-id"] for r in receiver.requests)
        assert all(r.signature_ok for r in receiver.requests)
    stored = {str(i) for (i,) in query(url, "SELECT message_id FROM deliveries")}
    assert len(reports) == 2
    assert set(received) == stored and len(stored) == pending
    assert [n for n in received.values() if n != 1] == []  # each id exactly once
    assert sorted(r.sent for r in reports)[0] > 0  # both took a share
    assert sum(r.sent for r in reports) == pending
    assert query(url, "SELECT count(*) FROM deliveries WHERE status <> 'sent'") == [(0,)]
    pg_cluster.drop_database(url)
