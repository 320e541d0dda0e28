"""Figures through the whole crawl path: parsed in the crawl, stored once per article and key,
listed and consolidated by ``evwatch figures``, re-parsed by ``evwatch reparse``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SOURCES, query, run_evwatch

pytestmark = pytest.mark.slow


def figures_of(db: Path, *where: str) -> list[tuple[Any, ...]]:
    """(source, article URL, entity, metric, segment, kind, start, end, value, qualifier)."""
    return query(
        db,
        "SELECT s.name, a.canonical_url, f.entity, f.metric, f.segment, f.period_kind, "
        "f.period_start, f.period_end, f.value, f.qualifier FROM figures f "
        "JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id "
        f"WHERE {' AND '.join(where) or '1=1'}",
    )


def test_the_crawl_stores_each_articles_figures_once(crawled: dict[str, Any]) -> None:
    db = crawled["db"]
    hima = figures_of(db, "f.entity = 'HIMA'", "f.metric = 'deliveries'", "f.period_kind = 'month'")
    assert (
        sorted((r[0], r[6], r[7], r[8]) for r in hima)
        == [("jiemian", "2025-11-01", "2025-11-30", 81864)] * 2
    )  # the English and the Chinese story
    # The bilingual Henan piece states the Jan-Sep figure in both languages: one row.
    henan = figures_of(db, "f.entity = 'Henan'", "f.value = 401000")
    assert [(r[0], r[3], r[4], r[5], r[6], r[7]) for r in henan] == [
        ("henandaily", "production", "nev", "ytd", "2024-01-01", "2024-09-30")
    ]
    zhejiang = figures_of(db, "f.entity = 'Zhejiang'", "f.metric = 'production'")
    assert ("jiemian", "ytd", "2025-11-30", 1233000) in {(r[0], r[5], r[7], r[8]) for r in zhejiang}


def test_capacities_plans_and_money_are_not_stored_as_figures(crawled: dict[str, Any]) -> None:
    no_figures = [
        "https://www.jiemian.com/article/13650377.html",  # Xiaomi approval: capacities, plans
        "https://www.autobeta.net/news/108841.html",  # the same story at AutoBeta
        "https://www.jiemian.com/article/13701733.html",  # charging points
    ]
    for url in no_figures:
        assert figures_of(crawled["db"], f"a.canonical_url = '{url}'") == [], url
    values = {r[8] for r in figures_of(crawled["db"])}
    assert not values & {200000, 100000, 43000000, 300000, 150000, 43_000_000_000}


def test_runs_count_new_figures_and_a_recrawl_adds_none(crawled: dict[str, Any]) -> None:
    runs = query(crawled["db"], "SELECT new_figures FROM crawl_runs ORDER BY id")
    stored = query(crawled["db"], "SELECT count(*) FROM figures")[0][0]
    assert stored > 20
    assert sum(r[0] for r in runs[: len(SOURCES)]) == stored
    assert [r[0] for r in runs[len(SOURCES) :]] == [0] * len(SOURCES)


def test_figures_command_filters_by_group_and_consolidates(crawled: dict[str, Any]) -> None:
    db_url = f"sqlite:///{crawled['db']}"
    geely = run_evwatch("--db", db_url, "figures", "--entity", "Geely", "--format", "jsonl")
    assert geely.returncode == 0, geely.stderr
    entities = {json.loads(line)["entity"] for line in geely.stdout.splitlines()}
    assert "Lynk & Co+Zeekr" in entities
    assert entities <= {
        "Geely",
        "Zeekr",
        "Lynk & Co",
        "Lynk & Co+Zeekr",
        "Geely Galaxy",
        "Geely Changxing",
    }
    by_alias = run_evwatch("--db", db_url, "figures", "--entity", "吉利", "--format", "jsonl")
    assert by_alias.stdout == geely.stdout  # a Chinese alias names the same group

    consolidated = run_evwatch(
        "--db", db_url, "figures", "--consolidated", "--period", "2025-11", "--format", "csv"
    )
    assert consolidated.returncode == 0, consolidated.stderr
    table = list(csv.DictReader(io.StringIO(consolidated.stdout)))
    hima = [r for r in table if r["entity"] == "HIMA" and r["metric"] == "deliveries"]
    month = [r for r in hima if r["period_kind"] == "month"]
    assert [(r["value"], r["reports"], r["disagreement"]) for r in month] == [("81864", "2", "{}")]

    unknown = run_evwatch("--db", db_url, "figures", "--entity", "Nonexistent Motors")
    assert unknown.returncode == 2
    assert unknown.stderr.strip().count("\n") == 0 and "Nonexistent Motors" in unknown.stderr


def test_reparse_restores_a_changed_figure_and_then_finds_nothing(
    crawled: dict[str, Any], tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(crawled["db"]) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE figures SET value = 1 WHERE entity = 'NIO'")
        connection.execute("DELETE FROM figures WHERE entity = 'Xpeng'")
        xpeng_alerts = connection.execute("SELECT count(*) FROM alerts WHERE entity = 'Xpeng'")
        assert xpeng_alerts.fetchone()[0] > 0
        connection.execute("DELETE FROM alerts WHERE entity = 'Xpeng'")
    first = run_evwatch("--db", f"sqlite:///{copy}", "reparse")
    assert first.returncode == 0, first.stderr
    assert "value 1 -> 36275" in first.stdout
    assert query(copy, "SELECT count(*) FROM figures WHERE value = 1") == [(0,)]
    # the rules ran over the restored figures: Xpeng's alerts are back, historical
    assert query(copy, "SELECT count(*), min(historical) FROM alerts WHERE entity = 'Xpeng'") == (
        query(crawled["db"], "SELECT count(*), min(historical) FROM alerts WHERE entity = 'Xpeng'")
    )
    original = query(crawled["db"], "SELECT count(*) FROM figures")
    assert query(copy, "SELECT count(*) FROM figures") == original
    second = run_evwatch("--db", f"sqlite:///{copy}", "reparse")
    assert second.stdout.strip().endswith(
        "changed 0 articles: 0 figures added, 0 changed, 0 removed; 0 new alerts"
    )
