"""The dashboard keeps an entity page between requests only while the database is unchanged:
new figures, or a rejected one, written by another process while ``evwatch serve`` runs, show
on the next request."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import Database
from store.readonly import ReadOnlyDatabase
from tests.conftest import query, run_evwatch
from tests.test_dashboard import Server


def article(published: str, sentence: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>HIMA deliveries</title>
<meta property="article:published_time" content="{published}T20:15:00+08:00"></head><body>
<article><h1>HIMA deliveries</h1><p>{sentence}</p>
<p>The group gave no forecast for the next month.</p></article></body></html>"""


def ingest(db: Path, tmp_path: Path, name: str, published: str, sentence: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(article(published, sentence), encoding="utf-8")
    done = run_evwatch(
        "--db", f"sqlite:///{db}", "ingest", str(path), "--source", "jiemian", "--quiet"
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]


def test_an_entity_page_is_kept_until_new_figures_land(tmp_path: Path) -> None:
    db = tmp_path / "evwatch.db"
    ingest(db, tmp_path, "october", "2025-11-01", "HIMA delivered 68,216 vehicles in October.")
    server = Server(db)
    try:
        status, headers, first = server.get("/entity/HIMA")
        assert status == 200 and headers["x-evwatch-cache"] == "miss"
        assert "68,216" in first.decode() and "81,864" not in first.decode()
        status, headers, again = server.get("/entity/HIMA")
        assert (status, headers["x-evwatch-cache"], again) == (200, "hit", first)

        ingest(
            db, tmp_path, "november", "2025-12-01", "HIMA delivered 81,864 vehicles in November."
        )
        status, headers, fresh = server.get("/entity/HIMA")
        assert status == 200 and headers["x-evwatch-cache"] == "miss"
        assert "68,216" in fresh.decode() and "81,864" in fresh.decode()
        # the download is its own page, built once too
        assert server.get("/entity/HIMA?format=csv")[1]["x-evwatch-cache"] == "miss"
        assert server.get("/entity/HIMA?format=csv")[1]["x-evwatch-cache"] == "hit"

        [(figure,)] = query(db, "SELECT id FROM figures WHERE period_start = '2025-11-01'")
        rejected = run_evwatch(
            "--db", f"sqlite:///{db}", "figures", "reject", str(figure), "--reason", "test"
        )  # fmt: skip
        assert rejected.returncode == 0, rejected.stderr[-3000:]
        status, headers, after = server.get("/entity/HIMA")
        assert status == 200 and headers["x-evwatch-cache"] == "miss"
        # November's row is gone from the months; its alert is marked retracted
        november = 'data-period-start="2025-11-01"'
        assert november in fresh.decode() and november not in after.decode()
        assert "retracted" not in fresh.decode() and "flag retracted" in after.decode()
        assert server.get("/entity/HIMA")[1]["x-evwatch-cache"] == "hit"
    finally:
        server.stop()


def test_the_generation_moves_on_with_each_commit_of_another_connection(db_url: str) -> None:
    """SQLite tells a reader that another connection committed; elsewhere nothing is kept."""
    Database(db_url).dispose()
    reader = ReadOnlyDatabase(db_url)
    try:
        first = reader.generation()
        if reader.dialect != "sqlite":
            assert first is None
            return
        assert first is not None
        assert reader.generation() == reader.generation() == first
        query(db_url, "INSERT INTO sources (name, title, home_url, created_at) "
              "VALUES ('x', 'X', 'https://x.test/', '2025-12-01 10:30:00')")  # fmt: skip
        second = reader.generation()
        assert second is not None and second > first
        assert reader.generation() == second
    finally:
        reader.dispose()


pytestmark = pytest.mark.slow
