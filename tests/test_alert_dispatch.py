"""The outbox end to end, with real servers: an ingested article's alert reaches an aiosmtpd
server and a signature-checking webhook receiver exactly once; retries keep the webhook-id; a
down SMTP server delays but loses nothing; 410 disables a channel; and a dispatcher killed at
random moments still delivers every alert."""

from __future__ import annotations

import base64
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.config import load_config
from alerts.dispatch import Dispatcher
from evwatch.cli import main
from store.db import Database
from tests.conftest import REPO, as_url, database_text, query
from tests.servers import HOST, Reply, SmtpServer, WebhookReceiver, free_port
from tests.test_alert_replay import write_archive

SECRET_ENV = "EVWATCH_TEST_WEBHOOK_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch dispatch test secret 32b").decode()
HOSTILE_TITLE = '<script>alert("x")</script> HIMA & co'
ARTICLE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HOSTILE_TITLE}</title>
<meta property="article:published_time" content="2025-12-01T20:15:00+08:00"></head><body>
<article><h1>{HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")}</h1>
<p>HIMA handed over 81,864 vehicles in November, the alliance said on Monday, as demand for its
larger SUVs held up through the end of the year.</p>
<p>The group did not give a forecast for December and said new models would follow.</p>
</article></body></html>"""


def write_config(path: Path, *, smtp_port: int, webhook_url: str | None, kinds: str) -> Path:
    lines = [
        "[smtp]",
        f'host = "{HOST}"',
        f"port = {smtp_port}",
        'security = "none"',
        'sender = "evwatch <alerts@example.org>"',
        "timeout = 5",
        "[dispatch]",
        "max_attempts = 6",
        "backoff_seconds = 0",
        "[[subscriber]]",
        'name = "desk"',
        'email = ["analyst@example.org"]',
        f"kinds = {kinds}",
    ]
    if webhook_url:
        lines.append(
            f'webhook = {{ url = "{webhook_url}", secret_env = "{SECRET_ENV}", '
            f"allow_private_addresses = true }}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def webhook_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)


def evwatch(db: Path, config: Path, *args: str) -> int:
    return main(["--db", as_url(db), "--config", str(config), *args])


OCTOBER = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>HIMA in October</title>
<meta property="article:published_time" content="2025-11-01T20:15:00+08:00"></head><body>
<article><h1>HIMA in October</h1><p>HIMA delivered 68,216 vehicles in October, the alliance
said on Saturday.</p></article></body></html>"""


def ingest_article(tmp_path: Path, db: Path, config: Path) -> None:
    """HIMA's October (the archive, ingested quietly), then November as news."""
    history = tmp_path / "hima-october.html"
    history.write_text(OCTOBER, encoding="utf-8")
    assert evwatch(db, config, "ingest", "--quiet", str(history), "--source", "jiemian") == 0
    page = tmp_path / "hima.html"
    page.write_text(ARTICLE, encoding="utf-8")
    assert evwatch(db, config, "ingest", str(page), "--source", "jiemian") == 0


def test_an_alert_reaches_email_and_a_signed_webhook_exactly_once(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        assert query(db, "SELECT count(*) FROM deliveries WHERE status = 'pending'") == [(2,)]
        assert evwatch(db, config, "dispatch") == 0
        assert evwatch(db, config, "dispatch") == 0  # nothing left: nothing sent twice

        assert len(smtp.messages) == 1
        mail = smtp.messages[0].message
        assert mail["Subject"] == (
            "[evwatch] HIMA: above 80,000 deliveries for the first time since records begin in "
            "Oct 2025 — 81,864 in Nov 2025"
        )
        assert mail["To"] == "analyst@example.org"
        html = mail.get_body(("html",)).get_content()
        text = mail.get_body(("plain",)).get_content()
        assert "&lt;script&gt;" in html and "<script>" not in html
        assert HOSTILE_TITLE in text

        assert len(receiver.requests) == 1
        request = receiver.requests[0]
        assert request.signature_ok is True
        body = json.loads(request.body)
        assert (body["kind"], body["entity"], body["value"], body["rung"]) == (
            "threshold", "HIMA", 81864, 80000,
        )  # fmt: skip
        assert body["article"]["title"] == HOSTILE_TITLE
    assert query(db, "SELECT status, attempts FROM deliveries ORDER BY id") == [("sent", 1)] * 2
    assert SECRET not in database_text(db)


def test_a_webhook_failing_three_times_is_delivered_once_with_one_id(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    with WebhookReceiver([500, 500, 500, 200], secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=free_port(), webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        for _ in range(5):
            evwatch(db, config, "dispatch")
    assert len(receiver.requests) == 4
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1
    [(message_id,)] = query(db, "SELECT message_id FROM deliveries WHERE channel = 'webhook'")
    assert receiver.requests[0].headers["webhook-id"] == message_id
    assert re.fullmatch(r"evw_[0-9a-f]{32}", str(message_id))
    assert all(r.signature_ok for r in receiver.requests)
    webhook = query(db, "SELECT status, attempts FROM deliveries WHERE channel = 'webhook'")
    assert webhook == [("sent", 4)]
    attempts = query(
        db, "SELECT ok, http_status FROM delivery_attempts a JOIN deliveries d "
        "ON d.id = a.delivery_id WHERE d.channel = 'webhook' ORDER BY a.id",
    )  # fmt: skip
    assert attempts == [(0, 500), (0, 500), (0, 500), (1, 200)]


def test_mail_waits_for_a_down_smtp_server_and_is_sent_when_it_returns(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    port = free_port()
    config = write_config(
        tmp_path / "evwatch.toml", smtp_port=port, webhook_url=None, kinds='["threshold"]'
    )
    ingest_article(tmp_path, db, config)
    assert evwatch(db, config, "dispatch") == 1  # refused: retry later
    assert query(db, "SELECT status, attempts FROM deliveries") == [("pending", 1)]
    server = SmtpServer()
    server.controller.port = port
    with server:
        assert evwatch(db, config, "dispatch") == 0
    assert len(server.messages) == 1
    assert query(db, "SELECT status, attempts FROM deliveries") == [("sent", 2)]


def test_a_gone_webhook_disables_the_channel_and_email_still_goes(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver([410], secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold", "streak", "record"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        evwatch(db, config, "dispatch")
        assert len(receiver.requests) == 1 and len(smtp.messages) == 1
        assert query(db, "SELECT channel, status FROM deliveries ORDER BY channel") == [
            ("email", "sent"), ("webhook", "dead"),
        ]  # fmt: skip
        assert query(db, "SELECT channel, target FROM disabled_channels") == [
            ("webhook", receiver.url)
        ]
        later = tmp_path / "later.html"
        later.write_text(
            ARTICLE.replace("81,864", "90,120").replace("November", "December")
            .replace("2025-12-01", "2026-01-02"),
            encoding="utf-8",
        )  # fmt: skip
        assert evwatch(db, config, "ingest", str(later), "--source", "jiemian") == 0
        evwatch(db, config, "dispatch")
        assert len(receiver.requests) == 1  # never called again
    channels = query(db, "SELECT channel FROM deliveries WHERE alert_id > 1")
    assert channels and {c for (c,) in channels} == {"email"}


def test_a_dispatcher_killed_at_random_moments_delivers_every_alert(tmp_path: Path) -> None:
    db = tmp_path / "evwatch.db"
    rng = random.Random(2025)
    # While the kills go on, each answer takes a while: kills land between a send and its
    # record, and the outbox outlasts the 20 kills (a kill with nothing left to send proves
    # nothing).
    answer = Reply(status=200, delay=0.3)
    with WebhookReceiver([answer], secret=SECRET) as receiver:
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[dispatch]\nbackoff_seconds = 0\nmax_attempts = 100\n"
            + "".join(
                f'[[subscriber]]\nname = "desk{n}"\n'
                f'webhook = {{ url = "{receiver.url_for(f"/hook{n}")}", '
                f'secret_env = "{SECRET_ENV}", '
            f'allow_private_addresses = true }}\n'
                for n in range(3)
            ),
            encoding="utf-8",
        )  # fmt: skip
        archive = write_archive(tmp_path / "archive", "Example Wire")
        assert evwatch(db, config, "ingest", *map(str, archive)) == 0
        deliveries = query(db, "SELECT count(*) FROM deliveries")[0][0]
        assert deliveries > 100
        kills = 0
        env = {**os.environ, SECRET_ENV: SECRET}
        command = [sys.executable, "-m", "evwatch", "--db", as_url(db),
                   "--config", str(config), "dispatch"]  # fmt: skip
        while kills < 20:
            process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)  # fmt: skip
            time.sleep(rng.uniform(0.4, 2.5))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait()
        answer.delay = 0  # the kills are over: the rest need not be slow
        for _ in range(5):  # then let it finish
            if query(db, "SELECT count(*) FROM deliveries WHERE status != 'sent'") == [(0,)]:
                break
            subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=300)
    assert query(db, "SELECT count(*) FROM deliveries WHERE status != 'sent'") == [(0,)]
    received = [(r.path, r.headers["webhook-id"]) for r in receiver.requests]
    assert all(r.signature_ok for r in receiver.requests)
    ids = query(db, "SELECT subscriber, message_id FROM deliveries")
    assert {i for _, i in received} == {i for _, i in ids}
    resent = len(received) - len(set(received))
    print(f"{kills} kills, {deliveries} deliveries, {resent} re-sent with the same id")
    # Only a kill between sending and recording re-sends, one message per receiver at most
    # (the three receivers are sent to at once).
    assert resent <= kills * 3
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_digest_subscriber_gets_one_mail_a_day_with_every_alert(
    db_url: str, tmp_path: Path
) -> None:
    db = db_url
    archive = write_archive(tmp_path / "archive", "Example Wire")
    with SmtpServer() as smtp:
        config = tmp_path / "evwatch.toml"
        config.write_text(
            f'[smtp]\nhost = "{HOST}"\nport = {smtp.port}\nsecurity = "none"\n'
            '[[subscriber]]\nname = "morning"\nemail = ["team@example.org"]\n'
            'mode = "digest"\ndigest_at = "08:00"\ntimezone = "Asia/Shanghai"\n'
            'entities = ["Leapmotor"]\nkinds = ["threshold"]\n',
            encoding="utf-8",
        )
        assert evwatch(db, config, "ingest", *map(str, archive[:12])) == 0
        [(due,)] = query(db, "SELECT DISTINCT next_attempt_at FROM deliveries")
        due_at = due if isinstance(due, datetime) else datetime.fromisoformat(str(due))
        due_at = due_at.replace(tzinfo=due_at.tzinfo or UTC).astimezone(UTC)
        assert (due_at.hour, due_at.minute, due_at.second) == (0, 0, 0)  # 08:00 in Shanghai
        assert evwatch(db, config, "dispatch") == 0
        assert smtp.messages == []  # not yet: the digest hour has not come
        database = Database(as_url(db))
        later = due_at + timedelta(minutes=1)
        report = Dispatcher(database, load_config(config)).run_once(now=later)
        database.dispose()
    thresholds = query(db, "SELECT count(*) FROM alerts WHERE kind = 'threshold' "
                       "AND entity = 'Leapmotor'")[0][0]  # fmt: skip
    assert thresholds >= 2 and report.sent == thresholds
    assert len(smtp.messages) == 1
    mail = smtp.messages[0].message
    assert mail["Subject"].startswith(f"[evwatch] {thresholds} alerts")
    text = mail.get_body(("plain",)).get_content()
    assert "above 30,000 deliveries for the first time since records begin in Jun 2024" in text
    assert "above 40,000 deliveries for the first time" in text
    assert "Xpeng" not in text


def test_notify_test_sends_a_sample_through_every_channel(db_url: str, tmp_path: Path) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        assert evwatch(db, config, "notify-test", "desk") == 0
        assert evwatch(db, config, "notify-test", "nobody") == 2
    assert len(smtp.messages) == 1 and "test alert" in smtp.messages[0].message["Subject"]
    assert len(receiver.requests) == 1 and receiver.requests[0].signature_ok


def test_status_asks_for_a_human_when_a_delivery_is_dead(db_url: str, tmp_path: Path) -> None:
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver([410], secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        assert evwatch(db, config, "status") == 0
        evwatch(db, config, "dispatch")
        assert evwatch(db, config, "status") == 1


def test_status_counts_cancelled_deliveries(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An alert retracted before it went out: its deliveries are cancelled, counted apart from
    pending, failing and dead (by ``evwatch status`` and the dashboard's overview), and need
    no human."""
    db = db_url
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        config = write_config(
            tmp_path / "evwatch.toml", smtp_port=smtp.port, webhook_url=receiver.url,
            kinds='["threshold"]',
        )  # fmt: skip
        ingest_article(tmp_path, db, config)
        [(figure,)] = query(db, "SELECT id FROM figures WHERE period_start = '2025-11-01'")
        reason = "was not a monthly figure"
        assert evwatch(db, config, "figures", "reject", str(figure), "--reason", reason) == 0
        capsys.readouterr()
        assert evwatch(db, config, "status", "--format", "json") == 0
        counts = json.loads(capsys.readouterr().out)["deliveries"]
        assert (counts["pending"], counts["failing"], counts["dead"], counts["cancelled"]) == (
            0, 0, 0, 2,
        )  # fmt: skip
        assert evwatch(db, config, "status") == 0
        assert "0 pending, 0 failing, 0 dead, 2 cancelled" in capsys.readouterr().out
        assert "0 pending, 0 failing, 0 dead, 0 sent, 2 cancelled." in overview(db, config)
        assert evwatch(db, config, "dispatch") == 0
    assert smtp.messages == [] and receiver.requests == []
    assert query(db, "SELECT status, count(*) FROM deliveries GROUP BY status") == [
        ("cancelled", 2)
    ]


def overview(db: str, config: Path) -> str:
    """The dashboard's overview page of this database, as the server renders it."""
    from crawler.seeds import load_seeds
    from evwatch.web import pages
    from evwatch.web.app import template_env
    from store.readonly import ReadOnlyDatabase

    reader = ReadOnlyDatabase(db)
    try:
        page = pages.overview(reader, load_config(config), load_seeds(REPO / "seeds"))
    finally:
        reader.dispose()
    return template_env().get_template("overview.html").render(page=page, **page.extra)


def test_a_trickling_receiver_does_not_hold_up_another(tmp_path: Path) -> None:
    """The trickling receiver's subscriber comes first in the outbox; the other one still gets
    its alert at once, while the slow send is in progress."""
    db = tmp_path / "evwatch.db"
    slow_reply = Reply(trickle=0.5)  # a 60-byte answer, a byte every half second
    with (
        WebhookReceiver([slow_reply], secret=SECRET) as slow,
        WebhookReceiver(secret=SECRET) as fast,
    ):
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[dispatch]\nbackoff_seconds = 0\n"
            + "".join(
                f'[[subscriber]]\nname = "{name}"\nkinds = ["threshold"]\n'
                f'webhook = {{ url = "{url}", secret_env = "{SECRET_ENV}", '
                f"allow_private_addresses = true }}\n"
                for name, url in (("a-slow", slow.url), ("b-fast", fast.url))
            ),
            encoding="utf-8",
        )
        ingest_article(tmp_path, db, config)
        assert query(db, "SELECT subscriber FROM deliveries ORDER BY id") == [
            ("a-slow",), ("b-fast",),
        ]  # fmt: skip
        database = Database(f"sqlite:///{db}")
        dispatcher = Dispatcher(database, load_config(config), webhook_timeout=60)
        began = time.monotonic()
        worker = threading.Thread(target=dispatcher.run_once)
        worker.start()
        deadline = began + 20
        while not fast.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        waited = time.monotonic() - began
        assert fast.requests and slow.requests, "nothing reached the fast receiver"
        assert worker.is_alive()  # the slow send is still in progress
        assert waited < 20
    worker.join(timeout=30)  # the slow receiver has hung up
    database.dispose()
    assert query(db, "SELECT subscriber, status FROM deliveries ORDER BY id") == [
        ("a-slow", "pending"), ("b-fast", "sent"),
    ]  # fmt: skip


def test_a_webhook_on_a_private_address_is_refused_unless_the_subscriber_allows_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "evwatch.db"
    with WebhookReceiver(secret=SECRET) as receiver:
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[dispatch]\nbackoff_seconds = 0\n"
            f'[[subscriber]]\nname = "desk"\nkinds = ["threshold"]\n'
            f'webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}" }}\n'
            f'[[subscriber]]\nname = "metadata"\nkinds = ["threshold"]\n'
            f'webhook = {{ url = "http://2852039166/latest/", secret_env = "{SECRET_ENV}" }}\n',
            encoding="utf-8",
        )
        ingest_article(tmp_path, db, config)
        assert evwatch(db, config, "dispatch") == 1  # deliveries died
        assert receiver.requests == []
        rows = query(db, "SELECT subscriber, status, last_error FROM deliveries ORDER BY id")
        assert [(name, status) for name, status, _ in rows] == [
            ("desk", "dead"), ("metadata", "dead"),
        ]  # fmt: skip
        assert rows[0][2].startswith("refused: 127.0.0.1 is a loopback address")
        assert rows[1][2].startswith(
            "refused: 2852039166 resolves to 169.254.169.254, a link-local (cloud metadata)"
        )

        config.write_text(
            config.read_text().replace(
                f'secret_env = "{SECRET_ENV}" }}\n[[subscriber]]\nname = "metadata"',
                f'secret_env = "{SECRET_ENV}", allow_private_addresses = true }}\n'
                '[[subscriber]]\nname = "metadata"',
            )
        )
        assert evwatch(db, config, "deliveries", "--requeue-dead", "--subscriber", "desk") == 0
        assert evwatch(db, config, "dispatch") == 0
        assert len(receiver.requests) == 1
