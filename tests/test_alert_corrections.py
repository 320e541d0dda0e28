"""Corrections: a rejected figure, or one a reparse no longer finds, retracts the alerts resting
on it; everyone who got such an alert receives one correction, once, through the same channel
(mail from the aiosmtpd server, webhook payload type ``alert.retracted``); a rejection survives
reparse."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from evwatch.cli import main
from tests.conftest import as_url, query
from tests.servers import HOST, SmtpServer, WebhookReceiver

SECRET_ENV = "EVWATCH_TEST_WEBHOOK_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch correction test secret 32").decode()
NOVEMBER = "HIMA handed over 81,864 vehicles in November, the alliance said on Monday."


def page(published: str, sentence: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>HIMA deliveries</title>
<meta property="article:published_time" content="{published}T20:15:00+08:00"></head><body>
<article><h1>HIMA deliveries</h1><p>{sentence}</p>
<p>The group gave no forecast for December.</p></article></body></html>"""


@pytest.fixture(autouse=True)
def webhook_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)


def setup(
    db_url: str, tmp_path: Path, smtp: SmtpServer, receiver: WebhookReceiver
) -> tuple[Path, Path]:
    """October (the archive) then November as news, dispatched to mail and webhook."""
    db = db_url
    config = tmp_path / "evwatch.toml"
    config.write_text(
        f'[smtp]\nhost = "{HOST}"\nport = {smtp.port}\nsecurity = "none"\ntimeout = 5\n'
        "[dispatch]\nbackoff_seconds = 0\n"
        '[[subscriber]]\nname = "desk"\nemail = ["analyst@example.org"]\nkinds = ["threshold"]\n'
        f'webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", '
        f"allow_private_addresses = true }}\n",
        encoding="utf-8",
    )
    for name, published, sentence, extra in (
        ("october", "2025-11-01", "HIMA delivered 68,216 vehicles in October.", ["--quiet"]),
        ("november", "2025-12-01", NOVEMBER, []),
    ):
        path = tmp_path / f"{name}.html"
        path.write_text(page(published, sentence), encoding="utf-8")
        assert evwatch(db, config, "ingest", str(path), "--source", "jiemian", *extra) == 0
    assert evwatch(db, config, "dispatch") == 0
    assert len(smtp.messages) == 1 and len(receiver.requests) == 1
    return db, config


def evwatch(db: Path, config: Path, *args: str) -> int:
    return main(["--db", as_url(db), "--config", str(config), *args])


def november_figure(db: Path) -> int:
    [(figure_id,)] = query(db, "SELECT id FROM figures WHERE period_start = '2025-11-01'")
    return int(figure_id)  # type: ignore[call-overload]


def assert_one_correction(smtp: SmtpServer, receiver: WebhookReceiver, reason: str) -> None:
    """Exactly one correction by mail and one by webhook, for the November threshold."""
    subjects = [m.message["Subject"] for m in smtp.messages]
    corrections = [s for s in subjects if s.startswith("[evwatch] Correction:")]
    assert len(corrections) == 1, subjects
    assert corrections[0].startswith("[evwatch] Correction: HIMA: above 80,000 deliveries")
    bodies = [json.loads(r.body) for r in receiver.requests]
    retracted = [b for b in bodies if b["type"] == "alert.retracted"]
    assert len(retracted) == 1, bodies
    assert retracted[0]["message"].endswith(f"— {reason}")
    assert retracted[0]["message"].startswith("Correction: HIMA: above 80,000 deliveries")
    assert all(r.signature_ok for r in receiver.requests)


def test_a_rejected_figure_sends_one_correction_and_stays_rejected(
    db_url: str, tmp_path: Path
) -> None:
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        db, config = setup(db_url, tmp_path, smtp, receiver)
        figure = november_figure(db)
        reason = "was not a monthly figure"
        assert evwatch(db, config, "figures", "reject", str(figure), "--reason", reason) == 0
        assert query(db, "SELECT count(*) FROM alerts WHERE retracted_at IS NOT NULL") == [(1,)]
        assert evwatch(db, config, "dispatch") == 0
        assert evwatch(db, config, "dispatch") == 0
        assert_one_correction(smtp, receiver, reason)

        # the rejection survives a reparse, and a second reject of the same id fails
        assert evwatch(db, config, "reparse", "--deliver") == 0
        assert query(db, "SELECT count(*) FROM figures WHERE period_start = '2025-11-01'") == [(0,)]
        assert query(db, "SELECT reason FROM figure_rejections") == [(reason,)]
        assert evwatch(db, config, "figures", "reject", str(figure), "--reason", reason) != 0
        assert evwatch(db, config, "dispatch") == 0
        assert len(smtp.messages) == 2 and len(receiver.requests) == 2


def test_a_figure_the_reparse_no_longer_finds_is_corrected_once(
    db_url: str, tmp_path: Path
) -> None:
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        db, config = setup(db_url, tmp_path, smtp, receiver)
        # the stored text, as a fixed extractor reads it: the figure is not there
        query(db, "UPDATE articles SET text = ? WHERE text LIKE '%81,864%'",
              "HIMA said on Monday that demand held up.")  # fmt: skip
        for _ in range(2):
            assert evwatch(db, config, "reparse") == 0
            assert evwatch(db, config, "dispatch") == 0
        assert_one_correction(smtp, receiver, "the figure is no longer read from the article")


def test_a_revision_below_the_rung_corrects_the_threshold_once(db_url: str, tmp_path: Path) -> None:
    with SmtpServer() as smtp, WebhookReceiver(secret=SECRET) as receiver:
        db, config = setup(db_url, tmp_path, smtp, receiver)
        for name in ("revised", "revised-again"):
            path = tmp_path / f"{name}.html"
            path.write_text(
                page("2025-12-03", "HIMA delivered 79,864 vehicles in November, it said."),
                encoding="utf-8",
            )
            source = "otherdaily" if name == "revised" else "thirdwire"
            assert evwatch(db, config, "ingest", str(path), "--source", source) == 0
            assert evwatch(db, config, "dispatch") == 0
        assert_one_correction(smtp, receiver, "the figure was revised to 79,864")
