"""The evidence gate: an alert on a figure below the confidence bar is held (stored, listed,
not delivered) until a second source corroborates it, which releases it exactly once; several
outlets reporting one figure make one alert; an approximate value agrees within its rounding."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from alerts.evidence import agrees, implausible, rounding_unit
from evwatch.cli import main
from tests.conftest import as_url, query
from tests.servers import WebhookReceiver

SECRET_ENV = "EVWATCH_TEST_WEBHOOK_SECRET"
SECRET = "whsec_" + base64.b64encode(b"evwatch evidence test secret, 32").decode()


def page(published: str, sentence: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>HIMA deliveries</title>
<meta property="article:published_time" content="{published}T20:15:00+08:00"></head><body>
<article><h1>HIMA deliveries</h1><p>{sentence}</p></article></body></html>"""


def test_an_approximate_value_agrees_within_its_rounding() -> None:
    assert rounding_unit(480200) == 100 and rounding_unit(480000) == 10000
    assert agrees(480200, "approx", 480186, "exact")  # 48.02万辆
    assert agrees(480186, "exact", 480000, "approx")  # 约48万辆
    assert not agrees(482000, "approx", 480186, "exact")  # more than 1,000 off
    assert not agrees(480185, "exact", 480186, "exact")
    assert implausible("revision", 5539, 51715) and not implausible("revision", 51900, 51715)


@pytest.fixture(autouse=True)
def webhook_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, SECRET)


def test_a_held_alert_is_released_once_by_a_second_source(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_url
    with WebhookReceiver(secret=SECRET) as receiver:
        config = tmp_path / "evwatch.toml"
        config.write_text(
            "[rules.evidence]\nmin_confidence = 0.99\n[dispatch]\nbackoff_seconds = 0\n"
            f'[[subscriber]]\nname = "desk"\nkinds = ["threshold"]\n'
            f'webhook = {{ url = "{receiver.url}", secret_env = "{SECRET_ENV}", '
            f"allow_private_addresses = true }}\n",
            encoding="utf-8",
        )

        def evwatch(*args: str) -> int:
            return main(["--db", as_url(db), "--config", str(config), *args])

        def ingest(name: str, source: str, published: str, sentence: str, *extra: str) -> None:
            path = tmp_path / f"{name}.html"
            path.write_text(page(published, sentence), encoding="utf-8")
            assert evwatch("ingest", str(path), "--source", source, *extra) == 0

        ingest(
            "october",
            "jiemian",
            "2025-11-01",
            "HIMA delivered 68,216 vehicles in October, the alliance said.",
            "--quiet",
        )
        ingest(
            "november",
            "jiemian",
            "2025-12-01",
            "HIMA handed over 81,864 vehicles in November, the alliance said on Monday.",
        )
        threshold = "SELECT held, retracted_at FROM alerts WHERE kind = 'threshold'"
        assert query(db, threshold) == [(1, None)]
        assert query(db, "SELECT count(*) FROM deliveries") == [(0,)]
        capsys.readouterr()
        assert evwatch("alerts", "--kind", "threshold", "--format", "jsonl") == 0
        [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert (listed["held"], listed["delivered"], listed["retracted"]) == (True, False, False)
        evwatch("status")
        assert "threshold (held): HIMA" in capsys.readouterr().out

        # the same outlet again, no more confident: still held
        ingest(
            "again",
            "jiemian",
            "2025-12-01",
            "HIMA handed over 81,864 vehicles in November, its statement said on Monday.",
        )
        assert query(db, threshold) == [(1, None)]

        # a second outlet, rounded: one alert, released once and delivered once
        ingest(
            "other",
            "otherdaily",
            "2025-12-02",
            "HIMA delivered about 81,900 vehicles in November, the alliance said.",
        )
        ingest(
            "third",
            "thirdwire",
            "2025-12-02",
            "HIMA handed over 81,864 vehicles in November, according to the alliance.",
        )
        assert query(db, threshold) == [(0, None)]
        assert query(db, "SELECT count(*) FROM alerts WHERE kind = 'threshold'") == [(1,)]
        assert evwatch("dispatch") == 0
        assert evwatch("dispatch") == 0
    assert len(receiver.requests) == 1
    body = json.loads(receiver.requests[0].body)
    assert (body["kind"], body["entity"], body["value"]) == ("threshold", "HIMA", 81864)
