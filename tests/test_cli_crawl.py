"""The crawl as users start it: ``evwatch demo`` twice, and ``scrapy crawl`` by hand."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.items import EXPORTED_FIELDS
from crawler.replica.process import ReplicaProcess
from crawler.replica.site import load_articles
from tests.conftest import REPO, query, run_evwatch

pytestmark = pytest.mark.slow


def summary_rows(stdout: str) -> dict[str, list[str]]:
    """The summary table's rows by source: status, pages, article pages, new articles,
    new figures, errors."""
    table: dict[str, list[str]] = {}
    for line in stdout.splitlines():
        cells = line.split()
        if (
            len(cells) == 7
            and cells[0] in ("jiemian", "autobeta", "tapas", "henandaily")
            and cells[1] in ("ok", "partial", "failed")
        ):
            table[cells[0]] = cells[1:]
    return table


def test_demo_stores_all_sources_then_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "evwatch.db"
    first = run_evwatch("--db", f"sqlite:///{db}", "demo")
    assert first.returncode == 0, first.stderr[-3000:]
    rows = summary_rows(first.stdout)
    assert sorted(rows) == ["autobeta", "henandaily", "jiemian", "tapas"]
    assert all(int(r[3]) > 0 for r in rows.values())
    stored = query(db, "SELECT count(*) FROM articles")[0][0]
    expected = sum(len([a for a in load_articles(s) if a.get("role") != "dead"]) for s in rows)
    assert stored == expected
    assert "published (UTC)" in first.stdout

    second = run_evwatch("--db", f"sqlite:///{db}", "demo")
    assert second.returncode == 0, second.stderr[-3000:]
    again = summary_rows(second.stdout)
    assert [(r[2], r[3]) for r in again.values()] == [("0", "0")] * 4
    assert query(db, "SELECT count(*) FROM articles")[0][0] == stored


def test_scrapy_crawl_by_hand(replica: ReplicaProcess, tmp_path: Path) -> None:
    db = tmp_path / "hand.db"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "henandaily",
            "-s",
            f"EVWATCH_DB=sqlite:///{db}",
            "-s",
            f"EVWATCH_REPLICA_URL={replica.url}",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "LOG_LEVEL=INFO",
        ],
        cwd=REPO,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("EVWATCH_")},
            "SCRAPY_PROJECT": "replica",  # scrapy.cfg: the replica's download handler
        },
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    titles = {r[0] for r in query(db, "SELECT title FROM articles")}
    assert titles == {a["title"] for a in load_articles("henandaily")}
    runs = query(db, "SELECT status, new_articles FROM crawl_runs")
    assert runs == [("ok", len(titles))]


def test_crawl_of_unknown_source_is_one_line_error(tmp_path: Path) -> None:
    result = run_evwatch("--db", f"sqlite:///{tmp_path / 'x.db'}", "crawl", "nosuchsite")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "evwatch: error: unknown source nosuchsite (known: autobeta, henandaily, jiemian, tapas)"
    ]


def scrapy_command(
    *args: str, db: Path, replica: ReplicaProcess
) -> subprocess.CompletedProcess[str]:
    """``scrapy ARGS`` from the repository root, against the replica, paced for it."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args, "-s", f"EVWATCH_DB=sqlite:///{db}",
         "-s", f"EVWATCH_REPLICA_URL={replica.url}", "-s", "DOWNLOAD_DELAY=0",
         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=WARNING"],
        cwd=REPO, capture_output=True, text=True, timeout=240,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("EVWATCH_")},
             "SCRAPY_PROJECT": "replica"},
    )  # fmt: skip


def test_scrapy_list_names_one_spider_per_seed_and_nothing_else() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"], cwd=REPO, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["autobeta", "henandaily", "jiemian", "tapas"]


def test_scrapy_feed_exports_write_every_article(replica: ReplicaProcess, tmp_path: Path) -> None:
    jsonl, csv_file = tmp_path / "items.jsonl", tmp_path / "items.csv"
    result = scrapy_command(
        "crawl", "henandaily", "-O", str(jsonl), "-O", str(csv_file), db=tmp_path / "e.db",
        replica=replica,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    titles = {a["title"] for a in load_articles("henandaily")}
    exported = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {item["title"] for item in exported} == titles
    assert all(item["text"] and item["canonical_url"].startswith("https://") for item in exported)
    assert any(item["figures"] for item in exported)
    with csv_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["title"] for row in rows} == titles
    assert set(rows[0]) == set(EXPORTED_FIELDS)
