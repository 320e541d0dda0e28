"""Delivery tools: ``evwatch deliveries`` (pending, failing with the last error, dead; filters;
csv and jsonl), ``dispatch --retry-now``, ``--requeue-dead``, webhook ids that are random, stored
and kept across re-sends, and ``notify-test`` kept out of the alert history."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.conftest import query
from tests.servers import SmtpServer, WebhookReceiver
from tests.test_alert_dispatch import SECRET, SECRET_ENV, evwatch, ingest_article, write_config


@pytest.fixture(autouse=True)
def webhook_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)


def listed(db: Path, config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert evwatch(db, config, "deliveries", *args) == 0
    return capsys.readouterr().out


def test_failing_dead_retried_now_and_requeued_with_one_webhook_id(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver([500, 500, 200], secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        config.write_text(
            config.read_text().replace("max_attempts = 6", "max_attempts = 2")
            .replace("backoff_seconds = 0", "backoff_seconds = 3600"),
            encoding="utf-8",
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        pending = listed(db, config, capsys, "--state", "pending", "--format", "jsonl")
        assert {json.loads(line)["channel"] for line in pending.splitlines()} == {
            "email", "webhook",
        }  # fmt: skip
        assert evwatch(db, config, "dispatch") == 1  # mail sent, webhook failed

        [failing] = map(json.loads, listed(db, config, capsys, "--state", "failing",
                                           "--format", "jsonl").splitlines())  # fmt: skip
        assert (failing["channel"], failing["attempts"]) == ("webhook", 1)
        assert "500" in failing["last_error"]
        assert evwatch(db, config, "dispatch") == 0  # not due for an hour
        assert len(receiver.requests) == 1
        assert evwatch(db, config, "dispatch", "--retry-now") == 1  # second failure: dead
        assert len(receiver.requests) == 2

        dead = listed(db, config, capsys, "--state", "dead", "--channel", "webhook",
                      "--format", "csv")  # fmt: skip
        [row] = list(csv.DictReader(io.StringIO(dead)))
        assert (row["state"], row["subscriber"], row["attempts"]) == ("dead", "desk", "2")
        assert listed(db, config, capsys, "--state", "dead", "--channel", "email",
                      "--format", "jsonl") == ""  # fmt: skip
        assert "requeued 1 dead deliveries" in listed(db, config, capsys, "--requeue-dead")
        assert evwatch(db, config, "dispatch") == 0
        assert evwatch(db, config, "dispatch") == 0
    assert len(receiver.requests) == 3 and len(smtp.messages) == 1
    ids = {r.headers["webhook-id"] for r in receiver.requests}
    [(message_id,)] = query(db, "SELECT message_id FROM deliveries WHERE channel = 'webhook'")
    assert ids == {message_id} and re.fullmatch(r"evw_[0-9a-f]{32}", str(message_id))
    assert query(db, "SELECT status FROM deliveries ORDER BY id") == [("sent",), ("sent",)]


def test_notify_test_leaves_no_alert_and_nothing_to_resend(db_url: str, tmp_path: Path) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver([500], secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        assert evwatch(db, config, "notify-test", "desk") == 1  # the webhook failed
        assert query(db, "SELECT count(*) FROM alerts") == [(0,)]
        assert query(db, "SELECT count(*) FROM deliveries") == [(0,)]
        assert evwatch(db, config, "dispatch", "--retry-now") == 0
    assert len(smtp.messages) == 1 and len(receiver.requests) == 1


def test_deliveries_filter_by_subscriber_and_alert_and_requeue_only_those(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_url
    with (
        WebhookReceiver([500, 200], secret=SECRET) as desk,
        WebhookReceiver([500], secret=SECRET) as wire,
    ):
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[dispatch]\nmax_attempts = 1\nbackoff_seconds = 0\n"
            + "".join(
                f'[[subscriber]]\nname = "{name}"\nkinds = ["threshold"]\n'
                f'webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", '
                "allow_private_addresses = true }\n"
                for name, receiver in (("desk", desk), ("wire", wire))
            ),
            encoding="utf-8",
        )
        ingest_article(tmp_path, db, config)
        assert evwatch(db, config, "dispatch") == 1  # both fail once: dead
        [(alert_id,)] = query(db, "SELECT DISTINCT alert_id FROM deliveries")

        def rows(*args: str) -> list[dict[str, object]]:
            out = listed(db, config, capsys, *args, "--format", "jsonl")
            return [json.loads(line) for line in out.splitlines()]

        assert [(r["subscriber"], r["state"]) for r in rows("--subscriber", "desk")] == [
            ("desk", "dead")
        ]
        assert {r["subscriber"] for r in rows("--alert", str(alert_id))} == {"desk", "wire"}
        assert rows("--alert", str(int(str(alert_id)) + 1)) == []
        out = listed(db, config, capsys, "--requeue-dead", "--subscriber", "desk")
        assert "requeued 1 dead deliveries" in out
        assert evwatch(db, config, "dispatch") == 0
        assert evwatch(db, config, "dispatch") == 0
    assert (len(desk.requests), len(wire.requests)) == (2, 1)
    assert query(db, "SELECT subscriber, status FROM deliveries ORDER BY subscriber") == [
        ("desk", "sent"), ("wire", "dead"),
    ]  # fmt: skip
