"""`evwatch extract` through evwatch.cli.main: formats, dates, HTML, stdin, errors."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from evwatch.cli import main

TEXT = (
    "Leapmotor delivered 70,327 vehicles in November, up 75% year on year.\n"
    "NIO handed over 36,275 cars in November. Xpeng plans to deliver 40,000 in December.\n"
)
KEYS = {
    "confidence",
    "doubts",
    "entity",
    "metric",
    "unit",
    "segment",
    "period_kind",
    "period_start",
    "period_end",
    "value",
    "qualifier",
    "yoy_pct",
    "mom_pct",
    "claims",
    "snippet",
}
HTML = """<!doctype html>
<html lang="en"><head>
<title>Leapmotor and NIO post November deliveries</title>
<meta property="article:published_time" content="2025-12-01T10:00:00+08:00">
</head><body><article>
<h1>Leapmotor and NIO post November deliveries</h1>
<p>Leapmotor delivered 70,327 vehicles in November, up 75% year on year, the startup said on
Monday in its monthly update to investors and customers.</p>
<p>NIO handed over 36,275 cars in November, helped by demand for its family SUV brand, and said
it continued to expand its battery swap network across the country.</p>
</article></body></html>
"""


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_jsonl_has_exactly_the_specified_keys(
    text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["extract", str(text_file), "--published", "2025-12-01", "--format", "jsonl"])
    assert code == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["entity"], r["value"]) for r in rows] == [("Leapmotor", 70327), ("NIO", 36275)]
    for row in rows:
        assert set(row) == KEYS
        assert row["period_start"] == "2025-11-01" and row["period_end"] == "2025-11-30"
        assert isinstance(row["value"], int) and isinstance(row["claims"], list)
    assert rows[0]["yoy_pct"] == 75.0


def test_json_is_one_array(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(text_file), "--published", "2025-12-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 2


def test_table_is_sorted_and_aligned(text_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(text_file), "--published", "2025-12-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("entity")
    assert lines[2].startswith("Leapmotor") and lines[3].startswith("NIO")
    assert "70,327" in lines[2]


def test_plain_text_without_published_exits_2(
    text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(text_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "--published" in err


def test_bad_published_and_missing_file_exit_2(
    text_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(text_file), "--published", "1 Dec 2025"]) == 2
    assert "--published" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "nope.txt"), "--published", "2025-12-01"]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_html_page_date_comes_from_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    assert main(["extract", str(page), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["entity"], r["value"], r["period_start"]) for r in rows} == {
        ("Leapmotor", 70327, "2025-11-01"),
        ("NIO", 36275, "2025-11-01"),
    }


def test_dash_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("零跑汽车11月交付70327辆，同比增长75%。".encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract", "-", "--published", "2025-12-01", "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["entity"], row["metric"], row["value"], row["yoy_pct"]) == (
        "Leapmotor",
        "deliveries",
        70327,
        75.0,
    )


def explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, published: str
) -> dict[str, dict[str, Any]]:
    """`evwatch extract --explain --format jsonl` on ``text``: its rows by number as written."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["extract", str(path), "--published", published, "--explain", "--format", "jsonl"])
    assert code == 0
    return {r["number"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}


def test_explain_accounts_for_every_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Startups in November\n"
        "Leapmotor delivered 70,327 vehicles in November, up 75% year on year. "
        "Its contract partner Qingyuan Motor sold 12,000 cars. "
        "Xpeng plans to deliver 40,000 in December.\n"
    )
    rows = explained(tmp_path, capsys, text, "2025-12-01")
    assert set(rows) == {"70,327", "75", "12,000", "40,000"}
    assert rows["70,327"]["figure"]["entity"] == "Leapmotor" and rows["70,327"]["reason"] == ""
    assert rows["12,000"]["figure"] is None
    assert "Qingyuan Motor" in rows["12,000"]["reason"]  # never given to Leapmotor
    assert rows["40,000"]["reason"].startswith("trap")
    assert rows["75"]["reason"].startswith("not a vehicle count")


def test_explain_table_names_each_outcome(
    text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(text_file), "--published", "2025-12-01", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Leapmotor deliveries Nov 2025 exact" in out
    assert "dropped: trap" in out
    assert out.rstrip().endswith("published 2025-12-01")


def test_explain_shows_the_figure_as_filed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A maker that reports deliveries has its "sales" filed as deliveries: --explain shows
    the figure so filed, never "stated again"."""
    text = (
        "The group delivered 59,616 BMW vehicles in China in September. "
        "BMW's sales for the first nine months rose 5.3 percent to 459,629.\n"
    )
    rows = explained(tmp_path, capsys, text, "2018-10-16")
    assert rows["459,629"]["reason"] == ""
    assert rows["459,629"]["figure"]["metric"] == "deliveries"
    assert rows["459,629"]["figure"]["period_kind"] == "ytd"
