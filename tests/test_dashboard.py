"""``evwatch serve`` in a real browser: the server started here on port 0 over a database the
replica demo filled (plus one hostile article), driven by the system's headless Chromium through
Playwright. Screenshots of the overview and an entity page go to tests/artifacts/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import REPO, query, run_evwatch

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "tests" / "artifacts"
HOSTILE_TITLE = "<script>alert(1)</script>"
ATOM = "{http://www.w3.org/2005/Atom}"
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's database, one article whose title is a script tag, and one more month of
    Leapmotor deliveries."""
    workdir = tmp_path_factory.mktemp("dashboard")
    db = workdir / "demo.db"
    demo = run_evwatch("--db", f"sqlite:///{db}", "demo")
    assert demo.returncode == 0, demo.stderr[-3000:]
    escaped = HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")
    ingest_page(
        db, workdir / "hostile.html", escaped, "2025-11-02",
        "NIO delivered 40,000 vehicles in October 2025, the company said on Saturday in a "
        "statement about its monthly deliveries.",
    )  # fmt: skip
    assert query(db, "SELECT count(*) FROM articles WHERE title = ?", HOSTILE_TITLE) == [(1,)]
    # The demo's sites are crawled side by side: whether its November Leapmotor figure crosses
    # a rung depends on whether August was stored first. A December stored after both always
    # crosses 80,000, so the chart has a crossing to draw whatever the order.
    ingest_page(
        db, workdir / "leapmotor-december.html", "Leapmotor December deliveries", "2026-01-01",
        "Leapmotor delivered 80,412 vehicles in December 2025, the carmaker said on Thursday in "
        "its monthly update.",
    )  # fmt: skip
    return db


def ingest_page(db: Path, page: Path, title: str, published: str, paragraph: str) -> None:
    """Writes one article page (``title`` already HTML-escaped) and stores it with `ingest`."""
    page.write_text(
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{paragraph}</p></article></body></html>",
        encoding="utf-8",
    )
    ingest = run_evwatch(
        "--db", f"sqlite:///{db}", "ingest", str(page), "--published", published,
        "--url", f"https://example.org/{page.name}", "--quiet",
    )  # fmt: skip
    assert ingest.returncode == 0, ingest.stderr[-3000:]


class Server:
    def __init__(self, db: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "evwatch", "--db", f"sqlite:///{db}", "serve", "--port", "0",
             *args],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, **(env or {})},
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert "http://127.0.0.1:" in line, line + self.process.stderr.read()[-3000:]  # type: ignore[union-attr]
        self.url = line.split()[3]

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path.lstrip("/"), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, dict(exc.headers), exc.read()

    def stop(self) -> None:
        self.process.terminate()
        self.process.communicate(timeout=15)


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[Server]:
    running = Server(demo_db)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module, with a fresh profile."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("EVWATCH_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(dir=tmp_path_factory.mktemp("chromium"))
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS,
            viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    tab = browser.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.dialogs = dialogs
    yield tab
    tab.close()


def stored_months(db: Path, entity: str, metric: str, segment: str) -> list[str]:
    rows = query(
        db,
        "SELECT DISTINCT strftime('%Y-%m', period_start) FROM figures WHERE entity = ? "
        "AND metric = ? AND segment = ? AND period_kind = 'month' ORDER BY 1",
        entity, metric, segment,
    )  # fmt: skip
    return [str(r[0]) for r in rows]


def test_the_overview_shows_every_source_and_the_latest_alerts(
    page: Any, server: Server, demo_db: Path
) -> None:
    response = page.goto(server.url)
    assert response.status == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    sources = page.locator("#table-sources tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.source)"
    )
    assert sorted(sources) == sorted({"jiemian", "autobeta", "tapas", "henandaily", "ingest"})
    stored = query(demo_db, "SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id "
                   "WHERE s.name = 'jiemian'")[0][0]  # fmt: skip
    cells = page.locator('#table-sources tr[data-source="jiemian"] td').all_inner_texts()
    assert cells[-1] == f"{stored:,}"
    shown = page.locator("#table-alerts tr.alert").count()
    assert shown == min(20, query(demo_db, "SELECT count(*) FROM alerts")[0][0])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-overview.png"), full_page=True)
    assert page.dialogs == []


def test_the_entity_chart_has_one_point_per_stored_month(
    page: Any, server: Server, demo_db: Path
) -> None:
    # Chinese name in, the canonical page out
    page.goto(server.url + "entity?name=" + urllib.request.quote("零跑"))
    assert page.url.endswith("/entity/Leapmotor")
    sections = page.locator("section.series")
    assert sections.count() == len(
        query(demo_db, "SELECT DISTINCT metric, segment FROM figures WHERE entity = 'Leapmotor'")
    )
    checked = 0
    for i in range(sections.count()):
        section = sections.nth(i)
        metric = section.get_attribute("data-metric")
        segment = section.get_attribute("data-segment")
        months = stored_months(demo_db, "Leapmotor", metric, segment)
        points = section.locator("svg.chart circle.point").evaluate_all(
            "cs => cs.map(c => c.dataset.month)"
        )
        assert points == months
        table = section.locator("table.months").first.locator("tbody tr[data-period-kind]")
        assert table.count() == len(months)
        checked += len(months)
    assert checked >= 2
    # Aug and Nov stored, Sep and Oct not: the gap is drawn, the line does not cross it
    deliveries = page.locator("#series-deliveries-nev svg.chart")
    gaps = deliveries.locator("rect.gap").evaluate_all("rs => rs.map(r => r.dataset.month)")
    assert gaps == ["2025-09", "2025-10"]
    assert deliveries.locator("line.rung").count() >= 1
    drawn = deliveries.locator("g.mark").evaluate_all(
        "gs => gs.map(g => g.getAttribute('class') + ' ' + g.dataset.month)"
    )
    alerted = query(
        demo_db,
        "SELECT kind, substr(period_start, 1, 7) FROM alerts WHERE entity = 'Leapmotor' "
        "AND metric = 'deliveries' AND segment = 'nev' AND period_kind = 'month' "
        "AND kind IN ('record', 'threshold') AND retracted_at IS NULL",
    )
    assert sorted(drawn) == sorted(f"mark {kind} {month}" for kind, month in alerted)
    assert "mark threshold 2025-12" in drawn
    page.screenshot(path=str(ARTIFACTS / "dashboard-entity.png"), full_page=True)


def test_the_alerts_table_lists_what_evwatch_alerts_lists(
    page: Any, server: Server, demo_db: Path
) -> None:
    listed = run_evwatch("--db", f"sqlite:///{demo_db}", "alerts", "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    expected = [json.loads(line) for line in listed.stdout.splitlines()]
    assert expected
    page.goto(server.url + "alerts")
    rows = page.locator("#table-alerts tr.alert")
    ids = rows.evaluate_all("rs => rs.map(r => Number(r.dataset.alertId))")
    messages = page.locator("#table-alerts tr.alert td.message").all_inner_texts()
    assert ids == [a["id"] for a in expected]
    assert messages == [a["message"] for a in expected]
    # the same table as JSON
    status, _, body = server.get("alerts?format=json")
    assert status == 200
    assert [a["id"] for a in json.loads(body)] == ids


def test_a_script_in_an_article_title_is_text(page: Any, server: Server) -> None:
    response = page.goto(server.url + "articles?q=" + urllib.request.quote("40,000 vehicles"))
    assert response.status == 200
    titles = page.locator("#table-articles td.title").all_inner_texts()
    assert HOSTILE_TITLE in titles
    page.goto(server.url + "entity/NIO")
    links = page.locator("table.months a").all_inner_texts()
    assert HOSTILE_TITLE in links
    assert page.locator("script").count() == 0
    assert page.dialogs == []


def test_the_atom_feed_has_one_entry_per_alert(server: Server, demo_db: Path) -> None:
    status, headers, body = server.get("alerts.atom")
    assert status == 200 and headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(body)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == query(demo_db, "SELECT count(*) FROM alerts")[0][0]
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)  # type: ignore[union-attr]
    _, _, body = server.get("alerts.atom?entity=" + urllib.request.quote("零跑") + "&kind=claim")
    filtered = ET.fromstring(body).findall(f"{ATOM}entry")
    assert (
        len(filtered)
        == query(
            demo_db, "SELECT count(*) FROM alerts WHERE entity = 'Leapmotor' AND kind = 'claim'"
        )[0][0]
    )
    assert 0 < len(filtered) < len(entries)


def test_csv_downloads_and_the_chart_command(server: Server, demo_db: Path, tmp_path: Path) -> None:
    status, headers, body = server.get("entity/Leapmotor?format=csv&table=months-deliveries-nev")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    lines = body.decode().splitlines()
    assert lines[0].startswith("period,period_kind,")
    assert len(lines) == 1 + len(stored_months(demo_db, "Leapmotor", "deliveries", "nev"))
    out = tmp_path / "leapmotor.svg"
    chart = run_evwatch(
        "--db", f"sqlite:///{demo_db}", "chart", "零跑", "--metric", "deliveries", "-o", str(out)
    )
    assert chart.returncode == 0, chart.stderr
    svg = ET.parse(out).getroot()
    points = [
        c for c in svg.iter("{http://www.w3.org/2000/svg}circle") if c.get("class") == "point"
    ]
    assert [p.get("data-month") for p in points] == stored_months(
        demo_db, "Leapmotor", "deliveries", "nev"
    )


def test_the_server_writes_nothing_and_refuses_writes(server: Server, demo_db: Path) -> None:
    before = demo_db.read_bytes()
    for path in ("", "alerts", "entity/Leapmotor", "articles?q=deliveries", "figures"):
        assert server.get(path)[0] == 200
    request = urllib.request.Request(server.url, data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
    refused.value.close()
    assert server.get("", Host="attacker.example")[0] == 400  # DNS rebinding
    assert demo_db.read_bytes() == before


def test_other_addresses_need_a_token(demo_db: Path) -> None:
    refused = run_evwatch("--db", f"sqlite:///{demo_db}", "serve", "--host", "0.0.0.0")
    assert refused.returncode == 2
    assert "EVWATCH_SERVE_TOKEN" in refused.stderr and len(refused.stderr.splitlines()) == 1
    token = "a-long-enough-test-token"
    guarded = Server(demo_db, env={"EVWATCH_SERVE_TOKEN": token})
    try:
        assert guarded.get("")[0] == 401
        assert guarded.get("", Authorization="Bearer wrong-token-of-some-length")[0] == 401
        assert guarded.get("", Authorization=f"Bearer {token}")[0] == 200
        assert guarded.get(f"alerts.atom?token={token}")[0] == 200
    finally:
        guarded.stop()
