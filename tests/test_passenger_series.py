"""A count of passenger cars is a series of its own: stored beside the maker's (or the country's)
total for the same month, it is never read as a revision of that total."""

from __future__ import annotations

from pathlib import Path

from evwatch.cli import main
from tests.conftest import as_url, query


def page(published: str, headline: str, sentence: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{headline}</title>
<meta property="article:published_time" content="{published}T09:30:00+08:00"></head><body>
<article><h1>{headline}</h1><p>{sentence}</p>
<p>The company did not comment on its plans for the rest of the year.</p></article></body></html>"""


def ingest(db: str, tmp_path: Path, name: str, source: str, html: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    assert main(["--db", as_url(db), "ingest", str(path), "--source", source, "--quiet"]) == 0


def test_a_passenger_count_is_no_revision_of_the_total(db_url: str, tmp_path: Path) -> None:
    total = "BYD sold 341,658 new energy vehicles in June, up 35% from a year earlier."
    passenger = (
        "Tesla's main Chinese rival BYD, which sells the Dynasty and Ocean ranges, sold 340,211 "
        "passenger vehicles in June."
    )
    ingest(db_url, tmp_path, "total", "jiemian", page("2024-07-01", "BYD June sales", total))
    ingest(db_url, tmp_path, "part", "autobeta", page("2024-07-02", "Tesla China", passenger))

    series = query(
        db_url,
        "SELECT segment, value FROM figures WHERE entity = 'BYD' AND period_start = '2024-06-01'"
        " ORDER BY value",
    )
    assert series == [("passenger", 340211), ("nev", 341658)]
    kinds = [kind for (kind,) in query(db_url, "SELECT kind FROM alerts")]
    assert "revision" not in kinds
